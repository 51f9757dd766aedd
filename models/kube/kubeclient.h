#pragma once

#include "core/error.h"
#include "kube/connectionsettings.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>

class QNetworkReply;

namespace Fluxdesk {

// Sends authenticated JSON GET requests to one API server. Asynchronous; lives on the thread
// that created it. TLS is verified unless the settings say insecureSkipTlsVerify.
class KubeClient : public QObject
{
    Q_OBJECT
public:
    explicit KubeClient(ConnectionSettings settings, QObject *parent = nullptr);

    const ConnectionSettings &settings() const { return m_settings; }
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

    // GET pathAndQuery (e.g. "/api/v1/pods?limit=500"), Accept: application/json. The caller owns
    // the reply (deleteLater it). Authorization headers are never logged.
    QNetworkReply *get(const QString &pathAndQuery);

    // The error of a finished reply, in the server's words where it sent a Status object
    // ("secrets is forbidden: User ... cannot list ..."), else a plain description of the
    // transport failure (TLS, refused, timeout, reset mid-body, malformed body). httpStatus is 0
    // for transport. A successful reply with a well-formed JSON body gives an empty message.
    // The User-Agent is "fluxdesk/" FLUXDESK_VERSION (a compile definition, "0.1.0" without it).
    static Error replyError(QNetworkReply *reply, const QByteArray &body,
                            int *httpStatus = nullptr);

private:
    ConnectionSettings m_settings;
    QNetworkAccessManager m_nam;
    int m_timeoutMs = 30000;
};

} // namespace Fluxdesk
