// Flux actions against the fake API server and its simulated Flux (tests/fakeapi/fakeflux.h):
// the merge patches land as the real server stores them (suspend set, then removed; requestedAt
// written), and "with source" waits until source-controller answered before it annotates the
// Kustomization, which kustomize-controller then answers too.
#include "fakeapiserver.h"
#include "fakeflux.h"
#include "flux/fluxactionrunner.h"
#include "flux/fluxlivestate.h"
#include "kube/kubeclient.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QtTest>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

const QString Token = QStringLiteral("fluxstatus-token");
const QString Commit = QStringLiteral("0123456789abcdef0123456789abcdef01234567");

QJsonObject object(const char *apiVersion, const char *kind, const char *ns, const char *name,
                   const QJsonObject &spec = {})
{
    QJsonObject meta{{QStringLiteral("name"), QString::fromLatin1(name)}};
    if (*ns)
        meta.insert(QStringLiteral("namespace"), QString::fromLatin1(ns));
    QJsonObject o{{QStringLiteral("apiVersion"), QString::fromLatin1(apiVersion)},
                  {QStringLiteral("kind"), QString::fromLatin1(kind)},
                  {QStringLiteral("metadata"), meta}};
    if (!spec.isEmpty())
        o.insert(QStringLiteral("spec"), spec);
    return o;
}

QJsonObject controller(const char *name)
{
    QJsonObject d = object("apps/v1", "Deployment", "flux-system", name);
    d.insert(
        QStringLiteral("status"),
        QJsonObject{{QStringLiteral("conditions"),
                     QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("Available")},
                                            {QStringLiteral("status"), QStringLiteral("True")}}}}});
    return d;
}

QList<QJsonObject> cluster()
{
    return {object("v1", "Namespace", "", "flux-system"),
            controller("source-controller"),
            controller("kustomize-controller"),
            controller("helm-controller"),
            object("source.toolkit.fluxcd.io/v1", "GitRepository", "flux-system", "flux-system",
                   {{QStringLiteral("url"), QStringLiteral("file:///srv/git/home.git")},
                    {QStringLiteral("interval"), QStringLiteral("1m")},
                    {QStringLiteral("ref"),
                     QJsonObject{{QStringLiteral("branch"), QStringLiteral("main")}}}}),
            object("kustomize.toolkit.fluxcd.io/v1", "Kustomization", "flux-system", "apps",
                   {{QStringLiteral("interval"), QStringLiteral("10m")},
                    {QStringLiteral("path"), QStringLiteral("./apps")},
                    {QStringLiteral("prune"), true},
                    {QStringLiteral("sourceRef"),
                     QJsonObject{{QStringLiteral("kind"), QStringLiteral("GitRepository")},
                                 {QStringLiteral("name"), QStringLiteral("flux-system")}}}})};
}

QJsonObject stored(const FakeApiServer &server, const char *kind, const char *name)
{
    for (const QJsonObject &o : server.objects()) {
        if (o.value(QLatin1String("kind")).toString() == QLatin1String(kind) &&
            o.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString() ==
                QLatin1String(name))
            return o;
    }
    return {};
}

QString requestedAt(const QJsonObject &o)
{
    return o.value(QLatin1String("metadata"))
        .toObject()
        .value(QLatin1String("annotations"))
        .toObject()
        .value(QLatin1String("reconcile.fluxcd.io/requestedAt"))
        .toString();
}

} // namespace

class TestFluxActionsFake : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeApiServer> m_server;
    std::unique_ptr<KubeClient> m_client;

