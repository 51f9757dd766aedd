#include "gitdiff.h"

#include "githandles.h"
#include "gittext.h"
#include "libgit2init.h"

#include <QCoreApplication>
#include <QFile>

namespace Fluxdesk {

using namespace GitHandles;

namespace {

int appendLine(const git_diff_delta *, const git_diff_hunk *, const git_diff_line *line,
               void *payload)
{
    auto *out = static_cast<QByteArray *>(payload);
    if (line->origin == GIT_DIFF_LINE_CONTEXT || line->origin == GIT_DIFF_LINE_ADDITION ||
        line->origin == GIT_DIFF_LINE_DELETION)
        out->append(line->origin);
    out->append(line->content, int(line->content_len));
    return 0;
}

GitResult<QString> print(git_diff *diff)
{
    QByteArray out;
    const int rc = git_diff_print(diff, GIT_DIFF_FORMAT_PATCH, appendLine, &out);
    if (rc < 0)
        return lastGitError(rc, GitText::tr("cannot format the diff"));
    return QString::fromUtf8(out);
}

GitResult<Tree> headTree(git_repository *repo)
{
    if (git_repository_head_unborn(repo) == 1)
        return Tree();
    git_object *raw = nullptr;
    const int rc = git_revparse_single(&raw, repo, "HEAD^{tree}");
    if (rc < 0)
        return lastGitError(rc, GitText::tr("cannot read HEAD"));
    return Tree(reinterpret_cast<git_tree *>(raw));
}

} // namespace

GitResult<QString> gitDiffFile(const GitRepository &repo, const QString &path, GitDiffScope scope)
{
    git_diff_options options = GIT_DIFF_OPTIONS_INIT;
    options.flags = GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_SHOW_UNTRACKED_CONTENT |
                    GIT_DIFF_RECURSE_UNTRACKED_DIRS;
    QByteArray pathBytes = path.toUtf8();
    char *pathPointer = pathBytes.data();
    if (!path.isEmpty()) {
        options.pathspec.strings = &pathPointer;
        options.pathspec.count = 1;
        options.flags |= GIT_DIFF_DISABLE_PATHSPEC_MATCH;
    }
    git_diff *raw = nullptr;
    int rc = 0;
    if (scope == GitDiffScope::Unstaged) {
        rc = git_diff_index_to_workdir(&raw, repo.handle(), nullptr, &options);
    } else {
        GitResult<Tree> tree = headTree(repo.handle());
        if (!tree)
            return tree.error();
        rc = scope == GitDiffScope::Staged
                 ? git_diff_tree_to_index(&raw, repo.handle(), tree->get(), nullptr, &options)
                 : git_diff_tree_to_workdir_with_index(&raw, repo.handle(), tree->get(), &options);
    }
    if (rc < 0)
        return lastGitError(rc, GitText::tr("cannot compute the diff"));
    Diff diff(raw);
    return print(diff.get());
}

GitResult<QString> gitDiffCommit(const GitRepository &repo, const QString &commitId)
{
    git_object *rawObject = nullptr;
    const QByteArray spec = commitId.toUtf8();
    int rc = git_revparse_single(&rawObject, repo.handle(), spec.constData());
    if (rc < 0)
        return lastGitError(rc, GitText::tr("no commit %1").arg(commitId));
    Object object(rawObject);
    git_object *peeled = nullptr;
    if ((rc = git_object_peel(&peeled, object.get(), GIT_OBJECT_COMMIT)) < 0)
        return lastGitError(rc, GitText::tr("%1 is not a commit").arg(commitId));
    Commit commit(reinterpret_cast<git_commit *>(peeled));
    git_tree *rawTree = nullptr;
    if ((rc = git_commit_tree(&rawTree, commit.get())) < 0)
        return lastGitError(rc, GitText::tr("cannot read the commit's tree"));
    Tree tree(rawTree);
    Tree parentTree;
    if (git_commit_parentcount(commit.get()) > 0) {
        git_commit *rawParent = nullptr;
        if ((rc = git_commit_parent(&rawParent, commit.get(), 0)) < 0)
            return lastGitError(rc, GitText::tr("cannot read the parent commit"));
        Commit parent(rawParent);
        git_tree *rawParentTree = nullptr;
        if ((rc = git_commit_tree(&rawParentTree, parent.get())) < 0)
            return lastGitError(rc, GitText::tr("cannot read the parent's tree"));
        parentTree.reset(rawParentTree);
    }
    git_diff *raw = nullptr;
    if ((rc = git_diff_tree_to_tree(&raw, repo.handle(), parentTree.get(), tree.get(), nullptr)) <
        0)
        return lastGitError(rc, GitText::tr("cannot compute the diff"));
    Diff diff(raw);
    git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
    git_diff_find_similar(diff.get(), &find);
    return print(diff.get());
}

GitResult<QString> gitDiffTexts(const QString &oldText, const QString &newText,
                                const QString &oldName, const QString &newName)
{
    ensureLibgit2(); // no repository may have been opened yet
    const QByteArray oldBytes = oldText.toUtf8();
    const QByteArray newBytes = newText.toUtf8();
    const QByteArray oldPath = oldName.toUtf8();
    const QByteArray newPath = newName.toUtf8();
    QByteArray out;
    struct Payload
    {
        QByteArray *out;
        QByteArray header;
    } payload{&out, "diff --git a/" + oldPath + " b/" + newPath + "\n--- " +
                        (oldText.isNull() ? QByteArray("/dev/null") : "a/" + oldPath) + "\n+++ " +
                        (newText.isNull() ? QByteArray("/dev/null") : "b/" + newPath) + '\n'};
    const auto hunk = [](const git_diff_delta *, const git_diff_hunk *h, void *p) {
        auto *pl = static_cast<Payload *>(p);
        if (!pl->header.isEmpty()) {
            pl->out->append(pl->header);
            pl->header.clear();
        }
        pl->out->append(h->header, int(h->header_len));
        return 0;
    };
    const auto line = [](const git_diff_delta *d, const git_diff_hunk *h, const git_diff_line *l,
                         void *p) { return appendLine(d, h, l, static_cast<Payload *>(p)->out); };
    const int rc =
        git_diff_buffers(oldText.isNull() ? nullptr : oldBytes.constData(), size_t(oldBytes.size()),
                         oldPath.constData(), newText.isNull() ? nullptr : newBytes.constData(),
                         size_t(newBytes.size()), newPath.constData(), nullptr, nullptr, nullptr,
                         hunk, line, &payload);
    if (rc < 0)
        return lastGitError(rc, GitText::tr("cannot compute the diff"));
    return QString::fromUtf8(out);
}

GitResult<QString> gitDiffPlannedFile(const GitRepository &repo, const QString &relativePath,
                                      const QString &newText)
{
    QFile file(repo.workdir() + relativePath);
    QString current; // null: the file does not exist yet
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return GitError(
                GitErrorKind::Failed,
                GitText::tr("cannot read %1: %2").arg(relativePath, file.errorString()));
        current = QString::fromUtf8(file.readAll());
        if (current.isNull())
            current = QLatin1String("");
    }
    return gitDiffTexts(current, newText.isNull() ? QLatin1String("") : newText, relativePath,
                        relativePath);
}

} // namespace Fluxdesk
