#include "clienttestsupport.h"
#include "kube/clustersession.h"
#include "kube/snapshot.h"

#include <QDir>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtTest>

#include <memory>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

QSet<QString> keysOf(const QList<QJsonObject> &objects)
{
    QSet<QString> result;
    for (const QJsonObject &o : objects)
        result.insert(ObjectKey::of(o).toString());
    return result;
}

QSet<QString> keysOf(const Inventory &inventory)
{
    QSet<QString> result;
    const QList<const InventoryEntry *> entries = inventory.entries();
    for (const InventoryEntry *e : entries)
        result.insert(e->key.toString());
    return result;
}

TypeStatus statusOf(const Inventory &inventory, const QString &qualifiedName)
{
    const QList<TypeStatus> statuses = inventory.typeStatuses();
    for (const TypeStatus &s : statuses) {
        if (s.type.qualifiedName() == qualifiedName)
            return s;
    }
    return {};
}

// Kinds served by two groups (Traefik's current and legacy CRDs, installed side by side by K3s's
// chart) and one kind in two versions of one group (Gateway API): a cluster must show every
// group's objects, and each group's objects once.
QList<QJsonObject> twoGroupCluster()
{
    QList<QJsonObject> objects = smallCluster();
    const QString current = QStringLiteral("traefik.io/v1alpha1");
    const QString legacy = QStringLiteral("traefik.containo.us/v1alpha1");
    const QString route = QStringLiteral("IngressRoute");
    const QString apps = QStringLiteral("apps");
    objects << object(current, route, apps, QStringLiteral("web"))
            << object(legacy, route, apps, QStringLiteral("web"))
            << object(legacy, route, apps, QStringLiteral("legacy-only"))
            << object(current, QStringLiteral("Middleware"), apps, QStringLiteral("strip"))
            << object(legacy, QStringLiteral("Middleware"), apps, QStringLiteral("strip"))
            << object(QStringLiteral("gateway.networking.k8s.io/v1beta1"),
                      QStringLiteral("HTTPRoute"), apps, QStringLiteral("beta-route"))
            << object(QStringLiteral("gateway.networking.k8s.io/v1"), QStringLiteral("HTTPRoute"),
                      apps, QStringLiteral("ga-route"));
    return objects;
}

QStringList qualifiedNames(const Inventory &inventory)
{
    QStringList names;
    const QList<TypeStatus> statuses = inventory.typeStatuses();
    for (const TypeStatus &s : statuses)
        names.append(s.type.qualifiedName());
    return names;
}

} // namespace

// ClusterSession end to end: a kubeconfig written by the fake server, resolved off-thread, the
// loader filling the inventory; snapshot and demo sources; cancel and superseding connects.
class TstClusterSession : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestPki m_pki;
    const QString m_token = QStringLiteral("session-token");
    std::unique_ptr<FakeApiServer> m_server;

    ClusterSource kubeconfigSource(const FakeApiServer &server, FakeApiServer::Credentials creds,
                                   const QString &name)
    {
        const QString path = m_dir.filePath(name);
        if (!server.writeKubeconfig(path, m_pki, creds))
            qWarning("could not write %s", qPrintable(path));
        ClusterSource source;
        source.kind = ClusterSource::Kind::Kubeconfig;
        source.kubeconfigFiles = QStringList{path};
        return source;
    }

    static bool connectAndWait(ClusterSession &session, const ClusterSource &source)
    {
        QSignalSpy finished(&session, &ClusterSession::finished);
        session.connectTo(source);
        return finished.count() > 0 || finished.wait(120000);
    }

