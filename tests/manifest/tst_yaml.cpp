#include "manifest/yamljson.h"
#include "manifest/yamlwriter.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace Fluxdesk;

namespace {

QJsonValue parseOne(const QByteArray &yaml)
{
    const Result<QList<YamlDocument>> docs = parseYamlDocuments(yaml, QStringLiteral("t.yaml"));
    if (!docs.ok() || docs->size() != 1)
        return QJsonValue(QJsonValue::Undefined);
    return docs->first().value;
}

} // namespace

class TestYaml : public QObject
{
    Q_OBJECT

private slots:
    void scalars_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QJsonValue>("expected");
        QTest::addRow("int") << QByteArray("v: 42") << QJsonValue(42);
        QTest::addRow("negative int") << QByteArray("v: -7") << QJsonValue(-7);
        QTest::addRow("float") << QByteArray("v: 1.5") << QJsonValue(1.5);
        QTest::addRow("exponent") << QByteArray("v: 1e3") << QJsonValue(1000.0);
        QTest::addRow("hex") << QByteArray("v: 0x1F") << QJsonValue(31);
        QTest::addRow("octal 1.2") << QByteArray("v: 0o17") << QJsonValue(15);
        QTest::addRow("leading zero is int in 1.2") << QByteArray("v: 0123") << QJsonValue(123);
        QTest::addRow("true") << QByteArray("v: true") << QJsonValue(true);
        QTest::addRow("False") << QByteArray("v: False") << QJsonValue(false);
        QTest::addRow("yes is a string in 1.2")
            << QByteArray("v: yes") << QJsonValue(QStringLiteral("yes"));
        QTest::addRow("null") << QByteArray("v: null") << QJsonValue(QJsonValue::Null);
        QTest::addRow("tilde") << QByteArray("v: ~") << QJsonValue(QJsonValue::Null);
        QTest::addRow("empty") << QByteArray("v:") << QJsonValue(QJsonValue::Null);
        QTest::addRow("inf stays text")
            << QByteArray("v: .inf") << QJsonValue(QStringLiteral(".inf"));
        QTest::addRow("huge int stays exact text")
            << QByteArray("v: 123456789012345678901")
            << QJsonValue(QStringLiteral("123456789012345678901"));
        QTest::addRow("version string")
            << QByteArray("v: 1.2.3") << QJsonValue(QStringLiteral("1.2.3"));
        QTest::addRow("double-quoted number")
            << QByteArray("v: \"42\"") << QJsonValue(QStringLiteral("42"));
        QTest::addRow("single-quoted true")
            << QByteArray("v: 'true'") << QJsonValue(QStringLiteral("true"));
        QTest::addRow("quoted null")
            << QByteArray("v: \"null\"") << QJsonValue(QStringLiteral("null"));
        QTest::addRow("quoted empty") << QByteArray("v: ''") << QJsonValue(QString());
        QTest::addRow("explicit str tag")
            << QByteArray("v: !!str 12") << QJsonValue(QStringLiteral("12"));
        QTest::addRow("escapes") << QByteArray("v: \"a\\tb\\n\\u00e9\"")
                                 << QJsonValue(QStringLiteral("a\tb\n\u00e9"));
        QTest::addRow("escaped double quote")
            << QByteArray("v: \"say \\\"hi\\\"\"") << QJsonValue(QStringLiteral("say \"hi\""));
        QTest::addRow("doubled single quote")
            << QByteArray("v: 'it''s'") << QJsonValue(QStringLiteral("it's"));
        QTest::addRow("literal block") << QByteArray("v: |\n  line1\n  line2\n")
                                       << QJsonValue(QStringLiteral("line1\nline2\n"));
        QTest::addRow("folded strip")
            << QByteArray("v: >-\n  a\n  b\n") << QJsonValue(QStringLiteral("a b"));
        QTest::addRow("utf-8") << QByteArray("v: gr\xc3\xbc\xc3\x9f")
                               << QJsonValue(QStringLiteral("gr\u00fc\u00df"));
    }

    void scalars()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QJsonValue, expected);
        const QJsonValue v = parseOne(yaml);
        QVERIFY2(v.isObject(), yaml.constData());
        QCOMPARE(v.toObject().value(QLatin1String("v")), expected);
    }

    void documents()
    {
        const Result<QList<YamlDocument>> docs = parseYamlDocuments(
            "a: 1\n---\n---\n# empty\n---\n\nb: [1, {c: d}]\n...\n", QStringLiteral("m.yaml"));
        QVERIFY2(docs.ok(), qPrintable(docs.error().toString()));
        QCOMPARE(docs->size(), 2);
        QCOMPARE(docs->at(0).line, 1);
        QCOMPARE(docs->at(1).line, 7);
        QCOMPARE(QJsonDocument(docs->at(1).value.toObject()).toJson(QJsonDocument::Compact),
                 QByteArray(R"({"b":[1,{"c":"d"}]})"));

        const Result<QJsonValue> single = parseYamlValue("", QStringLiteral("e.yaml"));
        QVERIFY(single.ok());
        QCOMPARE(single.value(), QJsonValue(QJsonObject()));
        const Result<QJsonValue> two =
            parseYamlValue("a: 1\n---\nb: 2\n", QStringLiteral("2.yaml"));
        QVERIFY(!two.ok());
        QCOMPARE(two.error().line, 3);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("text");
        QTest::addRow("duplicate key") << QByteArray("a: 1\nb:\n  c: 1\n  c: 2\n") << 4 << 3
                                       << QStringLiteral("duplicate key \"c\"");
        QTest::addRow("tab indent") << QByteArray("a:\n\tb: 1\n") << 2 << 0 << QString();
        QTest::addRow("unterminated quote")
            << QByteArray("a: 1\nb: \"open\n") << 0 << 0 << QString();
        QTest::addRow("unterminated single quote")
            << QByteArray("a: 1\nb: 'it''s open\n") << 2 << 4 << QStringLiteral("unterminated");
        QTest::addRow("unterminated quoted key")
            << QByteArray("a: 1\n\"b: 2\n") << 0 << 0 << QString();
        QTest::addRow("non-UTF-8")
            << QByteArray("a: 1\nb: caf\xe9\n") << 2 << 7 << QStringLiteral("UTF-8");
        QTest::addRow("overlong UTF-8")
            << QByteArray("a: \xc0\xaf\n") << 1 << 4 << QStringLiteral("UTF-8");
        QTest::addRow("NUL byte") << QByteArray("a: 1\nb: x\0y\n", 12) << 2 << 5
                                  << QStringLiteral("NUL");
        QTest::addRow("bad indentation")
            << QByteArray("a:\n  b: 1\n c: 2\n") << 3 << 0 << QString();
        QTest::addRow("complex key")
            << QByteArray("? [a, b]\n: 1\n") << 1 << 0 << QStringLiteral("scalar keys");
    }

    void errors()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, text);
        const Result<QList<YamlDocument>> docs = parseYamlDocuments(yaml, QStringLiteral("e.yaml"));
        QVERIFY(!docs.ok());
        const Error &e = docs.error();
        QCOMPARE(e.file, QStringLiteral("e.yaml"));
        QVERIFY2(e.line >= 1, qPrintable(e.toString()));
        if (line)
            QCOMPARE(e.line, line);
        if (column)
            QCOMPARE(e.column, column);
        QVERIFY2(e.message.contains(text), qPrintable(e.message));
        QVERIFY(!e.message.isEmpty());
    }

    void aliasBombFailsQuickly()
    {
        // Nine levels of ten aliases each: 10^9 nodes if expanded.
        QByteArray yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
        for (int i = 1; i <= 9; ++i) {
            yaml += QByteArray("a") + QByteArray::number(i) + ": &a" + QByteArray::number(i) + " [";
            for (int k = 0; k < 10; ++k)
                yaml += (k ? ", *a" : "*a") + QByteArray::number(i - 1);
            yaml += "]\n";
        }
        QElapsedTimer timer;
        timer.start();
        YamlParseOptions options;
        options.maxNodes = 100000;
        const Result<QList<YamlDocument>> docs =
            parseYamlDocuments(yaml, QStringLiteral("bomb.yaml"), options);
        QVERIFY(!docs.ok());
        QVERIFY2(docs.error().message.contains(QLatin1String("too large")),
                 qPrintable(docs.error().message));
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
        // With the default budget it fails too, still in reasonable time.
        timer.restart();
        QVERIFY(!parseYamlDocuments(yaml, QStringLiteral("bomb.yaml")).ok());
        QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
        // A few aliases are fine.
        const QJsonValue ok = parseOne("base: &b {x: 1}\nuse: *b\n");
        QCOMPARE(ok.toObject().value(QLatin1String("use")).toObject().value(QLatin1String("x")),
                 QJsonValue(1));
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("text");
        const QStringList tricky = {
            QStringLiteral("yes"),
            QStringLiteral("no"),
            QStringLiteral("on"),
            QStringLiteral("y"),
            QStringLiteral("true"),
            QStringLiteral("null"),
            QStringLiteral("~"),
            QStringLiteral("0123"),
            QStringLiteral("1e3"),
            QStringLiteral("0x1F"),
            QStringLiteral("0o17"),
            QStringLiteral(".5"),
            QStringLiteral("1_000"),
            QStringLiteral("12:30"),
            QStringLiteral("-"),
            QStringLiteral("- x"),
            QStringLiteral(": x"),
            QStringLiteral("a: b"),
            QStringLiteral("a:"),
            QStringLiteral("#x"),
            QStringLiteral("a #b"),
            QStringLiteral("a#b"),
            QStringLiteral("'quoted'"),
            QStringLiteral("\"dq\""),
            QStringLiteral("it's"),
            QStringLiteral("back\\slash"),
            QStringLiteral(""),
            QStringLiteral(" leading space"),
            QStringLiteral("trailing "),
            QStringLiteral("line1\nline2\n"),
            QStringLiteral("no newline\nat end"),
            QStringLiteral("two\ntrailing\n\n"),
            QStringLiteral("\nleading newline"),
            QStringLiteral("  indented\nblock\n"),
            QStringLiteral("tab\there"),
            QStringLiteral("cr\r\nlf"),
            QStringLiteral("{braces}"),
            QStringLiteral("[brackets]"),
            QStringLiteral("*alias"),
            QStringLiteral("&anchor"),
            QStringLiteral("!tag"),
            QStringLiteral("%directive"),
            QStringLiteral("@at"),
            QStringLiteral("`tick"),
            QStringLiteral("|"),
            QStringLiteral(">"),
            QStringLiteral("?"),
            QStringLiteral("? x"),
            QStringLiteral("---"),
            QStringLiteral("..."),
            QStringLiteral("\u00e9t\u00e9 \U0001F600"),
            QStringLiteral("bell\a"),
            QStringLiteral("\u0085nel"),
            QStringLiteral("ls\u2028sep"),
            QStringLiteral("ps\u2029sep"),
            QStringLiteral("csi\u009b[2J"),
            QStringLiteral("del\u007f"),
            QStringLiteral("nonchar\uFFFE"),
            QStringLiteral("esc\u001b]0;title\u0007"),
            QStringLiteral("line\n  indented second\n"),
            QStringLiteral("\n"),
            QStringLiteral("a\n\nb\n"),
            QStringLiteral(" "),
        };
        for (const QString &t : tricky)
            QTest::addRow("%s",
                          QJsonDocument(QJsonArray{t}).toJson(QJsonDocument::Compact).constData())
                << t;
    }

    void roundTrip()
    {
        QFETCH(QString, text);
        // As a value, as a key, in a list and inside a nested map.
        const QJsonObject nested{{QStringLiteral("k"), text}};
        const QJsonObject object{{QStringLiteral("value"), text},
                                 {text.isEmpty() ? QStringLiteral("empty") : text, 1},
                                 {QStringLiteral("list"), QJsonArray{text, text}},
                                 {QStringLiteral("nested"), nested},
                                 {QStringLiteral("listOfMaps"), QJsonArray{nested}}};
        const QString yaml = toYaml(object);
        // Only YAML's printable characters stand raw (other readers refuse the rest, and YAML 1.1
        // readers take NEL, U+2028 and U+2029 for line breaks).
        for (const QChar c : yaml) {
            const char16_t u = c.unicode();
            QVERIFY2(
                (u >= 0x20 && u != 0x7f && (u < 0x80 || u > 0x9f) && u != 0x2028 && u != 0x2029 &&
                 u != 0xFFFE && u != 0xFFFF) ||
                    u == u'\n' || u == u'\t',
                qPrintable(
                    QStringLiteral("U+%1 raw in: %2").arg(u, 4, 16, QLatin1Char('0')).arg(yaml)));
        }
        const QJsonValue back = parseOne(yaml.toUtf8());
        QVERIFY2(back.isObject(), qPrintable(yaml));
        QVERIFY2(back.toObject() == object,
                 qPrintable(yaml + QLatin1String("\n=> ") +
                            QString::fromUtf8(QJsonDocument(back.toObject()).toJson())));
    }

    void roundTripValues()
    {
        const QJsonObject object{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("c")},
                         {QStringLiteral("annotations"), QJsonObject()},
                         {QStringLiteral("labels"), QJsonObject{{QStringLiteral("a"), 1}}}}},
            {QStringLiteral("data"),
             QJsonObject{{QStringLiteral("int"), 3},
                         {QStringLiteral("neg"), -2.5},
                         {QStringLiteral("big"), 1e20},
                         {QStringLiteral("small"), 1.25e-7},
                         {QStringLiteral("t"), true},
                         {QStringLiteral("n"), QJsonValue(QJsonValue::Null)},
                         {QStringLiteral("emptyList"), QJsonArray()},
                         {QStringLiteral("emptyMap"), QJsonObject()},
                         {QStringLiteral("nestedLists"),
                          QJsonArray{QJsonArray{1, 2}, QJsonArray(), QJsonArray{QJsonArray{3}}}},
                         {QStringLiteral("mapsInList"),
                          QJsonArray{QJsonObject{{QStringLiteral("a"), 1},
                                                 {QStringLiteral("b"),
                                                  QJsonObject{{QStringLiteral("c"), 2}}}},
                                     QJsonObject()}}}}};
        const QString yaml = toYaml(object);
        // An exponent gets a '.' before it: YAML 1.1 (PyYAML) reads "1e+20" as a string.
        QVERIFY2(yaml.contains(QLatin1String("  big: 1.0e+20\n")), qPrintable(yaml));
        QVERIFY2(yaml.startsWith(QLatin1String("apiVersion: v1\nkind: ConfigMap\nmetadata:\n"
                                               "  name: c\n  labels:\n")),
                 qPrintable(yaml));
        const QJsonValue back = parseOne(yaml.toUtf8());
        QVERIFY2(back.toObject() == object, qPrintable(yaml));

        const QString docs = toYamlDocuments({object, object});
        const Result<QList<YamlDocument>> parsed =
            parseYamlDocuments(docs.toUtf8(), QStringLiteral("d.yaml"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
        QCOMPARE(parsed->size(), 2);
        QCOMPARE(parsed->at(1).value.toObject(), object);

        // Top-level scalars and arrays.
        QCOMPARE(parseOne(toYaml(QJsonArray{1, QStringLiteral("yes")}).toUtf8()),
                 QJsonValue(QJsonArray{1, QStringLiteral("yes")}));
        QCOMPARE(parseOne(toYaml(QStringLiteral("0123")).toUtf8()),
                 QJsonValue(QStringLiteral("0123")));
    }

    void plainSafe()
    {
        QVERIFY(isPlainSafe(QStringLiteral("hello world")));
        QVERIFY(isPlainSafe(QStringLiteral("ghcr.io/ggml-org/llama.cpp:server")));
        QVERIFY(isPlainSafe(QStringLiteral("http://loki:3100")));
        QVERIFY(!isPlainSafe(QStringLiteral("yes")));
        QVERIFY(!isPlainSafe(QStringLiteral("0123")));
        QVERIFY(!isPlainSafe(QStringLiteral("1e3")));
        QVERIFY(!isPlainSafe(QStringLiteral(": x")));
        QVERIFY(!isPlainSafe(QStringLiteral("#x")));
        QVERIFY(!isPlainSafe(QString()));
        QVERIFY(!isPlainSafe(QStringLiteral(" x")));
        // Every word a YAML 1.1 or 1.2 reader takes for null or a boolean stays quoted; words
        // that only start like one are plain.
        for (const char *word :
             {"null",  "Null", "NULL", "~",   "true", "True", "TRUE", "false", "False",
              "FALSE", "yes",  "Yes",  "YES", "no",   "No",   "NO",   "on",    "On",
              "ON",    "off",  "Off",  "OFF", "y",    "Y",    "n",    "N"})
            QVERIFY2(!isPlainSafe(QString::fromLatin1(word)), word);
        // Mixed case ("nO", "tRUE") is quoted too: see quoting().
        for (const char *word :
             {"nulls", "name", "namespace", "offset", "Onion", "yaml", "type", "falsey", "~x"})
            QVERIFY2(isPlainSafe(QString::fromLatin1(word)), word);
    }

    // Every string a YAML 1.1 or 1.2 reader (PyYAML, go-yaml v2 and v3 as kubectl, kustomize and
    // Flux use them, Fluxdesk's own parser) types as something else is quoted; look-alikes that
    // no reader types stay plain. tst_typeroundtrip runs the same strings through the real
    // kubectl kustomize and PyYAML.
    void quoting_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("plain");
        const auto quoted = [](const char *text) {
            QTest::addRow("quoted %s", text) << QString::fromUtf8(text) << false;
        };
        const auto plain = [](const char *text) {
            QTest::addRow("plain %s", text) << QString::fromUtf8(text) << true;
        };
        // YAML 1.1 timestamps (PyYAML) and go-yaml's time.Parse layouts, one-digit fields too.
        for (const char *t :
             {"2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2002-12-14",
              "2024-04-01", "2024-4-1", "2006-1-2", "2006-1-2T15:4:5.999999999Z",
              "2006-1-2T15:4:5.999999999+07:00", "2006-1-2t15:4:5-07:00",
              "2006-1-2 15:4:5.999999999", "2006-1-2 15:4:5", "2006-1-2   15:4:5,5",
              "2024-04-01T00:00:00Z", "2001-12-14T21:59:43.10", "2001-12-14 21:59:43.10 Z",
              "2001-12-14T21:59:43.", "2024-02-30"})
            quoted(t);
        // Base 60, with and without sign or fraction.
        for (const char *t : {"190:20:30", "-1:30", "+1:30", "1:30.5", "12:30", "0:30", "1_0:30",
                              "1:2:3:4", "-190:20:30.15"})
            quoted(t);
        // null and bool words in any case.
        for (const char *t : {"yEs", "YeS", "nO", "tRUE", "fAlSe", "oN", "oFf", "OfF", "nuLL",
                              "NULL", "y", "Y", "n", "N", "~"})
            quoted(t);
        // Integers in every base and sign, underscores anywhere after the first character.
        for (const char *t : {"0x1F",
                              "0X1F",
                              "+0x1F",
                              "-0x1f",
                              "-0b101",
                              "+0b101",
                              "0B1",
                              "0b1",
                              "0o17",
                              "0O17",
                              "+0o17",
                              "-0o17",
                              "0755",
                              "-0755",
                              "09",
                              "0",
                              "123",
                              "-1",
                              "+1",
                              "1_000",
                              "0x_1F",
                              "1__0",
                              "1_",
                              "0_",
                              "0b_",
                              "-0b_",
                              "0x_",
                              "-_1",
                              "99999999999999999999"})
            quoted(t);
        // Floats, infinities and NaN.
        for (const char *t :
             {"1e5",   "1E+5",    "1e-5",  "6e13",     ".5",   "+.5",  "-.5",  "1.",
              "-1.",   "+1.5e-3", "1_0.5", "1.0e+999", ".5e3", ".inf", ".Inf", ".INF",
              "-.inf", "-.Inf",   "+.INF", ".nan",     ".NaN", ".NAN"})
            quoted(t);
        // YAML 1.1's merge key and value key.
        quoted("<<");
        quoted("=");

        // Look-alikes no reader types.
        for (const char *t : {"10Mi",
                              "500m",
                              "1.2.3",
                              "v1",
                              "nginx:1.25",
                              "--port=80",
                              "-v",
                              "-x1",
                              "1.0.0-rc1",
                              "3.3.0",
                              "10.0.0.1",
                              "0.0.0.0",
                              "8080:80",
                              "1:60",
                              "0x",
                              "0b",
                              "0o",
                              "0b2",
                              "0o8",
                              "0xG",
                              "0x1G",
                              "1e",
                              "1e+",
                              "e5",
                              "1e5x",
                              "0a1b2c3d-e5f6",
                              "0e1f",
                              "_1",
                              "inf",
                              "nan",
                              "Infinity",
                              "+Inf",
                              "-inf",
                              ".infinity",
                              "..5",
                              "2024-04",
                              "2024-04-01x",
                              "24-04-01",
                              "20240-01-01",
                              "2024-04-01T10:00",
                              "2006-1-2T15:4:5.999999999Z07:00",
                              "2024-04-01T10:00:00+0700",
                              "yess",
                              "nope",
                              "online",
                              "offline",
                              "o",
                              "t",
                              "f",
                              "yes-no",
                              "<",
                              "<<<",
                              "==",
                              "=x",
                              "a=b"})
            plain(t);
    }

    void quoting()
    {
        QFETCH(QString, text);
        QFETCH(bool, plain);
        QCOMPARE(isPlainSafe(text), plain);
        // Written quoted, it reads back as the same string; plain, as itself too.
        QCOMPARE(toYaml(QJsonObject{{text, 1}}).startsWith(text + QLatin1Char(':')), plain);
        const QJsonObject object{{QStringLiteral("v"), text}, {text, text}};
        QCOMPARE(parseOne(toYaml(object).toUtf8()), QJsonValue(object));
    }

    void positions_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("keyLine");
        QTest::addColumn<int>("keyColumn");
        // Lines of the second document below start at 3 ("---" on line 2).
        QTest::addRow("root") << QString() << 3 << 1 << 0 << 0;
        QTest::addRow("scalar") << QStringLiteral("kind") << 4 << 7 << 4 << 1;
        QTest::addRow("block map value") << QStringLiteral("metadata") << 6 << 3 << 5 << 1;
        QTest::addRow("nested") << QStringLiteral("metadata.name") << 6 << 9 << 6 << 3;
        QTest::addRow("dotted key")
            << QStringLiteral("metadata.annotations[\"a.b/c\"]") << 8 << 12 << 8 << 5;
        QTest::addRow("list item") << QStringLiteral("spec.containers[1]") << 13 << 7 << 0 << 0;
        QTest::addRow("list item member")
            << QStringLiteral("spec.containers[1].image") << 14 << 14 << 14 << 7;
        QTest::addRow("flow map member") << QStringLiteral("spec.flow.x") << 15 << 13 << 15 << 10;
        QTest::addRow("flow list") << QStringLiteral("spec.ports[2]") << 16 << 19 << 0 << 0;
        QTest::addRow("quoted key with quote")
            << QStringLiteral("spec[\"we\\\"ird\"]") << 17 << 14 << 17 << 3;
    }

    void positions()
    {
        QFETCH(QString, path);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(int, keyLine);
        QFETCH(int, keyColumn);
        const QByteArray yaml = "a: 1\n"
                                "---\n"
                                "apiVersion: v1\n"
                                "kind: Pod\n"
                                "metadata:\n"
                                "  name: web\n"
                                "  annotations:\n"
                                "    a.b/c: yes\n"
                                "spec:\n"
                                "  containers:\n"
                                "    - name: a\n"
                                "      image: a:1\n"
                                "    - name: b\n"
                                "      image: b:2\n"
                                "  flow: {x: 1, y: 2}\n"
                                "  ports: [80, 81, 82]\n"
                                "  \"we\\\"ird\": 1\n";
        YamlParseOptions options;
        options.recordPositions = true;
        const Result<QList<YamlDocument>> docs =
            parseYamlDocuments(yaml, QStringLiteral("p.yaml"), options);
        QVERIFY2(docs.ok(), qPrintable(docs.error().toString()));
        QCOMPARE(docs->size(), 2);
        const YamlDocument &doc = docs->at(1);
        QCOMPARE(doc.line, 3);
        QVERIFY2(doc.positions.contains(path), qPrintable(path));
        QCOMPARE(doc.positions.value(path), qMakePair(line, column));
        QCOMPARE(doc.keyPositions.value(path, qMakePair(0, 0)), qMakePair(keyLine, keyColumn));
        // The first document keeps its own positions.
        QCOMPARE(docs->at(0).positions.value(QStringLiteral("a")), qMakePair(1, 4));
        QVERIFY(!docs->at(0).positions.contains(QStringLiteral("kind")));
    }

    void positionsOffByDefault()
    {
        const Result<QList<YamlDocument>> docs =
            parseYamlDocuments("a:\n  b: 1\n", QStringLiteral("p.yaml"));
        QVERIFY(docs.ok());
        QVERIFY(docs->first().positions.isEmpty());
        QVERIFY(docs->first().keyPositions.isEmpty());
    }

    void positionOfFallsBack()
    {
        YamlParseOptions options;
        options.recordPositions = true;
        const Result<QList<YamlDocument>> docs = parseYamlDocuments(
            "x: 0\nmetadata:\n  labels: {}\n", QStringLiteral("p.yaml"), options);
        QVERIFY(docs.ok());
        // metadata.name is absent: its nearest ancestor, metadata, is where it would go.
        QCOMPARE(docs->first().positionOf(QStringLiteral("metadata.name")), qMakePair(3, 3));
        QCOMPARE(docs->first().positionOf(QStringLiteral("nothing.here")), qMakePair(1, 1));
    }

    void pathSyntax_data()
    {
        QTest::addColumn<QString>("parent");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expected");
        QTest::addRow("top") << QString() << QStringLiteral("metadata")
                             << QStringLiteral("metadata");
        QTest::addRow("nested") << QStringLiteral("metadata") << QStringLiteral("uid")
                                << QStringLiteral("metadata.uid");
        QTest::addRow("dots quoted")
            << QStringLiteral("metadata.annotations")
            << QStringLiteral("kubectl.kubernetes.io/last-applied-configuration")
            << QStringLiteral(
                   "metadata.annotations[\"kubectl.kubernetes.io/last-applied-configuration\"]");
        QTest::addRow("top dotted")
            << QString() << QStringLiteral("a.b") << QStringLiteral("[\"a.b\"]");
        QTest::addRow("escapes") << QStringLiteral("x") << QStringLiteral("q\"b\\s")
                                 << QStringLiteral("x[\"q\\\"b\\\\s\"]");
        QTest::addRow("empty key") << QStringLiteral("x") << QString() << QStringLiteral("x[\"\"]");
    }

    void pathSyntax()
    {
        QFETCH(QString, parent);
        QFETCH(QString, key);
        QFETCH(QString, expected);
        const QString path = yamlPathKey(parent, key);
        QCOMPARE(path, expected);
        QCOMPARE(yamlPathParent(path), parent);
        const QString indexed = yamlPathIndex(path, 3);
        QCOMPARE(indexed, expected + QStringLiteral("[3]"));
        QCOMPARE(yamlPathParent(indexed), path);
        QCOMPARE(yamlPathParent(yamlPathKey(path, QStringLiteral("tail"))), path);
    }
};

QTEST_GUILESS_MAIN(TestYaml)
#include "tst_yaml.moc"
