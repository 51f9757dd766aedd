#include "splitwiring.h"

#include "manifest/manifestnaming.h"
#include "plan/writtenrecord.h"
#include "repo/kustomizationfile.h"
#include "repo/repopath.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Fluxdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SplitWiring", text);
}

QString joined(const QString &folder, const QString &name)
{
    return folder.isEmpty() ? name : folder + QLatin1Char('/') + name;
}

QString absolute(const QString &repoDir, const QString &relative)
{
    return relative.isEmpty() ? repoDir : repoDir + QLatin1Char('/') + relative;
}

QByteArray contentOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

QString folderInRepository(const QString &repoDir, const QString &folder)
{
    const QString root = QFileInfo(repoDir).canonicalFilePath();
    const QString canonical = RepoPath::canonicalOfDeepest(QDir::cleanPath(folder));
    if (root.isEmpty() || canonical.isEmpty() || !RepoPath::isInside(root, canonical))
        return {};
    return canonical == root ? QStringLiteral("") : canonical.mid(root.size() + 1);
}

Result<QList<QPair<QString, QByteArray>>> wiringWrites(const QString &repoDir,
                                                       const FolderWiring &wiring)
{
    // folder -> what its kustomization gains
    QList<QPair<QString, QString>> additions;
    if (wiring.kind == FolderWiring::Kind::Chain) {
        QString child = wiring.folder;
        for (const QString &folder : wiring.chain) {
            additions.append({folder, RepoPath::baseName(child)});
            child = folder;
        }
    } else if (wiring.kind == FolderWiring::Kind::Unreachable && wiring.hasNearest) {
        additions.append({wiring.nearest, wiring.entry});
    }
    QList<QPair<QString, QByteArray>> out;
    for (const auto &addition : std::as_const(additions)) {
        const Result<KustomizationFile> file =
            KustomizationFile::read(absolute(repoDir, addition.first));
        if (!file)
            return file.error();
        KustomizationFile updated = *file;
        updated.addResources({addition.second});
        const QByteArray text = updated.text();
        if (file->existed() && text == file->text())
            continue;
        out.append({joined(addition.first, RepoPath::baseName(updated.path())), text});
    }
    return out;
}

Result<SplitWriteResult> writeSplitIntoRepository(const SplitIntoRepository &request,
                                                  QList<SplitFile> files)
{
    const QString folder = folderInRepository(request.repoDir, request.folder);
    if (folder.isNull())
        return Error(tr("refusing to write outside the repository: %1").arg(request.folder),
                     request.repoDir);
    const QString repoDir = QFileInfo(request.repoDir).canonicalFilePath();
    SplitWriteExtras extras;
    extras.root = repoDir;
    extras.keepOrder = request.keepOrder;
    if (request.wire) {
        const Result<QList<QPair<QString, QByteArray>>> wiring =
            wiringWrites(repoDir, request.wiring);
        if (!wiring)
            return wiring.error();
        extras.files = *wiring;
    }

    // What the split writes is the user's: recorded so, it is never "no longer planned". A
    // kustomization the plan wrote and nobody edited since stays the plan's, with its new text.
    WrittenRecord record = loadWrittenRecord(repoDir);
    const WrittenRecord before = record;
    for (const SplitFile &file : std::as_const(files))
        record.userFiles.insert(joined(folder, file.relativePath));
    const QString ownKustomization =
        joined(folder, RepoPath::baseName(kustomizationPathOnDisk(absolute(repoDir, folder))));
    if (!QFileInfo::exists(absolute(repoDir, ownKustomization)))
        record.userFiles.insert(ownKustomization);
    for (const auto &write : std::as_const(extras.files)) {
        const QByteArray old = contentOf(absolute(repoDir, write.first));
        if (!QFileInfo::exists(absolute(repoDir, write.first)))
            record.userFiles.insert(write.first);
        else if (record.isUnedited(write.first, old))
            record.hashes.insert(write.first, WrittenRecord::hashOf(write.second));
    }
    if (record.hashes != before.hashes || record.userFiles != before.userFiles)
        extras.files.append({writtenRecordPath(), record.toYaml()});
    return writeSplit(request.folder, std::move(files), request.removedSource, extras);
}

} // namespace Fluxdesk
