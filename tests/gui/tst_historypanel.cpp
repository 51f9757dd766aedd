#include "changespanel.h"
#include "clonedialog.h"
#include "historypanel.h"
#include "items/githistorymodel.h"
#include "testfiles.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace Fluxdesk;
using Fluxdesk::TestFiles::child;
using Fluxdesk::TestFiles::readFile;
using Fluxdesk::TestFiles::writeFile;

namespace {

constexpr int TimeoutMs = 30000;

// The git CLI: an independent witness of what libgit2 wrote. Returns trimmed stdout.
QString git(const QString &dir, const QStringList &arguments, int *exitCode = nullptr,
            const QByteArray &input = {})
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.start(QStringLiteral("git"), arguments);
    if (!input.isEmpty()) {
        process.write(input);
        process.closeWriteChannel();
    }
    process.waitForFinished(60000);
    if (exitCode)
        *exitCode = process.exitCode();
    if (process.exitCode() != 0)
        qWarning("git %s: %s", qPrintable(arguments.join(QLatin1Char(' '))),
                 process.readAllStandardError().constData());
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

bool commitFile(const QString &work, const QString &name, const QByteArray &content,
                const QString &subject)
{
    if (!writeFile(work + QLatin1Char('/') + name, content))
        return false;
    int rc = 0;
    git(work, {QStringLiteral("add"), QStringLiteral("-A")}, &rc);
    if (rc != 0)
        return false;
    git(work, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), subject}, &rc);
    return rc == 0;
}

// Answers the next modal dialog named objectName (polling: exec() runs its own event loop).
void whenModal(const QString &objectName, std::function<void(QDialog *)> answer)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, objectName, answer] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog || dialog->objectName() != objectName)
            return;
        timer->stop();
        timer->deleteLater();
        answer(dialog);
    });
    timer->start();
}

} // namespace

// The History tab of the Changes panel: the branch's commits and their diffs, loaded off the UI
// thread, and Revert as a new commit; plus the clone dialog's checks.
class TestHistoryPanel : public QObject
{
    Q_OBJECT
public:
    TestHistoryPanel()
    {
        // libgit2 reads HOME once, at its first use: isolate the global config before that.
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(QStringLiteral(".config"))));
        qputenv("GIT_CONFIG_NOSYSTEM", "1");
    }

private Q_SLOTS:
    void initTestCase();
    void init();
    void modelUnderTester();
    void cloneDialogProblems_data();
    void cloneDialogProblems();
    void repositoryName_data();
    void repositoryName();
    void historyListsAndDiffs();
    void revertCreatesCommit();
    void revertRefusedChangesNothing_data();
    void revertRefusedChangesNothing();
    void bigHistoryLoadsNewestOffUiThread();

private:
    // A checkout with three commits: a.yaml, then b.yaml, then b.yaml changed.
    bool makeThreeCommits(QString *work);
    bool openPanel(ChangesPanel &panel, const QString &work);

    QTemporaryDir m_home;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestHistoryPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_home.isValid());
    QVERIFY(writeFile(m_home.filePath(QStringLiteral(".gitconfig")),
                      "[user]\n\tname = Test Person\n\temail = test@example.org\n"
                      "[init]\n\tdefaultBranch = main\n"));
}

void TestHistoryPanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

bool TestHistoryPanel::makeThreeCommits(QString *work)
{
    *work = m_dir->filePath(QStringLiteral("work"));
    int rc = 0;
    git(m_dir->path(),
        {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main"),
         *work},
        &rc);
    return rc == 0 &&
           commitFile(*work, QStringLiteral("a.yaml"), "a: 1\n", QStringLiteral("Add a")) &&
           commitFile(*work, QStringLiteral("b.yaml"), "b: 1\nkeep: yes\n",
                      QStringLiteral("Add b")) &&
           commitFile(*work, QStringLiteral("b.yaml"), "b: 2\nkeep: yes\n",
                      QStringLiteral("Raise b to 2\n\nBecause two is more."));
}

