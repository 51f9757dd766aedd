// fluxdesk-cli split and lint as processes (the built binary).
#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using Fluxdesk::TestFiles::readFile;
using Fluxdesk::TestFiles::writeFile;

namespace {

struct Run
{
    int exitCode = -1;
    bool finished = false;
    QString out;
    QString err;
};

Run runCli(const QStringList &arguments, const QByteArray &input = {},
           const QString &workingDir = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("KUBECONFIG"));
    process.setProcessEnvironment(env);
    if (!workingDir.isEmpty())
        process.setWorkingDirectory(workingDir);
    process.start(QStringLiteral(FLUXDESK_CLI_PATH), arguments);
    Run run;
    if (!process.waitForStarted(30000))
        return run;
    process.write(input);
    process.closeWriteChannel();
    run.finished = process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

const QByteArray manifests = "apiVersion: v1\n"
                             "kind: Namespace\n"
                             "metadata:\n"
                             "  name: llm\n"
                             "---\n"
                             "apiVersion: apps/v1\n"
                             "kind: Deployment\n"
                             "metadata:\n"
                             "  name: llama-cpp\n"
                             "  namespace: llm\n"
                             "---\n"
                             "apiVersion: v1\n"
                             "kind: List\n"
                             "items:\n"
                             "- apiVersion: v1\n"
                             "  kind: Service\n"
                             "  metadata: {name: llama-cpp, namespace: llm}\n"
                             "- apiVersion: v1\n"
                             "  kind: ConfigMap\n"
                             "  metadata: {name: ../../evil, namespace: llm}\n";

} // namespace

