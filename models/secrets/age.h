#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Fluxdesk::Age {

// age v1 (C2SP age, https://age-encryption.org/v1) with X25519 recipients, over OpenSSL: what
// `age` and `age-keygen` write and read, for SOPS's wrapped data keys and for whole files.
// Other recipient types (scrypt, ssh-ed25519, ssh-rsa, plugins) are read past in a header and
// never match an X25519 identity.

// Bytes that are zeroed when they go (secret keys, file keys, plaintexts of secrets).
class SecretBytes
{
public:
    SecretBytes() = default;
    explicit SecretBytes(QByteArray bytes);
    SecretBytes(const SecretBytes &other);
    SecretBytes &operator=(const SecretBytes &other);
    SecretBytes(SecretBytes &&other) noexcept;
    SecretBytes &operator=(SecretBytes &&other) noexcept;
    ~SecretBytes();

    const QByteArray &bytes() const { return m_bytes; }
    bool isEmpty() const { return m_bytes.isEmpty(); }
    void clear();

private:
    QByteArray m_bytes;
};

// An X25519 identity: its 32-byte secret scalar. The text form is
// "AGE-SECRET-KEY-1..." (Bech32, upper case); its recipient is "age1..." (lower case).
class Identity
{
public:
    static Identity generate();
    // One "AGE-SECRET-KEY-1..." string; errors name what is wrong (prefix, checksum, length).
    static Result<Identity> parse(const QString &text);

    QString toString() const;  // "AGE-SECRET-KEY-1..."; the caller wipes what it keeps
    QString recipient() const; // "age1..."
    const SecretBytes &secret() const { return m_secret; }

private:
    SecretBytes m_secret;
};

// An "age1..." recipient: its 32-byte X25519 public key.
Result<QByteArray> parseRecipient(const QString &text);
bool isRecipient(const QString &text);

// A keys.txt as age-keygen writes it and sops reads it (SOPS_AGE_KEY_FILE, SOPS_AGE_KEY,
// ~/.config/sops/age/keys.txt): "# created: <RFC 3339>", "# public key: age1...", then the
// AGE-SECRET-KEY-1 line; several keys, blank lines and other comments allowed. A bad line is an
// error naming fileName, its line and column.
Result<QList<Identity>> parseIdentityFile(const QByteArray &text, const QString &fileName = {});
QByteArray identityFileText(const Identity &identity, const QDateTime &created);

// Encrypts to every recipient ("age1..."), one X25519 stanza each. armor: the PEM-like
// "-----BEGIN AGE ENCRYPTED FILE-----" form (what SOPS stores), else the binary form.
Result<QByteArray> encrypt(const QByteArray &plaintext, const QStringList &recipients, bool armor);
// Decrypts a binary or armored file with the first identity that opens one of its stanzas.
// Errors: not an age file, a malformed header (with what), no identity matches ("no identity
// matched any of the file's recipients"), a wrong header MAC, a damaged or truncated payload.
Result<SecretBytes> decrypt(const QByteArray &file, const QList<Identity> &identities);

} // namespace Fluxdesk::Age
