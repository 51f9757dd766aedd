#include "editorpage.h"

#include "findbar.h"
#include "manifest/editorjobs.h"
#include "secrets/sopseditorcodec.h"
#include "yamleditor.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

#include <atomic>
#include <memory>
#include <utility>

namespace Fluxdesk {

namespace {

constexpr int lintDelayMs = 300;
constexpr int incrementalSnapshotChars = 1024 * 1024;
constexpr qint64 snapshotBudgetMs = 15;

QString untitledKey(const QString &name)
{
    static std::atomic_int counter{0};
    return QStringLiteral("untitled:%1/%2").arg(++counter).arg(name);
}

} // namespace

EditorPage::EditorPage(QWidget *parent) : QWidget(parent), m_jobs(new EditorJobs(this))
{
    m_editor = new YamlEditor(this);
    m_editor->setObjectName(QStringLiteral("yamlEditor"));
    m_findBar = new FindBar(m_editor, this);

    m_diskBanner = new QFrame(this);
    m_diskBanner->setObjectName(QStringLiteral("diskChangedBanner"));
    static_cast<QFrame *>(m_diskBanner)->setFrameShape(QFrame::StyledPanel);
    m_diskBannerText = new QLabel(m_diskBanner);
    m_diskBannerText->setWordWrap(true);
    auto *reload = new QPushButton(tr("Reload from Disk"), m_diskBanner);
    reload->setObjectName(QStringLiteral("reloadFromDiskButton"));
    reload->setToolTip(tr("Replace the text with the file's (Undo brings your text back)"));
    auto *bannerLayout = new QHBoxLayout(m_diskBanner);
    bannerLayout->setContentsMargins(6, 4, 6, 4);
    bannerLayout->addWidget(m_diskBannerText, 1);
    bannerLayout->addWidget(reload);
    m_diskBanner->hide();

    // A SOPS file: decrypted for editing (said so), or shown as stored and read-only (and why).
    m_encryptionBanner = new QLabel(this);
    m_encryptionBanner->setObjectName(QStringLiteral("encryptionBanner"));
    m_encryptionBanner->setWordWrap(true);
    m_encryptionBanner->setMargin(6);
    m_encryptionBanner->setFrameShape(QFrame::StyledPanel);
    m_encryptionBanner->hide();
    m_jobs->setCodecResolver(Sops::editorCodecResolver());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_encryptionBanner);
    layout->addWidget(m_diskBanner);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_findBar);

    m_lintTimer = new QTimer(this);
    m_lintTimer->setSingleShot(true);
    m_lintTimer->setInterval(lintDelayMs);
    connect(m_lintTimer, &QTimer::timeout, this, &EditorPage::lintNow);
    connect(m_editor->document(), &QTextDocument::contentsChanged, this, [this] {
        if (!m_editor->isLoading())
            scheduleLint();
    });
    connect(m_editor->document(), &QTextDocument::modificationChanged, this,
            &EditorPage::titleChanged);
    connect(m_editor, &YamlEditor::loaded, this, [this] {
        // The loaded text is the saved text: no need to copy megabytes out of the document.
        lintText(m_document.savedText());
        emit titleChanged();
    });
    connect(reload, &QPushButton::clicked, this, [this] { reloadFromDisk(); });
    setFocusProxy(m_editor);
}

// A read or lint still running is dropped with m_jobs.
EditorPage::~EditorPage() = default;

void EditorPage::openFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const QString oldKey = m_problemKey;
    m_problemKey = absolute;
    m_document = EditorDocument::untitled(QFileInfo(path).fileName(), QString());
    emit problemKeyChanged(oldKey, m_problemKey);
    m_reading = true;
    m_editor->setReadOnly(true);
    m_editor->setPlaceholderText(tr("Reading %1…").arg(QFileInfo(path).fileName()));
    // Reading and decoding megabytes belongs off the UI thread; a newer open of this tab wins.
    m_jobs->read(absolute, [this, absolute](Result<FileSnapshot> snapshot) {
        m_reading = false;
        m_editor->setPlaceholderText(QString());
        if (!snapshot) {
            emit opened(false, snapshot.error().toString());
            return;
        }
        m_document = EditorDocument::fromSnapshot(absolute, *snapshot);
        m_editor->setReadOnly(!m_document.readOnlyReason().isEmpty());
        showEncryptionBanner();
        m_editor->loadText(snapshot->text);
        emit titleChanged();
        emit opened(true, QString());
    });
}

void EditorPage::showEncryptionBanner()
{
    const QString reason = m_document.readOnlyReason();
    if (!reason.isEmpty()) {
        m_encryptionBanner->setText(reason);
        m_encryptionBanner->setToolTip(tr("Read-only: encrypted"));
    } else if (m_document.codec()) {
        m_encryptionBanner->setText(m_document.codec().description);
        m_encryptionBanner->setToolTip(tr("Decrypted: the file on disk stays encrypted"));
    }
    m_encryptionBanner->setVisible(!reason.isEmpty() || bool(m_document.codec()));
}

void EditorPage::setUntitled(const QString &suggestedName, const QString &text)
{
    const QString oldKey = m_problemKey;
    m_problemKey = untitledKey(suggestedName);
    m_document = EditorDocument::untitled(suggestedName, text);
    showEncryptionBanner();
    emit problemKeyChanged(oldKey, m_problemKey);
    m_editor->loadText(text);
    emit titleChanged();
}

void EditorPage::setPlannedFile(const QString &repositoryRoot, const QString &relativePath)
{
    m_plannedRoot = relativePath.isEmpty() ? QString() : repositoryRoot;
    m_plannedFile = repositoryRoot.isEmpty() ? QString() : relativePath;
}

