#pragma once

#include "flux/fluxkinds.h"
#include "flux/fluxobjectstatus.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QPointer>

#include <utility>

namespace Fluxdesk {

class FluxLiveState;

// The Flux view's tree: groups Sources, Kustomizations, HelmReleases and (where the Flux Operator
// runs) Flux instances, each object a row under its group, sorted by kind (sources in `flux get
// all`'s order), namespace and name. Follows a FluxLiveState: an added object is a row insert, a
// deleted one a row removal, a changed one dataChanged of its row (and of its group's summary);
// the model is never reset after the first fill, so a view keeps selection and scroll while 200
// objects change.
class FluxStatusModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        KindColumn,
        NamespaceColumn,
        StatusColumn,
        MessageColumn,
        RevisionColumn,
        LastAppliedColumn,
        ColumnCount
    };
    enum Role
    {
        ReadinessRole = Qt::UserRole + 1, // int(FluxReadiness), for a delegate's colour
        RefKeyRole,                       // FluxRef::key() of the row's object; empty on groups
        GroupRole,                        // int(FluxKind::Category) of the row or group
        IsGroupRole,                      // bool
        SuspendedRole,                    // bool
        LastAppliedRole,                  // QDateTime (UTC)
        ReasonRole                        // the deciding condition's reason
    };

    explicit FluxStatusModel(QObject *parent = nullptr);

    // Follows state from now on (rows for what it holds already); nullptr detaches.
    void setLiveState(const FluxLiveState *state);

    QModelIndex indexOf(const FluxRef &ref, int column = NameColumn) const;
    FluxRef refAt(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString sortKey;
        FluxObjectStatus status;
    };
    struct Group
    {
        FluxKind::Category category;
        QList<Row> rows;
    };

    void onChanged(const QList<FluxRef> &added, const QList<FluxRef> &updated,
                   const QList<FluxRef> &removed);
    void rebuild();
    void insertRow(const FluxObjectStatus &status);
    void removeRowOf(const FluxRef &ref);
    void updateRow(const FluxObjectStatus &status);
    // Where ref's row is (group position, row), or {-1, -1}.
    std::pair<int, int> locate(const FluxRef &ref) const;
    int groupPosition(FluxKind::Category category) const;
    int ensureGroup(FluxKind::Category category);
    void emitGroupChanged(int group);
    static QString sortKeyOf(const FluxObjectStatus &status);
    static FluxKind::Category categoryOf(const FluxObjectStatus &status);

    QPointer<const FluxLiveState> m_state;
    QList<Group> m_groups;
    QHash<QString, FluxKind::Category> m_categoryOf; // FluxRef::key() -> its group
};

} // namespace Fluxdesk
