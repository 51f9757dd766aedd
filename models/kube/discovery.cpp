#include "discovery.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

#include <tuple>

namespace Fluxdesk::Discovery {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Fluxdesk::Discovery", text);
}

// Parses a JSON object or reports where it broke; `what` names the document for the message.
Result<QJsonObject> parseObject(const QByteArray &json, const QString &what)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return malformedJsonError(what, parseError.errorString(), parseError.offset);
    if (!doc.isObject())
        return Error(tr("The server sent malformed JSON for %1: expected an object").arg(what));
    return doc.object();
}

} // namespace

Error malformedJsonError(const QString &what, const QString &detail, int offset)
{
    return Error(tr("The server sent malformed JSON for %1: %2 at offset %3")
                     .arg(what, detail, QString::number(offset)));
}

bool versionPrecedes(const QString &a, const QString &b)
{
    // (stability, major, minor) with GA = 2, beta = 1, alpha = 0; stability -1 for other forms.
    static const QRegularExpression kubeVersion(QStringLiteral("^v(\\d+)(?:(alpha|beta)(\\d+))?$"));
    const auto rank = [](const QString &version) {
        const QRegularExpressionMatch m = kubeVersion.match(version);
        if (!m.hasMatch())
            return std::make_tuple(-1, 0LL, 0LL);
        const QString stage = m.captured(2);
        const int stability = stage.isEmpty() ? 2 : stage == QLatin1String("beta") ? 1 : 0;
        return std::make_tuple(stability, m.captured(1).toLongLong(), m.captured(3).toLongLong());
    };
    const auto ra = rank(a);
    const auto rb = rank(b);
    if (std::get<0>(ra) < 0 && std::get<0>(rb) < 0)
        return a < b;
    return ra > rb;
}

Result<QStringList> parseCoreVersions(const QByteArray &json)
{
    const auto object = parseObject(json, QStringLiteral("/api"));
    if (!object)
        return object.error();
    QStringList versions;
    const QJsonArray array = object->value(QLatin1String("versions")).toArray();
    for (const QJsonValue &v : array) {
        if (!v.toString().isEmpty())
            versions.append(v.toString());
    }
    if (versions.isEmpty())
        return Error(tr("The server's /api lists no versions of the core API group"));
    return versions;
}

Result<QStringList> parsePreferredGroupVersions(const QByteArray &json)
{
    const auto object = parseObject(json, QStringLiteral("/apis"));
    if (!object)
        return object.error();
    QStringList result;
    const QJsonArray groups = object->value(QLatin1String("groups")).toArray();
    for (const QJsonValue &g : groups) {
        const QJsonObject group = g.toObject();
        QString preferred = group.value(QLatin1String("preferredVersion"))
                                .toObject()
                                .value(QLatin1String("groupVersion"))
                                .toString();
        if (preferred.isEmpty()) {
            const QJsonArray versions = group.value(QLatin1String("versions")).toArray();
            if (!versions.isEmpty())
                preferred =
                    versions.first().toObject().value(QLatin1String("groupVersion")).toString();
        }
        if (!preferred.isEmpty() && !result.contains(preferred))
            result.append(preferred);
    }
    return result;
}

Result<QList<ResourceType>> parseResourceList(const QByteArray &json, const QString &groupVersion)
{
    const QString what =
        groupVersion.isEmpty() ? QStringLiteral("API resource list") : groupVersion;
    const auto object = parseObject(json, what);
    if (!object)
        return object.error();
    QString gv = object->value(QLatin1String("groupVersion")).toString();
    if (gv.isEmpty())
        gv = groupVersion;
    if (gv.isEmpty())
        return Error(tr("The API resource list names no groupVersion"));
    const QString group = groupOfApiVersion(gv);
    const QString version = gv.mid(gv.indexOf(QLatin1Char('/')) + 1);

    QList<ResourceType> types;
    const QJsonArray resources = object->value(QLatin1String("resources")).toArray();
    for (const QJsonValue &r : resources) {
        const QJsonObject resource = r.toObject();
        const QString name = resource.value(QLatin1String("name")).toString();
        if (name.isEmpty() || name.contains(QLatin1Char('/')))
            continue; // subresources (pods/log, deployments/scale) are not separate objects
        QStringList verbs;
        const QJsonArray verbArray = resource.value(QLatin1String("verbs")).toArray();
        for (const QJsonValue &v : verbArray)
            verbs.append(v.toString());
        if (!verbs.contains(QLatin1String("list")))
            continue;
        ResourceType type;
        // A resource may live in another group/version than the document (rare, but allowed).
        type.group = resource.contains(QLatin1String("group"))
                         ? resource.value(QLatin1String("group")).toString()
                         : group;
        type.version = resource.value(QLatin1String("version")).toString();
        if (type.version.isEmpty())
            type.version = version;
        type.resource = name;
        type.kind = resource.value(QLatin1String("kind")).toString();
        type.namespaced = resource.value(QLatin1String("namespaced")).toBool();
        type.verbs = verbs;
        types.append(type);
    }
    return types;
}

void ListPage::encodeCompact()
{
    compact.clear();
    compact.reserve(items.size());
    for (const QJsonObject &item : std::as_const(items))
        compact.append(CompactObject(item));
}

Result<ListPage> parseListPage(const QByteArray &json, const ResourceType &type)
{
    const auto object = parseObject(json, type.listPath());
    if (!object)
        return object.error();
    const QJsonValue itemsValue = object->value(QLatin1String("items"));
    if (!itemsValue.isArray() && !itemsValue.isNull() && !itemsValue.isUndefined())
        return Error(
            tr("The server sent a list for %1 without an items array").arg(type.listPath()));
    QString apiVersion = object->value(QLatin1String("apiVersion")).toString();
    if (apiVersion.isEmpty())
        apiVersion = type.groupVersion();
    const QLatin1String apiVersionKey("apiVersion");
    const QLatin1String kindKey("kind");

    ListPage page;
    const QJsonArray items = itemsValue.toArray();
    page.items.reserve(items.size());
    for (const QJsonValue &v : items) {
        QJsonObject item = v.toObject();
        if (item.value(apiVersionKey).toString().isEmpty())
            item.insert(apiVersionKey, apiVersion);
        if (item.value(kindKey).toString().isEmpty())
            item.insert(kindKey, type.kind);
        page.items.append(item);
    }
    page.continueToken = object->value(QLatin1String("metadata"))
                             .toObject()
                             .value(QLatin1String("continue"))
                             .toString();
    return page;
}

} // namespace Fluxdesk::Discovery
