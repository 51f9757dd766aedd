// The simulated Flux driven round by round: react() on a small store that applies its answers as
// the fake API server does (Put replaces and keeps uid, creates with a new uid; Delete removes).
// Over 600 lines: one suite for one controller, whose cases share the store and the fixtures of
// a homelab (sources, two Kustomizations, a Helm release installed by hand).

#include "fakeflux.h"
#include "kube/helmreleaserecord.h"

#include "../helm/helmfixtures.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

const QDateTime t0 = QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);
const QString commitA = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
const QString commitB = QStringLiteral("89abcdef0123456789abcdef0123456789abcdef");

QJsonValue at(const QJsonObject &o, const QString &path)
{
    QJsonValue v = o;
    for (const QString &part : path.split(QLatin1Char('.'))) {
        if (v.isArray())
            v = v.toArray().at(part.toInt());
        else
            v = v.toObject().value(part);
    }
    return v;
}
QString str(const QJsonObject &o, const QString &path)
{
    return at(o, path).toString();
}

QJsonObject meta(const QString &ns, const QString &name)
{
    QJsonObject m{{QStringLiteral("name"), name}};
    if (!ns.isEmpty())
        m.insert(QStringLiteral("namespace"), ns);
    return m;
}

QJsonObject object(const QString &apiVersion, const QString &kind, const QString &ns,
                   const QString &name, const QJsonObject &spec = {})
{
    QJsonObject o{{QStringLiteral("apiVersion"), apiVersion},
                  {QStringLiteral("kind"), kind},
                  {QStringLiteral("metadata"), meta(ns, name)}};
    if (!spec.isEmpty())
        o.insert(QStringLiteral("spec"), spec);
    return o;
}

QJsonObject controller(const QString &name, bool available = true)
{
    QJsonObject d = object(QStringLiteral("apps/v1"), QStringLiteral("Deployment"),
                           QStringLiteral("flux-system"), name);
    d.insert(QStringLiteral("status"),
             QJsonObject{{QStringLiteral("conditions"),
                          QJsonArray{QJsonObject{
                              {QStringLiteral("type"), QStringLiteral("Available")},
                              {QStringLiteral("status"),
                               available ? QStringLiteral("True") : QStringLiteral("False")}}}}});
    return d;
}

QList<QJsonObject> fluxRunning()
{
    return {controller(QStringLiteral("source-controller")),
            controller(QStringLiteral("kustomize-controller")),
            controller(QStringLiteral("helm-controller"))};
}

QJsonObject gitRepository(const QString &name, const QJsonObject &ref = {{QStringLiteral("branch"),
                                                                          QStringLiteral("main")}})
{
    return object(QStringLiteral("source.toolkit.fluxcd.io/v1"), QStringLiteral("GitRepository"),
                  QStringLiteral("flux-system"), name,
                  QJsonObject{{QStringLiteral("url"), QStringLiteral("file:///srv/git/home.git")},
                              {QStringLiteral("interval"), QStringLiteral("1m")},
                              {QStringLiteral("ref"), ref}});
}

QJsonObject kustomization(const QString &name, const QString &path,
                          const QStringList &dependsOn = {}, bool prune = true)
{
    QJsonObject spec{{QStringLiteral("interval"), QStringLiteral("10m")},
                     {QStringLiteral("path"), path},
                     {QStringLiteral("prune"), prune},
                     {QStringLiteral("sourceRef"),
                      QJsonObject{{QStringLiteral("kind"), QStringLiteral("GitRepository")},
                                  {QStringLiteral("name"), QStringLiteral("flux-system")}}}};
    QJsonArray deps;
    for (const QString &d : dependsOn)
        deps.append(QJsonObject{{QStringLiteral("name"), d}});
    if (!deps.isEmpty())
        spec.insert(QStringLiteral("dependsOn"), deps);
    return object(QStringLiteral("kustomize.toolkit.fluxcd.io/v1"), QStringLiteral("Kustomization"),
                  QStringLiteral("flux-system"), name, spec);
}

QJsonObject configMap(const QString &ns, const QString &name, const QString &value)
{
    QJsonObject o = object(QStringLiteral("v1"), QStringLiteral("ConfigMap"), ns, name);
    o.insert(QStringLiteral("data"), QJsonObject{{QStringLiteral("key"), value}});
    return o;
}

QString keyOf(const QJsonObject &o)
{
    return str(o, QStringLiteral("apiVersion")).section(QLatin1Char('/'), 0, -2) +
           QLatin1Char('|') + str(o, QStringLiteral("kind")) + QLatin1Char('|') +
           str(o, QStringLiteral("metadata.namespace")) + QLatin1Char('|') +
           str(o, QStringLiteral("metadata.name"));
}

// The objects as the fake API server stores them, and react() run as it runs it.
class Store
{
public:
    explicit Store(const QList<QJsonObject> &objects)
    {
        for (const QJsonObject &o : objects)
            put(o);
    }
    QList<QJsonObject> objects;
    QList<QList<FakeChange>> answers; // every non-empty answer, in order
    int uids = 0;

    void put(QJsonObject o)
    {
        QJsonObject m = o.value(QLatin1String("metadata")).toObject();
        for (int i = 0; i < objects.size(); ++i) {
            if (keyOf(objects.at(i)) != keyOf(o))
                continue;
            const QJsonObject old = objects.at(i).value(QLatin1String("metadata")).toObject();
            m.insert(QStringLiteral("uid"), old.value(QLatin1String("uid")));
            o.insert(QStringLiteral("metadata"), m);
            objects[i] = o;
            return;
        }
        if (!m.contains(QLatin1String("uid")))
            m.insert(QStringLiteral("uid"), QStringLiteral("uid-%1").arg(++uids));
        o.insert(QStringLiteral("metadata"), m);
        objects.append(o);
    }
    void remove(const QJsonObject &o)
    {
        for (int i = 0; i < objects.size(); ++i) {
            if (keyOf(objects.at(i)) == keyOf(o)) {
                objects.removeAt(i);
                return;
            }
        }
    }
    // Rounds until react() answers nothing; false when it never settles.
    bool settle(FakeFlux &flux, const QDateTime &now = t0)
    {
        for (int round = 0; round < 100; ++round) {
            const QList<FakeChange> changes = flux.react(objects, now);
            if (changes.isEmpty())
                return true;
            answers.append(changes);
            for (const FakeChange &c : changes) {
                if (c.type == FakeChange::Type::Put)
                    put(c.object);
                else
                    remove(c.object);
            }
        }
        return false;
    }
    QJsonObject get(const QString &kind, const QString &ns, const QString &name) const
    {
        for (const QJsonObject &o : objects) {
            if (str(o, QStringLiteral("kind")) == kind &&
                str(o, QStringLiteral("metadata.namespace")) == ns &&
                str(o, QStringLiteral("metadata.name")) == name)
                return o;
        }
        return {};
    }
    // The Events about objects of that name (and kind, when given), oldest first.
    QList<QJsonObject> events(const QString &name, const QString &kind = {},
                              const QString &reason = {}) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &o : objects) {
            if (str(o, QStringLiteral("kind")) == QLatin1String("Event") &&
                str(o, QStringLiteral("involvedObject.name")) == name &&
                (kind.isEmpty() || str(o, QStringLiteral("involvedObject.kind")) == kind) &&
                (reason.isEmpty() || str(o, QStringLiteral("reason")) == reason))
                out.append(o);
        }
        return out;
    }
    void annotate(const QString &kind, const QString &name, const QString &key,
                  const QString &value, const QString &ns = QStringLiteral("flux-system"))
    {
        QJsonObject o = get(kind, ns, name);
        QJsonObject m = o.value(QLatin1String("metadata")).toObject();
        QJsonObject a = m.value(QLatin1String("annotations")).toObject();
        a.insert(key, value);
        m.insert(QStringLiteral("annotations"), a);
        o.insert(QStringLiteral("metadata"), m);
        put(o);
    }
    void setSpec(const QString &kind, const QString &name, const QString &key,
                 const QJsonValue &value, const QString &ns = QStringLiteral("flux-system"))
    {
        QJsonObject o = get(kind, ns, name);
        QJsonObject spec = o.value(QLatin1String("spec")).toObject();
        spec.insert(key, value);
        o.insert(QStringLiteral("spec"), spec);
        QJsonObject m = o.value(QLatin1String("metadata")).toObject();
        m.insert(QStringLiteral("generation"), m.value(QLatin1String("generation")).toInt(1) + 1);
        o.insert(QStringLiteral("metadata"), m);
        put(o);
    }
};

