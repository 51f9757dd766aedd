// Files that hold Secret data are the owner's alone (0600) from their first byte: the snapshot,
// the inventory (Helm values hold passwords), written in-process and by fluxdesk-cli, with a
// permissive umask and over a file that was world-readable before.
#include "clirunner.h"
#include "testfiles.h"

#include "core/privatefile.h"
#include "core/resources.h"
#include "kube/inventory.h"
#include "kube/inventoryexport.h"
#include "kube/snapshot.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace Fluxdesk;
using Fluxdesk::TestFiles::readFile;
using Fluxdesk::TestFiles::writeFile;
using namespace Fluxdesk::Testing;

namespace {

// The permission bits of path (lstat: a link is not followed), -1 when it does not exist.
int modeOf(const QString &path)
{
    struct stat st;
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

QString octal(int mode)
{
    return QStringLiteral("0%1").arg(mode, 3, 8, QLatin1Char('0'));
}

// The umask for one test, the old one back afterwards (it is process-wide and inherited by the
// CLI the test starts).
class UmaskScope
{
public:
    explicit UmaskScope(mode_t mask) : m_old(::umask(mask)) {}
    ~UmaskScope() { ::umask(m_old); }

private:
    mode_t m_old;
};

// A file already there, readable by everyone.
bool plantWorldReadable(const QString &path, const QByteArray &bytes)
{
    return writeFile(path, bytes) && ::chmod(QFile::encodeName(path).constData(), 0644) == 0 &&
           modeOf(path) == 0644;
}

} // namespace

class TestPrivateFiles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void writePrivateFile_data();
    void writePrivateFile();
    void writePrivateFileKeepsTheOldOnFailure();
    void writePrivateFileReplacesALink();
    void snapshotIsPrivate_data();
    void snapshotIsPrivate();
    void inventoryIsPrivate_data();
    void inventoryIsPrivate();
    void cliSnapshotIsPrivate_data();
    void cliSnapshotIsPrivate();
    void cliInventoryIsPrivate_data();
    void cliInventoryIsPrivate();
    void helpSaysWhichFilesArePrivate();

private:
    void addUmaskRows();

    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
    int m_count = 0;
};

void TestPrivateFiles::initTestCase()
{
    initResources();
    QVERIFY(m_dir.isValid());
    const QString home = m_dir.filePath(QStringLiteral("home"));
    QVERIFY(QDir().mkpath(home));
    m_env = isolatedEnvironment(home);
}

void TestPrivateFiles::addUmaskRows()
{
    QTest::addColumn<int>("mask");
    QTest::addColumn<bool>("existed");
    QTest::addRow("umask 022, new file") << 022 << false;
    QTest::addRow("umask 022, replacing a 0644 file") << 022 << true;
    QTest::addRow("umask 000, new file") << 0 << false;
    QTest::addRow("umask 000, replacing a 0644 file") << 0 << true;
}

void TestPrivateFiles::writePrivateFile_data()
{
    addUmaskRows();
}

void TestPrivateFiles::writePrivateFile()
{
    QFETCH(int, mask);
    QFETCH(bool, existed);
    const UmaskScope scopedMask{mode_t(mask)};
    const QString path = m_dir.filePath(QStringLiteral("plain/%1/values.yaml").arg(++m_count));
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    if (existed)
        QVERIFY(plantWorldReadable(path, "old: text\n"));
    const Result<bool> written = Fluxdesk::writePrivateFile(path, "password: hunter2\n");
    QVERIFY2(written.ok(), qPrintable(written.error().toString()));
    QCOMPARE(octal(modeOf(path)), QStringLiteral("0600"));
    QCOMPARE(readFile(path), QByteArray("password: hunter2\n"));
    // No temporary file left beside it.
    QCOMPARE(QDir(QFileInfo(path).absolutePath())
                 .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("values.yaml")});
}

void TestPrivateFiles::writePrivateFileKeepsTheOldOnFailure()
{
    // A folder in the file's place cannot be replaced: an error naming the path, the folder as it
    // was, no temporary file left.
    const QString folder = m_dir.filePath(QStringLiteral("fails"));
    const QString path = folder + QStringLiteral("/taken");
    QVERIFY(QDir().mkpath(path + QStringLiteral("/inside")));
    const Result<bool> written = Fluxdesk::writePrivateFile(path, "x\n");
    QVERIFY(!written.ok());
    QCOMPARE(written.error().file, path);
    QVERIFY(written.error().message.startsWith(QLatin1String("cannot write: ")));
    QVERIFY(QFileInfo(path + QStringLiteral("/inside")).isDir());
    QCOMPARE(QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("taken")});

    const Result<bool> missing =
        Fluxdesk::writePrivateFile(m_dir.filePath(QStringLiteral("no/such/folder/x")), "x\n");
    QVERIFY(!missing.ok());
}

