#pragma once

#include "core/error.h"
#include "kube/connectionsettings.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>

class QNetworkReply;

namespace Fluxdesk {

// Sends authenticated JSON requests (GET, and PATCH for server-side apply) to one API server.
// Asynchronous; lives on the thread that created it. TLS is verified unless the settings say
// insecureSkipTlsVerify.
class KubeClient : public QObject
{
    Q_OBJECT
public:
    explicit KubeClient(ConnectionSettings settings, QObject *parent = nullptr);

    const ConnectionSettings &settings() const { return m_settings; }
    // Idle timeout: a request with no byte for this long is aborted.
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    // Overall deadline of one request however steadily its bytes come (a server that trickles a
    // byte a second is never idle); 0: none.
    void setDeadline(int milliseconds) { m_deadlineMs = milliseconds; }
    // The most body bytes one request may bring (announced or received); 0: no cap.
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }

    // GET pathAndQuery (e.g. "/api/v1/pods?limit=500"), Accept: application/json. The caller owns
    // the reply (deleteLater it). Authorization headers are never logged. maxBodyBytes overrides
    // the client's cap for this request (-1: the client's). A reply past its cap or its deadline
    // is aborted and finishes with the reason replyError() gives.
    QNetworkReply *get(const QString &pathAndQuery, qint64 maxBodyBytes = -1);
    // Another verb with a body ("PATCH" with "application/apply-patch+yaml" for a server-side
    // apply), with everything else as get() does it: the same headers, TLS, timeouts and caps on
    // the response. An empty contentType sends no Content-Type.
    QNetworkReply *send(const QByteArray &verb, const QString &pathAndQuery,
                        const QByteArray &contentType, const QByteArray &body,
                        qint64 maxBodyBytes = -1);
    // A long-lived GET (a watch): no overall deadline and no cap on the total body, which the
    // caller reads as it arrives and caps per event; idleTimeoutMs (no byte for this long) aborts
    // it, and replyError() then says it timed out. Each stream has a connection of its own, so
    // open streams never hold back get() and send(). Everything else as get() does it.
    QNetworkReply *stream(const QString &pathAndQuery, int idleTimeoutMs);

    // Whether the reply was aborted because its body passed its cap.
    static bool bodyLimitExceeded(const QNetworkReply *reply);
    // Bytes as a user reads them: "256 MiB", "64 KiB", "100 bytes".
    static QString sizeText(qint64 bytes);

    // The error of a finished reply, in the server's words where it sent a Status object
    // ("secrets is forbidden: User ... cannot list ..."), else a plain description of the
    // transport failure (TLS, refused, timeout, reset mid-body, malformed body). httpStatus is 0
    // for transport. A successful reply with a well-formed JSON body gives an empty message.
    // The User-Agent is "fluxdesk/" FLUXDESK_VERSION (a compile definition, "0.1.0" without it).
    static Error replyError(QNetworkReply *reply, const QByteArray &body,
                            int *httpStatus = nullptr);

private:
    QNetworkRequest request(const QString &pathAndQuery) const;
    QNetworkReply *watch(QNetworkReply *reply, qint64 maxBodyBytes);
    static void keepSslErrors(QNetworkReply *reply);

    ConnectionSettings m_settings;
    QNetworkAccessManager m_nam;
    int m_timeoutMs = 30000;
    int m_deadlineMs = 0;
    qint64 m_maxBodyBytes = 0;
};

} // namespace Fluxdesk
