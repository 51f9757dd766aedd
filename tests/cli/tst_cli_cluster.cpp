// fluxdesk-cli as a process against the fake API server: TLS with client certificates and tokens,
// per-type faults, refused connections, Ctrl+C, and kubectl reading what the CLI wrote.
#include "clirunner.h"
#include "testfiles.h"

#include "core/resources.h"
#include "fakeapiserver.h"
#include "kube/helmreleaserecord.h"
#include "kube/snapshot.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <memory>

#include <signal.h>

using namespace Fluxdesk;
using Fluxdesk::TestFiles::readFile;
using namespace Fluxdesk::Testing;

namespace {

int countKind(const QList<QJsonObject> &objects, const QString &kind)
{
    int n = 0;
    for (const QJsonObject &o : objects)
        n += o.value(QLatin1String("kind")).toString() == kind ? 1 : 0;
    return n;
}

// True when bytes hold a C0 control other than newline and tab, DEL, or a C1 control in UTF-8:
// something a terminal would act on.
bool holdsControls(const QByteArray &bytes)
{
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto c = uchar(bytes.at(i));
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
            return true;
        if (c == 0xc2 && i + 1 < bytes.size() && (uchar(bytes.at(i + 1)) & 0xe0) == 0x80)
            return true;
    }
    return false;
}

} // namespace

class TestCliCluster : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void snapshotOverTls_data();
    void snapshotOverTls();
    void releasesOverTls();
    void forbiddenSecrets();
    void connectionRefused();
    void insecureSkipTlsVerifyWarns();
    void interruptCancels();
    void kubectlReadsInventory();
    void serverTextReachesNoTerminal_data();
    void serverTextReachesNoTerminal();

private:
    std::unique_ptr<FakeApiServerThread> startServer(int latencyMs = 0);
    QString writeKubeconfig(FakeApiServerThread *server, FakeApiServer::Credentials credentials);
    void addFault(FakeApiServerThread *server, const FakeApiServer::FaultRule &rule);

    QTemporaryDir m_dir;
    TestPki m_pki;
    QProcessEnvironment m_env;
    QList<QJsonObject> m_objects;
    int m_kubeconfigCount = 0;
};

void TestCliCluster::initTestCase()
{
    initResources();
    QVERIFY(m_dir.isValid());
    m_pki = TestPki::generate(m_dir.filePath(QStringLiteral("pki")));
    QVERIFY2(m_pki.ok(), qPrintable(m_pki.error));
    const QString home = m_dir.filePath(QStringLiteral("home"));
    QVERIFY(QDir().mkpath(home));
    m_env = isolatedEnvironment(home);
    m_objects = demoClusterObjects();
    QVERIFY(countKind(m_objects, QStringLiteral("Secret")) > 0);
}

std::unique_ptr<FakeApiServerThread> TestCliCluster::startServer(int latencyMs)
{
    FakeApiServer::Options options;
    options.tls = true;
    options.certFile = m_pki.serverCert;
    options.keyFile = m_pki.serverKey;
    options.clientCaFile = m_pki.caCert;
    options.token = QStringLiteral("cli-test-token");
    options.latencyMs = latencyMs;
    auto server = std::make_unique<FakeApiServerThread>(options);
    if (!server->start(m_objects))
        return nullptr;
    return server;
}

QString TestCliCluster::writeKubeconfig(FakeApiServerThread *server,
                                        FakeApiServer::Credentials credentials)
{
    const QString path =
        m_dir.filePath(QStringLiteral("kubeconfig-%1.yaml").arg(++m_kubeconfigCount));
    bool ok = false;
    FakeApiServer *s = server->server();
    QMetaObject::invokeMethod(
        s, [&] { ok = s->writeKubeconfig(path, m_pki, credentials); },
        Qt::BlockingQueuedConnection);
    return ok ? path : QString();
}

void TestCliCluster::addFault(FakeApiServerThread *server, const FakeApiServer::FaultRule &rule)
{
    FakeApiServer *s = server->server();
    QMetaObject::invokeMethod(
        s, [&] { s->addFault(rule); }, Qt::BlockingQueuedConnection);
}

