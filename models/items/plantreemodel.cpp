#include "plantreemodel.h"
#include "plantreemodelnode.h"

#include "flux/fluxkinds.h"
#include "manifest/yamljson.h"
#include "plan/planner.h"

#include <QJsonObject>
#include <QMimeData>
#include <QSet>

#include <algorithm>

namespace Fluxdesk {

using namespace PlanTreeDetail;

namespace {

// The key of the object a file renders (a HelmRelease's own key, a minimal Namespace): what
// PlanOptions::placements is keyed by. Only a few files need this, so parsing is affordable.
bool renderedKey(const QJsonObject &object, ObjectKey *key)
{
    *key = ObjectKey::of(object);
    return !key->kind.isEmpty() && !key->name.isEmpty();
}

bool renderedKey(const QString &text, ObjectKey *key)
{
    const Result<QJsonValue> value = parseYamlValue(text.toUtf8(), QStringLiteral("plan"));
    return value && value->isObject() && renderedKey(value->toObject(), key);
}

// The documents of a file Fluxdesk renders (HelmRelease, source, Flux Kustomization files).
QList<QJsonObject> renderedObjects(const QString &text)
{
    QList<QJsonObject> objects;
    const Result<QList<YamlDocument>> documents =
        parseYamlDocuments(text.toUtf8(), QStringLiteral("plan"));
    if (!documents)
        return objects;
    for (const YamlDocument &document : *documents) {
        if (document.value.isObject())
            objects.append(document.value.toObject());
    }
    return objects;
}

// The Flux objects among keys (each once, in order).
QList<FluxRef> fluxRefsOf(const QList<ObjectKey> &keys)
{
    QList<FluxRef> refs;
    for (const ObjectKey &key : keys) {
        if (!FluxKinds::find(key.group, key.kind))
            continue;
        const FluxRef ref{key.group, key.kind, key.ns, key.name};
        if (!refs.contains(ref))
            refs.append(ref);
    }
    return refs;
}

// The Helm release a HelmRelease adopts, where helm-controller looks for it: "<storage
// namespace>/<release name>" (Flux's defaults: the HelmRelease's namespace; its name, prefixed by
// the target namespace when there is one).
QString adoptedRelease(const QJsonObject &helmRelease)
{
    const QJsonObject metadata = helmRelease.value(QLatin1String("metadata")).toObject();
    const QJsonObject spec = helmRelease.value(QLatin1String("spec")).toObject();
    const QString name = metadata.value(QLatin1String("name")).toString();
    const QString target = spec.value(QLatin1String("targetNamespace")).toString();
    QString storage = spec.value(QLatin1String("storageNamespace")).toString();
    if (storage.isEmpty())
        storage = metadata.value(QLatin1String("namespace")).toString();
    QString release = spec.value(QLatin1String("releaseName")).toString();
    if (release.isEmpty())
        release = target.isEmpty() ? name : target + QLatin1Char('-') + name;
    return storage.isEmpty() || release.isEmpty() ? QString()
                                                  : storage + QLatin1Char('/') + release;
}

// Why-groups under "Excluded", in the order a user scans them: their own decisions first.
const Ownership excludedOrder[] = {
    Ownership::UserManaged, Ownership::HelmManaged,     Ownership::HelmReleaseRecord,
    Ownership::FluxManaged, Ownership::ControllerOwned, Ownership::Generated,
    Ownership::System,      Ownership::ReadOnly};

} // namespace

PlanTreeModel::PlanTreeModel(QObject *parent) : QAbstractItemModel(parent)
{
    m_nodes.emplace_back();
}

PlanTreeModel::~PlanTreeModel() = default;

bool PlanTreeModel::isEmpty() const
{
    return m_nodes.size() <= 1;
}

int PlanTreeModel::addNode(Node node)
{
    const int id = int(m_nodes.size());
    Node &parent = m_nodes[size_t(node.parent)];
    node.row = int(parent.children.size());
    parent.children.push_back(id);
    m_nodes.push_back(std::move(node));
    return id;
}

int PlanTreeModel::folderNode(const QString &path)
{
    if (path.isEmpty())
        return 0;
    const auto it = m_byPath.constFind(path);
    if (it != m_byPath.constEnd())
        return it.value();
    Node node;
    node.type = Folder;
    node.parent = folderNode(RepoPath::folderOf(path));
    node.name = RepoPath::baseName(path);
    node.path = path;
    const int id = addNode(std::move(node));
    m_byPath.insert(path, id);
    return id;
}

void PlanTreeModel::sortChildren(int id)
{
    std::vector<int> &children = m_nodes[size_t(id)].children;
    const auto rank = [this](int n) { return m_nodes[size_t(n)].type == File ? 1 : 0; };
    std::sort(children.begin(), children.end(), [this, &rank](int a, int b) {
        const int ra = rank(a), rb = rank(b);
        if (ra != rb)
            return ra < rb;
        return m_nodes[size_t(a)].name < m_nodes[size_t(b)].name;
    });
    for (size_t i = 0; i < children.size(); ++i) {
        m_nodes[size_t(children[i])].row = int(i);
        sortChildren(children[i]);
    }
}

void PlanTreeModel::aggregate(int id)
{
    Node &node = m_nodes[size_t(id)];
    if (node.type != Folder) {
        node.differing = node.status == int(FileStatus::Differs) ? 1 : 0;
        node.planned = node.status == int(FileStatus::Planned) ? 1 : 0;
        node.onDiskOnly = node.status == int(FileStatus::OnDiskOnly) ? 1 : 0;
        return;
    }
    int differing = 0, planned = 0, onDiskOnly = 0;
    for (const int child : node.children) {
        aggregate(child);
        const Node &c = m_nodes[size_t(child)];
        differing += c.differing;
        planned += c.planned;
        onDiskOnly += c.onDiskOnly;
    }
    Node &n = m_nodes[size_t(id)];
    n.differing = differing;
    n.planned = planned;
    n.onDiskOnly = onDiskOnly;
}

void PlanTreeModel::clear()
{
    beginResetModel();
    m_nodes.clear();
    m_nodes.emplace_back();
    m_byPath.clear();
    m_byObject.clear();
    m_byRelease.clear();
    m_byFluxRef.clear();
    m_cluster.clear();
    m_counts = {};
    endResetModel();
}

void PlanTreeModel::setPlan(const Plan &plan, const QList<FileState> &states)
{
    beginResetModel();
    m_nodes.clear();
    m_nodes.emplace_back();
    m_nodes.reserve(size_t(states.size() + plan.excluded.size()) * 5 / 4 + 16);
    m_byPath.clear();
    m_byObject.clear();
    m_byRelease.clear();
    m_byFluxRef.clear();
    m_cluster = plan.cluster;
    m_counts = {};
    m_byPath.reserve(int(states.size()) * 5 / 4);
    m_byObject.reserve(int(states.size() + plan.excluded.size()));

    QSet<ObjectKey> migrated;
    for (const FileState &state : states) {
        Node node;
        node.type = File;
        node.path = state.path;
        node.name = RepoPath::baseName(state.path);
        node.status = int(state.status);
        node.parent = folderNode(RepoPath::folderOf(state.path));
        if (state.status == FileStatus::Differs)
            ++m_counts.differingFiles;
        else if (state.status == FileStatus::OnDiskOnly)
            ++m_counts.onDiskOnly;
        QString release;
        if (const PlannedFile *file = state.file) {
            node.kindId = plannedFileKindId(file->kind);
            node.objects = file->objects;
            node.plainTextSecret = file->plainTextSecret;
            node.encrypted = file->encrypted;
            node.reason = state.reason;
            for (const ObjectKey &key : file->objects)
                migrated.insert(key);
            ObjectKey own;
            switch (file->kind) {
            case PlannedFileKind::Manifest:
                if (file->objects.size() == 1)
                    node.movable = file->objects;
                node.fluxRefs = fluxRefsOf(file->objects);
                break;
            case PlannedFileKind::Namespace:
                if (file->objects.size() == 1)
                    node.movable = file->objects;
                else if (renderedKey(file->text, &own))
                    node.movable = {own};
                break;
            case PlannedFileKind::HelmRelease:
            case PlannedFileKind::Source:
            case PlannedFileKind::FluxKustomization: {
                // What the file renders is the Flux object (a HelmRelease file's objects are the
                // release's parts, not Flux objects).
                const QList<QJsonObject> rendered = renderedObjects(file->text);
                QList<ObjectKey> keys;
                for (const QJsonObject &object : rendered)
                    keys.append(ObjectKey::of(object));
                node.fluxRefs = fluxRefsOf(keys);
                if (file->kind == PlannedFileKind::HelmRelease && !rendered.isEmpty()) {
                    if (renderedKey(rendered.first(), &own))
                        node.movable = {own};
                    release = adoptedRelease(rendered.first());
                }
                break;
            }
            case PlannedFileKind::Kustomization:
                break;
            }
        }
        const int id = addNode(std::move(node));
        m_byPath.insert(state.path, id);
        if (!release.isEmpty())
            m_byRelease.insert(release, id);
        const Node &added = m_nodes[size_t(id)];
        for (const ObjectKey &key : added.movable)
            m_byObject.insert(key, id);
        for (const ObjectKey &key : added.objects) {
            if (!m_byObject.contains(key))
                m_byObject.insert(key, id);
        }
        indexFluxRefs(id);
    }
    m_counts.plannedFiles = int(plan.files.size());
    m_counts.objectsToMigrate = int(migrated.size());
    m_counts.excludedObjects = int(plan.excluded.size());

    for (const QString &bootstrap : plan.bootstrapPaths) {
        QString path = bootstrap;
        while (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        if (path.isEmpty() || m_byPath.contains(path))
            continue;
        Node node;
        node.type = Bootstrap;
        node.path = path;
        node.name = RepoPath::baseName(path);
        node.parent = folderNode(RepoPath::folderOf(path));
        m_byPath.insert(path, addNode(std::move(node)));
    }

    sortChildren(0);
    aggregate(0);

    if (!plan.excluded.isEmpty()) {
        Node top;
        top.type = ExcludedGroup;
        top.parent = 0;
        top.name = tr("Excluded (%1)").arg(plan.excluded.size());
        const int topId = addNode(std::move(top));
        QHash<int, QList<const Fluxdesk::ExcludedObject *>> byOwnership;
        for (const Fluxdesk::ExcludedObject &e : plan.excluded)
            byOwnership[int(e.ownership)].append(&e);
        for (const Ownership ownership : excludedOrder) {
            const QList<const Fluxdesk::ExcludedObject *> objects =
                byOwnership.value(int(ownership));
            if (objects.isEmpty())
                continue;
            Node group;
            group.type = ExcludedGroup;
            group.parent = topId;
            group.ownership = int(ownership);
            switch (ownership) {
            case Ownership::UserManaged:
                group.name = tr("User objects left out (%1)").arg(objects.size());
                break;
            case Ownership::HelmManaged:
                group.name = tr("Created by Helm releases (%1)").arg(objects.size());
                break;
            case Ownership::HelmReleaseRecord:
                group.name = tr("Helm release records (%1)").arg(objects.size());
                break;
            case Ownership::FluxManaged:
                group.name = tr("Already managed by Flux (%1)").arg(objects.size());
                break;
            case Ownership::ControllerOwned:
                group.name = tr("Owned by a controller (%1)").arg(objects.size());
                break;
            case Ownership::Generated:
                group.name = tr("Generated automatically (%1)").arg(objects.size());
                break;
            case Ownership::System:
                group.name = tr("Kubernetes and K3s internals (%1)").arg(objects.size());
                break;
            case Ownership::ReadOnly:
                group.name = tr("Read-only API readings (%1)").arg(objects.size());
                break;
            }
            const int groupId = addNode(std::move(group));
            for (const Fluxdesk::ExcludedObject *e : objects) {
                Node node;
                node.type = ExcludedObject;
                node.parent = groupId;
                node.name = e->key.toString();
                node.objects = {e->key};
                // Only what the user may include (their own objects) can be dragged back in;
                // the planner keeps excluding internals and Helm-created objects regardless.
                if (e->ownership == Ownership::UserManaged)
                    node.movable = {e->key};
                // A part of a Helm release no file stands for: including it brings the release
                // back (the session's rule), so it is offered, though not as a move.
                const bool helm = e->ownership == Ownership::HelmManaged ||
                                  e->ownership == Ownership::HelmReleaseRecord;
                const int carrier = m_byObject.value(e->key, -1);
                node.includable = e->ownership == Ownership::UserManaged ||
                                  (helm && (carrier < 0 || m_nodes[size_t(carrier)].type != File));
                node.reason = e->reason;
                node.ownership = int(e->ownership);
                const int id = addNode(std::move(node));
                if (!m_byObject.contains(e->key))
                    m_byObject.insert(e->key, id);
            }
        }
    }
    endResetModel();
}

const PlanTreeModel::Node *PlanTreeModel::nodeOf(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    const size_t id = size_t(index.internalId());
    return id < m_nodes.size() ? &m_nodes[id] : nullptr;
}

QModelIndex PlanTreeModel::indexOfNode(int id, int column) const
{
    if (id <= 0 || size_t(id) >= m_nodes.size())
        return {};
    return createIndex(m_nodes[size_t(id)].row, column, quintptr(id));
}

QModelIndex PlanTreeModel::indexForPath(const QString &path) const
{
    QString p = path;
    while (p.endsWith(QLatin1Char('/')))
        p.chop(1);
    return indexOfNode(m_byPath.value(p, -1));
}

QModelIndex PlanTreeModel::indexForObject(const ObjectKey &key) const
{
    return indexOfNode(m_byObject.value(key, -1));
}

QModelIndex PlanTreeModel::indexForRelease(const QString &ns, const QString &name) const
{
    return indexOfNode(m_byRelease.value(ns + QLatin1Char('/') + name, -1));
}

bool PlanTreeModel::releaseAt(const QModelIndex &index, QString *ns, QString *name) const
{
    const Node *node = nodeOf(index);
    if (!node || node->type != File)
        return false;
    const int id = int(index.internalId());
    for (auto it = m_byRelease.constBegin(); it != m_byRelease.constEnd(); ++it) {
        if (it.value() != id)
            continue;
        const int slash = it.key().indexOf(QLatin1Char('/'));
        if (ns)
            *ns = it.key().left(slash);
        if (name)
            *name = it.key().mid(slash + 1);
        return true;
    }
    return false;
}

QList<ObjectKey> PlanTreeModel::objectsAt(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    return node ? node->objects : QList<ObjectKey>();
}

QList<ObjectKey> PlanTreeModel::movableObjectsAt(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    return node ? node->movable : QList<ObjectKey>();
}

QStringList PlanTreeModel::placeableFolders() const
{
    QStringList folders;
    for (const Node &node : m_nodes) {
        if (node.type == Folder && isUnderPlaceableRoot(node.path))
            folders.append(node.path);
    }
    std::sort(folders.begin(), folders.end());
    return folders;
}

QModelIndex PlanTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    int parentId = 0;
    if (parent.isValid()) {
        if (!nodeOf(parent) || parent.column() != 0)
            return {};
        parentId = int(parent.internalId());
    }
    const Node &p = m_nodes[size_t(parentId)];
    if (size_t(row) >= p.children.size())
        return {};
    return createIndex(row, column, quintptr(p.children[size_t(row)]));
}

QModelIndex PlanTreeModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeOf(child);
    if (!node || node->parent <= 0)
        return {};
    return indexOfNode(node->parent);
}

int PlanTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_nodes.front().children.size());
    if (parent.column() != 0)
        return 0;
    const Node *node = nodeOf(parent);
    return node ? int(node->children.size()) : 0;
}

int PlanTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QString PlanTreeModel::statusText(const Node &node) const
{
    switch (node.type) {
    case File: {
        const QString status = fileStatusName(FileStatus(node.status));
        if (node.plainTextSecret)
            return tr("%1 · plain text").arg(status);
        return node.encrypted ? tr("%1 · encrypted").arg(status) : status;
    }
    case Bootstrap:
        return tr("left to flux bootstrap");
    case ExcludedObject:
        return tr("excluded");
    case ExcludedGroup:
        return {};
    case Folder: {
        // Up to date is the quiet case: a folder only speaks when something below needs a look.
        QStringList parts;
        if (node.differing > 0)
            parts.append(tr("%1 differing").arg(node.differing));
        if (node.planned > 0)
            parts.append(tr("%1 new").arg(node.planned));
        if (node.onDiskOnly > 0)
            parts.append(tr("%1 on disk only").arg(node.onDiskOnly));
        return parts.join(QStringLiteral(", "));
    }
    }
    return {};
}

QString PlanTreeModel::toolTip(const Node &node) const
{
    switch (node.type) {
    case File: {
        QString tip;
        switch (FileStatus(node.status)) {
        case FileStatus::Planned:
            tip = tr("%1: not on disk yet; writing the plan creates it.").arg(node.path);
            break;
        case FileStatus::UpToDate:
            tip = tr("%1: on disk exactly as planned.").arg(node.path);
            break;
        case FileStatus::Differs:
            tip = tr("%1: the file on disk differs from the plan. Open the diff to compare; "
                     "writing keeps your version unless you accept the plan's.")
                      .arg(node.path);
            break;
        case FileStatus::OnDiskOnly:
            tip = tr("%1: in the repository, but the plan does not produce it.").arg(node.path);
            break;
        }
        if (node.plainTextSecret)
            tip += QLatin1Char('\n') +
                   tr("This Secret lands in Git unencrypted: anyone who can read the repository "
                      "can read its data.");
        if (node.encrypted)
            tip += QLatin1Char('\n') +
                   tr("This Secret is written encrypted (SOPS, age): Git holds its data only as "
                      "ciphertext, and Flux decrypts it with the key in flux-system/sops-age.");
        if (!node.reason.isEmpty())
            tip += QLatin1Char('\n') + node.reason;
        if (node.objects.size() > 1)
            tip += QLatin1Char('\n') + tr("Stands for %1 live objects.").arg(node.objects.size());
        return tip;
    }
    case Bootstrap:
        return tr("%1/ is left to flux bootstrap: Fluxdesk neither plans nor writes it.")
            .arg(node.path);
    case ExcludedObject:
        return node.reason;
    case ExcludedGroup:
        return node.ownership < 0 ? tr("Live objects the repository will not contain, with why.")
                                  : QString();
    case Folder:
        return statusText(node);
    }
    return {};
}

