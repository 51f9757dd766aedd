#pragma once

#include "clioptions.h"

#include "core/error.h"
#include "kube/clustersession.h"
#include "kube/kubeconfig.h"

namespace Fluxdesk::Cli {

// The merged kubeconfig the options name (--kubeconfig, else $KUBECONFIG, ~/.kube/config,
// k3s.yaml). No file at all is an error that suggests --demo.
Result<Kubeconfig> loadKubeconfig(const CliOptions &options);

// --demo, --snapshot PATH (which must exist) or the kubeconfig context (which must exist).
Result<ClusterSource> sourceFor(const CliOptions &options);

// The live cluster of the kubeconfig context the options name (else the current context), for a
// command that talks to or acts on a cluster; its TLS warnings are printed. --demo and --snapshot
// are refused with an error naming the command: neither is a cluster to act on.
Result<ConnectionSettings> liveConnection(const CliOptions &options, const QString &command);

// Loads every object of the source into session.inventory() on a local event loop. Prints TLS
// warnings, per-type failures ("warning: secrets: forbidden: ...") and, on a terminal, progress
// to stderr. SIGINT cancels the load. Returns ExitOk (also with partial results), ExitUsage on
// a connection or input error, ExitCancelled when interrupted.
int loadInventory(ClusterSession &session, const ClusterSource &source);

// sourceFor() then loadInventory(): the source the options name loaded into session, its errors
// printed. ExitOk when usable.
int loadSource(const CliOptions &options, ClusterSession &session);

} // namespace Fluxdesk::Cli
