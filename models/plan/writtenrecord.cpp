#include "writtenrecord.h"

#include "manifest/yamljson.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonObject>

#include <algorithm>

namespace Fluxdesk {

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
        // Paths are the plan's: relative, '/'-separated, no characters YAML needs to quote
        // except what double quotes with escapes cover.
        QByteArray key = path.toUtf8();
        key.replace('\\', "\\\\").replace('"', "\\\"");
        out += "  \"" + key + "\": \"" + hashes.value(path) + "\"\n";
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
