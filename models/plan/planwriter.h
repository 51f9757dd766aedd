#pragma once

#include "core/error.h"
#include "plan/planner.h"

#include <QSet>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

struct PlanWriteResult
{
    QStringList created;   // new files (relative paths)
    QStringList updated;   // differing files overwritten because they were accepted
    QStringList kept;      // differing files left as the user wrote them
    QStringList unchanged; // already up to date
};

// Writes the plan into repoDir: new files, and differing files only when `accept` names them
// (hand edits are kept otherwise). Each file is written atomically (QSaveFile); nothing is ever
// deleted. Every path is checked before anything is written: one that would leave the
// repository (through "..", an absolute path or a symlink, dangling ones included) fails the
// whole write.
Result<PlanWriteResult> writePlan(const Plan &plan, const QString &repoDir,
                                  const QSet<QString> &accept = {});

// The absolute path of relativePath inside repoDir, or an error when it would leave repoDir
// (the canonical path of every existing part is checked, so symlinks count).
Result<QString> pathInsideRepository(const QString &repoDir, const QString &relativePath);

} // namespace Fluxdesk
