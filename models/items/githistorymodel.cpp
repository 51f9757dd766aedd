#include "githistorymodel.h"

#include <QLocale>

namespace Fluxdesk {

GitHistoryModel::GitHistoryModel(QObject *parent) : QAbstractTableModel(parent) {}

void GitHistoryModel::setCommits(const QList<GitCommitInfo> &commits)
{
    beginResetModel();
    m_commits = commits;
    endResetModel();
}

GitCommitInfo GitHistoryModel::commitAt(int row) const
{
    return row >= 0 && row < m_commits.size() ? m_commits.at(row) : GitCommitInfo();
}

int GitHistoryModel::rowOfId(const QString &id) const
{
    if (id.isEmpty())
        return -1;
    for (int row = 0; row < m_commits.size(); ++row) {
        if (m_commits.at(row).id == id)
            return row;
    }
    return -1;
}

int GitHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_commits.size());
}

int GitHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GitHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const GitCommitInfo &commit = m_commits.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case HashColumn:
            return commit.shortId;
        case SubjectColumn:
            return commit.summary;
        case AuthorColumn:
            return commit.author;
        case DateColumn:
            return QLocale().toString(commit.time.toLocalTime(), QLocale::ShortFormat);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case HashColumn:
            return commit.id;
        case AuthorColumn:
            return commit.email;
        case DateColumn:
            return QLocale().toString(commit.time, QLocale::LongFormat);
        default:
            return commit.message.trimmed();
        }
    case IdRole:
        return commit.id;
    case SummaryRole:
        return commit.summary;
    default:
        return {};
    }
}

QVariant GitHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case HashColumn:
        //: History column: the commit's short hash
        return tr("Commit");
    case SubjectColumn:
        return tr("Message");
    case AuthorColumn:
        return tr("Author");
    case DateColumn:
        return tr("Date");
    default:
        return {};
    }
}

} // namespace Fluxdesk
