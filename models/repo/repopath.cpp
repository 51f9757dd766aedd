#include "repopath.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStringList>

#include <algorithm>

namespace Fluxdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RepositoryPaths", text);
}

} // namespace

namespace RepoPath {

QString folderOf(const QString &relativePath)
{
    const qsizetype slash = relativePath.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : relativePath.left(slash);
}

QString baseName(const QString &path)
{
    return path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
}

bool isInside(const QString &canonicalRoot, const QString &canonicalPath)
{
    if (canonicalRoot.isEmpty() || canonicalPath.isEmpty())
        return false;
    if (canonicalPath == canonicalRoot)
        return true;
    return canonicalPath.startsWith(canonicalRoot.endsWith(QLatin1Char('/'))
                                        ? canonicalRoot
                                        : canonicalRoot + QLatin1Char('/'));
}

bool isPlainRelative(const QString &relativePath)
{
    if (relativePath.isEmpty() || QDir::isAbsolutePath(relativePath) ||
        relativePath.contains(QLatin1Char('\\')))
        return false;
    const QStringList parts = relativePath.split(QLatin1Char('/'));
    return std::none_of(parts.cbegin(), parts.cend(), [](const QString &p) {
        return p.isEmpty() || p == QLatin1String(".") || p == QLatin1String("..");
    });
}

QString canonicalOfDeepest(const QString &path)
{
    QString rest;
    QString current = QFileInfo(path).absoluteFilePath();
    while (!QFileInfo::exists(current) && !QFileInfo(current).isSymLink()) {
        const QFileInfo fi(current);
        rest = rest.isEmpty() ? fi.fileName() : fi.fileName() + QLatin1Char('/') + rest;
        const QString parent = fi.absolutePath();
        if (parent == current)
            break;
        current = parent;
    }
    const QString canonical = QFileInfo(current).canonicalFilePath();
    if (canonical.isEmpty())
        return QString(); // a dangling symlink: refuse
    return rest.isEmpty() ? canonical : QDir(canonical).filePath(rest);
}

} // namespace RepoPath

RepositoryPaths::RepositoryPaths(const QString &root)
    : m_rootAsGiven(root), m_root(QFileInfo(root).canonicalFilePath())
{}

Result<QString> RepositoryPaths::resolve(const QString &relativePath)
{
    if (m_root.isEmpty() || !QFileInfo(m_root).isDir())
        return Error(tr("the repository folder does not exist"), m_rootAsGiven);
    if (!RepoPath::isPlainRelative(relativePath))
        return Error(tr("refusing a path outside the repository"), relativePath);
    const QStringList parts = relativePath.split(QLatin1Char('/'));
    QString prefix;
    for (const QString &part : parts) {
        prefix += prefix.isEmpty() ? part : QLatin1Char('/') + part;
        if (m_inside.contains(prefix))
            continue;
        const QFileInfo info(m_root + QLatin1Char('/') + prefix);
        if (!info.isSymLink()) {
            if (!info.exists())
                break; // what follows is created by the writer, inside what was checked
            // Not a link, in a folder found inside: inside too, without resolving it.
        } else {
            // The canonical path resolves every symlink; a dangling one has none.
            if (!RepoPath::isInside(m_root, info.canonicalFilePath()))
                return Error(tr("refusing a path outside the repository"), relativePath);
        }
        m_inside.insert(prefix);
    }
    return QString(m_root + QLatin1Char('/') + relativePath);
}

Result<QString> RepositoryPaths::realRelative(const QString &relativePath, bool keepLastLink)
{
    const Result<QString> path = resolve(relativePath);
    if (!path)
        return path;
    QString real;
    if (keepLastLink) {
        const QFileInfo info(*path);
        const QString folder = RepoPath::canonicalOfDeepest(info.absolutePath());
        real = folder.isEmpty() ? QString() : folder + QLatin1Char('/') + info.fileName();
    } else {
        real = RepoPath::canonicalOfDeepest(*path);
    }
    if (real == m_root || !RepoPath::isInside(m_root, real))
        return Error(tr("refusing a path outside the repository"), relativePath);
    return real.mid(m_root.size() + (m_root.endsWith(QLatin1Char('/')) ? 0 : 1));
}

Result<QString> pathInsideRepository(const QString &root, const QString &relativePath)
{
    return RepositoryPaths(root).resolve(relativePath);
}

} // namespace Fluxdesk
