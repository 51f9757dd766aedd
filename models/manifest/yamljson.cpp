// The yaml-cpp path of parseYamlDocuments(): the checks every input passes first (size, UTF-8,
// quotes) and JsonBuilder, the handler of yaml-cpp's parse events. Over 600 lines on purpose:
// JsonBuilder (about 400 of them: node and alias budgets, nesting, duplicate keys, positions) has
// no caller but this file's entry points, and a header of its own would only publish its
// internals.
#include "yamljson.h"

#include "manifest/yamlfast.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QSet>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <sstream>
#include <vector>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace Fluxdesk {

using YamlDetail::scalarValue;

namespace {

QString tooLargeMessage()
{
    return QCoreApplication::translate("Yaml",
                                       "document too large (alias expansion or size limit)");
}

QString aliasBytesMessage(qsizetype budget)
{
    return QCoreApplication::translate(
               "Yaml", "document too large: aliases expand to more than %1 MiB (a 'billion "
                       "laughs' document?)")
        .arg(budget / (1024 * 1024));
}

QString aliasNodesMessage(qsizetype budget)
{
    return QCoreApplication::translate(
               "Yaml", "document too large: aliases expand to more than %1 nodes (a 'billion "
                       "laughs' document?)")
        .arg(budget);
}

QString nestingMessage()
{
    return QCoreApplication::translate("Yaml", "nesting deeper than %1 levels")
        .arg(YamlLimits::maxNesting);
}

QPair<int, int> position(const YAML::Mark &mark)
{
    return mark.is_null() ? qMakePair(0, 0) : qMakePair(mark.line + 1, mark.column + 1);
}

// yaml-cpp accepts a quoted scalar that runs to the end of the stream; find its opening quote
// in the source and insist on a closing one.
bool quoteTerminated(const QByteArray &bytes, int pos)
{
    if (pos < 0 || pos >= bytes.size())
        return true;
    const char quote = bytes.at(pos);
    if (quote != '"' && quote != '\'')
        return true; // block scalar or something else
    for (qsizetype i = pos + 1; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (quote == '"' && c == '\\') {
            ++i;
            continue;
        }
        if (c == quote) {
            if (quote == '\'' && i + 1 < bytes.size() && bytes.at(i + 1) == '\'') {
                ++i; // '' is an escaped single quote
                continue;
            }
            return true;
        }
    }
    return false;
}

// Builds QJsonValues straight from yaml-cpp's parse events instead of loading yaml-cpp's node tree
// first and converting it, which cost more than the rest of a large `clean` together. The rules
// are those of a node tree walk in document order: every node costs one unit of the budget, an
// alias of a collection costs what converting the anchored collection cost, an alias of a scalar
// is converted again (and recorded at the anchor's position), errors point at the node (for an
// alias, at the anchored node). Aliases are also charged by the bytes they expand to (a scalar's
// text, a byte per node), so that a large string aliased many times fails as early as many nodes
// do; that error names the alias that crossed the budget.
class JsonBuilder final : public YAML::EventHandler
{
public:
    JsonBuilder(const QString &fileName, const QByteArray &source, const YamlParseOptions &options)
        : m_file(fileName), m_source(source), m_budget(options.maxNodes),
          m_maxNodes(options.maxNodes),
          m_aliasBudget(options.maxAliasBytes > 0 ? options.maxAliasBytes
                                                  : YamlLimits::aliasBudget(source.size())),
          m_sharedAliasBytes(options.sharedAliasBytes), m_recordPositions(options.recordPositions)
    {}

    // The first conversion error; parsing goes on without building so that a syntax error later in
    // the stream still wins, as it did when the whole stream was loaded before converting.
    const std::optional<Error> &error() const { return m_error; }
    QList<YamlDocument> takeDocuments() { return std::move(m_documents); }

    // yaml-cpp 0.7 can keep starting documents without consuming anything (a stray top-level ',');
    // LoadAll() then grew its list until memory ran out.
    const std::optional<Error> &stuck() const { return m_stuck; }

    // Where collections first nested deeper than YamlLimits::maxNesting, counted even after
    // another error: yaml-cpp's own limit throws with only "bad file", and this says why.
    const std::optional<Error> &tooDeep() const { return m_tooDeep; }

    void OnDocumentStart(const YAML::Mark &mark) override
    {
        if (m_documentStarts > 0 && mark.pos == m_lastDocumentStart) {
            m_stuck =
                Error(QCoreApplication::translate("Yaml", "unexpected content"), m_file,
                      mark.is_null() ? 0 : mark.line + 1, mark.is_null() ? 0 : mark.column + 1);
        }
        ++m_documentStarts;
        m_lastDocumentStart = mark.pos;
        m_stack.clear();
        m_anchors.clear();
        m_openCollections = 0;
        m_haveRoot = false;
        m_rootIsNull = false;
        m_current = YamlDocument();
    }

