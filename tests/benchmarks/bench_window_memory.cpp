// The window's memory with a realistic cluster loaded and planned: a generated cluster made
// realistic (every object carries managedFields as the API server keeps them, user-applied ones
// kubectl's last-applied-configuration annotation, workloads their revision annotations) is
// served by the fake API server in a child process (so its copy of the objects is not counted),
// loaded into the real window and planned into an empty checkout, the plan pane showing the plan.
// Reports the load time (connect to finished), the plan time (finished to planReady), the steady
// RSS (VmRSS once events settle, after the allocator returned what it could) and the peak RSS,
// also as it stood when the listing finished (so a peak can be told to be the load's or the
// plan's). Run on demand:
//   cmake --build BUILD --target benchmark_memory
//   BUILD/tests/benchmarks/bench_window_memory [OBJECTS] [LATENCY_MS]
// Builds many QJsonObjects from concatenated strings: QStringBuilder's lazy types do not convert
// to QJsonValue, so this file uses plain QString concatenation.
#undef QT_USE_QSTRINGBUILDER
#include "core/resources.h"
#include "fakeapiserver.h"
#include "kube/clustersession.h"
#include "mainwindow.h"
#include "plan/plansession.h"
#include "plancontroller.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <dlfcn.h>
#include <malloc.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