QJsonObject ready(const QJsonObject &o)
{
    for (const QJsonValue &c : at(o, QStringLiteral("status.conditions")).toArray()) {
        if (c.toObject().value(QLatin1String("type")).toString() == QLatin1String("Ready"))
            return c.toObject();
    }
    return {};
}

// A Source answering one commit per URL, and a Renderer answering fixed objects per path.
struct FakeRepo
{
    QString commit = commitA;
    QString error;
    QHash<QString, QList<QJsonObject>> paths;
    int fetches = 0;
    int renders = 0;
    QList<QJsonObject> lastRef;

    FakeFlux::Source source()
    {
        return [this](const QString &, const QJsonObject &ref) {
            ++fetches;
            lastRef.append(ref);
            return FakeFluxFetch{commit, QStringLiteral("/checkout/") + commit, error};
        };
    }
    FakeFlux::Renderer renderer()
    {
        return [this](const QString &folder, const QString &path) -> Result<QList<QJsonObject>> {
            ++renders;
            if (!folder.endsWith(commit))
                return Error(QStringLiteral("rendered a stale folder ") + folder);
            if (!paths.contains(path))
                return Error(QStringLiteral("kustomization path not found: %1").arg(path));
            return paths.value(path);
        };
    }
};

} // namespace

class TestFakeFlux : public QObject
{
    Q_OBJECT
private slots:
    void nothingBeforeTheControllersRun();
    void gitRepositoryRevision_data();
    void gitRepositoryRevision();
    void gitRepositoryFetchFails();
    void helmAndOciRepositories();
    void kustomizationWaitsForSourceAndDependencies();
    void kustomizationAppliesInPlace();
    void kustomizationBuildFails();
    void kustomizationKeepsScopes();
    void kustomizationPrunes();
    void kustomizationFollowsNewRevision();
    void suspendHonoured();
    void delayShowsReconciling();
    void releaseName_data();
    void releaseName();
    void helmReleaseAdoptsExistingRelease();
    void helmReleaseInstallsRevisionOne();
    void helmReleaseWaitsForItsSource();
    void helmReleaseReinstallRecreates();
    void helmReleaseForceAndReset();
};

void TestFakeFlux::nothingBeforeTheControllersRun()
{
    FakeRepo repo;
    FakeFlux flux(repo.source(), repo.renderer());
    Store store({gitRepository(QStringLiteral("flux-system")),
                 controller(QStringLiteral("source-controller"), false)});
    QVERIFY(store.settle(flux));
    QVERIFY(store.answers.isEmpty());
    QCOMPARE(repo.fetches, 0);

    store.put(controller(QStringLiteral("source-controller")));
    QVERIFY(store.settle(flux));
    const QJsonObject git = store.get(QStringLiteral("GitRepository"),
                                      QStringLiteral("flux-system"), QStringLiteral("flux-system"));
    QCOMPARE(str(ready(git), QStringLiteral("status")), QStringLiteral("True"));
    QCOMPARE(repo.fetches, 1);
}

void TestFakeFlux::gitRepositoryRevision_data()
{
    QTest::addColumn<QJsonObject>("ref");
    QTest::addColumn<QString>("revision");
    QTest::addRow("branch") << QJsonObject{{QStringLiteral("branch"), QStringLiteral("main")}}
                            << QStringLiteral("main@sha1:") + commitA;
    QTest::addRow("tag") << QJsonObject{{QStringLiteral("tag"), QStringLiteral("v1.2.0")}}
                         << QStringLiteral("v1.2.0@sha1:") + commitA;
    QTest::addRow("commit") << QJsonObject{{QStringLiteral("commit"), commitA}}
                            << QStringLiteral("sha1:") + commitA;
    QTest::addRow("none: Flux's default branch")
        << QJsonObject() << QStringLiteral("master@sha1:") + commitA;
}

void TestFakeFlux::gitRepositoryRevision()
{
    QFETCH(QJsonObject, ref);
    QFETCH(QString, revision);
    FakeRepo repo;
    FakeFlux flux(repo.source(), repo.renderer());
    Store store(fluxRunning());
    store.put(gitRepository(QStringLiteral("flux-system"), ref));
    QVERIFY(store.settle(flux));
    const QJsonObject git = store.get(QStringLiteral("GitRepository"),
                                      QStringLiteral("flux-system"), QStringLiteral("flux-system"));
    QCOMPARE(str(git, QStringLiteral("status.artifact.revision")), revision);
    QVERIFY(
        str(git, QStringLiteral("status.artifact.digest")).startsWith(QLatin1String("sha256:")));
    QCOMPARE(at(git, QStringLiteral("status.observedGeneration")).toInt(), 1);
    const QJsonObject r = ready(git);
    QCOMPARE(str(r, QStringLiteral("reason")), QStringLiteral("Succeeded"));
    QCOMPARE(str(r, QStringLiteral("message")),
             QStringLiteral("stored artifact for revision '%1'").arg(revision));
    QCOMPARE(repo.lastRef.value(0), ref);

    const QList<QJsonObject> events = store.events(QStringLiteral("flux-system"));
    QCOMPARE(events.size(), 1);
    QCOMPARE(str(events.first(), QStringLiteral("reason")), QStringLiteral("NewArtifact"));
    QCOMPARE(str(events.first(), QStringLiteral("type")), QStringLiteral("Normal"));
    QCOMPARE(str(events.first(), QStringLiteral("source.component")),
             QStringLiteral("source-controller"));
    QCOMPARE(str(events.first(), QStringLiteral("involvedObject.kind")),
             QStringLiteral("GitRepository"));
    QCOMPARE(str(events.first(), QStringLiteral("involvedObject.uid")),
             str(git, QStringLiteral("metadata.uid")));
    QCOMPARE(at(events.first(), QStringLiteral("count")).toInt(), 1);
    QCOMPARE(repo.fetches, 1); // settled: no fetch per round
}

