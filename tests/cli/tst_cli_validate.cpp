#include "clirunner.h"
#include "flux/kustomizebuild.h"
#include "kustomizeprobe.h"
#include "testfiles.h"
#include "validationfixtures.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

using TestFiles::appsFluxKustomization;

bool write(const QString &path, const QByteArray &text)
{
    return TestFiles::writeFile(path, text);
}

} // namespace

// fluxdesk-cli validate: one problem per line, exit 0 clean, 1 problems, 2 bad input; a planned
// demo repository validates clean; without kustomize and kubectl it says what to install.
class TestCliValidate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        if (!findKustomizeTool().isValid())
            QSKIP("neither kustomize nor kubectl is installed");
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::addRow("no repo") << QStringList{s("validate")} << s("validate needs --repo DIR");
        QTest::addRow("no folder")
            << QStringList{s("validate"), s("--repo"), s("/nonexistent/x")} << s("no such folder");
        QTest::addRow("unknown cluster")
            << QStringList{s("validate"), s("--repo"), s("."), s("--cluster"), s("nope")}
            << s("no folder clusters/nope");
    }

    void badInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const CliRun run = runCli(arguments, isolatedEnvironment(m_home.path()));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(message), qPrintable(run.errText()));
    }

    void plannedDemoIsClean()
    {
        if (!kubectlKustomizeReadsFolders())
            QSKIP("kubectl's kustomize cannot build the planned repository");
        QTemporaryDir repo;
        const auto env = isolatedEnvironment(m_home.path());
        const CliRun plan =
            runCli({s("--demo"), s("plan"), s("--repo"), repo.path(), s("--write")}, env);
        QCOMPARE(plan.exitCode, 0);
        const CliRun run = runCli({s("--demo"), s("validate"), s("--repo"), repo.path()}, env);
        QVERIFY2(run.exitCode == 0, qPrintable(run.outText() + run.errText()));
        QVERIFY2(!run.outText().contains(s(": error: ")), qPrintable(run.outText()));
        QVERIFY2(run.errText().contains(s("no server dry-run: --demo is not a live cluster")),
                 qPrintable(run.errText()));
        QVERIFY2(run.errText().contains(s("validated 3 kustomizations of clusters/homelab")),
                 qPrintable(run.errText()));
    }

    void problemsOnePerLine()
    {
        QTemporaryDir repo;
        QVERIFY(write(repo.filePath(s("clusters/home/apps.yaml")), appsFluxKustomization));
        QVERIFY(write(repo.filePath(s("apps/kustomization.yaml")), "resources:\n- cm.yaml\n"));
        QVERIFY(write(repo.filePath(s("apps/cm.yaml")),
                      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n"
                      "  since: 2024-04-01\n  replicas: 3\n"));
        const CliRun run =
            runCli({s("validate"), s("--repo"), repo.path(), s("--cluster"), s("home")},
                   isolatedEnvironment(m_home.path()));
        QCOMPARE(run.exitCode, 1);
        const QStringList lines = run.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(0).startsWith(s("apps/cm.yaml:6:10: error: ConfigMap settings: "
                                          "data.since: 2024-04-01 is read as a date")),
                 qPrintable(lines.at(0)));
        QCOMPARE(lines.at(1), s("apps/cm.yaml:7:13: error: ConfigMap settings: data.replicas: "
                                "expected string, got number"));
    }

    void noToolSaysWhatToInstall()
    {
        QTemporaryDir repo;
        QVERIFY(write(repo.filePath(s("clusters/home/apps.yaml")), appsFluxKustomization));
        QVERIFY(write(repo.filePath(s("apps/kustomization.yaml")), "resources: []\n"));
        QProcessEnvironment env = isolatedEnvironment(m_home.path());
        env.insert(s("PATH"), repo.filePath(s("no-bin")));
        const CliRun run = runCli({s("validate"), s("--repo"), repo.path()}, env);
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.outText().startsWith(s("error: Neither kustomize nor kubectl was found")),
                 qPrintable(run.outText()));
        QVERIFY(run.outText().contains(s("Install kustomize")));
    }

private:
    QTemporaryDir m_home;
};

QTEST_GUILESS_MAIN(TestCliValidate)
#include "tst_cli_validate.moc"
