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

} // namespace Fluxdesk::Cli
