#pragma once

// Internal to the YAML reader (yamljson.cpp) and its tests: a fast reader for the block-style YAML
// that `kubectl get -o yaml` and toYaml() write, and the yaml-cpp reader it falls back to.

#include "manifest/yamljson.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>
#include <string>

namespace Fluxdesk::YamlDetail {

// Reads block mappings and sequences, single-line plain and quoted scalars, literal and folded
// block scalars, comments, "---"/"..." markers and single-line flow collections, with exactly the
// values and document lines the yaml-cpp reader gives. Anything else (anchors, aliases, tags,
// complex keys, multi-line plain or quoted scalars, tabs outside scalars, duplicate keys, a
// budget or depth overrun, positions asked for) returns std::nullopt: "not handled", the caller
// then reads with yaml-cpp, which also reports every error. bytes must be valid UTF-8 without NUL.
std::optional<QList<YamlDocument>> parseYamlFast(const QByteArray &bytes,
                                                 const YamlParseOptions &options);

// The yaml-cpp reader alone (after the UTF-8 check), for differential tests.
Result<QList<YamlDocument>> parseYamlDocumentsWithYamlCpp(const QByteArray &bytes,
                                                          const QString &fileName,
                                                          const YamlParseOptions &options = {});

// A plain scalar typed as the core schema does (null, bool, int, float, else the text).
QJsonValue plainScalarValue(const QString &text);
// A scalar as yaml-cpp reports it, by its tag: "?" (plain) and the core schema's non-string tags
// are typed as above, "!" (quoted) and any other tag give the text. (yamlscalars.cpp)
QJsonValue scalarValue(const std::string &tag, const std::string &raw);

} // namespace Fluxdesk::YamlDetail
