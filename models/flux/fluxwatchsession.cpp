#include "fluxwatchsession.h"

#include "flux/fluxkinds.h"
#include "flux/fluxlivestate.h"
#include "kube/kubeclient.h"

#include <QCoreApplication>

namespace Fluxdesk {

namespace {

// Gives lupdate and the runtime the same context for the strings below.
class WatchText
{
    Q_DECLARE_TR_FUNCTIONS(FluxWatchSession)
};

} // namespace

FluxWatchSession::FluxWatchSession(KubeClient *client, FluxLiveState *state, QObject *parent)
    : QObject(parent), m_client(client), m_state(state)
{}

FluxWatchSession::~FluxWatchSession()
{
    stop();
}

void FluxWatchSession::start(const QList<ResourceType> &discovered,
                             const ResourceWatch::Options &options)
{
    stop();
    if (!m_client || !m_state)
        return;
    for (const FluxKind &kind : FluxKinds::all()) {
        const std::optional<ResourceType> type = FluxKinds::servedType(kind, discovered);
        if (!type) {
            m_notServed.append(kind.key());
            continue;
        }
        const QString key = kind.key();
        auto *watch = new ResourceWatch(m_client, kind.collectionPath(type->version), this);
        watch->setOptions(options);
        connect(watch, &ResourceWatch::listed, this, [this, key](const QList<QJsonObject> &all) {
            if (m_state)
                m_state->replaceAll(key, all);
            m_listed.insert(key);
            if (m_listed.size() == m_watches.size())
                emit synced();
        });
        connect(watch, &ResourceWatch::events, this, [this](const QList<WatchEvent> &events) {
            if (!m_state)
                return;
            for (const WatchEvent &event : events) {
                if (event.type == WatchEvent::Type::Deleted)
                    m_state->remove(event.object);
                else
                    m_state->upsert(event.object);
            }
        });
        connect(watch, &ResourceWatch::stateChanged, this,
                [this, key](ResourceWatch::State state, const QString &message) {
                    watchStateChanged(key, state, message);
                });
        m_watches.insert(key, watch);
    }
    for (ResourceWatch *watch : std::as_const(m_watches))
        watch->start();
    emit summaryChanged(summary());
}

void FluxWatchSession::stop()
{
    for (ResourceWatch *watch : std::as_const(m_watches)) {
        watch->stop();
        watch->deleteLater();
    }
    m_watches.clear();
    m_problems.clear();
    m_listed.clear();
    m_notServed.clear();
}

void FluxWatchSession::watchStateChanged(const QString &kindKey, ResourceWatch::State state,
                                         const QString &message)
{
    const QString before = summary();
    if (state == ResourceWatch::State::Reconnecting || state == ResourceWatch::State::Failed)
        m_problems.insert(kindKey, message);
    else
        m_problems.remove(kindKey);
    const QString after = summary();
    if (after != before)
        emit summaryChanged(after);
}

QString FluxWatchSession::summary() const
{
    if (m_watches.isEmpty())
        return m_notServed.isEmpty() ? QString()
                                     : WatchText::tr("Flux is not installed in this cluster");
    if (!m_problems.isEmpty()) {
        const QString kind = m_problems.keys().constFirst();
        return WatchText::tr("%1: %2").arg(kind.section(QLatin1Char('/'), 1),
                                           m_problems.value(kind));
    }
    return WatchText::tr("Watching %1 Flux kinds").arg(m_watches.size());
}

} // namespace Fluxdesk
