#include "kube/snapshot.h"
#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace Fluxdesk;
using Fluxdesk::TestFiles::writeFile;

namespace {

QStringList keysOf(const QList<QJsonObject> &objects)
{
    QStringList out;
    for (const QJsonObject &o : objects)
        out << ObjectKey::of(o).toString();
    return out;
}

const char kDeployment[] = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\n"
                           "  namespace: llm\n";

} // namespace

class TestSnapshot : public QObject
{
    Q_OBJECT

private slots:
    void parses_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("keys");
        const QStringList ab = {QStringLiteral("apps/Deployment llm/a"),
                                QStringLiteral("Service llm/b")};
        QTest::addRow("kind List")
            << QByteArray("apiVersion: v1\nkind: List\nmetadata:\n  resourceVersion: \"\"\n"
                          "items:\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata:\n"
                          "    name: a\n    namespace: llm\n- apiVersion: v1\n  kind: Service\n"
                          "  metadata:\n    name: b\n    namespace: llm\n")
            << ab;
        QTest::addRow("ServiceList from the API")
            << QByteArray(R"({"apiVersion":"v1","kind":"ServiceList","metadata":{},"items":[
                {"apiVersion":"v1","kind":"Service","metadata":{"name":"b","namespace":"llm"}}]})")
            << QStringList{QStringLiteral("Service llm/b")};
        QTest::addRow("multi-document YAML")
            << (QByteArray(kDeployment) + "---\n# comment only\n---\napiVersion: v1\n"
                                          "kind: Service\nmetadata: {name: b, namespace: llm}\n")
            << ab;
        QTest::addRow("JSON array")
            << QByteArray(R"([{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"a",
                "namespace":"llm"}},{"apiVersion":"v1","kind":"Service","metadata":{"name":"b",
                "namespace":"llm"}}])")
            << ab;
        QTest::addRow("single object")
            << QByteArray(kDeployment) << QStringList{QStringLiteral("apps/Deployment llm/a")};
        QTest::addRow("nested List")
            << QByteArray("kind: List\napiVersion: v1\nitems:\n- kind: List\n  apiVersion: v1\n"
                          "  items:\n  - {apiVersion: v1, kind: Namespace, metadata: {name: x}}\n")
            << QStringList{QStringLiteral("Namespace x")};
        QTest::addRow("empty") << QByteArray("# nothing\n") << QStringList();
        QTest::addRow("empty List")
            << QByteArray("apiVersion: v1\nkind: List\nitems: []\n") << QStringList();
    }

    void parses()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, keys);
        const Result<QList<QJsonObject>> objects =
            parseManifestStream(bytes, QStringLiteral("in.yaml"));
        QVERIFY2(objects.ok(), qPrintable(objects.error().toString()));
        QCOMPARE(keysOf(objects.value()), keys);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("text");
        QTest::addRow("missing kind in second document")
            << (QByteArray(kDeployment) + "---\napiVersion: v1\nmetadata:\n  name: b\n")
            << QStringLiteral("cluster.yaml") << 7 << 1 << QStringLiteral("document 2 has no kind");
        QTest::addRow("missing name in a List item")
            << QByteArray("apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n")
            << QStringLiteral("l.yaml") << 1 << 1
            << QStringLiteral("item 0 of document 1 has no metadata.name");
        QTest::addRow("missing kind in a JSON array item")
            << QByteArray(
                   "[{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"a\"}},"
                   " {\"apiVersion\": \"v1\", \"metadata\": {\"name\": \"b\"}}]")
            << QStringLiteral("a.json") << 1 << 1
            << QStringLiteral("item 1 of the document has no kind");
        QTest::addRow("scalar document")
            << QByteArray("just text\n") << QStringLiteral("s.yaml") << 1 << 1
            << QStringLiteral("document 1 is not a Kubernetes object");
        QTest::addRow("YAML syntax error")
            << QByteArray("apiVersion: v1\nkind: Pod\nmetadata:\n  name: [a\n")
            << QStringLiteral("bad.yaml") << 5 << 1 << QString();
        QTest::addRow("bad JSON file")
            << QByteArray("{\n  \"apiVersion\": \"v1\",\n  \"kind\": }\n")
            << QStringLiteral("bad.json") << 3 << 0 << QStringLiteral("JSON");
    }

    void errors()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, fileName);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, text);
        const Result<QList<QJsonObject>> objects = parseManifestStream(bytes, fileName);
        QVERIFY(!objects.ok());
        const Error &e = objects.error();
        QCOMPARE(e.file, fileName);
        QCOMPARE(e.line, line);
        if (column)
            QCOMPARE(e.column, column);
        QVERIFY2(e.message.contains(text), qPrintable(e.message));
    }

    void loadsFolderRecursivelySorted()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(QStringLiteral("b/z.yml")),
                          "{apiVersion: v1, kind: Service, metadata: {name: z, namespace: b}}\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("a.json")),
                          R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"a"}})"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("b/c.yaml")), kDeployment));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("notes.txt")), "not: [yaml\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral(".git/x.yaml")), "broken: [\n"));
        const Result<QList<QJsonObject>> objects = loadSnapshot(dir.path());
        QVERIFY2(objects.ok(), qPrintable(objects.error().toString()));
        QCOMPARE(keysOf(objects.value()), QStringList({QStringLiteral("Namespace a"),
                                                       QStringLiteral("apps/Deployment llm/a"),
                                                       QStringLiteral("Service b/z")}));

        QVERIFY(writeFile(dir.filePath(QStringLiteral("b/d.yaml")), "kind: Pod\n"));
        const Result<QList<QJsonObject>> bad = loadSnapshot(dir.path());
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().file, dir.filePath(QStringLiteral("b/d.yaml")));
        QCOMPARE(bad.error().line, 1);

        QVERIFY(!loadSnapshot(dir.filePath(QStringLiteral("missing.yaml"))).ok());
    }

    void writesAndReadsBack_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("start");
        QTest::addRow("yaml") << QStringLiteral("out.yaml")
                              << QByteArray("apiVersion: v1\nkind: List\n");
        QTest::addRow("json") << QStringLiteral("out.json") << QByteArray("{\n");
    }

    void writesAndReadsBack()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, start);
        const QList<QJsonObject> demo = demoClusterObjects();
        QVERIFY(!demo.isEmpty());
        QTemporaryDir dir;
        const QString path = dir.filePath(fileName);
        const Result<bool> written = writeSnapshot(path, demo);
        QVERIFY2(written.ok(), qPrintable(written.error().toString()));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY2(bytes.startsWith(start), bytes.left(40).constData());
        const Result<QList<QJsonObject>> back = loadSnapshot(path);
        QVERIFY2(back.ok(), qPrintable(back.error().toString()));
        QCOMPARE(back->size(), demo.size());
        for (qsizetype i = 0; i < demo.size(); ++i)
            QCOMPARE(back->at(i), demo.at(i));
    }

    void writeFailsIntoMissingFolder()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("no/such/dir/out.yaml"));
        const Result<bool> written = writeSnapshot(path, {});
        QVERIFY(!written.ok());
        QCOMPARE(written.error().file, path);
    }

    void formats()
    {
        QCOMPARE(snapshotFormatFor(QStringLiteral("a/b.JSON")), SnapshotFormat::Json);
        QCOMPARE(snapshotFormatFor(QStringLiteral("a/b.yaml")), SnapshotFormat::Yaml);
        QCOMPARE(snapshotFormatFor(QStringLiteral("a/b")), SnapshotFormat::Yaml);
        const QByteArray empty = renderSnapshot({}, SnapshotFormat::Yaml);
        const Result<QList<QJsonObject>> back =
            parseManifestStream(empty, QStringLiteral("e.yaml"));
        QVERIFY(back.ok());
        QVERIFY(back->isEmpty());
        const QJsonObject list =
            QJsonDocument::fromJson(renderSnapshot({}, SnapshotFormat::Json)).object();
        QCOMPARE(list.value(QLatin1String("kind")).toString(), QStringLiteral("List"));
        QCOMPARE(list.value(QLatin1String("apiVersion")).toString(), QStringLiteral("v1"));
        QVERIFY(list.value(QLatin1String("items")).isArray());
    }

    void types()
    {
        const Result<QList<QJsonObject>> objects = parseManifestStream(
            "- {apiVersion: apps/v1, kind: Deployment, metadata: {name: a, namespace: x}}\n"
            "- {apiVersion: apps/v1, kind: Deployment, metadata: {name: b, namespace: y}}\n"
            "- {apiVersion: v1, kind: Endpoints, metadata: {name: a, namespace: x}}\n"
            "- {apiVersion: v1, kind: Node, metadata: {name: n}}\n"
            "- {apiVersion: storage.k8s.io/v1, kind: StorageClass, metadata: {name: s}}\n"
            "- {apiVersion: networking.k8s.io/v1, kind: Ingress, metadata: {name: i, namespace: "
            "x}}\n"
            "- {apiVersion: gateway.networking.k8s.io/v1, kind: GatewayClass, metadata: {name: "
            "eg}}\n"
            "- {apiVersion: example.com/v1alpha1, kind: Policy, metadata: {name: p, namespace: "
            "x}}\n"
            "- {apiVersion: example.com/v1alpha1, kind: Gateway, metadata: {name: g, namespace: "
            "x}}\n"
            "- {apiVersion: example.com/v1, kind: Bus, metadata: {name: b}}\n"
            "- {apiVersion: example.com/v1, kind: Key, metadata: {name: k}}\n",
            QStringLiteral("t.yaml"));
        QVERIFY2(objects.ok(), qPrintable(objects.error().toString()));
        QStringList out;
        for (const ResourceType &t : typesOfObjects(objects.value()))
            out << QStringLiteral("%1 %2 %3 %4")
                       .arg(t.qualifiedName(), t.groupVersion(), t.kind,
                            t.namespaced ? QStringLiteral("ns") : QStringLiteral("cluster"));
        out.sort();
        QCOMPARE(out, QStringList({
                          QStringLiteral("buses.example.com example.com/v1 Bus cluster"),
                          QStringLiteral("deployments.apps apps/v1 Deployment ns"),
                          QStringLiteral("endpoints v1 Endpoints ns"),
                          QStringLiteral("gatewayclasses.gateway.networking.k8s.io "
                                         "gateway.networking.k8s.io/v1 GatewayClass cluster"),
                          QStringLiteral("gateways.example.com example.com/v1alpha1 Gateway ns"),
                          QStringLiteral("ingresses.networking.k8s.io networking.k8s.io/v1 "
                                         "Ingress ns"),
                          QStringLiteral("keys.example.com example.com/v1 Key cluster"),
                          QStringLiteral("nodes v1 Node cluster"),
                          QStringLiteral("policies.example.com example.com/v1alpha1 Policy ns"),
                          QStringLiteral("storageclasses.storage.k8s.io storage.k8s.io/v1 "
                                         "StorageClass cluster"),
                      }));
        QVERIFY(typesOfObjects(demoClusterObjects()).size() >= 20);
    }
};

QTEST_GUILESS_MAIN(TestSnapshot)
#include "tst_snapshot.moc"
