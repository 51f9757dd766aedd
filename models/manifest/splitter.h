#pragma once

#include "core/error.h"
#include "manifest/cleaner.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Fluxdesk {

struct SplitOptions
{
    QString nameTemplate =
        QStringLiteral("{name}-{kind}.yaml"); // fields {namespace} {kind} {name} {group}
    QStringList includeKinds, excludeKinds;   // case-insensitive kinds; empty include = all
    QStringList includeNames, excludeNames;   // object names, '*' wildcards
    bool helmInstallOrder = false;            // Namespaces and CRDs first, as Helm installs
    // Every object cleaned with these rules before it is named and written (split --clean): the
    // files hold what a clean of the whole text and a split of its result would write.
    std::optional<CleanRules> cleanRules;
    // Secrets left out when read (their data would land in Git in plain text): SplitPlan and
    // SplitWriteResult name them in skippedSecrets.
    bool skipSecrets = false;
};

// kubectl-slice's naming.
QString kubectlSliceTemplate(); // "{kind}-{name}.yaml"

struct SplitFile
{
    QString relativePath; // sanitised, kebab-case, never absolute, never containing ".."
    QJsonObject object;
    QByteArray text = {}; // the content when already written out (object is then empty)
};

// One file per object; clashes get a predictable "-2", "-3" suffix (never two objects in one file).
QList<SplitFile> splitObjects(const QList<QJsonObject> &objects, const SplitOptions &options = {});
QString fileNameFor(const QJsonObject &object, const QString &nameTemplate);

// A split worked out, not yet written.
struct SplitPlan
{
    QList<SplitFile> files;
    // With SplitOptions::cleanRules: what the clean found (problems at their documents' lines),
    // and whether the text had comments, which the cleaned files do not keep.
    QList<Problem> problems;
    bool hadComments = false;
    // With SplitOptions::skipSecrets: the Secrets left out, namespacedName() each, in input order.
    QStringList skippedSecrets;
};

// A YAML or JSON text split (Lists unwrapped, every object checked, cleaned first if asked): a
// large stream as splitLargeYaml() does, anything else whole; an error at its line otherwise.
Result<SplitPlan> splitText(const QByteArray &yaml, const QString &fileName,
                            const SplitOptions &options = {});

// splitText() for a large YAML stream without holding every object at once: cut at its "---"
// lines, each slice is read (Lists unwrapped, every object checked), cleaned if asked, named and
// written out as text on one thread, then clashes are resolved in input order. std::nullopt where
// that does not apply (under 1 MB, JSON, a PersistentVolume a clean must know of first, or a slice
// that does not read on its own, e.g. an error to report): then read the whole text.
std::optional<SplitPlan> splitLargeYaml(const QByteArray &yaml, const QString &fileName,
                                        const SplitOptions &options = {});
QString kebabCase(const QString &text);

struct SplitWriteResult
{
    QStringList written;   // absolute paths
    QString kustomization; // the kustomization.yaml updated or created ("" when none)
    // splitLargeYamlInto() with SplitOptions::cleanRules: as SplitPlan's.
    QList<Problem> problems;
    bool hadComments = false;
    QStringList skippedSecrets; // splitLargeYamlInto() with SplitOptions::skipSecrets
};

// Writes the files into dir (QSaveFile each), refusing any path that would leave dir, and updates
// dir/kustomization.yaml: the new files listed, removedSource (a file name in dir that was split)
// no longer listed.
// files is taken by value: a caller that moves its list in has each object freed on the thread
// that wrote it.
Result<SplitWriteResult> writeSplit(const QString &dir, QList<SplitFile> files,
                                    const QString &removedSource = {});

// splitLargeYaml() and writeSplit() at once, for a large YAML stream split in input order into a
// folder that is empty or does not exist yet: each slice's files are written as soon as it and
// every slice before it have been read, while the later slices are still being read. Nothing can
// stand in the way in such a folder, so writeSplit()'s checks are made file by file (and a file
// that appears meanwhile is refused). std::nullopt where that does not apply (as for
// splitLargeYaml(), with Helm's order, or with anything in the folder) or where a slice does not
// read on its own; the files written by then are removed again (and the folder, if it was made),
// so the caller can go the usual way, which reports the error.
std::optional<Result<SplitWriteResult>>
splitLargeYamlInto(const QString &dir, const QByteArray &yaml, const QString &fileName,
                   const SplitOptions &options = {}, const QString &removedSource = {});

} // namespace Fluxdesk
