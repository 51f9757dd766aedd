#pragma once

#include "flux/takeover.h"

#include <QAbstractItemModel>
#include <QList>

#include <memory>

namespace Fluxdesk {

// The takeover report as a tree: each converted Helm release a row with the objects it made as
// its children, each other migrated object a row of its own. Sorted danger first (a release by
// the worst verdict of itself and its objects), then warnings, not yet, adopted; within a
// severity releases before objects, then by name. Replaced whole by setReport().
class TakeoverModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        VerdictColumn,
        ObjectColumn,
        StateColumn,
        DetailColumn,
        FileColumn,
        ColumnCount
    };
    enum Role
    {
        SeverityRole = Qt::UserRole + 1, // int(TakeoverSeverity) of the row itself
        WorstSeverityRole,               // int(TakeoverSeverity), the row's and its children's
        IsReleaseRole,                   // bool
        FileRole,                        // the file that declares it, relative to the repository
        StateRole                        // int(TakeoverState)
    };

    explicit TakeoverModel(QObject *parent = nullptr);
    ~TakeoverModel() override;

    void setReport(const TakeoverReport &report);
    const TakeoverReport &report() const { return m_report; }
    // The verdict behind a row; null for an invalid index.
    const TakeoverItem *itemAt(const QModelIndex &index) const;
    // The row of an object (or of a release's HelmRelease), invalid when there is none.
    QModelIndex indexOf(const ObjectKey &key, int column = VerdictColumn) const;

    // "Danger", "Warning", "Not yet", "OK"
    static QString verdictText(TakeoverSeverity severity);
    // "release logging/loki", or the object's key as text.
    static QString subjectText(const TakeoverItem &item);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        TakeoverItem item;
        TakeoverSeverity worst = TakeoverSeverity::Ok;
        int row = 0;
        Node *parent = nullptr;
        QList<std::shared_ptr<Node>> children;
    };
    Node *nodeAt(const QModelIndex &index) const;
    static void sortNodes(QList<std::shared_ptr<Node>> &nodes);

    TakeoverReport m_report;
    QList<std::shared_ptr<Node>> m_roots;
};

} // namespace Fluxdesk
