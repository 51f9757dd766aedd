#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QList>

namespace Fluxdesk::Age::Format {

// The age v1 header: "age-encryption.org/v1", stanzas ("-> TYPE ARGS..." and a base64 body
// wrapped at 64 columns, ended by a short line), "--- MAC", then the binary payload.

constexpr int columnsPerLine = 64;
constexpr int bytesPerLine = columnsPerLine / 4 * 3;

extern const char intro[]; // "age-encryption.org/v1\n"

struct Stanza
{
    QByteArray type;
    QList<QByteArray> args;
    QByteArray body;
};

struct Header
{
    QList<Stanza> stanzas;
    QByteArray mac;
    int macInputSize = 0; // the header's bytes the MAC covers: up to and including "---"
    int payloadOffset = 0;
};

// Standard base64 without padding, strict as age is: canonical, no line breaks.
QByteArray encodeBase64(const QByteArray &bytes);
bool decodeBase64(const QByteArray &text, QByteArray &out);

Result<Header> parse(const QByteArray &file);
// The header up to and including "---", the part the MAC covers.
QByteArray headerWithoutMac(const QList<Stanza> &stanzas);
// " MAC\n", what follows headerWithoutMac().
QByteArray macLine(const QByteArray &mac);

} // namespace Fluxdesk::Age::Format