void TestPrivateFiles::writePrivateFileReplacesALink()
{
    // A link planted at the path is replaced by the private file; its target is not written.
    const QString folder = m_dir.filePath(QStringLiteral("link"));
    QVERIFY(QDir().mkpath(folder));
    const QString target = folder + QStringLiteral("/target");
    QVERIFY(plantWorldReadable(target, "untouched\n"));
    const QString path = folder + QStringLiteral("/snapshot.yaml");
    QVERIFY(QFile::link(target, path));
    const Result<bool> written = Fluxdesk::writePrivateFile(path, "secret\n");
    QVERIFY2(written.ok(), qPrintable(written.error().toString()));
    QVERIFY(!QFileInfo(path).isSymLink());
    QCOMPARE(octal(modeOf(path)), QStringLiteral("0600"));
    QCOMPARE(readFile(target), QByteArray("untouched\n"));
    QCOMPARE(octal(modeOf(target)), QStringLiteral("0644"));
}

void TestPrivateFiles::snapshotIsPrivate_data()
{
    addUmaskRows();
}

void TestPrivateFiles::snapshotIsPrivate()
{
    QFETCH(int, mask);
    QFETCH(bool, existed);
    const UmaskScope scopedMask{mode_t(mask)};
    const QString path = m_dir.filePath(QStringLiteral("snapshots/%1.json").arg(++m_count));
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    if (existed)
        QVERIFY(plantWorldReadable(path, "{}\n"));
    const Result<bool> written = writeSnapshot(path, demoClusterObjects());
    QVERIFY2(written.ok(), qPrintable(written.error().toString()));
    QCOMPARE(octal(modeOf(path)), QStringLiteral("0600"));
    QVERIFY(readFile(path).contains("\"kind\": \"Secret\""));
}

void TestPrivateFiles::inventoryIsPrivate_data()
{
    addUmaskRows();
}

void TestPrivateFiles::inventoryIsPrivate()
{
    QFETCH(int, mask);
    QFETCH(bool, existed);
    const UmaskScope scopedMask{mode_t(mask)};
    const QString dir = m_dir.filePath(QStringLiteral("inventories/%1").arg(++m_count));
    QVERIFY(QDir().mkpath(dir));
    if (existed)
        QVERIFY(plantWorldReadable(dir + QStringLiteral("/helm-values-grafana.yaml"), "old\n"));
    Inventory inventory;
    inventory.addObjects(demoClusterObjects());
    const Result<QStringList> written = writeInventoryFiles(dir, inventoryFiles(inventory));
    QVERIFY2(written.ok(), qPrintable(written.error().toString()));
    QVERIFY(written->contains(dir + QStringLiteral("/helm-values-grafana.yaml")));
    for (const QString &path : *written)
        QVERIFY2(modeOf(path) == 0600, qPrintable(path + QLatin1Char(' ') + octal(modeOf(path))));
}

void TestPrivateFiles::cliSnapshotIsPrivate_data()
{
    addUmaskRows();
}

void TestPrivateFiles::cliSnapshotIsPrivate()
{
    QFETCH(int, mask);
    QFETCH(bool, existed);
    const UmaskScope scopedMask{mode_t(mask)}; // inherited by the CLI
    const QString path = m_dir.filePath(QStringLiteral("cli-snapshots/%1.yaml").arg(++m_count));
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    if (existed)
        QVERIFY(plantWorldReadable(path, "items: []\n"));
    const CliRun run = runCli(
        {QStringLiteral("--demo"), QStringLiteral("snapshot"), QStringLiteral("--out"), path},
        m_env);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(octal(modeOf(path)), QStringLiteral("0600"));
    QVERIFY(readFile(path).contains("kind: Secret"));
}

void TestPrivateFiles::cliInventoryIsPrivate_data()
{
    addUmaskRows();
}

void TestPrivateFiles::cliInventoryIsPrivate()
{
    QFETCH(int, mask);
    QFETCH(bool, existed);
    const UmaskScope scopedMask{mode_t(mask)};
    const QString dir = m_dir.filePath(QStringLiteral("cli-inventories/%1").arg(++m_count));
    QVERIFY(QDir().mkpath(dir));
    const QString values = dir + QStringLiteral("/helm-values-grafana.yaml");
    if (existed)
        QVERIFY(plantWorldReadable(values, "old\n"));
    const CliRun run = runCli(
        {QStringLiteral("--demo"), QStringLiteral("inventory"), QStringLiteral("--out"), dir},
        m_env);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QStringList paths = run.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(paths.contains(values));
    QVERIFY(paths.size() > 7);
    for (const QString &path : paths)
        QVERIFY2(modeOf(path) == 0600, qPrintable(path + QLatin1Char(' ') + octal(modeOf(path))));
}

void TestPrivateFiles::helpSaysWhichFilesArePrivate()
{
    const CliRun run = runCli({QStringLiteral("--help")}, m_env);
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = run.outText().split(QLatin1Char('\n'));
    for (const char *command : {"  inventory --out DIR", "  snapshot --out FILE"}) {
        bool said = false;
        for (const QString &line : lines) {
            if (line.startsWith(QLatin1String(command)))
                said = line.contains(QLatin1String("0600"));
        }
        QVERIFY2(said, command);
    }
}

QTEST_GUILESS_MAIN(TestPrivateFiles)
#include "tst_privatefiles.moc"
