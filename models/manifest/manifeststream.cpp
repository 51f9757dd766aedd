#include "manifeststream.h"

#include "manifest/yamljson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <optional>

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

Result<QList<QJsonObject>> parseManifestStream(const QByteArray &bytes, const QString &fileName,
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

} // namespace Fluxdesk
