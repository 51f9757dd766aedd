#pragma once

#include "kube/connectionsettings.h"
#include "kube/inventory.h"
#include "kube/resourcetype.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace Fluxdesk {

class KubeClient;

// Loads every listable object of a cluster: discovery of /api and /apis (preferred versions,
// listable resources only, subresources skipped), then every type listed concurrently with paging
// (limit + continue). Each start() bumps a generation: replies of an older start are dropped.
// Per-type errors (403, 404, 5xx) leave the other types loading; connection-level errors (TLS,
// refused, 401 on discovery) end the load with finished(false, message).
class InventoryLoader : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int pageSize = 500;
        int maxConcurrentRequests = 12;
        int requestTimeoutMs = 30000;
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
    void objectsLoaded(const Fluxdesk::ResourceType &type, const QList<QJsonObject> &objects);
    void typeFinished(const Fluxdesk::ResourceType &type, Fluxdesk::TypeState state,
                      const QString &message);
    void progress(int typesDone, int typesTotal);
    void finished(bool ok, const QString &message);

private:
    struct Run;
    Options m_options;
    quint64 m_generation = 0;
    bool m_running = false;
    std::unique_ptr<Run> m_run;
};

} // namespace Fluxdesk
