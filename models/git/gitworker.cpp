#include "gitworker.h"

#include "gitcommit.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QtConcurrent>

namespace Fluxdesk {

namespace {

GitWorkerResult failure(GitWorkerResult::Operation operation, const GitError &error)
{
    GitWorkerResult result;
    result.operation = operation;
    result.ok = false;
    result.error = error;
    return result;
}

void refreshBranch(const GitRepository &repo, GitWorkerResult &result)
{
    const GitResult<BranchInfo> info = repo.branchInfo();
    if (info)
        result.branch = *info;
}

} // namespace

GitWorker::GitWorker(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<Fluxdesk::GitProgress>();
    qRegisterMetaType<Fluxdesk::GitWorkerResult>();
}

GitWorker::~GitWorker()
{
    cancel();
    for (QFutureWatcher<GitWorkerResult> *watcher : qAsConst(m_running))
        watcher->waitForFinished();
}

void GitWorker::cancel()
{
    if (m_transfer)
        m_transfer->cancel();
}

quint64 GitWorker::start(Job job)
{
    cancel(); // the superseded operation stops at its next progress callback
    const quint64 generation = ++m_generation;
    auto transfer = std::make_shared<GitTransfer>();
    transfer->setPrompter(m_prompter);
    transfer->setSecretStore(m_store);
    transfer->setSettings(m_settings);
    QPointer<GitWorker> self(this);
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    transfer->setProgressHandler([self, generation, timer](const GitProgress &p) {
        // At most ~20 reports a second, plus every stage's last one, to keep the queue short.
        if (timer->elapsed() < 50 && p.current != p.total)
            return;
        timer->restart();
        if (!self)
            return;
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, p] {
                if (self && generation == self->m_generation)
                    Q_EMIT self->progress(generation, p);
            },
            Qt::QueuedConnection);
    });
    m_transfer = transfer;

    auto *watcher = new QFutureWatcher<GitWorkerResult>(this);
    m_running.append(watcher);
    connect(watcher, &QFutureWatcher<GitWorkerResult>::finished, this, [this, watcher, generation] {
        m_running.removeAll(watcher);
        const GitWorkerResult result = watcher->result();
        watcher->deleteLater();
        if (generation == m_generation)
            Q_EMIT finished(generation, result);
    });
    watcher->setFuture(QtConcurrent::run([job, transfer] {
        GitWorkerResult result = job(*transfer);
        result.warning = transfer->secretStoreWarning();
        return result;
    }));
    return generation;
}

quint64 GitWorker::refresh()
{
    const QString path = m_path;
    return start([path](GitTransfer &) {
        const auto op = GitWorkerResult::Operation::Refresh;
        GitResult<GitRepository> repo = GitRepository::open(path);
        if (!repo)
            return failure(op, repo.error());
        GitResult<QList<GitFileStatus>> files = gitStatus(*repo);
        if (!files)
            return failure(op, files.error());
        GitWorkerResult result;
        result.operation = op;
        result.files = *files;
        refreshBranch(*repo, result);
        return result;
    });
}

quint64 GitWorker::commit(const QString &message, bool stageEverything, bool pushAfter)
{
    const QString path = m_path;
    return start([path, message, stageEverything, pushAfter](GitTransfer &transfer) {
        const auto op = GitWorkerResult::Operation::Commit;
        GitResult<GitRepository> repo = GitRepository::open(path);
        if (!repo)
            return failure(op, repo.error());
        if (stageEverything) {
            const GitResult<GitDone> staged = stageAll(*repo);
            if (!staged)
                return failure(op, staged.error());
        }
        const GitResult<QString> id = commitIndex(*repo, message);
        if (!id)
            return failure(op, id.error());
        GitWorkerResult result;
        result.operation = op;
        result.commitId = *id;
        if (pushAfter) {
            const GitResult<GitPushResult> pushed = gitPush(*repo, transfer);
            result.pushed = pushed.ok();
            if (pushed) {
                result.push = *pushed;
            } else {
                result.ok = false; // the commit stays: commitId tells which one
                result.error = pushed.error();
            }
        }
        refreshBranch(*repo, result);
        return result;
    });
}

quint64 GitWorker::push()
{
    const QString path = m_path;
    return start([path](GitTransfer &transfer) {
        const auto op = GitWorkerResult::Operation::Push;
        GitResult<GitRepository> repo = GitRepository::open(path);
        if (!repo)
            return failure(op, repo.error());
        const GitResult<GitPushResult> pushed = gitPush(*repo, transfer);
        if (!pushed)
            return failure(op, pushed.error());
        GitWorkerResult result;
        result.operation = op;
        result.pushed = true;
        result.push = *pushed;
        refreshBranch(*repo, result);
        return result;
    });
}

quint64 GitWorker::fetch()
{
    const QString path = m_path;
    return start([path](GitTransfer &transfer) {
        const auto op = GitWorkerResult::Operation::Fetch;
        GitResult<GitRepository> repo = GitRepository::open(path);
        if (!repo)
            return failure(op, repo.error());
        const GitResult<BranchInfo> info = gitFetch(*repo, transfer);
        if (!info)
            return failure(op, info.error());
        GitWorkerResult result;
        result.operation = op;
        result.branch = *info;
        return result;
    });
}

quint64 GitWorker::clone(const QString &url, const QString &path)
{
    m_path = path;
    return start([url, path](GitTransfer &transfer) {
        const auto op = GitWorkerResult::Operation::Clone;
        GitResult<GitRepository> repo = GitRepository::clone(url, path, &transfer);
        if (!repo)
            return failure(op, repo.error());
        GitWorkerResult result;
        result.operation = op;
        refreshBranch(*repo, result);
        return result;
    });
}

quint64 GitWorker::revert(const QString &commitId, const QString &sessionName,
                          const QString &sessionEmail)
{
    const QString path = m_path;
    return start([path, commitId, sessionName, sessionEmail](GitTransfer &) {
        const auto op = GitWorkerResult::Operation::Revert;
        GitResult<GitRepository> repo = GitRepository::open(path);
        if (!repo)
            return failure(op, repo.error());
        if (!sessionName.isEmpty() && !sessionEmail.isEmpty())
            repo->setSessionIdentity(sessionName, sessionEmail);
        const GitResult<QString> id = revertCommit(*repo, commitId);
        GitWorkerResult result = id ? GitWorkerResult() : failure(op, id.error());
        result.operation = op;
        result.revertedId = commitId;
        if (id)
            result.commitId = *id;
        refreshBranch(*repo, result);
        return result;
    });
}

} // namespace Fluxdesk
