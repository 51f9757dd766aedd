// The repository plan of issue 4: the demo cluster's tree, kubectl kustomize on what is written,
// idempotence, hand edits kept, existing files matched, Secrets, and no write outside the
// repository.
#include "kustomizeprobe.h"
#include "schemacheck.h"
#include "testfiles.h"

#include "core/resources.h"
#include "kube/inventory.h"
#include "kube/snapshot.h"
#include "manifest/yamljson.h"
#include "plan/plandecisions.h"
#include "plan/planner.h"
#include "plan/planwriter.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace Fluxdesk;
using Fluxdesk::TestFiles::readFile;
using Fluxdesk::TestFiles::writeFile;
using Fluxdesk::Testing::SchemaSet;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

Plan demoPlan(const RepositoryFiles &existing = {}, const PlanOptions &options = {})
{
    Inventory inventory;
    inventory.addObjects(demoClusterObjects());
    return planRepository(inventory, options, existing);
}

QJsonObject parsed(const QString &text)
{
    const Result<QJsonValue> value = parseYamlValue(text.toUtf8(), s("plan"));
    return value ? value->toObject() : QJsonObject();
}

QStringList resourcesOf(const Plan &plan, const QString &kustomization)
{
    const PlannedFile *file = plan.file(kustomization);
    if (!file)
        return {};
    QStringList out;
    const QJsonArray resources = parsed(file->text).value(s("resources")).toArray();
    for (const QJsonValue &v : resources)
        out.append(v.toString());
    return out;
}

const ExcludedObject *excludedEntry(const Plan &plan, const ObjectKey &key)
{
    for (const ExcludedObject &e : plan.excluded) {
        if (e.key == key)
            return &e;
    }
    return nullptr;
}

} // namespace

