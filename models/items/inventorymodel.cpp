#include "inventorymodel.h"
#include "inventorymodelnode.h"

#include "plantreemodel.h"

#include "helm/migrationguide.h"
#include "kube/clustersession.h"
#include "kube/inventory.h"

#include <QJsonValue>

#include <algorithm>
#include <map>

namespace Fluxdesk {

namespace {

// Cluster-scoped objects sort after every namespace.
QString namespaceSortKey(const QString &ns)
{
    return ns.isEmpty() ? QString(QChar(0xFFFF)) : ns;
}

QString kindSortKey(const QString &group, const QString &kind)
{
    return kind + QLatin1Char('\n') + group;
}

} // namespace

InventoryModel::InventoryModel(QObject *parent)
    : QAbstractItemModel(parent), m_root(std::make_unique<Node>())
{}

InventoryModel::~InventoryModel() = default;

void InventoryModel::setInventory(const Inventory *inventory)
{
    m_inventory = inventory;
    reload();
}

void InventoryModel::setSession(ClusterSession *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (!session) {
        setInventory(nullptr);
        return;
    }
    connect(session, &ClusterSession::started, this, &InventoryModel::clear);
    connect(session, &ClusterSession::objectsAdded, this, &InventoryModel::addObjects);
    setInventory(&session->inventory());
}

void InventoryModel::clear()
{
    if (m_root->children.empty())
        return;
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_objectCount = 0;
    endResetModel();
}

void InventoryModel::reload()
{
    clear();
    if (!m_inventory)
        return;
    QList<ObjectKey> keys;
    const auto entries = m_inventory->entries();
    keys.reserve(entries.size());
    for (const InventoryEntry *entry : entries)
        keys.append(entry->key);
    addObjects(keys);
}

void InventoryModel::fillObject(Node *node, const ObjectKey &key) const
{
    const InventoryEntry *entry = m_inventory ? m_inventory->find(key) : nullptr;
    if (!entry)
        return;
    node->ownership = entry->classification.ownership;
    node->reason = entry->classification.reason;
    node->helmRelease = entry->classification.helmRelease;
    node->labels = entry->labels; // shared with the entry, not decoded from the object
}

void InventoryModel::addObjects(const QList<ObjectKey> &keys)
{
    if (!m_inventory || keys.isEmpty())
        return;

    // New nodes are built complete (a new namespace with its kinds and objects) and inserted in
    // sorted runs under the deepest node that already exists: one beginInsertRows per run.
    std::map<Node *, NodeList> pending;   // existing parent -> new children (move-only values)
    QHash<QString, Node *> newNamespaces; // sortKey -> node waiting in pending[root]
    QHash<Node *, QHash<QString, Node *>> newKinds;       // namespace -> kinds waiting in pending
    QHash<Node *, QHash<QString, Node *>> pendingObjects; // existing kind -> new objects
    QList<Node *> changed;
    QList<Node *> counted; // existing namespace and kind nodes whose count changes
    bool releaseRecords = false;

    for (const ObjectKey &key : keys) {
        const InventoryEntry *entry = m_inventory->find(key);
        if (!entry)
            continue;
        releaseRecords = releaseRecords || m_inventory->isReleaseRecord(key);
        const QString nsKey = namespaceSortKey(key.ns);
        Node *nsNode = m_root->child(nsKey);
        bool nsIsNew = false;
        if (!nsNode) {
            nsNode = newNamespaces.value(nsKey);
            if (!nsNode) {
                auto node = std::make_unique<Node>();
                node->type = NamespaceNode;
                node->sortKey = nsKey;
                node->ns = key.ns;
                nsNode = node.get();
                newNamespaces.insert(nsKey, nsNode);
                pending[m_root.get()].push_back(std::move(node));
            }
            nsIsNew = true;
        }

        const QString kindKey = kindSortKey(key.group, key.kind);
        Node *kindNode = nsNode->child(kindKey);
        bool kindIsNew = nsIsNew;
        if (!kindNode) {
            kindNode = newKinds[nsNode].value(kindKey);
            if (!kindNode) {
                auto node = std::make_unique<Node>();
                node->type = KindNode;
                node->sortKey = kindKey;
                node->ns = key.ns;
                node->group = key.group;
                node->kind = key.kind;
                kindNode = node.get();
                newKinds[nsNode].insert(kindKey, kindNode);
                if (nsIsNew) {
                    kindNode->parent = nsNode;
                    nsNode->childByKey.insert(kindKey, kindNode);
                    nsNode->children.push_back(std::move(node));
                } else {
                    pending[nsNode].push_back(std::move(node));
                }
            }
            kindIsNew = true;
        }

        if (Node *existing = kindNode->child(key.name)) {
            fillObject(existing, key);
            if (!kindIsNew)
                changed.append(existing);
            continue;
        }
        // A key repeated within one batch is already waiting in pending.
        if (Node *waiting = pendingObjects.value(kindNode).value(key.name)) {
            fillObject(waiting, key);
            continue;
        }

        auto node = std::make_unique<Node>();
        node->type = ObjectNode;
        node->sortKey = key.name;
        node->ns = key.ns;
        node->group = key.group;
        node->kind = key.kind;
        node->name = key.name;
        fillObject(node.get(), key);
        ++nsNode->count;
        ++kindNode->count;
        ++m_objectCount;
        if (!nsIsNew && !counted.contains(nsNode))
            counted.append(nsNode);
        if (!kindIsNew && !counted.contains(kindNode))
            counted.append(kindNode);
        if (kindIsNew) {
            node->parent = kindNode;
            kindNode->childByKey.insert(key.name, node.get());
            kindNode->children.push_back(std::move(node));
        } else {
            pendingObjects[kindNode].insert(key.name, node.get());
            pending[kindNode].push_back(std::move(node));
        }
    }

    // Children of brand-new nodes were appended unsorted; sort them before they become visible.
    const auto sortChildren = [](Node *node) {
        std::sort(node->children.begin(), node->children.end(),
                  [](const auto &a, const auto &b) { return a->sortKey < b->sortKey; });
    };
    for (auto it = newKinds.cbegin(); it != newKinds.cend(); ++it) {
        for (Node *kind : it.value())
            sortChildren(kind);
    }
    for (Node *ns : std::as_const(newNamespaces))
        sortChildren(ns);

    // Parents first, so a namespace row exists before kinds are inserted below it.
    if (pending.count(m_root.get()))
        insertSorted(m_root.get(), std::move(pending[m_root.get()]));
    for (auto &[parent, nodes] : pending) {
        if (parent != m_root.get() && parent->type == NamespaceNode)
            insertSorted(parent, std::move(nodes));
    }
    for (auto &[parent, nodes] : pending) {
        if (parent->type == KindNode)
            insertSorted(parent, std::move(nodes));
    }

    for (Node *node : std::as_const(changed)) {
        emit dataChanged(indexOfNode(node, 0), indexOfNode(node, ColumnCount - 1));
    }
    for (Node *node : std::as_const(counted)) {
        const QModelIndex cell = indexOfNode(node, CountColumn);
        emit dataChanged(cell, cell, {Qt::DisplayRole, CountRole, Qt::ToolTipRole});
    }
    // Decoding every release again is only worth it when a release record arrived.
    if (releaseRecords)
        updateReleases();
}

void InventoryModel::insertSorted(Node *parent, NodeList nodes)
{
    if (nodes.empty())
        return;
    std::sort(nodes.begin(), nodes.end(),
              [](const auto &a, const auto &b) { return a->sortKey < b->sortKey; });
    const QModelIndex parentIndex = parent == m_root.get() ? QModelIndex() : indexOfNode(parent);
    auto &children = parent->children;
    const auto before = [](const std::unique_ptr<Node> &node, const QString &key) {
        return node->sortKey < key;
    };
    size_t first = 0;
    while (first < nodes.size()) {
        const auto pos =
            std::lower_bound(children.begin(), children.end(), nodes[first]->sortKey, before);
        const int row = int(pos - children.begin());
        // The run continues while the next new node still sorts before the existing one at pos.
        size_t last = first + 1;
        while (last < nodes.size() &&
               (pos == children.end() || nodes[last]->sortKey < (*pos)->sortKey))
            ++last;
        beginInsertRows(parentIndex, row, row + int(last - first) - 1);
        std::vector<std::unique_ptr<Node>> run;
        run.reserve(last - first);
        for (size_t i = first; i < last; ++i) {
            nodes[i]->parent = parent;
            parent->childByKey.insert(nodes[i]->sortKey, nodes[i].get());
            run.push_back(std::move(nodes[i]));
        }
        children.insert(children.begin() + row, std::make_move_iterator(run.begin()),
                        std::make_move_iterator(run.end()));
        endInsertRows();
        first = last;
    }
}

int InventoryModel::rowOf(const Node *node) const
{
    const auto &siblings = node->parent->children;
    const auto pos = std::lower_bound(
        siblings.begin(), siblings.end(), node->sortKey,
        [](const std::unique_ptr<Node> &n, const QString &key) { return n->sortKey < key; });
    Q_ASSERT(pos != siblings.end() && pos->get() == node);
    return int(pos - siblings.begin());
}

InventoryModel::Node *InventoryModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex InventoryModel::indexOfNode(const Node *node, int column) const
{
    if (!node || node == m_root.get() || !node->parent)
        return {};
    return createIndex(rowOf(node), column, const_cast<Node *>(node));
}

QModelIndex InventoryModel::indexOf(const ObjectKey &key, int column) const
{
    const Node *ns = m_root->child(namespaceSortKey(key.ns));
    const Node *kind = ns ? ns->child(kindSortKey(key.group, key.kind)) : nullptr;
    const Node *object = kind ? kind->child(key.name) : nullptr;
    return object ? indexOfNode(object, column) : QModelIndex();
}

Qt::ItemFlags InventoryModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractItemModel::flags(index);
    if (index.isValid() && index.data(NodeTypeRole).toInt() == ObjectNode)
        flags |= Qt::ItemIsDragEnabled;
    return flags;
}

