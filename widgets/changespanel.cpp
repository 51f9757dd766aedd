#include "changespanel.h"

#include "clonedialog.h"
#include "diffhighlighter.h"
#include "git/gitchangewatcher.h"
#include "git/gitdiff.h"
#include "gitprompter.h"
#include "historypanel.h"
#include "identitydialog.h"
#include "items/changesmodel.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace Fluxdesk {

namespace {

QLabel *makeLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QPushButton *makeButton(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    return button;
}

} // namespace

ChangesPanel::ChangesPanel(QWidget *parent)
    : QWidget(parent), m_model(new ChangesModel(this)), m_worker(new GitWorker(this)),
      m_watcher(new GitChangeWatcher(this)), m_prompter(new GitPrompter(this))
{
    setObjectName(QStringLiteral("changesPanel"));
    m_worker->setPrompter(m_prompter);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(createEmptyPage());
    m_stack->addWidget(createMainPage());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_worker, &GitWorker::progress, this, &ChangesPanel::onProgress);
    connect(m_worker, &GitWorker::finished, this, &ChangesPanel::onFinished);
    connect(m_watcher, &GitChangeWatcher::changed, this, &ChangesPanel::refresh);
    connect(m_model, &ChangesModel::stageRequested, this, &ChangesPanel::stage);
    connect(m_history, &HistoryPanel::revertRequested, this, &ChangesPanel::revert);

    showEmpty(tr("No repository is open. Open the checkout your manifests go to, or initialise a "
                 "new repository in an empty folder, to review, commit and push changes here."));
}

ChangesPanel::~ChangesPanel()
{
    // The worker's destructor waits for its job: unblock a job waiting for an answer first, and
    // destroy the worker while the prompter it calls still exists.
    m_prompter->shutDown();
    delete m_worker;
}

void ChangesPanel::setSecretStore(std::unique_ptr<GitSecretStore> store)
{
    m_secretStore = std::move(store);
    m_worker->setSecretStore(m_secretStore.get());
    m_prompter->setRememberOffered(m_secretStore != nullptr);
}

QWidget *ChangesPanel::createEmptyPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("changesEmptyPage"));
    m_emptyText = makeLabel(QStringLiteral("changesEmptyText"), page);
    auto *open = makeButton(tr("Open Repository…"), QStringLiteral("openRepositoryButton"), page);
    auto *init = makeButton(tr("Initialise a Repository Here…"),
                            QStringLiteral("initRepositoryButton"), page);
    init->setToolTip(tr("Creates a new git repository (first branch \"main\") in an empty folder"));
    auto *clone = makeButton(tr("Clone…"), QStringLiteral("cloneRepositoryButton"), page);
    clone->setToolTip(tr("Clones a repository from a URL into a new or empty folder"));
    connect(open, &QPushButton::clicked, this, &ChangesPanel::chooseRepository);
    connect(init, &QPushButton::clicked, this, &ChangesPanel::initialiseRepository);
    connect(clone, &QPushButton::clicked, this, &ChangesPanel::cloneRepository);
    m_openButton = open;
    m_initButton = init;
    m_cloneButton = clone;
    m_cloneStatus = makeLabel(QStringLiteral("cloneStatus"), page);
    m_cloneStatus->hide();
    m_cloneProgress = new QProgressBar(page);
    m_cloneProgress->setObjectName(QStringLiteral("cloneProgress"));
    m_cloneProgress->setTextVisible(true);
    m_cloneProgress->hide();
    m_cloneCancel = makeButton(tr("Cancel"), QStringLiteral("cloneCancelButton"), page);
    m_cloneCancel->hide();
    connect(m_cloneCancel, &QPushButton::clicked, this, &ChangesPanel::cancel);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(open);
    buttons->addWidget(init);
    buttons->addWidget(clone);
    buttons->addStretch(1);
    auto *progress = new QHBoxLayout;
    progress->addWidget(m_cloneProgress, 1);
    progress->addWidget(m_cloneCancel);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_emptyText);
    layout->addLayout(buttons);
    layout->addWidget(m_cloneStatus);
    layout->addLayout(progress);
    layout->addStretch(1);
    return page;
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
    m_history = new HistoryPanel(page);
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
    m_worker->cancel();
    m_worker->setRepositoryPath(m_path);
    // The next refresh supersedes the old repository's operation; its result is dropped.
    setBusy(false, false);
    m_sessionIdentity.reset();
    m_messageEdited = false;
    m_hasBranch = false;
    m_branchInfo = BranchInfo();
    m_cloneGeneration = 0;
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
    m_summary->setText(m_model->rowCount() == 0
                           ? QString()
                           : tr("%1 of %2 changed files staged: Commit records the staged files.")
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
        // A refresh would supersede (cancel) the running commit or push: do it afterwards.
        m_refreshPending = true;
        return;
    }
    // Opening and the readiness check are quick local reads; the status walk runs on the worker.
    GitResult<GitRepository> repo = GitRepository::open(m_path);
    if (!repo) {
        m_watcher->setWorkdir(QString());
        m_refusal = repo.error().message;
        showEmpty(tr("%1 cannot be used: %2")
                      .arg(QDir::toNativeSeparators(m_path), repo.error().message));
        Q_EMIT refreshed();
        return;
    }
    if (m_watcher->workdir() != repo->workdir())
        m_watcher->setWorkdir(repo->workdir());
    m_stack->setCurrentIndex(1);
    const GitResult<GitDone> ready = repo->checkReady();
    setRefusal(ready ? QString() : ready.error().message);
    // A commit made elsewhere (the user's git tool) moves HEAD: the history follows.
    const GitResult<QString> head = gitHeadId(*repo);
    if (head)
        m_history->reloadIfHeadChanged(*head);
    m_worker->refresh();
}

