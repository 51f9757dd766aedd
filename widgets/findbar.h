#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace Fluxdesk {

// Find and replace in one QPlainTextEdit: Enter / F3 finds the next match, Shift+Enter /
// Shift+F3 the previous one (wrapping around), Esc closes and returns focus to the editor.
class FindBar : public QWidget
{
    Q_OBJECT
public:
    explicit FindBar(QPlainTextEdit *editor, QWidget *parent = nullptr);

    void showFind();    // the replace row hidden
    void showReplace(); // both rows
    void closeBar();

    QString findText() const;
    void setFindText(const QString &text);
    void setReplaceText(const QString &text);
    bool caseSensitive() const;
    void setCaseSensitive(bool on);

    // false when nothing matches (the find field turns red).
    bool findNext();
    bool findPrevious();
    // Replaces the current match (if the selection is one) and moves to the next.
    bool replaceNext();
    // Every match, as one undoable step; returns how many.
    int replaceAll();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool find(bool backward);
    bool selectionMatches() const;
    void setNotFound(bool notFound);

    QPlainTextEdit *m_editor;
    QLineEdit *m_findEdit;
    QLineEdit *m_replaceEdit;
    QCheckBox *m_caseSensitive;
    QToolButton *m_previous;
    QToolButton *m_next;
    QToolButton *m_replace;
    QToolButton *m_replaceAll;
    QWidget *m_replaceRow;
    QLabel *m_status;
};

} // namespace Fluxdesk
