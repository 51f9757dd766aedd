// The fast YAML reader: one recursive-descent class (FastReader) and its character helpers.
// Over 600 lines on purpose: its members call one another for every line of a 10,000-object
// stream, and kept in one translation unit, in an anonymous namespace, the compiler inlines them
// (split across files they would be out-of-line calls); the grammar it accepts also reads top
// to bottom in one place. Scalar typing lives in yamlscalars.cpp, the yaml-cpp fallback in
// yamljson.cpp.

#include "yamlfast.h"

#include "manifest/parallel.h"
#include "manifest/yamlslices.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace Fluxdesk::YamlDetail {

namespace {

// YAML's indicator characters, which cannot start a plain scalar, plus '?' and ':' (complex keys
// and the like, which this reader leaves to yaml-cpp).
bool isIndicator(char c)
{
    switch (c) {
    case ',':
    case '[':
    case ']':
    case '{':
    case '}':
    case '#':
    case '&':
    case '*':
    case '!':
    case '|':
    case '>':
    case '\'':
    case '"':
    case '%':
    case '@':
    case '`':
    case '?':
    case ':':
        return true;
    default:
        return false;
    }
}

// A map with more keys than this gets a hash index of them, so that a map of 200,000 keys is
// checked for duplicates in linear time; smaller ones are scanned, which is faster for them.
constexpr std::size_t scannedKeys = 16;
// yaml-cpp may refuse long implicit keys; such rare keys are left to it.
constexpr qsizetype maxKeyLength = 1000;

bool isNullWord(const char *p, qsizetype n)
{
    switch (n) {
    case 0:
        return true;
    case 1:
        return *p == '~';
    case 4:
        return std::memcmp(p, "null", 4) == 0 || std::memcmp(p, "Null", 4) == 0 ||
               std::memcmp(p, "NULL", 4) == 0;
    default:
        return false;
    }
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendUtf8(QByteArray &out, unsigned value)
{
    if (value <= 0x7F) {
        out.append(char(value));
    } else if (value <= 0x7FF) {
        out.append(char(0xC0 + (value >> 6)));
        out.append(char(0x80 + (value & 0x3F)));
    } else if (value <= 0xFFFF) {
        out.append(char(0xE0 + (value >> 12)));
        out.append(char(0x80 + ((value >> 6) & 0x3F)));
        out.append(char(0x80 + (value & 0x3F)));
    } else {
        out.append(char(0xF0 + (value >> 18)));
        out.append(char(0x80 + ((value >> 12) & 0x3F)));
        out.append(char(0x80 + ((value >> 6) & 0x3F)));
        out.append(char(0x80 + (value & 0x3F)));
    }
}

// Characters the fast reader never interprets: control characters other than tab and line feed,
// a carriage return that does not end a line, C1 controls (NEL), the Unicode line and paragraph
// separators and a byte order mark after the start. yaml-cpp decides what those mean.
bool plainText(const char *begin, const char *end, bool streamStart)
{
    const auto *p = reinterpret_cast<const unsigned char *>(begin);
    const qsizetype n = end - begin;
    for (qsizetype i = 0; i < n; ++i) {
#ifdef __SSE2__
        // Sixteen bytes at a time while they are printable ASCII, line feeds and tabs.
        const __m128i space = _mm_set1_epi8(0x20);
        const __m128i lineFeed = _mm_set1_epi8('\n');
        const __m128i tab = _mm_set1_epi8('\t');
        const __m128i del = _mm_set1_epi8(0x7F);
        while (i + 16 <= n) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
            // Signed: bytes >= 0x80 count as below 0x20 too, and take the byte-wise path.
            const __m128i control =
                _mm_andnot_si128(_mm_or_si128(_mm_cmpeq_epi8(v, lineFeed), _mm_cmpeq_epi8(v, tab)),
                                 _mm_cmplt_epi8(v, space));
            if (_mm_movemask_epi8(_mm_or_si128(control, _mm_cmpeq_epi8(v, del))))
                break;
            i += 16;
        }
        if (i >= n)
            break;
#endif
        const unsigned char c = p[i];
        if (c >= 0x20 && c < 0x7F)
            continue;
        if (c == '\n' || c == '\t')
            continue;
        if (c == '\r') {
            if (i + 1 < n && p[i + 1] == '\n')
                continue;
            return false;
        }
        if (c < 0x20 || c == 0x7F)
            return false;
        if (c == 0xC2 && i + 1 < n && p[i + 1] >= 0x80 && p[i + 1] <= 0x9F)
            return false;
        if (c == 0xE2 && i + 2 < n && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9))
            return false;
        if (c == 0xEF && (i > 0 || !streamStart) && i + 2 < n && p[i + 1] == 0xBB &&
            p[i + 2] == 0xBF)
            return false;
    }
    return true;
}

