// Loads a generated cluster from the fake API server into the real window and measures how long
// the UI thread is ever kept from its event loop (the longest gap between 5 ms timer ticks), the
// total load time and the peak RSS. Run on demand:
//   cmake --build BUILD --target benchmark_window
//   BUILD/tests/benchmarks/bench_window_load [OBJECTS] [LATENCY_MS]
#include "core/resources.h"
#include "fakeapiserver.h"
#include "items/inventorymodel.h"
#include "kube/clustersession.h"
#include "mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <cstdio>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

qint64 peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

int countObjects(const QAbstractItemModel *model, const QModelIndex &parent = {})
{
    int n = 0;
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.data(InventoryModel::NodeTypeRole).toInt() == InventoryModel::ObjectNode)
            ++n;
        n += countObjects(model, index);
    }
    return n;
}

// Times every top-level event delivery, so the report can name what held the UI thread longest.
class TimingApplication : public QApplication
{
public:
    using QApplication::QApplication;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (m_depth > 0 || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        ++m_depth;
        QElapsedTimer timer;
        timer.start();
        const int type = int(event->type());
        QByteArray name = receiver->metaObject()->className();
        if (event->type() == QEvent::MetaCall)
            name += " (queued call)";
        const bool result = QApplication::notify(receiver, event);
        const qint64 ms = timer.elapsed();
        if (ms > longestMs) {
            longestMs = ms;
            longestWhat = name + " event " + QByteArray::number(type);
        }
        --m_depth;
        return result;
    }

    qint64 longestMs = 0;
    QByteArray longestWhat;

private:
    int m_depth = 0;
};

} // namespace

int main(int argc, char **argv)
{
    TimingApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    initResources();
    const QStringList args = app.arguments();
    const int objects = args.value(1, QStringLiteral("10000")).toInt();
    const int latencyMs = args.value(2, QStringLiteral("20")).toInt();

    QTemporaryDir dir;
    const TestPki pki = TestPki::generate(dir.filePath(QStringLiteral("pki")));
    if (!pki.ok()) {
        std::fprintf(stderr, "pki: %s\n", qPrintable(pki.error));
        return 2;
    }
    FakeApiServer::Options options;
    options.certFile = pki.serverCert;
    options.keyFile = pki.serverKey;
    options.clientCaFile = pki.caCert;
    options.latencyMs = latencyMs;
    FakeApiServerThread server(options);
    if (!server.start(generateCluster(objects)))
        return 2;
    const QString kubeconfig = dir.filePath(QStringLiteral("kubeconfig"));
    server.server()->writeKubeconfig(kubeconfig, pki,
                                     FakeApiServer::Credentials::ClientCertificate);

    MainWindow window;
    window.resize(1400, 900);
    window.show();
    window.openKubeconfig(kubeconfig);

    // The longest time the UI thread did not get back to its event loop.
    QElapsedTimer sinceTick;
    qint64 longestGapMs = 0;
    QList<QPair<qint64, qint64>> longGaps; // (ms since start, gap) for gaps over 30 ms
    QElapsedTimer total;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(5);
    QObject::connect(&ticker, &QTimer::timeout, &app, [&] {
        const qint64 gap = sinceTick.restart();
        longestGapMs = std::max(longestGapMs, gap);
        if (gap > 30)
            longGaps.append({total.elapsed() - gap, gap});
    });

    bool ok = false;
    QString message;
    QObject::connect(window.session(), &ClusterSession::finished, &app,
                     [&](bool success, const QString &text) {
                         ok = success;
                         message = text;
                         // Let the view settle (final layout) before stopping the clock.
                         QTimer::singleShot(50, &app, &QApplication::quit);
                     });
    QTimer::singleShot(0, &app, [&] {
        total.start();
        sinceTick.start();
        ticker.start();
        ClusterSource source;
        source.kind = ClusterSource::Kind::Kubeconfig;
        source.kubeconfigFiles = {kubeconfig};
        source.context = QStringLiteral("fake");
        window.connectToSource(source);
    });
    app.exec();
    ticker.stop();

    const int inModel = countObjects(window.inventoryModel());
    std::printf("objects loaded: %d (model rows: %d)%s%s\n", window.session()->inventory().size(),
                inModel, ok ? "" : ", failed: ", ok ? "" : qPrintable(message));
    std::printf("load time: %lld ms (latency %d ms per request)\n",
                static_cast<long long>(total.elapsed()), latencyMs);
    std::printf("longest UI-thread stall: %lld ms (gap between 5 ms ticks)\n",
                static_cast<long long>(longestGapMs));
    for (const auto &g : std::as_const(longGaps))
        std::printf("  stall of %lld ms starting at %lld ms\n", static_cast<long long>(g.second),
                    static_cast<long long>(g.first));
    std::printf("longest single event delivery: %lld ms (%s)\n",
                static_cast<long long>(app.longestMs), app.longestWhat.constData());
    std::printf("peak RSS: %lld KiB\n", static_cast<long long>(peakRssKiB()));
    return ok ? 0 : 1;
}
