#pragma once

#include "gitrepository.h"
#include "gitresult.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

// One changed path, with its staged (HEAD -> index) and unstaged (index -> work tree) change.
struct GitFileStatus
{
    enum class Change
    {
        None,
        New,
        Modified,
        Deleted,
        Renamed,
        TypeChanged,
        Conflicted
    };
    QString path;    // relative to the work tree, '/' separated
    QString oldPath; // the path before a rename, else empty
    Change staged = Change::None;
    Change unstaged = Change::None;

    bool isConflicted() const
    {
        return staged == Change::Conflicted || unstaged == Change::Conflicted;
    }
};

// With rename detection, untracked files listed one by one (not as folders), ignored files left
// out, sorted by path.
GitResult<QList<GitFileStatus>> gitStatus(const GitRepository &repo);

// Stage/unstage single paths (a deleted file stages as a removal) or everything.
// All refuse the states GitRepository::checkReady() refuses, without touching the index.
GitResult<GitDone> stagePaths(const GitRepository &repo, const QStringList &paths);
GitResult<GitDone> stageAll(const GitRepository &repo);
GitResult<GitDone> unstagePaths(const GitRepository &repo, const QStringList &paths);
GitResult<GitDone> unstageAll(const GitRepository &repo);

// A default message naming what the staged changes do, e.g.
// "Add 3 files, update 2 files in workloads/llm" or "Update apps/loki/release.yaml".
QString defaultCommitMessage(const QList<GitFileStatus> &files);

} // namespace Fluxdesk
