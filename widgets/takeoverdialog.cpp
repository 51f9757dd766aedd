#include "takeoverdialog.h"

#include "items/takeovermodel.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Fluxdesk {

namespace {

// Rows tinted by their verdict (translucent, so it reads on light and dark palettes) and an icon
// in the verdict column.
class SeverityDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const auto severity = TakeoverSeverity(index.data(TakeoverModel::SeverityRole).toInt());
        QColor tint;
        QStyle::StandardPixmap icon = QStyle::SP_CustomBase;
        switch (severity) {
        case TakeoverSeverity::Danger:
            tint = QColor(220, 53, 69, 90);
            icon = QStyle::SP_MessageBoxCritical;
            break;
        case TakeoverSeverity::Warning:
            tint = QColor(255, 193, 7, 90);
            icon = QStyle::SP_MessageBoxWarning;
            break;
        case TakeoverSeverity::Waiting:
            icon = QStyle::SP_BrowserReload;
            break;
        case TakeoverSeverity::Ok:
            tint = QColor(40, 167, 69, 45);
            icon = QStyle::SP_DialogApplyButton;
            break;
        }
        if (tint.isValid())
            option->backgroundBrush = tint;
        if (index.column() == TakeoverModel::VerdictColumn && icon != QStyle::SP_CustomBase) {
            const QStyle *style = option->widget ? option->widget->style() : nullptr;
            if (style) {
                option->icon = style->standardIcon(icon);
                option->features |= QStyleOptionViewItem::HasDecoration;
            }
        }
    }
};

QStyle::StandardPixmap checklistIcon(ChecklistState state)
{
    switch (state) {
    case ChecklistState::Done:
        return QStyle::SP_DialogApplyButton;
    case ChecklistState::Waiting:
        return QStyle::SP_BrowserReload;
    case ChecklistState::NotStarted:
        return QStyle::SP_ArrowRight;
    case ChecklistState::Failed:
        return QStyle::SP_MessageBoxWarning;
    case ChecklistState::Danger:
        return QStyle::SP_MessageBoxCritical;
    case ChecklistState::Advice:
        return QStyle::SP_MessageBoxInformation;
    }
    return QStyle::SP_MessageBoxInformation;
}

QString checklistStateText(ChecklistState state)
{
    switch (state) {
    case ChecklistState::Done:
        return TakeoverDialog::tr("Done");
    case ChecklistState::Waiting:
        return TakeoverDialog::tr("Under way");
    case ChecklistState::NotStarted:
        return TakeoverDialog::tr("Not started");
    case ChecklistState::Failed:
        return TakeoverDialog::tr("Failed");
    case ChecklistState::Danger:
        return TakeoverDialog::tr("Danger");
    case ChecklistState::Advice:
        return TakeoverDialog::tr("Advice");
    }
    return {};
}

QString stepTitle(int step)
{
    switch (step) {
    case 7:
        return TakeoverDialog::tr("Step 7: Bootstrap Flux");
    case 8:
        return TakeoverDialog::tr("Step 8: Reconciliation boundaries");
    case 9:
        return TakeoverDialog::tr("Step 9: Migrate incrementally");
    }
    return TakeoverDialog::tr("Step %1").arg(step);
}

} // namespace

TakeoverDialog::TakeoverDialog(QWidget *parent)
    : QDialog(parent), m_model(new TakeoverModel(this)), m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("takeoverDialog"));
    setWindowTitle(tr("Flux Takeover"));
    setModal(false);
    m_tabs->setObjectName(QStringLiteral("takeoverTabs"));
    m_tabs->addTab(createChecklistPage(), tr("Checklist"));
    m_tabs->addTab(createTakeoverPage(), tr("Takeover"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);
    resize(1000, 620);
    setNoReport(tr("No report yet."), false);
}

TakeoverDialog::~TakeoverDialog() = default;

QWidget *TakeoverDialog::createChecklistPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("checklistPage"));
    auto *intro =
        new QLabel(tr("The migration's last steps, as the cluster shows them now: bootstrap "
                      "Flux, let it apply the entry points, then let it take over what "
                      "runs, one side at a time."),
                   page);
    intro->setWordWrap(true);
    m_checklist = new QTreeWidget(page);
    m_checklist->setObjectName(QStringLiteral("checklistTree"));
    m_checklist->setColumnCount(3);
    m_checklist->setHeaderLabels({tr("Item"), tr("State"), tr("Action")});
    m_checklist->setRootIsDecorated(false);
    m_checklist->setSelectionMode(QAbstractItemView::NoSelection);
    m_checklist->header()->setStretchLastSection(false);
    m_checklist->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_checklist->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_checklist->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_advice = new QLabel(page);
    m_advice->setObjectName(QStringLiteral("checklistAdvice"));
    m_advice->setWordWrap(true);
    m_advice->setFrameShape(QFrame::StyledPanel);
    m_advice->setMargin(6);
    m_advice->hide();

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(intro);
    layout->addWidget(m_checklist, 1);
    layout->addWidget(m_advice);
    return page;
}

