#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace Fluxdesk {

// Writes JSON values as block-style YAML with two-space indents, the way people write manifests:
// apiVersion, kind, metadata (name, namespace, labels, annotations, rest), spec, data, stringData,
// then the remaining keys. Strings are quoted only where YAML needs it; multi-line strings become
// literal blocks.
QString toYaml(const QJsonValue &value);

// Several documents separated by "---".
QString toYamlDocuments(const QList<QJsonObject> &documents);

// True when a plain (unquoted) scalar would read back as this exact string.
bool isPlainSafe(const QString &text);

} // namespace Fluxdesk
