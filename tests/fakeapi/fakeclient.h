#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QString>
#include <QTcpSocket>
#include <QUrl>

#include <memory>

// Small HTTP clients for the fake API server's own tests, for a server living in the test's
// thread (they wait with an event loop, so it keeps answering): one request at a time through
// QNetworkAccessManager, and a raw watch stream that undoes the chunking and splits the events.
namespace Fluxdesk::Testing {

struct FakeReply
{
    int status = 0;
    QJsonObject json;
    QByteArray body;
    QString error;
};

class FakeHttpClient
{
public:
    FakeHttpClient(const QUrl &server, const QString &token) : m_server(server), m_token(token) {}
    FakeReply send(const QByteArray &verb, const QString &pathAndQuery, const QByteArray &body = {},
                   const QByteArray &contentType = "application/json");
    FakeReply get(const QString &pathAndQuery) { return send("GET", pathAndQuery); }

private:
    QUrl m_server;
    QString m_token;
    QNetworkAccessManager m_nam;
};

class FakeWatchClient
{
public:
    // Opens a connection and sends GET target (plain HTTP).
    FakeWatchClient(const QUrl &server, const QString &token, const QString &target);
    ~FakeWatchClient();
    // Waits until at least count events arrived in all (or timeoutMs passed); the events so far.
    QList<QJsonObject> waitForEvents(int count, int timeoutMs = 5000);
    QList<QJsonObject> events() const { return m_events; }
    // "ADDED web", "MODIFIED web", "BOOKMARK 1042", "ERROR 410": one per event.
    QStringList summary() const;
    int status() const { return m_status; }
    QByteArray head() const { return m_head; }
    bool ended() const { return m_ended; } // the terminating chunk arrived
    bool disconnected() const
    {
        return m_wasConnected && m_socket->state() != QAbstractSocket::ConnectedState;
    }
    QByteArray body() const { return m_body; } // of a response that is no stream
    bool waitForEnd(int timeoutMs = 5000);
    QTcpSocket *socket() const { return m_socket.get(); }
    QByteArray rest() const { return m_raw; } // bytes after the terminating chunk

private:
    void read();

    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_raw;
    QByteArray m_head;
    QByteArray m_body; // de-chunked, not yet split into lines
    QList<QJsonObject> m_events;
    int m_status = 0;
    bool m_ended = false;
    bool m_wasConnected = false;
};

QString summaryOf(const QJsonObject &event);

} // namespace Fluxdesk::Testing
