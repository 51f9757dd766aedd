#include "planwriter.h"

#include "repo/atomicfile.h"
#include "repo/kustomizationfile.h"
#include "repo/repopath.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace Fluxdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PlanWriter", text);
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

} // namespace

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
    RepositoryPaths inside(repoDir);
    const Result<QString> recordPath = inside.resolve(writtenRecordPath());
    if (!recordPath)
        return recordPath.error();
    WrittenRecord record = loadWrittenRecord(repoDir);
    const WrittenRecord recordBefore = record;
    for (const PlannedFile &f : plan.files) {
        const Result<QString> path = inside.resolve(f.path);
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
        const Result<QString> path = inside.resolve(relative);
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
            for (const QString &name : kustomizationFileNames()) {
                *path = folder + QLatin1Char('/') + name;
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
                if (!text.isEmpty() && kustomizationResources(text, kustomization).contains(name))
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
        const QByteArray content = p.file->text.toUtf8();
        const Result<bool> saved = replaceFile(p.absolute, content, Durability::SyncLater);
        if (!saved)
            return Error(saved.error().message, p.file->path);
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
        if (!QDir().mkpath(QFileInfo(*recordPath).absolutePath()))
            return Error(tr("cannot create the folder"), QFileInfo(*recordPath).absolutePath());
        const Result<bool> saved = replaceFile(*recordPath, record.toYaml(), Durability::SyncLater);
        if (!saved)
            return Error(saved.error().message, writtenRecordPath());
    }
    if (!pending.isEmpty() || !removals.isEmpty())
        syncFileSystem(repoDir);
    return result;
}

} // namespace Fluxdesk
