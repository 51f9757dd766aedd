#pragma once

// PlanTreeModel's node and the path helpers its parts share: private to plantreemodel.cpp and
// plantreemodeldragdrop.cpp (include it nowhere else).

#include "plantreemodel.h"
#include "repo/repopath.h" // RepoPath::folderOf() and baseName(), the path helpers

#include <QLatin1String>
#include <QString>

#include <vector>

namespace Fluxdesk {

struct PlanTreeModel::Node
{
    NodeType type = Folder;
    QString name;
    QString path; // folders, bootstrap and files
    int parent = -1;
    int row = 0;
    std::vector<int> children;

    int status = -1; // int(FileStatus) for files
    QString kindId;  // plannedFileKindId for planned files
    QList<ObjectKey> objects;
    QList<ObjectKey> movable; // what a drag or a move carries
    QList<FluxRef> fluxRefs;  // files: the Flux objects they hold
    bool plainTextSecret = false;
    bool encrypted = false;  // a Secret written SOPS-encrypted
    bool includable = false; // excluded objects the user may take back

    QString reason;     // excluded objects; files: why an encrypted one differs
    int ownership = -1; // excluded objects and their groups
    int differing = 0;  // folders: aggregates of the files below
    int planned = 0;
    int onDiskOnly = 0;
};

namespace PlanTreeDetail {

inline const QLatin1String objectsMime("application/x-fluxdesk-objects");

inline bool isUnderPlaceableRoot(const QString &path)
{
    for (const QLatin1String root : {QLatin1String("infrastructure"), QLatin1String("workloads")}) {
        if (path == root || (path.startsWith(root) && path.size() > root.size() &&
                             path.at(root.size()) == QLatin1Char('/')))
            return true;
    }
    return false;
}

} // namespace PlanTreeDetail

} // namespace Fluxdesk
