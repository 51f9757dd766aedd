#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QString>

namespace Fluxdesk {

// Overwrites the bytes (where this holder owns them alone; a shared copy is wiped by its last
// holder) and empties the array. For private keys and tokens.
void wipeSecret(QByteArray &bytes);

enum class DeployKeyType
{
    EcdsaP384, // `flux create secret git`'s default (--ssh-key-algorithm=ecdsa, curve p384)
    Ed25519
};

// The SSH key pair Flux reads the repository with, made as `flux create secret git` makes it.
// The private key is never shown, logged or written into the repository; it is wiped when the
// last holder goes. There is deliberately no QDebug operator.
struct DeployKey
{
    DeployKeyType type = DeployKeyType::EcdsaP384;
    // PEM. ECDSA: PKCS#8 "PRIVATE KEY", the format fluxcd/pkg's ssh package writes. Ed25519:
    // OpenSSH's own format ("OPENSSH PRIVATE KEY"), because OpenSSH before 9.6 and libssh2 (so
    // libgit2) cannot read an Ed25519 PKCS#8 key; Flux reads both formats.
    QByteArray privateKey;
    QByteArray publicKeyBlob; // the SSH wire form of the public key
    QString publicKey;        // an authorized_keys line: "type base64 comment"
    QString fingerprint;      // "SHA256:...", as ssh-keygen -l prints it

    DeployKey() = default;
    DeployKey(const DeployKey &) = default;
    DeployKey(DeployKey &&) = default;
    DeployKey &operator=(const DeployKey &) = default;
    DeployKey &operator=(DeployKey &&) = default;
    ~DeployKey() { wipe(); }
    void wipe() { wipeSecret(privateKey); }

    bool isValid() const { return !privateKey.isEmpty() && !publicKeyBlob.isEmpty(); }
    // "ecdsa-sha2-nistp384" or "ssh-ed25519".
    QString sshKeyType() const;
};

// "ECDSA P-384" / "Ed25519", for display.
QString deployKeyTypeName(DeployKeyType type);

// A fresh key pair from OpenSSL's random generator. comment ends the public key line (line
// breaks and control characters are replaced by spaces); empty: "flux".
Result<DeployKey> generateDeployKey(DeployKeyType type, const QString &comment = {});

} // namespace Fluxdesk
