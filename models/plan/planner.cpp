#include "planner.h"

#include "kube/inventory.h"
#include "plan/fluxobjects.h"
#include "plan/kustomizationupkeep.h"
#include "plan/manifestrenderer.h"
#include "plan/plancache.h"
#include "plan/plannedfiles.h"
#include "plan/releaseplan.h"

#include <QCoreApplication>

#include <algorithm>

namespace Fluxdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Planner", text);
}

// One Flux Kustomization per root, clusters/<cluster>/<root>.yaml.
struct EntryPoint
{
    EntryPointSettings settings;
    QString path; // of the Flux Kustomization
};

// A plan's lookups in the cache form one generation: what none used lately is dropped after.
class CacheGeneration
{
public:
    explicit CacheGeneration(PlanCache *cache)
        : m_cache(cache), m_generation(cache ? cache->beginGeneration() : 0)
    {}
    ~CacheGeneration()
    {
        if (m_cache)
            m_cache->endGeneration(m_generation);
    }
    CacheGeneration(const CacheGeneration &) = delete;
    CacheGeneration &operator=(const CacheGeneration &) = delete;

private:
    PlanCache *m_cache;
    quint64 m_generation;
};

// 1. Entry points: one Flux Kustomization per known root, each once. Their health checks need the
// rest of the plan: see addHealthChecks().
QList<EntryPoint> addEntryPoints(PlannedFiles &files, const PlanOptions &options)
{
    QList<EntryPoint> entryPoints;
    const QString clusterDir = QStringLiteral("clusters/") + options.cluster;
    for (const EntryPointSettings &settings : options.entryPoints) {
        const bool known =
            settings.name == infrastructureRoot() || settings.name == workloadsRoot();
        const bool seen =
            std::any_of(entryPoints.cbegin(), entryPoints.cend(), [&settings](const EntryPoint &e) {
                return e.settings.name == settings.name;
            });
        if (!known || seen)
            continue;
        const QString path =
            files.add(clusterDir + QLatin1Char('/') + settings.name + QLatin1String(".yaml"),
                      PlannedFileKind::FluxKustomization,
                      fluxKustomization(settings, QLatin1String("./") + settings.name), {});
        entryPoints.append({settings, path});
    }
    return entryPoints;
}

// 3. The owner's objects, each in its own file; an included Secret flagged as plain text.
void addManifests(PlannedFiles &files, Plan &plan, const ObjectSorting &sorted,
                  const ReleasePlacement &releases, const ManifestRenderer &renderer)
{
    for (const InventoryEntry *e : sorted.placed) {
        const PlanCache::Rendered cleaned = renderer.render(*e);
        const bool secret = e->key.group.isEmpty() && e->key.kind == QLatin1String("Secret");
        const QString path = files.add(
            manifestFolder(e->key, releases.nsFolder) + QLatin1Char('/') + cleaned.fileName,
            PlannedFileKind::Manifest, cleaned.key, cleaned.text, {e->key}, secret);
        if (secret) {
            Problem p;
            p.severity = Problem::Severity::Warning;
            p.file = path;
            p.rule = QStringLiteral("plan-plain-text-secret");
            p.message = tr("Secret %1 is written as plain text; encrypt it (SOPS) or keep it out "
                           "of Git.")
                            .arg(e->key.ns + QLatin1Char('/') + e->key.name);
            plan.problems.append(p);
        }
    }
}

// 4. One namespace.yaml per namespace with content, unless Kubernetes owns the namespace.
void addNamespaces(PlannedFiles &files, const Inventory &inventory, const ObjectSorting &sorted,
                   const ReleasePlacement &releases, const ManifestRenderer &renderer)
{
    for (const QString &ns : sorted.namespacesWithContent) {
        const InventoryEntry *nsEntry = sorted.namespaceObjects.value(ns);
        if (!nsEntry) {
            const InventoryEntry *live =
                inventory.find(ObjectKey{{}, QStringLiteral("Namespace"), {}, ns});
            if (live) // present but not the user's (kube-system, default, Helm-created...)
                continue;
        }
        const QString path =
            releases.nsFolder.value(ns, QStringLiteral("workloads/") + folderNameOf(ns)) +
            QLatin1String("/namespace.yaml");
        if (nsEntry) {
            const PlanCache::Rendered cleaned = renderer.render(*nsEntry);
            files.add(path, PlannedFileKind::Namespace, cleaned.key, cleaned.text, {nsEntry->key});
        } else {
            files.add(path, PlannedFileKind::Namespace, minimalNamespace(ns), {});
        }
    }
}

// 5. Health checks: what each entry point that asks for them waits for.
void addHealthChecks(PlannedFiles &files, const QList<EntryPoint> &entryPoints,
                     const Inventory &inventory, const ReleasePlacement &releases)
{
    for (const EntryPoint &e : entryPoints) {
        if (!e.settings.healthChecks)
            continue;
        files.replace(e.path,
                      fluxKustomization(e.settings, QLatin1String("./") + e.settings.name,
                                        healthChecksUnder(files.fileMap(), e.settings.name,
                                                          inventory, releases.helmReleaseKeys)));
    }
}

// ObjectKey's order (namespace, group, kind, name), one comparison per field. Excluded objects
// are found in the inventory's order, so this is mostly a check.
void sortExcluded(QList<ExcludedObject> &excluded)
{
    const auto byKey = [](const ExcludedObject &a, const ExcludedObject &b) {
        for (const auto &field :
             {&ObjectKey::ns, &ObjectKey::group, &ObjectKey::kind, &ObjectKey::name}) {
            const int c = (a.key.*field).compare(b.key.*field);
            if (c != 0)
                return c < 0;
        }
        return false;
    };
    if (!std::is_sorted(excluded.cbegin(), excluded.cend(), byKey))
        std::sort(excluded.begin(), excluded.end(), byKey);
}

} // namespace

Plan planRepository(const Inventory &inventory, const PlanOptions &options,
                    const RepositoryFiles &existing)
{
    Plan plan;
    plan.cluster = options.cluster;
    plan.bootstrapPaths.append(QStringLiteral("clusters/%1/flux-system/").arg(options.cluster));
    // Cleaning and rendering are most of a plan's work, and reading the checkout much of the
    // rest; a session's cache keeps both.
    const CacheGeneration generation(options.cache);
    PlannedFiles files(readExistingLayout(existing, options.cache), options.placements);

    const QList<EntryPoint> entryPoints = addEntryPoints(files, options);
    // 2. Helm releases first: where a namespace's content goes follows its releases.
    const ReleasePlacement releases = planHelmReleases(inventory, options, files, plan);
    const ObjectSorting sorted = sortObjects(inventory, options, releases);
    plan.excluded += sorted.excluded;
    const ManifestRenderer renderer(inventory, options);
    addManifests(files, plan, sorted, releases, renderer);
    addNamespaces(files, inventory, sorted, releases, renderer);
    addHealthChecks(files, entryPoints, inventory, releases);
    addFolderKustomizations(files.fileMap(), files.existing(), options.cache);

    plan.files = files.files();
    sortExcluded(plan.excluded);
    return plan;
}

} // namespace Fluxdesk
