// fluxdesk-cli's input: small files and standard input are read, large files mapped, and a mapped
// file that shrinks ends the process with a message instead of a bus error.
#include "inputfile.h"
#include "testfiles.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <cstring>

using namespace Fluxdesk::Cli;
using Fluxdesk::TestFiles::writeFile;

namespace {

QByteArray manifestBytes(qsizetype atLeast)
{
    QByteArray text;
    for (int i = 0; text.size() < atLeast; ++i)
        text += "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-" + QByteArray::number(i) +
                "\n---\n";
    return text;
}

// What SIGBUS does now (QtTest installs a crash handler of its own).
void (*busHandler())(int)
{
    struct sigaction current;
    std::memset(&current, 0, sizeof current);
    sigaction(SIGBUS, nullptr, &current);
    return current.sa_handler;
}

// The child: maps FILE, cuts it to nothing, then reads every byte.
int truncateWhileMapped(const QString &path)
{
    InputFile input;
    if (!input.open(path))
        return 3;
    if (!QFile::resize(path, 0))
        return 4;
    unsigned sum = 0;
    for (const char c : input.bytes())
        sum += static_cast<unsigned char>(c);
    std::printf("read all %u\n", sum);
    return 0;
}

} // namespace

class TestInputFile : public QObject
{
    Q_OBJECT

private slots:
    void smallFileIsCopied()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("small.yaml"));
        const QByteArray text = manifestBytes(4096);
        QVERIFY(writeFile(path, text));
        InputFile input;
        QVERIFY(input.open(path));
        QCOMPARE(input.shownName(), path);
        QVERIFY(QFile::resize(path, 0));
        QCOMPARE(input.bytes(), text); // a copy: the file's later changes do not reach it
    }

    void largeFileIsMappedAndGuarded()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("large.yaml"));
        const QByteArray text = manifestBytes(3 * 1024 * 1024);
        QVERIFY(writeFile(path, text));
        const auto before = busHandler();
        {
            InputFile input;
            QVERIFY(input.open(path));
            QCOMPARE(input.bytes(), text);
            QVERIFY(busHandler() != before);
        }
        QVERIFY(busHandler() == before); // the guard goes with the mapping
    }

    void missingFile()
    {
        InputFile input;
        QVERIFY(!input.open(QStringLiteral("/nonexistent/fluxdesk/input.yaml")));
        QVERIFY2(input.errorString().startsWith(QLatin1String("cannot read the file: ")),
                 qPrintable(input.errorString()));
    }

    void fileThatShrinksWhileMapped()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shrinks.yaml"));
        QVERIFY(writeFile(path, manifestBytes(2 * 1024 * 1024)));
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--truncate-while-mapped"), path});
        QVERIFY(child.waitForFinished(60000));
        const QByteArray err = child.readAllStandardError();
        QCOMPARE(child.exitStatus(), QProcess::NormalExit); // not a crash
        QCOMPARE(child.exitCode(), 2);
        QCOMPARE(QString::fromUtf8(err),
                 QStringLiteral("fluxdesk-cli: %1: the file changed while it was being read\n")
                     .arg(path));
        QVERIFY(child.readAllStandardOutput().isEmpty());
    }
};

int main(int argc, char **argv)
{
    if (argc == 3 && std::strcmp(argv[1], "--truncate-while-mapped") == 0)
        return truncateWhileMapped(QString::fromLocal8Bit(argv[2]));
    QCoreApplication app(argc, argv);
    TestInputFile test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_inputfile.moc"
