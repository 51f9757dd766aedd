#include "gitsession.h"

#include <QElapsedTimer>

#include <algorithm>
#include <optional>

namespace Fluxdesk {

namespace {

// GitProgress::Stage travels as the job's progress text and is read back on the session's side.
QString stageKey(GitProgress::Stage stage)
{
    switch (stage) {
    case GitProgress::Stage::Counting:
        return QStringLiteral("counting");
    case GitProgress::Stage::Packing:
        return QStringLiteral("packing");
    case GitProgress::Stage::Sending:
        return QStringLiteral("sending");
    case GitProgress::Stage::Receiving:
        return QStringLiteral("receiving");
    case GitProgress::Stage::Indexing:
        return QStringLiteral("indexing");
    }
    return {};
}

GitProgress::Stage stageFromKey(const QString &key)
{
    for (const GitProgress::Stage stage :
         {GitProgress::Stage::Counting, GitProgress::Stage::Packing, GitProgress::Stage::Sending,
          GitProgress::Stage::Receiving, GitProgress::Stage::Indexing}) {
        if (stageKey(stage) == key)
            return stage;
    }
    return GitProgress::Stage::Counting;
}

// Every job opens its own repository and gives it the session's identity, if there is one.
GitResult<GitRepository> openRepository(const QString &path,
                                        const std::optional<GitIdentity> &identity)
{
    GitResult<GitRepository> repo = GitRepository::open(path);
    if (repo && identity)
        repo->setSessionIdentity(identity->name, identity->email);
    return repo;
}

GitOperationResult failure(GitOperationResult::Operation operation, const GitError &error)
{
    GitOperationResult result;
    result.operation = operation;
    result.ok = false;
    result.error = error;
    return result;
}

void refreshBranch(const GitRepository &repo, GitOperationResult &result)
{
    const GitResult<BranchInfo> info = repo.branchInfo();
    if (info)
        result.branch = *info;
}

// Forwards libgit2's transfer progress to the job's context (throttled) and stops the transfer
// once the job is superseded.
void relayProgress(GitTransfer &transfer, const JobContext &context)
{
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    transfer.setProgressHandler([&transfer, context, timer](const GitProgress &p) {
        if (context.isCanceled()) {
            transfer.cancel();
            return;
        }
        // At most ~20 reports a second, plus every stage's last one, to keep the queue short.
        if (timer->elapsed() < 50 && p.current != p.total)
            return;
        timer->restart();
        context.setProgress(qint64(p.current), qint64(p.total), stageKey(p.stage));
    });
}

// The job of a push or a fetch: opens the checkout, relays the transfer's progress, and runs
// step(repo, transfer, result), which fills result or returns the error that fails it; a result
// carries the secret store's warning.
template <typename Step>
auto transferJob(const QString &path, std::shared_ptr<GitTransfer> transfer,
                 GitOperationResult::Operation op, Step step)
{
    return [path, transfer, op, step](const JobContext &context) {
        GitResult<GitRepository> repo = GitRepository::open(path);
        if (!repo)
            return failure(op, repo.error());
        relayProgress(*transfer, context);
        GitOperationResult result;
        result.operation = op;
        if (const std::optional<GitError> error = step(*repo, *transfer, result))
            return failure(op, *error);
        result.warning = transfer->secretStoreWarning();
        return result;
    };
}

} // namespace

GitResult<GitIdentityCheck> decideIdentity(const std::optional<GitIdentity> &session,
                                           const GitResult<GitIdentity> &configured)
{
    GitIdentityCheck check;
    if (session) {
        check.source = GitIdentityCheck::Source::Session;
        check.identity = *session;
        return check;
    }
    if (configured) {
        check.source = GitIdentityCheck::Source::Config;
        check.identity = *configured;
        return check;
    }
    if (configured.error().kind != GitErrorKind::IdentityMissing)
        return configured.error();
    return check; // Missing
}

GitSession::GitSession(QObject *parent)
    : QObject(parent), m_changes(new JobRunner(this, JobRunner::Threads::Serial)),
      m_status(new JobRunner(this, JobRunner::Threads::Serial)),
      m_diffs(new JobRunner(this, JobRunner::Threads::Serial)),
      m_history(new JobRunner(this, JobRunner::Threads::Serial)),
      m_commitDiffs(new JobRunner(this, JobRunner::Threads::Serial))
{
    qRegisterMetaType<Fluxdesk::GitProgress>();
    connect(m_changes, &JobRunner::progress, this,
            [this](quint64, qint64 done, qint64 total, const QString &what) {
                GitProgress p;
                p.stage = stageFromKey(what);
                p.current = quint64(done);
                p.total = quint64(total);
                Q_EMIT progress(p);
            });
}

GitSession::~GitSession()
{
    cancel();
    for (JobRunner *runner : {m_changes, m_status, m_diffs, m_history, m_commitDiffs}) {
        runner->cancel();
        runner->waitForDone();
    }
}

void GitSession::setRepositoryPath(const QString &path)
{
    cancel();
    for (JobRunner *runner : {m_changes, m_status, m_diffs, m_history, m_commitDiffs})
        runner->cancel();
    m_path = path;
    m_sessionIdentity.reset();
}

void GitSession::cancel()
{
    for (const std::weak_ptr<GitTransfer> &weak : m_transfers) {
        if (const std::shared_ptr<GitTransfer> transfer = weak.lock())
            transfer->cancel();
    }
}

bool GitSession::isBusy() const
{
    return m_changes->isBusy();
}

std::shared_ptr<GitTransfer> GitSession::makeTransfer()
{
    auto transfer = std::make_shared<GitTransfer>();
    transfer->setPrompter(m_prompter);
    transfer->setSecretStore(m_store);
    transfer->setSettings(m_settings);
    m_transfers.erase(
        std::remove_if(m_transfers.begin(), m_transfers.end(),
                       [](const std::weak_ptr<GitTransfer> &weak) { return weak.expired(); }),
        m_transfers.end());
    m_transfers.push_back(transfer);
    return transfer;
}

// Reads

void GitSession::refresh(Callback<GitRepositoryState> done)
{
    const QString path = m_path;
    m_status->start(
        [path](const JobContext &) -> GitResult<GitRepositoryState> {
            const GitResult<GitRepository> repo = GitRepository::open(path);
            if (!repo)
                return repo.error();
            GitRepositoryState state;
            state.workdir = repo->workdir();
            const GitResult<GitDone> ready = repo->checkReady();
            if (!ready)
                state.refusal = ready.error().message;
            const GitResult<BranchInfo> branch = repo->branchInfo();
            if (branch)
                state.branch = *branch;
            const GitResult<QString> head = gitHeadId(*repo);
            if (head)
                state.headId = *head;
            GitResult<QList<GitFileStatus>> files = gitStatus(*repo);
            if (files)
                state.files = std::move(*files);
            else
                state.statusError = files.error();
            return state;
        },
        std::move(done));
}

void GitSession::diffFile(const QString &file, GitDiffScope scope, Callback<QString> done)
{
    const QString path = m_path;
    m_diffs->start(
        [path, file, scope](const JobContext &) -> GitResult<QString> {
            const GitResult<GitRepository> repo = GitRepository::open(path);
            if (!repo)
                return repo.error();
            GitResult<QString> diff = gitDiffFile(*repo, file, scope);
            if (scope != GitDiffScope::All)
                return diff;
            // An untracked file has no HEAD/index entry: index -> work tree includes new files.
            if (diff && diff->isEmpty())
                diff = gitDiffFile(*repo, file, GitDiffScope::Unstaged);
            if (diff && diff->isEmpty())
                diff = gitDiffFile(*repo, file, GitDiffScope::Staged);
            return diff;
        },
        std::move(done));
}

void GitSession::history(int limit, Callback<GitHistory> done)
{
    const QString path = m_path;
    limit = qMax(1, limit);
    m_history->start(
        [path, limit](const JobContext &) -> GitResult<GitHistory> {
            const GitResult<GitRepository> repo = GitRepository::open(path);
            if (!repo)
                return repo.error();
            GitHistory history;
            const GitResult<BranchInfo> branch = repo->branchInfo();
            if (branch)
                history.branch = branch->branch;
            const GitResult<QString> head = gitHeadId(*repo);
            if (head)
                history.headId = *head;
            // One more than asked tells whether older commits exist.
            GitResult<QList<GitCommitInfo>> commits = gitHistory(*repo, limit + 1);
            if (!commits)
                return commits.error();
            history.commits = std::move(*commits);
            history.truncated = history.commits.size() > limit;
            if (history.truncated)
                history.commits.erase(history.commits.begin() + limit, history.commits.end());
            return history;
        },
        std::move(done));
}

void GitSession::commitDiff(const QString &commitId, Callback<QString> done)
{
    const QString path = m_path;
    m_commitDiffs->start(
        [path, commitId](const JobContext &) -> GitResult<QString> {
            const GitResult<GitRepository> repo = GitRepository::open(path);
            if (!repo)
                return repo.error();
            return gitDiffCommit(*repo, commitId);
        },
        std::move(done));
}

// Changes

template <typename T, typename Work>
void GitSession::changeJob(Work work, std::function<void(T)> done,
                           std::function<void(const T &)> before)
{
    m_changes->add(std::move(work), [done = std::move(done), before = std::move(before)](T result) {
        if (before)
            before(result);
        if (done)
            done(std::move(result));
    });
}

void GitSession::stage(const QStringList &paths, Callback<GitDone> done)
{
    const QString path = m_path;
    changeJob<GitResult<GitDone>>(
        [path, paths](const JobContext &) -> GitResult<GitDone> {
            const GitResult<GitRepository> repo = GitRepository::open(path);
            if (!repo)
                return repo.error();
            return stagePaths(*repo, paths);
        },
        std::move(done), {});
}

void GitSession::unstage(const QStringList &paths, Callback<GitDone> done)
{
    const QString path = m_path;
    changeJob<GitResult<GitDone>>(
        [path, paths](const JobContext &) -> GitResult<GitDone> {
            const GitResult<GitRepository> repo = GitRepository::open(path);
            if (!repo)
                return repo.error();
            return unstagePaths(*repo, paths);
        },
        std::move(done), {});
}

void GitSession::stageAll(Callback<GitDone> done)
{
    const QString path = m_path;
    changeJob<GitResult<GitDone>>(
        [path](const JobContext &) -> GitResult<GitDone> {
            const GitResult<GitRepository> repo = GitRepository::open(path);
            if (!repo)
                return repo.error();
            return Fluxdesk::stageAll(*repo);
        },
        std::move(done), {});
}

void GitSession::unstageAll(Callback<GitDone> done)
{
    const QString path = m_path;
    changeJob<GitResult<GitDone>>(
        [path](const JobContext &) -> GitResult<GitDone> {
            const GitResult<GitRepository> repo = GitRepository::open(path);
            if (!repo)
                return repo.error();
            return Fluxdesk::unstageAll(*repo);
        },
        std::move(done), {});
}

void GitSession::checkIdentity(Callback<GitIdentityCheck> done)
{
    const QString path = m_path;
    const std::optional<GitIdentity> session = m_sessionIdentity;
    changeJob<GitResult<GitIdentityCheck>>(
        [path, session](const JobContext &) -> GitResult<GitIdentityCheck> {
            if (session) // the config is not even read
                return decideIdentity(session, GitError());
            const GitResult<GitRepository> repo = GitRepository::open(path);
            if (!repo)
                return repo.error();
            return decideIdentity(session, gitIdentity(*repo));
        },
        std::move(done), {});
}

void GitSession::setIdentity(const GitIdentity &identity, bool saveInRepository,
                             Callback<GitDone> done)
{
    const QString path = m_path;
    changeJob<GitResult<GitDone>>(
        [path, identity, saveInRepository](const JobContext &) -> GitResult<GitDone> {
            GitResult<GitRepository> repo = GitRepository::open(path);
            if (!repo)
                return repo.error();
            // Session-only: validated here, kept by the session for the jobs that follow.
            return setGitIdentity(*repo, identity, saveInRepository);
        },
        std::move(done),
        [this, identity, saveInRepository](const GitResult<GitDone> &result) {
            if (result && !saveInRepository)
                m_sessionIdentity = GitIdentity{identity.name.trimmed(), identity.email.trimmed()};
        });
}

void GitSession::commit(const QString &message, bool stageEverything, bool pushAfter,
                        OperationCallback done)
{
    const QString path = m_path;
    const std::optional<GitIdentity> identity = m_sessionIdentity;
    std::shared_ptr<GitTransfer> transfer = pushAfter ? makeTransfer() : nullptr;
    changeJob<GitOperationResult>(
        [path, identity, message, stageEverything, transfer](const JobContext &context) {
            const auto op = GitOperationResult::Operation::Commit;
            GitResult<GitRepository> repo = openRepository(path, identity);
            if (!repo)
                return failure(op, repo.error());
            if (stageEverything) {
                const GitResult<GitDone> staged = Fluxdesk::stageAll(*repo);
                if (!staged)
                    return failure(op, staged.error());
            }
            const GitResult<QString> id = commitIndex(*repo, message);
            if (!id)
                return failure(op, id.error());
            GitOperationResult result;
            result.operation = op;
            result.commitId = *id;
            if (transfer) {
                relayProgress(*transfer, context);
                const GitResult<GitPushResult> pushed = gitPush(*repo, *transfer);
                result.pushed = pushed.ok();
                if (pushed) {
                    result.push = *pushed;
                } else {
                    result.ok = false; // the commit stays: commitId tells which one
                    result.error = pushed.error();
                }
                result.warning = transfer->secretStoreWarning();
            }
            refreshBranch(*repo, result);
            return result;
        },
        std::move(done), {});
}

void GitSession::push(OperationCallback done)
{
    changeJob<GitOperationResult>(
        transferJob(m_path, makeTransfer(), GitOperationResult::Operation::Push,
                    [](GitRepository &repo, GitTransfer &transfer,
                       GitOperationResult &result) -> std::optional<GitError> {
                        const GitResult<GitPushResult> pushed = gitPush(repo, transfer);
                        if (!pushed)
                            return pushed.error();
                        result.pushed = true;
                        result.push = *pushed;
                        refreshBranch(repo, result);
                        return std::nullopt;
                    }),
        std::move(done), {});
}

void GitSession::fetch(OperationCallback done)
{
    changeJob<GitOperationResult>(
        transferJob(m_path, makeTransfer(), GitOperationResult::Operation::Fetch,
                    [](GitRepository &repo, GitTransfer &transfer,
                       GitOperationResult &result) -> std::optional<GitError> {
                        const GitResult<BranchInfo> info = gitFetch(repo, transfer);
                        if (!info)
                            return info.error();
                        result.branch = *info;
                        return std::nullopt;
                    }),
        std::move(done), {});
}

void GitSession::revert(const QString &commitId, OperationCallback done)
{
    const QString path = m_path;
    const std::optional<GitIdentity> identity = m_sessionIdentity;
    changeJob<GitOperationResult>(
        [path, identity, commitId](const JobContext &) {
            const auto op = GitOperationResult::Operation::Revert;
            GitResult<GitRepository> repo = openRepository(path, identity);
            if (!repo)
                return failure(op, repo.error());
            const GitResult<QString> id = revertCommit(*repo, commitId);
            GitOperationResult result = id ? GitOperationResult() : failure(op, id.error());
            result.operation = op;
            result.revertedId = commitId;
            if (id)
                result.commitId = *id;
            refreshBranch(*repo, result);
            return result;
        },
        std::move(done), {});
}

void GitSession::clone(const QString &url, const QString &path, OperationCallback done)
{
    std::shared_ptr<GitTransfer> transfer = makeTransfer();
    changeJob<GitOperationResult>(
        [url, path, transfer](const JobContext &context) {
            const auto op = GitOperationResult::Operation::Clone;
            relayProgress(*transfer, context);
            GitResult<GitRepository> repo = GitRepository::clone(url, path, transfer.get());
            if (!repo)
                return failure(op, repo.error());
            GitOperationResult result;
            result.operation = op;
            result.path = path;
            result.warning = transfer->secretStoreWarning();
            refreshBranch(*repo, result);
            return result;
        },
        std::move(done),
        [this](const GitOperationResult &result) {
            if (result.ok)
                setRepositoryPath(result.path);
        });
}

void GitSession::init(const QString &path, Callback<GitDone> done)
{
    changeJob<GitResult<GitDone>>(
        [path](const JobContext &) -> GitResult<GitDone> {
            const GitResult<GitRepository> repo = GitRepository::init(path);
            if (!repo)
                return repo.error();
            return GitDone{};
        },
        std::move(done),
        [this, path](const GitResult<GitDone> &result) {
            if (result)
                setRepositoryPath(path);
        });
}

} // namespace Fluxdesk
