#include "secrets/sopsdocument.h"

#include "manifest/yamlwriter.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <optional>
#include <sstream>

namespace Fluxdesk::Sops::Detail {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

qsizetype lineStart(const QByteArray &text, qsizetype pos)
{
    const qsizetype nl = pos > 0 ? text.lastIndexOf('\n', pos - 1) : -1;
    return nl + 1;
}

qsizetype lineEnd(const QByteArray &text, qsizetype pos)
{
    const qsizetype nl = text.indexOf('\n', pos);
    return nl < 0 ? text.size() : nl;
}

int indentAt(const QByteArray &text, qsizetype start)
{
    int n = 0;
    while (start + n < text.size() && text.at(start + n) == ' ')
        ++n;
    return n;
}

QByteArray squeeze(const QByteArray &s)
{
    QByteArray out;
    out.reserve(s.size());
    for (const char c : s) {
        if (!isBlank(c) && c != '\n' && c != '\r')
            out.append(c);
    }
    return out;
}

// Where a plain scalar's first line ends: before " #", before ": " or ":" at the end (keys), and
// in a flow collection before ",", "]" or "}".
qsizetype plainLineEnd(const QByteArray &text, qsizetype from, bool flow, bool isKey)
{
    const qsizetype eol = lineEnd(text, from);
    qsizetype i = from;
    for (; i < eol; ++i) {
        const char c = text.at(i);
        if (c == '#' && i > from && isBlank(text.at(i - 1)))
            break;
        if (c == ':' && (isKey || flow) && (i + 1 >= eol || isBlank(text.at(i + 1))))
            break;
        if (flow && (c == ',' || c == ']' || c == '}'))
            break;
    }
    while (i > from && isBlank(text.at(i - 1)))
        --i;
    return i;
}

// The end of a scalar that starts at pos (its quote, block indicator or first character).
qsizetype scalarEnd(const QByteArray &text, qsizetype pos, bool flow, bool isKey,
                    const QByteArray &value)
{
    if (pos >= text.size())
        return pos;
    const char c = text.at(pos);
    if (c == '"') {
        for (qsizetype j = pos + 1; j < text.size(); ++j) {
            if (text.at(j) == '\\')
                ++j;
            else if (text.at(j) == '"')
                return j + 1;
        }
        return text.size();
    }
    if (c == '\'') {
        for (qsizetype j = pos + 1; j < text.size(); ++j) {
            if (text.at(j) == '\'') {
                if (j + 1 < text.size() && text.at(j + 1) == '\'')
                    ++j;
                else
                    return j + 1;
            }
        }
        return text.size();
    }
    if ((c == '|' || c == '>') && !flow && !isKey) {
        qsizetype end = lineEnd(text, pos);
        if (value.isEmpty())
            return end;
        int contentIndent = -1;
        qsizetype next = end + 1;
        while (next < text.size()) {
            const qsizetype e = lineEnd(text, next);
            const int ind = indentAt(text, next);
            const bool blank = next + ind >= e || text.at(next + ind) == '\r';
            if (!blank) {
                if (contentIndent < 0)
                    contentIndent = ind;
                if (ind < contentIndent)
                    break;
                end = e;
            }
            next = e + 1;
        }
        return end;
    }
    qsizetype end = plainLineEnd(text, pos, flow, isKey);
    const QByteArray want = squeeze(value);
    QByteArray have = squeeze(text.mid(pos, end - pos));
    qsizetype next = lineEnd(text, pos) + 1;
    for (int guard = 0; have != want && next < text.size() && guard < 10000; ++guard) {
        const qsizetype s = next + indentAt(text, next);
        const qsizetype e = plainLineEnd(text, s, flow, isKey);
        if (e > s) {
            have += squeeze(text.mid(s, e - s));
            end = e;
        }
        next = lineEnd(text, next) + 1;
    }
    return end;
}

struct Comment
{
    qsizetype hash = 0; // position of '#'
    qsizetype end = 0;
    qsizetype anchor = 0;
    int line = 0;
    int column = 0;
};

class Builder : public YAML::EventHandler
{
public:
    Builder(Document &doc, const QString &fileName) : m_doc(doc), m_fileName(fileName) {}

