#include "planpane.h"

#include "flux/fluxlivestate.h"
#include "fluxstatusdelegate.h"
#include "items/plantreemodel.h"
#include "plan/planner.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QScrollBar>
#include <QStackedWidget>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace Fluxdesk {

namespace {

const QLatin1String excludedKeyPrefix("\x01"
                                      "excluded/");
const QLatin1String objectKeyPrefix("\x01"
                                    "object/");

// Colours and icons for the plan tree, read from the model's roles (the model has no QtGui):
// what needs a look (differs, a plain-text Secret) stands out, what the plan does not write
// (excluded, on disk only, bootstrap) recedes.
class PlanItemDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const auto type = PlanTreeModel::NodeType(index.data(PlanTreeModel::NodeTypeRole).toInt());
        const int status = index.data(PlanTreeModel::FileStatusRole).toInt();
        const bool plainText = index.data(PlanTreeModel::PlainTextSecretRole).toBool();
        const QStyle *style = option->widget ? option->widget->style() : QApplication::style();

        if (index.column() == PlanTreeModel::FluxColumn) {
            // The live state, in the Flux view's colours and marks; a missing object recedes.
            const QVariant readiness = index.data(PlanTreeModel::FluxStateRole);
            if (readiness.isValid() && !index.data(PlanTreeModel::FluxMissingRole).toBool()) {
                const auto r = FluxReadiness(readiness.toInt());
                option->icon = FluxStatusDelegate::icon(r);
                option->features |= QStyleOptionViewItem::HasDecoration;
                option->decorationSize = QSize(16, 16);
                if (r == FluxReadiness::Failed || r == FluxReadiness::Stalled)
                    option->palette.setColor(QPalette::Text, FluxStatusDelegate::colour(r));
            } else if (!option->text.isEmpty()) {
                option->palette.setColor(QPalette::Text,
                                         option->palette.color(QPalette::PlaceholderText));
            }
            return;
        }

        if (index.column() == PlanTreeModel::NameColumn) {
            option->icon = style->standardIcon(type == PlanTreeModel::File ||
                                                       type == PlanTreeModel::ExcludedObject
                                                   ? QStyle::SP_FileIcon
                                                   : QStyle::SP_DirIcon);
            option->features |= QStyleOptionViewItem::HasDecoration;
        }

        QColor colour;
        if (plainText) {
            colour = QColor(0xc6, 0x28, 0x28);
            option->font.setBold(true);
        } else if (status == int(FileStatus::Differs) ||
                   (type == PlanTreeModel::Folder &&
                    index.column() == PlanTreeModel::StatusColumn &&
                    index.data(PlanTreeModel::DifferingRole).toInt() > 0)) {
            colour = QColor(0xc0, 0x6a, 0x00);
        } else if (status == int(FileStatus::OnDiskOnly) || type == PlanTreeModel::ExcludedObject ||
                   type == PlanTreeModel::Bootstrap) {
            colour = option->palette.color(QPalette::PlaceholderText);
        }
        if (colour.isValid())
            option->palette.setColor(QPalette::Text, colour);
        if (type == PlanTreeModel::Bootstrap)
            option->font.setItalic(true);
    }
};

} // namespace

PlanPane::PlanPane(QWidget *parent) : QWidget(parent)
{
    m_model = new PlanTreeModel(this);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(createEmptyPage());
    m_stack->addWidget(createPlanPage());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_model, &PlanTreeModel::moveRequested, this, &PlanPane::moveRequested);
    connect(m_model, &PlanTreeModel::excludeRequested, this, &PlanPane::excludeRequested);
    connect(m_model, &QAbstractItemModel::modelReset, this, &PlanPane::updateState);
    updateState();
}

QWidget *PlanPane::createEmptyPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("planEmptyState"));
    auto *text = new QLabel(tr("Open your repository checkout to see the Flux repository this "
                               "cluster becomes: every planned file beside what is on disk. "
                               "An empty folder works too."),
                            page);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    auto *open = new QPushButton(tr("Open repository…"), page);
    open->setObjectName(QStringLiteral("openRepositoryButton"));
    connect(open, &QPushButton::clicked, this, &PlanPane::openRepositoryRequested);

    auto *layout = new QVBoxLayout(page);
    layout->addStretch(1);
    layout->addWidget(text);
    layout->addWidget(open, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    return page;
}