void EditorPage::setCodec(const FileCodec &codec)
{
    m_document.setCodec(codec);
    showEncryptionBanner();
}

QString EditorPage::text() const
{
    return m_editor->toPlainText();
}

bool EditorPage::isModified() const
{
    return m_editor->document()->isModified();
}

bool EditorPage::isLoading() const
{
    return m_reading || m_editor->isLoading();
}

QString EditorPage::title() const
{
    //: Tab title of a document with unsaved changes
    return isModified() ? tr("%1*").arg(m_document.displayName()) : m_document.displayName();
}

EditorPage::SaveResult EditorPage::saveTo(const QString &path, bool force)
{
    if (isLoading()) {
        m_lastError = tr("The file is still loading");
        return SaveResult::Failed;
    }
    const QString oldPath = m_document.path();
    const QString target = path.isEmpty() ? oldPath : QFileInfo(path).absoluteFilePath();
    if (!force && target == oldPath && !oldPath.isEmpty() &&
        m_document.diskState() == EditorDocument::DiskState::Modified) {
        m_lastError = tr("%1 changed on disk since it was opened").arg(oldPath);
        return SaveResult::Conflict;
    }
    const Result<bool> saved = m_document.save(text(), target, true);
    if (!saved) {
        m_lastError = saved.error().toString();
        return SaveResult::Failed;
    }
    m_lastError.clear();
    m_editor->document()->setModified(false);
    showDiskBanner(false);
    if (m_problemKey != m_document.path()) {
        const QString oldKey = m_problemKey;
        m_problemKey = m_document.path();
        emit problemKeyChanged(oldKey, m_problemKey);
        lintNow(); // the problems' file name changed
    }
    emit titleChanged();
    emit statusMessage(tr("Saved %1").arg(m_document.path()));
    return SaveResult::Saved;
}

bool EditorPage::reloadFromDisk()
{
    EditorDocument document = m_document;
    const Result<QString> text = document.reload();
    if (!text) {
        m_lastError = text.error().toString();
        emit statusMessage(m_lastError);
        return false;
    }
    m_document = document;
    m_editor->replaceAllText(*text);
    m_editor->document()->setModified(false);
    showDiskBanner(false);
    emit titleChanged();
    return true;
}

void EditorPage::onFileChangedOnDisk()
{
    if (m_document.isUntitled() || isLoading())
        return;
    const EditorDocument::DiskState state = m_document.diskState();
    if (state == EditorDocument::DiskState::Unchanged) {
        showDiskBanner(false);
        return;
    }
    if (state == EditorDocument::DiskState::Modified && !isModified()) {
        // Nothing of the user's would be lost: follow the file, as editors do.
        if (reloadFromDisk())
            emit statusMessage(tr("Reloaded %1: it changed on disk").arg(m_document.path()));
        return;
    }
    m_diskBannerText->setText(
        state == EditorDocument::DiskState::Removed
            ? tr("%1 was deleted or moved on disk. Saving writes it again.")
                  .arg(m_document.displayName())
            : tr("%1 changed on disk and here. Saving asks whether to overwrite it.")
                  .arg(m_document.displayName()));
    showDiskBanner(true);
}

void EditorPage::showDiskBanner(bool show)
{
    m_diskBanner->setVisible(show);
}

void EditorPage::scheduleLint()
{
    m_lintTimer->start();
}

void EditorPage::lintNow()
{
    m_lintTimer->stop();
    if (m_editor->isLoading())
        return; // the text is still arriving in slices; loaded() lints it whole

    const QTextDocument *document = m_editor->document();
    if (document->characterCount() < incrementalSnapshotChars) {
        lintText(text());
        return;
    }
    // Copying megabytes out of the document at once would stall the UI thread: collect the lines
    // a few thousand per event-loop turn, and start over if the text changes meanwhile.
    const quint64 generation = m_jobs->supersedeLint();
    auto lines = std::make_shared<QStringList>();
    lines->reserve(document->blockCount());
    auto block = std::make_shared<QTextBlock>(document->begin());
    const int revision = document->revision();
    auto *timer = new QTimer(this);
    timer->setInterval(0);
    connect(timer, &QTimer::timeout, this, [this, timer, lines, block, revision, generation] {
        const QTextDocument *doc = m_editor->document();
        if (!m_jobs->isLintCurrent(generation) || doc->revision() != revision) {
            timer->deleteLater(); // superseded; the edit scheduled another lint
            return;
        }
        QElapsedTimer clock;
        clock.start();
        while (block->isValid() && clock.elapsed() < snapshotBudgetMs) {
            for (int i = 0; i < 2000 && block->isValid(); ++i) {
                lines->append(block->text());
                *block = block->next();
            }
        }
        if (block->isValid())
            return;
        timer->deleteLater();
        startLint([lines] { return lines->join(QLatin1Char('\n')).toUtf8(); });
    });
    timer->start();
}

void EditorPage::lintText(const QString &text)
{
    // Encoding is done by the worker too: megabytes of UTF-8 are not the UI thread's job.
    startLint([text] { return text.toUtf8(); });
}

void EditorPage::startLint(std::function<QByteArray()> bytes)
{
    m_lintTimer->stop();
    const QString key = m_problemKey;
    // A newer lint supersedes this one; a rename meanwhile makes its problems someone else's.
    m_jobs->lint(std::move(bytes), key, [this, key](QList<Problem> problems) {
        if (key != m_problemKey)
            return;
        m_problems = std::move(problems);
        m_editor->setProblems(m_problems);
        emit problemsChanged(m_problemKey, m_problems);
        emit linted();
    });
}

} // namespace Fluxdesk
