#pragma once

#include "flux/fluxreadiness.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Fluxdesk {

// A reference from one Flux object to another, namespace filled in (Flux defaults it to the
// referring object's namespace).
struct FluxRef
{
    QString group; // source.toolkit.fluxcd.io for sources; empty when unknown
    QString kind;
    QString ns;
    QString name;

    bool isValid() const { return !kind.isEmpty() && !name.isEmpty(); }
    // "GitRepository/flux-system/flux-system"
    QString key() const { return kind + QLatin1Char('/') + ns + QLatin1Char('/') + name; }
    bool operator==(const FluxRef &o) const
    {
        return group == o.group && kind == o.kind && ns == o.ns && name == o.name;
    }
};

// What a Flux view shows of one object, read from its JSON: readiness and why, revision, when it
// last changed, whether it is suspended, and what it depends on.
struct FluxObjectStatus
{
    QString group;
    QString kind;
    QString ns;
    QString name;

    FluxReadinessVerdict verdict;
    bool suspended = false;
    // Sources: status.artifact.revision ("main@sha1:0123…", a chart version, an OCI digest);
    // Kustomizations: status.lastAppliedRevision; HelmReleases: the chart version of
    // status.history[0] (the release deployed now), else status.lastAttemptedRevision (or v2beta1's
    // lastAppliedRevision); FluxInstance: status.lastAppliedRevision.
    QString revision;
    QString lastAttemptedRevision;
    // HelmReleases: the Helm release revision of history[0] (0 when none), and the release's
    // name and storage namespace as helm-controller records them.
    int releaseRevision = 0;
    QString releaseName;
    QString storageNamespace;
    // When it last applied or changed: HelmRelease history[0].lastDeployed, a source's
    // artifact.lastUpdateTime, else the Ready condition's lastTransitionTime.
    QDateTime lastApplied;
    // status.lastHandledReconcileAt: the requestedAt token the controller answered last.
    QString lastHandledReconcileAt;
    QList<FluxCondition> conditions;
    QList<FluxRef> dependsOn;
    // Kustomization spec.sourceRef, HelmRelease spec.chartRef or spec.chart.spec.sourceRef,
    // HelmChart spec.sourceRef, FluxInstance none.
    FluxRef sourceRef;
    // HelmReleases built from a chart template: the HelmChart helm-controller made for it
    // (status.helmChart "ns/name", else "<namespace>-<name>" in the sourceRef's namespace).
    FluxRef helmChart;

    static FluxObjectStatus of(const QJsonObject &object);
    FluxReadiness readiness() const { return verdict.readiness; }
    FluxRef ref() const;
};

} // namespace Fluxdesk

Q_DECLARE_METATYPE(Fluxdesk::FluxRef)
