#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

// How a replaced file reaches the disk.
enum class Durability
{
    // Flushed to disk before it takes the old file's place (QSaveFile): one file saved by hand.
    SyncEach,
    // The same temporary file renamed over the old one, without a sync per file: thousands of
    // files each waiting for the disk made a plan's first write 250 times slower than `cp -r`.
    // Call syncFileSystem() once after the last one.
    SyncLater,
};

// Replaces (or creates) path all at once: a reader sees the old text or the new, never a part;
// when writing fails the old file stays as it was. A replaced file keeps its mode. path may be a
// symlink only if the caller resolved it (it is replaced, not written through).
Result<bool> replaceFile(const QString &path, const QByteArray &data,
                         Durability durability = Durability::SyncEach);

// Creates path exclusively (O_EXCL, which also refuses a link planted meanwhile) and writes
// data, without a sync to disk: true when created, false when something is at path already, an
// error otherwise (a partly written file is removed again).
Result<bool> createExclusive(const QString &path, const QByteArray &data);

// createExclusive(), or replaceFile() (SyncEach) when something is there already: a new file
// holds no text to lose, so only a replacement pays for the sync.
Result<bool> createOrReplace(const QString &path, const QByteArray &data);

// Flushes the file system holding path (after SyncLater writes).
void syncFileSystem(const QString &path);

// A folder the user chose, opened once, and the folders under it opened from it one part at a
// time (openat with O_NOFOLLOW | O_DIRECTORY): a part that is a symlink, to anywhere, is refused,
// so a folder swapped for a link after a writer checked it cannot redirect the write. Files are
// made, replaced and deleted relative to these handles (repo/stagedwrite.h for whole batches):
// the one way the plan writer and the split writer reach the disk. Paths are relative to the root,
// '/'-separated, as RepoPath::isPlainRelative() wants them.
class FolderHandles
{
public:
    // root itself may be reached through links (the user chose it); nothing under it may.
    explicit FolderHandles(const QString &root);
    FolderHandles(const FolderHandles &) = delete;
    FolderHandles &operator=(const FolderHandles &) = delete;
    ~FolderHandles();

    QString root() const { return m_root; }
    // The handle of relFolder ("" is the root). With create, missing folders are made (mkdirat)
    // and appended to *made, parents first. An error naming the path when a part is a symlink or
    // not a folder, or cannot be opened or made.
    Result<int> open(const QString &relFolder, bool create = false, QStringList *made = nullptr);
    // createExclusive() of relPath, its folders made as needed (appended to *made).
    Result<bool> createExclusive(const QString &relPath, const QByteArray &data,
                                 QStringList *made = nullptr);
    // Deletes relPath itself (a link is deleted, never what it points to); false when it is not
    // there.
    Result<bool> remove(const QString &relPath);
    // Deletes the folder relFolder if it is empty; false when it is not, or not there.
    bool removeEmptyFolder(const QString &relFolder);

private:
    QString m_root;
    int m_rootFd = -1;
    int m_rootError = 0;
    QHash<QString, int> m_fds;
};

// "refusing a symbolic link in the path: PATH", with the path written to as the error's file.
Error symlinkRefused(const QString &linkPath, const QString &path);
// What the system's errno means for a write, in the user's words ("the disk is full", ...).
QString writeErrorText(int error);

} // namespace Fluxdesk