// A recursive descent over lines that writes each document as JSON text, which Qt's JSON parser
// then turns into a QJsonValue (building QJsonObjects one insert at a time costs several times
// more). Every function returns false for "not handled"; the caller then throws the partial
// result away. After a value, advance() leaves m_p at the first
// non-space character of the next content line and m_next at its column, or m_next at -1 at the
// end of the stream or at a document marker (m_p at the marker).
class FastReader
{
public:
    // [begin, end) is the whole stream (streamStart) or a part of it that starts at a "---" line,
    // which is line firstLine of the stream.
    FastReader(const char *begin, const char *end, int firstLine, bool streamStart,
               qsizetype budget)
        : m_p(begin), m_end(end), m_line(firstLine), m_budget(budget)
    {
        if (streamStart && end - begin >= 3 && std::memcmp(begin, "\xEF\xBB\xBF", 3) == 0)
            m_p += 3;
        m_lineStart = m_p;
        m_json.reserve(16 * 1024);
    }

    qsizetype budgetLeft() const { return m_budget; }

    bool run(QList<YamlDocument> &out)
    {
        if (!advance())
            return false;
        // The first document needs no marker.
        if (m_next >= 0 && !document(out))
            return false;
        while (m_p < m_end) {
            // At a marker: "---" starts a document, "..." ends one.
            const bool start = *m_p == '-';
            m_p += 3;
            if (!finishLine() || !advance())
                return false;
            if (m_next < 0)
                continue; // an empty document
            if (!start)
                return false; // content after "..." without "---"
            if (!document(out))
                return false;
        }
        return true;
    }

private:
    bool atLineEnd(const char *p) const { return p >= m_end || *p == '\n' || *p == '\r'; }
    int column() const { return int(m_p - m_lineStart); }

    bool isMarker(const char *p) const
    {
        if (m_end - p < 3)
            return false;
        if (std::memcmp(p, "---", 3) != 0 && std::memcmp(p, "...", 3) != 0)
            return false;
        return atLineEnd(p + 3) || p[3] == ' ' || p[3] == '\t';
    }

    // '-' followed by a space or the end of the line: a block sequence entry.
    bool isDashEntry(const char *p) const
    {
        return p < m_end && *p == '-' && (atLineEnd(p + 1) || p[1] == ' ');
    }

    void nextLine()
    {
        const void *nl = std::memchr(m_p, '\n', size_t(m_end - m_p));
        if (!nl) {
            m_p = m_end;
        } else {
            m_p = static_cast<const char *>(nl) + 1;
            ++m_line;
        }
        m_lineStart = m_p;
    }

    // The rest of the line after a value: spaces, then nothing or a comment.
    bool finishLine()
    {
        const char *p = m_p;
        while (p < m_end && *p == ' ')
            ++p;
        if (p < m_end && *p == '#') {
            if (p == m_p)
                return false; // a '#' right after a value
        } else if (!atLineEnd(p)) {
            return false;
        }
        m_p = p;
        nextLine();
        return true;
    }

    // From the start of a line: skips blank and comment lines (see the class comment).
    bool advance()
    {
        for (;;) {
            if (m_p >= m_end) {
                m_next = -1;
                return true;
            }
            const char *p = m_p;
            while (p < m_end && *p == ' ')
                ++p;
            if (atLineEnd(p) || *p == '#') {
                m_p = p;
                nextLine();
                continue;
            }
            if (*p == '\t')
                return false;
            if (p == m_lineStart && isMarker(p)) {
                m_p = p;
                m_next = -1;
                return true;
            }
            m_p = p;
            m_next = int(p - m_lineStart);
            return true;
        }
    }

    bool charge() { return --m_budget >= 0; }

    bool enter()
    {
        if (!charge())
            return false;
        // Deeper documents go to yaml-cpp, and it reports the error (a collection here at level
        // maxNesting holds nodes deeper than that, an error there).
        return ++m_depth <= YamlLimits::maxNesting;
    }

