#include "resourcetype.h"

#include <QHash>
#include <tuple>

namespace Fluxdesk {

namespace {

enum class Access
{
    Stored,   // create, get, list, ... : objects someone applies
    ReadOnly, // get and list: readings a server works out (metrics, component health)
    AskOnly   // create alone: a question answered in the reply, never stored (*Review, Binding)
};

struct KnownType
{
    const char *plural;
    bool namespaced;
    Access access;
};

// Keyed by "group/kind" ("/Node" for the core group).
QString typeKey(const QString &group, const QString &kind)
{
    return group + QLatin1Char('/') + kind;
}

const QHash<QString, KnownType> &knownTypes()
{
    static const QHash<QString, KnownType> types = [] {
        struct Row
        {
            const char *group;
            const char *kind;
            KnownType type;
        };
        const Row rows[] = {
            {"", "Endpoints", {"endpoints", true, Access::Stored}},
            {"", "Namespace", {"namespaces", false, Access::Stored}},
            {"", "Node", {"nodes", false, Access::Stored}},
            {"", "PersistentVolume", {"persistentvolumes", false, Access::Stored}},
            {"", "ComponentStatus", {"componentstatuses", false, Access::ReadOnly}},
            {"", "Binding", {"bindings", true, Access::AskOnly}},
            {"storage.k8s.io", "StorageClass", {"storageclasses", false, Access::Stored}},
            {"storage.k8s.io", "CSIDriver", {"csidrivers", false, Access::Stored}},
            {"storage.k8s.io", "CSINode", {"csinodes", false, Access::Stored}},
            {"storage.k8s.io", "VolumeAttachment", {"volumeattachments", false, Access::Stored}},
            {"rbac.authorization.k8s.io", "ClusterRole", {"clusterroles", false, Access::Stored}},
            {"rbac.authorization.k8s.io",
             "ClusterRoleBinding",
             {"clusterrolebindings", false, Access::Stored}},
            {"apiextensions.k8s.io",
             "CustomResourceDefinition",
             {"customresourcedefinitions", false, Access::Stored}},
            {"apiregistration.k8s.io", "APIService", {"apiservices", false, Access::Stored}},
            {"scheduling.k8s.io", "PriorityClass", {"priorityclasses", false, Access::Stored}},
            {"networking.k8s.io", "IngressClass", {"ingressclasses", false, Access::Stored}},
            {"node.k8s.io", "RuntimeClass", {"runtimeclasses", false, Access::Stored}},
            {"admissionregistration.k8s.io",
             "MutatingWebhookConfiguration",
             {"mutatingwebhookconfigurations", false, Access::Stored}},
            {"admissionregistration.k8s.io",
             "ValidatingWebhookConfiguration",
             {"validatingwebhookconfigurations", false, Access::Stored}},
            {"admissionregistration.k8s.io",
             "ValidatingAdmissionPolicy",
             {"validatingadmissionpolicies", false, Access::Stored}},
            {"admissionregistration.k8s.io",
             "ValidatingAdmissionPolicyBinding",
             {"validatingadmissionpolicybindings", false, Access::Stored}},
            {"gateway.networking.k8s.io",
             "GatewayClass",
             {"gatewayclasses", false, Access::Stored}},
            {"certificates.k8s.io",
             "CertificateSigningRequest",
             {"certificatesigningrequests", false, Access::Stored}},
            {"flowcontrol.apiserver.k8s.io", "FlowSchema", {"flowschemas", false, Access::Stored}},
            {"flowcontrol.apiserver.k8s.io",
             "PriorityLevelConfiguration",
             {"prioritylevelconfigurations", false, Access::Stored}},
            {"cert-manager.io", "ClusterIssuer", {"clusterissuers", false, Access::Stored}},
            // metrics-server's aggregated API names its resources after what they measure.
            {"metrics.k8s.io", "PodMetrics", {"pods", true, Access::ReadOnly}},
            {"metrics.k8s.io", "NodeMetrics", {"nodes", false, Access::ReadOnly}},
            {"authentication.k8s.io", "TokenReview", {"tokenreviews", false, Access::AskOnly}},
            {"authentication.k8s.io",
             "SelfSubjectReview",
             {"selfsubjectreviews", false, Access::AskOnly}},
            {"authorization.k8s.io",
             "SubjectAccessReview",
             {"subjectaccessreviews", false, Access::AskOnly}},
            {"authorization.k8s.io",
             "SelfSubjectAccessReview",
             {"selfsubjectaccessreviews", false, Access::AskOnly}},
            {"authorization.k8s.io",
             "SelfSubjectRulesReview",
             {"selfsubjectrulesreviews", false, Access::AskOnly}},
            {"authorization.k8s.io",
             "LocalSubjectAccessReview",
             {"localsubjectaccessreviews", true, Access::AskOnly}},
        };
        QHash<QString, KnownType> out;
        for (const Row &row : rows)
            out.insert(typeKey(QString::fromLatin1(row.group), QString::fromLatin1(row.kind)),
                       row.type);
        return out;
    }();
    return types;
}

// Aggregated APIs that serve readings only, whatever the kind.
bool readOnlyGroup(const QString &group)
{
    return group == QLatin1String("metrics.k8s.io") ||
           group == QLatin1String("custom.metrics.k8s.io") ||
           group == QLatin1String("external.metrics.k8s.io");
}

QStringList verbsOf(Access access)
{
    switch (access) {
    case Access::ReadOnly:
        return {QStringLiteral("get"), QStringLiteral("list")};
    case Access::AskOnly:
        return {QStringLiteral("create")};
    case Access::Stored:
        break;
    }
    return {QStringLiteral("create"), QStringLiteral("delete"), QStringLiteral("deletecollection"),
            QStringLiteral("get"),    QStringLiteral("list"),   QStringLiteral("patch"),
            QStringLiteral("update"), QStringLiteral("watch")};
}

} // namespace

std::optional<ResourceType> wellKnownType(const QString &group, const QString &kind)
{
    const auto it = knownTypes().constFind(typeKey(group, kind));
    if (it == knownTypes().constEnd())
        return std::nullopt;
    ResourceType type;
    type.group = group;
    type.kind = kind;
    type.resource = QString::fromLatin1(it->plural);
    type.namespaced = it->namespaced;
    type.verbs = verbsOf(it->access);
    return type;
}

QStringList knownVerbs(const QString &group, const QString &kind)
{
    const auto it = knownTypes().constFind(typeKey(group, kind));
    if (it != knownTypes().constEnd())
        return verbsOf(it->access);
    return verbsOf(readOnlyGroup(group) ? Access::ReadOnly : Access::Stored);
}

ObjectKey ObjectKey::of(const QJsonObject &object)
{
    const QJsonObject meta = object.value(QLatin1String("metadata")).toObject();
    return {groupOfApiVersion(object.value(QLatin1String("apiVersion")).toString()),
            object.value(QLatin1String("kind")).toString(),
            meta.value(QLatin1String("namespace")).toString(),
            meta.value(QLatin1String("name")).toString()};
}

QString ObjectKey::toString() const
{
    const QString type = group.isEmpty() ? kind : group + QLatin1Char('/') + kind;
    return type + QLatin1Char(' ') + (ns.isEmpty() ? name : ns + QLatin1Char('/') + name);
}

bool ObjectKey::operator<(const ObjectKey &o) const
{
    return std::tie(ns, group, kind, name) < std::tie(o.ns, o.group, o.kind, o.name);
}

size_t qHash(const ObjectKey &key, size_t seed)
{
    return ::qHash(key.group, seed) ^ ::qHash(key.kind, seed + 1) ^ ::qHash(key.ns, seed + 2) ^
           ::qHash(key.name, seed + 3);
}

} // namespace Fluxdesk
