#include "editortabs.h"

#include "cleanpreviewdialog.h"
#include "editorpage.h"
#include "editortabnames.h"
#include "findbar.h"
#include "items/problemmodel.h"
#include "manifest/editorjobs.h"
#include "repo/repositorycontent.h"
#include "splitdialog.h"
#include "yamleditor.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QInputDialog>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTabBar>

namespace Fluxdesk {

namespace {

constexpr int openWrittenLimit = 5; // a split into more files is announced, not opened

QString cleanToolTip()
{
    return EditorTabs::tr("Remove what the cluster wrote (status, uid, managedFields, "
                          "defaults…); shows every change before applying it");
}

QString splitToolTip()
{
    return EditorTabs::tr("Write one file per resource and list them in kustomization.yaml");
}

// The file a tab shows, also while it is still being read; "" for a document not saved yet.
QString pathOf(const EditorPage *page)
{
    if (!page->document().isUntitled())
        return page->document().path();
    return QDir::isAbsolutePath(page->problemKey()) ? page->problemKey() : QString();
}

} // namespace

EditorTabs::EditorTabs(ProblemModel *problems, QWidget *parent)
    : QTabWidget(parent), m_problems(problems), m_watcher(new QFileSystemWatcher(this)),
      m_jobs(new EditorJobs(this))
{
    setObjectName(QStringLiteral("editorTabs"));
    setTabsClosable(true);
    setMovable(true);
    setDocumentMode(true);
    setUsesScrollButtons(true);
    tabBar()->setElideMode(Qt::ElideMiddle);
    createActions();
    connect(this, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (EditorPage *page = pageAt(index))
            closePage(page);
    });
    connect(this, &QTabWidget::currentChanged, this, &EditorTabs::onCurrentChanged);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &EditorTabs::onFileChanged);
    updateActions();
}

EditorTabs::~EditorTabs() = default;

