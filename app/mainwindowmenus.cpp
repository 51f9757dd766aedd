// MainWindow's actions, menus and About box (the window itself is composed in mainwindow.cpp).
#include "mainwindow.h"

#include "appsettings.h"
#include "bootstrapcontroller.h"
#include "changespanel.h"
#include "clusterpane.h"
#include "connectionbar.h"
#include "editorpage.h"
#include "editortabs.h"
#include "flux/fluxkinds.h"
#include "fluxcontroller.h"
#include "fluxpanel.h"
#include "helm/helmclientconfig.h"
#include "helpdialog.h"
#include "items/inventoryfiltermodel.h"
#include "items/inventorymodel.h"
#include "items/problemmodel.h"
#include "kube/clustersession.h"
#include "manifest/splitter.h"
#include "manifest/yamlwriter.h"
#include "messagebanner.h"
#include "plan/plansession.h"
#include "plancontroller.h"
#include "planpane.h"
#include "problemspanel.h"
#include "releaseview.h"
#include "secretscontroller.h"
#include "takeovercontroller.h"
#include "validationcontroller.h"
#include "yamleditor.h"
#include "yamlview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace Fluxdesk {

namespace {

void showGuide(QWidget *window)
{
    // One guide window, left open beside the main window while the user follows it.
    auto *guide = window->findChild<HelpDialog *>();
    if (!guide) {
        guide = new HelpDialog(window);
        guide->setAttribute(Qt::WA_DeleteOnClose);
    }
    guide->show();
    guide->raise();
    guide->activateWindow();
}

} // namespace

