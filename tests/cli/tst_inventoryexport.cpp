// The roadmap's step-1 inventory files, built in-process from an Inventory.
#include "core/resources.h"
#include "kube/inventory.h"
#include "kube/inventoryexport.h"
#include "kube/snapshot.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

using namespace Fluxdesk;

namespace {

QJsonObject object(const QString &apiVersion, const QString &kind, const QString &ns,
                   const QString &name)
{
    QJsonObject metadata{{QStringLiteral("name"), name}};
    if (!ns.isEmpty())
        metadata.insert(QStringLiteral("namespace"), ns);
    return QJsonObject{{QStringLiteral("apiVersion"), apiVersion},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("metadata"), metadata}};
}

QByteArray contentOf(const QList<InventoryFile> &files, const QString &name)
{
    for (const InventoryFile &f : files) {
        if (f.fileName == name)
            return f.content;
    }
    return "<missing>";
}

} // namespace

class TestInventoryExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { initResources(); }
    void fileNamesOnDemo();
    void textFiles();
    void listFilesHoldOnlyTheirKinds();
    void helmListEntry_data();
    void helmListEntry();
    void sameReleaseNameInTwoNamespaces();
    void writeCreatesFolder();
    void writeFailsOnAFile();
    void writeRefusesPathsOutside();
};

void TestInventoryExport::fileNamesOnDemo()
{
    Inventory inventory;
    inventory.addObjects(demoClusterObjects());
    QStringList names;
    const QList<InventoryFile> files = inventoryFiles(inventory);
    for (const InventoryFile &f : files)
        names.append(f.fileName);
    QCOMPARE(
        names,
        (QStringList{
            QStringLiteral("namespaces.txt"), QStringLiteral("helm-releases.yaml"),
            QStringLiteral("workloads.yaml"), QStringLiteral("services.yaml"),
            QStringLiteral("storage.yaml"), QStringLiteral("crds.txt"),
            QStringLiteral("storageclasses.yaml"), QStringLiteral("helm-values-eg.yaml"),
            QStringLiteral("helm-values-traefik.yaml"), QStringLiteral("helm-values-alloy.yaml"),
            QStringLiteral("helm-values-grafana.yaml"), QStringLiteral("helm-values-loki.yaml"),
            QStringLiteral("helm-values-tempo.yaml")}));
}

void TestInventoryExport::textFiles()
{
    Inventory inventory;
    inventory.addObjects(
        {object(QStringLiteral("v1"), QStringLiteral("Namespace"), {}, QStringLiteral("zoo")),
         object(QStringLiteral("v1"), QStringLiteral("Namespace"), {}, QStringLiteral("apps")),
         object(QStringLiteral("apiextensions.k8s.io/v1"),
                QStringLiteral("CustomResourceDefinition"), {},
                QStringLiteral("helmreleases.helm.toolkit.fluxcd.io")),
         object(QStringLiteral("v1"), QStringLiteral("ConfigMap"), QStringLiteral("apps"),
                QStringLiteral("not-listed"))});
    const QList<InventoryFile> files = inventoryFiles(inventory);
    QCOMPARE(contentOf(files, QStringLiteral("namespaces.txt")),
             QByteArray("namespace/apps\nnamespace/zoo\n"));
    QCOMPARE(contentOf(files, QStringLiteral("crds.txt")),
             QByteArray("customresourcedefinition.apiextensions.k8s.io/"
                        "helmreleases.helm.toolkit.fluxcd.io\n"));
    // No releases: helm list -o yaml prints an empty list.
    QCOMPARE(contentOf(files, QStringLiteral("helm-releases.yaml")).trimmed(), QByteArray("[]"));
    QCOMPARE(files.size(), 7);
}

