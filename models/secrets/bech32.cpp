#include "bech32.h"

#include "agetext.h"

#include <openssl/crypto.h>

#include <cstring>
#include <vector>

namespace Fluxdesk::Age::Bech32 {

namespace {

const char charset[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

quint32 polymod(const std::vector<quint8> &values)
{
    static const quint32 generator[5] = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd,
                                         0x2a1462b3};
    quint32 checksum = 1;
    for (quint8 value : values) {
        const quint32 top = checksum >> 25;
        checksum = ((checksum & 0x1ffffff) << 5) ^ value;
        for (int i = 0; i < 5; ++i) {
            if ((top >> i) & 1)
                checksum ^= generator[i];
        }
    }
    return checksum;
}

// The HRP expanded as BIP 173 feeds it to the checksum; lowerHrp is already lower case.
std::vector<quint8> expandHrp(const QByteArray &lowerHrp)
{
    std::vector<quint8> out;
    out.reserve(size_t(lowerHrp.size()) * 2 + 1);
    for (char c : lowerHrp)
        out.push_back(quint8(uchar(c) >> 5));
    out.push_back(0);
    for (char c : lowerHrp)
        out.push_back(quint8(uchar(c) & 31));
    return out;
}

// Wipes a vector of 5-bit values, which hold the key when the data is a secret.
class WipeVector
{
public:
    explicit WipeVector(std::vector<quint8> &values) : m_values(values) {}
    ~WipeVector()
    {
        if (!m_values.empty())
            OPENSSL_cleanse(m_values.data(), m_values.size());
    }
    WipeVector(const WipeVector &) = delete;
    WipeVector &operator=(const WipeVector &) = delete;

private:
    std::vector<quint8> &m_values;
};

bool isUpper(char c)
{
    return c >= 'A' && c <= 'Z';
}
bool isLower(char c)
{
    return c >= 'a' && c <= 'z';
}
char toLower(char c)
{
    return isUpper(c) ? char(c - 'A' + 'a') : c;
}
char toUpper(char c)
{
    return isLower(c) ? char(c - 'a' + 'A') : c;
}

Error errorAt(const QString &message, int position)
{
    return Error(message, {}, 0, position + 1);
}

} // namespace

QString encode(const QByteArray &hrp, const SecretBytes &data)
{
    bool upper = false;
    for (char c : hrp)
        upper = upper || isUpper(c);
    QByteArray lowerHrp = hrp;
    for (char &c : lowerHrp)
        c = toLower(c);

    std::vector<quint8> values;
    WipeVector wipeValues(values);
    values.reserve(size_t(data.bytes().size()) * 8 / 5 + 8);
    quint32 accumulator = 0;
    int bits = 0;
    for (char byte : data.bytes()) {
        accumulator = ((accumulator << 8) | uchar(byte)) & 0xfff;
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            values.push_back(quint8((accumulator >> bits) & 31));
        }
    }
    if (bits > 0)
        values.push_back(quint8((accumulator << (5 - bits)) & 31));
    accumulator = 0;

    std::vector<quint8> checked = expandHrp(lowerHrp);
    WipeVector wipeChecked(checked);
    checked.insert(checked.end(), values.begin(), values.end());
    checked.insert(checked.end(), 6, 0);
    const quint32 checksum = polymod(checked) ^ 1;
    for (int i = 0; i < 6; ++i)
        values.push_back(quint8((checksum >> (5 * (5 - i))) & 31));

    QByteArray text = lowerHrp + '1';
    text.reserve(text.size() + int(values.size()));
    for (quint8 value : values)
        text.append(charset[value]);
    if (upper) {
        for (char &c : text)
            c = toUpper(c);
    }
    const QString result = QString::fromLatin1(text);
    OPENSSL_cleanse(text.data(), size_t(text.size()));
    return result;
}

Result<Decoded> decode(const QString &text)
{
    QByteArray ascii;
    ascii.reserve(text.size());
    bool hasUpper = false;
    bool hasLower = false;
    for (int i = 0; i < text.size(); ++i) {
        const ushort code = text.at(i).unicode();
        if (code < 33 || code > 126) {
            OPENSSL_cleanse(ascii.data(), size_t(ascii.size()));
            return errorAt(AgeText::tr("invalid character U+%1")
                               .arg(QString::number(code, 16).rightJustified(4, QLatin1Char('0'))),
                           i);
        }
        const char c = char(code);
        hasUpper = hasUpper || isUpper(c);
        hasLower = hasLower || isLower(c);
        ascii.append(c);
    }
    struct WipeAscii
    {
        QByteArray &bytes;
        ~WipeAscii() { OPENSSL_cleanse(bytes.data(), size_t(bytes.size())); }
    } wipeAscii{ascii};

    if (hasUpper && hasLower)
        return Error(AgeText::tr("mixed upper and lower case"));
    const int separator = ascii.lastIndexOf('1');
    if (separator < 1)
        return Error(AgeText::tr("no separator '1' after a prefix"));
    if (separator + 7 > ascii.size())
        return errorAt(AgeText::tr("too short for a checksum"), separator);

    Decoded decoded;
    decoded.hrp = ascii.left(separator);
    QByteArray lowerHrp = decoded.hrp;
    for (char &c : lowerHrp)
        c = toLower(c);

    std::vector<quint8> values = expandHrp(lowerHrp);
    WipeVector wipeValues(values);
    const size_t dataStart = values.size();
    for (int i = separator + 1; i < ascii.size(); ++i) {
        const char *found = strchr(charset, toLower(ascii.at(i)));
        if (found == nullptr || *found == '\0')
            return errorAt(AgeText::tr("a character Bech32 does not use"), i);
        values.push_back(quint8(found - charset));
    }
    if (polymod(values) != 1)
        return Error(AgeText::tr("invalid checksum"));

    QByteArray bytes;
    const size_t dataEnd = values.size() - 6;
    bytes.reserve(int((dataEnd - dataStart) * 5 / 8));
    quint32 accumulator = 0;
    int bits = 0;
    for (size_t i = dataStart; i < dataEnd; ++i) {
        accumulator = ((accumulator << 5) | values[i]) & 0xfff;
        bits += 5;
        while (bits >= 8) {
            bits -= 8;
            bytes.append(char((accumulator >> bits) & 0xff));
        }
    }
    const bool badPadding = bits >= 5 || ((accumulator << (8 - bits)) & 0xff) != 0;
    accumulator = 0;
    decoded.data = SecretBytes(std::move(bytes));
    if (badPadding)
        return Error(AgeText::tr("invalid padding at the end of the data"));
    return decoded;
}

} // namespace Fluxdesk::Age::Bech32
