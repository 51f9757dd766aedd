// Strategic merge as k8s.io/apimachinery's strategicpatch applies a patch to a live object
// (StrategicMergeMapPatch: MergeParallelList and IgnoreUnmatchedNulls on), written anew over
// QJson values. The Go types' patch tags become strategyOf(); the order of merged lists follows
// the "preserve order in strategic merge patch" design: $setElementOrder first, then the patch's
// order, then the live list's.
#include "fakestrategicmerge.h"

#include <QJsonArray>
#include <QLocale>

#include <algorithm>
#include <climits>
#include <optional>

namespace Fluxdesk::Testing::FakePatch::StrategicMerge {

namespace {

const QString PatchMarker = QStringLiteral("$patch");
const QString RetainKeys = QStringLiteral("$retainKeys");
const QString DeleteFromPrimitiveList = QStringLiteral("$deleteFromPrimitiveList/");
const QString SetElementOrder = QStringLiteral("$setElementOrder/");

// mergepatch's errors, with the code the patch handler gives each.
const QString BadRetainKeys = QStringLiteral("invalid patch format of retainKeys");
const QString NoListOfLists = QStringLiteral("lists of lists are not supported");

// What a list field's Go tag says: patchStrategy "merge" with a patchMergeKey (maps) or without
// one (primitives, merged as a set). Anything else is replaced whole.
struct Strategy
{
    bool merge = false;
    QString key;
};

Strategy mergeBy(const char *key)
{
    return Strategy{true, QString::fromLatin1(key)};
}

bool endsWith(const QStringList &path, const QStringList &tail)
{
    return path.size() >= tail.size() && path.mid(path.size() - tail.size()) == tail;
}

// The pod spec: a Pod's spec, or any template's spec (Deployment, StatefulSet, DaemonSet,
// ReplicaSet, Job, CronJob's jobTemplate, PodTemplate).
bool isPodSpec(const QString &kind, const QStringList &path)
{
    if (kind == QLatin1String("Pod") && path == QStringList{QStringLiteral("spec")})
        return true;
    return endsWith(path, {QStringLiteral("template"), QStringLiteral("spec")});
}

bool isContainer(const QString &kind, const QStringList &path)
{
    if (path.isEmpty())
        return false;
    const QString &last = path.last();
    return (last == QLatin1String("containers") || last == QLatin1String("initContainers") ||
            last == QLatin1String("ephemeralContainers")) &&
           isPodSpec(kind, path.mid(0, path.size() - 1));
}

// patchStrategy/patchMergeKey of the list at path (field names from the root, no indices), from
// k8s.io/api core/v1, apps/v1 and meta/v1. tolerations, envFrom, taints and the like carry no tag:
// atomic, replaced whole.
Strategy strategyOf(const QString &kind, const QStringList &path)
{
    const QString field = path.last();
    const QStringList parent = path.mid(0, path.size() - 1);
    if (isPodSpec(kind, parent)) {
        if (field == QLatin1String("containers") || field == QLatin1String("initContainers") ||
            field == QLatin1String("ephemeralContainers") || field == QLatin1String("volumes") ||
            field == QLatin1String("imagePullSecrets") ||
            field == QLatin1String("schedulingGates") || field == QLatin1String("resourceClaims"))
            return mergeBy("name");
        if (field == QLatin1String("hostAliases"))
            return mergeBy("ip");
        if (field == QLatin1String("topologySpreadConstraints"))
            return mergeBy("topologyKey");
    }
    if (isContainer(kind, parent)) {
        if (field == QLatin1String("ports"))
            return mergeBy("containerPort");
        if (field == QLatin1String("env"))
            return mergeBy("name");
        if (field == QLatin1String("volumeMounts"))
            return mergeBy("mountPath");
        if (field == QLatin1String("volumeDevices"))
            return mergeBy("devicePath");
    }
    if (!parent.isEmpty() && parent.last() == QLatin1String("metadata")) {
        if (field == QLatin1String("finalizers"))
            return Strategy{true, QString()};
        if (field == QLatin1String("ownerReferences"))
            return mergeBy("uid");
    }
    if (kind == QLatin1String("Service") && path == QStringList{QStringLiteral("spec"), field} &&
        field == QLatin1String("ports"))
        return mergeBy("port");
    if (kind == QLatin1String("ServiceAccount") && path == QStringList{field} &&
        field == QLatin1String("secrets"))
        return mergeBy("name");
    if (kind == QLatin1String("Node")) {
        if (path == QStringList{QStringLiteral("status"), QStringLiteral("addresses")})
            return mergeBy("type");
        if (path == QStringList{QStringLiteral("spec"), QStringLiteral("podCIDRs")})
            return Strategy{true, QString()};
    }
    if (path == QStringList{QStringLiteral("status"), QStringLiteral("conditions")} &&
        kind != QLatin1String("CustomResourceDefinition"))
        return mergeBy("type");
    return {};
}

// Go's %v of a decoded JSON value, as mergepatch's errors print maps.
QString goValue(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Object: {
        const QJsonObject o = v.toObject();
        QStringList parts;
        for (auto it = o.begin(); it != o.end(); ++it) // QJsonObject keeps keys sorted, as %v
            parts.append(it.key() + QLatin1Char(':') + goValue(it.value()));
        return QStringLiteral("map[") + parts.join(QLatin1Char(' ')) + QLatin1Char(']');
    }
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &e : v.toArray())
            parts.append(goValue(e));
        return QLatin1Char('[') + parts.join(QLatin1Char(' ')) + QLatin1Char(']');
    }
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest);
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return QStringLiteral("<nil>");
    }
}

