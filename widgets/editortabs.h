#pragma once

#include "manifest/cleaner.h"

#include <QTabWidget>
#include <QVector>

#include <functional>

class QAction;
class QFileSystemWatcher;

namespace Fluxdesk {

class EditorJobs;
class EditorPage;
class ProblemModel;

// The editor area: a tab per document (a "*" marks unsaved changes), an optional fixed preview
// tab first, and the actions that work on the current document (save, close, undo, find, go to
// line, clean, split...). Closing a modified tab asks to save, discard or cancel; saving over a
// file that changed on disk asks to overwrite, reload or cancel.
class EditorTabs : public QTabWidget
{
    Q_OBJECT
public:
    enum ActionId
    {
        Save,
        SaveAs,
        CloseTab,
        NextTab,
        PreviousTab,
        Undo,
        Redo,
        Cut,
        Copy,
        Paste,
        Find,
        Replace,
        FindNext,
        FindPrevious,
        GoToLine,
        Clean,
        Split,
        ActionCount
    };

    explicit EditorTabs(ProblemModel *problems, QWidget *parent = nullptr);
    ~EditorTabs() override;

    QAction *action(ActionId id) const { return m_actions.at(id); }

    // A fixed first tab without a close button (the live object preview).
    void setPreviewPage(QWidget *page, const QString &title);
    QWidget *previewPage() const { return m_preview; }

    // Where Save As and Split start for untitled documents (the repository).
    void setDefaultFolder(const QString &folder) { m_defaultFolder = folder; }
    QString defaultFolder() const { return m_defaultFolder; }
    // Supplies what the cluster knows for a clean (dynamic volumes...); optional.
    void setCleanContextProvider(std::function<CleanContext()> provider);

    // Opens a file in a tab (or shows its tab when already open).
    EditorPage *openFile(const QString &path);
    EditorPage *openText(const QString &suggestedName, const QString &text);
    EditorPage *currentPage() const;
    EditorPage *pageAt(int index) const;
    QList<EditorPage *> pages() const;
    EditorPage *pageForKey(const QString &problemKey) const;

    // Saving with the prompts a user sees; false when cancelled or failed.
    bool save(EditorPage *page);
    bool saveAs(EditorPage *page);
    // Closes a tab, asking first when it has unsaved changes; false when the user cancelled.
    bool closePage(EditorPage *page);
    // Asks about every modified document (before the window closes); false when cancelled.
    bool maybeCloseAll();

    // Shows a problem: its tab, its line.
    bool showProblem(const QString &problemKey, int line, int column);

    // Starts a clean of the current document; the preview dialog opens when it is computed.
    void clean();
    void split();
    void goToLine();

signals:
    void statusMessage(const QString &message);
    void currentDocumentChanged();
    void cleanPreviewShown(QDialog *dialog); // for tests
    void findWithoutDocument();              // Find pressed with no document open
    void splitDone(const QStringList &written, const QString &kustomization);

private:
    void createActions();
    void addPage(EditorPage *page);
    void updateActions();
    void updateTitles();
    void onCurrentChanged();
    void onFileChanged(const QString &path);
    void watch(EditorPage *page);
    void removePage(EditorPage *page);
    QString folderFor(EditorPage *page) const;
    // Save of an untitled document the plan places: to its planned file; -1 when that file is
    // there already (Save As asks), else 1 saved or 0 failed.
    int saveToPlannedFile(EditorPage *page);
    void showCleanPreview(EditorPage *page, const QString &name, const QString &before,
                          const CleanTextResult &result);

    ProblemModel *m_problems;
    QVector<QAction *> m_actions;
    QWidget *m_preview = nullptr;
    QString m_defaultFolder;
    QFileSystemWatcher *m_watcher;
    std::function<CleanContext()> m_cleanContext;
    EditorJobs *m_jobs; // the clean: a newer one supersedes the running one
};

} // namespace Fluxdesk
