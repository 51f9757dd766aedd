// Loads a generated cluster from the fake API server into the real window, which plans it into an
// empty checkout, writes the plan and re-plans; measures how long the UI thread is ever kept from
// its event loop (the longest gap between 5 ms timer ticks) in each phase, the times and the peak
// RSS. Run on demand:
//   cmake --build BUILD --target benchmark_window
//   BUILD/tests/benchmarks/bench_window_load [OBJECTS] [LATENCY_MS]
#include "core/resources.h"
#include "fakeapiserver.h"
#include "items/inventorymodel.h"
#include "kube/clustersession.h"
#include "mainwindow.h"
#include "plan/plansession.h"
#include "plancontroller.h"

#include <QApplication>
#include <QDir>
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
    const QString repo = dir.filePath(QStringLiteral("repo"));
    QDir().mkpath(repo);
    window.openRepository(repo);
    window.openKubeconfig(kubeconfig);
    PlanSession *plan = window.planController()->session();

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

    // Phases: load, then the window's own plan, a write of it, and the re-plan after the write.
    enum Phase
    {
        Load,
        Plan,
        Write,
        Replan,
        Done
    };
    Phase phase = Load;
    qint64 phaseStart = 0;
    qint64 phaseMs[Done] = {};
    qint64 phaseStallMs[Done] = {};
    const auto nextPhase = [&](Phase next) {
        phaseMs[phase] = total.elapsed() - phaseStart;
        phaseStallMs[phase] = longestGapMs;
        longestGapMs = 0;
        phaseStart = total.elapsed();
        phase = next;
    };
    bool ok = false;
    QString message;
    int written = 0;
    QObject::connect(window.session(), &ClusterSession::finished, &app,
                     [&](bool success, const QString &text) {
                         ok = success;
                         message = text;
                         if (!ok)
                             QTimer::singleShot(50, &app, &QApplication::quit);
                         else
                             nextPhase(Plan);
                     });
    QObject::connect(plan, &PlanSession::planReady, &app, [&] {
        if (phase == Plan) {
            // Let the view settle (final layout) before the next phase.
            QTimer::singleShot(50, &app, [&] {
                nextPhase(Write);
                plan->write({}, {});
            });
        } else if (phase == Replan) {
            QTimer::singleShot(50, &app, [&] {
                nextPhase(Done);
                app.quit();
            });
        }
    });
    QObject::connect(plan, &PlanSession::written, &app, [&](const PlanWriteResult &result) {
        written = int(result.created.size());
        nextPhase(Replan);
    });
    QObject::connect(plan, &PlanSession::failed, &app, [&](const QString &text) {
        message = text;
        ok = false;
        app.quit();
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
    std::printf("total: %lld ms (latency %d ms per request)\n",
                static_cast<long long>(total.elapsed()), latencyMs);
    const char *names[Done] = {"load", "plan", "write", "re-plan"};
    for (int p = Load; p < Done; ++p)
        std::printf("%-8s %6lld ms, longest UI-thread stall %lld ms (gap between 5 ms ticks)\n",
                    names[p], static_cast<long long>(phaseMs[p]),
                    static_cast<long long>(phaseStallMs[p]));
    std::printf("plan files written: %d\n", written);
    for (const auto &g : std::as_const(longGaps))
        std::printf("  stall of %lld ms starting at %lld ms\n", static_cast<long long>(g.second),
                    static_cast<long long>(g.first));
    std::printf("longest single event delivery: %lld ms (%s)\n",
                static_cast<long long>(app.longestMs), app.longestWhat.constData());
    std::printf("peak RSS: %lld KiB\n", static_cast<long long>(peakRssKiB()));
    return ok ? 0 : 1;
}
