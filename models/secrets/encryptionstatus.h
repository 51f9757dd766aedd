#pragma once

#include "core/error.h"

#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Fluxdesk::Sops {

// Where a user stands with encrypted Secrets: their age keys, and the repository's set-up (what
// `secrets setup` would still change). Read off the UI thread; a pure snapshot.
struct EncryptionStatus
{
    // The user's keys, as sops finds them.
    QStringList recipients;
    QStringList keyOrigins; // per recipient: "SOPS_AGE_KEY" or the file
    QStringList keyErrors;  // sources there but unreadable
    QString newKeyFile;     // where a new key would go

    // The repository ("" when none is open).
    QString repository;
    bool hasSopsConfig = false;
    QString configError;          // .sops.yaml that does not read
    QStringList ruleRecipients;   // Fluxdesk's rule's recipients (empty: no such rule)
    QStringList plainSecretFiles; // Secret files in plain text under the roots
    QStringList encryptedFiles;   // SOPS files under the roots
    QStringList pendingChanges;   // files setup would write (.sops.yaml, .gitignore, ...)

    bool hasKey() const { return !recipients.isEmpty(); }
    // The repository's rule encrypts to one of the user's keys and nothing is pending.
    bool isSetUp() const;
    // A key of the user's opens what the rule encrypts to.
    bool keyMatchesRule() const;
};

EncryptionStatus
readEncryptionStatus(const QString &repoDir,
                     const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

} // namespace Fluxdesk::Sops
