#pragma once

#include "items/writechoicesmodel.h"
#include "plan/planner.h"
#include "plan/planwriter.h"

#include <QDialog>
#include <QSet>
#include <QString>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QModelIndex;
class QTreeView;

namespace Fluxdesk {

class DiffHighlighter;

// What "Write plan" is about to do, before it writes anything: the new files, the files changed
// on disk (kept unless the user ticks "Replace with the plan's version") and the files the plan
// no longer produces (kept unless the user ticks "Delete"). The tree is a view over a
// WriteChoicesModel, which holds those ticks. Selecting a file shows its diff
// against the disk, or the new file's text. With nothing to do the dialog says so and offers
// only Close.
//
// Widgets, by objectName: writePlanSummary, writePlanTree, writePlanDiff, deleteWarning,
// nothingToWrite, writeButton, cancelButton, closeButton.
class WritePlanDialog : public QDialog
{
    Q_OBJECT
public:
    using Group = WriteChoicesModel::Group;
    // Item data: the file's relative path (files only) and its Group, as int.
    static constexpr int PathRole = WriteChoicesModel::PathRole;
    static constexpr int GroupRole = WriteChoicesModel::GroupRole;

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

    WriteChoicesModel *choices() const { return m_choices; }
    QTreeView *tree() const { return m_tree; }
    QPlainTextEdit *diffView() const { return m_diff; }

private:
    void showFile(const QModelIndex &index);
    void updateActions();

    Plan m_plan;
    RepositoryFiles m_onDisk;
    QString m_repoPath;
    WriteChoicesModel *m_choices;
    QLabel *m_summary;
    QTreeView *m_tree;
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