QStringList InventoryModel::mimeTypes() const
{
    return {PlanTreeModel::mimeType()};
}

QMimeData *InventoryModel::mimeData(const QModelIndexList &indexes) const
{
    QList<ObjectKey> keys;
    for (const QModelIndex &index : indexes) {
        const ObjectKey key = keyAt(index);
        if (!key.name.isEmpty() && !keys.contains(key))
            keys.append(key);
    }
    return keys.isEmpty() ? nullptr : PlanTreeModel::mimeDataFor(keys);
}

Qt::DropActions InventoryModel::supportedDragActions() const
{
    // A copy: the live object stays in the cluster tree (a move would ask to remove the row).
    return Qt::CopyAction;
}

ObjectKey InventoryModel::keyAt(const QModelIndex &index)
{
    if (!index.isValid() || index.data(NodeTypeRole).toInt() != ObjectNode)
        return {};
    const QModelIndex first = index.siblingAtColumn(0);
    ObjectKey key;
    key.group = first.data(GroupRole).toString();
    key.kind = first.data(KindRole).toString();
    key.ns = first.data(NamespaceRole).toString();
    key.name = first.data(NameRole).toString();
    return key;
}

QModelIndex InventoryModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    const Node *node = nodeOf(parent);
    if (size_t(row) >= node->children.size())
        return {};
    return createIndex(row, column, node->children[size_t(row)].get());
}

