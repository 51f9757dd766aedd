#include "fluxgraphview.h"

#include "flux/fluxlivestate.h"
#include "fluxgraphitems.h"

#include <QAction>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QMouseEvent>
#include <QPainter>
#include <QTimer>
#include <QWheelEvent>

#include <QtMath>

namespace Fluxdesk {

namespace {

constexpr qreal MinZoom = 0.1;
constexpr qreal MaxZoom = 4.0;

QString label(const FluxRef &ref)
{
    return QStringLiteral("%1 %2/%3").arg(ref.kind, ref.ns, ref.name);
}

// Every colour set explicitly: a palette a widget inherits is resolved to the application's by
// QGraphicsScene::setPalette, role by role, unless the roles are marked as set.
QPalette explicitCopy(const QPalette &palette)
{
    QPalette out;
    for (QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        for (int role = 0; role < QPalette::NColorRoles; ++role) {
            if (role != QPalette::NoRole)
                out.setBrush(group, QPalette::ColorRole(role),
                             palette.brush(group, QPalette::ColorRole(role)));
        }
    }
    return out;
}

} // namespace

using namespace FluxGraphItems;

FluxGraphView::FluxGraphView(QWidget *parent) : QGraphicsView(parent)
{
    setObjectName(QStringLiteral("fluxGraphView"));
    setScene(new QGraphicsScene(this));
    scene()->setPalette(explicitCopy(palette()));
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    setContextMenuPolicy(Qt::ActionsContextMenu);

    m_fit = new QAction(tr("Fit to View"), this);
    m_fit->setObjectName(QStringLiteral("fluxGraphFitAction"));
    m_fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m_fit->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_fit, &QAction::triggered, this, &FluxGraphView::fitToView);
    m_zoomIn = new QAction(tr("Zoom In"), this);
    m_zoomIn->setObjectName(QStringLiteral("fluxGraphZoomInAction"));
    m_zoomIn->setShortcut(QKeySequence::ZoomIn);
    m_zoomIn->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_zoomIn, &QAction::triggered, this, &FluxGraphView::zoomIn);
    m_zoomOut = new QAction(tr("Zoom Out"), this);
    m_zoomOut->setObjectName(QStringLiteral("fluxGraphZoomOutAction"));
    m_zoomOut->setShortcut(QKeySequence::ZoomOut);
    m_zoomOut->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_zoomOut, &QAction::triggered, this, &FluxGraphView::zoomOut);
    addActions({m_zoomIn, m_zoomOut, m_fit});
}

FluxGraphView::~FluxGraphView() = default;

void FluxGraphView::setLiveState(FluxLiveState *state)
{
    if (m_state == state)
        return;
    if (m_state)
        disconnect(m_state, nullptr, this, nullptr);
    m_state = state;
    if (m_state)
        connect(m_state, &FluxLiveState::changed, this, &FluxGraphView::onChanged);
    m_fitted = false;
    layoutNow();
}

void FluxGraphView::onChanged(const QList<FluxRef> &added, const QList<FluxRef> &updated,
                              const QList<FluxRef> &removed)
{
    if (!added.isEmpty() || !removed.isEmpty())
        scheduleLayout();
    if (m_layoutPending || !m_state)
        return;
    for (const FluxRef &ref : updated) {
        Node *node = m_nodes.value(ref.key());
        const FluxObjectStatus *status = m_state->status(ref);
        if (!node || !status || node->node.missing || FluxGraph::shapeOf(*status) != node->shape) {
            scheduleLayout();
            return;
        }
        node->status = *status;
        node->setToolTip(nodeToolTip(ref));
        node->update();
    }
}

void FluxGraphView::scheduleLayout()
{
    // A watch delivers objects one by one: one layout for the burst, on the next turn.
    if (m_layoutPending)
        return;
    m_layoutPending = true;
    QTimer::singleShot(0, this, &FluxGraphView::layoutNow);
}

void FluxGraphView::layoutNow()
{
    m_layoutPending = false;
    const FluxGraph graph = m_state ? FluxGraph::of(*m_state) : FluxGraph();
    if (graph != m_graph || m_nodes.size() != graph.nodes().size()) {
        apply(graph);
        ++m_layoutCount;
    } else {
        for (Node *node : std::as_const(m_nodes))
            refreshStatus(node);
    }
    if (!m_fitted && !m_graph.isEmpty()) {
        m_fitted = true;
        fitToView();
    }
    viewport()->update();
}

