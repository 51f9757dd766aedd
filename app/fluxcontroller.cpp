#include "fluxcontroller.h"

#include "flux/fluxactionrunner.h"
#include "flux/fluxeventsfetch.h"
#include "flux/fluxkinds.h"
#include "flux/fluxlivestate.h"
#include "flux/fluxwatchsession.h"
#include "fluxdetailview.h"
#include "fluxpanel.h"
#include "items/fluxstatusmodel.h"
#include "kube/clustersession.h"
#include "kube/kubeclient.h"

#include <QAction>
#include <QTimer>

#include <iterator>

namespace Fluxdesk {

namespace {

// A status that keeps changing (a HelmRelease upgrading) refetches its events at most this often.
constexpr int EventsRefetchDelayMs = 400;

} // namespace

FluxController::FluxController(ClusterSession *session, FluxPanel *panel, QObject *parent)
    : QObject(parent), m_session(session), m_panel(panel), m_state(new FluxLiveState(this)),
      m_model(new FluxStatusModel(this)), m_eventsTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("fluxController"));
    m_model->setLiveState(m_state);
    m_panel->setModel(m_model);
    m_eventsTimer->setSingleShot(true);
    m_eventsTimer->setInterval(EventsRefetchDelayMs);
    connect(m_eventsTimer, &QTimer::timeout, this, &FluxController::fetchEvents);

    struct Spec
    {
        const char *name;
        QString text;
        QKeySequence shortcut;
        QString tip;
    };
    const QList<Spec> specs = {
        {"fluxReconcileAction", tr("&Reconcile"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
         tr("Ask Flux to reconcile the selected object now (reconcile.fluxcd.io/requestedAt)")},
        {"fluxReconcileWithSourceAction", tr("Reconcile with &Source"),
         QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_R),
         tr("Fetch the object's source first, wait until it is Ready, then reconcile the object "
            "(like flux reconcile --with-source)")},
        {"fluxSuspendAction", tr("S&uspend"), QKeySequence(),
         tr("Stop Flux from reconciling the selected object (spec.suspend: true)")},
        {"fluxResumeAction", tr("Res&ume"), QKeySequence(),
         tr("Let Flux reconcile the selected object again")},
        {"fluxForceAction", tr("&Force Upgrade"), QKeySequence(),
         tr("Make helm-controller install or upgrade the release once, even without a change "
            "(reconcile.fluxcd.io/forceAt)")},
        {"fluxResetAction", tr("Reset &Failure Counts"), QKeySequence(),
         tr("Clear the HelmRelease's failure counts so helm-controller retries "
            "(reconcile.fluxcd.io/resetAt)")},
        {"fluxCancelAction", tr("&Cancel Flux Action"), QKeySequence(),
         tr("Stop waiting for the running action (what was already sent stays sent)")},
    };
    for (int i = 0; i < specs.size(); ++i) {
        auto *action = new QAction(specs.at(i).text, this);
        action->setObjectName(QLatin1String(specs.at(i).name));
        action->setShortcut(specs.at(i).shortcut);
        action->setStatusTip(specs.at(i).tip);
        action->setProperty("fluxdeskTip", specs.at(i).tip);
        action->setEnabled(false);
        m_actions.append(action);
    }
    const FluxAction order[] = {FluxAction::Reconcile, FluxAction::ReconcileWithSource,
                                FluxAction::Suspend,   FluxAction::Resume,
                                FluxAction::Force,     FluxAction::Reset};
    for (int i = 0; i < int(std::size(order)); ++i) {
        const FluxAction a = order[i];
        connect(m_actions.at(i), &QAction::triggered, this, [this, a] { run(a); });
    }
    connect(m_actions.at(Cancel), &QAction::triggered, this, [this] {
        if (!m_runner || !m_runner->isRunning())
            return;
        m_runner->cancel();
        const QString message = tr("%1 cancelled; the requests already sent stay sent")
                                    .arg(FluxActions::actionText(m_running));
        m_panel->setActionStatus(message);
        emit statusMessage(message, 8000);
        updateActions();
    });
    // Ctrl+Shift+R opens a repository elsewhere in the window; in the Flux panel it reconciles.
    m_actions.at(Reconcile)->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_panel->setActions(menuActions());
    m_panel->claimShortcut(m_actions.at(Reconcile));

    connect(m_state, &FluxLiveState::changed, this, &FluxController::onStateChanged);
    connect(m_panel, &FluxPanel::currentChanged, this, &FluxController::onCurrentChanged);
    connect(m_session, &ClusterSession::started, this, &FluxController::onStarted);
    connect(m_session, &ClusterSession::typesDiscovered, this, &FluxController::onTypesDiscovered);
    connect(m_session, &ClusterSession::finished, this,
            [this](bool ok, const QString &) { onFinished(ok); });
    m_panel->setNotice(tr("Connect to a cluster to see its Flux objects."));
    updateActions();
}