    std::optional<Error> error;
    int documents = 0;
    std::vector<std::pair<qsizetype, qsizetype>> keySpans;

    void OnDocumentStart(const YAML::Mark &) override { ++documents; }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        if (!check(mark, anchor, "?"))
            return;
        if (m_stack.empty()) {
            m_rootIsNull = true;
            return;
        }
        DocNode node;
        node.kind = DocNode::Null;
        if (isKeyPosition()) {
            fail(mark, QStringLiteral("a null key is not supported"));
            return;
        }
        addValue(std::move(node), mark);
    }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t) override
    {
        fail(mark, QStringLiteral("YAML aliases are not supported in a SOPS file"));
    }

    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  const std::string &value) override
    {
        if (!check(mark, anchor, tag))
            return;
        if (m_stack.empty()) {
            fail(mark, QStringLiteral("the document is not a mapping"));
            return;
        }
        const QByteArray text = QByteArray::fromStdString(value);
        const bool flow = m_stack.back().flow;
        const qsizetype begin = qsizetype(mark.pos);
        if (isKeyPosition()) {
            Frame &f = m_stack.back();
            f.expectKey = false;
            f.key = text;
            f.keyBegin = begin;
            f.keyEnd = scalarEnd(m_doc.text, begin, flow, true, text);
            f.keyLine = mark.line + 1;
            f.keyColumn = mark.column + 1;
            keySpans.emplace_back(f.keyBegin, f.keyEnd);
            if (tag == "?") {
                auto typed = resolvePlainScalar(text);
                if (!typed || typed->type != ValueType::Str)
                    fail(mark,
                         QStringLiteral("the key %1 is not a string").arg(QString::fromUtf8(text)));
            }
            return;
        }
        DocNode node;
        node.kind = DocNode::Scalar;
        node.text = text;
        if (tag == "?") {
            auto typed = resolvePlainScalar(text);
            if (!typed) {
                fail(mark, typed.error().message);
                return;
            }
            node.value = *typed;
        } else {
            node.value = TypedValue{ValueType::Str, text};
        }
        node.end = scalarEnd(m_doc.text, begin, flow, false, text);
        addValue(std::move(node), mark);
    }

    void OnSequenceStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override
    {
        startCollection(mark, tag, anchor, style, false);
    }
    void OnSequenceEnd() override { m_stack.pop_back(); }

    void OnMapStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override
    {
        startCollection(mark, tag, anchor, style, true);
    }
    void OnMapEnd() override { m_stack.pop_back(); }

    bool rootIsNull() const { return m_rootIsNull; }

