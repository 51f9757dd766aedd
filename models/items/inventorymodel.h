#pragma once

#include "kube/classification.h"
#include "kube/resourcetype.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QString>

#include <memory>
#include <vector>

namespace Fluxdesk {

class ClusterSession;
class Inventory;

// The live objects as a tree: namespace -> kind -> object, with a "Cluster-scoped" group for
// objects without a namespace. Columns: name, ownership badge, object count (namespace and kind
// rows). Grows incrementally as objects arrive (rows inserted in sorted runs, replaced objects
// reported with dataChanged) so a 10,000-object load never resets the view. When the inventory
// holds Helm release records, a "Helm releases" group comes first with one row per current
// release (chart, version, revision; its status in the badge column).
class InventoryModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        BadgeColumn,
        CountColumn,
        ColumnCount
    };
    enum NodeType
    {
        NamespaceNode,
        KindNode,
        ObjectNode,
        ReleaseGroupNode, // "Helm releases"
        ReleaseNode       // one current Helm release
    };
    enum Role
    {
        NodeTypeRole = Qt::UserRole + 1, // NodeType
        ObjectKeyRole,                   // ObjectKey::toString() of object rows
        GroupRole,                       // kind and object rows
        KindRole,                        // kind and object rows
        NamespaceRole,                   // every row ("" for cluster-scoped)
        NameRole,                        // object rows: metadata.name
        OwnershipRole,                   // object rows: int(Ownership)
        ReasonRole,                      // object rows: Classification::reason
        LabelsRole,                      // object rows: metadata.labels as QJsonObject
        HiddenByDefaultRole,             // object rows: isHiddenByDefault(ownership)
        CountRole,                       // namespace and kind rows: objects below
        ChartRole,                       // release rows: chart name
        ChartVersionRole,                // release rows
        RevisionRole,                    // release rows: int
        StatusRole,                      // release rows: Helm's status ("deployed", "failed"...)
        K3sChartRole, // release rows: "ns/name" of the HelmChart K3s installs it from, or ""
    };
    Q_ENUM(NodeType)

    explicit InventoryModel(QObject *parent = nullptr);
    ~InventoryModel() override;

    // The inventory the keys refer to; it must outlive the model (or be replaced first).
    void setInventory(const Inventory *inventory);
    // Follows a session: reset on started(), grow on objectsAdded().
    void setSession(ClusterSession *session);

    // Adds or refreshes the objects with these keys (looked up in the inventory).
    void addObjects(const QList<ObjectKey> &keys);
    // Drops every row; addObjects() fills it again.
    void clear();
    // clear() and then every object of the inventory.
    void reload();

    int objectCount() const { return m_objectCount; }
    int releaseCount() const;
    // The row of a release (namespace, name); invalid when there is none.
    QModelIndex indexOfRelease(const QString &ns, const QString &name, int column = 0) const;
    // True (and ns/name set) for a release row of this model or of a proxy on it.
    static bool releaseAt(const QModelIndex &index, QString *ns, QString *name);
    QModelIndex indexOf(const ObjectKey &key, int column = 0) const;
    // The key of an object row of this model or of any proxy on it (empty key otherwise).
    static ObjectKey keyAt(const QModelIndex &index);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    // Object rows drag into the plan tree (PlanTreeModel's mime type): drop one on a folder to
    // plan it there.
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;

private:
    struct Node;
    using NodeList = std::vector<std::unique_ptr<Node>>;

    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOfNode(const Node *node, int column = 0) const;
    int rowOf(const Node *node) const;
    void insertSorted(Node *parent, NodeList nodes);
    void fillObject(Node *node, const ObjectKey &key) const;
    // Re-reads the inventory's releases into the group: rows inserted, changed or removed.
    void updateReleases();
    Node *releaseGroup() const;
    QVariant releaseData(const Node *node, int column, int role) const;

    const Inventory *m_inventory = nullptr;
    QPointer<ClusterSession> m_session;
    std::unique_ptr<Node> m_root;
    int m_objectCount = 0;
};

} // namespace Fluxdesk
