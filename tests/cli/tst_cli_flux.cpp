// fluxdesk-cli flux ...: the takeover check as a script runs it: the baseline recorded from the
// demo cluster, then verdicts against snapshots of "after" (adopted in place, not yet, a claim
// recreated, a release reinstalled), exit codes 0/1/2 and --json.
#include "../helm/helmfixtures.h"
#include "../helm/takeoverfixtures.h"
#include "clirunner.h"
#include "flux/takeover.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

class TestCliFlux : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void recordsTheBaseline();
    void everythingAdoptedExitsZero();
    void notYetAppliedExitsOne();
    void recreatedClaimIsDanger();
    void reinstalledReleaseIsDanger();
    void jsonReport();
    void withoutBaselineSaysHowToRecordOne();
    void usageErrors();
    void statusListsFluxObjects();
    void checkAfterBootstrap();

private:
    // The demo cluster after Flux took over: every baseline object labelled by a Kustomization,
    // every release at its next revision with a Ready HelmRelease, with `change` applied last.
    QString afterSnapshot(const std::function<void(QList<QJsonObject> &)> &change = {});
    CliRun takeover(const QString &snapshot, const QStringList &extra = {});

    QTemporaryDir m_home, m_repo, m_files;
    QList<QJsonObject> m_before;
    TakeoverBaseline m_baseline;
};

void TestCliFlux::initTestCase()
{
    QVERIFY(m_home.isValid() && m_repo.isValid() && m_files.isValid());
    const QString before = m_files.filePath(s("before.json"));
    const CliRun snap = runCli({s("--demo"), s("snapshot"), s("--out"), before},
                               isolatedEnvironment(m_home.path()));
    QVERIFY2(snap.exitCode == 0, snap.err.constData());
    QFile file(before);
    QVERIFY(file.open(QIODevice::ReadOnly));
    for (const QJsonValue &item :
         QJsonDocument::fromJson(file.readAll()).object().value(s("items")).toArray())
        m_before.append(item.toObject());
    QVERIFY(m_before.size() > 50);
}

void TestCliFlux::recordsTheBaseline()
{
    const CliRun run =
        runCli({s("--demo"), s("flux"), s("takeover"), s("--repo"), m_repo.path(), s("--record")},
               isolatedEnvironment(m_home.path()));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.outText().startsWith(s("recorded ")), run.out.constData());
    Result<std::optional<TakeoverBaseline>> loaded = loadTakeoverBaseline(m_repo.path());
    QVERIFY(loaded && loaded.value().has_value());
    m_baseline = *loaded.value();
    QVERIFY(m_baseline.objects.size() > 10);
    // The owner's releases, not K3s's traefik: loki is at revision 2.
    QStringList releases;
    for (const TakeoverRelease &release : m_baseline.releases) {
        releases.append(release.name);
        QVERIFY(!release.recordUid.isEmpty());
        if (release.name == QLatin1String("loki"))
            QCOMPARE(release.revision, 2);
    }
    QVERIFY2(releases.contains(s("loki")) && !releases.contains(s("traefik")),
             qPrintable(releases.join(QLatin1Char(' '))));
    for (const TakeoverObject &object : std::as_const(m_baseline.objects))
        QVERIFY2(!object.uid.isEmpty(), qPrintable(object.key.toString()));
}

QString TestCliFlux::afterSnapshot(const std::function<void(QList<QJsonObject> &)> &change)
{
    QList<QJsonObject> after = clusterAfterTakeover(m_before, m_baseline, s("apps"));
    if (change)
        change(after);
    static int n = 0;
    const QString path = m_files.filePath(s("after-%1.json").arg(++n));
    return writeSnapshotList(path, after) ? path : QString();
}

CliRun TestCliFlux::takeover(const QString &snapshot, const QStringList &extra)
{
    return runCli(QStringList{s("--snapshot"), snapshot, s("flux"), s("takeover"), s("--repo"),
                              m_repo.path()} +
                      extra,
                  isolatedEnvironment(m_home.path()));
}

