#include "kube/inventory.h"
#include "kube/snapshot.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace Fluxdesk;

namespace {

QJsonObject object(const QString &apiVersion, const QString &kind, const QString &ns,
                   const QString &name, const QJsonObject &labels = {})
{
    QJsonObject meta{{QStringLiteral("name"), name}};
    if (!ns.isEmpty())
        meta.insert(QStringLiteral("namespace"), ns);
    if (!labels.isEmpty())
        meta.insert(QStringLiteral("labels"), labels);
    return QJsonObject{{QStringLiteral("apiVersion"), apiVersion},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("metadata"), meta}};
}

QJsonObject helmSecret(const QString &ns, const QString &name, int revision, const QString &status,
                       const QString &chartVersion)
{
    const QJsonObject release{
        {QStringLiteral("name"), name},
        {QStringLiteral("namespace"), ns},
        {QStringLiteral("version"), revision},
        {QStringLiteral("info"), QJsonObject{{QStringLiteral("status"), status}}},
        {QStringLiteral("chart"),
         QJsonObject{{QStringLiteral("metadata"),
                      QJsonObject{{QStringLiteral("name"), name},
                                  {QStringLiteral("version"), chartVersion}}}}}};
    QJsonObject secret =
        object(QStringLiteral("v1"), QStringLiteral("Secret"), ns,
               QStringLiteral("sh.helm.release.v1.%1.v%2").arg(name).arg(revision));
    secret.insert(QStringLiteral("type"), QStringLiteral("helm.sh/release.v1"));
    secret.insert(QStringLiteral("data"),
                  QJsonObject{{QStringLiteral("release"),
                               QString::fromLatin1(encodeHelmReleasePayload(release).toBase64())}});
    return secret;
}

QStringList names(const QList<const InventoryEntry *> &entries)
{
    QStringList out;
    for (const InventoryEntry *e : entries)
        out << e->key.toString();
    return out;
}

} // namespace

class TestInventory : public QObject
{
    Q_OBJECT

private slots:
    void indexes()
    {
        Inventory inv;
        const QList<ObjectKey> added =
            inv.addObjects({object(QStringLiteral("apps/v1"), QStringLiteral("Deployment"),
                                   QStringLiteral("llm"), QStringLiteral("llama-cpp")),
                            object(QStringLiteral("v1"), QStringLiteral("Service"),
                                   QStringLiteral("llm"), QStringLiteral("llama-cpp")),
                            object(QStringLiteral("v1"), QStringLiteral("Namespace"), QString(),
                                   QStringLiteral("empty")),
                            object(QStringLiteral("v1"), QStringLiteral("Service"),
                                   QStringLiteral("logging"), QStringLiteral("loki")),
                            object(QStringLiteral("v1"), QStringLiteral("Nothing"),
                                   QStringLiteral("llm"), QString())}); // no name: skipped
        QCOMPARE(added.size(), 4);
        QCOMPARE(inv.size(), 4);
        QCOMPARE(names(inv.entries()), QStringList({QStringLiteral("Namespace empty"),
                                                    QStringLiteral("Service llm/llama-cpp"),
                                                    QStringLiteral("apps/Deployment llm/llama-cpp"),
                                                    QStringLiteral("Service logging/loki")}));
        QCOMPARE(names(inv.entriesIn(QStringLiteral("llm"))),
                 QStringList({QStringLiteral("Service llm/llama-cpp"),
                              QStringLiteral("apps/Deployment llm/llama-cpp")}));
        QCOMPARE(names(inv.entriesIn(QString())), QStringList({QStringLiteral("Namespace empty")}));
        QCOMPARE(names(inv.entriesOfKind(QString(), QStringLiteral("Service"))),
                 QStringList({QStringLiteral("Service llm/llama-cpp"),
                              QStringLiteral("Service logging/loki")}));
        QCOMPARE(inv.namespaces(), QStringList({QStringLiteral("empty"), QStringLiteral("llm"),
                                                QStringLiteral("logging")}));
        const ObjectKey key{QStringLiteral("apps"), QStringLiteral("Deployment"),
                            QStringLiteral("llm"), QStringLiteral("llama-cpp")};
        const InventoryEntry *e = inv.find(key);
        QVERIFY(e);
        QCOMPARE(e->apiVersion, QStringLiteral("apps/v1"));
        QCOMPARE(e->classification.ownership, Ownership::UserManaged);
        QVERIFY(!inv.find(ObjectKey{QString(), QStringLiteral("Pod"), QStringLiteral("llm"),
                                    QStringLiteral("x")}));
        QCOMPARE(inv.objects().size(), 4);
        QCOMPARE(ObjectKey::of(inv.objects().at(2)), key);
    }

