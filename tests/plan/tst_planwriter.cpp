// Writing the plan (issue 4, "Writing"): the preview of what a write does, differing files
// overwritten only when accepted, on-disk-only files deleted only when named (and the folders
// they leave empty pruned), every path checked before anything is written or deleted, and the
// kustomizations still building after a write that deleted files.
#include "core/resources.h"
#include "kube/inventory.h"
#include "kube/snapshot.h"
#include "kustomizeprobe.h"
#include "plan/placement.h"
#include "plan/planner.h"
#include "plan/planwriter.h"
#include "repo/stagedwrite.h"
#include "testfiles.h"
#include "writefaults.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cerrno>

using namespace Fluxdesk;
using Fluxdesk::TestFiles::FileSizeLimit;
using Hooks = Fluxdesk::TestFiles::StagedWriteHooksScope;
using Fluxdesk::TestFiles::folderState;
using Fluxdesk::TestFiles::readFile;
using Fluxdesk::TestFiles::writeFile;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

PlannedFile planned(const char *path, const char *text)
{
    PlannedFile f;
    f.path = s(path);
    f.text = s(text);
    return f;
}

// A small hand-made plan for cluster "lab": the writer only needs paths and texts.
Plan smallPlan()
{
    Plan plan;
    plan.cluster = s("lab");
    plan.files = {planned("clusters/lab/workloads.yaml", "kind: Kustomization\n"),
                  planned("infrastructure/kustomization.yaml", "resources: []\n"),
                  planned("workloads/app/deployment.yaml", "kind: Deployment\n"),
                  planned("workloads/app/kustomization.yaml",
                          "resources:\n- deployment.yaml\n- service.yaml\n"),
                  planned("workloads/app/service.yaml", "kind: Service\n"),
                  planned("workloads/kustomization.yaml", "resources:\n- app\n")};
    plan.bootstrapPaths = QStringList{s("clusters/lab/flux-system/")};
    return plan;
}

// Every file below dir, relative, with its content: what "nothing changed" compares.
QMap<QString, QByteArray> tree(const QString &dir)
{
    QMap<QString, QByteArray> files;
    const QDir root(dir);
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files.insert(root.relativeFilePath(path), QFileInfo(path).isSymLink()
                                                      ? QFile::symLinkTarget(path).toUtf8()
                                                      : readFile(path));
    }
    return files;
}

QStringList folders(const QString &dir)
{
    QStringList out;
    const QDir root(dir);
    QDirIterator it(dir, QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext())
        out.append(root.relativeFilePath(it.next()));
    out.sort();
    return out;
}

Plan demoPlan(const RepositoryFiles &existing = {}, const PlanOptions &options = {})
{
    Inventory inventory;
    inventory.addObjects(demoClusterObjects());
    return planRepository(inventory, options, existing);
}

// kubectl kustomize on a folder: empty on success, else the error (kubectl's stderr).
QString kustomizeError(const QString &folder, QByteArray *output = nullptr)
{
    QProcess kubectl;
    kubectl.start(s("/usr/bin/kubectl"), {s("kustomize"), folder});
    if (!kubectl.waitForFinished(60000))
        return s("kubectl did not finish");
    if (output)
        *output = kubectl.readAllStandardOutput();
    if (kubectl.exitStatus() != QProcess::NormalExit || kubectl.exitCode() != 0)
        return QString::fromUtf8(kubectl.readAllStandardError());
    return {};
}

// A repository written with smallPlan() and a stale file, and the next write: every file
// replaced (as written: outdated, so without asking), a large new file between them, the stale
// one deleted. What a half-done write would leave half-done.
struct NextWrite
{
    QTemporaryDir dir;
    Plan next;
    QSet<QString> remove{s("workloads/stale/old.yaml")};

    explicit NextWrite(int bigSize = 100)
    {
        if (!writePlan(smallPlan(), dir.path()))
            qWarning("first write failed");
        writeFile(dir.filePath(s("workloads/stale/old.yaml")), "kind: ConfigMap\n");
        next = smallPlan();
        for (PlannedFile &f : next.files)
            f.text += s("# changed\n");
        PlannedFile big;
        big.path = s("workloads/big/big.yaml");
        big.text = QString(bigSize, QLatin1Char('x'));
        next.files.insert(3, big);
    }
};

} // namespace

