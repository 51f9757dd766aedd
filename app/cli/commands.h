#pragma once

#include "clioptions.h"

namespace Fluxdesk::Cli {

// Each returns the process exit code; messages are already printed.
int runContexts(const CliOptions &options);
int runReleases(const CliOptions &options);
int runInventory(const CliOptions &options);
int runSnapshot(const CliOptions &options);
int runSplit(const CliOptions &options);         // cmd_split.cpp
int runLint(const CliOptions &options);          // cmd_lint.cpp
int runClean(const CliOptions &options);         // cmd_clean.cpp
int runConvertHelm(const CliOptions &options);   // cmd_converthelm.cpp
int runCommit(const CliOptions &options);        // cmd_commit.cpp
int runPlan(const CliOptions &options);          // cmd_plan.cpp
int runValidate(const CliOptions &options);      // cmd_validate.cpp
int runFlux(const CliOptions &options);          // cmd_flux.cpp: dispatches flux SUBCOMMAND
int runFluxTakeover(const CliOptions &options);  // cmd_fluxtakeover.cpp
int runFluxStatus(const CliOptions &options);    // cmd_fluxstatus.cpp
int runFluxAction(const CliOptions &options);    // cmd_fluxaction.cpp: reconcile, suspend, resume
int runFluxCheck(const CliOptions &options);     // cmd_fluxcheck.cpp
int runFluxBootstrap(const CliOptions &options); // cmd_fluxbootstrap.cpp
int runSecrets(const CliOptions &options);       // cmd_secrets.cpp: keygen, encrypt, ...

// The flux subcommands this build knows, in the order help lists them.
QStringList fluxSubcommands();
// The secrets subcommands, in the order help lists them.
QStringList secretsSubcommands();

// Dispatches options.command.
int runCommand(const CliOptions &options);

} // namespace Fluxdesk::Cli
