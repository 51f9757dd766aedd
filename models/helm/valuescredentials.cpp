#include "valuescredentials.h"

#include "kube/helmreleaserecord.h"
#include "manifest/yamljson.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

#include <cmath>

namespace Fluxdesk {

namespace {

// A key Helm's strvals (and so Flux's targetPath) can address without ambiguity.
bool addressableKey(const QString &key)
{
    static const QRegularExpression plain(QStringLiteral("^[a-zA-Z0-9_\\-./]+$"));
    return !key.isEmpty() && plain.match(key).hasMatch();
}

// Where a finding would go through valuesFrom (its targetPath), or why it cannot.
void setTarget(CredentialFinding &finding)
{
    const bool inList = std::any_of(finding.segments.cbegin(), finding.segments.cend(),
                                    [](const ValuesPathSegment &s) { return s.index >= 0; });
    if (inList) {
        // Helm replaces lists wholesale when it merges spec.values over valuesFrom, so a value
        // moved out of a list element would be lost.
        finding.notMovableReason = QCoreApplication::translate(
            "ValuesCredentials", "it is inside a list; move the whole list by hand");
        return;
    }
    QStringList parts;
    for (const ValuesPathSegment &segment : std::as_const(finding.segments)) {
        if (!addressableKey(segment.key)) {
            finding.notMovableReason =
                QCoreApplication::translate("ValuesCredentials",
                                            "the key \"%1\" cannot be written as a targetPath")
                    .arg(segment.key);
            return;
        }
        QString part = segment.key;
        part.replace(QLatin1Char('.'), QStringLiteral("\\."));
        parts.append(part);
    }
    if (!parts.isEmpty())
        finding.targetPath = parts.join(QLatin1Char('.'));
    if (finding.targetPath.size() > 250) {
        finding.targetPath.clear();
        finding.notMovableReason =
            QCoreApplication::translate("ValuesCredentials", "the path is too long");
    }
}

void scan(const QJsonValue &value, QList<ValuesPathSegment> &segments, const QString &path,
          QList<CredentialFinding> &out)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            segments.append({it.key(), -1});
            scan(it.value(), segments, yamlPathKey(path, it.key()), out);
            segments.removeLast();
        }
        return;
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (int i = 0; i < array.size(); ++i) {
            segments.append({QString(), i});
            scan(array.at(i), segments, yamlPathIndex(path, i), out);
            segments.removeLast();
        }
        return;
    }
    QString text;
    if (value.isString())
        text = value.toString();
    else if (value.isDouble())
        text = QString::number(value.toDouble());
    if (text.isEmpty())
        return; // null, booleans and empty strings hold no credential
    QString key;
    for (auto it = segments.crbegin(); it != segments.crend(); ++it) {
        if (it->index < 0) {
            key = it->key;
            break;
        }
    }
    CredentialFinding finding;
    if (!segments.isEmpty() && segments.last().index < 0 && looksLikeCredentialKey(key))
        finding.reason = CredentialFinding::Reason::KeyName;
    else if (value.isString() && looksRandom(text))
        finding.reason = CredentialFinding::Reason::RandomLooking;
    else
        return;
    finding.segments = segments;
    finding.path = path;
    finding.value = value;
    setTarget(finding);
    out.append(finding);
}

// Removes the value at segments (map keys only) from object; maps left empty by the removal go
// too. A path through something other than a map leaves object as it is.
QJsonObject removePath(QJsonObject object, const QList<ValuesPathSegment> &segments, int at)
{
    const QString &key = segments.at(at).key;
    if (at == segments.size() - 1) {
        object.remove(key);
        return object;
    }
    if (!object.value(key).isObject())
        return object;
    const QJsonObject child = removePath(object.value(key).toObject(), segments, at + 1);
    if (child.isEmpty())
        object.remove(key);
    else
        object.insert(key, child);
    return object;
}

