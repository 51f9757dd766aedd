// Hostile YAML (issue 17): alias bombs, 200,000-key maps, deep nesting and oversized input are
// refused with what is wrong and where, quickly and without exhausting memory or the stack, by
// both readers (the fast reader declines them; the yaml-cpp reader reports).
#include "manifest/cleaner.h"
#include "manifest/yamlfast.h"
#include "manifest/yamljson.h"

#include <QElapsedTimer>
#include <QtTest>

#include <functional>

using namespace Fluxdesk;

namespace {

using Reader = std::function<Result<QList<YamlDocument>>(const QByteArray &)>;

const QString fileName = QStringLiteral("hostile.yaml");

// The two ways in: the reader everyone calls (fast reader first) and yaml-cpp alone.
QList<QPair<const char *, Reader>> readers()
{
    return {
        {"default", [](const QByteArray &yaml) { return parseYamlDocuments(yaml, fileName); }},
        {"yaml-cpp",
         [](const QByteArray &yaml) {
             return YamlDetail::parseYamlDocumentsWithYamlCpp(yaml, fileName);
         }},
    };
}

// The byte at a 1-based line and column (columns in bytes: the inputs are ASCII).
char byteAt(const QByteArray &yaml, int line, int column)
{
    qsizetype at = 0;
    for (int l = 1; l < line; ++l) {
        at = yaml.indexOf('\n', at);
        if (at < 0)
            return 0;
        ++at;
    }
    at += column - 1;
    return at >= 0 && at < yaml.size() ? yaml.at(at) : char(0);
}

// A 1 MiB string anchored once and aliased 5,000 times: 5 GiB as text, 10 GiB as QStrings.
QByteArray bigStringAliased()
{
    QByteArray yaml = "big: &big \"" + QByteArray(1024 * 1024, 'x') + "\"\nuses:\n";
    yaml.reserve(yaml.size() + 5000 * 9);
    for (int i = 0; i < 5000; ++i)
        yaml += "- *big\n";
    return yaml;
}

// The classic: ten levels, each a list of ten aliases of the one before (10^10 nodes).
QByteArray billionLaughs()
{
    QByteArray yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (int i = 1; i <= 9; ++i) {
        const QByteArray n = QByteArray::number(i);
        yaml += "a" + n + ": &a" + n + " [";
        for (int k = 0; k < 10; ++k)
            yaml += (k ? ", *a" : "*a") + QByteArray::number(i - 1);
        yaml += "]\n";
    }
    return yaml;
}

// Few nodes, many bytes: a 4 KiB string, then five levels of ten aliases (10^5 nodes, 400 MiB).
QByteArray fewNodesManyBytes()
{
    QByteArray yaml = "a0: &a0 " + QByteArray(4096, 'y') + "\n";
    for (int i = 1; i <= 5; ++i) {
        const QByteArray n = QByteArray::number(i);
        yaml += "a" + n + ": &a" + n + " [";
        for (int k = 0; k < 10; ++k)
            yaml += (k ? ", *a" : "*a") + QByteArray::number(i - 1);
        yaml += "]\n";
    }
    return yaml;
}

// A ConfigMap's data with keys k0 .. k(count - 1), in descending order (the worst order for a
// map kept sorted), then optionally a repeat of "k17".
QByteArray manyKeysYaml(int count, bool duplicate)
{
    QByteArray yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n";
    yaml.reserve(yaml.size() + qsizetype(count) * 20);
    for (int i = count - 1; i >= 0; --i)
        yaml += "  k" + QByteArray::number(i) + ": v\n";
    if (duplicate)
        yaml += "  k17: again\n";
    return yaml;
}

} // namespace

