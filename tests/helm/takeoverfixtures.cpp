#include "takeoverfixtures.h"

#include "helmfixtures.h"
#include "kube/resourcetype.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace Fluxdesk::Testing {

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

QJsonObject withMetadata(QJsonObject object, const std::function<void(QJsonObject &)> &change)
{
    QJsonObject metadata = object.value(s("metadata")).toObject();
    change(metadata);
    object.insert(s("metadata"), metadata);
    return object;
}

QJsonObject labelled(const QJsonObject &object, const QString &key, const QString &value,
                     const QString &nsKey, const QString &nsValue)
{
    return withMetadata(object, [&](QJsonObject &metadata) {
        QJsonObject labels = metadata.value(s("labels")).toObject();
        labels.insert(key, value);
        labels.insert(nsKey, nsValue);
        metadata.insert(s("labels"), labels);
    });
}

QList<QJsonObject> clusterAfterTakeover(const QList<QJsonObject> &before,
                                        const TakeoverBaseline &baseline,
                                        const QString &kustomization)
{
    QSet<ObjectKey> fluxApplied;
    for (const TakeoverObject &object : baseline.objects)
        fluxApplied.insert(object.key);
    QHash<ObjectKey, QString> releaseOf;
    for (const TakeoverRelease &release : baseline.releases) {
        for (const TakeoverObject &workload : release.workloads)
            releaseOf.insert(workload.key, release.name);
    }
    QList<QJsonObject> after;
    for (const QJsonObject &object : before) {
        const ObjectKey key = ObjectKey::of(object);
        if (fluxApplied.contains(key))
            after.append(labelled(object, s("kustomize.toolkit.fluxcd.io/name"), kustomization,
                                  s("kustomize.toolkit.fluxcd.io/namespace"), s("flux-system")));
        else if (releaseOf.contains(key))
            after.append(labelled(object, s("helm.toolkit.fluxcd.io/name"), releaseOf.value(key),
                                  s("helm.toolkit.fluxcd.io/namespace"), key.ns));
        else
            after.append(object);
    }
    for (const TakeoverRelease &release : baseline.releases) {
        const QString chart = release.chart.section(QLatin1Char('-'), 0, -2);
        const QString version = release.chart.section(QLatin1Char('-'), -1);
        const QJsonObject next = helmReleaseSecret(
            helmReleaseJson(release.name, release.storageNamespace, release.revision + 1,
                            s("deployed"), chart, version, QJsonObject()));
        after.append(withMetadata(next, [](QJsonObject &m) { m.insert(s("uid"), s("next")); }));
        const QJsonObject ready{{s("type"), s("Ready")},
                                {s("status"), s("True")},
                                {s("reason"), s("UpgradeSucceeded")},
                                {s("message"), s("upgraded")}};
        after.append(
            QJsonObject{{s("apiVersion"), s("helm.toolkit.fluxcd.io/v2")},
                        {s("kind"), s("HelmRelease")},
                        {s("metadata"), QJsonObject{{s("name"), release.helmRelease.name},
                                                    {s("namespace"), release.helmRelease.ns},
                                                    {s("uid"), QString(s("hr-") + release.name)}}},
                        {s("status"), QJsonObject{{s("conditions"), QJsonArray{ready}}}}});
    }
    return after;
}

bool writeSnapshotList(const QString &path, const QList<QJsonObject> &objects)
{
    QJsonArray items;
    for (const QJsonObject &object : objects)
        items.append(object);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    const QByteArray bytes =
        QJsonDocument(
            QJsonObject{{s("apiVersion"), s("v1")}, {s("kind"), s("List")}, {s("items"), items}})
            .toJson();
    return file.write(bytes) == bytes.size();
}

} // namespace Fluxdesk::Testing
