// The plan pane (issue 4, right-hand side): the empty state, the counts, selection both ways,
// keyboard exclusion, the cluster name, the context menu, and a re-plan that keeps what the user
// had open and selected. And (issue 19) the live state of Flux objects beside their files.
#include "core/resources.h"
#include "flux/fluxlivestate.h"
#include "fluxstatusdelegate.h"
#include "items/plantreemodel.h"
#include "kube/inventory.h"
#include "kube/snapshot.h"
#include "plan/planner.h"
#include "planpane.h"
#include "testfiles.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QImage>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace Fluxdesk;
using Fluxdesk::TestFiles::writeFile;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

ObjectKey key(const char *group, const char *kind, const char *ns, const char *name)
{
    return ObjectKey{s(group), s(kind), s(ns), s(name)};
}

const ObjectKey deployment = key("apps", "Deployment", "llm", "llama-cpp");
const ObjectKey service = key("", "Service", "llm", "llama-cpp");
const ObjectKey token = key("", "Secret", "llm", "llm-token");

// The demo cluster and an excluded user Secret, against a checkout where the llama-cpp
// Deployment was edited by hand.
struct Fixture
{
    QTemporaryDir dir;
    Inventory inventory;
    Plan plan;
    QList<FileState> states;

    Fixture()
    {
        QList<QJsonObject> objects = demoClusterObjects();
        objects.append(QJsonObject{
            {s("apiVersion"), s("v1")},
            {s("kind"), s("Secret")},
            {s("metadata"), QJsonObject{{s("name"), s("llm-token")}, {s("namespace"), s("llm")}}},
            {s("data"), QJsonObject{{s("token"), s("c2VjcmV0")}}}});
        inventory.addObjects(objects);
        const Plan first = planRepository(inventory);
        const QString path = s("workloads/llm/llama-cpp-deployment.yaml");
        writeFile(dir.filePath(path), first.file(path)->text.toUtf8() + QByteArray("# edited\n"));
        const RepositoryFiles onDisk = readRepositoryFiles(dir.path());
        plan = planRepository(inventory, {}, onDisk);
        states = compareWithRepository(plan, onDisk);
    }
};

QStringList actionNames(const QMenu *menu)
{
    QStringList names;
    if (!menu)
        return names;
    for (const QAction *a : menu->actions()) {
        if (!a->isSeparator())
            names.append(a->objectName());
    }
    return names;
}

// A Flux Kustomization in flux-system as its watch reports it, Ready at main@sha1:0123456….
QJsonObject readyKustomization(const char *name)
{
    const QString revision = s("main@sha1:0123456789abcdef0123456789abcdef01234567");
    return QJsonObject{
        {s("apiVersion"), s("kustomize.toolkit.fluxcd.io/v1")},
        {s("kind"), s("Kustomization")},
        {s("metadata"), QJsonObject{{s("name"), s(name)},
                                    {s("namespace"), s("flux-system")},
                                    {s("resourceVersion"), s("1")}}},
        {s("spec"), QJsonObject{{s("interval"), s("10m")}}},
        {s("status"),
         QJsonObject{{s("lastAppliedRevision"), revision},
                     {s("conditions"),
                      QJsonArray{QJsonObject{
                          {s("type"), s("Ready")},
                          {s("status"), s("True")},
                          {s("reason"), s("ReconciliationSucceeded")},
                          {s("message"), QString(s("Applied revision: ") + revision)}}}}}}};
}

// Whether the view shows colour anywhere inside rect (the status mark the delegate paints).
bool paints(QWidget *viewport, const QRect &rect, const QColor &colour)
{
    const QImage image = viewport->grab(rect).toImage();
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixelColor(x, y).rgb() == colour.rgb())
                return true;
        }
    }
    return false;
}

QAction *actionNamed(const QMenu *menu, const QString &name)
{
    for (QAction *a : menu->actions()) {
        if (a->objectName() == name)
            return a;
    }
    return nullptr;
}

} // namespace

class TestPlanPane : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Fixture> m_fixture;

    // A shown pane with the fixture's plan.
    std::unique_ptr<PlanPane> planned()
    {
        auto pane = std::make_unique<PlanPane>();
        pane->resize(600, 800);
        pane->setRepository(m_fixture->dir.path());
        pane->setPlan(m_fixture->plan, m_fixture->states);
        pane->show();
        return pane;
    }

    static void selectPath(PlanPane *pane, const QString &path)
    {
        const QModelIndex index = pane->model()->indexForPath(path);
        QVERIFY2(index.isValid(), qPrintable(path));
        pane->view()->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                                   QItemSelectionModel::Rows);
    }

