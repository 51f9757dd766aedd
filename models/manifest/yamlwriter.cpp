#include "yamlwriter.h"

#include "manifest/parallel.h"

#include <QJsonArray>
#include <QRegularExpression>
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
    return QString::number(d, 'g', 17);
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
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
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
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c == QLatin1Char('\''))
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
            c.unicode() == 0x7f)
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

// Words YAML 1.1 or 1.2 readers take for null or a boolean: written quoted.
bool isSpecialWord(const QString &s)
{
    if (s.size() > 5)
        return false;
    static const char *const words[] = {"null",  "Null",  "NULL",  "~",   "true", "True", "TRUE",
                                        "false", "False", "FALSE", "yes", "Yes",  "YES",  "no",
                                        "No",    "NO",    "on",    "On",  "ON",   "off",  "Off",
                                        "OFF",   "y",     "Y",     "n",   "N"};
    for (const char *w : words) {
        if (s == QLatin1String(w))
            return true;
    }
    return false;
}

} // namespace

bool isPlainSafe(const QString &s)
{
    if (s.isEmpty() || s.front().isSpace() || s.back().isSpace())
        return false;
    static const QRegularExpression numeric(
        QStringLiteral("^([-+]?[0-9_]+(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+([eE][-+]?[0-9]"
                       "+)?|0x[0-9a-fA-F_]+|0o[0-7]+|0b[01_]+|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|"
                       "NAN)|[0-9]+(:[0-5]?[0-9])+(\\.[0-9]*)?)$"));
    const QChar first = s.at(0);
    const char16_t f = first.unicode();
    // The expressions are only tried where their first character allows a match (most strings
    // start with a letter neither can begin with).
    const bool maybeSpecial = f == u'n' || f == u'N' || f == u'~' || f == u't' || f == u'T' ||
                              f == u'f' || f == u'F' || f == u'y' || f == u'Y' || f == u'o' ||
                              f == u'O';
    const bool maybeNumeric =
        (f >= u'0' && f <= u'9') || f == u'-' || f == u'+' || f == u'.' || f == u'_';
    if ((maybeSpecial && isSpecialWord(s)) || (maybeNumeric && numeric.match(s).hasMatch()))
        return false;
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
        if (c < 0x20 || c == 0x7f || c == 0xFEFF)
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
