// fluxdesk-cli plan --repo DIR [--cluster NAME] [--encrypt-secrets] [--write [--accept PATH |
// --accept-all] [--remove PATH | --remove-all-stale]]: the planned repository with a status per
// file; --write writes new files (included Secrets SOPS-encrypted when asked), keeps hand-edited
// ones unless accepted, and deletes only what --remove names.
#include "clitext.h"
#include "commands.h"
#include "output.h"
#include "source.h"

#include "kube/clustersession.h"
#include "plan/plandecisions.h"
#include "plan/planjob.h"
#include "repo/repositorycontent.h"
#include "secrets/agekeys.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

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

// A path as the user typed it (absolute, "./x", "a//b") as the plan spells it: relative to the
// repository, '/'-separated. Whatever leaves the repository stays visibly outside ("../x"), so
// the writer refuses it.
QString repositoryPath(const QString &repo, const QString &path)
{
    const QString clean = QDir::cleanPath(QDir::fromNativeSeparators(path));
    return QDir::isAbsolutePath(clean) ? QDir(repo).relativeFilePath(clean) : clean;
}

int printWritten(const PlanWriteResult &written, const QStringList &stale, bool json)
{
    if (json) {
        printJson(QJsonObject{
            {QStringLiteral("created"), QJsonArray::fromStringList(written.created)},
            {QStringLiteral("updated"), QJsonArray::fromStringList(written.updated)},
            {QStringLiteral("kept"), QJsonArray::fromStringList(written.kept)},
            {QStringLiteral("unchanged"), QJsonArray::fromStringList(written.unchanged)},
            {QStringLiteral("removed"), QJsonArray::fromStringList(written.removed)},
            {QStringLiteral("removable"), QJsonArray::fromStringList(stale)}});
        return ExitOk;
    }
    QString out;
    for (const QString &path : written.created)
        out += line(Text::tr("written"), path);
    for (const QString &path : written.updated)
        out += line(Text::tr("updated"), path);
    for (const QString &path : written.kept)
        out += line(Text::tr("kept"), path);
    for (const QString &path : written.removed)
        out += line(Text::tr("removed"), path);
    for (const QString &path : stale)
        out += line(Text::tr("not in plan"), path);
    out += Text::tr("%1 written, %2 updated, %3 unchanged, %4 kept as edited, %5 removed, %6 no "
                    "longer planned\n")
               .arg(written.created.size())
               .arg(written.updated.size())
               .arg(written.unchanged.size())
               .arg(written.kept.size())
               .arg(written.removed.size())
               .arg(stale.size());
    if (!written.kept.isEmpty())
        out += Text::tr("hint: kept files differ from the plan; --accept PATH (repeatable) or "
                        "--accept-all writes the plan's version\n");
    if (!stale.isEmpty())
        out += Text::tr("hint: --remove PATH (repeatable) or --remove-all-stale deletes the files "
                        "no longer planned\n");
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
    // The demo's example objects never land among the user's manifests by accident.
    if (options.write && options.demo && !options.forceDemo && repositoryHoldsManifests(repo)) {
        printError(Error(Text::tr("plan --write refuses to write the built-in demo cluster into a "
                                  "repository that already holds manifests; connect your "
                                  "cluster with --kubeconfig/--context, or add --force-demo to "
                                  "write the demo's objects anyway"),
                         repo)
                       .toString());
        return ExitUsage;
    }
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
    if (options.encryptSecrets)
        decisions.encryptSecrets = true;

    ClusterSession session;
    const int loaded = loadSource(options, session);
    if (loaded != ExitOk)
        return loaded;
    for (const Error &error : session.inventory().releaseErrors())
        printWarning(error.toString());

    // The user's age keys open the encrypted Secrets written before, as sops would find them.
    const AgeKeys::Found keys = AgeKeys::findIdentities();
    // The window's plan job: a malformed clean-rules file is a warning here as there.
    const std::shared_ptr<const PlanSnapshot> snapshot =
        makePlanSnapshot(session.inventory(), repo, decisions, nullptr, keys.identities);
    for (const Error &warning : snapshot->warnings)
        printWarning(warning.toString());
    const Plan &plan = snapshot->plan;
    if (decisions.encryptSecrets) {
        for (const Error &error : keys.errors)
            printWarning(error.toString());
    }
    for (const Problem &problem : plan.problems)
        printWarning(problem.file.isEmpty() ? problem.message
                                            : problem.file + QLatin1String(": ") + problem.message);

    if (options.write) {
        PlanWriteRequest request;
        request.acceptAllDiffering = options.acceptAll;
        request.identities = keys.identities;
        if (options.removeAllStale)
            request.remove = QSet<QString>(snapshot->preview.removable.begin(),
                                           snapshot->preview.removable.end());
        // writePlan checks each --remove path (on disk, not planned, inside the roots).
        for (const QString &path : options.remove)
            request.remove.insert(repositoryPath(repo, path));
        for (const QString &path : options.accept) {
            const QString relative = repositoryPath(repo, path);
            if (!plan.file(relative)) {
                printError(Error(Text::tr("--accept: not a file of the plan"), path).toString());
                return ExitUsage;
            }
            request.accept.insert(relative);
        }
        const Result<PlanWriteResult> result = writePlanSnapshot(*snapshot, repo, request);
        if (!result) {
            printError(result.error().toString());
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
        QStringList stale;
        for (const QString &path : snapshot->preview.removable) {
            if (!request.remove.contains(path))
                stale.append(path);
        }
        return printWritten(*result, stale, options.json);
    }

    const QList<FileState> &states = snapshot->states;
    const QStringList &removable = snapshot->preview.removable;
    const QSet<QString> removableSet(removable.begin(), removable.end());
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
                if (s.file->encrypted)
                    f.insert(QStringLiteral("encrypted"), true);
            }
            if (!s.reason.isEmpty())
                f.insert(QStringLiteral("reason"), s.reason);
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
            {QStringLiteral("removable"), QJsonArray::fromStringList(removable)},
            {QStringLiteral("counts"),
             QJsonObject{{QStringLiteral("planned"), planned},
                         {QStringLiteral("upToDate"), upToDate},
                         {QStringLiteral("differs"), differs},
                         {QStringLiteral("onDiskOnly"), onDiskOnly},
                         {QStringLiteral("removable"), int(removable.size())},
                         {QStringLiteral("excluded"), int(plan.excluded.size())}}}});
        return exitCode;
    }

    QString out;
    // On-disk-only files the plan's roots hold are the plan's to delete (with --remove): shown
    // as such; others (another cluster's folder) are only listed.
    for (const FileState &s : states)
        out +=
            line(removableSet.contains(s.path) ? Text::tr("not in plan") : fileStatusName(s.status),
                 s.reason.isEmpty() ? s.path
                                    : s.path + QLatin1String(" (") + s.reason + QLatin1Char(')'));
    for (const QString &path : plan.bootstrapPaths)
        out += line(Text::tr("bootstrap"), path);
    for (const ExcludedObject &e : plan.excluded)
        out += line(Text::tr("excluded"), e.key.toString() + QLatin1String(": ") + e.reason);
    out += Text::tr("%1 planned, %2 up to date, %3 differ, %4 on disk only, %5 no longer "
                    "planned, %6 objects excluded\n")
               .arg(planned)
               .arg(upToDate)
               .arg(differs)
               .arg(onDiskOnly - removable.size())
               .arg(removable.size())
               .arg(plan.excluded.size());
    printOut(out);
    return exitCode;
}

} // namespace Fluxdesk::Cli
