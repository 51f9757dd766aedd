#include "atomicfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSaveFile>

#ifdef Q_OS_UNIX
#include <qplatformdefs.h>

#include <cerrno>
#include <fcntl.h>
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
// Writes all of data to fd; 0 or the errno that stopped it.
int writeAll(int fd, const QByteArray &data)
{
    const char *p = data.constData();
    qsizetype left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, size_t(left));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return n < 0 ? errno : EIO;
        p += n;
        left -= n;
    }
    return 0;
}

// createExclusive() of name in the folder open as dirFd (AT_FDCWD: name is a whole path).
Result<bool> createAt(int dirFd, const QByteArray &name, const QString &path,
                      const QByteArray &data)
{
    // Straight system calls: QFile's engine costs more than the write for a small file.
    const int fd = ::openat(dirFd, name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) {
        const int openError = errno;
        if (openError == EEXIST)
            return false;
        return cannotWrite(qt_error_string(openError), path);
    }
    int error = writeAll(fd, data);
    if (::close(fd) != 0 && !error && errno != EINTR)
        error = errno;
    if (error) {
        ::unlinkat(dirFd, name.constData(), 0);
        return cannotWrite(qt_error_string(error), path);
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

FolderHandles::~FolderHandles()
{
#ifdef Q_OS_UNIX
    for (auto it = m_fds.cbegin(); it != m_fds.cend(); ++it)
        ::close(it.value());
#endif
}

int FolderHandles::handle(const QString &folder)
{
#ifdef Q_OS_UNIX
    const auto known = m_fds.constFind(folder);
    if (known != m_fds.constEnd())
        return *known;
    const int fd = ::open(QFile::encodeName(folder).constData(),
                          O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
    if (fd >= 0)
        m_fds.insert(folder, fd);
    return fd;
#else
    Q_UNUSED(folder);
    return -1;
#endif
}

Result<bool> FolderHandles::createExclusive(const QString &folder, const QString &name,
                                            const QByteArray &data)
{
    const QString path = folder + QLatin1Char('/') + name;
#ifdef Q_OS_UNIX
    const int fd = handle(folder);
    if (fd < 0)
        return Error(tr("cannot open the folder: %1").arg(qt_error_string(errno)), folder);
    return createAt(fd, QFile::encodeName(name), path, data);
#else
    return Fluxdesk::createExclusive(path, data);
#endif
}

} // namespace Fluxdesk
