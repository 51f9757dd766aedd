// Watches on the fake API server, as the real one streams them: chunked, one event a line, from
// a journal keyed by the global resourceVersion, with bookmarks, 410 Expired for a version older
// than the journal, selectors, timeouts and dropped connections.
#include "fakeapiserver.h"
#include "fakeclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

#include <memory>

using namespace Fluxdesk::Testing;

namespace {

const QString Token = QStringLiteral("watch-test-token");

QJsonObject configMap(const QString &ns, const QString &name, const QString &value,
                      const QJsonObject &labels = {})
{
    QJsonObject meta{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), ns}};
    if (!labels.isEmpty())
        meta.insert(QStringLiteral("labels"), labels);
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
                       {QStringLiteral("metadata"), meta},
                       {QStringLiteral("data"), QJsonObject{{QStringLiteral("v"), value}}}};
}

QJsonObject nameSpace(const QString &name)
{
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("Namespace")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}}};
}

FakeChange put(const QJsonObject &object)
{
    return FakeChange{FakeChange::Type::Put, object, 0};
}

FakeChange remove(const QJsonObject &object)
{
    return FakeChange{FakeChange::Type::Delete, object, 0};
}

QString rvOf(const QJsonObject &object)
{
    return object.value(QLatin1String("metadata"))
        .toObject()
        .value(QLatin1String("resourceVersion"))
        .toString();
}

} // namespace

class TestFakeWatch : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeApiServer> m_server;
    std::unique_ptr<FakeHttpClient> m_http;

    void start(FakeApiServer::Options options = {})
    {
        options.tls = false;
        options.token = Token;
        m_server = std::make_unique<FakeApiServer>(options);
        m_server->setObjects(
            {nameSpace(QStringLiteral("apps")), nameSpace(QStringLiteral("web")),
             configMap(QStringLiteral("apps"), QStringLiteral("a"), QStringLiteral("1"),
                       {{QStringLiteral("team"), QStringLiteral("blue")}}),
             configMap(QStringLiteral("web"), QStringLiteral("b"), QStringLiteral("1"))});
        QVERIFY(m_server->listen());
        m_http = std::make_unique<FakeHttpClient>(m_server->url(), Token);
    }
    std::unique_ptr<FakeWatchClient> watch(const QString &target)
    {
        return std::make_unique<FakeWatchClient>(m_server->url(), Token, target);
    }

