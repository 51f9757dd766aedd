#pragma once

#include "core/error.h"
#include "kube/helmreleaserecord.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

class Inventory;

// One file of the roadmap's step-1 inventory (`inventory/` folder), relative name and content.
struct InventoryFile
{
    QString fileName;
    QByteArray content;
};

// A release the way `helm list -o json|yaml` prints it: name, namespace, revision (a string, as
// Helm does), updated ("2006-01-02 15:04:05.999999999 -0700 MST"), status, chart
// ("<name>-<version>") and app_version.
QJsonObject helmListEntry(const HelmRelease &release);

// The step-1 files, built from the inventory alone (pure, no disk):
//   namespaces.txt       `kubectl get namespaces -o name`
//   helm-releases.yaml   `helm list -A -o yaml`
//   workloads.yaml       `kubectl get deployments,statefulsets,daemonsets -A -o yaml`
//   services.yaml        `kubectl get services -A -o yaml`
//   storage.yaml         `kubectl get pv,pvc -A -o yaml`
//   crds.txt             `kubectl get crd -o name`
//   storageclasses.yaml  `kubectl get storageclass -o yaml`
//   helm-values-RELEASE.yaml per release: the user-supplied values as plain YAML, like
//     `helm get values RELEASE -o yaml` (no "USER-SUPPLIED VALUES:" header, so the file can be
//     passed back to helm -f or into a HelmRelease). Releases of the same name in two namespaces
//     get helm-values-NAMESPACE-RELEASE.yaml.
QList<InventoryFile> inventoryFiles(const Inventory &inventory);

// Writes the files into dir (created when missing), each all or nothing and readable by the owner
// alone (0600, writePrivateFile): Helm values hold passwords. Returns the absolute paths written,
// in order; stops at the first failure.
Result<QStringList> writeInventoryFiles(const QString &dir, const QList<InventoryFile> &files);

} // namespace Fluxdesk