void TestInventoryExport::listFilesHoldOnlyTheirKinds()
{
    Inventory inventory;
    inventory.addObjects({object(QStringLiteral("apps/v1"), QStringLiteral("Deployment"),
                                 QStringLiteral("llm"), QStringLiteral("llama-cpp")),
                          object(QStringLiteral("apps/v1"), QStringLiteral("DaemonSet"),
                                 QStringLiteral("logging"), QStringLiteral("alloy")),
                          object(QStringLiteral("apps/v1"), QStringLiteral("ReplicaSet"),
                                 QStringLiteral("llm"), QStringLiteral("llama-cpp-5d9f")),
                          object(QStringLiteral("v1"), QStringLiteral("PersistentVolume"), {},
                                 QStringLiteral("pv-1")),
                          object(QStringLiteral("v1"), QStringLiteral("PersistentVolumeClaim"),
                                 QStringLiteral("llm"), QStringLiteral("models")),
                          object(QStringLiteral("v1"), QStringLiteral("Service"),
                                 QStringLiteral("llm"), QStringLiteral("llama-cpp"))});
    const QList<InventoryFile> files = inventoryFiles(inventory);

    struct Expect
    {
        const char *file;
        QStringList kinds;
    };
    const QList<Expect> expected = {
        {"workloads.yaml", {QStringLiteral("DaemonSet"), QStringLiteral("Deployment")}},
        {"storage.yaml",
         {QStringLiteral("PersistentVolume"), QStringLiteral("PersistentVolumeClaim")}},
        {"services.yaml", {QStringLiteral("Service")}},
        {"storageclasses.yaml", {}},
    };
    for (const Expect &e : expected) {
        const auto parsed =
            parseManifestStream(contentOf(files, QLatin1String(e.file)), QLatin1String(e.file));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
        QStringList kinds;
        for (const QJsonObject &o : *parsed)
            kinds.append(o.value(QLatin1String("kind")).toString());
        kinds.sort();
        QCOMPARE(kinds, e.kinds);
    }
}

void TestInventoryExport::helmListEntry_data()
{
    QTest::addColumn<QDateTime>("deployed");
    QTest::addColumn<QString>("updated");
    const QDate day(2025, 6, 14);
    QTest::addRow("whole seconds")
        << QDateTime(day, QTime(9, 20, 41), Qt::UTC) << "2025-06-14 09:20:41 +0000 UTC";
    QTest::addRow("trailing zeros dropped")
        << QDateTime(day, QTime(9, 20, 41, 500), Qt::UTC) << "2025-06-14 09:20:41.5 +0000 UTC";
    QTest::addRow("milliseconds") << QDateTime(day, QTime(9, 20, 41, 512), Qt::UTC)
                                  << "2025-06-14 09:20:41.512 +0000 UTC";
    QTest::addRow("offset converted to UTC")
        << QDateTime(day, QTime(11, 0, 0), QTimeZone(7200)) << "2025-06-14 09:00:00 +0000 UTC";
    QTest::addRow("unknown") << QDateTime() << "";
}

void TestInventoryExport::helmListEntry()
{
    QFETCH(QDateTime, deployed);
    QFETCH(QString, updated);
    HelmRelease release;
    release.name = QStringLiteral("loki");
    release.ns = QStringLiteral("logging");
    release.revision = 2;
    release.status = QStringLiteral("deployed");
    release.chartName = QStringLiteral("loki");
    release.chartVersion = QStringLiteral("6.21.0");
    release.appVersion = QStringLiteral("3.3.0");
    release.lastDeployed = deployed;
    const QJsonObject entry = Fluxdesk::helmListEntry(release);
    QCOMPARE(entry.value(QLatin1String("updated")).toString(), updated);
    QCOMPARE(entry.value(QLatin1String("revision")).toString(), QStringLiteral("2"));
    QCOMPARE(entry.value(QLatin1String("chart")).toString(), QStringLiteral("loki-6.21.0"));
    QCOMPARE(entry.value(QLatin1String("app_version")).toString(), QStringLiteral("3.3.0"));
    QCOMPARE(entry.keys(), (QStringList{QStringLiteral("app_version"), QStringLiteral("chart"),
                                        QStringLiteral("name"), QStringLiteral("namespace"),
                                        QStringLiteral("revision"), QStringLiteral("status"),
                                        QStringLiteral("updated")}));
}

