#pragma once

#include "core/error.h"
#include "repo/atomicfile.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace Fluxdesk {

// A batch of files written into (and deleted from) one folder all or nothing: every new text is
// first written to a temporary file beside its target; only when all of them are on disk are
// they renamed into place, and the deletions made. When anything fails (a full disk, a folder
// swapped for a symlink, a rename refused) everything this batch did is undone: temporaries
// removed, replaced files back with their old text, new files and the folders made for them
// removed, deleted files back. The folder is then byte for byte as before, and the error names
// the file and the reason.
//
// Every path is reached through FolderHandles (repo/atomicfile.h), one folder at a time from the
// root without following links: callers check paths first (RepositoryPaths) and pass
// realRelative() ones; a part that became a link since is refused.
class StagedWrite
{
public:
    explicit StagedWrite(const QString &root);

    // relPath gets data, created or replaced (a replaced file keeps its mode).
    void write(const QString &relPath, const QByteArray &data);
    // relPath itself is deleted (a link is deleted, never what it points to).
    void remove(const QString &relPath);

    // Does it all, or nothing; flushed to disk before it returns (one sync for the batch).
    Result<bool> commit();
    // The folders commit() made, parents first (relative).
    QStringList madeFolders() const { return m_made; }
    // The handles commit() walked with, for a caller's own upkeep afterwards (pruning).
    FolderHandles &handles() { return m_handles; }

private:
    struct Entry
    {
        QString relPath;
        QByteArray data;
        bool remove = false;
        // What commit() did, for undoing it.
        int dirFd = -1;
        QByteArray name;
        QByteArray temporary; // written, not yet renamed
        QByteArray backup;    // the old file, kept under this name until the batch is done
        bool existed = false;
        bool done = false;
    };

    Error undo(const Error &error);

    FolderHandles m_handles;
    QList<Entry> m_entries;
    QStringList m_made;
};

// Seams for tests: a folder swapped for a link between the checks and the write, a failure in the
// middle of the renames. Set by tests only (not thread-safe); cleared with {}.
struct StagedWriteHooks
{
    // Called by commit() before it opens the first folder.
    std::function<void()> beforeWrite;
    // Called before each file is renamed into place; returns an errno to fail that step with, 0 to
    // go on.
    std::function<int(const QString &relPath)> beforeRename;
};
void setStagedWriteHooksForTesting(const StagedWriteHooks &hooks);

} // namespace Fluxdesk
