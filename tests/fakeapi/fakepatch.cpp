// The PATCH flavours other than server-side apply, as k8s.io/apiserver's patch handler answers
// them: JSON merge patch and JSON patch (gopkg.in/evanphx/json-patch.v4 underneath) for every
// kind, strategic merge (k8s.io/apimachinery/pkg/util/strategicpatch) for the built-in kinds only.
// The strategic merge half lives in fakestrategicmerge.cpp.
#include "fakepatch.h"
#include "fakestrategicmerge.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QSet>

#include <optional>

namespace Fluxdesk::Testing::FakePatch {

namespace {

const QByteArray MergePatch = "application/merge-patch+json";
const QByteArray JsonPatch = "application/json-patch+json";
const QByteArray StrategicMergePatch = "application/strategic-merge-patch+json";
const QByteArray ApplyPatch = "application/apply-patch+yaml";

// NewGenericServerResponse(422, ...) keeps none of json-patch's own words: kubectl prints this.
const QString JsonPatchFailed =
    QStringLiteral("the server rejected our request due to an error in our request");

Outcome failure(int code, const QString &message)
{
    Outcome o;
    o.code = code;
    o.message = message;
    return o;
}

// The API groups kube-apiserver serves from its own Go types; everything else (Flux, Gateway API
// under gateway.networking.k8s.io too) is a custom resource.
bool isBuiltIn(const QString &group)
{
    static const QSet<QString> groups = {
        QString(),
        QStringLiteral("apps"),
        QStringLiteral("batch"),
        QStringLiteral("autoscaling"),
        QStringLiteral("policy"),
        QStringLiteral("networking.k8s.io"),
        QStringLiteral("rbac.authorization.k8s.io"),
        QStringLiteral("storage.k8s.io"),
        QStringLiteral("apiextensions.k8s.io"),
        QStringLiteral("apiregistration.k8s.io"),
        QStringLiteral("admissionregistration.k8s.io"),
        QStringLiteral("coordination.k8s.io"),
        QStringLiteral("discovery.k8s.io"),
        QStringLiteral("events.k8s.io"),
        QStringLiteral("node.k8s.io"),
        QStringLiteral("scheduling.k8s.io"),
        QStringLiteral("certificates.k8s.io"),
        QStringLiteral("flowcontrol.apiserver.k8s.io"),
        QStringLiteral("resource.k8s.io"),
        QStringLiteral("internal.apiserver.k8s.io"),
        QStringLiteral("storagemigration.k8s.io"),
    };
    return groups.contains(group);
}

// "deployments.apps", "configmaps", "ingresses.networking.k8s.io": the group-resource a Conflict
// names. Kinds pluralise as kube's RESTMapper guesses (UnsafeGuessKindToResource).
QString groupResource(const QString &group, const QString &kind)
{
    QString resource = kind.toLower();
    if (resource.endsWith(QLatin1String("endpoints"))) {
        // already plural
    } else if (resource.endsWith(QLatin1Char('s'))) {
        resource += QLatin1String("es");
    } else if (resource.endsWith(QLatin1Char('y')) && resource.size() > 1 &&
               !QStringLiteral("aeiou").contains(resource.at(resource.size() - 2))) {
        resource = resource.left(resource.size() - 1) + QLatin1String("ies");
    } else {
        resource += QLatin1Char('s');
    }
    return group.isEmpty() ? resource : resource + QLatin1Char('.') + group;
}

// The first words of Go's encoding/json error for a body QJsonDocument refused.
QString goSyntaxError(const QByteArray &body, const QJsonParseError &error)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty() || error.offset >= body.size())
        return QStringLiteral("unexpected end of JSON input");
    if (!QByteArrayLiteral("{[\"-0123456789tfn").contains(trimmed.at(0)))
        return QStringLiteral("invalid character '%1' looking for beginning of value")
            .arg(QLatin1Char(trimmed.at(0)));
    return QStringLiteral("invalid character '%1' at offset %2 (%3)")
        .arg(QLatin1Char(body.at(error.offset)))
        .arg(error.offset)
        .arg(error.errorString());
}

QString goJsonTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::Bool:
        return QStringLiteral("bool");
    default:
        return QStringLiteral("null");
    }
}

// RFC 7386: objects merge key by key, null removes, anything else replaces.
QJsonValue mergePatch(const QJsonValue &target, const QJsonValue &patch)
{
    if (!patch.isObject())
        return patch;
    QJsonObject result = target.isObject() ? target.toObject() : QJsonObject();
    const QJsonObject p = patch.toObject();
    for (auto it = p.begin(); it != p.end(); ++it) {
        if (it.value().isNull())
            result.remove(it.key());
        else
            result.insert(it.key(), mergePatch(result.value(it.key()), it.value()));
    }
    return result;
}

// RFC 6901: "/spec/containers/0/image" -> spec, containers, 0, image; "" is the whole document.
std::optional<QStringList> pointer(const QString &path)
{
    if (path.isEmpty())
        return QStringList();
    if (!path.startsWith(QLatin1Char('/')))
        return std::nullopt;
    QStringList tokens = path.mid(1).split(QLatin1Char('/'));
    for (QString &t : tokens)
        t.replace(QLatin1String("~1"), QLatin1String("/"))
            .replace(QLatin1String("~0"), QLatin1String("~"));
    return tokens;
}