void FluxGraphView::refreshStatus(Node *node)
{
    const FluxObjectStatus *status = m_state ? m_state->status(node->node.ref) : nullptr;
    node->status = status ? *status : FluxObjectStatus();
    node->shape = status ? FluxGraph::shapeOf(*status) : QString();
    node->setToolTip(nodeToolTip(node->node.ref));
    node->update();
}

void FluxGraphView::apply(const FluxGraph &graph)
{
    m_graph = graph;
    QHash<QString, Node *> old = m_nodes;
    m_nodes.clear();
    // Who refers to each missing object, for its tooltip.
    QHash<int, QStringList> referrers;
    for (const FluxGraphEdge &e : graph.edges()) {
        if (graph.nodes().at(e.dependency).missing)
            referrers[e.dependency].append(label(graph.nodes().at(e.dependent).ref));
    }
    for (int i = 0; i < graph.nodes().size(); ++i) {
        const FluxGraphNode &n = graph.nodes().at(i);
        Node *node = old.take(n.key());
        if (!node) {
            node = new Node;
            node->setZValue(1);
            // Text is the costly part of a box: drawn once per status, then blitted.
            node->setCacheMode(QGraphicsItem::DeviceCoordinateCache);
            scene()->addItem(node);
        }
        node->node = n;
        node->referrers = referrers.value(i);
        node->highlighted = n.key() == m_selected;
        node->setPos(n.layer * (NodeWidth + ColumnGap), n.row * (NodeHeight + RowGap));
        m_nodes.insert(n.key(), node);
        refreshStatus(node);
    }
    qDeleteAll(old);
    qDeleteAll(m_edges);
    m_edges.clear();
    for (const FluxGraphEdge &e : graph.edges()) {
        const Node *dependent = m_nodes.value(graph.nodes().at(e.dependent).key());
        const Node *dependency = m_nodes.value(graph.nodes().at(e.dependency).key());
        auto *edge = new Edge;
        edge->edge = e;
        edge->dependentKey = dependent->node.key();
        edge->dependencyKey = dependency->node.key();
        edge->toMissing = dependency->node.missing;
        edge->route(dependency->sceneBoundingRect().adjusted(3, 3, -3, -3),
                    dependent->sceneBoundingRect().adjusted(3, 3, -3, -3));
        const QString from = label(dependent->node.ref);
        const QString to = label(dependency->node.ref);
        QString tip;
        if (e.cycle)
            tip = tr("dependency cycle: %1 depends on %2, which leads back to it. Flux "
                     "reconciles neither until one dependsOn entry is removed.")
                      .arg(from, to);
        else if (e.kind == FluxGraphEdge::Kind::DependsOn)
            tip = tr("%1 waits for %2 (dependsOn)").arg(from, to);
        else if (e.kind == FluxGraphEdge::Kind::HelmChart)
            tip = tr("%1 installs the chart %2").arg(from, to);
        else
            tip = tr("%1 reads from %2").arg(from, to);
        edge->setToolTip(tip);
        edge->setZValue(0);
        scene()->addItem(edge);
        m_edges.append(edge);
    }
    const QRectF bounds = scene()->itemsBoundingRect();
    scene()->setSceneRect(bounds.adjusted(-20, -20, 20, 20));
}

FluxRef FluxGraphView::selectedRef() const
{
    const Node *node = m_nodes.value(m_selected);
    return node ? node->node.ref : FluxRef();
}

QRect FluxGraphView::nodeRect(const FluxRef &ref) const
{
    const Node *node = m_nodes.value(ref.key());
    if (!node)
        return {};
    return mapFromScene(node->mapRectToScene(node->box())).boundingRect();
}

QColor FluxGraphView::nodeColour(const FluxRef &ref) const
{
    const Node *node = m_nodes.value(ref.key());
    return node ? node->colour(palette()) : QColor();
}

QString FluxGraphView::nodeText(const FluxRef &ref) const
{
    const Node *node = m_nodes.value(ref.key());
    return node ? node->lines().join(QLatin1Char('\n')) : QString();
}

QString FluxGraphView::nodeToolTip(const FluxRef &ref) const
{
    const Node *node = m_nodes.value(ref.key());
    if (!node)
        return {};
    QStringList lines{label(node->node.ref)};
    if (node->node.missing) {
        lines.append(tr("Not in the cluster, yet %1 refers to it: create it, or correct the "
                        "reference in the repository.")
                         .arg(node->referrers.join(QStringLiteral(", "))));
        return lines.join(QLatin1Char('\n'));
    }
    const FluxObjectStatus &s = node->status;
    QString message = s.verdict.message;
    if (message.size() > 300)
        message = message.left(300) + QChar(0x2026);
    lines.append(message.isEmpty()
                     ? FluxReadinessRules::text(s.readiness())
                     : tr("%1: %2").arg(FluxReadinessRules::text(s.readiness()), message));
    if (!s.revision.isEmpty())
        lines.append(tr("Revision: %1").arg(s.revision));
    if (node->node.inCycle)
        lines.append(tr("In a dependency cycle: Flux reconciles none of its members until the "
                        "cycle is broken."));
    return lines.join(QLatin1Char('\n'));
}

