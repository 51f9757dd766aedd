// Takeover verification (models/flux/takeover.*): object by object and release by release,
// adopted in place or made again, against a baseline recorded from the plan.
#include "../helm/helmfixtures.h"
#include "flux/takeover.h"
#include "kube/inventory.h"
#include "plan/planner.h"

#include <QJsonArray>
#include <QtTest>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

const ObjectKey deployment{s("apps"), s("Deployment"), s("llm"), s("llama-cpp")};
const ObjectKey claim{QString(), s("PersistentVolumeClaim"), s("llm"), s("models")};
const ObjectKey lokiRelease{s("helm.toolkit.fluxcd.io"), s("HelmRelease"), s("logging"), s("loki")};
const ObjectKey lokiWorkload{s("apps"), s("StatefulSet"), s("logging"), s("loki")};

QString apiVersionOf(const ObjectKey &key)
{
    if (key.group.isEmpty())
        return s("v1");
    if (key.group == QLatin1String("helm.toolkit.fluxcd.io"))
        return s("helm.toolkit.fluxcd.io/v2");
    return key.group + s("/v1");
}

QJsonObject live(const ObjectKey &key, const QString &uid, const QString &created,
                 const QString &kustomization = {})
{
    QJsonObject metadata{{s("name"), key.name}, {s("uid"), uid}, {s("creationTimestamp"), created}};
    if (!key.ns.isEmpty())
        metadata.insert(s("namespace"), key.ns);
    if (!kustomization.isEmpty())
        metadata.insert(
            s("labels"),
            QJsonObject{{s("kustomize.toolkit.fluxcd.io/name"), kustomization},
                        {s("kustomize.toolkit.fluxcd.io/namespace"), s("flux-system")}});
    return QJsonObject{
        {s("apiVersion"), apiVersionOf(key)}, {s("kind"), key.kind}, {s("metadata"), metadata}};
}

QJsonObject fluxNamespace()
{
    return live(ObjectKey{QString(), s("Namespace"), QString(), s("flux-system")}, s("ns-flux"),
                s("2026-12-01T10:00:00Z"));
}

QJsonObject record(int revision, const QString &status, const QString &uid)
{
    QJsonObject secret = helmReleaseSecret(helmReleaseJson(
        s("loki"), s("logging"), revision, status, s("loki"), s("6.6.2"), QJsonObject()));
    QJsonObject metadata = secret.value(s("metadata")).toObject();
    metadata.insert(s("uid"), uid);
    secret.insert(s("metadata"), metadata);
    return secret;
}

QJsonObject helmReleaseObject(const QString &readyStatus, const QString &reason,
                              const QString &historyName = s("loki"))
{
    QJsonObject object = live(lokiRelease, s("hr-1"), s("2026-12-01T10:05:00Z"));
    const QJsonObject ready{{s("type"), s("Ready")},
                            {s("status"), readyStatus},
                            {s("reason"), reason},
                            {s("message"), s("Helm upgrade failed: timed out")}};
    QJsonObject status{{s("conditions"), QJsonArray{ready}}};
    status.insert(s("history"), QJsonArray{QJsonObject{{s("name"), historyName},
                                                       {s("namespace"), s("logging")},
                                                       {s("version"), 3}}});
    object.insert(s("status"), status);
    return object;
}

TakeoverBaseline baseline()
{
    TakeoverBaseline b;
    b.cluster = s("homelab");
    b.recordedAt = QDateTime::fromString(s("2026-12-01T09:00:00Z"), Qt::ISODate);
    b.objects = {TakeoverObject{deployment, s("uid-deploy"), s("workloads/llm/llama-cpp.yaml")},
                 TakeoverObject{claim, s("uid-claim"), s("workloads/llm/models-pvc.yaml")}};
    TakeoverRelease loki;
    loki.name = s("loki");
    loki.storageNamespace = s("logging");
    loki.revision = 2;
    loki.recordUid = s("rec-2");
    loki.chart = s("loki-6.6.2");
    loki.helmRelease = lokiRelease;
    loki.file = s("infrastructure/logging/loki-helmrelease.yaml");
    loki.workloads = {TakeoverObject{lokiWorkload, s("uid-loki"), loki.file}};
    b.releases = {loki};
    return b;
}

