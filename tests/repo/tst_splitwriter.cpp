// Writing a split into a folder (repo/splitwriter.h) when the input or the disk is hostile: all or
// nothing on a full disk (no earlier files, no stale kustomization), a folder swapped for a
// symlink after the checks refused, file names from hostile object names kept inside the folder.
#include "manifest/splitter.h"
#include "repo/splitwriter.h"
#include "repo/stagedwrite.h"
#include "testfiles.h"
#include "writefaults.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

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

QJsonObject configMap(const QString &name, const QString &ns = {})
{
    QJsonObject metadata{{s("name"), name}};
    if (!ns.isEmpty())
        metadata.insert(s("namespace"), ns);
    return QJsonObject{{s("apiVersion"), s("v1")},
                       {s("kind"), s("ConfigMap")},
                       {s("metadata"), metadata},
                       {s("data"), QJsonObject{{s("k"), s("v")}}}};
}

SplitFile fileOf(const char *path, const QByteArray &text)
{
    SplitFile f;
    f.relativePath = s(path);
    f.text = text;
    return f;
}

} // namespace

class TestSplitWriter : public QObject
{
    Q_OBJECT

private slots:
    // A full disk at the second of three files: the first is not left behind, the kustomization
    // not changed, the file that was there keeps its text; the error names the file and why.
    void fullDiskLeavesTheFolderAsItWas()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(s("out"));
        QVERIFY(writeFile(dir + s("/kustomization.yaml"), "resources:\n- old.yaml\n"));
        QVERIFY(writeFile(dir + s("/old.yaml"), "kind: Old\n"));
        QVERIFY(writeFile(dir + s("/a.yaml"), "kind: A # before\n"));
        const auto before = folderState(tmp.path());
        const QList<SplitFile> files{fileOf("a.yaml", "kind: A\n"),
                                     fileOf("sub/big.yaml", QByteArray(64 * 1024, 'x')),
                                     fileOf("c.yaml", "kind: C\n")};
        Result<SplitWriteResult> written = Error();
        {
            FileSizeLimit limit(16 * 1024);
            written = writeSplit(dir, files);
        }
        QVERIFY(!written);
        QCOMPARE(written.error().file, s("sub/big.yaml"));
        QVERIFY2(written.error().message.contains(s("too large")),
                 qPrintable(written.error().message));
        QCOMPARE(folderState(tmp.path()), before);
    }

    // Into a folder that did not exist: it does not exist afterwards either.
    void fullDiskInANewFolderLeavesNoFolder()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(s("new/out"));
        QVERIFY(QDir().mkpath(tmp.filePath(s("new"))));
        Result<SplitWriteResult> written = Error();
        {
            FileSizeLimit limit(16 * 1024);
            written = writeSplit(dir, {fileOf("a.yaml", "kind: A\n"),
                                       fileOf("b/big.yaml", QByteArray(64 * 1024, 'x'))});
        }
        QVERIFY(!written);
        QVERIFY(!QFileInfo::exists(dir));
    }

    // A sub-folder swapped for a link to a folder outside between the checks and the write.
    void folderSwappedForSymlinkIsRefused()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(s("out"));
        const QString outside = tmp.filePath(s("outside"));
        QVERIFY(QDir().mkpath(outside));
        QVERIFY(writeFile(dir + s("/sub/keep.yaml"), "kind: Keep\n"));
        StagedWriteHooks hooks;
        hooks.beforeWrite = [&] {
            QVERIFY(QDir(dir).rename(s("sub"), s("sub-moved")));
            QVERIFY(QFile::link(outside, dir + s("/sub")));
        };
        const Hooks set(hooks);
        const Result<SplitWriteResult> written =
            writeSplit(dir, {fileOf("a.yaml", "kind: A\n"), fileOf("sub/x.yaml", "kind: X\n")});
        QVERIFY(!written);
        QVERIFY2(written.error().message.contains(s("symbolic link")) &&
                     written.error().message.contains(s("sub")),
                 qPrintable(written.error().toString()));
        QCOMPARE(QDir(outside).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList());
        QVERIFY(!QFileInfo::exists(dir + s("/a.yaml")));
        QVERIFY(!QFileInfo::exists(dir + s("/kustomization.yaml")));
    }

    // Object names and namespaces a hostile cluster or snapshot could hold: every file lands
    // inside the folder, under a name a file system takes.
    void hostileNamesStayInside_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("ns");
        QTest::addRow("dot-dot path") << s("../../x") << QString();
        QTest::addRow("slash") << s("a/b") << QString();
        QTest::addRow("absolute") << s("/etc/x") << QString();
        QTest::addRow("NUL") << QString(s("x") + QChar(0) + s("y")) << QString();
        QTest::addRow("newline") << s("x\ny") << QString();
        QTest::addRow("dot-dot") << s("..") << QString();
        QTest::addRow("dot") << s(".") << QString();
        QTest::addRow("very long") << QString(300, QLatin1Char('n')) << QString();
        QTest::addRow("long multibyte") << QString(200, QChar(0x00e9)) << QString();
        QTest::addRow("namespace dot-dot") << s("x") << s("../..");
        QTest::addRow("namespace slash") << s("x") << s("a/../../b");
        QTest::addRow("namespace long") << s("x") << QString(300, QLatin1Char('s'));
    }

    void hostileNamesStayInside()
    {
        QFETCH(QString, name);
        QFETCH(QString, ns);
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(s("a/b/out"));
        QVERIFY(QDir().mkpath(dir));
        SplitOptions options;
        options.nameTemplate = s("{namespace}/{kind}/{name}.yaml");
        const QList<SplitFile> files =
            splitObjects({configMap(name, ns), configMap(s("plain"))}, options);
        const Result<SplitWriteResult> written = writeSplit(dir, files);
        QVERIFY2(written, qPrintable(written ? QString() : written.error().toString()));
        QCOMPARE(written->written.size(), 2);
        const QString root = QFileInfo(dir).canonicalFilePath() + QLatin1Char('/');
        for (const QString &path : written->written) {
            QVERIFY2(QFileInfo(path).canonicalFilePath().startsWith(root), qPrintable(path));
            for (const QString &part : path.mid(root.size()).split(QLatin1Char('/')))
                QVERIFY2(part.toUtf8().size() <= 255 && !part.startsWith(QLatin1Char('.')),
                         qPrintable(part));
        }
        // Nothing anywhere but in the folder.
        QStringList elsewhere;
        QDirIterator it(tmp.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (!path.startsWith(root))
                elsewhere.append(path);
        }
        QCOMPARE(elsewhere, QStringList());
    }

    // A large stream written while it is read, into a new folder: when the kustomization that
    // ends it cannot be written (a full disk), the files written by then go again, and the folder.
    void streamedSplitFailingAtTheKustomizationLeavesNothing()
    {
        QByteArray yaml;
        for (int i = 0; yaml.size() < 1100 * 1024; ++i)
            yaml +=
                "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a-config-map-named-at-"
                "length-" +
                QByteArray::number(i) + "\ndata:\n  k: " + QByteArray(2000, 'v') + "\n";
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(s("out"));
        std::optional<Result<SplitWriteResult>> written;
        {
            FileSizeLimit limit(16 * 1024); // each file about 2 KB, the kustomization about 25 KB
            written = splitLargeYamlInto(dir, yaml, s("big.yaml"));
        }
        QVERIFY(written);
        QVERIFY(!written->ok());
        QCOMPARE(written->error().file, s("kustomization.yaml"));
        QVERIFY2(written->error().message.contains(s("too large")),
                 qPrintable(written->error().toString()));
        QVERIFY(!QFileInfo::exists(dir));
    }
};

QTEST_GUILESS_MAIN(TestSplitWriter)
#include "tst_splitwriter.moc"
