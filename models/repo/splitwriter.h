#pragma once

#include "core/error.h"
#include "manifest/splitter.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace Fluxdesk {

// A split written into a folder: the part of splitting that touches the disk (the slicing and
// naming are manifest/splitter.h's and manifest/manifestnaming.h's).

struct SplitWriteResult
{
    QStringList written;   // absolute paths
    QString kustomization; // the kustomization updated or created ("" when none)
    // splitLargeYamlInto() with SplitOptions::cleanRules: as SplitPlan's.
    QList<Problem> problems;
    bool hadComments = false;
    QStringList skippedSecrets; // splitLargeYamlInto() with SplitOptions::skipSecrets
    QStringList alsoWritten;    // absolute: SplitWriteExtras::files
};

// A split into a folder inside a larger one (a repository): the batch is staged in root, so more
// files land with the split's, all or nothing.
struct SplitWriteExtras
{
    QString root; // a folder holding dir ("" for dir itself)
    // More files written in the same batch, relative to root (the kustomizations that wire the
    // folder up, a record of what was written); each checked as the split's own are.
    QList<QPair<QString, QByteArray>> files;
    // dir's kustomization lists the new files in the split's order (Helm's install order), not
    // sorted into what it listed.
    bool keepOrder = false;
};

// Writes the files into dir all or nothing (repo/stagedwrite.h: on a full disk or any other
// failure dir is left as it was, and a folder made for it is removed), refusing any path that would
// leave dir or a folder swapped for a symlink meanwhile, and updates dir's kustomization (any of
// kustomize's names; kustomization.yaml when there is none): the new files listed, removedSource
// (a file name in dir that was split) no longer listed, the user's other fields kept.
// files is taken by value: a caller that moves its list in has each object freed on the thread
// that wrote it.
Result<SplitWriteResult> writeSplit(const QString &dir, QList<SplitFile> files,
                                    const QString &removedSource = {});
// writeSplit() with more files in the same all-or-nothing batch, staged in extras.root.
Result<SplitWriteResult> writeSplit(const QString &dir, QList<SplitFile> files,
                                    const QString &removedSource, const SplitWriteExtras &extras);

// streamLargeYaml() and writeSplit() at once, for a large YAML stream split in input order into a
// folder that is empty or does not exist yet: each slice's files are written as soon as it and
// every slice before it have been read, while the later slices are still being read. Nothing can
// stand in the way in such a folder, so writeSplit()'s checks are made file by file (and a file
// that appears meanwhile is refused). std::nullopt where that does not apply (as for
// splitLargeYaml(), with Helm's order, or with anything in the folder) or where a slice does not
// read on its own; the files written by then are removed again (and the folder, if it was made),
// so the caller can go the usual way, which reports the error. A write that fails (a full disk,
// the kustomization included) removes them too, and reports it.
std::optional<Result<SplitWriteResult>>
splitLargeYamlInto(const QString &dir, const QByteArray &yaml, const QString &fileName,
                   const SplitOptions &options = {}, const QString &removedSource = {});

} // namespace Fluxdesk
