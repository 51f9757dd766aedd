// fluxdesk-cli run as a process on offline sources (kubeconfig files, the demo, snapshots).
#include "clirunner.h"
#include "testfiles.h"

#include "core/resources.h"
#include "kube/resourcetype.h"
#include "kube/snapshot.h"
#include "manifest/yamljson.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace Fluxdesk;
using Fluxdesk::TestFiles::readFile;
using Fluxdesk::TestFiles::writeFile;
using namespace Fluxdesk::Testing;

namespace {

const char kubeconfigA[] = R"(apiVersion: v1
kind: Config
clusters:
- name: homelab
  cluster:
    server: https://127.0.0.1:6443
- name: lab2
  cluster:
    server: https://127.0.0.1:6444
users:
- name: admin
  user:
    token: not-a-real-token
contexts:
- name: zeta
  context:
    cluster: homelab
    user: admin
    namespace: llm
- name: alpha-long-context-name
  context:
    cluster: lab2
    user: admin
current-context: zeta
)";

// A second file for $KUBECONFIG merging: "zeta" here loses (first file wins), "beta" is new.
const char kubeconfigB[] = R"(apiVersion: v1
kind: Config
clusters:
- name: other
  cluster:
    server: https://127.0.0.1:7443
users:
- name: someone
  user:
    token: also-not-real
contexts:
- name: zeta
  context:
    cluster: other
    user: someone
- name: beta
  context:
    cluster: other
    user: someone
    namespace: default
current-context: beta
)";

int countKinds(const QList<QJsonObject> &objects, const QStringList &kinds)
{
    int n = 0;
    for (const QJsonObject &o : objects)
        n += kinds.contains(o.value(QLatin1String("kind")).toString()) ? 1 : 0;
    return n;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void contexts_data();
    void contexts();
    void contextsJson();
    void releasesTable_data();
    void releasesTable();
    void releasesJson();
    void inventoryOnDemo();
    void snapshotRoundTrip_data();
    void snapshotRoundTrip();
    void badInput_data();
    void badInput();
    void help();

private:
    QTemporaryDir m_dir;
    QString m_home;
    QProcessEnvironment m_env;
    QString m_fileA, m_fileB;
    QList<QJsonObject> m_demo;
};

void TestCli::initTestCase()
{
    initResources();
    QVERIFY(m_dir.isValid());
    m_home = m_dir.filePath(QStringLiteral("home"));
    QVERIFY(QDir().mkpath(m_home));
    m_env = isolatedEnvironment(m_home);
    m_fileA = m_dir.filePath(QStringLiteral("a.yaml"));
    m_fileB = m_dir.filePath(QStringLiteral("b.yaml"));
    QVERIFY(writeFile(m_fileA, kubeconfigA));
    QVERIFY(writeFile(m_fileB, kubeconfigB));
    m_demo = demoClusterObjects();
    QVERIFY(m_demo.size() > 50);
}

void TestCli::contexts_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("kubeconfigEnv");
    QTest::addColumn<QStringList>("expectedNames");
    QTest::addColumn<QString>("expectedCurrent");

    QTest::addRow("--kubeconfig") << QStringList{QStringLiteral("--kubeconfig"), m_fileA}
                                  << QString()
                                  << QStringList{QStringLiteral("alpha-long-context-name"),
                                                 QStringLiteral("zeta")}
                                  << QStringLiteral("zeta");
    QTest::addRow("KUBECONFIG a:b") << QStringList() << (m_fileA + QLatin1Char(':') + m_fileB)
                                    << QStringList{QStringLiteral("alpha-long-context-name"),
                                                   QStringLiteral("beta"), QStringLiteral("zeta")}
                                    << QStringLiteral("zeta");
    QTest::addRow("KUBECONFIG b:a") << QStringList() << (m_fileB + QLatin1Char(':') + m_fileA)
                                    << QStringList{QStringLiteral("alpha-long-context-name"),
                                                   QStringLiteral("beta"), QStringLiteral("zeta")}
                                    << QStringLiteral("beta");
}

