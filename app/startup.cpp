#include "startup.h"

#include "kube/kubeconfig.h"
#include "plan/planjob.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace Fluxdesk {

namespace {
// Gives lupdate and the runtime the same context for the strings below.
class StartupText
{
    Q_DECLARE_TR_FUNCTIONS(Fluxdesk::Startup)
};
} // namespace

StartupPlan planStartup(const StartupOptions &options, const QString &rememberedKubeconfig,
                        const QString &rememberedContext)
{
    return planStartup(
        options, rememberedKubeconfig.isEmpty() ? QStringList() : QStringList{rememberedKubeconfig},
        rememberedContext);
}

StartupPlan planStartup(const StartupOptions &options, const QStringList &rememberedKubeconfig,
                        const QString &rememberedContext)
{
    StartupPlan plan;
    QStringList remembered;
    for (const QString &file : rememberedKubeconfig) {
        if (!file.isEmpty() && QFileInfo::exists(file))
            remembered.append(file);
    }
    const QStringList files = !options.kubeconfig.isEmpty() || remembered.isEmpty()
                                  ? Kubeconfig::defaultFiles(options.kubeconfig)
                                  : remembered;
    for (const QString &file : files) {
        if (QFileInfo::exists(file))
            plan.kubeconfigFiles.append(file);
    }

    bool kubeconfigUsable = false;
    if (!plan.kubeconfigFiles.isEmpty()) {
        const Result<Kubeconfig> config = Kubeconfig::load(plan.kubeconfigFiles);
        if (!config) {
            plan.error = config.error().toString();
        } else {
            plan.contexts = config->contextNames();
            if (!options.context.isEmpty()) {
                if (plan.contexts.contains(options.context)) {
                    plan.context = options.context;
                } else {
                    plan.error = StartupText::tr("The kubeconfig has no context named \"%1\"")
                                     .arg(options.context);
                }
            } else if (plan.contexts.contains(rememberedContext)) {
                plan.context = rememberedContext;
            } else if (plan.contexts.contains(config->currentContext())) {
                plan.context = config->currentContext();
            } else if (!plan.contexts.isEmpty()) {
                plan.context = plan.contexts.constFirst();
            }
            if (plan.contexts.isEmpty() && plan.error.isEmpty())
                plan.error = StartupText::tr("The kubeconfig lists no contexts: %1")
                                 .arg(plan.kubeconfigFiles.join(QLatin1String(", ")));
            kubeconfigUsable = plan.error.isEmpty() && !plan.context.isEmpty();
        }
    }

    if (!options.snapshot.isEmpty()) {
        plan.source.kind = ClusterSource::Kind::Snapshot;
        plan.source.snapshotPath = options.snapshot;
        plan.status = StartupText::tr("Opening the snapshot %1").arg(options.snapshot);
    } else if (options.demo) {
        plan.source.kind = ClusterSource::Kind::Demo;
        plan.status = StartupText::tr("Showing the built-in demo cluster");
    } else if (plan.kubeconfigFiles.isEmpty() && !rememberedKubeconfig.isEmpty()) {
        plan.source.kind = ClusterSource::Kind::Demo;
        plan.status = StartupText::tr("The kubeconfig used last time (%1) is gone and no other "
                                      "was found: showing the built-in demo cluster")
                          .arg(rememberedKubeconfig.join(QLatin1String(", ")));
    } else if (plan.kubeconfigFiles.isEmpty()) {
        plan.source.kind = ClusterSource::Kind::Demo;
        plan.status = StartupText::tr("No kubeconfig found: showing the built-in demo cluster");
    } else if (kubeconfigUsable) {
        plan.source.kind = ClusterSource::Kind::Kubeconfig;
        plan.source.kubeconfigFiles = plan.kubeconfigFiles;
        plan.source.context = plan.context;
        plan.status = StartupText::tr("Connecting to %1").arg(plan.context);
    } else {
        plan.connect = false;
        plan.status = StartupText::tr(
            "The kubeconfig could not be used; pick a context, the demo cluster or a "
            "snapshot");
    }
    return plan;
}

bool isDemoAgainstRealRepository(const ClusterSource &source, const PlanSnapshot *plan)
{
    return source.kind == ClusterSource::Kind::Demo && plan && plan->repositoryHoldsManifests;
}

} // namespace Fluxdesk
