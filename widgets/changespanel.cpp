#include "changespanel.h"

#include "diffhighlighter.h"
#include "git/gitchangewatcher.h"
#include "gitprompter.h"
#include "historypanel.h"
#include "identitydialog.h"
#include "items/changesmodel.h"

#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace Fluxdesk {

ChangesPanel::ChangesPanel(QWidget *parent)
    : QWidget(parent), m_model(new ChangesModel(this)), m_session(new GitSession(this)),
      m_watcher(new GitChangeWatcher(this)), m_prompter(new GitPrompter(this))
{
    setObjectName(QStringLiteral("changesPanel"));
    m_session->setPrompter(m_prompter);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(createEmptyPage());
    m_stack->addWidget(createMainPage());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_session, &GitSession::progress, this, &ChangesPanel::onProgress);
    connect(m_watcher, &GitChangeWatcher::changed, this, &ChangesPanel::refresh);
    connect(m_model, &ChangesModel::stageRequested, this, &ChangesPanel::stage);
    connect(m_history, &HistoryPanel::revertRequested, this, &ChangesPanel::revert);

    showEmpty(tr("No repository is open. Open the checkout your manifests go to, or initialise a "
                 "new repository in an empty folder, to review, commit and push changes here."));
}

ChangesPanel::~ChangesPanel()
{
    // The session's destructor waits for its jobs: unblock a job waiting for an answer first, and
    // destroy the session while the prompter it calls (and the views its callbacks reach) exist.
    m_prompter->shutDown();
    delete m_session;
}

QLabel *ChangesPanel::makeLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QPushButton *ChangesPanel::makeButton(const QString &text, const QString &objectName,
                                      QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    return button;
}

void ChangesPanel::setSecretStore(std::unique_ptr<GitSecretStore> store)
{
    m_secretStore = std::move(store);
    m_session->setSecretStore(m_secretStore.get());
    m_prompter->setRememberOffered(m_secretStore != nullptr);
}