    // Each object is held once as compact JSON and decodes to exactly what was added: every kind
    // of value, managedFields, non-ASCII text; labels are kept decoded beside it.
    void objectsAreHeldCompactlyAndDecodeUnchanged()
    {
        const QJsonObject labels{{QStringLiteral("app.kubernetes.io/name"), QStringLiteral("web")}};
        QJsonObject deployment = object(QStringLiteral("apps/v1"), QStringLiteral("Deployment"),
                                        QStringLiteral("media"), QStringLiteral("web"), labels);
        QJsonObject meta = deployment.value(QLatin1String("metadata")).toObject();
        meta.insert(
            QStringLiteral("managedFields"),
            QJsonArray{QJsonObject{
                {QStringLiteral("manager"), QStringLiteral("kubectl-client-side-apply")},
                {QStringLiteral("operation"), QStringLiteral("Update")},
                {QStringLiteral("fieldsV1"),
                 QJsonObject{{QStringLiteral("f:spec"),
                              QJsonObject{{QStringLiteral("f:replicas"), QJsonObject()}}}}}}});
        meta.insert(
            QStringLiteral("annotations"),
            QJsonObject{{QStringLiteral("note"), QStringLiteral("caf\u00e9 \u2713 \"q\"\n")}});
        deployment.insert(QStringLiteral("metadata"), meta);
        deployment.insert(QStringLiteral("spec"),
                          QJsonObject{{QStringLiteral("replicas"), 3},
                                      {QStringLiteral("ratio"), 0.25},
                                      {QStringLiteral("big"), qint64(9007199254740993)},
                                      {QStringLiteral("paused"), false},
                                      {QStringLiteral("nothing"), QJsonValue()},
                                      {QStringLiteral("list"),
                                       QJsonArray{1, QStringLiteral("two"), QJsonArray()}},
                                      {QStringLiteral("empty"), QJsonObject()}});

        Inventory inv;
        inv.addObjects({deployment});
        const InventoryEntry *entry = inv.entries().value(0);
        QVERIFY(entry);
        QCOMPARE(entry->object.toObject(), deployment);
        const QJsonObject converted = entry->object; // code written for QJsonObject still reads it
        QCOMPARE(converted, deployment);
        QCOMPARE(entry->object.value(QLatin1String("spec")),
                 deployment.value(QLatin1String("spec")));
        QCOMPARE(entry->object.json(), QJsonDocument(deployment).toJson(QJsonDocument::Compact));
        QCOMPARE(entry->labels, labels);
        QCOMPARE(inv.objects(), QList<QJsonObject>{deployment});

        // A copy of the inventory shares the compact text, it does not copy it.
        const Inventory copy = inv;
        QCOMPARE(copy.entries().value(0)->object.json().constData(),
                 entry->object.json().constData());
        QVERIFY(CompactObject().isEmpty());
        QCOMPARE(CompactObject().toObject(), QJsonObject());
    }

