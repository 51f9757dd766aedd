#include "mainwindow.h"

#include "plan/encryptedfiles.h"
#include "secrets/agekeys.h"
#include "secrets/sopseditorcodec.h"

#include "appsettings.h"
#include "changespanel.h"
#include "clusterpane.h"
#include "connectionbar.h"
#include "demorepositorybanner.h"
#include "editorpage.h"
#include "editortabs.h"
#include "fluxcontroller.h"
#include "fluxgraphview.h"
#include "fluxpanel.h"
#include "helm/helmclientconfig.h"
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

    // The centre: the editor's tool bar over the tabs; the first tab previews the object selected
    // in the tree (read-only), the others are documents.
    m_problemModel = new ProblemModel(this);
    m_editorTabs = new EditorTabs(m_problemModel, this);
    m_editorTabs->setPreviewPage(createPreviewPage(), tr("Live Object"));
    auto *centre = new QWidget(this);
    m_editorToolBar = new QToolBar(tr("Editor"), centre);
    m_editorToolBar->setObjectName(QStringLiteral("editorToolBar"));
    m_editorToolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    centreLayout->addWidget(m_editorToolBar);
    centreLayout->addWidget(m_editorTabs, 1);

    m_problemsPanel = new ProblemsPanel(m_problemModel, this);
    m_problemsPanel->setObjectName(QStringLiteral("problemsPanel"));
    m_problemsDock = new QDockWidget(tr("Problems"), this);
    m_problemsDock->setObjectName(QStringLiteral("problemsDock"));
    m_problemsDock->setWidget(m_problemsPanel);
    m_problemsDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::BottomDockWidgetArea, m_problemsDock);
    resizeDocks({m_problemsDock}, {150}, Qt::Vertical);
    createChangesDock();
    setUpPlan();
    setUpFlux();

    // The two trees side by side (the live cluster, the repository it becomes), then the editor.
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_clusterPane);
    m_splitter->addWidget(m_plan->pane());
    m_splitter->addWidget(centre);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setStretchFactor(2, 3);
    m_splitter->setChildrenCollapsible(false);
    // The panes keep the widths the user gives them: what they come to show (a release's view, a
    // long name or path) never raises a pane's minimum and so never moves the dividers. Each keeps
    // the minimum its controls need now, before any selection.
    for (int i = 0; i < m_splitter->count(); ++i) {
        QWidget *pane = m_splitter->widget(i);
        pane->setMinimumWidth(pane->minimumSizeHint().width());
    }

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_errorBanner);
    layout->addWidget(m_forbiddenNotice);
    auto *demoBanner = new DemoRepositoryBanner(m_session, m_plan->session(), this);
    layout->addWidget(demoBanner);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    createActions();
    createMenus();
    demoBanner->addButton(m_openKubeconfigAction);
    setUpReleaseView();
    onObjectSelected({});

    connect(m_connectionBar, &ConnectionBar::sourceChosen, this,
            [this] { connectToSource(m_connectionBar->currentSource()); });
    connect(m_connectionBar, &ConnectionBar::connectRequested, this, &MainWindow::refresh);
    connect(m_connectionBar, &ConnectionBar::cancelRequested, this, &MainWindow::cancel);
    connect(m_connectionBar, &ConnectionBar::openSnapshotRequested, this,
            &MainWindow::chooseSnapshot);
    connect(m_connectionBar, &ConnectionBar::kubeconfigChosen, this, &MainWindow::openKubeconfig);
    connect(m_clusterPane, &ClusterPane::objectSelected, this, &MainWindow::onObjectSelected);
    // Double-click or Enter on an object opens an editable copy.
    connect(m_clusterPane->treeView(), &QAbstractItemView::activated, this,
            [this](const QModelIndex &index) {
                const ObjectKey key = InventoryModel::keyAt(index);
                if (!key.name.isEmpty())
                    openObjectInEditor(key);
            });
    connect(m_editorTabs, &EditorTabs::statusMessage, this, [this](const QString &message) {
        if (message.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(message, 8000);
    });
    connect(m_editorTabs, &EditorTabs::findWithoutDocument, m_clusterPane,
            &ClusterPane::focusFilter);
    connect(m_problemsPanel, &ProblemsPanel::problemActivated, m_editorTabs,
            &EditorTabs::showProblem);
    m_editorTabs->setCleanContextProvider([this] {
        // PVs a provisioner created will not exist after a rebuild: a clean drops claims' ties
        // to them.
        CleanContext context;
        const auto volumes =
            m_session->inventory().entriesOfKind(QString(), QStringLiteral("PersistentVolume"));
        for (const InventoryEntry *entry : volumes) {
            const QJsonObject annotations = entry->object.value(QLatin1String("metadata"))
                                                .toObject()
                                                .value(QLatin1String("annotations"))
                                                .toObject();
            if (annotations.contains(QLatin1String("pv.kubernetes.io/provisioned-by")))
                context.dynamicVolumes.insert(entry->key.name);
        }
        return context;
    });
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

QWidget *MainWindow::createPreviewPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("livePreviewPage"));
    m_yamlTitle = new QLabel(page);
    m_yamlTitle->setObjectName(QStringLiteral("yamlTitle"));
    m_yamlTitle->setTextFormat(Qt::PlainText);
    QFont bold = m_yamlTitle->font();
    bold.setBold(true);
    m_yamlTitle->setFont(bold);
    // A long name must not widen the editor's pane (and squeeze the trees the user sized): the
    // title is cut at the pane's edge, and its tooltip holds all of it.
    m_yamlTitle->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_yamlReason = new QLabel(page);
    m_yamlReason->setObjectName(QStringLiteral("yamlReason"));
    m_yamlReason->setTextFormat(Qt::PlainText);
    m_yamlReason->setWordWrap(true);
    m_yamlReason->setForegroundRole(QPalette::PlaceholderText);
    m_yamlPlan = new QLabel(page);
    m_yamlPlan->setObjectName(QStringLiteral("yamlPlanDecision"));
    m_yamlPlan->setTextFormat(Qt::PlainText);
    m_yamlPlan->setWordWrap(true);
    m_yamlPlan->hide();
    m_openInEditorButton = new QPushButton(tr("Open in Editor"), page);
    m_openInEditorButton->setObjectName(QStringLiteral("openInEditorButton"));
    m_openInEditorButton->setToolTip(
        tr("Open an editable copy to clean, split and save (or double-click the object)"));
    connect(m_openInEditorButton, &QPushButton::clicked, this,
            [this] { openObjectInEditor(m_selected); });
    m_yamlView = new YamlView(page);
    m_yamlView->setObjectName(QStringLiteral("yamlView"));
    m_yamlView->setPlaceholderText(
        tr("Select an object in the cluster tree to see its live YAML here; double-click it to "
           "edit a copy. Open a file of your repository with File > Open File."));
    auto *header = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    titles->addWidget(m_yamlTitle);
    titles->addWidget(m_yamlReason);
    titles->addWidget(m_yamlPlan);
    header->addLayout(titles, 1);
    header->addWidget(m_openInEditorButton, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 4, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_yamlView, 1);
    return page;
}

