#include "clienttestsupport.h"
#include "kube/inventoryloader.h"

#include <QHash>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtTest>

#include <memory>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

// Everything one loader emitted, in plain containers.
struct Recorder : QObject
{
    QList<ResourceType> discovered;
    QList<QJsonObject> objects;
    QHash<QString, int> objectsPerType; // by qualifiedName
    QHash<QString, TypeState> states;
    QHash<QString, QString> messages;
    QList<QPair<int, int>> progress;
    int finishedCount = 0;
    bool ok = false;
    QString message;
    int objectsAfterFinish = 0;

    explicit Recorder(InventoryLoader &loader)
    {
        connect(&loader, &InventoryLoader::discovered, this,
                [this](const QList<ResourceType> &types) { discovered = types; });
        connect(&loader, &InventoryLoader::objectsLoaded, this,
                [this](const ResourceType &type, const QList<QJsonObject> &page) {
                    objects += page;
                    objectsPerType[type.qualifiedName()] += int(page.size());
                    if (finishedCount > 0)
                        objectsAfterFinish += int(page.size());
                });
        connect(&loader, &InventoryLoader::typeFinished, this,
                [this](const ResourceType &type, TypeState state, const QString &text) {
                    states.insert(type.qualifiedName(), state);
                    messages.insert(type.qualifiedName(), text);
                });
        connect(&loader, &InventoryLoader::progress, this, [this](int done, int total) {
            progress.append({done, total});
        });
        connect(&loader, &InventoryLoader::finished, this, [this](bool success, const QString &m) {
            ++finishedCount;
            ok = success;
            message = m;
        });
    }

    QSet<QString> keys() const
    {
        QSet<QString> result;
        for (const QJsonObject &o : objects)
            result.insert(ObjectKey::of(o).toString());
        return result;
    }
};

QSet<QString> keysOf(const QList<QJsonObject> &objects)
{
    QSet<QString> result;
    for (const QJsonObject &o : objects)
        result.insert(ObjectKey::of(o).toString());
    return result;
}

} // namespace