    void replaceKeepsOneEntryAndReclassifies()
    {
        Inventory inv;
        inv.addObjects({object(QStringLiteral("apps/v1"), QStringLiteral("Deployment"),
                               QStringLiteral("logging"), QStringLiteral("grafana"))});
        QCOMPARE(inv.ownershipCounts().value(Ownership::UserManaged), 1);
        inv.addObjects(
            {object(QStringLiteral("apps/v1"), QStringLiteral("Deployment"),
                    QStringLiteral("logging"), QStringLiteral("grafana"),
                    {{QStringLiteral("app.kubernetes.io/managed-by"), QStringLiteral("Helm")}})});
        QCOMPARE(inv.size(), 1);
        QCOMPARE(inv.entriesIn(QStringLiteral("logging")).size(), 1);
        QCOMPARE(inv.entriesOfKind(QStringLiteral("apps"), QStringLiteral("Deployment")).size(), 1);
        QCOMPARE(inv.entries().first()->classification.ownership, Ownership::HelmManaged);
        QCOMPARE(inv.ownershipCounts().value(Ownership::UserManaged), 0);
        QCOMPARE(inv.ownershipCounts().value(Ownership::HelmManaged), 1);

        const QList<ObjectKey> removed = inv.removeObjects(
            {inv.entries().first()->key, ObjectKey{QString(), QStringLiteral("Pod"),
                                                   QStringLiteral("x"), QStringLiteral("y")}});
        QCOMPARE(removed.size(), 1);
        QCOMPARE(inv.size(), 0);
        QVERIFY(inv.entriesIn(QStringLiteral("logging")).isEmpty());
        QVERIFY(inv.namespaces().isEmpty());
    }

    void helmReleasesAreCachedAndRefreshed()
    {
        Inventory inv;
        inv.addObjects({helmSecret(QStringLiteral("logging"), QStringLiteral("loki"), 1,
                                   QStringLiteral("superseded"), QStringLiteral("6.20.0")),
                        helmSecret(QStringLiteral("logging"), QStringLiteral("loki"), 2,
                                   QStringLiteral("deployed"), QStringLiteral("6.21.0"))});
        QList<HelmRelease> releases = inv.helmReleases();
        QCOMPARE(releases.size(), 1);
        QCOMPARE(releases.first().revision, 2);
        QCOMPARE(releases.first().chartVersion, QStringLiteral("6.21.0"));

        // A broken record fails alone, and adding objects invalidates the cache.
        QJsonObject broken = helmSecret(QStringLiteral("logging"), QStringLiteral("tempo"), 1,
                                        QStringLiteral("deployed"), QStringLiteral("1.0.0"));
        broken.insert(QStringLiteral("data"),
                      QJsonObject{{QStringLiteral("release"),
                                   QString::fromLatin1(QByteArray("garbage").toBase64())}});
        inv.addObjects({broken,
                        helmSecret(QStringLiteral("logging"), QStringLiteral("loki"), 3,
                                   QStringLiteral("deployed"), QStringLiteral("6.22.0")),
                        helmSecret(QStringLiteral("envoy-gateway-system"), QStringLiteral("eg"), 1,
                                   QStringLiteral("deployed"), QStringLiteral("v1.4.6"))});
        releases = inv.helmReleases();
        QCOMPARE(releases.size(), 2);
        QCOMPARE(releases.at(0).name, QStringLiteral("eg"));
        QCOMPARE(releases.at(1).revision, 3);
        QCOMPARE(inv.releaseErrors().size(), 1);
        QVERIFY2(inv.releaseErrors().first().message.contains(
                     QLatin1String("sh.helm.release.v1.tempo.v1")),
                 qPrintable(inv.releaseErrors().first().message));

        inv.clear();
        QVERIFY(inv.helmReleases().isEmpty());
        QVERIFY(inv.releaseErrors().isEmpty());
    }

