// The statuses and names here are the real controllers' (k8s.io/kubernetes pkg/controller:
// deployment/util, statefulset, daemon; apiextensions-apiserver's naming controller), so code
// that reads a real cluster reads the fake the same way.
#include "fakekubecontrollers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>

#include <algorithm>
#include <optional>

namespace Fluxdesk::Testing {

namespace {

enum class Phase
{
    Coming,    // pods created, not ready yet
    Available, // every replica ready and available
    Failed,    // the pods never start: the progress deadline passed
};

QJsonObject metaOf(const QJsonObject &o)
{
    return o.value(QLatin1String("metadata")).toObject();
}

QString metaText(const QJsonObject &o, const char *key)
{
    return metaOf(o).value(QLatin1String(key)).toString();
}

qint64 generationOf(const QJsonObject &o)
{
    const QJsonValue g = metaOf(o).value(QLatin1String("generation"));
    return g.isDouble() ? qint64(g.toDouble()) : 1;
}

QString timestamp(const QDateTime &when)
{
    return when.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

// rand.SafeEncodeString(fmt.Sprint(fnv32a(...))): how the controllers turn a pod template into
// the pod-template-hash and controller-revision names ("web-5d8c9b7f4").
QString templateHash(const QJsonObject &podTemplate)
{
    const QByteArray bytes = QJsonDocument(podTemplate).toJson(QJsonDocument::Compact);
    quint32 hash = 2166136261u;
    for (const char c : bytes) {
        hash ^= quint8(c);
        hash *= 16777619u;
    }
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    QString out;
    for (const QChar digit : QString::number(hash))
        out.append(QLatin1Char(alphabet[digit.unicode() % 27]));
    return out;
}

QJsonObject podTemplateOf(const QJsonObject &workload)
{
    return workload.value(QLatin1String("spec"))
        .toObject()
        .value(QLatin1String("template"))
        .toObject();
}

QJsonArray containersOf(const QJsonObject &workload)
{
    const QJsonObject podSpec = podTemplateOf(workload).value(QLatin1String("spec")).toObject();
    QJsonArray all = podSpec.value(QLatin1String("initContainers")).toArray();
    for (const QJsonValue &c : podSpec.value(QLatin1String("containers")).toArray())
        all.append(c);
    return all;
}

// The first container running a failing image, or an empty object.
QJsonObject failingContainer(const QJsonObject &workload, const QSet<QString> &failingImages)
{
    for (const QJsonValue &c : containersOf(workload)) {
        if (failingImages.contains(c.toObject().value(QLatin1String("image")).toString()))
            return c.toObject();
    }
    return {};
}

int replicasOf(const QJsonObject &workload)
{
    const QJsonValue r =
        workload.value(QLatin1String("spec")).toObject().value(QLatin1String("replicas"));
    return r.isDouble() ? r.toInt() : 1; // the defaulted value
}

// A condition as the controllers' SetCondition keeps it: lastTransitionTime stays while the
// status does. Deployment conditions carry lastUpdateTime too.
QJsonObject condition(const QJsonObject &status, const QString &type, bool isTrue,
                      const QString &reason, const QString &message, const QDateTime &now,
                      bool withUpdateTime)
{
    const QString value = isTrue ? QStringLiteral("True") : QStringLiteral("False");
    QString since = timestamp(now);
    for (const QJsonValue &c : status.value(QLatin1String("conditions")).toArray()) {
        const QJsonObject old = c.toObject();
        if (old.value(QLatin1String("type")) == type && old.value(QLatin1String("status")) == value)
            since = old.value(QLatin1String("lastTransitionTime")).toString(since);
    }
    QJsonObject c{{QStringLiteral("type"), type},
                  {QStringLiteral("status"), value},
                  {QStringLiteral("lastTransitionTime"), since},
                  {QStringLiteral("reason"), reason},
                  {QStringLiteral("message"), message}};
    if (withUpdateTime)
        c.insert(QStringLiteral("lastUpdateTime"), timestamp(now));
    return c;
}

// A status with its conditions' times left out: what decides whether there is anything to write.
QJsonObject withoutTimes(QJsonObject status)
{
    QJsonArray conditions;
    for (const QJsonValue &c : status.value(QLatin1String("conditions")).toArray()) {
        QJsonObject o = c.toObject();
        o.remove(QStringLiteral("lastTransitionTime"));
        o.remove(QStringLiteral("lastUpdateTime"));
        conditions.append(o);
    }
    if (status.contains(QLatin1String("conditions")))
        status.insert(QStringLiteral("conditions"), conditions);
    return status;
}

// Go's omitempty: a zero count is not written.
void count(QJsonObject *status, const char *key, int n)
{
    if (n != 0)
        status->insert(QLatin1String(key), n);
}

QJsonObject deploymentStatus(const QJsonObject &d, Phase phase, const QDateTime &now)
{
    const QJsonObject old = d.value(QLatin1String("status")).toObject();
    const int n = replicasOf(d);
    const QString rs = metaText(d, "name") + QLatin1Char('-') + templateHash(podTemplateOf(d));
    QJsonObject s{{QStringLiteral("observedGeneration"), generationOf(d)}};
    count(&s, "replicas", n);
    count(&s, "updatedReplicas", n);
    const bool up = phase == Phase::Available || n == 0;
    count(&s, "readyReplicas", up ? n : 0);
    count(&s, "availableReplicas", up ? n : 0);
    count(&s, "unavailableReplicas", up ? 0 : n);
    const QJsonObject available =
        up ? condition(old, QStringLiteral("Available"), true,
                       QStringLiteral("MinimumReplicasAvailable"),
                       QStringLiteral("Deployment has minimum availability."), now, true)
           : condition(old, QStringLiteral("Available"), false,
                       QStringLiteral("MinimumReplicasUnavailable"),
                       QStringLiteral("Deployment does not have minimum availability."), now, true);
    QJsonObject progressing;
    if (up)
        progressing = condition(
            old, QStringLiteral("Progressing"), true, QStringLiteral("NewReplicaSetAvailable"),
            QStringLiteral("ReplicaSet \"%1\" has successfully progressed.").arg(rs), now, true);
    else if (phase == Phase::Failed)
        progressing = condition(
            old, QStringLiteral("Progressing"), false, QStringLiteral("ProgressDeadlineExceeded"),
            QStringLiteral("ReplicaSet \"%1\" has timed out progressing.").arg(rs), now, true);
    else
        progressing =
            condition(old, QStringLiteral("Progressing"), true, QStringLiteral("ReplicaSetUpdated"),
                      QStringLiteral("ReplicaSet \"%1\" is progressing.").arg(rs), now, true);
    s.insert(QStringLiteral("conditions"), QJsonArray{available, progressing});
    return s;
}

QJsonObject statefulSetStatus(const QJsonObject &sts, Phase phase)
{
    const int n = replicasOf(sts);
    const QString revision =
        metaText(sts, "name") + QLatin1Char('-') + templateHash(podTemplateOf(sts));
    QJsonObject s{{QStringLiteral("observedGeneration"), generationOf(sts)},
                  {QStringLiteral("replicas"), n},
                  {QStringLiteral("currentRevision"), revision},
                  {QStringLiteral("updateRevision"), revision},
                  {QStringLiteral("collisionCount"), 0}};
    count(&s, "currentReplicas", n);
    count(&s, "updatedReplicas", n);
    count(&s, "readyReplicas", phase == Phase::Available ? n : 0);
    count(&s, "availableReplicas", phase == Phase::Available ? n : 0);
    return s;
}

// One node: a homelab's K3s server as the fake has it.
QJsonObject daemonSetStatus(const QJsonObject &ds, Phase phase)
{
    const int ready = phase == Phase::Available ? 1 : 0;
    QJsonObject s{{QStringLiteral("observedGeneration"), generationOf(ds)},
                  {QStringLiteral("currentNumberScheduled"), 1},
                  {QStringLiteral("desiredNumberScheduled"), 1},
                  {QStringLiteral("numberMisscheduled"), 0},
                  {QStringLiteral("numberReady"), ready},
                  {QStringLiteral("updatedNumberScheduled"), 1}};
    count(&s, "numberAvailable", ready);
    count(&s, "numberUnavailable", 1 - ready);
    return s;
}

// The pod a workload's controller made first: "<name>-<hash>-<suffix>", "<name>-0".
QString podName(const QJsonObject &workload)
{
    const QString kind = workload.value(QLatin1String("kind")).toString();
    const QString name = metaText(workload, "name");
    const QString hash = templateHash(podTemplateOf(workload));
    if (kind == QLatin1String("StatefulSet"))
        return name + QStringLiteral("-0");
    const QString suffix = templateHash({{QStringLiteral("pod"), name}}).left(5);
    if (kind == QLatin1String("Deployment"))
        return name + QLatin1Char('-') + hash + QLatin1Char('-') + suffix;
    return name + QLatin1Char('-') + suffix;
}

// The kubelet's Event for the workload's first pod, as of when: the container started, or the
// image could not be pulled.
QJsonObject podEvent(const QJsonObject &workload, const QJsonObject &failing, const QDateTime &when)
{
    const QString ns = metaText(workload, "namespace");
    const QString pod = podName(workload);
    const QString stamp = timestamp(when);
    QString reason = QStringLiteral("Started");
    QString type = QStringLiteral("Normal");
    // a template without containers (the fake stores what the real server would refuse) still
    // gets its wake-up
    QString container =
        containersOf(workload).at(0).toObject().value(QLatin1String("name")).toString();
    if (!failing.isEmpty())
        container = failing.value(QLatin1String("name")).toString();
    if (container.isEmpty())
        container = metaText(workload, "name");
    QString message = QStringLiteral("Started container %1").arg(container);
    if (!failing.isEmpty()) {
        const QString image = failing.value(QLatin1String("image")).toString();
        reason = QStringLiteral("Failed");
        type = QStringLiteral("Warning");
        message = QStringLiteral("Failed to pull image \"%1\": rpc error: code = NotFound desc = "
                                 "failed to pull and unpack image \"%1\": failed to resolve "
                                 "reference \"%1\": %1: not found")
                      .arg(image);
    }
    const QString fieldPath = QStringLiteral("spec.containers{%1}").arg(container);
    const QString eventName =
        pod + QLatin1Char('.') + QString::number(quint64(when.toMSecsSinceEpoch()) * 1000000u, 16);
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Event")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), eventName}, {QStringLiteral("namespace"), ns}}},
        {QStringLiteral("involvedObject"),
         QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                     {QStringLiteral("kind"), QStringLiteral("Pod")},
                     {QStringLiteral("name"), pod},
                     {QStringLiteral("namespace"), ns},
                     {QStringLiteral("fieldPath"), fieldPath}}},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("message"), message},
        {QStringLiteral("type"), type},
        {QStringLiteral("source"),
         QJsonObject{{QStringLiteral("component"), QStringLiteral("kubelet")}}},
        {QStringLiteral("reportingComponent"), QStringLiteral("kubelet")},
        {QStringLiteral("count"), 1},
        {QStringLiteral("firstTimestamp"), stamp},
        {QStringLiteral("lastTimestamp"), stamp},
    };
}

