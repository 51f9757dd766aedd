// The cluster's own controllers in the fake: what they write to CRDs, Namespaces and workloads
// (the real field names and reasons), when (a settable delay, so a watcher sees "not yet
// available" first), what a failing image leaves, and that once settled they write nothing.
#include "fakeapiserver.h"
#include "fakekubecontrollers.h"

#include <QElapsedTimer>
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

const QDateTime T0 = QDateTime(QDate(2026, 12, 7), QTime(18, 0), Qt::UTC);

QJsonObject parse(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text).replace('\'', '"')).object();
}

QJsonValue at(const QJsonObject &object, const QString &path)
{
    QJsonValue v = object;
    for (const QString &key : path.split(QLatin1Char('.'))) {
        bool isIndex = false;
        const int i = key.toInt(&isIndex);
        v = isIndex ? v.toArray().at(i) : v.toObject().value(key);
    }
    return v;
}

// The condition of that type, as "status reason".
QString conditionOf(const QJsonObject &object, const QString &type)
{
    for (const QJsonValue &c : at(object, QStringLiteral("status.conditions")).toArray()) {
        if (c.toObject().value(QLatin1String("type")) == type)
            return c.toObject().value(QLatin1String("status")).toString() + QLatin1Char(' ') +
                   c.toObject().value(QLatin1String("reason")).toString();
    }
    return QStringLiteral("(none)");
}

QString conditionTime(const QJsonObject &object, const QString &type)
{
    for (const QJsonValue &c : at(object, QStringLiteral("status.conditions")).toArray()) {
        if (c.toObject().value(QLatin1String("type")) == type)
            return c.toObject().value(QLatin1String("lastTransitionTime")).toString();
    }
    return {};
}

QString id(const QJsonObject &o)
{
    return o.value(QLatin1String("kind")).toString() + QLatin1Char('/') +
           at(o, QStringLiteral("metadata.namespace")).toString() + QLatin1Char('/') +
           at(o, QStringLiteral("metadata.name")).toString();
}

// The store after the changes without a delay, as the server keeps it.
QList<QJsonObject> applied(QList<QJsonObject> objects, const QList<FakeChange> &changes)
{
    for (const FakeChange &c : changes) {
        if (c.delayMs > 0)
            continue;
        bool replaced = false;
        for (QJsonObject &o : objects) {
            if (id(o) == id(c.object)) {
                o = c.object;
                replaced = true;
            }
        }
        if (!replaced)
            objects.append(c.object);
    }
    return objects;
}

QJsonObject find(const QList<QJsonObject> &objects, const QString &wanted)
{
    for (const QJsonObject &o : objects) {
        if (id(o) == wanted)
            return o;
    }
    return {};
}

QJsonObject deployment(const QString &image, int replicas = 2)
{
    QJsonObject d = parse(R"({'apiVersion':'apps/v1','kind':'Deployment',
      'metadata':{'name':'source-controller','namespace':'flux-system','uid':'u-1','generation':1},
      'spec':{'selector':{'matchLabels':{'app':'source-controller'}},
        'template':{'metadata':{'labels':{'app':'source-controller'}},
          'spec':{'containers':[{'name':'manager','image':'IMAGE'}]}}}})");
    QJsonObject spec = d.value(QLatin1String("spec")).toObject();
    spec.insert(QStringLiteral("replicas"), replicas);
    QJsonObject tmpl = spec.value(QLatin1String("template")).toObject();
    QJsonObject podSpec = tmpl.value(QLatin1String("spec")).toObject();
    podSpec.insert(QStringLiteral("containers"),
                   QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("manager")},
                                          {QStringLiteral("image"), image}}});
    tmpl.insert(QStringLiteral("spec"), podSpec);
    spec.insert(QStringLiteral("template"), tmpl);
    d.insert(QStringLiteral("spec"), spec);
    return d;
}

