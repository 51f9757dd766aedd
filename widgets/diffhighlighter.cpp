#include "diffhighlighter.h"

#include <QColor>
#include <QTextCharFormat>

namespace Fluxdesk {

DiffHighlighter::DiffHighlighter(QTextDocument *document) : QSyntaxHighlighter(document) {}

DiffHighlighter::LineKind DiffHighlighter::classify(const QString &line)
{
    // File headers first: "+++ b/x" and "--- a/x" start like added/removed lines.
    if (line.startsWith(QLatin1String("diff --git")) || line.startsWith(QLatin1String("+++ ")) ||
        line.startsWith(QLatin1String("--- ")) || line.startsWith(QLatin1String("index ")) ||
        line.startsWith(QLatin1String("new file mode")) ||
        line.startsWith(QLatin1String("deleted file mode")))
        return LineKind::FileHeader;
    if (line.startsWith(QLatin1String("@@")))
        return LineKind::Hunk;
    if (line.startsWith(QLatin1Char('+')))
        return LineKind::Added;
    if (line.startsWith(QLatin1Char('-')))
        return LineKind::Removed;
    return LineKind::Context;
}

void DiffHighlighter::highlightBlock(const QString &text)
{
    QTextCharFormat format;
    switch (classify(text)) {
    case LineKind::Context:
        return;
    case LineKind::Added:
        format.setForeground(QColor(0x1a, 0x7f, 0x37));
        format.setBackground(QColor(0xe6, 0xff, 0xec));
        break;
    case LineKind::Removed:
        format.setForeground(QColor(0xcf, 0x22, 0x2e));
        format.setBackground(QColor(0xff, 0xeb, 0xe9));
        break;
    case LineKind::Hunk:
        format.setForeground(QColor(0x05, 0x50, 0xae));
        break;
    case LineKind::FileHeader:
        format.setFontWeight(QFont::Bold);
        break;
    }
    setFormat(0, int(text.size()), format);
}

} // namespace Fluxdesk