class TestPlanWriter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { initResources(); }

    void previewLists()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Plan plan = smallPlan();
        QVERIFY(writeFile(dir.filePath(s("workloads/app/deployment.yaml")), "kind: Deployment\n"));
        QVERIFY(writeFile(dir.filePath(s("workloads/app/service.yaml")), "kind: Service # mine\n"));
        QVERIFY(writeFile(dir.filePath(s("infrastructure/kustomization.yaml")), "resources: []\n"));
        // On disk only, under the plan's roots: removable.
        QVERIFY(
            writeFile(dir.filePath(s("workloads/app/old-configmap.yaml")), "kind: ConfigMap\n"));
        QVERIFY(writeFile(dir.filePath(s("workloads/gone/x.yml")), "kind: Secret\n"));
        QVERIFY(writeFile(dir.filePath(s("infrastructure/storage/pv.yaml")), "kind: PV\n"));
        QVERIFY(writeFile(dir.filePath(s("clusters/lab/extra.yaml")), "kind: Kustomization\n"));
        // Never removable: flux bootstrap's, another cluster's, not YAML, outside the roots.
        QVERIFY(writeFile(dir.filePath(s("clusters/lab/flux-system/gotk-sync.yaml")), "x: 1\n"));
        QVERIFY(writeFile(dir.filePath(s("clusters/other/workloads.yaml")), "x: 1\n"));
        QVERIFY(writeFile(dir.filePath(s("workloads/app/README.md")), "# app\n"));
        QVERIFY(writeFile(dir.filePath(s(".fluxdesk/plan.yaml")), "kind: Plan\n"));
        QVERIFY(writeFile(dir.filePath(s("docs/notes.yaml")), "x: 1\n"));

        const PlanWritePreview preview = previewWrite(plan, readRepositoryFiles(dir.path()));
        QCOMPARE(preview.created, (QStringList{s("clusters/lab/workloads.yaml"),
                                               s("workloads/app/kustomization.yaml"),
                                               s("workloads/kustomization.yaml")}));
        QCOMPARE(preview.differing, QStringList{s("workloads/app/service.yaml")});
        QCOMPARE(preview.unchanged, (QStringList{s("infrastructure/kustomization.yaml"),
                                                 s("workloads/app/deployment.yaml")}));
        QCOMPARE(preview.removable,
                 (QStringList{s("clusters/lab/extra.yaml"), s("infrastructure/storage/pv.yaml"),
                              s("workloads/app/old-configmap.yaml"), s("workloads/gone/x.yml")}));
        QVERIFY(!preview.isEmpty());

        // A bare map (as the window holds it) is filtered the same way.
        RepositoryFiles onDisk;
        onDisk.insert(s("clusters/lab/flux-system/gotk-components.yaml"), "x: 1\n");
        onDisk.insert(s("clusters/other/a.yaml"), "x: 1\n");
        onDisk.insert(s("workloads/stale.yaml"), "x: 1\n");
        QCOMPARE(previewWrite(plan, onDisk).removable, QStringList{s("workloads/stale.yaml")});
    }

    void previewEmptyWhenWritten()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Plan plan = smallPlan();
        const Result<PlanWriteResult> written = writePlan(plan, dir.path());
        QVERIFY2(written, qPrintable(written ? QString() : written.error().toString()));
        QCOMPARE(written->created.size(), plan.files.size());
        const PlanWritePreview preview = previewWrite(plan, readRepositoryFiles(dir.path()));
        QVERIFY(preview.isEmpty());
        QCOMPARE(preview.unchanged, plan.paths());
    }

    void acceptOverwritesOnlyNamed()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Plan plan = smallPlan();
        QVERIFY(writePlan(plan, dir.path()));
        const QString service = s("workloads/app/service.yaml");
        const QString deployment = s("workloads/app/deployment.yaml");
        QVERIFY(writeFile(dir.filePath(service), "kind: Service # mine\n"));
        QVERIFY(writeFile(dir.filePath(deployment), "kind: Deployment # mine\n"));

        const Result<PlanWriteResult> written = writePlan(plan, dir.path(), {service});
        QVERIFY(written);
        QCOMPARE(written->updated, QStringList{service});
        QCOMPARE(written->kept, QStringList{deployment});
        QVERIFY(written->created.isEmpty());
        QVERIFY(written->removed.isEmpty());
        QCOMPARE(readFile(dir.filePath(service)), QByteArray("kind: Service\n"));
        QCOMPARE(readFile(dir.filePath(deployment)), QByteArray("kind: Deployment # mine\n"));

        // Accepting every differing file, as --accept-all does.
        const PlanWritePreview preview = previewWrite(plan, readRepositoryFiles(dir.path()));
        QCOMPARE(preview.differing, QStringList{deployment});
        const QSet<QString> all(preview.differing.begin(), preview.differing.end());
        const Result<PlanWriteResult> again = writePlan(plan, dir.path(), all);
        QVERIFY(again);
        QCOMPARE(again->updated, QStringList{deployment});
        QCOMPARE(readFile(dir.filePath(deployment)), QByteArray("kind: Deployment\n"));
    }

    void removeDeletesNamedAndPrunes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Plan plan = smallPlan();
        QVERIFY(writePlan(plan, dir.path()));
        const QStringList stale{s("clusters/lab/extra.yaml"), s("infrastructure/old/deep/x.yaml"),
                                s("workloads/app/old-configmap.yaml"), s("workloads/gone/a.yaml"),
                                s("workloads/gone/sub/b.yml")};
        for (const QString &path : stale)
            QVERIFY(writeFile(dir.filePath(path), "kind: ConfigMap\n"));
        QVERIFY(writeFile(dir.filePath(s("workloads/kept/c.yaml")), "kind: ConfigMap\n"));
        // A folder that still holds something after the deletion stays.
        QVERIFY(writeFile(dir.filePath(s("workloads/notes/x.yaml")), "kind: ConfigMap\n"));
        QVERIFY(writeFile(dir.filePath(s("workloads/notes/README.md")), "# notes\n"));
        // A new planned file in the same write, next to a deleted one.
        plan.files.append(planned("workloads/fresh/new.yaml", "kind: ConfigMap\n"));

        QSet<QString> remove(stale.begin(), stale.end());
        remove.insert(s("workloads/notes/x.yaml"));
        const Result<PlanWriteResult> written = writePlan(plan, dir.path(), {}, remove);
        QVERIFY2(written, qPrintable(written ? QString() : written.error().toString()));
        QStringList expected = stale;
        expected.append(s("workloads/notes/x.yaml"));
        expected.sort();
        QCOMPARE(written->removed, expected);
        QCOMPARE(written->created, QStringList{s("workloads/fresh/new.yaml")});
        for (const QString &path : expected)
            QVERIFY2(!QFileInfo::exists(dir.filePath(path)), qPrintable(path));
        QCOMPARE(readFile(dir.filePath(s("workloads/kept/c.yaml"))),
                 QByteArray("kind: ConfigMap\n"));
        // Emptied folders pruned up to the roots, which stay even when empty.
        QCOMPARE(folders(dir.path()),
                 (QStringList{s("clusters"), s("clusters/lab"), s("infrastructure"), s("workloads"),
                              s("workloads/app"), s("workloads/fresh"), s("workloads/kept"),
                              s("workloads/notes")}));
        QCOMPARE(previewWrite(plan, readRepositoryFiles(dir.path())).removable,
                 QStringList{s("workloads/kept/c.yaml")});
    }

    void removeEmptiesRootFolderButKeepsIt()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Plan plan;
        plan.cluster = s("lab");
        plan.files = {planned("workloads/kustomization.yaml", "resources: []\n")};
        QVERIFY(writeFile(dir.filePath(s("infrastructure/kustomization.yaml")), "resources: []\n"));
        QVERIFY(writeFile(dir.filePath(s("clusters/lab/infrastructure.yaml")), "x: 1\n"));
        const Result<PlanWriteResult> written = writePlan(
            plan, dir.path(), {},
            {s("infrastructure/kustomization.yaml"), s("clusters/lab/infrastructure.yaml")});
        QVERIFY(written);
        QCOMPARE(written->removed.size(), 2);
        QVERIFY(QFileInfo(dir.filePath(s("infrastructure"))).isDir());
        QVERIFY(QFileInfo(dir.filePath(s("clusters/lab"))).isDir());
    }

    void removeSymlinkDeletesTheLinkOnly()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Plan plan = smallPlan();
        QVERIFY(writePlan(plan, dir.path()));
        // A link inside the repository to one of the plan's files: the link goes, the file stays.
        const QString link = s("workloads/app/alias.yaml");
        QVERIFY(QFile::link(dir.filePath(s("workloads/app/service.yaml")), dir.filePath(link)));
        QVERIFY(previewWrite(plan, readRepositoryFiles(dir.path())).removable.contains(link));
        const Result<PlanWriteResult> written = writePlan(plan, dir.path(), {}, {link});
        QVERIFY2(written, qPrintable(written ? QString() : written.error().toString()));
        QCOMPARE(written->removed, QStringList{link});
        QVERIFY(!QFileInfo(dir.filePath(link)).isSymLink());
        QCOMPARE(readFile(dir.filePath(s("workloads/app/service.yaml"))),
                 QByteArray("kind: Service\n"));
    }

    void removeRefused_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::addRow("planned") << s("workloads/app/service.yaml") << s("plan writes");
        QTest::addRow("not on disk") << s("workloads/app/missing.yaml") << s("not on disk");
        QTest::addRow("folder") << s("workloads/stale") << s("YAML");
        QTest::addRow("folder named like YAML") << s("workloads/dir.yaml") << s("not a file");
        QTest::addRow("not yaml") << s("workloads/app/README.md") << s("YAML");
        QTest::addRow("plan decisions") << s(".fluxdesk/plan.yaml") << s("YAML");
        QTest::addRow("outside the roots") << s("docs/notes.yaml") << s("YAML");
        QTest::addRow("flux bootstrap")
            << s("clusters/lab/flux-system/gotk-sync.yaml") << s("YAML");
        QTest::addRow("another cluster") << s("clusters/other/workloads.yaml") << s("YAML");
        QTest::addRow("dot-dot") << s("workloads/../../outside/victim.yaml") << s("outside");
        QTest::addRow("dot") << s("workloads/./stale/a.yaml") << s("outside");
        QTest::addRow("absolute") << s("/tmp/victim.yaml") << s("outside");
        QTest::addRow("folder symlink out") << s("workloads/out/victim.yaml") << s("outside");
        QTest::addRow("file symlink out") << s("workloads/app/victim.yaml") << s("outside");
        QTest::addRow("dangling symlink") << s("workloads/app/dangling.yaml") << s("outside");
        QTest::addRow("through a folder alias to a planned file")
            << s("workloads/alias/service.yaml") << s("plan writes");
    }

    void removeRefused()
    {
        QFETCH(QString, path);
        QFETCH(QString, message);
        QTemporaryDir root;
        QVERIFY(root.isValid());
        const QString repo = root.filePath(s("repo"));
        const QString outside = root.filePath(s("outside"));
        QVERIFY(QDir().mkpath(repo) && QDir().mkpath(outside));
        QVERIFY(writeFile(outside + s("/victim.yaml"), "kind: Precious\n"));

        Plan plan = smallPlan();
        QVERIFY(writePlan(plan, repo));
        const QDir r(repo);
        QVERIFY(writeFile(r.filePath(s("workloads/app/service.yaml")), "kind: Service # mine\n"));
        QVERIFY(writeFile(r.filePath(s("workloads/stale/a.yaml")), "kind: ConfigMap\n"));
        QVERIFY(writeFile(r.filePath(s("workloads/dir.yaml/a.yaml")), "kind: ConfigMap\n"));
        QVERIFY(writeFile(r.filePath(s("workloads/app/README.md")), "# app\n"));
        QVERIFY(writeFile(r.filePath(s(".fluxdesk/plan.yaml")), "kind: Plan\n"));
        QVERIFY(writeFile(r.filePath(s("docs/notes.yaml")), "x: 1\n"));
        QVERIFY(writeFile(r.filePath(s("clusters/lab/flux-system/gotk-sync.yaml")), "x: 1\n"));
        QVERIFY(writeFile(r.filePath(s("clusters/other/workloads.yaml")), "x: 1\n"));
        QVERIFY(QFile::link(outside, r.filePath(s("workloads/out"))));
        QVERIFY(
            QFile::link(outside + s("/victim.yaml"), r.filePath(s("workloads/app/victim.yaml"))));
        QVERIFY(QFile::link(outside + s("/nothing.yaml"),
                            r.filePath(s("workloads/app/dangling.yaml"))));
        QVERIFY(QFile::link(r.filePath(s("workloads/app")), r.filePath(s("workloads/alias"))));
        const QMap<QString, QByteArray> before = tree(root.path());
        const QStringList foldersBefore = folders(root.path());

        // The same write would create a file, overwrite an accepted one and delete a stale one:
        // one refused path stops all of it.
        plan.files.append(planned("workloads/fresh/new.yaml", "kind: ConfigMap\n"));
        const Result<PlanWriteResult> written = writePlan(
            plan, repo, {s("workloads/app/service.yaml")}, {s("workloads/stale/a.yaml"), path});
        QVERIFY(!written);
        QVERIFY2(written.error().toString().contains(message),
                 qPrintable(written.error().toString()));
        QCOMPARE(tree(root.path()), before);
        QCOMPARE(folders(root.path()), foldersBefore);
    }

    void removeListedByKeptKustomization_data()
    {
        QTest::addColumn<QStringList>("remove");
        QTest::addColumn<QString>("kustomization");
        QTest::addRow("file") << QStringList{s("workloads/app/old.yaml")}
                              << s("workloads/app/kustomization.yaml");
        QTest::addRow("emptied folder")
            << QStringList{s("workloads/gone/a.yaml"), s("workloads/gone/sub/b.yaml")}
            << s("workloads/kustomization.yaml");
    }

    void removeListedByKeptKustomization()
    {
        QFETCH(QStringList, remove);
        QFETCH(QString, kustomization);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Plan plan = smallPlan();
        QVERIFY(writePlan(plan, dir.path()));
        // Hand-edited kustomizations (kept) that name what is about to be deleted.
        QVERIFY(writeFile(dir.filePath(s("workloads/app/kustomization.yaml")),
                          "resources:\n- deployment.yaml\n- service.yaml\n- ./old.yaml\n"));
        QVERIFY(writeFile(dir.filePath(s("workloads/kustomization.yaml")),
                          "resources:\n- app\n- gone/\n"));
        QVERIFY(writeFile(dir.filePath(s("workloads/app/old.yaml")), "kind: ConfigMap\n"));
        QVERIFY(writeFile(dir.filePath(s("workloads/gone/a.yaml")), "kind: ConfigMap\n"));
        QVERIFY(writeFile(dir.filePath(s("workloads/gone/sub/b.yaml")), "kind: ConfigMap\n"));
        const QMap<QString, QByteArray> before = tree(dir.path());

        const QSet<QString> removeSet(remove.begin(), remove.end());
        const Result<PlanWriteResult> refused = writePlan(plan, dir.path(), {}, removeSet);
        QVERIFY(!refused);
        QCOMPARE(refused.error().file, kustomization);
        QCOMPARE(tree(dir.path()), before);

        // Deleting only part of the folder leaves it (and its entry) in place: allowed.
        QSet<QString> rest = removeSet;
        if (remove.size() > 1) {
            QVERIFY(writePlan(plan, dir.path(), {}, {remove.constFirst()}));
            rest.remove(remove.constFirst());
        }
        // With the plan's version of the kustomization accepted, the deletion goes ahead.
        const Result<PlanWriteResult> written = writePlan(plan, dir.path(), {kustomization}, rest);
        QVERIFY2(written, qPrintable(written ? QString() : written.error().toString()));
        QCOMPARE(written->updated, QStringList{kustomization});
        for (const QString &path : remove)
            QVERIFY(!QFileInfo::exists(dir.filePath(path)));
    }

    void removeAfterMoveAndExclusionStillBuilds()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Plan first = demoPlan();
        QVERIFY(writePlan(first, dir.path()));

        // The user excludes the Service and moves the Deployment to a folder of its own: the old
        // files are no longer planned, the kustomizations that listed them differ.
        PlanOptions options;
        const ObjectKey service{QString(), s("Service"), s("llm"), s("llama-cpp")};
        const ObjectKey deployment{s("apps"), s("Deployment"), s("llm"), s("llama-cpp")};
        const QString oldService = first.pathOf(service);
        const QString oldDeployment = first.pathOf(deployment);
        QVERIFY(!oldService.isEmpty() && !oldDeployment.isEmpty());
        options.excludedObjects.insert(service);
        options.placements.insert(deployment, s("workloads/ai/llama.yaml"));
        const Plan second = demoPlan(readRepositoryFiles(dir.path()), options);
        QCOMPARE(second.pathOf(deployment), s("workloads/ai/llama.yaml"));

        const RepositoryFiles onDisk = readRepositoryFiles(dir.path());
        const PlanWritePreview preview = previewWrite(second, onDisk);
        QCOMPARE(preview.removable, (QStringList{oldDeployment, oldService}));
        QVERIFY(preview.created.contains(s("workloads/ai/llama.yaml")));
        const QSet<QString> remove(preview.removable.begin(), preview.removable.end());
        // While the old files exist the plan keeps them listed (as hand-listed entries): deleting
        // them under that kustomization is refused, with nothing written.
        const QMap<QString, QByteArray> untouched = tree(dir.path());
        const Result<PlanWriteResult> refused =
            writePlan(second, dir.path(),
                      QSet<QString>(preview.differing.begin(), preview.differing.end()), remove);
        QVERIFY(!refused);
        QCOMPARE(refused.error().file, s("workloads/llm/kustomization.yaml"));
        QVERIFY2(refused.error().message.contains(s("still lists")),
                 qPrintable(refused.error().toString()));
        QCOMPARE(tree(dir.path()), untouched);

        // Planned without the files to delete, the kustomization stops listing them. It differs
        // from disk but is exactly as the first write left it (.fluxdesk/written.yaml), so the
        // write replaces it without being asked.
        RepositoryFiles remaining = onDisk;
        for (const QString &path : preview.removable)
            remaining.remove(path);
        const Plan third = demoPlan(remaining, options);
        const PlanWritePreview final = previewWrite(third, onDisk, loadWrittenRecord(dir.path()));
        QVERIFY2(final.outdated.contains(s("workloads/llm/kustomization.yaml")),
                 qPrintable(final.outdated.join(QLatin1Char(' '))));
        QVERIFY(final.differing.isEmpty());

        const Result<PlanWriteResult> written = writePlan(third, dir.path(), {}, remove);
        QVERIFY2(written, qPrintable(written ? QString() : written.error().toString()));
        QCOMPARE(written->removed, preview.removable);
        QCOMPARE(written->updated, final.outdated);
        QVERIFY(!QFileInfo::exists(dir.filePath(oldService)));

        if (Testing::kubectlKustomizeReadsFolders()) {
            QByteArray workloads;
            QString error = kustomizeError(dir.filePath(s("workloads")), &workloads);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QVERIFY(workloads.contains("kind: Deployment"));
            QVERIFY(workloads.contains("name: llama-cpp"));
            QVERIFY(!workloads.contains("kind: Service\nmetadata:\n  name: llama-cpp\n"));
            error = kustomizeError(dir.filePath(s("infrastructure")));
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }

        // Idempotent: the written repository is exactly the plan.
        const RepositoryFiles after = readRepositoryFiles(dir.path());
        QVERIFY(previewWrite(demoPlan(after, options), after).isEmpty());
    }

    // Issue 17: a full disk half-way (here a file size limit, so a write fails with EFBIG): the
    // repository, .fluxdesk/written.yaml included, is byte for byte as before, and the error
    // names the file and why.
    void fullDiskLeavesRepositoryAsItWas()
    {
        NextWrite w(64 * 1024);
        const auto before = folderState(w.dir.path());
        Result<PlanWriteResult> written = Error();
        {
            FileSizeLimit limit(16 * 1024);
            written = writePlan(w.next, w.dir.path(), {}, w.remove);
        }
        QVERIFY(!written);
        QCOMPARE(written.error().file, s("workloads/big/big.yaml"));
        QVERIFY2(written.error().message.contains(s("too large")),
                 qPrintable(written.error().toString()));
        QCOMPARE(folderState(w.dir.path()), before);
        // And the same write goes through once there is room.
        QVERIFY(writePlan(w.next, w.dir.path(), {}, w.remove));
        QCOMPARE(readFile(w.dir.filePath(s("workloads/big/big.yaml"))).size(), 64 * 1024);
    }

    // A rename refused half-way (the first, one after replacements, the record last): what was
    // already in place gets its old text back, so written.yaml never disagrees with the disk.
    void failedRenameLeavesRepositoryAsItWas_data()
    {
        QTest::addColumn<QString>("failing");
        QTest::addRow("first") << s("clusters/lab/workloads.yaml");
        QTest::addRow("new file") << s("workloads/big/big.yaml");
        QTest::addRow("record") << s(".fluxdesk/written.yaml");
    }

    void failedRenameLeavesRepositoryAsItWas()
    {
        QFETCH(QString, failing);
        NextWrite w;
        const auto before = folderState(w.dir.path());
        StagedWriteHooks hooks;
        hooks.beforeRename = [failing](const QString &rel) { return rel == failing ? ENOSPC : 0; };
        const Hooks set(hooks);
        const Result<PlanWriteResult> written = writePlan(w.next, w.dir.path(), {}, w.remove);
        QVERIFY(!written);
        QCOMPARE(written.error().file, failing);
        QVERIFY2(written.error().message.contains(s("disk is full")),
                 qPrintable(written.error().toString()));
        QCOMPARE(folderState(w.dir.path()), before);
    }

    // A folder swapped for a symlink to a folder outside the repository between the writer's
    // checks and its write: refused, naming the folder; nothing lands outside, nothing changes.
    void folderSwappedForSymlinkIsRefused()
    {
        NextWrite w;
        QTemporaryDir outside;
        QVERIFY(outside.isValid());
        const QString repo = w.dir.path();
        StagedWriteHooks hooks;
        hooks.beforeWrite = [&] {
            QVERIFY(QDir(repo).rename(s("workloads/app"), s("workloads/app-moved")));
            QVERIFY(QFile::link(outside.path(), repo + s("/workloads/app")));
        };
        const Hooks set(hooks);
        const auto before = folderState(repo);
        const Result<PlanWriteResult> written = writePlan(w.next, repo, {}, w.remove);
        QVERIFY(!written);
        QCOMPARE(written.error().file, s("workloads/app"));
        QVERIFY2(written.error().message.contains(s("symbolic link")),
                 qPrintable(written.error().toString()));
        QCOMPARE(
            QDir(outside.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
            QStringList());
        auto expected = before;
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            if (it.key().startsWith(s("workloads/app/"))) {
                expected.remove(it.key());
                expected.insert(s("workloads/app-moved/") + it.key().mid(14), it.value());
            }
        }
        expected.insert(s("workloads/app-moved"), "d");
        expected.insert(s("workloads/app"), "l " + outside.path().toUtf8());
        QCOMPARE(folderState(repo), expected);
    }

    // Names and namespaces a hostile cluster or snapshot could hold: the plan's paths stay plain
    // relative paths under its roots, each part a name a file system takes, and the write lands
    // inside the repository.
    void hostileNamesStayInside_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("ns");
        QTest::addRow("dot-dot path") << s("../../x") << s("web");
        QTest::addRow("slash") << s("a/b") << s("web");
        QTest::addRow("NUL") << QString(s("x") + QChar(0) + s("y")) << s("web");
        QTest::addRow("newline") << s("x\ny") << s("web");
        QTest::addRow("dot-dot") << s("..") << s("web");
        QTest::addRow("very long") << QString(300, QLatin1Char('n')) << s("web");
        QTest::addRow("namespace dot-dot path") << s("x") << s("../../x");
        QTest::addRow("namespace dot-dot") << s("x") << s("..");
        QTest::addRow("namespace slash") << s("x") << s("a/b");
        QTest::addRow("namespace NUL") << s("x") << QString(s("a") + QChar(0) + s("b"));
        QTest::addRow("namespace newline") << s("x") << s("a\nb");
        QTest::addRow("namespace very long") << s("x") << QString(300, QLatin1Char('s'));
    }

    void hostileNamesStayInside()
    {
        QFETCH(QString, name);
        QFETCH(QString, ns);
        const QJsonObject nsObject{{s("apiVersion"), s("v1")},
                                   {s("kind"), s("Namespace")},
                                   {s("metadata"), QJsonObject{{s("name"), ns}}}};
        const QJsonObject configMap{
            {s("apiVersion"), s("v1")},
            {s("kind"), s("ConfigMap")},
            {s("metadata"), QJsonObject{{s("name"), name}, {s("namespace"), ns}}},
            {s("data"), QJsonObject{{s("k"), s("v")}}}};
        Inventory inventory;
        inventory.addObjects({nsObject, configMap});
        const Plan plan = planRepository(inventory, {}, {});
        QVERIFY(!plan.files.isEmpty());
        for (const PlannedFile &f : plan.files) {
            QVERIFY2(RepoPath::isPlainRelative(f.path), qPrintable(f.path));
            for (const QString &part : f.path.split(QLatin1Char('/'))) {
                QVERIFY2(part.toUtf8().size() <= 255, qPrintable(f.path));
                QVERIFY2(!part.contains(QChar(0)) && !part.contains(QLatin1Char('\n')),
                         qPrintable(f.path));
            }
        }
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString repo = tmp.filePath(s("a/b/repo"));
        QVERIFY(QDir().mkpath(repo));
        const Result<PlanWriteResult> written = writePlan(plan, repo);
        QVERIFY2(written, qPrintable(written ? QString() : written.error().toString()));
        QStringList elsewhere;
        QDirIterator it(tmp.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (!path.startsWith(repo + QLatin1Char('/')))
                elsewhere.append(path);
        }
        QCOMPARE(elsewhere, QStringList());
    }

    // The default place of a Helm release, from a release record's name and namespace: a plain
    // path under the plan's roots whatever they hold; a DNS name is kept as it is.
    void hostileReleaseNamesStayInside()
    {
        const QStringList names{s("../../x"), s("a/b"),  s(".."), QString(s("x") + QChar(0)),
                                s("x\ny"),    s("/etc"), s("ok"), QString(300, QChar(0x00e9))};
        for (const QString &chart : {s("traefik"), s("my-chart")}) {
            for (const QString &name : names) {
                for (const QString &ns : {s("web"), name}) {
                    HelmRelease release;
                    release.name = name;
                    release.ns = ns;
                    release.chartName = chart;
                    const QString path = defaultHelmReleasePath(release);
                    QVERIFY2(isPlaceablePath(path), qPrintable(path));
                    for (const QString &part : path.split(QLatin1Char('/')))
                        QVERIFY2(part.toUtf8().size() <= 255, qPrintable(path));
                }
            }
        }
        HelmRelease plain;
        plain.name = s("traefik");
        plain.ns = s("kube-system");
        plain.chartName = s("traefik");
        QCOMPARE(defaultHelmReleasePath(plain),
                 s("infrastructure/controllers/traefik/helmrelease.yaml"));
        QCOMPARE(folderNameOf(s("my.release-1")), s("my.release-1"));
    }

    // .fluxdesk/written.yaml reads back what was recorded, whatever the paths hold (a hand-edited
    // plan.yaml can place a file anywhere under the roots, under any name).
    void writtenRecordKeepsAnyPath_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addRow("plain") << s("workloads/app/a.yaml");
        QTest::addRow("quote and backslash") << s("workloads/a\"b\\c.yaml");
        QTest::addRow("newline") << s("workloads/a\nkind: Secret.yaml");
        QTest::addRow("carriage return and tab") << s("workloads/a\r\tb.yaml");
        QTest::addRow("control and DEL") << s("workloads/a\x01\x1b\x7f.yaml");
        QTest::addRow("colon and hash") << s("workloads/a: #b.yaml");
        QTest::addRow("non-ASCII") << s("workloads/\xc3\xa9t\xc3\xa9.yaml");
    }

    void writtenRecordKeepsAnyPath()
    {
        QFETCH(QString, path);
        WrittenRecord record;
        record.hashes.insert(path, WrittenRecord::hashOf("a"));
        record.hashes.insert(s("workloads/other.yaml"), WrittenRecord::hashOf("b"));
        const WrittenRecord read = WrittenRecord::parse(record.toYaml());
        QCOMPARE(read.hashes, record.hashes);
    }
};

QTEST_GUILESS_MAIN(TestPlanWriter)
#include "tst_planwriter.moc"
