// The SSH deploy key Flux reads the repository with: read back by the real ssh-keygen (same public
// key, same fingerprint), and accepted by OpenSSH's sshd for `git ls-remote` (OpenSSH's client)
// and for a fetch through libgit2.
#include "gittestsupport.h"

#include "flux/deploykey.h"
#include "git/gitremote.h"
#include "git/gitrepository.h"
#include "git/gittransfer.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

Q_DECLARE_METATYPE(Fluxdesk::DeployKeyType)

class TestDeployKey : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_home;
    int m_counter = 0;

    static bool haveOpenSsh()
    {
        return !QStandardPaths::findExecutable(QStringLiteral("ssh-keygen")).isEmpty() &&
               QFile::exists(QStringLiteral("/usr/sbin/sshd"));
    }

    // The key in a fresh folder as identity (0600) and identity.pub, as Flux mounts them.
    QString writeKey(const DeployKey &key)
    {
        const QString dir = m_dir.filePath(QStringLiteral("key%1").arg(++m_counter));
        QDir().mkpath(dir);
        const QString path = dir + QStringLiteral("/identity");
        writeFile(path, key.privateKey);
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        writeFile(path + QStringLiteral(".pub"), key.publicKey.toUtf8() + '\n');
        return path;
    }

    static QString sshKeygen(const QStringList &arguments, bool *ok)
    {
        QProcess process;
        process.start(QStringLiteral("ssh-keygen"), arguments);
        process.waitForFinished(30000);
        *ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
        return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError())
            .trimmed();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_home = m_dir.filePath(QStringLiteral("home"));
        QDir().mkpath(m_home + QStringLiteral("/.ssh"));
        isolateHome(m_home);
    }

    void types_data()
    {
        QTest::addColumn<DeployKeyType>("type");
        QTest::addColumn<QString>("sshType");
        QTest::addColumn<QByteArray>("pemLabel");
        // fluxcd/pkg writes PKCS#8 for ECDSA; Ed25519 in OpenSSH's format (see deploykey.h).
        QTest::addRow("ecdsa-p384")
            << DeployKeyType::EcdsaP384 << QStringLiteral("ecdsa-sha2-nistp384")
            << QByteArray("-----BEGIN PRIVATE KEY-----\n");
        QTest::addRow("ed25519") << DeployKeyType::Ed25519 << QStringLiteral("ssh-ed25519")
                                 << QByteArray("-----BEGIN OPENSSH PRIVATE KEY-----\n");
    }

    void sshKeygenReadsTheKey_data() { types_data(); }
    void sshKeygenReadsTheKey()
    {
        QFETCH(DeployKeyType, type);
        QFETCH(QString, sshType);
        QFETCH(QByteArray, pemLabel);
        if (QStandardPaths::findExecutable(QStringLiteral("ssh-keygen")).isEmpty())
            QSKIP("ssh-keygen (openssh-client) is not installed");

        Result<DeployKey> key = generateDeployKey(type, QStringLiteral("flux-system\nhome lab"));
        QVERIFY2(key.ok(), qPrintable(key.error().message));
        QVERIFY(key->isValid());
        QVERIFY(key->privateKey.startsWith(pemLabel));
        QCOMPARE(key->sshKeyType(), sshType);
        const QStringList fields = key->publicKey.split(QLatin1Char(' '));
        QCOMPARE(fields.size(), 5); // the comment's line break became a space
        QVERIFY(!key->publicKey.contains(QLatin1Char('\n')));
        QCOMPARE(fields.at(0), sshType);
        QCOMPARE(fields.mid(2).join(QLatin1Char(' ')), QStringLiteral("flux-system home lab"));
        QVERIFY(!key->publicKey.contains(QString::fromLatin1(key->privateKey)));

        const QString path = writeKey(*key);
        bool ok = false;
        // -y: the public key derived from the private key file by OpenSSH.
        const QString derived = sshKeygen({QStringLiteral("-y"), QStringLiteral("-f"), path}, &ok);
        QVERIFY2(ok, qPrintable(derived));
        QCOMPARE(derived.split(QLatin1Char(' ')).mid(0, 2), fields.mid(0, 2));
        // -l: the fingerprint of the private key file and of the .pub line.
        const QString listed = sshKeygen({QStringLiteral("-l"), QStringLiteral("-E"),
                                          QStringLiteral("sha256"), QStringLiteral("-f"), path},
                                         &ok);
        QVERIFY2(ok, qPrintable(listed));
        QCOMPARE(listed.section(QLatin1Char(' '), 1, 1), key->fingerprint);
        QVERIFY(key->fingerprint.startsWith(QLatin1String("SHA256:")));
        const QString listedPub = sshKeygen(
            {QStringLiteral("-l"), QStringLiteral("-f"), path + QStringLiteral(".pub")}, &ok);
        QVERIFY2(ok, qPrintable(listedPub));
        QCOMPARE(listedPub.section(QLatin1Char(' '), 1, 1), key->fingerprint);
        QVERIFY(listedPub.contains(QLatin1String("flux-system home lab")));
    }

    void everyKeyIsNew_data() { types_data(); }
    void everyKeyIsNew()
    {
        QFETCH(DeployKeyType, type);
        const Result<DeployKey> a = generateDeployKey(type);
        const Result<DeployKey> b = generateDeployKey(type);
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a->privateKey != b->privateKey);
        QVERIFY(a->publicKeyBlob != b->publicKeyBlob);
        QVERIFY(a->fingerprint != b->fingerprint);
        QVERIFY(a->publicKey.endsWith(QLatin1String(" flux")));
    }

    void wipeEmptiesTheKey()
    {
        Result<DeployKey> key = generateDeployKey(DeployKeyType::Ed25519);
        QVERIFY(key.ok());
        QByteArray copy = key->privateKey;
        key->wipe();
        QVERIFY(key->privateKey.isEmpty());
        QVERIFY(!key->isValid());
        QVERIFY(copy.startsWith("-----BEGIN")); // a copy is its holder's to wipe
        wipeSecret(copy);
        QVERIFY(copy.isEmpty());
    }

    // The "real parts" bar: sshd accepts the key, for OpenSSH's git and for libgit2.
    void authenticatesAgainstSshd_data() { types_data(); }
    void authenticatesAgainstSshd()
    {
        QFETCH(DeployKeyType, type);
        if (!haveOpenSsh())
            QSKIP("OpenSSH (openssh-server, openssh-client) is not installed");
        const Result<DeployKey> key = generateDeployKey(type, QStringLiteral("fluxdesk-test"));
        QVERIFY(key.ok());
        const QString keyPath = writeKey(*key);
        const QString base = m_dir.filePath(QStringLiteral("case%1").arg(++m_counter));
        TestSshServer sshd;
        QString error;
        if (!sshd.start(base + QStringLiteral("/sshd"), {keyPath + QStringLiteral(".pub")},
                        &error)) {
            if (::geteuid() != 0)
                QSKIP(qPrintable(QStringLiteral("sshd cannot run as this user here: ") + error));
            QFAIL(qPrintable(error));
        }
        QDir().mkpath(base + QStringLiteral("/repos"));
        const QString url = sshd.urlFor(base + QStringLiteral("/repos/fleet.git"));
        const TestRemoteAndWork repos =
            makeRemoteAndWork(base + QStringLiteral("/repos"), base, QStringLiteral("fleet"), url);
        bool pushed = false;
        runGit(repos.work,
               {QStringLiteral("push"), QStringLiteral("-q"), repos.remote, QStringLiteral("main")},
               &pushed);
        QVERIFY(pushed);
        const QString knownHosts = base + QStringLiteral("/known_hosts");
        writeFile(knownHosts, sshd.knownHostsLine().toUtf8() + '\n');

        // git ls-remote through OpenSSH's client, with this key alone.
        QProcess git;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("GIT_SSH_COMMAND"),
                   QStringLiteral("ssh -F /dev/null -o IdentitiesOnly=yes -o BatchMode=yes "
                                  "-o StrictHostKeyChecking=yes -o UserKnownHostsFile=%1 -i %2")
                       .arg(knownHosts, keyPath));
        git.setProcessEnvironment(env);
        git.start(QStringLiteral("git"), {QStringLiteral("ls-remote"), url});
        QVERIFY(git.waitForFinished(60000));
        const QString gitOutput = QString::fromUtf8(git.readAllStandardOutput());
        QVERIFY2(git.exitCode() == 0,
                 qPrintable(QString::fromUtf8(git.readAllStandardError()) + sshd.log()));
        QVERIFY2(gitOutput.contains(QLatin1String("refs/heads/main")), qPrintable(gitOutput));

        // A fetch through libgit2 (libssh2), with the key as the only credential, with and
        // without the .pub file beside it.
        for (const bool withPub : {true, false}) {
            if (!withPub)
                QFile::remove(keyPath + QStringLiteral(".pub"));
            GitResult<GitRepository> work = GitRepository::open(repos.work);
            QVERIFY(work.ok());
            GitTransfer transfer;
            GitCredentialSettings settings;
            settings.sshDir = QFileInfo(keyPath).absolutePath();
            settings.useSshAgent = false;
            settings.useGitCredentialHelper = false;
            settings.sshKeyNames = QStringList{QStringLiteral("identity")};
            settings.rememberAcceptedHosts = false;
            QFile::remove(settings.knownHostsPath());
            QFile::copy(knownHosts, settings.knownHostsPath());
            transfer.setSettings(settings);
            const GitResult<BranchInfo> fetched = gitFetch(*work, transfer);
            QVERIFY2(fetched.ok(), qPrintable(QStringLiteral("with .pub %1: %2\n%3")
                                                  .arg(withPub)
                                                  .arg(fetched.error().message, sshd.log())));
        }
        sshd.stop();
    }
};

QTEST_GUILESS_MAIN(TestDeployKey)
#include "tst_deploykey.moc"
