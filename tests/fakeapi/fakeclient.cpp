#include "fakeclient.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace Fluxdesk::Testing {

namespace {

// Runs the event loop for a moment: the server, in this thread, answers meanwhile.
void spin()
{
    QEventLoop loop;
    QTimer::singleShot(5, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

FakeReply FakeHttpClient::send(const QByteArray &verb, const QString &pathAndQuery,
                               const QByteArray &body, const QByteArray &contentType)
{
    QUrl url = m_server;
    const qsizetype q = pathAndQuery.indexOf(QLatin1Char('?'));
    url.setPath(q < 0 ? pathAndQuery : pathAndQuery.left(q));
    if (q >= 0)
        url.setQuery(pathAndQuery.mid(q + 1));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setRawHeader("User-Agent", "fake-client/1.0 (test)");
    if (!body.isEmpty() || verb != "GET")
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    QNetworkReply *reply = m_nam.sendCustomRequest(request, verb, body);
    FakeReply out;
    QDeadlineTimer deadline(20000);
    while (!reply->isFinished() && !deadline.hasExpired())
        spin();
    if (!reply->isFinished())
        out.error = QStringLiteral("no reply");
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    out.json = QJsonDocument::fromJson(out.body).object();
    reply->deleteLater();
    return out;
}

FakeWatchClient::FakeWatchClient(const QUrl &server, const QString &token, const QString &target)
    : m_socket(std::make_unique<QTcpSocket>())
{
    QObject::connect(m_socket.get(), &QTcpSocket::readyRead, m_socket.get(), [this] { read(); });
    QObject::connect(m_socket.get(), &QTcpSocket::connected, m_socket.get(),
                     [this] { m_wasConnected = true; });
    m_socket->connectToHost(QStringLiteral("127.0.0.1"), quint16(server.port()));
    m_socket->write("GET " + target.toUtf8() +
                    " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
                    "Authorization: Bearer " +
                    token.toUtf8() + "\r\n\r\n");
}

FakeWatchClient::~FakeWatchClient()
{
    m_socket->abort();
}

void FakeWatchClient::read()
{
    m_raw += m_socket->readAll();
    if (m_head.isEmpty()) {
        const qsizetype end = m_raw.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        m_head = m_raw.left(end);
        m_status = m_head.mid(9, 3).toInt();
        m_raw.remove(0, end + 4);
    }
    if (!m_head.toLower().contains("transfer-encoding: chunked")) {
        // An error instead of a stream: a body of Content-Length bytes.
        const qsizetype at = m_head.toLower().indexOf("content-length:");
        const qsizetype length = m_head.mid(at + 15).split('\r').value(0).trimmed().toLongLong();
        if (at >= 0 && m_raw.size() >= length) {
            m_body = m_raw.left(length);
            m_raw.remove(0, length);
            m_ended = true;
        }
        return;
    }
    while (!m_ended) {
        const qsizetype lineEnd = m_raw.indexOf("\r\n");
        if (lineEnd < 0)
            break;
        bool ok = false;
        const qsizetype size = m_raw.left(lineEnd).toLongLong(&ok, 16);
        if (!ok || size < 0) {
            m_ended = true; // not a chunk: broken
            break;
        }
        if (m_raw.size() < lineEnd + 2 + size + 2)
            break;
        m_body += m_raw.mid(lineEnd + 2, size);
        m_raw.remove(0, lineEnd + 2 + size + 2);
        if (size == 0)
            m_ended = true;
    }
    qsizetype newline;
    while ((newline = m_body.indexOf('\n')) >= 0) {
        m_events.append(QJsonDocument::fromJson(m_body.left(newline)).object());
        m_body.remove(0, newline + 1);
    }
}

QList<QJsonObject> FakeWatchClient::waitForEvents(int count, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_events.size() < count && !deadline.hasExpired())
        spin();
    return m_events;
}

bool FakeWatchClient::waitForEnd(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!m_ended && !disconnected() && !deadline.hasExpired())
        spin();
    return m_ended || disconnected();
}

QString summaryOf(const QJsonObject &event)
{
    const QString type = event.value(QLatin1String("type")).toString();
    const QJsonObject object = event.value(QLatin1String("object")).toObject();
    if (type == QLatin1String("ERROR"))
        return type + QLatin1Char(' ') +
               QString::number(object.value(QLatin1String("code")).toInt());
    const QJsonObject meta = object.value(QLatin1String("metadata")).toObject();
    if (type == QLatin1String("BOOKMARK"))
        return type;
    return type + QLatin1Char(' ') + meta.value(QLatin1String("name")).toString();
}

QStringList FakeWatchClient::summary() const
{
    QStringList out;
    for (const QJsonObject &e : m_events)
        out.append(summaryOf(e));
    return out;
}

} // namespace Fluxdesk::Testing
