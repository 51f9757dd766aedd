#include "inventoryloader.h"

#include "kube/discovery.h"
#include "kube/kubeclient.h"

#include <QHash>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QPointer>
#include <QSet>
#include <QUrl>
#include <QVector>

#include <utility>

#include <deque>
#include <functional>

namespace Fluxdesk {

// One load: the client, the queue of requests not yet sent and the replies in flight. Destroyed
// as a whole when the load ends; the client is deleteLater()'d because its replies may be on the
// stack when that happens. Pages being parsed belong to the loader's JobRunner, not to the run.
struct InventoryLoader::Run
{
    struct Request
    {
        QString path;
        Handler handler;
        qint64 maxBodyBytes = -1; // -1: the client's cap
    };

    // One type's listing so far: for its byte cap, loop detection and a restart after a 410.
    struct Listing
    {
        int objects = 0;
        qint64 bytes = 0;
        int pages = 0;
        QSet<QString> tokens;  // continue tokens followed
        QString continueToken; // of the page asked for now ("" for the first)
        bool restarted = false;
    };

    quint64 generation = 0;
    QObject *owner = nullptr; // the loader: only its connections are cut on destruction
    KubeClient *client = nullptr;
    std::deque<Request> queue;
    QSet<QNetworkReply *> inFlight;

    // Discovery: one slot per document so the type order does not depend on reply order.
    QList<QList<ResourceType>> discoverySlots;
    int discoveryPending = 0;
    QStringList discoveryWarnings;

    QList<ResourceType> types;
    QVector<Listing> listings; // one per type
    int typesDone = 0;
    int forbidden = 0;
    int failed = 0;
    int objects = 0;

