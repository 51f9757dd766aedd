// fluxdesk-cli plan as a process: the demo cluster into an empty folder, then up to date; hand
// edits reported and kept unless --accept names them; files no longer planned listed and
// deleted only with --remove; refused paths write nothing; bad input.
#include "clirunner.h"
#include "kustomizeprobe.h"
#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace Fluxdesk::Testing;

using Fluxdesk::TestFiles::readFile;

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
        QVERIFY(before.outText().contains(s("35 planned, 0 up to date, 0 differ")));
        QVERIFY(QDir(repo.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());

        const CliRun write = runCli(plan + QStringList{s("--write")}, env);
        QCOMPARE(write.exitCode, 0);
        QVERIFY(write.outText().contains(s("written       clusters/homelab/workloads.yaml\n")));
        QVERIFY(QFile::exists(repo.filePath(s("workloads/llm/llama-cpp-deployment.yaml"))));

        const CliRun after = runCli(plan, env);
        QCOMPARE(after.exitCode, 0);
        QVERIFY(after.outText().contains(s("up to date    workloads/llm/namespace.yaml\n")));
        QVERIFY(after.outText().contains(s("0 planned, 35 up to date, 0 differ, 0 on disk only")));

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
        const CliRun kept = runCli(plan + QStringList{s("--write"), s("--force-demo")}, env);
        QCOMPARE(kept.exitCode, 0);
        QVERIFY(kept.outText().contains(s("kept          workloads/llm/llama-cpp-service.yaml\n")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().endsWith("# mine\n"));
    }

    // --encrypt-secrets: refused without .sops.yaml (nothing written, the choice not saved);
    // after secrets setup the included Secret is a SOPS file, the choice is in plan.yaml, and the
    // next plan finds it up to date with the user's key.
    void encryptSecrets()
    {
        QTemporaryDir home, repo;
        QVERIFY(home.isValid() && repo.isValid());
        QProcessEnvironment env = isolatedEnvironment(home.path());
        env.insert(s("SOPS_AGE_KEY_FILE"), home.filePath(s("keys.txt")));
        env.remove(s("SOPS_AGE_KEY"));
        const QString decisions = repo.filePath(s(".fluxdesk/plan.yaml"));
        QVERIFY(Fluxdesk::TestFiles::writeFile(
            decisions, "kind: Plan\nobjects:\n- {kind: Secret, namespace: logging, name: "
                       "grafana-values, decision: include}\n"));
        const QString secret = s("infrastructure/logging/grafana-values-secret.yaml");
        const QStringList write{s("--demo"),  s("plan"),         s("--repo"),           repo.path(),
                                s("--write"), s("--force-demo"), s("--encrypt-secrets")};

        const CliRun refused = runCli(write, env);
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.errText().contains(s(".sops.yaml")) &&
                     refused.errText().contains(s("secrets setup")),
                 qPrintable(refused.errText()));
        QVERIFY(!QFile::exists(repo.filePath(secret)));
        QVERIFY(!QFile::exists(repo.filePath(s("clusters"))));
        QVERIFY(!readFile(decisions).contains("secrets:"));

        QCOMPARE(runCli({s("secrets"), s("keygen")}, env).exitCode, 0);
        const CliRun setup = runCli({s("secrets"), s("setup"), s("--repo"), repo.path()}, env);
        QVERIFY2(setup.exitCode == 0, qPrintable(setup.errText()));
        const CliRun written = runCli(write, env);
        QVERIFY2(written.exitCode == 0, qPrintable(written.errText()));
        const QByteArray onDisk = readFile(repo.filePath(secret));
        QVERIFY2(onDisk.contains("adminPassword: ENC[AES256_GCM,") && onDisk.contains("\nsops:\n"),
                 onDisk.constData());
        QVERIFY(!onDisk.contains("demo-password-change-me"));
        QVERIFY(readFile(decisions).contains("secrets:\n  encrypt: true\n"));
        QVERIFY(readFile(repo.filePath(s("clusters/homelab/infrastructure.yaml")))
                    .contains("decryption:\n    provider: sops\n"));

        // plan.yaml keeps the choice: no option needed, and nothing left to write.
        const CliRun json =
            runCli({s("--demo"), s("--json"), s("plan"), s("--repo"), repo.path()}, env);
        QCOMPARE(json.exitCode, 0);
        const QJsonArray files =
            QJsonDocument::fromJson(json.out).object().value(s("files")).toArray();
        bool found = false;
        for (const QJsonValue &f : files) {
            if (f.toObject().value(s("path")).toString() != secret)
                continue;
            found = true;
            QCOMPARE(f.toObject().value(s("status")).toString(), s("up-to-date"));
            QVERIFY(f.toObject().value(s("encrypted")).toBool());
        }
        QVERIFY(found);
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
        QCOMPARE(root.value(s("counts")).toObject().value(s("planned")).toInt(), 35);
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

    void acceptAndRemove()
    {
        QTemporaryDir home, repo;
        QVERIFY(home.isValid() && repo.isValid());
        const QProcessEnvironment env = isolatedEnvironment(home.path());
        const QStringList plan{s("--demo"), s("plan"), s("--repo"), repo.path()};
        const QStringList write = plan + QStringList{s("--write"), s("--force-demo")};
        QCOMPARE(runCli(write, env).exitCode, 0);

        // Two hand edits, a hand-written file the plan does not produce beside the plan's, and a
        // stale folder; a file of another cluster is only listed, never offered for deletion.
        const QString service = s("workloads/llm/llama-cpp-service.yaml");
        const QString deployment = s("workloads/llm/llama-cpp-deployment.yaml");
        const QString extra = s("workloads/llm/extra-configmap.yaml");
        const QString gone = s("workloads/gone/old.yaml");
        const QString other = s("clusters/other/workloads.yaml");
        for (const QString &path : {service, deployment}) {
            QFile file(repo.filePath(path));
            QVERIFY(file.open(QIODevice::Append));
            file.write("# mine\n");
        }
        for (const QString &path : {extra, gone, other}) {
            QVERIFY(QDir().mkpath(QFileInfo(repo.filePath(path)).absolutePath()));
            QFile file(repo.filePath(path));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n");
        }

        const CliRun listed = runCli(plan, env);
        QCOMPARE(listed.exitCode, 1);
        QVERIFY2(listed.outText().contains(s("not in plan   workloads/llm/extra-configmap.yaml\n")),
                 qPrintable(listed.outText()));
        QVERIFY(listed.outText().contains(s("not in plan   workloads/gone/old.yaml\n")));
        QVERIFY(listed.outText().contains(s("on disk only  clusters/other/workloads.yaml\n")));
        QVERIFY(listed.outText().contains(
            s("0 planned, 33 up to date, 2 differ, 1 on disk only, 2 no longer planned, ")));

        const CliRun json =
            runCli({s("--demo"), s("--json"), s("plan"), s("--repo"), repo.path()}, env);
        QCOMPARE(json.exitCode, 1);
        const QJsonObject root = QJsonDocument::fromJson(json.out).object();
        QCOMPARE(root.value(s("removable")).toArray(), (QJsonArray{gone, extra}));
        QCOMPARE(root.value(s("counts")).toObject().value(s("removable")).toInt(), 2);
        QCOMPARE(root.value(s("counts")).toObject().value(s("onDiskOnly")).toInt(), 3);

        // --accept one file (as an absolute path too), --remove one: the rest stays, with hints.
        const CliRun some = runCli(
            write + QStringList{s("--accept"), repo.filePath(service), s("--remove"), extra}, env);
        QCOMPARE(some.exitCode, 0);
        QVERIFY2(some.outText().contains(s("updated       ") + service + s("\n")),
                 qPrintable(some.outText()));
        QVERIFY(some.outText().contains(s("kept          ") + deployment + s("\n")));
        QVERIFY(some.outText().contains(s("removed       ") + extra + s("\n")));
        QVERIFY(some.outText().contains(s("not in plan   ") + gone + s("\n")));
        QVERIFY(some.outText().contains(
            s("0 written, 1 updated, 33 unchanged, 1 kept as edited, 1 removed, 1 no longer "
              "planned\n")));
        QVERIFY(some.outText().contains(s("--accept PATH")));
        QVERIFY(some.outText().contains(s("--remove-all-stale")));
        QVERIFY(!readFile(repo.filePath(service)).endsWith("# mine\n"));
        QVERIFY(readFile(repo.filePath(deployment)).endsWith("# mine\n"));
        QVERIFY(!QFile::exists(repo.filePath(extra)));
        QVERIFY(QFile::exists(repo.filePath(gone)));

        // The rest at once, as JSON.
        const CliRun all =
            runCli({s("--demo"), s("--json"), s("plan"), s("--repo"), repo.path(), s("--write"),
                    s("--accept-all"), s("--remove-all-stale"), s("--force-demo")},
                   env);
        QCOMPARE(all.exitCode, 0);
        const QJsonObject written = QJsonDocument::fromJson(all.out).object();
        QCOMPARE(written.value(s("updated")).toArray(), QJsonArray{deployment});
        QCOMPARE(written.value(s("removed")).toArray(), QJsonArray{gone});
        QCOMPARE(written.value(s("removable")).toArray(), QJsonArray());
        QVERIFY(!QFileInfo::exists(repo.filePath(s("workloads/gone"))));
        QVERIFY(QFile::exists(repo.filePath(other)));

        const CliRun after = runCli(plan, env);
        QCOMPARE(after.exitCode, 0);
        QVERIFY2(after.outText().contains(
                     s("0 planned, 35 up to date, 0 differ, 1 on disk only, 0 no longer planned")),
                 qPrintable(after.outText()));
        for (const char *folder : {"infrastructure", "workloads"}) {
            if (!kubectlKustomizeReadsFolders())
                break;
            const CliRun kustomize =
                runProgram(s("/usr/bin/kubectl"), {s("kustomize"), repo.filePath(s(folder))}, env);
            QVERIFY2(kustomize.exitCode == 0, qPrintable(kustomize.errText()));
        }
    }

    void excludedObjectRemoved()
    {
        QTemporaryDir home, repo;
        QVERIFY(home.isValid() && repo.isValid());
        const QProcessEnvironment env = isolatedEnvironment(home.path());
        const QStringList write{s("--demo"), s("plan"),    s("--repo"),
                                repo.path(), s("--write"), s("--force-demo")};
        QCOMPARE(runCli(write, env).exitCode, 0);
        // The user excludes the Service the plan wrote before: its file is no longer planned.
        QVERIFY(QDir().mkpath(repo.filePath(s(".fluxdesk"))));
        QFile decisions(repo.filePath(s(".fluxdesk/plan.yaml")));
        QVERIFY(decisions.open(QIODevice::WriteOnly));
        decisions.write("apiVersion: fluxdesk.io/v1alpha1\nkind: Plan\nobjects:\n"
                        "- {kind: Service, namespace: llm, name: llama-cpp, decision: exclude}\n");
        decisions.close();
        const QString service = s("workloads/llm/llama-cpp-service.yaml");
        const QString kustomization = s("workloads/llm/kustomization.yaml");

        const CliRun listed = runCli({s("--demo"), s("plan"), s("--repo"), repo.path()}, env);
        QVERIFY2(listed.outText().contains(s("not in plan   ") + service + s("\n")),
                 qPrintable(listed.outText()));

        // Deleting it while the kustomization that lists it is kept would break the build. The
        // user edited that kustomization by hand, so the write keeps it unless accepted.
        {
            QFile edited(repo.filePath(kustomization));
            QVERIFY(edited.open(QIODevice::Append));
            edited.write("# reviewed\n");
        }
        const QByteArray before = readFile(repo.filePath(kustomization));
        const CliRun refused = runCli(write + QStringList{s("--remove-all-stale")}, env);
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.errText().contains(kustomization + s(": still lists")),
                 qPrintable(refused.errText()));
        QVERIFY(QFile::exists(repo.filePath(service)));
        QCOMPARE(readFile(repo.filePath(kustomization)), before);

        const CliRun done =
            runCli(write + QStringList{s("--remove"), service, s("--accept"), kustomization}, env);
        QCOMPARE(done.exitCode, 0);
        QVERIFY2(done.outText().contains(s("updated       ") + kustomization + s("\n")),
                 qPrintable(done.outText()));
        QVERIFY(done.outText().contains(s("removed       ") + service + s("\n")));
        QVERIFY(!QFile::exists(repo.filePath(service)));
        if (kubectlKustomizeReadsFolders()) {
            const CliRun kustomize = runProgram(
                s("/usr/bin/kubectl"), {s("kustomize"), repo.filePath(s("workloads"))}, env);
            QVERIFY2(kustomize.exitCode == 0, qPrintable(kustomize.errText()));
        }
        QVERIFY(!readFile(repo.filePath(kustomization)).contains("llama-cpp-service.yaml"));
        QCOMPARE(runCli({s("--demo"), s("plan"), s("--repo"), repo.path()}, env).exitCode, 0);
    }

    void uneditedKustomizationFollowsRemoval()
    {
        QTemporaryDir home, repo;
        QVERIFY(home.isValid() && repo.isValid());
        const QProcessEnvironment env = isolatedEnvironment(home.path());
        const QStringList write{s("--demo"), s("plan"),    s("--repo"),
                                repo.path(), s("--write"), s("--force-demo")};
        QCOMPARE(runCli(write, env).exitCode, 0);
        QVERIFY(QFile::exists(repo.filePath(s(".fluxdesk/written.yaml"))));
        QFile decisions(repo.filePath(s(".fluxdesk/plan.yaml")));
        QVERIFY(decisions.open(QIODevice::WriteOnly));
        decisions.write("apiVersion: fluxdesk.io/v1alpha1\nkind: Plan\nobjects:\n"
                        "- {kind: Service, namespace: llm, name: llama-cpp, decision: exclude}\n");
        decisions.close();
        // Fluxdesk wrote the kustomization and nobody edited it: the write updates it with the
        // deletion, no --accept needed.
        const CliRun done = runCli(write + QStringList{s("--remove-all-stale")}, env);
        QVERIFY2(done.exitCode == 0, qPrintable(done.errText()));
        QVERIFY(done.outText().contains(s("updated       workloads/llm/kustomization.yaml\n")));
        QVERIFY(!QFile::exists(repo.filePath(s("workloads/llm/llama-cpp-service.yaml"))));
        if (kubectlKustomizeReadsFolders()) {
            const CliRun kustomize = runProgram(
                s("/usr/bin/kubectl"), {s("kustomize"), repo.filePath(s("workloads"))}, env);
            QVERIFY2(kustomize.exitCode == 0, qPrintable(kustomize.errText()));
        }
    }

    void refusedRemoveWritesNothing_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::addRow("planned") << s("workloads/llm/namespace.yaml") << s("plan writes");
        QTest::addRow("not on disk") << s("workloads/llm/nothing.yaml") << s("not on disk");
        QTest::addRow("outside") << s("../elsewhere.yaml") << s("outside");
        QTest::addRow("plan decisions") << s(".fluxdesk/plan.yaml") << s("YAML");
    }

    void refusedRemoveWritesNothing()
    {
        QFETCH(QString, path);
        QFETCH(QString, message);
        QTemporaryDir home, repo;
        QVERIFY(home.isValid() && repo.isValid());
        const QProcessEnvironment env = isolatedEnvironment(home.path());
        const QStringList write{s("--demo"), s("plan"),    s("--repo"),
                                repo.path(), s("--write"), s("--force-demo")};
        QCOMPARE(runCli(write, env).exitCode, 0);
        // A planned file missing and a stale one: neither written nor deleted by a refused run.
        const QString missing = repo.filePath(s("workloads/llm/llama-cpp-service.yaml"));
        const QString stale = repo.filePath(s("workloads/llm/stale.yaml"));
        QVERIFY(QFile::remove(missing));
        QFile file(stale);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("kind: ConfigMap\n");
        file.close();
        QVERIFY(QDir().mkpath(repo.filePath(s(".fluxdesk"))));
        QFile decisions(repo.filePath(s(".fluxdesk/plan.yaml")));
        if (!decisions.exists()) {
            QVERIFY(decisions.open(QIODevice::WriteOnly));
            decisions.write("apiVersion: fluxdesk.io/v1alpha1\nkind: Plan\n");
            decisions.close();
        }

        const CliRun run = runCli(
            write + QStringList{s("--remove"), s("workloads/llm/stale.yaml"), s("--remove"), path},
            env);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(message), qPrintable(run.errText()));
        QVERIFY(!QFile::exists(missing));
        QVERIFY(QFile::exists(stale));
        QVERIFY(QFile::exists(repo.filePath(s(".fluxdesk/plan.yaml"))));
    }

    // The demo's objects never land among a repository's manifests by accident: refused (exit 2,
    // nothing written) unless --force-demo.
    void demoWriteIntoManifestsRefused()
    {
        QTemporaryDir home, repo;
        QVERIFY(home.isValid() && repo.isValid());
        const QProcessEnvironment env = isolatedEnvironment(home.path());
        QVERIFY(QDir().mkpath(repo.filePath(s("apps"))));
        QFile mine(repo.filePath(s("apps/web.yaml")));
        QVERIFY(mine.open(QIODevice::WriteOnly));
        mine.write("kind: ConfigMap\n");
        mine.close();
        const QStringList write{s("--demo"), s("plan"), s("--repo"), repo.path(), s("--write")};
        const CliRun refused = runCli(write, env);
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.errText().contains(s("--force-demo")), qPrintable(refused.errText()));
        QVERIFY2(refused.errText().contains(QFileInfo(repo.path()).absoluteFilePath()),
                 qPrintable(refused.errText()));
        QCOMPARE(
            QDir(repo.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden),
            QStringList{s("apps")});

        const CliRun forced = runCli(write + QStringList{s("--force-demo")}, env);
        QVERIFY2(forced.exitCode == 0, qPrintable(forced.errText()));
        QVERIFY(QFile::exists(repo.filePath(s("workloads/llm/llama-cpp-deployment.yaml"))));
        QCOMPARE(readFile(repo.filePath(s("apps/web.yaml"))), QByteArray("kind: ConfigMap\n"));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::addRow("no repo") << QStringList{s("--demo"), s("plan")} << s("--repo");
        QTest::addRow("missing repo")
            << QStringList{s("--demo"), s("plan"), s("--repo"), s("/nonexistent/fluxdesk")}
            << s("does not exist");
        QTest::addRow("accept without write")
            << QStringList{s("--demo"), s("plan"), s("--repo"), s("."), s("--accept"), s("x.yaml")}
            << s("--accept needs plan --write");
        QTest::addRow("remove-all-stale without write")
            << QStringList{s("--demo"), s("plan"), s("--repo"), s("."), s("--remove-all-stale")}
            << s("--remove-all-stale needs plan --write");
        QTest::addRow("accept and accept-all")
            << QStringList{s("--demo"),  s("plan"),     s("--repo"), s("."),
                           s("--write"), s("--accept"), s("x.yaml"), s("--accept-all")}
            << s("exclude each other");
        // HOME: the test's empty temporary folder, so a wrong write could not land anywhere else.
        QTest::addRow("accept outside the plan") << QStringList{s("--demo"),
                                                                s("plan"),
                                                                s("--repo"),
                                                                s("HOME"),
                                                                s("--write"),
                                                                s("--accept"),
                                                                s("workloads/nothing.yaml")}
                                                 << s("not a file of the plan");
        QTest::addRow("force-demo without demo")
            << QStringList{s("plan"), s("--repo"), s("."), s("--write"), s("--force-demo")}
            << s("--force-demo needs plan with --demo");
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
        arguments.replaceInStrings(QRegularExpression(s("^HOME$")), home.path());
        const CliRun run = runCli(arguments, isolatedEnvironment(home.path()));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(message), qPrintable(run.errText()));
        QCOMPARE(QDir(home.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries),
                 QStringList());
    }
};

QTEST_GUILESS_MAIN(TestPlanCli)
#include "tst_plan_cli.moc"
