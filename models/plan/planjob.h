#pragma once

#include "core/error.h"
#include "plan/plandecisions.h"
#include "plan/planner.h"
#include "plan/planwriter.h"

#include <QList>
#include <QSet>
#include <QString>

#include <memory>

namespace Fluxdesk {

class Inventory;
class PlanCache;

// The one plan job, shared by `fluxdesk-cli plan` and the window's PlanSession so that their
// policies cannot drift: a checkout and the user's decisions in, a PlanSnapshot out; a snapshot
// and a write request in, what was written out. Both run off the UI thread in the window.

// One plan as it was made: the plan, the repository it was compared with, each file's status and
// what a write would do. Immutable once made, so it can be built on a worker thread and shared:
// `states` point into `plan`.
struct PlanSnapshot
{
    Plan plan;
    RepositoryFiles onDisk;
    QList<FileState> states;
    PlanWritePreview preview;
    // Read but not fatal: a malformed .fluxdesk/clean-rules.yaml (its file, line and column) is
    // reported and the plan uses the default rules.
    QList<Error> warnings;
    // The checkout holds a manifest (repo/repositorycontent.h), read with the plan off the UI
    // thread: the demo cluster planned against such a repository is said so before any write.
    bool repositoryHoldsManifests = false;
};

// The options a plan of repo uses: the decisions, the repository's clean rules (see
// PlanSnapshot::warnings), the Helm client's configuration for chart sources.
PlanOptions planOptionsFor(const QString &repo, const PlanDecisions &decisions,
                           QList<Error> *warnings, PlanCache *cache = nullptr);

// Reads the checkout, plans the inventory for it, compares and previews the write. identities
// (AgeKeys::findIdentities()) open the encrypted Secrets already written, so that unchanged ones
// are seen as such.
std::shared_ptr<const PlanSnapshot>
makePlanSnapshot(const Inventory &inventory, const QString &repo, const PlanDecisions &decisions,
                 PlanCache *cache = nullptr, const QList<Age::Identity> &identities = {});

struct PlanWriteRequest
{
    QSet<QString> accept; // differing files to replace with the plan's version
    QSet<QString> remove; // on-disk-only files to delete (PlanWritePreview::removable)
    bool acceptAllDiffering = false;
    QList<Age::Identity> identities; // open the encrypted files written before (writePlan)
};

// The plan a write of the snapshot writes: the snapshot's own, its kustomizations made again when
// files are deleted (they stop listing them) and accepted where the old one on disk was the
// plan's own text; a hand-edited one stays, and writePlan then refuses the deletion, saying which
// kustomization lists the file. Nothing is planned again. `accept` gains those kustomizations
// and, with acceptAllDiffering, every differing file.
Plan planToWrite(const PlanSnapshot &snapshot, const PlanWriteRequest &request,
                 QSet<QString> *accept);

// Writes the snapshot's plan into repo (see planToWrite and writePlan).
Result<PlanWriteResult> writePlanSnapshot(const PlanSnapshot &snapshot, const QString &repo,
                                          const PlanWriteRequest &request);

} // namespace Fluxdesk