QWidget *ChangesPanel::createMainPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("changesMainPage"));
    m_branch = makeLabel(QStringLiteral("changesBranch"), page);
    QFont bold = m_branch->font();
    bold.setBold(true);
    m_branch->setFont(bold);
    m_refusalLabel = makeLabel(QStringLiteral("changesRefusal"), page);
    m_refusalLabel->setStyleSheet(
        QStringLiteral("QLabel { background: #fff4ce; border: 1px solid #d9b300; padding: 4px; }"));
    m_refusalLabel->hide();
    m_status = makeLabel(QStringLiteral("changesStatus"), page);
    m_fetch = makeButton(tr("&Fetch"), QStringLiteral("fetchButton"), page);
    m_fetch->setToolTip(tr("Download the remote's new commits and refresh ahead/behind"));
    m_progress = new QProgressBar(page);
    m_progress->setObjectName(QStringLiteral("pushProgress"));
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_cancel = makeButton(tr("Cancel"), QStringLiteral("cancelButton"), page);
    m_cancel->hide();
    m_push = makeButton(tr("Pus&h"), QStringLiteral("pushButton"), page);
    m_push->setToolTip(tr("Push the branch's commits without committing (never forced)"));
    connect(m_push, &QPushButton::clicked, this, &ChangesPanel::push);
    connect(m_fetch, &QPushButton::clicked, this, &ChangesPanel::fetch);
    connect(m_cancel, &QPushButton::clicked, this, &ChangesPanel::cancel);

    m_view = new QTreeView(page);
    m_view->setObjectName(QStringLiteral("changesView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->header()->setSectionResizeMode(ChangesModel::PathColumn, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(ChangesModel::StatusColumn,
                                           QHeaderView::ResizeToContents);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { updateDiff(); });
    m_summary = makeLabel(QStringLiteral("changesSummary"), page);
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    m_stageAll = makeButton(tr("Stage &All"), QStringLiteral("stageAllButton"), page);
    m_unstageAll = makeButton(tr("&Unstage All"), QStringLiteral("unstageAllButton"), page);
    connect(m_stageAll, &QPushButton::clicked, this, &ChangesPanel::stageAll);
    connect(m_unstageAll, &QPushButton::clicked, this, &ChangesPanel::unstageAll);

    m_diff = new QPlainTextEdit(page);
    m_diff->setObjectName(QStringLiteral("diffView"));
    m_diff->setReadOnly(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_diff->setPlaceholderText(tr("Select a file to see its changes."));
    m_highlighter = new DiffHighlighter(m_diff->document());

    m_message = new QPlainTextEdit(page);
    m_message->setObjectName(QStringLiteral("commitMessage"));
    m_message->setPlaceholderText(
        tr("Commit message (a default naming the change is proposed once files are staged)"));
    m_message->setTabChangesFocus(true);
    m_message->setMaximumHeight(m_message->fontMetrics().lineSpacing() * 4 + 12);
    connect(m_message, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_settingMessage)
            m_messageEdited = true;
        updateButtons();
    });
    m_commit = makeButton(tr("&Commit"), QStringLiteral("commitButton"), page);
    m_commit->setToolTip(tr("Commit the staged files (Ctrl+Return)"));
    m_commitPush = makeButton(tr("Commit && &Push"), QStringLiteral("commitPushButton"), page);
    m_commitPush->setToolTip(tr("Commit the staged files and push the branch (never forced)"));
    connect(m_commit, &QPushButton::clicked, this, [this] { commit(false); });
    connect(m_commitPush, &QPushButton::clicked, this, [this] { commit(true); });
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, [this] {
        if (m_commit->isEnabled())
            commit(false);
    });

    // Left: files and staging; right: the diff; under both: message and commit.
    auto *left = new QWidget(page);
    auto *stageButtons = new QHBoxLayout;
    stageButtons->addWidget(m_stageAll);
    stageButtons->addWidget(m_unstageAll);
    stageButtons->addWidget(m_summary, 1);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_view, 1);
    leftLayout->addLayout(stageButtons);
    leftLayout->addWidget(m_message);
    auto *commitButtons = new QHBoxLayout;
    commitButtons->addStretch(1);
    commitButtons->addWidget(m_commit);
    commitButtons->addWidget(m_commitPush);
    leftLayout->addLayout(commitButtons);
    auto *splitter = new QSplitter(Qt::Horizontal, page);
    splitter->addWidget(left);
    splitter->addWidget(m_diff);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    m_history = new HistoryPanel(m_session, page);
    m_tabs = new QTabWidget(page);
    m_tabs->setObjectName(QStringLiteral("changesTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(splitter, tr("Changes"));
    m_tabs->addTab(m_history, tr("History"));

    auto *header = new QHBoxLayout;
    header->addWidget(m_branch, 1);
    header->addWidget(m_progress);
    header->addWidget(m_cancel);
    header->addWidget(m_push);
    header->addWidget(m_fetch);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(header);
    layout->addWidget(m_refusalLabel);
    layout->addWidget(m_status);
    layout->addWidget(m_tabs, 1);
    return page;
}

QString ChangesPanel::statusText() const
{
    return m_status->text();
}

void ChangesPanel::setRepositoryPath(const QString &path)
{
    m_path = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    // Every request on the old repository is superseded: its result is dropped.
    m_session->setRepositoryPath(m_path);
    setBusy(false, false);
    m_refreshPending = false;
    m_messageEdited = false;
    m_hasBranch = false;
    m_listed = false;
    m_branchInfo = BranchInfo();
    m_model->setFiles({});
    m_diff->clear();
    setStatus(QString());
    m_cloneStatus->hide();
    m_history->setRepositoryPath(m_path);
    if (m_path.isEmpty()) {
        m_watcher->setWorkdir(QString());
        showEmpty(tr("No repository is open. Open the checkout your manifests go to, or "
                     "initialise a new repository in an empty folder, to review, commit and push "
                     "changes here."));
        return;
    }
    // The main page and its actions at once, before the first result: a folder that is no
    // repository comes back to the empty page with the reason.
    m_stack->setCurrentIndex(1);
    updateButtons();
    refresh();
}

void ChangesPanel::showEmpty(const QString &explanation)
{
    m_emptyText->setText(explanation);
    m_stack->setCurrentIndex(0);
}

void ChangesPanel::setRefusal(const QString &reason)
{
    if (!reason.isEmpty() && reason != m_refusal)
        setStatus(QString()); // an earlier result next to the refusal would only confuse
    m_refusal = reason;
    m_refusalLabel->setText(
        reason.isEmpty() ? QString() : tr("Committing is not possible here: %1").arg(reason));
    m_refusalLabel->setVisible(!reason.isEmpty());
    updateButtons();
}

void ChangesPanel::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("QLabel { color: #b00020; }") : QString());
    m_status->setVisible(!text.isEmpty());
}

