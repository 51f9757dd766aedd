#include "fakefluxsupport.h"

#include "kube/resourcetype.h"

#include <QCryptographicHash>
#include <QStringList>

namespace Fluxdesk::Testing::FakeFluxSupport {

QJsonValue at(const QJsonObject &object, const QString &path)
{
    const QStringList parts = path.split(QLatin1Char('.'));
    QJsonValue value = object;
    for (const QString &part : parts) {
        if (!value.isObject())
            return QJsonValue();
        value = value.toObject().value(part);
    }
    return value;
}

QString text(const QJsonObject &object, const QString &path)
{
    return at(object, path).toString();
}

QString groupOf(const QJsonObject &object)
{
    const QString apiVersion = object.value(QLatin1String("apiVersion")).toString();
    const int slash = apiVersion.indexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : apiVersion.left(slash);
}

QString versionOf(const QJsonObject &object)
{
    const QString apiVersion = object.value(QLatin1String("apiVersion")).toString();
    return apiVersion.mid(apiVersion.indexOf(QLatin1Char('/')) + 1);
}

QString nameOf(const QJsonObject &object)
{
    return text(object, QStringLiteral("metadata.name"));
}

QString namespaceOf(const QJsonObject &object)
{
    return text(object, QStringLiteral("metadata.namespace"));
}

qint64 generationOf(const QJsonObject &object)
{
    const QJsonValue generation = at(object, QStringLiteral("metadata.generation"));
    return generation.isDouble() ? qint64(generation.toDouble()) : 1;
}

QString annotation(const QJsonObject &object, const QString &key)
{
    return at(object, QStringLiteral("metadata.annotations")).toObject().value(key).toString();
}

QString label(const QJsonObject &object, const QString &key)
{
    return at(object, QStringLiteral("metadata.labels")).toObject().value(key).toString();
}

QString timestamp(const QDateTime &when)
{
    return when.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QString inventoryId(const QJsonObject &object)
{
    return namespaceOf(object) + QLatin1Char('_') + nameOf(object) + QLatin1Char('_') +
           groupOf(object) + QLatin1Char('_') + object.value(QLatin1String("kind")).toString();
}

bool isClusterScoped(const QString &kind)
{
    static const QStringList kinds{
        QStringLiteral("Namespace"),
        QStringLiteral("Node"),
        QStringLiteral("PersistentVolume"),
        QStringLiteral("ClusterRole"),
        QStringLiteral("ClusterRoleBinding"),
        QStringLiteral("CustomResourceDefinition"),
        QStringLiteral("StorageClass"),
        QStringLiteral("IngressClass"),
        QStringLiteral("PriorityClass"),
        QStringLiteral("CSIDriver"),
        QStringLiteral("APIService"),
        QStringLiteral("ValidatingWebhookConfiguration"),
        QStringLiteral("MutatingWebhookConfiguration"),
        QStringLiteral("ValidatingAdmissionPolicy"),
        QStringLiteral("ValidatingAdmissionPolicyBinding"),
        QStringLiteral("RuntimeClass"),
        QStringLiteral("ClusterIssuer"),
    };
    return kinds.contains(kind);
}

QString worldKey(const QString &group, const QString &kind, const QString &ns, const QString &name)
{
    return group + QLatin1Char('|') + kind + QLatin1Char('|') + ns + QLatin1Char('|') + name;
}

World::World(const QList<QJsonObject> &objects) : m_objects(objects)
{
    for (int i = 0; i < m_objects.size(); ++i) {
        const QJsonObject &o = m_objects.at(i);
        const QString kind = o.value(QLatin1String("kind")).toString();
        m_index.insert(worldKey(groupOf(o), kind, namespaceOf(o), nameOf(o)), i);
        if (kind == QLatin1String("CustomResourceDefinition"))
            m_crdScopes.insert(at(o, QStringLiteral("spec.group")).toString() + QLatin1Char('/') +
                                   at(o, QStringLiteral("spec.names.kind")).toString(),
                               at(o, QStringLiteral("spec.scope")).toString() ==
                                   QLatin1String("Cluster"));
    }
}

bool World::clusterScoped(const QString &group, const QString &kind) const
{
    const auto crd = m_crdScopes.constFind(group + QLatin1Char('/') + kind);
    if (crd != m_crdScopes.cend())
        return *crd;
    if (const std::optional<ResourceType> type = wellKnownType(group, kind))
        return !type->namespaced;
    return isClusterScoped(kind);
}

std::optional<QJsonObject> World::find(const QString &group, const QString &kind, const QString &ns,
                                       const QString &name) const
{
    const int i = m_index.value(worldKey(group, kind, ns, name), -1);
    if (i < 0)
        return std::nullopt;
    return m_objects.at(i);
}

bool World::controllerAvailable(const QString &name) const
{
    const auto deployment = find(QStringLiteral("apps"), QStringLiteral("Deployment"),
                                 QStringLiteral("flux-system"), name);
    return deployment && conditionTrue(*deployment, QStringLiteral("Available"));
}

QJsonObject condition(const QJsonObject &object, const QString &type)
{
    const QJsonArray conditions = at(object, QStringLiteral("status.conditions")).toArray();
    for (const QJsonValue &c : conditions) {
        if (c.toObject().value(QLatin1String("type")).toString() == type)
            return c.toObject();
    }
    return QJsonObject();
}

bool conditionTrue(const QJsonObject &object, const QString &type)
{
    return condition(object, type).value(QLatin1String("status")).toString() ==
           QLatin1String("True");
}

bool readyNow(const QJsonObject &object)
{
    const QJsonValue observed = at(object, QStringLiteral("status.observedGeneration"));
    return conditionTrue(object, QStringLiteral("Ready")) && observed.isDouble() &&
           qint64(observed.toDouble()) == generationOf(object);
}

QJsonArray withCondition(const QJsonArray &conditions, const QString &type, const QString &status,
                         const QString &reason, const QString &message, qint64 generation,
                         const QDateTime &now)
{
    QJsonArray out;
    QString since = timestamp(now);
    bool placed = false;
    QJsonObject next{{QStringLiteral("type"), type},
                     {QStringLiteral("status"), status},
                     {QStringLiteral("reason"), reason},
                     {QStringLiteral("message"), message},
                     {QStringLiteral("observedGeneration"), generation}};
    for (const QJsonValue &value : conditions) {
        const QJsonObject c = value.toObject();
        if (c.value(QLatin1String("type")).toString() != type) {
            out.append(c);
            continue;
        }
        if (c.value(QLatin1String("status")).toString() == status)
            since = c.value(QLatin1String("lastTransitionTime")).toString();
        next.insert(QStringLiteral("lastTransitionTime"), since);
        out.append(next);
        placed = true;
    }
    if (!placed) {
        next.insert(QStringLiteral("lastTransitionTime"), since);
        // Ready first, as Flux orders its conditions.
        if (type == QLatin1String("Ready"))
            out.prepend(next);
        else
            out.append(next);
    }
    return out;
}

QJsonArray withoutCondition(const QJsonArray &conditions, const QString &type)
{
    QJsonArray out;
    for (const QJsonValue &c : conditions) {
        if (c.toObject().value(QLatin1String("type")).toString() != type)
            out.append(c);
    }
    return out;
}

FakeChange event(const QJsonObject &involved, const QString &component, const Outcome &outcome,
                 const QDateTime &now, const World &world, quint64 serial)
{
    const QString ns = namespaceOf(involved);
    const QString uid = text(involved, QStringLiteral("metadata.uid"));
    const QJsonObject involvedObject{
        {QStringLiteral("apiVersion"), involved.value(QLatin1String("apiVersion"))},
        {QStringLiteral("kind"), involved.value(QLatin1String("kind"))},
        {QStringLiteral("namespace"), ns},
        {QStringLiteral("name"), nameOf(involved)},
        {QStringLiteral("uid"), uid},
        {QStringLiteral("resourceVersion"),
         text(involved, QStringLiteral("metadata.resourceVersion"))}};

    // The correlator's key: same object, reason, message and source.
    for (const QJsonObject &stored : world.all()) {
        if (stored.value(QLatin1String("kind")).toString() != QLatin1String("Event") ||
            groupOf(stored) != QString() || namespaceOf(stored) != ns)
            continue;
        const QJsonObject io = stored.value(QLatin1String("involvedObject")).toObject();
        if (io.value(QLatin1String("kind")) != involvedObject.value(QLatin1String("kind")) ||
            io.value(QLatin1String("name")).toString() != nameOf(involved) ||
            stored.value(QLatin1String("reason")).toString() != outcome.eventReason ||
            stored.value(QLatin1String("message")).toString() != outcome.eventMessage ||
            text(stored, QStringLiteral("source.component")) != component)
            continue;
        QJsonObject again = stored;
        again.insert(QStringLiteral("count"), stored.value(QLatin1String("count")).toInt(1) + 1);
        again.insert(QStringLiteral("lastTimestamp"), timestamp(now));
        again.insert(QStringLiteral("involvedObject"), involvedObject);
        return FakeChange{FakeChange::Type::Put, again, 0};
    }

    QJsonObject annotations;
    for (auto it = outcome.eventAnnotations.constBegin(); it != outcome.eventAnnotations.constEnd();
         ++it)
        annotations.insert(it.key(), it.value());
    // client-go names an Event "<object>.<UnixNano in hex>"; the serial keeps two of one instant
    // apart and the name deterministic.
    const quint64 nanos = quint64(now.toMSecsSinceEpoch()) * 1000000u + serial;
    QJsonObject metadata{{QStringLiteral("name"), QString(nameOf(involved) + QLatin1Char('.') +
                                                          QString::number(nanos, 16))},
                         {QStringLiteral("namespace"), ns}};
    if (!annotations.isEmpty())
        metadata.insert(QStringLiteral("annotations"), annotations);
    const QJsonObject e{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Event")},
        {QStringLiteral("metadata"), metadata},
        {QStringLiteral("involvedObject"), involvedObject},
        {QStringLiteral("reason"), outcome.eventReason},
        {QStringLiteral("message"), outcome.eventMessage},
        {QStringLiteral("type"), outcome.eventType},
        {QStringLiteral("source"), QJsonObject{{QStringLiteral("component"), component}}},
        {QStringLiteral("reportingComponent"), component},
        {QStringLiteral("reportingInstance"), QString(component + QStringLiteral("-0"))},
        {QStringLiteral("count"), 1},
        {QStringLiteral("firstTimestamp"), timestamp(now)},
        {QStringLiteral("lastTimestamp"), timestamp(now)}};
    return FakeChange{FakeChange::Type::Put, e, 0};
}

QJsonObject progressing(const QJsonObject &object, const QString &message, const QDateTime &now)
{
    QJsonObject out = object;
    QJsonObject status = object.value(QLatin1String("status")).toObject();
    const qint64 generation = generationOf(object);
    QJsonArray conditions = status.value(QLatin1String("conditions")).toArray();
    conditions = withCondition(conditions, QStringLiteral("Reconciling"), QStringLiteral("True"),
                               QStringLiteral("Progressing"), message, generation, now);
    conditions = withCondition(conditions, QStringLiteral("Ready"), QStringLiteral("Unknown"),
                               QStringLiteral("Progressing"), message, generation, now);
    status.insert(QStringLiteral("conditions"), conditions);
    out.insert(QStringLiteral("status"), status);
    return out;
}

QString sha256Hex(const QString &text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString objectKey(const QJsonObject &o)
{
    return worldKey(groupOf(o), o.value(QLatin1String("kind")).toString(), namespaceOf(o),
                    nameOf(o));
}

bool newGeneration(const QJsonObject &o)
{
    const QJsonValue observed = at(o, QStringLiteral("status.observedGeneration"));
    return !observed.isDouble() || qint64(observed.toDouble()) != generationOf(o);
}

bool requested(const QJsonObject &o)
{
    const QString value = annotation(o, QStringLiteral("reconcile.fluxcd.io/requestedAt"));
    return !value.isEmpty() && value != text(o, QStringLiteral("status.lastHandledReconcileAt"));
}

QString readyReason(const QJsonObject &o)
{
    return condition(o, QStringLiteral("Ready")).value(QLatin1String("reason")).toString();
}

// Never reconciled, or left "in progress" by a FakeFlux that went away before its outcome landed.
bool neverDone(const QJsonObject &o)
{
    const QString reason = readyReason(o);
    return reason.isEmpty() || reason == QLatin1String("Progressing");
}

// The status every outcome starts from: observedGeneration and the handled request recorded,
// Reconciling gone.
QJsonObject baseStatus(const QJsonObject &o)
{
    QJsonObject status = o.value(QLatin1String("status")).toObject();
    status.insert(QStringLiteral("observedGeneration"), generationOf(o));
    const QString request = annotation(o, QStringLiteral("reconcile.fluxcd.io/requestedAt"));
    if (!request.isEmpty())
        status.insert(QStringLiteral("lastHandledReconcileAt"), request);
    status.insert(QStringLiteral("conditions"),
                  withoutCondition(status.value(QLatin1String("conditions")).toArray(),
                                   QStringLiteral("Reconciling")));
    return status;
}

QJsonObject withStatus(QJsonObject o, const QJsonObject &status)
{
    o.insert(QStringLiteral("status"), status);
    return o;
}

QJsonObject readyStatus(const QJsonObject &o, QJsonObject status, bool ready, const QString &reason,
                        const QString &message, const QDateTime &now)
{
    status.insert(QStringLiteral("conditions"),
                  withCondition(status.value(QLatin1String("conditions")).toArray(),
                                QStringLiteral("Ready"),
                                ready ? QStringLiteral("True") : QStringLiteral("False"), reason,
                                message, generationOf(o), now));
    return status;
}

} // namespace Fluxdesk::Testing::FakeFluxSupport
