#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QHash>
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
struct WrittenRecord
{
    QHash<QString, QByteArray> hashes; // relative path -> hex SHA-256 of the written content

    static QByteArray hashOf(const QByteArray &content);
    // True when content is exactly what Fluxdesk last wrote to path.
    bool isUnedited(const QString &path, const QByteArray &content) const;

    QByteArray toYaml() const; // sorted by path
    // A malformed record reads as empty: it only saves questions, so losing it means asking.
    static WrittenRecord parse(const QByteArray &yaml);
};

// ".fluxdesk/written.yaml"
QString writtenRecordPath();
WrittenRecord loadWrittenRecord(const QString &repoDir);

} // namespace Fluxdesk
