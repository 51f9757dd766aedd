#include "plansession.h"

#include "manifest/splitter.h"
#include "manifest/yamljson.h"
#include "repo/repopath.h"
#include "secrets/agekeys.h"

#include <algorithm>

namespace Fluxdesk {

namespace {

// The key a file's placement is saved under: the object it holds, or for a HelmRelease the
// HelmRelease itself (its file lists the release's objects, which move with it).
ObjectKey placementKey(const PlannedFile &file, const ObjectKey &carried)
{
    if (file.kind != PlannedFileKind::HelmRelease)
        return carried;
    const Result<QJsonValue> parsed = parseYamlValue(file.text.toUtf8(), file.path);
    return parsed && parsed->isObject() ? ObjectKey::of(parsed->toObject()) : carried;
}

const PlannedFile *fileCarrying(const Plan &plan, const ObjectKey &key)
{
    for (const PlannedFile &f : plan.files) {
        if (f.objects.contains(key))
            return &f;
    }
    return nullptr;
}

bool isCoreSecret(const ObjectKey &key)
{
    return key.group.isEmpty() && key.kind == QLatin1String("Secret");
}

} // namespace

PlanSession::PlanSession(QObject *parent)
    : QObject(parent), m_cache(std::make_shared<PlanCache>()), m_plans(new JobRunner(this)),
      m_writes(new JobRunner(this))
{
    qRegisterMetaType<PlanWriteResult>();
    connect(m_plans, &JobRunner::busyChanged, this, &PlanSession::updateBusy);
    connect(m_writes, &JobRunner::busyChanged, this, &PlanSession::updateBusy);
}

PlanSession::~PlanSession() = default;

Result<bool> PlanSession::setRepository(const QString &path)
{
    if (path.isEmpty()) {
        m_plans->cancel();
        m_writes->cancel(); // its outcome was for the repository closed now
        m_repo.clear();
        m_decisions = {};
        m_snapshot.reset();
        return true;
    }
    Result<PlanDecisions> decisions = loadPlanDecisions(path);
    if (!decisions)
        return decisions.error();
    if (path != m_repo)
        m_writes->cancel(); // its outcome was for another repository
    m_repo = path;
    m_decisions = std::move(decisions).value();
    m_snapshot.reset();
    replan();
    return true;
}

void PlanSession::setInventory(const Inventory &inventory)
{
    auto copy = std::make_shared<Inventory>(inventory);
    // Releases decode lazily; decoded here (usually already, in the copy), two plans running at
    // once never decode them concurrently.
    copy->helmReleases();
    m_inventory = copy;
    replan();
}

void PlanSession::replan()
{
    if (m_repo.isEmpty() || !m_inventory)
        return;
    // A plan started before this change is superseded: its result is dropped.
    m_startingPlan = true; // the moment between the two is not announced as idle
    m_plans->start(
        [inventory = m_inventory, repo = m_repo, decisions = m_decisions,
         cache = m_cache](const JobContext &) {
            return makePlanSnapshot(*inventory, repo, decisions, cache.get(),
                                    AgeKeys::findIdentities().identities);
        },
        [this](std::shared_ptr<const PlanSnapshot> snapshot) {
            m_snapshot = std::move(snapshot);
            emit planReady();
        });
    m_startingPlan = false;
    updateBusy();
}

bool PlanSession::saveAndReplan(const PlanDecisions &decisions)
{
    if (m_repo.isEmpty())
        return false;
    if (decisions == m_decisions)
        return true;
    const Result<bool> saved = savePlanDecisions(m_repo, decisions);
    if (!saved) {
        emit failed(saved.error().toString());
        return false;
    }
    m_decisions = decisions;
    replan();
    return true;
}

bool PlanSession::setDecisions(const PlanDecisions &decisions)
{
    return saveAndReplan(decisions);
}

bool PlanSession::moveObjects(const QList<ObjectKey> &objects, const QString &folder)
{
    if (!m_snapshot)
        return false;
    const QString probe = folder + QLatin1String("/x.yaml");
    if (!isPlaceablePath(probe)) {
        emit failed(tr("Objects can only move to a folder under infrastructure/ or workloads/, "
                       "not to %1.")
                        .arg(folder));
        return false;
    }
    PlanDecisions next = m_decisions;
    for (const ObjectKey &key : objects) {
        const PlannedFile *file = fileCarrying(m_snapshot->plan, key);
        QString name;
        ObjectKey placed = key;
        if (file) {
            placed = placementKey(*file, key);
            name = RepoPath::baseName(file->path);
        } else if (const InventoryEntry *entry = m_inventory ? m_inventory->find(key) : nullptr) {
            name = fileNameFor(entry->object, QStringLiteral("{name}-{kind}.yaml"));
        } else {
            continue;
        }
        // An excluded object dropped on a folder is taken back into the plan there.
        next.excluded.remove(placed);
        if (!file && isCoreSecret(key))
            next.included.insert(key);
        next.placements.insert(placed, folder + QLatin1Char('/') + name);
    }
    return saveAndReplan(next);
}

bool PlanSession::renameFile(const ObjectKey &object, const QString &path)
{
    if (!m_snapshot)
        return false;
    if (!isPlaceablePath(path)) {
        emit failed(tr("\"%1\" is not a place for a manifest: use a .yaml file under "
                       "infrastructure/ or workloads/ (not a kustomization.yaml).")
                        .arg(path));
        return false;
    }
    const PlannedFile *file = fileCarrying(m_snapshot->plan, object);
    PlanDecisions next = m_decisions;
    next.placements.insert(file ? placementKey(*file, object) : object, path);
    return saveAndReplan(next);
}

bool PlanSession::excludeObjects(const QList<ObjectKey> &objects)
{
    if (!m_snapshot)
        return false;
    PlanDecisions next = m_decisions;
    for (const ObjectKey &key : objects) {
        const PlannedFile *file = fileCarrying(m_snapshot->plan, key);
        const ObjectKey excluded = file ? placementKey(*file, key) : key;
        next.excluded.insert(excluded);
        next.included.remove(excluded);
    }
    return saveAndReplan(next);
}

bool PlanSession::includeObjects(const QList<ObjectKey> &objects)
{
    PlanDecisions next = m_decisions;
    for (const ObjectKey &key : objects) {
        next.excluded.remove(key);
        // A part of a Helm release the user left out brings its whole release back.
        if (const InventoryEntry *entry = m_inventory ? m_inventory->find(key) : nullptr) {
            const QString release = entry->classification.helmRelease;
            const qsizetype slash = release.indexOf(QLatin1Char('/'));
            if (slash > 0) {
                const ObjectKey releaseKey{QStringLiteral("helm.toolkit.fluxcd.io"),
                                           QStringLiteral("HelmRelease"), release.left(slash),
                                           release.mid(slash + 1)};
                next.excluded.remove(releaseKey);
                if (next.excludesByRule(releaseKey))
                    next.included.insert(releaseKey);
            }
        }
        // An object a rule (every ConfigMap, namespace kube-system) leaves out is kept by an
        // include of its own.
        if (isCoreSecret(key) || next.excludesByRule(key))
            next.included.insert(key);
    }
    return saveAndReplan(next);
}

bool PlanSession::setCluster(const QString &name)
{
    if (!isValidClusterName(name)) {
        emit failed(tr("\"%1\" is not a valid cluster name: use lower-case letters, digits and "
                       "'-'.")
                        .arg(name));
        return false;
    }
    PlanDecisions next = m_decisions;
    next.cluster = name;
    return saveAndReplan(next);
}

bool PlanSession::setEntryPoints(const QList<EntryPointSettings> &entryPoints)
{
    PlanDecisions next = m_decisions;
    next.entryPoints =
        entryPoints == defaultEntryPoints() ? QList<EntryPointSettings>() : entryPoints;
    return saveAndReplan(next);
}

bool PlanSession::setChartSource(const ChartSourceChoice &choice)
{
    PlanDecisions next = m_decisions;
    next.chartSources.erase(std::remove_if(next.chartSources.begin(), next.chartSources.end(),
                                           [&choice](const ChartSourceChoice &c) {
                                               return c.releaseNamespace ==
                                                          choice.releaseNamespace &&
                                                      c.releaseName == choice.releaseName &&
                                                      c.chart == choice.chart;
                                           }),
                            next.chartSources.end());
    next.chartSources.append(choice);
    return saveAndReplan(next);
}

bool PlanSession::setReleaseEdit(const ReleaseEdit &edit)
{
    PlanDecisions next = m_decisions;
    next.releases.erase(std::remove_if(next.releases.begin(), next.releases.end(),
                                       [&edit](const ReleaseEdit &e) {
                                           return e.ns == edit.ns && e.name == edit.name;
                                       }),
                        next.releases.end());
    // Kept as the plan file keeps it (no credential value), so this session plans exactly what
    // a reopened one will.
    if (edit.hasValues || edit.credentials != CredentialHandling::Secret)
        next.releases.append(releaseEditForPlanFile(edit));
    return saveAndReplan(next);
}

ReleaseEdit PlanSession::releaseEdit(const QString &ns, const QString &name) const
{
    for (const ReleaseEdit &e : m_decisions.releases) {
        if (e.ns == ns && e.name == name)
            return e;
    }
    ReleaseEdit none;
    none.ns = ns;
    none.name = name;
    return none;
}

void PlanSession::write(const QSet<QString> &accept, const QSet<QString> &remove)
{
    if (m_snapshot)
        startWrite(m_snapshot, accept, remove);
}

void PlanSession::acceptFile(const QString &path)
{
    const PlannedFile *file = m_snapshot ? m_snapshot->plan.file(path) : nullptr;
    if (!file)
        return;
    auto single = std::make_shared<PlanSnapshot>();
    single->plan.cluster = m_snapshot->plan.cluster;
    single->plan.files.append(*file);
    startWrite(single, {path}, {});
}

void PlanSession::startWrite(const std::shared_ptr<const PlanSnapshot> &snapshot,
                             const QSet<QString> &accept, const QSet<QString> &remove)
{
    if (m_writes->isBusy() || m_repo.isEmpty())
        return;
    PlanWriteRequest request;
    request.accept = accept;
    request.remove = remove;
    m_writes->start(
        [snapshot, repo = m_repo, request](const JobContext &) {
            PlanWriteRequest withKeys = request;
            withKeys.identities = AgeKeys::findIdentities().identities;
            return writePlanSnapshot(*snapshot, repo, withKeys);
        },
        [this](const Result<PlanWriteResult> &outcome) {
            if (outcome)
                emit written(*outcome);
            else
                emit failed(outcome.error().toString());
            replan();
        });
}

bool PlanSession::isBusy() const
{
    return m_plans->isBusy() || m_writes->isBusy();
}

void PlanSession::updateBusy()
{
    if (m_startingPlan || isBusy() == m_busy)
        return;
    m_busy = isBusy();
    emit busyChanged(m_busy);
}

} // namespace Fluxdesk
