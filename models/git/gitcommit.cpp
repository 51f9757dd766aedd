#include "gitcommit.h"

#include "githandles.h"
#include "gitstatus.h"
#include "gittext.h"

#include <QCoreApplication>

namespace Fluxdesk {

using namespace GitHandles;

namespace {

GitResult<Signature> signatureFor(const GitRepository &repo)
{
    git_signature *raw = nullptr;
    if (!repo.sessionName().isEmpty() && !repo.sessionEmail().isEmpty()) {
        const QByteArray name = repo.sessionName().toUtf8();
        const QByteArray email = repo.sessionEmail().toUtf8();
        const int rc = git_signature_now(&raw, name.constData(), email.constData());
        if (rc < 0)
            return lastGitError(rc, GitText::tr("invalid name or email"));
        return Signature(raw);
    }
    const int rc = git_signature_default(&raw, repo.handle());
    if (rc == GIT_ENOTFOUND)
        return GitError(
            GitErrorKind::IdentityMissing,
            GitText::tr("your name and email for commits are not set (git config user.name "
                        "and user.email)"),
            rc);
    if (rc < 0)
        return lastGitError(rc, GitText::tr("cannot read your git identity"));
    return Signature(raw);
}

GitResult<Commit> lookupCommit(git_repository *repo, const QString &id)
{
    git_object *raw = nullptr;
    const QByteArray spec = id.toUtf8();
    int rc = git_revparse_single(&raw, repo, spec.constData());
    if (rc < 0)
        return lastGitError(rc, GitText::tr("no commit %1").arg(id));
    Object object(raw);
    git_object *peeled = nullptr;
    rc = git_object_peel(&peeled, object.get(), GIT_OBJECT_COMMIT);
    if (rc < 0)
        return lastGitError(rc, GitText::tr("%1 is not a commit").arg(id));
    return Commit(reinterpret_cast<git_commit *>(peeled));
}

GitResult<QString> createCommit(const GitRepository &repo, git_tree *tree, git_commit *parent,
                                const QString &message)
{
    GitResult<Signature> signature = signatureFor(repo);
    if (!signature)
        return signature.error();
    git_oid oid;
    const QByteArray text = message.toUtf8();
    const git_commit *parents[] = {parent};
    const int rc =
        git_commit_create(&oid, repo.handle(), "HEAD", signature->get(), signature->get(), nullptr,
                          text.constData(), tree, parent ? 1 : 0, parent ? parents : nullptr);
    if (rc < 0)
        return lastGitError(rc, GitText::tr("cannot create the commit"));
    return oidString(&oid);
}

} // namespace

GitResult<GitIdentity> gitIdentity(const GitRepository &repo)
{
    GitResult<Signature> signature = signatureFor(repo);
    if (!signature)
        return signature.error();
    return GitIdentity{QString::fromUtf8((*signature)->name),
                       QString::fromUtf8((*signature)->email)};
}

GitResult<GitDone> setGitIdentity(GitRepository &repo, const GitIdentity &identity,
                                  bool saveToRepoConfig)
{
    if (identity.name.trimmed().isEmpty() || identity.email.trimmed().isEmpty())
        return GitError(GitErrorKind::IdentityMissing,
                        GitText::tr("a name and an email are both needed"));
    if (!saveToRepoConfig) {
        repo.setSessionIdentity(identity.name.trimmed(), identity.email.trimmed());
        return GitDone{};
    }
    git_config *rawConfig = nullptr;
    int rc = git_repository_config(&rawConfig, repo.handle());
    if (rc < 0)
        return lastGitError(rc, GitText::tr("cannot open the repository's config"));
    Config config(rawConfig);
    git_config *rawLocal = nullptr;
    rc = git_config_open_level(&rawLocal, config.get(), GIT_CONFIG_LEVEL_LOCAL);
    if (rc < 0)
        return lastGitError(rc, GitText::tr("cannot open the repository's config"));
    Config local(rawLocal);
    const QByteArray name = identity.name.trimmed().toUtf8();
    const QByteArray email = identity.email.trimmed().toUtf8();
    if ((rc = git_config_set_string(local.get(), "user.name", name.constData())) < 0 ||
        (rc = git_config_set_string(local.get(), "user.email", email.constData())) < 0)
        return lastGitError(rc,
                            GitText::tr("cannot save your identity in the repository's config"));
    return GitDone{};
}

GitResult<QString> commitIndex(const GitRepository &repo, const QString &message)
{
    const GitResult<GitDone> ready = repo.checkReady();
    if (!ready)
        return ready.error();
    if (message.trimmed().isEmpty())
        return GitError(GitErrorKind::Failed, GitText::tr("the commit message is empty"));
    git_index *rawIndex = nullptr;
    int rc = git_repository_index(&rawIndex, repo.handle());
    if (rc < 0)
        return lastGitError(rc, GitText::tr("cannot read the index"));
    Index index(rawIndex);
    if (git_index_has_conflicts(index.get()))
        return GitError(GitErrorKind::OperationInProgress,
                        GitText::tr("the index has unresolved conflicts"));
    git_oid treeId;
    if ((rc = git_index_write_tree(&treeId, index.get())) < 0)
        return lastGitError(rc, GitText::tr("cannot write the tree"));
    git_tree *rawTree = nullptr;
    if ((rc = git_tree_lookup(&rawTree, repo.handle(), &treeId)) < 0)
        return lastGitError(rc, GitText::tr("cannot read the tree"));
    Tree tree(rawTree);

    Commit parent;
    if (git_repository_head_unborn(repo.handle()) != 1) {
        GitResult<Commit> head = lookupCommit(repo.handle(), QStringLiteral("HEAD"));
        if (!head)
            return head.error();
        parent = std::move(*head);
        if (git_oid_equal(git_commit_tree_id(parent.get()), &treeId))
            return GitError(GitErrorKind::NothingToCommit, GitText::tr("nothing to commit"));
    } else if (git_index_entrycount(index.get()) == 0) {
        return GitError(GitErrorKind::NothingToCommit, GitText::tr("nothing to commit"));
    }
    // Identity last so "nothing to commit" is not hidden behind a question about the name.
    return createCommit(repo, tree.get(), parent.get(), message);
}

GitResult<QList<GitCommitInfo>> gitHistory(const GitRepository &repo, int maxCount)
{
    QList<GitCommitInfo> commits;
    if (git_repository_head_unborn(repo.handle()) == 1)
        return commits;
    git_revwalk *rawWalk = nullptr;
    int rc = git_revwalk_new(&rawWalk, repo.handle());
    if (rc < 0)
        return lastGitError(rc, GitText::tr("cannot read the history"));
    RevWalk walk(rawWalk);
    git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
    if ((rc = git_revwalk_push_head(walk.get())) < 0)
        return lastGitError(rc, GitText::tr("cannot read the history"));
    git_oid oid;
    while (commits.size() < maxCount && git_revwalk_next(&oid, walk.get()) == 0) {
        git_commit *raw = nullptr;
        if ((rc = git_commit_lookup(&raw, repo.handle(), &oid)) < 0)
            return lastGitError(rc, GitText::tr("cannot read a commit"));
        Commit commit(raw);
        GitCommitInfo info;
        info.id = oidString(&oid);
        info.shortId = info.id.left(7);
        const git_signature *author = git_commit_author(commit.get());
        info.author = QString::fromUtf8(author->name);
        info.email = QString::fromUtf8(author->email);
        info.time = QDateTime::fromSecsSinceEpoch(author->when.time, Qt::OffsetFromUTC,
                                                  author->when.offset * 60);
        info.message = QString::fromUtf8(git_commit_message(commit.get()));
        info.summary = info.message.section(QLatin1Char('\n'), 0, 0);
        commits.append(info);
    }
    return commits;
}

GitResult<QString> gitHeadId(const GitRepository &repo)
{
    if (git_repository_head_unborn(repo.handle()) == 1)
        return QString();
    git_oid oid;
    const int rc = git_reference_name_to_id(&oid, repo.handle(), "HEAD");
    if (rc < 0)
        return lastGitError(rc, GitText::tr("cannot read HEAD"));
    return oidString(&oid);
}

GitResult<QString> revertCommit(const GitRepository &repo, const QString &commitId)
{
    const GitResult<GitDone> ready = repo.checkReady();
    if (!ready)
        return ready.error();
    const GitResult<QList<GitFileStatus>> status = gitStatus(repo);
    if (!status)
        return status.error();
    for (const GitFileStatus &f : *status) {
        if (f.staged != GitFileStatus::Change::None ||
            (f.unstaged != GitFileStatus::Change::None && f.unstaged != GitFileStatus::Change::New))
            return GitError(
                GitErrorKind::OperationInProgress,
                GitText::tr("commit or discard your changes before reverting (%1 is changed)")
                    .arg(f.path));
    }
    GitResult<Commit> target = lookupCommit(repo.handle(), commitId);
    if (!target)
        return target.error();
    GitResult<Commit> head = lookupCommit(repo.handle(), QStringLiteral("HEAD"));
    if (!head)
        return head.error();
    // In memory first, so a conflicting revert leaves the work tree as it was.
    git_index *rawIndex = nullptr;
    int rc = git_revert_commit(&rawIndex, repo.handle(), target->get(), head->get(),
                               git_commit_parentcount(target->get()) > 1 ? 1 : 0, nullptr);
    if (rc < 0)
        return lastGitError(rc, GitText::tr("cannot revert %1").arg(commitId));
    Index index(rawIndex);
    if (git_index_has_conflicts(index.get()))
        return GitError(
            GitErrorKind::Failed,
            GitText::tr("reverting %1 conflicts with later changes: revert it in your git "
                        "tool")
                .arg(commitId.left(7)));
    git_oid treeId;
    if ((rc = git_index_write_tree_to(&treeId, index.get(), repo.handle())) < 0)
        return lastGitError(rc, GitText::tr("cannot write the tree"));
    git_tree *rawTree = nullptr;
    if ((rc = git_tree_lookup(&rawTree, repo.handle(), &treeId)) < 0)
        return lastGitError(rc, GitText::tr("cannot read the tree"));
    Tree tree(rawTree);
    const GitResult<Signature> signature = signatureFor(repo);
    if (!signature) // asked before touching the work tree
        return signature.error();
    git_tree *rawHeadTree = nullptr;
    if ((rc = git_commit_tree(&rawHeadTree, head->get())) < 0)
        return lastGitError(rc, GitText::tr("cannot read the tree"));
    Tree headTree(rawHeadTree);
    git_checkout_options checkout = GIT_CHECKOUT_OPTIONS_INIT;
    checkout.checkout_strategy = GIT_CHECKOUT_SAFE;
    checkout.baseline = headTree.get();
    if ((rc = git_checkout_tree(repo.handle(), reinterpret_cast<git_object *>(tree.get()),
                                &checkout)) < 0)
        return lastGitError(rc, GitText::tr("cannot update the files for the revert"));
    const QString summary = QString::fromUtf8(git_commit_summary(target->get()));
    const QString message = QStringLiteral("Revert \"%1\"\n\nThis reverts commit %2.\n")
                                .arg(summary, oidString(git_commit_id(target->get())));
    GitResult<QString> created = createCommit(repo, tree.get(), head->get(), message);
    return created;
}

} // namespace Fluxdesk
