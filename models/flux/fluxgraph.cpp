#include "fluxgraph.h"

#include "flux/fluxkinds.h"
#include "flux/fluxlivestate.h"

#include <QSet>

#include <algorithm>
#include <functional>
#include <vector>

namespace Fluxdesk {

namespace {

bool isSource(const FluxRef &ref)
{
    if (const FluxKind *kind = FluxKinds::find(ref.group, ref.kind))
        return kind->category == FluxKind::Category::Source;
    return !FluxKinds::sourceGroup(ref.kind).isEmpty();
}

bool isChart(const FluxRef &ref)
{
    return ref.kind == QLatin1String("HelmChart");
}

struct Building
{
    QList<FluxGraphNode> nodes;
    QHash<QString, int> index;
    QList<FluxGraphEdge> edges;
    QSet<quint64> edgeKeys;

    int add(const FluxRef &ref, bool missing)
    {
        const QString key = ref.key();
        const auto it = index.constFind(key);
        if (it != index.constEnd())
            return *it;
        FluxGraphNode node;
        node.ref = ref;
        node.missing = missing;
        nodes.append(node);
        index.insert(key, int(nodes.size() - 1));
        return int(nodes.size() - 1);
    }
    void connect(int dependent, const FluxRef &dependency, FluxGraphEdge::Kind kind, bool present)
    {
        const int to = add(dependency, !present);
        const quint64 key =
            (quint64(quint32(dependent)) << 34) | (quint64(quint32(to)) << 2) | quint64(kind);
        if (edgeKeys.contains(key))
            return;
        edgeKeys.insert(key);
        FluxGraphEdge edge;
        edge.dependent = dependent;
        edge.dependency = to;
        edge.kind = kind;
        edges.append(edge);
    }
};

// Strongly connected components of the dependsOn edges (Tarjan), as a component number per node;
// a node is in a cycle when its component has more than one node or it depends on itself.
std::vector<int> components(int count, const std::vector<std::vector<int>> &out)
{
    std::vector<int> component(size_t(count), -1), low(size_t(count), 0), order(size_t(count), -1);
    std::vector<int> stack;
    std::vector<bool> onStack(size_t(count), false);
    int counter = 0, next = 0;
    std::function<void(int)> visit = [&](int v) {
        order[v] = low[v] = counter++;
        stack.push_back(v);
        onStack[v] = true;
        for (int w : out.at(v)) {
            if (order.at(w) < 0) {
                visit(w);
                low[v] = std::min(low.at(v), low.at(w));
            } else if (onStack.at(w)) {
                low[v] = std::min(low.at(v), order.at(w));
            }
        }
        if (low.at(v) == order.at(v)) {
            int w;
            do {
                w = stack.back();
                stack.pop_back();
                onStack[w] = false;
                component[w] = next;
            } while (w != v);
            ++next;
        }
    };
    for (int v = 0; v < count; ++v) {
        if (order.at(v) < 0)
            visit(v);
    }
    return component;
}

} // namespace

const FluxGraphNode *FluxGraph::node(const FluxRef &ref) const
{
    const int i = indexOf(ref);
    return i < 0 ? nullptr : &m_nodes.at(i);
}

QString FluxGraph::shapeOf(const FluxObjectStatus &status)
{
    QStringList parts;
    for (const FluxRef &d : status.dependsOn)
        parts.append(d.key());
    parts.append(QLatin1Char('@') + status.sourceRef.key());
    parts.append(QLatin1Char('#') + status.helmChart.key());
    return parts.join(QLatin1Char('|'));
}

FluxGraph FluxGraph::of(const FluxLiveState &state)
{
    QList<FluxObjectStatus> objects;
    const QList<FluxRef> refs = state.refs();
    objects.reserve(refs.size());
    for (const FluxRef &ref : refs) {
        if (const FluxObjectStatus *s = state.status(ref))
            objects.append(*s);
    }
    return of(objects);
}

FluxGraph FluxGraph::of(const QList<FluxObjectStatus> &objects)
{
    Building b;
    QHash<QString, const FluxObjectStatus *> present;
    for (const FluxObjectStatus &s : objects) {
        if (s.name.isEmpty())
            continue;
        present.insert(s.ref().key(), &s);
    }
    // Present objects first, in key order, so missing ones and indices never depend on the input
    // order.
    QStringList keys = present.keys();
    std::sort(keys.begin(), keys.end());
    for (const QString &key : std::as_const(keys))
        b.add(present.value(key)->ref(), false);
    for (const QString &key : std::as_const(keys)) {
        const FluxObjectStatus &s = *present.value(key);
        const int self = b.index.value(key);
        for (const FluxRef &d : s.dependsOn)
            b.connect(self, d, FluxGraphEdge::Kind::DependsOn, present.contains(d.key()));
        // helm-controller makes a release's HelmChart itself: drawn when the cluster shows it (it
        // then stands between the release and its HelmRepository), never reported missing.
        const FluxObjectStatus *chart =
            s.helmChart.isValid() ? present.value(s.helmChart.key()) : nullptr;
        if (chart)
            b.connect(self, s.helmChart, FluxGraphEdge::Kind::HelmChart, true);
        if (s.sourceRef.isValid() && !(chart && chart->sourceRef.key() == s.sourceRef.key()))
            b.connect(self, s.sourceRef, FluxGraphEdge::Kind::Source,
                      present.contains(s.sourceRef.key()));
    }

    const int count = int(b.nodes.size());

    // Cycles among dependsOn.
    std::vector<std::vector<int>> dependsOn(static_cast<size_t>(count));
    for (const FluxGraphEdge &e : std::as_const(b.edges)) {
        if (e.kind == FluxGraphEdge::Kind::DependsOn)
            dependsOn[size_t(e.dependent)].push_back(e.dependency);
    }
    const std::vector<int> component = components(count, dependsOn);
    QHash<int, int> componentSize;
    for (int c : component)
        ++componentSize[c];
    for (FluxGraphEdge &e : b.edges) {
        if (e.kind == FluxGraphEdge::Kind::DependsOn &&
            component.at(e.dependent) == component.at(e.dependency))
            e.cycle = true;
    }
    for (int v = 0; v < count; ++v) {
        bool cyclic = componentSize.value(component.at(v)) > 1;
        for (int w : dependsOn.at(v))
            cyclic = cyclic || w == v;
        b.nodes[v].inCycle = cyclic;
    }

    // Columns. Depth of a component: one more than the deepest component it depends on; the
    // members of a cycle share one column.
    bool plainSources = false, charts = false;
    for (const FluxGraphNode &n : std::as_const(b.nodes)) {
        if (isSource(n.ref)) {
            if (isChart(n.ref))
                charts = true;
            else
                plainSources = true;
        }
    }
    const int chartLayer = plainSources ? 1 : 0;
    const int firstWorkloadLayer = int(plainSources) + int(charts);
    QHash<int, QList<int>> componentDeps;
    for (int v = 0; v < count; ++v) {
        for (int w : dependsOn.at(v)) {
            if (component.at(w) != component.at(v))
                componentDeps[component.at(v)].append(component.at(w));
        }
    }
    QHash<int, int> depth;
    std::function<int(int)> depthOf = [&](int c) -> int {
        const auto it = depth.constFind(c);
        if (it != depth.constEnd())
            return *it;
        int d = 0;
        for (int dep : componentDeps.value(c))
            d = std::max(d, depthOf(dep) + 1);
        depth.insert(c, d);
        return d;
    };
    for (int v = 0; v < count; ++v) {
        FluxGraphNode &n = b.nodes[v];
        if (isSource(n.ref))
            n.layer = isChart(n.ref) ? chartLayer : 0;
        else
            n.layer = firstWorkloadLayer + depthOf(component.at(v));
    }

    // Rows: namespace, name, kind within each column.
    std::vector<int> order(static_cast<size_t>(count));
    for (int v = 0; v < count; ++v)
        order[v] = v;
    std::sort(order.begin(), order.end(), [&b](int x, int y) {
        const FluxGraphNode &a = b.nodes.at(x), &c = b.nodes.at(y);
        if (a.layer != c.layer)
            return a.layer < c.layer;
        if (a.ref.ns != c.ref.ns)
            return a.ref.ns < c.ref.ns;
        if (a.ref.name != c.ref.name)
            return a.ref.name < c.ref.name;
        return a.ref.kind < c.ref.kind;
    });

    FluxGraph graph;
    std::vector<int> newIndex(static_cast<size_t>(count));
    int layer = -1, row = 0;
    for (int i = 0; i < count; ++i) {
        FluxGraphNode n = b.nodes.at(order.at(i));
        if (n.layer != layer) {
            layer = n.layer;
            row = 0;
        }
        n.row = row++;
        graph.m_rowCount = std::max(graph.m_rowCount, row);
        graph.m_layerCount = std::max(graph.m_layerCount, n.layer + 1);
        newIndex[order.at(i)] = i;
        graph.m_index.insert(n.key(), i);
        graph.m_nodes.append(n);
    }
    for (FluxGraphEdge e : std::as_const(b.edges)) {
        e.dependent = newIndex.at(e.dependent);
        e.dependency = newIndex.at(e.dependency);
        graph.m_edges.append(e);
    }
    std::sort(graph.m_edges.begin(), graph.m_edges.end(),
              [](const FluxGraphEdge &x, const FluxGraphEdge &y) {
                  if (x.dependent != y.dependent)
                      return x.dependent < y.dependent;
                  if (x.dependency != y.dependency)
                      return x.dependency < y.dependency;
                  return int(x.kind) < int(y.kind);
              });
    return graph;
}

} // namespace Fluxdesk
