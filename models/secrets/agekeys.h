#pragma once

#include "core/error.h"
#include "secrets/age.h"

#include <QDateTime>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Fluxdesk::AgeKeys {

// Where sops looks for age identities, and so where Fluxdesk looks and keeps them:
// SOPS_AGE_KEY (the keys themselves), SOPS_AGE_KEY_FILE (a keys.txt), and the user's
// $XDG_CONFIG_HOME/sops/age/keys.txt (~/.config/sops/age/keys.txt). Every source that is there
// counts, as sops reads them all.

// The file a new key goes to: SOPS_AGE_KEY_FILE when set, else the user's sops keys.txt.
QString keyFilePath(const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

struct Found
{
    QList<Age::Identity> identities;
    QStringList origins; // where each identity came from ("SOPS_AGE_KEY" or a file), in order
    QList<Error> errors; // a source that is there but unreadable or malformed
    QStringList recipients() const;
};

Found findIdentities(const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

// A new key added to keyFile (made with its folders, readable by the owner alone: 0700, 0600).
// Keys already in the file stay; the file is replaced at once, never half-written.
Result<Age::Identity> createKey(const QString &keyFile,
                                const QDateTime &created = QDateTime::currentDateTimeUtc());

// What the user is told after a key was made: that losing it makes the Secrets unreadable, and
// where to back it up from.
QString backupAdvice(const QString &keyFile, const QString &recipient);

} // namespace Fluxdesk::AgeKeys
