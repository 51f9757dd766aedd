#include "fakeapply.h"

#include "manifest/yamljson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QRegularExpression>

namespace Fluxdesk::Testing::FakeApply {

namespace {

const QString NotFound = QStringLiteral("the server could not find the requested resource");

Answer failure(int code, const QString &message, const QString &reason = {})
{
    Answer a;
    a.code = code;
    a.message = message;
    a.reason = reason;
    return a;
}

// "Deployment.apps" or "Service": what a Status of an invalid object names its kind by.
QString qualifiedKind(const Target &t)
{
    return t.group.isEmpty() ? t.kind : t.kind + QLatin1Char('.') + t.group;
}

// One field.Error as a Status cause: "spec.selector: Invalid value: ..." gives field
// "spec.selector", reason FieldValueInvalid and the message after the field.
void setCause(Answer *a, const QString &fieldError)
{
    const int colon = int(fieldError.indexOf(QLatin1String(": ")));
    a->causeField = fieldError.left(colon);
    a->causeMessage = fieldError.mid(colon + 2);
    static const QList<QPair<QString, QString>> reasons = {
        {QStringLiteral("Invalid value"), QStringLiteral("FieldValueInvalid")},
        {QStringLiteral("Forbidden"), QStringLiteral("FieldValueForbidden")},
        {QStringLiteral("Required value"), QStringLiteral("FieldValueRequired")},
        {QStringLiteral("Unsupported value"), QStringLiteral("FieldValueNotSupported")},
    };
    for (const auto &r : reasons) {
        if (a->causeMessage.startsWith(r.first))
            a->causeReason = r.second;
    }
}

// errors.NewInvalid(): `Kind.group "name" is invalid: field: message`, 422, reason Invalid.
Answer invalid(const Target &t, const QString &name, const QString &fieldError)
{
    Answer a = failure(422,
                       qualifiedKind(t) + QStringLiteral(" \"") + name +
                           QStringLiteral("\" is invalid: ") + fieldError,
                       QStringLiteral("Invalid"));
    a.detailsGroup = t.group;
    a.detailsKind = t.kind;
    a.detailsName = name;
    setCause(&a, fieldError);
    return a;
}

// The PatchOptions checks (ValidatePatchOptions) come before the body is read.
Answer invalidOptions(const QString &fieldError)
{
    Answer a =
        failure(422, QStringLiteral("PatchOptions.meta.k8s.io \"\" is invalid: ") + fieldError,
                QStringLiteral("Invalid"));
    a.detailsGroup = QStringLiteral("meta.k8s.io");
    a.detailsKind = QStringLiteral("PatchOptions");
    setCause(&a, fieldError);
    return a;
}

QJsonValue at(const QJsonObject &object, const QStringList &path)
{
    QJsonValue v = object;
    for (const QString &key : path)
        v = v.toObject().value(key);
    return v;
}

// Go's %#v of a map[string]string, keys sorted: map[string]string{"a":"b", "c":"d"}.
QString goStringMap(const QJsonObject &map)
{
    QStringList pairs;
    const QStringList keys = map.keys(); // QJsonObject keeps its keys sorted
    for (const QString &key : keys)
        pairs.append(QLatin1Char('"') + key + QStringLiteral("\":\"") + map.value(key).toString() +
                     QLatin1Char('"'));
    return QStringLiteral("map[string]string{") + pairs.join(QStringLiteral(", ")) +
           QLatin1Char('}');
}

QString goLabelSelector(const QJsonObject &selector)
{
    const QJsonArray expressions = selector.value(QLatin1String("matchExpressions")).toArray();
    return QStringLiteral("v1.LabelSelector{MatchLabels:") +
           goStringMap(selector.value(QLatin1String("matchLabels")).toObject()) +
           QStringLiteral(", MatchExpressions:[]v1.LabelSelectorRequirement") +
           (expressions.isEmpty()
                ? QStringLiteral("(nil)")
                : QStringLiteral("{...%1 requirements...}").arg(expressions.size())) +
           QLatin1Char('}');
}

// The immutable fields of the built-in types, as their update validation reports them.
std::optional<QString> immutableChange(const Target &t, const QJsonObject &live,
                                       const QJsonObject &next)
{
    const QString gk = t.group + QLatin1Char('/') + t.kind;
    const auto changed = [&](const QStringList &path) { return at(live, path) != at(next, path); };
    const QStringList selector{QStringLiteral("spec"), QStringLiteral("selector")};
    if (gk == QLatin1String("apps/Deployment") || gk == QLatin1String("apps/DaemonSet") ||
        gk == QLatin1String("apps/ReplicaSet")) {
        if (changed(selector))
            return QStringLiteral("spec.selector: Invalid value: ") +
                   goLabelSelector(at(next, selector).toObject()) +
                   QStringLiteral(": field is immutable");
    }
    if (gk == QLatin1String("apps/StatefulSet")) {
        static const QStringList mutableFields = {
            QStringLiteral("replicas"),
            QStringLiteral("ordinals"),
            QStringLiteral("template"),
            QStringLiteral("updateStrategy"),
            QStringLiteral("minReadySeconds"),
            QStringLiteral("persistentVolumeClaimRetentionPolicy")};
        QJsonObject a = live.value(QLatin1String("spec")).toObject();
        QJsonObject b = next.value(QLatin1String("spec")).toObject();
        for (const QString &field : mutableFields) {
            a.remove(field);
            b.remove(field);
        }
        if (a != b)
            return QStringLiteral(
                "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', "
                "'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' "
                "and 'minReadySeconds' are forbidden");
    }
    if (gk == QLatin1String("/Service")) {
        const QString before =
            at(live, {QStringLiteral("spec"), QStringLiteral("clusterIP")}).toString();
        const QString after =
            at(next, {QStringLiteral("spec"), QStringLiteral("clusterIP")}).toString();
        if (!before.isEmpty() && before != QLatin1String("None") && after != before)
            return QStringLiteral("spec.clusterIPs[0]: Invalid value: []string{\"") + after +
                   QStringLiteral("\"}: may not change once set");
    }
    if (gk == QLatin1String("batch/Job")) {
        if (changed(selector))
            return QStringLiteral("spec.selector: Invalid value: ") +
                   goLabelSelector(at(next, selector).toObject()) +
                   QStringLiteral(": field is immutable");
        if (changed({QStringLiteral("spec"), QStringLiteral("template")}))
            return QStringLiteral("spec.template: Invalid value: core.PodTemplateSpec{...}: field "
                                  "is immutable");
    }
    if (gk == QLatin1String("/PersistentVolumeClaim")) {
        QJsonObject a = live.value(QLatin1String("spec")).toObject();
        QJsonObject b = next.value(QLatin1String("spec")).toObject();
        for (QJsonObject *spec : {&a, &b}) {
            QJsonObject resources = spec->value(QLatin1String("resources")).toObject();
            resources.remove(QLatin1String("requests"));
            spec->insert(QLatin1String("resources"), resources);
            spec->remove(QLatin1String("volumeAttributesClassName"));
        }
        if (a != b)
            return QStringLiteral("spec: Forbidden: spec is immutable after creation except "
                                  "resources.requests and volumeAttributesClassName for bound "
                                  "claims");
    }
    return std::nullopt;
}

// ValidateObjectMeta's name rule for most kinds: an RFC 1123 subdomain.
std::optional<QString> invalidName(const QString &name)
{
    static const QRegularExpression subdomain(
        QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"));
    if (name.size() <= 253 && subdomain.match(name).hasMatch())
        return std::nullopt;
    return QStringLiteral("metadata.name: Invalid value: \"") + name +
           QStringLiteral(
               "\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
               "characters, '-' or '.', and must start and end with an alphanumeric character "
               "(e.g. 'example.com', regex used for validation is "
               "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
}

// The managedFields entry of an apply: each field the applied configuration names.
QJsonObject fieldsOf(const QJsonObject &applied)
{
    QJsonObject out;
    for (auto it = applied.constBegin(); it != applied.constEnd(); ++it) {
        out.insert(QStringLiteral("f:") + it.key(),
                   it.value().isObject() ? fieldsOf(it.value().toObject()) : QJsonObject());
    }
    return out;
}

bool denies(const AdmissionRule &rule, const QJsonObject &object)
{
    const QJsonObject labels =
        at(object, {QStringLiteral("metadata"), QStringLiteral("labels")}).toObject();
    if (!labels.contains(rule.labelKey))
        return false;
    return rule.labelValue.isEmpty() || labels.value(rule.labelKey).toString() == rule.labelValue;
}

} // namespace

QJsonObject merged(const QJsonObject &live, const QJsonObject &applied)
{
    QJsonObject out = live;
    for (auto it = applied.constBegin(); it != applied.constEnd(); ++it) {
        if (it.value().isObject() && out.value(it.key()).isObject())
            out.insert(it.key(), merged(out.value(it.key()).toObject(), it.value().toObject()));
        else
            out.insert(it.key(), it.value());
    }
    return out;
}

Answer apply(const Target &target, const QUrlQuery &query, const QByteArray &contentType,
             const QByteArray &body, const Context &context)
{
    const QByteArray mediaType = contentType.split(';').value(0).trimmed().toLower();
    if (mediaType != "application/apply-patch+yaml") {
        const bool otherPatch = mediaType == "application/json-patch+json" ||
                                mediaType == "application/merge-patch+json" ||
                                mediaType == "application/strategic-merge-patch+json";
        if (otherPatch)
            return failure(405, QStringLiteral("the fake API server serves PATCH only as "
                                               "server-side apply (application/apply-patch+yaml)"));
        return failure(415, QStringLiteral("the body of the request was in an unknown format - "
                                           "accepted media types include: "
                                           "application/json-patch+json, "
                                           "application/merge-patch+json, "
                                           "application/apply-patch+yaml"));
    }
    if (!target.verbs.contains(QLatin1String("patch")))
        return failure(405, QStringLiteral("the server does not allow this method on the "
                                           "requested resource"));

    const QString fieldManager =
        query.queryItemValue(QStringLiteral("fieldManager"), QUrl::FullyDecoded);
    if (fieldManager.isEmpty())
        return invalidOptions(QStringLiteral("fieldManager: Required value: is required for "
                                             "apply patch"));
    const QStringList dryRun =
        query.allQueryItemValues(QStringLiteral("dryRun"), QUrl::FullyDecoded);
    for (const QString &value : dryRun) {
        if (value != QLatin1String("All"))
            return invalidOptions(QStringLiteral("dryRun: Unsupported value: []string{\"") +
                                  dryRun.join(QStringLiteral("\", \"")) +
                                  QStringLiteral("\"}: supported values: \"All\""));
    }

    const auto parsed = parseYamlValue(body, QStringLiteral("request body"));
    if (!parsed)
        return failure(
            400, QStringLiteral("error decoding YAML: error converting YAML to JSON: "
                                "yaml: line %1: %2")
                     .arg(QString::number(qMax(1, parsed.error().line)), parsed.error().message));
    if (!parsed->isObject())
        return failure(
            400, QStringLiteral("error decoding YAML: json: cannot unmarshal %1 into Go "
                                "value of type map[string]interface {}")
                     .arg(parsed->isArray() ? QStringLiteral("array") : QStringLiteral("string")));
    QJsonObject applied = parsed->toObject();
    QJsonObject metadata = applied.value(QLatin1String("metadata")).toObject();
    if (metadata.contains(QLatin1String("managedFields")))
        return failure(400, QStringLiteral("metadata.managedFields must be nil"));
    const QString apiVersion =
        target.group.isEmpty() ? target.version : target.group + QLatin1Char('/') + target.version;
    if (applied.value(QLatin1String("apiVersion")).toString() != apiVersion ||
        applied.value(QLatin1String("kind")).toString() != target.kind)
        return failure(400,
                       QStringLiteral("the API version in the data (%1) does not match the "
                                      "expected API version (%2)")
                           .arg(applied.value(QLatin1String("apiVersion")).toString(), apiVersion));
    const QString bodyName = metadata.value(QLatin1String("name")).toString();
    if (bodyName != target.name)
        return failure(400, QStringLiteral("the name of the object (%1) does not match the name "
                                           "on the URL (%2)")
                                .arg(bodyName, target.name));
    const QString bodyNs = metadata.value(QLatin1String("namespace")).toString();
    if (!bodyNs.isEmpty() && bodyNs != target.ns)
        return failure(400, QStringLiteral("the namespace of the provided object does not match "
                                           "the namespace sent on the request"));
    if (target.namespaced)
        metadata.insert(QStringLiteral("namespace"), target.ns);
    applied.insert(QStringLiteral("metadata"), metadata);
    if (target.hasStatus)
        applied.remove(QStringLiteral("status")); // the status subresource owns it

    // The NamespaceLifecycle admission plugin: nothing is created in a namespace that is not there.
    if (!context.existing && target.namespaced && !context.namespaceExists) {
        Answer a = failure(404, QStringLiteral("namespaces \"%1\" not found").arg(target.ns));
        a.detailsKind = QStringLiteral("namespaces");
        a.detailsName = target.ns;
        return a;
    }

    QJsonObject next = merged(context.existing.value_or(QJsonObject()), applied);
    QJsonObject nextMeta = next.value(QLatin1String("metadata")).toObject();
    if (context.existing) {
        if (const auto error = immutableChange(target, *context.existing, next))
            return invalid(target, target.name, *error);
    } else {
        if (const auto error = invalidName(target.name))
            return invalid(target, target.name, *error);
        nextMeta.insert(QStringLiteral("uid"),
                        QStringLiteral("00000000-0000-4000-8000-%1")
                            .arg(context.resourceVersion, 12, 10, QLatin1Char('0')));
        nextMeta.insert(QStringLiteral("creationTimestamp"), context.now.toString(Qt::ISODate));
        nextMeta.insert(QStringLiteral("generation"), 1);
        if (target.group.isEmpty() && target.kind == QLatin1String("Service")) {
            QJsonObject spec = next.value(QLatin1String("spec")).toObject();
            if (spec.value(QLatin1String("type")).toString() != QLatin1String("ExternalName") &&
                spec.value(QLatin1String("clusterIP")).toString().isEmpty()) {
                const QString ip = QStringLiteral("10.43.%1.%2")
                                       .arg((context.resourceVersion / 250) % 250)
                                       .arg(context.resourceVersion % 250 + 2);
                spec.insert(QStringLiteral("clusterIP"), ip);
                spec.insert(QStringLiteral("clusterIPs"), QJsonArray{ip});
                next.insert(QStringLiteral("spec"), spec);
            }
        }
    }
    if (context.existing &&
        at(*context.existing, {QStringLiteral("spec")}) != at(next, {QStringLiteral("spec")}))
        nextMeta.insert(QStringLiteral("generation"),
                        nextMeta.value(QLatin1String("generation")).toInt(1) + 1);

    QJsonArray managedFields;
    const QJsonArray previous = nextMeta.value(QLatin1String("managedFields")).toArray();
    for (const QJsonValue &entry : previous) {
        if (entry.toObject().value(QLatin1String("manager")).toString() != fieldManager)
            managedFields.append(entry);
    }
    QJsonObject appliedFields = fieldsOf(applied);
    appliedFields.remove(QStringLiteral("f:apiVersion"));
    appliedFields.remove(QStringLiteral("f:kind"));
    managedFields.append(QJsonObject{
        {QStringLiteral("manager"), fieldManager},
        {QStringLiteral("operation"), QStringLiteral("Apply")},
        {QStringLiteral("apiVersion"), apiVersion},
        {QStringLiteral("time"), context.now.toString(Qt::ISODate)},
        {QStringLiteral("fieldsType"), QStringLiteral("FieldsV1")},
        {QStringLiteral("fieldsV1"), appliedFields},
    });
    nextMeta.insert(QStringLiteral("managedFields"), managedFields);
    const bool dry = !dryRun.isEmpty();
    if (!dry)
        nextMeta.insert(QStringLiteral("resourceVersion"),
                        QString::number(context.resourceVersion));
    next.insert(QStringLiteral("metadata"), nextMeta);
    next.insert(QStringLiteral("apiVersion"), apiVersion);

    // Validating admission webhooks run last, on dry runs too (webhooks without side effects).
    for (const AdmissionRule &rule : context.admission) {
        if (!denies(rule, next))
            continue;
        Answer a = failure(qMax(400, rule.code),
                           QStringLiteral("admission webhook \"%1\" denied the request: %2")
                               .arg(rule.webhook, rule.message));
        return a;
    }

    Answer a;
    a.object = next;
    a.store = !dry;
    a.code = context.existing ? 200 : 201;
    return a;
}

} // namespace Fluxdesk::Testing::FakeApply
