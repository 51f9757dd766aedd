#include "core/jobrunner.h"
#include "flux/validation.h"
#include "flux/validationsession.h"
#include "kube/inventory.h"
#include "kube/snapshot.h"
#include "kustomizeprobe.h"
#include "plan/planner.h"
#include "plan/planwriter.h"
#include "testfiles.h"
#include "validationfixtures.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Fluxdesk;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

using TestFiles::appsFluxKustomization;

bool write(const QTemporaryDir &dir, const QString &path, const QByteArray &text)
{
    return TestFiles::writeFile(dir.filePath(path), text);
}

ValidationOptions optionsFor(const QTemporaryDir &dir)
{
    ValidationOptions options;
    options.repoDir = dir.path();
    options.tool = findKustomizeTool();
    return options;
}

// "FILE:LINE: rule" per problem of the given severity, for compact comparisons.
QStringList errors(const ValidationReport &report)
{
    QStringList out;
    for (const Problem &problem : report.problems) {
        if (problem.severity == Problem::Severity::Error)
            out.append(
                QStringLiteral("%1:%2: %3").arg(problem.file).arg(problem.line).arg(problem.rule));
    }
    return out;
}

QString messages(const ValidationReport &report)
{
    QStringList out;
    for (const Problem &problem : report.problems)
        out.append(problem.toString());
    return out.join(QLatin1Char('\n'));
}

} // namespace

