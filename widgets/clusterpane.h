#pragma once

#include "kube/resourcetype.h"
#include "plan/plandecisions.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QMenu;
class QTimer;
class QTreeView;

namespace Fluxdesk {

class InventoryFilterModel;
class InventoryModel;

// The left pane: a filter box, the show-owned toggle and the namespace -> kind -> object tree.
class ClusterPane : public QWidget
{
    Q_OBJECT
public:
    explicit ClusterPane(QWidget *parent = nullptr);

    void setModel(InventoryModel *model);
    InventoryFilterModel *filterModel() const { return m_filter; }
    QTreeView *treeView() const { return m_tree; }
    QLineEdit *filterEdit() const { return m_filterEdit; }

    bool showOwned() const;
    void setShowOwned(bool show);
    void focusFilter();
    // Selects and reveals an object row; false when it is not in the tree (or filtered out).
    bool selectObject(const ObjectKey &key);
    // Selects a row of the "Helm releases" group; false when there is none.
    bool selectRelease(const QString &ns, const QString &name);
    // Opens every kind when the visible tree is small enough to read at a glance.
    void expandIfSmall(int maxObjects = 150);
    // Opens the badge legend (the "?" beside the title).
    void showLegend();

    // The plan's decisions, for what the context menu offers; without a plan (no repository open,
    // hasPlan false) it offers no decision.
    void setPlanDecisions(const PlanDecisions &decisions, bool hasPlan);
    // The context menu for the selection: exclude or include the selected objects (Helm release
    // rows as their HelmRelease), every object of the current row's kind, or its namespace. Null
    // when nothing applies; public so tests can inspect it, the caller owns it.
    QMenu *createContextMenu(QWidget *parent);
    // The selected object rows' keys (release rows as their HelmRelease), in tree order.
    QList<ObjectKey> selectedObjects() const;

signals:
    void objectSelected(const Fluxdesk::ObjectKey &key); // an empty key when none is selected
    // Bulk decisions, for the plan session.
    void excludeRequested(const QList<Fluxdesk::ObjectKey> &objects);
    void includeRequested(const QList<Fluxdesk::ObjectKey> &objects);
    void kindRuleRequested(const QString &kindRule, bool exclude); // kindRuleName()
    void namespaceRuleRequested(const QString &ns, bool exclude);
    void showOwnedChanged(bool show);
    void releaseSelected(const QString &ns, const QString &name);

private:
    void onFilterChanged(const QString &text);
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onCurrentChanged(const QModelIndex &current);
    void updateSummary();
    int visibleObjectCount() const;
    void showContextMenu(const QPoint &pos);

    InventoryModel *m_model = nullptr;
    InventoryFilterModel *m_filter;
    QLineEdit *m_filterEdit;
    QCheckBox *m_showOwned;
    QTreeView *m_tree;
    QLabel *m_summary;
    QTimer *m_summaryTimer;
    PlanDecisions m_decisions;
    bool m_hasPlan = false;
};

} // namespace Fluxdesk