QString FluxGraphView::edgeToolTip(const FluxRef &dependent, const FluxRef &dependency) const
{
    for (const Edge *edge : m_edges) {
        if (edge->dependentKey == dependent.key() && edge->dependencyKey == dependency.key())
            return edge->toolTip();
    }
    return {};
}

qreal FluxGraphView::zoom() const
{
    return transform().m11();
}

QColor FluxGraphView::readinessColour(FluxReadiness readiness, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (readiness) {
    case FluxReadiness::Ready:
        return dark ? QColor(0x66, 0xbb, 0x6a) : QColor(0x2e, 0x7d, 0x32);
    case FluxReadiness::Reconciling:
        return dark ? QColor(0x64, 0xb5, 0xf6) : QColor(0x15, 0x65, 0xc0);
    case FluxReadiness::Failed:
    case FluxReadiness::Stalled:
        return dark ? QColor(0xef, 0x53, 0x50) : QColor(0xc6, 0x28, 0x28);
    case FluxReadiness::Suspended:
        return dark ? QColor(0x9e, 0x9e, 0x9e) : QColor(0x75, 0x75, 0x75);
    case FluxReadiness::Unknown:
        break;
    }
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.45);
}

void FluxGraphView::select(const FluxRef &ref)
{
    const QString key = ref.key();
    if (Node *old = m_nodes.value(m_selected)) {
        old->highlighted = false;
        old->update();
    }
    // Kept for an object not drawn yet: the panel may select what the next layout brings.
    m_selected = ref.isValid() ? key : QString();
    if (Node *node = m_nodes.value(key)) {
        node->highlighted = true;
        node->update();
        ensureVisible(node, 40, 40);
    }
}

void FluxGraphView::fitToView()
{
    if (m_graph.isEmpty())
        return;
    resetTransform();
    fitInView(sceneRect(), Qt::KeepAspectRatio);
    // Never larger than life: a small graph stays at 100 %.
    if (zoom() > 1.0)
        resetTransform();
    else if (zoom() < MinZoom)
        scaleBy(MinZoom / zoom());
}

void FluxGraphView::zoomIn()
{
    scaleBy(1.25);
}

void FluxGraphView::zoomOut()
{
    scaleBy(1 / 1.25);
}

void FluxGraphView::scaleBy(qreal factor)
{
    const qreal target = qBound(MinZoom, zoom() * factor, MaxZoom);
    scale(target / zoom(), target / zoom());
}

void FluxGraphView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        scaleBy(qPow(1.15, event->angleDelta().y() / 120.0));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

Node *FluxGraphView::nodeAt(const QPoint &viewportPos) const
{
    const QList<QGraphicsItem *> hits = items(viewportPos);
    for (QGraphicsItem *item : hits) {
        if (auto *node = dynamic_cast<Node *>(item))
            return node;
    }
    return nullptr;
}

void FluxGraphView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        if (Node *node = nodeAt(event->pos())) {
            select(node->node.ref);
            if (!node->node.missing)
                emit objectActivated(node->node.ref);
            event->accept();
            return;
        }
    }
    QGraphicsView::mousePressEvent(event);
}

void FluxGraphView::paintEvent(QPaintEvent *event)
{
    QGraphicsView::paintEvent(event);
    if (!m_graph.isEmpty())
        return;
    QPainter painter(viewport());
    QColor dim = palette().color(QPalette::Text);
    dim.setAlphaF(0.6f);
    painter.setPen(dim);
    painter.drawText(viewport()->rect().adjusted(24, 24, -24, -24),
                     Qt::AlignCenter | Qt::TextWordWrap,
                     tr("No Flux objects yet. Once Flux runs in the cluster, its sources, "
                        "Kustomizations and HelmReleases appear here with what depends on what."));
}

void FluxGraphView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        // The boxes paint with the scene's palette (cached ones have no widget to ask), and
        // their caches hold the old colours.
        scene()->setPalette(explicitCopy(palette()));
        for (Node *node : std::as_const(m_nodes))
            node->update();
        scene()->update();
    }
    QGraphicsView::changeEvent(event);
}

} // namespace Fluxdesk
