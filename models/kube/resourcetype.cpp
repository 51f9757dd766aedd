#include "resourcetype.h"

#include <QHash>
#include <tuple>

namespace Fluxdesk {

QString groupOfApiVersion(const QString &apiVersion)
{
    const qsizetype slash = apiVersion.indexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : apiVersion.left(slash);
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
