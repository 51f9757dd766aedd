#include "clienttestsupport.h"
#include "fakeapiserver.h"
#include "fakecontroller.h"
#include "kube/kubeclient.h"
#include "kube/resourcewatch.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtTest>
#include <QUrlQuery>

#include <memory>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

const QString Path = QStringLiteral("/apis/kustomize.toolkit.fluxcd.io/v1/kustomizations");

QJsonObject kustomization(const QString &name, const QString &path)
{
    QJsonObject object =
        Testing::object(QStringLiteral("kustomize.toolkit.fluxcd.io/v1"),
                        QStringLiteral("Kustomization"), QStringLiteral("flux-system"), name);
    object.insert(QStringLiteral("spec"), QJsonObject{{QStringLiteral("path"), path}});
    return object;
}

QString nameOf(const QJsonObject &object)
{
    return object.value(QLatin1String("metadata"))
        .toObject()
        .value(QLatin1String("name"))
        .toString();
}

QStringList requests(FakeApiServer *server, bool watch)
{
    QStringList out;
    const QStringList log = server->requestLog();
    for (const QString &line : log)
        if (line.startsWith(QLatin1String("GET ") + Path) &&
            line.contains(QLatin1String("watch=1")) == watch)
            out << line.mid(4);
    return out;
}

QString resourceVersionAsked(const QString &request)
{
    return QUrlQuery(QUrl(request).query()).queryItemValue(QStringLiteral("resourceVersion"));
}

} // namespace

