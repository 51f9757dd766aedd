#include "resourcewatch.h"

#include "kube/kubeclient.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QUrl>

namespace Fluxdesk {

namespace {

// The most of an error response's body kept for its message (a Status is a few hundred bytes).
constexpr qsizetype MaxErrorBody = 64 * 1024;

void registerTypes()
{
    static const bool once = [] {
        qRegisterMetaType<Fluxdesk::WatchEvent>("Fluxdesk::WatchEvent");
        qRegisterMetaType<QList<Fluxdesk::WatchEvent>>("QList<Fluxdesk::WatchEvent>");
        qRegisterMetaType<QList<QJsonObject>>("QList<QJsonObject>");
        qRegisterMetaType<Fluxdesk::ResourceWatch::State>("Fluxdesk::ResourceWatch::State");
        return true;
    }();
    Q_UNUSED(once)
}

int httpStatus(const QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

// Client errors a retry cannot mend: the collection is not there, or not for this user. 408
// (timeout), 410 (expired: relist) and 429 (too many requests) are not among them.
bool permanent(int status)
{
    return status >= 400 && status < 500 && status != 408 && status != 410 && status != 429;
}

bool expiredReply(QNetworkReply *reply, const QByteArray &body)
{
    return httpStatus(reply) == 410 ||
           (httpStatus(reply) >= 400 &&
            WatchStream::isExpired(QJsonDocument::fromJson(body).object()));
}

} // namespace

ResourceWatch::ResourceWatch(KubeClient *client, QString collectionPath, QObject *parent)
    : QObject(parent), m_client(client), m_path(std::move(collectionPath))
{
    registerTypes();
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this]() {
        if (m_retry == Retry::Watch && !m_resourceVersion.isEmpty())
            startWatch();
        else
            relist(QString());
    });
}

ResourceWatch::~ResourceWatch()
{
    stop();
}

void ResourceWatch::setLabelSelector(const QString &selector)
{
    m_selector = selector;
}

void ResourceWatch::start()
{
    stop();
    m_failures = 0;
    relist(QString());
}

void ResourceWatch::stop()
{
    ++m_generation;
    m_retryTimer.stop();
    m_parser.cancel();
    dropReply();
    m_lines.clear();
    m_listed.clear();
    m_state = State::Idle; // silently: no signal after stop()
    m_message.clear();
}

void ResourceWatch::setState(State state, const QString &message)
{
    if (state == m_state && message == m_message)
        return;
    m_state = state;
    m_message = message;
    emit stateChanged(state, message);
}

void ResourceWatch::dropReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    if (reply->isRunning())
        reply->abort();
    reply->deleteLater();
}

QString ResourceWatch::query() const
{
    if (m_selector.isEmpty())
        return QString();
    return QStringLiteral("&labelSelector=") +
           QString::fromLatin1(QUrl::toPercentEncoding(m_selector));
}

QString ResourceWatch::eventsWhat() const
{
    return tr("the watch of %1").arg(m_path);
}

void ResourceWatch::relist(const QString &message)
{
    dropReply();
    m_lines.clear();
    m_listed.clear();
    m_continue.clear();
    m_tokens.clear();
    m_listRestarted = false;
    setState(State::Listing, message);
    requestPage();
}

void ResourceWatch::requestPage()
{
    if (!m_client)
        return fail(tr("The connection to the cluster is gone; %1 is not watched").arg(m_path));
    QString path =
        m_path + QStringLiteral("?limit=") + QString::number(qMax(1, m_options.pageSize)) + query();
    if (!m_continue.isEmpty())
        path +=
            QStringLiteral("&continue=") + QString::fromLatin1(QUrl::toPercentEncoding(m_continue));
    const quint64 generation = m_generation;
    QNetworkReply *reply = m_client->get(path);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this,
            [this, generation, reply]() { pageArrived(generation, reply); });
}

void ResourceWatch::pageArrived(quint64 generation, QNetworkReply *reply)
{
    reply->deleteLater();
    if (generation != m_generation || reply != m_reply)
        return;
    m_reply = nullptr;
    const QByteArray body = reply->readAll();
    int status = 0;
    const Error error = KubeClient::replyError(reply, body, &status);
    if (reply->error() != QNetworkReply::NoError || httpStatus(reply) >= 300 ||
        !error.message.isEmpty()) {
        // A continue token outlives etcd's compaction only so long: list from the start, once.
        if (expiredReply(reply, body) && !m_continue.isEmpty() && !m_listRestarted) {
            m_continue.clear();
            m_tokens.clear();
            m_listed.clear();
            m_listRestarted = true;
            return requestPage();
        }
        if (permanent(status))
            return fail(error.message);
        return retryLater(Retry::List, error.message);
    }
    // A page of 500 objects is around a megabyte of JSON: parsed off the UI thread.
    const QString what = m_path;
    m_parser.add([body, what](const JobContext &) { return WatchStream::parseList(body, what); },
                 [this, generation](const Result<WatchStream::ListPage> &page) {
                     pageParsed(generation, page);
                 });
}

