// Resolving kubeconfig contexts into ConnectionSettings: every auth variant with real
// openssl-generated certificates, bad inputs, and exec credential plugins (caching, expiry).
#include "kube/connectionsettings.h"
#include "kube/execcredential.h"
#include "kubetestpki.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtConcurrent>
#include <QTemporaryDir>
#include <QtTest>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

// Secrets used in kubeconfigs below; no error message may contain them.
const char kSecret[] = "s3cr3t-value";

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QByteArray b64(const QByteArray &data)
{
    return data.toBase64();
}

} // namespace

class TestConnectionSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void auth_data();
    void auth();
    void errors_data();
    void errors();
    void plainHttpCredentialsWarn_data();
    void plainHttpCredentialsWarn();
    void execCaching_data();
    void execCaching();
    void execEnvironment();
    void execClientCertificate();
    void execErrors_data();
    void execErrors();
    void execTimeout();
    void execConcurrent();

private:
    QString writeConfig(const QByteArray &yaml);
    Result<ConnectionSettings> resolve(const QByteArray &yaml, const QString &context = {});
    QByteArray execUser(const QByteArray &name, const QByteArray &mode = {},
                        const QByteArray &expiry = {},
                        const QByteArray &api = "client.authentication.k8s.io/v1") const;
    int runs(const QByteArray &name) const;

    QTemporaryDir m_dir;
    TestCertificate m_rsa, m_rsaTraditional, m_ec, m_ecTraditional, m_expired;
    QString m_bundle; // two CA certificates in one file
    QString m_plugin;
    int m_configCount = 0;
};

void TestConnectionSettings::initTestCase()
{
    QVERIFY(m_dir.isValid());
    KubeTestPki pki(m_dir.path());
    QVERIFY2(pki.rsa(QStringLiteral("rsa"), &m_rsa), qPrintable(pki.error()));
    QVERIFY2(
        pki.rsa(QStringLiteral("rsa1"), &m_rsaTraditional, KubeTestPki::KeyFormat::Traditional),
        qPrintable(pki.error()));
    QVERIFY2(pki.ec(QStringLiteral("ec"), &m_ec), qPrintable(pki.error()));
    QVERIFY2(pki.ec(QStringLiteral("ec1"), &m_ecTraditional, KubeTestPki::KeyFormat::Traditional),
             qPrintable(pki.error()));
    QVERIFY2(pki.expired(QStringLiteral("expired"), &m_expired), qPrintable(pki.error()));
    // The generator must give what the names promise.
    QVERIFY(m_rsa.keyPem.startsWith("-----BEGIN PRIVATE KEY-----"));
    QVERIFY(m_rsaTraditional.keyPem.startsWith("-----BEGIN RSA PRIVATE KEY-----"));
    QVERIFY(m_ecTraditional.keyPem.startsWith("-----BEGIN EC PRIVATE KEY-----"));
    QVERIFY(QSslCertificate(m_expired.certPem).expiryDate() < QDateTime::currentDateTimeUtc());

    m_bundle = m_dir.filePath(QStringLiteral("bundle.crt"));
    QVERIFY(writeFile(m_bundle, m_rsa.certPem + m_ec.certPem));
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("token")), "  file-token\n"));
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("empty-token")), "\n"));
    QVERIFY(
        writeFile(m_dir.filePath(QStringLiteral("bad.pem")),
                  "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n"));
    m_plugin = m_dir.filePath(QStringLiteral("plugin.sh"));
    QVERIFY(QFile::copy(QStringLiteral(FLUXDESK_TEST_DATA "/kubeconfig/exec-plugin.sh"), m_plugin));
    QVERIFY(QFile::setPermissions(m_plugin, QFile::permissions(m_plugin) | QFile::ExeOwner));
    clearExecCredentialCache();
}

QString TestConnectionSettings::writeConfig(const QByteArray &yaml)
{
    const QString path = m_dir.filePath(QStringLiteral("config-%1.yaml").arg(++m_configCount));
    QByteArray text = yaml;
    text.replace("@DIR@", m_dir.path().toUtf8());
    return writeFile(path, text) ? path : QString();
}

