#pragma once

#include "git/gitstatus.h"

#include <QAbstractTableModel>
#include <QList>

namespace Fluxdesk {

// The Changes panel's list: one row per changed path with its status and a "staged" check box.
// Toggling the check box does not touch the index itself: it asks (stageRequested), and the
// panel refreshes the model from git's answer, so the list never shows a state git does not have.
class ChangesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        PathColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role
    {
        PathRole = Qt::UserRole + 1,
        StagedRole,  // bool: something of this path is staged
        UnstagedRole // bool: something of this path is not staged
    };

    explicit ChangesModel(QObject *parent = nullptr);

    void setFiles(const QList<GitFileStatus> &files);
    const QList<GitFileStatus> &files() const { return m_files; }
    GitFileStatus fileAt(int row) const;
    int rowOfPath(const QString &path) const;
    bool hasStaged() const;

    // "New", "Modified, staged", "Renamed from a.yaml"...
    static QString describe(const GitFileStatus &file);
    // What the list holds, counted by each row's change: "118 new files, 3 changed, 1 deleted";
    // "" for no files. Derived from the rows alone, so it can never disagree with the list.
    static QString summarize(const QList<GitFileStatus> &files);
    static QString changeName(GitFileStatus::Change change);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void stageRequested(const QString &path, bool stage);

private:
    QList<GitFileStatus> m_files;
};

} // namespace Fluxdesk
