#include "classification.h"

#include "kube/helmrelease.h"
#include "kube/resourcetype.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Fluxdesk {

// Order of precedence (first match wins), and why:
//  1. HelmReleaseRecord: Helm's storage lives in user namespaces and carries owner=helm; it is
//     never a thing to migrate as a manifest, whatever else it looks like.
//  2. System: kube-system, kube-public, kube-node-lease and everything in them, K3s addons
//     (Addon, HelmChart, HelmChartConfig, objectset.rio.cattle.io/*), Nodes, APIServices,
//     system:* RBAC, system-* PriorityClasses and the Namespace objects of the system
//     namespaces, and the API server's default/kubernetes Service. K3s re-creates these itself; a
//     Helm chart K3s installs (traefik) stays System because its HelmChart object, not a user's
//     Helm, owns it. API priority-and-fairness objects (flowcontrol.apiserver.k8s.io) are System.
//  3. ControllerOwned: any ownerReference means another object re-creates it (Pods of a
//     ReplicaSet, ReplicaSets of a Deployment, EndpointSlices, ControllerRevisions, Jobs' Pods),
//     plus every core Endpoints object: the endpoints controller writes one per Service, named
//     like it, without an ownerReference. (Hand-written Endpoints of a selector-less Service look
//     the same from the object alone; classify() is pure, so they count as owned too.)
//  4. Generated: objects the control plane creates in every namespace or as a side effect
//     (ServiceAccount "default", ConfigMap kube-root-ca.crt, service-account-token Secrets,
//     Events, Leases).
//  5. FluxManaged: Flux's kustomize/helm controller labels.
//  6. HelmManaged: managed-by=Helm label or meta.helm.sh/release-name annotation. Checked after
//     Flux because Flux's helm-controller also sets Helm's labels, and the Flux label is the
//     truer answer.
//  7. UserManaged: everything else.
// CustomResourceDefinitions are not System unless another rule applies: the user installed them
// (usually with a chart) and a rebuilt cluster needs them.

namespace {

QString translated(const char *text)
{
    return QCoreApplication::translate("Classification", text);
}

bool isSystemNamespace(const QString &ns)
{
    return ns == QLatin1String("kube-system") || ns == QLatin1String("kube-public") ||
           ns == QLatin1String("kube-node-lease");
}

bool hasPrefixedKey(const QJsonObject &map, const QString &prefix)
{
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        if (it.key().startsWith(prefix))
            return true;
    }
    return false;
}

struct Facts
{
    QString group;
    QString kind;
    QString ns;
    QString name;
    QJsonObject labels;
    QJsonObject annotations;
    QJsonArray ownerReferences;
};

std::optional<Classification> systemRule(const Facts &f)
{
    const auto system = [](const char *reason) {
        return Classification{Ownership::System, translated(reason), {}};
    };
    if (isSystemNamespace(f.ns))
        return system(QT_TRANSLATE_NOOP(
            "Classification", "Lives in a Kubernetes system namespace; K3s maintains it."));
    if (f.group == QLatin1String("k3s.cattle.io") && f.kind == QLatin1String("Addon"))
        return system(QT_TRANSLATE_NOOP("Classification", "A K3s addon manifest."));
    if (f.group == QLatin1String("helm.cattle.io") &&
        (f.kind == QLatin1String("HelmChart") || f.kind == QLatin1String("HelmChartConfig")))
        return system(QT_TRANSLATE_NOOP("Classification",
                                        "A chart installed by K3s's built-in Helm controller."));
    const QString objectset = QStringLiteral("objectset.rio.cattle.io/");
    if (hasPrefixedKey(f.labels, objectset) || hasPrefixedKey(f.annotations, objectset))
        return system(
            QT_TRANSLATE_NOOP("Classification", "Applied by K3s from its server manifests."));
    if (f.ns == QLatin1String("default") && f.group.isEmpty() &&
        f.kind == QLatin1String("Service") && f.name == QLatin1String("kubernetes") &&
        f.labels.value(QLatin1String("provider")).toString() == QLatin1String("kubernetes"))
        return system(QT_TRANSLATE_NOOP("Classification",
                                        "The API server's own Service, which it maintains."));
    if (f.ns.isEmpty()) {
        if (f.group.isEmpty() && f.kind == QLatin1String("Namespace") && isSystemNamespace(f.name))
            return system(
                QT_TRANSLATE_NOOP("Classification", "A namespace Kubernetes creates itself."));
        if (f.group.isEmpty() && f.kind == QLatin1String("Node"))
            return system(QT_TRANSLATE_NOOP("Classification",
                                            "A cluster node; it registers itself when K3s joins."));
        if (f.group == QLatin1String("apiregistration.k8s.io") &&
            f.kind == QLatin1String("APIService"))
            return system(QT_TRANSLATE_NOOP("Classification",
                                            "An API service registration the API server manages."));
        if (f.group == QLatin1String("rbac.authorization.k8s.io") &&
            (f.kind == QLatin1String("ClusterRole") ||
             f.kind == QLatin1String("ClusterRoleBinding")) &&
            f.name.startsWith(QLatin1String("system:")))
            return system(
                QT_TRANSLATE_NOOP("Classification", "Built-in RBAC the API server bootstraps."));
        if (f.group == QLatin1String("scheduling.k8s.io") &&
            f.kind == QLatin1String("PriorityClass") && f.name.startsWith(QLatin1String("system-")))
            return system(QT_TRANSLATE_NOOP("Classification", "A built-in priority class."));
        if (f.group == QLatin1String("flowcontrol.apiserver.k8s.io"))
            return system(QT_TRANSLATE_NOOP("Classification",
                                            "API priority and fairness the API server maintains."));
    }
    return std::nullopt;
}

} // namespace

