#include "planwriter.h"

#include "manifest/yamljson.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSaveFile>

#include <algorithm>

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

// The files "Write plan" may delete: YAML under the plan's roots (infrastructure/, workloads/,
// clusters/<cluster>/), never flux bootstrap's clusters/<cluster>/flux-system/, another
// cluster's folder, or anything outside the roots (.fluxdesk/, .git/, READMEs).
bool isRemovableLocation(const QString &path, const QString &cluster)
{
    if (!path.endsWith(QLatin1String(".yaml")) && !path.endsWith(QLatin1String(".yml")))
        return false;
    const QStringList parts = path.split(QLatin1Char('/'));
    if (parts.size() < 2)
        return false;
    if (parts.at(0) == QLatin1String("infrastructure") || parts.at(0) == QLatin1String("workloads"))
        return true;
    return parts.size() >= 3 && parts.at(0) == QLatin1String("clusters") &&
           parts.at(1) == cluster && parts.at(2) != QLatin1String("flux-system");
}

// After relativeFile was deleted: removes the folders it leaves empty, up to the root folder
// (infrastructure/, workloads/, clusters/<cluster>/), which stays. rmdir() refuses a folder
// with anything in it, hidden files included.
void pruneEmptyFolders(const QString &canonicalRepo, const QString &relativeFile)
{
    QStringList parts = relativeFile.split(QLatin1Char('/'));
    parts.removeLast();
    const int rootDepth = parts.value(0) == QLatin1String("clusters") ? 2 : 1;
    const QDir repo(canonicalRepo);
    while (parts.size() > rootDepth) {
        const QString folder = repo.filePath(parts.join(QLatin1Char('/')));
        if (QFileInfo(folder).isSymLink() || !repo.rmdir(folder))
            return;
        parts.removeLast();
    }
}

// The folders and files a kustomization's `resources` names, cleaned ("./a.yaml" -> "a.yaml",
// "sub/" -> "sub"). An unreadable kustomization names nothing: kustomize reports it itself.
QSet<QString> resourcesOf(const QByteArray &text, const QString &path)
{
    QSet<QString> names;
    const Result<QJsonValue> value = parseYamlValue(text, path);
    if (!value)
        return names;
    const QJsonArray resources = value->toObject().value(QLatin1String("resources")).toArray();
    for (const QJsonValue &entry : resources)
        names.insert(QDir::cleanPath(entry.toString()));
    return names;
}

// Checks relative paths against one repository, remembering the folders already found inside
// it: a plan writes thousands of files into a few hundred folders, and resolving every part of
// every path again made the checks cost more than the writes.
class InsideChecker
{
public:
    explicit InsideChecker(const QString &repoDir)
        : m_repoDir(repoDir), m_repo(QFileInfo(repoDir).canonicalFilePath())
    {}

    Result<QString> check(const QString &relativePath)
    {
        if (m_repo.isEmpty() || !QFileInfo(m_repo).isDir())
            return Error(tr("the repository folder does not exist"), m_repoDir);
        const QString outside = tr("refusing a path outside the repository");
        if (relativePath.isEmpty() || QDir::isAbsolutePath(relativePath) ||
            relativePath.contains(QLatin1Char('\\')))
            return Error(outside, relativePath);
        const QStringList parts = relativePath.split(QLatin1Char('/'));
        for (const QString &part : parts) {
            if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String(".."))
                return Error(outside, relativePath);
        }
        QString prefix;
        for (const QString &part : parts) {
            prefix += prefix.isEmpty() ? part : QLatin1Char('/') + part;
            if (m_inside.contains(prefix))
                continue;
            const QFileInfo info(m_repo + QLatin1Char('/') + prefix);
            if (!info.isSymLink()) {
                if (!info.exists())
                    break; // what follows is created by us, inside what was checked
                // Not a link, in a folder found inside: inside too, without resolving it.
            } else {
                // The canonical path resolves every symlink; a dangling one has none.
                const QString canonical = info.canonicalFilePath();
                if (canonical.isEmpty() || !isInside(m_repo, canonical))
                    return Error(outside, relativePath);
            }
            m_inside.insert(prefix);
        }
        return QString(m_repo + QLatin1Char('/') + relativePath);
    }

    QString canonicalRepository() const { return m_repo; }

