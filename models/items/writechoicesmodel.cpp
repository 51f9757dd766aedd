#include "writechoicesmodel.h"

namespace Fluxdesk {

// Group rows have internal id 0; a file row's id is its group's row + 1.

WriteChoicesModel::WriteChoicesModel(QObject *parent) : QAbstractItemModel(parent) {}

WriteChoicesModel::~WriteChoicesModel() = default;

void WriteChoicesModel::setPreview(const PlanWritePreview &preview)
{
    beginResetModel();
    m_preview = preview;
    m_groups.clear();
    const auto add = [this](Group group, const QStringList &paths) {
        if (paths.isEmpty())
            return;
        GroupRows rows{group, {}};
        rows.files.reserve(size_t(paths.size()));
        for (const QString &path : paths)
            rows.files.push_back(File{path, false});
        m_groups.push_back(std::move(rows));
    };
    add(Group::New, preview.created);
    add(Group::Updated, preview.outdated);
    add(Group::Changed, preview.differing);
    add(Group::Removable, preview.removable);
    endResetModel();
    emit choicesChanged();
}

QSet<QString> WriteChoicesModel::chosenPaths(Group group) const
{
    QSet<QString> paths;
    for (const GroupRows &rows : m_groups) {
        if (rows.group != group)
            continue;
        for (const File &file : rows.files) {
            if (file.chosen)
                paths.insert(file.path);
        }
    }
    return paths;
}

QSet<QString> WriteChoicesModel::acceptedPaths() const
{
    return chosenPaths(Group::Changed);
}

QSet<QString> WriteChoicesModel::removedPaths() const
{
    return chosenPaths(Group::Removable);
}

int WriteChoicesModel::writeCount() const
{
    return int(m_preview.created.size() + m_preview.outdated.size() + acceptedPaths().size());
}

int WriteChoicesModel::deleteCount() const
{
    return int(removedPaths().size());
}

bool WriteChoicesModel::setChosen(const QString &path, bool chosen)
{
    const QModelIndex index = indexOfPath(path, ActionColumn);
    return index.isValid() &&
           setData(index, chosen ? Qt::Checked : Qt::Unchecked, Qt::CheckStateRole);
}

QModelIndex WriteChoicesModel::indexOfPath(const QString &path, int column) const
{
    for (size_t g = 0; g < m_groups.size(); ++g) {
        const std::vector<File> &files = m_groups[g].files;
        for (size_t f = 0; f < files.size(); ++f) {
            if (files[f].path == path)
                return createIndex(int(f), column, quintptr(g + 1));
        }
    }
    return {};
}

QModelIndex WriteChoicesModel::indexOfGroup(Group group, int column) const
{
    for (size_t g = 0; g < m_groups.size(); ++g) {
        if (m_groups[g].group == group)
            return createIndex(int(g), column, quintptr(0));
    }
    return {};
}

QModelIndex WriteChoicesModel::firstFileOf(std::initializer_list<Group> groups) const
{
    for (Group group : groups) {
        const QModelIndex top = indexOfGroup(group);
        if (top.isValid())
            return index(0, FileColumn, top); // groups are never empty
    }
    return {};
}

QModelIndex WriteChoicesModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < int(m_groups.size()) ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.column() != 0)
        return {};
    const GroupRows &rows = m_groups[size_t(parent.row())];
    return row < int(rows.files.size()) ? createIndex(row, column, quintptr(parent.row() + 1))
                                        : QModelIndex();
}

QModelIndex WriteChoicesModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int WriteChoicesModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return int(m_groups[size_t(parent.row())].files.size());
}

int WriteChoicesModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

Qt::CheckState WriteChoicesModel::groupState(const GroupRows &rows) const
{
    int chosen = 0;
    for (const File &file : rows.files)
        chosen += file.chosen ? 1 : 0;
    if (chosen == 0)
        return Qt::Unchecked;
    return chosen == int(rows.files.size()) ? Qt::Checked : Qt::PartiallyChecked;
}

QString WriteChoicesModel::groupTitle(const GroupRows &rows) const
{
    const int count = int(rows.files.size());
    switch (rows.group) {
    case Group::New:
        return tr("New (%1)").arg(count);
    case Group::Updated:
        return tr("Updated by the plan (%1)").arg(count);
    case Group::Changed:
        return tr("Changed on disk (%1)").arg(count);
    case Group::Removable:
        return tr("No longer planned (%1)").arg(count);
    }
    return {};
}

