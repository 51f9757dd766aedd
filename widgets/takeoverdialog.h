#pragma once

#include "flux/migrationchecklist.h"
#include "flux/takeover.h"
#include "kube/resourcetype.h"

#include <QDialog>
#include <QList>
#include <QString>

class QLabel;
class QPushButton;
class QTabWidget;
class QTreeView;
class QTreeWidget;

namespace Fluxdesk {

class TakeoverModel;

// Flux taking over, in one non-modal window with two tabs. "Checklist": the roadmap's steps 7 to
// 9, each item with its live state and, where the app can help, a button. "Takeover": the
// verdicts of every migrated object and Helm release against the baseline, danger first, rows
// tinted by severity, with counts at the top; without a baseline it says so and offers to record
// one. The dialog only shows and asks; TakeoverController does the work.
//
// Widgets, by objectName: takeoverTabs (pages checklistPage, takeoverPage); checklistTree, one
// button per item with an action "checklistAction_<item id>", checklistAdvice; takeoverNotice,
// recordBaselineButton, takeoverCounts, takeoverView, refreshTakeoverButton,
// exportTakeoverButton, takeoverBusy.
class TakeoverDialog : public QDialog
{
    Q_OBJECT
public:
    explicit TakeoverDialog(QWidget *parent = nullptr);
    ~TakeoverDialog() override;

    TakeoverModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

    // The verdicts against a baseline; notice is shown above them ("" for none).
    void setReport(const TakeoverReport &report, const QString &notice = {});
    // No report: why (no baseline, no repository), and whether recording one is offered.
    void setNoReport(const QString &why, bool offerRecord);
    void setChecklist(const QList<ChecklistItem> &items);
    // While the inventory reloads or the report is computed: what is happening ("" when idle).
    void setBusy(const QString &what);
    // Whether there is a report to export.
    bool hasReport() const { return m_hasReport; }

    void showChecklist();
    void showTakeover();

    // "118 adopted in place, 2 not yet, 0 warnings, 1 in danger"
    static QString countsText(const TakeoverReport &report);
    // Whether the window can bootstrap Flux itself; without, the checklist names the command
    // line's `flux bootstrap` instead of offering a button.
    void setBootstrapAvailable(bool available) { m_bootstrapAvailable = available; }

signals:
    void recordBaselineRequested();
    void refreshRequested();
    void exportRequested();
    // A row double-clicked outside the file column: the object (a release's HelmRelease) and, for
    // a release row, "storageNamespace/name".
    void objectActivated(const Fluxdesk::ObjectKey &key, const QString &release);
    // The file column double-clicked: the file, relative to the repository.
    void fileActivated(const QString &path);
    // The checklist's actions.
    void bootstrapRequested();
    void reconcileRequested(const QString &kind, const QString &ns, const QString &name);
    void resumeInGitRequested(const QString &entryPoint);

private:
    QWidget *createChecklistPage();
    QWidget *createTakeoverPage();
    QPushButton *actionButton(const ChecklistItem &item);
    void onActivated(const QModelIndex &index);

    TakeoverModel *m_model;
    QTabWidget *m_tabs;
    QTreeWidget *m_checklist;
    QLabel *m_advice;
    QLabel *m_notice;
    QPushButton *m_recordButton;
    QLabel *m_counts;
    QTreeView *m_view;
    QPushButton *m_refreshButton;
    QPushButton *m_exportButton;
    QLabel *m_busy;
    bool m_hasReport = false;
    bool m_bootstrapAvailable = true;
};

} // namespace Fluxdesk