Result<ConnectionSettings> TestConnectionSettings::resolve(const QByteArray &yaml,
                                                           const QString &context)
{
    const Result<Kubeconfig> config = Kubeconfig::load({writeConfig(yaml)});
    if (!config)
        return config.error();
    return resolveContext(config.value(), context);
}

QByteArray TestConnectionSettings::execUser(const QByteArray &name, const QByteArray &mode,
                                            const QByteArray &expiry, const QByteArray &api) const
{
    return "clusters:\n- name: c\n  cluster:\n    server: https://127.0.0.1:6443\n"
           "users:\n- name: u\n  user:\n    exec:\n      apiVersion: " +
           api + "\n      command: ./plugin.sh\n      args: [tok]\n      env:\n" +
           "      - {name: NAME, value: '" + name + "'}\n      - {name: MODE, value: '" + mode +
           "'}\n      - {name: EXPIRY, value: '" + expiry + "'}\n      - {name: API, value: '" +
           api + "'}\n      installHint: 'Install it with: apt install fluxdesk-plugin'\n" +
           "contexts:\n- name: x\n  context: {cluster: c, user: u}\ncurrent-context: x\n";
}

int TestConnectionSettings::runs(const QByteArray &name) const
{
    QFile f(m_dir.filePath(QLatin1String("count-") + QString::fromUtf8(name)));
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toInt() : 0;
}

