#pragma once

#include "flux/migrationchecklist.h"
#include "flux/takeover.h"
#include "kube/resourcetype.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

class QAction;
class QMessageBox;
class QWidget;

namespace Fluxdesk {

class ClusterPane;
class ClusterSession;
class EditorTabs;
class JobRunner;
class PlanSession;
class TakeoverDialog;

// Takeover, verified, in the window (the twin of `fluxdesk-cli flux takeover`): "Record Takeover
// Baseline…" plans the open checkout for the loaded inventory and, once the user confirms what
// it records, saves .fluxdesk/takeover.yaml; "Takeover Report…" (Ctrl+Shift+T) opens the
// TakeoverDialog with the migration checklist and the verdicts against the inventory as loaded
// now, recomputed whenever the cluster is loaded again. Planning, reading, verifying and saving
// run off the UI thread. Double-clicking a verdict selects its object in the cluster pane, its
// file column opens the file in the editor.
class TakeoverController : public QObject
{
    Q_OBJECT
public:
    // clusterPane and editor may be null: objectRequested() and fileRequested() are emitted
    // either way.
    TakeoverController(QWidget *window, ClusterSession *cluster, PlanSession *plan,
                       ClusterPane *clusterPane = nullptr, EditorTabs *editor = nullptr);
    ~TakeoverController() override;

    QAction *recordAction() const { return m_recordAction; }
    QAction *reportAction() const { return m_reportAction; }
    // The dialog once it was opened (tests), else null.
    TakeoverDialog *dialog() const { return m_dialog; }
    // The confirmation of a recording while it is open (tests), else null.
    QMessageBox *confirmation() const { return m_confirmation; }
    bool isBusy() const;
    // Whether the window offers the bootstrap (bootstrapRequested() has somewhere to go); without,
    // the checklist names the command line's instead of showing a button.
    void setBootstrapAvailable(bool available);

    // The steps behind the actions and buttons, callable from tests.
    void recordBaseline();
    void showReport();
    void refresh();
    // Writes the report shown as JSON (takeoverReportJson) to path; false, and error(), when it
    // cannot.
    bool exportReport(const QString &path);

signals:
    void statusMessage(const QString &message, int timeout);
    void error(const QString &title, const QString &details);
    // Recomputed and shown (tests wait for it).
    void reportUpdated();
    void baselineRecorded(const QString &path);
    void openRepositoryRequested();
    void objectRequested(const Fluxdesk::ObjectKey &key);
    void fileRequested(const QString &absolutePath);
    // The checklist's actions the window carries out: the bootstrap wizard, a reconcile of a Flux
    // object, the Flux settings (to clear an entry point's Suspended).
    void bootstrapRequested();
    void reconcileRequested(const QString &kind, const QString &ns, const QString &name);
    void fluxSettingsRequested(const QString &entryPoint);

private:
    struct Computed;
    void recompute();
    void onComputed(const Computed &computed);
    void confirmRecord(const TakeoverBaseline &baseline, bool fluxRuns, bool replaces);
    void saveBaseline(const TakeoverBaseline &baseline);
    void chooseExportFile();
    void selectInCluster(const ObjectKey &key, const QString &release);
    void openFile(const QString &relativePath);
    void updateBusy();
    QString repository() const;

    QWidget *m_window;
    ClusterSession *m_cluster;
    PlanSession *m_plan;
    QPointer<ClusterPane> m_clusterPane;
    QPointer<EditorTabs> m_editor;
    QAction *m_recordAction;
    QAction *m_reportAction;
    TakeoverDialog *m_dialog = nullptr;
    QMessageBox *m_confirmation = nullptr; // cleared when it closes
    JobRunner *m_reports;                  // one report at a time: a newer one supersedes
    JobRunner *m_records;                  // one recording at a time
    bool m_reloading = false; // Refresh reloads the cluster; the report follows its finish
    bool m_bootstrapAvailable = true;
};

} // namespace Fluxdesk
