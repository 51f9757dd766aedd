// Server-side apply on the fake API server, as the real one answers it: dryRun=All answers what
// would be stored and stores nothing, a plain apply creates and updates (resourceVersion,
// managedFields), and every refusal comes with the real server's code, reason and words.
#include "fakeapiserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

using namespace Fluxdesk::Testing;

namespace {

const QString Token = QStringLiteral("apply-test-token");
const char Apply[] = "application/apply-patch+yaml";
const QString DryRun = QStringLiteral("?fieldManager=kustomize-controller&dryRun=All&force=true");
const QString RealApply = QStringLiteral("?fieldManager=kustomize-controller&force=true");

struct Reply
{
    int status = 0;
    QJsonObject json;
    QString error;
};

QJsonObject meta(const QString &ns, const QString &name, const QJsonObject &labels = {})
{
    QJsonObject m{{QStringLiteral("name"), name}};
    if (!ns.isEmpty())
        m.insert(QStringLiteral("namespace"), ns);
    if (!labels.isEmpty())
        m.insert(QStringLiteral("labels"), labels);
    return m;
}

QJsonObject configMap(const QString &ns, const QString &name, const QJsonObject &data,
                      const QJsonObject &labels = {})
{
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
                       {QStringLiteral("metadata"), meta(ns, name, labels)},
                       {QStringLiteral("data"), data}};
}

QJsonObject deployment(const QString &name, const QString &app)
{
    const QJsonObject labels{{QStringLiteral("app"), app}};
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
        {QStringLiteral("kind"), QStringLiteral("Deployment")},
        {QStringLiteral("metadata"), meta(QStringLiteral("apps"), name)},
        {QStringLiteral("spec"),
         QJsonObject{
             {QStringLiteral("selector"), QJsonObject{{QStringLiteral("matchLabels"), labels}}},
             {QStringLiteral("template"),
              QJsonObject{{QStringLiteral("metadata"),
                           QJsonObject{{QStringLiteral("labels"), labels}}}}}}}};
}

QJsonObject withSpec(QJsonObject object, const QString &key, const QJsonValue &value)
{
    QJsonObject spec = object.value(QLatin1String("spec")).toObject();
    spec.insert(key, value);
    object.insert(QStringLiteral("spec"), spec);
    return object;
}

QJsonObject typed(const QString &apiVersion, const QString &kind, const QString &ns,
                  const QString &name, const QJsonObject &spec)
{
    return QJsonObject{{QStringLiteral("apiVersion"), apiVersion},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("metadata"), meta(ns, name)},
                       {QStringLiteral("spec"), spec}};
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// The cluster every test starts from: namespace "apps" and one of each immutable case.
QList<QJsonObject> cluster()
{
    const QJsonObject sel{{QStringLiteral("matchLabels"),
                           QJsonObject{{QStringLiteral("app"), QStringLiteral("db")}}}};
    return {
        QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                    {QStringLiteral("kind"), QStringLiteral("Namespace")},
                    {QStringLiteral("metadata"), meta({}, QStringLiteral("apps"))}},
        configMap(QStringLiteral("apps"), QStringLiteral("settings"),
                  {{QStringLiteral("a"), QStringLiteral("1")}},
                  {{QStringLiteral("team"), QStringLiteral("blue")}}),
        deployment(QStringLiteral("web"), QStringLiteral("web")),
        typed(QStringLiteral("v1"), QStringLiteral("Service"), QStringLiteral("apps"),
              QStringLiteral("web"), {{QStringLiteral("clusterIP"), QStringLiteral("10.43.0.10")}}),
        typed(QStringLiteral("apps/v1"), QStringLiteral("StatefulSet"), QStringLiteral("apps"),
              QStringLiteral("db"),
              {{QStringLiteral("selector"), sel},
               {QStringLiteral("serviceName"), QStringLiteral("db")}}),
        typed(QStringLiteral("batch/v1"), QStringLiteral("Job"), QStringLiteral("apps"),
              QStringLiteral("migrate"),
              {{QStringLiteral("template"),
                QJsonObject{{QStringLiteral("spec"), QJsonObject{{QStringLiteral("restartPolicy"),
                                                                  QStringLiteral("Never")}}}}}}),
    };
}

} // namespace

