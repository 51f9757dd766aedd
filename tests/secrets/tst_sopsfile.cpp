// The SOPS file format: round trips, the rules that choose what is encrypted, several
// recipients, wrong keys, tampering, the "sops:" block of sops 3.9 to 3.13, stability against
// the previous file, and kustomize leaving every encrypted value as it is.

#include "manifest/yamljson.h"
#include "secrets/age.h"
#include "secrets/sopsfile.h"
#include "secrets/sopsvalue.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Fluxdesk;

namespace {

const QByteArray kSecret = "apiVersion: v1\n"
                           "kind: Secret\n"
                           "metadata:\n"
                           "  name: db\n"
                           "  namespace: apps\n"
                           "  labels:\n"
                           "    app: db\n"
                           "type: Opaque\n"
                           "data:\n"
                           "  password: cGFzc3dvcmQ=\n"
                           "  user: YWRtaW4=\n"
                           "stringData:\n"
                           "  url: postgres://db:5432/app\n"
                           "  port: \"5432\"\n"
                           "  config.yaml: |\n"
                           "    a: 1\n"
                           "    b: two\n";

const QString kSecretRegex = QStringLiteral("^(data|stringData)$");

QJsonValue value(const QByteArray &yaml)
{
    auto v = parseYamlValue(yaml, QStringLiteral("test.yaml"));
    if (!v) {
        qWarning("%s", qPrintable(v.error().toString()));
        return {};
    }
    return *v;
}

QStringList encValues(const QByteArray &yaml)
{
    static const QRegularExpression re(QStringLiteral("ENC\\[AES256_GCM,[^\\]]*\\]"));
    QStringList out;
    auto it = re.globalMatch(QString::fromUtf8(yaml));
    while (it.hasNext())
        out.append(it.next().captured(0));
    return out;
}

QString lineOf(const QByteArray &yaml, const QByteArray &prefix)
{
    for (const QByteArray &line : yaml.split('\n')) {
        if (line.trimmed().startsWith(prefix))
            return QString::fromUtf8(line);
    }
    return {};
}

} // namespace

class TestSopsFile : public QObject
{
    Q_OBJECT

    Age::Identity m_id;
    Age::Identity m_other;

    Sops::EncryptOptions options(const Sops::Rules &rules = {}) const
    {
        Sops::EncryptOptions o;
        o.recipients = QStringList{m_id.recipient()};
        o.rules = rules;
        o.now = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
        return o;
    }
    Sops::DecryptOptions decryptOptions() const
    {
        Sops::DecryptOptions o;
        o.identities = {m_id};
        return o;
    }
    QByteArray roundTrip(const QByteArray &plain, const Sops::Rules &rules, QByteArray *encOut)
    {
        auto enc = Sops::encrypt(plain, options(rules), QStringLiteral("in.yaml"));
        if (!enc) {
            qWarning("%s", qPrintable(enc.error().toString()));
            return {};
        }
        if (encOut)
            *encOut = *enc;
        auto dec = Sops::decrypt(*enc, decryptOptions(), QStringLiteral("enc.yaml"));
        if (!dec) {
            qWarning("%s\n%s", qPrintable(dec.error().toString()), enc->constData());
            return {};
        }
        return dec->bytes();
    }

private slots:
    void initTestCase()
    {
        m_id = Age::Identity::generate();
        m_other = Age::Identity::generate();
    }

    // Vectors computed apart, with Node's crypto module (AES-256-GCM, 32-byte IV).
    void encValueKnownAnswer_data()
    {
        QTest::addColumn<QByteArray>("plain");
        QTest::addColumn<QByteArray>("aad");
        QTest::addColumn<QByteArray>("expected");
        QTest::addRow("secret") << QByteArray("secret") << QByteArray("data:password:")
                                << QByteArray("ENC[AES256_GCM,data:02PNAoJj,iv:"
                                              "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI=,tag:"
                                              "XvenYxjqahQkrIqlci7hnw==,type:str]");
        QTest::addRow("empty") << QByteArray() << QByteArray("x:")
                               << QByteArray("ENC[AES256_GCM,data:,iv:"
                                             "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI=,tag:"
                                             "LME/5arRf8UV8EV9CK6r5Q==,type:str]");
        QTest::addRow("nested path")
            << QByteArray("42") << QByteArray("a:b:")
            << QByteArray("ENC[AES256_GCM,data:lDQ=,iv:"
                          "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI=,tag:"
                          "096UZEfG8R2BpGiTXTebqg==,type:str]");
    }

