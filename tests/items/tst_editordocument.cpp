#include "items/problemmodel.h"
#include "manifest/editordocument.h"
#include "testfiles.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Fluxdesk;
using Fluxdesk::TestFiles::readFile;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), qint64(bytes.size()));
}

Problem problem(Problem::Severity severity, int line, const QString &message)
{
    Problem p;
    p.severity = severity;
    p.line = line;
    p.column = 1;
    p.message = message;
    p.rule = QStringLiteral("test");
    return p;
}

} // namespace

class TestEditorDocument : public QObject
{
    Q_OBJECT

private slots:
    void openReadsTextAndRemembersTheDisk()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.yaml"));
        writeFile(path, "kind: ConfigMap\nmetadata:\n  name: grüße\n");
        const Result<EditorDocument> document = EditorDocument::open(path);
        QVERIFY2(document.ok(), qPrintable(document.error().toString()));
        QCOMPARE(document->savedText(),
                 QStringLiteral("kind: ConfigMap\nmetadata:\n  name: grüße\n"));
        QCOMPARE(document->displayName(), QStringLiteral("a.yaml"));
        QVERIFY(!document->isUntitled());
        QVERIFY(!document->isModified(document->savedText()));
        QVERIFY(document->isModified(document->savedText() + QLatin1Char('x')));
        QCOMPARE(document->diskState(), EditorDocument::DiskState::Unchanged);
    }

    void rejectsWhatIsNotText_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::addRow("binary") << QByteArray("abc\0def", 7) << QStringLiteral("not UTF-8");
        QTest::addRow("latin-1") << QByteArray("name: gr\xfc\xdf") << QStringLiteral("not UTF-8");
        QTest::addRow("truncated sequence")
            << QByteArray("a: \xe2\x82") << QStringLiteral("not UTF-8");
        QTest::addRow("surrogate") << QByteArray("a: \xed\xa0\x80") << QStringLiteral("not UTF-8");
        QTest::addRow("overlong") << QByteArray("a: \xc0\xaf") << QStringLiteral("not UTF-8");
    }
    void rejectsWhatIsNotText()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.yaml"));
        writeFile(path, bytes);
        const Result<FileSnapshot> snapshot = readTextFile(path);
        QVERIFY(!snapshot.ok());
        QVERIFY2(snapshot.error().message.contains(expected), qPrintable(snapshot.error().message));
        QCOMPARE(snapshot.error().file, path);
    }

    void refusesFilesOverTheLimit()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.yaml"));
        writeFile(path, QByteArray(4096, 'a'));
        QVERIFY(!readTextFile(path, 1024).ok());
        QVERIFY(readTextFile(path, 8192).ok());
    }

    void stripsByteOrderMark()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bom.yaml"));
        writeFile(path, "\xef\xbb\xbfkind: Secret\n");
        const Result<FileSnapshot> snapshot = readTextFile(path);
        QVERIFY(snapshot.ok());
        QCOMPARE(snapshot->text, QStringLiteral("kind: Secret\n"));
    }

    void saveWritesAtomicallyAndBecomesTheSavedText()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.yaml"));
        writeFile(path, "a: 1\n");
        Result<EditorDocument> document = EditorDocument::open(path);
        QVERIFY(document.ok());
        const QString text = QStringLiteral("a: 2\nb: ünïcode\n");
        const Result<bool> saved = document->save(text);
        QVERIFY2(saved.ok(), qPrintable(saved.error().toString()));
        QCOMPARE(readFile(path), text.toUtf8());
        QCOMPARE(document->savedText(), text);
        QVERIFY(!document->isModified(text));
        // No temporary file left beside it.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("a.yaml")});
        QCOMPARE(document->diskState(), EditorDocument::DiskState::Unchanged);
    }

    void secretsAreSavedPrivate_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("secret");
        QTest::addRow("a Secret")
            << QStringLiteral(
                   "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  p: cGFzcw==\n")
            << true;
        QTest::addRow("a Secret among others")
            << QStringLiteral("kind: ConfigMap\n---\nkind: \"Secret\" # creds\n") << true;
        QTest::addRow("JSON") << QStringLiteral("{\"kind\": \"Secret\"}") << true;
        QTest::addRow("a ConfigMap") << QStringLiteral("kind: ConfigMap\nsecret: 1\n") << false;
        QTest::addRow("a nested kind") << QStringLiteral("spec:\n  kind: Secret\n") << false;
    }

    void secretsAreSavedPrivate()
    {
        QFETCH(QString, text);
        QFETCH(bool, secret);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.yaml"));
        writeFile(path, "a: 1\n");
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner |
                                                QFile::ReadGroup | QFile::ReadOther));
        Result<EditorDocument> document = EditorDocument::open(path);
        QVERIFY(document.ok());
        const Result<bool> saved = document->save(text);
        QVERIFY2(saved.ok(), qPrintable(saved.error().toString()));
        QCOMPARE(readFile(path), text.toUtf8());
        const bool othersRead = QFile::permissions(path) & QFile::ReadOther;
        QCOMPARE(othersRead, !secret);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("a.yaml")});
    }

    void conflictWhenTheFileChangedOnDisk()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.yaml"));
        writeFile(path, "a: 1\n");
        Result<EditorDocument> document = EditorDocument::open(path);
        QVERIFY(document.ok());
        writeFile(path, "a: someone else\n");
        QCOMPARE(document->diskState(), EditorDocument::DiskState::Modified);
        const Result<bool> refused = document->save(QStringLiteral("a: mine\n"));
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.contains(QLatin1String("changed on disk")));
        QCOMPARE(readFile(path), QByteArray("a: someone else\n")); // nothing written
        // The user chose to overwrite.
        QVERIFY(document->save(QStringLiteral("a: mine\n"), {}, true).ok());
        QCOMPARE(readFile(path), QByteArray("a: mine\n"));
        QCOMPARE(document->diskState(), EditorDocument::DiskState::Unchanged);
    }

    void rewritingTheSameBytesIsNoConflict()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.yaml"));
        writeFile(path, "a: 1\n");
        Result<EditorDocument> document = EditorDocument::open(path);
        QVERIFY(document.ok());
        writeFile(path, "a: 1\n"); // a touch: new mtime, same content
        QCOMPARE(document->diskState(), EditorDocument::DiskState::Unchanged);
        QVERIFY(document->save(QStringLiteral("a: 3\n")).ok());
    }

    void removedFileIsReported()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.yaml"));
        writeFile(path, "a: 1\n");
        Result<EditorDocument> document = EditorDocument::open(path);
        QVERIFY(document.ok());
        QVERIFY(QFile::remove(path));
        QCOMPARE(document->diskState(), EditorDocument::DiskState::Removed);
        // Saving writes it again: nothing of the user's is in the way.
        QVERIFY(document->save(QStringLiteral("a: back\n")).ok());
        QCOMPARE(readFile(path), QByteArray("a: back\n"));
    }

    void reloadTakesTheDiskText()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.yaml"));
        writeFile(path, "a: 1\n");
        Result<EditorDocument> document = EditorDocument::open(path);
        QVERIFY(document.ok());
        writeFile(path, "a: 2\n");
        const Result<QString> text = document->reload();
        QVERIFY(text.ok());
        QCOMPARE(*text, QStringLiteral("a: 2\n"));
        QCOMPARE(document->savedText(), QStringLiteral("a: 2\n"));
        QCOMPARE(document->diskState(), EditorDocument::DiskState::Unchanged);
    }

    void untitledNeedsAPathThenTakesIt()
    {
        QTemporaryDir dir;
        EditorDocument document = EditorDocument::untitled(
            QStringLiteral("llama-cpp-deployment.yaml"), QStringLiteral("kind: Deployment\n"));
        QVERIFY(document.isUntitled());
        QCOMPARE(document.displayName(), QStringLiteral("llama-cpp-deployment.yaml"));
        QVERIFY(!document.isModified(QStringLiteral("kind: Deployment\n")));
        QCOMPARE(document.diskState(), EditorDocument::DiskState::Unchanged);
        QVERIFY(!document.save(QStringLiteral("kind: Deployment\n")).ok());
        QVERIFY(!document.reload().ok());
        const QString path = dir.filePath(QStringLiteral("out.yaml"));
        QVERIFY(document.save(QStringLiteral("kind: Deployment\n"), path).ok());
        QVERIFY(!document.isUntitled());
        QCOMPARE(document.path(), path);
        QCOMPARE(document.displayName(), QStringLiteral("out.yaml"));
        QCOMPARE(readFile(path), QByteArray("kind: Deployment\n"));
    }

    void saveFailsIntoAMissingFolder()
    {
        QTemporaryDir dir;
        EditorDocument document = EditorDocument::untitled(QStringLiteral("x.yaml"), QString());
        const Result<bool> saved =
            document.save(QStringLiteral("a: 1\n"), dir.filePath(QStringLiteral("no/such/x.yaml")));
        QVERIFY(!saved.ok());
        QVERIFY(document.isUntitled());
    }

    void problemModelKeepsFilesApartAndSorted()
    {
        ProblemModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString a = QStringLiteral("/repo/a.yaml");
        const QString b = QStringLiteral("untitled:1/b.yaml");
        model.setProblems(a, {problem(Problem::Severity::Warning, 7, QStringLiteral("latest")),
                              problem(Problem::Severity::Error, 3, QStringLiteral("parse"))});
        model.setDisplayName(b, QStringLiteral("b.yaml"));
        model.setProblems(b, {problem(Problem::Severity::Info, 1, QStringLiteral("note"))});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(ProblemModel::ColumnCount));
        // Errors first, then warnings, then notes.
        QCOMPARE(model.index(0, ProblemModel::MessageColumn).data().toString(),
                 QStringLiteral("parse"));
        QCOMPARE(model.index(0, ProblemModel::LineColumn).data().toInt(), 3);
        QCOMPARE(model.index(0, ProblemModel::FileColumn).data().toString(),
                 QStringLiteral("a.yaml"));
        QCOMPARE(model.index(0, ProblemModel::SeverityColumn).data().toString(),
                 QStringLiteral("error"));
        QCOMPARE(model.index(2, ProblemModel::FileColumn).data().toString(),
                 QStringLiteral("b.yaml"));
        QCOMPARE(model.index(2, 0).data(ProblemModel::FileRole).toString(), b);
        QCOMPARE(model.count(Problem::Severity::Error), 1);
        QCOMPARE(model.count(Problem::Severity::Warning), 1);

        // Replacing one file's problems leaves the other's.
        model.setProblems(a, {});
        QCOMPARE(model.rowCount(), 1);
        model.renameFile(b, QStringLiteral("/repo/b.yaml"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 0).data(ProblemModel::FileRole).toString(),
                 QStringLiteral("/repo/b.yaml"));
        model.clearFile(QStringLiteral("/repo/b.yaml"));
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestEditorDocument)
#include "tst_editordocument.moc"
