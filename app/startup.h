#pragma once

#include "kube/clustersession.h"

#include <QString>
#include <QStringList>

namespace Fluxdesk {

struct PlanSnapshot;

// The `fluxdesk` command line.
struct StartupOptions
{
    bool demo = false;
    QString kubeconfig;
    QString context;
    QString snapshot;
    QString repo;
    bool selfTest = false;
};

// What the window does when it opens: which contexts the picker lists, what it connects to and
// what it tells the user about that choice.
struct StartupPlan
{
    QStringList kubeconfigFiles; // merged files that exist (empty: none found)
    QStringList contexts;
    QString context;      // the context to select in the picker
    bool connect = true;  // false when the kubeconfig could not be used
    ClusterSource source; // what to connect to
    QString status;       // e.g. "No kubeconfig found: showing the demo cluster"
    QString error;        // kubeconfig problems (file, line, message)
};

// Pure apart from reading the kubeconfig files: --snapshot, else --demo, else the kubeconfig
// (--kubeconfig, else the remembered files that still exist, else kubectl's defaults) and its
// --context, remembered or current context; only with no kubeconfig at all, the demo cluster.
StartupPlan planStartup(const StartupOptions &options, const QStringList &rememberedKubeconfig,
                        const QString &rememberedContext);
StartupPlan planStartup(const StartupOptions &options, const QString &rememberedKubeconfig,
                        const QString &rememberedContext);

// True when the demo cluster is planned against a repository that holds manifests (not an empty
// checkout; PlanSnapshot::repositoryHoldsManifests, read off the UI thread with the plan): the
// window says so in a banner and asks before Write Plan; the CLI refuses plan --write without
// --force-demo. False without a plan.
bool isDemoAgainstRealRepository(const ClusterSource &source, const PlanSnapshot *plan);

} // namespace Fluxdesk
