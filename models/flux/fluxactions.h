#pragma once

#include "core/error.h"
#include "flux/fluxkinds.h"
#include "flux/fluxobjectstatus.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace Fluxdesk {

// What a user may ask Flux to do with one object, as the flux CLI does it.
enum class FluxAction
{
    Reconcile,           // flux reconcile KIND NAME
    ReconcileWithSource, // flux reconcile KIND NAME --with-source
    Suspend,             // flux suspend KIND NAME
    Resume,              // flux resume KIND NAME
    Force,               // flux reconcile hr NAME --force (a one-off install or upgrade)
    Reset                // flux reconcile hr NAME --reset (clears the failure counts)
};

// One PATCH of an action: a JSON merge patch, as `flux` sends it, with field manager fluxdesk.
struct FluxPatch
{
    FluxRef target;
    QString path; // "/apis/<group>/<version>/namespaces/<ns>/<plural>/<name>?fieldManager=fluxdesk"
    QByteArray body;
    QString token; // the requestedAt written, empty for Suspend and Resume
    // A source reconciled before what uses it: the next request waits until its controller
    // handled this token and the source is Ready, as `flux reconcile --with-source` waits.
    bool waitUntilHandled = false;
};

namespace FluxActions {

constexpr const char *ContentType = "application/merge-patch+json";
constexpr const char *FieldManager = "fluxdesk";
constexpr const char *RequestedAtAnnotation = "reconcile.fluxcd.io/requestedAt";
constexpr const char *ForceAtAnnotation = "reconcile.fluxcd.io/forceAt";
constexpr const char *ResetAtAnnotation = "reconcile.fluxcd.io/resetAt";

// The token `flux reconcile` writes: the time as RFC 3339 with its fraction, trailing zeros
// dropped, as Go's time.RFC3339Nano lays it out ("2026-12-07T17:40:12.5Z"); Qt keeps
// milliseconds, so at most three digits.
QString requestToken(const QDateTime &time);
// {"metadata":{"annotations":{"reconcile.fluxcd.io/requestedAt":token}}}, plus forceAt and/or
// resetAt set to the same token for a HelmRelease's force and reset.
QByteArray reconcileBody(const QString &token, bool force = false, bool reset = false);
// {"spec":{"suspend":true}}
QByteArray suspendBody();
// {"spec":{"suspend":null}}: flux resume sets the field to false, which its Go type omits, so the
// merge patch it sends removes the field.
QByteArray resumeBody();
// "Reconcile", "Suspend" ... for menus and messages (translated).
QString actionText(FluxAction action);

// Why the action cannot be done on the object, before any request: reconciling a suspended
// object (Flux ignores requestedAt while spec.suspend is set; flux answers "resource is
// suspended"); force or reset on anything but a HelmRelease, or where the served HelmRelease
// version predates them (see FluxKinds::helmReleaseSupportsForceAndReset; an empty
// servedHelmReleaseVersion means the GA version). Suspend and Resume go ahead whatever the
// object's state, as flux lets them. std::nullopt when the action may go ahead.
std::optional<QString> refusal(FluxAction action, const FluxObjectStatus &object,
                               const QString &servedHelmReleaseVersion = {});

// Finds an object the view knows (a source, a HelmChart); std::nullopt when it is not there.
using Lookup = std::function<std::optional<QJsonObject>(const FluxRef &)>;
// The version to address a kind in (the served one); the kind's GA version when empty.
using VersionOf = std::function<QString(const FluxKind &)>;

// The requests of an action, in the order they are to be sent. With source: the source chain
// first, as flux reconcile --with-source walks it (Kustomization: its sourceRef; HelmRelease
// from a chart template: the chart's source, then the HelmChart made for it; HelmRelease with a
// chartRef: that OCIRepository, or that HelmChart after its own source; HelmChart: its source),
// each waited for; static sources (a HelmRepository of type oci) are left out as flux leaves
// them. An error (with the reason, naming the object) when a source in the chain is missing from
// lookup or suspended, or when refusal() refuses.
Result<QList<FluxPatch>> plan(FluxAction action, const QJsonObject &object, const QDateTime &now,
                              const Lookup &lookup = {}, const VersionOf &versionOf = {},
                              const QString &servedHelmReleaseVersion = {});

} // namespace FluxActions
} // namespace Fluxdesk
