// The fake API server's protocol: HTTP/1.1 connections, auth, discovery, lists and gets, faults,
// and the routing of server-side apply (whose rules live in fakeapply.cpp). Over 600 lines
// because it is one protocol over one mutex-guarded state; split further, each part would need
// that state's internals.
#include "fakeapiserver.h"

#include "fakeapply.h"
#include "fakeservercore.h"
#include "kube/discovery.h"

#include <QDateTime>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QMetaObject>
#include <QMutex>
#include <QMutexLocker>
#include <QPointer>
#include <QSaveFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>
#include <functional>
#include <optional>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace Fluxdesk::Testing {

using namespace FakeHttp;
using namespace FakeTypes;
using detail::Response;
using detail::status;

namespace {

constexpr qsizetype MaxHeaderBytes = 64 * 1024;
constexpr qsizetype MaxBodyBytes = 4 * 1024 * 1024;

class TcpServer : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;
    std::function<void(qintptr)> onIncoming;

protected:
    void incomingConnection(qintptr descriptor) override { onIncoming(descriptor); }
};

} // namespace

Response detail::status(int code, const QString &message, const StatusDetails &details)
{
    return Response{code, statusBody(code, message, details)};
}

struct FakeApiServer::Private : detail::ServerCore
{};

namespace {

// One client connection: parses HTTP/1.1 requests, answers them in order (keep-alive).
class Connection : public QObject, public detail::WatchSink
{
public:
    ~Connection() override { m_d->watchers.removeAll(this); }

    Connection(detail::ServerCore *d, QTcpSocket *socket, QObject *parent)
        : QObject(parent), m_d(d), m_socket(socket)
    {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this] { processBuffer(); });
        connect(socket, &QTcpSocket::disconnected, this, [this] { deleteLater(); });
        if (auto *ssl = qobject_cast<QSslSocket *>(socket)) {
            connect(ssl, &QSslSocket::encrypted, this, [this, ssl] {
                // QueryPeer: a certificate is optional, but when given it must verify against the
                // client CA; handshake errors are recorded instead of aborting the handshake.
                m_certificateOk = !ssl->peerCertificate().isNull() &&
                                  ssl->sslHandshakeErrors().isEmpty() &&
                                  !m_d->options.clientCaFile.isEmpty();
                processBuffer();
            });
        }
    }

