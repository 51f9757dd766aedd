// fluxdesk-cli flux SUBCOMMAND: Flux in the cluster, like the flux CLI.
#include "clitext.h"
#include "commands.h"
#include "output.h"

namespace Fluxdesk::Cli {

QStringList fluxSubcommands()
{
    return {QStringLiteral("check"),     QStringLiteral("bootstrap"), QStringLiteral("status"),
            QStringLiteral("reconcile"), QStringLiteral("suspend"),   QStringLiteral("resume"),
            QStringLiteral("takeover")};
}

int runFlux(const CliOptions &options)
{
    const QString sub = options.arguments.value(0);
    if (sub == QLatin1String("check"))
        return runFluxCheck(options);
    if (sub == QLatin1String("bootstrap"))
        return runFluxBootstrap(options);
    if (sub == QLatin1String("status"))
        return runFluxStatus(options);
    if (sub == QLatin1String("reconcile") || sub == QLatin1String("suspend") ||
        sub == QLatin1String("resume"))
        return runFluxAction(options);
    if (sub == QLatin1String("takeover"))
        return runFluxTakeover(options);
    printError(Text::tr("flux: unknown subcommand \"%1\"; available: %2")
                   .arg(sub, fluxSubcommands().join(QLatin1String(", "))));
    return ExitUsage;
}

} // namespace Fluxdesk::Cli
