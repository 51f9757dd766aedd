#include "gitstatus.h"

#include "githandles.h"
#include "gittext.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace Fluxdesk {

using namespace GitHandles;

namespace {

// The git_status_t bits of one side (index or work tree), in the order that decides the change.
struct SideFlags
{
    unsigned added, renamed, deleted, typeChanged, modified;
};

GitFileStatus::Change changeOf(unsigned flags, const SideFlags &side)
{
    if (flags & GIT_STATUS_CONFLICTED)
        return GitFileStatus::Change::Conflicted;
    if (flags & side.added)
        return GitFileStatus::Change::New;
    if (flags & side.renamed)
        return GitFileStatus::Change::Renamed;
    if (flags & side.deleted)
        return GitFileStatus::Change::Deleted;
    if (flags & side.typeChanged)
        return GitFileStatus::Change::TypeChanged;
    if (flags & side.modified)
        return GitFileStatus::Change::Modified;
    return GitFileStatus::Change::None;
}

GitFileStatus::Change indexChange(unsigned flags)
{
    return changeOf(flags,
                    {GIT_STATUS_INDEX_NEW, GIT_STATUS_INDEX_RENAMED, GIT_STATUS_INDEX_DELETED,
                     GIT_STATUS_INDEX_TYPECHANGE, GIT_STATUS_INDEX_MODIFIED});
}

GitFileStatus::Change workdirChange(unsigned flags)
{
    return changeOf(flags, {GIT_STATUS_WT_NEW, GIT_STATUS_WT_RENAMED, GIT_STATUS_WT_DELETED,
                            GIT_STATUS_WT_TYPECHANGE, GIT_STATUS_WT_MODIFIED});
}

// git_strarray over UTF-8 copies that live as long as this object.
struct PathArray
{
    explicit PathArray(const QStringList &paths)
    {
        for (const QString &p : paths)
            bytes.append(p.toUtf8());
        for (QByteArray &b : bytes)
            pointers.push_back(b.data());
        array.strings = pointers.data();
        array.count = pointers.size();
    }
    QList<QByteArray> bytes;
    std::vector<char *> pointers;
    git_strarray array{};
};

GitResult<Index> openIndex(const GitRepository &repo)
{
    git_index *raw = nullptr;
    const int rc = git_repository_index(&raw, repo.handle());
    if (rc < 0)
        return lastGitError(rc, GitText::tr("cannot read the index"));
    return Index(raw);
}

GitResult<GitDone> writeIndex(git_index *index)
{
    const int rc = git_index_write(index);
    if (rc < 0)
        return lastGitError(rc, GitText::tr("cannot write the index"));
    return GitDone{};
}

} // namespace

GitResult<QList<GitFileStatus>> gitStatus(const GitRepository &repo)
{
    git_status_options options = GIT_STATUS_OPTIONS_INIT;
    options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
    options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
                    GIT_STATUS_OPT_RENAMES_HEAD_TO_INDEX | GIT_STATUS_OPT_RENAMES_INDEX_TO_WORKDIR |
                    GIT_STATUS_OPT_SORT_CASE_SENSITIVELY;
    git_status_list *raw = nullptr;
    const int rc = git_status_list_new(&raw, repo.handle(), &options);
    if (rc < 0)
        return lastGitError(rc, GitText::tr("cannot read the status"));
    StatusList list(raw);
    QList<GitFileStatus> files;
    const size_t count = git_status_list_entrycount(list.get());
    for (size_t i = 0; i < count; ++i) {
        const git_status_entry *entry = git_status_byindex(list.get(), i);
        if (entry->status == GIT_STATUS_CURRENT || (entry->status & GIT_STATUS_IGNORED))
            continue;
        GitFileStatus file;
        file.staged = indexChange(entry->status);
        file.unstaged = workdirChange(entry->status);
        const git_diff_delta *delta =
            entry->index_to_workdir ? entry->index_to_workdir : entry->head_to_index;
        const git_diff_delta *staged = entry->head_to_index;
        if (file.unstaged == GitFileStatus::Change::Renamed && entry->index_to_workdir) {
            file.path = QString::fromUtf8(entry->index_to_workdir->new_file.path);
            file.oldPath = QString::fromUtf8(entry->index_to_workdir->old_file.path);
        } else if (file.staged == GitFileStatus::Change::Renamed && staged) {
            file.path = QString::fromUtf8(staged->new_file.path);
            file.oldPath = QString::fromUtf8(staged->old_file.path);
        } else if (delta) {
            file.path = QString::fromUtf8(delta->new_file.path ? delta->new_file.path
                                                               : delta->old_file.path);
        }
        files.append(file);
    }
    std::sort(files.begin(), files.end(),
              [](const GitFileStatus &a, const GitFileStatus &b) { return a.path < b.path; });
    return files;
}

GitResult<GitDone> stagePaths(const GitRepository &repo, const QStringList &paths)
{
    const GitResult<GitDone> ready = repo.checkReady();
    if (!ready)
        return ready;
    GitResult<Index> index = openIndex(repo);
    if (!index)
        return index.error();
    const QString workdir = repo.workdir();
    for (const QString &path : paths) {
        const QByteArray utf8 = path.toUtf8();
        const bool onDisk = QFileInfo::exists(workdir + path);
        const int rc = onDisk ? git_index_add_bypath(index->get(), utf8.constData())
                              : git_index_remove_bypath(index->get(), utf8.constData());
        if (rc < 0)
            return lastGitError(rc, GitText::tr("cannot stage %1").arg(path));
    }
    return writeIndex(index->get());
}

