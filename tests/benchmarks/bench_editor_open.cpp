// Opens a generated 10,000-object multi-document export (managedFields and status, about 8 MB) in
// the real window's editor, then types into it, and measures how long the UI thread is ever kept
// from its event loop (the longest gap between 5 ms timer ticks and the longest single event
// delivery), the time until the text is shown, and until its lint is listed. Run on demand:
//   cmake --build BUILD --target benchmark_editor
//   BUILD/tests/benchmarks/bench_editor_open [OBJECTS]
#include "core/resources.h"
#include "editorpage.h"
#include "editortabs.h"
#include "mainwindow.h"
#include "yamleditor.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <cstdio>

using namespace Fluxdesk;

namespace {

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
        QByteArray name = receiver->metaObject()->className();
        if (event->type() == QEvent::MetaCall)
            name += " (queued call)";
        const int type = int(event->type());
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

// About 800 bytes an object, as a kubectl export of small Deployments with managedFields and
// status.
QByteArray generateExport(int objects)
{
    QByteArray out;
    out.reserve(objects * 850);
    for (int i = 0; i < objects; ++i) {
        const QByteArray n = QByteArray::number(i);
        out += "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-" + n +
               "\n  namespace: ns-" + QByteArray::number(i % 50) + "\n  uid: 6f1c2a4e-" +
               n.rightJustified(8, '0') + "\n  resourceVersion: \"" +
               QByteArray::number(100000 + i) +
               "\"\n  generation: 3\n  creationTimestamp: \"2025-01-01T00:00:00Z\"\n"
               "  managedFields:\n  - apiVersion: apps/v1\n    fieldsType: FieldsV1\n"
               "    fieldsV1:\n      f:spec:\n        f:replicas: {}\n"
               "    manager: kubectl-client-side-apply\n    operation: Update\n"
               "spec:\n  replicas: 1\n  revisionHistoryLimit: 10\n"
               "  selector:\n    matchLabels:\n      app: app-" +
               n +
               "\n  template:\n    metadata:\n      creationTimestamp: null\n      labels:\n"
               "        app: app-" +
               n +
               "\n    spec:\n      containers:\n      - name: app\n"
               "        image: registry.local/app:1." +
               n +
               "\n        imagePullPolicy: IfNotPresent\n"
               "        terminationMessagePath: /dev/termination-log\n"
               "        terminationMessagePolicy: File\n"
               "      dnsPolicy: ClusterFirst\n      restartPolicy: Always\n"
               "      schedulerName: default-scheduler\n      securityContext: {}\n"
               "status:\n  availableReplicas: 1\n  observedGeneration: 3\n  replicas: 1\n";
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    TimingApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    initResources();
    const int objects = argc > 1 ? QByteArray(argv[1]).toInt() : 10000;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("export.yaml"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return 2;
        file.write(generateExport(objects));
    }
    const qint64 bytes = QFileInfo(path).size();

    MainWindow window;
    window.resize(1280, 800);
    window.show();
    EditorTabs *tabs = window.editorTabs();

    qint64 longestGap = 0;
    QElapsedTimer tick;
    QTimer probe;
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, &app, [&] {
        if (tick.isValid())
            longestGap = qMax(longestGap, tick.elapsed());
        tick.restart();
    });
    // Let the window settle before measuring.
    QTimer::singleShot(300, &app, [&] {
        app.longestMs = 0;
        probe.start();
        QElapsedTimer clock;
        clock.start();
        auto *shown = new qint64(-1);
        auto *linted = new qint64(-1);
        window.openFileInEditor(path);
        EditorPage *page = tabs->currentPage();
        QObject::connect(page->editor(), &YamlEditor::loaded, &app,
                         [&, shown, clock] { *shown = clock.elapsed(); });
        QObject::connect(page, &EditorPage::linted, &app, [&, page, shown, linted, clock] {
            if (*linted >= 0 || *shown < 0)
                return;
            *linted = clock.elapsed();
            const qint64 openGap = longestGap;
            const qint64 openEvent = app.longestMs;
            const QByteArray openWhat = app.longestWhat;
            // Then a user who has seen the problems listed types at the end: the edit is an
            // event of its own (a key press, half a second on), then the re-lint 300 ms later.
            QTimer::singleShot(500, page, [page] {
                page->editor()->moveCursor(QTextCursor::End);
                page->editor()->insertPlainText(QStringLiteral("# edited\n"));
            });
            QObject::connect(
                page, &EditorPage::linted, &app, [&, openGap, openEvent, openWhat, shown, linted] {
                    std::printf("file: %lld bytes, %d objects, %d lines\n", bytes, objects,
                                page->editor()->blockCount());
                    std::printf("text shown after: %lld ms; problems listed after: %lld ms\n",
                                *shown, *linted);
                    std::printf("open: longest UI stall (5 ms tick gap): %lld ms; longest event: "
                                "%lld ms (%s)\n",
                                openGap, openEvent, openWhat.constData());
                    std::printf("open + edit + re-lint: longest UI stall: %lld ms; longest event: "
                                "%lld ms (%s)\n",
                                longestGap, app.longestMs, app.longestWhat.constData());
                    std::fflush(stdout);
                    app.exit(longestGap > 100 ? 1 : 0);
                });
        });
    });
    QTimer::singleShot(300000, &app, [&] {
        std::printf("timed out\n");
        app.exit(3);
    });
    return app.exec();
}
