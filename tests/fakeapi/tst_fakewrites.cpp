// The fake API server's writes beyond apply, as the real server answers them: CRDs that add
// their types, SelfSubjectAccessReviews, /version, POST/PUT/DELETE/PATCH with their Status
// errors, the status subresource, generation, dryRun, managedFields, and controllers.
#include "fakeapiserver.h"
#include "fakeclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

#include <memory>

using namespace Fluxdesk::Testing;

namespace {

const QString Token = QStringLiteral("writes-test-token");

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject meta(const QJsonObject &o)
{
    return o.value(QLatin1String("metadata")).toObject();
}

QJsonObject nameSpace(const QString &name)
{
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("Namespace")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}}};
}

QJsonObject configMap(const QString &name, const QString &value)
{
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
                       {QStringLiteral("metadata"),
                        QJsonObject{{QStringLiteral("name"), name},
                                    {QStringLiteral("namespace"), QStringLiteral("apps")}}},
                       {QStringLiteral("data"), QJsonObject{{QStringLiteral("v"), value}}}};
}

// A CRD like Flux's GitRepository: namespaced, status subresource, short name, v1 served.
QJsonObject crd()
{
    const QJsonObject version{
        {QStringLiteral("name"), QStringLiteral("v1")},
        {QStringLiteral("served"), true},
        {QStringLiteral("storage"), true},
        {QStringLiteral("subresources"), QJsonObject{{QStringLiteral("status"), QJsonObject()}}}};
    const QJsonObject old{{QStringLiteral("name"), QStringLiteral("v1beta1")},
                          {QStringLiteral("served"), false},
                          {QStringLiteral("storage"), false}};
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("apiextensions.k8s.io/v1")},
        {QStringLiteral("kind"), QStringLiteral("CustomResourceDefinition")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("widgets.example.com")}}},
        {QStringLiteral("spec"),
         QJsonObject{
             {QStringLiteral("group"), QStringLiteral("example.com")},
             {QStringLiteral("scope"), QStringLiteral("Namespaced")},
             {QStringLiteral("names"),
              QJsonObject{{QStringLiteral("plural"), QStringLiteral("widgets")},
                          {QStringLiteral("singular"), QStringLiteral("widget")},
                          {QStringLiteral("kind"), QStringLiteral("Widget")},
                          {QStringLiteral("shortNames"), QJsonArray{QStringLiteral("wd")}},
                          {QStringLiteral("categories"), QJsonArray{QStringLiteral("all")}}}},
             {QStringLiteral("versions"), QJsonArray{version, old}}}}};
}

QJsonObject widget(const QString &name, int size)
{
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("example.com/v1")},
                       {QStringLiteral("kind"), QStringLiteral("Widget")},
                       {QStringLiteral("metadata"),
                        QJsonObject{{QStringLiteral("name"), name},
                                    {QStringLiteral("namespace"), QStringLiteral("apps")}}},
                       {QStringLiteral("spec"), QJsonObject{{QStringLiteral("size"), size}}}};
}

const QString Widgets = QStringLiteral("/apis/example.com/v1/namespaces/apps/widgets");
const QString ConfigMaps = QStringLiteral("/api/v1/namespaces/apps/configmaps");

// Marks every Widget ready: "Reconciling" at once, "Ready" 100 ms later, as a controller would.
class WidgetController : public FakeController
{
public:
    int calls = 0;
    QList<FakeChange> react(const QList<QJsonObject> &objects, const QDateTime &) override
    {
        ++calls;
        QList<FakeChange> out;
        for (const QJsonObject &o : objects) {
            if (o.value(QLatin1String("kind")).toString() != QLatin1String("Widget"))
                continue;
            const QString phase = o.value(QLatin1String("status"))
                                      .toObject()
                                      .value(QLatin1String("phase"))
                                      .toString();
            if (!phase.isEmpty())
                continue;
            QJsonObject next = o;
            next.insert(QStringLiteral("status"),
                        QJsonObject{{QStringLiteral("phase"), QStringLiteral("Reconciling")}});
            out.append(FakeChange{FakeChange::Type::Put, next, 0});
            next.insert(QStringLiteral("status"),
                        QJsonObject{{QStringLiteral("phase"), QStringLiteral("Ready")}});
            out.append(FakeChange{FakeChange::Type::Put, next, 100});
        }
        return out;
    }
};

} // namespace

