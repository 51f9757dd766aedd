#include "demorepositorybanner.h"

#include "kube/clustersession.h"
#include "plan/plansession.h"
#include "startup.h"

#include <QDir>

namespace Fluxdesk {

DemoRepositoryBanner::DemoRepositoryBanner(ClusterSession *cluster, PlanSession *plan,
                                           QWidget *parent)
    : MessageBanner(Level::Warning, parent), m_cluster(cluster), m_plan(plan)
{
    setObjectName(QStringLiteral("demoRepositoryBanner"));
    connect(this, &MessageBanner::dismissed, this,
            [this] { m_dismissedFor = m_plan->repository(); });
    connect(m_cluster, &ClusterSession::started, this, [this] { m_dismissedFor.clear(); });
    connect(m_cluster, &ClusterSession::finished, this, &DemoRepositoryBanner::update);
    connect(m_plan, &PlanSession::planReady, this, &DemoRepositoryBanner::update);
}

void DemoRepositoryBanner::update()
{
    const QString repository = m_plan->repository();
    if (!isDemoAgainstRealRepository(m_cluster->source(), m_plan->snapshot().get())) {
        hide();
        return;
    }
    if (repository == m_dismissedFor)
        return;
    showMessage(tr("The demo cluster is planned against your repository %1")
                    .arg(QDir::toNativeSeparators(repository)),
                tr("The objects shown are Fluxdesk's built-in examples, not your cluster's, and "
                   "this repository already holds manifests: writing this plan would mix the "
                   "examples into them. Connect your cluster (File > Open Kubeconfig, or a "
                   "context in the Cluster list) to plan what really runs."));
}

} // namespace Fluxdesk
