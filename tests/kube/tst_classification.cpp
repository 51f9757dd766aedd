#include "kube/classification.h"

#include <QJsonDocument>
#include <QtTest>

using namespace Fluxdesk;

Q_DECLARE_METATYPE(Fluxdesk::Ownership)

namespace {

QJsonObject json(const char *text)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", text);
    return doc.object();
}

} // namespace

class TestClassification : public QObject
{
    Q_OBJECT

private slots:
    void classify_data()
    {
        QTest::addColumn<QByteArray>("object");
        QTest::addColumn<Ownership>("ownership");
        QTest::addColumn<QString>("helmRelease");

        // Helm
        QTest::addRow("helm label and annotation in a user namespace")
            << QByteArray(
                   R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"grafana",
                "namespace":"logging","labels":{"app.kubernetes.io/managed-by":"Helm"},
                "annotations":{"meta.helm.sh/release-name":"grafana",
                "meta.helm.sh/release-namespace":"logging"}}})")
            << Ownership::HelmManaged << QStringLiteral("logging/grafana");
        QTest::addRow("helm annotation only, release in another namespace")
            << QByteArray(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x",
                "namespace":"apps","annotations":{"meta.helm.sh/release-name":"eg",
                "meta.helm.sh/release-namespace":"envoy-gateway-system"}}})")
            << Ownership::HelmManaged << QStringLiteral("envoy-gateway-system/eg");
        QTest::addRow("helm label only uses the instance label")
            << QByteArray(R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"loki",
                "namespace":"logging","labels":{"app.kubernetes.io/managed-by":"Helm",
                "app.kubernetes.io/instance":"loki"}}})")
            << Ownership::HelmManaged << QStringLiteral("logging/loki");
        QTest::addRow("managed-by other than Helm is user")
            << QByteArray(R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"a",
                "namespace":"llm","labels":{"app.kubernetes.io/managed-by":"kustomize"}}})")
            << Ownership::UserManaged << QString();
        // Release records
        QTest::addRow("helm secret by type")
            << QByteArray(R"({"apiVersion":"v1","kind":"Secret","type":"helm.sh/release.v1",
                "metadata":{"name":"sh.helm.release.v1.loki.v2","namespace":"logging",
                "labels":{"name":"loki","owner":"helm"}}})")
            << Ownership::HelmReleaseRecord << QStringLiteral("logging/loki");
        QTest::addRow("helm secret without name label, dotted release name")
            << QByteArray(R"({"apiVersion":"v1","kind":"Secret","type":"helm.sh/release.v1",
                "metadata":{"name":"sh.helm.release.v1.my.app.v12","namespace":"apps"}})")
            << Ownership::HelmReleaseRecord << QStringLiteral("apps/my.app");
        QTest::addRow("helm configmap driver")
            << QByteArray(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{
                "name":"sh.helm.release.v1.eg.v1","namespace":"envoy-gateway-system",
                "labels":{"owner":"helm","name":"eg"}}})")
            << Ownership::HelmReleaseRecord << QStringLiteral("envoy-gateway-system/eg");
        QTest::addRow("helm record in kube-system stays a record")
            << QByteArray(R"({"apiVersion":"v1","kind":"Secret","type":"helm.sh/release.v1",
                "metadata":{"name":"sh.helm.release.v1.traefik.v1","namespace":"kube-system",
                "labels":{"owner":"helm","name":"traefik"}}})")
            << Ownership::HelmReleaseRecord << QStringLiteral("kube-system/traefik");
        QTest::addRow("configmap named like a record without owner label is user")
            << QByteArray(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{
                "name":"sh.helm.release.v1.eg.v1","namespace":"default"}})")
            << Ownership::UserManaged << QString();
        // Flux
        QTest::addRow("flux kustomization")
            << QByteArray(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"a",
                "namespace":"llm","labels":{"kustomize.toolkit.fluxcd.io/name":"apps",
                "kustomize.toolkit.fluxcd.io/namespace":"flux-system"}}})")
            << Ownership::FluxManaged << QString();
        QTest::addRow("flux helmrelease wins over helm labels")
            << QByteArray(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"a",
                "namespace":"logging","labels":{"helm.toolkit.fluxcd.io/name":"loki",
                "helm.toolkit.fluxcd.io/namespace":"logging",
                "app.kubernetes.io/managed-by":"Helm"},
                "annotations":{"meta.helm.sh/release-name":"logging-loki"}}})")
            << Ownership::FluxManaged << QString();
        // System
        QTest::addRow("coredns in kube-system")
            << QByteArray(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{
                "name":"coredns","namespace":"kube-system","labels":{"k8s-app":"kube-dns"}}})")
            << Ownership::System << QString();
        QTest::addRow("owned pod in kube-system is system")
            << QByteArray(R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"p",
                "namespace":"kube-system","ownerReferences":[{"kind":"ReplicaSet","name":"r",
                "controller":true}]}})")
            << Ownership::System << QString();
        QTest::addRow("lease in kube-node-lease")
            << QByteArray(R"({"apiVersion":"coordination.k8s.io/v1","kind":"Lease","metadata":{
                "name":"node1","namespace":"kube-node-lease"}})")
            << Ownership::System << QString();
        QTest::addRow("kube-public namespace object")
            << QByteArray(
                   R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"kube-public"}})")
            << Ownership::System << QString();
        QTest::addRow("user namespace object")
            << QByteArray(R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"llm"}})")
            << Ownership::UserManaged << QString();
        QTest::addRow("default/kubernetes service")
            << QByteArray(R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"kubernetes",
                "namespace":"default","labels":{"component":"apiserver","provider":"kubernetes"}}})")
            << Ownership::System << QString();
        QTest::addRow("node")
            << QByteArray(R"({"apiVersion":"v1","kind":"Node","metadata":{"name":"node2"}})")
            << Ownership::System << QString();
        QTest::addRow("apiservice")
            << QByteArray(R"({"apiVersion":"apiregistration.k8s.io/v1","kind":"APIService",
                "metadata":{"name":"v1.apps"}})")
            << Ownership::System << QString();
        QTest::addRow("system clusterrole")
            << QByteArray(R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole",
                "metadata":{"name":"system:coredns"}})")
            << Ownership::System << QString();
        QTest::addRow("user clusterrole")
            << QByteArray(R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole",
                "metadata":{"name":"log-reader"}})")
            << Ownership::UserManaged << QString();
        QTest::addRow("system priorityclass")
            << QByteArray(R"({"apiVersion":"scheduling.k8s.io/v1","kind":"PriorityClass",
                "metadata":{"name":"system-node-critical"}})")
            << Ownership::System << QString();
        QTest::addRow("k3s addon")
            << QByteArray(R"({"apiVersion":"k3s.cattle.io/v1","kind":"Addon","metadata":{
                "name":"coredns","namespace":"kube-system"}})")
            << Ownership::System << QString();
        QTest::addRow("k3s helmchart outside kube-system")
            << QByteArray(R"({"apiVersion":"helm.cattle.io/v1","kind":"HelmChartConfig",
                "metadata":{"name":"traefik","namespace":"infra"}})")
            << Ownership::System << QString();
        QTest::addRow("objectset annotation on cluster-scoped storageclass")
            << QByteArray(R"({"apiVersion":"storage.k8s.io/v1","kind":"StorageClass","metadata":{
                "name":"local-path","annotations":{"objectset.rio.cattle.io/id":""}}})")
            << Ownership::System << QString();
        QTest::addRow("CRD is user-managed")
            << QByteArray(
                   R"({"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
                "metadata":{"name":"gateways.gateway.networking.k8s.io"}})")
            << Ownership::UserManaged << QString();
        // Owned
        QTest::addRow("pod owned by replicaset")
            << QByteArray(R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"llama-cpp-1",
                "namespace":"llm","ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet",
                "name":"llama-cpp-7d4b9c8f6","controller":true}]}})")
            << Ownership::ControllerOwned << QString();
        QTest::addRow("owned helm-labelled replicaset is owned")
            << QByteArray(R"({"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"g-1",
                "namespace":"logging","labels":{"app.kubernetes.io/managed-by":"Helm"},
                "ownerReferences":[{"kind":"Deployment","name":"g","controller":true}]}})")
            << Ownership::ControllerOwned << QString();
        QTest::addRow("non-controller owner reference")
            << QByteArray(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c",
                "namespace":"llm","ownerReferences":[{"kind":"Foo","name":"f"}]}})")
            << Ownership::ControllerOwned << QString();
        QTest::addRow("endpoints")
            << QByteArray(R"({"apiVersion":"v1","kind":"Endpoints","metadata":{"name":"grafana",
                "namespace":"logging"}})")
            << Ownership::ControllerOwned << QString();
        // Generated
        QTest::addRow("default service account")
            << QByteArray(R"({"apiVersion":"v1","kind":"ServiceAccount","metadata":{
                "name":"default","namespace":"llm"}})")
            << Ownership::Generated << QString();
        QTest::addRow("other service account")
            << QByteArray(R"({"apiVersion":"v1","kind":"ServiceAccount","metadata":{
                "name":"runner","namespace":"llm"}})")
            << Ownership::UserManaged << QString();
        QTest::addRow("kube-root-ca.crt")
            << QByteArray(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{
                "name":"kube-root-ca.crt","namespace":"logging"}})")
            << Ownership::Generated << QString();
        QTest::addRow("service account token")
            << QByteArray(
                   R"({"apiVersion":"v1","kind":"Secret","type":"kubernetes.io/service-account-token",
                "metadata":{"name":"t","namespace":"llm"}})")
            << Ownership::Generated << QString();
        QTest::addRow("core event")
            << QByteArray(R"({"apiVersion":"v1","kind":"Event","metadata":{"name":"e.1",
                "namespace":"logging"}})")
            << Ownership::Generated << QString();
        QTest::addRow("events.k8s.io event")
            << QByteArray(R"({"apiVersion":"events.k8s.io/v1","kind":"Event","metadata":{
                "name":"e.1","namespace":"logging"}})")
            << Ownership::Generated << QString();
        QTest::addRow("lease in user namespace")
            << QByteArray(R"({"apiVersion":"coordination.k8s.io/v1","kind":"Lease","metadata":{
                "name":"leader","namespace":"logging"}})")
            << Ownership::Generated << QString();
        // User
        QTest::addRow("hand-applied deployment")
            << QByteArray(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{
                "name":"llama-cpp","namespace":"llm","labels":{"app":"llama-cpp"}}})")
            << Ownership::UserManaged << QString();
        QTest::addRow("opaque secret")
            << QByteArray(R"({"apiVersion":"v1","kind":"Secret","type":"Opaque","metadata":{
                "name":"sh.helm.release.v1.fake","namespace":"llm"}})")
            << Ownership::UserManaged << QString();
    }

    void classify()
    {
        QFETCH(QByteArray, object);
        QFETCH(Ownership, ownership);
        QFETCH(QString, helmRelease);
        const QJsonObject o = json(object.constData());
        QVERIFY(!o.isEmpty());
        const Classification c = Fluxdesk::classify(o);
        QCOMPARE(ownershipId(c.ownership), ownershipId(ownership));
        QCOMPARE(c.helmRelease, helmRelease);
        QVERIFY2(!c.reason.isEmpty(), "every classification explains itself");
        QVERIFY(c.reason.endsWith(QLatin1Char('.')));
    }

    void reasonNamesTheOwner()
    {
        const Classification c = Fluxdesk::classify(json(
            R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"llm",
            "ownerReferences":[{"kind":"Foo","name":"a"},{"kind":"ReplicaSet","name":"rs-1",
            "controller":true}]}})"));
        QVERIFY2(c.reason.contains(QLatin1String("ReplicaSet/rs-1")), qPrintable(c.reason));
        const Classification h = Fluxdesk::classify(json(
            R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"s","namespace":"logging",
            "annotations":{"meta.helm.sh/release-name":"loki"}}})"));
        QCOMPARE(h.helmRelease, QStringLiteral("logging/loki"));
        QVERIFY2(h.reason.contains(QLatin1String("logging/loki")), qPrintable(h.reason));
    }

    void names()
    {
        const QList<Ownership> all = {
            Ownership::UserManaged, Ownership::HelmManaged, Ownership::HelmReleaseRecord,
            Ownership::FluxManaged, Ownership::System,      Ownership::ControllerOwned,
            Ownership::Generated};
        const QStringList ids = {QStringLiteral("user"),         QStringLiteral("helm"),
                                 QStringLiteral("helm-release"), QStringLiteral("flux"),
                                 QStringLiteral("system"),       QStringLiteral("owned"),
                                 QStringLiteral("generated")};
        const QStringList badges = {QStringLiteral("Manual"),      QStringLiteral("Helm"),
                                    QStringLiteral("Helm record"), QStringLiteral("Flux"),
                                    QStringLiteral("System"),      QStringLiteral("Owned"),
                                    QStringLiteral("Generated")};
        const QList<bool> hidden = {false, false, true, false, true, true, true};
        for (int i = 0; i < all.size(); ++i) {
            QCOMPARE(ownershipId(all.at(i)), ids.at(i));
            QCOMPARE(ownershipBadge(all.at(i)), badges.at(i));
            QCOMPARE(isHiddenByDefault(all.at(i)), hidden.at(i));
        }
    }
};

QTEST_GUILESS_MAIN(TestClassification)
#include "tst_classification.moc"
