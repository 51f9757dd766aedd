// The Changes panel without a repository: Open, Initialise and Clone (the empty page).
#include "changespanel.h"

#include "clonedialog.h"
#include "git/giturl.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace Fluxdesk {

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
        tr("Cloning %1 into %2…").arg(displayUrl(url.trimmed()), QDir::toNativeSeparators(target)));
    m_cloneStatus->setStyleSheet(QString());
    m_cloneStatus->show();
    m_cloning = true;
    setBusy(true, true);
    m_session->clone(url.trimmed(), target,
                     [this](const GitOperationResult &result) { onFinished(result); });
    return true;
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
    m_session->init(folder, [this, folder](GitResult<GitDone> done) {
        if (!done) {
            showEmpty(done.error().message);
            return;
        }
        setRepositoryPath(folder);
        setStatus(tr("Initialised an empty repository with the branch main."));
        Q_EMIT repositoryChosen(m_path);
    });
}

} // namespace Fluxdesk