const TakeoverItem *itemFor(const TakeoverReport &report, const ObjectKey &key,
                            TakeoverItem::Subject subject)
{
    for (const TakeoverItem &item : report.items)
        if (item.key == key && item.subject == subject)
            return &item;
    return nullptr;
}

} // namespace

class TestTakeover : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void objects_data();
    void objects();
    void releases_data();
    void releases();
    void recreatedWorkloadOfAnAdoptedRelease();
    void withoutUidsLeansOnTimestamps();
    void everythingAdoptedExitsZero();
    void baselineRoundTrips();
    void baselineErrorsNameTheFile();
    void baselineFromPlan();
    void baselineSavedInTheCheckout();
};

void TestTakeover::objects_data()
{
    QTest::addColumn<QList<QJsonObject>>("objects");
    QTest::addColumn<int>("deploymentState");
    QTest::addColumn<int>("claimState");
    QTest::addColumn<int>("claimSeverity");
    QTest::addColumn<QString>("detail");

    const QJsonObject deployAdopted =
        live(deployment, s("uid-deploy"), s("2026-11-01T00:00:00Z"), s("workloads"));
    QTest::newRow("adopted in place")
        << QList<QJsonObject>{deployAdopted, live(claim, s("uid-claim"), s("2026-11-01T00:00:00Z"),
                                                  s("workloads"))}
        << int(TakeoverState::Adopted) << int(TakeoverState::Adopted) << int(TakeoverSeverity::Ok)
        << s("adopted in place");
    QTest::newRow("not applied yet")
        << QList<QJsonObject>{deployAdopted, live(claim, s("uid-claim"), s("2026-11-01T00:00:00Z"))}
        << int(TakeoverState::Adopted) << int(TakeoverState::Waiting)
        << int(TakeoverSeverity::Waiting) << s("not applied by Flux yet");
    QTest::newRow("claim recreated: data lost")
        << QList<QJsonObject>{deployAdopted, live(claim, s("uid-claim-2"),
                                                  s("2026-12-01T10:06:00Z"), s("workloads"))}
        << int(TakeoverState::Adopted) << int(TakeoverState::Recreated)
        << int(TakeoverSeverity::Danger) << s("uid uid-clai… → uid-clai…");
    QTest::newRow("claim gone") << QList<QJsonObject>{deployAdopted} << int(TakeoverState::Adopted)
                                << int(TakeoverState::Missing) << int(TakeoverSeverity::Danger)
                                << s("gone from the cluster");
}

void TestTakeover::objects()
{
    QFETCH(QList<QJsonObject>, objects);
    QFETCH(int, deploymentState);
    QFETCH(int, claimState);
    QFETCH(int, claimSeverity);
    QFETCH(QString, detail);
    TakeoverBaseline b = baseline();
    b.releases.clear();
    const TakeoverReport report = verifyTakeover(b, objects);
    QCOMPARE(report.items.size(), 2);
    const TakeoverItem *d = itemFor(report, deployment, TakeoverItem::Subject::Object);
    const TakeoverItem *c = itemFor(report, claim, TakeoverItem::Subject::Object);
    QVERIFY(d && c);
    QCOMPARE(int(d->state), deploymentState);
    QCOMPARE(d->owner, s("Kustomization flux-system/workloads"));
    QCOMPARE(int(c->state), claimState);
    QCOMPARE(int(c->severity), claimSeverity);
    QVERIFY2(c->detail.startsWith(detail), qPrintable(c->detail));
    QCOMPARE(c->file, s("workloads/llm/models-pvc.yaml"));
    const int expectedExit = claimSeverity == int(TakeoverSeverity::Danger) ? 2
                             : claimSeverity == int(TakeoverSeverity::Ok)   ? 0
                                                                            : 1;
    QCOMPARE(report.exitCode(), expectedExit);
    QVERIFY(!report.withoutUids);
}

