#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>

namespace Fluxdesk {

// What Fluxdesk last wrote into a repository (.fluxdesk/written.yaml): a hash of each file's
// content as written. A file on disk that still has that content was not edited by hand, so when
// the plan changes (a setting, a move, a re-rendered object) a write replaces it without asking;
// a file edited since is the user's and is kept unless they accept the plan's version.
//
//   apiVersion: fluxdesk.io/v1alpha1
//   kind: WrittenFiles
//   files:
//     workloads/llm/llama-cpp-deployment.yaml: 3f7a...   (SHA-256 of the content)
//   user:
//     - workloads/tools/tool-deployment.yaml              (written for the user: a split)
//
// A file under `user` was written at the user's request (Split into a folder), not by the plan:
// it is the user's, and Write plan never offers to delete it as "no longer planned".
struct WrittenRecord
{
    QHash<QString, QByteArray> hashes; // relative path -> hex SHA-256 of the written content
    QSet<QString> userFiles;           // relative paths written for the user

    static QByteArray hashOf(const QByteArray &content);
    // True when content is exactly what Fluxdesk last wrote to path.
    bool isUnedited(const QString &path, const QByteArray &content) const;
    bool isUsers(const QString &path) const { return userFiles.contains(path); }

    QByteArray toYaml() const; // sorted by path
    // A malformed record reads as empty: it only saves questions, so losing it means asking.
    static WrittenRecord parse(const QByteArray &yaml);
};

// ".fluxdesk/written.yaml"
QString writtenRecordPath();
WrittenRecord loadWrittenRecord(const QString &repoDir);

} // namespace Fluxdesk