class TestCliSplit : public QObject
{
    Q_OBJECT

private slots:
    void splitFile_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("default template")
            << QStringList()
            << QStringList{QStringLiteral("llm-namespace.yaml"),
                           QStringLiteral("llama-cpp-deployment.yaml"),
                           QStringLiteral("llama-cpp-service.yaml"),
                           QStringLiteral("evil-config-map.yaml")};
        QTest::addRow("kubectl-slice preset")
            << QStringList{QStringLiteral("--template"), QStringLiteral("kubectl-slice")}
            << QStringList{QStringLiteral("namespace-llm.yaml"),
                           QStringLiteral("deployment-llama-cpp.yaml"),
                           QStringLiteral("service-llama-cpp.yaml"),
                           QStringLiteral("config-map-evil.yaml")};
        QTest::addRow("own template")
            << QStringList{QStringLiteral("--template"), QStringLiteral("{namespace}-{name}.yml")}
            << QStringList{QStringLiteral("llm.yml"), QStringLiteral("llm-llama-cpp.yml"),
                           QStringLiteral("llm-llama-cpp-2.yml"), QStringLiteral("llm-evil.yml")};
    }

    void splitFile()
    {
        QFETCH(QStringList, extra);
        QFETCH(QStringList, expected);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString input = tmp.filePath(QStringLiteral("all.yaml"));
        QVERIFY(writeFile(input, manifests));
        const QString out = tmp.filePath(QStringLiteral("out"));
        const Run run = runCli(
            QStringList{QStringLiteral("split"), input, QStringLiteral("--out"), out} + extra);
        QVERIFY(run.finished);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QString root = QFileInfo(out).canonicalFilePath();
        QStringList printed = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QStringList wanted;
        for (const QString &name : expected)
            wanted.append(root + QLatin1Char('/') + name);
        QCOMPARE(printed, wanted);
        for (const QString &path : wanted)
            QVERIFY2(readFile(path).startsWith("apiVersion: "), qPrintable(path));
        QVERIFY(QFileInfo::exists(root + QStringLiteral("/kustomization.yaml")));
        QVERIFY(!QFileInfo::exists(tmp.filePath(QStringLiteral("evil-config-map.yaml"))));

        // kubectl builds the folder: every object once.
        QProcess kubectl;
        kubectl.start(QStringLiteral("/usr/bin/kubectl"), {QStringLiteral("kustomize"), out});
        QVERIFY(kubectl.waitForFinished(60000));
        QVERIFY2(kubectl.exitCode() == 0, kubectl.readAllStandardError().constData());
        QCOMPARE(kubectl.readAllStandardOutput().count("\nkind: "), 4);
    }

    void splitStdinAndReplaceSource()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dir = tmp.path();
        // The file being split sits in the output folder and is listed: it leaves the list.
        QVERIFY(writeFile(dir + QStringLiteral("/all.yaml"), manifests));
        QVERIFY(writeFile(dir + QStringLiteral("/kustomization.yaml"),
                          "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
                          "resources:\n- all.yaml\n"));
        const Run run = runCli({QStringLiteral("split"), QStringLiteral("all.yaml"),
                                QStringLiteral("--out"), QStringLiteral(".")},
                               {}, dir);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QByteArray kustomization = readFile(dir + QStringLiteral("/kustomization.yaml"));
        QVERIFY2(!kustomization.contains("all.yaml"), kustomization.constData());
        QVERIFY(kustomization.contains("- llama-cpp-deployment.yaml"));
        QVERIFY(QFileInfo::exists(dir + QStringLiteral("/all.yaml"))); // never deleted

        const QString out2 = tmp.filePath(QStringLiteral("stdin"));
        const Run piped =
            runCli({QStringLiteral("split"), QStringLiteral("-"), QStringLiteral("--out"), out2},
                   manifests);
        QVERIFY2(piped.exitCode == 0, qPrintable(piped.err));
        QCOMPARE(piped.out.count(QLatin1Char('\n')), 4);
    }

    // split --clean writes what clean then split write, and warns as clean does; a repository's
    // rules file applies with --repo.
    void splitCleaned()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString input = tmp.filePath(QStringLiteral("export.yaml"));
        QByteArray yaml;
        for (const char *name : {"service-nodeport", "deployment-managedfields", "volumes-dynamic"})
            yaml += (yaml.isEmpty() ? "" : "---\n") +
                    readFile(QStringLiteral(FLUXDESK_TEST_DATA "/clean/%1.in.yaml")
                                 .arg(QLatin1String(name)));
        QVERIFY(writeFile(input, "# exported by hand\n" + yaml));

        const Run cleaned = runCli({QStringLiteral("clean"), input});
        QCOMPARE(cleaned.exitCode, 0);
        QVERIFY(writeFile(tmp.filePath(QStringLiteral("cleaned.yaml")), cleaned.out.toUtf8()));
        const QString twoSteps = tmp.filePath(QStringLiteral("two-steps"));
        const Run split =
            runCli({QStringLiteral("split"), tmp.filePath(QStringLiteral("cleaned.yaml")),
                    QStringLiteral("--out"), twoSteps});
        QCOMPARE(split.exitCode, 0);

        const QString oneStep = tmp.filePath(QStringLiteral("one-step"));
        const Run run = runCli({QStringLiteral("split"), input, QStringLiteral("--out"), oneStep,
                                QStringLiteral("--clean")});
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.err, cleaned.err); // the nodePort warning at its line, and the comments
        QVERIFY2(run.err.contains(input + QStringLiteral(":2:1: spec.ports[0].nodePort")),
                 qPrintable(run.err));
        QVERIFY(run.err.contains(QLatin1String("comments are not kept")));
        const QStringList files = QDir(twoSteps).entryList(QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 5);
        QCOMPARE(QDir(oneStep).entryList(QDir::Files, QDir::Name), files);
        for (const QString &file : files) {
            const QByteArray text = readFile(oneStep + QLatin1Char('/') + file);
            QCOMPARE(text, readFile(twoSteps + QLatin1Char('/') + file));
            QVERIFY2(!text.contains("managedFields") && !text.contains("resourceVersion"),
                     qPrintable(file));
        }

        // A repository's rules: one rule turned off keeps its field.
        const QString repo = tmp.filePath(QStringLiteral("repo"));
        QVERIFY(writeFile(repo + QStringLiteral("/.fluxdesk/clean-rules.yaml"),
                          "rules:\n- name: service-node-port\n  enabled: false\n"));
        const QString withRepo = tmp.filePath(QStringLiteral("with-repo"));
        const Run own = runCli({QStringLiteral("split"), input, QStringLiteral("--out"), withRepo,
                                QStringLiteral("--clean"), QStringLiteral("--repo"), repo});
        QCOMPARE(own.exitCode, 0);
        QVERIFY(!own.err.contains(QLatin1String("nodePort")));

        // Only split cleans, and split reads a repository's rules only to clean.
        const Run wrong = runCli({QStringLiteral("clean"), input, QStringLiteral("--clean")});
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY2(wrong.err.contains(QLatin1String("clean does not take --clean")),
                 qPrintable(wrong.err));
        const QString unused = tmp.filePath(QStringLiteral("unused"));
        const Run repoAlone = runCli({QStringLiteral("split"), input, QStringLiteral("--out"),
                                      unused, QStringLiteral("--repo"), repo});
        QCOMPARE(repoAlone.exitCode, 2);
        QVERIFY2(repoAlone.err.contains(QLatin1String("--repo only with --clean")),
                 qPrintable(repoAlone.err));
        QVERIFY(!QFileInfo::exists(unused));
    }

    // split and split --clean leave Secrets out unless --include-secrets (a large stream written
    // while read too), say so on stderr and exit 0.
    void secretsLeftOut_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("copies");
        QTest::addRow("split") << QStringList() << 1;
        QTest::addRow("split --clean") << QStringList{QStringLiteral("--clean")} << 1;
        QTest::addRow("large stream") << QStringList() << 4000;
        QTest::addRow("large stream --clean") << QStringList{QStringLiteral("--clean")} << 4000;
    }

    void secretsLeftOut()
    {
        QFETCH(QStringList, extra);
        QFETCH(int, copies);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        QByteArray yaml;
        QStringList names;
        for (int i = 0; i < copies; ++i) {
            yaml +=
                QStringLiteral("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings-%1\n"
                               "  namespace: shop\ndata:\n  mode: fast\n---\napiVersion: v1\n"
                               "kind: Secret\nmetadata:\n  name: db-%1\n  namespace: shop\ndata:\n"
                               "  password: aHVudGVyMg==\n---\napiVersion: v1\nkind: SecretList\n"
                               "items:\n- metadata:\n    name: sh.helm.release.v1.shop.v%1\n"
                               "    namespace: shop\n  type: helm.sh/release.v1\n---\n")
                    .arg(i)
                    .toUtf8();
            names << QStringLiteral("shop/db-%1").arg(i)
                  << QStringLiteral("shop/sh.helm.release.v1.shop.v%1").arg(i);
        }
        const QString input = tmp.filePath(QStringLiteral("export.yaml"));
        QVERIFY(writeFile(input, yaml));
        const QString out = tmp.filePath(QStringLiteral("out"));
        const Run run = runCli(
            QStringList{QStringLiteral("split"), input, QStringLiteral("--out"), out} + extra);
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.count(QLatin1Char('\n')), copies);
        QStringList files = QDir(out).entryList(QDir::Files);
        files.removeOne(QStringLiteral("kustomization.yaml"));
        QCOMPARE(files.size(), copies);
        for (const QString &file : qAsConst(files))
            QVERIFY2(file.endsWith(QLatin1String("-config-map.yaml")), qPrintable(file));
        QCOMPARE(run.err, QStringLiteral("fluxdesk-cli: warning: left out %1 Secrets, whose data "
                                         "would land in Git in plain text (--include-secrets "
                                         "writes them): %2\n")
                              .arg(names.size())
                              .arg(names.join(QLatin1String(", "))));

        const QString all = tmp.filePath(QStringLiteral("all"));
        const Run kept = runCli(QStringList{QStringLiteral("split"), input, QStringLiteral("--out"),
                                            all, QStringLiteral("--include-secrets")} +
                                extra);
        QCOMPARE(kept.exitCode, 0);
        QCOMPARE(kept.err, QString());
        QCOMPARE(kept.out.count(QLatin1Char('\n')), 3 * copies);
        QVERIFY(QFileInfo::exists(all + QLatin1String("/db-0-secret.yaml")));
    }

    // A typed list straight from the API splits into files kubectl builds.
    void typedListBuilds()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString out = tmp.filePath(QStringLiteral("out"));
        const Run run = runCli(
            {QStringLiteral("split"), QStringLiteral("-"), QStringLiteral("--out"), out,
             QStringLiteral("--clean")},
            R"({"apiVersion":"apps/v1","kind":"DeploymentList","metadata":{"resourceVersion":"7"},
                "items":[{"metadata":{"name":"web","namespace":"shop","uid":"u"},
                          "spec":{"selector":{"matchLabels":{"app":"web"}},
                                  "template":{"metadata":{"creationTimestamp":null,
                                                          "labels":{"app":"web"}},
                                              "spec":{"containers":[{"name":"web",
                                                                     "image":"nginx:1.27"}]}}}}]})");
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QByteArray text = readFile(out + QLatin1String("/web-deployment.yaml"));
        QVERIFY2(text.startsWith("apiVersion: apps/v1\nkind: Deployment\n"), text.constData());
        QVERIFY(!text.contains("creationTimestamp"));
        QProcess kubectl;
        kubectl.start(QStringLiteral("/usr/bin/kubectl"), {QStringLiteral("kustomize"), out});
        QVERIFY(kubectl.waitForFinished(60000));
        QVERIFY2(kubectl.exitCode() == 0, kubectl.readAllStandardError().constData());
        QCOMPARE(kubectl.readAllStandardOutput().count("kind: Deployment\n"), 1);
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("error");
        QTest::addRow("no file") << QStringList{QStringLiteral("split"), QStringLiteral("--out"),
                                                QStringLiteral("o")}
                                 << QByteArray() << QStringLiteral("FILE");
        QTest::addRow("no out") << QStringList{QStringLiteral("split"), QStringLiteral("-")}
                                << QByteArray() << QStringLiteral("--out");
        QTest::addRow("missing file")
            << QStringList{QStringLiteral("split"), QStringLiteral("nope.yaml"),
                           QStringLiteral("--out"), QStringLiteral("o")}
            << QByteArray() << QStringLiteral("nope.yaml");
        QTest::addRow("parse error with position")
            << QStringList{QStringLiteral("split"), QStringLiteral("-"), QStringLiteral("--out"),
                           QStringLiteral("o")}
            << QByteArray("a: 1\nb: [\n") << QStringLiteral("<stdin>:3:1: ");
        QTest::addRow("unknown template field")
            << QStringList{QStringLiteral("split"),      QStringLiteral("-"),
                           QStringLiteral("--out"),      QStringLiteral("o"),
                           QStringLiteral("--template"), QStringLiteral("{uid}.yaml")}
            << manifests << QStringLiteral("{uid}");
        QTest::addRow("lint without repo")
            << QStringList{QStringLiteral("lint")} << QByteArray() << QStringLiteral("--repo");
        QTest::addRow("lint missing repo")
            << QStringList{QStringLiteral("lint"), QStringLiteral("--repo"),
                           QStringLiteral("/nonexistent/repo")}
            << QByteArray() << QStringLiteral("/nonexistent/repo");
    }

    void badInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, input);
        QFETCH(QString, error);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const Run run = runCli(arguments, input, tmp.path());
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(error), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
        QVERIFY(!QFileInfo::exists(tmp.filePath(QStringLiteral("o"))));
    }

    void lint()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString repo = tmp.path();
        QVERIFY(writeFile(repo + QStringLiteral("/apps/web.yaml"),
                          "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n"
                          "  template:\n    spec:\n      containers:\n"
                          "      - name: web\n        image: nginx\n"));
        // Warnings alone: exit 0.
        Run run = runCli({QStringLiteral("lint"), QStringLiteral("--repo"), repo});
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out,
                 QStringLiteral("apps/web.yaml:9:9: warning: container \"web\" has no resource "
                                "requests or limits\n"
                                "apps/web.yaml:10:16: warning: image \"nginx\" has no tag; pin a "
                                "version\n"));

        // An error: exit 1.
        QVERIFY(writeFile(repo + QStringLiteral("/infra/hr.yaml"),
                          "apiVersion: helm.toolkit.fluxcd.io/v2beta1\nkind: HelmRelease\n"
                          "metadata:\n  name: loki\n"));
        run = runCli({QStringLiteral("lint"), QStringLiteral("--repo"), repo});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.endsWith(QLatin1String(
                     "infra/hr.yaml:1:13: error: helm.toolkit.fluxcd.io/v2beta1 HelmRelease was "
                     "removed; use helm.toolkit.fluxcd.io/v2\n")),
                 qPrintable(run.out));

        // A clean repository: nothing printed, exit 0.
        QTemporaryDir clean;
        QVERIFY(writeFile(clean.filePath(QStringLiteral("ns.yaml")),
                          "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: llm\n"));
        run = runCli({QStringLiteral("lint"), QStringLiteral("--repo"), clean.path()});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QString());
    }
};

QTEST_GUILESS_MAIN(TestCliSplit)
#include "tst_cli_split.moc"
