#include "agecrypto.h"

#include "agetext.h"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>

#include <memory>

namespace Fluxdesk::Age::Crypto {

namespace {

struct PkeyFree
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct PkeyCtxFree
{
    void operator()(EVP_PKEY_CTX *ctx) const { EVP_PKEY_CTX_free(ctx); }
};
struct CipherCtxFree
{
    void operator()(EVP_CIPHER_CTX *ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;

Error openSslError(const char *what)
{
    // OpenSSL's texts name functions and reasons, never key material.
    char buffer[256] = {};
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    const QString reason =
        code ? QString::fromLatin1(ERR_error_string(code, buffer)) : AgeText::tr("no reason given");
    return Error(AgeText::tr("%1 failed in OpenSSL (%2)").arg(QLatin1String(what), reason));
}

const unsigned char *bytesOf(const QByteArray &bytes)
{
    return reinterpret_cast<const unsigned char *>(bytes.constData());
}

Pkey privateKey(const SecretBytes &scalar)
{
    return Pkey(EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, bytesOf(scalar.bytes()),
                                             size_t(scalar.bytes().size())));
}

} // namespace

Result<SecretBytes> randomSecret(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), size) != 1) {
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
        return openSslError("RAND_bytes");
    }
    return SecretBytes(std::move(bytes));
}

Result<QByteArray> randomBytes(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), size) != 1)
        return openSslError("RAND_bytes");
    return bytes;
}

Result<QByteArray> x25519PublicKey(const SecretBytes &scalar)
{
    if (scalar.bytes().size() != keySize)
        return Error(
            AgeText::tr("an X25519 secret key is 32 bytes, not %1").arg(scalar.bytes().size()));
    const Pkey key = privateKey(scalar);
    if (!key)
        return openSslError("EVP_PKEY_new_raw_private_key");
    QByteArray point(keySize, Qt::Uninitialized);
    size_t size = size_t(point.size());
    if (EVP_PKEY_get_raw_public_key(key.get(), reinterpret_cast<unsigned char *>(point.data()),
                                    &size) != 1 ||
        size != size_t(keySize))
        return openSslError("EVP_PKEY_get_raw_public_key");
    return point;
}

Result<SecretBytes> x25519(const SecretBytes &scalar, const QByteArray &point)
{
    if (scalar.bytes().size() != keySize || point.size() != keySize)
        return Error(AgeText::tr("X25519 keys are 32 bytes"));
    const Pkey key = privateKey(scalar);
    if (!key)
        return openSslError("EVP_PKEY_new_raw_private_key");
    const Pkey peer(
        EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr, bytesOf(point), size_t(keySize)));
    if (!peer)
        return openSslError("EVP_PKEY_new_raw_public_key");
    const PkeyCtx ctx(EVP_PKEY_CTX_new(key.get(), nullptr));
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1 ||
        EVP_PKEY_derive_set_peer(ctx.get(), peer.get()) != 1)
        return openSslError("X25519");
    QByteArray shared(keySize, '\0');
    size_t size = size_t(shared.size());
    // OpenSSL refuses an all-zero result itself; the check below keeps the rule explicit.
    const int derived =
        EVP_PKEY_derive(ctx.get(), reinterpret_cast<unsigned char *>(shared.data()), &size);
    ERR_clear_error();
    SecretBytes secret(std::move(shared));
    const QByteArray zeros(keySize, '\0');
    if (derived != 1 || size != size_t(keySize) ||
        CRYPTO_memcmp(secret.bytes().constData(), zeros.constData(), size_t(keySize)) == 0)
        return Error(AgeText::tr("the X25519 share is a low-order point (the shared secret is "
                                 "all zeros)"));
    return secret;
}