qint64 statusKiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray name(field);
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(name))
            return line.mid(name.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Hands freed memory back to the system, so VmRSS counts what is held: jemalloc (the window's
// allocator) purges its arenas, glibc trims.
void releaseFreeMemory()
{
    using Mallctl = int (*)(const char *, void *, size_t *, void *, size_t);
    if (auto mallctl = reinterpret_cast<Mallctl>(dlsym(RTLD_DEFAULT, "mallctl"))) {
        mallctl("arena.4096.purge", nullptr, nullptr, nullptr, 0); // MALLCTL_ARENAS_ALL
        return;
    }
    malloc_trim(0);
}

// The f:/v: field set of an object's own fields, as the API server writes fieldsV1.
QJsonObject fieldsOf(const QJsonObject &object)
{
    QJsonObject out;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString field = QStringLiteral("f:") + it.key();
        if (it->isObject()) {
            out.insert(field, fieldsOf(it->toObject()));
        } else if (it->isArray()) {
            QJsonObject items;
            const QJsonArray array = it->toArray();
            for (const QJsonValue &item : array) {
                const QJsonObject element = item.toObject();
                const QString name = element.value(QLatin1String("name")).toString();
                if (!name.isEmpty()) {
                    QJsonObject fields = fieldsOf(element);
                    fields.insert(QStringLiteral("."), QJsonObject());
                    items.insert(QStringLiteral("k:{\"name\":\"") + name + QStringLiteral("\"}"),
                                 fields);
                } else if (item.isString()) {
                    items.insert(QStringLiteral("v:\"") + item.toString() + QLatin1Char('"'),
                                 QJsonObject());
                }
            }
            out.insert(field, items);
        } else {
            out.insert(field, QJsonObject());
        }
    }
    return out;
}

QJsonObject managedEntry(const QString &manager, const QString &operation,
                         const QString &apiVersion, const QJsonObject &fields,
                         const QString &subresource = {})
{
    QJsonObject entry{{QStringLiteral("manager"), manager},
                      {QStringLiteral("operation"), operation},
                      {QStringLiteral("apiVersion"), apiVersion},
                      {QStringLiteral("time"), QStringLiteral("2025-03-01T08:00:00Z")},
                      {QStringLiteral("fieldsType"), QStringLiteral("FieldsV1")},
                      {QStringLiteral("fieldsV1"), fields}};
    if (!subresource.isEmpty())
        entry.insert(QStringLiteral("subresource"), subresource);
    return entry;
}

// What a real cluster adds to the generated objects: managedFields on every object (the
// object's writer, plus the status writer where there is a status), kubectl's
// last-applied-configuration on what the owner applied, revision annotations on workloads.
QList<QJsonObject> realisticCluster(int count)
{
    static const QSet<QString> applied{
        QStringLiteral("Deployment"),     QStringLiteral("StatefulSet"),
        QStringLiteral("DaemonSet"),      QStringLiteral("Service"),
        QStringLiteral("ConfigMap"),      QStringLiteral("Secret"),
        QStringLiteral("Ingress"),        QStringLiteral("HelmRelease"),
        QStringLiteral("ServiceAccount"), QStringLiteral("PersistentVolumeClaim")};
    QList<QJsonObject> objects = generateCluster(count);
    for (QJsonObject &object : objects) {
        const QString kind = object.value(QLatin1String("kind")).toString();
        const QString apiVersion = object.value(QLatin1String("apiVersion")).toString();
        QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
        QJsonObject annotations = metadata.value(QLatin1String("annotations")).toObject();
        QJsonObject spec = object;
        spec.remove(QStringLiteral("status"));
        QJsonObject specMeta;
        for (const char *keep : {"name", "namespace", "labels"}) {
            const QJsonValue v = metadata.value(QLatin1String(keep));
            if (!v.isUndefined())
                specMeta.insert(QLatin1String(keep), v);
        }
        spec.insert(QStringLiteral("metadata"), specMeta);

        QString manager = QStringLiteral("kube-controller-manager");
        if (applied.contains(kind)) {
            manager = QStringLiteral("kubectl-client-side-apply");
            annotations.insert(
                QStringLiteral("kubectl.kubernetes.io/last-applied-configuration"),
                QString::fromUtf8(QJsonDocument(spec).toJson(QJsonDocument::Compact)) +
                    QLatin1Char('\n'));
        } else if (kind == QLatin1String("Namespace") || kind == QLatin1String("Node")) {
            manager = QStringLiteral("k3s");
        }
        if (kind == QLatin1String("Deployment") || kind == QLatin1String("ReplicaSet"))
            annotations.insert(QStringLiteral("deployment.kubernetes.io/revision"),
                               QStringLiteral("1"));
        if (!annotations.isEmpty())
            metadata.insert(QStringLiteral("annotations"), annotations);
        QJsonObject specFields = fieldsOf(spec);
        QJsonObject metaFields = specFields.value(QLatin1String("f:metadata")).toObject();
        metaFields.remove(QStringLiteral("f:name"));
        metaFields.remove(QStringLiteral("f:namespace"));
        if (!annotations.isEmpty())
            metaFields.insert(QStringLiteral("f:annotations"),
                              fieldsOf(QJsonObject{{QStringLiteral("annotations"), annotations}})
                                  .value(QLatin1String("f:annotations")));
        specFields.insert(QStringLiteral("f:metadata"), metaFields);
        specFields.remove(QStringLiteral("f:apiVersion"));
        specFields.remove(QStringLiteral("f:kind"));
        QJsonArray managed{managedEntry(manager, QStringLiteral("Update"), apiVersion, specFields)};
        const QJsonObject status = object.value(QLatin1String("status")).toObject();
        if (!status.isEmpty()) {
            const QString statusManager =
                kind == QLatin1String("Pod") ? QStringLiteral("kubelet") : manager;
            managed.append(managedEntry(statusManager, QStringLiteral("Update"), apiVersion,
                                        QJsonObject{{QStringLiteral("f:status"), fieldsOf(status)}},
                                        QStringLiteral("status")));
        }
        metadata.insert(QStringLiteral("managedFields"), managed);
        object.insert(QStringLiteral("metadata"), metadata);
    }
    return objects;
}

// The fake API server in a child process: generates the cluster, writes the certificates and a
// kubeconfig under `dir`, then writes one byte (1 = ready, 0 = failed) to `ready` and serves
// until the parent exits.
[[noreturn]] void serveInChild(int argc, char **argv, const QString &dir, int objects,
                               int latencyMs, int ready)
{
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    QCoreApplication app(argc, argv);
    char result = 0;
    const TestPki pki = TestPki::generate(dir + QStringLiteral("/pki"));
    if (!pki.ok()) {
        std::fprintf(stderr, "pki: %s\n", qPrintable(pki.error));
        (void)!write(ready, &result, 1);
        _exit(2);
    }
    const QList<QJsonObject> cluster = realisticCluster(objects);
    qint64 bytes = 0;
    for (const QJsonObject &object : cluster)
        bytes += QJsonDocument(object).toJson(QJsonDocument::Compact).size();
    std::printf("cluster: %lld objects, %.1f MB as compact JSON\n",
                static_cast<long long>(cluster.size()), double(bytes) / 1e6);
    std::fflush(stdout);
    FakeApiServer::Options options;
    options.certFile = pki.serverCert;
    options.keyFile = pki.serverKey;
    options.clientCaFile = pki.caCert;
    options.latencyMs = latencyMs;
    FakeApiServer server(options);
    server.setObjects(cluster);
    if (!server.listen() ||
        !server.writeKubeconfig(dir + QStringLiteral("/kubeconfig"), pki,
                                FakeApiServer::Credentials::ClientCertificate)) {
        (void)!write(ready, &result, 1);
        _exit(2);
    }
    result = 1;
    (void)!write(ready, &result, 1);
    app.exec();
    _exit(0);
}

} // namespace

