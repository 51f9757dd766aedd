#pragma once

#include "messagebanner.h"

namespace Fluxdesk {

class ClusterSession;
class PlanSession;

// Says in plain words when the built-in demo cluster is planned against a repository that already
// holds manifests (isDemoAgainstRealRepository()): its objects are examples, and writing them
// would mix them into the user's files. Shown while that lasts (after each plan), with whatever
// action addButton() gives to connect a real cluster; dismissed, it stays hidden for that
// repository until another source is loaded.
class DemoRepositoryBanner : public MessageBanner
{
    Q_OBJECT
public:
    DemoRepositoryBanner(ClusterSession *cluster, PlanSession *plan, QWidget *parent = nullptr);

    void update();

private:
    ClusterSession *m_cluster;
    PlanSession *m_plan;
    QString m_dismissedFor; // the repository the user dismissed the banner for
};

} // namespace Fluxdesk
