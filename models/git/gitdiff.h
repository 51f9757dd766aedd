#pragma once

#include "gitrepository.h"
#include "gitresult.h"

#include <QString>

namespace Fluxdesk {

enum class GitDiffScope
{
    Unstaged, // index -> work tree (new files included)
    Staged,   // HEAD -> index
    All       // HEAD -> work tree, through the index
};

// The unified diff ("diff --git a/x b/x", "@@ ... @@") of one path, or of every path when path
// is empty. An unchanged path gives an empty text.
GitResult<QString> gitDiffFile(const GitRepository &repo, const QString &path, GitDiffScope scope);
// What commitId changed against its first parent (the root commit against nothing).
GitResult<QString> gitDiffCommit(const GitRepository &repo, const QString &commitId);
// Two texts as a unified diff with git's headers, by git_diff_buffers.
GitResult<QString> gitDiffTexts(const QString &oldText, const QString &newText,
                                const QString &oldName, const QString &newName);
// A file the plan is about to write (relativePath in the work tree) against what is on disk
// now; a missing file diffs against nothing.
GitResult<QString> gitDiffPlannedFile(const GitRepository &repo, const QString &relativePath,
                                      const QString &newText);

} // namespace Fluxdesk
