#include "fluxactions.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace Fluxdesk::FluxActions {

namespace {

QString describe(const FluxRef &ref)
{
    return ref.kind + QLatin1Char(' ') + ref.ns + QLatin1Char('/') + ref.name;
}

// A source flux reconciles without a controller answering: a HelmRepository of type oci.
bool isStatic(const QJsonObject &object)
{
    return object.value(QLatin1String("kind")).toString() == QLatin1String("HelmRepository") &&
           object.value(QLatin1String("spec")).toObject().value(QLatin1String("type")).toString() ==
               QLatin1String("oci");
}

} // namespace

QString requestToken(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    QString text = utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    QString fraction = QStringLiteral("%1").arg(utc.time().msec(), 3, 10, QLatin1Char('0'));
    while (fraction.endsWith(QLatin1Char('0')))
        fraction.chop(1);
    if (!fraction.isEmpty())
        text += QLatin1Char('.') + fraction;
    return text + QLatin1Char('Z');
}

QByteArray reconcileBody(const QString &token, bool force, bool reset)
{
    QJsonObject annotations{{QLatin1String(RequestedAtAnnotation), token}};
    if (force)
        annotations.insert(QLatin1String(ForceAtAnnotation), token);
    if (reset)
        annotations.insert(QLatin1String(ResetAtAnnotation), token);
    const QJsonObject patch{
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("annotations"), annotations}}}};
    return QJsonDocument(patch).toJson(QJsonDocument::Compact);
}

QByteArray suspendBody()
{
    return QByteArrayLiteral("{\"spec\":{\"suspend\":true}}");
}

QByteArray resumeBody()
{
    return QByteArrayLiteral("{\"spec\":{\"suspend\":null}}");
}

QString actionText(FluxAction action)
{
    switch (action) {
    case FluxAction::Reconcile:
        return QCoreApplication::translate("FluxActions", "Reconcile");
    case FluxAction::ReconcileWithSource:
        return QCoreApplication::translate("FluxActions", "Reconcile with source");
    case FluxAction::Suspend:
        return QCoreApplication::translate("FluxActions", "Suspend");
    case FluxAction::Resume:
        return QCoreApplication::translate("FluxActions", "Resume");
    case FluxAction::Force:
        return QCoreApplication::translate("FluxActions", "Force upgrade");
    case FluxAction::Reset:
        break;
    }
    return QCoreApplication::translate("FluxActions", "Reset failure counts");
}

std::optional<QString> refusal(FluxAction action, const FluxObjectStatus &object,
                               const QString &servedHelmReleaseVersion)
{
    const QString what = describe(object.ref());
    const bool reconciles = action == FluxAction::Reconcile ||
                            action == FluxAction::ReconcileWithSource ||
                            action == FluxAction::Force || action == FluxAction::Reset;
    if (action == FluxAction::Force || action == FluxAction::Reset) {
        if (object.kind != QLatin1String("HelmRelease"))
            return QCoreApplication::translate("FluxActions",
                                               "%1: only a HelmRelease can be forced or reset")
                .arg(what);
        const QString version =
            servedHelmReleaseVersion.isEmpty() ? QStringLiteral("v2") : servedHelmReleaseVersion;
        if (!FluxKinds::helmReleaseSupportsForceAndReset(version))
            return QCoreApplication::translate(
                       "FluxActions",
                       "%1: the cluster's Flux serves HelmRelease %2, whose helm-controller knows "
                       "no force or reset; they came with Flux 2.2 (HelmRelease v2beta2): upgrade "
                       "Flux, or use Reconcile")
                .arg(what, version);
    }
    if (reconciles && object.suspended)
        return QCoreApplication::translate("FluxActions",
                                           "%1 is suspended: Flux does not reconcile it until it "
                                           "is resumed. Resume it first.")
            .arg(what);
    return std::nullopt;
}

Result<QList<FluxPatch>> plan(FluxAction action, const QJsonObject &object, const QDateTime &now,
                              const Lookup &lookup, const VersionOf &versionOf,
                              const QString &servedHelmReleaseVersion)
{
    const FluxObjectStatus status = FluxObjectStatus::of(object);
    if (const std::optional<QString> why = refusal(action, status, servedHelmReleaseVersion))
        return Error(*why);
    const FluxKind *kind = FluxKinds::find(status.group, status.kind);
    if (!kind)
        return Error(QCoreApplication::translate("FluxActions", "%1 is not a Flux object Fluxdesk "
                                                                "knows how to reconcile")
                         .arg(describe(status.ref())));

    const QString token = requestToken(now);
    const auto path = [&versionOf](const FluxKind &k, const FluxRef &ref) -> QString {
        QString version = versionOf ? versionOf(k) : QString();
        if (version.isEmpty())
            version = k.gaVersion();
        return k.objectPath(version, ref.ns, ref.name) + QStringLiteral("?fieldManager=") +
               QLatin1String(FieldManager);
    };

    QList<FluxPatch> patches;
    if (action == FluxAction::ReconcileWithSource) {
        // The chain from the farthest source to the object's own, as flux walks it.
        QList<FluxRef> chain;
        if (status.kind == QLatin1String("HelmRelease") && status.helmChart.isValid()) {
            chain = {status.sourceRef, status.helmChart};
        } else if (status.sourceRef.isValid()) {
            chain = {status.sourceRef};
            if (status.sourceRef.kind == QLatin1String("HelmChart") && lookup) {
                if (const std::optional<QJsonObject> chart = lookup(status.sourceRef)) {
                    const FluxRef upstream = FluxObjectStatus::of(*chart).sourceRef;
                    if (upstream.isValid())
                        chain.prepend(upstream);
                }
            }
        }
        for (const FluxRef &ref : chain) {
            const FluxKind *sourceKind = FluxKinds::find(ref.group, ref.kind);
            if (!sourceKind)
                return Error(QCoreApplication::translate(
                                 "FluxActions", "%1: cannot reconcile its source of kind %2")
                                 .arg(describe(status.ref()), ref.kind));
            const std::optional<QJsonObject> live =
                lookup ? lookup(ref) : std::optional<QJsonObject>();
            if (lookup && !live)
                return Error(QCoreApplication::translate(
                                 "FluxActions",
                                 "%1: its source %2 is not in the cluster; reconcile it alone "
                                 "or fix its source reference")
                                 .arg(describe(status.ref()), describe(ref)));
            if (live && FluxObjectStatus::of(*live).suspended)
                return Error(QCoreApplication::translate(
                                 "FluxActions",
                                 "%1: its source %2 is suspended; resume the source, or "
                                 "reconcile without source")
                                 .arg(describe(status.ref()), describe(ref)));
            if (live && isStatic(*live))
                continue;
            patches.append({ref, path(*sourceKind, ref), reconcileBody(token), token, true});
        }
    }

    FluxPatch own{status.ref(), path(*kind, status.ref()), {}, {}, false};
    switch (action) {
    case FluxAction::Reconcile:
    case FluxAction::ReconcileWithSource:
        own.body = reconcileBody(token);
        own.token = token;
        break;
    case FluxAction::Force:
        own.body = reconcileBody(token, true, false);
        own.token = token;
        break;
    case FluxAction::Reset:
        own.body = reconcileBody(token, false, true);
        own.token = token;
        break;
    case FluxAction::Suspend:
        own.body = suspendBody();
        break;
    case FluxAction::Resume:
        own.body = resumeBody();
        break;
    }
    patches.append(own);
    return patches;
}

} // namespace Fluxdesk::FluxActions