    void OnDocumentEnd() override
    {
        m_stack.clear();
        m_anchors.clear();
        if (m_error || !m_haveRoot || m_rootIsNull)
            return; // empty documents are skipped
        m_current.value = m_root;
        m_current.line = m_rootMark.is_null() ? 1 : m_rootMark.line + 1;
        m_documents.append(std::move(m_current));
        m_current = YamlDocument();
        m_root = QJsonValue();
    }

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        if (m_error)
            return;
        if (anchor != YAML::NullAnchor) {
            Anchored &a = anchorSlot(anchor);
            a.kind = Kind::Null;
            a.mark = mark;
            a.bytes = 1;
        }
        if (expectingKey()) {
            onlyScalarKeys(mark);
            return;
        }
        // An empty document is skipped before anything is charged or recorded.
        if (m_stack.empty()) {
            addValue(QJsonValue(QJsonValue::Null), true, mark);
            return;
        }
        if (!beginNode(mark))
            return;
        addValue(QJsonValue(QJsonValue::Null), true, mark);
    }

    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  const std::string &value) override
    {
        if (m_error)
            return;
        if (anchor != YAML::NullAnchor) {
            Anchored &a = anchorSlot(anchor);
            a.kind = Kind::Scalar;
            a.mark = mark;
            a.tag = tag;
            a.raw = value;
            a.bytes = qsizetype(value.size()) + 1;
        }
        if (expectingKey()) {
            key(mark, tag, value);
            return;
        }
        if (!beginNode(mark) || !checkQuote(mark, tag))
            return;
        m_bytes += qsizetype(value.size());
        addValue(scalarValue(tag, value), false, mark);
    }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        if (m_error)
            return;
        if (anchor == YAML::NullAnchor || anchor > m_anchors.size()) {
            // yaml-cpp rejects unknown anchors itself; never index past what was seen.
            fail(mark, tooLargeMessage());
            return;
        }
        const Anchored &a = m_anchors[anchor - 1];
        if (a.kind != Kind::Collection || a.done) {
            if (!chargeAlias(mark, a.bytes))
                return;
        }
        if (expectingKey()) {
            if (a.kind == Kind::Scalar)
                key(a.mark, a.tag, a.raw);
            else
                onlyScalarKeys(a.mark);
            return;
        }
        switch (a.kind) {
        case Kind::Collection:
            if (!a.done) {
                // An alias inside its own anchor: a tree walk would descend forever.
                fail(a.mark, QCoreApplication::translate("Yaml", "nesting too deep"));
                return;
            }
            m_budget -= a.nodes;
            if (m_budget < 0) {
                fail(mark, aliasNodesMessage(m_maxNodes));
                return;
            }
            m_bytes += a.bytes;
            // Nodes reached through an alias are not recorded again.
            addValue(a.value, false, a.mark);
            return;
        case Kind::Null:
            if (beginNode(a.mark))
                addValue(QJsonValue(QJsonValue::Null), true, a.mark);
            return;
        case Kind::Scalar:
            if (beginNode(a.mark) && checkQuote(a.mark, a.tag)) {
                m_bytes += qsizetype(a.raw.size());
                addValue(scalarValue(a.tag, a.raw), false, a.mark);
            }
            return;
        }
    }

    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        startCollection(mark, anchor, false);
    }

    void OnSequenceEnd() override { endCollection(); }

    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        startCollection(mark, anchor, true);
    }

    void OnMapEnd() override { endCollection(); }

