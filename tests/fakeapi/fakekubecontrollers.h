#pragma once

#include "fakecontroller.h"

#include <QHash>
#include <QMutex>
#include <QSet>
#include <QString>

namespace Fluxdesk::Testing {

// What a real cluster's own controllers visibly do to the objects a test writes, so the app's
// waits ("CRDs Established", "controllers Available") see the states a cluster goes through:
// - a CustomResourceDefinition gets status.acceptedNames, storedVersions and the conditions
//   NamesAccepted (NoConflicts) and Established (InitialNamesAccepted), True;
// - a Namespace gets status.phase Active;
// - a Deployment's status first says its pods are coming (Available False
//   MinimumReplicasUnavailable, Progressing True ReplicaSetUpdated), then, availableDelayMs
//   later, that they are (replicas, updatedReplicas, readyReplicas, availableReplicas; Available
//   True MinimumReplicasAvailable, Progressing True NewReplicaSetAvailable). A Deployment whose
//   pod template runs a failing image ends with Progressing False ProgressDeadlineExceeded
//   instead. StatefulSets (readyReplicas, currentRevision, updateRevision) and DaemonSets
//   (numberReady, numberAvailable, on one node) go the same way with the fields their
//   controllers write; neither has conditions in a real cluster.
// A status is written only when it is not what the object's generation calls for now, so once
// settled the controller answers nothing. Waiting for availableDelayMs, it writes the kubelet's
// Event for the pod ("Started", or "Failed" to pull a failing image) that much later, and that
// write wakes it again.
class FakeKubeControllers : public FakeController
{
public:
    // 0 (the default): a workload is available in the round that first sees it.
    void setAvailableDelayMs(int ms);
    // Images ("ghcr.io/fluxcd/source-controller:v1.6.0") whose pods never become ready.
    void setFailingImages(const QSet<QString> &images);

    QList<FakeChange> react(const QList<QJsonObject> &objects, const QDateTime &now) override;

private:
    QMutex m_mutex;
    int m_delayMs = 0;
    QSet<QString> m_failingImages;
    // "<uid or namespace/name>@<generation>" of a workload -> when its pods were first due.
    QHash<QString, QDateTime> m_firstSeen;
};

} // namespace Fluxdesk::Testing