void TestFakeFlux::gitRepositoryFetchFails()
{
    FakeRepo repo;
    repo.error = QStringLiteral("failed to checkout and determine revision: unable to clone "
                                "'file:///srv/git/home.git': repository not found");
    FakeFlux flux(repo.source(), repo.renderer());
    Store store(fluxRunning());
    store.put(gitRepository(QStringLiteral("flux-system")));
    QVERIFY(store.settle(flux));
    const QJsonObject git = store.get(QStringLiteral("GitRepository"),
                                      QStringLiteral("flux-system"), QStringLiteral("flux-system"));
    QCOMPARE(str(ready(git), QStringLiteral("status")), QStringLiteral("False"));
    QCOMPARE(str(ready(git), QStringLiteral("reason")), QStringLiteral("GitOperationFailed"));
    QCOMPARE(str(ready(git), QStringLiteral("message")), repo.error);
    QVERIFY(!at(git, QStringLiteral("status.artifact")).isObject());
    const QList<QJsonObject> events = store.events(QStringLiteral("flux-system"));
    QCOMPARE(events.size(), 1);
    QCOMPARE(str(events.first(), QStringLiteral("type")), QStringLiteral("Warning"));
    QCOMPARE(str(events.first(), QStringLiteral("reason")), QStringLiteral("GitOperationFailed"));

    // Fixed and asked again (flux reconcile source git): Ready, the request handled.
    repo.error.clear();
    store.annotate(QStringLiteral("GitRepository"), QStringLiteral("flux-system"),
                   QStringLiteral("reconcile.fluxcd.io/requestedAt"),
                   QStringLiteral("2026-03-01T10:05:00Z"));
    QVERIFY(store.settle(flux));
    const QJsonObject fixed =
        store.get(QStringLiteral("GitRepository"), QStringLiteral("flux-system"),
                  QStringLiteral("flux-system"));
    QCOMPARE(str(ready(fixed), QStringLiteral("status")), QStringLiteral("True"));
    QCOMPARE(str(fixed, QStringLiteral("status.lastHandledReconcileAt")),
             QStringLiteral("2026-03-01T10:05:00Z"));
}

void TestFakeFlux::helmAndOciRepositories()
{
    FakeFlux flux;
    Store store(fluxRunning());
    store.put(object(QStringLiteral("source.toolkit.fluxcd.io/v1"),
                     QStringLiteral("HelmRepository"), QStringLiteral("flux-system"),
                     QStringLiteral("bitnami"),
                     QJsonObject{{QStringLiteral("url"),
                                  QStringLiteral("https://charts.bitnami.com/bitnami")}}));
    store.put(object(QStringLiteral("source.toolkit.fluxcd.io/v1"), QStringLiteral("OCIRepository"),
                     QStringLiteral("flux-system"), QStringLiteral("podinfo"),
                     QJsonObject{{QStringLiteral("url"),
                                  QStringLiteral("oci://ghcr.io/stefanprodan/charts/podinfo")},
                                 {QStringLiteral("ref"),
                                  QJsonObject{{QStringLiteral("tag"), QStringLiteral("6.7.0")}}}}));
    QVERIFY(store.settle(flux));
    const QJsonObject helm = store.get(QStringLiteral("HelmRepository"),
                                       QStringLiteral("flux-system"), QStringLiteral("bitnami"));
    const QJsonObject oci = store.get(QStringLiteral("OCIRepository"),
                                      QStringLiteral("flux-system"), QStringLiteral("podinfo"));
    QCOMPARE(str(ready(helm), QStringLiteral("status")), QStringLiteral("True"));
    QCOMPARE(str(ready(oci), QStringLiteral("status")), QStringLiteral("True"));
    QVERIFY(
        str(helm, QStringLiteral("status.artifact.revision")).startsWith(QLatin1String("sha256:")));
    QVERIFY(str(oci, QStringLiteral("status.artifact.revision"))
                .startsWith(QLatin1String("6.7.0@sha256:")));

    // Deterministic: another FakeFlux on the same objects writes the same revisions.
    FakeFlux again;
    Store second(fluxRunning());
    second.put(store.get(QStringLiteral("HelmRepository"), QStringLiteral("flux-system"),
                         QStringLiteral("bitnami")));
    QJsonObject stripped = second.objects.last();
    stripped.remove(QStringLiteral("status"));
    second.put(stripped);
    QVERIFY(second.settle(again));
    QCOMPARE(str(second.get(QStringLiteral("HelmRepository"), QStringLiteral("flux-system"),
                            QStringLiteral("bitnami")),
                 QStringLiteral("status.artifact.revision")),
             str(helm, QStringLiteral("status.artifact.revision")));
}

namespace {

QList<QJsonObject> homelab()
{
    QList<QJsonObject> objects = fluxRunning();
    objects << gitRepository(QStringLiteral("flux-system"))
            << kustomization(QStringLiteral("infrastructure"), QStringLiteral("./infrastructure"))
            << kustomization(QStringLiteral("apps"), QStringLiteral("./apps"),
                             {QStringLiteral("infrastructure")});
    return objects;
}

FakeRepo homelabRepo()
{
    FakeRepo repo;
    repo.paths.insert(
        QStringLiteral("./infrastructure"),
        {configMap(QStringLiteral("kube-system"), QStringLiteral("infra"), QStringLiteral("1"))});
    repo.paths.insert(
        QStringLiteral("./apps"),
        {configMap(QStringLiteral("default"), QStringLiteral("web"), QStringLiteral("2")),
         object(QStringLiteral("v1"), QStringLiteral("Namespace"), QString(),
                QStringLiteral("media"))});
    return repo;
}

QJsonObject ks(const Store &store, const QString &name)
{
    return store.get(QStringLiteral("Kustomization"), QStringLiteral("flux-system"), name);
}

} // namespace

