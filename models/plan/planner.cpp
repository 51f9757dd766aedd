#include "planner.h"

#include "helm/helmreleasegenerator.h"
#include "helm/valuescredentials.h"
#include "kube/inventory.h"
#include "kube/snapshot.h"
#include "manifest/splitter.h"
#include "manifest/yamljson.h"
#include "manifest/yamlwriter.h"
#include "plan/plancache.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

#include <algorithm>
#include <cstring>
#include <tuple>
#include <utility>

namespace Fluxdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Planner", text);
}

const QLatin1String infrastructureRoot("infrastructure");
const QLatin1String workloadsRoot("workloads");

QString rendered(const QJsonObject &object)
{
    QString text = toYaml(object);
    if (!text.endsWith(QLatin1Char('\n')))
        text += QLatin1Char('\n');
    return text;
}

QString folderOf(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : path.left(slash);
}

QString baseName(const QString &path)
{
    return path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
}

QJsonObject fluxKustomization(const EntryPointSettings &settings, const QString &path,
                              const QJsonArray &healthChecks)
{
    QJsonObject spec{{QStringLiteral("interval"), settings.interval},
                     {QStringLiteral("retryInterval"), settings.retryInterval},
                     {QStringLiteral("timeout"), settings.timeout},
                     {QStringLiteral("sourceRef"),
                      QJsonObject{{QStringLiteral("kind"), QStringLiteral("GitRepository")},
                                  {QStringLiteral("name"), QStringLiteral("flux-system")}}},
                     {QStringLiteral("path"), path},
                     {QStringLiteral("prune"), settings.prune},
                     {QStringLiteral("wait"), settings.wait}};
    if (!settings.dependsOn.isEmpty()) {
        QJsonArray dependsOn;
        for (const QString &name : settings.dependsOn)
            dependsOn.append(QJsonObject{{QStringLiteral("name"), name}});
        spec.insert(QStringLiteral("dependsOn"), dependsOn);
    }
    if (settings.healthChecks && !healthChecks.isEmpty())
        spec.insert(QStringLiteral("healthChecks"), healthChecks);
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("kustomize.toolkit.fluxcd.io/v1")},
        {QStringLiteral("kind"), QStringLiteral("Kustomization")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), settings.name},
                     {QStringLiteral("namespace"), QStringLiteral("flux-system")}}},
        {QStringLiteral("spec"), spec}};
}

QJsonObject minimalNamespace(const QString &name)
{
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("Namespace")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}}};
}

bool isCore(const ObjectKey &key, const char *kind)
{
    return key.group.isEmpty() && key.kind == QLatin1String(kind);
}

bool isWorkload(const ObjectKey &key)
{
    return key.group == QLatin1String("apps") &&
           (key.kind == QLatin1String("Deployment") || key.kind == QLatin1String("StatefulSet"));
}

// spec.healthChecks of the entry point for root: every Deployment and StatefulSet written as a
// manifest under it, and every HelmRelease under it that carries one (Flux checks a HelmRelease's
// own readiness, which covers what the release installed).
QJsonArray healthChecksUnder(const QMap<QString, PlannedFile> &files, const QString &root,
                             const Inventory &inventory,
                             const QHash<QString, ObjectKey> &helmReleaseKeys)
{
    QMap<std::tuple<QString, QString, QString, QString>, bool> checks; // sorted, unique
    const QString prefix = root + QLatin1Char('/');
    for (auto it = files.lowerBound(prefix); it != files.constEnd() && it.key().startsWith(prefix);
         ++it) {
        const PlannedFile &f = it.value();
        if (f.kind == PlannedFileKind::Manifest) {
            for (const ObjectKey &key : f.objects) {
                const InventoryEntry *entry = isWorkload(key) ? inventory.find(key) : nullptr;
                if (entry)
                    checks.insert({entry->apiVersion, key.kind, key.ns, key.name}, true);
            }
        } else if (f.kind == PlannedFileKind::HelmRelease) {
            const bool carriesWorkload =
                std::any_of(f.objects.cbegin(), f.objects.cend(), isWorkload);
            const ObjectKey release = helmReleaseKeys.value(f.path);
            if (carriesWorkload && !release.name.isEmpty())
                checks.insert({QStringLiteral("helm.toolkit.fluxcd.io/v2"), release.kind,
                               release.ns, release.name},
                              true);
        }
    }
    QJsonArray out;
    for (auto it = checks.constBegin(); it != checks.constEnd(); ++it) {
        QJsonObject check{{QStringLiteral("apiVersion"), std::get<0>(it.key())},
                          {QStringLiteral("kind"), std::get<1>(it.key())},
                          {QStringLiteral("name"), std::get<3>(it.key())}};
        if (!std::get<2>(it.key()).isEmpty())
            check.insert(QStringLiteral("namespace"), std::get<2>(it.key()));
        out.append(check);
    }
    return out;
}

bool isKustomizationFile(const QString &path)
{
    // baseName(path) is one of the two names, without building it (asked for every file).
    for (const QLatin1String name :
         {QLatin1String("kustomization.yaml"), QLatin1String("kustomization.yml")}) {
        if (path.endsWith(name) && (path.size() == name.size() ||
                                    path.at(path.size() - name.size() - 1) == QLatin1Char('/')))
            return true;
    }
    return false;
}

