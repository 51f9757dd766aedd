#include "chartsourceresolver.h"

#include "kube/helmreleaserecord.h"

#include <QCoreApplication>

namespace Fluxdesk {

namespace {

QString normalisedUrl(QString url)
{
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    return url;
}

} // namespace

QString chartSourceOriginName(ChartSourceOrigin origin)
{
    switch (origin) {
    case ChartSourceOrigin::UserChoice:
        return QStringLiteral("user-choice");
    case ChartSourceOrigin::HelmClient:
        return QStringLiteral("helm-client");
    case ChartSourceOrigin::Catalog:
        return QStringLiteral("catalog");
    case ChartSourceOrigin::HelmClientNameOnly:
        return QStringLiteral("helm-client-name-only");
    case ChartSourceOrigin::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

ChartSourceResolution resolveChartSource(const QString &releaseNamespace,
                                         const QString &releaseName, const QString &chart,
                                         const QString &version, const ChartSourceContext &context)
{
    ChartSourceResolution result;
    const std::optional<CatalogChart> known = context.catalog.find(chart);
    if (known) {
        result.crds = known->crds;
        result.crdsValue = known->crdsValue;
    }

    for (const ChartSourceChoice &choice : context.userChoices) {
        if (choice.matches(releaseNamespace, releaseName, chart) && choice.source.isValid()) {
            result.origin = ChartSourceOrigin::UserChoice;
            result.source = choice.source;
            result.notes.append(QCoreApplication::translate("ChartSourceResolver",
                                                            "chart source chosen by the user"));
            return result;
        }
    }

    const QList<HelmClientConfig::Match> matches = context.helmClient.findChart(chart, version);
    for (const HelmClientConfig::Match &match : matches) {
        if (!match.versionFound)
            break; // exact matches come first
        bool formerly = false;
        for (const QString &url : known ? known->formerUrls : QStringList())
            formerly = formerly || normalisedUrl(url) == normalisedUrl(match.url);
        if (formerly) {
            result.notes.append(
                QCoreApplication::translate(
                    "ChartSourceResolver",
                    "the Helm repository \"%1\" (%2) no longer receives chart \"%3\"; using %4")
                    .arg(match.repository, match.url, chart, known->source.url));
            continue;
        }
        result.origin = ChartSourceOrigin::HelmClient;
        result.source.type = ChartSource::Type::Http;
        result.source.repositoryName = match.repository;
        result.source.url = match.url;
        result.notes.append(
            QCoreApplication::translate("ChartSourceResolver",
                                        "found in the Helm repository \"%1\" at version %2")
                .arg(match.repository, version));
        return result;
    }

    if (known) {
        result.origin = ChartSourceOrigin::Catalog;
        result.source = known->source;
        result.notes.append(QCoreApplication::translate("ChartSourceResolver",
                                                        "from the built-in chart catalog (%1)")
                                .arg(known->docs));
        return result;
    }

    for (const HelmClientConfig::Match &match : matches) {
        if (match.versionFound)
            continue;
        result.origin = ChartSourceOrigin::HelmClientNameOnly;
        result.source.type = ChartSource::Type::Http;
        result.source.repositoryName = match.repository;
        result.source.url = match.url;
        result.notes.append(QCoreApplication::translate(
                                "ChartSourceResolver",
                                "the Helm repository \"%1\" lists chart \"%2\" but not version %3 "
                                "(its cached index may be old: run helm repo update)")
                                .arg(match.repository, chart, version));
        return result;
    }

    result.notes.append(
        QCoreApplication::translate("ChartSourceResolver",
                                    "no source is known for chart \"%1\"; choose its repository")
            .arg(chart));
    return result;
}

ChartSourceResolution resolveChartSource(const HelmRelease &release,
                                         const ChartSourceContext &context)
{
    ChartSourceResolution result = resolveChartSource(release.ns, release.name, release.chartName,
                                                      release.chartVersion, context);
    // The release record keeps the chart's crds/ files: whatever the catalog knows, those CRDs
    // must follow the chart's version.
    if (result.crds == ChartCrds::None && !release.crdFiles.isEmpty())
        result.crds = ChartCrds::Folder;
    return result;
}

} // namespace Fluxdesk
