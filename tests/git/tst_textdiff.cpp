#include "git/textdiff.h"

#include <QtTest>

using namespace Fluxdesk;

namespace {

// "K old new text" per line: K is ' ', '+', '-' or '@'.
QStringList summary(const QList<DiffLine> &lines)
{
    QStringList out;
    for (const DiffLine &l : lines) {
        QChar k = QLatin1Char(' ');
        switch (l.kind) {
        case DiffLine::Kind::Added:
            k = QLatin1Char('+');
            break;
        case DiffLine::Kind::Removed:
            k = QLatin1Char('-');
            break;
        case DiffLine::Kind::HunkHeader:
            k = QLatin1Char('@');
            break;
        case DiffLine::Kind::Context:
            break;
        }
        out.append(QStringLiteral("%1 %2 %3 %4").arg(k).arg(l.oldLine).arg(l.newLine).arg(l.text));
    }
    return out;
}

} // namespace

class TestTextDiff : public QObject
{
    Q_OBJECT

private slots:
    void lines_data()
    {
        QTest::addColumn<QString>("oldText");
        QTest::addColumn<QString>("newText");
        QTest::addColumn<int>("context");
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("equal") << QStringLiteral("a\nb\n") << QStringLiteral("a\nb\n") << 3
                               << QStringList();
        QTest::addRow("removal with rule context")
            << QStringLiteral("kind: Pod\nmetadata:\n  name: p\n  uid: 123\nspec: {}\n")
            << QStringLiteral("kind: Pod\nmetadata:\n  name: p\nspec: {}\n") << 1
            << QStringList{QStringLiteral("@ 0 0 @@ -3,3 +3,2 @@ metadata:"),
                           QStringLiteral("  3 3   name: p"), QStringLiteral("- 4 0   uid: 123"),
                           QStringLiteral("  5 4 spec: {}")};
        QTest::addRow("addition, no context")
            << QStringLiteral("a\nc\n") << QStringLiteral("a\nb\nc\n") << 0
            << QStringList{QStringLiteral("@ 0 0 @@ -1,0 +2 @@ a"), QStringLiteral("+ 0 2 b")};
        QTest::addRow("change") << QStringLiteral("image: nginx:latest\n")
                                << QStringLiteral("image: nginx:1.27\n") << 3
                                << QStringList{QStringLiteral("@ 0 0 @@ -1 +1 @@"),
                                               QStringLiteral("- 1 0 image: nginx:latest"),
                                               QStringLiteral("+ 0 1 image: nginx:1.27")};
        QTest::addRow("from empty")
            << QString() << QStringLiteral("x\n") << 3
            << QStringList{QStringLiteral("@ 0 0 @@ -0,0 +1 @@"), QStringLiteral("+ 0 1 x")};
        QTest::addRow("unicode") << QStringLiteral("name: caf\u00e9\n")
                                 << QStringLiteral("name: th\u00e9\n") << 3
                                 << QStringList{QStringLiteral("@ 0 0 @@ -1 +1 @@"),
                                                QStringLiteral("- 1 0 name: caf\u00e9"),
                                                QStringLiteral("+ 0 1 name: th\u00e9")};
    }

    void lines()
    {
        QFETCH(QString, oldText);
        QFETCH(QString, newText);
        QFETCH(int, context);
        QFETCH(QStringList, expected);
        const Result<QList<DiffLine>> diff = diffTexts(oldText, newText, context);
        QVERIFY2(diff.ok(), qPrintable(diff.error().toString()));
        QCOMPARE(summary(*diff), expected);
    }

    void unified()
    {
        const Result<QString> diff =
            unifiedDiff(QStringLiteral("a\nb\nc\n"), QStringLiteral("a\nB\nc"),
                        QStringLiteral("x.yaml"), QStringLiteral("x.yaml"));
        QVERIFY(diff.ok());
        QCOMPARE(*diff, QStringLiteral("--- a/x.yaml\n"
                                       "+++ b/x.yaml\n"
                                       "@@ -1,3 +1,3 @@\n"
                                       " a\n"
                                       "-b\n"
                                       "-c\n"
                                       "+B\n"
                                       "+c\n"
                                       "\\ No newline at end of file\n"));
        const Result<QString> none = unifiedDiff(QStringLiteral("same\n"), QStringLiteral("same\n"),
                                                 QStringLiteral("a"), QStringLiteral("b"));
        QVERIFY(none.ok());
        QVERIFY(none->isEmpty());
    }

    void binaryIsText()
    {
        // NUL bytes would make git call the file binary and drop every line.
        const Result<QList<DiffLine>> diff =
            diffTexts(QStringLiteral("a\nb%1\n").arg(QChar(0)), QStringLiteral("a\nc\n"));
        QVERIFY(diff.ok());
        QVERIFY(!diff->isEmpty());
        QCOMPARE(diff->last().text, QStringLiteral("c"));
    }

    void large()
    {
        QString oldText, newText;
        for (int i = 0; i < 20000; ++i) {
            const QString line = QStringLiteral("line %1\n").arg(i);
            oldText += line;
            if (i % 1000 != 0)
                newText += line;
        }
        const Result<QList<DiffLine>> diff = diffTexts(oldText, newText, 0);
        QVERIFY(diff.ok());
        int removed = 0;
        for (const DiffLine &l : *diff)
            removed += l.kind == DiffLine::Kind::Removed;
        QCOMPARE(removed, 20);
    }
};

QTEST_GUILESS_MAIN(TestTextDiff)
#include "tst_textdiff.moc"