private:
    struct Frame
    {
        int node = -1;
        bool isMap = false;
        bool flow = false;
        bool expectKey = true;
        QByteArray key;
        qsizetype keyBegin = 0;
        qsizetype keyEnd = 0;
        int keyLine = 0;
        int keyColumn = 0;
    };

    bool isKeyPosition() const
    {
        return !m_stack.empty() && m_stack.back().isMap && m_stack.back().expectKey;
    }

    bool check(const YAML::Mark &mark, YAML::anchor_t anchor, const std::string &tag)
    {
        if (error)
            return false;
        if (anchor != YAML::NullAnchor) {
            fail(mark, QStringLiteral("YAML anchors are not supported in a SOPS file"));
            return false;
        }
        if (tag != "?" && tag != "!" && !tag.empty() && tag != "tag:yaml.org,2002:str" &&
            tag != "tag:yaml.org,2002:map" && tag != "tag:yaml.org,2002:seq") {
            fail(mark, QStringLiteral("the YAML tag %1 is not supported in a SOPS file")
                           .arg(QString::fromStdString(tag)));
            return false;
        }
        return true;
    }

    void fail(const YAML::Mark &mark, const QString &message)
    {
        if (!error)
            error = Error(message, m_fileName, mark.line + 1, mark.column + 1);
    }

    int addValue(DocNode node, const YAML::Mark &mark)
    {
        node.begin = qsizetype(mark.pos);
        node.line = mark.line + 1;
        node.column = mark.column + 1;
        node.lineIndent = indentAt(m_doc.text, lineStart(m_doc.text, node.begin));
        if (node.kind == DocNode::Null)
            node.end = node.begin;
        Frame &f = m_stack.back();
        node.flow = f.flow;
        const int index = int(m_doc.nodes.size());
        DocEntry entry;
        entry.node = index;
        if (f.isMap) {
            entry.key = f.key;
            entry.begin = f.keyBegin;
            entry.line = f.keyLine;
            entry.column = f.keyColumn;
            if (node.kind == DocNode::Null) {
                node.begin = f.keyEnd;
                node.end = f.keyEnd;
            }
            f.expectKey = true;
        } else {
            entry.begin = node.begin;
            entry.line = node.line;
            entry.column = node.column;
        }
        m_doc.nodes.push_back(std::move(node));
        m_doc.nodes[size_t(f.node)].entries.push_back(std::move(entry));
        return index;
    }

    void startCollection(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style, bool isMap)
    {
        if (!check(mark, anchor, tag)) {
            m_stack.push_back(Frame{});
            return;
        }
        Frame frame;
        frame.isMap = isMap;
        frame.flow = style == YAML::EmitterStyle::Flow || (!m_stack.empty() && m_stack.back().flow);
        if (m_stack.empty()) {
            if (!isMap)
                fail(mark, QStringLiteral("the document is not a mapping"));
            DocNode root;
            root.kind = DocNode::Map;
            root.begin = qsizetype(mark.pos);
            root.line = mark.line + 1;
            root.column = mark.column + 1;
            root.flow = frame.flow;
            m_doc.nodes.push_back(std::move(root));
            frame.node = 0;
        } else if (isKeyPosition()) {
            fail(mark, QStringLiteral("a mapping or sequence as a key is not supported"));
            m_stack.push_back(Frame{});
            return;
        } else {
            DocNode node;
            node.kind = isMap ? DocNode::Map : DocNode::Seq;
            frame.node = addValue(std::move(node), mark);
            m_doc.nodes[size_t(frame.node)].flow = frame.flow;
        }
        m_stack.push_back(frame);
    }

    Document &m_doc;
    QString m_fileName;
    std::vector<Frame> m_stack;
    bool m_rootIsNull = false;
};

void attachComments(Document &doc, int nodeIndex, const std::vector<Comment> &comments)
{
    std::vector<DocEntry> entries;
    const std::vector<DocEntry> old = doc.nodes[size_t(nodeIndex)].entries;
    size_t ci = 0;
    const auto commentEntry = [&](const Comment &c) {
        DocEntry e;
        e.isComment = true;
        e.comment = doc.text.mid(c.hash + 1, c.end - c.hash - 1);
        e.begin = c.hash;
        e.end = c.end;
        e.line = c.line;
        e.column = c.column;
        return e;
    };
    for (const DocEntry &entry : old) {
        while (ci < comments.size() && comments[ci].anchor <= entry.begin)
            entries.push_back(commentEntry(comments[ci++]));
        const DocNode &child = doc.nodes[size_t(entry.node)];
        std::vector<Comment> inner;
        while (ci < comments.size() && comments[ci].anchor <= child.end)
            inner.push_back(comments[ci++]);
        if (child.kind == DocNode::Map || child.kind == DocNode::Seq) {
            attachComments(doc, entry.node, inner);
        } else {
            for (const Comment &c : inner)
                entries.push_back(commentEntry(c));
        }
        entries.push_back(entry);
    }
    for (; ci < comments.size(); ++ci)
        entries.push_back(commentEntry(comments[ci]));
    doc.nodes[size_t(nodeIndex)].entries = std::move(entries);
}

} // namespace

