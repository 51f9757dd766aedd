#pragma once

#include "core/error.h"
#include "secrets/sopsvalue.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace Fluxdesk::Sops::Detail {

// One YAML document read as sops reads it (go-yaml v3 nodes into a tree of mappings, sequences,
// scalars and comments, in document order), with where each scalar and comment stands in the
// text, so that encrypting or decrypting rewrites only those bytes and keeps the rest.
struct DocNode;

struct DocEntry
{
    bool isComment = false;
    // A comment: its text after '#' (as sops keeps it) and the bytes from '#' to the line's end.
    QByteArray comment;
    // A mapping entry's key (empty in a sequence).
    QByteArray key;
    int node = -1; // the value (index into Document::nodes); -1 for a comment
    qsizetype begin = 0;
    qsizetype end = 0;
    int line = 0; // 1-based
    int column = 0;
};

struct DocNode
{
    enum Kind
    {
        Null,
        Scalar,
        Map,
        Seq
    };
    Kind kind = Null;
    TypedValue value;  // a scalar's type and sops bytes
    QByteArray text;   // a scalar's value as YAML gives it
    bool flow = false; // inside a flow collection (quoting differs)
    qsizetype begin = 0;
    qsizetype end = 0; // a collection: the end of its last scalar
    int line = 0;
    int column = 0;
    int lineIndent = 0; // indentation of the line the node starts on
    std::vector<DocEntry> entries;
};

struct Document
{
    QByteArray text;
    std::vector<DocNode> nodes; // nodes[0] is the root mapping
    // The top-level "sops" entry, if any: its value node and the bytes of the whole entry
    // (from its line's start to the next top-level key's line).
    int sopsNode = -1;
    qsizetype sopsBegin = -1;
    qsizetype sopsEnd = -1;
    int sopsLine = 0;
};

// Reads one YAML document whose root is a mapping (an empty document gives an empty mapping).
// Anchors, aliases and tags other than the core schema's are refused; errors name file, line
// and column.
Result<Document> parseDocument(const QByteArray &text, const QString &fileName);

struct Edit
{
    qsizetype begin = 0;
    qsizetype end = 0;
    QByteArray replacement;
};

// text with each edit's bytes replaced (edits must not overlap).
QByteArray applyEdits(const QByteArray &text, std::vector<Edit> edits);

// A string as a YAML scalar that reads back as that string: plain where safe, else a literal
// block (multi-line, block context, indent = the owning line's indentation) or double-quoted.
QByteArray yamlStringScalar(const QByteArray &utf8, bool flow, int lineIndent);
QByteArray doubleQuoted(const QByteArray &utf8);

} // namespace Fluxdesk::Sops::Detail
