#include "kube/kubeclient.h"
#include "kube/resourcewatch.h"
#include "kube/watchstream.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThreadPool>
#include <QtTest>
#include <QUrlQuery>

#include <functional>
#include <memory>

using namespace Fluxdesk;

namespace {

const QString Path = QStringLiteral("/apis/kustomize.toolkit.fluxcd.io/v1/kustomizations");

QJsonObject kustomization(const QString &name, const QString &rv)
{
    return QJsonObject{{QStringLiteral("metadata"),
                        QJsonObject{{QStringLiteral("name"), name},
                                    {QStringLiteral("namespace"), QStringLiteral("flux-system")},
                                    {QStringLiteral("resourceVersion"), rv}}}};
}

QJsonObject kustomization(const QString &name, const char *rv)
{
    return kustomization(name, QString::fromLatin1(rv));
}

QByteArray eventLine(const QString &type, const QJsonObject &object)
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("object"), object}})
               .toJson(QJsonDocument::Compact) +
           '\n';
}

QByteArray bookmark(const QString &rv)
{
    return eventLine(
        QStringLiteral("BOOKMARK"),
        QJsonObject{
            {QStringLiteral("kind"), QStringLiteral("Kustomization")},
            {QStringLiteral("apiVersion"), QStringLiteral("kustomize.toolkit.fluxcd.io/v1")},
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("resourceVersion"), rv}}}});
}

QJsonObject status(int code, const QString &reason, const QString &message)
{
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("Status")},
                       {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("status"), QStringLiteral("Failure")},
                       {QStringLiteral("code"), code},
                       {QStringLiteral("reason"), reason},
                       {QStringLiteral("message"), message}};
}

QString nameOf(const QJsonObject &object)
{
    return object.value(QLatin1String("metadata"))
        .toObject()
        .value(QLatin1String("name"))
        .toString();
}

// A tiny HTTP/1.1 server speaking the watch protocol: lists answered from `objects` at
// `resourceVersion` (paged by `pageSize` when set), watches kept open as chunked streams the test
// writes to, drops or ends. Every request line is logged. `override` answers a request first
// when it returns a status.
class StreamServer : public QObject
{
public:
    struct Answer
    {
        int status = 0; // 0: not overridden; -1: never answered
        QByteArray body;
    };

    QList<QJsonObject> objects;
    QString resourceVersion = QStringLiteral("10");
    int pageSize = 0;
    QStringList requests; // "/path?query"
    std::function<Answer(const QString &)> override;

    StreamServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this]() {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket]() { read(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }

    QStringList lists() const { return filtered(false); }
    QStringList watches() const { return filtered(true); }
    bool streaming() const { return m_stream && m_stream->state() == QTcpSocket::ConnectedState; }

    // One chunk of the open watch: what the client gets in one network read.
    void send(const QByteArray &bytes)
    {
        QVERIFY(m_stream);
        m_stream->write(QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n");
        m_stream->flush();
    }
    // The server's timeoutSeconds passed: the last chunk, the response complete.
    void end()
    {
        QVERIFY(m_stream);
        m_stream->write("0\r\n\r\n");
        m_stream->disconnectFromHost();
        m_stream = nullptr;
    }
    // The connection reset (a restarted API server, a dropped network).
    void drop()
    {
        QVERIFY(m_stream);
        m_stream->abort();
        m_stream = nullptr;
    }

private:
    QStringList filtered(bool watch) const
    {
        QStringList out;
        for (const QString &r : requests)
            if (r.contains(QLatin1String("watch=1")) == watch)
                out << r;
        return out;
    }

    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> requestLine = buffer.left(buffer.indexOf("\r\n")).split(' ');
        buffer.clear();
        const QString target = QString::fromLatin1(requestLine.value(1));
        requests << target;
        if (override) {
            const Answer answer = override(target);
            if (answer.status < 0)
                return;
            if (answer.status)
                return respond(socket, answer.status, answer.body);
        }
        if (target.contains(QLatin1String("watch=1"))) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
            socket->flush();
            m_stream = socket;
            return;
        }
        respond(socket, 200, listBody(QUrlQuery(QUrl(target).query())));
    }

    QByteArray listBody(const QUrlQuery &query) const
    {
        const int from = query.queryItemValue(QStringLiteral("continue")).toInt();
        const int count = pageSize > 0 ? pageSize : int(objects.size());
        QJsonArray items;
        for (int i = from; i < qMin(int(objects.size()), from + count); ++i)
            items.append(objects.at(i));
        QJsonObject metadata{{QStringLiteral("resourceVersion"), resourceVersion}};
        if (from + count < objects.size())
            metadata.insert(QStringLiteral("continue"), QString::number(from + count));
        return QJsonDocument(
                   QJsonObject{{QStringLiteral("apiVersion"),
                                QStringLiteral("kustomize.toolkit.fluxcd.io/v1")},
                               {QStringLiteral("kind"), QStringLiteral("KustomizationList")},
                               {QStringLiteral("metadata"), metadata},
                               {QStringLiteral("items"), items}})
            .toJson(QJsonDocument::Compact);
    }

    static void respond(QTcpSocket *socket, int status, const QByteArray &body)
    {
        socket->write("HTTP/1.1 " + QByteArray::number(status) +
                      (status == 200 ? " OK" : " Error") +
                      "\r\nContent-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QPointer<QTcpSocket> m_stream;
};

} // namespace

