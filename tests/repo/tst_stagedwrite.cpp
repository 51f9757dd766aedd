// A batch written all or nothing (repo/stagedwrite.h): a full disk, a failed rename or a folder
// swapped for a symlink leaves the folder byte for byte as it was, nothing lands outside it, and
// the error names the file and the reason.
#include "repo/stagedwrite.h"
#include "testfiles.h"
#include "writefaults.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cerrno>

using namespace Fluxdesk;
using Fluxdesk::TestFiles::FileSizeLimit;
using Hooks = Fluxdesk::TestFiles::StagedWriteHooksScope;
using Fluxdesk::TestFiles::folderState;
using Fluxdesk::TestFiles::readFile;
using Fluxdesk::TestFiles::writeFile;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// A repository with a file to replace (mode 0640), one to delete and a sub-folder.
struct Fixture
{
    QTemporaryDir tmp;
    QString repo;
    QString outside;

    Fixture()
    {
        repo = tmp.filePath(s("repo"));
        outside = tmp.filePath(s("outside"));
        QDir().mkpath(outside);
        writeFile(repo + s("/a.yaml"), "old a\n");
        QFile::setPermissions(repo + s("/a.yaml"), QFileDevice::ReadOwner |
                                                       QFileDevice::WriteOwner |
                                                       QFileDevice::ReadGroup);
        writeFile(repo + s("/sub/b.yaml"), "old b\n");
        writeFile(repo + s("/sub/gone.yaml"), "to delete\n");
    }

    // Replaces a.yaml and sub/b.yaml, creates new/deep/c.yaml (of cSize bytes) and d.yaml,
    // deletes sub/gone.yaml.
    void stage(StagedWrite &batch, int cSize = 10) const
    {
        batch.write(s("a.yaml"), "new a\n");
        batch.write(s("sub/b.yaml"), "new b\n");
        batch.write(s("new/deep/c.yaml"), QByteArray(cSize, 'c'));
        batch.write(s("d.yaml"), "new d\n");
        batch.remove(s("sub/gone.yaml"));
    }
};

} // namespace

class TestStagedWrite : public QObject
{
    Q_OBJECT

private slots:
    void writesReplacesAndDeletes()
    {
        Fixture f;
        StagedWrite batch(f.repo);
        f.stage(batch);
        const Result<bool> done = batch.commit();
        QVERIFY2(done, qPrintable(done ? QString() : done.error().toString()));
        QCOMPARE(readFile(f.repo + s("/a.yaml")), QByteArray("new a\n"));
        QCOMPARE(readFile(f.repo + s("/sub/b.yaml")), QByteArray("new b\n"));
        QCOMPARE(readFile(f.repo + s("/new/deep/c.yaml")), QByteArray(10, 'c'));
        QCOMPARE(readFile(f.repo + s("/d.yaml")), QByteArray("new d\n"));
        QVERIFY(!QFileInfo::exists(f.repo + s("/sub/gone.yaml")));
        QCOMPARE(batch.madeFolders(), QStringList({s("new"), s("new/deep")}));
        // A replaced file keeps its mode; no temporary or old copy is left behind.
        QCOMPARE(QFile::permissions(f.repo + s("/a.yaml")),
                 QFileDevice::ReadOwner | QFileDevice::ReadUser | QFileDevice::WriteOwner |
                     QFileDevice::WriteUser | QFileDevice::ReadGroup);
        QCOMPARE(QDir(f.repo).entryList(QDir::Files | QDir::Hidden),
                 QStringList({s("a.yaml"), s("d.yaml")}));
        QCOMPARE(QDir(f.repo + s("/sub")).entryList(QDir::Files | QDir::Hidden),
                 QStringList({s("b.yaml")}));
    }

    // A full disk (here a file size limit: writes fail with EFBIG) while the third file is
    // written: the first two temporaries are taken back, nothing was replaced or deleted.
    void fullDiskChangesNothing()
    {
        Fixture f;
        const auto before = folderState(f.tmp.path());
        StagedWrite batch(f.repo);
        f.stage(batch, 64 * 1024);
        Result<bool> done = true;
        {
            FileSizeLimit limit(16 * 1024);
            done = batch.commit();
        }
        QVERIFY(!done);
        QCOMPARE(done.error().file, s("new/deep/c.yaml"));
        QVERIFY2(done.error().message.contains(s("too large")), qPrintable(done.error().message));
        QCOMPARE(folderState(f.tmp.path()), before);
    }

