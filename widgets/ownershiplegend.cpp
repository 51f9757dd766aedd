#include "ownershiplegend.h"

#include "items/inventorymodel.h"
#include "ownershipdelegate.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
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

    m_list = new QTableWidget(this);
    m_list->setObjectName(QStringLiteral("legendList"));
    m_list->setColumnCount(3);
    m_list->setHorizontalHeaderLabels({tr("Badge"), tr("Means"), tr("What to do")});
    m_list->verticalHeader()->hide();
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setShowGrid(false);
    m_list->setWordWrap(true);
    m_list->setTextElideMode(Qt::ElideNone);
    m_list->setAlternatingRowColors(true);
    // The tree's own painter: the legend shows the badges exactly as the tree draws them.
    m_list->setItemDelegateForColumn(0, new OwnershipDelegate(m_list));

    const auto addRow = [this](const QString &badge, int role, const QVariant &value,
                               const QString &means, const QString &todo) {
        const int row = m_list->rowCount();
        m_list->insertRow(row);
        auto *item = new QTableWidgetItem(badge);
        item->setData(role, value);
        m_list->setItem(row, 0, item);
        m_list->setItem(row, 1, new QTableWidgetItem(means));
        m_list->setItem(row, 2, new QTableWidgetItem(todo));
    };
    for (const Ownership ownership : ownerships())
        addRow(ownershipBadge(ownership), InventoryModel::OwnershipRole, int(ownership),
               meaning(ownership), advice(ownership));
    for (const StatusLine &line : statusLines())
        addRow(line.status, InventoryModel::StatusRole, line.status, line.meaning, line.advice);
    QHeaderView *header = m_list->horizontalHeader();
    header->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(1, QHeaderView::Stretch);
    header->setSectionResizeMode(2, QHeaderView::Stretch);
    // Whole sentences, wrapped: the rows grow as the columns narrow.
    connect(header, &QHeaderView::sectionResized, m_list,
            [this] { m_list->resizeRowsToContents(); });

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
