#include "fluxgraphitems.h"

#include "fluxgraphview.h"

#include <QCoreApplication>
#include <QGraphicsScene>
#include <QPainter>
#include <QPainterPathStroker>

#include <QtMath>

namespace Fluxdesk {
namespace FluxGraphItems {

namespace {

QColor missingColour(const QPalette &palette)
{
    return FluxGraphView::readinessColour(FluxReadiness::Failed, palette);
}

} // namespace

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

QColor Node::colour(const QPalette &palette) const
{
    return node.missing ? missingColour(palette)
                        : FluxGraphView::readinessColour(status.readiness(), palette);
}

QStringList Node::lines() const
{
    if (node.missing)
        return {QCoreApplication::translate("Fluxdesk::FluxGraphView", "missing: %1 %2/%3")
                    .arg(node.ref.kind, node.ref.ns, node.ref.name)};
    return {node.ref.kind, FluxReadinessRules::text(status.readiness()), node.ref.name,
            node.ref.ns};
}

void Node::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    // The scene's palette, the view's copy: a cached box is painted without a widget.
    const QPalette palette = scene() ? scene()->palette() : QPalette();
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
        painter->drawText(
            QRectF(textRect.left(), textRect.top(), textRect.width() - readinessWidth - 6, line1),
            Qt::AlignLeft | Qt::AlignVCenter,
            smallMetrics.elidedText(node.ref.kind, Qt::ElideRight,
                                    textRect.width() - readinessWidth - 6));
        painter->setPen(isDark(palette) ? accent.lighter(115) : accent.darker(125));
        painter->drawText(QRectF(textRect.left(), textRect.top(), textRect.width(), line1),
                          Qt::AlignRight | Qt::AlignVCenter, readiness);

        painter->setFont(bold);
        painter->setPen(text);
        painter->drawText(QRectF(textRect.left(), textRect.top() + line1, textRect.width(), line2),
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

void Edge::route(const QRectF &from, const QRectF &to)
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

QRectF Edge::boundingRect() const
{
    return path.boundingRect().united(head.boundingRect()).adjusted(-4, -4, 4, 4);
}

QPainterPath Edge::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(8);
    QPainterPath s = stroker.createStroke(path);
    s.addPolygon(head);
    return s;
}

void Edge::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    // The scene's palette, the view's copy: a cached box is painted without a widget.
    const QPalette palette = scene() ? scene()->palette() : QPalette();
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

} // namespace FluxGraphItems
} // namespace Fluxdesk
