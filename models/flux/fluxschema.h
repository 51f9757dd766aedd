#pragma once

#include "core/error.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

// One place where an object does not fit its schema: the field's path ("spec.interval",
// "spec.containers[0]"; as yamlPathKey() spells it for ordinary keys) and what is wrong there.
struct SchemaViolation
{
    QString path;
    QString message;
    QString toString() const; // "path: message"
};

// Structural check of objects against compact schemas extracted from Flux's CRDs (and the core
// Secret and ConfigMap) by tests/data/flux-schema/extract-schema.py: unknown fields (which the
// API server would prune), wrong types, missing required fields, enum, pattern and length
// violations. x-kubernetes-preserve-unknown-fields (e.g. HelmRelease spec.values) accepts
// anything below it.
class SchemaSet
{
public:
    // Every *.yaml of dir (a folder, or a resource folder such as ":/flux-schema").
    static Result<SchemaSet> load(const QString &dir);
    // The set compiled into Fluxdesk (resources/flux-schema): Kustomization, GitRepository,
    // HelmRepository, OCIRepository, HelmChart, HelmRelease, Secret, ConfigMap.
    static const SchemaSet &builtIn();

    // "path: message" per violation; empty when the object conforms. An apiVersion/kind
    // without a schema is a violation too.
    QStringList validate(const QJsonObject &object) const;
    QList<SchemaViolation> violations(const QJsonObject &object) const;
    // Whether the set has a schema for this apiVersion and kind.
    bool covers(const QString &apiVersion, const QString &kind) const;
    // The apiVersions the set has for kind ("" when none), e.g. for a removed Flux API.
    QStringList apiVersionsOf(const QString &kind) const;
    QStringList kinds() const; // "group/version Kind"

private:
    struct Entry
    {
        QString apiVersion;
        QString kind;
        QJsonObject schema;
    };
    const Entry *find(const QString &apiVersion, const QString &kind) const;
    QList<Entry> m_entries;
};

// The recursive check of value against one openAPIV3Schema node; path names value.
QList<SchemaViolation> schemaViolations(const QJsonValue &value, const QJsonObject &schema,
                                        const QString &path);
// The same as "path: message" strings.
QStringList validateAgainstSchema(const QJsonValue &value, const QJsonObject &schema,
                                  const QString &path);

} // namespace Fluxdesk
