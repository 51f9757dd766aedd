#pragma once

#include "core/jobrunner.h"
#include "kube/connectionsettings.h"
#include "kube/inventory.h"
#include "kube/resourcetype.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QNetworkReply;

namespace Fluxdesk {

class KubeClient;
namespace Discovery {
struct ListPage;
}

// Loads every listable object of a cluster: discovery of /api and /apis (preferred versions,
// listable resources only, subresources skipped), then every type listed concurrently with paging
// (limit + continue). Each start() bumps a generation: replies of an older start are dropped.
// A start() while a load runs supersedes it silently (no finished() for the old run); cancel()
// and destruction abort every reply. Pages are parsed on a worker thread (a JobRunner) and
// delivered on the loader's thread, so a 500-item page never stalls it; a run's pages still being
// parsed when it ends are dropped.
// Per-type errors (403, 404, 5xx) leave the other types loading; connection-level errors (TLS,
// refused, 401 on discovery) end the load with finished(false, message); a 401 on any request
// ends it too. A failing /apis/G/V document (e.g. metrics.k8s.io with its server down) only
// drops that group: the load goes on and finished(true, message)'s message names the group.
// A cluster that is hostile or broken cannot hold the load for ever: each request has a deadline
// besides its idle timeout, each type's pages together have a byte cap, and a continue token seen
// before in a type's listing stops that type (each a Failed type naming it). A 410 Expired on a
// continued page (the token outlived etcd's compaction) lists that type again from its start,
// once; objects come again and replace those of the first try (the Inventory keys them).
class InventoryLoader : public QObject
{
    Q_OBJECT
public:
    // The limits of a load, in this one place; tests lower them.
    struct Options
    {
        int pageSize = 500;
        int maxConcurrentRequests = 12;
        int requestTimeoutMs = 30000;   // idle: no byte for this long
        int requestDeadlineMs = 120000; // one request (page) in all, however steady its bytes
        qint64 maxBytesPerType = qint64(256) * 1024 * 1024; // a type's pages together
    };

    explicit InventoryLoader(QObject *parent = nullptr);
    ~InventoryLoader() override;

    void setOptions(const Options &options) { m_options = options; }
    void start(const ConnectionSettings &settings);
    void cancel(); // emits finished(false, tr("Cancelled")) for the running load
    bool isRunning() const { return m_running; }
    quint64 generation() const { return m_generation; }

signals:
    void discovered(const QList<Fluxdesk::ResourceType> &types);
    // One page of one type (items carry apiVersion and kind filled in from the list).
    // compact: the objects as the Inventory keeps them, encoded off the UI thread.
    void objectsLoaded(const Fluxdesk::ResourceType &type, const QList<QJsonObject> &objects,
                       const QList<Fluxdesk::CompactObject> &compact);
    void typeFinished(const Fluxdesk::ResourceType &type, Fluxdesk::TypeState state,
                      const QString &message);
    void progress(int typesDone, int typesTotal);
    void finished(bool ok, const QString &message);

private:
    struct Run;
    using Handler = std::function<void(QNetworkReply *, const QByteArray &)>;
    Run *current(quint64 generation) const;
    void enqueue(quint64 generation, const QString &path, Handler handler, bool urgent = false,
                 qint64 maxBodyBytes = -1);
    void pump(quint64 generation);
    void discoveredDocument(quint64 generation, int slot, const QString &groupVersion,
                            QNetworkReply *reply, const QByteArray &body, bool core);
    void discoveryStepDone(quint64 generation);
    void requestPage(quint64 generation, int index, const QString &continueToken);
    void pageArrived(quint64 generation, int index, QNetworkReply *reply, const QByteArray &body);
    void pageParsed(quint64 generation, int index, const Result<Discovery::ListPage> &page);
    void finishType(quint64 generation, int index, TypeState state, const QString &message);
    void complete(quint64 generation);
    void fail(const QString &message);
    void endRun();

    Options m_options;
    quint64 m_generation = 0;
    bool m_running = false;
    std::unique_ptr<Run> m_run;
    JobRunner m_parser; // the current run's pages being parsed
};

} // namespace Fluxdesk
