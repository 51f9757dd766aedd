#include "repo/repositorytree.h"
#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace Fluxdesk;
using Fluxdesk::TestFiles::writeFile;

class TestRepositoryTree : public QObject
{
    Q_OBJECT

private slots:
    void reads()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString repo = tmp.path();
        QVERIFY(writeFile(repo + QStringLiteral("/workloads/web/a.yaml"), "a\n"));
        QVERIFY(writeFile(repo + QStringLiteral("/workloads/web/b.YML"), "b\n"));
        QVERIFY(writeFile(repo + QStringLiteral("/workloads/web/notes.txt"), "no\n"));
        QVERIFY(writeFile(repo + QStringLiteral("/workloads/.hidden/c.yaml"), "no\n"));
        QVERIFY(writeFile(repo + QStringLiteral("/workloads/.d.yaml"), "no\n"));
        QVERIFY(writeFile(repo + QStringLiteral("/clusters/home/flux-system/gotk.yaml"), "no\n"));
        QVERIFY(writeFile(repo + QStringLiteral("/clusters/home/infra.yaml"), "i\n"));
        QVERIFY(writeFile(repo + QStringLiteral("/other/x.yaml"), "no\n"));
        QVERIFY(QDir().mkpath(repo + QStringLiteral("/elsewhere")));
        QVERIFY(writeFile(repo + QStringLiteral("/elsewhere/e.yaml"), "e\n"));
        // A link to a file counts as the file; a linked folder is not entered.
        QVERIFY(QFile::link(repo + QStringLiteral("/elsewhere/e.yaml"),
                            repo + QStringLiteral("/workloads/link.yaml")));
        QVERIFY(QFile::link(repo + QStringLiteral("/elsewhere"),
                            repo + QStringLiteral("/workloads/linked")));

        const RepositoryFiles files = readYamlTree(
            repo, {QStringLiteral("clusters"), QStringLiteral("workloads"), QStringLiteral("none")},
            [](const QString &relative) {
                return relative.contains(QLatin1String("flux-system"));
            });
        QCOMPARE(files.keys(), QStringList({QStringLiteral("clusters/home/infra.yaml"),
                                            QStringLiteral("workloads/link.yaml"),
                                            QStringLiteral("workloads/web/a.yaml"),
                                            QStringLiteral("workloads/web/b.YML")}));
        QCOMPARE(files.value(QStringLiteral("workloads/link.yaml")), QByteArray("e\n"));
        QCOMPARE(files.value(QStringLiteral("workloads/web/a.yaml")), QByteArray("a\n"));
        QVERIFY(isYamlFileName(QStringLiteral("a.Yaml")));
        QVERIFY(!isYamlFileName(QStringLiteral("a.yaml.txt")));
    }
};

QTEST_GUILESS_MAIN(TestRepositoryTree)
#include "tst_repositorytree.moc"
