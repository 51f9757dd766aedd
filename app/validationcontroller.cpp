#include "validationcontroller.h"

#include "changespanel.h"
#include "flux/validationsession.h"
#include "items/problemmodel.h"
#include "kube/clustersession.h"

#include <QAction>
#include <QDir>
#include <QHash>
#include <QMessageBox>
#include <QPushButton>

#include <algorithm>

namespace Fluxdesk {

namespace {

QString validationOrigin()
{
    return QStringLiteral("validate");
}

// The Problems list's key for problems that belong to no file (the tool missing, a dry-run that
// did not run).
QString noFileKey()
{
    return QStringLiteral("validation:");
}

} // namespace

ValidationController::ValidationController(ClusterSession *cluster, ProblemModel *problems,
                                           ChangesPanel *changes, QWidget *window)
    : QObject(window), m_cluster(cluster), m_problems(problems), m_changes(changes),
      m_window(window), m_session(new ValidationSession(this))
{
    setObjectName(QStringLiteral("validationController"));
    m_validateAction = new QAction(tr("&Validate"), this);
    m_validateAction->setObjectName(QStringLiteral("validateAction"));
    m_validateAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    m_validateAction->setToolTip(
        tr("Build every kustomization Flux will read, check the Flux objects against Flux's "
           "schemas and lint the repository (with a connected cluster, also ask the API server "
           "for a dry-run); Commit does this first"));
    connect(m_validateAction, &QAction::triggered, this, &ValidationController::validate);
    m_cancelAction = new QAction(tr("Cancel Validation"), this);
    m_cancelAction->setObjectName(QStringLiteral("cancelValidationAction"));
    m_cancelAction->setEnabled(false);
    connect(m_cancelAction, &QAction::triggered, this, &ValidationController::cancel);

    connect(m_session, &ValidationSession::progress, this,
            [this](qint64 done, qint64 total, const QString &what) {
                emit statusMessage(tr("Validating: %1 (%2 of %3)…")
                                       .arg(what)
                                       .arg(done + 1)
                                       .arg(std::max(total, done + 1)),
                                   0);
            });
    connect(m_session, &ValidationSession::finished, this, &ValidationController::onFinished);
    m_changes->setCommitCheck(
        [this](std::function<void()> commit) { validateThenCommit(std::move(commit)); });
}

ValidationController::~ValidationController() = default;

void ValidationController::validate()
{
    m_pendingCommit = nullptr;
    start();
}

void ValidationController::validateThenCommit(std::function<void()> commit)
{
    m_pendingCommit = std::move(commit);
    start();
}

void ValidationController::start()
{
    m_repository = m_changes->repositoryPath();
    if (m_repository.isEmpty()) {
        m_pendingCommit = nullptr;
        emit statusMessage(tr("Open a repository first: Validate checks the checkout Flux reads."),
                           8000);
        return;
    }
    ValidationOptions options;
    options.repoDir = m_repository;
    options.tool = findKustomizeTool();
    std::optional<ConnectionSettings> live;
    // Only a live connection can answer a dry-run; the demo cluster and snapshots cannot.
    if (m_cluster->source().kind == ClusterSource::Kind::Kubeconfig &&
        m_cluster->connection().server.isValid())
        live = m_cluster->connection();
    m_validateAction->setEnabled(false);
    m_cancelAction->setEnabled(true);
    emit statusMessage(m_pendingCommit ? tr("Validating before the commit…") : tr("Validating…"),
                       0);
    m_session->start(options, live);
}

void ValidationController::cancel()
{
    m_session->cancel();
}

void ValidationController::onFinished(const ValidationReport &report)
{
    m_validateAction->setEnabled(true);
    m_cancelAction->setEnabled(false);
    std::function<void()> commit = std::move(m_pendingCommit);
    m_pendingCommit = nullptr;
    if (report.canceled) {
        emit statusMessage(commit ? tr("Validation cancelled: nothing was committed.")
                                  : tr("Validation cancelled."),
                           8000);
        return;
    }
    publish(report);
    const QString first = report.firstProblemText();
    emit statusMessage(report.passed()
                           ? tr("Validation passed (%1).").arg(report.countsText())
                           : tr("Validation failed: %1. First: %2").arg(report.countsText(), first),
                       0);
    if (!commit)
        return;
    if (report.passed() || askCommitAnyway(report))
        commit();
    else
        emit statusMessage(tr("Not committed: validation failed (%1). Fix the problems listed, "
                              "or commit anyway.")
                               .arg(report.countsText()),
                           0);
}

bool ValidationController::askCommitAnyway(const ValidationReport &report)
{
    QMessageBox box(QMessageBox::Warning, tr("Validation Failed"),
                    tr("Validation found %1 in what Flux will read. If you push it as it is, "
                       "Flux may fail to apply it.")
                        .arg(report.countsText()),
                    QMessageBox::NoButton, m_window);
    box.setObjectName(QStringLiteral("validationWarning"));
    box.setInformativeText(
        tr("First: %1\n\nThe Problems list shows them all.").arg(report.firstProblemText()));
    QPushButton *anyway = box.addButton(tr("Commit Anyway"), QMessageBox::AcceptRole);
    anyway->setObjectName(QStringLiteral("commitAnywayButton"));
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelCommitButton"));
    box.setDefaultButton(cancel);
    m_warning = &box;
    box.exec();
    m_warning = nullptr;
    return box.clickedButton() == anyway;
}

void ValidationController::publish(const ValidationReport &report)
{
    for (const QString &file : std::as_const(m_problemFiles))
        m_problems->clearFile(file, validationOrigin());
    m_problemFiles.clear();
    // One list per file, keyed by the file's absolute path so activating a problem opens it.
    QHash<QString, QList<Problem>> byFile;
    const QDir repo(m_repository);
    for (Problem problem : report.problems) {
        problem.origin = validationOrigin();
        const QString key = problem.file.isEmpty() ? noFileKey() : repo.filePath(problem.file);
        byFile[key].append(problem);
    }
    for (auto it = byFile.constBegin(); it != byFile.constEnd(); ++it) {
        m_problems->setProblems(it.key(), it.value(), validationOrigin());
        m_problemFiles.insert(it.key());
        if (it.key() != noFileKey()) {
            const QString relative = repo.relativeFilePath(it.key());
            m_problems->setDisplayName(it.key(), relative);
        }
    }
}

} // namespace Fluxdesk