void TestFakeFlux::kustomizationWaitsForSourceAndDependencies()
{
    FakeRepo repo = homelabRepo();
    repo.paths.remove(QStringLiteral("./infrastructure")); // infrastructure fails to build
    FakeFlux flux(repo.source(), repo.renderer());
    QList<QJsonObject> objects = homelab();
    objects.removeAt(0); // no source-controller yet
    Store store(objects);
    QVERIFY(store.settle(flux));
    // No artifact yet: both wait for it, as kustomize-controller words it.
    QCOMPARE(str(ready(ks(store, QStringLiteral("infrastructure"))), QStringLiteral("reason")),
             QStringLiteral("ArtifactFailed"));
    QCOMPARE(str(ready(ks(store, QStringLiteral("infrastructure"))), QStringLiteral("message")),
             QStringLiteral("Source artifact not found, retrying in 30s"));
    QCOMPARE(repo.renders, 0);

    store.put(controller(QStringLiteral("source-controller")));
    QVERIFY(store.settle(flux));
    const QJsonObject infra = ks(store, QStringLiteral("infrastructure"));
    QCOMPARE(str(ready(infra), QStringLiteral("reason")), QStringLiteral("BuildFailed"));
    QCOMPARE(str(ready(infra), QStringLiteral("message")),
             QStringLiteral("kustomization path not found: ./infrastructure"));
    QCOMPARE(str(infra, QStringLiteral("status.lastAttemptedRevision")),
             QStringLiteral("main@sha1:") + commitA);
    const QJsonObject apps = ks(store, QStringLiteral("apps"));
    QCOMPARE(str(ready(apps), QStringLiteral("status")), QStringLiteral("False"));
    QCOMPARE(str(ready(apps), QStringLiteral("reason")), QStringLiteral("DependencyNotReady"));
    QCOMPARE(str(ready(apps), QStringLiteral("message")),
             QStringLiteral("dependency 'flux-system/infrastructure' is not ready"));
    QVERIFY(store.get(QStringLiteral("ConfigMap"), QStringLiteral("default"), QStringLiteral("web"))
                .isEmpty());

    // The build fixed and asked for: infrastructure Ready, then apps follows on its own.
    repo.paths.insert(
        QStringLiteral("./infrastructure"),
        {configMap(QStringLiteral("kube-system"), QStringLiteral("infra"), QStringLiteral("1"))});
    store.annotate(QStringLiteral("Kustomization"), QStringLiteral("infrastructure"),
                   QStringLiteral("reconcile.fluxcd.io/requestedAt"), QStringLiteral("now-1"));
    QVERIFY(store.settle(flux));
    QCOMPARE(str(ready(ks(store, QStringLiteral("infrastructure"))), QStringLiteral("status")),
             QStringLiteral("True"));
    QCOMPARE(str(ks(store, QStringLiteral("infrastructure")),
                 QStringLiteral("status.lastHandledReconcileAt")),
             QStringLiteral("now-1"));
    QCOMPARE(str(ready(ks(store, QStringLiteral("apps"))), QStringLiteral("status")),
             QStringLiteral("True"));
    QVERIFY(
        !store.get(QStringLiteral("ConfigMap"), QStringLiteral("default"), QStringLiteral("web"))
             .isEmpty());
}

void TestFakeFlux::kustomizationAppliesInPlace()
{
    FakeRepo repo = homelabRepo();
    FakeFlux flux(repo.source(), repo.renderer());
    Store store(homelab());
    // Running before Flux: made by kubectl, with a field of its own the manifest lacks.
    QJsonObject running =
        configMap(QStringLiteral("default"), QStringLiteral("web"), QStringLiteral("old"));
    QJsonObject m = running.value(QLatin1String("metadata")).toObject();
    m.insert(QStringLiteral("uid"), QStringLiteral("uid-running-web"));
    m.insert(QStringLiteral("managedFields"),
             QJsonArray{QJsonObject{{QStringLiteral("manager"), QStringLiteral("kubectl")},
                                    {QStringLiteral("operation"), QStringLiteral("Update")}}});
    m.insert(QStringLiteral("labels"), QJsonObject{{QStringLiteral("app"), QStringLiteral("web")}});
    running.insert(QStringLiteral("metadata"), m);
    store.put(running);

    QVERIFY(store.settle(flux));
    const QJsonObject web =
        store.get(QStringLiteral("ConfigMap"), QStringLiteral("default"), QStringLiteral("web"));
    QCOMPARE(str(web, QStringLiteral("metadata.uid")), QStringLiteral("uid-running-web"));
    QCOMPARE(str(web, QStringLiteral("data.key")), QStringLiteral("2"));
    QCOMPARE(str(web, QStringLiteral("metadata.labels.app")), QStringLiteral("web"));
    const QJsonObject labels = at(web, QStringLiteral("metadata.labels")).toObject();
    QCOMPARE(labels.value(QLatin1String("kustomize.toolkit.fluxcd.io/name")).toString(),
             QStringLiteral("apps"));
    QCOMPARE(labels.value(QLatin1String("kustomize.toolkit.fluxcd.io/namespace")).toString(),
             QStringLiteral("flux-system"));
    const QJsonArray managed = at(web, QStringLiteral("metadata.managedFields")).toArray();
    QCOMPARE(managed.size(), 2);
    QCOMPARE(str(managed.at(0).toObject(), QStringLiteral("manager")), QStringLiteral("kubectl"));
    QCOMPARE(str(managed.at(1).toObject(), QStringLiteral("manager")),
             QStringLiteral("kustomize-controller"));
    QCOMPARE(str(managed.at(1).toObject(), QStringLiteral("operation")), QStringLiteral("Apply"));

    const QJsonObject media =
        store.get(QStringLiteral("Namespace"), QString(), QStringLiteral("media"));
    QVERIFY(!media.isEmpty());
    QVERIFY(!at(media, QStringLiteral("metadata")).toObject().contains(QLatin1String("namespace")));

    const QJsonObject apps = ks(store, QStringLiteral("apps"));
    const QString revision = QStringLiteral("main@sha1:") + commitA;
    QCOMPARE(str(ready(apps), QStringLiteral("reason")), QStringLiteral("ReconciliationSucceeded"));
    QCOMPARE(str(ready(apps), QStringLiteral("message")),
             QStringLiteral("Applied revision: ") + revision);
    QCOMPARE(str(apps, QStringLiteral("status.lastAppliedRevision")), revision);
    QCOMPARE(str(apps, QStringLiteral("status.lastAttemptedRevision")), revision);
    QCOMPARE(
        at(apps, QStringLiteral("status.inventory.entries")).toArray(),
        (QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("_media__Namespace")},
                                {QStringLiteral("v"), QStringLiteral("v1")}},
                    QJsonObject{{QStringLiteral("id"), QStringLiteral("default_web__ConfigMap")},
                                {QStringLiteral("v"), QStringLiteral("v1")}}}));
    const QList<QJsonObject> events = store.events(QStringLiteral("apps"));
    QVERIFY(!events.isEmpty());
    QCOMPARE(str(events.last(), QStringLiteral("reason")),
             QStringLiteral("ReconciliationSucceeded"));
    QVERIFY2(str(events.last(), QStringLiteral("message"))
                 .contains(QLatin1String("ConfigMap/default/web configured")),
             qPrintable(str(events.last(), QStringLiteral("message"))));
    QCOMPARE(at(events.last(), QStringLiteral("metadata.annotations"))
                 .toObject()
                 .value(QLatin1String("kustomize.toolkit.fluxcd.io/revision"))
                 .toString(),
             revision);

    // Settled means settled: once more, nothing is rendered or written.
    const int renders = repo.renders;
    QVERIFY(flux.react(store.objects, t0.addSecs(60)).isEmpty());
    QCOMPARE(repo.renders, renders);
}