void TestCliFlux::everythingAdoptedExitsZero()
{
    QVERIFY(!m_baseline.isEmpty());
    const CliRun run = takeover(afterSnapshot());
    QVERIFY2(run.exitCode == 0, run.out.constData());
    QVERIFY2(run.outText().contains(s(" 0 not yet, 0 warnings, 0 in danger")), run.out.constData());
    QVERIFY2(run.outText().contains(s("adopted, revision 2 → 3")), run.out.constData());
    QVERIFY(!run.outText().contains(s("DANGER")));
}

void TestCliFlux::notYetAppliedExitsOne()
{
    // The snapshot from before: nothing of Flux's is there yet.
    const CliRun run = takeover(m_files.filePath(s("before.json")));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.outText().contains(s("not applied by Flux yet")), run.out.constData());
    QVERIFY2(run.outText().contains(s("HelmRelease not in the cluster yet")), run.out.constData());
}

void TestCliFlux::recreatedClaimIsDanger()
{
    ObjectKey claim;
    for (const TakeoverObject &object : std::as_const(m_baseline.objects))
        if (object.key.kind == QLatin1String("PersistentVolumeClaim"))
            claim = object.key;
    QVERIFY2(!claim.name.isEmpty(), "the demo migrates a PersistentVolumeClaim");
    const CliRun run = takeover(afterSnapshot([&](QList<QJsonObject> &objects) {
        for (QJsonObject &object : objects)
            if (ObjectKey::of(object) == claim)
                object = withMetadata(object, [](QJsonObject &m) {
                    m.insert(s("uid"), s("0000aaaa-made-again"));
                    m.insert(s("creationTimestamp"), s("2026-12-07T12:00:00Z"));
                });
    }));
    QCOMPARE(run.exitCode, 2);
    const QString line = run.outText()
                             .split(QLatin1Char('\n'))
                             .filter(claim.name)
                             .filter(s("PersistentVolumeClaim"))
                             .value(0);
    QVERIFY2(line.startsWith(s("DANGER")), run.out.constData());
    QVERIFY2(line.contains(s("recreated")) && line.contains(s("may be lost")), qPrintable(line));
}

void TestCliFlux::reinstalledReleaseIsDanger()
{
    // helm-controller uninstalled loki and installed it anew: only a revision 1 record is left.
    const CliRun run = takeover(afterSnapshot([](QList<QJsonObject> &objects) {
        QList<QJsonObject> kept;
        for (const QJsonObject &object : std::as_const(objects)) {
            const QString name = object.value(s("metadata")).toObject().value(s("name")).toString();
            if (!name.startsWith(s("sh.helm.release.v1.loki.")))
                kept.append(object);
        }
        kept.append(helmReleaseSecret(helmReleaseJson(s("loki"), s("logging"), 1, s("deployed"),
                                                      s("loki"), s("6.21.0"), QJsonObject())));
        objects = kept;
    }));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.outText().contains(s("revision 1 after revision 2 vanished")),
             run.out.constData());
}

void TestCliFlux::jsonReport()
{
    const CliRun run = takeover(afterSnapshot(), {s("--json")});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(json.value(s("dangers")).toInt(), 0);
    const QJsonArray items = json.value(s("items")).toArray();
    QCOMPARE(json.value(s("adopted")).toInt(), items.size());
    QVERIFY(items.size() > 10);
    bool sawRelease = false;
    for (const QJsonValue &item : items) {
        QCOMPARE(item.toObject().value(s("state")).toString(), s("adopted"));
        sawRelease |= item.toObject().value(s("subject")).toString() == QLatin1String("release");
    }
    QVERIFY(sawRelease);
}

void TestCliFlux::withoutBaselineSaysHowToRecordOne()
{
    QTemporaryDir empty;
    const CliRun run = runCli({s("--demo"), s("flux"), s("takeover"), s("--repo"), empty.path()},
                              isolatedEnvironment(m_home.path()));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errText().contains(s(".fluxdesk/takeover.yaml")) &&
                 run.errText().contains(s("--record")),
             run.err.constData());
}

