#pragma once

#include "age.h"
#include "core/error.h"

#include <QByteArray>
#include <QString>

namespace Fluxdesk::Age::Bech32 {

// Bech32 as BIP 173 defines it (the original checksum, not Bech32m), without BIP 173's length
// limit, as age uses it for "age1..." recipients and "AGE-SECRET-KEY-1..." identities.

// Encodes data under hrp; the result is upper case when hrp is, else lower case. The 5-bit
// intermediate values are wiped, so data may be a secret.
QString encode(const QByteArray &hrp, const SecretBytes &data);

struct Decoded
{
    QByteArray hrp; // as written (its case kept)
    SecretBytes data;
};

// Decodes one Bech32 string. An error's column, when known, is the 1-based position of the
// offending character in text.
Result<Decoded> decode(const QString &text);

} // namespace Fluxdesk::Age::Bech32
