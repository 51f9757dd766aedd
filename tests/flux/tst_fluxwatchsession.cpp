// FluxWatchSession (models/flux/fluxwatchsession.*): the Flux view's live state kept current by
// watches against the fake API server: listed, then each change as it is written, a dropped
// watch resumed, kinds the cluster does not serve left out.
#include "fakeapiserver.h"
#include "flux/fluxkinds.h"
#include "flux/fluxlivestate.h"
#include "flux/fluxwatchsession.h"
#include "kube/kubeclient.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QtTest>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

const QString token = s("watch-token");

QJsonObject kustomization(const char *name, const char *readyStatus, const char *message)
{
    return QJsonObject{
        {s("apiVersion"), s("kustomize.toolkit.fluxcd.io/v1")},
        {s("kind"), s("Kustomization")},
        {s("metadata"), QJsonObject{{s("name"), s(name)}, {s("namespace"), s("flux-system")}}},
        {s("spec"), QJsonObject{{s("path"), s("./clusters/homelab")}}},
        {s("status"), QJsonObject{{s("conditions"), QJsonArray{QJsonObject{
                                                        {s("type"), s("Ready")},
                                                        {s("status"), s(readyStatus)},
                                                        {s("reason"), s("ReconciliationSucceeded")},
                                                        {s("message"), s(message)}}}}}}};
}

QJsonObject gitRepository()
{
    return QJsonObject{{s("apiVersion"), s("source.toolkit.fluxcd.io/v1")},
                       {s("kind"), s("GitRepository")},
                       {s("metadata"), QJsonObject{{s("name"), s("flux-system")},
                                                   {s("namespace"), s("flux-system")}}},
                       {s("spec"), QJsonObject{{s("url"), s("ssh://git@example.com/me/lab")}}}};
}

FluxRef ref(const char *kind, const char *name)
{
    return FluxRef{FluxKinds::sourceGroup(s(kind)).isEmpty() ? s("kustomize.toolkit.fluxcd.io")
                                                             : FluxKinds::sourceGroup(s(kind)),
                   s(kind), s("flux-system"), s(name)};
}

QList<ResourceType> servedTypes()
{
    return {FluxKinds::find(s("source.toolkit.fluxcd.io"), s("GitRepository"))->type(s("v1")),
            FluxKinds::find(s("kustomize.toolkit.fluxcd.io"), s("Kustomization"))->type(s("v1"))};
}

ResourceWatch::Options fastOptions()
{
    ResourceWatch::Options options;
    options.initialBackoffMs = 50;
    options.maxBackoffMs = 200;
    return options;
}

} // namespace

class TestFluxWatchSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void listsThenFollowsChanges();
    void resumesAfterADroppedWatch();
    void kindsNotServedAreLeftOut();

private:
    std::unique_ptr<FakeApiServerThread> m_server;
    std::unique_ptr<KubeClient> m_client;
};

void TestFluxWatchSession::init()
{
    FakeApiServer::Options options;
    options.tls = false;
    options.token = token;
    options.bookmarkIntervalMs = 200;
    m_server = std::make_unique<FakeApiServerThread>(options);
    QVERIFY(m_server->start({gitRepository(),
                             kustomization("flux-system", "True", "Applied revision: main@sha1:1"),
                             kustomization("workloads", "True", "Applied revision: main@sha1:1")}));
    ConnectionSettings settings;
    settings.server = m_server->url();
    settings.bearerToken = token;
    m_client = std::make_unique<KubeClient>(settings);
}

void TestFluxWatchSession::cleanup()
{
    m_client.reset();
    m_server.reset();
}

void TestFluxWatchSession::listsThenFollowsChanges()
{
    FluxLiveState state;
    FluxWatchSession session(m_client.get(), &state);
    QSignalSpy synced(&session, &FluxWatchSession::synced);
    session.start(servedTypes(), fastOptions());
    QVERIFY(synced.wait(10000));
    QCOMPARE(state.count(), 3);
    QCOMPARE(session.summary(), s("Watching 2 Flux kinds"));

    QSignalSpy changed(&state, &FluxLiveState::changed);
    FakeChange failing;
    failing.object = kustomization("workloads", "False",
                                   "kustomize build failed: accumulating "
                                   "resources");
    m_server->server()->applyChange(failing);
    QTRY_VERIFY_WITH_TIMEOUT(state.status(ref("Kustomization", "workloads")) &&
                                 state.status(ref("Kustomization", "workloads"))->readiness() ==
                                     FluxReadiness::Failed,
                             10000);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(state.status(ref("Kustomization", "workloads"))->verdict.message,
             s("kustomize build failed: accumulating resources"));

    FakeChange gone;
    gone.type = FakeChange::Type::Delete;
    gone.object = kustomization("workloads", "False", "");
    m_server->server()->applyChange(gone);
    QTRY_VERIFY_WITH_TIMEOUT(!state.contains(ref("Kustomization", "workloads")), 10000);
    QCOMPARE(state.count(), 2);
}

void TestFluxWatchSession::resumesAfterADroppedWatch()
{
    FluxLiveState state;
    FluxWatchSession session(m_client.get(), &state);
    QSignalSpy synced(&session, &FluxWatchSession::synced);
    session.start(servedTypes(), fastOptions());
    QVERIFY(synced.wait(10000));
    const int listsBefore =
        int(m_server->server()->requestLog().filter(s("kustomizations?limit")).size());

    const auto watches = [this] {
        return m_server->server()
            ->requestLog()
            .filter(QRegularExpression(s("kustomizations\\?.*watch=1&resourceVersion=[1-9]")))
            .size();
    };
    QTRY_COMPARE_WITH_TIMEOUT(watches(), 1, 10000); // the watch starts after the list
    m_server->server()->dropWatches();
    // Watched again from the last resourceVersion seen: no second list.
    QTRY_COMPARE_WITH_TIMEOUT(watches(), 2, 10000);
    QCOMPARE(int(m_server->server()->requestLog().filter(s("kustomizations?limit")).size()),
             listsBefore);
    FakeChange change;
    change.object = kustomization("flux-system", "False", "dependency not ready");
    m_server->server()->applyChange(change);
    QTRY_VERIFY_WITH_TIMEOUT(state.status(ref("Kustomization", "flux-system"))->readiness() ==
                                 FluxReadiness::Failed,
                             10000);
}

void TestFluxWatchSession::kindsNotServedAreLeftOut()
{
    FluxLiveState state;
    FluxWatchSession session(m_client.get(), &state);
    session.start({}, fastOptions());
    QVERIFY(!session.isWatching());
    QCOMPARE(session.notServed().size(), FluxKinds::all().size());
    QCOMPARE(session.summary(), s("Flux is not installed in this cluster"));
    QCOMPARE(m_server->server()->requestCount(), 0);

    session.start(servedTypes(), fastOptions());
    QCOMPARE(session.watched().size(), 2);
    QVERIFY(session.notServed().contains(s("helm.toolkit.fluxcd.io/HelmRelease")));
}

QTEST_GUILESS_MAIN(TestFluxWatchSession)
#include "tst_fluxwatchsession.moc"
