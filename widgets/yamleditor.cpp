#include "yamleditor.h"

#include "linenumbergutter.h"

#include "yamlsyntax.h"

#include <QElapsedTimer>
#include <QFontDatabase>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>
#include <QTimer>

namespace Fluxdesk {

class EditorGutter : public QWidget
{
public:
    explicit EditorGutter(YamlEditor *editor) : QWidget(editor), m_editor(editor) {}
    QSize sizeHint() const override { return {m_editor->lineNumberAreaWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintGutter(event); }
    void mousePressEvent(QMouseEvent *event) override
    {
        // A click on a line number puts the cursor on that line.
        const QTextCursor cursor = m_editor->cursorForPosition(QPoint(0, event->pos().y()));
        m_editor->setTextCursor(cursor);
        m_editor->setFocus(Qt::MouseFocusReason);
    }

private:
    YamlEditor *m_editor;
};

namespace {

// Texts up to this size are set in one go; larger ones are appended slice by slice.
constexpr qsizetype directLoadLimit = 256 * 1024;
// Each slice should take about this long on the UI thread (highlighting included).
constexpr qint64 sliceBudgetMs = 12;

QColor severityColour(int severity)
{
    switch (Problem::Severity(severity)) {
    case Problem::Severity::Error:
        return QColor(0xd3, 0x2f, 0x2f);
    case Problem::Severity::Warning:
        return QColor(0xe0, 0x8e, 0x00);
    case Problem::Severity::Info:
        return QColor(0x1e, 0x88, 0xe5);
    }
    return {};
}

} // namespace

YamlEditor::YamlEditor(QWidget *parent) : QPlainTextEdit(parent)
{
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTabChangesFocus(false);
    // YAML forbids tabs for indentation: make Tab insert two spaces' width visually obvious.
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 2);
    m_gutter = new EditorGutter(this);
    connect(this, &QPlainTextEdit::blockCountChanged, this,
            [this] { setViewportMargins(lineNumberAreaWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, &YamlEditor::updateGutter);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &YamlEditor::updateExtraSelections);
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
    setUpHighlighter();
    updateExtraSelections();
}

YamlEditor::~YamlEditor() = default;

void YamlEditor::setUpHighlighter()
{
    delete m_highlighter;
    m_highlighter = createYamlHighlighter(document(), palette());
}

void YamlEditor::loadText(const QString &text)
{
    if (m_loadTimer) {
        m_loadTimer->stop();
        m_loadTimer->deleteLater();
        m_loadTimer = nullptr;
        setUndoRedoEnabled(m_undoWasEnabled);
    }
    if (text.size() <= directLoadLimit) {
        setPlainText(text);
        document()->setModified(false);
        emit loaded();
        return;
    }
    // setPlainText() of megabytes would highlight and lay out every block in one go. Appending
    // slices sized by a time budget keeps each turn of the event loop short.
    m_undoWasEnabled = isUndoRedoEnabled();
    setUndoRedoEnabled(false);
    setReadOnly(true);
    clear();
    m_pending = text;
    m_pendingPos = 0;
    m_sliceSize = 64 * 1024;
    m_loadTimer = new QTimer(this);
    m_loadTimer->setInterval(0);
    connect(m_loadTimer, &QTimer::timeout, this, &YamlEditor::appendNextSlice);
    m_loadTimer->start();
}

void YamlEditor::appendNextSlice()
{
    QElapsedTimer clock;
    clock.start();
    qsizetype end = qMin(qsizetype(m_pending.size()), m_pendingPos + m_sliceSize);
    // End a slice after a newline so no block is highlighted half-written.
    if (end < qsizetype(m_pending.size())) {
        const qsizetype newline = m_pending.indexOf(QLatin1Char('\n'), end);
        end = newline < 0 ? m_pending.size() : newline + 1;
    }
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    QString slice = m_pending.mid(m_pendingPos, end - m_pendingPos);
    // The last line carries no newline: a trailing "\n" in the text makes an empty last block,
    // as setPlainText() does.
    cursor.insertText(slice);
    m_pendingPos = end;
    const qint64 spent = qMax<qint64>(1, clock.elapsed());
    // Aim the next slice at the budget: shrink at once, grow slowly (a busy machine makes the
    // cost per character jumpy), and never beyond what a slow turn could stall on.
    const qsizetype next = m_sliceSize * sliceBudgetMs / spent;
    m_sliceSize = qMin(next, m_sliceSize + m_sliceSize / 2);
    m_sliceSize = qBound(qsizetype(4 * 1024), m_sliceSize, qsizetype(96 * 1024));
    if (m_pendingPos < m_pending.size())
        return;
    m_loadTimer->stop();
    m_loadTimer->deleteLater();
    m_loadTimer = nullptr;
    m_pending.clear();
    setUndoRedoEnabled(m_undoWasEnabled);
    setReadOnly(false);
    document()->setModified(false);
    moveCursor(QTextCursor::Start);
    emit loaded();
}

void YamlEditor::replaceAllText(const QString &text)
{
    QTextCursor cursor(document());
    const int line = currentLine();
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
    cursor.endEditBlock();
    goToLine(qMin(line, blockCount()));
}

void YamlEditor::goToLine(int line, int column)
{
    const QTextBlock block = document()->findBlockByNumber(qBound(1, line, blockCount()) - 1);
    QTextCursor cursor(block);
    if (column > 1)
        cursor.setPosition(block.position() + qMin(column - 1, block.length() - 1));
    setTextCursor(cursor);
    centerCursor();
}

int YamlEditor::currentLine() const
{
    return textCursor().blockNumber() + 1;
}

void YamlEditor::setProblems(const QList<Problem> &problems)
{
    m_problems = problems;
    m_problemLines.clear();
    for (const Problem &p : problems) {
        if (p.line <= 0)
            continue;
        auto it = m_problemLines.find(p.line);
        // Lower enum values are worse (Error < Warning < Info).
        if (it == m_problemLines.end())
            m_problemLines.insert(p.line, int(p.severity));
        else
            *it = qMin(*it, int(p.severity));
    }
    updateProblemSelections();
    updateExtraSelections();
    m_gutter->update();
}

int YamlEditor::problemSeverityAt(int line) const
{
    return m_problemLines.value(line, -1);
}

// Underlines only the problem lines on screen and a screenful either side: a file with thousands
// of problems costs what is shown, and scrolling past those lines marks the next ones
// (markProblemsOnScreen).
void YamlEditor::updateProblemSelections()
{
    m_problemSelections.clear();
    m_markedLines = {0, -1};
    if (m_problemLines.isEmpty())
        return;
    const int first = firstVisibleBlock().blockNumber() + 1;
    const int screen = linesOnScreen();
    m_markedLines = {qMax(1, first - screen), first + 2 * screen};
    for (auto it = m_problemLines.lowerBound(m_markedLines.first);
         it != m_problemLines.cend() && it.key() <= m_markedLines.second; ++it) {
        const QTextBlock block = document()->findBlockByNumber(it.key() - 1);
        if (!block.isValid())
            break;
        QTextEdit::ExtraSelection mark;
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(severityColour(it.value()));
        mark.cursor = QTextCursor(block);
        // Underline the line's text, not its indentation.
        const QString text = block.text();
        int start = 0;
        while (start < text.size() && text.at(start).isSpace())
            ++start;
        mark.cursor.setPosition(block.position() + start);
        mark.cursor.setPosition(block.position() + qMax(start + 1, int(text.size())),
                                QTextCursor::KeepAnchor);
        m_problemSelections.append(mark);
    }
}

int YamlEditor::linesOnScreen() const
{
    return qMax(1, viewport()->height() / qMax(1, fontMetrics().lineSpacing())) + 1;
}

void YamlEditor::markProblemsOnScreen()
{
    if (m_problemLines.isEmpty())
        return;
    const int first = firstVisibleBlock().blockNumber() + 1;
    if (first >= m_markedLines.first && first + linesOnScreen() <= m_markedLines.second)
        return;
    updateProblemSelections();
    updateExtraSelections();
}

void YamlEditor::updateExtraSelections()
{
    // Runs on every cursor move: the problem marks are built per lint and scroll, not here.
    QList<QTextEdit::ExtraSelection> selections;
    selections.reserve(m_problemSelections.size() + 1);
    QTextEdit::ExtraSelection current;
    QColor lineColour = palette().color(QPalette::Highlight);
    lineColour.setAlpha(isDarkPalette(palette()) ? 48 : 28);
    current.format.setBackground(lineColour);
    current.format.setProperty(QTextFormat::FullWidthSelection, true);
    current.cursor = textCursor();
    current.cursor.clearSelection();
    selections.append(current);
    selections += m_problemSelections;
    setExtraSelections(selections);
    m_gutter->update(); // the current line's number is drawn stronger
}

int YamlEditor::lineNumberAreaWidth() const
{
    return lineNumberGutterWidth(this, 18); // the digits plus room for a problem mark
}

void YamlEditor::updateGutter(const QRect &rect, int dy)
{
    updateLineNumberGutter(m_gutter, rect, dy);
    if (dy != 0)
        markProblemsOnScreen(); // scrolled
}

void YamlEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect area = contentsRect();
    m_gutter->setGeometry(QRect(area.left(), area.top(), lineNumberAreaWidth(), area.height()));
    markProblemsOnScreen(); // a taller editor shows lines beyond the marked ones
}

void YamlEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        setUpHighlighter();
        updateExtraSelections();
    }
}

void YamlEditor::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    const QPalette pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::AlternateBase));
    QTextBlock block = firstVisibleBlock();
    int number = block.blockNumber();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const int width = m_gutter->width() - 6;
    const int lineHeight = fontMetrics().height();
    const int current = textCursor().blockNumber();
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const int severity = problemSeverityAt(number + 1);
            if (severity >= 0) {
                painter.setRenderHint(QPainter::Antialiasing);
                painter.setPen(Qt::NoPen);
                painter.setBrush(severityColour(severity));
                const int d = qMax(6, lineHeight / 2);
                painter.drawEllipse(QRect(3, top + (lineHeight - d) / 2, d, d));
            }
            painter.setPen(number == current ? pal.color(QPalette::Text)
                                             : pal.color(QPalette::PlaceholderText));
            painter.drawText(0, top, width, lineHeight, Qt::AlignRight,
                             QString::number(number + 1));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
        ++number;
    }
}

} // namespace Fluxdesk
