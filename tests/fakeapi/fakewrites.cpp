#include "fakewrites.h"

#include "fakepatch.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Fluxdesk::Testing::FakeWrites {

namespace {

QString str(const char *s)
{
    return QString::fromLatin1(s);
}

Answer failure(int code, const QString &message, const QString &reason = {})
{
    Answer a;
    a.code = code;
    a.message = message;
    a.reason = reason;
    return a;
}

QString apiVersionOf(const FakeApply::Target &t)
{
    return t.group.isEmpty() ? t.version : t.group + QLatin1Char('/') + t.version;
}

// "deployments.apps" or "configmaps": how the Status messages name a resource.
QString qualified(const FakeApply::Target &t)
{
    return t.group.isEmpty() ? t.resource : t.resource + QLatin1Char('.') + t.group;
}

Answer withDetails(Answer a, const FakeApply::Target &t)
{
    a.detailsName = t.name;
    a.detailsGroup = t.group;
    a.detailsKind = t.resource;
    return a;
}

Answer notFound(const FakeApply::Target &t)
{
    return withDetails(failure(404, qualified(t) + str(" \"") + t.name + str("\" not found")), t);
}

Answer notAllowed()
{
    return failure(405, str("the server does not allow this method on the requested resource"));
}

// The Conflict of an update against a stale resourceVersion (and of a failed precondition).
Answer conflict(const FakeApply::Target &t, const QString &why)
{
    return withDetails(failure(409, str("Operation cannot be fulfilled on ") + qualified(t) +
                                        str(" \"") + t.name + str("\": ") + why),
                       t);
}

const char StaleVersion[] = "the object has been modified; please apply your changes to the "
                            "latest version and try again";

QJsonObject metaOf(const QJsonObject &o)
{
    return o.value(QLatin1String("metadata")).toObject();
}

// Everything but metadata and status: what a change of bumps metadata.generation.
QJsonObject content(QJsonObject o)
{
    o.remove(QStringLiteral("metadata"));
    o.remove(QStringLiteral("status"));
    o.remove(QStringLiteral("apiVersion"));
    return o;
}

QJsonObject fieldsOf(const QJsonObject &object)
{
    QJsonObject out;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        out.insert(QStringLiteral("f:") + it.key(),
                   it.value().isObject() ? fieldsOf(it.value().toObject()) : QJsonObject());
    }
    return out;
}

QString fieldManager(const Request &request)
{
    const QString given =
        request.query.queryItemValue(QStringLiteral("fieldManager"), QUrl::FullyDecoded);
    if (!given.isEmpty())
        return given;
    const QString agent = QString::fromUtf8(request.userAgent).section(QLatin1Char('/'), 0, 0);
    return agent.isEmpty() ? str("unknown") : agent;
}

// The manager's Update entry (one per manager and subresource), for the fields it wrote.
QJsonObject withManagedFields(QJsonObject object, const FakeApply::Target &t,
                              const Request &request, const FakeApply::Context &context)
{
    QJsonObject metadata = metaOf(object);
    const QString manager = fieldManager(request);
    QJsonObject written = request.subresource == QLatin1String("status")
                              ? QJsonObject{{str("status"), object.value(QLatin1String("status"))}}
                              : object;
    written.remove(str("apiVersion"));
    written.remove(str("kind"));
    if (request.subresource.isEmpty())
        written.remove(str("status"));
    QJsonObject writtenMeta = metaOf(written);
    for (const char *key : {"managedFields", "resourceVersion", "uid", "creationTimestamp",
                            "generation", "name", "namespace", "deletionTimestamp"})
        writtenMeta.remove(str(key));
    if (writtenMeta.isEmpty())
        written.remove(str("metadata"));
    else
        written.insert(str("metadata"), writtenMeta);

    QJsonArray entries;
    for (const QJsonValue &entry : metadata.value(QLatin1String("managedFields")).toArray()) {
        const QJsonObject e = entry.toObject();
        const bool same =
            e.value(QLatin1String("manager")).toString() == manager &&
            e.value(QLatin1String("operation")).toString() == QLatin1String("Update") &&
            e.value(QLatin1String("subresource")).toString() == request.subresource;
        if (!same)
            entries.append(e);
    }
    QJsonObject entry{{str("manager"), manager},
                      {str("operation"), str("Update")},
                      {str("apiVersion"), apiVersionOf(t)},
                      {str("time"), context.now.toString(Qt::ISODate)},
                      {str("fieldsType"), str("FieldsV1")},
                      {str("fieldsV1"), fieldsOf(written)}};
    if (!request.subresource.isEmpty())
        entry.insert(str("subresource"), request.subresource);
    entries.append(entry);
    metadata.insert(str("managedFields"), entries);
    object.insert(str("metadata"), metadata);
    return object;
}

