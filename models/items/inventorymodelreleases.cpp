#include "inventorymodel.h"
#include "inventorymodelnode.h"

#include "helm/migrationguide.h"
#include "kube/inventory.h"

#include <algorithm>

// The "Helm releases" group of InventoryModel: one row per current release, kept in step with
// the inventory's release records.

namespace Fluxdesk {

namespace {

// No namespace sorts before the empty key, so the release group is always the first row.
QString releaseGroupSortKey()
{
    return QString();
}

QString releaseSortKey(const QString &ns, const QString &name)
{
    return ns + QLatin1Char('\n') + name;
}

} // namespace

InventoryModel::Node *InventoryModel::releaseGroup() const
{
    return m_root->child(releaseGroupSortKey());
}

int InventoryModel::releaseCount() const
{
    const Node *group = releaseGroup();
    return group ? int(group->children.size()) : 0;
}

void InventoryModel::updateReleases()
{
    const QList<HelmRelease> releases =
        m_inventory ? m_inventory->helmReleases() : QList<HelmRelease>();
    Node *group = releaseGroup();
    if (releases.isEmpty()) {
        if (group) {
            const int row = rowOf(group);
            beginRemoveRows({}, row, row);
            m_root->childByKey.remove(group->sortKey);
            m_root->children.erase(m_root->children.begin() + row);
            endRemoveRows();
        }
        return;
    }

    const auto fill = [](Node *node, const HelmRelease &release) {
        const bool changed =
            node->chart != release.chartName || node->chartVersion != release.chartVersion ||
            node->appVersion != release.appVersion || node->status != release.status ||
            node->revision != release.revision || node->k3sChart != release.installedByK3s;
        node->k3sChart = release.installedByK3s;
        node->chart = release.chartName;
        node->chartVersion = release.chartVersion;
        node->appVersion = release.appVersion;
        node->status = release.status;
        node->revision = release.revision;
        return changed;
    };
    const auto makeNode = [&fill](const HelmRelease &release) {
        auto node = std::make_unique<Node>();
        node->type = ReleaseNode;
        node->sortKey = releaseSortKey(release.ns, release.name);
        node->ns = release.ns;
        node->name = release.name;
        fill(node.get(), release);
        return node;
    };

    if (!group) {
        auto node = std::make_unique<Node>();
        node->type = ReleaseGroupNode;
        node->sortKey = releaseGroupSortKey();
        for (const HelmRelease &release : releases) {
            auto child = makeNode(release);
            child->parent = node.get();
            node->childByKey.insert(child->sortKey, child.get());
            node->children.push_back(std::move(child));
        }
        std::sort(node->children.begin(), node->children.end(),
                  [](const auto &a, const auto &b) { return a->sortKey < b->sortKey; });
        node->count = int(node->children.size());
        NodeList nodes;
        nodes.push_back(std::move(node));
        insertSorted(m_root.get(), std::move(nodes));
        return;
    }

    QHash<QString, const HelmRelease *> current;
    for (const HelmRelease &release : releases)
        current.insert(releaseSortKey(release.ns, release.name), &release);
    const QModelIndex groupIndex = indexOfNode(group);
    for (int row = int(group->children.size()) - 1; row >= 0; --row) {
        if (current.contains(group->children[size_t(row)]->sortKey))
            continue;
        beginRemoveRows(groupIndex, row, row);
        group->childByKey.remove(group->children[size_t(row)]->sortKey);
        group->children.erase(group->children.begin() + row);
        endRemoveRows();
    }
    NodeList added;
    for (auto it = current.cbegin(); it != current.cend(); ++it) {
        if (Node *existing = group->child(it.key())) {
            if (fill(existing, *it.value()))
                emit dataChanged(indexOfNode(existing, 0), indexOfNode(existing, ColumnCount - 1));
        } else {
            added.push_back(makeNode(*it.value()));
        }
    }
    insertSorted(group, std::move(added));
    if (group->count != int(group->children.size())) {
        group->count = int(group->children.size());
        const QModelIndex cell = indexOfNode(group, CountColumn);
        emit dataChanged(cell, cell, {Qt::DisplayRole, CountRole, Qt::ToolTipRole});
    }
}

QModelIndex InventoryModel::indexOfRelease(const QString &ns, const QString &name, int column) const
{
    const Node *group = releaseGroup();
    const Node *node = group ? group->child(releaseSortKey(ns, name)) : nullptr;
    return node ? indexOfNode(node, column) : QModelIndex();
}

bool InventoryModel::releaseAt(const QModelIndex &index, QString *ns, QString *name)
{
    if (!index.isValid() || index.data(NodeTypeRole).toInt() != ReleaseNode)
        return false;
    const QModelIndex first = index.siblingAtColumn(0);
    if (ns)
        *ns = first.data(NamespaceRole).toString();
    if (name)
        *name = first.data(NameRole).toString();
    return true;
}

QVariant InventoryModel::releaseData(const Node *node, int column, int role) const
{
    if (node->type == ReleaseGroupNode) {
        if (role == Qt::DisplayRole && column == NameColumn)
            return tr("Helm releases");
        if (role == Qt::DisplayRole && column == CountColumn)
            return node->count;
        if (role == Qt::ToolTipRole)
            return tr("Releases Helm installed (current revision of each): select one to see "
                      "its values and the Flux objects that adopt it");
        if (role == Qt::TextAlignmentRole && column == CountColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn)
            //: Release row: namespace/release · chart version · revision
            return tr("%1/%2 · %3 %4 · rev %5")
                .arg(node->ns, node->name, node->chart, node->chartVersion)
                .arg(node->revision);
        if (column == BadgeColumn)
            //: Release row badge: K3s installs and keeps this release
            return node->k3sChart.isEmpty() ? node->status : tr("K3s");
        return {};
    case Qt::ToolTipRole: {
        QString tip =
            tr("Helm release %1/%2\nChart %3 %4 (app %5), revision %6, %7")
                .arg(node->ns, node->name, node->chart, node->chartVersion, node->appVersion)
                .arg(node->revision)
                .arg(node->status);
        if (!node->k3sChart.isEmpty())
            tip += QLatin1Char('\n') +
                   tr("K3s installs it from its HelmChart %1 and keeps it itself: it is never "
                      "converted. Customise it with a HelmChartConfig.")
                       .arg(node->k3sChart);
        else if (node->status != QLatin1String("deployed"))
            tip += QLatin1Char('\n') +
                   tr("Not deployed: it is not converted until Helm finishes or rolls back.");
        tip += QStringLiteral("\n\n") + helmReleaseIdentityWarning();
        return tip;
    }
    default:
        return {};
    }
}

} // namespace Fluxdesk
