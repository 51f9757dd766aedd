// The system keychain for real: the test starts its own D-Bus session bus and GNOME Keyring's
// Secret Service (HOME and XDG folders in a temporary folder), then drives GitKeychainStore
// (QtKeychain + libsecret), pushes over HTTP to git-http-backend behind lighttpd with basic auth,
// and fluxdesk-cli reading what the window kept.
#include "gittestsupport.h"

#include "git/gitcommit.h"
#include "git/gitkeychainstore.h"
#include "git/gitremote.h"
#include "git/gitrepository.h"
#include "git/gitsession.h"
#include "git/gitstatus.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

#include <signal.h>
#include <sys/types.h>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

const QString Token = QStringLiteral("tok-7f3a9c2e51d84b06");
const QString Stale = QStringLiteral("tok-stale-0a1b2c3d");

pid_t g_busPid = 0;

void stopBus()
{
    if (g_busPid > 0)
        ::kill(g_busPid, SIGTERM);
    g_busPid = 0;
}

void stopProcess(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished(5000);
    }
}

} // namespace

class TestGitKeychain : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_home;
    QString m_runtime;
    QString m_repos;
    TestHttpGitServer m_server;
    QProcess m_keyring;
    std::unique_ptr<GitKeychainStore> m_store;
    int m_counter = 0;

    QString serverUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.port()); }

    // A session bus of our own with the policy of D-Bus's session.conf but without service
    // activation: only the keyring started below can answer, never one D-Bus would launch (with a
    // locked keyring and a prompt).
    bool startBus(QString *error)
    {
        const QString config = m_dir.filePath(QStringLiteral("bus.conf"));
        writeFile(config, QStringLiteral(
                              "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus "
                              "Configuration 1.0//EN\" "
                              "\"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                              "<busconfig><type>session</type><listen>unix:path=%1/bus</listen>"
                              "<policy context=\"default\"><allow send_destination=\"*\" "
                              "eavesdrop=\"true\"/><allow eavesdrop=\"true\"/>"
                              "<allow own=\"*\"/></policy></busconfig>\n")
                              .arg(m_runtime)
                              .toUtf8());
        QProcess bus;
        bus.start(QStringLiteral("dbus-daemon"),
                  {QStringLiteral("--config-file=") + config, QStringLiteral("--fork"),
                   QStringLiteral("--print-address=1"), QStringLiteral("--print-pid=1")});
        bus.waitForFinished(10000);
        QByteArray address;
        const QList<QByteArray> lines = bus.readAllStandardOutput().split('\n');
        for (const QByteArray &line : lines) {
            if (line.startsWith("unix:"))
                address = line.trimmed();
            else if (line.trimmed().toInt() > 0)
                g_busPid = line.trimmed().toInt();
        }
        if (address.isEmpty() || g_busPid <= 0) {
            *error = QStringLiteral("dbus-daemon did not start: ") +
                     QString::fromUtf8(bus.readAllStandardError());
            return false;
        }
        // Stopped after everything else: post routines run in the reverse order of their
        // registration, so after the keychain thread's (registered at its first use). GLib ends
        // the process (SIGTERM) when the session bus goes away under a running main context.
        qAddPostRoutine(stopBus);
        // Before any D-Bus use in this process: libsecret and QtDBus read it once.
        qputenv("DBUS_SESSION_BUS_ADDRESS", address);
        return true;
    }

    bool secretServiceOnBus()
    {
        QString reply;
        runProgram(QStringLiteral("dbus-send"),
                   {QStringLiteral("--session"), QStringLiteral("--print-reply"),
                    QStringLiteral("--dest=org.freedesktop.DBus"),
                    QStringLiteral("/org/freedesktop/DBus"),
                    QStringLiteral("org.freedesktop.DBus.NameHasOwner"),
                    QStringLiteral("string:org.freedesktop.secrets")},
                   &reply);
        return reply.contains(QLatin1String("boolean true"));
    }

    // gnome-keyring-daemon with only the Secret Service; --unlock reads the login keyring's
    // password from stdin and creates that keyring (encrypted, in XDG_DATA_HOME/keyrings).
    bool startKeyring(QString *error)
    {
        m_keyring.setProcessChannelMode(QProcess::MergedChannels);
        m_keyring.start(QStringLiteral("gnome-keyring-daemon"),
                        {QStringLiteral("--foreground"), QStringLiteral("--unlock"),
                         QStringLiteral("--components=secrets")});
        if (!m_keyring.waitForStarted(10000)) {
            *error = QStringLiteral("gnome-keyring-daemon did not start");
            return false;
        }
        m_keyring.write("login-keyring-password");
        m_keyring.closeWriteChannel();
        QDeadlineTimer deadline(15000);
        while (!deadline.hasExpired() && m_keyring.state() != QProcess::NotRunning) {
            if (secretServiceOnBus())
                return true;
            QTest::qWait(100);
        }
        *error = QStringLiteral("gnome-keyring-daemon did not offer the Secret Service: ") +
                 QString::fromUtf8(m_keyring.readAll());
        return false;
    }

    QString makeWork(QString *remotePath = nullptr)
    {
        const QString name = QStringLiteral("case%1").arg(++m_counter);
        const TestRemoteAndWork made = makeRemoteAndWork(
            m_repos, m_dir.path(), name, m_server.urlFor(name + QStringLiteral(".git")));
        if (remotePath)
            *remotePath = made.remote;
        return made.work;
    }

    static void addCommit(const QString &work, const QString &file)
    {
        GitResult<GitRepository> repo = GitRepository::open(work);
        writeFile(work + QLatin1Char('/') + file, "a: 1\n");
        stageAll(*repo);
        commitIndex(*repo, QStringLiteral("add ") + file);
    }

    GitResult<GitPushResult> push(const QString &work, TestPrompter *prompter,
                                  QString *warning = nullptr, bool useHelper = false)
    {
        GitResult<GitRepository> repo = GitRepository::open(work);
        GitTransfer transfer;
        GitCredentialSettings settings;
        settings.useGitCredentialHelper = useHelper;
        transfer.setSettings(settings);
        transfer.setPrompter(prompter);
        transfer.setSecretStore(m_store.get());
        GitResult<GitPushResult> pushed = gitPush(*repo, transfer);
        if (warning)
            *warning = transfer.secretStoreWarning();
        return pushed;
    }

    static bool samePush(const QString &work, const QString &remote)
    {
        return runGit(remote, {QStringLiteral("rev-parse"), QStringLiteral("main")}) ==
               runGit(work, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
    }

    bool storeEntry(const QString &password)
    {
        return m_store->store(serverUrl(), GitUserPass{QStringLiteral("alice"), password}).ok();
    }

    QString storedPassword()
    {
        const std::optional<GitUserPass> found = m_store->find(serverUrl());
        return found ? found->password : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        for (const char *program : {"dbus-daemon", "dbus-send", "gnome-keyring-daemon"}) {
            if (QStandardPaths::findExecutable(QLatin1String(program)).isEmpty())
                QSKIP(qPrintable(QStringLiteral("%1 is not installed (scripts/setup-deps.sh "
                                                "test installs it)")
                                     .arg(QLatin1String(program))));
        }
        if (!TestHttpGitServer::isAvailable())
            QSKIP("lighttpd or git's http-backend is not installed");

        m_home = m_dir.filePath(QStringLiteral("home"));
        m_runtime = m_dir.filePath(QStringLiteral("run"));
        QDir().mkpath(m_home);
        QDir().mkpath(m_runtime);
        QFile::setPermissions(m_runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        isolateHome(m_home);
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_home + QStringLiteral("/.local/share")));
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime));
        // QtKeychain picks KWallet on a KDE desktop; no prompt may reach the developer's screen.
        for (const char *name :
             {"XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION", "KDE_SESSION_VERSION",
              "GNOME_DESKTOP_SESSION_ID", "GNOME_KEYRING_CONTROL", "DISPLAY", "WAYLAND_DISPLAY"})
            qunsetenv(name);

        QString error;
        QVERIFY2(startBus(&error), qPrintable(error));
        QVERIFY2(startKeyring(&error), qPrintable(error));
        m_store = std::make_unique<GitKeychainStore>();
        m_store->setTimeout(20000); // a hang fails here, not at ctest's timeout

        m_repos = m_dir.filePath(QStringLiteral("repos"));
        QDir().mkpath(m_repos);
        QVERIFY2(m_server.start(m_dir.filePath(QStringLiteral("server")), m_repos,
                                "alice:" + Token.toUtf8() + '\n', &error),
                 qPrintable(error));
    }

    void cleanupTestCase()
    {
        m_server.stop();
        stopProcess(m_keyring);
    }

    void cleanup()
    {
        if (m_store && m_keyring.state() == QProcess::Running)
            QVERIFY(m_store->erase(serverUrl()).ok());
        QFile::remove(m_home + QStringLiteral("/.gitconfig"));
        QFile::remove(m_home + QStringLiteral("/git-credentials"));
    }

    void storeFindEraseRoundTrip()
    {
        const QString url = QStringLiteral("https://Git.Example.org/team/flux.git");
        QVERIFY(!m_store->find(url));
        const GitResult<GitDone> stored =
            m_store->store(url, GitUserPass{QStringLiteral("alice"), Token});
        QVERIFY2(stored.ok(), qPrintable(stored.error().message));

        // Keyed by scheme, host and port: another repository on the host finds it.
        const std::optional<GitUserPass> found =
            m_store->find(QStringLiteral("https://git.example.org/other.git"));
        QVERIFY(found);
        QCOMPARE(found->username, QStringLiteral("alice"));
        QCOMPARE(found->password, Token);
        QVERIFY(!found->remember);
        QVERIFY(!m_store->find(QStringLiteral("https://git.example.org:8443/team/flux.git")));
        QVERIFY(!m_store->find(QStringLiteral("http://git.example.org/team/flux.git")));
        QVERIFY(!m_store->find(QStringLiteral("https://example.org/team/flux.git")));
        // A URL naming a user has its own entry.
        QVERIFY(!m_store->find(QStringLiteral("https://bob@git.example.org/team/flux.git")));
        QVERIFY(m_store
                    ->store(QStringLiteral("https://bob@git.example.org/x.git"),
                            GitUserPass{QStringLiteral("bob"), Stale})
                    .ok());
        QCOMPARE(m_store->find(QStringLiteral("https://bob@git.example.org/y.git"))->password,
                 Stale);
        QCOMPARE(m_store->find(url)->password, Token);

        // In the keychain, not in the object; and callable from a worker thread.
        GitKeychainStore other;
        std::optional<GitUserPass> fromThread;
        QThread *thread = QThread::create([&] { fromThread = other.find(url); });
        thread->start();
        QVERIFY(thread->wait(30000));
        delete thread;
        QVERIFY(fromThread);
        QCOMPARE(fromThread->password, Token);
        QVERIFY(!GitKeychainStore(QStringLiteral("Another app")).find(url));

        QVERIFY(m_store->erase(url).ok());
        QVERIFY(!m_store->find(url));
        QVERIFY(m_store->erase(url).ok()); // nothing left to erase is no error
        QVERIFY(m_store->find(QStringLiteral("https://bob@git.example.org/x.git")));
        QVERIFY(m_store->erase(QStringLiteral("https://bob@git.example.org/x.git")).ok());
        QVERIFY(!m_store->find(QStringLiteral("https://bob@git.example.org/x.git")));
    }

    void rememberedTokenIsUsedWithoutAsking()
    {
        QString remote;
        const QString work = makeWork(&remote);
        TestPrompter prompter;
        prompter.userPass = GitUserPass{QStringLiteral("alice"), Token, true};
        QString warning;
        const GitResult<GitPushResult> pushed = push(work, &prompter, &warning);
        QVERIFY2(pushed.ok(), qPrintable(pushed.error().message));
        QCOMPARE(prompter.userPassCalls.load(), 1);
        QVERIFY2(warning.isEmpty(), qPrintable(warning));
        QCOMPARE(storedPassword(), Token);

        // A fresh transfer, as the window's session makes for every operation, on a pool thread.
        addCommit(work, QStringLiteral("b.yaml"));
        TestPrompter nobody;
        GitSession session;
        session.setRepositoryPath(work);
        session.setPrompter(&nobody);
        session.setSecretStore(m_store.get());
        std::optional<GitOperationResult> result;
        session.push([&result](const GitOperationResult &r) { result = r; });
        QVERIFY(QTest::qWaitFor([&result] { return result.has_value(); }, 60000));
        QVERIFY2(result->ok, qPrintable(result->error.message));
        QVERIFY(result->warning.isEmpty());
        QCOMPARE(nobody.userPassCalls.load(), 0);
        QVERIFY(samePush(work, remote));
    }

    void refusedEntryIsErasedAndAskedAgain()
    {
        QVERIFY(storeEntry(Stale));
        QString remote;
        const QString work = makeWork(&remote);
        TestPrompter prompter;
        prompter.userPass = GitUserPass{QStringLiteral("alice"), Token, false};
        const GitResult<GitPushResult> pushed = push(work, &prompter);
        QVERIFY2(pushed.ok(), qPrintable(pushed.error().message));
        QCOMPARE(prompter.userPassCalls.load(), 1);
        QVERIFY(samePush(work, remote));
        QVERIFY(!m_store->find(serverUrl())); // erased, and the answer was not to be kept

        // Asked to remember this time: the refused entry is replaced by the one that worked.
        QVERIFY(storeEntry(Stale));
        addCommit(work, QStringLiteral("b.yaml"));
        prompter.userPass->remember = true;
        const GitResult<GitPushResult> again = push(work, &prompter);
        QVERIFY2(again.ok(), qPrintable(again.error().message));
        QCOMPARE(prompter.userPassCalls.load(), 2);
        QCOMPARE(storedPassword(), Token);
    }

    void refusedEntryWithNobodyToAskIsErased()
    {
        QVERIFY(storeEntry(Stale));
        const QString work = makeWork();
        const GitResult<GitPushResult> pushed = push(work, nullptr);
        QVERIFY(!pushed.ok());
        QCOMPARE(pushed.error().kind, GitErrorKind::AuthenticationFailed);
        QVERIFY(!pushed.error().message.contains(Stale));
        QVERIFY(!m_store->find(serverUrl()));
    }

    void notRememberedStoresNothing()
    {
        QString remote;
        const QString work = makeWork(&remote);
        TestPrompter prompter;
        prompter.userPass = GitUserPass{QStringLiteral("alice"), Token, false};
        const GitResult<GitPushResult> pushed = push(work, &prompter);
        QVERIFY2(pushed.ok(), qPrintable(pushed.error().message));
        QVERIFY(samePush(work, remote));
        QVERIFY(!m_store->find(serverUrl()));
    }

    void refusedAnswerIsNotRemembered()
    {
        const QString work = makeWork();
        TestPrompter prompter;
        prompter.userPass = GitUserPass{QStringLiteral("alice"), Stale, true};
        const GitResult<GitPushResult> pushed = push(work, &prompter);
        QVERIFY(!pushed.ok());
        QCOMPARE(pushed.error().kind, GitErrorKind::AuthenticationFailed);
        QCOMPARE(prompter.userPassCalls.load(), 1);
        QVERIFY(!m_store->find(serverUrl()));
    }

    void credentialHelperComesFirst()
    {
        const QString credentials = m_home + QStringLiteral("/git-credentials");
        writeFile(m_home + QStringLiteral("/.gitconfig"),
                  "[credential]\n\thelper = store --file=" + credentials.toUtf8() + '\n');
        writeFile(credentials, serverUrl()
                                       .replace(QLatin1String("://"), QLatin1String("://alice:") +
                                                                          Token + QLatin1Char('@'))
                                       .toUtf8() +
                                   '\n');
        QVERIFY(storeEntry(Stale));
        const QString work = makeWork();
        TestPrompter prompter;
        const GitResult<GitPushResult> pushed = push(work, &prompter, nullptr, true);
        QVERIFY2(pushed.ok(), qPrintable(pushed.error().message));
        QCOMPARE(prompter.userPassCalls.load(), 0);
        QCOMPARE(storedPassword(), Stale); // never asked, so not found refused either
    }

    void cliReadsTheKeychainButNeverChangesIt()
    {
        QVERIFY(storeEntry(Token));
        QString remote;
        const QString work = makeWork(&remote);
        addCommit(work, QStringLiteral("c.yaml"));
        writeFile(work + QStringLiteral("/d.yaml"), "d: 1\n");
        QProcess cli;
        cli.start(QStringLiteral(FLUXDESK_CLI_PATH),
                  {QStringLiteral("commit"), QStringLiteral("--repo"), work, QStringLiteral("-m"),
                   QStringLiteral("add d"), QStringLiteral("--push")});
        QVERIFY(cli.waitForFinished(60000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        QVERIFY(samePush(work, remote));

        // A refused entry stays for the window to replace (the CLI cannot ask for another).
        QVERIFY(storeEntry(Stale));
        writeFile(work + QStringLiteral("/e.yaml"), "e: 1\n");
        cli.start(QStringLiteral(FLUXDESK_CLI_PATH),
                  {QStringLiteral("commit"), QStringLiteral("--repo"), work, QStringLiteral("-m"),
                   QStringLiteral("add e"), QStringLiteral("--push")});
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 2);
        const QByteArray err = cli.readAllStandardError();
        QVERIFY2(err.contains("authentication"), err.constData());
        QVERIFY(!err.contains(Stale.toUtf8()));
        QCOMPARE(storedPassword(), Stale);
    }

    void tokenNeverInPlainText()
    {
        QVERIFY(storeEntry(Token));
        QVERIFY(QFile::exists(m_home + QStringLiteral("/.local/share/keyrings/login.keyring")));
        const QByteArray plain = Token.toUtf8();
        int files = 0;
        for (const QString &root : {m_home, m_runtime}) {
            QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                const QByteArray content = readFile(path);
                ++files;
                QVERIFY2(!content.contains(plain) && !content.contains(plain.toBase64()) &&
                             !content.contains(plain.toHex()),
                         qPrintable(path));
            }
        }
        QVERIFY(files > 0);
    }

    // Last: stops the keyring.
    void storeFailureIsReportedNotFatal()
    {
        stopProcess(m_keyring);
        QVERIFY(!m_store->store(serverUrl(), GitUserPass{QStringLiteral("alice"), Token}).ok());
        QString remote;
        const QString work = makeWork(&remote);
        TestPrompter prompter;
        prompter.userPass = GitUserPass{QStringLiteral("alice"), Token, true};
        QString warning;
        const GitResult<GitPushResult> pushed = push(work, &prompter, &warning);
        QVERIFY2(pushed.ok(), qPrintable(pushed.error().message));
        QVERIFY(samePush(work, remote));
        QCOMPARE(prompter.userPassCalls.load(), 1);
        QVERIFY2(warning.contains(QLatin1String("not remembered")), qPrintable(warning));
        QVERIFY(!warning.contains(Token));
    }
};

QTEST_GUILESS_MAIN(TestGitKeychain)
#include "tst_gitkeychain.moc"
