#pragma once

#include "flux/fluxactions.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkReply;

namespace Fluxdesk {

class KubeClient;

// Runs one Flux action at a time against the API server: the PATCHes FluxActions::plan() lays
// out, sent with KubeClient::send (asynchronous, so the UI thread never waits), a source of
// "with source" polled until its controller handled the request and it is Ready before what
// uses it is patched, and a reconciled object polled until its controller answered. finished() says
// what happened in the user's words: the refusal, the server's own message
// (KubeClient::replyError), or success.
class FluxActionRunner : public QObject
{
    Q_OBJECT
public:
    explicit FluxActionRunner(KubeClient *client, QObject *parent = nullptr);
    ~FluxActionRunner() override;

    // The versions the cluster serves (discovery's ResourceTypes); without them the GA versions.
    void setServedTypes(const QList<ResourceType> &discovered);
    // Where sources and HelmCharts of "with source" are looked up (the live state).
    void setLookup(FluxActions::Lookup lookup) { m_lookup = std::move(lookup); }
    void setPollInterval(int milliseconds) { m_pollMs = milliseconds; }
    // How long a source of "with source", or the reconciled object itself, may take to answer
    // (default 5 minutes, flux's timeout).
    void setSourceTimeout(int milliseconds) { m_sourceTimeoutMs = milliseconds; }
    // Whether Reconcile waits until the object's controller handled the request and reports how
    // it ended (default, as `flux reconcile` does), or ends once the server accepted the request.
    void setWaitForObject(bool wait) { m_waitForObject = wait; }
    // The clock requestedAt is taken from (tests).
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    // Starts the action. When it is refused (FluxActions::plan's reasons) nothing is sent,
    // finished(false, reason) is emitted before start() returns, and start() returns false. An
    // action already running is cancelled first.
    bool start(FluxAction action, const QJsonObject &object);
    void cancel();
    bool isRunning() const { return m_running; }
    QString servedVersion(const FluxKind &kind) const;

signals:
    // "Reconciling GitRepository flux-system/flux-system…", one per step.
    void progress(const QString &message);
    void finished(bool ok, const QString &message);

private:
    void sendNext();
    void poll();
    void finish(bool ok, const QString &message);
    bool waitsForItself() const;

    QPointer<KubeClient> m_client;
    QHash<QString, QString> m_versions; // FluxKind::key() -> served version
    FluxActions::Lookup m_lookup;
    std::function<QDateTime()> m_clock;
    int m_pollMs = 2000;
    bool m_waitForObject = true;
    int m_sourceTimeoutMs = 5 * 60 * 1000;

    FluxAction m_action = FluxAction::Reconcile;
    FluxRef m_object;
    QList<FluxPatch> m_patches;
    qsizetype m_step = 0;
    bool m_running = false;
    quint64 m_generation = 0;
    QPointer<QNetworkReply> m_reply;
    QTimer m_pollTimer;
    qint64 m_waitDeadline = 0;
};

} // namespace Fluxdesk
