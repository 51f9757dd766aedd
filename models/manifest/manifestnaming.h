#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

// File names made from manifests (and from cluster data): the one sanitiser every writer names
// files with, the split's naming templates, and the names kustomize reserves.

// kubectl-slice's naming template.
QString kubectlSliceTemplate(); // "{kind}-{name}.yaml"

// "fooBar" -> "foo-bar", "APIService" -> "api-service", anything else but letters and digits ->
// '-'.
QString kebabCase(const QString &text);

// One path segment made safe: no control characters, separators or characters Windows refuses,
// no leading dot (so never "." or ".." and never hidden), never empty ("resource").
QString sanitiseFileName(const QString &segment);
// A relative path whose every segment is sanitised; empty, "." and ".." segments dropped, so the
// result never leaves the folder it is joined to.
QString sanitiseRelativePath(const QString &path);

// The relative path a template gives an object: fields {namespace} {kind} {name} {group},
// kebab-cased and cut to a length a file system takes, the whole sanitised.
QString fileNameFor(const QJsonObject &object, const QString &nameTemplate);

// "name.yaml" + n -> "name-n.yaml" (the suffix goes before the extension).
QString withNumberSuffix(const QString &path, int n);

// The names kustomize accepts for a folder's kustomization, in the order it looks for them
// (kustomize's konfig.RecognizedKustomizationFileNames): kustomization.yaml, kustomization.yml,
// Kustomization. The one list every reader and writer uses (repo/kustomizationfile.h).
QStringList kustomizationFileNames();
// True when fileName (a name, not a path) is one of kustomizationFileNames(). Case-insensitively
// for a writer choosing new names: on a case-insensitive file system "KUSTOMIZATION.YAML" is the
// kustomization.
bool isKustomizationFileName(const QString &fileName, Qt::CaseSensitivity cs = Qt::CaseSensitive);
// The same for the last part of a relative or absolute path.
bool isKustomizationPath(const QString &path, Qt::CaseSensitivity cs = Qt::CaseSensitive);

} // namespace Fluxdesk
