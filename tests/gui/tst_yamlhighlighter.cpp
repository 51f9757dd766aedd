#include "yamlhighlighter.h"

#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

using namespace Fluxdesk;
using Category = YamlHighlighter::Category;

Q_DECLARE_METATYPE(Fluxdesk::YamlHighlighter::Category)

namespace {

// The foreground at a column of a line, or an invalid colour when the text is unformatted.
QColor colourAt(const QTextDocument &document, int line, int column)
{
    const QTextBlock block = document.findBlockByNumber(line);
    const auto formats = block.layout()->formats();
    for (const QTextLayout::FormatRange &range : formats) {
        if (column >= range.start && column < range.start + range.length)
            return range.format.foreground().color();
    }
    return {};
}

} // namespace

class TestYamlHighlighter : public QObject
{
    Q_OBJECT

private slots:
    void categories_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<Category>("category");

        const QString doc = QStringLiteral("---\n"                               // 0
                                           "apiVersion: apps/v1\n"               // 1
                                           "spec:\n"                             // 2
                                           "  replicas: 3 # one per node\n"      // 3
                                           "  paused: false\n"                   // 4
                                           "  name: \"llama # not a comment\"\n" // 5
                                           "  args:\n"                           // 6
                                           "  - --port\n"                        // 7
                                           "  base: &defaults\n"                 // 8
                                           "  copy: *defaults\n"                 // 9
                                           "  empty: null\n"                     // 10
                                           "  script: |\n"                       // 11
                                           "    key: not a key here\n"           // 12
                                           "  after: 1.5\n");                    // 13
        QTest::addRow("document marker") << doc << 0 << 0 << Category::Marker;
        QTest::addRow("key") << doc << 1 << 0 << Category::Key;
        QTest::addRow("nested key") << doc << 3 << 2 << Category::Key;
        QTest::addRow("number") << doc << 3 << 12 << Category::Number;
        QTest::addRow("comment") << doc << 3 << 16 << Category::Comment;
        QTest::addRow("boolean") << doc << 4 << 10 << Category::Keyword;
        QTest::addRow("quoted string") << doc << 5 << 9 << Category::String;
        QTest::addRow("hash inside a string") << doc << 5 << 16 << Category::String;
        QTest::addRow("list dash") << doc << 7 << 2 << Category::Marker;
        QTest::addRow("anchor") << doc << 8 << 8 << Category::Alias;
        QTest::addRow("alias") << doc << 9 << 8 << Category::Alias;
        QTest::addRow("null") << doc << 10 << 9 << Category::Keyword;
        QTest::addRow("block scalar text") << doc << 12 << 4 << Category::String;
        QTest::addRow("key after the block") << doc << 13 << 2 << Category::Key;
        QTest::addRow("float") << doc << 13 << 9 << Category::Number;
    }

    void categories()
    {
        QFETCH(QString, yaml);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(Category, category);

        QTextDocument document;
        YamlHighlighter highlighter(&document);
        document.setPlainText(yaml);
        highlighter.rehighlight(); // the first pass is otherwise deferred to the event loop
        QCOMPARE(colourAt(document, line, column), YamlHighlighter::colour(category));
    }

    void plainValueIsNotHighlighted()
    {
        QTextDocument document;
        YamlHighlighter highlighter(&document);
        document.setPlainText(QStringLiteral("kind: Deployment\n"));
        highlighter.rehighlight();
        QCOMPARE(colourAt(document, 0, 0), YamlHighlighter::colour(Category::Key));
        QVERIFY(!colourAt(document, 0, 8).isValid());
    }
};

QTEST_MAIN(TestYamlHighlighter)
#include "tst_yamlhighlighter.moc"
