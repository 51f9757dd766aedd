#include "deploykey.h"

#include "git/knownhosts.h"

#include <QCoreApplication>

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

#include <memory>

namespace Fluxdesk {

namespace {

class DeployKeyText
{
    Q_DECLARE_TR_FUNCTIONS(Fluxdesk::DeployKey)
};

struct PkeyFree
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct PkeyCtxFree
{
    void operator()(EVP_PKEY_CTX *ctx) const { EVP_PKEY_CTX_free(ctx); }
};
struct BioFree
{
    void operator()(BIO *bio) const { BIO_free(bio); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;
using Bio = std::unique_ptr<BIO, BioFree>;

// Wipes a local buffer when it goes out of scope, whichever way the function returns.
class WipeOnExit
{
public:
    explicit WipeOnExit(QByteArray &bytes) : m_bytes(bytes) {}
    ~WipeOnExit() { wipeSecret(m_bytes); }
    WipeOnExit(const WipeOnExit &) = delete;
    WipeOnExit &operator=(const WipeOnExit &) = delete;

private:
    QByteArray &m_bytes;
};

Error openSslError(const QString &what)
{
    // OpenSSL's queue says why (its texts name functions and reasons, never key material).
    char buffer[256] = {};
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    const QString reason = code ? QString::fromLatin1(ERR_error_string(code, buffer))
                                : DeployKeyText::tr("no reason given");
    return Error(
        DeployKeyText::tr("Could not generate the deploy key: %1 failed (%2).").arg(what, reason));
}

void putUint32(QByteArray &out, quint32 value)
{
    out.append(char((value >> 24) & 0xff));
    out.append(char((value >> 16) & 0xff));
    out.append(char((value >> 8) & 0xff));
    out.append(char(value & 0xff));
}

void putString(QByteArray &out, const QByteArray &value)
{
    putUint32(out, quint32(value.size()));
    out.append(value);
}

QByteArray pemWrap(const char *label, const QByteArray &der)
{
    QByteArray base64 = der.toBase64();
    WipeOnExit wipeBase64(base64);
    QByteArray pem;
    pem.reserve(base64.size() + base64.size() / 70 + 80);
    pem.append("-----BEGIN ").append(label).append("-----\n");
    for (qsizetype at = 0; at < base64.size(); at += 70) {
        pem.append(base64.constData() + at, int(qMin<qsizetype>(70, base64.size() - at)));
        pem.append('\n');
    }
    pem.append("-----END ").append(label).append("-----\n");
    return pem;
}

// OpenSSH's "openssh-key-v1" container, unencrypted, as ssh-keygen writes an Ed25519 key.
QByteArray openSshEd25519PrivateKey(const QByteArray &publicKey, const QByteArray &seed,
                                    const QByteArray &publicBlob, const QByteArray &comment)
{
    quint32 check = 0;
    RAND_bytes(reinterpret_cast<unsigned char *>(&check), sizeof check);
    QByteArray secret = seed + publicKey; // the 64-byte form OpenSSH stores
    WipeOnExit wipeSecretKey(secret);
    QByteArray section;
    WipeOnExit wipeSection(section);
    putUint32(section, check);
    putUint32(section, check);
    putString(section, QByteArrayLiteral("ssh-ed25519"));
    putString(section, publicKey);
    putString(section, secret);
    putString(section, comment);
    for (char pad = 1; section.size() % 8 != 0; ++pad)
        section.append(pad);

    QByteArray container("openssh-key-v1", 15); // with its terminating NUL
    WipeOnExit wipeContainer(container);
    putString(container, QByteArrayLiteral("none")); // cipher
    putString(container, QByteArrayLiteral("none")); // KDF
    putString(container, QByteArray());              // KDF options
    putUint32(container, 1);                         // one key
    putString(container, publicBlob);
    putString(container, section);
    return pemWrap("OPENSSH PRIVATE KEY", container);
}

QByteArray sshPublicBlob(DeployKeyType type, const QByteArray &point)
{
    QByteArray blob;
    if (type == DeployKeyType::Ed25519) {
        putString(blob, QByteArrayLiteral("ssh-ed25519"));
    } else {
        putString(blob, QByteArrayLiteral("ecdsa-sha2-nistp384"));
        putString(blob, QByteArrayLiteral("nistp384"));
    }
    putString(blob, point);
    return blob;
}

QString cleanComment(const QString &comment)
{
    QString clean = comment;
    for (QChar &c : clean) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator ||
            c == QChar::ParagraphSeparator)
            c = QLatin1Char(' ');
    }
    clean = clean.simplified();
    return clean.isEmpty() ? QStringLiteral("flux") : clean;
}

} // namespace

void wipeSecret(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
    bytes.clear();
}

QString DeployKey::sshKeyType() const
{
    return KnownHosts::keyTypeOfBlob(publicKeyBlob);
}

QString deployKeyTypeName(DeployKeyType type)
{
    return type == DeployKeyType::Ed25519 ? QStringLiteral("Ed25519")
                                          : QStringLiteral("ECDSA P-384");
}

Result<DeployKey> generateDeployKey(DeployKeyType type, const QString &comment)
{
    ERR_clear_error();
    const bool ed25519 = type == DeployKeyType::Ed25519;
    PkeyCtx ctx(EVP_PKEY_CTX_new_id(ed25519 ? EVP_PKEY_ED25519 : EVP_PKEY_EC, nullptr));
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) <= 0)
        return openSslError(QStringLiteral("EVP_PKEY_keygen_init"));
    if (!ed25519 && EVP_PKEY_CTX_set_ec_paramgen_curve_nid(ctx.get(), NID_secp384r1) <= 0)
        return openSslError(QStringLiteral("EVP_PKEY_CTX_set_ec_paramgen_curve_nid"));
    EVP_PKEY *raw = nullptr;
    if (EVP_PKEY_keygen(ctx.get(), &raw) <= 0)
        return openSslError(QStringLiteral("EVP_PKEY_keygen"));
    const Pkey key(raw);

    // The public point: Ed25519's 32 raw bytes; for ECDSA the uncompressed point that ends the
    // SubjectPublicKeyInfo (its BIT STRING is the last field), which works with OpenSSL 1.1 and 3.
    QByteArray point;
    if (ed25519) {
        size_t length = 32;
        point.resize(32);
        if (EVP_PKEY_get_raw_public_key(key.get(), reinterpret_cast<unsigned char *>(point.data()),
                                        &length) <= 0 ||
            length != 32)
            return openSslError(QStringLiteral("EVP_PKEY_get_raw_public_key"));
    } else {
        const int length = i2d_PUBKEY(key.get(), nullptr);
        if (length <= 97)
            return openSslError(QStringLiteral("i2d_PUBKEY"));
        QByteArray der(length, '\0');
        auto *out = reinterpret_cast<unsigned char *>(der.data());
        if (i2d_PUBKEY(key.get(), &out) != length)
            return openSslError(QStringLiteral("i2d_PUBKEY"));
        point = der.right(97);
        if (point.at(0) != 0x04)
            return Error(DeployKeyText::tr("Could not generate the deploy key: OpenSSL returned "
                                           "a compressed ECDSA point."));
    }

    DeployKey result;
    result.type = type;
    result.publicKeyBlob = sshPublicBlob(type, point);
    const QString keyComment = cleanComment(comment);
    result.publicKey = result.sshKeyType() + QLatin1Char(' ') +
                       QString::fromLatin1(result.publicKeyBlob.toBase64()) + QLatin1Char(' ') +
                       keyComment;
    result.fingerprint = KnownHosts::fingerprint(result.publicKeyBlob);

    if (ed25519) {
        QByteArray seed(32, '\0');
        WipeOnExit wipeSeed(seed);
        size_t length = 32;
        if (EVP_PKEY_get_raw_private_key(key.get(), reinterpret_cast<unsigned char *>(seed.data()),
                                         &length) <= 0 ||
            length != 32)
            return openSslError(QStringLiteral("EVP_PKEY_get_raw_private_key"));
        result.privateKey =
            openSshEd25519PrivateKey(point, seed, result.publicKeyBlob, keyComment.toUtf8());
    } else {
        // The secure-memory BIO clears its buffer when freed.
        const Bio bio(BIO_new(BIO_s_secmem()));
        if (!bio || PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr,
                                             nullptr) <= 0)
            return openSslError(QStringLiteral("PEM_write_bio_PrivateKey"));
        char *data = nullptr;
        const long length = BIO_get_mem_data(bio.get(), &data);
        if (length <= 0 || !data)
            return openSslError(QStringLiteral("BIO_get_mem_data"));
        result.privateKey = QByteArray(data, int(length));
    }
    return result;
}

} // namespace Fluxdesk
