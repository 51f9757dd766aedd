#include "planner.h"

#include "kube/inventory.h"
#include "plan/fluxobjects.h"
#include "plan/kustomizationupkeep.h"
#include "plan/manifestrenderer.h"
#include "plan/plancache.h"
#include "plan/plannedfiles.h"
#include "plan/releaseplan.h"
#include "secrets/sopsfile.h"
#include "secrets/sopssetup.h"

#include <algorithm>

namespace Fluxdesk {

namespace {

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
// rest of the plan: see finishEntryPoints().
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

// 3. The owner's objects, each in its own file; an included Secret encrypted or flagged as plain
// text.
void addManifests(PlannedFiles &files, Plan &plan, const ObjectSorting &sorted,
                  const ReleasePlacement &releases, const ManifestRenderer &renderer,
                  const PlanOptions &options)
{
    for (const InventoryEntry *e : sorted.placed) {
        const PlanCache::Rendered cleaned = renderer.render(*e);
        const QString path =
            manifestFolder(e->key, releases.nsFolder) + QLatin1Char('/') + cleaned.fileName;
        if (e->key.group.isEmpty() && e->key.kind == QLatin1String("Secret"))
            files.addSecret(plan, options.encryptSecrets, path, cleaned.key, cleaned.text,
                            {e->key});
        else
            files.add(path, PlannedFileKind::Manifest, cleaned.key, cleaned.text, {e->key});
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

// 5. What each entry point needs of the rest of the plan: its health checks when it asks for
// them, and SOPS decryption when its folder holds an encrypted file (the plan's, or one of the
// checkout's the plan leaves in place).
void finishEntryPoints(PlannedFiles &files, const QList<EntryPoint> &entryPoints,
                       const Inventory &inventory, const ReleasePlacement &releases,
                       const RepositoryFiles &existing)
{
    QStringList encrypted;
    for (const PlannedFile &f : std::as_const(files.fileMap())) {
        if (f.encrypted)
            encrypted.append(f.path);
    }
    for (auto it = existing.constBegin(); it != existing.constEnd(); ++it) {
        // contains() first: a re-plan of thousands of files reads each once, cheaply.
        if (it.value().contains("sops:") && !files.fileMap().contains(it.key()) &&
            Sops::isEncrypted(it.value()))
            encrypted.append(it.key());
    }
    for (const EntryPoint &e : entryPoints) {
        const QString folder = QLatin1String("./") + e.settings.name;
        const bool decryption =
            std::any_of(encrypted.cbegin(), encrypted.cend(),
                        [&folder](const QString &path) { return Sops::pathHolds(folder, path); });
        if (!e.settings.healthChecks && !decryption)
            continue;
        const QJsonArray healthChecks = e.settings.healthChecks
                                            ? healthChecksUnder(files.fileMap(), e.settings.name,
                                                                inventory, releases.helmReleaseKeys)
                                            : QJsonArray();
        files.replace(e.path, fluxKustomization(e.settings, folder, healthChecks, decryption));
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
    addManifests(files, plan, sorted, releases, renderer, options);
    addNamespaces(files, inventory, sorted, releases, renderer);
    finishEntryPoints(files, entryPoints, inventory, releases, existing);
    addFolderKustomizations(files.fileMap(), files.existing(), options.cache);

    plan.files = files.files();
    sortExcluded(plan.excluded);
    return plan;
}

} // namespace Fluxdesk
