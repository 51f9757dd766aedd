#pragma once

// helm-controller's side of the simulated Flux: Helm's storage Secrets read and written as Helm
// 3 does (base64 of gzip of the release JSON, labels owner=helm, name, status, version), the
// release adopted by writing its next revision, installed, or uninstalled and installed again.

#include "fakefluxsupport.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace Fluxdesk::Testing::FakeHelmStorage {

// The release's storage Secrets in its storage namespace, oldest revision first.
QList<QJsonObject> releaseRecords(const FakeFluxSupport::World &world, const QString &storageNs,
                                  const QString &releaseName);

// One reconciliation of a HelmRelease, or nullopt when there is nothing to do.
std::optional<FakeFluxSupport::Outcome> reconcile(const QJsonObject &helmRelease,
                                                  const FakeFluxSupport::World &world,
                                                  const QDateTime &now, bool reinstall);

} // namespace Fluxdesk::Testing::FakeHelmStorage
