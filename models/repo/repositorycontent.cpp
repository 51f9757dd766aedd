#include "repositorycontent.h"

#include "atomicfile.h"
#include "repopath.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

namespace Fluxdesk {

namespace {
class RepositoryContentText
{
    Q_DECLARE_TR_FUNCTIONS(Fluxdesk::RepositoryContent)
};
} // namespace

bool repositoryHoldsManifests(const QString &dir)
{
    if (dir.isEmpty() || !QFileInfo(dir).isDir())
        return false;
    // Without QDir::Hidden the iterator neither lists nor enters hidden folders (.git).
    QDirIterator it(dir,
                    {QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json")},
                    QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    return it.hasNext();
}

Result<QString> prepareFileInRepository(const QString &root, const QString &relativePath)
{
    if (!RepoPath::isPlainRelative(relativePath))
        return Error(RepositoryContentText::tr("refusing a path outside the repository"),
                     relativePath);
    const QString canonicalRoot = QFileInfo(root).canonicalFilePath();
    if (canonicalRoot.isEmpty())
        return Error(RepositoryContentText::tr("the repository folder does not exist"), root);
    FolderHandles folders(canonicalRoot);
    const Result<int> folder = folders.open(RepoPath::folderOf(relativePath), true);
    if (!folder)
        return Error(
            folder.error().message,
            QDir(canonicalRoot)
                .filePath(folder.error().file.isEmpty() ? relativePath : folder.error().file));
    return QDir(canonicalRoot).filePath(relativePath);
}

} // namespace Fluxdesk
