#include "appsettings.h"
#include "changespanel.h"
#include "items/changesmodel.h"
#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Fluxdesk;

// The Changes dock inside the window: bound to --repo, tabified with Problems, refreshed when a
// file changes on disk, and remembered among the recent repositories.
class TestMainWindowChanges : public QObject
{
    Q_OBJECT
public:
    TestMainWindowChanges()
    {
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(QStringLiteral(".config"))));
        qputenv("GIT_CONFIG_NOSYSTEM", "1");
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void dockFollowsRepository()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString work = dir.filePath(QStringLiteral("work"));
        QProcess git;
        git.start(QStringLiteral("git"), {QStringLiteral("init"), QStringLiteral("-q"),
                                          QStringLiteral("-b"), QStringLiteral("main"), work});
        QVERIFY(git.waitForFinished(30000));
        QCOMPARE(git.exitCode(), 0);
        QFile file(work + QStringLiteral("/app.yaml"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("kind: Deployment\n");
        file.close();

        MainWindow window;
        auto *panel = window.findChild<ChangesPanel *>(QStringLiteral("changesPanel"));
        QVERIFY(panel);
        QCOMPARE(window.changesPanel(), panel);
        auto *dock = window.findChild<QDockWidget *>(QStringLiteral("changesDock"));
        auto *problems = window.findChild<QDockWidget *>(QStringLiteral("problemsDock"));
        QVERIFY(dock && problems);
        QCOMPARE(window.dockWidgetArea(dock), Qt::BottomDockWidgetArea);
        QVERIFY(window.tabifiedDockWidgets(problems).contains(dock));
        auto *open = window.findChild<QAction *>(QStringLiteral("openRepositoryAction"));
        QVERIFY(open);
        QCOMPARE(open->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));

        QSignalSpy refreshed(panel, &ChangesPanel::refreshed);
        StartupOptions options;
        options.demo = true;
        options.repo = work;
        window.show();
        window.start(options);
        QCOMPARE(window.repoPath(), QFileInfo(work).absoluteFilePath());
        QCOMPARE(panel->repositoryPath(), window.repoPath());
        QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), 1, 20000);
        QCOMPARE(panel->model()->fileAt(0).path, QStringLiteral("app.yaml"));

        // A file written on disk shows up without a manual refresh (the change watcher).
        QFile second(work + QStringLiteral("/second.yaml"));
        QVERIFY(second.open(QIODevice::WriteOnly));
        second.write("kind: Service\n");
        second.close();
        QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), 2, 20000);

        // First start: the bottom strip suits Problems. Raised, the Changes panel grows to a
        // height where its list, buttons and diff are usable, and no further than 45%.
        window.resize(1200, 900);
        problems->raise();
        QTRY_VERIFY(problems->isVisible());
        const int strip = dock->height();
        QVERIFY(strip < panel->minimumSizeHint().height());
        dock->raise();
        QTRY_VERIFY2(dock->height() >= panel->minimumSizeHint().height(),
                     qPrintable(QStringLiteral("%1 < %2")
                                    .arg(dock->height())
                                    .arg(panel->minimumSizeHint().height())));
        QVERIFY(dock->height() <= window.height() / 2);

        AppSettings settings;
        QVERIFY(settings.recentRepos().contains(window.repoPath()));
        auto *recent = window.findChild<QMenu *>(QStringLiteral("recentReposMenu"));
        QVERIFY(recent);
        QVERIFY(!recent->actions().isEmpty());
        QCOMPARE(recent->actions().constFirst()->text(),
                 QDir::toNativeSeparators(window.repoPath()));
    }

private:
    QTemporaryDir m_home;
};

QTEST_MAIN(TestMainWindowChanges)

#include "tst_mainwindow_changes.moc"
