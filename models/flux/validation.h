#pragma once

#include "flux/kustomizebuild.h"
#include "manifest/problem.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

class JobContext;

struct ValidationOptions
{
    QString repoDir;
    QString cluster;       // clusters/<cluster>/; empty: every folder of clusters/
    KustomizeTool tool;    // invalid: a problem says what to install, nothing is built
    int timeoutMs = 60000; // per kustomize build
    bool lint = true;
};

// What one kustomization Flux reads built to: the objects Flux would apply from folder.
struct BuiltFolder
{
    QString folder;    // relative to the repository, e.g. "infrastructure"
    QString appliedBy; // "Kustomization flux-system/infrastructure", or the cluster folder's
    QList<QJsonObject> objects;
};

struct DryRunOutcome;

struct ValidationReport
{
    QList<Problem> problems; // files relative to the repository
    QList<BuiltFolder> built;
    QStringList clusters; // the cluster folders validated
    // "Kind/name" -> the repository file that writes the object (for problems about built ones)
    QHash<QString, QString> objectFiles;
    bool canceled = false;

    int count(Problem::Severity severity) const;
    // No errors (warnings and notes may remain).
    bool passed() const { return !canceled && count(Problem::Severity::Error) == 0; }
    // Every object of built, in order (what a dry-run applies); SOPS-encrypted ones, which only
    // the controller can decrypt, left out.
    QList<QJsonObject> builtObjects() const;
    // Adds the server's answers to a dry-run of builtObjects() (outcomes in the same order;
    // error: the connection-level error, a warning, as the repository may still be fine).
    void addDryRun(const QList<QJsonObject> &objects, const QList<DryRunOutcome> &outcomes,
                   const QString &error);
    // "2 errors, 1 warning" (or "no problems").
    QString countsText() const;
    // The first error (else warning) as "FILE:LINE:COL: message"; "" when none.
    QString firstProblemText() const;
};

// Validation before commit, in this thread (run it through JobRunner): builds every kustomization
// Flux reads from the cluster folders (the cluster folder itself as the flux-system Kustomization
// would, then each Flux Kustomization's spec.path, following Kustomizations found on the way),
// checks every Flux object of the repository's files and of the built output against the Flux
// schemas (SchemaSet::builtIn()), flags removed Flux APIs and ConfigMap values kustomize turns
// into something else (an unquoted 2024-04-01 becomes a timestamp), and lints the repository.
// context (may be null) gets progress and is polled for cancel.
ValidationReport validateRepository(const ValidationOptions &options,
                                    const JobContext *context = nullptr);

// The schema and data checks of one file's text (relative name as given), with positions.
QList<Problem> checkFluxFile(const QByteArray &text, const QString &fileName);

} // namespace Fluxdesk
