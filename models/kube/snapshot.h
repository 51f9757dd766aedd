#pragma once

#include "core/error.h"
#include "kube/resourcetype.h"
#include "manifest/manifeststream.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Fluxdesk {

// A file, or a folder whose *.yaml, *.yml and *.json files are read (recursively, sorted).
Result<QList<QJsonObject>> loadSnapshot(const QString &path);

// The built-in demo cluster (resources/demo), modelled on the roadmap's homelab.
QList<QJsonObject> demoClusterObjects();

// Resource types for offline objects, one per group+kind (the same kind in two groups is two
// types; one group's kind in several versions is one, in the version the server would prefer).
// Plural guessed the way kubectl's RESTMapper does for unknown kinds: lower-case +
// "s"/"es"/"ies"; well-known types exact. Verbs as discovery would list them (knownVerbs()): a
// read-only API's types (metrics.k8s.io, ComponentStatus) lack "create".
QList<ResourceType> typesOfObjects(const QList<QJsonObject> &objects);

enum class SnapshotFormat
{
    Yaml,
    Json
};
// "kind: List" with every object; format from the extension (.json -> JSON, else YAML).
QByteArray renderSnapshot(const QList<QJsonObject> &objects, SnapshotFormat format);
SnapshotFormat snapshotFormatFor(const QString &path);
// All or nothing, readable by the owner alone (0600): it holds the Secrets (writePrivateFile).
Result<bool> writeSnapshot(const QString &path, const QList<QJsonObject> &objects);

} // namespace Fluxdesk