void TestCli::contexts()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, kubeconfigEnv);
    QFETCH(QStringList, expectedNames);
    QFETCH(QString, expectedCurrent);

    QProcessEnvironment env = m_env;
    if (!kubeconfigEnv.isEmpty())
        env.insert(QStringLiteral("KUBECONFIG"), kubeconfigEnv);

    const CliRun run = runCli(arguments + QStringList{QStringLiteral("contexts")}, env);
    QVERIFY2(run.finished, run.err.constData());
    QCOMPARE(run.exitCode, 0);

    const QStringList lines = run.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), expectedNames.size() + 1);
    QVERIFY(lines.first().startsWith(QLatin1String("CURRENT")));
    QStringList names;
    for (const QString &line : lines.mid(1)) {
        const QStringList cells = line.simplified().split(QLatin1Char(' '));
        const bool current = line.startsWith(QLatin1Char('*'));
        const QString name = current ? cells.at(1) : cells.at(0);
        QCOMPARE(current, name == expectedCurrent);
        names.append(name);
    }
    QCOMPARE(names, expectedNames);

    // The real kubectl on the same files: same names, and the same table byte for byte.
    const QString kubectl = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
    if (kubectl.isEmpty())
        QSKIP("kubectl is not installed");
    const CliRun byName =
        runProgram(kubectl,
                   arguments + QStringList{QStringLiteral("config"), QStringLiteral("get-contexts"),
                                           QStringLiteral("-o"), QStringLiteral("name")},
                   env);
    QCOMPARE(byName.exitCode, 0);
    QCOMPARE(byName.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts), expectedNames);
    const CliRun table = runProgram(
        kubectl, arguments + QStringList{QStringLiteral("config"), QStringLiteral("get-contexts")},
        env);
    QCOMPARE(table.exitCode, 0);
    QCOMPARE(run.outText(), table.outText());
}

void TestCli::contextsJson()
{
    const CliRun run = runCli({QStringLiteral("--kubeconfig"), m_fileA, QStringLiteral("--json"),
                               QStringLiteral("contexts")},
                              m_env);
    QCOMPARE(run.exitCode, 0);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(doc.isArray());
    const QJsonArray array = doc.array();
    QCOMPARE(array.size(), 2);
    const QJsonObject zeta = array.at(1).toObject();
    QCOMPARE(zeta.value(QLatin1String("name")).toString(), QStringLiteral("zeta"));
    QCOMPARE(zeta.value(QLatin1String("current")).toBool(), true);
    QCOMPARE(zeta.value(QLatin1String("cluster")).toString(), QStringLiteral("homelab"));
    QCOMPARE(zeta.value(QLatin1String("authInfo")).toString(), QStringLiteral("admin"));
    QCOMPARE(zeta.value(QLatin1String("namespace")).toString(), QStringLiteral("llm"));
    const QJsonObject alpha = array.at(0).toObject();
    QCOMPARE(alpha.value(QLatin1String("current")).toBool(), false);
    QCOMPARE(alpha.value(QLatin1String("cluster")).toString(), QStringLiteral("lab2"));
}

void TestCli::releasesTable_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("ns");
    QTest::addColumn<QString>("revision");
    QTest::addColumn<QString>("chart");
    QTest::addColumn<QString>("version");

    QTest::addRow("eg") << "eg"
                        << "envoy-gateway-system"
                        << "1"
                        << "gateway-helm"
                        << "v1.4.6";
    QTest::addRow("alloy") << "alloy"
                           << "logging"
                           << "1"
                           << "alloy"
                           << "1.4.0";
    QTest::addRow("grafana") << "grafana"
                             << "logging"
                             << "1"
                             << "grafana"
                             << "10.2.0";
    QTest::addRow("loki") << "loki"
                          << "logging"
                          << "2"
                          << "loki"
                          << "6.21.0";
    QTest::addRow("tempo") << "tempo"
                           << "logging"
                           << "1"
                           << "tempo"
                           << "1.24.1";
}

