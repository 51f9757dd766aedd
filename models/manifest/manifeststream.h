#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Fluxdesk {

// Objects read from `kubectl get ... -o yaml|json` output: a kind: List (or any *List), a
// multi-document YAML, a JSON object, or single objects. Lists are unwrapped into their items (a
// typed list's items given its apiVersion and kind: typedListItem()); every object needs an
// apiVersion, a kind and a name.
// lines, when given, gets each object's document line (1 for JSON).
Result<QList<QJsonObject>> parseManifestStream(const QByteArray &bytes, const QString &fileName,
                                               QList<int> *lines = nullptr);
// An item of a typed list (kind: DeploymentList, as the API server lists them) without apiVersion
// or kind: the API server leaves both out of the items, which are of the list's apiVersion and of
// its kind without "List". An item's own values stay; a plain kind: List says nothing of its items.
QJsonObject typedListItem(const QJsonObject &list, const QJsonObject &item);
// Whether parseManifestStream tries the bytes as JSON first (the first non-blank is '{' or '[').
bool looksLikeJson(const QByteArray &bytes);

} // namespace Fluxdesk
