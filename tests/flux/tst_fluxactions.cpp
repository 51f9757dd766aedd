// Flux actions as the flux CLI sends them: merge patches of requestedAt (with forceAt/resetAt for
// HelmReleases), spec.suspend set and removed, each with fieldManager=fluxdesk; "with source"
// walking the source chain first and waiting for it; a suspended object's Reconcile refused
// before any request; the server's own words on failure.
#include "flux/fluxactionrunner.h"
#include "flux/fluxactions.h"
#include "kube/kubeclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <functional>
#include <memory>

using namespace Fluxdesk;

namespace {

QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON at %d: %s", error.offset, qPrintable(error.errorString()));
    return doc.object();
}

// Fixtures (defined at the end of the file, after the test class: moc does not read raw
// strings and would lose the class behind them).
extern const char Kustomization[];
extern const char SuspendedKustomization[];
extern const char GitRepository[];
extern const char TemplateHelmRelease[];
extern const char HelmRepository[];
extern const char OciHelmRepository[];
extern const char HelmChart[];
extern const char ChartRefHelmRelease[];
extern const char OCIRepository[];

FluxActions::Lookup lookupOf(const QList<QJsonObject> &objects)
{
    return [objects](const FluxRef &ref) -> std::optional<QJsonObject> {
        for (const QJsonObject &o : objects) {
            if (FluxObjectStatus::of(o).ref().key() == ref.key())
                return o;
        }
        return std::nullopt;
    };
}

const QDateTime Now(QDate(2026, 12, 7), QTime(17, 40, 12, 500), Qt::UTC);

QStringList describe(const QList<FluxPatch> &patches)
{
    QStringList out;
    for (const FluxPatch &p : patches)
        out.append(p.path + QLatin1Char(' ') + QString::fromUtf8(p.body) +
                   (p.waitUntilHandled ? QStringLiteral(" (wait)") : QString()));
    return out;
}

// An HTTP/1.1 server on 127.0.0.1 that records every request and answers through a handler.
// The requestedAt token a merge patch writes.
QString requestedAtOf(const QByteArray &patch)
{
    return QJsonDocument::fromJson(patch)
        .object()
        .value(QLatin1String("metadata"))
        .toObject()
        .value(QLatin1String("annotations"))
        .toObject()
        .value(QLatin1String("reconcile.fluxcd.io/requestedAt"))
        .toString();
}

// object as its controller leaves it once it handled token: lastHandledReconcileAt, the
// revision applied and a Ready condition with status ready.
QJsonObject handled(QJsonObject object, const QString &token, const QString &ready)
{
    const bool isReady = ready == QLatin1String("True");
    object.insert(
        QStringLiteral("status"),
        QJsonObject{
            {QStringLiteral("lastHandledReconcileAt"), token},
            {QStringLiteral("lastAppliedRevision"), QStringLiteral("main@sha1:0123456789abcdef")},
            {QStringLiteral("conditions"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("type"), QStringLiteral("Ready")},
                 {QStringLiteral("status"), ready},
                 {QStringLiteral("reason"), isReady ? QStringLiteral("ReconciliationSucceeded")
                                                    : QStringLiteral("BuildFailed")},
                 {QStringLiteral("message"), isReady
                                                 ? QStringLiteral("Applied")
                                                 : QStringLiteral("kustomize build failed")}}}}});
    return object;
}

class RecordingServer : public QObject
{
public:
    struct Request
    {
        QByteArray method;
        QString target; // path and query
        QByteArray contentType;
        QByteArray body;
    };
    struct Response
    {
        int status = 200;
        QByteArray body = "{}";
    };
    std::function<Response(const Request &)> handler = [](const Request &) { return Response(); };
    QList<Request> requests;

