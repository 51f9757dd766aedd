#pragma once

#include "core/error.h"
#include "manifest/manifestnaming.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace Fluxdesk {

// kustomizationFileNames(), isKustomizationFileName() and isKustomizationPath(): the one set of
// names, in manifest/manifestnaming.h (the linter knows them too).

// The kustomization a folder uses: folder + "/" + the first of kustomizationFileNames() that
// `exists` says is there, else folder + "/kustomization.yaml" (the name a new one gets). folder
// may be relative ("" is the top: then the names come without a leading "/").
QString kustomizationPathIn(const QString &folder,
                            const std::function<bool(const QString &path)> &exists);
// kustomizationPathIn() on disk (a symlink counts as there, dangling or not).
QString kustomizationPathOnDisk(const QString &folder);

// The entries of a kustomization's `resources`, cleaned ("./a.yaml" -> "a.yaml", "sub/" ->
// "sub"); none when the text does not read (kustomize reports that itself).
QStringList kustomizationResources(const QByteArray &text, const QString &path);

// One kustomization file read, its resources kept up to date and written back. The user's other
// fields, their order and comments stay as written: only the `resources` block is rewritten.
class KustomizationFile
{
public:
    // A new, empty kustomization to be written at path.
    static KustomizationFile create(const QString &path);
    // The text of a kustomization at path; an error naming the file, line and column when it is
    // not YAML, not a map, or its `resources` is not a list of strings.
    static Result<KustomizationFile> parse(const QByteArray &text, const QString &path);
    // A folder's kustomization (kustomizationPathOnDisk()), or a new one when it has none.
    static Result<KustomizationFile> read(const QString &folder);

    QString path() const { return m_path; }
    bool existed() const { return m_existed; }
    // The fields as read (resources as they are now).
    QJsonObject object() const;
    QStringList resources() const { return m_resources; }
    // True when entry is listed (compared cleaned).
    bool lists(const QString &entry) const;

    // Lists entries not listed yet. A sorted list stays sorted; a list the user ordered by hand
    // keeps that order, the new entries after it.
    void addResources(const QStringList &entries);
    // Lists entries not listed yet after those listed, in the order given (Helm's install order),
    // even where the list was sorted.
    void appendResources(const QStringList &entries);
    // Stops listing entries (compared cleaned).
    void removeResources(const QStringList &entries);

    // The text to write: the text as read with the `resources` block rewritten (a new file, or a
    // text whose rewrite would not read back as object(): the fields written whole).
    QByteArray text() const;
    // text() written to path() atomically (QSaveFile).
    Result<bool> write() const;

private:
    // m_text with the `resources` block rewritten in place (text() checks that it reads back).
    QByteArray splicedText() const;
    // m_text with only the new entries' lines inserted among the listed ones, every line as read
    // kept (comments on an entry's line too); "" when the change is not only additions to a
    // block list.
    QByteArray insertedText() const;

    QString m_path;
    bool m_existed = false;
    QByteArray m_text;
    QJsonObject m_object;
    QStringList m_resources;
    QStringList m_readResources; // as parsed
    QList<int> m_resourceLines;  // 1-based line of each of m_readResources
    bool m_changed = false;
};

} // namespace Fluxdesk
