#pragma once

#include "core/error.h"
#include "fakecontroller.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace Fluxdesk::Testing {

// What the Source callback answers for a GitRepository's url and spec.ref: the commit it resolved
// and a local folder holding that commit's files, or why fetching failed.
struct FakeFluxFetch
{
    QString commit; // 40 hex digits
    QString folder;
    QString error; // non-empty: Ready False, GitOperationFailed, this as the message
};

// Flux's controllers as far as the tests of Fluxdesk need them, run by the fake API server
// (FakeApiServer::addController) or driven directly: react() with the cluster's objects answers
// what source-, kustomize- and helm-controller would write.
//
// - Each controller acts only while its Deployment flux-system/<name>-controller is Available.
// - GitRepository: asks the Source callback; Ready with artifact revision "<branch>@sha1:<commit>"
//   ("<tag>@sha1:", "sha1:" for a commit ref; branch "master" when spec.ref is empty, Flux's
//   default). HelmRepository and OCIRepository: Ready with a revision derived from their spec.
// - Kustomization: waits for its source and every dependsOn to be Ready, renders spec.path of the
//   source's folder through the Renderer, applies each object (merged into the live one, same
//   uid; or created), labels it kustomize.toolkit.fluxcd.io/name and /namespace with a
//   managedFields entry of kustomize-controller, keeps status.inventory, prunes with spec.prune.
// - HelmRelease: adopts the release stored in its storage namespace by writing the next revision
//   (the last one superseded) or installs revision 1; setReinstall(true) makes it uninstall first,
//   deleting the release's objects and creating them again with new uids.
// - spec.suspend, reconcile.fluxcd.io/requestedAt, and for HelmReleases forceAt and resetAt.
// - A core/v1 Event for every outcome.
// A reconciliation runs when the object's generation, requested reconcile or source revision is
// new to it, or while it waits for a dependency or source; Flux's interval is not simulated.
// Thread-safe: the server calls react() from its thread while a test calls the setters.
class FakeFlux : public FakeController
{
public:
    using Source = std::function<FakeFluxFetch(const QString &url, const QJsonObject &ref)>;
    using Renderer =
        std::function<Result<QList<QJsonObject>>(const QString &folder, const QString &path)>;

    FakeFlux();
    FakeFlux(Source source, Renderer renderer);
    ~FakeFlux() override;

    void setSource(Source source);
    void setRenderer(Renderer renderer);
    // > 0: a reconciliation first shows Reconciling True / Ready Unknown, its outcome lands this
    // many ms later (FakeChange::delayMs). 0 (the default): at once.
    void setDelayMs(int ms);
    // helm-controller uninstalls and installs instead of upgrading (a takeover gone wrong).
    void setReinstall(bool reinstall);

    QList<FakeChange> react(const QList<QJsonObject> &objects, const QDateTime &now) override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// The Helm release name helm-controller gives a HelmRelease: spec.releaseName, else
// "<targetNamespace>-<name>" when spec.targetNamespace is set, else its name; longer than 53
// characters, shortened to 40 plus "-" and 12 hex digits of its SHA-256, as helm-controller does.
QString fakeFluxReleaseName(const QJsonObject &helmRelease);
// spec.storageNamespace, else the HelmRelease's namespace.
QString fakeFluxStorageNamespace(const QJsonObject &helmRelease);

} // namespace Fluxdesk::Testing
