#include "classification.h"

#include "kube/helmreleaserecord.h"
#include "kube/resourcetype.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace Fluxdesk {

// Order of precedence (first match wins), and why:
//  1. HelmReleaseRecord: Helm's storage lives in user namespaces and carries owner=helm; it is
//     never a thing to migrate as a manifest, whatever else it looks like. The records of a
//     release K3s installs are K3s's (System).
//  2. ReadOnly: a type the API serves without "create" (metrics.k8s.io readings) holds readings,
//     not objects anyone applies.
//  3. System: what Kubernetes and K3s create and keep themselves. The objects of a Helm release
//     K3s installs from a HelmChart (traefik, traefik-crd); kube-system, kube-public and
//     kube-node-lease, unless a person's tool wrote the object there (a HelmChartConfig applied
//     with kubectl is the owner's); K3s addons and everything its deploy controller applies from
//     the server manifests folder (objectset.rio.cattle.io/*); K3s's own CRDs; Nodes, CSINodes,
//     APIServices; the default RBAC the API server bootstraps (rbac-defaults label, system:*
//     names); API priority and fairness objects the API server keeps up to date; system-*
//     PriorityClasses; the default namespace and the API server's own Service and EndpointSlice.
//  4. ControllerOwned: any ownerReference means another object re-creates it (Pods of a
//     ReplicaSet, ReplicaSets of a Deployment, EndpointSlices, ControllerRevisions, Jobs' Pods),
//     plus every core Endpoints object and every EndpointSlice a controller labels as its own.
//  5. Generated: objects the control plane creates in every namespace or as a side effect
//     (ServiceAccount "default", ConfigMap kube-root-ca.crt, service-account-token Secrets,
//     Events, Leases), volumes a provisioner made for a claim, claims a StatefulSet made from its
//     templates.
//  6. FluxManaged: Flux's kustomize/helm controller labels, and Flux's own CRDs (bootstrap
//     installs them).
//  7. HelmManaged: Helm hooks, managed-by=Helm label or meta.helm.sh/release-name annotation,
//     and CRDs a chart installed from its crds/ folder (Helm labels nothing there). Checked after
//     Flux because Flux's helm-controller also sets Helm's labels, and the Flux label is the
//     truer answer.
//  8. Generated, from the evidence of who wrote it: an app.kubernetes.io/managed-by label naming a
//     controller, or managedFields whose every writer is a controller (no person's tool ever
//     touched it: Envoy Gateway's proxies, the Secrets a chart's hook made). Checked last so that
//     a controller's later status or spec writes never take an object away from its owner.
//  9. UserManaged: everything else.

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

const QLatin1String lastAppliedAnnotation("kubectl.kubernetes.io/last-applied-configuration");
const QLatin1String managedByLabel("app.kubernetes.io/managed-by");

struct Facts
{
    QString group;
    QString kind;
    QString ns;
    QString name;
    QJsonObject labels;
    QJsonObject annotations;
    QJsonArray ownerReferences;
    QStringList writers; // managedFields managers, status writes left out, in order

    bool is(const char *g, const char *k) const
    {
        return group == QLatin1String(g) && kind == QLatin1String(k);
    }
    bool lastApplied() const { return annotations.contains(lastAppliedAnnotation); }
    // A person's tool wrote the object: kubectl's record of an apply, or a person's manager.
    bool personEvidence() const
    {
        return lastApplied() || std::any_of(writers.cbegin(), writers.cend(), isPersonManager);
    }
    // Only controllers ever wrote it: managedFields name writers, none of them a person's.
    bool controllerOnly() const { return !writers.isEmpty() && !personEvidence(); }
    bool objectset() const
    {
        const QString prefix = QStringLiteral("objectset.rio.cattle.io/");
        return hasPrefixedKey(labels, prefix) || hasPrefixedKey(annotations, prefix);
    }
};

// The managers of an object's managedFields, in order, each once; status writes are left out:
// they are a controller reporting on the object, whoever the owner is.
QStringList writersOf(const QJsonObject &metadata)
{
    QStringList writers;
    for (const QJsonValue &entry : metadata.value(QLatin1String("managedFields")).toArray()) {
        const QJsonObject e = entry.toObject();
        if (e.value(QLatin1String("subresource")).toString() == QLatin1String("status"))
            continue;
        const QString manager = e.value(QLatin1String("manager")).toString();
        if (!manager.isEmpty() && !writers.contains(manager))
            writers.append(manager);
    }
    return writers;
}

