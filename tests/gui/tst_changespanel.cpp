#include "changespanel.h"
#include "diffhighlighter.h"
#include "git/gitstatus.h"
#include "gitprompter.h"
#include "historypanel.h"
#include "identitydialog.h"
#include "items/changesmodel.h"
#include "items/githistorymodel.h"
#include "testfiles.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QTreeView>

#include <memory>
#include <tuple>

using namespace Fluxdesk;
using Fluxdesk::TestFiles::child;
using Fluxdesk::TestFiles::writeFile;

namespace {

constexpr int TimeoutMs = 20000;

// Runs the git CLI (an independent witness of what libgit2 wrote); returns trimmed stdout.
QString git(const QString &dir, const QStringList &arguments, int *exitCode = nullptr)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.start(QStringLiteral("git"), arguments);
    process.waitForFinished(30000);
    if (exitCode)
        *exitCode = process.exitCode();
    if (process.exitCode() != 0)
        qWarning("git %s: %s", qPrintable(arguments.join(QLatin1Char(' '))),
                 process.readAllStandardError().constData());
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

// Answers the next modal dialog named objectName (polling: exec() runs its own event loop).
void whenModal(const QString &objectName, std::function<void(QDialog *)> answer)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, objectName, answer] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog || (!objectName.isEmpty() && dialog->objectName() != objectName))
            return;
        timer->stop();
        timer->deleteLater();
        answer(dialog);
    });
    timer->start();
}

} // namespace

class TestChangesPanel : public QObject
{
    Q_OBJECT
public:
    TestChangesPanel()
    {
        // libgit2 finds the global config through HOME once, at its first use: isolate it
        // before anything touches git. The git CLI (our witness) reads the same file.
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(QStringLiteral(".config"))));
        qputenv("GIT_CONFIG_NOSYSTEM", "1");
    }

private Q_SLOTS:
    void initTestCase();
    void init();
    void modelUnderTester();
    void diffHighlighterClassifies_data();
    void diffHighlighterClassifies();
    void summaryCounts_data();
    void summaryCounts();
    void summaryAgreesWithTheList();
    void stageCommitAndPush();
    void nonFastForwardKeepsCommit();
    void detachedHeadRefuses();
    void missingIdentityAsksOnce();
    void emptyFolderInitialises();
    void identityDialogForThisSession();
    void prompterAsksOnUiThread();
    void prompterShutDownUnblocksWorker();
    void prompterOffersRememberOnlyWithStore();
    void pushButtonPushesAheadBranch();
    void cloneIntoEmptyFolderOpens();
    void cloneIntoNonEmptyFolderRefused();

private:
    // A checkout with origin = a bare repository over file://; returns false on failure.
    bool makeRepoWithRemote(QString *work, QString *bare);
    bool waitRefreshed(ChangesPanel &panel);
    bool finish(ChangesPanel &panel, QPushButton *button, bool *ok);
    // A bare repository on file:// holding one pushed commit; returns its URL.
    QString makeRemoteWithCommit();

    QTemporaryDir m_home;
    QByteArray m_gitconfig = "[user]\n\tname = Test Person\n\temail = test@example.org\n"
                             "[init]\n\tdefaultBranch = main\n";
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestChangesPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_home.isValid());
}

