#pragma once

#include "kube/resourcetype.h"
#include "plan/plan.h"
#include "plan/planoptions.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

class Inventory;

// The objects the plan writes beside the cluster's own: Flux's entry points, a folder's
// kustomization.yaml, a Namespace. Pure: settings in, objects out.

// An object as the plan writes it: YAML ending in a newline.
QString renderedYaml(const QJsonObject &object);

// clusters/<cluster>/<name>.yaml: a Flux Kustomization applying `path` from the flux-system
// GitRepository with the entry point's settings (healthChecks only when the settings ask).
// decryption: the folder holds SOPS-encrypted files, which Flux decrypts with the age key in
// Secret flux-system/sops-age (spec.decryption).
QJsonObject fluxKustomization(const EntryPointSettings &settings, const QString &path,
                              const QJsonArray &healthChecks = {}, bool decryption = false);

// A Namespace with nothing but its name (for a namespace whose own object is not planned).
QJsonObject minimalNamespace(const QString &name);

// A folder's kustomization.yaml listing `entries` in order.
QJsonObject folderKustomization(const QStringList &entries);

// spec.healthChecks of the entry point for root: every Deployment and StatefulSet written as a
// manifest under it, and every HelmRelease under it that carries one (Flux checks a HelmRelease's
// own readiness, which covers what the release installed). helmReleaseKeys: HelmRelease file ->
// the HelmRelease.
QJsonArray healthChecksUnder(const QMap<QString, PlannedFile> &files, const QString &root,
                             const Inventory &inventory,
                             const QHash<QString, ObjectKey> &helmReleaseKeys);

} // namespace Fluxdesk
