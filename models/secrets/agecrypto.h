#pragma once

#include "age.h"
#include "core/error.h"

#include <QByteArray>

namespace Fluxdesk::Age::Crypto {

// The primitives age v1 is built of, over OpenSSL's libcrypto (1.1.1 and 3.x).

constexpr int keySize = 32;   // X25519 scalars and points, ChaCha20-Poly1305 keys
constexpr int tagSize = 16;   // Poly1305
constexpr int nonceSize = 12; // ChaCha20-Poly1305

Result<SecretBytes> randomSecret(int size);
Result<QByteArray> randomBytes(int size);

// The X25519 public key (point) of a 32-byte scalar.
Result<QByteArray> x25519PublicKey(const SecretBytes &scalar);
// The shared secret of scalar and point; an all-zero result (a low-order point) is an error.
Result<SecretBytes> x25519(const SecretBytes &scalar, const QByteArray &point);

// HKDF-SHA256 (RFC 5869); an empty salt is the RFC's default salt.
Result<SecretBytes> hkdfSha256(const SecretBytes &key, const QByteArray &salt,
                               const QByteArray &info, int size);
Result<QByteArray> hmacSha256(const SecretBytes &key, const QByteArray &data);
// Compares in time independent of where the inputs differ.
bool equalConstantTime(const QByteArray &a, const QByteArray &b);

// ChaCha20-Poly1305 without additional data: seal appends ciphertext and tag to out; open
// appends the plaintext to out only when the tag is right, and returns whether it was.
bool seal(const SecretBytes &key, const QByteArray &nonce, const char *plaintext, int size,
          QByteArray &out);
bool open(const SecretBytes &key, const QByteArray &nonce, const char *ciphertext, int size,
          QByteArray &out);

} // namespace Fluxdesk::Age::Crypto
