#include "gitupstreamcheck.h"

#include "githandles.h"
#include "gittext.h"
#include "giturl.h"

namespace Fluxdesk {

using namespace GitHandles;

namespace {

// Ends the transfer (its process-wide TLS lock) and the connection on every way out.
struct Connection
{
    GitTransfer &transfer;
    git_remote *remote;
    ~Connection()
    {
        git_remote_disconnect(remote);
        transfer.finish();
    }
};

} // namespace

GitResult<GitUpstreamState> gitCheckUpstream(const GitRepository &repo, GitTransfer &transfer)
{
    const GitResult<GitDone> ready = repo.checkReady();
    if (!ready)
        return ready.error();
    const GitResult<BranchInfo> info = repo.branchInfo();
    if (!info)
        return info.error();
    if (info->unborn)
        return GitError(GitErrorKind::Failed,
                        GitText::tr("the branch has no commit yet: commit and push first"));

    GitUpstreamState state;
    state.branch = info->branch;
    const GitRepository::PushTarget target = repo.pushTarget(*info);
    state.remote = target.remote;
    state.remoteRef = target.remoteRef;
    git_oid headOid;
    int rc = git_reference_name_to_id(&headOid, repo.handle(), "HEAD");
    if (rc < 0)
        return lastGitError(rc, GitText::tr("cannot read HEAD"));
    state.headId = oidString(&headOid);

    git_remote *rawRemote = nullptr;
    const QByteArray remoteName = state.remote.toUtf8();
    rc = git_remote_lookup(&rawRemote, repo.handle(), remoteName.constData());
    if (rc == GIT_ENOTFOUND)
        return GitError(
            GitErrorKind::NoRemote,
            GitText::tr("the branch has no upstream and the repository has no remote named "
                        "\"%1\"")
                .arg(state.remote),
            rc);
    if (rc < 0)
        return lastGitError(rc, GitText::tr("cannot read the remote %1").arg(state.remote));
    const Remote remote(rawRemote);
    const QString url = QString::fromUtf8(git_remote_url(remote.get()));
    state.remoteUrl = displayUrl(url);

    transfer.begin(url, repo.handle());
    const Connection connection{transfer, remote.get()};
    if (const std::optional<GitError> tls = transfer.tlsError())
        return *tls;
    git_remote_callbacks callbacks = GIT_REMOTE_CALLBACKS_INIT;
    transfer.fillCallbacks(&callbacks);
    rc = git_remote_connect(remote.get(), GIT_DIRECTION_FETCH, &callbacks, nullptr, nullptr);
    if (rc < 0)
        return transfer.errorFor(rc,
                                 GitText::tr("cannot reach the remote %1").arg(state.remoteUrl));
    const git_remote_head **heads = nullptr;
    size_t count = 0;
    rc = git_remote_ls(&heads, &count, remote.get());
    if (rc < 0)
        return transfer.errorFor(
            rc, GitText::tr("cannot list the branches of %1").arg(state.remoteUrl));
    transfer.succeeded();

    const QByteArray wanted = state.remoteRef.toUtf8();
    for (size_t i = 0; i < count; ++i) {
        if (qstrcmp(heads[i]->name, wanted.constData()) != 0)
            continue;
        state.remoteId = oidString(&heads[i]->oid);
        state.headOnRemote = git_oid_equal(&heads[i]->oid, &headOid) ||
                             git_graph_descendant_of(repo.handle(), &heads[i]->oid, &headOid) == 1;
        break;
    }
    return state;
}

} // namespace Fluxdesk