void ChangesPanel::setBusy(bool busy, bool remote)
{
    m_busy = busy;
    if (!busy)
        m_cloning = false;
    m_progress->setVisible(busy && remote && !m_cloning);
    m_cancel->setVisible(busy && remote && !m_cloning);
    m_cloneProgress->setVisible(busy && m_cloning);
    m_cloneCancel->setVisible(busy && m_cloning);
    if (busy && remote) // until the first report says how much there is
        setProgress(tr("Connecting…"), 0, 0);
    updateButtons();
}

void ChangesPanel::setProgress(const QString &format, int value, int max)
{
    for (QProgressBar *bar : {m_progress, m_cloneProgress}) {
        bar->setRange(0, max);
        bar->setValue(value);
        bar->setFormat(format);
    }
}

void ChangesPanel::updateButtons()
{
    const bool open = !m_path.isEmpty() && m_stack->currentIndex() == 1;
    const bool canCommit =
        open && !m_busy && m_refusal.isEmpty() && !m_message->toPlainText().trimmed().isEmpty();
    m_commit->setEnabled(canCommit);
    m_commitPush->setEnabled(canCommit);
    m_stageAll->setEnabled(open && !m_busy && m_refusal.isEmpty() && m_model->rowCount() > 0);
    m_unstageAll->setEnabled(open && !m_busy && m_refusal.isEmpty() && m_model->hasStaged());
    m_fetch->setEnabled(open && !m_busy);
    // Push without committing: commits the upstream lacks, or a branch never pushed.
    const bool pushable = m_hasBranch && !m_branchInfo.detached && !m_branchInfo.unborn &&
                          (m_branchInfo.upstream.isEmpty() || m_branchInfo.ahead > 0);
    m_push->setEnabled(open && !m_busy && m_refusal.isEmpty() && pushable);
    m_history->setActionsEnabled(open && !m_busy && m_refusal.isEmpty());
    for (QPushButton *button : {m_openButton, m_initButton, m_cloneButton})
        button->setEnabled(!m_cloning);
    int staged = 0;
    for (const GitFileStatus &file : m_model->files())
        staged += file.staged != GitFileStatus::Change::None ? 1 : 0;
    // Derived from the list on every refresh: it cannot claim "No changes" next to a full list.
    if (!open || !m_listed)
        m_summary->clear(); // nothing listed yet: no claim either way
    else if (m_model->rowCount() == 0)
        m_summary->setText(tr("No changes: the work tree matches the last commit."));
    else
        //: %1: what changed ("118 new files, 3 changed"); %2 of %3: staged files of all
        m_summary->setText(tr("%1; %2 of %3 staged: Commit records the staged files.")
                               .arg(ChangesModel::summarize(m_model->files()))
                               .arg(staged)
                               .arg(m_model->rowCount()));
}

