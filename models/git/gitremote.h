#pragma once

#include "gitrepository.h"
#include "gitresult.h"
#include "gittransfer.h"

#include <QString>

namespace Fluxdesk {

struct GitPushResult
{
    QString remote;           // "origin"
    QString remoteUrl;        // where the push went (the pushurl where set), as displayUrl shows it
    QString branch;           // the local branch pushed
    QString remoteRef;        // "refs/heads/main"
    bool upstreamSet = false; // the first push set the branch's upstream
};

// Pushes the current branch to its upstream, or to "origin" (then setting the upstream). Never
// forces: a non-fast-forward update fails with GitErrorKind::NonFastForward and a plain
// explanation; the remote's own rejection text comes back as GitErrorKind::Rejected. The local
// commit always stays.
GitResult<GitPushResult> gitPush(const GitRepository &repo, GitTransfer &transfer);

// Fetches the upstream's remote (or "origin") and returns the refreshed ahead/behind.
GitResult<BranchInfo> gitFetch(const GitRepository &repo, GitTransfer &transfer);

// Adds a remote (e.g. "origin" after init).
GitResult<GitDone> gitAddRemote(const GitRepository &repo, const QString &name, const QString &url);

} // namespace Fluxdesk