FluxController::~FluxController()
{
    teardown();
}

QList<QAction *> FluxController::menuActions() const
{
    return {m_actions.at(Reconcile),
            m_actions.at(ReconcileWithSource),
            nullptr,
            m_actions.at(Suspend),
            m_actions.at(Resume),
            nullptr,
            m_actions.at(Force),
            m_actions.at(Reset),
            nullptr,
            m_actions.at(Cancel)};
}

void FluxController::setPollInterval(int milliseconds)
{
    m_pollMs = milliseconds;
    if (m_runner)
        m_runner->setPollInterval(milliseconds);
}

void FluxController::teardown()
{
    m_eventsTimer->stop();
    // Objects of the old connection go with it: nothing they still deliver reaches the view.
    delete m_events;
    m_events = nullptr;
    delete m_runner;
    m_runner = nullptr;
    delete m_watch;
    m_watch = nullptr;
    delete m_client;
    m_client = nullptr;
    m_types.clear();
}

void FluxController::setWatching(bool watching)
{
    if (m_watching == watching)
        return;
    m_watching = watching;
    emit watchingChanged(watching);
}

void FluxController::onStarted()
{
    teardown();
    setWatching(false);
    m_state->clear();
    m_panel->setSummary(QString());
    m_panel->setActionStatus(QString());
    m_panel->setNotice(tr("Connecting to %1…").arg(m_session->source().displayName()));
    updateDetail();
    updateActions();
}

void FluxController::onTypesDiscovered(const QList<ResourceType> &types)
{
    if (m_session->source().kind != ClusterSource::Kind::Kubeconfig || m_client)
        return;
    m_types = types;
    m_client = new KubeClient(m_session->connection(), this);
    m_watch = new FluxWatchSession(m_client, m_state, this);
    connect(m_watch, &FluxWatchSession::summaryChanged, m_panel, &FluxPanel::setSummary);
    connect(m_watch, &FluxWatchSession::synced, this, [this] {
        setWatching(m_watch->isWatching());
        emit statusMessage(tr("Flux: %n object(s) watched live", nullptr, m_state->count()), 5000);
    });
    m_runner = new FluxActionRunner(m_client, this);
    m_runner->setServedTypes(types);
    m_runner->setPollInterval(m_pollMs);
    m_runner->setLookup([this](const FluxRef &ref) { return m_state->object(ref); });
    connect(m_runner, &FluxActionRunner::progress, this, [this](const QString &message) {
        m_panel->setActionStatus(message);
        emit statusMessage(message, 0);
    });
    connect(m_runner, &FluxActionRunner::finished, this, &FluxController::onActionFinished);
    m_events = new FluxEventsFetch(m_client, this);
    connect(m_events, &FluxEventsFetch::fetched, this,
            [this](const FluxRef &ref, const QList<FluxEvent> &events) {
                if (ref == m_current)
                    m_panel->detailView()->setEvents(events);
            });
    connect(m_events, &FluxEventsFetch::failed, this,
            [this](const FluxRef &ref, const QString &message) {
                if (ref == m_current)
                    m_panel->detailView()->setEventsNote(
                        tr("The events could not be read: %1").arg(message));
            });
    m_watch->start(types);
    m_panel->setSummary(m_watch->summary());
    m_panel->setNotice(m_watch->isWatching()
                           ? QString()
                           : tr("Flux is not installed in this cluster: none of its kinds is "
                                "served. Bootstrap Flux to see its objects here."));
    fetchEvents();
    updateActions();
}

void FluxController::onFinished(bool ok)
{
    if (m_session->source().kind == ClusterSource::Kind::Kubeconfig) {
        if (!m_client)
            m_panel->setNotice(ok ? tr("The cluster's API types were not discovered; Flux "
                                       "objects cannot be watched.")
                                  : tr("Not connected: Flux status needs a live cluster."));
        return;
    }
    showInventoryObjects();
}

