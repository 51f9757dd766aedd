// Selecting through the window, clicked as a user would: a Helm release in the cluster tree and
// its planned HelmRelease file select each other, and the panes keep the widths the user gave
// them while the selection walks through releases, long names and Secrets.
#include "clusterpane.h"
#include "core/resources.h"
#include "items/inventoryfiltermodel.h"
#include "items/inventorymodel.h"
#include "items/plantreemodel.h"
#include "mainwindow.h"
#include "plan/plansession.h"
#include "plancontroller.h"
#include "planpane.h"
#include "windowtesting.h"

#include <QCheckBox>
#include <QFile>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Fluxdesk;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

using TestFiles::startOnDemo;

// Reveals the row and clicks it, as the user does.
bool clickRow(QTreeView *tree, const QModelIndex &index)
{
    if (!index.isValid())
        return false;
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
        tree->expand(p);
    tree->scrollTo(index);
    const QRect rect = tree->visualRect(index);
    if (!rect.isValid())
        return false;
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
    return tree->currentIndex() == index;
}

QModelIndex clusterObject(MainWindow &window, const ObjectKey &key)
{
    return window.clusterPane()->filterModel()->mapFromSource(
        window.inventoryModel()->indexOf(key));
}

QModelIndex clusterRelease(MainWindow &window, const QString &ns, const QString &name)
{
    return window.clusterPane()->filterModel()->mapFromSource(
        window.inventoryModel()->indexOfRelease(ns, name));
}

} // namespace

class TestMainWindowSelection : public QObject
{
    Q_OBJECT
public:
    TestMainWindowSelection()
    {
        TestFiles::useScratchHome(m_home);
        qputenv("KUBECONFIG", QFile::encodeName(m_home.filePath(s("missing-kubeconfig"))));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        initResources();
    }

    void helmReleaseAndItsFileSelectEachOther_data()
    {
        QTest::addColumn<QString>("ns");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("path");
        QTest::addRow("grafana") << s("logging") << s("grafana")
                                 << s("infrastructure/logging/grafana-helmrelease.yaml");
        QTest::addRow("eg") << s("envoy-gateway-system") << s("eg")
                            << s("infrastructure/controllers/eg/helmrelease.yaml");
    }

    void helmReleaseAndItsFileSelectEachOther()
    {
        QFETCH(QString, ns);
        QFETCH(QString, name);
        QFETCH(QString, path);
        QTemporaryDir repo;
        QVERIFY(repo.isValid());
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(startOnDemo(window, repo.path()));
        auto *pane = window.findChild<PlanPane *>(s("planPane"));
        auto *clusterTree = window.findChild<QTreeView *>(s("clusterTree"));
        auto *planTree = window.findChild<QTreeView *>(s("planTree"));
        QVERIFY(pane && clusterTree && planTree);

        // The release in the cluster tree selects its HelmRelease file.
        QVERIFY(clickRow(clusterTree, clusterRelease(window, ns, name)));
        QCOMPARE(planTree->currentIndex().data(PlanTreeModel::PathRole).toString(), path);
        QCOMPARE(planTree->selectionModel()->selectedRows().size(), 1);

        // Away to a plain object, then the file in the plan tree selects the release.
        const ObjectKey deployment{s("apps"), s("Deployment"), s("llm"), s("llama-cpp")};
        QVERIFY(clickRow(clusterTree, clusterObject(window, deployment)));
        QVERIFY(planTree->currentIndex().data(PlanTreeModel::PathRole).toString() != path);
        QVERIFY(clickRow(planTree, pane->model()->indexForPath(path)));
        QString selectedNs;
        QString selectedName;
        QVERIFY(InventoryModel::releaseAt(clusterTree->currentIndex(), &selectedNs, &selectedName));
        QCOMPARE(selectedNs, ns);
        QCOMPARE(selectedName, name);
        // The plan tree keeps the file the user clicked.
        QCOMPARE(planTree->currentIndex().data(PlanTreeModel::PathRole).toString(), path);
    }