// Validation before commit over whole repositories: what Flux reads is built with the machine's
// kustomize (or kubectl kustomize), its Flux objects checked, its failures named by file.
class TestValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!findKustomizeTool().isValid())
            QSKIP("neither kustomize nor kubectl is installed");
    }

    void plannedDemoValidatesClean()
    {
        if (!Testing::kubectlKustomizeReadsFolders())
            QSKIP("kubectl's kustomize cannot build the planned repository");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Inventory inventory;
        inventory.addObjects(demoClusterObjects());
        const Plan plan = planRepository(inventory);
        QVERIFY(writePlan(plan, dir.path()).ok());

        const ValidationReport report = validateRepository(optionsFor(dir));
        QVERIFY2(report.passed(), qPrintable(messages(report)));
        QCOMPARE(report.clusters, QStringList{s("clusters/homelab")});
        QStringList folders;
        for (const BuiltFolder &built : report.built)
            folders.append(built.folder);
        QCOMPARE(folders,
                 (QStringList{s("clusters/homelab"), s("infrastructure"), s("workloads")}));
        QVERIFY(report.builtObjects().size() > 20);
    }

    void kustomizeErrorNamesTheFile_data()
    {
        QTest::addColumn<QByteArray>("kustomization");
        QTest::addColumn<QByteArray>("resource");
        QTest::addColumn<QString>("where"); // FILE:LINE of the kustomize-build problem
        QTest::addColumn<QString>("words"); // in the message: the tool's own

        const QByteArray cm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n";
        QTest::addRow("missing resource")
            << QByteArray("resources:\n- cm.yaml\n- missing.yaml\n") << cm
            << s("apps/kustomization.yaml:0") << s("missing.yaml");
        QTest::addRow("broken resource")
            << QByteArray("resources:\n- cm.yaml\n")
            << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n data: 1\n")
            << s("apps/cm.yaml:4") << s("did not find expected key");
        QTest::addRow("broken kustomization")
            << QByteArray("resources:\n- cm.yaml\n bad: [\n") << cm
            << s("apps/kustomization.yaml:3") << s("invalid Kustomization");
    }

    void kustomizeErrorNamesTheFile()
    {
        QFETCH(QByteArray, kustomization);
        QFETCH(QByteArray, resource);
        QFETCH(QString, where);
        QFETCH(QString, words);
        QTemporaryDir dir;
        QVERIFY(write(dir, s("clusters/home/apps.yaml"), appsFluxKustomization));
        QVERIFY(write(dir, s("apps/kustomization.yaml"), kustomization));
        QVERIFY(write(dir, s("apps/cm.yaml"), resource));

        const ValidationReport report = validateRepository(optionsFor(dir));
        QVERIFY(!report.passed());
        const auto it =
            std::find_if(report.problems.cbegin(), report.problems.cend(),
                         [](const Problem &p) { return p.rule == s("kustomize-build"); });
        QVERIFY2(it != report.problems.cend(), qPrintable(messages(report)));
        QCOMPARE(QStringLiteral("%1:%2").arg(it->file).arg(it->line), where);
        QVERIFY2(it->message.contains(words), qPrintable(it->message));
        QVERIFY2(it->message.startsWith(s("kustomize build apps failed: ")),
                 qPrintable(it->message));
        QVERIFY2(!it->message.contains(s("run.go")), qPrintable(it->message)); // no log prefix
    }

    void timestampAfterBuildIsCaught()
    {
        QTemporaryDir dir;
        QVERIFY(write(dir, s("clusters/home/apps.yaml"), appsFluxKustomization));
        QVERIFY(write(dir, s("apps/kustomization.yaml"), "resources:\n- cm.yaml\n"));
        QVERIFY(write(dir, s("apps/cm.yaml"),
                      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n"
                      "data:\n  since: 2024-04-01\n  replicas: 3\n  name: ok\n"));
        const ValidationReport report = validateRepository(optionsFor(dir));
        QCOMPARE(errors(report), (QStringList{s("apps/cm.yaml:6: yaml-timestamp"),
                                              s("apps/cm.yaml:7: flux-schema")}));
        // The built output holds the number too: said once, at the file.
        QVERIFY(
            std::none_of(report.problems.cbegin(), report.problems.cend(), [](const Problem &p) {
                return p.message.contains(s("as kustomize builds"));
            }));
    }

    void builtOnlyViolationNamesTheObject()
    {
        // A patch in the kustomization misspells a field: only the build shows it.
        QTemporaryDir dir;
        QVERIFY(write(dir, s("clusters/home/apps.yaml"), appsFluxKustomization));
        QVERIFY(write(dir, s("apps/kustomization.yaml"),
                      "resources:\n- charts.yaml\npatches:\n- patch: |-\n"
                      "    apiVersion: source.toolkit.fluxcd.io/v1\n"
                      "    kind: HelmRepository\n    metadata:\n      name: charts\n"
                      "    spec:\n      intervall: 5m\n"));
        QVERIFY(write(dir, s("apps/charts.yaml"),
                      "apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\n"
                      "metadata:\n  name: charts\nspec:\n  interval: 1h\n"
                      "  url: https://charts.example.com\n"));
        const ValidationReport report = validateRepository(optionsFor(dir));
        QCOMPARE(errors(report), QStringList{s("apps/charts.yaml:1: flux-schema")});
        QVERIFY2(messages(report).contains(
                     s("apps/charts.yaml:1: error: HelmRepository charts as kustomize builds apps: "
                       "spec.intervall: unknown field")),
                 qPrintable(messages(report)));
    }

    void relativeRepositoryPath()
    {
        // As `fluxdesk-cli validate --repo repo` gives it: relative to the working directory.
        QTemporaryDir dir;
        QVERIFY(write(dir, s("clusters/home/apps.yaml"), appsFluxKustomization));
        QVERIFY(write(dir, s("apps/kustomization.yaml"), "resources:\n- cm.yaml\n"));
        QVERIFY(write(dir, s("apps/cm.yaml"),
                      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n"));
        ValidationOptions options = optionsFor(dir);
        options.repoDir = QDir::current().relativeFilePath(dir.path());
        QVERIFY(QDir::isRelativePath(options.repoDir));
        const ValidationReport report = validateRepository(options);
        QVERIFY2(report.passed(), qPrintable(messages(report)));
        QCOMPARE(report.built.size(), 2);
    }

    void missingPathIsReportedAtSpecPath()
    {
        QTemporaryDir dir;
        QVERIFY(write(dir, s("clusters/home/apps.yaml"), appsFluxKustomization));
        const ValidationReport report = validateRepository(optionsFor(dir));
        QCOMPARE(errors(report), QStringList{s("clusters/home/apps.yaml:8: flux-path")});
    }

    void noClusterFolder()
    {
        QTemporaryDir dir;
        QVERIFY(write(dir, s("apps/cm.yaml"),
                      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n"));
        const ValidationReport report = validateRepository(optionsFor(dir));
        QCOMPARE(errors(report), QStringList{s("clusters:0: no-cluster")});
    }

    void noToolSaysWhatToInstall()
    {
        QTemporaryDir dir;
        QVERIFY(write(dir, s("clusters/home/apps.yaml"), appsFluxKustomization));
        QVERIFY(write(dir, s("apps/kustomization.yaml"), "resources: []\n"));
        ValidationOptions options = optionsFor(dir);
        options.tool = findKustomizeTool({dir.filePath(s("no-such-bin"))});
        QVERIFY(!options.tool.isValid());
        const ValidationReport report = validateRepository(options);
        QVERIFY(!report.passed());
        QCOMPARE(report.problems.first().rule, s("kustomize-missing"));
        QVERIFY(report.problems.first().message.contains(s("Install kustomize")));
    }

    void sessionRunsOffThreadAndCancels()
    {
        QTemporaryDir dir;
        QVERIFY(write(dir, s("clusters/home/apps.yaml"), appsFluxKustomization));
        QVERIFY(write(dir, s("apps/kustomization.yaml"), "resources:\n- cm.yaml\n"));
        QVERIFY(write(dir, s("apps/cm.yaml"),
                      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n"));
        ValidationSession session;
        QSignalSpy finished(&session, &ValidationSession::finished);
        session.start(optionsFor(dir));
        QVERIFY(session.isBusy());
        QVERIFY(finished.wait(60000));
        QVERIFY(finished.first().first().value<ValidationReport>().passed());

        finished.clear();
        session.start(optionsFor(dir));
        session.cancel();
        QCOMPARE(finished.size(), 1);
        QVERIFY(finished.first().first().value<ValidationReport>().canceled);
        QVERIFY(!session.isBusy());
        QTest::qWait(200); // the superseded job's result is dropped
        QCOMPARE(finished.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
