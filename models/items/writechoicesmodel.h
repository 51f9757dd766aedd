#pragma once

#include "plan/planwriter.h"

#include <QAbstractItemModel>
#include <QSet>
#include <QString>
#include <QStringList>

#include <vector>

namespace Fluxdesk {

// What "Write plan" is about to do, and the user's choices about it: one group row per kind of
// file (New, Updated by the plan, Changed on disk, No longer planned; empty groups left out),
// the files below. Columns: the file and its action. A changed-on-disk file is replaced with
// the plan's version, and a file the plan no longer produces deleted, only when its action is
// ticked (Qt::CheckStateRole of the action column); those two groups tick or untick all their
// files at once and read partly checked when mixed. New and updated files are written anyway
// and have no box. acceptedPaths() and removedPaths() are writePlan's `accept` and `remove`.
class WriteChoicesModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        FileColumn,
        ActionColumn,
        ColumnCount
    };
    // Which group a row belongs to (the group rows and their files alike).
    enum class Group
    {
        New,
        Updated, // differing, but as Fluxdesk wrote them: replaced without asking
        Changed,
        Removable
    };
    Q_ENUM(Group)
    enum Role
    {
        PathRole = Qt::UserRole, // file rows: the file's relative path
        GroupRole,               // every row: int(Group)
    };

    explicit WriteChoicesModel(QObject *parent = nullptr);
    ~WriteChoicesModel() override;

    // Shows this preview with nothing ticked.
    void setPreview(const PlanWritePreview &preview);
    const PlanWritePreview &preview() const { return m_preview; }

    // The changed-on-disk files to replace with the plan's version (writePlan's `accept`).
    QSet<QString> acceptedPaths() const;
    // The no-longer-planned files to delete (writePlan's `remove`).
    QSet<QString> removedPaths() const;
    // Files that will be written (new, updated and accepted) and deleted.
    int writeCount() const;
    int deleteCount() const;

    // Ticks or unticks a changed or removable file; false for any other path.
    bool setChosen(const QString &path, bool chosen);
    QModelIndex indexOfPath(const QString &path, int column = FileColumn) const;
    QModelIndex indexOfGroup(Group group, int column = FileColumn) const;
    // The first file of the first non-empty group among these, in this order.
    QModelIndex firstFileOf(std::initializer_list<Group> groups) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    // A tick changed: acceptedPaths(), removedPaths() and the counts may differ.
    void choicesChanged();

private:
    struct File
    {
        QString path;
        bool chosen = false;
    };
    struct GroupRows
    {
        Group group;
        std::vector<File> files;
    };

    static bool isChoice(Group group)
    {
        return group == Group::Changed || group == Group::Removable;
    }
    QSet<QString> chosenPaths(Group group) const;
    Qt::CheckState groupState(const GroupRows &rows) const;
    QString groupTitle(const GroupRows &rows) const;
    QString groupToolTip(Group group) const;
    QString action(Group group) const;
    QVariant groupData(int row, int column, int role) const;
    QVariant fileData(const GroupRows &rows, int row, int column, int role) const;
    // Sets the ticks of these file rows of one group, with the signals for them and the group.
    void choose(int groupRow, int first, int last, bool chosen);

    PlanWritePreview m_preview;
    std::vector<GroupRows> m_groups; // non-empty ones, in Group order
};

} // namespace Fluxdesk