// ResourceWatch against a scripted streaming server: the list, then the watch's events as the
// Kubernetes watch protocol sends them, and every way a stream ends.
class TstResourceWatch : public QObject
{
    Q_OBJECT

    std::unique_ptr<StreamServer> m_server;
    std::unique_ptr<KubeClient> m_client;
    std::unique_ptr<ResourceWatch> m_watch;

    ResourceWatch::Options fastOptions() const
    {
        ResourceWatch::Options o;
        o.initialBackoffMs = 20;
        o.maxBackoffMs = 200;
        o.watchTimeoutSeconds = 60;
        return o;
    }

    // Started and watching: the list seen, the watch request open at the server.
    bool startWatching(QSignalSpy *listed = nullptr)
    {
        m_watch->start();
        if (listed && listed->isEmpty() && !listed->wait(5000))
            return false;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 5000 &&
               !(m_server->streaming() && m_watch->state() == ResourceWatch::State::Watching))
            QTest::qWait(5);
        return m_server->streaming() && m_watch->state() == ResourceWatch::State::Watching;
    }

    // Waits until the watch has said `state` at or after the spy's entry `from`. Reconnecting lasts
    // only the backoff (20 ms here), shorter than QTRY's poll, so the spy is read, not state().
    static bool saidState(QSignalSpy &spy, ResourceWatch::State state, qsizetype from = 0)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 5000) {
            for (qsizetype i = from; i < spy.size(); ++i) {
                if (spy.at(i).at(0).value<ResourceWatch::State>() == state)
                    return true;
            }
            QTest::qWait(5);
        }
        return false;
    }

    static QList<WatchEvent> allEvents(const QSignalSpy &spy)
    {
        QList<WatchEvent> all;
        for (const QList<QVariant> &args : spy)
            all += args.at(0).value<QList<WatchEvent>>();
        return all;
    }

