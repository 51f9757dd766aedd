// source- and kustomize-controller of the simulated Flux, and the round every controller shares
// (helm-controller is in fakehelmstorage.cpp). Just over 600 lines: the two controllers share the
// reconcile bookkeeping of one round, which splitting would have to pass around.
#include "fakeflux.h"

#include "fakeapply.h"
#include "fakefluxsupport.h"
#include "fakehelmstorage.h"

#include <QCryptographicHash>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QSet>

#include <algorithm>

namespace Fluxdesk::Testing {

using namespace FakeFluxSupport;

namespace {

const QString sourceGroup = QStringLiteral("source.toolkit.fluxcd.io");
const QString kustomizeGroup = QStringLiteral("kustomize.toolkit.fluxcd.io");
const QString helmGroup = QStringLiteral("helm.toolkit.fluxcd.io");

// The revision Flux writes for a Git commit: "<branch>@sha1:<commit>" and the like.
QString gitRevision(const QJsonObject &ref, const QString &commit)
{
    const QString hash = QStringLiteral("sha1:") + commit;
    for (const char *key : {"name", "tag", "branch"}) {
        const QString value = ref.value(QLatin1String(key)).toString();
        if (!value.isEmpty())
            return value + QLatin1Char('@') + hash;
    }
    if (!ref.value(QLatin1String("semver")).toString().isEmpty() ||
        !ref.value(QLatin1String("commit")).toString().isEmpty())
        return hash;
    return QStringLiteral("master@") + hash;
}

QJsonObject artifact(const QString &kind, const QJsonObject &o, const QString &revision,
                     const QString &file, const QDateTime &now)
{
    const QJsonObject previous = at(o, QStringLiteral("status.artifact")).toObject();
    const QString path = kind.toLower() + QLatin1Char('/') + namespaceOf(o) + QLatin1Char('/') +
                         nameOf(o) + QLatin1Char('/') + file;
    return QJsonObject{
        {QStringLiteral("revision"), revision},
        {QStringLiteral("digest"),
         QString(QStringLiteral("sha256:") + sha256Hex(revision + QLatin1Char('|') + path))},
        {QStringLiteral("path"), path},
        {QStringLiteral("url"),
         QString(QStringLiteral("http://source-controller.flux-system.svc.cluster.local./") +
                 path)},
        {QStringLiteral("size"), 1024},
        {QStringLiteral("lastUpdateTime"),
         previous.value(QLatin1String("revision")).toString() == revision
             ? previous.value(QLatin1String("lastUpdateTime")).toString()
             : timestamp(now)}};
}

} // namespace

struct FakeFlux::Private
{
    QMutex mutex;
    Source source;
    Renderer renderer;
    int delayMs = 0;
    bool reinstall = false;
    QHash<QString, QString> folders; // "<GitRepository key>|<revision>" -> folder
    QSet<QString> inFlight;          // objects whose outcome is delayed
    quint64 serial = 0;

    Source sourceNow()
    {
        QMutexLocker lock(&mutex);
        return source;
    }