void TestInventoryExport::sameReleaseNameInTwoNamespaces()
{
    // A Helm release record as Helm's Secret driver stores it.
    const auto record = [](const QString &ns) {
        const QJsonObject release{
            {QStringLiteral("name"), QStringLiteral("tempo")},
            {QStringLiteral("namespace"), ns},
            {QStringLiteral("version"), 1},
            {QStringLiteral("info"),
             QJsonObject{{QStringLiteral("status"), QStringLiteral("deployed")}}},
            {QStringLiteral("config"), QJsonObject{{QStringLiteral("replicas"), 2}}},
            {QStringLiteral("chart"),
             QJsonObject{{QStringLiteral("metadata"),
                          QJsonObject{{QStringLiteral("name"), QStringLiteral("tempo")},
                                      {QStringLiteral("version"), QStringLiteral("1.24.1")}}}}}};
        QJsonObject secret = object(QStringLiteral("v1"), QStringLiteral("Secret"), ns,
                                    QStringLiteral("sh.helm.release.v1.tempo.v1"));
        secret.insert(QStringLiteral("type"), QStringLiteral("helm.sh/release.v1"));
        secret.insert(
            QStringLiteral("data"),
            QJsonObject{{QStringLiteral("release"),
                         QString::fromLatin1(encodeHelmReleasePayload(release).toBase64())}});
        return secret;
    };
    Inventory inventory;
    inventory.addObjects({record(QStringLiteral("logging")), record(QStringLiteral("tracing"))});
    QCOMPARE(inventory.helmReleases().size(), 2);

    const QList<InventoryFile> files = inventoryFiles(inventory);
    QCOMPARE(contentOf(files, QStringLiteral("helm-values-logging-tempo.yaml")),
             QByteArray("replicas: 2\n"));
    QCOMPARE(contentOf(files, QStringLiteral("helm-values-tracing-tempo.yaml")),
             QByteArray("replicas: 2\n"));
    QCOMPARE(files.size(), 9);
}

void TestInventoryExport::writeCreatesFolder()
{
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("a/b/inventory"));
    const QList<InventoryFile> files = {{QStringLiteral("one.txt"), "1\n"},
                                        {QStringLiteral("two.yaml"), "two: 2\n"}};
    const auto written = writeInventoryFiles(target, files);
    QVERIFY2(written.ok(), qPrintable(written.error().toString()));
    QCOMPARE(written->size(), 2);
    QCOMPARE(written->at(1), QDir(target).absoluteFilePath(QStringLiteral("two.yaml")));
    QFile two(written->at(1));
    QVERIFY(two.open(QIODevice::ReadOnly));
    QCOMPARE(two.readAll(), QByteArray("two: 2\n"));
}

void TestInventoryExport::writeFailsOnAFile()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("plain-file"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    const auto written = writeInventoryFiles(file, {{QStringLiteral("one.txt"), "1\n"}});
    QVERIFY(!written.ok());
    QCOMPARE(written.error().file, file);
}

void TestInventoryExport::writeRefusesPathsOutside()
{
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("inventory"));
    QVERIFY(QDir().mkpath(target));
    QVERIFY(QFile::link(dir.path(), target + QStringLiteral("/up")));
    for (const QString &name :
         {QStringLiteral("../escaped.yaml"), QStringLiteral("up/escaped.yaml"),
          QStringLiteral("/tmp/escaped.yaml")}) {
        const auto written =
            writeInventoryFiles(target, {{QStringLiteral("one.txt"), "1\n"}, {name, "x\n"}});
        QVERIFY2(!written.ok(), qPrintable(name));
        // Checked before anything is written.
        QVERIFY(!QFileInfo::exists(target + QStringLiteral("/one.txt")));
    }
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("escaped.yaml"))));
}

QTEST_GUILESS_MAIN(TestInventoryExport)
#include "tst_inventoryexport.moc"
