#include "planner.h"

#include "helm/helmreleasegenerator.h"
#include "kube/inventory.h"
#include "kube/snapshot.h"
#include "manifest/splitter.h"
#include "manifest/yamljson.h"
#include "manifest/yamlwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

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

QJsonObject fluxKustomization(const QString &name, const QString &path, const QString &dependsOn)
{
    QJsonObject spec{{QStringLiteral("interval"), QStringLiteral("10m")},
                     {QStringLiteral("retryInterval"), QStringLiteral("1m")},
                     {QStringLiteral("timeout"), QStringLiteral("5m")},
                     {QStringLiteral("sourceRef"),
                      QJsonObject{{QStringLiteral("kind"), QStringLiteral("GitRepository")},
                                  {QStringLiteral("name"), QStringLiteral("flux-system")}}},
                     {QStringLiteral("path"), path},
                     {QStringLiteral("prune"), true},
                     {QStringLiteral("wait"), true}};
    if (!dependsOn.isEmpty())
        spec.insert(QStringLiteral("dependsOn"),
                    QJsonArray{QJsonObject{{QStringLiteral("name"), dependsOn}}});
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("kustomize.toolkit.fluxcd.io/v1")},
        {QStringLiteral("kind"), QStringLiteral("Kustomization")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name},
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

bool isDefaultStorageClass(const QJsonObject &object)
{
    const QJsonObject annotations = object.value(QLatin1String("metadata"))
                                        .toObject()
                                        .value(QLatin1String("annotations"))
                                        .toObject();
    return annotations.value(QLatin1String("storageclass.kubernetes.io/is-default-class"))
               .toString() == QLatin1String("true");
}

// PVCs a StatefulSet creates from its volumeClaimTemplates ("<template>-<set>-<ordinal>"):
// the StatefulSet re-creates them, so writing them would fight it.
QHash<QString, QString> statefulSetClaims(const Inventory &inventory)
{
    QHash<QString, QString> patterns; // namespace + '\n' + "<template>-<set>-" -> "ns/set"
    const auto sets =
        inventory.entriesOfKind(QStringLiteral("apps"), QStringLiteral("StatefulSet"));
    for (const InventoryEntry *e : sets) {
        const QJsonArray templates = e->object.value(QLatin1String("spec"))
                                         .toObject()
                                         .value(QLatin1String("volumeClaimTemplates"))
                                         .toArray();
        for (const QJsonValue &t : templates) {
            const QString name = t.toObject()
                                     .value(QLatin1String("metadata"))
                                     .toObject()
                                     .value(QLatin1String("name"))
                                     .toString();
            if (!name.isEmpty())
                patterns.insert(e->key.ns + QLatin1Char('\n') + name + QLatin1Char('-') +
                                    e->key.name + QLatin1Char('-'),
                                e->key.ns + QLatin1Char('/') + e->key.name);
        }
    }
    return patterns;
}

QString claimingStatefulSet(const QHash<QString, QString> &patterns, const ObjectKey &key)
{
    static const QRegularExpression ordinal(QStringLiteral("^[0-9]+$"));
    for (auto it = patterns.constBegin(); it != patterns.constEnd(); ++it) {
        const qsizetype nl = it.key().indexOf(QLatin1Char('\n'));
        const QString ns = it.key().left(nl);
        const QString prefix = it.key().mid(nl + 1);
        if (ns == key.ns && key.name.startsWith(prefix) &&
            ordinal.match(key.name.mid(prefix.size())).hasMatch())
            return it.value();
    }
    return {};
}

