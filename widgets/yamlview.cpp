#include "yamlview.h"

#include "linenumbergutter.h"

#include "yamlsyntax.h"

#include <QFontDatabase>
#include <QPainter>
#include <QTextBlock>

namespace Fluxdesk {

class LineNumberArea : public QWidget
{
public:
    explicit LineNumberArea(YamlView *view) : QWidget(view), m_view(view) {}
    QSize sizeHint() const override { return {m_view->lineNumberAreaWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_view->paintLineNumbers(event); }

private:
    YamlView *m_view;
};

YamlView::YamlView(QWidget *parent) : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_lineNumbers = new LineNumberArea(this);
    connect(this, &QPlainTextEdit::blockCountChanged, this,
            [this] { setViewportMargins(lineNumberAreaWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, &YamlView::updateLineNumberArea);
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
    setUpHighlighter();
}

YamlView::~YamlView() = default;

QString YamlView::highlighterName()
{
#ifdef FLUXDESK_HAVE_KSYNTAXHIGHLIGHTING
    return QStringLiteral("KSyntaxHighlighting");
#else
    return tr("built-in");
#endif
}

void YamlView::setUpHighlighter()
{
    delete m_highlighter;
    m_highlighter = createYamlHighlighter(document(), palette());
}

void YamlView::setYaml(const QString &yaml)
{
    setPlainText(yaml);
}

int YamlView::lineNumberAreaWidth() const
{
    return lineNumberGutterWidth(this, 12);
}

void YamlView::updateLineNumberArea(const QRect &rect, int dy)
{
    updateLineNumberGutter(m_lineNumbers, rect, dy);
}

void YamlView::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect area = contentsRect();
    m_lineNumbers->setGeometry(
        QRect(area.left(), area.top(), lineNumberAreaWidth(), area.height()));
}

void YamlView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        setUpHighlighter();
}

void YamlView::paintLineNumbers(QPaintEvent *event)
{
    QPainter painter(m_lineNumbers);
    const QPalette pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::AlternateBase));
    painter.setPen(pal.color(QPalette::PlaceholderText));
    QTextBlock block = firstVisibleBlock();
    int number = block.blockNumber();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const int width = m_lineNumbers->width() - 6;
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            painter.drawText(0, top, width, fontMetrics().height(), Qt::AlignRight,
                             QString::number(number + 1));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
        ++number;
    }
}

} // namespace Fluxdesk