private:
    enum class Kind
    {
        Null,
        Scalar,
        Collection
    };

    struct Anchored
    {
        Kind kind = Kind::Null;
        bool done = false; // a collection that has been closed
        YAML::Mark mark;
        std::string tag;
        std::string raw;
        QJsonValue value;
        qsizetype nodes = 0;
        qsizetype bytes = 0; // what an alias of it expands to
    };

    // Maps with more members than this look their keys up in a hash set; smaller ones scan.
    static constexpr std::size_t scannedKeys = 16;

    struct Frame
    {
        bool isMap = false;
        bool haveKey = false;
        int depth = 0;
        qsizetype budgetBefore = 0;
        qsizetype bytesBefore = 0;
        YAML::anchor_t anchor = YAML::NullAnchor;
        YAML::Mark mark;
        QJsonArray array;
        // A map's members as read, made a QJsonObject at its end in key order: a QJsonObject
        // keeps its keys sorted, so inserting 200,000 keys in any other order moved the ones
        // after each insert (quadratic), as did looking for duplicates in it.
        std::vector<std::pair<QString, QJsonValue>> members;
        QSet<QString> keys; // members' keys, once there are more than scannedKeys
        bool has(const QString &name) const
        {
            if (members.size() <= scannedKeys) {
                return std::any_of(members.begin(), members.end(),
                                   [&](const auto &member) { return member.first == name; });
            }
            return keys.contains(name);
        }
        QString key;
        QString path;      // only when recording positions
        QString childPath; // path of the value for key
    };

    Anchored &anchorSlot(YAML::anchor_t anchor)
    {
        if (m_anchors.size() < anchor)
            m_anchors.resize(anchor);
        m_anchors[anchor - 1] = Anchored();
        return m_anchors[anchor - 1];
    }

    // Charges an alias that expands to bytes; false (and the error at the alias) past the budget.
    bool chargeAlias(const YAML::Mark &mark, qsizetype bytes)
    {
        qsizetype total = m_aliasBytes += bytes;
        if (m_sharedAliasBytes)
            total = m_sharedAliasBytes->fetch_add(bytes, std::memory_order_relaxed) + bytes;
        if (total <= m_aliasBudget)
            return true;
        return fail(mark, aliasBytesMessage(m_aliasBudget));
    }

    bool fail(const YAML::Mark &mark, const QString &message)
    {
        m_error = Error(message, m_file, mark.is_null() ? 0 : mark.line + 1,
                        mark.is_null() ? 0 : mark.column + 1);
        return false;
    }

    void onlyScalarKeys(const YAML::Mark &mark)
    {
        fail(mark, QCoreApplication::translate("Yaml", "only scalar keys are supported"));
    }

    bool checkQuote(const YAML::Mark &mark, const std::string &tag)
    {
        if (tag != "!" || mark.is_null() || quoteTerminated(m_source, mark.pos))
            return true;
        return fail(mark, QCoreApplication::translate("Yaml", "unterminated quoted string"));
    }

    bool expectingKey() const
    {
        return !m_stack.empty() && m_stack.back().isMap && !m_stack.back().haveKey;
    }

    void key(const YAML::Mark &mark, const std::string &tag, const std::string &raw)
    {
        if (!checkQuote(mark, tag))
            return;
        Frame &frame = m_stack.back();
        m_bytes += qsizetype(raw.size()) + 1;
        QString name = QString::fromStdString(raw);
        if (frame.has(name)) {
            fail(mark, QCoreApplication::translate("Yaml", "duplicate key \"%1\"").arg(name));
            return;
        }
        if (m_recordPositions) {
            frame.childPath = yamlPathKey(frame.path, name);
            m_current.keyPositions.insert(frame.childPath, position(mark));
        }
        frame.key = std::move(name);
        frame.haveKey = true;
    }

    // Records the position of the node that starts here and charges it; false on an error.
    bool beginNode(const YAML::Mark &mark, int *depthOut = nullptr, QString *pathOut = nullptr)
    {
        int depth = 0;
        QString path;
        if (!m_stack.empty()) {
            const Frame &parent = m_stack.back();
            depth = parent.depth + 1;
            if (m_recordPositions) {
                path = parent.isMap ? parent.childPath
                                    : yamlPathIndex(parent.path, int(parent.array.size()));
            }
        }
        if (m_recordPositions)
            m_current.positions.insert(path, position(mark));
        if (--m_budget < 0)
            return fail(mark, tooLargeMessage());
        ++m_bytes;
        if (depth > YamlLimits::maxNesting)
            return fail(mark, nestingMessage());
        if (depthOut)
            *depthOut = depth;
        if (pathOut)
            *pathOut = std::move(path);
        return true;
    }

    void startCollection(const YAML::Mark &mark, YAML::anchor_t anchor, bool isMap)
    {
        if (m_openCollections > YamlLimits::maxNesting && !m_tooDeep)
            m_tooDeep =
                Error(nestingMessage(), m_file, position(mark).first, position(mark).second);
        ++m_openCollections;
        if (m_error)
            return;
        if (anchor != YAML::NullAnchor) {
            Anchored &a = anchorSlot(anchor);
            a.kind = Kind::Collection;
            a.mark = mark;
        }
        if (expectingKey()) {
            onlyScalarKeys(mark);
            return;
        }
        Frame frame;
        frame.isMap = isMap;
        frame.anchor = anchor;
        frame.mark = mark;
        frame.budgetBefore = m_budget;
        frame.bytesBefore = m_bytes;
        if (!beginNode(mark, &frame.depth, &frame.path))
            return;
        m_stack.push_back(std::move(frame));
    }

    void endCollection()
    {
        --m_openCollections;
        if (m_error || m_stack.empty())
            return;
        Frame frame = std::move(m_stack.back());
        m_stack.pop_back();
        const QJsonValue value =
            frame.isMap ? QJsonValue(objectOf(frame.members)) : QJsonValue(std::move(frame.array));
        if (frame.anchor != YAML::NullAnchor && frame.anchor <= m_anchors.size()) {
            Anchored &a = m_anchors[frame.anchor - 1];
            a.value = value;
            a.nodes = frame.budgetBefore - m_budget;
            a.bytes = m_bytes - frame.bytesBefore;
            a.done = true;
        }
        addValue(value, false, frame.mark);
    }

    static QJsonObject objectOf(std::vector<std::pair<QString, QJsonValue>> &members)
    {
        std::sort(members.begin(), members.end(),
                  [](const auto &a, const auto &b) { return a.first < b.first; });
        QJsonObject object;
        for (auto &member : members)
            object.insert(member.first, std::move(member.second));
        return object;
    }

    void addValue(const QJsonValue &value, bool isNull, const YAML::Mark &mark)
    {
        if (m_stack.empty()) {
            m_root = value;
            m_rootIsNull = isNull;
            m_rootMark = mark;
            m_haveRoot = true;
            return;
        }
        Frame &frame = m_stack.back();
        if (frame.isMap) {
            frame.members.emplace_back(std::move(frame.key), value);
            if (frame.members.size() == scannedKeys + 1) {
                for (const auto &member : frame.members)
                    frame.keys.insert(member.first);
            } else if (frame.members.size() > scannedKeys + 1) {
                frame.keys.insert(frame.members.back().first);
            }
            frame.haveKey = false;
        } else {
            frame.array.append(value);
        }
    }

    QString m_file;
    const QByteArray &m_source;
    qsizetype m_budget;
    qsizetype m_maxNodes;
    qsizetype m_aliasBudget;
    qsizetype m_aliasBytes = 0;                 // what this stream's aliases expanded to
    qsizetype m_bytes = 0;                      // the stream's size as expanded (see chargeAlias)
    std::atomic<qsizetype> *m_sharedAliasBytes; // see YamlParseOptions::sharedAliasBytes
    bool m_recordPositions;
    std::optional<Error> m_error;
    std::vector<Frame> m_stack;
    std::vector<Anchored> m_anchors; // by anchor id - 1; ids restart with every document
    QList<YamlDocument> m_documents;
    YamlDocument m_current;
    QJsonValue m_root;
    YAML::Mark m_rootMark;
    bool m_haveRoot = false;
    bool m_rootIsNull = false;
    std::optional<Error> m_stuck;
    std::optional<Error> m_tooDeep;
    int m_openCollections = 0; // in the document, whether built or not
    int m_lastDocumentStart = -1;
    qsizetype m_documentStarts = 0;
};