void EditorTabs::createActions()
{
    m_actions.resize(ActionCount);
    auto make = [this](ActionId id, const QString &text, const char *name,
                       const QKeySequence &key = {}) {
        auto *action = new QAction(text, this);
        action->setObjectName(QLatin1String(name));
        if (!key.isEmpty())
            action->setShortcut(key);
        m_actions[id] = action;
        addAction(action);
        return action;
    };
    make(Save, tr("&Save"), "saveAction", QKeySequence::Save);
    make(SaveAs, tr("Save &As…"), "saveAsAction", QKeySequence::SaveAs);
    make(CloseTab, tr("&Close Tab"), "closeTabAction", QKeySequence(Qt::CTRL | Qt::Key_W));
    make(NextTab, tr("Next Tab"), "nextTabAction", QKeySequence(Qt::CTRL | Qt::Key_Tab));
    make(PreviousTab, tr("Previous Tab"), "previousTabAction",
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab));
    make(Undo, tr("&Undo"), "undoAction", QKeySequence::Undo);
    make(Redo, tr("&Redo"), "redoAction", QKeySequence::Redo);
    make(Cut, tr("Cu&t"), "cutAction", QKeySequence::Cut);
    make(Copy, tr("&Copy"), "copyAction", QKeySequence::Copy);
    make(Paste, tr("&Paste"), "pasteAction", QKeySequence::Paste);
    make(Find, tr("&Find…"), "findAction", QKeySequence(Qt::CTRL | Qt::Key_F));
    make(Replace, tr("R&eplace…"), "replaceAction", QKeySequence(Qt::CTRL | Qt::Key_H));
    // F3 explicitly: QKeySequence::FindNext is also Ctrl+G on X11, which is Go to Line here.
    make(FindNext, tr("Find &Next"), "findNextAction", QKeySequence(Qt::Key_F3));
    make(FindPrevious, tr("Find Pre&vious"), "findPreviousAction",
         QKeySequence(Qt::SHIFT | Qt::Key_F3));
    make(GoToLine, tr("&Go to Line…"), "goToLineAction", QKeySequence(Qt::CTRL | Qt::Key_G));
    QAction *clean =
        make(Clean, tr("C&lean…"), "cleanAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    clean->setToolTip(cleanToolTip());
    QAction *split =
        make(Split, tr("S&plit…"), "splitAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    split->setToolTip(splitToolTip());

    // Editing keys work where the text is; elsewhere (the tree's filter) they stay the widget's.
    for (ActionId id : {Undo, Redo, Cut, Copy, Paste})
        m_actions[id]->setShortcutContext(Qt::WidgetWithChildrenShortcut);

    connect(m_actions[Save], &QAction::triggered, this, [this] { save(currentPage()); });
    connect(m_actions[SaveAs], &QAction::triggered, this, [this] { saveAs(currentPage()); });
    connect(m_actions[CloseTab], &QAction::triggered, this, [this] {
        if (EditorPage *page = currentPage())
            closePage(page);
    });
    connect(m_actions[NextTab], &QAction::triggered, this, [this] {
        if (count() > 1)
            setCurrentIndex((currentIndex() + 1) % count());
    });
    connect(m_actions[PreviousTab], &QAction::triggered, this, [this] {
        if (count() > 1)
            setCurrentIndex((currentIndex() + count() - 1) % count());
    });
    auto onEditor = [this](void (QPlainTextEdit::*slot)()) {
        return [this, slot] {
            if (EditorPage *page = currentPage())
                (page->editor()->*slot)();
        };
    };
    connect(m_actions[Undo], &QAction::triggered, this, onEditor(&QPlainTextEdit::undo));
    connect(m_actions[Redo], &QAction::triggered, this, onEditor(&QPlainTextEdit::redo));
    connect(m_actions[Cut], &QAction::triggered, this, onEditor(&QPlainTextEdit::cut));
    connect(m_actions[Copy], &QAction::triggered, this, onEditor(&QPlainTextEdit::copy));
    connect(m_actions[Paste], &QAction::triggered, this, onEditor(&QPlainTextEdit::paste));
    connect(m_actions[Find], &QAction::triggered, this, [this] {
        if (EditorPage *page = currentPage())
            page->findBar()->showFind();
        else
            emit findWithoutDocument();
    });
    connect(m_actions[Replace], &QAction::triggered, this, [this] {
        if (EditorPage *page = currentPage())
            page->findBar()->showReplace();
    });
    connect(m_actions[FindNext], &QAction::triggered, this, [this] {
        if (EditorPage *page = currentPage()) {
            if (page->findBar()->findText().isEmpty())
                page->findBar()->showFind();
            else
                page->findBar()->findNext();
        }
    });
    connect(m_actions[FindPrevious], &QAction::triggered, this, [this] {
        if (EditorPage *page = currentPage())
            page->findBar()->findPrevious();
    });
    connect(m_actions[GoToLine], &QAction::triggered, this, &EditorTabs::goToLine);
    connect(m_actions[Clean], &QAction::triggered, this, &EditorTabs::clean);
    connect(m_actions[Split], &QAction::triggered, this, &EditorTabs::split);
}

void EditorTabs::setPreviewPage(QWidget *page, const QString &title)
{
    m_preview = page;
    insertTab(0, page, title);
    // The preview is always there: no close button.
    tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);
    tabBar()->setTabButton(0, QTabBar::LeftSide, nullptr);
}

void EditorTabs::setCleanContextProvider(std::function<CleanContext()> provider)
{
    m_cleanContext = std::move(provider);
}

EditorPage *EditorTabs::pageAt(int index) const
{
    return qobject_cast<EditorPage *>(widget(index));
}

EditorPage *EditorTabs::currentPage() const
{
    return pageAt(currentIndex());
}

QList<EditorPage *> EditorTabs::pages() const
{
    QList<EditorPage *> out;
    for (int i = 0; i < count(); ++i) {
        if (EditorPage *page = pageAt(i))
            out.append(page);
    }
    return out;
}

