// fluxdesk-cli flux ...: the takeover check as a script runs it: the baseline recorded from the
// demo cluster, then verdicts against snapshots of "after" (adopted in place, not yet, a claim
// recreated, a release reinstalled), exit codes 0/1/2 and --json.
#include "../helm/helmfixtures.h"
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
    QSet<ObjectKey> fluxApplied;
    for (const TakeoverObject &object : std::as_const(m_baseline.objects))
        fluxApplied.insert(object.key);
    QHash<ObjectKey, QString> releaseOf;
    for (const TakeoverRelease &release : std::as_const(m_baseline.releases))
        for (const TakeoverObject &workload : release.workloads)
            releaseOf.insert(workload.key, release.name);

    QList<QJsonObject> after;
    for (const QJsonObject &object : std::as_const(m_before)) {
        const ObjectKey key = ObjectKey::of(object);
        if (fluxApplied.contains(key))
            after.append(labelled(object, s("kustomize.toolkit.fluxcd.io/name"), s("apps"),
                                  s("kustomize.toolkit.fluxcd.io/namespace"), s("flux-system")));
        else if (releaseOf.contains(key))
            after.append(labelled(object, s("helm.toolkit.fluxcd.io/name"), releaseOf.value(key),
                                  s("helm.toolkit.fluxcd.io/namespace"), key.ns));
        else
            after.append(object);
    }
    for (const TakeoverRelease &release : std::as_const(m_baseline.releases)) {
        const QString chart = release.chart.section(QLatin1Char('-'), 0, -2);
        const QString version = release.chart.section(QLatin1Char('-'), -1);
        QJsonObject next = helmReleaseSecret(helmReleaseJson(release.name, release.storageNamespace,
                                                             release.revision + 1, s("deployed"),
                                                             chart, version, QJsonObject()));
        after.append(withMetadata(next, [](QJsonObject &m) { m.insert(s("uid"), s("next")); }));
        const QJsonObject ready{{s("type"), s("Ready")},
                                {s("status"), s("True")},
                                {s("reason"), s("UpgradeSucceeded")}};
        after.append(
            QJsonObject{{s("apiVersion"), s("helm.toolkit.fluxcd.io/v2")},
                        {s("kind"), s("HelmRelease")},
                        {s("metadata"), QJsonObject{{s("name"), release.helmRelease.name},
                                                    {s("namespace"), release.helmRelease.ns},
                                                    {s("uid"), QString(s("hr-") + release.name)}}},
                        {s("status"), QJsonObject{{s("conditions"), QJsonArray{ready}}}}});
    }
    if (change)
        change(after);
    QJsonArray items;
    for (const QJsonObject &object : std::as_const(after))
        items.append(object);
    static int n = 0;
    const QString path = m_files.filePath(s("after-%1.json").arg(++n));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(
        QJsonDocument(
            QJsonObject{{s("apiVersion"), s("v1")}, {s("kind"), s("List")}, {s("items"), items}})
            .toJson());
    return path;
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
}

QTEST_GUILESS_MAIN(TestCliFlux)
#include "tst_cli_flux.moc"