Error fromException(const YAML::Exception &e, const QString &fileName)
{
    const QString msg = QString::fromStdString(e.msg);
    if (e.mark.is_null())
        return Error(msg, fileName);
    return Error(msg, fileName, e.mark.line + 1, e.mark.column + 1);
}

// The 1-based line and column (in characters) of a byte offset.
std::pair<int, int> placeOf(const unsigned char *p, qsizetype offset)
{
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (p[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    int column = 1;
    for (qsizetype i = lineStart; i < offset; ++i) {
        if ((p[i] & 0xC0) != 0x80)
            ++column;
    }
    return {line, column};
}

// Offsets, lines and columns are ints in both readers (yaml-cpp's Mark too): a stream that large
// is refused before reading.
std::optional<Error> checkSize(const QByteArray &bytes, const QString &fileName,
                               const YamlParseOptions &options)
{
    if (bytes.size() <= options.maxInputBytes)
        return std::nullopt;
    const QLocale locale;
    return Error(QCoreApplication::translate("Yaml",
                                             "%1 of YAML is more than the %2 read at once; split "
                                             "it into smaller files")
                     .arg(locale.formattedDataSize(bytes.size()),
                          locale.formattedDataSize(options.maxInputBytes)),
                 fileName);
}

// yaml-cpp accepts bytes that are not UTF-8; refuse them with the position of the first bad byte.
// ASCII goes eight bytes at a time; the position is only worked out for an error.
std::optional<Error> checkText(const QByteArray &bytes, const QString &fileName)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    constexpr quint64 highBits = 0x8080808080808080ULL;
    constexpr quint64 lowBits = 0x0101010101010101ULL;
    auto fail = [&](qsizetype at, const char *message) {
        const auto [line, column] = placeOf(p, at);
        return Error(QCoreApplication::translate("Yaml", message), fileName, line, column);
    };
    for (qsizetype i = 0; i < n;) {
#ifdef __SSE2__
        const __m128i zero = _mm_setzero_si128();
        while (i + 16 <= n) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
            if (_mm_movemask_epi8(_mm_or_si128(v, _mm_cmpeq_epi8(v, zero))))
                break; // a byte >= 0x80 or a NUL among these sixteen
            i += 16;
        }
#endif
        while (i + 8 <= n) {
            quint64 w;
            std::memcpy(&w, p + i, sizeof w);
            if ((w & highBits) || ((w - lowBits) & ~w & highBits))
                break; // a byte >= 0x80 or a NUL among these eight
            i += 8;
        }
        if (i >= n)
            break;
        const unsigned char c = p[i];
        if (c == 0)
            return fail(i, QT_TRANSLATE_NOOP("Yaml", "binary data (a NUL byte) in YAML"));
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        if ((c & 0xE0) == 0xC0 && c >= 0xC2)
            len = 2;
        else if ((c & 0xF0) == 0xE0)
            len = 3;
        else if ((c & 0xF8) == 0xF0 && c <= 0xF4)
            len = 4;
        for (int k = 1; len && k < len; ++k) {
            if (i + k >= n || (p[i + k] & 0xC0) != 0x80)
                len = 0;
        }
        if (!len)
            return fail(i, QT_TRANSLATE_NOOP("Yaml", "text is not valid UTF-8"));
        i += len;
    }
    return std::nullopt;
}

} // namespace

