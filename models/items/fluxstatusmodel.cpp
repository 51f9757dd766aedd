#include "fluxstatusmodel.h"

#include "flux/fluxlivestate.h"

#include <QLocale>

#include <algorithm>

namespace Fluxdesk {

namespace {

// Groups always shown, in this order; Flux instances only while there is one.
const QList<FluxKind::Category> FixedGroups = {
    FluxKind::Category::Source, FluxKind::Category::Kustomization, FluxKind::Category::HelmRelease};
constexpr quintptr GroupId = 0;

int kindRank(const QString &group, const QString &kind)
{
    const QList<FluxKind> &all = FluxKinds::all();
    for (int i = 0; i < all.size(); ++i) {
        if (all.at(i).group == group && all.at(i).kind == kind)
            return i;
    }
    return int(all.size());
}

} // namespace

FluxStatusModel::FluxStatusModel(QObject *parent) : QAbstractItemModel(parent)
{
    for (FluxKind::Category c : FixedGroups)
        m_groups.append({c, {}});
}

void FluxStatusModel::setLiveState(const FluxLiveState *state)
{
    if (m_state)
        disconnect(m_state, nullptr, this, nullptr);
    m_state = state;
    if (m_state)
        connect(m_state, &FluxLiveState::changed, this, &FluxStatusModel::onChanged);
    rebuild();
}

void FluxStatusModel::rebuild()
{
    beginResetModel();
    m_groups.clear();
    m_categoryOf.clear();
    for (FluxKind::Category c : FixedGroups)
        m_groups.append({c, {}});
    if (m_state) {
        for (const FluxRef &ref : m_state->refs()) {
            const FluxObjectStatus *s = m_state->status(ref);
            if (!s)
                continue;
            const FluxKind::Category c = categoryOf(*s);
            // Inside the reset: no insert signals for a group that comes with the fill.
            if (groupPosition(c) < 0)
                m_groups.append({c, {}});
            Group &g = m_groups[groupPosition(c)];
            g.rows.append({sortKeyOf(*s), *s});
            m_categoryOf.insert(ref.key(), c);
        }
        for (Group &g : m_groups)
            std::sort(g.rows.begin(), g.rows.end(),
                      [](const Row &a, const Row &b) { return a.sortKey < b.sortKey; });
    }
    endResetModel();
}

QString FluxStatusModel::sortKeyOf(const FluxObjectStatus &status)
{
    // The kind's rank first (two digits), then namespace and name: a total, stable order.
    return QStringLiteral("%1").arg(kindRank(status.group, status.kind), 2, 10, QLatin1Char('0')) +
           QLatin1Char('\x1f') + status.ns + QLatin1Char('\x1f') + status.name;
}

FluxKind::Category FluxStatusModel::categoryOf(const FluxObjectStatus &status)
{
    const FluxKind *k = FluxKinds::find(status.group, status.kind);
    return k ? k->category : FluxKind::Category::Source;
}

int FluxStatusModel::groupPosition(FluxKind::Category category) const
{
    for (int i = 0; i < m_groups.size(); ++i) {
        if (m_groups.at(i).category == category)
            return i;
    }
    return -1;
}

int FluxStatusModel::ensureGroup(FluxKind::Category category)
{
    const int existing = groupPosition(category);
    if (existing >= 0)
        return existing;
    // Only the instances group comes and goes; it is the last.
    const int position = int(m_groups.size());
    beginInsertRows({}, position, position);
    m_groups.append({category, {}});
    endInsertRows();
    return position;
}

std::pair<int, int> FluxStatusModel::locate(const FluxRef &ref) const
{
    const auto it = m_categoryOf.constFind(ref.key());
    if (it == m_categoryOf.constEnd())
        return {-1, -1};
    const int g = groupPosition(*it);
    if (g < 0)
        return {-1, -1};
    const QList<Row> &rows = m_groups.at(g).rows;
    FluxObjectStatus probe;
    probe.group = ref.group;
    probe.kind = ref.kind;
    probe.ns = ref.ns;
    probe.name = ref.name;
    const QString key = sortKeyOf(probe);
    const auto pos = std::lower_bound(rows.begin(), rows.end(), key,
                                      [](const Row &r, const QString &k) { return r.sortKey < k; });
    if (pos == rows.end() || pos->sortKey != key)
        return {-1, -1};
    return {g, int(pos - rows.begin())};
}

void FluxStatusModel::onChanged(const QList<FluxRef> &added, const QList<FluxRef> &updated,
                                const QList<FluxRef> &removed)
{
    if (!m_state)
        return;
    for (const FluxRef &ref : removed)
        removeRowOf(ref);
    for (const FluxRef &ref : added) {
        if (const FluxObjectStatus *s = m_state->status(ref))
            insertRow(*s);
    }
    for (const FluxRef &ref : updated) {
        if (const FluxObjectStatus *s = m_state->status(ref))
            updateRow(*s);
    }
}

void FluxStatusModel::insertRow(const FluxObjectStatus &status)
{
    if (m_categoryOf.contains(status.ref().key())) {
        updateRow(status);
        return;
    }
    const FluxKind::Category c = categoryOf(status);
    const int g = ensureGroup(c);
    QList<Row> &rows = m_groups[g].rows;
    const QString key = sortKeyOf(status);
    const auto pos = std::lower_bound(rows.begin(), rows.end(), key,
                                      [](const Row &r, const QString &k) { return r.sortKey < k; });
    const int row = int(pos - rows.begin());
    beginInsertRows(index(g, 0), row, row);
    rows.insert(row, {key, status});
    m_categoryOf.insert(status.ref().key(), c);
    endInsertRows();
    emitGroupChanged(g);
}

void FluxStatusModel::removeRowOf(const FluxRef &ref)
{
    const auto [g, row] = locate(ref);
    if (g < 0)
        return;
    beginRemoveRows(index(g, 0), row, row);
    m_groups[g].rows.removeAt(row);
    m_categoryOf.remove(ref.key());
    endRemoveRows();
    if (m_groups.at(g).rows.isEmpty() && !FixedGroups.contains(m_groups.at(g).category)) {
        beginRemoveRows({}, g, g);
        m_groups.removeAt(g);
        endRemoveRows();
        return;
    }
    emitGroupChanged(g);
}

void FluxStatusModel::updateRow(const FluxObjectStatus &status)
{
    const auto [g, row] = locate(status.ref());
    if (g < 0) {
        insertRow(status);
        return;
    }
    m_groups[g].rows[row].status = status;
    const QModelIndex parent = index(g, 0);
    emit dataChanged(index(row, 0, parent), index(row, ColumnCount - 1, parent));
    emitGroupChanged(g);
}

void FluxStatusModel::emitGroupChanged(int group)
{
    emit dataChanged(index(group, 0), index(group, ColumnCount - 1));
}

QModelIndex FluxStatusModel::indexOf(const FluxRef &ref, int column) const
{
    const auto [g, row] = locate(ref);
    if (g < 0)
        return {};
    return index(row, column, index(g, 0));
}

FluxRef FluxStatusModel::refAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == GroupId)
        return {};
    const int g = groupPosition(FluxKind::Category(index.internalId() - 1));
    if (g < 0 || index.row() >= m_groups.at(g).rows.size())
        return {};
    return m_groups.at(g).rows.at(index.row()).status.ref();
}

