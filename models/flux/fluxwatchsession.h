#pragma once

#include "kube/resourcetype.h"
#include "kube/resourcewatch.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

namespace Fluxdesk {

class FluxLiveState;
class KubeClient;

// Keeps a FluxLiveState current from the cluster: one ResourceWatch per Flux kind the cluster
// serves (in the version FluxKinds::servedType picks from discovery), each list replacing that
// kind's objects and each event applied as it comes. Kinds the cluster does not serve (Flux or its
// Operator not installed) are not watched and listed in notServed(). Lives on the thread of the
// client; the watches never block it.
class FluxWatchSession : public QObject
{
    Q_OBJECT
public:
    FluxWatchSession(KubeClient *client, FluxLiveState *state, QObject *parent = nullptr);
    ~FluxWatchSession() override;

    // Starts (or restarts) the watches for the kinds discovered serves. Options apply to each.
    void start(const QList<ResourceType> &discovered, const ResourceWatch::Options &options = {});
    void stop();
    bool isWatching() const { return !m_watches.isEmpty(); }
    // FluxKind::key() of the kinds watched and of those the cluster does not serve.
    QStringList watched() const { return m_watches.keys(); }
    QStringList notServed() const { return m_notServed; }
    // One line for a status bar: "Watching 6 Flux kinds", "Reconnecting: kustomizations in 4 s".
    QString summary() const;

Q_SIGNALS:
    void summaryChanged(const QString &summary);
    // Every kind has been listed once: the live state is complete.
    void synced();

private:
    void watchStateChanged(const QString &kindKey, ResourceWatch::State state,
                           const QString &message);

    QPointer<KubeClient> m_client;
    QPointer<FluxLiveState> m_state;
    QHash<QString, ResourceWatch *> m_watches; // FluxKind::key()
    QHash<QString, QString> m_problems;        // kind -> what its watch says while not Watching
    QSet<QString> m_listed;
    QStringList m_notServed;
};

} // namespace Fluxdesk
