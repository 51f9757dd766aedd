// Push, fetch and clone over HTTPS to git-http-backend behind lighttpd (mod_openssl) with basic
// auth on 127.0.0.1. The test makes its own CA and server certificates with the openssl CLI: one
// server presents a certificate for 127.0.0.1, a second one a certificate for wrong.example
// signed by the same CA. Trust comes from git's settings (http.sslCAInfo, GIT_SSL_CAINFO,
// SSL_CERT_FILE); http.sslVerify=false is refused.
#include "gittestsupport.h"

#include "git/gitcommit.h"
#include "git/gitremote.h"
#include "git/gitrepository.h"
#include "git/gitstatus.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

const QString opensslModule = QStringLiteral("/usr/lib/lighttpd/mod_openssl.so");

bool openssl(const QStringList &arguments)
{
    return runProgram(QStringLiteral("openssl"), arguments);
}

} // namespace

class TestGitHttps : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_home;
    QString m_repos;
    QString m_pki;
    quint16 m_port = 0;      // certificate for 127.0.0.1
    quint16 m_wrongPort = 0; // certificate for wrong.example, same CA
    TestHttpGitServer m_server;
    TestHttpGitServer m_wrongServer;
    int m_counter = 0;

    QString caFile() const { return m_pki + QStringLiteral("/ca.pem"); }
    QString otherCaFile() const { return m_pki + QStringLiteral("/other-ca.pem"); }

    QString urlFor(quint16 port, const QString &name) const
    {
        return QStringLiteral("https://127.0.0.1:%1/git/%2.git").arg(port).arg(name);
    }

    bool makeCa(const QString &base, const QString &commonName)
    {
        return openssl(
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
             QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
             QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
             QStringLiteral("-keyout"), base + QStringLiteral(".key"), QStringLiteral("-out"),
             base + QStringLiteral(".pem"), QStringLiteral("-days"), QStringLiteral("2"),
             QStringLiteral("-subj"), QStringLiteral("/CN=") + commonName,
             QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
             QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")});
    }

    // A server certificate signed by ca.pem, with subjectAltName san.
    bool makeServerCert(const QString &base, const QString &commonName, const QString &san)
    {
        const QString ext = base + QStringLiteral(".ext");
        writeFile(ext, QStringLiteral("subjectAltName=%1\nbasicConstraints=CA:FALSE\n"
                                      "extendedKeyUsage=serverAuth\n")
                           .arg(san)
                           .toUtf8());
        return openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"),
                        QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                        QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                        QStringLiteral("-keyout"), base + QStringLiteral(".key"),
                        QStringLiteral("-out"), base + QStringLiteral(".csr"),
                        QStringLiteral("-subj"), QStringLiteral("/CN=") + commonName}) &&
               openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                        base + QStringLiteral(".csr"), QStringLiteral("-CA"), caFile(),
                        QStringLiteral("-CAkey"), m_pki + QStringLiteral("/ca.key"),
                        QStringLiteral("-CAcreateserial"), QStringLiteral("-days"),
                        QStringLiteral("2"), QStringLiteral("-extfile"), ext,
                        QStringLiteral("-out"), base + QStringLiteral(".pem")});
    }

    // A bare repository on the servers and a work repository with one commit whose origin is
    // the server on port.
    QString makeWork(quint16 port, QString *remotePath = nullptr)
    {
        const QString name = QStringLiteral("case%1").arg(++m_counter);
        const TestRemoteAndWork made =
            makeRemoteAndWork(m_repos, m_dir.path(), name, urlFor(port, name));
        if (remotePath)
            *remotePath = made.remote;
        return made.work;
    }

    GitResult<GitPushResult> push(const QString &work, TestPrompter &prompter)
    {
        GitResult<GitRepository> repo = GitRepository::open(work);
        GitTransfer transfer;
        GitCredentialSettings settings;
        settings.useGitCredentialHelper = false;
        transfer.setSettings(settings);
        transfer.setPrompter(&prompter);
        return gitPush(*repo, transfer);
    }

    static void alice(TestPrompter &prompter)
    {
        prompter.userPass = GitUserPass{QStringLiteral("alice"), QStringLiteral("s3cret")};
    }

    static QString head(const QString &work)
    {
        return runGit(work, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
    }

    void setRepoConfig(const QString &work, const QString &key, const QString &value)
    {
        bool ok = false;
        runGit(work, {QStringLiteral("config"), key, value}, &ok);
        QVERIFY(ok);
    }

    void setGlobalConfig(const QByteArray &text)
    {
        writeFile(m_home + QStringLiteral("/.gitconfig"), text);
    }

    // The push failed over TLS: nothing reached the remote, the commit and no upstream stay.
    void verifyNothingPushed(const QString &work, const QString &remote, const QString &before,
                             const TestPrompter &prompter)
    {
        QVERIFY(!hasBranchMain(remote));
        QCOMPARE(head(work), before);
        GitResult<GitRepository> repo = GitRepository::open(work);
        QVERIFY(repo->branchInfo()->upstream.isEmpty());
        QCOMPARE(prompter.userPassCalls.load(), 0); // no password sent to an untrusted server
    }

    // Pushes work expecting a refusal of this kind that sends no password and changes nothing
    // (callers check QTest::currentTestFailed()); returns the error's message.
    QString refusedPush(const QString &work, const QString &remote, GitErrorKind kind)
    {
        const QString before = head(work);
        TestPrompter prompter;
        alice(prompter);
        const GitResult<GitPushResult> pushed = push(work, prompter);
        [&] {
            QVERIFY(!pushed.ok());
            QCOMPARE(pushed.error().kind, kind);
            verifyNothingPushed(work, remote, before, prompter);
        }();
        return pushed.ok() ? QString() : pushed.error().message;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_home = m_dir.filePath(QStringLiteral("home"));
        QDir().mkpath(m_home);
        isolateHome(m_home);
        qunsetenv("GIT_SSL_CAINFO");
        qunsetenv("SSL_CERT_FILE");
        qunsetenv("GIT_SSL_NO_VERIFY");
        if (!TestHttpGitServer::isAvailable())
            QSKIP("lighttpd or git's http-backend is not installed");
        if (!QFile::exists(opensslModule))
            QSKIP("lighttpd's TLS module is not installed (Debian: lighttpd-mod-openssl)");
        m_repos = m_dir.filePath(QStringLiteral("repos"));
        m_pki = m_dir.filePath(QStringLiteral("pki"));
        QDir().mkpath(m_repos);
        QDir().mkpath(m_pki);
        QVERIFY(makeCa(m_pki + QStringLiteral("/ca"), QStringLiteral("Fluxdesk Test CA")));
        QVERIFY(makeCa(m_pki + QStringLiteral("/other-ca"), QStringLiteral("Some Other CA")));
        QVERIFY(makeServerCert(m_pki + QStringLiteral("/server"), QStringLiteral("127.0.0.1"),
                               // DNS:127.0.0.1 as well: Debian's libgit2 uses mbedTLS 2.28,
                               // which matches only DNS names (an IP-only certificate fails
                               // there with "Common Name (CN) does not match").
                               QStringLiteral("IP:127.0.0.1,DNS:127.0.0.1")));
        QVERIFY(makeServerCert(m_pki + QStringLiteral("/wrong"), QStringLiteral("wrong.example"),
                               QStringLiteral("DNS:wrong.example")));
        QString error;
        QVERIFY2(m_server.start(m_dir.filePath(QStringLiteral("server")), m_repos, "alice:s3cret\n",
                                &error, m_pki + QStringLiteral("/server")),
                 qPrintable(error));
        m_port = m_server.port();
        QVERIFY2(m_wrongServer.start(m_dir.filePath(QStringLiteral("wrong")), m_repos,
                                     "alice:s3cret\n", &error, m_pki + QStringLiteral("/wrong")),
                 qPrintable(error));
        m_wrongPort = m_wrongServer.port();
    }

    void cleanupTestCase()
    {
        m_server.stop();
        m_wrongServer.stop();
    }

    void cleanup()
    {
        QFile::remove(m_home + QStringLiteral("/.gitconfig"));
        qunsetenv("GIT_SSL_CAINFO");
        qunsetenv("SSL_CERT_FILE");
        qunsetenv("GIT_SSL_NO_VERIFY");
    }

    // Where the CA comes from, each the way git reads it.
    void pushWithConfiguredCa_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addRow("repository http.sslCAInfo") << QStringLiteral("repo");
        QTest::addRow("global http.sslCAInfo") << QStringLiteral("global");
        QTest::addRow("GIT_SSL_CAINFO") << QStringLiteral("GIT_SSL_CAINFO");
        QTest::addRow("SSL_CERT_FILE") << QStringLiteral("SSL_CERT_FILE");
        // GIT_SSL_CAINFO overrides a wrong http.sslCAInfo, as in git.
        QTest::addRow("GIT_SSL_CAINFO over config") << QStringLiteral("env-over-config");
        // The repository's setting overrides the global one.
        QTest::addRow("repository over global") << QStringLiteral("repo-over-global");
    }

    void pushWithConfiguredCa()
    {
        QFETCH(QString, source);
        QString remote;
        const QString work = makeWork(m_port, &remote);
        if (source == QLatin1String("repo")) {
            setRepoConfig(work, QStringLiteral("http.sslCAInfo"), caFile());
        } else if (source == QLatin1String("global")) {
            setGlobalConfig("[http]\n\tsslCAInfo = " + caFile().toUtf8() + '\n');
        } else if (source == QLatin1String("GIT_SSL_CAINFO")) {
            qputenv("GIT_SSL_CAINFO", QFile::encodeName(caFile()));
        } else if (source == QLatin1String("SSL_CERT_FILE")) {
            qputenv("SSL_CERT_FILE", QFile::encodeName(caFile()));
        } else if (source == QLatin1String("env-over-config")) {
            setRepoConfig(work, QStringLiteral("http.sslCAInfo"), otherCaFile());
            qputenv("GIT_SSL_CAINFO", QFile::encodeName(caFile()));
        } else {
            setGlobalConfig("[http]\n\tsslCAInfo = " + otherCaFile().toUtf8() + '\n');
            setRepoConfig(work, QStringLiteral("http.sslCAInfo"), caFile());
        }
        TestPrompter prompter;
        alice(prompter);
        const GitResult<GitPushResult> pushed = push(work, prompter);
        QVERIFY2(pushed.ok(), qPrintable(pushed.error().message));
        QVERIFY(pushed->upstreamSet);
        QCOMPARE(prompter.userPassCalls.load(), 1);
        QCOMPARE(runGit(remote, {QStringLiteral("rev-parse"), QStringLiteral("main")}), head(work));
    }

    // origin's url is plain HTTP (nothing listens there), its pushurl the HTTPS server: the push
    // goes to the pushurl, so its TLS settings apply, CA and refusal alike.
    void pushUrlTlsSettings_data()
    {
        QTest::addColumn<bool>("verifyOff");
        QTest::addRow("http.sslCAInfo trusts the push host") << false;
        QTest::addRow("http.sslVerify=false refused for the push host") << true;
    }
    void pushUrlTlsSettings()
    {
        QFETCH(bool, verifyOff);
        QString remote;
        const QString work = makeWork(m_port, &remote);
        const QString pushUrl =
            runGit(work, {QStringLiteral("config"), QStringLiteral("remote.origin.url")});
        setRepoConfig(work, QStringLiteral("remote.origin.url"),
                      QStringLiteral("http://127.0.0.1:%1/git/fetch.git").arg(freePort()));
        setRepoConfig(work, QStringLiteral("remote.origin.pushurl"), pushUrl);
        setRepoConfig(work, QStringLiteral("http.sslCAInfo"), caFile());
        if (verifyOff) {
            setRepoConfig(work, QStringLiteral("http.sslVerify"), QStringLiteral("false"));
            const QString message = refusedPush(work, remote, GitErrorKind::InsecureTls);
            QVERIFY2(message.contains(QLatin1String("http.sslVerify=false")), qPrintable(message));
            return;
        }
        TestPrompter prompter;
        alice(prompter);
        const GitResult<GitPushResult> pushed = push(work, prompter);
        QVERIFY2(pushed.ok(), qPrintable(pushed.error().message));
        QCOMPARE(pushed->remoteUrl, pushUrl);
        QCOMPARE(runGit(remote, {QStringLiteral("rev-parse"), QStringLiteral("main")}), head(work));
    }

    // Runs after the successful pushes: the CA of those must not stay trusted for the process.
    void untrustedWithoutCa()
    {
        QString remote;
        const QString work = makeWork(m_port, &remote);
        const QString message = refusedPush(work, remote, GitErrorKind::CertificateUntrusted);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(message.contains(QLatin1String("certificate for 127.0.0.1 is not trusted")),
                 qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("git config http.sslCAInfo")), qPrintable(message));
    }

    void untrustedWithAnotherCa()
    {
        QString remote;
        const QString work = makeWork(m_port, &remote);
        setRepoConfig(work, QStringLiteral("http.sslCAInfo"), otherCaFile());
        const QString message = refusedPush(work, remote, GitErrorKind::CertificateUntrusted);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(message.contains(QLatin1String("certificate for 127.0.0.1 is not trusted")),
                 qPrintable(message));
        // Says what it was checked against, so the user sees which setting to fix.
        QVERIFY2(message.contains(QDir::toNativeSeparators(otherCaFile())), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("http.sslCAInfo")), qPrintable(message));
    }

    void certificateForAnotherNameIsRefused()
    {
        QString remote;
        const QString work = makeWork(m_wrongPort, &remote);
        setRepoConfig(work, QStringLiteral("http.sslCAInfo"), caFile()); // the right CA
        const QString message = refusedPush(work, remote, GitErrorKind::CertificateUntrusted);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(message.contains(QLatin1String("certificate for 127.0.0.1 is not trusted")),
                 qPrintable(message));
        // libgit2's reason names the mismatch (mbedTLS: "Common Name (CN) does not match",
        // OpenSSL: "hostname does not match").
        QVERIFY2(message.contains(QLatin1String("match"), Qt::CaseInsensitive),
                 qPrintable(message));
    }

    // Chosen behaviour: turning verification off is refused with a clear message, before any
    // connection, never honoured.
    void verificationOffIsRefused_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("named");
        QTest::addRow("repository http.sslVerify")
            << QStringLiteral("repo") << QStringLiteral("http.sslVerify=false");
        QTest::addRow("global http.sslVerify")
            << QStringLiteral("global") << QStringLiteral("http.sslVerify=false");
        QTest::addRow("GIT_SSL_NO_VERIFY")
            << QStringLiteral("env") << QStringLiteral("GIT_SSL_NO_VERIFY");
    }

    void verificationOffIsRefused()
    {
        QFETCH(QString, source);
        QFETCH(QString, named);
        QString remote;
        const QString work = makeWork(m_port, &remote);
        // Even with the right CA: the setting says the user wants no checks, which we refuse.
        setRepoConfig(work, QStringLiteral("http.sslCAInfo"), caFile());
        if (source == QLatin1String("repo"))
            setRepoConfig(work, QStringLiteral("http.sslVerify"), QStringLiteral("false"));
        else if (source == QLatin1String("global"))
            setGlobalConfig("[http]\n\tsslVerify = false\n");
        else
            qputenv("GIT_SSL_NO_VERIFY", "1");
        const QString message = refusedPush(work, remote, GitErrorKind::InsecureTls);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(message.contains(named), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("http.sslCAInfo")), qPrintable(message));
    }

    void sslVerifyTrueIsFine()
    {
        QString remote;
        const QString work = makeWork(m_port, &remote);
        setRepoConfig(work, QStringLiteral("http.sslCAInfo"), caFile());
        setRepoConfig(work, QStringLiteral("http.sslVerify"), QStringLiteral("true"));
        TestPrompter prompter;
        alice(prompter);
        const GitResult<GitPushResult> pushed = push(work, prompter);
        QVERIFY2(pushed.ok(), qPrintable(pushed.error().message));
        QCOMPARE(runGit(remote, {QStringLiteral("rev-parse"), QStringLiteral("main")}), head(work));
    }

    void badCaFileIsRefused_data()
    {
        QTest::addColumn<QByteArray>("content"); // empty: the file does not exist
        QTest::addRow("missing") << QByteArray();
        QTest::addRow("garbage") << QByteArray("-----BEGIN CERTIFICATE-----\nnot base64 at all\n"
                                               "-----END CERTIFICATE-----\n");
    }

    // A CA file that cannot be used is named in the error, and nothing is pushed.
    void badCaFileIsRefused()
    {
        QFETCH(QByteArray, content);
        QString remote;
        const QString work = makeWork(m_port, &remote);
        const QString ca =
            m_pki + QStringLiteral("/bad-%1.pem").arg(QString::fromLatin1(QTest::currentDataTag()));
        if (!content.isEmpty())
            writeFile(ca, content);
        setRepoConfig(work, QStringLiteral("http.sslCAInfo"), ca);
        const QString message = refusedPush(work, remote, GitErrorKind::CertificateUntrusted);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(message.contains(QDir::toNativeSeparators(ca)), qPrintable(message));
    }

    void fetchWithCa()
    {
        QString remote;
        const QString work = makeWork(m_port, &remote);
        setRepoConfig(work, QStringLiteral("http.sslCAInfo"), caFile());
        TestPrompter prompter;
        alice(prompter);
        QVERIFY(push(work, prompter).ok());
        // Someone else pushes a second commit straight into the bare repository.
        const QString other = m_dir.filePath(QStringLiteral("fetch-other"));
        bool ok = false;
        runGit(m_dir.path(), {QStringLiteral("clone"), QStringLiteral("-q"), remote, other}, &ok);
        QVERIFY(ok);
        writeFile(other + QStringLiteral("/b.yaml"), "b: 2\n");
        runGit(other, {QStringLiteral("add"), QStringLiteral("b.yaml")});
        runGit(other, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"),
                       QStringLiteral("second")});
        runGit(other,
               {QStringLiteral("push"), QStringLiteral("-q"), QStringLiteral("origin"),
                QStringLiteral("main")},
               &ok);
        QVERIFY(ok);

        GitResult<GitRepository> repo = GitRepository::open(work);
        GitTransfer transfer;
        GitCredentialSettings settings;
        settings.useGitCredentialHelper = false;
        transfer.setSettings(settings);
        transfer.setPrompter(&prompter);
        const GitResult<BranchInfo> fetched = gitFetch(*repo, transfer);
        QVERIFY2(fetched.ok(), qPrintable(fetched.error().message));
        QCOMPARE(fetched->behind, 1);
        QCOMPARE(transfer.caSource(), QStringLiteral("http.sslCAInfo"));
    }

    // A clone has no repository config yet: the global one (and the environment) decide.
    void cloneUsesGlobalConfig_data()
    {
        QTest::addColumn<QByteArray>("globalConfig");
        QTest::addColumn<bool>("succeeds");
        QTest::addColumn<int>("kind");
        QTest::addRow("global CA")
            << QByteArray("[http]\n\tsslCAInfo = " + caFile().toUtf8() + '\n') << true << 0;
        QTest::addRow("no CA") << QByteArray() << false << int(GitErrorKind::CertificateUntrusted);
        QTest::addRow("sslVerify off")
            << QByteArray("[http]\n\tsslCAInfo = " + caFile().toUtf8() + "\n\tsslVerify = false\n")
            << false << int(GitErrorKind::InsecureTls);
    }

    void cloneUsesGlobalConfig()
    {
        QFETCH(QByteArray, globalConfig);
        QFETCH(bool, succeeds);
        QFETCH(int, kind);
        QString remote;
        const QString work = makeWork(m_port, &remote);
        // Fill the remote over plain git first (the file path, no TLS involved).
        bool ok = false;
        runGit(work, {QStringLiteral("push"), QStringLiteral("-q"), remote, QStringLiteral("main")},
               &ok);
        QVERIFY(ok);
        if (!globalConfig.isEmpty())
            setGlobalConfig(globalConfig);
        TestPrompter prompter;
        alice(prompter);
        GitTransfer transfer;
        GitCredentialSettings settings;
        settings.useGitCredentialHelper = false;
        transfer.setSettings(settings);
        transfer.setPrompter(&prompter);
        const QString target = m_dir.filePath(QStringLiteral("clone%1").arg(m_counter));
        const GitResult<GitRepository> cloned = GitRepository::clone(
            urlFor(m_port, QStringLiteral("case%1").arg(m_counter)), target, &transfer);
        if (succeeds) {
            QVERIFY2(cloned.ok(), qPrintable(cloned.error().message));
            QCOMPARE(head(target), head(work));
        } else {
            QVERIFY(!cloned.ok());
            QCOMPARE(int(cloned.error().kind), kind);
            QVERIFY2(cloned.error().message.contains(QLatin1String("http.sslCAInfo")),
                     qPrintable(cloned.error().message));
            QCOMPARE(prompter.userPassCalls.load(), 0);
        }
    }

    // Two pushes at once to the same server with different trust: each gets its own CA list
    // (the process-wide setting is serialised), so exactly the one with the CA succeeds.
    void concurrentPushesKeepTheirOwnTrust()
    {
        QString trustedRemote;
        const QString trustedWork = makeWork(m_port, &trustedRemote);
        setRepoConfig(trustedWork, QStringLiteral("http.sslCAInfo"), caFile());
        QString untrustedRemote;
        const QString untrustedWork = makeWork(m_port, &untrustedRemote);
        setRepoConfig(untrustedWork, QStringLiteral("http.sslCAInfo"), otherCaFile());

        std::atomic_int trustedOk{0};
        std::atomic_int untrustedRefused{0};
        auto run = [this](const QString &work, std::atomic_int &counter, bool expectOk) {
            for (int i = 0; i < 3; ++i) {
                TestPrompter prompter;
                alice(prompter);
                const GitResult<GitPushResult> pushed = push(work, prompter);
                if (pushed.ok() == expectOk &&
                    (expectOk || pushed.error().kind == GitErrorKind::CertificateUntrusted))
                    ++counter;
            }
        };
        std::thread a([&] { run(trustedWork, trustedOk, true); });
        std::thread b([&] { run(untrustedWork, untrustedRefused, false); });
        a.join();
        b.join();
        QCOMPARE(trustedOk.load(), 3);
        QCOMPARE(untrustedRefused.load(), 3);
        QVERIFY(!hasBranchMain(untrustedRemote));
        QCOMPARE(runGit(trustedRemote, {QStringLiteral("rev-parse"), QStringLiteral("main")}),
                 head(trustedWork));
    }
};

QTEST_GUILESS_MAIN(TestGitHttps)
#include "tst_githttps.moc"
