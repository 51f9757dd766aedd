#include "fakegithost.h"

#include <QTcpSocket>

namespace Fluxdesk::Testing {

FakeGitHost::FakeGitHost(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this]() {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket]() { read(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket]() {
                m_buffers.remove(socket);
                socket->deleteLater();
            });
        }
    });
}

bool FakeGitHost::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QString FakeGitHost::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(port());
}

void FakeGitHost::answer(int status, const QByteArray &json, const QByteArray &extraHeaders)
{
    m_status = status;
    m_json = json;
    m_extraHeaders = extraHeaders;
}

void FakeGitHost::read(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    Request request;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    request.method = first.value(0);
    request.path = first.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            request.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                   lines.at(i).mid(colon + 1).trimmed());
    }
    const int length = request.headers.value("content-length").toInt();
    if (buffer.size() < headerEnd + 4 + length)
        return;
    request.body = buffer.mid(headerEnd + 4, length);
    buffer.clear();
    requests.append(request);
    emit requestReceived();
    if (m_stalled)
        return;
    const QByteArray reason = m_status == 201   ? "Created"
                              : m_status == 401 ? "Unauthorized"
                              : m_status == 404 ? "Not Found"
                              : m_status == 422 ? "Unprocessable Entity"
                                                : "Status";
    socket->write("HTTP/1.1 " + QByteArray::number(m_status) + ' ' + reason +
                  "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " +
                  QByteArray::number(m_json.size()) + "\r\nConnection: close\r\n" + m_extraHeaders +
                  "\r\n" + m_json);
    socket->disconnectFromHost();
}

} // namespace Fluxdesk::Testing
