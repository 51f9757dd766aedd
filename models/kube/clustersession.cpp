#include "clustersession.h"

#include "kube/snapshot.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <QTimer>

#include <memory>

namespace Fluxdesk {

namespace {

// Results carried out of QtConcurrent::run (Qt 5 needs default-constructible result types).
struct ResolvedConnection
{
    ConnectionSettings settings;
    Error error;
    bool ok = false;
};

struct OfflineObjects
{
    QList<QJsonObject> objects;
    QList<ResourceType> types;
    Error error;
    bool ok = false;
};

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
    auto live = [this]() { return m_busy && m_loaderOwner == m_generation; };
    connect(&m_loader, &InventoryLoader::discovered, this,
            [this, live](const QList<ResourceType> &types) {
                if (!live())
                    return;
                m_inventory.setTypes(types);
                emit typesDiscovered(types);
            });
    connect(&m_loader, &InventoryLoader::objectsLoaded, this,
            [this, live](const ResourceType &, const QList<QJsonObject> &objects) {
                if (!live())
                    return;
                const QList<ObjectKey> keys = m_inventory.addObjects(objects);
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
    ++m_generation;
    disconnect(&m_loader, nullptr, this, nullptr);
    m_loader.cancel();
}

void ClusterSession::setLoaderOptions(const InventoryLoader::Options &options)
{
    m_loader.setOptions(options);
}

void ClusterSession::connectTo(const ClusterSource &source)
{
    const quint64 generation = ++m_generation;
    m_loader.cancel(); // its finished() belongs to the superseded generation: dropped
    m_source = source;
    m_settings = ConnectionSettings();
    m_inventory.clear();
    m_busy = true;
    emit started();

    if (source.kind != ClusterSource::Kind::Kubeconfig)
        return loadOffline(generation);

    // Reading files and running exec plugins may block: keep it off this thread.
    const QStringList files = source.kubeconfigFiles;
    const QString contextName = source.context;
    auto *watcher = new QFutureWatcher<ResolvedConnection>(this);
    connect(watcher, &QFutureWatcher<ResolvedConnection>::finished, this,
            [this, watcher, generation]() {
                watcher->deleteLater();
                if (generation != m_generation)
                    return;
                const ResolvedConnection resolved = watcher->result();
                if (!resolved.ok)
                    return finish(false, resolved.error.toString());
                m_settings = resolved.settings;
                emit connectionResolved(m_settings.warnings);
                if (generation == m_generation)
                    startLoader(generation, m_settings);
            });
    watcher->setFuture(QtConcurrent::run([files, contextName]() {
        ResolvedConnection result;
        const Result<Kubeconfig> config = Kubeconfig::load(files);
        if (!config) {
            result.error = config.error();
            return result;
        }
        const QString name = contextName.isEmpty() ? config->currentContext() : contextName;
        if (name.isEmpty()) {
            result.error = Error(QCoreApplication::translate(
                "Fluxdesk::ClusterSession",
                "The kubeconfig sets no current-context; choose a context"));
            return result;
        }
        Result<ConnectionSettings> settings = resolveContext(config.value(), name);
        if (!settings) {
            result.error = settings.error();
            return result;
        }
        result.settings = std::move(settings).value();
        result.ok = true;
        return result;
    }));
}

void ClusterSession::cancel()
{
    if (!m_busy)
        return;
    ++m_generation;
    m_loader.cancel(); // dropped: the generation moved on
    finish(false, tr("Cancelled"));
}

void ClusterSession::startLoader(quint64 generation, const ConnectionSettings &settings)
{
    m_loaderOwner = generation;
    m_loader.start(settings);
}

void ClusterSession::loadOffline(quint64 generation)
{
    const ClusterSource source = m_source;
    auto *watcher = new QFutureWatcher<OfflineObjects>(this);
    connect(watcher, &QFutureWatcher<OfflineObjects>::finished, this,
            [this, watcher, generation]() {
                watcher->deleteLater();
                if (generation != m_generation)
                    return;
                const OfflineObjects loaded = watcher->result();
                if (!loaded.ok)
                    return finish(false, loaded.error.toString());
                m_inventory.setTypes(loaded.types);
                emit typesDiscovered(loaded.types);
                emit progress(0, int(loaded.types.size()));
                if (generation == m_generation)
                    addOfflineChunk(generation, loaded.objects, 0, loaded.types);
            });
    watcher->setFuture(QtConcurrent::run([source]() {
        OfflineObjects result;
        if (source.kind == ClusterSource::Kind::Snapshot) {
            Result<QList<QJsonObject>> objects = loadSnapshot(source.snapshotPath);
            if (!objects) {
                result.error = objects.error();
                return result;
            }
            result.objects = std::move(objects).value();
        } else {
            result.objects = demoClusterObjects();
        }
        result.types = typesOfObjects(result.objects);
        result.ok = true;
        return result;
    }));
}

void ClusterSession::addOfflineChunk(quint64 generation, const QList<QJsonObject> &objects,
                                     int from, const QList<ResourceType> &types)
{
    if (generation != m_generation)
        return;
    const int to = qMin(int(objects.size()), from + OfflineChunkSize);
    if (to > from) {
        const QList<ObjectKey> keys = m_inventory.addObjects(objects.mid(from, to - from));
        emit objectsAdded(keys);
        if (generation != m_generation)
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
        if (generation != m_generation)
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
