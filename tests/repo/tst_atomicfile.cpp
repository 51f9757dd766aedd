#include "repo/atomicfile.h"
#include "testfiles.h"
#include "writefaults.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace Fluxdesk;
using Fluxdesk::TestFiles::FileSizeLimit;
using Fluxdesk::TestFiles::readFile;
using Fluxdesk::TestFiles::writeFile;

Q_DECLARE_METATYPE(Fluxdesk::Durability)

namespace {

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System |
                               QDir::NoDotAndDotDot);
}

} // namespace

class TestAtomicFile : public QObject
{
    Q_OBJECT

private slots:
    void replaceWrites_data()
    {
        QTest::addColumn<Durability>("durability");
        QTest::addRow("sync each") << Durability::SyncEach;
        QTest::addRow("sync later") << Durability::SyncLater;
    }

    void replaceWrites()
    {
        QFETCH(Durability, durability);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString path = tmp.filePath(QStringLiteral("a.yaml"));
        QVERIFY(replaceFile(path, "new\n", durability).ok());
        QCOMPARE(readFile(path), QByteArray("new\n"));
        QVERIFY(writeFile(path, "old\n"));
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
        QVERIFY(replaceFile(path, "replaced\n", durability).ok());
        QCOMPARE(readFile(path), QByteArray("replaced\n"));
        // The mode stays; no temporary file is left beside it.
        const QFile::Permissions owner = QFile::ReadOwner | QFile::WriteOwner;
        const QFile::Permissions others =
            QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther;
        QCOMPARE(QFile::permissions(path) & (owner | others), owner);
        QCOMPARE(entries(tmp.path()), QStringList{QStringLiteral("a.yaml")});
        syncFileSystem(tmp.path());
    }

    void failedReplaceKeepsTheOldFile_data() { replaceWrites_data(); }

    void failedReplaceKeepsTheOldFile()
    {
#ifndef Q_OS_UNIX
        QSKIP("needs RLIMIT_FSIZE");
#endif
        QFETCH(Durability, durability);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString path = tmp.filePath(QStringLiteral("a.yaml"));
        QVERIFY(writeFile(path, "old text\n"));
        Result<bool> replaced = true;
        {
            FileSizeLimit limit(1024);
            replaced = replaceFile(path, QByteArray(64 * 1024, 'x'), durability);
        }
        QVERIFY(!replaced.ok());
        QCOMPARE(replaced.error().file, path);
        QCOMPARE(readFile(path), QByteArray("old text\n"));
        QCOMPARE(entries(tmp.path()), QStringList{QStringLiteral("a.yaml")});
    }

    void exclusiveCreate()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString path = tmp.filePath(QStringLiteral("a.yaml"));
        Result<bool> created = createExclusive(path, "first\n");
        QVERIFY(created.ok() && *created);
        created = createExclusive(path, "second\n");
        QVERIFY(created.ok());
        QVERIFY(!*created); // refused: something is there
        QCOMPARE(readFile(path), QByteArray("first\n"));

        // A link planted where the file goes is refused too, dangling or not.
        const QString link = tmp.filePath(QStringLiteral("link.yaml"));
        QVERIFY(QFile::link(tmp.filePath(QStringLiteral("elsewhere.yaml")), link));
        created = createExclusive(link, "through\n");
        QVERIFY(created.ok() && !*created);
        QVERIFY(!QFileInfo::exists(tmp.filePath(QStringLiteral("elsewhere.yaml"))));

        // A folder that is not there is an error, not "exists".
        created = createExclusive(tmp.filePath(QStringLiteral("none/a.yaml")), "x\n");
        QVERIFY(!created.ok());
    }

    void createOrReplace()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString path = tmp.filePath(QStringLiteral("a.yaml"));
        Result<bool> created = Fluxdesk::createOrReplace(path, "one\n");
        QVERIFY(created.ok() && *created);
        created = Fluxdesk::createOrReplace(path, "two\n");
        QVERIFY(created.ok() && !*created);
        QCOMPARE(readFile(path), QByteArray("two\n"));
    }

    void folderHandles()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString folder = QFileInfo(tmp.path()).canonicalFilePath();
        FolderHandles handles(folder);
        Result<bool> created = handles.createExclusive(QStringLiteral("a.yaml"), "a\n");
        QVERIFY(created.ok() && *created);
        created = handles.createExclusive(QStringLiteral("a.yaml"), "again\n");
        QVERIFY(created.ok() && !*created);
        QCOMPARE(readFile(folder + QStringLiteral("/a.yaml")), QByteArray("a\n"));
        // Missing folders are made on the way, and listed.
        QStringList made;
        created = handles.createExclusive(QStringLiteral("x/y/c.yaml"), "c\n", &made);
        QVERIFY(created.ok() && *created);
        QCOMPARE(made, QStringList({QStringLiteral("x"), QStringLiteral("x/y")}));
        QCOMPARE(readFile(folder + QStringLiteral("/x/y/c.yaml")), QByteArray("c\n"));
#ifdef Q_OS_UNIX
        // A folder that is a link is not opened (O_NOFOLLOW), even one inside: refused by name.
        QVERIFY(QDir().mkpath(folder + QStringLiteral("/real")));
        QVERIFY(QFile::link(folder + QStringLiteral("/real"), folder + QStringLiteral("/link")));
        created = handles.createExclusive(QStringLiteral("link/b.yaml"), "b\n");
        QVERIFY(!created.ok());
        QVERIFY2(created.error().message.contains(QStringLiteral("path: link")),
                 qPrintable(created.error().message));
        QVERIFY(!QFileInfo::exists(folder + QStringLiteral("/real/b.yaml")));
        // Deletions go through the same handles: the link itself, never what it points to.
        QVERIFY(writeFile(folder + QStringLiteral("/real/keep.yaml"), "keep\n"));
        QVERIFY(QFile::link(folder + QStringLiteral("/real/keep.yaml"),
                            folder + QStringLiteral("/alias.yaml")));
        QVERIFY(handles.remove(QStringLiteral("alias.yaml")).ok());
        QVERIFY(!QFileInfo(folder + QStringLiteral("/alias.yaml")).isSymLink());
        QVERIFY(QFileInfo::exists(folder + QStringLiteral("/real/keep.yaml")));
        QVERIFY(!handles.remove(QStringLiteral("link/keep.yaml")).ok());
        QVERIFY(QFileInfo::exists(folder + QStringLiteral("/real/keep.yaml")));
#endif
    }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomicfile.moc"
