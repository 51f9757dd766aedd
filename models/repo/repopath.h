#pragma once

#include "core/error.h"

#include <QSet>
#include <QString>

namespace Fluxdesk {

// Paths inside a repository (or any folder the user chose to write into). The one home of the
// inside check and the relative-path helpers every writer uses.
namespace RepoPath {

// "a/b/c.yaml" -> "a/b"; "c.yaml" -> "".
QString folderOf(const QString &relativePath);
// "a/b/c.yaml" -> "c.yaml".
QString baseName(const QString &path);
// True when canonicalPath is canonicalRoot or lies under it (both already canonical).
bool isInside(const QString &canonicalRoot, const QString &canonicalPath);
// Relative, forward slashes only, no empty, "." or ".." part.
bool isPlainRelative(const QString &relativePath);
// The canonical form of path, resolving its deepest existing ancestor (what follows cannot be a
// link yet); "" when that ancestor is a dangling symlink.
QString canonicalOfDeepest(const QString &path);

} // namespace RepoPath

// Resolves relative paths inside one root folder, refusing "..", absolute paths, backslashes and
// any existing symlink (dangling ones included) that leads out of the root. Folders found inside
// are remembered: a writer checks thousands of files in a few hundred folders.
class RepositoryPaths
{
public:
    explicit RepositoryPaths(const QString &root);

    // The root's canonical path ("" when it does not exist).
    QString canonicalRoot() const { return m_root; }
    // The absolute path of relativePath under the canonical root, or an error naming it.
    Result<QString> resolve(const QString &relativePath);
    // Where relativePath really lives, relative to the canonical root: the links inside the root
    // it goes through resolved (its last part too, unless keepLastLink), so that a writer can
    // walk it with FolderHandles (repo/atomicfile.h), which refuses every link it meets. An error
    // naming it when it leaves the root.
    Result<QString> realRelative(const QString &relativePath, bool keepLastLink = false);

private:
    QString m_rootAsGiven;
    QString m_root;
    QSet<QString> m_inside; // existing relative paths found inside the root
};

// RepositoryPaths(root).resolve(relativePath), for a single path.
Result<QString> pathInsideRepository(const QString &root, const QString &relativePath);

} // namespace Fluxdesk