void MainWindow::restoreSettings()
{
    if (!restoreGeometry(m_settings->windowGeometry()))
        resize(1280, 800);
    // First start: the bottom docks stay a strip below the editor, not half the window.
    if (!restoreState(m_settings->windowState()))
        resizeDocks({m_problemsDock, m_changesDock}, {170, 170}, Qt::Vertical);
    // A state saved before the plan pane existed has two sizes: start from the defaults.
    if (!m_splitter->restoreState(m_settings->splitterState()) || m_splitter->sizes().contains(0))
        m_splitter->setSizes({380, 380, 520});
    const bool showOwned = m_settings->showOwned();
    m_clusterPane->setShowOwned(showOwned);
    m_showOwnedAction->setChecked(showOwned);
    m_repoPath = m_settings->repoPath();
    m_editorTabs->setDefaultFolder(m_repoPath);
    m_changesPanel->setRepositoryPath(m_repoPath);
    m_plan->setRepository(m_repoPath);
    updateRecentRepos();
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
    // Never lose text: unsaved documents are saved, discarded or the close is cancelled.
    if (!m_editorTabs->maybeCloseAll()) {
        event->ignore();
        return;
    }
    m_session->cancel();
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::start(const StartupOptions &options)
{
    if (!options.repo.isEmpty()) {
        openRepository(options.repo);
    }
    const StartupPlan plan =
        planStartup(options, m_settings->kubeconfigFiles(), m_settings->lastContext());
    m_connectionBar->setRecentKubeconfigs(m_settings->recentKubeconfigs());
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
    if (source.kind == ClusterSource::Kind::Kubeconfig) {
        // The files too, however they were chosen: a restart without arguments reconnects here
        // instead of falling back to the demo cluster.
        QStringList files;
        for (const QString &file : source.kubeconfigFiles)
            files.append(QFileInfo(file).absoluteFilePath());
        m_settings->setKubeconfigFiles(files);
        m_settings->addRecentKubeconfigs(files);
        m_settings->setLastContext(source.context);
        m_connectionBar->setRecentKubeconfigs(m_settings->recentKubeconfigs());
    }
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
        m_yamlTitle->setToolTip(QString());
        m_yamlReason->clear();
        m_yamlReason->hide();
        m_yamlPlan->hide();
        m_yamlView->clear();
        m_openInEditorButton->setEnabled(false);
        m_openInEditorAction->setEnabled(false);
        m_editorTabs->setTabText(m_editorTabs->indexOf(m_editorTabs->previewPage()),
                                 tr("Live Object"));
        return;
    }
    //: Tab title of the read-only preview of a live object
    m_editorTabs->setTabText(m_editorTabs->indexOf(m_editorTabs->previewPage()),
                             tr("Live: %1").arg(key.name));
    m_openInEditorButton->setEnabled(true);
    m_openInEditorAction->setEnabled(true);
    // Selecting an object shows its preview, as selecting a file previews it in other editors.
    m_editorTabs->setCurrentWidget(m_editorTabs->previewPage());
    m_selected = key;
    m_yamlTitle->setText(key.toString());
    m_yamlTitle->setToolTip(key.toString());
    //: Ownership badge, then the classification's reason
    m_yamlReason->setText(tr("%1: %2").arg(ownershipBadge(entry->classification.ownership),
                                           entry->classification.reason));
    m_yamlReason->show();
    updatePlanDecision();
    m_yamlView->setYaml(toYaml(entry->object.toObject()));
}

