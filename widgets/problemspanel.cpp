#include "problemspanel.h"

#include "items/problemmodel.h"
#include "items/severityiconproxy.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QStyle>
#include <QToolButton>
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
    m_fixButton = new QToolButton(this);
    m_fixButton->setObjectName(QStringLiteral("problemFixButton"));
    m_fixButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_fixButton->hide();
    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_summary, 1);
    top->addWidget(m_fixButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        const QModelIndex index = m_view->indexAt(at);
        QAction *fix = index.isValid()
                           ? m_fixes.value(index.data(ProblemModel::RuleRole).toString())
                           : nullptr;
        if (!fix)
            return;
        QMenu menu(this);
        menu.addAction(fix);
        menu.exec(m_view->viewport()->mapToGlobal(at));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ProblemsPanel::updateFix);
    connect(model, &QAbstractItemModel::modelReset, this, &ProblemsPanel::updateFix);
    connect(m_view, &QTreeView::activated, this, &ProblemsPanel::activate);
    connect(model, &QAbstractItemModel::modelReset, this, &ProblemsPanel::updateSummary);
    updateSummary();
}

QString ProblemsPanel::summary() const
{
    return m_summary->text();
}

void ProblemsPanel::addFix(const QString &rule, QAction *action)
{
    m_fixes.insert(rule, action);
    updateFix();
}

QAction *ProblemsPanel::fixForSelection() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? m_fixes.value(index.data(ProblemModel::RuleRole).toString()) : nullptr;
}

void ProblemsPanel::updateFix()
{
    QAction *fix = fixForSelection();
    if (fix)
        m_fixButton->setDefaultAction(fix);
    m_fixButton->setVisible(fix != nullptr);
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