QModelIndex FluxStatusModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, column, GroupId) : QModelIndex();
    if (parent.internalId() != GroupId || parent.row() >= m_groups.size())
        return {};
    const Group &g = m_groups.at(parent.row());
    if (row >= g.rows.size())
        return {};
    return createIndex(row, column, quintptr(g.category) + 1);
}

QModelIndex FluxStatusModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == GroupId)
        return {};
    const int g = groupPosition(FluxKind::Category(child.internalId() - 1));
    return g < 0 ? QModelIndex() : createIndex(g, 0, GroupId);
}

int FluxStatusModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.column() != 0 || parent.internalId() != GroupId || parent.row() >= m_groups.size())
        return 0;
    return int(m_groups.at(parent.row()).rows.size());
}

int FluxStatusModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant FluxStatusModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == GroupId) {
        if (index.row() >= m_groups.size())
            return {};
        const Group &g = m_groups.at(index.row());
        if (role == IsGroupRole)
            return true;
        if (role == GroupRole)
            return int(g.category);
        if (role == ReadinessRole) {
            // The group's worst, so a collapsed group still shows trouble.
            FluxReadiness worst = FluxReadiness::Ready;
            for (const Row &r : g.rows) {
                if (FluxReadinessRules::severity(r.status.readiness()) <
                    FluxReadinessRules::severity(worst))
                    worst = r.status.readiness();
            }
            return int(worst);
        }
        if (role != Qt::DisplayRole)
            return {};
        if (index.column() == NameColumn) {
            switch (g.category) {
            case FluxKind::Category::Source:
                return tr("Sources");
            case FluxKind::Category::Kustomization:
                return tr("Kustomizations");
            case FluxKind::Category::HelmRelease:
                return tr("HelmReleases");
            case FluxKind::Category::Instance:
                return tr("Flux instances");
            }
        }
        if (index.column() == StatusColumn) {
            const auto ready = std::count_if(g.rows.begin(), g.rows.end(), [](const Row &r) {
                return r.status.readiness() == FluxReadiness::Ready;
            });
            return tr("%1 of %2 ready").arg(ready).arg(g.rows.size());
        }
        return {};
    }

    const int g = groupPosition(FluxKind::Category(index.internalId() - 1));
    if (g < 0 || index.row() >= m_groups.at(g).rows.size())
        return {};
    const FluxObjectStatus &s = m_groups.at(g).rows.at(index.row()).status;
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case NameColumn:
            return s.name;
        case KindColumn:
            return s.kind;
        case NamespaceColumn:
            return s.ns;
        case StatusColumn:
            return FluxReadinessRules::text(s.readiness());
        case MessageColumn:
            return s.verdict.message;
        case RevisionColumn:
            return s.revision;
        case LastAppliedColumn:
            return s.lastApplied.isValid()
                       ? QLocale().toString(s.lastApplied.toLocalTime(), QLocale::ShortFormat)
                       : QString();
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == MessageColumn || index.column() == StatusColumn)
            return s.verdict.message;
        if (index.column() == LastAppliedColumn && s.lastApplied.isValid())
            return s.lastApplied.toString(Qt::ISODate);
        return {};
    case ReadinessRole:
        return int(s.readiness());
    case RefKeyRole:
        return s.ref().key();
    case GroupRole:
        return int(m_groups.at(g).category);
    case IsGroupRole:
        return false;
    case SuspendedRole:
        return s.suspended;
    case LastAppliedRole:
        return s.lastApplied;
    case ReasonRole:
        return s.verdict.reason;
    default:
        return {};
    }
}

QVariant FluxStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case NamespaceColumn:
        return tr("Namespace");
    case StatusColumn:
        return tr("Status");
    case MessageColumn:
        return tr("Message");
    case RevisionColumn:
        return tr("Revision");
    case LastAppliedColumn:
        return tr("Last applied");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Fluxdesk
