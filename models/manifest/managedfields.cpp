#include "managedfields.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Fluxdesk {

namespace {

const QString annotationLastApplied =
    QStringLiteral("kubectl.kubernetes.io/last-applied-configuration");

// Whether an entry's fields show what someone asked for (the class comment says why).
bool isEvidence(const QJsonObject &entry, const QStringList &editingManagers,
                const QStringList &personManagers)
{
    // Status writes are a controller reporting, whoever the manager is.
    const QString subresource = entry.value(QLatin1String("subresource")).toString();
    if (subresource == QLatin1String("status"))
        return false;
    if (entry.value(QLatin1String("operation")).toString() == QLatin1String("Apply"))
        return true;
    const QString manager = entry.value(QLatin1String("manager")).toString();
    if (editingManagers.contains(manager))
        return true;
    // A subresource write (kubectl scale's spec.replicas) changes an existing object: no
    // creation's defaults in it.
    return !subresource.isEmpty() && personManagers.contains(manager);
}

// Item keys that identify a list item in last-applied-configuration, as strategic merge does.
const char *const mergeKeys[] = {"name", "containerPort", "port", "mountPath", "devicePath", "ip"};

} // namespace

QJsonObject mergeFieldsV1(const QJsonObject &a, const QJsonObject &b)
{
    if (a.isEmpty())
        return b;
    QJsonObject out = a;
    for (auto it = b.constBegin(); it != b.constEnd(); ++it) {
        const auto mine = out.constFind(it.key());
        if (mine == out.constEnd())
            out.insert(it.key(), it.value());
        else if (it.value().isObject() && !it.value().toObject().isEmpty())
            out.insert(it.key(), mergeFieldsV1(mine.value().toObject(), it.value().toObject()));
    }
    return out;
}

FieldEvidence FieldEvidence::of(const QJsonObject &object, const QStringList &editingManagers,
                                const QStringList &personManagers)
{
    FieldEvidence evidence;
    const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    const QJsonArray entries = metadata.value(QLatin1String("managedFields")).toArray();
    for (const QJsonValue &e : entries) {
        const QJsonObject entry = e.toObject();
        evidence.m_hasManaged = true;
        if (!isEvidence(entry, editingManagers, personManagers))
            continue;
        const QJsonValue fields = entry.value(QLatin1String("fieldsV1"));
        if (fields.isObject())
            evidence.m_managed = mergeFieldsV1(evidence.m_managed, fields.toObject());
    }
    const QJsonValue applied =
        metadata.value(QLatin1String("annotations")).toObject().value(annotationLastApplied);
    if (applied.isString()) {
        const QJsonDocument doc = QJsonDocument::fromJson(applied.toString().toUtf8());
        if (doc.isObject()) {
            evidence.m_applied = doc.object();
            evidence.m_hasApplied = true;
        }
    }
    return evidence;
}

FieldEvidence::Cursor FieldEvidence::root() const
{
    return Cursor(m_hasManaged ? QJsonValue(m_managed) : QJsonValue(QJsonValue::Undefined),
                  m_hasApplied ? QJsonValue(m_applied) : QJsonValue(QJsonValue::Undefined));
}

FieldEvidence::Cursor FieldEvidence::Cursor::key(const QString &name) const
{
    Cursor next;
    if (m_managed.isObject())
        next.m_managed = m_managed.toObject().value(QLatin1String("f:") + name);
    if (m_applied.isObject())
        next.m_applied = m_applied.toObject().value(name);
    return next;
}

FieldEvidence::Cursor FieldEvidence::Cursor::item(qsizetype index, const QJsonValue &value) const
{
    Cursor next;
    if (m_managed.isObject()) {
        const QJsonObject set = m_managed.toObject();
        const QJsonObject fields = value.toObject();
        QJsonValue partial(QJsonValue::Undefined);
        for (auto it = set.constBegin(); it != set.constEnd(); ++it) {
            const QString &k = it.key();
            if (k.startsWith(QLatin1String("k:")) && value.isObject()) {
                const QJsonObject key = QJsonDocument::fromJson(k.mid(2).toUtf8()).object();
                // A key field the clean already removed as a default (a port's protocol: TCP)
                // still identifies the item: a match on the fields left counts, after exact ones.
                bool match = !key.isEmpty();
                bool exact = true;
                int matched = 0;
                for (auto f = key.constBegin(); match && f != key.constEnd(); ++f) {
                    const auto field = fields.constFind(f.key());
                    if (field == fields.constEnd())
                        exact = false;
                    else if (field.value() != f.value())
                        match = false;
                    else
                        ++matched;
                }
                if (match && exact) {
                    next.m_managed = it.value();
                    break;
                }
                if (match && matched > 0 && partial.isUndefined())
                    partial = it.value();
            } else if (k.startsWith(QLatin1String("v:"))) {
                // "v:" holds a JSON value; wrap it so scalars parse too.
                const QJsonDocument doc =
                    QJsonDocument::fromJson(QByteArray("[") + k.mid(2).toUtf8() + QByteArray("]"));
                if (doc.isArray() && doc.array().size() == 1 && doc.array().at(0) == value) {
                    next.m_managed = it.value();
                    break;
                }
            } else if (k == QLatin1String("i:") + QString::number(index)) {
                next.m_managed = it.value();
                break;
            }
        }
        if (next.m_managed.isUndefined())
            next.m_managed = partial;
    }
    if (m_applied.isArray()) {
        const QJsonArray items = m_applied.toArray();
        const QJsonObject fields = value.toObject();
        const char *keyName = nullptr;
        if (value.isObject()) {
            for (const char *candidate : mergeKeys) {
                if (fields.contains(QLatin1String(candidate))) {
                    keyName = candidate;
                    break;
                }
            }
        }
        if (keyName) {
            const QLatin1String keyField(keyName);
            for (const QJsonValue &candidate : items) {
                if (candidate.toObject().value(keyField) == fields.value(keyField)) {
                    next.m_applied = candidate;
                    break;
                }
            }
        } else if (!value.isObject() && !value.isArray()) {
            if (items.contains(value))
                next.m_applied = value;
        } else if (index < items.size()) {
            next.m_applied = items.at(index);
        }
    }
    return next;
}

} // namespace Fluxdesk