QJsonObject workload(const QString &kind)
{
    QJsonObject o = deployment(QStringLiteral("ghcr.io/example/app:1"), 3);
    o.insert(QStringLiteral("kind"), kind);
    if (kind == QLatin1String("DaemonSet")) {
        QJsonObject spec = o.value(QLatin1String("spec")).toObject();
        spec.remove(QStringLiteral("replicas"));
        o.insert(QStringLiteral("spec"), spec);
    }
    return o;
}

const QString Image = QStringLiteral("ghcr.io/fluxcd/source-controller:v1.6.0");
const QString Token = QStringLiteral("controllers-test-token");

// One request to the fake; the answer's status code and JSON body.
QPair<int, QJsonObject> send(QNetworkAccessManager &nam, const QUrl &base, const QByteArray &verb,
                             const QString &pathAndQuery, const QByteArray &body = {})
{
    QUrl url = base;
    const qsizetype q = pathAndQuery.indexOf(QLatin1Char('?'));
    url.setPath(q < 0 ? pathAndQuery : pathAndQuery.left(q));
    if (q >= 0)
        url.setQuery(pathAndQuery.mid(q + 1));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + Token.toUtf8());
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArray("application/apply-patch+yaml"));
    QNetworkReply *reply = nam.sendCustomRequest(request, verb, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(20000))
        return {0, {}};
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return {status, json};
}
const QString Deploy = QStringLiteral("Deployment/flux-system/source-controller");

} // namespace

class TestFakeKubeControllers : public QObject
{
    Q_OBJECT

private slots:
    void crdEstablished()
    {
        FakeKubeControllers controllers;
        const QList<QJsonObject> objects{parse(R"({'apiVersion':'apiextensions.k8s.io/v1',
          'kind':'CustomResourceDefinition','metadata':{'name':'gitrepositories.source.toolkit.fluxcd.io'},
          'spec':{'group':'source.toolkit.fluxcd.io','scope':'Namespaced',
            'names':{'kind':'GitRepository','plural':'gitrepositories','shortNames':['gitrepo']},
            'versions':[{'name':'v1','served':true,'storage':true},
                        {'name':'v1beta2','served':true,'storage':false}]}})")};
        const QList<FakeChange> changes = controllers.react(objects, T0);
        QCOMPARE(changes.size(), 1);
        const QJsonObject crd = changes.first().object;
        QCOMPARE(changes.first().delayMs, 0);
        QCOMPARE(at(crd, QStringLiteral("status.acceptedNames")).toObject(),
                 parse("{'kind':'GitRepository','listKind':'GitRepositoryList','plural':"
                       "'gitrepositories','singular':'gitrepository','shortNames':['gitrepo']}"));
        QCOMPARE(at(crd, QStringLiteral("status.storedVersions")).toArray(),
                 QJsonArray{QStringLiteral("v1")});
        QCOMPARE(conditionOf(crd, QStringLiteral("NamesAccepted")),
                 QStringLiteral("True NoConflicts"));
        QCOMPARE(conditionOf(crd, QStringLiteral("Established")),
                 QStringLiteral("True InitialNamesAccepted"));
        QCOMPARE(conditionTime(crd, QStringLiteral("Established")),
                 QStringLiteral("2026-12-07T18:00:00Z"));
        QCOMPARE(at(crd, QStringLiteral("spec")), at(objects.first(), QStringLiteral("spec")));
        // settled: nothing more, even later
        QVERIFY(controllers.react({crd}, T0.addSecs(60)).isEmpty());
    }

    void namespaceActive()
    {
        FakeKubeControllers controllers;
        const QJsonObject ns =
            parse("{'apiVersion':'v1','kind':'Namespace','metadata':{'name':'flux-system'}}");
        const QList<FakeChange> changes = controllers.react({ns}, T0);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(at(changes.first().object, QStringLiteral("status.phase")).toString(),
                 QStringLiteral("Active"));
        QVERIFY(controllers.react({changes.first().object}, T0).isEmpty());
    }

