#pragma once

#include "flux/fluxgraph.h"

#include <QColor>
#include <QGraphicsItem>
#include <QPainterPath>
#include <QPalette>
#include <QPolygonF>
#include <QStringList>

namespace Fluxdesk {
// The boxes and arrows FluxGraphView puts in its scene: drawing only, the layout is FluxGraph's.
namespace FluxGraphItems {

constexpr qreal NodeWidth = 210;
constexpr qreal NodeHeight = 58;
constexpr qreal ColumnGap = 80;
constexpr qreal RowGap = 18;
constexpr qreal Stripe = 6;

QColor mix(const QColor &a, const QColor &b, qreal t);
bool isDark(const QPalette &palette);
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

    // The readiness colour (red for a missing object).
    QColor colour(const QPalette &palette) const;
    // What the box says, line by line (a missing object's box: one sentence).
    QStringList lines() const;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *widget) override;
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

    // from: the dependency's box, to: the dependent's, in scene coordinates.
    void route(const QRectF &from, const QRectF &to);
    QRectF boundingRect() const override;
    QPainterPath shape() const override;

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *widget) override;
};

} // namespace FluxGraphItems
} // namespace Fluxdesk