std::optional<Answer> badDryRun(const Request &request, const char *options)
{
    const QStringList dryRun =
        request.query.allQueryItemValues(QStringLiteral("dryRun"), QUrl::FullyDecoded);
    for (const QString &value : dryRun) {
        if (value == QLatin1String("All"))
            continue;
        const QString field = str("dryRun: Unsupported value: []string{\"") +
                              dryRun.join(str("\", \"")) + str("\"}: supported values: \"All\"");
        Answer a = failure(
            422, QString::fromLatin1(options) + str(".meta.k8s.io \"\" is invalid: ") + field,
            str("Invalid"));
        a.detailsGroup = str("meta.k8s.io");
        a.detailsKind = QString::fromLatin1(options);
        a.causeReason = str("FieldValueNotSupported");
        a.causeField = str("dryRun");
        a.causeMessage = field.mid(field.indexOf(QLatin1String(": ")) + 2);
        return a;
    }
    return std::nullopt;
}

bool isDryRun(const Request &request)
{
    return request.query.hasQueryItem(QStringLiteral("dryRun"));
}

std::optional<Answer> denied(const QList<AdmissionRule> &rules, const QJsonObject &object)
{
    const QJsonObject labels = metaOf(object).value(QLatin1String("labels")).toObject();
    for (const AdmissionRule &rule : rules) {
        if (!labels.contains(rule.labelKey))
            continue;
        if (!rule.labelValue.isEmpty() && labels.value(rule.labelKey).toString() != rule.labelValue)
            continue;
        return failure(
            qMax(400, rule.code),
            str("admission webhook \"%1\" denied the request: %2").arg(rule.webhook, rule.message));
    }
    return std::nullopt;
}

// The body of a POST or PUT, checked against the URL as the real server checks it.
std::optional<Answer> decode(const FakeApply::Target &t, const Request &request, QJsonObject *out)
{
    const QByteArray &body = request.body;
    // kubectl's generators (create configmap, ...) send protobuf, which the real server decodes
    // and this one does not: it says so instead of failing to read JSON.
    if (request.contentType.startsWith("application/vnd.kubernetes.protobuf"))
        return failure(415, str("the fake API server does not decode protobuf bodies: send "
                                "application/json"));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return failure(400, str("the body of the request could not be decoded as a JSON object: ") +
                                (doc.isObject() || error.error != QJsonParseError::NoError
                                     ? error.errorString()
                                     : str("not an object")));
    QJsonObject object = doc.object();
    const QString apiVersion = apiVersionOf(t);
    const QString givenVersion = object.value(QLatin1String("apiVersion")).toString();
    const QString givenKind = object.value(QLatin1String("kind")).toString();
    if ((!givenVersion.isEmpty() && givenVersion != apiVersion) ||
        (!givenKind.isEmpty() && givenKind != t.kind))
        return failure(400, str("the API version in the data (%1) does not match the expected API "
                                "version (%2)")
                                .arg(givenVersion, apiVersion));
    object.insert(str("apiVersion"), apiVersion);
    object.insert(str("kind"), t.kind);
    QJsonObject metadata = metaOf(object);
    const QString ns = metadata.value(QLatin1String("namespace")).toString();
    if (t.namespaced && !ns.isEmpty() && ns != t.ns)
        return failure(400, str("the namespace of the provided object does not match the "
                                "namespace sent on the request"));
    if (t.namespaced)
        metadata.insert(str("namespace"), t.ns);
    else
        metadata.remove(str("namespace"));
    object.insert(str("metadata"), metadata);
    *out = object;
    return std::nullopt;
}

Answer stored(QJsonObject next, const FakeApply::Target &t, const Request &request,
              const FakeApply::Context &context, int code)
{
    if (const auto refusal = denied(context.admission, next))
        return *refusal;
    next = withManagedFields(next, t, request, context);
    QJsonObject metadata = metaOf(next);
    if (isDryRun(request))
        metadata.remove(str("resourceVersion"));
    else
        metadata.insert(str("resourceVersion"), QString::number(context.resourceVersion));
    next.insert(str("metadata"), metadata);
    next.insert(str("apiVersion"), apiVersionOf(t));
    Answer a;
    a.code = code;
    a.object = next;
    a.store = !isDryRun(request);
    return a;
}

