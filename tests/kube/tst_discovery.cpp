#include "kube/discovery.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace Fluxdesk;

// Discovery and list documents are parsed by pure functions; these tests pin the rules.
class TstDiscovery : public QObject
{
    Q_OBJECT

private:
    static QByteArray json(const char *text) { return QByteArray(text); }

private slots:
    void resourceList_data()
    {
        QTest::addColumn<QByteArray>("document");
        QTest::addColumn<QString>("askedFor");
        QTest::addColumn<QStringList>("expected"); // "group/version/resource/Kind/ns|cluster"

        QTest::addRow("core with subresources and non-listable")
            << json(R"({"kind":"APIResourceList","groupVersion":"v1","resources":[
                {"name":"pods","namespaced":true,"kind":"Pod","verbs":["get","list","watch"]},
                {"name":"pods/log","namespaced":true,"kind":"Pod","verbs":["get"]},
                {"name":"pods/status","namespaced":true,"kind":"Pod","verbs":["get","list"]},
                {"name":"bindings","namespaced":true,"kind":"Binding","verbs":["create"]},
                {"name":"namespaces","namespaced":false,"kind":"Namespace","verbs":["list"]},
                {"name":"events","namespaced":true,"kind":"Event","verbs":["list","get"]}]})")
            << QString()
            << QStringList{QStringLiteral("/v1/pods/Pod/ns"),
                           QStringLiteral("/v1/namespaces/Namespace/cluster"),
                           QStringLiteral("/v1/events/Event/ns")};
        QTest::addRow("group") << json(R"({"groupVersion":"apps/v1","resources":[
                {"name":"deployments","namespaced":true,"kind":"Deployment","verbs":["list"]},
                {"name":"deployments/scale","namespaced":true,"kind":"Scale","verbs":["get","list"]}]})")
                               << QStringLiteral("apps/v1")
                               << QStringList{QStringLiteral("apps/v1/deployments/Deployment/ns")};
        QTest::addRow("groupVersion from the request when missing")
            << json(
                   R"({"resources":[{"name":"widgets","namespaced":false,"kind":"Widget","verbs":["list"]}]})")
            << QStringLiteral("example.com/v1beta1")
            << QStringList{QStringLiteral("example.com/v1beta1/widgets/Widget/cluster")};
        QTest::addRow("resource in another group")
            << json(R"({"groupVersion":"metrics.k8s.io/v1beta1","resources":[
                {"name":"things","group":"other.io","version":"v2","namespaced":true,"kind":"Thing","verbs":["list"]}]})")
            << QString() << QStringList{QStringLiteral("other.io/v2/things/Thing/ns")};
        QTest::addRow("no resources")
            << json(R"({"groupVersion":"a.io/v1","resources":[]})") << QString() << QStringList();
    }

    void resourceList()
    {
        QFETCH(QByteArray, document);
        QFETCH(QString, askedFor);
        QFETCH(QStringList, expected);
        const auto types = Discovery::parseResourceList(document, askedFor);
        QVERIFY2(types.ok(), qPrintable(types.error().message));
        QStringList actual;
        for (const ResourceType &t : types.value())
            actual.append(t.group + QLatin1Char('/') + t.version + QLatin1Char('/') + t.resource +
                          QLatin1Char('/') + t.kind + QLatin1Char('/') +
                          (t.namespaced ? QStringLiteral("ns") : QStringLiteral("cluster")));
        QCOMPARE(actual, expected);
    }

    void listableVerbsKept()
    {
        const auto types = Discovery::parseResourceList(json(
            R"({"groupVersion":"v1","resources":[{"name":"pods","namespaced":true,"kind":"Pod","verbs":["get","list","watch"]}]})"));
        QVERIFY(types.ok());
        QCOMPARE(types->size(), 1);
        QCOMPARE(types->first().verbs, (QStringList{QStringLiteral("get"), QStringLiteral("list"),
                                                    QStringLiteral("watch")}));
        QCOMPARE(types->first().listPath(), QStringLiteral("/api/v1/pods"));
    }

    void preferredGroupVersions()
    {
        const auto gvs =
            Discovery::parsePreferredGroupVersions(json(R"({"kind":"APIGroupList","groups":[
            {"name":"apps","versions":[{"groupVersion":"apps/v1","version":"v1"}],
             "preferredVersion":{"groupVersion":"apps/v1","version":"v1"}},
            {"name":"autoscaling","versions":[{"groupVersion":"autoscaling/v2","version":"v2"},
                                             {"groupVersion":"autoscaling/v1","version":"v1"}],
             "preferredVersion":{"groupVersion":"autoscaling/v2","version":"v2"}},
            {"name":"nopref.io","versions":[{"groupVersion":"nopref.io/v1beta1","version":"v1beta1"}]},
            {"name":"empty.io","versions":[]}]})"));
        QVERIFY2(gvs.ok(), qPrintable(gvs.error().message));
        QCOMPARE(gvs.value(),
                 (QStringList{QStringLiteral("apps/v1"), QStringLiteral("autoscaling/v2"),
                              QStringLiteral("nopref.io/v1beta1")}));
    }

    void sameKindInTwoGroups()
    {
        // K3s's Traefik chart serves its kinds in traefik.io and in the older
        // traefik.containo.us: both groups are discovered, each listing its own IngressRoute.
        const auto gvs =
            Discovery::parsePreferredGroupVersions(json(R"({"kind":"APIGroupList","groups":[
            {"name":"traefik.containo.us","versions":[{"groupVersion":"traefik.containo.us/v1alpha1","version":"v1alpha1"}],
             "preferredVersion":{"groupVersion":"traefik.containo.us/v1alpha1","version":"v1alpha1"}},
            {"name":"traefik.io","versions":[{"groupVersion":"traefik.io/v1alpha1","version":"v1alpha1"}],
             "preferredVersion":{"groupVersion":"traefik.io/v1alpha1","version":"v1alpha1"}},
            {"name":"gateway.networking.k8s.io","versions":[
                {"groupVersion":"gateway.networking.k8s.io/v1","version":"v1"},
                {"groupVersion":"gateway.networking.k8s.io/v1beta1","version":"v1beta1"}],
             "preferredVersion":{"groupVersion":"gateway.networking.k8s.io/v1","version":"v1"}}]})"));
        QVERIFY2(gvs.ok(), qPrintable(gvs.error().message));
        // One group in two versions: its preferred version only, the objects are the same.
        QCOMPARE(gvs.value(), (QStringList{QStringLiteral("traefik.containo.us/v1alpha1"),
                                           QStringLiteral("traefik.io/v1alpha1"),
                                           QStringLiteral("gateway.networking.k8s.io/v1")}));

        const char *routes = R"({"kind":"APIResourceList","groupVersion":"%1","resources":[
            {"name":"ingressroutes","singularName":"ingressroute","namespaced":true,"kind":"IngressRoute",
             "verbs":["delete","deletecollection","get","list","patch","create","update","watch"]},
            {"name":"middlewares","singularName":"middleware","namespaced":true,"kind":"Middleware",
             "verbs":["delete","deletecollection","get","list","patch","create","update","watch"]}]})";
        QList<ResourceType> types;
        for (const QString &gv : {QStringLiteral("traefik.containo.us/v1alpha1"),
                                  QStringLiteral("traefik.io/v1alpha1")}) {
            const auto parsed =
                Discovery::parseResourceList(QString::fromLatin1(routes).arg(gv).toUtf8(), gv);
            QVERIFY2(parsed.ok(), qPrintable(parsed.error().message));
            types += parsed.value();
        }
        QStringList names;
        for (const ResourceType &t : std::as_const(types)) {
            names.append(t.qualifiedName());
            QVERIFY(t.creatable());
        }
        QCOMPARE(names, (QStringList{QStringLiteral("ingressroutes.traefik.containo.us"),
                                     QStringLiteral("middlewares.traefik.containo.us"),
                                     QStringLiteral("ingressroutes.traefik.io"),
                                     QStringLiteral("middlewares.traefik.io")}));
        QCOMPARE(types.at(2).listPath(), QStringLiteral("/apis/traefik.io/v1alpha1/ingressroutes"));
        QVERIFY(!(types.at(0) == types.at(2)));
    }

    void readOnlyVerbsKept()
    {
        // metrics-server's aggregated API: get and list only. Listable, never creatable.
        const auto types = Discovery::parseResourceList(json(
            R"({"kind":"APIResourceList","apiVersion":"v1","groupVersion":"metrics.k8s.io/v1beta1","resources":[
            {"name":"nodes","singularName":"","namespaced":false,"kind":"NodeMetrics","verbs":["get","list"]},
            {"name":"pods","singularName":"","namespaced":true,"kind":"PodMetrics","verbs":["get","list"]}]})"));
        QVERIFY2(types.ok(), qPrintable(types.error().message));
        QCOMPARE(types->size(), 2);
        for (const ResourceType &t : types.value()) {
            QCOMPARE(t.verbs, (QStringList{QStringLiteral("get"), QStringLiteral("list")}));
            QVERIFY(!t.creatable());
        }
        QCOMPARE(types->at(1).qualifiedName(), QStringLiteral("pods.metrics.k8s.io"));
        QCOMPARE(types->at(1).listPath(), QStringLiteral("/apis/metrics.k8s.io/v1beta1/pods"));
    }

    void versionPriority_data()
    {
        QTest::addColumn<QStringList>("versions");
        QTest::addColumn<QStringList>("expected");
        // k8s.io/apimachinery's own example of the kube-aware order.
        QTest::addRow("apimachinery")
            << QStringList{QStringLiteral("foo1"),      QStringLiteral("v1alpha1"),
                           QStringLiteral("v10"),       QStringLiteral("v1beta2"),
                           QStringLiteral("foo10"),     QStringLiteral("v12alpha1"),
                           QStringLiteral("v2"),        QStringLiteral("v11beta2"),
                           QStringLiteral("v1"),        QStringLiteral("v1beta1"),
                           QStringLiteral("v11alpha2"), QStringLiteral("v10beta3"),
                           QStringLiteral("v3beta1")}
            << QStringList{QStringLiteral("v10"),       QStringLiteral("v2"),
                           QStringLiteral("v1"),        QStringLiteral("v11beta2"),
                           QStringLiteral("v10beta3"),  QStringLiteral("v3beta1"),
                           QStringLiteral("v1beta2"),   QStringLiteral("v1beta1"),
                           QStringLiteral("v12alpha1"), QStringLiteral("v11alpha2"),
                           QStringLiteral("v1alpha1"),  QStringLiteral("foo1"),
                           QStringLiteral("foo10")};
        QTest::addRow("gateway api") << QStringList{QStringLiteral("v1alpha2"),
                                                    QStringLiteral("v1beta1"), QStringLiteral("v1")}
                                     << QStringList{QStringLiteral("v1"), QStringLiteral("v1beta1"),
                                                    QStringLiteral("v1alpha2")};
    }

    void versionPriority()
    {
        QFETCH(QStringList, versions);
        QFETCH(QStringList, expected);
        std::sort(versions.begin(), versions.end(), Discovery::versionPrecedes);
        QCOMPARE(versions, expected);
        QVERIFY(!Discovery::versionPrecedes(QStringLiteral("v1"), QStringLiteral("v1")));
    }

    void knownTypesByGroupAndKind()
    {
        // Without discovery (a snapshot): what the API would serve, by group and kind together.
        const QStringList readOnly{QStringLiteral("get"), QStringLiteral("list")};
        QCOMPARE(knownVerbs(QStringLiteral("metrics.k8s.io"), QStringLiteral("PodMetrics")),
                 readOnly);
        QCOMPARE(knownVerbs(QStringLiteral("metrics.k8s.io"), QStringLiteral("SomethingNew")),
                 readOnly);
        QCOMPARE(knownVerbs(QString(), QStringLiteral("ComponentStatus")), readOnly);
        QVERIFY(
            knownVerbs(QString(), QStringLiteral("ConfigMap")).contains(QLatin1String("create")));
        QVERIFY(knownVerbs(QStringLiteral("traefik.io"), QStringLiteral("IngressRoute"))
                    .contains(QLatin1String("create")));
        // A CRD's kind named like a read-only one is a CRD's, with its own verbs.
        QVERIFY(knownVerbs(QStringLiteral("example.com"), QStringLiteral("ComponentStatus"))
                    .contains(QLatin1String("create")));

        const auto pods =
            wellKnownType(QStringLiteral("metrics.k8s.io"), QStringLiteral("PodMetrics"));
        QVERIFY(pods.has_value());
        QCOMPARE(pods->resource, QStringLiteral("pods"));
        QVERIFY(pods->namespaced);
        QVERIFY(!pods->creatable());
        const auto node = wellKnownType(QString(), QStringLiteral("Node"));
        QVERIFY(node.has_value());
        QVERIFY(!node->namespaced);
        QVERIFY(node->creatable());
        QVERIFY(!wellKnownType(QStringLiteral("example.com"), QStringLiteral("Node")).has_value());
    }

    void coreVersions()
    {
        const auto versions = Discovery::parseCoreVersions(
            json(R"({"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[]})"));
        QVERIFY(versions.ok());
        QCOMPARE(versions.value(), QStringList{QStringLiteral("v1")});
        const auto none =
            Discovery::parseCoreVersions(json(R"({"kind":"APIVersions","versions":[]})"));
        QVERIFY(!none.ok());
        QVERIFY(none.error().message.contains(QLatin1String("no versions")));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("document");
        QTest::addRow("truncated") << json(R"({"groupVersion":"v1","resources":[{"name":)");
        QTest::addRow("html") << json("<html><body>Bad gateway</body></html>");
        QTest::addRow("array") << json("[1,2]");
    }

    void malformed()
    {
        QFETCH(QByteArray, document);
        const auto types = Discovery::parseResourceList(document, QStringLiteral("v1"));
        QVERIFY(!types.ok());
        QVERIFY2(types.error().message.contains(QLatin1String("malformed JSON for v1")),
                 qPrintable(types.error().message));
        QVERIFY(!Discovery::parsePreferredGroupVersions(document).ok());
        QVERIFY(!Discovery::parseCoreVersions(document).ok());
        ResourceType pods{
            QString(), QStringLiteral("v1"), QStringLiteral("pods"), QStringLiteral("Pod"), true,
            {}};
        const auto page = Discovery::parseListPage(document, pods);
        QVERIFY(!page.ok());
        QVERIFY2(page.error().message.contains(QLatin1String("/api/v1/pods")),
                 qPrintable(page.error().message));
    }

    void listPage()
    {
        const ResourceType deployments{QStringLiteral("apps"),
                                       QStringLiteral("v1"),
                                       QStringLiteral("deployments"),
                                       QStringLiteral("Deployment"),
                                       true,
                                       {}};
        const auto page =
            Discovery::parseListPage(json(R"({"kind":"DeploymentList","apiVersion":"apps/v1",
            "metadata":{"resourceVersion":"12","continue":"abc=="},
            "items":[{"metadata":{"name":"a","namespace":"x"}},
                     {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"b","namespace":"y"}}]})"),
                                     deployments);
        QVERIFY2(page.ok(), qPrintable(page.error().message));
        QCOMPARE(page->continueToken, QStringLiteral("abc=="));
        QCOMPARE(page->items.size(), 2);
        for (const QJsonObject &item : page->items) {
            QCOMPARE(item.value(QLatin1String("apiVersion")).toString(), QStringLiteral("apps/v1"));
            QCOMPARE(item.value(QLatin1String("kind")).toString(), QStringLiteral("Deployment"));
        }
        QCOMPARE(ObjectKey::of(page->items.first()).toString(),
                 QStringLiteral("apps/Deployment x/a"));

        const auto last = Discovery::parseListPage(
            json(R"({"kind":"DeploymentList","items":[],"metadata":{}})"), deployments);
        QVERIFY(last.ok());
        QVERIFY(last->items.isEmpty());
        QVERIFY(last->continueToken.isEmpty());

        const auto noItems =
            Discovery::parseListPage(json(R"({"kind":"DeploymentList","items":{}})"), deployments);
        QVERIFY(!noItems.ok());
    }

    // The loader parses pages on a worker; this measures what that spares the UI thread.
    void parseTimeOf500ItemPage()
    {
        QJsonArray items;
        for (int i = 0; i < 500; ++i) {
            QJsonObject labels{
                {QStringLiteral("app"), QStringLiteral("app-%1").arg(i)},
                {QStringLiteral("app.kubernetes.io/managed-by"), QStringLiteral("Helm")}};
            QJsonObject meta{{QStringLiteral("name"), QStringLiteral("pod-%1").arg(i)},
                             {QStringLiteral("namespace"), QStringLiteral("ns-%1").arg(i % 20)},
                             {QStringLiteral("labels"), labels},
                             {QStringLiteral("uid"), QStringLiteral("0000-%1").arg(i)}};
            QJsonArray containers;
            for (int c = 0; c < 3; ++c)
                containers.append(QJsonObject{
                    {QStringLiteral("name"), QStringLiteral("c%1").arg(c)},
                    {QStringLiteral("image"), QStringLiteral("registry.example/app:%1").arg(i)},
                    {QStringLiteral("args"),
                     QJsonArray{QStringLiteral("--port=8080"), QStringLiteral("--verbose")}},
                    {QStringLiteral("env"),
                     QJsonArray{
                         QJsonObject{{QStringLiteral("name"), QStringLiteral("A")},
                                     {QStringLiteral("value"), QString(200, QLatin1Char('x'))}}}}});
            items.append(QJsonObject{
                {QStringLiteral("metadata"), meta},
                {QStringLiteral("spec"), QJsonObject{{QStringLiteral("containers"), containers}}}});
        }
        const QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("kind"), QStringLiteral("PodList")},
                                      {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                      {QStringLiteral("items"), items}})
                .toJson(QJsonDocument::Compact);
        const ResourceType pods{
            QString(), QStringLiteral("v1"), QStringLiteral("pods"), QStringLiteral("Pod"), true,
            {}};
        QElapsedTimer timer;
        timer.start();
        const auto page = Discovery::parseListPage(body, pods);
        const qint64 ms = timer.elapsed();
        QVERIFY(page.ok());
        QCOMPARE(page->items.size(), 500);
        qInfo("parsing a 500-item page of %d KiB took %lld ms", int(body.size() / 1024), ms);
        // Generous: the parse runs off the UI thread anyway; this catches pathological slowness.
        QVERIFY2(ms < 5000, qPrintable(QString::number(ms)));
    }
};

QTEST_GUILESS_MAIN(TstDiscovery)
#include "tst_discovery.moc"
