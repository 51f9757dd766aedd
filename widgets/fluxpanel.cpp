#include "fluxpanel.h"

#include "fluxdetailview.h"
#include "fluxstatusdelegate.h"
#include "items/fluxstatusmodel.h"

#include <QAction>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace Fluxdesk {

FluxPanel::FluxPanel(QWidget *parent) : QWidget(parent), m_proxy(new QSortFilterProxyModel(this))
{
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_toolBar = new QToolBar(tr("Flux"), this);
    m_toolBar->setObjectName(QStringLiteral("fluxToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolBar->setIconSize(QSize(16, 16));

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("fluxFilterEdit"));
    m_filter->setPlaceholderText(tr("Filter by name, kind, namespace, status or message"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        m_tree->expandAll();
    });

    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("fluxNotice"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->hide();

    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("fluxTree"));
    m_tree->setModel(m_proxy);
    m_tree->setItemDelegate(new FluxStatusDelegate(m_tree));
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_tree->header()->setStretchLastSection(false);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &FluxPanel::onCurrentChanged);
    // A filter or a removed row can take the current row away without a currentChanged.
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &FluxPanel::onCurrentChanged);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &FluxPanel::onCurrentChanged);
    // Groups open as their first objects arrive.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &group) {
        if (group.isValid() && !group.parent().isValid())
            m_tree->expand(group);
    });

    m_detail = new FluxDetailView(this);
    m_detail->setObjectName(QStringLiteral("fluxDetailView"));
    connect(m_detail, &FluxDetailView::refActivated, this,
            [this](const FluxRef &ref) { selectRef(ref); });

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("fluxSplitter"));
    splitter->addWidget(m_tree);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    m_actionStatus = new QLabel(this);
    m_actionStatus->setObjectName(QStringLiteral("fluxActionStatus"));
    m_actionStatus->setWordWrap(true);
    m_actionStatus->setTextFormat(Qt::PlainText);
    m_actionStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_actionStatus->hide();

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("fluxWatchSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    // A long reconnect message must not widen the dock.
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_filter);
    layout->addWidget(m_notice);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_actionStatus);
    layout->addWidget(m_summary);
}

void FluxPanel::setModel(FluxStatusModel *model)
{
    m_model = model;
    m_proxy->setSourceModel(model);
    m_tree->expandAll();
    QHeaderView *header = m_tree->header();
    // What a narrow dock should show first: the name, its verdict and why; kind and namespace
    // (the groups and names mostly say them) last.
    header->moveSection(header->visualIndex(FluxStatusModel::StatusColumn), 1);
    header->moveSection(header->visualIndex(FluxStatusModel::MessageColumn), 2);
    header->resizeSection(FluxStatusModel::NameColumn, 170);
    header->resizeSection(FluxStatusModel::StatusColumn, 110);
    header->resizeSection(FluxStatusModel::MessageColumn, 280);
    header->resizeSection(FluxStatusModel::RevisionColumn, 160);
    header->resizeSection(FluxStatusModel::KindColumn, 110);
    header->resizeSection(FluxStatusModel::NamespaceColumn, 100);
}

void FluxPanel::setActions(const QList<QAction *> &actions)
{
    m_toolBar->clear();
    const QList<QAction *> old = m_tree->actions();
    for (QAction *a : old)
        m_tree->removeAction(a);
    for (QAction *action : actions) {
        if (!action) {
            m_toolBar->addSeparator();
            auto *separator = new QAction(m_tree);
            separator->setSeparator(true);
            m_tree->addAction(separator);
            continue;
        }
        m_toolBar->addAction(action);
        m_tree->addAction(action);
        if (QWidget *button = m_toolBar->widgetForAction(action))
            button->setObjectName(action->objectName() + QLatin1String("Button"));
    }
}

FluxRef FluxPanel::currentRef() const
{
    if (!m_model)
        return {};
    return m_model->refAt(m_proxy->mapToSource(m_tree->currentIndex()));
}

bool FluxPanel::selectRef(const FluxRef &ref)
{
    if (!m_model)
        return false;
    QModelIndex index = m_proxy->mapFromSource(m_model->indexOf(ref));
    if (!index.isValid() && !m_filter->text().isEmpty()) {
        // Hidden by the filter: clear it rather than fail the click.
        m_filter->clear();
        index = m_proxy->mapFromSource(m_model->indexOf(ref));
    }
    if (!index.isValid())
        return false;
    m_tree->expand(index.parent());
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    return true;
}

void FluxPanel::setNotice(const QString &notice)
{
    m_notice->setText(notice);
    m_notice->setVisible(!notice.isEmpty());
}

void FluxPanel::setSummary(const QString &summary)
{
    m_summary->setText(summary);
    m_summary->setToolTip(summary);
}

void FluxPanel::setActionStatus(const QString &status, bool error)
{
    m_actionStatus->setText(status);
    QPalette palette = m_actionStatus->palette();
    palette.setColor(QPalette::WindowText, error ? FluxStatusDelegate::colour(FluxReadiness::Failed)
                                                 : this->palette().color(QPalette::WindowText));
    m_actionStatus->setPalette(palette);
    m_actionStatus->setVisible(!status.isEmpty());
}

void FluxPanel::claimShortcut(QAction *action)
{
    m_claimed = action;
    for (QWidget *w : {static_cast<QWidget *>(m_tree), static_cast<QWidget *>(m_filter),
                       static_cast<QWidget *>(m_detail)})
        w->installEventFilter(this);
}

bool FluxPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (m_claimed &&
        (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const QKeySequence pressed(int(key->modifiers()) | key->key());
        if (!m_claimed->shortcut().isEmpty() && pressed == m_claimed->shortcut()) {
            // Accepting the override keeps the window's shortcut map out of it; the key press
            // that follows runs the action.
            event->accept();
            if (event->type() == QEvent::KeyPress && m_claimed->isEnabled())
                m_claimed->trigger();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FluxPanel::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void FluxPanel::onCurrentChanged()
{
    const FluxRef ref = currentRef();
    if (ref == m_current)
        return;
    m_current = ref;
    emit currentChanged(ref);
}

} // namespace Fluxdesk