Answer create(const FakeApply::Target &t, const Request &request, const FakeApply::Context &context)
{
    if (!t.verbs.contains(QLatin1String("create")))
        return notAllowed();
    if (const auto bad = badDryRun(request, "CreateOptions"))
        return *bad;
    QJsonObject object;
    if (const auto bad = decode(t, request, &object))
        return *bad;
    if (t.name.isEmpty()) {
        Answer a = failure(422,
                           t.kind + str(" \"\" is invalid: metadata.name: Required value: name or "
                                        "generateName is required"),
                           str("Invalid"));
        a.detailsGroup = t.group;
        a.detailsKind = t.kind;
        a.causeReason = str("FieldValueRequired");
        a.causeField = str("metadata.name");
        a.causeMessage = str("Required value: name or generateName is required");
        return a;
    }
    if (context.existing)
        return withDetails(failure(409,
                                   qualified(t) + str(" \"") + t.name + str("\" already exists"),
                                   str("AlreadyExists")),
                           t);
    if (t.namespaced && !context.namespaceExists) {
        Answer a = failure(404, str("namespaces \"%1\" not found").arg(t.ns));
        a.detailsKind = str("namespaces");
        a.detailsName = t.ns;
        return a;
    }
    QJsonObject metadata = metaOf(object);
    metadata.insert(str("name"), t.name);
    for (const char *key : {"resourceVersion", "deletionTimestamp", "managedFields"})
        metadata.remove(str(key));
    metadata.insert(
        str("uid"),
        str("00000000-0000-4000-8000-%1").arg(context.resourceVersion, 12, 10, QLatin1Char('0')));
    metadata.insert(str("creationTimestamp"), context.now.toString(Qt::ISODate));
    metadata.insert(str("generation"), 1);
    object.insert(str("metadata"), metadata);
    if (t.hasStatus)
        object.remove(str("status")); // the status subresource owns it
    return stored(object, t, request, context, 201);
}

// The stored object with next's content: metadata the server owns kept, status kept or taken.
Answer update(const FakeApply::Target &t, QJsonObject next, const Request &request,
              const FakeApply::Context &context)
{
    const QJsonObject &live = *context.existing;
    const QJsonObject liveMeta = metaOf(live);
    const bool statusWrite = request.subresource == QLatin1String("status");
    const QString rv = metaOf(next).value(QLatin1String("resourceVersion")).toString();
    if (!rv.isEmpty() && rv != liveMeta.value(QLatin1String("resourceVersion")).toString())
        return conflict(t, str(StaleVersion));
    if (statusWrite) {
        QJsonObject out = live;
        if (next.contains(QLatin1String("status")))
            out.insert(str("status"), next.value(QLatin1String("status")));
        else
            out.remove(str("status"));
        next = out;
    } else {
        QJsonObject metadata = metaOf(next);
        for (const char *key :
             {"uid", "creationTimestamp", "generation", "managedFields", "deletionTimestamp"}) {
            if (liveMeta.contains(QLatin1String(key)))
                metadata.insert(str(key), liveMeta.value(QLatin1String(key)));
            else
                metadata.remove(str(key));
        }
        metadata.insert(str("name"), t.name);
        if (t.namespaced)
            metadata.insert(str("namespace"), t.ns);
        if (content(live) != content(next) && liveMeta.contains(QLatin1String("generation")))
            metadata.insert(str("generation"),
                            liveMeta.value(QLatin1String("generation")).toInt(1) + 1);
        next.insert(str("metadata"), metadata);
        if (t.hasStatus) {
            if (live.contains(QLatin1String("status")))
                next.insert(str("status"), live.value(QLatin1String("status")));
            else
                next.remove(str("status"));
        }
    }
    return stored(next, t, request, context, 200);
}

Answer replace(const FakeApply::Target &t, const Request &request,
               const FakeApply::Context &context)
{
    if (!t.verbs.contains(QLatin1String("update")))
        return notAllowed();
    if (const auto bad = badDryRun(request, "UpdateOptions"))
        return *bad;
    QJsonObject object;
    if (const auto bad = decode(t, request, &object))
        return *bad;
    const QString bodyName = metaOf(object).value(QLatin1String("name")).toString();
    if (bodyName != t.name)
        return failure(400, str("the name of the object (%1) does not match the name on the URL "
                                "(%2)")
                                .arg(bodyName, t.name));
    if (!context.existing)
        return notFound(t);
    return update(t, object, request, context);
}

