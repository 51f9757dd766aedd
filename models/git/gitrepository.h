#pragma once

#include "gitresult.h"

#include <QString>

#include <functional>
#include <memory>

struct git_repository;

namespace Fluxdesk {

class GitTransfer;

// Where the checked-out branch stands relative to its upstream.
struct BranchInfo
{
    QString branch;   // "main"; empty when HEAD is detached
    QString upstream; // "origin/main"; empty without an upstream
    QString remote;   // the upstream's remote, "origin"
    int ahead = 0;    // local commits the upstream does not have
    int behind = 0;   // upstream commits we do not have
    bool detached = false;
    bool unborn = false; // no commit yet
};

// An open, non-bare repository (RAII over git_repository). Methods are not thread-safe: use one
// GitRepository per thread (opening is cheap).
class GitRepository
{
public:
    // Opens the repository whose working tree is path (or contains it). Bare repositories and
    // paths that are not a repository are refused; detached or mid-merge checkouts open, and
    // checkReady() refuses them.
    static GitResult<GitRepository> open(const QString &path);
    // Initialises a repository in path (created when missing) with its first branch "main".
    static GitResult<GitRepository> init(const QString &path);
    // Clones url into path; transfer carries credentials, progress and cancel.
    static GitResult<GitRepository> clone(const QString &url, const QString &path,
                                          GitTransfer *transfer = nullptr);

    GitRepository(GitRepository &&) noexcept = default;
    GitRepository &operator=(GitRepository &&) noexcept = default;
    ~GitRepository();

    QString workdir() const; // absolute, with a trailing '/'
    git_repository *handle() const { return m_repo.get(); }

    // Refuses, with a clear message, the states in which a commit or push would surprise:
    // detached HEAD and a merge/rebase/cherry-pick/revert in progress.
    GitResult<GitDone> checkReady() const;

    GitResult<BranchInfo> branchInfo() const;
    // Where the branch of info goes on its remote: the upstream's remote ("origin" without an
    // upstream) and the ref there (branch.<name>.merge, else refs/heads/<branch>), as a push
    // and the check of the upstream both address it.
    struct PushTarget
    {
        QString remote;
        QString remoteRef;
    };
    PushTarget pushTarget(const BranchInfo &info) const;

    // An identity for this session only (the user declined saving it in the config).
    void setSessionIdentity(const QString &name, const QString &email)
    {
        m_sessionName = name;
        m_sessionEmail = email;
    }
    QString sessionName() const { return m_sessionName; }
    QString sessionEmail() const { return m_sessionEmail; }

private:
    explicit GitRepository(git_repository *repo);
    std::unique_ptr<git_repository, void (*)(git_repository *)> m_repo;
    QString m_sessionName;
    QString m_sessionEmail;
};

} // namespace Fluxdesk
