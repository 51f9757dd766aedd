#pragma once

#include "flux/fluxobjectstatus.h"

#include <QHash>
#include <QList>
#include <QString>

namespace Fluxdesk {

class FluxLiveState;

// One box of the dependency graph: a Flux object the live state holds, or one that something
// depends on or reads from but that the cluster does not have (missing).
struct FluxGraphNode
{
    FluxRef ref;
    bool missing = false;
    // In a dependsOn cycle (Flux never reconciles such objects: each waits for the other).
    bool inCycle = false;
    // Column: sources first (a HelmChart right of the HelmRepository it is built from), then
    // Kustomizations, HelmReleases and FluxInstances by their dependsOn depth.
    int layer = 0;
    // Place within the column, from the top.
    int row = 0;

    QString key() const { return ref.key(); }
    bool operator==(const FluxGraphNode &o) const
    {
        return ref == o.ref && missing == o.missing && inCycle == o.inCycle && layer == o.layer &&
               row == o.row;
    }
};

// One arrow: dependent reads from or waits for dependency (indices into FluxGraph::nodes()).
struct FluxGraphEdge
{
    enum class Kind
    {
        DependsOn, // spec.dependsOn
        Source,    // spec.sourceRef, a HelmRelease's chart source or chartRef
        HelmChart  // the HelmChart helm-controller built for a HelmRelease
    };
    int dependent = -1;
    int dependency = -1;
    Kind kind = Kind::DependsOn;
    // Both ends in the same dependsOn cycle.
    bool cycle = false;

    bool operator==(const FluxGraphEdge &o) const
    {
        return dependent == o.dependent && dependency == o.dependency && kind == o.kind &&
               cycle == o.cycle;
    }
};

// The Flux objects of a cluster as a layered graph, laid out from what depends on what alone
// (never from status), so a status change moves nothing and the same objects in any order give
// the same picture. Within a column boxes are sorted by namespace, name and kind: a new object
// shifts only the boxes below it in its own column. Pure: built from values, no Qt GUI.
class FluxGraph
{
public:
    static FluxGraph of(const FluxLiveState &state);
    static FluxGraph of(const QList<FluxObjectStatus> &objects);

    // Sorted by layer, then row.
    const QList<FluxGraphNode> &nodes() const { return m_nodes; }
    const QList<FluxGraphEdge> &edges() const { return m_edges; }
    int layerCount() const { return m_layerCount; }
    // The longest column.
    int rowCount() const { return m_rowCount; }
    int indexOf(const FluxRef &ref) const { return m_index.value(ref.key(), -1); }
    const FluxGraphNode *node(const FluxRef &ref) const;
    bool isEmpty() const { return m_nodes.isEmpty(); }

    // Same boxes in the same places with the same arrows: a view need not move anything.
    bool operator==(const FluxGraph &o) const
    {
        return m_nodes == o.m_nodes && m_edges == o.m_edges;
    }
    bool operator!=(const FluxGraph &o) const { return !(*this == o); }

    // What of an object decides its place and arrows (its references); a status update whose
    // shape is unchanged needs no new layout.
    static QString shapeOf(const FluxObjectStatus &status);

private:
    QList<FluxGraphNode> m_nodes;
    QList<FluxGraphEdge> m_edges;
    QHash<QString, int> m_index; // FluxRef::key() -> index in m_nodes
    int m_layerCount = 0;
    int m_rowCount = 0;
};

} // namespace Fluxdesk
