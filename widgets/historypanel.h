#pragma once

#include <QList>
#include <QString>
#include <QWidget>

class QAction;
class QFutureWatcherBase;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeView;

namespace Fluxdesk {

class DiffHighlighter;
class GitHistoryModel;

// The History tab of the Changes panel: the branch's newest commits (hash, subject, author,
// date), the selected commit's diff against its first parent, and Revert… of a commit. The list
// and the diffs load on a pool thread (a history of many thousands of commits, or a commit that
// touched thousands of files, must not stall the window); a newer request drops older results.
// Reverting itself is the panel's job: this view confirms and asks (revertRequested).
class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryPanel(QWidget *parent = nullptr);
    ~HistoryPanel() override;

    // Binds to a checkout (empty: none) and loads its history.
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
    void showDiff();
    void updateActions();
    void track(QFutureWatcherBase *watcher);

    QString m_path;
    int m_limit = 200;
    quint64 m_generation = 0;
    quint64 m_diffGeneration = 0;
    bool m_loading = false;
    bool m_truncated = false;
    bool m_actionsEnabled = true;
    QString m_loadedHead;
    QString m_shownDiff;
    QList<QFutureWatcherBase *> m_running;

    GitHistoryModel *m_model;
    QTreeView *m_view;
    QLabel *m_info;
    QPlainTextEdit *m_diff;
    DiffHighlighter *m_highlighter;
    QPushButton *m_revert;
    QAction *m_revertAction;
};

} // namespace Fluxdesk
