#include "bootstraprunpage.h"

#include <QApplication>
#include <QClipboard>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Fluxdesk {

namespace {

enum StepState
{
    Pending,
    Running,
    Done,
    Failed,
    Stopped,
};

} // namespace

BootstrapRunPage::BootstrapRunPage(QWidget *parent) : QWizardPage(parent)
{
    setTitle(tr("Bootstrap"));
    setSubTitle(tr("Each step waits for the one before. Cancel stops at once and says what is "
                   "in the cluster."));

    m_steps = new QTreeWidget(this);
    m_steps->setObjectName(QStringLiteral("stepTree"));
    m_steps->setHeaderLabels({tr("Step"), tr("State")});
    m_steps->setRootIsDecorated(false);
    m_steps->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_steps->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_steps->setSelectionMode(QAbstractItemView::NoSelection);
    m_steps->setFocusPolicy(Qt::NoFocus);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("stepProgress"));
    m_progress->setVisible(false);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("runStatus"));
    m_status->setWordWrap(true);

    m_keyBox = new QGroupBox(tr("Add this deploy key to the repository (read-only)"), this);
    m_keyBox->setObjectName(QStringLiteral("deployKeyBox"));
    m_key = new QPlainTextEdit(m_keyBox);
    m_key->setObjectName(QStringLiteral("deployKeyText"));
    m_key->setReadOnly(true);
    m_key->setMaximumHeight(m_key->fontMetrics().lineSpacing() * 4);
    m_fingerprint = new QLabel(m_keyBox);
    m_fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_copy = new QPushButton(tr("&Copy Key"), m_keyBox);
    m_copy->setObjectName(QStringLiteral("copyKeyButton"));
    m_link = new QLabel(m_keyBox);
    m_link->setObjectName(QStringLiteral("deployKeyLink"));
    m_link->setOpenExternalLinks(true);
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_fingerprint, 1);
    keyRow->addWidget(m_link);
    keyRow->addWidget(m_copy);
    auto *keyLayout = new QVBoxLayout(m_keyBox);
    keyLayout->addWidget(m_key);
    keyLayout->addLayout(keyRow);
    m_keyBox->setVisible(false);

    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("resultLabel"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_again = new QPushButton(tr("Run &Again"), this);
    m_again->setObjectName(QStringLiteral("runAgainButton"));
    m_again->setVisible(false);
    m_change = new QPushButton(tr("C&hange Settings"), this);
    m_change->setObjectName(QStringLiteral("changeSettingsButton"));
    m_change->setVisible(false);
    auto *resultButtons = new QVBoxLayout;
    resultButtons->addWidget(m_again);
    resultButtons->addWidget(m_change);
    resultButtons->addStretch(1);
    auto *resultRow = new QHBoxLayout;
    resultRow->addWidget(m_result, 1);
    resultRow->addLayout(resultButtons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_steps, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_keyBox);
    layout->addLayout(resultRow);

    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_key->toPlainText());
        m_status->setText(tr("The public key is on the clipboard."));
    });
    connect(m_again, &QPushButton::clicked, this, &BootstrapRunPage::runRequested);
    connect(m_change, &QPushButton::clicked, this, &BootstrapRunPage::changeRequested);
}

void BootstrapRunPage::setStepTitles(const QStringList &titles)
{
    m_titles = titles;
    m_steps->clear();
    for (const QString &title : titles)
        new QTreeWidgetItem(m_steps, QStringList{title, QString()});
    for (int i = 0; i < titles.size(); ++i)
        markStep(i, Pending);
}

void BootstrapRunPage::initializePage()
{
    emit runRequested();
}

void BootstrapRunPage::markStep(int step, int state)
{
    QTreeWidgetItem *item = m_steps->topLevelItem(step);
    if (!item)
        return;
    item->setData(1, Qt::UserRole, state);
    QStyle::StandardPixmap icon = QStyle::SP_CustomBase;
    QString text;
    switch (StepState(state)) {
    case Pending:
        text = tr("waiting");
        break;
    case Running:
        icon = QStyle::SP_MediaPlay;
        text = tr("running");
        break;
    case Done:
        icon = QStyle::SP_DialogApplyButton;
        text = tr("done");
        break;
    case Failed:
        icon = QStyle::SP_MessageBoxCritical;
        text = tr("failed");
        break;
    case Stopped:
        icon = QStyle::SP_BrowserStop;
        text = tr("cancelled");
        break;
    }
    item->setIcon(0, icon == QStyle::SP_CustomBase ? QIcon() : style()->standardIcon(icon));
    item->setText(1, text);
}

