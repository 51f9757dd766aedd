#pragma once

#include "plan/placement.h"
#include "plan/plan.h"
#include "plan/planoptions.h"

namespace Fluxdesk {

class Inventory;
class PlannedFiles;

// Every running Helm release the plan converts to a Flux HelmRelease (K3s's own and the ones the
// user excluded are not): the HelmRelease file with the user's edits of its values, credentials
// moved to a Secret unless kept inline, its chart's source, and the release's problems, which
// belong to its file. Adds the files to `files` and the problems and excluded Secrets to `plan`.
ReleasePlacement planHelmReleases(const Inventory &inventory, const PlanOptions &options,
                                  PlannedFiles &files, Plan &plan);

} // namespace Fluxdesk
