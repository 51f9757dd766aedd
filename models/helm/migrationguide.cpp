#include "migrationguide.h"

#include "kube/helmreleaserecord.h"

#include <QCoreApplication>

namespace Fluxdesk {

QStringList helmMigrationChecklist(const HelmRelease &release)
{
    const QString name = release.name;
    const QString ns = release.ns;
    return {
        QCoreApplication::translate(
            "HelmMigrationGuide",
            "Commit the source and the HelmRelease; do not touch the running release by hand. "
            "Its releaseName is \"%1\" in namespace %2, so Flux adopts the running release and "
            "upgrades it in place instead of installing a second copy.")
            .arg(name, ns),
        QCoreApplication::translate("HelmMigrationGuide",
                                    "Wait until `flux get helmreleases -n %1 %2` shows Ready=True.")
            .arg(ns, name),
        QCoreApplication::translate(
            "HelmMigrationGuide",
            "Verify with `helm history %1 -n %2` that the newest revision was made by Flux's "
            "helm-controller (a new revision after %3, described as an upgrade) and that the "
            "workloads kept running.")
            .arg(name, ns)
            .arg(release.revision),
        QCoreApplication::translate(
            "HelmMigrationGuide",
            "Never run `helm uninstall %1 -n %2`: Flux now manages that very release, and "
            "uninstalling it deletes the running workloads, even where another migration guide "
            "tells you to remove the old release. From now on change values in Git, not with "
            "helm upgrade.")
            .arg(name, ns),
        helmReleaseIdentityWarning(),
    };
}

QString helmReleaseIdentityWarning()
{
    return QCoreApplication::translate(
        "HelmMigrationGuide",
        "Changing releaseName, targetNamespace or storageNamespace later makes Flux uninstall "
        "the release and install it anew, with downtime and possibly lost data.");
}

} // namespace Fluxdesk
