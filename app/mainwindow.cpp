#include "mainwindow.h"

#include "appsettings.h"
#include "clusterpane.h"
#include "connectionbar.h"
#include "items/inventoryfiltermodel.h"
#include "items/inventorymodel.h"
#include "kube/clustersession.h"
#include "manifest/yamlwriter.h"
#include "messagebanner.h"
#include "yamlview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

namespace Fluxdesk {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_settings(std::make_unique<AppSettings>()),
      m_session(new ClusterSession(this)), m_model(new InventoryModel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_model->setSession(m_session);

    m_connectionBar = new ConnectionBar(this);
    m_connectionBar->setObjectName(QStringLiteral("connectionBar"));
    auto *toolBar = new QToolBar(tr("Connection"), this);
    toolBar->setObjectName(QStringLiteral("connectionToolBar"));
    toolBar->setMovable(false);
    toolBar->addWidget(m_connectionBar);
    addToolBar(Qt::TopToolBarArea, toolBar);

    m_errorBanner = new MessageBanner(MessageBanner::Level::Error, this);
    m_errorBanner->setObjectName(QStringLiteral("errorBanner"));
    m_forbiddenNotice = new MessageBanner(MessageBanner::Level::Warning, this);
    m_forbiddenNotice->setObjectName(QStringLiteral("forbiddenNotice"));

    m_clusterPane = new ClusterPane(this);
    m_clusterPane->setObjectName(QStringLiteral("clusterPane"));
    m_clusterPane->setModel(m_model);

    auto *centre = new QWidget(this);
    m_yamlTitle = new QLabel(centre);
    m_yamlTitle->setObjectName(QStringLiteral("yamlTitle"));
    m_yamlTitle->setTextFormat(Qt::PlainText);
    QFont bold = m_yamlTitle->font();
    bold.setBold(true);
    m_yamlTitle->setFont(bold);
    m_yamlReason = new QLabel(centre);
    m_yamlReason->setObjectName(QStringLiteral("yamlReason"));
    m_yamlReason->setTextFormat(Qt::PlainText);
    m_yamlReason->setWordWrap(true);
    m_yamlReason->setForegroundRole(QPalette::PlaceholderText);
    m_yamlView = new YamlView(centre);
    m_yamlView->setObjectName(QStringLiteral("yamlView"));
    m_yamlView->setPlaceholderText(
        tr("Select an object in the cluster tree to see its live YAML here."));
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->addWidget(m_yamlTitle);
    centreLayout->addWidget(m_yamlReason);
    centreLayout->addWidget(m_yamlView, 1);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_clusterPane);
    m_splitter->addWidget(centre);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_errorBanner);
    layout->addWidget(m_forbiddenNotice);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    createActions();
    createMenus();
    onObjectSelected({});

    connect(m_connectionBar, &ConnectionBar::sourceChosen, this,
            [this] { connectToSource(m_connectionBar->currentSource()); });
    connect(m_connectionBar, &ConnectionBar::connectRequested, this, &MainWindow::refresh);
    connect(m_connectionBar, &ConnectionBar::cancelRequested, this, &MainWindow::cancel);
    connect(m_connectionBar, &ConnectionBar::openSnapshotRequested, this,
            &MainWindow::chooseSnapshot);
    connect(m_clusterPane, &ClusterPane::objectSelected, this, &MainWindow::onObjectSelected);
    connect(m_clusterPane, &ClusterPane::showOwnedChanged, m_showOwnedAction, &QAction::setChecked);

    connect(m_session, &ClusterSession::started, this, &MainWindow::onStarted);
    connect(m_session, &ClusterSession::connectionResolved, m_connectionBar,
            &ConnectionBar::setWarnings);
    connect(m_session, &ClusterSession::progress, this, [this](int done, int total) {
        m_connectionBar->setProgress(done, total);
        m_connectionBar->setStatus(tr("Loading: types %1 of %2, objects %3")
                                       .arg(done)
                                       .arg(total)
                                       .arg(m_model->objectCount()));
    });
    connect(m_session, &ClusterSession::typeFinished, this,
            [this](const ResourceType &type, TypeState state, const QString &message) {
                onTypeFinished(type, int(state), message);
            });
    connect(m_session, &ClusterSession::finished, this, &MainWindow::onFinished);

    restoreSettings();
    updateTitle();
    m_connectionBar->setStatus(tr("Not connected"));
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_openKubeconfigAction = new QAction(tr("Open &Kubeconfig…"), this);
    m_openKubeconfigAction->setObjectName(QStringLiteral("openKubeconfigAction"));
    m_openKubeconfigAction->setShortcut(QKeySequence::Open);
    connect(m_openKubeconfigAction, &QAction::triggered, this, &MainWindow::chooseKubeconfig);

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
    m_focusFilterAction->setShortcut(QKeySequence::Find);
    connect(m_focusFilterAction, &QAction::triggered, m_clusterPane, &ClusterPane::focusFilter);

    m_aboutAction = new QAction(tr("&About Fluxdesk"), this);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::about);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openKubeconfigAction);
    file->addAction(m_openSnapshotAction);
    file->addAction(m_demoAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *cluster = menuBar()->addMenu(tr("&Cluster"));
    cluster->addAction(m_refreshAction);
    cluster->addAction(m_cancelAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_showOwnedAction);
    view->addAction(m_focusFilterAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
}

void MainWindow::restoreSettings()
{
    if (!restoreGeometry(m_settings->windowGeometry()))
        resize(1280, 800);
    restoreState(m_settings->windowState());
    if (!m_splitter->restoreState(m_settings->splitterState()))
        m_splitter->setSizes({460, 820});
    const bool showOwned = m_settings->showOwned();
    m_clusterPane->setShowOwned(showOwned);
    m_showOwnedAction->setChecked(showOwned);
    m_repoPath = m_settings->repoPath();
    const QStringList selected = m_settings->selectedObject();
    if (selected.size() == 4)
        m_selected = ObjectKey{selected.at(0), selected.at(1), selected.at(2), selected.at(3)};
}

void MainWindow::saveSettings()
{
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    m_settings->setSplitterState(m_splitter->saveState());
    m_settings->setShowOwned(m_clusterPane->showOwned());
    if (!m_selected.name.isEmpty())
        m_settings->setSelectedObject(
            {m_selected.group, m_selected.kind, m_selected.ns, m_selected.name});
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_session->cancel();
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::start(const StartupOptions &options)
{
    if (!options.repo.isEmpty()) {
        m_repoPath = QFileInfo(options.repo).absoluteFilePath();
        m_settings->setRepoPath(m_repoPath);
        updateTitle();
    }
    const StartupPlan plan =
        planStartup(options, m_settings->kubeconfigPath(), m_settings->lastContext());
    if (!plan.contexts.isEmpty())
        m_connectionBar->setKubeconfig(plan.kubeconfigFiles, plan.contexts, plan.context);
    if (plan.source.kind == ClusterSource::Kind::Snapshot)
        m_connectionBar->setSnapshot(plan.source.snapshotPath);
    else if (plan.source.kind == ClusterSource::Kind::Demo)
        m_connectionBar->selectDemo();
    m_startupNote =
        plan.source.kind == ClusterSource::Kind::Demo && !options.demo ? plan.status : QString();
    statusBar()->showMessage(plan.status);
    if (plan.connect)
        connectToSource(plan.source);
    // After connecting: a new connection clears the banner, and this problem outlives it.
    if (!plan.error.isEmpty())
        m_errorBanner->showMessage(tr("The kubeconfig could not be used"), plan.error);
}

void MainWindow::connectToSource(const ClusterSource &source)
{
    if (source.kind == ClusterSource::Kind::Kubeconfig)
        m_settings->setLastContext(source.context);
    if (source.kind == ClusterSource::Kind::Snapshot)
        m_settings->setLastSnapshot(source.snapshotPath);
    m_cancelRequested = false;
    m_session->connectTo(source);
}

bool MainWindow::openKubeconfig(const QString &path)
{
    const QStringList files{QFileInfo(path).absoluteFilePath()};
    const Result<Kubeconfig> config = Kubeconfig::load(files);
    if (!config) {
        m_errorBanner->showMessage(tr("The kubeconfig could not be used"),
                                   config.error().toString());
        return false;
    }
    if (config->contextNames().isEmpty()) {
        m_errorBanner->showMessage(tr("The kubeconfig could not be used"),
                                   tr("%1 lists no contexts").arg(files.constFirst()));
        return false;
    }
    m_settings->setKubeconfigPath(files.constFirst());
    m_errorBanner->hide();
    const QString context = config->contextNames().contains(config->currentContext())
                                ? config->currentContext()
                                : config->contextNames().constFirst();
    m_connectionBar->setKubeconfig(files, config->contextNames(), context);
    connectToSource(m_connectionBar->currentSource());
    return true;
}

void MainWindow::openSnapshot(const QString &path)
{
    m_connectionBar->setSnapshot(path);
    connectToSource(m_connectionBar->currentSource());
}

void MainWindow::chooseKubeconfig()
{
    const QString start = m_settings->kubeconfigPath().isEmpty()
                              ? QDir::homePath() + QLatin1String("/.kube")
                              : QFileInfo(m_settings->kubeconfigPath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Kubeconfig"), start);
    if (!path.isEmpty())
        openKubeconfig(path);
}

void MainWindow::chooseSnapshot()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Snapshot"), QFileInfo(m_settings->lastSnapshot()).absolutePath(),
        tr("Kubernetes objects (*.yaml *.yml *.json);;All files (*)"));
    if (!path.isEmpty())
        openSnapshot(path);
}

void MainWindow::refresh()
{
    if (m_session->isBusy())
        return;
    connectToSource(m_connectionBar->currentSource());
}

void MainWindow::cancel()
{
    if (!m_session->isBusy())
        return;
    m_cancelRequested = true;
    m_session->cancel();
}

void MainWindow::onStarted()
{
    m_errorBanner->hide();
    m_forbiddenNotice->hide();
    m_unlisted.clear();
    m_connectionBar->setWarnings({});
    m_connectionBar->setBusy(true);
    m_connectionBar->setStatus(tr("Connecting to %1…").arg(m_session->source().displayName()));
    m_cancelAction->setEnabled(true);
    m_refreshAction->setEnabled(false);
    onObjectSelected({});
    updateTitle();
}

void MainWindow::onTypeFinished(const ResourceType &type, int state, const QString &message)
{
    if (state != int(TypeState::Forbidden) && state != int(TypeState::Failed))
        return;
    //: A resource type that could not be listed, then the server's message
    m_unlisted.append(tr("%1: %2").arg(type.qualifiedName(), message));
    m_forbiddenNotice->showMessage(
        tr("Some resource types could not be listed; the rest of the cluster is shown"),
        m_unlisted.join(QLatin1Char('\n')));
}

void MainWindow::onFinished(bool ok, const QString &message)
{
    m_connectionBar->setBusy(false);
    m_cancelAction->setEnabled(false);
    m_refreshAction->setEnabled(true);
    const int count = m_model->objectCount();
    const QString source = m_session->source().displayName();
    QString status;
    if (m_cancelRequested) {
        status = tr("Cancelled; objects loaded before stopping: %1").arg(count);
    } else if (!ok) {
        m_errorBanner->showMessage(tr("Could not load %1").arg(source), message);
        status = tr("Loading %1 failed").arg(source);
    } else {
        status = tr("Objects from %1: %2").arg(source).arg(count);
        m_clusterPane->expandIfSmall();
        if (!m_selected.name.isEmpty())
            m_clusterPane->selectObject(m_selected);
    }
    m_cancelRequested = false;
    m_connectionBar->setStatus(status);
    // Keep saying why the demo is shown while it is what the window shows.
    if (!m_startupNote.isEmpty() && m_session->source().kind == ClusterSource::Kind::Demo)
        //: Status bar: why this source was chosen, then the load's result
        statusBar()->showMessage(tr("%1 — %2").arg(m_startupNote, status));
    else
        statusBar()->showMessage(status);
}

void MainWindow::onObjectSelected(const ObjectKey &key)
{
    const InventoryEntry *entry = key.name.isEmpty() ? nullptr : m_session->inventory().find(key);
    if (!entry) {
        m_yamlTitle->setText(tr("No object selected"));
        m_yamlReason->clear();
        m_yamlReason->hide();
        m_yamlView->clear();
        return;
    }
    m_selected = key;
    m_yamlTitle->setText(key.toString());
    //: Ownership badge, then the classification's reason
    m_yamlReason->setText(tr("%1: %2").arg(ownershipBadge(entry->classification.ownership),
                                           entry->classification.reason));
    m_yamlReason->show();
    m_yamlView->setYaml(toYaml(entry->object));
}

void MainWindow::updateTitle()
{
    const QString source = m_session->isBusy() || m_model->objectCount() > 0
                               ? m_session->source().displayName()
                               : QString();
    QString title;
    if (!source.isEmpty() && !m_repoPath.isEmpty())
        //: Window title: cluster source, repository folder
        title = tr("%1 — %2 — Fluxdesk").arg(source, QDir::toNativeSeparators(m_repoPath));
    else if (!source.isEmpty())
        title = tr("%1 — Fluxdesk").arg(source);
    else if (!m_repoPath.isEmpty())
        title = tr("%1 — Fluxdesk").arg(QDir::toNativeSeparators(m_repoPath));
    else
        title = tr("Fluxdesk");
    setWindowTitle(title);
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
