// Repository, status, commit, history, push and fetch against a bare repository over file://.
#include "gittestsupport.h"

#include "git/gitchangewatcher.h"
#include "git/gitcommit.h"
#include "git/gitdiff.h"
#include "git/gitremote.h"
#include "git/gitrepository.h"
#include "git/gitstatus.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

class TestGitLocal : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    // A bare "remote" and a fresh checkout with an identity in its own config and origin set.
    struct Fixture
    {
        QTemporaryDir dir;
        QString remote;
        QString work;
        QString remoteUrl;
    };
    std::unique_ptr<Fixture> makeFixture()
    {
        auto f = std::make_unique<Fixture>();
        f->remote = f->dir.filePath(QStringLiteral("remote.git"));
        f->work = f->dir.filePath(QStringLiteral("work"));
        runGit(f->dir.path(), {QStringLiteral("init"), QStringLiteral("--bare"),
                               QStringLiteral("-b"), QStringLiteral("main"), f->remote});
        f->remoteUrl = QUrl::fromLocalFile(f->remote).toString();
        GitResult<GitRepository> repo = GitRepository::init(f->work);
        if (!repo)
            qFatal("init failed: %s", qPrintable(repo.error().message));
        setGitIdentity(*repo, {QStringLiteral("Test User"), QStringLiteral("test@example.org")},
                       true);
        gitAddRemote(*repo, QStringLiteral("origin"), f->remoteUrl);
        return f;
    }
    static QString commitAll(const QString &work, const QString &message)
    {
        GitResult<GitRepository> repo = GitRepository::open(work);
        if (!repo || !stageAll(*repo))
            return {};
        GitResult<QString> id = commitIndex(*repo, message);
        if (!id)
            qWarning("commit failed: %s", qPrintable(id.error().message));
        return id ? *id : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        isolateHome(m_home.path());
    }

    void initCreatesMainBranch()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new/checkout"));
        GitResult<GitRepository> repo = GitRepository::init(path);
        QVERIFY2(repo.ok(), qPrintable(repo.error().message));
        const GitResult<BranchInfo> info = repo->branchInfo();
        QVERIFY(info.ok());
        QCOMPARE(info->branch, QStringLiteral("main"));
        QVERIFY(info->unborn);
        QVERIFY(info->upstream.isEmpty());
        QCOMPARE(QDir(repo->workdir()).canonicalPath(), QDir(path).canonicalPath());
        // Not twice: an existing repository is not re-initialised.
        QVERIFY(!GitRepository::init(path).ok());
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<int>("kind");
        QTest::addRow("not a repository") << "none" << int(GitErrorKind::NotARepository);
        QTest::addRow("bare") << "bare" << int(GitErrorKind::BareRepository);
        QTest::addRow("detached HEAD") << "detached" << int(GitErrorKind::DetachedHead);
        QTest::addRow("merge in progress") << "merge" << int(GitErrorKind::OperationInProgress);
        QTest::addRow("rebase in progress") << "rebase" << int(GitErrorKind::OperationInProgress);
    }
    void refusals()
    {
        QFETCH(QString, state);
        QFETCH(int, kind);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("repo"));
        QDir().mkpath(path);
        if (state == QLatin1String("bare")) {
            runGit(path, {QStringLiteral("init"), QStringLiteral("--bare")});
        } else if (state != QLatin1String("none")) {
            runGit(path, {QStringLiteral("init"), QStringLiteral("-b"), QStringLiteral("main")});
            writeFile(path + QStringLiteral("/a.yaml"), "a: 1\n");
            runGit(path, {QStringLiteral("add"), QStringLiteral("-A")});
            runGit(path, {QStringLiteral("commit"), QStringLiteral("-m"), QStringLiteral("one")});
            if (state == QLatin1String("detached")) {
                runGit(path, {QStringLiteral("checkout"), QStringLiteral("--detach")});
            } else if (state == QLatin1String("merge")) {
                const QString head =
                    runGit(path, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
                writeFile(path + QStringLiteral("/.git/MERGE_HEAD"), head.toLatin1() + '\n');
            } else {
                QDir().mkpath(path + QStringLiteral("/.git/rebase-merge"));
            }
            writeFile(path + QStringLiteral("/b.yaml"), "b: 2\n");
        }

        GitResult<GitRepository> repo = GitRepository::open(path);
        if (state == QLatin1String("none") || state == QLatin1String("bare")) {
            QVERIFY(!repo.ok());
            QCOMPARE(int(repo.error().kind), kind);
            QVERIFY(repo.error().message.contains(QDir::toNativeSeparators(path)));
            return;
        }
        QVERIFY2(repo.ok(), qPrintable(repo.error().message));
        const QString before =
            runGit(path, {QStringLiteral("status"), QStringLiteral("--porcelain")});
        const QString headBefore =
            runGit(path, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
        const GitResult<GitDone> ready = repo->checkReady();
        QVERIFY(!ready.ok());
        QCOMPARE(int(ready.error().kind), kind);
        QVERIFY(ready.error().message.contains(QLatin1String("git tool")));
        // Nothing is changed by the refused operations.
        QVERIFY(!stageAll(*repo).ok());
        const GitResult<QString> commit = commitIndex(*repo, QStringLiteral("x"));
        QVERIFY(!commit.ok());
        QCOMPARE(int(commit.error().kind), kind);
        GitTransfer transfer;
        QCOMPARE(int(gitPush(*repo, transfer).error().kind), kind);
        QCOMPARE(runGit(path, {QStringLiteral("status"), QStringLiteral("--porcelain")}), before);
        QCOMPARE(runGit(path, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}), headBefore);
    }

    void identityMissingThenSaved()
    {
        QTemporaryDir dir;
        GitResult<GitRepository> repo = GitRepository::init(dir.path());
        QVERIFY(repo.ok());
        writeFile(dir.filePath(QStringLiteral("a.yaml")), "a: 1\n");
        QVERIFY(stageAll(*repo).ok());
        GitResult<QString> id = commitIndex(*repo, QStringLiteral("first"));
        QVERIFY(!id.ok());
        QCOMPARE(id.error().kind, GitErrorKind::IdentityMissing);
        QCOMPARE(gitIdentity(*repo).error().kind, GitErrorKind::IdentityMissing);
        QVERIFY(git_status_unchanged_sanity(dir.path()));

        // Session only: commits, but nothing is written to the config.
        QVERIFY(
            setGitIdentity(*repo, {QStringLiteral("Ann"), QStringLiteral("ann@example.org")}, false)
                .ok());
        id = commitIndex(*repo, QStringLiteral("first"));
        QVERIFY2(id.ok(), qPrintable(id.error().message));
        QVERIFY(!readFile(dir.filePath(QStringLiteral(".git/config"))).contains("Ann"));
        QCOMPARE(runGit(dir.path(), {QStringLiteral("log"), QStringLiteral("-1"),
                                     QStringLiteral("--format=%an <%ae>|%cn")}),
                 QStringLiteral("Ann <ann@example.org>|Ann"));

        // Saved in the repository's config: a freshly opened repository finds it.
        GitResult<GitRepository> again = GitRepository::open(dir.path());
        QCOMPARE(gitIdentity(*again).error().kind, GitErrorKind::IdentityMissing);
        QVERIFY(
            setGitIdentity(*again, {QStringLiteral("Bob"), QStringLiteral("bob@example.org")}, true)
                .ok());
        GitResult<GitRepository> third = GitRepository::open(dir.path());
        const GitResult<GitIdentity> identity = gitIdentity(*third);
        QVERIFY(identity.ok());
        QCOMPARE(identity->name, QStringLiteral("Bob"));
        QCOMPARE(runGit(dir.path(), {QStringLiteral("config"), QStringLiteral("--local"),
                                     QStringLiteral("user.email")}),
                 QStringLiteral("bob@example.org"));
    }

    void statusStageAndDiff()
    {
        auto f = makeFixture();
        writeFile(f->work + QStringLiteral("/apps/keep.yaml"), "keep: 1\n");
        writeFile(f->work + QStringLiteral("/apps/change.yaml"), "value: 1\n");
        writeFile(f->work + QStringLiteral("/apps/remove.yaml"), "gone: soon\n");
        writeFile(f->work + QStringLiteral("/apps/move.yaml"),
                  "a long enough body so rename detection\nrecognises the file\nafter a move\n");
        QVERIFY(!commitAll(f->work, QStringLiteral("base")).isEmpty());

        writeFile(f->work + QStringLiteral("/apps/change.yaml"), "value: 2\n");
        QFile::remove(f->work + QStringLiteral("/apps/remove.yaml"));
        QFile::rename(f->work + QStringLiteral("/apps/move.yaml"),
                      f->work + QStringLiteral("/apps/moved.yaml"));
        writeFile(f->work + QStringLiteral("/apps/new.yaml"), "new: yes\n");

        GitResult<GitRepository> repo = GitRepository::open(f->work);
        QVERIFY(repo.ok());
        QVERIFY(stageAll(*repo).ok());
        GitResult<QList<GitFileStatus>> status = gitStatus(*repo);
        QVERIFY(status.ok());
        QStringList seen;
        for (const GitFileStatus &s : *status)
            seen.append(s.path + QLatin1Char(':') + QString::number(int(s.staged)) +
                        QLatin1Char(':') + s.oldPath);
        QCOMPARE(seen, (QStringList{
                           QStringLiteral("apps/change.yaml:2:"),
                           QStringLiteral("apps/moved.yaml:4:apps/move.yaml"),
                           QStringLiteral("apps/new.yaml:1:"),
                           QStringLiteral("apps/remove.yaml:3:"),
                       }));
        QCOMPARE(defaultCommitMessage(*status),
                 QStringLiteral("Add 1 file, update 1 file, delete 1 file, rename 1 file in apps"));

        // Unstage one file: it moves to the unstaged side.
        QVERIFY(unstagePaths(*repo, {QStringLiteral("apps/change.yaml")}).ok());
        status = gitStatus(*repo);
        QCOMPARE(status->first().path, QStringLiteral("apps/change.yaml"));
        QCOMPARE(status->first().staged, GitFileStatus::Change::None);
        QCOMPARE(status->first().unstaged, GitFileStatus::Change::Modified);

        const GitResult<QString> unstaged =
            gitDiffFile(*repo, QStringLiteral("apps/change.yaml"), GitDiffScope::Unstaged);
        QVERIFY(unstaged.ok());
        QVERIFY2(unstaged->contains(QLatin1String("-value: 1\n+value: 2\n")),
                 qPrintable(*unstaged));
        QVERIFY(gitDiffFile(*repo, QStringLiteral("apps/change.yaml"), GitDiffScope::Staged)
                    ->isEmpty());
        const GitResult<QString> staged =
            gitDiffFile(*repo, QStringLiteral("apps/new.yaml"), GitDiffScope::Staged);
        QVERIFY2(staged->contains(QLatin1String("+new: yes\n")), qPrintable(*staged));

        // Stage it again per file, then unstage everything.
        QVERIFY(stagePaths(*repo, {QStringLiteral("apps/change.yaml")}).ok());
        QCOMPARE(gitStatus(*repo)->first().staged, GitFileStatus::Change::Modified);
        QVERIFY(unstageAll(*repo).ok());
        status = gitStatus(*repo);
        for (const GitFileStatus &s : *status)
            QCOMPARE(s.staged, GitFileStatus::Change::None);
        QVERIFY(defaultCommitMessage(*gitStatus(*repo)).isEmpty());

        // A file the plan is about to write, against disk.
        const GitResult<QString> planned = gitDiffPlannedFile(
            *repo, QStringLiteral("apps/keep.yaml"), QStringLiteral("keep: 2\n"));
        QVERIFY(planned.ok());
        QVERIFY2(planned->contains(QLatin1String("--- a/apps/keep.yaml\n+++ b/apps/keep.yaml\n")),
                 qPrintable(*planned));
        QVERIFY(planned->contains(QLatin1String("-keep: 1\n+keep: 2\n")));
        const GitResult<QString> created = gitDiffPlannedFile(
            *repo, QStringLiteral("apps/brand-new.yaml"), QStringLiteral("x: 1\n"));
        QVERIFY2(created->contains(QLatin1String("--- /dev/null\n")), qPrintable(*created));
        QVERIFY(created->contains(QLatin1String("+x: 1\n")));
    }

    void conflictedStatus()
    {
        QTemporaryDir dir;
        const QString path = dir.path();
        runGit(path, {QStringLiteral("init"), QStringLiteral("-b"), QStringLiteral("main")});
        writeFile(path + QStringLiteral("/c.yaml"), "v: 0\n");
        runGit(path, {QStringLiteral("add"), QStringLiteral("-A")});
        runGit(path, {QStringLiteral("commit"), QStringLiteral("-m"), QStringLiteral("base")});
        runGit(path, {QStringLiteral("checkout"), QStringLiteral("-b"), QStringLiteral("other")});
        writeFile(path + QStringLiteral("/c.yaml"), "v: other\n");
        runGit(path, {QStringLiteral("commit"), QStringLiteral("-am"), QStringLiteral("other")});
        runGit(path, {QStringLiteral("checkout"), QStringLiteral("main")});
        writeFile(path + QStringLiteral("/c.yaml"), "v: main\n");
        runGit(path, {QStringLiteral("commit"), QStringLiteral("-am"), QStringLiteral("main")});
        bool ok = true;
        runGit(path, {QStringLiteral("merge"), QStringLiteral("other")}, &ok);
        QVERIFY(!ok); // the conflict

        GitResult<GitRepository> repo = GitRepository::open(path);
        QVERIFY(repo.ok());
        const GitResult<QList<GitFileStatus>> status = gitStatus(*repo);
        QCOMPARE(status->size(), 1);
        QVERIFY(status->first().isConflicted());
        QCOMPARE(repo->checkReady().error().kind, GitErrorKind::OperationInProgress);
    }

    void historyAndRevert()
    {
        auto f = makeFixture();
        writeFile(f->work + QStringLiteral("/a.yaml"), "a: 1\n");
        const QString first = commitAll(f->work, QStringLiteral("first"));
        writeFile(f->work + QStringLiteral("/a.yaml"), "a: 2\n");
        const QString second = commitAll(f->work, QStringLiteral("second\n\nbody"));
        QVERIFY(!second.isEmpty());

        GitResult<GitRepository> repo = GitRepository::open(f->work);
        GitResult<QList<GitCommitInfo>> history = gitHistory(*repo);
        QVERIFY(history.ok());
        QCOMPARE(history->size(), 2);
        QCOMPARE(history->at(0).id, second);
        QCOMPARE(history->at(0).summary, QStringLiteral("second"));
        QCOMPARE(history->at(0).author, QStringLiteral("Test User"));
        QCOMPARE(history->at(0).shortId, second.left(7));
        QVERIFY(history->at(0).time.isValid());
        QCOMPARE(history->at(1).id, first);
        const GitResult<QString> diff = gitDiffCommit(*repo, second);
        QVERIFY2(diff->contains(QLatin1String("-a: 1\n+a: 2\n")), qPrintable(*diff));
        QVERIFY(gitDiffCommit(*repo, first)->contains(QLatin1String("+a: 1\n")));

        // Uncommitted changes block the revert and stay as they are.
        writeFile(f->work + QStringLiteral("/a.yaml"), "a: local\n");
        QVERIFY(!revertCommit(*repo, second).ok());
        QCOMPARE(readFile(f->work + QStringLiteral("/a.yaml")), QByteArray("a: local\n"));
        writeFile(f->work + QStringLiteral("/a.yaml"), "a: 2\n");

        const GitResult<QString> reverted = revertCommit(*repo, second);
        QVERIFY2(reverted.ok(), qPrintable(reverted.error().message));
        QCOMPARE(readFile(f->work + QStringLiteral("/a.yaml")), QByteArray("a: 1\n"));
        history = gitHistory(*repo);
        QCOMPARE(history->size(), 3);
        QCOMPARE(history->at(0).id, *reverted);
        QCOMPARE(history->at(0).summary, QStringLiteral("Revert \"second\""));
        QVERIFY(history->at(0).message.contains(second));
        QVERIFY(gitStatus(*repo)->isEmpty());
    }

    void pushFirstSetsUpstreamThenSecond()
    {
        auto f = makeFixture();
        writeFile(f->work + QStringLiteral("/a.yaml"), "a: 1\n");
        const QString first = commitAll(f->work, QStringLiteral("first"));
        GitResult<GitRepository> repo = GitRepository::open(f->work);
        QVERIFY(repo->branchInfo()->upstream.isEmpty());

        GitTransfer transfer;
        QList<GitProgress> progress;
        transfer.setProgressHandler([&progress](const GitProgress &p) { progress.append(p); });
        GitResult<GitPushResult> pushed = gitPush(*repo, transfer);
        QVERIFY2(pushed.ok(), qPrintable(pushed.error().message));
        QVERIFY(pushed->upstreamSet);
        QCOMPARE(pushed->remote, QStringLiteral("origin"));
        QCOMPARE(pushed->remoteRef, QStringLiteral("refs/heads/main"));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(runGit(f->remote, {QStringLiteral("rev-parse"), QStringLiteral("main")}), first);
        GitResult<BranchInfo> info = repo->branchInfo();
        QCOMPARE(info->upstream, QStringLiteral("origin/main"));
        QCOMPARE(info->ahead, 0);

        writeFile(f->work + QStringLiteral("/b.yaml"), "b: 1\n");
        const QString second = commitAll(f->work, QStringLiteral("second"));
        info = repo->branchInfo();
        QCOMPARE(info->ahead, 1);
        QCOMPARE(info->behind, 0);
        pushed = gitPush(*repo, transfer);
        QVERIFY2(pushed.ok(), qPrintable(pushed.error().message));
        QVERIFY(!pushed->upstreamSet);
        QCOMPARE(runGit(f->remote, {QStringLiteral("rev-parse"), QStringLiteral("main")}), second);
        QCOMPARE(repo->branchInfo()->ahead, 0);
    }

    void nonFastForwardKeepsCommitThenFetch()
    {
        auto f = makeFixture();
        writeFile(f->work + QStringLiteral("/a.yaml"), "a: 1\n");
        commitAll(f->work, QStringLiteral("first"));
        GitResult<GitRepository> repo = GitRepository::open(f->work);
        GitTransfer transfer;
        QVERIFY(gitPush(*repo, transfer).ok());

        // Someone else pushes in between.
        const QString otherPath = f->dir.filePath(QStringLiteral("other"));
        GitTransfer cloneTransfer;
        GitResult<GitRepository> other =
            GitRepository::clone(f->remoteUrl, otherPath, &cloneTransfer);
        QVERIFY2(other.ok(), qPrintable(other.error().message));
        QCOMPARE(other->branchInfo()->upstream, QStringLiteral("origin/main"));
        setGitIdentity(*other, {QStringLiteral("Other"), QStringLiteral("o@example.org")}, true);
        writeFile(otherPath + QStringLiteral("/o.yaml"), "o: 1\n");
        const QString theirs = commitAll(otherPath, QStringLiteral("theirs"));
        QVERIFY(gitPush(*other, cloneTransfer).ok());

        writeFile(f->work + QStringLiteral("/mine.yaml"), "m: 1\n");
        const QString mine = commitAll(f->work, QStringLiteral("mine"));
        const GitResult<GitPushResult> rejected = gitPush(*repo, transfer);
        QVERIFY(!rejected.ok());
        QCOMPARE(rejected.error().kind, GitErrorKind::NonFastForward);
        QVERIFY2(
            rejected.error().message.contains(QLatin1String("remote has commits you don't have")),
            qPrintable(rejected.error().message));
        QVERIFY(rejected.error().message.contains(QLatin1String("fetch")));
        // The commit is kept locally, the remote keeps theirs.
        QCOMPARE(runGit(f->work, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}), mine);
        QCOMPARE(runGit(f->remote, {QStringLiteral("rev-parse"), QStringLiteral("main")}), theirs);

        const GitResult<BranchInfo> fetched = gitFetch(*repo, transfer);
        QVERIFY2(fetched.ok(), qPrintable(fetched.error().message));
        QCOMPARE(fetched->ahead, 1);
        QCOMPARE(fetched->behind, 1);
    }

    void pushCancelledFromProgress()
    {
        auto f = makeFixture();
        for (int i = 0; i < 50; ++i)
            writeFile(f->work + QStringLiteral("/m/%1.yaml").arg(i), QByteArray::number(i) + "\n");
        const QString id = commitAll(f->work, QStringLiteral("many"));
        GitResult<GitRepository> repo = GitRepository::open(f->work);
        GitTransfer transfer;
        int reports = 0;
        transfer.setProgressHandler([&](const GitProgress &) {
            ++reports;
            transfer.cancel();
        });
        const GitResult<GitPushResult> pushed = gitPush(*repo, transfer);
        QVERIFY(!pushed.ok());
        QCOMPARE(pushed.error().kind, GitErrorKind::Cancelled);
        QCOMPARE(reports, 1); // stopped at the first callback
        bool ok = true;
        runGit(f->remote,
               {QStringLiteral("rev-parse"), QStringLiteral("--verify"), QStringLiteral("-q"),
                QStringLiteral("main")},
               &ok);
        QVERIFY(!ok); // nothing arrived
        QCOMPARE(runGit(f->work, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}), id);
        QVERIFY(repo->branchInfo()->upstream.isEmpty());
    }

    void remoteGoneMidPush()
    {
        auto f = makeFixture();
        writeFile(f->work + QStringLiteral("/a.yaml"), "a: 1\n");
        const QString id = commitAll(f->work, QStringLiteral("first"));
        GitResult<GitRepository> repo = GitRepository::open(f->work);
        GitTransfer transfer;
        bool removed = false;
        transfer.setProgressHandler([&](const GitProgress &) {
            if (!removed)
                removed = QDir(f->remote).removeRecursively();
        });
        const GitResult<GitPushResult> pushed = gitPush(*repo, transfer);
        QVERIFY(removed);
        QVERIFY(!pushed.ok());
        QVERIFY(pushed.error().kind != GitErrorKind::Cancelled);
        QVERIFY(!pushed.error().message.isEmpty());
        QCOMPARE(runGit(f->work, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}), id);
    }

    void watcherDebouncesChanges()
    {
        auto f = makeFixture();
        GitChangeWatcher watcher;
        watcher.setDebounceInterval(100);
        watcher.setWorkdir(f->work);
        QSignalSpy changed(&watcher, &GitChangeWatcher::changed);
        for (int i = 0; i < 20; ++i)
            writeFile(f->work + QStringLiteral("/burst/%1.yaml").arg(i), "x: 1\n");
        QVERIFY(changed.wait(5000));
        QCOMPARE(changed.size(), 1); // one refresh for the whole burst

        // A file in the folder created by the burst is seen (the new folder got a watch).
        changed.clear();
        writeFile(f->work + QStringLiteral("/burst/0.yaml"), "x: 2\n");
        QVERIFY(changed.wait(5000));

        // Staging rewrites .git/index: also a change.
        changed.clear();
        GitResult<GitRepository> repo = GitRepository::open(f->work);
        QVERIFY(stageAll(*repo).ok());
        QVERIFY(changed.wait(5000));

        watcher.setWorkdir(QString());
        changed.clear();
        writeFile(f->work + QStringLiteral("/after.yaml"), "x: 1\n");
        QTest::qWait(300);
        QCOMPARE(changed.size(), 0);
    }

private:
    static bool git_status_unchanged_sanity(const QString &path)
    {
        // The refused commit left the staged file staged and nothing committed.
        bool ok = true;
        runGit(path,
               {QStringLiteral("rev-parse"), QStringLiteral("--verify"), QStringLiteral("-q"),
                QStringLiteral("HEAD")},
               &ok);
        return !ok && runGit(path, {QStringLiteral("diff"), QStringLiteral("--cached"),
                                    QStringLiteral("--name-only")}) == QLatin1String("a.yaml");
    }
};

QTEST_GUILESS_MAIN(TestGitLocal)
#include "tst_gitlocal.moc"