void MainWindow::openFileInEditor(const QString &path)
{
    m_editorTabs->openFile(path);
}

bool MainWindow::openObjectInEditor(const ObjectKey &key)
{
    const InventoryEntry *entry = key.name.isEmpty() ? nullptr : m_session->inventory().find(key);
    if (!entry)
        return false;
    const QString name = fileNameFor(entry->object, QStringLiteral("{name}-{kind}.yaml"));
    // Activating the same object again (or single-click activation styles) shows its open copy.
    const QList<EditorPage *> pages = m_editorTabs->pages();
    for (EditorPage *page : pages) {
        if (page->document().isUntitled() && page->document().displayName() == name &&
            !page->isModified()) {
            m_editorTabs->setCurrentWidget(page);
            return true;
        }
    }
    EditorPage *page = m_editorTabs->openText(name, toYaml(entry->object.toObject()));
    // Save puts the copy where the plan puts the object, inside the kustomizations that build
    // it, when the plan gives it a manifest file of its own.
    const auto snapshot = m_plan->session()->snapshot();
    const QString planned = snapshot ? snapshot->plan.pathOf(key) : QString();
    const PlannedFile *file = planned.isEmpty() ? nullptr : snapshot->plan.file(planned);
    if (file && file->kind == PlannedFileKind::Manifest && file->objects == QList<ObjectKey>{key} &&
        !m_plan->session()->repository().isEmpty()) {
        if (file->encrypted) {
            // The plan writes this Secret encrypted: so does Save, or it does not save there.
            const QList<Age::Identity> keys = AgeKeys::findIdentities().identities;
            const Result<Sops::EncryptOptions> encryption =
                EncryptedFiles::forRepository(m_plan->session()->repository(), keys)
                    .encryptOptions(planned);
            if (!encryption) {
                statusBar()->showMessage(encryption.error().message, 8000);
                return true;
            }
            page->setCodec(Sops::newFileCodec(*encryption, keys));
        }
        page->setPlannedFile(m_plan->session()->repository(), planned);
        //: Status bar after opening a live object in the editor; %2 is the file the plan puts it in
        statusBar()->showMessage(tr("Editing a copy of %1: Clean removes what the cluster wrote, "
                                    "Save writes it to %2 in the repository")
                                     .arg(key.toString(), planned),
                                 8000);
        return true;
    }
    //: Status bar after opening a live object in the editor
    statusBar()->showMessage(tr("Editing a copy of %1: Clean removes what the cluster wrote, "
                                "Save writes it to the repository")
                                 .arg(key.toString()),
                             8000);
    return true;
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

void MainWindow::setUpReleaseView()
{
    m_releaseView = new ReleaseView(this);
    ChartSourceContext context;
    context.helmClient = HelmClientConfig::load(HelmClientPaths::fromEnvironment());
    m_releaseView->setChartSourceContext(context);
    m_releaseView->hide();
    connect(m_clusterPane, &ClusterPane::releaseSelected, this, &MainWindow::showRelease);
    // A chart source named in the release view is kept in the plan file and re-plans.
    connect(m_releaseView, &ReleaseView::sourceChosen, m_plan->session(),
            &PlanSession::setChartSource);
    // Edited values and the credentials choice are kept there too, so the plan writes them.
    connect(m_releaseView, &ReleaseView::edited, this, [this] {
        const ReleaseConversion &conversion = m_releaseView->conversion();
        ReleaseEdit edit;
        edit.ns = conversion.release().ns;
        edit.name = conversion.release().name;
        edit.hasValues = conversion.values() != conversion.release().values;
        if (edit.hasValues)
            edit.values = conversion.values();
        edit.credentials = conversion.credentialHandling();
        m_plan->session()->setReleaseEdit(edit);
    });
    // The release tab is no EditorPage, so EditorTabs leaves its close button to us.
    connect(m_editorTabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (m_editorTabs->widget(index) == m_releaseView)
            m_editorTabs->removeTab(index);
    });
    // A new cluster means other releases: the tab would show one that may not exist.
    connect(m_session, &ClusterSession::started, this, [this] {
        const int index = m_editorTabs->indexOf(m_releaseView);
        if (index >= 0)
            m_editorTabs->removeTab(index);
        m_releaseView->setRelease({});
    });
}