void TestCliCluster::snapshotOverTls_data()
{
    QTest::addColumn<bool>("useToken");
    QTest::addColumn<QString>("file");
    QTest::addRow("client certificate, json") << false << "tls-cert.json";
    QTest::addRow("bearer token, yaml") << true << "tls-token.yaml";
}

void TestCliCluster::snapshotOverTls()
{
    QFETCH(bool, useToken);
    const auto credentials = useToken ? FakeApiServer::Credentials::Token
                                      : FakeApiServer::Credentials::ClientCertificate;
    QFETCH(QString, file);
    auto server = startServer();
    QVERIFY(server);
    const QString kubeconfig = writeKubeconfig(server.get(), credentials);
    QVERIFY(!kubeconfig.isEmpty());

    const QString out = m_dir.filePath(file);
    const CliRun run = runCli({QStringLiteral("--kubeconfig"), kubeconfig,
                               QStringLiteral("snapshot"), QStringLiteral("--out"), out},
                              m_env);
    QVERIFY2(run.finished, run.err.constData());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(!run.errText().contains(QLatin1String("warning")), run.err.constData());
    // Progress lines are for terminals only; stderr is a pipe here.
    QVERIFY2(!run.errText().contains(QLatin1String("loading")), run.err.constData());
    const auto parsed = parseManifestStream(readFile(out), out);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
    QCOMPARE(parsed->size(), m_objects.size());
    QCOMPARE(countKind(*parsed, QStringLiteral("Secret")),
             countKind(m_objects, QStringLiteral("Secret")));
}

void TestCliCluster::releasesOverTls()
{
    auto server = startServer();
    QVERIFY(server);
    const QString kubeconfig =
        writeKubeconfig(server.get(), FakeApiServer::Credentials::ClientCertificate);
    const CliRun run = runCli({QStringLiteral("--kubeconfig"), kubeconfig, QStringLiteral("--json"),
                               QStringLiteral("releases")},
                              m_env);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonArray releases = QJsonDocument::fromJson(run.out).array();
    QCOMPARE(releases.size(), 6); // the demo's five and K3s's traefik
    QStringList charts;
    for (const QJsonValue &v : releases)
        charts.append(v.toObject().value(QLatin1String("chart")).toString());
    QVERIFY2(charts.contains(QStringLiteral("loki-6.21.0")), qPrintable(charts.join(u',')));
}

void TestCliCluster::forbiddenSecrets()
{
    auto server = startServer();
    QVERIFY(server);
    const QString kubeconfig =
        writeKubeconfig(server.get(), FakeApiServer::Credentials::ClientCertificate);
    FakeApiServer::FaultRule rule;
    rule.pathPrefix = QStringLiteral("/api/v1/secrets");
    rule.fault = FakeApiServer::Fault::Status;
    rule.status = 403;
    rule.message = QStringLiteral("secrets is forbidden: User \"fluxdesk-test\" cannot list "
                                  "resource \"secrets\" in API group \"\" at the cluster scope");
    addFault(server.get(), rule);

    const QString out = m_dir.filePath(QStringLiteral("forbidden.json"));
    const CliRun run = runCli({QStringLiteral("--kubeconfig"), kubeconfig,
                               QStringLiteral("snapshot"), QStringLiteral("--out"), out},
                              m_env);
    QVERIFY2(run.finished, run.err.constData());
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.errText().contains(QLatin1String(
                 "fluxdesk-cli: warning: secrets: forbidden: secrets is forbidden: User "
                 "\"fluxdesk-test\" cannot list")),
             run.err.constData());
    QVERIFY2(run.errText().contains(QLatin1String("partial results")), run.err.constData());
    const auto parsed = parseManifestStream(readFile(out), out);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
    QCOMPARE(countKind(*parsed, QStringLiteral("Secret")), 0);
    QCOMPARE(parsed->size(), m_objects.size() - countKind(m_objects, QStringLiteral("Secret")));
}