QModelIndex InventoryModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *node = nodeOf(child);
    return node->parent == m_root.get() ? QModelIndex() : indexOfNode(node->parent);
}

int InventoryModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int InventoryModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool InventoryModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QVariant InventoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeOf(index);
    switch (role) {
    case NodeTypeRole:
        return int(node->type);
    case ObjectKeyRole:
        if (node->type != ObjectNode)
            return {};
        return ObjectKey{node->group, node->kind, node->ns, node->name}.toString();
    case GroupRole:
        return node->group;
    case KindRole:
        return node->kind;
    case NamespaceRole:
        return node->ns;
    case NameRole:
        return node->name;
    case OwnershipRole:
        return node->type == ObjectNode ? QVariant(int(node->ownership)) : QVariant();
    case ReasonRole:
        return node->reason;
    case LabelsRole:
        return node->type == ObjectNode ? QVariant(node->labels) : QVariant();
    case HiddenByDefaultRole:
        return node->type == ObjectNode && isHiddenByDefault(node->ownership);
    case CountRole:
        return node->type == ObjectNode || node->type == ReleaseNode ? QVariant()
                                                                     : QVariant(node->count);
    case ChartRole:
        return node->type == ReleaseNode ? QVariant(node->chart) : QVariant();
    case ChartVersionRole:
        return node->type == ReleaseNode ? QVariant(node->chartVersion) : QVariant();
    case RevisionRole:
        return node->type == ReleaseNode ? QVariant(node->revision) : QVariant();
    case StatusRole:
        return node->type == ReleaseNode ? QVariant(node->status) : QVariant();
    case K3sChartRole:
        return node->type == ReleaseNode ? QVariant(node->k3sChart) : QVariant();
    default:
        break;
    }

    if (node->type == ReleaseGroupNode || node->type == ReleaseNode)
        return releaseData(node, index.column(), role);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NameColumn:
            switch (node->type) {
            case NamespaceNode:
                return node->ns.isEmpty() ? tr("Cluster-scoped") : node->ns;
            case KindNode:
                return node->kind;
            case ObjectNode:
                return node->name;
            default:
                break;
            }
            break;
        case BadgeColumn:
            return node->type == ObjectNode ? ownershipBadge(node->ownership) : QString();
        case CountColumn:
            return node->type == ObjectNode ? QVariant() : QVariant(node->count);
        }
        return {};
    }
    if (role == Qt::ToolTipRole) {
        switch (node->type) {
        case NamespaceNode:
            return node->ns.isEmpty()
                       ? tr("Objects without a namespace: %1").arg(node->count)
                       : tr("Namespace %1, objects: %2").arg(node->ns).arg(node->count);
        case KindNode:
            return tr("%1, objects: %2")
                .arg(node->group.isEmpty() ? node->kind
                                           : node->group + QLatin1Char('/') + node->kind)
                .arg(node->count);
        case ObjectNode:
            if (node->helmRelease.isEmpty())
                return node->reason;
            return tr("%1\nHelm release: %2").arg(node->reason, node->helmRelease);
        default:
            break;
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == CountColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant InventoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case BadgeColumn:
            return tr("Who manages the object; hover over a badge for the reason");
        case CountColumn:
            return tr("Objects below the row; \"3 of 8\" when the filter hides some");
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case BadgeColumn:
        return tr("Owner");
    case CountColumn:
        return tr("Objects");
    }
    return {};
}

QHash<int, QByteArray> InventoryModel::roleNames() const
{
    auto names = QAbstractItemModel::roleNames();
    names.insert(NodeTypeRole, "nodeType");
    names.insert(ObjectKeyRole, "objectKey");
    names.insert(OwnershipRole, "ownership");
    names.insert(ReasonRole, "reason");
    names.insert(CountRole, "count");
    return names;
}

} // namespace Fluxdesk
