#include "inventory.h"

#include "kube/snapshot.h"
#include "manifest/parallel.h"

#include <QJsonArray>
#include <QMutexLocker>

#include <algorithm>

namespace Fluxdesk {

void Inventory::clear()
{
    invalidateSorted();
    m_entries.clear();
    m_byNamespace.clear();
    m_byKind.clear();
    m_releaseRecords.clear();
    m_types.clear();
    m_releasesValid = false;
    m_releases.clear();
    m_releaseErrors.clear();
    m_context = {};
}

void Inventory::setTypes(const QList<ResourceType> &types)
{
    m_types.clear();
    for (const ResourceType &type : types) {
        TypeStatus status;
        status.type = type;
        m_types.append(status);
    }
    refreshClassification();
}

void Inventory::setTypeState(const ResourceType &type, TypeState state, const QString &message)
{
    for (TypeStatus &status : m_types) {
        if (status.type == type) {
            status.state = state;
            status.message = message;
            return;
        }
    }
    TypeStatus status;
    status.type = type;
    status.state = state;
    status.message = message;
    m_types.append(status);
}

QList<TypeStatus> Inventory::typeStatuses() const
{
    QList<TypeStatus> out = m_types;
    for (TypeStatus &status : out)
        status.objectCount =
            int(m_byKind.value(kindIndexKey(status.type.group, status.type.kind)).size());
    return out;
}

QString Inventory::kindIndexKey(const QString &group, const QString &kind)
{
    return group + QLatin1Char('/') + kind;
}

QList<ObjectKey> Inventory::addObjects(const QList<QJsonObject> &objects,
                                       const QList<CompactObject> &compact)
{
    QList<ObjectKey> keys;
    keys.reserve(objects.size());
    bool context = false;
    const bool encoded = compact.size() == objects.size();
    for (qsizetype i = 0; i < objects.size(); ++i) {
        const QJsonObject &object = objects.at(i);
        InventoryEntry entry;
        entry.key = ObjectKey::of(object);
        if (entry.key.kind.isEmpty() || entry.key.name.isEmpty())
            continue; // not an object a cluster could hold
        entry.apiVersion = object.value(QLatin1String("apiVersion")).toString();
        entry.object = encoded ? compact.at(i) : CompactObject(object);
        entry.labels = object.value(QLatin1String("metadata"))
                           .toObject()
                           .value(QLatin1String("labels"))
                           .toObject();
        entry.classification = classify(object, m_context);
        context = context || shapesContext(entry.key, object);
        // By the object, not its ownership: the records of K3s's releases are System yet still
        // decode (the release view shows them as K3s's).
        if (isHelmReleaseRecord(object))
            m_releaseRecords.insert(entry.key);
        else
            m_releaseRecords.remove(entry.key);
        m_byNamespace[entry.key.ns].insert(entry.key);
        m_byKind[kindIndexKey(entry.key.group, entry.key.kind)].insert(entry.key);
        keys.append(entry.key);
        m_entries.insert(entry.key, std::move(entry));
    }
    if (!keys.isEmpty()) {
        m_releasesValid = false;
        invalidateSorted();
    }
    if (context) {
        const QSet<ObjectKey> added(keys.cbegin(), keys.cend());
        for (const ObjectKey &key : refreshClassification()) {
            if (!added.contains(key))
                keys.append(key);
        }
    }
    return keys;
}

bool Inventory::shapesContext(const ObjectKey &key, const QJsonObject &object)
{
    return (key.group == QLatin1String("helm.cattle.io") &&
            key.kind == QLatin1String("HelmChart")) ||
           (key.group == QLatin1String("apiextensions.k8s.io") &&
            key.kind == QLatin1String("CustomResourceDefinition")) ||
           (key.group == QLatin1String("apps") && key.kind == QLatin1String("StatefulSet")) ||
           isHelmReleaseRecord(object);
}

ClassificationContext Inventory::buildContext() const
{
    ClassificationContext c;
    for (const TypeStatus &status : m_types) {
        // No verbs at all is no news: a type put together by hand.
        if (!status.type.verbs.isEmpty() && !status.type.creatable())
            c.readOnlyTypes.insert(kindIndexKey(status.type.group, status.type.kind));
    }

    // K3s's Helm controller installs a HelmChart as the release of the same name in
    // spec.targetNamespace (default: the HelmChart's own namespace).
    for (const InventoryEntry *e :
         entriesOfKind(QStringLiteral("helm.cattle.io"), QStringLiteral("HelmChart"))) {
        QString target = e->object.toObject()
                             .value(QLatin1String("spec"))
                             .toObject()
                             .value(QLatin1String("targetNamespace"))
                             .toString();
        if (target.isEmpty())
            target = e->key.ns;
        c.k3sReleases.insert(target + QLatin1Char('/') + e->key.name,
                             e->key.ns + QLatin1Char('/') + e->key.name);
    }

    const QList<HelmRelease> releases =
        m_releaseRecords.isEmpty() ? QList<HelmRelease>() : helmReleases();
    for (const HelmRelease &r : releases) {
        const QString id = r.ns + QLatin1Char('/') + r.name;
        // K3s's packaged charts, when its HelmChart objects are not readable (a snapshot of
        // user namespaces and kube-system's Secrets).
        if (r.ns == QLatin1String("kube-system") && r.name == r.chartName &&
            (r.name == QLatin1String("traefik") || r.name == QLatin1String("traefik-crd")) &&
            !c.k3sReleases.contains(id))
            c.k3sReleases.insert(id, id);
        for (const QByteArray &file : r.crdFiles) {
            const Result<QList<QJsonObject>> crds = parseManifestStream(file, id);
            if (!crds)
                continue;
            for (const QJsonObject &crd : *crds) {
                const ObjectKey key = ObjectKey::of(crd);
                if (key.kind == QLatin1String("CustomResourceDefinition") &&
                    !c.chartCrds.contains(key.name))
                    c.chartCrds.insert(key.name, id);
            }
        }
    }
    // A chart's CRD whose file Helm did not keep: Helm wrote it and labelled nothing, and the
    // release whose templates use the CRD's group (its RBAC, its objects) is the one that
    // brought it.
    for (const InventoryEntry *e : entriesOfKind(QStringLiteral("apiextensions.k8s.io"),
                                                 QStringLiteral("CustomResourceDefinition"))) {
        if (c.chartCrds.contains(e->key.name))
            continue;
        const QJsonObject crd = e->object.toObject();
        if (!installedByHelmAlone(crd))
            continue;
        const QString group =
            crd.value(QLatin1String("spec")).toObject().value(QLatin1String("group")).toString();
        for (const HelmRelease &r : releases) {
            if (!group.isEmpty() && r.manifest.contains(group)) {
                c.chartCrds.insert(e->key.name, r.ns + QLatin1Char('/') + r.name);
                break;
            }
        }
    }

    for (const InventoryEntry *e :
         entriesOfKind(QStringLiteral("apps"), QStringLiteral("StatefulSet"))) {
        const QJsonArray templates = e->object.toObject()
                                         .value(QLatin1String("spec"))
                                         .toObject()
                                         .value(QLatin1String("volumeClaimTemplates"))
                                         .toArray();
        for (const QJsonValue &t : templates) {
            const QString name = t.toObject()
                                     .value(QLatin1String("metadata"))
                                     .toObject()
                                     .value(QLatin1String("name"))
                                     .toString();
            if (!name.isEmpty())
                c.statefulSetClaims.insert(e->key.ns + QLatin1Char('\n') + name + QLatin1Char('-') +
                                               e->key.name + QLatin1Char('-'),
                                           e->key.ns + QLatin1Char('/') + e->key.name);
        }
    }
    return c;
}

QList<ObjectKey> Inventory::refreshClassification()
{
    QList<ObjectKey> changed;
    ClassificationContext context = buildContext();
    if (context == m_context)
        return changed;
    m_context = std::move(context);
    // Every object is decoded to be classified again: on all cores, each writing its own slot.
    std::vector<InventoryEntry *> entries;
    entries.reserve(size_t(m_entries.size()));
    for (InventoryEntry &entry : m_entries)
        entries.push_back(&entry);
    std::vector<Classification> classifications(entries.size());
    Detail::parallelFor(qsizetype(entries.size()), 256, [&](qsizetype i) {
        classifications[size_t(i)] = classify(entries[size_t(i)]->object.toObject(), m_context);
    });
    for (size_t i = 0; i < entries.size(); ++i) {
        InventoryEntry &entry = *entries[i];
        Classification &c = classifications[i];
        if (c.ownership != entry.classification.ownership ||
            c.helmRelease != entry.classification.helmRelease ||
            c.reason != entry.classification.reason) {
            entry.classification = std::move(c);
            changed.append(entry.key);
        }
    }
    // Releases K3s installs are marked as such wherever they are listed.
    QMutexLocker locker(&m_lazy.mutex);
    if (m_releasesValid) {
        for (HelmRelease &r : m_releases)
            r.installedByK3s = m_context.k3sReleases.value(r.ns + QLatin1Char('/') + r.name);
    }
    return changed;
}

QList<ObjectKey> Inventory::removeObjects(const QList<ObjectKey> &keys)
{
    // QHash::remove() detaches (moving every entry of a shared hash) even for a key it does not
    // hold, so the kept order goes with any call.
    if (!keys.isEmpty())
        invalidateSorted();
    QList<ObjectKey> removed;
    for (const ObjectKey &key : keys) {
        if (!m_entries.remove(key))
            continue;
        const auto drop = [&key](QHash<QString, QSet<ObjectKey>> &index, const QString &at) {
            auto it = index.find(at);
            if (it == index.end())
                return;
            it->remove(key);
            if (it->isEmpty())
                index.erase(it);
        };
        drop(m_byNamespace, key.ns);
        drop(m_byKind, kindIndexKey(key.group, key.kind));
        m_releaseRecords.remove(key);
        removed.append(key);
    }
    if (!removed.isEmpty()) {
        m_releasesValid = false;
        refreshClassification();
    }
    return removed;
}

const InventoryEntry *Inventory::find(const ObjectKey &key) const
{
    const auto it = m_entries.constFind(key);
    return it == m_entries.constEnd() ? nullptr : &it.value();
}

QList<const InventoryEntry *> Inventory::sortedEntries(const QSet<ObjectKey> &keys) const
{
    QList<ObjectKey> sorted(keys.cbegin(), keys.cend());
    std::sort(sorted.begin(), sorted.end());
    QList<const InventoryEntry *> out;
    out.reserve(sorted.size());
    for (const ObjectKey &key : sorted)
        out.append(find(key));
    return out;
}

void Inventory::invalidateSorted()
{
    // Mutations are single-threaded (see the class comment); the lock orders this against a
    // reader that filled the cache earlier on another thread.
    QMutexLocker locker(&m_lazy.mutex);
    m_lazy.sortedValid = false;
    m_lazy.sorted.clear();
}

QList<const InventoryEntry *> Inventory::entries() const
{
    // Sorting 10,000 keys is a large part of planning an unchanged inventory again, so the order
    // is kept until the objects change. Entry pointers stay valid while m_entries is unchanged.
    QMutexLocker locker(&m_lazy.mutex);
    if (!m_lazy.sortedValid) {
        QList<const InventoryEntry *> out;
        out.reserve(m_entries.size());
        for (const InventoryEntry &entry : m_entries)
            out.append(&entry);
        // ObjectKey's order (namespace, group, kind, name), one comparison per field.
        std::sort(out.begin(), out.end(), [](const InventoryEntry *a, const InventoryEntry *b) {
            for (const auto field :
                 {&ObjectKey::ns, &ObjectKey::group, &ObjectKey::kind, &ObjectKey::name}) {
                const int c = (a->key.*field).compare(b->key.*field);
                if (c != 0)
                    return c < 0;
            }
            return false;
        });
        m_lazy.sorted = out;
        m_lazy.sortedValid = true;
    }
    return m_lazy.sorted;
}

QList<const InventoryEntry *> Inventory::entriesIn(const QString &ns) const
{
    return sortedEntries(m_byNamespace.value(ns));
}

QList<const InventoryEntry *> Inventory::entriesOfKind(const QString &group,
                                                       const QString &kind) const
{
    return sortedEntries(m_byKind.value(kindIndexKey(group, kind)));
}

QMap<Ownership, int> Inventory::ownershipCounts() const
{
    QMap<Ownership, int> counts;
    for (const InventoryEntry &entry : m_entries)
        ++counts[entry.classification.ownership];
    return counts;
}

QStringList Inventory::namespaces() const
{
    QSet<QString> names;
    for (auto it = m_byNamespace.constBegin(); it != m_byNamespace.constEnd(); ++it) {
        if (!it.key().isEmpty())
            names.insert(it.key());
    }
    for (const ObjectKey &key :
         m_byKind.value(kindIndexKey(QString(), QStringLiteral("Namespace"))))
        names.insert(key.name);
    QStringList out(names.cbegin(), names.cend());
    out.sort();
    return out;
}

QList<QJsonObject> Inventory::objects() const
{
    QList<QJsonObject> out;
    const QList<const InventoryEntry *> sorted = entries();
    out.reserve(sorted.size());
    for (const InventoryEntry *entry : sorted)
        out.append(entry->object.toObject());
    return out;
}

void Inventory::decodeReleases() const
{
    if (m_releasesValid)
        return;
    m_releases.clear();
    m_releaseErrors.clear();
    QList<ObjectKey> keys(m_releaseRecords.cbegin(), m_releaseRecords.cend());
    std::sort(keys.begin(), keys.end());
    QList<HelmRelease> revisions;
    // One budget of decompressed bytes for all the records: past it, one problem names the first
    // record not decoded.
    HelmRecordDecoder decoder;
    for (const ObjectKey &key : keys) {
        // One bad record fails alone: it is reported and the others still decode.
        std::optional<Result<HelmRelease>> release =
            decoder.decode(m_entries.value(key).object.toObject());
        if (!release)
            continue;
        if (*release)
            revisions.append(std::move(*release).value());
        else
            m_releaseErrors.append(release->error());
    }
    if (decoder.skipped() > 0)
        m_releaseErrors.append(decoder.skippedError());
    m_releases = currentReleases(revisions);
    for (HelmRelease &r : m_releases)
        r.installedByK3s = m_context.k3sReleases.value(r.ns + QLatin1Char('/') + r.name);
    m_releasesValid = true;
}

QList<HelmRelease> Inventory::helmReleases() const
{
    QMutexLocker locker(&m_lazy.mutex);
    decodeReleases();
    return m_releases;
}

QList<Error> Inventory::releaseErrors() const
{
    QMutexLocker locker(&m_lazy.mutex);
    decodeReleases();
    return m_releaseErrors;
}

} // namespace Fluxdesk