    void othersLeftAlone()
    {
        FakeKubeControllers controllers;
        const QList<QJsonObject> objects{
            parse("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'a','namespace':"
                  "'default'}}"),
            parse("{'apiVersion':'source.toolkit.fluxcd.io/v1','kind':'GitRepository',"
                  "'metadata':{'name':'flux-system','namespace':'flux-system'}}"),
            parse("{'apiVersion':'v1','kind':'Namespace','metadata':{'name':'gone',"
                  "'deletionTimestamp':'2026-12-07T17:00:00Z'}}"),
        };
        QVERIFY(controllers.react(objects, T0).isEmpty());
    }

    // No delay: available in the first round, with each controller's own status fields.
    void workloadAvailable_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QJsonObject>("expected"); // the status but conditions
        QTest::addColumn<QString>("available");    // Available condition, "(none)" if none
        QTest::addColumn<QString>("progressing");
        QTest::addRow("Deployment")
            << QStringLiteral("Deployment")
            << parse("{'observedGeneration':1,'replicas':3,'updatedReplicas':3,"
                     "'readyReplicas':3,'availableReplicas':3}")
            << QStringLiteral("True MinimumReplicasAvailable")
            << QStringLiteral("True NewReplicaSetAvailable");
        QTest::addRow("StatefulSet")
            << QStringLiteral("StatefulSet")
            << parse("{'observedGeneration':1,'replicas':3,'readyReplicas':3,'currentReplicas':"
                     "3,'updatedReplicas':3,'availableReplicas':3,'collisionCount':0}")
            << QStringLiteral("(none)") << QStringLiteral("(none)");
        QTest::addRow("DaemonSet")
            << QStringLiteral("DaemonSet")
            << parse("{'observedGeneration':1,'currentNumberScheduled':1,"
                     "'desiredNumberScheduled':1,'numberMisscheduled':0,'numberReady':1,"
                     "'updatedNumberScheduled':1,'numberAvailable':1}")
            << QStringLiteral("(none)") << QStringLiteral("(none)");
    }

    void workloadAvailable()
    {
        QFETCH(QString, kind);
        QFETCH(QJsonObject, expected);
        QFETCH(QString, available);
        QFETCH(QString, progressing);
        FakeKubeControllers controllers;
        const QList<QJsonObject> objects{workload(kind)};
        const QList<FakeChange> changes = controllers.react(objects, T0);
        QCOMPARE(changes.size(), 1);
        const QJsonObject o = changes.first().object;
        QJsonObject status = o.value(QLatin1String("status")).toObject();
        status.remove(QStringLiteral("conditions"));
        // revisions are named after the pod template's hash, as the controller names them
        if (kind == QLatin1String("StatefulSet")) {
            const QString revision = status.take(QStringLiteral("currentRevision")).toString();
            QVERIFY2(revision.startsWith(QLatin1String("source-controller-")),
                     qPrintable(revision));
            QCOMPARE(status.take(QStringLiteral("updateRevision")).toString(), revision);
        }
        QCOMPARE(status, expected);
        QCOMPARE(conditionOf(o, QStringLiteral("Available")), available);
        QCOMPARE(conditionOf(o, QStringLiteral("Progressing")), progressing);
        QVERIFY(controllers.react({o}, T0.addSecs(1)).isEmpty());
    }

    // With a delay a watcher first sees the pods coming, then, that much later, available.
    void deploymentAvailableAfterDelay()
    {
        FakeKubeControllers controllers;
        controllers.setAvailableDelayMs(1500);
        QList<QJsonObject> objects{deployment(Image)};
        QList<FakeChange> changes = controllers.react(objects, T0);
        QCOMPARE(changes.size(), 2);
        objects = applied(objects, changes);
        QJsonObject d = find(objects, Deploy);
        QCOMPARE(conditionOf(d, QStringLiteral("Available")),
                 QStringLiteral("False MinimumReplicasUnavailable"));
        QCOMPARE(conditionOf(d, QStringLiteral("Progressing")),
                 QStringLiteral("True ReplicaSetUpdated"));
        QCOMPARE(at(d, QStringLiteral("status.observedGeneration")).toInt(), 1);
        QCOMPARE(at(d, QStringLiteral("status.unavailableReplicas")).toInt(), 2);
        QVERIFY(at(d, QStringLiteral("status.readyReplicas")).isUndefined());
        // the kubelet's Event, written when the pods are due, wakes the controller then
        const FakeChange &wake = changes.at(1);
        QCOMPARE(wake.delayMs, 1500);
        QCOMPARE(wake.object.value(QLatin1String("kind")).toString(), QStringLiteral("Event"));
        QCOMPARE(wake.object.value(QLatin1String("reason")).toString(), QStringLiteral("Started"));
        QCOMPARE(at(wake.object, QStringLiteral("involvedObject.kind")).toString(),
                 QStringLiteral("Pod"));
        QVERIFY(at(wake.object, QStringLiteral("involvedObject.name"))
                    .toString()
                    .startsWith(QLatin1String("source-controller-")));

        // before it is due: nothing, and no second wake-up
        QVERIFY(controllers.react(objects, T0.addMSecs(700)).isEmpty());

        changes = controllers.react(objects, T0.addMSecs(1500));
        QCOMPARE(changes.size(), 1);
        d = changes.first().object;
        QCOMPARE(conditionOf(d, QStringLiteral("Available")),
                 QStringLiteral("True MinimumReplicasAvailable"));
        QCOMPARE(conditionOf(d, QStringLiteral("Progressing")),
                 QStringLiteral("True NewReplicaSetAvailable"));
        QCOMPARE(at(d, QStringLiteral("status.availableReplicas")).toInt(), 2);
        QCOMPARE(at(d, QStringLiteral("status.readyReplicas")).toInt(), 2);
        QVERIFY(at(d, QStringLiteral("status.unavailableReplicas")).isUndefined());
        // Progressing stayed True: its transition time is the first round's
        QCOMPARE(conditionTime(d, QStringLiteral("Progressing")),
                 QStringLiteral("2026-12-07T18:00:00Z"));
        QCOMPARE(conditionTime(d, QStringLiteral("Available")),
                 QStringLiteral("2026-12-07T18:00:01Z"));
        QVERIFY(controllers.react({d}, T0.addSecs(30)).isEmpty());
    }

    void failingImage_data()
    {
        QTest::addColumn<int>("delayMs");
        QTest::addRow("at once") << 0;
        QTest::addRow("after a delay") << 800;
    }

    // A bootstrap whose controller image cannot be pulled: never Available, and Progressing
    // False ProgressDeadlineExceeded once due.
    void failingImage()
    {
        QFETCH(int, delayMs);
        FakeKubeControllers controllers;
        controllers.setAvailableDelayMs(delayMs);
        controllers.setFailingImages({Image});
        QList<QJsonObject> objects{deployment(Image, 1)};
        QList<FakeChange> changes = controllers.react(objects, T0);
        if (delayMs > 0) {
            QCOMPARE(changes.size(), 2);
            QCOMPARE(changes.at(1).object.value(QLatin1String("reason")).toString(),
                     QStringLiteral("Failed"));
            QCOMPARE(changes.at(1).object.value(QLatin1String("type")).toString(),
                     QStringLiteral("Warning"));
            QVERIFY2(
                changes.at(1).object.value(QLatin1String("message")).toString().contains(Image),
                qPrintable(changes.at(1).object.value(QLatin1String("message")).toString()));
            objects = applied(objects, changes);
            QCOMPARE(conditionOf(find(objects, Deploy), QStringLiteral("Progressing")),
                     QStringLiteral("True ReplicaSetUpdated"));
            changes = controllers.react(objects, T0.addMSecs(delayMs));
        }
        QCOMPARE(changes.size(), 1);
        const QJsonObject d = changes.first().object;
        QCOMPARE(conditionOf(d, QStringLiteral("Available")),
                 QStringLiteral("False MinimumReplicasUnavailable"));
        QCOMPARE(conditionOf(d, QStringLiteral("Progressing")),
                 QStringLiteral("False ProgressDeadlineExceeded"));
        QVERIFY(at(d, QStringLiteral("status.availableReplicas")).isUndefined());
        QVERIFY(controllers.react({d}, T0.addSecs(600)).isEmpty());
    }

    // A new generation (the spec changed) is observed anew.
    void newGeneration()
    {
        FakeKubeControllers controllers;
        QList<QJsonObject> objects{deployment(Image)};
        objects = applied(objects, controllers.react(objects, T0));
        QJsonObject d = find(objects, Deploy);
        QCOMPARE(at(d, QStringLiteral("status.observedGeneration")).toInt(), 1);
        QJsonObject meta = d.value(QLatin1String("metadata")).toObject();
        meta.insert(QStringLiteral("generation"), 2);
        d.insert(QStringLiteral("metadata"), meta);
        const QList<FakeChange> changes = controllers.react({d}, T0.addSecs(5));
        QCOMPARE(changes.size(), 1);
        QCOMPARE(at(changes.first().object, QStringLiteral("status.observedGeneration")).toInt(),
                 2);
        QCOMPARE(conditionOf(changes.first().object, QStringLiteral("Available")),
                 QStringLiteral("True MinimumReplicasAvailable"));
    }

    // Through the server, as the app meets it: an applied Deployment reads unavailable at first,
    // then Available once the delay passed, with nobody writing in between.
    void deploymentThroughTheServer()
    {
        FakeApiServer::Options options;
        options.tls = false;
        options.token = Token;
        FakeApiServer server(options);
        server.setObjects({parse("{'apiVersion':'v1','kind':'Namespace','metadata':{'name':"
                                 "'flux-system'}}")});
        auto controllers = std::make_shared<FakeKubeControllers>();
        controllers->setAvailableDelayMs(400);
        server.addController(controllers);
        QVERIFY(server.listen());
        QNetworkAccessManager nam;
        const QString path =
            QStringLiteral("/apis/apps/v1/namespaces/flux-system/deployments/source-controller");

        QElapsedTimer clock;
        clock.start();
        const auto applied =
            send(nam, server.url(), "PATCH", path + QStringLiteral("?fieldManager=test&force=true"),
                 QJsonDocument(deployment(Image)).toJson(QJsonDocument::Compact));
        QCOMPARE(applied.first, 201);
        auto got = send(nam, server.url(), "GET", path);
        QCOMPARE(got.first, 200);
        QCOMPARE(conditionOf(got.second, QStringLiteral("Available")),
                 QStringLiteral("False MinimumReplicasUnavailable"));
        QCOMPARE(send(nam, server.url(), "GET", QStringLiteral("/api/v1/namespaces/flux-system"))
                     .second.value(QLatin1String("status"))
                     .toObject()
                     .value(QLatin1String("phase"))
                     .toString(),
                 QStringLiteral("Active"));

        while (conditionOf(got.second, QStringLiteral("Available")) !=
                   QLatin1String("True MinimumReplicasAvailable") &&
               clock.elapsed() < 10000) {
            QTest::qWait(50);
            got = send(nam, server.url(), "GET", path);
        }
        QCOMPARE(conditionOf(got.second, QStringLiteral("Available")),
                 QStringLiteral("True MinimumReplicasAvailable"));
        QVERIFY2(clock.elapsed() >= 350, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(at(got.second, QStringLiteral("status.readyReplicas")).toInt(), 2);
        QCOMPARE(at(got.second, QStringLiteral("status.observedGeneration")).toInt(),
                 at(got.second, QStringLiteral("metadata.generation")).toInt());
    }
};

QTEST_GUILESS_MAIN(TestFakeKubeControllers)
#include "tst_fakekubecontrollers.moc"
