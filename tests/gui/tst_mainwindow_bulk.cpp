// Bulk decisions and the namespace filter in the window (issue 18): objects multi-selected in
// the cluster tree leave the plan through its context menu, a kind and a namespace leave it as one
// rule each in .fluxdesk/plan.yaml, the plan tree offers the same rules, the status bar says how
// many objects moved, and typing a namespace in the cluster filter shows that namespace.
#include "clusterpane.h"
#include "items/inventorymodel.h"
#include "items/plantreemodel.h"
#include "mainwindow.h"
#include "plan/plansession.h"
#include "plancontroller.h"
#include "planpane.h"
#include "windowtesting.h"

#include <QAction>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Fluxdesk;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

const ObjectKey llamaDeployment{s("apps"), s("Deployment"), s("llm"), s("llama-cpp")};
const ObjectKey llamaService{{}, s("Service"), s("llm"), s("llama-cpp")};
const ObjectKey analyzerConfig{{}, s("ConfigMap"), s("log-analyzer"), s("log-analyzer-config")};

using TestFiles::startOnDemo;

// Every file path the plan tree shows.
QStringList planTreeFiles(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList out;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (index.data(PlanTreeModel::NodeTypeRole).toInt() == PlanTreeModel::File)
            out.append(index.data(PlanTreeModel::PathRole).toString());
        out += planTreeFiles(model, index);
    }
    return out;
}

// "ns/Kind/name" of every object row the cluster tree shows.
QStringList clusterTreeObjects(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList out;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (index.data(InventoryModel::NodeTypeRole).toInt() == InventoryModel::ObjectNode)
            out.append(index.data(InventoryModel::NamespaceRole).toString() + QLatin1Char('/') +
                       index.data(InventoryModel::KindRole).toString() + QLatin1Char('/') +
                       index.data(InventoryModel::NameRole).toString());
        out += clusterTreeObjects(model, index);
    }
    return out;
}

QAction *actionNamed(QMenu *menu, const char *name)
{
    return menu ? menu->findChild<QAction *>(s(name)) : nullptr;
}

QByteArray planFile(const QTemporaryDir &repo)
{
    QFile file(repo.filePath(s(".fluxdesk/plan.yaml")));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Clicks a row of the cluster tree as a user would (with Ctrl to add it to the selection).
void clickRow(QTreeView *tree, const QModelIndex &index, Qt::KeyboardModifiers modifiers = {})
{
    tree->scrollTo(index);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, modifiers,
                      tree->visualRect(index).center());
}

} // namespace