// QJsonArray's operator+ appends one value; this joins two lists.
QJsonArray concat(QJsonArray a, const QJsonArray &b)
{
    for (const QJsonValue &v : b)
        a.append(v);
    return a;
}

// reflect.TypeOf(v) of a value decoded with integers kept (UnmarshalCaseSensitivePreserveInts).
QString goTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Object:
        return QStringLiteral("map[string]interface {}");
    case QJsonValue::Array:
        return QStringLiteral("[]interface {}");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Double:
        return v.toDouble() == double(qint64(v.toDouble())) ? QStringLiteral("int64")
                                                            : QStringLiteral("float64");
    case QJsonValue::Bool:
        return QStringLiteral("bool");
    default:
        return QStringLiteral("<nil>");
    }
}

// A value as the typed decode after the merge leaves it: directive keys and nulls gone.
QJsonValue cleaned(const QJsonValue &v)
{
    if (v.isObject()) {
        QJsonObject out;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!it.key().startsWith(QLatin1Char('$')) && !it.value().isNull())
                out.insert(it.key(), cleaned(it.value()));
        }
        return out;
    }
    if (v.isArray()) {
        QJsonArray out;
        for (const QJsonValue &e : v.toArray()) {
            // removeDirectives: an element that is only a directive is no element
            if (!(e.isObject() && e.toObject().contains(PatchMarker)))
                out.append(cleaned(e));
        }
        return out;
    }
    return v;
}

class Merger
{
public:
    explicit Merger(const QString &kind) : m_kind(kind) {}

    std::optional<Result> failure;

    QJsonObject mergeMap(QJsonObject original, QJsonObject patch, const QStringList &path)
    {
        if (patch.contains(PatchMarker)) {
            const QJsonValue directive = patch.value(PatchMarker);
            if (directive == QLatin1String("replace")) {
                patch.remove(PatchMarker);
                return patch;
            }
            if (directive == QLatin1String("delete"))
                return {};
            fail(500, unknownPatchType(directive, patch));
            return {};
        }
        if (!retainKeys(original, patch) || !setElementOrders(original, patch, path))
            return {};
        for (auto it = patch.begin(); it != patch.end() && !failure; ++it) {
            QString key = it.key();
            const QJsonValue patchValue = it.value();
            bool isDeleteList = false;
            if (key.startsWith(DeleteFromPrimitiveList)) {
                key = key.mid(DeleteFromPrimitiveList.size());
                if (key.isEmpty())
                    continue; // the real code finds no list named "" and does nothing
                isDeleteList = true;
            }
            if (patchValue.isNull()) {
                original.remove(key);
                continue;
            }
            if (!original.contains(key)) {
                if (!isDeleteList)
                    original.insert(key, cleaned(patchValue));
                continue;
            }
            const QJsonValue originalValue = original.value(key);
            if (originalValue.type() != patchValue.type()) {
                original.insert(key, cleaned(patchValue));
            } else if (patchValue.isObject()) {
                original.insert(key, mergeMap(originalValue.toObject(), patchValue.toObject(),
                                              path + QStringList{key}));
            } else if (patchValue.isArray()) {
                const Strategy s = strategyOf(m_kind, path + QStringList{key});
                original.insert(key, s.merge
                                         ? mergeSlice(originalValue.toArray(), patchValue.toArray(),
                                                      s, isDeleteList, path + QStringList{key})
                                         : patchValue);
            } else {
                original.insert(key, patchValue);
            }
        }
        return original;
    }

private:
    QString m_kind;

    QJsonObject fail(int code, const QString &message)
    {
        if (!failure)
            failure = Result{code, message, {}};
        return {};
    }

