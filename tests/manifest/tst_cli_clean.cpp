// fluxdesk-cli clean as a process (the built binary).
#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
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
                                 "volumes-dynamic", "clusterissuer"})
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

    void helpListsClean()
    {
        const Run run = runCli({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QLatin1String("clean [FILE|-] [--repo DIR]")));
    }
};

QTEST_GUILESS_MAIN(TestCliClean)
#include "tst_cli_clean.moc"