class TestBulkDecisionsGui : public QObject
{
    Q_OBJECT
public:
    TestBulkDecisionsGui() { TestFiles::useScratchHome(m_home); }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void multiSelectionLeavesThePlanFromTheClusterTree()
    {
        QTemporaryDir repo;
        QVERIFY(repo.isValid());
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(startOnDemo(window, repo.path()));
        PlanController *plan = window.planController();
        auto *pane = window.findChild<PlanPane *>(s("planPane"));
        QVERIFY(pane);
        QVERIFY(
            planTreeFiles(*pane->model()).contains(s("workloads/llm/llama-cpp-deployment.yaml")));
        QSignalSpy ready(plan->session(), &PlanSession::planReady);

        // Click the Deployment, Ctrl-click the Service.
        ClusterPane *cluster = window.clusterPane();
        QTreeView *tree = cluster->treeView();
        QVERIFY(cluster->selectObject(llamaDeployment));
        clickRow(tree, tree->currentIndex());
        QVERIFY(cluster->selectObject(llamaService)); // expands it; the click selects
        const QModelIndex service = tree->currentIndex();
        QVERIFY(cluster->selectObject(llamaDeployment));
        clickRow(tree, service, Qt::ControlModifier);
        QCOMPARE(cluster->selectedObjects(), (QList<ObjectKey>{llamaDeployment, llamaService}));

        // The tree's context menu is the pane's (with the window's Open Object in Editor first).
        QCOMPARE(tree->contextMenuPolicy(), Qt::CustomContextMenu);
        std::unique_ptr<QMenu> menu(cluster->createContextMenu(&window));
        QVERIFY(menu);
        QCOMPARE(menu->actions().first()->objectName(), s("openInEditorAction"));
        QAction *exclude = actionNamed(menu.get(), "clusterExcludeAction");
        QVERIFY(exclude);
        QVERIFY(!actionNamed(menu.get(), "clusterIncludeAction"));
        exclude->trigger();
        QVERIFY(ready.wait(30000));

        const QStringList files = planTreeFiles(*pane->model());
        QVERIFY(!files.contains(s("workloads/llm/llama-cpp-deployment.yaml")));
        QVERIFY(!files.contains(s("workloads/llm/llama-cpp-service.yaml")));
        QVERIFY(files.contains(s("workloads/llm/namespace.yaml")));
        // Per object, one line each.
        const QByteArray saved = planFile(repo);
        QCOMPARE(saved.count("decision: exclude"), 2);
        QVERIFY2(saved.contains("name: llama-cpp"), saved.constData());
        QCOMPARE(window.statusBar()->currentMessage(),
                 s("Excluded 2 objects from the plan (.fluxdesk/plan.yaml)"));

        // Now the menu offers them back.
        menu.reset(cluster->createContextMenu(&window));
        QAction *include = actionNamed(menu.get(), "clusterIncludeAction");
        QVERIFY(include);
        QVERIFY(!actionNamed(menu.get(), "clusterExcludeAction"));
        include->trigger();
        QVERIFY(ready.wait(30000));
        QVERIFY(
            planTreeFiles(*pane->model()).contains(s("workloads/llm/llama-cpp-deployment.yaml")));
        QVERIFY(!planFile(repo).contains("decision: exclude"));
        QCOMPARE(window.statusBar()->currentMessage(),
                 s("Included 2 objects in the plan (.fluxdesk/plan.yaml)"));
    }

