#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QVector>

namespace Fluxdesk {

// Writes JSON values as block-style YAML with two-space indents, the way people write manifests:
// apiVersion, kind, metadata (name, namespace, labels, annotations, rest), spec, data, stringData,
// then the remaining keys. Strings are quoted only where YAML needs it; multi-line strings become
// literal blocks.
QString toYaml(const QJsonValue &value);

// Several documents separated by "---".
QString toYamlDocuments(const QList<QJsonObject> &documents);
// Documents written one by one (toYaml), joined with "---" as toYamlDocuments does.
QString joinYamlDocuments(const QVector<QString> &parts);

// True when a plain (unquoted) scalar would read back as this exact string.
bool isPlainSafe(const QString &text);

} // namespace Fluxdesk
