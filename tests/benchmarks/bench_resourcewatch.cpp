// What a live watch costs the UI thread: how fast watch events are parsed, and how long a change
// made in the (fake) API server takes to reach ResourceWatch::events(), with OBJECTS Flux
// Kustomizations changing at once, ROUNDS times; the longest UI-thread stall meanwhile (the gap
// between 5 ms timer ticks). Run on demand:
//   cmake --build BUILD --target benchmark_watch
//   BUILD/tests/benchmarks/bench_resourcewatch [OBJECTS] [ROUNDS]
#include "fakeapiserver.h"
#include "fakecontroller.h"
#include "kube/kubeclient.h"
#include "kube/resourcewatch.h"
#include "kube/watchstream.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <functional>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

const QString Path = QStringLiteral("/apis/kustomize.toolkit.fluxcd.io/v1/kustomizations");

// A Kustomization as kustomize-controller leaves it: spec, conditions, an inventory of 20 entries.
QJsonObject kustomization(int i, int round, qint64 sentNs)
{
    const QString name = QStringLiteral("app-%1").arg(i);
    QJsonArray entries;
    for (int e = 0; e < 20; ++e)
        entries.append(QJsonObject{
            {QStringLiteral("id"), QStringLiteral("apps_%1-%2_apps_Deployment").arg(name).arg(e)},
            {QStringLiteral("v"), QStringLiteral("v1")}});
    const QString revision =
        QStringLiteral("main@sha1:%1").arg(QString::number(round).repeated(40).left(40));
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("kustomize.toolkit.fluxcd.io/v1")},
        {QStringLiteral("kind"), QStringLiteral("Kustomization")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name},
                     {QStringLiteral("namespace"), QStringLiteral("flux-system")},
                     {QStringLiteral("annotations"),
                      QJsonObject{{QStringLiteral("bench/sent-ns"), QString::number(sentNs)}}}}},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("interval"), QStringLiteral("10m0s")},
                     {QStringLiteral("path"), QStringLiteral("./apps/%1").arg(name)},
                     {QStringLiteral("prune"), true},
                     {QStringLiteral("sourceRef"),
                      QJsonObject{{QStringLiteral("kind"), QStringLiteral("GitRepository")},
                                  {QStringLiteral("name"), QStringLiteral("flux-system")}}}}},
        {QStringLiteral("status"),
         QJsonObject{
             {QStringLiteral("observedGeneration"), round + 1},
             {QStringLiteral("lastAppliedRevision"), revision},
             {QStringLiteral("lastAttemptedRevision"), revision},
             {QStringLiteral("conditions"),
              QJsonArray{QJsonObject{
                  {QStringLiteral("type"), QStringLiteral("Ready")},
                  {QStringLiteral("status"), QStringLiteral("True")},
                  {QStringLiteral("reason"), QStringLiteral("ReconciliationSucceeded")},
                  {QStringLiteral("message"), QStringLiteral("Applied revision: %1").arg(revision)},
                  {QStringLiteral("lastTransitionTime"), QStringLiteral("2026-12-07T18:00:00Z")}}}},
             {QStringLiteral("inventory"), QJsonObject{{QStringLiteral("entries"), entries}}}}}};
}

qint64 percentile(QList<qint64> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(qMin(values.size() - 1, qsizetype(double(values.size()) * p)));
}

// Pure parsing: the bytes of `count` events through the line splitter and the event parser.
void parseThroughput(int count)
{
    QByteArray stream;
    for (int i = 0; i < count; ++i)
        stream += QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("MODIFIED")},
                                            {QStringLiteral("object"), kustomization(i, 1, 0)}})
                      .toJson(QJsonDocument::Compact) +
                  '\n';
    QElapsedTimer timer;
    timer.start();
    int parsed = 0;
    const int repeats = 5;
    for (int r = 0; r < repeats; ++r) {
        WatchStream::LineSplitter lines(16 * 1024 * 1024);
        // Network reads of 16 KiB, as a TLS socket delivers them.
        for (qsizetype at = 0; at < stream.size(); at += 16384) {
            lines.append(stream.mid(at, 16384));
            QByteArray line;
            while (lines.next(&line) == WatchStream::LineSplitter::Next::Line)
                parsed += WatchStream::parseEvent(line, Path).ok() ? 1 : 0;
        }
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    std::printf("parse:   %d events of %lld bytes each: %.0f events/s, %.1f MB/s\n", parsed,
                static_cast<long long>(stream.size() / count), parsed / seconds,
                double(stream.size()) * repeats / seconds / 1e6);
}