    void typeStatuses()
    {
        Inventory inv;
        ResourceType pods{
            QString(), QStringLiteral("v1"), QStringLiteral("pods"), QStringLiteral("Pod"), true,
            {}};
        ResourceType secrets{QString(),
                             QStringLiteral("v1"),
                             QStringLiteral("secrets"),
                             QStringLiteral("Secret"),
                             true,
                             {}};
        inv.setTypes({pods, secrets});
        inv.setTypeState(secrets, TypeState::Forbidden, QStringLiteral("secrets is forbidden"));
        inv.addObjects({object(QStringLiteral("v1"), QStringLiteral("Pod"), QStringLiteral("a"),
                               QStringLiteral("p1")),
                        object(QStringLiteral("v1"), QStringLiteral("Pod"), QStringLiteral("b"),
                               QStringLiteral("p1"))});
        inv.setTypeState(pods, TypeState::Loaded);
        const QList<TypeStatus> statuses = inv.typeStatuses();
        QCOMPARE(statuses.size(), 2);
        QCOMPARE(statuses.at(0).state, TypeState::Loaded);
        QCOMPARE(statuses.at(0).objectCount, 2);
        QCOMPARE(statuses.at(1).state, TypeState::Forbidden);
        QCOMPARE(statuses.at(1).message, QStringLiteral("secrets is forbidden"));
        QCOMPARE(statuses.at(1).objectCount, 0);
    }

