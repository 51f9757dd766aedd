#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Fluxdesk {

// A file's bytes as the editor reads them: decoded text plus what identifies this version on disk.
struct FileSnapshot
{
    QString text;
    QByteArray hash; // SHA-256 of the bytes on disk
    QDateTime modified;
    qint64 size = 0;
};

// Reads and decodes a text file (UTF-8; a binary or non-UTF-8 file is an error, never garbage in
// the editor). A pure function: safe to run off the UI thread.
Result<FileSnapshot> readTextFile(const QString &path, qint64 maxBytes = 64 * 1024 * 1024);
QByteArray contentHash(const QByteArray &bytes);

// The state of one editor document that a test can reach without a window: where it lives, the
// text last saved or loaded, and what the file on disk looked like then, so a save can tell when
// someone else changed the file meanwhile.
class EditorDocument
{
public:
    enum class DiskState
    {
        Unchanged, // the file is as we last read or wrote it (or the document is untitled)
        Modified,  // someone else changed it
        Removed    // it was deleted or moved away
    };

    EditorDocument() = default;
    // An untitled document: suggestedName is what Save As proposes ("llama-cpp-deployment.yaml").
    static EditorDocument untitled(const QString &suggestedName, const QString &text);
    static EditorDocument fromSnapshot(const QString &path, const FileSnapshot &snapshot);
    // Reads the file (on the calling thread).
    static Result<EditorDocument> open(const QString &path);

    QString path() const { return m_path; }
    bool isUntitled() const { return m_path.isEmpty(); }
    QString suggestedName() const { return m_suggestedName; }
    // The tab title: the file name, or the suggested name of an untitled document.
    QString displayName() const;
    QString savedText() const { return m_savedText; }
    bool isModified(const QString &currentText) const { return currentText != m_savedText; }

    // Compares the file on disk with the version we read or wrote last (by content hash, so a
    // touch without a change is not a conflict).
    DiskState diskState() const;

    // Writes text atomically (QSaveFile). With path empty, saves to the document's own path.
    // Refuses (an Error, nothing written) when the file changed on disk since it was read or
    // saved, unless force is set: the caller asks the user first.
    Result<bool> save(const QString &text, const QString &path = {}, bool force = false);
    // Re-reads the file from disk; the returned text becomes the saved text.
    Result<QString> reload();

private:
    QString m_path;
    QString m_suggestedName;
    QString m_savedText;
    QByteArray m_diskHash; // empty: nothing on disk yet
};

} // namespace Fluxdesk
