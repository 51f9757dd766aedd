#include "editordocument.h"

#include "core/privatefile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace Fluxdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Fluxdesk::EditorDocument", text);
}

// UTF-8 validity without Qt 6's QStringDecoder, so the Qt 5 build shares the code.
bool isValidUtf8(const QByteArray &bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const auto *end = p + bytes.size();
    while (p < end) {
        const unsigned char c = *p;
        if (c < 0x80) {
            if (c == 0)
                return false; // a NUL byte: binary, not text
            ++p;
            continue;
        }
        int extra = 0;
        unsigned int code = 0;
        if ((c & 0xE0) == 0xC0) {
            extra = 1;
            code = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            code = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            code = c & 0x07;
        } else {
            return false;
        }
        if (end - p <= extra)
            return false;
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            code = (code << 6) | (p[i] & 0x3F);
        }
        static const unsigned int minimum[] = {0, 0x80, 0x800, 0x10000};
        if (code < minimum[extra] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return false;
        p += extra + 1;
    }
    return true;
}

} // namespace

QByteArray contentHash(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

Result<FileSnapshot> readTextFile(const QString &path, qint64 maxBytes,
                                  const FileCodecResolver &resolver)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(tr("Cannot read the file: %1").arg(file.errorString()), path);
    if (file.size() > maxBytes)
        return Error(tr("The file is too large to edit (%1 MB; the limit is %2 MB)")
                         .arg(file.size() / (1024 * 1024))
                         .arg(maxBytes / (1024 * 1024)),
                     path);
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return Error(tr("Cannot read the file: %1").arg(file.errorString()), path);
    if (!isValidUtf8(bytes))
        return Error(tr("The file is not UTF-8 text (binary or another encoding)"), path);
    FileSnapshot snapshot;
    snapshot.text = QString::fromUtf8(bytes);
    // Strip a UTF-8 byte order mark: YAML tools do not expect it in the text.
    if (snapshot.text.startsWith(QChar(0xFEFF)))
        snapshot.text.remove(0, 1);
    snapshot.hash = contentHash(bytes);
    snapshot.size = bytes.size();
    snapshot.modified = QFileInfo(path).lastModified();
    if (resolver) {
        FileCodec codec = resolver(path, snapshot.text);
        if (codec) {
            Result<QString> decoded = codec.decode(snapshot.text);
            if (decoded) {
                snapshot.stored = snapshot.text;
                snapshot.text = *decoded;
                snapshot.codec = std::move(codec);
            } else {
                snapshot.readOnlyReason = decoded.error().message;
            }
        }
    }
    return snapshot;
}

EditorDocument EditorDocument::untitled(const QString &suggestedName, const QString &text)
{
    EditorDocument document;
    document.m_suggestedName = suggestedName;
    // Text taken from the cluster can be fetched again: it only counts as modified once edited.
    document.m_savedText = text;
    return document;
}

EditorDocument EditorDocument::fromSnapshot(const QString &path, const FileSnapshot &snapshot)
{
    EditorDocument document;
    document.m_path = QFileInfo(path).absoluteFilePath();
    document.m_suggestedName = QFileInfo(path).fileName();
    document.m_savedText = snapshot.text;
    document.m_diskHash = snapshot.hash;
    document.m_codec = snapshot.codec;
    document.m_stored = snapshot.stored;
    document.m_readOnlyReason = snapshot.readOnlyReason;
    return document;
}

Result<EditorDocument> EditorDocument::open(const QString &path)
{
    const Result<FileSnapshot> snapshot = readTextFile(path);
    if (!snapshot)
        return snapshot.error();
    return fromSnapshot(path, *snapshot);
}

QString EditorDocument::displayName() const
{
    return isUntitled() ? m_suggestedName : QFileInfo(m_path).fileName();
}

EditorDocument::DiskState EditorDocument::diskState() const
{
    if (isUntitled() || m_diskHash.isEmpty())
        return DiskState::Unchanged;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return DiskState::Removed;
    return contentHash(file.readAll()) == m_diskHash ? DiskState::Unchanged : DiskState::Modified;
}

namespace {

// Whether text holds a Secret (a document's top-level `kind: Secret`, in YAML or JSON): saved
// readable by its owner alone (0600), as snapshots are.
bool holdsSecret(const QString &text)
{
    static const QRegularExpression kind(
        QStringLiteral(
            R"((^kind:[ \t]*(Secret|"Secret"|'Secret')[ \t]*(#.*)?$)|("kind"\s*:\s*"Secret"))"),
        QRegularExpression::MultilineOption);
    return kind.match(text).hasMatch();
}

} // namespace

Result<bool> EditorDocument::save(const QString &text, const QString &path, bool force)
{
    const QString target = path.isEmpty() ? m_path : QFileInfo(path).absoluteFilePath();
    if (target.isEmpty())
        return Error(tr("The document has no file name yet"));
    // A conflict only exists for the file this document was read from; Save As to another file
    // overwrites it on the user's explicit choice in the file dialog.
    if (!m_readOnlyReason.isEmpty())
        return Error(m_readOnlyReason, m_path);
    if (!force && target == m_path && diskState() == DiskState::Modified)
        return Error(tr("The file changed on disk since it was opened"), target);
    QString stored = text;
    if (m_codec) {
        Result<QString> encoded = m_codec.encode(text, m_stored);
        if (!encoded)
            return Error(encoded.error().message, target);
        stored = *encoded;
    }
    const QByteArray bytes = stored.toUtf8();
    if (holdsSecret(text)) {
        const Result<bool> written = writePrivateFile(target, bytes);
        if (!written)
            return written.error();
    } else {
        QSaveFile file(target);
        if (!file.open(QIODevice::WriteOnly))
            return Error(tr("Cannot write the file: %1").arg(file.errorString()), target);
        if (file.write(bytes) != bytes.size() || !file.commit())
            return Error(tr("Cannot write the file: %1").arg(file.errorString()), target);
    }
    m_path = target;
    m_suggestedName = QFileInfo(target).fileName();
    m_savedText = text;
    m_diskHash = contentHash(bytes);
    if (m_codec)
        m_stored = stored;
    return true;
}

Result<QString> EditorDocument::reload()
{
    if (isUntitled())
        return Error(tr("The document has no file to reload from"));
    const Result<FileSnapshot> snapshot = readTextFile(m_path);
    if (!snapshot)
        return snapshot.error();
    QString text = snapshot->text;
    if (m_codec) {
        // The file as it is now goes through the same codec (another key cannot sneak in).
        Result<QString> decoded = m_codec.decode(snapshot->text);
        if (!decoded)
            return Error(decoded.error().message, m_path);
        m_stored = snapshot->text;
        text = *decoded;
    }
    m_savedText = text;
    m_diskHash = snapshot->hash;
    return text;
}

} // namespace Fluxdesk