void TestCliFlux::usageErrors()
{
    const QProcessEnvironment env = isolatedEnvironment(m_home.path());
    CliRun run = runCli({s("--demo"), s("flux")}, env);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errText().contains(s("flux needs a subcommand")), run.err.constData());
    run = runCli({s("--demo"), s("flux"), s("frobnicate")}, env);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errText().contains(s("unknown subcommand \"frobnicate\"")), run.err.constData());
    run = runCli({s("--demo"), s("releases"), s("--record")}, env);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errText().contains(s("--record needs flux takeover")), run.err.constData());
    run = runCli({s("--demo"), s("flux"), s("takeover")}, env);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errText().contains(s("flux takeover needs --repo DIR")), run.err.constData());
    run = runCli({s("--demo"), s("flux"), s("reconcile"), s("ks")}, env);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errText().contains(s("flux reconcile needs KIND NAME")), run.err.constData());
    run = runCli({s("--demo"), s("flux"), s("status"), s("--pre")}, env);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errText().contains(s("--pre needs flux check")), run.err.constData());
    // After `flux`, --version is the Flux version, and only flux check --pre takes one.
    run = runCli({s("--demo"), s("flux"), s("status"), s("--version"), s("v2.6.0")}, env);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errText().contains(s("--version V needs flux check --pre")), run.err.constData());
    run = runCli({s("--version")}, env);
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.outText().startsWith(s("fluxdesk-cli ")));
    // Acting on a cluster needs a cluster.
    run = runCli({s("--demo"), s("flux"), s("suspend"), s("ks"), s("apps")}, env);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errText().contains(s("flux suspend needs a live cluster")), run.err.constData());
}

namespace {

QJsonObject fluxObject(const char *apiVersion, const char *kind, const char *name,
                       const QJsonObject &spec, const QJsonArray &conditions,
                       const QJsonObject &statusExtra = {})
{
    QJsonObject status = statusExtra;
    status.insert(s("conditions"), conditions);
    status.insert(s("observedGeneration"), 1);
    return QJsonObject{{s("apiVersion"), s(apiVersion)},
                       {s("kind"), s(kind)},
                       {s("metadata"), QJsonObject{{s("name"), s(name)},
                                                   {s("namespace"), s("flux-system")},
                                                   {s("generation"), 1},
                                                   {s("uid"), QString(s("uid-") + s(name))}}},
                       {s("spec"), spec},
                       {s("status"), status}};
}

QJsonObject readyCondition(const char *status, const char *reason, const char *message)
{
    return QJsonObject{{s("type"), s("Ready")},
                       {s("status"), s(status)},
                       {s("reason"), s(reason)},
                       {s("message"), s(message)}};
}

// The objects as a snapshot file; its path, or "" when it cannot be written.
QString writeList(const QString &path, const QList<QJsonObject> &objects)
{
    return writeSnapshotList(path, objects) ? path : QString();
}

QList<QJsonObject> bootstrapped()
{
    QList<QJsonObject> objects;
    objects.append(QJsonObject{{s("apiVersion"), s("v1")},
                               {s("kind"), s("Namespace")},
                               {s("metadata"), QJsonObject{{s("name"), s("flux-system")}}}});
    for (const char *name : {"source-controller", "kustomize-controller", "helm-controller",
                             "notification-controller"})
        objects.append(QJsonObject{
            {s("apiVersion"), s("apps/v1")},
            {s("kind"), s("Deployment")},
            {s("metadata"), QJsonObject{{s("name"), s(name)}, {s("namespace"), s("flux-system")}}},
            {s("status"),
             QJsonObject{{s("conditions"), QJsonArray{QJsonObject{{s("type"), s("Available")},
                                                                  {s("status"), s("True")}}}}}}});
    const QJsonObject artifact{
        {s("artifact"), QJsonObject{{s("revision"), s("main@sha1:0123456789abcdef")}}}};
    objects.append(fluxObject("source.toolkit.fluxcd.io/v1", "GitRepository", "flux-system",
                              QJsonObject{{s("url"), s("ssh://git@example.com/me/homelab")}},
                              {readyCondition("True", "Succeeded", "stored artifact")}, artifact));
    objects.append(fluxObject(
        "kustomize.toolkit.fluxcd.io/v1", "Kustomization", "flux-system",
        QJsonObject{{s("path"), s("./clusters/homelab")}},
        {readyCondition("True", "ReconciliationSucceeded", "Applied revision: main@sha1:0123")},
        QJsonObject{{s("lastAppliedRevision"), s("main@sha1:0123456789abcdef")}}));
    return objects;
}

} // namespace

