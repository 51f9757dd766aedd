// Split into a folder of a repository, wired up (issue 18, surprise 3): the kustomizations up to
// a folder Flux applies list the new folder (the user's comments kept byte for byte), or the
// nearest applied folder does when nothing above it is applied; `lint` flags a folder Flux never
// applies; the split's files are the user's, never "no longer planned"; Helm's install order is
// the kustomization's order too. kubectl kustomize builds the wired result.
#include "clirunner.h"
#include "kube/inventory.h"
#include "kustomizeprobe.h"
#include "plan/fluxreach.h"
#include "plan/planjob.h"
#include "plan/planwriter.h"
#include "plan/repositorycomparison.h"
#include "plan/splitwiring.h"
#include "plan/writtenrecord.h"
#include "repo/kustomizationfile.h"
#include "repo/stagedwrite.h"
#include "testfiles.h"
#include "writefaults.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cerrno>

using namespace Fluxdesk;
using Fluxdesk::TestFiles::folderState;
using Fluxdesk::TestFiles::readFile;
using Fluxdesk::TestFiles::writeFile;
using Hooks = Fluxdesk::TestFiles::StagedWriteHooksScope;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QByteArray fluxKustomization(const char *name, const char *path)
{
    return QByteArray("apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\n"
                      "metadata:\n  name: ") +
           name + "\n  namespace: flux-system\nspec:\n  interval: 10m\n  path: " + path +
           "\n  prune: true\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n";
}

QByteArray configMap(const char *name)
{
    return QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ") + name +
           "\n  namespace: llm\ndata:\n  a: b\n";
}

// The repository Fluxdesk writes, small: clusters/lab points Flux at workloads/, which lists llm.
const QByteArray workloadsKustomization = "# Every app of the lab.\n"
                                          "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                                          "kind: Kustomization\n"
                                          "resources:\n"
                                          "  - llm # the model server\n"
                                          "# keep this list short\n"
                                          "labels:\n"
                                          "  - pairs:\n"
                                          "      team: lab\n";

void makeRepository(const QTemporaryDir &repo)
{
    QVERIFY(writeFile(repo.filePath(s("clusters/lab/workloads.yaml")),
                      fluxKustomization("workloads", "./workloads")));
    QVERIFY(writeFile(repo.filePath(s("workloads/kustomization.yaml")), workloadsKustomization));
    QVERIFY(writeFile(repo.filePath(s("workloads/llm/kustomization.yaml")),
                      "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
                      "resources:\n- settings-configmap.yaml\n"));
    QVERIFY(writeFile(repo.filePath(s("workloads/llm/settings-configmap.yaml")),
                      configMap("settings")));
}

QJsonObject object(const char *kind, const char *name, const char *apiVersion = "v1")
{
    QJsonObject metadata{{s("name"), s(name)}};
    if (QByteArray(kind) != "Namespace" && QByteArray(kind) != "CustomResourceDefinition")
        metadata.insert(s("namespace"), s("tools"));
    return QJsonObject{
        {s("apiVersion"), s(apiVersion)}, {s("kind"), s(kind)}, {s("metadata"), metadata}};
}

// Deployment, ConfigMap, Namespace: Helm installs them the other way round.
QList<SplitFile> splitFiles(bool helmOrder = false)
{
    SplitOptions options;
    options.helmInstallOrder = helmOrder;
    return splitObjects({object("Deployment", "tool", "apps/v1"), object("ConfigMap", "tool"),
                         object("Namespace", "tools")},
                        options);
}

Result<SplitWriteResult> split(const QTemporaryDir &repo, const char *folder, bool wire = true,
                               bool helmOrder = false)
{
    const QString relative = s(folder);
    SplitIntoRepository request;
    request.repoDir = repo.path();
    request.folder = repo.filePath(relative);
    request.wire = wire;
    request.keepOrder = helmOrder;
    request.wiring = FluxReach::read(repo.path()).wiringFor(relative);
    return writeSplitIntoRepository(request, splitFiles(helmOrder));
}

// kubectl kustomize of folder: its output, or a failure.
QByteArray kustomize(const QString &folder)
{
    QProcess kubectl;
    kubectl.start(s("kubectl"), {s("kustomize"), folder});
    if (!kubectl.waitForFinished(60000) || kubectl.exitCode() != 0) {
        qWarning("%s", kubectl.readAllStandardError().constData());
        return {};
    }
    return kubectl.readAllStandardOutput();
}

