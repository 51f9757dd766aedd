// fluxdesk-cli clean as a process (the built binary).
#include "manifest/cleaner.h"
#include "manifest/yamljson.h"
#include "manifest/yamlwriter.h"
#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
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

Run runCli(const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("KUBECONFIG"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(FLUXDESK_CLI), arguments);
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

// The CLI run under a cap on its address space (prlimit), as a small machine or a container
// would run it; exit code -1 when it did not finish normally (a crash, a kill).
Run runCliCapped(qint64 bytes, const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral("prlimit"),
                  QStringList{QStringLiteral("--as=") + QString::number(bytes),
                              QStringLiteral("--"), QStringLiteral(FLUXDESK_CLI)} +
                      arguments);
    Run run;
    if (!process.waitForStarted(30000))
        return run;
    process.closeWriteChannel();
    run.finished = process.waitForFinished(120000) && process.exitStatus() == QProcess::NormalExit;
    run.exitCode = run.finished ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString data(const QString &name)
{
    return QStringLiteral(FLUXDESK_TEST_DATA "/clean/") + name;
}

} // namespace

class TestCliClean : public QObject
{
    Q_OBJECT

private slots:
    void file_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name : {"deployment-managedfields", "service-clusterip", "list-wrapper",
                                 "volumes-dynamic", "clusterissuer", "typed-list"})
            QTest::addRow("%s", name) << QString::fromLatin1(name);
    }

    void file()
    {
        QFETCH(QString, name);
        const QString expected =
            QString::fromUtf8(readFile(data(name + QLatin1String(".out.yaml"))));
        QVERIFY(!expected.isEmpty());

        const Run byName =
            runCli({QStringLiteral("clean"), data(name + QLatin1String(".in.yaml"))});
        QVERIFY(byName.finished);
        QCOMPARE(byName.exitCode, 0);
        QCOMPARE(byName.out, expected);

        // "-" and no argument read standard input.
        const QByteArray input = readFile(data(name + QLatin1String(".in.yaml")));
        const Run dash = runCli({QStringLiteral("clean"), QStringLiteral("-")}, input);
        QCOMPARE(dash.exitCode, 0);
        QCOMPARE(dash.out, expected);
        const Run bare = runCli({QStringLiteral("clean")}, input);
        QCOMPARE(bare.exitCode, 0);
        QCOMPARE(bare.out, expected);
    }

    void problemsAreWarnings()
    {
        const QString path = data(QStringLiteral("service-nodeport.in.yaml"));
        const Run run = runCli({QStringLiteral("clean"), path});
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out,
                 QString::fromUtf8(readFile(data(QStringLiteral("service-nodeport.out.yaml")))));
        QCOMPARE(run.err, QStringLiteral("fluxdesk-cli: warning: ") + path +
                              QStringLiteral(":1:1: spec.ports[0].nodePort: a fixed nodePort may "
                                             "clash on a rebuild\n"));
    }

    void commentsWarn()
    {
        const Run run = runCli({QStringLiteral("clean"), QStringLiteral("-")},
                               "# mine\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n"
                               "  uid: u\n");
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out,
                 QStringLiteral("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n"));
        QVERIFY2(run.err.contains(QLatin1String("warning: <stdin>: comments")),
                 qPrintable(run.err));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("pattern");
        QTest::addRow("parse error on stdin")
            << QStringList{QStringLiteral("clean")}
            << QByteArray("apiVersion: v1\nkind: A\nmetadata:\n  name: \"open\n")
            << QStringLiteral("^fluxdesk-cli: <stdin>:4:9: unterminated quoted string\n$");
        QTest::addRow("not a map") << QStringList{QStringLiteral("clean"), QStringLiteral("-")}
                                   << QByteArray("apiVersion: v1\nkind: A\n---\n- 1\n")
                                   << QStringLiteral("^fluxdesk-cli: <stdin>:4:1: .+\n$");
        QTest::addRow("missing file")
            << QStringList{QStringLiteral("clean"), QStringLiteral("/nonexistent/x.yaml")}
            << QByteArray() << QStringLiteral("^fluxdesk-cli: /nonexistent/x.yaml: .+\n$");
        QTest::addRow("two files")
            << QStringList{QStringLiteral("clean"), QStringLiteral("a"), QStringLiteral("b")}
            << QByteArray() << QStringLiteral("unexpected argument");
        QTest::addRow("--out is not clean's")
            << QStringList{QStringLiteral("clean"), QStringLiteral("--out"), QStringLiteral("d")}
            << QByteArray() << QStringLiteral("does not take --out");
    }

    void errors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, input);
        QFETCH(QString, pattern);
        const Run run = runCli(arguments, input);
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.out, QString());
        QVERIFY2(QRegularExpression(pattern).match(run.err).hasMatch(), qPrintable(run.err));
    }

    void repositoryRules()
    {
        QTemporaryDir repo;
        QVERIFY(repo.isValid());
        QVERIFY(writeFile(repo.filePath(QStringLiteral(".fluxdesk/clean-rules.yaml")),
                          "rules:\n- name: status\n  enabled: false\n"));
        const QByteArray input =
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  uid: u\nstatus:\n  x: 1\n";
        Run run = runCli({QStringLiteral("clean"), QStringLiteral("--repo"), repo.path()}, input);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out,
                 QStringLiteral(
                     "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nstatus:\n  x: 1\n"));
        run = runCli({QStringLiteral("clean")}, input);
        QCOMPARE(run.out,
                 QStringLiteral("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n"));

        QVERIFY(
            writeFile(repo.filePath(QStringLiteral(".fluxdesk/clean-rules.yaml")), "rules: [\n"));
        run = runCli({QStringLiteral("clean"), QStringLiteral("--repo"), repo.path()}, input);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String(".fluxdesk/clean-rules.yaml:")),
                 qPrintable(run.err));
    }

    // The window and the plan clean the object read from the API (cleanObject, managedFields and
    // all); clean reads what kubectl get -o yaml prints (no managedFields). Byte for byte the same.
    void sameAsTheLiveObject_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("warning");
        QTest::addRow("deployment") << QStringLiteral("deployment-created") << QString();
        QTest::addRow("service") << QStringLiteral("service-created")
                                 << QStringLiteral("spec.ports[0].nodePort: a fixed nodePort");
    }

    void sameAsTheLiveObject()
    {
        QFETCH(QString, name);
        QFETCH(QString, warning);
        const Fluxdesk::Result<QJsonValue> live = Fluxdesk::parseYamlValue(
            readFile(data(name + QLatin1String(".in.yaml"))), QStringLiteral("live.yaml"));
        QVERIFY(live.ok());
        QVERIFY(live->toObject()
                    .value(QLatin1String("metadata"))
                    .toObject()
                    .contains(QLatin1String("managedFields")));
        const Fluxdesk::CleanResult planned =
            Fluxdesk::cleanObject(live->toObject(), Fluxdesk::CleanRules::defaults());

        const QString exported =
            data(QLatin1String("without-managedfields/") + name + QLatin1String(".yaml"));
        const Run run = runCli({QStringLiteral("clean"), exported});
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.toUtf8(), Fluxdesk::toYaml(planned.object).toUtf8());
        QCOMPARE(run.out.toUtf8(), readFile(data(name + QLatin1String(".out.yaml"))));
        if (!warning.isEmpty())
            QVERIFY2(run.err.contains(warning), qPrintable(run.err));
    }

    // Secrets stay out of the output unless asked for (their data would land in Git in plain
    // text); stderr says how many, which, and how to keep them; the exit code stays 0.
    void secretsLeftOut()
    {
        const QByteArray input =
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: shop\n"
            "data:\n  mode: fast\n---\napiVersion: v1\nkind: Secret\nmetadata:\n"
            "  name: db-password\n  namespace: shop\n  uid: u\ndata:\n  password: aHVudGVyMg==\n"
            "type: Opaque\n---\napiVersion: v1\nkind: Secret\nmetadata:\n"
            "  name: sh.helm.release.v1.shop.v3\n  namespace: shop\n  labels:\n"
            "    owner: helm\ndata:\n  release: SDRzSUFBQUFBQUFB\ntype: helm.sh/release.v1\n";
        const Run run = runCli({QStringLiteral("clean")}, input);
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("apiVersion: v1\nkind: ConfigMap\nmetadata:\n"
                                         "  name: settings\n  namespace: shop\ndata:\n"
                                         "  mode: fast\n"));
        QCOMPARE(run.err,
                 QStringLiteral("fluxdesk-cli: warning: left out 2 Secrets, whose data would land "
                                "in Git in plain text (--include-secrets writes them): "
                                "shop/db-password, shop/sh.helm.release.v1.shop.v3\n"));

        const Run kept =
            runCli({QStringLiteral("clean"), QStringLiteral("--include-secrets")}, input);
        QCOMPARE(kept.exitCode, 0);
        QCOMPARE(kept.err, QString());
        QCOMPARE(kept.out.count(QLatin1String("kind: Secret\n")), 2);
        QVERIFY(kept.out.contains(QLatin1String("password: aHVudGVyMg==")));
        QVERIFY(!kept.out.contains(QLatin1String("uid:")));

        // One Secret alone: nothing on stdout, still exit 0.
        const Run one = runCli({QStringLiteral("clean")},
                               "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n");
        QCOMPARE(one.exitCode, 0);
        QCOMPARE(one.out, QString());
        QVERIFY2(one.err.contains(QLatin1String("left out 1 Secret, ")), qPrintable(one.err));

        const Run wrong = runCli({QStringLiteral("lint"), QStringLiteral("--repo"),
                                  QStringLiteral("."), QStringLiteral("--include-secrets")});
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY2(wrong.err.contains(QLatin1String("lint does not take --include-secrets")),
                 qPrintable(wrong.err));
    }

    // A typed list from the API: its items get the list's apiVersion and kind.
    void typedListFromTheApi()
    {
        const Run run =
            runCli({QStringLiteral("clean")},
                   R"({"apiVersion":"v1","kind":"ConfigMapList","metadata":{"resourceVersion":"3"},
                "items":[{"metadata":{"name":"settings","namespace":"shop","uid":"u"},
                          "data":{"mode":"fast"}}]})");
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("apiVersion: v1\nkind: ConfigMap\nmetadata:\n"
                                         "  name: settings\n  namespace: shop\ndata:\n"
                                         "  mode: fast\n"));
    }

    void hostileYamlUnderMemoryCap_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("expected"); // after "hostile.yaml:"
        // A 1 MiB string aliased 5,000 times (10 GiB as strings): the 64th alias crosses.
        QByteArray bomb = "big: &big \"" + QByteArray(1024 * 1024, 'x') + "\"\nuses:\n";
        for (int i = 0; i < 5000; ++i)
            bomb += "- *big\n";
        QTest::addRow("1 MiB string x 5000")
            << bomb
            << QStringLiteral(
                   "66:3: document too large: aliases expand to more than 64 MiB (a 'billion "
                   "laughs' document?)");
        QByteArray laughs = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
        for (int i = 1; i <= 9; ++i) {
            const QByteArray n = QByteArray::number(i);
            laughs += "a" + n + ": &a" + n + " [";
            for (int k = 0; k < 10; ++k)
                laughs += (k ? ", *a" : "*a") + QByteArray::number(i - 1);
            laughs += "]\n";
        }
        QTest::addRow("billion laughs") << laughs << QStringLiteral("billion laughs");
        QTest::addRow("200,000 nested [ ]")
            << QByteArray(QByteArray(200'000, '[') + QByteArray(200'000, ']') + "\n")
            << QStringLiteral("1:258: nesting deeper than 256 levels");
    }

    void hostileYamlUnderMemoryCap()
    {
#if defined(__SANITIZE_ADDRESS__)
        QSKIP("AddressSanitizer reserves more address space than the cap");
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
        QSKIP("AddressSanitizer reserves more address space than the cap");
#endif
#endif
        if (QStandardPaths::findExecutable(QStringLiteral("prlimit")).isEmpty())
            QSKIP("prlimit (util-linux) is not installed");
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("hostile.yaml"));
        QVERIFY(writeFile(path, yaml));
        const Run run = runCliCapped(qint64(512) * 1024 * 1024, {QStringLiteral("clean"), path});
        QVERIFY2(run.finished, qPrintable(run.err.left(2000))); // no crash, no kill
        QVERIFY2(run.exitCode != 0, qPrintable(run.out.left(200)));
        QVERIFY2(run.err.contains(path + QLatin1Char(':')), qPrintable(run.err.left(2000)));
        QVERIFY2(run.err.contains(expected), qPrintable(run.err.left(2000)));
        QVERIFY(run.out.isEmpty());
    }

    void helpListsClean()
    {
        const Run run = runCli({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QLatin1String("clean [FILE|-] [--repo DIR] [--include-secrets]")));
        QVERIFY(run.out.contains(QLatin1String("[--clean [--repo DIR]] [--include-secrets]")));
    }
};

QTEST_GUILESS_MAIN(TestCliClean)
#include "tst_cli_clean.moc"
