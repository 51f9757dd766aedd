#pragma once

#include "kube/classification.h"
#include "kube/resourcetype.h"
#include "plan/plan.h"
#include "plan/planoptions.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

class Inventory;
struct HelmRelease;
struct InventoryEntry;

// Placement policy: which live objects the plan writes, which it leaves out (and why), and the
// folder each written one goes to (issue 4's layout: infrastructure/{sources,controllers,<stack>,
// storage,crds,...}/, workloads/<namespace>/).

// The chart names whose releases count as controllers (infrastructure/controllers/<release>/).
QStringList controllerCharts();

// True for a path a user may move an object to: a relative .yaml file under infrastructure/ or
// workloads/, no "." or ".." parts, not a kustomization.yaml.
bool isPlaceablePath(const QString &path);

// True for a cluster name usable as a folder: a DNS label.
bool isValidClusterName(const QString &name);

// A namespace's or release's name as a folder name: as it is when it is a DNS label (as every
// name in a real cluster is), else through the one sanitiser (manifest/manifestnaming.h) and cut
// to a length file systems take: a snapshot or a hostile server may name a namespace "../..".
QString folderNameOf(const QString &name);

// infrastructure/<namespace> for a namespace's stack of Helm releases; a namespace named like one
// of the fixed folders (sources, controllers, storage, cluster) gets "-namespace" added.
QString stackFolder(const QString &ns);

// Where a release's HelmRelease goes by default: infrastructure/controllers/<release>/
// helmrelease.yaml for a controller chart, else <stack folder>/<release>-helmrelease.yaml.
QString defaultHelmReleasePath(const HelmRelease &release);

// What planning the Helm releases decided, which the other objects' placement follows.
struct ReleasePlacement
{
    QHash<QString, QString> nsFolder;          // namespace -> folder of its namespace.yaml, objects
    QHash<QString, QString> releasePath;       // "ns/name" -> HelmRelease file
    QSet<QString> excludedReleases;            // "ns/name" the user left out
    QHash<QString, ObjectKey> helmReleaseKeys; // HelmRelease file -> the HelmRelease
    QSet<QString> releaseNamespaces;           // every namespace holding a release
};

// The folder a live object written as a manifest goes to.
QString manifestFolder(const ObjectKey &key, const QHash<QString, QString> &nsFolder);

// Every live object either placed (written as a manifest), the owner's Namespace, or excluded.
struct ObjectSorting
{
    QList<const InventoryEntry *> placed;                    // in the inventory's order
    QHash<QString, const InventoryEntry *> namespaceObjects; // the owner's Namespaces by name
    QStringList namespacesWithContent;                       // sorted
    QList<ExcludedObject> excluded;                          // in the inventory's order
};

// The exclusion policy: the user's exclusions, Helm releases' objects (carried by their
// HelmRelease), what is not the owner's (the classification's reason, as in the cluster tree),
// and Secrets not included.
ObjectSorting sortObjects(const Inventory &inventory, const PlanOptions &options,
                          const ReleasePlacement &releases);

} // namespace Fluxdesk
