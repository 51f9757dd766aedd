#include "writeplandialog.h"

#include "diffhighlighter.h"
#include "plandiffdialog.h"

#include <QColor>
#include <QDialogButtonBox>
#include <QDir>
#include <QFont>
#include <QFontDatabase>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

namespace Fluxdesk {

namespace {

const QColor DangerColor(0xcf, 0x22, 0x2e);

// How the choices read: group rows in bold, the Delete action in the danger colour.
class WriteChoicesDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (!index.parent().isValid()) {
            option->font.setBold(true);
        } else if (index.column() == WriteChoicesModel::ActionColumn &&
                   WriteChoicesModel::Group(index.data(WriteChoicesModel::GroupRole).toInt()) ==
                       WriteChoicesModel::Group::Removable) {
            option->palette.setColor(QPalette::Text, DangerColor);
        }
    }
};

} // namespace

WritePlanDialog::WritePlanDialog(const PlanWritePreview &preview, const Plan &plan,
                                 const RepositoryFiles &onDisk, const QString &repoPath,
                                 QWidget *parent)
    : QDialog(parent), m_plan(plan), m_onDisk(onDisk), m_repoPath(repoPath),
      m_choices(new WriteChoicesModel(this))
{
    setObjectName(QStringLiteral("writePlanDialog"));
    setWindowTitle(tr("Write Plan into %1").arg(QDir::toNativeSeparators(repoPath)));

    const int created = int(preview.created.size());
    const int changed = int(preview.differing.size());
    const int updated = int(preview.outdated.size());
    const int removable = int(preview.removable.size());
    const int unchanged = int(preview.unchanged.size());
    // Written out per count rather than with %n: the English plural needs no translation file.
    const QString summary =
        //: Write plan summary: new files, changed on disk, no longer planned
        tr("%1, %2, %3")
            .arg(created == 1 ? tr("1 new file") : tr("%1 new files").arg(created),
                 changed == 1 ? tr("1 changed on disk") : tr("%1 changed on disk").arg(changed),
                 removable == 1 ? tr("1 no longer planned")
                                : tr("%1 no longer planned").arg(removable));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("writePlanSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    const QString withUpdated =
        updated == 0
            ? summary
            //: Write plan summary, then files the plan changed that nobody edited
            : tr("%1, %2").arg(summary, updated == 1 ? tr("1 updated by the plan")
                                                     : tr("%1 updated by the plan").arg(updated));
    m_summary->setText(unchanged == 0
                           ? withUpdated
                           //: Write plan summary, then the number of files already up to date
                           : tr("%1 (%2 already up to date)").arg(withUpdated).arg(unchanged));

    m_choices->setPreview(preview);
    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("writePlanTree"));
    m_tree->setUniformRowHeights(true);
    m_tree->setItemDelegate(new WriteChoicesDelegate(m_tree));
    m_tree->setModel(m_choices);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(WriteChoicesModel::FileColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(WriteChoicesModel::ActionColumn,
                                           QHeaderView::ResizeToContents);
    m_tree->expandAll();
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { showFile(current); });
    connect(m_choices, &WriteChoicesModel::choicesChanged, this, [this] { updateActions(); });

    m_diff = new QPlainTextEdit(this);
    m_diff->setObjectName(QStringLiteral("writePlanDiff"));
    m_diff->setReadOnly(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_diff->setPlaceholderText(tr("Select a file to see what will be written."));
    m_highlighter = new DiffHighlighter(m_diff->document());

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(m_tree);
    m_splitter->addWidget(m_diff);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setVisible(!preview.isEmpty());

    m_deleteWarning = new QLabel(
        tr("Deleting a file is permanent unless it is committed in Git. Unticked files are "
           "kept."),
        this);
    m_deleteWarning->setObjectName(QStringLiteral("deleteWarning"));
    m_deleteWarning->setWordWrap(true);
    m_deleteWarning->setTextFormat(Qt::PlainText);
    m_deleteWarning->setStyleSheet(QStringLiteral("QLabel { color: #cf222e; font-weight: bold; }"));
    m_deleteWarning->setVisible(removable > 0);

    m_nothing = new QLabel(this);
    m_nothing->setObjectName(QStringLiteral("nothingToWrite"));
    m_nothing->setWordWrap(true);
    m_nothing->setTextFormat(Qt::PlainText);
    m_nothing->setText(
        preview.isEmpty()
            ? tr("Nothing to write: every planned file is up to date on disk.")
            : tr("Nothing to write: the files changed on disk keep your edits. Tick \"Replace "
                 "with the plan's version\" for a file to write the plan's text instead."));

    auto *buttons = new QDialogButtonBox(this);
    m_write = buttons->addButton(tr("Write"), QDialogButtonBox::AcceptRole);
    m_write->setObjectName(QStringLiteral("writeButton"));
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_close->setObjectName(QStringLiteral("closeButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_deleteWarning);
    layout->addWidget(m_nothing);
    layout->addWidget(buttons);

    updateActions();
    // Open on the first file that needs a decision, else the first new one.
    const QModelIndex first =
        m_choices->firstFileOf({Group::Changed, Group::Removable, Group::Updated, Group::New});
    if (first.isValid())
        m_tree->setCurrentIndex(first);
    resize(1100, 650);
}

WritePlanDialog::~WritePlanDialog() = default;

QSet<QString> WritePlanDialog::acceptedPaths() const
{
    return m_choices->acceptedPaths();
}

QSet<QString> WritePlanDialog::removedPaths() const
{
    return m_choices->removedPaths();
}

int WritePlanDialog::writeCount() const
{
    return m_choices->writeCount();
}

int WritePlanDialog::deleteCount() const
{
    return m_choices->deleteCount();
}

void WritePlanDialog::showFile(const QModelIndex &index)
{
    const QString path = index.data(PathRole).toString();
    if (path.isEmpty()) {
        m_diff->clear();
        return;
    }
    const PlannedFile *planned = m_plan.file(path);
    const auto diskIt = m_onDisk.constFind(path);
    const QString disk =
        diskIt == m_onDisk.constEnd() ? QString() : QString::fromUtf8(diskIt.value());
    const auto group = Group(index.data(GroupRole).toInt());
    // YAML list items start with '-': only a real diff is coloured as one.
    const bool isDiff = group == Group::Changed || group == Group::Updated;
    m_highlighter->setDocument(isDiff ? m_diff->document() : nullptr);
    switch (group) {
    case Group::New:
        m_diff->setPlainText(planned ? planned->text : tr("The plan has no file %1.").arg(path));
        break;
    case Group::Updated:
    case Group::Changed:
        m_diff->setPlainText(planned ? planDiffText(path, disk, planned->text)
                                     : tr("The plan has no file %1.").arg(path));
        break;
    case Group::Removable:
        m_diff->setPlainText(disk);
        break;
    }
}

void WritePlanDialog::updateActions()
{
    const int writes = writeCount();
    const int deletes = deleteCount();
    const bool nothing = writes == 0 && deletes == 0;
    QString text;
    if (writes > 0 && deletes > 0)
        //: Write plan button: number of files written, number deleted
        text = tr("Write %1, Delete %2").arg(writes).arg(deletes);
    else if (deletes > 0)
        text = deletes == 1 ? tr("Delete 1 File") : tr("Delete %1 Files").arg(deletes);
    else
        text = writes == 1 ? tr("Write 1 File") : tr("Write %1 Files").arg(writes);
    m_write->setText(text);
    m_write->setVisible(!nothing);
    m_cancel->setVisible(!nothing);
    m_close->setVisible(nothing);
    m_nothing->setVisible(nothing);
    m_write->setDefault(!nothing);
    m_close->setDefault(nothing);
}

} // namespace Fluxdesk