    RecordingServer()
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this]() {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket]() { read(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    QStringList log() const
    {
        QStringList out;
        for (const Request &r : requests)
            out.append(QString::fromLatin1(r.method) + QLatin1Char(' ') + r.target);
        return out;
    }

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = buffer.left(end).split('\n');
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            Request r;
            r.method = first.value(0);
            r.target = QString::fromLatin1(first.value(1));
            qsizetype length = 0;
            for (const QByteArray &line : lines) {
                const qsizetype colon = line.indexOf(':');
                if (colon < 0)
                    continue;
                const QByteArray name = line.left(colon).trimmed().toLower();
                const QByteArray value = line.mid(colon + 1).trimmed();
                if (name == "content-length")
                    length = value.toLongLong();
                else if (name == "content-type")
                    r.contentType = value;
            }
            if (buffer.size() < end + 4 + length)
                return;
            r.body = buffer.mid(end + 4, length);
            buffer.remove(0, end + 4 + length);
            requests.append(r);
            const Response answer = handler(r);
            socket->write("HTTP/1.1 " + QByteArray::number(answer.status) + " X\r\n" +
                          "Content-Type: application/json\r\nContent-Length: " +
                          QByteArray::number(answer.body.size()) + "\r\n\r\n" + answer.body);
        }
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

ConnectionSettings settingsFor(const QUrl &url)
{
    ConnectionSettings s;
    s.server = url;
    return s;
}

} // namespace