EditorPage *EditorTabs::pageForKey(const QString &problemKey) const
{
    const QList<EditorPage *> all = pages();
    for (EditorPage *page : all) {
        if (page->problemKey() == problemKey)
            return page;
    }
    return nullptr;
}

EditorPage *EditorTabs::openFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (EditorPage *open = pageForKey(absolute)) {
        setCurrentWidget(open);
        return open;
    }
    auto *page = new EditorPage(this);
    addPage(page);
    connect(page, &EditorPage::opened, this, [this, page](bool ok, const QString &error) {
        if (!ok) {
            emit statusMessage(tr("Could not open the file: %1").arg(error));
            removePage(page);
            // Not exec(): this runs inside the page's own signal.
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Open File"),
                                        tr("The file could not be opened."), QMessageBox::Ok, this);
            box->setObjectName(QStringLiteral("openErrorBox"));
            box->setInformativeText(error);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
            return;
        }
        watch(page);
    });
    page->openFile(absolute);
    updateTitles();
    setCurrentWidget(page);
    return page;
}

EditorPage *EditorTabs::openText(const QString &suggestedName, const QString &text)
{
    auto *page = new EditorPage(this);
    addPage(page);
    page->setUntitled(suggestedName, text);
    updateTitles();
    setCurrentWidget(page);
    page->setFocus(Qt::OtherFocusReason);
    return page;
}

void EditorTabs::addPage(EditorPage *page)
{
    addTab(page, QString());
    connect(page, &EditorPage::titleChanged, this, [this] {
        updateTitles(); // a saved-as name may now match (or no longer match) another tab's
        updateActions();
    });
    connect(page, &EditorPage::statusMessage, this, &EditorTabs::statusMessage);
    connect(page, &EditorPage::problemKeyChanged, this,
            [this](const QString &oldKey, const QString &) {
                if (!oldKey.isEmpty())
                    m_problems->clearFile(oldKey);
            });
    connect(page, &EditorPage::problemsChanged, this,
            [this, page](const QString &key, const QList<Problem> &problems) {
                m_problems->setDisplayName(key, page->document().displayName());
                m_problems->setProblems(key, problems);
            });
    YamlEditor *editor = page->editor();
    auto refresh = [this, page] {
        if (page == currentPage())
            updateActions();
    };
    connect(editor, &QPlainTextEdit::undoAvailable, this, refresh);
    connect(editor, &QPlainTextEdit::redoAvailable, this, refresh);
    connect(editor, &QPlainTextEdit::copyAvailable, this, refresh);
    connect(editor, &YamlEditor::loaded, this, refresh);
}

void EditorTabs::updateTitles()
{
    // Tabs of the same file name (kustomization.yaml in every folder) add the parent folders
    // that tell them apart; the tooltip names the whole path.
    const QList<EditorPage *> all = pages();
    QStringList paths;
    for (const EditorPage *page : all)
        paths.append(pathOf(page));
    const QStringList folders = distinguishingFolders(paths);
    for (int i = 0; i < all.size(); ++i) {
        EditorPage *page = all.at(i);
        const int index = indexOf(page);
        const QString folder = QDir::toNativeSeparators(folders.at(i));
        //: Tab title of a file whose name another tab shows too: name, then its folder
        setTabText(index,
                   folder.isEmpty() ? page->title() : tr("%1 — %2").arg(page->title(), folder));
        setTabToolTip(index, paths.at(i).isEmpty()
                                 ? tr("%1 (not saved yet)").arg(page->document().displayName())
                                 : QDir::toNativeSeparators(paths.at(i)));
    }
}

void EditorTabs::onCurrentChanged()
{
    updateActions();
    emit currentDocumentChanged();
}