Classification classify(const QJsonObject &object)
{
    const QJsonObject meta = object.value(QLatin1String("metadata")).toObject();
    const ObjectKey key = ObjectKey::of(object);
    const Facts f{key.group,
                  key.kind,
                  key.ns,
                  key.name,
                  meta.value(QLatin1String("labels")).toObject(),
                  meta.value(QLatin1String("annotations")).toObject(),
                  meta.value(QLatin1String("ownerReferences")).toArray()};

    // 1. Helm's own storage.
    if (isHelmReleaseRecord(object)) {
        // sh.helm.release.v1.<release>.v<revision>; the name label is authoritative when present.
        QString release = f.labels.value(QLatin1String("name")).toString();
        if (release.isEmpty()) {
            release = f.name.mid(int(qstrlen("sh.helm.release.v1.")));
            const qsizetype dot = release.lastIndexOf(QLatin1String(".v"));
            if (dot > 0)
                release.truncate(dot);
        }
        return {
            Ownership::HelmReleaseRecord,
            QCoreApplication::translate(
                "Classification",
                "Helm's record of a release revision; Flux's helm-controller will keep its own."),
            f.ns + QLatin1Char('/') + release};
    }

    // 2. System.
    if (auto system = systemRule(f))
        return *system;

    // 3. Controller-owned.
    if (!f.ownerReferences.isEmpty()) {
        QString owner;
        for (const QJsonValue &ref : f.ownerReferences) {
            const QJsonObject r = ref.toObject();
            if (owner.isEmpty() || r.value(QLatin1String("controller")).toBool())
                owner = r.value(QLatin1String("kind")).toString() + QLatin1Char('/') +
                        r.value(QLatin1String("name")).toString();
        }
        return {Ownership::ControllerOwned,
                QCoreApplication::translate("Classification", "Owned by %1, which re-creates it.")
                    .arg(owner),
                {}};
    }
    if (f.group.isEmpty() && f.kind == QLatin1String("Endpoints"))
        return {Ownership::ControllerOwned,
                QCoreApplication::translate(
                    "Classification",
                    "Endpoints the endpoints controller writes for the Service of the same name."),
                {}};

    // 4. Generated.
    if (f.group.isEmpty()) {
        if (f.kind == QLatin1String("ServiceAccount") && f.name == QLatin1String("default"))
            return {Ownership::Generated,
                    QCoreApplication::translate(
                        "Classification",
                        "Every namespace gets a default ServiceAccount automatically."),
                    {}};
        if (f.kind == QLatin1String("ConfigMap") && f.name == QLatin1String("kube-root-ca.crt"))
            return {Ownership::Generated,
                    QCoreApplication::translate(
                        "Classification", "The cluster CA bundle published into every namespace."),
                    {}};
        if (f.kind == QLatin1String("Secret") &&
            object.value(QLatin1String("type")).toString() ==
                QLatin1String("kubernetes.io/service-account-token"))
            return {Ownership::Generated,
                    QCoreApplication::translate(
                        "Classification", "A service account token the token controller fills in."),
                    {}};
    }
    if (f.kind == QLatin1String("Event") &&
        (f.group.isEmpty() || f.group == QLatin1String("events.k8s.io")))
        return {
            Ownership::Generated,
            QCoreApplication::translate("Classification", "An event; events expire on their own."),
            {}};
    if (f.kind == QLatin1String("Lease") && f.group == QLatin1String("coordination.k8s.io"))
        return {
            Ownership::Generated,
            QCoreApplication::translate(
                "Classification", "A lease a controller renews for leader election or heartbeats."),
            {}};

    // 5. Flux.
    const QString kustomization =
        f.labels.value(QLatin1String("kustomize.toolkit.fluxcd.io/name")).toString();
    if (!kustomization.isEmpty())
        return {
            Ownership::FluxManaged,
            QCoreApplication::translate("Classification", "Applied by the Flux Kustomization %1.")
                .arg(f.labels.value(QLatin1String("kustomize.toolkit.fluxcd.io/namespace"))
                         .toString() +
                     QLatin1Char('/') + kustomization),
            {}};
    const QString helmReleaseName =
        f.labels.value(QLatin1String("helm.toolkit.fluxcd.io/name")).toString();
    if (!helmReleaseName.isEmpty())
        return {
            Ownership::FluxManaged,
            QCoreApplication::translate("Classification", "Installed by the Flux HelmRelease %1.")
                .arg(f.labels.value(QLatin1String("helm.toolkit.fluxcd.io/namespace")).toString() +
                     QLatin1Char('/') + helmReleaseName),
            {}};

    // 6. Helm.
    const QString releaseName =
        f.annotations.value(QLatin1String("meta.helm.sh/release-name")).toString();
    const bool helmLabel =
        f.labels.value(QLatin1String("app.kubernetes.io/managed-by")).toString() ==
        QLatin1String("Helm");
    if (!releaseName.isEmpty() || helmLabel) {
        QString release;
        if (!releaseName.isEmpty()) {
            QString releaseNs =
                f.annotations.value(QLatin1String("meta.helm.sh/release-namespace")).toString();
            if (releaseNs.isEmpty())
                releaseNs = f.ns;
            release = releaseNs + QLatin1Char('/') + releaseName;
        } else {
            // Without the annotation Helm's "instance" label is the best guess at the release.
            const QString instance =
                f.labels.value(QLatin1String("app.kubernetes.io/instance")).toString();
            if (!instance.isEmpty())
                release = f.ns + QLatin1Char('/') + instance;
        }
        return {
            Ownership::HelmManaged,
            release.isEmpty()
                ? QCoreApplication::translate("Classification", "Labelled as managed by Helm.")
                : QCoreApplication::translate("Classification", "Created by the Helm release %1.")
                      .arg(release),
            release};
    }

    // 7. The rest.
    return {
        Ownership::UserManaged,
        QCoreApplication::translate(
            "Classification",
            "No manager found: created by hand (kubectl apply), so the migration must carry it."),
        {}};
}