// The Helm release an object's labels or annotations name, "" when none.
QString helmReleaseOf(const Facts &f)
{
    const QString releaseName =
        f.annotations.value(QLatin1String("meta.helm.sh/release-name")).toString();
    if (!releaseName.isEmpty()) {
        QString releaseNs =
            f.annotations.value(QLatin1String("meta.helm.sh/release-namespace")).toString();
        if (releaseNs.isEmpty())
            releaseNs = f.ns;
        return releaseNs + QLatin1Char('/') + releaseName;
    }
    // Without the annotation Helm's "instance" label is the best guess at the release.
    const QString instance = f.labels.value(QLatin1String("app.kubernetes.io/instance")).toString();
    if (!instance.isEmpty() && !f.ns.isEmpty())
        return f.ns + QLatin1Char('/') + instance;
    return {};
}

bool helmLabelled(const Facts &f)
{
    return f.labels.value(managedByLabel).toString() == QLatin1String("Helm") ||
           f.annotations.contains(QLatin1String("meta.helm.sh/release-name"));
}

std::optional<Classification> systemRule(const Facts &f)
{
    const auto system = [](const char *reason) {
        return Classification{Ownership::System, translated(reason), {}};
    };
    if (f.objectset())
        return system(
            QT_TRANSLATE_NOOP("Classification", "Applied by K3s from its server manifests."));
    if (f.is("k3s.cattle.io", "Addon"))
        return system(QT_TRANSLATE_NOOP("Classification", "A K3s addon manifest."));
    if (f.is("helm.cattle.io", "HelmChart"))
        return system(QT_TRANSLATE_NOOP("Classification",
                                        "A chart installed by K3s's built-in Helm controller."));
    // A HelmChartConfig customises one of K3s's charts; K3s makes none itself (those from its
    // manifests folder carry objectset annotations), so the owner's stays theirs.
    const bool personInSystemNamespace =
        f.personEvidence() && !helmLabelled(f) && !f.is("", "Namespace");
    if (isSystemNamespace(f.ns) && !personInSystemNamespace &&
        !f.is("helm.cattle.io", "HelmChartConfig"))
        return system(QT_TRANSLATE_NOOP(
            "Classification", "Lives in a Kubernetes system namespace; K3s maintains it."));
    if (f.labels.value(QLatin1String("kubernetes.io/bootstrapping")).toString() ==
        QLatin1String("rbac-defaults"))
        return system(
            QT_TRANSLATE_NOOP("Classification", "Default RBAC the API server creates and keeps."));
    if (f.group == QLatin1String("rbac.authorization.k8s.io") &&
        f.name.startsWith(QLatin1String("system:")))
        return system(
            QT_TRANSLATE_NOOP("Classification", "Built-in RBAC the API server bootstraps."));
    if (f.group == QLatin1String("flowcontrol.apiserver.k8s.io")) {
        // The API server rewrites the defaults it marks autoupdate-spec "true"; one marked
        // "false" is a person's change to a default.
        const QJsonValue autoupdate =
            f.annotations.value(QLatin1String("apf.kubernetes.io/autoupdate-spec"));
        if (autoupdate.toString() == QLatin1String("true") ||
            (autoupdate.isUndefined() && !f.personEvidence()))
            return system(QT_TRANSLATE_NOOP("Classification",
                                            "API priority and fairness the API server maintains."));
    }
    if (f.is("apiextensions.k8s.io", "CustomResourceDefinition") &&
        (f.name.endsWith(QLatin1String(".k3s.cattle.io")) ||
         f.name.endsWith(QLatin1String(".helm.cattle.io"))))
        return system(
            QT_TRANSLATE_NOOP("Classification", "One of K3s's own CustomResourceDefinitions."));
    if (f.is("storage.k8s.io", "CSINode"))
        return system(
            QT_TRANSLATE_NOOP("Classification", "The kubelet registers it for its node."));
    if (f.ns == QLatin1String("default") && f.name == QLatin1String("kubernetes") &&
        (f.is("", "Service") || f.is("discovery.k8s.io", "EndpointSlice")))
        return system(QT_TRANSLATE_NOOP(
            "Classification", "The API server's own Service and endpoints, which it maintains."));
    if (f.ns.isEmpty()) {
        if (f.is("", "Namespace") &&
            (isSystemNamespace(f.name) || f.name == QLatin1String("default")))
            return system(
                QT_TRANSLATE_NOOP("Classification", "A namespace Kubernetes creates itself."));
        if (f.is("", "Node"))
            return system(QT_TRANSLATE_NOOP("Classification",
                                            "A cluster node; it registers itself when K3s joins."));
        if (f.is("apiregistration.k8s.io", "APIService"))
            return system(QT_TRANSLATE_NOOP("Classification",
                                            "An API service registration the API server manages."));
        if (f.is("scheduling.k8s.io", "PriorityClass") &&
            f.name.startsWith(QLatin1String("system-")))
            return system(QT_TRANSLATE_NOOP("Classification", "A built-in priority class."));
    }
    return std::nullopt;
}