std::optional<int> arrayIndex(const QString &token, int size, bool allowEnd)
{
    if (allowEnd && token == QLatin1String("-"))
        return size;
    bool ok = false;
    const int i = token.toInt(&ok);
    if (!ok || i < 0 || i > size || (!allowEnd && i == size) ||
        (token.size() > 1 && token.startsWith(QLatin1Char('0'))))
        return std::nullopt;
    return i;
}

std::optional<QJsonValue> valueAt(const QJsonValue &doc, const QStringList &tokens)
{
    QJsonValue v = doc;
    for (const QString &t : tokens) {
        if (v.isObject()) {
            const QJsonObject o = v.toObject();
            if (!o.contains(t))
                return std::nullopt;
            v = o.value(t);
        } else if (v.isArray()) {
            const QJsonArray a = v.toArray();
            const auto i = arrayIndex(t, int(a.size()), false);
            if (!i)
                return std::nullopt;
            v = a.at(*i);
        } else {
            return std::nullopt;
        }
    }
    return v;
}

// Calls edit on the object or array that holds the last token and writes the changed containers
// back up the path. False when a container on the way does not exist or edit refuses.
template <typename Edit>
bool editParent(QJsonValue &node, const QStringList &tokens, int at, const Edit &edit)
{
    if (at == tokens.size() - 1)
        return edit(node, tokens.at(at));
    const QString &t = tokens.at(at);
    if (node.isObject()) {
        QJsonObject o = node.toObject();
        if (!o.contains(t))
            return false;
        QJsonValue child = o.value(t);
        if (!editParent(child, tokens, at + 1, edit))
            return false;
        o.insert(t, child);
        node = o;
        return true;
    }
    if (node.isArray()) {
        QJsonArray a = node.toArray();
        const auto i = arrayIndex(t, int(a.size()), false);
        if (!i)
            return false;
        QJsonValue child = a.at(*i);
        if (!editParent(child, tokens, at + 1, edit))
            return false;
        a.replace(*i, child);
        node = a;
        return true;
    }
    return false;
}

bool addAt(QJsonValue &doc, const QStringList &tokens, const QJsonValue &value)
{
    if (tokens.isEmpty()) {
        doc = value;
        return true;
    }
    return editParent(doc, tokens, 0, [&](QJsonValue &parent, const QString &last) {
        if (parent.isObject()) {
            QJsonObject o = parent.toObject();
            o.insert(last, value);
            parent = o;
            return true;
        }
        if (parent.isArray()) {
            QJsonArray a = parent.toArray();
            const auto i = arrayIndex(last, int(a.size()), true);
            if (!i)
                return false;
            a.insert(*i, value);
            parent = a;
            return true;
        }
        return false;
    });
}

bool removeAt(QJsonValue &doc, const QStringList &tokens)
{
    if (tokens.isEmpty())
        return false;
    return editParent(doc, tokens, 0, [&](QJsonValue &parent, const QString &last) {
        if (parent.isObject()) {
            QJsonObject o = parent.toObject();
            if (!o.contains(last))
                return false;
            o.remove(last);
            parent = o;
            return true;
        }
        if (parent.isArray()) {
            QJsonArray a = parent.toArray();
            const auto i = arrayIndex(last, int(a.size()), false);
            if (!i)
                return false;
            a.removeAt(*i);
            parent = a;
            return true;
        }
        return false;
    });
}

// One RFC 6902 operation; false when it does not apply (the server answers 422 for all of them).
bool applyOperation(QJsonValue &doc, const QJsonObject &op)
{
    const QString name = op.value(QLatin1String("op")).toString();
    const auto path = pointer(op.value(QLatin1String("path")).toString());
    if (!path)
        return false;
    const QJsonValue value = op.value(QLatin1String("value"));
    if (name == QLatin1String("add"))
        return !value.isUndefined() && addAt(doc, *path, value);
    if (name == QLatin1String("remove"))
        return removeAt(doc, *path);
    if (name == QLatin1String("replace")) {
        if (value.isUndefined() || !valueAt(doc, *path))
            return false;
        if (path->isEmpty()) {
            doc = value;
            return true;
        }
        return removeAt(doc, *path) && addAt(doc, *path, value);
    }
    if (name == QLatin1String("test")) {
        const auto actual = valueAt(doc, *path);
        return actual && *actual == (value.isUndefined() ? QJsonValue() : value);
    }
    if (name == QLatin1String("move") || name == QLatin1String("copy")) {
        const auto from = pointer(op.value(QLatin1String("from")).toString());
        if (!from)
            return false;
        const auto moved = valueAt(doc, *from);
        if (!moved)
            return false;
        if (name == QLatin1String("move") && !removeAt(doc, *from))
            return false;
        return addAt(doc, *path, *moved);
    }
    return false; // "Unexpected kind"
}