bool TestHistoryPanel::openPanel(ChangesPanel &panel, const QString &work)
{
    panel.resize(1000, 600);
    panel.show();
    QSignalSpy loaded(panel.history(), &HistoryPanel::loaded);
    panel.setRepositoryPath(work);
    if (!loaded.wait(TimeoutMs))
        return false;
    // The Changes tab is first; the user switches to History.
    auto *tabs = child<QTabWidget>(&panel, "changesTabs");
    if (!tabs || tabs->count() != 2)
        return false;
    tabs->setCurrentWidget(panel.history());
    return panel.history()->isVisible();
}

void TestHistoryPanel::modelUnderTester()
{
    GitHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    GitCommitInfo first;
    first.id = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
    first.shortId = first.id.left(7);
    first.author = QStringLiteral("Ada");
    first.email = QStringLiteral("ada@example.org");
    first.time = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
    first.message = QStringLiteral("Add loki\n\nBody text\n");
    first.summary = QStringLiteral("Add loki");
    GitCommitInfo second = first;
    second.id = QStringLiteral("fedcba9876543210fedcba9876543210fedcba98");
    second.shortId = second.id.left(7);
    second.summary = QStringLiteral("Older");
    model.setCommits({first, second});

    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), 4);
    QCOMPARE(model.index(0, GitHistoryModel::HashColumn).data().toString(),
             QStringLiteral("0123456"));
    QCOMPARE(model.index(0, GitHistoryModel::SubjectColumn).data().toString(),
             QStringLiteral("Add loki"));
    QCOMPARE(model.index(0, GitHistoryModel::AuthorColumn).data().toString(),
             QStringLiteral("Ada"));
    QVERIFY(!model.index(0, GitHistoryModel::DateColumn).data().toString().isEmpty());
    QCOMPARE(model.index(0, GitHistoryModel::SubjectColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Add loki\n\nBody text"));
    QCOMPARE(model.index(1, 0).data(GitHistoryModel::IdRole).toString(), second.id);
    QCOMPARE(model.rowOfId(second.id), 1);
    QCOMPARE(model.rowOfId(QStringLiteral("nope")), -1);
    QCOMPARE(model.headerData(GitHistoryModel::SubjectColumn, Qt::Horizontal).toString(),
             QStringLiteral("Message"));
    model.setCommits({});
    QCOMPARE(model.rowCount(), 0);
}

void TestHistoryPanel::cloneDialogProblems_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("folder"); // inside the test's folder unless "relative" is set
    QTest::addColumn<bool>("relative");
    QTest::addColumn<QString>("problem"); // a word of the refusal; empty: accepted
    QTest::addRow("new folder") << QStringLiteral("file:///srv/fleet.git")
                                << QStringLiteral("new/fleet") << false << QString();
    QTest::addRow("empty folder") << QStringLiteral("git@github.com:acme/fleet.git")
                                  << QStringLiteral("empty") << false << QString();
    QTest::addRow("non-empty folder")
        << QStringLiteral("https://example.org/fleet.git") << QStringLiteral("full") << false
        << QStringLiteral("not empty");
    QTest::addRow("hidden file only")
        << QStringLiteral("https://example.org/fleet.git") << QStringLiteral("hidden") << false
        << QStringLiteral("not empty");
    QTest::addRow("a file") << QStringLiteral("https://example.org/fleet.git")
                            << QStringLiteral("full/x.yaml") << false
                            << QStringLiteral("is a file");
    QTest::addRow("no url") << QStringLiteral("  ") << QStringLiteral("new") << false
                            << QStringLiteral("URL");
    QTest::addRow("no folder") << QStringLiteral("https://example.org/fleet.git") << QString()
                               << false << QStringLiteral("Choose the folder");
    QTest::addRow("relative") << QStringLiteral("https://example.org/fleet.git")
                              << QStringLiteral("fleet") << true << QStringLiteral("full path");
}

