#pragma once

#include "core/jobrunner.h"
#include "gitcommit.h"
#include "gitcredentials.h"
#include "gitdiff.h"
#include "gitremote.h"
#include "gitrepository.h"
#include "gitresult.h"
#include "gitsecretstore.h"
#include "gitstatus.h"
#include "gittransfer.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace Fluxdesk {

// What a refresh found: where the checkout stands and what changed in it.
struct GitRepositoryState
{
    QString workdir; // absolute, with a trailing '/'
    QString refusal; // why committing and staging are refused here (detached HEAD...); empty: ready
    BranchInfo branch;
    QString headId; // empty before the first commit
    QList<GitFileStatus> files;
    std::optional<GitError> statusError; // the checkout opened, but its status could not be read
};

// A commit, push, fetch, revert or clone. Not a plain Result: a commit whose push failed is kept
// and named (commitId) next to the push's error.
struct GitOperationResult
{
    enum class Operation
    {
        Commit,
        Push,
        Fetch,
        Clone,
        Revert
    };
    Operation operation = Operation::Commit;
    bool ok = true;
    GitError error;
    QString commitId;    // Commit/Revert: the new commit (kept even when its push failed)
    QString revertedId;  // Revert: the commit that was undone
    bool pushed = false; // Commit with push / Push
    GitPushResult push;
    BranchInfo branch; // refreshed after every operation that got that far
    QString path;      // Clone: the new checkout
    // Something went wrong beside the operation, which still succeeded (the keychain did not
    // keep the token the user asked to remember).
    QString warning;
};

// The branch's newest commits, as the History view lists them.
struct GitHistory
{
    QList<GitCommitInfo> commits;
    bool truncated = false; // older commits exist beyond the limit
    QString headId;
    QString branch; // empty when HEAD is detached
};

// Who a commit will be made as, and where that comes from.
struct GitIdentityCheck
{
    enum class Source
    {
        Session, // given for this session only (the user declined saving it)
        Config,  // git's config (repository, global or system)
        Missing  // nowhere: the user must be asked
    };
    Source source = Source::Missing;
    GitIdentity identity;
    bool mustAsk() const { return source == Source::Missing; }
};

// The decision itself, without a repository: the session's identity wins, then git's config; a
// missing one is asked for. Any other failure to read the config is returned, not asked about.
GitResult<GitIdentityCheck> decideIdentity(const std::optional<GitIdentity> &session,
                                           const GitResult<GitIdentity> &configured);

// All git work on one checkout, off the UI thread: open/refresh, stage, unstage, diffs, identity,
// commit, push, fetch, revert, clone, init and history. Results are values handed to the callback
// of each request, on the session's thread, while the session lives; a request superseded before
// its result arrives (a newer refresh, diff or history load; another repository) gets nothing.
//
// Threads: changes to the repository (staging, commits, remote work, identity) run one at a time,
// in the order asked, on one serial runner. Reads run each on their own serial runner, where a
// newer request supersedes an older one: a long history walk never delays a commit, and a refresh
// never waits for a push. Each job opens its own GitRepository (libgit2 objects stay on one
// thread).
class GitSession : public QObject
{
    Q_OBJECT
public:
    template <typename T> using Callback = std::function<void(GitResult<T>)>;
    using OperationCallback = std::function<void(const GitOperationResult &)>;

    explicit GitSession(QObject *parent = nullptr);
    // Cancels remote work and waits for every job: libgit2 must not call back into a dead
    // prompter or store. The owner unblocks a prompter waiting for the user first.
    ~GitSession() override;

    // Binds the session to a checkout: every running request is superseded (its result dropped,
    // a transfer cancelled) and the session identity forgotten.
    void setRepositoryPath(const QString &path);
    QString repositoryPath() const { return m_path; }

    // Called on a job's thread: the UI's adapter must marshal to the UI thread itself.
    void setPrompter(GitCredentialPrompter *prompter) { m_prompter = prompter; }
    // Also called on a job's thread; may be null (nothing is remembered).
    void setSecretStore(GitSecretStore *store) { m_store = store; }
    void setSettings(const GitCredentialSettings &settings) { m_settings = settings; }

    // Reads
    void refresh(Callback<GitRepositoryState> done);
    // One path's diff. GitDiffScope::All shows the whole change, staged or not, and falls back to
    // index -> work tree and HEAD -> index so a new file still shows.
    void diffFile(const QString &path, GitDiffScope scope, Callback<QString> done);
    // The newest limit commits of the branch.
    void history(int limit, Callback<GitHistory> done);
    // What commitId changed against its first parent.
    void commitDiff(const QString &commitId, Callback<QString> done);

    // Changes, run in order
    void stage(const QStringList &paths, Callback<GitDone> done);
    void unstage(const QStringList &paths, Callback<GitDone> done);
    void stageAll(Callback<GitDone> done);
    void unstageAll(Callback<GitDone> done);
    // Who the next commit is made as (decideIdentity on the checkout's config).
    void checkIdentity(Callback<GitIdentityCheck> done);
    // Saves identity in .git/config, or keeps it for this session's later commits only.
    void setIdentity(const GitIdentity &identity, bool saveInRepository, Callback<GitDone> done);
    std::optional<GitIdentity> sessionIdentity() const { return m_sessionIdentity; }
    void commit(const QString &message, bool stageEverything, bool pushAfter,
                OperationCallback done);
    void push(OperationCallback done);
    void fetch(OperationCallback done);
    // A new commit undoing commitId (revertCommit).
    void revert(const QString &commitId, OperationCallback done);
    // Clones url into path; on success the session is bound to the clone before done is called.
    void clone(const QString &url, const QString &path, OperationCallback done);
    // Initialises a repository (branch "main") in path; on success the session is bound to it.
    void init(const QString &path, Callback<GitDone> done);

    // Stops the remote operations running or queued at their next progress report; their
    // results (Cancelled) are still delivered.
    void cancel();
    // A change (stage, commit, remote work...) is running or queued.
    bool isBusy() const;

Q_SIGNALS:
    // Progress of the running clone, fetch or push.
    void progress(const Fluxdesk::GitProgress &progress);

private:
    template <typename T, typename Work>
    void changeJob(Work work, std::function<void(T)> done, std::function<void(const T &)> before);
    std::shared_ptr<GitTransfer> makeTransfer();

    QString m_path;
    GitCredentialPrompter *m_prompter = nullptr;
    GitSecretStore *m_store = nullptr;
    GitCredentialSettings m_settings;
    std::optional<GitIdentity> m_sessionIdentity;
    std::vector<std::weak_ptr<GitTransfer>> m_transfers; // remote operations not yet finished

    JobRunner *m_changes;
    JobRunner *m_status;
    JobRunner *m_diffs;
    JobRunner *m_history;
    JobRunner *m_commitDiffs;
};

} // namespace Fluxdesk

Q_DECLARE_METATYPE(Fluxdesk::GitProgress)