void EditorTabs::updateActions()
{
    EditorPage *page = currentPage();
    const bool has = page != nullptr;
    const bool editable = has && !page->isLoading();
    for (ActionId id : {Save, SaveAs, CloseTab, Replace, FindNext, FindPrevious, GoToLine, Paste})
        m_actions[id]->setEnabled(editable);
    // Clean and Split work on manifests: for README.md or a kustomization.yaml the tooltip says
    // why they are off.
    const QString refusal =
        has ? manifestActionsRefusal(page->document().displayName()) : QString();
    m_actions[Clean]->setEnabled(editable && refusal.isEmpty());
    m_actions[Split]->setEnabled(editable && refusal.isEmpty());
    m_actions[Clean]->setToolTip(refusal.isEmpty() ? cleanToolTip() : refusal);
    m_actions[Split]->setToolTip(refusal.isEmpty() ? splitToolTip() : refusal);
    m_actions[NextTab]->setEnabled(count() > 1);
    m_actions[PreviousTab]->setEnabled(count() > 1);
    const QTextDocument *document = has ? page->editor()->document() : nullptr;
    m_actions[Undo]->setEnabled(editable && document->isUndoAvailable());
    m_actions[Redo]->setEnabled(editable && document->isRedoAvailable());
    const bool selection = has && page->editor()->textCursor().hasSelection();
    m_actions[Cut]->setEnabled(editable && selection);
    m_actions[Copy]->setEnabled(has && selection);
}

QString EditorTabs::folderFor(EditorPage *page) const
{
    if (page && !page->document().isUntitled())
        return QFileInfo(page->document().path()).absolutePath();
    // A copy of a live object starts where the plan puts it, when that folder exists.
    if (page && !page->plannedFile().isEmpty()) {
        const QString folder =
            QFileInfo(QDir(page->plannedRoot()).filePath(page->plannedFile())).absolutePath();
        if (QFileInfo(folder).isDir())
            return folder;
    }
    return m_defaultFolder.isEmpty() ? QDir::homePath() : m_defaultFolder;
}

int EditorTabs::saveToPlannedFile(EditorPage *page)
{
    const Result<QString> path = prepareFileInRepository(page->plannedRoot(), page->plannedFile());
    QString error;
    if (path) {
        const QFileInfo info(*path);
        // Never over a file that is there already (the user's, or written by the plan): Save As
        // shows it and asks.
        if (info.exists() || info.isSymLink())
            return -1;
        if (page->saveTo(*path) == EditorPage::SaveResult::Saved) {
            watch(page);
            //: Status bar after saving a live object's copy where the plan puts it
            emit statusMessage(
                tr("Saved to %1, where the plan puts this object: the plan keeps your version")
                    .arg(page->plannedFile()));
            return 1;
        }
        error = page->lastError();
    } else {
        error = path.error().toString();
    }
    QMessageBox box(QMessageBox::Critical, tr("Save"), tr("The file was not saved."),
                    QMessageBox::Ok, this);
    box.setObjectName(QStringLiteral("saveErrorBox"));
    box.setInformativeText(error);
    box.exec();
    return 0;
}

bool EditorTabs::save(EditorPage *page)
{
    if (!page)
        return false;
    if (page->document().isUntitled() && !page->plannedFile().isEmpty() && !page->isLoading()) {
        const int saved = saveToPlannedFile(page);
        if (saved >= 0)
            return saved == 1;
    }
    if (page->document().isUntitled())
        return saveAs(page);
    EditorPage::SaveResult result = page->saveTo();
    if (result == EditorPage::SaveResult::Conflict) {
        setCurrentWidget(page);
        QMessageBox box(
            QMessageBox::Warning, tr("File Changed on Disk"),
            tr("%1 changed on disk since it was opened.").arg(page->document().displayName()),
            QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("diskConflictBox"));
        box.setInformativeText(tr("Overwrite it with the text here, or reload the file (Undo "
                                  "brings your text back)?"));
        QPushButton *overwrite = box.addButton(tr("&Overwrite"), QMessageBox::AcceptRole);
        overwrite->setObjectName(QStringLiteral("overwriteButton"));
        QPushButton *reload = box.addButton(tr("&Reload"), QMessageBox::DestructiveRole);
        reload->setObjectName(QStringLiteral("reloadButton"));
        QPushButton *cancel = box.addButton(QMessageBox::Cancel);
        cancel->setObjectName(QStringLiteral("cancelButton"));
        box.setDefaultButton(cancel);
        box.exec();
        if (box.clickedButton() == overwrite) {
            result = page->saveTo({}, true);
        } else {
            if (box.clickedButton() == reload)
                page->reloadFromDisk();
            return false;
        }
    }
    if (result == EditorPage::SaveResult::Failed) {
        QMessageBox box(QMessageBox::Critical, tr("Save"), tr("The file was not saved."),
                        QMessageBox::Ok, this);
        box.setObjectName(QStringLiteral("saveErrorBox"));
        box.setInformativeText(page->lastError());
        box.exec();
        return false;
    }
    watch(page);
    return true;
}

