#include "plandiffdialog.h"

#include "diffhighlighter.h"
#include "git/textdiff.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Fluxdesk {

QString planDiffText(const QString &path, const QString &diskText, const QString &planText)
{
    const Result<QString> diff = unifiedDiff(diskText, planText, path, path);
    if (!diff)
        return PlanDiffDialog::tr("The diff could not be computed: %1")
            .arg(diff.error().toString());
    if (diff->isEmpty())
        return PlanDiffDialog::tr("The file on disk already has the plan's text.");
    return *diff;
}

PlanDiffDialog::PlanDiffDialog(const QString &path, const QString &diskText,
                               const QString &planText, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("planDiffDialog"));
    setWindowTitle(tr("%1 Differs from the Plan").arg(path));

    auto *summary =
        new QLabel(tr("%1 on disk is not what the plan would write. Lines starting with - are "
                      "on disk only, lines starting with + are the plan's.")
                       .arg(path),
                   this);
    summary->setObjectName(QStringLiteral("planDiffSummary"));
    summary->setWordWrap(true);
    summary->setTextFormat(Qt::PlainText);

    m_diff = new QPlainTextEdit(this);
    m_diff->setObjectName(QStringLiteral("planDiffView"));
    m_diff->setReadOnly(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_highlighter = new DiffHighlighter(m_diff->document());
    m_diff->setPlainText(planDiffText(path, diskText, planText));

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *usePlan =
        buttons->addButton(tr("Use the &Plan's Version"), QDialogButtonBox::AcceptRole);
    usePlan->setObjectName(QStringLiteral("usePlanButton"));
    usePlan->setToolTip(tr("Replace the file on disk with the plan's text when the plan is "
                           "written"));
    QPushButton *keepMine = buttons->addButton(tr("&Keep Mine"), QDialogButtonBox::RejectRole);
    keepMine->setObjectName(QStringLiteral("keepMineButton"));
    keepMine->setToolTip(tr("Leave the file on disk as it is"));
    // Keeping the user's edit is the safe answer to a stray Return.
    keepMine->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(m_diff, 1);
    layout->addWidget(buttons);
    resize(900, 600);
}

PlanDiffDialog::Choice PlanDiffDialog::ask(const QString &path, const QString &diskText,
                                           const QString &planText, QWidget *parent)
{
    PlanDiffDialog dialog(path, diskText, planText, parent);
    dialog.exec();
    return dialog.choice();
}

} // namespace Fluxdesk
