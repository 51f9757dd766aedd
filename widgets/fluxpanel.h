#pragma once

#include "flux/fluxobjectstatus.h"

#include <QList>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QModelIndex;
class QSortFilterProxyModel;
class QToolBar;
class QTreeView;

namespace Fluxdesk {

class FluxDetailView;
class FluxStatusModel;

// The Flux dock: a tool bar with the actions on the selection, a filter, the tree of sources,
// Kustomizations, HelmReleases (and Flux instances) with their readiness, message, revision and
// last applied time, the selected object's details, what the last action did, and a line saying
// what the watches do. It shows what it is given; FluxController feeds it and acts.
class FluxPanel : public QWidget
{
    Q_OBJECT
public:
    explicit FluxPanel(QWidget *parent = nullptr);

    void setModel(FluxStatusModel *model);
    FluxStatusModel *model() const { return m_model; }
    // In the tool bar and the tree's context menu, in this order (nullptr: a separator).
    void setActions(const QList<QAction *> &actions);

    // An action whose shortcut the window uses for something else: inside the panel the key is
    // this action's (Ctrl+Shift+R reconciles here and opens a repository elsewhere).
    void claimShortcut(QAction *action);

    // The selected object (invalid when none or a group).
    FluxRef currentRef() const;
    // Selects the object's row (its group expanded); false when the tree does not hold it.
    bool selectRef(const FluxRef &ref);

    // A line above the tree ("Flux status needs a live cluster"); empty hides it.
    void setNotice(const QString &notice);
    // The watches' state (FluxWatchSession::summary()).
    void setSummary(const QString &summary);
    // What the last action does or did.
    void setActionStatus(const QString &status, bool error = false);

    QTreeView *treeView() const { return m_tree; }
    FluxDetailView *detailView() const { return m_detail; }
    QLineEdit *filterEdit() const { return m_filter; }

public slots:
    void focusFilter();

signals:
    void currentChanged(const Fluxdesk::FluxRef &ref);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onCurrentChanged();

    FluxStatusModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy;
    QToolBar *m_toolBar;
    QLineEdit *m_filter;
    QLabel *m_notice;
    QTreeView *m_tree;
    FluxDetailView *m_detail;
    QLabel *m_actionStatus;
    QLabel *m_summary;
    FluxRef m_current;
    QAction *m_claimed = nullptr;
};

} // namespace Fluxdesk