    static QString unknownPatchType(const QJsonValue &directive, const QJsonObject &in)
    {
        return QStringLiteral("unknown patch type: %1 in map: %2")
            .arg(goValue(directive), goValue(in));
    }

    static QString noMergeKey(const QJsonObject &in, const QString &key)
    {
        return QStringLiteral("map: %1 does not contain declared merge key: %2")
            .arg(goValue(in), key);
    }

    // $retainKeys: keys of the live map missing from the list go; the patch may only set keys
    // the list names.
    bool retainKeys(QJsonObject &original, QJsonObject &patch)
    {
        if (!patch.contains(RetainKeys))
            return true;
        const QJsonValue list = patch.take(RetainKeys);
        if (!list.isArray()) {
            fail(400, BadRetainKeys);
            return false;
        }
        QStringList keep;
        for (const QJsonValue &k : list.toArray())
            keep.append(k.toString());
        for (auto it = patch.begin(); it != patch.end(); ++it) {
            if (it.value().isNull() || it.key().startsWith(DeleteFromPrimitiveList) ||
                it.key().startsWith(SetElementOrder))
                continue;
            if (!keep.contains(it.key())) {
                fail(400, BadRetainKeys);
                return false;
            }
        }
        const QStringList keys = original.keys();
        for (const QString &k : keys) {
            if (!keep.contains(k))
                original.remove(k);
        }
        return true;
    }

    // $setElementOrder/<field>: the field's list merged with the patch's, then ordered by it.
    bool setElementOrders(QJsonObject &original, QJsonObject &patch, const QStringList &path)
    {
        const QStringList keys = patch.keys();
        for (const QString &directive : keys) {
            if (!directive.startsWith(SetElementOrder))
                continue;
            const QJsonValue order = patch.take(directive);
            const QString key = directive.mid(SetElementOrder.size());
            if (!order.isArray()) {
                fail(500, QStringLiteral("expected a []interface {}, but received a %1")
                              .arg(goTypeName(order)));
                return false;
            }
            const bool foundOriginal = original.value(key).isArray();
            const bool foundPatch = patch.value(key).isArray();
            if (!foundOriginal && !foundPatch)
                continue;
            const QStringList fieldPath = path + QStringList{key};
            const Strategy s = strategyOf(m_kind, fieldPath);
            const QJsonArray originalList = original.value(key).toArray();
            QJsonArray merged;
            if (!foundPatch)
                merged = originalList;
            else if (!foundOriginal)
                merged = cleaned(patch.value(key)).toArray();
            else if (s.merge)
                merged = mergeSlice(originalList, patch.value(key).toArray(), s, false, fieldPath);
            else
                merged = patch.value(key).toArray();
            if (failure)
                return false;
            QJsonArray inOrder, serverOnly;
            partition(merged, order.toArray(), s.key, &inOrder, &serverOnly);
            original.insert(
                key, normalizeOrder(inOrder, serverOnly, order.toArray(), originalList, s.key));
            patch.remove(key);
        }
        return true;
    }

    QJsonArray mergeSlice(QJsonArray original, QJsonArray patch, const Strategy &s,
                          bool isDeleteList, const QStringList &path)
    {
        if (original.isEmpty() && patch.isEmpty())
            return original;
        const auto elementType = sliceElementType(original, patch);
        if (!elementType)
            return {};
        QJsonArray merged;
        if (*elementType != QJsonValue::Object) {
            if (isDeleteList) {
                QJsonArray kept;
                for (const QJsonValue &v : std::as_const(original)) {
                    if (!patch.contains(v))
                        kept.append(v);
                }
                return kept;
            }
            for (const QJsonValue &v : concat(original, patch)) {
                if (!merged.contains(v))
                    merged.append(v);
            }
        } else {
            if (s.key.isEmpty()) {
                fail(500, QStringLiteral("cannot merge lists without merge key for type map"));
                return {};
            }
            if (!mergeSpecialElements(original, patch, s.key))
                return {};
            merged = original;
            for (const QJsonValue &v : std::as_const(patch)) {
                const QJsonObject element = v.toObject();
                if (!element.contains(s.key)) {
                    fail(500, noMergeKey(element, s.key));
                    return {};
                }
                const int at = indexOf(merged, element, s.key);
                if (at >= 0)
                    merged.replace(at, mergeMap(merged.at(at).toObject(), element, path));
                else
                    merged.append(cleaned(element));
            }
        }
        QJsonArray inPatch, serverOnly;
        partition(merged, patch, s.key, &inPatch, &serverOnly);
        return normalizeOrder(inPatch, serverOnly, patch, original, s.key);
    }

