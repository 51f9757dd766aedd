#include "findbar.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStyle>
#include <QTextDocument>
#include <QToolButton>

namespace Fluxdesk {

FindBar::FindBar(QPlainTextEdit *editor, QWidget *parent) : QWidget(parent), m_editor(editor)
{
    setObjectName(QStringLiteral("findBar"));
    m_findEdit = new QLineEdit(this);
    m_findEdit->setObjectName(QStringLiteral("findEdit"));
    m_findEdit->setPlaceholderText(tr("Find"));
    m_findEdit->setClearButtonEnabled(true);
    m_replaceEdit = new QLineEdit(this);
    m_replaceEdit->setObjectName(QStringLiteral("replaceEdit"));
    m_replaceEdit->setPlaceholderText(tr("Replace with"));
    m_caseSensitive = new QCheckBox(tr("Match case"), this);
    m_caseSensitive->setObjectName(QStringLiteral("caseSensitiveToggle"));

    auto makeButton = [this](const QString &text, const char *name, const QString &tip) {
        auto *button = new QToolButton(this);
        button->setText(text);
        button->setObjectName(QLatin1String(name));
        button->setToolTip(tip);
        button->setAutoRaise(true);
        return button;
    };
    m_previous = makeButton(tr("Previous"), "findPreviousButton", tr("Previous match (Shift+F3)"));
    m_next = makeButton(tr("Next"), "findNextButton", tr("Next match (F3)"));
    m_replace = makeButton(tr("Replace"), "replaceButton", tr("Replace this match"));
    m_replaceAll = makeButton(tr("Replace All"), "replaceAllButton", tr("Replace every match"));
    auto *close = makeButton(QString(), "closeFindButton", tr("Close (Esc)"));
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("findStatus"));

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setVerticalSpacing(2);
    layout->addWidget(m_findEdit, 0, 0);
    layout->addWidget(m_previous, 0, 1);
    layout->addWidget(m_next, 0, 2);
    layout->addWidget(m_caseSensitive, 0, 3);
    layout->addWidget(m_status, 0, 4);
    layout->addWidget(close, 0, 5, Qt::AlignRight);
    m_replaceRow = new QWidget(this);
    auto *replaceLayout = new QHBoxLayout(m_replaceRow);
    replaceLayout->setContentsMargins(0, 0, 0, 0);
    replaceLayout->addWidget(m_replaceEdit, 1);
    replaceLayout->addWidget(m_replace);
    replaceLayout->addWidget(m_replaceAll);
    replaceLayout->addStretch();
    layout->addWidget(m_replaceRow, 1, 0, 1, 5);
    layout->setColumnStretch(0, 1);
    layout->setColumnStretch(4, 1);

    m_findEdit->installEventFilter(this);
    connect(m_findEdit, &QLineEdit::returnPressed, this, [this] { findNext(); });
    connect(m_findEdit, &QLineEdit::textChanged, this, [this] { setNotFound(false); });
    connect(m_replaceEdit, &QLineEdit::returnPressed, this, [this] { replaceNext(); });
    connect(m_previous, &QToolButton::clicked, this, [this] { findPrevious(); });
    connect(m_next, &QToolButton::clicked, this, [this] { findNext(); });
    connect(m_replace, &QToolButton::clicked, this, [this] { replaceNext(); });
    connect(m_replaceAll, &QToolButton::clicked, this, [this] { replaceAll(); });
    connect(close, &QToolButton::clicked, this, &FindBar::closeBar);
    hide();
}

void FindBar::showFind()
{
    m_replaceRow->hide();
    show();
    // Start from the selected word, as editors do.
    const QString selected = m_editor->textCursor().selectedText();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator))
        m_findEdit->setText(selected);
    m_findEdit->setFocus(Qt::ShortcutFocusReason);
    m_findEdit->selectAll();
}

void FindBar::showReplace()
{
    showFind();
    m_replaceRow->show();
}

void FindBar::closeBar()
{
    hide();
    m_editor->setFocus(Qt::OtherFocusReason);
}

QString FindBar::findText() const
{
    return m_findEdit->text();
}

void FindBar::setFindText(const QString &text)
{
    m_findEdit->setText(text);
}

void FindBar::setReplaceText(const QString &text)
{
    m_replaceEdit->setText(text);
}

bool FindBar::caseSensitive() const
{
    return m_caseSensitive->isChecked();
}

void FindBar::setCaseSensitive(bool on)
{
    m_caseSensitive->setChecked(on);
}

bool FindBar::findNext()
{
    return find(false);
}

bool FindBar::findPrevious()
{
    return find(true);
}

bool FindBar::find(bool backward)
{
    const QString text = m_findEdit->text();
    if (text.isEmpty())
        return false;
    QTextDocument::FindFlags flags;
    if (backward)
        flags |= QTextDocument::FindBackward;
    if (caseSensitive())
        flags |= QTextDocument::FindCaseSensitively;
    QTextDocument *document = m_editor->document();
    QTextCursor found = document->find(text, m_editor->textCursor(), flags);
    bool wrapped = false;
    if (found.isNull()) {
        QTextCursor start(document);
        if (backward)
            start.movePosition(QTextCursor::End);
        found = document->find(text, start, flags);
        wrapped = true;
    }
    setNotFound(found.isNull());
    if (found.isNull())
        return false;
    m_editor->setTextCursor(found);
    m_editor->centerCursor();
    m_status->setText(wrapped ? tr("Wrapped around") : QString());
    return true;
}

bool FindBar::selectionMatches() const
{
    const QString selected = m_editor->textCursor().selectedText();
    return !selected.isEmpty() &&
           selected.compare(m_findEdit->text(),
                            caseSensitive() ? Qt::CaseSensitive : Qt::CaseInsensitive) == 0;
}

bool FindBar::replaceNext()
{
    if (m_editor->isReadOnly())
        return false;
    if (selectionMatches())
        m_editor->textCursor().insertText(m_replaceEdit->text());
    return findNext();
}

int FindBar::replaceAll()
{
    const QString text = m_findEdit->text();
    if (text.isEmpty() || m_editor->isReadOnly())
        return 0;
    QTextDocument::FindFlags flags;
    if (caseSensitive())
        flags |= QTextDocument::FindCaseSensitively;
    QTextDocument *document = m_editor->document();
    QTextCursor edit(document);
    edit.beginEditBlock();
    int count = 0;
    QTextCursor found = document->find(text, QTextCursor(document), flags);
    while (!found.isNull()) {
        found.insertText(m_replaceEdit->text());
        ++count;
        found = document->find(text, found, flags);
    }
    edit.endEditBlock();
    setNotFound(count == 0);
    m_status->setText(tr("Replaced: %1").arg(count));
    return count;
}

void FindBar::setNotFound(bool notFound)
{
    m_findEdit->setStyleSheet(
        notFound ? QStringLiteral("QLineEdit { background: #f8d7da; color: #58151c; }")
                 : QString());
    m_status->setText(notFound ? tr("Not found") : QString());
}

void FindBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        closeBar();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    // QLineEdit turns every Return into returnPressed(); Shift+Return searches backwards.
    if (watched == m_findEdit && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            key->modifiers() & Qt::ShiftModifier) {
            findPrevious();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Fluxdesk