Answer patch(const FakeApply::Target &t, const Request &request, const FakeApply::Context &context)
{
    if (!t.verbs.contains(QLatin1String("patch")))
        return notAllowed();
    if (const auto bad = badDryRun(request, "PatchOptions"))
        return *bad;
    if (!context.existing)
        return notFound(t);
    const FakePatch::Outcome outcome =
        FakePatch::patch(t.group, t.kind, request.contentType, *context.existing, request.body);
    if (outcome.code != 200) {
        Answer a = failure(outcome.code, outcome.message);
        if (outcome.code == 409 || outcome.code == 422)
            a = withDetails(a, t);
        return a;
    }
    QJsonObject next = outcome.object;
    // The patch carried no resourceVersion, or the live one (FakePatch refused a stale one).
    QJsonObject metadata = metaOf(next);
    metadata.insert(str("resourceVersion"),
                    metaOf(*context.existing).value(QLatin1String("resourceVersion")));
    next.insert(str("metadata"), metadata);
    return update(t, next, request, context);
}

Answer remove(const FakeApply::Target &t, const Request &request, const FakeApply::Context &context)
{
    if (!t.verbs.contains(QLatin1String("delete")))
        return notAllowed();
    if (const auto bad = badDryRun(request, "DeleteOptions"))
        return *bad;
    if (!context.existing)
        return notFound(t);
    const QJsonObject options = QJsonDocument::fromJson(request.body).object();
    QString propagation = options.value(QLatin1String("propagationPolicy")).toString();
    if (propagation.isEmpty())
        propagation =
            request.query.queryItemValue(QStringLiteral("propagationPolicy"), QUrl::FullyDecoded);
    const QJsonObject live = *context.existing;
    QJsonObject metadata = metaOf(live);
    const QJsonObject preconditions = options.value(QLatin1String("preconditions")).toObject();
    const QString wantedRv = preconditions.value(QLatin1String("resourceVersion")).toString();
    const QString liveRv = metadata.value(QLatin1String("resourceVersion")).toString();
    if (!wantedRv.isEmpty() && wantedRv != liveRv)
        return conflict(t, str("Precondition failed: ResourceVersion in precondition: %1, "
                               "ResourceVersion in object meta: %2")
                               .arg(wantedRv, liveRv));
    const QString wantedUid = preconditions.value(QLatin1String("uid")).toString();
    const QString liveUid = metadata.value(QLatin1String("uid")).toString();
    if (!wantedUid.isEmpty() && wantedUid != liveUid)
        return conflict(t, str("Precondition failed: UID in precondition: %1, UID in object "
                               "meta: %2")
                               .arg(wantedUid, liveUid));

    Answer a;
    a.code = 200;
    if (!metadata.value(QLatin1String("finalizers")).toArray().isEmpty()) {
        // Finalizers hold it: marked for deletion, gone once a write empties them.
        a.code = 202;
        a.object = live;
        if (metadata.contains(QLatin1String("deletionTimestamp")))
            return a;
        metadata.insert(str("deletionTimestamp"), context.now.toString(Qt::ISODate));
        metadata.insert(str("deletionGracePeriodSeconds"), 0);
        a.object.insert(str("metadata"), metadata);
        return stored(a.object, t, request, context, 202);
    }
    a.object = live;
    a.remove = !isDryRun(request);
    if (!propagation.isEmpty()) {
        a.reply = QJsonObject{{str("kind"), str("Status")},
                              {str("apiVersion"), str("v1")},
                              {str("metadata"), QJsonObject()},
                              {str("status"), str("Success")},
                              {str("details"), QJsonObject{{str("name"), t.name},
                                                           {str("group"), t.group},
                                                           {str("kind"), t.resource},
                                                           {str("uid"), liveUid}}}};
    }
    return a;
}

} // namespace

QString nameForCreate(const QByteArray &body, qint64 seed)
{
    const QJsonObject metadata = metaOf(QJsonDocument::fromJson(body).object());
    const QString name = metadata.value(QLatin1String("name")).toString();
    if (!name.isEmpty())
        return name;
    const QString prefix = metadata.value(QLatin1String("generateName")).toString();
    if (prefix.isEmpty())
        return {};
    // Five characters of the alphabet the real server draws from (no vowels, no 0, 1, 3).
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    quint64 n = quint64(seed) * 2654435761u + 12345u;
    QString suffix;
    for (int i = 0; i < 5; ++i) {
        suffix.append(QLatin1Char(alphabet[n % 27]));
        n /= 27;
    }
    return prefix + suffix;
}

Answer write(const FakeApply::Target &target, const Request &request,
             const FakeApply::Context &context)
{
    if (request.method == "POST")
        return create(target, request, context);
    if (request.method == "PUT")
        return replace(target, request, context);
    if (request.method == "PATCH")
        return patch(target, request, context);
    if (request.method == "DELETE")
        return remove(target, request, context);
    return notAllowed();
}

} // namespace Fluxdesk::Testing::FakeWrites
