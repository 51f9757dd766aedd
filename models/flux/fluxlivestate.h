#pragma once

#include "flux/fluxkinds.h"
#include "flux/fluxobjectstatus.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace Fluxdesk {

// The Flux objects of one cluster as the watches last reported them, by kind, namespace and
// name, each with its status read once when it arrives. Fed with plain inputs (a list, one object
// added or modified, one deleted) so any watch can drive it; every change is announced with the
// objects it touched, never as "everything changed", so a view updates just those rows: 200
// objects changing cost 200 small updates, not 200 rebuilds.
class FluxLiveState : public QObject
{
    Q_OBJECT
public:
    explicit FluxLiveState(QObject *parent = nullptr);

    // Every object of one kind (FluxKind::key(), "source.toolkit.fluxcd.io/GitRepository") as a
    // LIST or a relist after a reconnect answered: those gone are removed, new ones added, the
    // others updated where they changed. Objects of other kinds in the list are ignored.
    void replaceAll(const QString &kindKey, const QList<QJsonObject> &objects);
    // A watch's ADDED or MODIFIED: stored when it is a Flux kind and differs from what is held
    // (same resourceVersion: nothing happens).
    void upsert(const QJsonObject &object);
    // A watch's DELETED (apiVersion, kind, namespace and name suffice).
    void remove(const QJsonObject &object);
    void clear();

    int count() const { return int(m_entries.size()); }
    bool contains(const FluxRef &ref) const { return m_entries.contains(keyOf(ref)); }
    std::optional<QJsonObject> object(const FluxRef &ref) const;
    const FluxObjectStatus *status(const FluxRef &ref) const;
    // The objects held, in no particular order.
    QList<FluxRef> refs() const;

    // Dependency facts for a graph and a detail view. What ref depends on (spec.dependsOn) and
    // reads from (its source, a HelmRelease's HelmChart), whether each is present:
    struct Dependency
    {
        FluxRef ref;
        enum class Kind
        {
            DependsOn,
            Source,
            HelmChart
        } kind = Kind::DependsOn;
        bool present = false;
    };
    QList<Dependency> dependencies(const FluxRef &ref) const;
    // The objects that depend on or read from ref.
    QList<FluxRef> dependents(const FluxRef &ref) const;
    // Whether ref's dependsOn chain leads back to itself.
    bool inDependencyCycle(const FluxRef &ref) const;

    static QString keyOf(const FluxRef &ref) { return ref.key(); }

signals:
    // After every replaceAll, upsert or remove that changed something.
    void changed(const QList<Fluxdesk::FluxRef> &added, const QList<Fluxdesk::FluxRef> &updated,
                 const QList<Fluxdesk::FluxRef> &removed);

private:
    struct Entry
    {
        QJsonObject object;
        FluxObjectStatus status;
    };
    // Stores object; answers 0 when nothing changed, 1 added, 2 updated.
    int store(const QJsonObject &object);

    QHash<QString, Entry> m_entries; // FluxRef::key()
};

} // namespace Fluxdesk
