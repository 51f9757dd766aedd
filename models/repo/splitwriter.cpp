#include "splitwriter.h"

#include "manifest/manifestnaming.h"
#include "manifest/parallel.h"
#include "manifest/yamlwriter.h"
#include "repo/atomicfile.h"
#include "repo/kustomizationfile.h"
#include "repo/repopath.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <vector>

namespace Fluxdesk {

namespace {

QString translate(const char *text)
{
    return QCoreApplication::translate("Splitter", text);
}

// Relative, forward slashes only, no empty, "." or ".." part, not the kustomization itself.
bool isWritableRelativePath(const QString &rel)
{
    return RepoPath::isPlainRelative(rel) && !isKustomizationFileName(rel, Qt::CaseInsensitive);
}

// root's kustomization (any of kustomize's names) keeps its other fields, lists the written
// files and no longer lists removedSource; created when there is none. Its path, or an error.
Result<QString> updateKustomization(const QString &root, const QString &dir,
                                    const QStringList &written, const QString &removedSource)
{
    const QString path = kustomizationPathOnDisk(root);
    const QFileInfo info(path);
    if ((info.exists() || info.isSymLink()) &&
        !RepoPath::isInside(root, RepoPath::canonicalOfDeepest(path)))
        return Error(
            translate("refusing to write outside the folder: %1").arg(RepoPath::baseName(path)),
            dir);
    Result<KustomizationFile> kustomization = KustomizationFile::read(root);
    if (!kustomization)
        return kustomization.error();
    if (!removedSource.isEmpty())
        kustomization->removeResources({removedSource});
    kustomization->addResources(written);
    const Result<bool> saved = kustomization->write();
    if (!saved)
        return saved.error();
    return kustomization->path();
}

} // namespace

std::optional<Result<SplitWriteResult>>
splitLargeYamlInto(const QString &dir, const QByteArray &yaml, const QString &fileName,
                   const SplitOptions &options, const QString &removedSource)
{
    if (dir.isEmpty() || options.helmInstallOrder)
        return std::nullopt;
    if (!canStreamLargeYaml(yaml, options))
        return std::nullopt;
    const bool existed = QFileInfo::exists(dir);
    if (existed &&
        (!QFileInfo(dir).isDir() ||
         !QDir(dir).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot)))
        return std::nullopt;
    if (!QDir().mkpath(dir))
        return Result<SplitWriteResult>(Error(translate("cannot create the folder"), dir));
    const QString root = QFileInfo(dir).canonicalFilePath();
    if (root.isEmpty())
        return Result<SplitWriteResult>(Error(translate("cannot resolve the folder"), dir));

    QStringList written; // relative paths, in input order
    QStringList folders; // sub-folders made, each once
    std::optional<Error> failure;
    auto refuse = [&](const QString &rel) {
        failure = Error(translate("refusing to write outside the folder: %1").arg(rel), dir);
    };
    // One file, written into a folder that held nothing; false (with failure set) to stop.
    FolderHandles handles;
    auto writeOne = [&](const QString &rel, const QByteArray &text) {
        if (!isWritableRelativePath(rel)) {
            refuse(rel);
            return false;
        }
        const QString relFolder = RepoPath::folderOf(rel);
        const QString folder = relFolder.isEmpty() ? root : root + QLatin1Char('/') + relFolder;
        if (!relFolder.isEmpty() && !folders.contains(relFolder)) {
            if (!QDir().mkpath(folder)) {
                failure = Error(translate("cannot create the folder"), folder);
                return false;
            }
            folders.append(relFolder);
            if (!RepoPath::isInside(root, QFileInfo(folder).canonicalFilePath())) {
                refuse(relFolder);
                return false;
            }
        }
        const Result<bool> saved = handles.createExclusive(folder, RepoPath::baseName(rel), text);
        if (!saved)
            failure = saved.error();
        else if (!*saved) // the folder was empty: something appeared meanwhile
            refuse(rel);
        if (!saved.ok() || !*saved)
            return false;
        written.append(rel);
        return true;
    };
    const std::optional<StreamedSplit> streamed =
        streamLargeYaml(yaml, fileName, options, writeOne);
    const bool unreadable = !streamed;

    if (unreadable || failure) {
        // The folder held nothing: take back what was written.
        for (const QString &rel : qAsConst(written))
            QFile::remove(root + QLatin1Char('/') + rel);
        std::sort(folders.begin(), folders.end(),
                  [](const QString &a, const QString &b) { return a.size() > b.size(); });
        for (const QString &folder : qAsConst(folders))
            QDir(root).rmpath(folder);
        if (!existed)
            QDir().rmdir(root);
        if (failure)
            return Result<SplitWriteResult>(*failure);
        return std::nullopt; // the whole text is read again, and its error reported
    }
    const Result<QString> kustomization = updateKustomization(root, dir, written, removedSource);
    if (!kustomization)
        return Result<SplitWriteResult>(kustomization.error());
    SplitWriteResult result;
    for (const QString &rel : qAsConst(written))
        result.written.append(root + QLatin1Char('/') + rel);
    result.kustomization = *kustomization;
    result.problems = streamed->problems;
    result.hadComments = streamed->hadComments;
    result.skippedSecrets = streamed->skippedSecrets;
    return Result<SplitWriteResult>(result);
}

