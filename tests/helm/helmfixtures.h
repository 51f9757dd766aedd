#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace Fluxdesk::Testing {

// A Helm 3 release record's JSON (what Helm gzips and base64-encodes).
QJsonObject helmReleaseJson(const QString &name, const QString &ns, int revision,
                            const QString &status, const QString &chart,
                            const QString &chartVersion, const QJsonObject &config,
                            const QJsonObject &chartDefaults = {});

// The Secret Helm's default driver writes: type helm.sh/release.v1, data.release =
// base64(base64(gzip(json))), the owner/name/status/version labels.
QJsonObject helmReleaseSecret(const QJsonObject &releaseJson);
// The ConfigMap of HELM_DRIVER=configmap: data.release = base64(gzip(json)).
QJsonObject helmReleaseConfigMap(const QJsonObject &releaseJson);
// A Secret whose data.release payload is given as is (already Helm-encoded, or broken).
QJsonObject helmReleaseSecretWithPayload(const QString &name, const QString &ns, int revision,
                                         const QByteArray &helmPayload);

QByteArray gzipData(const QByteArray &data);

} // namespace Fluxdesk::Testing