void TestChangesPanel::init()
{
    // Every case starts with the same identity in the global config; one case removes it.
    QVERIFY(writeFile(m_home.filePath(QStringLiteral(".gitconfig")), m_gitconfig));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

bool TestChangesPanel::makeRepoWithRemote(QString *work, QString *bare)
{
    *bare = m_dir->filePath(QStringLiteral("remote.git"));
    *work = m_dir->filePath(QStringLiteral("work"));
    int rc = 0;
    git(m_dir->path(),
        {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("--bare"),
         QStringLiteral("-b"), QStringLiteral("main"), *bare},
        &rc);
    if (rc != 0)
        return false;
    git(m_dir->path(),
        {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main"),
         *work},
        &rc);
    if (rc != 0)
        return false;
    git(*work,
        {QStringLiteral("remote"), QStringLiteral("add"), QStringLiteral("origin"),
         QUrl::fromLocalFile(*bare).toString()},
        &rc);
    return rc == 0;
}

bool TestChangesPanel::waitRefreshed(ChangesPanel &panel)
{
    QSignalSpy spy(&panel, &ChangesPanel::refreshed);
    panel.refresh();
    return spy.count() > 0 || spy.wait(TimeoutMs);
}

// Clicks button and waits for the operation's result, then for the refresh that follows it.
bool TestChangesPanel::finish(ChangesPanel &panel, QPushButton *button, bool *ok)
{
    QSignalSpy done(&panel, &ChangesPanel::operationFinished);
    QSignalSpy refreshed(&panel, &ChangesPanel::refreshed);
    if (!button || !button->isEnabled())
        return false;
    QTest::mouseClick(button, Qt::LeftButton);
    if (done.isEmpty() && !done.wait(TimeoutMs))
        return false;
    *ok = done.constFirst().constFirst().toBool();
    return !refreshed.isEmpty() || refreshed.wait(TimeoutMs);
}

void TestChangesPanel::modelUnderTester()
{
    ChangesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    GitFileStatus added;
    added.path = QStringLiteral("apps/loki/release.yaml");
    added.unstaged = GitFileStatus::Change::New;
    GitFileStatus both;
    both.path = QStringLiteral("b.yaml");
    both.staged = GitFileStatus::Change::Modified;
    both.unstaged = GitFileStatus::Change::Modified;
    GitFileStatus renamed;
    renamed.path = QStringLiteral("c.yaml");
    renamed.oldPath = QStringLiteral("old.yaml");
    renamed.staged = GitFileStatus::Change::Renamed;
    GitFileStatus conflict;
    conflict.path = QStringLiteral("d.yaml");
    conflict.unstaged = GitFileStatus::Change::Conflicted;
    model.setFiles({added, both, renamed, conflict});

    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), 2);
    const auto text = [&](int row, int column) {
        return model.index(row, column).data().toString();
    };
    QCOMPARE(text(0, 0), QStringLiteral("apps/loki/release.yaml"));
    QCOMPARE(text(0, 1), QStringLiteral("New"));
    QCOMPARE(text(1, 1), QStringLiteral("Modified, partly staged"));
    QCOMPARE(text(2, 1), QStringLiteral("Renamed from old.yaml, staged"));
    QCOMPARE(text(3, 1), QStringLiteral("Conflicted"));
    QCOMPARE(model.index(0, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QCOMPARE(model.index(1, 0).data(Qt::CheckStateRole).toInt(), int(Qt::PartiallyChecked));
    QCOMPARE(model.index(2, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QVERIFY(model.hasStaged());
    QCOMPARE(model.rowOfPath(QStringLiteral("c.yaml")), 2);

    QSignalSpy stage(&model, &ChangesModel::stageRequested);
    QVERIFY(model.setData(model.index(0, 0), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(model.setData(model.index(2, 0), Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(!model.setData(model.index(0, 1), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(stage.count(), 2);
    QCOMPARE(stage.at(0).at(0).toString(), QStringLiteral("apps/loki/release.yaml"));
    QCOMPARE(stage.at(0).at(1).toBool(), true);
    QCOMPARE(stage.at(1).at(1).toBool(), false);

    model.setFiles({});
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.hasStaged());
}

void TestChangesPanel::diffHighlighterClassifies_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("kind");
    QTest::addRow("added") << QStringLiteral("+  replicas: 2")
                           << int(DiffHighlighter::LineKind::Added);
    QTest::addRow("removed") << QStringLiteral("-  replicas: 1")
                             << int(DiffHighlighter::LineKind::Removed);
    QTest::addRow("hunk") << QStringLiteral("@@ -1,3 +1,3 @@")
                          << int(DiffHighlighter::LineKind::Hunk);
    QTest::addRow("new name") << QStringLiteral("+++ b/a.yaml")
                              << int(DiffHighlighter::LineKind::FileHeader);
    QTest::addRow("old name") << QStringLiteral("--- a/a.yaml")
                              << int(DiffHighlighter::LineKind::FileHeader);
    QTest::addRow("header") << QStringLiteral("diff --git a/a.yaml b/a.yaml")
                            << int(DiffHighlighter::LineKind::FileHeader);
    QTest::addRow("context") << QStringLiteral(" kind: Deployment")
                             << int(DiffHighlighter::LineKind::Context);
}

void TestChangesPanel::diffHighlighterClassifies()
{
    QFETCH(QString, line);
    QFETCH(int, kind);
    QCOMPARE(int(DiffHighlighter::classify(line)), kind);
}

void TestChangesPanel::summaryCounts_data()
{
    using Change = GitFileStatus::Change;
    QTest::addColumn<QList<int>>("changes"); // per file: staged, unstaged (as ints)
    QTest::addColumn<QString>("expected");
    const auto pair = [](Change staged, Change unstaged) {
        return QList<int>{int(staged), int(unstaged)};
    };
    QTest::addRow("none") << QList<int>{} << QString();
    QTest::addRow("one new") << pair(Change::None, Change::New) << QStringLiteral("1 new file");
    QTest::addRow("new, staged") << pair(Change::New, Change::None) << QStringLiteral("1 new file");
    QTest::addRow("new, then edited")
        << pair(Change::New, Change::Modified) << QStringLiteral("1 new file");
    QTest::addRow("two new, one changed")
        << pair(Change::None, Change::New) + pair(Change::None, Change::New) +
               pair(Change::Modified, Change::None)
        << QStringLiteral("2 new files, 1 changed");
    QTest::addRow("each kind") << pair(Change::None, Change::Deleted) +
                                      pair(Change::Renamed, Change::None) +
                                      pair(Change::None, Change::TypeChanged) +
                                      pair(Change::None, Change::Conflicted) +
                                      pair(Change::None, Change::New)
                               << QStringLiteral("1 new file, 1 changed, 1 deleted, 1 renamed, "
                                                 "1 in conflict");
}

void TestChangesPanel::summaryCounts()
{
    QFETCH(QList<int>, changes);
    QFETCH(QString, expected);
    QList<GitFileStatus> files;
    for (int i = 0; i + 1 < changes.size(); i += 2) {
        GitFileStatus file;
        file.path = QStringLiteral("f%1.yaml").arg(i);
        file.staged = GitFileStatus::Change(changes.at(i));
        file.unstaged = GitFileStatus::Change(changes.at(i + 1));
        files.append(file);
    }
    QCOMPARE(ChangesModel::summarize(files), expected);
}

// Issue 18, surprise 4: a clean checkout says "No changes"; files written into it afterwards
// (untracked, as Write plan leaves them) must not be listed under that claim.
void TestChangesPanel::summaryAgreesWithTheList()
{
    const QString work = m_dir->filePath(QStringLiteral("work"));
    int rc = 0;
    git(m_dir->path(),
        {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main"),
         work},
        &rc);
    QCOMPARE(rc, 0);
    const QStringList tracked{QStringLiteral("kustomization.yaml"), QStringLiteral("apps/a.yaml"),
                              QStringLiteral("apps/b.yaml")};
    for (const QString &path : tracked)
        QVERIFY(writeFile(work + QLatin1Char('/') + path, "kind: ConfigMap\n"));
    git(work, {QStringLiteral("add"), QStringLiteral("-A")}, &rc);
    QCOMPARE(rc, 0);
    git(work,
        {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"),
         QStringLiteral("Start")},
        &rc);
    QCOMPARE(rc, 0);

    ChangesPanel panel;
    panel.resize(1000, 600);
    panel.show();
    QSignalSpy refreshed(&panel, &ChangesPanel::refreshed);
    panel.setRepositoryPath(work);
    QVERIFY(refreshed.wait(TimeoutMs));
    auto *view = child<QTreeView>(&panel, "changesView");
    auto *summary = child<QLabel>(&panel, "changesSummary");
    auto *status = child<QLabel>(&panel, "changesStatus");
    auto *stageAll = child<QPushButton>(&panel, "stageAllButton");
    auto *commit = child<QPushButton>(&panel, "commitButton");
    QVERIFY(view && summary && status && stageAll && commit);
    // What the panel claims in any label it shows.
    const auto claimsNoChanges = [&panel] {
        const QList<QLabel *> labels = panel.findChildren<QLabel *>();
        for (const QLabel *label : labels) {
            if (label->isVisible() && label->text().contains(QLatin1String("No changes")))
                return true;
        }
        return false;
    };
    QCOMPARE(view->model()->rowCount(), 0);
    QVERIFY(claimsNoChanges());

    // 118 new files (untracked) and 3 tracked ones changed, as after Write plan.
    for (int i = 0; i < 118; ++i)
        QVERIFY(writeFile(work + QStringLiteral("/infrastructure/file-%1.yaml").arg(i),
                          "kind: Namespace\n"));
    for (const QString &path : tracked)
        QVERIFY(writeFile(work + QLatin1Char('/') + path, "kind: Secret\n"));
    QVERIFY(waitRefreshed(panel));
    QCOMPARE(view->model()->rowCount(), 121);
    QVERIFY2(!claimsNoChanges(), qPrintable(status->text())); // the list is full
    QCOMPARE(summary->text(), QStringLiteral("118 new files, 3 changed; 0 of 121 staged: Commit "
                                             "records the staged files."));

    // Staged, the counts stay what the rows say.
    QSignalSpy again(&panel, &ChangesPanel::refreshed);
    QTest::mouseClick(stageAll, Qt::LeftButton);
    QVERIFY(again.wait(TimeoutMs));
    QCOMPARE(summary->text(), QStringLiteral("118 new files, 3 changed; 121 of 121 staged: Commit "
                                             "records the staged files."));

    // Committed, the list is empty and the summary says so.
    bool ok = false;
    QVERIFY(finish(panel, commit, &ok));
    QVERIFY2(ok, qPrintable(status->text()));
    QCOMPARE(view->model()->rowCount(), 0);
    QVERIFY(claimsNoChanges());
    QVERIFY2(summary->text().startsWith(QLatin1String("No changes")), qPrintable(summary->text()));
}

void TestChangesPanel::stageCommitAndPush()
{
    QString work, bare;
    QVERIFY(makeRepoWithRemote(&work, &bare));
    QVERIFY(writeFile(work + QStringLiteral("/apps/loki/release.yaml"),
                      "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\n"));
    QVERIFY(writeFile(work + QStringLiteral("/kustomization.yaml"), "resources: []\n"));

    ChangesPanel panel;
    panel.resize(1000, 600);
    panel.show();
    QSignalSpy refreshed(&panel, &ChangesPanel::refreshed);
    panel.setRepositoryPath(work);
    QVERIFY(refreshed.wait(TimeoutMs));

    auto *view = child<QTreeView>(&panel, "changesView");
    auto *diff = child<QPlainTextEdit>(&panel, "diffView");
    auto *message = child<QPlainTextEdit>(&panel, "commitMessage");
    auto *status = child<QLabel>(&panel, "changesStatus");
    auto *branch = child<QLabel>(&panel, "changesBranch");
    auto *stageAll = child<QPushButton>(&panel, "stageAllButton");
    auto *commit = child<QPushButton>(&panel, "commitButton");
    auto *commitPush = child<QPushButton>(&panel, "commitPushButton");
    QVERIFY(view && diff && message && status && branch && stageAll && commit && commitPush);

    QAbstractItemModel *model = view->model();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("apps/loki/release.yaml"));
    QCOMPARE(model->index(0, 1).data().toString(), QStringLiteral("New"));
    QCOMPARE(model->index(1, 1).data().toString(), QStringLiteral("New"));
    QCOMPARE(model->index(0, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QVERIFY2(branch->text().contains(QLatin1String("main")), qPrintable(branch->text()));

    // The selected file's diff, read by the session off the UI thread.
    view->setCurrentIndex(model->index(0, 0));
    QTRY_VERIFY2_WITH_TIMEOUT(diff->toPlainText().contains(QLatin1String("+kind: HelmRelease")),
                              qPrintable(diff->toPlainText()), TimeoutMs);

    // Stage all: both rows become checked.
    QSignalSpy again(&panel, &ChangesPanel::refreshed);
    QTest::mouseClick(stageAll, Qt::LeftButton);
    QVERIFY(again.wait(TimeoutMs));
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(0, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(model->index(1, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(model->index(0, 1).data().toString(), QStringLiteral("New, staged"));

    // The message is the models' default for what is staged.
    const QString expected = defaultCommitMessage(panel.model()->files());
    QVERIFY(!expected.isEmpty());
    QCOMPARE(message->toPlainText(), expected);

    bool ok = false;
    QVERIFY(finish(panel, commit, &ok));
    QVERIFY2(ok, qPrintable(status->text()));
    QCOMPARE(
        git(work, {QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%s")}),
        expected);
    QCOMPARE(git(work, {QStringLiteral("log"), QStringLiteral("-1"),
                        QStringLiteral("--format=%an <%ae>")}),
             QStringLiteral("Test Person <test@example.org>"));
    QVERIFY2(status->text().startsWith(QLatin1String("Committed ")), qPrintable(status->text()));
    QCOMPARE(model->rowCount(), 0);

    // A second change, unstaged: toggling its check box stages it.
    QVERIFY(writeFile(work + QStringLiteral("/kustomization.yaml"), "resources:\n- apps/loki\n"));
    QVERIFY(waitRefreshed(panel));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, 1).data().toString(), QStringLiteral("Modified"));
    QSignalSpy staged(&panel, &ChangesPanel::refreshed);
    QVERIFY(model->setData(model->index(0, 0), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(staged.wait(TimeoutMs));
    QCOMPARE(model->index(0, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));

    // Edit the message, then Commit & Push: the first push sets the upstream.
    message->setPlainText(QStringLiteral("List loki in the kustomization"));
    QVERIFY(finish(panel, commitPush, &ok));
    QVERIFY2(ok, qPrintable(status->text()));
    QVERIFY2(status->text().contains(QLatin1String("pushed")), qPrintable(status->text()));
    const QString remoteLog =
        git(m_dir->path(), {QStringLiteral("--git-dir=") + bare, QStringLiteral("log"),
                            QStringLiteral("main"), QStringLiteral("--format=%s")});
    QCOMPARE(remoteLog, QStringLiteral("List loki in the kustomization\n") + expected);
    QVERIFY2(branch->text().contains(QLatin1String("origin/main")), qPrintable(branch->text()));
    QVERIFY2(branch->text().contains(QLatin1String("0 ahead")), qPrintable(branch->text()));
}

void TestChangesPanel::nonFastForwardKeepsCommit()
{
    QString work, bare;
    QVERIFY(makeRepoWithRemote(&work, &bare));
    QVERIFY(writeFile(work + QStringLiteral("/a.yaml"), "a: 1\n"));
    git(work, {QStringLiteral("add"), QStringLiteral("-A")});
    git(work, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"),
               QStringLiteral("first")});
    git(work, {QStringLiteral("push"), QStringLiteral("-q"), QStringLiteral("-u"),
               QStringLiteral("origin"), QStringLiteral("main")});
    // Someone else pushes in between.
    const QString other = m_dir->filePath(QStringLiteral("other"));
    git(m_dir->path(), {QStringLiteral("clone"), QStringLiteral("-q"), bare, other});
    QVERIFY(writeFile(other + QStringLiteral("/b.yaml"), "b: 1\n"));
    git(other, {QStringLiteral("add"), QStringLiteral("-A")});
    git(other, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"),
                QStringLiteral("theirs")});
    int rc = 1;
    git(other, {QStringLiteral("push"), QStringLiteral("-q")}, &rc);
    QCOMPARE(rc, 0);

    QVERIFY(writeFile(work + QStringLiteral("/a.yaml"), "a: 2\n"));
    ChangesPanel panel;
    panel.show();
    QSignalSpy refreshed(&panel, &ChangesPanel::refreshed);
    panel.setRepositoryPath(work);
    QVERIFY(refreshed.wait(TimeoutMs));
    QSignalSpy stagedSpy(&panel, &ChangesPanel::refreshed);
    QTest::mouseClick(child<QPushButton>(&panel, "stageAllButton"), Qt::LeftButton);
    QVERIFY(stagedSpy.wait(TimeoutMs));
    child<QPlainTextEdit>(&panel, "commitMessage")->setPlainText(QStringLiteral("ours"));
    bool ok = true;
    QVERIFY(finish(panel, child<QPushButton>(&panel, "commitPushButton"), &ok));
    QVERIFY(!ok);
    const QString status = child<QLabel>(&panel, "changesStatus")->text();
    QVERIFY2(status.contains(QLatin1String("commit is kept")), qPrintable(status));
    QVERIFY2(status.contains(QLatin1String("never force-pushes")), qPrintable(status));
    QVERIFY2(status.contains(QLatin1String("Fetch")), qPrintable(status));
    // Our commit stays local; the remote keeps theirs.
    QCOMPARE(
        git(work, {QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%s")}),
        QStringLiteral("ours"));
    QCOMPARE(git(m_dir->path(), {QStringLiteral("--git-dir=") + bare, QStringLiteral("log"),
                                 QStringLiteral("-1"), QStringLiteral("--format=%s")}),
             QStringLiteral("theirs"));

    // Fetch is offered and shows where we stand.
    auto *fetch = child<QPushButton>(&panel, "fetchButton");
    QVERIFY(fetch->isEnabled());
    QVERIFY(fetch->isDefault());
    QVERIFY(finish(panel, fetch, &ok));
    QVERIFY(ok);
    const QString branch = child<QLabel>(&panel, "changesBranch")->text();
    QVERIFY2(branch.contains(QLatin1String("1 ahead, 1 behind")), qPrintable(branch));
}

void TestChangesPanel::detachedHeadRefuses()
{
    const QString work = m_dir->filePath(QStringLiteral("work"));
    git(m_dir->path(), {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"),
                        QStringLiteral("main"), work});
    QVERIFY(writeFile(work + QStringLiteral("/a.yaml"), "a: 1\n"));
    git(work, {QStringLiteral("add"), QStringLiteral("-A")});
    git(work, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"),
               QStringLiteral("first")});
    git(work, {QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("--detach")});
    QVERIFY(writeFile(work + QStringLiteral("/a.yaml"), "a: 2\n"));

    ChangesPanel panel;
    panel.show();
    QSignalSpy refreshed(&panel, &ChangesPanel::refreshed);
    panel.setRepositoryPath(work);
    QVERIFY(refreshed.wait(TimeoutMs));
    auto *refusal = child<QLabel>(&panel, "changesRefusal");
    QVERIFY(refusal->isVisible());
    QVERIFY2(refusal->text().contains(QLatin1String("detached"), Qt::CaseInsensitive),
             qPrintable(refusal->text()));
    child<QPlainTextEdit>(&panel, "commitMessage")->setPlainText(QStringLiteral("try"));
    QVERIFY(!child<QPushButton>(&panel, "commitButton")->isEnabled());
    QVERIFY(!child<QPushButton>(&panel, "commitPushButton")->isEnabled());
    QVERIFY(!child<QPushButton>(&panel, "stageAllButton")->isEnabled());
    QVERIFY(panel.isRefused());
    // The list still shows for review, but the index stays untouched.
    QCOMPARE(panel.model()->rowCount(), 1);
    QVERIFY(panel.model()->setData(panel.model()->index(0, 0), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(git(work, {QStringLiteral("diff"), QStringLiteral("--cached"),
                        QStringLiteral("--name-only")}),
             QString());
}

void TestChangesPanel::missingIdentityAsksOnce()
{
    QVERIFY(QFile::remove(m_home.filePath(QStringLiteral(".gitconfig"))));
    const QString work = m_dir->filePath(QStringLiteral("work"));
    git(m_dir->path(), {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"),
                        QStringLiteral("main"), work});
    QVERIFY(writeFile(work + QStringLiteral("/a.yaml"), "a: 1\n"));

    ChangesPanel panel;
    panel.show();
    int asked = 0;
    panel.setIdentityAsker([&asked]() -> std::optional<ChangesPanel::IdentityAnswer> {
        ++asked;
        ChangesPanel::IdentityAnswer answer;
        answer.identity =
            GitIdentity{QStringLiteral("Ada Lovelace"), QStringLiteral("ada@example.org")};
        answer.saveInRepository = true;
        return answer;
    });
    QSignalSpy refreshed(&panel, &ChangesPanel::refreshed);
    panel.setRepositoryPath(work);
    QVERIFY(refreshed.wait(TimeoutMs));
    QSignalSpy staged(&panel, &ChangesPanel::refreshed);
    QTest::mouseClick(child<QPushButton>(&panel, "stageAllButton"), Qt::LeftButton);
    QVERIFY(staged.wait(TimeoutMs));
    bool ok = false;
    QVERIFY(finish(panel, child<QPushButton>(&panel, "commitButton"), &ok));
    QVERIFY2(ok, qPrintable(panel.statusText()));
    QCOMPARE(asked, 1);
    QCOMPARE(git(work, {QStringLiteral("log"), QStringLiteral("-1"),
                        QStringLiteral("--format=%an <%ae>")}),
             QStringLiteral("Ada Lovelace <ada@example.org>"));
    QCOMPARE(git(work, {QStringLiteral("config"), QStringLiteral("--local"),
                        QStringLiteral("user.email")}),
             QStringLiteral("ada@example.org"));

    // Saved: the next commit does not ask again.
    QVERIFY(writeFile(work + QStringLiteral("/b.yaml"), "b: 1\n"));
    QVERIFY(waitRefreshed(panel));
    QSignalSpy staged2(&panel, &ChangesPanel::refreshed);
    QTest::mouseClick(child<QPushButton>(&panel, "stageAllButton"), Qt::LeftButton);
    QVERIFY(staged2.wait(TimeoutMs));
    QVERIFY(finish(panel, child<QPushButton>(&panel, "commitButton"), &ok));
    QVERIFY(ok);
    QCOMPARE(asked, 1);
}

void TestChangesPanel::emptyFolderInitialises()
{
    const QString folder = m_dir->filePath(QStringLiteral("fresh"));
    QVERIFY(QDir().mkpath(folder));
    ChangesPanel panel;
    panel.show();
    QVERIFY(child<QLabel>(&panel, "changesEmptyText")->isVisible());
    QSignalSpy refreshed(&panel, &ChangesPanel::refreshed);
    panel.setRepositoryPath(folder);
    QVERIFY(refreshed.count() > 0 || refreshed.wait(TimeoutMs));
    auto *empty = child<QLabel>(&panel, "changesEmptyText");
    QVERIFY(empty->isVisible());
    QVERIFY2(empty->text().contains(QLatin1String("cannot be used")), qPrintable(empty->text()));

    // The folder is empty: the button initialises it without asking for another folder.
    QSignalSpy chosen(&panel, &ChangesPanel::repositoryChosen);
    QSignalSpy again(&panel, &ChangesPanel::refreshed);
    QTest::mouseClick(child<QPushButton>(&panel, "initRepositoryButton"), Qt::LeftButton);
    QVERIFY(chosen.count() > 0 || chosen.wait(TimeoutMs)); // initialised off the UI thread
    QCOMPARE(chosen.count(), 1);
    QVERIFY(again.count() > 0 || again.wait(TimeoutMs));
    QVERIFY(!empty->isVisible());
    QVERIFY(QFileInfo::exists(folder + QStringLiteral("/.git")));
    QCOMPARE(git(folder, {QStringLiteral("symbolic-ref"), QStringLiteral("--short"),
                          QStringLiteral("HEAD")}),
             QStringLiteral("main"));
    const QString branch = child<QLabel>(&panel, "changesBranch")->text();
    QVERIFY2(branch.contains(QLatin1String("no commits yet")), qPrintable(branch));
}

void TestChangesPanel::identityDialogForThisSession()
{
    QVERIFY(QFile::remove(m_home.filePath(QStringLiteral(".gitconfig"))));
    const QString work = m_dir->filePath(QStringLiteral("work"));
    git(m_dir->path(), {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"),
                        QStringLiteral("main"), work});
    QVERIFY(writeFile(work + QStringLiteral("/a.yaml"), "a: 1\n"));
    ChangesPanel panel;
    panel.show();
    QSignalSpy refreshed(&panel, &ChangesPanel::refreshed);
    panel.setRepositoryPath(work);
    QVERIFY(refreshed.wait(TimeoutMs));
    QSignalSpy staged(&panel, &ChangesPanel::refreshed);
    QTest::mouseClick(child<QPushButton>(&panel, "stageAllButton"), Qt::LeftButton);
    QVERIFY(staged.wait(TimeoutMs));

    // The real dialog: answered, with "save in this repository's config" unchecked.
    bool answered = false;
    whenModal(QStringLiteral("identityDialog"), [&answered](QDialog *dialog) {
        dialog->findChild<QLineEdit *>(QStringLiteral("identityName"))
            ->setText(QStringLiteral("Grace Hopper"));
        dialog->findChild<QLineEdit *>(QStringLiteral("identityEmail"))
            ->setText(QStringLiteral("grace@example.org"));
        dialog->findChild<QCheckBox *>(QStringLiteral("identitySave"))->setChecked(false);
        answered = true;
        dialog->accept();
    });
    bool ok = false;
    QVERIFY(finish(panel, child<QPushButton>(&panel, "commitButton"), &ok));
    QVERIFY(answered);
    QVERIFY2(ok, qPrintable(panel.statusText()));
    QCOMPARE(git(work, {QStringLiteral("log"), QStringLiteral("-1"),
                        QStringLiteral("--format=%an <%ae>")}),
             QStringLiteral("Grace Hopper <grace@example.org>"));
    int rc = 0;
    QCOMPARE(
        git(work,
            {QStringLiteral("config"), QStringLiteral("--local"), QStringLiteral("user.email")},
            &rc),
        QString());
    QCOMPARE(rc, 1); // not saved
}

void TestChangesPanel::prompterAsksOnUiThread()
{
    QWidget parent;
    GitPrompter prompter(&parent);
    whenModal(QString(), [](QDialog *dialog) {
        auto *input = qobject_cast<QInputDialog *>(dialog);
        QVERIFY(input);
        QCOMPARE(input->textEchoMode(), QLineEdit::Password);
        input->setTextValue(QStringLiteral("s3cret"));
        input->accept();
    });
    std::optional<QString> answer;
    Qt::HANDLE askedOn = nullptr;
    // GitSession calls the prompter on a pool thread; the question must still show on this one.
    QThread *thread =
        QThread::create([&] { answer = prompter.askPassphrase(QStringLiteral("/k")); });
    connect(
        thread, &QThread::started, thread, [&askedOn] { askedOn = QThread::currentThreadId(); },
        Qt::DirectConnection);
    thread->start();
    QTRY_VERIFY_WITH_TIMEOUT(thread->isFinished(), TimeoutMs);
    thread->wait();
    delete thread;
    QVERIFY(askedOn != QThread::currentThreadId());
    QVERIFY(answer.has_value());
    QCOMPARE(*answer, QStringLiteral("s3cret"));
}

void TestChangesPanel::prompterOffersRememberOnlyWithStore()
{
    // The panel offers "remember" exactly when it has a store to remember in.
    ChangesPanel panel;
    QVERIFY(!panel.prompter()->isRememberOffered());
    panel.setSecretStore(std::make_unique<ReadOnlySecretStore>(nullptr));
    QVERIFY(panel.prompter()->isRememberOffered());
    panel.setSecretStore(nullptr);
    QVERIFY(!panel.prompter()->isRememberOffered());

    QWidget parent;
    GitPrompter prompter(&parent);
    const auto ask = [&prompter](bool offered, bool tick) {
        prompter.setRememberOffered(offered);
        bool sawCheck = false;
        whenModal(QStringLiteral("userPassDialog"), [&sawCheck, tick](QDialog *dialog) {
            auto *check = dialog->findChild<QCheckBox *>(QStringLiteral("rememberCheck"));
            sawCheck = check != nullptr;
            if (check) {
                QVERIFY(check->isVisible());
                QVERIFY(!check->isChecked()); // never remembered unless asked
                if (tick)
                    QTest::mouseClick(check, Qt::LeftButton);
            }
            for (QLineEdit *edit : dialog->findChildren<QLineEdit *>())
                edit->setText(edit->echoMode() == QLineEdit::Password ? QStringLiteral("tok")
                                                                      : QStringLiteral("alice"));
            dialog->accept();
        });
        const std::optional<GitUserPass> answer =
            prompter.askUserPass(QStringLiteral("https://git.example.org/x.git"), QString());
        return std::make_pair(sawCheck, answer);
    };

    auto [sawCheck, answer] = ask(false, false);
    QVERIFY(!sawCheck); // no store: not even a disabled checkbox
    QVERIFY(answer);
    QCOMPARE(answer->username, QStringLiteral("alice"));
    QCOMPARE(answer->password, QStringLiteral("tok"));
    QVERIFY(!answer->remember);

    std::tie(sawCheck, answer) = ask(true, false);
    QVERIFY(sawCheck);
    QVERIFY(answer && !answer->remember);

    std::tie(sawCheck, answer) = ask(true, true);
    QVERIFY(sawCheck);
    QVERIFY(answer && answer->remember);
}

void TestChangesPanel::prompterShutDownUnblocksWorker()
{
    QWidget parent;
    GitPrompter prompter(&parent);
    bool accepted = true;
    QThread *thread = QThread::create([&] {
        accepted = prompter.confirmUnknownHost(QStringLiteral("git.example.org"), 22,
                                               QStringLiteral("ssh-ed25519"),
                                               QStringLiteral("SHA256:abc"));
    });
    thread->start();
    // The UI thread does not spin its event loop (as when a window waits for its worker while
    // closing): shutDown() alone must let the worker go on, with "refused".
    QTest::qSleep(300);
    QVERIFY(!thread->isFinished());
    prompter.shutDown();
    QVERIFY(thread->wait(5000));
    delete thread;
    QVERIFY(!accepted);
    // The queued question is dropped, not shown later.
    QCoreApplication::processEvents();
    QVERIFY(!QApplication::activeModalWidget());
}

void TestChangesPanel::pushButtonPushesAheadBranch()
{
    QString work, bare;
    QVERIFY(makeRepoWithRemote(&work, &bare));
    ChangesPanel panel;
    panel.show();
    auto *push = child<QPushButton>(&panel, "pushButton");
    auto *branch = child<QLabel>(&panel, "changesBranch");
    QVERIFY(push && branch);
    // No commit yet: nothing to push.
    QSignalSpy refreshed(&panel, &ChangesPanel::refreshed);
    panel.setRepositoryPath(work);
    QVERIFY(refreshed.wait(TimeoutMs));
    QVERIFY(!push->isEnabled());

    // Two commits made elsewhere, never pushed, no upstream: Push offers the first push.
    for (const char *name : {"a.yaml", "b.yaml"}) {
        QVERIFY(writeFile(work + QLatin1Char('/') + QLatin1String(name), "x: 1\n"));
        git(work, {QStringLiteral("add"), QStringLiteral("-A")});
        git(work, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"),
                   QLatin1String("Add ") + QLatin1String(name)});
    }
    QVERIFY(waitRefreshed(panel));
    QVERIFY(push->isEnabled());
    QVERIFY2(push->toolTip().contains(QLatin1String("origin")), qPrintable(push->toolTip()));
    bool ok = false;
    QVERIFY(finish(panel, push, &ok));
    QVERIFY2(ok, qPrintable(panel.statusText()));
    const QString head = git(work, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
    QCOMPARE(git(m_dir->path(), {QStringLiteral("--git-dir=") + bare, QStringLiteral("rev-parse"),
                                 QStringLiteral("refs/heads/main")}),
             head);
    QVERIFY2(panel.statusText().contains(QLatin1String("Pushed main to origin/main")),
             qPrintable(panel.statusText()));
    QVERIFY2(panel.statusText().contains(QLatin1String("tracks")), qPrintable(panel.statusText()));
    QVERIFY2(branch->text().contains(QLatin1String("origin/main")), qPrintable(branch->text()));
    QVERIFY2(branch->text().contains(QLatin1String("0 ahead")), qPrintable(branch->text()));
    QVERIFY(!push->isEnabled()); // up to date

    // One more local commit: ahead by one, pushed again to the upstream.
    QVERIFY(writeFile(work + QStringLiteral("/c.yaml"), "c: 1\n"));
    git(work, {QStringLiteral("add"), QStringLiteral("-A")});
    git(work, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"),
               QStringLiteral("c")});
    QVERIFY(waitRefreshed(panel));
    QVERIFY2(branch->text().contains(QLatin1String("1 ahead")), qPrintable(branch->text()));
    QVERIFY(push->isEnabled());
    QVERIFY(finish(panel, push, &ok));
    QVERIFY2(ok, qPrintable(panel.statusText()));
    QCOMPARE(git(m_dir->path(), {QStringLiteral("--git-dir=") + bare, QStringLiteral("rev-parse"),
                                 QStringLiteral("refs/heads/main")}),
             git(work, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}));
    QVERIFY(!push->isEnabled());
}

QString TestChangesPanel::makeRemoteWithCommit()
{
    QString work, bare;
    if (!makeRepoWithRemote(&work, &bare))
        return {};
    writeFile(work + QStringLiteral("/clusters/homelab/kustomization.yaml"), "resources: []\n");
    git(work, {QStringLiteral("add"), QStringLiteral("-A")});
    git(work, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"),
               QStringLiteral("Bootstrap the fleet")});
    int rc = 1;
    git(work,
        {QStringLiteral("push"), QStringLiteral("-q"), QStringLiteral("origin"),
         QStringLiteral("main")},
        &rc);
    return rc == 0 ? QUrl::fromLocalFile(bare).toString() : QString();
}

void TestChangesPanel::cloneIntoEmptyFolderOpens()
{
    const QString url = makeRemoteWithCommit();
    QVERIFY(!url.isEmpty());
    const QString target = m_dir->filePath(QStringLiteral("clone"));
    QVERIFY(QDir().mkpath(target));

    ChangesPanel panel;
    panel.show();
    auto *cloneButton = child<QPushButton>(&panel, "cloneRepositoryButton");
    QVERIFY(cloneButton && cloneButton->isVisible());
    bool answered = false;
    whenModal(QStringLiteral("cloneDialog"), [&](QDialog *dialog) {
        dialog->findChild<QLineEdit *>(QStringLiteral("cloneUrl"))->setText(url);
        dialog->findChild<QLineEdit *>(QStringLiteral("cloneFolder"))->setText(target);
        auto *ok = dialog->findChild<QPushButton *>(QStringLiteral("cloneOkButton"));
        answered = ok->isEnabled();
        QTest::mouseClick(ok, Qt::LeftButton);
    });
    QSignalSpy chosen(&panel, &ChangesPanel::repositoryChosen);
    QSignalSpy done(&panel, &ChangesPanel::operationFinished);
    QSignalSpy loaded(panel.history(), &HistoryPanel::loaded);
    QTest::mouseClick(cloneButton, Qt::LeftButton);
    QVERIFY(answered);
    // Progress and Cancel show while it runs.
    QVERIFY(child<QProgressBar>(&panel, "cloneProgress")->isVisible() || !done.isEmpty());
    QVERIFY(done.count() > 0 || done.wait(TimeoutMs));
    QVERIFY2(done.constFirst().constFirst().toBool(),
             qPrintable(child<QLabel>(&panel, "cloneStatus")->text()));
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.constFirst().constFirst().toString(), QFileInfo(target).absoluteFilePath());
    QCOMPARE(panel.repositoryPath(), QFileInfo(target).absoluteFilePath());
    QVERIFY(!child<QProgressBar>(&panel, "cloneProgress")->isVisible());
    QVERIFY(QFileInfo::exists(target + QStringLiteral("/clusters/homelab/kustomization.yaml")));
    QCOMPARE(
        git(target, {QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%s")}),
        QStringLiteral("Bootstrap the fleet"));
    // Opened: the main page with the branch tracking origin, and the history of the clone.
    QVERIFY(waitRefreshed(panel));
    QVERIFY(!child<QLabel>(&panel, "changesEmptyText")->isVisible());
    QVERIFY2(child<QLabel>(&panel, "changesBranch")->text().contains(QLatin1String("origin/main")),
             qPrintable(child<QLabel>(&panel, "changesBranch")->text()));
    QTRY_COMPARE_WITH_TIMEOUT(panel.history()->model()->rowCount(), 1, TimeoutMs);
    QCOMPARE(panel.history()->model()->index(0, GitHistoryModel::SubjectColumn).data().toString(),
             QStringLiteral("Bootstrap the fleet"));
}

void TestChangesPanel::cloneIntoNonEmptyFolderRefused()
{
    const QString url = makeRemoteWithCommit();
    QVERIFY(!url.isEmpty());
    const QString target = m_dir->filePath(QStringLiteral("occupied"));
    QVERIFY(writeFile(target + QStringLiteral("/notes.txt"), "mine\n"));

    ChangesPanel panel;
    panel.show();
    // The dialog does not offer Clone for it and says why.
    QString problem;
    bool okEnabled = true;
    whenModal(QStringLiteral("cloneDialog"), [&](QDialog *dialog) {
        dialog->findChild<QLineEdit *>(QStringLiteral("cloneUrl"))->setText(url);
        dialog->findChild<QLineEdit *>(QStringLiteral("cloneFolder"))->setText(target);
        okEnabled = dialog->findChild<QPushButton *>(QStringLiteral("cloneOkButton"))->isEnabled();
        problem = dialog->findChild<QLabel *>(QStringLiteral("cloneProblem"))->text();
        dialog->reject();
    });
    QSignalSpy done(&panel, &ChangesPanel::operationFinished);
    QTest::mouseClick(child<QPushButton>(&panel, "cloneRepositoryButton"), Qt::LeftButton);
    QVERIFY(!okEnabled);
    QVERIFY2(problem.contains(QLatin1String("not empty")), qPrintable(problem));

    // Asked directly, the panel refuses before starting anything.
    QSignalSpy chosen(&panel, &ChangesPanel::repositoryChosen);
    QVERIFY(!panel.startClone(url, target));
    QVERIFY(!panel.session()->isBusy());
    auto *status = child<QLabel>(&panel, "cloneStatus");
    QVERIFY(status->isVisible());
    QVERIFY2(status->text().contains(QLatin1String("not empty")), qPrintable(status->text()));
    QTest::qWait(200);
    QCOMPARE(done.count(), 0);
    QCOMPARE(chosen.count(), 0);
    QVERIFY(panel.repositoryPath().isEmpty());
    QCOMPARE(QDir(target).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("notes.txt")});
}

QTEST_MAIN(TestChangesPanel)

#include "tst_changespanel.moc"