    void encValueKnownAnswer()
    {
        QFETCH(QByteArray, plain);
        QFETCH(QByteArray, aad);
        QFETCH(QByteArray, expected);
        using namespace Sops::Detail;
        const QByteArray key(32, '\x01');
        const QByteArray iv(32, '\x02');
        auto enc = encryptValue(plain, ValueType::Str, key, aad, iv);
        QVERIFY(enc);
        QCOMPARE(formatEncValue(*enc), expected);
        const auto parsed = parseEncValue(expected);
        QVERIFY(parsed);
        auto back = decryptValue(*parsed, key, aad);
        QVERIFY(back);
        QCOMPARE(*back, plain);
        QVERIFY(!decryptValue(*parsed, key, aad + "x"));
        QVERIFY(!parseEncValue(expected.replace(",iv:", ",iv:!")));
    }

    // The MAC: SHA-512 over the values as sops turns them into bytes, in document order,
    // upper-case hex, encrypted with lastmodified as additional data.
    void macCoversValuesInOrder_data()
    {
        QTest::addColumn<bool>("macOnlyEncrypted");
        QTest::addRow("all values") << false;
        QTest::addRow("mac_only_encrypted") << true;
    }

    void macCoversValuesInOrder()
    {
        QFETCH(bool, macOnlyEncrypted);
        const QByteArray yaml = "a: one\n"
                                "b:\n"
                                "  - 42\n"
                                "  - 1.50\n"
                                "  - true\n"
                                "  - 0x10\n"
                                "c_unencrypted: plain\n"
                                "d: null\n"
                                "e: \"\"\n"
                                "# a comment\n"
                                "f: False\n";
        Sops::Rules rules;
        rules.macOnlyEncrypted = macOnlyEncrypted;
        auto enc = Sops::encrypt(yaml, options(rules));
        QVERIFY(enc);
        QCOMPARE(enc->contains("    mac_only_encrypted: true\n"), macOnlyEncrypted);
        const qsizetype b = enc->indexOf("-----BEGIN AGE");
        const qsizetype e = enc->indexOf("-----END AGE ENCRYPTED FILE-----") + 32;
        QByteArray armored;
        for (const QByteArray &l : enc->mid(b, e - b).split('\n'))
            armored += l.trimmed() + '\n';
        auto key = Age::decrypt(armored, {m_id});
        QVERIFY(key);
        const auto mac =
            Sops::Detail::parseEncValue(lineOf(*enc, "mac:").trimmed().mid(5).toUtf8());
        QVERIFY(mac);
        auto hex = Sops::Detail::decryptValue(*mac, key->bytes(), "2026-01-02T03:04:05Z");
        QVERIFY(hex);
        QCryptographicHash expected(QCryptographicHash::Sha512);
        if (macOnlyEncrypted)
            expected.addData(QByteArray::fromHex(
                "8a3fd2ad54ce66527b1034f3d147be0b0b975b3bf44f72c6fdadec8176f27d69"));
        expected.addData(QByteArray("one42"
                                    "1.5"
                                    "True"
                                    "16"));
        if (!macOnlyEncrypted)
            expected.addData(QByteArray("plain"));
        expected.addData(QByteArray("False"));
        QCOMPARE(*hex, expected.result().toHex().toUpper());
        auto clear = Sops::decrypt(*enc, decryptOptions());
        QVERIFY2(clear, qPrintable(clear.error().toString()));
        QCOMPARE(value(clear->bytes()), value(yaml));
    }