    std::optional<Outcome> gitRepository(const QJsonObject &o, const QDateTime &now);
    std::optional<Outcome> helmOrOciRepository(const QJsonObject &o, const QDateTime &now);
    std::optional<Outcome> kustomization(const QJsonObject &o, const World &world,
                                         const QDateTime &now);
    std::optional<QString> folderOf(const QJsonObject &source, const QString &revision);
    void apply(const QJsonObject &ks, QList<QJsonObject> rendered, const World &world,
               const QDateTime &now, Outcome &outcome, QJsonArray &entries, QStringList &changes);
};

std::optional<Outcome> FakeFlux::Private::gitRepository(const QJsonObject &o, const QDateTime &now)
{
    if (!newGeneration(o) && !requested(o) && !neverDone(o))
        return std::nullopt;
    const QString url = text(o, QStringLiteral("spec.url"));
    const QJsonObject ref = at(o, QStringLiteral("spec.ref")).toObject();
    const Source fetch = sourceNow();
    FakeFluxFetch answer;
    if (fetch)
        answer = fetch(url, ref);
    else
        answer.error = QStringLiteral("the fake Flux has no Source to fetch '%1'").arg(url);

    Outcome outcome;
    QJsonObject status = baseStatus(o);
    QJsonArray conditions = status.value(QLatin1String("conditions")).toArray();
    if (!answer.error.isEmpty()) {
        conditions =
            withCondition(conditions, QStringLiteral("FetchFailed"), QStringLiteral("True"),
                          QStringLiteral("GitOperationFailed"), answer.error, generationOf(o), now);
        status.insert(QStringLiteral("conditions"), conditions);
        status =
            readyStatus(o, status, false, QStringLiteral("GitOperationFailed"), answer.error, now);
        outcome.eventType = QStringLiteral("Warning");
        outcome.eventReason = QStringLiteral("GitOperationFailed");
        outcome.eventMessage = answer.error;
    } else {
        const QString revision = gitRevision(ref, answer.commit);
        {
            QMutexLocker lock(&mutex);
            folders.insert(objectKey(o) + QLatin1Char('|') + revision, answer.folder);
        }
        const QString previous = text(o, QStringLiteral("status.artifact.revision"));
        status.insert(QStringLiteral("artifact"),
                      artifact(QStringLiteral("GitRepository"), o, revision,
                               answer.commit + QStringLiteral(".tar.gz"), now));
        const QString message = QStringLiteral("stored artifact for revision '%1'").arg(revision);
        conditions = withoutCondition(conditions, QStringLiteral("FetchFailed"));
        conditions =
            withCondition(conditions, QStringLiteral("ArtifactInStorage"), QStringLiteral("True"),
                          QStringLiteral("Succeeded"), message, generationOf(o), now);
        status.insert(QStringLiteral("conditions"), conditions);
        status = readyStatus(o, status, true, QStringLiteral("Succeeded"), message, now);
        if (previous != revision) {
            outcome.eventType = QStringLiteral("Normal");
            outcome.eventReason = QStringLiteral("NewArtifact");
            outcome.eventMessage = QStringLiteral("stored artifact for commit '%1'").arg(revision);
        }
        outcome.eventAnnotations.insert(QStringLiteral("source.toolkit.fluxcd.io/revision"),
                                        revision);
    }
    outcome.object = withStatus(o, status);
    return outcome;
}

std::optional<Outcome> FakeFlux::Private::helmOrOciRepository(const QJsonObject &o,
                                                              const QDateTime &now)
{
    if (!newGeneration(o) && !requested(o) && !neverDone(o))
        return std::nullopt;
    const QString kind = o.value(QLatin1String("kind")).toString();
    const QString url = text(o, QStringLiteral("spec.url"));
    QJsonObject status = baseStatus(o);
    QString message;
    QString revision;
    if (kind == QLatin1String("HelmRepository") &&
        text(o, QStringLiteral("spec.type")) == QLatin1String("oci")) {
        // An OCI Helm repository has no index and no artifact: only Ready.
        message = QStringLiteral("Helm repository is Ready");
        status.remove(QStringLiteral("artifact"));
    } else if (kind == QLatin1String("HelmRepository")) {
        revision = QStringLiteral("sha256:") + sha256Hex(url);
        message = QStringLiteral("stored artifact: revision '%1'").arg(revision);
        status.insert(
            QStringLiteral("artifact"),
            artifact(kind, o, revision, QStringLiteral("index-%1.yaml").arg(sha256Hex(url)), now));
        status.insert(QStringLiteral("url"),
                      QStringLiteral("http://source-controller.flux-system.svc.cluster.local./"
                                     "helmrepository/%1/%2/index.yaml")
                          .arg(namespaceOf(o), nameOf(o)));
    } else {
        QString tag = text(o, QStringLiteral("spec.ref.tag"));
        if (tag.isEmpty())
            tag = text(o, QStringLiteral("spec.ref.semver"));
        if (tag.isEmpty())
            tag = QStringLiteral("latest");
        revision = tag + QStringLiteral("@sha256:") + sha256Hex(url + QLatin1Char(':') + tag);
        message = QStringLiteral("stored artifact for digest '%1'").arg(revision);
        status.insert(
            QStringLiteral("artifact"),
            artifact(kind, o, revision, sha256Hex(revision) + QStringLiteral(".tar.gz"), now));
        status.insert(
            QStringLiteral("url"),
            status.value(QLatin1String("artifact")).toObject().value(QLatin1String("url")));
    }
    Outcome outcome;
    if (condition(o, QStringLiteral("Ready")).isEmpty() ||
        text(o, QStringLiteral("status.artifact.revision")) != revision) {
        outcome.eventType = QStringLiteral("Normal");
        outcome.eventReason = QStringLiteral("NewArtifact");
        outcome.eventMessage = message;
    }
    outcome.object =
        withStatus(o, readyStatus(o, status, true, QStringLiteral("Succeeded"), message, now));
    return outcome;
}

std::optional<QString> FakeFlux::Private::folderOf(const QJsonObject &source,
                                                   const QString &revision)
{
    const QString key = objectKey(source) + QLatin1Char('|') + revision;
    {
        QMutexLocker lock(&mutex);
        if (folders.contains(key))
            return folders.value(key);
    }
    // Stored before this FakeFlux ran (a fixture): fetch again, if it is still that commit.
    const Source fetch = sourceNow();
    if (!fetch || source.value(QLatin1String("kind")).toString() != QLatin1String("GitRepository"))
        return std::nullopt;
    const QJsonObject ref = at(source, QStringLiteral("spec.ref")).toObject();
    const FakeFluxFetch answer = fetch(text(source, QStringLiteral("spec.url")), ref);
    if (!answer.error.isEmpty() || gitRevision(ref, answer.commit) != revision)
        return std::nullopt;
    QMutexLocker lock(&mutex);
    folders.insert(key, answer.folder);
    return answer.folder;
}

void FakeFlux::Private::apply(const QJsonObject &ks, QList<QJsonObject> rendered,
                              const World &world, const QDateTime &now, Outcome &outcome,
                              QJsonArray &entries, QStringList &changes)
{
    // CRDs and Namespaces first, as kustomize-controller applies them in a stage of their own.
    std::stable_sort(rendered.begin(), rendered.end(),
                     [](const QJsonObject &a, const QJsonObject &b) {
                         const auto stage = [](const QJsonObject &o) {
                             const QString kind = o.value(QLatin1String("kind")).toString();
                             return kind == QLatin1String("CustomResourceDefinition") ||
                                            kind == QLatin1String("Namespace")
                                        ? 0
                                        : 1;
                         };
                         return stage(a) < stage(b);
                     });
    const QString targetNs = text(ks, QStringLiteral("spec.targetNamespace"));
    const QString selfKey = objectKey(ks);
    QStringList ids;
    for (QJsonObject object : rendered) {
        const QString kind = object.value(QLatin1String("kind")).toString();
        QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
        const bool clusterScoped = world.clusterScoped(groupOf(object), kind);
        if (clusterScoped) {
            metadata.remove(QStringLiteral("namespace"));
        } else if (!targetNs.isEmpty()) {
            metadata.insert(QStringLiteral("namespace"), targetNs);
        } else if (metadata.value(QLatin1String("namespace")).toString().isEmpty()) {
            metadata.insert(QStringLiteral("namespace"), QStringLiteral("default"));
        }
        QJsonObject labels = metadata.value(QLatin1String("labels")).toObject();
        labels.insert(QStringLiteral("kustomize.toolkit.fluxcd.io/name"), nameOf(ks));
        labels.insert(QStringLiteral("kustomize.toolkit.fluxcd.io/namespace"), namespaceOf(ks));
        metadata.insert(QStringLiteral("labels"), labels);
        object.insert(QStringLiteral("metadata"), metadata);

        const QString id = inventoryId(object);
        if (!ids.contains(id)) {
            ids.append(id);
            entries.append(
                QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("v"), versionOf(object)}});
        }
        const QString key = objectKey(object);
        const bool self = key == selfKey;
        const std::optional<QJsonObject> live =
            self ? std::optional<QJsonObject>(outcome.object)
                 : world.find(groupOf(object), kind, namespaceOf(object), nameOf(object));
        QJsonObject next = live ? FakeApply::merged(*live, object) : object;

