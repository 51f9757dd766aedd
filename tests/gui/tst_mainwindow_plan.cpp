// The planned repository inside the window: from the demo cluster and an empty folder to a
// written repository whose kustomizations build, selection following between the two trees,
// a drag from the cluster tree onto a plan folder, the plan's problems in the Problems list,
// and hand edits kept.
#include "clusterpane.h"
#include "flux/fluxlivestate.h"
#include "fluxcontroller.h"
#include "items/inventorymodel.h"
#include "items/plantreemodel.h"
#include "items/problemmodel.h"
#include "kube/clustersession.h"
#include "kustomizeprobe.h"
#include "mainwindow.h"
#include "plan/plansession.h"
#include "plancontroller.h"
#include "planpane.h"
#include "releaseview.h"
#include "windowtesting.h"
#include "writeplandialogtesting.h"
#include "yamleditor.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace Fluxdesk;
using Fluxdesk::Testing::acceptWriteDialogSoon;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

bool kustomizeBuilds(const QString &folder, QByteArray *error)
{
    QProcess kubectl;
    kubectl.start(s("kubectl"), {s("kustomize"), folder});
    if (!kubectl.waitForFinished(60000))
        return false;
    *error = kubectl.readAllStandardError();
    return kubectl.exitStatus() == QProcess::NormalExit && kubectl.exitCode() == 0;
}

// Starts the window on the demo cluster with repo open, and waits for its first plan.
using TestFiles::startOnDemo;

} // namespace

class TestMainWindowPlan : public QObject
{
    Q_OBJECT
public:
    TestMainWindowPlan() { TestFiles::useScratchHome(m_home); }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void fromDemoClusterToBuildingRepository()
    {
        QTemporaryDir repo;
        QVERIFY(repo.isValid());
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        PlanController *plan = window.planController();
        QVERIFY(startOnDemo(window, repo.path()));
        QSignalSpy ready(plan->session(), &PlanSession::planReady);

        auto *pane = window.findChild<PlanPane *>(s("planPane"));
        QVERIFY(pane);
        QVERIFY(pane->isVisible());
        QVERIFY2(pane->countsText().contains(s("Objects to migrate: 39")),
                 qPrintable(pane->countsText()));
        QVERIFY(plan->writeAction()->isEnabled());

        // Selecting an object in the cluster tree selects the file it lands in.
        const ObjectKey deployment{s("apps"), s("Deployment"), s("llm"), s("llama-cpp")};
        QVERIFY(window.clusterPane()->selectObject(deployment));
        const QModelIndex current = pane->view()->currentIndex();
        QCOMPARE(current.data(PlanTreeModel::PathRole).toString(),
                 s("workloads/llm/llama-cpp-deployment.yaml"));
        // The preview says what the plan does with it.
        auto *decision = window.findChild<QLabel *>(s("yamlPlanDecision"));
        QVERIFY(decision && decision->isVisible());
        QCOMPARE(decision->text(),
                 s("Plan: YAML manifest workloads/llm/llama-cpp-deployment.yaml"));
        QCOMPARE(plan->decisionFor(ObjectKey{{}, s("ConfigMap"), s("logging"), s("grafana")}),
                 s("Plan: carried by the HelmRelease in "
                   "infrastructure/logging/grafana-helmrelease.yaml"));
        QVERIFY(plan->decisionFor(ObjectKey{{}, s("Namespace"), {}, s("kube-system")})
                    .startsWith(s("Plan: excluded. ")));
        QVERIFY(window.clusterPane()->selectObject(deployment));

        // And the reverse: the Service's file selects the Service.
        const ObjectKey service{{}, s("Service"), s("llm"), s("llama-cpp")};
        QVERIFY(pane->selectObject(service));
        const QModelIndex serviceFile = pane->view()->currentIndex();
        QVERIFY(pane->selectObject(deployment)); // by code: the cluster tree stays
        QCOMPARE(InventoryModel::keyAt(window.clusterPane()->treeView()->currentIndex()),
                 deployment);
        pane->view()->scrollTo(serviceFile);
        QTest::mouseClick(pane->view()->viewport(), Qt::LeftButton, {},
                          pane->view()->visualRect(serviceFile).center());
        QTRY_COMPARE(InventoryModel::keyAt(window.clusterPane()->treeView()->currentIndex()),
                     service);

        // The Helm release's credential warning is in the Problems list, on its file.
        bool flagged = false;
        for (int row = 0; row < window.problemModel()->rowCount(); ++row) {
            const QString file =
                window.problemModel()->index(row, 0).data(ProblemModel::FileRole).toString();
            flagged =
                flagged || file.endsWith(s("infrastructure/logging/grafana-helmrelease.yaml"));
        }
        QVERIFY(flagged);

        // Write Plan: the dialog, then the files, and every kustomization builds.
        QSignalSpy written(plan->session(), &PlanSession::written);
        acceptWriteDialogSoon();
        plan->writeAction()->trigger();
        QVERIFY(written.wait(30000));
        QVERIFY(ready.wait(30000));
        for (const char *root : {"infrastructure", "workloads"}) {
            if (!Testing::kubectlKustomizeReadsFolders())
                break;
            QByteArray error;
            QVERIFY2(kustomizeBuilds(repo.filePath(s(root)), &error), error.constData());
        }
        QVERIFY(QFile::exists(repo.filePath(s("clusters/homelab/workloads.yaml"))));
        QVERIFY2(pane->countsText().contains(s("Differing: 0")), qPrintable(pane->countsText()));
    }

