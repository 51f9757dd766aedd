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
            << QByteArray(R"({"apiVersion":"helm.cattle.io/v1","kind":"HelmChart",
                "metadata":{"name":"traefik","namespace":"infra"}})")
            << Ownership::System << QString();
        QTest::addRow("helmchartconfig the owner applied in kube-system")
            << QByteArray(R"({"apiVersion":"helm.cattle.io/v1","kind":"HelmChartConfig",
                "metadata":{"name":"traefik","namespace":"kube-system","annotations":{
                "kubectl.kubernetes.io/last-applied-configuration":"{}"},"managedFields":[
                {"manager":"kubectl-client-side-apply","operation":"Update"}]}})")
            << Ownership::UserManaged << QString();
        QTest::addRow("helmchartconfig from k3s's manifests folder")
            << QByteArray(R"({"apiVersion":"helm.cattle.io/v1","kind":"HelmChartConfig",
                "metadata":{"name":"traefik","namespace":"kube-system","annotations":{
                "objectset.rio.cattle.io/id":"","objectset.rio.cattle.io/applied":"x"}}})")
            << Ownership::System << QString();
        QTest::addRow("k3s's node password secret")
            << QByteArray(R"({"apiVersion":"v1","kind":"Secret","type":"Opaque","metadata":{
                "name":"node1.node-password.k3s","namespace":"kube-system",
                "managedFields":[{"manager":"k3s","operation":"Update"}]}})")
            << Ownership::System << QString();
        QTest::addRow("kubectl-applied secret in kube-system is the owner's")
            << QByteArray(R"({"apiVersion":"v1","kind":"Secret","type":"Opaque","metadata":{
                "name":"dns-token","namespace":"kube-system","annotations":{
                "kubectl.kubernetes.io/last-applied-configuration":"{}"}}})")
            << Ownership::UserManaged << QString();
        QTest::addRow("default RBAC by label")
            << QByteArray(R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole",
                "metadata":{"name":"admin","labels":{
                "kubernetes.io/bootstrapping":"rbac-defaults"},"managedFields":[
                {"manager":"kube-apiserver","operation":"Update"}]}})")
            << Ownership::System << QString();
        QTest::addRow("default cluster-admin binding by label")
            << QByteArray(
                   R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding",
                "metadata":{"name":"cluster-admin","labels":{
                "kubernetes.io/bootstrapping":"rbac-defaults"}}})")
            << Ownership::System << QString();
        QTest::addRow("APF default kept up to date")
            << QByteArray(
                   R"({"apiVersion":"flowcontrol.apiserver.k8s.io/v1","kind":"FlowSchema",
                "metadata":{"name":"global-default","annotations":{
                "apf.kubernetes.io/autoupdate-spec":"true"}}})")
            << Ownership::System << QString();
        QTest::addRow("APF schema the owner made")
            << QByteArray(
                   R"({"apiVersion":"flowcontrol.apiserver.k8s.io/v1","kind":"FlowSchema",
                "metadata":{"name":"backups","annotations":{
                "kubectl.kubernetes.io/last-applied-configuration":"{}"}}})")
            << Ownership::UserManaged << QString();
        QTest::addRow("csinode")
            << QByteArray(R"({"apiVersion":"storage.k8s.io/v1","kind":"CSINode","metadata":{
                "name":"node1"}})")
            << Ownership::System << QString();
        QTest::addRow("default namespace")
            << QByteArray(R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"default"}})")
            << Ownership::System << QString();
        QTest::addRow("the API server's EndpointSlice")
            << QByteArray(R"({"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSlice",
                "metadata":{"name":"kubernetes","namespace":"default","labels":{
                "kubernetes.io/service-name":"kubernetes"}}})")
            << Ownership::System << QString();
        QTest::addRow("k3s's own CRD")
            << QByteArray(
                   R"({"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
                "metadata":{"name":"helmchartconfigs.helm.cattle.io"}})")
            << Ownership::System << QString();
        QTest::addRow("flux's CRD by label")
            << QByteArray(
                   R"({"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
                "metadata":{"name":"gitrepositories.source.toolkit.fluxcd.io","labels":{
                "app.kubernetes.io/part-of":"flux"}}})")
            << Ownership::FluxManaged << QString();
        QTest::addRow("a chart's crds/ CRD, release unknown")
            << QByteArray(
                   R"({"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
                "metadata":{"name":"envoyproxies.gateway.envoyproxy.io","managedFields":[
                {"manager":"helm","operation":"Update"}]}})")
            << Ownership::HelmManaged << QString();
        QTest::addRow("CRD applied with kubectl")
            << QByteArray(
                   R"({"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
                "metadata":{"name":"backups.homelab.example.com","managedFields":[
                {"manager":"kubectl-client-side-apply","operation":"Update"}]}})")
            << Ownership::UserManaged << QString();
        QTest::addRow("pod metrics are read-only readings")
            << QByteArray(R"({"apiVersion":"metrics.k8s.io/v1beta1","kind":"PodMetrics",
                "metadata":{"name":"llama-cpp-1","namespace":"llm"}})")
            << Ownership::ReadOnly << QString();
        QTest::addRow("node metrics are read-only readings")
            << QByteArray(R"({"apiVersion":"metrics.k8s.io/v1beta1","kind":"NodeMetrics",
                "metadata":{"name":"node1"}})")
            << Ownership::ReadOnly << QString();
        QTest::addRow("helm hook job")
            << QByteArray(R"({"apiVersion":"batch/v1","kind":"Job","metadata":{
                "name":"eg-gateway-helm-certgen","namespace":"envoy-gateway-system",
                "labels":{"app.kubernetes.io/managed-by":"Helm","app.kubernetes.io/instance":"eg"},
                "annotations":{"helm.sh/hook":"pre-install, pre-upgrade"}}})")
            << Ownership::HelmManaged << QStringLiteral("envoy-gateway-system/eg");
        QTest::addRow("secret a hook's program made")
            << QByteArray(R"({"apiVersion":"v1","kind":"Secret","type":"kubernetes.io/tls",
                "metadata":{"name":"envoy","namespace":"envoy-gateway-system","managedFields":[
                {"manager":"envoy-gateway-certgen","operation":"Update"}]}})")
            << Ownership::Generated << QString();
        QTest::addRow("proxy envoy gateway generates, by label")
            << QByteArray(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{
                "name":"envoy-default-eg-e41e7b31","namespace":"envoy-gateway-system",
                "labels":{"app.kubernetes.io/managed-by":"envoy-gateway"}}})")
            << Ownership::Generated << QString();
        QTest::addRow("a controller's later writes leave the owner's object theirs")
            << QByteArray(R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"web",
                "namespace":"llm","managedFields":[
                {"manager":"kubectl-create","operation":"Update"},
                {"manager":"k3s","operation":"Update","subresource":"status"},
                {"manager":"svclb-controller","operation":"Update"}]}})")
            << Ownership::UserManaged << QString();
        QTest::addRow("status-only writers are no evidence of a controller")
            << QByteArray(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c",
                "namespace":"llm","managedFields":[
                {"manager":"kube-controller-manager","operation":"Update",
                "subresource":"status"}]}})")
            << Ownership::UserManaged << QString();
        QTest::addRow("dynamically provisioned volume")
            << QByteArray(R"({"apiVersion":"v1","kind":"PersistentVolume","metadata":{
                "name":"pvc-1","annotations":{
                "pv.kubernetes.io/provisioned-by":"rancher.io/local-path"}},
                "spec":{"claimRef":{"namespace":"llm","name":"models"}}})")
            << Ownership::Generated << QString();
        QTest::addRow("volume made by hand")
            << QByteArray(R"({"apiVersion":"v1","kind":"PersistentVolume","metadata":{
                "name":"llama-models-pv"}})")
            << Ownership::UserManaged << QString();
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

    void withContext()
    {
        ClassificationContext context;
        context.k3sReleases.insert(QStringLiteral("kube-system/traefik"),
                                   QStringLiteral("kube-system/traefik"));
        context.chartCrds.insert(QStringLiteral("envoyproxies.gateway.envoyproxy.io"),
                                 QStringLiteral("envoy-gateway-system/eg"));
        context.readOnlyTypes.insert(QStringLiteral("custom.metrics.k8s.io/MetricValueList"));
        context.statefulSetClaims.insert(QStringLiteral("logging\nstorage-loki-"),
                                         QStringLiteral("logging/loki"));

        // K3s's chart: its objects and its records are K3s's, never a release to convert.
        const Classification traefik = Fluxdesk::classify(
            json(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"traefik",
            "namespace":"kube-system","labels":{"app.kubernetes.io/managed-by":"Helm"},
            "annotations":{"meta.helm.sh/release-name":"traefik",
            "meta.helm.sh/release-namespace":"kube-system"}}})"),
            context);
        QCOMPARE(ownershipId(traefik.ownership), QStringLiteral("system"));
        QCOMPARE(traefik.helmRelease, QStringLiteral("kube-system/traefik"));
        QVERIFY2(traefik.reason.contains(QLatin1String("HelmChart kube-system/traefik")),
                 qPrintable(traefik.reason));
        const Classification record = Fluxdesk::classify(
            json(R"({"apiVersion":"v1","kind":"Secret","type":"helm.sh/release.v1",
            "metadata":{"name":"sh.helm.release.v1.traefik.v1","namespace":"kube-system",
            "labels":{"owner":"helm","name":"traefik"}}})"),
            context);
        QCOMPARE(ownershipId(record.ownership), QStringLiteral("system"));
        // Without the HelmChart it is still a record (the Inventory falls back on the chart).
        QCOMPARE(
            ownershipId(Fluxdesk::classify(
                            json(R"({"apiVersion":"v1","kind":"Secret","type":"helm.sh/release.v1",
            "metadata":{"name":"sh.helm.release.v1.traefik.v1","namespace":"kube-system",
            "labels":{"owner":"helm","name":"traefik"}}})"))
                            .ownership),
            QStringLiteral("helm-release"));

        const Classification crd = Fluxdesk::classify(
            json(R"({"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
            "metadata":{"name":"envoyproxies.gateway.envoyproxy.io","managedFields":[
            {"manager":"helm","operation":"Update"}]}})"),
            context);
        QCOMPARE(ownershipId(crd.ownership), QStringLiteral("helm"));
        QCOMPARE(crd.helmRelease, QStringLiteral("envoy-gateway-system/eg"));
        QVERIFY2(crd.reason.contains(QLatin1String("CreateReplace")), qPrintable(crd.reason));

        const Classification reading = Fluxdesk::classify(
            json(R"({"apiVersion":"custom.metrics.k8s.io/v1beta1","kind":"MetricValueList",
            "metadata":{"name":"x","namespace":"llm"}})"),
            context);
        QCOMPARE(ownershipId(reading.ownership), QStringLiteral("read-only"));

        const Classification claim = Fluxdesk::classify(
            json(R"({"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{
            "name":"storage-loki-0","namespace":"logging"}})"),
            context);
        QCOMPARE(ownershipId(claim.ownership), QStringLiteral("generated"));
        QVERIFY2(claim.reason.contains(QLatin1String("logging/loki")), qPrintable(claim.reason));
        QCOMPARE(ownershipId(
                     Fluxdesk::classify(json(R"({"apiVersion":"v1","kind":"PersistentVolumeClaim",
            "metadata":{"name":"storage-loki-extra","namespace":"logging"}})"),
                                        context)
                         .ownership),
                 QStringLiteral("user"));
    }

    void personManagers_data()
    {
        QTest::addColumn<QString>("manager");
        QTest::addColumn<bool>("person");
        QTest::addRow("kubectl") << QStringLiteral("kubectl") << true;
        QTest::addRow("client-side apply") << QStringLiteral("kubectl-client-side-apply") << true;
        QTest::addRow("edit") << QStringLiteral("kubectl-edit") << true;
        QTest::addRow("helm") << QStringLiteral("helm") << true;
        QTest::addRow("k9s") << QStringLiteral("k9s") << true;
        QTest::addRow("controller manager") << QStringLiteral("kube-controller-manager") << false;
        QTest::addRow("k3s deploy controller") << QStringLiteral("deploy@node1") << false;
        QTest::addRow("flux's helm-controller") << QStringLiteral("helm-controller") << false;
        QTest::addRow("envoy gateway") << QStringLiteral("envoy-gateway") << false;
        QTest::addRow("kubectl look-alike") << QStringLiteral("kubectlx") << false;
    }

    void personManagers()
    {
        QFETCH(QString, manager);
        QFETCH(bool, person);
        QCOMPARE(isPersonManager(manager), person);
    }

    void names()
    {
        const QList<Ownership> all = {
            Ownership::UserManaged, Ownership::HelmManaged, Ownership::HelmReleaseRecord,
            Ownership::FluxManaged, Ownership::System,      Ownership::ControllerOwned,
            Ownership::Generated,   Ownership::ReadOnly};
        const QStringList ids = {QStringLiteral("user"),         QStringLiteral("helm"),
                                 QStringLiteral("helm-release"), QStringLiteral("flux"),
                                 QStringLiteral("system"),       QStringLiteral("owned"),
                                 QStringLiteral("generated"),    QStringLiteral("read-only")};
        const QStringList badges = {QStringLiteral("Manual"),      QStringLiteral("Helm"),
                                    QStringLiteral("Helm record"), QStringLiteral("Flux"),
                                    QStringLiteral("System"),      QStringLiteral("Owned"),
                                    QStringLiteral("Generated"),   QStringLiteral("Read-only")};
        const QList<bool> hidden = {false, false, true, false, true, true, true, true};
        for (int i = 0; i < all.size(); ++i) {
            QCOMPARE(ownershipId(all.at(i)), ids.at(i));
            QCOMPARE(ownershipBadge(all.at(i)), badges.at(i));
            QCOMPARE(isHiddenByDefault(all.at(i)), hidden.at(i));
        }
    }
};

QTEST_GUILESS_MAIN(TestClassification)
#include "tst_classification.moc"
