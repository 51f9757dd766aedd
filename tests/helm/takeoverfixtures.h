#pragma once

// A cluster as it looks after Flux took it over in place, built from the objects that ran before
// and the takeover baseline recorded then: what the command line's and the window's takeover
// suites check their verdicts against.

#include "flux/takeover.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace Fluxdesk::Testing {

QJsonObject withMetadata(QJsonObject object, const std::function<void(QJsonObject &)> &change);
// object with two labels added (a Flux owner's name and namespace labels).
QJsonObject labelled(const QJsonObject &object, const QString &key, const QString &value,
                     const QString &nsKey, const QString &nsValue);

// before, with every baseline object labelled as applied by the Kustomization
// flux-system/kustomization (same uid: adopted in place), every release's workloads labelled by
// its HelmRelease, and for each release helm-controller's next revision (a new release record)
// and its HelmRelease, Ready.
QList<QJsonObject> clusterAfterTakeover(const QList<QJsonObject> &before,
                                        const TakeoverBaseline &baseline,
                                        const QString &kustomization);

// Writes objects as a v1 List (a snapshot file); false when the file cannot be written.
bool writeSnapshotList(const QString &path, const QList<QJsonObject> &objects);

} // namespace Fluxdesk::Testing