QWidget *TakeoverDialog::createTakeoverPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("takeoverPage"));
    m_notice = new QLabel(page);
    m_notice->setObjectName(QStringLiteral("takeoverNotice"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_recordButton = new QPushButton(tr("Record Baseline Now"), page);
    m_recordButton->setObjectName(QStringLiteral("recordBaselineButton"));
    m_recordButton->setToolTip(tr("Record what runs now (the plan's objects with their uids, the "
                                  "Helm releases at their revisions) in .fluxdesk/takeover.yaml, "
                                  "so the takeover can be checked object by object"));
    connect(m_recordButton, &QPushButton::clicked, this, &TakeoverDialog::recordBaselineRequested);
    m_counts = new QLabel(page);
    m_counts->setObjectName(QStringLiteral("takeoverCounts"));
    QFont bold = m_counts->font();
    bold.setBold(true);
    m_counts->setFont(bold);

    m_view = new QTreeView(page);
    m_view->setObjectName(QStringLiteral("takeoverView"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new SeverityDelegate(m_view));
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(false);
    m_view->setExpandsOnDoubleClick(false);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setSectionResizeMode(TakeoverModel::DetailColumn, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);
    connect(m_view, &QTreeView::doubleClicked, this, &TakeoverDialog::onActivated);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_view->expandAll();
        // Long names and paths elide (the tooltip holds them whole) so the detail keeps room.
        for (int column = 0; column < TakeoverModel::ColumnCount; ++column) {
            if (column == TakeoverModel::DetailColumn)
                continue;
            m_view->resizeColumnToContents(column);
            m_view->setColumnWidth(column, std::min(m_view->columnWidth(column), 340));
        }
    });

    m_refreshButton = new QPushButton(tr("Refresh"), page);
    m_refreshButton->setObjectName(QStringLiteral("refreshTakeoverButton"));
    m_refreshButton->setToolTip(tr("Load the cluster again and check the takeover anew"));
    connect(m_refreshButton, &QPushButton::clicked, this, &TakeoverDialog::refreshRequested);
    m_exportButton = new QPushButton(tr("Export JSON…"), page);
    m_exportButton->setObjectName(QStringLiteral("exportTakeoverButton"));
    m_exportButton->setToolTip(tr("Save the report as `fluxdesk-cli flux takeover --json` "
                                  "prints it"));
    connect(m_exportButton, &QPushButton::clicked, this, &TakeoverDialog::exportRequested);
    m_busy = new QLabel(page);
    m_busy->setObjectName(QStringLiteral("takeoverBusy"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_notice, 1);
    top->addWidget(m_recordButton, 0, Qt::AlignTop);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_busy, 1);
    bottom->addWidget(m_refreshButton);
    bottom->addWidget(m_exportButton);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(top);
    layout->addWidget(m_counts);
    layout->addWidget(m_view, 1);
    layout->addLayout(bottom);
    return page;
}

QString TakeoverDialog::countsText(const TakeoverReport &report)
{
    return tr("%1 adopted in place, %2 not yet, %3 warnings, %4 in danger")
        .arg(report.count(TakeoverSeverity::Ok))
        .arg(report.count(TakeoverSeverity::Waiting))
        .arg(report.count(TakeoverSeverity::Warning))
        .arg(report.count(TakeoverSeverity::Danger));
}

void TakeoverDialog::setReport(const TakeoverReport &report, const QString &notice)
{
    m_hasReport = true;
    m_model->setReport(report);
    m_notice->setText(notice);
    m_notice->setVisible(!notice.isEmpty());
    m_recordButton->hide();
    m_counts->setText(countsText(report));
    m_counts->show();
    m_view->show();
    m_exportButton->setEnabled(true);
}

