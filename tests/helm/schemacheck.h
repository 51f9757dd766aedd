#pragma once

#include "core/error.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace Fluxdesk::Testing {

// Structural check of generated objects against the compact schemas in tests/data/flux-schema
// (extracted from Flux's CRDs by extract-schema.py): unknown fields, wrong types, missing
// required fields, enum, pattern and length violations. x-kubernetes-preserve-unknown-fields
// (e.g. HelmRelease spec.values) accepts anything below it.
class SchemaSet
{
public:
    // Every *.yaml of dir.
    static Result<SchemaSet> load(const QString &dir);

    // "path: message" per violation; empty when the object conforms. An apiVersion/kind
    // without a schema is a violation too.
    QStringList validate(const QJsonObject &object) const;
    QStringList kinds() const; // "group/version Kind"

private:
    struct Entry
    {
        QString apiVersion;
        QString kind;
        QJsonObject schema;
    };
    QList<Entry> m_entries;
};

// The recursive check of value against one openAPIV3Schema node; path names value.
QStringList validateAgainstSchema(const QJsonValue &value, const QJsonObject &schema,
                                  const QString &path);

} // namespace Fluxdesk::Testing
