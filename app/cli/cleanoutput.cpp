#include "cleanoutput.h"

#include "clitext.h"
#include "output.h"

namespace Fluxdesk::Cli {

Result<CleanRules> cleanRulesFor(const QString &repo)
{
    return repo.isEmpty() ? Result<CleanRules>(CleanRules::defaults())
                          : CleanRules::forRepository(repo);
}

void printCleanWarnings(const QList<Problem> &problems, bool hadComments, const QString &shownName)
{
    // Problems are warnings: the output is still what a careful person would commit, and a script
    // piping into a file should not fail on a fixed nodePort.
    for (const Problem &problem : problems)
        printWarning(Error(problem.message, problem.file, problem.line, problem.column).toString());
    if (hadComments)
        printWarning(Text::tr("%1: comments are not kept in the cleaned output").arg(shownName));
}

void printSkippedSecrets(const QStringList &names)
{
    // A warning, not an error: the rest is written and the exit code stays 0.
    if (names.isEmpty())
        return;
    // Written out per count rather than with %n: the English plural needs no translation file.
    const QString count =
        names.size() == 1 ? Text::tr("1 Secret") : Text::tr("%1 Secrets").arg(names.size());
    printWarning(Text::tr("left out %1, whose data would land in Git in plain text "
                          "(--include-secrets writes them): %2")
                     .arg(count, names.join(QLatin1String(", "))));
}

} // namespace Fluxdesk::Cli