void TestConnectionSettings::auth_data()
{
    QTest::addColumn<QByteArray>("user");    // the users[0].user block (4-space indent)
    QTest::addColumn<QByteArray>("cluster"); // extra cluster fields (4-space indent)
    QTest::addColumn<int>("keyAlgorithm");   // -1: no client certificate
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("username");
    QTest::addColumn<int>("caCount");
    QTest::addColumn<QString>("tlsServerName");
    QTest::addColumn<int>("proxyType");
    QTest::addColumn<QString>("proxyHost");
    QTest::addColumn<int>("proxyPort");
    QTest::addColumn<bool>("insecure");

    const int none = -1, rsa = int(QSsl::Rsa), ec = int(QSsl::Ec);
    const int noProxy = int(QNetworkProxy::NoProxy);
    auto files = [](const TestCertificate &c) -> QByteArray {
        return "    client-certificate: " + c.certFile.toUtf8() +
               "\n    client-key: " + c.keyFile.toUtf8() + "\n";
    };
    auto data = [](const TestCertificate &c) -> QByteArray {
        return "    client-certificate-data: " + b64(c.certPem) +
               "\n    client-key-data: " + b64(c.keyPem) + "\n";
    };

    QTest::addRow("rsa pkcs8 files")
        << files(m_rsa) << QByteArray() << rsa << QString() << QString() << 0 << QString()
        << noProxy << QString() << 0 << false;
    QTest::addRow("rsa traditional files")
        << files(m_rsaTraditional) << QByteArray() << rsa << QString() << QString() << 0
        << QString() << noProxy << QString() << 0 << false;
    QTest::addRow("ec pkcs8 data") << data(m_ec) << QByteArray() << ec << QString() << QString()
                                   << 0 << QString() << noProxy << QString() << 0 << false;
    QTest::addRow("ec traditional data")
        << data(m_ecTraditional) << QByteArray() << ec << QString() << QString() << 0 << QString()
        << noProxy << QString() << 0 << false;
    QTest::addRow("token") << QByteArray("    token: abc.def\n") << QByteArray() << none
                           << QStringLiteral("abc.def") << QString() << 0 << QString() << noProxy
                           << QString() << 0 << false;
    QTest::addRow("tokenFile, trimmed")
        << QByteArray("    tokenFile: @DIR@/token\n") << QByteArray() << none
        << QStringLiteral("file-token") << QString() << 0 << QString() << noProxy << QString() << 0
        << false;
    QTest::addRow("token wins over tokenFile")
        << QByteArray("    token: inline\n    tokenFile: @DIR@/token\n") << QByteArray() << none
        << QStringLiteral("inline") << QString() << 0 << QString() << noProxy << QString() << 0
        << false;
    QTest::addRow("basic auth") << QByteArray("    username: admin\n    password: pw\n")
                                << QByteArray() << none << QString() << QStringLiteral("admin") << 0
                                << QString() << noProxy << QString() << 0 << false;
    QTest::addRow("ca bundle file")
        << QByteArray("    token: t\n") << "    certificate-authority: " + m_bundle.toUtf8() + "\n"
        << none << QStringLiteral("t") << QString() << 2 << QString() << noProxy << QString() << 0
        << false;
    QTest::addRow("ca data") << QByteArray("    token: t\n")
                             << "    certificate-authority-data: " + b64(m_ec.certPem) + "\n"
                             << none << QStringLiteral("t") << QString() << 1 << QString()
                             << noProxy << QString() << 0 << false;
    QTest::addRow("insecure") << QByteArray("    token: t\n")
                              << QByteArray("    insecure-skip-tls-verify: true\n") << none
                              << QStringLiteral("t") << QString() << 0 << QString() << noProxy
                              << QString() << 0 << true;
    QTest::addRow("tls-server-name")
        << QByteArray() << QByteArray("    tls-server-name: kube.lan\n") << none << QString()
        << QString() << 0 << QStringLiteral("kube.lan") << noProxy << QString() << 0 << false;
    QTest::addRow("http proxy") << QByteArray()
                                << QByteArray("    proxy-url: http://proxy.lan:3128\n") << none
                                << QString() << QString() << 0 << QString()
                                << int(QNetworkProxy::HttpProxy) << QStringLiteral("proxy.lan")
                                << 3128 << false;
    QTest::addRow("https proxy, default port")
        << QByteArray() << QByteArray("    proxy-url: https://proxy.lan\n") << none << QString()
        << QString() << 0 << QString() << int(QNetworkProxy::HttpProxy)
        << QStringLiteral("proxy.lan") << 443 << false;
    QTest::addRow("socks5 proxy") << QByteArray()
                                  << QByteArray("    proxy-url: socks5://u:p@10.0.0.1\n") << none
                                  << QString() << QString() << 0 << QString()
                                  << int(QNetworkProxy::Socks5Proxy) << QStringLiteral("10.0.0.1")
                                  << 1080 << false;
}

void TestConnectionSettings::auth()
{
    QFETCH(QByteArray, user);
    QFETCH(QByteArray, cluster);
    QFETCH(int, keyAlgorithm);
    QFETCH(QString, token);
    QFETCH(QString, username);
    QFETCH(int, caCount);
    QFETCH(QString, tlsServerName);
    QFETCH(int, proxyType);
    QFETCH(QString, proxyHost);
    QFETCH(int, proxyPort);
    QFETCH(bool, insecure);

    const QByteArray yaml =
        "clusters:\n- name: home\n  cluster:\n    server: https://10.0.0.2:6443\n" + cluster +
        "users:\n- name: me\n  user:\n" + (user.isEmpty() ? "    {}\n" : user) +
        "contexts:\n- name: ctx\n  context: {cluster: home, user: me, namespace: "
        "apps}\ncurrent-context: ctx\n";
    const Result<ConnectionSettings> s = resolve(yaml);
    QVERIFY2(s.ok(), qPrintable(s.error().toString()));
    QCOMPARE(s->contextName, QStringLiteral("ctx"));
    QCOMPARE(s->clusterName, QStringLiteral("home"));
    QCOMPARE(s->userName, QStringLiteral("me"));
    QCOMPARE(s->defaultNamespace, QStringLiteral("apps"));
    QCOMPARE(s->server, QUrl(QStringLiteral("https://10.0.0.2:6443")));
    QCOMPARE(s->hasClientCertificate(), keyAlgorithm != -1);
    if (keyAlgorithm != -1) {
        QVERIFY(!s->clientKey.isNull());
        QCOMPARE(int(s->clientKey.algorithm()), keyAlgorithm);
        QCOMPARE(s->clientCertificate.publicKey().algorithm(), s->clientKey.algorithm());
    }
    QCOMPARE(s->bearerToken, token);
    QCOMPARE(s->username, username);
    QCOMPARE(s->password, username.isEmpty() ? QString() : QStringLiteral("pw"));
    QCOMPARE(s->caCertificates.size(), caCount);
    QCOMPARE(s->tlsServerName, tlsServerName);
    QCOMPARE(int(s->proxy.type()), proxyType);
    QCOMPARE(s->proxy.hostName(), proxyHost);
    QCOMPARE(int(s->proxy.port()), proxyPort);
    if (proxyType == int(QNetworkProxy::Socks5Proxy)) {
        QCOMPARE(s->proxy.user(), QStringLiteral("u"));
        QCOMPARE(s->proxy.password(), QStringLiteral("p"));
    }
    QCOMPARE(s->insecureSkipTlsVerify, insecure);
    QCOMPARE(s->warnings.size(), insecure ? 1 : 0);
    if (insecure)
        QVERIFY2(s->warnings.first().contains(QLatin1String("\"home\"")),
                 qPrintable(s->warnings.first()));
    QVERIFY(!s->credentialExpiry.isValid());
}

