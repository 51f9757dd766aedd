// Control characters from a cluster, a snapshot or a Helm record never reach the terminal raw:
// printableForTerminal() itself, and fluxdesk-cli's tables, paths, warnings and errors over a
// snapshot whose names hold escape sequences.
#include "clirunner.h"
#include "testfiles.h"

#include "core/resources.h"
#include "core/terminaltext.h"
#include "kube/helmreleaserecord.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace Fluxdesk;
using Fluxdesk::TestFiles::writeFile;
using namespace Fluxdesk::Testing;

namespace {

const QString oscTitle = QStringLiteral("\x1b]0;pwned\x07");
const QString clearScreen = QStringLiteral("\x1b[2J");

// The first byte a terminal would act on: C0 but newline and tab, DEL, or a C1 control encoded in
// UTF-8 (0xC2 0x80-0x9F). -1 when there is none.
qsizetype firstControl(const QByteArray &bytes)
{
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto c = uchar(bytes.at(i));
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
            return i;
        if (c == 0xc2 && i + 1 < bytes.size() && uchar(bytes.at(i + 1)) >= 0x80 &&
            uchar(bytes.at(i + 1)) <= 0x9f)
            return i;
    }
    return -1;
}

QByteArray showControls(const QByteArray &bytes)
{
    const qsizetype at = firstControl(bytes);
    return "control byte at " + QByteArray::number(qlonglong(at)) +
           " in: " + bytes.toPercentEncoding(" \n:/.-_[];");
}

QJsonObject object(const QString &apiVersion, const QString &kind, const QString &ns,
                   const QString &name)
{
    return QJsonObject{
        {QStringLiteral("apiVersion"), apiVersion},
        {QStringLiteral("kind"), kind},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), ns}}}};
}

// A Helm release record as Helm's Secret driver stores it, every text field hostile.
QJsonObject hostileRelease()
{
    const QJsonObject release{
        {QStringLiteral("name"), QString(QStringLiteral("evil") + oscTitle)},
        {QStringLiteral("namespace"), QStringLiteral("apps")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("info"),
         QJsonObject{{QStringLiteral("status"), QString(QStringLiteral("deployed") + clearScreen)},
                     {QStringLiteral("description"), clearScreen},
                     {QStringLiteral("notes"), oscTitle}}},
        {QStringLiteral("config"), QJsonObject{{QStringLiteral("password"), QStringLiteral("x")}}},
        {QStringLiteral("chart"),
         QJsonObject{{QStringLiteral("metadata"),
                      QJsonObject{{QStringLiteral("name"),
                                   QString(QStringLiteral("chart\u009b2J") + clearScreen)},
                                  {QStringLiteral("version"), QStringLiteral("1.0.0\r")},
                                  {QStringLiteral("appVersion"), QStringLiteral("\u202eevil")}}}}}};
    QJsonObject secret =
        object(QStringLiteral("v1"), QStringLiteral("Secret"), QStringLiteral("apps"),
               QStringLiteral("sh.helm.release.v1.evil.v1"));
    secret.insert(QStringLiteral("type"), QStringLiteral("helm.sh/release.v1"));
    secret.insert(QStringLiteral("data"),
                  QJsonObject{{QStringLiteral("release"),
                               QString::fromLatin1(encodeHelmReleasePayload(release).toBase64())}});
    return secret;
}

// A record that does not decode, its name hostile: the warning quotes the name.
QJsonObject brokenRecord()
{
    QJsonObject secret =
        object(QStringLiteral("v1"), QStringLiteral("Secret"), QStringLiteral("apps"),
               QString(QStringLiteral("sh.helm.release.v1.x") + oscTitle + QStringLiteral(".v1")));
    secret.insert(QStringLiteral("type"), QStringLiteral("helm.sh/release.v1"));
    secret.insert(QStringLiteral("data"),
                  QJsonObject{{QStringLiteral("release"), QStringLiteral("bm90IGd6aXA=")}});
    return secret;
}

} // namespace

class TestTerminalText : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void printable_data();
    void printable();
    void cliPrintsNoControls_data();
    void cliPrintsNoControls();

private:
    QString writeSnapshot(const QList<QJsonObject> &objects);

    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
    int m_count = 0;
};

void TestTerminalText::initTestCase()
{
    initResources();
    QVERIFY(m_dir.isValid());
    const QString home = m_dir.filePath(QStringLiteral("home"));
    QVERIFY(QDir().mkpath(home));
    m_env = isolatedEnvironment(home);
}