// kustomize-controller asks the REST mapper whether a kind has namespaces: a cluster-scoped custom
// kind (Gateway API's GatewayClass, scope from its CRD) stays without one, as a built-in
// cluster-scoped kind does; a namespaced one without a namespace lands in "default".
void TestFakeFlux::kustomizationKeepsScopes()
{
    FakeRepo repo = homelabRepo();
    const QString group = QStringLiteral("gateway.networking.k8s.io");
    repo.paths[QStringLiteral("./apps")].append(object(group + QStringLiteral("/v1"),
                                                       QStringLiteral("GatewayClass"), QString(),
                                                       QStringLiteral("eg")));
    repo.paths[QStringLiteral("./apps")].append(
        object(QStringLiteral("rbac.authorization.k8s.io/v1"), QStringLiteral("ClusterRole"),
               QString(), QStringLiteral("reader")));
    FakeFlux flux(repo.source(), repo.renderer());
    Store store(homelab());
    QJsonObject crd = object(QStringLiteral("apiextensions.k8s.io/v1"),
                             QStringLiteral("CustomResourceDefinition"), QString(),
                             QStringLiteral("gatewayclasses.") + group);
    crd.insert(
        QStringLiteral("spec"),
        QJsonObject{{QStringLiteral("group"), group},
                    {QStringLiteral("scope"), QStringLiteral("Cluster")},
                    {QStringLiteral("names"),
                     QJsonObject{{QStringLiteral("kind"), QStringLiteral("GatewayClass")},
                                 {QStringLiteral("plural"), QStringLiteral("gatewayclasses")}}}});
    store.put(crd);
    QVERIFY(store.settle(flux));
    QVERIFY(!store.get(QStringLiteral("GatewayClass"), QString(), QStringLiteral("eg")).isEmpty());
    QVERIFY(
        store.get(QStringLiteral("GatewayClass"), QStringLiteral("default"), QStringLiteral("eg"))
            .isEmpty());
    QVERIFY(
        !store.get(QStringLiteral("ClusterRole"), QString(), QStringLiteral("reader")).isEmpty());
}

void TestFakeFlux::kustomizationBuildFails()
{
    FakeRepo repo;
    FakeFlux flux(repo.source(), repo.renderer());
    Store store(homelab());
    QVERIFY(store.settle(flux));
    const int renders = repo.renders;
    QCOMPARE(renders, 1); // apps never renders: infrastructure is not Ready
    const QList<QJsonObject> events =
        store.events(QStringLiteral("infrastructure"), QStringLiteral("Kustomization"),
                     QStringLiteral("BuildFailed"));
    QCOMPARE(events.size(), 1);
    QCOMPARE(str(events.first(), QStringLiteral("type")), QStringLiteral("Warning"));
    QCOMPARE(str(events.first(), QStringLiteral("reason")), QStringLiteral("BuildFailed"));
    // The same failure is not rebuilt on every write of the cluster.
    store.put(
        configMap(QStringLiteral("default"), QStringLiteral("unrelated"), QStringLiteral("x")));
    QVERIFY(store.settle(flux));
    QCOMPARE(repo.renders, renders);
}

void TestFakeFlux::kustomizationPrunes()
{
    FakeRepo repo = homelabRepo();
    FakeFlux flux(repo.source(), repo.renderer());
    Store store(homelab());
    QVERIFY(store.settle(flux));
    QVERIFY(!store.get(QStringLiteral("Namespace"), QString(), QStringLiteral("media")).isEmpty());

    // The Namespace leaves the repository: a new commit, fetched on request.
    repo.commit = commitB;
    repo.paths[QStringLiteral("./apps")].removeLast();
    store.annotate(QStringLiteral("GitRepository"), QStringLiteral("flux-system"),
                   QStringLiteral("reconcile.fluxcd.io/requestedAt"), QStringLiteral("r1"));
    QVERIFY(store.settle(flux));
    QVERIFY(store.get(QStringLiteral("Namespace"), QString(), QStringLiteral("media")).isEmpty());
    QCOMPARE(at(ks(store, QStringLiteral("apps")), QStringLiteral("status.inventory.entries"))
                 .toArray()
                 .size(),
             1);

    // Without prune, what leaves stays.
    store.setSpec(QStringLiteral("Kustomization"), QStringLiteral("apps"), QStringLiteral("prune"),
                  false);
    repo.paths[QStringLiteral("./apps")].clear();
    QVERIFY(store.settle(flux));
    QVERIFY(
        !store.get(QStringLiteral("ConfigMap"), QStringLiteral("default"), QStringLiteral("web"))
             .isEmpty());
    QCOMPARE(at(ks(store, QStringLiteral("apps")), QStringLiteral("status.inventory.entries"))
                 .toArray()
                 .size(),
             0);
}

void TestFakeFlux::kustomizationFollowsNewRevision()
{
    FakeRepo repo = homelabRepo();
    FakeFlux flux(repo.source(), repo.renderer());
    Store store(homelab());
    QVERIFY(store.settle(flux));
    const QString webUid = str(
        store.get(QStringLiteral("ConfigMap"), QStringLiteral("default"), QStringLiteral("web")),
        QStringLiteral("metadata.uid"));
    repo.commit = commitB;
    repo.paths[QStringLiteral("./apps")][0] =
        configMap(QStringLiteral("default"), QStringLiteral("web"), QStringLiteral("3"));
    store.annotate(QStringLiteral("GitRepository"), QStringLiteral("flux-system"),
                   QStringLiteral("reconcile.fluxcd.io/requestedAt"), QStringLiteral("r2"));
    QVERIFY(store.settle(flux));
    const QJsonObject web =
        store.get(QStringLiteral("ConfigMap"), QStringLiteral("default"), QStringLiteral("web"));
    QCOMPARE(str(web, QStringLiteral("data.key")), QStringLiteral("3"));
    QCOMPARE(str(web, QStringLiteral("metadata.uid")), webUid);
    QCOMPARE(str(ks(store, QStringLiteral("apps")), QStringLiteral("status.lastAppliedRevision")),
             QStringLiteral("main@sha1:") + commitB);
}

void TestFakeFlux::suspendHonoured()
{
    FakeRepo repo = homelabRepo();
    FakeFlux flux(repo.source(), repo.renderer());
    Store store(homelab());
    QVERIFY(store.settle(flux));
    const QJsonObject before = ks(store, QStringLiteral("apps"));
    store.setSpec(QStringLiteral("Kustomization"), QStringLiteral("apps"),
                  QStringLiteral("suspend"), true);
    repo.commit = commitB;
    repo.paths[QStringLiteral("./apps")][0] =
        configMap(QStringLiteral("default"), QStringLiteral("web"), QStringLiteral("4"));
    store.annotate(QStringLiteral("GitRepository"), QStringLiteral("flux-system"),
                   QStringLiteral("reconcile.fluxcd.io/requestedAt"), QStringLiteral("r3"));
    store.annotate(QStringLiteral("Kustomization"), QStringLiteral("apps"),
                   QStringLiteral("reconcile.fluxcd.io/requestedAt"), QStringLiteral("r3"));
    QVERIFY(store.settle(flux));
    const QJsonObject suspended = ks(store, QStringLiteral("apps"));
    // Nothing done: Ready keeps its last state, the request stays unanswered.
    QCOMPARE(suspended.value(QLatin1String("status")), before.value(QLatin1String("status")));
    QCOMPARE(str(store.get(QStringLiteral("ConfigMap"), QStringLiteral("default"),
                           QStringLiteral("web")),
                 QStringLiteral("data.key")),
             QStringLiteral("2"));

    store.setSpec(QStringLiteral("Kustomization"), QStringLiteral("apps"),
                  QStringLiteral("suspend"), false);
    QVERIFY(store.settle(flux));
    QCOMPARE(str(store.get(QStringLiteral("ConfigMap"), QStringLiteral("default"),
                           QStringLiteral("web")),
                 QStringLiteral("data.key")),
             QStringLiteral("4"));
    QCOMPARE(
        str(ks(store, QStringLiteral("apps")), QStringLiteral("status.lastHandledReconcileAt")),
        QStringLiteral("r3"));
}

