#pragma once

#include "core/error.h"
#include "kube/kubeconfig.h"

#include <QDateTime>
#include <QList>
#include <QNetworkProxy>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Fluxdesk {

// Everything needed to talk to one API server, resolved from a kubeconfig context: files read,
// base64 decoded, keys parsed, exec plugins run. Built off the UI thread (it reads files and may
// run a plugin).
struct ConnectionSettings
{
    QString contextName;
    QString clusterName;
    QString userName;
    QString defaultNamespace;
    QUrl server;
    QList<QSslCertificate> caCertificates; // empty: the system's
    bool insecureSkipTlsVerify = false;
    QString tlsServerName;
    QSslCertificate clientCertificate;
    QSslKey clientKey;
    QString bearerToken; // never logged
    QString username;
    QString password;
    QNetworkProxy proxy; // NoProxy unless proxy-url is set; DefaultProxy honours the environment
    QDateTime credentialExpiry; // from an exec plugin, invalid when none
    QStringList warnings;       // e.g. "TLS verification is off for cluster X" (shown in the UI)

    bool hasClientCertificate() const { return !clientCertificate.isNull(); }
};

// Resolves a context. tokens from tokenFile are read now; exec plugins are run (with their env,
// args, KUBERNETES_EXEC_INFO) and their ExecCredential status used, cached per plugin config
// until expirationTimestamp. Errors name the file involved (missing cert file, bad PEM, expired
// client certificate, plugin exit code with its stderr).
Result<ConnectionSettings> resolveContext(const Kubeconfig &config, const QString &contextName);

// Forgets cached exec credentials (e.g. after a 401 so the next connect runs the plugin again).
void clearExecCredentialCache();

} // namespace Fluxdesk
