#include "agearmor.h"

#include "ageformat.h"
#include "agetext.h"

namespace Fluxdesk::Age::Armor {

namespace {

const char header[] = "-----BEGIN AGE ENCRYPTED FILE-----";
const char footer[] = "-----END AGE ENCRYPTED FILE-----";
const int maxWhitespace = 1024;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool isBlank(const QByteArray &bytes)
{
    for (char c : bytes) {
        if (!isSpace(c))
            return false;
    }
    return true;
}

bool isBase64Char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
           c == '/';
}

// Padded standard base64, canonical, of one line.
bool decodeLine(const QByteArray &line, QByteArray &out)
{
    if (line.size() % 4 != 0)
        return false;
    int padding = 0;
    while (padding < 2 && line.size() > padding && line.at(line.size() - 1 - padding) == '=')
        ++padding;
    for (int i = 0; i < line.size() - padding; ++i) {
        if (!isBase64Char(line.at(i)))
            return false;
    }
    out = QByteArray::fromBase64(line, QByteArray::Base64Encoding);
    return out.toBase64(QByteArray::Base64Encoding) == line;
}

Error invalid(const QString &what)
{
    return Error(AgeText::tr("invalid armor: %1").arg(what));
}

} // namespace

QByteArray armor(const QByteArray &binary)
{
    const QByteArray text = binary.toBase64(QByteArray::Base64Encoding);
    QByteArray out;
    out.reserve(text.size() + text.size() / Format::columnsPerLine + 100);
    out.append(header);
    out.append('\n');
    for (int i = 0; i < text.size(); i += Format::columnsPerLine) {
        out.append(text.mid(i, Format::columnsPerLine));
        out.append('\n');
    }
    out.append(footer);
    out.append('\n');
    return out;
}

bool isArmored(const QByteArray &text)
{
    int start = 0;
    while (start < text.size() && isSpace(text.at(start)))
        ++start;
    return text.mid(start, int(sizeof(header)) - 1) == header;
}

Result<QByteArray> dearmor(const QByteArray &text)
{
    int pos = 0;
    bool atEnd = false;
    // The next line without "\n" or "\r\n"; false at the end of the text.
    auto nextLine = [&](QByteArray &line) {
        if (atEnd)
            return false;
        int end = int(text.indexOf('\n', pos));
        if (end < 0) {
            atEnd = true;
            end = int(text.size());
            if (end == pos)
                return false;
        }
        line = text.mid(pos, end - pos);
        pos = end + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        return true;
    };
    auto trailingIsBlank = [&]() -> Result<QByteArray> {
        const QByteArray rest = pos < text.size() ? text.mid(pos) : QByteArray();
        if (!isBlank(rest))
            return invalid(AgeText::tr("data after the end line"));
        if (rest.size() >= maxWhitespace)
            return invalid(AgeText::tr("too much whitespace after the end line"));
        return QByteArray();
    };
    const Error unexpectedEnd = invalid(AgeText::tr("the text ends before the end line"));

    QByteArray line;
    int skipped = 0;
    for (;;) {
        if (!nextLine(line))
            return unexpectedEnd;
        if (!isBlank(line))
            break;
        skipped += int(line.size()) + 1;
        if (skipped > maxWhitespace)
            return invalid(AgeText::tr("too much whitespace before the begin line"));
    }
    if (line != header)
        return invalid(AgeText::tr("the first line is not \"%1\"").arg(QLatin1String(header)));

    QByteArray binary;
    binary.reserve(text.size() / 4 * 3);
    for (;;) {
        if (!nextLine(line))
            return unexpectedEnd;
        if (line == footer)
            break;
        if (line.isEmpty())
            return invalid(AgeText::tr("an empty line in the base64 data"));
        if (line.size() > Format::columnsPerLine)
            return invalid(
                AgeText::tr("a line longer than %1 columns").arg(Format::columnsPerLine));
        QByteArray bytes;
        if (!decodeLine(line, bytes))
            return invalid(AgeText::tr("bad base64 data"));
        binary.append(bytes);
        if (bytes.size() < Format::bytesPerLine) {
            if (!nextLine(line))
                return unexpectedEnd;
            if (line != footer)
                return invalid(AgeText::tr("a short line that is not followed by the end line"));
            break;
        }
    }
    const Result<QByteArray> trailing = trailingIsBlank();
    if (!trailing)
        return trailing.error();
    return binary;
}

} // namespace Fluxdesk::Age::Armor
