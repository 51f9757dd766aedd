#include "clusterpane.h"

#include "items/inventoryfiltermodel.h"
#include "items/inventorymodel.h"
#include "plan/bulkdecisions.h"
#include "plan/placement.h"

#include <QAction>
#include <QMenu>
#include <QTreeView>

#include <algorithm>

// ClusterPane's bulk decisions: its context menu excludes or includes the selected objects, every
// object of a kind (in every namespace) or a whole namespace, as rules in .fluxdesk/plan.yaml.

namespace Fluxdesk {

namespace {

bool isSecretKey(const ObjectKey &key)
{
    return key.group.isEmpty() && key.kind == QLatin1String("Secret");
}

// "ConfigMap", or "Deployment (apps)" where the group tells kinds of one name apart.
QString kindLabel(const QString &group, const QString &kind)
{
    return group.isEmpty() ? kind : ClusterPane::tr("%1 (%2)").arg(kind, group);
}

} // namespace

void ClusterPane::setPlanDecisions(const PlanDecisions &decisions, bool hasPlan)
{
    m_decisions = decisions;
    m_hasPlan = hasPlan;
}

QList<ObjectKey> ClusterPane::selectedObjects() const
{
    QModelIndexList rows = m_tree->selectionModel()->selectedRows(0);
    std::sort(rows.begin(), rows.end(), [this](const QModelIndex &a, const QModelIndex &b) {
        return m_tree->visualRect(a).top() < m_tree->visualRect(b).top();
    });
    QList<ObjectKey> keys;
    for (const QModelIndex &row : std::as_const(rows)) {
        ObjectKey key = InventoryModel::keyAt(row);
        QString ns;
        QString name;
        if (key.kind.isEmpty() && InventoryModel::releaseAt(row, &ns, &name))
            key = ObjectKey{QStringLiteral("helm.toolkit.fluxcd.io"), QStringLiteral("HelmRelease"),
                            ns, name};
        if (!key.kind.isEmpty() && !keys.contains(key))
            keys.append(key);
    }
    return keys;
}

QMenu *ClusterPane::createContextMenu(QWidget *parent)
{
    auto *menu = new QMenu(parent);
    // The tree's own actions (the window's Open Object in Editor) come first.
    menu->addActions(m_tree->actions());
    if (!m_hasPlan) {
        if (menu->isEmpty()) {
            delete menu;
            return nullptr;
        }
        return menu;
    }
    if (!menu->isEmpty())
        menu->addSeparator();
    const PlanDecisions &d = m_decisions;
    const auto excludedByUser = [&d](const ObjectKey &key) {
        return d.excluded.contains(key) || d.excludesByRule(key);
    };

    const QList<ObjectKey> selected = selectedObjects();
    const bool anyPlanned = std::any_of(selected.begin(), selected.end(),
                                        [&](const ObjectKey &k) { return !excludedByUser(k); });
    if (anyPlanned) {
        auto *exclude = menu->addAction(
            selected.size() == 1 ? tr("Exclude from Plan")
                                 : tr("Exclude %1 Objects from Plan").arg(selected.size()));
        exclude->setObjectName(QStringLiteral("clusterExcludeAction"));
        connect(exclude, &QAction::triggered, this,
                [this, selected] { emit excludeRequested(selected); });
    }
    // Including is offered for objects the user left out, and for Secrets (which stay out until
    // included by name: their data lands in Git as plain text).
    QList<ObjectKey> includable;
    for (const ObjectKey &key : selected) {
        if (excludedByUser(key) || (isSecretKey(key) && !d.included.contains(key)))
            includable.append(key);
    }
    if (!includable.isEmpty()) {
        const bool anySecret = std::any_of(includable.begin(), includable.end(), isSecretKey);
        auto *include = menu->addAction(anySecret ? tr("Include in Plan (Secrets as Plain Text)")
                                                  : tr("Include in Plan"));
        include->setObjectName(QStringLiteral("clusterIncludeAction"));
        connect(include, &QAction::triggered, this,
                [this, includable] { emit includeRequested(includable); });
    }

    // The current row's kind and namespace, as rules.
    const QModelIndex current = m_tree->currentIndex().siblingAtColumn(0);
    const int type = current.data(InventoryModel::NodeTypeRole).toInt();
    QString group;
    QString kind;
    if (current.isValid() &&
        (type == InventoryModel::KindNode || type == InventoryModel::ObjectNode)) {
        group = current.data(InventoryModel::GroupRole).toString();
        kind = current.data(InventoryModel::KindRole).toString();
    } else if (current.isValid() && type == InventoryModel::ReleaseNode) {
        group = QStringLiteral("helm.toolkit.fluxcd.io");
        kind = QStringLiteral("HelmRelease");
    }
    const QString rule = kindRuleName(group, kind);
    if (!kind.isEmpty() && isKindRuleName(rule)) {
        menu->addSeparator();
        if (!d.excludedKinds.contains(rule)) {
            auto *action = menu->addAction(
                tr("Exclude Every %1 in All Namespaces").arg(kindLabel(group, kind)));
            action->setObjectName(QStringLiteral("clusterExcludeKindAction"));
            action->setToolTip(tr("Adds %1 to exclude.kinds in %2").arg(rule, planDecisionsPath()));
            connect(action, &QAction::triggered, this,
                    [this, rule] { emit kindRuleRequested(rule, true); });
        }
        const bool anyExcluded =
            d.excludedKinds.contains(rule) ||
            std::any_of(d.excluded.begin(), d.excluded.end(),
                        [&rule](const ObjectKey &k) { return kindRuleCovers(rule, k); });
        if (anyExcluded) {
            auto *action = menu->addAction(
                tr("Include Every %1 in All Namespaces").arg(kindLabel(group, kind)));
            action->setObjectName(QStringLiteral("clusterIncludeKindAction"));
            connect(action, &QAction::triggered, this,
                    [this, rule] { emit kindRuleRequested(rule, false); });
        }
    }
    QString ns = current.data(InventoryModel::NamespaceRole).toString();
    if (ns.isEmpty() && type == InventoryModel::ObjectNode && kind == QLatin1String("Namespace") &&
        group.isEmpty())
        ns = current.data(InventoryModel::NameRole).toString();
    if (!ns.isEmpty() && isValidClusterName(ns)) {
        if (kind.isEmpty())
            menu->addSeparator();
        if (!d.excludedNamespaces.contains(ns)) {
            auto *action = menu->addAction(tr("Exclude Namespace %1").arg(ns));
            action->setObjectName(QStringLiteral("clusterExcludeNamespaceAction"));
            action->setToolTip(
                tr("Adds %1 to exclude.namespaces in %2").arg(ns, planDecisionsPath()));
            connect(action, &QAction::triggered, this,
                    [this, ns] { emit namespaceRuleRequested(ns, true); });
        }
        const bool anyExcluded =
            d.excludedNamespaces.contains(ns) ||
            std::any_of(d.excluded.begin(), d.excluded.end(),
                        [&ns](const ObjectKey &k) { return namespaceRuleCovers(ns, k); });
        if (anyExcluded) {
            auto *action = menu->addAction(tr("Include Namespace %1").arg(ns));
            action->setObjectName(QStringLiteral("clusterIncludeNamespaceAction"));
            connect(action, &QAction::triggered, this,
                    [this, ns] { emit namespaceRuleRequested(ns, false); });
        }
    }
    const QList<QAction *> actions = menu->actions();
    if (std::all_of(actions.cbegin(), actions.cend(),
                    [](const QAction *a) { return a->isSeparator(); })) {
        delete menu;
        return nullptr;
    }
    return menu;
}

void ClusterPane::showContextMenu(const QPoint &pos)
{
    QMenu *menu = createContextMenu(this);
    if (!menu)
        return;
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(m_tree->viewport()->mapToGlobal(pos));
}

} // namespace Fluxdesk
