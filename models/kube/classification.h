#pragma once

#include <QJsonObject>
#include <QString>

namespace Fluxdesk {

// Who owns a live object, which decides what the migration does with it.
enum class Ownership
{
    UserManaged,       // created by hand: the migration must carry it
    HelmManaged,       // created by a Helm release: becomes part of a HelmRelease
    HelmReleaseRecord, // Helm's own storage (sh.helm.release.v1.* Secret or ConfigMap)
    FluxManaged,       // already reconciled by Flux
    System,            // K3s/Kubernetes internals
    ControllerOwned,   // has a controller ownerReference (ReplicaSets, Pods, EndpointSlices, ...)
    Generated, // created automatically (default ServiceAccount, kube-root-ca.crt, Events, ...)
};

struct Classification
{
    Ownership ownership = Ownership::UserManaged;
    QString reason;      // one sentence the UI shows as a tooltip, translated
    QString helmRelease; // "namespace/name" for HelmManaged and HelmReleaseRecord
};

// Pure: decided from the object alone (labels, annotations, ownerReferences, namespace, kind).
Classification classify(const QJsonObject &object);

// Short badge text: "Helm", "Helm record", "Flux", "System", "Owned", "Generated", "Manual".
QString ownershipBadge(Ownership ownership);
// Stable machine name for --json output: "user", "helm", "helm-release", "flux", "system",
// "owned", "generated".
QString ownershipId(Ownership ownership);
// True for what a migration leaves out by default (System, ControllerOwned, Generated,
// HelmReleaseRecord).
bool isHiddenByDefault(Ownership ownership);

} // namespace Fluxdesk
