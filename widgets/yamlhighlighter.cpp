#include "yamlhighlighter.h"

#include <QColor>

namespace Fluxdesk {

namespace {

QTextCharFormat makeFormat(const QColor &colour, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(colour);
    if (bold)
        f.setFontWeight(QFont::Bold);
    f.setFontItalic(italic);
    return f;
}

// Block state: the indentation of a "key: |" line whose literal block continues below, plus one
// (0 = not inside a block scalar).
constexpr int noBlock = 0;

} // namespace

YamlHighlighter::YamlHighlighter(QTextDocument *document, bool dark) : QSyntaxHighlighter(document)
{
    const QColor keyColour = colour(Category::Key, dark);
    const QColor stringColour = colour(Category::String, dark);
    const QColor numberColour = colour(Category::Number, dark);
    const QColor keywordColour = colour(Category::Keyword, dark);
    const QColor aliasColour = colour(Category::Alias, dark);
    const QColor markerColour = colour(Category::Marker, dark);
    const QColor commentColour = colour(Category::Comment, dark);

    // Later rules win where they overlap: a quoted string holding "# x" is not a comment, and
    // a key never reads as a number.
    m_rules.append({QRegularExpression(QStringLiteral("^\\s*(-)(?=\\s|$)")),
                    makeFormat(markerColour, true), 1});
    m_rules.append(
        {QRegularExpression(QStringLiteral(
             "(?:^|[\\s\\[{,:-])(-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)(?=\\s*(?:$|[,\\]}#]))")),
         makeFormat(numberColour), 1});
    m_rules.append(
        {QRegularExpression(QStringLiteral("(?:^|[\\s\\[{,:-])(true|false|True|False|TRUE|FALSE|"
                                           "yes|no|null|Null|NULL|~)(?=\\s*(?:$|[,\\]}#]))")),
         makeFormat(keywordColour, true), 1});
    m_rules.append({QRegularExpression(QStringLiteral("([&*][A-Za-z0-9_.-]+|![A-Za-z0-9_./!-]*)")),
                    makeFormat(aliasColour, false, true), 1});
    m_rules.append(
        {QRegularExpression(QStringLiteral(
             "^\\s*(?:-\\s+)*([^\\s#'\"{}\\[\\],][^#]*?|\"[^\"]*\"|'[^']*')\\s*:(?=\\s|$)")),
         makeFormat(keyColour, true), 1});
    m_rules.append({QRegularExpression(QStringLiteral("(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^']|'')*')")),
                    makeFormat(stringColour), 1});
    m_rules.append({QRegularExpression(QStringLiteral("^(---|\\.\\.\\.)(?=\\s|$)")),
                    makeFormat(markerColour, true), 1});
    m_comment = makeFormat(commentColour, false, true);
    m_blockScalar = makeFormat(stringColour);
}

QColor YamlHighlighter::colour(Category category, bool dark)
{
    switch (category) {
    case Category::Key:
        return dark ? QColor(0x7c, 0xb7, 0xff) : QColor(0x1f, 0x4e, 0x9c);
    case Category::String:
        return dark ? QColor(0x9f, 0xd8, 0x8a) : QColor(0x2e, 0x7d, 0x32);
    case Category::Number:
        return dark ? QColor(0xf0, 0xb0, 0x6a) : QColor(0xb3, 0x5c, 0x00);
    case Category::Keyword:
        return dark ? QColor(0xd6, 0x9c, 0xf5) : QColor(0x7b, 0x1f, 0xa2);
    case Category::Alias:
        return dark ? QColor(0x4d, 0xd0, 0xe1) : QColor(0x00, 0x83, 0x8f);
    case Category::Comment:
        return dark ? QColor(0x9e, 0x9e, 0x9e) : QColor(0x75, 0x75, 0x75);
    case Category::Marker:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28);
    }
    return {};
}

void YamlHighlighter::highlightBlock(const QString &text)
{
    // Inside a literal/folded block scalar everything more indented than its key is text.
    int indent = 0;
    while (indent < int(text.size()) && text.at(indent) == QLatin1Char(' '))
        ++indent;
    const int blockIndent = previousBlockState() > noBlock ? previousBlockState() - 1 : -1;
    if (blockIndent >= 0 && (text.trimmed().isEmpty() || indent > blockIndent)) {
        setFormat(0, int(text.size()), m_blockScalar);
        setCurrentBlockState(previousBlockState());
        return;
    }
    setCurrentBlockState(noBlock);

    for (const Rule &rule : std::as_const(m_rules)) {
        auto it = rule.pattern.globalMatch(text);
        while (it.hasNext()) {
            const auto match = it.next();
            setFormat(int(match.capturedStart(rule.group)), int(match.capturedLength(rule.group)),
                      rule.format);
        }
    }

    // A comment starts at '#' at line start or after whitespace, outside quotes.
    QChar quote;
    for (int i = 0; i < int(text.size()); ++i) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            if (i == 0 || text.at(i - 1).isSpace() || text.at(i - 1) == QLatin1Char(':'))
                quote = c;
            continue;
        }
        if (c == QLatin1Char('#') && (i == 0 || text.at(i - 1).isSpace())) {
            setFormat(i, int(text.size()) - i, m_comment);
            break;
        }
    }

    static const QRegularExpression blockStart(QStringLiteral(":\\s*[|>][-+0-9]*\\s*(#.*)?$"));
    if (blockStart.match(text).hasMatch())
        setCurrentBlockState(indent + 1);
}

} // namespace Fluxdesk
