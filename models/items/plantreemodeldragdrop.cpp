#include "plantreemodel.h"
#include "plantreemodelnode.h"

#include <QMimeData>

// PlanTreeModel's drag and drop: the object list it carries (also from the cluster tree), where
// a drop lands (a placeable folder, or Excluded) and the move or exclusion it asks for.

namespace Fluxdesk {

using namespace PlanTreeDetail;

QString PlanTreeModel::mimeType()
{
    return objectsMime;
}

QMimeData *PlanTreeModel::mimeDataFor(const QList<ObjectKey> &keys)
{
    QStringList lines;
    lines.reserve(keys.size());
    for (const ObjectKey &key : keys)
        lines.append(key.toString());
    auto *mime = new QMimeData;
    mime->setData(objectsMime, lines.join(QLatin1Char('\n')).toUtf8());
    return mime;
}

QList<ObjectKey> PlanTreeModel::objectsFromMime(const QMimeData *mime)
{
    QList<ObjectKey> keys;
    if (!mime || !mime->hasFormat(objectsMime))
        return keys;
    const QStringList lines =
        QString::fromUtf8(mime->data(objectsMime)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        ObjectKey key;
        if (objectKeyFromString(line.trimmed(), &key) && !keys.contains(key))
            keys.append(key);
    }
    return keys;
}

bool PlanTreeModel::objectKeyFromString(const QString &text, ObjectKey *key)
{
    // Kubernetes names, namespaces, kinds and groups hold neither spaces nor '/', so the two
    // halves of "group/Kind ns/name" split unambiguously.
    const QStringList halves = text.split(QLatin1Char(' '));
    if (halves.size() != 2)
        return false;
    const QStringList type = halves.at(0).split(QLatin1Char('/'));
    const QStringList name = halves.at(1).split(QLatin1Char('/'));
    if (type.size() > 2 || name.size() > 2)
        return false;
    ObjectKey k;
    k.group = type.size() == 2 ? type.at(0) : QString();
    k.kind = type.last();
    k.ns = name.size() == 2 ? name.at(0) : QString();
    k.name = name.last();
    if (k.kind.isEmpty() || k.name.isEmpty() || (type.size() == 2 && k.group.isEmpty()) ||
        (name.size() == 2 && k.ns.isEmpty()))
        return false;
    *key = k;
    return true;
}

Qt::ItemFlags PlanTreeModel::flags(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    if (!node)
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (!node->movable.isEmpty())
        f |= Qt::ItemIsDragEnabled;
    bool excluded = false;
    if (!dropTarget(index, &excluded).isEmpty() || excluded)
        f |= Qt::ItemIsDropEnabled;
    return f;
}

QStringList PlanTreeModel::mimeTypes() const
{
    return {mimeType()};
}

QMimeData *PlanTreeModel::mimeData(const QModelIndexList &indexes) const
{
    QList<ObjectKey> keys;
    for (const QModelIndex &index : indexes) {
        for (const ObjectKey &key : movableObjectsAt(index)) {
            if (!keys.contains(key))
                keys.append(key);
        }
    }
    return keys.isEmpty() ? nullptr : mimeDataFor(keys);
}

Qt::DropActions PlanTreeModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions PlanTreeModel::supportedDropActions() const
{
    // Copy: drags from the cluster tree, which keeps its rows.
    return Qt::MoveAction | Qt::CopyAction;
}

QString PlanTreeModel::dropTarget(const QModelIndex &parent, bool *excluded) const
{
    *excluded = false;
    const Node *node = nodeOf(parent);
    if (!node)
        return {};
    switch (node->type) {
    case Folder:
        return isUnderPlaceableRoot(node->path) ? node->path : QString();
    case File: {
        const QString folder = RepoPath::folderOf(node->path);
        return isUnderPlaceableRoot(folder) ? folder : QString();
    }
    case ExcludedGroup:
    case ExcludedObject:
        *excluded = true;
        return {};
    case Bootstrap:
        return {};
    }
    return {};
}

QString PlanTreeModel::dropFolderAt(const QModelIndex &index) const
{
    bool excluded = false;
    return dropTarget(index, &excluded);
}

bool PlanTreeModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                    const QModelIndex &parent) const
{
    if (!(action & (Qt::MoveAction | Qt::CopyAction)))
        return false;
    if (!data || !data->hasFormat(objectsMime))
        return false;
    bool excluded = false;
    const QString folder = dropTarget(parent, &excluded);
    if (folder.isEmpty() && !excluded)
        return false;
    return !objectsFromMime(data).isEmpty();
}

bool PlanTreeModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                 const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    bool excluded = false;
    const QString folder = dropTarget(parent, &excluded);
    const QList<ObjectKey> dropped = objectsFromMime(data);
    QList<ObjectKey> keys;
    for (const ObjectKey &key : dropped) {
        const QModelIndex current = indexForObject(key);
        const Node *node = nodeOf(current);
        if (excluded) {
            // Already excluded: nothing to do.
            if (!node || node->type != ExcludedObject)
                keys.append(key);
        } else if (!node || node->type != File || RepoPath::folderOf(node->path) != folder) {
            keys.append(key); // dropping where it already lies changes nothing
        }
    }
    if (keys.isEmpty())
        return false;
    if (excluded)
        emit excludeRequested(keys);
    else
        emit moveRequested(keys, folder);
    return true;
}

} // namespace Fluxdesk