Result<SplitWriteResult> writeSplit(const QString &dir, QList<SplitFile> files,
                                    const QString &removedSource)
{
    if (dir.isEmpty())
        return Error(translate("no folder given"));
    if (!QDir().mkpath(dir))
        return Error(translate("cannot create the folder"), dir);
    const QString root = QFileInfo(dir).canonicalFilePath();
    if (root.isEmpty())
        return Error(translate("cannot resolve the folder"), dir);

    // Check every path before writing any, so a hostile list writes nothing at all. Folders are
    // resolved once each (a split writes thousands of files into a handful of folders).
    QHash<QString, QString> folders; // relative folder -> canonical path ("" = outside)
    auto folderInside = [&](const QString &relFolder) {
        const auto known = folders.constFind(relFolder);
        if (known != folders.constEnd())
            return !known->isEmpty();
        const QString canonical =
            relFolder.isEmpty() ? root
                                : RepoPath::canonicalOfDeepest(root + QLatin1Char('/') + relFolder);
        const bool inside = RepoPath::isInside(root, canonical);
        folders.insert(relFolder, inside ? canonical : QString());
        return inside;
    };
    // What each folder holds, read once: a name that is not there (compared case-insensitively,
    // for file systems that are) needs no look-up of its own.
    QHash<QString, QSet<QString>> listings;
    auto mayExist = [&](const QString &relFolder, const QString &name) {
        for (const QChar c : name) {
            if (c.unicode() >= 0x80)
                return true; // case folding and normalisation vary: look it up
        }
        auto listing = listings.find(relFolder);
        if (listing == listings.end()) {
            listing = listings.insert(relFolder, QSet<QString>());
            QDirIterator it(relFolder.isEmpty() ? root : root + QLatin1Char('/') + relFolder,
                            QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
            while (it.hasNext()) {
                it.next();
                listing->insert(it.fileName().toLower());
            }
        }
        return listing->contains(name.toLower());
    };
    auto targetInside = [&](const QString &target) {
        // An existing link could point anywhere (QSaveFile writes through links): resolve it.
        const QFileInfo info(target);
        if (!info.isSymLink() && !info.isDir())
            return true;
        if (info.isDir())
            return false;
        const QString canonical = info.canonicalFilePath();
        return RepoPath::isInside(root, canonical) && canonical != root;
    };
    QStringList targets;
    for (const SplitFile &file : files) {
        const QString &rel = file.relativePath;
        const QString relFolder = RepoPath::folderOf(rel);
        const QString target = root + QLatin1Char('/') + rel;
        if (!isWritableRelativePath(rel) || !folderInside(relFolder) ||
            (mayExist(relFolder, rel.mid(rel.lastIndexOf(QLatin1Char('/')) + 1)) &&
             !targetInside(target)))
            return Error(translate("refusing to write outside the folder: %1").arg(rel), dir);
        targets.append(target);
    }
    for (auto it = folders.constBegin(); it != folders.constEnd(); ++it) {
        if (it.key().isEmpty())
            continue;
        const QString path = root + QLatin1Char('/') + it.key();
        if (!QDir().mkpath(path))
            return Error(translate("cannot create the folder"), path);
        // Re-check after mkpath: a link may have appeared in between.
        const QString canonical = QFileInfo(path).canonicalFilePath();
        if (!RepoPath::isInside(root, canonical))
            return Error(translate("refusing to write outside the folder: %1").arg(it.key()), dir);
    }

    // One after another: new files in one folder contend for its lock. Two threads were 1.1x
    // faster on tmpfs but 3.4x slower on ext4 (measured), and a repository lives on a disk; the
    // per-file sync is what made a large split slow.
    // The texts are written on several threads for a large split; the files one after another.
    // Each object is let go once written out, on the thread that wrote it; a file whose text
    // was written out already keeps it.
    QVector<QByteArray> texts(files.size());
    QByteArray *const text = texts.data();
    std::vector<QJsonObject> owned;
    owned.reserve(std::size_t(files.size()));
    for (qsizetype i = 0; i < files.size(); ++i) {
        SplitFile &f = files[i];
        owned.push_back(f.object);
        f.object = QJsonObject();
        text[i] = std::move(f.text);
    }
    QJsonObject *const object = owned.data();
    Detail::parallelFor(qsizetype(owned.size()), 256, [&](qsizetype i) {
        if (text[i].isEmpty())
            text[i] = toYaml(object[i]).toUtf8();
        object[i] = QJsonObject();
    });
    for (qsizetype i = 0; i < files.size(); ++i) {
        const Result<bool> saved = createOrReplace(targets.at(i), texts.at(i));
        if (!saved)
            return saved.error();
    }
    SplitWriteResult result;
    result.written = targets;
    QStringList written;
    written.reserve(files.size());
    for (const SplitFile &file : files)
        written.append(file.relativePath);
    const Result<QString> kustomization = updateKustomization(root, dir, written, removedSource);
    if (!kustomization)
        return kustomization.error();
    result.kustomization = *kustomization;
    return result;
}

} // namespace Fluxdesk
