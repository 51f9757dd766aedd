// The flux-system Secret: its known_hosts taken from the user's known_hosts (plain, hashed,
// [host]:port, @revoked, several key types; an unknown or changed host refused with what to do),
// its shape for server-side apply, and a description that holds no secret.
#include "gittestsupport.h"

#include "flux/deploykey.h"
#include "flux/fluxknownhosts.h"
#include "flux/fluxsecret.h"
#include "git/knownhosts.h"

#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

// "type base64" of a key's public half: a host key for the known_hosts lines below.
QString keyField(const DeployKey &key)
{
    return key.publicKey.section(QLatin1Char(' '), 0, 1);
}

QJsonObject dataOf(const QJsonObject &secret)
{
    return secret.value(QLatin1String("data")).toObject();
}

QByteArray decoded(const QJsonObject &data, const char *key)
{
    return QByteArray::fromBase64(data.value(QLatin1String(key)).toString().toLatin1());
}

} // namespace

class TestFluxSecret : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    DeployKey m_ed25519; // host keys
    DeployKey m_ecdsa;
    DeployKey m_other;

    // %1 the Ed25519 host key, %2 the ECDSA one, %3 another Ed25519 key ("type base64").
    QString withKeys(QString text) const
    {
        return text.replace(QLatin1String("%1"), keyField(m_ed25519))
            .replace(QLatin1String("%2"), keyField(m_ecdsa))
            .replace(QLatin1String("%3"), keyField(m_other));
    }

    QString knownHostsFile(const QString &name, const QString &text)
    {
        const QString path = m_dir.filePath(name);
        writeFile(path, text.toUtf8());
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_ed25519 = *generateDeployKey(DeployKeyType::Ed25519, QStringLiteral("host"));
        m_ecdsa = *generateDeployKey(DeployKeyType::EcdsaP384, QStringLiteral("host"));
        m_other = *generateDeployKey(DeployKeyType::Ed25519, QStringLiteral("attacker"));
        QVERIFY(m_ed25519.isValid() && m_ecdsa.isValid() && m_other.isValid());
    }

    void knownHostsTaken_data()
    {
        QTest::addColumn<QString>("file"); // %1 ed25519, %2 ecdsa, %3 other
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("expected"); // %1 ed25519, %2 ecdsa; empty: refused
        QTest::addRow("plain, two key types")
            << "# mine\ngithub.com %1 c\nother.org %3\ngithub.com,140.82.121.4 %2\n"
            << "github.com" << 22 << "github.com %1\ngithub.com %2\n";
        QTest::addRow("plain, other port unknown") << "github.com %1\n"
                                                   << "github.com" << 2222 << "";
        QTest::addRow("[host]:port") << "[gitea.lan]:2222 %2\ngitea.lan %3\n"
                                     << "gitea.lan" << 2222 << "[gitea.lan]:2222 %2\n";
        QTest::addRow("wildcard") << "*.lan %1\n"
                                  << "gitea.lan" << 22 << "gitea.lan %1\n";
        QTest::addRow("revoked key left out")
            << "@revoked gitea.lan %3\ngitea.lan %3\ngitea.lan %1\n"
            << "gitea.lan" << 22 << "gitea.lan %1\n";
        QTest::addRow("every key revoked") << "@revoked gitea.lan %3\ngitea.lan %3\n"
                                           << "gitea.lan" << 22 << "";
        QTest::addRow("unknown host") << "github.com %1\n"
                                      << "gitea.lan" << 22 << "";
        QTest::addRow("empty file") << ""
                                    << "gitea.lan" << 22 << "";
    }
    void knownHostsTaken()
    {
        QFETCH(QString, file);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, expected);
        const QString path = knownHostsFile(
            QStringLiteral("known_hosts_%1").arg(QString::fromLatin1(QTest::currentDataTag())),
            withKeys(file));
        const Result<FluxKnownHosts> result = fluxKnownHosts(path, host, port);
        if (expected.isEmpty()) {
            QVERIFY(!result.ok());
            const QString message = result.error().message;
            QVERIFY2(message.contains(KnownHosts::hostName(host, port)), qPrintable(message));
            QVERIFY2(message.contains(path), qPrintable(message));
            QVERIFY2(message.contains(QLatin1String("ssh-keyscan")), qPrintable(message));
            QVERIFY2(message.contains(QLatin1String("fingerprint")), qPrintable(message));
            return;
        }
        QVERIFY2(result.ok(), qPrintable(result.error().message));
        QCOMPARE(QString::fromUtf8(result->text), withKeys(expected));
        QCOMPARE(result->host, host);
        QCOMPARE(result->port, port);
        QCOMPARE(result->fingerprints.size(), int(result->text.count('\n')));
        QVERIFY(result->fingerprints.first().contains(QLatin1String(" SHA256:")));
    }

    // Hashed known_hosts (HashKnownHosts yes): found all the same, written for Flux in the plain
    // form, which OpenSSH's ssh-keygen -F finds again.
    void hashedKnownHosts()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("ssh-keygen")).isEmpty())
            QSKIP("ssh-keygen (openssh-client) is not installed");
        const QString path =
            knownHostsFile(QStringLiteral("hashed"),
                           QStringLiteral("[gitea.lan]:2222 %1\n[gitea.lan]:2222 %2\n"
                                          "github.com %3\n")
                               .arg(keyField(m_ed25519), keyField(m_ecdsa), keyField(m_other)));
        QVERIFY(
            runProgram(QStringLiteral("ssh-keygen"),
                       {QStringLiteral("-q"), QStringLiteral("-H"), QStringLiteral("-f"), path}));
        QVERIFY(readFile(path).startsWith("|1|"));
        QVERIFY(!readFile(path).contains("gitea.lan"));
        const Result<FluxKnownHosts> result =
            fluxKnownHosts(path, QStringLiteral("gitea.lan"), 2222);
        QVERIFY2(result.ok(), qPrintable(result.error().message));
        QCOMPARE(QString::fromUtf8(result->text),
                 QStringLiteral("[gitea.lan]:2222 %1\n[gitea.lan]:2222 %2\n")
                     .arg(keyField(m_ed25519), keyField(m_ecdsa)));

        const QString forFlux =
            knownHostsFile(QStringLiteral("for_flux"), QString::fromUtf8(result->text));
        QString found;
        QVERIFY(runProgram(QStringLiteral("ssh-keygen"),
                           {QStringLiteral("-F"), QStringLiteral("[gitea.lan]:2222"),
                            QStringLiteral("-f"), forFlux},
                           &found));
        QVERIFY2(found.contains(keyField(m_ed25519)) && found.contains(keyField(m_ecdsa)),
                 qPrintable(found));
    }

    // The key the host offered on the connection just made decides first.
    void presentedKey_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("presented"); // ed25519, ecdsa or other
        QTest::addColumn<QString>("refusal");   // in the message; empty: accepted
        QTest::addRow("known") << "gitea.lan %1\n"
                               << "ed25519"
                               << "";
        QTest::addRow("changed") << "gitea.lan %1\n"
                                 << "other"
                                 << "intercepting";
        QTest::addRow("revoked") << "@revoked gitea.lan %3\ngitea.lan %1\n"
                                 << "other"
                                 << "revoked";
        QTest::addRow("other key type") << "gitea.lan %1\n"
                                        << "ecdsa"
                                        << "ssh-ed25519";
        QTest::addRow("unknown") << "github.com %1\n"
                                 << "ed25519"
                                 << "ssh-keyscan";
    }
    void presentedKey()
    {
        QFETCH(QString, file);
        QFETCH(QString, presented);
        QFETCH(QString, refusal);
        const QString path = knownHostsFile(
            QStringLiteral("presented_%1").arg(QString::fromLatin1(QTest::currentDataTag())),
            withKeys(file));
        const DeployKey &key = presented == QLatin1String("ed25519") ? m_ed25519
                               : presented == QLatin1String("ecdsa") ? m_ecdsa
                                                                     : m_other;
        const Result<FluxKnownHosts> result =
            fluxKnownHosts(path, QStringLiteral("gitea.lan"), 22, key.publicKeyBlob);
        if (refusal.isEmpty()) {
            QVERIFY2(result.ok(), qPrintable(result.error().message));
            QCOMPARE(QString::fromUtf8(result->text),
                     QStringLiteral("gitea.lan %1\n").arg(keyField(m_ed25519)));
            return;
        }
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains(refusal), qPrintable(result.error().message));
        QVERIFY2(result.error().message.contains(QLatin1String("gitea.lan")),
                 qPrintable(result.error().message));
    }

    void sshSecretShape()
    {
        Result<DeployKey> key =
            generateDeployKey(DeployKeyType::EcdsaP384, QStringLiteral("flux-system-home"));
        QVERIFY(key.ok());
        const QString path = knownHostsFile(
            QStringLiteral("shape"), QStringLiteral("github.com %1\n").arg(keyField(m_ed25519)));
        const Result<FluxKnownHosts> hosts = fluxKnownHosts(path, QStringLiteral("github.com"), 22);
        QVERIFY(hosts.ok());
        const QJsonObject secret = fluxSshSecret(*key, *hosts);
        QCOMPARE(secret.value(QLatin1String("apiVersion")).toString(), QStringLiteral("v1"));
        QCOMPARE(secret.value(QLatin1String("kind")).toString(), QStringLiteral("Secret"));
        const QJsonObject metadata = secret.value(QLatin1String("metadata")).toObject();
        QCOMPARE(metadata.value(QLatin1String("name")).toString(), QStringLiteral("flux-system"));
        QCOMPARE(metadata.value(QLatin1String("namespace")).toString(),
                 QStringLiteral("flux-system"));
        const QJsonObject data = dataOf(secret);
        QCOMPARE(data.keys(),
                 (QStringList{QStringLiteral("identity"), QStringLiteral("identity.pub"),
                              QStringLiteral("known_hosts")}));
        QCOMPARE(decoded(data, "identity"), key->privateKey);
        QCOMPARE(decoded(data, "identity.pub"), key->publicKey.toUtf8() + '\n');
        QCOMPARE(decoded(data, "known_hosts"), hosts->text);

        const QString description = describeFluxSecret(secret);
        QVERIFY2(description.contains(QLatin1String("flux-system")), qPrintable(description));
        QVERIFY2(description.contains(key->fingerprint), qPrintable(description));
        QVERIFY2(description.contains(QLatin1String("flux-system-home")), qPrintable(description));
        QVERIFY2(description.contains(m_ed25519.fingerprint), qPrintable(description));
        QVERIFY2(description.contains(QLatin1String("hidden")), qPrintable(description));
        // No key material: neither the PEM's lines, nor the encoded forms, nor the public blob.
        const QString pemBody = QString::fromLatin1(key->privateKey)
                                    .section(QLatin1Char('\n'), 1, -3)
                                    .remove(QLatin1Char('\n'));
        QVERIFY(pemBody.size() > 100);
        for (qsizetype at = 0; at + 16 <= pemBody.size(); at += 8)
            QVERIFY2(!description.contains(pemBody.mid(at, 16)), qPrintable(description));
        QVERIFY(!description.contains(data.value(QLatin1String("identity")).toString().left(16)));
        QVERIFY(!description.contains(keyField(*key).section(QLatin1Char(' '), 1)));
    }

    void tokenSecretShape()
    {
        const QString token = QStringLiteral("glpat-9zY8xW7vU6tS5rQ4pO3n");
        const QJsonObject secret = fluxTokenSecret(QStringLiteral("git"), token);
        QCOMPARE(secret.value(QLatin1String("metadata")).toObject(),
                 (QJsonObject{{QStringLiteral("name"), QStringLiteral("flux-system")},
                              {QStringLiteral("namespace"), QStringLiteral("flux-system")}}));
        const QJsonObject data = dataOf(secret);
        QCOMPARE(data.keys(),
                 (QStringList{QStringLiteral("password"), QStringLiteral("username")}));
        QCOMPARE(decoded(data, "username"), QByteArray("git"));
        QCOMPARE(decoded(data, "password"), token.toUtf8());
        const QString description = describeFluxSecret(secret);
        QVERIFY2(description.contains(QLatin1String("username: git")), qPrintable(description));
        QVERIFY2(description.contains(QLatin1String("hidden")), qPrintable(description));
        QVERIFY(!description.contains(token));
        QVERIFY(!description.contains(data.value(QLatin1String("password")).toString()));
    }
};

QTEST_GUILESS_MAIN(TestFluxSecret)
#include "tst_fluxsecret.moc"
