#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Fluxdesk::Sops::Detail {

// How sops types a YAML scalar (as go-yaml v3 decodes it into an interface{}) and the bytes it
// encrypts and feeds to the MAC for it: strings as they are, ints in decimal, floats in the
// shortest fixed notation, booleans as "True"/"False".
enum class ValueType
{
    Null,
    Str,
    Int,
    Float,
    Bool,
    Comment
};

struct TypedValue
{
    ValueType type = ValueType::Null;
    QByteArray bytes; // what sops encrypts and hashes
};

// A plain (unquoted, untagged) scalar; an error for an integer beyond 64 bits, which sops
// cannot walk either.
Result<TypedValue> resolvePlainScalar(const QByteArray &text);
QByteArray typeName(ValueType type);
std::optional<ValueType> typeFromName(const QByteArray &name);

// ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]
struct EncValue
{
    QByteArray data;
    QByteArray iv;
    QByteArray tag;
    QByteArray type;
};

bool looksEncrypted(const QByteArray &text); // starts with "ENC[AES256_GCM,"
std::optional<EncValue> parseEncValue(const QByteArray &text);
QByteArray formatEncValue(const EncValue &value);

// AES-256-GCM with a 32-byte IV as sops uses it; an empty iv draws a random one. additionalData
// is the value's path joined with ":" plus a trailing ":" (or lastmodified for the MAC).
Result<EncValue> encryptValue(const QByteArray &plaintext, ValueType type, const QByteArray &key,
                              const QByteArray &additionalData, const QByteArray &iv = {});
// The plaintext, or an error when the tag does not verify (wrong key, path or changed bytes).
Result<QByteArray> decryptValue(const EncValue &value, const QByteArray &key,
                                const QByteArray &additionalData);

QByteArray randomBytes(int size);

} // namespace Fluxdesk::Sops::Detail
