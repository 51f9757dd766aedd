#pragma once

#include "core/error.h"
#include "kube/compactobject.h"
#include "kube/resourcetype.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

// Pure parsing of the API server's discovery and list documents: bytes in, values out, so the
// rules (preferred versions, listable only, no subresources) are unit-tested without a server.
namespace Discovery {

// /api (APIVersions): the core group's preferred version first, e.g. {"v1"}.
Result<QStringList> parseCoreVersions(const QByteArray &json);

// /apis (APIGroupList): each group's preferred group/version ("apps/v1"), in the server's order.
// A group without preferredVersion falls back to its first listed version.
Result<QStringList> parsePreferredGroupVersions(const QByteArray &json);

// Whether version a of a group comes before version b in the API server's order of preference
// (k8s.io/apimachinery's kube-aware version order): GA before beta before alpha, higher major
// first, then higher minor ("v1" > "v2beta1" > "v1beta2" > "v1beta1" > "v1alpha1"); versions not
// of the "v1", "v1beta1" form come last, alphabetically. A group's objects are the same in every
// version it serves, so the first of this order is the one to list them in.
bool versionPrecedes(const QString &a, const QString &b);

// /api/v1 or /apis/G/V (APIResourceList): the resources whose verbs contain "list", without
// subresources ("pods/log"). groupVersion names the document asked for; the document's own
// groupVersion wins when present.
Result<QList<ResourceType>> parseResourceList(const QByteArray &json,
                                              const QString &groupVersion = {});

// One page of a cluster-wide LIST ("PodList"): items with apiVersion and kind filled in (a real
// server omits them in list items) and the continue token ("" on the last page).
struct ListPage
{
    QList<QJsonObject> items;
    // items as the Inventory holds them, encoded with the page off the UI thread (empty when not
    // asked for: encodeCompact()).
    QList<CompactObject> compact;
    QString continueToken;

    void encodeCompact();
};
Result<ListPage> parseListPage(const QByteArray &json, const ResourceType &type);

// "The server sent malformed JSON ... at offset N", shared by discovery and list parsing.
Error malformedJsonError(const QString &what, const QString &detail, int offset);

} // namespace Discovery
} // namespace Fluxdesk
