#include "age.h"

#include "agearmor.h"
#include "agecrypto.h"
#include "ageformat.h"
#include "agestream.h"
#include "agetext.h"
#include "bech32.h"

#include <openssl/crypto.h>

#include <utility>

namespace Fluxdesk::Age {

namespace {

const char recipientHrp[] = "age";
const char identityHrp[] = "AGE-SECRET-KEY-";
const char identityPrefix[] = "AGE-SECRET-KEY-1";
const char x25519Type[] = "X25519";
const char x25519Label[] = "age-encryption.org/v1/X25519";
const char headerLabel[] = "header";
const int fileKeySize = 16;

// Bech32's message, with the position when there is one, for a lone key string.
QString withPosition(const Error &error)
{
    if (error.column <= 0)
        return error.message;
    return AgeText::tr("%1 (at character %2)").arg(error.message).arg(error.column);
}

Result<SecretBytes> parseIdentityBytes(const QString &text)
{
    Result<Bech32::Decoded> decoded = Bech32::decode(text);
    if (!decoded)
        return decoded.error();
    if (decoded->hrp != identityHrp)
        return Error(AgeText::tr("not an age secret key (it does not begin with \"%1\")")
                         .arg(QLatin1String(identityPrefix)));
    if (decoded->data.bytes().size() != Crypto::keySize)
        return Error(
            AgeText::tr("a secret key holds 32 bytes, not %1").arg(decoded->data.bytes().size()));
    return std::move(decoded->data);
}

// The file key wrapped for one recipient: the ephemeral share and the sealed file key.
Result<Format::Stanza> wrapFileKey(const SecretBytes &fileKey, const QByteArray &recipient)
{
    const Result<SecretBytes> ephemeral = Crypto::randomSecret(Crypto::keySize);
    if (!ephemeral)
        return ephemeral.error();
    const Result<QByteArray> share = Crypto::x25519PublicKey(*ephemeral);
    if (!share)
        return share.error();
    const Result<SecretBytes> shared = Crypto::x25519(*ephemeral, recipient);
    if (!shared)
        return shared.error();
    const Result<SecretBytes> key =
        Crypto::hkdfSha256(*shared, *share + recipient, QByteArray(x25519Label), Crypto::keySize);
    if (!key)
        return key.error();
    Format::Stanza stanza;
    stanza.type = x25519Type;
    stanza.args = QList<QByteArray>{Format::encodeBase64(*share)};
    if (!Crypto::seal(*key, QByteArray(Crypto::nonceSize, '\0'), fileKey.bytes().constData(),
                      int(fileKey.bytes().size()), stanza.body))
        return Error(AgeText::tr("could not wrap the file key"));
    return stanza;
}

// The file key when this identity opens the stanza; an empty SecretBytes when it is someone
// else's; an error when the stanza is malformed.
Result<SecretBytes> unwrapFileKey(const Identity &identity, const QByteArray &ourRecipient,
                                  const Format::Stanza &stanza)
{
    const Error malformed(AgeText::tr("malformed age header: a bad X25519 stanza"));
    QByteArray share;
    if (stanza.args.size() != 1 || !Format::decodeBase64(stanza.args.at(0), share) ||
        share.size() != Crypto::keySize || stanza.body.size() != fileKeySize + Crypto::tagSize)
        return malformed;
    const Result<SecretBytes> shared = Crypto::x25519(identity.secret(), share);
    if (!shared)
        return shared.error();
    const Result<SecretBytes> key =
        Crypto::hkdfSha256(*shared, share + ourRecipient, QByteArray(x25519Label), Crypto::keySize);
    if (!key)
        return key.error();
    QByteArray fileKey;
    fileKey.reserve(fileKeySize);
    if (!Crypto::open(*key, QByteArray(Crypto::nonceSize, '\0'), stanza.body.constData(),
                      int(stanza.body.size()), fileKey))
        return SecretBytes();
    return SecretBytes(std::move(fileKey));
}

Result<QByteArray> headerMac(const SecretBytes &fileKey, const QByteArray &header)
{
    const Result<SecretBytes> key =
        Crypto::hkdfSha256(fileKey, QByteArray(), QByteArray(headerLabel), Crypto::keySize);
    if (!key)
        return key.error();
    return Crypto::hmacSha256(*key, header);
}

bool isValidUtf8(const QByteArray &bytes)
{
    int pending = 0;
    for (char c : bytes) {
        const uchar byte = uchar(c);
        if (pending > 0) {
            if ((byte & 0xc0) != 0x80)
                return false;
            --pending;
        } else if (byte >= 0xf0 && byte <= 0xf4) {
            pending = 3;
        } else if (byte >= 0xe0 && byte < 0xf0) {
            pending = 2;
        } else if (byte >= 0xc2 && byte < 0xe0) {
            pending = 1;
        } else if (byte >= 0x80) {
            return false;
        }
    }
    return pending == 0;
}

} // namespace

Identity Identity::generate()
{
    Result<SecretBytes> secret = Crypto::randomSecret(Crypto::keySize);
    // A key from a failed random source would be guessable; there is no safe way on.
    if (!secret)
        qFatal("age: no random bytes for a new key: %s", qPrintable(secret.error().message));
    Identity identity;
    identity.m_secret = std::move(*secret);
    return identity;
}

Result<Identity> Identity::parse(const QString &text)
{
    Result<SecretBytes> secret = parseIdentityBytes(text);
    if (!secret)
        return Error(AgeText::tr("malformed age secret key: %1").arg(withPosition(secret.error())));
    Identity identity;
    identity.m_secret = std::move(*secret);
    return identity;
}

QString Identity::toString() const
{
    return Bech32::encode(QByteArray(identityHrp), m_secret);
}

QString Identity::recipient() const
{
    const Result<QByteArray> point = Crypto::x25519PublicKey(m_secret);
    if (!point)
        return QString();
    return Bech32::encode(QByteArray(recipientHrp), SecretBytes(*point));
}

Result<QByteArray> parseRecipient(const QString &text)
{
    const Result<Bech32::Decoded> decoded = Bech32::decode(text);
    if (!decoded)
        return Error(AgeText::tr("malformed age recipient \"%1\": %2")
                         .arg(text, withPosition(decoded.error())));
    if (decoded->hrp != recipientHrp)
        return Error(AgeText::tr("malformed age recipient \"%1\": it does not begin with "
                                 "\"age1\" (lower case)")
                         .arg(text));
    if (decoded->data.bytes().size() != Crypto::keySize)
        return Error(AgeText::tr("malformed age recipient \"%1\": it holds %2 bytes, not 32")
                         .arg(text)
                         .arg(decoded->data.bytes().size()));
    return decoded->data.bytes();
}

bool isRecipient(const QString &text)
{
    return parseRecipient(text).ok();
}

Result<QList<Identity>> parseIdentityFile(const QByteArray &text, const QString &fileName)
{
    QList<Identity> identities;
    QList<QByteArray> lines = text.split('\n');
    // The lines are copies of the keys.
    struct WipeLines
    {
        QList<QByteArray> &lines;
        ~WipeLines()
        {
            for (QByteArray &line : lines) {
                if (!line.isEmpty())
                    OPENSSL_cleanse(line.data(), size_t(line.size()));
            }
        }
    } wipeLines{lines};
    for (int i = 0; i < lines.size(); ++i) {
        const QByteArray &raw = lines.at(i);
        const int lineNumber = i + 1;
        const int size = raw.endsWith('\r') ? int(raw.size()) - 1 : int(raw.size());
        if (size == 0 || raw.startsWith('#'))
            continue;
        if (!isValidUtf8(raw))
            return Error(AgeText::tr("the line is not valid UTF-8"), fileName, lineNumber, 1);
        if (!raw.startsWith(identityPrefix))
            return Error(AgeText::tr("expected an age secret key (\"%1...\"), a comment or an "
                                     "empty line")
                             .arg(QLatin1String(identityPrefix)),
                         fileName, lineNumber, 1);
        QString key = QString::fromUtf8(raw.constData(), size);
        // parseIdentityBytes() says where a key is wrong; parse() makes the identity.
        const Result<SecretBytes> secret = parseIdentityBytes(key);
        Result<Identity> identity = secret ? Identity::parse(key) : Result<Identity>(Error());
        OPENSSL_cleanse(key.data(), size_t(key.size()) * sizeof(QChar));
        if (!secret)
            return Error(AgeText::tr("malformed age secret key: %1").arg(secret.error().message),
                         fileName, lineNumber, qMax(1, secret.error().column));
        if (!identity)
            return Error(identity.error().message, fileName, lineNumber, 1);
        identities.append(std::move(*identity));
    }
    if (identities.isEmpty())
        return Error(AgeText::tr("no age secret key in the file"), fileName);
    return identities;
}

QByteArray identityFileText(const Identity &identity, const QDateTime &created)
{
    // RFC 3339 as Go writes it: seconds, and "Z" for UTC, else the offset.
    QDateTime when = created;
    when = when.offsetFromUtc() == 0 ? when.toUTC() : when.toOffsetFromUtc(when.offsetFromUtc());
    QByteArray out;
    out.append("# created: ");
    out.append(when.toString(Qt::ISODate).toLatin1());
    out.append("\n# public key: ");
    out.append(identity.recipient().toLatin1());
    out.append('\n');
    QString key = identity.toString();
    out.append(key.toLatin1());
    OPENSSL_cleanse(key.data(), size_t(key.size()) * sizeof(QChar));
    out.append('\n');
    return out;
}

Result<QByteArray> encrypt(const QByteArray &plaintext, const QStringList &recipients, bool armor)
{
    if (recipients.isEmpty())
        return Error(AgeText::tr("no recipients to encrypt to"));
    QList<QByteArray> points;
    for (const QString &recipient : recipients) {
        const Result<QByteArray> point = parseRecipient(recipient);
        if (!point)
            return point.error();
        points.append(*point);
    }
    const Result<SecretBytes> fileKey = Crypto::randomSecret(fileKeySize);
    if (!fileKey)
        return fileKey.error();
    QList<Format::Stanza> stanzas;
    for (const QByteArray &point : std::as_const(points)) {
        const Result<Format::Stanza> stanza = wrapFileKey(*fileKey, point);
        if (!stanza)
            return stanza.error();
        stanzas.append(*stanza);
    }
    QByteArray file = Format::headerWithoutMac(stanzas);
    const Result<QByteArray> mac = headerMac(*fileKey, file);
    if (!mac)
        return mac.error();
    file.append(Format::macLine(*mac));
    const Result<QByteArray> payload = Stream::encrypt(*fileKey, plaintext);
    if (!payload)
        return payload.error();
    file.append(*payload);
    return armor ? Armor::armor(file) : file;
}

Result<SecretBytes> decrypt(const QByteArray &file, const QList<Identity> &identities)
{
    QByteArray binary = file;
    if (Armor::isArmored(file)) {
        const Result<QByteArray> dearmored = Armor::dearmor(file);
        if (!dearmored)
            return dearmored.error();
        binary = *dearmored;
    }
    const Result<Format::Header> header = Format::parse(binary);
    if (!header)
        return header.error();

    SecretBytes fileKey;
    for (const Identity &identity : identities) {
        const Result<QByteArray> ours = Crypto::x25519PublicKey(identity.secret());
        if (!ours)
            return ours.error();
        for (const Format::Stanza &stanza : header->stanzas) {
            if (stanza.type != x25519Type)
                continue;
            Result<SecretBytes> unwrapped = unwrapFileKey(identity, *ours, stanza);
            if (!unwrapped)
                return unwrapped.error();
            if (!unwrapped->isEmpty()) {
                fileKey = std::move(*unwrapped);
                break;
            }
        }
        if (!fileKey.isEmpty())
            break;
    }
    if (fileKey.isEmpty())
        return Error(AgeText::tr("no identity matched any of the file's recipients"));

    const Result<QByteArray> mac = headerMac(fileKey, binary.left(header->macInputSize));
    if (!mac)
        return mac.error();
    if (!Crypto::equalConstantTime(*mac, header->mac))
        return Error(AgeText::tr("the age header's MAC is wrong: the header was altered"));
    return Stream::decrypt(fileKey, binary.constData() + header->payloadOffset,
                           int(binary.size()) - header->payloadOffset);
}

} // namespace Fluxdesk::Age