bool isKustomizationFile(const QString &path)
{
    const QString name = baseName(path);
    return name == QLatin1String("kustomization.yaml") ||
           name == QLatin1String("kustomization.yml");
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
    for (const QByteArray &line : text.split('\n')) {
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
    Builder(const RepositoryFiles &existing, const QHash<ObjectKey, QString> &placements)
        : m_existing(existing), m_placements(placements)
    {
        for (auto it = existing.constBegin(); it != existing.constEnd(); ++it) {
            if (isKustomizationFile(it.key())) {
                const Result<QJsonValue> k = parseYamlValue(it.value(), it.key());
                if (k && k->isObject()) {
                    const QJsonArray resources =
                        k->toObject().value(QLatin1String("resources")).toArray();
                    for (const QJsonValue &r : resources)
                        m_existingResources[folderOf(it.key())].append(r.toString());
                }
                continue;
            }
            // Objects already in single-document files keep their place.
            ObjectKey key;
            if (quickKey(it.value(), &key)) {
                m_existingPaths.insert(key, it.key());
                continue;
            }
            const Result<QList<QJsonObject>> objects = parseSnapshotData(it.value(), it.key());
            if (objects && objects->size() == 1)
                m_existingPaths.insert(ObjectKey::of(objects->first()), it.key());
        }
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
        QString path = wantedPath;
        const ObjectKey own = ObjectKey::of(object);
        const QString placed = m_placements.value(own);
        const QString existing = m_existingPaths.value(own);
        // Only a place the kustomize roots reach counts; elsewhere it would never be applied.
        if (!existing.isEmpty() && !m_files.contains(existing) &&
            (existing.startsWith(infrastructureRoot + QLatin1Char('/')) ||
             existing.startsWith(workloadsRoot + QLatin1Char('/'))) &&
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
        file.text = rendered(object);
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
        for (const QString &path : m_files.keys()) {
            if (path.startsWith(infrastructureRoot + QLatin1Char('/')) ||
                path.startsWith(workloadsRoot + QLatin1Char('/')))
                note(path);
        }
        for (auto it = children.constBegin(); it != children.constEnd(); ++it) {
            if (!(it.key() == infrastructureRoot || it.key() == workloadsRoot ||
                  it.key().startsWith(infrastructureRoot + QLatin1Char('/')) ||
                  it.key().startsWith(workloadsRoot + QLatin1Char('/'))))
                continue;
            QSet<QString> listed = it.value();
            // What the user listed by hand and still exists stays listed: their additions are
            // kept, not fought over.
            for (const QString &entry : m_existingResources.value(it.key())) {
                if (!entry.isEmpty() && !entry.contains(QLatin1String("..")) &&
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
            const QJsonObject k{
                {QStringLiteral("apiVersion"), QStringLiteral("kustomize.config.k8s.io/v1beta1")},
                {QStringLiteral("kind"), QStringLiteral("Kustomization")},
                {QStringLiteral("resources"), QJsonArray::fromStringList(entries)}};
            PlannedFile file;
            // A folder whose kustomization is spelled .yml keeps that name: kustomize refuses a
            // folder with both.
            const QString yml = it.key() + QLatin1String("/kustomization.yml");
            file.path =
                m_existing.contains(yml) &&
                        !m_existing.contains(it.key() + QLatin1String("/kustomization.yaml"))
                    ? yml
                    : it.key() + QLatin1String("/kustomization.yaml");
            file.text = rendered(k);
            file.kind = PlannedFileKind::Kustomization;
            m_files.insert(file.path, file);
        }
    }

    QList<PlannedFile> files() const { return m_files.values(); }

private:
    RepositoryFiles m_existing;
    QHash<ObjectKey, QString> m_placements;
    QHash<QString, QStringList> m_existingResources; // folder -> its kustomization's resources
    QHash<ObjectKey, QString> m_existingPaths;
    QMap<QString, PlannedFile> m_files;
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

bool isValidClusterName(const QString &name)
{
    static const QRegularExpression label(QStringLiteral("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"));
    return label.match(name).hasMatch();
}

const PlannedFile *Plan::file(const QString &path) const
{
    for (const PlannedFile &f : files) {
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

Plan planRepository(const Inventory &inventory, const PlanOptions &options,
                    const RepositoryFiles &existing)
{
    Plan plan;
    plan.cluster = options.cluster;
    plan.bootstrapPaths.append(QStringLiteral("clusters/%1/flux-system/").arg(options.cluster));
    Builder builder(existing, options.placements);

    const QList<const InventoryEntry *> entries = inventory.entries();
    QList<QJsonObject> objects;
    objects.reserve(entries.size());
    for (const InventoryEntry *e : entries)
        objects.append(e->object);
    const CleanContext cleanContext = cleanContextFor(objects);
    const QHash<QString, QString> claims = statefulSetClaims(inventory);
    const QStringList controllers = controllerCharts();

    // 1. Entry points.
    const QString clusterDir = QStringLiteral("clusters/") + options.cluster;
    builder.add(clusterDir + QLatin1String("/infrastructure.yaml"),
                PlannedFileKind::FluxKustomization,
                fluxKustomization(QStringLiteral("infrastructure"),
                                  QStringLiteral("./infrastructure"), QString()),
                {});
    builder.add(clusterDir + QLatin1String("/workloads.yaml"), PlannedFileKind::FluxKustomization,
                fluxKustomization(QStringLiteral("workloads"), QStringLiteral("./workloads"),
                                  QStringLiteral("infrastructure")),
                {});

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
    QSet<QString> excludedReleases; // "ns/name" the user left out
    for (auto it = releasesByNs.constBegin(); it != releasesByNs.constEnd(); ++it) {
        const QString &ns = it.key();
        QString stackName = ns;
        if (stackName == QLatin1String("sources") || stackName == QLatin1String("controllers") ||
            stackName == QLatin1String("storage") || stackName == QLatin1String("cluster"))
            stackName += QLatin1String("-namespace");
        for (const HelmRelease &r : it.value()) {
            const QString id = r.ns + QLatin1Char('/') + r.name;
            if (options.excludedObjects.contains(ObjectKey{QStringLiteral("helm.toolkit.fluxcd.io"),
                                                           QStringLiteral("HelmRelease"), r.ns,
                                                           r.name})) {
                excludedReleases.insert(id);
                continue;
            }
            const Result<HelmConversion> conversion = convertHelmRelease(
                r, resolveChartSource(r, options.chartSources), HelmConversionOptions());
            if (!conversion) {
                Problem p;
                p.severity = Problem::Severity::Warning;
                p.rule = QStringLiteral("plan-helm-release");
                p.message = conversion.error().message;
                plan.problems.append(p);
                continue;
            }
            for (const Problem &p : conversion->problems) {
                if (p.severity != Problem::Severity::Info)
                    plan.problems.append(p);
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
            releasePath.insert(id, builder.add(path, PlannedFileKind::HelmRelease,
                                               conversion->helmRelease, releaseObjects.value(id)));
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
        if (o == Ownership::FluxManaged) {
            exclude(e, tr("Already reconciled by Flux."));
            continue;
        }
        if (o != Ownership::UserManaged) {
            exclude(e, e->classification.reason);
            continue;
        }
        if (isCore(e->key, "Namespace") && e->key.name == QLatin1String("default")) {
            exclude(e, tr("The default namespace, which Kubernetes creates itself."));
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
        if (isCore(e->key, "PersistentVolume") &&
            cleanContext.dynamicVolumes.contains(e->key.name)) {
            exclude(e, tr("Provisioned dynamically: its claim creates it again."));
            continue;
        }
        if (e->key.group == QLatin1String("storage.k8s.io") &&
            e->key.kind == QLatin1String("StorageClass") && isDefaultStorageClass(e->object)) {
            exclude(e, tr("The cluster's default StorageClass, which K3s installs."));
            continue;
        }
        if (isCore(e->key, "PersistentVolumeClaim")) {
            const QString set = claimingStatefulSet(claims, e->key);
            if (!set.isEmpty()) {
                exclude(e, tr("Created by StatefulSet %1 from its volumeClaimTemplates.").arg(set));
                continue;
            }
        }
        placed.append(e);
        if (!e->key.ns.isEmpty())
            namespacesWithContent.insert(e->key.ns);
    }
    for (const InventoryEntry *e : namespaceObjects)
        namespacesWithContent.insert(e->key.name);
    for (const QString &ns : releasesByNs.keys())
        namespacesWithContent.insert(ns);

    for (const InventoryEntry *e : placed) {
        const CleanResult cleaned = cleanObject(e->object, options.cleanRules, cleanContext);
        QString folder;
        if (e->key.ns.isEmpty()) {
            if (isCore(e->key, "PersistentVolume") ||
                (e->key.group == QLatin1String("storage.k8s.io") &&
                 e->key.kind == QLatin1String("StorageClass")))
                folder = QStringLiteral("infrastructure/storage");
            else
                folder = QStringLiteral("infrastructure/cluster");
        } else {
            folder = nsFolder.value(e->key.ns, QStringLiteral("workloads/") + e->key.ns);
        }
        const bool secret = isCore(e->key, "Secret");
        const QString path =
            builder.add(folder + QLatin1Char('/') +
                            fileNameFor(cleaned.object, QStringLiteral("{name}-{kind}.yaml")),
                        PlannedFileKind::Manifest, cleaned.object, {e->key}, secret);
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
        const QJsonObject object =
            nsEntry ? cleanObject(nsEntry->object, options.cleanRules, cleanContext).object
                    : minimalNamespace(ns);
        QList<ObjectKey> keys;
        if (nsEntry)
            keys.append(nsEntry->key);
        builder.add(folder + QLatin1String("/namespace.yaml"), PlannedFileKind::Namespace, object,
                    keys);
    }

    builder.addKustomizations();
    plan.files = builder.files();
    std::sort(plan.excluded.begin(), plan.excluded.end(),
              [](const ExcludedObject &a, const ExcludedObject &b) { return a.key < b.key; });
    return plan;
}

RepositoryFiles readRepositoryFiles(const QString &repoDir)
{
    RepositoryFiles files;
    const QDir repo(repoDir);
    for (const QLatin1String root :
         {QLatin1String("clusters"), infrastructureRoot, workloadsRoot}) {
        QDirIterator it(repo.filePath(root), {QStringLiteral("*.yaml"), QStringLiteral("*.yml")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString absolute = it.next();
            const QString relative = repo.relativeFilePath(absolute);
            const QStringList parts = relative.split(QLatin1Char('/'));
            if (parts.size() > 2 && parts.at(0) == QLatin1String("clusters") &&
                parts.at(2) == QLatin1String("flux-system"))
                continue;
            QFile file(absolute);
            if (file.open(QIODevice::ReadOnly))
                files.insert(relative, file.readAll());
        }
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

QList<FileState> compareWithRepository(const Plan &plan, const RepositoryFiles &onDisk)
{
    QList<FileState> states;
    QSet<QString> planned;
    for (const PlannedFile &f : plan.files) {
        planned.insert(f.path);
        FileState s;
        s.path = f.path;
        s.file = &f;
        const auto it = onDisk.constFind(f.path);
        if (it == onDisk.constEnd())
            s.status = FileStatus::Planned;
        else
            s.status = *it == f.text.toUtf8() ? FileStatus::UpToDate : FileStatus::Differs;
        states.append(s);
    }
    for (auto it = onDisk.constBegin(); it != onDisk.constEnd(); ++it) {
        if (!planned.contains(it.key()))
            states.append({it.key(), FileStatus::OnDiskOnly, nullptr});
    }
    std::sort(states.begin(), states.end(),
              [](const FileState &a, const FileState &b) { return a.path < b.path; });
    return states;
}

} // namespace Fluxdesk