QString ownershipBadge(Ownership ownership)
{
    switch (ownership) {
    case Ownership::UserManaged:
        return QCoreApplication::translate("Classification", "Manual");
    case Ownership::HelmManaged:
        return QCoreApplication::translate("Classification", "Helm");
    case Ownership::HelmReleaseRecord:
        return QCoreApplication::translate("Classification", "Helm record");
    case Ownership::FluxManaged:
        return QCoreApplication::translate("Classification", "Flux");
    case Ownership::System:
        return QCoreApplication::translate("Classification", "System");
    case Ownership::ControllerOwned:
        return QCoreApplication::translate("Classification", "Owned");
    case Ownership::Generated:
        return QCoreApplication::translate("Classification", "Generated");
    }
    return QString();
}

QString ownershipId(Ownership ownership)
{
    switch (ownership) {
    case Ownership::UserManaged:
        return QStringLiteral("user");
    case Ownership::HelmManaged:
        return QStringLiteral("helm");
    case Ownership::HelmReleaseRecord:
        return QStringLiteral("helm-release");
    case Ownership::FluxManaged:
        return QStringLiteral("flux");
    case Ownership::System:
        return QStringLiteral("system");
    case Ownership::ControllerOwned:
        return QStringLiteral("owned");
    case Ownership::Generated:
        return QStringLiteral("generated");
    }
    return QString();
}

bool isHiddenByDefault(Ownership ownership)
{
    switch (ownership) {
    case Ownership::System:
    case Ownership::ControllerOwned:
    case Ownership::Generated:
    case Ownership::HelmReleaseRecord:
        return true;
    case Ownership::UserManaged:
    case Ownership::HelmManaged:
    case Ownership::FluxManaged:
        return false;
    }
    return false;
}

} // namespace Fluxdesk
