#pragma once

#include "secrets/encryptionstatus.h"

#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace Fluxdesk {

class BootstrapApply;
class ClusterSession;
class EncryptionDialog;
class JobRunner;
class PlanSession;

// Repository > Encrypt Secrets (SOPS)…: the window's twin of `fluxdesk-cli secrets keygen` and
// `secrets setup`, plus the sops-age Secret in the cluster. Reads where the user stands off the
// UI thread (keys, .sops.yaml, the Secret files), makes a key, sets the repository up, turns the
// plan's encryption on or off, and applies the sops-age Secret with server-side apply (a field
// manager of its own, so nothing Flux's bootstrap applied is touched).
class SecretsController : public QObject
{
    Q_OBJECT
public:
    SecretsController(QWidget *window, ClusterSession *cluster, PlanSession *plan);
    ~SecretsController() override;

    QAction *action() const { return m_action; }
    // The Problems list's fix for a Secret planned as plain text: the plan writes Secrets
    // encrypted from now on, and the dialog opens when a key or the set-up is still missing.
    QAction *encryptFixAction() const { return m_encryptFix; }
    // The dialog while it is open (tests), else null.
    EncryptionDialog *dialog() const;
    const Sops::EncryptionStatus &status() const { return m_status; }

public slots:
    void openDialog();
    void encryptPlainSecrets();

signals:
    void statusMessage(const QString &message, int timeout);
    void openRepositoryRequested();
    // A read of the status, a key, a set-up or an apply ended (tests wait for it).
    void done();

private:
    void refresh();
    void createKey();
    void setUp();
    void applyKey();
    void setEncryptPlan(bool on);
    void finishWork(bool ok, const QString &message);
    QString clusterUnavailableReason() const;

    QWidget *m_window;
    ClusterSession *m_cluster;
    PlanSession *m_plan;
    QAction *m_action;
    QAction *m_encryptFix;
    QPointer<EncryptionDialog> m_dialog;
    JobRunner *m_jobs;
    BootstrapApply *m_apply = nullptr;
    Sops::EncryptionStatus m_status;
};

} // namespace Fluxdesk