QString WriteChoicesModel::groupToolTip(Group group) const
{
    switch (group) {
    case Group::New:
        return tr("Files the plan adds to the repository.");
    case Group::Updated:
        return tr("Files nobody edited since Fluxdesk wrote them, whose plan changed (a setting, "
                  "a move, a changed object): they are replaced.");
    case Group::Changed:
        return tr("Files edited since Fluxdesk wrote them (or written by hand): they keep your "
                  "edits unless you tick them.");
    case Group::Removable:
        return tr("YAML files the plan no longer produces. They stay unless you tick them; "
                  "deleting is permanent unless the file is committed.");
    }
    return {};
}

QString WriteChoicesModel::action(Group group) const
{
    switch (group) {
    case Group::New:
        return tr("Create");
    case Group::Updated:
        return tr("Update");
    case Group::Changed:
        return tr("Replace with the plan's version");
    case Group::Removable:
        return tr("Delete");
    }
    return {};
}

QVariant WriteChoicesModel::groupData(int row, int column, int role) const
{
    const GroupRows &rows = m_groups[size_t(row)];
    switch (role) {
    case Qt::DisplayRole:
        return column == FileColumn ? groupTitle(rows) : QVariant();
    case Qt::ToolTipRole:
        return column == FileColumn ? groupToolTip(rows.group) : QVariant();
    case Qt::CheckStateRole:
        return column == ActionColumn && isChoice(rows.group) ? QVariant(int(groupState(rows)))
                                                              : QVariant();
    case GroupRole:
        return int(rows.group);
    default:
        return {};
    }
}

QVariant WriteChoicesModel::fileData(const GroupRows &rows, int row, int column, int role) const
{
    const File &file = rows.files[size_t(row)];
    switch (role) {
    case Qt::DisplayRole:
        return column == FileColumn ? file.path : action(rows.group);
    case Qt::ToolTipRole:
        if (column == FileColumn)
            return file.path;
        if (rows.group == Group::Removable)
            return tr("Deletes %1 from the checkout. This is permanent unless the file is "
                      "committed in Git.")
                .arg(file.path);
        if (rows.group == Group::Changed)
            return tr("Unticked, %1 keeps your edits.").arg(file.path);
        return {};
    case Qt::CheckStateRole:
        if (column == ActionColumn && isChoice(rows.group))
            return int(file.chosen ? Qt::Checked : Qt::Unchecked);
        return {};
    case PathRole:
        return file.path;
    case GroupRole:
        return int(rows.group);
    default:
        return {};
    }
}

QVariant WriteChoicesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == 0)
        return groupData(index.row(), index.column(), role);
    return fileData(m_groups[size_t(index.internalId() - 1)], index.row(), index.column(), role);
}

bool WriteChoicesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || !(flags(index) & Qt::ItemIsUserCheckable))
        return false;
    const bool chosen = Qt::CheckState(value.toInt()) == Qt::Checked;
    if (index.internalId() == 0) {
        choose(index.row(), 0, int(m_groups[size_t(index.row())].files.size()) - 1, chosen);
    } else {
        choose(int(index.internalId() - 1), index.row(), index.row(), chosen);
    }
    return true;
}

void WriteChoicesModel::choose(int groupRow, int first, int last, bool chosen)
{
    std::vector<File> &files = m_groups[size_t(groupRow)].files;
    bool changed = false;
    for (int row = first; row <= last; ++row) {
        File &file = files[size_t(row)];
        changed = changed || file.chosen != chosen;
        file.chosen = chosen;
    }
    if (!changed)
        return;
    const QModelIndex group = index(groupRow, ActionColumn);
    emit dataChanged(index(first, ActionColumn, group.siblingAtColumn(0)),
                     index(last, ActionColumn, group.siblingAtColumn(0)), {Qt::CheckStateRole});
    emit dataChanged(group, group, {Qt::CheckStateRole});
    emit choicesChanged();
}

Qt::ItemFlags WriteChoicesModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == ActionColumn && isChoice(Group(index.data(GroupRole).toInt())))
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant WriteChoicesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FileColumn:
        return tr("File");
    case ActionColumn:
        return tr("Action");
    default:
        return {};
    }
}

} // namespace Fluxdesk
