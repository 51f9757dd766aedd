#pragma once

#include "plan/encryptedfiles.h"
#include "plan/plan.h"

#include <QList>
#include <QString>

namespace Fluxdesk {

// A plan against the checkout it is for: the checkout's files, and each of the plan's planned,
// up to date, differing, or on disk only.
enum class FileStatus
{
    Planned,    // not on disk yet
    UpToDate,   // on disk with exactly the planned text (encrypted: see EncryptedComparison)
    Differs,    // on disk with other text
    OnDiskOnly, // a YAML file of the repository the plan does not produce
};

// "planned", "up to date", "differs", "on disk only" (the CLI's words, translated).
QString fileStatusName(FileStatus status);
// Stable machine name for --json: "planned", "up-to-date", "differs", "on-disk-only".
QString fileStatusId(FileStatus status);

struct FileState
{
    QString path;
    FileStatus status = FileStatus::Planned;
    const PlannedFile *file = nullptr; // null for OnDiskOnly; points into the Plan
    // An encrypted file that differs: why (EncryptedComparison::reason), and whether none of the
    // user's keys opens it (then it is never replaced without asking).
    QString reason{};
    bool unopened = false;
};

// Every *.yaml / *.yml file under clusters/, infrastructure/ and workloads/ of repoDir, except
// clusters/*/flux-system/ (flux bootstrap's). A missing folder reads as empty.
RepositoryFiles readRepositoryFiles(const QString &repoDir);

// Every planned file and every on-disk-only file, sorted by path. An encrypted planned file is
// compared by what it decrypts to with encrypted's keys (EncryptedFiles::compare).
QList<FileState> compareWithRepository(const Plan &plan, const RepositoryFiles &onDisk,
                                       const EncryptedFiles &encrypted = EncryptedFiles());

} // namespace Fluxdesk
