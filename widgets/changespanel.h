#pragma once

#include "git/gitcommit.h"
#include "git/gitsecretstore.h"
#include "git/gitsession.h"

#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTreeView;

namespace Fluxdesk {

class ChangesModel;
class DiffHighlighter;
class GitChangeWatcher;
class GitPrompter;
class HistoryPanel;

// The Changes panel: branch and upstream, the changed files with stage/unstage, the selected
// file's diff, the commit message and Commit / Commit & Push / Push with progress and Cancel,
// and a History tab (HistoryPanel) whose Revert runs here. Without a repository it offers
// Open, Initialise and Clone (changespanelstart.cpp). A view over its GitSession, which does all
// the git work off the UI thread; the panel asks the user (identity, credentials) and shows.
class ChangesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ChangesPanel(QWidget *parent = nullptr);
    ~ChangesPanel() override;

    // Binds the panel to a checkout (empty: none) and refreshes it.
    void setRepositoryPath(const QString &path);
    QString repositoryPath() const { return m_path; }

    ChangesModel *model() const { return m_model; }
    GitSession *session() const { return m_session; }
    GitChangeWatcher *changeWatcher() const { return m_watcher; }
    HistoryPanel *history() const { return m_history; }
    bool isRefused() const { return !m_refusal.isEmpty(); }
    QString refusal() const { return m_refusal; }
    QString statusText() const;
    GitPrompter *prompter() const { return m_prompter; }

    // Where HTTPS tokens are remembered when the user asks (null: never, and the sign-in dialog
    // does not offer it). Call before the first remote operation; the panel keeps the store.
    void setSecretStore(std::unique_ptr<GitSecretStore> store);

    // What the identity question answers: the identity and whether to save it in .git/config.
    struct IdentityAnswer
    {
        GitIdentity identity;
        bool saveInRepository = true;
    };
    // Runs before every commit (validation): check(proceed) calls proceed when the commit may
    // go on (at once, later, or never).
    void setCommitCheck(std::function<void(std::function<void()> proceed)> check)
    {
        m_commitCheck = std::move(check);
    }

    // Replaces the identity dialog (tests); returning nothing means the user cancelled.
    void setIdentityAsker(std::function<std::optional<IdentityAnswer>()> asker)
    {
        m_askIdentity = std::move(asker);
    }

public Q_SLOTS:
    void refresh();
    void commit(bool push = false);
    void fetch();
    void stageAll();
    void unstageAll();
    void cancel();
    void chooseRepository();
    void initialiseRepository();
    // Pushes the branch's commits (to its upstream, or to origin the first time).
    void push();
    // A new commit that undoes commitId, after asking for an identity if git has none.
    void revert(const QString &commitId);
    // Asks for a URL and an empty folder (CloneDialog), then clones.
    void cloneRepository();
    // Clones url into folder on the session; on success the panel opens the clone and emits
    // repositoryChosen. False (nothing started, the empty page says why) when folder is not
    // new or empty.
    bool startClone(const QString &url, const QString &folder);

Q_SIGNALS:
    void refreshed();
    void operationFinished(bool ok);
    // The user opened or initialised another checkout from the panel.
    void repositoryChosen(const QString &path);

private:
    static QLabel *makeLabel(const QString &objectName, QWidget *parent);
    static QPushButton *makeButton(const QString &text, const QString &objectName, QWidget *parent);
    QWidget *createEmptyPage(); // changespanelstart.cpp, with Open, Initialise and Clone
    QWidget *createMainPage();
    void showEmpty(const QString &explanation);
    void setRefusal(const QString &reason);
    void setStatus(const QString &text, bool error = false);
    void setBusy(bool busy, bool remote);
    void updateButtons();
    void updateBranch(const BranchInfo &branch);
    void updateDiff();
    void stage(const QString &path, bool stage);
    void onRefreshed(const GitResult<GitRepositoryState> &state);
    void afterStaging(const GitResult<GitDone> &result);
    void onProgress(const GitProgress &progress); // changespanelresults.cpp, with explain()
    void onFinished(const GitOperationResult &result);
    void commitNow(bool push); // commit() once the commit check let it through
    std::optional<IdentityAnswer> askIdentity();
    // Runs then once the session knows who commits (asking the user if git does not); says
    // declined in the status when the user would not tell. Busy meanwhile.
    void withIdentity(const QString &declined, std::function<void()> then);
    // Not busy any more; a refresh asked for meanwhile runs now.
    void endBusy();
    void setProgress(const QString &format, int value, int max);
    QString explain(const GitError &error) const;

    QString m_path;
    QString m_refusal;
    ChangesModel *m_model;
    GitSession *m_session;
    GitChangeWatcher *m_watcher;
    GitPrompter *m_prompter;
    std::unique_ptr<GitSecretStore> m_secretStore; // outlives m_session (see the destructor)
    std::function<std::optional<IdentityAnswer>()> m_askIdentity;
    std::function<void(std::function<void()>)> m_commitCheck;

    QStackedWidget *m_stack;
    QLabel *m_emptyText;
    QLabel *m_branch;
    QLabel *m_refusalLabel;
    QLabel *m_status;
    QLabel *m_summary;
    QTreeView *m_view;
    QPlainTextEdit *m_diff;
    DiffHighlighter *m_highlighter;
    QPlainTextEdit *m_message;
    QPushButton *m_stageAll;
    QPushButton *m_unstageAll;
    QPushButton *m_commit;
    QPushButton *m_commitPush;
    QPushButton *m_fetch;
    QPushButton *m_push;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QTabWidget *m_tabs;
    HistoryPanel *m_history;
    QPushButton *m_openButton;
    QPushButton *m_initButton;
    QPushButton *m_cloneButton;
    QLabel *m_cloneStatus;
    QProgressBar *m_cloneProgress;
    QPushButton *m_cloneCancel;

    BranchInfo m_branchInfo;
    bool m_hasBranch = false;
    bool m_listed = false; // the list shows git's answer for this checkout (not just opened)
    bool m_cloning = false;

    bool m_busy = false;
    bool m_refreshPending = false;
    bool m_settingMessage = false;
    bool m_messageEdited = false;
};

} // namespace Fluxdesk