    void releaseViewEditsReachThePlan()
    {
        QTemporaryDir repo;
        MainWindow window;
        window.show();
        PlanController *plan = window.planController();
        QVERIFY(startOnDemo(window, repo.path()));
        QSignalSpy ready(plan->session(), &PlanSession::planReady);

        QVERIFY(window.clusterPane()->selectRelease(s("logging"), s("grafana")));
        auto *view = window.findChild<ReleaseView *>();
        QVERIFY(view);
        QCOMPARE(view->releaseKey(), s("logging/grafana"));
        // Credentials go to a Secret by default; keeping them inline is the user's decision.
        view->setCredentialHandling(CredentialHandling::Inline);
        QVERIFY(ready.wait(30000));
        const ReleaseEdit edit = plan->session()->releaseEdit(s("logging"), s("grafana"));
        QCOMPARE(edit.credentials, CredentialHandling::Inline);
        QVERIFY(!edit.hasValues); // the values themselves are as the release runs
        const PlannedFile *file = plan->session()->snapshot()->plan.file(
            s("infrastructure/logging/grafana-helmrelease.yaml"));
        QVERIFY(file);
        QVERIFY(!file->text.contains(s("valuesFrom")));
        QVERIFY(file->text.contains(s("adminPassword: demo-password-change-me")));

        // Showing the release again shows it as the plan file keeps it.
        QVERIFY(window.clusterPane()->selectRelease(s("logging"), s("loki")));
        QVERIFY(window.clusterPane()->selectRelease(s("logging"), s("grafana")));
        QCOMPARE(view->conversion().credentialHandling(), CredentialHandling::Inline);

        // Edited values with the credential back in a Secret: the plan file keeps no credential
        // value, and showing the release again takes it from the running release.
        auto *values = view->findChild<YamlEditor *>(s("releaseValuesEditor"));
        QVERIFY(values);
        values->setPlainText(view->conversion().originalValuesYaml() + s("replicas: 4\n"));
        view->setCredentialHandling(CredentialHandling::Secret);
        const ReleaseEdit expected = releaseEditForPlanFile(
            {s("logging"), s("grafana"), true, view->conversion().values(), {}});
        QTRY_VERIFY_WITH_TIMEOUT(!plan->session()->isBusy() &&
                                     plan->session()->releaseEdit(s("logging"), s("grafana")) ==
                                         expected,
                                 30000);
        QFile saved(repo.filePath(s(".fluxdesk/plan.yaml")));
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray savedText = saved.readAll();
        QVERIFY2(savedText.contains("replicas: 4"), savedText.constData());
        QVERIFY2(!savedText.contains("demo-password-change-me"), savedText.constData());
        QVERIFY(window.clusterPane()->selectRelease(s("logging"), s("loki")));
        QVERIFY(window.clusterPane()->selectRelease(s("logging"), s("grafana")));
        QVERIFY2(values->toPlainText().contains(s("adminPassword: demo-password-change-me")),
                 qPrintable(values->toPlainText()));
        QVERIFY(values->toPlainText().contains(s("replicas: 4")));
        QCOMPARE(view->conversion().movedCredentials().size(), 1);
    }

