#pragma once

// Helm 3 release records as the cluster keeps them (Secrets or ConfigMaps owned by Helm), decoded
// into values. They sit in kube/, below helm/, because the Inventory reads them to classify the
// cluster's objects (whose release made them, a chart's CRDs, K3s's own releases); helm/ builds
// its conversions on the decoded releases.

#include "core/error.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Fluxdesk {

// A Helm 3 release as Helm stores it (one revision).
struct HelmRelease
{
    QString name;
    QString ns;
    int revision = 0;
    QString
        status; // deployed, superseded, failed, pending-install, pending-upgrade, uninstalling...
    QString chartName;
    QString chartVersion;
    QString appVersion;
    QJsonObject values;      // the user-supplied values (Helm's "config"), as given
    QJsonObject chartValues; // the chart's default values
    QString manifest;        // the rendered manifest
    QDateTime lastDeployed;
    QString storageObject; // name of the Secret/ConfigMap it was decoded from
    // The chart's crds/ files as Helm stored them with the release (Helm installs them before the
    // templates and labels nothing in them).
    QList<QByteArray> crdFiles;
    // "ns/name" of the helm.cattle.io HelmChart when K3s's Helm controller installs the release
    // (traefik, traefik-crd): K3s keeps it, so it is never converted. Filled by the Inventory.
    QString installedByK3s;
};

struct HelmDecodeLimits
{
    qsizetype maxDecompressedBytes = 64 * 1024 * 1024; // one record: gzip bombs fail, not grow
    // All the records of one cluster together (HelmRecordDecoder): many records each under the
    // cap above must not add up without end either.
    qint64 maxTotalDecompressedBytes = qint64(512) * 1024 * 1024;
};

// Decodes Helm's storage object: a Secret of type helm.sh/release.v1 whose data.release is
// base64(base64(gzip(json))) (the Secret's own base64 plus Helm's), or a ConfigMap (the configmap
// driver) whose data.release is base64(gzip(json)). A malformed record is an error of its own.
Result<HelmRelease> decodeHelmReleaseObject(const QJsonObject &object,
                                            const HelmDecodeLimits &limits = {});

// Decodes Helm's payload (base64 of gzip of JSON, or of plain JSON) after the storage layer.
Result<HelmRelease> decodeHelmReleasePayload(const QByteArray &helmBase64,
                                             const HelmDecodeLimits &limits = {});

// Decodes the release records of one cluster under one budget of decompressed bytes
// (maxTotalDecompressedBytes; each record still under its own cap). The record that would pass
// the budget and every one after it are not decoded: decode() gives nothing for them, and
// skippedError() is the one problem that names the first of them.
class HelmRecordDecoder
{
public:
    explicit HelmRecordDecoder(const HelmDecodeLimits &limits = {}) : m_limits(limits) {}

    // The release or the record's own error; nullopt once the budget is spent.
    std::optional<Result<HelmRelease>> decode(const QJsonObject &object);
    qint64 decompressedBytes() const { return m_used; }
    int skipped() const { return m_skipped; }
    Error skippedError() const; // empty when nothing was skipped

private:
    HelmDecodeLimits m_limits;
    qint64 m_used = 0;
    int m_skipped = 0;
    QString m_firstSkipped; // "Secret ns/name"
};

// True for a Secret or ConfigMap that holds a Helm 3 release record.
bool isHelmReleaseRecord(const QJsonObject &object);

// One entry per release (namespace/name): the latest revision whose status is "deployed" if any,
// else the latest revision whatever its status. Sorted by namespace, then name.
QList<HelmRelease> currentReleases(const QList<HelmRelease> &revisions);

// Encodes a release the way Helm's Secret driver stores it (used by the demo cluster and tests).
QByteArray encodeHelmReleasePayload(const QJsonObject &releaseJson);

} // namespace Fluxdesk