QStringList messages(const QList<Problem> &problems)
{
    QStringList out;
    for (const Problem &p : problems)
        out.append(p.file + s(": ") + p.message);
    return out;
}

} // namespace

class TestSplitWiring : public QObject
{
    Q_OBJECT

private slots:
    void chainWiringKeepsTheUsersText()
    {
        QTemporaryDir repo;
        QVERIFY(repo.isValid());
        makeRepository(repo);
        const FolderWiring wiring =
            FluxReach::read(repo.path()).wiringFor(s("workloads/tools/cli"));
        QCOMPARE(int(wiring.kind), int(FolderWiring::Kind::Chain));
        QCOMPARE(wiring.chain, (QStringList{s("workloads/tools"), s("workloads")}));

        const Result<SplitWriteResult> written = split(repo, "workloads/tools/cli");
        QVERIFY2(written, qPrintable(written ? QString() : written.error().toString()));
        QCOMPARE(written->written.size(), 3);

        // The parent's kustomization gains the folder; its comments and other fields stay as
        // written, byte for byte.
        const QByteArray parent = readFile(repo.filePath(s("workloads/kustomization.yaml")));
        QVERIFY2(parent.startsWith("# Every app of the lab.\n"), parent.constData());
        QVERIFY2(parent.contains("# keep this list short\nlabels:\n  - pairs:\n      team: lab\n"),
                 parent.constData());
        QCOMPARE(kustomizationResources(parent, s("workloads/kustomization.yaml")),
                 (QStringList{s("llm"), s("tools")}));
        // The folder between, which had none, gets one listing the new folder.
        QCOMPARE(kustomizationResources(
                     readFile(repo.filePath(s("workloads/tools/kustomization.yaml"))), s("k")),
                 QStringList{s("cli")});
        QCOMPARE(kustomizationResources(
                     readFile(repo.filePath(s("workloads/tools/cli/kustomization.yaml"))), s("k"))
                     .size(),
                 3);
        // Flux applies it now: lint has nothing to say.
        QCOMPARE(messages(FluxReach::read(repo.path()).problems()), QStringList());

        if (!Testing::kubectlKustomizeReadsFolders())
            QSKIP("kubectl's kustomize reads no folders");
        const QByteArray built = kustomize(repo.filePath(s("workloads")));
        QVERIFY(built.contains("name: settings"));
        QVERIFY2(built.contains("kind: Deployment") && built.contains("name: tool"),
                 built.constData());
        QVERIFY(built.contains("kind: Namespace"));
        QVERIFY(built.contains("team: lab")); // the user's labels apply to the new objects too
    }

    void commentsOnTheResourcesStayByteForByte()
    {
        QTemporaryDir repo;
        QVERIFY(repo.isValid());
        makeRepository(repo);
        QVERIFY(split(repo, "workloads/tools"));
        QCOMPARE(readFile(repo.filePath(s("workloads/kustomization.yaml"))),
                 QByteArray("# Every app of the lab.\n"
                            "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                            "kind: Kustomization\n"
                            "resources:\n"
                            "  - llm # the model server\n"
                            "  - tools\n"
                            "# keep this list short\n"
                            "labels:\n"
                            "  - pairs:\n"
                            "      team: lab\n"));
    }

    void unreachableFolderIsWiredToTheNearestOnlyWhenAsked()
    {
        QTemporaryDir repo;
        QVERIFY(repo.isValid());
        makeRepository(repo);
        const FolderWiring wiring = FluxReach::read(repo.path()).wiringFor(s("apps/tools"));
        QCOMPARE(int(wiring.kind), int(FolderWiring::Kind::Unreachable));
        QVERIFY(wiring.hasNearest);
        QCOMPARE(wiring.nearest, s("workloads"));
        QCOMPARE(wiring.entry, s("../apps/tools"));

        // Left unwired: lint says so, and names the file whose resources should list it.
        const QMap<QString, QByteArray> before = folderState(repo.filePath(s("workloads")));
        QVERIFY(split(repo, "apps/tools", false));
        QCOMPARE(folderState(repo.filePath(s("workloads"))), before);
        const QStringList unwired = messages(FluxReach::read(repo.path()).problems());
        QCOMPARE(unwired.size(), 1);
        QVERIFY2(unwired.first().contains(s("apps/tools/ is not listed by any kustomization.yaml: "
                                            "Flux never applies it")),
                 qPrintable(unwired.first()));
        QVERIFY2(unwired.first().contains(s("../apps/tools in the resources of "
                                            "workloads/kustomization.yaml")),
                 qPrintable(unwired.first()));

        // Wired up to the nearest: kustomize builds it from there.
        QTemporaryDir wired;
        makeRepository(wired);
        QVERIFY(split(wired, "apps/tools", true));
        QVERIFY(kustomizationResources(readFile(wired.filePath(s("workloads/kustomization.yaml"))),
                                       s("k"))
                    .contains(s("../apps/tools")));
        QCOMPARE(messages(FluxReach::read(wired.path()).problems()), QStringList());
        if (!Testing::kubectlKustomizeReadsFolders())
            QSKIP("kubectl's kustomize reads no folders");
        QVERIFY(kustomize(wired.filePath(s("workloads"))).contains("kind: Deployment"));
    }

