#pragma once

#include "core/error.h"
#include "manifest/cleaner.h"
#include "manifest/manifestnaming.h" // fileNameFor(), kebabCase(), kubectlSliceTemplate()

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
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

struct SplitFile
{
    QString relativePath; // sanitised, kebab-case, never absolute, never containing ".."
    QJsonObject object;
    QByteArray text = {}; // the content when already written out (object is then empty)
};

// One file per object; clashes get a predictable "-2", "-3" suffix (never two objects in one file).
QList<SplitFile> splitObjects(const QList<QJsonObject> &objects, const SplitOptions &options = {});

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

// Receives each file of a streamed split in input order (on a thread of its own, one file after
// another); false stops the split.
using SplitFileSink = std::function<bool(const QString &relativePath, const QByteArray &text)>;

// What a streamed split found besides its files: as SplitPlan's.
struct StreamedSplit
{
    QList<Problem> problems;
    bool hadComments = false;
    QStringList skippedSecrets;
    bool stopped = false; // the sink said stop
};

// splitLargeYaml() handing each file (relative path, text) to sink as soon as it and every slice
// before it have been read, while the later slices are still being read: a large split is written
// as it is read (repo/splitwriter.h's splitLargeYamlInto()). std::nullopt where splitLargeYaml()
// does not apply, with Helm's order (which needs every object first), or where a slice does not
// read on its own: the files handed over by then are the caller's to take back.
// True when streamLargeYaml() would stream this text (it may still find a slice unreadable).
bool canStreamLargeYaml(const QByteArray &yaml, const SplitOptions &options);
std::optional<StreamedSplit> streamLargeYaml(const QByteArray &yaml, const QString &fileName,
                                             const SplitOptions &options,
                                             const SplitFileSink &sink);

} // namespace Fluxdesk
