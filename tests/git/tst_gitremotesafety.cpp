// Hostile remote URLs (issue 17): the text for `git credential` built from a URL's decoded parts
// refuses line breaks and NULs (CVE-2020-5260) before any helper runs, a remote's pushurl is the
// URL whose credentials are used, and a URL's password or token never reaches a message or the
// push result. Pure functions first, then pushes over HTTP to git-http-backend behind lighttpd
// with a real credential helper: a shell script set as credential.helper that logs its stdin.
#include "gittestsupport.h"

#include "git/gitcredentials.h"
#include "git/gitremote.h"
#include "git/gitrepository.h"
#include "git/giturl.h"
#include "git/knownhosts.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

const QString Token = QStringLiteral("ghp_R3allySecretT0kenValue1234567890ab");

} // namespace

class TestGitRemoteSafety : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_home;
    QString m_repos;
    quint16 m_port = 0;
    TestHttpGitServer m_server;
    int m_counter = 0;

    QString helperLog() const { return m_dir.filePath(QStringLiteral("helper.log")); }

    // A credential helper that logs what git asks it (every action) and answers "get" with
    // alice's password.
    void useLoggingHelper()
    {
        const QString script = m_dir.filePath(QStringLiteral("helper.sh"));
        writeFile(script, "#!/bin/sh\n"
                          "{ echo \"action=$1\"; cat; } >> '" +
                              helperLog().toUtf8() +
                              "'\n"
                              "if [ \"$1\" = get ]; then\n"
                              "  echo username=alice\n"
                              "  echo password=s3cret\n"
                              "fi\n");
        QFile::setPermissions(script, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        writeFile(m_home + QStringLiteral("/.gitconfig"),
                  "[credential]\n\thelper = " + script.toUtf8() + '\n');
    }

    QString makeWork(const QString &originUrl, QString *remotePath = nullptr,
                     QString *name = nullptr)
    {
        const QString caseName = QStringLiteral("case%1").arg(++m_counter);
        const QString url = QString(originUrl).replace(QLatin1String("NAME"), caseName);
        const TestRemoteAndWork made = makeRemoteAndWork(m_repos, m_dir.path(), caseName, url);
        if (remotePath)
            *remotePath = made.remote;
        if (name)
            *name = caseName;
        return made.work;
    }

    QString serverUrl(const QString &userInfo = {}) const
    {
        const QString prefix = userInfo.isEmpty() ? QString() : userInfo + QLatin1Char('@');
        return QStringLiteral("http://") + prefix +
               QStringLiteral("127.0.0.1:%1/git/NAME.git").arg(m_port);
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

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_home = m_dir.filePath(QStringLiteral("home"));
        QDir().mkpath(m_home);
        isolateHome(m_home);
        m_repos = m_dir.filePath(QStringLiteral("repos"));
        QDir().mkpath(m_repos);
        // The pure tests run without it; the pushes skip (m_port 0).
        if (TestHttpGitServer::isAvailable()) {
            QString error;
            QVERIFY2(m_server.start(m_dir.filePath(QStringLiteral("server")), m_repos,
                                    "alice:s3cret\n", &error),
                     qPrintable(error));
            m_port = m_server.port();
        }
    }

    void cleanupTestCase() { m_server.stop(); }

    void cleanup()
    {
        QFile::remove(m_home + QStringLiteral("/.gitconfig"));
        QFile::remove(helperLog());
    }

    // --- the credential request text (pure) ---

    void requestText_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QByteArray>("expected");
        QTest::addRow("https") << "https://git.example.org/team/repo.git"
                               << QByteArray("protocol=https\nhost=git.example.org\n"
                                             "path=team/repo.git\n\n");
        QTest::addRow("port and user")
            << "http://alice@127.0.0.1:8080/git/a.git"
            << QByteArray("protocol=http\nhost=127.0.0.1:8080\npath=git/a.git\nusername=alice\n\n");
        QTest::addRow("password") << "https://alice:pa%20ss@example.org/"
                                  << QByteArray("protocol=https\nhost=example.org\n"
                                                "username=alice\npassword=pa ss\n\n");
        QTest::addRow("encoded but harmless")
            << "https://example.org/a%2Fb%3Dc"
            << QByteArray("protocol=https\nhost=example.org\npath=a/b=c\n\n");
    }
    void requestText()
    {
        QFETCH(QString, url);
        QFETCH(QByteArray, expected);
        const Result<QByteArray> text = credentialRequestText(QUrl(url));
        QVERIFY2(text.ok(), qPrintable(text.error().message));
        QCOMPARE(*text, expected);
    }

    void requestTextRefusesInjection_data()
    {
        QTest::addColumn<QUrl>("url");
        QTest::addColumn<QString>("field");
        QTest::addRow("LF in path")
            << QUrl(QStringLiteral("https://git.example.org/repo%0Ahost=injected.invalid%0A.git"))
            << QStringLiteral("path");
        QTest::addRow("CR in path")
            << QUrl(QStringLiteral("https://example.org/a%0Dhost=x")) << QStringLiteral("path");
        QTest::addRow("NUL in path")
            << QUrl(QStringLiteral("https://example.org/a%00b")) << QStringLiteral("path");
        QTest::addRow("LF in user")
            << QUrl(QStringLiteral("https://al%0Ahost=injected.invalid@example.org/r.git"))
            << QStringLiteral("username");
        QUrl password(QStringLiteral("https://alice@example.org/r.git"));
        password.setPassword(QStringLiteral("s3cret\nhost=injected.invalid"), QUrl::DecodedMode);
        QTest::addRow("LF in password") << password << QStringLiteral("password");
        QUrl host(QStringLiteral("https://example.org/r.git"));
        host.setHost(QStringLiteral("example.org\nhost=injected.invalid"), QUrl::DecodedMode);
        QTest::addRow("LF in host") << host << QString();
        QTest::addRow("no host") << QUrl(QStringLiteral("https:///r.git")) << QString();
        QTest::addRow("no protocol") << QUrl(QStringLiteral("//example.org/r.git")) << QString();
        // Found by fuzz_gitcredentials: the refusal of a URL without a protocol showed its
        // password.
        QTest::addRow("no protocol, password")
            << QUrl(QStringLiteral("//user:s3cretpass@/x")) << QString();
        // Found by fuzz_gitcredentials: QUrl shows an invalid URL as "", so the message changed
        // with the password (and named no URL at all).
        QTest::addRow("invalid host, password")
            << QUrl(QStringLiteral("http://user:s3cret%3@A[:ss:1]:3000/a%20b/c.git"),
                    QUrl::TolerantMode)
            << QString();
    }
    void requestTextRefusesInjection()
    {
        QFETCH(QUrl, url);
        QFETCH(QString, field);
        const Result<QByteArray> text = credentialRequestText(url);
        QVERIFY2(!text.ok(), text.ok() ? text->constData() : "");
        const QString message = text.error().message;
        if (!field.isEmpty())
            QVERIFY2(message.contains(QStringLiteral("the %1 of").arg(field)), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1String("s3cret")), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("git remote set-url")), qPrintable(message));
        // The message does not depend on the password (unless the password is what is refused),
        // and names the URL.
        if (!url.password().isEmpty() && field != QLatin1String("password")) {
            QUrl other = url;
            other.setPassword(QStringLiteral("xxxxxx"), QUrl::DecodedMode);
            const Result<QByteArray> otherText = credentialRequestText(other);
            QVERIFY(!otherText.ok());
            QCOMPARE(otherText.error().message, message);
        }
        QVERIFY2(message.contains(QLatin1String("/")), qPrintable(message));
    }

    // --- what of a URL may be shown (pure) ---

    void displayUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected");
        QTest::addRow("plain") << "https://git.example.org/a.git"
                               << "https://git.example.org/a.git";
        QTest::addRow("user kept") << "https://alice@git.example.org/a.git"
                                   << "https://alice@git.example.org/a.git";
        QTest::addRow("password") << "https://alice:s3cret@git.example.org/a.git"
                                  << "https://alice@git.example.org/a.git";
        QTest::addRow("token as user") << QStringLiteral("https://%1@github.com/o/r.git").arg(Token)
                                       << "https://github.com/o/r.git";
        QTest::addRow("token as password")
            << QStringLiteral("https://x-access-token:%1@github.com/o/r.git").arg(Token)
            << "https://x-access-token@github.com/o/r.git";
        QTest::addRow("gitlab token") << "https://oauth2:glpat-abcDEF123@gitlab.com/o/r.git"
                                      << "https://oauth2@gitlab.com/o/r.git";
        QTest::addRow("gitlab token as user") << "https://glpat-abcDEF123@gitlab.com/o/r.git"
                                              << "https://gitlab.com/o/r.git";
        QTest::addRow("long random user") << "https://a1b2c3d4e5f6a7b8c9d0e1f2@host/r"
                                          << "https://host/r";
        QTest::addRow("empty user, password") << "https://:tok@host/r"
                                              << "https://host/r";
        QTest::addRow("@ in path") << "https://host/o/r@v1.git"
                                   << "https://host/o/r@v1.git";
        QTest::addRow("ssh") << "ssh://git@host:2222/o/r.git"
                             << "ssh://git@host:2222/o/r.git";
        QTest::addRow("scp-like") << "git@github.com:o/r.git"
                                  << "git@github.com:o/r.git";
        QTest::addRow("scheme-relative") << "//user:s3cret@host/r"
                                         << "//user@host/r";
        QTest::addRow("control characters") << "https://host/a\nb"
                                            << "https://host/a%0Ab";
    }
    void displayUrl()
    {
        QFETCH(QString, url);
        QFETCH(QString, expected);
        QCOMPARE(Fluxdesk::displayUrl(url), expected);
    }

    void redactedMessages()
    {
        const QString url = QStringLiteral("https://x:%1@github.com/o/r.git").arg(Token);
        const QString text =
            QStringLiteral("cannot reach %1 (token %2, %3)")
                .arg(url, Token,
                     QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("p@ss:w/rd"))));
        const QString redacted = redactUrlSecrets(text, url);
        QVERIFY2(!redacted.contains(Token), qPrintable(redacted));
        QVERIFY2(redacted.contains(QLatin1String("https://x@github.com/o/r.git")),
                 qPrintable(redacted));
        const QString encoded = QStringLiteral("https://u:p%40ss%3Aw%2Frd@host/r");
        const QString both =
            redactUrlSecrets(QStringLiteral("a p%40ss%3Aw%2Frd b p@ss:w/rd c"), encoded);
        QCOMPARE(both, QStringLiteral("a *** b *** c"));
    }

    // --- known_hosts: a host known with other key types only (pure) ---

    void knownWithOtherKeyTypes()
    {
        const QString rsa = m_dir.filePath(QStringLiteral("kh/rsa"));
        const QString ed = m_dir.filePath(QStringLiteral("kh/ed"));
        QDir().mkpath(m_dir.filePath(QStringLiteral("kh")));
        QVERIFY(runProgram(QStringLiteral("ssh-keygen"),
                           {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("rsa"),
                            QStringLiteral("-b"), QStringLiteral("2048"), QStringLiteral("-N"),
                            QString(), QStringLiteral("-f"), rsa}));
        QVERIFY(generateSshKey(ed));
        const KnownHosts hosts =
            KnownHosts::parse(QStringLiteral("example.org %1\n")
                                  .arg(publicKeyLine(rsa + QStringLiteral(".pub")))
                                  .toUtf8());
        const QByteArray edBlob = publicKeyBlob(ed + QStringLiteral(".pub"));
        QCOMPARE(hosts.checkKey(QStringLiteral("example.org"), 22, edBlob),
                 KnownHosts::Match::OtherKeyType);
        QCOMPARE(hosts.keyTypesFor(QStringLiteral("example.org"), 22),
                 QStringList{QStringLiteral("ssh-rsa")});
        // Another host stays unknown, and the rsa key itself is known.
        QCOMPARE(hosts.checkKey(QStringLiteral("example.net"), 22, edBlob),
                 KnownHosts::Match::Unknown);
        QCOMPARE(hosts.checkKey(QStringLiteral("example.org"), 22,
                                publicKeyBlob(rsa + QStringLiteral(".pub"))),
                 KnownHosts::Match::Known);
    }

    // --- pushes over HTTP with a real credential helper ---

    void injectedHostNeverReachesHelper_data()
    {
        QTest::addColumn<QString>("userInfo");
        QTest::addColumn<QString>("pathSuffix");
        QTest::addColumn<QString>("field");
        QTest::addRow("path") << QString() << QStringLiteral("%0Ahost=injected.invalid%0A")
                              << QStringLiteral("path");
        QTest::addRow("user") << QStringLiteral("alice%0Ahost=injected.invalid") << QString()
                              << QStringLiteral("username");
        QTest::addRow("carriage return")
            << QString() << QStringLiteral("%0Dhost=injected.invalid%0D") << QStringLiteral("path");
    }
    void injectedHostNeverReachesHelper()
    {
        QFETCH(QString, userInfo);
        QFETCH(QString, pathSuffix);
        QFETCH(QString, field);
        if (m_port == 0)
            QSKIP("lighttpd or git's http-backend is not installed");
        useLoggingHelper();
        QString remote;
        const QString work = makeWork(serverUrl(userInfo) + pathSuffix, &remote);
        TestPrompter prompter;
        prompter.userPass = GitUserPass{QStringLiteral("alice"), QStringLiteral("s3cret")};
        const GitResult<GitPushResult> pushed = push(work, &prompter, true);
        // No helper ran at all (it would have been asked for host=injected.invalid), nobody was
        // asked, nothing was sent.
        QVERIFY2(!QFile::exists(helperLog()), readFile(helperLog()).constData());
        QCOMPARE(prompter.userPassCalls.load(), 0);
        QVERIFY(!hasBranchMain(remote));
        QVERIFY(!pushed.ok());
        const QString message = pushed.error().message;
        QVERIFY2(message.contains(QStringLiteral("the %1 of the remote URL").arg(field)),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("127.0.0.1:%1").arg(m_port)), qPrintable(message));
    }

    void pushUrlCredentialsAreForThePushHost()
    {
        if (m_port == 0)
            QSKIP("lighttpd or git's http-backend is not installed");
        useLoggingHelper();
        QString remote;
        QString name;
        const QString work =
            makeWork(QStringLiteral("http://fetch-host.invalid/git/NAME.git"), &remote, &name);
        bool ok = false;
        runGit(work,
               {QStringLiteral("config"), QStringLiteral("remote.origin.pushurl"),
                QString(serverUrl()).replace(QLatin1String("NAME"), name)},
               &ok);
        QVERIFY(ok);
        const GitResult<GitPushResult> pushed = push(work, nullptr, true);
        QVERIFY2(pushed.ok(), qPrintable(pushed.error().message));
        QVERIFY(hasBranchMain(remote));
        QCOMPARE(pushed->remoteUrl,
                 QStringLiteral("http://127.0.0.1:%1/git/%2.git").arg(m_port).arg(name));
        // The helper was asked for the push host (get, then approve) and never for the fetch host.
        const QByteArray log = readFile(helperLog());
        const QByteArray pushHost = "host=127.0.0.1:" + QByteArray::number(m_port);
        QVERIFY2(log.contains(QByteArray(QByteArray("action=get\nprotocol=http\n") + pushHost)),
                 log.constData());
        QVERIFY2(log.contains("action=store\n"), log.constData());
        QVERIFY2(!log.contains("fetch-host.invalid"), log.constData());
        QCOMPARE(log.count("host="), log.count(pushHost));
    }

    void tokenInUrlNeverShown()
    {
        if (m_port == 0)
            QSKIP("lighttpd or git's http-backend is not installed");
        // Accepted from the URL: the push result names the remote without the password.
        const QString work = makeWork(serverUrl(QStringLiteral("alice:s3cret")));
        GitResult<GitPushResult> pushed = push(work, nullptr, false);
        QVERIFY2(pushed.ok(), qPrintable(pushed.error().message));
        QVERIFY2(!pushed->remoteUrl.contains(QLatin1String("s3cret")),
                 qPrintable(pushed->remoteUrl));
        QVERIFY(pushed->remoteUrl.startsWith(QStringLiteral("http://alice@127.0.0.1:")));

        // Refused tokens (as password and as user name), a missing repository, a dead server:
        // the errors never hold the token, and the prompter is shown the URL without it.
        const QStringList urls = {
            serverUrl(QStringLiteral("alice:") + Token),
            serverUrl(Token),
            QString(serverUrl(QStringLiteral("alice:") + Token))
                .replace(QLatin1String("/git/"), QLatin1String("/nothing/")),
            QStringLiteral("http://alice:%1@127.0.0.1:%2/git/NAME.git").arg(Token).arg(freePort()),
        };
        for (const QString &url : urls) {
            const QString tokenWork = makeWork(url);
            TestPrompter prompter;
            pushed = push(tokenWork, &prompter, false);
            QVERIFY(!pushed.ok());
            QVERIFY2(!pushed.error().message.contains(Token), qPrintable(pushed.error().message));
            QVERIFY2(!prompter.lastUserPassUrl.contains(Token),
                     qPrintable(prompter.lastUserPassUrl));
        }

        // A clone's error names the URL without the token too.
        GitTransfer transfer;
        const quint16 deadPort = freePort();
        const GitResult<GitRepository> cloned = GitRepository::clone(
            QStringLiteral("http://alice:%1@127.0.0.1:%2/git/missing.git").arg(Token).arg(deadPort),
            m_dir.filePath(QStringLiteral("clone")), &transfer);
        QVERIFY(!cloned.ok());
        QVERIFY2(!cloned.error().message.contains(Token), qPrintable(cloned.error().message));
        QVERIFY2(cloned.error().message.contains(
                     QStringLiteral("http://alice@127.0.0.1:%1/git/missing.git").arg(deadPort)),
                 qPrintable(cloned.error().message));
    }
};

QTEST_GUILESS_MAIN(TestGitRemoteSafety)
#include "tst_gitremotesafety.moc"