private slots:
    void init() { start(); }
    void cleanup()
    {
        m_http.reset();
        m_server.reset();
    }

    void streamsChunkedEventsWithoutResourceVersion()
    {
        auto w = watch(QStringLiteral("/api/v1/configmaps?watch=1"));
        w->waitForEvents(2);
        QCOMPARE(w->status(), 200);
        QVERIFY2(w->head().contains("Transfer-Encoding: chunked"), w->head().constData());
        QVERIFY(!w->head().toLower().contains("content-length"));
        // The current objects first, as ADDED, in their stored state.
        QCOMPARE(w->summary(), QStringList({QStringLiteral("ADDED a"), QStringLiteral("ADDED b")}));
        const QJsonObject first = w->events().first().value(QLatin1String("object")).toObject();
        QCOMPARE(first.value(QLatin1String("apiVersion")).toString(), QStringLiteral("v1"));
        QCOMPARE(first.value(QLatin1String("kind")).toString(), QStringLiteral("ConfigMap"));

        // Writes of every kind show up, each with a newer resourceVersion.
        m_server->applyChange(
            put(configMap(QStringLiteral("apps"), QStringLiteral("a"), QStringLiteral("2"))));
        m_server->applyChange(
            put(configMap(QStringLiteral("apps"), QStringLiteral("c"), QStringLiteral("1"))));
        m_server->applyChange(remove(configMap(QStringLiteral("web"), QStringLiteral("b"), {})));
        w->waitForEvents(5);
        QCOMPARE(w->summary(), QStringList({QStringLiteral("ADDED a"), QStringLiteral("ADDED b"),
                                            QStringLiteral("MODIFIED a"), QStringLiteral("ADDED c"),
                                            QStringLiteral("DELETED b")}));
        qint64 previous = 0;
        for (int i = 2; i < 5; ++i) {
            const qint64 rv =
                rvOf(w->events().at(i).value(QLatin1String("object")).toObject()).toLongLong();
            QVERIFY(rv > previous);
            previous = rv;
        }
        QCOMPARE(previous, m_server->resourceVersion());
        // Another type's writes are not this watch's.
        m_server->applyChange(put(nameSpace(QStringLiteral("more"))));
        QTest::qWait(100);
        QCOMPARE(w->events().size(), 5);
        QVERIFY(!w->ended());
    }

    void listThenWatchLosesNothing()
    {
        const FakeReply list = m_http->get(QStringLiteral("/api/v1/namespaces/apps/configmaps"));
        QCOMPARE(list.status, 200);
        const QString listRv = list.json.value(QLatin1String("metadata"))
                                   .toObject()
                                   .value(QLatin1String("resourceVersion"))
                                   .toString();
        QCOMPARE(listRv.toLongLong(), m_server->resourceVersion());
        // Changes between the list and the watch come with the watch.
        m_server->applyChange(
            put(configMap(QStringLiteral("apps"), QStringLiteral("a"), QStringLiteral("2"))));
        m_server->applyChange(
            put(configMap(QStringLiteral("web"), QStringLiteral("b"), QStringLiteral("2"))));
        auto w = watch(QStringLiteral("/api/v1/namespaces/apps/configmaps?watch=true&"
                                      "resourceVersion=") +
                       listRv);
        w->waitForEvents(1);
        QTest::qWait(50);
        // Only the namespace's object, and no ADDED for what the list already had.
        QCOMPARE(w->summary(), QStringList({QStringLiteral("MODIFIED a")}));
        QCOMPARE(w->events()
                     .first()
                     .value(QLatin1String("object"))
                     .toObject()
                     .value(QLatin1String("data"))
                     .toObject()
                     .value(QLatin1String("v"))
                     .toString(),
                 QStringLiteral("2"));
    }

    void selectors()
    {
        auto byLabel = watch(QStringLiteral("/api/v1/configmaps?watch=1&resourceVersion=") +
                             QString::number(m_server->resourceVersion()) +
                             QStringLiteral("&labelSelector=team%3Dblue"));
        auto byName = watch(QStringLiteral("/api/v1/configmaps?watch=1&fieldSelector=") +
                            QStringLiteral("metadata.name%3Db"));
        byName->waitForEvents(1);
        QCOMPARE(byName->summary(), QStringList({QStringLiteral("ADDED b")}));
        // a leaves the selector: DELETED for that watch; comes back: ADDED.
        m_server->applyChange(
            put(configMap(QStringLiteral("apps"), QStringLiteral("a"), QStringLiteral("2"))));
        m_server->applyChange(
            put(configMap(QStringLiteral("apps"), QStringLiteral("a"), QStringLiteral("3"),
                          {{QStringLiteral("team"), QStringLiteral("blue")}})));
        m_server->applyChange(
            put(configMap(QStringLiteral("apps"), QStringLiteral("a"), QStringLiteral("4"),
                          {{QStringLiteral("team"), QStringLiteral("blue")}})));
        m_server->applyChange(
            put(configMap(QStringLiteral("web"), QStringLiteral("b"), QStringLiteral("2"))));
        byLabel->waitForEvents(3);
        byName->waitForEvents(2);
        QTest::qWait(50);
        QCOMPARE(byLabel->summary(),
                 QStringList({QStringLiteral("DELETED a"), QStringLiteral("ADDED a"),
                              QStringLiteral("MODIFIED a")}));
        QCOMPARE(byName->summary(),
                 QStringList({QStringLiteral("ADDED b"), QStringLiteral("MODIFIED b")}));
        auto wrong = watch(QStringLiteral("/api/v1/configmaps?watch=1&fieldSelector=spec.x%3D1"));
        QVERIFY(wrong->waitForEnd());
        QCOMPARE(wrong->status(), 400);
    }

    void bookmarks()
    {
        FakeApiServer::Options options;
        options.bookmarkIntervalMs = 50;
        start(options);
        auto with = watch(QStringLiteral("/api/v1/namespaces/apps/configmaps?watch=1&"
                                         "allowWatchBookmarks=true&resourceVersion=") +
                          QString::number(m_server->resourceVersion()));
        auto without = watch(QStringLiteral("/api/v1/namespaces/apps/configmaps?watch=1&"
                                            "resourceVersion=") +
                             QString::number(m_server->resourceVersion()));
        // Another namespace's write moves the resourceVersion the bookmarks carry.
        m_server->applyChange(
            put(configMap(QStringLiteral("web"), QStringLiteral("b"), QStringLiteral("2"))));
        const qint64 now = m_server->resourceVersion();
        QTRY_VERIFY_WITH_TIMEOUT(with->events().size() >= 2, 3000);
        const QJsonObject bookmark = with->events().last();
        QCOMPARE(bookmark.value(QLatin1String("type")).toString(), QStringLiteral("BOOKMARK"));
        const QJsonObject object = bookmark.value(QLatin1String("object")).toObject();
        QCOMPARE(object.value(QLatin1String("kind")).toString(), QStringLiteral("ConfigMap"));
        QCOMPARE(object.value(QLatin1String("apiVersion")).toString(), QStringLiteral("v1"));
        QCOMPARE(object.value(QLatin1String("metadata")).toObject().keys(),
                 QStringList{QStringLiteral("resourceVersion")});
        QCOMPARE(rvOf(object).toLongLong(), now);
        QVERIFY(!object.contains(QLatin1String("data")));
        QCOMPARE(without->events().size(), 0);
    }

    void tooOldResourceVersion_data()
    {
        QTest::addColumn<bool>("compact");
        QTest::addRow("compacted") << true;
        QTest::addRow("outgrown capacity") << false;
    }
    void tooOldResourceVersion()
    {
        QFETCH(bool, compact);
        FakeApiServer::Options options;
        options.journalCapacity = 3;
        start(options);
        const qint64 old = m_server->resourceVersion();
        for (int i = 0; i < 4; ++i)
            m_server->applyChange(
                put(configMap(QStringLiteral("apps"), QStringLiteral("a"), QString::number(i))));
        if (compact)
            m_server->compactJournal();
        auto w = watch(QStringLiteral("/api/v1/configmaps?watch=1&resourceVersion=") +
                       QString::number(old));
        QVERIFY(w->waitForEnd());
        QCOMPARE(w->status(), 200);
        QCOMPARE(w->summary(), QStringList{QStringLiteral("ERROR 410")});
        const QJsonObject status = w->events().first().value(QLatin1String("object")).toObject();
        QCOMPARE(status.value(QLatin1String("reason")).toString(), QStringLiteral("Expired"));
        QCOMPARE(status.value(QLatin1String("kind")).toString(), QStringLiteral("Status"));
        const qint64 oldest = compact ? m_server->resourceVersion() : old + 1;
        QCOMPARE(status.value(QLatin1String("message")).toString(),
                 QStringLiteral("too old resource version: %1 (%2)").arg(old).arg(oldest));
        QVERIFY(w->ended());
        // From the journal's oldest on it resumes.
        auto fresh = watch(QStringLiteral("/api/v1/configmaps?watch=1&resourceVersion=") +
                           QString::number(oldest));
        QTest::qWait(100);
        QVERIFY(!fresh->ended());
        QCOMPARE(fresh->summary(),
                 compact ? QStringList()
                         : QStringList({QStringLiteral("MODIFIED a"), QStringLiteral("MODIFIED a"),
                                        QStringLiteral("MODIFIED a")}));
    }

    void timeoutEndsCleanlyAndKeepsTheConnection()
    {
        auto w = watch(QStringLiteral("/api/v1/configmaps?watch=1&timeoutSeconds=1"));
        w->waitForEvents(2);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(w->waitForEnd(5000));
        QVERIFY(w->ended());
        QVERIFY(timer.elapsed() >= 700);
        QVERIFY(!w->disconnected());
        // The same connection serves the next request.
        w->socket()->write("GET /version HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                           Token.toUtf8() + "\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(w->rest().contains("gitVersion"), 5000);
    }

    void dropWatchesClosesThem()
    {
        auto a = watch(QStringLiteral("/api/v1/configmaps?watch=1"));
        auto b = watch(QStringLiteral("/api/v1/namespaces?watch=1"));
        a->waitForEvents(2);
        b->waitForEvents(2);
        m_server->dropWatches();
        QVERIFY(a->waitForEnd());
        QVERIFY(b->waitForEnd());
        QTRY_VERIFY_WITH_TIMEOUT(a->disconnected() && b->disconnected(), 5000);
        // A new watch is served as before.
        auto c = watch(QStringLiteral("/api/v1/configmaps?watch=1"));
        QCOMPARE(c->waitForEvents(2).size(), 2);
    }

    void faultsApplyToWatches()
    {
        FakeApiServer::FaultRule forbidden;
        forbidden.pathPrefix = QStringLiteral("/api/v1/configmaps");
        forbidden.fault = FakeApiServer::Fault::Status;
        forbidden.status = 403;
        forbidden.message = QStringLiteral("configmaps is forbidden");
        forbidden.times = 1;
        m_server->addFault(forbidden);
        auto refused = watch(QStringLiteral("/api/v1/configmaps?watch=1"));
        QVERIFY(refused->waitForEnd());
        QCOMPARE(refused->status(), 403);
        auto served = watch(QStringLiteral("/api/v1/configmaps?watch=1"));
        QCOMPARE(served->waitForEvents(2).size(), 2);
        QCOMPARE(served->status(), 200);
    }

    void httpWritesAreEvents()
    {
        auto w = watch(QStringLiteral("/api/v1/namespaces/apps/configmaps?watch=1&"
                                      "resourceVersion=") +
                       QString::number(m_server->resourceVersion()));
        const QJsonObject fresh =
            configMap(QStringLiteral("apps"), QStringLiteral("new"), QStringLiteral("1"));
        QCOMPARE(m_http
                     ->send("POST", QStringLiteral("/api/v1/namespaces/apps/configmaps"),
                            QJsonDocument(fresh).toJson())
                     .status,
                 201);
        QCOMPARE(m_http
                     ->send("PATCH",
                            QStringLiteral("/api/v1/namespaces/apps/configmaps/new?"
                                           "fieldManager=test"),
                            QJsonDocument(configMap(QStringLiteral("apps"), QStringLiteral("new"),
                                                    QStringLiteral("2")))
                                .toJson(),
                            "application/apply-patch+yaml")
                     .status,
                 200);
        // A dry run and a write that changes nothing are no events. (The first merge patch
        // changes managedFields: a new manager owns data.v too.)
        QCOMPARE(m_http
                     ->send("DELETE",
                            QStringLiteral("/api/v1/namespaces/apps/configmaps/new?dryRun=All"))
                     .status,
                 200);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(m_http
                         ->send("PATCH", QStringLiteral("/api/v1/namespaces/apps/configmaps/new"),
                                R"({"data":{"v":"2"}})", "application/merge-patch+json")
                         .status,
                     200);
        }
        QCOMPARE(
            m_http->send("DELETE", QStringLiteral("/api/v1/namespaces/apps/configmaps/new")).status,
            200);
        w->waitForEvents(4);
        QTest::qWait(100);
        QCOMPARE(w->summary(),
                 QStringList({QStringLiteral("ADDED new"), QStringLiteral("MODIFIED new"),
                              QStringLiteral("MODIFIED new"), QStringLiteral("DELETED new")}));
    }

    void setObjectsEndsWatches()
    {
        auto w = watch(QStringLiteral("/api/v1/configmaps?watch=1"));
        w->waitForEvents(2);
        const qint64 before = m_server->resourceVersion();
        m_server->setObjects({});
        QVERIFY(w->waitForEnd());
        auto resumed = watch(QStringLiteral("/api/v1/configmaps?watch=1&resourceVersion=") +
                             QString::number(before));
        QVERIFY(resumed->waitForEnd());
        QCOMPARE(resumed->summary(), QStringList{QStringLiteral("ERROR 410")});
    }
};

QTEST_GUILESS_MAIN(TestFakeWatch)
#include "tst_fakewatch.moc"
