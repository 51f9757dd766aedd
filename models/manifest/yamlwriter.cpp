#include "yamlwriter.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QStringList>

#include <cmath>

namespace Fluxdesk {

namespace {

int keyRank(const QString &key, bool topLevel, bool inMetadata)
{
    static const QStringList top = {QStringLiteral("apiVersion"), QStringLiteral("kind"),
                                    QStringLiteral("metadata"),   QStringLiteral("spec"),
                                    QStringLiteral("data"),       QStringLiteral("stringData")};
    static const QStringList meta = {QStringLiteral("name"), QStringLiteral("namespace"),
                                     QStringLiteral("labels"), QStringLiteral("annotations")};
    const QStringList &order = topLevel ? top : meta;
    if (!topLevel && !inMetadata)
        return 0;
    const int i = int(order.indexOf(key));
    return i < 0 ? int(order.size()) : i;
}

QStringList orderedKeys(const QJsonObject &object, bool topLevel, bool inMetadata)
{
    QStringList keys = object.keys(); // alphabetical
    std::stable_sort(keys.begin(), keys.end(), [&](const QString &a, const QString &b) {
        return keyRank(a, topLevel, inMetadata) < keyRank(b, topLevel, inMetadata);
    });
    return keys;
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

QString scalarString(const QString &s)
{
    if (isPlainSafe(s))
        return s;
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

class Writer
{
public:
    QString out;

    void value(const QJsonValue &v, int indent, bool topLevel, bool inMetadata)
    {
        if (v.isObject())
            object(v.toObject(), indent, topLevel, inMetadata);
        else if (v.isArray())
            array(v.toArray(), indent);
    }

    void object(const QJsonObject &o, int indent, bool topLevel, bool inMetadata)
    {
        const QString pad(indent, QLatin1Char(' '));
        for (const QString &key : orderedKeys(o, topLevel, inMetadata)) {
            out += pad + scalarString(key) + QLatin1Char(':');
            child(o.value(key), indent, topLevel && key == QLatin1String("metadata"));
        }
    }

    void array(const QJsonArray &a, int indent)
    {
        const QString pad(indent, QLatin1Char(' '));
        for (const QJsonValue &item : a) {
            out += pad + QLatin1Char('-');
            if (item.isObject() && !item.toObject().isEmpty()) {
                // "- key: value" with the rest of the map aligned under the first key.
                Writer inner;
                inner.object(item.toObject(), indent + 2, false, false);
                out += QLatin1Char(' ') + inner.out.mid(indent + 2);
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
            object(v.toObject(), indent + 2, false, isMetadata);
        } else if (v.isArray() && !v.toArray().isEmpty()) {
            // Kubernetes style: sequence items at the same indent as the key.
            out += QLatin1Char('\n');
            array(v.toArray(), indent);
        } else {
            inline_(v, indent + 2);
        }
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
                QString body = s;
                QString chomp = QStringLiteral("|");
                if (!body.endsWith(QLatin1Char('\n')))
                    chomp = QStringLiteral("|-");
                else if (body.endsWith(QLatin1String("\n\n")))
                    chomp = QStringLiteral("|+");
                if (body.endsWith(QLatin1Char('\n')))
                    body.chop(1);
                out += QLatin1Char(' ') + chomp + QLatin1Char('\n');
                const QString pad(blockIndent, QLatin1Char(' '));
                const QStringList lines = body.split(QLatin1Char('\n'));
                for (const QString &line : lines)
                    out += (line.isEmpty() ? QString() : pad + line) + QLatin1Char('\n');
            } else {
                out += QLatin1Char(' ') + scalarString(s) + QLatin1Char('\n');
            }
            break;
        }
        }
    }
};

} // namespace

bool isPlainSafe(const QString &s)
{
    if (s.isEmpty() || s != s.trimmed())
        return false;
    static const QRegularExpression special(
        QStringLiteral("^(null|Null|NULL|~|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|"
                       "on|On|ON|off|Off|OFF|y|Y|n|N)$"));
    static const QRegularExpression numeric(
        QStringLiteral("^([-+]?[0-9_]+(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+([eE][-+]?[0-9]"
                       "+)?|0x[0-9a-fA-F_]+|0o[0-7]+|0b[01_]+|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|"
                       "NAN)|[0-9]+(:[0-5]?[0-9])+(\\.[0-9]*)?)$"));
    if (special.match(s).hasMatch() || numeric.match(s).hasMatch())
        return false;
    const QChar first = s.at(0);
    // "--port", "-v": a '-' followed by a non-space starts a plain scalar (kubectl writes args
    // this way); "---" could read as a document marker, so it stays quoted.
    const bool dashWord = first == QLatin1Char('-') && s.size() > 1 &&
                          s.at(1) != QLatin1Char(' ') && s.at(1) != QLatin1Char('\t') &&
                          !s.startsWith(QLatin1String("---"));
    if (!dashWord && QStringLiteral("-?:,[]{}#&*!|>'\"%@`").contains(first)) {
        // "-foo", "?x", ":x" are plain when followed by a non-space; keep it simple and quote.
        return false;
    }
    if (s.contains(QLatin1String(": ")) || s.contains(QLatin1String(" #")) ||
        s.endsWith(QLatin1Char(':')))
        return false;
    for (const QChar c : s) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c == QChar(0xFEFF))
            return false;
    }
    return true;
}

QString toYaml(const QJsonValue &value)
{
    Writer w;
    if (value.isObject() && !value.toObject().isEmpty())
        w.object(value.toObject(), 0, true, false);
    else if (value.isArray() && !value.toArray().isEmpty())
        w.array(value.toArray(), 0);
    else {
        w.inline_(value, 2);
        w.out = w.out.mid(1);
    }
    return w.out;
}

QString toYamlDocuments(const QList<QJsonObject> &documents)
{
    QString out;
    for (qsizetype i = 0; i < documents.size(); ++i) {
        if (i > 0)
            out += QLatin1String("---\n");
        out += toYaml(documents.at(i));
    }
    return out;
}

} // namespace Fluxdesk
