#pragma once

// The planned repository of a live cluster: planRepository() and the parts it is made of.
#include "plan/placement.h"            // what is written, where, and what is left out
#include "plan/plan.h"                 // the plan's files and excluded objects
#include "plan/planoptions.h"          // the user's decisions and settings
#include "plan/repositorycomparison.h" // a checkout read, and a plan against it

namespace Fluxdesk {

class Inventory;

// Pure: the default placement of issue 4 (clusters/<cluster>/, infrastructure/{sources,
// controllers,<stack>,storage}/, workloads/<namespace>/, a kustomization.yaml in every folder).
// An object that already lives in a single-document file of the repository (matched by group,
// kind, namespace and name) keeps that file's path, so an existing layout is matched, not
// duplicated.
Plan planRepository(const Inventory &inventory, const PlanOptions &options = {},
                    const RepositoryFiles &existing = {});

} // namespace Fluxdesk
