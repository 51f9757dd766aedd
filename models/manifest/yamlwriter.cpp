#include "yamlwriter.h"

#include "manifest/parallel.h"

#include <QJsonArray>
#include <QStringList>
#include <QVarLengthArray>
#include <QVector>

#include <algorithm>

#include <cmath>

namespace Fluxdesk {

namespace {

int keyRank(const QString &key, bool topLevel)
{
    static const QStringList top = {QStringLiteral("apiVersion"), QStringLiteral("kind"),
                                    QStringLiteral("metadata"),   QStringLiteral("spec"),
                                    QStringLiteral("data"),       QStringLiteral("stringData")};
    static const QStringList meta = {QStringLiteral("name"), QStringLiteral("namespace"),
                                     QStringLiteral("labels"), QStringLiteral("annotations")};
    const QStringList &order = topLevel ? top : meta;
    const int i = int(order.indexOf(key));
    return i < 0 ? int(order.size()) : i;
}

QString number(double d)
{
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15)
        return QString::number(qint64(d));
    QString text = QString::number(d, 'g', 17);
    // YAML 1.1 (PyYAML) takes an exponent for a float only after a '.': "1e+20" would read back
    // as a string there, "1.0e+20" is a float to every reader.
    const qsizetype e = text.indexOf(QLatin1Char('e'));
    if (e > 0 && !QStringView(text).left(e).contains(QLatin1Char('.')))
        text.insert(e, QLatin1String(".0"));
    return text;
}

// Characters a reader does not take raw: outside YAML's printable set (C0 controls but tab, line
// feed and carriage return; DEL; the C1 controls; U+FFFE, U+FFFF), or read as a line break by
// YAML 1.1 readers such as PyYAML (NEL, U+2028, U+2029). Written escaped, in double quotes.
bool isUnprintable(char16_t c)
{
    return (c < 0x20 && c != u'\t' && c != u'\n' && c != u'\r') || (c >= 0x7f && c <= 0x9f) ||
           c == 0x2028 || c == 0x2029 || c == 0xFFFE || c == 0xFFFF;
}

QString doubleQuoted(const QString &s)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '"':
            out += QLatin1String("\\\"");
            break;
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        default:
            if (isUnprintable(c.unicode()))
                out += c.unicode() <= 0xff
                           ? QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'))
                           : QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out + QLatin1Char('"');
}

// A string that is not plain-safe, quoted.
QString quoted(const QString &s)
{
    for (const QChar c : s) {
        if (c.unicode() < 0x20 || isUnprintable(c.unicode()) || c == QLatin1Char('\''))
            return doubleQuoted(s);
    }
    return QLatin1Char('\'') + s + QLatin1Char('\'');
}

bool literalBlockFits(const QString &s)
{
    if (!s.contains(QLatin1Char('\n')) || s.startsWith(QLatin1Char(' ')) ||
        s.startsWith(QLatin1Char('\n')))
        return false;
    for (const QChar c : s) {
        if ((c.unicode() < 0x20 && c != QLatin1Char('\n') && c != QLatin1Char('\t')) ||
            isUnprintable(c.unicode()))
            return false;
    }
    // Trailing spaces on a line survive a literal block, but a run of trailing newlines needs "|+".
    return true;
}

// Appends to one string: members are read through iterators (no key lists, no lookups), and only
// the top level and metadata, whose keys have a conventional order, are sorted.
class Writer
{
public:
    QString out;

    void pad(int indent) { out.resize(out.size() + indent, QLatin1Char(' ')); }

    // A whole document, as toYaml() writes it.
    void document(const QJsonValue &value)
    {
        if (value.isObject() && !value.toObject().isEmpty()) {
            object(value.toObject(), 0, true, false, false);
        } else if (value.isArray() && !value.toArray().isEmpty()) {
            array(value.toArray(), 0);
        } else {
            Writer w;
            w.inline_(value, 2);
            out += QStringView(w.out).mid(1);
        }
    }