QJsonObject withStatus(QJsonObject o, const QJsonObject &status)
{
    o.insert(QStringLiteral("status"), status);
    return o;
}

// apiextensions' naming controller: the names the CRD asked for, defaulted, are accepted.
std::optional<QJsonObject> crdStatus(const QJsonObject &crd, const QDateTime &now)
{
    const QJsonObject spec = crd.value(QLatin1String("spec")).toObject();
    const QJsonObject old = crd.value(QLatin1String("status")).toObject();
    QJsonObject names = spec.value(QLatin1String("names")).toObject();
    const QString kind = names.value(QLatin1String("kind")).toString();
    if (!names.contains(QLatin1String("singular")))
        names.insert(QStringLiteral("singular"), kind.toLower());
    if (!names.contains(QLatin1String("listKind")))
        names.insert(QStringLiteral("listKind"), QString(kind + QStringLiteral("List")));
    QJsonArray stored = old.value(QLatin1String("storedVersions")).toArray();
    for (const QJsonValue &v : spec.value(QLatin1String("versions")).toArray()) {
        const QJsonObject version = v.toObject();
        if (version.value(QLatin1String("storage")).toBool() &&
            !stored.contains(version.value(QLatin1String("name"))))
            stored.append(version.value(QLatin1String("name")));
    }
    const QJsonObject s{
        {QStringLiteral("acceptedNames"), names},
        {QStringLiteral("storedVersions"), stored},
        {QStringLiteral("conditions"),
         QJsonArray{
             condition(old, QStringLiteral("NamesAccepted"), true, QStringLiteral("NoConflicts"),
                       QStringLiteral("no conflicts found"), now, false),
             condition(old, QStringLiteral("Established"), true,
                       QStringLiteral("InitialNamesAccepted"),
                       QStringLiteral("the initial names have been accepted"), now, false)}}};
    if (withoutTimes(s) == withoutTimes(old))
        return std::nullopt;
    return s;
}

} // namespace

