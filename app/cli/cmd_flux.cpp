// fluxdesk-cli flux SUBCOMMAND: Flux in the cluster, like the flux CLI.
#include "clitext.h"
#include "commands.h"
#include "output.h"

namespace Fluxdesk::Cli {

QStringList fluxSubcommands()
{
    return {QStringLiteral("takeover")};
}

int runFlux(const CliOptions &options)
{
    const QString sub = options.arguments.value(0);
    if (sub == QLatin1String("takeover"))
        return runFluxTakeover(options);
    printError(Text::tr("flux: unknown subcommand \"%1\"; available: %2")
                   .arg(sub, fluxSubcommands().join(QLatin1String(", "))));
    return ExitUsage;
}

} // namespace Fluxdesk::Cli