void ResourceWatch::pageParsed(quint64 generation, const Result<WatchStream::ListPage> &page)
{
    if (generation != m_generation)
        return;
    if (!page)
        return retryLater(Retry::List, page.error().message);
    m_listed += page->items;
    if (!page->continueToken.isEmpty()) {
        if (m_tokens.contains(page->continueToken))
            return fail(tr("The server sent a continue token for %1 that it had sent before: "
                           "following it would list the same pages for ever")
                            .arg(m_path));
        m_tokens.insert(page->continueToken);
        m_continue = page->continueToken;
        return requestPage();
    }
    m_resourceVersion = page->resourceVersion;
    const QList<QJsonObject> objects = std::move(m_listed);
    m_listed.clear();
    m_continue.clear();
    m_tokens.clear();
    emit listed(objects);
    if (generation != m_generation)
        return; // a slot stopped or restarted the watch
    if (m_resourceVersion.isEmpty())
        return fail(tr("The server listed %1 without a resourceVersion, so it cannot be watched "
                       "from there")
                        .arg(m_path));
    startWatch();
}

void ResourceWatch::startWatch()
{
    if (!m_client)
        return fail(tr("The connection to the cluster is gone; %1 is not watched").arg(m_path));
    dropReply();
    m_lines = WatchStream::LineSplitter(m_options.maxEventBytes);
    m_streamOk = false;
    m_streamFinished = false;
    m_errorBody.clear();
    const int base = qMax(1, m_options.watchTimeoutSeconds);
    const int timeoutSeconds = base + int(QRandomGenerator::global()->bounded(base));
    const QString path = m_path + QStringLiteral("?watch=1&resourceVersion=") +
                         QString::fromLatin1(QUrl::toPercentEncoding(m_resourceVersion)) +
                         QStringLiteral("&allowWatchBookmarks=true&timeoutSeconds=") +
                         QString::number(timeoutSeconds) + query();
    QNetworkReply *reply = m_client->stream(path, m_options.idleTimeoutMs);
    m_reply = reply;
    connect(reply, &QNetworkReply::metaDataChanged, this, &ResourceWatch::streamHeaders);
    connect(reply, &QNetworkReply::readyRead, this, &ResourceWatch::streamRead);
    connect(reply, &QNetworkReply::finished, this, &ResourceWatch::streamFinished);
}

void ResourceWatch::streamHeaders()
{
    if (!m_reply || m_streamOk || httpStatus(m_reply) != 200)
        return;
    m_streamOk = true;
    m_streamClock.start();
    setState(State::Watching);
}

void ResourceWatch::streamRead()
{
    if (!m_reply)
        return;
    if (httpStatus(m_reply) != 200) {
        // An error's Status, kept for its message; the rest of a huge one is dropped.
        const QByteArray bytes = m_reply->readAll();
        m_errorBody += bytes.left(qMax<qsizetype>(0, MaxErrorBody - m_errorBody.size()));
        return;
    }
    streamHeaders();
    m_lines.append(m_reply->readAll());
    drain();
}

void ResourceWatch::streamFinished()
{
    if (!m_reply)
        return;
    streamRead();
    if (!m_reply)
        return; // drain() ended the stream on a line of its own
    m_streamFinished = true;
    drain();
}