void TestHistoryPanel::cloneDialogProblems()
{
    QFETCH(QString, url);
    QFETCH(QString, folder);
    QFETCH(bool, relative);
    QFETCH(QString, problem);
    QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("empty"))));
    QVERIFY(writeFile(m_dir->filePath(QStringLiteral("full/x.yaml")), "x: 1\n"));
    QVERIFY(writeFile(m_dir->filePath(QStringLiteral("hidden/.keep")), ""));
    const QString path = folder.isEmpty() || relative ? folder : m_dir->filePath(folder);
    const QString why = CloneDialog::problem(url, path);
    if (problem.isEmpty())
        QVERIFY2(why.isEmpty(), qPrintable(why));
    else
        QVERIFY2(why.contains(problem), qPrintable(why));

    // The dialog shows the same verdict and only then offers Clone.
    CloneDialog dialog(m_dir->path());
    dialog.setUrl(url);
    dialog.setFolder(path);
    auto *ok = child<QPushButton>(&dialog, "cloneOkButton");
    auto *label = child<QLabel>(&dialog, "cloneProblem");
    QVERIFY(ok && label);
    QCOMPARE(ok->isEnabled(), problem.isEmpty());
    QCOMPARE(label->text(), why);
}

void TestHistoryPanel::repositoryName_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("name");
    QTest::addRow("https") << QStringLiteral("https://example.org/acme/fleet.git")
                           << QStringLiteral("fleet");
    QTest::addRow("scp-like") << QStringLiteral("git@github.com:fleet-infra.git")
                              << QStringLiteral("fleet-infra");
    QTest::addRow("trailing slash")
        << QStringLiteral("ssh://host/srv/repo/") << QStringLiteral("repo");
    QTest::addRow("file") << QStringLiteral("file:///tmp/remote.git") << QStringLiteral("remote");
}

void TestHistoryPanel::repositoryName()
{
    QFETCH(QString, url);
    QFETCH(QString, name);
    QCOMPARE(CloneDialog::repositoryName(url), name);
    // Typing the URL proposes <base>/<name> until the user picks a folder.
    CloneDialog dialog(m_dir->path());
    dialog.setUrl(url);
    QCOMPARE(dialog.folder(), QDir(m_dir->path()).absoluteFilePath(name));
}