    void demoCluster()
    {
        const QList<QJsonObject> objects = demoClusterObjects();
        QVERIFY(objects.size() > 60);
        Inventory inv;
        inv.addObjects(objects);
        QCOMPARE(inv.size(), objects.size()); // every object once

        QCOMPARE(inv.namespaces(),
                 QStringList({QStringLiteral("default"), QStringLiteral("envoy-gateway-system"),
                              QStringLiteral("kube-node-lease"), QStringLiteral("kube-public"),
                              QStringLiteral("kube-system"), QStringLiteral("llm"),
                              QStringLiteral("log-analyzer"), QStringLiteral("logging")}));
        QCOMPARE(inv.entriesOfKind(QString(), QStringLiteral("Node")).size(), 2);

        QVERIFY(inv.releaseErrors().isEmpty());
        const QList<HelmRelease> releases = inv.helmReleases();
        QStringList summary;
        for (const HelmRelease &r : releases)
            summary << QStringLiteral("%1/%2 %3-%4 r%5 %6")
                           .arg(r.ns, r.name, r.chartName, r.chartVersion)
                           .arg(r.revision)
                           .arg(r.status);
        QCOMPARE(
            summary,
            QStringList({QStringLiteral("envoy-gateway-system/eg gateway-helm-v1.4.6 r1 deployed"),
                         QStringLiteral("kube-system/traefik traefik-34.2.1+up34.2.0 r1 deployed"),
                         QStringLiteral("logging/alloy alloy-1.4.0 r1 deployed"),
                         QStringLiteral("logging/grafana grafana-10.2.0 r1 deployed"),
                         QStringLiteral("logging/loki loki-6.21.0 r2 deployed"),
                         QStringLiteral("logging/tempo tempo-1.24.1 r1 deployed")}));
        const HelmRelease &loki = releases.at(4);
        QCOMPARE(loki.storageObject, QStringLiteral("sh.helm.release.v1.loki.v2"));
        QCOMPARE(loki.values.value(QLatin1String("singleBinary"))
                     .toObject()
                     .value(QLatin1String("persistence"))
                     .toObject()
                     .value(QLatin1String("size"))
                     .toString(),
                 QStringLiteral("200Gi"));
        QVERIFY(loki.manifest.contains(QLatin1String("kind: StatefulSet")));
        QVERIFY(loki.lastDeployed.isValid());
        QVERIFY(releases.at(3).values.contains(QLatin1String("adminPassword")));

        const auto ownershipOf = [&inv](const char *group, const char *kind, const char *ns,
                                        const char *name) {
            const InventoryEntry *e =
                inv.find(ObjectKey{QString::fromLatin1(group), QString::fromLatin1(kind),
                                   QString::fromLatin1(ns), QString::fromLatin1(name)});
            return e ? ownershipId(e->classification.ownership) : QStringLiteral("missing");
        };
        QCOMPARE(ownershipOf("apps", "Deployment", "llm", "llama-cpp"), QStringLiteral("user"));
        QCOMPARE(ownershipOf("", "Service", "llm", "llama-cpp"), QStringLiteral("user"));
        QCOMPARE(ownershipOf("", "PersistentVolumeClaim", "llm", "llama-models-pvc"),
                 QStringLiteral("user"));
        QCOMPARE(ownershipOf("apps", "ReplicaSet", "llm", "llama-cpp-7d4b9c8f6"),
                 QStringLiteral("owned"));
        QCOMPARE(ownershipOf("", "Pod", "llm", "llama-cpp-7d4b9c8f6-p5x9q"),
                 QStringLiteral("owned"));
        QCOMPARE(ownershipOf("apps", "Deployment", "logging", "grafana"), QStringLiteral("helm"));
        QCOMPARE(ownershipOf("apps", "StatefulSet", "logging", "loki"), QStringLiteral("helm"));
        QCOMPARE(ownershipOf("apps", "DaemonSet", "logging", "alloy"), QStringLiteral("helm"));
        QCOMPARE(ownershipOf("apps", "Deployment", "envoy-gateway-system", "envoy-gateway"),
                 QStringLiteral("helm"));
        QCOMPARE(ownershipOf("", "Secret", "logging", "sh.helm.release.v1.loki.v1"),
                 QStringLiteral("helm-release"));
        QCOMPARE(ownershipOf("apps", "Deployment", "kube-system", "coredns"),
                 QStringLiteral("system"));
        QCOMPARE(ownershipOf("", "Node", "", "node2"), QStringLiteral("system"));
        QCOMPARE(ownershipOf("storage.k8s.io", "StorageClass", "", "local-path"),
                 QStringLiteral("system"));
        QCOMPARE(ownershipOf("", "Service", "default", "kubernetes"), QStringLiteral("system"));
        QCOMPARE(ownershipOf("", "ServiceAccount", "llm", "default"), QStringLiteral("generated"));
        QCOMPARE(ownershipOf("", "ConfigMap", "logging", "kube-root-ca.crt"),
                 QStringLiteral("generated"));
        QCOMPARE(ownershipOf("", "PersistentVolume", "", "tempo-pv"), QStringLiteral("user"));

        const QMap<Ownership, int> counts = inv.ownershipCounts();
        QStringList countText;
        for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
            countText << ownershipId(it.key()) + QLatin1Char('=') + QString::number(it.value());
        // Worked out by hand from generate-demo-cluster.py: user = 4 namespaces, 3 hand-made PVs,
        // 2 claims of their own, llama-cpp Deployment+Service, log-analyzer ConfigMap+Deployment+
        // Service; generated = default ServiceAccount + kube-root-ca.crt in the 5 non-system
        // namespaces, one Event, the dynamically provisioned PV and the two claims the
        // StatefulSets made; system gains the default namespace. The K3s realism on top (see the
        // generator's realism()): user +1 (the owner's HelmChartConfig traefik), helm +4 (eg's
        // crds/ CRDs), flux 4 (Flux's left-over CRDs), system +27 (9 bootstrap RBAC, 2 APF,
        // 2 PriorityClasses, 2 CSINodes, the kubernetes EndpointSlice, K3s's traefik: Addon,
        // HelmChart, its release record and 8 objects of the release), owned +2 and generated +3
        // (the Envoy proxy's ReplicaSet and Pod; its Deployment, Service and ServiceAccount),
        // read-only 6 (NodeMetrics and PodMetrics).
        QCOMPARE(countText.join(QLatin1Char(' ')),
                 QStringLiteral("user=15 helm=18 helm-release=6 flux=4 system=54 owned=17 "
                                "generated=17 read-only=6"));

        // Demo data mirrors the roadmap: node2 is the tainted heavy node.
        const InventoryEntry *node2 = inv.find(
            ObjectKey{QString(), QStringLiteral("Node"), QString(), QStringLiteral("node2")});
        QVERIFY(node2);
        const QJsonObject taint = node2->object.value(QLatin1String("spec"))
                                      .toObject()
                                      .value(QLatin1String("taints"))
                                      .toArray()
                                      .first()
                                      .toObject();
        QCOMPARE(taint.value(QLatin1String("key")).toString(), QStringLiteral("heavy"));
        QCOMPARE(taint.value(QLatin1String("effect")).toString(), QStringLiteral("NoSchedule"));
    }
};

QTEST_GUILESS_MAIN(TestInventory)
#include "tst_inventory.moc"