Result<SecretBytes> hkdfSha256(const SecretBytes &key, const QByteArray &salt,
                               const QByteArray &info, int size)
{
    const PkeyCtx ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, nullptr));
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1 ||
        EVP_PKEY_CTX_set_hkdf_md(ctx.get(), EVP_sha256()) != 1 ||
        (!salt.isEmpty() &&
         EVP_PKEY_CTX_set1_hkdf_salt(ctx.get(), bytesOf(salt), int(salt.size())) != 1) ||
        EVP_PKEY_CTX_set1_hkdf_key(ctx.get(), bytesOf(key.bytes()), int(key.bytes().size())) != 1 ||
        EVP_PKEY_CTX_add1_hkdf_info(ctx.get(), bytesOf(info), int(info.size())) != 1)
        return openSslError("HKDF");
    QByteArray out(size, '\0');
    size_t outSize = size_t(size);
    const int derived =
        EVP_PKEY_derive(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &outSize);
    SecretBytes secret(std::move(out));
    if (derived != 1 || outSize != size_t(size))
        return openSslError("HKDF");
    return secret;
}

Result<QByteArray> hmacSha256(const SecretBytes &key, const QByteArray &data)
{
    QByteArray mac(EVP_MAX_MD_SIZE, '\0');
    unsigned int size = 0;
    if (HMAC(EVP_sha256(), key.bytes().constData(), int(key.bytes().size()), bytesOf(data),
             size_t(data.size()), reinterpret_cast<unsigned char *>(mac.data()), &size) == nullptr)
        return openSslError("HMAC-SHA256");
    mac.truncate(int(size));
    return mac;
}

bool equalConstantTime(const QByteArray &a, const QByteArray &b)
{
    return a.size() == b.size() &&
           CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

bool seal(const SecretBytes &key, const QByteArray &nonce, const char *plaintext, int size,
          QByteArray &out)
{
    if (key.bytes().size() != keySize || nonce.size() != nonceSize)
        return false;
    const CipherCtx ctx(EVP_CIPHER_CTX_new());
    const int start = int(out.size());
    out.resize(start + size + tagSize);
    auto *outBytes = reinterpret_cast<unsigned char *>(out.data()) + start;
    int written = 0;
    int finalWritten = 0;
    const bool ok =
        ctx && EVP_EncryptInit_ex(ctx.get(), EVP_chacha20_poly1305(), nullptr, nullptr, nullptr) &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_IVLEN, nonceSize, nullptr) == 1 &&
        EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytesOf(key.bytes()), bytesOf(nonce)) &&
        EVP_EncryptUpdate(ctx.get(), outBytes, &written,
                          reinterpret_cast<const unsigned char *>(plaintext), size) == 1 &&
        EVP_EncryptFinal_ex(ctx.get(), outBytes + written, &finalWritten) == 1 &&
        written + finalWritten == size &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_GET_TAG, tagSize, outBytes + size) == 1;
    if (!ok) {
        ERR_clear_error();
        out.truncate(start);
    }
    return ok;
}

bool open(const SecretBytes &key, const QByteArray &nonce, const char *ciphertext, int size,
          QByteArray &out)
{
    if (key.bytes().size() != keySize || nonce.size() != nonceSize || size < tagSize)
        return false;
    const int plainSize = size - tagSize;
    const CipherCtx ctx(EVP_CIPHER_CTX_new());
    const int start = int(out.size());
    // The caller reserves room, so no reallocation leaves an unwiped copy of plaintext behind.
    out.resize(start + plainSize);
    auto *outBytes = reinterpret_cast<unsigned char *>(out.data()) + start;
    QByteArray tag(ciphertext + plainSize, tagSize);
    int written = 0;
    int finalWritten = 0;
    const bool ok =
        ctx && EVP_DecryptInit_ex(ctx.get(), EVP_chacha20_poly1305(), nullptr, nullptr, nullptr) &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_IVLEN, nonceSize, nullptr) == 1 &&
        EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytesOf(key.bytes()), bytesOf(nonce)) &&
        EVP_DecryptUpdate(ctx.get(), outBytes, &written,
                          reinterpret_cast<const unsigned char *>(ciphertext), plainSize) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_TAG, tagSize, tag.data()) == 1 &&
        EVP_DecryptFinal_ex(ctx.get(), outBytes + written, &finalWritten) == 1 &&
        written + finalWritten == plainSize;
    if (!ok) {
        ERR_clear_error();
        OPENSSL_cleanse(outBytes, size_t(plainSize));
        out.truncate(start);
    }
    return ok;
}

} // namespace Fluxdesk::Age::Crypto
