#include "fakehelmstorage.h"

#include "fakeapply.h"
#include "fakeflux.h"
#include "helmfixtures.h"
#include "kube/helmreleaserecord.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>

namespace Fluxdesk::Testing {

using namespace FakeFluxSupport;

QString fakeFluxReleaseName(const QJsonObject &helmRelease)
{
    QString name = text(helmRelease, QStringLiteral("spec.releaseName"));
    if (name.isEmpty()) {
        const QString target = text(helmRelease, QStringLiteral("spec.targetNamespace"));
        name = target.isEmpty() ? nameOf(helmRelease)
                                : target + QLatin1Char('-') + nameOf(helmRelease);
    }
    if (name.size() <= 53)
        return name;
    // Helm refuses names over 53 characters; helm-controller keeps a prefix and a hash.
    return (name.left(40) + QLatin1Char('-') + sha256Hex(name).left(12)).toLower();
}

QString fakeFluxStorageNamespace(const QJsonObject &helmRelease)
{
    const QString storage = text(helmRelease, QStringLiteral("spec.storageNamespace"));
    return storage.isEmpty() ? namespaceOf(helmRelease) : storage;
}

namespace FakeHelmStorage {

namespace {

const QString helmGroup = QStringLiteral("helm.toolkit.fluxcd.io");
const QString sourceGroup = QStringLiteral("source.toolkit.fluxcd.io");

int recordVersion(const QJsonObject &record)
{
    return label(record, QStringLiteral("version")).toInt();
}

bool exactVersion(const QString &version)
{
    static const QRegularExpression semver(QStringLiteral("^v?\\d+\\.\\d+\\.\\d+([-+].*)?$"));
    return semver.match(version).hasMatch();
}

// A release record's Secret for this JSON, in the storage namespace.
QJsonObject recordSecret(const QJsonObject &releaseJson, const QString &storageNs)
{
    QJsonObject secret = helmReleaseSecret(releaseJson);
    QJsonObject metadata = secret.value(QLatin1String("metadata")).toObject();
    metadata.insert(QStringLiteral("namespace"), storageNs);
    secret.insert(QStringLiteral("metadata"), metadata);
    return secret;
}

QJsonObject releaseJson(const QString &name, const QString &ns, int revision, const QString &status,
                        const QString &chart, const QString &version, const QJsonObject &values,
                        const std::optional<HelmRelease> &previous, const QString &description,
                        const QDateTime &now)
{
    QJsonObject json = helmReleaseJson(name, ns, revision, status, chart, version, values,
                                       previous ? previous->chartValues : QJsonObject());
    json.insert(QStringLiteral("manifest"), previous ? previous->manifest : QString());
    QJsonObject info = json.value(QLatin1String("info")).toObject();
    const QString deployed = now.toUTC().toString(Qt::ISODateWithMs);
    info.insert(QStringLiteral("first_deployed"), deployed);
    info.insert(QStringLiteral("last_deployed"), deployed);
    info.insert(QStringLiteral("description"), description);
    json.insert(QStringLiteral("info"), info);
    return json;
}

// The stored record again with another status (superseded), its payload re-encoded.
QJsonObject superseded(const QJsonObject &record, const std::optional<HelmRelease> &release,
                       const QDateTime &now)
{
    QJsonObject out = record;
    QJsonObject metadata = out.value(QLatin1String("metadata")).toObject();
    QJsonObject labels = metadata.value(QLatin1String("labels")).toObject();
    labels.insert(QStringLiteral("status"), QStringLiteral("superseded"));
    metadata.insert(QStringLiteral("labels"), labels);
    out.insert(QStringLiteral("metadata"), metadata);
    if (release) {
        QJsonObject json =
            releaseJson(release->name, release->ns, release->revision, QStringLiteral("superseded"),
                        release->chartName, release->chartVersion, release->values, release,
                        QStringLiteral("Superseded"), now);
        QJsonObject info = json.value(QLatin1String("info")).toObject();
        const QString last = release->lastDeployed.toUTC().toString(Qt::ISODateWithMs);
        info.insert(QStringLiteral("first_deployed"), last);
        info.insert(QStringLiteral("last_deployed"), last);
        json.insert(QStringLiteral("info"), info);
        out.insert(QStringLiteral("data"),
                   recordSecret(json, namespaceOf(record)).value(QLatin1String("data")));
    }
    return out;
}

QJsonObject snapshot(const QJsonObject &json, const QString &configDigest)
{
    const QJsonObject info = json.value(QLatin1String("info")).toObject();
    const QJsonObject chart = at(json, QStringLiteral("chart.metadata")).toObject();
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("helm.toolkit.fluxcd.io/v2")},
        {QStringLiteral("name"), json.value(QLatin1String("name"))},
        {QStringLiteral("namespace"), json.value(QLatin1String("namespace"))},
        {QStringLiteral("version"), json.value(QLatin1String("version"))},
        {QStringLiteral("status"), info.value(QLatin1String("status"))},
        {QStringLiteral("chartName"), chart.value(QLatin1String("name"))},
        {QStringLiteral("chartVersion"), chart.value(QLatin1String("version"))},
        {QStringLiteral("appVersion"), chart.value(QLatin1String("appVersion"))},
        {QStringLiteral("configDigest"), configDigest},
        {QStringLiteral("digest"),
         QString(QStringLiteral("sha256:") +
                 sha256Hex(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact))))},
        {QStringLiteral("firstDeployed"),
         timestamp(QDateTime::fromString(info.value(QLatin1String("first_deployed")).toString(),
                                         Qt::ISODateWithMs))},
        {QStringLiteral("lastDeployed"),
         timestamp(QDateTime::fromString(info.value(QLatin1String("last_deployed")).toString(),
                                         Qt::ISODateWithMs))}};
}

