#include "fluxevents.h"

#include "flux/fluxreadiness.h"
#include "manifest/apiversion.h"

#include <QHash>

#include <algorithm>

namespace Fluxdesk {

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonObject obj(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

QDateTime firstTime(const QJsonObject &o, std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        const QDateTime t = FluxReadinessRules::parseTime(str(o, key));
        if (t.isValid())
            return t;
    }
    return {};
}

} // namespace

QString FluxEvent::identity() const
{
    return uid.isEmpty() ? ns + QLatin1Char('/') + name : uid;
}

namespace FluxEvents {

std::optional<FluxEvent> fromJson(const QJsonObject &event)
{
    if (str(event, "kind") != QLatin1String("Event"))
        return std::nullopt;
    const QString group = groupOfApiVersion(str(event, "apiVersion"));
    const bool newApi = group == QLatin1String("events.k8s.io");
    if (!newApi && !group.isEmpty())
        return std::nullopt;

    FluxEvent e;
    const QJsonObject meta = obj(event, "metadata");
    e.uid = str(meta, "uid");
    e.ns = str(meta, "namespace");
    e.name = str(meta, "name");
    e.type = str(event, "type");
    e.reason = str(event, "reason");
    const QJsonObject series = obj(event, "series");
    const QJsonObject regarding = obj(event, newApi ? "regarding" : "involvedObject");
    e.objectGroup = groupOfApiVersion(str(regarding, "apiVersion"));
    e.objectKind = str(regarding, "kind");
    e.objectNamespace = str(regarding, "namespace");
    e.objectName = str(regarding, "name");
    e.objectUid = str(regarding, "uid");

    int count = series.value(QLatin1String("count")).toInt();
    if (newApi) {
        e.message = str(event, "note");
        if (count <= 0)
            count = event.value(QLatin1String("deprecatedCount")).toInt();
        e.source = str(event, "reportingController");
        if (e.source.isEmpty())
            e.source = str(obj(event, "deprecatedSource"), "component");
        e.time = FluxReadinessRules::parseTime(str(series, "lastObservedTime"));
        if (!e.time.isValid())
            e.time = firstTime(
                event, {"deprecatedLastTimestamp", "eventTime", "deprecatedFirstTimestamp"});
    } else {
        e.message = str(event, "message");
        if (count <= 0)
            count = event.value(QLatin1String("count")).toInt();
        e.source = str(event, "reportingComponent");
        if (e.source.isEmpty())
            e.source = str(obj(event, "source"), "component");
        e.time = FluxReadinessRules::parseTime(str(series, "lastObservedTime"));
        if (!e.time.isValid())
            e.time = firstTime(event, {"lastTimestamp", "eventTime", "firstTimestamp"});
    }
    if (!e.time.isValid())
        e.time = FluxReadinessRules::parseTime(str(meta, "creationTimestamp"));
    e.count = count > 0 ? count : 1;
    return e;
}

QList<FluxEvent> merged(const QList<FluxEvent> &events)
{
    QList<FluxEvent> out;
    QHash<QString, qsizetype> seen;
    for (const FluxEvent &e : events) {
        const QString id = e.identity();
        const auto it = seen.constFind(id);
        if (it != seen.constEnd()) {
            out[*it] = e;
            continue;
        }
        seen.insert(id, out.size());
        out.append(e);
    }
    std::stable_sort(out.begin(), out.end(), [](const FluxEvent &a, const FluxEvent &b) {
        if (a.time != b.time)
            return a.time > b.time;
        return a.name < b.name;
    });
    return out;
}

QList<FluxEvent> forObject(const QList<QJsonObject> &events, const QJsonObject &object)
{
    const QJsonObject meta = obj(object, "metadata");
    const QString group = groupOfApiVersion(str(object, "apiVersion"));
    const QString kind = str(object, "kind");
    const QString ns = str(meta, "namespace");
    const QString name = str(meta, "name");
    const QString uid = str(meta, "uid");

    QList<FluxEvent> matching;
    for (const QJsonObject &json : events) {
        const std::optional<FluxEvent> e = fromJson(json);
        if (!e || e->objectKind != kind || e->objectName != name || e->objectNamespace != ns)
            continue;
        // Events name their object's apiVersion when the reporter knows it; a group that differs
        // is another API's kind of the same name (kustomize's own Kustomization is not Flux's).
        if (!e->objectGroup.isEmpty() && e->objectGroup != group)
            continue;
        if (!uid.isEmpty() && !e->objectUid.isEmpty() && uid != e->objectUid)
            continue;
        matching.append(*e);
    }
    return merged(matching);
}

} // namespace FluxEvents
} // namespace Fluxdesk