class TstInventoryLoader : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestPki m_pki;
    const QString m_token = QStringLiteral("loader-token");
    std::unique_ptr<FakeApiServer> m_server;

    ConnectionSettings settings(ClientAuth auth = ClientAuth::Token) const
    {
        return clientSettings(m_server->url(), m_pki, auth, m_token);
    }

    // Runs a load to its end; returns false when finished() never came.
    static bool run(InventoryLoader &loader, const ConnectionSettings &s)
    {
        QSignalSpy finished(&loader, &InventoryLoader::finished);
        loader.start(s);
        return finished.count() > 0 || finished.wait(120000);
    }

    void addFault(const QString &prefix, FakeApiServer::Fault fault, int status = 500,
                  const QString &message = {}, int delayMs = 0)
    {
        FakeApiServer::FaultRule rule;
        rule.pathPrefix = prefix;
        rule.fault = fault;
        rule.status = status;
        rule.message = message;
        rule.delayMs = delayMs;
        m_server->addFault(rule);
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

    void discoverySkipsSubresourcesAndNonListable()
    {
        InventoryLoader loader;
        Recorder rec(loader);
        QVERIFY(run(loader, settings()));
        QVERIFY2(rec.ok, qPrintable(rec.message));
        QStringList names;
        for (const ResourceType &t : rec.discovered) {
            names.append(t.qualifiedName());
            QVERIFY(t.verbs.contains(QLatin1String("list")));
            QVERIFY(!t.resource.contains(QLatin1Char('/')));
        }
        QVERIFY(names.contains(QLatin1String("pods")));
        QVERIFY(names.contains(QLatin1String("deployments.apps")));
        QVERIFY(names.contains(QLatin1String("events")));
        QVERIFY(!names.contains(QLatin1String("bindings")));
        QVERIFY(!names.contains(QLatin1String("tokenreviews.authentication.k8s.io")));
        QCOMPARE(names.size(), QSet<QString>(names.begin(), names.end()).size());
        // Every type is listed exactly once and reported once.
        QCOMPARE(rec.states.size(), rec.discovered.size());
        QCOMPARE(rec.progress.last(),
                 qMakePair(int(rec.discovered.size()), int(rec.discovered.size())));
    }

    void loadsEveryObject_data()
    {
        QTest::addColumn<int>("auth");
        QTest::addRow("token") << int(ClientAuth::Token);
        QTest::addRow("rsa client certificate") << int(ClientAuth::RsaCertificate);
        QTest::addRow("ec client certificate") << int(ClientAuth::EcCertificate);
    }

    void loadsEveryObject()
    {
        QFETCH(int, auth);
        InventoryLoader loader;
        Recorder rec(loader);
        QVERIFY(run(loader, settings(ClientAuth(auth))));
        QVERIFY2(rec.ok, qPrintable(rec.message));
        QCOMPARE(rec.finishedCount, 1);
        QCOMPARE(rec.keys(), keysOf(smallCluster()));
        QCOMPARE(rec.objects.size(), smallCluster().size());
        for (const QJsonObject &o : rec.objects) {
            QVERIFY(!o.value(QLatin1String("apiVersion")).toString().isEmpty());
            QVERIFY(!o.value(QLatin1String("kind")).toString().isEmpty());
        }
        for (auto it = rec.states.cbegin(); it != rec.states.cend(); ++it)
            QVERIFY2(it.value() == TypeState::Loaded, qPrintable(it.key()));
        QCOMPARE(rec.objectsPerType.value(QStringLiteral("configmaps")), 7);
        QVERIFY(!loader.isRunning());
    }

    void pagesWithLimitAndContinue()
    {
        InventoryLoader loader;
        InventoryLoader::Options options;
        options.pageSize = 2;
        loader.setOptions(options);
        Recorder rec(loader);
        QVERIFY(run(loader, settings()));
        QVERIFY2(rec.ok, qPrintable(rec.message));
        QCOMPARE(rec.objectsPerType.value(QStringLiteral("configmaps")), 7);
        QStringList configMapRequests;
        const QStringList log = m_server->requestLog();
        for (const QString &line : log) {
            if (line.startsWith(QLatin1String("GET /api/v1/configmaps?")))
                configMapRequests.append(line);
        }
        QCOMPARE(configMapRequests.size(), 4);
        QVERIFY(configMapRequests.first().contains(QLatin1String("limit=2")));
        QVERIFY(configMapRequests.last().contains(QLatin1String("continue=")));
    }

    void limitsConcurrency()
    {
        delete m_server.release();
        m_server = std::make_unique<FakeApiServer>(serverOptions(m_pki, m_token, 20));
        m_server->setObjects(smallCluster());
        QVERIFY(m_server->listen());
        InventoryLoader loader;
        InventoryLoader::Options options;
        options.maxConcurrentRequests = 1;
        loader.setOptions(options);
        Recorder rec(loader);
        QVERIFY(run(loader, settings()));
        QVERIFY2(rec.ok, qPrintable(rec.message));
        QCOMPARE(rec.keys(), keysOf(smallCluster()));
    }

    void forbiddenTypeLeavesTheRestLoaded()
    {
        const QString message = QStringLiteral(
            "secrets is forbidden: User \"viewer\" cannot list resource \"secrets\" in API group "
            "\"\" at the cluster scope");
        addFault(QStringLiteral("/api/v1/secrets"), FakeApiServer::Fault::Status, 403, message);
        InventoryLoader loader;
        Recorder rec(loader);
        QVERIFY(run(loader, settings()));
        QVERIFY2(rec.ok, qPrintable(rec.message));
        QCOMPARE(int(rec.states.value(QStringLiteral("secrets"))), int(TypeState::Forbidden));
        QVERIFY2(rec.messages.value(QStringLiteral("secrets")).contains(message),
                 qPrintable(rec.messages.value(QStringLiteral("secrets"))));
        QCOMPARE(rec.objects.size(), smallCluster().size() - 2);
        QCOMPARE(int(rec.states.value(QStringLiteral("pods"))), int(TypeState::Loaded));
        QVERIFY(rec.message.contains(QLatin1String("1 types forbidden")));
    }

    void failedTypes_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("expected");
        QTest::addRow("500") << int(FakeApiServer::Fault::Status) << 500
                             << QStringLiteral("etcd is sad (HTTP 500)");
        QTest::addRow("404") << int(FakeApiServer::Fault::Status) << 404
                             << QStringLiteral("etcd is sad (HTTP 404)");
        QTest::addRow("timeout") << int(FakeApiServer::Fault::Delay) << 0
                                 << QStringLiteral("timed out");
        QTest::addRow("reset mid-body") << int(FakeApiServer::Fault::ResetMidBody) << 0
                                        << QStringLiteral("reset before the response");
        QTest::addRow("malformed json") << int(FakeApiServer::Fault::MalformedJson) << 0
                                        << QStringLiteral("malformed JSON for /api/v1/pods");
    }

    void failedTypes()
    {
        QFETCH(int, fault);
        QFETCH(int, status);
        QFETCH(QString, expected);
        addFault(QStringLiteral("/api/v1/pods"), FakeApiServer::Fault(fault), status,
                 QStringLiteral("etcd is sad"), 5000);
        InventoryLoader loader;
        InventoryLoader::Options options;
        options.requestTimeoutMs = 1000;
        loader.setOptions(options);
        Recorder rec(loader);
        QVERIFY(run(loader, settings()));
        QVERIFY2(rec.ok, qPrintable(rec.message));
        QCOMPARE(int(rec.states.value(QStringLiteral("pods"))), int(TypeState::Failed));
        QVERIFY2(rec.messages.value(QStringLiteral("pods")).contains(expected),
                 qPrintable(rec.messages.value(QStringLiteral("pods"))));
        QCOMPARE(rec.objects.size(), smallCluster().size() - 3);
    }

    void brokenGroupDiscoveryDropsOnlyThatGroup()
    {
        addFault(QStringLiteral("/apis/apps/v1"), FakeApiServer::Fault::Status, 503,
                 QStringLiteral("service unavailable"));
        InventoryLoader loader;
        Recorder rec(loader);
        QVERIFY(run(loader, settings()));
        QVERIFY2(rec.ok, qPrintable(rec.message));
        QVERIFY2(rec.message.contains(QLatin1String("Discovery of apps/v1 failed")),
                 qPrintable(rec.message));
        for (const ResourceType &t : rec.discovered)
            QVERIFY(t.group != QLatin1String("apps"));
        QCOMPARE(rec.keys(), keysOf(smallCluster()));
    }

    void connectionErrorsEndTheLoad_data()
    {
        QTest::addColumn<QString>("caseName");
        QTest::addColumn<QString>("expected");
        QTest::addRow("401") << QStringLiteral("401") << QStringLiteral("Unauthorized");
        QTest::addRow("wrong CA") << QStringLiteral("ca") << QStringLiteral("TLS failure");
        QTest::addRow("refused") << QStringLiteral("refused")
                                 << QStringLiteral("Connection refused");
        QTest::addRow("/api fails") << QStringLiteral("api") << QStringLiteral("Discovery of /api");
    }

    void connectionErrorsEndTheLoad()
    {
        QFETCH(QString, caseName);
        QFETCH(QString, expected);
        ConnectionSettings s = settings();
        if (caseName == QLatin1String("401"))
            s.bearerToken = QStringLiteral("nope");
        else if (caseName == QLatin1String("ca"))
            s.caCertificates = QSslCertificate::fromData(readFile(m_pki.otherCaCert), QSsl::Pem);
        else if (caseName == QLatin1String("refused"))
            s.server = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(closedPort()));
        else
            addFault(QStringLiteral("/api"), FakeApiServer::Fault::Status, 500,
                     QStringLiteral("boom"));
        InventoryLoader loader;
        Recorder rec(loader);
        QVERIFY(run(loader, s));
        QCOMPARE(rec.finishedCount, 1);
        QVERIFY(!rec.ok);
        QVERIFY2(rec.message.contains(expected), qPrintable(rec.message));
        QVERIFY(rec.objects.isEmpty());
        QVERIFY(!loader.isRunning());
    }

    void insecureSkipTlsVerifyWithWrongCa()
    {
        ConnectionSettings s = settings();
        s.caCertificates = QSslCertificate::fromData(readFile(m_pki.otherCaCert), QSsl::Pem);
        s.insecureSkipTlsVerify = true;
        InventoryLoader loader;
        Recorder rec(loader);
        QVERIFY(run(loader, s));
        QVERIFY2(rec.ok, qPrintable(rec.message));
        QCOMPARE(rec.keys(), keysOf(smallCluster()));
    }

    void cancelMidLoad()
    {
        delete m_server.release();
        m_server = std::make_unique<FakeApiServer>(serverOptions(m_pki, m_token, 200));
        m_server->setObjects(smallCluster());
        QVERIFY(m_server->listen());
        InventoryLoader loader;
        Recorder rec(loader);
        QSignalSpy discovered(&loader, &InventoryLoader::discovered);
        QSignalSpy finished(&loader, &InventoryLoader::finished);
        QSignalSpy objects(&loader, &InventoryLoader::objectsLoaded);
        loader.start(settings());
        QVERIFY(discovered.wait(30000));
        loader.cancel();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QCOMPARE(finished.at(0).at(1).toString(), QStringLiteral("Cancelled"));
        QVERIFY(!loader.isRunning());
        const int before = int(objects.count());
        // Listing replies were in flight (200 ms latency): none may surface after the cancel.
        QVERIFY(!objects.wait(1500));
        QCOMPARE(int(objects.count()), before);
        QCOMPARE(rec.objectsAfterFinish, 0);
        QCOMPARE(finished.count(), 1);
        loader.cancel(); // not running: no second finished()
        QCOMPARE(finished.count(), 1);
    }

    void newStartDropsTheOldGeneration()
    {
        // A: slow, with its own objects; B: fast, with others.
        FakeApiServer slow(serverOptions(m_pki, m_token, 300));
        QList<QJsonObject> slowObjects;
        for (int i = 0; i < 5; ++i)
            slowObjects << object(QStringLiteral("v1"), QStringLiteral("ConfigMap"),
                                  QStringLiteral("old"), QStringLiteral("stale-%1").arg(i));
        slow.setObjects(slowObjects);
        QVERIFY(slow.listen());

        InventoryLoader loader;
        Recorder rec(loader);
        QSignalSpy finished(&loader, &InventoryLoader::finished);
        loader.start(clientSettings(slow.url(), m_pki, ClientAuth::Token, m_token));
        const quint64 first = loader.generation();
        QVERIFY(QTest::qWaitFor([&] { return slow.requestCount() > 0; }, 10000));
        loader.start(settings());
        QVERIFY(loader.generation() > first);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.count(), 1); // no finished() for the superseded run
        QVERIFY(finished.at(0).at(0).toBool());
        QCOMPARE(rec.keys(), keysOf(smallCluster()));
        // Any late reply of the slow server is dropped, not delivered.
        QSignalSpy objects(&loader, &InventoryLoader::objectsLoaded);
        QVERIFY(!objects.wait(1500));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(rec.keys(), keysOf(smallCluster()));
    }

    void sameKindInTwoGroupsIsListedInBoth()
    {
        // K3s's Traefik chart installs its CRDs in traefik.io and in the older
        // traefik.containo.us: one kind, two groups, and a user's objects may be in either.
        QList<QJsonObject> cluster = smallCluster();
        const QString current = QStringLiteral("traefik.io/v1alpha1");
        const QString legacy = QStringLiteral("traefik.containo.us/v1alpha1");
        const QString route = QStringLiteral("IngressRoute");
        const QString apps = QStringLiteral("apps");
        cluster << object(current, route, apps, QStringLiteral("web"))
                << object(legacy, route, apps, QStringLiteral("web"))
                << object(legacy, route, apps, QStringLiteral("old-only"))
                << object(current, QStringLiteral("Middleware"), apps, QStringLiteral("strip"));
        m_server->setObjects(cluster);
        InventoryLoader loader;
        Recorder rec(loader);
        QVERIFY(run(loader, settings()));
        QVERIFY2(rec.ok, qPrintable(rec.message));
        QCOMPARE(rec.keys(), keysOf(cluster));
        QVERIFY(rec.keys().contains(QStringLiteral("traefik.io/IngressRoute apps/web")));
        QVERIFY(rec.keys().contains(QStringLiteral("traefik.containo.us/IngressRoute apps/web")));
        QCOMPARE(rec.objectsPerType.value(QStringLiteral("ingressroutes.traefik.io")), 1);
        QCOMPARE(rec.objectsPerType.value(QStringLiteral("ingressroutes.traefik.containo.us")), 2);
        QStringList names;
        for (const ResourceType &t : rec.discovered)
            names.append(t.qualifiedName());
        QCOMPARE(names.count(QStringLiteral("ingressroutes.traefik.io")), 1);
        QCOMPARE(names.count(QStringLiteral("ingressroutes.traefik.containo.us")), 1);
    }

    void oneGroupInSeveralVersionsIsListedOnceInThePreferred()
    {
        // Gateway API objects applied as v1beta1 and as v1 are the same objects to the server:
        // listed once, in the preferred (GA) version, none missing.
        QList<QJsonObject> cluster = smallCluster();
        const QString route = QStringLiteral("HTTPRoute");
        const QString apps = QStringLiteral("apps");
        cluster << object(QStringLiteral("gateway.networking.k8s.io/v1beta1"), route, apps,
                          QStringLiteral("beta"))
                << object(QStringLiteral("gateway.networking.k8s.io/v1"), route, apps,
                          QStringLiteral("ga"));
        m_server->setObjects(cluster);
        InventoryLoader loader;
        Recorder rec(loader);
        QVERIFY(run(loader, settings()));
        QVERIFY2(rec.ok, qPrintable(rec.message));
        QCOMPARE(rec.keys(), keysOf(cluster));
        QStringList routeTypes;
        for (const ResourceType &t : rec.discovered) {
            if (t.kind == route)
                routeTypes.append(t.groupVersion());
        }
        QCOMPARE(routeTypes, QStringList{QStringLiteral("gateway.networking.k8s.io/v1")});
        QCOMPARE(rec.objectsPerType.value(QStringLiteral("httproutes.gateway.networking.k8s.io")),
                 2);
        const QStringList log = m_server->requestLog();
        for (const QString &line : log)
            QVERIFY2(!line.contains(QLatin1String("/v1beta1/httproutes")), qPrintable(line));
    }

    void readOnlyTypesKeepTheirVerbs()
    {
        // metrics-server's aggregated API serves get and list only, and so does ComponentStatus:
        // what discovery said reaches the loader's types, so they can never be manifests.
        QList<QJsonObject> cluster = smallCluster();
        const QString metrics = QStringLiteral("metrics.k8s.io/v1beta1");
        cluster << object(metrics, QStringLiteral("PodMetrics"), QStringLiteral("apps"),
                          QStringLiteral("pod-0"))
                << object(metrics, QStringLiteral("NodeMetrics"), {}, QStringLiteral("node-1"));
        m_server->setObjects(cluster);
        InventoryLoader loader;
        Recorder rec(loader);
        QVERIFY(run(loader, settings()));
        QVERIFY2(rec.ok, qPrintable(rec.message));
        QCOMPARE(rec.keys(), keysOf(cluster));
        QHash<QString, ResourceType> byName;
        for (const ResourceType &t : rec.discovered)
            byName.insert(t.qualifiedName(), t);
        const QStringList readOnly{QStringLiteral("get"), QStringLiteral("list")};
        for (const char *name :
             {"pods.metrics.k8s.io", "nodes.metrics.k8s.io", "componentstatuses"}) {
            QVERIFY2(byName.contains(QLatin1String(name)), name);
            const ResourceType type = byName.value(QLatin1String(name));
            QCOMPARE(type.verbs, readOnly);
            QVERIFY2(!type.creatable(), name);
        }
        QCOMPARE(byName.value(QStringLiteral("pods.metrics.k8s.io")).kind,
                 QStringLiteral("PodMetrics"));
        QVERIFY(!byName.value(QStringLiteral("nodes.metrics.k8s.io")).namespaced);
        QVERIFY(byName.value(QStringLiteral("configmaps")).creatable());
        QVERIFY(byName.value(QStringLiteral("deployments.apps")).creatable());
        QCOMPARE(rec.objectsPerType.value(QStringLiteral("pods.metrics.k8s.io")), 1);
        QCOMPARE(rec.objectsPerType.value(QStringLiteral("pods")), 3);
    }

    // Hostile servers (issue 17): each stops only the type it hits, with a message naming it.

    void repeatedContinueTokenStopsTheType()
    {
        FakeApiServer::FaultRule rule;
        rule.pathPrefix = QStringLiteral("/api/v1/configmaps");
        rule.fault = FakeApiServer::Fault::RepeatContinue;
        m_server->addFault(rule);
        InventoryLoader loader;
        InventoryLoader::Options options;
        options.pageSize = 2;
        loader.setOptions(options);
        Recorder rec(loader);
        QVERIFY(run(loader, settings()));
        QVERIFY2(rec.ok, qPrintable(rec.message));
        QCOMPARE(int(rec.states.value(QStringLiteral("configmaps"))), int(TypeState::Failed));
        const QString message = rec.messages.value(QStringLiteral("configmaps"));
        QVERIFY2(message.contains(QLatin1String("configmaps")) &&
                     message.contains(QLatin1String("continue token")),
                 qPrintable(message));
        // The token came back on the second page: two requests, not thousands.
        int requests = 0;
        const QStringList log = m_server->requestLog();
        for (const QString &line : log)
            requests += line.startsWith(QLatin1String("GET /api/v1/configmaps?")) ? 1 : 0;
        QCOMPARE(requests, 2);
        QCOMPARE(int(rec.states.value(QStringLiteral("pods"))), int(TypeState::Loaded));
        QCOMPARE(rec.objectsPerType.value(QStringLiteral("pods")), 3);
        QVERIFY(rec.message.contains(QLatin1String("1 types failed")));
    }

    void oversizedTypeIsRefused_data()
    {
        QTest::addColumn<qsizetype>("padBytes");
        QTest::addColumn<bool>("withoutContentLength");
        QTest::addColumn<int>("pageSize");
        // One page over the cap: refused from its Content-Length, or as it arrives.
        QTest::addRow("announced") << qsizetype(1024 * 1024) << false << 500;
        QTest::addRow("unannounced") << qsizetype(1024 * 1024) << true << 500;
        // Four pages of 20 KiB: each under the cap, together over it.
        QTest::addRow("pages add up") << qsizetype(20 * 1024) << false << 2;
    }

    void oversizedTypeIsRefused()
    {
        QFETCH(qsizetype, padBytes);
        QFETCH(bool, withoutContentLength);
        QFETCH(int, pageSize);
        FakeApiServer::FaultRule rule;
        rule.pathPrefix = QStringLiteral("/api/v1/configmaps");
        rule.fault = FakeApiServer::Fault::Oversized;
        rule.padBytes = padBytes;
        rule.withoutContentLength = withoutContentLength;
        m_server->addFault(rule);
        InventoryLoader loader;
        InventoryLoader::Options options;
        options.pageSize = pageSize;
        options.maxBytesPerType = 64 * 1024; // the default is 256 MiB
        loader.setOptions(options);
        Recorder rec(loader);
        QVERIFY(run(loader, settings()));
        QVERIFY2(rec.ok, qPrintable(rec.message));
        QCOMPARE(int(rec.states.value(QStringLiteral("configmaps"))), int(TypeState::Failed));
        const QString message = rec.messages.value(QStringLiteral("configmaps"));
        QVERIFY2(message.contains(QLatin1String("configmaps")) &&
                     message.contains(QLatin1String("64 KiB")),
                 qPrintable(message));
        QCOMPARE(int(rec.states.value(QStringLiteral("pods"))), int(TypeState::Loaded));
        QCOMPARE(rec.objectsPerType.value(QStringLiteral("pods")), 3);
        QCOMPARE(rec.objectsPerType.value(QStringLiteral("secrets")), 2);
    }

    void tricklingServerIsCutOff()
    {
        FakeApiServer::FaultRule rule;
        rule.pathPrefix = QStringLiteral("/api/v1/pods");
        rule.fault = FakeApiServer::Fault::Trickle;
        rule.intervalMs = 100; // never idle for the 30 s idle timeout; a minute or more in all
        m_server->addFault(rule);
        InventoryLoader loader;
        InventoryLoader::Options options;
        options.requestDeadlineMs = 1500; // the default is 120 s
        loader.setOptions(options);
        Recorder rec(loader);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(run(loader, settings()));
        QVERIFY2(rec.ok, qPrintable(rec.message));
        QVERIFY2(timer.elapsed() < 20000, QByteArray::number(timer.elapsed()).constData());
        QCOMPARE(int(rec.states.value(QStringLiteral("pods"))), int(TypeState::Failed));
        const QString message = rec.messages.value(QStringLiteral("pods"));
        QVERIFY2(message.contains(QLatin1String("/api/v1/pods")) &&
                     message.contains(QLatin1String("within 1.5 seconds")),
                 qPrintable(message));
        QCOMPARE(rec.objects.size(), smallCluster().size() - 3);
    }

    void expiredContinueRestartsTheTypeOnce()
    {
        FakeApiServer::FaultRule rule;
        rule.pathPrefix = QStringLiteral("/api/v1/configmaps");
        rule.fault = FakeApiServer::Fault::ExpiredContinue;
        rule.times = 1;
        m_server->addFault(rule);
        InventoryLoader loader;
        InventoryLoader::Options options;
        options.pageSize = 2;
        loader.setOptions(options);
        Recorder rec(loader);
        QVERIFY(run(loader, settings()));
        QVERIFY2(rec.ok, qPrintable(rec.message));
        QCOMPARE(int(rec.states.value(QStringLiteral("configmaps"))), int(TypeState::Loaded));
        QCOMPARE(rec.keys(), keysOf(smallCluster()));
        // The first page came twice (before and after the restart); the total counts it once.
        QCOMPARE(rec.objectsPerType.value(QStringLiteral("configmaps")), 2 + 7);
        QVERIFY2(
            rec.message.startsWith(QStringLiteral("Loaded %1 objects").arg(smallCluster().size())),
            qPrintable(rec.message));
        QStringList firstPages;
        const QStringList log = m_server->requestLog();
        for (const QString &line : log) {
            if (line.startsWith(QLatin1String("GET /api/v1/configmaps?")) &&
                !line.contains(QLatin1String("continue=")))
                firstPages.append(line);
        }
        QCOMPARE(firstPages.size(), 2);
    }

    void expiredContinueTwiceFailsTheType()
    {
        FakeApiServer::FaultRule rule;
        rule.pathPrefix = QStringLiteral("/api/v1/configmaps");
        rule.fault = FakeApiServer::Fault::ExpiredContinue;
        rule.times = 2;
        m_server->addFault(rule);
        InventoryLoader loader;
        InventoryLoader::Options options;
        options.pageSize = 2;
        loader.setOptions(options);
        Recorder rec(loader);
        QVERIFY(run(loader, settings()));
        QVERIFY2(rec.ok, qPrintable(rec.message));
        QCOMPARE(int(rec.states.value(QStringLiteral("configmaps"))), int(TypeState::Failed));
        const QString message = rec.messages.value(QStringLiteral("configmaps"));
        QVERIFY2(message.contains(QLatin1String("configmaps")) &&
                     message.contains(QLatin1String("expired")),
                 qPrintable(message));
        for (const char *type : {"pods", "secrets", "namespaces"})
            QCOMPARE(int(rec.states.value(QLatin1String(type))), int(TypeState::Loaded));
        QCOMPARE(rec.objectsPerType.value(QStringLiteral("pods")), 3);
        QVERIFY(rec.message.contains(QLatin1String("1 types failed")));
    }

    void loadsAGeneratedCluster()
    {
        const QList<QJsonObject> cluster = generateCluster(2000);
        QVERIFY(cluster.size() >= 1900);
        m_server->setObjects(cluster);
        InventoryLoader loader;
        InventoryLoader::Options options;
        options.pageSize = 100;
        loader.setOptions(options);
        Recorder rec(loader);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(run(loader, settings()));
        QVERIFY2(rec.ok, qPrintable(rec.message));
        qInfo("loaded %d objects in %lld ms", int(rec.objects.size()), timer.elapsed());
        QCOMPARE(rec.keys(), keysOf(cluster));
        for (auto it = rec.states.cbegin(); it != rec.states.cend(); ++it)
            QVERIFY2(it.value() == TypeState::Loaded, qPrintable(it.key()));
    }
};

QTEST_GUILESS_MAIN(TstInventoryLoader)
#include "tst_inventoryloader.moc"
