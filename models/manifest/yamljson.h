#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace Fluxdesk {

// One YAML document converted to JSON, with the 1-based line where it starts.
struct YamlDocument
{
    QJsonValue value;
    int line = 1;
};

struct YamlParseOptions
{
    // Upper bound on converted nodes, so alias bombs ("billion laughs") fail instead of growing.
    qsizetype maxNodes = 5'000'000;
};

// Parses every document of a YAML stream (JSON is YAML too). Plain scalars are typed as YAML 1.2's
// core schema does (null, bool, int, float); quoted ones stay strings. Errors carry fileName, line
// and column. Empty documents are skipped.
Result<QList<YamlDocument>> parseYamlDocuments(const QByteArray &bytes, const QString &fileName,
                                               const YamlParseOptions &options = {});

// Convenience for a single-document file such as a kubeconfig: an empty stream gives an empty map.
Result<QJsonValue> parseYamlValue(const QByteArray &bytes, const QString &fileName);

} // namespace Fluxdesk