void TestConnectionSettings::errors_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("context");
    QTest::addColumn<QStringList>("expected"); // parts of the message; "@CONFIG@" is the file

    const QByteArray cluster = "clusters:\n- name: c\n  cluster:\n    server: https://h:6443\n";
    const QByteArray ctx = "contexts:\n- name: x\n  context: {cluster: c, user: u}\n";
    auto withUser = [&](const QByteArray &user) -> QByteArray {
        return cluster + "users:\n- name: u\n  user:\n    password: " + kSecret + "\n" + user + ctx;
    };
    auto withCluster = [&](const QByteArray &extra) -> QByteArray {
        return cluster + extra + "users:\n- name: u\n  user:\n    token: " + kSecret + "\n" + ctx;
    };

    QTest::addRow("missing context")
        << withUser({}) << QStringLiteral("nope")
        << QStringList{QStringLiteral("context \"nope\" not found"), QStringLiteral("@CONFIG@")};
    QTest::addRow("no current context")
        << withUser({}) << QString() << QStringList{QStringLiteral("current-context")};
    QTest::addRow("missing cluster")
        << QByteArray("users:\n- name: u\n  user: {token: s3cr3t-value}\n" + ctx)
        << QStringLiteral("x")
        << QStringList{QStringLiteral("cluster \"c\""), QStringLiteral("@CONFIG@")};
    QTest::addRow("missing user") << QByteArray(cluster + ctx) << QStringLiteral("x")
                                  << QStringList{QStringLiteral("user \"u\""),
                                                 QStringLiteral("@CONFIG@")};
    QTest::addRow("no server") << QByteArray("clusters:\n- name: c\n  cluster: {}\n"
                                             "users:\n- name: u\n  user: {}\n" +
                                             ctx)
                               << QStringLiteral("x") << QStringList{QStringLiteral("no server")};
    QTest::addRow("server not a URL")
        << QByteArray("clusters:\n- name: c\n  cluster: {server: 'ftp://h'}\nusers:\n- name: u\n  "
                      "user: {}\n" +
                      ctx)
        << QStringLiteral("x") << QStringList{QStringLiteral("ftp://h")};
    QTest::addRow("cert file missing")
        << withUser("    client-certificate: nowhere/client.crt\n    client-key: @DIR@/rsa.key\n")
        << QStringLiteral("x")
        << QStringList{QStringLiteral("@DIR@/nowhere/client.crt"), QStringLiteral("not found"),
                       QStringLiteral("@CONFIG@")};
    QTest::addRow("key file missing")
        << withUser("    client-certificate: @DIR@/rsa.crt\n    client-key: @DIR@/gone.key\n")
        << QStringLiteral("x")
        << QStringList{QStringLiteral("@DIR@/gone.key"), QStringLiteral("@CONFIG@")};
    QTest::addRow("bad PEM cert file")
        << withUser("    client-certificate: @DIR@/bad.pem\n    client-key: @DIR@/rsa.key\n")
        << QStringLiteral("x")
        << QStringList{QStringLiteral("@DIR@/bad.pem"), QStringLiteral("no valid PEM certificate")};
    QTest::addRow("key is not a key")
        << withUser("    client-certificate: @DIR@/rsa.crt\n    client-key: @DIR@/rsa.crt\n")
        << QStringLiteral("x")
        << QStringList{QStringLiteral("@DIR@/rsa.crt"), QStringLiteral("private key")};
    QTest::addRow("cert without key")
        << withUser("    client-certificate: @DIR@/rsa.crt\n") << QStringLiteral("x")
        << QStringList{QStringLiteral("both a client certificate")};
    QTest::addRow("expired cert file")
        << withUser(
               "    client-certificate: @DIR@/expired.crt\n    client-key: @DIR@/expired.key\n")
        << QStringLiteral("x")
        << QStringList{QStringLiteral("@DIR@/expired.crt"), QStringLiteral("expired"),
                       QStringLiteral("2020-01-02")};
    QTest::addRow("expired cert data")
        << withUser("    client-certificate-data: " + b64(m_expired.certPem) +
                    "\n    client-key-data: " + b64(m_expired.keyPem) + "\n")
        << QStringLiteral("x")
        << QStringList{QStringLiteral("client-certificate-data of user \"u\""),
                       QStringLiteral("expired")};
    QTest::addRow("CA file missing")
        << withCluster("    certificate-authority: ca-missing.crt\n") << QStringLiteral("x")
        << QStringList{QStringLiteral("@DIR@/ca-missing.crt"), QStringLiteral("@CONFIG@")};
    QTest::addRow("CA file bad PEM")
        << withCluster("    certificate-authority: bad.pem\n") << QStringLiteral("x")
        << QStringList{QStringLiteral("@DIR@/bad.pem"), QStringLiteral("no valid PEM")};
    QTest::addRow("CA data is a key")
        << withCluster("    certificate-authority-data: " + b64(m_rsa.keyPem) + "\n")
        << QStringLiteral("x")
        << QStringList{QStringLiteral("certificate-authority-data of cluster \"c\"")};
    // kubectl: "specifying a root certificates file with the insecure flag is not allowed".
    QTest::addRow("insecure with a CA file")
        << withCluster("    insecure-skip-tls-verify: true\n    certificate-authority: "
                       "@DIR@/bundle.crt\n")
        << QStringLiteral("x")
        << QStringList{QStringLiteral("cluster \"c\""), QStringLiteral("insecure-skip-tls-verify"),
                       QStringLiteral("not allowed"), QStringLiteral("@CONFIG@")};
    QTest::addRow("insecure with CA data")
        << withCluster("    certificate-authority-data: " + b64(m_ec.certPem) +
                       "\n    insecure-skip-tls-verify: true\n")
        << QStringLiteral("x")
        << QStringList{QStringLiteral("cluster \"c\""), QStringLiteral("insecure-skip-tls-verify"),
                       QStringLiteral("not allowed"), QStringLiteral("@CONFIG@")};
    QTest::addRow("bad proxy scheme")
        << withCluster("    proxy-url: ftp://p:21\n") << QStringLiteral("x")
        << QStringList{QStringLiteral("proxy-url of cluster \"c\"")};
    QTest::addRow("tokenFile missing")
        << withUser("    tokenFile: @DIR@/no-token\n") << QStringLiteral("x")
        << QStringList{QStringLiteral("@DIR@/no-token")};
    QTest::addRow("tokenFile empty")
        << withUser("    tokenFile: @DIR@/empty-token\n") << QStringLiteral("x")
        << QStringList{QStringLiteral("is empty")};
}