// ResourceWatch against the fake API server's real watches (journal, bookmarks, 410, dropped
// connections), over TLS with a token, the server in its own thread as a cluster would be.
class TstResourceWatchFake : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestPki m_pki;
    const QString m_token = QStringLiteral("watch-token");
    std::unique_ptr<FakeApiServerThread> m_thread;
    std::unique_ptr<KubeClient> m_client;
    std::unique_ptr<ResourceWatch> m_watch;

    FakeApiServer *server() const { return m_thread->server(); }

    bool startServer(int bookmarkIntervalMs = 60000)
    {
        FakeApiServer::Options options = serverOptions(m_pki, m_token);
        options.bookmarkIntervalMs = bookmarkIntervalMs;
        m_thread = std::make_unique<FakeApiServerThread>(options);
        if (!m_thread->start({kustomization(QStringLiteral("infrastructure"),
                                            QStringLiteral("./infrastructure")),
                              kustomization(QStringLiteral("apps"), QStringLiteral("./apps"))}))
            return false;
        m_client = std::make_unique<KubeClient>(
            clientSettings(m_thread->url(), m_pki, ClientAuth::Token, m_token));
        m_watch = std::make_unique<ResourceWatch>(m_client.get(), Path);
        ResourceWatch::Options o;
        o.initialBackoffMs = 20;
        o.maxBackoffMs = 200;
        m_watch->setOptions(o);
        return true;
    }

    bool watching(QSignalSpy &listed)
    {
        m_watch->start();
        if (listed.isEmpty() && !listed.wait(10000))
            return false;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 10000 && (requests(server(), true).isEmpty() ||
                                           m_watch->state() != ResourceWatch::State::Watching))
            QTest::qWait(5);
        return m_watch->state() == ResourceWatch::State::Watching;
    }

    void put(const QJsonObject &object)
    {
        server()->applyChange(FakeChange{FakeChange::Type::Put, object, 0});
    }

    static QList<WatchEvent> allEvents(const QSignalSpy &spy)
    {
        QList<WatchEvent> all;
        for (const QList<QVariant> &args : spy)
            all += args.at(0).value<QList<WatchEvent>>();
        return all;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_pki = TestPki::generate(m_dir.path());
        QVERIFY2(m_pki.ok(), qPrintable(m_pki.error));
    }

    void cleanup()
    {
        m_watch.reset();
        m_client.reset();
        m_thread.reset();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

    void cleanupTestCase() { QThreadPool::globalInstance()->waitForDone(); }

    void listThenChangesFromTheListsResourceVersion()
    {
        QVERIFY(startServer());
        QSignalSpy listed(m_watch.get(), &ResourceWatch::listed);
        QSignalSpy events(m_watch.get(), &ResourceWatch::events);
        QVERIFY(watching(listed));
        QCOMPARE(listed.at(0).at(0).value<QList<QJsonObject>>().size(), 2);
        const QString listRv = QString::number(server()->resourceVersion());
        QCOMPARE(resourceVersionAsked(requests(server(), true).at(0)), listRv);

        put(kustomization(QStringLiteral("apps"), QStringLiteral("./apps/production")));
        put(kustomization(QStringLiteral("monitoring"), QStringLiteral("./monitoring")));
        QTRY_COMPARE_WITH_TIMEOUT(allEvents(events).size(), 2, 10000);
        const QList<WatchEvent> all = allEvents(events);
        QCOMPARE(all.at(0).type, WatchEvent::Type::Modified);
        QCOMPARE(
            all.at(0).object.value(QLatin1String("spec")).toObject().value(QLatin1String("path")),
            QJsonValue(QStringLiteral("./apps/production")));
        QCOMPARE(all.at(1).type, WatchEvent::Type::Added);
        QCOMPARE(nameOf(all.at(1).object), QStringLiteral("monitoring"));
        QCOMPARE(m_watch->resourceVersion(), QString::number(server()->resourceVersion()));
    }

    void closedWatchResumesFromLastResourceVersion()
    {
        QVERIFY(startServer());
        QSignalSpy listed(m_watch.get(), &ResourceWatch::listed);
        QSignalSpy events(m_watch.get(), &ResourceWatch::events);
        QVERIFY(watching(listed));
        put(kustomization(QStringLiteral("apps"), QStringLiteral("./apps/v2")));
        QTRY_COMPARE_WITH_TIMEOUT(allEvents(events).size(), 1, 10000);
        const QString seen = m_watch->resourceVersion();

        // The fake ends the stream with its last chunk and closes, as a restarting server does.
        server()->dropWatches();
        QTRY_COMPARE_WITH_TIMEOUT(requests(server(), true).size(), 2, 10000);
        QCOMPARE(resourceVersionAsked(requests(server(), true).at(1)), seen);
        QCOMPARE(requests(server(), false).size(), 1); // no relist
        QTRY_COMPARE_WITH_TIMEOUT(m_watch->state(), ResourceWatch::State::Watching, 10000);
        put(kustomization(QStringLiteral("apps"), QStringLiteral("./apps/v3")));
        QTRY_COMPARE_WITH_TIMEOUT(allEvents(events).size(), 2, 10000);
        QCOMPARE(listed.size(), 1);
    }

    void compactedJournalRelists()
    {
        QVERIFY(startServer());
        QSignalSpy listed(m_watch.get(), &ResourceWatch::listed);
        QVERIFY(watching(listed));
        // The watch falls behind a compaction while it is away: the server refuses it for a
        // while (it retries), a write and a compaction happen meanwhile, and resuming from its
        // resourceVersion then hears 410. With no stream open the write cannot reach it first.
        FakeApiServer::FaultRule unavailable;
        unavailable.pathPrefix = Path;
        unavailable.fault = FakeApiServer::Fault::Status;
        unavailable.status = 503;
        server()->addFault(unavailable);
        server()->dropWatches();
        QTRY_COMPARE_WITH_TIMEOUT(m_watch->state(), ResourceWatch::State::Reconnecting, 10000);
        put(kustomization(QStringLiteral("late"), QStringLiteral("./late")));
        server()->compactJournal();
        server()->clearFaults();
        QVERIFY(listed.wait(10000));
        QCOMPARE(listed.size(), 2);
        QCOMPARE(listed.at(1).at(0).value<QList<QJsonObject>>().size(), 3);
        QCOMPARE(requests(server(), false).size(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(m_watch->state(), ResourceWatch::State::Watching, 10000);
    }

    void bookmarksMoveResourceVersionWithoutEvents()
    {
        QVERIFY(startServer(100));
        QSignalSpy listed(m_watch.get(), &ResourceWatch::listed);
        QSignalSpy events(m_watch.get(), &ResourceWatch::events);
        QVERIFY(watching(listed));
        const QString before = m_watch->resourceVersion();
        // A write elsewhere moves the server's resourceVersion; only a bookmark tells the watch.
        put(object(QStringLiteral("v1"), QStringLiteral("ConfigMap"), QStringLiteral("default"),
                   QStringLiteral("elsewhere")));
        const QString now = QString::number(server()->resourceVersion());
        QVERIFY(now != before);
        QTRY_COMPARE_WITH_TIMEOUT(m_watch->resourceVersion(), now, 10000);
        QCOMPARE(events.size(), 0);
    }

    void serverTimeoutWatchesAgainWithoutRelist()
    {
        QVERIFY(startServer());
        ResourceWatch::Options o;
        o.watchTimeoutSeconds = 1; // the server ends each stream after 1 or 2 seconds
        m_watch->setOptions(o);
        QSignalSpy listed(m_watch.get(), &ResourceWatch::listed);
        QSignalSpy states(m_watch.get(), &ResourceWatch::stateChanged);
        QVERIFY(watching(listed));
        states.clear();
        QTRY_VERIFY_WITH_TIMEOUT(requests(server(), true).size() >= 2, 10000);
        QCOMPARE(requests(server(), false).size(), 1);
        QCOMPARE(listed.size(), 1);
        for (const QList<QVariant> &args : std::as_const(states))
            QVERIFY(args.at(0).value<ResourceWatch::State>() != ResourceWatch::State::Reconnecting);
    }

    void forbiddenFailsWithTheServersWords()
    {
        QVERIFY(startServer());
        FakeApiServer::FaultRule rule;
        rule.pathPrefix = Path;
        rule.fault = FakeApiServer::Fault::Status;
        rule.status = 403;
        rule.message = QStringLiteral(
            "kustomizations.kustomize.toolkit.fluxcd.io is forbidden: User \"viewer\" cannot list "
            "resource \"kustomizations\" in API group \"kustomize.toolkit.fluxcd.io\" at the "
            "cluster scope");
        server()->addFault(rule);
        QSignalSpy states(m_watch.get(), &ResourceWatch::stateChanged);
        m_watch->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_watch->state(), ResourceWatch::State::Failed, 10000);
        QVERIFY2(states.constLast().at(1).toString().contains(rule.message),
                 qPrintable(states.constLast().at(1).toString()));
        const int asked = server()->requestCount();
        QTest::qWait(300);
        QCOMPARE(server()->requestCount(), asked);
    }
};

QTEST_MAIN(TstResourceWatchFake)
#include "tst_resourcewatch_fake.moc"
