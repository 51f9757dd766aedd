#pragma once

#include "plan/existinglayout.h"
#include "plan/plan.h"

#include <QMap>
#include <QString>

namespace Fluxdesk {

class PlanCache;

// A kustomization.yaml in every folder under infrastructure/ and workloads/, listing the folder's
// planned files and subfolders, namespace.yaml first. What an existing kustomization lists by hand
// and still exists stays listed; a folder whose kustomization is spelled .yml keeps that name.
// Replaces the kustomizations among files.
void addFolderKustomizations(QMap<QString, PlannedFile> &files, const ExistingLayout &existing,
                             PlanCache *cache = nullptr);

// The plan with its folders' kustomizations made again for this checkout, everything else as it
// is: a write that deletes files plans their kustomizations as if they were gone already (they
// list what exists), without planning the rest again.
Plan withKustomizationsFor(const Plan &plan, const RepositoryFiles &existing);

} // namespace Fluxdesk
