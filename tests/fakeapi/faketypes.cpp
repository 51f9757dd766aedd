#include "faketypes.h"

#include <QHash>
#include <QJsonArray>

namespace Fluxdesk::Testing::FakeTypes {

bool TypeEntry::hasSubresource(const QString &name) const
{
    for (const SubResource &s : subresources) {
        if (s.name == name)
            return true;
    }
    return false;
}

const QStringList &listVerbs()
{
    static const QStringList verbs = QStringList{
        QStringLiteral("create"), QStringLiteral("delete"), QStringLiteral("deletecollection"),
        QStringLiteral("get"),    QStringLiteral("list"),   QStringLiteral("patch"),
        QStringLiteral("update"), QStringLiteral("watch")};
    return verbs;
}

// What the read-only APIs serve: metrics-server's metrics.k8s.io, ComponentStatus.
const QStringList &readOnlyVerbs()
{
    static const QStringList verbs = QStringList{QStringLiteral("get"), QStringLiteral("list")};
    return verbs;
}

// Aggregated APIs that compute their objects on each request (metrics-server and the custom and
// external metrics adapters): get and list only, no status subresource.
bool readOnlyGroup(const QString &group)
{
    return group == QLatin1String("metrics.k8s.io") ||
           group == QLatin1String("custom.metrics.k8s.io") ||
           group == QLatin1String("external.metrics.k8s.io");
}

TypeEntry makeType(const QString &group, const QString &version, const QString &resource,
                   const QString &kind, bool namespaced, const QStringList &shortNames,
                   const QStringList &subresourceNames, bool all)
{
    TypeEntry t;
    t.group = group;
    t.version = version;
    t.resource = resource;
    t.kind = kind;
    t.singular = kind.toLower();
    t.namespaced = namespaced;
    t.shortNames = shortNames;
    t.verbs = listVerbs();
    if (all)
        t.categories = QStringList{QStringLiteral("all")};
    for (const QString &sub : subresourceNames) {
        SubResource s;
        s.name = sub;
        s.kind = kind;
        if (sub == QLatin1String("log")) {
            s.verbs = QStringList{QStringLiteral("get")};
        } else if (sub == QLatin1String("scale")) {
            s.kind = QStringLiteral("Scale");
            s.group = QStringLiteral("autoscaling");
            s.version = QStringLiteral("v1");
            s.verbs = QStringList{QStringLiteral("get"), QStringLiteral("patch"),
                                  QStringLiteral("update")};
        } else if (sub == QLatin1String("exec")) {
            s.kind = QStringLiteral("PodExecOptions");
            s.verbs = QStringList{QStringLiteral("create"), QStringLiteral("get")};
        } else {
            s.verbs = QStringList{QStringLiteral("get"), QStringLiteral("patch"),
                                  QStringLiteral("update")};
        }
        t.subresources.append(s);
    }
    return t;
}

QVector<TypeEntry> builtinTypes()
{
    const QString core;
    const QString v1 = QStringLiteral("v1");
    const QString apps = QStringLiteral("apps");
    auto S = [](const char *s) { return QString::fromLatin1(s); };
    QVector<TypeEntry> types;
    TypeEntry bindings = makeType(core, v1, S("bindings"), S("Binding"), true);
    bindings.verbs = QStringList{S("create")}; // present in discovery, not listable
    types << bindings;
    TypeEntry componentStatuses =
        makeType(core, v1, S("componentstatuses"), S("ComponentStatus"), false, {S("cs")});
    componentStatuses.verbs = readOnlyVerbs(); // health readings, computed on each request
    types << componentStatuses;
    types << makeType(core, v1, S("configmaps"), S("ConfigMap"), true, {S("cm")});
    types << makeType(core, v1, S("endpoints"), S("Endpoints"), true, {S("ep")});
    types << makeType(core, v1, S("events"), S("Event"), true, {S("ev")});
    types << makeType(core, v1, S("namespaces"), S("Namespace"), false, {S("ns")},
                      {S("finalize"), S("status")});
    types << makeType(core, v1, S("nodes"), S("Node"), false, {S("no")}, {S("status")});
    types << makeType(core, v1, S("persistentvolumeclaims"), S("PersistentVolumeClaim"), true,
                      {S("pvc")}, {S("status")});
    types << makeType(core, v1, S("persistentvolumes"), S("PersistentVolume"), false, {S("pv")},
                      {S("status")});
    types << makeType(core, v1, S("pods"), S("Pod"), true, {S("po")},
                      {S("exec"), S("log"), S("status")}, true);
    types << makeType(core, v1, S("secrets"), S("Secret"), true);
    types << makeType(core, v1, S("serviceaccounts"), S("ServiceAccount"), true, {S("sa")});
    types << makeType(core, v1, S("services"), S("Service"), true, {S("svc")}, {S("status")}, true);
    types << makeType(apps, v1, S("controllerrevisions"), S("ControllerRevision"), true);
    types << makeType(apps, v1, S("daemonsets"), S("DaemonSet"), true, {S("ds")}, {S("status")},
                      true);
    types << makeType(apps, v1, S("deployments"), S("Deployment"), true, {S("deploy")},
                      {S("scale"), S("status")}, true);
    types << makeType(apps, v1, S("replicasets"), S("ReplicaSet"), true, {S("rs")},
                      {S("scale"), S("status")}, true);
    types << makeType(apps, v1, S("statefulsets"), S("StatefulSet"), true, {S("sts")},
                      {S("scale"), S("status")}, true);
    TypeEntry reviews =
        makeType(S("authentication.k8s.io"), v1, S("tokenreviews"), S("TokenReview"), false);
    reviews.verbs = QStringList{S("create")};
    types << reviews;
    // Flux's components manifest holds RBAC and NetworkPolicies, which every real server serves
    // whether or not it holds any: a bootstrap applies them to a cluster that has none.
    const QString rbac = QStringLiteral("rbac.authorization.k8s.io");
    types << makeType(rbac, v1, S("clusterroles"), S("ClusterRole"), false);
    types << makeType(rbac, v1, S("clusterrolebindings"), S("ClusterRoleBinding"), false);
    types << makeType(rbac, v1, S("roles"), S("Role"), true);
    types << makeType(rbac, v1, S("rolebindings"), S("RoleBinding"), true);
    types << makeType(S("networking.k8s.io"), v1, S("networkpolicies"), S("NetworkPolicy"), true,
                      {S("netpol")});
    // Every real server has the CRD type; a CRD stored adds its own types (crdTypes()).
    types << makeType(S("apiextensions.k8s.io"), v1, S("customresourcedefinitions"),
                      S("CustomResourceDefinition"), false, {S("crd"), S("crds")}, {S("status")});
    // kubectl auth can-i and Flux's pre-flight ask these.
    TypeEntry access = makeType(S("authorization.k8s.io"), v1, S("selfsubjectaccessreviews"),
                                S("SelfSubjectAccessReview"), false);
    access.verbs = QStringList{S("create")};
    types << access;
    return types;
}

// The tables below key a type by its group too: a custom resource may reuse a built-in kind's
// name in its own group.
QString groupKind(const QString &group, const QString &kind)
{
    return group + QLatin1Char('/') + kind;
}

// kubectl's guess for an unknown kind, with the plurals a guess gets wrong exact.
QString pluralOf(const QString &group, const QString &kind)
{
    static const QHash<QString, QString> irregular = {
        {QStringLiteral("/Endpoints"), QStringLiteral("endpoints")},
        // metrics-server names its resources after what they measure.
        {QStringLiteral("metrics.k8s.io/PodMetrics"), QStringLiteral("pods")},
        {QStringLiteral("metrics.k8s.io/NodeMetrics"), QStringLiteral("nodes")},
    };
    const auto it = irregular.constFind(groupKind(group, kind));
    if (it != irregular.constEnd())
        return it.value();
    const QString lower = kind.toLower();
    if (lower.endsWith(QLatin1Char('s')) || lower.endsWith(QLatin1Char('x')) ||
        lower.endsWith(QLatin1String("ch")) || lower.endsWith(QLatin1String("sh")))
        return lower + QLatin1String("es");
    if (lower.endsWith(QLatin1Char('y')) && lower.size() > 1 &&
        !QStringLiteral("aeiou").contains(lower.at(lower.size() - 2)))
        return lower.left(lower.size() - 1) + QLatin1String("ies");
    return lower + QLatin1Char('s');
}

bool knownClusterScoped(const QString &group, const QString &kind)
{
    static const QStringList types = {
        QStringLiteral("/Namespace"),
        QStringLiteral("/Node"),
        QStringLiteral("/PersistentVolume"),
        QStringLiteral("rbac.authorization.k8s.io/ClusterRole"),
        QStringLiteral("rbac.authorization.k8s.io/ClusterRoleBinding"),
        QStringLiteral("storage.k8s.io/StorageClass"),
        QStringLiteral("apiextensions.k8s.io/CustomResourceDefinition"),
        QStringLiteral("scheduling.k8s.io/PriorityClass"),
        QStringLiteral("networking.k8s.io/IngressClass"),
        QStringLiteral("apiregistration.k8s.io/APIService"),
        QStringLiteral("admissionregistration.k8s.io/MutatingWebhookConfiguration"),
        QStringLiteral("admissionregistration.k8s.io/ValidatingWebhookConfiguration"),
        QStringLiteral("storage.k8s.io/CSIDriver"),
        QStringLiteral("storage.k8s.io/CSINode"),
        QStringLiteral("storage.k8s.io/VolumeAttachment"),
        QStringLiteral("node.k8s.io/RuntimeClass"),
        QStringLiteral("cert-manager.io/ClusterIssuer"),
        QStringLiteral("metrics.k8s.io/NodeMetrics"),
    };
    return types.contains(groupKind(group, kind));
}

QStringList knownShortNames(const QString &group, const QString &kind)
{
    static const QHash<QString, QStringList> names = {
        {QStringLiteral("networking.k8s.io/Ingress"), {QStringLiteral("ing")}},
        {QStringLiteral("networking.k8s.io/NetworkPolicy"), {QStringLiteral("netpol")}},
        {QStringLiteral("storage.k8s.io/StorageClass"), {QStringLiteral("sc")}},
        {QStringLiteral("helm.toolkit.fluxcd.io/HelmRelease"), {QStringLiteral("hr")}},
        {QStringLiteral("kustomize.toolkit.fluxcd.io/Kustomization"), {QStringLiteral("ks")}},
        {QStringLiteral("batch/CronJob"), {QStringLiteral("cj")}},
        {QStringLiteral("autoscaling/HorizontalPodAutoscaler"), {QStringLiteral("hpa")}},
        {QStringLiteral("policy/PodDisruptionBudget"), {QStringLiteral("pdb")}},
        {QStringLiteral("apiextensions.k8s.io/CustomResourceDefinition"),
         {QStringLiteral("crd"), QStringLiteral("crds")}},
    };
    return names.value(groupKind(group, kind));
}

// The type a server serves for objects of a group and kind it has no built-in type for: a CRD
// (with a status subresource), or a read-only aggregated API's type.
TypeEntry derivedType(const QString &group, const QString &version, const QString &kind,
                      const QString &ns)
{
    const bool readOnly = readOnlyGroup(group);
    TypeEntry t =
        makeType(group, version, pluralOf(group, kind), kind,
                 !knownClusterScoped(group, kind) && !ns.isEmpty(), knownShortNames(group, kind),
                 readOnly ? QStringList() : QStringList{QStringLiteral("status")});
    if (readOnly)
        t.verbs = readOnlyVerbs();
    return t;
}

bool isCrd(const QJsonObject &object)
{
    return object.value(QLatin1String("kind")).toString() ==
               QLatin1String("CustomResourceDefinition") &&
           object.value(QLatin1String("apiVersion"))
               .toString()
               .startsWith(QLatin1String("apiextensions.k8s.io/"));
}

QVector<TypeEntry> crdTypes(const QJsonObject &crd)
{
    const QJsonObject spec = crd.value(QLatin1String("spec")).toObject();
    const QJsonObject names = spec.value(QLatin1String("names")).toObject();
    const QString group = spec.value(QLatin1String("group")).toString();
    const QString kind = names.value(QLatin1String("kind")).toString();
    const QString plural = names.value(QLatin1String("plural")).toString();
    QVector<TypeEntry> out;
    if (group.isEmpty() || kind.isEmpty() || plural.isEmpty())
        return out;
    const bool namespaced =
        spec.value(QLatin1String("scope")).toString() != QLatin1String("Cluster");
    QStringList shortNames, categories;
    for (const QJsonValue &v : names.value(QLatin1String("shortNames")).toArray())
        shortNames.append(v.toString());
    for (const QJsonValue &v : names.value(QLatin1String("categories")).toArray())
        categories.append(v.toString());
    QString singular = names.value(QLatin1String("singular")).toString();
    if (singular.isEmpty())
        singular = kind.toLower();
    const QJsonArray versions = spec.value(QLatin1String("versions")).toArray();
    for (const QJsonValue &value : versions) {
        const QJsonObject version = value.toObject();
        if (!version.value(QLatin1String("served")).toBool(true))
            continue;
        // apiextensions.k8s.io/v1 puts subresources per version; v1beta1 put them in the spec.
        QJsonObject subresources = version.value(QLatin1String("subresources")).toObject();
        if (subresources.isEmpty())
            subresources = spec.value(QLatin1String("subresources")).toObject();
        QStringList subNames;
        if (subresources.contains(QLatin1String("scale")))
            subNames.append(QStringLiteral("scale"));
        if (subresources.contains(QLatin1String("status")))
            subNames.append(QStringLiteral("status"));
        TypeEntry t = makeType(group, version.value(QLatin1String("name")).toString(), plural, kind,
                               namespaced, shortNames, subNames);
        t.singular = singular;
        t.categories = categories;
        out.append(t);
    }
    return out;
}

} // namespace Fluxdesk::Testing::FakeTypes