bool EditorTabs::saveAs(EditorPage *page)
{
    if (!page || page->isLoading())
        return false;
    QFileDialog dialog(this, tr("Save As"), folderFor(page));
    dialog.setObjectName(QStringLiteral("saveAsDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setNameFilters({tr("YAML files (*.yaml *.yml)"), tr("All files (*)")});
    dialog.setDefaultSuffix(QStringLiteral("yaml"));
    dialog.selectFile(page->document().isUntitled() && !page->plannedFile().isEmpty()
                          ? QFileInfo(page->plannedFile()).fileName()
                          : page->document().displayName());
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return false;
    const QString path = dialog.selectedFiles().constFirst();
    const QString oldPath = page->document().path();
    // The dialog already confirmed replacing an existing file.
    if (page->saveTo(path, true) != EditorPage::SaveResult::Saved) {
        QMessageBox box(QMessageBox::Critical, tr("Save As"), tr("The file was not saved."),
                        QMessageBox::Ok, this);
        box.setObjectName(QStringLiteral("saveErrorBox"));
        box.setInformativeText(page->lastError());
        box.exec();
        return false;
    }
    if (!oldPath.isEmpty() && oldPath != page->document().path())
        m_watcher->removePath(oldPath);
    watch(page);
    return true;
}

bool EditorTabs::closePage(EditorPage *page)
{
    if (!page)
        return false;
    if (page->isModified()) {
        setCurrentWidget(page);
        QMessageBox box(QMessageBox::Question, tr("Close"),
                        tr("Save the changes to %1?").arg(page->document().displayName()),
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setObjectName(QStringLiteral("closeTabBox"));
        box.setInformativeText(tr("Your changes are lost if you close without saving."));
        box.button(QMessageBox::Save)->setObjectName(QStringLiteral("saveButton"));
        box.button(QMessageBox::Discard)->setObjectName(QStringLiteral("discardButton"));
        box.button(QMessageBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
        box.setDefaultButton(QMessageBox::Save);
        const int answer = box.exec();
        if (answer == QMessageBox::Cancel)
            return false;
        if (answer == QMessageBox::Save && !save(page))
            return false;
    }
    removePage(page);
    return true;
}

void EditorTabs::removePage(EditorPage *page)
{
    if (!page->document().isUntitled())
        m_watcher->removePath(page->document().path());
    m_problems->clearFile(page->problemKey());
    removeTab(indexOf(page));
    page->deleteLater();
    updateTitles(); // a name it shared may be unique now
    updateActions();
}

bool EditorTabs::maybeCloseAll()
{
    const QList<EditorPage *> all = pages();
    for (EditorPage *page : all) {
        if (page->isModified() && !closePage(page))
            return false;
    }
    return true;
}

bool EditorTabs::showProblem(const QString &problemKey, int line, int column)
{
    EditorPage *page = pageForKey(problemKey);
    if (!page)
        page = openFile(problemKey); // a problem from the repository's lint
    if (!page)
        return false;
    setCurrentWidget(page);
    if (line > 0)
        page->editor()->goToLine(line, column);
    page->editor()->setFocus(Qt::OtherFocusReason);
    return true;
}

void EditorTabs::watch(EditorPage *page)
{
    const QString path = page->document().path();
    if (!path.isEmpty() && !m_watcher->files().contains(path))
        m_watcher->addPath(path);
}

void EditorTabs::onFileChanged(const QString &path)
{
    EditorPage *page = pageForKey(path);
    if (!page)
        return;
    page->onFileChangedOnDisk();
    // Editors that save by renaming replace the file: watch the new one.
    if (QFileInfo::exists(path) && !m_watcher->files().contains(path))
        m_watcher->addPath(path);
}

void EditorTabs::clean()
{
    EditorPage *page = currentPage();
    if (!page || page->isLoading() ||
        !manifestActionsRefusal(page->document().displayName()).isEmpty())
        return;
    const QString before = page->text();
    const QString name = page->document().displayName();
    const QString repo = m_defaultFolder;
    const CleanContext context = m_cleanContext ? m_cleanContext() : CleanContext();
    QPointer<EditorPage> guard(page);
    emit statusMessage(tr("Cleaning %1…").arg(name));
    // A newer clean supersedes this one: its result is dropped.
    m_jobs->clean(before, name, repo, context,
                  [this, guard, before, name](Result<CleanTextResult> result) {
                      if (!guard)
                          return;
                      if (!result) {
                          const QString error = result.error().toString();
                          emit statusMessage(tr("Clean failed: %1").arg(error));
                          auto *box = new QMessageBox(QMessageBox::Warning, tr("Clean"),
                                                      tr("%1 cannot be cleaned.").arg(name),
                                                      QMessageBox::Ok, this);
                          box->setObjectName(QStringLiteral("cleanErrorBox"));
                          box->setInformativeText(error);
                          box->setAttribute(Qt::WA_DeleteOnClose);
                          box->open();
                          return;
                      }
                      if (guard->text() != before) {
                          emit statusMessage(tr("The text changed while it was cleaned: press "
                                                "Clean again"));
                          return;
                      }
                      showCleanPreview(guard, name, before, *result);
                  });
}

void EditorTabs::showCleanPreview(EditorPage *page, const QString &name, const QString &before,
                                  const CleanTextResult &result)
{
    QPointer<EditorPage> guard(page);
    auto *dialog = new CleanPreviewDialog(name, before, result, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, guard, before] {
        if (!guard || guard->text() != before)
            return;
        guard->editor()->replaceAllText(dialog->cleanedText());
        emit statusMessage(
            tr("Cleaned %1: Undo restores the text").arg(guard->document().displayName()));
    });
    dialog->open();
    emit statusMessage(QString());
    emit cleanPreviewShown(dialog);
}

void EditorTabs::split()
{
    EditorPage *page = currentPage();
    if (!page || page->isLoading() ||
        !manifestActionsRefusal(page->document().displayName()).isEmpty())
        return;
    auto *dialog = new SplitDialog(page->document().path(), page->text(), folderFor(page), this);
    dialog->setRepository(m_defaultFolder); // a split into it is wired up for Flux
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QStringList written = dialog->writtenFiles();
        //: Status after a split: number of files, folder
        emit statusMessage(tr("Split into %1 files in %2; kustomization.yaml lists them")
                               .arg(written.size())
                               .arg(QDir::toNativeSeparators(dialog->folder())));
        if (written.size() <= openWrittenLimit) {
            for (const QString &path : written)
                openFile(path);
        }
        emit splitDone(written, dialog->kustomization());
    });
    dialog->open();
}

void EditorTabs::goToLine()
{
    EditorPage *page = currentPage();
    if (!page)
        return;
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("goToLineDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Go to Line"));
    dialog->setInputMode(QInputDialog::IntInput);
    dialog->setLabelText(tr("Line (1–%1):").arg(page->editor()->blockCount()));
    dialog->setIntRange(1, page->editor()->blockCount());
    dialog->setIntValue(page->editor()->currentLine());
    QPointer<EditorPage> guard(page);
    connect(dialog, &QInputDialog::intValueSelected, this, [guard](int line) {
        if (guard) {
            guard->editor()->goToLine(line);
            guard->editor()->setFocus(Qt::OtherFocusReason);
        }
    });
    dialog->open();
}

} // namespace Fluxdesk
