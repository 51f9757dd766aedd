#pragma once

#include "core/error.h"

#include <QString>

#include <optional>
#include <utility>

namespace Fluxdesk {

// What kind of git failure happened: the UI and the CLI react to the kind, show the message.
enum class GitErrorKind
{
    Failed,              // any other libgit2 failure
    NotARepository,      // the path holds no repository
    BareRepository,      // no working tree to commit from
    DetachedHead,        // HEAD names a commit, not a branch
    OperationInProgress, // merge, rebase, cherry-pick, revert... in progress
    IdentityMissing,     // user.name / user.email are not configured
    NothingToCommit,     // the index equals HEAD
    NonFastForward,      // the remote has commits we do not have
    Rejected,            // the remote refused the update (hook, protected branch...)
    AuthenticationFailed,
    HostKeyUnknown, // the user declined an unknown SSH host
    HostKeyChanged, // known_hosts holds a different key for the host: refused
    Cancelled,
    NoRemote,             // no upstream and no "origin"
    CertificateUntrusted, // HTTPS: the server's certificate failed verification (or the CA file)
    InsecureTls,          // HTTPS: git is configured not to verify (http.sslVerify=false): refused
    HostKeyOtherType      // known_hosts holds the SSH host with other key types only: not trusted
};

struct GitError
{
    GitErrorKind kind = GitErrorKind::Failed;
    QString message;
    int code = 0; // libgit2's return code, 0 when the error is ours

    GitError() = default;
    GitError(GitErrorKind k, QString msg, int c = 0) : kind(k), message(std::move(msg)), code(c) {}
};

// Captures git_error_last() at once (it is thread-local and overwritten by the next call).
// context says what was being done ("cannot open the repository").
GitError lastGitError(int code, const QString &context = {},
                      GitErrorKind kind = GitErrorKind::Failed);

// A value or a GitError.
template <typename T> using GitResult = Result<T, GitError>;

// For operations that return nothing but may fail.
struct GitDone
{};

} // namespace Fluxdesk
