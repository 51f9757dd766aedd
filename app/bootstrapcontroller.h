#pragma once

#include "flux/bootstrapoptions.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QAction;
class QWidget;

namespace Fluxdesk {

class BootstrapSession;
class BootstrapWizard;
class ClusterSession;
class GitSecretStore;
class JobRunner;
class PlanSession;
class Preflight;

// Flux > Bootstrap Flux… (and the migration checklist's Bootstrap button): the window's twin of
// `fluxdesk-cli flux bootstrap`. Opens the BootstrapWizard for the live cluster and the open
// checkout, runs the Preflight when the wizard asks (the version of a components file read off
// the UI thread first), and on Bootstrap records the takeover baseline from the loaded inventory
// and the plan (off the UI thread), then runs a BootstrapSession and feeds its steps, progress,
// deploy key and result back to the wizard. Once Flux runs, the cluster is loaded again so the
// Flux view finds Flux's kinds and watches them.
class BootstrapController : public QObject
{
    Q_OBJECT
public:
    BootstrapController(QWidget *window, ClusterSession *cluster, PlanSession *plan);
    ~BootstrapController() override;

    QAction *bootstrapAction() const { return m_action; }
    // The wizard while it is open (tests), else null.
    BootstrapWizard *wizard() const;
    bool isRunning() const;

    // For tests: the release download's base URL (empty: Flux's GitHub releases).
    void setReleaseBaseUrl(const QUrl &url) { m_releaseBaseUrl = url; }

public slots:
    void openWizard();

signals:
    void statusMessage(const QString &message, int timeout);
    void error(const QString &title, const QString &details);
    void openRepositoryRequested();
    void takeoverReportRequested();
    // The bootstrap ended (tests wait for it).
    void bootstrapFinished(const Fluxdesk::BootstrapResult &result);

private:
    void updateAction();
    void runPreflight();
    void startPreflight(const QString &version);
    void startBootstrap(const BootstrapOptions &options);
    void onFinished(const BootstrapResult &result);
    QString unavailableReason() const;

    QWidget *m_window;
    ClusterSession *m_cluster;
    PlanSession *m_plan;
    QAction *m_action;
    QPointer<BootstrapWizard> m_wizard;
    Preflight *m_preflight = nullptr;
    BootstrapSession *m_session = nullptr;
    JobRunner *m_jobs; // the components file's version, the baseline
    // The push reads credentials the user let the system keychain remember; it stores none.
    std::unique_ptr<GitSecretStore> m_keychain;
    std::unique_ptr<GitSecretStore> m_readOnly;
    QUrl m_releaseBaseUrl;
};

} // namespace Fluxdesk