void TestConnectionSettings::errors()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, context);
    QFETCH(QStringList, expected);

    const QString config = writeConfig(yaml);
    const Result<Kubeconfig> kc = Kubeconfig::load({config});
    QVERIFY2(kc.ok(), qPrintable(kc.error().toString()));
    const Result<ConnectionSettings> s = resolveContext(kc.value(), context);
    QVERIFY(!s.ok());
    const QString text = s.error().toString();
    for (QString part : std::as_const(expected)) {
        part.replace(QLatin1String("@CONFIG@"), config)
            .replace(QLatin1String("@DIR@"), m_dir.path());
        QVERIFY2(text.contains(part), qPrintable(text + QLatin1String(" lacks ") + part));
    }
    QVERIFY2(!text.contains(QLatin1String(kSecret)), qPrintable(text));
}

void TestConnectionSettings::plainHttpCredentialsWarn_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("expected"); // "": no warning

    auto config = [](const QByteArray &server, const QByteArray &user) -> QByteArray {
        return "clusters:\n- name: c\n  cluster:\n    server: " + server +
               "\nusers:\n- name: u\n  user:\n" + user +
               "contexts:\n- name: x\n  context: {cluster: c, user: u}\ncurrent-context: x\n";
    };
    const QByteArray http = "http://kube.lan:8080";
    const QByteArray token = "    token: " + QByteArray(kSecret) + "\n";
    QTest::addRow("token over http")
        << config(http, token)
        << QStringLiteral("The token of user \"u\" is sent unencrypted to http://kube.lan:8080");
    QTest::addRow("password over http")
        << config(http, "    username: admin\n    password: " + QByteArray(kSecret) + "\n")
        << QStringLiteral("The password of user \"u\" is sent unencrypted to http://kube.lan:8080");
    QTest::addRow("userinfo in the server URL is not repeated")
        << config("http://admin:" + QByteArray(kSecret) + "@kube.lan:8080", token)
        << QStringLiteral("unencrypted to http://kube.lan:8080");
    QByteArray exec = execUser("http");
    exec.replace("https://127.0.0.1:6443", "http://127.0.0.1:6443");
    QTest::addRow("exec token over http")
        << exec
        << QStringLiteral("The token of user \"u\" is sent unencrypted to http://127.0.0.1");
    QTest::addRow("token over https") << config("https://kube.lan:6443", token) << QString();
    QTest::addRow("nothing to send over http") << config(http, "    {}\n") << QString();
}

