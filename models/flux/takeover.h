#pragma once

// Takeover, verified (the roadmap's step 9): did Flux adopt what was running, in place, or did it
// delete and make it again? Pure functions over a baseline (what ran before Flux came, recorded
// from the plan and the live inventory) and the live objects now.

#include "core/error.h"
#include "kube/resourcetype.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Fluxdesk {

class Inventory;
struct Plan;

// One object the plan migrated, as it was before Flux: its uid (empty when not known, e.g. a plan
// made from a snapshot without uids) and the file that now declares it.
struct TakeoverObject
{
    ObjectKey key;
    QString uid;
    QString file;
};

// One Helm release the plan converted into a HelmRelease: the running release (name, storage
// namespace, revision, the uid of its storage record) and the objects it made.
struct TakeoverRelease
{
    QString name;
    QString storageNamespace;
    int revision = 0;
    QString recordUid;     // the storage Secret/ConfigMap of that revision
    QString chart;         // "loki-6.6.2"
    ObjectKey helmRelease; // the Flux HelmRelease that adopts it
    QString file;
    QList<TakeoverObject> workloads;
};

// What ran before Flux came, recorded when the repository is handed to Flux
// (.fluxdesk/takeover.yaml, reviewed with the repository; it holds names, uids and revisions,
// nothing secret).
struct TakeoverBaseline
{
    QString cluster;
    QDateTime recordedAt;
    QList<TakeoverObject> objects;
    QList<TakeoverRelease> releases;

    bool isEmpty() const { return objects.isEmpty() && releases.isEmpty(); }
    QByteArray toYaml() const;
    // fileName names the file in errors ("file:line:col: ...").
    static Result<TakeoverBaseline> parse(const QByteArray &yaml, const QString &fileName);
};

// ".fluxdesk/takeover.yaml"
QString takeoverBaselinePath();
// The baseline saved into a checkout (all or nothing, never through a link, never outside it),
// and read back: std::nullopt when the checkout has none.
Result<bool> saveTakeoverBaseline(const QString &repoDir, const TakeoverBaseline &baseline);
Result<std::optional<TakeoverBaseline>> loadTakeoverBaseline(const QString &repoDir);

// The baseline of a plan against the live inventory it was made from: every object of a
// manifest or namespace file with its uid, every converted release at its deployed revision.
// Flux's own new objects (sources, Kustomizations, kustomization.yaml) are not migrated objects.
TakeoverBaseline takeoverBaseline(const Plan &plan, const Inventory &inventory,
                                  const QDateTime &now);

enum class TakeoverState
{
    Adopted,     // Flux owns it now, the same object (uid) or the next revision of the release
    Waiting,     // still as before: Flux has not applied it (or the HelmRelease is not Ready) yet
    Failed,      // the HelmRelease failed to upgrade the release
    Recreated,   // deleted and made again: another uid
    Missing,     // gone from the cluster
    Reinstalled, // helm-controller installed the release anew instead of upgrading it
};

enum class TakeoverSeverity
{
    Ok,
    Waiting,
    Warning,
    Danger,
};

struct TakeoverItem
{
    enum class Subject
    {
        Object,
        Release,
    };
    Subject subject = Subject::Object;
    ObjectKey key;   // the object, or the HelmRelease for a release
    QString release; // "logging/loki" for a release and its workloads
    QString file;
    TakeoverState state = TakeoverState::Waiting;
    TakeoverSeverity severity = TakeoverSeverity::Waiting;
    QString owner;  // "Kustomization flux-system/workloads", "HelmRelease logging/loki"
    QString detail; // "adopted in place", "adopted, revision 2 → 3", "uid a1… → b2…"
};

struct TakeoverReport
{
    QList<TakeoverItem> items; // releases first, then objects, each sorted
    // Set when the verdicts lean on timestamps instead of uids (no baseline uid).
    bool withoutUids = false;
    // When Flux arrived (the flux-system Namespace's creationTimestamp), when known.
    QDateTime fluxInstalledAt;

    int count(TakeoverSeverity severity) const;
    // 0: everything adopted in place; 1: something not yet adopted (or failed); 2: danger.
    int exitCode() const;
};

// True for the kinds whose recreation loses data or identity: PersistentVolumeClaim,
// PersistentVolume, StatefulSet.
bool holdsData(const ObjectKey &key);

// The verdicts, object by object and release by release. live holds the live objects (at least
// the baseline's, the HelmReleases, the Helm storage records of the baseline's releases and the
// flux-system Namespace); an Inventory's objects() will do.
TakeoverReport verifyTakeover(const TakeoverBaseline &baseline, const QList<QJsonObject> &live);

// Words for a state ("adopted in place", ...), and JSON for `flux takeover --json`.
QString takeoverStateText(TakeoverState state);
QString takeoverSeverityId(TakeoverSeverity severity); // "ok", "waiting", "warning", "danger"
QJsonObject takeoverReportJson(const TakeoverReport &report);

} // namespace Fluxdesk
