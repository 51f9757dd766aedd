#include "terminaltext.h"

#include <algorithm>

namespace Fluxdesk {

namespace {

bool needsEscape(char16_t c)
{
    if (c == u'\n' || c == u'\t')
        return false;
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) ||
           (c >= 0x2066 && c <= 0x2069);
}

} // namespace

bool isTerminalControl(QChar c)
{
    return needsEscape(c.unicode());
}

QString printableForTerminal(const QString &text)
{
    const auto first =
        std::find_if(text.cbegin(), text.cend(), [](QChar c) { return needsEscape(c.unicode()); });
    if (first == text.cend())
        return text; // the common case: shared, not copied
    QString out = text.left(int(first - text.cbegin()));
    out.reserve(text.size() + 16);
    for (auto it = first; it != text.cend(); ++it) {
        const char16_t c = it->unicode();
        if (!needsEscape(c))
            out += *it;
        else if (c < 0x80)
            out += QLatin1String("\\x") +
                   QString::number(uint(c), 16).rightJustified(2, QLatin1Char('0'));
        else
            out += QLatin1String("\\u") +
                   QString::number(uint(c), 16).rightJustified(4, QLatin1Char('0'));
    }
    return out;
}

} // namespace Fluxdesk
