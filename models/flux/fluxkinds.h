#pragma once

#include "kube/resourcetype.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Fluxdesk {

// One kind of Flux object a Flux view watches: its API group, the versions whose status Fluxdesk
// reads (the GA one first), its plural and where its objects are listed and patched.
struct FluxKind
{
    enum class Category
    {
        Source,        // GitRepository, OCIRepository, HelmRepository, Bucket, HelmChart
        Kustomization, // kustomize.toolkit.fluxcd.io
        HelmRelease,   // helm.toolkit.fluxcd.io
        Instance       // the Flux Operator's FluxInstance
    };

    QString group;
    QString kind;
    QString plural;
    Category category = Category::Source;
    // Versions Fluxdesk reads, the GA one first ("v1", "v1beta2"); versions() .first() is the one
    // Fluxdesk writes and asks for when discovery is not known.
    QStringList versions;

    QString gaVersion() const { return versions.value(0); }
    // "source.toolkit.fluxcd.io/GitRepository": the key FluxLiveState files objects under.
    QString key() const { return group + QLatin1Char('/') + kind; }
    ResourceType type(const QString &version) const;
    // /apis/<group>/<version>/<plural> (cluster-wide) or .../namespaces/<ns>/<plural>.
    QString collectionPath(const QString &version, const QString &ns = {}) const;
    // /apis/<group>/<version>/namespaces/<ns>/<plural>/<name>
    QString objectPath(const QString &version, const QString &ns, const QString &name) const;
};

namespace FluxKinds {

// Every kind a Flux view watches, sources first (in the order `flux get all` lists them), then
// Kustomizations, HelmReleases and FluxInstance.
const QList<FluxKind> &all();
const FluxKind *find(const QString &group, const QString &kind);
// By an object's apiVersion and kind; nullptr for anything that is not a Flux kind above.
const FluxKind *of(const QJsonObject &object);
const FluxKind *byKey(const QString &key);
// The group of a source kind a sourceRef names without apiVersion ("GitRepository" ->
// source.toolkit.fluxcd.io); empty when the kind is no Flux source.
QString sourceGroup(const QString &kind);

// The version to watch a kind in, from what discovery found (ResourceTypes of any groups and
// versions): among the served versions of the kind's group and kind, a version Fluxdesk reads
// (GA first) wins, else the served version the API server itself would prefer. std::nullopt when
// the cluster does not serve the kind (Flux or its Operator not installed).
std::optional<ResourceType> servedType(const FluxKind &kind, const QList<ResourceType> &discovered);

// Whether helm-controller honours reconcile.fluxcd.io/forceAt and resetAt: they came with
// helm-controller v0.37.0 (Flux v2.2.0) together with the HelmRelease API v2beta2, so a cluster
// serving helm.toolkit.fluxcd.io v2beta2 or v2 (or later) supports them and one that serves
// v2beta1 alone (Flux up to 2.1) does not.
bool helmReleaseSupportsForceAndReset(const QString &servedHelmReleaseVersion);

} // namespace FluxKinds
} // namespace Fluxdesk
