// fluxdesk-cli: the command-line twin of Fluxdesk (contract in DESIGN.md).
#include "clioptions.h"
#include "commands.h"

#include "core/resources.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fluxdesk-cli"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("fluxdesk.dev"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FLUXDESK_VERSION));
    Fluxdesk::initResources();

    const Fluxdesk::Cli::ParseResult parsed =
        Fluxdesk::Cli::parseArguments(QCoreApplication::arguments());
    if (parsed.exitCode >= 0)
        return parsed.exitCode;
    return Fluxdesk::Cli::runCommand(parsed.options);
}