private:
    void processBuffer()
    {
        m_buffer += m_socket->readAll();
        while (!m_busy && !m_closing) {
            const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                if (m_buffer.size() > MaxHeaderBytes)
                    sendAndClose(431, statusBody(431, QStringLiteral("request header too large")));
                return;
            }
            const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
                sendAndClose(400, statusBody(400, QStringLiteral("malformed request line")));
                return;
            }
            QHash<QByteArray, QByteArray> headers;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines.at(i).indexOf(':');
                if (colon > 0)
                    headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                   lines.at(i).mid(colon + 1).trimmed());
            }
            bool numberOk = true;
            const qsizetype contentLength =
                headers.contains("content-length")
                    ? headers.value("content-length").toLongLong(&numberOk)
                    : 0;
            if (!numberOk || contentLength < 0 || contentLength > MaxBodyBytes) {
                sendAndClose(413, statusBody(413, QStringLiteral("request body too large")));
                return;
            }
            if (m_buffer.size() < headerEnd + 4 + contentLength)
                return; // wait for the rest of the body
            const QByteArray body = m_buffer.mid(headerEnd + 4, contentLength);
            m_buffer.remove(0, headerEnd + 4 + contentLength);

            const bool http10 = requestLine.at(2) == "HTTP/1.0";
            const QByteArray connectionHeader = headers.value("connection").toLower();
            const bool close = connectionHeader.contains("close") ||
                               (http10 && !connectionHeader.contains("keep-alive"));

            bool authorized = m_certificateOk;
            const QByteArray authorization = headers.value("authorization");
            if (!authorized && !m_d->options.token.isEmpty() &&
                authorization.startsWith("Bearer ")) {
                authorized = authorization.mid(7).trimmed() == m_d->options.token.toUtf8();
            }
            Response response =
                m_d->handle(requestLine.at(0), requestLine.at(1), headers, authorized, true, body);
            const int delay = m_d->options.latencyMs + response.delayMs;
            m_busy = true;
            if (delay > 0) {
                QTimer::singleShot(delay, this, [this, response, close] { send(response, close); });
            } else {
                send(response, close);
            }
        }
    }

    // length < 0: no Content-Length (the body ends when the connection closes, or its last
    // chunk does).
    QByteArray head(int code, qsizetype length, bool close, bool chunked = false) const
    {
        QByteArray out = "HTTP/1.1 " + QByteArray::number(code) + ' ' + httpReason(code) +
                         "\r\nAudit-Id: " + QUuid::createUuid().toByteArray(QUuid::WithoutBraces) +
                         "\r\nCache-Control: no-cache, private"
                         "\r\nContent-Type: application/json"
                         "\r\nX-Kubernetes-Pf-Flowschema-Uid: fake"
                         "\r\nDate: " +
                         QDateTime::currentDateTimeUtc()
                             .toString(QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
                             .toLatin1() +
                         "\r\n";
        if (length >= 0)
            out += "Content-Length: " + QByteArray::number(length) + "\r\n";
        if (chunked)
            out += "Transfer-Encoding: chunked\r\n";
        if (close)
            out += "Connection: close\r\n";
        return out + "\r\n";
    }

    void send(const Response &response, bool close)
    {
        m_busy = false;
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            return;
        if (response.watch) {
            startWatch(response, close);
            return;
        }
        if (response.fault == FakeApiServer::Fault::ResetMidBody) {
            m_closing = true;
            m_socket->write(head(response.code, response.body.size(), false));
            m_socket->write(response.body.left(response.body.size() / 2));
            abortWhenFlushed(0);
            return;
        }
        if (response.fault == FakeApiServer::Fault::Trickle) {
            m_busy = true; // the next request waits until this body is out
            m_socket->write(head(response.code,
                                 response.withoutContentLength ? -1 : response.body.size(),
                                 close || response.withoutContentLength));
            trickle(response.body, 0, response.intervalMs, close || response.withoutContentLength);
            return;
        }
        if (response.withoutContentLength) {
            m_socket->write(head(response.code, -1, true));
            m_socket->write(response.body);
            sendAndClose(0, {});
            return;
        }
        QByteArray body = response.body;
        if (response.fault == FakeApiServer::Fault::MalformedJson) {
            // Cut in the middle and append a stray token, so no JSON parser accepts it.
            body = body.left(qMax<qsizetype>(1, body.size() / 2)) + "\",:}{";
        }
        m_socket->write(head(response.code, body.size(), close));
        m_socket->write(body);
        if (close) {
            sendAndClose(0, {});
            return;
        }
        if (!m_buffer.isEmpty())
            QTimer::singleShot(0, this, [this] { processBuffer(); });
    }

    // A watch owns the connection until it ends: chunked, one event a line and a chunk, as the
    // real server streams them. Of the faults, MalformedJson cuts the first line and
    // ResetMidBody resets the connection after the first half of the first lines.
    void startWatch(const Response &response, bool close)
    {
        m_busy = true;
        m_watch = response.watch;
        m_watchClose = close;
        m_socket->write(head(200, -1, close, true));
        QByteArray initial = m_watch->initial;
        if (response.fault == FakeApiServer::Fault::MalformedJson)
            initial = initial.left(qMax<qsizetype>(1, initial.indexOf('\n') / 2)) + "\",:}{\n" +
                      initial.mid(initial.indexOf('\n') + 1);
        if (response.fault == FakeApiServer::Fault::ResetMidBody) {
            writeChunks(initial.left(initial.size() / 2));
            m_watch.reset();
            m_closing = true;
            abortWhenFlushed(0);
            return;
        }
        writeChunks(initial);
        if (m_watch->expired) {
            endWatch();
            return;
        }
        m_d->watchers.append(this);
        if (m_watch->bookmarks) {
            m_bookmarks = new QTimer(this);
            m_bookmarks->setInterval(qMax(1, m_d->options.bookmarkIntervalMs));
            connect(m_bookmarks, &QTimer::timeout, this, [this] { bookmark(); });
            m_bookmarks->start();
        }
        if (m_watch->timeoutMs > 0) {
            m_timeout = new QTimer(this);
            m_timeout->setSingleShot(true);
            connect(m_timeout, &QTimer::timeout, this, [this] { endWatch(); });
            m_timeout->start(m_watch->timeoutMs);
        }
        pump();
    }

    void pump() override
    {
        if (!m_watch)
            return;
        QByteArray lines;
        bool expired = false;
        {
            QMutexLocker locker(&m_d->mutex);
            if (!m_d->journal.canResumeFrom(m_watch->from)) {
                // Compacted past what this watch had sent: as the real server, it ends with 410.
                lines = FakeWatch::expiredLine(m_watch->from, m_d->journal.oldest());
                expired = true;
            } else {
                const QList<FakeWatch::Event> events = m_d->journal.since(m_watch->from);
                for (const FakeWatch::Event &event : events) {
                    if (const auto line =
                            FakeWatch::lineFor(event, m_watch->filter, m_watch->apiVersion))
                        lines += *line;
                }
                m_watch->from = m_d->resourceVersion;
            }
        }
        writeChunks(lines);
        if (expired)
            endWatch();
    }

    void bookmark()
    {
        pump();
        if (m_watch)
            writeChunks(FakeWatch::bookmarkLine(m_watch->apiVersion, m_watch->kind, m_watch->from));
    }

    void drop() override
    {
        if (!m_watch)
            return;
        m_watchClose = true;
        endWatch();
    }

    // The last chunk: the watch ends cleanly, the connection serves the next request.
    void endWatch()
    {
        m_d->watchers.removeAll(this);
        delete m_bookmarks;
        m_bookmarks = nullptr;
        delete m_timeout;
        m_timeout = nullptr;
        m_watch.reset();
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            return;
        m_socket->write("0\r\n\r\n");
        m_busy = false;
        if (m_watchClose) {
            sendAndClose(0, {});
            return;
        }
        if (!m_buffer.isEmpty())
            QTimer::singleShot(0, this, [this] { processBuffer(); });
    }

    void writeChunks(const QByteArray &lines)
    {
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            return;
        qsizetype at = 0;
        while (at < lines.size()) {
            qsizetype end = lines.indexOf('\n', at);
            end = end < 0 ? lines.size() : end + 1;
            const QByteArray line = lines.mid(at, end - at);
            m_socket->write(QByteArray::number(line.size(), 16) + "\r\n" + line + "\r\n");
            at = end;
        }
        m_socket->flush();
    }

    // One byte of body now, the next after intervalMs, until the client goes away.
    void trickle(const QByteArray &body, qsizetype at, int intervalMs, bool close)
    {
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            return;
        if (at >= body.size()) {
            m_busy = false;
            if (close)
                sendAndClose(0, {});
            else if (!m_buffer.isEmpty())
                QTimer::singleShot(0, this, [this] { processBuffer(); });
            return;
        }
        m_socket->write(body.mid(at, 1));
        m_socket->flush();
        QTimer::singleShot(intervalMs, this, [this, body, at, intervalMs, close] {
            trickle(body, at + 1, intervalMs, close);
        });
    }

    // Answers (when code != 0) and closes gracefully once everything is written.
    void sendAndClose(int code, const QByteArray &body)
    {
        m_closing = true;
        if (code != 0) {
            m_socket->write(head(code, body.size(), true));
            m_socket->write(body);
        }
        m_socket->disconnectFromHost();
    }

    // Aborts (TCP reset, no TLS close_notify) after the partial body reached the kernel.
    void abortWhenFlushed(int attempt)
    {
        m_socket->flush();
        auto *ssl = qobject_cast<QSslSocket *>(m_socket);
        const bool pending =
            m_socket->bytesToWrite() > 0 || (ssl && ssl->encryptedBytesToWrite() > 0);
        if (pending && attempt < 400) {
            QTimer::singleShot(5, this, [this, attempt] { abortWhenFlushed(attempt + 1); });
            return;
        }
        // Give the kernel a moment to put the bytes on the wire before the reset.
        QTimer::singleShot(20, this, [this] {
#ifdef Q_OS_UNIX
            // SO_LINGER 0: close() sends a TCP RST instead of a FIN, like a crashed peer.
            const struct linger hard = {1, 0};
            ::setsockopt(int(m_socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard,
                         sizeof hard);
#endif
            m_socket->abort();
            deleteLater();
        });
    }

    detail::ServerCore *m_d;
    QTcpSocket *m_socket;
    QByteArray m_buffer;
    bool m_busy = false;
    bool m_closing = false;
    bool m_certificateOk = false;
    std::shared_ptr<detail::WatchStart> m_watch;
    bool m_watchClose = false;
    QTimer *m_bookmarks = nullptr;
    QTimer *m_timeout = nullptr;
};

} // namespace