std::optional<Classification> generatedRule(const Facts &f, const QJsonObject &object,
                                            const ClassificationContext &context)
{
    const auto generated = [](const QString &reason) {
        return Classification{Ownership::Generated, reason, {}};
    };
    if (f.group.isEmpty()) {
        if (f.kind == QLatin1String("ServiceAccount") && f.name == QLatin1String("default"))
            return generated(translated(QT_TRANSLATE_NOOP(
                "Classification", "Every namespace gets a default ServiceAccount automatically.")));
        if (f.kind == QLatin1String("ConfigMap") && f.name == QLatin1String("kube-root-ca.crt"))
            return generated(translated(QT_TRANSLATE_NOOP(
                "Classification", "The cluster CA bundle published into every namespace.")));
        if (f.kind == QLatin1String("Secret") &&
            object.value(QLatin1String("type")).toString() ==
                QLatin1String("kubernetes.io/service-account-token"))
            return generated(translated(QT_TRANSLATE_NOOP(
                "Classification", "A service account token the token controller fills in.")));
        if (f.kind == QLatin1String("PersistentVolume")) {
            const QString provisioner =
                f.annotations.value(QLatin1String("pv.kubernetes.io/provisioned-by")).toString();
            if (!provisioner.isEmpty()) {
                const QJsonObject claim = object.value(QLatin1String("spec"))
                                              .toObject()
                                              .value(QLatin1String("claimRef"))
                                              .toObject();
                return generated(
                    QCoreApplication::translate("Classification",
                                                "Provisioned dynamically by %1 for claim %2: the "
                                                "claim creates it again.")
                        .arg(provisioner, claim.value(QLatin1String("namespace")).toString() +
                                              QLatin1Char('/') +
                                              claim.value(QLatin1String("name")).toString()));
            }
        }
        if (f.kind == QLatin1String("PersistentVolumeClaim")) {
            static const QRegularExpression ordinal(QStringLiteral("^[0-9]+$"));
            for (auto it = context.statefulSetClaims.constBegin();
                 it != context.statefulSetClaims.constEnd(); ++it) {
                const qsizetype nl = it.key().indexOf(QLatin1Char('\n'));
                const QString prefix = it.key().mid(nl + 1);
                if (it.key().left(nl) == f.ns && f.name.startsWith(prefix) &&
                    ordinal.match(f.name.mid(prefix.size())).hasMatch())
                    return generated(QCoreApplication::translate(
                                         "Classification",
                                         "Created by StatefulSet %1 from its volumeClaimTemplates.")
                                         .arg(it.value()));
            }
        }
    }
    if (f.kind == QLatin1String("Event") &&
        (f.group.isEmpty() || f.group == QLatin1String("events.k8s.io")))
        return generated(translated(
            QT_TRANSLATE_NOOP("Classification", "An event; events expire on their own.")));
    if (f.is("coordination.k8s.io", "Lease"))
        return generated(translated(QT_TRANSLATE_NOOP(
            "Classification", "A lease a controller renews for leader election or heartbeats.")));
    return std::nullopt;
}

} // namespace