void TestCliCluster::connectionRefused()
{
    // A port that was free a moment ago: nothing listens there.
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    const QString kubeconfig = m_dir.filePath(QStringLiteral("refused.yaml"));
    QFile file(kubeconfig);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("apiVersion: v1\nkind: Config\nclusters:\n- name: gone\n  cluster:\n"
                              "    server: https://127.0.0.1:%1\n    certificate-authority: %2\n"
                              "users:\n- name: u\n  user:\n    token: t\ncontexts:\n- name: gone\n"
                              "  context: {cluster: gone, user: u}\ncurrent-context: gone\n")
                   .arg(port)
                   .arg(m_pki.caCert)
                   .toUtf8());
    file.close();

    QElapsedTimer timer;
    timer.start();
    const CliRun run = runCli(
        {QStringLiteral("--kubeconfig"), kubeconfig, QStringLiteral("releases")}, m_env, 30000);
    QVERIFY2(run.finished, "fluxdesk-cli hung on a refused connection");
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.errText().startsWith(QLatin1String("fluxdesk-cli: ")), run.err.constData());
    QVERIFY2(run.errText().contains(QLatin1String("refused"), Qt::CaseInsensitive),
             run.err.constData());
    QVERIFY2(run.errText().contains(QStringLiteral("127.0.0.1:%1").arg(port)), run.err.constData());
    QVERIFY(timer.elapsed() < 20000);
}

void TestCliCluster::insecureSkipTlsVerifyWarns()
{
    auto server = startServer();
    QVERIFY(server);
    const QString kubeconfig = m_dir.filePath(QStringLiteral("insecure.yaml"));
    QFile file(kubeconfig);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("apiVersion: v1\nkind: Config\nclusters:\n- name: lax\n  cluster:\n"
                              "    server: %1\n    insecure-skip-tls-verify: true\n"
                              "users:\n- name: u\n  user:\n    token: cli-test-token\ncontexts:\n"
                              "- name: lax\n  context: {cluster: lax, user: u}\n"
                              "current-context: lax\n")
                   .arg(server->url().toString())
                   .toUtf8());
    file.close();
    const CliRun run =
        runCli({QStringLiteral("--kubeconfig"), kubeconfig, QStringLiteral("releases")}, m_env);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(QRegularExpression(QStringLiteral("^fluxdesk-cli: warning: .*TLS"),
                                QRegularExpression::MultilineOption)
                 .match(run.errText())
                 .hasMatch(),
             run.err.constData());
    QCOMPARE(run.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 7);
}

void TestCliCluster::interruptCancels()
{
    auto server = startServer(3000); // slow enough that the load is still running at SIGINT
    QVERIFY(server);
    const QString kubeconfig =
        writeKubeconfig(server.get(), FakeApiServer::Credentials::ClientCertificate);
    const QString out = m_dir.filePath(QStringLiteral("interrupted.json"));
    QProcess process;
    process.setProcessEnvironment(m_env);
    process.start(QStringLiteral(FLUXDESK_CLI_PATH),
                  {QStringLiteral("--kubeconfig"), kubeconfig, QStringLiteral("snapshot"),
                   QStringLiteral("--out"), out});
    QVERIFY(process.waitForStarted());
    // Interrupted once it is loading (its handler is in place by then), not after a fixed wait a
    // slow start (ASan, a busy machine) may outlast.
    QTRY_VERIFY_WITH_TIMEOUT(server->server()->requestCount() > 0, 30000);
    QCOMPARE(process.state(), QProcess::Running);
    QCOMPARE(::kill(pid_t(process.processId()), SIGINT), 0);
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 130);
    QVERIFY(
        QString::fromUtf8(process.readAllStandardError()).contains(QLatin1String("interrupted")));
    QVERIFY(!QFileInfo::exists(out));
}