QWidget *PlanPane::createPlanPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("planPage"));

    auto *title = new QLabel(tr("Repository"), page);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    m_repositoryLabel = new QLabel(page);
    m_repositoryLabel->setObjectName(QStringLiteral("repositoryPath"));
    m_repositoryLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *clusterLabel = new QLabel(tr("&Cluster name:"), page);
    m_clusterEdit = new QLineEdit(page);
    m_clusterEdit->setObjectName(QStringLiteral("clusterNameEdit"));
    clusterLabel->setBuddy(m_clusterEdit);
    // A DNS label: it names the clusters/<cluster>/ folder and Flux's path to it.
    m_clusterEdit->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")), m_clusterEdit));
    m_clusterEdit->setToolTip(
        tr("Names the clusters/<name>/ folder: lower-case letters, digits and '-'."));
    connect(m_clusterEdit, &QLineEdit::editingFinished, this, &PlanPane::onClusterEdited);

    m_settingsButton = new QPushButton(tr("Flux settings…"), page);
    m_settingsButton->setObjectName(QStringLiteral("fluxSettingsButton"));
    m_settingsButton->setToolTip(
        tr("Intervals, prune, wait, dependsOn and health checks of the Flux Kustomizations."));
    connect(m_settingsButton, &QPushButton::clicked, this, &PlanPane::settingsRequested);

    m_writeButton = new QPushButton(tr("Write plan…"), page);
    m_writeButton->setObjectName(QStringLiteral("writePlanButton"));
    m_writeButton->setToolTip(tr("Shows what changes in the checkout, then writes it."));
    connect(m_writeButton, &QPushButton::clicked, this, &PlanPane::writeRequested);

    m_busyBar = new QProgressBar(page);
    m_busyBar->setObjectName(QStringLiteral("planBusy"));
    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(false);
    m_busyBar->setMaximumWidth(80);
    m_busyBar->setVisible(false);

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(clusterLabel);
    toolbar->addWidget(m_clusterEdit, 1);
    toolbar->addWidget(m_settingsButton);
    toolbar->addWidget(m_writeButton);
    toolbar->addWidget(m_busyBar);

    m_countsLabel = new QLabel(page);
    m_countsLabel->setObjectName(QStringLiteral("planCounts"));
    m_countsLabel->setWordWrap(true);

    m_tree = new QTreeView(page);
    m_tree->setObjectName(QStringLiteral("planTree"));
    m_tree->setModel(m_model);
    m_tree->setItemDelegate(new PlanItemDelegate(m_tree));
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setDragEnabled(true);
    m_tree->setAcceptDrops(true);
    m_tree->setDropIndicatorShown(true);
    m_tree->setDragDropMode(QAbstractItemView::DragDrop);
    m_tree->setDefaultDropAction(Qt::MoveAction);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(PlanTreeModel::NameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(PlanTreeModel::StatusColumn,
                                           QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(PlanTreeModel::FluxColumn,
                                           QHeaderView::ResizeToContents);
    // Names stay readable when the status columns are wide in a narrow pane (the Flux column's
    // text is long): the view scrolls sideways instead of squeezing the names away.
    m_tree->header()->setMinimumSectionSize(m_tree->fontMetrics().averageCharWidth() * 22);
    // Without a cluster's Flux there is nothing to say in it.
    m_tree->setColumnHidden(PlanTreeModel::FluxColumn, !m_model->showsFluxStatus());
    connect(m_model, &PlanTreeModel::fluxStatusShownChanged, m_tree,
            [this](bool shown) { m_tree->setColumnHidden(PlanTreeModel::FluxColumn, !shown); });
    m_tree->installEventFilter(this);
    connect(m_tree, &QTreeView::activated, this, &PlanPane::onActivated);
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { onSelectionChanged(); });
    connect(m_tree, &QWidget::customContextMenuRequested, this, &PlanPane::showContextMenu);

    auto *header = new QHBoxLayout;
    header->addWidget(title);
    header->addWidget(m_repositoryLabel, 1);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addLayout(toolbar);
    layout->addWidget(m_countsLabel);
    layout->addWidget(m_tree, 1);
    return page;
}

QString PlanPane::countsText() const
{
    if (m_model->isEmpty())
        return tr("No plan yet: connect to a cluster to plan the repository.");
    const PlanTreeModel::Counts c = m_model->counts();
    QString text = tr("Objects to migrate: %1 · Files: %2 · Excluded: %3 · Differing: %4")
                       .arg(c.objectsToMigrate)
                       .arg(c.plannedFiles)
                       .arg(c.excludedObjects)
                       .arg(c.differingFiles);
    if (c.onDiskOnly > 0)
        text = tr("%1 · On disk only: %2").arg(text).arg(c.onDiskOnly);
    return text;
}

void PlanPane::updateState()
{
    m_stack->setCurrentIndex(m_repository.isEmpty() ? 0 : 1);
    m_countsLabel->setText(countsText());
    m_writeButton->setEnabled(!m_model->isEmpty());
    m_busyBar->setVisible(m_busy);
}