    bool document(QList<YamlDocument> &out)
    {
        YamlDocument doc;
        doc.line = m_line;
        bool ok = false;
        const int indent = m_next;
        // The value inside "[...]": Qt's JSON parser reads only arrays and objects at the top.
        m_json.resize(0);
        m_json.append('[');
        if (isDashEntry(m_p))
            ok = parseSequence(indent);
        else if (*m_p == '[' || *m_p == '{')
            ok = parseFlow() && finishLine() && advance();
        else if (isKeyLine())
            ok = parseMap(indent);
        // Anything left in the document (a line less indented than its root) is not handled.
        if (!ok || m_next >= 0)
            return false;
        m_json.append(']');
        QJsonParseError error{};
        const QJsonDocument json = QJsonDocument::fromJson(m_json, &error);
        if (error.error != QJsonParseError::NoError || !json.isArray())
            return false;
        doc.value = json.array().at(0);
        out.append(std::move(doc));
        return true;
    }

    // A string as JSON: the bytes are UTF-8 already (checked before reading).
    void emitString(const char *p, qsizetype n)
    {
        m_json.append('"');
        const char *run = p;
        for (const char *e = p + n; p < e; ++p) {
            const auto c = static_cast<unsigned char>(*p);
            if (c >= 0x20 && c != '"' && c != '\\')
                continue;
            m_json.append(run, p - run);
            run = p + 1;
            if (c == '"' || c == '\\') {
                m_json.append('\\');
                m_json.append(char(c));
            } else {
                static const char hex[] = "0123456789abcdef";
                const char escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                m_json.append(escaped, sizeof escaped);
            }
        }
        m_json.append(run, p - run);
        m_json.append('"');
    }

    // A typed scalar as JSON; false for what JSON cannot hold (yaml-cpp's then).
    bool emitValue(const QJsonValue &value)
    {
        switch (value.type()) {
        case QJsonValue::Null:
            m_json.append("null", 4);
            return true;
        case QJsonValue::Bool:
            if (value.toBool())
                m_json.append("true", 4);
            else
                m_json.append("false", 5);
            return true;
        case QJsonValue::String: {
            const QByteArray text = value.toString().toUtf8();
            emitString(text.constData(), text.size());
            return true;
        }
        case QJsonValue::Double: {
            const double d = value.toDouble();
            if (!std::isfinite(d))
                return false;
            // A fraction or an exponent keeps it a double, as the plain scalar typing made it.
            QByteArray number = QByteArray::number(d, 'g', 17);
            if (!number.contains('.') && !number.contains('e'))
                number.append(".0", 2);
            m_json.append(number);
            return true;
        }
        default:
            return false;
        }
    }

    // A plain scalar typed as the core schema does. Only a digit, sign, '.', '~' or the first
    // letter of null/true/false can start anything but a string: the rest go straight out.
    bool emitPlain(const char *p, qsizetype n)
    {
        const std::string_view text(p, std::size_t(n));
        switch (*p) {
        case 'n':
        case 'N':
        case '~':
            if (text == "null" || text == "Null" || text == "NULL" || text == "~") {
                m_json.append("null", 4);
                return true;
            }
            break;
        case 't':
        case 'T':
            if (text == "true" || text == "True" || text == "TRUE") {
                m_json.append("true", 4);
                return true;
            }
            break;
        case 'f':
        case 'F':
            if (text == "false" || text == "False" || text == "FALSE") {
                m_json.append("false", 5);
                return true;
            }
            break;
        default:
            if (isDecimal(text)) {
                // Numbers are doubles, as the plain scalar typing makes them.
                m_json.append(p, n);
                m_json.append(".0", 2);
                return true;
            }
            if ((*p >= '0' && *p <= '9') || *p == '-' || *p == '+' || *p == '.')
                return emitValue(plainScalarValue(QString::fromUtf8(p, n)));
        }
        emitString(p, n); // no numeric pattern starts with a letter or '~'
        return true;
    }

    // An integer JSON writes the same way: an optional '-', no leading zero, at most 15 digits
    // (exact as a double).
    static bool isDecimal(std::string_view text)
    {
        std::size_t i = !text.empty() && text.front() == '-' ? 1 : 0;
        const std::size_t digits = text.size() - i;
        if (digits == 0 || digits > 15 || (text[i] == '0' && (digits > 1 || i == 1)))
            return false;
        for (; i < text.size(); ++i) {
            if (text[i] < '0' || text[i] > '9')
                return false;
        }
        return true;
    }

