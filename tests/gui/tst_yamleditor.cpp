#include "editorpage.h"
#include "findbar.h"
#include "yamleditor.h"

#include <QElapsedTimer>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

using namespace Fluxdesk;

namespace {

QString numberedLines(int count)
{
    QString text;
    for (int i = 1; i <= count; ++i)
        text += QStringLiteral("key%1: value %1\n").arg(i);
    return text;
}

} // namespace

class TestYamlEditor : public QObject
{
    Q_OBJECT

private slots:
    void gutterGrowsWithTheLineCount()
    {
        YamlEditor editor;
        editor.resize(600, 400);
        editor.show();
        editor.loadText(numberedLines(9));
        const int small = editor.lineNumberAreaWidth();
        QCOMPARE(editor.blockCount(), 10); // the text ends with a newline
        editor.loadText(numberedLines(120000));
        QSignalSpy loaded(&editor, &YamlEditor::loaded);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(editor.blockCount(), 120001);
        const int large = editor.lineNumberAreaWidth();
        const int digit = editor.fontMetrics().horizontalAdvance(QLatin1Char('9'));
        // Three digits at least, six for 120001: three digits' more room.
        QCOMPARE(large - small, 3 * digit);
        QCOMPARE(editor.viewport()->x(), editor.contentsRect().left() + large);
    }

    void largeTextLoadsInSlicesWithoutUndo()
    {
        YamlEditor editor;
        const QString text = numberedLines(40000); // about 1 MB
        QSignalSpy loaded(&editor, &YamlEditor::loaded);
        editor.loadText(text);
        QVERIFY(editor.isLoading()); // not all at once
        QVERIFY(editor.isReadOnly());
        QVERIFY(loaded.wait(20000));
        QVERIFY(!editor.isLoading());
        QVERIFY(!editor.isReadOnly());
        QCOMPARE(editor.toPlainText(), text);
        QVERIFY(!editor.document()->isModified());
        QVERIFY(!editor.document()->isUndoAvailable());
        // Highlighted as it went in: a key on the last line carries a format.
        const QTextBlock last = editor.document()->findBlockByNumber(39999);
        QCOMPARE(last.text(), QStringLiteral("key40000: value 40000"));
        QVERIFY(!last.layout()->formats().isEmpty());
    }

    void goToLineMovesTheCursor_data()
    {
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("expectedLine");
        QTest::addColumn<int>("expectedColumn");
        QTest::addRow("first") << 1 << 0 << 1 << 0;
        QTest::addRow("middle with column") << 50 << 4 << 50 << 3;
        QTest::addRow("past the end") << 5000 << 0 << 101 << 0;
        QTest::addRow("before the start") << -3 << 0 << 1 << 0;
    }
    void goToLineMovesTheCursor()
    {
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(int, expectedLine);
        QFETCH(int, expectedColumn);
        YamlEditor editor;
        editor.loadText(numberedLines(100));
        editor.goToLine(line, column);
        QCOMPARE(editor.currentLine(), expectedLine);
        QCOMPARE(editor.textCursor().positionInBlock(), expectedColumn);
    }

    void findWrapsAndHonoursCase()
    {
        YamlEditor editor;
        FindBar bar(&editor);
        editor.loadText(QStringLiteral("name: Loki\nimage: loki:2.9\nlabel: LOKI\n"));
        bar.setFindText(QStringLiteral("loki"));
        QVERIFY(bar.findNext());
        QCOMPARE(editor.currentLine(), 1);
        QVERIFY(bar.findNext());
        QCOMPARE(editor.currentLine(), 2);
        QVERIFY(bar.findNext());
        QCOMPARE(editor.currentLine(), 3);
        QVERIFY(bar.findNext()); // wraps around
        QCOMPARE(editor.currentLine(), 1);
        QVERIFY(bar.findPrevious()); // and backwards
        QCOMPARE(editor.currentLine(), 3);

        bar.setCaseSensitive(true);
        editor.goToLine(1);
        QVERIFY(bar.findNext());
        QCOMPARE(editor.currentLine(), 2);
        QVERIFY(bar.findNext());
        QCOMPARE(editor.currentLine(), 2); // the only lower-case match
        bar.setFindText(QStringLiteral("tempo"));
        QVERIFY(!bar.findNext());
        QVERIFY(!bar.findChild<QLineEdit *>(QStringLiteral("findEdit"))->styleSheet().isEmpty());
    }