    // firstInline: the first member goes on the current line (after "- ").
    void object(const QJsonObject &o, int indent, bool topLevel, bool inMetadata, bool firstInline)
    {
        if (!topLevel && !inMetadata) {
            bool first = true;
            for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
                member(it.key(), it.value(), indent, false, !(first && firstInline));
                first = false;
            }
            return;
        }
        // Alphabetical (the object's order), then stably by the conventional rank.
        struct Ranked
        {
            int rank;
            QJsonObject::const_iterator it;
        };
        QVarLengthArray<Ranked, 32> members;
        for (auto it = o.constBegin(); it != o.constEnd(); ++it)
            members.append({keyRank(it.key(), topLevel), it});
        std::stable_sort(members.begin(), members.end(),
                         [](const Ranked &a, const Ranked &b) { return a.rank < b.rank; });
        bool first = true;
        for (const Ranked &m : members) {
            const QString key = m.it.key();
            member(key, m.it.value(), indent, topLevel && key == QLatin1String("metadata"),
                   !(first && firstInline));
            first = false;
        }
    }

    void member(const QString &key, const QJsonValue &value, int indent, bool isMetadata,
                bool padded)
    {
        if (padded)
            pad(indent);
        appendScalar(key);
        out += QLatin1Char(':');
        child(value, indent, isMetadata);
    }

    void array(const QJsonArray &a, int indent)
    {
        for (const QJsonValue &item : a) {
            pad(indent);
            out += QLatin1Char('-');
            if (item.isObject() && !item.toObject().isEmpty()) {
                // "- key: value" with the rest of the map aligned under the first key.
                out += QLatin1Char(' ');
                object(item.toObject(), indent + 2, false, false, true);
            } else if (item.isArray() && !item.toArray().isEmpty()) {
                out += QLatin1Char('\n');
                array(item.toArray(), indent + 2);
            } else {
                inline_(item, indent + 2);
            }
        }
    }

    // After "key:" or "-": a scalar on the same line, or a nested block below.
    void child(const QJsonValue &v, int indent, bool isMetadata)
    {
        if (v.isObject() && !v.toObject().isEmpty()) {
            out += QLatin1Char('\n');
            object(v.toObject(), indent + 2, false, isMetadata, false);
        } else if (v.isArray() && !v.toArray().isEmpty()) {
            // Kubernetes style: sequence items at the same indent as the key.
            out += QLatin1Char('\n');
            array(v.toArray(), indent);
        } else {
            inline_(v, indent + 2);
        }
    }

    void appendScalar(const QString &s)
    {
        if (isPlainSafe(s))
            out += s;
        else
            out += quoted(s);
    }

    void inline_(const QJsonValue &v, int blockIndent)
    {
        switch (v.type()) {
        case QJsonValue::Null:
        case QJsonValue::Undefined:
            out += QLatin1String(" null\n");
            break;
        case QJsonValue::Bool:
            out += v.toBool() ? QLatin1String(" true\n") : QLatin1String(" false\n");
            break;
        case QJsonValue::Double:
            out += QLatin1Char(' ') + number(v.toDouble()) + QLatin1Char('\n');
            break;
        case QJsonValue::Object:
            out += QLatin1String(" {}\n");
            break;
        case QJsonValue::Array:
            out += QLatin1String(" []\n");
            break;
        case QJsonValue::String: {
            const QString s = v.toString();
            if (literalBlockFits(s)) {
                QStringView body(s);
                QLatin1String chomp("|");
                if (!body.endsWith(QLatin1Char('\n')))
                    chomp = QLatin1String("|-");
                else if (body.endsWith(QLatin1String("\n\n")))
                    chomp = QLatin1String("|+");
                if (body.endsWith(QLatin1Char('\n')))
                    body.chop(1);
                out += QLatin1Char(' ') + chomp + QLatin1Char('\n');
                // Every line indented, empty lines left empty.
                qsizetype start = 0;
                for (;;) {
                    const qsizetype nl = body.indexOf(QLatin1Char('\n'), start);
                    const QStringView line =
                        body.mid(start, nl < 0 ? body.size() - start : nl - start);
                    if (!line.isEmpty()) {
                        pad(blockIndent);
                        out += line;
                    }
                    out += QLatin1Char('\n');
                    if (nl < 0)
                        break;
                    start = nl + 1;
                }
            } else {
                out += QLatin1Char(' ');
                appendScalar(s);
                out += QLatin1Char('\n');
            }
            break;
        }
        }
    }
};

} // namespace

