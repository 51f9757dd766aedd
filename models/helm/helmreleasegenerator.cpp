#include "helmreleasegenerator.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Fluxdesk {

namespace {

const char helmChartMediaType[] = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";

QJsonObject metadata(const QString &name, const QString &ns)
{
    return QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), ns}};
}

QString notDeployedMessage(const HelmRelease &r)
{
    const QString where = r.ns + QLatin1Char('/') + r.name;
    if (r.status.startsWith(QLatin1String("pending-")))
        return QCoreApplication::translate(
                   "HelmReleaseGenerator",
                   "Helm release %1 is %2 (revision %3): a Helm operation is running or was "
                   "interrupted. Not converted: wait for it to finish, or roll it back with "
                   "helm rollback, then convert the deployed revision.")
            .arg(where, r.status)
            .arg(r.revision);
    if (r.status == QLatin1String("uninstalling"))
        return QCoreApplication::translate(
                   "HelmReleaseGenerator",
                   "Helm release %1 is being uninstalled (revision %2). Not converted.")
            .arg(where)
            .arg(r.revision);
    return QCoreApplication::translate(
               "HelmReleaseGenerator",
               "Helm release %1 is %2 (revision %3) and has no deployed revision. Not converted: "
               "repair it with helm rollback or a successful helm upgrade first.")
        .arg(where, r.status.isEmpty() ? QStringLiteral("unknown") : r.status)
        .arg(r.revision);
}

Problem problem(Problem::Severity severity, const HelmRelease &r, const QString &rule,
                const QString &message)
{
    Problem p;
    p.severity = severity;
    p.file = QStringLiteral("helmrelease/%1/%2").arg(r.ns, r.name);
    p.rule = rule;
    p.message = message;
    return p;
}

} // namespace

QList<QJsonObject> HelmConversion::documents() const
{
    QList<QJsonObject> docs;
    if (!source.isEmpty())
        docs.append(source);
    docs.append(helmRelease);
    return docs;
}

bool isConvertibleStatus(const QString &status)
{
    return status == QLatin1String("deployed");
}

QString ociTagForVersion(const QString &version)
{
    QString tag = version;
    tag.replace(QLatin1Char('+'), QLatin1Char('_'));
    return tag;
}

QString helmSourcePath(const ChartSource &source, const QString &chart)
{
    const char *kind = source.type == ChartSource::Type::Oci ? "ocirepository" : "helmrepository";
    return QStringLiteral("infrastructure/sources/%1-%2.yaml")
        .arg(source.sourceName(chart), QLatin1String(kind));
}

QJsonObject helmSourceObject(const ChartSource &source, const QString &chart,
                             const QString &version, const HelmConversionOptions &options)
{
    const QString name = source.sourceName(chart);
    if (source.type == ChartSource::Type::Oci) {
        const QJsonObject spec{
            {QStringLiteral("interval"), options.sourceInterval},
            {QStringLiteral("url"), source.url},
            {QStringLiteral("ref"),
             QJsonObject{{QStringLiteral("tag"), ociTagForVersion(version)}}},
            {QStringLiteral("layerSelector"),
             QJsonObject{{QStringLiteral("mediaType"), QLatin1String(helmChartMediaType)},
                         {QStringLiteral("operation"), QStringLiteral("copy")}}}};
        return QJsonObject{
            {QStringLiteral("apiVersion"), QStringLiteral("source.toolkit.fluxcd.io/v1")},
            {QStringLiteral("kind"), QStringLiteral("OCIRepository")},
            {QStringLiteral("metadata"), metadata(name, options.sourceNamespace)},
            {QStringLiteral("spec"), spec}};
    }
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("source.toolkit.fluxcd.io/v1")},
        {QStringLiteral("kind"), QStringLiteral("HelmRepository")},
        {QStringLiteral("metadata"), metadata(name, options.sourceNamespace)},
        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("interval"), options.sourceInterval},
                                             {QStringLiteral("url"), source.url}}}};
}

