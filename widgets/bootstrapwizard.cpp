#include "bootstrapwizard.h"

#include "bootstraprunpage.h"
#include "bootstrapwizardpages.h"

#include <QAbstractButton>

namespace Fluxdesk {

BootstrapWizard::BootstrapWizard(const BootstrapWizardContext &context, QWidget *parent)
    : QWizard(parent), m_context(context), m_components(new BootstrapComponentsPage(context, this)),
      m_preflight(new BootstrapPreflightPage(this)), m_access(new BootstrapAccessPage(this)),
      m_run(new BootstrapRunPage(this))
{
    setObjectName(QStringLiteral("bootstrapWizard"));
    setWindowTitle(tr("Bootstrap Flux"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::HaveCustomButton1);
    setButtonText(QWizard::CustomButton1, tr("Takeover &Report"));
    button(QWizard::CustomButton1)->setObjectName(QStringLiteral("takeoverReportButton"));
    button(QWizard::CustomButton1)->setVisible(false);
    setPage(ComponentsPageId, m_components);
    setPage(PreflightPageId, m_preflight);
    setPage(AccessPageId, m_access);
    setPage(RunPageId, m_run);
    // Past the access page there is no going back: the run starts.
    m_access->setCommitPage(true);
    m_access->setSopsKey(context.sopsRecipients, context.encryptSecrets);
    setButtonText(QWizard::CommitButton, tr("&Bootstrap"));
    resize(760, 560);

    connect(m_preflight, &BootstrapPreflightPage::recheckRequested, this,
            &BootstrapWizard::preflightRequested);
    connect(m_run, &BootstrapRunPage::runRequested, this, [this] {
        m_running = true;
        m_run->started();
        button(QWizard::CustomButton1)->setVisible(false);
        emit bootstrapRequested(options());
    });
    // The commit page allows no Back: after a failure, start over with what was chosen.
    connect(m_run, &BootstrapRunPage::changeRequested, this, &QWizard::restart);
    connect(this, &QWizard::customButtonClicked, this, [this](int which) {
        if (which == QWizard::CustomButton1)
            emit takeoverReportRequested();
    });
}

BootstrapWizard::~BootstrapWizard() = default;

BootstrapOptions BootstrapWizard::options() const
{
    BootstrapOptions options;
    options.repoDir = m_context.repository;
    options.cluster = m_context.cluster;
    m_components->fill(&options);
    m_access->fill(&options);
    return options;
}

QString BootstrapWizard::preflightVersion() const
{
    const QString version = m_components->version();
    return version.isEmpty() ? QString() : QStringLiteral("v") + version;
}

void BootstrapWizard::preflightStarted()
{
    m_preflight->started();
}

void BootstrapWizard::preflightCheckDone(const PreflightCheck &check)
{
    m_preflight->checkDone(check);
}

void BootstrapWizard::preflightFinished(const QList<PreflightCheck> &checks)
{
    m_preflight->finished(checks);
}

void BootstrapWizard::setStepTitles(const QStringList &titles)
{
    m_run->setStepTitles(titles);
}

void BootstrapWizard::stepStarted(int step, const QString &title)
{
    m_run->stepStarted(step, title);
}

void BootstrapWizard::progress(qint64 done, qint64 total, const QString &what)
{
    m_run->progress(done, total, what);
}

void BootstrapWizard::deployKeyReady(const QString &publicKey, const QString &fingerprint,
                                     const QUrl &page)
{
    m_run->deployKeyReady(publicKey, fingerprint, page);
}

void BootstrapWizard::bootstrapFinished(const BootstrapResult &result)
{
    m_running = false;
    m_run->finished(result);
    button(QWizard::CustomButton1)->setVisible(result.ok);
    button(QWizard::CancelButton)->setEnabled(true);
}

void BootstrapWizard::reject()
{
    if (m_running) {
        // Stop first and stay: what is in the cluster then is shown before the wizard closes.
        m_run->stopping();
        button(QWizard::CancelButton)->setEnabled(false);
        emit cancelRequested();
        return;
    }
    QWizard::reject();
}

} // namespace Fluxdesk
