#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QTcpServer>

namespace Fluxdesk::Testing {

// A fake Git host API on 127.0.0.1 (plain HTTP, one request per connection): records every
// request (method, path, headers with lower-case names, body) and answers each with the status
// and JSON body set for it, like GitHub's and Gitea's deploy-key endpoints do.
class FakeGitHost : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method;
        QByteArray path; // with the query, as sent
        QMap<QByteArray, QByteArray> headers;
        QByteArray body;
    };

    explicit FakeGitHost(QObject *parent = nullptr);
    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    QString baseUrl() const; // http://127.0.0.1:PORT

    // The next answers (every request gets the last one set when only one is left).
    void answer(int status, const QByteArray &json, const QByteArray &extraHeaders = {});
    // Holds the answer back (a slow server, for cancel).
    void setStalled(bool stalled) { m_stalled = stalled; }

    QList<Request> requests;

Q_SIGNALS:
    void requestReceived();

private:
    void read(QTcpSocket *socket);

    QTcpServer m_server;
    int m_status = 201;
    QByteArray m_json;
    QByteArray m_extraHeaders;
    bool m_stalled = false;
    QMap<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace Fluxdesk::Testing
