#pragma once

#include "gitrepository.h"
#include "gitresult.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Fluxdesk {

struct GitIdentity
{
    QString name;
    QString email;
};

// user.name/user.email as git resolves them (repository, global and system config), or the
// session identity set on repo. Missing -> GitErrorKind::IdentityMissing.
GitResult<GitIdentity> gitIdentity(const GitRepository &repo);
// Saves the identity in the repository's own config (.git/config) or, when saveToRepoConfig is
// false, keeps it for this GitRepository only.
GitResult<GitDone> setGitIdentity(GitRepository &repo, const GitIdentity &identity,
                                  bool saveToRepoConfig);

// Commits the index on the current branch; returns the new commit's full id. Refuses the
// checkReady() states, a missing identity and an index that equals HEAD (NothingToCommit).
GitResult<QString> commitIndex(const GitRepository &repo, const QString &message);

struct GitCommitInfo
{
    QString id;
    QString shortId; // 7 hex digits
    QString author;
    QString email;
    QDateTime time;
    QString summary; // first line
    QString message;
};

// The branch's recent commits, newest first.
GitResult<QList<GitCommitInfo>> gitHistory(const GitRepository &repo, int maxCount = 100);

// The full id of the commit HEAD points at; empty when the branch has no commit yet.
GitResult<QString> gitHeadId(const GitRepository &repo);

// Creates a new commit that undoes commitId (against its first parent), then updates the work
// tree. Refused when tracked files have uncommitted changes (they stay untouched) or when the
// revert conflicts.
GitResult<QString> revertCommit(const GitRepository &repo, const QString &commitId);

} // namespace Fluxdesk