private slots:
    void init()
    {
        m_server = std::make_unique<StreamServer>();
        m_server->objects = {kustomization(QStringLiteral("apps"), QStringLiteral("7")),
                             kustomization(QStringLiteral("infra"), QStringLiteral("9"))};
        QVERIFY(m_server->listen());
        ConnectionSettings settings;
        settings.server = m_server->url();
        m_client = std::make_unique<KubeClient>(settings);
        m_watch = std::make_unique<ResourceWatch>(m_client.get(), Path);
        m_watch->setOptions(fastOptions());
    }

    void cleanup()
    {
        m_watch.reset();
        m_client.reset();
        m_server.reset();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

    void cleanupTestCase() { QThreadPool::globalInstance()->waitForDone(); }

    void backoff_data()
    {
        QTest::addColumn<int>("failures");
        QTest::addColumn<double>("jitter");
        QTest::addColumn<qint64>("expected");
        QTest::addRow("first") << 0 << 0.0 << qint64(1000);
        QTest::addRow("second") << 1 << 0.0 << qint64(2000);
        QTest::addRow("third") << 2 << 0.0 << qint64(4000);
        QTest::addRow("fifth") << 4 << 0.0 << qint64(16000);
        QTest::addRow("capped") << 5 << 0.0 << qint64(30000);
        QTest::addRow("capped long after") << 40 << 0.0 << qint64(30000);
        QTest::addRow("jitter adds up to a tenth") << 1 << 0.5 << qint64(2100);
        QTest::addRow("jitter on the cap") << 9 << 0.99 << qint64(32970);
    }
    void backoff()
    {
        QFETCH(int, failures);
        QFETCH(double, jitter);
        QFETCH(qint64, expected);
        QCOMPARE(WatchStream::backoffMs(failures, 1000, 30000, jitter), expected);
    }

    void listThenEventsInOrder()
    {
        QSignalSpy listed(m_watch.get(), &ResourceWatch::listed);
        QSignalSpy events(m_watch.get(), &ResourceWatch::events);
        QVERIFY(startWatching(&listed));
        QCOMPARE(listed.size(), 1);
        const QList<QJsonObject> objects = listed.at(0).at(0).value<QList<QJsonObject>>();
        QCOMPARE(objects.size(), 2);
        QCOMPARE(nameOf(objects.at(0)), QStringLiteral("apps"));
        // Items of a list carry no kind: filled in from the list, as a watch event's object has.
        QCOMPARE(objects.at(0).value(QLatin1String("kind")).toString(),
                 QStringLiteral("Kustomization"));
        QCOMPARE(objects.at(1).value(QLatin1String("apiVersion")).toString(),
                 QStringLiteral("kustomize.toolkit.fluxcd.io/v1"));

        QCOMPARE(m_server->lists(), QStringList{Path + QStringLiteral("?limit=500")});
        QCOMPARE(m_server->watches().size(), 1);
        const QUrlQuery query(QUrl(m_server->watches().at(0)).query());
        QCOMPARE(query.queryItemValue(QStringLiteral("resourceVersion")), QStringLiteral("10"));
        QCOMPARE(query.queryItemValue(QStringLiteral("allowWatchBookmarks")),
                 QStringLiteral("true"));
        const int timeout = query.queryItemValue(QStringLiteral("timeoutSeconds")).toInt();
        QVERIFY2(timeout >= 60 && timeout < 120, qPrintable(QString::number(timeout)));

        // Three events in one read: one batch, in the server's order.
        m_server->send(
            eventLine(QStringLiteral("ADDED"), kustomization(QStringLiteral("new"), "11")) +
            eventLine(QStringLiteral("MODIFIED"), kustomization(QStringLiteral("apps"), "12")) +
            eventLine(QStringLiteral("DELETED"), kustomization(QStringLiteral("infra"), "13")));
        QVERIFY(events.wait(5000));
        QCOMPARE(events.size(), 1);
        const QList<WatchEvent> batch = allEvents(events);
        QCOMPARE(batch.size(), 3);
        QCOMPARE(batch.at(0).type, WatchEvent::Type::Added);
        QCOMPARE(nameOf(batch.at(0).object), QStringLiteral("new"));
        QCOMPARE(batch.at(1).type, WatchEvent::Type::Modified);
        QCOMPARE(nameOf(batch.at(1).object), QStringLiteral("apps"));
        QCOMPARE(batch.at(2).type, WatchEvent::Type::Deleted);
        QCOMPARE(nameOf(batch.at(2).object), QStringLiteral("infra"));
        QCOMPARE(m_watch->resourceVersion(), QStringLiteral("13"));
    }

    void listIsPagedAndSelected()
    {
        for (int i = 0; i < 5; ++i)
            m_server->objects << kustomization(QStringLiteral("k%1").arg(i), QStringLiteral("5"));
        m_server->pageSize = 3;
        ResourceWatch::Options o = fastOptions();
        o.pageSize = 3;
        m_watch->setOptions(o);
        m_watch->setLabelSelector(QStringLiteral("app.kubernetes.io/part-of=flux"));
        QSignalSpy listed(m_watch.get(), &ResourceWatch::listed);
        QVERIFY(startWatching(&listed));
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.at(0).at(0).value<QList<QJsonObject>>().size(), 7);
        const QString selector =
            QStringLiteral("&labelSelector=app.kubernetes.io%2Fpart-of%3Dflux");
        QCOMPARE(m_server->lists(), QStringList({Path + QStringLiteral("?limit=3") + selector,
                                                 Path + QStringLiteral("?limit=3") + selector +
                                                     QStringLiteral("&continue=3"),
                                                 Path + QStringLiteral("?limit=3") + selector +
                                                     QStringLiteral("&continue=6")}));
        QVERIFY(m_server->watches().at(0).endsWith(selector));
    }

    void bookmarkMovesResourceVersion()
    {
        QSignalSpy events(m_watch.get(), &ResourceWatch::events);
        QVERIFY(startWatching());
        m_server->send(bookmark(QStringLiteral("42")));
        QTRY_COMPARE_WITH_TIMEOUT(m_watch->resourceVersion(), QStringLiteral("42"), 5000);
        QCOMPARE(events.size(), 0); // a bookmark is no change of any object
    }

    void droppedConnectionResumesFromLastResourceVersion()
    {
        QSignalSpy listed(m_watch.get(), &ResourceWatch::listed);
        QSignalSpy states(m_watch.get(), &ResourceWatch::stateChanged);
        QVERIFY(startWatching(&listed));
        m_server->send(
            eventLine(QStringLiteral("MODIFIED"), kustomization(QStringLiteral("apps"), "15")));
        m_server->send(bookmark(QStringLiteral("17")));
        QTRY_COMPARE_WITH_TIMEOUT(m_watch->resourceVersion(), QStringLiteral("17"), 5000);
        states.clear();
        m_server->drop();

        QTRY_COMPARE_WITH_TIMEOUT(m_server->watches().size(), 2, 5000);
        const QUrlQuery query(QUrl(m_server->watches().at(1)).query());
        QCOMPARE(query.queryItemValue(QStringLiteral("resourceVersion")), QStringLiteral("17"));
        QCOMPARE(m_server->lists().size(), 1); // resumed, not listed again
        QCOMPARE(listed.size(), 1);
        QVERIFY(states.size() >= 1);
        QCOMPARE(states.at(0).at(0).value<ResourceWatch::State>(),
                 ResourceWatch::State::Reconnecting);
        const QString message = states.at(0).at(1).toString();
        QVERIFY2(message.contains(QLatin1String("reconnecting in 1 second")), qPrintable(message));
        QTRY_COMPARE_WITH_TIMEOUT(m_watch->state(), ResourceWatch::State::Watching, 5000);
    }

    void backoffGrowsWhileFailingAndResetsAfterHealthyStream()
    {
        ResourceWatch::Options o = fastOptions();
        o.initialBackoffMs = 50;
        o.maxBackoffMs = 1000;
        o.healthyStreamMs = 60000;
        m_watch->setOptions(o);
        QVERIFY(startWatching());
        // Each new stream drops at once: 50, 100, 200 ms (plus up to a tenth). The delay is read
        // as the watch says Reconnecting: the retry timer may have fired before a poll sees it.
        QList<int> delays;
        connect(m_watch.get(), &ResourceWatch::stateChanged, this,
                [&delays, this](ResourceWatch::State state) {
                    if (state == ResourceWatch::State::Reconnecting)
                        delays << m_watch->retryDelayMs();
                });
        for (int i = 0; i < 3; ++i) {
            const int watches = int(m_server->watches().size());
            m_server->drop();
            QTRY_COMPARE_WITH_TIMEOUT(delays.size(), i + 1, 5000);
            QTRY_COMPARE_WITH_TIMEOUT(m_server->watches().size(), watches + 1, 5000);
            QTRY_VERIFY_WITH_TIMEOUT(m_server->streaming(), 5000);
            QTRY_COMPARE_WITH_TIMEOUT(m_watch->state(), ResourceWatch::State::Watching, 5000);
        }
        QVERIFY2(delays.at(0) >= 50 && delays.at(0) <= 55,
                 qPrintable(QString::number(delays.at(0))));
        QVERIFY(delays.at(1) >= 100 && delays.at(1) <= 110);
        QVERIFY(delays.at(2) >= 200 && delays.at(2) <= 220);

        // A stream that stayed up long enough was healthy: the next failure waits the least again.
        o.healthyStreamMs = 0;
        m_watch->setOptions(o);
        m_server->drop();
        QTRY_COMPARE_WITH_TIMEOUT(delays.size(), 4, 5000);
        QVERIFY2(delays.at(3) <= 55, qPrintable(QString::number(delays.at(3))));
    }

    void expiredRelists_data()
    {
        QTest::addColumn<bool>("asEvent");
        QTest::addRow("410 as the watch's HTTP status") << false;
        QTest::addRow("410 as an ERROR event in the stream") << true;
    }
    void expiredRelists()
    {
        QFETCH(bool, asEvent);
        QSignalSpy listed(m_watch.get(), &ResourceWatch::listed);
        QVERIFY(startWatching(&listed));
        const QJsonObject gone = status(410, QStringLiteral("Expired"),
                                        QStringLiteral("too old resource version: 10 (250)"));
        m_server->resourceVersion = QStringLiteral("250");
        m_server->objects.removeFirst();
        if (asEvent) {
            m_server->send(eventLine(QStringLiteral("ERROR"), gone));
        } else {
            m_server->override = [gone](const QString &target) {
                if (target.contains(QLatin1String("watch=1")) &&
                    target.contains(QLatin1String("resourceVersion=10&")))
                    return StreamServer::Answer{410, QJsonDocument(gone).toJson()};
                return StreamServer::Answer{};
            };
            m_server->end(); // the next watch from RV 10 hears 410
        }
        QVERIFY(listed.wait(5000));
        QCOMPARE(listed.size(), 2);
        QCOMPARE(listed.at(1).at(0).value<QList<QJsonObject>>().size(), 1);
        QCOMPARE(m_server->lists().size(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(m_watch->state(), ResourceWatch::State::Watching, 5000);
        QCOMPARE(m_watch->resourceVersion(), QStringLiteral("250"));
        const QUrlQuery query(QUrl(m_server->watches().constLast()).query());
        QCOMPARE(query.queryItemValue(QStringLiteral("resourceVersion")), QStringLiteral("250"));
    }

    void timeoutEndsStreamAndWatchesAgainWithoutRelist()
    {
        QSignalSpy listed(m_watch.get(), &ResourceWatch::listed);
        QSignalSpy states(m_watch.get(), &ResourceWatch::stateChanged);
        QVERIFY(startWatching(&listed));
        m_server->send(
            eventLine(QStringLiteral("MODIFIED"), kustomization(QStringLiteral("apps"), "21")));
        QTRY_COMPARE_WITH_TIMEOUT(m_watch->resourceVersion(), QStringLiteral("21"), 5000);
        states.clear();
        m_server->end();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->watches().size(), 2, 5000);
        const QUrlQuery query(QUrl(m_server->watches().at(1)).query());
        QCOMPARE(query.queryItemValue(QStringLiteral("resourceVersion")), QStringLiteral("21"));
        QTRY_VERIFY_WITH_TIMEOUT(m_server->streaming(), 5000);
        QCOMPARE(m_server->lists().size(), 1);
        QCOMPARE(listed.size(), 1);
        QCOMPARE(states.size(), 0); // never Reconnecting: a normal end
        QCOMPARE(m_watch->state(), ResourceWatch::State::Watching);
    }

    void quietStreamPastIdleTimeoutWatchesAgain()
    {
        ResourceWatch::Options o = fastOptions();
        o.idleTimeoutMs = 300;
        m_watch->setOptions(o);
        QSignalSpy listed(m_watch.get(), &ResourceWatch::listed);
        QSignalSpy states(m_watch.get(), &ResourceWatch::stateChanged);
        QVERIFY(startWatching(&listed));
        m_server->send(bookmark(QStringLiteral("60")));
        QTRY_COMPARE_WITH_TIMEOUT(m_watch->resourceVersion(), QStringLiteral("60"), 5000);
        states.clear();
        // Nothing more, not even a bookmark: a connection a NAT forgot looks so.
        QTRY_COMPARE_WITH_TIMEOUT(m_server->watches().size(), 2, 5000);
        const QUrlQuery query(QUrl(m_server->watches().at(1)).query());
        QCOMPARE(query.queryItemValue(QStringLiteral("resourceVersion")), QStringLiteral("60"));
        QCOMPARE(m_server->lists().size(), 1);
        QCOMPARE(listed.size(), 1);
        QCOMPARE(states.size(), 0); // no Reconnecting: the stream was fine, only quiet
    }

    void clientErrorsFailWithServerMessage_data()
    {
        QTest::addColumn<bool>("onWatch");
        QTest::addColumn<int>("code");
        QTest::addRow("403 on the list") << false << 403;
        QTest::addRow("403 on the watch") << true << 403;
        QTest::addRow("404 on the list") << false << 404;
        QTest::addRow("404 on the watch") << true << 404;
    }
    void clientErrorsFailWithServerMessage()
    {
        QFETCH(bool, onWatch);
        QFETCH(int, code);
        const QString message =
            code == 403
                ? QStringLiteral("kustomizations.kustomize.toolkit.fluxcd.io is forbidden: User "
                                 "\"dev\" cannot watch resource \"kustomizations\" in API group "
                                 "\"kustomize.toolkit.fluxcd.io\" at the cluster scope")
                : QStringLiteral("the server could not find the requested resource");
        const QByteArray body =
            QJsonDocument(
                status(code, code == 403 ? QStringLiteral("Forbidden") : QStringLiteral("NotFound"),
                       message))
                .toJson();
        m_server->override = [onWatch, code, body](const QString &target) {
            if (target.contains(QLatin1String("watch=1")) == onWatch)
                return StreamServer::Answer{code, body};
            return StreamServer::Answer{};
        };
        QSignalSpy states(m_watch.get(), &ResourceWatch::stateChanged);
        m_watch->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_watch->state(), ResourceWatch::State::Failed, 5000);
        const QString said = states.constLast().at(1).toString();
        QVERIFY2(said.contains(message), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("HTTP %1").arg(code)), qPrintable(said));
        // Not retried: nothing more asked of the server.
        const int requests = int(m_server->requests.size());
        QTest::qWait(300);
        QCOMPARE(m_server->requests.size(), requests);
        QCOMPARE(m_watch->state(), ResourceWatch::State::Failed);
    }

    void serverErrorOnListRetries()
    {
        int failures = 2;
        m_server->override = [&failures](const QString &target) {
            if (!target.contains(QLatin1String("watch=1")) && failures-- > 0)
                return StreamServer::Answer{
                    503, QJsonDocument(status(503, QStringLiteral("ServiceUnavailable"),
                                              QStringLiteral("etcd is restarting")))
                             .toJson()};
            return StreamServer::Answer{};
        };
        QSignalSpy states(m_watch.get(), &ResourceWatch::stateChanged);
        QSignalSpy listed(m_watch.get(), &ResourceWatch::listed);
        m_watch->start();
        QVERIFY(listed.wait(5000));
        QCOMPARE(m_server->lists().size(), 3);
        bool said = false;
        for (const QList<QVariant> &args : std::as_const(states))
            said = said || (args.at(0).value<ResourceWatch::State>() ==
                                ResourceWatch::State::Reconnecting &&
                            args.at(1).toString().contains(QLatin1String("etcd is restarting")) &&
                            args.at(1).toString().contains(QLatin1String("listing again in")));
        QVERIFY(said);
        m_server->override = nullptr;
    }

    void stopSilences_data()
    {
        QTest::addColumn<bool>("whileListing");
        QTest::addRow("while watching") << false;
        QTest::addRow("while listing") << true;
    }
    void stopSilences()
    {
        QFETCH(bool, whileListing);
        QSignalSpy listed(m_watch.get(), &ResourceWatch::listed);
        QSignalSpy events(m_watch.get(), &ResourceWatch::events);
        QSignalSpy states(m_watch.get(), &ResourceWatch::stateChanged);
        if (whileListing) {
            m_server->override = [](const QString &) { return StreamServer::Answer{-1, {}}; };
            m_watch->start();
            QTRY_COMPARE_WITH_TIMEOUT(m_server->lists().size(), 1, 5000);
            m_watch->stop();
            listed.clear();
            states.clear();
        } else {
            QVERIFY(startWatching(&listed));
            m_server->send(
                eventLine(QStringLiteral("ADDED"), kustomization(QStringLiteral("a"), "11")) +
                eventLine(QStringLiteral("ADDED"), kustomization(QStringLiteral("b"), "12")));
            // Stopped before the event loop delivered the read: nothing of it may come out.
            m_watch->stop();
            listed.clear();
            states.clear();
            if (m_server->streaming()) {
                m_server->send(
                    eventLine(QStringLiteral("ADDED"), kustomization(QStringLiteral("c"), "13")));
                m_server->drop();
            }
        }
        QCOMPARE(m_watch->state(), ResourceWatch::State::Idle);
        QTest::qWait(300);
        QCOMPARE(listed.size(), 0);
        QCOMPARE(events.size(), 0);
        QCOMPARE(states.size(), 0);
        QCOMPARE(m_server->watches().size(), whileListing ? 0 : 1);
    }

    void linesSplitAcrossReads_data()
    {
        QTest::addColumn<QList<int>>("cuts");
        QTest::addRow("in the type") << QList<int>{5};
        QTest::addRow("in the object, twice") << QList<int>{30, 60};
        QTest::addRow("before the newline") << QList<int>{-1};
        QTest::addRow("a byte at a time") << QList<int>{};
    }
    void linesSplitAcrossReads()
    {
        QFETCH(QList<int>, cuts);
        QSignalSpy events(m_watch.get(), &ResourceWatch::events);
        QVERIFY(startWatching());
        const QByteArray line =
            eventLine(QStringLiteral("MODIFIED"), kustomization(QStringLiteral("apps"), "31"));
        const QByteArray next =
            eventLine(QStringLiteral("ADDED"), kustomization(QStringLiteral("late"), "32"));
        QList<QByteArray> pieces;
        if (cuts.isEmpty()) {
            for (char c : line)
                pieces << QByteArray(1, c);
        } else {
            int from = 0;
            for (int cut : std::as_const(cuts)) {
                const int at = cut < 0 ? int(line.size()) + cut : cut;
                pieces << line.mid(from, at - from);
                from = at;
            }
            pieces << line.mid(from);
        }
        pieces.last() += next.left(10); // the next line starts in the same read
        for (const QByteArray &piece : std::as_const(pieces)) {
            m_server->send(piece);
            QTest::qWait(cuts.isEmpty() ? 1 : 30);
        }
        QTRY_COMPARE_WITH_TIMEOUT(allEvents(events).size(), 1, 5000);
        m_server->send(next.mid(10));
        QTRY_COMPARE_WITH_TIMEOUT(allEvents(events).size(), 2, 5000);
        const QList<WatchEvent> all = allEvents(events);
        QCOMPARE(all.at(0).type, WatchEvent::Type::Modified);
        QCOMPARE(all.at(0).object, kustomization(QStringLiteral("apps"), QStringLiteral("31")));
        QCOMPARE(nameOf(all.at(1).object), QStringLiteral("late"));
        QCOMPARE(m_watch->resourceVersion(), QStringLiteral("32"));
    }

    void oversizedLineFailsTheStream_data()
    {
        QTest::addColumn<bool>("terminated");
        QTest::addRow("a whole line over the cap") << true;
        QTest::addRow("an unterminated line growing past the cap") << false;
    }
    void oversizedLineFailsTheStream()
    {
        QFETCH(bool, terminated);
        ResourceWatch::Options o = fastOptions();
        o.maxEventBytes = 1024;
        m_watch->setOptions(o);
        QSignalSpy events(m_watch.get(), &ResourceWatch::events);
        QSignalSpy states(m_watch.get(), &ResourceWatch::stateChanged);
        QVERIFY(startWatching());
        m_server->send(
            eventLine(QStringLiteral("MODIFIED"), kustomization(QStringLiteral("apps"), "40")));
        QTRY_COMPARE_WITH_TIMEOUT(m_watch->resourceVersion(), QStringLiteral("40"), 5000);
        QJsonObject big = kustomization(QStringLiteral("big"), QStringLiteral("41"));
        big.insert(QStringLiteral("data"), QString(2000, QLatin1Char('x')));
        QByteArray line = eventLine(QStringLiteral("ADDED"), big);
        if (terminated) {
            m_server->send(line);
        } else {
            line.chop(1);
            m_server->send(line.left(700));
            QTest::qWait(50);
            m_server->send(line.mid(700)); // still no newline: the tail alone passes the cap
        }
        QVERIFY(saidState(states, ResourceWatch::State::Reconnecting));
        QString message;
        for (const QList<QVariant> &args : std::as_const(states)) {
            if (args.at(0).value<ResourceWatch::State>() == ResourceWatch::State::Reconnecting)
                message = args.at(1).toString();
        }
        QVERIFY2(message.contains(QLatin1String("larger than 1 KiB")), qPrintable(message));
        QVERIFY2(message.contains(Path), qPrintable(message));
        QCOMPARE(allEvents(events).size(), 1); // the big one never half-delivered
        // The next stream resumes after the last event that was whole.
        QTRY_COMPARE_WITH_TIMEOUT(m_server->watches().size(), 2, 5000);
        const QUrlQuery query(QUrl(m_server->watches().at(1)).query());
        QCOMPARE(query.queryItemValue(QStringLiteral("resourceVersion")), QStringLiteral("40"));
    }

    void malformedLineRelists_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addRow("not JSON") << QByteArray("{\"type\":\"ADDED\",\"object\":{\n");
        QTest::addRow("unknown type") << QByteArray("{\"type\":\"RENAMED\",\"object\":{}}\n");
        QTest::addRow("no object") << QByteArray("{\"type\":\"ADDED\"}\n");
        QTest::addRow("an array") << QByteArray("[1,2]\n");
    }
    void malformedLineRelists()
    {
        QFETCH(QByteArray, line);
        QSignalSpy listed(m_watch.get(), &ResourceWatch::listed);
        QSignalSpy events(m_watch.get(), &ResourceWatch::events);
        QSignalSpy states(m_watch.get(), &ResourceWatch::stateChanged);
        QVERIFY(startWatching(&listed));
        // The good event before the bad line still comes out, in order.
        m_server->send(
            eventLine(QStringLiteral("MODIFIED"), kustomization(QStringLiteral("apps"), "50")) +
            line);
        QVERIFY(listed.wait(5000));
        QCOMPARE(listed.size(), 2);
        QCOMPARE(allEvents(events).size(), 1);
        bool said = false;
        for (const QList<QVariant> &args : std::as_const(states))
            said = said || (args.at(0).value<ResourceWatch::State>() ==
                                ResourceWatch::State::Reconnecting &&
                            args.at(1).toString().contains(Path) &&
                            args.at(1).toString().contains(QLatin1String("listing again")));
        QVERIFY(said);
        QTRY_COMPARE_WITH_TIMEOUT(m_watch->state(), ResourceWatch::State::Watching, 5000);
    }

    void largeReadIsParsedInSlices()
    {
        ResourceWatch::Options o = fastOptions();
        o.sliceBytes = 4096;
        m_watch->setOptions(o);
        QSignalSpy events(m_watch.get(), &ResourceWatch::events);
        QVERIFY(startWatching());
        QByteArray bytes;
        for (int i = 0; i < 200; ++i)
            bytes +=
                eventLine(QStringLiteral("MODIFIED"),
                          kustomization(QStringLiteral("k%1").arg(i), QString::number(100 + i)));
        m_server->send(bytes);
        QTRY_COMPARE_WITH_TIMEOUT(allEvents(events).size(), 200, 5000);
        // Several batches, none over a slice's worth, every event once and in order.
        QVERIFY2(events.size() >= bytes.size() / 4096, qPrintable(QString::number(events.size())));
        const QList<WatchEvent> all = allEvents(events);
        for (int i = 0; i < 200; ++i)
            QCOMPARE(nameOf(all.at(i).object), QStringLiteral("k%1").arg(i));
        QCOMPARE(m_watch->resourceVersion(), QStringLiteral("299"));
    }
};

QTEST_MAIN(TstResourceWatch)
#include "tst_resourcewatch.moc"
