#pragma once

#include <QString>
#include <QStringList>

namespace Fluxdesk {

struct HelmRelease;

// The per-release checklist for handing a running Helm release to Flux. It replaces the
// roadmap's step 9.2, whose `helm uninstall` would delete the workloads Flux has just adopted.
QStringList helmMigrationChecklist(const HelmRelease &release);

// Why releaseName, targetNamespace and storageNamespace must not change after adoption (the UI
// shows it next to those fields).
QString helmReleaseIdentityWarning();

} // namespace Fluxdesk
