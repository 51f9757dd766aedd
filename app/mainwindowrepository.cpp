// MainWindow and the checkout: the Changes dock, opening a repository, the recent list and opening
// its files (the window itself is composed in mainwindow.cpp).
#include "mainwindow.h"

#include "appsettings.h"
#include "changespanel.h"
#include "clusterpane.h"
#include "connectionbar.h"
#include "editorpage.h"
#include "editortabs.h"
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

void MainWindow::createChangesDock()
{
    m_changesPanel = new ChangesPanel(this);
    // The system keychain when built with QtKeychain: the sign-in dialog then offers "remember".
    m_changesPanel->setSecretStore(createSystemSecretStore());
    // Its full layout wants ~300 px; tabified with Problems it would make the bottom strip that
    // tall even while empty. Let the dock decide the height (the user can drag it larger).
    m_changesPanel->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Ignored);
    m_changesDock = new QDockWidget(tr("Changes"), this);
    m_changesDock->setObjectName(QStringLiteral("changesDock"));
    m_changesDock->setWidget(m_changesPanel);
    m_changesDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::BottomDockWidgetArea, m_changesDock);
    tabifyDockWidget(m_problemsDock, m_changesDock);
    m_problemsDock->raise();
    // The bottom strip suits the Problems list; raised, the Changes panel grows to a height where
    // its list, buttons and diff are usable (never past 45% of the window; drag to change it).
    connect(m_changesDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (!visible || m_changesDock->isFloating())
            return;
        QTimer::singleShot(0, this, [this] {
            const int usable =
                std::min(m_changesPanel->sizeHint().height() + 24, height() * 45 / 100);
            if (m_changesDock->isVisible() && m_changesDock->height() < usable)
                resizeDocks({m_changesDock}, {usable}, Qt::Vertical);
        });
    });

    m_openRepoAction = new QAction(tr("Open &Repository…"), this);
    m_openRepoAction->setObjectName(QStringLiteral("openRepositoryAction"));
    m_openRepoAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_openRepoAction->setToolTip(tr("Choose the checkout to plan into, review, commit and push"));
    connect(m_openRepoAction, &QAction::triggered, m_changesPanel, [this] {
        m_changesDock->show();
        m_changesDock->raise();
        m_changesPanel->chooseRepository();
    });
    m_recentReposMenu = new QMenu(tr("Recent Repositories"), this);
    m_recentReposMenu->setObjectName(QStringLiteral("recentReposMenu"));
    connect(m_changesPanel, &ChangesPanel::repositoryChosen, this,
            [this](const QString &path) { openRepository(path); });
    // The watcher sees saves too; an explicit refresh makes a save show at once.
    for (EditorTabs::ActionId id : {EditorTabs::Save, EditorTabs::SaveAs}) {
        connect(m_editorTabs->action(id), &QAction::triggered, m_changesPanel,
                &ChangesPanel::refresh, Qt::QueuedConnection);
    }
}

void MainWindow::openRepository(const QString &path)
{
    m_repoPath = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    m_settings->setRepoPath(m_repoPath);
    m_editorTabs->setDefaultFolder(m_repoPath);
    if (m_changesPanel->repositoryPath() != m_repoPath)
        m_changesPanel->setRepositoryPath(m_repoPath);
    if (m_plan->session()->repository() != m_repoPath)
        m_plan->setRepository(m_repoPath);
    if (!m_repoPath.isEmpty()) {
        m_settings->addRecentRepo(m_repoPath);
        updateRecentRepos();
    }
    updateTitle();
}

void MainWindow::updateRecentRepos()
{
    m_recentReposMenu->clear();
    const QStringList repos = m_settings->recentRepos();
    for (const QString &repo : repos) {
        QAction *action = m_recentReposMenu->addAction(QDir::toNativeSeparators(repo));
        connect(action, &QAction::triggered, this, [this, repo] { openRepository(repo); });
    }
    m_recentReposMenu->setEnabled(!repos.isEmpty());
}

void MainWindow::chooseFilesToOpen()
{
    const QString start = m_repoPath.isEmpty() ? QDir::homePath() : m_repoPath;
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Open File"), start, tr("YAML files (*.yaml *.yml);;All files (*)"));
    for (const QString &path : paths)
        openFileInEditor(path);
}

} // namespace Fluxdesk