private slots:
    void initTestCase()
    {
        initResources();
        qRegisterMetaType<QList<ObjectKey>>();
        qRegisterMetaType<ObjectKey>();
        m_fixture = std::make_unique<Fixture>();
        QVERIFY(m_fixture->dir.isValid());
    }

    void emptyStateOffersToOpen()
    {
        PlanPane pane;
        pane.show();
        auto *open = pane.findChild<QPushButton *>(s("openRepositoryButton"));
        auto *write = pane.findChild<QPushButton *>(s("writePlanButton"));
        QVERIFY(open && write);
        QVERIFY(open->isVisible());
        QVERIFY(!write->isVisible()); // not a disabled placeholder: not there at all
        QSignalSpy spy(&pane, &PlanPane::openRepositoryRequested);
        QTest::mouseClick(open, Qt::LeftButton);
        QCOMPARE(spy.count(), 1);

        pane.setRepository(m_fixture->dir.path());
        QVERIFY(!open->isVisible());
        QVERIFY(write->isVisible());
        QVERIFY(!write->isEnabled()); // no plan yet

        pane.setRepository(QString());
        QVERIFY(open->isVisible());
    }

    void countsAndButtons()
    {
        auto pane = planned();
        const PlanTreeModel::Counts c = pane->model()->counts();
        QCOMPARE(c.differingFiles, 1);
        QCOMPARE(c.plannedFiles, int(m_fixture->plan.files.size()));
        auto *counts = pane->findChild<QLabel *>(s("planCounts"));
        QVERIFY(counts);
        QCOMPARE(counts->text(),
                 s("Objects to migrate: %1 · Files: %2 · Excluded: %3 · Differing: 1")
                     .arg(c.objectsToMigrate)
                     .arg(c.plannedFiles)
                     .arg(c.excludedObjects));
        auto *write = pane->findChild<QPushButton *>(s("writePlanButton"));
        QVERIFY(write->isEnabled());
        QSignalSpy writeSpy(pane.get(), &PlanPane::writeRequested);
        QSignalSpy settingsSpy(pane.get(), &PlanPane::settingsRequested);
        QTest::mouseClick(write, Qt::LeftButton);
        QTest::mouseClick(pane->findChild<QPushButton *>(s("fluxSettingsButton")), Qt::LeftButton);
        QCOMPARE(writeSpy.count(), 1);
        QCOMPARE(settingsSpy.count(), 1);

        auto *busy = pane->findChild<QProgressBar *>(s("planBusy"));
        QVERIFY(!busy->isVisible());
        pane->setBusy(true);
        QVERIFY(busy->isVisible());
        pane->setBusy(false);
        QVERIFY(!busy->isVisible());
    }

    void selectionEmitsObjects()
    {
        auto pane = planned();
        QSignalSpy spy(pane.get(), &PlanPane::objectsSelected);
        selectPath(pane.get(), s("workloads/llm/llama-cpp-service.yaml"));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.last().at(0).value<QList<ObjectKey>>(), QList<ObjectKey>{service});
    }

    void selectObjectSelectsItsFile()
    {
        auto pane = planned();
        QSignalSpy spy(pane.get(), &PlanPane::objectsSelected);
        QVERIFY(pane->selectObject(deployment));
        const QModelIndex current = pane->view()->currentIndex();
        QCOMPARE(current.data(PlanTreeModel::PathRole).toString(),
                 s("workloads/llm/llama-cpp-deployment.yaml"));
        QVERIFY(pane->view()->selectionModel()->isRowSelected(current.row(), current.parent()));
        QVERIFY(pane->view()->isExpanded(current.parent()));
        QCOMPARE(spy.count(), 0); // the other tree asked: no echo back to it

        // An excluded object: its row under Excluded, opened.
        QVERIFY(pane->selectObject(token));
        QCOMPARE(pane->view()->currentIndex().data(PlanTreeModel::NodeTypeRole).toInt(),
                 int(PlanTreeModel::ExcludedObject));
        QVERIFY(pane->view()->isExpanded(pane->view()->currentIndex().parent()));
        QVERIFY(!pane->selectObject(key("", "ConfigMap", "nowhere", "nothing")));
    }

    void deleteKeyExcludes()
    {
        auto pane = planned();
        selectPath(pane.get(), s("workloads/llm/llama-cpp-deployment.yaml"));
        QSignalSpy spy(pane.get(), &PlanPane::excludeRequested);
        pane->view()->setFocus();
        QTest::keyClick(pane->view(), Qt::Key_Delete);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.last().at(0).value<QList<ObjectKey>>(), QList<ObjectKey>{deployment});

        // A kustomization.yaml carries no object: nothing to exclude.
        selectPath(pane.get(), s("workloads/llm/kustomization.yaml"));
        QTest::keyClick(pane->view(), Qt::Key_Delete);
        QCOMPARE(spy.count(), 1);
    }

    void clusterRenameEmitsOnce()
    {
        auto pane = planned();
        auto *edit = pane->findChild<QLineEdit *>(s("clusterNameEdit"));
        QVERIFY(edit);
        QCOMPARE(edit->text(), s("homelab"));
        QSignalSpy spy(pane.get(), &PlanPane::clusterRenameRequested);
        edit->setFocus();
        edit->selectAll();
        QTest::keyClicks(edit, s("La_b2")); // the validator drops what a DNS label cannot hold
        QCOMPARE(edit->text(), s("ab2"));
        QTest::keyClick(edit, Qt::Key_Return);
        emit edit->editingFinished(); // focus leaving after Enter
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().at(0).toString(), s("ab2"));

        // Not yet a DNS label (a trailing '-'): Enter does not finish the edit.
        edit->setText(s("ab2-"));
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(spy.count(), 1);

        // Unchanged: nothing asked.
        edit->setText(s("ab2"));
        emit edit->editingFinished();
        QCOMPARE(spy.count(), 1);
    }

    void activation()
    {
        auto pane = planned();
        QSignalSpy files(pane.get(), &PlanPane::fileActivated);
        QSignalSpy diffs(pane.get(), &PlanPane::diffRequested);
        const QModelIndex differs =
            pane->model()->indexForPath(s("workloads/llm/llama-cpp-deployment.yaml"));
        const QModelIndex planned = pane->model()->indexForPath(s("workloads/llm/namespace.yaml"));
        emit pane->view()->activated(differs);
        emit pane->view()->activated(planned);
        emit pane->view()->activated(pane->model()->indexForPath(s("workloads/llm")));
        QCOMPARE(diffs.count(), 1);
        QCOMPARE(diffs.first().at(0).toString(), s("workloads/llm/llama-cpp-deployment.yaml"));
        QCOMPARE(files.count(), 1);
        QCOMPARE(files.first().at(0).toString(), s("workloads/llm/namespace.yaml"));
    }

    void contextMenuOnlyApplicable()
    {
        auto pane = planned();
        selectPath(pane.get(), s("workloads/llm/llama-cpp-deployment.yaml"));
        std::unique_ptr<QMenu> menu(pane->createContextMenu(nullptr));
        QCOMPARE(actionNames(menu.get()),
                 QStringList({s("openInEditorAction"), s("showDiffAction"), s("moveAction"),
                              s("renameAction"), s("excludeAction"), s("excludeKindAction"),
                              s("excludeNamespaceAction")}));
        // Bulk decisions: every object of the kind, or the namespace, as one rule.
        QSignalSpy kindRules(pane.get(), &PlanPane::kindRuleRequested);
        QSignalSpy namespaceRules(pane.get(), &PlanPane::namespaceRuleRequested);
        actionNamed(menu.get(), s("excludeKindAction"))->trigger();
        actionNamed(menu.get(), s("excludeNamespaceAction"))->trigger();
        QCOMPARE(kindRules.count(), 1);
        QCOMPARE(kindRules.first().at(0).toString(), s("Deployment.apps"));
        QCOMPARE(kindRules.first().at(1).toBool(), true);
        QCOMPARE(namespaceRules.count(), 1);
        QCOMPARE(namespaceRules.first().at(0).toString(), s("llm"));

        selectPath(pane.get(), s("workloads/llm/kustomization.yaml"));
        menu.reset(pane->createContextMenu(nullptr));
        QCOMPARE(actionNames(menu.get()), QStringList{s("openInEditorAction")});

        selectPath(pane.get(), s("workloads/llm"));
        menu.reset(pane->createContextMenu(nullptr));
        QVERIFY(!menu);

        QVERIFY(pane->selectObject(token));
        menu.reset(pane->createContextMenu(nullptr));
        QCOMPARE(actionNames(menu.get()), QStringList({s("moveAction"), s("includeAction")}));
        QAction *include = actionNamed(menu.get(), s("includeAction"));
        QCOMPARE(include->text(), s("Include as Plain Text"));
        QSignalSpy spy(pane.get(), &PlanPane::includeRequested);
        include->trigger();
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().at(0).value<QList<ObjectKey>>(), QList<ObjectKey>{token});

        // An object Kubernetes made cannot be included: no menu at all.
        const QModelIndex internal =
            pane->model()->indexForObject(key("", "ConfigMap", "llm", "kube-root-ca.crt"));
        QCOMPARE(internal.data(PlanTreeModel::NodeTypeRole).toInt(),
                 int(PlanTreeModel::ExcludedObject));
        pane->view()->selectionModel()->setCurrentIndex(
            internal, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        menu.reset(pane->createContextMenu(nullptr));
        QVERIFY(!menu);
    }

    void replanKeepsExpansionAndSelection()
    {
        auto pane = planned();
        QTreeView *view = pane->view();
        PlanTreeModel *model = pane->model();
        // First sight: the roots are open, Excluded is shut.
        QVERIFY(view->isExpanded(model->indexForPath(s("workloads"))));
        const QModelIndex excludedTop = model->index(model->rowCount() - 1, 0);
        QVERIFY(!view->isExpanded(excludedTop));

        view->collapse(model->indexForPath(s("infrastructure")));
        view->expand(model->indexForPath(s("workloads/llm")));
        view->expand(excludedTop);
        selectPath(pane.get(), s("workloads/llm/llama-cpp-service.yaml"));

        QSignalSpy spy(pane.get(), &PlanPane::objectsSelected);
        pane->setPlan(m_fixture->plan, m_fixture->states);
        QCOMPARE(spy.count(), 0);
        QVERIFY(!view->isExpanded(model->indexForPath(s("infrastructure"))));
        QVERIFY(view->isExpanded(model->indexForPath(s("workloads"))));
        QVERIFY(view->isExpanded(model->indexForPath(s("workloads/llm"))));
        QVERIFY(view->isExpanded(model->index(model->rowCount() - 1, 0)));
        QVERIFY(!view->isExpanded(model->indexForPath(s("workloads/log-analyzer"))));
        const QModelIndexList selected = view->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().data(PlanTreeModel::PathRole).toString(),
                 s("workloads/llm/llama-cpp-service.yaml"));
        QCOMPARE(view->currentIndex().data(PlanTreeModel::PathRole).toString(),
                 s("workloads/llm/llama-cpp-service.yaml"));
    }

    void clusterRenameKeepsItsFolderOpen()
    {
        auto pane = planned();
        QTreeView *view = pane->view();
        QVERIFY(view->isExpanded(pane->model()->indexForPath(s("clusters/homelab"))));
        selectPath(pane.get(), s("clusters/homelab/workloads.yaml"));
        PlanOptions options;
        options.cluster = s("lab2");
        const Plan renamed = planRepository(m_fixture->inventory, options);
        pane->setPlan(renamed, compareWithRepository(renamed, {}));
        QVERIFY(view->isExpanded(pane->model()->indexForPath(s("clusters/lab2"))));
        QCOMPARE(view->currentIndex().data(PlanTreeModel::PathRole).toString(),
                 s("clusters/lab2/workloads.yaml"));
        QCOMPARE(pane->findChild<QLineEdit *>(s("clusterNameEdit"))->text(), s("lab2"));
    }

    void movedFileStaysSelected()
    {
        auto pane = planned();
        selectPath(pane.get(), s("workloads/llm/llama-cpp-service.yaml"));
        PlanOptions options;
        options.placements.insert(service, s("workloads/log-analyzer/llama-cpp-service.yaml"));
        const Plan moved = planRepository(m_fixture->inventory, options);
        pane->setPlan(moved, compareWithRepository(moved, {}));
        const QModelIndex current = pane->view()->currentIndex();
        QCOMPARE(current.data(PlanTreeModel::PathRole).toString(),
                 s("workloads/log-analyzer/llama-cpp-service.yaml"));
        QVERIFY(pane->view()->selectionModel()->isRowSelected(current.row(), current.parent()));
        QVERIFY(pane->view()->isExpanded(current.parent()));
    }

    void dropOnTreeAsksToMove()
    {
        auto pane = planned();
        QSignalSpy spy(pane.get(), &PlanPane::moveRequested);
        std::unique_ptr<QMimeData> mime(PlanTreeModel::mimeDataFor({service}));
        QVERIFY(
            pane->model()->dropMimeData(mime.get(), Qt::MoveAction, -1, 0,
                                        pane->model()->indexForPath(s("workloads/log-analyzer"))));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().at(1).toString(), s("workloads/log-analyzer"));
    }

    void fluxStateBesideItsFile()
    {
        auto pane = planned();
        QTreeView *tree = pane->view();
        // No cluster's Flux: no column for it.
        QVERIFY(tree->isColumnHidden(PlanTreeModel::FluxColumn));
        FluxLiveState state;
        pane->setFluxLiveState(&state);
        QVERIFY(tree->isColumnHidden(PlanTreeModel::FluxColumn));

        state.upsert(readyKustomization("infrastructure"));
        QVERIFY(!tree->isColumnHidden(PlanTreeModel::FluxColumn));
        const QModelIndex file =
            pane->model()->indexForPath(s("clusters/homelab/infrastructure.yaml"));
        const QModelIndex cell = file.sibling(file.row(), PlanTreeModel::FluxColumn);
        QCOMPARE(tree->header()->sectionPosition(PlanTreeModel::FluxColumn) >
                     tree->header()->sectionPosition(PlanTreeModel::StatusColumn),
                 true);
        QCOMPARE(cell.data().toString(), s("Ready · main@sha1:0123456"));
        tree->scrollTo(cell);
        const QRect rect = tree->visualRect(cell);
        QVERIFY(rect.isValid());
        QVERIFY(rect.width() >= tree->fontMetrics().horizontalAdvance(cell.data().toString()));
        QVERIFY(paints(tree->viewport(), rect, FluxStatusDelegate::colour(FluxReadiness::Ready)));

        // In a narrow pane the names keep their room; the view scrolls sideways instead.
        pane->resize(360, 800);
        QTRY_VERIFY(tree->header()->length() > tree->viewport()->width());
        QVERIFY(tree->columnWidth(PlanTreeModel::NameColumn) >=
                tree->fontMetrics().averageCharWidth() * 22);
        pane->resize(600, 800);

        // Once the watches know the cluster, a planned Kustomization it lacks says so.
        const QModelIndex workloads =
            pane->model()->indexForPath(s("clusters/homelab/workloads.yaml"));
        QCOMPARE(workloads.sibling(workloads.row(), PlanTreeModel::FluxColumn).data().toString(),
                 QString());
        pane->setFluxWatching(true);
        QCOMPARE(workloads.sibling(workloads.row(), PlanTreeModel::FluxColumn).data().toString(),
                 s("not in the cluster"));

        // A re-plan keeps it; a new connection (the state cleared, the watch gone) drops it.
        pane->setPlan(m_fixture->plan, m_fixture->states);
        const QModelIndex again =
            pane->model()->indexForPath(s("clusters/homelab/infrastructure.yaml"));
        QCOMPARE(again.sibling(again.row(), PlanTreeModel::FluxColumn).data().toString(),
                 s("Ready · main@sha1:0123456"));
        state.clear();
        pane->setFluxWatching(false);
        QCOMPARE(again.sibling(again.row(), PlanTreeModel::FluxColumn).data().toString(),
                 QString());
        QVERIFY(tree->isColumnHidden(PlanTreeModel::FluxColumn));

        // Following a state that already holds objects shows them at once.
        state.upsert(readyKustomization("workloads"));
        pane->setFluxLiveState(nullptr);
        QVERIFY(tree->isColumnHidden(PlanTreeModel::FluxColumn));
        pane->setFluxLiveState(&state);
        const QModelIndex now = pane->model()->indexForPath(s("clusters/homelab/workloads.yaml"));
        QCOMPARE(now.sibling(now.row(), PlanTreeModel::FluxColumn).data().toString(),
                 s("Ready · main@sha1:0123456"));
    }
};

QTEST_MAIN(TestPlanPane)
#include "tst_planpane.moc"