void TakeoverDialog::setNoReport(const QString &why, bool offerRecord)
{
    m_hasReport = false;
    m_model->setReport(TakeoverReport());
    m_notice->setText(why);
    m_notice->show();
    m_recordButton->setVisible(offerRecord);
    m_counts->clear();
    m_counts->hide();
    m_view->hide();
    m_exportButton->setEnabled(false);
}

QPushButton *TakeoverDialog::actionButton(const ChecklistItem &item)
{
    QString text, tip;
    switch (item.action) {
    case ChecklistAction::None:
        return nullptr;
    case ChecklistAction::Bootstrap:
        if (!m_bootstrapAvailable)
            return nullptr;
        text = tr("Bootstrap…");
        tip = tr("Install Flux in this cluster and point it at the repository");
        break;
    case ChecklistAction::Reconcile:
        text = tr("Reconcile");
        tip = tr("Ask Flux to reconcile %1 %2/%3 now")
                  .arg(item.targetKind, item.targetNamespace, item.targetName);
        break;
    case ChecklistAction::ResumeInGit:
        text = tr("Resume in Git…");
        tip = tr("Clear Suspended for %1 in the Flux settings, then commit and push")
                  .arg(item.targetName);
        break;
    case ChecklistAction::ShowTakeoverReport:
        text = tr("Show Report");
        tip = tr("Show the takeover verdicts object by object");
        break;
    }
    auto *button = new QPushButton(text, m_checklist);
    button->setObjectName(QStringLiteral("checklistAction_") + item.id);
    button->setToolTip(tip);
    const ChecklistItem copy = item;
    connect(button, &QPushButton::clicked, this, [this, copy] {
        switch (copy.action) {
        case ChecklistAction::None:
            return;
        case ChecklistAction::Bootstrap:
            emit bootstrapRequested();
            return;
        case ChecklistAction::Reconcile:
            emit reconcileRequested(copy.targetKind, copy.targetNamespace, copy.targetName);
            return;
        case ChecklistAction::ResumeInGit:
            emit resumeInGitRequested(copy.targetName);
            return;
        case ChecklistAction::ShowTakeoverReport:
            showTakeover();
            return;
        }
    });
    return button;
}

void TakeoverDialog::setChecklist(const QList<ChecklistItem> &items)
{
    m_checklist->clear();
    QStringList advice;
    QTreeWidgetItem *group = nullptr;
    int groupStep = 0;
    for (const ChecklistItem &item : items) {
        if (!group || groupStep != item.step) {
            group = new QTreeWidgetItem(m_checklist, {stepTitle(item.step)});
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
            group->setFirstColumnSpanned(true);
            groupStep = item.step;
        }
        QString detail = item.detail;
        if (item.action == ChecklistAction::Bootstrap && !m_bootstrapAvailable)
            detail += tr(" (fluxdesk-cli flux bootstrap --repo DIR)");
        auto *row = new QTreeWidgetItem(group, {item.title, detail});
        row->setData(0, Qt::UserRole, item.id);
        row->setData(1, Qt::UserRole, checklistStateId(item.state));
        row->setIcon(0, style()->standardIcon(checklistIcon(item.state)));
        row->setToolTip(0, checklistStateText(item.state));
        row->setToolTip(1, detail);
        if (item.state == ChecklistState::Advice) {
            QFont italic = row->font(1);
            italic.setItalic(true);
            row->setFont(1, italic);
            advice.append(item.title + QStringLiteral(": ") + item.detail);
        }
        if (QPushButton *button = actionButton(item))
            m_checklist->setItemWidget(row, 2, button);
    }
    m_checklist->expandAll();
    m_advice->setText(advice.join(QLatin1Char('\n')));
    m_advice->setVisible(!advice.isEmpty());
}

void TakeoverDialog::setBusy(const QString &what)
{
    m_busy->setText(what);
    m_refreshButton->setEnabled(what.isEmpty());
    m_recordButton->setEnabled(what.isEmpty());
}

void TakeoverDialog::showChecklist()
{
    m_tabs->setCurrentIndex(0);
}

void TakeoverDialog::showTakeover()
{
    m_tabs->setCurrentIndex(1);
}

void TakeoverDialog::onActivated(const QModelIndex &index)
{
    const TakeoverItem *item = m_model->itemAt(index);
    if (!item)
        return;
    if (index.column() == TakeoverModel::FileColumn && !item->file.isEmpty()) {
        emit fileActivated(item->file);
        return;
    }
    emit objectActivated(item->key, item->subject == TakeoverItem::Subject::Release ? item->release
                                                                                    : QString());
}

} // namespace Fluxdesk
