#include "changesmodel.h"

#include <QStringList>

#include <utility>

namespace Fluxdesk {

namespace {

GitFileStatus::Change mainChange(const GitFileStatus &file)
{
    if (file.isConflicted())
        return GitFileStatus::Change::Conflicted;
    // The work tree's state is what the user sees on disk; a file only staged shows its staged
    // change.
    if (file.unstaged != GitFileStatus::Change::None)
        return file.staged == GitFileStatus::Change::New ? GitFileStatus::Change::New
                                                         : file.unstaged;
    return file.staged;
}

} // namespace

ChangesModel::ChangesModel(QObject *parent) : QAbstractTableModel(parent) {}

void ChangesModel::setFiles(const QList<GitFileStatus> &files)
{
    beginResetModel();
    m_files = files;
    endResetModel();
}

GitFileStatus ChangesModel::fileAt(int row) const
{
    return row >= 0 && row < m_files.size() ? m_files.at(row) : GitFileStatus();
}

int ChangesModel::rowOfPath(const QString &path) const
{
    for (int row = 0; row < m_files.size(); ++row) {
        if (m_files.at(row).path == path)
            return row;
    }
    return -1;
}

bool ChangesModel::hasStaged() const
{
    for (const GitFileStatus &file : m_files) {
        if (file.staged != GitFileStatus::Change::None)
            return true;
    }
    return false;
}

QString ChangesModel::changeName(GitFileStatus::Change change)
{
    switch (change) {
    case GitFileStatus::Change::None:
        return QString();
    case GitFileStatus::Change::New:
        return tr("New");
    case GitFileStatus::Change::Modified:
        return tr("Modified");
    case GitFileStatus::Change::Deleted:
        return tr("Deleted");
    case GitFileStatus::Change::Renamed:
        return tr("Renamed");
    case GitFileStatus::Change::TypeChanged:
        return tr("Type changed");
    case GitFileStatus::Change::Conflicted:
        return tr("Conflicted");
    }
    return QString();
}

QString ChangesModel::describe(const GitFileStatus &file)
{
    QString text = changeName(mainChange(file));
    if (!file.oldPath.isEmpty())
        text = tr("Renamed from %1").arg(file.oldPath);
    if (file.isConflicted())
        return text;
    const bool staged = file.staged != GitFileStatus::Change::None;
    const bool unstaged = file.unstaged != GitFileStatus::Change::None;
    if (staged && unstaged)
        return tr("%1, partly staged").arg(text);
    if (staged)
        return tr("%1, staged").arg(text);
    return text;
}

QString ChangesModel::summarize(const QList<GitFileStatus> &files)
{
    int added = 0, changed = 0, deleted = 0, renamed = 0, conflicted = 0;
    for (const GitFileStatus &file : files) {
        switch (mainChange(file)) {
        case GitFileStatus::Change::New:
            ++added;
            break;
        case GitFileStatus::Change::Deleted:
            ++deleted;
            break;
        case GitFileStatus::Change::Renamed:
            ++renamed;
            break;
        case GitFileStatus::Change::Conflicted:
            ++conflicted;
            break;
        case GitFileStatus::Change::Modified:
        case GitFileStatus::Change::TypeChanged:
        case GitFileStatus::Change::None:
            ++changed;
            break;
        }
    }
    QStringList parts;
    if (added > 0)
        parts << (added == 1 ? tr("1 new file") : tr("%1 new files").arg(added));
    if (changed > 0)
        parts << tr("%1 changed").arg(changed);
    if (deleted > 0)
        parts << tr("%1 deleted").arg(deleted);
    if (renamed > 0)
        parts << tr("%1 renamed").arg(renamed);
    if (conflicted > 0)
        parts << tr("%1 in conflict").arg(conflicted);
    QString text = parts.isEmpty() ? QString() : parts.takeFirst();
    for (const QString &part : std::as_const(parts))
        //: Joins the counts of a change summary: "118 new files, 3 changed"
        text = tr("%1, %2").arg(text, part);
    return text;
}

int ChangesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_files.size());
}

int ChangesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChangesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const GitFileStatus &file = m_files.at(index.row());
    const bool staged = file.staged != GitFileStatus::Change::None;
    const bool unstaged = file.unstaged != GitFileStatus::Change::None;
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == PathColumn ? file.path : describe(file);
    case Qt::ToolTipRole:
        return describe(file);
    case Qt::CheckStateRole:
        if (index.column() != PathColumn)
            return {};
        if (staged && unstaged)
            return Qt::PartiallyChecked;
        return staged ? Qt::Checked : Qt::Unchecked;
    case PathRole:
        return file.path;
    case StagedRole:
        return staged;
    case UnstagedRole:
        return unstaged;
    default:
        return {};
    }
}

bool ChangesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != PathColumn ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const bool stage = value.toInt() != Qt::Unchecked;
    Q_EMIT stageRequested(m_files.at(index.row()).path, stage);
    return true;
}

Qt::ItemFlags ChangesModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == PathColumn)
        result |= Qt::ItemIsUserCheckable;
    return result;
}

QVariant ChangesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PathColumn:
        return tr("File (check to stage)");
    case StatusColumn:
        return tr("Change");
    default:
        return {};
    }
}

} // namespace Fluxdesk