int main(int argc, char **argv)
{
    const int objects = argc > 1 ? std::atoi(argv[1]) : 10000;
    const int latencyMs = argc > 2 ? std::atoi(argv[2]) : 20;
    QTemporaryDir dir;
    int pipeFds[2];
    if (pipe(pipeFds) != 0)
        return 2;
    // Before any Qt object or thread exists in this process.
    const pid_t child = fork();
    if (child < 0)
        return 2;
    if (child == 0) {
        close(pipeFds[0]);
        serveInChild(argc, argv, dir.path(), objects, latencyMs, pipeFds[1]);
    }
    close(pipeFds[1]);
    char ready = 0;
    if (read(pipeFds[0], &ready, 1) != 1 || ready != 1) {
        std::fprintf(stderr, "the fake API server did not start\n");
        return 2;
    }

    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    initResources();
    const QString kubeconfig = dir.filePath(QStringLiteral("kubeconfig"));

    MainWindow window;
    window.resize(1400, 900);
    window.show();
    const QString repo = dir.filePath(QStringLiteral("repo"));
    QDir().mkpath(repo);
    window.openRepository(repo);
    window.openKubeconfig(kubeconfig);
    PlanSession *plan = window.planController()->session();
    QCoreApplication::processEvents();
    releaseFreeMemory();
    const qint64 startRss = statusKiB("VmRSS:");

    QElapsedTimer total;
    qint64 loadMs = -1;
    qint64 planMs = -1;
    qint64 loadPeakRss = -1;
    bool ok = false;
    QString message;
    QObject::connect(window.session(), &ClusterSession::finished, &app,
                     [&](bool success, const QString &text) {
                         ok = success;
                         message = text;
                         loadMs = total.elapsed();
                         loadPeakRss = statusKiB("VmHWM:");
                         if (!ok)
                             QTimer::singleShot(50, &app, &QApplication::quit);
                     });
    QObject::connect(plan, &PlanSession::planReady, &app, [&] {
        if (loadMs < 0 || planMs >= 0)
            return;
        planMs = total.elapsed() - loadMs;
        // Let the views take the plan in and settle before measuring.
        QTimer::singleShot(500, &app, &QApplication::quit);
    });
    QObject::connect(plan, &PlanSession::failed, &app, [&](const QString &text) {
        message = text;
        ok = false;
        app.quit();
    });
    QTimer::singleShot(0, &app, [&] {
        total.start();
        ClusterSource source;
        source.kind = ClusterSource::Kind::Kubeconfig;
        source.kubeconfigFiles = {kubeconfig};
        source.context = QStringLiteral("fake");
        window.connectToSource(source);
    });
    app.exec();
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
    releaseFreeMemory();
    const qint64 steadyRss = statusKiB("VmRSS:");
    const qint64 peakRss = statusKiB("VmHWM:");

    kill(child, SIGTERM);
    waitpid(child, nullptr, 0);

    std::printf("objects loaded: %d%s%s\n", window.session()->inventory().size(),
                ok ? "" : ", failed: ", ok ? "" : qPrintable(message));
    std::printf("load: %lld ms (latency %d ms per request)\n", static_cast<long long>(loadMs),
                latencyMs);
    std::printf("plan: %lld ms (finished to planReady)\n", static_cast<long long>(planMs));
    std::printf("RSS before connecting: %.1f MiB\n", double(startRss) / 1024);
    std::printf("steady RSS: %.1f MiB (loaded and planned, events settled, free memory "
                "released)\n",
                double(steadyRss) / 1024);
    std::printf("peak RSS: %.1f MiB (%.1f MiB when the listing finished)\n", double(peakRss) / 1024,
                double(loadPeakRss) / 1024);
    return ok && planMs >= 0 ? 0 : 1;
}
