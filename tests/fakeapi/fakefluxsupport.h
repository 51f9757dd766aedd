#pragma once

// What the simulated Flux controllers share: reading objects by path, Flux's status conditions,
// the Events Flux's recorder emits, and the index of the objects one react() round sees.

#include "fakecontroller.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Fluxdesk::Testing::FakeFluxSupport {

// A value at a dotted path ("spec.sourceRef.name"); keys holding dots cannot be reached this way.
QJsonValue at(const QJsonObject &object, const QString &path);
QString text(const QJsonObject &object, const QString &path);

QString groupOf(const QJsonObject &object); // "" for core/v1
QString versionOf(const QJsonObject &object);
QString nameOf(const QJsonObject &object);
QString namespaceOf(const QJsonObject &object);
qint64 generationOf(const QJsonObject &object); // 1 when the server set none
QString annotation(const QJsonObject &object, const QString &key);
QString label(const QJsonObject &object, const QString &key);
QString timestamp(const QDateTime &when); // RFC 3339, seconds, UTC

// Flux's object id in an inventory: "<namespace>_<name>_<group>_<kind>".
QString inventoryId(const QJsonObject &object);
// Kinds the API server keeps cluster-wide (no namespace).
bool isClusterScoped(const QString &kind);

// The objects of one round, found by group, kind, namespace and name.
class World
{
public:
    explicit World(const QList<QJsonObject> &objects);
    std::optional<QJsonObject> find(const QString &group, const QString &kind, const QString &ns,
                                    const QString &name) const;
    const QList<QJsonObject> &all() const { return m_objects; }
    // Deployment flux-system/<name> exists and its Available condition is True.
    bool controllerAvailable(const QString &name) const;
    // Whether objects of group/kind have no namespace, as kustomize-controller's REST mapper
    // tells it: a stored CRD's spec.scope for custom kinds (GatewayClass, ClusterIssuer), the
    // built-in kinds' own scope otherwise.
    bool clusterScoped(const QString &group, const QString &kind) const;

private:
    QList<QJsonObject> m_objects;
    QHash<QString, int> m_index;
    QHash<QString, bool> m_crdScopes; // "group/Kind" -> cluster-scoped
};
QString worldKey(const QString &group, const QString &kind, const QString &ns, const QString &name);

// The condition of that type in status.conditions, or an empty object.
QJsonObject condition(const QJsonObject &object, const QString &type);
bool conditionTrue(const QJsonObject &object, const QString &type);
// Ready True for the object's current generation, as Flux's dependency checks want it.
bool readyNow(const QJsonObject &object);
// conditions with one set as Flux's conditions helper does: lastTransitionTime kept while the
// status stays, observedGeneration the object's generation.
QJsonArray withCondition(const QJsonArray &conditions, const QString &type, const QString &status,
                         const QString &reason, const QString &message, qint64 generation,
                         const QDateTime &now);
QJsonArray withoutCondition(const QJsonArray &conditions, const QString &type);

// What one reconciliation of one object decided: the object with its new status, what else it
// writes (applied objects, Helm storage, deletions) and the Event it emits.
struct Outcome
{
    QJsonObject object;
    QList<FakeChange> writes;
    QString eventType;   // "Normal" or "Warning"; empty: no event
    QString eventReason; // "ReconciliationSucceeded", "BuildFailed", ...
    QString eventMessage;
    QHash<QString, QString> eventAnnotations; // "<group>/revision" and the like
};

// A core/v1 Event about `involved` as Flux's recorder writes it (involvedObject, reason, message,
// type, source.component, reportingComponent, count, first/lastTimestamp); the same reason and
// message about the same object again counts up the one already stored, as client-go's event
// correlator does.
FakeChange event(const QJsonObject &involved, const QString &component, const Outcome &outcome,
                 const QDateTime &now, const World &world, quint64 serial);

// The status an object shows while a reconciliation runs (Reconciling True, Ready Unknown).
QJsonObject progressing(const QJsonObject &object, const QString &message, const QDateTime &now);

QString sha256Hex(const QString &text);
QString objectKey(const QJsonObject &object); // worldKey of the object
// The reconcile triggers Flux's controllers share: a generation not yet observed, a
// reconcile.fluxcd.io/requestedAt not yet handled, never reconciled (or left in progress).
bool newGeneration(const QJsonObject &object);
bool requested(const QJsonObject &object);
QString readyReason(const QJsonObject &object);
bool neverDone(const QJsonObject &object);
// The status every outcome starts from: observedGeneration and the handled request recorded,
// Reconciling gone.
QJsonObject baseStatus(const QJsonObject &object);
QJsonObject withStatus(QJsonObject object, const QJsonObject &status);
// status with its Ready condition set True or False.
QJsonObject readyStatus(const QJsonObject &object, QJsonObject status, bool ready,
                        const QString &reason, const QString &message, const QDateTime &now);

} // namespace Fluxdesk::Testing::FakeFluxSupport