    void paneWidthsStayWhileSelecting()
    {
        QTemporaryDir repo;
        QVERIFY(repo.isValid());
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(startOnDemo(window, repo.path()));
        auto *showOwned = window.findChild<QCheckBox *>(s("showOwnedToggle"));
        QVERIFY(showOwned);
        if (!showOwned->isChecked())
            showOwned->click();
        auto *splitter = window.findChild<QSplitter *>(s("mainSplitter"));
        auto *clusterTree = window.findChild<QTreeView *>(s("clusterTree"));
        auto *planTree = window.findChild<QTreeView *>(s("planTree"));
        auto *pane = window.findChild<PlanPane *>(s("planPane"));
        QVERIFY(splitter && clusterTree && planTree && pane);
        // Where the user put the dividers: narrow trees, a wide editor.
        splitter->setSizes({330, 330, 700});
        QTest::qWait(50);
        const QList<int> sizes = splitter->sizes();

        const auto object = [](const char *group, const char *kind, const char *ns,
                               const char *name) {
            return ObjectKey{s(group), s(kind), s(ns), s(name)};
        };
        const QList<ObjectKey> objects{
            object("apiextensions.k8s.io", "CustomResourceDefinition", "",
                   "backendtrafficpolicies.gateway.envoyproxy.io"),
            object("", "Secret", "logging", "sh.helm.release.v1.grafana.v1"),
            object("apps", "ReplicaSet", "envoy-gateway-system",
                   "envoy-default-homelab-66fbaab8-7c6f9d5b8"),
            object("", "Pod", "envoy-gateway-system",
                   "envoy-default-homelab-66fbaab8-7c6f9d5b8-r4t8n"),
            object("", "Secret", "logging", "grafana"),
            object("rbac.authorization.k8s.io", "Role", "kube-system",
                   "system::leader-locking-kube-controller-manager"),
            object("apps", "Deployment", "llm", "llama-cpp"),
            object("", "PersistentVolume", "", "pvc-6133ad10-badf-5cda-b0bf-c48e9964ce09"),
            object("rbac.authorization.k8s.io", "ClusterRole", "",
                   "system:controller:deployment-controller"),
            object("", "Secret", "envoy-gateway-system", "sh.helm.release.v1.eg.v1"),
            object("", "ConfigMap", "log-analyzer", "log-analyzer-config"),
            object("apiregistration.k8s.io", "APIService", "", "v1beta1.metrics.k8s.io"),
            object("", "Event", "logging", "loki-0.1849a3c2f0b1d7e5"),
            object("", "Secret", "logging", "sh.helm.release.v1.loki.v2"),
        };
        int selected = 0;
        const auto check = [&](const char *what) {
            QTest::qWait(20); // the splitter lays out on posted events
            ++selected;
            if (splitter->sizes() != sizes) {
                QStringList now;
                for (const int size : splitter->sizes())
                    now.append(QString::number(size));
                qWarning("sizes changed after selecting %s: %s", what,
                         qPrintable(now.join(QLatin1Char(' '))));
            }
            return splitter->sizes() == sizes;
        };
        for (const ObjectKey &key : objects) {
            QVERIFY2(clickRow(clusterTree, clusterObject(window, key)), qPrintable(key.toString()));
            QVERIFY(check(qPrintable(key.toString())));
        }
        const QList<QPair<const char *, const char *>> releases{{"logging", "grafana"},
                                                                {"logging", "loki"},
                                                                {"kube-system", "traefik"},
                                                                {"envoy-gateway-system", "eg"}};
        for (const auto &release : releases) {
            QVERIFY(
                clickRow(clusterTree, clusterRelease(window, s(release.first), s(release.second))));
            QVERIFY(check(release.second));
        }
        // And from the plan tree: a long file name and the Helm release's file.
        QVERIFY(clickRow(planTree, pane->model()->indexForRelease(s("logging"), s("loki"))));
        QVERIFY(check("loki's HelmRelease file"));
        QVERIFY(clickRow(planTree, pane->model()->indexForObject(object(
                                       "", "ConfigMap", "log-analyzer", "log-analyzer-config"))));
        QVERIFY(check("log-analyzer-config's file"));
        QCOMPARE(selected, 20);
        QCOMPARE(splitter->sizes(), sizes);
    }

private:
    QTemporaryDir m_home;
};

QTEST_MAIN(TestMainWindowSelection)
#include "tst_mainwindow_selection.moc"