void ChangesPanel::stage(const QString &path, bool stageIt)
{
    if (!m_refusal.isEmpty())
        return; // the refusal above says why; the index stays untouched
    GitResult<GitRepository> repo = GitRepository::open(m_path);
    if (!repo) {
        setStatus(repo.error().message, true);
        return;
    }
    const GitResult<GitDone> done =
        stageIt ? stagePaths(*repo, {path}) : unstagePaths(*repo, {path});
    if (!done)
        setStatus(done.error().message, true);
    refresh();
}

void ChangesPanel::stageAll()
{
    GitResult<GitRepository> repo = GitRepository::open(m_path);
    const GitResult<GitDone> done =
        repo ? Fluxdesk::stageAll(*repo) : GitResult<GitDone>(repo.error());
    if (!done)
        setStatus(done.error().message, true);
    refresh();
}

void ChangesPanel::unstageAll()
{
    GitResult<GitRepository> repo = GitRepository::open(m_path);
    const GitResult<GitDone> done =
        repo ? Fluxdesk::unstageAll(*repo) : GitResult<GitDone>(repo.error());
    if (!done)
        setStatus(done.error().message, true);
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
    GitResult<GitRepository> repo = GitRepository::open(m_path);
    if (!repo) {
        m_diff->setPlainText(repo.error().message);
        return;
    }
    // HEAD -> work tree shows the whole change, staged or not; an untracked file has no
    // HEAD/index entry, so fall back to index -> work tree, which includes new files.
    GitResult<QString> diff = gitDiffFile(*repo, path, GitDiffScope::All);
    if (diff && diff->isEmpty())
        diff = gitDiffFile(*repo, path, GitDiffScope::Unstaged);
    if (diff && diff->isEmpty())
        diff = gitDiffFile(*repo, path, GitDiffScope::Staged);
    m_diff->setPlainText(diff ? *diff : diff.error().message);
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

bool ChangesPanel::ensureIdentity(GitRepository &repo, const QString &declined)
{
    if (m_sessionIdentity)
        repo.setSessionIdentity(m_sessionIdentity->name, m_sessionIdentity->email);
    const GitResult<GitIdentity> identity = gitIdentity(repo);
    if (identity || identity.error().kind != GitErrorKind::IdentityMissing)
        return true; // another failure shows where it happens, with its own message
    const std::optional<IdentityAnswer> answer = askIdentity();
    if (!answer) {
        setStatus(declined, true);
        return false;
    }
    const GitResult<GitDone> saved =
        setGitIdentity(repo, answer->identity, answer->saveInRepository);
    if (!saved) {
        setStatus(saved.error().message, true);
        return false;
    }
    if (!answer->saveInRepository)
        m_sessionIdentity = answer->identity;
    return true;
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
    GitResult<GitRepository> repo = GitRepository::open(m_path);
    if (!repo) {
        setStatus(repo.error().message, true);
        return;
    }
    if (!ensureIdentity(*repo, tr("Not committed: git needs your name and email for the commit.")))
        return;
    setStatus(push ? tr("Committing and pushing…") : tr("Committing…"));
    if (m_sessionIdentity) {
        // The worker opens its own repository, which would not know this session's identity:
        // commit here (a local, quick operation) and push on the worker.
        const GitResult<QString> id = commitIndex(*repo, message);
        if (!id) {
            setStatus(explain(id.error()), true);
            Q_EMIT operationFinished(false);
            return;
        }
        m_messageEdited = false;
        if (!push) {
            setStatus(tr("Committed %1.").arg(id->left(7)));
            Q_EMIT operationFinished(true);
            refresh();
            return;
        }
        setBusy(true, true);
        m_worker->push();
        return;
    }
    setBusy(true, push);
    m_worker->commit(message, false, push);
}

void ChangesPanel::fetch()
{
    if (m_busy || m_path.isEmpty())
        return;
    setStatus(tr("Fetching…"));
    setBusy(true, true);
    m_worker->fetch();
}

void ChangesPanel::push()
{
    if (m_busy || m_path.isEmpty() || !m_refusal.isEmpty())
        return;
    setStatus(tr("Pushing…"));
    setBusy(true, true);
    m_worker->push();
}

void ChangesPanel::revert(const QString &commitId)
{
    if (m_busy || m_path.isEmpty() || !m_refusal.isEmpty() || commitId.isEmpty())
        return;
    GitResult<GitRepository> repo = GitRepository::open(m_path);
    if (!repo) {
        setStatus(repo.error().message, true);
        return;
    }
    if (!ensureIdentity(*repo,
                        tr("Not reverted: git needs your name and email for the new commit.")))
        return;
    setStatus(tr("Reverting %1…").arg(commitId.left(7)));
    setBusy(true, false);
    m_worker->revert(commitId, m_sessionIdentity ? m_sessionIdentity->name : QString(),
                     m_sessionIdentity ? m_sessionIdentity->email : QString());
}

void ChangesPanel::cloneRepository()
{
    if (m_busy)
        return;
    const QString base = m_path.isEmpty() ? QDir::homePath() : QFileInfo(m_path).absolutePath();
    CloneDialog dialog(base, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    startClone(dialog.url(), dialog.folder());
}

bool ChangesPanel::startClone(const QString &url, const QString &folder)
{
    if (m_busy)
        return false;
    const QString problem = CloneDialog::problem(url, folder);
    if (!problem.isEmpty()) {
        m_cloneStatus->setText(tr("Not cloned: %1").arg(problem));
        m_cloneStatus->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
        m_cloneStatus->show();
        return false;
    }
    const QString target = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    m_cloneStatus->setText(
        tr("Cloning %1 into %2…").arg(url.trimmed(), QDir::toNativeSeparators(target)));
    m_cloneStatus->setStyleSheet(QString());
    m_cloneStatus->show();
    m_cloning = true;
    setBusy(true, true);
    m_cloneGeneration = m_worker->clone(url.trimmed(), target);
    return true;
}

void ChangesPanel::cancel()
{
    m_worker->cancel();
    m_progress->setFormat(tr("Cancelling…"));
    m_cloneProgress->setFormat(tr("Cancelling…"));
}

void ChangesPanel::chooseRepository()
{
    const QString start = m_path.isEmpty() ? QDir::homePath() : m_path;
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Repository"), start);
    if (folder.isEmpty())
        return;
    setRepositoryPath(folder);
    Q_EMIT repositoryChosen(m_path);
}

void ChangesPanel::initialiseRepository()
{
    QString folder = m_path;
    const auto isEmptyFolder = [](const QString &path) {
        const QDir dir(path);
        return !path.isEmpty() && dir.exists() &&
               dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot)
                   .isEmpty();
    };
    if (!isEmptyFolder(folder)) {
        folder = QFileDialog::getExistingDirectory(this,
                                                   tr("Initialise a Repository in an Empty Folder"),
                                                   m_path.isEmpty() ? QDir::homePath() : m_path);
        if (folder.isEmpty())
            return;
        if (!isEmptyFolder(folder)) {
            showEmpty(tr("%1 is not empty. Choose an empty folder to initialise a repository in, "
                         "or open the repository that folder belongs to.")
                          .arg(QDir::toNativeSeparators(folder)));
            return;
        }
    }
    const GitResult<GitRepository> repo = GitRepository::init(folder);
    if (!repo) {
        showEmpty(repo.error().message);
        return;
    }
    setRepositoryPath(folder);
    setStatus(tr("Initialised an empty repository with the branch main."));
    Q_EMIT repositoryChosen(m_path);
}

void ChangesPanel::onProgress(quint64, const GitProgress &progress)
{
    QString format;
    switch (progress.stage) {
    case GitProgress::Stage::Counting:
        format = tr("Counting objects: %v of %m");
        break;
    case GitProgress::Stage::Packing:
        format = tr("Compressing: %v of %m");
        break;
    case GitProgress::Stage::Sending:
        format = tr("Uploading: %v of %m objects");
        break;
    case GitProgress::Stage::Receiving:
        format = tr("Downloading: %v of %m objects");
        break;
    case GitProgress::Stage::Indexing:
        format = tr("Resolving: %v of %m");
        break;
    }
    // QProgressBar takes int: scale large counts down.
    const quint64 total = progress.total;
    const int max = total > 1000000 ? 1000000 : int(total);
    const int value = total == 0 ? 0 : int(progress.current * quint64(max) / total);
    setProgress(format, value, max);
}

QString ChangesPanel::explain(const GitError &error) const
{
    switch (error.kind) {
    case GitErrorKind::NonFastForward:
        return tr("The remote branch has commits this checkout does not have, so the push was "
                  "refused. Press Fetch to download them, then merge or rebase with your git tool "
                  "and push again. Fluxdesk never force-pushes.\n(%1)")
            .arg(error.message);
    case GitErrorKind::Rejected:
        return tr("The remote refused the push: %1").arg(error.message);
    case GitErrorKind::NothingToCommit:
        return tr("Nothing is staged: check the files to commit, or press Stage All.");
    case GitErrorKind::Cancelled:
        return tr("Cancelled.");
    default:
        return error.message;
    }
}

void ChangesPanel::onFinished(quint64 generation, const GitWorkerResult &result)
{
    using Op = GitWorkerResult::Operation;
    if (result.operation == Op::Clone) {
        if (generation != m_cloneGeneration)
            return; // another repository was opened meanwhile: the clone stays on disk, unused
        m_cloneGeneration = 0;
        setBusy(false, false);
        if (!result.ok) {
            m_cloneStatus->setText(tr("Not cloned: %1").arg(explain(result.error)));
            m_cloneStatus->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
            Q_EMIT operationFinished(false);
            return;
        }
        const QString path = m_worker->repositoryPath();
        setRepositoryPath(path);
        QString text = tr("Cloned into %1.").arg(QDir::toNativeSeparators(path));
        if (!result.warning.isEmpty())
            text += QLatin1Char(' ') + result.warning;
        setStatus(text, !result.warning.isEmpty());
        Q_EMIT repositoryChosen(m_path);
        Q_EMIT operationFinished(true);
        return;
    }
    if (result.operation == Op::Refresh) {
        if (result.ok) {
            const QString current = m_view->currentIndex().data(ChangesModel::PathRole).toString();
            m_model->setFiles(result.files);
            updateBranch(result.branch);
            const int row = m_model->rowOfPath(current);
            if (row >= 0)
                m_view->setCurrentIndex(m_model->index(row, ChangesModel::PathColumn));
            else
                m_diff->clear();
            if (!m_messageEdited || m_message->toPlainText().trimmed().isEmpty()) {
                m_settingMessage = true;
                m_message->setPlainText(
                    result.files.isEmpty() ? QString() : defaultCommitMessage(result.files));
                m_settingMessage = false;
                m_messageEdited = false;
            }
            if (result.files.isEmpty() && m_status->text().isEmpty())
                setStatus(tr("No changes: the work tree matches the last commit."));
        } else {
            setStatus(result.error.message, true);
        }
        updateButtons();
        Q_EMIT refreshed();
        return;
    }

    setBusy(false, false);
    m_fetch->setDefault(false);
    const QString shortId = result.commitId.left(7);
    if (!result.commitId.isEmpty())
        m_messageEdited = false; // the next refresh proposes a message for what is left
    QString text;
    if (result.ok) {
        switch (result.operation) {
        case Op::Commit:
            text = result.pushed ? tr("Committed %1 and pushed %2 to %3.")
                                       .arg(shortId, result.push.branch,
                                            result.push.remote + QLatin1Char('/') +
                                                result.push.remoteRef.section(QLatin1Char('/'), 2))
                                 : tr("Committed %1.").arg(shortId);
            break;
        case Op::Push:
            text = tr("Pushed %1 to %2.")
                       .arg(result.push.branch,
                            result.push.remote + QLatin1Char('/') +
                                result.push.remoteRef.section(QLatin1Char('/'), 2));
            break;
        case Op::Fetch:
            text = tr("Fetched: %1 ahead, %2 behind.")
                       .arg(result.branch.ahead)
                       .arg(result.branch.behind);
            break;
        case Op::Revert:
            text = tr("Reverted %1 with the new commit %2 (not pushed yet).")
                       .arg(result.revertedId.left(7), shortId);
            break;
        default:
            break;
        }
        if (result.push.upstreamSet)
            text += QLatin1Char(' ') + tr("The branch now tracks it.");
        if (!result.warning.isEmpty())
            text += QLatin1Char(' ') + result.warning;
        setStatus(text, !result.warning.isEmpty());
    } else {
        const QString why = explain(result.error);
        if (result.operation == Op::Revert)
            text = tr("Not reverted: %1").arg(why);
        else if (!result.commitId.isEmpty())
            text =
                tr("Committed %1 (the commit is kept), but the push failed. %2").arg(shortId, why);
        else
            text = why;
        setStatus(text, true);
        if (result.error.kind == GitErrorKind::NonFastForward)
            m_fetch->setDefault(true); // the suggested next step
    }
    if (!result.branch.branch.isEmpty() || result.branch.detached)
        updateBranch(result.branch);
    // Commits, reverts, pushes and fetches all change what the history shows (or its remote).
    m_history->reload();
    Q_EMIT operationFinished(result.ok);
    m_refreshPending = false;
    refresh();
}

} // namespace Fluxdesk
