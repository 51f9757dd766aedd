#pragma once

#include "manifest/editordocument.h"
#include "manifest/problem.h"

#include <QWidget>

#include <functional>

class QLabel;
class QTimer;

namespace Fluxdesk {

class EditorJobs;
class FindBar;
class YamlEditor;

// One editor tab: the YamlEditor, its find bar, the document's file state, and linting on edit
// (debounced; reading and linting run as EditorJobs, so a newer read or lint drops an older one).
class EditorPage : public QWidget
{
    Q_OBJECT
public:
    explicit EditorPage(QWidget *parent = nullptr);
    ~EditorPage() override;

    // Reads the file off the UI thread; opened() follows.
    void openFile(const QString &path);
    // An untitled document holding text (e.g. a live object), saved where the user chooses.
    void setUntitled(const QString &suggestedName, const QString &text);
    // Where Save puts an untitled document without asking: the file the plan places its object
    // in (relativePath under the repository root); "" when the plan places it nowhere.
    void setPlannedFile(const QString &repositoryRoot, const QString &relativePath);
    // Saves through codec (a planned Secret the plan writes encrypted), said in a banner.
    void setCodec(const FileCodec &codec);
    QString plannedRoot() const { return m_plannedRoot; }
    QString plannedFile() const { return m_plannedFile; }

    YamlEditor *editor() const { return m_editor; }
    FindBar *findBar() const { return m_findBar; }
    const EditorDocument &document() const { return m_document; }
    QString text() const;
    bool isModified() const;
    bool isLoading() const;
    // The id of this document's problems: its path, or "untitled:N/name".
    QString problemKey() const { return m_problemKey; }
    QString title() const; // the name, "*" appended when modified
    QList<Problem> problems() const { return m_problems; }

    enum class SaveResult
    {
        Saved,
        Conflict, // the file changed on disk since it was read; nothing written
        Failed
    };
    // Writes to path ("" = the document's own) without asking; force overwrites a conflict.
    SaveResult saveTo(const QString &path = {}, bool force = false);
    QString lastError() const { return m_lastError; }
    // Re-reads the file; the editor's text is replaced as one undoable step.
    bool reloadFromDisk();
    // Called when the watcher reports a change of the file.
    void onFileChangedOnDisk();

    // Lints now instead of after the debounce (tests, and after loading).
    void lintNow();

signals:
    void opened(bool ok, const QString &error);
    void titleChanged();
    void problemKeyChanged(const QString &oldKey, const QString &newKey);
    void problemsChanged(const QString &key, const QList<Fluxdesk::Problem> &problems);
    void linted(); // after problemsChanged, for tests
    void statusMessage(const QString &message);

private:
    void setDocument(const EditorDocument &document);
    void scheduleLint();
    void lintText(const QString &text);
    void startLint(std::function<QByteArray()> bytes); // bytes() runs on a worker thread
    void showDiskBanner(bool show);
    void showEncryptionBanner();

    EditorDocument m_document;
    EditorJobs *m_jobs;
    YamlEditor *m_editor;
    FindBar *m_findBar;
    QWidget *m_diskBanner;
    QLabel *m_diskBannerText;
    QLabel *m_encryptionBanner;
    QTimer *m_lintTimer;
    QString m_problemKey;
    QList<Problem> m_problems;
    QString m_lastError;
    QString m_plannedRoot;
    QString m_plannedFile;
    bool m_reading = false;
};

} // namespace Fluxdesk
