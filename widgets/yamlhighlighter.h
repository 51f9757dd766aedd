#pragma once

#include <QColor>
#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace Fluxdesk {

// The built-in YAML highlighter, used when KSyntaxHighlighting is not available: keys, quoted
// strings, numbers, booleans and null, comments, document markers, anchors/aliases/tags and list
// dashes. Colours follow the palette (lighter on dark themes).
class YamlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    enum class Category
    {
        Key,
        String,
        Number,
        Keyword,
        Alias,
        Comment,
        Marker
    };
    explicit YamlHighlighter(QTextDocument *document, bool darkTheme = false);

    // The foreground of each category (tests compare against it).
    static QColor colour(Category category, bool darkTheme = false);

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Rule
    {
        QRegularExpression pattern;
        QTextCharFormat format;
        int group = 0;
    };
    QList<Rule> m_rules;
    QTextCharFormat m_comment;
    QTextCharFormat m_blockScalar;
};

} // namespace Fluxdesk
