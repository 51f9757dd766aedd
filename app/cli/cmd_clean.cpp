// fluxdesk-cli clean [FILE|-] [--repo DIR]: the cleaned manifests on stdout.
#include "clitext.h"
#include "commands.h"
#include "output.h"

#include "manifest/cleaner.h"

#include <QFile>

#include <cstdio>

namespace Fluxdesk::Cli {

int runClean(const CliOptions &options)
{
    const QString name = options.arguments.value(0, QStringLiteral("-"));
    QByteArray bytes;
    if (name == QLatin1String("-")) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly)) {
            printError(Text::tr("cannot read standard input"));
            return ExitUsage;
        }
        bytes = in.readAll();
    } else {
        QFile in(name);
        if (!in.open(QIODevice::ReadOnly)) {
            printError(
                Error(Text::tr("cannot read the file: %1").arg(in.errorString()), name).toString());
            return ExitUsage;
        }
        bytes = in.readAll();
    }
    const Result<CleanRules> rules = options.repo.isEmpty()
                                         ? Result<CleanRules>(CleanRules::defaults())
                                         : CleanRules::forRepository(options.repo);
    if (!rules) {
        printError(rules.error().toString());
        return ExitUsage;
    }
    const QString shownName = name == QLatin1String("-") ? QStringLiteral("<stdin>") : name;
    CleanContext context;
    context.recordRemovals = false; // the output is the cleaned text alone
    context.utf8Text = true;
    const Result<CleanTextResult> cleaned = cleanYamlText(bytes, shownName, *rules, context);
    if (!cleaned) {
        printError(cleaned.error().toString());
        return ExitUsage;
    }
    // Problems are warnings: the output is still what a careful person would commit, and a
    // script piping into a file should not fail on a fixed nodePort.
    for (const Problem &problem : cleaned->problems)
        printWarning(Error(problem.message, problem.file, problem.line, problem.column).toString());
    if (cleaned->hadComments)
        printWarning(Text::tr("%1: comments are not kept in the cleaned output").arg(shownName));
    printOut(cleaned->utf8);
    return ExitOk;
}

} // namespace Fluxdesk::Cli