class TestFluxActions : public QObject
{
    Q_OBJECT

private slots:
    void requestToken_data()
    {
        QTest::addColumn<QDateTime>("time");
        QTest::addColumn<QString>("token");
        QTest::addRow("fraction trimmed") << Now << "2026-12-07T17:40:12.5Z";
        QTest::addRow("no fraction")
            << QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC) << "2026-01-02T03:04:05Z";
        QTest::addRow("milliseconds") << QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 7), Qt::UTC)
                                      << "2026-01-02T03:04:05.007Z";
        QTest::addRow("an offset, as UTC")
            << QDateTime(QDate(2026, 1, 2), QTime(4, 4, 5, 120), Qt::OffsetFromUTC, 3600)
            << "2026-01-02T03:04:05.12Z";
    }
    void requestToken()
    {
        QFETCH(QDateTime, time);
        QFETCH(QString, token);
        QCOMPARE(FluxActions::requestToken(time), token);
    }

    void bodies()
    {
        const QString t = QStringLiteral("2026-12-07T17:40:12.5Z");
        QCOMPARE(FluxActions::reconcileBody(t),
                 QByteArray(R"({"metadata":{"annotations":{"reconcile.fluxcd.io/requestedAt":)"
                            R"("2026-12-07T17:40:12.5Z"}}})"));
        QCOMPARE(FluxActions::reconcileBody(t, true, false),
                 QByteArray(R"({"metadata":{"annotations":{"reconcile.fluxcd.io/forceAt":)"
                            R"("2026-12-07T17:40:12.5Z","reconcile.fluxcd.io/requestedAt":)"
                            R"("2026-12-07T17:40:12.5Z"}}})"));
        QCOMPARE(FluxActions::reconcileBody(t, false, true),
                 QByteArray(R"({"metadata":{"annotations":{"reconcile.fluxcd.io/requestedAt":)"
                            R"("2026-12-07T17:40:12.5Z","reconcile.fluxcd.io/resetAt":)"
                            R"("2026-12-07T17:40:12.5Z"}}})"));
        QCOMPARE(FluxActions::suspendBody(), QByteArray(R"({"spec":{"suspend":true}})"));
        QCOMPARE(FluxActions::resumeBody(), QByteArray(R"({"spec":{"suspend":null}})"));
    }

    void plans_data()
    {
        QTest::addColumn<int>("action");
        QTest::addColumn<QByteArray>("object");
        QTest::addColumn<QList<QJsonObject>>("known");
        QTest::addColumn<QString>("ociVersion");
        QTest::addColumn<QStringList>("expected");

        const QString r = QStringLiteral(
            R"({"metadata":{"annotations":{"reconcile.fluxcd.io/requestedAt":"2026-12-07T17:40:12.5Z"}}})");
        const QString ks = QStringLiteral(
            "/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/kustomizations/apps"
            "?fieldManager=fluxdesk");
        const QString git = QStringLiteral(
            "/apis/source.toolkit.fluxcd.io/v1/namespaces/flux-system/gitrepositories/flux-system"
            "?fieldManager=fluxdesk");
        const QString hr =
            QStringLiteral("/apis/helm.toolkit.fluxcd.io/v2/namespaces/apps/helmreleases/podinfo"
                           "?fieldManager=fluxdesk");

        QTest::addRow("reconcile")
            << int(FluxAction::Reconcile) << QByteArray(Kustomization) << QList<QJsonObject>()
            << QString() << QStringList{ks + QLatin1Char(' ') + r};
        QTest::addRow("suspend") << int(FluxAction::Suspend) << QByteArray(Kustomization)
                                 << QList<QJsonObject>() << QString()
                                 << QStringList{ks +
                                                QStringLiteral(R"( {"spec":{"suspend":true}})")};
        QTest::addRow("resume") << int(FluxAction::Resume) << QByteArray(SuspendedKustomization)
                                << QList<QJsonObject>() << QString()
                                << QStringList{QStringLiteral(
                                       "/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/"
                                       "flux-system/kustomizations/workloads?fieldManager="
                                       R"(fluxdesk {"spec":{"suspend":null}})")};
        QTest::addRow("kustomization with source")
            << int(FluxAction::ReconcileWithSource) << QByteArray(Kustomization)
            << QList<QJsonObject>{json(GitRepository)} << QString()
            << QStringList{git + QLatin1Char(' ') + r + QStringLiteral(" (wait)"),
                           ks + QLatin1Char(' ') + r};
        QTest::addRow("helmrelease from a template, with source")
            << int(FluxAction::ReconcileWithSource) << QByteArray(TemplateHelmRelease)
            << QList<QJsonObject>{json(HelmRepository), json(HelmChart)} << QString()
            << QStringList{QStringLiteral("/apis/source.toolkit.fluxcd.io/v1/namespaces/"
                                          "flux-system/helmrepositories/podinfo?fieldManager="
                                          "fluxdesk ") +
                               r + QStringLiteral(" (wait)"),
                           QStringLiteral("/apis/source.toolkit.fluxcd.io/v1/namespaces/"
                                          "flux-system/helmcharts/apps-podinfo?fieldManager="
                                          "fluxdesk ") +
                               r + QStringLiteral(" (wait)"),
                           hr + QLatin1Char(' ') + r};
        QTest::addRow("an oci HelmRepository is static: left out")
            << int(FluxAction::ReconcileWithSource) << QByteArray(TemplateHelmRelease)
            << QList<QJsonObject>{json(OciHelmRepository), json(HelmChart)} << QString()
            << QStringList{QStringLiteral("/apis/source.toolkit.fluxcd.io/v1/namespaces/"
                                          "flux-system/helmcharts/apps-podinfo?fieldManager="
                                          "fluxdesk ") +
                               r + QStringLiteral(" (wait)"),
                           hr + QLatin1Char(' ') + r};
        QTest::addRow("chartRef with source, in the served version")
            << int(FluxAction::ReconcileWithSource) << QByteArray(ChartRefHelmRelease)
            << QList<QJsonObject>{json(OCIRepository)} << QStringLiteral("v1beta2")
            << QStringList{QStringLiteral("/apis/source.toolkit.fluxcd.io/v1beta2/namespaces/"
                                          "kube-system/ocirepositories/traefik?fieldManager="
                                          "fluxdesk ") +
                               r + QStringLiteral(" (wait)"),
                           QStringLiteral("/apis/helm.toolkit.fluxcd.io/v2/namespaces/"
                                          "kube-system/helmreleases/traefik?fieldManager="
                                          "fluxdesk ") +
                               r};
    }
    void plans()
    {
        QFETCH(int, action);
        QFETCH(QByteArray, object);
        QFETCH(QList<QJsonObject>, known);
        QFETCH(QString, ociVersion);
        QFETCH(QStringList, expected);
        const auto versionOf = [ociVersion](const FluxKind &k) {
            return k.kind == QLatin1String("OCIRepository") ? ociVersion : QString();
        };
        const Result<QList<FluxPatch>> planned = FluxActions::plan(
            FluxAction(action), json(object.constData()), Now, lookupOf(known), versionOf);
        QVERIFY2(planned.ok(), qPrintable(planned.error().message));
        QCOMPARE(describe(*planned), expected);
    }

    void refusals_data()
    {
        QTest::addColumn<int>("action");
        QTest::addColumn<QByteArray>("object");
        QTest::addColumn<QList<QJsonObject>>("known");
        QTest::addColumn<QString>("helmVersion");
        QTest::addColumn<QString>("reason");

        QTest::addRow("reconcile suspended")
            << int(FluxAction::Reconcile) << QByteArray(SuspendedKustomization)
            << QList<QJsonObject>() << QString()
            << "Kustomization flux-system/workloads is suspended: Flux does not reconcile it "
               "until it is resumed. Resume it first.";
        QTest::addRow("with source, suspended")
            << int(FluxAction::ReconcileWithSource) << QByteArray(SuspendedKustomization)
            << QList<QJsonObject>{json(GitRepository)} << QString()
            << "Kustomization flux-system/workloads is suspended: Flux does not reconcile it "
               "until it is resumed. Resume it first.";
        QJsonObject suspendedSource = json(GitRepository);
        suspendedSource.insert(QStringLiteral("spec"),
                               QJsonObject{{QStringLiteral("suspend"), true}});
        QTest::addRow("its source suspended")
            << int(FluxAction::ReconcileWithSource) << QByteArray(Kustomization)
            << QList<QJsonObject>{suspendedSource} << QString()
            << "Kustomization flux-system/apps: its source GitRepository flux-system/flux-system "
               "is suspended; resume the source, or reconcile without source";
        QTest::addRow("its source missing")
            << int(FluxAction::ReconcileWithSource) << QByteArray(Kustomization)
            << QList<QJsonObject>() << QString()
            << "Kustomization flux-system/apps: its source GitRepository flux-system/flux-system "
               "is not in the cluster; reconcile it alone or fix its source reference";
        QTest::addRow("force a kustomization")
            << int(FluxAction::Force) << QByteArray(Kustomization) << QList<QJsonObject>()
            << QString()
            << "Kustomization flux-system/apps: only a HelmRelease can be forced or reset";
        QTest::addRow("reset on Flux 2.1")
            << int(FluxAction::Reset) << QByteArray(TemplateHelmRelease) << QList<QJsonObject>()
            << "v2beta1"
            << "HelmRelease apps/podinfo: the cluster's Flux serves HelmRelease v2beta1, whose "
               "helm-controller knows no force or reset; they came with Flux 2.2 (HelmRelease "
               "v2beta2): upgrade Flux, or use Reconcile";
    }
    void refusals()
    {
        QFETCH(int, action);
        QFETCH(QByteArray, object);
        QFETCH(QList<QJsonObject>, known);
        QFETCH(QString, helmVersion);
        QFETCH(QString, reason);
        const Result<QList<FluxPatch>> planned = FluxActions::plan(
            FluxAction(action), json(object.constData()), Now, lookupOf(known), {}, helmVersion);
        QVERIFY(!planned.ok());
        QCOMPARE(planned.error().message, reason);
    }

    void forceOnFlux22()
    {
        const Result<QList<FluxPatch>> planned = FluxActions::plan(
            FluxAction::Force, json(TemplateHelmRelease), Now, {},
            [](const FluxKind &) { return QStringLiteral("v2beta2"); }, QStringLiteral("v2beta2"));
        QVERIFY(planned.ok());
        QCOMPARE(describe(*planned),
                 QStringList{QStringLiteral(
                     "/apis/helm.toolkit.fluxcd.io/v2beta2/namespaces/apps/helmreleases/podinfo"
                     "?fieldManager=fluxdesk "
                     R"({"metadata":{"annotations":{"reconcile.fluxcd.io/forceAt":)"
                     R"("2026-12-07T17:40:12.5Z","reconcile.fluxcd.io/requestedAt":)"
                     R"("2026-12-07T17:40:12.5Z"}}})")});
    }

    void runnerRefusesSuspendedWithoutARequest()
    {
        RecordingServer server;
        KubeClient client(settingsFor(server.url()));
        FluxActionRunner runner(&client);
        QSignalSpy finished(&runner, &FluxActionRunner::finished);
        QVERIFY(!runner.start(FluxAction::Reconcile, json(SuspendedKustomization)));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(finished.at(0).at(1).toString().contains(QLatin1String("is suspended")));
        QTest::qWait(50);
        QVERIFY(server.requests.isEmpty());
        QVERIFY(!runner.isRunning());
    }

    void runnerSendsMergePatch()
    {
        RecordingServer server;
        KubeClient client(settingsFor(server.url()));
        FluxActionRunner runner(&client);
        runner.setClock([]() { return Now; });
        QSignalSpy finished(&runner, &FluxActionRunner::finished);
        QVERIFY(runner.start(FluxAction::Suspend, json(Kustomization)));
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QCOMPARE(finished.at(0).at(1).toString(),
                 QStringLiteral("Kustomization flux-system/apps suspended"));
        QCOMPARE(server.log(), QStringList{QStringLiteral(
                                   "PATCH /apis/kustomize.toolkit.fluxcd.io/v1/namespaces/"
                                   "flux-system/kustomizations/apps?fieldManager=fluxdesk")});
        QCOMPARE(server.requests.at(0).contentType, QByteArray("application/merge-patch+json"));
        QCOMPARE(server.requests.at(0).body, FluxActions::suspendBody());
    }

    // A window closing with an action on its way: the runner goes without a word (no
    // finished(false) reaching listeners that are being destroyed themselves).
    void runnerDestroyedMidRequestSaysNothing()
    {
        RecordingServer server;
        KubeClient client(settingsFor(server.url()));
        auto runner = std::make_unique<FluxActionRunner>(&client);
        QSignalSpy finished(runner.get(), &FluxActionRunner::finished);
        QVERIFY(runner->start(FluxAction::Suspend, json(Kustomization)));
        QVERIFY(runner->isRunning());
        runner.reset();
        QVERIFY(finished.isEmpty());
    }

    void runnerReportsTheServersWords()
    {
        RecordingServer server;
        server.handler = [](const RecordingServer::Request &) {
            return RecordingServer::Response{
                403,
                "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":"
                "\"kustomizations.kustomize.toolkit.fluxcd.io \\\"apps\\\" is forbidden: User "
                "\\\"viewer\\\" cannot patch resource\",\"reason\":\"Forbidden\",\"code\":403}"};
        };
        KubeClient client(settingsFor(server.url()));
        FluxActionRunner runner(&client);
        QSignalSpy finished(&runner, &FluxActionRunner::finished);
        QVERIFY(runner.start(FluxAction::Reconcile, json(Kustomization)));
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QCOMPARE(finished.at(0).at(1).toString(),
                 QStringLiteral("Reconcile of Kustomization flux-system/apps failed: "
                                "kustomizations.kustomize.toolkit.fluxcd.io \"apps\" is forbidden: "
                                "User \"viewer\" cannot patch resource (HTTP 403)"));
    }

    void runnerWaitsForTheSourceFirst()
    {
        RecordingServer server;
        QString token;
        int gets = 0;
        server.handler = [&](const RecordingServer::Request &r) {
            if (r.method == "PATCH") {
                token = requestedAtOf(r.body);
                return RecordingServer::Response();
            }
            if (r.target.contains(QLatin1String("/kustomizations/"))) {
                // The Kustomization itself, answered at once.
                return RecordingServer::Response{
                    200, QJsonDocument(handled(json(Kustomization), token, QStringLiteral("True")))
                             .toJson()};
            }
            // The first GET: not handled yet; the second: handled and Ready.
            QJsonObject source = json(GitRepository);
            if (++gets >= 2)
                source.insert(
                    QStringLiteral("status"),
                    QJsonObject{{QStringLiteral("lastHandledReconcileAt"), token},
                                {QStringLiteral("conditions"),
                                 QJsonArray{QJsonObject{
                                     {QStringLiteral("type"), QStringLiteral("Ready")},
                                     {QStringLiteral("status"), QStringLiteral("True")}}}}});
            return RecordingServer::Response{200, QJsonDocument(source).toJson()};
        };
        KubeClient client(settingsFor(server.url()));
        FluxActionRunner runner(&client);
        runner.setPollInterval(10);
        runner.setLookup(lookupOf({json(GitRepository)}));
        QSignalSpy finished(&runner, &FluxActionRunner::finished);
        QVERIFY(runner.start(FluxAction::ReconcileWithSource, json(Kustomization)));
        QVERIFY(finished.wait(5000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        const QString git = QStringLiteral(
            "/apis/source.toolkit.fluxcd.io/v1/namespaces/flux-system/gitrepositories/flux-system");
        const QString apps =
            QStringLiteral("/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/"
                           "kustomizations/apps");
        QCOMPARE(
            server.log(),
            (QStringList{QStringLiteral("PATCH ") + git + QStringLiteral("?fieldManager=fluxdesk"),
                         QStringLiteral("GET ") + git, QStringLiteral("GET ") + git,
                         QStringLiteral("PATCH ") + apps + QStringLiteral("?fieldManager=fluxdesk"),
                         QStringLiteral("GET ") + apps}));
        QCOMPARE(finished.at(0).at(1).toString(),
                 QStringLiteral("Kustomization flux-system/apps reconciled: revision "
                                "main@sha1:0123456789abcdef"));
    }

    // Reconcile waits until the object's controller answered, as `flux reconcile` does, and says
    // how it ended: its revision, its failure in the controller's words, or that nothing answered.
    void runnerWaitsForTheObjectItself_data()
    {
        QTest::addColumn<QString>("ready"); // the Ready condition once handled; "" never handled
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("message");
        QTest::addRow("reconciled") << QStringLiteral("True") << true
                                    << QStringLiteral("Kustomization flux-system/apps reconciled: "
                                                      "revision main@sha1:0123456789abcdef");
        QTest::addRow("failed") << QStringLiteral("False") << false
                                << QStringLiteral("Kustomization flux-system/apps failed to "
                                                  "reconcile: kustomize build failed");
        QTest::addRow("never answered")
            << QString() << false
            << QStringLiteral("Kustomization flux-system/apps did not finish reconciling within 0 "
                              "seconds (is its controller running?)");
    }
    void runnerWaitsForTheObjectItself()
    {
        QFETCH(QString, ready);
        QFETCH(bool, ok);
        QFETCH(QString, message);
        RecordingServer server;
        QString token;
        int gets = 0;
        server.handler = [&](const RecordingServer::Request &r) {
            if (r.method == "PATCH") {
                token = requestedAtOf(r.body);
                return RecordingServer::Response();
            }
            // Not handled at the first look; handled (or never) after.
            const QJsonObject object = ++gets >= 2 && !ready.isEmpty()
                                           ? handled(json(Kustomization), token, ready)
                                           : json(Kustomization);
            return RecordingServer::Response{200, QJsonDocument(object).toJson()};
        };
        KubeClient client(settingsFor(server.url()));
        FluxActionRunner runner(&client);
        runner.setPollInterval(10);
        if (ready.isEmpty())
            runner.setSourceTimeout(300);
        QSignalSpy progress(&runner, &FluxActionRunner::progress);
        QSignalSpy finished(&runner, &FluxActionRunner::finished);
        QVERIFY(runner.start(FluxAction::Reconcile, json(Kustomization)));
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.at(0).at(0).toBool(), ok);
        QCOMPARE(finished.at(0).at(1).toString(), message);
        QVERIFY(gets >= 2);
        QCOMPARE(progress.constLast().at(0).toString(),
                 QStringLiteral("Waiting for Kustomization flux-system/apps to be reconciled…"));
    }

    // Without waiting, the server's yes ends it.
    void runnerNeedNotWait()
    {
        RecordingServer server;
        KubeClient client(settingsFor(server.url()));
        FluxActionRunner runner(&client);
        runner.setWaitForObject(false);
        QSignalSpy finished(&runner, &FluxActionRunner::finished);
        QVERIFY(runner.start(FluxAction::Reconcile, json(Kustomization)));
        QVERIFY(finished.wait(5000));
        QVERIFY(finished.at(0).at(0).toBool());
        QCOMPARE(finished.at(0).at(1).toString(),
                 QStringLiteral("Reconciliation of Kustomization flux-system/apps requested"));
        QCOMPARE(server.log().size(), 1);
    }

    void runnerStopsWhenTheSourceFails()
    {
        RecordingServer server;
        QString token;
        server.handler = [&](const RecordingServer::Request &r) {
            if (r.method == "PATCH") {
                token = requestedAtOf(r.body);
                return RecordingServer::Response();
            }
            QJsonObject source = json(GitRepository);
            source.insert(
                QStringLiteral("status"),
                QJsonObject{{QStringLiteral("lastHandledReconcileAt"), token},
                            {QStringLiteral("conditions"),
                             QJsonArray{QJsonObject{
                                 {QStringLiteral("type"), QStringLiteral("Ready")},
                                 {QStringLiteral("status"), QStringLiteral("False")},
                                 {QStringLiteral("message"),
                                  QStringLiteral("failed to checkout: auth required")}}}}});
            return RecordingServer::Response{200, QJsonDocument(source).toJson()};
        };
        KubeClient client(settingsFor(server.url()));
        FluxActionRunner runner(&client);
        runner.setPollInterval(10);
        runner.setLookup(lookupOf({json(GitRepository)}));
        QSignalSpy finished(&runner, &FluxActionRunner::finished);
        QVERIFY(runner.start(FluxAction::ReconcileWithSource, json(Kustomization)));
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QCOMPARE(
            finished.at(0).at(1).toString(),
            QStringLiteral("GitRepository flux-system/flux-system failed to reconcile: failed "
                           "to checkout: auth required; Kustomization flux-system/apps was not "
                           "reconciled"));
        QCOMPARE(server.log().size(), 2); // the source's PATCH and one GET; the object untouched
    }
};

