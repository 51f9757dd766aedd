// Takeover, verified, in the window: the baseline recorded from the demo cluster into a checkout
// (confirmed, written off the UI thread), the report against the inventory as loaded (all "not
// yet" before Flux, all adopted after, a recreated claim in danger and first), its JSON export,
// the migration checklist's items and the signals of their buttons; driven through objectNames.
#include "../helm/helmfixtures.h"
#include "../helm/takeoverfixtures.h"
#include "clusterpane.h"
#include "flux/takeover.h"
#include "items/inventoryfiltermodel.h"
#include "items/inventorymodel.h"
#include "items/takeovermodel.h"
#include "kube/clustersession.h"
#include "plan/plansession.h"
#include "takeovercontroller.h"
#include "takeoverdialog.h"

#include <QAction>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>

#include <functional>
#include <memory>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

template <typename T> T *child(QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qWarning("no child %s", qPrintable(name));
    return found;
}

QJsonObject readyCondition(bool ready)
{
    return QJsonObject{{s("type"), s("Ready")},
                       {s("status"), ready ? s("True") : s("False")},
                       {s("reason"), ready ? s("UpgradeSucceeded") : s("UpgradeFailed")},
                       {s("message"), ready ? s("upgraded") : s("timed out waiting")}};
}

QJsonObject fluxObject(const char *apiVersion, const char *kind, const QString &name,
                       const QJsonObject &spec, bool ready = true)
{
    return QJsonObject{
        {s("apiVersion"), s(apiVersion)},
        {s("kind"), s(kind)},
        {s("metadata"), QJsonObject{{s("name"), name}, {s("namespace"), s("flux-system")}}},
        {s("spec"), spec},
        {s("status"), QJsonObject{{s("conditions"), QJsonArray{readyCondition(ready)}}}}};
}

} // namespace

class TestTakeoverDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void recordsTheBaselineFromTheWindow();
    void withoutBaselineOffersToRecordOne();
    void beforeFluxEverythingIsNotYet();
    void afterTakeoverEverythingIsAdopted();
    void recreatedClaimIsDangerAndFirst();
    void checklistButtonsAskTheWindow();
    void withoutBootstrapTheChecklistNamesTheCommand();

private:
    // The demo cluster after Flux took over (see tests/cli/tst_cli_flux.cpp), `change` last;
    // loaded as a snapshot into the session, the report recomputed.
    bool loadAfter(const std::function<void(QList<QJsonObject> &)> &change = {});
    bool loadDemo();
    bool openReport();
    bool waitForReport(const std::function<void()> &trigger);
    TakeoverDialog *dialog() const { return m_controller->dialog(); }

    QTemporaryDir m_home, m_repo, m_files;
    QList<QJsonObject> m_before;
    TakeoverBaseline m_baseline;
    std::unique_ptr<QWidget> m_window;
    ClusterSession *m_session = nullptr;
    PlanSession *m_plan = nullptr;
    InventoryModel *m_inventoryModel = nullptr;
    ClusterPane *m_pane = nullptr;
    TakeoverController *m_controller = nullptr;
};

void TestTakeoverDialog::initTestCase()
{
    QVERIFY(m_home.isValid() && m_repo.isValid() && m_files.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(s(".config"))));
    QStandardPaths::setTestModeEnabled(true);
    qRegisterMetaType<ObjectKey>(); // QSignalSpy on Qt 5 needs it registered
}

void TestTakeoverDialog::init()
{
    m_window = std::make_unique<QWidget>();
    m_session = new ClusterSession(m_window.get());
    m_plan = new PlanSession(m_window.get());
    m_inventoryModel = new InventoryModel(m_window.get());
    m_inventoryModel->setSession(m_session);
    m_pane = new ClusterPane(m_window.get());
    m_pane->setModel(m_inventoryModel);
    m_controller = new TakeoverController(m_window.get(), m_session, m_plan, m_pane, nullptr);
    QVERIFY(m_plan->setRepository(m_repo.path()));
    QVERIFY(loadDemo());
    if (m_before.isEmpty())
        m_before = m_session->inventory().objects();
}

void TestTakeoverDialog::cleanup()
{
    m_window.reset();
}

