#pragma once

#include "core/error.h"
#include "plan/fluxreach.h"
#include "repo/splitwriter.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace Fluxdesk {

// Split into a folder of a repository, wired up so that Flux applies it (issue 18).

// folder (absolute, existing or not) relative to repoDir; a null string when it is not inside.
QString folderInRepository(const QString &repoDir, const QString &folder);

// The kustomizations that wire wiring.folder up, read from repoDir with the user's comments and
// other fields kept: for a chain, each folder's kustomization lists its child (one is made where
// there is none); for an unreachable folder, the nearest applied folder's lists wiring.entry.
// Relative path -> new text; only the ones that change.
Result<QList<QPair<QString, QByteArray>>> wiringWrites(const QString &repoDir,
                                                       const FolderWiring &wiring);

struct SplitIntoRepository
{
    QString repoDir;
    QString folder;        // absolute, inside repoDir
    QString removedSource; // as writeSplit()'s
    bool wire = true;      // write wiringWrites() (wiring from FluxReach::wiringFor(folder))
    FolderWiring wiring;
    bool keepOrder = false; // the folder's kustomization lists the files in the split's order
};

// writeSplit() into request.folder with, in the same all-or-nothing write: the wiring (when
// asked), and .fluxdesk/written.yaml naming the split's files and the kustomizations it made as
// the user's, so that Write plan never offers to delete them (plan/writtenrecord.h).
Result<SplitWriteResult> writeSplitIntoRepository(const SplitIntoRepository &request,
                                                  QList<SplitFile> files);

} // namespace Fluxdesk