void TestTerminalText::printable_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    QTest::addRow("plain") << "web-1 (apps)"
                           << "web-1 (apps)";
    QTest::addRow("newline and tab kept") << "a\tb\nc"
                                          << "a\tb\nc";
    QTest::addRow("non-ASCII kept")
        << QStringLiteral("grüße ✓ 日本") << QStringLiteral("grüße ✓ 日本");
    QTest::addRow("OSC window title")
        << QString(QStringLiteral("x") + oscTitle) << "x\\x1b]0;pwned\\x07";
    QTest::addRow("clear screen") << clearScreen << "\\x1b[2J";
    QTest::addRow("carriage return") << "ok\rFAKE"
                                     << "ok\\x0dFAKE";
    QTest::addRow("NUL and DEL") << QString(QChar(0)) + QStringLiteral("a\x7f") << "\\x00a\\x7f";
    QTest::addRow("C1 CSI") << QStringLiteral("a\u009b2Jb") << "a\\u009b2Jb";
    QTest::addRow("C1 NEL") << QStringLiteral("a\u0085b") << "a\\u0085b";
    QTest::addRow("bidi override")
        << QStringLiteral("\u202etxt.exe\u2066") << "\\u202etxt.exe\\u2066";
    QTest::addRow("empty") << ""
                           << "";
}

void TestTerminalText::printable()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    const QString once = printableForTerminal(text);
    QCOMPARE(once, shown);
    QCOMPARE(printableForTerminal(once), once); // idempotent
    QCOMPARE(firstControl(once.toUtf8()), qsizetype(-1));
}

QString TestTerminalText::writeSnapshot(const QList<QJsonObject> &objects)
{
    QJsonArray items;
    for (const QJsonObject &o : objects)
        items.append(o);
    const QString path = m_dir.filePath(QStringLiteral("snapshot-%1.json").arg(++m_count));
    const QJsonObject list{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                           {QStringLiteral("kind"), QStringLiteral("List")},
                           {QStringLiteral("items"), items}};
    return writeFile(path, QJsonDocument(list).toJson()) ? path : QString();
}

void TestTerminalText::cliPrintsNoControls_data()
{
    QTest::addColumn<QStringList>("arguments"); // after --snapshot PATH
    QTest::addColumn<QString>("expectedOut");   // a piece of stdout, escaped
    QTest::addColumn<QString>("expectedErr");   // a piece of stderr, escaped
    QTest::addRow("releases table")
        << QStringList{QStringLiteral("releases")} << "evil\\x1b]0;pwned\\x07"
        << "sh.helm.release.v1.x\\x1b]0;pwned\\x07.v1";
    QTest::addRow("releases as JSON")
        << QStringList{QStringLiteral("--json"), QStringLiteral("releases")}
        << "\"chart\": \"chart\\u009b2J\\u001b[2J-1.0.0\\r\""
        << "";
    QTest::addRow("inventory paths")
        << QStringList{QStringLiteral("inventory"), QStringLiteral("--out"),
                       QStringLiteral("@OUT@")}
        << "helm-values-"
        << "sh.helm.release.v1.x\\x1b]0;pwned\\x07.v1";
    QTest::addRow("convert-helm unknown release")
        << QStringList{QStringLiteral("convert-helm"), QString(QStringLiteral("no") + clearScreen),
                       QStringLiteral("-n"), QStringLiteral("apps")}
        << ""
        << "no\\x1b[2J";
}

void TestTerminalText::cliPrintsNoControls()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expectedOut);
    QFETCH(QString, expectedErr);
    const QString snapshot = writeSnapshot(
        {object(QStringLiteral("v1"), QStringLiteral("Namespace"), {}, QStringLiteral("apps")),
         object(QStringLiteral("v1"), QStringLiteral("ConfigMap"), QStringLiteral("apps"),
                QString(QStringLiteral("cm") + clearScreen)),
         hostileRelease(), brokenRecord()});
    QVERIFY(!snapshot.isEmpty());
    arguments.replaceInStrings(QStringLiteral("@OUT@"),
                               m_dir.filePath(QStringLiteral("out-%1").arg(m_count)));
    const CliRun run =
        runCli(QStringList{QStringLiteral("--snapshot"), snapshot} + arguments, m_env);
    QVERIFY2(run.finished, run.err.constData());
    QVERIFY2(firstControl(run.out) < 0, showControls(run.out).constData());
    QVERIFY2(firstControl(run.err) < 0, showControls(run.err).constData());
    QVERIFY2(run.outText().contains(expectedOut), run.out.constData());
    QVERIFY2(run.errText().contains(expectedErr), run.err.constData());
    if (arguments.contains(QLatin1String("--json"))) {
        // Escaped for the terminal, the same text for a parser.
        const QJsonArray releases = QJsonDocument::fromJson(run.out).array();
        QCOMPARE(releases.size(), 1);
        QCOMPARE(
            releases.at(0).toObject().value(QLatin1String("chart")).toString(),
            QString(QStringLiteral("chart\u009b2J") + clearScreen + QStringLiteral("-1.0.0\r")));
    }
}

QTEST_GUILESS_MAIN(TestTerminalText)
#include "tst_terminaltext.moc"
