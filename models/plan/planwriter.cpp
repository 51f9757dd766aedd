#include "planwriter.h"

#include "repo/atomicfile.h"
#include "repo/kustomizationfile.h"
#include "repo/repopath.h"
#include "repo/stagedwrite.h"

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
// (infrastructure/, workloads/, clusters/<cluster>/), which stays. A folder with anything in it,
// hidden files included, or a link in a folder's place, stays.
void pruneEmptyFolders(FolderHandles &handles, const QString &relativeFile)
{
    QStringList parts = relativeFile.split(QLatin1Char('/'));
    parts.removeLast();
    const int rootDepth = parts.value(0) == QLatin1String("clusters") ? 2 : 1;
    while (parts.size() > rootDepth) {
        if (!handles.removeEmptyFolder(parts.join(QLatin1Char('/'))))
            return;
        parts.removeLast();
    }
}

} // namespace

PlanWritePreview previewWrite(const Plan &plan, const RepositoryFiles &onDisk,
                              const WrittenRecord &written, const EncryptedFiles &encrypted)
{
    PlanWritePreview preview;
    for (const FileState &s : compareWithRepository(plan, onDisk, encrypted)) {
        switch (s.status) {
        case FileStatus::Planned:
            preview.created.append(s.path);
            break;
        case FileStatus::UpToDate:
            preview.unchanged.append(s.path);
            break;
        case FileStatus::Differs:
            (!s.unopened && written.isUnedited(s.path, onDisk.value(s.path)) ? preview.outdated
                                                                             : preview.differing)
                .append(s.path);
            break;
        case FileStatus::OnDiskOnly:
            // A file split in for the user is theirs, never "no longer planned".
            if (isRemovableLocation(s.path, plan.cluster) && !written.isUsers(s.path))
                preview.removable.append(s.path);
            break;
        }
    }
    return preview; // compareWithRepository sorts by path, so every list is sorted
}

Result<PlanWriteResult> writePlan(const Plan &plan, const QString &repoDir,
                                  const QSet<QString> &accept, const QSet<QString> &remove,
                                  const QList<Age::Identity> &identities)
{
    // Decide and check everything first, so a refused path writes (and deletes) nothing at all.
    struct Pending
    {
        QString real; // where it really lives, relative (a symlink inside stays a symlink)
        const PlannedFile *file;
        bool exists;
        QByteArray content; // as written (an encrypted file's ciphertext)
    };
    QList<Pending> pending;
    PlanWriteResult result;
    RepositoryPaths inside(repoDir);
    const Result<QString> recordPath = inside.realRelative(writtenRecordPath());
    if (!recordPath)
        return recordPath.error();
    WrittenRecord record = loadWrittenRecord(repoDir);
    const WrittenRecord recordBefore = record;
    // Encrypted files need .sops.yaml's say on whom they are for; without it nothing is written.
    EncryptedFiles encrypted;
    if (std::any_of(plan.files.cbegin(), plan.files.cend(),
                    [](const PlannedFile &f) { return f.encrypted; })) {
        encrypted = EncryptedFiles::forRepository(repoDir, identities);
        for (const PlannedFile &f : plan.files) {
            if (!f.encrypted)
                continue;
            const Result<Sops::EncryptOptions> options = encrypted.encryptOptions(f.path);
            if (!options)
                return options.error();
        }
    }
    for (const PlannedFile &f : plan.files) {
        const Result<QString> path = inside.resolve(f.path);
        if (!path)
            return path.error();
        const QFileInfo info(*path);
        if (info.exists() && !info.isFile())
            return Error(tr("not a file"), f.path);
        QByteArray content;
        if (info.exists()) {
            QFile current(*path);
            if (!current.open(QIODevice::ReadOnly))
                return Error(tr("cannot read: %1").arg(current.errorString()), f.path);
            content = current.readAll();
            const EncryptedComparison sealed =
                f.encrypted ? encrypted.compare(f, content) : EncryptedComparison();
            if (f.encrypted ? sealed.upToDate : content == f.text.toUtf8()) {
                result.unchanged.append(f.path);
                record.hashes.insert(f.path, WrittenRecord::hashOf(content));
                continue;
            }
            if (!accept.contains(f.path) &&
                (sealed.unopened || !record.isUnedited(f.path, content))) {
                result.kept.append(f.path);
                continue;
            }
        }
        // An existing file is replaced where it really lives (a symlink inside the repository
        // stays a symlink).
        const Result<QString> real = inside.realRelative(f.path);
        if (!real)
            return real.error();
        if (f.encrypted) {
            // The old file, when its keys open it, keeps the ciphertext of unchanged values.
            const Result<QByteArray> sealed = encrypted.encrypt(f, content);
            if (!sealed)
                return sealed.error();
            content = *sealed;
        } else {
            content = f.text.toUtf8();
        }
        pending.append({*real, &f, info.exists(), content});
    }

    // The files to delete, checked like the writes. Sorted, so the result is too.
    struct Removal
    {
        QString relative;
        QString real; // the name itself: a symlink is removed, never what it points to
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
        const Result<QString> real = inside.realRelative(relative, true);
        if (!real)
            return real.error();
        if (plan.file(*real))
            return Error(tr("the plan writes this file; refusing to delete it"), relative);
        for (const Pending &p : pending) {
            if (p.real == *real)
                return Error(tr("the plan writes this file; refusing to delete it"), relative);
        }
        removals.append({relative, *real});
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

    // All or nothing (repo/stagedwrite.h): the new texts, the deletions and the record of what
    // was written land together, or the repository stays as it was. Each path is walked from the
    // repository's root without following links, so a folder swapped for one since the checks
    // above is refused.
    StagedWrite batch(inside.canonicalRoot());
    for (const Pending &p : pending) {
        batch.write(p.real, p.content);
        (p.exists ? result.updated : result.created).append(p.file->path);
        record.hashes.insert(p.file->path, WrittenRecord::hashOf(p.content));
    }
    // Deleted after the writes, so a folder that gets a new file is never pruned.
    for (const Removal &r : removals) {
        batch.remove(r.real);
        result.removed.append(r.relative);
        record.hashes.remove(r.relative);
    }
    if (record.hashes != recordBefore.hashes)
        batch.write(*recordPath, record.toYaml());
    const Result<bool> committed = batch.commit();
    if (!committed)
        return committed.error();
    for (const Removal &r : removals)
        pruneEmptyFolders(batch.handles(), r.real);
    return result;
}

} // namespace Fluxdesk