QTEST_GUILESS_MAIN(TestFluxActions)
#include "tst_fluxactions.moc"

namespace {

const char Kustomization[] = R"({
  "apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization",
  "metadata": {"name": "apps", "namespace": "flux-system"},
  "spec": {"sourceRef": {"kind": "GitRepository", "name": "flux-system"}}})";
const char SuspendedKustomization[] = R"({
  "apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization",
  "metadata": {"name": "workloads", "namespace": "flux-system"},
  "spec": {"suspend": true, "sourceRef": {"kind": "GitRepository", "name": "flux-system"}}})";
const char GitRepository[] = R"({
  "apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "GitRepository",
  "metadata": {"name": "flux-system", "namespace": "flux-system"}, "spec": {}})";
const char TemplateHelmRelease[] = R"({
  "apiVersion": "helm.toolkit.fluxcd.io/v2", "kind": "HelmRelease",
  "metadata": {"name": "podinfo", "namespace": "apps"},
  "spec": {"chart": {"spec": {"chart": "podinfo",
    "sourceRef": {"kind": "HelmRepository", "name": "podinfo", "namespace": "flux-system"}}}}})";
const char HelmRepository[] = R"({
  "apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "HelmRepository",
  "metadata": {"name": "podinfo", "namespace": "flux-system"}, "spec": {}})";
const char OciHelmRepository[] = R"({
  "apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "HelmRepository",
  "metadata": {"name": "podinfo", "namespace": "flux-system"}, "spec": {"type": "oci"}})";
const char HelmChart[] = R"({
  "apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "HelmChart",
  "metadata": {"name": "apps-podinfo", "namespace": "flux-system"},
  "spec": {"sourceRef": {"kind": "HelmRepository", "name": "podinfo"}}})";
const char ChartRefHelmRelease[] = R"({
  "apiVersion": "helm.toolkit.fluxcd.io/v2", "kind": "HelmRelease",
  "metadata": {"name": "traefik", "namespace": "kube-system"},
  "spec": {"chartRef": {"kind": "OCIRepository", "name": "traefik"}}})";
const char OCIRepository[] = R"({
  "apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "OCIRepository",
  "metadata": {"name": "traefik", "namespace": "kube-system"}, "spec": {}})";

} // namespace