Result<Document> parseDocument(const QByteArray &text, const QString &fileName)
{
    Document doc;
    doc.text = text;
    Builder builder(doc, fileName);
    try {
        std::istringstream in(text.toStdString());
        YAML::Parser parser(in);
        while (parser.HandleNextDocument(builder)) {
            if (builder.error)
                return *builder.error;
            if (builder.documents > 1)
                return Error(
                    QStringLiteral("a SOPS file here holds one YAML document, not several"),
                    fileName);
        }
    } catch (const YAML::Exception &e) {
        return Error(QString::fromStdString(e.msg), fileName, e.mark.line + 1, e.mark.column + 1);
    }
    if (builder.error)
        return *builder.error;
    if (doc.nodes.empty()) {
        DocNode root;
        root.kind = DocNode::Map;
        doc.nodes.push_back(root);
    }
    if (doc.nodes[0].flow)
        return Error(QStringLiteral("a flow mapping at the top is not supported"), fileName, 1, 1);

    // Collections end where their last scalar (or key) ends; children follow their parents.
    for (size_t i = doc.nodes.size(); i-- > 0;) {
        DocNode &n = doc.nodes[i];
        if (n.kind != DocNode::Map && n.kind != DocNode::Seq)
            continue;
        n.end = n.begin;
        for (DocEntry &e : n.entries) {
            e.end = std::max(e.begin, doc.nodes[size_t(e.node)].end);
            n.end = std::max(n.end, e.end);
        }
    }
    // The top-level "sops" entry and the bytes it spans.
    auto &rootEntries = doc.nodes[0].entries;
    for (size_t i = 0; i < rootEntries.size(); ++i) {
        if (rootEntries[i].key != "sops")
            continue;
        doc.sopsNode = rootEntries[i].node;
        doc.sopsBegin = lineStart(text, rootEntries[i].begin);
        doc.sopsLine = rootEntries[i].line;
        if (i + 1 < rootEntries.size()) {
            doc.sopsEnd = lineStart(text, rootEntries[i + 1].begin);
        } else {
            doc.sopsEnd = rootEntries[i].end;
            if (doc.sopsEnd < text.size() && text.at(doc.sopsEnd) == '\n')
                ++doc.sopsEnd;
            while (doc.sopsEnd < text.size()) {
                // Trailing blank or indented lines still belong to the block.
                const qsizetype e = lineEnd(text, doc.sopsEnd);
                const QByteArray line = text.mid(doc.sopsEnd, e - doc.sopsEnd).trimmed();
                if (!line.isEmpty() && !isBlank(text.at(doc.sopsEnd)))
                    break;
                doc.sopsEnd = std::min(text.size(), e + 1);
            }
        }
        break;
    }

    // Comments: a '#' at a line's start or after a blank, outside every scalar and key.
    std::vector<std::pair<qsizetype, qsizetype>> spans = builder.keySpans;
    std::vector<qsizetype> starts;
    for (const DocNode &n : doc.nodes) {
        if (n.kind == DocNode::Scalar)
            spans.emplace_back(n.begin, n.end);
        if (n.kind != DocNode::Null)
            starts.push_back(n.begin);
        for (const DocEntry &e : n.entries)
            starts.push_back(e.begin);
    }
    std::sort(spans.begin(), spans.end());
    std::sort(starts.begin(), starts.end());
    std::vector<Comment> comments;
    size_t si = 0;
    int line = 1;
    qsizetype ls = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c == '\n') {
            ++line;
            ls = i + 1;
            continue;
        }
        if (c != '#' || (i > ls && !isBlank(text.at(i - 1))))
            continue;
        while (si < spans.size() && spans[si].second <= i)
            ++si;
        bool inside = false;
        for (size_t k = si; k < spans.size() && spans[k].first <= i; ++k) {
            if (i >= spans[k].first && i < spans[k].second) {
                inside = true;
                break;
            }
        }
        if (inside)
            continue;
        Comment cm;
        cm.hash = i;
        cm.end = lineEnd(text, i);
        while (cm.end > i + 1 && (isBlank(text.at(cm.end - 1)) || text.at(cm.end - 1) == '\r'))
            --cm.end;
        cm.line = line;
        cm.column = int(i - ls) + 1;
        cm.anchor = i;
        // A comment after something on its line belongs with the last node that starts there.
        auto it = std::lower_bound(starts.begin(), starts.end(), i);
        if (it != starts.begin() && *(it - 1) >= ls)
            cm.anchor = *(it - 1);
        i = lineEnd(text, i) - 1;
        if (doc.sopsBegin >= 0 && cm.hash >= doc.sopsBegin && cm.hash < doc.sopsEnd)
            continue;
        comments.push_back(cm);
    }
    std::stable_sort(comments.begin(), comments.end(),
                     [](const Comment &a, const Comment &b) { return a.anchor < b.anchor; });
    attachComments(doc, 0, comments);
    return doc;
}