    // Writes a key (decoded bytes) and its ':' after checking it against the map's keys so far,
    // which start at m_keys[base]: a duplicate is not handled (yaml-cpp reports it).
    bool emitKey(std::size_t base, const char *p, qsizetype n)
    {
        const qsizetype at = m_json.size();
        emitString(p, n);
        const qsizetype length = m_json.size() - at;
        const std::size_t hash = qHash(QByteArray::fromRawData(m_json.constData() + at, length));
        const auto same = [&](const Key &other) {
            return other.hash == hash && other.length == length &&
                   std::memcmp(m_json.constData() + other.at, m_json.constData() + at,
                               std::size_t(length)) == 0;
        };
        if (m_keys.size() - base < scannedKeys) {
            for (std::size_t k = base; k < m_keys.size(); ++k) {
                if (same(m_keys[k]))
                    return false;
            }
        } else {
            if (m_indexes.empty() || m_indexes.back().base != base)
                m_indexes.push_back({base, {}});
            KeyIndex &index = m_indexes.back();
            // At most half full: grown (and refilled from m_keys) by doubling.
            if (2 * (m_keys.size() - base + 1) > index.table.size()) {
                std::size_t size = 64;
                while (size < 4 * (m_keys.size() - base + 1))
                    size *= 2;
                index.table.assign(size, 0);
                for (std::size_t k = base; k < m_keys.size(); ++k)
                    index.table[slotOf(index, m_keys[k].hash)] = std::uint32_t(k + 1);
            }
            const std::size_t mask = index.table.size() - 1;
            std::size_t i = hash & mask;
            for (; index.table[i] != 0; i = (i + 1) & mask) {
                if (same(m_keys[index.table[i] - 1]))
                    return false;
            }
            index.table[i] = std::uint32_t(m_keys.size() + 1);
        }
        m_keys.push_back({at, length, hash});
        m_json.append(':');
        return true;
    }

    // Whether a plain scalar may start here (block context); '?' and ':' starts are left to
    // yaml-cpp, as are values starting with "---".
    bool plainStart(const char *p) const
    {
        if (isIndicator(*p))
            return false;
        switch (*p) {
        case ' ':
        case '\t':
            return false;
        case '-':
            return !(atLineEnd(p + 1) || p[1] == ' ' || p[1] == '\t' ||
                     (m_end - p >= 3 && p[1] == '-' && p[2] == '-'));
        default:
            return true;
        }
    }

    // Whether the line from m_p is "key:" (plain or quoted) followed by a space or its end.
    bool isKeyLine() const
    {
        const char *p = m_p;
        if (*p == '"' || *p == '\'') {
            const char quote = *p++;
            for (;; ++p) {
                if (atLineEnd(p))
                    return false;
                if (quote == '"' && *p == '\\') {
                    ++p;
                    if (atLineEnd(p))
                        return false;
                    continue;
                }
                if (*p == quote) {
                    if (quote == '\'' && p + 1 < m_end && p[1] == '\'') {
                        ++p;
                        continue;
                    }
                    break;
                }
            }
            ++p;
            while (p < m_end && *p == ' ')
                ++p;
            return p < m_end && *p == ':' && (atLineEnd(p + 1) || p[1] == ' ');
        }
        for (; !atLineEnd(p); ++p) {
            if (*p == '#' && p > m_p && (p[-1] == ' ' || p[-1] == '\t'))
                return false;
            if (*p == ':' && (atLineEnd(p + 1) || p[1] == ' '))
                return true;
        }
        return false;
    }

    // A single-line quoted scalar at m_p, decoded into [text, text + size) (the input itself or
    // m_scratch, valid until the next call); m_p ends after the closing quote.
    bool parseQuoted(const char *&text, qsizetype &size)
    {
        const char quote = *m_p;
        const char *p = m_p + 1;
        const char *segment = p;
        QByteArray &buffer = m_scratch;
        buffer.resize(0);
        bool escaped = false;
        for (;;) {
            if (atLineEnd(p))
                return false; // multi-line or unterminated: yaml-cpp's
            const char c = *p;
            if (c == quote) {
                if (quote == '\'' && p + 1 < m_end && p[1] == '\'') {
                    buffer.append(segment, p - segment);
                    buffer.append('\'');
                    escaped = true;
                    p += 2;
                    segment = p;
                    continue;
                }
                break;
            }
            if (quote == '"' && c == '\\') {
                buffer.append(segment, p - segment);
                escaped = true;
                if (!escape(p, buffer))
                    return false;
                segment = p;
                continue;
            }
            ++p;
        }
        if (escaped) {
            buffer.append(segment, p - segment);
            text = buffer.constData();
            size = buffer.size();
        } else {
            text = segment;
            size = p - segment;
        }
        m_p = p + 1;
        return true;
    }

