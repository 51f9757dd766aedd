#pragma once

#include "flux/fluxreadiness.h"

#include <QColor>
#include <QIcon>
#include <QStyledItemDelegate>

namespace Fluxdesk {

// Paints a Flux view's readiness: a coloured dot before the status text (and before a group's
// name, with the group's worst), failures and stalls in the error colour. Reads
// FluxStatusModel::ReadinessRole, so it works through any proxy.
class FluxStatusDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit FluxStatusDelegate(QObject *parent = nullptr);

    static QColor colour(FluxReadiness readiness);
    static QIcon icon(FluxReadiness readiness);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace Fluxdesk
