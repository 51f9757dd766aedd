#pragma once

// The real parts behind FakeFlux's callbacks for tests that push to a local Git repository: the
// Source clones a file:// (bare) repository's ref with the git CLI, the Renderer builds spec.path
// with `kubectl kustomize` (or, where the folder has no kustomization.yaml, reads its YAML files
// as kustomize-controller generates one) and reads the output with Fluxdesk's manifest parser.

#include "fakeflux.h"

#include <QString>
#include <QTemporaryDir>

#include <atomic>

namespace Fluxdesk::Testing {

class FakeFluxGit
{
public:
    FakeFluxGit(); // checkouts go to a temporary folder removed with this object
    ~FakeFluxGit();

    bool ok() const { return m_dir.isValid(); }

    // Clones url at spec.ref (branch, tag, or commit; "master" when empty, Flux's default)
    // into a folder of its own; the commit checked out, or git's own words.
    FakeFluxFetch fetch(const QString &url, const QJsonObject &ref);
    // The objects `kubectl kustomize <folder>/<path>` prints, or why it failed. A path that
    // leaves the folder is refused, as kustomize-controller refuses it.
    static Result<QList<QJsonObject>> render(const QString &folder, const QString &path);

    // For FakeFlux; valid while this object lives.
    FakeFlux::Source source();
    FakeFlux::Renderer renderer();

private:
    QTemporaryDir m_dir;
    std::atomic_int m_clones{0};
};

} // namespace Fluxdesk::Testing
