#include "takeovermodel.h"

#include <algorithm>

namespace Fluxdesk {

namespace {

int rank(TakeoverSeverity severity)
{
    switch (severity) {
    case TakeoverSeverity::Danger:
        return 0;
    case TakeoverSeverity::Warning:
        return 1;
    case TakeoverSeverity::Waiting:
        return 2;
    case TakeoverSeverity::Ok:
        return 3;
    }
    return 3;
}

TakeoverSeverity worse(TakeoverSeverity a, TakeoverSeverity b)
{
    return rank(a) <= rank(b) ? a : b;
}

} // namespace

TakeoverModel::TakeoverModel(QObject *parent) : QAbstractItemModel(parent) {}

TakeoverModel::~TakeoverModel() = default;

QString TakeoverModel::verdictText(TakeoverSeverity severity)
{
    switch (severity) {
    case TakeoverSeverity::Danger:
        return tr("Danger");
    case TakeoverSeverity::Warning:
        return tr("Warning");
    case TakeoverSeverity::Waiting:
        return tr("Not yet");
    case TakeoverSeverity::Ok:
        return tr("OK");
    }
    return {};
}

QString TakeoverModel::subjectText(const TakeoverItem &item)
{
    if (item.subject == TakeoverItem::Subject::Release)
        return tr("release %1").arg(item.release);
    return item.key.toString();
}

void TakeoverModel::sortNodes(QList<std::shared_ptr<Node>> &nodes)
{
    std::stable_sort(nodes.begin(), nodes.end(),
                     [](const std::shared_ptr<Node> &a, const std::shared_ptr<Node> &b) {
                         if (rank(a->worst) != rank(b->worst))
                             return rank(a->worst) < rank(b->worst);
                         const bool aRelease = a->item.subject == TakeoverItem::Subject::Release;
                         const bool bRelease = b->item.subject == TakeoverItem::Subject::Release;
                         if (aRelease != bRelease)
                             return aRelease;
                         if (aRelease)
                             return a->item.release < b->item.release;
                         return a->item.key < b->item.key;
                     });
    for (int row = 0; row < nodes.size(); ++row)
        nodes[row]->row = row;
}

void TakeoverModel::setReport(const TakeoverReport &report)
{
    beginResetModel();
    m_report = report;
    m_roots.clear();
    // The report lists each release followed by its objects (item.release set), then the others.
    Node *release = nullptr;
    for (const TakeoverItem &item : report.items) {
        auto node = std::make_shared<Node>();
        node->item = item;
        node->worst = item.severity;
        if (item.subject == TakeoverItem::Subject::Release) {
            release = node.get();
            m_roots.append(node);
            continue;
        }
        if (release && !item.release.isEmpty() && item.release == release->item.release) {
            node->parent = release;
            release->worst = worse(release->worst, item.severity);
            release->children.append(node);
            continue;
        }
        release = nullptr;
        m_roots.append(node);
    }
    for (const std::shared_ptr<Node> &root : std::as_const(m_roots))
        sortNodes(root->children);
    sortNodes(m_roots);
    endResetModel();
}

TakeoverModel::Node *TakeoverModel::nodeAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    return static_cast<Node *>(index.internalPointer());
}

const TakeoverItem *TakeoverModel::itemAt(const QModelIndex &index) const
{
    const Node *node = nodeAt(index);
    return node ? &node->item : nullptr;
}

QModelIndex TakeoverModel::indexOf(const ObjectKey &key, int column) const
{
    for (const std::shared_ptr<Node> &root : m_roots) {
        if (root->item.key == key)
            return createIndex(root->row, column, root.get());
        for (const std::shared_ptr<Node> &child : root->children)
            if (child->item.key == key)
                return createIndex(child->row, column, child.get());
    }
    return {};
}

QModelIndex TakeoverModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (parent.isValid() && parent.column() != 0)
        return {};
    const QList<std::shared_ptr<Node>> &nodes =
        parent.isValid() ? nodeAt(parent)->children : m_roots;
    if (row >= nodes.size())
        return {};
    return createIndex(row, column, nodes.at(row).get());
}

QModelIndex TakeoverModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeAt(child);
    if (!node || !node->parent)
        return {};
    return createIndex(node->parent->row, 0, node->parent);
}

int TakeoverModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_roots.size());
    if (parent.column() != 0)
        return 0;
    const Node *node = nodeAt(parent);
    return node ? int(node->children.size()) : 0;
}

int TakeoverModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant TakeoverModel::data(const QModelIndex &index, int role) const
{
    const Node *node = nodeAt(index);
    if (!node)
        return {};
    const TakeoverItem &item = node->item;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case VerdictColumn:
            return verdictText(item.severity);
        case ObjectColumn:
            return subjectText(item);
        case StateColumn:
            return takeoverStateText(item.state);
        case DetailColumn:
            return item.detail;
        case FileColumn:
            return item.file;
        }
        return {};
    case Qt::ToolTipRole: {
        QString tip = subjectText(item) + QStringLiteral(": ") + item.detail;
        if (!item.owner.isEmpty())
            tip += QLatin1Char('\n') + tr("Applied by %1").arg(item.owner);
        if (index.column() == FileColumn && !item.file.isEmpty())
            tip += QLatin1Char('\n') + tr("Double-click to open %1").arg(item.file);
        return tip;
    }
    case SeverityRole:
        return int(item.severity);
    case WorstSeverityRole:
        return int(node->worst);
    case IsReleaseRole:
        return item.subject == TakeoverItem::Subject::Release;
    case FileRole:
        return item.file;
    case StateRole:
        return int(item.state);
    }
    return {};
}

QVariant TakeoverModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case VerdictColumn:
        return tr("Verdict");
    case ObjectColumn:
        return tr("Object");
    case StateColumn:
        return tr("State");
    case DetailColumn:
        return tr("Detail");
    case FileColumn:
        return tr("File");
    }
    return {};
}

} // namespace Fluxdesk