void PlanPane::setRepository(const QString &path)
{
    if (path == m_repository)
        return;
    m_repository = path;
    m_expandedOnce = false;
    m_repositoryLabel->setText(path);
    m_repositoryLabel->setToolTip(path);
    if (path.isEmpty() || !m_model->isEmpty())
        m_model->clear(); // the old repository's plan means nothing for the new one
    updateState();
}

void PlanPane::setFluxLiveState(FluxLiveState *state)
{
    if (m_fluxState == state)
        return;
    if (m_fluxState)
        disconnect(m_fluxState, nullptr, this, nullptr);
    m_fluxState = state;
    m_model->clearFluxStatus();
    if (!m_fluxState)
        return;
    connect(m_fluxState, &FluxLiveState::changed, this, &PlanPane::onFluxChanged);
    onFluxChanged(m_fluxState->refs(), {}, {});
}

void PlanPane::setFluxWatching(bool watching)
{
    m_model->setFluxWatching(watching);
}

void PlanPane::onFluxChanged(const QList<FluxRef> &added, const QList<FluxRef> &updated,
                             const QList<FluxRef> &removed)
{
    if (!m_fluxState)
        return;
    QList<FluxObjectStatus> statuses;
    statuses.reserve(added.size() + updated.size());
    for (const QList<FluxRef> *refs : {&added, &updated}) {
        for (const FluxRef &ref : *refs) {
            if (const FluxObjectStatus *status = m_fluxState->status(ref))
                statuses.append(*status);
        }
    }
    m_model->updateFluxStatus(statuses, removed);
}

void PlanPane::setBusy(bool busy)
{
    m_busy = busy;
    updateState();
}

QString PlanPane::keyOf(const QModelIndex &index) const
{
    const QModelIndex i = index.sibling(index.row(), 0);
    const auto type = PlanTreeModel::NodeType(i.data(PlanTreeModel::NodeTypeRole).toInt());
    switch (type) {
    case PlanTreeModel::ExcludedGroup:
        return excludedKeyPrefix + QString::number(i.data(PlanTreeModel::OwnershipRole).toInt());
    case PlanTreeModel::ExcludedObject: {
        const QStringList keys = i.data(PlanTreeModel::ObjectKeysRole).toStringList();
        return keys.isEmpty() ? QString() : objectKeyPrefix + keys.first();
    }
    case PlanTreeModel::File: {
        // By the object it holds: a file the user moved or renamed stays selected at its new place.
        const QString own = i.data(PlanTreeModel::OwnObjectRole).toString();
        return own.isEmpty() ? i.data(PlanTreeModel::PathRole).toString() : objectKeyPrefix + own;
    }
    default:
        return i.data(PlanTreeModel::PathRole).toString();
    }
}

QModelIndex PlanPane::indexForKey(const QString &key) const
{
    if (key.startsWith(objectKeyPrefix)) {
        ObjectKey object;
        if (!PlanTreeModel::objectKeyFromString(key.mid(objectKeyPrefix.size()), &object))
            return {};
        // Wherever it is now: an included object's selection follows it into its file.
        return m_model->indexForObject(object);
    }
    if (key.startsWith(excludedKeyPrefix)) {
        const int ownership = key.mid(excludedKeyPrefix.size()).toInt();
        const int rows = m_model->rowCount();
        if (rows == 0)
            return {};
        const QModelIndex top = m_model->index(rows - 1, 0);
        if (top.data(PlanTreeModel::NodeTypeRole).toInt() != PlanTreeModel::ExcludedGroup)
            return {};
        if (ownership < 0)
            return top;
        for (int r = 0; r < m_model->rowCount(top); ++r) {
            const QModelIndex group = m_model->index(r, 0, top);
            if (group.data(PlanTreeModel::OwnershipRole).toInt() == ownership)
                return group;
        }
        return {};
    }
    return m_model->indexForPath(key);
}

QStringList PlanPane::expandedKeys() const
{
    QStringList keys;
    QList<QModelIndex> pending{QModelIndex()};
    while (!pending.isEmpty()) {
        const QModelIndex parent = pending.takeLast();
        const int rows = m_model->rowCount(parent);
        for (int r = 0; r < rows; ++r) {
            const QModelIndex child = m_model->index(r, 0, parent);
            // Only rows with children can be expanded; files are the many, skip them cheaply.
            if (m_model->rowCount(child) > 0 && m_tree->isExpanded(child)) {
                keys.append(keyOf(child));
                pending.append(child);
            }
        }
    }
    return keys;
}

