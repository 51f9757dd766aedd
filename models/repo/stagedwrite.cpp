#include "stagedwrite.h"

#include "core/posixfile.h"
#include "repo/repopath.h"

#include <QCoreApplication>
#include <QFile>
#include <QRandomGenerator>

#ifdef Q_OS_UNIX
#include <qplatformdefs.h>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

#include <algorithm>

namespace Fluxdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("StagedWrite", text);
}

StagedWriteHooks &hooks()
{
    static StagedWriteHooks instance;
    return instance;
}

Error cannotWrite(int error, const QString &relPath)
{
    return Error(tr("cannot write: %1; nothing was changed").arg(writeErrorText(error)), relPath);
}

QByteArray sideName(const QByteArray &name, const char *kind)
{
    return '.' + name + ".fluxdesk-" + kind + '-' +
           QByteArray::number(QRandomGenerator::global()->generate(), 36);
}

#ifdef Q_OS_UNIX
void syncFolder(int fd)
{
#if defined(Q_OS_LINUX)
    ::syncfs(fd);
#else
    Q_UNUSED(fd);
    ::sync();
#endif
}
#endif

} // namespace

void setStagedWriteHooksForTesting(const StagedWriteHooks &h)
{
    hooks() = h;
}

StagedWrite::StagedWrite(const QString &root) : m_handles(root) {}

void StagedWrite::write(const QString &relPath, const QByteArray &data)
{
    Entry e;
    e.relPath = relPath;
    e.data = data;
    m_entries.append(std::move(e));
}

void StagedWrite::remove(const QString &relPath)
{
    Entry e;
    e.relPath = relPath;
    e.remove = true;
    m_entries.append(std::move(e));
}

#ifdef Q_OS_UNIX

Result<bool> StagedWrite::commit()
{
    if (hooks().beforeWrite)
        hooks().beforeWrite();
    // 1. Every folder opened (or made), every new text written to a temporary beside its file.
    bool replacing = false;
    for (Entry &e : m_entries) {
        const Result<int> folder =
            m_handles.open(RepoPath::folderOf(e.relPath), !e.remove, &m_made);
        if (!folder)
            return undo(folder.error());
        e.dirFd = *folder;
        e.name = QFile::encodeName(RepoPath::baseName(e.relPath));
        struct stat st;
        if (::fstatat(e.dirFd, e.name.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
            e.existed = true;
            if (S_ISDIR(st.st_mode))
                return undo(Error(tr("not a file"), e.relPath));
            // A link in the file's place is refused as one on the way would be (one to delete is
            // deleted itself).
            if (!e.remove && S_ISLNK(st.st_mode))
                return undo(symlinkRefused(e.relPath, e.relPath));
        } else if (errno != ENOENT) {
            return undo(cannotWrite(errno, e.relPath));
        } else if (e.remove) {
            return undo(Error(tr("not on disk; nothing to delete"), e.relPath));
        }
        if (e.remove)
            continue;
        replacing = replacing || e.existed;
        const QByteArray temporary = sideName(e.name, "new");
        const int fd = ::openat(e.dirFd, temporary.constData(),
                                O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd < 0)
            return undo(cannotWrite(errno, e.relPath));
        e.temporary = temporary;
        // A replaced file keeps its mode; a new one gets 0666 less the umask, as QSaveFile does.
        int error = e.existed && ::fchmod(fd, st.st_mode & 07777) != 0 ? errno : 0;
        if (!error)
            error = writeAll(fd, e.data);
        if (::close(fd) != 0 && !error && errno != EINTR)
            error = errno;
        if (error)
            return undo(cannotWrite(error, e.relPath));
        e.data = QByteArray(); // on disk now
    }
    // The new texts reach the disk before they take the old ones' place: one sync for all.
    const Result<int> root = m_handles.open(QString());
    if (replacing && root)
        syncFolder(*root);

    // 2. Into place; the old files kept under a side name (a second link: no copy) until all are.
    for (Entry &e : m_entries) {
        int error = 0;
        if (!e.remove && hooks().beforeRename)
            error = hooks().beforeRename(e.relPath);
        if (!error && e.existed) {
            const QByteArray backup = sideName(e.name, "old");
            if (e.remove ||
                ::linkat(e.dirFd, e.name.constData(), e.dirFd, backup.constData(), 0) != 0) {
                // Deleting, or a file system without hard links: moved aside instead.
                if (::renameat(e.dirFd, e.name.constData(), e.dirFd, backup.constData()) != 0)
                    error = errno;
            }
            if (!error)
                e.backup = backup;
        }
        if (!error && !e.remove &&
            ::renameat(e.dirFd, e.temporary.constData(), e.dirFd, e.name.constData()) != 0)
            error = errno;
        if (error)
            return undo(cannotWrite(error, e.relPath));
        e.temporary = QByteArray();
        e.done = true;
    }

    // 3. Done: the old texts go.
    for (const Entry &e : qAsConst(m_entries)) {
        if (!e.backup.isEmpty())
            ::unlinkat(e.dirFd, e.backup.constData(), 0);
    }
    if (!m_entries.isEmpty() && root)
        syncFolder(*root);
    return true;
}

Error StagedWrite::undo(const Error &error)
{
    for (auto it = m_entries.rbegin(); it != m_entries.rend(); ++it) {
        Entry &e = *it;
        if (!e.temporary.isEmpty())
            ::unlinkat(e.dirFd, e.temporary.constData(), 0);
        if (!e.backup.isEmpty()) {
            // Back in its place, over the new text if that got there (rename replaces it). When
            // the new text never got there the side name is a second link to the same file, which
            // rename leaves alone: it is unlinked.
            ::renameat(e.dirFd, e.backup.constData(), e.dirFd, e.name.constData());
            ::unlinkat(e.dirFd, e.backup.constData(), 0);
        } else if (e.done && !e.existed) {
            ::unlinkat(e.dirFd, e.name.constData(), 0);
        }
        e.temporary = e.backup = QByteArray();
        e.done = false;
    }
    for (auto it = m_made.crbegin(); it != m_made.crend(); ++it)
        m_handles.removeEmptyFolder(*it);
    m_made.clear();
    return error;
}

#else

Result<bool> StagedWrite::commit()
{
    return Error(tr("writing into a folder needs a POSIX system"), m_handles.root());
}

Error StagedWrite::undo(const Error &error)
{
    return error;
}

#endif

} // namespace Fluxdesk
