#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>

namespace Fluxdesk::Testing {

// What a simulated controller wants written after it looked at the objects: a whole object to
// store (created, or replacing the stored one with the same group, kind, namespace and name; the
// server keeps uid and creationTimestamp of a replaced object, gives a new resourceVersion and
// tells watchers) or one to delete. Events are objects too (kind Event, core/v1 or
// events.k8s.io/v1). delayMs > 0 writes it that much later, so a watcher sees the states in
// between ("Reconciling", then "Ready").
struct FakeChange
{
    enum class Type
    {
        Put,
        Delete
    };
    Type type = Type::Put;
    QJsonObject object; // Delete: apiVersion, kind, metadata.namespace and metadata.name suffice
    int delayMs = 0;
};

// A controller the fake API server runs in its own thread (the real cluster's controllers, as
// much of them as the tests need: Deployments becoming Available, CRDs Established, Flux's
// controllers). After every stored write, and after every delayed change, the server calls
// react() with every stored object and applies what it answers, over and over until an answer is
// empty (at most 100 rounds: a controller that never settles is a bug the server reports by
// writing a warning). react() must be deterministic and answer nothing when nothing is to do.
class FakeController
{
public:
    virtual ~FakeController() = default;
    virtual QList<FakeChange> react(const QList<QJsonObject> &objects, const QDateTime &now) = 0;
};

} // namespace Fluxdesk::Testing
