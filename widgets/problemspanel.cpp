#include "problemspanel.h"

#include "items/problemmodel.h"
#include "items/severityiconproxy.h"

#include <QHeaderView>
#include <QLabel>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

namespace Fluxdesk {

ProblemsPanel::ProblemsPanel(ProblemModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    auto *proxy = new SeverityIconProxy(this);
    proxy->setIcon(Problem::Severity::Error, style()->standardIcon(QStyle::SP_MessageBoxCritical));
    proxy->setIcon(Problem::Severity::Warning, style()->standardIcon(QStyle::SP_MessageBoxWarning));
    proxy->setIcon(Problem::Severity::Info,
                   style()->standardIcon(QStyle::SP_MessageBoxInformation));
    proxy->setSourceModel(model);
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("problemsView"));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setModel(proxy);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionResizeMode(ProblemModel::SeverityColumn,
                                           QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(ProblemModel::LineColumn, QHeaderView::ResizeToContents);
    m_view->setColumnWidth(ProblemModel::FileColumn, 220);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("problemsSummary"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);

    connect(m_view, &QTreeView::activated, this, &ProblemsPanel::activate);
    connect(model, &QAbstractItemModel::modelReset, this, &ProblemsPanel::updateSummary);
    updateSummary();
}

QString ProblemsPanel::summary() const
{
    return m_summary->text();
}

void ProblemsPanel::updateSummary()
{
    const int errors = m_model->count(Problem::Severity::Error);
    const int warnings = m_model->count(Problem::Severity::Warning);
    const int infos = m_model->count(Problem::Severity::Info);
    if (errors + warnings + infos == 0)
        m_summary->setText(tr("No problems in the open files"));
    else
        //: Problems summary: counts of errors, warnings and notes
        m_summary->setText(
            tr("Errors: %1, warnings: %2, notes: %3").arg(errors).arg(warnings).arg(infos));
}

void ProblemsPanel::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    emit problemActivated(index.data(ProblemModel::FileRole).toString(),
                          index.data(ProblemModel::LineRole).toInt(),
                          index.data(ProblemModel::ColumnRole).toInt());
}

} // namespace Fluxdesk
