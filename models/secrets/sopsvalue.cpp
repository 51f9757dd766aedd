#include "secrets/sopsvalue.h"

#include <QLocale>
#include <QRegularExpression>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <cmath>
#include <limits>
#include <memory>

namespace Fluxdesk::Sops::Detail {

namespace {

constexpr int kIvSize = 32;
constexpr int kTagSize = 16;

QByteArray goFloatText(double v)
{
    if (std::isnan(v))
        return QByteArrayLiteral("NaN");
    if (std::isinf(v))
        return v > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    return QByteArray::number(v, 'f', QLocale::FloatingPointShortest);
}

enum class IntParse
{
    Ok,
    TooLarge,
    NotInt
};

// Go's strconv.ParseInt(text, 0, 64): an optional sign, then 0x, 0o, 0b or a leading 0 (octal).
IntParse parseGoInt(const QByteArray &text, qint64 *out)
{
    qsizetype i = 0;
    bool negative = false;
    if (i < text.size() && (text.at(i) == '+' || text.at(i) == '-')) {
        negative = text.at(i) == '-';
        ++i;
    }
    int base = 10;
    if (text.size() - i >= 2 && text.at(i) == '0') {
        const char p = char(text.at(i + 1) | 0x20);
        if (p == 'x' || p == 'o' || p == 'b') {
            base = p == 'x' ? 16 : (p == 'o' ? 8 : 2);
            i += 2;
        } else {
            base = 8;
            i += 1;
        }
    }
    if (i >= text.size())
        return IntParse::NotInt;
    quint64 value = 0;
    bool overflow = false;
    for (; i < text.size(); ++i) {
        const char c = text.at(i);
        int d = -1;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'z')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'Z')
            d = c - 'A' + 10;
        if (d < 0 || d >= base)
            return IntParse::NotInt;
        if (value > (std::numeric_limits<quint64>::max() - quint64(d)) / quint64(base))
            overflow = true;
        else
            value = value * quint64(base) + quint64(d);
    }
    const quint64 limit = negative ? quint64(std::numeric_limits<qint64>::max()) + 1
                                   : quint64(std::numeric_limits<qint64>::max());
    if (overflow || value > limit)
        return IntParse::TooLarge;
    *out = negative ? qint64(0 - value) : qint64(value);
    return IntParse::Ok;
}

struct CipherCtxFree
{
    void operator()(EVP_CIPHER_CTX *ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;

} // namespace

Result<TypedValue> resolvePlainScalar(const QByteArray &text)
{
    if (text.isEmpty() || text == "~" || text == "null" || text == "Null" || text == "NULL")
        return TypedValue{ValueType::Null, {}};
    if (text == "true" || text == "True" || text == "TRUE")
        return TypedValue{ValueType::Bool, QByteArrayLiteral("True")};
    if (text == "false" || text == "False" || text == "FALSE")
        return TypedValue{ValueType::Bool, QByteArrayLiteral("False")};
    static const QList<QByteArray> nan{".nan", ".NaN", ".NAN"};
    static const QList<QByteArray> inf{".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"};
    static const QList<QByteArray> negInf{"-.inf", "-.Inf", "-.INF"};
    if (nan.contains(text))
        return TypedValue{ValueType::Float, QByteArrayLiteral("NaN")};
    if (inf.contains(text))
        return TypedValue{ValueType::Float, QByteArrayLiteral("+Inf")};
    if (negInf.contains(text))
        return TypedValue{ValueType::Float, QByteArrayLiteral("-Inf")};

    const char first = text.at(0);
    if (first == '.') {
        bool ok = false;
        const double v = text.toDouble(&ok);
        if (ok)
            return TypedValue{ValueType::Float, goFloatText(v)};
        return TypedValue{ValueType::Str, text};
    }
    if (first == '+' || first == '-' || (first >= '0' && first <= '9')) {
        QByteArray plain = text;
        plain.replace('_', QByteArray());
        qint64 v = 0;
        switch (parseGoInt(plain, &v)) {
        case IntParse::Ok:
            return TypedValue{ValueType::Int, QByteArray::number(v)};
        case IntParse::TooLarge:
            return Error(QStringLiteral("the integer %1 does not fit in 64 bits")
                             .arg(QString::fromUtf8(text)));
        case IntParse::NotInt:
            break;
        }
        static const QRegularExpression yamlFloat(
            QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
        if (yamlFloat.match(QString::fromLatin1(plain)).hasMatch()) {
            bool ok = false;
            const double d = plain.toDouble(&ok);
            if (ok)
                return TypedValue{ValueType::Float, goFloatText(d)};
        }
    }
    return TypedValue{ValueType::Str, text};
}

QByteArray typeName(ValueType type)
{
    switch (type) {
    case ValueType::Str:
        return QByteArrayLiteral("str");
    case ValueType::Int:
        return QByteArrayLiteral("int");
    case ValueType::Float:
        return QByteArrayLiteral("float");
    case ValueType::Bool:
        return QByteArrayLiteral("bool");
    case ValueType::Comment:
        return QByteArrayLiteral("comment");
    case ValueType::Null:
        break;
    }
    return {};
}

std::optional<ValueType> typeFromName(const QByteArray &name)
{
    if (name == "str" || name == "bytes")
        return ValueType::Str;
    if (name == "int")
        return ValueType::Int;
    if (name == "float")
        return ValueType::Float;
    if (name == "bool")
        return ValueType::Bool;
    if (name == "comment")
        return ValueType::Comment;
    return std::nullopt;
}

bool looksEncrypted(const QByteArray &text)
{
    return text.startsWith("ENC[AES256_GCM,");
}

std::optional<EncValue> parseEncValue(const QByteArray &text)
{
    static const QRegularExpression re(QStringLiteral(
        "^ENC\\[AES256_GCM,data:([A-Za-z0-9+/=]*),iv:([A-Za-z0-9+/=]+),tag:([A-Za-z0-9+/"
        "=]+),type:([a-z]+)\\]$"));
    const auto m = re.match(QString::fromLatin1(text));
    if (!m.hasMatch())
        return std::nullopt;
    const auto decode = [](const QString &s, QByteArray *out) {
        auto r =
            QByteArray::fromBase64Encoding(s.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!r)
            return false;
        *out = r.decoded;
        return true;
    };
    EncValue v;
    if (!decode(m.captured(1), &v.data) || !decode(m.captured(2), &v.iv) ||
        !decode(m.captured(3), &v.tag))
        return std::nullopt;
    if (v.iv.isEmpty() || v.tag.size() != kTagSize)
        return std::nullopt;
    v.type = m.captured(4).toLatin1();
    return v;
}

QByteArray formatEncValue(const EncValue &value)
{
    return QByteArrayLiteral("ENC[AES256_GCM,data:") + value.data.toBase64() +
           ",iv:" + value.iv.toBase64() + ",tag:" + value.tag.toBase64() + ",type:" + value.type +
           ']';
}

QByteArray randomBytes(int size)
{
    QByteArray out(size, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), size) != 1)
        qFatal("RAND_bytes failed");
    return out;
}

