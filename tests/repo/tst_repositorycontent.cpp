// Whether a repository holds manifests (the demo cluster is never planned against one silently),
// and the folders made for a file saved by hand into the repository, refusing links.
#include "repo/repositorycontent.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Fluxdesk;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

} // namespace

class TestRepositoryContent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void holdsManifests_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<bool>("holds");
        QTest::addRow("empty") << QStringList() << false;
        QTest::addRow("a README") << QStringList{s("README.md"), s("LICENSE")} << false;
        QTest::addRow("git's own files")
            << QStringList{s(".git/config"), s(".git/x.yaml")} << false;
        QTest::addRow("Fluxdesk's plan file") << QStringList{s(".fluxdesk/plan.yaml")} << false;
        QTest::addRow("a manifest deep down")
            << QStringList{s("README.md"), s("apps/llm/deployment.yaml")} << true;
        QTest::addRow("a .yml file") << QStringList{s("kustomization.yml")} << true;
        QTest::addRow("a JSON file") << QStringList{s("x/y/z/list.json")} << true;
    }

    void holdsManifests()
    {
        QFETCH(QStringList, files);
        QFETCH(bool, holds);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const QString &file : std::as_const(files))
            QVERIFY(writeFile(dir.filePath(file), "kind: ConfigMap\n"));
        QCOMPARE(repositoryHoldsManifests(dir.path()), holds);
    }

    void missingFolderHoldsNone()
    {
        QTemporaryDir dir;
        QVERIFY(!repositoryHoldsManifests(dir.filePath(s("missing"))));
        QVERIFY(!repositoryHoldsManifests(QString()));
    }

    void prepareMakesFolders()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Result<QString> path =
            prepareFileInRepository(dir.path(), s("workloads/llm/llama-cpp-deployment.yaml"));
        QVERIFY2(path, qPrintable(path ? QString() : path.error().toString()));
        QCOMPARE(*path, QDir(QFileInfo(dir.path()).canonicalFilePath())
                            .filePath(s("workloads/llm/llama-cpp-deployment.yaml")));
        QVERIFY(QFileInfo(dir.filePath(s("workloads/llm"))).isDir());
        QVERIFY(!QFileInfo::exists(*path)); // folders only: the caller writes the file
    }

    void prepareRefuses_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::addRow("parent") << s("../elsewhere.yaml") << s("outside");
        QTest::addRow("absolute") << s("/tmp/x.yaml") << s("outside");
        QTest::addRow("through a link") << s("linked/x.yaml") << s("symbolic link");
    }

    void prepareRefuses()
    {
        QFETCH(QString, path);
        QFETCH(QString, message);
        QTemporaryDir dir, outside;
        QVERIFY(dir.isValid() && outside.isValid());
        QVERIFY(QFile::link(outside.path(), dir.filePath(s("linked"))));
        const Result<QString> prepared = prepareFileInRepository(dir.path(), path);
        QVERIFY(!prepared);
        QVERIFY2(prepared.error().toString().contains(message),
                 qPrintable(prepared.error().toString()));
        QCOMPARE(QDir(outside.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries),
                 QStringList());
    }
};

QTEST_GUILESS_MAIN(TestRepositoryContent)
#include "tst_repositorycontent.moc"
