#pragma once

#include "core/error.h"

#include <QByteArray>

namespace Fluxdesk::Age::Armor {

// age's ASCII armor: "-----BEGIN AGE ENCRYPTED FILE-----", padded standard base64 in lines of
// 64 columns (the last one shorter or full), "-----END AGE ENCRYPTED FILE-----". Reading is as
// strict as age: only whitespace around the block, and CRLF line ends, are tolerated.

QByteArray armor(const QByteArray &binary);
// Whether text, past leading whitespace, begins with the armor's first line.
bool isArmored(const QByteArray &text);
Result<QByteArray> dearmor(const QByteArray &text);

} // namespace Fluxdesk::Age::Armor
