#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace Fluxdesk {

class KubeClient;

// One object to wait for, and what "ready" means for it.
struct ReadinessTarget
{
    enum class Kind
    {
        CrdEstablished,      // condition Established=True, then discovery serves its kind
        DeploymentAvailable, // condition Available=True, the current generation observed
        FluxReady,           // a Flux object's Ready=True for its current generation
    };
    Kind kind = Kind::FluxReady;
    QString object; // "Deployment flux-system/source-controller", as messages name it
    QString path;   // GET path of the object
    // CrdEstablished: the group/version discovery path and the kind it must list.
    QString discoveryPath;
    QString servedKind;
};

// Why target is not ready in object (its conditions' words), or nullopt when it is. Pure.
std::optional<QString> notReadyReason(const ReadinessTarget &target, const QJsonObject &object);

// Waits until every target is ready, or the time is up. An interface, so polling may give way
// to watches without the apply noticing. Asynchronous; finished() comes once per wait() (never
// from inside it, never after cancel()).
class ReadinessWaiter : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void wait(const QList<ReadinessTarget> &targets, int timeoutMs) = 0;
    virtual void cancel() = 0;

signals:
    // ready of total are ready; waitingFor names the first one still waited for.
    void progress(int ready, int total, const QString &waitingFor);
    // ok: all ready. Otherwise message says which are not ready and why (their conditions' words,
    // or the server's on an error), and timedOut whether the time ran out.
    void finished(bool ok, bool timedOut, const QString &message);
};

// Polls each target not yet ready with a GET every interval (one request per target at a time).
// A 404 is "not there yet"; any other error is kept as the reason, and the waiting goes on until
// the timeout (a restarting API server is not a failure of the wait).
class PollingReadinessWaiter : public ReadinessWaiter
{
    Q_OBJECT
public:
    PollingReadinessWaiter(KubeClient *client, int intervalMs, QObject *parent = nullptr);
    ~PollingReadinessWaiter() override;

    void wait(const QList<ReadinessTarget> &targets, int timeoutMs) override;
    void cancel() override;

private:
    void poll();
    void answered();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Fluxdesk
