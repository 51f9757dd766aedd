#include "core/resources.h"
#include "items/inventoryfiltermodel.h"
#include "items/inventorymodel.h"
#include "kube/inventory.h"
#include "kube/snapshot.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Fluxdesk;

namespace {

QJsonObject object(const QString &apiVersion, const QString &kind, const QString &ns,
                   const QString &name, const QJsonObject &labels = {},
                   const QJsonObject &annotations = {}, const QJsonArray &owners = {})
{
    QJsonObject metadata{{QStringLiteral("name"), name}};
    if (!ns.isEmpty())
        metadata.insert(QStringLiteral("namespace"), ns);
    if (!labels.isEmpty())
        metadata.insert(QStringLiteral("labels"), labels);
    if (!annotations.isEmpty())
        metadata.insert(QStringLiteral("annotations"), annotations);
    if (!owners.isEmpty())
        metadata.insert(QStringLiteral("ownerReferences"), owners);
    return QJsonObject{{QStringLiteral("apiVersion"), apiVersion},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("metadata"), metadata}};
}

// A small homelab: one object per interesting ownership.
QList<QJsonObject> handMadeObjects()
{
    const QJsonArray rsOwner{QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                                         {QStringLiteral("kind"), QStringLiteral("Deployment")},
                                         {QStringLiteral("name"), QStringLiteral("llama-cpp")},
                                         {QStringLiteral("uid"), QStringLiteral("u-1")},
                                         {QStringLiteral("controller"), true}}};
    return {
        object(QStringLiteral("apps/v1"), QStringLiteral("Deployment"), QStringLiteral("llm"),
               QStringLiteral("llama-cpp"), {{QStringLiteral("app"), QStringLiteral("llama-cpp")}}),
        object(QStringLiteral("v1"), QStringLiteral("Service"), QStringLiteral("llm"),
               QStringLiteral("llama-cpp"), {{QStringLiteral("app"), QStringLiteral("llama-cpp")}}),
        object(QStringLiteral("v1"), QStringLiteral("ConfigMap"), QStringLiteral("llm"),
               QStringLiteral("kube-root-ca.crt")),
        object(QStringLiteral("apps/v1"), QStringLiteral("ReplicaSet"), QStringLiteral("llm"),
               QStringLiteral("llama-cpp-5d9c"),
               {{QStringLiteral("app"), QStringLiteral("llama-cpp")}}, {}, rsOwner),
        object(QStringLiteral("v1"), QStringLiteral("ConfigMap"), QStringLiteral("logging"),
               QStringLiteral("loki"),
               {{QStringLiteral("app"), QStringLiteral("loki")},
                {QStringLiteral("app.kubernetes.io/managed-by"), QStringLiteral("Helm")}},
               {{QStringLiteral("meta.helm.sh/release-name"), QStringLiteral("loki")},
                {QStringLiteral("meta.helm.sh/release-namespace"), QStringLiteral("logging")}}),
        object(QStringLiteral("v1"), QStringLiteral("Secret"), QStringLiteral("logging"),
               QStringLiteral("sh.helm.release.v1.loki.v1"),
               {{QStringLiteral("owner"), QStringLiteral("helm")},
                {QStringLiteral("name"), QStringLiteral("loki")}}),
        object(QStringLiteral("v1"), QStringLiteral("ConfigMap"), QStringLiteral("kube-system"),
               QStringLiteral("coredns")),
        object(QStringLiteral("v1"), QStringLiteral("PersistentVolume"), QString(),
               QStringLiteral("pv-llm-models")),
        object(QStringLiteral("v1"), QStringLiteral("Namespace"), QString(), QStringLiteral("llm")),
    };
}

// The tree as text, one row per line, two spaces per level: "name [badge] (count)".
QString dump(const QAbstractItemModel &model, const QModelIndex &parent = {}, int depth = 0)
{
    QString out;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        QString line = QString(depth * 2, QLatin1Char(' ')) + index.data().toString();
        const QString badge = index.siblingAtColumn(InventoryModel::BadgeColumn).data().toString();
        if (!badge.isEmpty())
            line += QStringLiteral(" [") + badge + QLatin1Char(']');
        const QString count = index.siblingAtColumn(InventoryModel::CountColumn).data().toString();
        if (!count.isEmpty())
            line += QStringLiteral(" (") + count + QLatin1Char(')');
        out += line + QLatin1Char('\n');
        out += dump(model, index, depth + 1);
    }
    return out;
}

