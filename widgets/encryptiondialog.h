#pragma once

#include "secrets/encryptionstatus.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QPushButton;

namespace Fluxdesk {

// Repository > Encrypt Secrets (SOPS)…: the user's age key (made here, with the plain warning to
// back it up), the repository's set-up for encrypted Secrets (.sops.yaml, .gitignore, the Flux
// Kustomizations' decryption), whether the plan writes Secrets encrypted, and the sops-age Secret
// in the cluster that lets Flux decrypt. It shows what the controller tells it and asks for the
// work through its signals; it does none itself.
class EncryptionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit EncryptionDialog(QWidget *parent = nullptr);

    void setStatus(const Sops::EncryptionStatus &status);
    // A key was just made: its public key, where the private key is, and the backup advice.
    void showNewKey(const QString &recipient, const QString &keyFile, const QString &advice);
    // Whether the plan writes included Secrets encrypted.
    void setEncryptPlan(bool on);
    bool encryptPlan() const;
    // Why the key cannot be put into the cluster now ("" when it can).
    void setClusterUnavailable(const QString &reason);
    // Work in progress (buttons off) or done; message shown either way ("" hides it).
    void setBusy(bool busy, const QString &message = {});
    void showResult(bool ok, const QString &message);

    QString statusText() const; // everything the dialog says, for tests and screen readers

signals:
    void createKeyRequested();
    void setUpRequested();
    void applyKeyRequested();
    void encryptPlanChanged(bool on);

private:
    void updateButtons();
    static QString clusterText();

    Sops::EncryptionStatus m_status;
    QLabel *m_keyText;
    QLabel *m_backup;
    QPushButton *m_createKey;
    QPushButton *m_copyKey;
    QLabel *m_repoText;
    QPushButton *m_setUp;
    QCheckBox *m_encryptPlan;
    QLabel *m_clusterText;
    QPushButton *m_applyKey;
    QLabel *m_result;
    QString m_clusterReason;
    QString m_newRecipient;
    bool m_busy = false;
};

} // namespace Fluxdesk