void TestTakeover::releases_data()
{
    QTest::addColumn<QList<QJsonObject>>("objects");
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("severity");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<int>("workloadState");

    const QJsonObject workload = live(lokiWorkload, s("uid-loki"), s("2026-10-01T00:00:00Z"));
    const QJsonObject ready = helmReleaseObject(s("True"), s("UpgradeSucceeded"));
    QTest::newRow("adopted: next revision of the same release")
        << QList<QJsonObject>{workload, ready, record(2, s("superseded"), s("rec-2")),
                              record(3, s("deployed"), s("rec-3"))}
        << int(TakeoverState::Adopted) << int(TakeoverSeverity::Ok) << s("adopted, revision 2 → 3")
        << int(TakeoverState::Adopted);
    QTest::newRow("adopted, old records pruned by maxHistory")
        << QList<QJsonObject>{workload, ready, record(9, s("deployed"), s("rec-9"))}
        << int(TakeoverState::Adopted) << int(TakeoverSeverity::Ok) << s("adopted, revision 2 → 9")
        << int(TakeoverState::Adopted);
    QTest::newRow("HelmRelease not applied yet")
        << QList<QJsonObject>{workload, record(2, s("deployed"), s("rec-2"))}
        << int(TakeoverState::Waiting) << int(TakeoverSeverity::Waiting)
        << s("HelmRelease not in the cluster yet") << int(TakeoverState::Waiting);
    QTest::newRow("reinstalled: revision 1 after revision 2 vanished")
        << QList<QJsonObject>{workload, ready, record(1, s("deployed"), s("rec-new"))}
        << int(TakeoverState::Reinstalled) << int(TakeoverSeverity::Danger)
        << s("revision 1 after revision 2 vanished") << int(TakeoverState::Waiting);
    QTest::newRow("reinstalled: the running revision's record made again")
        << QList<QJsonObject>{workload, ready, record(2, s("deployed"), s("rec-other"))}
        << int(TakeoverState::Reinstalled) << int(TakeoverSeverity::Danger)
        << s("revision 2 after revision 2 vanished") << int(TakeoverState::Waiting);
    QTest::newRow("uninstalled") << QList<QJsonObject>{workload, ready}
                                 << int(TakeoverState::Reinstalled) << int(TakeoverSeverity::Danger)
                                 << s("the release is gone") << int(TakeoverState::Waiting);
    QTest::newRow("installed under another name")
        << QList<QJsonObject>{workload,
                              helmReleaseObject(s("True"), s("InstallSucceeded"),
                                                s("logging-loki")),
                              record(2, s("deployed"), s("rec-2"))}
        << int(TakeoverState::Reinstalled) << int(TakeoverSeverity::Danger)
        << s("installed as release logging/logging-loki") << int(TakeoverState::Waiting);
    QTest::newRow("upgrade failed")
        << QList<QJsonObject>{workload, helmReleaseObject(s("False"), s("UpgradeFailed")),
                              record(2, s("deployed"), s("rec-2"))}
        << int(TakeoverState::Failed) << int(TakeoverSeverity::Warning)
        << s("UpgradeFailed: Helm upgrade failed") << int(TakeoverState::Waiting);
}

