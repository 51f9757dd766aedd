#pragma once

#include "core/jobrunner.h"
#include "kube/connectionsettings.h"
#include "kube/inventory.h"
#include "kube/inventoryloader.h"
#include "kube/kubeconfig.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

// Where the objects come from.
struct ClusterSource
{
    enum class Kind
    {
        Kubeconfig,
        Snapshot,
        Demo
    };
    Kind kind = Kind::Demo;
    QStringList kubeconfigFiles; // Kubeconfig: the merged files
    QString context;             // Kubeconfig: context name ("" = current-context)
    QString snapshotPath;        // Snapshot: file or folder

    QString displayName() const; // "homelab (kubeconfig)", "snapshot.yaml", "Demo cluster"
};

// One connection at a time, from start to a filled Inventory: resolves the context off the UI
// thread (files, exec plugins), runs the InventoryLoader (or reads the snapshot/demo off the UI
// thread), and fills inventory() as pages arrive. A new connect() supersedes the previous one;
// results of a superseded connect are dropped (a superseded connect gets no finished()); cancel()
// emits finished(false, "Cancelled"). Used by the window and by fluxdesk-cli.
class ClusterSession : public QObject
{
    Q_OBJECT
public:
    explicit ClusterSession(QObject *parent = nullptr);
    ~ClusterSession() override;

    void setLoaderOptions(const InventoryLoader::Options &options);
    void connectTo(const ClusterSource &source);
    void cancel();
    bool isBusy() const { return m_busy; }

    const ClusterSource &source() const { return m_source; }
    const Inventory &inventory() const { return m_inventory; }
    // Settings of the live connection (empty for snapshot/demo); warnings include TLS-off.
    const ConnectionSettings &connection() const { return m_settings; }

signals:
    void started();
    void connectionResolved(const QStringList &warnings);
    void typesDiscovered(const QList<Fluxdesk::ResourceType> &types);
    void objectsAdded(const QList<Fluxdesk::ObjectKey> &keys);
    void typeFinished(const Fluxdesk::ResourceType &type, Fluxdesk::TypeState state,
                      const QString &message);
    void progress(int done, int total);
    void finished(bool ok, const QString &message);

private:
    void loadOffline();
    void addOfflineChunk(quint64 generation, const QList<QJsonObject> &objects, int from,
                         const QList<ResourceType> &types);
    void startLoader(quint64 generation, const ConnectionSettings &settings);
    void finish(bool ok, const QString &message);

    ClusterSource m_source;
    ConnectionSettings m_settings;
    Inventory m_inventory;
    InventoryLoader m_loader;
    // The connect's background jobs (resolving, reading a snapshot); its generation is the
    // connect's: a newer connect or cancel() supersedes the jobs, the chunks and the loader run.
    JobRunner m_jobs;
    quint64 m_loaderOwner = 0; // the connect generation the loader's current run belongs to
    bool m_busy = false;
};

} // namespace Fluxdesk