void PlanPane::setPlan(const Plan &plan, const QList<FileState> &states)
{
    const bool hadPlan = !m_model->isEmpty();
    QStringList expanded = hadPlan ? expandedKeys() : QStringList();
    QStringList selected;
    for (const QModelIndex &index : selectedRows())
        selected.append(keyOf(index));
    QString current = keyOf(m_tree->currentIndex());
    // A renamed cluster moves clusters/<old>/: what was open there stays open.
    const QString oldCluster = m_model->cluster();
    if (hadPlan && !oldCluster.isEmpty() && oldCluster != plan.cluster) {
        const QString from = QStringLiteral("clusters/") + oldCluster;
        const QString to = QStringLiteral("clusters/") + plan.cluster;
        const auto rename = [&from, &to](QString &key) {
            if (key == from || key.startsWith(from + QLatin1Char('/')))
                key.replace(0, from.size(), to);
        };
        std::for_each(expanded.begin(), expanded.end(), rename);
        std::for_each(selected.begin(), selected.end(), rename);
        rename(current);
    }
    const int scroll = m_tree->verticalScrollBar()->value();

    m_syncing = true;
    m_model->setPlan(plan, states);
    if (hadPlan && m_expandedOnce) {
        for (const QString &key : expanded) {
            const QModelIndex index = indexForKey(key);
            if (index.isValid())
                m_tree->setExpanded(index, true);
        }
    } else if (!m_model->isEmpty()) {
        // First sight of a plan: open the three roots and the cluster folder, leave Excluded shut.
        for (int r = 0; r < m_model->rowCount(); ++r) {
            const QModelIndex top = m_model->index(r, 0);
            if (top.data(PlanTreeModel::NodeTypeRole).toInt() != PlanTreeModel::Folder)
                continue;
            m_tree->setExpanded(top, true);
            if (top.data(PlanTreeModel::PathRole).toString() == QLatin1String("clusters")) {
                for (int c = 0; c < m_model->rowCount(top); ++c)
                    m_tree->setExpanded(m_model->index(c, 0, top), true);
            }
        }
        m_expandedOnce = true;
    }
    QItemSelection selection;
    for (const QString &key : selected) {
        const QModelIndex index = indexForKey(key);
        if (index.isValid())
            selection.select(index, index.sibling(index.row(), PlanTreeModel::ColumnCount - 1));
    }
    const QModelIndex currentIndex = indexForKey(current);
    if (currentIndex.isValid()) {
        for (QModelIndex p = currentIndex.parent(); p.isValid(); p = p.parent())
            m_tree->setExpanded(p, true);
        m_tree->selectionModel()->setCurrentIndex(currentIndex, QItemSelectionModel::NoUpdate);
    }
    m_tree->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    m_tree->verticalScrollBar()->setValue(scroll);
    m_syncing = false;

    if (!m_clusterEdit->hasFocus() || !m_clusterEdit->isModified()) {
        m_clusterEdit->setText(plan.cluster);
        m_clusterEdit->setModified(false);
    }
    m_cluster = plan.cluster;
    updateState();
}

bool PlanPane::selectRelease(const QString &ns, const QString &name)
{
    return selectRow(m_model->indexForRelease(ns, name));
}

bool PlanPane::selectObject(const ObjectKey &key)
{
    return selectRow(m_model->indexForObject(key));
}

bool PlanPane::selectRow(const QModelIndex &index)
{
    if (!index.isValid())
        return false;
    m_syncing = true;
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
        m_tree->setExpanded(p, true);
    m_tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_tree->scrollTo(index);
    m_syncing = false;
    return true;
}

QModelIndexList PlanPane::selectedRows() const
{
    return m_tree->selectionModel()->selectedRows(PlanTreeModel::NameColumn);
}

void PlanPane::onSelectionChanged()
{
    if (m_syncing)
        return;
    QList<ObjectKey> objects;
    for (const QModelIndex &index : selectedRows()) {
        for (const ObjectKey &key : m_model->objectsAt(index)) {
            if (!objects.contains(key))
                objects.append(key);
        }
    }
    emit objectsSelected(objects);
    QString ns;
    QString name;
    const QModelIndexList rows = selectedRows();
    if (rows.size() == 1 && m_model->releaseAt(rows.constFirst(), &ns, &name))
        emit releaseSelected(ns, name);
}

void PlanPane::onActivated(const QModelIndex &index)
{
    if (index.data(PlanTreeModel::NodeTypeRole).toInt() != PlanTreeModel::File)
        return;
    const QString path = index.data(PlanTreeModel::PathRole).toString();
    if (index.data(PlanTreeModel::FileStatusRole).toInt() == int(FileStatus::Differs))
        emit diffRequested(path);
    else
        emit fileActivated(path);
}

void PlanPane::onClusterEdited()
{
    const QString name = m_clusterEdit->text();
    m_clusterEdit->setModified(false);
    if (name == m_cluster || !isValidClusterName(name))
        return;
    // Remember it at once: a second editingFinished (Enter, then focus out) must not repeat it.
    m_cluster = name;
    emit clusterRenameRequested(name);
}

} // namespace Fluxdesk
