#include "placement.h"

#include "kube/helmreleaserecord.h"
#include "kube/inventory.h"
#include "manifest/manifestnaming.h"
#include "manifest/splitter.h"
#include "plan/bulkdecisions.h"
#include "repo/kustomizationfile.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace Fluxdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Planner", text);
}

bool isCore(const ObjectKey &key, const char *kind)
{
    return key.group.isEmpty() && key.kind == QLatin1String(kind);
}

} // namespace

QStringList controllerCharts()
{
    return {QStringLiteral("cert-manager"),  QStringLiteral("contour"),
            QStringLiteral("gateway-helm"),  QStringLiteral("haproxy-ingress"),
            QStringLiteral("ingress-nginx"), QStringLiteral("kong"),
            QStringLiteral("metallb"),       QStringLiteral("traefik")};
}

bool isPlaceablePath(const QString &path)
{
    if (!isUnderPlanRoots(path) || !path.endsWith(QLatin1String(".yaml")) ||
        path.contains(QLatin1Char('\\')) || isKustomizationPath(path))
        return false;
    const QStringList parts = path.split(QLatin1Char('/'));
    for (const QString &part : parts) {
        if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String(".."))
            return false;
    }
    return true;
}

bool isValidClusterName(const QString &name)
{
    static const QRegularExpression label(QStringLiteral("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"));
    return label.match(name).hasMatch();
}

QString folderNameOf(const QString &name)
{
    if (isValidClusterName(name))
        return name;
    QString out = sanitiseFileName(name).left(80); // 80 UTF-16 units: at most 240 UTF-8 bytes
    if (!out.isEmpty() && out.at(out.size() - 1).isHighSurrogate())
        out.chop(1);
    return out;
}

QString stackFolder(const QString &ns)
{
    QString stackName = folderNameOf(ns);
    if (stackName == QLatin1String("sources") || stackName == QLatin1String("controllers") ||
        stackName == QLatin1String("storage") || stackName == QLatin1String("cluster"))
        stackName += QLatin1String("-namespace");
    return QStringLiteral("infrastructure/") + stackName;
}

QString defaultHelmReleasePath(const HelmRelease &release)
{
    if (controllerCharts().contains(release.chartName))
        return QStringLiteral("infrastructure/controllers/") + folderNameOf(release.name) +
               QLatin1String("/helmrelease.yaml");
    return stackFolder(release.ns) + QLatin1Char('/') + kebabCase(release.name).left(80) +
           QLatin1String("-helmrelease.yaml");
}

QString manifestFolder(const ObjectKey &key, const QHash<QString, QString> &nsFolder)
{
    if (key.ns.isEmpty()) {
        if (isCore(key, "PersistentVolume") || (key.group == QLatin1String("storage.k8s.io") &&
                                                key.kind == QLatin1String("StorageClass")))
            return QStringLiteral("infrastructure/storage");
        if (key.group == QLatin1String("apiextensions.k8s.io") &&
            key.kind == QLatin1String("CustomResourceDefinition"))
            return QStringLiteral("infrastructure/crds"); // in the layer applied first
        return QStringLiteral("infrastructure/cluster");
    }
    // A HelmChartConfig customising one of K3s's charts (it lives in kube-system).
    if (key.group == QLatin1String("helm.cattle.io"))
        return QStringLiteral("infrastructure/k3s");
    if (key.ns == QLatin1String("kube-system"))
        return QStringLiteral("infrastructure/kube-system");
    return nsFolder.value(key.ns, QStringLiteral("workloads/") + folderNameOf(key.ns));
}

ObjectSorting sortObjects(const Inventory &inventory, const PlanOptions &options,
                          const ReleasePlacement &releases)
{
    ObjectSorting out;
    const auto exclude = [&out](const InventoryEntry *e, const QString &reason) {
        out.excluded.append({e->key, e->classification.ownership, reason});
    };
    QSet<QString> namespacesWithContent = releases.releaseNamespaces;
    for (const InventoryEntry *e : inventory.entries()) {
        const Ownership o = e->classification.ownership;
        if (options.excludedObjects.contains(e->key)) {
            exclude(
                e,
                tr("Excluded by your decision (%1).").arg(QStringLiteral(".fluxdesk/plan.yaml")));
            continue;
        }
        if (o == Ownership::HelmManaged || o == Ownership::HelmReleaseRecord) {
            const QString id = e->classification.helmRelease;
            const QString target = releases.releasePath.value(id);
            if (id.isEmpty()) {
                exclude(e, e->classification.reason);
                continue;
            }
            if (releases.excludedReleases.contains(id)) {
                exclude(e, tr("Part of Helm release %1, which you excluded.").arg(id));
                continue;
            }
            exclude(e, target.isEmpty()
                           ? tr("Part of Helm release %1, which could not be converted.").arg(id)
                           : tr("Part of Helm release %1: its HelmRelease (%2) carries it.")
                                 .arg(id, target));
            continue;
        }
        // Everything else that is not the owner's: the cluster tree shows the same reason.
        if (o != Ownership::UserManaged) {
            exclude(e, e->classification.reason);
            continue;
        }
        if (const QString rule = ruleExclusionReason(options, e->key); !rule.isEmpty()) {
            exclude(e, rule);
            continue;
        }
        if (isCore(e->key, "Namespace")) {
            out.namespaceObjects.insert(e->key.name, e);
            namespacesWithContent.insert(e->key.name);
            continue;
        }
        if (isCore(e->key, "Secret") && !options.includedSecrets.contains(e->key)) {
            exclude(e, tr("Secrets are written only when included: their data would land in Git "
                          "as plain text."));
            continue;
        }
        out.placed.append(e);
        if (!e->key.ns.isEmpty())
            namespacesWithContent.insert(e->key.ns);
    }
    out.namespacesWithContent = namespacesWithContent.values();
    std::sort(out.namespacesWithContent.begin(), out.namespacesWithContent.end());
    return out;
}

} // namespace Fluxdesk