    ~Run()
    {
        for (QNetworkReply *reply : std::as_const(inFlight)) {
            QObject::disconnect(reply, nullptr, owner, nullptr);
            if (reply->isRunning())
                reply->abort();
            reply->deleteLater();
        }
        if (client)
            client->deleteLater();
    }
};

InventoryLoader::InventoryLoader(QObject *parent) : QObject(parent) {}

InventoryLoader::~InventoryLoader()
{
    endRun();
}

void InventoryLoader::endRun()
{
    m_run.reset();
    m_parser.cancel(); // pages still being parsed are dropped with their run
}

void InventoryLoader::start(const ConnectionSettings &settings)
{
    // A superseded run ends silently: its owner asked for the new one.
    endRun();
    m_running = true;
    const quint64 generation = ++m_generation;

    m_run = std::make_unique<Run>();
    m_run->generation = generation;
    m_run->owner = this;
    m_run->client = new KubeClient(settings);
    m_run->client->setTimeout(m_options.requestTimeoutMs);
    m_run->client->setDeadline(m_options.requestDeadlineMs);
    m_run->client->setMaxBodyBytes(qMax<qint64>(0, m_options.maxBytesPerType));

    // Slot 0: the core group; the /apis groups follow in the server's order.
    m_run->discoverySlots.append(QList<ResourceType>());
    m_run->discoveryPending = 2; // /api and /apis, then each document they name

    enqueue(generation, QStringLiteral("/api"),
            [this, generation](QNetworkReply *reply, const QByteArray &body) {
                Run *run = current(generation);
                const Error error = KubeClient::replyError(reply, body);
                if (!error.message.isEmpty())
                    return fail(tr("Discovery of /api failed: %1").arg(error.message));
                const auto versions = Discovery::parseCoreVersions(body);
                if (!versions)
                    return fail(versions.error().message);
                const QString version = versions->first();
                ++run->discoveryPending;
                enqueue(generation, QStringLiteral("/api/") + version,
                        [this, generation, version](QNetworkReply *r, const QByteArray &b) {
                            discoveredDocument(generation, 0, version, r, b, true);
                        });
                discoveryStepDone(generation);
            });

    enqueue(generation, QStringLiteral("/apis"),
            [this, generation](QNetworkReply *reply, const QByteArray &body) {
                Run *run = current(generation);
                const Error error = KubeClient::replyError(reply, body);
                if (!error.message.isEmpty())
                    return fail(tr("Discovery of /apis failed: %1").arg(error.message));
                const auto groupVersions = Discovery::parsePreferredGroupVersions(body);
                if (!groupVersions)
                    return fail(groupVersions.error().message);
                for (const QString &gv : groupVersions.value()) {
                    const int slot = int(run->discoverySlots.size());
                    run->discoverySlots.append(QList<ResourceType>());
                    ++run->discoveryPending;
                    enqueue(generation, QStringLiteral("/apis/") + gv,
                            [this, generation, slot, gv](QNetworkReply *r, const QByteArray &b) {
                                discoveredDocument(generation, slot, gv, r, b, false);
                            });
                }
                discoveryStepDone(generation);
            });
}

void InventoryLoader::cancel()
{
    if (!m_running)
        return;
    endRun();
    m_running = false;
    emit finished(false, tr("Cancelled"));
}

InventoryLoader::Run *InventoryLoader::current(quint64 generation) const
{
    return m_run && m_run->generation == generation ? m_run.get() : nullptr;
}

void InventoryLoader::enqueue(quint64 generation, const QString &path, Handler handler, bool urgent,
                              qint64 maxBodyBytes)
{
    Run *run = current(generation);
    if (!run)
        return;
    Run::Request request{path, std::move(handler), maxBodyBytes};
    if (urgent)
        run->queue.push_front(std::move(request));
    else
        run->queue.push_back(std::move(request));
    pump(generation);
}

void InventoryLoader::pump(quint64 generation)
{
    Run *run = current(generation);
    const int limit = qMax(1, m_options.maxConcurrentRequests);
    while (run && !run->queue.empty() && run->inFlight.size() < limit) {
        Run::Request request = std::move(run->queue.front());
        run->queue.pop_front();
        QNetworkReply *reply = run->client->get(request.path, request.maxBodyBytes);
        run->inFlight.insert(reply);
        auto handler = std::move(request.handler);
        connect(reply, &QNetworkReply::finished, this, [this, generation, reply, handler]() {
            reply->deleteLater();
            Run *r = current(generation);
            if (!r)
                return; // a late reply of a superseded or cancelled run
            r->inFlight.remove(reply);
            const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
            handler(reply, body);
            pump(generation);
        });
    }
}

void InventoryLoader::discoveredDocument(quint64 generation, int slot, const QString &groupVersion,
                                         QNetworkReply *reply, const QByteArray &body, bool core)
{
    Run *run = current(generation);
    if (!run)
        return;
    int status = 0;
    Error error = KubeClient::replyError(reply, body, &status);
    if (error.message.isEmpty()) {
        auto types = Discovery::parseResourceList(body, groupVersion);
        if (types)
            run->discoverySlots[slot] = types.value();
        else
            error = types.error();
    }
    if (!error.message.isEmpty()) {
        // Without the core group, or with bad credentials, there is no inventory to speak of.
        // A broken aggregated group (metrics.k8s.io with its server down) only loses that group.
        if (core || status == 401)
            return fail(tr("Discovery of %1 failed: %2").arg(groupVersion, error.message));
        run->discoveryWarnings.append(tr("Discovery of %1 failed, its objects are not loaded: %2")
                                          .arg(groupVersion, error.message));
    }
    discoveryStepDone(generation);
}

void InventoryLoader::discoveryStepDone(quint64 generation)
{
    Run *run = current(generation);
    if (!run || --run->discoveryPending > 0)
        return;
    for (const QList<ResourceType> &slotTypes : std::as_const(run->discoverySlots))
        run->types += slotTypes;
    run->listings.fill(Run::Listing(), int(run->types.size()));
    emit discovered(run->types);
    if (!current(generation))
        return; // a slot connected to discovered() cancelled or restarted the load
    emit progress(0, int(run->types.size()));
    if (run->types.isEmpty())
        return complete(generation);
    for (int i = 0; i < run->types.size(); ++i)
        requestPage(generation, i, QString());
}

void InventoryLoader::requestPage(quint64 generation, int index, const QString &continueToken)
{
    Run *run = current(generation);
    if (!run)
        return;
    QString path = run->types.at(index).listPath() + QStringLiteral("?limit=") +
                   QString::number(qMax(1, m_options.pageSize));
    if (!continueToken.isEmpty())
        path += QStringLiteral("&continue=") +
                QString::fromLatin1(QUrl::toPercentEncoding(continueToken));
    Run::Listing &listing = run->listings[index];
    listing.continueToken = continueToken;
    // What is left of the type's byte cap is this page's cap (0: none).
    const qint64 remaining = m_options.maxBytesPerType > 0
                                 ? qMax<qint64>(1, m_options.maxBytesPerType - listing.bytes)
                                 : 0;
    // Follow-up pages (and a restarted listing) jump the queue so started types finish (and show
    // up complete) first.
    enqueue(
        generation, path,
        [this, generation, index](QNetworkReply *reply, const QByteArray &body) {
            pageArrived(generation, index, reply, body);
        },
        !continueToken.isEmpty() || listing.restarted, remaining);
}

void InventoryLoader::pageArrived(quint64 generation, int index, QNetworkReply *reply,
                                  const QByteArray &body)
{
    Run *run = current(generation);
    if (!run)
        return;
    const ResourceType type = run->types.at(index);
    Run::Listing &listing = run->listings[index];
    if (KubeClient::bodyLimitExceeded(reply))
        return finishType(
            generation, index, TypeState::Failed,
            tr("The list of %1 is larger than %2, the most Fluxdesk reads for one "
               "resource type: it was not loaded completely")
                .arg(type.qualifiedName(), KubeClient::sizeText(m_options.maxBytesPerType)));
    const bool transferOk =
        reply->error() == QNetworkReply::NoError &&
        reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() < 300;
    const qlonglong length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    if (!transferOk || (length > 0 && body.size() < length)) {
        int status = 0;
        const Error error = KubeClient::replyError(reply, body, &status);
        if (status == 401)
            return fail(error.message);
        // A continue token outlives etcd's compaction only so long (5 minutes by default); the
        // server says 410 Expired and a consistent list must start again without it. Once: a
        // second expiry means the type cannot be listed in time now.
        const bool expired =
            status == 410 && !listing.continueToken.isEmpty() &&
            QJsonDocument::fromJson(body).object().value(QLatin1String("reason")).toString() ==
                QLatin1String("Expired");
        if (expired && !listing.restarted) {
            run->objects -= listing.objects;
            listing = Run::Listing();
            listing.restarted = true;
            return requestPage(generation, index, QString());
        }
        if (expired)
            return finishType(generation, index, TypeState::Failed,
                              tr("The listing of %1 was started again after its continue token "
                                 "expired, and the new token expired too: it was not loaded "
                                 "completely; try again later (%2)")
                                  .arg(type.qualifiedName(), error.message));
        return finishType(generation, index,
                          status == 403 ? TypeState::Forbidden : TypeState::Failed, error.message);
    }
    listing.bytes += body.size();
    ++listing.pages;

    // A 500-item page is around a megabyte of JSON: parse it on a worker so the UI thread
    // (where the loader lives) only sees finished objects.
    // Pages of one run are parsed side by side; endRun() drops those still running.
    // The objects' compact form (what the Inventory keeps) is encoded here too.
    m_parser.add(
        [body, type](const JobContext &) {
            Result<Discovery::ListPage> page = Discovery::parseListPage(body, type);
            if (page)
                page->encodeCompact();
            return page;
        },
        [this, generation, index](const Result<Discovery::ListPage> &page) {
            pageParsed(generation, index, page);
        });
}

void InventoryLoader::pageParsed(quint64 generation, int index,
                                 const Result<Discovery::ListPage> &page)
{
    Run *run = current(generation);
    if (!run)
        return;
    if (!page)
        return finishType(generation, index, TypeState::Failed, page.error().message);
    const ResourceType type = run->types.at(index);
    run->listings[index].objects += int(page->items.size());
    run->objects += int(page->items.size());
    if (!page->items.isEmpty()) {
        emit objectsLoaded(type, page->items, page->compact);
        if (!current(generation))
            return;
    }
    if (!page->continueToken.isEmpty()) {
        // A token seen before leads where the listing has been: following it never ends.
        Run::Listing &listing = run->listings[index];
        if (listing.tokens.contains(page->continueToken))
            return finishType(
                generation, index, TypeState::Failed,
                tr("The server sent a continue token for %1 that it had sent before: following "
                   "it would list the same pages for ever, so the listing stopped after %n "
                   "page(s) and is incomplete",
                   nullptr, listing.pages)
                    .arg(type.qualifiedName()));
        listing.tokens.insert(page->continueToken);
        return requestPage(generation, index, page->continueToken);
    }
    finishType(generation, index, TypeState::Loaded, QString());
}

void InventoryLoader::finishType(quint64 generation, int index, TypeState state,
                                 const QString &message)
{
    Run *run = current(generation);
    if (!run)
        return;
    if (state == TypeState::Forbidden)
        ++run->forbidden;
    else if (state == TypeState::Failed)
        ++run->failed;
    ++run->typesDone;
    emit typeFinished(run->types.at(index), state, message);
    if (!current(generation))
        return;
    emit progress(run->typesDone, int(run->types.size()));
    if (current(generation) && run->typesDone == run->types.size())
        complete(generation);
}

void InventoryLoader::complete(quint64 generation)
{
    Run *run = current(generation);
    if (!run)
        return;
    QStringList parts;
    parts.append(tr("Loaded %1 objects of %2 resource types.")
                     .arg(QString::number(run->objects), QString::number(run->types.size())));
    if (run->forbidden > 0)
        parts.append(tr("%1 types forbidden.").arg(run->forbidden));
    if (run->failed > 0)
        parts.append(tr("%1 types failed.").arg(run->failed));
    parts += run->discoveryWarnings;
    endRun();
    m_running = false;
    emit finished(true, parts.join(QLatin1Char(' ')));
}

void InventoryLoader::fail(const QString &message)
{
    endRun();
    m_running = false;
    emit finished(false, message);
}

} // namespace Fluxdesk
