// fluxdesk-cli flux takeover --repo DIR [--record] [--json]: did Flux adopt what ran before, in
// place? --record writes the baseline (what runs now, from the plan and the live cluster) into
// DIR/.fluxdesk/takeover.yaml before Flux takes over; without it, the verdicts against it.
#include "clitext.h"
#include "commands.h"
#include "output.h"
#include "source.h"

#include "flux/takeover.h"
#include "kube/clustersession.h"
#include "plan/plandecisions.h"
#include "plan/planjob.h"

#include <QDateTime>
#include <QFileInfo>

namespace Fluxdesk::Cli {

namespace {

bool fluxRunsIn(const Inventory &inventory)
{
    return inventory.find(ObjectKey{QString(), QStringLiteral("Namespace"), QString(),
                                    QStringLiteral("flux-system")}) != nullptr;
}

int record(const CliOptions &options, const QString &repo, ClusterSession &session)
{
    const Result<PlanDecisions> decisions = loadPlanDecisions(repo);
    if (!decisions) {
        printError(decisions.error().toString());
        return ExitUsage;
    }
    if (fluxRunsIn(session.inventory()))
        printWarning(Text::tr("Flux already runs in this cluster (namespace flux-system): what is "
                              "recorded now may already be Flux's own objects, so a takeover "
                              "that already recreated something cannot be seen"));
    const std::shared_ptr<const PlanSnapshot> snapshot =
        makePlanSnapshot(session.inventory(), repo, *decisions);
    const TakeoverBaseline baseline =
        takeoverBaseline(snapshot->plan, session.inventory(), QDateTime::currentDateTimeUtc());
    const Result<bool> saved = saveTakeoverBaseline(repo, baseline);
    if (!saved) {
        printError(saved.error().toString());
        return ExitUsage;
    }
    int workloads = 0;
    for (const TakeoverRelease &release : baseline.releases)
        workloads += int(release.workloads.size());
    if (options.json) {
        printJson(QJsonObject{{QStringLiteral("file"), takeoverBaselinePath()},
                              {QStringLiteral("objects"), int(baseline.objects.size())},
                              {QStringLiteral("releases"), int(baseline.releases.size())},
                              {QStringLiteral("releaseObjects"), workloads}});
        return ExitOk;
    }
    printOut(Text::tr("recorded %1 objects and %2 Helm releases (%3 objects of theirs) in %4\n")
                 .arg(baseline.objects.size())
                 .arg(baseline.releases.size())
                 .arg(workloads)
                 .arg(takeoverBaselinePath()));
    return ExitOk;
}

QString subjectText(const TakeoverItem &item)
{
    if (item.subject == TakeoverItem::Subject::Release)
        return Text::tr("release %1").arg(item.release);
    return item.key.toString();
}

} // namespace

int runFluxTakeover(const CliOptions &options)
{
    if (options.repo.isEmpty()) {
        printError(Text::tr("flux takeover needs --repo DIR"));
        return ExitUsage;
    }
    const QFileInfo repoInfo(options.repo);
    if (!repoInfo.isDir()) {
        printError(
            Error(Text::tr("the repository folder does not exist"), options.repo).toString());
        return ExitUsage;
    }
    const QString repo = repoInfo.absoluteFilePath();
    std::optional<TakeoverBaseline> baseline;
    if (!options.record) {
        Result<std::optional<TakeoverBaseline>> loaded = loadTakeoverBaseline(repo);
        if (!loaded) {
            printError(loaded.error().toString());
            return ExitUsage;
        }
        if (!loaded.value()) {
            printError(Error(Text::tr("no takeover baseline: record what runs before Flux takes "
                                      "over with `fluxdesk-cli flux takeover --repo DIR "
                                      "--record` (Fluxdesk's bootstrap records it)"),
                             repo + QLatin1Char('/') + takeoverBaselinePath())
                           .toString());
            return ExitUsage;
        }
        baseline = *loaded.value();
    }

    ClusterSession session;
    const int loaded = loadSource(options, session);
    if (loaded != ExitOk)
        return loaded;
    if (options.record)
        return record(options, repo, session);

    const TakeoverReport report = verifyTakeover(*baseline, session.inventory().objects());
    if (options.json) {
        printJson(takeoverReportJson(report));
        return report.exitCode();
    }
    QList<QStringList> rows;
    for (const TakeoverItem &item : report.items)
        rows.append({takeoverSeverityId(item.severity).toUpper(), subjectText(item),
                     takeoverStateText(item.state), item.detail});
    printOut(formatTable(
        {Text::tr("VERDICT"), Text::tr("OBJECT"), Text::tr("STATE"), Text::tr("DETAIL")}, rows));
    if (report.withoutUids)
        printWarning(Text::tr("the baseline holds no uids: recreated objects are told by their "
                              "creation time only"));
    printOut(Text::tr("%1 adopted in place, %2 not yet, %3 warnings, %4 in danger\n")
                 .arg(report.count(TakeoverSeverity::Ok))
                 .arg(report.count(TakeoverSeverity::Waiting))
                 .arg(report.count(TakeoverSeverity::Warning))
                 .arg(report.count(TakeoverSeverity::Danger)));
    return report.exitCode();
}

} // namespace Fluxdesk::Cli
