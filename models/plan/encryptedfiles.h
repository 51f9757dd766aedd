#pragma once

#include "core/error.h"
#include "plan/plan.h"
#include "secrets/age.h"
#include "secrets/sopsconfig.h"
#include "secrets/sopsfile.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Fluxdesk {

// A plan's encrypted Secrets (PlannedFile::encrypted) against the repository. The plan holds
// their plain text; on disk each is a SOPS file for the age recipients and rules of the first
// .sops.yaml creation rule matching its path (or, for a file the user placed where none matches,
// Fluxdesk's own rule, Sops::fluxSecretsRule()), which Flux decrypts (spec.decryption of its
// entry point). A file is written again only when what it decrypts to, or who can decrypt it,
// changes: unchanged values keep their ciphertext.

// ".sops.yaml"
QString sopsConfigPath();

// A planned encrypted file against its file on disk.
struct EncryptedComparison
{
    // It decrypts to the planned text (both read as YAML) and is encrypted for the recipients
    // and rules .sops.yaml names for it.
    bool upToDate = false;
    // None of the identities opens it: what it holds is unknown, so it is never replaced without
    // asking.
    bool unopened = false;
    QString reason; // why it is not up to date, for the user
};

class EncryptedFiles
{
public:
    EncryptedFiles() = default; // a repository without .sops.yaml, a user without keys
    // sopsYaml: the repository's .sops.yaml, empty when it has none; identities: the user's age
    // keys (AgeKeys::findIdentities()), which open the files already written.
    EncryptedFiles(const QByteArray &sopsYaml, QList<Age::Identity> identities);
    // repoDir's .sops.yaml, read without leaving the repository.
    static EncryptedFiles forRepository(const QString &repoDir, QList<Age::Identity> identities);

    // The recipients and rules the file at path is encrypted with. An error, saying to set the
    // repository up for SOPS, when .sops.yaml is missing or malformed or no rule with age
    // recipients applies.
    Result<Sops::EncryptOptions> encryptOptions(const QString &path) const;

    EncryptedComparison compare(const PlannedFile &file, const QByteArray &onDisk) const;

    // The file as written to disk: its text encrypted with encryptOptions(). previous, the file
    // on disk, keeps its data key and the ciphertext of every unchanged value when one of the
    // identities opens it.
    Result<QByteArray> encrypt(const PlannedFile &file, const QByteArray &previous) const;

private:
    bool m_hasConfig = false;
    Sops::Config m_config;
    Error m_configError; // a .sops.yaml that could not be read or parsed
    QList<Age::Identity> m_identities;
};

} // namespace Fluxdesk
