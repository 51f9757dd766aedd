#pragma once

// Bootstrap from Fluxdesk, the roadmap's step 7, as `flux bootstrap git` does it and without the
// flux CLI: the checkout's remote read, the components manifest fetched, the flux-system files
// (or a FluxInstance) and the takeover baseline written and committed, the commit pushed, the
// credentials Flux reads the repository with made (an SSH deploy key, or a token), then Flux
// applied to the cluster and waited for. One step after the other, each cancellable, asynchronous
// on the caller's thread (git on a job thread), the server's and git's own words on failure.

#include "core/jobrunner.h"
#include "flux/bootstrapoptions.h"
#include "kube/connectionsettings.h"

#include <QObject>
#include <QUrl>

#include <memory>
#include <optional>

namespace Fluxdesk {

class ComponentsSource;
class GitSecretStore;

class BootstrapSession : public QObject
{
    Q_OBJECT
public:
    enum class Step
    {
        ReadRepository,
        Components,
        WriteFiles,
        CommitAndPush,
        Credentials,
        Apply,
    };
    Q_ENUM(Step)

    explicit BootstrapSession(const ConnectionSettings &cluster, QObject *parent = nullptr);
    ~BootstrapSession() override;

    // Used for the push (credentials kept in the system keychain); not owned.
    void setSecretStore(GitSecretStore *store) { m_store = store; }

    void start(const BootstrapOptions &options);
    // Stops the current step; finished() follows with cancelled and what was done.
    void cancel();
    bool isRunning() const { return m_running; }

    static QString stepTitle(Step step);

Q_SIGNALS:
    void stepStarted(Fluxdesk::BootstrapSession::Step step, const QString &title);
    // Within a step: bytes of a download, objects of the apply.
    void progress(qint64 done, qint64 total, const QString &what);
    // SSH without the host's API: the public key to add to the repository's deploy keys. The
    // bootstrap goes on; Flux's source gets Ready once the key is there.
    void deployKeyReady(const QString &publicKey, const QString &fingerprint, const QUrl &page);
    void finished(const Fluxdesk::BootstrapResult &result);

private:
    void readRepository();
    void fetchComponents();
    void writeFiles(const QByteArray &components);
    void commitAndPush();
    void makeCredentials();
    void applyToCluster();
    void begin(Step step);
    void fail(const QString &error);
    void finish();

    ConnectionSettings m_cluster;
    GitSecretStore *m_store = nullptr;
    BootstrapOptions m_options;
    BootstrapResult m_result;
    Step m_step = Step::ReadRepository;
    bool m_running = false;
    quint64 m_generation = 0;
    QString m_branch;
    QString m_remoteUrl;
    QString m_syncUrl;
    QByteArray m_components;
    std::optional<QJsonObject> m_secret;
    std::unique_ptr<ComponentsSource> m_source;
    std::unique_ptr<GitHostApi> m_hostApi;
    std::unique_ptr<BootstrapApply> m_apply;
    std::shared_ptr<std::atomic_bool> m_gitCancel;
    JobRunner m_jobs;
};

} // namespace Fluxdesk
