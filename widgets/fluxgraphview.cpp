#include "fluxgraphview.h"

#include "flux/fluxlivestate.h"

#include <QAction>
#include <QCoreApplication>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPathStroker>
#include <QTimer>
#include <QWheelEvent>

#include <QtMath>

namespace Fluxdesk {

namespace {

constexpr qreal NodeWidth = 210;
constexpr qreal NodeHeight = 58;
constexpr qreal ColumnGap = 80;
constexpr qreal RowGap = 18;
constexpr qreal Stripe = 6;
constexpr qreal MinZoom = 0.1;
constexpr qreal MaxZoom = 4.0;

QString label(const FluxRef &ref)
{
    return QStringLiteral("%1 %2/%3").arg(ref.kind, ref.ns, ref.name);
}

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor missingColour(const QPalette &palette)
{
    return FluxGraphView::readinessColour(FluxReadiness::Failed, palette);
}

} // namespace

namespace FluxGraphItems {

// One box. Paints from what it holds; the view hands it the status when it changes.
class Node : public QGraphicsItem
{
public:
    FluxGraphNode node;
    FluxObjectStatus status;
    QString shape;         // FluxGraph::shapeOf(status) when the box was placed
    QStringList referrers; // for a missing object: who refers to it
    bool highlighted = false;

    QRectF box() const { return {0, 0, NodeWidth, NodeHeight}; }
    QRectF boundingRect() const override { return box().adjusted(-3, -3, 3, 3); }

    QColor colour(const QPalette &palette) const
    {
        return node.missing ? missingColour(palette)
                            : FluxGraphView::readinessColour(status.readiness(), palette);
    }

    QStringList lines() const
    {
        if (node.missing)
            return {QCoreApplication::translate("Fluxdesk::FluxGraphView", "missing: %1 %2/%3")
                        .arg(node.ref.kind, node.ref.ns, node.ref.name)};
        return {node.ref.kind, FluxReadinessRules::text(status.readiness()), node.ref.name,
                node.ref.ns};
    }

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *widget) override
    {
        const QPalette palette = widget ? widget->palette() : QPalette();
        const QColor accent = colour(palette);
        const QColor base = palette.color(QPalette::Base);
        const QColor text = palette.color(QPalette::Text);
        const QRectF r = box();
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        if (node.missing) {
            painter->setBrush(base);
            QPen pen(accent, 1.5, Qt::DashLine);
            painter->setPen(pen);
            painter->drawRoundedRect(r.adjusted(0.75, 0.75, -0.75, -0.75), 4, 4);
            painter->setPen(accent);
            QFont font = painter->font();
            painter->setFont(font);
            // Broken before "namespace/name" when it does not fit on one line, never inside it.
            QString said = lines().constFirst();
            const QRectF textRect = r.adjusted(8, 4, -8, -4);
            const QString where = node.ref.ns + QLatin1Char('/') + node.ref.name;
            const int at = int(said.lastIndexOf(where));
            if (QFontMetricsF(font).horizontalAdvance(said) > textRect.width() && at > 0 &&
                said.at(at - 1) == QLatin1Char(' '))
                said[at - 1] = QLatin1Char('\n');
            painter->drawText(textRect, Qt::AlignCenter | Qt::TextWordWrap, said);
        } else {
            painter->setBrush(mix(base, accent, isDark(palette) ? 0.28 : 0.16));
            painter->setPen(QPen(accent, 1.5));
            painter->drawRoundedRect(r.adjusted(0.75, 0.75, -0.75, -0.75), 4, 4);
            // The stripe is drawn solid, without antialiasing: it is the readiness colour exactly.
            painter->setRenderHint(QPainter::Antialiasing, false);
            painter->fillRect(QRectF(1, 4, Stripe, NodeHeight - 8), accent);
            painter->setRenderHint(QPainter::Antialiasing);

            const QRectF textRect = r.adjusted(Stripe + 8, 4, -8, -4);
            QFont small = painter->font();
            small.setPointSizeF(small.pointSizeF() * 0.85);
            QFont bold = painter->font();
            bold.setBold(true);
            const QFontMetricsF smallMetrics(small), boldMetrics(bold);
            const qreal line1 = smallMetrics.height();
            const qreal line2 = boldMetrics.height();
            QColor dim = text;
            dim.setAlphaF(0.7f);

            painter->setFont(small);
            painter->setPen(dim);
            const QString readiness = FluxReadinessRules::text(status.readiness());
            const qreal readinessWidth = smallMetrics.horizontalAdvance(readiness);
            painter->drawText(QRectF(textRect.left(), textRect.top(),
                                     textRect.width() - readinessWidth - 6, line1),
                              Qt::AlignLeft | Qt::AlignVCenter,
                              smallMetrics.elidedText(node.ref.kind, Qt::ElideRight,
                                                      textRect.width() - readinessWidth - 6));
            painter->setPen(isDark(palette) ? accent.lighter(115) : accent.darker(125));
            painter->drawText(QRectF(textRect.left(), textRect.top(), textRect.width(), line1),
                              Qt::AlignRight | Qt::AlignVCenter, readiness);

            painter->setFont(bold);
            painter->setPen(text);
            painter->drawText(
                QRectF(textRect.left(), textRect.top() + line1, textRect.width(), line2),
                Qt::AlignLeft | Qt::AlignVCenter,
                boldMetrics.elidedText(node.ref.name, Qt::ElideMiddle, textRect.width()));
            painter->setFont(small);
            painter->setPen(dim);
            painter->drawText(
                QRectF(textRect.left(), textRect.top() + line1 + line2, textRect.width(), line1),
                Qt::AlignLeft | Qt::AlignVCenter,
                smallMetrics.elidedText(node.ref.ns, Qt::ElideRight, textRect.width()));
        }
        if (highlighted) {
            painter->setBrush(Qt::NoBrush);
            painter->setPen(QPen(palette.color(QPalette::Highlight), 3));
            painter->drawRoundedRect(r.adjusted(-1.5, -1.5, 1.5, 1.5), 5, 5);
        }
        painter->restore();
    }
};

// One arrow, from the dependency's right edge to the dependent's left edge (reconciliation runs
// left to right); between two boxes of one column (a cycle) it bends out to the right.
class Edge : public QGraphicsItem
{
public:
    FluxGraphEdge edge;
    QString dependentKey;
    QString dependencyKey;
    bool toMissing = false;
    QPainterPath path;
    QPolygonF head;