QByteArray applyEdits(const QByteArray &text, std::vector<Edit> edits)
{
    std::sort(edits.begin(), edits.end(),
              [](const Edit &a, const Edit &b) { return a.begin < b.begin; });
    QByteArray out;
    out.reserve(text.size());
    qsizetype at = 0;
    for (const Edit &e : edits) {
        out.append(text.constData() + at, e.begin - at);
        out.append(e.replacement);
        at = e.end;
    }
    out.append(text.constData() + at, text.size() - at);
    return out;
}

QByteArray doubleQuoted(const QByteArray &utf8)
{
    QByteArray out = "\"";
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            if (c < 0x20 || c == 0x7f)
                out += "\\x" + QByteArray::number(c, 16).rightJustified(2, '0');
            else
                out += char(c);
        }
    }
    out += '"';
    return out;
}

QByteArray yamlStringScalar(const QByteArray &utf8, bool flow, int lineIndent)
{
    const QString s = QString::fromUtf8(utf8);
    const bool multiLine = utf8.contains('\n');
    if (!multiLine && isPlainSafe(s)) {
        bool flowSafe = true;
        for (const char c : utf8) {
            if (c == ',' || c == '[' || c == ']' || c == '{' || c == '}')
                flowSafe = false;
        }
        if (!flow || flowSafe)
            return utf8;
    }
    if (multiLine && !flow && lineIndent >= 0) {
        bool literalOk = !utf8.startsWith(' ') && !utf8.startsWith('\n');
        const QList<QByteArray> lines = utf8.split('\n');
        for (const QByteArray &l : lines) {
            if (!literalOk)
                break;
            if (!l.isEmpty() && (isBlank(l.back())))
                literalOk = false;
            for (const char ch : l) {
                const auto c = static_cast<unsigned char>(ch);
                if ((c < 0x20 && c != '\t') || c == 0x7f)
                    literalOk = false;
            }
        }
        if (literalOk) {
            qsizetype trailing = 0;
            while (trailing < utf8.size() && utf8.at(utf8.size() - 1 - trailing) == '\n')
                ++trailing;
            QByteArray out = trailing == 0 ? "|-" : (trailing == 1 ? "|" : "|+");
            const QByteArray pad(lineIndent + 2, ' ');
            const qsizetype bodyLines = lines.size() - (trailing > 0 ? 1 : 0);
            for (qsizetype i = 0; i < bodyLines; ++i) {
                out += '\n';
                if (!lines.at(i).isEmpty())
                    out += pad + lines.at(i);
            }
            return out;
        }
    }
    return doubleQuoted(utf8);
}

} // namespace Fluxdesk::Sops::Detail