void TestConnectionSettings::plainHttpCredentialsWarn()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, expected);
    const Result<ConnectionSettings> s = resolve(yaml);
    QVERIFY2(s.ok(), qPrintable(s.error().toString()));
    if (expected.isEmpty()) {
        QVERIFY2(s->warnings.isEmpty(), qPrintable(s->warnings.join(QLatin1Char('\n'))));
        return;
    }
    QCOMPARE(s->warnings.size(), 1);
    QVERIFY2(s->warnings.first().contains(expected), qPrintable(s->warnings.first()));
    QVERIFY2(!s->warnings.first().contains(QLatin1String(kSecret)),
             qPrintable(s->warnings.first()));
}

void TestConnectionSettings::execCaching_data()
{
    QTest::addColumn<QByteArray>("expiry");
    QTest::addColumn<int>("runsAfterTwo");
    QTest::addColumn<QByteArray>("api");
    const QByteArray future =
        QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate).toUtf8();
    QTest::addRow("no expiry: cached for the process")
        << QByteArray() << 1 << QByteArray("client.authentication.k8s.io/v1");
    QTest::addRow("future expiry: cached")
        << future << 1 << QByteArray("client.authentication.k8s.io/v1");
    QTest::addRow("past expiry: run again")
        << QByteArray("2020-01-01T00:00:00Z") << 2 << QByteArray("client.authentication.k8s.io/v1");
    QTest::addRow("v1beta1") << QByteArray() << 1
                             << QByteArray("client.authentication.k8s.io/v1beta1");
}

