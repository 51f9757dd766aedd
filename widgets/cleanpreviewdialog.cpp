#include "cleanpreviewdialog.h"

#include "git/textdiff.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Fluxdesk {

namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

} // namespace

CleanPreviewDialog::CleanPreviewDialog(const QString &fileName, const QString &before,
                                       const CleanTextResult &result, QWidget *parent)
    : QDialog(parent), m_before(before), m_after(result.text)
{
    setObjectName(QStringLiteral("cleanPreviewDialog"));
    setWindowTitle(tr("Clean %1").arg(fileName));

    QSet<QString> rules;
    for (const Removal &removal : result.removals)
        rules.insert(removal.rule);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("cleanSummary"));
    m_summary->setWordWrap(true);
    if (!hasChanges())
        m_summary->setText(tr("Nothing to clean: the text has no server-written fields."));
    else if (result.removals.isEmpty())
        m_summary->setText(tr("Nothing to remove. Applying only rewrites the text in the "
                              "conventional key order and indentation shown in the diff."));
    else
        //: Clean preview summary: number of fields, number of rules
        m_summary->setText(tr("Fields to remove: %1, by %2 rules. Review the diff, then Apply.")
                               .arg(result.removals.size())
                               .arg(rules.size()));

    m_commentsWarning = new QLabel(this);
    m_commentsWarning->setObjectName(QStringLiteral("commentsWarning"));
    m_commentsWarning->setWordWrap(true);
    m_commentsWarning->setText(tr("This text has comments. The cleaned text is written anew and "
                                  "will not keep them; Undo brings them back."));
    m_commentsWarning->setStyleSheet(QStringLiteral("QLabel { background: #fff3cd; color: #664d03; "
                                                    "border: 1px solid #ffe69c; padding: 4px; }"));
    m_commentsWarning->setVisible(result.hadComments);

    m_removals = new QTreeWidget(this);
    m_removals->setObjectName(QStringLiteral("removalsList"));
    m_removals->setRootIsDecorated(false);
    m_removals->setAlternatingRowColors(true);
    m_removals->setHeaderLabels({tr("Field"), tr("Rule"), tr("Why")});
    for (const Removal &removal : result.removals) {
        auto *item = new QTreeWidgetItem(m_removals, {removal.path, removal.rule, removal.reason});
        item->setToolTip(0, removal.path);
        item->setToolTip(2, removal.reason);
    }
    m_removals->resizeColumnToContents(0);
    m_removals->resizeColumnToContents(1);
    m_removals->setColumnWidth(0, qMin(m_removals->columnWidth(0), 300));
    m_removals->setColumnWidth(1, qMin(m_removals->columnWidth(1), 180));
    // The reason is a sentence: it reads better below the list than in a narrow column.
    auto *detail = new QLabel(this);
    detail->setObjectName(QStringLiteral("removalDetail"));
    detail->setWordWrap(true);
    detail->setTextFormat(Qt::PlainText);
    detail->setMinimumHeight(detail->fontMetrics().lineSpacing() * 3);
    detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    connect(m_removals, &QTreeWidget::currentItemChanged, detail, [detail](QTreeWidgetItem *item) {
        //: Clean preview: field path, rule name, the rule's reason
        detail->setText(item
                            ? tr("%1\nRule %2: %3").arg(item->text(0), item->text(1), item->text(2))
                            : QString());
    });
    if (m_removals->topLevelItemCount() > 0)
        m_removals->setCurrentItem(m_removals->topLevelItem(0));
    auto *removalsPane = new QWidget(this);
    auto *removalsLayout = new QVBoxLayout(removalsPane);
    removalsLayout->setContentsMargins(0, 0, 0, 0);
    removalsLayout->addWidget(m_removals, 1);
    removalsLayout->addWidget(detail);

    m_problems = new QTreeWidget(this);
    m_problems->setObjectName(QStringLiteral("cleanProblemsList"));
    m_problems->setRootIsDecorated(false);
    m_problems->setHeaderLabels({tr("Line"), tr("Not fixed by the clean")});
    for (const Problem &problem : result.problems) {
        new QTreeWidgetItem(
            m_problems,
            {problem.line > 0 ? QString::number(problem.line) : QString(), problem.message});
    }
    m_problems->setVisible(!result.problems.isEmpty());
    m_problems->setMaximumHeight(120);

    m_diff = new QPlainTextEdit(this);
    m_diff->setObjectName(QStringLiteral("cleanDiffView"));
    m_diff->setReadOnly(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    fillDiff();

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(removalsPane);
    removalsPane->setVisible(!result.removals.isEmpty());
    splitter->addWidget(m_diff);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({520, 580});

    auto *buttons = new QDialogButtonBox(this);
    m_apply = buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
    m_apply->setObjectName(QStringLiteral("applyCleanButton"));
    m_apply->setEnabled(hasChanges());
    m_apply->setDefault(true);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelCleanButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_commentsWarning);
    layout->addWidget(m_problems);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(1100, 650);
}

void CleanPreviewDialog::fillDiff()
{
    const Result<QList<DiffLine>> lines = diffTexts(m_before, m_after);
    if (!lines) {
        m_diff->setPlainText(
            tr("The diff could not be computed: %1").arg(lines.error().toString()));
        return;
    }
    const bool dark = isDark(palette());
    // Block backgrounds span the whole width, as diff views show them.
    QTextBlockFormat addedLine, removedLine, plainLine;
    addedLine.setBackground(dark ? QColor(0x1e, 0x4d, 0x2b) : QColor(0xe6, 0xff, 0xec));
    removedLine.setBackground(dark ? QColor(0x5c, 0x1f, 0x24) : QColor(0xff, 0xeb, 0xe9));
    QTextCharFormat added, removed, hunk, context;
    hunk.setForeground(palette().color(QPalette::PlaceholderText));
    QTextDocument *document = m_diff->document();
    QTextCursor cursor(document);
    cursor.beginEditBlock();
    bool first = true;
    for (const DiffLine &line : *lines) {
        if (!first)
            cursor.insertBlock();
        first = false;
        switch (line.kind) {
        case DiffLine::Kind::Added:
            cursor.setBlockFormat(addedLine);
            cursor.insertText(QLatin1String("+ ") + line.text, added);
            break;
        case DiffLine::Kind::Removed:
            cursor.setBlockFormat(removedLine);
            cursor.insertText(QLatin1String("- ") + line.text, removed);
            break;
        case DiffLine::Kind::HunkHeader:
            cursor.setBlockFormat(plainLine);
            cursor.insertText(line.text, hunk);
            break;
        case DiffLine::Kind::Context:
            cursor.setBlockFormat(plainLine);
            cursor.insertText(QLatin1String("  ") + line.text, context);
            break;
        }
    }
    cursor.endEditBlock();
    m_diff->moveCursor(QTextCursor::Start);
}

} // namespace Fluxdesk
