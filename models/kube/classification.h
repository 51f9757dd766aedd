#pragma once

#include <QHash>
#include <QJsonObject>
#include <QSet>
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
    ReadOnly,  // served by a read-only API (metrics.k8s.io): readings, never a manifest
};

struct Classification
{
    Ownership ownership = Ownership::UserManaged;
    QString reason;      // one sentence the UI shows as a tooltip, translated
    QString helmRelease; // "namespace/name" for HelmManaged and HelmReleaseRecord
};

// What the rest of the cluster tells about an object: filled by the Inventory from discovery and
// the objects it holds, empty when classifying one object alone.
struct ClassificationContext
{
    // "group/Kind" of types the API serves without the create verb (metrics.k8s.io readings).
    QSet<QString> readOnlyTypes;
    // Helm releases K3s installs from its HelmChart objects: "ns/release" -> "ns/helmchart".
    QHash<QString, QString> k3sReleases;
    // CustomResourceDefinitions a chart installed from its crds/ folder: CRD name -> "ns/release".
    QHash<QString, QString> chartCrds;
    // PVC name prefixes a StatefulSet's volumeClaimTemplates create: "ns\n<template>-<set>-" ->
    // "ns/set".
    QHash<QString, QString> statefulSetClaims;

    bool operator==(const ClassificationContext &o) const
    {
        return readOnlyTypes == o.readOnlyTypes && k3sReleases == o.k3sReleases &&
               chartCrds == o.chartCrds && statefulSetClaims == o.statefulSetClaims;
    }
    bool operator!=(const ClassificationContext &o) const { return !(*this == o); }
};

// Pure: decided from the object (labels, annotations, ownerReferences, managedFields, namespace,
// kind) and what the context knows of the cluster around it.
Classification classify(const QJsonObject &object, const ClassificationContext &context = {});

// True for a managedFields manager that is a person's tool (kubectl and its subcommands, Helm, a
// dashboard or CLI a person drives), as opposed to a controller.
bool isPersonManager(const QString &manager);

// Helm wrote the object and labelled nothing (no release annotation or label, no kubectl
// apply): what Helm installs from a chart's crds/ folder.
bool installedByHelmAlone(const QJsonObject &object);

// Types no one creates as knownVerbs() tells them: a read-only aggregated API's readings
// (metrics.k8s.io), ComponentStatus.
bool isKnownReadOnlyType(const QString &group, const QString &kind);

// Short badge text: "Helm", "Helm record", "Flux", "System", "Owned", "Generated", "Read-only",
// "Manual".
QString ownershipBadge(Ownership ownership);
// Stable machine name for --json output: "user", "helm", "helm-release", "flux", "system",
// "owned", "generated", "read-only".
QString ownershipId(Ownership ownership);
// True for what a migration leaves out by default (System, ControllerOwned, Generated, ReadOnly,
// HelmReleaseRecord).
bool isHiddenByDefault(Ownership ownership);

} // namespace Fluxdesk
