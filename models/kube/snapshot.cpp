#include "snapshot.h"

#include "core/privatefile.h"
#include "core/resources.h"
#include "kube/discovery.h"
#include "manifest/manifeststream.h"
#include "manifest/yamljson.h"
#include "manifest/yamlwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QMap>
#include <QSet>
#include <QtDebug>

#include <algorithm>

namespace Fluxdesk {

namespace {

// kubectl's RESTMapper guess for an unknown kind (k8s.io/apimachinery
// meta.UnsafeGuessKindToResource).
QString guessPlural(const QString &kind)
{
    const QString lower = kind.toLower();
    if (lower.isEmpty())
        return lower;
    if (lower.endsWith(QLatin1Char('s')))
        return lower + QLatin1String("es");
    if (lower.endsWith(QLatin1Char('y'))) {
        const QChar before = lower.size() > 1 ? lower.at(lower.size() - 2) : QChar();
        if (!QStringLiteral("aeiou").contains(before))
            return lower.left(lower.size() - 1) + QLatin1String("ies");
    }
    return lower + QLatin1Char('s');
}

} // namespace

Result<QList<QJsonObject>> loadSnapshot(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error(QCoreApplication::translate("Snapshot", "no such file or folder"), path);
    QStringList files;
    if (info.isDir()) {
        QDirIterator it(
            path, {QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json")},
            QDir::Files | QDir::Readable, QDirIterator::Subdirectories);
        const QDir root(path);
        while (it.hasNext()) {
            const QString file = it.next();
            // Skip hidden folders such as .git: they never hold cluster objects.
            const QString relative = root.relativeFilePath(file);
            if (relative.startsWith(QLatin1Char('.')) || relative.contains(QLatin1String("/.")))
                continue;
            files.append(file);
        }
        std::sort(files.begin(), files.end());
    } else {
        files.append(path);
    }
    QList<QJsonObject> out;
    for (const QString &file : files) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return Error(
                QCoreApplication::translate("Snapshot", "cannot read: %1").arg(f.errorString()),
                file);
        Result<QList<QJsonObject>> objects = parseManifestStream(f.readAll(), file);
        if (!objects)
            return objects.error();
        out += objects.value();
    }
    return out;
}

QList<QJsonObject> demoClusterObjects()
{
    initResources();
    const QString path = QStringLiteral(":/demo/demo-cluster.yaml");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("demo cluster resource missing");
        return {};
    }
    Result<QList<QJsonObject>> objects = parseManifestStream(file.readAll(), path);
    if (!objects) {
        // The demo is compiled in and covered by a test, so this is a build problem.
        qWarning("%s", qPrintable(objects.error().toString()));
        return {};
    }
    return objects.value();
}

QList<ResourceType> typesOfObjects(const QList<QJsonObject> &objects)
{
    // One type per group and kind, as discovery lists them: the same kind in two groups
    // (traefik.io and traefik.containo.us) is two types, one group's objects in two versions
    // (Gateway API's v1beta1 and v1) are one, in the version the server would prefer.
    QMap<std::pair<QString, QString>, ResourceType> types; // (group, kind)
    for (const QJsonObject &object : objects) {
        const QString apiVersion = object.value(QLatin1String("apiVersion")).toString();
        const QString kind = object.value(QLatin1String("kind")).toString();
        if (kind.isEmpty())
            continue;
        const bool hasNamespace = !object.value(QLatin1String("metadata"))
                                       .toObject()
                                       .value(QLatin1String("namespace"))
                                       .toString()
                                       .isEmpty();
        const QString group = groupOfApiVersion(apiVersion);
        const QString version = group.isEmpty() ? apiVersion : apiVersion.mid(group.size() + 1);
        const std::pair<QString, QString> key{group, kind};
        auto it = types.find(key);
        if (it != types.end()) {
            it->namespaced = it->namespaced || hasNamespace;
            if (Discovery::versionPrecedes(version, it->version))
                it->version = version;
            continue;
        }
        ResourceType type;
        if (const std::optional<ResourceType> known = wellKnownType(group, kind)) {
            type = *known;
            type.namespaced = known->namespaced || hasNamespace;
        } else {
            type.group = group;
            type.kind = kind;
            type.resource = guessPlural(kind);
            type.namespaced = hasNamespace;
            // Without discovery the verbs are what the API would serve: a snapshot's metrics
            // readings must not look creatable, its ConfigMaps must.
            type.verbs = knownVerbs(group, kind);
        }
        type.version = version;
        types.insert(key, type);
    }
    return types.values();
}

SnapshotFormat snapshotFormatFor(const QString &path)
{
    return path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? SnapshotFormat::Json
                                                                      : SnapshotFormat::Yaml;
}

QByteArray renderSnapshot(const QList<QJsonObject> &objects, SnapshotFormat format)
{
    QJsonArray items;
    for (const QJsonObject &object : objects)
        items.append(object);
    QJsonObject list;
    list.insert(QLatin1String("apiVersion"), QStringLiteral("v1"));
    list.insert(QLatin1String("kind"), QStringLiteral("List"));
    list.insert(QLatin1String("items"), items);
    if (format == SnapshotFormat::Json)
        return QJsonDocument(list).toJson(QJsonDocument::Indented);
    if (items.isEmpty()) // toYaml would write "items: []" too, but keep the intent explicit
        return QByteArrayLiteral("apiVersion: v1\nkind: List\nitems: []\n");
    return toYaml(list).toUtf8();
}

Result<bool> writeSnapshot(const QString &path, const QList<QJsonObject> &objects)
{
    // Every object, Secrets included: the owner's alone (0600) from its first byte.
    return writePrivateFile(path, renderSnapshot(objects, snapshotFormatFor(path)));
}

} // namespace Fluxdesk