// The object labelled as helm-controller's post-renderer labels what it deploys.
QJsonObject withOrigin(QJsonObject object, const QJsonObject &hr, const QDateTime &now)
{
    QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    QJsonObject labels = metadata.value(QLatin1String("labels")).toObject();
    labels.insert(QStringLiteral("helm.toolkit.fluxcd.io/name"), nameOf(hr));
    labels.insert(QStringLiteral("helm.toolkit.fluxcd.io/namespace"), namespaceOf(hr));
    metadata.insert(QStringLiteral("labels"), labels);
    QJsonArray managed;
    for (const QJsonValue &entry : metadata.value(QLatin1String("managedFields")).toArray()) {
        if (entry.toObject().value(QLatin1String("manager")).toString() !=
            QLatin1String("helm-controller"))
            managed.append(entry);
    }
    managed.append(
        QJsonObject{{QStringLiteral("manager"), QStringLiteral("helm-controller")},
                    {QStringLiteral("operation"), QStringLiteral("Update")},
                    {QStringLiteral("apiVersion"), object.value(QLatin1String("apiVersion"))},
                    {QStringLiteral("time"), timestamp(now)},
                    {QStringLiteral("fieldsType"), QStringLiteral("FieldsV1")},
                    {QStringLiteral("fieldsV1"), QJsonObject{}}});
    metadata.insert(QStringLiteral("managedFields"), managed);
    object.insert(QStringLiteral("metadata"), metadata);
    return object;
}

// The object as a fresh create makes it: a new uid, no server-kept fields.
QJsonObject recreated(const QJsonObject &live, const QJsonObject &hr, const QDateTime &now)
{
    QJsonObject object = live;
    object.remove(QStringLiteral("status"));
    QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    for (const char *key :
         {"uid", "resourceVersion", "creationTimestamp", "generation", "managedFields"})
        metadata.remove(QLatin1String(key));
    const QUuid space(QStringLiteral("{3f1b8a52-8c3e-4b1e-9f0a-2d7c6e5b4a19}"));
    metadata.insert(QStringLiteral("uid"),
                    QUuid::createUuidV5(space, objectKey(live) + QLatin1Char('|') +
                                                   QString::number(now.toMSecsSinceEpoch()))
                        .toString(QUuid::WithoutBraces));
    object.insert(QStringLiteral("metadata"), metadata);
    return withOrigin(object, hr, now);
}

} // namespace

