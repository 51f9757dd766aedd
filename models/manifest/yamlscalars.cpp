#include "manifest/yamlfast.h"

#include <QRegularExpression>

#include <cstdlib>

// How the YAML reader types scalars: YAML 1.2's core schema (null, bool, int, float) for plain
// ones, strings for quoted ones. Shared by the fast reader and the yaml-cpp one.

namespace Fluxdesk::YamlDetail {

namespace {

QJsonValue integerValue(const QString &text)
{
    bool ok = false;
    const qlonglong v = text.toLongLong(&ok);
    // Beyond 2^53 a double would change the value; keep the digits as text.
    if (ok && std::llabs(v) <= (qlonglong(1) << 53))
        return QJsonValue(double(v));
    return QJsonValue(text);
}

// The reference typing of a plain scalar; plain() answers the common cases without regular
// expressions and falls back to this for everything else, so both always agree.
QJsonValue plainByRegex(const QString &text)
{
    static const QRegularExpression nullRe(QStringLiteral("^(null|Null|NULL|~|)$"));
    static const QRegularExpression trueRe(QStringLiteral("^(true|True|TRUE)$"));
    static const QRegularExpression falseRe(QStringLiteral("^(false|False|FALSE)$"));
    static const QRegularExpression intRe(QStringLiteral("^[-+]?[0-9]+$"));
    static const QRegularExpression octRe(QStringLiteral("^0o[0-7]+$"));
    static const QRegularExpression hexRe(QStringLiteral("^0x[0-9a-fA-F]+$"));
    static const QRegularExpression floatRe(
        QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
    static const QRegularExpression infRe(QStringLiteral("^[-+]?\\.(inf|Inf|INF)$"));
    static const QRegularExpression nanRe(QStringLiteral("^\\.(nan|NaN|NAN)$"));

    if (nullRe.match(text).hasMatch())
        return QJsonValue(QJsonValue::Null);
    if (trueRe.match(text).hasMatch())
        return QJsonValue(true);
    if (falseRe.match(text).hasMatch())
        return QJsonValue(false);
    bool ok = false;
    if (intRe.match(text).hasMatch())
        return integerValue(text);
    if (octRe.match(text).hasMatch()) {
        const qlonglong v = text.mid(2).toLongLong(&ok, 8);
        return ok ? QJsonValue(double(v)) : QJsonValue(text);
    }
    if (hexRe.match(text).hasMatch()) {
        const qlonglong v = text.mid(2).toLongLong(&ok, 16);
        return ok ? QJsonValue(double(v)) : QJsonValue(text);
    }
    if (floatRe.match(text).hasMatch()) {
        const double v = text.toDouble(&ok);
        return ok ? QJsonValue(v) : QJsonValue(text);
    }
    // JSON cannot hold infinities or NaN: keep them as the text the user wrote.
    if (infRe.match(text).hasMatch() || nanRe.match(text).hasMatch())
        return QJsonValue(text);
    return QJsonValue(text);
}

bool isAsciiDigit(ushort u)
{
    return u >= '0' && u <= '9';
}

// ^0o[0-7]+$ (radix 'o') or ^0x[0-9a-fA-F]+$ (radix 'x').
bool isRadixNumber(const QString &text, char16_t radix)
{
    if (text.size() < 3 || text.at(0) != QLatin1Char('0') || text.at(1).unicode() != radix)
        return false;
    for (qsizetype i = 2; i < text.size(); ++i) {
        const ushort u = text.at(i).unicode();
        const bool digit =
            radix == u'o' ? (u >= '0' && u <= '7')
                          : (isAsciiDigit(u) || (u >= 'a' && u <= 'f') || (u >= 'A' && u <= 'F'));
        if (!digit)
            return false;
    }
    return true;
}

// ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
bool isFloatNumber(const QString &text)
{
    const qsizetype n = text.size();
    qsizetype i = 0;
    auto digitsFrom = [&](qsizetype from) {
        qsizetype k = from;
        while (k < n && isAsciiDigit(text.at(k).unicode()))
            ++k;
        return k;
    };
    if (i < n && (text.at(i) == QLatin1Char('-') || text.at(i) == QLatin1Char('+')))
        ++i;
    if (i < n && text.at(i) == QLatin1Char('.')) {
        const qsizetype end = digitsFrom(i + 1);
        if (end == i + 1)
            return false;
        i = end;
    } else {
        const qsizetype end = digitsFrom(i);
        if (end == i)
            return false;
        i = end;
        if (i < n && text.at(i) == QLatin1Char('.'))
            i = digitsFrom(i + 1);
    }
    if (i < n && (text.at(i) == QLatin1Char('e') || text.at(i) == QLatin1Char('E'))) {
        ++i;
        if (i < n && (text.at(i) == QLatin1Char('-') || text.at(i) == QLatin1Char('+')))
            ++i;
        const qsizetype end = digitsFrom(i);
        if (end == i)
            return false;
        i = end;
    }
    return i == n;
}

// Every pattern in plainByRegex() needs its first character to be one of these (or the whole
// text to be empty, optionally followed by the newline that '$' also accepts).
QJsonValue plain(const QString &text)
{
    if (text.isEmpty())
        return QJsonValue(QJsonValue::Null);
    const ushort first = text.at(0).unicode();
    const bool numeric = isAsciiDigit(first) || first == '-' || first == '+' || first == '.';
    const bool word = first == 'n' || first == 'N' || first == 't' || first == 'T' ||
                      first == 'f' || first == 'F' || first == '~';
    if (!numeric && !word) {
        if (text == QLatin1String("\n"))
            return plainByRegex(text);
        return QJsonValue(text);
    }
    // '$' also matches before a final newline: leave such texts to the regular expressions.
    if (text.endsWith(QLatin1Char('\n')))
        return plainByRegex(text);
    if (word) {
        if (text == QLatin1String("null") || text == QLatin1String("Null") ||
            text == QLatin1String("NULL") || text == QLatin1String("~"))
            return QJsonValue(QJsonValue::Null);
        if (text == QLatin1String("true") || text == QLatin1String("True") ||
            text == QLatin1String("TRUE"))
            return QJsonValue(true);
        if (text == QLatin1String("false") || text == QLatin1String("False") ||
            text == QLatin1String("FALSE"))
            return QJsonValue(false);
        return QJsonValue(text); // no numeric pattern starts with a letter or '~'
    }
    qsizetype i = (first == '-' || first == '+') ? 1 : 0;
    bool digits = i < text.size();
    for (; digits && i < text.size(); ++i)
        digits = isAsciiDigit(text.at(i).unicode());
    if (digits)
        return integerValue(text);
    // The patterns of plainByRegex() that remain, by hand: a uid or an IP address is tried on
    // every object of an export. Infinities and NaN stay text there too.
    bool ok = false;
    if (isRadixNumber(text, u'o')) {
        const qlonglong v = text.mid(2).toLongLong(&ok, 8);
        return ok ? QJsonValue(double(v)) : QJsonValue(text);
    }
    if (isRadixNumber(text, u'x')) {
        const qlonglong v = text.mid(2).toLongLong(&ok, 16);
        return ok ? QJsonValue(double(v)) : QJsonValue(text);
    }
    if (isFloatNumber(text)) {
        const double v = text.toDouble(&ok);
        return ok ? QJsonValue(v) : QJsonValue(text);
    }
    return QJsonValue(text);
}

} // namespace

QJsonValue plainScalarValue(const QString &text)
{
    return plain(text);
}

QJsonValue scalarValue(const std::string &tag, const std::string &raw)
{
    const QString text = QString::fromStdString(raw);
    // "!" marks a quoted (non-plain) scalar; explicit !!str tags also stay strings.
    if (tag == "!" || tag == "tag:yaml.org,2002:str")
        return QJsonValue(text);
    if (tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float" ||
        tag == "tag:yaml.org,2002:bool" || tag == "tag:yaml.org,2002:null" || tag == "?") {
        return plain(text);
    }
    return QJsonValue(text);
}

} // namespace Fluxdesk::YamlDetail