private slots:
    void init()
    {
        FakeApiServer::Options options;
        options.tls = false;
        options.token = Token;
        m_server = std::make_unique<FakeApiServer>(options);
        m_server->addController(std::make_shared<FakeFlux>(
            [](const QString &, const QJsonObject &) {
                return FakeFluxFetch{Commit, QStringLiteral("/checkout"), QString()};
            },
            [](const QString &, const QString &) -> Result<QList<QJsonObject>> {
                return QList<QJsonObject>();
            }));
        m_server->setObjects(cluster());
        QVERIFY(m_server->listen());
        ConnectionSettings settings;
        settings.server = m_server->url();
        settings.bearerToken = Token;
        m_client = std::make_unique<KubeClient>(settings);
    }
    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void suspendThenResume()
    {
        FluxActionRunner runner(m_client.get());
        QSignalSpy finished(&runner, &FluxActionRunner::finished);
        const QJsonObject apps = stored(*m_server, "Kustomization", "apps");
        QVERIFY(!apps.isEmpty());

        QVERIFY(runner.start(FluxAction::Suspend, apps));
        QVERIFY(finished.wait(5000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QJsonObject now = stored(*m_server, "Kustomization", "apps");
        QCOMPARE(now.value(QLatin1String("spec")).toObject().value(QLatin1String("suspend")),
                 QJsonValue(true));
        QVERIFY(FluxObjectStatus::of(now).suspended);

        // Suspended, its Reconcile is refused without a request.
        const int requests = m_server->requestCount();
        QVERIFY(!runner.start(FluxAction::Reconcile, now));
        QCOMPARE(m_server->requestCount(), requests);

        QVERIFY(runner.start(FluxAction::Resume, now));
        QVERIFY(finished.wait(5000));
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(finished.last().at(1).toString()));
        now = stored(*m_server, "Kustomization", "apps");
        QVERIFY(!now.value(QLatin1String("spec")).toObject().contains(QLatin1String("suspend")));
        QVERIFY(m_server->requestLog().last().contains(QLatin1String("?fieldManager=fluxdesk")));
    }

    void reconcileWithSource()
    {
        FluxLiveState state;
        state.replaceAll(QStringLiteral("source.toolkit.fluxcd.io/GitRepository"),
                         m_server->objects());
        FluxActionRunner runner(m_client.get());
        runner.setPollInterval(20);
        runner.setLookup([&state](const FluxRef &ref) { return state.object(ref); });
        QSignalSpy finished(&runner, &FluxActionRunner::finished);
        QVERIFY(runner.start(FluxAction::ReconcileWithSource,
                             stored(*m_server, "Kustomization", "apps")));
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));

        const QJsonObject git = stored(*m_server, "GitRepository", "flux-system");
        const QJsonObject apps = stored(*m_server, "Kustomization", "apps");
        const QString token = requestedAt(git);
        QVERIFY(!token.isEmpty());
        QCOMPARE(requestedAt(apps), token);
        // source-controller answered the source's request before the Kustomization was patched.
        QCOMPARE(FluxObjectStatus::of(git).lastHandledReconcileAt, token);
        QCOMPARE(FluxObjectStatus::of(git).readiness(), FluxReadiness::Ready);
        const QStringList log = m_server->requestLog();
        const auto firstPatchOf = [&log](const char *plural) {
            for (int i = 0; i < log.size(); ++i) {
                if (log.at(i).startsWith(QLatin1String("PATCH")) &&
                    log.at(i).contains(QLatin1String(plural)))
                    return i;
            }
            return -1;
        };
        const int sourcePatch = firstPatchOf("gitrepositories");
        const int ownPatch = firstPatchOf("kustomizations");
        QVERIFY(sourcePatch >= 0 && ownPatch > sourcePatch);
        bool polled = false;
        for (int i = sourcePatch + 1; i < ownPatch; ++i)
            polled = polled || log.at(i).startsWith(QLatin1String("GET /apis/source.toolkit"));
        QVERIFY(polled);
        QTRY_COMPARE_WITH_TIMEOUT(
            FluxObjectStatus::of(stored(*m_server, "Kustomization", "apps")).lastHandledReconcileAt,
            token, 5000);
    }
};

QTEST_GUILESS_MAIN(TestFluxActionsFake)
#include "tst_fluxactions_fake.moc"