// A plain scalar or a simply quoted one; false for anything a YAML parser must decide.
bool simpleScalar(QByteArray value, QString *out)
{
    value = value.trimmed();
    if (value.size() >= 2 && (value.startsWith('"') || value.startsWith('\''))) {
        const char quote = value.at(0);
        if (!value.endsWith(quote))
            return false;
        value = value.mid(1, value.size() - 2);
        if (value.contains(quote) || value.contains('\\'))
            return false;
    } else if (value.isEmpty() || value.contains(" #") || value.contains(": ") ||
               QByteArrayLiteral("{[&*!|>%@`\"'#").contains(value.at(0))) {
        return false;
    }
    *out = QString::fromUtf8(value);
    return true;
}

// The identity of a one-document manifest in block style, read from its top-level apiVersion
// and kind and metadata's name and namespace without a YAML parse: re-planning a repository of
// thousands of files reads every one. False when unsure (the caller parses then).
bool quickKey(const QByteArray &text, ObjectKey *key)
{
    QString apiVersion, kind, name, ns;
    bool inMetadata = false;
    int lineNumber = 0;
    // Line by line without splitting: no allocation per line of a file that is mostly spec.
    const qsizetype size = text.size();
    for (qsizetype start = 0; start < size;) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = size;
        const QByteArray line = QByteArray::fromRawData(text.constData() + start, end - start);
        start = end + 1;
        ++lineNumber;
        if (line.isEmpty())
            continue;
        if (line.startsWith("---")) {
            if (lineNumber == 1 && line.trimmed() == "---")
                continue;
            return false; // several documents, or a marker with content
        }
        if (line.startsWith('#') || line.startsWith('\t') || line.startsWith("..."))
            return false;
        if (line.at(0) != ' ') {
            inMetadata = false;
            if (line.startsWith("apiVersion:")) {
                if (!simpleScalar(line.mid(11), &apiVersion))
                    return false;
            } else if (line.startsWith("kind:")) {
                if (!simpleScalar(line.mid(5), &kind))
                    return false;
            } else if (line.trimmed() == "metadata:") {
                inMetadata = true;
            }
            continue;
        }
        if (inMetadata && line.startsWith("  ") && line.size() > 2 && line.at(2) != ' ') {
            if (line.startsWith("  name:")) {
                if (!simpleScalar(line.mid(7), &name))
                    return false;
            } else if (line.startsWith("  namespace:")) {
                if (!simpleScalar(line.mid(12), &ns))
                    return false;
            }
        }
    }
    if (apiVersion.isEmpty() || kind.isEmpty() || name.isEmpty())
        return false;
    *key = ObjectKey{groupOfApiVersion(apiVersion), kind, ns, name};
    return true;
}

// Builds the plan's files; paths stay unique (a clash gets "-2", "-3" before ".yaml").
class Builder
{
public:
    Builder(const RepositoryFiles &existing, const QHash<ObjectKey, QString> &placements,
            PlanCache *cache)
        : m_existing(existing), m_placements(placements), m_cache(cache)
    {
        m_existingPaths.reserve(existing.size());
        for (auto it = existing.constBegin(); it != existing.constEnd(); ++it) {
            PlanCache::ExistingFile file;
            if (!cache || !cache->findExisting(it.key(), it.value(), &file)) {
                file = readExisting(it.key(), it.value());
                if (cache)
                    cache->insertExisting(it.key(), it.value(), file);
            }
            if (file.kustomization) {
                if (!file.resources.isEmpty())
                    m_existingResources[folderOf(it.key())].append(file.resources);
            } else if (file.hasKey) {
                // Objects already in single-document files keep their place.
                m_existingPaths.insert(file.key, it.key());
            }
        }
    }

    // What the plan needs of one file of the checkout (the same for the same content).
    static PlanCache::ExistingFile readExisting(const QString &path, const QByteArray &content)
    {
        PlanCache::ExistingFile file;
        if (isKustomizationFile(path)) {
            file.kustomization = true;
            const Result<QJsonValue> k = parseYamlValue(content, path);
            if (k && k->isObject()) {
                const QJsonArray resources =
                    k->toObject().value(QLatin1String("resources")).toArray();
                for (const QJsonValue &r : resources)
                    file.resources.append(r.toString());
            }
            return file;
        }
        if (quickKey(content, &file.key)) {
            file.hasKey = true;
            return file;
        }
        const Result<QList<QJsonObject>> objects = parseManifestStream(content, path);
        if (objects && objects->size() == 1) {
            file.key = ObjectKey::of(objects->first());
            file.hasKey = true;
        }
        return file;
    }

    // True when the repository holds relative as a file or as a folder with files.
    bool existsOnDisk(const QString &relative) const
    {
        if (m_existing.contains(relative))
            return true;
        const auto next = m_existing.lowerBound(relative + QLatin1Char('/'));
        return next != m_existing.constEnd() && next.key().startsWith(relative + QLatin1Char('/'));
    }

    QString add(const QString &wantedPath, PlannedFileKind kind, const QJsonObject &object,
                QList<ObjectKey> keys, bool plainText = false)
    {
        return add(wantedPath, kind, ObjectKey::of(object), rendered(object), std::move(keys),
                   plainText);
    }