        // One managedFields entry of kustomize-controller's, other managers' entries kept.
        QJsonObject nextMeta = next.value(QLatin1String("metadata")).toObject();
        QJsonArray managed;
        for (const QJsonValue &entry : nextMeta.value(QLatin1String("managedFields")).toArray()) {
            if (entry.toObject().value(QLatin1String("manager")).toString() !=
                QLatin1String("kustomize-controller"))
                managed.append(entry);
        }
        const QJsonObject previousEntry = [&] {
            for (const QJsonValue &entry :
                 at(live.value_or(QJsonObject()), QStringLiteral("metadata.managedFields"))
                     .toArray()) {
                if (entry.toObject().value(QLatin1String("manager")).toString() ==
                    QLatin1String("kustomize-controller"))
                    return entry.toObject();
            }
            return QJsonObject();
        }();
        QJsonObject entry{
            {QStringLiteral("manager"), QStringLiteral("kustomize-controller")},
            {QStringLiteral("operation"), QStringLiteral("Apply")},
            {QStringLiteral("apiVersion"), object.value(QLatin1String("apiVersion"))},
            {QStringLiteral("time"), timestamp(now)},
            {QStringLiteral("fieldsType"), QStringLiteral("FieldsV1")},
            {QStringLiteral("fieldsV1"),
             QJsonObject{{QStringLiteral("f:metadata"),
                          QJsonObject{{QStringLiteral("f:labels"), QJsonObject{}}}}}}};
        if (live) {
            // An unchanged object keeps its entry's time: nothing was written.
            QJsonObject withOld = next;
            QJsonArray oldManaged = managed;
            if (!previousEntry.isEmpty())
                oldManaged.append(previousEntry);
            QJsonObject oldMeta = nextMeta;
            oldMeta.insert(QStringLiteral("managedFields"), oldManaged);
            withOld.insert(QStringLiteral("metadata"), oldMeta);
            if (withOld == *live && !previousEntry.isEmpty())
                continue;
        }
        managed.append(entry);
        nextMeta.insert(QStringLiteral("managedFields"), managed);
        next.insert(QStringLiteral("metadata"), nextMeta);
        const QString what = kind + QLatin1Char('/') +
                             (clusterScoped ? QString() : namespaceOf(object) + QLatin1Char('/')) +
                             nameOf(object);
        changes.append(what + (live ? QStringLiteral(" configured") : QStringLiteral(" created")));
        if (self)
            outcome.object = next;
        else
            outcome.writes.append(FakeChange{FakeChange::Type::Put, next, 0});
    }
}