void TestTakeover::releases()
{
    QFETCH(QList<QJsonObject>, objects);
    QFETCH(int, state);
    QFETCH(int, severity);
    QFETCH(QString, detail);
    QFETCH(int, workloadState);
    TakeoverBaseline b = baseline();
    b.objects.clear();
    const TakeoverReport report = verifyTakeover(b, objects);
    QCOMPARE(report.items.size(), 2); // the release, then its workload
    const TakeoverItem &release = report.items.first();
    QCOMPARE(int(release.subject), int(TakeoverItem::Subject::Release));
    QCOMPARE(release.release, s("logging/loki"));
    QCOMPARE(release.key, lokiRelease);
    QCOMPARE(int(release.state), state);
    QCOMPARE(int(release.severity), severity);
    QVERIFY2(release.detail.startsWith(detail), qPrintable(release.detail));
    const TakeoverItem &workload = report.items.at(1);
    QCOMPARE(workload.key, lokiWorkload);
    QCOMPARE(workload.release, s("logging/loki"));
    // The StatefulSet carries no helm-controller label here: it follows its release.
    QCOMPARE(int(workload.state), workloadState);
    QCOMPARE(workload.owner, s("HelmRelease logging/loki"));
    const bool allAdopted =
        state == int(TakeoverState::Adopted) && workloadState == int(TakeoverState::Adopted);
    QCOMPARE(report.exitCode(), severity == int(TakeoverSeverity::Danger) ? 2 : allAdopted ? 0 : 1);
}

void TestTakeover::recreatedWorkloadOfAnAdoptedRelease()
{
    TakeoverBaseline b = baseline();
    b.objects.clear();
    const TakeoverReport report = verifyTakeover(
        b, {live(lokiWorkload, s("uid-loki-2"), s("2026-12-01T10:09:00Z")),
            helmReleaseObject(s("True"), s("UpgradeSucceeded")),
            record(2, s("superseded"), s("rec-2")), record(3, s("deployed"), s("rec-3"))});
    QCOMPARE(int(report.items.first().state), int(TakeoverState::Adopted));
    const TakeoverItem &workload = report.items.at(1);
    QCOMPARE(int(workload.state), int(TakeoverState::Recreated));
    QCOMPARE(int(workload.severity), int(TakeoverSeverity::Danger)); // a StatefulSet
    QCOMPARE(report.exitCode(), 2);
}

void TestTakeover::withoutUidsLeansOnTimestamps()
{
    TakeoverBaseline b = baseline();
    b.releases.clear();
    for (TakeoverObject &object : b.objects)
        object.uid.clear();
    b.recordedAt = QDateTime(); // a plan made from a snapshot: only Flux's arrival tells
    const TakeoverReport report = verifyTakeover(
        b, {fluxNamespace(), live(deployment, s("x"), s("2026-11-01T00:00:00Z"), s("workloads")),
            live(claim, s("y"), s("2026-12-01T10:07:00Z"), s("workloads"))});
    QVERIFY(report.withoutUids);
    QCOMPARE(report.fluxInstalledAt, QDateTime::fromString(s("2026-12-01T10:00:00Z"), Qt::ISODate));
    QCOMPARE(int(itemFor(report, deployment, TakeoverItem::Subject::Object)->state),
             int(TakeoverState::Adopted));
    const TakeoverItem *c = itemFor(report, claim, TakeoverItem::Subject::Object);
    QCOMPARE(int(c->state), int(TakeoverState::Recreated));
    QCOMPARE(int(c->severity), int(TakeoverSeverity::Danger));
    QVERIFY2(c->detail.contains(s("after Flux arrived")), qPrintable(c->detail));
}

