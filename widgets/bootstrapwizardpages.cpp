#include "bootstrapwizardpages.h"

#include "bootstrapwizard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QStandardItemModel>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Fluxdesk {

namespace {

// "2.6.4", "v2.6.4", "2.7.0-rc.1": a release of Flux as its tags name them.
const QRegularExpression &versionPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("^v?\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.]+)?$"));
    return pattern;
}

QLabel *wrapped(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

} // namespace

BootstrapComponentsPage::BootstrapComponentsPage(const BootstrapWizardContext &context,
                                                 QWidget *parent)
    : QWizardPage(parent)
{
    setTitle(tr("Flux to install"));
    setSubTitle(tr("Flux's controllers go into %1, and clusters/%2/flux-system/ into %3, as "
                   "flux bootstrap git lays it out.")
                    .arg(context.clusterDisplay, context.cluster, context.repository));

    m_version = new QLineEdit(context.defaultFluxVersion, this);
    m_version->setObjectName(QStringLiteral("fluxVersionEdit"));
    m_version->setPlaceholderText(tr("e.g. 2.6.4"));
    m_version->setValidator(new QRegularExpressionValidator(versionPattern(), m_version));
    m_version->setToolTip(tr("A release of Flux, as github.com/fluxcd/flux2/releases lists it"));

    m_source = new QComboBox(this);
    m_source->setObjectName(QStringLiteral("componentsSourceCombo"));
    m_source->addItem(tr("Download the release's install.yaml (checksum-verified)"),
                      int(BootstrapOptions::Components::Download));
    m_source->addItem(context.fluxCliFound ? tr("Ask the flux CLI on PATH (flux install --export)")
                                           : tr("Ask the flux CLI (none found on PATH)"),
                      int(BootstrapOptions::Components::FluxCli));
    m_source->addItem(tr("A components file…"), int(BootstrapOptions::Components::File));
    if (!context.fluxCliFound) {
        // A disabled entry: seen, so the user knows the choice exists, but not chosen.
        if (auto *items = qobject_cast<QStandardItemModel *>(m_source->model()))
            items->item(1)->setEnabled(false);
    } else {
        m_source->setCurrentIndex(1);
    }

    m_file = new QLineEdit(this);
    m_file->setObjectName(QStringLiteral("componentsFileEdit"));
    m_file->setPlaceholderText(tr("gotk-components.yaml or install.yaml of a Flux release"));
    m_browse = new QPushButton(tr("&Browse…"), this);
    m_browse->setObjectName(QStringLiteral("componentsFileButton"));
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_browse);

    m_operator = new QCheckBox(tr("Use the &Flux Operator: a FluxInstance instead of the "
                                  "components (the operator must run in the cluster)"),
                               this);
    m_operator->setObjectName(QStringLiteral("operatorCheck"));

    m_hint = wrapped(QString(), this);
    m_hint->setObjectName(QStringLiteral("componentsHint"));
    QLabel *insecure = nullptr;
    if (context.insecureConnection) {
        insecure = wrapped(tr("The kubeconfig turns TLS verification off for this cluster: "
                              "Fluxdesk cannot tell it is talking to the real API server, and "
                              "the repository's credentials go to it."),
                           this);
        insecure->setObjectName(QStringLiteral("insecureWarning"));
    }

    auto *form = new QFormLayout;
    form->addRow(tr("Flux &version:"), m_version);
    form->addRow(tr("&Components from:"), m_source);
    form->addRow(tr("File:"), fileRow);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_operator);
    layout->addWidget(m_hint);
    if (insecure)
        layout->addWidget(insecure);
    layout->addStretch(1);

    connect(m_version, &QLineEdit::textChanged, this, &BootstrapComponentsPage::updateFields);
    connect(m_file, &QLineEdit::textChanged, this, &BootstrapComponentsPage::updateFields);
    connect(m_source, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &BootstrapComponentsPage::updateFields);
    connect(m_operator, &QCheckBox::toggled, this, &BootstrapComponentsPage::updateFields);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Flux Components Manifest"), QFileInfo(m_file->text()).absolutePath(),
            tr("YAML files (*.yaml *.yml);;All files (*)"));
        if (!path.isEmpty())
            m_file->setText(path);
    });
    updateFields();
}

BootstrapOptions::Components BootstrapComponentsPage::source() const
{
    return BootstrapOptions::Components(m_source->currentData().toInt());
}

QString BootstrapComponentsPage::version() const
{
    QString text = m_version->text().trimmed();
    if (text.startsWith(QLatin1Char('v')))
        text.remove(0, 1);
    return text;
}