class TestFakeWrites : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeApiServer> m_server;
    std::unique_ptr<FakeHttpClient> m_http;

    FakeReply send(const QByteArray &verb, const QString &path, const QByteArray &body = {},
                   const QByteArray &type = "application/json")
    {
        return m_http->send(verb, path, body, type);
    }
    FakeReply applyCrd()
    {
        return send("PATCH",
                    QStringLiteral("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/"
                                   "widgets.example.com?fieldManager=test"),
                    json(crd()), "application/apply-patch+yaml");
    }

private slots:
    void init()
    {
        FakeApiServer::Options options;
        options.tls = false;
        options.token = Token;
        m_server = std::make_unique<FakeApiServer>(options);
        m_server->setObjects({nameSpace(QStringLiteral("apps")),
                              configMap(QStringLiteral("settings"), QStringLiteral("1"))});
        QVERIFY(m_server->listen());
        m_http = std::make_unique<FakeHttpClient>(m_server->url(), Token);
    }
    void cleanup()
    {
        m_http.reset();
        m_server.reset();
    }

    void crdAddsItsTypes()
    {
        // Unknown before: 404 for the group, and for an object of it.
        QCOMPARE(send("GET", QStringLiteral("/apis/example.com/v1")).status, 404);
        QCOMPARE(send("POST", Widgets, json(widget(QStringLiteral("w"), 1))).status, 404);
        QCOMPARE(applyCrd().status, 201);

        const FakeReply groups = send("GET", QStringLiteral("/apis"));
        QVERIFY(groups.body.contains("\"name\":\"example.com\""));
        const FakeReply resources = send("GET", QStringLiteral("/apis/example.com/v1"));
        QCOMPARE(resources.status, 200);
        QJsonObject entry, status;
        for (const QJsonValue &r : resources.json.value(QLatin1String("resources")).toArray()) {
            const QJsonObject o = r.toObject();
            if (o.value(QLatin1String("name")).toString() == QLatin1String("widgets"))
                entry = o;
            if (o.value(QLatin1String("name")).toString() == QLatin1String("widgets/status"))
                status = o;
        }
        QCOMPARE(entry.value(QLatin1String("kind")).toString(), QStringLiteral("Widget"));
        QCOMPARE(entry.value(QLatin1String("singularName")).toString(), QStringLiteral("widget"));
        QCOMPARE(entry.value(QLatin1String("namespaced")).toBool(), true);
        QCOMPARE(entry.value(QLatin1String("shortNames")).toArray(),
                 QJsonArray{QStringLiteral("wd")});
        QCOMPARE(entry.value(QLatin1String("categories")).toArray(),
                 QJsonArray{QStringLiteral("all")});
        QVERIFY(!status.isEmpty());
        // The version that is not served is not there.
        QCOMPARE(send("GET", QStringLiteral("/apis/example.com/v1beta1")).status, 404);

        // Its objects: create, get, list, apply, watch.
        QCOMPARE(send("POST", Widgets, json(widget(QStringLiteral("w"), 1))).status, 201);
        QCOMPARE(send("GET", Widgets + QStringLiteral("/w")).status, 200);
        QCOMPARE(send("GET", QStringLiteral("/apis/example.com/v1/widgets"))
                     .json.value(QLatin1String("items"))
                     .toArray()
                     .size(),
                 1);
        QCOMPARE(send("PATCH", Widgets + QStringLiteral("/w2?fieldManager=test"),
                      json(widget(QStringLiteral("w2"), 2)), "application/apply-patch+yaml")
                     .status,
                 201);
        FakeWatchClient watch(m_server->url(), Token,
                              QStringLiteral("/apis/example.com/v1/widgets?watch=1"));
        QCOMPARE(watch.waitForEvents(2).size(), 2);

        // Deleting the CRD deletes its objects and its types.
        QCOMPARE(send("DELETE", QStringLiteral("/apis/apiextensions.k8s.io/v1/"
                                               "customresourcedefinitions/widgets.example.com"))
                     .status,
                 200);
        QTRY_COMPARE(watch.summary(),
                     QStringList({QStringLiteral("ADDED w"), QStringLiteral("ADDED w2"),
                                  QStringLiteral("DELETED w"), QStringLiteral("DELETED w2")}));
        QCOMPARE(send("GET", QStringLiteral("/apis/example.com/v1")).status, 404);
        QCOMPARE(send("GET", Widgets + QStringLiteral("/w")).status, 404);
        QVERIFY(!send("GET", QStringLiteral("/apis")).body.contains("example.com"));
    }

    void accessReviews()
    {
        const QJsonObject review{
            {QStringLiteral("apiVersion"), QStringLiteral("authorization.k8s.io/v1")},
            {QStringLiteral("kind"), QStringLiteral("SelfSubjectAccessReview")},
            {QStringLiteral("spec"),
             QJsonObject{
                 {QStringLiteral("resourceAttributes"),
                  QJsonObject{{QStringLiteral("verb"), QStringLiteral("create")},
                              {QStringLiteral("group"), QStringLiteral("apiextensions.k8s.io")},
                              {QStringLiteral("resource"),
                               QStringLiteral("customresourcedefinitions")}}}}}};
        const QString path =
            QStringLiteral("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews");
        FakeReply r = send("POST", path, json(review));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json.value(QLatin1String("status")).toObject().value(QLatin1String("allowed")),
                 QJsonValue(true));
        m_server->denyAccess(QStringLiteral("create"), QStringLiteral("apiextensions.k8s.io"),
                             QStringLiteral("*"), QStringLiteral("no CRDs for you"));
        r = send("POST", path, json(review));
        QCOMPARE(r.json.value(QLatin1String("status")).toObject(),
                 QJsonObject({{QStringLiteral("allowed"), false},
                              {QStringLiteral("reason"), QStringLiteral("no CRDs for you")}}));
        // In discovery, as kubectl auth can-i needs it.
        QVERIFY(send("GET", QStringLiteral("/apis/authorization.k8s.io/v1"))
                    .body.contains("selfsubjectaccessreviews"));
    }

    void version()
    {
        QCOMPARE(send("GET", QStringLiteral("/version"))
                     .json.value(QLatin1String("gitVersion"))
                     .toString(),
                 QStringLiteral("v1.32.0+fake"));
        m_server->setGitVersion(QStringLiteral("v1.30.4+k3s1"));
        const QJsonObject v = send("GET", QStringLiteral("/version")).json;
        QCOMPARE(v.value(QLatin1String("gitVersion")).toString(), QStringLiteral("v1.30.4+k3s1"));
        QCOMPARE(v.value(QLatin1String("major")).toString(), QStringLiteral("1"));
        QCOMPARE(v.value(QLatin1String("minor")).toString(), QStringLiteral("30"));
    }

    void create()
    {
        FakeReply r = send("POST", ConfigMaps + QStringLiteral("?fieldManager=kubectl-create"),
                           json(configMap(QStringLiteral("new"), QStringLiteral("1"))));
        QCOMPARE(r.status, 201);
        const QJsonObject m = meta(r.json);
        QCOMPARE(m.value(QLatin1String("resourceVersion")).toString().toLongLong(),
                 m_server->resourceVersion());
        QVERIFY(!m.value(QLatin1String("uid")).toString().isEmpty());
        const QJsonObject field =
            m.value(QLatin1String("managedFields")).toArray().first().toObject();
        QCOMPARE(field.value(QLatin1String("manager")).toString(),
                 QStringLiteral("kubectl-create"));
        QCOMPARE(field.value(QLatin1String("operation")).toString(), QStringLiteral("Update"));

        r = send("POST", ConfigMaps, json(configMap(QStringLiteral("new"), QStringLiteral("2"))));
        QCOMPARE(r.status, 409);
        QCOMPARE(r.json.value(QLatin1String("reason")).toString(), QStringLiteral("AlreadyExists"));
        QCOMPARE(r.json.value(QLatin1String("message")).toString(),
                 QStringLiteral("configmaps \"new\" already exists"));

        QJsonObject generated = configMap(QString(), QStringLiteral("1"));
        QJsonObject gm = meta(generated);
        gm.remove(QStringLiteral("name"));
        gm.insert(QStringLiteral("generateName"), QStringLiteral("job-"));
        generated.insert(QStringLiteral("metadata"), gm);
        r = send("POST", ConfigMaps, json(generated));
        QCOMPARE(r.status, 201);
        const QString name = meta(r.json).value(QLatin1String("name")).toString();
        QVERIFY2(name.startsWith(QLatin1String("job-")) && name.size() == 9, qPrintable(name));

        QJsonObject elsewhere = configMap(QStringLiteral("x"), QStringLiteral("1"));
        QJsonObject em = meta(elsewhere);
        em.remove(QStringLiteral("namespace"));
        elsewhere.insert(QStringLiteral("metadata"), em);
        r = send("POST", QStringLiteral("/api/v1/namespaces/nowhere/configmaps"), json(elsewhere));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json.value(QLatin1String("message")).toString(),
                 QStringLiteral("namespaces \"nowhere\" not found"));

        const int before = int(m_server->objects().size());
        r = send("POST", ConfigMaps + QStringLiteral("?dryRun=All"),
                 json(configMap(QStringLiteral("dry"), QStringLiteral("1"))));
        QCOMPARE(r.status, 201);
        QCOMPARE(int(m_server->objects().size()), before);
    }

    void replace()
    {
        const FakeReply got = send("GET", ConfigMaps + QStringLiteral("/settings"));
        QJsonObject next = got.json;
        next.insert(QStringLiteral("data"),
                    QJsonObject{{QStringLiteral("v"), QStringLiteral("2")}});
        FakeReply r = send("PUT", ConfigMaps + QStringLiteral("/settings"), json(next));
        QCOMPARE(r.status, 200);
        QCOMPARE(
            r.json.value(QLatin1String("data")).toObject().value(QLatin1String("v")).toString(),
            QStringLiteral("2"));
        // The same body again: its resourceVersion is stale now.
        r = send("PUT", ConfigMaps + QStringLiteral("/settings"), json(next));
        QCOMPARE(r.status, 409);
        QCOMPARE(r.json.value(QLatin1String("reason")).toString(), QStringLiteral("Conflict"));
        QCOMPARE(r.json.value(QLatin1String("message")).toString(),
                 QStringLiteral("Operation cannot be fulfilled on configmaps \"settings\": the "
                                "object has been modified; please apply your changes to the "
                                "latest version and try again"));
        r = send("PUT", ConfigMaps + QStringLiteral("/missing"),
                 json(configMap(QStringLiteral("missing"), QStringLiteral("1"))));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json.value(QLatin1String("message")).toString(),
                 QStringLiteral("configmaps \"missing\" not found"));
    }

    void remove()
    {
        FakeReply r = send("DELETE", ConfigMaps + QStringLiteral("/settings?dryRun=All"));
        QCOMPARE(r.status, 200);
        QCOMPARE(send("GET", ConfigMaps + QStringLiteral("/settings")).status, 200);
        r = send("DELETE", ConfigMaps + QStringLiteral("/settings"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QLatin1String("kind")).toString(), QStringLiteral("ConfigMap"));
        QCOMPARE(send("GET", ConfigMaps + QStringLiteral("/settings")).status, 404);
        QCOMPARE(send("DELETE", ConfigMaps + QStringLiteral("/settings")).status, 404);

        // With a propagationPolicy (as kubectl sends): a Status.
        QCOMPARE(send("POST", ConfigMaps, json(configMap(QStringLiteral("b"), QStringLiteral("1"))))
                     .status,
                 201);
        r = send("DELETE", ConfigMaps + QStringLiteral("/b"),
                 R"({"kind":"DeleteOptions","apiVersion":"v1","propagationPolicy":"Background"})");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QLatin1String("kind")).toString(), QStringLiteral("Status"));
        QCOMPARE(r.json.value(QLatin1String("status")).toString(), QStringLiteral("Success"));

        // Finalizers hold it until a write empties them.
        QJsonObject held = configMap(QStringLiteral("held"), QStringLiteral("1"));
        QJsonObject hm = meta(held);
        hm.insert(QStringLiteral("finalizers"), QJsonArray{QStringLiteral("example.com/keep")});
        held.insert(QStringLiteral("metadata"), hm);
        QCOMPARE(send("POST", ConfigMaps, json(held)).status, 201);
        r = send("DELETE", ConfigMaps + QStringLiteral("/held"));
        QCOMPARE(r.status, 202);
        QVERIFY(meta(r.json).contains(QLatin1String("deletionTimestamp")));
        QCOMPARE(send("GET", ConfigMaps + QStringLiteral("/held")).status, 200);
        QCOMPARE(send("PATCH", ConfigMaps + QStringLiteral("/held"),
                      R"({"metadata":{"finalizers":null}})", "application/merge-patch+json")
                     .status,
                 200);
        QCOMPARE(send("GET", ConfigMaps + QStringLiteral("/held")).status, 404);
    }

    void patches_data()
    {
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<QByteArray>("body");
        QTest::addRow("merge") << QByteArray("application/merge-patch+json")
                               << QByteArray(R"({"data":{"v":"9"}})");
        QTest::addRow("strategic") << QByteArray("application/strategic-merge-patch+json")
                                   << QByteArray(R"({"data":{"v":"9"}})");
        QTest::addRow("json") << QByteArray("application/json-patch+json")
                              << QByteArray(R"([{"op":"replace","path":"/data/v","value":"9"}])");
    }
    void patches()
    {
        QFETCH(QByteArray, type);
        QFETCH(QByteArray, body);
        FakeReply r =
            send("PATCH", ConfigMaps + QStringLiteral("/settings?dryRun=All"), body, type);
        QCOMPARE(r.status, 200);
        QCOMPARE(send("GET", ConfigMaps + QStringLiteral("/settings"))
                     .json.value(QLatin1String("data"))
                     .toObject()
                     .value(QLatin1String("v"))
                     .toString(),
                 QStringLiteral("1"));
        r = send("PATCH", ConfigMaps + QStringLiteral("/settings?fieldManager=kubectl-patch"), body,
                 type);
        QCOMPARE(r.status, 200);
        QCOMPARE(
            r.json.value(QLatin1String("data")).toObject().value(QLatin1String("v")).toString(),
            QStringLiteral("9"));
        const QJsonArray fields = meta(r.json).value(QLatin1String("managedFields")).toArray();
        QCOMPARE(fields.last().toObject().value(QLatin1String("manager")).toString(),
                 QStringLiteral("kubectl-patch"));
        QCOMPARE(send("PATCH", ConfigMaps + QStringLiteral("/missing"), body, type).status, 404);
    }

    void statusSubresourceAndGeneration()
    {
        QCOMPARE(applyCrd().status, 201);
        QJsonObject w = widget(QStringLiteral("w"), 1);
        w.insert(QStringLiteral("status"),
                 QJsonObject{{QStringLiteral("phase"), QStringLiteral("x")}});
        FakeReply r = send("POST", Widgets, json(w));
        QCOMPARE(r.status, 201);
        QVERIFY(!r.json.contains(QLatin1String("status"))); // create drops it
        QCOMPARE(meta(r.json).value(QLatin1String("generation")).toInt(), 1);

        // The status subresource changes only status, and not the generation.
        r = send("PATCH", Widgets + QStringLiteral("/w/status"),
                 R"({"status":{"phase":"Ready"},"spec":{"size":5}})",
                 "application/merge-patch+json");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QLatin1String("status")).toObject().value(QLatin1String("phase")),
                 QJsonValue(QStringLiteral("Ready")));
        QCOMPARE(
            r.json.value(QLatin1String("spec")).toObject().value(QLatin1String("size")).toInt(), 1);
        QCOMPARE(meta(r.json).value(QLatin1String("generation")).toInt(), 1);

        // The main resource keeps the stored status; a spec change bumps the generation.
        r = send("PATCH", Widgets + QStringLiteral("/w"),
                 R"({"status":{"phase":"Gone"},"spec":{"size":2}})",
                 "application/merge-patch+json");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QLatin1String("status")).toObject().value(QLatin1String("phase")),
                 QJsonValue(QStringLiteral("Ready")));
        QCOMPARE(meta(r.json).value(QLatin1String("generation")).toInt(), 2);
        // A label is no spec change.
        r = send("PATCH", Widgets + QStringLiteral("/w"), R"({"metadata":{"labels":{"a":"b"}}})",
                 "application/merge-patch+json");
        QCOMPARE(meta(r.json).value(QLatin1String("generation")).toInt(), 2);

        // PUT of the status.
        QJsonObject s = r.json;
        s.insert(QStringLiteral("status"),
                 QJsonObject{{QStringLiteral("phase"), QStringLiteral("Done")}});
        r = send("PUT", Widgets + QStringLiteral("/w/status"), json(s));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QLatin1String("status")).toObject().value(QLatin1String("phase")),
                 QJsonValue(QStringLiteral("Done")));
        // A ConfigMap has no status subresource.
        QCOMPARE(send("GET", ConfigMaps + QStringLiteral("/settings/status")).status, 404);
    }

    void controllers()
    {
        QCOMPARE(applyCrd().status, 201);
        auto controller = std::make_shared<WidgetController>();
        m_server->addController(controller);
        FakeWatchClient watch(m_server->url(), Token,
                              Widgets + QStringLiteral("?watch=1&resourceVersion=") +
                                  QString::number(m_server->resourceVersion()));
        QCOMPARE(send("POST", Widgets, json(widget(QStringLiteral("w"), 1))).status, 201);
        QTRY_COMPARE(watch.events().size(), 3);
        QStringList phases;
        for (const QJsonObject &e : watch.events())
            phases.append(e.value(QLatin1String("type")).toString() + QLatin1Char(' ') +
                          e.value(QLatin1String("object"))
                              .toObject()
                              .value(QLatin1String("status"))
                              .toObject()
                              .value(QLatin1String("phase"))
                              .toString());
        QCOMPARE(phases,
                 QStringList({QStringLiteral("ADDED "), QStringLiteral("MODIFIED Reconciling"),
                              QStringLiteral("MODIFIED Ready")}));
        // The controller's changes keep uid and creationTimestamp.
        const QJsonObject first = watch.events().first().value(QLatin1String("object")).toObject();
        const QJsonObject last = watch.events().last().value(QLatin1String("object")).toObject();
        QCOMPARE(meta(last).value(QLatin1String("uid")), meta(first).value(QLatin1String("uid")));
        QTest::qWait(100);
        QCOMPARE(watch.events().size(), 3); // settled
        QVERIFY(controller->calls >= 2);
    }
};

QTEST_GUILESS_MAIN(TestFakeWrites)
#include "tst_fakewrites.moc"