Outcome jsonPatch(const QJsonObject &live, const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return failure(400, goSyntaxError(body, error));
    if (!doc.isArray())
        return failure(
            400, QStringLiteral("json: cannot unmarshal %1 into Go value of type "
                                "jsonpatch.Patch")
                     .arg(doc.isObject() ? QStringLiteral("object") : QStringLiteral("value")));
    const QJsonArray ops = doc.array();
    for (const QJsonValue &op : ops) {
        if (!op.isObject())
            return failure(400, QStringLiteral("json: cannot unmarshal %1 into Go value of type "
                                               "jsonpatch.Operation")
                                    .arg(goJsonTypeName(op)));
    }
    if (ops.size() > 10000)
        return failure(413, QStringLiteral("Request entity too large: The allowed maximum "
                                           "operations in a JSON patch is 10000, got %1")
                                .arg(ops.size()));
    QJsonValue patched = live;
    for (const QJsonValue &op : ops) {
        if (!applyOperation(patched, op.toObject()))
            return failure(422, JsonPatchFailed);
    }
    if (!patched.isObject())
        return failure(422, JsonPatchFailed);
    Outcome o;
    o.object = patched.toObject();
    return o;
}

Outcome jsonMergePatch(const QJsonObject &live, const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    // json-patch's MergePatch answers ErrBadJSONPatch for anything that is not a JSON object.
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return failure(400, QStringLiteral("Invalid JSON Patch"));
    Outcome o;
    o.object = mergePatch(live, doc.object()).toObject();
    return o;
}

QJsonObject metadataOf(const QJsonObject &o)
{
    return o.value(QLatin1String("metadata")).toObject();
}

// What the handler checks once the patch applied: the name and namespace stay those of the URL
// (the live object's), a resourceVersion in the patched object is a precondition, and the
// fields the server owns stay as they were.
Outcome finish(const QString &group, const QString &kind, const QJsonObject &live, Outcome patched)
{
    const QJsonObject liveMeta = metadataOf(live);
    QJsonObject meta = metadataOf(patched.object);
    const QString name = liveMeta.value(QLatin1String("name")).toString();
    const QString newName = meta.value(QLatin1String("name")).toString();
    if (newName != name)
        return failure(400, QStringLiteral("the name of the object (%1) does not match the name "
                                           "on the URL (%2)")
                                .arg(newName, name));
    if (meta.value(QLatin1String("namespace")).toString() !=
        liveMeta.value(QLatin1String("namespace")).toString())
        return failure(400, QStringLiteral("the namespace of the provided object does not match "
                                           "the namespace sent on the request"));
    const QString rv = meta.value(QLatin1String("resourceVersion")).toString();
    const QString liveRv = liveMeta.value(QLatin1String("resourceVersion")).toString();
    if (!rv.isEmpty() && rv != liveRv)
        return failure(409, QStringLiteral("Operation cannot be fulfilled on %1 \"%2\": the object "
                                           "has been modified; please apply your changes to the "
                                           "latest version and try again")
                                .arg(groupResource(group, kind), name));
    for (const QLatin1String key : {QLatin1String("resourceVersion"), QLatin1String("uid"),
                                    QLatin1String("creationTimestamp")}) {
        if (liveMeta.contains(key))
            meta.insert(key, liveMeta.value(key));
        else
            meta.remove(key);
    }
    patched.object.insert(QStringLiteral("metadata"), meta);
    return patched;
}

QString acceptedTypes(bool builtIn)
{
    QList<QByteArray> types{JsonPatch, MergePatch};
    if (builtIn)
        types.append(StrategicMergePatch);
    types.append(ApplyPatch);
    return QString::fromLatin1(types.join(", "));
}

} // namespace

Outcome patch(const QString &group, const QString &kind, const QByteArray &contentType,
              const QJsonObject &live, const QByteArray &body)
{
    // The handler drops "; charset=..." before it looks at the type.
    const QByteArray type = contentType.split(';').first().trimmed();
    const bool builtIn = isBuiltIn(group);
    Outcome patched;
    if (type == MergePatch) {
        patched = jsonMergePatch(live, body);
    } else if (type == JsonPatch) {
        patched = jsonPatch(live, body);
    } else if (type == StrategicMergePatch && builtIn) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
        if (error.error != QJsonParseError::NoError)
            return failure(400, goSyntaxError(body, error));
        if (!doc.isObject())
            return failure(
                400, QStringLiteral("json: cannot unmarshal %1 into Go value of type "
                                    "map[string]interface {}")
                         .arg(doc.isArray() ? QStringLiteral("array") : QStringLiteral("value")));
        const StrategicMerge::Result r = StrategicMerge::patch(kind, live, doc.object());
        patched.code = r.code;
        patched.message = r.message;
        patched.object = r.object;
    } else if (type == ApplyPatch) {
        return failure(500, QStringLiteral("server-side apply is FakeApply::apply's to answer, "
                                           "not FakePatch::patch's"));
    } else {
        return failure(415, QStringLiteral("the body of the request was in an unknown format - "
                                           "accepted media types include: ") +
                                acceptedTypes(builtIn));
    }
    if (patched.code != 200)
        return patched;
    return finish(group, kind, live, patched);
}

} // namespace Fluxdesk::Testing::FakePatch
