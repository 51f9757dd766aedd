#include "writtenrecord.h"

#include "manifest/yamljson.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace Fluxdesk {

namespace {

// The inside of a YAML double-quoted scalar: quotes, backslashes and control characters escaped.
// Paths are the plan's, which a hand-edited .fluxdesk/plan.yaml can fill with anything: a newline
// left raw would break the record, and every file would then read as edited by hand.
QByteArray quoted(const QByteArray &text)
{
    QByteArray out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\\' || c == '"') {
            out += '\\';
            out += c;
        } else if (u < 0x20 || u == 0x7f) {
            out += "\\x" + QByteArray::number(u, 16).rightJustified(2, '0');
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

QByteArray WrittenRecord::hashOf(const QByteArray &content)
{
    return QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex();
}

bool WrittenRecord::isUnedited(const QString &path, const QByteArray &content) const
{
    const auto it = hashes.constFind(path);
    return it != hashes.constEnd() && *it == hashOf(content);
}

QByteArray WrittenRecord::toYaml() const
{
    QStringList paths = hashes.keys();
    std::sort(paths.begin(), paths.end());
    QByteArray out =
        "# What Fluxdesk last wrote: a file that still has this content was not edited\n"
        "# by hand, so a changed plan replaces it without asking.\n"
        "apiVersion: fluxdesk.io/v1alpha1\n"
        "kind: WrittenFiles\n";
    out += paths.isEmpty() ? "files: {}\n" : "files:\n";
    for (const QString &path : std::as_const(paths)) {
        out += "  \"" + quoted(path.toUtf8()) + "\": \"" + hashes.value(path) + "\"\n";
    }
    if (!userFiles.isEmpty()) {
        QStringList user = userFiles.values();
        std::sort(user.begin(), user.end());
        out += "user:\n";
        for (const QString &path : std::as_const(user))
            out += "  - \"" + quoted(path.toUtf8()) + "\"\n";
    }
    return out;
}

WrittenRecord WrittenRecord::parse(const QByteArray &yaml)
{
    WrittenRecord record;
    const Result<QJsonValue> value = parseYamlValue(yaml, writtenRecordPath());
    if (!value || !value->isObject())
        return record;
    const QJsonObject files = value->toObject().value(QLatin1String("files")).toObject();
    for (auto it = files.constBegin(); it != files.constEnd(); ++it) {
        const QByteArray hash = it.value().toString().toLatin1();
        if (hash.size() == 64)
            record.hashes.insert(it.key(), hash);
    }
    const QJsonArray user = value->toObject().value(QLatin1String("user")).toArray();
    for (const QJsonValue &path : user) {
        if (path.isString() && !path.toString().isEmpty())
            record.userFiles.insert(path.toString());
    }
    return record;
}

QString writtenRecordPath()
{
    return QStringLiteral(".fluxdesk/written.yaml");
}

WrittenRecord loadWrittenRecord(const QString &repoDir)
{
    QFile file(QDir(repoDir).filePath(writtenRecordPath()));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return WrittenRecord::parse(file.readAll());
}

} // namespace Fluxdesk
