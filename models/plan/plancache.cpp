#include "plancache.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QStringList>

#include <algorithm>

namespace Fluxdesk {

namespace {

void addString(QCryptographicHash &hash, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    // Length first, so ("ab", "c") and ("a", "bc") differ.
    hash.addData(QByteArray(QByteArray::number(bytes.size()) + ':'));
    hash.addData(bytes);
}

void addJson(QCryptographicHash &hash, const QJsonValue &value)
{
    QJsonArray wrapper{value}; // a document needs an array or object; undefined reads as null
    addString(hash, QString::fromUtf8(QJsonDocument(wrapper).toJson(QJsonDocument::Compact)) +
                        (value.isUndefined() ? QLatin1String("u") : QLatin1String("d")));
}

} // namespace

QByteArray PlanCache::cleanFingerprint(const CleanRules &rules, const CleanContext &context)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    const QList<CleanRules::Rule> list = rules.rules();
    for (const CleanRules::Rule &r : list) {
        addString(hash, r.name);
        addString(hash, r.description);
        addString(hash, r.kinds.join(QLatin1Char('\n')));
        addString(hash, r.paths.join(QLatin1Char('\n')));
        addJson(hash, r.onlyIfEquals);
        addJson(hash, r.oneOf);
        addJson(hash, r.keepValues);
        addString(hash, r.equalsSibling);
        addString(hash, r.when);
        addString(hash, r.problemIfKept);
        addString(hash, QString::number(int(r.keepUserSet)) + QString::number(int(r.enabled)));
    }
    addString(hash, rules.personManagers().join(QLatin1Char('\n')));
    addString(hash, rules.editingManagers().join(QLatin1Char('\n')));
    QStringList volumes = context.dynamicVolumes.values();
    std::sort(volumes.begin(), volumes.end());
    addString(hash, volumes.join(QLatin1Char('\n')));
    addString(hash, QString::number(int(context.objectLeavesHelm)));
    return hash.result();
}

namespace {

QByteArray fingerprintOf(const QJsonObject &object, const QJsonObject &metadata,
                         const QString &apiVersion, const QString &kind, const QString &ns,
                         const QString &name)
{
    const QString uid = metadata.value(QLatin1String("uid")).toString();
    const QString resourceVersion = metadata.value(QLatin1String("resourceVersion")).toString();
    if (!uid.isEmpty() && !resourceVersion.isEmpty()) {
        // The identity is spelled out as well: a uid is unique only within one cluster.
        return QByteArrayLiteral("v\n") +
               (apiVersion + QLatin1Char('\n') + kind + QLatin1Char('\n') + ns + QLatin1Char('\n') +
                name + QLatin1Char('\n') + uid + QLatin1Char('\n') + resourceVersion)
                   .toUtf8();
    }
    return QByteArrayLiteral("h\n") +
           QCryptographicHash::hash(QJsonDocument(object).toJson(QJsonDocument::Compact),
                                    QCryptographicHash::Sha1);
}

} // namespace

QByteArray PlanCache::objectFingerprint(const QJsonObject &object)
{
    const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    return fingerprintOf(object, metadata, object.value(QLatin1String("apiVersion")).toString(),
                         object.value(QLatin1String("kind")).toString(),
                         metadata.value(QLatin1String("namespace")).toString(),
                         metadata.value(QLatin1String("name")).toString());
}

QByteArray PlanCache::objectFingerprint(const QJsonObject &object, const QString &apiVersion,
                                        const ObjectKey &key)
{
    // key is ObjectKey::of(object): its kind, namespace and name are the object's.
    return fingerprintOf(object, object.value(QLatin1String("metadata")).toObject(), apiVersion,
                         key.kind, key.ns, key.name);
}

bool PlanCache::find(const QByteArray &cleanFingerprint, const QByteArray &objectFingerprint,
                     Rendered *out)
{
    const QByteArray key = cleanFingerprint + objectFingerprint;
    QMutexLocker locker(&m_mutex);
    const auto it = m_entries.find(key);
    if (it == m_entries.end()) {
        ++m_misses;
        return false;
    }
    it->generation = std::max(it->generation, m_generation);
    *out = it->rendered;
    ++m_hits;
    return true;
}

void PlanCache::insert(const QByteArray &cleanFingerprint, const QByteArray &objectFingerprint,
                       const Rendered &rendered)
{
    const QByteArray key = cleanFingerprint + objectFingerprint;
    QMutexLocker locker(&m_mutex);
    m_entries.insert(key, Entry{rendered, m_generation});
}

bool PlanCache::findExisting(const QString &path, const QByteArray &content, ExistingFile *out)
{
    QMutexLocker locker(&m_mutex);
    const auto it = m_existing.find(path);
    if (it == m_existing.end() || it->content != content)
        return false;
    it->generation = std::max(it->generation, m_generation);
    // Keep the caller's copy: it shares the bytes the caller holds anyway, and the old copy is
    // freed.
    it->content = content;
    *out = it->file;
    return true;
}

void PlanCache::insertExisting(const QString &path, const QByteArray &content,
                               const ExistingFile &file)
{
    QMutexLocker locker(&m_mutex);
    m_existing.insert(path, ExistingEntry{content, file, m_generation});
}

bool PlanCache::findText(const QString &source, QString *out)
{
    QMutexLocker locker(&m_mutex);
    const auto it = m_texts.find(source);
    if (it == m_texts.end())
        return false;
    it->generation = std::max(it->generation, m_generation);
    *out = it->text;
    return true;
}

void PlanCache::insertText(const QString &source, const QString &text)
{
    QMutexLocker locker(&m_mutex);
    m_texts.insert(source, TextEntry{text, m_generation});
}

quint64 PlanCache::beginGeneration()
{
    QMutexLocker locker(&m_mutex);
    return ++m_generation;
}

void PlanCache::endGeneration(quint64 generation)
{
    QMutexLocker locker(&m_mutex);
    if (generation < 2)
        return;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (it->generation + 1 < generation)
            it = m_entries.erase(it);
        else
            ++it;
    }
    for (auto it = m_existing.begin(); it != m_existing.end();) {
        if (it->generation + 1 < generation)
            it = m_existing.erase(it);
        else
            ++it;
    }
    for (auto it = m_texts.begin(); it != m_texts.end();) {
        if (it->generation + 1 < generation)
            it = m_texts.erase(it);
        else
            ++it;
    }
}

int PlanCache::size() const
{
    QMutexLocker locker(&m_mutex);
    return int(m_entries.size());
}

int PlanCache::existingSize() const
{
    QMutexLocker locker(&m_mutex);
    return int(m_existing.size());
}

void PlanCache::clear()
{
    QMutexLocker locker(&m_mutex);
    m_entries.clear();
    m_existing.clear();
    m_texts.clear();
}

qint64 PlanCache::hits() const
{
    QMutexLocker locker(&m_mutex);
    return m_hits;
}

qint64 PlanCache::misses() const
{
    QMutexLocker locker(&m_mutex);
    return m_misses;
}

} // namespace Fluxdesk