void FluxController::showInventoryObjects()
{
    for (const FluxKind &kind : FluxKinds::all()) {
        QList<QJsonObject> objects;
        for (const InventoryEntry *entry :
             m_session->inventory().entriesOfKind(kind.group, kind.kind))
            objects.append(entry->object.toObject());
        if (!objects.isEmpty())
            m_state->replaceAll(kind.key(), objects);
    }
    m_panel->setNotice(
        m_state->count() > 0
            ? tr("Flux status needs a live cluster: these Flux objects are shown as %1 holds "
                 "them, read-only.")
                  .arg(m_session->source().displayName())
            : tr("Flux status needs a live cluster: %1 holds no Flux objects.")
                  .arg(m_session->source().displayName()));
    m_panel->setSummary(
        tr("Not watching: %1 is no live cluster").arg(m_session->source().displayName()));
    updateActions();
}

void FluxController::onStateChanged(const QList<FluxRef> &, const QList<FluxRef> &updated,
                                    const QList<FluxRef> &removed)
{
    if (!m_current.isValid())
        return;
    if (updated.contains(m_current)) {
        updateDetail();
        updateActions();
        // Its status moved on: so did its events, most likely.
        if (m_events)
            m_eventsTimer->start();
    } else if (removed.contains(m_current)) {
        updateDetail();
        updateActions();
    }
}

void FluxController::onCurrentChanged(const FluxRef &ref)
{
    m_current = ref;
    m_eventsTimer->stop();
    updateDetail();
    fetchEvents();
    updateActions();
}

void FluxController::updateDetail()
{
    FluxDetailView *view = m_panel->detailView();
    const FluxObjectStatus *status = m_current.isValid() ? m_state->status(m_current) : nullptr;
    if (!status) {
        view->clearObject(m_current.isValid()
                              ? tr("%1 %2/%3 is gone from the cluster.")
                                    .arg(m_current.kind, m_current.ns, m_current.name)
                              : QString());
        return;
    }
    const bool first = !view->shownRef() || !(*view->shownRef() == m_current);
    view->setObject(*status, m_state->dependencies(m_current), m_state->dependents(m_current),
                    m_state->inDependencyCycle(m_current));
    if (first && !m_events)
        view->setEventsNote(tr("Events need a live cluster."));
    else if (first)
        view->setEventsNote(tr("Reading events…"));
}

void FluxController::fetchEvents()
{
    if (!m_events)
        return;
    const std::optional<QJsonObject> object =
        m_current.isValid() ? m_state->object(m_current) : std::nullopt;
    if (!object) {
        m_events->cancel();
        return;
    }
    m_events->fetch(*object);
}

void FluxController::updateActions()
{
    const FluxObjectStatus *status =
        m_current.isValid() && m_client ? m_state->status(m_current) : nullptr;
    const bool running = m_runner && m_runner->isRunning();
    QString servedHelmRelease;
    if (m_runner) {
        if (const FluxKind *hr = FluxKinds::find(QStringLiteral("helm.toolkit.fluxcd.io"),
                                                 QStringLiteral("HelmRelease")))
            servedHelmRelease = m_runner->servedVersion(*hr);
    }
    const FluxAction order[] = {FluxAction::Reconcile, FluxAction::ReconcileWithSource,
                                FluxAction::Suspend,   FluxAction::Resume,
                                FluxAction::Force,     FluxAction::Reset};
    for (int i = 0; i < int(std::size(order)); ++i) {
        QAction *action = m_actions.at(i);
        QString reason;
        if (!m_client)
            reason = tr("Flux actions need a live cluster");
        else if (!status)
            reason = tr("Select a Flux object first");
        else if (running)
            reason = tr("Another Flux action is running; wait for it or cancel it");
        else if (order[i] == FluxAction::Suspend && status->suspended)
            reason = tr("%1 is already suspended").arg(status->name);
        else if (order[i] == FluxAction::Resume && !status->suspended)
            reason = tr("%1 is not suspended").arg(status->name);
        else if (const auto refused = FluxActions::refusal(order[i], *status, servedHelmRelease))
            reason = *refused;
        action->setEnabled(reason.isEmpty());
        action->setToolTip(reason.isEmpty() ? action->property("fluxdeskTip").toString() : reason);
    }
    m_actions.at(Cancel)->setEnabled(running);
}

void FluxController::run(FluxAction action)
{
    if (!m_runner || !m_current.isValid())
        return;
    const std::optional<QJsonObject> object = m_state->object(m_current);
    if (!object)
        return;
    m_running = action;
    m_panel->setActionStatus(
        tr("%1: %2 %3/%4…")
            .arg(FluxActions::actionText(action), m_current.kind, m_current.ns, m_current.name));
    m_runner->start(action, *object);
    updateActions();
}

void FluxController::onActionFinished(bool ok, const QString &message)
{
    m_panel->setActionStatus(message, !ok);
    emit statusMessage(message, ok ? 8000 : 0);
    updateActions();
}

} // namespace Fluxdesk
