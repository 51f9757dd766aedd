#pragma once

#include "core/error.h"
#include "kube/kubeconfig.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Fluxdesk {

// The status of a client.authentication.k8s.io ExecCredential a plugin printed.
struct ExecCredential
{
    QString token;                    // never logged
    QByteArray clientCertificateData; // PEM
    QByteArray clientKeyData;         // PEM
    QDateTime expiry;                 // invalid: valid for the process lifetime (as in kubectl)
};

// Runs the user's exec plugin (blocking: call it off the UI thread) or returns its cached
// credential while that has not expired. The cache is keyed by the plugin config (and the cluster
// when provideClusterInfo is set) and is safe to use from several threads.
Result<ExecCredential> execCredential(const KubeUser &user, const KubeCluster &cluster,
                                      int timeoutMs = 60000);

} // namespace Fluxdesk