    // own: the key of the object the file holds; text: that object rendered.
    QString add(const QString &wantedPath, PlannedFileKind kind, const ObjectKey &own,
                const QString &text, QList<ObjectKey> keys, bool plainText = false)
    {
        QString path = wantedPath;
        const QString placed = m_placements.value(own);
        const QString existing = m_existingPaths.value(own);
        // Only a place the kustomize roots reach counts; elsewhere it would never be applied.
        if (!existing.isEmpty() && !m_files.contains(existing) &&
            (existing.startsWith(QLatin1String("infrastructure/")) ||
             existing.startsWith(QLatin1String("workloads/"))) &&
            !isKustomizationFile(existing))
            path = existing;
        if (!placed.isEmpty() && isPlaceablePath(placed) && !m_files.contains(placed))
            path = placed; // the user's word wins over the defaults and the old place
        if (m_files.contains(path)) {
            const QString stem = path.left(path.size() - 5); // ".yaml"
            for (int n = 2;; ++n) {
                const QString candidate =
                    stem + QLatin1Char('-') + QString::number(n) + QLatin1String(".yaml");
                if (!m_files.contains(candidate)) {
                    path = candidate;
                    break;
                }
            }
        }
        std::sort(keys.begin(), keys.end());
        PlannedFile file;
        file.path = path;
        file.text = text;
        file.kind = kind;
        file.objects = keys;
        file.plainTextSecret = plainText;
        m_files.insert(path, file);
        return path;
    }

    // A kustomization.yaml in every folder under the roots, listing its files and subfolders.
    void addKustomizations()
    {
        QMap<QString, QSet<QString>> children; // folder -> entries (files and subfolders)
        const auto note = [&children](const QString &path) {
            QString child = path;
            QString folder = folderOf(child);
            while (!folder.isEmpty()) {
                children[folder].insert(baseName(child));
                child = folder;
                folder = folderOf(child);
            }
        };
        children[infrastructureRoot];
        children[workloadsRoot];
        // Files come sorted, so most share the previous one's folder, whose parents are noted.
        QString lastFolder;
        QSet<QString> *lastChildren = nullptr;
        for (auto it = m_files.constBegin(); it != m_files.constEnd(); ++it) {
            const QString &path = it.key();
            if (!(path.startsWith(QLatin1String("infrastructure/")) ||
                  path.startsWith(QLatin1String("workloads/"))))
                continue;
            const QString folder = folderOf(path);
            if (lastChildren && folder == lastFolder) {
                lastChildren->insert(baseName(path));
                continue;
            }
            note(path);
            lastFolder = folder;
            lastChildren = &children[folder];
        }
        for (auto it = children.constBegin(); it != children.constEnd(); ++it) {
            if (!(it.key() == infrastructureRoot || it.key() == workloadsRoot ||
                  it.key().startsWith(QLatin1String("infrastructure/")) ||
                  it.key().startsWith(QLatin1String("workloads/"))))
                continue;
            QSet<QString> listed = it.value();
            // What the user listed by hand and still exists stays listed: their additions are
            // kept, not fought over.
            for (const QString &entry : m_existingResources.value(it.key())) {
                // One the plan lists anyway needs no look on disk (usually every one).
                if (!entry.isEmpty() && !listed.contains(entry) &&
                    !entry.contains(QLatin1String("..")) &&
                    existsOnDisk(it.key() + QLatin1Char('/') + entry))
                    listed.insert(entry);
            }
            QStringList entries = listed.values();
            entries.removeAll(QStringLiteral("kustomization.yaml"));
            entries.removeAll(QStringLiteral("kustomization.yml"));
            // namespace.yaml first: the Namespace reads first to a person, too.
            std::sort(entries.begin(), entries.end(), [](const QString &a, const QString &b) {
                const bool na = a == QLatin1String("namespace.yaml");
                const bool nb = b == QLatin1String("namespace.yaml");
                if (na != nb)
                    return na;
                return a < b;
            });
            PlannedFile file;
            // The same entries render the same text: a cached re-plan skips the YAML writer.
            QString source = QStringLiteral("kustomization");
            for (const QString &entry : std::as_const(entries))
                source +=
                    QLatin1Char('\n') + QString::number(entry.size()) + QLatin1Char(':') + entry;
            if (!m_cache || !m_cache->findText(source, &file.text)) {
                const QJsonObject k{
                    {QStringLiteral("apiVersion"),
                     QStringLiteral("kustomize.config.k8s.io/v1beta1")},
                    {QStringLiteral("kind"), QStringLiteral("Kustomization")},
                    {QStringLiteral("resources"), QJsonArray::fromStringList(entries)}};
                file.text = rendered(k);
                if (m_cache)
                    m_cache->insertText(source, file.text);
            }
            // A folder whose kustomization is spelled .yml keeps that name: kustomize refuses a
            // folder with both.
            const QString yml = it.key() + QLatin1String("/kustomization.yml");
            file.path =
                m_existing.contains(yml) &&
                        !m_existing.contains(it.key() + QLatin1String("/kustomization.yaml"))
                    ? yml
                    : it.key() + QLatin1String("/kustomization.yaml");
            file.kind = PlannedFileKind::Kustomization;
            m_files.insert(file.path, file);
        }
    }

    QList<PlannedFile> files() const { return m_files.values(); }
    const QMap<QString, PlannedFile> &fileMap() const { return m_files; }

    // Renders a file again in place (an entry point once its health checks are known).
    void replace(const QString &path, const QJsonObject &object)
    {
        const auto it = m_files.find(path);
        if (it != m_files.end())
            it->text = rendered(object);
    }

private:
    RepositoryFiles m_existing;
    QHash<ObjectKey, QString> m_placements;
    QHash<QString, QStringList> m_existingResources; // folder -> its kustomization's resources
    QHash<ObjectKey, QString> m_existingPaths;
    QMap<QString, PlannedFile> m_files;
    PlanCache *m_cache = nullptr;
};

} // namespace

