#pragma once

#include "core/error.h"
#include "manifest/problem.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <atomic>

namespace Fluxdesk {

// The program that builds a kustomization as Flux does: the machine's `kustomize`, else
// `kubectl kustomize`.
struct KustomizeTool
{
    QString program;     // absolute path; empty when neither is installed
    QStringList command; // arguments before the folder: {"build"} or {"kustomize"}
    QString name;        // "kustomize" or "kubectl kustomize", for messages

    bool isValid() const { return !program.isEmpty(); }
};

// Looks for kustomize, then kubectl, in searchPaths (empty: the PATH).
KustomizeTool findKustomizeTool(const QStringList &searchPaths = {});

// What to tell the user when no tool is found.
QString kustomizeMissingText();

// `kustomize build DIR` (or `kubectl kustomize DIR`) run in this thread (call it off the UI thread:
// through JobRunner); gives up after timeoutMs or when canceled becomes true. The error is the
// tool's own words (its stderr, without log prefixes), with the file it names, relative to
// repoDir, and the line where it says one; else the folder's kustomization file.
Result<QByteArray> kustomizeBuild(const KustomizeTool &tool, const QString &repoDir,
                                  const QString &folder, int timeoutMs,
                                  const std::atomic_bool *canceled = nullptr);

// The Error for a failed build: stderr of the tool on the folder (relative to repoDir), mapped
// to a file and line of the repository where the text names one. Pure, for tests.
Error kustomizeError(const QString &stderrText, const QString &repoDir, const QString &folder);

} // namespace Fluxdesk