    void lintFlagsFoldersFluxNeverApplies_data()
    {
        QTest::addColumn<QStringList>("paths");
        QTest::addColumn<QStringList>("expected"); // "folder -> listing file"
        QTest::addRow("listed") << QStringList{s("workloads/llm/settings-configmap.yaml")}
                                << QStringList();
        QTest::addRow("unlisted under workloads")
            << QStringList{s("workloads/foo/a-configmap.yaml"),
                           s("workloads/foo/kustomization.yaml")}
            << QStringList{s("workloads/foo/ -> foo in the resources of "
                             "workloads/kustomization.yaml")};
        QTest::addRow("loose files, no kustomization")
            << QStringList{s("workloads/bar/a-configmap.yaml")}
            << QStringList{s("workloads/bar/ -> bar in the resources of "
                             "workloads/kustomization.yaml")};
        QTest::addRow("outside every applied folder")
            << QStringList{s("apps/x/a-configmap.yaml")}
            << QStringList{s("apps/x/ -> ../apps/x in the resources of "
                             "workloads/kustomization.yaml")};
        QTest::addRow("the cluster folder flux bootstrap points at")
            << QStringList{s("clusters/lab/extra-configmap.yaml")} << QStringList();
        QTest::addRow("a Helm chart's templates")
            << QStringList{s("charts/tool/Chart.yaml"), s("charts/tool/templates/cm.yaml")}
            << QStringList();
    }

    void lintFlagsFoldersFluxNeverApplies()
    {
        QFETCH(QStringList, paths);
        QFETCH(QStringList, expected);
        QTemporaryDir repo;
        makeRepository(repo);
        for (const QString &path : paths) {
            const QByteArray text = path.endsWith(s("kustomization.yaml"))
                                        ? QByteArray("resources:\n- a-configmap.yaml\n")
                                    : path.endsWith(s("Chart.yaml"))
                                        ? QByteArray("apiVersion: v2\nname: tool\n")
                                        : configMap("extra");
            QVERIFY(writeFile(repo.filePath(path), text));
        }
        const QList<Problem> problems = lintRepositoryWiring(repo.path());
        QStringList got;
        for (const Problem &p : problems) {
            QCOMPARE(p.severity, Problem::Severity::Error);
            QCOMPARE(p.rule, s("folder-not-applied"));
            const QString folder = p.message.section(s(" is not listed"), 0, 0);
            got.append(folder + s(" -> ") + p.message.section(s(". List "), 1));
        }
        QCOMPARE(got, expected);
    }

    void noFluxNoWiringProblems()
    {
        QTemporaryDir repo;
        QVERIFY(writeFile(repo.filePath(s("manifests/a/cm.yaml")), configMap("a")));
        QCOMPARE(lintRepositoryWiring(repo.path()).size(), 0);
    }

    void theWindowsPlanReportsAnUnwiredFolder()
    {
        // The window's Problems list shows the plan snapshot's problems.
        QTemporaryDir repo;
        makeRepository(repo);
        QVERIFY(split(repo, "workloads/tools", false));
        const auto snapshot = makePlanSnapshot(Inventory(), repo.path(), PlanDecisions());
        QStringList found;
        for (const Problem &p : snapshot->plan.problems) {
            if (p.rule == s("folder-not-applied"))
                found.append(p.file + s(": ") + p.message);
        }
        QCOMPARE(found.size(), 1);
        QVERIFY2(found.first().startsWith(s("workloads/kustomization.yaml: workloads/tools/ is "
                                            "not listed by any kustomization.yaml")),
                 qPrintable(found.first()));
    }