    void secretRoundTrip()
    {
        Sops::Rules rules;
        rules.encryptedRegex = kSecretRegex;
        QByteArray enc;
        const QByteArray clear = roundTrip(kSecret, rules, &enc);
        QCOMPARE(clear, kSecret);
        // Only data and stringData are encrypted; the rest of the text is as it was.
        QCOMPARE(encValues(enc).size(), 5 + 1); // five values and the MAC
        QVERIFY(enc.startsWith(kSecret.left(kSecret.indexOf("data:\n"))));
        QVERIFY(enc.contains("\n  password: ENC[AES256_GCM,data:"));
        QVERIFY(enc.contains("\n  config.yaml: ENC[AES256_GCM,"));
        QVERIFY(!enc.contains("cGFzc3dvcmQ="));
        QVERIFY(!enc.contains("postgres://"));
        QVERIFY(enc.contains(",type:str]"));
        // The "sops:" block as sops 3.13 writes it: keys sorted by name.
        const QByteArray block = enc.mid(enc.indexOf("\nsops:\n") + 1);
        QStringList keys;
        for (const QByteArray &line : block.split('\n')) {
            if (line.startsWith("    ") && !line.startsWith("     "))
                keys.append(QString::fromUtf8(line.trimmed().split(':').first()));
        }
        QCOMPARE(keys, (QStringList{QStringLiteral("age"), QStringLiteral("encrypted_regex"),
                                    QStringLiteral("lastmodified"), QStringLiteral("mac"),
                                    QStringLiteral("version")}));
        QVERIFY(
            block.contains("        - enc: |\n            -----BEGIN AGE ENCRYPTED FILE-----\n"));
        QVERIFY(
            block.contains(QByteArray("          recipient: " + m_id.recipient().toUtf8() + '\n')));
        QVERIFY(block.contains("    lastmodified: \"2026-01-02T03:04:05Z\"\n"));
        QVERIFY(block.contains("    version: 3.13.2\n"));
        QVERIFY(block.contains("    encrypted_regex: ^(data|stringData)$\n"));
        QVERIFY(value(enc).toObject().contains(QStringLiteral("sops")));
        QVERIFY(Sops::isEncrypted(enc));
        QVERIFY(!Sops::isEncrypted(kSecret));
        QVERIFY(!Sops::isEncrypted("sops:\n  foo: 1\nmac: x\n"));
    }

