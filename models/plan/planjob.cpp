#include "planjob.h"

#include "helm/helmclientconfig.h"
#include "kube/inventory.h"
#include "plan/fluxreach.h"
#include "plan/kustomizationupkeep.h"
#include "plan/plancache.h"
#include "repo/repositorycontent.h"

#include <QCoreApplication>

#include <algorithm>

namespace Fluxdesk {

PlanOptions planOptionsFor(const QString &repo, const PlanDecisions &decisions,
                           QList<Error> *warnings, PlanCache *cache)
{
    PlanOptions options;
    options.cache = cache;
    // A malformed rules file does not stop the plan: the rules only add to the defaults, which
    // are a safe plan on their own, and the warning names the place to fix. The window cannot
    // refuse to show a plan, and the CLI plans the same way so that both agree.
    const Result<CleanRules> rules = CleanRules::forRepository(repo);
    if (rules) {
        options.cleanRules = *rules;
    } else {
        Error warning = rules.error();
        warning.message =
            QCoreApplication::translate("PlanJob", "%1 (the default clean rules were used)")
                .arg(warning.message);
        warnings->append(warning);
    }
    options.chartSources.helmClient = HelmClientConfig::load(HelmClientPaths::fromEnvironment());
    decisions.applyTo(options);
    return options;
}

std::shared_ptr<const PlanSnapshot>
makePlanSnapshot(const Inventory &inventory, const QString &repo, const PlanDecisions &decisions,
                 PlanCache *cache, const QList<Age::Identity> &identities)
{
    auto snapshot = std::make_shared<PlanSnapshot>();
    const PlanOptions options = planOptionsFor(repo, decisions, &snapshot->warnings, cache);
    snapshot->onDisk = readRepositoryFiles(repo);
    snapshot->repositoryHoldsManifests = repositoryHoldsManifests(repo);
    snapshot->plan = planRepository(inventory, options, snapshot->onDisk);
    // Folders of the checkout Flux never applies (a split left unwired): the Problems list's too.
    snapshot->plan.problems.append(FluxReach(snapshot->onDisk).problems());
    const bool encrypts = std::any_of(snapshot->plan.files.cbegin(), snapshot->plan.files.cend(),
                                      [](const PlannedFile &f) { return f.encrypted; });
    const EncryptedFiles encrypted =
        encrypts ? EncryptedFiles::forRepository(repo, identities) : EncryptedFiles();
    snapshot->states = compareWithRepository(snapshot->plan, snapshot->onDisk, encrypted);
    snapshot->preview =
        previewWrite(snapshot->plan, snapshot->onDisk, loadWrittenRecord(repo), encrypted);
    return snapshot;
}

Plan planToWrite(const PlanSnapshot &snapshot, const PlanWriteRequest &request,
                 QSet<QString> *accept)
{
    *accept = request.accept;
    Plan plan = snapshot.plan;
    if (!request.remove.isEmpty()) {
        RepositoryFiles remaining = snapshot.onDisk;
        for (const QString &path : request.remove)
            remaining.remove(path);
        plan = withKustomizationsFor(snapshot.plan, remaining);
        for (const PlannedFile &file : std::as_const(plan.files)) {
            const PlannedFile *before = snapshot.plan.file(file.path);
            if (file.kind == PlannedFileKind::Kustomization && before &&
                before->text != file.text &&
                snapshot.onDisk.value(file.path) == before->text.toUtf8())
                accept->insert(file.path);
        }
    }
    if (request.acceptAllDiffering) {
        for (const PlannedFile &file : std::as_const(plan.files)) {
            const auto onDisk = snapshot.onDisk.constFind(file.path);
            if (onDisk != snapshot.onDisk.constEnd() && *onDisk != file.text.toUtf8())
                accept->insert(file.path);
        }
    }
    return plan;
}

Result<PlanWriteResult> writePlanSnapshot(const PlanSnapshot &snapshot, const QString &repo,
                                          const PlanWriteRequest &request)
{
    QSet<QString> accept;
    const Plan plan = planToWrite(snapshot, request, &accept);
    return writePlan(plan, repo, accept, request.remove, request.identities);
}

} // namespace Fluxdesk
