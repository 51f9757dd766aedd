#include "clustersession.h"

#include "kube/snapshot.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTimer>

#include <utility>

namespace Fluxdesk {

namespace {

// What an offline load reads: the objects, and their types.
struct OfflineObjects
{
    QList<QJsonObject> objects;
    QList<ResourceType> types;
};

// Reads the kubeconfig files and resolves the context (files, exec plugins: may block).
Result<ConnectionSettings> resolveConnection(const QStringList &files, const QString &contextName)
{
    const Result<Kubeconfig> config = Kubeconfig::load(files);
    if (!config)
        return config.error();
    const QString name = contextName.isEmpty() ? config->currentContext() : contextName;
    if (name.isEmpty())
        return Error(QCoreApplication::translate(
            "Fluxdesk::ClusterSession",
            "The kubeconfig sets no current-context; choose a context"));
    return resolveContext(config.value(), name);
}

Result<OfflineObjects> loadOfflineObjects(const ClusterSource &source)
{
    OfflineObjects result;
    if (source.kind == ClusterSource::Kind::Snapshot) {
        Result<QList<QJsonObject>> objects = loadSnapshot(source.snapshotPath);
        if (!objects)
            return objects.error();
        result.objects = std::move(objects).value();
    } else {
        result.objects = demoClusterObjects();
    }
    result.types = typesOfObjects(result.objects);
    return result;
}

// Objects added per event-loop turn, so a big snapshot does not freeze the window.
constexpr int OfflineChunkSize = 500;

} // namespace

QString ClusterSource::displayName() const
{
    switch (kind) {
    case Kind::Kubeconfig:
        return context.isEmpty()
                   ? QCoreApplication::translate("Fluxdesk::ClusterSource",
                                                 "current context (kubeconfig)")
                   : QCoreApplication::translate("Fluxdesk::ClusterSource", "%1 (kubeconfig)")
                         .arg(context);
    case Kind::Snapshot:
        return QFileInfo(snapshotPath).fileName().isEmpty() ? snapshotPath
                                                            : QFileInfo(snapshotPath).fileName();
    case Kind::Demo:
        break;
    }
    return QCoreApplication::translate("Fluxdesk::ClusterSource", "Demo cluster");
}

ClusterSession::ClusterSession(QObject *parent) : QObject(parent)
{
    // The loader's signals count only while its run belongs to the current connect.
    auto live = [this]() { return m_busy && m_jobs.isCurrent(m_loaderOwner); };
    connect(&m_loader, &InventoryLoader::discovered, this,
            [this, live](const QList<ResourceType> &types) {
                if (!live())
                    return;
                m_inventory.setTypes(types);
                emit typesDiscovered(types);
            });
    connect(&m_loader, &InventoryLoader::objectsLoaded, this,
            [this, live](const ResourceType &, const QList<QJsonObject> &objects,
                         const QList<CompactObject> &compact) {
                if (!live())
                    return;
                const QList<ObjectKey> keys = m_inventory.addObjects(objects, compact);
                emit objectsAdded(keys);
            });
    connect(&m_loader, &InventoryLoader::typeFinished, this,
            [this, live](const ResourceType &type, TypeState state, const QString &message) {
                if (!live())
                    return;
                m_inventory.setTypeState(type, state, message);
                emit typeFinished(type, state, message);
            });
    connect(&m_loader, &InventoryLoader::progress, this, [this, live](int done, int total) {
        if (live())
            emit progress(done, total);
    });
    connect(&m_loader, &InventoryLoader::finished, this,
            [this, live](bool ok, const QString &message) {
                if (!live())
                    return;
                // A rejected or expired exec credential must not be reused by the next connect.
                if (!ok)
                    clearExecCredentialCache();
                finish(ok, message);
            });
}

ClusterSession::~ClusterSession()
{
    m_jobs.cancel();
    disconnect(&m_loader, nullptr, this, nullptr);
    m_loader.cancel();
}

void ClusterSession::setLoaderOptions(const InventoryLoader::Options &options)
{
    m_loader.setOptions(options);
}

void ClusterSession::connectTo(const ClusterSource &source)
{
    m_jobs.cancel();   // a superseded connect's jobs, chunks and loader run are dropped
    m_loader.cancel(); // its finished() belongs to the superseded generation: dropped
    m_source = source;
    m_settings = ConnectionSettings();
    m_inventory.clear();
    m_busy = true;
    emit started();

    if (source.kind != ClusterSource::Kind::Kubeconfig)
        return loadOffline();

    // Reading files and running exec plugins may block: keep it off this thread.
    const QStringList files = source.kubeconfigFiles;
    const QString contextName = source.context;
    m_jobs.start(
        [files, contextName](const JobContext &) { return resolveConnection(files, contextName); },
        [this](Result<ConnectionSettings> settings) {
            if (!settings)
                return finish(false, settings.error().toString());
            const quint64 generation = m_jobs.generation();
            m_settings = std::move(settings).value();
            emit connectionResolved(m_settings.warnings);
            startLoader(generation, m_settings);
        });
}

void ClusterSession::cancel()
{
    if (!m_busy)
        return;
    m_jobs.cancel();
    m_loader.cancel(); // dropped: the generation moved on
    finish(false, tr("Cancelled"));
}

void ClusterSession::startLoader(quint64 generation, const ConnectionSettings &settings)
{
    if (!m_jobs.isCurrent(generation))
        return; // a slot connected to connectionResolved() started over or cancelled
    m_loaderOwner = generation;
    m_loader.start(settings);
}

void ClusterSession::loadOffline()
{
    const ClusterSource source = m_source;
    m_jobs.start([source](const JobContext &) { return loadOfflineObjects(source); },
                 [this](Result<OfflineObjects> loaded) {
                     if (!loaded)
                         return finish(false, loaded.error().toString());
                     const quint64 generation = m_jobs.generation();
                     m_inventory.setTypes(loaded->types);
                     emit typesDiscovered(loaded->types);
                     if (!m_jobs.isCurrent(generation))
                         return;
                     emit progress(0, int(loaded->types.size()));
                     addOfflineChunk(generation, loaded->objects, 0, loaded->types);
                 });
}

void ClusterSession::addOfflineChunk(quint64 generation, const QList<QJsonObject> &objects,
                                     int from, const QList<ResourceType> &types)
{
    // The chunks run on this thread; a newer connect or a cancel supersedes them like the jobs.
    if (!m_jobs.isCurrent(generation))
        return;
    const int to = qMin(int(objects.size()), from + OfflineChunkSize);
    if (to > from) {
        const QList<ObjectKey> keys = m_inventory.addObjects(objects.mid(from, to - from));
        emit objectsAdded(keys);
        if (!m_jobs.isCurrent(generation))
            return;
    }
    if (to < objects.size()) {
        QTimer::singleShot(0, this, [this, generation, objects, to, types]() {
            addOfflineChunk(generation, objects, to, types);
        });
        return;
    }
    for (const ResourceType &type : types) {
        m_inventory.setTypeState(type, TypeState::Loaded);
        emit typeFinished(type, TypeState::Loaded, QString());
        if (!m_jobs.isCurrent(generation))
            return;
    }
    emit progress(int(types.size()), int(types.size()));
    finish(true, tr("Loaded %1 objects from %2")
                     .arg(QString::number(objects.size()), m_source.displayName()));
}

void ClusterSession::finish(bool ok, const QString &message)
{
    m_busy = false;
    emit finished(ok, message);
}

} // namespace Fluxdesk