void BootstrapRunPage::started()
{
    setStepTitles(m_titles);
    m_current = -1;
    m_ended = false;
    m_ok = false;
    m_keyBox->setVisible(false);
    m_progress->setVisible(false);
    m_result->clear();
    m_again->setVisible(false);
    m_change->setVisible(false);
    m_status->setText(tr("Starting…"));
    emit completeChanged();
}

void BootstrapRunPage::stepStarted(int step, const QString &title)
{
    for (int i = 0; i < step; ++i) {
        if (m_steps->topLevelItem(i) &&
            m_steps->topLevelItem(i)->data(1, Qt::UserRole).toInt() != Done)
            markStep(i, Done);
    }
    m_current = step;
    markStep(step, Running);
    m_progress->setVisible(false);
    m_status->setText(tr("%1…").arg(title));
}

void BootstrapRunPage::progress(qint64 done, qint64 total, const QString &what)
{
    m_progress->setVisible(true);
    if (total > 0) {
        // Bytes may pass int: the bar counts in permille.
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(qBound(qint64(0), done * 1000 / total, qint64(1000))));
    } else {
        m_progress->setRange(0, 0);
    }
    if (!what.isEmpty())
        m_status->setText(what);
}

void BootstrapRunPage::deployKeyReady(const QString &publicKey, const QString &fingerprint,
                                      const QUrl &page)
{
    m_key->setPlainText(publicKey.trimmed());
    m_fingerprint->setText(tr("Fingerprint %1").arg(fingerprint));
    m_link->setText(page.isValid() ? QStringLiteral("<a href=\"%1\">%2</a>")
                                         .arg(page.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                              tr("Open the deploy keys page"))
                                   : QString());
    m_keyBox->setVisible(true);
}

void BootstrapRunPage::stopping()
{
    m_status->setText(tr("Cancelling…"));
}

void BootstrapRunPage::finished(const BootstrapResult &result)
{
    m_ended = true;
    m_ok = result.ok;
    m_progress->setVisible(false);
    if (result.ok) {
        for (int i = 0; i < m_steps->topLevelItemCount(); ++i)
            markStep(i, Done);
    } else if (m_current >= 0) {
        markStep(m_current, result.cancelled ? Stopped : Failed);
    }
    if (result.deployKeyAdded) {
        m_keyBox->setVisible(true);
        m_key->setPlainText(result.publicKey.trimmed());
        m_fingerprint->setText(tr("Added at the host: fingerprint %1").arg(result.fingerprint));
        m_link->setText(QStringLiteral("<a href=\"%1\">%2</a>")
                            .arg(result.deployKeysPage.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                 tr("Open the deploy keys page")));
    }

    QStringList lines;
    if (!result.written.isEmpty())
        lines << tr("Written: %1").arg(result.written.join(QStringLiteral(", ")));
    if (!result.commit.isEmpty())
        lines << (result.pushed ? tr("Committed %1 and pushed.").arg(result.commit.left(7))
                                : tr("Committed %1, not pushed.").arg(result.commit.left(7)));
    if (result.ok) {
        m_status->setText(tr("Flux runs and reads the repository."));
        lines << tr("Watch it in the Flux view, then open the takeover report to check that "
                    "Flux adopted what was running.");
    } else {
        m_status->setText(result.cancelled ? tr("Cancelled: %1.").arg(result.failedStep)
                                           : tr("%1 failed.").arg(result.failedStep));
        // The apply is the last step: its account names the failure and what it left behind.
        if (!result.apply.objects.isEmpty()) {
            lines << result.apply.account();
        } else {
            if (!result.cancelled && !result.error.isEmpty())
                lines << result.error;
            lines << tr("Nothing was applied to the cluster.");
        }
    }
    m_result->setText(lines.join(QLatin1Char('\n')));
    m_again->setVisible(!result.ok);
    m_change->setVisible(!result.ok);
    emit completeChanged();
}

bool BootstrapRunPage::isComplete() const
{
    return m_ended;
}

} // namespace Fluxdesk