// Sets the value at segments[at..] under node: maps are created where none is, a list index must
// exist. False (node unchanged) when the path cannot be followed.
bool setAt(QJsonValue &node, const QList<ValuesPathSegment> &segments, int at,
           const QJsonValue &value)
{
    const ValuesPathSegment &segment = segments.at(at);
    const bool last = at == segments.size() - 1;
    if (segment.index >= 0) {
        if (!node.isArray())
            return false;
        QJsonArray array = node.toArray();
        if (segment.index >= array.size())
            return false;
        QJsonValue child = array.at(segment.index);
        if (last)
            child = value;
        else if (!setAt(child, segments, at + 1, value))
            return false;
        array.replace(segment.index, child);
        node = array;
        return true;
    }
    if (!node.isObject() && !node.isNull() && !node.isUndefined())
        return false;
    QJsonObject object = node.toObject();
    QJsonValue child = object.value(segment.key);
    if (last)
        child = value;
    else if (!setAt(child, segments, at + 1, value))
        return false;
    object.insert(segment.key, child);
    node = object;
    return true;
}

// Takes the value at segments[at..] out of node: a map key goes, a list item becomes null (the
// indices of the items after it, which other paths use, stay).
void clearAt(QJsonValue &node, const QList<ValuesPathSegment> &segments, int at)
{
    const ValuesPathSegment &segment = segments.at(at);
    const bool last = at == segments.size() - 1;
    if (segment.index >= 0) {
        QJsonArray array = node.toArray();
        if (!node.isArray() || segment.index >= array.size())
            return;
        QJsonValue child = array.at(segment.index);
        if (last)
            child = QJsonValue::Null;
        else
            clearAt(child, segments, at + 1);
        array.replace(segment.index, child);
        node = array;
        return;
    }
    if (!node.isObject())
        return;
    QJsonObject object = node.toObject();
    if (last) {
        object.remove(segment.key);
    } else {
        QJsonValue child = object.value(segment.key);
        clearAt(child, segments, at + 1);
        object.insert(segment.key, child);
    }
    node = object;
}

QString secretKeyFor(const QString &targetPath, QSet<QString> &used)
{
    QString key = targetPath;
    key.replace(QStringLiteral("\\."), QStringLiteral("."));
    for (QChar &c : key) {
        const bool ok = c.isLetterOrNumber() && c.unicode() < 128;
        if (!ok && c != QLatin1Char('-') && c != QLatin1Char('.') && c != QLatin1Char('_'))
            c = QLatin1Char('_');
    }
    key = key.left(240);
    QString unique = key;
    for (int n = 2; used.contains(unique); ++n)
        unique = key + QLatin1Char('-') + QString::number(n);
    used.insert(unique);
    return unique;
}

} // namespace

bool looksLikeCredentialKey(const QString &key)
{
    static const QRegularExpression credential(
        QStringLiteral("password|passwd|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|"
                       "credentials"),
        QRegularExpression::CaseInsensitiveOption);
    // Keys that say where a credential is kept, or switch one on, rather than holding it.
    static const QRegularExpression reference(
        QStringLiteral(
            "^(existing|create)|(name|ref|file|path|enabled|create|mount|template|type|policy|"
            "length|annotations|labels|selector)$|^(password|passwd|user|username|"
            "token|credentials|admin[-_]?password|admin[-_]?user)[-_]?key$"),
        QRegularExpression::CaseInsensitiveOption);
    return credential.match(key).hasMatch() && !reference.match(key).hasMatch();
}

bool looksRandom(const QString &text)
{
    if (text.size() < 20 || text.size() > 4096)
        return false;
    if (text.contains(QLatin1String("://")) || text.startsWith(QLatin1Char('/')) ||
        text.contains(QLatin1String("sha256:")))
        return false;
    bool letter = false;
    bool digit = false;
    QHash<QChar, int> counts;
    for (const QChar c : text) {
        if (c.isSpace())
            return false;
        letter = letter || c.isLetter();
        digit = digit || c.isDigit();
        ++counts[c];
    }
    if (!letter || !digit)
        return false;
    double entropy = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        const double p = double(it.value()) / double(text.size());
        entropy -= p * std::log2(p);
    }
    return entropy >= 3.5;
}

QList<CredentialFinding> findCredentialValues(const QJsonObject &values)
{
    QList<CredentialFinding> out;
    QList<ValuesPathSegment> segments;
    scan(values, segments, QString(), out);
    return out;
}

