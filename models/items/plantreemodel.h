#pragma once

#include "flux/fluxobjectstatus.h"
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
// re-plans and calls setPlan() again. Files holding Flux objects (Kustomizations, HelmReleases,
// sources) show those objects' live state beside them once the Flux view feeds it (see
// updateFluxStatus()). Free of QtGui: colours and icons come from the view's delegate, which reads
// the roles.
class PlanTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        StatusColumn,
        FluxColumn, // the live state of the Flux objects a file holds; empty without Flux
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
        EncryptedRole,               // bool: a Secret written SOPS-encrypted
        OwnObjectRole,               // draggable rows: ObjectKey::toString() a move places (for a
                                     // HelmRelease file its helm.toolkit.fluxcd.io/HelmRelease key)
        IncludableRole,              // excluded objects the user may take back into the plan
        ReasonRole,                  // excluded objects: why
        OwnershipRole,               // excluded objects and their groups: int(Ownership)
        DifferingRole,               // folders: files below that differ from disk
        PlannedCountRole,            // folders: files below not on disk yet
        OnDiskOnlyRole,              // folders: files below the plan does not produce
        FluxRefsRole,                // files: QStringList of FluxRef::key() of their Flux objects
        FluxStateRole,               // int(FluxReadiness) of the worst live one; invalid if none
        FluxMissingRole,             // bool: one of them is not in the watched cluster
        FluxStatusTextRole,          // "Ready · main@sha1:abc1234", "not in the cluster", or ""
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
    // The Flux objects a file holds (its manifest's object, or what a HelmRelease, source or Flux
    // Kustomization file renders); empty for other rows.
    QList<FluxRef> fluxRefsAt(const QModelIndex &index) const;

    // The live Flux objects as the Flux view last saw them: statuses added or changed, refs gone.
    // Only the rows of files holding them change (dataChanged of those rows); the state is kept
    // across setPlan() and clear(), so a re-plan shows it on the new rows.
    void updateFluxStatus(const QList<FluxObjectStatus> &statuses,
                          const QList<FluxRef> &removed = {});
    // Whether a live Flux view watches the cluster (Flux's kinds are served and listed): only then
    // does a file whose Flux object the cluster lacks say "not in the cluster".
    void setFluxWatching(bool watching);
    bool isFluxWatching() const { return m_fluxWatching; }
    // Forgets every live status and stops watching (the connection ended).
    void clearFluxStatus();
    // Whether there is live Flux state to show (a view shows FluxColumn only then).
    bool showsFluxStatus() const { return m_fluxWatching || !m_flux.isEmpty(); }

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
    // showsFluxStatus() changed.
    void fluxStatusShownChanged(bool shown);

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
    // The live Flux state of a node's objects, for the roles and the tooltip.
    struct FluxSummary
    {
        bool any = false; // some object is live
        FluxReadiness worst = FluxReadiness::Unknown;
        bool missing = false;
        QString text;
        QString toolTip;
    };
    FluxSummary fluxSummary(const Node &node) const;
    void indexFluxRefs(int id);
    void emitFluxRowsChanged(const QList<int> &ids);
    void emitFluxShown(bool before);
    // The target of a drop on parent (row != -1: between parent's children).
    QString dropTarget(const QModelIndex &parent, bool *excluded) const;

    std::vector<Node> m_nodes; // [0] is the invisible root
    QHash<QString, int> m_byPath;
    QHash<ObjectKey, int> m_byObject; // first file carrying it, else its excluded row
    QHash<QString, int> m_byRelease;  // "ns/name" of a Helm release -> its HelmRelease file
    // What the Flux view reported, by FluxRef::key(); kept across plans.
    struct FluxLive
    {
        FluxReadiness readiness = FluxReadiness::Unknown;
        QString revision;
        QString reason;
        QString message;
        bool operator==(const FluxLive &o) const
        {
            return readiness == o.readiness && revision == o.revision && reason == o.reason &&
                   message == o.message;
        }
    };
    QHash<QString, FluxLive> m_flux;
    QHash<QString, QList<int>> m_byFluxRef; // FluxRef::key() -> the files holding it
    bool m_fluxWatching = false;
    QString m_cluster;
    Counts m_counts;
};

} // namespace Fluxdesk