// A bare streaming server in its own thread: answers the list, holds the watch open and writes a
// burst of `count` events in one go when asked, each stamped with the time it was written, so
// what is measured is the client alone (no fake server's bookkeeping in the figures).
class BurstServer : public QObject
{
public:
    BurstServer(const QElapsedTimer &clock, int count)
        : m_server(this), m_clock(clock), m_count(count)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this]() {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [this, socket]() { answer(socket); });
        });
    }
    QTcpServer m_server;
    std::atomic<qint64> writtenNs{0};

    void burst(int round)
    {
        QByteArray lines;
        for (int i = 0; i < m_count; ++i)
            lines += QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("MODIFIED")},
                                               {QStringLiteral("object"),
                                                kustomization(i, round, m_clock.nsecsElapsed())}})
                         .toJson(QJsonDocument::Compact) +
                     '\n';
        m_stream->write(QByteArray::number(lines.size(), 16) + "\r\n" + lines + "\r\n");
        m_stream->flush();
    }

private:
    void answer(QTcpSocket *socket)
    {
        const QByteArray request = socket->readAll();
        if (request.contains("watch=1")) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n");
            socket->flush();
            m_stream = socket;
            return;
        }
        const QByteArray body = "{\"kind\":\"KustomizationList\",\"apiVersion\":"
                                "\"kustomize.toolkit.fluxcd.io/v1\",\"metadata\":"
                                "{\"resourceVersion\":\"1\"},\"items\":[]}";
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\n\r\n" + body);
    }

    const QElapsedTimer &m_clock;
    int m_count;
    QPointer<QTcpSocket> m_stream;
};

// How long the UI thread is kept from its loop: the longest gap between 5 ms ticks.
struct StallProbe
{
    explicit StallProbe(const QElapsedTimer &clock) : m_clock(clock)
    {
        m_ticker.setInterval(5);
        QObject::connect(&m_ticker, &QTimer::timeout, &m_ticker, [this]() {
            const qint64 now = m_clock.elapsed();
            longestGap = qMax(longestGap, now - m_last - 5);
            m_last = now;
        });
    }
    void start()
    {
        m_last = m_clock.elapsed();
        longestGap = 0;
        m_ticker.start();
    }
    void stop() { m_ticker.stop(); }
    qint64 longestGap = 0;

private:
    const QElapsedTimer &m_clock;
    QTimer m_ticker;
    qint64 m_last = 0;
};

struct Latencies
{
    QList<qint64> all;
    int received = 0;
    int batches = 0;
    // sentNs: when the events were written, or 0: read from each object's annotation.
    void add(const QList<WatchEvent> &events, qint64 now, qint64 sentNs = 0)
    {
        ++batches;
        for (const WatchEvent &event : events)
            all << now - (sentNs ? sentNs
                                 : event.object.value(QLatin1String("metadata"))
                                       .toObject()
                                       .value(QLatin1String("annotations"))
                                       .toObject()
                                       .value(QLatin1String("bench/sent-ns"))
                                       .toString()
                                       .toLongLong());
        received += int(events.size());
    }
};

