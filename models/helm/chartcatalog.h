#pragma once

#include "core/error.h"
#include "helm/chartsource.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Fluxdesk {

// One chart of the built-in catalog (resources/helm/chart-catalog.yaml).
struct CatalogChart
{
    QString chart;
    ChartSource source;
    ChartCrds crds = ChartCrds::None;
    QString crdsValue;      // for ChartCrds::Templates: the value that installs them
    QString versionPrefix;  // "v" where the chart's versions are written v1.2.3
    QStringList formerUrls; // repositories the chart left (their indexes stop receiving it)
    QString docs;           // the page documenting the repository
};

// Well-known charts and where they are published now. Data, not code: the catalog is a resource.
class ChartCatalog
{
public:
    // Parses the catalog format (see the resource's header comment). Errors carry file/line.
    static Result<ChartCatalog> fromYaml(const QByteArray &yaml, const QString &fileName);
    // The catalog compiled into the library; empty (never fails at run time) if it is broken,
    // which tst_chartcatalog guards against.
    static const ChartCatalog &builtIn();

    std::optional<CatalogChart> find(const QString &chart) const;
    const QList<CatalogChart> &charts() const { return m_charts; }

private:
    QList<CatalogChart> m_charts;
};

} // namespace Fluxdesk
