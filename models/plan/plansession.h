#pragma once

#include "core/jobrunner.h"
#include "kube/inventory.h"
#include "plan/plancache.h"
#include "plan/plandecisions.h"
#include "plan/planjob.h"
#include "plan/planner.h"
#include "plan/planwriter.h"

#include <QObject>
#include <QSet>
#include <QString>

#include <memory>

namespace Fluxdesk {

// The planned repository of one checkout for the live inventory: holds the user's decisions
// (.fluxdesk/plan.yaml), re-plans off the UI thread whenever the inventory, the repository or a
// decision changes, and writes the plan. Only the newest request's result is kept: a plan
// started before a later change is dropped. Planning and writing are the plan job's
// (plan/planjob.h), run through JobRunners.
class PlanSession : public QObject
{
    Q_OBJECT
public:
    explicit PlanSession(QObject *parent = nullptr);
    ~PlanSession() override;

    // Opens a checkout: reads its decisions (a malformed plan.yaml is an error and nothing
    // changes) and re-plans. An empty path closes it.
    Result<bool> setRepository(const QString &path);
    QString repository() const { return m_repo; }

    // Plans for a copy of this inventory (the session's own keeps changing while it loads).
    void setInventory(const Inventory &inventory);

    const PlanDecisions &decisions() const { return m_decisions; }
    // Each edit saves .fluxdesk/plan.yaml and re-plans; false (with failed()) when saving fails.
    bool setDecisions(const PlanDecisions &decisions);
    bool moveObjects(const QList<ObjectKey> &objects, const QString &folder);
    bool renameFile(const ObjectKey &object, const QString &path);
    bool excludeObjects(const QList<ObjectKey> &objects);
    // Takes objects back into the plan; Secrets among them are included as plain text.
    bool includeObjects(const QList<ObjectKey> &objects);
    bool setCluster(const QString &name);
    bool setEntryPoints(const QList<EntryPointSettings> &entryPoints);
    // Where one release's chart comes from, as the user said (replaces an earlier choice).
    bool setChartSource(const ChartSourceChoice &choice);
    // The user's edits of one Helm release (values, credentials kept inline); an edit equal to
    // the release as it runs, credentials to a Secret, is dropped from the plan file. Kept as
    // releaseEditForPlanFile() makes it: credential values are left out of values.
    bool setReleaseEdit(const ReleaseEdit &edit);
    // The saved edit of a release (ns, name set and nothing else when there is none). Its values
    // lack the credentials listed in credentialsInSecret: see withCredentialValuesFrom().
    ReleaseEdit releaseEdit(const QString &ns, const QString &name) const;

    // Reads the repository again and re-plans (files changed on disk).
    void replan();
    bool isBusy() const;
    // The newest finished plan; null before the first one.
    std::shared_ptr<const PlanSnapshot> snapshot() const { return m_snapshot; }

    // Writes the current plan: new files, `accept`ed differing ones, `remove`d on-disk-only
    // ones, then re-plans. written() or failed() follows.
    void write(const QSet<QString> &accept, const QSet<QString> &remove);
    // Replaces one differing file with the plan's version (and writes nothing else).
    void acceptFile(const QString &path);

signals:
    void busyChanged(bool busy);
    void planReady();
    void written(const Fluxdesk::PlanWriteResult &result);
    void failed(const QString &message);

private:
    bool saveAndReplan(const PlanDecisions &decisions);
    void startWrite(const std::shared_ptr<const PlanSnapshot> &snapshot,
                    const QSet<QString> &accept, const QSet<QString> &remove);
    void updateBusy();

    QString m_repo;
    PlanDecisions m_decisions;
    std::shared_ptr<const Inventory> m_inventory;
    std::shared_ptr<const PlanSnapshot> m_snapshot;
    // Cleaned, rendered objects kept across re-plans: a decision re-renders nothing that did not
    // change. Shared with running plans (it is thread-safe), so it outlives a dropped one.
    std::shared_ptr<PlanCache> m_cache;
    JobRunner *m_plans;          // one plan at a time: a new one supersedes the running one
    JobRunner *m_writes;         // one write at a time
    bool m_busy = false;         // as last announced by busyChanged
    bool m_startingPlan = false; // a superseded plan's idle moment is not announced
};

} // namespace Fluxdesk

Q_DECLARE_METATYPE(Fluxdesk::PlanWriteResult)