    // All elements of both lists one JSON type; a list of lists is refused by its first element.
    std::optional<QJsonValue::Type> sliceElementType(const QJsonArray &a, const QJsonArray &b)
    {
        std::optional<QJsonValue::Type> type;
        for (const QJsonValue &v : concat(a, b)) {
            if (!type && v.isArray()) {
                fail(422, NoListOfLists);
                return std::nullopt;
            }
            if (type && *type != v.type()) {
                fail(500, QStringLiteral("list element types are not identical: [%1 %2]")
                              .arg(goValue(a), goValue(b)));
                return std::nullopt;
            }
            type = v.type();
        }
        return type;
    }

    // Elements carrying $patch: delete removes the live element with its merge key, replace
    // makes the patch's other elements the list.
    bool mergeSpecialElements(QJsonArray &original, QJsonArray &patch, const QString &key)
    {
        QJsonArray plain;
        bool replace = false;
        for (const QJsonValue &v : std::as_const(patch)) {
            const QJsonObject element = v.toObject();
            if (!element.contains(PatchMarker)) {
                plain.append(element);
                continue;
            }
            const QJsonValue directive = element.value(PatchMarker);
            if (directive == QLatin1String("delete")) {
                if (!element.contains(key)) {
                    fail(500, noMergeKey(element, key));
                    return false;
                }
                for (int at = indexOf(original, element, key); at >= 0;
                     at = indexOf(original, element, key))
                    original.removeAt(at);
            } else if (directive == QLatin1String("replace")) {
                replace = true;
            } else if (directive == QLatin1String("merge")) {
                fail(500, QStringLiteral("merging lists cannot yet be specified in the patch"));
                return false;
            } else {
                fail(500, unknownPatchType(directive, element));
                return false;
            }
        }
        if (replace) {
            original = cleaned(plain).toArray();
            patch = QJsonArray();
        } else {
            patch = plain;
        }
        return true;
    }

    static int indexOf(const QJsonArray &list, const QJsonValue &item, const QString &key)
    {
        for (int i = 0; i < list.size(); ++i) {
            if (key.isEmpty() ? list.at(i) == item
                              : (list.at(i).isObject() && list.at(i).toObject().contains(key) &&
                                 list.at(i).toObject().value(key) == item.toObject().value(key)))
                return i;
        }
        return -1;
    }

    static void partition(const QJsonArray &merged, const QJsonArray &by, const QString &key,
                          QJsonArray *in, QJsonArray *out)
    {
        for (const QJsonValue &v : merged)
            (indexOf(by, v, key) >= 0 ? in : out)->append(v);
    }

    static QJsonArray sortedBy(const QJsonArray &items, const QJsonArray &order, const QString &key)
    {
        QList<QJsonValue> list(items.begin(), items.end());
        const auto rank = [&](const QJsonValue &v) {
            const int i = indexOf(order, v, key);
            return i < 0 ? INT_MAX : i;
        };
        std::stable_sort(list.begin(), list.end(), [&](const QJsonValue &a, const QJsonValue &b) {
            return rank(a) < rank(b);
        });
        QJsonArray out;
        for (const QJsonValue &v : std::as_const(list))
            out.append(v);
        return out;
    }

    // normalizeElementOrder and mergeSortedSlice: the patch's items in the patch's order, the
    // live-only items in the live order, each live-only item placed before the first patch item
    // the live list has after it. A patch item the live list never had goes first: kubectl's
    // docs show a container added by a patch ahead of the one that was there.
    static QJsonArray normalizeOrder(const QJsonArray &patchItems, const QJsonArray &serverOnly,
                                     const QJsonArray &patchOrder, const QJsonArray &serverOrder,
                                     const QString &key)
    {
        const QJsonArray right = sortedBy(patchItems, patchOrder, key);
        const QJsonArray left = sortedBy(serverOnly, serverOrder, key);
        QJsonArray all;
        int i = 0, j = 0;
        while (i < left.size() || j < right.size()) {
            if (j >= right.size()) {
                all.append(left.at(i++));
            } else if (i >= left.size()) {
                all.append(right.at(j++));
            } else {
                const int li = indexOf(serverOrder, left.at(i), key);
                const int ri = indexOf(serverOrder, right.at(j), key);
                if (li >= 0 && ri >= 0 && li < ri)
                    all.append(left.at(i++));
                else
                    all.append(right.at(j++));
            }
        }
        return all;
    }
};

} // namespace

Result patch(const QString &kind, const QJsonObject &live, const QJsonObject &patch)
{
    Merger merger(kind);
    const QJsonObject merged = merger.mergeMap(live, patch, {});
    if (merger.failure)
        return *merger.failure;
    Result r;
    r.object = cleaned(merged).toObject();
    return r;
}

} // namespace Fluxdesk::Testing::FakePatch::StrategicMerge
