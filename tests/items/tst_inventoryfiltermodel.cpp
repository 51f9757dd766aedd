// The cluster tree's filter (issue 18): words match an object's name, kind or namespace; ns:,
// kind: and key=value narrow by namespace, kind and label; every term must match (AND).
#include "items/inventoryfiltermodel.h"
#include "items/inventorymodel.h"
#include "kube/inventory.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QTest>

using namespace Fluxdesk;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QJsonObject object(const char *apiVersion, const char *kind, const char *ns, const char *name,
                   const QJsonObject &labels = {})
{
    QJsonObject metadata{{s("name"), s(name)}};
    if (*ns)
        metadata.insert(s("namespace"), s(ns));
    if (!labels.isEmpty())
        metadata.insert(s("labels"), labels);
    return QJsonObject{
        {s("apiVersion"), s(apiVersion)}, {s("kind"), s(kind)}, {s("metadata"), metadata}};
}

QList<QJsonObject> objects()
{
    const QJsonObject app{{s("app"), s("llama-cpp")}};
    return {
        object("apps/v1", "Deployment", "llm", "llama-cpp", app),
        object("v1", "Service", "llm", "llama-cpp", app),
        object("v1", "ConfigMap", "llm", "llama-settings", app),
        object("v1", "ConfigMap", "kube-system", "coredns-custom"),
        object("apps/v1", "Deployment", "kube-system", "metrics-helper"),
        object("v1", "ConfigMap", "media", "jellyfin-kube-config"),
        object("v1", "Namespace", "", "llm"),
        object("v1", "Namespace", "", "media"),
        object("v1", "PersistentVolume", "", "pv-llm-models"),
        object("example.com/v1", "Deployment", "media", "odd-one"),
    };
}

// "ns/Kind/name" of every object row the model shows.
QStringList visibleObjects(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList out;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (index.data(InventoryModel::NodeTypeRole).toInt() == InventoryModel::ObjectNode)
            out.append(index.data(InventoryModel::NamespaceRole).toString() + QLatin1Char('/') +
                       index.data(InventoryModel::KindRole).toString() + QLatin1Char('/') +
                       index.data(InventoryModel::NameRole).toString());
        out += visibleObjects(model, index);
    }
    return out;
}

} // namespace

class TestInventoryFilterModel : public QObject
{
    Q_OBJECT
private slots:
    void filter_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");

        const QString deploy = s("llm/Deployment/llama-cpp");
        const QString service = s("llm/Service/llama-cpp");
        const QString settings = s("llm/ConfigMap/llama-settings");
        const QString coredns = s("kube-system/ConfigMap/coredns-custom");
        const QString helper = s("kube-system/Deployment/metrics-helper");
        const QString jellyfin = s("media/ConfigMap/jellyfin-kube-config");
        const QString odd = s("media/Deployment/odd-one");
        const QString llmNs = s("/Namespace/llm");
        const QString mediaNs = s("/Namespace/media");
        const QString pv = s("/PersistentVolume/pv-llm-models");

        // A namespace typed as a word shows that namespace's objects.
        QTest::addRow("namespace as a word") << s("kube-system") << QStringList{coredns, helper};
        QTest::addRow("namespace word, any case")
            << s("KUBE-SYSTEM") << QStringList{coredns, helper};
        // A word still matches names and kinds, wherever they live.
        QTest::addRow("word: name, kind or namespace")
            << s("kube") << QStringList{coredns, helper, jellyfin};
        QTest::addRow("word: llm") << s("llm") << QStringList{settings, deploy, service, llmNs, pv};
        QTest::addRow("ns: exactly") << s("ns:kube-system") << QStringList{coredns, helper};
        QTest::addRow("ns: not a substring") << s("ns:kube") << QStringList{};
        QTest::addRow("ns: takes the Namespace object")
            << s("ns:media") << QStringList{jellyfin, odd, mediaNs};
        QTest::addRow("namespace: spelled out")
            << s("namespace:llm") << QStringList{settings, deploy, service, llmNs};
        QTest::addRow("kind: exactly")
            << s("kind:configmap") << QStringList{coredns, settings, jellyfin};
        QTest::addRow("kind: with its group")
            << s("kind:Deployment.apps") << QStringList{helper, deploy};
        QTest::addRow("kind: without group, every group")
            << s("kind:Deployment") << QStringList{helper, deploy, odd};
        // Combined: every term must match.
        QTest::addRow("ns and kind") << s("ns:kube-system kind:ConfigMap") << QStringList{coredns};
        QTest::addRow("kind and label")
            << s("kind:ConfigMap app=llama-cpp") << QStringList{settings};
        QTest::addRow("ns, kind and label")
            << s("ns:llm kind:Deployment app=llama-cpp") << QStringList{deploy};
        QTest::addRow("word and kind")
            << s("kube kind:ConfigMap") << QStringList{coredns, jellyfin};
        QTest::addRow("label and namespace word")
            << s("app= llm") << QStringList{settings, deploy, service};
        // A prefix without a value (still being typed) narrows nothing.
        QTest::addRow("ns: being typed")
            << s("ns: kind:ConfigMap") << QStringList{coredns, settings, jellyfin};
    }

    void filter()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        Inventory inventory;
        InventoryModel model;
        model.setInventory(&inventory);
        InventoryFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addObjects(inventory.addObjects(objects()));
        filter.setShowOwned(true); // the hand-made objects' ownership is not the point here
        filter.setFilterText(text);
        QCOMPARE(visibleObjects(filter), expected);
    }
};

QTEST_GUILESS_MAIN(TestInventoryFilterModel)
#include "tst_inventoryfiltermodel.moc"