Result<EncValue> encryptValue(const QByteArray &plaintext, ValueType type, const QByteArray &key,
                              const QByteArray &additionalData, const QByteArray &iv)
{
    if (key.size() != 32)
        return Error(QStringLiteral("the data key is not 32 bytes"));
    EncValue out;
    out.iv = iv.isEmpty() ? randomBytes(kIvSize) : iv;
    out.type = typeName(type);
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    out.data.resize(plaintext.size());
    out.tag.resize(kTagSize);
    const auto *k = reinterpret_cast<const unsigned char *>(key.constData());
    const auto *n = reinterpret_cast<const unsigned char *>(out.iv.constData());
    bool ok =
        ctx && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, int(out.iv.size()), nullptr) == 1 &&
        EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, k, n) == 1;
    if (ok && !additionalData.isEmpty())
        ok = EVP_EncryptUpdate(ctx.get(), nullptr, &len,
                               reinterpret_cast<const unsigned char *>(additionalData.constData()),
                               int(additionalData.size())) == 1;
    if (ok && !plaintext.isEmpty())
        ok = EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(out.data.data()), &len,
                               reinterpret_cast<const unsigned char *>(plaintext.constData()),
                               int(plaintext.size())) == 1;
    ok = ok && EVP_EncryptFinal_ex(ctx.get(), nullptr, &len) == 1 &&
         EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagSize, out.tag.data()) == 1;
    if (!ok)
        return Error(QStringLiteral("AES-GCM encryption failed"));
    return out;
}

Result<QByteArray> decryptValue(const EncValue &value, const QByteArray &key,
                                const QByteArray &additionalData)
{
    if (key.size() != 32)
        return Error(QStringLiteral("the data key is not 32 bytes"));
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    QByteArray plain(value.data.size(), '\0');
    QByteArray tag = value.tag;
    int len = 0;
    const auto *k = reinterpret_cast<const unsigned char *>(key.constData());
    const auto *n = reinterpret_cast<const unsigned char *>(value.iv.constData());
    bool ok =
        ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, int(value.iv.size()), nullptr) ==
            1 &&
        EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, k, n) == 1;
    if (ok && !additionalData.isEmpty())
        ok = EVP_DecryptUpdate(ctx.get(), nullptr, &len,
                               reinterpret_cast<const unsigned char *>(additionalData.constData()),
                               int(additionalData.size())) == 1;
    if (ok && !value.data.isEmpty())
        ok = EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()), &len,
                               reinterpret_cast<const unsigned char *>(value.data.constData()),
                               int(value.data.size())) == 1;
    ok = ok && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagSize, tag.data()) == 1 &&
         EVP_DecryptFinal_ex(ctx.get(), nullptr, &len) == 1;
    if (!ok)
        return Error(QStringLiteral("authentication failed"));
    return plain;
}

} // namespace Fluxdesk::Sops::Detail