    void nestedAndTypes_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addRow("nested maps and lists") << QByteArray("top:\n"
                                                             "  inner:\n"
                                                             "    deep: value\n"
                                                             "    list:\n"
                                                             "      - one\n"
                                                             "      - 2\n"
                                                             "      - nested: true\n"
                                                             "        other: 1.5\n"
                                                             "  empty:\n"
                                                             "  emptyString: \"\"\n"
                                                             "flow: {a: b, c: [1, \"x, y\"]}\n");
        QTest::addRow("all value types") << QByteArray("str: hello world\n"
                                                       "quoted: \"123\"\n"
                                                       "int: 42\n"
                                                       "negative: -7\n"
                                                       "hex: 0x1F\n"
                                                       "float: 3.25\n"
                                                       "exp: 1e3\n"
                                                       "bool: true\n"
                                                       "off: false\n"
                                                       "nothing: null\n"
                                                       "tilde: ~\n"
                                                       "inf: .inf\n"
                                                       "unicode: \"héllo ✓\"\n"
                                                       "multi: |\n"
                                                       "  line one\n"
                                                       "  line two\n"
                                                       "folded: >-\n"
                                                       "  folded text\n"
                                                       "  continues\n"
                                                       "quotes: 'it''s \"quoted\"'\n"
                                                       "hash: \"a # not a comment\"\n"
                                                       "colon: \"key: value\"\n"
                                                       "tab: \"a\\tb\"\n");
        QTest::addRow("multi-line in lists") << QByteArray("l:\n"
                                                           "- |\n"
                                                           "  a\n"
                                                           "  b\n"
                                                           "- - x\n"
                                                           "  - |-\n"
                                                           "    y\n"
                                                           "    z\n"
                                                           "plain: first line\n"
                                                           "  continued here\n"
                                                           "quoted: \"two\n"
                                                           "  lines\"\n"
                                                           "last: 1\n");
        QTest::addRow("list of maps at top") << QByteArray("items:\n"
                                                           "- name: a\n"
                                                           "  value: |\n"
                                                           "    x\n"
                                                           "    y\n"
                                                           "- name: b\n"
                                                           "  value: 2\n");
    }

    void nestedAndTypes()
    {
        QFETCH(QByteArray, yaml);
        QByteArray enc;
        const QByteArray clear = roundTrip(yaml, {}, &enc);
        QVERIFY(!clear.isEmpty());
        QCOMPARE(value(clear), value(yaml));
        QVERIFY(!value(enc).isNull());
        // Every non-null, non-empty scalar is encrypted under the default rule.
        QVERIFY(!enc.contains("hello"));
        QVERIFY(!enc.contains("line one"));
        QVERIFY(!enc.contains("deep: value"));
    }

    void typesAreKept_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("type");
        QTest::addRow("str") << QByteArray("k: text\n") << QStringLiteral("str");
        QTest::addRow("quoted number") << QByteArray("k: \"12\"\n") << QStringLiteral("str");
        QTest::addRow("int") << QByteArray("k: 12\n") << QStringLiteral("int");
        QTest::addRow("float") << QByteArray("k: 1.5\n") << QStringLiteral("float");
        QTest::addRow("whole float") << QByteArray("k: 1000.0\n") << QStringLiteral("float");
        QTest::addRow("bool") << QByteArray("k: true\n") << QStringLiteral("bool");
        QTest::addRow("multi-line") << QByteArray("k: |\n  a\n  b\n") << QStringLiteral("str");
    }

    void typesAreKept()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, type);
        QByteArray enc;
        const QByteArray clear = roundTrip(yaml, {}, &enc);
        QCOMPARE(clear, yaml);
        QVERIFY2(lineOf(enc, "k:").endsWith(QStringLiteral(",type:") + type + QLatin1Char(']')),
                 enc.constData());
    }

    void unencryptedSuffix()
    {
        const QByteArray yaml = "password: secret\n"
                                "name_unencrypted: visible\n"
                                "block_unencrypted:\n"
                                "  inner: also visible\n"
                                "  list:\n"
                                "    - seen\n";
        QByteArray enc;
        QCOMPARE(roundTrip(yaml, {}, &enc), yaml);
        QVERIFY(enc.contains("name_unencrypted: visible\n"));
        QVERIFY(enc.contains("  inner: also visible\n"));
        QVERIFY(enc.contains("    - seen\n"));
        QVERIFY(!enc.contains("secret"));
        QVERIFY(enc.contains("    unencrypted_suffix: _unencrypted\n"));
        auto meta = Sops::readMetadata(enc);
        QVERIFY(meta);
        QCOMPARE(meta->rules.unencryptedSuffix, QStringLiteral("_unencrypted"));
    }

    void commentRules()
    {
        // encrypted_comment_regex: the value after a matching comment (and everything under
        // it) is encrypted, the comment itself is not.
        const QByteArray yaml = "# sops:enc\n"
                                "password: secret\n"
                                "user: admin\n"
                                "creds: # sops:enc\n"
                                "  key: hidden\n"
                                "  other: hidden too\n"
                                "plain: shown\n";
        Sops::Rules rules;
        rules.encryptedCommentRegex = QStringLiteral("sops:enc");
        QByteArray enc;
        QCOMPARE(roundTrip(yaml, rules, &enc), yaml);
        QVERIFY(enc.contains("# sops:enc\npassword: ENC[AES256_GCM,"));
        QVERIFY(enc.contains("\nuser: admin\n"));
        QVERIFY(enc.contains("\ncreds: # sops:enc\n  key: ENC["));
        QVERIFY(enc.contains("\n  other: ENC["));
        QVERIFY(enc.contains("\nplain: shown\n"));
        QVERIFY(enc.contains("    encrypted_comment_regex: sops:enc\n"));
    }

    void commentsEncryptedByDefault()
    {
        const QByteArray yaml = "# the database\n"
                                "password: secret # inline note\n";
        QByteArray enc;
        QCOMPARE(roundTrip(yaml, {}, &enc), yaml);
        QVERIFY(!enc.contains("the database"));
        QVERIFY(!enc.contains("inline note"));
        QVERIFY(enc.startsWith("#ENC[AES256_GCM,"));
        QVERIFY(enc.contains(",type:comment]"));
    }

    // A comment is encrypted with the path of the mapping it stands in as additional data, as
    // go-yaml places it: ":" at the top, the nested block for an indented comment after it.
    void commentAdditionalData()
    {
        const QByteArray yaml = "# top\n"
                                "a:\n"
                                "  x: 1\n"
                                "  # foot of a\n"
                                "# before b\n"
                                "b:\n"
                                "  - c: 2\n"
                                "    # foot of the item\n";
        auto enc = Sops::encrypt(yaml, options());
        QVERIFY(enc);
        const qsizetype b = enc->indexOf("-----BEGIN AGE");
        const qsizetype e = enc->indexOf("-----END AGE ENCRYPTED FILE-----") + 32;
        QByteArray armored;
        for (const QByteArray &l : enc->mid(b, e - b).split('\n'))
            armored += l.trimmed() + '\n';
        auto key = Age::decrypt(armored, {m_id});
        QVERIFY(key);
        const QList<QByteArray> lines = enc->split('\n');
        const QList<QPair<int, QByteArray>> expected{{0, ":"}, {3, "a:"}, {4, ":"}, {7, "b:"}};
        for (const auto &[line, aad] : expected) {
            const auto v = Sops::Detail::parseEncValue(lines.at(line).trimmed().mid(1));
            QVERIFY2(v, lines.at(line).constData());
            auto plain = Sops::Detail::decryptValue(*v, key->bytes(), aad);
            QVERIFY2(plain,
                     qPrintable(
                         QStringLiteral("line %1 with %2").arg(line).arg(QString::fromUtf8(aad))));
        }
        auto clear = Sops::decrypt(*enc, decryptOptions());
        QVERIFY(clear);
        QCOMPARE(clear->bytes(), yaml);
    }

    void severalRecipients()
    {
        const Age::Identity third = Age::Identity::generate();
        auto o = options();
        o.recipients = QStringList{m_id.recipient(), m_other.recipient(), third.recipient()};
        auto enc = Sops::encrypt(kSecret, o);
        QVERIFY(enc);
        auto meta = Sops::readMetadata(*enc);
        QVERIFY(meta);
        QCOMPARE(meta->recipients, o.recipients);
        for (const Age::Identity &id : {m_id, m_other, third}) {
            Sops::DecryptOptions d;
            d.identities = {id};
            auto clear = Sops::decrypt(*enc, d);
            QVERIFY2(clear, qPrintable(clear.error().toString()));
            QCOMPARE(clear->bytes(), kSecret);
        }
    }

    void wrongKey()
    {
        auto enc = Sops::encrypt(kSecret, options());
        QVERIFY(enc);
        Sops::DecryptOptions d;
        d.identities = {m_other};
        auto clear = Sops::decrypt(*enc, d, QStringLiteral("secret.yaml"));
        QVERIFY(!clear);
        QVERIFY2(clear.error().message.contains(QStringLiteral("no age identity matches")),
                 qPrintable(clear.error().message));
        QVERIFY(clear.error().message.contains(m_id.recipient()));
        QCOMPARE(clear.error().file, QStringLiteral("secret.yaml"));
    }

    void tamperedCiphertext()
    {
        Sops::Rules rules;
        rules.encryptedRegex = kSecretRegex;
        auto enc = Sops::encrypt(kSecret, options(rules));
        QVERIFY(enc);
        // One byte of the password's ciphertext changed.
        QByteArray bad = *enc;
        const int at = int(bad.indexOf("password: ENC[AES256_GCM,data:")) + 30;
        bad[at] = bad.at(at) == 'A' ? 'B' : 'A';
        auto clear = Sops::decrypt(bad, decryptOptions(), QStringLiteral("s.yaml"));
        QVERIFY(!clear);
        QVERIFY2(clear.error().message.contains(QStringLiteral("stringData")) ||
                     clear.error().message.contains(QStringLiteral("data:password")),
                 qPrintable(clear.error().toString()));
        QCOMPARE(clear.error().line, 10);
        QCOMPARE(clear.error().column, 13);

        // A value moved to another key does not decrypt there (the path is authenticated).
        QByteArray moved = *enc;
        const QString pw = lineOf(*enc, "password:").trimmed().mid(10);
        const QString user = lineOf(*enc, "user:").trimmed().mid(6);
        moved.replace(user.toUtf8(), pw.toUtf8());
        QVERIFY(!Sops::decrypt(moved, decryptOptions()));
        Sops::DecryptOptions lax = decryptOptions();
        lax.verifyMac = false;
        auto movedClear = Sops::decrypt(moved, lax);
        QVERIFY(!movedClear);
        QVERIFY(movedClear.error().message.contains(QStringLiteral("data:user")));

        // Malformed: file, line and column.
        QByteArray malformed = *enc;
        malformed.replace("password: ENC[AES256_GCM,data:", "password: ENC[AES256_GCM,dada:");
        auto m = Sops::decrypt(malformed, decryptOptions(), QStringLiteral("s.yaml"));
        QVERIFY(!m);
        QVERIFY2(m.error().message.contains(QStringLiteral("malformed")),
                 qPrintable(m.error().toString()));
        QCOMPARE(m.error().toString().left(12), QStringLiteral("s.yaml:10:13"));
    }

    void tamperedMac()
    {
        Sops::Rules rules;
        rules.encryptedRegex = kSecretRegex;
        auto enc = Sops::encrypt(kSecret, options(rules));
        QVERIFY(enc);
        // An unencrypted value changed: only the MAC tells.
        QByteArray renamed = *enc;
        renamed.replace("  name: db\n", "  name: dc\n");
        auto clear = Sops::decrypt(renamed, decryptOptions());
        QVERIFY(!clear);
        QVERIFY2(clear.error().message.contains(QStringLiteral("MAC mismatch")),
                 qPrintable(clear.error().message));
        Sops::DecryptOptions lax = decryptOptions();
        lax.verifyMac = false;
        QVERIFY(Sops::decrypt(renamed, lax));

        // The MAC itself changed, or lastmodified (its additional data).
        QByteArray badMac = *enc;
        const int at = int(badMac.indexOf("mac: ENC[AES256_GCM,data:")) + 25;
        badMac[at] = badMac.at(at) == 'A' ? 'B' : 'A';
        QVERIFY(!Sops::decrypt(badMac, decryptOptions()));
        QByteArray badTime = *enc;
        badTime.replace("2026-01-02T03:04:05Z", "2026-01-02T03:04:06Z");
        QVERIFY(!Sops::decrypt(badTime, decryptOptions()));
        QVERIFY(Sops::decrypt(badTime, lax));
        // A value dropped.
        QByteArray dropped = *enc;
        dropped.replace(QByteArray(lineOf(*enc, "user:").toUtf8() + '\n'), QByteArray());
        QVERIFY(!Sops::decrypt(dropped, decryptOptions()));
    }

    void metadataOrders_data()
    {
        QTest::addColumn<QString>("order");
        QTest::addRow("3.9") << QStringLiteral("3.9");
        QTest::addRow("3.10") << QStringLiteral("3.10");
        QTest::addRow("3.13") << QStringLiteral("3.13");
    }

    void metadataOrders()
    {
        QFETCH(QString, order);
        Sops::Rules rules;
        rules.encryptedRegex = kSecretRegex;
        auto o = options(rules);
        o.recipients = QStringList{m_id.recipient(), m_other.recipient()};
        auto enc = Sops::encrypt(kSecret, o);
        QVERIFY(enc);
        const qsizetype blockAt = enc->indexOf("\nsops:\n") + 1;
        const QByteArray body = enc->left(blockAt);
        const QByteArray block = enc->mid(blockAt);
        // The parts of the block, rebuilt by hand in each version's order and indentation.
        QList<QByteArray> encs;
        qsizetype from = 0;
        while ((from = block.indexOf("-----BEGIN AGE", from)) >= 0) {
            const qsizetype end = block.indexOf("-----END AGE ENCRYPTED FILE-----", from) + 32;
            QByteArray armored;
            for (const QByteArray &l : block.mid(from, end - from).split('\n'))
                armored += l.trimmed() + '\n';
            encs.append(armored);
            from = end;
        }
        QCOMPARE(encs.size(), 2);
        const QByteArray mac = lineOf(block, "mac:").trimmed().toUtf8().mid(5);
        const auto ageEntry = [&](int i, bool recipientFirst, const QByteArray &ind) {
            QByteArray e;
            QByteArray encLines;
            for (const QByteArray &l : encs[i].trimmed().split('\n'))
                encLines += ind + "    " + l + '\n';
            const QByteArray r = o.recipients.at(i).toUtf8();
            if (recipientFirst)
                e = ind + "- recipient: " + r + '\n' + ind + "  enc: |\n" + encLines;
            else
                e = ind + "- enc: |\n" + encLines + ind + "  recipient: " + r + '\n';
            return e;
        };
        QByteArray sops = "sops:\n";
        if (order == QLatin1String("3.9")) {
            sops += "  kms: []\n  gcp_kms: []\n  azure_kv: []\n  hc_vault: []\n  age:\n";
            sops += ageEntry(0, true, "  ") + ageEntry(1, true, "  ");
            sops += "  lastmodified: \"2026-01-02T03:04:05Z\"\n  mac: " + mac +
                    "\n  pgp: []\n  encrypted_regex: ^(data|stringData)$\n  version: 3.9.4\n";
        } else if (order == QLatin1String("3.10")) {
            sops += "    age:\n" + ageEntry(0, true, "        ") + ageEntry(1, true, "        ");
            sops += "    lastmodified: \"2026-01-02T03:04:05Z\"\n    mac: " + mac +
                    "\n    encrypted_regex: ^(data|stringData)$\n    version: 3.10.2\n";
        } else {
            sops += "    age:\n" + ageEntry(0, false, "        ") + ageEntry(1, false, "        ");
            sops += "    encrypted_regex: ^(data|stringData)$\n    lastmodified: "
                    "\"2026-01-02T03:04:05Z\"\n    mac: " +
                    mac + "\n    version: 3.13.2\n";
        }
        // 3.9 put the block first in some files; both places read.
        const QByteArray file = order == QLatin1String("3.10") ? sops + body : body + sops;
        auto meta = Sops::readMetadata(file, QStringLiteral("x.yaml"));
        QVERIFY2(meta, qPrintable(meta.error().toString()));
        QCOMPARE(meta->recipients, o.recipients);
        QCOMPARE(meta->rules.encryptedRegex, kSecretRegex);
        QCOMPARE(meta->lastModified, o.now);
        QVERIFY(meta->version.startsWith(order.left(3)));
        for (const Age::Identity &id : {m_id, m_other}) {
            Sops::DecryptOptions d;
            d.identities = {id};
            auto clear = Sops::decrypt(file, d);
            QVERIFY2(clear, qPrintable(clear.error().toString()));
            QCOMPARE(clear->bytes(), kSecret);
        }
    }

    void previousKeepsCiphertext()
    {
        Sops::Rules rules;
        rules.encryptedRegex = kSecretRegex;
        auto first = Sops::encrypt(kSecret, options(rules));
        QVERIFY(first);
        QByteArray edited = kSecret;
        edited.replace("user: YWRtaW4=", "user: cm9vdA==");
        auto o = options(rules);
        o.previous = *first;
        o.identities = {m_id};
        o.now = o.now.addSecs(60);
        auto second = Sops::encrypt(edited, o);
        QVERIFY2(second, qPrintable(second.error().toString()));
        for (const QByteArray key : {"password:", "url:", "port:", "config.yaml:"})
            QCOMPARE(lineOf(*second, key), lineOf(*first, key));
        QVERIFY(lineOf(*second, "user:") != lineOf(*first, "user:"));
        QVERIFY(lineOf(*second, "mac:") != lineOf(*first, "mac:"));
        // The same data key: the wrapped key is kept and opens to the same bytes.
        const auto wrapped = [](const QByteArray &f) {
            const qsizetype b = f.indexOf("-----BEGIN AGE");
            const qsizetype e = f.indexOf("-----END AGE ENCRYPTED FILE-----") + 32;
            QByteArray armored;
            for (const QByteArray &l : f.mid(b, e - b).split('\n'))
                armored += l.trimmed() + '\n';
            return armored;
        };
        auto k1 = Age::decrypt(wrapped(*first), {m_id});
        auto k2 = Age::decrypt(wrapped(*second), {m_id});
        QVERIFY(k1 && k2);
        QCOMPARE(k1->bytes(), k2->bytes());
        QCOMPARE(k1->bytes().size(), 32);
        auto clear = Sops::decrypt(*second, decryptOptions());
        QVERIFY(clear);
        QCOMPARE(clear->bytes(), edited);

        // Without the previous file every value gets a fresh IV.
        auto fresh = Sops::encrypt(kSecret, options(rules));
        QVERIFY(fresh);
        QVERIFY(lineOf(*fresh, "password:") != lineOf(*first, "password:"));
        // A wrong identity for the previous file is an error, not a new key.
        o.identities = {m_other};
        QVERIFY(!Sops::encrypt(edited, o));
    }

    void kustomizeKeepsValues()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("kubectl")).isEmpty())
            QSKIP("kubectl is not installed");
        Sops::Rules rules;
        rules.encryptedRegex = kSecretRegex;
        auto enc = Sops::encrypt(kSecret, options(rules));
        QVERIFY(enc);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile k(dir.filePath(QStringLiteral("kustomization.yaml")));
        QVERIFY(k.open(QIODevice::WriteOnly));
        k.write("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
                "resources:\n- secret.yaml\n");
        k.close();
        QFile s(dir.filePath(QStringLiteral("secret.yaml")));
        QVERIFY(s.open(QIODevice::WriteOnly));
        s.write(*enc);
        s.close();
        QProcess kubectl;
        kubectl.start(QStringLiteral("kubectl"), {QStringLiteral("kustomize"), dir.path()});
        QVERIFY(kubectl.waitForFinished(120000));
        QCOMPARE(kubectl.exitCode(), 0);
        const QByteArray built = kubectl.readAllStandardOutput();
        const QStringList before = encValues(*enc);
        QCOMPARE(before.size(), 6);
        for (const QString &v : before)
            QVERIFY2(built.contains(v.toUtf8()), qPrintable(v));
        // What kustomize wrote still decrypts; kustomize sorts keys, which changes the order the
        // MAC covers, so (as for sops -d) the MAC holds for the file, not for the build.
        Sops::DecryptOptions lax = decryptOptions();
        lax.verifyMac = false;
        auto clear = Sops::decrypt(built, lax);
        QVERIFY2(clear, qPrintable(clear.error().toString()));
        QCOMPARE(value(clear->bytes()), value(kSecret));
    }

    void refusals()
    {
        auto o = options();
        QVERIFY(!Sops::encrypt("sops:\n  mac: x\n", o));
        QVERIFY(!Sops::encrypt("- a\n- b\n", o));
        auto twice = Sops::encrypt("a: 1\nb:\n  c: 1\n  c: 2\n", o, QStringLiteral("d.yaml"));
        QVERIFY(!twice);
        QCOMPARE(twice.error().toString(), QStringLiteral("d.yaml:4:3: the key c appears twice"));
        QVERIFY(!Sops::encrypt("a: &x 1\nb: *x\n", o));
        QVERIFY(!Sops::encrypt("a: &x 1\n", o));
        o.recipients = QStringList{QStringLiteral("age1notarecipient")};
        QVERIFY(!Sops::encrypt(kSecret, o));
        o = options();
        o.rules.encryptedRegex = QStringLiteral("a");
        o.rules.unencryptedSuffix = QStringLiteral("_x");
        QVERIFY(!Sops::encrypt(kSecret, o));
        auto notSops = Sops::decrypt(kSecret, decryptOptions(), QStringLiteral("p.yaml"));
        QVERIFY(!notSops);
        QVERIFY(notSops.error().message.contains(QStringLiteral("not a SOPS file")));
        auto meta = Sops::readMetadata("a: [1\n", QStringLiteral("bad.yaml"));
        QVERIFY(!meta);
        QCOMPARE(meta.error().file, QStringLiteral("bad.yaml"));
        QVERIFY(meta.error().line > 0);
    }
};

QTEST_GUILESS_MAIN(TestSopsFile)
#include "tst_sopsfile.moc"
