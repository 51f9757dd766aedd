#include "repo/repopath.h"
#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace Fluxdesk;
using Fluxdesk::TestFiles::writeFile;

class TestRepoPath : public QObject
{
    Q_OBJECT

private slots:
    void helpers()
    {
        QCOMPARE(RepoPath::folderOf(QStringLiteral("a/b/c.yaml")), QStringLiteral("a/b"));
        QCOMPARE(RepoPath::folderOf(QStringLiteral("c.yaml")), QString());
        QCOMPARE(RepoPath::baseName(QStringLiteral("a/b/c.yaml")), QStringLiteral("c.yaml"));
        QCOMPARE(RepoPath::baseName(QStringLiteral("c.yaml")), QStringLiteral("c.yaml"));
        QVERIFY(RepoPath::isInside(QStringLiteral("/repo"), QStringLiteral("/repo")));
        QVERIFY(RepoPath::isInside(QStringLiteral("/repo"), QStringLiteral("/repo/a")));
        QVERIFY(!RepoPath::isInside(QStringLiteral("/repo"), QStringLiteral("/repository")));
        QVERIFY(!RepoPath::isInside(QStringLiteral("/repo"), QStringLiteral("/")));
        QVERIFY(!RepoPath::isInside(QStringLiteral("/repo"), QString()));
        QVERIFY(RepoPath::isInside(QStringLiteral("/"), QStringLiteral("/etc")));
    }

    void resolve_data()
    {
        QTest::addColumn<QString>("relative");
        QTest::addColumn<bool>("inside");
        QTest::addRow("plain") << QStringLiteral("workloads/web/a.yaml") << true;
        QTest::addRow("not yet there") << QStringLiteral("new/folder/a.yaml") << true;
        QTest::addRow("link inside") << QStringLiteral("inlink/a.yaml") << true;
        QTest::addRow("dot-dot") << QStringLiteral("../x.yaml") << false;
        QTest::addRow("inner dot-dot") << QStringLiteral("workloads/../../x.yaml") << false;
        QTest::addRow("harmless dot-dot") << QStringLiteral("workloads/../a.yaml") << false;
        QTest::addRow("dot") << QStringLiteral("./a.yaml") << false;
        QTest::addRow("absolute") << QStringLiteral("/etc/passwd") << false;
        QTest::addRow("backslash") << QStringLiteral("..\\x.yaml") << false;
        QTest::addRow("empty") << QString() << false;
        QTest::addRow("empty part") << QStringLiteral("a//b.yaml") << false;
        QTest::addRow("folder link out") << QStringLiteral("out/x.yaml") << false;
        QTest::addRow("file link out") << QStringLiteral("filelink.yaml") << false;
        QTest::addRow("dangling link") << QStringLiteral("dangling.yaml") << false;
        QTest::addRow("link out deeper") << QStringLiteral("workloads/out/a/b.yaml") << false;
    }

    void resolve()
    {
        QFETCH(QString, relative);
        QFETCH(bool, inside);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString repo = tmp.filePath(QStringLiteral("repo"));
        const QString outside = tmp.filePath(QStringLiteral("outside"));
        QVERIFY(writeFile(repo + QStringLiteral("/workloads/web/a.yaml"), "a: 1\n"));
        QVERIFY(writeFile(outside + QStringLiteral("/x.yaml"), "x: 1\n"));
        QVERIFY(QFile::link(outside, repo + QStringLiteral("/out")));
        QVERIFY(QFile::link(outside, repo + QStringLiteral("/workloads/out")));
        QVERIFY(QFile::link(repo + QStringLiteral("/workloads"), repo + QStringLiteral("/inlink")));
        QVERIFY(QFile::link(outside + QStringLiteral("/x.yaml"),
                            repo + QStringLiteral("/filelink.yaml")));
        QVERIFY(QFile::link(tmp.filePath(QStringLiteral("gone")),
                            repo + QStringLiteral("/dangling.yaml")));

        RepositoryPaths paths(repo);
        const Result<QString> resolved = paths.resolve(relative);
        QCOMPARE(resolved.ok(), inside);
        if (inside) {
            QCOMPARE(*resolved, QFileInfo(repo).canonicalFilePath() + QLatin1Char('/') + relative);
        } else {
            QVERIFY(!resolved.error().message.isEmpty());
            QCOMPARE(resolved.error().file, relative);
        }
        // The same answer a second time, from what the first look remembered.
        QCOMPARE(paths.resolve(relative).ok(), inside);
        QCOMPARE(pathInsideRepository(repo, relative).ok(), inside);
    }

    void missingRoot()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const Result<QString> resolved =
            pathInsideRepository(tmp.filePath(QStringLiteral("none")), QStringLiteral("a.yaml"));
        QVERIFY(!resolved.ok());
    }

    void canonicalOfDeepest()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString root = QFileInfo(tmp.path()).canonicalFilePath();
        QVERIFY(QDir().mkpath(root + QStringLiteral("/real")));
        QVERIFY(QFile::link(root + QStringLiteral("/real"), root + QStringLiteral("/link")));
        QCOMPARE(RepoPath::canonicalOfDeepest(root + QStringLiteral("/link/new/a.yaml")),
                 root + QStringLiteral("/real/new/a.yaml"));
        QVERIFY(QFile::link(root + QStringLiteral("/gone"), root + QStringLiteral("/dangling")));
        QCOMPARE(RepoPath::canonicalOfDeepest(root + QStringLiteral("/dangling/a.yaml")),
                 QString());
    }
};

QTEST_GUILESS_MAIN(TestRepoPath)
#include "tst_repopath.moc"
