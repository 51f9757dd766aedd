// fluxdesk-cli plan as a process: the demo cluster into an empty folder, then up to date; hand
// edits reported and kept; bad input.
#include "clirunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace Fluxdesk::Testing;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

class TestPlanCli : public QObject
{
    Q_OBJECT

private slots:
    void planWriteReplan()
    {
        QTemporaryDir home, repo;
        QVERIFY(home.isValid() && repo.isValid());
        const QProcessEnvironment env = isolatedEnvironment(home.path());
        const QStringList plan{s("--demo"), s("plan"), s("--repo"), repo.path()};

        const CliRun before = runCli(plan, env);
        QVERIFY(before.finished);
        QCOMPARE(before.exitCode, 1);
        QVERIFY2(
            before.outText().contains(s("planned       workloads/llm/llama-cpp-deployment.yaml\n")),
            qPrintable(before.outText()));
        QVERIFY(before.outText().contains(s("bootstrap     clusters/homelab/flux-system/\n")));
        QVERIFY(before.outText().contains(s("excluded      apps/StatefulSet logging/loki: ")));
        QVERIFY(before.outText().contains(s("33 planned, 0 up to date, 0 differ")));
        QVERIFY(QDir(repo.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());

        const CliRun write = runCli(plan + QStringList{s("--write")}, env);
        QCOMPARE(write.exitCode, 0);
        QVERIFY(write.outText().contains(s("written       clusters/homelab/workloads.yaml\n")));
        QVERIFY(QFile::exists(repo.filePath(s("workloads/llm/llama-cpp-deployment.yaml"))));

        const CliRun after = runCli(plan, env);
        QCOMPARE(after.exitCode, 0);
        QVERIFY(after.outText().contains(s("up to date    workloads/llm/namespace.yaml\n")));
        QVERIFY(after.outText().contains(s("0 planned, 33 up to date, 0 differ, 0 on disk only")));

        // A hand edit: reported, exit 1, and kept by --write.
        const QString edited = repo.filePath(s("workloads/llm/llama-cpp-service.yaml"));
        QFile file(edited);
        QVERIFY(file.open(QIODevice::Append));
        file.write("# mine\n");
        file.close();
        const CliRun differs = runCli(plan, env);
        QCOMPARE(differs.exitCode, 1);
        QVERIFY(
            differs.outText().contains(s("differs       workloads/llm/llama-cpp-service.yaml\n")));
        const CliRun kept = runCli(plan + QStringList{s("--write")}, env);
        QCOMPARE(kept.exitCode, 0);
        QVERIFY(kept.outText().contains(s("kept          workloads/llm/llama-cpp-service.yaml\n")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().endsWith("# mine\n"));
    }

    void clusterOption()
    {
        QTemporaryDir home, repo;
        QVERIFY(home.isValid() && repo.isValid());
        const CliRun run = runCli({s("--demo"), s("plan"), s("--repo"), repo.path(), s("--cluster"),
                                   s("lab"), s("--write")},
                                  isolatedEnvironment(home.path()));
        QCOMPARE(run.exitCode, 0);
        QVERIFY(QFile::exists(repo.filePath(s("clusters/lab/infrastructure.yaml"))));
        QVERIFY(!QFile::exists(repo.filePath(s("clusters/homelab"))));
        // The cluster named on the command line is saved: the next plan uses it.
        QVERIFY(QFile::exists(repo.filePath(s(".fluxdesk/plan.yaml"))));
        const CliRun again = runCli({s("--demo"), s("plan"), s("--repo"), repo.path()},
                                    isolatedEnvironment(home.path()));
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.outText().contains(s("up to date    clusters/lab/workloads.yaml\n")));
        QVERIFY(!again.outText().contains(s("clusters/homelab/")));
    }

    void json()
    {
        QTemporaryDir home, repo;
        QVERIFY(home.isValid() && repo.isValid());
        const CliRun run = runCli({s("--demo"), s("--json"), s("plan"), s("--repo"), repo.path()},
                                  isolatedEnvironment(home.path()));
        QCOMPARE(run.exitCode, 1);
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(run.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(root.value(s("cluster")).toString(), s("homelab"));
        QCOMPARE(root.value(s("counts")).toObject().value(s("planned")).toInt(), 33);
        bool found = false;
        for (const QJsonValue &v : root.value(s("files")).toArray()) {
            const QJsonObject f = v.toObject();
            if (f.value(s("path")).toString() ==
                QLatin1String("workloads/llm/llama-cpp-deployment.yaml")) {
                found = true;
                QCOMPARE(f.value(s("status")).toString(), s("planned"));
                QCOMPARE(f.value(s("kind")).toString(), s("manifest"));
                QCOMPARE(f.value(s("objects")).toArray(),
                         QJsonArray{s("apps/Deployment llm/llama-cpp")});
            }
        }
        QVERIFY(found);
        QVERIFY(!root.value(s("excluded")).toArray().isEmpty());
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::addRow("no repo") << QStringList{s("--demo"), s("plan")} << s("--repo");
        QTest::addRow("missing repo")
            << QStringList{s("--demo"), s("plan"), s("--repo"), s("/nonexistent/fluxdesk")}
            << s("does not exist");
        QTest::addRow("bad cluster") << QStringList{s("--demo"), s("plan"),      s("--repo"),
                                                    s("."),      s("--cluster"), s("Bad_Name")}
                                     << s("Bad_Name");
    }

    void badInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const CliRun run = runCli(arguments, isolatedEnvironment(home.path()));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(message), qPrintable(run.errText()));
    }
};

QTEST_GUILESS_MAIN(TestPlanCli)
#include "tst_plan_cli.moc"
