#pragma once

#include <QHash>
#include <QWidget>

class QAction;
class QLabel;
class QModelIndex;
class QToolButton;
class QTreeView;

namespace Fluxdesk {

class ProblemModel;

// The Problems list under the editor: severity icon, file, line and message. Activating a row
// (double-click or Enter) asks for its file and line to be shown.
class ProblemsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ProblemsPanel(ProblemModel *model, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    ProblemModel *model() const { return m_model; }
    QString summary() const;
    // Offers action for the problems of rule: in the row's context menu, and as a button beside
    // the summary while such a problem is selected (the plain-text Secret's Encrypt).
    void addFix(const QString &rule, QAction *action);
    QAction *fixForSelection() const;

signals:
    void problemActivated(const QString &file, int line, int column);

private:
    void updateSummary();
    void activate(const QModelIndex &index);
    void updateFix();

    ProblemModel *m_model;
    QTreeView *m_view;
    QLabel *m_summary;
    QToolButton *m_fixButton;
    QHash<QString, QAction *> m_fixes;
};

} // namespace Fluxdesk
