#pragma once

#include "core/error.h"
#include "repo/repositorytree.h"
#include "secrets/age.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>

namespace Fluxdesk::Sops {

// A repository made ready for SOPS-encrypted Secrets that Flux decrypts: .sops.yaml with
// Fluxdesk's creation rule, .gitignore keeping age keys out, and spec.decryption on every Flux
// Kustomization whose path holds encrypted files (or Secret files about to be encrypted).

// The Secret Flux's kustomize-controller decrypts with, in flux-system, and its key.
QString decryptionSecretName(); // "sops-age"
QString decryptionSecretKey();  // "identity.agekey": kustomize-controller reads keys ending so
// The sops-age Secret holding identityFileText (age-keygen's format), for the API.
QJsonObject decryptionSecret(const QByteArray &identityFileText);

// The identities among the user's that open what repoDir's .sops.yaml encrypts to (any creation
// rule's age recipients), as one keys.txt: what the sops-age Secret gives Flux. An error when
// the repository has no readable .sops.yaml or none of the identities is among its recipients.
struct ClusterKeys
{
    Age::SecretBytes text;
    QStringList recipients;
};
Result<ClusterKeys> clusterKeys(const QString &repoDir, const QList<Age::Identity> &identities);

// The Flux Kustomization document(s) in yaml with spec.decryption {provider: sops, secretRef:
// {name: sops-age}} added when `wanted` says so for its spec.path, written into the text as it is
// (comments, order and the other documents kept). A Kustomization that has a decryption block
// keeps it. changed: whether anything was added. An error (with line and column) for a spec that
// is not a block mapping.
Result<QByteArray> withDecryption(const QByteArray &yaml, const QString &fileName,
                                  const std::function<bool(const QString &specPath)> &wanted,
                                  bool *changed = nullptr);

// Whether a Flux Kustomization with this spec.path ("./apps", "apps/", "./") applies file.
bool pathHolds(const QString &specPath, const QString &relativeFile);

// The SOPS files and the Secret files still in plain text among a repository's YAML files.
struct SecretFiles
{
    QStringList encrypted;
    QStringList plain;
};
SecretFiles findSecretFiles(const RepositoryFiles &files);

struct SetupChanges
{
    QByteArray sopsYaml;                      // the new .sops.yaml
    QByteArray gitignore;                     // the new .gitignore
    QMap<QString, QByteArray> kustomizations; // changed files holding Flux Kustomizations
    QStringList encryptedFiles;               // SOPS files found under the roots
    QStringList secretFiles;                  // Secret files still in plain text (to encrypt)
};

// What setup reads of a checkout: its .sops.yaml and .gitignore (empty when missing) and the
// YAML under clusters/, infrastructure/ and workloads/.
struct SetupInputs
{
    QString root; // canonical
    QByteArray sopsYaml;
    QByteArray gitignore;
    RepositoryFiles files;
};
Result<SetupInputs> readSetupInputs(const QString &repoDir);

// What setup writes, from the repository's YAML (readYamlTree of clusters/, infrastructure/,
// workloads/), its .sops.yaml and .gitignore (empty when missing) and the recipients.
Result<SetupChanges> planSetup(const RepositoryFiles &files, const QByteArray &sopsYaml,
                               const QByteArray &gitignore, const QStringList &recipients);

// Reads repoDir, plans and writes the changes all at once (repo/stagedwrite.h). Returns the
// relative paths written (unchanged files are not written).
Result<QStringList> setUpRepository(const QString &repoDir, const QStringList &recipients,
                                    SetupChanges *changes = nullptr);

} // namespace Fluxdesk::Sops