QByteArray detail::ServerCore::groupJson(const QString &group) const
{
    QStringList versions;
    for (const TypeEntry &t : types) {
        if (t.group == group && !versions.contains(t.version))
            versions.append(t.version);
    }
    // Listed in the server's order of preference, the preferred version first (what the real
    // server does): the version a client lists a group's objects in, and it holds them all.
    std::sort(versions.begin(), versions.end(), Discovery::versionPrecedes);
    QJsonArray versionArray;
    for (const QString &v : versions)
        versionArray.append(QJsonObject{
            {QStringLiteral("groupVersion"), QString(group + QLatin1Char('/') + v)},
            {QStringLiteral("version"), v},
        });
    QJsonObject out{
        {QStringLiteral("name"), group},
        {QStringLiteral("versions"), versionArray},
        {QStringLiteral("preferredVersion"), versionArray.first()},
    };
    return QJsonDocument(out).toJson(QJsonDocument::Compact);
}

Response detail::ServerCore::discovery(const QStringList &segments, bool *handled) const
{
    *handled = true;
    const QString address = QStringLiteral("127.0.0.1:") + QString::number(port.load());
    if (segments == QStringList{QStringLiteral("version")}) {
        // "v1.30.4+k3s1": major "1", minor "30", as the real server derives them.
        const QStringList numbers = gitVersion.mid(gitVersion.startsWith(QLatin1Char('v')) ? 1 : 0)
                                        .section(QLatin1Char('+'), 0, 0)
                                        .section(QLatin1Char('-'), 0, 0)
                                        .split(QLatin1Char('.'));
        const QJsonObject v{
            {QStringLiteral("major"), numbers.value(0)},
            {QStringLiteral("minor"), numbers.value(1)},
            {QStringLiteral("gitVersion"), gitVersion},
            {QStringLiteral("gitCommit"),
             QStringLiteral("0000000000000000000000000000000000000000")},
            {QStringLiteral("gitTreeState"), QStringLiteral("clean")},
            {QStringLiteral("buildDate"), QStringLiteral("2025-01-01T00:00:00Z")},
            {QStringLiteral("goVersion"), QStringLiteral("go1.23.0")},
            {QStringLiteral("compiler"), QStringLiteral("gc")},
            {QStringLiteral("platform"), QStringLiteral("linux/amd64")},
        };
        return Response{200, QJsonDocument(v).toJson(QJsonDocument::Compact)};
    }
    if (segments == QStringList{QStringLiteral("api")}) {
        const QJsonObject v{
            {QStringLiteral("kind"), QStringLiteral("APIVersions")},
            {QStringLiteral("versions"), QJsonArray{QStringLiteral("v1")}},
            {QStringLiteral("serverAddressByClientCIDRs"),
             QJsonArray{QJsonObject{{QStringLiteral("clientCIDR"), QStringLiteral("0.0.0.0/0")},
                                    {QStringLiteral("serverAddress"), address}}}},
        };
        return Response{200, QJsonDocument(v).toJson(QJsonDocument::Compact)};
    }
    if (segments == QStringList{QStringLiteral("apis")}) {
        QStringList groups;
        for (const TypeEntry &t : types) {
            if (!t.group.isEmpty() && !groups.contains(t.group))
                groups.append(t.group);
        }
        QByteArray out = R"({"kind":"APIGroupList","apiVersion":"v1","groups":[)";
        for (int i = 0; i < groups.size(); ++i) {
            if (i > 0)
                out += ',';
            out += groupJson(groups.at(i));
        }
        return Response{200, out + "]}"};
    }
    if (segments.size() == 2 && segments.at(0) == QLatin1String("apis")) {
        for (const TypeEntry &t : types) {
            if (t.group == segments.at(1)) {
                QByteArray g = groupJson(t.group);
                g.insert(1, R"("kind":"APIGroup","apiVersion":"v1",)");
                return Response{200, g};
            }
        }
        return status(404, QStringLiteral("the server could not find the requested resource"));
    }
    const bool coreList = segments.size() == 2 && segments.at(0) == QLatin1String("api");
    const bool groupList = segments.size() == 3 && segments.at(0) == QLatin1String("apis");
    if (coreList || groupList) {
        const QString group = coreList ? QString() : segments.at(1);
        const QString version = segments.last();
        QJsonArray resources;
        for (const TypeEntry &t : types) {
            if (t.group != group || t.version != version)
                continue;
            QJsonObject r{
                {QStringLiteral("name"), t.resource},
                {QStringLiteral("singularName"), t.singular},
                {QStringLiteral("namespaced"), t.namespaced},
                {QStringLiteral("kind"), t.kind},
                {QStringLiteral("verbs"), QJsonArray::fromStringList(t.verbs)},
            };
            if (!t.shortNames.isEmpty())
                r.insert(QStringLiteral("shortNames"), QJsonArray::fromStringList(t.shortNames));
            if (!t.categories.isEmpty())
                r.insert(QStringLiteral("categories"), QJsonArray::fromStringList(t.categories));
            resources.append(r);
            for (const SubResource &s : t.subresources) {
                QJsonObject sub{
                    {QStringLiteral("name"), QString(t.resource + QLatin1Char('/') + s.name)},
                    {QStringLiteral("singularName"), QString()},
                    {QStringLiteral("namespaced"), t.namespaced},
                    {QStringLiteral("kind"), s.kind},
                    {QStringLiteral("verbs"), QJsonArray::fromStringList(s.verbs)},
                };
                if (!s.group.isEmpty()) {
                    sub.insert(QStringLiteral("group"), s.group);
                    sub.insert(QStringLiteral("version"), s.version);
                }
                resources.append(sub);
            }
        }
        if (resources.isEmpty())
            return status(404, QStringLiteral("the server could not find the requested resource"));
        const QJsonObject list{
            {QStringLiteral("kind"), QStringLiteral("APIResourceList")},
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("groupVersion"),
             coreList ? version : group + QLatin1Char('/') + version},
            {QStringLiteral("resources"), resources},
        };
        return Response{200, QJsonDocument(list).toJson(QJsonDocument::Compact)};
    }
    *handled = false;
    return {};
}

