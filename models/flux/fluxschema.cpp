// The structural schema check of Flux objects, promoted from the tests' helper so that
// Validate checks a repository with the same rules the tests check generated objects with.
#include "flux/fluxschema.h"

#include "core/resources.h"
#include "manifest/yamljson.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

namespace Fluxdesk {

namespace {

QString typeOf(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("undefined");
}

bool isInteger(const QJsonValue &value)
{
    return value.isDouble() && std::floor(value.toDouble()) == value.toDouble();
}

bool typeMatches(const QJsonValue &value, const QString &type, bool intOrString)
{
    if (intOrString)
        return value.isString() || isInteger(value);
    if (type == QLatin1String("integer"))
        return isInteger(value);
    if (type == QLatin1String("number"))
        return value.isDouble();
    return typeOf(value) == type;
}

QString child(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

} // namespace

QList<SchemaViolation> schemaViolations(const QJsonValue &value, const QJsonObject &schema,
                                        const QString &path)
{
    QList<SchemaViolation> errors;
    const bool preserveUnknown =
        schema.value(QLatin1String("x-kubernetes-preserve-unknown-fields")).toBool();
    const bool intOrString = schema.value(QLatin1String("x-kubernetes-int-or-string")).toBool();
    const QString type = schema.value(QLatin1String("type")).toString();
    if (!type.isEmpty() || intOrString) {
        if (!typeMatches(value, type, intOrString)) {
            errors.append({path, QStringLiteral("expected %1, got %2")
                                     .arg(intOrString ? QStringLiteral("int-or-string") : type,
                                          typeOf(value))});
            return errors;
        }
    } else if (preserveUnknown) {
        return errors; // anything goes below, e.g. HelmRelease spec.values
    }

    const QJsonArray enumValues = schema.value(QLatin1String("enum")).toArray();
    if (!enumValues.isEmpty() && !enumValues.contains(value))
        errors.append({path, QStringLiteral("%1 is not one of the allowed values")
                                 .arg(value.toVariant().toString())});

    if (value.isString()) {
        const QString text = value.toString();
        const QJsonValue minLength = schema.value(QLatin1String("minLength"));
        const QJsonValue maxLength = schema.value(QLatin1String("maxLength"));
        if (minLength.isDouble() && text.size() < minLength.toInt())
            errors.append({path, QStringLiteral("shorter than %1").arg(minLength.toInt())});
        if (maxLength.isDouble() && text.size() > maxLength.toInt())
            errors.append({path, QStringLiteral("longer than %1").arg(maxLength.toInt())});
        const QString pattern = schema.value(QLatin1String("pattern")).toString();
        if (!pattern.isEmpty() && !QRegularExpression(pattern).match(text).hasMatch())
            errors.append({path, QStringLiteral("\"%1\" does not match %2").arg(text, pattern)});
    }
    if (value.isDouble()) {
        const QJsonValue minimum = schema.value(QLatin1String("minimum"));
        const QJsonValue maximum = schema.value(QLatin1String("maximum"));
        if (minimum.isDouble() && value.toDouble() < minimum.toDouble())
            errors.append({path, QStringLiteral("below the minimum")});
        if (maximum.isDouble() && value.toDouble() > maximum.toDouble())
            errors.append({path, QStringLiteral("above the maximum")});
    }

    if (value.isArray()) {
        const QJsonObject items = schema.value(QLatin1String("items")).toObject();
        const QJsonArray array = value.toArray();
        for (int i = 0; i < array.size(); ++i)
            errors += schemaViolations(array.at(i), items, path + QStringLiteral("[%1]").arg(i));
    }

    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        const QJsonValue additional = schema.value(QLatin1String("additionalProperties"));
        const QJsonArray required = schema.value(QLatin1String("required")).toArray();
        for (const QJsonValue &name : required) {
            if (!object.contains(name.toString()))
                errors.append(
                    {child(path, name.toString()), QStringLiteral("missing required field")});
        }
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString at = child(path, it.key());
            if (properties.contains(it.key()))
                errors += schemaViolations(it.value(), properties.value(it.key()).toObject(), at);
            else if (additional.isObject())
                errors += schemaViolations(it.value(), additional.toObject(), at);
            else if (!preserveUnknown && !(additional.isBool() && additional.toBool()))
                // The API server would prune it: the field is silently lost.
                errors.append({at, QStringLiteral("unknown field")});
        }
    }
    return errors;
}

