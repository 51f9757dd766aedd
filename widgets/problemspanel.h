#pragma once

#include <QWidget>

class QLabel;
class QModelIndex;
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

signals:
    void problemActivated(const QString &file, int line, int column);

private:
    void updateSummary();
    void activate(const QModelIndex &index);

    ProblemModel *m_model;
    QTreeView *m_view;
    QLabel *m_summary;
};

} // namespace Fluxdesk
