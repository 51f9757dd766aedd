#pragma once

#include "kube/classification.h"
#include "kube/compactobject.h"
#include "kube/helmreleaserecord.h"
#include "kube/resourcetype.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QSet>
#include <QString>

namespace Fluxdesk {

enum class TypeState
{
    Pending,
    Loading,
    Loaded,
    Forbidden,
    Failed,
    Cancelled
};

struct TypeStatus
{
    ResourceType type;
    TypeState state = TypeState::Pending;
    int objectCount = 0;
    QString message; // the server's words for Forbidden/Failed
};

// One live object. The object is held compactly and decoded on demand (see CompactObject); what
// listing reads of every object (its key, classification and labels) is kept decoded beside it.
struct InventoryEntry
{
    ObjectKey key;
    QString apiVersion;
    CompactObject object;
    QJsonObject labels; // metadata.labels
    Classification classification;
};

// Every live object once, indexed by group/kind, namespace and name. Not thread-safe: fill it on
// one thread (the loader delivers pages through queued signals). A copy shares the entries (an
// implicitly shared hash of compact objects) until one side changes.
class Inventory
{
public:
    void clear();

    void setTypes(const QList<ResourceType> &types);
    void setTypeState(const ResourceType &type, TypeState state, const QString &message = {});
    QList<TypeStatus> typeStatuses() const;

    // Adds or replaces objects (by key), classifying each. Returns the keys added or replaced, and
    // those of objects already held whose classification the new ones changed (the first
    // HelmChart makes its release's objects K3s's).
    // compact, when given, holds each object's compact form already encoded (off the UI thread),
    // in the same order; otherwise they are encoded here.
    QList<ObjectKey> addObjects(const QList<QJsonObject> &objects,
                                const QList<CompactObject> &compact = {});
    // Removes objects (e.g. deleted while watching); unknown keys are ignored. Returns those
    // removed.
    QList<ObjectKey> removeObjects(const QList<ObjectKey> &keys);

    int size() const { return int(m_entries.size()); }
    const InventoryEntry *find(const ObjectKey &key) const;
    QList<const InventoryEntry *> entries() const;                    // sorted by key
    QList<const InventoryEntry *> entriesIn(const QString &ns) const; // "" = cluster-scoped
    QList<const InventoryEntry *> entriesOfKind(const QString &group, const QString &kind) const;
    // Whether the object is a Helm release record (a Secret or ConfigMap Helm keeps a revision in).
    bool isReleaseRecord(const ObjectKey &key) const { return m_releaseRecords.contains(key); }
    // How many entries have each ownership.
    QMap<Ownership, int> ownershipCounts() const;
    QStringList namespaces() const; // namespaces that hold objects or exist as Namespace objects
    QList<QJsonObject> objects() const; // sorted by key

    // Helm releases decoded from release records, current revision per release. Records that fail
    // to decode are reported in releaseErrors().
    QList<HelmRelease> helmReleases() const;
    QList<Error> releaseErrors() const;

    // What classification knows of the cluster around each object: the types' verbs, the charts
    // K3s installs, the CRDs charts installed, the StatefulSets' claim templates.
    const ClassificationContext &classificationContext() const { return m_context; }

private:
    static QString kindIndexKey(const QString &group, const QString &kind);
    // Whether an object changes the classification context (a HelmChart, a release record, a
    // CRD, a StatefulSet).
    static bool shapesContext(const ObjectKey &key, const QJsonObject &object);
    ClassificationContext buildContext() const;
    // Works the context out again; when it changed, classifies every entry again and returns the
    // keys whose classification changed.
    QList<ObjectKey> refreshClassification();
    QList<const InventoryEntry *> sortedEntries(const QSet<ObjectKey> &keys) const;
    void decodeReleases() const;

    // What const calls work out on first use and keep until the objects change. Plans on several
    // threads read one shared const Inventory, so filling it is guarded; a copy starts empty (its
    // pointers would lead into the other inventory's entries).
    struct LazyState
    {
        LazyState() = default;
        LazyState(const LazyState &) {}
        LazyState &operator=(const LazyState &)
        {
            QMutexLocker locker(&mutex);
            sortedValid = false;
            sorted.clear();
            return *this;
        }

        QMutex mutex;
        bool sortedValid = false;
        QList<const InventoryEntry *> sorted; // entries() while sortedValid
    };
    void invalidateSorted();

    QHash<ObjectKey, InventoryEntry> m_entries;
    // Secondary indices; an ObjectKey holds its namespace and kind, so a replace never moves it.
    QHash<QString, QSet<ObjectKey>> m_byNamespace;
    QHash<QString, QSet<ObjectKey>> m_byKind; // "group/kind"
    QSet<ObjectKey> m_releaseRecords;
    QList<TypeStatus> m_types;
    ClassificationContext m_context;

    mutable LazyState m_lazy;
    // Decoded on first use (under m_lazy.mutex) and dropped whenever objects change.
    mutable bool m_releasesValid = false;
    mutable QList<HelmRelease> m_releases;
    mutable QList<Error> m_releaseErrors;
};

} // namespace Fluxdesk
