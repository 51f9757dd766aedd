#pragma once

// What the validation suites (flux, cli, gui) lay out in a repository.

#include <QByteArray>

namespace Fluxdesk::TestFiles {

// A Flux Kustomization (kept in clusters/<cluster>/) that applies ./apps.
inline const QByteArray appsFluxKustomization = "apiVersion: kustomize.toolkit.fluxcd.io/v1\n"
                                                "kind: Kustomization\n"
                                                "metadata:\n"
                                                "  name: apps\n"
                                                "  namespace: flux-system\n"
                                                "spec:\n"
                                                "  interval: 10m\n"
                                                "  path: ./apps\n"
                                                "  prune: true\n"
                                                "  sourceRef:\n"
                                                "    kind: GitRepository\n"
                                                "    name: flux-system\n";

} // namespace Fluxdesk::TestFiles
