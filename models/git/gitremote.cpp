#include "gitremote.h"

#include "githandles.h"
#include "gittext.h"
#include "giturl.h"

#include <QCoreApplication>

namespace Fluxdesk {

using namespace GitHandles;

namespace {

GitResult<Remote> lookupRemote(git_repository *repo, const QString &name)
{
    git_remote *raw = nullptr;
    const QByteArray utf8 = name.toUtf8();
    const int rc = git_remote_lookup(&raw, repo, utf8.constData());
    if (rc == GIT_ENOTFOUND)
        return GitError(
            GitErrorKind::NoRemote,
            GitText::tr("the branch has no upstream and the repository has no remote named "
                        "\"%1\"")
                .arg(name),
            rc);
    if (rc < 0)
        return lastGitError(rc, GitText::tr("cannot read the remote %1").arg(name));
    return Remote(raw);
}

// Ends the transfer (the process-wide TLS lock) on every way out of an operation.
struct TransferEnd
{
    GitTransfer &transfer;
    ~TransferEnd() { transfer.finish(); }
};

QString nonFastForwardText()
{
    return GitText::tr(
        "the push was rejected because the remote has commits you don't have: fetch, then "
        "rebase or merge in your git tool and push again. Your commit is kept.");
}

} // namespace

GitResult<GitPushResult> gitPush(const GitRepository &repo, GitTransfer &transfer)
{
    const GitResult<GitDone> ready = repo.checkReady();
    if (!ready)
        return ready.error();
    const GitResult<BranchInfo> info = repo.branchInfo();
    if (!info)
        return info.error();
    if (info->unborn)
        return GitError(GitErrorKind::Failed, GitText::tr("there is no commit to push yet"));

    GitPushResult result;
    result.branch = info->branch;
    const GitRepository::PushTarget target = repo.pushTarget(*info);
    result.remote = target.remote;
    result.remoteRef = target.remoteRef;
    GitResult<Remote> remote = lookupRemote(repo.handle(), result.remote);
    if (!remote)
        return remote.error();
    // Pushes go to the pushurl where one is set: the host key, TLS settings and credentials
    // checked must be that host's, not the fetch URL's.
    const char *pushUrl = git_remote_pushurl(remote->get());
    const QString connectUrl = QString::fromUtf8(pushUrl ? pushUrl : git_remote_url(remote->get()));
    result.remoteUrl = displayUrl(connectUrl);

    const QByteArray refspec =
        (QStringLiteral("refs/heads/") + info->branch + QLatin1Char(':') + result.remoteRef)
            .toUtf8();
    char *spec = const_cast<char *>(refspec.constData());
    const git_strarray refspecs{&spec, 1};
    git_push_options options = GIT_PUSH_OPTIONS_INIT;
    transfer.begin(connectUrl, repo.handle());
    const TransferEnd end{transfer};
    if (const std::optional<GitError> tls = transfer.tlsError())
        return *tls; // refused before connecting: nothing is sent
    transfer.fillCallbacks(&options.callbacks);
    const int rc = git_remote_push(remote->get(), &refspecs, &options);
    if (rc == GIT_ENONFASTFORWARD)
        return GitError(GitErrorKind::NonFastForward, nonFastForwardText(), rc);
    // The remote's own refusal first: it explains a failure better than libgit2's summary.
    const QString rejection = transfer.rejection();
    if (!rejection.isEmpty() && !transfer.isCancelled()) {
        if (rejection.contains(QLatin1String("non-fast-forward")) ||
            rejection.contains(QLatin1String("fetch first")))
            return GitError(GitErrorKind::NonFastForward, nonFastForwardText());
        const QString remoteSaid = transfer.remoteMessages();
        return GitError(
            GitErrorKind::Rejected,
            remoteSaid.isEmpty()
                ? GitText::tr("the remote rejected the push (%1)").arg(rejection)
                : GitText::tr("the remote rejected the push (%1):\n%2").arg(rejection, remoteSaid));
    }
    if (rc < 0)
        return transfer.errorFor(rc, GitText::tr("the push failed"));
    transfer.succeeded();

    if (info->upstream.isEmpty()) {
        git_reference *rawBranch = nullptr;
        const QByteArray name = info->branch.toUtf8();
        int lookup =
            git_branch_lookup(&rawBranch, repo.handle(), name.constData(), GIT_BRANCH_LOCAL);
        if (lookup == 0) {
            Reference branch(rawBranch);
            const QByteArray upstream = (result.remote + QLatin1Char('/') + info->branch).toUtf8();
            lookup = git_branch_set_upstream(branch.get(), upstream.constData());
            result.upstreamSet = lookup == 0;
        }
        if (lookup < 0)
            return lastGitError(lookup, GitText::tr("pushed, but the upstream could not be set"));
    }
    return result;
}

GitResult<BranchInfo> gitFetch(const GitRepository &repo, GitTransfer &transfer)
{
    const GitResult<BranchInfo> info = repo.branchInfo();
    if (!info)
        return info.error();
    const QString name = info->remote.isEmpty() ? QStringLiteral("origin") : info->remote;
    GitResult<Remote> remote = lookupRemote(repo.handle(), name);
    if (!remote)
        return remote.error();
    git_fetch_options options = GIT_FETCH_OPTIONS_INIT;
    transfer.begin(QString::fromUtf8(git_remote_url(remote->get())), repo.handle());
    const TransferEnd end{transfer};
    if (const std::optional<GitError> tls = transfer.tlsError())
        return *tls;
    transfer.fillCallbacks(&options.callbacks);
    const int rc = git_remote_fetch(remote->get(), nullptr, &options, "fetch");
    if (rc < 0)
        return transfer.errorFor(rc, GitText::tr("the fetch failed"));
    transfer.succeeded();
    return repo.branchInfo();
}

GitResult<GitDone> gitAddRemote(const GitRepository &repo, const QString &name, const QString &url)
{
    git_remote *raw = nullptr;
    const QByteArray n = name.toUtf8();
    const QByteArray u = url.toUtf8();
    const int rc = git_remote_create(&raw, repo.handle(), n.constData(), u.constData());
    if (rc < 0)
        return lastGitError(rc, GitText::tr("cannot add the remote %1").arg(name));
    git_remote_free(raw);
    return GitDone{};
}

} // namespace Fluxdesk
