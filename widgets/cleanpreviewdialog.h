#pragma once

#include "manifest/cleaner.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace Fluxdesk {

// What a clean would do, before it does it: the diff of the text before and after (libgit2's),
// every removed field with the rule that removes it and why, the problems a clean cannot fix,
// and a warning when the file's comments would be lost. Accepting applies; nothing changes
// otherwise.
class CleanPreviewDialog : public QDialog
{
    Q_OBJECT
public:
    CleanPreviewDialog(const QString &fileName, const QString &before,
                       const CleanTextResult &result, QWidget *parent = nullptr);

    QString cleanedText() const { return m_after; }
    bool hasChanges() const { return m_before != m_after; }
    QTreeWidget *removalsList() const { return m_removals; }
    QPlainTextEdit *diffView() const { return m_diff; }

private:
    void fillDiff();

    QString m_before;
    QString m_after;
    QLabel *m_summary;
    QLabel *m_commentsWarning;
    QTreeWidget *m_removals;
    QTreeWidget *m_problems;
    QPlainTextEdit *m_diff;
    QPushButton *m_apply;
};

} // namespace Fluxdesk
