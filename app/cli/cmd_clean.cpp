// fluxdesk-cli clean [FILE|-] [--repo DIR] [--include-secrets]: the cleaned manifests on stdout,
// Secrets left out unless asked for.
#include "cleanoutput.h"
#include "commands.h"
#include "inputfile.h"
#include "output.h"

#include "manifest/cleaner.h"

#include <cstdio>

namespace Fluxdesk::Cli {

int runClean(const CliOptions &options)
{
    const QString name = options.arguments.value(0, QStringLiteral("-"));
    InputFile input;
    if (!input.open(name)) {
        printError(name == QLatin1String("-") ? input.errorString()
                                              : Error(input.errorString(), name).toString());
        return ExitUsage;
    }
    const Result<CleanRules> rules = cleanRulesFor(options.repo);
    if (!rules) {
        printError(rules.error().toString());
        return ExitUsage;
    }
    const QString shownName = input.shownName();
    CleanContext context;
    context.recordRemovals = false; // the output is the cleaned text alone
    context.utf8Text = true;
    context.skipSecrets = !options.includeSecrets;
    const Result<CleanTextResult> cleaned =
        cleanYamlText(input.bytes(), shownName, *rules, context);
    if (!cleaned) {
        printError(cleaned.error().toString());
        return ExitUsage;
    }
    printCleanWarnings(cleaned->problems, cleaned->hadComments, shownName);
    printSkippedSecrets(cleaned->skippedSecrets);
    for (const QByteArray &part : cleaned->utf8)
        printOut(part);
    return ExitOk;
}

} // namespace Fluxdesk::Cli
