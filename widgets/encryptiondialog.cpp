#include "encryptiondialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Fluxdesk {

namespace {

QLabel *wrappingLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QString listed(const QStringList &items, int most = 5)
{
    QStringList shown = items.mid(0, most);
    if (items.size() > most)
        shown.append(EncryptionDialog::tr("and %1 more").arg(items.size() - most));
    return shown.join(QLatin1String(", "));
}

QString home(const QString &path)
{
    const QString h = QDir::homePath();
    return path.startsWith(h + QLatin1Char('/')) ? QLatin1Char('~') + path.mid(h.size()) : path;
}

} // namespace

EncryptionDialog::EncryptionDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("encryptionDialog"));
    setWindowTitle(tr("Encrypt Secrets (SOPS)"));

    auto *keyBox = new QGroupBox(tr("Your age key"), this);
    m_keyText = wrappingLabel(QStringLiteral("keyText"), keyBox);
    m_backup = wrappingLabel(QStringLiteral("backupAdvice"), keyBox);
    m_backup->setStyleSheet(QStringLiteral("QLabel { font-weight: bold; }"));
    m_backup->hide();
    m_createKey = new QPushButton(tr("Create &Key"), keyBox);
    m_createKey->setObjectName(QStringLiteral("createKeyButton"));
    m_createKey->setToolTip(tr("Make a new age key pair, as age-keygen does, and keep the "
                               "private key where sops looks for it"));
    m_copyKey = new QPushButton(tr("&Copy Public Key"), keyBox);
    m_copyKey->setObjectName(QStringLiteral("copyPublicKeyButton"));
    auto *keyButtons = new QHBoxLayout;
    keyButtons->addWidget(m_createKey);
    keyButtons->addWidget(m_copyKey);
    keyButtons->addStretch(1);
    auto *keyLayout = new QVBoxLayout(keyBox);
    keyLayout->addWidget(m_keyText);
    keyLayout->addWidget(m_backup);
    keyLayout->addLayout(keyButtons);

    auto *repoBox = new QGroupBox(tr("This repository"), this);
    m_repoText = wrappingLabel(QStringLiteral("repositoryText"), repoBox);
    m_setUp = new QPushButton(tr("&Set Up Repository"), repoBox);
    m_setUp->setObjectName(QStringLiteral("setUpRepositoryButton"));
    m_setUp->setToolTip(tr("Write .sops.yaml (Secret files encrypted to your key), keep key "
                           "files out of Git (.gitignore) and let the Flux Kustomizations "
                           "decrypt (spec.decryption)"));
    m_encryptPlan = new QCheckBox(tr("&Write included Secrets encrypted"), repoBox);
    m_encryptPlan->setObjectName(QStringLiteral("encryptPlanCheck"));
    m_encryptPlan->setToolTip(tr("The plan writes the Secrets you include, and the Secrets "
                                 "holding Helm credentials, as SOPS files instead of plain text"));
    auto *repoButtons = new QHBoxLayout;
    repoButtons->addWidget(m_setUp);
    repoButtons->addWidget(m_encryptPlan);
    repoButtons->addStretch(1);
    auto *repoLayout = new QVBoxLayout(repoBox);
    repoLayout->addWidget(m_repoText);
    repoLayout->addLayout(repoButtons);

    auto *clusterBox = new QGroupBox(tr("The cluster"), this);
    m_clusterText = wrappingLabel(QStringLiteral("clusterText"), clusterBox);
    m_clusterText->setText(clusterText());
    m_applyKey = new QPushButton(tr("&Put Key in Cluster"), clusterBox);
    m_applyKey->setObjectName(QStringLiteral("applyKeyButton"));
    auto *clusterButtons = new QHBoxLayout;
    clusterButtons->addWidget(m_applyKey);
    clusterButtons->addStretch(1);
    auto *clusterLayout = new QVBoxLayout(clusterBox);
    clusterLayout->addWidget(m_clusterText);
    clusterLayout->addLayout(clusterButtons);

    m_result = wrappingLabel(QStringLiteral("resultText"), this);
    m_result->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(keyBox);
    layout->addWidget(repoBox);
    layout->addWidget(clusterBox);
    layout->addWidget(m_result);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_createKey, &QPushButton::clicked, this, &EncryptionDialog::createKeyRequested);
    connect(m_setUp, &QPushButton::clicked, this, &EncryptionDialog::setUpRequested);
    connect(m_applyKey, &QPushButton::clicked, this, &EncryptionDialog::applyKeyRequested);
    connect(m_encryptPlan, &QCheckBox::toggled, this, &EncryptionDialog::encryptPlanChanged);
    connect(m_copyKey, &QPushButton::clicked, this, [this] {
        const QString key =
            m_newRecipient.isEmpty() ? m_status.recipients.value(0) : m_newRecipient;
        QApplication::clipboard()->setText(key);
        showResult(true, tr("Copied %1").arg(key));
    });
    resize(620, 520);
    updateButtons();
}

QString EncryptionDialog::clusterText()
{
    return tr("Flux decrypts with the private key kept in the Secret sops-age in flux-system. "
              "Putting it there gives the cluster your key: anyone who can read Secrets in "
              "flux-system can read your encrypted Secrets.");
}