bool BootstrapComponentsPage::usesOperator() const
{
    return m_operator->isChecked();
}

void BootstrapComponentsPage::updateFields()
{
    const bool fromFile = !usesOperator() && source() == BootstrapOptions::Components::File;
    m_source->setEnabled(!usesOperator());
    m_file->setEnabled(fromFile);
    m_browse->setEnabled(fromFile);
    if (usesOperator()) {
        m_hint->setText(tr("The FluxInstance asks the operator for this version of Flux (empty: "
                           "the newest 2.x) and points it at the repository."));
    } else if (fromFile) {
        m_hint->setText(tr("The file is checked as a Flux components manifest before anything "
                           "is written. The version may stay empty: the file's own is used."));
    } else if (source() == BootstrapOptions::Components::Download) {
        m_hint->setText(tr("The release's install.yaml is downloaded from GitHub and compared "
                           "with the release's published checksums."));
    } else {
        m_hint->setText(tr("The flux CLI exports the components of this version."));
    }
    emit completeChanged();
}

bool BootstrapComponentsPage::isComplete() const
{
    const QString typed = m_version->text().trimmed();
    const bool versionOk = versionPattern().match(typed).hasMatch();
    if (usesOperator())
        return typed.isEmpty() || versionOk;
    if (source() == BootstrapOptions::Components::File)
        return QFileInfo(m_file->text().trimmed()).isFile() && (typed.isEmpty() || versionOk);
    return versionOk;
}

void BootstrapComponentsPage::fill(BootstrapOptions *options) const
{
    options->useOperator = usesOperator();
    options->components = source();
    options->fluxVersion = version();
    options->componentsFile = options->components == BootstrapOptions::Components::File
                                  ? QFileInfo(m_file->text().trimmed()).absoluteFilePath()
                                  : QString();
    if (options->useOperator && !options->fluxVersion.isEmpty())
        options->operatorDistribution = options->fluxVersion;
}

BootstrapPreflightPage::BootstrapPreflightPage(QWidget *parent) : QWizardPage(parent)
{
    setTitle(tr("Pre-flight"));
    setSubTitle(tr("What flux check --pre checks, and whether the repository is committed, "
                   "pushed and reachable."));
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("preflightTree"));
    m_tree->setHeaderLabels({tr("Check"), tr("Verdict"), tr("Found")});
    m_tree->setRootIsDecorated(false);
    m_tree->setWordWrap(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    // The selected line in full: what was found and what to do (the tree cuts long lines).
    m_detail = wrapped(QString(), this);
    m_detail->setObjectName(QStringLiteral("preflightDetail"));
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status = wrapped(QString(), this);
    m_status->setObjectName(QStringLiteral("preflightStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_recheck = new QPushButton(tr("Check &Again"), this);
    m_recheck->setObjectName(QStringLiteral("recheckButton"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_status, 1);
    row->addWidget(m_recheck, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_detail);
    layout->addLayout(row);
    connect(m_recheck, &QPushButton::clicked, this, &BootstrapPreflightPage::recheckRequested);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &BootstrapPreflightPage::showDetail);
}

void BootstrapPreflightPage::initializePage()
{
    emit recheckRequested();
}

void BootstrapPreflightPage::started()
{
    m_running = true;
    m_done = false;
    m_blocked = false;
    m_tree->clear();
    m_detail->clear();
    m_status->setText(tr("Checking…"));
    m_recheck->setEnabled(false);
    emit completeChanged();
}

void BootstrapPreflightPage::show(const PreflightCheck &check)
{
    QTreeWidgetItem *item = nullptr;
    for (int i = 0; i < m_tree->topLevelItemCount() && !item; ++i) {
        if (m_tree->topLevelItem(i)->data(0, Qt::UserRole).toInt() == int(check.id))
            item = m_tree->topLevelItem(i);
    }
    if (!item) {
        item = new QTreeWidgetItem(m_tree);
        item->setData(0, Qt::UserRole, int(check.id));
    }
    QStyle::StandardPixmap icon = QStyle::SP_DialogApplyButton;
    switch (check.verdict) {
    case PreflightCheck::Verdict::Pass:
        break;
    case PreflightCheck::Verdict::Warning:
        icon = QStyle::SP_MessageBoxWarning;
        break;
    case PreflightCheck::Verdict::Fail:
        icon = QStyle::SP_MessageBoxCritical;
        break;
    case PreflightCheck::Verdict::CouldNotCheck:
        icon = QStyle::SP_MessageBoxQuestion;
        break;
    }
    item->setIcon(0, style()->standardIcon(icon));
    item->setText(0, check.title);
    item->setText(1, PreflightCheck::verdictText(check.verdict));
    const QString found =
        check.action.isEmpty() ? check.found : tr("%1. %2").arg(check.found, check.action);
    item->setText(2, found);
    item->setToolTip(2, found);
    item->setData(2, Qt::UserRole, check.blocks());
}

void BootstrapPreflightPage::showDetail()
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    m_detail->setText(item ? tr("%1: %2").arg(item->text(0), item->text(2)) : QString());
}

void BootstrapPreflightPage::checkDone(const PreflightCheck &check)
{
    show(check);
}

void BootstrapPreflightPage::finished(const QList<PreflightCheck> &checks)
{
    m_tree->clear();
    int blocking = 0;
    int warnings = 0;
    for (const PreflightCheck &check : checks) {
        show(check);
        if (check.blocks())
            ++blocking;
        else if (check.verdict == PreflightCheck::Verdict::Warning)
            ++warnings;
    }
    // The first line that stops the bootstrap, else the first warning, is shown in full.
    QTreeWidgetItem *first = nullptr;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        if (item->data(2, Qt::UserRole).toBool()) {
            first = item;
            break;
        }
        if (!first && checks.at(i).verdict == PreflightCheck::Verdict::Warning)
            first = item;
    }
    m_tree->setCurrentItem(first);
    showDetail();
    m_running = false;
    m_done = true;
    m_blocked = blocking > 0;
    m_recheck->setEnabled(true);
    if (blocking > 0)
        m_status->setText(tr("%1 of %2 checks stop the bootstrap: do what they say, then Check "
                             "Again.")
                              .arg(blocking)
                              .arg(checks.size()));
    else if (warnings > 0)
        m_status->setText(
            tr("Nothing stops the bootstrap; read the %1 warnings first.").arg(warnings));
    else
        m_status->setText(tr("Every check passed."));
    emit completeChanged();
}

