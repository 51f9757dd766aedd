// Credentials out of Git by default: the Secret a release's credentials move to (its name, and
// values Flux's targetPath merge reads back unchanged), and taking credential values out of
// edited values (for .fluxdesk/plan.yaml) and back from the running release.
#include "schemacheck.h"

#include "helm/helmreleasegenerator.h"
#include "helm/valuescredentials.h"
#include "manifest/yamlwriter.h"

#include <QJsonArray>
#include <QtTest>

using namespace Fluxdesk;
using Fluxdesk::Testing::SchemaSet;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// What helm-controller makes of a Secret key read through a valuesFrom entry with a targetPath:
// fluxcd/pkg chartutil.ReplacePathValue (a value quoted at both ends loses every quote
// character there and is read as a string, anything else is typed) feeding Helm's strvals
// parser (a leading '{' starts a list, ',' ends the value, '\' takes the next character as it
// is). *rest is what the parser would read as a further key=value.
QJsonValue fluxReadsBack(QString text, QString *rest)
{
    bool asString = false;
    const auto quotedWith = [&text](QChar q) {
        return text.size() >= 1 && text.startsWith(q) && text.endsWith(q);
    };
    if (quotedWith(QLatin1Char('\'')) || quotedWith(QLatin1Char('"'))) {
        const auto isQuote = [](QChar c) {
            return c == QLatin1Char('\'') || c == QLatin1Char('"');
        };
        while (!text.isEmpty() && isQuote(text.front()))
            text.remove(0, 1);
        while (!text.isEmpty() && isQuote(text.back()))
            text.chop(1);
        asString = true;
    }
    if (text.startsWith(QLatin1Char('{'))) {
        *rest = s("<a list>");
        return {};
    }
    QString value;
    qsizetype i = 0;
    for (; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char(',')) {
            *rest = text.mid(i + 1);
            break;
        }
        if (c == QLatin1Char('\\') && i + 1 < text.size())
            value += text.at(++i);
        else if (c != QLatin1Char('\\'))
            value += c;
    }
    if (asString)
        return value;
    if (value.compare(s("true"), Qt::CaseInsensitive) == 0)
        return true;
    if (value.compare(s("false"), Qt::CaseInsensitive) == 0)
        return false;
    if (value.compare(s("null"), Qt::CaseInsensitive) == 0)
        return QJsonValue(QJsonValue::Null);
    if (value == s("0"))
        return 0;
    bool ok = false;
    const qlonglong number = value.toLongLong(&ok);
    if (ok && !value.startsWith(QLatin1Char('0')) && !value.contains(QLatin1Char(' ')))
        return double(number);
    return value;
}

} // namespace

class TestValuesCredentials : public QObject
{
    Q_OBJECT

    SchemaSet m_schemas;

private slots:
    void initTestCase()
    {
        const Result<SchemaSet> loaded =
            SchemaSet::load(QStringLiteral(FLUXDESK_TEST_DATA "/flux-schema"));
        QVERIFY2(loaded.ok(), qPrintable(loaded.error().toString()));
        m_schemas = *loaded;
    }

    void secretNames_data()
    {
        QTest::addColumn<QString>("release");
        QTest::addColumn<QString>("secret");
        QTest::addRow("plain") << s("grafana") << s("grafana-values");
        QTest::addRow("dots") << s("my.app") << s("my-app-values");
        QTest::addRow("upper and underscores") << s("My_App__2") << s("my-app-2-values");
        QTest::addRow("edges") << s("-x-") << s("x-values");
        QTest::addRow("nothing usable") << s("__") << s("release-values");
    }

    void secretNames()
    {
        QFETCH(QString, release);
        QFETCH(QString, secret);
        QCOMPARE(valuesSecretName(release), secret);
        QCOMPARE(valuesSecretName(release), valuesSecretName(release));
        QVERIFY(valuesSecretName(release.repeated(60)).size() <= 253);
        QVERIFY(!valuesSecretName(release.repeated(60)).contains(s("--")));
    }