void ResourceWatch::drain()
{
    if (m_drainQueued)
        return; // a continuation is queued: it keeps the order
    QList<WatchEvent> batch;
    qsizetype bytes = 0;
    QByteArray line;
    const QString what = eventsWhat();
    const auto flush = [this, &batch]() {
        if (batch.isEmpty())
            return true;
        const quint64 generation = m_generation;
        emit events(batch);
        batch.clear();
        return generation == m_generation;
    };
    while (bytes < m_options.sliceBytes) {
        const WatchStream::LineSplitter::Next next = m_lines.next(&line);
        if (next == WatchStream::LineSplitter::Next::None)
            break;
        if (next == WatchStream::LineSplitter::Next::TooLong) {
            if (!flush())
                return;
            m_lines.clear();
            return retryLater(Retry::Watch,
                              tr("An event on the watch of %1 is larger than %2, the most "
                                 "Fluxdesk reads for one object: the stream was cut off")
                                  .arg(m_path, KubeClient::sizeText(m_lines.maxLineBytes())));
        }
        bytes += line.size() + 1;
        if (line.trimmed().isEmpty())
            continue;
        const Result<WatchStream::RawEvent> event = WatchStream::parseEvent(line, what);
        if (!event) {
            // What came before the bad line is good; the state after it is unknown: list again.
            if (!flush())
                return;
            m_resourceVersion.clear();
            return retryLater(Retry::List, event.error().message);
        }
        using Raw = WatchStream::RawEvent::Type;
        switch (event->type) {
        case Raw::Error: {
            if (!flush())
                return;
            const QString message = WatchStream::statusMessage(event->object);
            if (WatchStream::isExpired(event->object))
                return relist(tr("Listing %1 again: %2").arg(m_path, message));
            return retryLater(Retry::Watch, message);
        }
        case Raw::Bookmark:
            break;
        case Raw::Added:
        case Raw::Modified:
        case Raw::Deleted:
            batch.append(WatchEvent{event->type == Raw::Added      ? WatchEvent::Type::Added
                                    : event->type == Raw::Modified ? WatchEvent::Type::Modified
                                                                   : WatchEvent::Type::Deleted,
                                    event->object});
            break;
        }
        const QString rv = WatchStream::resourceVersionOf(event->object);
        if (!rv.isEmpty())
            m_resourceVersion = rv;
    }
    if (!flush())
        return;
    if (m_lines.hasCompleteLine()) {
        // More than a slice arrived at once: the rest after the event loop had its turn.
        m_drainQueued = true;
        const quint64 generation = m_generation;
        QTimer::singleShot(0, this, [this, generation]() {
            if (generation != m_generation)
                return;
            m_drainQueued = false;
            drain();
        });
        return;
    }
    if (m_streamFinished)
        streamEnded();
}

void ResourceWatch::streamEnded()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    int status = 0;
    const bool transferOk = reply->error() == QNetworkReply::NoError && httpStatus(reply) == 200;
    const Error error = transferOk ? Error() : KubeClient::replyError(reply, m_errorBody, &status);
    // The idle timeout (KubeClient::stream()) aborts the reply; Qt reports either error for it.
    const bool idle = m_streamOk && (reply->error() == QNetworkReply::OperationCanceledError ||
                                     reply->error() == QNetworkReply::TimeoutError);
    const bool expired = !transferOk && expiredReply(reply, m_errorBody);
    const bool healthy = m_streamOk && m_streamClock.isValid() &&
                         m_streamClock.elapsed() >= m_options.healthyStreamMs;
    const qsizetype partial = m_lines.pendingBytes();
    dropReply();
    m_lines.clear();

    if (expired)
        return relist(tr("Listing %1 again: %2").arg(m_path, error.message));
    if (permanent(status))
        return fail(error.message);
    // The server ended the watch after timeoutSeconds, or it was quiet past the idle timeout
    // (a connection a NAT forgot looks so): watch again from where it was, no relist.
    if ((transferOk && partial == 0) || idle) {
        if (transferOk || healthy)
            m_failures = 0;
        return startWatch();
    }
    if (healthy)
        m_failures = 0;
    if (transferOk)
        return retryLater(Retry::Watch,
                          tr("The watch of %1 ended in the middle of an event").arg(m_path));
    retryLater(Retry::Watch, error.message);
}

void ResourceWatch::retryLater(Retry what, const QString &reason)
{
    dropReply();
    // Jittered, so that watches which failed together do not come back together.
    const qint64 delay =
        WatchStream::backoffMs(m_failures, m_options.initialBackoffMs, m_options.maxBackoffMs,
                               QRandomGenerator::global()->generateDouble());
    ++m_failures;
    m_retry = what;
    m_retryTimer.start(int(delay));
    const int seconds = int((delay + 999) / 1000);
    setState(State::Reconnecting,
             what == Retry::List
                 ? tr("%1; listing again in %n second(s)", nullptr, seconds).arg(reason)
                 : tr("%1; reconnecting in %n second(s)", nullptr, seconds).arg(reason));
}

void ResourceWatch::fail(const QString &message)
{
    ++m_generation; // nothing of this run may come after
    m_retryTimer.stop();
    m_parser.cancel();
    dropReply();
    m_lines.clear();
    m_listed.clear();
    setState(State::Failed, message);
}

} // namespace Fluxdesk
