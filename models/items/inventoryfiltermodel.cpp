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

QList<InventoryFilterModel::Term> InventoryFilterModel::parseTerms(const QString &text)
{
    QList<Term> terms;
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        Term term;
        const int eq = int(word.indexOf(QLatin1Char('=')));
        const int colon = int(word.indexOf(QLatin1Char(':')));
        const QString prefix = colon > 0 ? word.left(colon).toLower() : QString();
        if (eq > 0 && (colon < 0 || eq < colon)) {
            term.type = Term::Label;
            term.text = word.left(eq);
            term.value = word.mid(eq + 1);
        } else if (prefix == QLatin1String("ns") || prefix == QLatin1String("namespace")) {
            term.type = Term::Namespace;
            term.text = word.mid(colon + 1);
        } else if (prefix == QLatin1String("kind")) {
            term.type = Term::Kind;
            term.text = word.mid(colon + 1);
        } else {
            term.text = word;
        }
        // "ns:" while it is being typed does not empty the tree.
        if (term.type != Term::Plain && term.type != Term::Label && term.text.isEmpty())
            continue;
        terms.append(term);
    }
    return terms;
}

void InventoryFilterModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    m_terms = parseTerms(m_text);
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
            switch (term.type) {
            case Term::Label:
                return false;
            case Term::Namespace:
                if (fields.at(2).compare(term.text, Qt::CaseInsensitive) != 0)
                    return false;
                break;
            case Term::Kind:
                if (term.text.compare(QLatin1String("HelmRelease"), Qt::CaseInsensitive) != 0)
                    return false;
                break;
            case Term::Plain: {
                bool found = false;
                for (const QString &field : fields)
                    found = found || field.contains(term.text, Qt::CaseInsensitive);
                if (!found)
                    return false;
                break;
            }
            }
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
    const QString ns = index.data(InventoryModel::NamespaceRole).toString();
    const QString group = index.data(InventoryModel::GroupRole).toString();
    const QJsonObject labels = index.data(InventoryModel::LabelsRole).toJsonObject();
    for (const Term &term : m_terms) {
        switch (term.type) {
        case Term::Label:
            if (!labels.contains(term.text))
                return false;
            if (!term.value.isEmpty() &&
                labels.value(term.text).toString().compare(term.value, Qt::CaseInsensitive) != 0)
                return false;
            break;
        case Term::Namespace:
            // The Namespace object goes with its namespace, as an exclusion rule takes it.
            if (ns.compare(term.text, Qt::CaseInsensitive) != 0 &&
                !(ns.isEmpty() && group.isEmpty() && kind == QLatin1String("Namespace") &&
                  name.compare(term.text, Qt::CaseInsensitive) == 0))
                return false;
            break;
        case Term::Kind:
            if (kind.compare(term.text, Qt::CaseInsensitive) != 0 &&
                QString(kind + QLatin1Char('.') + group).compare(term.text, Qt::CaseInsensitive) !=
                    0)
                return false;
            break;
        case Term::Plain:
            if (!name.contains(term.text, Qt::CaseInsensitive) &&
                !kind.contains(term.text, Qt::CaseInsensitive) &&
                !ns.contains(term.text, Qt::CaseInsensitive))
                return false;
            break;
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
