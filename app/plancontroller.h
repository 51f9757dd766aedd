#pragma once

#include "kube/resourcetype.h"

#include <QObject>
#include <QSet>
#include <QString>

#include <functional>

class QAction;
class QWidget;

namespace Fluxdesk {

class ClusterPane;
class ClusterSession;
class EditorTabs;
class PlanPane;
class PlanSession;
class ProblemModel;

// Wires the planned repository into the window: the PlanPane shows the PlanSession's plan of the
// loaded cluster for the open checkout; the user's moves, exclusions and settings go to the
// session; selection follows between the cluster tree and the plan tree; files open in the
// editor; the plan's problems go to the Problems list; Write Plan shows what it will do first.
class PlanController : public QObject
{
    Q_OBJECT
public:
    PlanController(ClusterSession *cluster, ClusterPane *clusterPane, EditorTabs *editor,
                   ProblemModel *problems, QWidget *window);
    ~PlanController() override;

    PlanPane *pane() const { return m_pane; }
    PlanSession *session() const { return m_session; }
    QAction *writeAction() const { return m_writeAction; }
    QAction *settingsAction() const { return m_settingsAction; }
    QAction *replanAction() const { return m_replanAction; }

    // Plans for this checkout (empty: none); false when its .fluxdesk/plan.yaml is malformed.
    bool setRepository(const QString &path);

    // One sentence on what the plan does with a live object ("" without a plan): the file it
    // lands in, the HelmRelease that carries it, or why it is excluded.
    QString decisionFor(const ObjectKey &key) const;

    // Bulk decisions from either tree (one save, one re-plan); after the re-plan the status bar
    // says how many objects left or joined the plan.
    void excludeObjects(const QList<ObjectKey> &objects);
    void includeObjects(const QList<ObjectKey> &objects);
    void applyKindRule(const QString &kindRule, bool exclude);
    void applyNamespaceRule(const QString &ns, bool exclude);

    // The steps behind the pane's buttons, callable from tests.
    void writePlan();
    void editSettings();
    void showDiff(const QString &path);
    void openPlannedFile(const QString &path);

signals:
    void statusMessage(const QString &message);
    void error(const QString &title, const QString &details);
    void repositoryWritten();
    void openRepositoryRequested();

private:
    void onPlanReady();
    void onObjectSelectedInCluster(const ObjectKey &key);
    void onObjectsSelectedInPlan(const QList<ObjectKey> &keys);
    void publishProblems();
    // Runs one bulk change (false: not made) and remembers what the plan carried before it.
    void decideInBulk(bool exclude, const std::function<bool()> &change);
    void reportBulkDecision();
    // Write Plan of the demo cluster into a repository that holds manifests: asks first (the
    // default answer is Cancel); true when the user chose to write.
    bool confirmDemoWrite();

    ClusterSession *m_cluster;
    ClusterPane *m_clusterPane;
    EditorTabs *m_editor;
    ProblemModel *m_problems;
    QWidget *m_window;
    PlanSession *m_session;
    PlanPane *m_pane;
    QAction *m_writeAction;
    QAction *m_settingsAction;
    QAction *m_replanAction;
    QSet<QString> m_problemFiles; // the Problems list's files this controller filled
    bool m_syncingSelection = false;
    // A bulk decision waiting for its re-plan: the objects planned before it.
    QSet<ObjectKey> m_bulkBefore;
    bool m_bulkPending = false;
    bool m_bulkExclude = true;
};

} // namespace Fluxdesk