    void kindAndNamespaceRules()
    {
        QTemporaryDir repo;
        QVERIFY(repo.isValid());
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(startOnDemo(window, repo.path()));
        PlanController *plan = window.planController();
        auto *pane = window.findChild<PlanPane *>(s("planPane"));
        QVERIFY(pane);
        QSignalSpy ready(plan->session(), &PlanSession::planReady);
        ClusterPane *cluster = window.clusterPane();
        QTreeView *tree = cluster->treeView();

        // Every PersistentVolume, from one of them in the cluster tree.
        const ObjectKey pv{{}, s("PersistentVolume"), {}, s("loki-pv")};
        QVERIFY(cluster->selectObject(pv));
        clickRow(tree, tree->currentIndex());
        std::unique_ptr<QMenu> menu(cluster->createContextMenu(&window));
        QAction *kind = actionNamed(menu.get(), "clusterExcludeKindAction");
        QVERIFY(kind);
        QCOMPARE(kind->text(), s("Exclude Every PersistentVolume in All Namespaces"));
        QVERIFY(!actionNamed(menu.get(), "clusterExcludeNamespaceAction")); // cluster-scoped
        kind->trigger();
        QVERIFY(ready.wait(30000));
        for (const QString &file : planTreeFiles(*pane->model()))
            QVERIFY2(!file.startsWith(s("infrastructure/storage/")), qPrintable(file));
        QByteArray saved = planFile(repo);
        QVERIFY2(saved.contains("exclude:\n  kinds:\n  - PersistentVolume\n"), saved.constData());
        QVERIFY(!saved.contains("objects:")); // a rule, not a line per object
        QCOMPARE(window.statusBar()->currentMessage(),
                 s("Excluded 3 objects from the plan (.fluxdesk/plan.yaml)"));

        // Typing a namespace in the filter shows that namespace's objects, though their names
        // do not say it.
        QLineEdit *filter = cluster->filterEdit();
        QCOMPARE(filter->objectName(), s("filterEdit"));
        filter->setFocus();
        QTest::keyClicks(filter, s("llm"));
        QTRY_VERIFY(clusterTreeObjects(*tree->model()).contains(s("llm/Deployment/llama-cpp")));
        QVERIFY(clusterTreeObjects(*tree->model()).contains(s("llm/Service/llama-cpp")));
        for (const QString &object : clusterTreeObjects(*tree->model()))
            QVERIFY2(object.startsWith(s("llm/")) || object.contains(s("llm")), qPrintable(object));

        // ns: and kind: narrow it further, combined.
        filter->clear();
        QTest::keyClicks(filter, s("ns:log-analyzer kind:ConfigMap"));
        QTRY_COMPARE(clusterTreeObjects(*tree->model()),
                     QStringList{s("log-analyzer/ConfigMap/log-analyzer-config")});
        filter->clear();
        QTest::keyClicks(filter, s("ns:log-analyzer"));
        QTRY_VERIFY(!clusterTreeObjects(*tree->model()).isEmpty());
        const QStringList shown = clusterTreeObjects(*tree->model());
        for (const QString &object : shown)
            QVERIFY2(object.startsWith(s("log-analyzer/")) ||
                         object == s("/Namespace/log-analyzer"),
                     qPrintable(object));
        QVERIFY(shown.contains(s("log-analyzer/ConfigMap/log-analyzer-config")));
        QVERIFY(shown.contains(s("log-analyzer/Deployment/log-analyzer")));

        // The namespace's row offers the rule.
        const QModelIndex nsRow = tree->model()->index(0, 0);
        QCOMPARE(nsRow.data(InventoryModel::NamespaceRole).toString(), s("log-analyzer"));
        clickRow(tree, nsRow);
        menu.reset(cluster->createContextMenu(&window));
        QAction *ns = actionNamed(menu.get(), "clusterExcludeNamespaceAction");
        QVERIFY(ns);
        QCOMPARE(ns->text(), s("Exclude Namespace log-analyzer"));
        ns->trigger();
        QVERIFY(ready.wait(30000));
        for (const QString &file : planTreeFiles(*pane->model()))
            QVERIFY2(!file.startsWith(s("workloads/log-analyzer/")), qPrintable(file));
        saved = planFile(repo);
        QVERIFY2(saved.contains("  namespaces:\n  - log-analyzer\n"), saved.constData());
        QCOMPARE(window.statusBar()->currentMessage(),
                 s("Excluded 4 objects from the plan (.fluxdesk/plan.yaml)"));

        // The same row now offers the namespace back.
        menu.reset(cluster->createContextMenu(&window));
        QVERIFY(!actionNamed(menu.get(), "clusterExcludeNamespaceAction"));
        QAction *back = actionNamed(menu.get(), "clusterIncludeNamespaceAction");
        QVERIFY(back);
        back->trigger();
        QVERIFY(ready.wait(30000));
        QVERIFY(planTreeFiles(*pane->model())
                    .contains(s("workloads/log-analyzer/log-analyzer-deployment.yaml")));
        QVERIFY(!planFile(repo).contains("namespaces:"));

        // The plan tree offers the same rules for a file: every Service.
        filter->clear();
        QVERIFY(pane->selectObject(llamaService));
        const QModelIndex serviceFile = pane->view()->currentIndex();
        QCOMPARE(serviceFile.data(PlanTreeModel::PathRole).toString(),
                 s("workloads/llm/llama-cpp-service.yaml"));
        menu.reset(pane->createContextMenu(&window));
        QAction *services = actionNamed(menu.get(), "excludeKindAction");
        QVERIFY(services);
        QVERIFY(actionNamed(menu.get(), "excludeNamespaceAction"));
        services->trigger();
        QVERIFY(ready.wait(30000));
        for (const QString &file : planTreeFiles(*pane->model()))
            QVERIFY2(!file.endsWith(s("-service.yaml")), qPrintable(file));
        QVERIFY2(planFile(repo).contains("  - Service\n"), planFile(repo).constData());
    }

private:
    QTemporaryDir m_home;
};

QTEST_MAIN(TestBulkDecisionsGui)
#include "tst_mainwindow_bulk.moc"
