#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Fluxdesk {

// How a Flux object stands, as Flux's kstatus-style conditions mean it.
enum class FluxReadiness
{
    Ready,       // Ready=True, the controller caught up with the spec
    Reconciling, // Reconciling=True, Ready=Unknown, or status.observedGeneration behind
                 // metadata.generation (the controller has not seen the last change yet)
    Stalled,     // Stalled=True: the controller gave up until the spec changes
    Failed,      // Ready=False (a retry may still come: Reconciling reason ProgressingWithRetry)
    Suspended,   // spec.suspend: the controller leaves it alone whatever it reported before
    Unknown      // no Ready condition (no status yet, or not a Flux object)
};

// One entry of status.conditions.
struct FluxCondition
{
    QString type;
    QString status; // "True", "False", "Unknown"
    QString reason;
    QString message;
    QDateTime lastTransitionTime;
    qint64 observedGeneration = -1;
};

// The verdict and the condition it came from (its reason and message say why).
struct FluxReadinessVerdict
{
    FluxReadiness readiness = FluxReadiness::Unknown;
    QString reason;
    QString message;
};

namespace FluxReadinessRules {

QList<FluxCondition> conditions(const QJsonObject &object);
// The readiness of a Flux object (any version of its API), in this order: suspended; Stalled;
// observedGeneration behind generation; Ready=False (Failed, even while a retry is planned);
// Reconciling=True or Ready=Unknown; Ready=True; Unknown.
FluxReadinessVerdict of(const QJsonObject &object);
// "Ready", "Reconciling", ... for a Status column (translated).
QString text(FluxReadiness readiness);
// Worst first: Stalled, Failed, Unknown, Reconciling, Suspended, Ready (to order a summary).
int severity(FluxReadiness readiness);
// Kubernetes times ("2024-05-01T10:00:00Z", with or without fraction) as UTC; invalid if empty.
QDateTime parseTime(const QString &text);

} // namespace FluxReadinessRules
} // namespace Fluxdesk

Q_DECLARE_METATYPE(Fluxdesk::FluxReadiness)
