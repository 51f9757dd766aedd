#include "ownershipdelegate.h"

#include "items/inventorymodel.h"

#include <QApplication>
#include <QPainter>

namespace Fluxdesk {

QColor OwnershipDelegate::statusColour(const QString &status)
{
    // Green only for deployed: anything else is not converted until Helm settles.
    if (status == QLatin1String("deployed"))
        return {0x2e, 0x7d, 0x32};
    if (status.startsWith(QLatin1String("pending")))
        return {0xb2, 0x6a, 0x00};
    return {0xc6, 0x28, 0x28};
}

QColor OwnershipDelegate::colour(Ownership ownership)
{
    switch (ownership) {
    case Ownership::UserManaged:
        return {0x1e, 0x6f, 0xd9}; // blue: the migration carries it
    case Ownership::HelmManaged:
        return {0x0f, 0x8a, 0x6b};
    case Ownership::HelmReleaseRecord:
        return {0x5f, 0x8f, 0x84};
    case Ownership::FluxManaged:
        return {0x7b, 0x4f, 0xc9};
    case Ownership::System:
        return {0x80, 0x80, 0x80};
    case Ownership::ControllerOwned:
        return {0x9a, 0x7b, 0x4f};
    case Ownership::Generated:
        return {0xa0, 0xa0, 0xa0};
    case Ownership::ReadOnly:
        return {0xb0, 0xb0, 0xb0};
    }
    return {0x80, 0x80, 0x80};
}

void OwnershipDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    const QVariant ownership = index.data(InventoryModel::OwnershipRole);
    const QVariant status = index.data(InventoryModel::StatusRole);
    if (!ownership.isValid() && !status.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The row background and selection first, then the pill over it.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QColor base = ownership.isValid() ? colour(Ownership(ownership.toInt()))
                                            : statusColour(status.toString());
    const QFontMetrics metrics(opt.font);
    const int width = metrics.horizontalAdvance(text) + 12;
    const int height = qMin(metrics.height() + 2, opt.rect.height() - 2);
    QRect pill(opt.rect.left() + 4, opt.rect.center().y() - height / 2 + 1, width, height);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor fill = base;
    fill.setAlpha(40);
    painter->setPen(QPen(base, 1));
    painter->setBrush(fill);
    painter->drawRoundedRect(QRectF(pill).adjusted(0.5, 0.5, -0.5, -0.5), height / 2.0,
                             height / 2.0);
    painter->setPen(opt.state & QStyle::State_Selected
                        ? opt.palette.color(QPalette::HighlightedText)
                        : base.darker(130));
    painter->setFont(opt.font);
    painter->drawText(pill, Qt::AlignCenter, text);
    painter->restore();
}

QSize OwnershipDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    // Every row (this column decides the uniform row height too) leaves room for the pill.
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(qMax(size.height(), QFontMetrics(option.font).height() + 4));
    if (index.data(InventoryModel::OwnershipRole).isValid() ||
        index.data(InventoryModel::StatusRole).isValid())
        size.rwidth() += 16;
    return size;
}

} // namespace Fluxdesk