    void valuesReadBackUnchanged_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expectedText"); // empty: not checked
        QTest::addRow("plain") << QJsonValue(s("demo-password-change-me"))
                               << s("demo-password-change-me");
        QTest::addRow("comma") << QJsonValue(s("pa,ss")) << s("pa\\,ss");
        QTest::addRow("backslash") << QJsonValue(s("a\\b\\")) << s("a\\\\b\\\\");
        QTest::addRow("braces") << QJsonValue(s("{not-a-list}")) << s("\\{not-a-list}");
        QTest::addRow("single quoted") << QJsonValue(s("'quoted'")) << QString();
        QTest::addRow("double quoted") << QJsonValue(s("\"x\"")) << QString();
        QTest::addRow("quote at the end") << QJsonValue(s("abc'")) << QString();
        QTest::addRow("equals and spaces") << QJsonValue(s(" a=b c ")) << s(" a=b c ");
        QTest::addRow("digits as text") << QJsonValue(s("1234567")) << s("\"1234567\"");
        QTest::addRow("zero as text") << QJsonValue(s("0")) << QString();
        QTest::addRow("signed") << QJsonValue(s("-42")) << QString();
        QTest::addRow("leading zero") << QJsonValue(s("007")) << QString();
        QTest::addRow("bool as text") << QJsonValue(s("True")) << s("\"True\"");
        QTest::addRow("null as text") << QJsonValue(s("null")) << QString();
        QTest::addRow("number") << QJsonValue(12345) << s("12345");
        QTest::addRow("large number") << QJsonValue(1234567) << s("1234567");
        QTest::addRow("unicode") << QJsonValue(s("pässwörd,✓")) << QString();
    }

    void valuesReadBackUnchanged()
    {
        QFETCH(QJsonValue, value);
        QFETCH(QString, expectedText);
        const QString text = helmSetValueText(value);
        if (!expectedText.isEmpty())
            QCOMPARE(text, expectedText);
        QString rest;
        QCOMPARE(fluxReadsBack(text, &rest), value);
        QVERIFY2(rest.isEmpty(), qPrintable(rest));
    }

    void movedValuesAreEncodedAndSchemaValid()
    {
        HelmRelease r;
        r.name = s("my.app");
        r.ns = s("apps");
        r.status = s("deployed");
        r.chartName = s("grafana");
        r.chartVersion = s("10.2.0");
        r.values = QJsonObject{
            {s("adminPassword"), s("a,b")},
            {s("grafana.ini"), QJsonObject{{s("security"), QJsonObject{{s("secret_key"), 7}}}}},
            {s("replicas"), 2}};
        const Result<HelmConversion> c = convertHelmRelease(r, ChartSourceResolution());
        QVERIFY(c.ok());
        // A credential known only by its path (the plan file keeps no value) is read from the
        // Secret all the same; the Secret has no key for it.
        QList<CredentialFinding> findings = c->credentials;
        findings.append(credentialFindingForPath(s("smtp.password")));
        QVERIFY(findings.last().movable());
        QVERIFY(findings.last().value.isUndefined());
        const ValuesSecretMove move = moveCredentialsToSecret(c->helmRelease, findings);
        QCOMPARE(move.moved.size(), 3);
        const QJsonObject spec = move.helmRelease.value(s("spec")).toObject();
        QCOMPARE(spec.value(s("values")).toObject(), (QJsonObject{{s("replicas"), 2}}));
        const QJsonArray valuesFrom = spec.value(s("valuesFrom")).toArray();
        QCOMPARE(valuesFrom.size(), 3);
        for (const QJsonValue &entry : valuesFrom) {
            QCOMPARE(entry.toObject().value(s("name")).toString(), s("my-app-values"));
            QVERIFY(!entry.toObject().contains(s("literal"))); // unknown to Flux 2.7 and 2.8
        }
        QCOMPARE(valuesFrom.at(2).toObject().value(s("targetPath")).toString(), s("smtp.password"));
        const QJsonObject data = move.secret.value(s("stringData")).toObject();
        QCOMPARE(data.keys(),
                 (QStringList{s("adminPassword"), s("grafana.ini.security.secret_key")}));
        QCOMPARE(data.value(s("adminPassword")).toString(), s("a\\,b"));
        QCOMPARE(data.value(s("grafana.ini.security.secret_key")).toString(), s("7"));
        QCOMPARE(move.secret.value(s("metadata")).toObject().value(s("name")).toString(),
                 s("my-app-values"));
        for (const QJsonObject &object : {move.helmRelease, move.secret}) {
            const QStringList errors = m_schemas.validate(object);
            QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        }
    }

    void pathsParse_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("count");
        QTest::addRow("key") << s("adminPassword") << true << 1;
        QTest::addRow("nested") << s("auth.admin.password") << true << 3;
        QTest::addRow("quoted key") << s("[\"grafana.ini\"].security.secret_key") << true << 3;
        QTest::addRow("escapes") << s("a[\"x\\\"y\\\\z\"]") << true << 2;
        QTest::addRow("index") << s("env[0].value") << true << 3;
        QTest::addRow("nested lists") << s("a[1][2]") << true << 3;
        QTest::addRow("empty") << QString() << false << 0;
        QTest::addRow("trailing dot") << s("a.") << false << 0;
        QTest::addRow("double dot") << s("a..b") << false << 0;
        QTest::addRow("open bracket") << s("a[1") << false << 0;
        QTest::addRow("open quote") << s("a[\"b]") << false << 0;
        QTest::addRow("negative index") << s("a[-1]") << false << 0;
        QTest::addRow("junk after bracket") << s("a[1]b") << false << 0;
    }

    void pathsParse()
    {
        QFETCH(QString, path);
        QFETCH(bool, ok);
        QFETCH(int, count);
        QList<ValuesPathSegment> segments;
        QCOMPARE(parseValuesPath(path, &segments), ok);
        QCOMPARE(int(segments.size()), count);
    }

    void credentialValuesLeaveAndComeBack()
    {
        const QString secretValue = s("s3cr3t-Adm1n-pa55");
        const QJsonObject values{
            {s("adminPassword"), secretValue},
            {s("grafana.ini"),
             QJsonObject{{s("security"),
                          QJsonObject{{s("secret_key"), s("abc")}, {s("cookie_secure"), true}}}}},
            {s("env"), QJsonArray{QJsonObject{{s("name"), s("API_TOKEN")},
                                              {s("value"), s("Zx81Lk02Qp93Mn74Rt65Vb56")}},
                                  QJsonObject{{s("name"), s("MODE")}, {s("value"), s("x")}}}},
            {s("tokens"), QJsonArray{s("Qa81Lk02Zp93Mn74Rt65Vb57"), s("short")}},
            {s("smtp"), QJsonObject{{s("user"), s("me")}, {s("password"), 12345}}},
            {s("replicas"), 2}};

        // Every finding's path reads back as its segments.
        const QList<CredentialFinding> findings = findCredentialValues(values);
        QCOMPARE(findings.size(), 5);
        for (const CredentialFinding &f : findings) {
            QList<ValuesPathSegment> segments;
            QVERIFY2(parseValuesPath(f.path, &segments), qPrintable(f.path));
            QCOMPARE(segments.size(), f.segments.size());
            for (int i = 0; i < segments.size(); ++i) {
                QCOMPARE(segments.at(i).key, f.segments.at(i).key);
                QCOMPARE(segments.at(i).index, f.segments.at(i).index);
            }
            QCOMPARE(valueAtPath(values, segments), f.value);
        }

        const ValuesWithoutCredentials stripped = withoutCredentialValues(values);
        QCOMPARE(stripped.paths, (QStringList{s("adminPassword"), s("env[0].value"),
                                              s("[\"grafana.ini\"].security.secret_key"),
                                              s("smtp.password"), s("tokens[0]")}));
        const QString text = toYaml(stripped.values);
        for (const CredentialFinding &f : findings)
            QVERIFY2(!text.contains(f.value.isString() ? f.value.toString() : s("12345")),
                     qPrintable(text));
        QVERIFY(findCredentialValues(stripped.values).isEmpty());
        // The rest stays, list positions included.
        QCOMPARE(stripped.values.value(s("replicas")).toInt(), 2);
        QCOMPARE(stripped.values.value(s("tokens")).toArray(),
                 (QJsonArray{QJsonValue::Null, s("short")}));
        QCOMPARE(stripped.values.value(s("env")).toArray().at(0).toObject(),
                 (QJsonObject{{s("name"), s("API_TOKEN")}}));

        // Back from the running release: the same values.
        QStringList missing;
        QCOMPARE(withCredentialValuesFrom(stripped.values, values, stripped.paths, &missing),
                 values);
        QVERIFY(missing.isEmpty());

        // A release without them: the paths are reported, the rest is as it was.
        const QJsonObject running{{s("replicas"), 1}, {s("adminPassword"), s("other")}};
        const QJsonObject restored =
            withCredentialValuesFrom(stripped.values, running, stripped.paths, &missing);
        QCOMPARE(missing, stripped.paths.mid(1));
        QCOMPARE(restored.value(s("adminPassword")).toString(), s("other"));
        QCOMPARE(restored.value(s("replicas")).toInt(), 2);
        QVERIFY(!restored.value(s("smtp")).toObject().contains(s("password")));
    }
};

QTEST_GUILESS_MAIN(TestValuesCredentials)
#include "tst_valuescredentials.moc"