    // One escape of a double-quoted scalar, as yaml-cpp translates it; p moves past it.
    bool escape(const char *&p, QByteArray &out) const
    {
        ++p; // the backslash
        if (atLineEnd(p))
            return false; // an escaped line break
        const char c = *p++;
        int digits = 0;
        switch (c) {
        case '0':
            out.append('\0');
            return true;
        case 'a':
            out.append('\x07');
            return true;
        case 'b':
            out.append('\x08');
            return true;
        case 't':
        case '\t':
            out.append('\x09');
            return true;
        case 'n':
            out.append('\x0A');
            return true;
        case 'v':
            out.append('\x0B');
            return true;
        case 'f':
            out.append('\x0C');
            return true;
        case 'r':
            out.append('\x0D');
            return true;
        case 'e':
            out.append('\x1B');
            return true;
        case ' ':
        case '"':
        case '\'':
        case '\\':
        case '/':
            out.append(c);
            return true;
        case 'N':
        case '_':
            return false; // yaml-cpp 0.7 writes these as single bytes (not UTF-8): its own
        case 'L':
            out.append("\xE2\x80\xA8");
            return true;
        case 'P':
            out.append("\xE2\x80\xA9");
            return true;
        case 'x':
            digits = 2;
            break;
        case 'u':
            digits = 4;
            break;
        case 'U':
            digits = 8;
            break;
        default:
            return false;
        }
        if (m_end - p < digits)
            return false;
        unsigned value = 0;
        for (int i = 0; i < digits; ++i) {
            const int d = hexDigit(p[i]);
            if (d < 0)
                return false;
            value = (value << 4) + unsigned(d);
        }
        if ((value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF)
            return false;
        p += digits;
        appendUtf8(out, value);
        return true;
    }

    // A map key at m_p, written with emitKey(base, ...); m_p ends after its ':'.
    bool parseKey(std::size_t base)
    {
        if (*m_p == '"' || *m_p == '\'') {
            const char *text = nullptr;
            qsizetype size = 0;
            if (!parseQuoted(text, size) || !emitKey(base, text, size))
                return false;
            const char *p = m_p;
            while (p < m_end && *p == ' ')
                ++p;
            if (p >= m_end || *p != ':' || !(atLineEnd(p + 1) || p[1] == ' '))
                return false;
            m_p = p + 1;
            return true;
        }
        if (!plainStart(m_p))
            return false;
        const char *p = m_p;
        for (;; ++p) {
            if (atLineEnd(p) || *p == '\t')
                return false;
            if (*p == '#' && p[-1] == ' ')
                return false;
            if (*p == ':' && (atLineEnd(p + 1) || p[1] == ' '))
                break;
        }
        const char *e = p;
        while (e > m_p && e[-1] == ' ')
            --e;
        // A null key is an error yaml-cpp reports.
        if (e - m_p > maxKeyLength || isNullWord(m_p, e - m_p) || !emitKey(base, m_p, e - m_p))
            return false;
        m_p = p + 1;
        return true;
    }

    // A single-line plain scalar in block context at m_p.
    bool parsePlain()
    {
        if (!plainStart(m_p))
            return false;
        const char *start = m_p;
        const char *e = m_p;
        for (const char *p = m_p; !atLineEnd(p); ++p) {
            const char c = *p;
            if (c == ' ')
                continue;
            if (c == '\t')
                return false;
            if (c == '#' && p[-1] == ' ')
                break;
            if (c == ':' && (atLineEnd(p + 1) || p[1] == ' '))
                return false; // a key where a value was expected
            e = p + 1;
        }
        m_p = e;
        return charge() && emitPlain(start, e - start);
    }

    bool parseMap(int indent)
    {
        if (!enter())
            return false;
        const std::size_t base = m_keys.size();
        m_json.append('{');
        for (bool first = true;; first = false) {
            if (!first)
                m_json.append(',');
            if (!parseKey(base) || !parseValue(indent, true))
                return false;
            if (m_next == indent) {
                if (isDashEntry(m_p))
                    return false;
                continue;
            }
            if (m_next > indent)
                return false;
            break;
        }
        closeKeys(base);
        m_json.append('}');
        --m_depth;
        return true;
    }

    bool parseSequence(int indent)
    {
        if (!enter())
            return false;
        m_json.append('[');
        for (bool first = true;; first = false) {
            if (!first)
                m_json.append(',');
            ++m_p; // the '-'
            if (!parseValue(indent, false))
                return false;
            if (m_next == indent && isDashEntry(m_p))
                continue;
            if (m_next > indent)
                return false;
            break; // the parent's next key, or less indented, or the end
        }
        m_json.append(']');
        --m_depth;
        return true;
    }

    // The value after "key:" (mapValue) or "-"; indent is the collection's.
    bool parseValue(int indent, bool mapValue)
    {
        while (m_p < m_end && *m_p == ' ')
            ++m_p;
        if (m_p < m_end && *m_p == '\t')
            return false;
        if (atLineEnd(m_p) || *m_p == '#') {
            // Nothing more on this line: a nested block below, or null.
            nextLine();
            if (!advance())
                return false;
            if (m_next > indent)
                return isDashEntry(m_p) ? parseSequence(m_next) : parseMap(m_next);
            // Kubernetes writes a map's sequences at the map's own indent.
            if (m_next == indent && mapValue && isDashEntry(m_p))
                return parseSequence(indent);
            if (!charge())
                return false;
            m_json.append("null", 4);
            return true;
        }
        switch (*m_p) {
        case '|':
        case '>':
            return parseBlockScalar(indent);
        case '[':
        case '{':
            return parseFlow() && finishLine() && advance();
        case '"':
        case '\'': {
            if (!mapValue && isKeyLine())
                return parseMap(column());
            const char *text = nullptr;
            qsizetype size = 0;
            if (!parseQuoted(text, size) || !charge())
                return false;
            emitString(text, size);
            return finishLine() && advance();
        }
        default:
            break;
        }
        if (!mapValue) {
            // "- - a" and "- key: value" start collections inside the entry.
            if (isDashEntry(m_p))
                return parseSequence(column());
            if (isKeyLine())
                return parseMap(column());
        }
        return parsePlain() && finishLine() && advance();
    }

    // A literal or folded block scalar, as yaml-cpp's ScanBlockScalar and ScanScalar read it;
    // topIndent is the enclosing collection's column.
    bool parseBlockScalar(int topIndent)
    {
        enum class Chomp
        {
            Clip,
            Strip,
            Keep
        };
        const bool folded = *m_p++ == '>';
        int indent = 1;
        bool detect = true;
        Chomp chomp = Chomp::Clip;
        bool haveChomp = false;
        bool haveDigit = false;
        for (int i = 0; i < 2 && m_p < m_end; ++i) {
            const char c = *m_p;
            if ((c == '+' || c == '-') && !haveChomp) {
                chomp = c == '+' ? Chomp::Keep : Chomp::Strip;
                haveChomp = true;
            } else if (c >= '1' && c <= '9' && !haveDigit) {
                indent = c - '0';
                detect = false;
                haveDigit = true;
            } else {
                break;
            }
            ++m_p;
        }
        const char *p = m_p;
        while (p < m_end && *p == ' ')
            ++p;
        if (p < m_end && *p == '#') {
            if (p == m_p)
                return false;
            while (!atLineEnd(p))
                ++p;
        }
        if (!atLineEnd(p))
            return false;
        indent += topIndent;

        QByteArray text;
        const char *lineStart = m_lineStart;
        int line = m_line;
        bool foundNonEmptyLine = false;
        bool pastOpeningBreak = false;
        bool emptyLine = false;
        bool moreIndented = false;
        int foldedNewlineCount = 0;
        bool foldedNewlineStartedMoreIndented = false;
        while (p < m_end) {
            // The rest of the line.
            const char *start = p;
            while (p < m_end && *p != '\n' && *p != '\r')
                ++p;
            if (p > start) {
                foundNonEmptyLine = true;
                pastOpeningBreak = true;
                text.append(start, p - start);
            }
            if (p >= m_end)
                break;
            // The line break, then the indentation of the next line.
            p += *p == '\r' ? 2 : 1;
            lineStart = p;
            ++line;
            while (p < m_end && *p == ' ' &&
                   (int(p - lineStart) < indent || (detect && !foundNonEmptyLine)))
                ++p;
            const int col = int(p - lineStart);
            if (detect && !foundNonEmptyLine)
                indent = std::max(indent, col);
            if (p < m_end && *p == '\t' && col < indent)
                return false; // a tab in the indentation: yaml-cpp's error
            const bool nextEmptyLine = p < m_end && (*p == '\n' || *p == '\r');
            const bool nextMoreIndented = p < m_end && (*p == ' ' || *p == '\t');
            if (folded && foldedNewlineCount == 0 && nextEmptyLine)
                foldedNewlineStartedMoreIndented = moreIndented;
            if (pastOpeningBreak) {
                if (!folded) {
                    text.append('\n');
                } else {
                    if (!emptyLine && !nextEmptyLine && !moreIndented && !nextMoreIndented &&
                        col >= indent)
                        text.append(' ');
                    else if (nextEmptyLine)
                        ++foldedNewlineCount;
                    else
                        text.append('\n');
                    if (!nextEmptyLine && foldedNewlineCount > 0) {
                        text.append(QByteArray(foldedNewlineCount - 1, '\n'));
                        if (foldedNewlineStartedMoreIndented || nextMoreIndented ||
                            !foundNonEmptyLine)
                            text.append('\n');
                        foldedNewlineCount = 0;
                    }
                }
            }
            emptyLine = nextEmptyLine;
            moreIndented = nextMoreIndented;
            pastOpeningBreak = true;
            if (!emptyLine && col < indent)
                break;
        }
        if (chomp != Chomp::Keep) {
            qsizetype last = text.size() - 1;
            while (last >= 0 && text.at(last) == '\n')
                --last;
            if (last < 0)
                text.clear();
            else if (chomp == Chomp::Strip)
                text.truncate(last + 1);
            else if (last + 1 < text.size())
                text.truncate(last + 2);
        }
        if (!charge())
            return false;
        emitString(text.constData(), text.size());
        // Go on at the start of the line that ended the scalar.
        if (p >= m_end) {
            m_p = m_end;
            m_lineStart = m_end;
        } else {
            m_p = lineStart;
            m_lineStart = lineStart;
        }
        m_line = line;
        return advance();
    }

    bool skipFlowSpaces()
    {
        while (m_p < m_end && *m_p == ' ')
            ++m_p;
        return !atLineEnd(m_p) && *m_p != '\t' && *m_p != '#';
    }

    // A plain scalar inside a flow collection; asKey: it must end at ": ".
    bool parseFlowPlain(bool asKey, const char *&text, qsizetype &size)
    {
        if (isIndicator(*m_p))
            return false;
        switch (*m_p) {
        case '-':
            if (atLineEnd(m_p + 1) || m_p[1] == ' ')
                return false;
            break;
        default:
            break;
        }
        const char *start = m_p;
        const char *p = m_p;
        for (;; ++p) {
            if (atLineEnd(p) || *p == '\t' || *p == '?' || *p == '[' || *p == '{')
                return false;
            if (*p == '#' && p[-1] == ' ')
                return false;
            if (*p == ',' || *p == ']' || *p == '}')
                break;
            if (*p == ':') {
                const bool ends =
                    atLineEnd(p + 1) || p[1] == ' ' || p[1] == ',' || p[1] == ']' || p[1] == '}';
                if (ends)
                    break;
            }
        }
        if ((*p == ':') != asKey)
            return false;
        const char *e = p;
        while (e > start && e[-1] == ' ')
            --e;
        if (e == start)
            return false;
        text = start;
        size = e - start;
        m_p = p;
        return true;
    }

    bool parseFlowItem()
    {
        if (*m_p == '[' || *m_p == '{')
            return parseFlow();
        const char *text = nullptr;
        qsizetype size = 0;
        if (*m_p == '"' || *m_p == '\'') {
            if (!parseQuoted(text, size) || !skipFlowSpaces() || *m_p == ':' || !charge())
                return false;
            emitString(text, size);
            return true;
        }
        return parseFlowPlain(false, text, size) && charge() && emitPlain(text, size);
    }

    // A flow collection that ends on its line.
    bool parseFlow()
    {
        if (!enter())
            return false;
        const bool isMap = *m_p++ == '{';
        const char close = isMap ? '}' : ']';
        const std::size_t base = m_keys.size();
        m_json.append(isMap ? '{' : '[');
        if (!skipFlowSpaces())
            return false;
        if (*m_p == close) {
            ++m_p;
        } else {
            for (bool first = true;; first = false) {
                if (!first)
                    m_json.append(',');
                if (isMap) {
                    const char *key = nullptr;
                    qsizetype size = 0;
                    const bool quotedKey = *m_p == '"' || *m_p == '\'';
                    if (quotedKey) {
                        if (!parseQuoted(key, size) || !skipFlowSpaces())
                            return false;
                    } else if (!parseFlowPlain(true, key, size)) {
                        return false;
                    }
                    // A plain null key is an error yaml-cpp reports.
                    if ((!quotedKey && isNullWord(key, size)) || !emitKey(base, key, size))
                        return false;
                    if (*m_p != ':' || m_p + 1 >= m_end || m_p[1] != ' ')
                        return false;
                    ++m_p;
                    if (!skipFlowSpaces() || !parseFlowItem())
                        return false;
                } else if (!parseFlowItem()) {
                    return false;
                }
                if (!skipFlowSpaces())
                    return false;
                if (*m_p == ',') {
                    ++m_p;
                    if (!skipFlowSpaces() || *m_p == ',' || *m_p == close)
                        return false;
                    continue;
                }
                if (*m_p != close)
                    return false;
                ++m_p;
                break;
            }
        }
        closeKeys(base);
        m_json.append(close);
        --m_depth;
        return true;
    }

    struct Key
    {
        qsizetype at, length; // the key as written in m_json
        std::size_t hash;
    };

    // The keys of a large map (more than scannedKeys): an open-addressing table, by hash, of
    // their indexes into m_keys plus one (0: an empty slot); its size is a power of two.
    struct KeyIndex
    {
        std::size_t base; // the map's first key in m_keys
        std::vector<std::uint32_t> table;
    };

    // The first empty slot for hash (the table is never full).
    static std::size_t slotOf(const KeyIndex &index, std::size_t hash)
    {
        const std::size_t mask = index.table.size() - 1;
        std::size_t i = hash & mask;
        while (index.table[i] != 0)
            i = (i + 1) & mask;
        return i;
    }

    // A map or flow mapping whose keys start at m_keys[base] is done.
    void closeKeys(std::size_t base)
    {
        m_keys.resize(base);
        if (!m_indexes.empty() && m_indexes.back().base == base)
            m_indexes.pop_back();
    }

    QByteArray m_json;               // the document being read, as JSON
    QByteArray m_scratch;            // a decoded quoted scalar
    std::vector<Key> m_keys;         // the keys of the maps being read, innermost last
    std::vector<KeyIndex> m_indexes; // of those maps with many keys, innermost last
    const char *m_p;
    const char *m_end;
    const char *m_lineStart = nullptr;
    int m_line;
    int m_next = -1;
    int m_depth = 0;
    qsizetype m_budget;
};

} // namespace

