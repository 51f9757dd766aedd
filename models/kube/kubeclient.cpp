#include "kubeclient.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QSslError>
#include <QStringList>
#include <QTimer>

#ifndef FLUXDESK_VERSION
#define FLUXDESK_VERSION "0.1.0"
#endif

namespace Fluxdesk {

namespace {

// Reply properties: what the client knows about a request that replyError() needs later.
const char SslErrorsProperty[] = "fluxdesk_sslErrors";
const char TimeoutProperty[] = "fluxdesk_timeoutMs";
const char DeadlineProperty[] = "fluxdesk_deadlineMs";
const char DeadlinePassedProperty[] = "fluxdesk_deadlinePassed";
const char BodyLimitProperty[] = "fluxdesk_bodyLimit";
const char BodyLimitExceededProperty[] = "fluxdesk_bodyLimitExceeded";

// Stops a reply whose body passed its cap; the bytes already buffered are dropped with it.
void refuseBody(QNetworkReply *reply)
{
    if (!reply->isRunning() || reply->property(BodyLimitExceededProperty).toBool())
        return;
    reply->setProperty(BodyLimitExceededProperty, true);
    reply->abort();
}

QString hostOf(const QUrl &url)
{
    return url.port() > 0 ? url.host() + QLatin1Char(':') + QString::number(url.port())
                          : url.host();
}

} // namespace

KubeClient::KubeClient(ConnectionSettings settings, QObject *parent)
    : QObject(parent), m_settings(std::move(settings))
{
    m_nam.setProxy(m_settings.proxy);
    // Redirects would carry the credentials elsewhere; an API server never needs them.
    m_nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

QNetworkRequest KubeClient::request(const QString &pathAndQuery) const
{
    QUrl url = m_settings.server;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    const qsizetype question = pathAndQuery.indexOf(QLatin1Char('?'));
    const QString path = question < 0 ? pathAndQuery : pathAndQuery.left(question);
    url.setPath(basePath + path);
    if (question >= 0)
        url.setQuery(pathAndQuery.mid(question + 1));
    else
        url.setQuery(QString());

    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArray(QByteArrayLiteral("fluxdesk/") + FLUXDESK_VERSION));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_timeoutMs);

    if (!m_settings.bearerToken.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + m_settings.bearerToken.toUtf8());
    } else if (!m_settings.username.isEmpty()) {
        const QByteArray credentials =
            (m_settings.username + QLatin1Char(':') + m_settings.password).toUtf8();
        request.setRawHeader("Authorization", "Basic " + credentials.toBase64());
    }

    if (url.scheme() == QLatin1String("https")) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        if (!m_settings.caCertificates.isEmpty())
            ssl.setCaCertificates(m_settings.caCertificates);
        if (m_settings.hasClientCertificate()) {
            ssl.setLocalCertificate(m_settings.clientCertificate);
            ssl.setPrivateKey(m_settings.clientKey);
        }
        ssl.setPeerVerifyMode(m_settings.insecureSkipTlsVerify ? QSslSocket::VerifyNone
                                                               : QSslSocket::VerifyPeer);
        request.setSslConfiguration(ssl);
        if (!m_settings.tlsServerName.isEmpty())
            request.setPeerVerifyName(m_settings.tlsServerName);
    }

    return request;
}

QNetworkReply *KubeClient::get(const QString &pathAndQuery, qint64 maxBodyBytes)
{
    return watch(m_nam.get(request(pathAndQuery)), maxBodyBytes);
}

QNetworkReply *KubeClient::stream(const QString &pathAndQuery, int idleTimeoutMs)
{
    QNetworkRequest r = request(pathAndQuery);
    r.setTransferTimeout(idleTimeoutMs);
    // A stream holds its HTTP/1.1 connection for as long as it is open, and a manager opens at
    // most 6 per host: streams sharing one with the requests would leave a Suspend or a list
    // queued behind a dozen watches. Each stream gets a manager (a connection) of its own, which
    // goes with its reply.
    auto *nam = new QNetworkAccessManager(this);
    QNetworkReply *reply = nam->get(r);
    connect(reply, &QObject::destroyed, nam, &QObject::deleteLater);
    reply->setProperty(TimeoutProperty, idleTimeoutMs);
    keepSslErrors(reply);
    return reply;
}

QNetworkReply *KubeClient::send(const QByteArray &verb, const QString &pathAndQuery,
                                const QByteArray &contentType, const QByteArray &body,
                                qint64 maxBodyBytes)
{
    QNetworkRequest r = request(pathAndQuery);
    if (!contentType.isEmpty())
        r.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    return watch(m_nam.sendCustomRequest(r, verb, body), maxBodyBytes);
}

QNetworkReply *KubeClient::watch(QNetworkReply *reply, qint64 maxBodyBytes)
{
    reply->setProperty(TimeoutProperty, m_timeoutMs);

    // The idle timeout above never fires for a server that sends a byte now and then.
    if (m_deadlineMs > 0) {
        reply->setProperty(DeadlineProperty, m_deadlineMs);
        QTimer::singleShot(m_deadlineMs, reply, [reply]() {
            if (!reply->isRunning())
                return;
            reply->setProperty(DeadlinePassedProperty, true);
            reply->abort();
        });
    }

    // A body is refused as soon as its announced length, or what arrived of it, passes the cap,
    // so a hostile server cannot make the client buffer without end.
    const qint64 cap = maxBodyBytes >= 0 ? maxBodyBytes : m_maxBodyBytes;
    if (cap > 0) {
        reply->setProperty(BodyLimitProperty, cap);
        connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, cap]() {
            if (reply->header(QNetworkRequest::ContentLengthHeader).toLongLong() > cap)
                refuseBody(reply);
        });
        connect(reply, &QNetworkReply::downloadProgress, reply,
                [reply, cap](qint64 received, qint64 total) {
                    if (received > cap || total > cap)
                        refuseBody(reply);
                });
        connect(reply, &QNetworkReply::readyRead, reply, [reply, cap]() {
            if (reply->bytesAvailable() > cap)
                refuseBody(reply);
        });
    }
    keepSslErrors(reply);
    return reply;
}

