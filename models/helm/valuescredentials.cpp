#include "valuescredentials.h"

#include "kube/helmrelease.h"
#include "manifest/yamljson.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace Fluxdesk {

namespace {

// A key Helm's strvals (and so Flux's targetPath) can address without ambiguity.
bool addressableKey(const QString &key)
{
    static const QRegularExpression plain(QStringLiteral("^[a-zA-Z0-9_\\-./]+$"));
    return !key.isEmpty() && plain.match(key).hasMatch();
}

void scan(const QJsonValue &value, QList<ValuesPathSegment> &segments, const QString &path,
          bool inList, QList<CredentialFinding> &out)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            segments.append({it.key(), -1});
            scan(it.value(), segments, yamlPathKey(path, it.key()), inList, out);
            segments.removeLast();
        }
        return;
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (int i = 0; i < array.size(); ++i) {
            segments.append({QString(), i});
            scan(array.at(i), segments, yamlPathIndex(path, i), true, out);
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
    if (inList) {
        // Helm replaces lists wholesale when it merges spec.values over valuesFrom, so a value
        // moved out of a list element would be lost.
        finding.notMovableReason = QCoreApplication::translate(
            "ValuesCredentials", "it is inside a list; move the whole list by hand");
    } else {
        QStringList parts;
        for (const ValuesPathSegment &segment : segments) {
            if (!addressableKey(segment.key)) {
                finding.notMovableReason =
                    QCoreApplication::translate("ValuesCredentials",
                                                "the key \"%1\" cannot be written as a targetPath")
                        .arg(segment.key);
                parts.clear();
                break;
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
    out.append(finding);
}

// Removes the value at segments from object; maps left empty by the removal go too.
QJsonObject removePath(QJsonObject object, const QList<ValuesPathSegment> &segments, int at)
{
    const QString &key = segments.at(at).key;
    if (at == segments.size() - 1) {
        object.remove(key);
        return object;
    }
    const QJsonObject child = removePath(object.value(key).toObject(), segments, at + 1);
    if (child.isEmpty())
        object.remove(key);
    else
        object.insert(key, child);
    return object;
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
    scan(values, segments, QString(), false, out);
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
    const QString secretName = spec.value(QLatin1String("releaseName"))
                                   .toString(metadata.value(QLatin1String("name")).toString()) +
                               QStringLiteral("-values");
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
        stringData.insert(key, f.value.isString() ? f.value.toString()
                                                  : QString::number(f.value.toDouble()));
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

} // namespace Fluxdesk
