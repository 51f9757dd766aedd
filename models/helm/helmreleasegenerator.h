#pragma once

#include "core/error.h"
#include "helm/chartsourceresolver.h"
#include "helm/valuescredentials.h"
#include "kube/helmreleaserecord.h"
#include "manifest/problem.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Fluxdesk {

struct HelmConversionOptions
{
    QString sourceNamespace = QStringLiteral("flux-system");
    // Where the HelmRelease object lives; empty: the release's own namespace. When it differs,
    // targetNamespace and storageNamespace keep pointing at the running release.
    QString helmReleaseNamespace;
    QString releaseInterval = QStringLiteral("10m");
    QString chartInterval = QStringLiteral("1h");
    QString sourceInterval = QStringLiteral("1h");
    int remediationRetries = 3;
};

// A running release as Flux objects that adopt it in place.
struct HelmConversion
{
    HelmRelease release;
    ChartSourceResolution resolution;
    QJsonObject source; // HelmRepository or OCIRepository; empty while the source is unknown
    QString sourcePath; // infrastructure/sources/<name>-<kind>.yaml
    QJsonObject helmRelease;
    QList<CredentialFinding> credentials;
    QList<Problem> problems; // credential flags, source warnings and notes

    // The source (when known) then the HelmRelease, for toYamlDocuments().
    QList<QJsonObject> documents() const;
};

// True for "deployed": only a deployed revision is converted.
bool isConvertibleStatus(const QString &status);

// Converts the release. A release that is not deployed (failed, pending-*, uninstalling...) is an
// error saying its state and what to do; it is never converted silently. An unknown source
// still yields the HelmRelease (pointing at a HelmRepository named after the chart) with a
// "helm-chart-source-unknown" warning.
Result<HelmConversion> convertHelmRelease(const HelmRelease &release,
                                          const ChartSourceResolution &resolution,
                                          const HelmConversionOptions &options = {});

// The Flux source for a chart: HelmRepository (HTTP) or OCIRepository with ref.tag (OCI).
QJsonObject helmSourceObject(const ChartSource &source, const QString &chart,
                             const QString &version, const HelmConversionOptions &options = {});
QString helmSourcePath(const ChartSource &source, const QString &chart);

// OCI tags cannot hold '+', so Helm pushes chart version 1.2.3+meta as tag 1.2.3_meta.
QString ociTagForVersion(const QString &version);

} // namespace Fluxdesk
