#pragma once

#include "core/error.h"
#include "secrets/sopsdocument.h"
#include "secrets/sopsfile.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Fluxdesk::Sops::Detail {

// The version written into "sops: version:"; the key order written is the one sops 3.13 uses
// (every mapping's keys sorted by name).
inline constexpr char kSopsVersion[] = "3.13.2";

struct AgeStanza
{
    QString recipient;
    QByteArray enc; // the armored age file holding the data key
};

struct FileMetadata
{
    Metadata metadata;
    QList<AgeStanza> age;
    QByteArray mac;
    QByteArray lastModifiedText; // as sops formats it for the MAC's additional data
    int line = 0;                // of the "sops:" key
};

// The "sops:" block of a parsed document, in any key order (3.9's, 3.10-3.12's, 3.13's).
Result<FileMetadata> readFileMetadata(const Document &doc, const QString &fileName);

// The rules sops applies: the default ("_unencrypted" suffix) when none is set; an error when
// more than one selector is set or a regular expression is invalid.
Result<Rules> effectiveRules(const Rules &rules);

// RFC 3339 as Go's time.Format(time.RFC3339) writes it (seconds, "Z" for UTC).
QByteArray rfc3339(const QDateTime &time);

// The "sops:" block as sops 3.13 writes it (4-space indents), ending with a newline.
QByteArray metadataBlock(const QList<AgeStanza> &age, const Rules &rules,
                         const QByteArray &lastModified, const QByteArray &mac);

} // namespace Fluxdesk::Sops::Detail
