#pragma once

#include <QDialog>
#include <QString>

class QPlainTextEdit;

namespace Fluxdesk {

class DiffHighlighter;

// The unified diff of a file on disk against the plan's text ("--- a/<path>" is the disk,
// "+++ b/<path>" the plan), or a sentence when they are equal or the diff fails.
QString planDiffText(const QString &path, const QString &diskText, const QString &planText);

// Shows one "differs" file: what is on disk against what the plan would write, and asks which to
// keep. Closing the dialog keeps the user's file, as "Keep Mine" does.
class PlanDiffDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Choice
    {
        KeepMine,
        UsePlan
    };

    PlanDiffDialog(const QString &path, const QString &diskText, const QString &planText,
                   QWidget *parent = nullptr);

    Choice choice() const
    {
        return result() == QDialog::Accepted ? Choice::UsePlan : Choice::KeepMine;
    }
    QPlainTextEdit *diffView() const { return m_diff; }

    // Runs the dialog modally and returns the user's answer.
    static Choice ask(const QString &path, const QString &diskText, const QString &planText,
                      QWidget *parent = nullptr);

private:
    QPlainTextEdit *m_diff;
    DiffHighlighter *m_highlighter;
};

} // namespace Fluxdesk