void TestHistoryPanel::historyListsAndDiffs()
{
    QString work;
    QVERIFY(makeThreeCommits(&work));
    ChangesPanel panel;
    QVERIFY(openPanel(panel, work));

    auto *view = child<QTreeView>(&panel, "historyView");
    auto *diff = child<QPlainTextEdit>(&panel, "historyDiff");
    auto *info = child<QLabel>(&panel, "historyInfo");
    auto *revert = child<QPushButton>(&panel, "revertButton");
    QVERIFY(view && diff && info && revert);
    QAbstractItemModel *model = view->model();
    QCOMPARE(model->rowCount(), 3);
    const auto cell = [model](int row, int column) {
        return model->index(row, column).data().toString();
    };
    // Newest first, as git log lists them.
    QCOMPARE(cell(0, GitHistoryModel::SubjectColumn), QStringLiteral("Raise b to 2"));
    QCOMPARE(cell(1, GitHistoryModel::SubjectColumn), QStringLiteral("Add b"));
    QCOMPARE(cell(2, GitHistoryModel::SubjectColumn), QStringLiteral("Add a"));
    QCOMPARE(cell(0, GitHistoryModel::HashColumn),
             git(work, {QStringLiteral("rev-parse"), QStringLiteral("--short=7"),
                        QStringLiteral("HEAD")}));
    QCOMPARE(cell(1, GitHistoryModel::AuthorColumn), QStringLiteral("Test Person"));
    QCOMPARE(model->index(0, 0).data(GitHistoryModel::IdRole).toString(),
             git(work, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}));
    QCOMPARE(info->text(), QStringLiteral("3 commits on main."));
    QVERIFY(!panel.history()->isTruncated());
    QVERIFY(!revert->isEnabled()); // nothing selected yet

    // Selecting a commit shows what it changed against its parent, with +/- lines.
    QSignalSpy shown(panel.history(), &HistoryPanel::diffShown);
    view->setCurrentIndex(model->index(0, 0));
    QVERIFY(shown.wait(TimeoutMs));
    const QString text = diff->toPlainText();
    QVERIFY2(text.contains(QLatin1String("diff --git a/b.yaml b/b.yaml")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("\n-b: 1\n")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("\n+b: 2\n")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("\n keep: yes")), qPrintable(text));
    QVERIFY(!text.contains(QLatin1String("a.yaml")));
    QVERIFY(revert->isEnabled());

    // The root commit diffs against nothing.
    view->setCurrentIndex(model->index(2, 0));
    QVERIFY(shown.wait(TimeoutMs));
    QCOMPARE(shown.last().constFirst().toString(),
             model->index(2, 0).data(GitHistoryModel::IdRole).toString());
    QVERIFY2(diff->toPlainText().contains(QLatin1String("+a: 1")), qPrintable(diff->toPlainText()));
    QVERIFY(diff->toPlainText().contains(QLatin1String("--- /dev/null")));

    // A commit made with another tool shows up on the next refresh.
    QVERIFY(commitFile(work, QStringLiteral("c.yaml"), "c: 1\n", QStringLiteral("Add c")));
    QSignalSpy reloaded(panel.history(), &HistoryPanel::loaded);
    panel.refresh();
    QVERIFY(reloaded.wait(TimeoutMs));
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(cell(0, GitHistoryModel::SubjectColumn), QStringLiteral("Add c"));
    // The selection stays on the same commit.
    QCOMPARE(panel.history()->selectedCommitId(),
             git(work, {QStringLiteral("rev-parse"), QStringLiteral("HEAD~3")}));
}

void TestHistoryPanel::revertCreatesCommit()
{
    QString work;
    QVERIFY(makeThreeCommits(&work));
    const QString reverted = git(work, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
    const QString parentTree =
        git(work, {QStringLiteral("rev-parse"), QStringLiteral("HEAD~1^{tree}")});
    ChangesPanel panel;
    QVERIFY(openPanel(panel, work));
    auto *view = child<QTreeView>(&panel, "historyView");
    auto *revert = child<QPushButton>(&panel, "revertButton");
    QVERIFY(view && revert);
    view->setCurrentIndex(view->model()->index(0, 0));
    QVERIFY(revert->isEnabled());

    // Cancelling the confirmation changes nothing.
    QString asked;
    whenModal(QStringLiteral("revertConfirmation"), [&asked](QDialog *dialog) {
        auto *box = qobject_cast<QMessageBox *>(dialog);
        asked = box ? box->text() : QString();
        dialog->reject();
    });
    QSignalSpy requested(panel.history(), &HistoryPanel::revertRequested);
    QTest::mouseClick(revert, Qt::LeftButton);
    QVERIFY2(asked.contains(reverted.left(7)), qPrintable(asked)); // names the commit
    QVERIFY2(asked.contains(QLatin1String("Raise b to 2")), qPrintable(asked));
    QCOMPARE(requested.count(), 0);
    QCOMPARE(git(work, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}), reverted);

    // Confirmed: a new commit whose tree is the reverted commit's parent's.
    whenModal(QStringLiteral("revertConfirmation"), [](QDialog *dialog) {
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("confirmRevertButton")),
                          Qt::LeftButton);
    });
    QSignalSpy done(&panel, &ChangesPanel::operationFinished);
    QSignalSpy reloaded(panel.history(), &HistoryPanel::loaded);
    QTest::mouseClick(revert, Qt::LeftButton);
    QVERIFY(done.wait(TimeoutMs));
    QVERIFY2(done.constFirst().constFirst().toBool(), qPrintable(panel.statusText()));
    QCOMPARE(requested.count(), 1);
    QCOMPARE(git(work, {QStringLiteral("rev-parse"), QStringLiteral("HEAD^{tree}")}), parentTree);
    QCOMPARE(git(work, {QStringLiteral("rev-parse"), QStringLiteral("HEAD~1")}), reverted);
    QCOMPARE(
        git(work, {QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%s")}),
        QStringLiteral("Revert \"Raise b to 2\""));
    QCOMPARE(readFile(work + QStringLiteral("/b.yaml")), QByteArray("b: 1\nkeep: yes\n"));
    QCOMPARE(git(work, {QStringLiteral("status"), QStringLiteral("--porcelain")}), QString());
    QVERIFY2(panel.statusText().contains(QLatin1String("Reverted ") + reverted.left(7)),
             qPrintable(panel.statusText()));

    // The history shows the new commit on top.
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 4, TimeoutMs);
    QVERIFY(reloaded.count() > 0);
    QCOMPARE(view->model()->index(0, GitHistoryModel::SubjectColumn).data().toString(),
             QStringLiteral("Revert \"Raise b to 2\""));
}

