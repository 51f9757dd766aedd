#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace Fluxdesk::Testing::FakePatch {

// A PATCH other than server-side apply, as the real API server answers it:
//   application/merge-patch+json           RFC 7386 (null deletes a key)
//   application/json-patch+json            RFC 6902 (add, remove, replace, move, copy, test)
//   application/strategic-merge-patch+json Kubernetes' strategic merge for the built-in kinds
//                                          (lists merged by their patchMergeKey: containers by
//                                          name, ports by containerPort, env by name, ...,
//                                          $patch: delete/replace, $retainKeys), and as a JSON
//                                          merge patch for custom resources, which the real server
//                                          refuses with 415: so does this one.
// group/kind tell the built-in kinds from custom ones. The answer is the patched object
// (metadata.resourceVersion, uid, creationTimestamp untouched; the caller bumps them) or an error
// as the server words it: 400 for a malformed body, 415 for an unsupported content type,
// 422 for a failed "test" operation or a path that does not exist, 409 when the body carries a
// metadata.resourceVersion that is not the live one.
struct Outcome
{
    int code = 200;
    QString message;
    QJsonObject object;
};

Outcome patch(const QString &group, const QString &kind, const QByteArray &contentType,
              const QJsonObject &live, const QByteArray &body);

} // namespace Fluxdesk::Testing::FakePatch
