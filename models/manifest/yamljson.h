#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

#include <atomic>

namespace Fluxdesk {

// One YAML document converted to JSON, with the 1-based line where it starts.
struct YamlDocument
{
    QJsonValue value;
    int line = 1;
    // Only with YamlParseOptions::recordPositions: the 1-based (line, column) of every node by its
    // path (yamlPath()), "" being the document's root. keyPositions holds where a map member's key
    // is written, so "metadata" points at "metadata:" while positions["metadata"] is where its
    // value starts. Nodes reached through an alias are not recorded again.
    QHash<QString, QPair<int, int>> positions;
    QHash<QString, QPair<int, int>> keyPositions;

    // The position of path's node, else of its key, else of the nearest recorded ancestor; (0, 0)
    // when nothing is known.
    QPair<int, int> positionOf(const QString &path) const;
};

// The limits on what a YAML stream may cost, in one place. Every reader refuses past them with
// the file, line and column where the limit was crossed.
namespace YamlLimits {
// Collections nested deeper than this (the root being level 0) are refused; yaml-cpp itself
// gives up at 500 with only "bad file".
constexpr int maxNesting = 256;
// Aliases may expand to this many bytes (scalars' text plus a byte per node), or to
// aliasBytesPerInputByte times the input's size where that is more: a "billion laughs" document
// expands a few kilobytes to gigabytes.
constexpr qsizetype minAliasBytes = qsizetype(64) * 1024 * 1024;
constexpr qsizetype aliasBytesPerInputByte = 10;
// Larger streams are refused before any offset or line number can overflow an int.
constexpr qsizetype maxInputBytes = qsizetype(1024) * 1024 * 1024;

constexpr qsizetype aliasBudget(qsizetype inputBytes)
{
    return inputBytes > minAliasBytes / aliasBytesPerInputByte ? inputBytes * aliasBytesPerInputByte
                                                               : minAliasBytes;
}
} // namespace YamlLimits

struct YamlParseOptions
{
    // Upper bound on converted nodes, so alias bombs ("billion laughs") fail instead of growing.
    qsizetype maxNodes = 5'000'000;
    // Upper bound on the bytes aliases expand to; 0: YamlLimits::aliasBudget(the input's size).
    qsizetype maxAliasBytes = 0;
    // Where several parts of one stream are read apart (on several threads), one counter of the
    // bytes their aliases expanded to, so that the budget holds for the stream; else nullptr.
    std::atomic<qsizetype> *sharedAliasBytes = nullptr;
    // Larger inputs are refused (a seam for tests; see YamlLimits::maxInputBytes).
    qsizetype maxInputBytes = YamlLimits::maxInputBytes;
    // Record YamlDocument::positions (costs time and memory; snapshots and kubeconfigs skip it).
    bool recordPositions = false;
};

// Paths as the cleaner's Removal.path writes them: dot-separated keys, [i] for list indices, and
// keys that contain '.', '[', ']', '"', '\\' or are empty written as ["a.b"] (with \" and
// \\ escaped). yamlPathKey(QString(), "metadata") == "metadata";
// yamlPathKey("metadata.annotations", "a.b/c") == "metadata.annotations[\"a.b/c\"]";
// yamlPathIndex("spec.containers", 0) == "spec.containers[0]".
QString yamlPathKey(const QString &parent, const QString &key);
QString yamlPathIndex(const QString &parent, int index);
// The parent of a path ("" for a top-level one).
QString yamlPathParent(const QString &path);

// Parses every document of a YAML stream (JSON is YAML too). Plain scalars are typed as YAML 1.2's
// core schema does (null, bool, int, float); quoted ones stay strings. Errors carry fileName, line
// and column. Empty documents are skipped.
Result<QList<YamlDocument>> parseYamlDocuments(const QByteArray &bytes, const QString &fileName,
                                               const YamlParseOptions &options = {});

// Convenience for a single-document file such as a kubeconfig: an empty stream gives an empty map.
Result<QJsonValue> parseYamlValue(const QByteArray &bytes, const QString &fileName);

} // namespace Fluxdesk