class TestPlanner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { initResources(); }

    void demoTree()
    {
        const Plan plan = demoPlan();
        const QString expected =
            QString::fromUtf8(readFile(QStringLiteral(FLUXDESK_TEST_DATA "/plan/demo-tree.txt")));
        QVERIFY(!expected.isEmpty());
        QCOMPARE(plan.paths().join(QLatin1Char('\n')) + QLatin1Char('\n'), expected);
        QCOMPARE(plan.bootstrapPaths, QStringList{s("clusters/homelab/flux-system/")});
        QCOMPARE(plan.cluster, s("homelab"));
    }

    void fluxKustomizations()
    {
        const Plan plan = demoPlan();
        const PlannedFile *infra = plan.file(s("clusters/homelab/infrastructure.yaml"));
        const PlannedFile *work = plan.file(s("clusters/homelab/workloads.yaml"));
        QVERIFY(infra && work);
        QCOMPARE(infra->kind, PlannedFileKind::FluxKustomization);
        const QJsonObject i = parsed(infra->text);
        const QJsonObject w = parsed(work->text);
        QCOMPARE(i.value(s("apiVersion")).toString(), s("kustomize.toolkit.fluxcd.io/v1"));
        QCOMPARE(i.value(s("kind")).toString(), s("Kustomization"));
        QCOMPARE(i.value(s("metadata")).toObject().value(s("namespace")).toString(),
                 s("flux-system"));
        const QJsonObject is = i.value(s("spec")).toObject();
        QCOMPARE(is.value(s("interval")).toString(), s("10m"));
        QCOMPARE(is.value(s("retryInterval")).toString(), s("1m"));
        QCOMPARE(is.value(s("timeout")).toString(), s("5m"));
        QCOMPARE(is.value(s("path")).toString(), s("./infrastructure"));
        QCOMPARE(is.value(s("prune")).toBool(), true);
        QCOMPARE(is.value(s("wait")).toBool(), true);
        QCOMPARE(is.value(s("sourceRef")).toObject().value(s("name")).toString(), s("flux-system"));
        QCOMPARE(is.value(s("sourceRef")).toObject().value(s("kind")).toString(),
                 s("GitRepository"));
        QVERIFY(!is.contains(s("dependsOn")));
        const QJsonObject ws = w.value(s("spec")).toObject();
        QCOMPARE(ws.value(s("path")).toString(), s("./workloads"));
        const QJsonArray dependsOn{QJsonObject{{s("name"), s("infrastructure")}}};
        QCOMPARE(ws.value(s("dependsOn")).toArray(), dependsOn);
    }

    void fluxDurations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addRow("seconds") << s("30s") << true;
        QTest::addRow("minutes") << s("10m") << true;
        QTest::addRow("compound") << s("1h30m") << true;
        QTest::addRow("milliseconds") << s("500ms") << true;
        QTest::addRow("fraction") << s("1.5h") << true;
        QTest::addRow("empty") << QString() << false;
        QTest::addRow("no unit") << s("10") << false;
        QTest::addRow("no number") << s("m") << false;
        QTest::addRow("days") << s("1d") << false;
        QTest::addRow("space") << s("10 m") << false;
        QTest::addRow("negative") << s("-1m") << false;
        QTest::addRow("words") << s("ten minutes") << false;
    }

    void fluxDurations()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QCOMPARE(isValidFluxDuration(text), valid);
    }

    void defaultEntryPointsUnchanged()
    {
        // The defaults render exactly as before entry points became settings: a checkout written
        // by an earlier version stays up to date.
        const QList<EntryPointSettings> defaults = defaultEntryPoints();
        QCOMPARE(defaults.size(), 2);
        QCOMPARE(defaults.at(0).name, s("infrastructure"));
        QVERIFY(defaults.at(0).dependsOn.isEmpty());
        QCOMPARE(defaults.at(1).name, s("workloads"));
        QCOMPARE(defaults.at(1).dependsOn, QStringList{s("infrastructure")});
        QVERIFY(defaults.at(1).prune && defaults.at(1).wait && !defaults.at(1).healthChecks);
        const Plan plan = demoPlan();
        QCOMPARE(plan.file(s("clusters/homelab/workloads.yaml"))->text,
                 s("apiVersion: kustomize.toolkit.fluxcd.io/v1\n"
                   "kind: Kustomization\n"
                   "metadata:\n"
                   "  name: workloads\n"
                   "  namespace: flux-system\n"
                   "spec:\n"
                   "  dependsOn:\n"
                   "  - name: infrastructure\n"
                   "  interval: 10m\n"
                   "  path: ./workloads\n"
                   "  prune: true\n"
                   "  retryInterval: 1m\n"
                   "  sourceRef:\n"
                   "    kind: GitRepository\n"
                   "    name: flux-system\n"
                   "  timeout: 5m\n"
                   "  wait: true\n"));
    }

    void entryPointSettingsWritten()
    {
        PlanOptions options;
        options.entryPoints[0].interval = s("1h");
        options.entryPoints[0].prune = false;
        options.entryPoints[1].retryInterval = s("30s");
        options.entryPoints[1].timeout = s("2m30s");
        options.entryPoints[1].wait = false;
        options.entryPoints[1].dependsOn.clear();
        const Plan plan = demoPlan({}, options);
        const QJsonObject infra = parsed(plan.file(s("clusters/homelab/infrastructure.yaml"))->text)
                                      .value(s("spec"))
                                      .toObject();
        QCOMPARE(infra.value(s("interval")).toString(), s("1h"));
        QCOMPARE(infra.value(s("prune")), QJsonValue(false));
        QCOMPARE(infra.value(s("wait")), QJsonValue(true));
        QVERIFY(!infra.contains(s("healthChecks")));
        const QJsonObject work = parsed(plan.file(s("clusters/homelab/workloads.yaml"))->text)
                                     .value(s("spec"))
                                     .toObject();
        QCOMPARE(work.value(s("retryInterval")).toString(), s("30s"));
        QCOMPARE(work.value(s("timeout")).toString(), s("2m30s"));
        QCOMPARE(work.value(s("wait")), QJsonValue(false));
        QCOMPARE(work.value(s("prune")), QJsonValue(true));
        QVERIFY(!work.contains(s("dependsOn"))); // omitted when empty, not []

        // Only the two known entry points exist; a list without one plans without it.
        options.entryPoints.removeFirst();
        EntryPointSettings unknown;
        unknown.name = s("apps");
        options.entryPoints.append(unknown);
        const Plan fewer = demoPlan({}, options);
        QVERIFY(!fewer.file(s("clusters/homelab/infrastructure.yaml")));
        QVERIFY(!fewer.file(s("clusters/homelab/apps.yaml")));
        QVERIFY(fewer.file(s("clusters/homelab/workloads.yaml")));
    }

    void healthChecksListed()
    {
        PlanOptions options;
        for (EntryPointSettings &e : options.entryPoints) {
            e.healthChecks = true;
            e.wait = false;
        }
        const ObjectKey moved{s("apps"), s("Deployment"), s("llm"), s("llama-cpp")};
        Inventory inventory;
        inventory.addObjects(demoClusterObjects());

        // What each side should wait for, worked out from the plan's files independently.
        const auto expected = [&inventory](const Plan &plan, const QString &root) {
            QList<QJsonObject> checks;
            for (const PlannedFile &f : plan.files) {
                if (!f.path.startsWith(root + QLatin1Char('/')))
                    continue;
                bool workload = false;
                for (const ObjectKey &k : f.objects) {
                    const bool isWorkload = k.group == s("apps") && (k.kind == s("Deployment") ||
                                                                     k.kind == s("StatefulSet"));
                    workload = workload || isWorkload;
                    if (isWorkload && f.kind == PlannedFileKind::Manifest)
                        checks.append({{s("apiVersion"), inventory.find(k)->apiVersion},
                                       {s("kind"), k.kind},
                                       {s("name"), k.name},
                                       {s("namespace"), k.ns}});
                }
                if (workload && f.kind == PlannedFileKind::HelmRelease) {
                    const QJsonObject metadata = parsed(f.text).value(s("metadata")).toObject();
                    checks.append({{s("apiVersion"), s("helm.toolkit.fluxcd.io/v2")},
                                   {s("kind"), s("HelmRelease")},
                                   {s("name"), metadata.value(s("name"))},
                                   {s("namespace"), metadata.value(s("namespace"))}});
                }
            }
            return checks;
        };
        const auto listed = [](const Plan &plan, const QString &file) {
            QList<QJsonObject> out;
            const QJsonArray checks = parsed(plan.file(file)->text)
                                          .value(s("spec"))
                                          .toObject()
                                          .value(s("healthChecks"))
                                          .toArray();
            for (const QJsonValue &v : checks)
                out.append(v.toObject());
            return out;
        };
        const auto sorted = [](QList<QJsonObject> list) {
            std::sort(list.begin(), list.end(), [](const QJsonObject &a, const QJsonObject &b) {
                const auto key = [](const QJsonObject &o) {
                    return QStringList{
                        o.value(s("apiVersion")).toString(), o.value(s("kind")).toString(),
                        o.value(s("namespace")).toString(), o.value(s("name")).toString()};
                };
                return key(a) < key(b);
            });
            return list;
        };

        const Plan plan = planRepository(inventory, options);
        const QList<QJsonObject> work = listed(plan, s("clusters/homelab/workloads.yaml"));
        const QList<QJsonObject> infra = listed(plan, s("clusters/homelab/infrastructure.yaml"));
        QCOMPARE(work, sorted(expected(plan, s("workloads"))));
        QCOMPARE(infra, sorted(expected(plan, s("infrastructure"))));
        const QJsonObject llama{{s("apiVersion"), s("apps/v1")},
                                {s("kind"), s("Deployment")},
                                {s("name"), s("llama-cpp")},
                                {s("namespace"), s("llm")}};
        QVERIFY(work.contains(llama));
        // A Helm-installed StatefulSet is checked through its HelmRelease, not on its own.
        const QJsonObject lokiRelease{{s("apiVersion"), s("helm.toolkit.fluxcd.io/v2")},
                                      {s("kind"), s("HelmRelease")},
                                      {s("name"), s("loki")},
                                      {s("namespace"), s("logging")}};
        QVERIFY(infra.contains(lokiRelease));
        for (const QJsonObject &check : infra + work)
            QVERIFY2(check.value(s("kind")).toString() != s("StatefulSet") ||
                         check.value(s("name")).toString() != s("loki"),
                     "loki's StatefulSet is the HelmRelease's");

        // Moved to the other side, the Deployment is checked there.
        options.placements.insert(moved, s("infrastructure/llm/llama.yaml"));
        const Plan movedPlan = planRepository(inventory, options);
        QVERIFY(!listed(movedPlan, s("clusters/homelab/workloads.yaml")).contains(llama));
        QVERIFY(listed(movedPlan, s("clusters/homelab/infrastructure.yaml")).contains(llama));

        // Off by default.
        const Plan plain = planRepository(inventory);
        QVERIFY(
            !plain.file(s("clusters/homelab/workloads.yaml"))->text.contains(s("healthChecks")));
    }

    void entryPointsMatchSchemaAndBuild()
    {
        PlanOptions options;
        for (EntryPointSettings &e : options.entryPoints) {
            e.healthChecks = true;
            e.wait = false;
            e.prune = false;
        }
        const Plan plan = demoPlan({}, options);
        const Result<SchemaSet> schemas = SchemaSet::load(s(FLUXDESK_TEST_DATA "/flux-schema"));
        QVERIFY2(schemas, qPrintable(schemas.error().toString()));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writePlan(plan, dir.path()));
        QStringList entryFiles;
        for (const PlannedFile &f : plan.files) {
            if (f.kind != PlannedFileKind::FluxKustomization)
                continue;
            const QStringList violations = schemas->validate(parsed(f.text));
            QVERIFY2(violations.isEmpty(), qPrintable(f.path + s(": ") + violations.join(s("; "))));
            entryFiles.append(f.path.mid(f.path.lastIndexOf(QLatin1Char('/')) + 1));
        }
        QCOMPARE(entryFiles.size(), 2);
        // kustomize reads the entry points (as flux bootstrap's clusters/<cluster> kustomization
        // does) and both roots still build.
        QVERIFY(writeFile(dir.filePath(s("clusters/homelab/kustomization.yaml")),
                          "resources:\n- " + entryFiles.join(s("\n- ")).toUtf8() + "\n"));
        if (!Testing::kubectlKustomizeReadsFolders())
            QSKIP("kubectl's kustomize reads no folders listed in resources");
        for (const QString &folder : {s("clusters/homelab"), s("infrastructure"), s("workloads")}) {
            QProcess kubectl;
            kubectl.start(s("/usr/bin/kubectl"), {s("kustomize"), dir.filePath(folder)});
            QVERIFY(kubectl.waitForFinished(60000));
            QVERIFY2(kubectl.exitStatus() == QProcess::NormalExit && kubectl.exitCode() == 0,
                     qPrintable(folder + QLatin1String(": ") +
                                QString::fromUtf8(kubectl.readAllStandardError())));
            if (folder == QLatin1String("clusters/homelab")) {
                const QString out = QString::fromUtf8(kubectl.readAllStandardOutput());
                QCOMPARE(out.count(s("kind: Kustomization")), 2);
                QVERIFY(out.contains(s("healthChecks:")));
                QCOMPARE(out.count(s("wait: false")), 2);
                QCOMPARE(out.count(s("prune: false")), 2);
            }
        }
    }

    void kustomizationsListTheirFolder()
    {
        const Plan plan = demoPlan();
        QCOMPARE(
            resourcesOf(plan, s("infrastructure/kustomization.yaml")),
            (QStringList{s("controllers"), s("k3s"), s("logging"), s("sources"), s("storage")}));
        QCOMPARE(resourcesOf(plan, s("workloads/kustomization.yaml")),
                 (QStringList{s("llm"), s("log-analyzer")}));
        QCOMPARE(resourcesOf(plan, s("workloads/llm/kustomization.yaml")),
                 (QStringList{s("namespace.yaml"), s("llama-cpp-deployment.yaml"),
                              s("llama-cpp-service.yaml"),
                              s("llama-models-pvc-persistent-volume-claim.yaml")}));
        QCOMPARE(resourcesOf(plan, s("infrastructure/controllers/eg/kustomization.yaml")),
                 (QStringList{s("namespace.yaml"), s("helmrelease.yaml")}));
        // Every folder under the roots has one, and each lists exactly what the plan puts there.
        for (const PlannedFile &f : plan.files) {
            if (f.kind != PlannedFileKind::Kustomization)
                continue;
            const QString folder = f.path.left(f.path.lastIndexOf(QLatin1Char('/')));
            QSet<QString> children;
            for (const QString &p : plan.paths()) {
                if (p.startsWith(folder + QLatin1Char('/')) && p != f.path)
                    children.insert(p.mid(folder.size() + 1).section(QLatin1Char('/'), 0, 0));
            }
            const QStringList listed = resourcesOf(plan, f.path);
            QCOMPARE(QSet<QString>(listed.begin(), listed.end()), children);
        }
    }

    void placementAndExclusions()
    {
        const Plan plan = demoPlan();
        const ObjectKey deployment{s("apps"), s("Deployment"), s("llm"), s("llama-cpp")};
        QCOMPARE(plan.pathOf(deployment), s("workloads/llm/llama-cpp-deployment.yaml"));
        const QJsonObject d = parsed(plan.file(plan.pathOf(deployment))->text);
        QCOMPARE(d.value(s("kind")).toString(), s("Deployment"));
        QVERIFY(!d.contains(s("status")));
        QVERIFY(!d.value(s("metadata")).toObject().contains(s("uid")));

        // The Helm release's objects become its HelmRelease.
        const ObjectKey lokiSet{s("apps"), s("StatefulSet"), s("logging"), s("loki")};
        // Not a manifest of its own: the HelmRelease carries it (selecting it selects that file).
        QCOMPARE(plan.pathOf(lokiSet), s("infrastructure/logging/loki-helmrelease.yaml"));
        const ExcludedObject *loki = excludedEntry(plan, lokiSet);
        QVERIFY(loki);
        QCOMPARE(loki->ownership, Ownership::HelmManaged);
        QVERIFY2(loki->reason.contains(s("infrastructure/logging/loki-helmrelease.yaml")),
                 qPrintable(loki->reason));
        const PlannedFile *hr = plan.file(s("infrastructure/logging/loki-helmrelease.yaml"));
        QVERIFY(hr);
        QCOMPARE(hr->kind, PlannedFileKind::HelmRelease);
        QVERIFY(hr->objects.contains(lokiSet));
        QCOMPARE(parsed(hr->text).value(s("apiVersion")).toString(),
                 s("helm.toolkit.fluxcd.io/v2"));

        // A StatefulSet's claims are its own; a dynamic PV its claim's; K3s's default class K3s's.
        const ExcludedObject *claim =
            excludedEntry(plan, ObjectKey{QString(), s("PersistentVolumeClaim"), s("logging"),
                                          s("storage-loki-0")});
        QVERIFY(claim);
        QVERIFY(claim->reason.contains(s("logging/loki")));
        QVERIFY(excludedEntry(plan, ObjectKey{QString(), s("PersistentVolume"), QString(),
                                              s("pvc-6133ad10-badf-5cda-b0bf-c48e9964ce09")}));
        QVERIFY(excludedEntry(
            plan, ObjectKey{s("storage.k8s.io"), s("StorageClass"), QString(), s("local-path")}));
        QVERIFY(excludedEntry(plan, ObjectKey{QString(), s("Namespace"), QString(), s("default")}));
        QVERIFY(excludedEntry(
            plan, ObjectKey{s("apps"), s("ReplicaSet"), s("llm"), s("llama-cpp-7d4b9c8f6")}));
        // Nothing is both placed and excluded, but for what a HelmRelease carries.
        for (const ExcludedObject &e : plan.excluded) {
            if (e.ownership == Ownership::HelmManaged ||
                e.ownership == Ownership::HelmReleaseRecord)
                QVERIFY2(plan.pathOf(e.key).endsWith(s("helmrelease.yaml")),
                         qPrintable(e.key.toString()));
            else
                QVERIFY2(plan.pathOf(e.key).isEmpty(), qPrintable(e.key.toString()));
        }
    }

    void clusterName()
    {
        PlanOptions options;
        options.cluster = s("lab");
        const Plan plan = demoPlan({}, options);
        QVERIFY(plan.file(s("clusters/lab/infrastructure.yaml")));
        QVERIFY(plan.file(s("clusters/lab/workloads.yaml")));
        QVERIFY(!plan.file(s("clusters/homelab/workloads.yaml")));
        QCOMPARE(plan.bootstrapPaths, QStringList{s("clusters/lab/flux-system/")});
        QVERIFY(isValidClusterName(s("homelab-2")));
        QVERIFY(!isValidClusterName(s("Home_Lab")));
        QVERIFY(!isValidClusterName(s("../x")));
        QVERIFY(!isValidClusterName(QString()));
    }

    void kubectlKustomizeBuilds()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Plan plan = demoPlan();
        const Result<PlanWriteResult> written = writePlan(plan, dir.path());
        QVERIFY2(written, qPrintable(written.error().toString()));
        QCOMPARE(written->created, plan.paths());

        QStringList folders;
        for (const PlannedFile &f : plan.files) {
            if (f.kind == PlannedFileKind::Kustomization)
                folders.append(f.path.left(f.path.lastIndexOf(QLatin1Char('/'))));
        }
        QVERIFY(folders.contains(s("infrastructure")));
        QVERIFY(folders.contains(s("workloads")));
        if (!Testing::kubectlKustomizeReadsFolders())
            QSKIP("kubectl's kustomize reads no folders listed in resources");
        for (const QString &folder : folders) {
            QProcess kubectl;
            kubectl.start(s("/usr/bin/kubectl"), {s("kustomize"), dir.filePath(folder)});
            QVERIFY(kubectl.waitForFinished(60000));
            QVERIFY2(kubectl.exitStatus() == QProcess::NormalExit && kubectl.exitCode() == 0,
                     qPrintable(folder + QLatin1String(": ") +
                                QString::fromUtf8(kubectl.readAllStandardError())));
            const QString out = QString::fromUtf8(kubectl.readAllStandardOutput());
            if (folder == QLatin1String("workloads")) {
                QVERIFY(out.contains(s("name: llama-cpp\n")));
                QVERIFY(out.contains(s("kind: Deployment")));
                QCOMPARE(out.count(s("kind: Namespace")), 2);
            }
            if (folder == QLatin1String("infrastructure")) {
                QCOMPARE(out.count(s("kind: HelmRelease")), 5);
                QCOMPARE(out.count(s("kind: PersistentVolume\n")), 3);
                QVERIFY(out.contains(s("kind: OCIRepository")));
            }
        }
    }

    void idempotent()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Plan first = demoPlan();
        QVERIFY(writePlan(first, dir.path()));

        const RepositoryFiles onDisk = readRepositoryFiles(dir.path());
        QCOMPARE(onDisk.keys(), first.paths());
        const Plan again = demoPlan(onDisk);
        QCOMPARE(again.paths(), first.paths());
        const QList<FileState> states = compareWithRepository(again, onDisk);
        QCOMPARE(states.size(), first.files.size());
        for (const FileState &state : states)
            QVERIFY2(state.status == FileStatus::UpToDate, qPrintable(state.path));

        const Result<PlanWriteResult> second = writePlan(again, dir.path());
        QVERIFY(second);
        QVERIFY(second->created.isEmpty());
        QVERIFY(second->updated.isEmpty());
        QVERIFY(second->kept.isEmpty());
        QCOMPARE(second->unchanged, first.paths());
    }

    void handEditKeptUnlessAccepted()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Plan plan = demoPlan();
        QVERIFY(writePlan(plan, dir.path()));
        const QString edited = s("workloads/llm/llama-cpp-service.yaml");
        const QByteArray mine = plan.file(edited)->text.toUtf8() + "# my note\n";
        QVERIFY(writeFile(dir.filePath(edited), mine));
        QVERIFY(writeFile(dir.filePath(s("workloads/llm/extra.yaml")), "kind: ConfigMap\n"));
        QVERIFY(writeFile(dir.filePath(s("clusters/homelab/flux-system/gotk-sync.yaml")),
                          "kind: GitRepository\n"));

        const RepositoryFiles onDisk = readRepositoryFiles(dir.path());
        QVERIFY(!onDisk.contains(s("clusters/homelab/flux-system/gotk-sync.yaml")));
        const Plan replanned = demoPlan(onDisk);
        QMap<QString, FileStatus> statuses;
        for (const FileState &state : compareWithRepository(replanned, onDisk))
            statuses.insert(state.path, state.status);
        QCOMPARE(statuses.value(edited), FileStatus::Differs);
        QCOMPARE(statuses.value(s("workloads/llm/extra.yaml")), FileStatus::OnDiskOnly);
        QCOMPARE(statuses.value(s("workloads/llm/namespace.yaml")), FileStatus::UpToDate);
        QVERIFY(!statuses.contains(s("clusters/homelab/flux-system/gotk-sync.yaml")));
        QCOMPARE(fileStatusName(FileStatus::Differs), s("differs"));

        const Result<PlanWriteResult> kept = writePlan(replanned, dir.path());
        QVERIFY(kept);
        QCOMPARE(kept->kept, QStringList{edited});
        QVERIFY(kept->created.isEmpty());
        QCOMPARE(readFile(dir.filePath(edited)), mine);
        QCOMPARE(readFile(dir.filePath(s("workloads/llm/extra.yaml"))),
                 QByteArray("kind: ConfigMap\n"));

        const Result<PlanWriteResult> accepted = writePlan(replanned, dir.path(), {edited});
        QVERIFY(accepted);
        QCOMPARE(accepted->updated, QStringList{edited});
        QCOMPARE(readFile(dir.filePath(edited)), plan.file(edited)->text.toUtf8());
        QVERIFY(QFile::exists(dir.filePath(s("workloads/llm/extra.yaml")))); // never deleted
    }

    void existingLayoutMatched_data()
    {
        QTest::addColumn<QByteArray>("header"); // how the hand-written file starts
        QTest::addRow("as planned") << QByteArray();
        QTest::addRow("comment and marker") << QByteArray("# my deployment\n---\n");
        QTest::addRow("quoted") << QByteArray("apiVersion: \"apps/v1\"\n");
    }

    void existingLayoutMatched()
    {
        QFETCH(QByteArray, header);
        // A hand-written repository keeps the Deployment in its own file: matched, not duplicated.
        const Plan plan = demoPlan();
        RepositoryFiles existing;
        const QString mine = s("workloads/llm/apps/llama.yaml");
        QByteArray text = plan.file(s("workloads/llm/llama-cpp-deployment.yaml"))->text.toUtf8();
        if (header.startsWith("apiVersion"))
            text.replace("apiVersion: apps/v1\n", header);
        else
            text.prepend(header);
        existing.insert(mine, text);
        const Plan matched = demoPlan(existing);
        const ObjectKey deployment{s("apps"), s("Deployment"), s("llm"), s("llama-cpp")};
        QCOMPARE(matched.pathOf(deployment), mine);
        QVERIFY(!matched.file(s("workloads/llm/llama-cpp-deployment.yaml")));
        QCOMPARE(resourcesOf(matched, s("workloads/llm/apps/kustomization.yaml")),
                 QStringList{s("llama.yaml")});
        QVERIFY(resourcesOf(matched, s("workloads/llm/kustomization.yaml")).contains(s("apps")));
        QMap<QString, FileStatus> statuses;
        for (const FileState &state : compareWithRepository(matched, existing))
            statuses.insert(state.path, state.status);
        QCOMPARE(statuses.value(mine),
                 header.isEmpty() ? FileStatus::UpToDate : FileStatus::Differs);
    }

    void handListedEntriesStay()
    {
        const Plan plan = demoPlan();
        RepositoryFiles existing;
        existing.insert(s("workloads/llm/extra-config-map.yaml"),
                        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n"
                        "  namespace: llm\n");
        existing.insert(s("workloads/tools/kustomization.yaml"), "resources: []\n");
        existing.insert(s("workloads/llm/kustomization.yaml"),
                        "resources:\n- namespace.yaml\n- extra-config-map.yaml\n- gone.yaml\n");
        existing.insert(s("workloads/kustomization.yaml"),
                        "resources:\n- llm\n- tools\n- https://example.com/remote.yaml\n");
        const Plan replanned = demoPlan(existing);
        const QStringList llm = resourcesOf(replanned, s("workloads/llm/kustomization.yaml"));
        QVERIFY(llm.contains(s("extra-config-map.yaml")));
        QVERIFY(!llm.contains(s("gone.yaml")));
        QCOMPARE(llm, (QStringList{s("namespace.yaml"), s("extra-config-map.yaml"),
                                   s("llama-cpp-deployment.yaml"), s("llama-cpp-service.yaml"),
                                   s("llama-models-pvc-persistent-volume-claim.yaml")}));
        QCOMPARE(resourcesOf(plan, s("workloads/llm/kustomization.yaml")).size(), 4);
        QCOMPARE(resourcesOf(replanned, s("workloads/kustomization.yaml")),
                 (QStringList{s("llm"), s("log-analyzer"), s("tools")}));
        QVERIFY(!replanned.file(s("workloads/llm/extra-config-map.yaml")));

        // A kustomization spelled .yml keeps its name (kustomize refuses a folder with both).
        RepositoryFiles yml;
        yml.insert(s("workloads/llm/kustomization.yml"), "resources:\n- namespace.yaml\n");
        const Plan matched = demoPlan(yml);
        QVERIFY(matched.file(s("workloads/llm/kustomization.yml")));
        QVERIFY(!matched.file(s("workloads/llm/kustomization.yaml")));
        QCOMPARE(resourcesOf(matched, s("workloads/llm/kustomization.yml")).size(), 4);
    }

    void fluxObjectsMatchSchemas()
    {
        const Result<SchemaSet> schemas = SchemaSet::load(s(FLUXDESK_TEST_DATA "/flux-schema"));
        QVERIFY2(schemas, qPrintable(schemas.error().toString()));
        int checked = 0;
        for (const PlannedFile &f : demoPlan().files) {
            const QJsonObject object = parsed(f.text);
            if (!object.value(s("apiVersion")).toString().contains(s("toolkit.fluxcd.io")))
                continue;
            const QStringList violations = schemas->validate(object);
            QVERIFY2(violations.isEmpty(),
                     qPrintable(f.path + QLatin1String(": ") + violations.join(s("; "))));
            ++checked;
        }
        QCOMPARE(checked, 2 + 5 + 3); // Flux Kustomizations, HelmReleases, sources
    }

    void decisionsRoundTrip()
    {
        PlanDecisions d;
        d.cluster = s("lab");
        d.included.insert(ObjectKey{QString(), s("Secret"), s("llm"), s("token")});
        d.excluded.insert(ObjectKey{QString(), s("ConfigMap"), s("log-analyzer"), s("x")});
        d.placements.insert(ObjectKey{s("apps"), s("Deployment"), s("llm"), s("llama-cpp")},
                            s("workloads/ai/llama.yaml"));
        ChartSourceChoice choice;
        choice.chart = s("mychart");
        choice.source.repositoryName = s("mine");
        choice.source.url = s("https://charts.example.com");
        d.chartSources.append(choice);
        const QByteArray yaml = d.toYaml();
        const Result<PlanDecisions> back = PlanDecisions::parse(yaml, s("plan.yaml"));
        QVERIFY2(back, qPrintable(back.error().toString()));
        QVERIFY(*back == d);
        QCOMPARE(back->toYaml(), yaml); // stable text
        QVERIFY(yaml.contains("decision: exclude"));

        QVERIFY(!PlanDecisions::parse("kind: Plan\nobjects:\n- kind: ConfigMap\n  name: x\n"
                                      "  path: ../x.yaml\n",
                                      s("plan.yaml")));
        QVERIFY(!PlanDecisions::parse("kind: Plan\nobjects:\n- kind: ConfigMap\n  name: x\n"
                                      "  decision: maybe\n",
                                      s("plan.yaml")));
        QVERIFY(!PlanDecisions::parse("kind: Deployment\n", s("plan.yaml")));
        QVERIFY(!PlanDecisions::parse("cluster: Bad_Name\n", s("plan.yaml")));
    }

    void entryPointsRoundTrip()
    {
        PlanDecisions d;
        QVERIFY(d.isEmpty());
        d.entryPoints = defaultEntryPoints();
        QVERIFY(d.isEmpty()); // the defaults are no decision
        QVERIFY(d == PlanDecisions());
        QVERIFY(!d.toYaml().contains("entryPoints"));

        d.entryPoints[1].interval = s("30m");
        d.entryPoints[1].wait = false;
        d.entryPoints[1].healthChecks = true;
        d.entryPoints[1].suspend = true; // taken over after the infrastructure
        d.entryPoints[0].timeout = s("1h30m");
        d.entryPoints[0].prune = false;
        QVERIFY(!d.isEmpty());
        QVERIFY(d != PlanDecisions());
        const QByteArray yaml = d.toYaml();
        QVERIFY(yaml.contains("entryPoints:"));
        QVERIFY(yaml.contains("healthChecks: true"));
        QVERIFY(yaml.contains("suspend: true"));
        const Result<PlanDecisions> back = PlanDecisions::parse(yaml, s("plan.yaml"));
        QVERIFY2(back, qPrintable(back.error().toString()));
        QVERIFY(*back == d);
        QCOMPARE(back->entryPoints, d.entryPoints);
        QCOMPARE(back->toYaml(), yaml);

        PlanOptions options;
        back->applyTo(options);
        QCOMPARE(options.entryPoints, d.entryPoints);
        const Plan plan = demoPlan({}, options);
        const QJsonObject work = parsed(plan.file(s("clusters/homelab/workloads.yaml"))->text)
                                     .value(s("spec"))
                                     .toObject();
        QCOMPARE(work.value(s("interval")).toString(), s("30m"));
        QVERIFY(work.contains(s("healthChecks")));
        QCOMPARE(work.value(s("suspend")), QJsonValue(true));
        const QJsonObject infra = parsed(plan.file(s("clusters/homelab/infrastructure.yaml"))->text)
                                      .value(s("spec"))
                                      .toObject();
        QVERIFY(!infra.contains(s("suspend"))); // written only when set

        // A file that names one entry point keeps the other's defaults, and Flux's own
        // dependsOn spelling reads too.
        const Result<PlanDecisions> partial = PlanDecisions::parse(
            "kind: Plan\nentryPoints:\n- name: workloads\n  dependsOn: [{name: infrastructure}]\n"
            "  interval: 2m\n",
            s("plan.yaml"));
        QVERIFY2(partial, qPrintable(partial.error().toString()));
        PlanOptions partialOptions;
        partial->applyTo(partialOptions);
        QCOMPARE(partialOptions.entryPoints.size(), 2);
        QCOMPARE(partialOptions.entryPoints.at(0), defaultEntryPoints().at(0));
        QCOMPARE(partialOptions.entryPoints.at(1).interval, s("2m"));
        QCOMPARE(partialOptions.entryPoints.at(1).dependsOn, QStringList{s("infrastructure")});
        QVERIFY(partialOptions.entryPoints.at(1).wait);
    }

    void invalidEntryPoints_data()
    {
        QTest::addColumn<QByteArray>("entry"); // the entryPoints item, from line 3 of the file
        QTest::addColumn<int>("line");         // where the error points
        QTest::addColumn<QString>("mentions");
        QTest::addRow("duration") << QByteArray("- name: workloads\n  interval: 10 minutes\n") << 4
                                  << s("10 minutes");
        QTest::addRow("days") << QByteArray("- name: workloads\n  retryInterval: 1d\n") << 4
                              << s("1d");
        QTest::addRow("number") << QByteArray("- name: workloads\n  timeout: 5\n") << 4
                                << s("timeout");
        QTest::addRow("unknown name") << QByteArray("- name: apps\n") << 3 << s("apps");
        QTest::addRow("twice") << QByteArray("- name: workloads\n- name: workloads\n") << 4
                               << s("twice");
        QTest::addRow("unknown dependency")
            << QByteArray("- name: workloads\n  dependsOn:\n  - databases\n") << 5
            << s("databases");
        QTest::addRow("itself") << QByteArray("- name: workloads\n  dependsOn: [workloads]\n") << 4
                                << s("workloads");
        QTest::addRow("each other")
            << QByteArray("- name: infrastructure\n  dependsOn: [workloads]\n") << 3
            << s("each other");
        QTest::addRow("flag") << QByteArray("- name: workloads\n  prune: yes please\n") << 4
                              << s("prune");
    }

    void invalidEntryPoints()
    {
        QFETCH(QByteArray, entry);
        QFETCH(int, line);
        QFETCH(QString, mentions);
        const Result<PlanDecisions> d =
            PlanDecisions::parse("kind: Plan\nentryPoints:\n" + entry, s("dir/plan.yaml"));
        QVERIFY(!d);
        QCOMPARE(d.error().file, s("dir/plan.yaml"));
        QVERIFY2(d.error().message.contains(mentions), qPrintable(d.error().toString()));
        QCOMPARE(d.error().line, line);
    }

    void movesAndExclusionsSurviveReopen()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        PlanDecisions d;
        const ObjectKey deployment{s("apps"), s("Deployment"), s("llm"), s("llama-cpp")};
        const ObjectKey config{QString(), s("ConfigMap"), s("log-analyzer"),
                               s("log-analyzer-config")};
        const ObjectKey tempo{s("helm.toolkit.fluxcd.io"), s("HelmRelease"), s("logging"),
                              s("tempo")};
        d.placements.insert(deployment, s("workloads/ai/llama.yaml"));
        d.excluded.insert(config);
        d.excluded.insert(tempo);
        QVERIFY(savePlanDecisions(dir.path(), d));
        QVERIFY(QFile::exists(dir.filePath(s(".fluxdesk/plan.yaml"))));

        const Result<PlanDecisions> reopened = loadPlanDecisions(dir.path());
        QVERIFY(reopened);
        QVERIFY(*reopened == d);
        PlanOptions options;
        reopened->applyTo(options);
        const Plan plan = demoPlan({}, options);
        QCOMPARE(plan.pathOf(deployment), s("workloads/ai/llama.yaml"));
        QVERIFY(!plan.file(s("workloads/llm/llama-cpp-deployment.yaml")));
        QCOMPARE(resourcesOf(plan, s("workloads/kustomization.yaml")),
                 (QStringList{s("ai"), s("llm"), s("log-analyzer")}));
        QVERIFY(plan.pathOf(config).isEmpty());
        QVERIFY(excludedEntry(plan, config));
        QVERIFY(!plan.file(s("infrastructure/logging/tempo-helmrelease.yaml")));
        const ExcludedObject *tempoSet =
            excludedEntry(plan, ObjectKey{s("apps"), s("StatefulSet"), s("logging"), s("tempo")});
        QVERIFY(tempoSet);
        QVERIFY(tempoSet->reason.contains(s("logging/tempo")));

        // No decisions file: nothing decided, not an error.
        QTemporaryDir empty;
        const Result<PlanDecisions> none = loadPlanDecisions(empty.path());
        QVERIFY(none);
        QVERIFY(none->isEmpty());
    }

    void secretsOnlyWhenIncluded()
    {
        Inventory inventory;
        QList<QJsonObject> objects = demoClusterObjects();
        const QJsonObject secret{
            {s("apiVersion"), s("v1")},
            {s("kind"), s("Secret")},
            {s("metadata"), QJsonObject{{s("name"), s("llm-token")}, {s("namespace"), s("llm")}}},
            {s("type"), s("Opaque")},
            {s("data"), QJsonObject{{s("token"), s("c2VjcmV0")}}}};
        objects.append(secret);
        inventory.addObjects(objects);
        const ObjectKey key = ObjectKey::of(secret);

        const Plan plain = planRepository(inventory);
        QVERIFY(plain.pathOf(key).isEmpty());
        const ExcludedObject *excluded = excludedEntry(plain, key);
        QVERIFY(excluded);
        QCOMPARE(excluded->ownership, Ownership::UserManaged);
        for (const PlannedFile &f : plain.files)
            QVERIFY2(!f.text.contains(s("c2VjcmV0")), qPrintable(f.path));

        PlanOptions options;
        options.includedSecrets.insert(key);
        const Plan included = planRepository(inventory, options);
        const QString path = included.pathOf(key);
        QCOMPARE(path, s("workloads/llm/llm-token-secret.yaml"));
        QVERIFY(included.file(path)->plainTextSecret);
        QVERIFY(!excludedEntry(included, key));
        bool warned = false;
        for (const Problem &p : included.problems)
            warned =
                warned || (p.rule == QLatin1String("plan-plain-text-secret") && p.file == path);
        QVERIFY(warned);
    }

    void refusesPathsOutside_data()
    {
        QTest::addColumn<QString>("relative");
        QTest::addRow("parent") << s("../x.yaml");
        QTest::addRow("inner parent") << s("workloads/../../x.yaml");
        QTest::addRow("absolute") << s("/etc/passwd");
        QTest::addRow("empty") << QString();
        QTest::addRow("empty part") << s("workloads//x.yaml");
    }

    void refusesPathsOutside()
    {
        QFETCH(QString, relative);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(!pathInsideRepository(dir.path(), relative));
        QVERIFY(pathInsideRepository(dir.path(), s("workloads/llm/x.yaml")));
    }

    void refusesSymlinksOutside_data()
    {
        QTest::addColumn<QString>("link");     // inside the repository
        QTest::addColumn<QString>("target");   // relative to the outside folder
        QTest::addColumn<bool>("targetIsDir"); // create the target as a folder first
        QTest::addRow("folder") << s("workloads") << s("elsewhere") << true;
        QTest::addRow("file") << s("workloads/llm/llama-cpp-service.yaml") << s("victim.yaml")
                              << false;
        QTest::addRow("dangling") << s("infrastructure/storage/loki-pv-persistent-volume.yaml")
                                  << s("missing/new.yaml") << false;
    }

    void refusesSymlinksOutside()
    {
        QFETCH(QString, link);
        QFETCH(QString, target);
        QFETCH(bool, targetIsDir);
        QTemporaryDir repo, outside;
        QVERIFY(repo.isValid() && outside.isValid());
        const QString targetPath = outside.filePath(target);
        if (targetIsDir)
            QVERIFY(QDir().mkpath(targetPath));
        else if (!target.startsWith(QLatin1String("missing/")))
            QVERIFY(writeFile(targetPath, "victim\n"));
        QVERIFY(QDir().mkpath(QFileInfo(repo.filePath(link)).absolutePath()));
        QVERIFY(QFile::link(targetPath, repo.filePath(link)));

        const Result<PlanWriteResult> written = writePlan(demoPlan(), repo.path());
        QVERIFY(!written);
        QVERIFY2(written.error().message.contains(s("outside")),
                 qPrintable(written.error().toString()));
        // Nothing written at all: not outside, and not the rest of the plan either.
        QVERIFY(!QFile::exists(repo.filePath(s("clusters/homelab/infrastructure.yaml"))));
        if (targetIsDir)
            QVERIFY(QDir(targetPath).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
        else if (target.startsWith(QLatin1String("missing/")))
            QVERIFY(!QFile::exists(targetPath));
        else
            QCOMPARE(readFile(targetPath), QByteArray("victim\n"));
    }

    void symlinkInsideIsFine()
    {
        QTemporaryDir repo;
        QVERIFY(repo.isValid());
        QVERIFY(QDir().mkpath(repo.filePath(s("real-workloads"))));
        QVERIFY(QFile::link(repo.filePath(s("real-workloads")), repo.filePath(s("workloads"))));
        QVERIFY(writePlan(demoPlan(), repo.path()));
        QVERIFY(QFile::exists(repo.filePath(s("real-workloads/llm/namespace.yaml"))));
    }
};

QTEST_GUILESS_MAIN(TestPlanner)
#include "tst_planner.moc"