    void route(const QRectF &from, const QRectF &to)
    {
        prepareGeometryChange();
        path = QPainterPath();
        QPointF end;
        if (to.left() > from.right() + ColumnGap + 1) {
            // Across columns: along the gap above the dependent's row, which is a gap in every
            // column (rows share one pitch), so the arrow never runs behind a box. Lanes are
            // staggered a little by where the arrow starts.
            const QPointF start(from.right(), from.center().y());
            end = QPointF(to.left(), to.center().y());
            const qreal lane =
                to.top() - RowGap / 2 + (int(from.top() / (NodeHeight + RowGap)) % 3 - 1) * 4;
            const qreal half = ColumnGap / 2;
            path.moveTo(start);
            path.cubicTo(start + QPointF(half, 0), QPointF(start.x(), lane),
                         QPointF(start.x() + half, lane));
            path.lineTo(end.x() - half, lane);
            path.cubicTo(QPointF(end.x(), lane), end - QPointF(half, 0), end);
        } else if (to.left() > from.right()) {
            const QPointF start(from.right(), from.center().y());
            end = QPointF(to.left(), to.center().y());
            const qreal dx = (end.x() - start.x()) / 2;
            path.moveTo(start);
            path.cubicTo(start + QPointF(dx, 0), end - QPointF(dx, 0), end);
        } else if (from == to) {
            const QPointF start(from.right(), from.center().y() - 10);
            end = QPointF(from.right(), from.center().y() + 10);
            path.moveTo(start);
            path.cubicTo(start + QPointF(40, -20), end + QPointF(40, 20), end);
        } else {
            const QPointF start(from.right(), from.center().y());
            end = QPointF(to.right(), to.center().y());
            const qreal bulge = 30 + qAbs(end.y() - start.y()) / 6;
            path.moveTo(start);
            path.cubicTo(start + QPointF(bulge, 0), end + QPointF(bulge, 0), end);
        }
        const qreal angle = qDegreesToRadians(path.angleAtPercent(1));
        const QPointF back(-qCos(angle) * 9, qSin(angle) * 9);
        const QPointF side(-back.y() * 0.5, back.x() * 0.5);
        head.clear();
        head << end << end + back + side << end + back - side;
    }

    QRectF boundingRect() const override
    {
        return path.boundingRect().united(head.boundingRect()).adjusted(-4, -4, 4, 4);
    }
    QPainterPath shape() const override
    {
        QPainterPathStroker stroker;
        stroker.setWidth(8);
        QPainterPath s = stroker.createStroke(path);
        s.addPolygon(head);
        return s;
    }

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *widget) override
    {
        const QPalette palette = widget ? widget->palette() : QPalette();
        QColor colour = palette.color(QPalette::Text);
        colour.setAlphaF(0.55f);
        if (edge.cycle || toMissing)
            colour = missingColour(palette);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        QPen pen(colour, edge.cycle ? 2.0 : 1.4);
        if (edge.kind != FluxGraphEdge::Kind::DependsOn)
            pen.setStyle(Qt::DashLine);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(path);
        painter->setPen(Qt::NoPen);
        painter->setBrush(colour);
        painter->drawPolygon(head);
        painter->restore();
    }
};

} // namespace FluxGraphItems

using FluxGraphItems::Edge;
using FluxGraphItems::Node;

FluxGraphView::FluxGraphView(QWidget *parent) : QGraphicsView(parent)
{
    setObjectName(QStringLiteral("fluxGraphView"));
    setScene(new QGraphicsScene(this));
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
    if (!m_nodes.contains(m_selected))
        m_selected.clear();
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
    m_selected.clear();
    if (Node *node = m_nodes.value(key)) {
        m_selected = key;
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
    if (event->type() == QEvent::PaletteChange)
        scene()->update();
    QGraphicsView::changeEvent(event);
}

} // namespace Fluxdesk