namespace YamlDetail {

// After checkText().
Result<QList<YamlDocument>> parseCheckedWithYamlCpp(const QByteArray &bytes,
                                                    const QString &fileName,
                                                    const YamlParseOptions &options)
{
    JsonBuilder builder(fileName, bytes, options);
    try {
        std::istringstream stream(bytes.toStdString());
        YAML::Parser parser(stream);
        while (!builder.stuck() && parser.HandleNextDocument(builder)) {
        }
        if (builder.stuck())
            return *builder.stuck();
        if (builder.error())
            return *builder.error();
        return builder.takeDocuments();
    } catch (const YAML::DeepRecursion &e) {
        // yaml-cpp gives up deeper than the builder does, with only "bad file": the builder knows
        // where the nesting crossed the limit.
        if (builder.tooDeep())
            return *builder.tooDeep();
        const QPair<int, int> at = position(e.mark);
        return Error(nestingMessage(), fileName, at.first, at.second);
    } catch (const YAML::Exception &e) {
        return fromException(e, fileName);
    }
}

Result<QList<YamlDocument>> parseYamlDocumentsWithYamlCpp(const QByteArray &bytes,
                                                          const QString &fileName,
                                                          const YamlParseOptions &options)
{
    if (auto big = checkSize(bytes, fileName, options))
        return *big;
    if (auto bad = checkText(bytes, fileName))
        return *bad;
    return parseCheckedWithYamlCpp(bytes, fileName, options);
}

} // namespace YamlDetail

Result<QList<YamlDocument>> parseYamlDocuments(const QByteArray &bytes, const QString &fileName,
                                               const YamlParseOptions &options)
{
    if (auto big = checkSize(bytes, fileName, options))
        return *big;
    if (auto bad = checkText(bytes, fileName))
        return *bad;
    // yaml-cpp's tokenizer was most of a large clean's time: the common block style is read by
    // a reader of its own, which leaves everything else (and every error) to yaml-cpp.
    if (std::optional<QList<YamlDocument>> fast = YamlDetail::parseYamlFast(bytes, options))
        return std::move(*fast);
    return YamlDetail::parseCheckedWithYamlCpp(bytes, fileName, options);
}

Result<QJsonValue> parseYamlValue(const QByteArray &bytes, const QString &fileName)
{
    Result<QList<YamlDocument>> docs = parseYamlDocuments(bytes, fileName);
    if (!docs)
        return docs.error();
    if (docs->isEmpty())
        return QJsonValue(QJsonObject());
    if (docs->size() > 1)
        return Error(QCoreApplication::translate("Yaml", "expected one YAML document, found %1")
                         .arg(docs->size()),
                     fileName, docs->at(1).line, 1);
    return docs->first().value;
}

} // namespace Fluxdesk
