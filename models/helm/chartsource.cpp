#include "chartsource.h"

namespace Fluxdesk {

QString ChartSource::sourceName(const QString &chart) const
{
    return type == Type::Oci ? chart : repositoryName;
}

QString chartSourceTypeName(ChartSource::Type type)
{
    return type == ChartSource::Type::Oci ? QStringLiteral("oci") : QStringLiteral("http");
}

QJsonObject ChartSourceChoice::toJson() const
{
    QJsonObject json{{QStringLiteral("chart"), chart},
                     {QStringLiteral("type"), chartSourceTypeName(source.type)},
                     {QStringLiteral("repository"), source.repositoryName},
                     {QStringLiteral("url"), source.url}};
    if (!releaseName.isEmpty()) {
        json.insert(QStringLiteral("release"), releaseName);
        json.insert(QStringLiteral("namespace"), releaseNamespace);
    }
    return json;
}

ChartSourceChoice ChartSourceChoice::fromJson(const QJsonObject &json)
{
    ChartSourceChoice choice;
    choice.chart = json.value(QLatin1String("chart")).toString();
    choice.releaseName = json.value(QLatin1String("release")).toString();
    choice.releaseNamespace = json.value(QLatin1String("namespace")).toString();
    choice.source.type = json.value(QLatin1String("type")).toString() == QLatin1String("oci")
                             ? ChartSource::Type::Oci
                             : ChartSource::Type::Http;
    choice.source.repositoryName = json.value(QLatin1String("repository")).toString();
    choice.source.url = json.value(QLatin1String("url")).toString();
    return choice;
}

bool ChartSourceChoice::matches(const QString &ns, const QString &release,
                                const QString &chartName) const
{
    if (chart != chartName)
        return false;
    return releaseName.isEmpty() || (releaseName == release && releaseNamespace == ns);
}

} // namespace Fluxdesk