void TestConnectionSettings::execCaching()
{
    QFETCH(QByteArray, expiry);
    QFETCH(int, runsAfterTwo);
    QFETCH(QByteArray, api);
    const QByteArray name = QTest::currentDataTag();

    const Result<Kubeconfig> config =
        Kubeconfig::load({writeConfig(execUser(name, {}, expiry, api))});
    QVERIFY(config.ok());
    Result<ConnectionSettings> s = resolveContext(config.value(), {});
    QVERIFY2(s.ok(), qPrintable(s.error().toString()));
    QCOMPARE(s->bearerToken, QStringLiteral("tok-1"));
    QCOMPARE(s->credentialExpiry.isValid(), !expiry.isEmpty());
    if (!expiry.isEmpty())
        QCOMPARE(s->credentialExpiry,
                 QDateTime::fromString(QString::fromUtf8(expiry), Qt::ISODate));
    QCOMPARE(runs(name), 1);

    s = resolveContext(config.value(), {});
    QVERIFY(s.ok());
    QCOMPARE(runs(name), runsAfterTwo);
    QCOMPARE(s->bearerToken, QStringLiteral("tok-%1").arg(runsAfterTwo));

    // After a 401 the caller forgets the credential: the plugin runs again.
    clearExecCredentialCache();
    s = resolveContext(config.value(), {});
    QVERIFY(s.ok());
    QCOMPARE(runs(name), runsAfterTwo + 1);
}

void TestConnectionSettings::execEnvironment()
{
    QByteArray yaml = execUser("env");
    yaml.replace("      installHint:", "      provideClusterInfo: true\n      installHint:");
    yaml.replace("    server: https://127.0.0.1:6443\n",
                 "    server: https://127.0.0.1:6443\n    tls-server-name: kube.lan\n");
    const Result<ConnectionSettings> s = resolve(yaml);
    QVERIFY2(s.ok(), qPrintable(s.error().toString()));
    QCOMPARE(s->bearerToken, QStringLiteral("tok-1")); // args[0] and the run number

    QFile f(m_dir.filePath(QStringLiteral("info-env")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject info = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(info.value(QLatin1String("kind")).toString(), QStringLiteral("ExecCredential"));
    QCOMPARE(info.value(QLatin1String("apiVersion")).toString(),
             QStringLiteral("client.authentication.k8s.io/v1"));
    const QJsonObject spec = info.value(QLatin1String("spec")).toObject();
    QCOMPARE(spec.value(QLatin1String("interactive")), QJsonValue(false));
    const QJsonObject cluster = spec.value(QLatin1String("cluster")).toObject();
    QCOMPARE(cluster.value(QLatin1String("server")).toString(),
             QStringLiteral("https://127.0.0.1:6443"));
    QCOMPARE(cluster.value(QLatin1String("tls-server-name")).toString(),
             QStringLiteral("kube.lan"));
}

void TestConnectionSettings::execClientCertificate()
{
    const QJsonObject cred{
        {QStringLiteral("apiVersion"), QStringLiteral("client.authentication.k8s.io/v1")},
        {QStringLiteral("kind"), QStringLiteral("ExecCredential")},
        {QStringLiteral("status"),
         QJsonObject{{QStringLiteral("clientCertificateData"), QString::fromUtf8(m_ec.certPem)},
                     {QStringLiteral("clientKeyData"), QString::fromUtf8(m_ec.keyPem)}}}};
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("cert.json")), QJsonDocument(cred).toJson()));
    const Result<ConnectionSettings> s = resolve(execUser("cert", "cert"));
    QVERIFY2(s.ok(), qPrintable(s.error().toString()));
    QVERIFY(s->hasClientCertificate());
    QCOMPARE(s->clientCertificate, QSslCertificate(m_ec.certPem));
    QCOMPARE(s->clientKey.algorithm(), QSsl::Ec);
    QVERIFY(s->bearerToken.isEmpty());
}