// "ns/Kind/name" of every object row the model shows.
QStringList visibleObjects(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList out;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (index.data(InventoryModel::NodeTypeRole).toInt() == InventoryModel::ObjectNode) {
            out.append(index.data(InventoryModel::NamespaceRole).toString() + QLatin1Char('/') +
                       index.data(InventoryModel::KindRole).toString() + QLatin1Char('/') +
                       index.data(InventoryModel::NameRole).toString());
        }
        out += visibleObjects(model, index);
    }
    return out;
}

const char *const expectedHandMade = R"(kube-system (1)
  ConfigMap (1)
    coredns [System]
llm (4)
  ConfigMap (1)
    kube-root-ca.crt [Generated]
  Deployment (1)
    llama-cpp [Manual]
  ReplicaSet (1)
    llama-cpp-5d9c [Owned]
  Service (1)
    llama-cpp [Manual]
logging (2)
  ConfigMap (1)
    loki [Helm]
  Secret (1)
    sh.helm.release.v1.loki.v1 [Helm record]
Cluster-scoped (2)
  Namespace (1)
    llm [Manual]
  PersistentVolume (1)
    pv-llm-models [Manual]
)";

} // namespace

class TestInventoryModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { initResources(); }

    void incrementalBatchesMatchExpectedDump()
    {
        Inventory inventory;
        InventoryModel model;
        model.setInventory(&inventory);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);

        const QList<QJsonObject> objects = handMadeObjects();
        // Out of order, across namespaces, with a new kind arriving in an existing namespace.
        model.addObjects(inventory.addObjects({objects[4], objects[1]}));
        model.addObjects(inventory.addObjects({objects[7], objects[0], objects[5]}));
        model.addObjects(inventory.addObjects({objects[2], objects[3], objects[6], objects[8]}));
        QCOMPARE(resets.count(), 0);
        QVERIFY(inserts.count() >= 3);

        QCOMPARE(dump(model), QString::fromUtf8(expectedHandMade));
        QCOMPARE(model.objectCount(), 9);

        // A replaced object is a dataChanged on its row, not a new row.
        changes.clear();
        const int rowsBefore = model.rowCount();
        QJsonObject changed = objects[0];
        QJsonObject metadata = changed.value(QStringLiteral("metadata")).toObject();
        metadata.insert(QStringLiteral("labels"),
                        QJsonObject{{QStringLiteral("app"), QStringLiteral("llama-server")}});
        changed.insert(QStringLiteral("metadata"), metadata);
        model.addObjects(inventory.addObjects({changed}));
        QCOMPARE(model.rowCount(), rowsBefore);
        QCOMPARE(model.objectCount(), 9);
        QCOMPARE(changes.count(), 1);
        const QModelIndex deployment = model.indexOf(ObjectKey::of(changed));
        QCOMPARE(changes.first().at(0).toModelIndex(), deployment);
        QCOMPARE(deployment.data(InventoryModel::LabelsRole)
                     .toJsonObject()
                     .value(QStringLiteral("app"))
                     .toString(),
                 QStringLiteral("llama-server"));
        QCOMPARE(InventoryModel::keyAt(deployment).toString(),
                 QStringLiteral("apps/Deployment llm/llama-cpp"));
        QCOMPARE(deployment.data(InventoryModel::ObjectKeyRole).toString(),
                 QStringLiteral("apps/Deployment llm/llama-cpp"));

        // Building it at once gives the same tree.
        InventoryModel fresh;
        fresh.setInventory(&inventory);
        QCOMPARE(dump(fresh), dump(model));
    }

    void tooltipsCarryTheReason()
    {
        Inventory inventory;
        InventoryModel model;
        model.setInventory(&inventory);
        model.addObjects(inventory.addObjects(handMadeObjects()));
        const QModelIndex record =
            model.indexOf(ObjectKey{QString(), QStringLiteral("Secret"), QStringLiteral("logging"),
                                    QStringLiteral("sh.helm.release.v1.loki.v1")},
                          InventoryModel::BadgeColumn);
        QVERIFY(record.isValid());
        const InventoryEntry *entry = inventory.find(InventoryModel::keyAt(record));
        QVERIFY(entry);
        QVERIFY(!entry->classification.reason.isEmpty());
        QVERIFY(record.data(Qt::ToolTipRole).toString().startsWith(entry->classification.reason));
        QCOMPARE(record.data(InventoryModel::OwnershipRole).toInt(),
                 int(Ownership::HelmReleaseRecord));
        QVERIFY(record.data(InventoryModel::HiddenByDefaultRole).toBool());
        const QModelIndex logging = model.index(2, 0);
        QCOMPARE(logging.data().toString(), QStringLiteral("logging"));
        QCOMPARE(logging.data(InventoryModel::CountRole).toInt(), 2);
        QVERIFY(logging.data(Qt::ToolTipRole).toString().contains(QStringLiteral("logging")));
    }

    void sessionLikeReset()
    {
        Inventory inventory;
        InventoryModel model;
        model.setInventory(&inventory);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addObjects(inventory.addObjects(handMadeObjects()));
        QCOMPARE(model.rowCount(), 4);
        inventory.clear();
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.objectCount(), 0);
        model.addObjects(inventory.addObjects(handMadeObjects().mid(0, 2)));
        QCOMPARE(dump(model), QStringLiteral("llm (2)\n  Deployment (1)\n    llama-cpp [Manual]\n"
                                             "  Service (1)\n    llama-cpp [Manual]\n"));
    }

    void demoClusterInBatches_data()
    {
        QTest::addColumn<int>("batchSize");
        QTest::addRow("one at a time") << 1;
        QTest::addRow("batches of 7") << 7;
        QTest::addRow("all at once") << 100000;
    }

    void demoClusterInBatches()
    {
        QFETCH(int, batchSize);
        const QList<QJsonObject> objects = demoClusterObjects();
        QVERIFY(objects.size() > 50);

        Inventory inventory;
        InventoryModel model;
        model.setInventory(&inventory);
        InventoryFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        // Reverse order: every batch inserts before existing rows somewhere.
        QList<QJsonObject> reversed(objects.crbegin(), objects.crend());
        for (int from = 0; from < reversed.size(); from += batchSize)
            model.addObjects(inventory.addObjects(reversed.mid(from, batchSize)));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(model.objectCount(), inventory.size());

        InventoryModel fresh;
        fresh.setInventory(&inventory);
        QCOMPARE(dump(model), dump(fresh));

        // The Helm releases group comes first: one row per current release, sorted by
        // namespace and name, whatever order the records arrived in.
        const QModelIndex releases = model.index(0, 0);
        QCOMPARE(releases.data(InventoryModel::NodeTypeRole).toInt(),
                 int(InventoryModel::ReleaseGroupNode));
        QCOMPARE(releases.data().toString(), QStringLiteral("Helm releases"));
        QCOMPARE(releases.data(InventoryModel::CountRole).toInt(), 6);
        QCOMPARE(model.releaseCount(), 6);
        QStringList rows;
        for (int row = 0; row < model.rowCount(releases); ++row) {
            const QModelIndex release = model.index(row, 0, releases);
            rows.append(release.data().toString() + QStringLiteral(" [") +
                        release.siblingAtColumn(InventoryModel::BadgeColumn).data().toString() +
                        QLatin1Char(']'));
        }
        QCOMPARE(rows,
                 (QStringList{
                     QStringLiteral("envoy-gateway-system/eg · gateway-helm v1.4.6 · rev 1 "
                                    "[deployed]"),
                     QStringLiteral("kube-system/traefik · traefik 34.2.1+up34.2.0 · rev 1 [K3s]"),
                     QStringLiteral("logging/alloy · alloy 1.4.0 · rev 1 [deployed]"),
                     QStringLiteral("logging/grafana · grafana 10.2.0 · rev 1 [deployed]"),
                     QStringLiteral("logging/loki · loki 6.21.0 · rev 2 [deployed]"),
                     QStringLiteral("logging/tempo · tempo 1.24.1 · rev 1 [deployed]"),
                 }));
        const QModelIndex loki =
            model.indexOfRelease(QStringLiteral("logging"), QStringLiteral("loki"));
        QCOMPARE(loki.data(InventoryModel::RevisionRole).toInt(), 2);
        QCOMPARE(loki.data(InventoryModel::ChartVersionRole).toString(), QStringLiteral("6.21.0"));
        QVERIFY(loki.data(Qt::ToolTipRole).toString().contains(QStringLiteral("releaseName")));
        QString releaseNs;
        QString releaseName;
        QVERIFY(InventoryModel::releaseAt(filter.mapFromSource(loki), &releaseNs, &releaseName));
        QCOMPARE(releaseNs + QLatin1Char('/') + releaseName, QStringLiteral("logging/loki"));
        // Releases are never hidden as owned; the text filters them by name or chart.
        filter.setFilterText(QStringLiteral("gateway-helm"));
        QVERIFY(filter
                    .mapFromSource(model.indexOfRelease(QStringLiteral("envoy-gateway-system"),
                                                        QStringLiteral("eg")))
                    .isValid());
        QVERIFY(!filter.mapFromSource(loki).isValid());
        filter.setFilterText(QString());
        QVERIFY(filter.mapFromSource(loki).isValid());

        // Every namespace row counts the objects below it, and the counts add up.
        int total = 0;
        for (int row = 1; row < model.rowCount(); ++row) {
            const QModelIndex ns = model.index(row, 0);
            int below = 0;
            for (int kind = 0; kind < model.rowCount(ns); ++kind)
                below += model.rowCount(model.index(kind, 0, ns));
            QCOMPARE(ns.data(InventoryModel::CountRole).toInt(), below);
            total += below;
        }
        QCOMPARE(total, inventory.size());
        QCOMPARE(model.index(model.rowCount() - 1, 0).data().toString(),
                 QStringLiteral("Cluster-scoped"));

        // The llama-cpp Deployment is user-managed and visible with owned objects hidden.
        const QModelIndex llama =
            model.indexOf(ObjectKey{QStringLiteral("apps"), QStringLiteral("Deployment"),
                                    QStringLiteral("llm"), QStringLiteral("llama-cpp")});
        QVERIFY(llama.isValid());
        QCOMPARE(llama.data(InventoryModel::OwnershipRole).toInt(), int(Ownership::UserManaged));
        QVERIFY(filter.mapFromSource(llama).isValid());
    }

    // A stock K3s homelab arriving in pages, the HelmCharts and CRDs after the objects they
    // decide about: the tree ends with the same verdicts as a fresh one, "Manual" on exactly the
    // owner's objects, and K3s's releases marked as K3s's.
    void k3sClusterInBatches_data()
    {
        QTest::addColumn<int>("batchSize");
        QTest::addRow("batches of 40") << 40;
        QTest::addRow("all at once") << 100000;
    }

    void k3sClusterInBatches()
    {
        QFETCH(int, batchSize);
        const Result<QList<QJsonObject>> objects =
            loadSnapshot(QStringLiteral(FLUXDESK_TEST_DATA "/k3s/k3s-homelab.yaml"));
        QVERIFY(objects);
        QFile expectedFile(QStringLiteral(FLUXDESK_TEST_DATA "/k3s/expected-owner-objects.txt"));
        QVERIFY(expectedFile.open(QIODevice::ReadOnly));
        QStringList expected =
            QString::fromUtf8(expectedFile.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);

        Inventory inventory;
        InventoryModel model;
        model.setInventory(&inventory);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        inventory.setTypes(typesOfObjects(*objects));
        QList<QJsonObject> reversed(objects->crbegin(), objects->crend());
        for (int from = 0; from < reversed.size(); from += batchSize)
            model.addObjects(inventory.addObjects(reversed.mid(from, batchSize)));

        InventoryModel fresh;
        fresh.setInventory(&inventory);
        QCOMPARE(dump(model), dump(fresh));

        QStringList manual;
        for (const InventoryEntry *e : inventory.entries()) {
            const QModelIndex row = model.indexOf(e->key, InventoryModel::BadgeColumn);
            QVERIFY(row.isValid());
            if (row.data().toString() != QLatin1String("Manual"))
                continue;
            manual.append((e->key.group.isEmpty() ? QStringLiteral("core") : e->key.group) +
                          QLatin1Char('/') + e->key.kind + QLatin1Char(' ') +
                          (e->key.ns.isEmpty() ? QStringLiteral("-") : e->key.ns) +
                          QLatin1Char('/') + e->key.name);
        }
        manual.sort();
        expected.sort();
        QCOMPARE(manual, expected);

        const QModelIndex traefik = model.indexOfRelease(
            QStringLiteral("kube-system"), QStringLiteral("traefik"), InventoryModel::BadgeColumn);
        QCOMPARE(traefik.data().toString(), QStringLiteral("K3s"));
        QCOMPARE(traefik.data(InventoryModel::K3sChartRole).toString(),
                 QStringLiteral("kube-system/traefik"));
        QVERIFY(traefik.data(Qt::ToolTipRole).toString().contains(QStringLiteral("never")));
        const QModelIndex eg =
            model.indexOfRelease(QStringLiteral("envoy-gateway-system"), QStringLiteral("eg"),
                                 InventoryModel::BadgeColumn);
        QCOMPARE(eg.data().toString(), QStringLiteral("deployed"));
    }

    void filter_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("showOwned");
        QTest::addColumn<QStringList>("expected");

        const QString deploy = QStringLiteral("llm/Deployment/llama-cpp");
        const QString service = QStringLiteral("llm/Service/llama-cpp");
        const QString rs = QStringLiteral("llm/ReplicaSet/llama-cpp-5d9c");
        const QString rootCa = QStringLiteral("llm/ConfigMap/kube-root-ca.crt");
        const QString loki = QStringLiteral("logging/ConfigMap/loki");
        const QString record = QStringLiteral("logging/Secret/sh.helm.release.v1.loki.v1");
        const QString coredns = QStringLiteral("kube-system/ConfigMap/coredns");
        const QString pv = QStringLiteral("/PersistentVolume/pv-llm-models");
        const QString ns = QStringLiteral("/Namespace/llm");

        QTest::addRow("nothing, owned hidden")
            << QString() << false << QStringList{deploy, service, loki, ns, pv};
        QTest::addRow("nothing, owned shown")
            << QString() << true
            << QStringList{coredns, rootCa, deploy, rs, service, loki, record, ns, pv};
        QTest::addRow("name") << QStringLiteral("llama") << false << QStringList{deploy, service};
        QTest::addRow("name, owned shown")
            << QStringLiteral("LLAMA") << true << QStringList{deploy, rs, service};
        QTest::addRow("kind") << QStringLiteral("deployment") << false << QStringList{deploy};
        QTest::addRow("kind substring")
            << QStringLiteral("configmap") << true << QStringList{coredns, rootCa, loki};
        QTest::addRow("label") << QStringLiteral("app=loki") << false << QStringList{loki};
        QTest::addRow("label value case")
            << QStringLiteral("app=LOKI") << false << QStringList{loki};
        QTest::addRow("label hidden by default")
            << QStringLiteral("owner=helm") << false << QStringList{};
        QTest::addRow("label, owned shown")
            << QStringLiteral("owner=helm") << true << QStringList{record};
        QTest::addRow("label present")
            << QStringLiteral("app=") << false << QStringList{deploy, service, loki};
        QTest::addRow("every word must match")
            << QStringLiteral("llama service") << false << QStringList{service};
        QTest::addRow("label and name")
            << QStringLiteral("app=llama-cpp cpp-5d") << true << QStringList{rs};
        QTest::addRow("no match") << QStringLiteral("nothing-here") << true << QStringList{};
        QTest::addRow("cluster-scoped") << QStringLiteral("pv-") << false << QStringList{pv};
    }

    void filter()
    {
        QFETCH(QString, text);
        QFETCH(bool, showOwned);
        QFETCH(QStringList, expected);

        Inventory inventory;
        InventoryModel model;
        model.setInventory(&inventory);
        InventoryFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addObjects(inventory.addObjects(handMadeObjects()));
        filter.setShowOwned(showOwned);
        filter.setFilterText(text);
        QCOMPARE(visibleObjects(filter), expected);

        // Namespace and kind rows without visible objects are gone, not empty.
        for (int row = 0; row < filter.rowCount(); ++row) {
            const QModelIndex ns = filter.index(row, 0);
            QVERIFY(filter.rowCount(ns) > 0);
            for (int kind = 0; kind < filter.rowCount(ns); ++kind)
                QVERIFY(filter.rowCount(filter.index(kind, 0, ns)) > 0);
        }
    }

    void filterCountsAndGrowth()
    {
        Inventory inventory;
        InventoryModel model;
        model.setInventory(&inventory);
        InventoryFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<QJsonObject> objects = handMadeObjects();
        model.addObjects(inventory.addObjects(objects.mid(0, 3)));
        filter.setFilterText(QStringLiteral("llama"));
        QCOMPARE(visibleObjects(filter), QStringList({QStringLiteral("llm/Deployment/llama-cpp"),
                                                      QStringLiteral("llm/Service/llama-cpp")}));
        // The llm row says how many of its objects the filter shows.
        const QModelIndex llm = filter.index(0, InventoryModel::CountColumn);
        QCOMPARE(llm.siblingAtColumn(0).data().toString(), QStringLiteral("llm"));
        QCOMPARE(llm.data().toString(), QStringLiteral("2 of 3"));

        // Matches arriving later appear under the filter, in new namespaces too.
        QJsonObject other = object(QStringLiteral("apps/v1"), QStringLiteral("Deployment"),
                                   QStringLiteral("ai"), QStringLiteral("llama-embed"));
        model.addObjects(inventory.addObjects({other, objects[4]}));
        QCOMPARE(visibleObjects(filter), QStringList({QStringLiteral("ai/Deployment/llama-embed"),
                                                      QStringLiteral("llm/Deployment/llama-cpp"),
                                                      QStringLiteral("llm/Service/llama-cpp")}));
        filter.setFilterText(QString());
        filter.setShowOwned(true);
        QCOMPARE(filter.index(1, InventoryModel::CountColumn).data().toString(),
                 QStringLiteral("3"));
    }

    // The loader delivers pages of one type across namespaces; 10,000 objects must grow the tree
    // in small steps (no reset, no page that takes long), or the window stalls while loading.
    void tenThousandObjectsInPages()
    {
        const QStringList kinds{QStringLiteral("ConfigMap"),
                                QStringLiteral("Secret"),
                                QStringLiteral("Service"),
                                QStringLiteral("ServiceAccount"),
                                QStringLiteral("Pod"),
                                QStringLiteral("Endpoints"),
                                QStringLiteral("PersistentVolumeClaim"),
                                QStringLiteral("Event"),
                                QStringLiteral("LimitRange"),
                                QStringLiteral("ResourceQuota")};
        QList<QList<QJsonObject>> pages;
        for (const QString &kind : kinds) {
            QList<QJsonObject> page;
            for (int ns = 0; ns < 20; ++ns) {
                for (int i = 0; i < 50; ++i) {
                    page.append(
                        object(QStringLiteral("v1"), kind,
                               QStringLiteral("ns-%1").arg(ns, 2, 10, QLatin1Char('0')),
                               QStringLiteral("object-%1").arg(i, 3, 10, QLatin1Char('0'))));
                    if (page.size() == 500) {
                        pages.append(page);
                        page.clear();
                    }
                }
            }
        }
        Inventory inventory;
        InventoryModel model;
        model.setInventory(&inventory);
        InventoryFilterModel filter;
        filter.setSourceModel(&model);
        filter.setShowOwned(false);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QElapsedTimer timer;
        qint64 longest = 0;
        for (const QList<QJsonObject> &page : std::as_const(pages)) {
            const QList<ObjectKey> keys = inventory.addObjects(page);
            timer.start();
            model.addObjects(keys);
            filter.rowCount(); // let the proxy catch up, as a view would
            longest = qMax(longest, timer.elapsed());
        }
        QCOMPARE(model.objectCount(), 10000);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(model.rowCount(), 20);
        qInfo("longest page insert: %lld ms", longest);
        QVERIFY2(longest < 1000, qPrintable(QString::number(longest)));
    }
};

QTEST_GUILESS_MAIN(TestInventoryModel)
#include "tst_inventorymodel.moc"
