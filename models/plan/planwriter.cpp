#include "planwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSaveFile>

#ifdef Q_OS_UNIX
#include <qplatformdefs.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace Fluxdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PlanWriter", text);
}

#ifdef Q_OS_UNIX
// All or nothing for each file, like QSaveFile (a temporary file beside it, renamed over it),
// but without QSaveFile's fsync per file: thousands of files each waiting for the disk made a
// first write 250 times slower than `cp -r`. syncRepository() flushes once at the end instead.
bool writeAtomically(const QString &path, const QByteArray &data, QString *error)
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
    if (fd < 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + done, size_t(data.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            *error = QString::fromLocal8Bit(std::strerror(errno));
            ::close(fd);
            ::unlink(temporary.constData());
            return false;
        }
        done += n;
    }
    if (::close(fd) != 0 || ::rename(temporary.constData(), final.constData()) != 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        ::unlink(temporary.constData());
        return false;
    }
    return true;
}

void syncRepository(const QString &repoDir)
{
#ifdef Q_OS_LINUX
    const int fd = QT_OPEN(QFile::encodeName(repoDir).constData(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ::syncfs(fd);
        ::close(fd);
    }
#else
    Q_UNUSED(repoDir);
    ::sync();
#endif
}
#else
bool writeAtomically(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(data) != data.size() || !out.commit()) {
        *error = out.errorString();
        return false;
    }
    return true;
}

void syncRepository(const QString &) {}
#endif

bool isInside(const QString &canonicalRepo, const QString &canonicalPath)
{
    return canonicalPath == canonicalRepo ||
           canonicalPath.startsWith(canonicalRepo + QLatin1Char('/'));
}

} // namespace

Result<QString> pathInsideRepository(const QString &repoDir, const QString &relativePath)
{
    const QString repo = QFileInfo(repoDir).canonicalFilePath();
    if (repo.isEmpty() || !QFileInfo(repo).isDir())
        return Error(tr("the repository folder does not exist"), repoDir);
    const QString outside = tr("refusing a path outside the repository");
    if (relativePath.isEmpty() || QDir::isAbsolutePath(relativePath) ||
        relativePath.contains(QLatin1Char('\\')))
        return Error(outside, relativePath);
    const QStringList parts = relativePath.split(QLatin1Char('/'));
    for (const QString &part : parts) {
        if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String(".."))
            return Error(outside, relativePath);
    }
    QString current = repo;
    for (const QString &part : parts) {
        current += QLatin1Char('/') + part;
        const QFileInfo info(current);
        if (!info.exists() && !info.isSymLink())
            break; // what follows is created by us, inside what was checked
        // The canonical path resolves every symlink so far; a dangling one has none.
        const QString canonical = info.canonicalFilePath();
        if (canonical.isEmpty() || !isInside(repo, canonical))
            return Error(outside, relativePath);
    }
    return QString(repo + QLatin1Char('/') + relativePath);
}

Result<PlanWriteResult> writePlan(const Plan &plan, const QString &repoDir,
                                  const QSet<QString> &accept)
{
    // Decide and check everything first, so a refused path writes nothing at all.
    struct Pending
    {
        QString absolute;
        const PlannedFile *file;
        bool exists;
    };
    QList<Pending> pending;
    PlanWriteResult result;
    for (const PlannedFile &f : plan.files) {
        const Result<QString> path = pathInsideRepository(repoDir, f.path);
        if (!path)
            return path.error();
        const QFileInfo info(*path);
        if (info.exists() && !info.isFile())
            return Error(tr("not a file"), f.path);
        if (info.exists()) {
            QFile current(*path);
            if (!current.open(QIODevice::ReadOnly))
                return Error(tr("cannot read: %1").arg(current.errorString()), f.path);
            if (current.readAll() == f.text.toUtf8()) {
                result.unchanged.append(f.path);
                continue;
            }
            if (!accept.contains(f.path)) {
                result.kept.append(f.path);
                continue;
            }
        }
        // An existing file is replaced where it really lives (a symlink inside the repository
        // stays a symlink).
        pending.append({info.exists() ? info.canonicalFilePath() : *path, &f, info.exists()});
    }

    QString lastFolder;
    for (const Pending &p : pending) {
        const QString folder = QFileInfo(p.absolute).absolutePath();
        if (folder != lastFolder && !QDir().mkpath(folder))
            return Error(tr("cannot create the folder"), folder);
        lastFolder = folder;
        QString error;
        if (!writeAtomically(p.absolute, p.file->text.toUtf8(), &error))
            return Error(tr("cannot write: %1").arg(error), p.file->path);
        (p.exists ? result.updated : result.created).append(p.file->path);
    }
    if (!pending.isEmpty())
        syncRepository(repoDir);
    return result;
}

} // namespace Fluxdesk
