#include "ageformat.h"

#include "agetext.h"

namespace Fluxdesk::Age::Format {

const char intro[] = "age-encryption.org/v1\n";

namespace {

const char stanzaPrefix[] = "->";
const char footerPrefix[] = "---";

bool isBase64Char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
           c == '/';
}

// Arguments are non-empty runs of printable ASCII (33 to 126).
bool isValidArgument(const QByteArray &arg)
{
    if (arg.isEmpty())
        return false;
    for (char c : arg) {
        if (uchar(c) < 33 || uchar(c) > 126)
            return false;
    }
    return true;
}

// A header line shown in an error: printable, and short.
QString shown(const QByteArray &line)
{
    QByteArray out;
    for (char c : line.left(80)) {
        if (uchar(c) >= 32 && uchar(c) < 127)
            out.append(c);
        else
            out.append("\\x" + QByteArray::number(uchar(c), 16).rightJustified(2, '0'));
    }
    if (line.size() > 80)
        out.append("...");
    return QLatin1Char('"') + QString::fromLatin1(out) + QLatin1Char('"');
}

Error malformed(const QString &what)
{
    return Error(AgeText::tr("malformed age header: %1").arg(what));
}

} // namespace

QByteArray encodeBase64(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals);
}

bool decodeBase64(const QByteArray &text, QByteArray &out)
{
    if (text.size() % 4 == 1)
        return false;
    for (char c : text) {
        if (!isBase64Char(c))
            return false;
    }
    out = QByteArray::fromBase64(text, QByteArray::Base64Encoding);
    // Non-canonical encodings (stray bits in the last character) do not round-trip.
    return encodeBase64(out) == text;
}

Result<Header> parse(const QByteArray &file)
{
    const int introSize = int(sizeof(intro)) - 1;
    if (!file.startsWith(intro))
        return Error(AgeText::tr("not an age file (it does not begin with \"%1\")")
                         .arg(QLatin1String(intro, introSize - 1)));
    Header header;
    int pos = introSize;
    // The next line without its "\n"; false at the end of the file.
    auto nextLine = [&file, &pos](QByteArray &line) {
        const int end = int(file.indexOf('\n', pos));
        if (end < 0)
            return false;
        line = file.mid(pos, end - pos);
        pos = end + 1;
        return true;
    };
    const Error truncated = malformed(AgeText::tr("the header ends before its MAC line"));

    for (;;) {
        const int lineStart = pos;
        QByteArray line;
        if (!nextLine(line))
            return truncated;
        const QList<QByteArray> parts = line.split(' ');
        if (line.startsWith(footerPrefix)) {
            if (parts.size() != 2 || parts.at(0) != footerPrefix)
                return malformed(AgeText::tr("bad MAC line %1").arg(shown(line)));
            if (!decodeBase64(parts.at(1), header.mac) || header.mac.size() != 32)
                return malformed(AgeText::tr("bad MAC %1").arg(shown(parts.at(1))));
            header.macInputSize = lineStart + int(sizeof(footerPrefix)) - 1;
            header.payloadOffset = pos;
            return header;
        }
        if (!line.startsWith(stanzaPrefix))
            return malformed(
                AgeText::tr("expected a stanza or the MAC line, found %1").arg(shown(line)));
        if (parts.size() < 2 || parts.at(0) != stanzaPrefix)
            return malformed(AgeText::tr("bad stanza line %1").arg(shown(line)));
        Stanza stanza;
        for (int i = 1; i < parts.size(); ++i) {
            if (!isValidArgument(parts.at(i)))
                return malformed(AgeText::tr("bad stanza line %1").arg(shown(line)));
        }
        stanza.type = parts.at(1);
        stanza.args = parts.mid(2);
        for (;;) {
            QByteArray bodyLine;
            if (!nextLine(bodyLine))
                return truncated;
            QByteArray bytes;
            if (bodyLine.size() > columnsPerLine || !decodeBase64(bodyLine, bytes)) {
                if (bodyLine.startsWith(footerPrefix) || bodyLine.startsWith(stanzaPrefix))
                    return malformed(AgeText::tr("a stanza of type %1 ends without a short "
                                                 "body line")
                                         .arg(shown(stanza.type)));
                return malformed(AgeText::tr("bad body line %1 in a stanza of type %2")
                                     .arg(shown(bodyLine), shown(stanza.type)));
            }
            stanza.body.append(bytes);
            if (bytes.size() < bytesPerLine)
                break;
        }
        header.stanzas.append(stanza);
    }
}

QByteArray headerWithoutMac(const QList<Stanza> &stanzas)
{
    QByteArray out(intro);
    for (const Stanza &stanza : stanzas) {
        out.append(stanzaPrefix);
        out.append(' ');
        out.append(stanza.type);
        for (const QByteArray &arg : stanza.args) {
            out.append(' ');
            out.append(arg);
        }
        out.append('\n');
        const QByteArray body = encodeBase64(stanza.body);
        for (int i = 0; i < body.size(); i += columnsPerLine) {
            out.append(body.mid(i, columnsPerLine));
            out.append('\n');
        }
        // The body ends with a line shorter than 64 columns, empty if need be.
        if (body.size() % columnsPerLine == 0)
            out.append('\n');
    }
    out.append(footerPrefix);
    return out;
}

QByteArray macLine(const QByteArray &mac)
{
    return ' ' + encodeBase64(mac) + '\n';
}

} // namespace Fluxdesk::Age::Format
