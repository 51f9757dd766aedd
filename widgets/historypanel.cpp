#include "historypanel.h"

#include "diffhighlighter.h"
#include "git/gitsession.h"
#include "items/githistorymodel.h"

#include <QAction>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace Fluxdesk {

namespace {

// A diff longer than this is cut: QPlainTextEdit and the highlighter would take seconds.
constexpr int MaxDiffChars = 2 * 1024 * 1024;

QString cutDiff(const QString &diff)
{
    if (diff.size() <= MaxDiffChars)
        return diff;
    const int cut = int(diff.lastIndexOf(QLatin1Char('\n'), MaxDiffChars));
    return diff.left(cut > 0 ? cut + 1 : MaxDiffChars) +
           HistoryPanel::tr("… (the rest of this diff is not shown: it is longer than %1 MiB; "
                            "your git tool shows it in full)")
               .arg(MaxDiffChars / (1024 * 1024));
}

} // namespace

HistoryPanel::HistoryPanel(GitSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(new GitHistoryModel(this))
{
    setObjectName(QStringLiteral("historyPanel"));

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("historyView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(GitHistoryModel::HashColumn,
                                           QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(GitHistoryModel::SubjectColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(GitHistoryModel::AuthorColumn,
                                           QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(GitHistoryModel::DateColumn,
                                           QHeaderView::ResizeToContents);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        showDiff();
        updateActions();
    });

    m_info = new QLabel(this);
    m_info->setObjectName(QStringLiteral("historyInfo"));
    m_info->setTextFormat(Qt::PlainText);
    m_info->setWordWrap(true);
    m_info->setForegroundRole(QPalette::PlaceholderText);

    m_revert = new QPushButton(tr("&Revert…"), this);
    m_revert->setObjectName(QStringLiteral("revertButton"));
    m_revert->setToolTip(
        tr("Create a new commit that undoes the selected commit: once it is pushed, Flux rolls "
           "the cluster back to match"));
    connect(m_revert, &QPushButton::clicked, this, &HistoryPanel::revertSelected);
    m_revertAction = new QAction(tr("Revert…"), this);
    m_revertAction->setObjectName(QStringLiteral("revertAction"));
    connect(m_revertAction, &QAction::triggered, this, &HistoryPanel::revertSelected);
    m_view->addAction(m_revertAction);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_diff = new QPlainTextEdit(this);
    m_diff->setObjectName(QStringLiteral("historyDiff"));
    m_diff->setReadOnly(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_diff->setPlaceholderText(tr("Select a commit to see what it changed."));
    m_highlighter = new DiffHighlighter(m_diff->document());

    auto *left = new QWidget(this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_info, 1);
    buttons->addWidget(m_revert);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_view, 1);
    leftLayout->addLayout(buttons);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(m_diff);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    updateActions();
}

void HistoryPanel::setRepositoryPath(const QString &path)
{
    // Even for the same path: binding the session again dropped the loads in flight.
    m_path = path;
    m_loadedHead.clear();
    m_model->setCommits({});
    m_diff->clear();
    m_shownDiff.clear();
    reload();
}

QString HistoryPanel::infoText() const
{
    return m_info->text();
}

QString HistoryPanel::selectedCommitId() const
{
    return m_view->currentIndex().data(GitHistoryModel::IdRole).toString();
}

void HistoryPanel::setActionsEnabled(bool enabled)
{
    m_actionsEnabled = enabled;
    updateActions();
}

void HistoryPanel::updateActions()
{
    const bool can = m_actionsEnabled && !selectedCommitId().isEmpty();
    m_revert->setEnabled(can);
    m_revertAction->setEnabled(can);
}

void HistoryPanel::reload()
{
    if (m_path.isEmpty()) {
        m_loading = false;
        m_truncated = false;
        m_info->clear();
        Q_EMIT loaded();
        return;
    }
    m_loading = true;
    m_info->setText(tr("Loading the history…"));
    // A newer load (or another repository) supersedes this one: the session drops its result.
    m_session->history(m_limit, [this](GitResult<GitHistory> load) { showHistory(load); });
}

void HistoryPanel::showHistory(const GitResult<GitHistory> &load)
{
    m_loading = false;
    if (!load) {
        m_truncated = false;
        m_model->setCommits({});
        m_diff->clear();
        m_info->setText(load.error().message);
        Q_EMIT loaded();
        return;
    }
    const QString selected = selectedCommitId();
    m_loadedHead = load->headId;
    m_truncated = load->truncated;
    m_model->setCommits(load->commits);
    const int row = m_model->rowOfId(selected);
    if (row >= 0) {
        m_view->setCurrentIndex(m_model->index(row, GitHistoryModel::HashColumn));
    } else {
        m_diff->clear();
        m_shownDiff.clear();
    }
    const QString branch = load->branch.isEmpty() ? QStringLiteral("HEAD") : load->branch;
    if (load->commits.isEmpty())
        m_info->setText(tr("No commits yet."));
    else if (load->truncated)
        m_info->setText(tr("Showing the newest %1 commits of %2; your git tool shows the "
                           "older ones.")
                            .arg(load->commits.size())
                            .arg(branch));
    else
        // Written out per count: the English plural needs no translation file.
        m_info->setText(load->commits.size() == 1
                            ? tr("1 commit on %1.").arg(branch)
                            : tr("%1 commits on %2.").arg(load->commits.size()).arg(branch));
    updateActions();
    Q_EMIT loaded();
}

void HistoryPanel::reloadIfHeadChanged(const QString &headId)
{
    if (!m_loading && headId != m_loadedHead)
        reload();
}

void HistoryPanel::showDiff()
{
    const QString id = selectedCommitId();
    if (id.isEmpty()) {
        m_diff->clear();
        m_shownDiff.clear();
        return;
    }
    if (id == m_shownDiff)
        return; // the reload kept the selection: the diff of a commit never changes
    m_diff->clear();
    m_diff->setPlaceholderText(tr("Loading the diff…"));
    m_session->commitDiff(id, [this, id](GitResult<QString> diff) {
        // The session drops a superseded request's diff; the selection may have been cleared.
        if (id != selectedCommitId())
            return;
        m_diff->setPlaceholderText(tr("Select a commit to see what it changed."));
        m_diff->setPlainText(diff ? cutDiff(*diff) : diff.error().message);
        m_shownDiff = id;
        Q_EMIT diffShown(id);
    });
}

void HistoryPanel::revertSelected()
{
    const QModelIndex current = m_view->currentIndex();
    if (!m_actionsEnabled || !current.isValid())
        return;
    const GitCommitInfo commit = m_model->commitAt(current.row());
    QMessageBox box(QMessageBox::Question, tr("Revert Commit"),
                    tr("Revert commit %1 “%2”?").arg(commit.shortId, commit.summary),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("revertConfirmation"));
    box.setInformativeText(tr("A new commit undoes its changes on the branch; the commit itself "
                              "stays in the history. Nothing is pushed."));
    QPushButton *revert = box.addButton(tr("Revert"), QMessageBox::AcceptRole);
    revert->setObjectName(QStringLiteral("confirmRevertButton"));
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.exec();
    if (box.clickedButton() != revert)
        return;
    Q_EMIT revertRequested(commit.id);
}

} // namespace Fluxdesk