QString plannedFileKindId(PlannedFileKind kind)
{
    switch (kind) {
    case PlannedFileKind::Manifest:
        return QStringLiteral("manifest");
    case PlannedFileKind::HelmRelease:
        return QStringLiteral("helmrelease");
    case PlannedFileKind::Source:
        return QStringLiteral("source");
    case PlannedFileKind::FluxKustomization:
        return QStringLiteral("flux-kustomization");
    case PlannedFileKind::Kustomization:
        return QStringLiteral("kustomization");
    case PlannedFileKind::Namespace:
        return QStringLiteral("namespace");
    }
    return {};
}

QStringList controllerCharts()
{
    return {QStringLiteral("cert-manager"),  QStringLiteral("contour"),
            QStringLiteral("gateway-helm"),  QStringLiteral("haproxy-ingress"),
            QStringLiteral("ingress-nginx"), QStringLiteral("kong"),
            QStringLiteral("metallb"),       QStringLiteral("traefik")};
}

bool isPlaceablePath(const QString &path)
{
    if (!(path.startsWith(infrastructureRoot + QLatin1Char('/')) ||
          path.startsWith(workloadsRoot + QLatin1Char('/'))) ||
        !path.endsWith(QLatin1String(".yaml")) || path.contains(QLatin1Char('\\')) ||
        isKustomizationFile(path))
        return false;
    const QStringList parts = path.split(QLatin1Char('/'));
    for (const QString &part : parts) {
        if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String(".."))
            return false;
    }
    return true;
}

bool EntryPointSettings::operator==(const EntryPointSettings &o) const
{
    return name == o.name && interval == o.interval && retryInterval == o.retryInterval &&
           timeout == o.timeout && prune == o.prune && wait == o.wait && dependsOn == o.dependsOn &&
           healthChecks == o.healthChecks;
}

QList<EntryPointSettings> defaultEntryPoints()
{
    EntryPointSettings infrastructure;
    infrastructure.name = infrastructureRoot;
    EntryPointSettings workloads;
    workloads.name = workloadsRoot;
    workloads.dependsOn = QStringList{infrastructure.name};
    return {infrastructure, workloads};
}

bool isValidFluxDuration(const QString &text)
{
    // The pattern of Flux's CRDs for interval, retryInterval and timeout.
    static const QRegularExpression duration(QStringLiteral("^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$"));
    return duration.match(text).hasMatch();
}

bool isValidClusterName(const QString &name)
{
    static const QRegularExpression label(QStringLiteral("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"));
    return label.match(name).hasMatch();
}

const PlannedFile *Plan::file(const QString &path) const
{
    // files is sorted by path.
    const auto it = std::lower_bound(
        files.cbegin(), files.cend(), path,
        [](const PlannedFile &f, const QString &wanted) { return f.path < wanted; });
    if (it != files.cend() && it->path == path)
        return &*it;
    for (const PlannedFile &f : files) { // a Plan put together by hand may be unsorted
        if (f.path == path)
            return &f;
    }
    return nullptr;
}

QStringList Plan::paths() const
{
    QStringList out;
    for (const PlannedFile &f : files)
        out.append(f.path);
    return out;
}

QString Plan::pathOf(const ObjectKey &key) const
{
    for (const PlannedFile &f : files) {
        if (f.objects.contains(key))
            return f.path;
    }
    return {};
}