void ChangesPanel::updateBranch(const BranchInfo &branch)
{
    QString text;
    if (branch.detached)
        text = tr("Detached HEAD (no branch checked out)");
    else if (branch.unborn)
        text = tr("Branch %1 — no commits yet").arg(branch.branch);
    else if (branch.upstream.isEmpty())
        text = tr("Branch %1 — no upstream yet (the first push goes to origin)").arg(branch.branch);
    else
        text = tr("Branch %1 → %2 — %3 ahead, %4 behind")
                   .arg(branch.branch, branch.upstream)
                   .arg(branch.ahead)
                   .arg(branch.behind);
    m_branch->setText(text);
    m_branchInfo = branch;
    m_hasBranch = true;
    if (!branch.unborn && !branch.detached && branch.upstream.isEmpty())
        m_push->setToolTip(tr("Push %1 to origin for the first time and track it (never forced)")
                               .arg(branch.branch));
    else if (branch.ahead > 0)
        m_push->setToolTip(branch.ahead == 1
                               ? tr("Push 1 commit to %1 (never forced)").arg(branch.upstream)
                               : tr("Push %1 commits to %2 (never forced)")
                                     .arg(branch.ahead)
                                     .arg(branch.upstream));
    else
        m_push->setToolTip(
            tr("Nothing to push: %1 has every commit of this branch")
                .arg(branch.upstream.isEmpty() ? tr("the remote") : branch.upstream));
    updateButtons();
}

void ChangesPanel::refresh()
{
    if (m_path.isEmpty())
        return;
    if (m_busy) {
        // The refresh would show the index half-way through the commit: do it afterwards.
        m_refreshPending = true;
        return;
    }
    m_session->refresh([this](GitResult<GitRepositoryState> state) { onRefreshed(state); });
}

void ChangesPanel::onRefreshed(const GitResult<GitRepositoryState> &state)
{
    if (!state) {
        m_watcher->setWorkdir(QString());
        m_refusal = state.error().message;
        showEmpty(tr("%1 cannot be used: %2")
                      .arg(QDir::toNativeSeparators(m_path), state.error().message));
        Q_EMIT refreshed();
        return;
    }
    if (m_watcher->workdir() != state->workdir)
        m_watcher->setWorkdir(state->workdir);
    m_stack->setCurrentIndex(1);
    setRefusal(state->refusal);
    // A commit made elsewhere (the user's git tool) moves HEAD: the history follows.
    m_history->reloadIfHeadChanged(state->headId);
    if (state->statusError) {
        m_listed = false;
        setStatus(state->statusError->message, true);
        updateButtons();
        Q_EMIT refreshed();
        return;
    }
    const QList<GitFileStatus> &files = state->files;
    const QString current = m_view->currentIndex().data(ChangesModel::PathRole).toString();
    m_model->setFiles(files);
    m_listed = true;
    updateBranch(state->branch);
    const int row = m_model->rowOfPath(current);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, ChangesModel::PathColumn));
    else
        m_diff->clear();
    if (!m_messageEdited || m_message->toPlainText().trimmed().isEmpty()) {
        m_settingMessage = true;
        m_message->setPlainText(files.isEmpty() ? QString() : defaultCommitMessage(files));
        m_settingMessage = false;
        m_messageEdited = false;
    }
    updateButtons(); // the summary under the list says what it holds, "No changes" when empty
    Q_EMIT refreshed();
}

void ChangesPanel::stage(const QString &path, bool stageIt)
{
    if (!m_refusal.isEmpty())
        return; // the refusal above says why; the index stays untouched
    const auto done = [this](GitResult<GitDone> result) { afterStaging(result); };
    if (stageIt)
        m_session->stage({path}, done);
    else
        m_session->unstage({path}, done);
}

void ChangesPanel::stageAll()
{
    m_session->stageAll([this](GitResult<GitDone> result) { afterStaging(result); });
}

void ChangesPanel::unstageAll()
{
    m_session->unstageAll([this](GitResult<GitDone> result) { afterStaging(result); });
}

void ChangesPanel::afterStaging(const GitResult<GitDone> &result)
{
    if (!result)
        setStatus(result.error().message, true);
    refresh();
}