bool TestTakeoverDialog::loadDemo()
{
    QSignalSpy finished(m_session, &ClusterSession::finished);
    m_session->connectTo(ClusterSource{});
    return finished.wait(20000) && finished.constFirst().at(0).toBool();
}

bool TestTakeoverDialog::waitForReport(const std::function<void()> &trigger)
{
    QSignalSpy updated(m_controller, &TakeoverController::reportUpdated);
    trigger();
    return updated.wait(20000);
}

bool TestTakeoverDialog::openReport()
{
    return waitForReport([this] { m_controller->reportAction()->trigger(); });
}

bool TestTakeoverDialog::loadAfter(const std::function<void(QList<QJsonObject> &)> &change)
{
    QList<QJsonObject> after = clusterAfterTakeover(m_before, m_baseline, s("workloads"));
    if (change)
        change(after);
    static int n = 0;
    const QString path = m_files.filePath(s("after-%1.json").arg(++n));
    if (!writeSnapshotList(path, after))
        return false;
    ClusterSource source;
    source.kind = ClusterSource::Kind::Snapshot;
    source.snapshotPath = path;
    // The dialog is open: a cluster loaded again is checked again.
    return waitForReport([this, source] { m_session->connectTo(source); });
}

void TestTakeoverDialog::recordsTheBaselineFromTheWindow()
{
    QAction *record = m_controller->recordAction();
    QCOMPARE(record->objectName(), s("recordTakeoverBaselineAction"));
    QCOMPARE(m_controller->reportAction()->shortcut(),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    record->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->confirmation(), 20000);
    QMessageBox *box = m_controller->confirmation();
    QCOMPARE(box->objectName(), s("recordBaselineConfirmation"));
    QVERIFY2(box->informativeText().contains(s(".fluxdesk/takeover.yaml")) &&
                 box->informativeText().contains(s("Helm releases")) &&
                 box->informativeText().contains(s("Demo cluster")),
             qPrintable(box->informativeText()));
    // The demo runs no Flux: no warning about Flux's own objects.
    QVERIFY(!box->informativeText().contains(s("Flux already runs")));
    QVERIFY(!QFile::exists(m_repo.filePath(s(".fluxdesk/takeover.yaml"))));

    QSignalSpy recorded(m_controller, &TakeoverController::baselineRecorded);
    child<QPushButton>(box, s("recordBaselineConfirmButton"))->click();
    QVERIFY(recorded.wait(20000));
    QCOMPARE(recorded.constFirst().at(0).toString(), m_repo.filePath(s(".fluxdesk/takeover.yaml")));
    QFile file(m_repo.filePath(s(".fluxdesk/takeover.yaml")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("kind: TakeoverBaseline"));
    QVERIFY(text.contains("uid:"));
    Result<std::optional<TakeoverBaseline>> loaded = loadTakeoverBaseline(m_repo.path());
    QVERIFY(loaded && loaded.value().has_value());
    m_baseline = *loaded.value();
    QVERIFY(m_baseline.objects.size() > 10);
    bool loki = false;
    for (const TakeoverRelease &release : std::as_const(m_baseline.releases))
        if (release.name == QLatin1String("loki")) {
            loki = true;
            QCOMPARE(release.revision, 2);
        }
    QVERIFY(loki);
    // Nothing else written into the checkout.
    QCOMPARE(QDir(m_repo.filePath(s(".fluxdesk"))).entryList(QDir::Files),
             QStringList{s("takeover.yaml")});
}

void TestTakeoverDialog::withoutBaselineOffersToRecordOne()
{
    QTemporaryDir empty;
    QVERIFY(m_plan->setRepository(empty.path()));
    QVERIFY(openReport());
    auto *notice = child<QLabel>(dialog(), s("takeoverNotice"));
    QVERIFY2(notice->text().contains(s("No takeover baseline")), qPrintable(notice->text()));
    QVERIFY(!child<QPushButton>(dialog(), s("recordBaselineButton"))->isHidden());
    QVERIFY(child<QTreeView>(dialog(), s("takeoverView"))->isHidden());
    QVERIFY(!child<QPushButton>(dialog(), s("exportTakeoverButton"))->isEnabled());

    // Flux arrived without a baseline: the verdicts would rest on timestamps, and it says why.
    QList<QJsonObject> withFlux = m_before;
    withFlux.append(QJsonObject{
        {s("apiVersion"), s("v1")},
        {s("kind"), s("Namespace")},
        {s("metadata"), QJsonObject{{s("name"), s("flux-system")},
                                    {s("creationTimestamp"), s("2026-12-07T10:00:00Z")}}}});
    QJsonArray items;
    for (const QJsonObject &object : std::as_const(withFlux))
        items.append(object);
    const QString path = m_files.filePath(s("flux-no-baseline.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(QJsonObject{{s("kind"), s("List")}, {s("items"), items}}).toJson());
    file.close();
    ClusterSource source;
    source.kind = ClusterSource::Kind::Snapshot;
    source.snapshotPath = path;
    QVERIFY(waitForReport([&] { m_session->connectTo(source); }));
    QVERIFY2(notice->text().contains(s("Flux already runs")) &&
                 notice->text().contains(s("2026-12-07 10:00 UTC")) &&
                 notice->text().contains(s("timestamps")),
             qPrintable(notice->text()));

    // "Record Baseline Now" asks first, and warns that Flux already runs.
    child<QPushButton>(dialog(), s("recordBaselineButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->confirmation(), 20000);
    QMessageBox *box = m_controller->confirmation();
    QVERIFY2(box->informativeText().contains(s("Flux already runs")),
             qPrintable(box->informativeText()));
    child<QPushButton>(box, s("recordBaselineCancelButton"))->click();
    QTRY_VERIFY(!m_controller->confirmation());
    QVERIFY(!QFile::exists(empty.filePath(s(".fluxdesk/takeover.yaml"))));
}

void TestTakeoverDialog::beforeFluxEverythingIsNotYet()
{
    QVERIFY(!m_baseline.isEmpty());
    QVERIFY(openReport());
    QVERIFY(dialog()->isVisible());
    QVERIFY(child<QPushButton>(dialog(), s("recordBaselineButton"))->isHidden());
    const TakeoverReport &report = dialog()->model()->report();
    QVERIFY(report.items.size() > 10);
    QCOMPARE(report.count(TakeoverSeverity::Waiting), report.items.size());
    QCOMPARE(child<QLabel>(dialog(), s("takeoverCounts"))->text(),
             s("0 adopted in place, %1 not yet, 0 warnings, 0 in danger").arg(report.items.size()));
    auto *view = child<QTreeView>(dialog(), s("takeoverView"));
    QVERIFY(!view->isHidden());
    QCOMPARE(view->model()->index(0, TakeoverModel::VerdictColumn).data().toString(), s("Not yet"));

    // Refresh loads the cluster again and checks anew.
    const int items = int(report.items.size());
    QSignalSpy started(m_session, &ClusterSession::started);
    QVERIFY(waitForReport(
        [this] { child<QPushButton>(dialog(), s("refreshTakeoverButton"))->click(); }));
    QCOMPARE(started.count(), 1);
    QVERIFY(child<QLabel>(dialog(), s("takeoverBusy"))->text().isEmpty());
    QVERIFY(child<QPushButton>(dialog(), s("refreshTakeoverButton"))->isEnabled());
    QCOMPARE(dialog()->model()->report().count(TakeoverSeverity::Waiting), items);
}

void TestTakeoverDialog::afterTakeoverEverythingIsAdopted()
{
    QVERIFY(!m_baseline.isEmpty());
    QVERIFY(openReport());
    QVERIFY(loadAfter());
    const TakeoverReport &report = dialog()->model()->report();
    QCOMPARE(report.count(TakeoverSeverity::Ok), report.items.size());
    QCOMPARE(child<QLabel>(dialog(), s("takeoverCounts"))->text(),
             s("%1 adopted in place, 0 not yet, 0 warnings, 0 in danger").arg(report.items.size()));
    // loki's row says which revisions, and holds its objects.
    TakeoverModel *model = dialog()->model();
    bool sawLoki = false;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, TakeoverModel::ObjectColumn);
        if (index.data().toString() != QLatin1String("release logging/loki"))
            continue;
        sawLoki = true;
        QCOMPARE(model->index(row, TakeoverModel::DetailColumn).data().toString(),
                 s("adopted, revision 2 → 3"));
        QVERIFY(model->rowCount(model->index(row, 0)) > 0);
    }
    QVERIFY(sawLoki);
}

void TestTakeoverDialog::recreatedClaimIsDangerAndFirst()
{
    ObjectKey claim;
    for (const TakeoverObject &object : std::as_const(m_baseline.objects))
        if (object.key.kind == QLatin1String("PersistentVolumeClaim"))
            claim = object.key;
    QVERIFY2(!claim.name.isEmpty(), "the demo migrates a PersistentVolumeClaim");
    QVERIFY(openReport());
    QVERIFY(loadAfter([&](QList<QJsonObject> &objects) {
        for (QJsonObject &object : objects)
            if (ObjectKey::of(object) == claim)
                object = withMetadata(object, [](QJsonObject &m) {
                    m.insert(s("uid"), s("0000aaaa-made-again"));
                    m.insert(s("creationTimestamp"), s("2026-12-07T12:00:00Z"));
                });
    }));
    QVERIFY2(child<QLabel>(dialog(), s("takeoverCounts"))->text().endsWith(s(", 1 in danger")),
             qPrintable(child<QLabel>(dialog(), s("takeoverCounts"))->text()));
    auto *view = child<QTreeView>(dialog(), s("takeoverView"));
    const QModelIndex first = view->model()->index(0, TakeoverModel::ObjectColumn);
    QCOMPARE(first.data().toString(), claim.toString());
    QCOMPARE(view->model()->index(0, TakeoverModel::VerdictColumn).data().toString(), s("Danger"));
    QVERIFY(view->model()
                ->index(0, TakeoverModel::DetailColumn)
                .data()
                .toString()
                .contains(s("may be lost")));

    // Double-click: the object is selected in the cluster tree.
    QSignalSpy requested(m_controller, &TakeoverController::objectRequested);
    emit view->doubleClicked(first);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.constFirst().at(0).value<ObjectKey>(), claim);
    QCOMPARE(m_pane->selectedObjects(), QList<ObjectKey>{claim});
    // The file column opens the file that declares it.
    QSignalSpy file(m_controller, &TakeoverController::fileRequested);
    emit view->doubleClicked(view->model()->index(0, TakeoverModel::FileColumn));
    QCOMPARE(file.count(), 1);
    QVERIFY2(
        file.constFirst().at(0).toString() ==
            m_repo.filePath(view->model()->index(0, TakeoverModel::FileColumn).data().toString()),
        qPrintable(file.constFirst().at(0).toString()));

    // Exported as the CLI's JSON.
    const QString exported = m_files.filePath(s("report.json"));
    QVERIFY(m_controller->exportReport(exported));
    QFile json(exported);
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject report = QJsonDocument::fromJson(json.readAll()).object();
    QCOMPARE(report.value(s("dangers")).toInt(), 1);
    QCOMPARE(report.value(s("items")).toArray().size(), dialog()->model()->report().items.size());

    // A picture of it for the notes: FLUXDESK_TAKEOVER_SHOT=file.png (best under Xvfb).
    const QString shot = qEnvironmentVariable("FLUXDESK_TAKEOVER_SHOT");
    if (!shot.isEmpty()) {
        dialog()->showTakeover();
        dialog()->resize(1500, 820);
        QTest::qWait(300);
        QVERIFY(dialog()->grab().save(shot));
    }
}

void TestTakeoverDialog::checklistButtonsAskTheWindow()
{
    QVERIFY(openReport());
    // Flux runs: infrastructure Ready, workloads suspended waiting for it, loki's HelmRelease
    // failing.
    QVERIFY(loadAfter([](QList<QJsonObject> &objects) {
        objects.append(QJsonObject{
            {s("apiVersion"), s("v1")},
            {s("kind"), s("Namespace")},
            {s("metadata"), QJsonObject{{s("name"), s("flux-system")},
                                        {s("creationTimestamp"), s("2026-12-07T10:00:00Z")}}}});
        objects.append(fluxObject("kustomize.toolkit.fluxcd.io/v1", "Kustomization",
                                  s("infrastructure"), QJsonObject()));
        objects.append(
            fluxObject("kustomize.toolkit.fluxcd.io/v1", "Kustomization", s("workloads"),
                       QJsonObject{{s("suspend"), true},
                                   {s("dependsOn"),
                                    QJsonArray{QJsonObject{{s("name"), s("infrastructure")}}}}}));
        for (QJsonObject &object : objects)
            if (object.value(s("kind")).toString() == QLatin1String("HelmRelease") &&
                object.value(s("metadata")).toObject().value(s("name")).toString() ==
                    QLatin1String("loki"))
                object.insert(s("status"),
                              QJsonObject{{s("conditions"), QJsonArray{readyCondition(false)}}});
    }));
    auto *tabs = child<QTabWidget>(dialog(), s("takeoverTabs"));
    auto *tree = child<QTreeWidget>(dialog(), s("checklistTree"));
    QCOMPARE(tree->topLevelItemCount(), 3);
    QCOMPARE(tree->topLevelItem(0)->text(0), s("Step 7: Bootstrap Flux"));
    QCOMPARE(tree->topLevelItem(2)->text(0), s("Step 9: Migrate incrementally"));

    // The controllers' Deployments are not there: Bootstrap.
    QSignalSpy bootstrap(m_controller, &TakeoverController::bootstrapRequested);
    child<QPushButton>(dialog(), s("checklistAction_controllers"))->click();
    QCOMPARE(bootstrap.count(), 1);

    // Workloads suspended while infrastructure is Ready: resume it in Git (the Flux settings).
    QSignalSpy settings(m_controller, &TakeoverController::fluxSettingsRequested);
    child<QPushButton>(dialog(), s("checklistAction_entry:workloads"))->click();
    QCOMPARE(settings.count(), 1);
    QCOMPARE(settings.constFirst().at(0).toString(), s("workloads"));

    // loki's HelmRelease fails: reconcile it.
    QSignalSpy reconcile(m_controller, &TakeoverController::reconcileRequested);
    QPushButton *lokiButton =
        dialog()->findChild<QPushButton *>(s("checklistAction_release:logging/loki"));
    QVERIFY(lokiButton);
    lokiButton->click();
    QCOMPARE(reconcile.count(), 1);
    QCOMPARE(reconcile.constFirst().at(0).toString(), s("HelmRelease"));
    QCOMPARE(reconcile.constFirst().at(2).toString(), s("loki"));

    // Objects not all adopted: Show Report switches to the Takeover tab.
    tabs->setCurrentIndex(0);
    child<QPushButton>(dialog(), s("checklistAction_objects"))->click();
    QCOMPARE(tabs->currentWidget()->objectName(), s("takeoverPage"));

    // Another release was adopted: never helm uninstall, shown as advice.
    auto *advice = child<QLabel>(dialog(), s("checklistAdvice"));
    QVERIFY(!advice->isHidden());
    QVERIFY2(advice->text().contains(s("helm uninstall")), qPrintable(advice->text()));
}

// A window that cannot bootstrap Flux itself shows no Bootstrap button (it would lead nowhere):
// the checklist names the command line's flux bootstrap instead.
void TestTakeoverDialog::withoutBootstrapTheChecklistNamesTheCommand()
{
    TakeoverDialog dialog;
    dialog.setBootstrapAvailable(false);
    ChecklistInput input;
    input.cluster = s("homelab");
    dialog.setChecklist(migrationChecklist(input));
    auto *tree = dialog.findChild<QTreeWidget *>(s("checklistTree"));
    QVERIFY(tree);
    QVERIFY(!dialog.findChild<QPushButton *>(s("checklistAction_controllers")));
    const QTreeWidgetItem *controllers = tree->topLevelItem(0)->child(0);
    QVERIFY2(controllers->text(1).contains(s("fluxdesk-cli flux bootstrap")),
             qPrintable(controllers->text(1)));

    TakeoverDialog offered;
    offered.setChecklist(migrationChecklist(input));
    QVERIFY(offered.findChild<QPushButton *>(s("checklistAction_controllers")));
}

QTEST_MAIN(TestTakeoverDialog)
#include "tst_takeoverdialog.moc"