namespace {

// The continue token of a LIST: the list's resourceVersion and where the next page starts.
QByteArray makeContinueToken(qint64 resourceVersion, qsizetype offset)
{
    const QJsonObject token{{QStringLiteral("v"), QStringLiteral("meta.k8s.io/v1")},
                            {QStringLiteral("rv"), QString::number(resourceVersion)},
                            {QStringLiteral("offset"), double(offset)}};
    return QJsonDocument(token)
        .toJson(QJsonDocument::Compact)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

const char ContinueTooOld[] =
    "The provided continue parameter is too old to display a consistent list result. You can "
    "start a new list without the continue parameter, or use the continue token in this response "
    "to retrieve the remainder of the results. Continuing with the provided token results in an "
    "inconsistent list - objects that were created, modified, or deleted between the time the "
    "first chunk was returned and now may show up in the list.";

} // namespace

namespace {

// The items of a namespace (all when ns is empty) that a list's or watch's selectors match.
QVector<const Item *> selectedItems(const TypeEntry &type, const QString &ns,
                                    const FakeWatch::Filter &filter)
{
    // The namespace's objects are one contiguous run of the sorted items.
    auto begin = type.items.cbegin();
    auto end = type.items.cend();
    if (!ns.isEmpty()) {
        begin = std::lower_bound(begin, end, ns,
                                 [](const Item &item, const QString &n) { return item.ns < n; });
        end = std::upper_bound(begin, end, ns,
                               [](const QString &n, const Item &item) { return n < item.ns; });
    }
    QVector<const Item *> selected;
    selected.reserve(end - begin);
    for (auto it = begin; it != end; ++it) {
        if (!filter.labelSelector.isEmpty() &&
            !FakeWatch::matchesLabels(it->labels, filter.labelSelector))
            continue;
        if (!filter.name.isEmpty() && it->name != filter.name)
            continue;
        if (!filter.fieldNamespace.isEmpty() && it->ns != filter.fieldNamespace)
            continue;
        if (!filter.fields.isEmpty() &&
            !filter.matchesFields(QJsonDocument::fromJson(it->json).object()))
            continue;
        selected.append(&*it);
    }
    return selected;
}

} // namespace

Response detail::ServerCore::watch(const TypeEntry &type, const QString &ns,
                                   const QUrlQuery &query) const
{
    const FakeWatch::Request request = FakeWatch::parse(query, type.group, type.kind, ns);
    if (!request.error.isEmpty())
        return status(400, request.error);
    auto start = std::make_shared<WatchStart>();
    start->filter = request.filter;
    start->apiVersion = type.groupVersion();
    start->kind = type.kind;
    start->bookmarks = request.bookmarks;
    start->timeoutMs = request.timeoutSeconds * 1000;
    if (request.fromNow) {
        // Without a resourceVersion the real server starts with the objects as they are now.
        for (const Item *item : selectedItems(type, ns, request.filter))
            start->initial += "{\"type\":\"ADDED\",\"object\":" + item->json + "}\n";
        start->from = resourceVersion;
    } else if (!journal.canResumeFrom(request.resourceVersion)) {
        start->initial = FakeWatch::expiredLine(request.resourceVersion, journal.oldest());
        start->expired = true;
    } else {
        start->from = request.resourceVersion;
    }
    Response r;
    r.watch = start;
    return r;
}

Response detail::ServerCore::resourceRequest(const TypeEntry &type, const QString &ns,
                                             const QString &name, const QUrlQuery &query) const
{
    const StatusDetails details{name, type.group, type.resource, {}, {}, {}, {}};
    if (!name.isEmpty()) {
        if (!type.verbs.contains(QLatin1String("get")))
            return status(405,
                          QStringLiteral("the server does not allow this method on the "
                                         "requested resource"),
                          details);
        auto it = std::lower_bound(type.items.cbegin(), type.items.cend(), qMakePair(ns, name),
                                   [](const Item &item, const QPair<QString, QString> &key) {
                                       return item.ns != key.first ? item.ns < key.first
                                                                   : item.name < key.second;
                                   });
        if (it != type.items.cend() && it->ns == ns && it->name == name)
            return Response{200, it->json};
        const QString qualified =
            type.group.isEmpty() ? type.resource : type.resource + QLatin1Char('.') + type.group;
        return status(404,
                      qualified + QStringLiteral(" \"") + name + QStringLiteral("\" not found"),
                      details);
    }
    if (!type.listable())
        return status(405,
                      QStringLiteral("the server does not allow this method on the requested "
                                     "resource"),
                      details);
    if (FakeWatch::isWatch(query))
        return watch(type, ns, query);
    QString error;
    const auto filter = FakeWatch::parseSelectors(query, type.group, type.kind, ns, &error);
    if (!filter)
        return status(400, error);
    const QVector<const Item *> selected = selectedItems(type, ns, *filter);

    qsizetype offset = 0;
    const QString continueToken =
        query.queryItemValue(QStringLiteral("continue"), QUrl::FullyDecoded);
    if (!continueToken.isEmpty()) {
        const QByteArray raw =
            QByteArray::fromBase64(continueToken.toLatin1(),
                                   QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const QJsonObject token = QJsonDocument::fromJson(raw).object();
        if (!token.contains(QLatin1String("offset")) || !token.contains(QLatin1String("rv")) ||
            token.value(QLatin1String("offset")).toDouble() < 0)
            return status(400, QStringLiteral("continue key is not valid: incorrect encoded start "
                                              "resourceVersion (version meta.k8s.io/v1)"));
        if (token.value(QLatin1String("rv")).toString() != QString::number(resourceVersion))
            return status(410, QString::fromLatin1(ContinueTooOld));
        offset = qsizetype(token.value(QLatin1String("offset")).toDouble());
    }
    const qsizetype limit = query.queryItemValue(QStringLiteral("limit")).toLongLong();
    const qsizetype total = selected.size();
    const qsizetype first = qMin(offset, total);
    const qsizetype last = limit > 0 ? qMin(total, first + limit) : total;

    qsizetype bytes = 256;
    for (qsizetype i = first; i < last; ++i)
        bytes += selected.at(i)->json.size() + 1;
    QByteArray out;
    out.reserve(bytes);
    out += "{\"kind\":" + jsonString(type.kind + QLatin1String("List")) +
           ",\"apiVersion\":" + jsonString(type.groupVersion()) +
           ",\"metadata\":{\"resourceVersion\":\"" + QByteArray::number(resourceVersion) + '"';
    if (last < total) {
        out += ",\"continue\":\"" + makeContinueToken(resourceVersion, last) +
               "\",\"remainingItemCount\":" + QByteArray::number(total - last);
    }
    out += "},\"items\":[";
    for (qsizetype i = first; i < last; ++i) {
        if (i > first)
            out += ',';
        out += selected.at(i)->json;
    }
    out += "]}";
    return Response{200, out};
}

Response detail::ServerCore::handle(const QByteArray &method, const QByteArray &target,
                                    const QHash<QByteArray, QByteArray> &headers, bool authorized,
                                    bool applyFaults, const QByteArray &body)
{
    QMutexLocker locker(&mutex);
    if (applyFaults) {
        ++requestCount;
        log.append(QString::fromLatin1(method) + QLatin1Char(' ') + QString::fromLatin1(target));
    }

    const qsizetype questionMark = target.indexOf('?');
    const QString path =
        QString::fromLatin1(target.left(questionMark < 0 ? target.size() : questionMark));
    const QUrlQuery query(questionMark < 0 ? QString()
                                           : QString::fromLatin1(target.mid(questionMark + 1)));
    if (!authorized)
        return status(401, QStringLiteral("Unauthorized"));

    int delayMs = 0;
    const QList<FakeApiServer::FaultRule> rules =
        applyFaults ? faults : QList<FakeApiServer::FaultRule>();
    const QString continueParameter =
        query.queryItemValue(QStringLiteral("continue"), QUrl::FullyDecoded);
    for (int i = 0; i < rules.size(); ++i) {
        const FakeApiServer::FaultRule &rule = rules.at(i);
        if (!path.startsWith(rule.pathPrefix))
            continue;
        if (rule.fault == FakeApiServer::Fault::ExpiredContinue && continueParameter.isEmpty())
            continue; // only a request that continues a list can carry an expired token
        if (rule.times > 0 && faultHits.value(i) >= rule.times)
            continue;
        if (i < faultHits.size())
            ++faultHits[i];
        if (rule.fault == FakeApiServer::Fault::ExpiredContinue) {
            // What the API server sends: 410, reason Expired, and in the Status's list metadata
            // a token for the rest of the list at the current revision (an inconsistent list;
            // a client that wants a consistent one starts over without it).
            const QJsonObject token =
                QJsonDocument::fromJson(QByteArray::fromBase64(continueParameter.toLatin1(),
                                                               QByteArray::Base64UrlEncoding |
                                                                   QByteArray::OmitTrailingEquals))
                    .object();
            const qsizetype offset =
                qsizetype(qMax(0.0, token.value(QLatin1String("offset")).toDouble()));
            Response r = status(410, QString::fromLatin1(ContinueTooOld));
            const QByteArray metadata = "\"metadata\":{\"continue\":\"" +
                                        makeContinueToken(resourceVersion, offset) + "\"}";
            r.body.replace(QByteArrayLiteral("\"metadata\":{}"), metadata);
            r.delayMs = delayMs;
            return r;
        }
        if (rule.fault == FakeApiServer::Fault::RepeatContinue) {
            // Always the first page: its token leads back to the first page, for ever.
            QUrlQuery first = query;
            first.removeAllQueryItems(QStringLiteral("continue"));
            const QString firstQuery = first.query(QUrl::FullyEncoded);
            QByteArray firstTarget = path.toLatin1();
            if (!firstQuery.isEmpty())
                firstTarget += '?' + firstQuery.toLatin1();
            locker.unlock();
            Response r = handle(method, firstTarget, headers, authorized, false, body);
            locker.relock();
            r.delayMs += delayMs;
            return r;
        }
        if (rule.fault == FakeApiServer::Fault::Delay) {
            delayMs += rule.delayMs;
            continue;
        }
        if (rule.fault == FakeApiServer::Fault::Status) {
            StatusDetails details;
            const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
            const int resourceAt = parts.value(0) == QLatin1String("api") ? 2 : 3;
            int at = resourceAt;
            if (parts.value(at) == QLatin1String("namespaces") && parts.size() > at + 2)
                at += 2;
            details.kind = parts.value(at);
            details.name = parts.value(at + 1);
            Response r = status(rule.status, rule.message, details);
            r.delayMs = delayMs;
            return r;
        }
        if (rule.fault != FakeApiServer::Fault::None) {
            // The body is produced normally below and mangled when it is sent.
            locker.unlock();
            Response r = handle(method, target, headers, authorized, false, body);
            locker.relock();
            r.fault = rule.fault;
            r.delayMs += delayMs;
            if (rule.fault == FakeApiServer::Fault::Oversized && r.body.startsWith('{'))
                r.body.insert(1, QByteArray(rule.padBytes, ' ')); // whitespace: still valid JSON
            if (rule.fault == FakeApiServer::Fault::Oversized ||
                rule.fault == FakeApiServer::Fault::Trickle) {
                r.withoutContentLength = rule.withoutContentLength;
                r.intervalMs = qMax(1, rule.intervalMs);
            }
            return r;
        }
    }

    Response response = [&]() -> Response {
        static const QList<QByteArray> methods = {"GET", "POST", "PUT", "PATCH", "DELETE"};
        if (!methods.contains(method))
            return status(405, QStringLiteral("the server does not allow this method on the "
                                              "requested resource"));
        QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        for (QString &s : segments)
            s = QUrl::fromPercentEncoding(s.toLatin1());
        bool handled = false;
        Response r = discovery(segments, &handled);
        if (handled)
            return r;
        qsizetype base = 0;
        QString groupVersion;
        if (segments.value(0) == QLatin1String("api") && segments.size() >= 3) {
            groupVersion = segments.at(1);
            base = 2;
        } else if (segments.value(0) == QLatin1String("apis") && segments.size() >= 4) {
            groupVersion = segments.at(1) + QLatin1Char('/') + segments.at(2);
            base = 3;
        } else {
            return status(404, QStringLiteral("the server could not find the requested resource"));
        }
        const QStringList rest = segments.mid(base);
        const QString notFound = QStringLiteral("the server could not find the requested resource");
        QString ns, resource, name, subresource;
        // namespaces/<name>/status is the Namespace's subresource, not a collection.
        const bool namespaceSubresource =
            rest.size() == 3 && rest.at(0) == QLatin1String("namespaces") &&
            groupVersion == QLatin1String("v1") &&
            (rest.at(2) == QLatin1String("status") || rest.at(2) == QLatin1String("finalize"));
        if (rest.size() >= 3 && rest.at(0) == QLatin1String("namespaces") &&
            !namespaceSubresource) {
            ns = rest.at(1);
            resource = rest.at(2);
            name = rest.value(3);
            subresource = rest.value(4);
            if (rest.size() > 5)
                return status(404, notFound);
        } else if (rest.size() <= 3) {
            resource = rest.at(0);
            name = rest.value(1);
            subresource = rest.value(2);
        } else {
            return status(404, notFound);
        }
        const int index = typeByPath.value(groupVersion + QLatin1Char('/') + resource, -1);
        if (index < 0)
            return status(404, notFound);
        const TypeEntry &type = types.at(index);
        if (!ns.isEmpty() && !type.namespaced)
            return status(404, notFound);
        // Of the subresources only status is served (as the object, and for its writes).
        if (!subresource.isEmpty() &&
            (subresource != QLatin1String("status") || !type.hasSubresource(subresource)))
            return status(404, notFound);
        const QString notAllowed =
            QStringLiteral("the server does not allow this method on the requested resource");
        if (method == "GET")
            return resourceRequest(type, ns, name, query);
        if (method == "POST") {
            if (!name.isEmpty() || (type.namespaced && ns.isEmpty()))
                return status(405, notAllowed);
            if (type.group == QLatin1String("authorization.k8s.io") &&
                type.kind == QLatin1String("SelfSubjectAccessReview"))
                return accessReview(body);
            return write(method, type, ns, name, subresource, query, headers, body);
        }
        // PUT, PATCH and DELETE name an object.
        if (name.isEmpty() || (type.namespaced && ns.isEmpty()))
            return status(405, notAllowed);
        const QByteArray contentType = headers.value("content-type");
        if (method == "PATCH" &&
            contentType.split(';').value(0).trimmed().toLower() == "application/apply-patch+yaml") {
            if (!subresource.isEmpty())
                return status(405, QStringLiteral("the fake API server does not serve "
                                                  "server-side apply of a subresource"));
            return apply(type, ns, name, query, contentType, body);
        }
        return write(method, type, ns, name, subresource, query, headers, body);
    }();
    response.delayMs += delayMs;
    return response;
}

FakeApiServer::FakeApiServer(const Options &options, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->options = options;
    d->home = this;
    d->gitVersion = options.gitVersion;
    d->journal.setCapacity(options.journalCapacity);
    d->rebuild({});
    d->journal.reset(d->resourceVersion);
    auto *tcp = new TcpServer(this);
    d->tcp = tcp;
    tcp->onIncoming = [this](qintptr descriptor) {
        QTcpSocket *socket = nullptr;
        if (d->options.tls) {
            auto *ssl = new QSslSocket;
            if (!ssl->setSocketDescriptor(descriptor)) {
                delete ssl;
                return;
            }
            ssl->setSslConfiguration(d->sslConfig);
            socket = ssl;
            new Connection(d.get(), socket, this);
            ssl->startServerEncryption();
        } else {
            socket = new QTcpSocket;
            if (!socket->setSocketDescriptor(descriptor)) {
                delete socket;
                return;
            }
            new Connection(d.get(), socket, this);
        }
    };
}

FakeApiServer::~FakeApiServer()
{
    // The connections use d: they go first.
    const QObjectList children = this->children();
    qDeleteAll(children);
}

bool FakeApiServer::listen(quint16 port)
{
    if (d->options.tls) {
        QFile certFile(d->options.certFile);
        QFile keyFile(d->options.keyFile);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return false;
        const QSslCertificate cert(certFile.readAll(), QSsl::Pem);
        const QByteArray keyPem = keyFile.readAll();
        QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
        if (cert.isNull() || key.isNull())
            return false;
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(cert);
        config.setPrivateKey(key);
        config.setProtocol(QSsl::TlsV1_2OrLater);
        config.setAllowedNextProtocols({}); // no "h2": clients must speak HTTP/1.1
        if (!d->options.clientCaFile.isEmpty()) {
            config.setCaCertificates(QSslCertificate::fromPath(d->options.clientCaFile));
            config.setPeerVerifyMode(QSslSocket::QueryPeer);
        } else {
            config.setCaCertificates({});
            config.setPeerVerifyMode(QSslSocket::VerifyNone);
        }
        d->sslConfig = config;
    }
    if (!d->tcp->listen(QHostAddress::LocalHost, port))
        return false;
    d->port = d->tcp->serverPort();
    return true;
}

quint16 FakeApiServer::port() const
{
    return d->port.load();
}

QUrl FakeApiServer::url() const
{
    QUrl u;
    u.setScheme(d->options.tls ? QStringLiteral("https") : QStringLiteral("http"));
    u.setHost(QStringLiteral("127.0.0.1"));
    u.setPort(port());
    return u;
}

void FakeApiServer::setObjects(const QList<QJsonObject> &objects)
{
    QMutexLocker locker(&d->mutex);
    d->rebuild(objects);
    ++d->resourceVersion; // the list resourceVersion; bumping it expires old continue tokens
    d->journal.reset(d->resourceVersion);
    locker.unlock();
    dropWatches();
}

void FakeApiServer::setGitVersion(const QString &gitVersion)
{
    QMutexLocker locker(&d->mutex);
    d->gitVersion = gitVersion;
}

void FakeApiServer::denyAccess(const QString &verb, const QString &group, const QString &resource,
                               const QString &reason)
{
    QMutexLocker locker(&d->mutex);
    d->denials.append({verb, group, resource,
                       reason.isEmpty()
                           ? QStringLiteral("denied by the fake API server's denyAccess()")
                           : reason});
}

void FakeApiServer::compactJournal()
{
    QMutexLocker locker(&d->mutex);
    d->journal.reset(d->resourceVersion);
}

void FakeApiServer::dropWatches()
{
    detail::ServerCore *core = d.get();
    QMetaObject::invokeMethod(
        this,
        [core] {
            const QList<detail::WatchSink *> sinks = core->watchers;
            for (detail::WatchSink *sink : sinks) {
                if (core->watchers.contains(sink))
                    sink->drop();
            }
        },
        Qt::QueuedConnection);
}

void FakeApiServer::addController(std::shared_ptr<FakeController> controller)
{
    QMutexLocker locker(&d->mutex);
    d->controllers.push_back(std::move(controller));
    d->controllersScheduled = false;
    d->afterWrite(); // a first look at what is there
}

void FakeApiServer::applyChange(const FakeChange &change)
{
    QMutexLocker locker(&d->mutex);
    d->applyChange(change);
}

qint64 FakeApiServer::resourceVersion() const
{
    QMutexLocker locker(&d->mutex);
    return d->resourceVersion;
}

void FakeApiServer::addFault(const FaultRule &rule)
{
    QMutexLocker locker(&d->mutex);
    d->faults.append(rule);
    d->faultHits.append(0);
}

void FakeApiServer::addAdmissionRule(const AdmissionRule &rule)
{
    QMutexLocker locker(&d->mutex);
    d->admission.append(rule);
}

QList<QJsonObject> FakeApiServer::objects() const
{
    QMutexLocker locker(&d->mutex);
    return d->source;
}

void FakeApiServer::clearFaults()
{
    QMutexLocker locker(&d->mutex);
    d->faults.clear();
    d->faultHits.clear();
}

QStringList FakeApiServer::requestLog() const
{
    QMutexLocker locker(&d->mutex);
    return d->log;
}

int FakeApiServer::requestCount() const
{
    QMutexLocker locker(&d->mutex);
    return d->requestCount;
}

bool FakeApiServer::writeKubeconfig(const QString &path, const TestPki &pki,
                                    Credentials credentials) const
{
    auto q = [](const QString &s) { return jsonString(s); }; // a JSON string is a YAML scalar
    QByteArray yaml = "apiVersion: v1\nkind: Config\nclusters:\n- name: fake\n  cluster:\n"
                      "    server: " +
                      q(url().toString()) + '\n';
    if (d->options.tls)
        yaml += "    certificate-authority: " + q(pki.caCert) + '\n';
    yaml += "contexts:\n- name: fake\n  context:\n    cluster: fake\n    user: fake-user\n"
            "current-context: fake\npreferences: {}\nusers:\n- name: fake-user\n  user:\n";
    if (credentials == Credentials::Token) {
        yaml += "    token: " + q(d->options.token) + '\n';
    } else {
        yaml += "    client-certificate: " + q(pki.clientCert) + '\n';
        yaml += "    client-key: " + q(pki.clientKey) + '\n';
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(yaml);
    if (!file.commit())
        return false;
    // Kubeconfigs hold credentials; keep them private like kubectl does.
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return true;
}

// ---------------------------------------------------------------------------------------------

FakeApiServerThread::FakeApiServerThread(const FakeApiServer::Options &options)
    : m_thread(std::make_unique<QThread>())
{
    m_thread->setObjectName(QStringLiteral("FakeApiServer"));
    m_server = new FakeApiServer(options);
    m_server->moveToThread(m_thread.get());
    m_thread->start();
}

FakeApiServerThread::~FakeApiServerThread()
{
    // Delete the server (and its sockets) in its own thread, then stop that thread.
    FakeApiServer *server = m_server;
    QMetaObject::invokeMethod(
        server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

bool FakeApiServerThread::start(const QList<QJsonObject> &objects)
{
    bool ok = false;
    FakeApiServer *server = m_server;
    QMetaObject::invokeMethod(
        server,
        [server, objects, &ok] {
            server->setObjects(objects);
            ok = server->listen(0);
        },
        Qt::BlockingQueuedConnection);
    if (ok)
        m_url = m_server->url();
    return ok;
}

FakeApiServer *FakeApiServerThread::server() const
{
    return m_server;
}

QUrl FakeApiServerThread::url() const
{
    return m_url;
}

bool FakeApiServerThread::writeKubeconfig(const QString &path, const TestPki &pki,
                                          FakeApiServer::Credentials credentials) const
{
    bool written = false;
    FakeApiServer *api = m_server;
    QMetaObject::invokeMethod(
        api, [&] { written = api->writeKubeconfig(path, pki, credentials); },
        Qt::BlockingQueuedConnection);
    return written;
}

} // namespace Fluxdesk::Testing
