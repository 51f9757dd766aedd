// fluxdesk-cli plan --repo DIR [--cluster NAME] [--write]: the planned repository with a status
// per file; --write writes new files (hand-edited ones are kept).
#include "clitext.h"
#include "commands.h"
#include "output.h"
#include "source.h"

#include "kube/clustersession.h"
#include "plan/plandecisions.h"
#include "plan/planner.h"
#include "plan/planwriter.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace Fluxdesk::Cli {

namespace {

QString line(const QString &status, const QString &path)
{
    return status.leftJustified(14) + path + QLatin1Char('\n');
}

QJsonArray keysJson(const QList<ObjectKey> &keys)
{
    QJsonArray array;
    for (const ObjectKey &key : keys)
        array.append(key.toString());
    return array;
}

int printWritten(const PlanWriteResult &written, bool json)
{
    if (json) {
        printJson(QJsonObject{
            {QStringLiteral("created"), QJsonArray::fromStringList(written.created)},
            {QStringLiteral("updated"), QJsonArray::fromStringList(written.updated)},
            {QStringLiteral("kept"), QJsonArray::fromStringList(written.kept)},
            {QStringLiteral("unchanged"), QJsonArray::fromStringList(written.unchanged)}});
        return ExitOk;
    }
    QString out;
    for (const QString &path : written.created)
        out += line(Text::tr("written"), path);
    for (const QString &path : written.kept)
        out += line(Text::tr("kept"), path);
    out += Text::tr("%1 written, %2 unchanged, %3 kept as edited\n")
               .arg(written.created.size())
               .arg(written.unchanged.size())
               .arg(written.kept.size());
    printOut(out);
    return ExitOk;
}

} // namespace

int runPlan(const CliOptions &options)
{
    if (options.repo.isEmpty()) {
        printError(Text::tr("plan needs --repo DIR"));
        return ExitUsage;
    }
    const QFileInfo repoInfo(options.repo);
    if (!repoInfo.isDir()) {
        printError(
            Error(Text::tr("the repository folder does not exist"), options.repo).toString());
        return ExitUsage;
    }
    const QString repo = repoInfo.absoluteFilePath();
    if (!options.cluster.isEmpty() && !isValidClusterName(options.cluster)) {
        printError(Text::tr("--cluster \"%1\" is not a valid name (lower-case letters, digits "
                            "and '-')")
                       .arg(options.cluster));
        return ExitUsage;
    }
    const Result<PlanDecisions> saved = loadPlanDecisions(repo);
    if (!saved) {
        printError(saved.error().toString());
        return ExitUsage;
    }
    PlanDecisions decisions = *saved;
    if (!options.cluster.isEmpty())
        decisions.cluster = options.cluster;

    PlanOptions planOptions;
    const Result<CleanRules> rules = CleanRules::forRepository(repo);
    if (!rules) {
        printError(rules.error().toString());
        return ExitUsage;
    }
    planOptions.cleanRules = *rules;
    planOptions.chartSources.helmClient =
        HelmClientConfig::load(HelmClientPaths::fromEnvironment());
    decisions.applyTo(planOptions);

    const Result<ClusterSource> source = sourceFor(options);
    if (!source) {
        printError(source.error().toString());
        return ExitUsage;
    }
    ClusterSession session;
    const int loaded = loadInventory(session, *source);
    if (loaded != ExitOk)
        return loaded;
    for (const Error &error : session.inventory().releaseErrors())
        printWarning(error.toString());

    const RepositoryFiles before = readRepositoryFiles(repo);
    const Plan plan = planRepository(session.inventory(), planOptions, before);
    for (const Problem &problem : plan.problems)
        printWarning(problem.file.isEmpty() ? problem.message
                                            : problem.file + QLatin1String(": ") + problem.message);

    if (options.write) {
        const Result<PlanWriteResult> written = writePlan(plan, repo);
        if (!written) {
            printError(written.error().toString());
            return ExitUsage;
        }
        // A cluster named on the command line is a decision: the next plan uses it too.
        if (decisions != *saved) {
            const Result<bool> kept = savePlanDecisions(repo, decisions);
            if (!kept) {
                printError(kept.error().toString());
                return ExitUsage;
            }
        }
        return printWritten(*written, options.json);
    }

    const QList<FileState> states = compareWithRepository(plan, before);
    int planned = 0, upToDate = 0, differs = 0, onDiskOnly = 0;
    for (const FileState &s : states) {
        switch (s.status) {
        case FileStatus::Planned:
            ++planned;
            break;
        case FileStatus::UpToDate:
            ++upToDate;
            break;
        case FileStatus::Differs:
            ++differs;
            break;
        case FileStatus::OnDiskOnly:
            ++onDiskOnly;
            break;
        }
    }
    const int exitCode = planned + differs > 0 ? ExitProblems : ExitOk;

    if (options.json) {
        QJsonArray files;
        for (const FileState &s : states) {
            QJsonObject f{{QStringLiteral("path"), s.path},
                          {QStringLiteral("status"), fileStatusId(s.status)}};
            if (s.file) {
                f.insert(QStringLiteral("kind"), plannedFileKindId(s.file->kind));
                f.insert(QStringLiteral("objects"), keysJson(s.file->objects));
                if (s.file->plainTextSecret)
                    f.insert(QStringLiteral("plainTextSecret"), true);
            }
            files.append(f);
        }
        QJsonArray excluded;
        for (const ExcludedObject &e : plan.excluded)
            excluded.append(QJsonObject{{QStringLiteral("object"), e.key.toString()},
                                        {QStringLiteral("ownership"), ownershipId(e.ownership)},
                                        {QStringLiteral("reason"), e.reason}});
        printJson(QJsonObject{
            {QStringLiteral("cluster"), plan.cluster},
            {QStringLiteral("files"), files},
            {QStringLiteral("bootstrap"), QJsonArray::fromStringList(plan.bootstrapPaths)},
            {QStringLiteral("excluded"), excluded},
            {QStringLiteral("counts"),
             QJsonObject{{QStringLiteral("planned"), planned},
                         {QStringLiteral("upToDate"), upToDate},
                         {QStringLiteral("differs"), differs},
                         {QStringLiteral("onDiskOnly"), onDiskOnly},
                         {QStringLiteral("excluded"), int(plan.excluded.size())}}}});
        return exitCode;
    }

    QString out;
    for (const FileState &s : states)
        out += line(fileStatusName(s.status), s.path);
    for (const QString &path : plan.bootstrapPaths)
        out += line(Text::tr("bootstrap"), path);
    for (const ExcludedObject &e : plan.excluded)
        out += line(Text::tr("excluded"), e.key.toString() + QLatin1String(": ") + e.reason);
    out += Text::tr("%1 planned, %2 up to date, %3 differ, %4 on disk only, %5 objects excluded\n")
               .arg(planned)
               .arg(upToDate)
               .arg(differs)
               .arg(onDiskOnly)
               .arg(plan.excluded.size());
    printOut(out);
    return exitCode;
}

} // namespace Fluxdesk::Cli
