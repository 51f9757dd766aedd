// fluxdesk-cli validate --repo DIR [--cluster NAME]: what Flux will read, checked before a push.
// Builds every kustomization Flux reads (kustomize, else kubectl kustomize), checks every Flux
// object against the Flux schemas, lints, and with a live cluster (--kubeconfig/--context) asks
// the API server for a server-side dry-run apply. One problem per line as lint prints them
// ("FILE:LINE:COL: severity: message", paths relative to DIR); exit 1 when any is an error.
#include "clitext.h"
#include "commands.h"
#include "output.h"

#include "core/error.h"
#include "flux/validation.h"
#include "kube/serverdryrun.h"
#include "source.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>

namespace Fluxdesk::Cli {

namespace {

bool liveClusterNamed(const CliOptions &options)
{
    return !options.demo && options.snapshot.isEmpty() &&
           (!options.kubeconfig.isEmpty() || !options.context.isEmpty());
}

} // namespace

int runValidate(const CliOptions &options)
{
    if (options.repo.isEmpty()) {
        printError(Text::tr("validate needs --repo DIR"));
        return ExitUsage;
    }
    if (!QFileInfo(options.repo).isDir()) {
        printError(Error(Text::tr("no such folder"), options.repo).toString());
        return ExitUsage;
    }
    if (!options.cluster.isEmpty() &&
        !QFileInfo(QDir(options.repo).filePath(QStringLiteral("clusters/") + options.cluster))
             .isDir()) {
        printError(Error(Text::tr("the repository has no folder clusters/%1; name a cluster "
                                  "folder it has, or leave --cluster out to validate them all")
                             .arg(options.cluster),
                         options.repo)
                       .toString());
        return ExitUsage;
    }
    if (options.demo || !options.snapshot.isEmpty())
        printNote(Text::tr("no server dry-run: %1 is not a live cluster; the kustomize builds, "
                           "schemas and lint are checked")
                      .arg(options.demo ? QStringLiteral("--demo") : QStringLiteral("--snapshot")));
    std::optional<ConnectionSettings> live;
    if (liveClusterNamed(options)) {
        Result<ConnectionSettings> settings = liveConnection(options, QStringLiteral("validate"));
        if (!settings) {
            printError(settings.error().toString());
            return ExitUsage;
        }
        live = std::move(settings).value();
    }

    ValidationOptions validation;
    validation.repoDir = options.repo;
    validation.cluster = options.cluster;
    validation.tool = findKustomizeTool();
    ValidationReport report = validateRepository(validation);
    if (live && !report.canceled) {
        const QList<QJsonObject> objects = report.builtObjects();
        if (!objects.isEmpty()) {
            ServerDryRun dryRun(*live);
            QEventLoop loop;
            QObject::connect(&dryRun, &ServerDryRun::finished, &loop,
                             [&](const QList<DryRunOutcome> &outcomes, const QString &error) {
                                 report.addDryRun(objects, outcomes, error);
                                 loop.quit();
                             });
            dryRun.start(objects);
            loop.exec();
        }
    }

    QString out;
    for (const Problem &problem : report.problems)
        out += problem.toString() + QLatin1Char('\n');
    printOut(out);
    const QString clusters = report.clusters.isEmpty() ? QStringLiteral("clusters/")
                                                       : report.clusters.join(QStringLiteral(", "));
    printNote(
        report.built.size() == 1
            ? Text::tr("validated 1 kustomization of %1: %2").arg(clusters, report.countsText())
            : Text::tr("validated %1 kustomizations of %2: %3")
                  .arg(report.built.size())
                  .arg(clusters, report.countsText()));
    return report.passed() ? ExitOk : ExitProblems;
}

} // namespace Fluxdesk::Cli
