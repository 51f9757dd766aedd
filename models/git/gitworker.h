#pragma once

#include "gitcredentials.h"
#include "gitremote.h"
#include "gitrepository.h"
#include "gitresult.h"
#include "gitstatus.h"
#include "gittransfer.h"

#include <QFutureWatcher>
#include <QList>
#include <QMetaType>
#include <QObject>

#include <functional>
#include <memory>

namespace Fluxdesk {

// What one background git operation produced.
struct GitWorkerResult
{
    enum class Operation
    {
        Refresh, // status + branch
        Commit,
        Push,
        Fetch,
        Clone,
        Revert
    };
    Operation operation = Operation::Refresh;
    bool ok = true;
    GitError error;
    QString commitId;    // Commit/Revert: the new commit (kept even when its push failed)
    QString revertedId;  // Revert: the commit that was undone
    bool pushed = false; // Commit with push / Push
    GitPushResult push;
    BranchInfo branch;          // refreshed after every operation that succeeded
    QList<GitFileStatus> files; // Refresh
    // Something went wrong beside the operation, which still succeeded (the keychain did not
    // keep the token the user asked to remember).
    QString warning;
};

// Runs git operations off the UI thread (QtConcurrent), one at a time per worker. Every start
// returns a generation number; starting another operation cancels the running one, and results
// or progress of a superseded generation are dropped, never emitted.
class GitWorker : public QObject
{
    Q_OBJECT
public:
    explicit GitWorker(QObject *parent = nullptr);
    ~GitWorker() override; // cancels and waits: libgit2 must not call back into a dead object

    void setRepositoryPath(const QString &path) { m_path = path; }
    QString repositoryPath() const { return m_path; }
    // Called on the worker's thread: the UI's adapter must marshal to the UI thread itself.
    void setPrompter(GitCredentialPrompter *prompter) { m_prompter = prompter; }
    // Also called on the worker's thread; may be null (nothing is remembered).
    void setSecretStore(GitSecretStore *store) { m_store = store; }
    void setSettings(const GitCredentialSettings &settings) { m_settings = settings; }

    quint64 refresh();
    quint64 commit(const QString &message, bool stageEverything, bool pushAfter);
    quint64 push();
    quint64 fetch();
    quint64 clone(const QString &url, const QString &path); // sets repositoryPath on success
    // A new commit undoing commitId (revertCommit). A session identity (the user declined to
    // save one in the config) is passed along: the job opens its own repository.
    quint64 revert(const QString &commitId, const QString &sessionName = {},
                   const QString &sessionEmail = {});

    void cancel();
    bool isBusy() const { return !m_running.isEmpty(); }
    quint64 generation() const { return m_generation; }

Q_SIGNALS:
    void progress(quint64 generation, const Fluxdesk::GitProgress &progress);
    void finished(quint64 generation, const Fluxdesk::GitWorkerResult &result);

private:
    using Job = std::function<GitWorkerResult(GitTransfer &)>;
    quint64 start(Job job);

    QString m_path;
    GitCredentialPrompter *m_prompter = nullptr;
    GitSecretStore *m_store = nullptr;
    GitCredentialSettings m_settings;
    quint64 m_generation = 0;
    std::shared_ptr<GitTransfer> m_transfer;
    QList<QFutureWatcher<GitWorkerResult> *> m_running;
};

} // namespace Fluxdesk

Q_DECLARE_METATYPE(Fluxdesk::GitProgress)
Q_DECLARE_METATYPE(Fluxdesk::GitWorkerResult)