GitResult<GitDone> stageAll(const GitRepository &repo)
{
    const GitResult<GitDone> ready = repo.checkReady();
    if (!ready)
        return ready;
    GitResult<Index> index = openIndex(repo);
    if (!index)
        return index.error();
    int rc = git_index_add_all(index->get(), nullptr, GIT_INDEX_ADD_DEFAULT, nullptr, nullptr);
    if (rc >= 0) // add_all does not see deletions; update_all stages them
        rc = git_index_update_all(index->get(), nullptr, nullptr, nullptr);
    if (rc < 0)
        return lastGitError(rc, GitText::tr("cannot stage all changes"));
    return writeIndex(index->get());
}

GitResult<GitDone> unstagePaths(const GitRepository &repo, const QStringList &paths)
{
    const GitResult<GitDone> ready = repo.checkReady();
    if (!ready)
        return ready;
    PathArray array(paths);
    if (git_repository_head_unborn(repo.handle()) == 1) {
        // No HEAD to reset to: unstaging means removing from the index.
        GitResult<Index> index = openIndex(repo);
        if (!index)
            return index.error();
        const int rc = git_index_remove_all(index->get(), &array.array, nullptr, nullptr);
        if (rc < 0)
            return lastGitError(rc, GitText::tr("cannot unstage"));
        return writeIndex(index->get());
    }
    git_object *rawHead = nullptr;
    int rc = git_revparse_single(&rawHead, repo.handle(), "HEAD");
    if (rc < 0)
        return lastGitError(rc, GitText::tr("cannot read HEAD"));
    Object head(rawHead);
    rc = git_reset_default(repo.handle(), head.get(), &array.array);
    if (rc < 0)
        return lastGitError(rc, GitText::tr("cannot unstage"));
    return GitDone{};
}

GitResult<GitDone> unstageAll(const GitRepository &repo)
{
    const GitResult<QList<GitFileStatus>> files = gitStatus(repo);
    if (!files)
        return files.error();
    QStringList paths;
    for (const GitFileStatus &f : *files) {
        if (f.staged != GitFileStatus::Change::None) {
            paths.append(f.path);
            if (!f.oldPath.isEmpty())
                paths.append(f.oldPath);
        }
    }
    if (paths.isEmpty())
        return GitDone{};
    return unstagePaths(repo, paths);
}

QString defaultCommitMessage(const QList<GitFileStatus> &files)
{
    QList<const GitFileStatus *> staged;
    for (const GitFileStatus &f : files) {
        if (f.staged != GitFileStatus::Change::None &&
            f.staged != GitFileStatus::Change::Conflicted)
            staged.append(&f);
    }
    if (staged.isEmpty())
        return {};
    const auto verb = [](GitFileStatus::Change c) {
        switch (c) {
        case GitFileStatus::Change::New:
            return 0;
        case GitFileStatus::Change::Deleted:
            return 2;
        case GitFileStatus::Change::Renamed:
            return 3;
        default:
            return 1;
        }
    };
    if (staged.size() == 1) {
        const GitFileStatus &f = *staged.first();
        switch (verb(f.staged)) {
        case 0:
            return GitText::tr("Add %1").arg(f.path);
        case 2:
            return GitText::tr("Delete %1").arg(f.path);
        case 3:
            return GitText::tr("Rename %1 to %2").arg(f.oldPath, f.path);
        default:
            return GitText::tr("Update %1").arg(f.path);
        }
    }
    int counts[4] = {0, 0, 0, 0};
    QStringList dirs;
    for (const GitFileStatus *f : staged) {
        ++counts[verb(f->staged)];
        dirs.append(QFileInfo(f->path).path());
    }
    // The deepest folder holding every changed file, for "... in workloads/llm".
    QStringList common = dirs.first().split(QLatin1Char('/'));
    for (const QString &dir : dirs) {
        const QStringList parts = dir.split(QLatin1Char('/'));
        qsizetype n = 0;
        while (n < common.size() && n < parts.size() && common.at(n) == parts.at(n))
            ++n;
        common = common.mid(0, n);
    }
    const QString where = common.join(QLatin1Char('/'));
    const auto files_ = [](int n) {
        return n == 1 ? GitText::tr("1 file") : GitText::tr("%1 files").arg(n);
    };
    QStringList parts;
    if (counts[0])
        parts.append(GitText::tr("add %1").arg(files_(counts[0])));
    if (counts[1])
        parts.append(GitText::tr("update %1").arg(files_(counts[1])));
    if (counts[2])
        parts.append(GitText::tr("delete %1").arg(files_(counts[2])));
    if (counts[3])
        parts.append(GitText::tr("rename %1").arg(files_(counts[3])));
    QString message = parts.join(QLatin1String(", "));
    message[0] = message.at(0).toUpper();
    if (!where.isEmpty() && where != QLatin1String("."))
        message = GitText::tr("%1 in %2").arg(message, where);
    return message;
}

} // namespace Fluxdesk
