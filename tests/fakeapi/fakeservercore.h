#pragma once

// The fake API server's shared state, for the files that make it up: fakeapiserver.cpp (HTTP,
// discovery, reads, watch streams), fakestore.cpp (stored writes, the journal, controllers).
#include "fakeapiserver.h"
#include "fakecontroller.h"
#include "fakehttp.h"
#include "faketypes.h"
#include "fakewatch.h"

#include <QHash>
#include <QMutex>
#include <QSslConfiguration>
#include <QTcpServer>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace Fluxdesk::Testing::detail {

// What a watch request starts with, handed from the request to its connection.
struct WatchStart
{
    FakeWatch::Filter filter;
    QString apiVersion, kind; // as the watch was asked for
    qint64 from = 0;          // the stream carries the journal's events after this one
    QByteArray initial;       // lines sent first: ADDED per current object, or the ERROR
    bool expired = false;     // initial holds the 410 ERROR: the stream ends after it
    bool bookmarks = false;
    int timeoutMs = 0; // 0: open until the client or dropWatches() ends it
};

struct Response
{
    Response() = default;
    Response(int c, QByteArray b) : code(c), body(std::move(b)) {}
    int code = 200;
    QByteArray body;
    FakeApiServer::Fault fault = FakeApiServer::Fault::None;
    int delayMs = 0;
    bool withoutContentLength = false; // the body ends when the connection closes
    int intervalMs = 0;                // Fault::Trickle: between two bytes
    std::shared_ptr<WatchStart> watch; // set: a chunked watch stream instead of body
};

Response status(int code, const QString &message, const FakeHttp::StatusDetails &details = {});

// A connection streaming a watch; lives in the server's thread.
class WatchSink
{
public:
    virtual ~WatchSink() = default;
    virtual void pump() = 0; // send the journal's new events
    virtual void drop() = 0; // end the stream and close the connection
};

struct ServerCore
{
    FakeApiServer::Options options;
    QObject *home = nullptr; // the FakeApiServer: queued work runs in its thread
    QTcpServer *tcp = nullptr;
    QSslConfiguration sslConfig;
    std::atomic<quint16> port{0};

    mutable QMutex mutex; // guards everything below; tests call in from other threads
    QVector<FakeTypes::TypeEntry> types;
    QHash<QString, int> typeByPath; // "v1/pods", "apps/v1/deployments"
    QList<FakeApiServer::FaultRule> faults;
    QList<int> faultHits; // per rule: how many requests it applied to
    QStringList log;
    int requestCount = 0;
    qint64 resourceVersion = 1000; // the last write's; every list is served at it
    QList<QJsonObject> source;     // the objects served, as rebuild() completed them
    QList<AdmissionRule> admission;
    QString gitVersion;
    FakeWatch::Journal journal;
    struct Denial
    {
        QString verb, group, resource, reason;
    };
    QList<Denial> denials;
    std::vector<std::shared_ptr<FakeController>> controllers;
    bool controllersScheduled = false;
    bool wakeScheduled = false;

    QList<WatchSink *> watchers; // the server thread's alone: no mutex

    // Under the mutex:
    void rebuild(const QList<QJsonObject> &objects);
    Response handle(const QByteArray &method, const QByteArray &target,
                    const QHash<QByteArray, QByteArray> &headers, bool authorized,
                    bool applyFaults = true, const QByteArray &body = {});
    std::optional<QJsonObject> find(const FakeTypes::TypeEntry &type, const QString &ns,
                                    const QString &name) const;
    bool namespaceExists(const QString &ns) const;
    Response discovery(const QStringList &segments, bool *handled) const;
    Response resourceRequest(const FakeTypes::TypeEntry &type, const QString &ns,
                             const QString &name, const QUrlQuery &query) const;
    Response watch(const FakeTypes::TypeEntry &type, const QString &ns,
                   const QUrlQuery &query) const;
    QByteArray groupJson(const QString &group) const;
    Response apply(const FakeTypes::TypeEntry &type, const QString &ns, const QString &name,
                   const QUrlQuery &query, const QByteArray &contentType, const QByteArray &body);
    // POST, PUT, DELETE and the PATCHes other than apply, on an object or its status.
    Response write(const QByteArray &method, const FakeTypes::TypeEntry &type, const QString &ns,
                   const QString &name, const QString &subresource, const QUrlQuery &query,
                   const QHash<QByteArray, QByteArray> &headers, const QByteArray &body);
    Response accessReview(const QByteArray &body) const;
    // A stored write: gives the object the next resourceVersion, stores it (replacing the one
    // with its group, kind, namespace and name), journals it and tells watchers and
    // controllers. A write that changes nothing but resourceVersion and managedFields' times is
    // no write (as on the real server): the stored object is answered.
    QJsonObject commit(QJsonObject object);
    // Removes a stored object (and, for a CRD, every object of its type), journaled.
    void erase(const QString &group, const QString &kind, const QString &ns, const QString &name);
    void applyChange(const FakeChange &change); // a controller's or a test's change
    void afterWrite();
    qint64 nextResourceVersion() const { return resourceVersion + 1; }

    // Without the mutex, in the server's thread:
    void wakeWatchers();
    void runControllers();
};

} // namespace Fluxdesk::Testing::detail
