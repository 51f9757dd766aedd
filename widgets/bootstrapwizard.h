#pragma once

#include "flux/bootstrapoptions.h"
#include "flux/preflight.h"

#include <QList>
#include <QString>
#include <QWizard>

namespace Fluxdesk {

class BootstrapAccessPage;
class BootstrapComponentsPage;
class BootstrapPreflightPage;
class BootstrapRunPage;

// What the wizard is told about the place it bootstraps.
struct BootstrapWizardContext
{
    QString repository;              // the checkout, absolute
    QString cluster;                 // the plan's cluster name: clusters/<cluster>/flux-system
    QString clusterDisplay;          // the connection as the window names it
    bool fluxCliFound = false;       // a `flux` on PATH
    QString defaultFluxVersion;      // "2.6.4": remembered from the last bootstrap, else a default
    bool insecureConnection = false; // the kubeconfig turns TLS verification off
    // The user's age keys that open the repository's encrypted Secrets (Sops::clusterKeys):
    // the Access page offers to give them to Flux, checked when the plan encrypts Secrets.
    QStringList sopsRecipients;
    bool encryptSecrets = false;
};

// Bootstrap Flux from the window, the roadmap's step 7, in four pages:
//   1. Components: the Flux version, where its components manifest comes from (Flux's release
//      download, checksum-verified; a flux CLI on PATH; a file), or the Flux Operator's
//      FluxInstance instead;
//   2. Pre-flight: every check of `flux check --pre` and the repository's, each with its verdict
//      and what to do; Next only when nothing blocks;
//   3. Access: how Flux reads the repository (an SSH deploy key made here, added through the Git
//      host's API with a token or shown to add by hand; HTTPS with a token; a Secret already
//      there) and the URL it reads it from;
//   4. Bootstrap: each step with its state, the progress of the running one, the deploy key to
//      copy, Cancel at any time, and at the end what was done or what failed with what is left in
//      the cluster.
// The wizard only asks and shows: BootstrapController runs the pre-flight and the bootstrap and
// feeds their signals back. Cancel (or Escape) while the bootstrap runs stops it
// (cancelRequested) and keeps the wizard open to show what is in the cluster then.
//
// Widgets, by objectName: fluxVersionEdit, componentsSourceCombo, componentsFileEdit,
// componentsFileButton, operatorCheck, componentsHint, insecureWarning; preflightTree,
// preflightDetail, preflightStatus, recheckButton; deployKeyRadio, keyTypeCombo, hostApiCombo,
// hostTokenEdit, httpsRadio, httpsUserEdit, httpsTokenEdit, existingSecretRadio, syncUrlEdit;
// stepTree, stepProgress, runStatus, deployKeyBox, deployKeyText, copyKeyButton, deployKeyLink,
// resultLabel, runAgainButton, changeSettingsButton; takeoverReportButton (the wizard's
// custom button, shown after a success).
class BootstrapWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId
    {
        ComponentsPageId,
        PreflightPageId,
        AccessPageId,
        RunPageId,
    };

    explicit BootstrapWizard(const BootstrapWizardContext &context, QWidget *parent = nullptr);
    ~BootstrapWizard() override;

    const BootstrapWizardContext &context() const { return m_context; }
    // What the pages say, for the controller to complete (repository, cluster, git settings and
    // the baseline are its to add).
    BootstrapOptions options() const;
    // "v2.6.4": the version the pre-flight checks the cluster against.
    QString preflightVersion() const;

    // The pre-flight, as the controller runs it.
    void preflightStarted();
    void preflightCheckDone(const PreflightCheck &check);
    void preflightFinished(const QList<PreflightCheck> &checks);

    // The bootstrap, as BootstrapSession reports it (step: int(BootstrapSession::Step)).
    void stepStarted(int step, const QString &title);
    void progress(qint64 done, qint64 total, const QString &what);
    void deployKeyReady(const QString &publicKey, const QString &fingerprint, const QUrl &page);
    void bootstrapFinished(const BootstrapResult &result);
    bool isRunning() const { return m_running; }

    // The steps the run page lists, in order (BootstrapSession::stepTitle of each).
    void setStepTitles(const QStringList &titles);

public slots:
    void reject() override;

signals:
    void preflightRequested();
    void bootstrapRequested(const Fluxdesk::BootstrapOptions &options);
    void cancelRequested();
    // After a bootstrap that succeeded: the user wants the takeover report.
    void takeoverReportRequested();

private:
    BootstrapWizardContext m_context;
    BootstrapComponentsPage *m_components;
    BootstrapPreflightPage *m_preflight;
    BootstrapAccessPage *m_access;
    BootstrapRunPage *m_run;
    bool m_running = false;
};

} // namespace Fluxdesk