Result<HelmConversion> convertHelmRelease(const HelmRelease &release,
                                          const ChartSourceResolution &resolution,
                                          const HelmConversionOptions &options)
{
    if (!release.installedByK3s.isEmpty())
        return Error(QCoreApplication::translate(
                         "HelmReleaseGenerator",
                         "Helm release %1/%2 is K3s's: K3s installs it from its HelmChart %3 and "
                         "keeps it itself, so it is not converted. Customise it with a "
                         "HelmChartConfig, which the plan carries.")
                         .arg(release.ns, release.name, release.installedByK3s));
    if (!isConvertibleStatus(release.status))
        return Error(notDeployedMessage(release));

    HelmConversion c;
    c.release = release;
    c.resolution = resolution;
    const QString hrNamespace =
        options.helmReleaseNamespace.isEmpty() ? release.ns : options.helmReleaseNamespace;

    QJsonObject spec{{QStringLiteral("interval"), options.releaseInterval},
                     // Explicit, so helm-controller finds the running release in storage and
                     // upgrades it instead of installing a second copy.
                     {QStringLiteral("releaseName"), release.name}};
    if (hrNamespace != release.ns) {
        spec.insert(QStringLiteral("targetNamespace"), release.ns);
        spec.insert(QStringLiteral("storageNamespace"), release.ns);
    }

    const ChartSource source = resolution.source;
    if (resolution.needsUserChoice()) {
        c.problems.append(problem(
            Problem::Severity::Warning, release, QStringLiteral("helm-chart-source-unknown"),
            QCoreApplication::translate(
                "HelmReleaseGenerator",
                "no source is known for chart \"%1\" %2: choose its repository; the "
                "HelmRelease refers to a HelmRepository named \"%1\" until then")
                .arg(release.chartName, release.chartVersion)));
    } else {
        c.source = helmSourceObject(source, release.chartName, release.chartVersion, options);
        c.sourcePath = helmSourcePath(source, release.chartName);
    }

    if (source.type == ChartSource::Type::Oci && !resolution.needsUserChoice()) {
        // The version is pinned by the OCIRepository's ref.tag.
        spec.insert(QStringLiteral("chartRef"),
                    QJsonObject{{QStringLiteral("kind"), QStringLiteral("OCIRepository")},
                                {QStringLiteral("name"), source.sourceName(release.chartName)},
                                {QStringLiteral("namespace"), options.sourceNamespace}});
    } else {
        const QString sourceName =
            resolution.needsUserChoice() ? release.chartName : source.sourceName(release.chartName);
        const QJsonObject chartSpec{
            {QStringLiteral("chart"), release.chartName},
            {QStringLiteral("version"), release.chartVersion},
            {QStringLiteral("sourceRef"),
             QJsonObject{{QStringLiteral("kind"), QStringLiteral("HelmRepository")},
                         {QStringLiteral("name"), sourceName},
                         {QStringLiteral("namespace"), options.sourceNamespace}}},
            {QStringLiteral("reconcileStrategy"), QStringLiteral("ChartVersion")},
            {QStringLiteral("interval"), options.chartInterval}};
        spec.insert(QStringLiteral("chart"), QJsonObject{{QStringLiteral("spec"), chartSpec}});
    }

    QJsonObject install{{QStringLiteral("remediation"),
                         QJsonObject{{QStringLiteral("retries"), options.remediationRetries}}}};
    QJsonObject upgrade = install;
    if (resolution.crds != ChartCrds::None) {
        // Flux's default skips CRD changes on upgrade; the chart's CRDs must follow its version.
        install.insert(QStringLiteral("crds"), QStringLiteral("CreateReplace"));
        upgrade.insert(QStringLiteral("crds"), QStringLiteral("CreateReplace"));
    }
    spec.insert(QStringLiteral("install"), install);
    spec.insert(QStringLiteral("upgrade"), upgrade);
    if (!release.values.isEmpty())
        spec.insert(QStringLiteral("values"), release.values);

    c.helmRelease =
        QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("helm.toolkit.fluxcd.io/v2")},
                    {QStringLiteral("kind"), QStringLiteral("HelmRelease")},
                    {QStringLiteral("metadata"), metadata(release.name, hrNamespace)},
                    {QStringLiteral("spec"), spec}};

    if (resolution.origin == ChartSourceOrigin::HelmClientNameOnly) {
        for (const QString &note : resolution.notes)
            c.problems.append(problem(Problem::Severity::Warning, release,
                                      QStringLiteral("helm-chart-source-version"), note));
    } else if (!resolution.needsUserChoice()) {
        for (const QString &note : resolution.notes)
            c.problems.append(problem(Problem::Severity::Info, release,
                                      QStringLiteral("helm-chart-source"), note));
    }
    if (resolution.crds == ChartCrds::Templates && !resolution.crdsValue.isEmpty())
        c.problems.append(problem(
            Problem::Severity::Info, release, QStringLiteral("helm-chart-crds"),
            QCoreApplication::translate("HelmReleaseGenerator",
                                        "chart \"%1\" installs its CRDs from templates when the "
                                        "value %2 is set; keep it as it is in the running release")
                .arg(release.chartName, resolution.crdsValue)));

    c.credentials = findCredentialValues(release.values);
    c.problems.append(credentialProblems(release, c.credentials));
    return c;
}

} // namespace Fluxdesk
