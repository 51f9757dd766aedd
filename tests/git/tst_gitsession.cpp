// GitSession against real repositories (a bare remote over file://): every operation's result as a
// value, superseded results dropped, remote work cancelled, the identity decision without a window.
#include "gittestsupport.h"

#include "git/gitsession.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>
#include <optional>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

constexpr int TimeoutMs = 20000;

// Holds what one callback delivered; wait() spins the event loop until it came.
template <typename T> struct Slot
{
    std::shared_ptr<std::optional<T>> value = std::make_shared<std::optional<T>>();
    auto callback()
    {
        return [value = value](T result) { value->emplace(std::move(result)); };
    }
    bool wait() const
    {
        return QTest::qWaitFor([value = value] { return value->has_value(); }, TimeoutMs);
    }
    const T &operator*() const { return **value; }
    const T *operator->() const { return &**value; }
};

} // namespace

class TestGitSession : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    struct Fixture
    {
        QTemporaryDir dir;
        QString remote;
        QString work;
        QString remoteUrl;
    };
    // A bare remote and a checkout with origin set; the identity in its own config unless told.
    static std::unique_ptr<Fixture> makeFixture(bool withIdentity = true)
    {
        auto f = std::make_unique<Fixture>();
        f->remote = f->dir.filePath(QStringLiteral("remote.git"));
        f->work = f->dir.filePath(QStringLiteral("work"));
        runGit(f->dir.path(), {QStringLiteral("init"), QStringLiteral("--bare"),
                               QStringLiteral("-b"), QStringLiteral("main"), f->remote});
        f->remoteUrl = QUrl::fromLocalFile(f->remote).toString();
        runGit(f->dir.path(),
               {QStringLiteral("init"), QStringLiteral("-b"), QStringLiteral("main"), f->work});
        if (withIdentity) {
            runGit(f->work,
                   {QStringLiteral("config"), QStringLiteral("user.name"), QStringLiteral("Test")});
            runGit(f->work, {QStringLiteral("config"), QStringLiteral("user.email"),
                             QStringLiteral("t@example.org")});
        }
        runGit(f->work, {QStringLiteral("remote"), QStringLiteral("add"), QStringLiteral("origin"),
                         f->remoteUrl});
        return f;
    }
    static QString commitWithGit(const QString &work, const QString &file, const QByteArray &text,
                                 const QString &message)
    {
        writeFile(work + QLatin1Char('/') + file, text);
        runGit(work, {QStringLiteral("add"), QStringLiteral("-A")});
        runGit(work, {QStringLiteral("-c"), QStringLiteral("user.name=Git"), QStringLiteral("-c"),
                      QStringLiteral("user.email=git@example.org"), QStringLiteral("commit"),
                      QStringLiteral("-q"), QStringLiteral("-m"), message});
        return runGit(work, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
    }
    static GitResult<GitRepositoryState> refreshed(GitSession &session)
    {
        Slot<GitResult<GitRepositoryState>> state;
        session.refresh(state.callback());
        if (!state.wait())
            return GitError(GitErrorKind::Failed, QStringLiteral("timeout"));
        return *state;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        isolateHome(m_home.path());
    }

    void refreshStageDiffUnstage()
    {
        auto f = makeFixture();
        commitWithGit(f->work, QStringLiteral("a.yaml"), "a: 1\n", QStringLiteral("first"));
        writeFile(f->work + QStringLiteral("/a.yaml"), "a: 2\n");
        writeFile(f->work + QStringLiteral("/b.yaml"), "b: 1\n");
        GitSession session;
        session.setRepositoryPath(f->work);

        GitResult<GitRepositoryState> state = refreshed(session);
        QVERIFY2(state.ok(), qPrintable(state.error().message));
        QCOMPARE(QDir(state->workdir).canonicalPath(), QDir(f->work).canonicalPath());
        QVERIFY(state->refusal.isEmpty());
        QCOMPARE(state->branch.branch, QStringLiteral("main"));
        QCOMPARE(state->headId,
                 runGit(f->work, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}));
        QCOMPARE(state->files.size(), 2);
        QCOMPARE(state->files.at(0).unstaged, GitFileStatus::Change::Modified);
        QCOMPARE(state->files.at(1).unstaged, GitFileStatus::Change::New);

        // The whole change of a new file (no HEAD, no index entry) still shows.
        Slot<GitResult<QString>> all;
        session.diffFile(QStringLiteral("b.yaml"), GitDiffScope::All, all.callback());
        QVERIFY(all.wait());
        QVERIFY2(all->ok() && (*all)->contains(QLatin1String("+b: 1")), qPrintable(**all));

        Slot<GitResult<GitDone>> staged;
        session.stage({QStringLiteral("a.yaml")}, staged.callback());
        QVERIFY(staged.wait());
        QVERIFY2(staged->ok(), qPrintable(staged->error().message));
        QCOMPARE(runGit(f->work, {QStringLiteral("diff"), QStringLiteral("--cached"),
                                  QStringLiteral("--name-only")}),
                 QStringLiteral("a.yaml"));
        Slot<GitResult<QString>> stagedDiff;
        session.diffFile(QStringLiteral("a.yaml"), GitDiffScope::Staged, stagedDiff.callback());
        QVERIFY(stagedDiff.wait());
        QVERIFY2((*stagedDiff)->contains(QLatin1String("+a: 2")), qPrintable(**stagedDiff));
        Slot<GitResult<QString>> unstagedDiff;
        session.diffFile(QStringLiteral("a.yaml"), GitDiffScope::Unstaged, unstagedDiff.callback());
        QVERIFY(unstagedDiff.wait());
        QVERIFY((*unstagedDiff)->isEmpty());

        Slot<GitResult<GitDone>> unstaged;
        session.unstage({QStringLiteral("a.yaml")}, unstaged.callback());
        QVERIFY(unstaged.wait());
        QVERIFY(unstaged->ok());
        QCOMPARE(runGit(f->work, {QStringLiteral("diff"), QStringLiteral("--cached"),
                                  QStringLiteral("--name-only")}),
                 QString());

        Slot<GitResult<GitDone>> all2;
        session.stageAll(all2.callback());
        QVERIFY(all2.wait());
        state = refreshed(session);
        QVERIFY(state.ok());
        QCOMPARE(state->files.at(0).staged, GitFileStatus::Change::Modified);
        QCOMPARE(state->files.at(1).staged, GitFileStatus::Change::New);
        Slot<GitResult<GitDone>> none;
        session.unstageAll(none.callback());
        QVERIFY(none.wait());
        state = refreshed(session);
        QCOMPARE(state->files.at(0).staged, GitFileStatus::Change::None);
        QCOMPARE(state->files.at(1).staged, GitFileStatus::Change::None);
    }

    void refusalsAndMissingRepository()
    {
        auto f = makeFixture();
        commitWithGit(f->work, QStringLiteral("a.yaml"), "a: 1\n", QStringLiteral("first"));
        runGit(f->work,
               {QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("--detach")});
        writeFile(f->work + QStringLiteral("/a.yaml"), "a: 2\n");
        GitSession session;
        session.setRepositoryPath(f->work);
        GitResult<GitRepositoryState> state = refreshed(session);
        QVERIFY(state.ok());
        QVERIFY2(state->refusal.contains(QLatin1String("detached"), Qt::CaseInsensitive),
                 qPrintable(state->refusal));
        QCOMPARE(state->files.size(), 1); // still listed for review
        Slot<GitResult<GitDone>> staged;
        session.stageAll(staged.callback());
        QVERIFY(staged.wait());
        QCOMPARE(staged->error().kind, GitErrorKind::DetachedHead);

        session.setRepositoryPath(f->dir.filePath(QStringLiteral("nothing")));
        state = refreshed(session);
        QVERIFY(!state.ok());
        QCOMPARE(state.error().kind, GitErrorKind::NotARepository);
    }

    void staleResultsAreDropped()
    {
        auto f = makeFixture();
        commitWithGit(f->work, QStringLiteral("a.yaml"), "a: 1\n", QStringLiteral("first"));
        writeFile(f->work + QStringLiteral("/a.yaml"), "a: 2\n");
        writeFile(f->work + QStringLiteral("/b.yaml"), "b: 1\n");
        GitSession session;
        session.setRepositoryPath(f->work);

        // Refreshes: only the newest answers.
        int older = 0;
        Slot<GitResult<GitRepositoryState>> newest;
        session.refresh([&older](GitResult<GitRepositoryState>) { ++older; });
        session.refresh([&older](GitResult<GitRepositoryState>) { ++older; });
        session.refresh(newest.callback());
        QVERIFY(newest.wait());
        QVERIFY(newest->ok());
        QCOMPARE(older, 0);

        // Diffs: the one of the file selected last.
        int staleDiffs = 0;
        Slot<GitResult<QString>> diff;
        session.diffFile(QStringLiteral("a.yaml"), GitDiffScope::All,
                         [&staleDiffs](GitResult<QString>) { ++staleDiffs; });
        session.diffFile(QStringLiteral("b.yaml"), GitDiffScope::All, diff.callback());
        QVERIFY(diff.wait());
        QVERIFY((*diff)->contains(QLatin1String("+b: 1")));
        QCOMPARE(staleDiffs, 0);

        // Another repository: everything asked of the first one is dropped.
        int dropped = 0;
        session.history(10, [&dropped](GitResult<GitHistory>) { ++dropped; });
        session.commitDiff(runGit(f->work, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}),
                           [&dropped](GitResult<QString>) { ++dropped; });
        session.stageAll([&dropped](GitResult<GitDone>) { ++dropped; });
        session.setRepositoryPath(f->dir.filePath(QStringLiteral("elsewhere")));
        Slot<GitResult<GitRepositoryState>> other;
        session.refresh(other.callback());
        QVERIFY(other.wait());
        QTest::qWait(200);
        QCOMPARE(dropped, 0);
        // Changes of the superseded repository that had already started still finish on disk:
        // dropping is about results, so nothing half-written remains either way.
        QVERIFY(!session.isBusy());
    }

    void decideIdentity_data()
    {
        QTest::addColumn<bool>("hasSession");
        QTest::addColumn<int>("configKind"); // -1: configured
        QTest::addColumn<int>("source");     // -1: an error
        QTest::addRow("session wins over config")
            << true << -1 << int(GitIdentityCheck::Source::Session);
        QTest::addRow("session when config is missing")
            << true << int(GitErrorKind::IdentityMissing) << int(GitIdentityCheck::Source::Session);
        QTest::addRow("config") << false << -1 << int(GitIdentityCheck::Source::Config);
        QTest::addRow("missing: ask") << false << int(GitErrorKind::IdentityMissing)
                                      << int(GitIdentityCheck::Source::Missing);
        QTest::addRow("config unreadable: no question") << false << int(GitErrorKind::Failed) << -1;
    }
    void decideIdentity()
    {
        QFETCH(bool, hasSession);
        QFETCH(int, configKind);
        QFETCH(int, source);
        const GitIdentity ours{QStringLiteral("Session"), QStringLiteral("s@example.org")};
        const GitIdentity configured{QStringLiteral("Config"), QStringLiteral("c@example.org")};
        const std::optional<GitIdentity> session =
            hasSession ? std::optional<GitIdentity>(ours) : std::nullopt;
        const GitResult<GitIdentity> config =
            configKind < 0
                ? GitResult<GitIdentity>(configured)
                : GitResult<GitIdentity>(GitError(GitErrorKind(configKind), QStringLiteral("why")));
        const GitResult<GitIdentityCheck> check = Fluxdesk::decideIdentity(session, config);
        if (source < 0) {
            QVERIFY(!check.ok());
            QCOMPARE(check.error().message, QStringLiteral("why"));
            return;
        }
        QVERIFY(check.ok());
        QCOMPARE(int(check->source), source);
        QCOMPARE(check->mustAsk(), source == int(GitIdentityCheck::Source::Missing));
        if (check->source == GitIdentityCheck::Source::Session)
            QCOMPARE(check->identity.name, ours.name);
        if (check->source == GitIdentityCheck::Source::Config)
            QCOMPARE(check->identity.name, configured.name);
    }

    void identityForThisSessionOrSaved()
    {
        auto f = makeFixture(false);
        writeFile(f->work + QStringLiteral("/a.yaml"), "a: 1\n");
        GitSession session;
        session.setRepositoryPath(f->work);

        Slot<GitResult<GitIdentityCheck>> check;
        session.checkIdentity(check.callback());
        QVERIFY(check.wait());
        QVERIFY(check->ok());
        QVERIFY((*check)->mustAsk());

        // Without an identity the commit is refused, as a value.
        Slot<GitOperationResult> refused;
        session.commit(QStringLiteral("no one"), true, false, refused.callback());
        QVERIFY(refused.wait());
        QVERIFY(!refused->ok);
        QCOMPARE(refused->error.kind, GitErrorKind::IdentityMissing);

        // For this session only: commits use it, the config stays without.
        Slot<GitResult<GitDone>> set;
        session.setIdentity({QStringLiteral(" Ada "), QStringLiteral("ada@example.org")}, false,
                            set.callback());
        QVERIFY(set.wait());
        QVERIFY(set->ok());
        QCOMPARE(session.sessionIdentity()->name, QStringLiteral("Ada"));
        Slot<GitResult<GitIdentityCheck>> again;
        session.checkIdentity(again.callback());
        QVERIFY(again.wait());
        QCOMPARE((*again)->source, GitIdentityCheck::Source::Session);
        Slot<GitOperationResult> committed;
        session.commit(QStringLiteral("by Ada"), true, false, committed.callback());
        QVERIFY(committed.wait());
        QVERIFY2(committed->ok, qPrintable(committed->error.message));
        QCOMPARE(runGit(f->work, {QStringLiteral("log"), QStringLiteral("-1"),
                                  QStringLiteral("--format=%an <%ae>")}),
                 QStringLiteral("Ada <ada@example.org>"));
        bool configured = true;
        runGit(f->work,
               {QStringLiteral("config"), QStringLiteral("--local"), QStringLiteral("user.name")},
               &configured);
        QVERIFY(!configured);

        // Incomplete answers are refused; another repository forgets the session's identity.
        Slot<GitResult<GitDone>> empty;
        session.setIdentity({QStringLiteral("Ada"), QString()}, true, empty.callback());
        QVERIFY(empty.wait());
        QCOMPARE(empty->error().kind, GitErrorKind::IdentityMissing);
        session.setRepositoryPath(f->work);
        QVERIFY(!session.sessionIdentity());

        // Saved: in .git/config.
        Slot<GitResult<GitDone>> saved;
        session.setIdentity({QStringLiteral("Grace"), QStringLiteral("grace@example.org")}, true,
                            saved.callback());
        QVERIFY(saved.wait());
        QVERIFY(saved->ok());
        QVERIFY(!session.sessionIdentity());
        QCOMPARE(runGit(f->work, {QStringLiteral("config"), QStringLiteral("--local"),
                                  QStringLiteral("user.email")}),
                 QStringLiteral("grace@example.org"));
        Slot<GitResult<GitIdentityCheck>> fromConfig;
        session.checkIdentity(fromConfig.callback());
        QVERIFY(fromConfig.wait());
        QCOMPARE((*fromConfig)->source, GitIdentityCheck::Source::Config);
        QCOMPARE((*fromConfig)->identity.name, QStringLiteral("Grace"));
    }

    void commitPushHistoryRevert()
    {
        auto f = makeFixture();
        commitWithGit(f->work, QStringLiteral("a.yaml"), "a: 1\n", QStringLiteral("first"));
        writeFile(f->work + QStringLiteral("/a.yaml"), "a: 2\n");
        GitSession session;
        session.setRepositoryPath(f->work);
        QSignalSpy progress(&session, &GitSession::progress);

        Slot<GitOperationResult> committed;
        session.commit(QStringLiteral("Raise a"), true, true, committed.callback());
        QVERIFY(session.isBusy());
        QVERIFY(committed.wait());
        QVERIFY2(committed->ok, qPrintable(committed->error.message));
        QCOMPARE(committed->operation, GitOperationResult::Operation::Commit);
        QVERIFY(committed->pushed);
        QVERIFY(committed->push.upstreamSet);
        QCOMPARE(committed->branch.upstream, QStringLiteral("origin/main"));
        QCOMPARE(runGit(f->remote, {QStringLiteral("rev-parse"), QStringLiteral("main")}),
                 committed->commitId);
        QVERIFY(!progress.isEmpty());
        QTRY_VERIFY(!session.isBusy());

        // The history, newest first and cut at the limit.
        Slot<GitResult<GitHistory>> history;
        session.history(1, history.callback());
        QVERIFY(history.wait());
        QVERIFY(history->ok());
        QCOMPARE((*history)->commits.size(), 1);
        QVERIFY((*history)->truncated);
        QCOMPARE((*history)->commits.first().summary, QStringLiteral("Raise a"));
        QCOMPARE((*history)->headId, committed->commitId);
        QCOMPARE((*history)->branch, QStringLiteral("main"));
        Slot<GitResult<GitHistory>> whole;
        session.history(10, whole.callback());
        QVERIFY(whole.wait());
        QCOMPARE((*whole)->commits.size(), 2);
        QVERIFY(!(*whole)->truncated);

        Slot<GitResult<QString>> diff;
        session.commitDiff(committed->commitId, diff.callback());
        QVERIFY(diff.wait());
        QVERIFY2((*diff)->contains(QLatin1String("-a: 1")) &&
                     (*diff)->contains(QLatin1String("+a: 2")),
                 qPrintable(**diff));

        // Revert: a new commit puts the file back; nothing pushed.
        Slot<GitOperationResult> reverted;
        session.revert(committed->commitId, reverted.callback());
        QVERIFY(reverted.wait());
        QVERIFY2(reverted->ok, qPrintable(reverted->error.message));
        QCOMPARE(reverted->operation, GitOperationResult::Operation::Revert);
        QCOMPARE(reverted->revertedId, committed->commitId);
        QCOMPARE(runGit(f->work, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}),
                 reverted->commitId);
        QCOMPARE(readFile(f->work + QStringLiteral("/a.yaml")), QByteArray("a: 1\n"));
        QCOMPARE(reverted->branch.ahead, 1);

        // Push alone, then fetch: nothing ahead, nothing behind.
        Slot<GitOperationResult> pushed;
        session.push(pushed.callback());
        QVERIFY(pushed.wait());
        QVERIFY2(pushed->ok, qPrintable(pushed->error.message));
        QVERIFY(pushed->pushed);
        QCOMPARE(pushed->branch.ahead, 0);
        Slot<GitOperationResult> fetched;
        session.fetch(fetched.callback());
        QVERIFY(fetched.wait());
        QVERIFY(fetched->ok);
        QCOMPARE(fetched->operation, GitOperationResult::Operation::Fetch);
        QCOMPARE(fetched->branch.behind, 0);
    }

    void cancelStopsPush()
    {
        auto f = makeFixture();
        writeFile(f->work + QStringLiteral("/a.yaml"), "a: 1\n");
        GitSession session;
        session.setRepositoryPath(f->work);
        Slot<GitOperationResult> committed;
        // Queued behind a slow-ish commit; cancelled before it sends anything.
        session.commit(QStringLiteral("first"), true, false, committed.callback());
        Slot<GitOperationResult> pushed;
        session.push(pushed.callback());
        session.cancel();
        QVERIFY(committed.wait());
        QVERIFY(committed->ok);
        QVERIFY(pushed.wait());
        QVERIFY(!pushed->ok);
        QCOMPARE(pushed->error.kind, GitErrorKind::Cancelled);
        bool remoteHasMain = true;
        runGit(f->remote,
               {QStringLiteral("rev-parse"), QStringLiteral("--verify"), QStringLiteral("main")},
               &remoteHasMain);
        QVERIFY(!remoteHasMain);

        // Not cancelled: the next push goes through.
        Slot<GitOperationResult> again;
        session.push(again.callback());
        QVERIFY(again.wait());
        QVERIFY2(again->ok, qPrintable(again->error.message));
    }

    void cloneAndInit()
    {
        auto f = makeFixture();
        commitWithGit(f->work, QStringLiteral("a.yaml"), "a: 1\n", QStringLiteral("first"));
        runGit(f->work, {QStringLiteral("push"), QStringLiteral("-q"), QStringLiteral("-u"),
                         QStringLiteral("origin"), QStringLiteral("main")});

        GitSession session;
        const QString target = f->dir.filePath(QStringLiteral("cloned"));
        Slot<GitOperationResult> cloned;
        session.clone(f->remoteUrl, target, cloned.callback());
        QVERIFY(cloned.wait());
        QVERIFY2(cloned->ok, qPrintable(cloned->error.message));
        QCOMPARE(cloned->operation, GitOperationResult::Operation::Clone);
        QCOMPARE(cloned->path, target);
        QCOMPARE(cloned->branch.upstream, QStringLiteral("origin/main"));
        QCOMPARE(session.repositoryPath(), target);
        QCOMPARE(readFile(target + QStringLiteral("/a.yaml")), QByteArray("a: 1\n"));

        // Into a folder that is not empty: refused, the session stays where it was.
        Slot<GitOperationResult> again;
        session.clone(f->remoteUrl, f->work, again.callback());
        QVERIFY(again.wait());
        QVERIFY(!again->ok);
        QCOMPARE(session.repositoryPath(), target);

        const QString fresh = f->dir.filePath(QStringLiteral("fresh"));
        Slot<GitResult<GitDone>> initialised;
        session.init(fresh, initialised.callback());
        QVERIFY(initialised.wait());
        QVERIFY(initialised->ok());
        QCOMPARE(session.repositoryPath(), fresh);
        const GitResult<GitRepositoryState> state = refreshed(session);
        QVERIFY(state.ok());
        QVERIFY(state->branch.unborn);
        QCOMPARE(state->branch.branch, QStringLiteral("main"));
        Slot<GitResult<GitDone>> twice;
        session.init(fresh, twice.callback());
        QVERIFY(twice.wait());
        QVERIFY(!twice->ok());
    }
};

QTEST_GUILESS_MAIN(TestGitSession)

#include "tst_gitsession.moc"