namespace {

// The Secret a HelmRelease's moved credentials live in follows the plan's Secret rules: written
// beside the HelmRelease (as plain text, flagged) only when the user included it; otherwise
// listed as excluded, and the HelmRelease's file says the Secret must exist in the cluster.
void addValuesSecret(Plan &plan, Builder &builder, const PlanOptions &options,
                     const QJsonObject &secret, const QString &helmReleasePath)
{
    const ObjectKey key = ObjectKey::of(secret);
    const QString id = key.ns + QLatin1Char('/') + key.name;
    Problem p;
    p.severity = Problem::Severity::Warning;
    if (options.includedSecrets.contains(key) && !options.excludedObjects.contains(key)) {
        p.file = builder.add(folderOf(helmReleasePath) + QLatin1Char('/') +
                                 fileNameFor(secret, QStringLiteral("{name}-{kind}.yaml")),
                             PlannedFileKind::Manifest, secret, {key}, true);
        p.rule = QStringLiteral("plan-plain-text-secret");
        p.message = tr("Secret %1 is written as plain text; encrypt it (SOPS) or keep it out of "
                       "Git.")
                        .arg(id);
    } else {
        plan.excluded.append(
            {key, Ownership::UserManaged,
             tr("Holds the credentials moved out of %1; Secrets are written only when "
                "included.")
                 .arg(helmReleasePath)});
        p.file = helmReleasePath;
        p.rule = QStringLiteral("plan-values-secret");
        p.message = tr("Reads its credentials from Secret %1, which is not in the repository: "
                       "create it in the cluster before Flux applies this HelmRelease, or "
                       "include it.")
                        .arg(id);
    }
    plan.problems.append(p);
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
    const quint64 generation = options.cache ? options.cache->beginGeneration() : 0;
    Builder builder(existing, options.placements, options.cache);

    const QList<const InventoryEntry *> entries = inventory.entries();
    // The clean's context comes from PersistentVolumes alone: no need to hand it every object.
    QList<QJsonObject> volumes;
    for (const InventoryEntry *e :
         inventory.entriesOfKind(QString(), QStringLiteral("PersistentVolume")))
        volumes.append(e->object);
    CleanContext cleanContext = cleanContextFor(volumes);
    cleanContext.recordRemovals = false; // the plan keeps the cleaned objects alone
    const QStringList controllers = controllerCharts();

    // 1. Entry points: one Flux Kustomization per root. Their health checks need the rest of
    // the plan, so those are filled in at the end.
    struct EntryPoint
    {
        EntryPointSettings settings;
        QString path; // of the Flux Kustomization
    };
    QList<EntryPoint> entryPoints;
    const QString clusterDir = QStringLiteral("clusters/") + options.cluster;
    for (const EntryPointSettings &settings : options.entryPoints) {
        const bool known = settings.name == infrastructureRoot || settings.name == workloadsRoot;
        bool seen = false;
        for (const EntryPoint &e : entryPoints)
            seen = seen || e.settings.name == settings.name;
        if (!known || seen)
            continue;
        const QString path =
            builder.add(clusterDir + QLatin1Char('/') + settings.name + QLatin1String(".yaml"),
                        PlannedFileKind::FluxKustomization,
                        fluxKustomization(settings, QLatin1String("./") + settings.name, {}), {});
        entryPoints.append({settings, path});
    }

    // 2. Where each namespace's content goes: releases decide.
    QMap<QString, QList<HelmRelease>> releasesByNs;
    for (const HelmRelease &r : inventory.helmReleases())
        releasesByNs[r.ns].append(r);
    QHash<QString, QList<ObjectKey>> releaseObjects; // "ns/name" -> Helm-managed objects + records
    for (const InventoryEntry *e : entries) {
        if (!e->classification.helmRelease.isEmpty())
            releaseObjects[e->classification.helmRelease].append(e->key);
    }
    QHash<QString, QString> nsFolder;    // namespace -> folder of its namespace.yaml and objects
    QHash<QString, QString> releasePath; // "ns/name" -> HelmRelease file
    QSet<QString> writtenSources;
    QSet<QString> excludedReleases;            // "ns/name" the user left out
    QHash<QString, ObjectKey> helmReleaseKeys; // HelmRelease file -> the HelmRelease
    for (auto it = releasesByNs.constBegin(); it != releasesByNs.constEnd(); ++it) {
        const QString &ns = it.key();
        QString stackName = ns;
        if (stackName == QLatin1String("sources") || stackName == QLatin1String("controllers") ||
            stackName == QLatin1String("storage") || stackName == QLatin1String("cluster"))
            stackName += QLatin1String("-namespace");
        for (const HelmRelease &r : it.value()) {
            const QString id = r.ns + QLatin1Char('/') + r.name;
            if (!r.installedByK3s.isEmpty())
                continue; // K3s keeps it: its objects are excluded as K3s's
            if (options.excludedObjects.contains(ObjectKey{QStringLiteral("helm.toolkit.fluxcd.io"),
                                                           QStringLiteral("HelmRelease"), r.ns,
                                                           r.name})) {
                excludedReleases.insert(id);
                continue;
            }
            const auto editIt = std::find_if(
                options.releaseEdits.cbegin(), options.releaseEdits.cend(),
                [&r](const ReleaseEdit &e) { return e.ns == r.ns && e.name == r.name; });
            const ReleaseEdit edit =
                editIt == options.releaseEdits.cend() ? ReleaseEdit() : *editIt;
            HelmRelease edited = r;
            // The plan file keeps no credential value: those come from the running release.
            QStringList unknownCredentials;
            if (edit.hasValues)
                edited.values = withCredentialValuesFrom(
                    edit.values, r.values, edit.credentialsInSecret, &unknownCredentials);
            const Result<HelmConversion> conversion = convertHelmRelease(
                edited, resolveChartSource(edited, options.chartSources), HelmConversionOptions());
            if (!conversion) {
                Problem p;
                p.severity = Problem::Severity::Warning;
                p.rule = QStringLiteral("plan-helm-release");
                p.message = conversion.error().message;
                plan.problems.append(p);
                continue;
            }
            QString path;
            if (controllers.contains(r.chartName)) {
                const QString folder = QStringLiteral("infrastructure/controllers/") + r.name;
                if (!nsFolder.contains(ns))
                    nsFolder.insert(ns, folder);
                path = folder + QLatin1String("/helmrelease.yaml");
            } else {
                const QString folder = QStringLiteral("infrastructure/") + stackName;
                path = folder + QLatin1Char('/') + kebabCase(r.name) +
                       QLatin1String("-helmrelease.yaml");
            }
            QJsonObject helmRelease = conversion->helmRelease;
            QList<Problem> problems = conversion->problems;
            QJsonObject valuesSecret;
            const bool toSecret = edit.credentials == CredentialHandling::Secret;
            QList<CredentialFinding> credentials = conversion->credentials;
            QList<CredentialFinding> unknown;
            for (const QString &credentialPath : std::as_const(unknownCredentials))
                unknown.append(credentialFindingForPath(credentialPath));
            if (toSecret) {
                // Unless the user keeps them inline, as the release view does it: the values
                // leave spec.values for a Secret. So does every value the plan file keeps out as
                // a credential, even when the running release's (or none, when it has none)
                // would not be flagged, so the HelmRelease is the one the user saw.
                for (const QString &credentialPath : std::as_const(edit.credentialsInSecret)) {
                    const bool found = std::any_of(credentials.cbegin(), credentials.cend(),
                                                   [&credentialPath](const CredentialFinding &f) {
                                                       return f.path == credentialPath;
                                                   });
                    CredentialFinding f = credentialFindingForPath(credentialPath);
                    f.value = valueAtPath(edited.values, f.segments);
                    if (edit.hasValues && !found && f.movable())
                        credentials.append(f);
                }
                const ValuesSecretMove move = moveCredentialsToSecret(helmRelease, credentials);
                helmRelease = move.helmRelease;
                valuesSecret = move.secret;
                problems.erase(std::remove_if(problems.begin(), problems.end(),
                                              [](const Problem &p) {
                                                  return p.rule ==
                                                         QLatin1String("helm-values-credential");
                                              }),
                               problems.end());
                problems += credentialProblems(edited, move.kept);
            }
            for (const CredentialFinding &f : std::as_const(unknown)) {
                Problem p;
                p.severity = Problem::Severity::Warning;
                p.rule = QStringLiteral("plan-values-credential-unknown");
                const QString secretName = valuesSecret.value(QLatin1String("metadata"))
                                               .toObject()
                                               .value(QLatin1String("name"))
                                               .toString();
                p.message =
                    toSecret && f.movable()
                        ? tr("values.%1 is a credential .fluxdesk/plan.yaml does not keep, and "
                             "the running release has no value there: put it into Secret %2 "
                             "yourself (targetPath %3).")
                              .arg(f.path, secretName, f.targetPath)
                        : tr("values.%1 is a credential .fluxdesk/plan.yaml does not keep, and "
                             "the running release has no value there: it is left out of the "
                             "HelmRelease.")
                              .arg(f.path);
                problems.append(p);
            }
            const QString written = builder.add(path, PlannedFileKind::HelmRelease, helmRelease,
                                                releaseObjects.value(id));
            releasePath.insert(id, written);
            helmReleaseKeys.insert(written, ObjectKey::of(helmRelease));
            // The release's problems (values that look like credentials...) belong to its file,
            // so the Problems list opens it.
            for (Problem p : std::as_const(problems)) {
                if (p.severity == Problem::Severity::Info)
                    continue;
                p.file = written;
                plan.problems.append(p);
            }
            if (!valuesSecret.isEmpty())
                addValuesSecret(plan, builder, options, valuesSecret, written);
            if (!conversion->source.isEmpty() && !writtenSources.contains(conversion->sourcePath)) {
                writtenSources.insert(conversion->sourcePath);
                builder.add(conversion->sourcePath, PlannedFileKind::Source, conversion->source,
                            {});
            }
        }
        if (!nsFolder.contains(ns))
            nsFolder.insert(ns, QStringLiteral("infrastructure/") + stackName);
    }

    // 3. Every object: placed or excluded.
    const auto exclude = [&plan](const InventoryEntry *e, const QString &reason) {
        plan.excluded.append({e->key, e->classification.ownership, reason});
    };
    QHash<QString, const InventoryEntry *> namespaceObjects;
    QSet<QString> namespacesWithContent;
    QList<const InventoryEntry *> placed;
    for (const InventoryEntry *e : entries) {
        const Ownership o = e->classification.ownership;
        if (options.excludedObjects.contains(e->key)) {
            exclude(
                e,
                tr("Excluded by your decision (%1).").arg(QStringLiteral(".fluxdesk/plan.yaml")));
            continue;
        }
        if (o == Ownership::HelmManaged || o == Ownership::HelmReleaseRecord) {
            const QString id = e->classification.helmRelease;
            const QString target = releasePath.value(id);
            if (id.isEmpty()) {
                exclude(e, e->classification.reason);
                continue;
            }
            if (excludedReleases.contains(id)) {
                exclude(e, tr("Part of Helm release %1, which you excluded.").arg(id));
                continue;
            }
            exclude(e, target.isEmpty()
                           ? tr("Part of Helm release %1, which could not be converted.").arg(id)
                           : tr("Part of Helm release %1: its HelmRelease (%2) carries it.")
                                 .arg(id, target));
            continue;
        }
        // Everything else that is not the owner's: the cluster tree shows the same reason.
        if (o != Ownership::UserManaged) {
            exclude(e, e->classification.reason);
            continue;
        }
        if (isCore(e->key, "Namespace")) {
            namespaceObjects.insert(e->key.name, e);
            continue;
        }
        if (isCore(e->key, "Secret") && !options.includedSecrets.contains(e->key)) {
            exclude(e, tr("Secrets are written only when included: their data would land in Git "
                          "as plain text."));
            continue;
        }
        placed.append(e);
        if (!e->key.ns.isEmpty())
            namespacesWithContent.insert(e->key.ns);
    }
    for (const InventoryEntry *e : namespaceObjects)
        namespacesWithContent.insert(e->key.name);
    for (const QString &ns : releasesByNs.keys())
        namespacesWithContent.insert(ns);

    const QByteArray cleanFingerprint =
        options.cache ? PlanCache::cleanFingerprint(options.cleanRules, cleanContext)
                      : QByteArray();
    const auto cleanAndRender = [&](const InventoryEntry *entry) {
        const QJsonObject &object = entry->object;
        PlanCache::Rendered out;
        QByteArray fingerprint;
        if (options.cache) {
            fingerprint = PlanCache::objectFingerprint(object, entry->apiVersion, entry->key);
            if (options.cache->find(cleanFingerprint, fingerprint, &out))
                return out;
        }
        const CleanResult cleaned = cleanObject(object, options.cleanRules, cleanContext);
        out.key = ObjectKey::of(cleaned.object);
        out.fileName = fileNameFor(cleaned.object, QStringLiteral("{name}-{kind}.yaml"));
        out.text = rendered(cleaned.object);
        if (options.cache)
            options.cache->insert(cleanFingerprint, fingerprint, out);
        return out;
    };

    for (const InventoryEntry *e : placed) {
        const PlanCache::Rendered cleaned = cleanAndRender(e);
        QString folder;
        if (e->key.ns.isEmpty()) {
            if (isCore(e->key, "PersistentVolume") ||
                (e->key.group == QLatin1String("storage.k8s.io") &&
                 e->key.kind == QLatin1String("StorageClass")))
                folder = QStringLiteral("infrastructure/storage");
            else if (e->key.group == QLatin1String("apiextensions.k8s.io") &&
                     e->key.kind == QLatin1String("CustomResourceDefinition"))
                folder = QStringLiteral("infrastructure/crds"); // in the layer applied first
            else
                folder = QStringLiteral("infrastructure/cluster");
        } else if (e->key.group == QLatin1String("helm.cattle.io")) {
            // A HelmChartConfig customising one of K3s's charts (it lives in kube-system).
            folder = QStringLiteral("infrastructure/k3s");
        } else if (e->key.ns == QLatin1String("kube-system")) {
            folder = QStringLiteral("infrastructure/kube-system");
        } else {
            folder = nsFolder.value(e->key.ns, QStringLiteral("workloads/") + e->key.ns);
        }
        const bool secret = isCore(e->key, "Secret");
        const QString path =
            builder.add(folder + QLatin1Char('/') + cleaned.fileName, PlannedFileKind::Manifest,
                        cleaned.key, cleaned.text, {e->key}, secret);
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

    // 4. One namespace.yaml per namespace with content, unless Kubernetes owns the namespace.
    QStringList namespaces = namespacesWithContent.values();
    std::sort(namespaces.begin(), namespaces.end());
    for (const QString &ns : namespaces) {
        const InventoryEntry *nsEntry = namespaceObjects.value(ns);
        if (!nsEntry) {
            const InventoryEntry *live =
                inventory.find(ObjectKey{{}, QStringLiteral("Namespace"), {}, ns});
            if (live) // present but not the user's (kube-system, default, Helm-created...)
                continue;
        }
        const QString folder = nsFolder.value(ns, QStringLiteral("workloads/") + ns);
        const QString path = folder + QLatin1String("/namespace.yaml");
        if (nsEntry) {
            const PlanCache::Rendered cleaned = cleanAndRender(nsEntry);
            builder.add(path, PlannedFileKind::Namespace, cleaned.key, cleaned.text,
                        {nsEntry->key});
        } else {
            builder.add(path, PlannedFileKind::Namespace, minimalNamespace(ns), {});
        }
    }

    // 5. Health checks: what each entry point waits for.
    for (const EntryPoint &e : entryPoints) {
        if (!e.settings.healthChecks)
            continue;
        builder.replace(e.path,
                        fluxKustomization(e.settings, QLatin1String("./") + e.settings.name,
                                          healthChecksUnder(builder.fileMap(), e.settings.name,
                                                            inventory, helmReleaseKeys)));
    }

    builder.addKustomizations();
    plan.files = builder.files();
    if (options.cache)
        options.cache->endGeneration(generation);
    // ObjectKey's order (namespace, group, kind, name), one comparison per field. Excluded
    // objects are found in the inventory's order, so this is mostly a check.
    const auto byKey = [](const ExcludedObject &a, const ExcludedObject &b) {
        for (const auto &field :
             {&ObjectKey::ns, &ObjectKey::group, &ObjectKey::kind, &ObjectKey::name}) {
            const int c = (a.key.*field).compare(b.key.*field);
            if (c != 0)
                return c < 0;
        }
        return false;
    };
    if (!std::is_sorted(plan.excluded.cbegin(), plan.excluded.cend(), byKey))
        std::sort(plan.excluded.begin(), plan.excluded.end(), byKey);
    return plan;
}

namespace {

bool isYamlName(const QString &name)
{
    return name.endsWith(QLatin1String(".yaml"), Qt::CaseInsensitive) ||
           name.endsWith(QLatin1String(".yml"), Qt::CaseInsensitive);
}

// clusters/<cluster>/flux-system/ belongs to flux bootstrap.
bool isBootstrapFile(const QLatin1String root, const QString &relative)
{
    return root == QLatin1String("clusters") &&
           relative.section(QLatin1Char('/'), 2, 2) == QLatin1String("flux-system") &&
           relative.count(QLatin1Char('/')) >= 2;
}

#ifdef Q_OS_UNIX
// The whole file, or false when it cannot be opened (what is read before an error is kept, as
// QFile::readAll() keeps it).
bool readWholeFile(const QByteArray &path, QByteArray *out)
{
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat st;
    const qsizetype expected = ::fstat(fd, &st) == 0 && st.st_size > 0 ? qsizetype(st.st_size) : 0;
    QByteArray data(expected + 1, Qt::Uninitialized); // one more: the end shows in one read
    qsizetype size = 0;
    for (;;) {
        if (size == data.size())
            data.resize(data.size() * 2);
        const ssize_t n = ::read(fd, data.data() + size, size_t(data.size() - size));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        size += qsizetype(n);
    }
    ::close(fd);
    data.truncate(size);
    *out = data;
    return true;
}

// What QDirIterator(top, QDir::Files, QDirIterator::Subdirectories) lists, read without a
// QFileInfo and a QFile per file (most of re-reading a checkout of thousands of files): regular
// files and symbolic links to them; hidden entries (a leading '.') skipped; folders behind
// symbolic links not entered.
void readTreeUnix(const QLatin1String root, const QString &top, RepositoryFiles &files)
{
    QStringList pending{QString()}; // folders below top: "" or "/a/b"
    while (!pending.isEmpty()) {
        const QString sub = pending.takeLast();
        const QByteArray dirPath = QFile::encodeName(top + sub);
        DIR *dir = ::opendir(dirPath.constData());
        if (!dir)
            continue;
        while (const dirent *entry = ::readdir(dir)) {
            if (entry->d_name[0] == '.')
                continue; // hidden, "." and ".."
            const QByteArray path = dirPath + '/' + entry->d_name;
            bool isDir = entry->d_type == DT_DIR;
            bool isFile = entry->d_type == DT_REG;
            if (entry->d_type == DT_UNKNOWN || entry->d_type == DT_LNK) {
                struct stat st;
                if (::lstat(path.constData(), &st) != 0)
                    continue;
                isDir = S_ISDIR(st.st_mode);
                isFile = S_ISREG(st.st_mode);
                if (S_ISLNK(st.st_mode)) // a link counts as the file it leads to
                    isFile = ::stat(path.constData(), &st) == 0 && S_ISREG(st.st_mode);
            }
            const QString name = QFile::decodeName(entry->d_name);
            if (isDir) {
                pending.append(sub + QLatin1Char('/') + name);
                continue;
            }
            if (!isFile || !isYamlName(name))
                continue;
            const QString relative = root + sub + QLatin1Char('/') + name;
            QByteArray content;
            if (!isBootstrapFile(root, relative) && readWholeFile(path, &content))
                files.insert(relative, content);
        }
        ::closedir(dir);
    }
}
#endif

} // namespace

RepositoryFiles readRepositoryFiles(const QString &repoDir)
{
    RepositoryFiles files;
    const QDir repo(repoDir);
    for (const QLatin1String root :
         {QLatin1String("clusters"), infrastructureRoot, workloadsRoot}) {
        const QString top = repo.filePath(root);
#ifdef Q_OS_UNIX
        readTreeUnix(root, top, files);
#else
        // No name filters: QDirIterator matches those with a regular expression per entry. The
        // suffix test below matches as they did (without QDir::CaseSensitive, case-insensitively).
        QDirIterator it(top, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString absolute = it.next();
            if (!isYamlName(absolute))
                continue;
            // The iterator's paths start with top: cheaper than QDir::relativeFilePath for
            // thousands of files.
            const QString relative = root + absolute.mid(top.size());
            if (isBootstrapFile(root, relative))
                continue;
            QFile file(absolute);
            if (file.open(QIODevice::ReadOnly))
                files.insert(relative, file.readAll());
        }
#endif
    }
    return files;
}

QString fileStatusName(FileStatus status)
{
    switch (status) {
    case FileStatus::Planned:
        return tr("planned");
    case FileStatus::UpToDate:
        return tr("up to date");
    case FileStatus::Differs:
        return tr("differs");
    case FileStatus::OnDiskOnly:
        return tr("on disk only");
    }
    return {};
}

QString fileStatusId(FileStatus status)
{
    switch (status) {
    case FileStatus::Planned:
        return QStringLiteral("planned");
    case FileStatus::UpToDate:
        return QStringLiteral("up-to-date");
    case FileStatus::Differs:
        return QStringLiteral("differs");
    case FileStatus::OnDiskOnly:
        return QStringLiteral("on-disk-only");
    }
    return {};
}

namespace {

// bytes == text.toUtf8() without converting every planned file: almost all are ASCII, where the
// UTF-8 bytes and the UTF-16 units match one to one.
bool sameText(const QByteArray &bytes, const QString &text)
{
    // UTF-8 never takes fewer bytes than UTF-16 takes units, and more only for non-ASCII.
    if (bytes.size() < text.size())
        return false;
    if (bytes.size() > text.size())
        return bytes == text.toUtf8();
    // Same length: equal exactly when the text is these bytes as Latin-1 characters and none of
    // them is beyond ASCII (a text with one would take more bytes as UTF-8).
    const char *p = bytes.constData();
    const qsizetype n = bytes.size();
    if (text != QLatin1String(p, int(n)))
        return false;
    quint64 high = 0;
    qsizetype i = 0;
    for (; i + 8 <= n; i += 8) {
        quint64 word;
        std::memcpy(&word, p + i, 8);
        high |= word;
    }
    for (; i < n; ++i)
        high |= static_cast<unsigned char>(p[i]);
    return (high & Q_UINT64_C(0x8080808080808080)) == 0;
}

} // namespace

QList<FileState> compareWithRepository(const Plan &plan, const RepositoryFiles &onDisk)
{
    QList<FileState> states;
    states.reserve(plan.files.size() + onDisk.size());
    QSet<QString> planned;
    planned.reserve(plan.files.size());
    for (const PlannedFile &f : plan.files) {
        planned.insert(f.path);
        FileState s;
        s.path = f.path;
        s.file = &f;
        const auto it = onDisk.constFind(f.path);
        if (it == onDisk.constEnd())
            s.status = FileStatus::Planned;
        else
            s.status = sameText(*it, f.text) ? FileStatus::UpToDate : FileStatus::Differs;
        states.append(s);
    }
    for (auto it = onDisk.constBegin(); it != onDisk.constEnd(); ++it) {
        if (!planned.contains(it.key()))
            states.append({it.key(), FileStatus::OnDiskOnly, nullptr});
    }
    // Usually only the on-disk-only files are out of order: a plan's files come sorted.
    const auto byPath = [](const FileState &a, const FileState &b) { return a.path < b.path; };
    if (!std::is_sorted(states.cbegin(), states.cend(), byPath))
        std::sort(states.begin(), states.end(), byPath);
    return states;
}

} // namespace Fluxdesk