QList<Problem> credentialProblems(const HelmRelease &release,
                                  const QList<CredentialFinding> &findings)
{
    QList<Problem> problems;
    for (const CredentialFinding &f : findings) {
        Problem p;
        p.severity = Problem::Severity::Warning;
        p.rule = QStringLiteral("helm-values-credential");
        p.file = QStringLiteral("helmrelease/%1/%2").arg(release.ns, release.name);
        const QString why =
            f.reason == CredentialFinding::Reason::KeyName
                ? QCoreApplication::translate("ValuesCredentials", "its key names a credential")
                : QCoreApplication::translate("ValuesCredentials",
                                              "it is a long random-looking string");
        p.message =
            f.movable()
                ? QCoreApplication::translate("ValuesCredentials",
                                              "values.%1 looks like a credential (%2); move it "
                                              "to a Secret through valuesFrom")
                      .arg(f.path, why)
                : QCoreApplication::translate("ValuesCredentials",
                                              "values.%1 looks like a credential (%2); it cannot "
                                              "be moved to valuesFrom automatically: %3")
                      .arg(f.path, why, f.notMovableReason);
        problems.append(p);
    }
    return problems;
}

ValuesSecretMove moveCredentialsToSecret(const QJsonObject &helmRelease,
                                         const QList<CredentialFinding> &findings)
{
    ValuesSecretMove move;
    const QJsonObject metadata = helmRelease.value(QLatin1String("metadata")).toObject();
    QJsonObject spec = helmRelease.value(QLatin1String("spec")).toObject();
    const QString secretName =
        valuesSecretName(spec.value(QLatin1String("releaseName"))
                             .toString(metadata.value(QLatin1String("name")).toString()));
    QJsonObject values = spec.value(QLatin1String("values")).toObject();
    QJsonArray valuesFrom = spec.value(QLatin1String("valuesFrom")).toArray();
    QJsonObject stringData;
    QSet<QString> used;
    for (const CredentialFinding &f : findings) {
        if (!f.movable() || f.segments.isEmpty()) {
            move.kept.append(f);
            continue;
        }
        const QString key = secretKeyFor(f.targetPath, used);
        if (!f.value.isUndefined())
            stringData.insert(key, helmSetValueText(f.value));
        values = removePath(values, f.segments, 0);
        valuesFrom.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("Secret")},
                                      {QStringLiteral("name"), secretName},
                                      {QStringLiteral("valuesKey"), key},
                                      {QStringLiteral("targetPath"), f.targetPath}});
        move.moved.append(f);
    }
    move.helmRelease = helmRelease;
    if (move.moved.isEmpty())
        return move;
    if (values.isEmpty())
        spec.remove(QStringLiteral("values"));
    else
        spec.insert(QStringLiteral("values"), values);
    spec.insert(QStringLiteral("valuesFrom"), valuesFrom);
    move.helmRelease.insert(QStringLiteral("spec"), spec);
    move.secret = QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Secret")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), secretName},
                     {QStringLiteral("namespace"), metadata.value(QLatin1String("namespace"))}}},
        {QStringLiteral("type"), QStringLiteral("Opaque")},
        {QStringLiteral("stringData"), stringData}};
    return move;
}

QString valuesSecretName(const QString &releaseName)
{
    QString name;
    for (const QChar c : releaseName.toLower()) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
            (c >= QLatin1Char('0') && c <= QLatin1Char('9')))
            name += c;
        else if (!name.isEmpty() && !name.endsWith(QLatin1Char('-')))
            name += QLatin1Char('-');
    }
    const QLatin1String suffix("-values");
    name = name.left(253 - suffix.size());
    while (name.endsWith(QLatin1Char('-')))
        name.chop(1);
    if (name.isEmpty())
        name = QStringLiteral("release");
    return name + suffix;
}

QString helmSetValueText(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isDouble()) {
        // A number stays a number: the parser types an integer; other numbers read back as the
        // same text. Integers are written whole, never as 1.23457e+06.
        const double d = value.toDouble();
        if (std::isfinite(d) && d == std::floor(d) && std::abs(d) < 9.0e15)
            return QString::number(qint64(d));
        return QString::number(d, 'g', 17);
    }
    const QString text = value.toString();
    // The parser would make these a bool, null or an integer; quoted, they stay strings. They hold
    // no quote of their own, which the parser would strip along with the quotes.
    static const QRegularExpression typed(QStringLiteral("^(?:[+-]?[0-9]+|true|false|null)$"),
                                          QRegularExpression::CaseInsensitiveOption);
    if (typed.match(text).hasMatch())
        return QLatin1Char('"') + text + QLatin1Char('"');
    // A backslash takes the next character as it is: commas would split the value, a leading '{'
    // would start a list, and a leading quote (with one at the end) would be stripped.
    QString out;
    out.reserve(text.size() + 2);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\') || c == QLatin1Char(',') ||
            (i == 0 && (c == QLatin1Char('{') || c == QLatin1Char('"') || c == QLatin1Char('\''))))
            out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