void MainWindow::setUpPlan()
{
    m_plan = new PlanController(m_session, m_clusterPane, m_editorTabs, m_problemModel, this);
    connect(m_plan, &PlanController::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(m_plan, &PlanController::error, m_errorBanner, &MessageBanner::showMessage);
    connect(m_plan, &PlanController::repositoryWritten, m_changesPanel, &ChangesPanel::refresh);
    connect(m_plan, &PlanController::openRepositoryRequested, m_openRepoAction, &QAction::trigger);
    connect(m_plan->session(), &PlanSession::planReady, this, &MainWindow::updatePlanDecision);
    // A saved file may change its status in the plan.
    for (EditorTabs::ActionId id : {EditorTabs::Save, EditorTabs::SaveAs}) {
        connect(m_editorTabs->action(id), &QAction::triggered, m_plan->session(),
                &PlanSession::replan, Qt::QueuedConnection);
    }
}

void MainWindow::setUpFlux()
{
    m_fluxPanel = new FluxPanel(this);
    m_fluxPanel->setObjectName(QStringLiteral("fluxPanel"));
    m_fluxDock = new QDockWidget(tr("Flux"), this);
    m_fluxDock->setObjectName(QStringLiteral("fluxDock"));
    m_fluxDock->setWidget(m_fluxPanel);
    m_fluxDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                            QDockWidget::DockWidgetFloatable);
    // Beside the cluster pane, which is the central area's left edge.
    addDockWidget(Qt::LeftDockWidgetArea, m_fluxDock);
    resizeDocks({m_fluxDock}, {460}, Qt::Horizontal);
    m_flux = new FluxController(m_session, m_fluxPanel, this);
    connect(m_flux, &FluxController::statusMessage, this,
            [this](const QString &message, int timeout) {
                statusBar()->showMessage(message, timeout);
            });

    // The dependency graph of the same live objects, a tab beside the Flux dock; a click on a box
    // selects the object in the panel, and the panel's selection is highlighted in the graph.
    m_fluxGraph = new FluxGraphView(this);
    m_fluxGraph->setLiveState(m_flux->liveState());
    m_fluxGraphDock = new QDockWidget(tr("Flux Graph"), this);
    m_fluxGraphDock->setObjectName(QStringLiteral("fluxGraphDock"));
    m_fluxGraphDock->setWidget(m_fluxGraph);
    m_fluxGraphDock->setFeatures(m_fluxDock->features());
    addDockWidget(Qt::LeftDockWidgetArea, m_fluxGraphDock);
    tabifyDockWidget(m_fluxDock, m_fluxGraphDock);
    m_fluxDock->raise();
    connect(m_fluxGraph, &FluxGraphView::objectActivated, m_fluxPanel, &FluxPanel::selectRef);
    connect(m_fluxPanel, &FluxPanel::currentChanged, m_fluxGraph, &FluxGraphView::select);

    // The planned files holding Flux objects show those objects' live state; the controller
    // clears it when a connection starts and says when the watches know the whole cluster.
    m_plan->pane()->setFluxLiveState(m_flux->liveState());
    connect(m_flux, &FluxController::watchingChanged, m_plan->pane(), &PlanPane::setFluxWatching);
}

