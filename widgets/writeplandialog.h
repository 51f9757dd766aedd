#pragma once

#include "plan/planner.h"
#include "plan/planwriter.h"

#include <QDialog>
#include <QSet>
#include <QString>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QTreeWidget;
class QTreeWidgetItem;

namespace Fluxdesk {

class DiffHighlighter;

// What "Write plan" is about to do, before it writes anything: the new files, the files changed
// on disk (kept unless the user ticks "Replace with the plan's version") and the files the plan
// no longer produces (kept unless the user ticks "Delete"). Selecting a file shows its diff
// against the disk, or the new file's text. With nothing to do the dialog says so and offers
// only Close.
//
// Widgets, by objectName: writePlanSummary, writePlanTree, writePlanDiff, deleteWarning,
// nothingToWrite, writeButton, cancelButton, closeButton.
class WritePlanDialog : public QDialog
{
    Q_OBJECT
public:
    // Which group of the tree an item belongs to (the group rows and their files alike).
    enum class Group
    {
        New,
        Updated, // differing, but as Fluxdesk wrote them: replaced without asking
        Changed,
        Removable
    };
    // Item data: the file's relative path (files only) and its Group, as int.
    static constexpr int PathRole = Qt::UserRole;
    static constexpr int GroupRole = Qt::UserRole + 1;

    WritePlanDialog(const PlanWritePreview &preview, const Plan &plan,
                    const RepositoryFiles &onDisk, const QString &repoPath,
                    QWidget *parent = nullptr);
    ~WritePlanDialog() override;

    // The changed-on-disk files to replace with the plan's version (writePlan's `accept`).
    QSet<QString> acceptedPaths() const;
    // The no-longer-planned files to delete (writePlan's `remove`).
    QSet<QString> removedPaths() const;
    // Files that will be written (new + accepted) and deleted, as the Write button counts them.
    int writeCount() const;
    int deleteCount() const;

    QTreeWidget *tree() const { return m_tree; }
    QPlainTextEdit *diffView() const { return m_diff; }

private:
    QTreeWidgetItem *addGroup(Group group, const QString &title, const QString &action,
                              const QStringList &paths);
    QSet<QString> checkedPaths(Group group) const;
    void showFile(QTreeWidgetItem *item);
    void updateActions();

    PlanWritePreview m_preview;
    Plan m_plan;
    RepositoryFiles m_onDisk;
    QString m_repoPath;
    QLabel *m_summary;
    QTreeWidget *m_tree;
    QPlainTextEdit *m_diff;
    DiffHighlighter *m_highlighter;
    QSplitter *m_splitter;
    QLabel *m_deleteWarning;
    QLabel *m_nothing;
    QPushButton *m_write;
    QPushButton *m_cancel;
    QPushButton *m_close;
};

} // namespace Fluxdesk
