#pragma once

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

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

// "apps/v1" -> "apps", "v1" -> "".
QString groupOfApiVersion(const QString &apiVersion);

} // namespace Fluxdesk

Q_DECLARE_METATYPE(Fluxdesk::ResourceType)
Q_DECLARE_METATYPE(Fluxdesk::ObjectKey)