namespace {

// What decides whether a plain scalar reads back as a string. Fluxdesk's output is read by
// YAML 1.1 readers (PyYAML; Go's yaml.v2, which sigs.k8s.io/yaml and so kubectl and kustomize
// use to turn YAML into JSON) and YAML 1.2 ones (yaml.v3 and kyaml, Fluxdesk's own parser), and
// each types plain scalars its own way. A string is written plain only when none of them would
// take it for anything but a string; the rules below are the union of their resolvers:
// PyYAML's resolver.py (YAML 1.1's regular expressions), go-yaml's resolve.go in v2 and v3
// (a lookup table of words, then timestamps, strconv.ParseInt/ParseUint with base 0 and
// strconv.ParseFloat on the text with every '_' removed) and YAML 1.2's core schema.

bool isDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}

// null/bool words. PyYAML and yaml.v2 know three spellings of each (yes, Yes, YES), yaml.v2 adds
// y/Y/n/N and yaml.v3 keeps true/false; a mixed-case "yEs" is a string to all of them, but
// quoting every case costs nothing and outlives any reader that compares case-insensitively.
bool isTypedWord(QStringView s)
{
    if (s.size() > 5)
        return false;
    if (s.size() == 1 && s.front() == QLatin1Char('~'))
        return true;
    static const char *const words[] = {"null", "true", "false", "yes", "no",
                                        "on",   "off",  "y",     "n"};
    for (const char *w : words) {
        if (s.compare(QLatin1String(w), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// A cursor that steps over '_': go-yaml removes every underscore before it tries a number, and
// PyYAML allows them between digits, so "1_000", "0x_1F" and "1__0" are all numbers.
class Digits
{
public:
    explicit Digits(QStringView s) : m_s(s) {}

    char16_t peek()
    {
        while (m_i < m_s.size() && m_s[m_i] == QLatin1Char('_'))
            ++m_i;
        return m_i < m_s.size() ? m_s[m_i].unicode() : u'\0';
    }
    void next() { ++m_i; }
    bool atEnd() { return peek() == u'\0'; }
    // Skips decimal digits; how many there were.
    int skipDigits()
    {
        int count = 0;
        while (isDigit(peek())) {
            next();
            ++count;
        }
        return count;
    }
    bool accept(char16_t c)
    {
        if (peek() != c)
            return false;
        next();
        return true;
    }
    // The raw characters left, underscores included.
    qsizetype rawLeft() const { return m_s.size() - m_i; }

private:
    QStringView m_s;
    qsizetype m_i = 0;
};

// [eE][-+]?[0-9]+ to the end (go-yaml's and YAML 1.2's exponent; PyYAML's needs the sign).
bool exponentToEnd(Digits &d)
{
    if (!d.accept(u'e') && !d.accept(u'E'))
        return false;
    if (!d.accept(u'-'))
        d.accept(u'+');
    return d.skipDigits() > 0 && d.atEnd();
}

// Integers in any base and sign, floats, infinities, NaN and base-60 numbers, with '_' ignored:
// 0x1F 0X1F +0x1F -0b101 0B1 0o17 0O17 0755 09 1_000 1e5 1E+5 .5 +.5 1. +1.5e-3 .inf -.Inf .NaN
// 190:20:30 -1:30 1:30.5. s starts with a digit, a sign or '.'.
bool isTypedNumber(QStringView s)
{
    Digits d(s);
    if (!d.accept(u'-'))
        d.accept(u'+');
    if (d.accept(u'.')) {
        // ".inf" and ".nan" in any case (the readers know three spellings each).
        if (d.rawLeft() == 3) {
            const QStringView word = s.right(3);
            if (word.compare(QLatin1String("inf"), Qt::CaseInsensitive) == 0 ||
                word.compare(QLatin1String("nan"), Qt::CaseInsensitive) == 0)
                return true;
        }
        // .5, .5e3: strconv.ParseFloat and both float patterns.
        return d.skipDigits() > 0 && (d.atEnd() || exponentToEnd(d));
    }
    if (d.peek() == u'0') {
        d.next();
        const char16_t radix = d.peek();
        if (radix == u'x' || radix == u'X' || radix == u'o' || radix == u'O' || radix == u'b' ||
            radix == u'B') {
            d.next();
            // "0x" alone is a string everywhere, but PyYAML already takes "0x_" and "0b_" for
            // (broken) numbers: any character after the prefix counts.
            if (d.rawLeft() == 0)
                return false;
            for (char16_t c = d.peek(); c != u'\0'; d.next(), c = d.peek()) {
                const bool ok =
                    (radix == u'x' || radix == u'X')
                        ? (isDigit(c) || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F'))
                    : (radix == u'o' || radix == u'O') ? (c >= u'0' && c <= u'7')
                                                       : (c == u'0' || c == u'1');
                if (!ok)
                    return false;
            }
            return true;
        }
    } else if (d.skipDigits() == 0) {
        return false; // "-x", "--port", "+": not a number
    }
    d.skipDigits();
    // Every run of digits is a number: an int, a YAML 1.1 octal (0755) or, for go-yaml, a float
    // when ParseInt refuses it (09, or beyond 64 bits).
    if (d.atEnd())
        return true;
    if (d.peek() == u':') {
        // Base 60 (YAML 1.1): [0-9]+(:[0-5]?[0-9])+(\.[0-9]*)?, as PyYAML reads it and as
        // yaml.v3 and kyaml quote it.
        while (d.accept(u':')) {
            const char16_t first = d.peek();
            if (!isDigit(first))
                return false;
            d.next();
            if (isDigit(d.peek())) {
                if (first > u'5')
                    return false;
                d.next();
            }
        }
        if (d.accept(u'.'))
            d.skipDigits();
        return d.atEnd();
    }
    if (d.accept(u'.')) {
        d.skipDigits();
        return d.atEnd() || exponentToEnd(d);
    }
    return exponentToEnd(d);
}

// Dates and times: YAML 1.1's timestamp (PyYAML) and the layouts go-yaml hands to time.Parse
// ("2006-1-2", "2006-1-2T15:4:5.999999999Z07:00" with 'T' or 't', "2006-1-2 15:4:5.999999999"):
// one- or two-digit month, day, hour, minute and second, a '.' or ',' fraction, an optional zone
// (Z, -5, +07:00) after optional blanks. Dates are matched by shape, not checked: go-yaml keeps an
// impossible "2024-02-30" a string but PyYAML fails to load it.
bool isTimestamp(QStringView s)
{
    const qsizetype n = s.size();
    qsizetype i = 0;
    // n digits (min..max) at i.
    auto digits = [&](int min, int max) {
        int count = 0;
        while (i < n && count < max && isDigit(s[i].unicode())) {
            ++i;
            ++count;
        }
        return count >= min;
    };
    auto accept = [&](char16_t c) {
        if (i < n && s[i].unicode() == c) {
            ++i;
            return true;
        }
        return false;
    };
    auto blank = [&] { return i < n && (s[i] == QLatin1Char(' ') || s[i] == QLatin1Char('\t')); };
    if (!digits(4, 4) || !accept(u'-') || !digits(1, 2) || !accept(u'-') || !digits(1, 2))
        return false;
    if (i == n)
        return true;
    if (!accept(u'T') && !accept(u't')) {
        if (!blank())
            return false;
        while (blank())
            ++i;
    }
    if (!digits(1, 2) || !accept(u':') || !digits(1, 2) || !accept(u':') || !digits(1, 2))
        return false;
    if (accept(u'.') || accept(u','))
        digits(0, int(n));
    while (blank())
        ++i;
    if (accept(u'Z'))
        return i == n;
    if (accept(u'+') || accept(u'-')) {
        if (!digits(1, 2))
            return false;
        if (accept(u':') && !digits(2, 2))
            return false;
    }
    return i == n;
}

} // namespace

bool isPlainSafe(const QString &s)
{
    if (s.isEmpty() || s.front().isSpace() || s.back().isSpace())
        return false;
    const QChar first = s.at(0);
    const char16_t f = first.unicode();
    // Only a few first characters can start a typed scalar, so most strings (names, images,
    // paths, which start with a letter) never reach the checks below.
    switch (f) {
    case u'n':
    case u'N':
    case u'~':
    case u't':
    case u'T':
    case u'f':
    case u'F':
    case u'y':
    case u'Y':
    case u'o':
    case u'O':
        if (isTypedWord(s))
            return false;
        break;
    case u'<':
    case u'=':
        // YAML 1.1's merge key and value key: PyYAML's safe loader fails on both as values.
        if (s == QLatin1String("<<") || s == QLatin1String("="))
            return false;
        break;
    case u'0':
    case u'1':
    case u'2':
    case u'3':
    case u'4':
    case u'5':
    case u'6':
    case u'7':
    case u'8':
    case u'9':
        if (isTimestamp(s))
            return false;
        Q_FALLTHROUGH();
    case u'-':
    case u'+':
    case u'.':
        if (isTypedNumber(s))
            return false;
        break;
    default:
        break;
    }
    // "--port", "-v": a '-' followed by a non-space starts a plain scalar (kubectl writes args
    // this way); "---" could read as a document marker, so it stays quoted.
    const bool dashWord = first == QLatin1Char('-') && s.size() > 1 &&
                          s.at(1) != QLatin1Char(' ') && s.at(1) != QLatin1Char('\t') &&
                          !s.startsWith(QLatin1String("---"));
    if (!dashWord && QLatin1String("-?:,[]{}#&*!|>'\"%@`").contains(first)) {
        // "-foo", "?x", ":x" are plain when followed by a non-space; keep it simple and quote.
        return false;
    }
    // No ": ", no " #", no final ':', no control characters or byte order marks.
    const qsizetype n = s.size();
    const QChar *d = s.constData();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = d[i].unicode();
        if (c < 0x20 || isUnprintable(c) || c == 0xFEFF)
            return false;
        if (c == u':' && (i + 1 == n || d[i + 1] == QLatin1Char(' ')))
            return false;
        if (c == u'#' && i > 0 && d[i - 1] == QLatin1Char(' '))
            return false;
    }
    return true;
}

QString toYaml(const QJsonValue &value)
{
    Writer w;
    w.document(value);
    return w.out;
}

QString toYamlDocuments(const QList<QJsonObject> &documents)
{
    // Documents are written independently (on several threads for a large export), then joined.
    QVector<QString> parts(documents.size());
    QString *const part = parts.data();
    Detail::parallelFor(documents.size(), 256, [&](qsizetype i) {
        Writer w;
        w.document(documents.at(i));
        part[i] = std::move(w.out);
    });
    return joinYamlDocuments(parts);
}

QString joinYamlDocuments(const QVector<QString> &parts)
{
    qsizetype size = 0;
    for (const QString &p : parts)
        size += p.size() + 4;
    QString out;
    out.reserve(size);
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (i > 0)
            out += QLatin1String("---\n");
        out += parts.at(i);
    }
    return out;
}

} // namespace Fluxdesk