std::optional<QList<YamlDocument>> parseYamlFast(const QByteArray &bytes,
                                                 const YamlParseOptions &options)
{
    if (options.recordPositions || bytes.size() > options.maxInputBytes)
        return std::nullopt;
    const char *const begin = bytes.constData();
    const char *const end = begin + bytes.size();

    // A large stream is cut at "---" lines and the parts read on several threads. Every "---"
    // line at column 0 is a marker to this reader (it reads no multi-line quoted scalar, and a
    // block scalar ends at a line less indented than its parent), so the parts give the same
    // documents as one pass; the node budget is checked on their sum.
    struct Part
    {
        const char *begin;
        int line;
        QList<YamlDocument> documents;
        qsizetype used = 0;
        bool ok = false;
    };
    constexpr qsizetype minPart = 512 * 1024;
    const int threads = std::min(QThread::idealThreadCount(), 8);
    const qsizetype step = threads > 1 && bytes.size() >= 2 * minPart
                               ? std::max<qsizetype>(minPart, bytes.size() / threads)
                               : bytes.size();
    std::vector<Part> parts;
    for (const YamlSlice &slice : sliceYamlStream(bytes, step))
        parts.push_back({begin + slice.begin, slice.firstLine, {}, 0, false});
    Part *const part = parts.data();
    const qsizetype count = qsizetype(parts.size());
    Detail::parallelFor(count, 1, [&](qsizetype i) {
        Part &p = part[i];
        const char *partEnd = i + 1 < count ? part[i + 1].begin : end;
        if (!plainText(p.begin, partEnd, i == 0))
            return;
        FastReader reader(p.begin, partEnd, p.line, i == 0, options.maxNodes);
        p.ok = reader.run(p.documents);
        p.used = options.maxNodes - reader.budgetLeft();
    });
    qsizetype used = 0;
    for (const Part &p : parts) {
        if (!p.ok)
            return std::nullopt;
        used += p.used;
    }
    if (used > options.maxNodes)
        return std::nullopt;
    if (parts.size() == 1)
        return std::move(parts.front().documents);
    QList<YamlDocument> documents;
    qsizetype total = 0;
    for (const Part &p : parts)
        total += p.documents.size();
    documents.reserve(total);
    for (Part &p : parts) {
        for (YamlDocument &d : p.documents)
            documents.append(std::move(d));
    }
    return documents;
}

} // namespace Fluxdesk::YamlDetail
