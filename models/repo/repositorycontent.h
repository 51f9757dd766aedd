#pragma once

#include "core/error.h"

#include <QString>

namespace Fluxdesk {

// True when dir holds a manifest (a .yaml, .yml or .json file) outside hidden folders (.git,
// .fluxdesk): something a plan could overwrite, or list as no longer planned. Stops at the first
// one found; a folder that does not exist holds none. Links are not followed.
bool repositoryHoldsManifests(const QString &dir);

// For saving one file by hand into the repository: makes the folders of relativePath under root,
// none of which may be a symbolic link (FolderHandles, repo/atomicfile.h), and returns the file's
// absolute path under root's canonical path. An error naming the path when it is not a plain
// relative path or a folder cannot be made; the folders made before a failure stay (they are
// empty).
Result<QString> prepareFileInRepository(const QString &root, const QString &relativePath);

} // namespace Fluxdesk
