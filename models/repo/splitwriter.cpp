#include "splitwriter.h"

#include "manifest/manifestnaming.h"
#include "manifest/parallel.h"
#include "manifest/yamlwriter.h"
#include "repo/atomicfile.h"
#include "repo/kustomizationfile.h"
#include "repo/repopath.h"
#include "repo/stagedwrite.h"

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
// files and no longer lists removedSource; created when there is none. Read, not written: the
// caller writes its text with the split's files, at realRelative (where it really lives).
Result<KustomizationFile> updatedKustomization(const QString &root, const QString &dir,
                                               const QStringList &written,
                                               const QString &removedSource, QString *realRelative,
                                               bool keepOrder = false)
{
    const QString path = kustomizationPathOnDisk(root);
    RepositoryPaths inside(root);
    const Result<QString> real = inside.realRelative(RepoPath::baseName(path));
    if (!real)
        return Error(
            translate("refusing to write outside the folder: %1").arg(RepoPath::baseName(path)),
            dir);
    *realRelative = *real;
    Result<KustomizationFile> kustomization = KustomizationFile::read(root);
    if (!kustomization)
        return kustomization;
    if (!removedSource.isEmpty())
        kustomization->removeResources({removedSource});
    if (keepOrder)
        kustomization->appendResources(written);
    else
        kustomization->addResources(written);
    return kustomization;
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
    QStringList folders; // sub-folders made, parents first
    std::optional<Error> failure;
    auto refuse = [&](const QString &rel) {
        failure = Error(translate("refusing to write outside the folder: %1").arg(rel), dir);
    };
    // One file, written into a folder that held nothing; false (with failure set) to stop. Each
    // is reached from the root without following links (repo/atomicfile.h's FolderHandles).
    FolderHandles handles(root);
    auto writeOne = [&](const QString &rel, const QByteArray &text) {
        if (!isWritableRelativePath(rel)) {
            refuse(rel);
            return false;
        }
        const Result<bool> saved = handles.createExclusive(rel, text, &folders);
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

    QString kustomizationPath;
    if (!unreadable && !failure) {
        // The folder held nothing, so its kustomization is new too.
        QString real;
        const Result<KustomizationFile> kustomization =
            updatedKustomization(root, dir, written, removedSource, &real);
        Result<bool> saved = kustomization ? handles.createExclusive(real, kustomization->text())
                                           : Result<bool>(kustomization.error());
        if (saved && !*saved)
            refuse(real);
        else if (!saved)
            failure = saved.error();
        else
            kustomizationPath = kustomization->path();
    }
    if (unreadable || failure) {
        // The folder held nothing: take back what was written, and the folders made for it.
        for (const QString &rel : qAsConst(written))
            handles.remove(rel);
        for (auto it = folders.crbegin(); it != folders.crend(); ++it)
            handles.removeEmptyFolder(*it);
        if (!existed)
            QDir().rmdir(root);
        if (failure)
            return Result<SplitWriteResult>(*failure);
        return std::nullopt; // the whole text is read again, and its error reported
    }
    SplitWriteResult result;
    for (const QString &rel : qAsConst(written))
        result.written.append(root + QLatin1Char('/') + rel);
    result.kustomization = kustomizationPath;
    result.problems = streamed->problems;
    result.hadComments = streamed->hadComments;
    result.skippedSecrets = streamed->skippedSecrets;
    return Result<SplitWriteResult>(result);
}

Result<SplitWriteResult> writeSplit(const QString &dir, QList<SplitFile> files,
                                    const QString &removedSource)
{
    return writeSplit(dir, std::move(files), removedSource, SplitWriteExtras());
}

Result<SplitWriteResult> writeSplit(const QString &dir, QList<SplitFile> files,
                                    const QString &removedSource, const SplitWriteExtras &extras)
{
    if (dir.isEmpty())
        return Error(translate("no folder given"));
    // The folders made here (dir and the missing ones above it) go again when the write does not
    // happen.
    QStringList made; // deepest first
    for (QString missing = QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
         !QFileInfo::exists(missing) && !QFileInfo(missing).isSymLink();
         missing = QFileInfo(missing).absolutePath()) {
        if (!made.isEmpty() && made.constLast() == missing)
            break; // the top
        made.append(missing);
    }
    if (!QDir().mkpath(dir))
        return Error(translate("cannot create the folder"), dir);
    const auto failed = [&](const Error &error) {
        for (const QString &folder : std::as_const(made))
            QDir().rmdir(folder);
        return error;
    };
    const QString root = QFileInfo(dir).canonicalFilePath();
    if (root.isEmpty())
        return failed(Error(translate("cannot resolve the folder"), dir));
    // The batch is staged in extras.root (dir inside it): prefix leads from there to dir.
    const QString batchRoot =
        extras.root.isEmpty() ? root : QFileInfo(extras.root).canonicalFilePath();
    if (batchRoot.isEmpty() || !RepoPath::isInside(batchRoot, root))
        return failed(
            Error(translate("refusing to write outside the folder: %1").arg(dir), extras.root));
    const QString prefix =
        batchRoot == root ? QString() : root.mid(batchRoot.size() + 1) + QLatin1Char('/');
    QStringList extraReals;
    RepositoryPaths batchPaths(batchRoot);
    for (const auto &extra : extras.files) {
        const Result<QString> real = batchPaths.realRelative(extra.first);
        if (!real || !RepoPath::isPlainRelative(*real))
            return failed(Error(
                translate("refusing to write outside the folder: %1").arg(extra.first), batchRoot));
        extraReals.append(*real);
    }

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
    // Where an existing file really lives, relative to root ("" when outside or a folder): a
    // link inside the folder is written through, as before, by writing where it points.
    auto realTarget = [&](const QString &target) {
        const QFileInfo info(target);
        if (info.isDir())
            return QString();
        if (!info.isSymLink())
            return target.mid(root.size() + 1);
        const QString canonical = info.canonicalFilePath();
        if (!RepoPath::isInside(root, canonical) || canonical == root)
            return QString();
        return canonical.mid(root.size() + 1);
    };
    QStringList targets; // absolute, as given
    QStringList reals;   // relative to root, where each really lives
    for (const SplitFile &file : files) {
        const QString &rel = file.relativePath;
        const QString relFolder = RepoPath::folderOf(rel);
        const QString name = RepoPath::baseName(rel);
        const QString refused = translate("refusing to write outside the folder: %1").arg(rel);
        if (!isWritableRelativePath(rel) || !folderInside(relFolder))
            return failed(Error(refused, dir));
        const QString canonicalFolder = folders.value(relFolder);
        QString real = canonicalFolder == root
                           ? name
                           : canonicalFolder.mid(root.size() + 1) + QLatin1Char('/') + name;
        if (mayExist(relFolder, name)) {
            real = realTarget(root + QLatin1Char('/') + real);
            if (real.isEmpty())
                return failed(Error(refused, dir));
        }
        targets.append(root + QLatin1Char('/') + rel);
        reals.append(real);
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
    QStringList written;
    written.reserve(files.size());
    for (const SplitFile &file : files)
        written.append(file.relativePath);
    QString kustomizationReal;
    const Result<KustomizationFile> kustomization = updatedKustomization(
        root, dir, written, removedSource, &kustomizationReal, extras.keepOrder);
    if (!kustomization)
        return failed(kustomization.error());

    // All or nothing (repo/stagedwrite.h): the files and the kustomization listing them land
    // together, or the folder stays as it was; each reached from root without following links.
    StagedWrite batch(batchRoot);
    for (qsizetype i = 0; i < files.size(); ++i)
        batch.write(prefix + reals.at(i), std::move(texts[i]));
    texts.clear();
    batch.write(prefix + kustomizationReal, kustomization->text());
    for (qsizetype i = 0; i < extraReals.size(); ++i)
        batch.write(extraReals.at(i), extras.files.at(i).second);
    const Result<bool> committed = batch.commit();
    if (!committed)
        return failed(committed.error());
    SplitWriteResult result;
    result.written = targets;
    result.kustomization = kustomization->path();
    for (const auto &extra : extras.files)
        result.alsoWritten.append(batchRoot + QLatin1Char('/') + extra.first);
    return result;
}

} // namespace Fluxdesk
