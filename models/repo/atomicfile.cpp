#include "atomicfile.h"

#include "core/posixfile.h"
#include "repo/repopath.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSaveFile>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <qplatformdefs.h>

#include <cerrno>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace Fluxdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AtomicFile", text);
}

Error cannotWrite(const QString &why, const QString &path)
{
    return Error(tr("cannot write: %1").arg(why), path);
}

Result<bool> saveFile(const QString &path, const QByteArray &data)
{
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(data) != data.size() || !out.commit())
        return cannotWrite(out.errorString(), path);
    return true;
}

#ifdef Q_OS_UNIX
// createExclusive() of name in the folder open as dirFd (AT_FDCWD: name is a whole path).
Result<bool> createAt(int dirFd, const QByteArray &name, const QString &path,
                      const QByteArray &data)
{
    // Straight system calls: QFile's engine costs more than the write for a small file.
    const int fd = ::openat(dirFd, name.constData(),
                            O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0) {
        const int openError = errno;
        if (openError == EEXIST)
            return false;
        return cannotWrite(writeErrorText(openError), path);
    }
    int error = writeAll(fd, data);
    if (::close(fd) != 0 && !error && errno != EINTR)
        error = errno;
    if (error) {
        ::unlinkat(dirFd, name.constData(), 0);
        return cannotWrite(writeErrorText(error), path);
    }
    return true;
}

// A temporary file beside path, renamed over it: QSaveFile's way without its fsync.
Result<bool> renameOver(const QString &path, const QByteArray &data)
{
    const QFileInfo target(path);
    const QByteArray temporary = QFile::encodeName(
        target.absolutePath() + QLatin1String("/.") + target.fileName() +
        QLatin1String(".fluxdesk-") + QString::number(QRandomGenerator::global()->generate(), 36));
    const QByteArray final = QFile::encodeName(path);
    struct stat existing;
    // A replaced file keeps its mode; a new one gets 0666 less the umask, as QSaveFile does.
    const mode_t mode =
        ::stat(final.constData(), &existing) == 0 ? (existing.st_mode & 07777) : mode_t(0666);
    const int fd = QT_OPEN(temporary.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0)
        return cannotWrite(qt_error_string(errno), path);
    int error = writeAll(fd, data);
    if (::close(fd) != 0 && !error && errno != EINTR)
        error = errno;
    if (!error && ::rename(temporary.constData(), final.constData()) != 0)
        error = errno;
    if (error) {
        ::unlink(temporary.constData());
        return cannotWrite(qt_error_string(error), path);
    }
    return true;
}
#endif

} // namespace

Result<bool> replaceFile(const QString &path, const QByteArray &data, Durability durability)
{
#ifdef Q_OS_UNIX
    if (durability == Durability::SyncLater)
        return renameOver(path, data);
#else
    Q_UNUSED(durability);
#endif
    return saveFile(path, data);
}

Result<bool> createExclusive(const QString &path, const QByteArray &data)
{
#ifdef Q_OS_UNIX
    return createAt(AT_FDCWD, QFile::encodeName(path), path, data);
#else
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        if (file.write(data) != data.size() || !file.flush()) {
            const QString why = file.errorString();
            file.close();
            file.remove();
            return cannotWrite(why, path);
        }
        file.close();
        return true;
    }
    if (!QFileInfo::exists(path) && !QFileInfo(path).isSymLink())
        return cannotWrite(file.errorString(), path);
    return false;
#endif
}

Result<bool> createOrReplace(const QString &path, const QByteArray &data)
{
    const Result<bool> created = createExclusive(path, data);
    if (!created || *created)
        return created;
    const Result<bool> replaced = replaceFile(path, data);
    if (!replaced)
        return replaced;
    return false;
}

void syncFileSystem(const QString &path)
{
#if defined(Q_OS_LINUX)
    const int fd = QT_OPEN(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ::syncfs(fd);
        ::close(fd);
    }
#elif defined(Q_OS_UNIX)
    Q_UNUSED(path);
    ::sync();
#else
    Q_UNUSED(path);
#endif
}

QString writeErrorText(int error)
{
#ifdef Q_OS_UNIX
    switch (error) {
    case ENOSPC:
        return tr("the disk is full");
    case EDQUOT:
        return tr("the disk quota is used up");
    case EFBIG:
        return tr("the file is too large (for the file system or a file size limit)");
    default:
        break;
    }
#endif
    return qt_error_string(error);
}

Error symlinkRefused(const QString &linkPath, const QString &path)
{
    return Error(tr("refusing a symbolic link in the path: %1").arg(linkPath), path);
}

