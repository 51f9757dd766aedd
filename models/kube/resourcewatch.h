#pragma once

#include "core/jobrunner.h"
#include "kube/watchstream.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QTimer>

class QNetworkReply;

namespace Fluxdesk {

class KubeClient;

struct WatchEvent
{
    enum class Type
    {
        Added,
        Modified,
        Deleted
    };
    Type type;
    QJsonObject object;
};

// Lists a collection, then watches it from the list's resourceVersion, as client-go's reflector
// does: bookmarks move the resourceVersion on, a dropped stream reconnects with backoff from the
// last resourceVersion seen, a 410 Expired (as an HTTP status or a watch ERROR event) relists.
//
// The list is paged (limit + continue) and each page parsed on a worker thread; a 410 on a
// continued page starts the list again. The watch asks for bookmarks and ends after a jittered
// timeoutSeconds, as client-go's does; a stream that ends so (or goes idle for longer than the
// server's bookmark interval) is watched again at once from the last resourceVersion, with no
// relist. A dropped connection, a 5xx or 429, an event line over the cap, or an ERROR event other
// than 410 reconnects after a capped, jittered exponential backoff (1 s, 2 s, 4 s ... 30 s, reset
// once a stream stayed up long enough or ended normally) and stateChanged's message says when. A
// malformed line lists again after the backoff. 401/403/404 and other client errors are Failed
// with the server's words: retrying would not change them.
//
// On the UI thread: one network read's lines are parsed in slices of a bounded size, each slice
// emitted as one events() batch, the rest continued from the event loop.
class ResourceWatch : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Idle,
        Listing,
        Watching,
        Reconnecting,
        Failed
    };
    Q_ENUM(State)

    // The limits and timings of a watch, in this one place; tests lower them.
    struct Options
    {
        int pageSize = 500;
        // The server ends each watch after timeoutSeconds, drawn from [this, 2 x this) as
        // client-go's reflector draws it, so many watches do not reconnect together.
        int watchTimeoutSeconds = 300;
        // No byte for this long ends a stream (then watched again at once). Longer than the
        // API server's bookmark interval (a minute), so a quiet healthy stream is never cut.
        int idleTimeoutMs = 150000;
        int initialBackoffMs = 1000;
        int maxBackoffMs = 30000;
        // A stream up this long counts as healthy when it drops: backoff starts again at 1 s.
        int healthyStreamMs = 30000;
        // One event line (one object) at most; a longer one fails its stream.
        qsizetype maxEventBytes = qsizetype(16) * 1024 * 1024;
        // Bytes of event lines parsed in one go on the UI thread before yielding to the loop.
        qsizetype sliceBytes = 256 * 1024;
    };

    // e.g. "/apis/kustomize.toolkit.fluxcd.io/v1/kustomizations" (all namespaces) or a
    // namespaced one; optional label selector.
    ResourceWatch(KubeClient *client, QString collectionPath, QObject *parent = nullptr);
    ~ResourceWatch() override;

    void setLabelSelector(const QString &selector);
    void setOptions(const Options &options) { m_options = options; }
    void start();
    void stop(); // no signal after stop() returns
    State state() const { return m_state; }
    QString resourceVersion() const { return m_resourceVersion; }
    QString collectionPath() const { return m_path; }
    // While Reconnecting: the wait before the next try, in milliseconds (its backoff).
    int retryDelayMs() const { return m_retryTimer.isActive() ? m_retryTimer.interval() : 0; }

Q_SIGNALS:
    void listed(const QList<QJsonObject> &objects);         // a full (re)list: replaces all before
    void events(const QList<Fluxdesk::WatchEvent> &events); // in order; batched per network read
    void stateChanged(Fluxdesk::ResourceWatch::State state, const QString &message);

private:
    enum class Retry
    {
        List,
        Watch
    };
    void setState(State state, const QString &message = {});
    void dropReply();
    void requestPage();
    void pageArrived(quint64 generation, QNetworkReply *reply);
    void pageParsed(quint64 generation, const Result<WatchStream::ListPage> &page);
    void startWatch();
    void streamHeaders();
    void streamRead();
    void streamFinished();
    void drain();
    void streamEnded();
    void relist(const QString &message);
    void retryLater(Retry what, const QString &reason);
    void fail(const QString &message);
    QString query() const;
    QString eventsWhat() const;

    QPointer<KubeClient> m_client;
    QString m_path;
    QString m_selector;
    Options m_options;
    State m_state = State::Idle;
    QString m_message;
    QString m_resourceVersion;
    quint64 m_generation = 0;
    QPointer<QNetworkReply> m_reply;

    // The list being read.
    QList<QJsonObject> m_listed;
    QString m_continue;
    QSet<QString> m_tokens;
    bool m_listRestarted = false;
    JobRunner m_parser;

    // The stream being read.
    WatchStream::LineSplitter m_lines{0};
    bool m_streamOk = false;       // 200 received
    bool m_streamFinished = false; // finished() seen; drain() ends it once the lines are out
    bool m_drainQueued = false;
    QByteArray m_errorBody;
    QElapsedTimer m_streamClock;

    int m_failures = 0; // in a row, for the backoff
    QTimer m_retryTimer;
    Retry m_retry = Retry::List;
};

} // namespace Fluxdesk

Q_DECLARE_METATYPE(Fluxdesk::WatchEvent)