void TestHistoryPanel::revertRefusedChangesNothing_data()
{
    QTest::addColumn<bool>("dirty");
    QTest::addColumn<QString>("expected");
    // b.yaml edited on disk and not committed: the revert would overwrite it.
    QTest::addRow("dirty work tree") << true << QStringLiteral("commit or discard your changes");
    // Reverting "Add b" conflicts with "Raise b to 2" that changed the same lines later.
    QTest::addRow("conflict") << false << QStringLiteral("conflicts");
}

void TestHistoryPanel::revertRefusedChangesNothing()
{
    QFETCH(bool, dirty);
    QFETCH(QString, expected);
    QString work;
    QVERIFY(makeThreeCommits(&work));
    const QString head = git(work, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
    const QByteArray onDisk =
        dirty ? QByteArray("b: 3\nkeep: yes\n") : QByteArray("b: 2\nkeep: yes\n");
    QVERIFY(writeFile(work + QStringLiteral("/b.yaml"), onDisk));
    const QString statusBefore =
        git(work, {QStringLiteral("status"), QStringLiteral("--porcelain")});
    ChangesPanel panel;
    QVERIFY(openPanel(panel, work));
    auto *view = child<QTreeView>(&panel, "historyView");
    QVERIFY(view);
    // dirty: revert the newest commit (it touches b.yaml); clean: "Add b", which conflicts.
    view->setCurrentIndex(view->model()->index(dirty ? 0 : 1, 0));
    whenModal(QStringLiteral("revertConfirmation"), [](QDialog *dialog) {
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("confirmRevertButton")),
                          Qt::LeftButton);
    });
    QSignalSpy done(&panel, &ChangesPanel::operationFinished);
    QTest::mouseClick(child<QPushButton>(&panel, "revertButton"), Qt::LeftButton);
    QVERIFY(done.wait(TimeoutMs));
    QCOMPARE(done.constFirst().constFirst().toBool(), false);
    auto *status = child<QLabel>(&panel, "changesStatus");
    QVERIFY2(status->text().startsWith(QLatin1String("Not reverted: ")),
             qPrintable(status->text()));
    QVERIFY2(status->text().contains(expected), qPrintable(status->text()));
    QVERIFY(status->isVisible());
    // Nothing changed: HEAD, the file on disk, the index and the repository's state.
    QCOMPARE(git(work, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}), head);
    QCOMPARE(readFile(work + QStringLiteral("/b.yaml")), onDisk);
    QCOMPARE(git(work, {QStringLiteral("status"), QStringLiteral("--porcelain")}), statusBefore);
    QVERIFY(!QFileInfo::exists(work + QStringLiteral("/.git/REVERT_HEAD")));
    QVERIFY(!QFileInfo::exists(work + QStringLiteral("/.git/MERGE_MSG")));
}