std::optional<Outcome> FakeFlux::Private::kustomization(const QJsonObject &o, const World &world,
                                                        const QDateTime &now)
{
    const QString reason = readyReason(o);
    const bool waiting = reason == QLatin1String("DependencyNotReady") ||
                         reason == QLatin1String("ArtifactFailed") || neverDone(o);
    const bool asked = newGeneration(o) || requested(o);

    Outcome outcome;
    const auto fail = [&](const QString &why, const QString &message,
                          const QString &type) -> std::optional<Outcome> {
        const QJsonObject status = readyStatus(o, baseStatus(o), false, why, message, now);
        outcome.object = withStatus(o, status);
        if (outcome.object == o)
            return std::nullopt;
        outcome.eventType = type;
        outcome.eventReason = why;
        outcome.eventMessage = message;
        return outcome;
    };

    const QString ns = namespaceOf(o);
    const QString sourceKind = text(o, QStringLiteral("spec.sourceRef.kind"));
    const QString sourceName = text(o, QStringLiteral("spec.sourceRef.name"));
    QString sourceNs = text(o, QStringLiteral("spec.sourceRef.namespace"));
    if (sourceNs.isEmpty())
        sourceNs = ns;
    const auto source = world.find(sourceGroup, sourceKind, sourceNs, sourceName);
    const QString revision =
        source ? text(*source, QStringLiteral("status.artifact.revision")) : QString();
    const bool newRevision =
        !revision.isEmpty() && revision != text(o, QStringLiteral("status.lastAttemptedRevision"));
    if (!asked && !waiting && !newRevision)
        return std::nullopt;

    if (!source)
        return fail(
            QStringLiteral("ArtifactFailed"),
            QStringLiteral("Source '%1/%2/%3' not found").arg(sourceKind, sourceNs, sourceName),
            QStringLiteral("Warning"));
    if (!readyNow(*source) || revision.isEmpty())
        return fail(QStringLiteral("ArtifactFailed"),
                    QStringLiteral("Source artifact not found, retrying in 30s"),
                    QStringLiteral("Normal"));
    for (const QJsonValue &value : at(o, QStringLiteral("spec.dependsOn")).toArray()) {
        const QJsonObject dependency = value.toObject();
        QString depNs = dependency.value(QLatin1String("namespace")).toString();
        if (depNs.isEmpty())
            depNs = ns;
        const QString depName = dependency.value(QLatin1String("name")).toString();
        const auto live =
            world.find(kustomizeGroup, QStringLiteral("Kustomization"), depNs, depName);
        if (!live)
            return fail(
                QStringLiteral("DependencyNotReady"),
                QStringLiteral("unable to get '%1/%2' dependency: "
                               "kustomizations.kustomize.toolkit.fluxcd.io \"%2\" not found")
                    .arg(depNs, depName),
                QStringLiteral("Normal"));
        if (!readyNow(*live))
            return fail(QStringLiteral("DependencyNotReady"),
                        QStringLiteral("dependency '%1/%2' is not ready").arg(depNs, depName),
                        QStringLiteral("Normal"));
    }
    // A build that failed for this revision fails again until something changes.
    if (!asked && !newRevision && !waiting)
        return std::nullopt;

    const std::optional<QString> folder = folderOf(*source, revision);
    if (!folder)
        return fail(QStringLiteral("ArtifactFailed"),
                    QStringLiteral("failed to download artifact of revision '%1'").arg(revision),
                    QStringLiteral("Warning"));
    Renderer render;
    {
        QMutexLocker lock(&mutex);
        render = renderer;
    }
    const QString path = text(o, QStringLiteral("spec.path"));
    const Result<QList<QJsonObject>> rendered =
        render ? render(*folder, path)
               : Result<QList<QJsonObject>>(Error(QStringLiteral("the fake Flux has no Renderer")));
    QJsonObject status = baseStatus(o);
    status.insert(QStringLiteral("lastAttemptedRevision"), revision);
    outcome.eventAnnotations.insert(QStringLiteral("kustomize.toolkit.fluxcd.io/revision"),
                                    revision);
    if (!rendered) {
        const QString message = rendered.error().toString();
        outcome.object = withStatus(
            o, readyStatus(o, status, false, QStringLiteral("BuildFailed"), message, now));
        if (outcome.object == o)
            return std::nullopt;
        outcome.eventType = QStringLiteral("Warning");
        outcome.eventReason = QStringLiteral("BuildFailed");
        outcome.eventMessage = message;
        return outcome;
    }

    outcome.object = o;
    QJsonArray entries;
    QStringList changes;
    apply(o, *rendered, world, now, outcome, entries, changes);

    // Prune what left the inventory, when it still carries this Kustomization's labels.
    const QJsonArray previous = at(o, QStringLiteral("status.inventory.entries")).toArray();
    if (at(o, QStringLiteral("spec.prune")).toBool()) {
        QStringList kept;
        for (const QJsonValue &e : entries)
            kept.append(e.toObject().value(QLatin1String("id")).toString());
        for (const QJsonValue &e : previous) {
            const QString id = e.toObject().value(QLatin1String("id")).toString();
            const QStringList parts = id.split(QLatin1Char('_'));
            if (kept.contains(id) || parts.size() != 4)
                continue;
            const auto live = world.find(parts.at(2), parts.at(3), parts.at(0), parts.at(1));
            if (!live ||
                label(*live, QStringLiteral("kustomize.toolkit.fluxcd.io/name")) != nameOf(o) ||
                label(*live, QStringLiteral("kustomize.toolkit.fluxcd.io/namespace")) != ns)
                continue;
            outcome.writes.append(FakeChange{FakeChange::Type::Delete, *live, 0});
            changes.append(parts.at(3) + QLatin1Char('/') +
                           (parts.at(0).isEmpty() ? QString() : parts.at(0) + QLatin1Char('/')) +
                           parts.at(1) + QStringLiteral(" deleted"));
        }
    }
    {
        QList<QJsonObject> sorted;
        for (const QJsonValue &e : std::as_const(entries))
            sorted.append(e.toObject());
        std::sort(sorted.begin(), sorted.end(), [](const QJsonObject &a, const QJsonObject &b) {
            return a.value(QLatin1String("id")).toString() <
                   b.value(QLatin1String("id")).toString();
        });
        entries = QJsonArray();
        for (const QJsonObject &e : std::as_const(sorted))
            entries.append(e);
    }
    // The applied spec of a Kustomization that applies itself (flux-system) is kept.
    status = [&] {
        QJsonObject s = status;
        s.insert(QStringLiteral("lastAppliedRevision"), revision);
        s.insert(QStringLiteral("inventory"), QJsonObject{{QStringLiteral("entries"), entries}});
        return readyStatus(o, s, true, QStringLiteral("ReconciliationSucceeded"),
                           QStringLiteral("Applied revision: %1").arg(revision), now);
    }();
    outcome.object = withStatus(outcome.object, status);
    if (outcome.object == o && outcome.writes.isEmpty())
        return std::nullopt;
    if (!changes.isEmpty() || text(o, QStringLiteral("status.lastAppliedRevision")) != revision ||
        readyReason(o) != QLatin1String("ReconciliationSucceeded")) {
        outcome.eventType = QStringLiteral("Normal");
        outcome.eventReason = QStringLiteral("ReconciliationSucceeded");
        const QString interval = text(o, QStringLiteral("spec.interval"));
        outcome.eventMessage =
            changes.isEmpty() ? QStringLiteral("Reconciliation finished in 0s, next run in %1")
                                    .arg(interval.isEmpty() ? QStringLiteral("10m0s") : interval)
                              : changes.join(QLatin1Char('\n'));
    }
    return outcome;
}

