// The "done when", in the window: the stock K3s homelab (the fake API server with its
// controllers and the simulated Flux, which clones the bare repository with git and builds it
// with kubectl kustomize) is planned into a checkout pushed to that bare repository; the user
// opens Flux > Bootstrap Flux…, picks a components file, passes the pre-flight, gives Flux an
// HTTPS token and bootstraps. Flux's files are committed and pushed, the token is in the
// cluster's Secret only, the Flux view then lists every Flux object and sees them go Ready live,
// Suspend and Reconcile act from the window, and the takeover report (opened from the wizard)
// finds every migrated object and release adopted in place.
#include "bootstrapcontroller.h"
#include "bootstrapwizard.h"
#include "clirunner.h"
#include "fakeapiserver.h"
#include "fakeflux.h"
#include "fakefluxcomponents.h"
#include "fakefluxgit.h"
#include "fakekubecontrollers.h"
#include "flux/fluxlivestate.h"
#include "fluxcontroller.h"
#include "fluxpanel.h"
#include "items/fluxstatusmodel.h"
#include "kube/clustersession.h"
#include "kube/snapshot.h"
#include "mainwindow.h"
#include "plan/plansession.h"
#include "plancontroller.h"
#include "takeovercontroller.h"
#include "takeoverdialog.h"
#include "takeovertesting.h"
#include "windowtesting.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

constexpr int TimeoutMs = 60000;
const char token[] = "flux-reads-with-this-token-51c9";

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

template <typename T> T *child(QObject *parent, const char *name)
{
    return parent->findChild<T *>(QLatin1String(name));
}

QJsonObject stored(const FakeApiServer *server, const char *kind, const char *name)
{
    return findObject(server->objects(), kind, name);
}

FluxRef kustomization(const char *name)
{
    return FluxRef{s("kustomize.toolkit.fluxcd.io"), s("Kustomization"), s("flux-system"), s(name)};
}

} // namespace

class TestMainWindowBootstrap : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void windowBootstrapsAndTakesOver();

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_home;
    QProcessEnvironment m_env;
    QList<QJsonObject> m_cluster;
    FakeFluxGit m_git;
};

void TestMainWindowBootstrap::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qRegisterMetaType<BootstrapResult>(); // QSignalSpy on Qt 5 needs it registered
    QVERIFY(m_dir.isValid() && m_home.isValid() && m_git.ok());
    TestFiles::useScratchHome(m_home);
    qputenv("KUBECONFIG", m_dir.filePath(s("missing-kubeconfig")).toUtf8());
    // No flux CLI: the components come from the file the user picks.
    m_env = isolatedEnvironment(m_home.path());
    const Result<QList<QJsonObject>> objects =
        loadSnapshot(s(FLUXDESK_TEST_DATA "/k3s/k3s-homelab.yaml"));
    QVERIFY(objects);
    m_cluster = *objects;
}

