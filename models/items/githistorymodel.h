#pragma once

#include "git/gitcommit.h"

#include <QAbstractTableModel>
#include <QList>

namespace Fluxdesk {

// The History view's list: one row per commit, newest first, as gitHistory() returns them.
class GitHistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        HashColumn,
        SubjectColumn,
        AuthorColumn,
        DateColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1, // the full commit id
        SummaryRole                // the message's first line
    };

    explicit GitHistoryModel(QObject *parent = nullptr);

    void setCommits(const QList<GitCommitInfo> &commits);
    const QList<GitCommitInfo> &commits() const { return m_commits; }
    GitCommitInfo commitAt(int row) const;
    int rowOfId(const QString &id) const; // -1 when absent

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<GitCommitInfo> m_commits;
};

} // namespace Fluxdesk