void TestCliCluster::kubectlReadsInventory()
{
    const QString kubectl = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
    if (kubectl.isEmpty())
        QSKIP("kubectl is not installed");
    auto server = startServer();
    QVERIFY(server);
    const QString kubeconfig =
        writeKubeconfig(server.get(), FakeApiServer::Credentials::ClientCertificate);
    const QString out = m_dir.filePath(QStringLiteral("inventory"));
    const CliRun run = runCli({QStringLiteral("--kubeconfig"), kubeconfig,
                               QStringLiteral("inventory"), QStringLiteral("--out"), out},
                              m_env);
    QVERIFY2(run.exitCode == 0, run.err.constData());

    // kubectl's own decoder and RESTMapper (discovery on the fake server) read each kind: List
    // file in a client-side dry run; the fake serves no OpenAPI, hence --validate=false.
    const QStringList files = {QStringLiteral("workloads.yaml"), QStringLiteral("services.yaml"),
                               QStringLiteral("storage.yaml"),
                               QStringLiteral("storageclasses.yaml")};
    for (const QString &file : files) {
        const QString path = QDir(out).filePath(file);
        const auto parsed = parseManifestStream(readFile(path), path);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
        const CliRun check =
            runProgram(kubectl,
                       {QStringLiteral("--kubeconfig"), kubeconfig, QStringLiteral("create"),
                        QStringLiteral("--dry-run=client"), QStringLiteral("--validate=false"),
                        QStringLiteral("-o"), QStringLiteral("name"), QStringLiteral("-f"), path},
                       m_env);
        QVERIFY2(check.exitCode == 0, check.err.constData());
        QCOMPARE(check.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(),
                 parsed->size());
    }
}

void TestCliCluster::serverTextReachesNoTerminal_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("faultPath"); // empty: no fault
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("expected"); // on stdout or stderr, escaped
    QTest::addRow("type forbidden, its message hostile")
        << "snapshot"
        << "/api/v1/secrets" << 403 << "forbidden: \\x1b]0;pwned\\x07no\\x1b[2J";
    QTest::addRow("connection refused, the server's message hostile")
        << "snapshot"
        << "/api" << 401 << "\\x1b]0;pwned\\x07no\\x1b[2J";
    QTest::addRow("release names from the cluster")
        << "releases" << QString() << 0 << "evil\\x1b]0;pwned\\x07";
}

void TestCliCluster::serverTextReachesNoTerminal()
{
    QFETCH(QString, command);
    QFETCH(QString, faultPath);
    QFETCH(int, status);
    QFETCH(QString, expected);
    auto server = startServer();
    QVERIFY(server);
    const QString kubeconfig =
        writeKubeconfig(server.get(), FakeApiServer::Credentials::ClientCertificate);
    const QString hostile = QStringLiteral("\x1b]0;pwned\x07no\x1b[2J");
    if (!faultPath.isEmpty()) {
        FakeApiServer::FaultRule rule;
        rule.pathPrefix = faultPath;
        rule.fault = FakeApiServer::Fault::Status;
        rule.status = status;
        rule.message = hostile;
        addFault(server.get(), rule);
    }
    // A Helm release whose name and chart hold escape sequences, beside the demo's objects.
    const QJsonObject release{
        {QStringLiteral("name"), QStringLiteral("evil\x1b]0;pwned\x07")},
        {QStringLiteral("namespace"), QStringLiteral("default")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("info"), QJsonObject{{QStringLiteral("status"), hostile}}},
        {QStringLiteral("chart"),
         QJsonObject{{QStringLiteral("metadata"),
                      QJsonObject{{QStringLiteral("name"), hostile},
                                  {QStringLiteral("version"), QStringLiteral("1\u009b2J")}}}}}};
    QJsonObject record{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Secret")},
        {QStringLiteral("type"), QStringLiteral("helm.sh/release.v1")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("sh.helm.release.v1.evil.v1")},
                     {QStringLiteral("namespace"), QStringLiteral("default")}}},
        {QStringLiteral("data"),
         QJsonObject{{QStringLiteral("release"),
                      QString::fromLatin1(encodeHelmReleasePayload(release).toBase64())}}}};
    server->server()->setObjects(QList<QJsonObject>(m_objects) << record);

    QStringList arguments{QStringLiteral("--kubeconfig"), kubeconfig, command};
    if (command == QLatin1String("snapshot"))
        arguments << QStringLiteral("--out") << m_dir.filePath(QStringLiteral("hostile.yaml"));
    const CliRun run = runCli(arguments, m_env);
    QVERIFY2(run.finished, run.err.constData());
    QVERIFY2(!holdsControls(run.out), run.out.toPercentEncoding(" \n:/.-_[];").constData());
    QVERIFY2(!holdsControls(run.err), run.err.toPercentEncoding(" \n:/.-_[];").constData());
    QVERIFY2(run.errText().contains(expected) || run.outText().contains(expected),
             run.err.constData());
}

QTEST_GUILESS_MAIN(TestCliCluster)
#include "tst_cli_cluster.moc"
