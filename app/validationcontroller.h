#pragma once

#include "flux/validation.h"

#include <QObject>
#include <QSet>
#include <QString>

#include <functional>

class QAction;
class QMessageBox;
class QWidget;

namespace Fluxdesk {

class ChangesPanel;
class ClusterSession;
class ProblemModel;
class ValidationSession;

// Validation before commit in the window: Repository > Validate (Ctrl+Shift+V) runs the
// ValidationSession on the open checkout (with the API server's dry-run when a live cluster is
// connected), puts its problems in the Problems list and a summary in the status bar. Commit
// runs it first: a clean validation commits at once; a failed one asks "Commit anyway?" with the
// counts and the first problem.
class ValidationController : public QObject
{
    Q_OBJECT
public:
    ValidationController(ClusterSession *cluster, ProblemModel *problems, ChangesPanel *changes,
                         QWidget *window);
    ~ValidationController() override;

    QAction *validateAction() const { return m_validateAction; }
    QAction *cancelAction() const { return m_cancelAction; }
    ValidationSession *session() const { return m_session; }
    // The dialog asking "Commit anyway?" while it is open (tests), else null.
    QMessageBox *warning() const { return m_warning; }

    void validate();
    void cancel();
    // Validates, then runs commit when validation passed or the user says "Commit anyway".
    void validateThenCommit(std::function<void()> commit);

signals:
    void statusMessage(const QString &message, int timeout);

private:
    void start();
    void onFinished(const ValidationReport &report);
    void publish(const ValidationReport &report);
    bool askCommitAnyway(const ValidationReport &report);

    ClusterSession *m_cluster;
    ProblemModel *m_problems;
    ChangesPanel *m_changes;
    QWidget *m_window;
    ValidationSession *m_session;
    QAction *m_validateAction;
    QAction *m_cancelAction;
    QMessageBox *m_warning = nullptr;
    std::function<void()> m_pendingCommit;
    QSet<QString> m_problemFiles; // the Problems list's files this controller filled
    QString m_repository;         // what the running validation reads
};

} // namespace Fluxdesk
