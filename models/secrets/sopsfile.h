#pragma once

#include "core/error.h"
#include "secrets/age.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Fluxdesk::Sops {

// The SOPS file format for YAML as sops 3.x writes it, with age recipients: each value under the
// encrypted keys becomes ENC[AES256_GCM,data:…,iv:…,tag:…,type:…] (AES-256-GCM under the file's
// data key, the value's path as additional data, its type kept), and a top-level "sops:" mapping
// holds the age recipients with the data key wrapped for each (armored age), lastmodified, the
// MAC (over every value as sops computes it, itself encrypted), the rule used and the version.
// sops -d and Flux's kustomize-controller read what encrypt() writes; decrypt() reads what sops
// 3.9 to 3.13 wrote (their "sops:" key orders differ; all are read, the current one written).

// Which keys are encrypted: at most one of the four selectors is set (as in .sops.yaml); none
// set means every value but those whose key ends in "_unencrypted" (sops's default).
struct Rules
{
    QString encryptedRegex; // e.g. "^(data|stringData)$"
    QString unencryptedRegex;
    QString encryptedSuffix;
    QString unencryptedSuffix;
    QString encryptedCommentRegex;
    QString unencryptedCommentRegex;
    bool macOnlyEncrypted = false;
};

struct Metadata
{
    QStringList recipients; // age1..., in file order
    Rules rules;
    QDateTime lastModified;
    QString version;
};

// True when the YAML document has a top-level "sops" mapping with a "mac" (cheap: no parsing of
// the rest, no decryption).
bool isEncrypted(const QByteArray &yaml);
// The "sops:" block's recipients and rules; an error names file, line and column.
Result<Metadata> readMetadata(const QByteArray &yaml, const QString &fileName = {});

struct EncryptOptions
{
    QStringList recipients; // age1...; at least one
    Rules rules;
    // The file as it was (encrypted) and an identity that opens it: its data key is kept, and a
    // value whose path and plaintext did not change keeps its ciphertext, so an edit's diff
    // shows only what changed (as sops edit keeps the data key).
    QByteArray previous;
    QList<Age::Identity> identities;
    QDateTime now; // lastmodified; the current time when null
};

// Encrypts one YAML document (a Kubernetes manifest). Key order and the document's text are kept
// apart from the encrypted values. fileName is for errors only.
Result<QByteArray> encrypt(const QByteArray &plainYaml, const EncryptOptions &options,
                           const QString &fileName = {});

struct DecryptOptions
{
    QList<Age::Identity> identities;
    bool verifyMac = true; // Flux does not check it by default; sops -d and Fluxdesk do
};

// The document in the clear, without its "sops:" block. Errors: not a SOPS file, no identity
// opens its data key ("no age identity matches the recipients age1…, age1…"), a value that does
// not decrypt (its path), a MAC mismatch ("the file was changed after it was encrypted"), each
// naming file, line and column where known.
Result<Age::SecretBytes> decrypt(const QByteArray &encryptedYaml, const DecryptOptions &options,
                                 const QString &fileName = {});

} // namespace Fluxdesk::Sops
