// Push over HTTP to git-http-backend behind lighttpd with basic auth, on 127.0.0.1: credentials
// from the prompter and from `git credential fill` (a store helper in the test's HOME).
#include "gittestsupport.h"

#include "git/gitcommit.h"
#include "git/gitremote.h"
#include "git/gitrepository.h"
#include "git/gitstatus.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

class TestGitHttp : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_home;
    QString m_repos;
    quint16 m_port = 0;
    TestHttpGitServer m_server;
    int m_counter = 0;

    QString credentialsFile() const { return m_home + QStringLiteral("/git-credentials"); }

    QString makeWork(QString *remotePath = nullptr)
    {
        const QString name = QStringLiteral("case%1").arg(++m_counter);
        const TestRemoteAndWork made = makeRemoteAndWork(
            m_repos, m_dir.path(), name,
            QStringLiteral("http://127.0.0.1:%1/git/%2.git").arg(m_port).arg(name));
        if (remotePath)
            *remotePath = made.remote;
        return made.work;
    }

    GitResult<GitPushResult> push(const QString &work, TestPrompter *prompter, bool useHelper)
    {
        GitResult<GitRepository> repo = GitRepository::open(work);
        GitTransfer transfer;
        GitCredentialSettings settings;
        settings.useGitCredentialHelper = useHelper;
        transfer.setSettings(settings);
        transfer.setPrompter(prompter);
        return gitPush(*repo, transfer);
    }

    void useStoreHelper(const QByteArray &password)
    {
        writeFile(m_home + QStringLiteral("/.gitconfig"),
                  "[credential]\n\thelper = store --file=" + credentialsFile().toUtf8() + '\n');
        writeFile(credentialsFile(),
                  "http://alice:" + password + "@127.0.0.1:" + QByteArray::number(m_port) + '\n');
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_home = m_dir.filePath(QStringLiteral("home"));
        QDir().mkpath(m_home);
        isolateHome(m_home);
        if (!TestHttpGitServer::isAvailable())
            QSKIP("lighttpd or git's http-backend is not installed");
        m_repos = m_dir.filePath(QStringLiteral("repos"));
        QDir().mkpath(m_repos);
        QString error;
        QVERIFY2(m_server.start(m_dir.filePath(QStringLiteral("server")), m_repos, "alice:s3cret\n",
                                &error),
                 qPrintable(error));
        m_port = m_server.port();
    }

    void cleanupTestCase() { m_server.stop(); }

    void cleanup()
    {
        QFile::remove(m_home + QStringLiteral("/.gitconfig"));
        QFile::remove(credentialsFile());
    }

    void pushWithPromptedCredentials()
    {
        QString remote;
        const QString work = makeWork(&remote);
        TestPrompter prompter;
        prompter.userPass = GitUserPass{QStringLiteral("alice"), QStringLiteral("s3cret")};
        const GitResult<GitPushResult> pushed = push(work, &prompter, false);
        QVERIFY2(pushed.ok(), qPrintable(pushed.error().message));
        QVERIFY(pushed->upstreamSet);
        QCOMPARE(prompter.userPassCalls.load(), 1);
        QCOMPARE(runGit(remote, {QStringLiteral("rev-parse"), QStringLiteral("main")}),
                 runGit(work, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}));
    }

    void wrongPromptedCredentialsFailOnce()
    {
        QString remote;
        const QString work = makeWork(&remote);
        TestPrompter prompter;
        prompter.userPass = GitUserPass{QStringLiteral("alice"), QStringLiteral("wrong")};
        const GitResult<GitPushResult> pushed = push(work, &prompter, false);
        QVERIFY(!pushed.ok());
        QCOMPARE(pushed.error().kind, GitErrorKind::AuthenticationFailed);
        QVERIFY2(pushed.error().message.contains(QLatin1String("refused")),
                 qPrintable(pushed.error().message));
        QVERIFY(!pushed.error().message.contains(QLatin1String("wrong"))); // no secret shown
        QCOMPARE(prompter.userPassCalls.load(), 1);                        // no endless retry
        // The commit stays.
        QVERIFY(!runGit(work, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}).isEmpty());
    }

    void promptCancelled()
    {
        const QString work = makeWork();
        TestPrompter prompter; // answers nothing: the user pressed Cancel
        const GitResult<GitPushResult> pushed = push(work, &prompter, false);
        QVERIFY(!pushed.ok());
        QCOMPARE(pushed.error().kind, GitErrorKind::Cancelled);
        QCOMPARE(prompter.userPassCalls.load(), 1);
    }

    void pushWithCredentialHelper()
    {
        useStoreHelper("s3cret");
        QString remote;
        const QString work = makeWork(&remote);
        TestPrompter prompter;
        const GitResult<GitPushResult> pushed = push(work, &prompter, true);
        QVERIFY2(pushed.ok(), qPrintable(pushed.error().message));
        QCOMPARE(prompter.userPassCalls.load(), 0);
        QCOMPARE(runGit(remote, {QStringLiteral("rev-parse"), QStringLiteral("main")}),
                 runGit(work, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}));
        // approve keeps the working entry.
        QVERIFY(readFile(credentialsFile()).contains("alice:s3cret@127.0.0.1"));
    }

    void wrongHelperCredentialsAreRejected()
    {
        useStoreHelper("stale");
        const QString work = makeWork();
        const GitResult<GitPushResult> pushed = push(work, nullptr, true);
        QVERIFY(!pushed.ok());
        QCOMPARE(pushed.error().kind, GitErrorKind::AuthenticationFailed);
        // `git credential reject` erased the stale entry from the store.
        QVERIFY(!readFile(credentialsFile()).contains("stale"));
    }

    void helperFailsThenPromptSucceeds()
    {
        useStoreHelper("stale");
        const QString work = makeWork();
        TestPrompter prompter;
        prompter.userPass = GitUserPass{QStringLiteral("alice"), QStringLiteral("s3cret")};
        const GitResult<GitPushResult> pushed = push(work, &prompter, true);
        QVERIFY2(pushed.ok(), qPrintable(pushed.error().message));
        QCOMPARE(prompter.userPassCalls.load(), 1);
        QVERIFY(!readFile(credentialsFile()).contains("stale"));
    }
    void rejectedByHookShowsRemoteMessage()
    {
        QString remote;
        const QString work = makeWork(&remote);
        const QString hook = remote + QStringLiteral("/hooks/pre-receive");
        writeFile(hook, "#!/bin/sh\necho 'main is protected: open a merge request' >&2\nexit 1\n");
        QFile::setPermissions(hook, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        TestPrompter prompter;
        prompter.userPass = GitUserPass{QStringLiteral("alice"), QStringLiteral("s3cret")};
        const GitResult<GitPushResult> pushed = push(work, &prompter, false);
        QVERIFY(!pushed.ok());
        QCOMPARE(pushed.error().kind, GitErrorKind::Rejected);
        QVERIFY2(pushed.error().message.contains(
                     QLatin1String("main is protected: open a merge request")),
                 qPrintable(pushed.error().message));
        QVERIFY(pushed.error().message.contains(QLatin1String("refs/heads/main")));
        QVERIFY(!hasBranchMain(remote));
        // The commit stays, and no upstream is recorded for a push that did not happen.
        GitResult<GitRepository> repo = GitRepository::open(work);
        QVERIFY(repo->branchInfo()->upstream.isEmpty());
        QVERIFY(!runGit(work, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestGitHttp)
#include "tst_githttp.moc"
