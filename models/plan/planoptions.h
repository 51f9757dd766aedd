#pragma once

#include "helm/chartsourceresolver.h"
#include "helm/valuescredentials.h"
#include "kube/resourcetype.h"
#include "manifest/cleaner.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

class PlanCache;

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
    // spec.suspend: Flux leaves the entry point alone. Taking over one side at a time: the
    // workloads stay suspended until the infrastructure is Ready, then the user resumes them in
    // Git (a suspend set only in the cluster would be undone by the next apply of Git's).
    bool suspend = false;

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
    // User-managed Secrets the user chose to write; all others are excluded. Any object listed
    // here is also kept when an exclusion rule below covers it.
    QSet<ObjectKey> includedSecrets;
    // Included Secrets (and those holding a Helm release's credentials) are written
    // SOPS-encrypted (plan/encryptedfiles.h) rather than as plain text.
    bool encryptSecrets = false;
    // Objects the user leaves out (a HelmRelease by its own key, helm.toolkit.fluxcd.io/
    // HelmRelease ns/name, leaves the whole release out).
    QSet<ObjectKey> excludedObjects;
    // The user's exclusion rules (plan/bulkdecisions.h): every object of these kinds
    // (kindRuleName()), every object of these namespaces (and the Namespace itself).
    QSet<QString> excludedKinds;
    QSet<QString> excludedNamespaces;
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

} // namespace Fluxdesk