void TestCli::releasesTable()
{
    QFETCH(QString, name);
    QFETCH(QString, ns);
    QFETCH(QString, revision);
    QFETCH(QString, chart);
    QFETCH(QString, version);

    const CliRun run = runCli({QStringLiteral("--demo"), QStringLiteral("releases")}, m_env);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    const QStringList lines = run.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 7); // the header, the five releases and K3s's traefik
    QCOMPARE(lines.first().simplified(),
             QStringLiteral("NAME NAMESPACE REVISION STATUS CHART VERSION APP-VERSION"));
    QStringList row;
    for (const QString &line : lines.mid(1)) {
        const QStringList cells = line.simplified().split(QLatin1Char(' '));
        if (cells.first() == name)
            row = cells;
    }
    QCOMPARE(row.size(), 7);
    QCOMPARE(row.at(1), ns);
    QCOMPARE(row.at(2), revision);
    QCOMPARE(row.at(3), QStringLiteral("deployed"));
    QCOMPARE(row.at(4), chart);
    QCOMPARE(row.at(5), version);
    QVERIFY(!row.at(6).isEmpty());
}

void TestCli::releasesJson()
{
    const CliRun run = runCli(
        {QStringLiteral("--demo"), QStringLiteral("--json"), QStringLiteral("releases")}, m_env);
    QCOMPARE(run.exitCode, 0);
    const QJsonArray array = QJsonDocument::fromJson(run.out).array();
    QCOMPARE(array.size(), 6); // with K3s's traefik
    QHash<QString, QJsonObject> byName;
    for (const QJsonValue &v : array)
        byName.insert(v.toObject().value(QLatin1String("name")).toString(), v.toObject());
    // helm list -o json's shape: revision is a string, chart is "<name>-<version>".
    QCOMPARE(byName.value(QStringLiteral("loki")).value(QLatin1String("revision")).toString(),
             QStringLiteral("2"));
    QCOMPARE(byName.value(QStringLiteral("loki")).value(QLatin1String("chart")).toString(),
             QStringLiteral("loki-6.21.0"));
    QCOMPARE(byName.value(QStringLiteral("eg")).value(QLatin1String("chart")).toString(),
             QStringLiteral("gateway-helm-v1.4.6"));
    QCOMPARE(byName.value(QStringLiteral("eg")).value(QLatin1String("namespace")).toString(),
             QStringLiteral("envoy-gateway-system"));
    const QRegularExpression helmTime(
        QStringLiteral("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d+)? \\+0000 UTC$"));
    for (const QJsonValue &v : array) {
        const QString updated = v.toObject().value(QLatin1String("updated")).toString();
        QVERIFY2(helmTime.match(updated).hasMatch(), qPrintable(updated));
        QCOMPARE(v.toObject().value(QLatin1String("status")).toString(),
                 QStringLiteral("deployed"));
    }
}

