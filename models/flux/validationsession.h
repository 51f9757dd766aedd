#pragma once

#include "core/jobrunner.h"
#include "flux/validation.h"
#include "kube/connectionsettings.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace Fluxdesk {

class ServerDryRun;

// Validation before commit for the window: validateRepository() off the UI thread through
// JobRunner, then, when a live cluster is connected, the API server's dry-run of what Flux would
// apply (ServerDryRun). One run at a time: start() supersedes a running one, cancel() stops it.
class ValidationSession : public QObject
{
    Q_OBJECT
public:
    explicit ValidationSession(QObject *parent = nullptr);
    ~ValidationSession() override;

    // live: the connection to dry-run against (none for the demo cluster or a snapshot).
    void start(const ValidationOptions &options,
               const std::optional<ConnectionSettings> &live = std::nullopt);
    void cancel();
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void progress(qint64 done, qint64 total, const QString &what);
    // Once per start() that was not superseded; report.canceled after cancel().
    void finished(const Fluxdesk::ValidationReport &report);

private:
    void onBuilt(ValidationReport report, const std::optional<ConnectionSettings> &live);
    void finish(const ValidationReport &report);

    JobRunner *m_runner;
    QPointer<ServerDryRun> m_dryRun;
    bool m_busy = false;
};

} // namespace Fluxdesk

Q_DECLARE_METATYPE(Fluxdesk::ValidationReport)
