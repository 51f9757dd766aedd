// fluxdesk-cli flux check [--pre] [--flux-version V] [--repo DIR]: like `flux check`.
// --pre: before a bootstrap: the Kubernetes version within the Flux version's range, permission
// to create cluster-scoped objects, Flux or the Flux Operator already there, and with --repo the
// checkout committed, pushed and its remote reachable. Without --pre: Flux's controllers up, the
// flux-system source and Kustomization Ready. Exit 1 when a check fails.
#include "clitext.h"
#include "commands.h"
#include "output.h"
#include "source.h"

#include "flux/fluxversions.h"
#include "flux/migrationchecklist.h"
#include "flux/preflight.h"
#include "kube/clustersession.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace Fluxdesk::Cli {

namespace {

QString mark(bool pass, bool warning = false)
{
    return pass ? QStringLiteral("✔") : warning ? QStringLiteral("⚠") : QStringLiteral("✗");
}

int runPre(const CliOptions &options)
{
    Result<ConnectionSettings> settings = liveConnection(options, QStringLiteral("flux check"));
    if (!settings) {
        printError(settings.error().toString());
        return ExitUsage;
    }
    Preflight::Options preflight;
    preflight.fluxVersion =
        options.fluxVersion.isEmpty() ? FluxVersions::newestKnown() : options.fluxVersion;
    if (!options.repo.isEmpty()) {
        if (!QFileInfo(options.repo).isDir()) {
            printError(
                Error(Text::tr("the repository folder does not exist"), options.repo).toString());
            return ExitUsage;
        }
        preflight.repositoryPath = QFileInfo(options.repo).absoluteFilePath();
    }
    Preflight run(*settings);
    QEventLoop loop;
    QList<PreflightCheck> checks;
    QObject::connect(&run, &Preflight::finished, &loop, [&](const QList<PreflightCheck> &all) {
        checks = all;
        loop.quit();
    });
    run.start(preflight);
    if (run.isRunning())
        loop.exec();

    bool blocked = false;
    QJsonArray array;
    QString out;
    for (const PreflightCheck &check : std::as_const(checks)) {
        blocked = blocked || check.blocks();
        array.append(
            QJsonObject{{QStringLiteral("check"), check.title},
                        {QStringLiteral("verdict"), PreflightCheck::verdictText(check.verdict)},
                        {QStringLiteral("found"), check.found},
                        {QStringLiteral("action"), check.action}});
        out += mark(check.verdict == PreflightCheck::Verdict::Pass,
                    check.verdict == PreflightCheck::Verdict::Warning) +
               QLatin1Char(' ') + check.title + QStringLiteral(": ") + check.found +
               QLatin1Char('\n');
        if (!check.action.isEmpty())
            out += QStringLiteral("  ") + check.action + QLatin1Char('\n');
    }
    if (options.json)
        printJson(array);
    else
        printOut(
            out +
            (blocked
                 ? Text::tr("pre-flight checks failed\n")
                 : Text::tr("pre-flight checks passed for Flux %1\n").arg(preflight.fluxVersion)));
    return blocked ? ExitProblems : ExitOk;
}

} // namespace

int runFluxCheck(const CliOptions &options)
{
    if (options.pre)
        return runPre(options);
    ClusterSession session;
    const int loaded = loadSource(options, session);
    if (loaded != ExitOk)
        return loaded;
    ChecklistInput input;
    input.live = session.inventory().objects();
    input.cluster = options.cluster;
    bool failed = false;
    QJsonArray array;
    QString out;
    for (const ChecklistItem &item : migrationChecklist(input)) {
        if (item.step != 7)
            continue;
        const bool done = item.state == ChecklistState::Done;
        failed = failed || !done;
        array.append(QJsonObject{{QStringLiteral("check"), item.title},
                                 {QStringLiteral("state"), checklistStateId(item.state)},
                                 {QStringLiteral("detail"), item.detail}});
        out += mark(done, item.state == ChecklistState::Waiting) + QLatin1Char(' ') + item.title +
               QStringLiteral(": ") + item.detail + QLatin1Char('\n');
    }
    if (options.json)
        printJson(array);
    else
        printOut(out +
                 (failed ? Text::tr("Flux is not fully up\n") : Text::tr("all checks passed\n")));
    return failed ? ExitProblems : ExitOk;
}

} // namespace Fluxdesk::Cli