void TestCliFlux::statusListsFluxObjects()
{
    QList<QJsonObject> objects = bootstrapped();
    objects.append(fluxObject("kustomize.toolkit.fluxcd.io/v1", "Kustomization", "workloads",
                              QJsonObject{{s("path"), s("./workloads")}, {s("suspend"), true}},
                              {readyCondition("True", "ReconciliationSucceeded", "Applied")}));
    objects.append(fluxObject("helm.toolkit.fluxcd.io/v2", "HelmRelease", "loki",
                              QJsonObject{{s("releaseName"), s("loki")}},
                              {readyCondition("False", "UpgradeFailed",
                                              "Helm upgrade failed for release logging/loki: "
                                              "timed out waiting for the condition")}));
    const QString path = writeList(m_files.filePath(s("flux.json")), objects);
    const QProcessEnvironment env = isolatedEnvironment(m_home.path());
    CliRun run = runCli({s("--snapshot"), path, s("flux"), s("status")}, env);
    QCOMPARE(run.exitCode, 1); // the HelmRelease failed
    const QStringList lines = run.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5); // the header, then sources, Kustomizations, HelmReleases
    QVERIFY2(lines.at(0).startsWith(s("KIND")), run.out.constData());
    QVERIFY2(lines.at(1).startsWith(s("GitRepository")) && lines.at(1).contains(s("Ready")) &&
                 lines.at(1).contains(s("main@sha1:0123456789abcdef")),
             qPrintable(lines.at(1)));
    QVERIFY2(lines.at(3).contains(s("workloads")) && lines.at(3).contains(s("Suspended")) &&
                 lines.at(3).contains(s("yes")),
             qPrintable(lines.at(3)));
    QVERIFY2(lines.at(4).startsWith(s("HelmRelease")) && lines.at(4).contains(s("Failed")) &&
                 lines.at(4).contains(s("timed out waiting")),
             qPrintable(lines.at(4)));

    run = runCli({s("--snapshot"), path, s("--json"), s("flux"), s("status")}, env);
    QCOMPARE(run.exitCode, 1);
    const QJsonArray json = QJsonDocument::fromJson(run.out).array();
    QCOMPARE(json.size(), 4);
    QCOMPARE(json.at(3).toObject().value(s("status")).toString(), s("failed"));
    QCOMPARE(json.at(3).toObject().value(s("reason")).toString(), s("UpgradeFailed"));
    QCOMPARE(json.at(2).toObject().value(s("suspended")).toBool(), true);

    // Without the failed release everything is fine.
    objects.removeLast();
    run = runCli({s("--snapshot"), writeList(m_files.filePath(s("flux-ok.json")), objects),
                  s("flux"), s("status")},
                 env);
    QCOMPARE(run.exitCode, 0);
}

void TestCliFlux::checkAfterBootstrap()
{
    const QProcessEnvironment env = isolatedEnvironment(m_home.path());
    const CliRun up =
        runCli({s("--snapshot"), writeList(m_files.filePath(s("up.json")), bootstrapped()),
                s("flux"), s("check")},
               env);
    QVERIFY2(up.exitCode == 0, up.out.constData());
    QVERIFY2(up.outText().contains(s("✔ Flux's controllers run: 4 controllers available")),
             up.out.constData());
    QVERIFY2(up.outText().contains(s("all checks passed")), up.out.constData());

    QList<QJsonObject> down = bootstrapped();
    down.removeAt(2); // kustomize-controller missing
    const CliRun broken = runCli(
        {s("--snapshot"), writeList(m_files.filePath(s("down.json")), down), s("flux"), s("check")},
        env);
    QCOMPARE(broken.exitCode, 1);
    QVERIFY2(broken.outText().contains(s("✗ Flux's controllers run: not installed: "
                                         "kustomize-controller")),
             broken.out.constData());
}

QTEST_GUILESS_MAIN(TestCliFlux)
#include "tst_cli_flux.moc"
