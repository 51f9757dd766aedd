#include "severityiconproxy.h"

#include "problemmodel.h"

namespace Fluxdesk {

namespace {

size_t slotOf(Problem::Severity severity)
{
    return size_t(severity);
}

} // namespace

SeverityIconProxy::SeverityIconProxy(QObject *parent) : QIdentityProxyModel(parent) {}

void SeverityIconProxy::setIcon(Problem::Severity severity, const QVariant &icon)
{
    const size_t slot = slotOf(severity);
    if (slot >= m_icons.size())
        return;
    m_icons[slot] = icon;
    const int rows = rowCount();
    if (rows > 0)
        emit dataChanged(index(0, ProblemModel::SeverityColumn),
                         index(rows - 1, ProblemModel::SeverityColumn), {Qt::DecorationRole});
}

QVariant SeverityIconProxy::icon(Problem::Severity severity) const
{
    const size_t slot = slotOf(severity);
    return slot < m_icons.size() ? m_icons[slot] : QVariant();
}

QVariant SeverityIconProxy::data(const QModelIndex &index, int role) const
{
    if (role == Qt::DecorationRole && index.column() == ProblemModel::SeverityColumn) {
        const QVariant severity = index.data(ProblemModel::SeverityRole);
        if (severity.isValid())
            return icon(Problem::Severity(severity.toInt()));
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace Fluxdesk
