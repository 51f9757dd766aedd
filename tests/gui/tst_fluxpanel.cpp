// The Flux dock in the window against the fake API server and its simulated Flux: the objects
// appear and go Ready live, the selected one's conditions and Events show, Suspend, Resume and
// Reconcile from the UI land on the server (Reconcile refused on a suspended object with the
// reason), the demo cluster says Flux status needs a live cluster. And with 200 Flux objects
// changing on the server: the longest UI-thread stall and the latency from a change to the row.
#include "core/resources.h"
#include "fakeapiserver.h"
#include "fakeflux.h"
#include "flux/fluxeventsfetch.h"
#include "flux/fluxlivestate.h"
#include "flux/fluxwatchsession.h"
#include "fluxcontroller.h"
#include "fluxdetailview.h"
#include "fluxpanel.h"
#include "items/fluxstatusmodel.h"
#include "kube/clustersession.h"
#include "kube/kubeclient.h"
#include "mainwindow.h"
#include "takeovertesting.h"

#include <QAction>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

#include <algorithm>
#include <atomic>
#include <memory>
#include <thread>

#ifdef Q_OS_LINUX
#include <time.h>
#endif

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

constexpr int TimeoutMs = 20000;
const QString Token = QStringLiteral("fluxpanel-token");
const QString Commit = QStringLiteral("0123456789abcdef0123456789abcdef01234567");

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

template <typename T> T *child(QObject *parent, const char *name)
{
    return parent->findChild<T *>(QLatin1String(name));
}

QJsonObject object(const char *apiVersion, const char *kind, const char *ns, const QString &name,
                   const QJsonObject &spec = {})
{
    QJsonObject meta{{s("name"), name}};
    if (*ns)
        meta.insert(s("namespace"), s(ns));
    QJsonObject o{{s("apiVersion"), s(apiVersion)}, {s("kind"), s(kind)}, {s("metadata"), meta}};
    if (!spec.isEmpty())
        o.insert(s("spec"), spec);
    return o;
}

QJsonObject controller(const char *name)
{
    QJsonObject d = object("apps/v1", "Deployment", "flux-system", s(name));
    d.insert(s("status"),
             QJsonObject{{s("conditions"), QJsonArray{QJsonObject{{s("type"), s("Available")},
                                                                  {s("status"), s("True")}}}}});
    return d;
}

QJsonObject kustomization(const QString &name, const QJsonArray &dependsOn = {})
{
    QJsonObject spec{{s("interval"), s("10m")},
                     {s("path"), QString(s("./") + name)},
                     {s("prune"), true},
                     {s("sourceRef"),
                      QJsonObject{{s("kind"), s("GitRepository")}, {s("name"), s("flux-system")}}}};
    if (!dependsOn.isEmpty())
        spec.insert(s("dependsOn"), dependsOn);
    return object("kustomize.toolkit.fluxcd.io/v1", "Kustomization", "flux-system", name, spec);
}

QList<QJsonObject> fluxCluster()
{
    return {object("v1", "Namespace", "", s("flux-system")),
            controller("source-controller"),
            controller("kustomize-controller"),
            controller("helm-controller"),
            object("source.toolkit.fluxcd.io/v1", "GitRepository", "flux-system", s("flux-system"),
                   {{s("url"), s("file:///srv/git/home.git")},
                    {s("interval"), s("1m")},
                    {s("ref"), QJsonObject{{s("branch"), s("main")}}}}),
            kustomization(s("infrastructure")),
            kustomization(s("apps"), QJsonArray{QJsonObject{{s("name"), s("infrastructure")}}})};
}

// A Kustomization with a Ready condition saying message (the 200-object case: no controller).
QJsonObject readyKustomization(int i, const QString &message)
{
    QJsonObject o = kustomization(QStringLiteral("app-%1").arg(i, 3, 10, QLatin1Char('0')));
    o.insert(s("status"),
             QJsonObject{{s("conditions"),
                          QJsonArray{QJsonObject{{s("type"), s("Ready")},
                                                 {s("status"), s("True")},
                                                 {s("reason"), s("ReconciliationSucceeded")},
                                                 {s("message"), message}}}}});
    return o;
}