    void replaceAllIsOneUndoStep()
    {
        YamlEditor editor;
        FindBar bar(&editor);
        const QString before =
            QStringLiteral("image: app:latest\nsidecar: log:latest\nx: LATEST\n");
        editor.loadText(before);
        bar.setFindText(QStringLiteral("latest"));
        bar.setReplaceText(QStringLiteral("1.0"));
        bar.setCaseSensitive(true);
        QCOMPARE(bar.replaceAll(), 2);
        QCOMPARE(editor.toPlainText(),
                 QStringLiteral("image: app:1.0\nsidecar: log:1.0\nx: LATEST\n"));
        editor.undo();
        QCOMPARE(editor.toPlainText(), before);
        // Replace one at a time.
        editor.goToLine(1);
        QVERIFY(bar.replaceNext()); // selects the first match
        QVERIFY(bar.replaceNext()); // replaces it, selects the next
        QCOMPARE(editor.toPlainText(),
                 QStringLiteral("image: app:1.0\nsidecar: log:latest\nx: LATEST\n"));
    }

    void escapeClosesTheFindBar()
    {
        QWidget window;
        YamlEditor editor(&window);
        FindBar bar(&editor, &window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        bar.showFind();
        QVERIFY(bar.isVisible());
        auto *findEdit = bar.findChild<QLineEdit *>(QStringLiteral("findEdit"));
        QTest::keyClick(findEdit, Qt::Key_Escape);
        QVERIFY(!bar.isVisible());
    }

    void replacingAllTextUndoesInOneStep()
    {
        YamlEditor editor;
        const QString before = QStringLiteral("metadata:\n  uid: 1234\n  name: a\n");
        editor.loadText(before);
        editor.replaceAllText(QStringLiteral("metadata:\n  name: a\n"));
        QVERIFY(editor.document()->isModified());
        QCOMPARE(editor.toPlainText(), QStringLiteral("metadata:\n  name: a\n"));
        editor.undo();
        QCOMPARE(editor.toPlainText(), before);
        QVERIFY(!editor.document()->isModified());
        editor.redo();
        QCOMPARE(editor.toPlainText(), QStringLiteral("metadata:\n  name: a\n"));
    }

    void problemsMarkTheirLines()
    {
        YamlEditor editor;
        editor.loadText(numberedLines(10));
        Problem error;
        error.severity = Problem::Severity::Error;
        error.line = 4;
        Problem warning;
        warning.severity = Problem::Severity::Warning;
        warning.line = 4;
        Problem note;
        note.severity = Problem::Severity::Info;
        note.line = 7;
        editor.setProblems({warning, error, note});
        QCOMPARE(editor.problemSeverityAt(4), int(Problem::Severity::Error)); // the worst wins
        QCOMPARE(editor.problemSeverityAt(7), int(Problem::Severity::Info));
        QCOMPARE(editor.problemSeverityAt(5), -1);
        // One underline per marked line plus the current line.
        QCOMPARE(editor.extraSelections().size(), 3);
        editor.setProblems({});
        QCOMPARE(editor.extraSelections().size(), 1);
    }

    // Thousands of problems: the lines on screen are underlined, and scrolling to the end
    // underlines the last ones (not only the first few hundred).
    void problemMarksFollowTheScreen()
    {
        YamlEditor editor;
        editor.resize(500, 300);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        editor.loadText(numberedLines(5000));
        QList<Problem> problems;
        for (int line = 1; line <= 5000; ++line) {
            Problem p;
            p.severity = Problem::Severity::Warning;
            p.line = line;
            problems.append(p);
        }
        editor.setProblems(problems);
        auto marked = [&editor] {
            QSet<int> lines;
            for (const QTextEdit::ExtraSelection &s : editor.extraSelections()) {
                if (s.format.underlineStyle() == QTextCharFormat::WaveUnderline)
                    lines.insert(s.cursor.blockNumber() + 1);
            }
            return lines;
        };
        QSet<int> lines = marked();
        QVERIFY(lines.contains(1));
        QVERIFY(lines.contains(
            editor.cursorForPosition(QPoint(1, editor.viewport()->height() - 2)).blockNumber() +
            1)); // the last line on screen
        QVERIFY(!lines.contains(5000));
        QVERIFY(lines.size() < 500);
        editor.goToLine(5000);
        lines = marked();
        QVERIFY(lines.contains(5000));
        QVERIFY(lines.contains(4990));
        QVERIFY(!lines.contains(1));
        QCOMPARE(editor.problemSeverityAt(5000), int(Problem::Severity::Warning));
    }

    void pageLintsAParseErrorAtItsLine()
    {
        EditorPage page;
        QSignalSpy linted(&page, &EditorPage::linted);
        page.setUntitled(
            QStringLiteral("broken.yaml"),
            QStringLiteral("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [a\n"));
        QVERIFY(linted.wait(10000));
        const QList<Problem> problems = page.problems();
        QVERIFY(!problems.isEmpty());
        bool atLine = false;
        for (const Problem &p : problems)
            atLine = atLine || (p.severity == Problem::Severity::Error && p.line >= 4);
        QVERIFY2(atLine, qPrintable(problems.constFirst().toString()));
        QCOMPARE(page.editor()->problems().size(), problems.size());

        // An edit relints after the debounce; the fixed text has no parse error.
        linted.clear();
        page.editor()->replaceAllText(
            QStringLiteral("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n"));
        QVERIFY(page.isModified());
        QCOMPARE(page.title(), QStringLiteral("broken.yaml*"));
        QVERIFY(linted.wait(10000));
        for (const Problem &p : page.problems())
            QVERIFY2(p.rule != QLatin1String("parse-error"), qPrintable(p.toString()));
    }

    void largeTextIsLintedFromAnIncrementalCopy()
    {
        EditorPage page;
        QSignalSpy linted(&page, &EditorPage::linted);
        const QString body = numberedLines(100000); // about 2 MB
        page.setUntitled(QStringLiteral("big.yaml"), body);
        // A big text arrives in slices while the editor is read-only: edit only once it is in.
        QTRY_VERIFY_WITH_TIMEOUT(!page.editor()->isLoading(), 60000);
        QVERIFY(page.editor()->document()->characterCount() > 1024 * 1024);
        // An edit at the end: the lint copies the text out a slice at a time and must join the
        // lines back exactly, or the error's line would be wrong.
        page.editor()->moveCursor(QTextCursor::End);
        page.editor()->insertPlainText(QStringLiteral("broken: [\n"));
        // A lint started before the edit may still report first: wait for the one that saw it.
        const auto parseErrorAtEnd = [&page] {
            for (const Problem &p : page.problems()) {
                if (p.rule == QLatin1String("parse-error") && p.line >= 100001)
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(parseErrorAtEnd(), 60000);
    }

    void staleLintResultsAreDropped()
    {
        EditorPage page;
        QSignalSpy linted(&page, &EditorPage::linted);
        page.setUntitled(QStringLiteral("a.yaml"), QStringLiteral("a: [\n"));
        page.lintNow();
        page.lintNow();
        page.editor()->replaceAllText(
            QStringLiteral("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n"));
        page.lintNow(); // only this run's result may land
        QVERIFY(linted.wait(10000));
        QTest::qWait(200);
        QCOMPARE(linted.count(), 1);
        for (const Problem &p : page.problems())
            QVERIFY2(p.rule != QLatin1String("parse-error"), qPrintable(p.toString()));
    }
};

QTEST_MAIN(TestYamlEditor)
#include "tst_yamleditor.moc"