class TestYamlHostile : public QObject
{
    Q_OBJECT

private slots:
    void aliasBudget_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<int>("line"); // of the alias that crossed the budget; 0: any alias
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("text");
        const QByteArray big = bigStringAliased();
        const QByteArray laughs = billionLaughs();
        const QByteArray bytes = fewNodesManyBytes();
        for (const auto &[name, reader] : readers()) {
            Q_UNUSED(reader)
            // 64 MiB of budget: each alias costs 1 MiB + 1 byte, so the 64th (line 2 + 64).
            QTest::addRow("1 MiB string x 5000, %s", name)
                << big << 66 << 3 << QStringLiteral("aliases expand to more than 64 MiB");
            QTest::addRow("billion laughs, %s", name)
                << laughs << 0 << 0 << QStringLiteral("billion laughs");
            QTest::addRow("few nodes many bytes, %s", name)
                << bytes << 0 << 0 << QStringLiteral("aliases expand to more than 64 MiB");
        }
    }

    void aliasBudget()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, text);
        const Reader read =
            QString::fromLatin1(QTest::currentDataTag()).endsWith(QLatin1String("yaml-cpp"))
                ? readers().at(1).second
                : readers().at(0).second;
        QVERIFY(!YamlDetail::parseYamlFast(yaml, {})); // the fast reader reads no aliases
        QElapsedTimer timer;
        timer.start();
        const Result<QList<YamlDocument>> docs = read(yaml);
        QVERIFY(!docs.ok());
        const Error &e = docs.error();
        QVERIFY2(e.message.contains(text), qPrintable(e.toString()));
        QVERIFY2(e.message.contains(QLatin1String("billion laughs")), qPrintable(e.toString()));
        QCOMPARE(e.file, fileName);
        if (line) {
            QCOMPARE(e.line, line);
            QCOMPARE(e.column, column);
        }
        // The position names an alias (not the anchor it repeats).
        QVERIFY2(byteAt(yaml, e.line, e.column) == '*', qPrintable(e.toString()));
        QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
    }

    void aliasBudgetLeavesOrdinaryAliases()
    {
        // Just under the budget: 60 aliases of the 1 MiB string are read.
        QByteArray yaml = "big: &big \"" + QByteArray(1024 * 1024, 'x') + "\"\nuses:\n";
        for (int i = 0; i < 60; ++i)
            yaml += "- *big\n";
        const Result<QList<YamlDocument>> docs = parseYamlDocuments(yaml, fileName);
        QVERIFY2(docs.ok(), qPrintable(docs.ok() ? QString() : docs.error().toString()));
        QCOMPARE(docs->first().value[QLatin1String("uses")].toArray().size(), 60);
    }

    void aliasBudgetSharedAcrossParts()
    {
        // Parts of one stream read apart share one budget when given one counter.
        QByteArray yaml = "big: &big \"" + QByteArray(1024 * 1024, 'x') + "\"\nuses:\n";
        for (int i = 0; i < 40; ++i)
            yaml += "- *big\n";
        std::atomic<qsizetype> used{0};
        YamlParseOptions options;
        options.sharedAliasBytes = &used;
        QVERIFY(parseYamlDocuments(yaml, fileName, options).ok());
        const Result<QList<YamlDocument>> second = parseYamlDocuments(yaml, fileName, options);
        QVERIFY(!second.ok());
        QVERIFY2(second.error().message.contains(QLatin1String("billion laughs")),
                 qPrintable(second.error().toString()));
        QCOMPARE(second.error().line, 2 + 24); // 40 + 24 aliases of 1 MiB + 1 byte > 64 MiB
    }

    void cleanSharesOneAliasBudget()
    {
        // Twelve ConfigMaps, each a 256 KiB string aliased 100 times (25 MiB, within budget on
        // its own), 300 MiB together: cleaned in slices on several threads, the budget is still
        // the stream's.
        QByteArray yaml;
        for (int i = 0; i < 12; ++i) {
            yaml += "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c" +
                    QByteArray::number(i) + "\ndata:\n  big: &big " + QByteArray(256 * 1024, 'z') +
                    "\n";
            for (int k = 0; k < 100; ++k)
                yaml += "  k" + QByteArray::number(k) + ": *big\n";
        }
        const Result<CleanTextResult> cleaned =
            cleanYamlText(yaml, fileName, CleanRules::defaults());
        QVERIFY2(!cleaned.ok(), "cleaned to 300 MiB");
        QVERIFY2(cleaned.error().message.contains(QLatin1String("billion laughs")),
                 qPrintable(cleaned.error().toString()));
        QVERIFY2(byteAt(yaml, cleaned.error().line, cleaned.error().column) == '*',
                 qPrintable(cleaned.error().toString()));
    }

    void manyKeys_data()
    {
        QTest::addColumn<bool>("duplicate");
        QTest::addColumn<int>("reader");
        QTest::addRow("no duplicate, default") << false << 0;
        QTest::addRow("no duplicate, yaml-cpp") << false << 1;
        QTest::addRow("duplicate last, default") << true << 0;
        QTest::addRow("duplicate last, yaml-cpp") << true << 1;
    }

    void manyKeys()
    {
        // 200,000 keys: about 10^10 comparisons when each key is checked against all before it,
        // and as many moves when each is inserted before all the others into a sorted map.
        QFETCH(bool, duplicate);
        QFETCH(int, reader);
        constexpr int count = 200'000;
        const QByteArray yaml = manyKeysYaml(count, duplicate);
        QElapsedTimer timer;
        timer.start();
        const Result<QList<YamlDocument>> docs = readers().at(reader).second(yaml);
        const qint64 elapsed = timer.elapsed();
        qInfo("%d keys read in %lld ms", count, elapsed);
        if (duplicate) {
            QVERIFY(!docs.ok());
            QCOMPARE(docs.error().message, QStringLiteral("duplicate key \"k17\""));
            QCOMPARE(docs.error().line, 5 + count + 1);
            QCOMPARE(docs.error().column, 3);
        } else {
            QVERIFY2(docs.ok(), qPrintable(docs.ok() ? QString() : docs.error().toString()));
            const QJsonObject data = docs->first().value[QLatin1String("data")].toObject();
            QCOMPARE(data.size(), count);
            QCOMPARE(data.value(QLatin1String("k199999")).toString(), QStringLiteral("v"));
        }
        // Linear: about 2 s for the fast reader, 6 s for yaml-cpp in a debug build (2 cores
        // shared); quadratic took minutes.
        QVERIFY2(elapsed < (reader == 0 && !duplicate ? 5000 : 20000),
                 qPrintable(QString::number(elapsed)));
    }

    void fastReaderFindsDuplicatesInLargeMaps_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<bool>("handled");
        QByteArray keys;
        for (int i = 0; i < 40; ++i)
            keys += "  k" + QByteArray::number(i) + ": " + QByteArray::number(i) + "\n";
        QTest::addRow("40 keys") << QByteArray("m:\n" + keys) << true;
        QTest::addRow("40 keys, first repeated last")
            << QByteArray("m:\n" + keys + "  k0: x\n") << false;
        QTest::addRow("40 keys, a middle one repeated")
            << QByteArray("m:\n" + keys + "  k20: x\n") << false;
        // The same keys in sibling and nested maps are no duplicates.
        QTest::addRow("siblings") << QByteArray("a:\n" + keys + "b:\n" + keys) << true;
        QByteArray nested = "a:\n" + keys + "  inner:\n";
        for (int i = 0; i < 40; ++i)
            nested += "    k" + QByteArray::number(i) + ": " + QByteArray::number(i) + "\n";
        QTest::addRow("nested") << QByteArray(nested + "  after: 1\n") << true;
        QTest::addRow("nested, then a duplicate outside")
            << QByteArray(nested + "  k39: 1\n") << false;
        QByteArray flow = "m: {";
        for (int i = 0; i < 40; ++i)
            flow += (i ? ", k" : "k") + QByteArray::number(i) + ": 1";
        QTest::addRow("flow") << QByteArray(flow + "}\n") << true;
        QTest::addRow("flow, duplicate") << QByteArray(flow + ", k3: 2}\n") << false;
    }

    void fastReaderFindsDuplicatesInLargeMaps()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(bool, handled);
        const std::optional<QList<YamlDocument>> fast = YamlDetail::parseYamlFast(yaml, {});
        QCOMPARE(fast.has_value(), handled);
        const Result<QList<YamlDocument>> slow =
            YamlDetail::parseYamlDocumentsWithYamlCpp(yaml, fileName);
        QCOMPARE(slow.ok(), handled);
        if (handled)
            QCOMPARE(fast->first().value, slow->first().value);
        else
            QVERIFY2(slow.error().message.startsWith(QLatin1String("duplicate key")),
                     qPrintable(slow.error().toString()));
    }

    void nesting_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<int>("line"); // of the node one level too deep
        QTest::addColumn<int>("column");
        constexpr int limit = YamlLimits::maxNesting;
        // The node at level limit + 1 is the (limit + 2)th '['.
        QTest::addRow("200,000 [ ]")
            << QByteArray(QByteArray(200'000, '[') + QByteArray(200'000, ']') + "\n") << 1
            << limit + 2;
        // Unclosed, yaml-cpp reads each '[' as a list and a key's map in it: the error names one
        // of the brackets (column 0 here: a bracket, which).
        QTest::addRow("200,000 [") << QByteArray(200'000, '[') << 1 << 0;
        QByteArray maps;
        for (int i = 0; i < 200'000; ++i)
            maps += "{a: ";
        QTest::addRow("200,000 {a:") << maps << 1 << 0;
        // Block maps, each level indented two more: level k starts on line k + 1, column 2k + 1.
        QByteArray block;
        for (int i = 0; i < 2000; ++i)
            block += QByteArray(2 * i, ' ') + "a:\n";
        block += QByteArray(2 * 2000, ' ') + "x\n";
        QTest::addRow("block maps") << block << limit + 2 << 2 * (limit + 1) + 1;
        // Block sequences: "- - - ..." opens one per dash.
        QByteArray dashes;
        for (int i = 0; i < 2000; ++i)
            dashes += "- ";
        QTest::addRow("block sequences") << QByteArray(dashes + "x\n") << 1 << 2 * (limit + 1) + 1;
        // A list of maps whose "b" is a list of maps ...: level 2k is a list at column 4k + 1.
        QByteArray mixed;
        for (int i = 0; i < 2000; ++i)
            mixed += QByteArray(4 * i, ' ') + "- a: 1\n" + QByteArray(4 * i + 2, ' ') + "b:\n";
        mixed += QByteArray(4 * 2000, ' ') + "- x\n";
        // Level 257 is the map in the list of line 129 (column 4 * 128 + 3).
        QTest::addRow("block lists of maps") << mixed << 2 * 128 + 1 << 4 * 128 + 3;
    }

    void nesting()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(int, line);
        QFETCH(int, column);
        QVERIFY(!YamlDetail::parseYamlFast(yaml, {})); // declined, not crashed
        for (const auto &[name, read] : readers()) {
            const Result<QList<YamlDocument>> docs = read(yaml);
            QVERIFY2(!docs.ok(), name);
            const Error &e = docs.error();
            QVERIFY2(
                e.message ==
                    QStringLiteral("nesting deeper than %1 levels").arg(YamlLimits::maxNesting),
                qPrintable(QString::fromLatin1(name) + QLatin1String(": ") + e.toString()));
            QCOMPARE(e.file, fileName);
            QVERIFY2(e.line >= 1 && e.column >= 1, qPrintable(e.toString()));
            if (line)
                QCOMPARE(e.line, line);
            if (column)
                QCOMPARE(e.column, column);
            else if (line)
                QVERIFY2(byteAt(yaml, e.line, e.column) == '[' ||
                             byteAt(yaml, e.line, e.column) == '{',
                         qPrintable(e.toString()));
        }
    }

    void nestingAtTheLimitIsRead()
    {
        const int limit = YamlLimits::maxNesting;
        const QByteArray yaml = QByteArray(limit, '[') + "x" + QByteArray(limit, ']') + "\n";
        for (const auto &[name, read] : readers()) {
            const Result<QList<YamlDocument>> docs = read(yaml);
            QVERIFY2(docs.ok(), qPrintable(QString::fromLatin1(name) +
                                           (docs.ok() ? QString() : docs.error().toString())));
        }
    }

    void inputSize()
    {
        // The limit (1 GiB) lowered through its seam: nothing of that size need be allocated.
        const QByteArray yaml = "a: " + QByteArray(200, 'x') + "\n";
        YamlParseOptions options;
        options.maxInputBytes = yaml.size() - 1;
        QVERIFY(!YamlDetail::parseYamlFast(yaml, options));
        for (const Result<QList<YamlDocument>> &docs :
             {parseYamlDocuments(yaml, fileName, options),
              YamlDetail::parseYamlDocumentsWithYamlCpp(yaml, fileName, options)}) {
            QVERIFY(!docs.ok());
            QCOMPARE(docs.error().file, fileName);
            QVERIFY2(docs.error().message.contains(QLatin1String("split it into smaller files")),
                     qPrintable(docs.error().toString()));
        }
        options.maxInputBytes = yaml.size();
        QVERIFY(YamlDetail::parseYamlFast(yaml, options));
        QVERIFY(parseYamlDocuments(yaml, fileName, options).ok());
        QCOMPARE(YamlParseOptions().maxInputBytes, qsizetype(1024) * 1024 * 1024);
    }
};

QTEST_GUILESS_MAIN(TestYamlHostile)
#include "tst_yamlhostile.moc"
