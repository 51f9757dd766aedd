#include "planpane.h"

#include "items/plantreemodel.h"
#include "plan/bulkdecisions.h"
#include "plan/plandecisions.h"
#include "plan/planner.h"

#include <QAction>
#include <QEvent>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QTreeView>

#include <algorithm>

// PlanPane's actions on the selection: exclude, rename, move, include, and the context menu and
// keys (Delete, F2) that offer them.

namespace Fluxdesk {

namespace {

bool isSecretKey(const ObjectKey &key)
{
    return key.group.isEmpty() && key.kind == QLatin1String("Secret");
}

} // namespace

QList<ObjectKey> PlanPane::selectedPlannedObjects() const
{
    QList<ObjectKey> objects;
    for (const QModelIndex &index : selectedRows()) {
        if (index.data(PlanTreeModel::NodeTypeRole).toInt() != PlanTreeModel::File)
            continue;
        for (const ObjectKey &key : m_model->movableObjectsAt(index)) {
            if (!objects.contains(key))
                objects.append(key);
        }
    }
    return objects;
}

QList<ObjectKey> PlanPane::selectedIncludableObjects() const
{
    QList<ObjectKey> objects;
    for (const QModelIndex &index : selectedRows()) {
        if (!index.data(PlanTreeModel::IncludableRole).toBool())
            continue;
        for (const ObjectKey &key : m_model->objectsAt(index)) {
            if (!objects.contains(key))
                objects.append(key);
        }
    }
    return objects;
}

void PlanPane::excludeSelection()
{
    const QList<ObjectKey> objects = selectedPlannedObjects();
    if (!objects.isEmpty())
        emit excludeRequested(objects);
}

void PlanPane::renameSelection()
{
    const QModelIndexList rows = selectedRows();
    if (rows.size() != 1)
        return;
    const QList<ObjectKey> objects = selectedPlannedObjects();
    if (objects.size() != 1)
        return;
    const QString path = rows.first().data(PlanTreeModel::PathRole).toString();
    bool ok = false;
    const QString newPath =
        QInputDialog::getText(this, tr("Rename File"),
                              tr("New path in the repository (under infrastructure/ or "
                                 "workloads/, ending in .yaml):"),
                              QLineEdit::Normal, path, &ok)
            .trimmed();
    if (!ok || newPath == path)
        return;
    if (!isPlaceablePath(newPath)) {
        // Say why instead of silently ignoring the wish.
        QMessageBox::warning(this, tr("Rename File"),
                             tr("%1 is not a place for an object: use a .yaml file under "
                                "infrastructure/ or workloads/ (not kustomization.yaml).")
                                 .arg(newPath));
        return;
    }
    emit renameRequested(objects.first(), newPath);
}

void PlanPane::moveSelection()
{
    QList<ObjectKey> objects = selectedPlannedObjects();
    for (const ObjectKey &key : selectedIncludableObjects())
        objects.append(key);
    if (objects.isEmpty())
        return;
    const QStringList folders = m_model->placeableFolders();
    const QModelIndexList rows = selectedRows();
    const QString currentFolder = rows.isEmpty() ? QString() : m_model->dropFolderAt(rows.first());
    bool ok = false;
    const QString folder =
        QInputDialog::getItem(this, tr("Move to Folder"),
                              tr("Folder under infrastructure/ or workloads/ (a new one is "
                                 "created):"),
                              folders, std::max(0, int(folders.indexOf(currentFolder))), true, &ok)
            .trimmed();
    QString f = folder;
    while (f.endsWith(QLatin1Char('/')))
        f.chop(1);
    if (!ok || f.isEmpty() || !isPlaceablePath(f + QLatin1String("/object.yaml")))
        return;
    emit moveRequested(objects, f);
}

QMenu *PlanPane::createContextMenu(QWidget *parent)
{
    const QModelIndexList rows = selectedRows();
    if (rows.isEmpty())
        return nullptr;
    auto *menu = new QMenu(parent);
    const QModelIndex first = rows.first();
    const bool singleFile =
        rows.size() == 1 && first.data(PlanTreeModel::NodeTypeRole).toInt() == PlanTreeModel::File;
    if (singleFile) {
        const QString path = first.data(PlanTreeModel::PathRole).toString();
        auto *open = menu->addAction(tr("Open in Editor"));
        open->setObjectName(QStringLiteral("openInEditorAction"));
        connect(open, &QAction::triggered, this, [this, path] { emit fileActivated(path); });
        if (first.data(PlanTreeModel::FileStatusRole).toInt() == int(FileStatus::Differs)) {
            auto *diff = menu->addAction(tr("Show Diff"));
            diff->setObjectName(QStringLiteral("showDiffAction"));
            connect(diff, &QAction::triggered, this, [this, path] { emit diffRequested(path); });
        }
    }
    const QList<ObjectKey> planned = selectedPlannedObjects();
    const QList<ObjectKey> includable = selectedIncludableObjects();
    if (!planned.isEmpty() || !includable.isEmpty()) {
        if (!menu->isEmpty())
            menu->addSeparator();
        auto *move = menu->addAction(tr("Move to Folder…"));
        move->setObjectName(QStringLiteral("moveAction"));
        connect(move, &QAction::triggered, this, &PlanPane::moveSelection);
    }
    if (singleFile && planned.size() == 1) {
        auto *rename = menu->addAction(tr("Rename File…"));
        rename->setObjectName(QStringLiteral("renameAction"));
        rename->setShortcut(QKeySequence(Qt::Key_F2));
        connect(rename, &QAction::triggered, this, &PlanPane::renameSelection);
    }
    if (!planned.isEmpty()) {
        auto *exclude = menu->addAction(tr("Exclude from Plan"));
        exclude->setObjectName(QStringLiteral("excludeAction"));
        exclude->setShortcut(QKeySequence(QKeySequence::Delete));
        connect(exclude, &QAction::triggered, this, &PlanPane::excludeSelection);
        addRuleActions(menu, planned);
    }
    if (!includable.isEmpty()) {
        const bool allSecrets = std::all_of(includable.begin(), includable.end(), isSecretKey);
        const bool anySecret = std::any_of(includable.begin(), includable.end(), isSecretKey);
        // Including a Secret writes its data unencrypted: the action says so.
        const QString text = allSecrets  ? tr("Include as Plain Text")
                             : anySecret ? tr("Include in Plan (Secrets as Plain Text)")
                                         : tr("Include in Plan");
        auto *include = menu->addAction(text);
        include->setObjectName(QStringLiteral("includeAction"));
        connect(include, &QAction::triggered, this,
                [this, includable] { emit includeRequested(includable); });
    }
    if (menu->isEmpty()) {
        delete menu;
        return nullptr;
    }
    return menu;
}

void PlanPane::addRuleActions(QMenu *menu, const QList<ObjectKey> &planned)
{
    // Offered when the selection is of one kind, or of one namespace: the rule leaves out every
    // object like it, in one line of .fluxdesk/plan.yaml.
    const ObjectKey &first = planned.first();
    const bool oneKind = std::all_of(planned.begin(), planned.end(), [&first](const ObjectKey &k) {
        return k.group == first.group && k.kind == first.kind;
    });
    const bool oneNamespace = std::all_of(
        planned.begin(), planned.end(), [&first](const ObjectKey &k) { return k.ns == first.ns; });
    const QString rule = kindRuleName(first.group, first.kind);
    if (oneKind && isKindRuleName(rule)) {
        const QString label =
            first.group.isEmpty() ? first.kind : tr("%1 (%2)").arg(first.kind, first.group);
        auto *action = menu->addAction(tr("Exclude Every %1 in All Namespaces").arg(label));
        action->setObjectName(QStringLiteral("excludeKindAction"));
        action->setToolTip(tr("Adds %1 to exclude.kinds in %2").arg(rule, planDecisionsPath()));
        connect(action, &QAction::triggered, this,
                [this, rule] { emit kindRuleRequested(rule, true); });
    }
    if (oneNamespace && isValidClusterName(first.ns)) {
        const QString ns = first.ns;
        auto *action = menu->addAction(tr("Exclude Namespace %1").arg(ns));
        action->setObjectName(QStringLiteral("excludeNamespaceAction"));
        action->setToolTip(tr("Adds %1 to exclude.namespaces in %2").arg(ns, planDecisionsPath()));
        connect(action, &QAction::triggered, this,
                [this, ns] { emit namespaceRuleRequested(ns, true); });
    }
}

void PlanPane::showContextMenu(const QPoint &pos)
{
    QMenu *menu = createContextMenu(this);
    if (!menu)
        return;
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(m_tree->viewport()->mapToGlobal(pos));
}

bool PlanPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tree && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Delete && key->modifiers() == Qt::NoModifier) {
            excludeSelection();
            return true;
        }
        if (key->key() == Qt::Key_F2 && key->modifiers() == Qt::NoModifier) {
            renameSelection();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Fluxdesk