void MainWindow::updatePlanDecision()
{
    // Only while the preview shows an object (m_selected outlives it, to be selected again).
    const bool shown = m_openInEditorAction && m_openInEditorAction->isEnabled();
    const QString text = m_plan && shown ? m_plan->decisionFor(m_selected) : QString();
    m_yamlPlan->setText(text);
    m_yamlPlan->setVisible(!text.isEmpty());
}

void MainWindow::showRelease(const QString &ns, const QString &name)
{
    const QList<HelmRelease> releases = m_session->inventory().helmReleases();
    const auto it = std::find_if(releases.cbegin(), releases.cend(), [&](const HelmRelease &r) {
        return r.ns == ns && r.name == name;
    });
    if (it == releases.cend())
        return;
    // Selecting the release shown again keeps the user's edits.
    if (m_releaseView->releaseKey() != ns + QLatin1Char('/') + name) {
        // The plan file's source choices count, as they do in the plan.
        ChartSourceContext context = m_releaseView->conversion().context();
        context.userChoices = m_plan->session()->decisions().chartSources;
        m_releaseView->setChartSourceContext(context);
        m_releaseView->setRelease(*it);
        // The values and credentials choice kept in the plan file, as the plan uses them: the
        // file keeps no credential value, so those come from the running release.
        const ReleaseEdit edit = m_plan->session()->releaseEdit(ns, name);
        if (edit.hasValues || edit.credentials != CredentialHandling::Secret)
            m_releaseView->applyEdit(edit.hasValues
                                         ? toYaml(withCredentialValuesFrom(
                                               edit.values, it->values, edit.credentialsInSecret))
                                         : m_releaseView->conversion().originalValuesYaml(),
                                     edit.credentials);
    }
    int index = m_editorTabs->indexOf(m_releaseView);
    //: Tab title of the Helm release view
    const QString title = tr("Release: %1").arg(name);
    if (index < 0)
        index = m_editorTabs->insertTab(1, m_releaseView, title);
    m_editorTabs->setTabText(index, title);
    m_editorTabs->setTabToolTip(index, tr("Helm release %1/%2 as Flux objects").arg(ns, name));
    m_editorTabs->setCurrentIndex(index);
}

} // namespace Fluxdesk
