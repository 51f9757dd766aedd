#pragma once

#include "flux/fluxactions.h"
#include "flux/fluxevents.h"
#include "flux/fluxobjectstatus.h"
#include "kube/resourcetype.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

class QAction;
class QMenu;
class QTimer;

namespace Fluxdesk {

class ClusterSession;
class FluxActionRunner;
class FluxEventsFetch;
class FluxLiveState;
class FluxPanel;
class FluxStatusModel;
class FluxWatchSession;
class KubeClient;

// The Flux view in the window: while a live cluster is connected, a FluxWatchSession keeps a
// FluxLiveState current (started once the connection's discovery is known, stopped when the
// connection ends or another starts) and FluxStatusModel shows it in the FluxPanel; the selected
// object's details follow its status and its Events are fetched when it is selected and again
// when its status changes (a superseded fetch dropped). The actions (Reconcile, with source,
// Suspend, Resume, Force, Reset, Cancel) run on FluxActionRunner, asynchronous, enabled only
// where they apply, a refusal's reason as their tooltip. The demo cluster or a snapshot shows
// the Flux objects it holds, read-only.
class FluxController : public QObject
{
    Q_OBJECT
public:
    FluxController(ClusterSession *session, FluxPanel *panel, QObject *parent = nullptr);
    ~FluxController() override;

    enum ActionId
    {
        Reconcile,
        ReconcileWithSource,
        Suspend,
        Resume,
        Force,
        Reset,
        Cancel,
        ActionCount
    };
    QAction *action(ActionId id) const { return m_actions.at(id); }
    // The actions in menu order, nullptr where a separator goes.
    QList<QAction *> menuActions() const;

    FluxLiveState *liveState() const { return m_state; }
    FluxStatusModel *model() const { return m_model; }
    FluxWatchSession *watchSession() const { return m_watch; }
    FluxActionRunner *runner() const { return m_runner; }
    bool isLive() const { return m_client != nullptr; }
    // The watches listed every Flux kind the cluster serves: what the live state lacks is not in
    // the cluster. False again when a new connection starts.
    bool isWatching() const { return m_watching; }
    // Tests: how often a source of "with source" is polled, and the watches' back-off.
    void setPollInterval(int milliseconds);

signals:
    void statusMessage(const QString &message, int timeout);
    void watchingChanged(bool watching);

private:
    void onStarted();
    void onTypesDiscovered(const QList<ResourceType> &types);
    void onFinished(bool ok);
    void teardown();
    void setWatching(bool watching);
    void showInventoryObjects();
    void onStateChanged(const QList<FluxRef> &added, const QList<FluxRef> &updated,
                        const QList<FluxRef> &removed);
    void onCurrentChanged(const FluxRef &ref);
    void updateDetail();
    void fetchEvents();
    void updateActions();
    void run(FluxAction action);
    void onActionFinished(bool ok, const QString &message);

    ClusterSession *m_session;
    FluxPanel *m_panel;
    FluxLiveState *m_state;
    FluxStatusModel *m_model;
    KubeClient *m_client = nullptr;
    FluxWatchSession *m_watch = nullptr;
    FluxActionRunner *m_runner = nullptr;
    FluxEventsFetch *m_events = nullptr;
    QTimer *m_eventsTimer;
    QList<QAction *> m_actions;
    QList<ResourceType> m_types;
    FluxRef m_current;
    FluxAction m_running = FluxAction::Reconcile;
    int m_pollMs = 2000;
    bool m_watching = false;
};

} // namespace Fluxdesk
