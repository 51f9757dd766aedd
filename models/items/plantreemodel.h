#pragma once

#include "kube/classification.h"
#include "kube/resourcetype.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

class QMimeData;

namespace Fluxdesk {

struct FileState;
struct Plan;

// The planned repository as a tree: clusters/, infrastructure/ and workloads/ as folders (folders
// first, then files, by name), every file with its status against the checkout, the part left to
// `flux bootstrap`, and a last "Excluded (N)" node with every object the plan leaves out, grouped
// by why. Files that hold a live object, excluded user objects and (through the same mime type)
// the cluster tree's objects can be dropped on a folder under infrastructure/ or workloads/, or on
// "Excluded": the model only reports the wish (moveRequested, excludeRequested); the session
// re-plans and calls setPlan() again. Free of QtGui: colours and icons come from the view's
// delegate, which reads the roles.
class PlanTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        StatusColumn,
        ColumnCount
    };
    enum NodeType
    {
        Folder,
        File,
        Bootstrap,      // clusters/<cluster>/flux-system/, left to flux bootstrap
        ExcludedGroup,  // "Excluded (N)" and its per-ownership groups
        ExcludedObject, // one object the plan leaves out
    };
    Q_ENUM(NodeType)
    enum Role
    {
        PathRole = Qt::UserRole + 1, // files and folders: relative path, folders without '/'
        NodeTypeRole,                // NodeType
        FileStatusRole,              // files: int(FileStatus); -1 otherwise
        FileKindRole,                // planned files: plannedFileKindId(); "" otherwise
        ObjectKeysRole,              // QStringList of ObjectKey::toString(): what the row carries
        PlainTextSecretRole,         // bool: a Secret written unencrypted
        OwnObjectRole,               // draggable rows: ObjectKey::toString() a move places (for a
                                     // HelmRelease file its helm.toolkit.fluxcd.io/HelmRelease key)
        IncludableRole,              // excluded objects the user may take back into the plan
        ReasonRole,                  // excluded objects: why
        OwnershipRole,               // excluded objects and their groups: int(Ownership)
        DifferingRole,               // folders: files below that differ from disk
        PlannedCountRole,            // folders: files below not on disk yet
        OnDiskOnlyRole,              // folders: files below the plan does not produce
    };

    struct Counts
    {
        int objectsToMigrate = 0; // distinct live objects carried by planned files
        int plannedFiles = 0;
        int excludedObjects = 0;
        int differingFiles = 0;
        int onDiskOnly = 0;
    };

    static QString mimeType(); // "application/x-fluxdesk-objects"
    // Newline-separated ObjectKey::toString(); the cluster tree uses the same format.
    static QMimeData *mimeDataFor(const QList<ObjectKey> &keys);
    static QList<ObjectKey> objectsFromMime(const QMimeData *mime);
    // The exact inverse of ObjectKey::toString() ("apps/Deployment llm/x", "Namespace llm");
    // false for text that is not such a key.
    static bool objectKeyFromString(const QString &text, ObjectKey *key);

    explicit PlanTreeModel(QObject *parent = nullptr);
    ~PlanTreeModel() override;

    // Copies what the tree needs (FileState::file points into plan; no pointer is kept).
    void setPlan(const Plan &plan, const QList<FileState> &states);
    void clear();
    bool isEmpty() const; // no plan set
    QString cluster() const { return m_cluster; }

    Counts counts() const { return m_counts; }
    QModelIndex indexForPath(const QString &path) const;
    // The file that carries the object (or places it), else its row under Excluded.
    QModelIndex indexForObject(const ObjectKey &key) const;
    // The HelmRelease file that adopts the Helm release ns/name (the cluster tree's release row).
    QModelIndex indexForRelease(const QString &ns, const QString &name) const;
    // The Helm release a HelmRelease file adopts; false for any other row.
    bool releaseAt(const QModelIndex &index, QString *ns, QString *name) const;
    // What a row carries: a file's objects, an excluded object, nothing for folders.
    QList<ObjectKey> objectsAt(const QModelIndex &index) const;
    // What dragging or moving the row would move (see OwnObjectRole); empty when it cannot move.
    QList<ObjectKey> movableObjectsAt(const QModelIndex &index) const;
    // The folder a drop on index lands in ("" when none: clusters/, Excluded, bootstrap).
    QString dropFolderAt(const QModelIndex &index) const;
    // Every folder under infrastructure/ and workloads/ (including both roots), sorted.
    QStringList placeableFolders() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;
    Qt::DropActions supportedDropActions() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

signals:
    // Objects dropped on a folder (path without '/'): the user wants them placed there.
    void moveRequested(const QList<Fluxdesk::ObjectKey> &objects, const QString &folder);
    // Planned objects dropped on "Excluded".
    void excludeRequested(const QList<Fluxdesk::ObjectKey> &objects);

private:
    struct Node;
    int addNode(Node node);
    int folderNode(const QString &path);
    void sortChildren(int id);
    void aggregate(int id);
    QModelIndex indexOfNode(int id, int column = 0) const;
    const Node *nodeOf(const QModelIndex &index) const;
    QString statusText(const Node &node) const;
    QString toolTip(const Node &node) const;
    // The target of a drop on parent (row != -1: between parent's children).
    QString dropTarget(const QModelIndex &parent, bool *excluded) const;

    std::vector<Node> m_nodes; // [0] is the invisible root
    QHash<QString, int> m_byPath;
    QHash<ObjectKey, int> m_byObject; // first file carrying it, else its excluded row
    QHash<QString, int> m_byRelease;  // "ns/name" of a Helm release -> its HelmRelease file
    QString m_cluster;
    Counts m_counts;
};

} // namespace Fluxdesk
