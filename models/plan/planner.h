#pragma once

#include "helm/chartsourceresolver.h"
#include "helm/valuescredentials.h"
#include "kube/classification.h"
#include "kube/resourcetype.h"
#include "manifest/cleaner.h"
#include "manifest/problem.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

class Inventory;
class PlanCache;

// What a planned file holds, which decides its icon and how the user may change it.
enum class PlannedFileKind
{
    Manifest,          // one cleaned user-managed object
    HelmRelease,       // a Flux HelmRelease that adopts a running Helm release
    Source,            // a Flux HelmRepository / OCIRepository for charts
    FluxKustomization, // clusters/<cluster>/{infrastructure,workloads}.yaml
    Kustomization,     // a folder's kustomization.yaml
    Namespace,         // a folder's namespace.yaml
};

// Stable machine name: "manifest", "helmrelease", "source", "flux-kustomization",
// "kustomization", "namespace".
QString plannedFileKindId(PlannedFileKind kind);

struct PlannedFile
{
    QString path; // relative to the repository, '/'-separated, never absolute, never ".."
    QString text; // the rendered YAML, as it is written
    PlannedFileKind kind = PlannedFileKind::Manifest;
    // The live objects this file carries (sorted). A HelmRelease lists its release's records and
    // every object the release created: they are excluded as manifests, but this file stands
    // for them.
    QList<ObjectKey> objects;
    bool plainTextSecret = false; // an included Secret: its data lands in Git unencrypted
};

struct ExcludedObject
{
    ObjectKey key;
    Ownership ownership = Ownership::UserManaged;
    QString reason; // one sentence for the tree and the CLI, translated
};

// The settings of one Flux Kustomization entry point (clusters/<cluster>/<name>.yaml), edited in
// the window's settings form and saved in .fluxdesk/plan.yaml.
struct EntryPointSettings
{
    QString name;                                 // "infrastructure" or "workloads"
    QString interval = QStringLiteral("10m");     // how often Flux re-applies the folder
    QString retryInterval = QStringLiteral("1m"); // how soon it retries after a failure
    QString timeout = QStringLiteral("5m");       // how long one apply (and wait) may take
    bool prune = true;     // delete from the cluster what was removed from Git
    bool wait = true;      // wait for every applied object to become ready
    QStringList dependsOn; // entry points applied (and ready) first
    // List the side's Deployments and StatefulSets under spec.healthChecks. Flux ignores
    // healthChecks while wait is true, so this only takes effect with wait off.
    bool healthChecks = false;

    bool operator==(const EntryPointSettings &o) const;
    bool operator!=(const EntryPointSettings &o) const { return !(*this == o); }
};

// infrastructure, then workloads depending on infrastructure; both prune and wait.
QList<EntryPointSettings> defaultEntryPoints();

// A Flux duration ("30s", "10m", "1h30m"): Go's time.ParseDuration units h, m, s, ms.
bool isValidFluxDuration(const QString &text);

// The user's edits to one Helm release's conversion (from the release view): the values they
// edited, and what happens to credential-like values (a Secret read through valuesFrom unless the
// user chose to keep them inline).
struct ReleaseEdit
{
    QString ns;
    QString name;
    bool hasValues = false;
    QJsonObject values; // replaces the release's own values when hasValues
    // Paths (CredentialFinding::path) of credential values left out of `values` so that the plan
    // file holds none: the running release's values at those paths are used (see
    // withCredentialValuesFrom()).
    QStringList credentialsInSecret;
    CredentialHandling credentials = CredentialHandling::Secret;

    bool operator==(const ReleaseEdit &o) const
    {
        return ns == o.ns && name == o.name && hasValues == o.hasValues && values == o.values &&
               credentialsInSecret == o.credentialsInSecret && credentials == o.credentials;
    }
    bool operator!=(const ReleaseEdit &o) const { return !(*this == o); }
};

struct PlanOptions
{
    QString cluster = QStringLiteral("homelab");
    // User-managed Secrets the user chose to write (as plain text); all others are excluded.
    QSet<ObjectKey> includedSecrets;
    // Objects the user leaves out (a HelmRelease by its own key, helm.toolkit.fluxcd.io/
    // HelmRelease ns/name, leaves the whole release out).
    QSet<ObjectKey> excludedObjects;
    // Object -> the file the user moved it to (see isPlaceablePath). The key is the object the
    // file holds: the live object, the Namespace, or the HelmRelease.
    QHash<ObjectKey, QString> placements;
    ChartSourceContext chartSources; // where the Helm charts come from
    QList<EntryPointSettings> entryPoints = defaultEntryPoints();
    QList<ReleaseEdit> releaseEdits;
    CleanRules cleanRules = CleanRules::defaults();
    // Cleaned, rendered objects kept between plans (plan/plancache.h); null plans from scratch.
    // The plan is the same either way, only faster with a warm cache.
    PlanCache *cache = nullptr;
};

// The repository's YAML files the plan cares about (under clusters/, infrastructure/, workloads/),
// relative path -> content. Read from a checkout with readRepositoryFiles().
using RepositoryFiles = QMap<QString, QByteArray>;

struct Plan
{
    QString cluster;
    QList<PlannedFile> files;       // sorted by path, paths unique
    QList<ExcludedObject> excluded; // sorted by key
    QStringList bootstrapPaths;     // left to `flux bootstrap`: "clusters/<cluster>/flux-system/"
    QList<Problem> problems;        // Helm releases that could not be converted, plain-text Secrets

    const PlannedFile *file(const QString &path) const;
    QStringList paths() const;
    // The file a live object lands in ("" when excluded or unknown).
    QString pathOf(const ObjectKey &key) const;
};

// Pure: the default placement of issue 4 (clusters/<cluster>/, infrastructure/{sources,
// controllers,<stack>,storage}/, workloads/<namespace>/, a kustomization.yaml in every folder).
// An object that already lives in a single-document file of the repository (matched by group,
// kind, namespace and name) keeps that file's path, so an existing layout is matched, not
// duplicated.
Plan planRepository(const Inventory &inventory, const PlanOptions &options = {},
                    const RepositoryFiles &existing = {});

// The chart names whose releases count as controllers (infrastructure/controllers/<release>/).
QStringList controllerCharts();

// True for a path a user may move an object to: a relative .yaml file under infrastructure/ or
// workloads/, no "." or ".." parts, not a kustomization.yaml.
bool isPlaceablePath(const QString &path);

// True for a cluster name usable as a folder: a DNS label.
bool isValidClusterName(const QString &name);

// Every *.yaml / *.yml file under clusters/, infrastructure/ and workloads/ of repoDir, except
// clusters/*/flux-system/ (flux bootstrap's). A missing folder reads as empty.
RepositoryFiles readRepositoryFiles(const QString &repoDir);

enum class FileStatus
{
    Planned,    // not on disk yet
    UpToDate,   // on disk with exactly the planned text
    Differs,    // on disk with other text
    OnDiskOnly, // a YAML file of the repository the plan does not produce
};

// "planned", "up to date", "differs", "on disk only" (the CLI's words, translated).
QString fileStatusName(FileStatus status);
// Stable machine name for --json: "planned", "up-to-date", "differs", "on-disk-only".
QString fileStatusId(FileStatus status);

struct FileState
{
    QString path;
    FileStatus status = FileStatus::Planned;
    const PlannedFile *file = nullptr; // null for OnDiskOnly; points into the Plan
};

// Every planned file and every on-disk-only file, sorted by path.
QList<FileState> compareWithRepository(const Plan &plan, const RepositoryFiles &onDisk);

} // namespace Fluxdesk