    // A rename refused half-way: the files already in place get their old text back, the new
    // ones go, the deleted one was not deleted yet.
    void failedRenameRestoresWhatWasReplaced_data()
    {
        QTest::addColumn<QString>("failing");
        QTest::addRow("first") << s("a.yaml");
        QTest::addRow("after a replacement") << s("sub/b.yaml");
        QTest::addRow("after a new folder") << s("d.yaml");
    }

    void failedRenameRestoresWhatWasReplaced()
    {
        QFETCH(QString, failing);
        Fixture f;
        const auto before = folderState(f.tmp.path());
        StagedWriteHooks hooks;
        hooks.beforeRename = [failing](const QString &rel) { return rel == failing ? ENOSPC : 0; };
        const Hooks set(hooks);
        StagedWrite batch(f.repo);
        f.stage(batch);
        const Result<bool> done = batch.commit();
        QVERIFY(!done);
        QCOMPARE(done.error().file, failing);
        QVERIFY2(done.error().message.contains(s("disk is full")),
                 qPrintable(done.error().message));
        QCOMPARE(folderState(f.tmp.path()), before);
    }

    // A folder swapped for a link (to outside, or inside the repository) between the caller's
    // checks and the write: refused, naming it, and nothing written anywhere.
    void folderSwappedForSymlinkIsRefused_data()
    {
        QTest::addColumn<bool>("inside");
        QTest::addRow("to outside") << false;
        QTest::addRow("to a folder inside") << true;
    }

    void folderSwappedForSymlinkIsRefused()
    {
        QFETCH(bool, inside);
        Fixture f;
        const QString elsewhere = inside ? f.repo + s("/new") : f.outside;
        QVERIFY(QDir().mkpath(elsewhere));
        StagedWriteHooks hooks;
        hooks.beforeWrite = [&f, elsewhere] {
            QVERIFY(QDir(f.repo).rename(s("sub"), s("sub-moved")));
            QVERIFY(QFile::link(elsewhere, f.repo + s("/sub")));
        };
        const Hooks set(hooks);
        StagedWrite batch(f.repo);
        f.stage(batch);
        const auto before = folderState(f.tmp.path());
        const Result<bool> done = batch.commit();
        QVERIFY(!done);
        QCOMPARE(done.error().file, s("sub"));
        QVERIFY2(done.error().message.contains(s("symbolic link")) &&
                     done.error().message.contains(s("sub")),
                 qPrintable(done.error().message));
        QCOMPARE(QDir(elsewhere).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList());
        // As the swap left it: a.yaml and the rest untouched, no new folder kept.
        auto expected = before;
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            if (it.key().startsWith(s("repo/sub"))) {
                expected.remove(it.key());
                expected.insert(s("repo/sub-moved") + it.key().mid(8), it.value());
            }
        }
        expected.insert(s("repo/sub"), "l " + elsewhere.toUtf8());
        QCOMPARE(folderState(f.tmp.path()), expected);
    }

    // A link in a file's own place is refused too (it is not written through, nor replaced).
    void symlinkInPlaceOfFileIsRefused()
    {
        Fixture f;
        QVERIFY(writeFile(f.outside + s("/victim.yaml"), "precious\n"));
        QVERIFY(QFile::remove(f.repo + s("/d.yaml")) || true);
        QVERIFY(QFile::link(f.outside + s("/victim.yaml"), f.repo + s("/d.yaml")));
        const auto before = folderState(f.tmp.path());
        StagedWrite batch(f.repo);
        f.stage(batch);
        const Result<bool> done = batch.commit();
        QVERIFY(!done);
        QCOMPARE(done.error().file, s("d.yaml"));
        QCOMPARE(folderState(f.tmp.path()), before);
    }
};

QTEST_GUILESS_MAIN(TestStagedWrite)
#include "tst_stagedwrite.moc"
