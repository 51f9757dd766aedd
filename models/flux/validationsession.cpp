#include "flux/validationsession.h"

#include "kube/serverdryrun.h"

#include <QCoreApplication>

namespace Fluxdesk {

ValidationSession::ValidationSession(QObject *parent)
    : QObject(parent), m_runner(new JobRunner(this))
{
    connect(m_runner, &JobRunner::progress, this,
            [this](quint64, qint64 done, qint64 total, const QString &what) {
                emit progress(done, total, what);
            });
}

ValidationSession::~ValidationSession()
{
    m_runner->cancel();
}

void ValidationSession::start(const ValidationOptions &options,
                              const std::optional<ConnectionSettings> &live)
{
    if (m_dryRun) {
        m_dryRun->cancel();
        m_dryRun->deleteLater();
    }
    m_busy = true;
    m_runner->start(
        [options](const JobContext &context) { return validateRepository(options, &context); },
        [this, live](ValidationReport report) { onBuilt(std::move(report), live); });
}

void ValidationSession::onBuilt(ValidationReport report,
                                const std::optional<ConnectionSettings> &live)
{
    const QList<QJsonObject> objects = report.builtObjects();
    if (!live || report.canceled || objects.isEmpty()) {
        finish(report);
        return;
    }
    emit progress(0, objects.size(),
                  QCoreApplication::translate("Validation", "Asking the API server (dry-run)"));
    m_dryRun = new ServerDryRun(*live, this);
    connect(m_dryRun, &ServerDryRun::progress, this, [this](int done, int total) {
        emit progress(done, total,
                      QCoreApplication::translate("Validation", "Asking the API server (dry-run)"));
    });
    connect(m_dryRun, &ServerDryRun::finished, this,
            [this, report, objects](const QList<DryRunOutcome> &outcomes, const QString &error) {
                ValidationReport done = report;
                done.addDryRun(objects, outcomes, error);
                m_dryRun->deleteLater();
                finish(done);
            });
    m_dryRun->start(objects);
}

void ValidationSession::cancel()
{
    if (!m_busy)
        return;
    m_runner->cancel();
    if (m_dryRun) {
        m_dryRun->cancel();
        m_dryRun->deleteLater();
    }
    ValidationReport report;
    report.canceled = true;
    finish(report);
}

void ValidationSession::finish(const ValidationReport &report)
{
    m_busy = false;
    emit finished(report);
}

} // namespace Fluxdesk
