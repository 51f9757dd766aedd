// Push over SSH to OpenSSH's sshd started on 127.0.0.1, with the host key checked against a test
// known_hosts, keys from a test ~/.ssh, and the known_hosts parser itself.
#include "gittestsupport.h"

#include "git/gitcommit.h"
#include "git/gitremote.h"
#include "git/gitrepository.h"
#include "git/gitstatus.h"
#include "git/knownhosts.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

class TestGitSsh : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_home;
    QString m_sshDir;
    QString m_hostKey;
    QString m_otherHostKey;
    quint16 m_port = 0;
    TestSshServer m_sshd;
    int m_counter = 0;
    QString m_user;

    QString knownHosts() const { return m_sshDir + QStringLiteral("/known_hosts"); }
    static bool remoteHasMain(const QString &remote)
    {
        bool ok = false;
        runGit(remote,
               {QStringLiteral("rev-parse"), QStringLiteral("-q"), QStringLiteral("--verify"),
                QStringLiteral("main")},
               &ok);
        return ok;
    }
    void writeKnownHosts(const QString &pub)
    {
        writeFile(
            knownHosts(),
            QStringLiteral("[127.0.0.1]:%1 %2\n").arg(m_port).arg(publicKeyLine(pub)).toUtf8());
    }

    // A fresh bare remote over ssh:// and a checkout with one commit, origin pointing at it.
    QString makeWork(QString *remotePath = nullptr)
    {
        const QString base = m_dir.filePath(QStringLiteral("case%1").arg(++m_counter));
        const QString remote = base + QStringLiteral("/remote.git");
        QDir().mkpath(base);
        runGit(base, {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("--bare"),
                      QStringLiteral("-b"), QStringLiteral("main"), remote});
        const QString work = base + QStringLiteral("/work");
        GitResult<GitRepository> repo = GitRepository::init(work);
        setGitIdentity(*repo, {QStringLiteral("Test"), QStringLiteral("t@example.org")}, true);
        const QString user = m_user;
        gitAddRemote(*repo, QStringLiteral("origin"),
                     QStringLiteral("ssh://%1@127.0.0.1:%2%3").arg(user).arg(m_port).arg(remote));
        writeFile(work + QStringLiteral("/a.yaml"), "a: 1\n");
        stageAll(*repo);
        commitIndex(*repo, QStringLiteral("first"));
        if (remotePath)
            *remotePath = remote;
        return work;
    }

    GitResult<GitPushResult> push(const QString &work, TestPrompter *prompter,
                                  const QString &sshDir = {})
    {
        GitResult<GitRepository> repo = GitRepository::open(work);
        GitTransfer transfer;
        GitCredentialSettings settings;
        settings.sshDir = sshDir.isEmpty() ? m_sshDir : sshDir;
        transfer.setSettings(settings);
        transfer.setPrompter(prompter);
        return gitPush(*repo, transfer);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_home = m_dir.filePath(QStringLiteral("home"));
        m_sshDir = m_home + QStringLiteral("/.ssh");
        QDir().mkpath(m_sshDir);
        isolateHome(m_home);

        if (QStandardPaths::findExecutable(QStringLiteral("ssh-keygen")).isEmpty() ||
            !QFile::exists(QStringLiteral("/usr/sbin/sshd")))
            QSKIP("OpenSSH (openssh-server, openssh-client) is not installed");
        const QString serverDir = m_dir.filePath(QStringLiteral("sshd"));
        m_otherHostKey = serverDir + QStringLiteral("/other_ed25519");
        QVERIFY(generateSshKey(m_otherHostKey));
        QVERIFY(generateSshKey(m_sshDir + QStringLiteral("/id_ed25519")));
        // A second client identity, protected by a passphrase, in its own ~/.ssh-like folder.
        QVERIFY(generateSshKey(m_dir.filePath(QStringLiteral("enc/id_ed25519")),
                               QStringLiteral("s3cret")));
        QVERIFY(generateSshKey(m_dir.filePath(QStringLiteral("stranger/id_ed25519"))));
        QString error;
        if (!m_sshd.start(serverDir,
                          {m_sshDir + QStringLiteral("/id_ed25519.pub"),
                           m_dir.filePath(QStringLiteral("enc/id_ed25519.pub"))},
                          &error)) {
            if (::geteuid() != 0)
                QSKIP(qPrintable(QStringLiteral("sshd cannot run as this user here: ") + error));
            QFAIL(qPrintable(error));
        }
        m_port = m_sshd.port();
        m_hostKey = m_sshd.hostKey();
        m_user = m_sshd.user();
    }

    void cleanupTestCase() { m_sshd.stop(); }

    void knownHostsMatching_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<bool>("sameKey");
        QTest::addColumn<int>("expected");
        using M = KnownHosts::Match;
        QTest::addRow("plain") << "example.org"
                               << "example.org" << 22 << true << int(M::Known);
        QTest::addRow("plain other port") << "example.org"
                                          << "example.org" << 2222 << true << int(M::Unknown);
        QTest::addRow("bracketed port") << "[example.org]:2222"
                                        << "example.org" << 2222 << true << int(M::Known);
        QTest::addRow("list") << "a.org,example.org,10.0.0.1"
                              << "10.0.0.1" << 22 << true << int(M::Known);
        QTest::addRow("wildcard") << "*.example.org"
                                  << "git.example.org" << 22 << true << int(M::Known);
        QTest::addRow("negated") << "*.example.org,!git.example.org"
                                 << "git.example.org" << 22 << true << int(M::Unknown);
        QTest::addRow("changed") << "example.org"
                                 << "example.org" << 22 << false << int(M::Changed);
        QTest::addRow("other host") << "example.com"
                                    << "example.org" << 22 << false << int(M::Unknown);
        QTest::addRow("revoked") << "@revoked example.org"
                                 << "example.org" << 22 << true << int(M::Revoked);
        QTest::addRow("case-insensitive") << "EXAMPLE.org"
                                          << "example.ORG" << 22 << true << int(M::Known);
    }
    void knownHostsMatching()
    {
        QFETCH(QString, line);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(bool, sameKey);
        QFETCH(int, expected);
        const QString text = QStringLiteral("# comment\n\n%1 %2 comment\n")
                                 .arg(line, publicKeyLine(m_hostKey + QStringLiteral(".pub")));
        const KnownHosts hosts = KnownHosts::parse(text.toUtf8());
        QCOMPARE(hosts.size(), 1);
        const QByteArray blob =
            publicKeyBlob((sameKey ? m_hostKey : m_otherHostKey) + QStringLiteral(".pub"));
        QCOMPARE(int(hosts.checkKey(host, port, blob)), expected);
    }

    void knownHostsHashedAndFingerprint()
    {
        const QString path = m_dir.filePath(QStringLiteral("hashed_known_hosts"));
        writeFile(path, QStringLiteral("[127.0.0.1]:%1 %2\nexample.org %2\n")
                            .arg(m_port)
                            .arg(publicKeyLine(m_hostKey + QStringLiteral(".pub")))
                            .toUtf8());
        QVERIFY(
            runProgram(QStringLiteral("ssh-keygen"),
                       {QStringLiteral("-q"), QStringLiteral("-H"), QStringLiteral("-f"), path}));
        QVERIFY(readFile(path).startsWith("|1|"));
        QVERIFY(!readFile(path).contains("example.org"));
        const KnownHosts hosts = KnownHosts::load(path);
        const QByteArray blob = publicKeyBlob(m_hostKey + QStringLiteral(".pub"));
        QCOMPARE(hosts.checkKey(QStringLiteral("127.0.0.1"), m_port, blob),
                 KnownHosts::Match::Known);
        QCOMPARE(hosts.checkKey(QStringLiteral("example.org"), 22, blob), KnownHosts::Match::Known);
        QCOMPARE(hosts.checkKey(QStringLiteral("example.net"), 22, blob),
                 KnownHosts::Match::Unknown);
        QCOMPARE(hosts.checkKey(QStringLiteral("example.org"), 22,
                                publicKeyBlob(m_otherHostKey + QStringLiteral(".pub"))),
                 KnownHosts::Match::Changed);

        QString printed;
        QVERIFY(runProgram(QStringLiteral("ssh-keygen"),
                           {QStringLiteral("-l"), QStringLiteral("-E"), QStringLiteral("sha256"),
                            QStringLiteral("-f"), m_hostKey + QStringLiteral(".pub")},
                           &printed));
        QCOMPARE(KnownHosts::fingerprint(blob), printed.section(QLatin1Char(' '), 1, 1));
        QCOMPARE(KnownHosts::keyTypeOfBlob(blob), QStringLiteral("ssh-ed25519"));
    }

    void pushToKnownHost()
    {
        writeKnownHosts(m_hostKey + QStringLiteral(".pub"));
        QString remote;
        const QString work = makeWork(&remote);
        TestPrompter prompter;
        const GitResult<GitPushResult> pushed = push(work, &prompter);
        QVERIFY2(pushed.ok(), qPrintable(pushed.error().message + m_sshd.log()));
        QVERIFY(pushed->upstreamSet);
        QCOMPARE(prompter.hostCalls.load(), 0);
        QCOMPARE(prompter.passphraseCalls.load(), 0);
        QCOMPARE(runGit(remote, {QStringLiteral("rev-parse"), QStringLiteral("main")}),
                 runGit(work, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}));

        // Hashed known_hosts (HashKnownHosts yes) works the same, and fetch too.
        QVERIFY(
            runProgram(QStringLiteral("ssh-keygen"), {QStringLiteral("-q"), QStringLiteral("-H"),
                                                      QStringLiteral("-f"), knownHosts()}));
        GitResult<GitRepository> repo = GitRepository::open(work);
        GitTransfer transfer;
        GitCredentialSettings settings;
        settings.sshDir = m_sshDir;
        transfer.setSettings(settings);
        const GitResult<BranchInfo> fetched = gitFetch(*repo, transfer);
        QVERIFY2(fetched.ok(), qPrintable(fetched.error().message));
        QCOMPARE(fetched->ahead, 0);
        QCOMPARE(fetched->behind, 0);
    }

    void unknownHostAsksWithFingerprint()
    {
        QFile::remove(knownHosts());
        QString remote;
        const QString work = makeWork(&remote);
        TestPrompter prompter;
        prompter.acceptHost = false;
        GitResult<GitPushResult> pushed = push(work, &prompter);
        QVERIFY(!pushed.ok());
        QCOMPARE(pushed.error().kind, GitErrorKind::HostKeyUnknown);
        QCOMPARE(prompter.hostCalls.load(), 1);
        const QString expected =
            KnownHosts::fingerprint(publicKeyBlob(m_hostKey + QStringLiteral(".pub")));
        QCOMPARE(prompter.lastFingerprint, expected);
        QCOMPARE(prompter.lastKeyType, QStringLiteral("ssh-ed25519"));
        QVERIFY(pushed.error().message.contains(expected));
        QVERIFY(!QFile::exists(knownHosts()));
        bool ok = true;
        runGit(remote,
               {QStringLiteral("rev-parse"), QStringLiteral("-q"), QStringLiteral("--verify"),
                QStringLiteral("main")},
               &ok);
        QVERIFY(!ok);

        // Accepted: the push goes through and the host is remembered, so no second question.
        prompter.acceptHost = true;
        pushed = push(work, &prompter);
        QVERIFY2(pushed.ok(), qPrintable(pushed.error().message));
        QCOMPARE(prompter.hostCalls.load(), 2);
        QVERIFY(readFile(knownHosts())
                    .contains(QStringLiteral("[127.0.0.1]:%1 ssh-ed25519 ").arg(m_port).toUtf8()));
        writeFile(work + QStringLiteral("/b.yaml"), "b: 1\n");
        GitResult<GitRepository> repo = GitRepository::open(work);
        stageAll(*repo);
        commitIndex(*repo, QStringLiteral("second"));
        pushed = push(work, &prompter);
        QVERIFY2(pushed.ok(), qPrintable(pushed.error().message));
        QCOMPARE(prompter.hostCalls.load(), 2);
    }

    void changedHostKeyRefused()
    {
        writeKnownHosts(m_otherHostKey + QStringLiteral(".pub"));
        QString remote;
        const QString work = makeWork(&remote);
        TestPrompter prompter;
        prompter.acceptHost = true; // never asked: a changed key is refused outright
        const GitResult<GitPushResult> pushed = push(work, &prompter);
        QVERIFY(!pushed.ok());
        QCOMPARE(pushed.error().kind, GitErrorKind::HostKeyChanged);
        QVERIFY(pushed.error().message.contains(QLatin1String("changed")));
        QCOMPARE(prompter.hostCalls.load(), 0);
        QCOMPARE(prompter.passphraseCalls.load(), 0);
        bool ok = true;
        runGit(remote,
               {QStringLiteral("rev-parse"), QStringLiteral("-q"), QStringLiteral("--verify"),
                QStringLiteral("main")},
               &ok);
        QVERIFY(!ok);
    }

    // An ecdsa key for the test host: known_hosts lines of "another type" than sshd's ed25519.
    QString otherTypeHostKey()
    {
        const QString ecdsa = m_dir.filePath(QStringLiteral("othertype/host_ecdsa"));
        if (!QFile::exists(ecdsa)) {
            QDir().mkpath(QFileInfo(ecdsa).absolutePath());
            runProgram(QStringLiteral("ssh-keygen"),
                       {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ecdsa"),
                        QStringLiteral("-N"), QString(), QStringLiteral("-f"), ecdsa});
        }
        return ecdsa + QStringLiteral(".pub");
    }

    // The server offers its ed25519 key; ~/.ssh/known_hosts holds the host with an ecdsa key
    // only. libgit2 then offers sshd only ecdsa and the key exchange fails: said as "known with
    // other keys" (rotation or attack), not as libssh2's "Unable to exchange encryption keys",
    // nor as an unknown host or a changed key.
    void hostKnownWithOtherKeyTypeIsExplained()
    {
        writeKnownHosts(otherTypeHostKey());
        QString remote;
        const QString work = makeWork(&remote);
        TestPrompter prompter;
        prompter.acceptHost = true; // nothing to accept: no key was offered
        const GitResult<GitPushResult> pushed = push(work, &prompter);
        QVERIFY(!pushed.ok());
        const QString message = pushed.error().message;
        QVERIFY2(pushed.error().kind == GitErrorKind::HostKeyOtherType, qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("(ecdsa-sha2-nistp256)")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("[127.0.0.1]:%1").arg(m_port)),
                 qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("intercepting")), qPrintable(message));
        QCOMPARE(prompter.hostCalls.load(), 0);
        QVERIFY(!remoteHasMain(remote));
    }

    // Fluxdesk's known_hosts (a configured SSH folder) holds the host with an ecdsa key only,
    // libgit2's (~/.ssh) does not know it, so the ed25519 key reaches the check: the user is
    // asked with the "known with other keys" question, not the unknown-host one.
    void hostKnownWithOtherKeyTypeAsks()
    {
        QFile::remove(knownHosts());
        const QString dir = m_dir.filePath(QStringLiteral("othertype-ssh"));
        QDir().mkpath(dir);
        QFile::remove(dir + QStringLiteral("/id_ed25519"));
        QFile::remove(dir + QStringLiteral("/id_ed25519.pub"));
        QVERIFY(QFile::copy(m_sshDir + QStringLiteral("/id_ed25519"),
                            dir + QStringLiteral("/id_ed25519")));
        QVERIFY(QFile::copy(m_sshDir + QStringLiteral("/id_ed25519.pub"),
                            dir + QStringLiteral("/id_ed25519.pub")));
        const QString known = dir + QStringLiteral("/known_hosts");
        writeFile(known, QStringLiteral("[127.0.0.1]:%1 %2\n")
                             .arg(m_port)
                             .arg(publicKeyLine(otherTypeHostKey()))
                             .toUtf8());
        QString remote;
        const QString work = makeWork(&remote);
        TestPrompter prompter;
        prompter.acceptHost = false;
        GitResult<GitPushResult> pushed = push(work, &prompter, dir);
        QVERIFY(!pushed.ok());
        const QString message = pushed.error().message;
        QVERIFY2(pushed.error().kind == GitErrorKind::HostKeyOtherType, qPrintable(message));
        QCOMPARE(prompter.hostCalls.load(), 0); // not asked as an unknown host
        QCOMPARE(prompter.otherKeysCalls.load(), 1);
        QCOMPARE(prompter.lastKeyType, QStringLiteral("ssh-ed25519"));
        QCOMPARE(prompter.lastKnownTypes, QStringList{QStringLiteral("ecdsa-sha2-nistp256")});
        QVERIFY2(message.contains(QLatin1String("other types (ecdsa-sha2-nistp256)")),
                 qPrintable(message));
        QVERIFY2(message.contains(prompter.lastFingerprint), qPrintable(message));
        QVERIFY(!remoteHasMain(remote));

        // Without a prompter (the CLI) it is refused with the same explanation.
        pushed = push(work, nullptr, dir);
        QVERIFY(!pushed.ok());
        QCOMPARE(pushed.error().kind, GitErrorKind::HostKeyOtherType);

        // Trusted: the push goes through and the new key is remembered next to the old one.
        prompter.acceptHost = true;
        pushed = push(work, &prompter, dir);
        QVERIFY2(pushed.ok(), qPrintable(pushed.error().message));
        QCOMPARE(prompter.otherKeysCalls.load(), 2);
        QCOMPARE(prompter.hostCalls.load(), 0);
        const QByteArray lines = readFile(known);
        QVERIFY(lines.contains(" ecdsa-sha2-nistp256 "));
        QVERIFY(lines.contains(QStringLiteral("[127.0.0.1]:%1 ssh-ed25519 ").arg(m_port).toUtf8()));
        QVERIFY(remoteHasMain(remote));
    }

    // origin's url points at a port with no server and a key nobody knows; its pushurl at sshd:
    // the push checks the host key of the push URL's host and port, which known_hosts holds.
    void pushUrlHostKeyIsChecked()
    {
        writeKnownHosts(m_hostKey + QStringLiteral(".pub"));
        QString remote;
        const QString work = makeWork(&remote);
        const QString pushUrl =
            runGit(work, {QStringLiteral("config"), QStringLiteral("remote.origin.url")});
        const QString fetchUrl =
            QStringLiteral("ssh://%1@127.0.0.1:%2%3").arg(m_user).arg(freePort()).arg(remote);
        bool ok = false;
        runGit(work, {QStringLiteral("config"), QStringLiteral("remote.origin.url"), fetchUrl},
               &ok);
        QVERIFY(ok);
        runGit(work, {QStringLiteral("config"), QStringLiteral("remote.origin.pushurl"), pushUrl},
               &ok);
        QVERIFY(ok);
        TestPrompter prompter;
        prompter.acceptHost = false;
        const GitResult<GitPushResult> pushed = push(work, &prompter);
        QVERIFY2(pushed.ok(), qPrintable(pushed.error().message));
        QCOMPARE(prompter.hostCalls.load(), 0);
        QCOMPARE(prompter.otherKeysCalls.load(), 0);
        QCOMPARE(pushed->remoteUrl, pushUrl);
        QVERIFY(remoteHasMain(remote));
    }

    void encryptedKeyAsksPassphrase()
    {
        const QString encDir = m_dir.filePath(QStringLiteral("enc"));
        QVERIFY(isEncryptedPrivateKey(encDir + QStringLiteral("/id_ed25519")));
        QVERIFY(!isEncryptedPrivateKey(m_sshDir + QStringLiteral("/id_ed25519")));
        writeFile(encDir + QStringLiteral("/known_hosts"),
                  QStringLiteral("[127.0.0.1]:%1 %2\n")
                      .arg(m_port)
                      .arg(publicKeyLine(m_hostKey + QStringLiteral(".pub")))
                      .toUtf8());
        QString remote;
        const QString work = makeWork(&remote);
        TestPrompter prompter;
        prompter.passphrase = QStringLiteral("wrong");
        GitResult<GitPushResult> pushed = push(work, &prompter, encDir);
        QVERIFY(!pushed.ok());
        QCOMPARE(prompter.passphraseCalls.load(), 1); // asked once, not in a loop

        prompter.passphrase = QStringLiteral("s3cret");
        pushed = push(work, &prompter, encDir);
        QVERIFY2(pushed.ok(), qPrintable(pushed.error().message));
        QCOMPARE(prompter.passphraseCalls.load(), 2);
        QCOMPARE(runGit(remote, {QStringLiteral("rev-parse"), QStringLiteral("main")}),
                 runGit(work, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}));
    }

    void unauthorizedKeyFailsOnce()
    {
        const QString dir = m_dir.filePath(QStringLiteral("stranger"));
        writeFile(dir + QStringLiteral("/known_hosts"),
                  QStringLiteral("[127.0.0.1]:%1 %2\n")
                      .arg(m_port)
                      .arg(publicKeyLine(m_hostKey + QStringLiteral(".pub")))
                      .toUtf8());
        const QString work = makeWork();
        TestPrompter prompter;
        const GitResult<GitPushResult> pushed = push(work, &prompter, dir);
        QVERIFY(!pushed.ok());
        QCOMPARE(pushed.error().kind, GitErrorKind::AuthenticationFailed);
        QVERIFY2(pushed.error().message.contains(QLatin1String("id_ed25519")),
                 qPrintable(pushed.error().message));
    }
};

QTEST_GUILESS_MAIN(TestGitSsh)
#include "tst_gitssh.moc"