void TestCli::inventoryOnDemo()
{
    const QString out = m_dir.filePath(QStringLiteral("inventory/nested"));
    const CliRun run = runCli(
        {QStringLiteral("--demo"), QStringLiteral("inventory"), QStringLiteral("--out"), out},
        m_env);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), run.err.constData());

    const QStringList expectedFiles = {QStringLiteral("namespaces.txt"),
                                       QStringLiteral("helm-releases.yaml"),
                                       QStringLiteral("workloads.yaml"),
                                       QStringLiteral("services.yaml"),
                                       QStringLiteral("storage.yaml"),
                                       QStringLiteral("crds.txt"),
                                       QStringLiteral("storageclasses.yaml"),
                                       QStringLiteral("helm-values-eg.yaml"),
                                       QStringLiteral("helm-values-traefik.yaml"),
                                       QStringLiteral("helm-values-alloy.yaml"),
                                       QStringLiteral("helm-values-grafana.yaml"),
                                       QStringLiteral("helm-values-loki.yaml"),
                                       QStringLiteral("helm-values-tempo.yaml")};
    const QStringList printed = run.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(printed.size(), expectedFiles.size());
    for (const QString &file : expectedFiles) {
        const QString path = QDir(out).filePath(file);
        QVERIFY2(QFileInfo::exists(path), qPrintable(path));
        QVERIFY2(printed.contains(QFileInfo(path).absoluteFilePath()), qPrintable(path));
    }

    // namespaces.txt: `kubectl get namespaces -o name`, the roadmap's 8 namespaces.
    const QStringList namespaces =
        QString::fromUtf8(readFile(QDir(out).filePath(QStringLiteral("namespaces.txt"))))
            .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(
        namespaces,
        (QStringList{
            QStringLiteral("namespace/default"), QStringLiteral("namespace/envoy-gateway-system"),
            QStringLiteral("namespace/kube-node-lease"), QStringLiteral("namespace/kube-public"),
            QStringLiteral("namespace/kube-system"), QStringLiteral("namespace/llm"),
            QStringLiteral("namespace/log-analyzer"), QStringLiteral("namespace/logging")}));

    // The kind: List files read back with the snapshot parser, the same objects as the demo.
    struct ListFile
    {
        const char *file;
        QStringList kinds;
    };
    const QList<ListFile> lists = {
        {"workloads.yaml",
         {QStringLiteral("Deployment"), QStringLiteral("StatefulSet"),
          QStringLiteral("DaemonSet")}},
        {"services.yaml", {QStringLiteral("Service")}},
        {"storage.yaml",
         {QStringLiteral("PersistentVolume"), QStringLiteral("PersistentVolumeClaim")}},
        {"storageclasses.yaml", {QStringLiteral("StorageClass")}},
    };
    for (const ListFile &list : lists) {
        const QString path = QDir(out).filePath(QLatin1String(list.file));
        const QByteArray bytes = readFile(path);
        QVERIFY2(bytes.startsWith("apiVersion: v1") || bytes.contains("\nkind: List"), list.file);
        const auto parsed = parseManifestStream(bytes, path);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
        QVERIFY2(parsed->size() > 0, list.file);
        QCOMPARE(parsed->size(), countKinds(m_demo, list.kinds));
        QCOMPARE(countKinds(*parsed, list.kinds), int(parsed->size()));
    }
    // The roadmap's storage: 4 PVCs, each bound to a PV (3 static, 1 provisioned "pvc-...").
    const auto storage =
        parseManifestStream(readFile(QDir(out).filePath(QStringLiteral("storage.yaml"))),
                            QStringLiteral("storage.yaml"));
    QVERIFY(storage.ok());
    QCOMPARE(countKinds(*storage, {QStringLiteral("PersistentVolumeClaim")}), 4);
    QStringList pvNames;
    for (const QJsonObject &o : *storage) {
        if (o.value(QLatin1String("kind")).toString() == QLatin1String("PersistentVolume"))
            pvNames.append(o.value(QLatin1String("metadata"))
                               .toObject()
                               .value(QLatin1String("name"))
                               .toString());
    }
    QCOMPARE(pvNames.size(), 4);
    QVERIFY(pvNames.contains(QStringLiteral("llama-models-pv")));

    // helm-releases.yaml: a YAML list like `helm list -A -o yaml`.
    const auto releases =
        parseYamlValue(readFile(QDir(out).filePath(QStringLiteral("helm-releases.yaml"))),
                       QStringLiteral("helm-releases.yaml"));
    QVERIFY2(releases.ok(), qPrintable(releases.error().toString()));
    QCOMPARE(releases->toArray().size(), 6); // with K3s's traefik
    QCOMPARE(releases->toArray().at(0).toObject().value(QLatin1String("chart")).toString(),
             QStringLiteral("gateway-helm-v1.4.6"));

    // Values files are plain YAML mappings (like `helm get values -o yaml`).
    const auto loki =
        parseYamlValue(readFile(QDir(out).filePath(QStringLiteral("helm-values-loki.yaml"))),
                       QStringLiteral("helm-values-loki.yaml"));
    QVERIFY2(loki.ok(), qPrintable(loki.error().toString()));
    QVERIFY(loki->isObject());
    QVERIFY(!loki->toObject().isEmpty());
}

