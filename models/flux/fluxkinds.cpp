#include "fluxkinds.h"

#include "kube/discovery.h"
#include "manifest/apiversion.h"

namespace Fluxdesk {

namespace {

const QString SourceGroup = QStringLiteral("source.toolkit.fluxcd.io");

FluxKind make(const QString &group, const char *kind, const char *plural,
              FluxKind::Category category, const QStringList &versions)
{
    FluxKind k;
    k.group = group;
    k.kind = QString::fromLatin1(kind);
    k.plural = QString::fromLatin1(plural);
    k.category = category;
    k.versions = versions;
    return k;
}

QList<FluxKind> makeAll()
{
    using C = FluxKind::Category;
    const QStringList source = {QStringLiteral("v1"), QStringLiteral("v1beta2")};
    const QString kustomize = QStringLiteral("kustomize.toolkit.fluxcd.io");
    const QString helm = QStringLiteral("helm.toolkit.fluxcd.io");
    // OCIRepository is v1 since source-controller v1.6 (Flux 2.6); older Flux serves v1beta2.
    return {
        make(SourceGroup, "GitRepository", "gitrepositories", C::Source, source),
        make(SourceGroup, "OCIRepository", "ocirepositories", C::Source, source),
        make(SourceGroup, "HelmRepository", "helmrepositories", C::Source, source),
        make(SourceGroup, "Bucket", "buckets", C::Source, source),
        make(SourceGroup, "HelmChart", "helmcharts", C::Source, source),
        make(kustomize, "Kustomization", "kustomizations", C::Kustomization, source),
        make(helm, "HelmRelease", "helmreleases", C::HelmRelease,
             {QStringLiteral("v2"), QStringLiteral("v2beta2"), QStringLiteral("v2beta1")}),
        make(QStringLiteral("fluxcd.controlplane.io"), "FluxInstance", "fluxinstances", C::Instance,
             {QStringLiteral("v1")}),
    };
}

} // namespace

ResourceType FluxKind::type(const QString &version) const
{
    ResourceType t;
    t.group = group;
    t.version = version;
    t.resource = plural;
    t.kind = kind;
    t.namespaced = true;
    t.verbs =
        QStringList{QStringLiteral("get"),   QStringLiteral("list"),   QStringLiteral("watch"),
                    QStringLiteral("patch"), QStringLiteral("create"), QStringLiteral("update"),
                    QStringLiteral("delete")};
    return t;
}

QString FluxKind::collectionPath(const QString &version, const QString &ns) const
{
    const QString base = QStringLiteral("/apis/") + group + QLatin1Char('/') + version;
    if (ns.isEmpty())
        return base + QLatin1Char('/') + plural;
    return base + QStringLiteral("/namespaces/") + ns + QLatin1Char('/') + plural;
}

QString FluxKind::objectPath(const QString &version, const QString &ns, const QString &name) const
{
    return collectionPath(version, ns) + QLatin1Char('/') + name;
}

namespace FluxKinds {

const QList<FluxKind> &all()
{
    static const QList<FluxKind> kinds = makeAll();
    return kinds;
}

const FluxKind *find(const QString &group, const QString &kind)
{
    for (const FluxKind &k : all()) {
        if (k.group == group && k.kind == kind)
            return &k;
    }
    return nullptr;
}

const FluxKind *of(const QJsonObject &object)
{
    return find(groupOfApiVersion(object.value(QLatin1String("apiVersion")).toString()),
                object.value(QLatin1String("kind")).toString());
}

const FluxKind *byKey(const QString &key)
{
    for (const FluxKind &k : all()) {
        if (k.key() == key)
            return &k;
    }
    return nullptr;
}

QString sourceGroup(const QString &kind)
{
    const FluxKind *k = find(SourceGroup, kind);
    return k ? k->group : QString();
}

std::optional<ResourceType> servedType(const FluxKind &kind, const QList<ResourceType> &discovered)
{
    std::optional<ResourceType> known;
    std::optional<ResourceType> other;
    for (const ResourceType &t : discovered) {
        if (t.group != kind.group || t.kind != kind.kind)
            continue;
        const qsizetype rank = kind.versions.indexOf(t.version);
        if (rank >= 0) {
            if (!known || rank < kind.versions.indexOf(known->version))
                known = t;
        } else if (!other || Discovery::versionPrecedes(t.version, other->version)) {
            other = t;
        }
    }
    // A version newer than the ones Fluxdesk knows is still read: Flux keeps its status fields.
    if (other && (!known || Discovery::versionPrecedes(other->version, kind.versions.value(0))))
        return other;
    return known ? known : other;
}

bool helmReleaseSupportsForceAndReset(const QString &servedHelmReleaseVersion)
{
    if (servedHelmReleaseVersion.isEmpty())
        return false;
    const QString v = servedHelmReleaseVersion;
    if (v == QLatin1String("v2beta2") || v == QLatin1String("v2"))
        return true;
    // Anything the API server ranks above v2beta2 (v2, a future v3) came later.
    return Discovery::versionPrecedes(v, QStringLiteral("v2beta2"));
}

} // namespace FluxKinds
} // namespace Fluxdesk
