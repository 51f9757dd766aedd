#pragma once

#include "gitrepository.h"
#include "gitresult.h"
#include "gittransfer.h"

#include <QString>

namespace Fluxdesk {

// Where the checked-out branch stands on its remote, asked of the remote itself (not of the
// local remote-tracking branch, which may be stale): what Flux will read once it is bootstrapped.
struct GitUpstreamState
{
    QString branch;    // the local branch, "main"
    QString remote;    // "origin"
    QString remoteUrl; // as displayUrl shows it (no password)
    QString remoteRef; // "refs/heads/main"
    QString headId;    // the local HEAD commit
    QString remoteId;  // the commit remoteRef names on the remote; empty: the branch is not there
    // HEAD is the remote branch's commit or one of its ancestors known here: Flux will see it.
    bool headOnRemote = false;
};

// Connects to the branch's upstream remote (or "origin") for fetching, lists its references and
// disconnects; nothing is downloaded. The connection checks what a push checks (SSH host key
// against known_hosts, TLS as git configures it, credentials through transfer), so a remote that
// cannot be reached or is not trusted fails here with the same kind and message. A detached HEAD,
// an unborn branch and a missing remote are errors as a push gives them.
GitResult<GitUpstreamState> gitCheckUpstream(const GitRepository &repo, GitTransfer &transfer);

} // namespace Fluxdesk