FakeFlux::FakeFlux() : d(std::make_unique<Private>()) {}

FakeFlux::FakeFlux(Source source, Renderer renderer) : FakeFlux()
{
    d->source = std::move(source);
    d->renderer = std::move(renderer);
}

FakeFlux::~FakeFlux() = default;

void FakeFlux::setSource(Source source)
{
    QMutexLocker lock(&d->mutex);
    d->source = std::move(source);
}

void FakeFlux::setRenderer(Renderer renderer)
{
    QMutexLocker lock(&d->mutex);
    d->renderer = std::move(renderer);
}

void FakeFlux::setDelayMs(int ms)
{
    QMutexLocker lock(&d->mutex);
    d->delayMs = ms;
}

void FakeFlux::setReinstall(bool reinstall)
{
    QMutexLocker lock(&d->mutex);
    d->reinstall = reinstall;
}

QList<FakeChange> FakeFlux::react(const QList<QJsonObject> &objects, const QDateTime &now)
{
    const World world(objects);
    int delayMs = 0;
    bool reinstall = false;
    {
        QMutexLocker lock(&d->mutex);
        delayMs = d->delayMs;
        reinstall = d->reinstall;
    }
    const bool sourceUp = world.controllerAvailable(QStringLiteral("source-controller"));
    const bool kustomizeUp = world.controllerAvailable(QStringLiteral("kustomize-controller"));
    const bool helmUp = world.controllerAvailable(QStringLiteral("helm-controller"));

    QList<FakeChange> changes;
    QSet<QString> touched; // written this round: their next reconciliation waits for the next
    for (const QJsonObject &o : objects) {
        const QString group = groupOf(o);
        const QString kind = o.value(QLatin1String("kind")).toString();
        QString component;
        if (group == sourceGroup && sourceUp &&
            (kind == QLatin1String("GitRepository") || kind == QLatin1String("HelmRepository") ||
             kind == QLatin1String("OCIRepository")))
            component = QStringLiteral("source-controller");
        else if (group == kustomizeGroup && kind == QLatin1String("Kustomization") && kustomizeUp)
            component = QStringLiteral("kustomize-controller");
        else if (group == helmGroup && kind == QLatin1String("HelmRelease") && helmUp)
            component = QStringLiteral("helm-controller");
        if (component.isEmpty() || at(o, QStringLiteral("spec.suspend")).toBool())
            continue;
        const QString key = objectKey(o);
        if (touched.contains(key))
            continue;
        {
            QMutexLocker lock(&d->mutex);
            if (d->inFlight.contains(key)) {
                if (conditionTrue(o, QStringLiteral("Reconciling")))
                    continue;
                d->inFlight.remove(key);
            }
        }

        std::optional<Outcome> outcome;
        if (kind == QLatin1String("GitRepository"))
            outcome = d->gitRepository(o, now);
        else if (group == sourceGroup)
            outcome = d->helmOrOciRepository(o, now);
        else if (kind == QLatin1String("Kustomization"))
            outcome = d->kustomization(o, world, now);
        else
            outcome = FakeHelmStorage::reconcile(o, world, now, reinstall);
        if (!outcome || (outcome->object == o && outcome->writes.isEmpty()))
            continue;
        // Two writes of one object in a round would lose the first: the later waits a round.
        bool clash = false;
        for (const FakeChange &write : std::as_const(outcome->writes))
            clash = clash || touched.contains(objectKey(write.object));
        if (clash)
            continue;

        if (delayMs > 0) {
            changes.append(
                FakeChange{FakeChange::Type::Put,
                           progressing(o, QStringLiteral("Reconciliation in progress"), now), 0});
            QMutexLocker lock(&d->mutex);
            d->inFlight.insert(key);
        }
        for (FakeChange write : std::as_const(outcome->writes)) {
            touched.insert(objectKey(write.object));
            write.delayMs = delayMs;
            changes.append(write);
        }
        touched.insert(key);
        changes.append(FakeChange{FakeChange::Type::Put, outcome->object, delayMs});
        if (!outcome->eventType.isEmpty()) {
            quint64 serial = 0;
            {
                QMutexLocker lock(&d->mutex);
                serial = ++d->serial;
            }
            FakeChange e = event(outcome->object, component, *outcome, now, world, serial);
            e.delayMs = delayMs;
            changes.append(e);
        }
    }
    return changes;
}

} // namespace Fluxdesk::Testing
