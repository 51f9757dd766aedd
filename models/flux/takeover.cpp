#include "takeover.h"

#include "flux/fluxreadiness.h"

#include "kube/helmreleaserecord.h"
#include "kube/inventory.h"
#include "manifest/yamljson.h"
#include "manifest/yamlwriter.h"
#include "plan/plan.h"
#include "repo/stagedwrite.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace Fluxdesk {

namespace {

// Gives lupdate and the runtime the same context for the strings below.
class TakeoverText
{
    Q_DECLARE_TR_FUNCTIONS(Takeover)
};

const QString helmGroup = QStringLiteral("helm.toolkit.fluxcd.io");
const QString fluxNameLabel = QStringLiteral("kustomize.toolkit.fluxcd.io/name");
const QString fluxNamespaceLabel = QStringLiteral("kustomize.toolkit.fluxcd.io/namespace");
const QString helmNameLabel = QStringLiteral("helm.toolkit.fluxcd.io/name");
const QString helmNamespaceLabel = QStringLiteral("helm.toolkit.fluxcd.io/namespace");

QString str(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

QJsonObject obj(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toObject();
}

QString shortUid(const QString &uid)
{
    return uid.size() > 8 ? uid.left(8) + QChar(0x2026) : uid;
}

QJsonObject keyJson(const ObjectKey &key)
{
    QJsonObject json{{QStringLiteral("group"), key.group},
                     {QStringLiteral("kind"), key.kind},
                     {QStringLiteral("name"), key.name}};
    if (!key.ns.isEmpty())
        json.insert(QStringLiteral("namespace"), key.ns);
    return json;
}

ObjectKey keyOf(const QJsonObject &json)
{
    return ObjectKey{str(json, "group"), str(json, "kind"), str(json, "namespace"),
                     str(json, "name")};
}

QJsonObject objectJson(const TakeoverObject &object)
{
    QJsonObject json = keyJson(object.key);
    if (!object.uid.isEmpty())
        json.insert(QStringLiteral("uid"), object.uid);
    if (!object.file.isEmpty())
        json.insert(QStringLiteral("file"), object.file);
    return json;
}

TakeoverObject objectOf(const QJsonObject &json)
{
    return TakeoverObject{keyOf(json), str(json, "uid"), str(json, "file")};
}

QJsonArray objectsJson(const QList<TakeoverObject> &objects)
{
    QJsonArray array;
    for (const TakeoverObject &object : objects)
        array.append(objectJson(object));
    return array;
}

// The release name and storage namespace helm-controller gives a HelmRelease: spec.releaseName,
// else "<targetNamespace>-<name>" when a target namespace is set, else the name; the storage
// namespace is spec.storageNamespace, else the HelmRelease's own namespace.
QPair<QString, QString> releaseOf(const QJsonObject &helmRelease)
{
    const QJsonObject metadata = obj(helmRelease, "metadata");
    const QJsonObject spec = obj(helmRelease, "spec");
    QString name = str(spec, "releaseName");
    if (name.isEmpty()) {
        const QString target = str(spec, "targetNamespace");
        name = target.isEmpty() ? str(metadata, "name")
                                : target + QLatin1Char('-') + str(metadata, "name");
    }
    QString storage = str(spec, "storageNamespace");
    if (storage.isEmpty())
        storage = str(metadata, "namespace");
    return {name, storage};
}

QString releaseText(const QString &ns, const QString &name)
{
    return ns + QLatin1Char('/') + name;
}

bool isHelmRelease(const ObjectKey &key)
{
    return key.group == helmGroup && key.kind == QLatin1String("HelmRelease");
}

// Who in Flux applies a live object now, from kustomize-controller's and helm-controller's labels
// (and kustomize-controller's field manager when the labels were stripped): "" for nobody.
QString fluxOwnerOf(const QJsonObject &live)
{
    const QJsonObject labels = obj(obj(live, "metadata"), "labels");
    const QString kustomization = labels.value(fluxNameLabel).toString();
    if (!kustomization.isEmpty())
        return TakeoverText::tr("Kustomization %1")
            .arg(releaseText(labels.value(fluxNamespaceLabel).toString(), kustomization));
    const QString helmRelease = labels.value(helmNameLabel).toString();
    if (!helmRelease.isEmpty())
        return TakeoverText::tr("HelmRelease %1")
            .arg(releaseText(labels.value(helmNamespaceLabel).toString(), helmRelease));
    const QJsonArray managedFields =
        obj(live, "metadata").value(QLatin1String("managedFields")).toArray();
    for (const QJsonValue &entry : managedFields) {
        const QString manager = str(entry.toObject(), "manager");
        if (manager == QLatin1String("kustomize-controller") ||
            manager == QLatin1String("helm-controller"))
            return manager;
    }
    return {};
}

QDateTime timestampOf(const QJsonObject &live)
{
    return QDateTime::fromString(str(obj(live, "metadata"), "creationTimestamp"), Qt::ISODate);
}

class Verifier
{
public:
    Verifier(const TakeoverBaseline &baseline, const QList<QJsonObject> &live)
        : m_baseline(baseline)
    {
        for (const QJsonObject &object : live) {
            const ObjectKey key = ObjectKey::of(object);
            m_live.insert(key, object);
            if (key.group.isEmpty() && key.kind == QLatin1String("Namespace") &&
                key.name == QLatin1String("flux-system"))
                m_report.fluxInstalledAt = timestampOf(object);
            if (!isHelmStorage(key, object))
                continue;
            Result<HelmRelease> release = decodeHelmReleaseObject(object);
            if (!release)
                continue;
            Record record{release.value().revision, release.value().status,
                          str(obj(object, "metadata"), "uid"), release.value().lastDeployed};
            // Keyed by where the record is stored (helm-controller's storageNamespace), which may
            // differ from the release's target namespace in the record itself.
            m_records[releaseText(key.ns, release.value().name)].append(record);
        }
        for (QList<Record> &records : m_records)
            std::sort(records.begin(), records.end(),
                      [](const Record &a, const Record &b) { return a.revision < b.revision; });
    }

    TakeoverReport run()
    {
        for (const TakeoverRelease &release : m_baseline.releases) {
            const TakeoverItem releaseVerdict = releaseItem(release);
            m_report.items.append(releaseVerdict);
            for (const TakeoverObject &workload : release.workloads)
                m_report.items.append(workloadItem(workload, releaseVerdict));
        }
        for (const TakeoverObject &object : m_baseline.objects)
            m_report.items.append(objectItem(object));
        return m_report;
    }

private:
    struct Record
    {
        int revision = 0;
        QString status;
        QString uid;
        QDateTime deployed;
    };

    static bool isHelmStorage(const ObjectKey &key, const QJsonObject &object)
    {
        if (!key.group.isEmpty())
            return false;
        if (key.kind == QLatin1String("Secret"))
            return str(object, "type") == QLatin1String("helm.sh/release.v1");
        return key.kind == QLatin1String("ConfigMap") &&
               obj(obj(object, "metadata"), "labels").value(QLatin1String("owner")).toString() ==
                   QLatin1String("helm");
    }

    // Whether a live object came into being after the baseline's object (no uid known): created
    // after Flux arrived (or after the baseline was recorded) means made again.
    bool createdAfterTakeover(const QJsonObject &live) const
    {
        return createdAfterTakeover(timestampOf(live));
    }
    bool createdAfterTakeover(const QDateTime &created) const
    {
        QDateTime since = m_report.fluxInstalledAt;
        if (!since.isValid() || (m_baseline.recordedAt.isValid() && m_baseline.recordedAt < since))
            since = m_baseline.recordedAt;
        return created.isValid() && since.isValid() && created > since;
    }

    TakeoverItem objectItem(const TakeoverObject &object)
    {
        TakeoverItem item;
        item.key = object.key;
        item.file = object.file;
        const auto it = m_live.constFind(object.key);
        const bool dataAtRisk = holdsData(object.key);
        if (it == m_live.cend()) {
            item.state = TakeoverState::Missing;
            item.severity = dataAtRisk ? TakeoverSeverity::Danger : TakeoverSeverity::Warning;
            item.detail = TakeoverText::tr("gone from the cluster");
            return item;
        }
        const QString uid = str(obj(*it, "metadata"), "uid");
        item.owner = fluxOwnerOf(*it);
        bool recreated = false;
        if (object.uid.isEmpty()) {
            m_report.withoutUids = true;
            recreated = createdAfterTakeover(*it);
            if (recreated)
                item.detail = TakeoverText::tr("created %1, after Flux arrived")
                                  .arg(timestampOf(*it).toString(Qt::ISODate));
        } else if (uid != object.uid) {
            recreated = true;
            item.detail = TakeoverText::tr("uid %1 → %2: deleted and made again")
                              .arg(shortUid(object.uid), shortUid(uid));
        }
        if (recreated) {
            item.state = TakeoverState::Recreated;
            item.severity = dataAtRisk ? TakeoverSeverity::Danger : TakeoverSeverity::Warning;
            if (dataAtRisk)
                item.detail += TakeoverText::tr("; the data it held may be lost");
            return item;
        }
        if (item.owner.isEmpty()) {
            item.state = TakeoverState::Waiting;
            item.severity = TakeoverSeverity::Waiting;
            item.detail = TakeoverText::tr("not applied by Flux yet");
            return item;
        }
        item.state = TakeoverState::Adopted;
        item.severity = TakeoverSeverity::Ok;
        item.detail = TakeoverText::tr("adopted in place");
        return item;
    }

    // An object a release made: helm-controller upgrading the release in place keeps it (its
    // labels are no proof: a chart's crds/ are never relabelled on upgrade), so it is adopted
    // when its release is and it is still the same object.
    TakeoverItem workloadItem(const TakeoverObject &workload, const TakeoverItem &release)
    {
        TakeoverItem item = objectItem(workload);
        item.release = release.release;
        if (item.state != TakeoverState::Adopted && item.state != TakeoverState::Waiting)
            return item; // recreated or gone, whatever the release says
        item.owner = release.owner;
        if (release.state == TakeoverState::Adopted) {
            item.state = TakeoverState::Adopted;
            item.severity = TakeoverSeverity::Ok;
            item.detail = TakeoverText::tr("kept in place by the release's upgrade");
        } else {
            item.state = TakeoverState::Waiting;
            item.severity = TakeoverSeverity::Waiting;
            item.detail = TakeoverText::tr("waits for its release to be adopted");
        }
        return item;
    }

    TakeoverItem releaseItem(const TakeoverRelease &release)
    {
        TakeoverItem item;
        item.subject = TakeoverItem::Subject::Release;
        item.key = release.helmRelease;
        item.release = releaseText(release.storageNamespace, release.name);
        item.file = release.file;
        item.owner = TakeoverText::tr("HelmRelease %1")
                         .arg(releaseText(release.helmRelease.ns, release.helmRelease.name));

        const auto hr = m_live.constFind(release.helmRelease);
        const QList<Record> records = m_records.value(item.release);

        // The release helm-controller last wrote, when it says so (status.history, Flux v2).
        if (hr != m_live.cend()) {
            const QJsonArray history = obj(*hr, "status").value(QLatin1String("history")).toArray();
            const QJsonObject latest =
                history.isEmpty() ? QJsonObject() : history.first().toObject();
            const QString name = str(latest, "name");
            const QString ns = str(latest, "namespace");
            if (!name.isEmpty() && (name != release.name || ns != release.storageNamespace)) {
                item.state = TakeoverState::Reinstalled;
                item.severity = TakeoverSeverity::Danger;
                item.detail = TakeoverText::tr("installed as release %1, not the running %2: two "
                                               "releases now manage the same objects")
                                  .arg(releaseText(ns, name), item.release);
                return item;
            }
        }

        const Record *old = nullptr;
        for (const Record &record : records)
            if (record.revision == release.revision)
                old = &record;
        const int newest = records.isEmpty() ? 0 : records.last().revision;
        // The record of the running revision made again: with its uid known, another uid; without,
        // a deploy time after the takeover began.
        const bool oldReplaced =
            old && (release.recordUid.isEmpty() ? createdAfterTakeover(old->deployed)
                                                : old->uid != release.recordUid);
        if (newest < release.revision || oldReplaced || (!old && newest == release.revision)) {
            item.state = TakeoverState::Reinstalled;
            item.severity = TakeoverSeverity::Danger;
            item.detail = newest == 0
                              ? TakeoverText::tr("the release is gone: revision %1 was uninstalled")
                                    .arg(release.revision)
                              : TakeoverText::tr("revision %1 after revision %2 vanished: Helm "
                                                 "installed the release anew")
                                    .arg(newest)
                                    .arg(release.revision);
            return item;
        }

        if (hr == m_live.cend()) {
            item.state = TakeoverState::Waiting;
            item.severity = TakeoverSeverity::Waiting;
            item.detail = TakeoverText::tr("HelmRelease not in the cluster yet: revision %1 runs "
                                           "as Helm left it")
                              .arg(release.revision);
            return item;
        }
        const FluxReadinessVerdict readiness = FluxReadinessRules::of(*hr);
        if (newest > release.revision && readiness.readiness == FluxReadiness::Ready) {
            item.state = TakeoverState::Adopted;
            item.severity = TakeoverSeverity::Ok;
            item.detail =
                TakeoverText::tr("adopted, revision %1 → %2").arg(release.revision).arg(newest);
            return item;
        }
        if (readiness.readiness == FluxReadiness::Failed ||
            readiness.readiness == FluxReadiness::Stalled) {
            item.state = TakeoverState::Failed;
            item.severity = TakeoverSeverity::Warning;
            item.detail = readiness.message.isEmpty()
                              ? readiness.reason
                              : readiness.reason + QStringLiteral(": ") + readiness.message;
            return item;
        }
        item.state = TakeoverState::Waiting;
        item.severity = TakeoverSeverity::Waiting;
        item.detail =
            newest > release.revision
                ? TakeoverText::tr("revision %1 written, HelmRelease not Ready yet").arg(newest)
                : TakeoverText::tr("revision %1 runs as Helm left it: helm-controller "
                                   "has not upgraded it yet")
                      .arg(release.revision);
        return item;
    }

    const TakeoverBaseline &m_baseline;
    QHash<ObjectKey, QJsonObject> m_live;
    QHash<QString, QList<Record>> m_records; // "storageNamespace/name" -> by revision
    TakeoverReport m_report;
};

} // namespace

QString takeoverBaselinePath()
{
    return QStringLiteral(".fluxdesk/takeover.yaml");
}

Result<bool> saveTakeoverBaseline(const QString &repoDir, const TakeoverBaseline &baseline)
{
    StagedWrite write(repoDir);
    write.write(takeoverBaselinePath(), baseline.toYaml());
    return write.commit();
}

Result<std::optional<TakeoverBaseline>> loadTakeoverBaseline(const QString &repoDir)
{
    const QString path = QDir(repoDir).filePath(takeoverBaselinePath());
    QFile file(path);
    if (!file.exists())
        return std::optional<TakeoverBaseline>();
    if (!file.open(QIODevice::ReadOnly))
        return Error(TakeoverText::tr("cannot read: %1").arg(file.errorString()), path);
    Result<TakeoverBaseline> parsed = TakeoverBaseline::parse(file.readAll(), path);
    if (!parsed)
        return parsed.error();
    return std::optional<TakeoverBaseline>(parsed.value());
}

bool holdsData(const ObjectKey &key)
{
    if (key.group.isEmpty())
        return key.kind == QLatin1String("PersistentVolumeClaim") ||
               key.kind == QLatin1String("PersistentVolume");
    return key.group == QLatin1String("apps") && key.kind == QLatin1String("StatefulSet");
}

QByteArray TakeoverBaseline::toYaml() const
{
    QJsonArray releaseArray;
    for (const TakeoverRelease &release : releases) {
        QJsonObject json{{QStringLiteral("name"), release.name},
                         {QStringLiteral("storageNamespace"), release.storageNamespace},
                         {QStringLiteral("revision"), release.revision},
                         {QStringLiteral("helmRelease"), keyJson(release.helmRelease)},
                         {QStringLiteral("workloads"), objectsJson(release.workloads)}};
        if (!release.recordUid.isEmpty())
            json.insert(QStringLiteral("recordUid"), release.recordUid);
        if (!release.chart.isEmpty())
            json.insert(QStringLiteral("chart"), release.chart);
        if (!release.file.isEmpty())
            json.insert(QStringLiteral("file"), release.file);
        releaseArray.append(json);
    }
    const QJsonObject root{{QStringLiteral("apiVersion"), QStringLiteral("fluxdesk.io/v1alpha1")},
                           {QStringLiteral("kind"), QStringLiteral("TakeoverBaseline")},
                           {QStringLiteral("cluster"), cluster},
                           {QStringLiteral("recordedAt"), recordedAt.toUTC().toString(Qt::ISODate)},
                           {QStringLiteral("objects"), objectsJson(objects)},
                           {QStringLiteral("releases"), releaseArray}};
    return QByteArrayLiteral(
               "# What ran before Flux took over, written by Fluxdesk: the takeover check compares "
               "the cluster\n# with it (uids, Helm revisions). Nothing secret is kept here.\n") +
           Fluxdesk::toYaml(root).toUtf8();
}

Result<TakeoverBaseline> TakeoverBaseline::parse(const QByteArray &yaml, const QString &fileName)
{
    Result<QJsonValue> value = parseYamlValue(yaml, fileName);
    if (!value)
        return value.error();
    const QJsonObject root = value.value().toObject();
    if (str(root, "kind") != QLatin1String("TakeoverBaseline"))
        return Error(TakeoverText::tr("not a takeover baseline (kind: TakeoverBaseline expected)"),
                     fileName);
    TakeoverBaseline baseline;
    baseline.cluster = str(root, "cluster");
    baseline.recordedAt = QDateTime::fromString(str(root, "recordedAt"), Qt::ISODate);
    for (const QJsonValue &entry : root.value(QLatin1String("objects")).toArray())
        baseline.objects.append(objectOf(entry.toObject()));
    for (const QJsonValue &entry : root.value(QLatin1String("releases")).toArray()) {
        const QJsonObject json = entry.toObject();
        TakeoverRelease release;
        release.name = str(json, "name");
        release.storageNamespace = str(json, "storageNamespace");
        release.revision = json.value(QLatin1String("revision")).toInt();
        release.recordUid = str(json, "recordUid");
        release.chart = str(json, "chart");
        release.file = str(json, "file");
        release.helmRelease = keyOf(obj(json, "helmRelease"));
        for (const QJsonValue &workload : json.value(QLatin1String("workloads")).toArray())
            release.workloads.append(objectOf(workload.toObject()));
        if (release.name.isEmpty() || release.storageNamespace.isEmpty() || release.revision < 1)
            return Error(TakeoverText::tr("a release without name, storageNamespace or revision"),
                         fileName);
        baseline.releases.append(release);
    }
    for (const TakeoverObject &object : std::as_const(baseline.objects))
        if (object.key.kind.isEmpty() || object.key.name.isEmpty())
            return Error(TakeoverText::tr("an object without kind or name"), fileName);
    return baseline;
}

TakeoverBaseline takeoverBaseline(const Plan &plan, const Inventory &inventory,
                                  const QDateTime &now)
{
    TakeoverBaseline baseline;
    baseline.cluster = plan.cluster;
    baseline.recordedAt = now.toUTC();
    const auto uidOf = [&inventory](const ObjectKey &key) {
        const InventoryEntry *entry = inventory.find(key);
        return entry ? str(entry->object.toObject().value(QLatin1String("metadata")).toObject(),
                           "uid")
                     : QString();
    };
    const QList<HelmRelease> running = inventory.helmReleases();
    for (const PlannedFile &file : plan.files) {
        if (file.kind == PlannedFileKind::Manifest || file.kind == PlannedFileKind::Namespace) {
            for (const ObjectKey &key : file.objects)
                if (inventory.find(key))
                    baseline.objects.append(TakeoverObject{key, uidOf(key), file.path});
            continue;
        }
        if (file.kind != PlannedFileKind::HelmRelease)
            continue;
        Result<QList<YamlDocument>> documents = parseYamlDocuments(file.text.toUtf8(), file.path);
        if (!documents)
            continue;
        for (const YamlDocument &document : documents.value()) {
            const QJsonObject object = document.value.toObject();
            const ObjectKey key = ObjectKey::of(object);
            if (!isHelmRelease(key))
                continue;
            const auto [name, storage] = releaseOf(object);
            const HelmRelease *deployed = nullptr;
            for (const HelmRelease &release : running)
                if (release.name == name && release.ns == storage &&
                    (!deployed || release.revision > deployed->revision))
                    deployed = &release;
            if (!deployed)
                continue;
            TakeoverRelease release;
            release.name = name;
            release.storageNamespace = storage;
            release.revision = deployed->revision;
            release.chart = deployed->chartName + QLatin1Char('-') + deployed->chartVersion;
            release.helmRelease = key;
            release.file = file.path;
            release.recordUid = uidOf(
                ObjectKey{QString(), QStringLiteral("Secret"), storage, deployed->storageObject});
            if (release.recordUid.isEmpty())
                release.recordUid = uidOf(ObjectKey{QString(), QStringLiteral("ConfigMap"), storage,
                                                    deployed->storageObject});
            for (const ObjectKey &made : file.objects)
                if (!inventory.isReleaseRecord(made) && inventory.find(made))
                    release.workloads.append(TakeoverObject{made, uidOf(made), file.path});
            baseline.releases.append(release);
        }
    }
    std::sort(baseline.objects.begin(), baseline.objects.end(),
              [](const TakeoverObject &a, const TakeoverObject &b) { return a.key < b.key; });
    return baseline;
}

int TakeoverReport::count(TakeoverSeverity severity) const
{
    return int(std::count_if(items.cbegin(), items.cend(), [severity](const TakeoverItem &item) {
        return item.severity == severity;
    }));
}

int TakeoverReport::exitCode() const
{
    if (count(TakeoverSeverity::Danger) > 0)
        return 2;
    return count(TakeoverSeverity::Ok) == items.size() ? 0 : 1;
}

TakeoverReport verifyTakeover(const TakeoverBaseline &baseline, const QList<QJsonObject> &live)
{
    return Verifier(baseline, live).run();
}

QString takeoverStateText(TakeoverState state)
{
    switch (state) {
    case TakeoverState::Adopted:
        return TakeoverText::tr("adopted in place");
    case TakeoverState::Waiting:
        return TakeoverText::tr("not yet adopted");
    case TakeoverState::Failed:
        return TakeoverText::tr("failed");
    case TakeoverState::Recreated:
        return TakeoverText::tr("recreated");
    case TakeoverState::Missing:
        return TakeoverText::tr("missing");
    case TakeoverState::Reinstalled:
        return TakeoverText::tr("reinstalled");
    }
    return {};
}

QString takeoverSeverityId(TakeoverSeverity severity)
{
    switch (severity) {
    case TakeoverSeverity::Ok:
        return QStringLiteral("ok");
    case TakeoverSeverity::Waiting:
        return QStringLiteral("waiting");
    case TakeoverSeverity::Warning:
        return QStringLiteral("warning");
    case TakeoverSeverity::Danger:
        return QStringLiteral("danger");
    }
    return {};
}

QJsonObject takeoverReportJson(const TakeoverReport &report)
{
    static const char *const stateIds[] = {"adopted",   "waiting", "failed",
                                           "recreated", "missing", "reinstalled"};
    QJsonArray items;
    for (const TakeoverItem &item : report.items) {
        QJsonObject json = keyJson(item.key);
        json.insert(QStringLiteral("subject"), item.subject == TakeoverItem::Subject::Release
                                                   ? QStringLiteral("release")
                                                   : QStringLiteral("object"));
        json.insert(QStringLiteral("state"), QLatin1String(stateIds[int(item.state)]));
        json.insert(QStringLiteral("severity"), takeoverSeverityId(item.severity));
        if (!item.release.isEmpty())
            json.insert(QStringLiteral("release"), item.release);
        if (!item.file.isEmpty())
            json.insert(QStringLiteral("file"), item.file);
        if (!item.owner.isEmpty())
            json.insert(QStringLiteral("owner"), item.owner);
        json.insert(QStringLiteral("detail"), item.detail);
        items.append(json);
    }
    QJsonObject json{{QStringLiteral("items"), items},
                     {QStringLiteral("adopted"), report.count(TakeoverSeverity::Ok)},
                     {QStringLiteral("waiting"), report.count(TakeoverSeverity::Waiting)},
                     {QStringLiteral("warnings"), report.count(TakeoverSeverity::Warning)},
                     {QStringLiteral("dangers"), report.count(TakeoverSeverity::Danger)},
                     {QStringLiteral("withoutUids"), report.withoutUids}};
    if (report.fluxInstalledAt.isValid())
        json.insert(QStringLiteral("fluxInstalledAt"),
                    report.fluxInstalledAt.toUTC().toString(Qt::ISODate));
    return json;
}

} // namespace Fluxdesk
