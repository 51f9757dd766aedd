#include "plansession.h"

#include "helm/helmclientconfig.h"
#include "manifest/splitter.h"
#include "manifest/yamljson.h"

#include <QFutureWatcher>

#include <algorithm>
#include <QtConcurrent/QtConcurrentRun>

namespace Fluxdesk {

// What a plan is made from, carried to the worker thread by value.
struct PlanInputs
{
    std::shared_ptr<const Inventory> inventory;
    QString repo;
    PlanDecisions decisions;
    std::shared_ptr<PlanCache> cache;
};

namespace {

// Results carried out of QtConcurrent::run (Qt 5 needs default-constructible result types).
struct WriteOutcome
{
    bool ok = false;
    PlanWriteResult result;
    Error error;
};

PlanOptions planOptions(const PlanInputs &inputs, QList<Error> *warnings)
{
    PlanOptions options;
    options.cache = inputs.cache.get();
    const Result<CleanRules> rules = CleanRules::forRepository(inputs.repo);
    if (rules)
        options.cleanRules = *rules;
    else
        warnings->append(rules.error());
    options.chartSources.helmClient = HelmClientConfig::load(HelmClientPaths::fromEnvironment());
    inputs.decisions.applyTo(options);
    return options;
}

std::shared_ptr<const PlanSnapshot> makeSnapshot(const PlanInputs &inputs)
{
    auto snapshot = std::make_shared<PlanSnapshot>();
    const PlanOptions options = planOptions(inputs, &snapshot->warnings);
    snapshot->onDisk = readRepositoryFiles(inputs.repo);
    snapshot->plan = planRepository(*inputs.inventory, options, snapshot->onDisk);
    snapshot->states = compareWithRepository(snapshot->plan, snapshot->onDisk);
    snapshot->preview =
        previewWrite(snapshot->plan, snapshot->onDisk, loadWrittenRecord(inputs.repo));
    return snapshot;
}

// Deleting files the plan no longer produces: a kustomization on disk may still list them (the
// plan keeps what existing kustomizations list while it exists), so plan again without them and
// take the new kustomizations where the old ones were the plan's own text; one edited by hand
// stays, and writePlan then refuses the deletion, saying which kustomization lists the file.
WriteOutcome writeJob(const PlanSnapshot &snapshot, const PlanInputs &inputs, QSet<QString> accept,
                      const QSet<QString> &remove)
{
    WriteOutcome outcome;
    Plan plan = snapshot.plan;
    if (!remove.isEmpty() && inputs.inventory) {
        RepositoryFiles remaining = snapshot.onDisk;
        for (const QString &path : remove)
            remaining.remove(path);
        QList<Error> warnings;
        plan = planRepository(*inputs.inventory, planOptions(inputs, &warnings), remaining);
        for (const PlannedFile &file : std::as_const(plan.files)) {
            const PlannedFile *before = snapshot.plan.file(file.path);
            if (file.kind == PlannedFileKind::Kustomization && before &&
                before->text != file.text &&
                snapshot.onDisk.value(file.path) == before->text.toUtf8())
                accept.insert(file.path);
        }
    }
    const Result<PlanWriteResult> result = writePlan(plan, inputs.repo, accept, remove);
    if (result) {
        outcome.ok = true;
        outcome.result = *result;
    } else {
        outcome.error = result.error();
    }
    return outcome;
}

QString baseName(const QString &path)
{
    return path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
}

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

PlanSession::PlanSession(QObject *parent) : QObject(parent), m_cache(std::make_shared<PlanCache>())
{
    qRegisterMetaType<PlanWriteResult>();
}

PlanSession::~PlanSession() = default;

Result<bool> PlanSession::setRepository(const QString &path)
{
    if (path.isEmpty()) {
        ++m_generation;
        m_repo.clear();
        m_decisions = {};
        m_snapshot.reset();
        setPlanning(false);
        return true;
    }
    Result<PlanDecisions> decisions = loadPlanDecisions(path);
    if (!decisions)
        return decisions.error();
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
    const quint64 generation = ++m_generation;
    setPlanning(true);
    auto *watcher = new QFutureWatcher<std::shared_ptr<const PlanSnapshot>>(this);
    connect(watcher, &QFutureWatcher<std::shared_ptr<const PlanSnapshot>>::finished, this,
            [this, watcher, generation]() {
                watcher->deleteLater();
                if (generation != m_generation)
                    return; // a later change started another plan
                m_snapshot = watcher->result();
                setPlanning(false);
                emit planReady();
            });
    watcher->setFuture(QtConcurrent::run(makeSnapshot, inputs()));
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
            name = baseName(file->path);
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
            if (slash > 0)
                next.excluded.remove(ObjectKey{QStringLiteral("helm.toolkit.fluxcd.io"),
                                               QStringLiteral("HelmRelease"), release.left(slash),
                                               release.mid(slash + 1)});
        }
        if (isCoreSecret(key))
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
    if (m_writing || m_repo.isEmpty())
        return;
    setWriting(true);
    const PlanInputs planInputs = inputs();
    const QString repo = m_repo;
    auto *watcher = new QFutureWatcher<WriteOutcome>(this);
    connect(watcher, &QFutureWatcher<WriteOutcome>::finished, this, [this, watcher, repo]() {
        watcher->deleteLater();
        const WriteOutcome outcome = watcher->result();
        setWriting(false);
        if (repo != m_repo)
            return; // another repository was opened meanwhile
        if (outcome.ok)
            emit written(outcome.result);
        else
            emit failed(outcome.error.toString());
        replan();
    });
    watcher->setFuture(QtConcurrent::run([snapshot, planInputs, accept, remove]() {
        return writeJob(*snapshot, planInputs, accept, remove);
    }));
}

PlanInputs PlanSession::inputs() const
{
    return PlanInputs{m_inventory, m_repo, m_decisions, m_cache};
}

void PlanSession::setPlanning(bool planning)
{
    const bool wasBusy = isBusy();
    m_planning = planning;
    if (wasBusy != isBusy())
        emit busyChanged(isBusy());
}

void PlanSession::setWriting(bool writing)
{
    const bool wasBusy = isBusy();
    m_writing = writing;
    if (wasBusy != isBusy())
        emit busyChanged(isBusy());
}

} // namespace Fluxdesk
