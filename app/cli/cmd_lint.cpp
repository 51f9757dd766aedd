// fluxdesk-cli lint --repo DIR: "FILE:LINE:COL: severity: message" per problem, paths relative to
// DIR. Exit 1 when any problem is an error; warnings alone are printed but exit 0, so a CI job can
// gate on broken or removed-API manifests without failing on advice such as ":latest" images.
#include "clitext.h"
#include "commands.h"
#include "output.h"

#include "core/error.h"
#include "manifest/linter.h"
#include "plan/fluxreach.h"

#include <QFileInfo>

#include <algorithm>

namespace Fluxdesk::Cli {

int runLint(const CliOptions &options)
{
    if (options.repo.isEmpty()) {
        printError(Text::tr("lint needs --repo DIR"));
        return ExitUsage;
    }
    if (!QFileInfo(options.repo).isDir()) {
        printError(Error(Text::tr("no such folder"), options.repo).toString());
        return ExitUsage;
    }
    QList<Problem> problems = lintRepository(options.repo);
    // Folders no kustomization reaches from a Flux Kustomization: Flux never applies them.
    problems.append(lintRepositoryWiring(options.repo));
    QString out;
    for (const Problem &problem : problems)
        out += problem.toString() + QLatin1Char('\n');
    printOut(out);
    const bool errors = std::any_of(problems.cbegin(), problems.cend(), [](const Problem &p) {
        return p.severity == Problem::Severity::Error;
    });
    return errors ? ExitProblems : ExitOk;
}

} // namespace Fluxdesk::Cli
