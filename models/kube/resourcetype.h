#pragma once

#include "manifest/apiversion.h" // groupOfApiVersion(), used with ObjectKey

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Fluxdesk {

// One listable API resource type as discovery reports it (e.g. apps/v1 deployments).
struct ResourceType
{
    QString group;    // "" for the core group
    QString version;  // "v1"
    QString resource; // plural, e.g. "deployments"
    QString kind;     // "Deployment"
    bool namespaced = true;
    QStringList verbs;

    QString groupVersion() const
    {
        return group.isEmpty() ? version : group + QLatin1Char('/') + version;
    }
    // The "kubectl get" name: "deployments.apps", or "pods" for the core group.
    QString qualifiedName() const
    {
        return group.isEmpty() ? resource : resource + QLatin1Char('.') + group;
    }
    // Cluster-wide list path: /api/v1/pods or /apis/apps/v1/deployments.
    QString listPath() const
    {
        return (group.isEmpty() ? QStringLiteral("/api/") : QStringLiteral("/apis/")) +
               groupVersion() + QLatin1Char('/') + resource;
    }
    // Whether objects of this type can be created, and so could be a manifest in a repository:
    // read-only APIs (metrics.k8s.io's PodMetrics and NodeMetrics, ComponentStatus) serve get and
    // list only. Decided by the verbs discovery reported (or knownVerbs() for a snapshot).
    bool creatable() const { return verbs.contains(QLatin1String("create")); }
    bool operator==(const ResourceType &o) const
    {
        return group == o.group && version == o.version && resource == o.resource;
    }
};

// Identity of a live object: group, kind, namespace ("" when cluster-scoped) and name.
struct ObjectKey
{
    QString group;
    QString kind;
    QString ns;
    QString name;

    static ObjectKey of(const QJsonObject &object);
    QString toString() const; // "apps/Deployment llm/llama-cpp"
    bool operator==(const ObjectKey &o) const
    {
        return group == o.group && kind == o.kind && ns == o.ns && name == o.name;
    }
    bool operator<(const ObjectKey &o) const;
};

size_t qHash(const ObjectKey &key, size_t seed = 0);

// What discovery would say of a type, for objects seen without it (a snapshot), by group and kind
// together: a custom resource may reuse a built-in kind's name in its own group (Traefik's
// Middleware, a CRD's Node), so the kind alone never decides.
// Built-in and well-known add-on types with a plural a "lower-case + s" guess gets wrong, or
// that are cluster-scoped, or read-only: resource, namespaced and verbs filled in, group and kind
// echoed, version left empty. std::nullopt for other types.
std::optional<ResourceType> wellKnownType(const QString &group, const QString &kind);
// The verbs discovery would list: get and list for the read-only APIs (the metrics.k8s.io,
// custom.metrics.k8s.io and external.metrics.k8s.io groups, ComponentStatus), create alone for
// the *Review types and Binding (asked, never stored), the full set of a stored type otherwise.
QStringList knownVerbs(const QString &group, const QString &kind);

} // namespace Fluxdesk

Q_DECLARE_METATYPE(Fluxdesk::ResourceType)
Q_DECLARE_METATYPE(Fluxdesk::ObjectKey)
