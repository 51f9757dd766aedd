#pragma once

#include "clioptions.h"

namespace Fluxdesk::Cli {

// Each returns the process exit code; messages are already printed.
int runContexts(const CliOptions &options);
int runReleases(const CliOptions &options);
int runInventory(const CliOptions &options);
int runSnapshot(const CliOptions &options);

// Dispatches options.command.
int runCommand(const CliOptions &options);

} // namespace Fluxdesk::Cli
