#include "privatefile.h"

#include "core/posixfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSaveFile>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace Fluxdesk {

namespace {

Error cannotWrite(const QString &why, const QString &path)
{
    return Error(QCoreApplication::translate("Fluxdesk::PrivateFile", "cannot write: %1").arg(why),
                 path);
}

} // namespace

Result<bool> writePrivateFile(const QString &path, const QByteArray &data)
{
    const QFileInfo target(path);
#ifdef Q_OS_UNIX
    const QString folder = target.absolutePath();
    // A short hidden name: one beside a 250-character file name would be too long itself.
    const QByteArray temporary = QFile::encodeName(
        folder + QLatin1String("/.fluxdesk-") +
        QString::number(QRandomGenerator::global()->generate64(), 36) + QLatin1String(".tmp"));
    const QByteArray final = QFile::encodeName(target.absoluteFilePath());
    const int fd = ::open(temporary.constData(),
                          O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0)
        return cannotWrite(qt_error_string(errno), path);
    // 0600 exactly: the umask can only take bits away, but a strict one (0277) would leave the
    // owner a file they cannot rewrite.
    int error = ::fchmod(fd, S_IRUSR | S_IWUSR) != 0 ? errno : 0;
    if (!error)
        error = writeAll(fd, data);
    if (!error && ::fsync(fd) != 0)
        error = errno;
    if (::close(fd) != 0 && !error && errno != EINTR)
        error = errno;
    if (!error && ::rename(temporary.constData(), final.constData()) != 0)
        error = errno;
    if (error) {
        ::unlink(temporary.constData());
        return cannotWrite(qt_error_string(error), path);
    }
    // The rename itself reaches the disk with the folder's entry.
    const int dirFd =
        ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return true;
#else
    // No Unix modes: the owner-only permissions Qt can express, set before the text is written.
    QSaveFile file(target.absoluteFilePath());
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(data) != data.size() || !file.commit())
        return cannotWrite(file.errorString(), path);
    return true;
#endif
}

} // namespace Fluxdesk