void TestCli::snapshotRoundTrip_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::addRow("json then yaml") << "x.json"
                                    << "y.yaml";
    QTest::addRow("yaml then json") << "x.yaml"
                                    << "y.json";
}

void TestCli::snapshotRoundTrip()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    const QString folder = QString::fromLatin1(QTest::currentDataTag()).remove(QLatin1Char(' '));
    const QString firstPath = m_dir.filePath(QStringLiteral("snap/%1/%2").arg(folder, first));
    const QString secondPath = QFileInfo(firstPath).absolutePath() + QLatin1Char('/') + second;

    const CliRun a = runCli(
        {QStringLiteral("--demo"), QStringLiteral("snapshot"), QStringLiteral("--out"), firstPath},
        m_env);
    QCOMPARE(a.exitCode, 0);
    QCOMPARE(a.outText().trimmed(), QFileInfo(firstPath).absoluteFilePath());
    const QByteArray firstBytes = readFile(firstPath);
    if (first.endsWith(QLatin1String(".json"))) {
        const QJsonObject list = QJsonDocument::fromJson(firstBytes).object();
        QCOMPARE(list.value(QLatin1String("kind")).toString(), QStringLiteral("List"));
        QCOMPARE(list.value(QLatin1String("items")).toArray().size(), m_demo.size());
    } else {
        QVERIFY(firstBytes.contains("kind: List"));
    }
    const auto parsedFirst = parseManifestStream(firstBytes, firstPath);
    QVERIFY2(parsedFirst.ok(), qPrintable(parsedFirst.error().toString()));
    QCOMPARE(parsedFirst->size(), m_demo.size());

    // Re-loaded through --snapshot: the same objects again.
    const CliRun b = runCli({QStringLiteral("--snapshot"), firstPath, QStringLiteral("snapshot"),
                             QStringLiteral("--out"), secondPath},
                            m_env);
    QCOMPARE(b.exitCode, 0);
    const auto parsedSecond = parseManifestStream(readFile(secondPath), secondPath);
    QVERIFY2(parsedSecond.ok(), qPrintable(parsedSecond.error().toString()));
    QCOMPARE(parsedSecond->size(), m_demo.size());
    QList<ObjectKey> keysFirst, keysSecond;
    for (const QJsonObject &o : *parsedFirst)
        keysFirst.append(ObjectKey::of(o));
    for (const QJsonObject &o : *parsedSecond)
        keysSecond.append(ObjectKey::of(o));
    std::sort(keysFirst.begin(), keysFirst.end());
    std::sort(keysSecond.begin(), keysSecond.end());
    QVERIFY(keysFirst == keysSecond);

    // Releases survive the round trip (Helm's release Secrets are kept).
    const CliRun releases = runCli({QStringLiteral("--snapshot"), secondPath,
                                    QStringLiteral("--json"), QStringLiteral("releases")},
                                   m_env);
    QCOMPARE(releases.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(releases.out).array().size(), 6);
}

