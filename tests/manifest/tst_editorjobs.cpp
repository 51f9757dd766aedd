// The editor's background work as the widgets see it: ask, receive a value on the UI thread, and
// a newer request of a kind drops the older one's result.
#include "manifest/editorjobs.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <optional>

using namespace Fluxdesk;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QStringList rules(const QList<Problem> &problems)
{
    QStringList names;
    for (const Problem &problem : problems)
        names.append(problem.rule);
    return names;
}

} // namespace

class TestEditorJobs : public QObject
{
    Q_OBJECT

private slots:
    void read_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("ok");
        QTest::addRow("text") << QByteArray("kind: ConfigMap\n") << true;
        QTest::addRow("empty") << QByteArray() << true;
        QTest::addRow("binary") << QByteArray("kind\0\x01\x02", 7) << false;
    }

    void read()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, ok);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.yaml"));
        QVERIFY(writeFile(path, bytes));

        EditorJobs jobs;
        std::optional<Result<FileSnapshot>> result;
        jobs.read(path, [&](Result<FileSnapshot> snapshot) { result = std::move(snapshot); });
        QVERIFY(jobs.isReading());
        QTRY_VERIFY(result.has_value());
        QVERIFY(!jobs.isReading());
        QCOMPARE(result->ok(), ok);
        if (ok)
            QCOMPARE(result->value().text, QString::fromUtf8(bytes));
        else
            QVERIFY(!result->error().toString().isEmpty());
    }

    void readMissingFile()
    {
        QTemporaryDir dir;
        EditorJobs jobs;
        std::optional<Result<FileSnapshot>> result;
        jobs.read(dir.filePath(QStringLiteral("missing.yaml")),
                  [&](Result<FileSnapshot> snapshot) { result = std::move(snapshot); });
        QTRY_VERIFY(result.has_value());
        QVERIFY(!result->ok());
    }

    // Opening another file in the same tab: only the newer read arrives.
    void newerReadWins()
    {
        QTemporaryDir dir;
        const QString first = dir.filePath(QStringLiteral("first.yaml"));
        const QString second = dir.filePath(QStringLiteral("second.yaml"));
        QVERIFY(writeFile(first, "first: 1\n"));
        QVERIFY(writeFile(second, "second: 2\n"));

        EditorJobs jobs;
        QStringList arrived;
        jobs.read(first, [&](Result<FileSnapshot> s) { arrived.append(s->text); });
        jobs.read(second, [&](Result<FileSnapshot> s) { arrived.append(s->text); });
        QTRY_VERIFY(!jobs.isReading());
        jobs.waitForDone();
        QCoreApplication::processEvents();
        QCOMPARE(arrived, QStringList{QStringLiteral("second: 2\n")});
    }

    void lint()
    {
        EditorJobs jobs;
        std::optional<QList<Problem>> problems;
        std::atomic_bool encodedOffThread{false};
        QThread *ui = QThread::currentThread();
        jobs.lint(
            [&encodedOffThread, ui] {
                encodedOffThread = QThread::currentThread() != ui;
                return QByteArray("a: [\n");
            },
            QStringLiteral("broken.yaml"), [&](QList<Problem> found) { problems = found; });
        QTRY_VERIFY(problems.has_value());
        QVERIFY(encodedOffThread);
        QCOMPARE(rules(*problems), QStringList{QStringLiteral("parse-error")});
        QCOMPARE(problems->first().file, QStringLiteral("broken.yaml"));
    }

    // Typing on: the lint of the older text is dropped, the newest text's problems arrive.
    void newerLintWins()
    {
        EditorJobs jobs;
        QList<QStringList> arrived;
        auto keep = [&](QList<Problem> found) { arrived.append(rules(found)); };
        jobs.lint([] { return QByteArray("a: [\n"); }, QStringLiteral("t.yaml"), keep);
        jobs.lint([] { return QByteArray("a: 1\n"); }, QStringLiteral("t.yaml"), keep);
        jobs.waitForDone();
        QTRY_COMPARE(arrived.size(), 1);
        QCoreApplication::processEvents();
        QCOMPARE(arrived, QList<QStringList>{QStringList()});
    }

    // A caller copying a big document out in slices supersedes the running lint first, and
    // learns from isLintCurrent() that a newer lint came meanwhile.
    void supersedeLint()
    {
        EditorJobs jobs;
        int arrived = 0;
        jobs.lint([] { return QByteArray("a: [\n"); }, QStringLiteral("t.yaml"),
                  [&](QList<Problem>) { ++arrived; });
        const quint64 generation = jobs.supersedeLint();
        QVERIFY(jobs.isLintCurrent(generation));
        jobs.waitForDone();
        QTest::qWait(20);
        QCOMPARE(arrived, 0);

        jobs.lint([] { return QByteArray("a: 1\n"); }, QStringLiteral("t.yaml"),
                  [&](QList<Problem>) { ++arrived; });
        QVERIFY(!jobs.isLintCurrent(generation));
        QTRY_COMPARE(arrived, 1);
    }

    // A read and a lint of the same tab do not supersede each other.
    void kindsAreIndependent()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.yaml"));
        QVERIFY(writeFile(path, "a: 1\n"));
        EditorJobs jobs;
        bool read = false;
        bool linted = false;
        jobs.read(path, [&](Result<FileSnapshot>) { read = true; });
        jobs.lint([] { return QByteArray("a: 1\n"); }, QStringLiteral("a.yaml"),
                  [&](QList<Problem>) { linted = true; });
        QTRY_VERIFY(read && linted);
    }

    void clean()
    {
        EditorJobs jobs;
        std::optional<Result<CleanTextResult>> result;
        const QString text =
            QStringLiteral("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n"
                           "  uid: 0c5e4c6e-1f1d-4a4e-9d7c-3f1a8c7b2e11\ndata:\n  a: b\n");
        jobs.clean(text, QStringLiteral("c.yaml"), QString(), CleanContext(),
                   [&](Result<CleanTextResult> cleaned) { result = std::move(cleaned); });
        QVERIFY(jobs.isCleaning());
        QTRY_VERIFY(result.has_value());
        QVERIFY2(result->ok(), qPrintable(result->error().toString()));
        QCOMPARE(result->value().text,
                 QStringLiteral("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n"
                                "data:\n  a: b\n"));
    }

    // The repository's own rules are read with the clean, and a broken file is the clean's error.
    void cleanWithBrokenRepositoryRules()
    {
        QTemporaryDir repo;
        QVERIFY(QDir(repo.path()).mkpath(QStringLiteral(".fluxdesk")));
        QVERIFY(writeFile(repo.filePath(QStringLiteral(".fluxdesk/clean-rules.yaml")),
                          "rules:\n  - name: x\n    paths: [a]\n    when: full-moon\n"));
        EditorJobs jobs;
        std::optional<Result<CleanTextResult>> result;
        jobs.clean(QStringLiteral("kind: ConfigMap\n"), QStringLiteral("c.yaml"), repo.path(),
                   CleanContext(),
                   [&](Result<CleanTextResult> cleaned) { result = std::move(cleaned); });
        QTRY_VERIFY(result.has_value());
        QVERIFY(!result->ok());
        QVERIFY(result->error().toString().contains(QLatin1String("full-moon")));
    }

    // Closing the tab while its jobs run: nothing arrives afterwards.
    void destroyedDropsResults()
    {
        int arrived = 0;
        {
            EditorJobs jobs;
            jobs.lint([] { return QByteArray("a: 1\n"); }, QStringLiteral("t.yaml"),
                      [&](QList<Problem>) { ++arrived; });
            jobs.clean(QStringLiteral("kind: ConfigMap\n"), QStringLiteral("c.yaml"), QString(),
                       CleanContext(), [&](Result<CleanTextResult>) { ++arrived; });
        }
        QTest::qWait(50);
        QCOMPARE(arrived, 0);
    }
};

QTEST_GUILESS_MAIN(TestEditorJobs)
#include "tst_editorjobs.moc"