void TestMainWindowBootstrap::windowBootstrapsAndTakesOver()
{
    // The cluster: the K3s homelab, its controllers, and Flux reading the bare repository whatever
    // URL it is given.
    QTemporaryDir checkout, bare;
    FakeApiServer::Options serverOptions;
    serverOptions.tls = false;
    serverOptions.token = s("bootstrap-window");
    serverOptions.bookmarkIntervalMs = 500;
    FakeApiServerThread server(serverOptions);
    QVERIFY(server.start(m_cluster));
    const FakeFlux::Source source = m_git.source();
    const QString barePath = bare.path();
    auto flux = std::make_shared<FakeFlux>(
        [source, barePath](const QString &, const QJsonObject &ref) {
            return source(s("file://") + barePath, ref);
        },
        m_git.renderer());
    server.server()->addController(std::make_shared<FakeKubeControllers>());
    server.server()->addController(flux);
    const QString kubeconfig = m_dir.filePath(s("cluster.kubeconfig"));
    QVERIFY(server.writeKubeconfig(kubeconfig, TestPki(), FakeApiServer::Credentials::Token));

    // The repository as the owner left it: the plan written, committed and pushed.
    QVERIFY(gitSucceeds(bare.path(), {s("init"), s("-q"), s("--bare"), s("-b"), s("main")}));
    QVERIFY(gitSucceeds(checkout.path(), {s("init"), s("-q"), s("-b"), s("main")}));
    QVERIFY(gitSucceeds(checkout.path(), {s("config"), s("user.name"), s("Homelab Owner")}));
    QVERIFY(gitSucceeds(checkout.path(), {s("config"), s("user.email"), s("owner@example.com")}));
    QVERIFY(gitSucceeds(checkout.path(),
                        {s("remote"), s("add"), s("origin"), s("file://") + bare.path()}));
    const CliRun plan = runCli(
        {s("--kubeconfig"), kubeconfig, s("plan"), s("--repo"), checkout.path(), s("--write")},
        m_env, 120000);
    QVERIFY2(plan.exitCode == 0, plan.err.constData());
    QVERIFY(gitSucceeds(checkout.path(), {s("add"), s("-A")}));
    QVERIFY(
        gitSucceeds(checkout.path(), {s("commit"), s("-q"), s("-m"), s("The cluster as it runs")}));
    QVERIFY(gitSucceeds(checkout.path(), {s("push"), s("-q"), s("-u"), s("origin"), s("main")}));
    const QString components = m_dir.filePath(s("install.yaml"));
    {
        QFile file(components);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(fluxComponentsManifest(s("v2.6.0")));
    }

    // The window on the live cluster and the checkout.
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QSignalSpy loaded(window.session(), &ClusterSession::finished);
    QSignalSpy planned(window.planController()->session(), &PlanSession::planReady);
    StartupOptions options;
    options.kubeconfig = kubeconfig;
    options.repo = checkout.path();
    window.start(options);
    QVERIFY(loaded.wait(TimeoutMs));
    QVERIFY(loaded.constLast().at(0).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(!planned.isEmpty(), TimeoutMs);
    FluxPanel *panel = child<FluxPanel>(&window, "fluxPanel");
    QVERIFY(panel);
    QCOMPARE(window.fluxController()->liveState()->count(), 0); // no Flux yet

    // Flux > Bootstrap Flux… is in the menu; the migration checklist's first item ("Flux's
    // controllers run": not installed) offers the same wizard, and the user takes that way.
    QAction *bootstrap = child<QAction>(&window, "fluxBootstrapAction");
    QVERIFY(bootstrap);
    QVERIFY(child<QMenu>(&window, "fluxMenu")->actions().contains(bootstrap));
    TakeoverController *takeover = window.takeoverController();
    {
        QSignalSpy reported(takeover, &TakeoverController::reportUpdated);
        takeover->reportAction()->trigger();
        QVERIFY(reported.wait(TimeoutMs));
    }
    auto *checklistBootstrap =
        child<QPushButton>(takeover->dialog(), "checklistAction_controllers");
    QVERIFY(checklistBootstrap);
    QTest::mouseClick(checklistBootstrap, Qt::LeftButton);
    BootstrapWizard *wizard = window.bootstrapController()->wizard();
    QVERIFY(wizard);
    QTRY_VERIFY(wizard->isVisible());
    QSignalSpy finished(window.bootstrapController(), &BootstrapController::bootstrapFinished);

    // 1. Components from the file, its version read from it.
    auto *sourceCombo = child<QComboBox>(wizard, "componentsSourceCombo");
    sourceCombo->setCurrentIndex(sourceCombo->findData(int(BootstrapOptions::Components::File)));
    child<QLineEdit>(wizard, "fluxVersionEdit")->clear();
    child<QLineEdit>(wizard, "componentsFileEdit")->setText(components);
    QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);

    // 2. The pre-flight against the fake cluster and the checkout: nothing blocks.
    QCOMPARE(wizard->currentId(), int(BootstrapWizard::PreflightPageId));
    auto *checks = child<QTreeWidget>(wizard, "preflightTree");
    QTRY_VERIFY2_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(),
                              qPrintable(child<QLabel>(wizard, "preflightStatus")->text()),
                              TimeoutMs);
    QCOMPARE(checks->topLevelItemCount(), 7);
    QString versionLine;
    for (int i = 0; i < checks->topLevelItemCount(); ++i) {
        if (checks->topLevelItem(i)->text(0) ==
            PreflightChecks::title(PreflightCheck::Id::KubernetesVersion))
            versionLine = checks->topLevelItem(i)->text(2);
    }
    // The version the file says it is, not the newest known.
    QVERIFY2(versionLine.contains(s("2.6")), qPrintable(versionLine));
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);

    // 3. HTTPS with a token, read from the address the cluster reaches the host by.
    QCOMPARE(wizard->currentId(), int(BootstrapWizard::AccessPageId));
    child<QRadioButton>(wizard, "httpsRadio")->setChecked(true);
    QTest::keyClicks(child<QLineEdit>(wizard, "httpsTokenEdit"), s(token));
    QTest::keyClicks(child<QLineEdit>(wizard, "syncUrlEdit"),
                     s("https://git.example.com/me/homelab.git"));
    QTest::mouseClick(wizard->button(QWizard::CommitButton), Qt::LeftButton);

    // 4. The run, step by step, to the end.
    QCOMPARE(wizard->currentId(), int(BootstrapWizard::RunPageId));
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 2 * TimeoutMs);
    const BootstrapResult result = finished.constFirst().at(0).value<BootstrapResult>();
    QVERIFY2(result.ok, qPrintable(result.failedStep + QLatin1String(": ") + result.error));
    QVERIFY(result.pushed);
    QVERIFY(result.written.contains(s("clusters/homelab/flux-system/gotk-sync.yaml")));
    QVERIFY(result.written.contains(s(".fluxdesk/takeover.yaml")));
    auto *steps = child<QTreeWidget>(wizard, "stepTree");
    for (int i = 0; i < steps->topLevelItemCount(); ++i)
        QCOMPARE(steps->topLevelItem(i)->text(1), s("done"));
    const QString said = child<QLabel>(wizard, "resultLabel")->text();
    QVERIFY2(said.contains(s("and pushed")), qPrintable(said));
    QVERIFY(!said.contains(s(token)));
    QVERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
    // The token is in the cluster's Secret, and nowhere in the repository.
    const QJsonObject secret = stored(server.server(), "Secret", "flux-system");
    QCOMPARE(QByteArray::fromBase64(
                 secret.value(s("data")).toObject().value(s("password")).toString().toLatin1()),
             QByteArray(token));
    QProcess grep;
    grep.setWorkingDirectory(checkout.path());
    grep.start(s("git"), {s("grep"), s("-I"), s("-l"), s(token), s("HEAD")});
    QVERIFY(grep.waitForFinished(30000));
    QCOMPARE(grep.exitCode(), 1); // no match
    // What Flux reads was pushed.
    QProcess show;
    show.start(s("git"), {s("-C"), bare.path(), s("show"),
                          s("main:clusters/homelab/flux-system/gotk-sync.yaml")});
    QVERIFY(show.waitForFinished(30000));
    QVERIFY(show.readAllStandardOutput().contains("url: https://git.example.com/me/homelab.git"));

    // The Flux view: the cluster was loaded again, Flux's kinds are watched, and every
    // Kustomization and HelmRelease goes Ready live.
    FluxStatusModel *model = window.fluxController()->model();
    for (const char *name : {"flux-system", "infrastructure", "workloads"}) {
        QTRY_COMPARE_WITH_TIMEOUT(
            model->indexOf(kustomization(name), FluxStatusModel::StatusColumn).data().toString(),
            s("Ready"), TimeoutMs);
    }
    int releases = 0;
    for (const QJsonObject &object : server.server()->objects()) {
        if (object.value(s("kind")).toString() != QLatin1String("HelmRelease"))
            continue;
        const QJsonObject meta = object.value(s("metadata")).toObject();
        const FluxRef ref{s("helm.toolkit.fluxcd.io"), s("HelmRelease"),
                          meta.value(s("namespace")).toString(), meta.value(s("name")).toString()};
        QTRY_COMPARE_WITH_TIMEOUT(
            model->indexOf(ref, FluxStatusModel::StatusColumn).data().toString(), s("Ready"),
            TimeoutMs);
        ++releases;
    }
    QVERIFY2(releases >= 3, qPrintable(QString::number(releases)));

    // Suspend and Reconcile from the window.
    QVERIFY(panel->selectRef(kustomization("workloads")));
    QAction *suspend = child<QAction>(&window, "fluxSuspendAction");
    QAction *resume = child<QAction>(&window, "fluxResumeAction");
    QAction *reconcile = child<QAction>(&window, "fluxReconcileAction");
    QTRY_VERIFY(suspend->isEnabled());
    suspend->trigger();
    auto *actionStatus = child<QLabel>(panel, "fluxActionStatus");
    QTRY_VERIFY2_WITH_TIMEOUT(stored(server.server(), "Kustomization", "workloads")
                                  .value(s("spec"))
                                  .toObject()
                                  .value(s("suspend"))
                                  .toBool(),
                              qPrintable(actionStatus->text()), TimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(
        model->indexOf(kustomization("workloads"), FluxStatusModel::StatusColumn).data().toString(),
        s("Suspended"), TimeoutMs);
    QTRY_VERIFY(resume->isEnabled());
    resume->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(reconcile->isEnabled(), TimeoutMs);
    reconcile->trigger();
    const auto answered = [&server] {
        const QJsonObject o = stored(server.server(), "Kustomization", "workloads");
        const QString asked = o.value(s("metadata"))
                                  .toObject()
                                  .value(s("annotations"))
                                  .toObject()
                                  .value(s("reconcile.fluxcd.io/requestedAt"))
                                  .toString();
        return !asked.isEmpty() &&
               o.value(s("status")).toObject().value(s("lastHandledReconcileAt")).toString() ==
                   asked;
    };
    QTRY_VERIFY_WITH_TIMEOUT(answered(), TimeoutMs);

    // The takeover report, from the wizard: once the cluster is read again after Flux applied
    // everything, every migrated object and release is adopted in place.
    QTest::mouseClick(wizard->button(QWizard::CustomButton1), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(takeover->dialog() && takeover->dialog()->isVisible(), TimeoutMs);
    auto *counts = child<QLabel>(takeover->dialog(), "takeoverCounts");
    QElapsedTimer waited;
    waited.start();
    QSignalSpy updated(takeover, &TakeoverController::reportUpdated);
    while (!counts->text().contains(s(" 0 not yet, 0 warnings, 0 in danger")) &&
           waited.elapsed() < TimeoutMs) {
        updated.clear();
        if (!takeover->isBusy() && !window.session()->isBusy())
            takeover->refresh();
        updated.wait(TimeoutMs);
    }
    QVERIFY2(counts->text().contains(s(" 0 not yet, 0 warnings, 0 in danger")),
             qPrintable(counts->text()));
    QVERIFY2(counts->text().contains(s("adopted in place")), qPrintable(counts->text()));
    wizard->accept();
}

QTEST_MAIN(TestMainWindowBootstrap)
#include "tst_mainwindow_bootstrap.moc"