void TestFakeFlux::delayShowsReconciling()
{
    FakeRepo repo = homelabRepo();
    FakeFlux flux(repo.source(), repo.renderer());
    flux.setDelayMs(250);
    Store store(fluxRunning());
    store.put(gitRepository(QStringLiteral("flux-system")));
    const QList<FakeChange> first = flux.react(store.objects, t0);
    // Reconciling at once, the outcome 250 ms later.
    QVERIFY(first.size() >= 2);
    QCOMPARE(first.first().delayMs, 0);
    QCOMPARE(str(first.first().object, QStringLiteral("kind")), QStringLiteral("GitRepository"));
    const QJsonObject reconciling = first.first().object;
    QCOMPARE(str(ready(reconciling), QStringLiteral("status")), QStringLiteral("Unknown"));
    bool sawReconciling = false;
    for (const QJsonValue &c : at(reconciling, QStringLiteral("status.conditions")).toArray())
        sawReconciling =
            sawReconciling ||
            (c.toObject().value(QLatin1String("type")).toString() == QLatin1String("Reconciling") &&
             c.toObject().value(QLatin1String("status")).toString() == QLatin1String("True"));
    QVERIFY(sawReconciling);
    for (int i = 1; i < first.size(); ++i)
        QCOMPARE(first.at(i).delayMs, 250);
    QCOMPARE(str(ready(first.at(1).object), QStringLiteral("status")), QStringLiteral("True"));

    // While it runs, nothing new is started for it.
    store.put(reconciling);
    QVERIFY(flux.react(store.objects, t0).isEmpty());
    // The outcome lands: settled.
    for (int i = 1; i < first.size(); ++i)
        store.put(first.at(i).object);
    QVERIFY(flux.react(store.objects, t0).isEmpty() ||
            str(flux.react(store.objects, t0).value(0).object, QStringLiteral("kind")) !=
                QLatin1String("GitRepository"));
    QCOMPARE(repo.fetches, 1);
}

void TestFakeFlux::releaseName_data()
{
    QTest::addColumn<QJsonObject>("spec");
    QTest::addColumn<QString>("release");
    QTest::addColumn<QString>("storage");
    QTest::addRow("name") << QJsonObject() << QStringLiteral("podinfo")
                          << QStringLiteral("flux-system");
    QTest::addRow("targetNamespace")
        << QJsonObject{{QStringLiteral("targetNamespace"), QStringLiteral("web")}}
        << QStringLiteral("web-podinfo") << QStringLiteral("flux-system");
    QTest::addRow("releaseName and storageNamespace")
        << QJsonObject{{QStringLiteral("targetNamespace"), QStringLiteral("web")},
                       {QStringLiteral("releaseName"), QStringLiteral("frontend")},
                       {QStringLiteral("storageNamespace"), QStringLiteral("web")}}
        << QStringLiteral("frontend") << QStringLiteral("web");
    const QString longNs = QStringLiteral("a-very-long-target-namespace-for-testing-names");
    const QString full = longNs + QStringLiteral("-podinfo");
    QTest::addRow("over 53 characters")
        << QJsonObject{{QStringLiteral("targetNamespace"), longNs}}
        << QString(full.left(40) + QLatin1Char('-') +
                   QString::fromLatin1(
                       QCryptographicHash::hash(full.toUtf8(), QCryptographicHash::Sha256)
                           .toHex()
                           .left(12)))
        << QStringLiteral("flux-system");
}

void TestFakeFlux::releaseName()
{
    QFETCH(QJsonObject, spec);
    QFETCH(QString, release);
    QFETCH(QString, storage);
    const QJsonObject hr =
        object(QStringLiteral("helm.toolkit.fluxcd.io/v2"), QStringLiteral("HelmRelease"),
               QStringLiteral("flux-system"), QStringLiteral("podinfo"), spec);
    QCOMPARE(fakeFluxReleaseName(hr), release);
    QVERIFY(fakeFluxReleaseName(hr).size() <= 53);
    QCOMPARE(fakeFluxStorageNamespace(hr), storage);
}