class TestFakeApply : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeApiServer> m_server;
    QNetworkAccessManager m_nam;

    Reply send(const QByteArray &verb, const QString &pathAndQuery, const QByteArray &body = {},
               const QByteArray &contentType = Apply)
    {
        QUrl url = m_server->url();
        const qsizetype q = pathAndQuery.indexOf(QLatin1Char('?'));
        url.setPath(q < 0 ? pathAndQuery : pathAndQuery.left(q));
        if (q >= 0)
            url.setQuery(pathAndQuery.mid(q + 1));
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + Token.toUtf8());
        if (!contentType.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        QNetworkReply *reply = m_nam.sendCustomRequest(request, verb, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        Reply out;
        if (!reply->isFinished() && !finished.wait(20000))
            out.error = QStringLiteral("no reply");
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.json = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return out;
    }

private slots:
    void init()
    {
        FakeApiServer::Options options;
        options.tls = false;
        options.token = Token;
        m_server = std::make_unique<FakeApiServer>(options);
        m_server->setObjects(cluster());
        QVERIFY(m_server->listen());
    }
    void cleanup() { m_server.reset(); }

    void dryRunStoresNothing()
    {
        const QList<QJsonObject> before = m_server->objects();
        // A new object: 201 with the object as it would be created.
        const QJsonObject created = configMap(QStringLiteral("apps"), QStringLiteral("fresh"),
                                              {{QStringLiteral("k"), QStringLiteral("v")}});
        Reply r = send("PATCH", QStringLiteral("/api/v1/namespaces/apps/configmaps/fresh") + DryRun,
                       json(created));
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json.value(QLatin1String("data")).toObject(),
                 created.value(QLatin1String("data")).toObject());
        const QJsonObject m = r.json.value(QLatin1String("metadata")).toObject();
        QCOMPARE(m.value(QLatin1String("namespace")).toString(), QStringLiteral("apps"));
        const QJsonObject manager =
            m.value(QLatin1String("managedFields")).toArray().first().toObject();
        QCOMPARE(manager.value(QLatin1String("manager")).toString(),
                 QStringLiteral("kustomize-controller"));
        QCOMPARE(manager.value(QLatin1String("operation")).toString(), QStringLiteral("Apply"));
        // An existing one: 200 with the applied fields merged into the live object.
        r = send("PATCH", QStringLiteral("/api/v1/namespaces/apps/configmaps/settings") + DryRun,
                 json(configMap(QStringLiteral("apps"), QStringLiteral("settings"),
                                {{QStringLiteral("b"), QStringLiteral("2")}})));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QLatin1String("data")).toObject(),
                 (QJsonObject{{QStringLiteral("a"), QStringLiteral("1")},
                              {QStringLiteral("b"), QStringLiteral("2")}}));
        QCOMPARE(r.json.value(QLatin1String("metadata"))
                     .toObject()
                     .value(QLatin1String("labels"))
                     .toObject(),
                 (QJsonObject{{QStringLiteral("team"), QStringLiteral("blue")}}));

        QCOMPARE(m_server->objects(), before);
        QCOMPARE(send("GET", QStringLiteral("/api/v1/namespaces/apps/configmaps/fresh")).status,
                 404);
        const Reply live =
            send("GET", QStringLiteral("/api/v1/namespaces/apps/configmaps/settings"));
        QVERIFY(!live.json.value(QLatin1String("data")).toObject().contains(QLatin1String("b")));
    }

    void applyStores()
    {
        Reply r =
            send("PATCH", QStringLiteral("/api/v1/namespaces/apps/configmaps/fresh") + RealApply,
                 json(configMap(QStringLiteral("apps"), QStringLiteral("fresh"),
                                {{QStringLiteral("k"), QStringLiteral("v")}})));
        QCOMPARE(r.status, 201);
        Reply live = send("GET", QStringLiteral("/api/v1/namespaces/apps/configmaps/fresh"));
        QCOMPARE(live.status, 200);
        const QString firstVersion = live.json.value(QLatin1String("metadata"))
                                         .toObject()
                                         .value(QLatin1String("resourceVersion"))
                                         .toString();
        QVERIFY(!firstVersion.isEmpty());
        QCOMPARE(live.json.value(QLatin1String("metadata"))
                     .toObject()
                     .value(QLatin1String("managedFields"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("manager"))
                     .toString(),
                 QStringLiteral("kustomize-controller"));
        // It lists too.
        const Reply list = send("GET", QStringLiteral("/api/v1/namespaces/apps/configmaps"));
        QCOMPARE(list.json.value(QLatin1String("items")).toArray().size(), 2);

        // An update: merged, a new resourceVersion, one managedFields entry per manager.
        r = send("PATCH", QStringLiteral("/api/v1/namespaces/apps/configmaps/fresh") + RealApply,
                 json(configMap(QStringLiteral("apps"), QStringLiteral("fresh"),
                                {{QStringLiteral("k"), QStringLiteral("w")}})));
        QCOMPARE(r.status, 200);
        live = send("GET", QStringLiteral("/api/v1/namespaces/apps/configmaps/fresh"));
        const QJsonObject m = live.json.value(QLatin1String("metadata")).toObject();
        QCOMPARE(
            live.json.value(QLatin1String("data")).toObject().value(QLatin1String("k")).toString(),
            QStringLiteral("w"));
        QVERIFY(m.value(QLatin1String("resourceVersion")).toString().toLongLong() >
                firstVersion.toLongLong());
        QCOMPARE(m.value(QLatin1String("managedFields")).toArray().size(), 1);
        QCOMPARE(m.value(QLatin1String("uid")).toString(), r.json.value(QLatin1String("metadata"))
                                                               .toObject()
                                                               .value(QLatin1String("uid"))
                                                               .toString());
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("message");

        const QString cm = QStringLiteral("/api/v1/namespaces/apps/configmaps/settings");
        const QByteArray settings =
            json(configMap(QStringLiteral("apps"), QStringLiteral("settings"), {}));
        QTest::addRow("unknown resource")
            << QStringLiteral("/apis/example.com/v1/namespaces/apps/widgets/w") + DryRun
            << QByteArray("{}") << QByteArray(Apply) << 404 << QStringLiteral("NotFound")
            << QStringLiteral("the server could not find the requested resource");
        QTest::addRow("namespace missing")
            << QStringLiteral("/api/v1/namespaces/nowhere/configmaps/c") + DryRun
            << json(configMap(QStringLiteral("nowhere"), QStringLiteral("c"), {}))
            << QByteArray(Apply) << 404 << QStringLiteral("NotFound")
            << QStringLiteral("namespaces \"nowhere\" not found");
        QTest::addRow("deployment selector")
            << QStringLiteral("/apis/apps/v1/namespaces/apps/deployments/web") + DryRun
            << json(deployment(QStringLiteral("web"), QStringLiteral("site"))) << QByteArray(Apply)
            << 422 << QStringLiteral("Invalid")
            << QStringLiteral("Deployment.apps \"web\" is invalid: spec.selector: Invalid value: "
                              "v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"site\"}, "
                              "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is "
                              "immutable");
        QTest::addRow("service clusterIP")
            << QStringLiteral("/api/v1/namespaces/apps/services/web") + DryRun
            << json(typed(QStringLiteral("v1"), QStringLiteral("Service"), QStringLiteral("apps"),
                          QStringLiteral("web"),
                          {{QStringLiteral("clusterIP"), QStringLiteral("10.43.0.99")}}))
            << QByteArray(Apply) << 422 << QStringLiteral("Invalid")
            << QStringLiteral("Service \"web\" is invalid: spec.clusterIPs[0]: Invalid value: "
                              "[]string{\"10.43.0.99\"}: may not change once set");
        QTest::addRow("statefulset serviceName")
            << QStringLiteral("/apis/apps/v1/namespaces/apps/statefulsets/db") + DryRun
            << json(typed(QStringLiteral("apps/v1"), QStringLiteral("StatefulSet"),
                          QStringLiteral("apps"), QStringLiteral("db"),
                          {{QStringLiteral("serviceName"), QStringLiteral("db2")}}))
            << QByteArray(Apply) << 422 << QStringLiteral("Invalid")
            << QStringLiteral("StatefulSet.apps \"db\" is invalid: spec: Forbidden: updates to "
                              "statefulset spec for fields other than 'replicas', 'ordinals', "
                              "'template', 'updateStrategy', "
                              "'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are "
                              "forbidden");
        QTest::addRow("job template")
            << QStringLiteral("/apis/batch/v1/namespaces/apps/jobs/migrate") + DryRun
            << json(withSpec(typed(QStringLiteral("batch/v1"), QStringLiteral("Job"),
                                   QStringLiteral("apps"), QStringLiteral("migrate"), {}),
                             QStringLiteral("template"),
                             QJsonObject{{QStringLiteral("spec"),
                                          QJsonObject{{QStringLiteral("restartPolicy"),
                                                       QStringLiteral("OnFailure")}}}}))
            << QByteArray(Apply) << 422 << QStringLiteral("Invalid")
            << QStringLiteral("Job.batch \"migrate\" is invalid: spec.template: Invalid value: "
                              "core.PodTemplateSpec{...}: field is immutable");
        QTest::addRow("invalid name")
            << QStringLiteral("/api/v1/namespaces/apps/configmaps/Web_1") + DryRun
            << json(configMap(QStringLiteral("apps"), QStringLiteral("Web_1"), {}))
            << QByteArray(Apply) << 422 << QStringLiteral("Invalid")
            << QStringLiteral(
                   "ConfigMap \"Web_1\" is invalid: metadata.name: Invalid value: "
                   "\"Web_1\": a lowercase RFC 1123 subdomain must consist of lower "
                   "case alphanumeric characters, '-' or '.', and must start and end "
                   "with an alphanumeric character (e.g. 'example.com', regex used "
                   "for validation is "
                   "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
        QTest::addRow("body does not parse")
            << cm + DryRun << QByteArray("{\"apiVersion\": [") << QByteArray(Apply) << 400
            << QStringLiteral("BadRequest") << QStringLiteral("error decoding YAML: *");
        QTest::addRow("body is a list")
            << cm + DryRun << QByteArray("[1, 2]") << QByteArray(Apply) << 400
            << QStringLiteral("BadRequest")
            << QStringLiteral("error decoding YAML: json: cannot unmarshal array into Go value of "
                              "type map[string]interface {}");
        QTest::addRow("no fieldManager")
            << cm + QStringLiteral("?dryRun=All") << settings << QByteArray(Apply) << 422
            << QStringLiteral("Invalid")
            << QStringLiteral("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required "
                              "value: is required for apply patch");
        QTest::addRow("bad dryRun")
            << cm + QStringLiteral("?fieldManager=x&dryRun=Some") << settings << QByteArray(Apply)
            << 422 << QStringLiteral("Invalid")
            << QStringLiteral("PatchOptions.meta.k8s.io \"\" is invalid: dryRun: Unsupported "
                              "value: []string{\"Some\"}: supported values: \"All\"");
        QTest::addRow("name differs")
            << cm + DryRun << json(configMap(QStringLiteral("apps"), QStringLiteral("other"), {}))
            << QByteArray(Apply) << 400 << QStringLiteral("BadRequest")
            << QStringLiteral("the name of the object (other) does not match the name on the URL "
                              "(settings)");
        QTest::addRow("managedFields sent")
            << cm + DryRun
            << QByteArray(
                   R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"settings","managedFields":[]}})")
            << QByteArray(Apply) << 400 << QStringLiteral("BadRequest")
            << QStringLiteral("metadata.managedFields must be nil");
        QTest::addRow("unknown media type")
            << cm + DryRun << settings << QByteArray("text/plain") << 415
            << QStringLiteral("UnsupportedMediaType")
            << QStringLiteral("the body of the request was in an unknown format - accepted media "
                              "types include: application/json-patch+json, "
                              "application/merge-patch+json, "
                              "application/strategic-merge-patch+json, "
                              "application/apply-patch+yaml");
        QTest::addRow("admission webhook")
            << QStringLiteral("/api/v1/namespaces/apps/configmaps/c") + DryRun
            << json(configMap(QStringLiteral("apps"), QStringLiteral("c"), {},
                              {{QStringLiteral("policy"), QStringLiteral("deny")}}))
            << QByteArray(Apply) << 400 << QStringLiteral("BadRequest")
            << QStringLiteral("admission webhook \"policy.example.com\" denied the request: "
                              "label policy=deny is not allowed");
    }
    void refusals()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        QFETCH(QString, reason);
        QFETCH(QString, message);
        m_server->addAdmissionRule({QStringLiteral("policy.example.com"), QStringLiteral("policy"),
                                    QStringLiteral("deny"), 400,
                                    QStringLiteral("label policy=deny is not allowed")});
        const QList<QJsonObject> before = m_server->objects();
        const Reply r = send("PATCH", path, body, contentType);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.status, status);
        QCOMPARE(r.json.value(QLatin1String("kind")).toString(), QStringLiteral("Status"));
        QCOMPARE(r.json.value(QLatin1String("code")).toInt(), status);
        QCOMPARE(r.json.value(QLatin1String("reason")).toString(), reason);
        const QString got = r.json.value(QLatin1String("message")).toString();
        if (message.endsWith(QLatin1Char('*')))
            QVERIFY2(got.startsWith(message.chopped(1)), qPrintable(got));
        else
            QCOMPARE(got, message);
        if (reason == QLatin1String("Invalid")) {
            // kubectl prints the causes, not the message: they say the same.
            const QJsonObject cause = r.json.value(QLatin1String("details"))
                                          .toObject()
                                          .value(QLatin1String("causes"))
                                          .toArray()
                                          .first()
                                          .toObject();
            QVERIFY(!cause.value(QLatin1String("reason")).toString().isEmpty());
            QVERIFY2(got.endsWith(
                         QLatin1String(": ") + cause.value(QLatin1String("field")).toString() +
                         QLatin1String(": ") + cause.value(QLatin1String("message")).toString()),
                     qPrintable(QString::fromUtf8(QJsonDocument(cause).toJson())));
        }
        QCOMPARE(m_server->objects(), before);

        // The same refusal without dryRun: still nothing stored.
        if (path.contains(QLatin1String("dryRun=All"))) {
            QString real = path;
            real.replace(QLatin1String("&dryRun=All"), QString());
            QCOMPARE(send("PATCH", real, body, contentType).status, status);
            QCOMPARE(m_server->objects(), before);
        }
    }

    void admissionDeniesOnlyWhatMatches()
    {
        m_server->addAdmissionRule({QStringLiteral("policy.example.com"), QStringLiteral("policy"),
                                    QString(), 403, QStringLiteral("no")});
        Reply r = send("PATCH", QStringLiteral("/api/v1/namespaces/apps/configmaps/c") + DryRun,
                       json(configMap(QStringLiteral("apps"), QStringLiteral("c"), {},
                                      {{QStringLiteral("policy"), QStringLiteral("any")}})));
        QCOMPARE(r.status, 403);
        QCOMPARE(r.json.value(QLatin1String("reason")).toString(), QStringLiteral("Forbidden"));
        r = send("PATCH", QStringLiteral("/api/v1/namespaces/apps/configmaps/c") + DryRun,
                 json(configMap(QStringLiteral("apps"), QStringLiteral("c"), {})));
        QCOMPARE(r.status, 201);
    }

    void clusterScopedAndNewNamespace()
    {
        // A Namespace applied for real; then objects in it are accepted.
        const QJsonObject ns{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                             {QStringLiteral("kind"), QStringLiteral("Namespace")},
                             {QStringLiteral("metadata"), meta({}, QStringLiteral("media"))}};
        QCOMPARE(
            send("PATCH", QStringLiteral("/api/v1/namespaces/media") + RealApply, json(ns)).status,
            201);
        QCOMPARE(send("PATCH", QStringLiteral("/api/v1/namespaces/media/configmaps/c") + DryRun,
                      json(configMap(QStringLiteral("media"), QStringLiteral("c"), {})))
                     .status,
                 201);
    }

    void getStillServedAsBefore()
    {
        // Other verbs (tst_fakeapiserver's writes) leave the list alone when they fail.
        QCOMPARE(
            send("DELETE", QStringLiteral("/api/v1/namespaces/apps/configmaps/missing"), {}, {})
                .status,
            404);
        const Reply list = send("GET", QStringLiteral("/api/v1/configmaps"), {}, {});
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json.value(QLatin1String("items")).toArray().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestFakeApply)
#include "tst_fakeapply.moc"