void TestHistoryPanel::bigHistoryLoadsNewestOffUiThread()
{
    // 10,000 commits through fast-import (a second or two), each changing one file.
    const QString work = m_dir->filePath(QStringLiteral("big"));
    int rc = 0;
    git(m_dir->path(),
        {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main"),
         work},
        &rc);
    QCOMPARE(rc, 0);
    constexpr int Commits = 10000;
    QByteArray stream;
    stream.reserve(Commits * 160);
    for (int i = 1; i <= Commits; ++i) {
        const QByteArray message = "Commit " + QByteArray::number(i) + '\n';
        const QByteArray content = "n: " + QByteArray::number(i) + '\n';
        stream += "commit refs/heads/main\nmark :" + QByteArray::number(i) +
                  "\ncommitter Test Person <test@example.org> " +
                  QByteArray::number(1600000000 + i) + " +0000\ndata " +
                  QByteArray::number(message.size()) + '\n' + message;
        if (i > 1)
            stream += "from :" + QByteArray::number(i - 1) + '\n';
        stream += "M 100644 inline n.yaml\ndata " + QByteArray::number(content.size()) + '\n' +
                  content + '\n';
    }
    git(work, {QStringLiteral("fast-import"), QStringLiteral("--quiet")}, &rc, stream);
    QCOMPARE(rc, 0);
    git(work, {QStringLiteral("reset"), QStringLiteral("-q"), QStringLiteral("--hard")}, &rc);
    QCOMPARE(rc, 0);
    QCOMPARE(
        git(work, {QStringLiteral("rev-list"), QStringLiteral("--count"), QStringLiteral("HEAD")}),
        QString::number(Commits));

    ChangesPanel panel;
    panel.resize(1000, 600);
    panel.show();
    // The UI thread's longest pause while the history loads, measured by a 10 ms ticker.
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 longest = 0;
    QTimer ticker;
    ticker.setInterval(10);
    connect(&ticker, &QTimer::timeout, &ticker, [&] {
        const qint64 now = clock.elapsed();
        longest = qMax(longest, now - last);
        last = now;
    });
    QSignalSpy loaded(panel.history(), &HistoryPanel::loaded);
    clock.start();
    ticker.start();
    panel.setRepositoryPath(work);
    // Returned at once, the list still loading on a pool thread.
    QVERIFY(panel.history()->isLoading());
    QCOMPARE(panel.history()->model()->rowCount(), 0);
    QVERIFY(panel.history()->infoText().contains(QLatin1String("Loading")));
    QVERIFY(loaded.wait(TimeoutMs));
    ticker.stop();
    QVERIFY(!panel.history()->isLoading());
    QCOMPARE(panel.history()->model()->rowCount(), panel.history()->limit());
    QCOMPARE(panel.history()->limit(), 200);
    QVERIFY(panel.history()->isTruncated());
    QCOMPARE(panel.history()->model()->index(0, GitHistoryModel::SubjectColumn).data().toString(),
             QStringLiteral("Commit 10000"));
    QCOMPARE(panel.history()->model()->index(199, GitHistoryModel::SubjectColumn).data().toString(),
             QStringLiteral("Commit 9801"));
    QVERIFY2(panel.history()->infoText().contains(QLatin1String("newest 200")),
             qPrintable(panel.history()->infoText()));
    qInfo("history of %d commits: loaded in %lld ms, longest UI pause %lld ms", Commits,
          clock.elapsed(), longest);
    QVERIFY2(longest < 1000, qPrintable(QString::number(longest)));
}

QTEST_MAIN(TestHistoryPanel)

#include "tst_historypanel.moc"