private:
    QString m_repoDir;
    QString m_repo;
    QSet<QString> m_inside; // existing relative paths found inside the repository
};

} // namespace

Result<QString> pathInsideRepository(const QString &repoDir, const QString &relativePath)
{
    return InsideChecker(repoDir).check(relativePath);
}

PlanWritePreview previewWrite(const Plan &plan, const RepositoryFiles &onDisk,
                              const WrittenRecord &written)
{
    PlanWritePreview preview;
    for (const FileState &s : compareWithRepository(plan, onDisk)) {
        switch (s.status) {
        case FileStatus::Planned:
            preview.created.append(s.path);
            break;
        case FileStatus::UpToDate:
            preview.unchanged.append(s.path);
            break;
        case FileStatus::Differs:
            (written.isUnedited(s.path, onDisk.value(s.path)) ? preview.outdated
                                                              : preview.differing)
                .append(s.path);
            break;
        case FileStatus::OnDiskOnly:
            if (isRemovableLocation(s.path, plan.cluster))
                preview.removable.append(s.path);
            break;
        }
    }
    return preview; // compareWithRepository sorts by path, so every list is sorted
}

Result<PlanWriteResult> writePlan(const Plan &plan, const QString &repoDir,
                                  const QSet<QString> &accept, const QSet<QString> &remove)
{
    // Decide and check everything first, so a refused path writes (and deletes) nothing at all.
    struct Pending
    {
        QString absolute;
        const PlannedFile *file;
        bool exists;
    };
    QList<Pending> pending;
    PlanWriteResult result;
    InsideChecker inside(repoDir);
    const Result<QString> recordPath = inside.check(writtenRecordPath());
    if (!recordPath)
        return recordPath.error();
    WrittenRecord record = loadWrittenRecord(repoDir);
    const WrittenRecord recordBefore = record;
    for (const PlannedFile &f : plan.files) {
        const Result<QString> path = inside.check(f.path);
        if (!path)
            return path.error();
        const QFileInfo info(*path);
        if (info.exists() && !info.isFile())
            return Error(tr("not a file"), f.path);
        if (info.exists()) {
            QFile current(*path);
            if (!current.open(QIODevice::ReadOnly))
                return Error(tr("cannot read: %1").arg(current.errorString()), f.path);
            const QByteArray content = current.readAll();
            if (content == f.text.toUtf8()) {
                result.unchanged.append(f.path);
                record.hashes.insert(f.path, WrittenRecord::hashOf(content));
                continue;
            }
            if (!accept.contains(f.path) && !record.isUnedited(f.path, content)) {
                result.kept.append(f.path);
                continue;
            }
        }
        // An existing file is replaced where it really lives (a symlink inside the repository
        // stays a symlink).
        pending.append({info.exists() ? info.canonicalFilePath() : *path, &f, info.exists()});
    }

    // The files to delete, checked like the writes. Sorted, so the result is too.
    struct Removal
    {
        QString relative;
        QString absolute; // the name itself: a symlink is removed, never what it points to
    };
    QList<Removal> removals;
    QStringList toRemove(remove.begin(), remove.end());
    std::sort(toRemove.begin(), toRemove.end());
    const QString repo = QFileInfo(repoDir).canonicalFilePath();
    for (const QString &relative : toRemove) {
        const Result<QString> path = inside.check(relative);
        if (!path)
            return path.error();
        if (plan.file(relative))
            return Error(tr("the plan writes this file; refusing to delete it"), relative);
        if (!isRemovableLocation(relative, plan.cluster))
            return Error(tr("only YAML files under infrastructure/, workloads/ and the cluster's "
                            "folder can be deleted"),
                         relative);
        const QFileInfo info(*path);
        if (!info.exists() && !info.isSymLink())
            return Error(tr("not on disk; nothing to delete"), relative);
        if (info.isDir())
            return Error(tr("not a file"), relative);
        // Through a symlinked folder the name may really be one of the plan's files.
        const QString real =
            QFileInfo(info.absolutePath()).canonicalFilePath() + QLatin1Char('/') + info.fileName();
        const QString realRelative = QDir(repo).relativeFilePath(real);
        if (plan.file(realRelative))
            return Error(tr("the plan writes this file; refusing to delete it"), relative);
        for (const Pending &p : pending) {
            if (p.absolute == real)
                return Error(tr("the plan writes this file; refusing to delete it"), relative);
        }
        removals.append({relative, *path});
    }

    // A kustomization that still names a deleted file (or a folder the deletions empty) no longer
    // builds: refuse, so the user accepts the plan's version of it too. The plan's own
    // kustomizations stop naming a file once it is planned without it (planRepository with the
    // removed files left out of `existing`).
    if (!removals.isEmpty()) {
        QSet<QString> removedSet;
        for (const Removal &r : removals)
            removedSet.insert(r.relative);
        QSet<QString> written;
        for (const Pending &p : pending)
            written.insert(p.file->path);
        const QSet<QString> kept(result.kept.begin(), result.kept.end());
        // What a folder's kustomization says after this write ("" when it has none).
        const auto kustomizationAfter = [&](const QString &folder, QString *path) -> QByteArray {
            for (const char *name : {"kustomization.yaml", "kustomization.yml"}) {
                *path = folder + QLatin1Char('/') + QLatin1String(name);
                const PlannedFile *f = plan.file(*path);
                if (f && !kept.contains(*path))
                    return f->text.toUtf8();
                if (removedSet.contains(*path))
                    continue;
                QFile file(QDir(repo).filePath(*path));
                if (file.open(QIODevice::ReadOnly))
                    return file.readAll();
            }
            return {};
        };
        // True when nothing stays in folder after this write (it is pruned).
        const auto emptied = [&](const QString &folder) {
            const QString prefix = folder + QLatin1Char('/');
            for (const PlannedFile &f : plan.files) {
                if (f.path.startsWith(prefix))
                    return false;
            }
            QDirIterator it(QDir(repo).filePath(folder),
                            QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                if (!removedSet.contains(QDir(repo).relativeFilePath(it.next())))
                    return false;
            }
            return true;
        };
        for (const Removal &r : removals) {
            QString entry = r.relative;
            while (entry.contains(QLatin1Char('/'))) {
                const QString folder = entry.left(entry.lastIndexOf(QLatin1Char('/')));
                const QString name = entry.mid(folder.size() + 1);
                if (entry != r.relative && !emptied(entry))
                    break;
                QString kustomization;
                const QByteArray text = kustomizationAfter(folder, &kustomization);
                if (!text.isEmpty() && resourcesOf(text, kustomization).contains(name))
                    return Error(tr("still lists \"%1\", which would be deleted: accept the "
                                    "plan's version of this file too, or keep %2")
                                     .arg(name, r.relative),
                                 kustomization);
                entry = folder;
            }
        }
    }

    QString lastFolder;
    for (const Pending &p : pending) {
        const QString folder = QFileInfo(p.absolute).absolutePath();
        if (folder != lastFolder && !QDir().mkpath(folder))
            return Error(tr("cannot create the folder"), folder);
        lastFolder = folder;
        QString error;
        const QByteArray content = p.file->text.toUtf8();
        if (!writeAtomically(p.absolute, content, &error))
            return Error(tr("cannot write: %1").arg(error), p.file->path);
        (p.exists ? result.updated : result.created).append(p.file->path);
        record.hashes.insert(p.file->path, WrittenRecord::hashOf(content));
    }

    // Deleted after the writes, so a folder that gets a new file is never pruned.
    for (const Removal &r : removals) {
        QFile file(r.absolute);
        if (!file.remove())
            return Error(tr("cannot delete: %1").arg(file.errorString()), r.relative);
        result.removed.append(r.relative);
        record.hashes.remove(r.relative);
        pruneEmptyFolders(repo, r.relative);
    }
    if (record.hashes != recordBefore.hashes) {
        QString error;
        if (!QDir().mkpath(QFileInfo(*recordPath).absolutePath()) ||
            !writeAtomically(*recordPath, record.toYaml(), &error))
            return Error(tr("cannot write: %1").arg(error), writtenRecordPath());
    }
    if (!pending.isEmpty() || !removals.isEmpty())
        syncRepository(repoDir);
    return result;
}

} // namespace Fluxdesk
