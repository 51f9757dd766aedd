#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <functional>

namespace Fluxdesk {

// How a file stored otherwise than it is edited is read and written: a SOPS file is encrypted on
// disk and edited in the clear. decode: the stored text -> the text to edit (an error: the file
// opens read-only, showing the stored text and the reason); encode: the edited text and the
// stored text it came from -> the text to store (so an encoder can keep what did not change).
struct FileCodec
{
    QString description; // what the editor tells the user about the document
    std::function<Result<QString>(const QString &stored)> decode;
    std::function<Result<QString>(const QString &edited, const QString &stored)> encode;

    explicit operator bool() const { return bool(decode) && bool(encode); }
};

// The codec a file needs, from its path and stored text; an empty one for a plain file. Runs on
// the thread that reads the file.
using FileCodecResolver = std::function<FileCodec(const QString &path, const QString &stored)>;

// A file's bytes as the editor reads them: decoded text plus what identifies this version on disk.
struct FileSnapshot
{
    QString text;
    QByteArray hash; // SHA-256 of the bytes on disk
    QDateTime modified;
    qint64 size = 0;
    // With a codec: the text as stored (text is what decode made of it).
    QString stored;
    FileCodec codec;
    // Why the file is shown as stored and cannot be saved (a codec that could not decode it).
    QString readOnlyReason;
};

// Reads and decodes a text file (UTF-8; a binary or non-UTF-8 file is an error, never garbage in
// the editor), through the resolver's codec when it names one. A pure function: safe to run off
// the UI thread.
Result<FileSnapshot> readTextFile(const QString &path, qint64 maxBytes = 64 * 1024 * 1024,
                                  const FileCodecResolver &resolver = {});
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

    // The codec the file is read and written through (empty for a plain file), and why the
    // document cannot be saved (empty when it can).
    const FileCodec &codec() const { return m_codec; }
    // Stores the document through codec from its next save on (a new file to keep encrypted).
    void setCodec(FileCodec codec) { m_codec = std::move(codec); }
    QString readOnlyReason() const { return m_readOnlyReason; }

    // Writes text atomically (QSaveFile). With path empty, saves to the document's own path.
    // Refuses (an Error, nothing written) when the file changed on disk since it was read or
    // saved, unless force is set: the caller asks the user first. A document with a codec stores
    // what the codec encodes (to another path too: Save As keeps a SOPS file encrypted); one with
    // a read-only reason refuses.
    Result<bool> save(const QString &text, const QString &path = {}, bool force = false);
    // Re-reads the file from disk; the returned text becomes the saved text.
    Result<QString> reload();

private:
    QString m_path;
    QString m_suggestedName;
    QString m_savedText;
    QByteArray m_diskHash; // empty: nothing on disk yet
    FileCodec m_codec;
    QString m_stored; // with a codec: the text on disk
    QString m_readOnlyReason;
};

} // namespace Fluxdesk
