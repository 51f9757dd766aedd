// fluxdesk-cli: the command-line twin of Fluxdesk (contract in DESIGN.md).
#include "clioptions.h"
#include "commands.h"

#include "core/resources.h"
#include "core/terminaltext.h"

#include <QCoreApplication>

#include <cstdio>

namespace {

QtMessageHandler g_qtHandler = nullptr;

// Qt's own warnings (TLS, networking) may quote a server's text: escaped like every other message.
void printableMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString printable = Fluxdesk::printableForTerminal(message);
    if (g_qtHandler) // Qt hands back its default handler; guard all the same
        g_qtHandler(type, context, printable);
    else
        std::fprintf(stderr, "%s\n", printable.toLocal8Bit().constData());
}

} // namespace

int main(int argc, char *argv[])
{
    g_qtHandler = qInstallMessageHandler(printableMessages);
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