void EncryptionDialog::setStatus(const Sops::EncryptionStatus &status)
{
    m_status = status;
    QStringList key;
    if (status.recipients.isEmpty()) {
        key << tr("No age key yet. Create one: it stays on this computer (%1) and never goes "
                  "into the repository.")
                   .arg(home(status.newKeyFile));
    } else {
        for (int n = 0; n < status.recipients.size(); ++n)
            key << tr("%1 (in %2)").arg(status.recipients.at(n), home(status.keyOrigins.value(n)));
    }
    for (const QString &error : status.keyErrors)
        key << tr("Cannot read a key: %1").arg(error);
    m_keyText->setText(key.join(QLatin1Char('\n')));

    QStringList repo;
    if (status.repository.isEmpty()) {
        repo << tr("No repository is open.");
    } else if (!status.configError.isEmpty()) {
        repo << tr(".sops.yaml cannot be read: %1").arg(status.configError);
    } else if (status.isSetUp()) {
        repo << tr("Set up: Secret files are encrypted to %1.")
                    .arg(status.ruleRecipients.join(QLatin1String(", ")));
    } else if (status.ruleRecipients.isEmpty()) {
        repo << tr("Not set up for encrypted Secrets yet.");
    } else if (!status.keyMatchesRule()) {
        repo << tr("Secret files are encrypted to %1, and none of your keys opens them.")
                    .arg(status.ruleRecipients.join(QLatin1String(", ")));
    }
    if (!status.pendingChanges.isEmpty())
        repo << tr("Set up would write: %1.").arg(listed(status.pendingChanges));
    if (!status.encryptedFiles.isEmpty())
        repo << tr("Encrypted: %1.").arg(listed(status.encryptedFiles));
    if (!status.plainSecretFiles.isEmpty())
        repo << tr("In plain text: %1.").arg(listed(status.plainSecretFiles));
    m_repoText->setText(repo.join(QLatin1Char('\n')));
    updateButtons();
}

void EncryptionDialog::showNewKey(const QString &recipient, const QString &keyFile,
                                  const QString &advice)
{
    m_newRecipient = recipient;
    m_backup->setText(advice);
    m_backup->show();
    showResult(true, tr("Created the age key %1 in %2.").arg(recipient, home(keyFile)));
}

void EncryptionDialog::setEncryptPlan(bool on)
{
    const QSignalBlocker block(m_encryptPlan);
    m_encryptPlan->setChecked(on);
}

bool EncryptionDialog::encryptPlan() const
{
    return m_encryptPlan->isChecked();
}

void EncryptionDialog::setClusterUnavailable(const QString &reason)
{
    m_clusterReason = reason;
    updateButtons();
}

void EncryptionDialog::setBusy(bool busy, const QString &message)
{
    m_busy = busy;
    if (!message.isEmpty()) {
        m_result->setText(message);
        m_result->show();
    }
    updateButtons();
}

void EncryptionDialog::showResult(bool ok, const QString &message)
{
    m_result->setText(message);
    m_result->setStyleSheet(ok ? QString() : QStringLiteral("QLabel { color: #b00020; }"));
    m_result->setVisible(!message.isEmpty());
}

QString EncryptionDialog::statusText() const
{
    QStringList parts{m_keyText->text(), m_repoText->text(), m_clusterText->text()};
    if (m_backup->isVisible())
        parts << m_backup->text();
    if (m_result->isVisible())
        parts << m_result->text();
    return parts.join(QLatin1Char('\n'));
}

void EncryptionDialog::updateButtons()
{
    const bool repo = !m_status.repository.isEmpty() && m_status.configError.isEmpty();
    m_createKey->setEnabled(!m_busy);
    m_createKey->setDefault(!m_status.hasKey());
    m_copyKey->setEnabled(m_status.hasKey() || !m_newRecipient.isEmpty());
    m_setUp->setEnabled(!m_busy && repo && m_status.hasKey() && !m_status.isSetUp());
    m_setUp->setDefault(m_status.hasKey() && !m_status.isSetUp());
    m_encryptPlan->setEnabled(!m_busy && repo);
    const bool canApply = !m_busy && m_clusterReason.isEmpty() && m_status.keyMatchesRule();
    m_applyKey->setEnabled(canApply);
    QString applyTip = m_clusterReason;
    if (applyTip.isEmpty() && !m_status.keyMatchesRule())
        applyTip = tr("Set up the repository with your key first: the cluster gets the key "
                      "that opens the repository's Secrets.");
    m_applyKey->setToolTip(
        applyTip.isEmpty() ? tr("Create or update the Secret sops-age in flux-system") : applyTip);
    // Why the button is off, where the user looks: under the explanation.
    m_clusterText->setText(applyTip.isEmpty() ? clusterText()
                                              : clusterText() + QLatin1Char('\n') + applyTip);
    m_createKey->setText(m_status.hasKey() || !m_newRecipient.isEmpty() ? tr("Create Another &Key")
                                                                        : tr("Create &Key"));
}

} // namespace Fluxdesk
