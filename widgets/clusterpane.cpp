#include "clusterpane.h"

#include "items/inventoryfiltermodel.h"
#include "items/inventorymodel.h"
#include "ownershipdelegate.h"
#include "ownershiplegend.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace Fluxdesk {

ClusterPane::ClusterPane(QWidget *parent) : QWidget(parent)
{
    auto *title = new QLabel(tr("Cluster"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    // What the badges mean, drawn as the tree draws them.
    auto *legend = new QToolButton(this);
    legend->setObjectName(QStringLiteral("legendButton"));
    legend->setText(tr("?"));
    legend->setAutoRaise(true);
    legend->setToolTip(tr("What the badges mean and what to do about each"));
    connect(legend, &QToolButton::clicked, this, &ClusterPane::showLegend);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(title, 1);
    titleRow->addWidget(legend);

    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("filterEdit"));
    m_filterEdit->setPlaceholderText(tr("Filter: name, namespace, ns:NAME kind:KIND key=value"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setToolTip(
        tr("Words match object names, kinds and namespaces (kube-system shows that namespace's "
           "objects). ns:kube-system matches one namespace exactly, kind:ConfigMap one kind "
           "(kind:Deployment.apps with its group), key=value a label (app=loki). Every word "
           "must match: ns:media kind:ConfigMap app=jellyfin."));

    m_showOwned = new QCheckBox(tr("Show owned and generated objects"), this);
    m_showOwned->setObjectName(QStringLiteral("showOwnedToggle"));
    m_showOwned->setToolTip(
        tr("Also list what K3s, controllers and Helm's release records own: the migration "
           "leaves those out."));

    m_filter = new InventoryFilterModel(this);
    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("clusterTree"));
    m_tree->setModel(m_filter);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    // Objects drag onto a folder of the plan tree.
    m_tree->setDragEnabled(true);
    m_tree->setDragDropMode(QAbstractItemView::DragOnly);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setItemDelegateForColumn(InventoryModel::BadgeColumn, new OwnershipDelegate(m_tree));

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("clusterSummary"));
    m_summary->setWordWrap(true);

    // Recounting visible rows on every inserted run would cost more than the insert itself.
    m_summaryTimer = new QTimer(this);
    m_summaryTimer->setSingleShot(true);
    m_summaryTimer->setInterval(100);
    connect(m_summaryTimer, &QTimer::timeout, this, &ClusterPane::updateSummary);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(titleRow);
    layout->addWidget(m_filterEdit);
    layout->addWidget(m_showOwned);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_summary);

    connect(m_filterEdit, &QLineEdit::textChanged, this, &ClusterPane::onFilterChanged);
    connect(m_showOwned, &QCheckBox::toggled, this, [this](bool show) {
        m_filter->setShowOwned(show);
        updateSummary();
        emit showOwnedChanged(show);
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &ClusterPane::onRowsInserted);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &ClusterPane::updateSummary);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &ClusterPane::updateSummary);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onCurrentChanged(current); });
    // Bulk decisions (clusterpanedecisions.cpp): exclude or include a selection, a kind, a
    // namespace.
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &ClusterPane::showContextMenu);
    updateSummary();
}

void ClusterPane::setModel(InventoryModel *model)
{
    m_model = model;
    m_filter->setSourceModel(model);
    // Section modes need the columns to exist.
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(InventoryModel::NameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(InventoryModel::BadgeColumn,
                                           QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(InventoryModel::CountColumn,
                                           QHeaderView::ResizeToContents);
    m_tree->expandToDepth(0);
    updateSummary();
}

void ClusterPane::showLegend()
{
    // One legend, kept beside the tree while the user reads both.
    auto *legend = findChild<OwnershipLegend *>();
    if (!legend) {
        legend = new OwnershipLegend(this);
        legend->setAttribute(Qt::WA_DeleteOnClose);
    }
    legend->show();
    legend->raise();
    legend->activateWindow();
}

bool ClusterPane::showOwned() const
{
    return m_showOwned->isChecked();
}

void ClusterPane::setShowOwned(bool show)
{
    m_showOwned->setChecked(show);
    m_filter->setShowOwned(show);
}

void ClusterPane::focusFilter()
{
    m_filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_filterEdit->selectAll();
}

void ClusterPane::onFilterChanged(const QString &text)
{
    m_filter->setFilterText(text);
    // While filtering, show every match; otherwise namespaces open, kinds closed.
    if (m_filter->filterText().isEmpty()) {
        m_tree->collapseAll();
        m_tree->expandToDepth(0);
    } else {
        m_tree->expandAll();
    }
    const QModelIndex current = m_tree->currentIndex();
    if (current.isValid())
        m_tree->scrollTo(current);
    updateSummary();
}

void ClusterPane::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    // New namespaces open as they arrive; while filtering, new matches are revealed too.
    const bool all = !m_filter->filterText().isEmpty();
    if (!parent.isValid() || all) {
        for (int row = first; row <= last; ++row) {
            const QModelIndex index = m_filter->index(row, 0, parent);
            m_tree->expand(index);
            if (all && parent.isValid())
                m_tree->expand(parent);
            if (all) {
                for (int child = 0; child < m_filter->rowCount(index); ++child)
                    m_tree->expand(m_filter->index(child, 0, index));
            }
        }
    }
    if (!m_summaryTimer->isActive())
        m_summaryTimer->start();
}

void ClusterPane::onCurrentChanged(const QModelIndex &current)
{
    emit objectSelected(InventoryModel::keyAt(current));
    QString ns;
    QString name;
    if (InventoryModel::releaseAt(current, &ns, &name))
        emit releaseSelected(ns, name);
}

bool ClusterPane::selectRelease(const QString &ns, const QString &name)
{
    if (!m_model)
        return false;
    const QModelIndex index = m_filter->mapFromSource(m_model->indexOfRelease(ns, name));
    if (!index.isValid())
        return false;
    m_tree->expand(index.parent());
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    return true;
}

bool ClusterPane::selectObject(const ObjectKey &key)
{
    if (!m_model)
        return false;
    const QModelIndex index = m_filter->mapFromSource(m_model->indexOf(key));
    if (!index.isValid())
        return false;
    m_tree->expand(index.parent().parent());
    m_tree->expand(index.parent());
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    return true;
}

int ClusterPane::visibleObjectCount() const
{
    int shown = 0;
    for (int ns = 0; ns < m_filter->rowCount(); ++ns) {
        const QModelIndex nsIndex = m_filter->index(ns, 0);
        for (int kind = 0; kind < m_filter->rowCount(nsIndex); ++kind)
            shown += m_filter->rowCount(m_filter->index(kind, 0, nsIndex));
    }
    return shown;
}

void ClusterPane::expandIfSmall(int maxObjects)
{
    if (visibleObjectCount() <= maxObjects)
        m_tree->expandAll();
}

void ClusterPane::updateSummary()
{
    if (!m_model || m_model->objectCount() == 0) {
        m_summary->clear();
        m_summary->hide();
        return;
    }
    const int shown = visibleObjectCount();
    const int total = m_model->objectCount();
    m_summary->setText(shown == total ? tr("Objects: %1").arg(total)
                                      : tr("Objects shown: %1 of %2").arg(shown).arg(total));
    m_summary->show();
}

} // namespace Fluxdesk