void TestCli::badInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("errorPattern");

    const QString malformed = m_dir.filePath(QStringLiteral("malformed.yaml"));
    QVERIFY(writeFile(malformed, "apiVersion: v1\nclusters:\n- name: x\n  cluster: {server: [\n"));
    const QString badSnapshot = m_dir.filePath(QStringLiteral("bad-snapshot.yaml"));
    QVERIFY(writeFile(badSnapshot, "kind: List\nitems:\n  - {a: 1\n"));
    const QString missing = m_dir.filePath(QStringLiteral("does-not-exist.yaml"));
    const QString escapedMalformed = QRegularExpression::escape(malformed);

    QTest::addRow("malformed kubeconfig: contexts")
        << QStringList{QStringLiteral("--kubeconfig"), malformed, QStringLiteral("contexts")}
        << (QStringLiteral("^fluxdesk-cli: ") + escapedMalformed + QStringLiteral(":\\d+:\\d+: "));
    QTest::addRow("malformed kubeconfig: releases")
        << QStringList{QStringLiteral("--kubeconfig"), malformed, QStringLiteral("releases")}
        << (QStringLiteral("^fluxdesk-cli: ") + escapedMalformed + QStringLiteral(":\\d+:\\d+: "));
    QTest::addRow("missing context")
        << QStringList{QStringLiteral("--kubeconfig"), m_fileA, QStringLiteral("--context"),
                       QStringLiteral("nope"), QStringLiteral("releases")}
        << QStringLiteral("context \"nope\" not found.*available: .*zeta");
    QTest::addRow("missing kubeconfig file")
        << QStringList{QStringLiteral("--kubeconfig"), missing, QStringLiteral("contexts")}
        << (QRegularExpression::escape(missing) + QStringLiteral(": "));
    // K3s's kubeconfig is the last fallback; on a K3s host this case cannot happen.
    if (!QFileInfo::exists(QStringLiteral("/etc/rancher/k3s/k3s.yaml"))) {
        QTest::addRow("no kubeconfig at all") << QStringList{QStringLiteral("releases")}
                                              << QStringLiteral("no kubeconfig found.*--demo");
    }
    QTest::addRow("unknown command")
        << QStringList{QStringLiteral("--demo"), QStringLiteral("frobnicate")}
        << QStringLiteral(
               "unknown command \"frobnicate\".*contexts, inventory, snapshot, releases");
    QTest::addRow("misspelt command is unknown")
        << QStringList{QStringLiteral("--demo"), QStringLiteral("snapshots")}
        << QStringLiteral("unknown command \"snapshots\"");
    QTest::addRow("no command") << QStringList{QStringLiteral("--demo")}
                                << QStringLiteral("no command");
    QTest::addRow("unknown option")
        << QStringList{QStringLiteral("--frob"), QStringLiteral("contexts")}
        << QStringLiteral("frob");
    QTest::addRow("snapshot of a missing path")
        << QStringList{QStringLiteral("--snapshot"), missing, QStringLiteral("snapshot"),
                       QStringLiteral("--out"), m_dir.filePath(QStringLiteral("never.json"))}
        << (QRegularExpression::escape(missing) + QStringLiteral(": "));
    QTest::addRow("malformed snapshot")
        << QStringList{QStringLiteral("--snapshot"), badSnapshot, QStringLiteral("releases")}
        << (QRegularExpression::escape(badSnapshot) + QStringLiteral(":\\d+:\\d+: "));
    QTest::addRow("inventory without --out")
        << QStringList{QStringLiteral("--demo"), QStringLiteral("inventory")}
        << QStringLiteral("inventory needs --out");
    QTest::addRow("snapshot without --out")
        << QStringList{QStringLiteral("--demo"), QStringLiteral("snapshot")}
        << QStringLiteral("snapshot needs --out");
    QTest::addRow("--demo with --snapshot")
        << QStringList{QStringLiteral("--demo"), QStringLiteral("--snapshot"), badSnapshot,
                       QStringLiteral("releases")}
        << QStringLiteral("exclude each other");
    QTest::addRow("extra argument")
        << QStringList{QStringLiteral("--demo"), QStringLiteral("releases"), QStringLiteral("x")}
        << QStringLiteral("unexpected argument");
}

void TestCli::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, errorPattern);
    const CliRun run = runCli(arguments, m_env);
    QVERIFY2(run.finished, run.err.constData());
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.out.isEmpty(), run.out.constData());
    const QRegularExpression re(errorPattern, QRegularExpression::MultilineOption);
    QVERIFY2(re.match(run.errText()).hasMatch(), qPrintable(run.errText()));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("never.json"))));
}

void TestCli::help()
{
    const CliRun run = runCli({QStringLiteral("--help")}, m_env);
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.outText().startsWith(QLatin1String("Usage: fluxdesk-cli")));
    for (const char *command : {"contexts", "inventory", "snapshot", "releases"})
        QVERIFY(run.outText().contains(QLatin1String(command)));
    QVERIFY(run.err.isEmpty());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