void TestTakeover::everythingAdoptedExitsZero()
{
    const TakeoverReport report = verifyTakeover(
        baseline(),
        {live(deployment, s("uid-deploy"), s("2026-11-01T00:00:00Z"), s("workloads")),
         live(claim, s("uid-claim"), s("2026-11-01T00:00:00Z"), s("workloads")),
         [] {
             QJsonObject w = live(lokiWorkload, s("uid-loki"), s("2026-10-01T00:00:00Z"));
             QJsonObject m = w.value(s("metadata")).toObject();
             m.insert(s("labels"),
                      QJsonObject{{s("helm.toolkit.fluxcd.io/name"), s("loki")},
                                  {s("helm.toolkit.fluxcd.io/namespace"), s("logging")}});
             w.insert(s("metadata"), m);
             return w;
         }(),
         helmReleaseObject(s("True"), s("UpgradeSucceeded")),
         record(2, s("superseded"), s("rec-2")), record(3, s("deployed"), s("rec-3"))});
    QCOMPARE(report.items.size(), 4);
    QCOMPARE(report.count(TakeoverSeverity::Ok), 4);
    QCOMPARE(report.exitCode(), 0);
    QCOMPARE(itemFor(report, lokiWorkload, TakeoverItem::Subject::Object)->owner,
             s("HelmRelease logging/loki"));
    const QJsonObject json = takeoverReportJson(report);
    QCOMPARE(json.value(s("adopted")).toInt(), 4);
    QCOMPARE(json.value(s("items")).toArray().first().toObject().value(s("state")).toString(),
             s("adopted"));
}

void TestTakeover::baselineRoundTrips()
{
    TakeoverBaseline b = baseline();
    // Values a YAML reader would retype if written plainly: a date, a number, a boolean word.
    b.objects.append(
        TakeoverObject{ObjectKey{QString(), s("ConfigMap"), s("2024-04-01"), s("true")}, s("0123"),
                       s("workloads/2024-04-01/true.yaml")});
    const QByteArray yaml = b.toYaml();
    Result<TakeoverBaseline> parsed = TakeoverBaseline::parse(yaml, s("takeover.yaml"));
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
    QCOMPARE(parsed.value().cluster, s("homelab"));
    QCOMPARE(parsed.value().recordedAt, b.recordedAt);
    QCOMPARE(parsed.value().objects.size(), 3);
    const TakeoverObject odd = parsed.value().objects.last();
    QCOMPARE(odd.key.ns, s("2024-04-01"));
    QCOMPARE(odd.key.name, s("true"));
    QCOMPARE(odd.uid, s("0123"));
    QCOMPARE(parsed.value().releases.size(), 1);
    const TakeoverRelease r = parsed.value().releases.first();
    QCOMPARE(r.revision, 2);
    QCOMPARE(r.recordUid, s("rec-2"));
    QCOMPARE(r.helmRelease, lokiRelease);
    QCOMPARE(r.workloads.size(), 1);
    QCOMPARE(r.workloads.first().uid, s("uid-loki"));
}

void TestTakeover::baselineErrorsNameTheFile()
{
    Result<TakeoverBaseline> broken = TakeoverBaseline::parse(
        "kind: TakeoverBaseline\nobjects: [\n", s(".fluxdesk/takeover.yaml"));
    QVERIFY(!broken);
    QCOMPARE(broken.error().file, s(".fluxdesk/takeover.yaml"));
    QVERIFY2(broken.error().line > 0 && broken.error().column > 0,
             qPrintable(broken.error().toString()));
    Result<TakeoverBaseline> other = TakeoverBaseline::parse("kind: Other\n", s("t.yaml"));
    QVERIFY(!other);
    QCOMPARE(other.error().file, s("t.yaml"));
    QVERIFY(other.error().message.startsWith(s("not a takeover baseline")));
}

