#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

// The types the fake API server serves: the built-in ones, the ones derived from objects of an
// unknown group and kind, and the ones a CustomResourceDefinition adds.
namespace Fluxdesk::Testing::FakeTypes {

// A subresource line of an APIResourceList ("pods/log"); clients must not list these.
struct SubResource
{
    QString name;           // "log"
    QString kind;           // "Pod", or "Scale"
    QString group, version; // set for subresources of another group (autoscaling/v1 Scale)
    QStringList verbs;
};

struct Item
{
    QString ns;
    QString name;
    QByteArray json; // compact serialization, built once per rebuild
    QJsonObject labels;
};

struct TypeEntry
{
    QString group, version, resource, kind, singular;
    QStringList shortNames, verbs, categories;
    bool namespaced = true;
    QList<SubResource> subresources;
    QVector<Item> items; // sorted by namespace, then name

    QString groupVersion() const
    {
        return group.isEmpty() ? version : group + QLatin1Char('/') + version;
    }
    bool listable() const { return verbs.contains(QLatin1String("list")); }
    bool hasSubresource(const QString &name) const;
};

const QStringList &listVerbs();
const QStringList &readOnlyVerbs();
bool readOnlyGroup(const QString &group);
TypeEntry makeType(const QString &group, const QString &version, const QString &resource,
                   const QString &kind, bool namespaced, const QStringList &shortNames = {},
                   const QStringList &subresourceNames = {}, bool all = false);
// The types every server serves, whether or not objects of them exist.
QVector<TypeEntry> builtinTypes();
// "group/kind" ("/Endpoints" for the core group).
QString groupKind(const QString &group, const QString &kind);
QString pluralOf(const QString &group, const QString &kind);
bool knownClusterScoped(const QString &group, const QString &kind);
QStringList knownShortNames(const QString &group, const QString &kind);
// The type served for objects of a group and kind without a built-in type or a CRD.
TypeEntry derivedType(const QString &group, const QString &version, const QString &kind,
                      const QString &ns);

bool isCrd(const QJsonObject &object);
// The types a CustomResourceDefinition (apiextensions.k8s.io/v1) adds: one per served version,
// with its plural, singular, kind, scope, shortNames, categories and subresources (status,
// scale). Empty when the CRD names no group, kind or plural.
QVector<TypeEntry> crdTypes(const QJsonObject &crd);

} // namespace Fluxdesk::Testing::FakeTypes
