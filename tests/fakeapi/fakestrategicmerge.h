#pragma once

#include <QJsonObject>
#include <QString>

// Kubernetes' strategic merge patch (k8s.io/apimachinery/pkg/util/strategicpatch) over plain
// JSON: lists of the built-in kinds merged by their patchMergeKey (the patchStrategy and
// patchMergeKey tags of k8s.io/api's Go types, as far as the fake's objects reach), and the
// directives $patch (replace, delete; merge is refused in lists as the real code does),
// $retainKeys, $deleteFromPrimitiveList/<field> and $setElementOrder/<field>. FakePatch::patch
// calls it for the built-in kinds; custom resources never get here (415).
namespace Fluxdesk::Testing::FakePatch::StrategicMerge {

struct Result
{
    int code = 200;
    QString message; // as the API server words it, when code != 200
    QJsonObject object;
};

// kind tells a Pod's spec (the pod spec itself) from a workload's (spec.template.spec) and a
// Service's ports (by port) from a container's (by containerPort).
Result patch(const QString &kind, const QJsonObject &live, const QJsonObject &patch);

} // namespace Fluxdesk::Testing::FakePatch::StrategicMerge