void MainWindow::createActions()
{
    m_openKubeconfigAction = new QAction(tr("Open &Kubeconfig…"), this);
    m_openKubeconfigAction->setObjectName(QStringLiteral("openKubeconfigAction"));
    m_openKubeconfigAction->setShortcut(QKeySequence::Open);
    connect(m_openKubeconfigAction, &QAction::triggered, this, &MainWindow::chooseKubeconfig);

    m_openFileAction = new QAction(tr("Open &File…"), this);
    m_openFileAction->setObjectName(QStringLiteral("openFileAction"));
    m_openFileAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_openFileAction->setToolTip(tr("Open a YAML file (of the repository) in the editor"));
    connect(m_openFileAction, &QAction::triggered, this, &MainWindow::chooseFilesToOpen);

    m_openInEditorAction = new QAction(tr("Open Object in &Editor"), this);
    m_openInEditorAction->setObjectName(QStringLiteral("openInEditorAction"));
    m_openInEditorAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_openInEditorAction->setEnabled(false);
    connect(m_openInEditorAction, &QAction::triggered, this,
            [this] { openObjectInEditor(m_selected); });
    // First in the tree's context menu, above the bulk decisions (ClusterPane::createContextMenu).
    m_clusterPane->treeView()->addAction(m_openInEditorAction);

    m_openSnapshotAction = new QAction(tr("Open &Snapshot…"), this);
    m_openSnapshotAction->setObjectName(QStringLiteral("openSnapshotAction"));
    connect(m_openSnapshotAction, &QAction::triggered, this, &MainWindow::chooseSnapshot);

    m_demoAction = new QAction(tr("Connect to the &Demo Cluster"), this);
    m_demoAction->setObjectName(QStringLiteral("demoAction"));
    connect(m_demoAction, &QAction::triggered, this, [this] {
        m_connectionBar->selectDemo();
        connectToSource(m_connectionBar->currentSource());
    });

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_refreshAction = new QAction(tr("&Connect / Refresh"), this);
    m_refreshAction->setObjectName(QStringLiteral("refreshAction"));
    m_refreshAction->setShortcut(QKeySequence(Qt::Key_F5));
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refresh);

    m_cancelAction = new QAction(tr("C&ancel Loading"), this);
    m_cancelAction->setObjectName(QStringLiteral("cancelAction"));
    m_cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancelAction->setEnabled(false);
    connect(m_cancelAction, &QAction::triggered, this, &MainWindow::cancel);

    m_showOwnedAction = new QAction(tr("Show &Owned and Generated Objects"), this);
    m_showOwnedAction->setObjectName(QStringLiteral("showOwnedAction"));
    m_showOwnedAction->setCheckable(true);
    connect(m_showOwnedAction, &QAction::toggled, m_clusterPane, &ClusterPane::setShowOwned);

    m_focusFilterAction = new QAction(tr("&Filter Objects"), this);
    m_focusFilterAction->setObjectName(QStringLiteral("focusFilterAction"));
    // Ctrl+F finds in the editor (and focuses the filter when no document is open).
    m_focusFilterAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(m_focusFilterAction, &QAction::triggered, m_clusterPane, &ClusterPane::focusFilter);

    m_aboutAction = new QAction(tr("&About Fluxdesk"), this);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::about);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openFileAction);
    file->addAction(m_openInEditorAction);
    file->addAction(m_editorTabs->action(EditorTabs::Save));
    file->addAction(m_editorTabs->action(EditorTabs::SaveAs));
    file->addAction(m_editorTabs->action(EditorTabs::CloseTab));
    file->addSeparator();
    file->addAction(m_openKubeconfigAction);
    file->addAction(m_openSnapshotAction);
    file->addAction(m_openRepoAction);
    file->addMenu(m_recentReposMenu);
    file->addAction(m_demoAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    const auto editorAction = [this](EditorTabs::ActionId id) { return m_editorTabs->action(id); };
    edit->addAction(editorAction(EditorTabs::Undo));
    edit->addAction(editorAction(EditorTabs::Redo));
    edit->addSeparator();
    edit->addAction(editorAction(EditorTabs::Cut));
    edit->addAction(editorAction(EditorTabs::Copy));
    edit->addAction(editorAction(EditorTabs::Paste));
    edit->addSeparator();
    edit->addAction(editorAction(EditorTabs::Find));
    edit->addAction(editorAction(EditorTabs::Replace));
    edit->addAction(editorAction(EditorTabs::FindNext));
    edit->addAction(editorAction(EditorTabs::FindPrevious));
    edit->addAction(editorAction(EditorTabs::GoToLine));
    edit->addSeparator();
    edit->addAction(editorAction(EditorTabs::Clean));
    edit->addAction(editorAction(EditorTabs::Split));

    m_editorToolBar->addAction(m_openFileAction);
    m_editorToolBar->addAction(editorAction(EditorTabs::Save));
    m_editorToolBar->addSeparator();
    m_editorToolBar->addAction(editorAction(EditorTabs::Clean));
    m_editorToolBar->addAction(editorAction(EditorTabs::Split));
    m_editorToolBar->widgetForAction(m_openFileAction)
        ->setObjectName(QStringLiteral("openFileButton"));
    m_editorToolBar->widgetForAction(editorAction(EditorTabs::Save))
        ->setObjectName(QStringLiteral("saveButton"));
    m_editorToolBar->widgetForAction(editorAction(EditorTabs::Clean))
        ->setObjectName(QStringLiteral("cleanButton"));
    m_editorToolBar->widgetForAction(editorAction(EditorTabs::Split))
        ->setObjectName(QStringLiteral("splitButton"));

    QMenu *cluster = menuBar()->addMenu(tr("&Cluster"));
    cluster->addAction(m_refreshAction);
    cluster->addAction(m_cancelAction);

    QMenu *plan = menuBar()->addMenu(tr("&Plan"));
    plan->addAction(m_openRepoAction);
    plan->addAction(m_plan->writeAction());
    plan->addAction(m_plan->settingsAction());
    plan->addAction(m_plan->replanAction());

    // Validation before commit: its own controller (Commit runs it first).
    auto *validation = new ValidationController(m_session, m_problemModel, m_changesPanel, this);
    connect(validation, &ValidationController::statusMessage, this,
            [this](const QString &message, int timeout) {
                statusBar()->showMessage(message, timeout);
            });
    QMenu *repository = menuBar()->addMenu(tr("&Repository"));
    repository->addAction(validation->validateAction());
    repository->addAction(validation->cancelAction());
    // Encrypted Secrets: the user's age key, the repository's SOPS set-up, the cluster's key.
    m_secrets = new SecretsController(this, m_session, m_plan->session());
    connect(m_secrets, &SecretsController::statusMessage, this,
            [this](const QString &message, int timeout) {
                statusBar()->showMessage(message, timeout);
            });
    connect(m_secrets, &SecretsController::openRepositoryRequested, m_openRepoAction,
            &QAction::trigger);
    repository->addSeparator();
    repository->addAction(m_secrets->action());
    m_problemsPanel->addFix(QStringLiteral("plan-plain-text-secret"),
                            m_secrets->encryptFixAction());

    m_fluxMenu = menuBar()->addMenu(tr("F&lux"));
    m_fluxMenu->setObjectName(QStringLiteral("fluxMenu"));
    for (QAction *action : m_flux->menuActions()) {
        if (action)
            m_fluxMenu->addAction(action);
        else
            m_fluxMenu->addSeparator();
    }
    // Takeover: the baseline, the verdicts and the checklist of steps 7 to 9.
    m_takeover =
        new TakeoverController(this, m_session, m_plan->session(), m_clusterPane, m_editorTabs);
    connect(m_takeover, &TakeoverController::statusMessage, this,
            [this](const QString &message, int timeout) {
                statusBar()->showMessage(message, timeout);
            });
    connect(m_takeover, &TakeoverController::error, m_errorBanner, &MessageBanner::showMessage);
    connect(m_takeover, &TakeoverController::openRepositoryRequested, m_openRepoAction,
            &QAction::trigger);
    connect(m_takeover, &TakeoverController::fluxSettingsRequested, m_plan,
            &PlanController::editSettings);
    connect(m_takeover, &TakeoverController::reconcileRequested, this,
            [this](const QString &kind, const QString &ns, const QString &name) {
                for (const FluxKind &fluxKind : FluxKinds::all()) {
                    if (fluxKind.kind == kind &&
                        m_fluxPanel->selectRef(FluxRef{fluxKind.group, kind, ns, name})) {
                        m_fluxDock->raise();
                        m_flux->action(FluxController::Reconcile)->trigger();
                        return;
                    }
                }
                statusBar()->showMessage(
                    tr("%1 %2/%3 is not in the Flux view: connect to the live cluster")
                        .arg(kind, ns, name),
                    8000);
            });
    // Bootstrap: the wizard over the pre-flight and the bootstrap session.
    m_bootstrap = new BootstrapController(this, m_session, m_plan->session());
    connect(m_bootstrap, &BootstrapController::statusMessage, this,
            [this](const QString &message, int timeout) {
                statusBar()->showMessage(message, timeout);
            });
    connect(m_bootstrap, &BootstrapController::openRepositoryRequested, m_openRepoAction,
            &QAction::trigger);
    connect(m_bootstrap, &BootstrapController::takeoverReportRequested, m_takeover,
            &TakeoverController::showReport);
    connect(m_takeover, &TakeoverController::bootstrapRequested, m_bootstrap,
            &BootstrapController::openWizard);
    m_fluxMenu->addSeparator();
    m_fluxMenu->addAction(m_bootstrap->bootstrapAction());
    m_fluxMenu->addAction(m_takeover->recordAction());
    m_fluxMenu->addAction(m_takeover->reportAction());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_showOwnedAction);
    view->addAction(m_focusFilterAction);
    view->addSeparator();
    view->addAction(m_problemsDock->toggleViewAction());
    view->addAction(m_changesDock->toggleViewAction());
    QAction *fluxToggle = m_fluxDock->toggleViewAction();
    fluxToggle->setObjectName(QStringLiteral("fluxDockToggleAction"));
    view->addAction(fluxToggle);
    QAction *graphToggle = m_fluxGraphDock->toggleViewAction();
    graphToggle->setObjectName(QStringLiteral("fluxGraphDockToggleAction"));
    view->addAction(graphToggle);
    view->addAction(m_editorTabs->action(EditorTabs::NextTab));
    view->addAction(m_editorTabs->action(EditorTabs::PreviousTab));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    auto *guide = new QAction(tr("Fluxdesk &Guide"), this);
    guide->setObjectName(QStringLiteral("guideAction"));
    guide->setShortcut(QKeySequence(Qt::Key_F1));
    guide->setToolTip(tr("The panes, the badges and the flow from cluster to Flux repository"));
    connect(guide, &QAction::triggered, this, [this] { showGuide(this); });
    help->addAction(guide);
    // The cluster pane's "?": the badge legend.
    auto *legend = new QAction(tr("Badge &Legend"), this);
    legend->setObjectName(QStringLiteral("legendAction"));
    connect(legend, &QAction::triggered, m_clusterPane, &ClusterPane::showLegend);
    help->addAction(legend);
    help->addSeparator();
    help->addAction(m_aboutAction);
}

void MainWindow::about()
{
    QMessageBox::about(
        this, tr("About Fluxdesk"),
        tr("<h3>Fluxdesk %1</h3><p>Move a hand-managed Kubernetes homelab into Flux GitOps.</p>"
           "<p>YAML highlighting: %2</p><p>Licensed under the Apache License 2.0.</p>")
            .arg(QApplication::applicationVersion(), YamlView::highlighterName()));
}

} // namespace Fluxdesk
