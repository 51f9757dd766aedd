#pragma once

#include "manifest/problem.h"

#include <QList>
#include <QMap>
#include <QPlainTextEdit>

class QTimer;

namespace Fluxdesk {

// The YAML editor: line numbers with problem marks in the gutter, the current line highlighted,
// problems underlined at their lines, and highlighting (KSyntaxHighlighting following the
// palette's light or dark, else the built-in YamlHighlighter). Large texts load in slices so the
// UI thread never stalls on one.
class YamlEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit YamlEditor(QWidget *parent = nullptr);
    ~YamlEditor() override;

    // Replaces the text without an undo step and marks the document unmodified. Large texts are
    // appended in slices on later event-loop turns (read-only meanwhile); loaded() follows.
    void loadText(const QString &text);
    bool isLoading() const { return m_loadTimer != nullptr; }

    // Replaces the whole text as ONE undoable step (Ctrl+Z restores the text before).
    void replaceAllText(const QString &text);

    // Moves the cursor to a 1-based line (and column), centred in the view.
    void goToLine(int line, int column = 0);
    int currentLine() const;

    void setProblems(const QList<Problem> &problems);
    QList<Problem> problems() const { return m_problems; }
    // The worst severity marked on a 1-based line, or -1.
    int problemSeverityAt(int line) const;

    int lineNumberAreaWidth() const;

signals:
    void loaded();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    friend class EditorGutter;
    void paintGutter(QPaintEvent *event);
    void updateGutter(const QRect &rect, int dy);
    void updateExtraSelections();
    void updateProblemSelections();
    void markProblemsOnScreen();
    int linesOnScreen() const;
    void setUpHighlighter();
    void appendNextSlice();

    QWidget *m_gutter = nullptr;
    QObject *m_highlighter = nullptr;
    QList<Problem> m_problems;
    QMap<int, int> m_problemLines; // 1-based line -> worst int(Problem::Severity)
    QList<QTextEdit::ExtraSelection> m_problemSelections;
    QPair<int, int> m_markedLines{0, -1}; // the lines m_problemSelections cover (1-based)
    QTimer *m_loadTimer = nullptr;
    QString m_pending;
    qsizetype m_pendingPos = 0;
    qsizetype m_sliceSize = 0;
    bool m_undoWasEnabled = true;
};

} // namespace Fluxdesk
