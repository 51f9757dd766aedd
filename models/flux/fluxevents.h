#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Fluxdesk {

// One Kubernetes Event about an object, read from either API: core/v1 Event (involvedObject,
// message, count, lastTimestamp, source.component) or events.k8s.io/v1 Event (regarding, note,
// deprecatedCount, deprecatedLastTimestamp, reportingController). Both APIs show the same stored
// events, so one event may arrive twice; uid (else namespace/name) tells them apart.
struct FluxEvent
{
    QString uid;
    QString ns;
    QString name;
    QString type; // "Normal", "Warning"
    QString reason;
    QString message;
    int count = 1;
    QDateTime time; // when it last happened
    QString source; // the reporting controller ("kustomize-controller")
    // The object it is about.
    QString objectGroup;
    QString objectKind;
    QString objectNamespace;
    QString objectName;
    QString objectUid;

    QString identity() const;
};

namespace FluxEvents {

// std::nullopt when the object is no Event of either API.
std::optional<FluxEvent> fromJson(const QJsonObject &event);
// The events about one object (group, kind, namespace and name; uid too where both know it, so
// events of an earlier object of the same name are left out), each once, newest first (then
// by name, so equal times keep one order).
QList<FluxEvent> forObject(const QList<QJsonObject> &events, const QJsonObject &object);
// Merges and orders already-read events the same way (a later copy of one event wins).
QList<FluxEvent> merged(const QList<FluxEvent> &events);

} // namespace FluxEvents
} // namespace Fluxdesk