bool isPersonManager(const QString &manager)
{
    // kubectl names its managers "kubectl", "kubectl-client-side-apply", "kubectl-edit", ...;
    // other tools a person drives use their program's name.
    if (manager == QLatin1String("kubectl") || manager.startsWith(QLatin1String("kubectl-")) ||
        manager.startsWith(QLatin1String("kubectl.")))
        return true;
    static const char *const tools[] = {"helm",      "k9s",       "kustomize",        "lens",
                                        "Lens",      "OpenLens",  "headlamp",         "Headlamp",
                                        "Terraform", "terraform", "OpenAPI-Generator"};
    for (const char *tool : tools) {
        if (manager == QLatin1String(tool))
            return true;
    }
    return manager.startsWith(QLatin1String("pulumi-kubernetes"));
}

bool installedByHelmAlone(const QJsonObject &object)
{
    const QJsonObject meta = object.value(QLatin1String("metadata")).toObject();
    const QJsonObject annotations = meta.value(QLatin1String("annotations")).toObject();
    if (annotations.contains(QLatin1String("meta.helm.sh/release-name")) ||
        annotations.contains(lastAppliedAnnotation) ||
        meta.value(QLatin1String("labels")).toObject().value(managedByLabel).toString() ==
            QLatin1String("Helm"))
        return false;
    const QStringList writers = writersOf(meta);
    return !writers.isEmpty() &&
           std::all_of(writers.cbegin(), writers.cend(),
                       [](const QString &m) { return m == QLatin1String("helm"); });
}

bool isKnownReadOnlyType(const QString &group, const QString &kind)
{
    // The verbs discovery would list where no discovery was read (a snapshot).
    return !knownVerbs(group, kind).contains(QLatin1String("create"));
}