ValuesWithoutCredentials withoutCredentialValues(const QJsonObject &values)
{
    ValuesWithoutCredentials out;
    QJsonValue root = values;
    const QList<CredentialFinding> findings = findCredentialValues(values);
    for (const CredentialFinding &f : findings) {
        clearAt(root, f.segments, 0);
        out.paths.append(f.path);
    }
    out.values = root.toObject();
    return out;
}

QJsonObject withCredentialValuesFrom(const QJsonObject &values, const QJsonObject &from,
                                     const QStringList &paths, QStringList *missing)
{
    QJsonValue root = values;
    for (const QString &path : paths) {
        QList<ValuesPathSegment> segments;
        const QJsonValue value = parseValuesPath(path, &segments)
                                     ? valueAtPath(from, segments)
                                     : QJsonValue(QJsonValue::Undefined);
        if (value.isUndefined() || !setAt(root, segments, 0, value)) {
            if (missing)
                missing->append(path);
        }
    }
    return root.toObject();
}

bool parseValuesPath(const QString &path, QList<ValuesPathSegment> *segments)
{
    QList<ValuesPathSegment> out;
    const qsizetype n = path.size();
    qsizetype i = 0;
    while (i < n) {
        if (path.at(i) == QLatin1Char('[')) {
            if (i + 1 < n && path.at(i + 1) == QLatin1Char('"')) {
                // ["key"], with \" and \\ escaped
                QString key;
                bool closed = false;
                for (i += 2; i < n; ++i) {
                    const QChar c = path.at(i);
                    if (c == QLatin1Char('\\')) {
                        if (++i >= n)
                            return false;
                        key += path.at(i);
                    } else if (c == QLatin1Char('"')) {
                        closed = true;
                        ++i;
                        break;
                    } else {
                        key += c;
                    }
                }
                if (!closed || i >= n || path.at(i) != QLatin1Char(']'))
                    return false;
                ++i;
                out.append({key, -1});
            } else {
                const qsizetype close = path.indexOf(QLatin1Char(']'), i);
                if (close < 0)
                    return false;
                bool ok = false;
                const int index = path.mid(i + 1, close - i - 1).toInt(&ok);
                if (!ok || index < 0)
                    return false;
                out.append({QString(), index});
                i = close + 1;
            }
        } else {
            qsizetype end = i;
            while (end < n && path.at(end) != QLatin1Char('.') && path.at(end) != QLatin1Char('['))
                ++end;
            const QString key = path.mid(i, end - i);
            if (key.isEmpty() || key.contains(QLatin1Char(']')) || key.contains(QLatin1Char('"')) ||
                key.contains(QLatin1Char('\\')))
                return false;
            out.append({key, -1});
            i = end;
        }
        if (i < n && path.at(i) == QLatin1Char('.')) {
            if (++i >= n)
                return false; // "a." names nothing
        } else if (i < n && path.at(i) != QLatin1Char('[')) {
            return false;
        }
    }
    if (out.isEmpty())
        return false;
    *segments = out;
    return true;
}

QJsonValue valueAtPath(const QJsonValue &root, const QList<ValuesPathSegment> &segments)
{
    QJsonValue value = root;
    for (const ValuesPathSegment &segment : segments) {
        if (segment.index >= 0) {
            if (!value.isArray() || segment.index >= value.toArray().size())
                return QJsonValue(QJsonValue::Undefined);
            value = value.toArray().at(segment.index);
        } else {
            if (!value.isObject())
                return QJsonValue(QJsonValue::Undefined);
            value = value.toObject().value(segment.key);
        }
    }
    return value;
}

CredentialFinding credentialFindingForPath(const QString &path)
{
    CredentialFinding finding;
    finding.path = path;
    finding.value = QJsonValue(QJsonValue::Undefined);
    if (!parseValuesPath(path, &finding.segments)) {
        finding.notMovableReason =
            QCoreApplication::translate("ValuesCredentials", "it is not a path into the values");
        return finding;
    }
    setTarget(finding);
    return finding;
}

} // namespace Fluxdesk