QList<QJsonObject> releaseRecords(const World &world, const QString &storageNs,
                                  const QString &releaseName)
{
    QList<QJsonObject> records;
    for (const QJsonObject &o : world.all()) {
        if (o.value(QLatin1String("kind")).toString() != QLatin1String("Secret") ||
            !groupOf(o).isEmpty() || namespaceOf(o) != storageNs ||
            label(o, QStringLiteral("owner")) != QLatin1String("helm") ||
            label(o, QStringLiteral("name")) != releaseName)
            continue;
        records.append(o);
    }
    std::sort(records.begin(), records.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return recordVersion(a) < recordVersion(b);
    });
    return records;
}

std::optional<Outcome> reconcile(const QJsonObject &hr, const World &world, const QDateTime &now,
                                 bool reinstall)
{
    const QString request = annotation(hr, QStringLiteral("reconcile.fluxcd.io/requestedAt"));
    const QString forceAt = annotation(hr, QStringLiteral("reconcile.fluxcd.io/forceAt"));
    const QString resetAt = annotation(hr, QStringLiteral("reconcile.fluxcd.io/resetAt"));
    // helm-controller honours force and reset only with a requestedAt of the same value.
    const bool force = !forceAt.isEmpty() && forceAt == request &&
                       forceAt != text(hr, QStringLiteral("status.lastHandledForceAt"));
    const bool reset = !resetAt.isEmpty() && resetAt == request &&
                       resetAt != text(hr, QStringLiteral("status.lastHandledResetAt"));
    const QString reason = readyReason(hr);
    const bool waiting = reason == QLatin1String("DependencyNotReady") ||
                         reason == QLatin1String("ArtifactFailed") || neverDone(hr);

    const QString hrNs = namespaceOf(hr);
    const QString releaseName = fakeFluxReleaseName(hr);
    const QString target = text(hr, QStringLiteral("spec.targetNamespace"));
    const QString releaseNs = target.isEmpty() ? hrNs : target;
    const QString storageNs = fakeFluxStorageNamespace(hr);
    const QList<QJsonObject> records = releaseRecords(world, storageNs, releaseName);
    const int latest = records.isEmpty() ? 0 : recordVersion(records.last());
    const QJsonArray history = at(hr, QStringLiteral("status.history")).toArray();
    const int historyVersion =
        history.isEmpty() ? 0 : history.first().toObject().value(QLatin1String("version")).toInt();
    const bool drifted = latest != historyVersion;
    if (!newGeneration(hr) && !requested(hr) && !waiting && !drifted && !force && !reset)
        return std::nullopt;

    Outcome outcome;
    QJsonObject status = baseStatus(hr);
    if (reset) {
        for (const char *key : {"failures", "installFailures", "upgradeFailures"})
            status.remove(QLatin1String(key));
        status.insert(QStringLiteral("lastHandledResetAt"), resetAt);
    }
    if (force)
        status.insert(QStringLiteral("lastHandledForceAt"), forceAt);
    const auto fail = [&](const QString &why, const QString &message) -> std::optional<Outcome> {
        outcome.object = withStatus(hr, readyStatus(hr, status, false, why, message, now));
        if (outcome.object == hr)
            return std::nullopt;
        outcome.eventType = QStringLiteral("Normal");
        outcome.eventReason = why;
        outcome.eventMessage = message;
        return outcome;
    };

    // The chart's source must be Ready: chartRef (OCIRepository, HelmChart) or the HelmChart
    // helm-controller makes from chart.spec ("<namespace>-<name>" in the source's namespace).
    QString chartName = text(hr, QStringLiteral("spec.chart.spec.chart"));
    QString chartVersion = text(hr, QStringLiteral("spec.chart.spec.version"));
    if (at(hr, QStringLiteral("spec.chartRef")).isObject()) {
        const QString kind = text(hr, QStringLiteral("spec.chartRef.kind"));
        const QString name = text(hr, QStringLiteral("spec.chartRef.name"));
        QString ns = text(hr, QStringLiteral("spec.chartRef.namespace"));
        if (ns.isEmpty())
            ns = hrNs;
        const auto source = world.find(sourceGroup, kind, ns, name);
        if (!source || !readyNow(*source))
            return fail(QStringLiteral("ArtifactFailed"),
                        QStringLiteral("%1 '%2/%3' is not ready").arg(kind, ns, name));
        const QString url = text(*source, QStringLiteral("spec.url"));
        chartName = url.mid(url.lastIndexOf(QLatin1Char('/')) + 1);
        chartVersion = text(*source, QStringLiteral("spec.ref.tag"));
    } else {
        const QString kind = text(hr, QStringLiteral("spec.chart.spec.sourceRef.kind"));
        const QString name = text(hr, QStringLiteral("spec.chart.spec.sourceRef.name"));
        QString ns = text(hr, QStringLiteral("spec.chart.spec.sourceRef.namespace"));
        if (ns.isEmpty())
            ns = hrNs;
        const QString helmChart = ns + QLatin1Char('/') + hrNs + QLatin1Char('-') + nameOf(hr);
        status.insert(QStringLiteral("helmChart"), helmChart);
        const auto source = world.find(sourceGroup, kind, ns, name);
        if (!source || !readyNow(*source))
            return fail(QStringLiteral("ArtifactFailed"),
                        QStringLiteral("HelmChart '%1' is not ready: %2 '%3/%4' is not ready")
                            .arg(helmChart, kind, ns, name));
    }
    for (const QJsonValue &value : at(hr, QStringLiteral("spec.dependsOn")).toArray()) {
        QString ns = value.toObject().value(QLatin1String("namespace")).toString();
        if (ns.isEmpty())
            ns = hrNs;
        const QString name = value.toObject().value(QLatin1String("name")).toString();
        const auto dependency = world.find(helmGroup, QStringLiteral("HelmRelease"), ns, name);
        if (!dependency || !readyNow(*dependency))
            return fail(QStringLiteral("DependencyNotReady"),
                        QStringLiteral("dependency '%1/%2' is not ready").arg(ns, name));
    }

    std::optional<HelmRelease> previous;
    if (!records.isEmpty()) {
        const Result<HelmRelease> decoded = decodeHelmReleaseObject(records.last());
        if (decoded)
            previous = *decoded;
    }
    if (!exactVersion(chartVersion))
        chartVersion = previous && previous->chartName == chartName ? previous->chartVersion
                                                                    : QStringLiteral("1.0.0");
    const bool inSync = !newGeneration(hr) && !force && !drifted && !waiting &&
                        conditionTrue(hr, QStringLiteral("Ready"));
    if (inSync) {
        // Asked to reconcile, nothing changed: no new revision, the request recorded.
        outcome.object = withStatus(hr, status);
        return outcome.object == hr ? std::nullopt : std::optional<Outcome>(outcome);
    }

    const QJsonObject values = at(hr, QStringLiteral("spec.values")).toObject();
    const QString configDigest =
        QStringLiteral("sha256:") +
        sha256Hex(QString::fromUtf8(QJsonDocument(values).toJson(QJsonDocument::Compact)));
    // The release's objects, as Helm marks what it owns.
    QList<QJsonObject> owned;
    for (const QJsonObject &o : world.all()) {
        if (annotation(o, QStringLiteral("meta.helm.sh/release-name")) == releaseName &&
            annotation(o, QStringLiteral("meta.helm.sh/release-namespace")) == releaseNs)
            owned.append(o);
    }

    const bool install = records.isEmpty() || reinstall;
    const int revision = install ? 1 : latest + 1;
    QJsonArray nextHistory;
    if (install && reinstall && !records.isEmpty()) {
        for (const QJsonObject &record : records)
            outcome.writes.append(FakeChange{FakeChange::Type::Delete, record, 0});
        for (const QJsonObject &o : owned) {
            outcome.writes.append(FakeChange{FakeChange::Type::Delete, o, 0});
            outcome.writes.append(FakeChange{FakeChange::Type::Put, recreated(o, hr, now), 0});
        }
    } else {
        if (!install)
            outcome.writes.append(
                FakeChange{FakeChange::Type::Put, superseded(records.last(), previous, now), 0});
        for (const QJsonObject &o : owned) {
            const QJsonObject next = withOrigin(o, hr, now);
            if (FakeApply::merged(o, next) != o)
                outcome.writes.append(FakeChange{FakeChange::Type::Put, next, 0});
        }
        for (const QJsonValue &entry : history) {
            QJsonObject old = entry.toObject();
            if (old.value(QLatin1String("status")).toString() == QLatin1String("deployed"))
                old.insert(QStringLiteral("status"), QStringLiteral("superseded"));
            if (nextHistory.size() < 4)
                nextHistory.append(old);
        }
    }
    const QJsonObject json = releaseJson(
        releaseName, releaseNs, revision, QStringLiteral("deployed"), chartName, chartVersion,
        values, previous,
        install ? QStringLiteral("Install complete") : QStringLiteral("Upgrade complete"), now);
    outcome.writes.append(FakeChange{FakeChange::Type::Put, recordSecret(json, storageNs), 0});
    nextHistory.prepend(snapshot(json, configDigest));

    QJsonArray entries;
    for (const QJsonObject &o : owned)
        entries.append(QJsonObject{{QStringLiteral("id"), inventoryId(o)},
                                   {QStringLiteral("v"), versionOf(o)}});
    status.insert(QStringLiteral("history"), nextHistory);
    status.insert(QStringLiteral("inventory"), QJsonObject{{QStringLiteral("entries"), entries}});
    status.insert(QStringLiteral("storageNamespace"), storageNs);
    status.insert(QStringLiteral("lastAttemptedGeneration"), generationOf(hr));
    status.insert(QStringLiteral("lastAttemptedRevision"), chartVersion);
    status.insert(QStringLiteral("lastAttemptedConfigDigest"), configDigest);
    status.insert(QStringLiteral("lastAttemptedReleaseAction"),
                  install ? QStringLiteral("install") : QStringLiteral("upgrade"));
    status.insert(QStringLiteral("lastReleaseRevision"), revision);
    const QString why =
        install ? QStringLiteral("InstallSucceeded") : QStringLiteral("UpgradeSucceeded");
    const QString message =
        QStringLiteral("Helm %1 succeeded for release %2/%3.v%4 with chart %5@%6")
            .arg(install ? QStringLiteral("install") : QStringLiteral("upgrade"), releaseNs,
                 releaseName, QString::number(revision), chartName, chartVersion);
    status.insert(QStringLiteral("conditions"),
                  withCondition(status.value(QLatin1String("conditions")).toArray(),
                                QStringLiteral("Released"), QStringLiteral("True"), why, message,
                                generationOf(hr), now));
    outcome.object = withStatus(hr, readyStatus(hr, status, true, why, message, now));
    outcome.eventType = QStringLiteral("Normal");
    outcome.eventReason = why;
    outcome.eventMessage = message;
    outcome.eventAnnotations.insert(QStringLiteral("helm.toolkit.fluxcd.io/revision"),
                                    chartVersion);
    return outcome;
}

} // namespace FakeHelmStorage
} // namespace Fluxdesk::Testing