private slots:
    void initTestCase()
    {
        registerClientMetaTypes();
        QVERIFY(m_dir.isValid());
        m_pki = TestPki::generate(m_dir.path());
        QVERIFY2(m_pki.ok(), qPrintable(m_pki.error));
    }

    void init()
    {
        m_server = std::make_unique<FakeApiServer>(serverOptions(m_pki, m_token));
        m_server->setObjects(smallCluster());
        QVERIFY(m_server->listen());
    }

    void cleanup()
    {
        m_server.reset();
        // Clients are deleteLater()'d by the loader: destroy them (and their network threads)
        // now rather than leave them running at exit.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

    void cleanupTestCase() { QThreadPool::globalInstance()->waitForDone(); }

    void displayName()
    {
        ClusterSource source;
        QCOMPARE(source.displayName(), QStringLiteral("Demo cluster"));
        source.kind = ClusterSource::Kind::Kubeconfig;
        source.context = QStringLiteral("homelab");
        QCOMPARE(source.displayName(), QStringLiteral("homelab (kubeconfig)"));
        source.kind = ClusterSource::Kind::Snapshot;
        source.snapshotPath = QStringLiteral("/tmp/x/snapshot.yaml");
        QCOMPARE(source.displayName(), QStringLiteral("snapshot.yaml"));
    }

    void loadsThroughAKubeconfig_data()
    {
        QTest::addColumn<int>("credentials");
        QTest::addRow("token") << int(FakeApiServer::Credentials::Token);
        QTest::addRow("client certificate") << int(FakeApiServer::Credentials::ClientCertificate);
    }

    void loadsThroughAKubeconfig()
    {
        QFETCH(int, credentials);
        const QString forbidden = QStringLiteral("secrets is forbidden: User \"fake\" cannot list "
                                                 "resource \"secrets\"");
        FakeApiServer::FaultRule rule;
        rule.pathPrefix = QStringLiteral("/api/v1/secrets");
        rule.fault = FakeApiServer::Fault::Status;
        rule.status = 403;
        rule.message = forbidden;
        m_server->addFault(rule);

        ClusterSession session;
        QSignalSpy started(&session, &ClusterSession::started);
        QSignalSpy resolved(&session, &ClusterSession::connectionResolved);
        QSignalSpy types(&session, &ClusterSession::typesDiscovered);
        QSignalSpy added(&session, &ClusterSession::objectsAdded);
        QSignalSpy finished(&session, &ClusterSession::finished);
        QVERIFY(connectAndWait(session,
                               kubeconfigSource(*m_server, FakeApiServer::Credentials(credentials),
                                                QStringLiteral("kc.yaml"))));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QCOMPARE(started.count(), 1);
        QCOMPARE(resolved.count(), 1);
        QCOMPARE(types.count(), 1);
        QVERIFY(added.count() > 0);
        QVERIFY(!session.isBusy());
        QCOMPARE(session.connection().server, m_server->url());
        QCOMPARE(session.connection().contextName, QStringLiteral("fake"));

        QList<QJsonObject> expected;
        for (const QJsonObject &o : smallCluster()) {
            if (o.value(QLatin1String("kind")).toString() != QLatin1String("Secret"))
                expected.append(o);
        }
        QCOMPARE(keysOf(session.inventory()), keysOf(expected));
        const TypeStatus secrets = statusOf(session.inventory(), QStringLiteral("secrets"));
        QCOMPARE(int(secrets.state), int(TypeState::Forbidden));
        QVERIFY2(secrets.message.contains(forbidden), qPrintable(secrets.message));
        QCOMPARE(int(statusOf(session.inventory(), QStringLiteral("pods")).state),
                 int(TypeState::Loaded));
    }

    void kubeconfigErrors_data()
    {
        QTest::addColumn<QString>("caseName");
        QTest::addColumn<QString>("expected");
        QTest::addRow("missing context")
            << QStringLiteral("context") << QStringLiteral("nosuchcontext");
        QTest::addRow("malformed file")
            << QStringLiteral("malformed") << QStringLiteral("broken.yaml");
        QTest::addRow("unauthorized") << QStringLiteral("401") << QStringLiteral("Unauthorized");
    }

    void kubeconfigErrors()
    {
        QFETCH(QString, caseName);
        QFETCH(QString, expected);
        ClusterSource source = kubeconfigSource(*m_server, FakeApiServer::Credentials::Token,
                                                QStringLiteral("kc-errors.yaml"));
        if (caseName == QLatin1String("context")) {
            source.context = QStringLiteral("nosuchcontext");
        } else if (caseName == QLatin1String("malformed")) {
            const QString path = m_dir.filePath(QStringLiteral("broken.yaml"));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("apiVersion: v1\nclusters: [\n  - {name: x\n");
            file.close();
            source.kubeconfigFiles = QStringList{path};
        } else {
            m_server.reset();
            FakeApiServer::Options o = serverOptions(m_pki, QStringLiteral("other-token"));
            m_server = std::make_unique<FakeApiServer>(o);
            QVERIFY(m_server->listen());
            // The kubeconfig still carries the session token, which this server refuses.
            const QString path = m_dir.filePath(QStringLiteral("kc-401.yaml"));
            QVERIFY(m_server->writeKubeconfig(path, m_pki, FakeApiServer::Credentials::Token));
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QByteArray yaml = file.readAll();
            file.close();
            yaml.replace("other-token", "session-token");
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(yaml);
            file.close();
            source.kubeconfigFiles = QStringList{path};
        }
        ClusterSession session;
        QSignalSpy finished(&session, &ClusterSession::finished);
        QVERIFY(connectAndWait(session, source));
        QCOMPARE(finished.count(), 1);
        QVERIFY(!finished.at(0).at(0).toBool());
        QVERIFY2(finished.at(0).at(1).toString().contains(expected),
                 qPrintable(finished.at(0).at(1).toString()));
        QCOMPARE(session.inventory().size(), 0);
    }

    void loadsTheDemoCluster()
    {
        ClusterSession session;
        QSignalSpy finished(&session, &ClusterSession::finished);
        ClusterSource demo;
        demo.kind = ClusterSource::Kind::Demo;
        QVERIFY(connectAndWait(session, demo));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        const QList<QJsonObject> objects = demoClusterObjects();
        QVERIFY(!objects.isEmpty());
        QCOMPARE(keysOf(session.inventory()), keysOf(objects));
        QCOMPARE(session.inventory().typeStatuses().size(), typesOfObjects(objects).size());
        QVERIFY(session.connection().server.isEmpty());
    }

    void loadsASnapshot()
    {
        const QString path = m_dir.filePath(QStringLiteral("snap.json"));
        QVERIFY(writeSnapshot(path, smallCluster()).ok());
        ClusterSession session;
        QSignalSpy finished(&session, &ClusterSession::finished);
        ClusterSource source;
        source.kind = ClusterSource::Kind::Snapshot;
        source.snapshotPath = path;
        QVERIFY(connectAndWait(session, source));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QCOMPARE(keysOf(session.inventory()), keysOf(smallCluster()));

        source.snapshotPath = m_dir.filePath(QStringLiteral("missing.yaml"));
        QVERIFY(connectAndWait(session, source));
        QCOMPARE(finished.count(), 2);
        QVERIFY(!finished.at(1).at(0).toBool());
        QVERIFY2(finished.at(1).at(1).toString().contains(QLatin1String("missing.yaml")),
                 qPrintable(finished.at(1).at(1).toString()));
        QCOMPARE(session.inventory().size(), 0);
    }

    void sameKindInTwoGroupsIsListedInBoth()
    {
        const QList<QJsonObject> cluster = twoGroupCluster();
        m_server->setObjects(cluster);
        ClusterSession session;
        QSignalSpy finished(&session, &ClusterSession::finished);
        QVERIFY(
            connectAndWait(session, kubeconfigSource(*m_server, FakeApiServer::Credentials::Token,
                                                     QStringLiteral("kc-groups.yaml"))));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QCOMPARE(keysOf(session.inventory()), keysOf(cluster));
        QVERIFY(
            session.inventory().find({QStringLiteral("traefik.io"), QStringLiteral("IngressRoute"),
                                      QStringLiteral("apps"), QStringLiteral("web")}));
        QVERIFY(session.inventory().find({QStringLiteral("traefik.containo.us"),
                                          QStringLiteral("IngressRoute"), QStringLiteral("apps"),
                                          QStringLiteral("web")}));

        const QStringList names = qualifiedNames(session.inventory());
        QCOMPARE(names.count(QStringLiteral("ingressroutes.traefik.io")), 1);
        QCOMPARE(names.count(QStringLiteral("ingressroutes.traefik.containo.us")), 1);
        QCOMPARE(names.count(QStringLiteral("httproutes.gateway.networking.k8s.io")), 1);
        QCOMPARE(
            statusOf(session.inventory(), QStringLiteral("ingressroutes.traefik.io")).objectCount,
            1);
        QCOMPARE(statusOf(session.inventory(), QStringLiteral("ingressroutes.traefik.containo.us"))
                     .objectCount,
                 2);
        // One group, several versions: the same objects, listed once in the preferred version.
        const TypeStatus routes =
            statusOf(session.inventory(), QStringLiteral("httproutes.gateway.networking.k8s.io"));
        QCOMPARE(routes.type.version, QStringLiteral("v1"));
        QCOMPARE(routes.objectCount, 2);
        QCOMPARE(int(routes.state), int(TypeState::Loaded));
    }

    void snapshotKeepsBothGroups()
    {
        const QList<QJsonObject> cluster = twoGroupCluster();
        const QString path = m_dir.filePath(QStringLiteral("groups.yaml"));
        QVERIFY(writeSnapshot(path, cluster).ok());
        ClusterSession session;
        QSignalSpy finished(&session, &ClusterSession::finished);
        ClusterSource source;
        source.kind = ClusterSource::Kind::Snapshot;
        source.snapshotPath = path;
        QVERIFY(connectAndWait(session, source));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QCOMPARE(keysOf(session.inventory()), keysOf(cluster));
        const QStringList names = qualifiedNames(session.inventory());
        QCOMPARE(names.count(QStringLiteral("ingressroutes.traefik.io")), 1);
        QCOMPARE(names.count(QStringLiteral("ingressroutes.traefik.containo.us")), 1);
        QCOMPARE(names.count(QStringLiteral("httproutes.gateway.networking.k8s.io")), 1);
        QCOMPARE(statusOf(session.inventory(), QStringLiteral("ingressroutes.traefik.containo.us"))
                     .objectCount,
                 2);
        QCOMPARE(
            statusOf(session.inventory(), QStringLiteral("httproutes.gateway.networking.k8s.io"))
                .objectCount,
            2);
    }

    void readOnlyTypesReachTheInventory_data()
    {
        QTest::addColumn<bool>("live");
        QTest::addRow("live, from discovery") << true;
        QTest::addRow("snapshot, without discovery") << false;
    }

    void readOnlyTypesReachTheInventory()
    {
        // A type without "create" can never be a manifest: the Inventory's types must say so
        // whether they came from discovery or were worked out from a snapshot's objects.
        QFETCH(bool, live);
        QList<QJsonObject> cluster = twoGroupCluster();
        const QString metrics = QStringLiteral("metrics.k8s.io/v1beta1");
        cluster << object(metrics, QStringLiteral("PodMetrics"), QStringLiteral("apps"),
                          QStringLiteral("pod-0"))
                << object(metrics, QStringLiteral("NodeMetrics"), {}, QStringLiteral("node-1"))
                << object(QStringLiteral("v1"), QStringLiteral("ComponentStatus"), {},
                          QStringLiteral("scheduler"));
        ClusterSource source;
        if (live) {
            m_server->setObjects(cluster);
            source = kubeconfigSource(*m_server, FakeApiServer::Credentials::Token,
                                      QStringLiteral("kc-readonly.yaml"));
        } else {
            source.kind = ClusterSource::Kind::Snapshot;
            source.snapshotPath = m_dir.filePath(QStringLiteral("readonly.yaml"));
            QVERIFY(writeSnapshot(source.snapshotPath, cluster).ok());
        }
        ClusterSession session;
        QSignalSpy finished(&session, &ClusterSession::finished);
        QVERIFY(connectAndWait(session, source));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QCOMPARE(keysOf(session.inventory()), keysOf(cluster));

        for (const char *name :
             {"pods.metrics.k8s.io", "nodes.metrics.k8s.io", "componentstatuses"}) {
            const TypeStatus status = statusOf(session.inventory(), QLatin1String(name));
            QVERIFY2(!status.type.kind.isEmpty(), name);
            QVERIFY2(!status.type.verbs.isEmpty(), name);
            QVERIFY2(!status.type.creatable(), name);
            QVERIFY2(status.type.verbs.contains(QLatin1String("list")), name);
            QCOMPARE(status.objectCount, 1);
        }
        QCOMPARE(statusOf(session.inventory(), QStringLiteral("pods.metrics.k8s.io")).type.kind,
                 QStringLiteral("PodMetrics"));
        for (const char *name :
             {"configmaps", "ingressroutes.traefik.io", "ingressroutes.traefik.containo.us",
              "httproutes.gateway.networking.k8s.io"}) {
            const TypeStatus status = statusOf(session.inventory(), QLatin1String(name));
            QVERIFY2(status.type.creatable(), name);
            QVERIFY2(status.objectCount > 0, name);
        }
    }

    void cancelMidLoad()
    {
        m_server.reset();
        m_server = std::make_unique<FakeApiServer>(serverOptions(m_pki, m_token, 200));
        m_server->setObjects(smallCluster());
        QVERIFY(m_server->listen());
        ClusterSession session;
        QSignalSpy types(&session, &ClusterSession::typesDiscovered);
        QSignalSpy added(&session, &ClusterSession::objectsAdded);
        QSignalSpy finished(&session, &ClusterSession::finished);
        session.connectTo(kubeconfigSource(*m_server, FakeApiServer::Credentials::Token,
                                           QStringLiteral("kc-cancel.yaml")));
        QVERIFY(session.isBusy());
        QVERIFY(types.wait(30000));
        session.cancel();
        QCOMPARE(finished.count(), 1);
        QVERIFY(!finished.at(0).at(0).toBool());
        QCOMPARE(finished.at(0).at(1).toString(), QStringLiteral("Cancelled"));
        QVERIFY(!session.isBusy());
        const int sizeAtCancel = session.inventory().size();
        const int addedAtCancel = int(added.count());
        QVERIFY(!added.wait(1500));
        QCOMPARE(int(added.count()), addedAtCancel);
        QCOMPARE(session.inventory().size(), sizeAtCancel);
        QCOMPARE(finished.count(), 1);
    }

    void newConnectSupersedesTheOld()
    {
        FakeApiServer slow(serverOptions(m_pki, m_token, 300));
        QList<QJsonObject> stale;
        for (int i = 0; i < 4; ++i)
            stale << object(QStringLiteral("v1"), QStringLiteral("ConfigMap"),
                            QStringLiteral("old"), QStringLiteral("stale-%1").arg(i));
        slow.setObjects(stale);
        QVERIFY(slow.listen());

        ClusterSession session;
        QSignalSpy finished(&session, &ClusterSession::finished);
        session.connectTo(kubeconfigSource(slow, FakeApiServer::Credentials::Token,
                                           QStringLiteral("kc-slow.yaml")));
        QVERIFY(QTest::qWaitFor([&] { return slow.requestCount() > 0; }, 30000));
        session.connectTo(kubeconfigSource(*m_server, FakeApiServer::Credentials::Token,
                                           QStringLiteral("kc-fast.yaml")));
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.count(), 1);
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QCOMPARE(keysOf(session.inventory()), keysOf(smallCluster()));
        QVERIFY(!finished.wait(1500)); // the superseded connect never reports
        QCOMPARE(keysOf(session.inventory()), keysOf(smallCluster()));

        // A demo connect supersedes a live one just the same, even before it resolves.
        ClusterSource demo;
        demo.kind = ClusterSource::Kind::Demo;
        session.connectTo(kubeconfigSource(slow, FakeApiServer::Credentials::Token,
                                           QStringLiteral("kc-slow2.yaml")));
        session.connectTo(demo);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.count(), 2);
        QVERIFY(finished.at(1).at(0).toBool());
        QCOMPARE(keysOf(session.inventory()), keysOf(demoClusterObjects()));
    }
};

QTEST_GUILESS_MAIN(TstClusterSession)
#include "tst_clustersession.moc"