namespace {

QJsonObject helmRelease(const QJsonObject &extra = {})
{
    QJsonObject spec{
        {QStringLiteral("interval"), QStringLiteral("30m")},
        {QStringLiteral("releaseName"), QStringLiteral("podinfo")},
        {QStringLiteral("targetNamespace"), QStringLiteral("web")},
        {QStringLiteral("storageNamespace"), QStringLiteral("web")},
        {QStringLiteral("values"), QJsonObject{{QStringLiteral("replicaCount"), 2}}},
        {QStringLiteral("chart"),
         QJsonObject{
             {QStringLiteral("spec"),
              QJsonObject{{QStringLiteral("chart"), QStringLiteral("podinfo")},
                          {QStringLiteral("version"), QStringLiteral("6.5.0")},
                          {QStringLiteral("sourceRef"),
                           QJsonObject{{QStringLiteral("kind"), QStringLiteral("HelmRepository")},
                                       {QStringLiteral("name"), QStringLiteral("podinfo")}}}}}}}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        spec.insert(it.key(), it.value());
    return object(QStringLiteral("helm.toolkit.fluxcd.io/v2"), QStringLiteral("HelmRelease"),
                  QStringLiteral("flux-system"), QStringLiteral("podinfo"), spec);
}

QJsonObject helmRepository()
{
    return object(QStringLiteral("source.toolkit.fluxcd.io/v1"), QStringLiteral("HelmRepository"),
                  QStringLiteral("flux-system"), QStringLiteral("podinfo"),
                  QJsonObject{{QStringLiteral("url"),
                               QStringLiteral("https://stefanprodan.github.io/podinfo")}});
}

QJsonObject releaseObject(const QString &kind, const QString &apiVersion, const QString &name,
                          const QString &uid)
{
    QJsonObject o = object(apiVersion, kind, QStringLiteral("web"), name);
    QJsonObject m = o.value(QLatin1String("metadata")).toObject();
    m.insert(QStringLiteral("uid"), uid);
    m.insert(QStringLiteral("labels"),
             QJsonObject{{QStringLiteral("app.kubernetes.io/managed-by"), QStringLiteral("Helm")}});
    m.insert(
        QStringLiteral("annotations"),
        QJsonObject{{QStringLiteral("meta.helm.sh/release-name"), QStringLiteral("podinfo")},
                    {QStringLiteral("meta.helm.sh/release-namespace"), QStringLiteral("web")}});
    o.insert(QStringLiteral("metadata"), m);
    return o;
}

// A release installed by hand with helm: revisions 1 and 2, a Deployment and its data.
QList<QJsonObject> installedRelease()
{
    return {helmReleaseSecret(helmReleaseJson(
                QStringLiteral("podinfo"), QStringLiteral("web"), 1, QStringLiteral("superseded"),
                QStringLiteral("podinfo"), QStringLiteral("6.4.0"), {})),
            helmReleaseSecret(helmReleaseJson(QStringLiteral("podinfo"), QStringLiteral("web"), 2,
                                              QStringLiteral("deployed"), QStringLiteral("podinfo"),
                                              QStringLiteral("6.5.0"),
                                              QJsonObject{{QStringLiteral("replicaCount"), 2}})),
            releaseObject(QStringLiteral("Deployment"), QStringLiteral("apps/v1"),
                          QStringLiteral("podinfo"), QStringLiteral("uid-deploy")),
            releaseObject(QStringLiteral("PersistentVolumeClaim"), QStringLiteral("v1"),
                          QStringLiteral("podinfo-data"), QStringLiteral("uid-pvc"))};
}

QList<HelmRelease> records(const Store &store)
{
    QList<HelmRelease> out;
    for (const QJsonObject &o : store.objects) {
        if (str(o, QStringLiteral("kind")) != QLatin1String("Secret"))
            continue;
        const Result<HelmRelease> r = decodeHelmReleaseObject(o);
        if (!r)
            qWarning() << r.error().message;
        else
            out.append(*r);
    }
    std::sort(out.begin(), out.end(),
              [](const HelmRelease &a, const HelmRelease &b) { return a.revision < b.revision; });
    return out;
}

QJsonObject hr(const Store &store)
{
    return store.get(QStringLiteral("HelmRelease"), QStringLiteral("flux-system"),
                     QStringLiteral("podinfo"));
}

} // namespace

void TestFakeFlux::helmReleaseAdoptsExistingRelease()
{
    FakeFlux flux;
    Store store(fluxRunning() + installedRelease());
    store.put(helmRepository());
    store.put(helmRelease());
    QVERIFY(store.settle(flux));

    // Helm's own reader sees revision 3 deployed, 2 superseded: adopted, not reinstalled.
    const QList<HelmRelease> releases = records(store);
    QCOMPARE(releases.size(), 3);
    QCOMPARE(releases.at(1).status, QStringLiteral("superseded"));
    QCOMPARE(releases.at(2).revision, 3);
    QCOMPARE(releases.at(2).status, QStringLiteral("deployed"));
    QCOMPARE(releases.at(2).name, QStringLiteral("podinfo"));
    QCOMPARE(releases.at(2).ns, QStringLiteral("web"));
    QCOMPARE(releases.at(2).chartName, QStringLiteral("podinfo"));
    QCOMPARE(releases.at(2).chartVersion, QStringLiteral("6.5.0"));
    QCOMPARE(releases.at(2).values, (QJsonObject{{QStringLiteral("replicaCount"), 2}}));
    const QJsonObject v3 = store.get(QStringLiteral("Secret"), QStringLiteral("web"),
                                     QStringLiteral("sh.helm.release.v1.podinfo.v3"));
    QCOMPARE(str(v3, QStringLiteral("metadata.labels.owner")), QStringLiteral("helm"));
    QCOMPARE(str(v3, QStringLiteral("metadata.labels.status")), QStringLiteral("deployed"));
    QCOMPARE(str(v3, QStringLiteral("metadata.labels.version")), QStringLiteral("3"));
    QCOMPARE(str(store.get(QStringLiteral("Secret"), QStringLiteral("web"),
                           QStringLiteral("sh.helm.release.v1.podinfo.v2")),
                 QStringLiteral("metadata.labels.status")),
             QStringLiteral("superseded"));

    const QJsonObject release = hr(store);
    const QString message = QStringLiteral(
        "Helm upgrade succeeded for release web/podinfo.v3 with chart podinfo@6.5.0");
    QCOMPARE(str(ready(release), QStringLiteral("status")), QStringLiteral("True"));
    QCOMPARE(str(ready(release), QStringLiteral("reason")), QStringLiteral("UpgradeSucceeded"));
    QCOMPARE(str(ready(release), QStringLiteral("message")), message);
    QCOMPARE(str(release, QStringLiteral("status.lastAttemptedRevision")), QStringLiteral("6.5.0"));
    QCOMPARE(str(release, QStringLiteral("status.lastAttemptedReleaseAction")),
             QStringLiteral("upgrade"));
    QCOMPARE(str(release, QStringLiteral("status.storageNamespace")), QStringLiteral("web"));
    QCOMPARE(str(release, QStringLiteral("status.helmChart")),
             QStringLiteral("flux-system/flux-system-podinfo"));
    const QJsonObject latest = at(release, QStringLiteral("status.history.0")).toObject();
    QCOMPARE(latest.value(QLatin1String("version")).toInt(), 3);
    QCOMPARE(str(latest, QStringLiteral("status")), QStringLiteral("deployed"));
    QCOMPARE(str(latest, QStringLiteral("chartName")), QStringLiteral("podinfo"));
    QCOMPARE(str(latest, QStringLiteral("chartVersion")), QStringLiteral("6.5.0"));
    QCOMPARE(str(latest, QStringLiteral("name")), QStringLiteral("podinfo"));
    QCOMPARE(str(latest, QStringLiteral("namespace")), QStringLiteral("web"));
    for (const char *key : {"configDigest", "digest", "firstDeployed", "lastDeployed"})
        QVERIFY2(!str(latest, QLatin1String(key)).isEmpty(), key);

    // The workloads kept their uids and carry helm-controller's labels.
    const QJsonObject deploy =
        store.get(QStringLiteral("Deployment"), QStringLiteral("web"), QStringLiteral("podinfo"));
    QCOMPARE(str(deploy, QStringLiteral("metadata.uid")), QStringLiteral("uid-deploy"));
    QCOMPARE(at(deploy, QStringLiteral("metadata.labels"))
                 .toObject()
                 .value(QLatin1String("helm.toolkit.fluxcd.io/name"))
                 .toString(),
             QStringLiteral("podinfo"));
    QCOMPARE(str(store.get(QStringLiteral("PersistentVolumeClaim"), QStringLiteral("web"),
                           QStringLiteral("podinfo-data")),
                 QStringLiteral("metadata.uid")),
             QStringLiteral("uid-pvc"));

    const QList<QJsonObject> events =
        store.events(QStringLiteral("podinfo"), QStringLiteral("HelmRelease"),
                     QStringLiteral("UpgradeSucceeded"));
    QCOMPARE(events.size(), 1);
    QCOMPARE(str(events.first(), QStringLiteral("reason")), QStringLiteral("UpgradeSucceeded"));
    QCOMPARE(str(events.first(), QStringLiteral("message")), message);
    QCOMPARE(str(events.first(), QStringLiteral("source.component")),
             QStringLiteral("helm-controller"));
}

void TestFakeFlux::helmReleaseInstallsRevisionOne()
{
    FakeFlux flux;
    Store store(fluxRunning());
    store.put(helmRepository());
    store.put(helmRelease());
    QVERIFY(store.settle(flux));
    const QList<HelmRelease> releases = records(store);
    QCOMPARE(releases.size(), 1);
    QCOMPARE(releases.first().revision, 1);
    QCOMPARE(releases.first().status, QStringLiteral("deployed"));
    QCOMPARE(str(ready(hr(store)), QStringLiteral("reason")), QStringLiteral("InstallSucceeded"));
    QCOMPARE(str(ready(hr(store)), QStringLiteral("message")),
             QStringLiteral("Helm install succeeded for release web/podinfo.v1 with chart "
                            "podinfo@6.5.0"));
    QCOMPARE(str(hr(store), QStringLiteral("status.lastAttemptedReleaseAction")),
             QStringLiteral("install"));
}

void TestFakeFlux::helmReleaseWaitsForItsSource()
{
    FakeFlux flux;
    Store store(fluxRunning() + installedRelease());
    store.put(helmRelease());
    QVERIFY(store.settle(flux));
    QCOMPARE(str(ready(hr(store)), QStringLiteral("status")), QStringLiteral("False"));
    QCOMPARE(str(ready(hr(store)), QStringLiteral("reason")), QStringLiteral("ArtifactFailed"));
    QCOMPARE(records(store).size(), 2);

    // Without helm-controller nothing happens at all.
    FakeFlux idle;
    QList<QJsonObject> noHelm = fluxRunning();
    noHelm.removeLast();
    Store quiet(noHelm + installedRelease());
    quiet.put(helmRepository());
    quiet.put(helmRelease());
    QVERIFY(quiet.settle(idle));
    QVERIFY(at(hr(quiet), QStringLiteral("status")).isUndefined());
    QCOMPARE(records(quiet).size(), 2);

    store.put(helmRepository());
    QVERIFY(store.settle(flux));
    QCOMPARE(str(ready(hr(store)), QStringLiteral("status")), QStringLiteral("True"));
    QCOMPARE(records(store).size(), 3);
}

void TestFakeFlux::helmReleaseReinstallRecreates()
{
    FakeFlux flux;
    flux.setReinstall(true);
    Store store(fluxRunning() + installedRelease());
    store.put(helmRepository());
    store.put(helmRelease());
    QVERIFY(store.settle(flux));
    const QList<HelmRelease> releases = records(store);
    QCOMPARE(releases.size(), 1);
    QCOMPARE(releases.first().revision, 1);
    QCOMPARE(releases.first().status, QStringLiteral("deployed"));
    QCOMPARE(str(ready(hr(store)), QStringLiteral("message")),
             QStringLiteral("Helm install succeeded for release web/podinfo.v1 with chart "
                            "podinfo@6.5.0"));
    const QJsonObject deploy =
        store.get(QStringLiteral("Deployment"), QStringLiteral("web"), QStringLiteral("podinfo"));
    const QJsonObject pvc = store.get(QStringLiteral("PersistentVolumeClaim"),
                                      QStringLiteral("web"), QStringLiteral("podinfo-data"));
    QVERIFY(!deploy.isEmpty());
    QVERIFY(!pvc.isEmpty());
    QVERIFY(!str(deploy, QStringLiteral("metadata.uid")).isEmpty());
    QVERIFY(str(deploy, QStringLiteral("metadata.uid")) != QLatin1String("uid-deploy"));
    QVERIFY(str(pvc, QStringLiteral("metadata.uid")) != QLatin1String("uid-pvc"));
    // Deleted, then created: the answer says so in that order.
    bool deletedFirst = false;
    for (const QList<FakeChange> &answer : std::as_const(store.answers)) {
        for (const FakeChange &c : answer) {
            if (str(c.object, QStringLiteral("metadata.name")) != QLatin1String("podinfo-data"))
                continue;
            if (c.type == FakeChange::Type::Delete)
                deletedFirst = true;
            else
                QVERIFY(deletedFirst);
        }
    }
    QVERIFY(deletedFirst);
}

void TestFakeFlux::helmReleaseForceAndReset()
{
    FakeFlux flux;
    Store store(fluxRunning() + installedRelease());
    store.put(helmRepository());
    store.put(helmRelease());
    QVERIFY(store.settle(flux));
    QCOMPARE(records(store).size(), 3);
    const auto annotate = [&](const QString &key, const QString &value) {
        store.annotate(QStringLiteral("HelmRelease"), QStringLiteral("podinfo"), key, value);
    };
    const QString requestedAt = QStringLiteral("reconcile.fluxcd.io/requestedAt");

    // A plain request: handled, no new revision (nothing changed).
    annotate(requestedAt, QStringLiteral("t1"));
    QVERIFY(store.settle(flux));
    QCOMPARE(str(hr(store), QStringLiteral("status.lastHandledReconcileAt")), QStringLiteral("t1"));
    QCOMPARE(records(store).size(), 3);

    // forceAt without the same requestedAt is not honoured.
    annotate(QStringLiteral("reconcile.fluxcd.io/forceAt"), QStringLiteral("t2"));
    QVERIFY(store.settle(flux));
    QCOMPARE(records(store).size(), 3);
    QVERIFY(str(hr(store), QStringLiteral("status.lastHandledForceAt")).isEmpty());

    // flux reconcile hr --force: both annotations, one value: a new revision.
    annotate(requestedAt, QStringLiteral("t2"));
    QVERIFY(store.settle(flux));
    QCOMPARE(records(store).size(), 4);
    QCOMPARE(str(hr(store), QStringLiteral("status.lastHandledForceAt")), QStringLiteral("t2"));
    QCOMPARE(str(ready(hr(store)), QStringLiteral("message")),
             QStringLiteral("Helm upgrade succeeded for release web/podinfo.v4 with chart "
                            "podinfo@6.5.0"));

    // flux reconcile hr --reset: the failure counts go, no new revision.
    QJsonObject failing = hr(store);
    QJsonObject status = failing.value(QLatin1String("status")).toObject();
    status.insert(QStringLiteral("upgradeFailures"), 3);
    failing.insert(QStringLiteral("status"), status);
    store.put(failing);
    annotate(QStringLiteral("reconcile.fluxcd.io/resetAt"), QStringLiteral("t3"));
    annotate(requestedAt, QStringLiteral("t3"));
    QVERIFY(store.settle(flux));
    QCOMPARE(str(hr(store), QStringLiteral("status.lastHandledResetAt")), QStringLiteral("t3"));
    QVERIFY(at(hr(store), QStringLiteral("status.upgradeFailures")).isUndefined());
    QCOMPARE(records(store).size(), 4);
}

QTEST_GUILESS_MAIN(TestFakeFlux)
#include "tst_fakeflux.moc"