void ChangesPanel::updateDiff()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        m_diff->clear();
        return;
    }
    const QString path = current.data(ChangesModel::PathRole).toString();
    m_session->diffFile(path, GitDiffScope::All, [this, path](GitResult<QString> diff) {
        // The session drops a superseded request's diff; the selection may have been cleared.
        if (m_view->currentIndex().data(ChangesModel::PathRole).toString() != path)
            return;
        m_diff->setPlainText(diff ? *diff : diff.error().message);
    });
}

std::optional<ChangesPanel::IdentityAnswer> ChangesPanel::askIdentity()
{
    if (m_askIdentity)
        return m_askIdentity();
    IdentityDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    IdentityAnswer answer;
    answer.identity = GitIdentity{dialog.name(), dialog.email()};
    answer.saveInRepository = dialog.saveInRepository();
    return answer;
}

void ChangesPanel::withIdentity(const QString &declined, std::function<void()> then)
{
    // The session decides (its own identity, git's config, or ask); asking is this view's part.
    setBusy(true, false);
    m_session->checkIdentity([this, declined, then](GitResult<GitIdentityCheck> check) {
        if (!check || !check->mustAsk()) {
            then(); // another failure shows where it happens, with its own message
            return;
        }
        const std::optional<IdentityAnswer> answer = askIdentity();
        if (!answer) {
            endBusy();
            setStatus(declined, true);
            return;
        }
        m_session->setIdentity(answer->identity, answer->saveInRepository,
                               [this, then](GitResult<GitDone> saved) {
                                   if (!saved) {
                                       endBusy();
                                       setStatus(saved.error().message, true);
                                       return;
                                   }
                                   then();
                               });
    });
}

void ChangesPanel::endBusy()
{
    setBusy(false, false);
    if (m_refreshPending) {
        m_refreshPending = false;
        refresh();
    }
}

void ChangesPanel::commit(bool push)
{
    if (m_busy || m_path.isEmpty() || !m_refusal.isEmpty())
        return;
    const QString message = m_message->toPlainText().trimmed();
    if (message.isEmpty()) {
        setStatus(tr("Write a commit message first."), true);
        return;
    }
    if (m_commitCheck) {
        // Validation first; it calls back (perhaps after asking) only when the commit may go on.
        m_commitCheck([this, push, guard = QPointer<ChangesPanel>(this)] {
            if (guard && !m_busy && !m_path.isEmpty() && m_refusal.isEmpty())
                commitNow(push);
        });
        return;
    }
    commitNow(push);
}

void ChangesPanel::commitNow(bool push)
{
    const QString message = m_message->toPlainText().trimmed();
    if (message.isEmpty())
        return;
    withIdentity(
        tr("Not committed: git needs your name and email for the commit."), [this, message, push] {
            setStatus(push ? tr("Committing and pushing…") : tr("Committing…"));
            setBusy(true, push);
            m_session->commit(message, false, push,
                              [this](const GitOperationResult &result) { onFinished(result); });
        });
}

void ChangesPanel::fetch()
{
    if (m_busy || m_path.isEmpty())
        return;
    setStatus(tr("Fetching…"));
    setBusy(true, true);
    m_session->fetch([this](const GitOperationResult &result) { onFinished(result); });
}

void ChangesPanel::push()
{
    if (m_busy || m_path.isEmpty() || !m_refusal.isEmpty())
        return;
    setStatus(tr("Pushing…"));
    setBusy(true, true);
    m_session->push([this](const GitOperationResult &result) { onFinished(result); });
}

void ChangesPanel::revert(const QString &commitId)
{
    if (m_busy || m_path.isEmpty() || !m_refusal.isEmpty() || commitId.isEmpty())
        return;
    withIdentity(
        tr("Not reverted: git needs your name and email for the new commit."), [this, commitId] {
            setStatus(tr("Reverting %1…").arg(commitId.left(7)));
            setBusy(true, false);
            m_session->revert(commitId,
                              [this](const GitOperationResult &result) { onFinished(result); });
        });
}

void ChangesPanel::cancel()
{
    m_session->cancel();
    m_progress->setFormat(tr("Cancelling…"));
    m_cloneProgress->setFormat(tr("Cancelling…"));
}

} // namespace Fluxdesk