FolderHandles::FolderHandles(const QString &root) : m_root(root)
{
#ifdef Q_OS_UNIX
    // One handle stays open per folder written into (a split by namespace and kind makes
    // thousands): the soft limit on open files is raised to the hard one, once, as Go's runtime
    // does. Nothing else in the process relies on the lower limit (Qt polls, it does not select).
    static const bool raised = [] {
        rlimit limit;
        if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= limit.rlim_max)
            return false;
        limit.rlim_cur = std::min<rlim_t>(limit.rlim_max, rlim_t(1) << 20); // Linux's nr_open
        return ::setrlimit(RLIMIT_NOFILE, &limit) == 0;
    }();
    Q_UNUSED(raised);
    m_rootFd = ::open(QFile::encodeName(root).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (m_rootFd < 0)
        m_rootError = errno;
#endif
}

FolderHandles::~FolderHandles()
{
#ifdef Q_OS_UNIX
    for (auto it = m_fds.cbegin(); it != m_fds.cend(); ++it)
        ::close(it.value());
    if (m_rootFd >= 0)
        ::close(m_rootFd);
#endif
}

Result<int> FolderHandles::open(const QString &relFolder, bool create, QStringList *made)
{
#ifdef Q_OS_UNIX
    if (relFolder.isEmpty()) {
        if (m_rootFd < 0)
            return Error(tr("cannot open the folder: %1").arg(qt_error_string(m_rootError)),
                         m_root);
        return m_rootFd;
    }
    const auto known = m_fds.constFind(relFolder);
    if (known != m_fds.constEnd())
        return *known;
    if (!RepoPath::isPlainRelative(relFolder))
        return Error(tr("refusing a path outside the folder"), relFolder);
    const Result<int> parent = open(RepoPath::folderOf(relFolder), create, made);
    if (!parent)
        return parent;
    const QByteArray name = QFile::encodeName(RepoPath::baseName(relFolder));
    const int flags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
    int fd = ::openat(*parent, name.constData(), flags);
    if (fd < 0 && errno == ENOENT && create) {
        if (::mkdirat(*parent, name.constData(), 0777) == 0) {
            if (made)
                made->append(relFolder);
        } else if (errno != EEXIST) {
            return Error(tr("cannot create the folder: %1").arg(writeErrorText(errno)), relFolder);
        }
        fd = ::openat(*parent, name.constData(), flags);
    }
    if (fd < 0) {
        const int error = errno;
        struct stat st;
        if (::fstatat(*parent, name.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
            if (S_ISLNK(st.st_mode))
                return symlinkRefused(relFolder, relFolder);
            if (!S_ISDIR(st.st_mode))
                return Error(tr("not a folder"), relFolder);
        }
        return Error(tr("cannot open the folder: %1").arg(qt_error_string(error)), relFolder);
    }
    m_fds.insert(relFolder, fd);
    return fd;
#else
    Q_UNUSED(relFolder);
    Q_UNUSED(create);
    Q_UNUSED(made);
    return Error(tr("writing into a folder needs a POSIX system"), m_root);
#endif
}

Result<bool> FolderHandles::createExclusive(const QString &relPath, const QByteArray &data,
                                            QStringList *made)
{
#ifdef Q_OS_UNIX
    const Result<int> folder = open(RepoPath::folderOf(relPath), true, made);
    if (!folder)
        return folder.error();
    return createAt(*folder, QFile::encodeName(RepoPath::baseName(relPath)), relPath, data);
#else
    Q_UNUSED(data);
    Q_UNUSED(made);
    return Error(tr("writing into a folder needs a POSIX system"), relPath);
#endif
}

Result<bool> FolderHandles::remove(const QString &relPath)
{
#ifdef Q_OS_UNIX
    const Result<int> folder = open(RepoPath::folderOf(relPath), false);
    if (!folder)
        return folder.error();
    if (::unlinkat(*folder, QFile::encodeName(RepoPath::baseName(relPath)).constData(), 0) == 0)
        return true;
    if (errno == ENOENT)
        return false;
    return Error(tr("cannot delete: %1").arg(qt_error_string(errno)), relPath);
#else
    return Error(tr("writing into a folder needs a POSIX system"), relPath);
#endif
}

bool FolderHandles::removeEmptyFolder(const QString &relFolder)
{
#ifdef Q_OS_UNIX
    if (relFolder.isEmpty())
        return false;
    const Result<int> parent = open(RepoPath::folderOf(relFolder), false);
    if (!parent)
        return false;
    const auto known = m_fds.find(relFolder);
    if (known != m_fds.end()) {
        ::close(*known);
        m_fds.erase(known);
    }
    // AT_REMOVEDIR never follows a link: a link put in the folder's place is not a folder.
    return ::unlinkat(*parent, QFile::encodeName(RepoPath::baseName(relFolder)).constData(),
                      AT_REMOVEDIR) == 0;
#else
    Q_UNUSED(relFolder);
    return false;
#endif
}

} // namespace Fluxdesk