QVariant PlanTreeModel::data(const QModelIndex &index, int role) const
{
    const Node *node = nodeOf(index);
    if (!node)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return node->name;
        if (index.column() == FluxColumn)
            return fluxSummary(*node).text;
        return statusText(*node);
    case Qt::ToolTipRole: {
        const QString tip = toolTip(*node);
        const QString flux = fluxSummary(*node).toolTip;
        if (flux.isEmpty())
            return tip;
        return tip.isEmpty() ? flux : tip + QLatin1Char('\n') + flux;
    }
    case PathRole:
        return node->path.isEmpty() ? QVariant() : QVariant(node->path);
    case NodeTypeRole:
        return int(node->type);
    case FileStatusRole:
        return node->status;
    case FileKindRole:
        return node->kindId;
    case ObjectKeysRole: {
        QStringList keys;
        keys.reserve(node->objects.size());
        for (const ObjectKey &key : node->objects)
            keys.append(key.toString());
        return keys;
    }
    case PlainTextSecretRole:
        return node->plainTextSecret;
    case EncryptedRole:
        return node->encrypted;
    case OwnObjectRole:
        return node->movable.isEmpty() ? QString() : node->movable.first().toString();
    case IncludableRole:
        return node->includable;
    case ReasonRole:
        return node->reason;
    case OwnershipRole:
        return node->ownership;
    case DifferingRole:
        return node->differing;
    case PlannedCountRole:
        return node->planned;
    case OnDiskOnlyRole:
        return node->onDiskOnly;
    case FluxRefsRole: {
        QStringList keys;
        keys.reserve(node->fluxRefs.size());
        for (const FluxRef &ref : node->fluxRefs)
            keys.append(ref.key());
        return keys;
    }
    case FluxStateRole: {
        const FluxSummary summary = fluxSummary(*node);
        return summary.any ? QVariant(int(summary.worst)) : QVariant();
    }
    case FluxMissingRole:
        return fluxSummary(*node).missing;
    case FluxStatusTextRole:
        return fluxSummary(*node).text;
    default:
        return {};
    }
}

QVariant PlanTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StatusColumn:
        return tr("Status");
    case FluxColumn:
        return tr("In the cluster");
    default:
        return {};
    }
}

} // namespace Fluxdesk