bool BootstrapPreflightPage::isComplete() const
{
    return m_done && !m_running && !m_blocked;
}

BootstrapAccessPage::BootstrapAccessPage(QWidget *parent) : QWizardPage(parent)
{
    setTitle(tr("Flux's access to the repository"));
    setSubTitle(tr("Flux reads the repository with these credentials, kept in the cluster as "
                   "the flux-system Secret. Keys and tokens are never written to the "
                   "repository or to a log."));

    m_deployKey = new QRadioButton(tr("An SSH &deploy key made here (read-only)"), this);
    m_deployKey->setObjectName(QStringLiteral("deployKeyRadio"));
    m_deployKey->setChecked(true);
    m_keyType = new QComboBox(this);
    m_keyType->setObjectName(QStringLiteral("keyTypeCombo"));
    m_keyType->addItem(tr("ECDSA P-384 (as flux bootstrap makes it)"),
                       int(DeployKeyType::EcdsaP384));
    m_keyType->addItem(tr("Ed25519"), int(DeployKeyType::Ed25519));
    m_hostApi = new QComboBox(this);
    m_hostApi->setObjectName(QStringLiteral("hostApiCombo"));
    m_hostApi->addItem(tr("Show it to add by hand"), -1);
    m_hostApi->addItem(tr("Add it through GitHub's API"), int(GitHostKind::GitHub));
    m_hostApi->addItem(tr("Add it through Gitea's or Forgejo's API"), int(GitHostKind::Gitea));
    m_hostToken = new QLineEdit(this);
    m_hostToken->setObjectName(QStringLiteral("hostTokenEdit"));
    m_hostToken->setEchoMode(QLineEdit::Password);
    m_hostToken->setPlaceholderText(tr("a token allowed to add deploy keys"));

    m_https = new QRadioButton(tr("&HTTPS with a token"), this);
    m_https->setObjectName(QStringLiteral("httpsRadio"));
    m_httpsUser = new QLineEdit(QStringLiteral("git"), this);
    m_httpsUser->setObjectName(QStringLiteral("httpsUserEdit"));
    m_httpsToken = new QLineEdit(this);
    m_httpsToken->setObjectName(QStringLiteral("httpsTokenEdit"));
    m_httpsToken->setEchoMode(QLineEdit::Password);
    m_httpsToken->setPlaceholderText(tr("a token that may read the repository"));

    m_existing = new QRadioButton(tr("The flux-system Secret is in the cluster &already"), this);
    m_existing->setObjectName(QStringLiteral("existingSecretRadio"));

    m_syncUrl = new QLineEdit(this);
    m_syncUrl->setObjectName(QStringLiteral("syncUrlEdit"));
    m_syncUrl->setPlaceholderText(tr("the checkout's remote, as Flux must reach it"));
    m_syncUrl->setToolTip(tr("Set it when the cluster reaches the Git host by another address "
                             "than this computer"));

    m_sopsAge = new QCheckBox(this);
    m_sopsAge->setObjectName(QStringLiteral("sopsAgeCheck"));
    m_sopsAge->setToolTip(tr("The Secret flux-system/sops-age, holding your private age key: "
                             "Flux decrypts the repository's encrypted Secrets with it. Anyone who "
                             "can read Secrets in flux-system can then read them too."));
    m_sopsAge->hide();

    auto *keyForm = new QFormLayout;
    keyForm->setContentsMargins(24, 0, 0, 0);
    keyForm->addRow(tr("Key type:"), m_keyType);
    keyForm->addRow(tr("Deploy key:"), m_hostApi);
    keyForm->addRow(tr("Host token:"), m_hostToken);
    auto *httpsForm = new QFormLayout;
    httpsForm->setContentsMargins(24, 0, 0, 0);
    httpsForm->addRow(tr("User name:"), m_httpsUser);
    httpsForm->addRow(tr("Token:"), m_httpsToken);
    auto *urlForm = new QFormLayout;
    urlForm->addRow(tr("Flux reads &from:"), m_syncUrl);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_deployKey);
    layout->addLayout(keyForm);
    layout->addWidget(m_https);
    layout->addLayout(httpsForm);
    layout->addWidget(m_existing);
    layout->addSpacing(8);
    layout->addLayout(urlForm);
    layout->addWidget(m_sopsAge);
    layout->addStretch(1);

    for (QRadioButton *radio : {m_deployKey, m_https, m_existing})
        connect(radio, &QRadioButton::toggled, this, &BootstrapAccessPage::updateFields);
    connect(m_hostApi, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &BootstrapAccessPage::updateFields);
    for (QLineEdit *edit : {m_hostToken, m_httpsToken, m_httpsUser})
        connect(edit, &QLineEdit::textChanged, this, &BootstrapAccessPage::completeChanged);
    updateFields();
}