void TestTakeover::baselineFromPlan()
{
    Inventory inventory;
    QJsonObject ns = live(ObjectKey{QString(), s("Namespace"), QString(), s("llm")}, s("uid-ns"),
                          s("2026-01-01T00:00:00Z"));
    QJsonObject app = live(deployment, s("uid-deploy"), s("2026-01-01T00:00:00Z"));
    app.insert(s("spec"), QJsonObject{{s("replicas"), 1}});
    QJsonObject old = record(1, s("superseded"), s("rec-1"));
    QJsonObject current = record(2, s("deployed"), s("rec-2"));
    QJsonObject lokiNs = live(ObjectKey{QString(), s("Namespace"), QString(), s("logging")},
                              s("uid-logging"), s("2026-01-01T00:00:00Z"));
    QJsonObject workload = live(lokiWorkload, s("uid-loki"), s("2026-01-01T00:00:00Z"));
    QJsonObject wm = workload.value(s("metadata")).toObject();
    wm.insert(s("labels"), QJsonObject{{s("app.kubernetes.io/managed-by"), s("Helm")}});
    wm.insert(s("annotations"), QJsonObject{{s("meta.helm.sh/release-name"), s("loki")},
                                            {s("meta.helm.sh/release-namespace"), s("logging")}});
    workload.insert(s("metadata"), wm);
    inventory.addObjects({ns, app, lokiNs, workload, old, current});

    const Plan plan = planRepository(inventory);
    const TakeoverBaseline b = takeoverBaseline(
        plan, inventory, QDateTime::fromString(s("2026-12-01T09:00:00Z"), Qt::ISODate));
    QCOMPARE(b.recordedAt, QDateTime::fromString(s("2026-12-01T09:00:00Z"), Qt::ISODate));
    bool sawDeployment = false;
    for (const TakeoverObject &object : b.objects) {
        QVERIFY2(object.key.kind != QLatin1String("Kustomization"), qPrintable(object.file));
        if (object.key == deployment) {
            sawDeployment = true;
            QCOMPARE(object.uid, s("uid-deploy"));
            QCOMPARE(object.file, plan.pathOf(deployment));
        }
    }
    QVERIFY(sawDeployment);
    QCOMPARE(b.releases.size(), 1);
    const TakeoverRelease &r = b.releases.first();
    QCOMPARE(r.name, s("loki"));
    QCOMPARE(r.storageNamespace, s("logging"));
    QCOMPARE(r.revision, 2);
    QCOMPARE(r.recordUid, s("rec-2"));
    QCOMPARE(r.helmRelease.kind, s("HelmRelease"));
    QCOMPARE(r.workloads.size(), 1);
    QCOMPARE(r.workloads.first().key, lokiWorkload);
    QCOMPARE(r.workloads.first().uid, s("uid-loki"));
}

void TestTakeover::baselineSavedInTheCheckout()
{
    QTemporaryDir repo;
    QVERIFY(repo.isValid());
    Result<std::optional<TakeoverBaseline>> none = loadTakeoverBaseline(repo.path());
    QVERIFY(none);
    QVERIFY(!none.value().has_value());

    QVERIFY(saveTakeoverBaseline(repo.path(), baseline()));
    Result<std::optional<TakeoverBaseline>> loaded = loadTakeoverBaseline(repo.path());
    QVERIFY(loaded && loaded.value().has_value());
    QCOMPARE(loaded.value()->objects.size(), 2);
    QCOMPARE(loaded.value()->releases.first().workloads.first().uid, s("uid-loki"));

    // .fluxdesk turned into a link to somewhere else: nothing is written there.
    QTemporaryDir elsewhere, other;
    QVERIFY(QFile::link(elsewhere.path(), other.path() + s("/.fluxdesk")));
    QVERIFY(!saveTakeoverBaseline(other.path(), baseline()));
    QVERIFY(QDir(elsewhere.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());

    // A baseline edited by hand into something else says where.
    QFile file(repo.path() + s("/.fluxdesk/takeover.yaml"));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("kind: TakeoverBaseline\nreleases:\n  - name: loki\n");
    file.close();
    Result<std::optional<TakeoverBaseline>> broken = loadTakeoverBaseline(repo.path());
    QVERIFY(!broken);
    QVERIFY2(broken.error().message.contains(s("without name, storageNamespace or revision")),
             qPrintable(broken.error().message));
}

QTEST_GUILESS_MAIN(TestTakeover)
#include "tst_takeover.moc"
