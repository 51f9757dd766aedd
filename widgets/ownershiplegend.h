#pragma once

#include "kube/classification.h"

#include <QDialog>
#include <QString>

class QTableWidget;

namespace Fluxdesk {

// What each ownership badge of the cluster tree means and what the user does about it: the badges
// drawn by the tree's own OwnershipDelegate (so the legend cannot drift from the tree), one line
// each, then the colours of a Helm release's status. Opened by the cluster pane's "?" button.
class OwnershipLegend : public QDialog
{
    Q_OBJECT
public:
    explicit OwnershipLegend(QWidget *parent = nullptr);

    // Every ownership class the classification has, in enum order (ends where ownershipId() does).
    static QList<Ownership> ownerships();
    // One sentence each: what the badge says about the object, and what the migration (or the
    // user) does with it. Empty for a class without a legend line.
    static QString meaning(Ownership ownership);
    static QString advice(Ownership ownership);

    QTableWidget *list() const { return m_list; }

private:
    QTableWidget *m_list;
};

} // namespace Fluxdesk
