#include "inventoryfiltermodel.h"

#include "items/inventorymodel.h"

#include <QJsonObject>
#include <QJsonValue>

namespace Fluxdesk {

InventoryFilterModel::InventoryFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setDynamicSortFilter(true);
}

void InventoryFilterModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    m_terms.clear();
    const QStringList words = m_text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        Term term;
        const int eq = int(word.indexOf(QLatin1Char('=')));
        if (eq > 0) {
            term.label = true;
            term.text = word.left(eq);
            term.value = word.mid(eq + 1);
        } else {
            term.text = word;
        }
        m_terms.append(term);
    }
    invalidateFilter();
}

void InventoryFilterModel::setShowOwned(bool show)
{
    if (show == m_showOwned)
        return;
    m_showOwned = show;
    invalidateFilter();
}

bool InventoryFilterModel::isFiltering() const
{
    return !m_terms.isEmpty() || !m_showOwned;
}

bool InventoryFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const int type = index.data(InventoryModel::NodeTypeRole).toInt();
    // Releases are never hidden as "owned": only the text filters them (name, chart, namespace).
    if (type == InventoryModel::ReleaseNode) {
        const QStringList fields{index.data(InventoryModel::NameRole).toString(),
                                 index.data(InventoryModel::ChartRole).toString(),
                                 index.data(InventoryModel::NamespaceRole).toString()};
        for (const Term &term : m_terms) {
            if (term.label)
                return false;
            bool found = false;
            for (const QString &field : fields)
                found = found || field.contains(term.text, Qt::CaseInsensitive);
            if (!found)
                return false;
        }
        return true;
    }
    // Namespace and kind rows are shown through their objects (recursive filtering), so a
    // namespace whose objects are all hidden disappears with them.
    if (type != InventoryModel::ObjectNode)
        return !isFiltering();
    if (!m_showOwned && index.data(InventoryModel::HiddenByDefaultRole).toBool())
        return false;
    if (m_terms.isEmpty())
        return true;
    const QString name = index.data(InventoryModel::NameRole).toString();
    const QString kind = index.data(InventoryModel::KindRole).toString();
    const QJsonObject labels = index.data(InventoryModel::LabelsRole).toJsonObject();
    for (const Term &term : m_terms) {
        if (term.label) {
            if (!labels.contains(term.text))
                return false;
            if (!term.value.isEmpty() &&
                labels.value(term.text).toString().compare(term.value, Qt::CaseInsensitive) != 0)
                return false;
        } else if (!name.contains(term.text, Qt::CaseInsensitive) &&
                   !kind.contains(term.text, Qt::CaseInsensitive)) {
            return false;
        }
    }
    return true;
}

int InventoryFilterModel::visibleObjects(const QModelIndex &proxyIndex) const
{
    const int type = proxyIndex.data(InventoryModel::NodeTypeRole).toInt();
    const QModelIndex first = proxyIndex.siblingAtColumn(0);
    if (type == InventoryModel::KindNode)
        return rowCount(first);
    int total = 0;
    const int kinds = rowCount(first);
    for (int row = 0; row < kinds; ++row)
        total += rowCount(index(row, 0, first));
    return total;
}

QVariant InventoryFilterModel::data(const QModelIndex &index, int role) const
{
    if (index.column() == InventoryModel::CountColumn &&
        (role == Qt::DisplayRole || role == Qt::ToolTipRole) && isFiltering() &&
        (index.data(InventoryModel::NodeTypeRole).toInt() == InventoryModel::NamespaceNode ||
         index.data(InventoryModel::NodeTypeRole).toInt() == InventoryModel::KindNode)) {
        const int total = QSortFilterProxyModel::data(index, InventoryModel::CountRole).toInt();
        const int visible = visibleObjects(index);
        if (visible != total) {
            if (role == Qt::DisplayRole)
                return tr("%1 of %2").arg(visible).arg(total);
            return tr("Objects shown: %1; hidden by the filter: %2")
                .arg(visible)
                .arg(total - visible);
        }
    }
    return QSortFilterProxyModel::data(index, role);
}

} // namespace Fluxdesk
