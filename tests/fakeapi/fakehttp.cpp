#include "fakehttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Fluxdesk::Testing::FakeHttp {

QByteArray jsonString(const QString &s)
{
    // Strip the array brackets around it.
    const QByteArray doc = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return doc.mid(1, doc.size() - 2);
}

QByteArray httpReason(int code)
{
    switch (code) {
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 409:
        return QByteArrayLiteral("Conflict");
    case 410:
        return QByteArrayLiteral("Gone");
    case 413:
        return QByteArrayLiteral("Payload Too Large");
    case 415:
        return QByteArrayLiteral("Unsupported Media Type");
    case 422:
        return QByteArrayLiteral("Unprocessable Entity");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 501:
        return QByteArrayLiteral("Not Implemented");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    case 504:
        return QByteArrayLiteral("Gateway Timeout");
    default:
        return QByteArrayLiteral("Status");
    }
}

QString statusReason(int code)
{
    switch (code) {
    case 400:
        return QStringLiteral("BadRequest");
    case 401:
        return QStringLiteral("Unauthorized");
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("NotFound");
    case 405:
        return QStringLiteral("MethodNotAllowed");
    case 409:
        return QStringLiteral("Conflict");
    case 410:
        return QStringLiteral("Expired");
    case 413:
        return QStringLiteral("RequestEntityTooLarge");
    case 415:
        return QStringLiteral("UnsupportedMediaType");
    case 422:
        return QStringLiteral("Invalid");
    case 429:
        return QStringLiteral("TooManyRequests");
    case 503:
        return QStringLiteral("ServiceUnavailable");
    case 504:
        return QStringLiteral("Timeout");
    default:
        return code >= 500 ? QStringLiteral("InternalError") : QString();
    }
}

QByteArray statusBody(int code, const QString &message, const StatusDetails &details)
{
    QByteArray out = QByteArrayLiteral(
        R"({"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":)");
    out += jsonString(message);
    const QString reason = details.reason.isEmpty() ? statusReason(code) : details.reason;
    if (!reason.isEmpty())
        out += QByteArrayLiteral(",\"reason\":") + jsonString(reason);
    if (!details.name.isEmpty() || !details.group.isEmpty() || !details.kind.isEmpty()) {
        QByteArray d;
        auto add = [&d](const char *key, const QString &value) {
            if (value.isEmpty())
                return;
            if (!d.isEmpty())
                d += ',';
            d += '"' + QByteArray(key) + "\":" + jsonString(value);
        };
        add("name", details.name);
        add("group", details.group);
        add("kind", details.kind);
        if (!details.causeMessage.isEmpty()) {
            const QJsonObject cause{{QStringLiteral("reason"), details.causeReason},
                                    {QStringLiteral("message"), details.causeMessage},
                                    {QStringLiteral("field"), details.causeField}};
            d += ",\"causes\":[" + QJsonDocument(cause).toJson(QJsonDocument::Compact) + ']';
        }
        out += ",\"details\":{" + d + '}';
    } else if (code != 401) {
        out += ",\"details\":{}";
    }
    out += ",\"code\":" + QByteArray::number(code) + '}';
    return out;
}
} // namespace Fluxdesk::Testing::FakeHttp