QJsonObject stored(const FakeApiServer *server, const char *kind, const char *name)
{
    return Fluxdesk::Testing::findObject(server->objects(), kind, name);
}

FluxRef kustomizationRef(const char *name)
{
    return FluxRef{s("kustomize.toolkit.fluxcd.io"), s("Kustomization"), s("flux-system"), s(name)};
}

// The calling thread's CPU time: a heartbeat's gap during which the UI thread barely ran was the
// machine's scheduler (other processes on a shared machine), not work on the UI thread.
qint64 threadCpuNs()
{
#ifdef Q_OS_LINUX
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
#else
    return 0;
#endif
}

QString rowText(FluxStatusModel *model, const FluxRef &ref, int column)
{
    return model->indexOf(ref, column).data().toString();
}

} // namespace

class TestFluxPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        initResources();
        QVERIFY(m_dir.isValid());
        qputenv("KUBECONFIG", m_dir.filePath(s("missing-kubeconfig")).toUtf8());
    }

    void init()
    {
        QFile::remove(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
                      QLatin1String("/Fluxdesk/Fluxdesk.conf"));
    }

    void liveObjectsDetailsAndActions()
    {
        auto flux = std::make_shared<FakeFlux>(
            [](const QString &, const QJsonObject &) {
                return FakeFluxFetch{Commit, s("/checkout"), QString()};
            },
            [](const QString &, const QString &) -> Result<QList<QJsonObject>> {
                return QList<QJsonObject>();
            });
        // Slow enough that the window lists them before they are Ready.
        flux->setDelayMs(1500);
        FakeApiServerThread server(serverOptions());
        QVERIFY(server.start(fluxCluster()));
        server.server()->addController(flux);

        MainWindow window;
        window.show();
        QSignalSpy finished(window.session(), &ClusterSession::finished);
        StartupOptions options;
        options.kubeconfig = writeKubeconfig(server.server(), "flux");
        window.start(options);
        QVERIFY(finished.wait(TimeoutMs));

        auto *panel = child<FluxPanel>(&window, "fluxPanel");
        QVERIFY(panel);
        QVERIFY(panel->isVisible());
        auto *tree = child<QTreeView>(panel, "fluxTree");
        FluxStatusModel *model = window.fluxController()->model();
        const FluxRef apps = kustomizationRef("apps");
        // Listed while still on its way, then Ready as the watch reports it.
        QTRY_VERIFY_WITH_TIMEOUT(model->indexOf(apps).isValid(), TimeoutMs);
        QVERIFY2(rowText(model, apps, FluxStatusModel::StatusColumn) != s("Ready"),
                 qPrintable(rowText(model, apps, FluxStatusModel::StatusColumn)));
        QTRY_COMPARE_WITH_TIMEOUT(rowText(model, apps, FluxStatusModel::StatusColumn), s("Ready"),
                                  TimeoutMs);
        QCOMPARE(rowText(model, apps, FluxStatusModel::RevisionColumn), s("main@sha1:") + Commit);
        QVERIFY(!child<QLabel>(panel, "fluxNotice")->isVisible());
        QCOMPARE(child<QLabel>(panel, "fluxWatchSummary")->text(), s("Watching 2 Flux kinds"));
        // Every served kind listed: the plan may say what the cluster lacks.
        QTRY_VERIFY_WITH_TIMEOUT(window.fluxController()->isWatching(), TimeoutMs);

        // The filter narrows the tree.
        auto *filter = child<QLineEdit>(panel, "fluxFilterEdit");
        QTest::keyClicks(filter, s("infra"));
        const auto find = [tree](const char *name) {
            return tree->model()->match(tree->model()->index(0, 0), Qt::DisplayRole, s(name), 1,
                                        Qt::MatchExactly | Qt::MatchRecursive);
        };
        QVERIFY(find("apps").isEmpty());
        QCOMPARE(find("infrastructure").size(), 1);
        filter->clear();

        // Select it as a user does: a click on its row.
        const QModelIndexList hits = find("apps");
        QCOMPARE(hits.size(), 1);
        tree->scrollTo(hits.first());
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {},
                          tree->visualRect(hits.first()).center());
        QCOMPARE(panel->currentRef(), apps);
        auto *detail = child<FluxDetailView>(panel, "fluxDetailView");
        QTRY_VERIFY_WITH_TIMEOUT(detail->toPlainText().contains(s("ReconciliationSucceeded")),
                                 TimeoutMs);
        QVERIFY(detail->toPlainText().contains(s("Conditions")));
        QVERIFY2(detail->toPlainText().contains(s("Kustomization flux-system/infrastructure")),
                 qPrintable(detail->toPlainText()));
        // Its Events, from the server (kustomize-controller's).
        QTRY_VERIFY2_WITH_TIMEOUT(detail->toPlainText().contains(s("kustomize-controller")),
                                  qPrintable(detail->toPlainText()), TimeoutMs);

        // Suspend from the tool bar: the server's object gets spec.suspend true.
        QAction *reconcile = window.findChild<QAction *>(s("fluxReconcileAction"));
        QAction *suspend = window.findChild<QAction *>(s("fluxSuspendAction"));
        QAction *resume = window.findChild<QAction *>(s("fluxResumeAction"));
        QVERIFY(reconcile && suspend && resume);
        QVERIFY(reconcile->isEnabled());
        QVERIFY(suspend->isEnabled());
        QVERIFY(!resume->isEnabled());
        QTest::mouseClick(child<QToolButton>(panel, "fluxSuspendActionButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(stored(server.server(), "Kustomization", "apps")
                                      .value(s("spec"))
                                      .toObject()
                                      .value(s("suspend")),
                                  QJsonValue(true), TimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(rowText(model, apps, FluxStatusModel::StatusColumn),
                                  s("Suspended"), TimeoutMs);
        // Disabled while the Suspend runs, then for the reason that it is suspended.
        QTRY_VERIFY2_WITH_TIMEOUT(reconcile->toolTip().contains(s("suspended")),
                                  qPrintable(reconcile->toolTip()), TimeoutMs);
        QVERIFY(!reconcile->isEnabled());
        QVERIFY(resume->isEnabled());
        QVERIFY(child<QLabel>(panel, "fluxActionStatus")->text().contains(s("suspended")));

        // Resume from the Flux menu's action: the field is gone again.
        resume->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!stored(server.server(), "Kustomization", "apps")
                                      .value(s("spec"))
                                      .toObject()
                                      .contains(s("suspend")),
                                 TimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(reconcile->isEnabled(), TimeoutMs);

        // Reconcile with the shortcut in the Flux tree: kustomize-controller answers the token.
        tree->setFocus();
        QTest::keyClick(tree, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        const auto requestedAt = [&server] {
            return stored(server.server(), "Kustomization", "apps")
                .value(s("metadata"))
                .toObject()
                .value(s("annotations"))
                .toObject()
                .value(s("reconcile.fluxcd.io/requestedAt"))
                .toString();
        };
        QTRY_VERIFY_WITH_TIMEOUT(!requestedAt().isEmpty(), TimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(stored(server.server(), "Kustomization", "apps")
                                      .value(s("status"))
                                      .toObject()
                                      .value(s("lastHandledReconcileAt"))
                                      .toString(),
                                  requestedAt(), TimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>(panel, "fluxActionStatus")->text().contains(s("apps reconciled")),
            TimeoutMs);
        // The live state caught up with the answer too.
        QTRY_COMPARE_WITH_TIMEOUT(
            window.fluxController()->liveState()->status(apps)->lastHandledReconcileAt,
            requestedAt(), TimeoutMs);
    }

    void serverRefusalInItsOwnWords()
    {
        FakeApiServerThread server(serverOptions());
        QVERIFY(server.start(fluxCluster()));
        MainWindow window;
        window.show();
        QSignalSpy finished(window.session(), &ClusterSession::finished);
        StartupOptions options;
        options.kubeconfig = writeKubeconfig(server.server(), "refusal");
        window.start(options);
        QVERIFY(finished.wait(TimeoutMs));
        auto *panel = child<FluxPanel>(&window, "fluxPanel");
        QTRY_VERIFY_WITH_TIMEOUT(panel->selectRef(kustomizationRef("apps")), TimeoutMs);
        FakeApiServer::FaultRule denied;
        denied.pathPrefix = s("/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/"
                              "kustomizations/apps");
        denied.fault = FakeApiServer::Fault::Status;
        denied.status = 403;
        denied.message = s("kustomizations.kustomize.toolkit.fluxcd.io \"apps\" is forbidden: "
                           "User \"viewer\" cannot patch resource");
        server.server()->addFault(denied);
        QAction *suspend = window.findChild<QAction *>(s("fluxSuspendAction"));
        QTRY_VERIFY(suspend->isEnabled());
        suspend->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(panel, "fluxActionStatus")
                                     ->text()
                                     .contains(s("User \"viewer\" cannot patch resource")),
                                 TimeoutMs);
    }

    // The Events of one object with a field selector on each API; a fetch superseded by the next
    // selection brings nothing.
    void eventsFetchDropsASupersededFetch()
    {
        auto flux = std::make_shared<FakeFlux>(
            [](const QString &, const QJsonObject &) {
                return FakeFluxFetch{Commit, s("/checkout"), QString()};
            },
            [](const QString &, const QString &) -> Result<QList<QJsonObject>> {
                return QList<QJsonObject>();
            });
        FakeApiServerThread server(serverOptions());
        QVERIFY(server.start(fluxCluster()));
        server.server()->addController(flux);
        QTRY_VERIFY_WITH_TIMEOUT(
            FluxObjectStatus::of(stored(server.server(), "Kustomization", "apps")).readiness() ==
                FluxReadiness::Ready,
            TimeoutMs);
        ConnectionSettings settings;
        settings.server = server.url();
        settings.bearerToken = Token;
        KubeClient client(settings);
        FluxEventsFetch fetch(&client);
        QSignalSpy fetched(&fetch, &FluxEventsFetch::fetched);
        QSignalSpy failed(&fetch, &FluxEventsFetch::failed);
        fetch.fetch(stored(server.server(), "Kustomization", "apps"));
        fetch.fetch(stored(server.server(), "Kustomization", "infrastructure"));
        QVERIFY(fetched.wait(TimeoutMs));
        QTest::qWait(200);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(fetched.size(), 1);
        QCOMPARE(fetched.at(0).at(0).value<FluxRef>(), kustomizationRef("infrastructure"));
        const auto events = fetched.at(0).at(1).value<QList<FluxEvent>>();
        QVERIFY(!events.isEmpty());
        for (const FluxEvent &e : events)
            QCOMPARE(e.objectName, s("infrastructure"));
        QVERIFY2(!server.server()
                      ->requestLog()
                      .filter(s("/api/v1/namespaces/flux-system/events?fieldSelector="
                                "involvedObject.name%3Dinfrastructure"))
                      .isEmpty(),
                 qPrintable(server.server()->requestLog().join(QLatin1Char('\n'))));
    }

    // A snapshot's Flux objects are shown as it holds them, read-only.
    void snapshotShowsItsFluxObjectsReadOnly()
    {
        QJsonArray items;
        for (const QJsonObject &o : fluxCluster())
            items.append(o);
        const QString path = m_dir.filePath(s("flux-snapshot.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(QJsonObject{{s("apiVersion"), s("v1")},
                                             {s("kind"), s("List")},
                                             {s("items"), items}})
                       .toJson());
        file.close();
        MainWindow window;
        window.show();
        QSignalSpy finished(window.session(), &ClusterSession::finished);
        window.openSnapshot(path);
        QVERIFY(finished.wait(TimeoutMs));
        auto *panel = child<FluxPanel>(&window, "fluxPanel");
        QVERIFY(window.fluxController()->model()->indexOf(kustomizationRef("apps")).isValid());
        auto *notice = child<QLabel>(panel, "fluxNotice");
        QVERIFY2(notice->text().contains(s("Flux status needs a live cluster")) &&
                     notice->text().contains(s("read-only")),
                 qPrintable(notice->text()));
        QVERIFY(panel->selectRef(kustomizationRef("apps")));
        QAction *suspend = window.findChild<QAction *>(s("fluxSuspendAction"));
        QVERIFY(!suspend->isEnabled());
        QCOMPARE(suspend->toolTip(), s("Flux actions need a live cluster"));
        QVERIFY(child<FluxDetailView>(panel, "fluxDetailView")
                    ->toPlainText()
                    .contains(s("Events need a live cluster")));
    }

    void demoClusterSaysItNeedsALiveCluster()
    {
        MainWindow window;
        window.show();
        QSignalSpy finished(window.session(), &ClusterSession::finished);
        StartupOptions options;
        options.demo = true;
        window.start(options);
        QVERIFY(finished.wait(TimeoutMs));
        auto *notice = child<QLabel>(child<FluxPanel>(&window, "fluxPanel"), "fluxNotice");
        QVERIFY(notice->isVisible());
        QVERIFY2(notice->text().contains(s("Flux status needs a live cluster")),
                 qPrintable(notice->text()));
        QAction *reconcile = window.findChild<QAction *>(s("fluxReconcileAction"));
        QVERIFY(!reconcile->isEnabled());
        QCOMPARE(reconcile->toolTip(), s("Flux actions need a live cluster"));
        QVERIFY(!window.fluxController()->isWatching());
        // The View menu toggles the dock.
        QAction *toggle = window.findChild<QAction *>(s("fluxDockToggleAction"));
        QVERIFY(toggle && toggle->isChecked());
        toggle->trigger();
        QVERIFY(!child<FluxPanel>(&window, "fluxPanel")->isVisible());
    }

    // 200 Flux objects changing status on the server: the UI thread's longest stall while the
    // changes arrive (a 5 ms heartbeat's worst gap) and the latency from a change to its row's
    // text, printed for the record; the bar is no stall over 100 ms.
    void twoHundredObjectsStayResponsive()
    {
        constexpr int Count = 200;
        constexpr int Rounds = 3;
        QList<QJsonObject> objects{object("v1", "Namespace", "", s("flux-system"))};
        for (int i = 0; i < Count; ++i)
            objects.append(readyKustomization(i, s("round 0")));
        FakeApiServerThread server(serverOptions());
        QVERIFY(server.start(objects));

        MainWindow window;
        window.show();
        QSignalSpy finished(window.session(), &ClusterSession::finished);
        StartupOptions options;
        options.kubeconfig = writeKubeconfig(server.server(), "bulk");
        window.start(options);
        QVERIFY(finished.wait(TimeoutMs));
        FluxStatusModel *model = window.fluxController()->model();
        QTRY_COMPARE_WITH_TIMEOUT(window.fluxController()->liveState()->count(), Count, TimeoutMs);
        // Let the tree settle before measuring.
        QTest::qWait(200);

        QElapsedTimer clock;
        clock.start();
        std::vector<std::atomic<qint64>> appliedAt(Count);
        std::vector<qint64> latency(Count, -1);
        int round = 0;
        QHash<QString, int> indexOfKey;
        for (int i = 0; i < Count; ++i)
            indexOfKey.insert(FluxRef{s("kustomize.toolkit.fluxcd.io"), s("Kustomization"),
                                      s("flux-system"),
                                      QStringLiteral("app-%1").arg(i, 3, 10, QLatin1Char('0'))}
                                  .key(),
                              i);
        const QMetaObject::Connection watchRows = connect(
            model, &QAbstractItemModel::dataChanged, this,
            [&](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const qint64 now = clock.nsecsElapsed();
                for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
                    const QModelIndex index = topLeft.sibling(row, FluxStatusModel::MessageColumn);
                    const auto it =
                        indexOfKey.constFind(index.data(FluxStatusModel::RefKeyRole).toString());
                    if (it == indexOfKey.constEnd() || latency[size_t(*it)] >= 0)
                        continue;
                    if (index.data().toString() == QStringLiteral("round %1").arg(round))
                        latency[size_t(*it)] = now - appliedAt[size_t(*it)].load();
                }
            });

        qint64 worstGapNs = 0;
        qint64 worstBusyNs = 0; // the UI thread's CPU time within one heartbeat gap
        qint64 last = clock.nsecsElapsed();
        qint64 lastCpu = threadCpuNs();
        QTimer heartbeat;
        heartbeat.setInterval(5);
        connect(&heartbeat, &QTimer::timeout, this, [&] {
            const qint64 now = clock.nsecsElapsed();
            const qint64 cpu = threadCpuNs();
            worstGapNs = std::max(worstGapNs, now - last);
            worstBusyNs = std::max(worstBusyNs, cpu - lastCpu);
            last = now;
            lastCpu = cpu;
        });
        heartbeat.start();

        std::vector<qint64> allLatencies;
        for (round = 1; round <= Rounds; ++round) {
            std::fill(latency.begin(), latency.end(), -1);
            FakeApiServer *fake = server.server();
            // Round 1 trickles (one change per ms), the others arrive as one burst.
            const int pauseUs = round == 1 ? 1000 : 0;
            std::thread writer([&, fake, pauseUs] {
                for (int i = 0; i < Count; ++i) {
                    FakeChange change;
                    change.object = readyKustomization(i, QStringLiteral("round %1").arg(round));
                    appliedAt[size_t(i)].store(clock.nsecsElapsed());
                    fake->applyChange(change);
                    if (pauseUs)
                        std::this_thread::sleep_for(std::chrono::microseconds(pauseUs));
                }
            });
            QTRY_VERIFY_WITH_TIMEOUT(
                std::all_of(latency.begin(), latency.end(), [](qint64 l) { return l >= 0; }),
                TimeoutMs);
            writer.join();
            allLatencies.insert(allLatencies.end(), latency.begin(), latency.end());
        }
        heartbeat.stop();
        disconnect(watchRows);
        std::sort(allLatencies.begin(), allLatencies.end());
        const double medianMs = allLatencies.at(allLatencies.size() / 2) / 1e6;
        const double p95Ms = allLatencies.at(allLatencies.size() * 95 / 100) / 1e6;
        const double maxMs = allLatencies.back() / 1e6;
        const double gapMs = worstGapNs / 1e6;
        const double busyMs = worstBusyNs / 1e6;
        qInfo("Flux panel, %d objects x %d rounds of status changes: longest UI-thread stall "
              "%.1f ms of work (CPU time between two 5 ms heartbeats), longest heartbeat gap "
              "%.1f ms wall; change-to-row latency median %.1f ms, p95 %.1f ms, max %.1f ms",
              Count, Rounds, busyMs, gapMs, medianMs, p95Ms, maxMs);
        // The work is the bar; the wall gap also counts the other processes of a shared machine.
        // AddressSanitizer makes every instruction several times slower: its build gets five
        // times the bar (the product's is the optimised build's).
#if defined(__SANITIZE_ADDRESS__)
        const double barMs = 500;
#else
        const double barMs = 100;
#endif
        QVERIFY2(busyMs < barMs, qPrintable(QStringLiteral("stall %1 ms").arg(busyMs)));
        QCOMPARE(rowText(model, kustomizationRef("app-199"), FluxStatusModel::MessageColumn),
                 QStringLiteral("round %1").arg(Rounds));
    }

private:
    FakeApiServer::Options serverOptions() const
    {
        FakeApiServer::Options options;
        options.tls = false;
        options.token = Token;
        options.bookmarkIntervalMs = 500;
        return options;
    }

    QString writeKubeconfig(const FakeApiServer *server, const char *name)
    {
        const QString path = m_dir.filePath(s(name) + QLatin1String(".kubeconfig"));
        if (!server->writeKubeconfig(path, TestPki(), FakeApiServer::Credentials::Token))
            return {};
        return path;
    }

    QTemporaryDir m_dir;
};

QTEST_MAIN(TestFluxPanel)
#include "tst_fluxpanel.moc"
