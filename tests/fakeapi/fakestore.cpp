// The fake API server's stored state: the objects and the types they make (CRDs included), every
// stored write (apply, the other verbs, controllers' changes) with its journal event, and the
// controllers run after writes.
#include "fakeapply.h"
#include "fakeservercore.h"
#include "fakewrites.h"
#include "kube/discovery.h"
#include "manifest/apiversion.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QMetaObject>
#include <QMutexLocker>
#include <QTimer>
#include <QUuid>

namespace Fluxdesk::Testing {

using namespace FakeHttp;
using namespace FakeTypes;
using detail::Response;
using detail::status;

namespace {

QJsonObject metaOf(const QJsonObject &o)
{
    return o.value(QLatin1String("metadata")).toObject();
}

QString groupOf(const QJsonObject &o)
{
    return groupOfApiVersion(o.value(QLatin1String("apiVersion")).toString());
}

bool sameObject(const QJsonObject &o, const QString &group, const QString &kind, const QString &ns,
                const QString &name)
{
    const QJsonObject meta = metaOf(o);
    return o.value(QLatin1String("kind")).toString() == kind &&
           meta.value(QLatin1String("name")).toString() == name &&
           meta.value(QLatin1String("namespace")).toString() == ns && groupOf(o) == group;
}

// An object without what a write changes even when it changes nothing else.
QJsonObject comparable(QJsonObject o)
{
    o.remove(QStringLiteral("apiVersion"));
    QJsonObject meta = metaOf(o);
    meta.remove(QStringLiteral("resourceVersion"));
    QJsonArray fields;
    for (const QJsonValue &entry : meta.value(QLatin1String("managedFields")).toArray()) {
        QJsonObject e = entry.toObject();
        e.remove(QStringLiteral("time"));
        fields.append(e);
    }
    meta.insert(QStringLiteral("managedFields"), fields);
    o.insert(QStringLiteral("metadata"), meta);
    return o;
}

QDateTime nowInSeconds()
{
    QDateTime now = QDateTime::currentDateTimeUtc();
    now.setTime(QTime(now.time().hour(), now.time().minute(), now.time().second()));
    return now;
}

// "*" or empty matches anything.
bool matchesPattern(const QString &pattern, const QString &value)
{
    return pattern.isEmpty() || pattern == QLatin1String("*") || pattern == value;
}

} // namespace

void detail::ServerCore::rebuild(const QList<QJsonObject> &objects)
{
    types = builtinTypes();
    QHash<QString, int> byGvk;              // "apps/v1/Deployment"
    QHash<QString, QList<int>> byGroupKind; // "apps/Deployment": its type in every version
    for (int i = 0; i < types.size(); ++i) {
        byGvk.insert(types.at(i).groupVersion() + QLatin1Char('/') + types.at(i).kind, i);
        byGroupKind[groupKind(types.at(i).group, types.at(i).kind)].append(i);
    }
    // A CRD's types are served from the moment it is stored, whether objects of them exist.
    for (const QJsonObject &object : objects) {
        if (!isCrd(object))
            continue;
        for (const TypeEntry &t : crdTypes(object)) {
            const QString gvk = t.groupVersion() + QLatin1Char('/') + t.kind;
            if (byGvk.contains(gvk))
                continue;
            types.append(t);
            byGvk.insert(gvk, int(types.size()) - 1);
            byGroupKind[groupKind(t.group, t.kind)].append(int(types.size()) - 1);
        }
    }
    // A kind's objects by (namespace, name), whichever version they were given in: a real
    // server stores each object once and serves it in every version of its group. The same key
    // given twice is one object, the later one (as a second apply would leave it).
    QHash<QString, QMap<QPair<QString, QString>, QJsonObject>> stored; // by "group/kind"

    const QUuid uidNamespace(QStringLiteral("{6ba7b811-9dad-11d1-80b4-00c04fd430c8}"));
    QList<QJsonObject> completed;
    completed.reserve(objects.size());
    for (QJsonObject object : objects) {
        const QString apiVersion = object.value(QLatin1String("apiVersion")).toString();
        const QString kind = object.value(QLatin1String("kind")).toString();
        if (apiVersion.isEmpty() || kind.isEmpty())
            continue;
        QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
        const QString ns = metadata.value(QLatin1String("namespace")).toString();
        const QString name = metadata.value(QLatin1String("name")).toString();
        if (!metadata.contains(QLatin1String("resourceVersion")))
            metadata.insert(QLatin1String("resourceVersion"), QString::number(++resourceVersion));
        if (!metadata.contains(QLatin1String("uid"))) {
            const QString key = apiVersion + QLatin1Char('/') + kind + QLatin1Char('/') + ns +
                                QLatin1Char('/') + name;
            metadata.insert(QLatin1String("uid"),
                            QUuid::createUuidV5(uidNamespace, key).toString(QUuid::WithoutBraces));
        }
        if (!metadata.contains(QLatin1String("creationTimestamp")))
            metadata.insert(QLatin1String("creationTimestamp"),
                            QStringLiteral("2025-01-01T00:00:00Z"));
        object.insert(QLatin1String("metadata"), metadata);
        completed.append(object);

        const int slash = apiVersion.indexOf(QLatin1Char('/'));
        const QString group = slash < 0 ? QString() : apiVersion.left(slash);
        const QString version = slash < 0 ? apiVersion : apiVersion.mid(slash + 1);
        const QString gk = groupKind(group, kind);
        const QString gvk = apiVersion + QLatin1Char('/') + kind;
        int index = byGvk.value(gvk, -1);
        if (index < 0) {
            // Another version of a kind already served keeps its resource, scope and verbs.
            const QList<int> &siblings = byGroupKind[gk];
            TypeEntry t = siblings.isEmpty() ? derivedType(group, version, kind, ns)
                                             : types.at(siblings.first());
            t.version = version;
            types.append(t);
            index = int(types.size()) - 1;
            byGvk.insert(gvk, index);
            byGroupKind[gk].append(index);
        }
        const QString itemNs = types.at(index).namespaced ? ns : QString();
        stored[gk].insert(qMakePair(itemNs, name), object);
    }
    source = completed;

    for (auto kind = stored.cbegin(); kind != stored.cend(); ++kind) {
        for (const int index : byGroupKind.value(kind.key())) {
            TypeEntry &type = types[index];
            const QString apiVersion = type.groupVersion();
            type.items.reserve(kind->size());
            // QMap's order is the namespace, then the name: the order lists are served in.
            for (auto it = kind->cbegin(); it != kind->cend(); ++it) {
                QJsonObject object = it.value();
                object.insert(QLatin1String("apiVersion"), apiVersion);
                Item item;
                item.ns = it.key().first;
                item.name = it.key().second;
                item.labels = object.value(QLatin1String("metadata"))
                                  .toObject()
                                  .value(QLatin1String("labels"))
                                  .toObject();
                item.json = QJsonDocument(object).toJson(QJsonDocument::Compact);
                type.items.append(item);
            }
        }
    }
    typeByPath.clear();
    for (int i = 0; i < types.size(); ++i)
        typeByPath.insert(types.at(i).groupVersion() + QLatin1Char('/') + types.at(i).resource, i);
}

std::optional<QJsonObject> detail::ServerCore::find(const TypeEntry &type, const QString &ns,
                                                    const QString &name) const
{
    auto it = std::lower_bound(type.items.cbegin(), type.items.cend(), qMakePair(ns, name),
                               [](const Item &item, const QPair<QString, QString> &key) {
                                   return item.ns != key.first ? item.ns < key.first
                                                               : item.name < key.second;
                               });
    if (it == type.items.cend() || it->ns != ns || it->name != name)
        return std::nullopt;
    return QJsonDocument::fromJson(it->json).object();
}

Response detail::ServerCore::apply(const TypeEntry &type, const QString &ns, const QString &name,
                                   const QUrlQuery &query, const QByteArray &contentType,
                                   const QByteArray &body)
{
    FakeApply::Target target;
    target.group = type.group;
    target.version = type.version;
    target.resource = type.resource;
    target.kind = type.kind;
    target.namespaced = type.namespaced;
    target.hasStatus = type.hasSubresource(QStringLiteral("status"));
    target.verbs = type.verbs;
    target.ns = ns;
    target.name = name;

    FakeApply::Context context;
    context.existing = find(type, ns, name);
    context.namespaceExists = namespaceExists(ns);
    context.admission = admission;
    context.resourceVersion = resourceVersion + 1;
    context.now = nowInSeconds();

    const FakeApply::Answer answer = FakeApply::apply(target, query, contentType, body, context);
    if (answer.code >= 300)
        return status(answer.code, answer.message,
                      StatusDetails{answer.detailsName, answer.detailsGroup, answer.detailsKind,
                                    answer.reason, answer.causeReason, answer.causeMessage,
                                    answer.causeField});
    if (answer.store)
        return Response{answer.code,
                        QJsonDocument(commit(answer.object)).toJson(QJsonDocument::Compact)};
    return Response{answer.code, QJsonDocument(answer.object).toJson(QJsonDocument::Compact)};
}

bool detail::ServerCore::namespaceExists(const QString &ns) const
{
    static const QStringList builtinNamespaces = {
        QStringLiteral("default"), QStringLiteral("kube-system"), QStringLiteral("kube-public"),
        QStringLiteral("kube-node-lease")};
    const int namespaces = typeByPath.value(QStringLiteral("v1/namespaces"), -1);
    return ns.isEmpty() || builtinNamespaces.contains(ns) ||
           (namespaces >= 0 && find(types.at(namespaces), QString(), ns));
}

Response detail::ServerCore::write(const QByteArray &method, const TypeEntry &type,
                                   const QString &ns, const QString &name,
                                   const QString &subresource, const QUrlQuery &query,
                                   const QHash<QByteArray, QByteArray> &headers,
                                   const QByteArray &body)
{
    FakeApply::Target target;
    target.group = type.group;
    target.version = type.version;
    target.resource = type.resource;
    target.kind = type.kind;
    target.namespaced = type.namespaced;
    target.hasStatus = type.hasSubresource(QStringLiteral("status"));
    target.verbs = type.verbs;
    target.ns = ns;
    target.name = method == "POST" ? FakeWrites::nameForCreate(body, nextResourceVersion()) : name;

    FakeApply::Context context;
    if (!target.name.isEmpty())
        context.existing = find(type, ns, target.name);
    context.namespaceExists = namespaceExists(ns);
    context.admission = admission;
    context.resourceVersion = nextResourceVersion();
    context.now = nowInSeconds();

    FakeWrites::Request request;
    request.method = method;
    request.subresource = subresource;
    request.query = query;
    request.contentType = headers.value("content-type");
    request.body = body;
    request.userAgent = headers.value("user-agent");
    const FakeWrites::Answer answer = FakeWrites::write(target, request, context);
    if (answer.code >= 300)
        return status(answer.code, answer.message,
                      StatusDetails{answer.detailsName, answer.detailsGroup, answer.detailsKind,
                                    answer.reason, answer.causeReason, answer.causeMessage,
                                    answer.causeField});
    QJsonObject result = answer.object;
    // Writes rebuild the types: nothing of `type` is used after them.
    const QString apiVersion = type.groupVersion();
    if (answer.remove)
        erase(target.group, target.kind, ns, target.name);
    else if (answer.store)
        result = commit(answer.object);
    result.insert(QStringLiteral("apiVersion"), apiVersion);
    const QJsonObject &reply = answer.reply.isEmpty() ? result : answer.reply;
    return Response{answer.code, QJsonDocument(reply).toJson(QJsonDocument::Compact)};
}

Response detail::ServerCore::accessReview(const QByteArray &body) const
{
    QJsonObject review = QJsonDocument::fromJson(body).object();
    if (review.isEmpty())
        return status(400, QStringLiteral("the body of the request could not be decoded as a "
                                          "SelfSubjectAccessReview"));
    const QJsonObject attributes = review.value(QLatin1String("spec"))
                                       .toObject()
                                       .value(QLatin1String("resourceAttributes"))
                                       .toObject();
    QJsonObject verdict{{QStringLiteral("allowed"), true}};
    if (!attributes.isEmpty()) {
        for (const Denial &denial : denials) {
            if (matchesPattern(denial.verb, attributes.value(QLatin1String("verb")).toString()) &&
                matchesPattern(denial.group, attributes.value(QLatin1String("group")).toString()) &&
                matchesPattern(denial.resource,
                               attributes.value(QLatin1String("resource")).toString())) {
                verdict.insert(QStringLiteral("allowed"), false);
                verdict.insert(QStringLiteral("reason"), denial.reason);
                break;
            }
        }
    }
    review.insert(QStringLiteral("apiVersion"), QStringLiteral("authorization.k8s.io/v1"));
    review.insert(QStringLiteral("kind"), QStringLiteral("SelfSubjectAccessReview"));
    review.insert(QStringLiteral("metadata"),
                  QJsonObject{{QStringLiteral("creationTimestamp"), QJsonValue()}});
    review.insert(QStringLiteral("status"), verdict);
    return Response{201, QJsonDocument(review).toJson(QJsonDocument::Compact)};
}

QJsonObject detail::ServerCore::commit(QJsonObject object)
{
    const QString group = groupOf(object);
    const QString kind = object.value(QLatin1String("kind")).toString();
    QJsonObject meta = metaOf(object);
    const QString ns = meta.value(QLatin1String("namespace")).toString();
    const QString name = meta.value(QLatin1String("name")).toString();
    qsizetype at = -1;
    for (qsizetype i = 0; i < source.size() && at < 0; ++i) {
        if (sameObject(source.at(i), group, kind, ns, name))
            at = i;
    }
    const QJsonObject previous = at >= 0 ? source.at(at) : QJsonObject();
    if (at >= 0 && comparable(previous) == comparable(object))
        return previous;
    if (at >= 0 && meta.contains(QLatin1String("deletionTimestamp")) &&
        meta.value(QLatin1String("finalizers")).toArray().isEmpty()) {
        erase(group, kind, ns, name); // the last finalizer is gone
        return object;
    }
    const QJsonObject previousMeta = metaOf(previous);
    for (const char *key : {"uid", "creationTimestamp"}) {
        if (previousMeta.contains(QLatin1String(key)))
            meta.insert(QLatin1String(key), previousMeta.value(QLatin1String(key)));
    }
    if (!meta.contains(QLatin1String("uid")))
        meta.insert(QStringLiteral("uid"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (!meta.contains(QLatin1String("creationTimestamp")))
        meta.insert(QStringLiteral("creationTimestamp"), nowInSeconds().toString(Qt::ISODate));
    meta.insert(QStringLiteral("resourceVersion"), QString::number(++resourceVersion));
    object.insert(QStringLiteral("metadata"), meta);
    if (at >= 0)
        source[at] = object;
    else
        source.append(object);
    rebuild(source);
    FakeWatch::Event event;
    event.resourceVersion = resourceVersion;
    event.type = at >= 0 ? FakeWatch::EventType::Modified : FakeWatch::EventType::Added;
    event.group = group;
    event.kind = kind;
    event.ns = ns;
    event.name = name;
    event.object = object;
    event.previous = previous;
    journal.append(event);
    afterWrite();
    return object;
}

void detail::ServerCore::erase(const QString &group, const QString &kind, const QString &ns,
                               const QString &name)
{
    QList<QJsonObject> gone;
    for (qsizetype i = 0; i < source.size(); ++i) {
        if (sameObject(source.at(i), group, kind, ns, name)) {
            gone.append(source.takeAt(i));
            break;
        }
    }
    if (gone.isEmpty())
        return;
    if (isCrd(gone.first())) {
        // Deleting a CRD deletes its objects.
        const QJsonObject spec = gone.first().value(QLatin1String("spec")).toObject();
        const QString crGroup = spec.value(QLatin1String("group")).toString();
        const QString crKind =
            spec.value(QLatin1String("names")).toObject().value(QLatin1String("kind")).toString();
        for (qsizetype i = 0; i < source.size();) {
            const QJsonObject &o = source.at(i);
            if (groupOf(o) == crGroup && o.value(QLatin1String("kind")).toString() == crKind)
                gone.append(source.takeAt(i));
            else
                ++i;
        }
    }
    for (QJsonObject last : gone) {
        QJsonObject meta = metaOf(last);
        meta.insert(QStringLiteral("resourceVersion"), QString::number(++resourceVersion));
        last.insert(QStringLiteral("metadata"), meta);
        FakeWatch::Event event;
        event.resourceVersion = resourceVersion;
        event.type = FakeWatch::EventType::Deleted;
        event.group = groupOf(last);
        event.kind = last.value(QLatin1String("kind")).toString();
        event.ns = meta.value(QLatin1String("namespace")).toString();
        event.name = meta.value(QLatin1String("name")).toString();
        event.object = last;
        event.previous = last;
        journal.append(event);
    }
    rebuild(source);
    afterWrite();
}

void detail::ServerCore::applyChange(const FakeChange &change)
{
    const QJsonObject meta = metaOf(change.object);
    const QString name = meta.value(QLatin1String("name")).toString();
    if (name.isEmpty() || change.object.value(QLatin1String("kind")).toString().isEmpty()) {
        qWarning("FakeApiServer: a change without kind or metadata.name is ignored");
        return;
    }
    if (change.type == FakeChange::Type::Delete)
        erase(groupOf(change.object), change.object.value(QLatin1String("kind")).toString(),
              meta.value(QLatin1String("namespace")).toString(), name);
    else
        commit(change.object);
}

void detail::ServerCore::afterWrite()
{
    if (!home)
        return;
    if (!wakeScheduled) {
        wakeScheduled = true;
        QMetaObject::invokeMethod(
            home, [this] { wakeWatchers(); }, Qt::QueuedConnection);
    }
    if (!controllers.empty() && !controllersScheduled) {
        controllersScheduled = true;
        QMetaObject::invokeMethod(
            home, [this] { runControllers(); }, Qt::QueuedConnection);
    }
}

void detail::ServerCore::wakeWatchers()
{
    {
        QMutexLocker locker(&mutex);
        wakeScheduled = false;
    }
    const QList<WatchSink *> sinks = watchers;
    for (WatchSink *sink : sinks) {
        if (watchers.contains(sink)) // an earlier one's end may not end this one, but be sure
            sink->pump();
    }
}

void detail::ServerCore::runControllers()
{
    constexpr int MaxRounds = 100;
    for (int round = 0; round < MaxRounds; ++round) {
        QList<QJsonObject> objects;
        std::vector<std::shared_ptr<FakeController>> running;
        {
            QMutexLocker locker(&mutex);
            controllersScheduled = false;
            objects = source;
            running = controllers;
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QList<FakeChange> changes;
        for (const auto &controller : running)
            changes += controller->react(objects, now);
        if (changes.isEmpty())
            return;
        for (const FakeChange &change : changes) {
            if (change.delayMs > 0) {
                QTimer::singleShot(change.delayMs, home, [this, change] {
                    QMutexLocker locker(&mutex);
                    applyChange(change);
                });
            } else {
                QMutexLocker locker(&mutex);
                applyChange(change);
            }
        }
    }
    qWarning("FakeApiServer: the controllers still had changes after %d rounds; a controller "
             "that never settles is a bug in it",
             MaxRounds);
}

} // namespace Fluxdesk::Testing
