#include "snapshot.h"

#include "core/resources.h"
#include "kube/discovery.h"
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
#include <QSaveFile>
#include <QSet>
#include <QtDebug>

#include <algorithm>

namespace Fluxdesk {

namespace {

// 1-based line and column of a byte offset, for QJsonParseError's offsets.
std::pair<int, int> positionOf(const QByteArray &bytes, qsizetype offset)
{
    int line = 1;
    int column = 1;
    offset = std::min(offset, qsizetype(bytes.size()));
    for (qsizetype i = 0; i < offset; ++i) {
        if (bytes.at(i) == '\n') {
            ++line;
            column = 1;
        } else if ((uchar(bytes.at(i)) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

bool isListKind(const QJsonObject &object)
{
    return object.value(QLatin1String("kind")).toString().endsWith(QLatin1String("List")) &&
           object.value(QLatin1String("items")).isArray();
}

// Where a value sits, for error messages alone: worked out only when one is reported (a large
// export has thousands of documents).
struct Where
{
    enum class Kind
    {
        Whole,    // "the document"
        Document, // "document N" (1-based)
        Item      // "item N of <parent>"
    };
    Kind kind;
    qsizetype number = 0;
    const Where *parent = nullptr;

    QString text() const
    {
        switch (kind) {
        case Kind::Document:
            return QCoreApplication::translate("Snapshot", "document %1").arg(number);
        case Kind::Item:
            return QCoreApplication::translate("Snapshot", "item %1 of %2")
                .arg(number)
                .arg(parent->text());
        case Kind::Whole:
            break;
        }
        return QCoreApplication::translate("Snapshot", "the document");
    }
};

// Checks one object and appends it; Lists are unwrapped (nested Lists too).
std::optional<Error> collect(const QJsonValue &value, const QString &fileName, int line,
                             const Where &where, QList<QJsonObject> &out, int depth = 0)
{
    if (!value.isObject())
        return Error(QCoreApplication::translate("Snapshot", "%1 is not a Kubernetes object")
                         .arg(where.text()),
                     fileName, line, 1);
    const QJsonObject object = value.toObject();
    if (isListKind(object)) {
        if (depth > 8)
            return Error(QCoreApplication::translate("Snapshot", "Lists nested too deeply"),
                         fileName, line, 1);
        const QJsonArray items = object.value(QLatin1String("items")).toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            const Where itemWhere{Where::Kind::Item, i, &where};
            const QJsonValue item = items.at(i);
            if (auto error = collect(
                    item.isObject() ? QJsonValue(typedListItem(object, item.toObject())) : item,
                    fileName, line, itemWhere, out, depth + 1))
                return error;
        }
        return std::nullopt;
    }
    QStringList missing;
    if (object.value(QLatin1String("apiVersion")).toString().isEmpty())
        missing << QStringLiteral("apiVersion");
    if (object.value(QLatin1String("kind")).toString().isEmpty())
        missing << QStringLiteral("kind");
    if (object.value(QLatin1String("metadata"))
            .toObject()
            .value(QLatin1String("name"))
            .toString()
            .isEmpty())
        missing << QStringLiteral("metadata.name");
    if (!missing.isEmpty())
        return Error(QCoreApplication::translate("Snapshot", "%1 has no %2")
                         .arg(where.text(), missing.join(QLatin1String(", "))),
                     fileName, line, 1);
    out.append(object);
    return std::nullopt;
}

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

QJsonObject typedListItem(const QJsonObject &list, const QJsonObject &item)
{
    const QString kind = list.value(QLatin1String("kind")).toString();
    const QLatin1String suffix("List");
    if (kind.size() <= suffix.size() || !kind.endsWith(suffix))
        return item;
    const bool hasApiVersion = !item.value(QLatin1String("apiVersion")).toString().isEmpty();
    const bool hasKind = !item.value(QLatin1String("kind")).toString().isEmpty();
    if (hasApiVersion && hasKind)
        return item;
    QJsonObject out = item;
    const QString apiVersion = list.value(QLatin1String("apiVersion")).toString();
    if (!hasApiVersion && !apiVersion.isEmpty())
        out.insert(QLatin1String("apiVersion"), apiVersion);
    if (!hasKind)
        out.insert(QLatin1String("kind"), kind.left(kind.size() - suffix.size()));
    return out;
}

bool looksLikeJson(const QByteArray &bytes)
{
    for (const char c : bytes) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
            continue;
        return c == '{' || c == '[';
    }
    return false;
}

Result<QList<QJsonObject>> parseSnapshotData(const QByteArray &bytes, const QString &fileName,
                                             QList<int> *lines)
{
    QList<QJsonObject> out;
    auto lineOfNew = [&](int line) {
        while (lines && lines->size() < out.size())
            lines->append(line);
    };
    // kubectl -o json output is parsed as JSON: faster than YAML for large clusters.
    if (looksLikeJson(bytes)) {
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
        if (parseError.error == QJsonParseError::NoError) {
            const Where top{Where::Kind::Whole};
            if (doc.isArray()) {
                const QJsonArray array = doc.array();
                for (qsizetype i = 0; i < array.size(); ++i) {
                    const Where where{Where::Kind::Item, i, &top};
                    if (auto error = collect(array.at(i), fileName, 1, where, out))
                        return *error;
                }
            } else if (auto error = collect(doc.object(), fileName, 1, top, out)) {
                return *error;
            }
            lineOfNew(1);
            return out;
        }
        if (fileName.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) {
            const auto [line, column] = positionOf(bytes, parseError.offset);
            return Error(QCoreApplication::translate("Snapshot", "invalid JSON: %1")
                             .arg(parseError.errorString()),
                         fileName, line, column);
        }
        // Flow-style YAML starts with "{" too; let the YAML parser judge it.
    }
    Result<QList<YamlDocument>> documents = parseYamlDocuments(bytes, fileName);
    if (!documents)
        return documents.error();
    for (qsizetype i = 0; i < documents->size(); ++i) {
        const YamlDocument &document = documents->at(i);
        const Where where{Where::Kind::Document, i + 1};
        if (document.value.isArray()) {
            const QJsonArray array = document.value.toArray();
            for (qsizetype k = 0; k < array.size(); ++k) {
                const Where itemWhere{Where::Kind::Item, k, &where};
                if (auto error = collect(array.at(k), fileName, document.line, itemWhere, out))
                    return *error;
            }
        } else if (auto error = collect(document.value, fileName, document.line, where, out)) {
            return *error;
        }
        lineOfNew(document.line);
    }
    return out;
}

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
        Result<QList<QJsonObject>> objects = parseSnapshotData(f.readAll(), file);
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
    Result<QList<QJsonObject>> objects = parseSnapshotData(file.readAll(), path);
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
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(
            QCoreApplication::translate("Snapshot", "cannot write: %1").arg(file.errorString()),
            path);
    const QByteArray bytes = renderSnapshot(objects, snapshotFormatFor(path));
    if (file.write(bytes) != bytes.size() || !file.commit())
        return Error(
            QCoreApplication::translate("Snapshot", "cannot write: %1").arg(file.errorString()),
            path);
    return true;
}

} // namespace Fluxdesk