void BootstrapAccessPage::updateFields()
{
    const bool key = m_deployKey->isChecked();
    m_keyType->setEnabled(key);
    m_hostApi->setEnabled(key);
    m_hostToken->setEnabled(key && m_hostApi->currentData().toInt() >= 0);
    m_httpsUser->setEnabled(m_https->isChecked());
    m_httpsToken->setEnabled(m_https->isChecked());
    emit completeChanged();
}

bool BootstrapAccessPage::isComplete() const
{
    if (m_https->isChecked())
        return !m_httpsUser->text().trimmed().isEmpty() && !m_httpsToken->text().isEmpty();
    if (m_deployKey->isChecked() && m_hostApi->currentData().toInt() >= 0)
        return !m_hostToken->text().isEmpty();
    return true;
}

void BootstrapAccessPage::setSopsKey(const QStringList &recipients, bool checked)
{
    m_sopsRecipients = recipients;
    m_sopsAge->setText(tr("Give Flux your &age key to decrypt the encrypted Secrets (%1)")
                           .arg(recipients.join(QLatin1String(", "))));
    m_sopsAge->setChecked(checked);
    m_sopsAge->setVisible(!recipients.isEmpty());
}

void BootstrapAccessPage::fill(BootstrapOptions *options) const
{
    options->syncUrl = m_syncUrl->text().trimmed();
    options->giveSopsAgeKey = !m_sopsRecipients.isEmpty() && m_sopsAge->isChecked();
    if (m_https->isChecked()) {
        options->credentials = BootstrapOptions::Credentials::HttpsToken;
        options->httpsUsername = m_httpsUser->text().trimmed();
        options->httpsToken = m_httpsToken->text();
    } else if (m_existing->isChecked()) {
        options->credentials = BootstrapOptions::Credentials::Existing;
    } else {
        options->credentials = BootstrapOptions::Credentials::SshDeployKey;
        options->keyType = DeployKeyType(m_keyType->currentData().toInt());
        const int api = m_hostApi->currentData().toInt();
        if (api >= 0) {
            options->hostApi = GitHostKind(api);
            options->hostToken = m_hostToken->text();
        }
    }
}

} // namespace Fluxdesk
