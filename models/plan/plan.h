#pragma once

#include "kube/classification.h"
#include "kube/resourcetype.h"
#include "manifest/problem.h"
#include "repo/repositorytree.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

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
    // An included Secret written SOPS-encrypted (PlanOptions::encryptSecrets): `text` is its plain
    // text, kept in memory only; the file on disk is encrypted (plan/encryptedfiles.h).
    bool encrypted = false;
};

struct ExcludedObject
{
    ObjectKey key;
    Ownership ownership = Ownership::UserManaged;
    QString reason; // one sentence for the tree and the CLI, translated
};

// RepositoryFiles (repo/repositorytree.h): the repository's YAML files the plan cares about
// (under clusters/, infrastructure/, workloads/), relative path -> content. Read from a checkout
// with readRepositoryFiles().

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

// The two roots the plan writes under, each applied by one Flux Kustomization.
inline QLatin1String infrastructureRoot()
{
    return QLatin1String("infrastructure");
}
inline QLatin1String workloadsRoot()
{
    return QLatin1String("workloads");
}
// True for a path under infrastructure/ or workloads/.
bool isUnderPlanRoots(const QString &path);

} // namespace Fluxdesk
