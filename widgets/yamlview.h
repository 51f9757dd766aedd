#pragma once

#include <QPlainTextEdit>

class QSyntaxHighlighter;

namespace Fluxdesk {

// A read-only YAML viewer with line numbers and highlighting (KSyntaxHighlighting's "YAML"
// definition when built with it, else the built-in YamlHighlighter).
class YamlView : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit YamlView(QWidget *parent = nullptr);
    ~YamlView() override;

    void setYaml(const QString &yaml);
    // The name of the highlighter in use ("KSyntaxHighlighting" or "built-in"), for tests and
    // About.
    static QString highlighterName();

    int lineNumberAreaWidth() const;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    friend class LineNumberArea;
    void paintLineNumbers(QPaintEvent *event);
    void updateLineNumberArea(const QRect &rect, int dy);
    void setUpHighlighter();

    QWidget *m_lineNumbers = nullptr;
    QObject *m_highlighter = nullptr;
};

} // namespace Fluxdesk
