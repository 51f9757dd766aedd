#pragma once

#include "core/error.h"
#include "plan/planner.h"
#include "plan/writtenrecord.h"
#include "repo/repopath.h" // pathInsideRepository(), which the plan's callers check paths with

#include <QSet>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

struct PlanWriteResult
{
    QStringList created;   // new files (relative paths)
    QStringList updated;   // differing files overwritten: accepted, or not edited since written
    QStringList kept;      // differing files left as the user wrote them
    QStringList unchanged; // already up to date
    QStringList removed;   // on-disk-only files deleted because the user confirmed them
};

// What "Write plan" would do, shown to the user before anything is written.
struct PlanWritePreview
{
    QStringList created;   // planned, not on disk
    QStringList differing; // edited by hand since Fluxdesk wrote them: kept unless accepted
    // On disk with other text, but exactly as Fluxdesk last wrote them (the plan changed since):
    // replaced by a write without asking (see writtenrecord.h).
    QStringList outdated;
    QStringList unchanged; // up to date
    // YAML files under the plan's roots that the plan no longer produces (the plan's earlier
    // output the user moved or excluded, or hand-written files): deleted only when confirmed.
    QStringList removable;

    bool isEmpty() const
    {
        return created.isEmpty() && differing.isEmpty() && outdated.isEmpty() &&
               removable.isEmpty();
    }
};

// An encrypted file is compared by what it decrypts to (see compareWithRepository); one none of
// encrypted's keys opens is differing, never outdated.
PlanWritePreview previewWrite(const Plan &plan, const RepositoryFiles &onDisk,
                              const WrittenRecord &written = {},
                              const EncryptedFiles &encrypted = EncryptedFiles());

// Writes the plan into repoDir: new files, differing files that are exactly as Fluxdesk last
// wrote them (.fluxdesk/written.yaml, which the write keeps up to date), and other differing
// files only when `accept` names them (hand edits are kept otherwise). The whole write is one
// StagedWrite (repo/stagedwrite.h): the files, the deletions and .fluxdesk/written.yaml land
// together or, when anything fails (a full disk), not at all, and every path is walked from the
// repository's root without following links (one swapped in since the checks is refused).
// Nothing is deleted unless named in `remove`. `remove` names on-disk-only files to delete: YAML
// files under infrastructure/, workloads/ or clusters/<plan.cluster>/ (not flux-system/) that the
// plan does not produce, as listed in PlanWritePreview::removable. A named symlink is deleted
// itself, never its target. Folders left empty are removed, up to (not including) those root
// folders. Every path is checked before anything is written or deleted: one that would leave the
// repository (through "..", an absolute path or a symlink, dangling ones included), a `remove` path
// the plan produces, one not on disk or outside the roots fails the whole write. So does a deletion
// that a kustomization left on disk after the write (kept as edited, or the plan's own) still
// lists, file or emptied folder: kustomize would no longer build. Plan with the removed paths left
// out of planRepository's `existing` (a kustomization keeps listing what exists), and accept the
// kustomizations that then differ.
// An encrypted file (PlannedFile::encrypted) is written SOPS-encrypted as the repository's
// .sops.yaml says (plan/encryptedfiles.h); without a .sops.yaml rule for each, nothing is written.
// It is unchanged while it decrypts with `identities` (AgeKeys::findIdentities()) to the planned
// text for the same recipients; when rewritten, unchanged values keep their ciphertext. One that
// no identity opens is kept unless accepted.
Result<PlanWriteResult> writePlan(const Plan &plan, const QString &repoDir,
                                  const QSet<QString> &accept = {},
                                  const QSet<QString> &remove = {},
                                  const QList<Age::Identity> &identities = {});

} // namespace Fluxdesk
