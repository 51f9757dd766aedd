#pragma once

#include <QSyntaxHighlighter>

namespace Fluxdesk {

// Colours a unified diff: added lines green, removed lines red, hunk headers ("@@") blue and
// file headers ("diff --git", "---", "+++") bold.
class DiffHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit DiffHighlighter(QTextDocument *document);

    enum class LineKind
    {
        Context,
        Added,
        Removed,
        Hunk,
        FileHeader
    };
    static LineKind classify(const QString &line);

protected:
    void highlightBlock(const QString &text) override;
};

} // namespace Fluxdesk