void KubeClient::keepSslErrors(QNetworkReply *reply)
{
    // The reasons are only available from this signal; keep them for replyError().
    connect(reply, &QNetworkReply::sslErrors, reply, [reply](const QList<QSslError> &errors) {
        QStringList reasons;
        for (const QSslError &error : errors)
            reasons.append(error.errorString());
        reply->setProperty(SslErrorsProperty, reasons);
    });
}

bool KubeClient::bodyLimitExceeded(const QNetworkReply *reply)
{
    return reply->property(BodyLimitExceededProperty).toBool();
}

QString KubeClient::sizeText(qint64 bytes)
{
    constexpr qint64 KiB = 1024;
    constexpr qint64 MiB = 1024 * KiB;
    if (bytes >= MiB && bytes % MiB == 0)
        return tr("%1 MiB").arg(bytes / MiB);
    if (bytes >= MiB)
        return tr("%1 MiB").arg(double(bytes) / double(MiB), 0, 'f', 1);
    if (bytes >= KiB && bytes % KiB == 0)
        return tr("%1 KiB").arg(bytes / KiB);
    return tr("%1 bytes").arg(bytes);
}

Error KubeClient::replyError(QNetworkReply *reply, const QByteArray &body, int *httpStatus)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (httpStatus)
        *httpStatus = 0;
    const QString host = hostOf(reply->url());
    const QNetworkReply::NetworkError error = reply->error();

    // The client's own aborts come first: they end the reply with OperationCanceledError.
    if (bodyLimitExceeded(reply))
        return Error(tr("The response of %1 to %2 is larger than %3, the most Fluxdesk reads for "
                        "one request: refused")
                         .arg(host, reply->url().path(),
                              sizeText(reply->property(BodyLimitProperty).toLongLong())));
    if (reply->property(DeadlinePassedProperty).toBool()) {
        const int ms = reply->property(DeadlineProperty).toInt();
        return Error(tr("The response of %1 to %2 did not complete within %3 seconds (the server "
                        "sends too slowly, or without end): cut off")
                         .arg(host, reply->url().path(), QString::number(ms / 1000.0, 'g', 3)));
    }

    // Transport errors (0-199: connection and proxy) come before any HTTP status.
    switch (error) {
    case QNetworkReply::NoError:
        break;
    case QNetworkReply::ConnectionRefusedError:
        return Error(tr("Connection refused by %1: is the API server running and is the port "
                        "right?")
                         .arg(host));
    case QNetworkReply::HostNotFoundError:
        return Error(tr("Host not found: %1").arg(reply->url().host()));
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: {
        // setTransferTimeout() aborts the reply; the loader never reports its own aborts.
        const int ms = reply->property(TimeoutProperty).toInt();
        return Error(tr("The request to %1 timed out after %2 seconds")
                         .arg(host, QString::number(ms / 1000.0, 'g', 3)));
    }
    case QNetworkReply::SslHandshakeFailedError: {
        const QStringList reasons = reply->property(SslErrorsProperty).toStringList();
        if (!reasons.isEmpty())
            return Error(tr("TLS failure: certificate verification of %1 failed: %2")
                             .arg(host, reasons.join(QLatin1String("; "))));
        return Error(
            tr("TLS failure: the handshake with %1 failed: %2").arg(host, reply->errorString()));
    }
    case QNetworkReply::RemoteHostClosedError:
        if (status > 0 || !body.isEmpty())
            return Error(
                tr("The connection to %1 was reset before the response was complete").arg(host));
        return Error(tr("%1 closed the connection (a TLS client certificate rejected, or not "
                        "an API server?)")
                         .arg(host));
    default:
        if (int(error) < 200 && status == 0)
            return Error(tr("Network error talking to %1: %2").arg(host, reply->errorString()));
        break;
    }

    if (status >= 300 || (status == 0 && error != QNetworkReply::NoError)) {
        if (httpStatus)
            *httpStatus = status;
        // A Status object carries the server's own words ("secrets is forbidden: ...").
        QString message =
            QJsonDocument::fromJson(body).object().value(QLatin1String("message")).toString();
        if (message.isEmpty()) {
            message = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
            if (message.isEmpty())
                message = reply->errorString();
        }
        if (status == 401)
            return Error(tr("Unauthorized: the server rejected the credentials (%1)").arg(message));
        return Error(tr("%1 (HTTP %2)").arg(message, QString::number(status)));
    }

    // A successful reply whose body is not JSON: a proxy's HTML page or a truncated stream.
    const qlonglong length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    if (length > 0 && body.size() < length)
        return Error(
            tr("The connection to %1 was reset before the response was complete").arg(host));
    QJsonParseError parseError;
    QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error(tr("The server sent malformed JSON for %1: %2 at offset %3")
                         .arg(reply->url().path(), parseError.errorString(),
                              QString::number(parseError.offset)));
    return Error();
}

} // namespace Fluxdesk
