#pragma once

#include "helm/chartcatalog.h"
#include "helm/chartsource.h"
#include "helm/helmclientconfig.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

struct HelmRelease;

// What the resolver knows: the user's Helm client, the catalog and choices saved in the plan.
struct ChartSourceContext
{
    HelmClientConfig helmClient;
    ChartCatalog catalog = ChartCatalog::builtIn();
    QList<ChartSourceChoice> userChoices;
};

enum class ChartSourceOrigin
{
    UserChoice,         // saved in the plan: the user's word wins over any inference
    HelmClient,         // an index in the user's Helm cache lists the chart at the running version
    Catalog,            // the built-in catalog
    HelmClientNameOnly, // a Helm index lists the chart, but not at the running version
    Unknown             // ask the user
};

struct ChartSourceResolution
{
    ChartSourceOrigin origin = ChartSourceOrigin::Unknown;
    ChartSource source;
    // From the catalog whatever the origin, since the source alone does not say it.
    ChartCrds crds = ChartCrds::None;
    QString crdsValue;
    QStringList notes; // why this source, and what the user should check

    bool needsUserChoice() const { return origin == ChartSourceOrigin::Unknown; }
};

// Infers where the release's chart comes from, in this order: a choice saved in the plan, the
// user's Helm client (an index at the running version; one on a URL the catalog says the chart
// left is passed over), the catalog, a Helm index that lists the chart at other versions only,
// and else Unknown ("ask the user").
ChartSourceResolution resolveChartSource(const QString &releaseNamespace,
                                         const QString &releaseName, const QString &chart,
                                         const QString &version, const ChartSourceContext &context);
ChartSourceResolution resolveChartSource(const HelmRelease &release,
                                         const ChartSourceContext &context);

QString chartSourceOriginName(ChartSourceOrigin origin);

} // namespace Fluxdesk
