#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

// Where a chart is published: a classic HTTP(S) repository (Flux HelmRepository) or an OCI
// registry (Flux OCIRepository, one per chart; HelmRepository type: oci is not generated).
struct ChartSource
{
    enum class Type
    {
        Http,
        Oci
    };
    Type type = Type::Http;
    QString repositoryName; // e.g. "grafana-community"; the HelmRepository's name
    QString url;            // HTTP: the repository URL; OCI: the chart's own oci:// URL

    bool isValid() const { return !url.isEmpty(); }
    // The name of the Flux source object: the repository for HTTP, the chart for OCI.
    QString sourceName(const QString &chart) const;

    bool operator==(const ChartSource &other) const
    {
        return type == other.type && repositoryName == other.repositoryName && url == other.url;
    }
};

// How a chart installs CustomResourceDefinitions.
enum class ChartCrds
{
    None,
    Folder,   // the chart's crds/ folder: Flux's install.crds/upgrade.crds policy applies
    Templates // rendered from templates, switched by a value (crdsValue)
};

// A source the user picked for a release whose chart no other rule found. The plan file keeps
// these (toJson/fromJson) so the choice is reviewed like code and the plan is reproducible.
struct ChartSourceChoice
{
    QString releaseNamespace; // empty: applies to every release of the chart
    QString releaseName;
    QString chart;
    ChartSource source;

    QJsonObject toJson() const;
    static ChartSourceChoice fromJson(const QJsonObject &json);
    bool matches(const QString &ns, const QString &release, const QString &chartName) const;
};

// "http" / "oci" as the catalog and the plan file write them.
QString chartSourceTypeName(ChartSource::Type type);

} // namespace Fluxdesk