Classification classify(const QJsonObject &object, const ClassificationContext &context)
{
    const QJsonObject meta = object.value(QLatin1String("metadata")).toObject();
    const ObjectKey key = ObjectKey::of(object);
    Facts f{key.group,
            key.kind,
            key.ns,
            key.name,
            meta.value(QLatin1String("labels")).toObject(),
            meta.value(QLatin1String("annotations")).toObject(),
            meta.value(QLatin1String("ownerReferences")).toArray(),
            writersOf(meta)};

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
        const QString id = f.ns + QLatin1Char('/') + release;
        const QString chart = context.k3sReleases.value(id);
        if (!chart.isEmpty())
            return {Ownership::System,
                    QCoreApplication::translate(
                        "Classification",
                        "Helm's record of a release K3s installs from its HelmChart %1.")
                        .arg(chart),
                    id};
        return {
            Ownership::HelmReleaseRecord,
            QCoreApplication::translate(
                "Classification",
                "Helm's record of a release revision; Flux's helm-controller will keep its own."),
            id};
    }

    // 2. Read-only APIs.
    if (context.readOnlyTypes.contains(f.group + QLatin1Char('/') + f.kind) ||
        isKnownReadOnlyType(f.group, f.kind))
        return {Ownership::ReadOnly,
                QCoreApplication::translate("Classification",
                                            "Served by a read-only API (%1): readings, not an "
                                            "object anyone applies.")
                    .arg(f.group.isEmpty() ? QStringLiteral("v1") : f.group),
                {}};

    // 3. System, starting with the charts K3s installs itself.
    const QString helmRelease =
        helmLabelled(f) || f.annotations.contains(QLatin1String("helm.sh/hook")) ? helmReleaseOf(f)
                                                                                 : QString();
    if (!helmRelease.isEmpty() && context.k3sReleases.contains(helmRelease))
        return {Ownership::System,
                QCoreApplication::translate(
                    "Classification",
                    "Part of Helm release %1, which K3s installs from its HelmChart %2.")
                    .arg(helmRelease, context.k3sReleases.value(helmRelease)),
                helmRelease};
    if (auto system = systemRule(f))
        return *system;

    // 4. Controller-owned.
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
    if (f.is("", "Endpoints"))
        return {Ownership::ControllerOwned,
                QCoreApplication::translate(
                    "Classification",
                    "Endpoints the endpoints controller writes for the Service of the same name."),
                {}};
    const QString sliceManager =
        f.labels.value(QLatin1String("endpointslice.kubernetes.io/managed-by")).toString();
    if (f.is("discovery.k8s.io", "EndpointSlice") && !sliceManager.isEmpty())
        return {Ownership::ControllerOwned,
                QCoreApplication::translate("Classification",
                                            "An EndpointSlice %1 writes for its Service.")
                    .arg(sliceManager),
                {}};

    // 5. Generated.
    if (auto generated = generatedRule(f, object, context))
        return *generated;

    // 6. Flux.
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
    const bool crd = f.is("apiextensions.k8s.io", "CustomResourceDefinition");
    if (crd && (f.labels.value(QLatin1String("app.kubernetes.io/part-of")).toString() ==
                    QLatin1String("flux") ||
                f.name.endsWith(QLatin1String(".toolkit.fluxcd.io"))))
        return {Ownership::FluxManaged,
                QCoreApplication::translate(
                    "Classification",
                    "One of Flux's own CustomResourceDefinitions: bootstrapping Flux installs it."),
                {}};

    // 7. Helm.
    const QString hook = f.annotations.value(QLatin1String("helm.sh/hook")).toString();
    if (!hook.isEmpty())
        return {helmRelease.isEmpty() ? Ownership::Generated : Ownership::HelmManaged,
                helmRelease.isEmpty()
                    ? QCoreApplication::translate("Classification",
                                                  "A Helm hook (%1): Helm runs it with its "
                                                  "release, which carries it.")
                          .arg(hook)
                    : QCoreApplication::translate("Classification",
                                                  "A hook (%1) of Helm release %2: Helm runs it, "
                                                  "so the release's HelmRelease carries it.")
                          .arg(hook, helmRelease),
                helmRelease};
    if (crd && context.chartCrds.contains(f.name)) {
        const QString release = context.chartCrds.value(f.name);
        return {Ownership::HelmManaged,
                QCoreApplication::translate(
                    "Classification",
                    "Installed from the crds/ folder of Helm release %1's chart: its HelmRelease "
                    "carries it (install.crds: CreateReplace).")
                    .arg(release),
                release};
    }
    if (helmLabelled(f))
        return {
            Ownership::HelmManaged,
            helmRelease.isEmpty()
                ? QCoreApplication::translate("Classification", "Labelled as managed by Helm.")
                : QCoreApplication::translate("Classification", "Created by the Helm release %1.")
                      .arg(helmRelease),
            helmRelease};
    if (crd && installedByHelmAlone(object))
        return {Ownership::HelmManaged,
                QCoreApplication::translate(
                    "Classification",
                    "Installed by Helm from a chart's crds/ folder: the chart's HelmRelease "
                    "carries it (install.crds: CreateReplace)."),
                {}};

    // 8. Generated, by who wrote it.
    const QString managedBy = f.labels.value(managedByLabel).toString();
    if (!managedBy.isEmpty() && !isPersonManager(managedBy) &&
        managedBy.compare(QLatin1String("kustomize"), Qt::CaseInsensitive) != 0 &&
        !f.personEvidence())
        return {Ownership::Generated,
                QCoreApplication::translate("Classification",
                                            "Labelled as managed by %1, a controller that "
                                            "generates it.")
                    .arg(managedBy),
                {}};
    if (f.controllerOnly())
        return {Ownership::Generated,
                QCoreApplication::translate("Classification",
                                            "Only %1 ever wrote it, never a person's tool: a "
                                            "controller or a chart's hook generated it.")
                    .arg(f.writers.join(QLatin1String(", "))),
                {}};

    // 9. The rest.
    return {Ownership::UserManaged,
            f.personEvidence()
                ? QCoreApplication::translate(
                      "Classification", "Written by %1: created by hand, so the migration must "
                                        "carry it.")
                      .arg(f.lastApplied() ? QStringLiteral("kubectl apply")
                                           : f.writers.join(QLatin1String(", ")))
                : QCoreApplication::translate("Classification",
                                              "No manager found: created by hand (kubectl apply), "
                                              "so the migration must carry it."),
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
    case Ownership::ReadOnly:
        return QCoreApplication::translate("Classification", "Read-only");
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
    case Ownership::ReadOnly:
        return QStringLiteral("read-only");
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
    case Ownership::ReadOnly:
        return true;
    case Ownership::UserManaged:
    case Ownership::HelmManaged:
    case Ownership::FluxManaged:
        return false;
    }
    return false;
}

} // namespace Fluxdesk
