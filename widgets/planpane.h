#pragma once

#include "flux/fluxobjectstatus.h"
#include "kube/resourcetype.h"

#include <QList>
#include <QModelIndex>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QWidget>

class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTreeView;

namespace Fluxdesk {

class FluxLiveState;
class PlanTreeModel;
struct FileState;
struct Plan;

// The right-hand pane: the planned repository beside the live cluster. Without a repository it
// shows an empty state that offers to open one; with one, the cluster name, the Flux settings
// and "Write plan…" above the counts and the planned tree. Every change the user asks for (move,
// rename, exclude, include, cluster name) leaves as a signal; the session re-plans and calls
// setPlan(), which keeps the expanded folders and the selection. Following a FluxLiveState, files
// holding Flux objects show those objects' live state in an "In the cluster" column, shown only
// while there is such state.
class PlanPane : public QWidget
{
    Q_OBJECT
public:
    explicit PlanPane(QWidget *parent = nullptr);

    PlanTreeModel *model() const { return m_model; }
    QTreeView *view() const { return m_tree; }

    void setPlan(const Plan &plan, const QList<FileState> &states);
    // The open checkout; empty shows the empty state (and drops the plan).
    void setRepository(const QString &path);
    QString repository() const { return m_repository; }
    // Shows the busy indicator (planning or writing in the background).
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    // Selects and reveals the file carrying the object (else its excluded row) without emitting
    // objectsSelected; false when the plan does not know it.
    bool selectObject(const ObjectKey &key);
    // Selects and reveals the HelmRelease file adopting the Helm release ns/name, without emitting
    // releaseSelected; false when the plan has none.
    bool selectRelease(const QString &ns, const QString &name);
    // Follows state from now on (what it holds already shows at once); nullptr detaches and
    // forgets the live state.
    void setFluxLiveState(FluxLiveState *state);
    // A live Flux view watches the cluster: files whose Flux objects it lacks say so.
    void setFluxWatching(bool watching);

    // The context menu for the current selection (only applicable actions; null when none).
    // Public so tests can inspect it; the caller owns the menu.
    QMenu *createContextMenu(QWidget *parent);
    // The counts line above the tree, as shown.
    QString countsText() const;

signals:
    void openRepositoryRequested();
    void settingsRequested();
    void writeRequested();
    void clusterRenameRequested(const QString &name);
    void fileActivated(const QString &path);
    void diffRequested(const QString &path);
    void objectsSelected(const QList<Fluxdesk::ObjectKey> &objects);
    // The user selected one HelmRelease file: the Helm release it adopts.
    void releaseSelected(const QString &ns, const QString &name);
    void moveRequested(const QList<Fluxdesk::ObjectKey> &objects, const QString &folder);
    void renameRequested(const Fluxdesk::ObjectKey &object, const QString &newPath);
    void excludeRequested(const QList<Fluxdesk::ObjectKey> &objects);
    void includeRequested(const QList<Fluxdesk::ObjectKey> &objects);
    // Bulk decisions as rules (plan/bulkdecisions.h): every object of a kind, a namespace.
    void kindRuleRequested(const QString &kindRule, bool exclude);
    void namespaceRuleRequested(const QString &ns, bool exclude);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *createEmptyPage();
    QWidget *createPlanPage();
    void updateState();
    void onActivated(const QModelIndex &index);
    void onSelectionChanged();
    void onClusterEdited();
    void showContextMenu(const QPoint &pos);
    QModelIndexList selectedRows() const;
    bool selectRow(const QModelIndex &index);
    // What the selection can do: planned objects (exclude/move), excluded ones (include).
    QList<ObjectKey> selectedPlannedObjects() const;
    QList<ObjectKey> selectedIncludableObjects() const;
    void excludeSelection();
    // "Exclude every <kind>" and "Exclude namespace <ns>" for a selection of one kind or namespace.
    void addRuleActions(QMenu *menu, const QList<ObjectKey> &planned);
    void renameSelection();
    void moveSelection();
    // Expansion and selection survive a re-plan by path (and by group for "Excluded").
    QString keyOf(const QModelIndex &index) const;
    QModelIndex indexForKey(const QString &key) const;
    QStringList expandedKeys() const;
    void onFluxChanged(const QList<FluxRef> &added, const QList<FluxRef> &updated,
                       const QList<FluxRef> &removed);

    PlanTreeModel *m_model;
    QPointer<FluxLiveState> m_fluxState;
    QStackedWidget *m_stack;
    QLabel *m_repositoryLabel;
    QLineEdit *m_clusterEdit;
    QPushButton *m_settingsButton;
    QPushButton *m_writeButton;
    QProgressBar *m_busyBar;
    QLabel *m_countsLabel;
    QTreeView *m_tree;
    QString m_repository;
    QString m_cluster;
    bool m_busy = false;
    bool m_expandedOnce = false; // the first plan of a repository opens the top folders
    bool m_syncing = false;      // selection set by code: not the user's, not re-emitted
};

} // namespace Fluxdesk