void TestConnectionSettings::execErrors_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QStringList>("expected");

    QTest::addRow("non-zero exit")
        << execUser("fail", "fail")
        << QStringList{QStringLiteral("exit code 3"), QStringLiteral("boom line1\nline2"),
                       QStringLiteral("@DIR@/plugin.sh")};
    QTest::addRow("not JSON") << execUser("bad", "bad")
                              << QStringList{QStringLiteral("invalid ExecCredential")};
    QByteArray missing = execUser("missing");
    missing.replace("command: ./plugin.sh", "command: fluxdesk-no-such-plugin");
    QTest::addRow("command not found")
        << missing
        << QStringList{QStringLiteral("fluxdesk-no-such-plugin"), QStringLiteral("not found"),
                       QStringLiteral("Install it with: apt install fluxdesk-plugin")};
    QByteArray wrongApi = execUser("api");
    wrongApi.replace("apiVersion: client.authentication.k8s.io/v1\n",
                     "apiVersion: client.authentication.k8s.io/v2\n");
    QTest::addRow("unsupported apiVersion")
        << wrongApi << QStringList{QStringLiteral("apiVersion")};
    QByteArray mismatch = execUser("mismatch");
    mismatch.replace("{name: API, value: 'client.authentication.k8s.io/v1'}",
                     "{name: API, value: 'client.authentication.k8s.io/v1beta1'}");
    QTest::addRow("apiVersion mismatch")
        << mismatch << QStringList{QStringLiteral("does not match")};
    QByteArray interactive = execUser("interactive");
    interactive.replace("      installHint:", "      interactiveMode: Always\n      installHint:");
    QTest::addRow("interactive") << interactive
                                 << QStringList{QStringLiteral("interactive terminal")};
}

void TestConnectionSettings::execErrors()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QStringList, expected);
    const Result<ConnectionSettings> s = resolve(yaml);
    QVERIFY(!s.ok());
    const QString text = s.error().toString();
    for (QString part : std::as_const(expected)) {
        part.replace(QLatin1String("@DIR@"), m_dir.path());
        QVERIFY2(text.contains(part), qPrintable(text + QLatin1String(" lacks ") + part));
    }
    QVERIFY2(!text.contains(QLatin1String(kSecret)), qPrintable(text));
}

void TestConnectionSettings::execTimeout()
{
    const Result<Kubeconfig> config = Kubeconfig::load({writeConfig(execUser("sleep", "sleep"))});
    QVERIFY(config.ok());
    QElapsedTimer timer;
    timer.start();
    const Result<ExecCredential> cred = execCredential(*config->user(QStringLiteral("u")),
                                                       *config->cluster(QStringLiteral("c")), 1000);
    QVERIFY(!cred.ok());
    QVERIFY2(cred.error().message.contains(QLatin1String("did not finish within 1 seconds")),
             qPrintable(cred.error().message));
    QVERIFY(timer.elapsed() < 10000);
}

void TestConnectionSettings::execConcurrent()
{
    // resolveContext runs on worker threads; the cache lock must make them share one plugin run.
    const Result<Kubeconfig> config = Kubeconfig::load({writeConfig(execUser("threads"))});
    QVERIFY(config.ok());
    const Kubeconfig kc = config.value();
    QList<QFuture<QString>> futures;
    for (int i = 0; i < 8; ++i) {
        futures.append(QtConcurrent::run([kc]() -> QString {
            const Result<ConnectionSettings> s = resolveContext(kc, {});
            return s.ok() ? s->bearerToken : s.error().toString();
        }));
    }
    for (QFuture<QString> &future : futures)
        QCOMPARE(future.result(), QStringLiteral("tok-1"));
    QCOMPARE(runs("threads"), 1);
}

QTEST_GUILESS_MAIN(TestConnectionSettings)
#include "tst_connectionsettings.moc"
