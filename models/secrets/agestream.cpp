#include "agestream.h"

#include "agecrypto.h"
#include "agetext.h"

#include <openssl/crypto.h>

namespace Fluxdesk::Age::Stream {

namespace {

const char payloadLabel[] = "payload";
const int sealedChunkSize = chunkSize + Crypto::tagSize;

QByteArray chunkNonce(quint64 counter, bool last)
{
    QByteArray nonce(Crypto::nonceSize, '\0');
    for (int i = 0; i < 8; ++i)
        nonce[10 - i] = char((counter >> (8 * i)) & 0xff);
    nonce[11] = last ? char(1) : char(0);
    return nonce;
}

Result<SecretBytes> payloadKey(const SecretBytes &fileKey, const QByteArray &nonce)
{
    return Crypto::hkdfSha256(fileKey, nonce, QByteArray(payloadLabel), Crypto::keySize);
}

Error damaged()
{
    return Error(AgeText::tr("the payload is damaged or truncated"));
}

} // namespace

Result<QByteArray> encrypt(const SecretBytes &fileKey, const QByteArray &plaintext)
{
    const Result<QByteArray> nonce = Crypto::randomBytes(payloadNonceSize);
    if (!nonce)
        return nonce.error();
    const Result<SecretBytes> key = payloadKey(fileKey, *nonce);
    if (!key)
        return key.error();
    const int chunks =
        plaintext.isEmpty() ? 1 : int((plaintext.size() + chunkSize - 1) / chunkSize);
    QByteArray out = *nonce;
    out.reserve(payloadNonceSize + int(plaintext.size()) + chunks * Crypto::tagSize);
    for (int i = 0; i < chunks; ++i) {
        const int offset = i * chunkSize;
        const int size = qMin(chunkSize, int(plaintext.size()) - offset);
        if (!Crypto::seal(*key, chunkNonce(quint64(i), i == chunks - 1),
                          plaintext.constData() + offset, size, out))
            return Error(AgeText::tr("could not encrypt the payload"));
    }
    return out;
}

Result<SecretBytes> decrypt(const SecretBytes &fileKey, const char *payload, int size)
{
    if (size < payloadNonceSize + Crypto::tagSize)
        return damaged();
    const Result<SecretBytes> key = payloadKey(fileKey, QByteArray(payload, payloadNonceSize));
    if (!key)
        return key.error();
    const char *chunks = payload + payloadNonceSize;
    const int chunksSize = size - payloadNonceSize;
    // Every chunk is full but the last, which may be short; it is empty only when it is the
    // only one (an empty plaintext).
    const int count = (chunksSize + sealedChunkSize - 1) / sealedChunkSize;
    const int lastSize = chunksSize - (count - 1) * sealedChunkSize;
    if (lastSize < Crypto::tagSize || (lastSize == Crypto::tagSize && count > 1))
        return damaged();
    QByteArray plaintext;
    plaintext.reserve(chunksSize - count * Crypto::tagSize);
    for (int i = 0; i < count; ++i) {
        const bool last = i == count - 1;
        if (!Crypto::open(*key, chunkNonce(quint64(i), last), chunks + i * sealedChunkSize,
                          last ? lastSize : sealedChunkSize, plaintext)) {
            OPENSSL_cleanse(plaintext.data(), size_t(plaintext.size()));
            return damaged();
        }
    }
    return SecretBytes(std::move(plaintext));
}

} // namespace Fluxdesk::Age::Stream
