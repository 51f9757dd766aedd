#include "ownershiplegend.h"

#include "items/inventorymodel.h"
#include "ownershipdelegate.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Fluxdesk {

QList<Ownership> OwnershipLegend::ownerships()
{
    // ownershipId() names every class (its switch fails the build without a case), so the first
    // value it has no name for is past the end.
    QList<Ownership> all;
    for (int value = 0; !ownershipId(Ownership(value)).isEmpty(); ++value)
        all.append(Ownership(value));
    return all;
}

QString OwnershipLegend::meaning(Ownership ownership)
{
    switch (ownership) {
    case Ownership::UserManaged:
        return tr("You created it by hand (kubectl apply, a dashboard): only the cluster has it.");
    case Ownership::HelmManaged:
        return tr("A Helm release created it from its chart.");
    case Ownership::HelmReleaseRecord:
        return tr("Helm's own record of a release revision (a sh.helm.release.v1 Secret).");
    case Ownership::FluxManaged:
        return tr("Flux already applies it from a Git repository.");
    case Ownership::System:
        return tr("Part of Kubernetes or K3s itself.");
    case Ownership::ControllerOwned:
        return tr("A controller made it for its owner (a Pod for a ReplicaSet, a ReplicaSet for a "
                  "Deployment).");
    case Ownership::Generated:
        return tr("The cluster created it automatically (a default ServiceAccount, "
                  "kube-root-ca.crt, an Event).");
    case Ownership::ReadOnly:
        return tr("A reading of a read-only API (metrics.k8s.io), not an object anyone applies.");
    }
    return {};
}

QString OwnershipLegend::advice(Ownership ownership)
{
    switch (ownership) {
    case Ownership::UserManaged:
        return tr("The plan writes it to a file: review it, move it, or exclude what you no "
                  "longer need.");
    case Ownership::HelmManaged:
        return tr("Its release's HelmRelease carries it: select the release under \"Helm "
                  "releases\" to review the values.");
    case Ownership::HelmReleaseRecord:
        return tr("Left out: the HelmRelease adopts the running release and keeps these records.");
    case Ownership::FluxManaged:
        return tr("Left out: it is in Git already. Nothing to do.");
    case Ownership::System:
        return tr("Left out: K3s keeps it. Leave it alone.");
    case Ownership::ControllerOwned:
        return tr("Left out: its owner is migrated, and the controller makes it again.");
    case Ownership::Generated:
        return tr("Left out: the cluster makes it again. Include it only if you changed it.");
    case Ownership::ReadOnly:
        return tr("Never written: there is nothing to apply.");
    }
    return {};
}

namespace {

struct StatusLine
{
    QString status;
    QString meaning;
    QString advice;
};

QList<StatusLine> statusLines()
{
    return {
        {QStringLiteral("deployed"),
         OwnershipLegend::tr("A Helm release that is installed and settled."),
         OwnershipLegend::tr("Converted into a HelmRelease that adopts it.")},
        {QStringLiteral("pending-upgrade"),
         OwnershipLegend::tr("A Helm operation is running or was interrupted."),
         OwnershipLegend::tr("Not converted: wait for it, or roll it back with helm rollback.")},
        {QStringLiteral("failed"), OwnershipLegend::tr("The release's last operation failed."),
         OwnershipLegend::tr("Not converted: repair it with helm rollback or a good upgrade.")},
    };
}

} // namespace

OwnershipLegend::OwnershipLegend(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("ownershipLegend"));
    setWindowTitle(tr("Badges of the Cluster Tree"));

    auto *intro = new QLabel(tr("Each object of the cluster tree has a badge saying who manages "
                                "it; hover over a badge in the tree for the reason. Objects "
                                "left out are listed when \"Show owned and generated objects\" "
                                "is on."),
                             this);
    intro->setWordWrap(true);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("legendList"));
    m_list->setColumnCount(3);
    m_list->setHeaderLabels({tr("Badge"), tr("Means"), tr("What to do")});
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    // The tree's own painter: the legend shows the badges exactly as the tree draws them.
    m_list->setItemDelegateForColumn(0, new OwnershipDelegate(m_list));

    for (const Ownership ownership : ownerships()) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, ownershipBadge(ownership));
        item->setData(0, InventoryModel::OwnershipRole, int(ownership));
        item->setText(1, meaning(ownership));
        item->setText(2, advice(ownership));
    }
    for (const StatusLine &line : statusLines()) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, line.status);
        item->setData(0, InventoryModel::StatusRole, line.status);
        item->setText(1, line.meaning);
        item->setText(2, line.advice);
    }
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(2, QHeaderView::Stretch);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("legendButtons"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(860, 420);
}

} // namespace Fluxdesk