QStringList validateAgainstSchema(const QJsonValue &value, const QJsonObject &schema,
                                  const QString &path)
{
    QStringList out;
    for (const SchemaViolation &violation : schemaViolations(value, schema, path))
        out.append(violation.toString());
    return out;
}

QString SchemaViolation::toString() const
{
    return path.isEmpty() ? message : path + QStringLiteral(": ") + message;
}

Result<SchemaSet> SchemaSet::load(const QString &dir)
{
    SchemaSet set;
    const QStringList files =
        QDir(dir).entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        const QString path = QDir(dir).filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error(file.errorString(), path);
        const Result<QJsonValue> parsed = parseYamlValue(file.readAll(), path);
        if (!parsed)
            return parsed.error();
        const QJsonObject doc = parsed->toObject();
        Entry entry;
        const QString group = doc.value(QLatin1String("group")).toString();
        const QString version = doc.value(QLatin1String("version")).toString();
        entry.apiVersion = group.isEmpty() ? version : group + QLatin1Char('/') + version;
        entry.kind = doc.value(QLatin1String("kind")).toString();
        entry.schema = doc.value(QLatin1String("schema")).toObject();
        if (entry.kind.isEmpty() || entry.schema.isEmpty())
            return Error(QStringLiteral("no kind or schema"), path);
        set.m_entries.append(entry);
    }
    if (set.m_entries.isEmpty())
        return Error(QStringLiteral("no schemas"), dir);
    return set;
}

const SchemaSet::Entry *SchemaSet::find(const QString &apiVersion, const QString &kind) const
{
    for (const Entry &entry : m_entries) {
        if (entry.apiVersion == apiVersion && entry.kind == kind)
            return &entry;
    }
    return nullptr;
}

bool SchemaSet::covers(const QString &apiVersion, const QString &kind) const
{
    return find(apiVersion, kind) != nullptr;
}

QStringList SchemaSet::apiVersionsOf(const QString &kind) const
{
    QStringList out;
    for (const Entry &entry : m_entries) {
        if (entry.kind == kind)
            out.append(entry.apiVersion);
    }
    return out;
}

QList<SchemaViolation> SchemaSet::violations(const QJsonObject &object) const
{
    const QString apiVersion = object.value(QLatin1String("apiVersion")).toString();
    const QString kind = object.value(QLatin1String("kind")).toString();
    if (const Entry *entry = find(apiVersion, kind))
        return schemaViolations(object, entry->schema, QString());
    return {{QString(), QStringLiteral("no schema for %1 %2").arg(apiVersion, kind)}};
}

QStringList SchemaSet::validate(const QJsonObject &object) const
{
    QStringList out;
    for (const SchemaViolation &violation : violations(object))
        out.append(violation.toString());
    return out;
}

const SchemaSet &SchemaSet::builtIn()
{
    // Compiled in and checked by tst_fluxschema: loading cannot fail short of a broken build.
    static const SchemaSet set = [] {
        initResources();
        Result<SchemaSet> loaded = load(QStringLiteral(":/flux-schema"));
        return loaded ? std::move(loaded).value() : SchemaSet();
    }();
    return set;
}

QStringList SchemaSet::kinds() const
{
    QStringList out;
    for (const Entry &entry : m_entries)
        out.append(entry.apiVersion + QLatin1Char(' ') + entry.kind);
    return out;
}

} // namespace Fluxdesk