bool waitFor(const std::function<bool()> &done, int ms = 30000)
{
    QElapsedTimer wait;
    wait.start();
    while (!done() && wait.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    return done();
}

// The client alone: bursts of `count` events written at once by BurstServer.
bool clientBursts(const QElapsedTimer &clock, int count, int rounds)
{
    QThread serverThread;
    auto *server = new BurstServer(clock, count);
    server->moveToThread(&serverThread);
    serverThread.start();
    quint16 port = 0;
    QMetaObject::invokeMethod(
        server,
        [server, &port]() {
            server->m_server.listen(QHostAddress::LocalHost);
            port = server->m_server.serverPort();
        },
        Qt::BlockingQueuedConnection);

    ConnectionSettings settings;
    settings.server = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    KubeClient client(settings);
    ResourceWatch watch(&client, Path);
    Latencies latencies;
    QObject::connect(&watch, &ResourceWatch::events, &watch, [&](const QList<WatchEvent> &events) {
        latencies.add(events, clock.nsecsElapsed(), server->writtenNs);
    });
    watch.start();
    bool ok = waitFor([&]() { return watch.state() == ResourceWatch::State::Watching; });
    StallProbe probe(clock);
    probe.start();
    for (int round = 1; ok && round <= rounds; ++round) {
        QMetaObject::invokeMethod(
            server, [server, round]() { server->burst(round); }, Qt::QueuedConnection);
        ok = waitFor([&]() { return latencies.received >= round * count; });
    }
    probe.stop();
    watch.stop();
    QMetaObject::invokeMethod(
        server, [server]() { delete server; }, Qt::BlockingQueuedConnection);
    serverThread.quit();
    serverThread.wait();
    if (!ok) {
        std::fprintf(stderr, "client bursts: %d of %d events arrived\n", latencies.received,
                     rounds * count);
        return false;
    }
    std::printf("client:  %d bursts of %d events (a bare stream, no server work counted): written "
                "-> events() median %.1f ms, max %.1f ms; %d "
                "batches; longest UI-thread stall %lld ms\n",
                rounds, count, percentile(latencies.all, 0.5) / 1e6,
                percentile(latencies.all, 1.0) / 1e6, latencies.batches,
                static_cast<long long>(probe.longestGap));
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int objects = argc > 1 ? QByteArray(argv[1]).toInt() : 200;
    const int rounds = argc > 2 ? QByteArray(argv[2]).toInt() : 20;
    QElapsedTimer clock;
    clock.start();

    parseThroughput(objects * 10);
    if (!clientBursts(clock, objects, rounds))
        return 1;

    // The fake API server: single changes one at a time (a status change reaching the watch),
    // then all objects changing at once, the fake's own bookkeeping included.
    FakeApiServer::Options options;
    options.tls = false;
    options.token = QStringLiteral("bench-token");
    FakeApiServerThread thread(options);
    QList<QJsonObject> initial;
    for (int i = 0; i < objects; ++i)
        initial << kustomization(i, 0, 0);
    if (!thread.start(initial)) {
        std::fprintf(stderr, "the fake API server did not start\n");
        return 1;
    }
    FakeApiServer *server = thread.server();
    ConnectionSettings settings;
    settings.server = thread.url();
    settings.bearerToken = options.token;
    KubeClient client(settings);
    ResourceWatch watch(&client, Path);
    Latencies latencies;
    QObject::connect(&watch, &ResourceWatch::events, &watch, [&](const QList<WatchEvent> &events) {
        latencies.add(events, clock.nsecsElapsed());
    });
    QElapsedTimer listTime;
    listTime.start();
    watch.start();
    if (!waitFor([&]() { return watch.state() == ResourceWatch::State::Watching; })) {
        std::fprintf(stderr, "the watch of the fake never started\n");
        return 1;
    }
    std::printf("fake:    %d objects listed and watched in %lld ms\n", objects,
                static_cast<long long>(listTime.elapsed()));

    const auto write = [server, &clock](int first, int count, int round) {
        QMetaObject::invokeMethod(
            server,
            [server, &clock, first, count, round]() {
                for (int i = first; i < first + count; ++i)
                    server->applyChange(FakeChange{
                        FakeChange::Type::Put, kustomization(i, round, clock.nsecsElapsed()), 0});
            },
            Qt::QueuedConnection);
    };
    for (int round = 1; round <= rounds; ++round) {
        write(round % objects, 1, round);
        if (!waitFor([&]() { return latencies.received >= round; })) {
            std::fprintf(stderr, "the fake's change %d never arrived\n", round);
            return 1;
        }
        QThread::msleep(20);
    }
    std::printf("fake:    %d single changes: change in the server -> events() median %.1f ms, "
                "p95 %.1f ms, max %.1f ms\n",
                rounds, percentile(latencies.all, 0.5) / 1e6, percentile(latencies.all, 0.95) / 1e6,
                percentile(latencies.all, 1.0) / 1e6);

    latencies = Latencies();
    StallProbe probe(clock);
    probe.start();
    QElapsedTimer burst;
    burst.start();
    write(0, objects, rounds + 1);
    if (!waitFor([&]() { return latencies.received >= objects; }, 120000)) {
        std::fprintf(stderr, "the fake's burst: %d of %d events arrived\n", latencies.received,
                     objects);
        return 1;
    }
    probe.stop();
    std::printf("fake:    %d changes at once: all arrived after %lld ms (the fake stores one "
                "write at a time), %d batches, longest UI-thread stall %lld ms\n",
                objects, static_cast<long long>(burst.elapsed()), latencies.batches,
                static_cast<long long>(probe.longestGap));
    watch.stop();
    return 0;
}
