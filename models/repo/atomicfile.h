#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QHash>
#include <QString>

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

// The folders a writer creates files in, each opened once (O_NOFOLLOW: a folder that became a
// link is refused): files are created relative to them, which spares the kernel walking the whole
// path for every file, and a folder swapped after its check cannot redirect the write.
class FolderHandles
{
public:
    FolderHandles() = default;
    FolderHandles(const FolderHandles &) = delete;
    FolderHandles &operator=(const FolderHandles &) = delete;
    ~FolderHandles();

    // createExclusive() of name in folder (an absolute path); an error when the folder cannot be
    // opened.
    Result<bool> createExclusive(const QString &folder, const QString &name,
                                 const QByteArray &data);

private:
    int handle(const QString &folder);

    QHash<QString, int> m_fds;
};

} // namespace Fluxdesk
