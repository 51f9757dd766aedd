#include "connectionsettings.h"

#include "execcredential.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace Fluxdesk {

namespace {

// Reads a file a kubeconfig names; a missing file names both the path and the kubeconfig.
Result<QByteArray> readNamedFile(const QString &path, const QString &kubeconfigFile)
{
    QFile file(path);
    if (!file.exists())
        return Error(
            QCoreApplication::translate("ConnectionSettings", "file %1 not found").arg(path),
            kubeconfigFile);
    if (!file.open(QIODevice::ReadOnly))
        return Error(QCoreApplication::translate("ConnectionSettings", "cannot read %1: %2")
                         .arg(path, file.errorString()),
                     kubeconfigFile);
    return file.readAll();
}

// PEM certificates from a file or inline data; `what` names the source in errors.
Result<QList<QSslCertificate>> readCertificates(const QString &path, const QByteArray &data,
                                                const QString &what, const QString &kubeconfigFile)
{
    QByteArray pem = data;
    if (pem.isEmpty()) {
        Result<QByteArray> bytes = readNamedFile(path, kubeconfigFile);
        if (!bytes)
            return bytes.error();
        pem = bytes.value();
    }
    const QList<QSslCertificate> certs = QSslCertificate::fromData(pem, QSsl::Pem);
    bool anyNull = certs.isEmpty();
    for (const QSslCertificate &cert : certs)
        anyNull = anyNull || cert.isNull();
    if (anyNull)
        return Error(
            QCoreApplication::translate("ConnectionSettings", "%1 holds no valid PEM certificate")
                .arg(what),
            kubeconfigFile);
    return certs;
}

// Kubeconfigs carry RSA and EC keys, PKCS#1/SEC1 or PKCS#8; QSslKey needs the algorithm up front.
QSslKey parseKey(const QByteArray &pem)
{
    QSslKey key(pem, QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey);
    if (key.isNull())
        key = QSslKey(pem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    return key;
}

Result<QNetworkProxy> parseProxy(const QString &text, const QString &clusterName,
                                 const QString &kubeconfigFile)
{
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    QNetworkProxy proxy;
    // Qt speaks plain HTTP CONNECT to a proxy; an https:// proxy URL is used the same way.
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
        proxy.setType(QNetworkProxy::HttpProxy);
    else if (scheme == QLatin1String("socks5"))
        proxy.setType(QNetworkProxy::Socks5Proxy);
    if (!url.isValid() || url.host().isEmpty() || proxy.type() == QNetworkProxy::DefaultProxy)
        return Error(QCoreApplication::translate(
                         "ConnectionSettings",
                         "proxy-url of cluster \"%1\" is not an http, https or socks5 URL")
                         .arg(clusterName),
                     kubeconfigFile);
    const int defaultPort = scheme == QLatin1String("socks5")  ? 1080
                            : scheme == QLatin1String("https") ? 443
                                                               : 80;
    proxy.setHostName(url.host());
    proxy.setPort(quint16(url.port(defaultPort)));
    proxy.setUser(url.userName());
    proxy.setPassword(url.password());
    return proxy;
}

// Sets the client certificate and key, refusing an expired certificate.
Error setClientCertificate(ConnectionSettings &s, const QList<QSslCertificate> &certs,
                           const QByteArray &keyPem, const QString &certWhat,
                           const QString &keyWhat, const QString &kubeconfigFile)
{
    const QSslCertificate &leaf = certs.first();
    if (leaf.expiryDate() < QDateTime::currentDateTimeUtc())
        return Error(QCoreApplication::translate("ConnectionSettings",
                                                 "the client certificate %1 expired on %2")
                         .arg(certWhat, leaf.expiryDate().toUTC().toString(Qt::ISODate)),
                     kubeconfigFile);
    const QSslKey key = parseKey(keyPem);
    if (key.isNull())
        return Error(QCoreApplication::translate(
                         "ConnectionSettings", "%1 is not an unencrypted PEM RSA or EC private key")
                         .arg(keyWhat),
                     kubeconfigFile);
    s.clientCertificate = leaf;
    s.clientKey = key;
    return Error();
}

} // namespace

Result<ConnectionSettings> resolveContext(const Kubeconfig &config, const QString &contextName)
{
    const QString files = config.files().join(QLatin1String(", "));
    const QString name = contextName.isEmpty() ? config.currentContext() : contextName;
    if (name.isEmpty())
        return Error(QCoreApplication::translate(
                         "ConnectionSettings",
                         "no context given and the kubeconfig sets no current-context"),
                     files);
    const KubeContext *context = config.context(name);
    if (!context)
        return Error(
            QCoreApplication::translate("ConnectionSettings", "context \"%1\" not found").arg(name),
            files);
    const KubeCluster *cluster = config.cluster(context->cluster);
    if (!cluster)
        return Error(
            QCoreApplication::translate("ConnectionSettings",
                                        "context \"%1\" names cluster \"%2\", which is not defined")
                .arg(name, context->cluster),
            context->sourceFile);
    const KubeUser *user = nullptr;
    if (!context->user.isEmpty()) {
        user = config.user(context->user);
        if (!user)
            return Error(
                QCoreApplication::translate(
                    "ConnectionSettings", "context \"%1\" names user \"%2\", which is not defined")
                    .arg(name, context->user),
                context->sourceFile);
    }

    ConnectionSettings s;
    s.contextName = name;
    s.clusterName = cluster->name;
    s.userName = context->user;
    s.defaultNamespace = context->ns.isEmpty() ? QStringLiteral("default") : context->ns;

    // Cluster: server, trust, proxy.
    const QString clusterFile = cluster->sourceFile;
    if (cluster->server.isEmpty())
        return Error(
            QCoreApplication::translate("ConnectionSettings", "cluster \"%1\" has no server")
                .arg(cluster->name),
            clusterFile);
    // client-go takes a bare host:port as https.
    const QString server = cluster->server.contains(QLatin1String("://"))
                               ? cluster->server
                               : QLatin1String("https://") + cluster->server;
    s.server = QUrl(server, QUrl::StrictMode);
    const QString scheme = s.server.scheme();
    if (!s.server.isValid() || s.server.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return Error(
            QCoreApplication::translate(
                "ConnectionSettings", "server \"%1\" of cluster \"%2\" is not an http or https URL")
                .arg(cluster->server, cluster->name),
            clusterFile);
    const bool hasCa = !cluster->certificateAuthorityFile.isEmpty() ||
                       !cluster->certificateAuthorityData.isEmpty();
    // As kubectl: a CA says "verify against this", the flag says "do not verify"; which one the
    // user meant is theirs to say.
    if (hasCa && cluster->insecureSkipTlsVerify)
        return Error(QCoreApplication::translate(
                         "ConnectionSettings",
                         "cluster \"%1\" sets both insecure-skip-tls-verify and a certificate "
                         "authority (certificate-authority or certificate-authority-data): "
                         "specifying a root certificates file with the insecure flag is not "
                         "allowed; remove one of them")
                         .arg(cluster->name),
                     clusterFile);
    if (hasCa) {
        const QString what =
            cluster->certificateAuthorityData.isEmpty()
                ? cluster->certificateAuthorityFile
                : QCoreApplication::translate("ConnectionSettings",
                                              "certificate-authority-data of cluster \"%1\"")
                      .arg(cluster->name);
        Result<QList<QSslCertificate>> ca =
            readCertificates(cluster->certificateAuthorityFile, cluster->certificateAuthorityData,
                             what, clusterFile);
        if (!ca)
            return ca.error();
        s.caCertificates = ca.value();
    }
    s.insecureSkipTlsVerify = cluster->insecureSkipTlsVerify;
    if (s.insecureSkipTlsVerify)
        s.warnings.append(QCoreApplication::translate(
                              "ConnectionSettings",
                              "TLS verification is off for cluster \"%1\": the server's identity "
                              "is not checked")
                              .arg(cluster->name));
    s.tlsServerName = cluster->tlsServerName;
    s.proxy = QNetworkProxy(QNetworkProxy::NoProxy);
    if (!cluster->proxyUrl.isEmpty()) {
        Result<QNetworkProxy> proxy = parseProxy(cluster->proxyUrl, cluster->name, clusterFile);
        if (!proxy)
            return proxy.error();
        s.proxy = proxy.value();
    }

    if (!user)
        return s;

    // User: client certificate, token, basic auth, exec plugin (which overrides the rest).
    const QString userFile = user->sourceFile;
    const bool hasCert =
        !user->clientCertificateFile.isEmpty() || !user->clientCertificateData.isEmpty();
    const bool hasKey = !user->clientKeyFile.isEmpty() || !user->clientKeyData.isEmpty();
    if (hasCert != hasKey)
        return Error(QCoreApplication::translate(
                         "ConnectionSettings",
                         "user \"%1\" needs both a client certificate and a client key")
                         .arg(user->name),
                     userFile);
    if (hasCert) {
        const QString certWhat =
            user->clientCertificateData.isEmpty()
                ? user->clientCertificateFile
                : QCoreApplication::translate("ConnectionSettings",
                                              "client-certificate-data of user \"%1\"")
                      .arg(user->name);
        const QString keyWhat = user->clientKeyData.isEmpty()
                                    ? user->clientKeyFile
                                    : QCoreApplication::translate("ConnectionSettings",
                                                                  "client-key-data of user \"%1\"")
                                          .arg(user->name);
        Result<QList<QSslCertificate>> certs = readCertificates(
            user->clientCertificateFile, user->clientCertificateData, certWhat, userFile);
        if (!certs)
            return certs.error();
        QByteArray keyPem = user->clientKeyData;
        if (keyPem.isEmpty()) {
            Result<QByteArray> bytes = readNamedFile(user->clientKeyFile, userFile);
            if (!bytes)
                return bytes.error();
            keyPem = bytes.value();
        }
        const Error e = setClientCertificate(s, certs.value(), keyPem, certWhat, keyWhat, userFile);
        if (!e.message.isEmpty())
            return e;
    }
    if (!user->token.isEmpty()) {
        s.bearerToken = user->token;
    } else if (!user->tokenFile.isEmpty()) {
        Result<QByteArray> token = readNamedFile(user->tokenFile, userFile);
        if (!token)
            return token.error();
        s.bearerToken = QString::fromUtf8(token->trimmed());
        if (s.bearerToken.isEmpty())
            return Error(QCoreApplication::translate("ConnectionSettings", "token file %1 is empty")
                             .arg(user->tokenFile),
                         userFile);
    }
    s.username = user->username;
    s.password = user->password;

    if (user->hasExec) {
        Result<ExecCredential> cred = execCredential(*user, *cluster);
        if (!cred)
            return cred.error();
        s.credentialExpiry = cred->expiry;
        if (!cred->token.isEmpty())
            s.bearerToken = cred->token;
        if (!cred->clientCertificateData.isEmpty()) {
            const QString what = QCoreApplication::translate("ConnectionSettings",
                                                             "from the exec plugin of user \"%1\"")
                                     .arg(user->name);
            Result<QList<QSslCertificate>> certs =
                readCertificates(QString(), cred->clientCertificateData, what, userFile);
            if (!certs)
                return certs.error();
            const Error e =
                setClientCertificate(s, certs.value(), cred->clientKeyData, what, what, userFile);
            if (!e.message.isEmpty())
                return e;
        }
    }
    // kubectl sends them too; the user should at least know (the window's banner, the CLI's
    // stderr). A client certificate is never sent without TLS.
    if (s.server.scheme() == QLatin1String("http")) {
        const QString shown = s.server.toDisplayString(QUrl::RemoveUserInfo);
        if (!s.bearerToken.isEmpty())
            s.warnings.append(QCoreApplication::translate(
                                  "ConnectionSettings",
                                  "The token of user \"%1\" is sent unencrypted to %2: anyone on "
                                  "the network path can read and reuse it; use an https:// server")
                                  .arg(user->name, shown));
        else if (!s.username.isEmpty())
            s.warnings.append(
                QCoreApplication::translate(
                    "ConnectionSettings",
                    "The password of user \"%1\" is sent unencrypted to %2: anyone on the "
                    "network path can read and reuse it; use an https:// server")
                    .arg(user->name, shown));
    }
    return s;
}

} // namespace Fluxdesk
