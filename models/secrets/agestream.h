#pragma once

#include "age.h"
#include "core/error.h"

#include <QByteArray>

namespace Fluxdesk::Age::Stream {

// age's payload: STREAM over ChaCha20-Poly1305 in 64 KiB chunks, the nonce an 11-byte
// big-endian chunk counter and a last-chunk flag byte. The key comes from the file key and the
// payload's 16-byte nonce (HKDF-SHA256, info "payload").

constexpr int chunkSize = 64 * 1024;
constexpr int payloadNonceSize = 16;

// The payload: its random nonce, then the sealed chunks.
Result<QByteArray> encrypt(const SecretBytes &fileKey, const QByteArray &plaintext);
// payload is what follows the header: the nonce and the chunks.
Result<SecretBytes> decrypt(const SecretBytes &fileKey, const char *payload, int size);

} // namespace Fluxdesk::Age::Stream
