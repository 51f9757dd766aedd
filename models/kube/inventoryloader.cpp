#include "inventoryloader.h"

#include "kube/discovery.h"
#include "kube/kubeclient.h"

#include <QHash>
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
    QVector<int> objectCounts;
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

void InventoryLoader::enqueue(quint64 generation, const QString &path, Handler handler, bool urgent)
{
    Run *run = current(generation);
    if (!run)
        return;
    Run::Request request{path, std::move(handler)};
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
        QNetworkReply *reply = run->client->get(request.path);
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
    run->objectCounts.fill(0, int(run->types.size()));
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
    // Follow-up pages jump the queue so started types finish (and show up complete) first.
    enqueue(
        generation, path,
        [this, generation, index](QNetworkReply *reply, const QByteArray &body) {
            pageArrived(generation, index, reply, body);
        },
        !continueToken.isEmpty());
}

void InventoryLoader::pageArrived(quint64 generation, int index, QNetworkReply *reply,
                                  const QByteArray &body)
{
    Run *run = current(generation);
    if (!run)
        return;
    const ResourceType type = run->types.at(index);
    const bool transferOk =
        reply->error() == QNetworkReply::NoError &&
        reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() < 300;
    const qlonglong length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    if (!transferOk || (length > 0 && body.size() < length)) {
        int status = 0;
        const Error error = KubeClient::replyError(reply, body, &status);
        if (status == 401)
            return fail(error.message);
        return finishType(generation, index,
                          status == 403 ? TypeState::Forbidden : TypeState::Failed, error.message);
    }

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
    run->objectCounts[index] += int(page->items.size());
    run->objects += int(page->items.size());
    if (!page->items.isEmpty()) {
        emit objectsLoaded(type, page->items, page->compact);
        if (!current(generation))
            return;
    }
    if (!page->continueToken.isEmpty())
        return requestPage(generation, index, page->continueToken);
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