    void lintCliExitsOneOnAnUnwiredFolder()
    {
        QTemporaryDir repo;
        QTemporaryDir home;
        makeRepository(repo);
        const auto env = Testing::isolatedEnvironment(home.path());
        Testing::CliRun clean = Testing::runCli({s("lint"), s("--repo"), repo.path()}, env);
        QCOMPARE(clean.exitCode, 0);
        QVERIFY(split(repo, "workloads/tools", false));
        const Testing::CliRun run = Testing::runCli({s("lint"), s("--repo"), repo.path()}, env);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.outText().contains(s("workloads/tools/ is not listed by any "
                                          "kustomization.yaml: Flux never applies it")),
                 qPrintable(run.outText()));
        QVERIFY(run.outText().contains(s("workloads/kustomization.yaml")));
    }

    void splitFilesAreNeverNoLongerPlanned()
    {
        QTemporaryDir repo;
        makeRepository(repo);
        QVERIFY(split(repo, "workloads/tools"));
        const WrittenRecord record = loadWrittenRecord(repo.path());
        QVERIFY(record.isUsers(s("workloads/tools/tool-deployment.yaml")));
        QVERIFY(record.isUsers(s("workloads/tools/kustomization.yaml")));
        QVERIFY(!record.isUsers(s("workloads/kustomization.yaml"))); // existed: not made by us

        // A plan that produces none of them: they are on disk only, and not offered to delete.
        Plan plan;
        plan.cluster = s("lab");
        PlannedFile workloads;
        workloads.path = s("workloads/kustomization.yaml");
        workloads.text = s("resources:\n- llm\n- tools\n");
        plan.files = {workloads};
        const RepositoryFiles onDisk = readRepositoryFiles(repo.path());
        QVERIFY(onDisk.contains(s("workloads/tools/tool-deployment.yaml")));
        const PlanWritePreview preview = previewWrite(plan, onDisk, record);
        for (const QString &path : preview.removable)
            QVERIFY2(!path.startsWith(s("workloads/tools/")), qPrintable(path));
        // What the user wrote by hand stays removable as before.
        QVERIFY(preview.removable.contains(s("workloads/llm/settings-configmap.yaml")));

        // The record keeps them across a read and write.
        QCOMPARE(WrittenRecord::parse(record.toYaml()).userFiles, record.userFiles);
    }

    void helmOrderOrdersTheKustomization()
    {
        QTemporaryDir repo;
        makeRepository(repo);
        QVERIFY(split(repo, "workloads/tools", true, true));
        const QStringList resources = kustomizationResources(
            readFile(repo.filePath(s("workloads/tools/kustomization.yaml"))), s("k"));
        QCOMPARE(resources, (QStringList{s("tools-namespace.yaml"), s("tool-config-map.yaml"),
                                         s("tool-deployment.yaml")}));
        // Without it: sorted, as before.
        QTemporaryDir sorted;
        makeRepository(sorted);
        QVERIFY(split(sorted, "workloads/tools", true, false));
        QCOMPARE(kustomizationResources(
                     readFile(sorted.filePath(s("workloads/tools/kustomization.yaml"))), s("k")),
                 (QStringList{s("tool-config-map.yaml"), s("tool-deployment.yaml"),
                              s("tools-namespace.yaml")}));
    }

    void allOrNothing()
    {
        QTemporaryDir repo;
        makeRepository(repo);
        const QMap<QString, QByteArray> before = folderState(repo.path());
        Hooks hooks({{}, [](const QString &path) {
                         return path == s("workloads/kustomization.yaml") ? ENOSPC : 0;
                     }});
        const Result<SplitWriteResult> written = split(repo, "workloads/tools/cli");
        QVERIFY(!written);
        QCOMPARE(folderState(repo.path()), before);
    }

    void refusesAFolderOutsideTheRepository()
    {
        QTemporaryDir repo;
        QTemporaryDir elsewhere;
        makeRepository(repo);
        SplitIntoRepository request;
        request.repoDir = repo.path();
        request.folder = elsewhere.filePath(s("x"));
        QVERIFY(!writeSplitIntoRepository(request, splitFiles()));
        QVERIFY(!QFileInfo::exists(elsewhere.filePath(s("x"))));
    }
};

QTEST_GUILESS_MAIN(TestSplitWiring)
#include "tst_splitwiring.moc"