void FakeKubeControllers::setAvailableDelayMs(int ms)
{
    QMutexLocker locker(&m_mutex);
    m_delayMs = std::max(0, ms);
}

void FakeKubeControllers::setFailingImages(const QSet<QString> &images)
{
    QMutexLocker locker(&m_mutex);
    m_failingImages = images;
}

QList<FakeChange> FakeKubeControllers::react(const QList<QJsonObject> &objects,
                                             const QDateTime &now)
{
    QMutexLocker locker(&m_mutex);
    QList<FakeChange> changes;
    const auto put = [&changes](const QJsonObject &o, int delayMs = 0) {
        FakeChange c;
        c.object = o;
        c.delayMs = delayMs;
        changes.append(c);
    };
    for (const QJsonObject &o : objects) {
        if (metaOf(o).contains(QLatin1String("deletionTimestamp")))
            continue;
        const QString apiVersion = o.value(QLatin1String("apiVersion")).toString();
        const QString kind = o.value(QLatin1String("kind")).toString();
        const QJsonObject status = o.value(QLatin1String("status")).toObject();
        if (apiVersion == QLatin1String("apiextensions.k8s.io/v1") &&
            kind == QLatin1String("CustomResourceDefinition")) {
            if (const auto s = crdStatus(o, now))
                put(withStatus(o, *s));
            continue;
        }
        if (apiVersion == QLatin1String("v1") && kind == QLatin1String("Namespace")) {
            if (status.value(QLatin1String("phase")) != QLatin1String("Active"))
                put(withStatus(o, {{QStringLiteral("phase"), QStringLiteral("Active")}}));
            continue;
        }
        if (apiVersion != QLatin1String("apps/v1") ||
            (kind != QLatin1String("Deployment") && kind != QLatin1String("StatefulSet") &&
             kind != QLatin1String("DaemonSet")))
            continue;

        // A workload: its pods are due availableDelayMs after the round that first saw this
        // generation.
        const QString uid = metaText(o, "uid");
        const QString key =
            (uid.isEmpty() ? metaText(o, "namespace") + QLatin1Char('/') + metaText(o, "name")
                           : uid) +
            QLatin1Char('@') + QString::number(generationOf(o));
        const bool firstSight = !m_firstSeen.contains(key);
        if (firstSight)
            m_firstSeen.insert(key, now);
        const QDateTime due = m_firstSeen.value(key).addMSecs(m_delayMs);
        // a timer may fire a little early; the wake-up must not find it not yet due
        const qint64 slack = std::max<qint64>(50, m_delayMs / 10);
        const bool reached = m_delayMs == 0 || now.msecsTo(due) <= slack;
        const QJsonObject failing = failingContainer(o, m_failingImages);
        const Phase phase =
            !reached ? Phase::Coming : (failing.isEmpty() ? Phase::Available : Phase::Failed);

        QJsonObject target;
        if (kind == QLatin1String("Deployment"))
            target = deploymentStatus(o, phase, now);
        else if (kind == QLatin1String("StatefulSet"))
            target = statefulSetStatus(o, phase);
        else
            target = daemonSetStatus(o, phase);
        if (withoutTimes(target) != withoutTimes(status))
            put(withStatus(o, target));
        if (phase == Phase::Coming && firstSight)
            put(podEvent(o, failing, due), int(std::max<qint64>(1, now.msecsTo(due))));
    }
    return changes;
}

} // namespace Fluxdesk::Testing
