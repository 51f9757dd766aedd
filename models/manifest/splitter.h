#pragma once

#include "core/error.h"

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

// splitObjects(parseSnapshotData(yaml)) for a large YAML stream without holding every object at
// once: cut at its "---" lines, each slice is read (Lists unwrapped, every object checked), named
// and written out as text on one thread, then clashes are resolved in input order. std::nullopt
// where that does not apply (under 1 MB, JSON, or a slice that does not read on its own, e.g. an
// error to report): then read the whole text.
std::optional<QList<SplitFile>> splitLargeYaml(const QByteArray &yaml, const QString &fileName,
                                               const SplitOptions &options = {});
QString kebabCase(const QString &text);

struct SplitWriteResult
{
    QStringList written;   // absolute paths
    QString kustomization; // the kustomization.yaml updated or created ("" when none)
};

// Writes the files into dir (QSaveFile each), refusing any path that would leave dir, and updates
// dir/kustomization.yaml: the new files listed, removedSource (a file name in dir that was split)
// no longer listed.
// files is taken by value: a caller that moves its list in has each object freed on the thread
// that wrote it.
Result<SplitWriteResult> writeSplit(const QString &dir, QList<SplitFile> files,
                                    const QString &removedSource = {});

} // namespace Fluxdesk
