#include "fluxstatusdelegate.h"

#include "items/fluxstatusmodel.h"

#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace Fluxdesk {

FluxStatusDelegate::FluxStatusDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QColor FluxStatusDelegate::colour(FluxReadiness readiness)
{
    switch (readiness) {
    case FluxReadiness::Ready:
        return QColor(0x2e, 0x9d, 0x4f);
    case FluxReadiness::Reconciling:
        return QColor(0x2f, 0x7d, 0xd1);
    case FluxReadiness::Stalled:
    case FluxReadiness::Failed:
        return QColor(0xd0, 0x3b, 0x3b);
    case FluxReadiness::Suspended:
        return QColor(0xc7, 0x8a, 0x12);
    case FluxReadiness::Unknown:
        break;
    }
    return QColor(0x8a, 0x8a, 0x8a);
}

QIcon FluxStatusDelegate::icon(FluxReadiness readiness)
{
    static QHash<int, QIcon> cache;
    const auto it = cache.constFind(int(readiness));
    if (it != cache.constEnd())
        return *it;
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour(readiness));
    if (readiness == FluxReadiness::Suspended) {
        // Two bars: paused.
        painter.drawRect(QRectF(3, 3, 3.5, 10));
        painter.drawRect(QRectF(9.5, 3, 3.5, 10));
    } else {
        painter.drawEllipse(QRectF(3, 3, 10, 10));
    }
    painter.end();
    const QIcon icon(pixmap);
    cache.insert(int(readiness), icon);
    return icon;
}

void FluxStatusDelegate::initStyleOption(QStyleOptionViewItem *option,
                                         const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QVariant readinessValue = index.data(FluxStatusModel::ReadinessRole);
    if (!readinessValue.isValid())
        return;
    const auto readiness = FluxReadiness(readinessValue.toInt());
    const bool group = index.data(FluxStatusModel::IsGroupRole).toBool();
    const int column = index.column();
    if ((group && column == FluxStatusModel::NameColumn) ||
        (!group && column == FluxStatusModel::StatusColumn)) {
        // A group without objects has no verdict to show.
        if (group && index.model()->rowCount(index.sibling(index.row(), 0)) == 0)
            return;
        option->icon = icon(readiness);
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->decorationSize = QSize(16, 16);
    }
    if (!group && (readiness == FluxReadiness::Failed || readiness == FluxReadiness::Stalled) &&
        (column == FluxStatusModel::StatusColumn || column == FluxStatusModel::MessageColumn))
        option->palette.setColor(QPalette::Text, colour(readiness));
}

} // namespace Fluxdesk
