#include "gitrepository.h"

#include "githandles.h"
#include "gittext.h"
#include "gittransfer.h"
#include "giturl.h"
#include "libgit2init.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace Fluxdesk {

using namespace GitHandles;

GitRepository::GitRepository(git_repository *repo) : m_repo(repo, git_repository_free) {}

GitRepository::~GitRepository() = default;

GitResult<GitRepository> GitRepository::open(const QString &path)
{
    ensureLibgit2();
    git_repository *raw = nullptr;
    const QByteArray native =
        QFile::encodeName(QDir::cleanPath(QFileInfo(path).absoluteFilePath()));
    const int rc = git_repository_open_ext(&raw, native.constData(), 0, nullptr);
    if (rc == GIT_ENOTFOUND)
        return GitError(
            GitErrorKind::NotARepository,
            GitText::tr("%1 is not a git repository").arg(QDir::toNativeSeparators(path)), rc);
    if (rc < 0)
        return lastGitError(rc, GitText::tr("cannot open the repository"));
    GitRepository repo(raw);
    if (git_repository_is_bare(raw))
        return GitError(
            GitErrorKind::BareRepository,
            GitText::tr("%1 is a bare repository: it has no working tree to commit from")
                .arg(QDir::toNativeSeparators(path)));
    return repo;
}

GitResult<GitRepository> GitRepository::init(const QString &path)
{
    ensureLibgit2();
    git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    options.flags = GIT_REPOSITORY_INIT_MKPATH | GIT_REPOSITORY_INIT_NO_REINIT;
    options.initial_head = "main";
    git_repository *raw = nullptr;
    const QByteArray native = QFile::encodeName(QFileInfo(path).absoluteFilePath());
    const int rc = git_repository_init_ext(&raw, native.constData(), &options);
    if (rc < 0)
        return lastGitError(rc, GitText::tr("cannot initialise a repository"));
    return GitRepository(raw);
}

GitResult<GitRepository> GitRepository::clone(const QString &url, const QString &path,
                                              GitTransfer *transfer)
{
    ensureLibgit2();
    git_clone_options options = GIT_CLONE_OPTIONS_INIT;
    GitTransfer fallback;
    GitTransfer *t = transfer ? transfer : &fallback;
    t->begin(url);
    t->fillCallbacks(&options.fetch_opts.callbacks);
    git_repository *raw = nullptr;
    const QByteArray nativeUrl = url.toUtf8();
    const QByteArray native = QFile::encodeName(QFileInfo(path).absoluteFilePath());
    const int rc = git_clone(&raw, nativeUrl.constData(), native.constData(), &options);
    if (rc < 0)
        return t->errorFor(rc, GitText::tr("cannot clone %1").arg(displayUrl(url)));
    t->succeeded();
    return GitRepository(raw);
}

QString GitRepository::workdir() const
{
    const char *dir = git_repository_workdir(m_repo.get());
    return dir ? QFile::decodeName(dir) : QString();
}

GitResult<GitDone> GitRepository::checkReady() const
{
    git_repository *repo = m_repo.get();
    const int detached = git_repository_head_detached(repo);
    if (detached == 1)
        return GitError(
            GitErrorKind::DetachedHead,
            GitText::tr("HEAD is detached (no branch is checked out): check out a branch in "
                        "your git tool first"));
    switch (git_repository_state(repo)) {
    case GIT_REPOSITORY_STATE_NONE:
        return GitDone{};
    case GIT_REPOSITORY_STATE_MERGE:
        return GitError(
            GitErrorKind::OperationInProgress,
            GitText::tr("a merge is in progress: finish or abort it in your git tool first"));
    case GIT_REPOSITORY_STATE_REBASE:
    case GIT_REPOSITORY_STATE_REBASE_INTERACTIVE:
    case GIT_REPOSITORY_STATE_REBASE_MERGE:
    case GIT_REPOSITORY_STATE_APPLY_MAILBOX_OR_REBASE:
        return GitError(
            GitErrorKind::OperationInProgress,
            GitText::tr("a rebase is in progress: finish or abort it in your git tool first"));
    default:
        return GitError(
            GitErrorKind::OperationInProgress,
            GitText::tr("a git operation (cherry-pick, revert, bisect or am) is in progress: "
                        "finish or abort it in your git tool first"));
    }
}

GitRepository::PushTarget GitRepository::pushTarget(const BranchInfo &info) const
{
    PushTarget target;
    target.remote = info.remote.isEmpty() ? QStringLiteral("origin") : info.remote;
    target.remoteRef = QStringLiteral("refs/heads/") + info.branch;
    if (!info.upstream.isEmpty()) {
        // The upstream may have another name on the remote (branch.<name>.merge).
        Buf merge;
        const QByteArray local = (QStringLiteral("refs/heads/") + info.branch).toUtf8();
        if (git_branch_upstream_merge(&merge.buf, handle(), local.constData()) == 0)
            target.remoteRef = merge.text();
    }
    return target;
}

GitResult<BranchInfo> GitRepository::branchInfo() const
{
    git_repository *repo = m_repo.get();
    BranchInfo info;
    info.unborn = git_repository_head_unborn(repo) == 1;
    info.detached = git_repository_head_detached(repo) == 1;
    git_reference *rawHead = nullptr;
    int rc = git_reference_lookup(&rawHead, repo, "HEAD");
    if (rc < 0)
        return lastGitError(rc, GitText::tr("cannot read HEAD"));
    Reference head(rawHead);
    if (info.detached)
        return info;
    const char *target = git_reference_symbolic_target(head.get());
    QString name = target ? QString::fromUtf8(target) : QString();
    if (name.startsWith(QLatin1String("refs/heads/")))
        name = name.mid(11);
    info.branch = name;
    if (info.unborn)
        return info;

    git_reference *rawLocal = nullptr;
    if ((rc = git_repository_head(&rawLocal, repo)) < 0)
        return lastGitError(rc, GitText::tr("cannot read HEAD"));
    Reference local(rawLocal);
    git_reference *rawUpstream = nullptr;
    rc = git_branch_upstream(&rawUpstream, local.get());
    if (rc == GIT_ENOTFOUND)
        return info;
    if (rc < 0)
        return lastGitError(rc, GitText::tr("cannot read the upstream branch"));
    Reference upstream(rawUpstream);
    info.upstream = QString::fromUtf8(git_reference_shorthand(upstream.get()));
    Buf remoteName;
    if (git_branch_remote_name(&remoteName.buf, repo, git_reference_name(upstream.get())) == 0)
        info.remote = remoteName.text();
    const git_oid *localOid = git_reference_target(local.get());
    const git_oid *upstreamOid = git_reference_target(upstream.get());
    if (localOid && upstreamOid) {
        size_t ahead = 0;
        size_t behind = 0;
        if ((rc = git_graph_ahead_behind(&ahead, &behind, repo, localOid, upstreamOid)) < 0)
            return lastGitError(rc, GitText::tr("cannot compare with the upstream branch"));
        info.ahead = int(ahead);
        info.behind = int(behind);
    }
    return info;
}

} // namespace Fluxdesk
