#include "inventoryexport.h"

#include "core/privatefile.h"
#include "kube/inventory.h"
#include "kube/snapshot.h"
#include "manifest/manifestnaming.h"
#include "manifest/yamlwriter.h"
#include "repo/repopath.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>

namespace Fluxdesk {

namespace {

struct KindRef
{
    const char *group;
    const char *kind;
};

// Objects of the given kinds, kind by kind (the order kubectl prints a comma-joined get).
QList<QJsonObject> objectsOfKinds(const Inventory &inventory, std::initializer_list<KindRef> kinds)
{
    QList<QJsonObject> objects;
    for (const KindRef &ref : kinds) {
        const auto entries =
            inventory.entriesOfKind(QLatin1String(ref.group), QLatin1String(ref.kind));
        for (const InventoryEntry *entry : entries)
            objects.append(entry->object);
    }
    return objects;
}

QByteArray nameLines(const Inventory &inventory, const KindRef &ref, const QString &prefix)
{
    QStringList names;
    const auto entries = inventory.entriesOfKind(QLatin1String(ref.group), QLatin1String(ref.kind));
    for (const InventoryEntry *entry : entries)
        names.append(entry->key.name);
    names.sort();
    QByteArray out;
    for (const QString &name : qAsConst(names))
        out += (prefix + name).toUtf8() + '\n';
    return out;
}

// Go's time.Format("2006-01-02 15:04:05.999999999 -0700 MST") for a UTC time, as Helm prints it.
QString helmTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    const QDateTime utc = time.toUTC();
    QString text = utc.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    const int ms = utc.time().msec();
    if (ms > 0) {
        QString fraction = QStringLiteral("%1").arg(ms, 3, 10, QLatin1Char('0'));
        while (fraction.endsWith(QLatin1Char('0')))
            fraction.chop(1);
        text += QLatin1Char('.') + fraction;
    }
    return text + QLatin1String(" +0000 UTC");
}

QString valuesFileName(const HelmRelease &release, const QHash<QString, int> &nameCounts)
{
    // Names come from the cluster: made safe by the one sanitiser, never a path.
    if (nameCounts.value(release.name) > 1)
        return sanitiseFileName(
            QStringLiteral("helm-values-%1-%2.yaml").arg(release.ns, release.name));
    return sanitiseFileName(QStringLiteral("helm-values-%1.yaml").arg(release.name));
}

} // namespace

QJsonObject helmListEntry(const HelmRelease &release)
{
    QJsonObject entry;
    entry.insert(QStringLiteral("name"), release.name);
    entry.insert(QStringLiteral("namespace"), release.ns);
    entry.insert(QStringLiteral("revision"), QString::number(release.revision));
    entry.insert(QStringLiteral("updated"), helmTime(release.lastDeployed));
    entry.insert(QStringLiteral("status"), release.status);
    entry.insert(QStringLiteral("chart"),
                 QString(release.chartName + QLatin1Char('-') + release.chartVersion));
    entry.insert(QStringLiteral("app_version"), release.appVersion);
    return entry;
}

QList<InventoryFile> inventoryFiles(const Inventory &inventory)
{
    QList<InventoryFile> files;
    const auto yamlList = [](const QList<QJsonObject> &objects) {
        return renderSnapshot(objects, SnapshotFormat::Yaml);
    };

    files.append({QStringLiteral("namespaces.txt"),
                  nameLines(inventory, {"", "Namespace"}, QStringLiteral("namespace/"))});

    const QList<HelmRelease> releases = inventory.helmReleases();
    QJsonArray list;
    for (const HelmRelease &release : releases)
        list.append(helmListEntry(release));
    files.append({QStringLiteral("helm-releases.yaml"), toYaml(list).toUtf8()});

    files.append({QStringLiteral("workloads.yaml"),
                  yamlList(objectsOfKinds(
                      inventory,
                      {{"apps", "Deployment"}, {"apps", "StatefulSet"}, {"apps", "DaemonSet"}}))});
    files.append(
        {QStringLiteral("services.yaml"), yamlList(objectsOfKinds(inventory, {{"", "Service"}}))});
    files.append({QStringLiteral("storage.yaml"),
                  yamlList(objectsOfKinds(
                      inventory, {{"", "PersistentVolume"}, {"", "PersistentVolumeClaim"}}))});
    files.append({QStringLiteral("crds.txt"),
                  nameLines(inventory, {"apiextensions.k8s.io", "CustomResourceDefinition"},
                            QStringLiteral("customresourcedefinition.apiextensions.k8s.io/"))});
    files.append({QStringLiteral("storageclasses.yaml"),
                  yamlList(objectsOfKinds(inventory, {{"storage.k8s.io", "StorageClass"}}))});

    QHash<QString, int> nameCounts;
    for (const HelmRelease &release : releases)
        ++nameCounts[release.name];
    for (const HelmRelease &release : releases)
        files.append({valuesFileName(release, nameCounts), toYaml(release.values).toUtf8()});
    return files;
}

Result<QStringList> writeInventoryFiles(const QString &dir, const QList<InventoryFile> &files)
{
    if (!QDir().mkpath(dir)) {
        return Error(
            QCoreApplication::translate("Fluxdesk::InventoryExport", "cannot create the folder"),
            dir);
    }
    // Every path checked before any is written: each lands in dir itself, not through a link.
    RepositoryPaths inside(dir);
    QStringList paths;
    for (const InventoryFile &file : files) {
        const Result<QString> path = inside.resolve(file.fileName);
        if (!path)
            return path.error();
        paths.append(*path);
    }
    QStringList written;
    for (qsizetype i = 0; i < files.size(); ++i) {
        // Helm values hold passwords, the workloads their env: every file the owner's alone.
        const Result<bool> saved = writePrivateFile(paths.at(i), files.at(i).content);
        if (!saved)
            return saved.error();
        written.append(paths.at(i));
    }
    return written;
}

} // namespace Fluxdesk
