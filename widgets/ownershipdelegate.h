#pragma once

#include "kube/classification.h"

#include <QColor>
#include <QStyledItemDelegate>

namespace Fluxdesk {

// Paints the ownership badge column as a coloured pill, one colour per Ownership, so what the
// migration must carry (Manual) stands out from what Helm, Flux, K3s or a controller owns.
class OwnershipDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static QColor colour(Ownership ownership);
    // A Helm release status in the same column: green when deployed, else amber or red.
    static QColor statusColour(const QString &status);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Fluxdesk