    void dragFromClusterTreeMovesTheObject()
    {
        QTemporaryDir repo;
        MainWindow window;
        window.show();
        PlanController *plan = window.planController();
        QVERIFY(startOnDemo(window, repo.path()));
        QSignalSpy ready(plan->session(), &PlanSession::planReady);

        // What a drag from the cluster tree carries, dropped on a plan folder.
        const ObjectKey deployment{s("apps"), s("Deployment"), s("llm"), s("llama-cpp")};
        InventoryModel *inventory = window.inventoryModel();
        const QModelIndex row = inventory->indexOf(deployment);
        QVERIFY(row.isValid());
        QVERIFY(inventory->flags(row) & Qt::ItemIsDragEnabled);
        std::unique_ptr<QMimeData> mime(inventory->mimeData({row}));
        QVERIFY(mime);
        PlanTreeModel *model = window.findChild<PlanPane *>(s("planPane"))->model();
        const QModelIndex folder = model->indexForPath(s("workloads/log-analyzer"));
        QVERIFY(folder.isValid());
        QVERIFY(model->canDropMimeData(mime.get(), Qt::CopyAction, -1, 0, folder));
        QVERIFY(model->dropMimeData(mime.get(), Qt::CopyAction, -1, 0, folder));
        QVERIFY(ready.wait(30000));
        QCOMPARE(plan->session()->snapshot()->plan.pathOf(deployment),
                 s("workloads/log-analyzer/llama-cpp-deployment.yaml"));
        QFile decisions(repo.filePath(s(".fluxdesk/plan.yaml")));
        QVERIFY(decisions.open(QIODevice::ReadOnly));
        QVERIFY(decisions.readAll().contains("workloads/log-analyzer/llama-cpp-deployment.yaml"));
    }

    void liveFluxStateBesideThePlan()
    {
        // Issue 19: what the Flux view's live state holds shows beside the file that plans the
        // object; a new connection clears it.
        QTemporaryDir repo;
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(startOnDemo(window, repo.path()));
        auto *pane = window.findChild<PlanPane *>(s("planPane"));
        QVERIFY(pane);
        const auto fluxText = [pane](const char *path) {
            const QModelIndex file = pane->model()->indexForPath(s(path));
            return file.sibling(file.row(), PlanTreeModel::FluxColumn).data().toString();
        };
        QCOMPARE(fluxText("clusters/homelab/infrastructure.yaml"), QString());
        QVERIFY(pane->view()->isColumnHidden(PlanTreeModel::FluxColumn));

        const QString revision = s("main@sha1:89abcdef0123456789abcdef0123456789abcdef");
        window.fluxController()->liveState()->upsert(QJsonObject{
            {s("apiVersion"), s("kustomize.toolkit.fluxcd.io/v1")},
            {s("kind"), s("Kustomization")},
            {s("metadata"), QJsonObject{{s("name"), s("infrastructure")},
                                        {s("namespace"), s("flux-system")},
                                        {s("resourceVersion"), s("7")}}},
            {s("status"),
             QJsonObject{{s("lastAppliedRevision"), revision},
                         {s("conditions"),
                          QJsonArray{QJsonObject{{s("type"), s("Ready")},
                                                 {s("status"), s("True")},
                                                 {s("reason"), s("ReconciliationSucceeded")}}}}}}});
        QCOMPARE(fluxText("clusters/homelab/infrastructure.yaml"), s("Ready · main@sha1:89abcde"));
        QCOMPARE(fluxText("clusters/homelab/workloads.yaml"), QString());
        QVERIFY(!pane->view()->isColumnHidden(PlanTreeModel::FluxColumn));

        QSignalSpy finished(window.session(), &ClusterSession::finished);
        window.connectToSource(window.session()->source());
        QVERIFY(finished.wait(30000));
        QCOMPARE(fluxText("clusters/homelab/infrastructure.yaml"), QString());
        QVERIFY(pane->view()->isColumnHidden(PlanTreeModel::FluxColumn));
    }

private:
    QTemporaryDir m_home;
};

QTEST_MAIN(TestMainWindowPlan)
#include "tst_mainwindow_plan.moc"
