#pragma once

#include "git/gitresult.h"

#include <QList>
#include <QString>
#include <QWidget>

class QAction;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeView;

namespace Fluxdesk {

class DiffHighlighter;
class GitHistoryModel;
class GitSession;
struct GitHistory;

// The History tab of the Changes panel: the branch's newest commits (hash, subject, author,
// date), the selected commit's diff against its first parent, and Revert… of a commit. A view over
// the Changes panel's GitSession, which loads the list and the diffs off the UI thread (a history
// of many thousands of commits, or a commit that touched thousands of files, must not stall the
// window) and drops superseded results. Reverting itself is the panel's job: this view confirms
// and asks (revertRequested).
class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    // session stays its owner's (the Changes panel) and outlives this view.
    explicit HistoryPanel(GitSession *session, QWidget *parent = nullptr);

    // The session was bound to a checkout (empty: none): forgets the old list and loads.
    void setRepositoryPath(const QString &path);
    QString repositoryPath() const { return m_path; }
    // How many commits the list holds at most (the newest ones).
    void setLimit(int limit) { m_limit = limit > 0 ? limit : 1; }
    int limit() const { return m_limit; }

    GitHistoryModel *model() const { return m_model; }
    bool isLoading() const { return m_loading; }
    bool isTruncated() const { return m_truncated; }
    QString infoText() const;
    QString loadedHeadId() const { return m_loadedHead; }
    QString selectedCommitId() const;
    // Revert is offered only while the panel allows it (not busy, not refused).
    void setActionsEnabled(bool enabled);

public Q_SLOTS:
    void reload();
    // Reloads when HEAD is not the commit the list was loaded from (a commit made elsewhere).
    void reloadIfHeadChanged(const QString &headId);
    // Asks for confirmation naming the selected commit, then emits revertRequested.
    void revertSelected();

Q_SIGNALS:
    void loaded();
    void diffShown(const QString &commitId);
    void revertRequested(const QString &commitId);

private:
    void showHistory(const GitResult<GitHistory> &load);
    void showDiff();
    void updateActions();

    QString m_path;
    int m_limit = 200;
    bool m_loading = false;
    bool m_truncated = false;
    bool m_actionsEnabled = true;
    QString m_loadedHead;
    QString m_shownDiff;

    GitSession *m_session;
    GitHistoryModel *m_model;
    QTreeView *m_view;
    QLabel *m_info;
    QPlainTextEdit *m_diff;
    DiffHighlighter *m_highlighter;
    QPushButton *m_revert;
    QAction *m_revertAction;
};

} // namespace Fluxdesk
