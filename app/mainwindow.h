#pragma once

#include "kube/resourcetype.h"
#include "startup.h"

#include <QMainWindow>
#include <QStringList>

#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QPushButton;
class QSplitter;
class QToolBar;

namespace Fluxdesk {

class AppSettings;
class BootstrapController;
class SecretsController;
class ChangesPanel;
class ClusterPane;
class ClusterSession;
class ConnectionBar;
class EditorTabs;
class FluxController;
class FluxGraphView;
class FluxPanel;
class InventoryModel;
class MessageBanner;
class PlanController;
class ProblemModel;
class ProblemsPanel;
class ReleaseView;
class TakeoverController;
class YamlView;

// Composes the window: connection bar, cluster pane, the editor tabs (a live-object preview
// first, then documents), the Problems dock, banners, menus and settings. The work happens in
// ClusterSession (loading), InventoryModel/InventoryFilterModel (the tree), EditorTabs (documents,
// clean, split) and the models; this class only wires them together.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Applies the command line: fills the context picker and connects (see planStartup()).
    void start(const StartupOptions &options);
    void connectToSource(const ClusterSource &source);
    // Loads a kubeconfig's contexts into the picker; false (and an error banner) when it fails.
    bool openKubeconfig(const QString &path);
    void openSnapshot(const QString &path);

    ClusterSession *session() const { return m_session; }
    InventoryModel *inventoryModel() const { return m_model; }
    ClusterPane *clusterPane() const { return m_clusterPane; }
    EditorTabs *editorTabs() const { return m_editorTabs; }
    ProblemModel *problemModel() const { return m_problemModel; }
    QString repoPath() const { return m_repoPath; }
    ChangesPanel *changesPanel() const { return m_changesPanel; }
    PlanController *planController() const { return m_plan; }
    FluxController *fluxController() const { return m_flux; }
    TakeoverController *takeoverController() const { return m_takeover; }
    SecretsController *secretsController() const { return m_secrets; }
    BootstrapController *bootstrapController() const { return m_bootstrap; }
    FluxGraphView *fluxGraph() const { return m_fluxGraph; }
    // Binds the Changes dock (and the editor's default folder) to a checkout and remembers it.
    void openRepository(const QString &path);

    // Opens a file in an editor tab.
    void openFileInEditor(const QString &path);
    // Opens an editable copy of a live object in a new (untitled) tab; false when it is unknown.
    bool openObjectInEditor(const ObjectKey &key);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void restoreSettings();
    void saveSettings();
    void updateTitle();

    void onStarted();
    void onTypeFinished(const ResourceType &type, int state, const QString &message);
    void onFinished(bool ok, const QString &message);
    void onObjectSelected(const ObjectKey &key);
    void chooseFilesToOpen();
    void createChangesDock();
    void updateRecentRepos();
    QWidget *createPreviewPage();
    void refresh();
    void cancel();
    void chooseKubeconfig();
    void chooseSnapshot();
    void about();
    // The Helm release view: a tab opened when a release row is selected.
    void setUpReleaseView();
    // The planned repository beside the cluster tree (PlanController does the work).
    void setUpPlan();
    // The Flux dock beside the cluster pane (FluxController does the work).
    void setUpFlux();
    void updatePlanDecision();
    void showRelease(const QString &ns, const QString &name);

    std::unique_ptr<AppSettings> m_settings;
    ClusterSession *m_session;
    InventoryModel *m_model;
    ConnectionBar *m_connectionBar;
    ClusterPane *m_clusterPane;
    YamlView *m_yamlView;
    QLabel *m_yamlTitle;
    QLabel *m_yamlReason;
    QLabel *m_yamlPlan; // what the plan does with the selected object
    MessageBanner *m_errorBanner;
    MessageBanner *m_forbiddenNotice;
    QSplitter *m_splitter;
    EditorTabs *m_editorTabs;
    ProblemModel *m_problemModel;
    ProblemsPanel *m_problemsPanel;
    QDockWidget *m_problemsDock;
    QToolBar *m_editorToolBar;
    QPushButton *m_openInEditorButton = nullptr;
    ReleaseView *m_releaseView = nullptr;
    PlanController *m_plan = nullptr;
    FluxPanel *m_fluxPanel = nullptr;
    QDockWidget *m_fluxDock = nullptr;
    FluxGraphView *m_fluxGraph = nullptr;
    QDockWidget *m_fluxGraphDock = nullptr;
    TakeoverController *m_takeover = nullptr;
    SecretsController *m_secrets = nullptr;
    BootstrapController *m_bootstrap = nullptr;
    FluxController *m_flux = nullptr;
    QMenu *m_fluxMenu = nullptr;

    QAction *m_openKubeconfigAction = nullptr;
    QAction *m_openSnapshotAction = nullptr;
    QAction *m_demoAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_showOwnedAction = nullptr;
    QAction *m_focusFilterAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_openFileAction = nullptr;
    QAction *m_openInEditorAction = nullptr;

    ChangesPanel *m_changesPanel = nullptr;
    QDockWidget *m_changesDock = nullptr;
    QAction *m_openRepoAction = nullptr;
    QMenu *m_recentReposMenu = nullptr;

    QString m_repoPath;
    QString m_startupNote;  // why this source was chosen, kept in the status bar
    QStringList m_unlisted; // "secrets: <server's message>" for types that could not be listed
    ObjectKey m_selected;
    bool m_cancelRequested = false;
};

} // namespace Fluxdesk
