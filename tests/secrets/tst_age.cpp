#include "secrets/age.h"
#include "secrets/ageformat.h"
#include "secrets/bech32.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Fluxdesk;
using namespace Fluxdesk::Age;

namespace {

QByteArray readData(const QString &name)
{
    QFile file(QStringLiteral(FLUXDESK_TEST_DATA "/age/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", qPrintable(file.fileName()));
    return file.readAll();
}

// The plaintext of tests/data/age/two-chunks.age.
QByteArray pattern()
{
    QByteArray data(65600, '\0');
    for (int i = 0; i < data.size(); ++i)
        data[i] = char((i * 7 + i / 256) & 0xff);
    return data;
}

QByteArray randomData(int size)
{
    QByteArray data(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        data[i] = char(QRandomGenerator::global()->bounded(256));
    return data;
}

QStringList recipientsOf(const QList<Identity> &identities)
{
    QStringList recipients;
    for (const Identity &identity : identities)
        recipients.append(identity.recipient());
    return recipients;
}

QList<Identity> generated(int count)
{
    QList<Identity> identities;
    for (int i = 0; i < count; ++i)
        identities.append(Identity::generate());
    return identities;
}

// The binary file after the header's "---" line.
int payloadOffset(const QByteArray &file)
{
    const int footer = int(file.indexOf("\n---"));
    return int(file.indexOf('\n', footer + 1)) + 1;
}

// An ssh-ed25519 public key line, for a stanza of a type decrypt() reads past.
QString sshEd25519PublicKey()
{
    auto sshString = [](const QByteArray &bytes) {
        const quint32 size = quint32(bytes.size());
        QByteArray out(4, '\0');
        for (int i = 0; i < 4; ++i)
            out[i] = char((size >> (8 * (3 - i))) & 0xff);
        out.append(bytes);
        return out;
    };
    // The Ed25519 base point: a valid public key, which is all age needs to encrypt to it.
    const QByteArray point =
        QByteArray::fromHex("5866666666666666666666666666666666666666666666666666666666666666");
    const QByteArray blob = sshString("ssh-ed25519") + sshString(point);
    return QStringLiteral("ssh-ed25519 ") + QString::fromLatin1(blob.toBase64());
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

class AgeTools
{
public:
    AgeTools()
        : age(QStandardPaths::findExecutable(QStringLiteral("age"))),
          keygen(QStandardPaths::findExecutable(QStringLiteral("age-keygen")))
    {}
    bool found() const { return !age.isEmpty() && !keygen.isEmpty(); }

    static Run run(const QString &program, const QStringList &args, const QByteArray &input = {})
    {
        QProcess process;
        process.start(program, args);
        Run result;
        if (!process.waitForStarted()) {
            result.err = process.errorString().toUtf8();
            return result;
        }
        process.write(input);
        process.closeWriteChannel();
        process.waitForFinished(120000);
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        return result;
    }

    QString age;
    QString keygen;
};

const char missingTools[] = "age and age-keygen are not installed: run scripts/setup-deps.sh test "
                            "(CI installs them)";

} // namespace

class TestAge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bech32KnownVectors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("hrp");
        QTest::addColumn<QByteArray>("data");
        // BIP 173's valid test vectors.
        QTest::addRow("A12UEL5L") << QStringLiteral("A12UEL5L") << QByteArray("A") << QByteArray();
        QTest::addRow("abcdef") << QStringLiteral("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw")
                                << QByteArray("abcdef")
                                << QByteArray::fromHex("00443214c74254b635cf84653a56d7c675be77df");
        QTest::addRow("split") << QStringLiteral("split1checkupstagehandshakeupstreamerranterre"
                                                 "dcaperred2y9e3w")
                               << QByteArray("split")
                               << QByteArray::fromHex(
                                      "c5f38b70305f519bf66d85fb6cf03058f3dde463ecd7918f2dc743918f"
                                      "2d");
    }

    void bech32KnownVectors()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, hrp);
        QFETCH(QByteArray, data);
        const Result<Bech32::Decoded> decoded = Bech32::decode(text);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error().message));
        QCOMPARE(decoded->hrp, hrp);
        QCOMPARE(decoded->data.bytes(), data);
        QCOMPARE(Bech32::encode(hrp, SecretBytes(data)), text);
    }

    void bech32RoundTrip_data()
    {
        QTest::addColumn<QByteArray>("hrp");
        QTest::addColumn<int>("size");
        for (const char *hrp : {"age", "AGE-SECRET-KEY-", "x"}) {
            for (int size : {0, 1, 5, 31, 32, 33, 100})
                QTest::addRow("%s-%d", hrp, size) << QByteArray(hrp) << size;
        }
    }

    void bech32RoundTrip()
    {
        QFETCH(QByteArray, hrp);
        QFETCH(int, size);
        const QByteArray data = randomData(size);
        const QString text = Bech32::encode(hrp, SecretBytes(data));
        const bool upper = hrp.toUpper() == hrp && hrp.toLower() != hrp;
        QCOMPARE(text, upper ? text.toUpper() : text.toLower());
        QVERIFY(text.startsWith(QString::fromLatin1(hrp) + QLatin1Char('1')));
        const Result<Bech32::Decoded> decoded = Bech32::decode(text);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error().message));
        QCOMPARE(decoded->hrp, hrp);
        QCOMPARE(decoded->data.bytes(), data);
    }

    void bech32Rejects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("column");
        const QString good = QStringLiteral("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw");
        QString badChecksum = good;
        badChecksum[badChecksum.size() - 1] = QLatin1Char('q');
        QTest::addRow("checksum") << badChecksum << QStringLiteral("checksum") << 0;
        QString mixed = good;
        mixed[2] = QLatin1Char('C');
        QTest::addRow("mixed case") << mixed << QStringLiteral("mixed") << 0;
        QString badChar = good;
        badChar[10] = QLatin1Char('b');
        QTest::addRow("character") << badChar << QStringLiteral("does not use") << 11;
        QTest::addRow("space") << good + QLatin1Char(' ') << QStringLiteral("U+0020")
                               << int(good.size()) + 1;
        QTest::addRow("no separator")
            << QStringLiteral("abcdefqpzry9x8gf2") << QStringLiteral("separator") << 0;
        QTest::addRow("short") << QStringLiteral("ab1qpzry") << QStringLiteral("short") << 3;
        QTest::addRow("empty hrp") << QStringLiteral("1qpzry9x8gf2tvdw0s3jn54khce6mua7l")
                                   << QStringLiteral("separator") << 0;
    }

    void bech32Rejects()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        QFETCH(int, column);
        const Result<Bech32::Decoded> decoded = Bech32::decode(text);
        QVERIFY(!decoded.ok());
        QVERIFY2(decoded.error().message.contains(message), qPrintable(decoded.error().message));
        QCOMPARE(decoded.error().column, column);
    }

    void identityRoundTrip()
    {
        const Identity identity = Identity::generate();
        QCOMPARE(identity.secret().bytes().size(), 32);
        const QString text = identity.toString();
        QVERIFY(text.startsWith(QLatin1String("AGE-SECRET-KEY-1")));
        QCOMPARE(text, text.toUpper());
        const Result<Identity> parsed = Identity::parse(text);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().message));
        QCOMPARE(parsed->secret().bytes(), identity.secret().bytes());
        const QString recipient = identity.recipient();
        QVERIFY(recipient.startsWith(QLatin1String("age1")));
        QCOMPARE(recipient.size(), 62);
        QVERIFY(isRecipient(recipient));
        QCOMPARE(parseRecipient(recipient)->size(), 32);
        QVERIFY(Identity::generate().secret().bytes() != identity.secret().bytes());
    }

    void keyStringsRejected_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("asIdentity");
        QTest::addColumn<QString>("message");
        const Identity identity = Identity::generate();
        const QString key = identity.toString();
        const QString recipient = identity.recipient();
        QTest::addRow("identity in lower case")
            << key.toLower() << true << QStringLiteral("AGE-SECRET-KEY-1");
        QTest::addRow("recipient as identity")
            << recipient << true << QStringLiteral("AGE-SECRET-KEY-1");
        QTest::addRow("recipient in upper case")
            << recipient.toUpper() << false << QStringLiteral("lower case");
        QTest::addRow("identity as recipient") << key << false << QStringLiteral("age1");
        QTest::addRow("short identity")
            << Bech32::encode("AGE-SECRET-KEY-", SecretBytes(randomData(31))) << true
            << QStringLiteral("31");
        QTest::addRow("long recipient")
            << Bech32::encode("age", SecretBytes(randomData(33))) << false << QStringLiteral("33");
        QString badChecksum = key;
        badChecksum[20] =
            badChecksum.at(20) == QLatin1Char('Q') ? QLatin1Char('P') : QLatin1Char('Q');
        QTest::addRow("identity checksum") << badChecksum << true << QStringLiteral("checksum");
        QString badRecipient = recipient;
        badRecipient[10] =
            badRecipient.at(10) == QLatin1Char('q') ? QLatin1Char('p') : QLatin1Char('q');
        QTest::addRow("recipient checksum") << badRecipient << false << QStringLiteral("checksum");
    }

    void keyStringsRejected()
    {
        QFETCH(QString, text);
        QFETCH(bool, asIdentity);
        QFETCH(QString, message);
        const Error error =
            asIdentity ? Identity::parse(text).error() : parseRecipient(text).error();
        QVERIFY2(error.message.contains(message), qPrintable(error.message));
        if (!asIdentity)
            QVERIFY(!isRecipient(text));
        else
            QVERIFY(!Identity::parse(text).ok());
    }

    void identityFileParsesSeveralKeys()
    {
        const QList<Identity> keys = generated(3);
        QByteArray text = identityFileText(keys.at(0), QDateTime::currentDateTime());
        text += "\n# a comment\r\n\r\n" + keys.at(1).toString().toLatin1() + "\r\n";
        text += "#another\n" + identityFileText(keys.at(2), QDateTime::currentDateTimeUtc());
        const Result<QList<Identity>> parsed = parseIdentityFile(text, QStringLiteral("keys.txt"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
        QCOMPARE(parsed->size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(parsed->at(i).secret().bytes(), keys.at(i).secret().bytes());
    }

    void identityFileTextAsAgeKeygen_data()
    {
        QTest::addColumn<QDateTime>("created");
        QTest::addColumn<QString>("expected");
        QTest::addRow("utc") << QDateTime(QDate(2006, 1, 2), QTime(15, 4, 5, 123), QTimeZone(0))
                             << QStringLiteral("2006-01-02T15:04:05Z");
        QTest::addRow("offset") << QDateTime(QDate(2021, 1, 2), QTime(15, 30, 45),
                                             Qt::OffsetFromUTC, 3600)
                                << QStringLiteral("2021-01-02T15:30:45+01:00");
        QTest::addRow("negative offset")
            << QDateTime(QDate(2021, 6, 2), QTime(8, 0, 0), QTimeZone(-5 * 3600 - 1800))
            << QStringLiteral("2021-06-02T08:00:00-05:30");
    }

    void identityFileTextAsAgeKeygen()
    {
        QFETCH(QDateTime, created);
        QFETCH(QString, expected);
        const Identity identity = Identity::generate();
        const QByteArray text = identityFileText(identity, created);
        const QByteArray wanted = "# created: " + expected.toLatin1() +
                                  "\n# public key: " + identity.recipient().toLatin1() + '\n' +
                                  identity.toString().toLatin1() + '\n';
        QCOMPARE(text, wanted);
    }

    void identityFileErrors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        const QByteArray key = Identity::generate().toString().toLatin1();
        const QByteArray head = "# created: 2006-01-02T15:04:05Z\n" + key + "\n\n";
        QTest::addRow("not a key") << head + "foo\n" << 4 << 1 << QStringLiteral("expected");
        QTest::addRow("recipient line") << head + Identity::generate().recipient().toLatin1() + '\n'
                                        << 4 << 1 << QStringLiteral("expected");
        QByteArray badChar = key;
        badChar[20] = 'B';
        QTest::addRow("bad character")
            << head + "# c\n" + badChar << 5 << 21 << QStringLiteral("Bech32");
        QByteArray badChecksum = key;
        badChecksum[key.size() - 1] = key.at(key.size() - 1) == 'Q' ? 'P' : 'Q';
        QTest::addRow("bad checksum") << head + badChecksum + '\n'
                                      << 4 << 1 << QStringLiteral("checksum");
        QTest::addRow("trailing space") << key + " \n"
                                        << 1 << int(key.size()) + 1 << QStringLiteral("U+0020");
        QTest::addRow("leading space") << " " + key + '\n' << 1 << 1 << QStringLiteral("expected");
        QTest::addRow("lower case") << key.toLower() + '\n' << 1 << 1 << QStringLiteral("expected");
        QTest::addRow("not utf-8") << head + "\xff\xfe\n" << 4 << 1 << QStringLiteral("UTF-8");
    }

    void identityFileErrors()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        const Result<QList<Identity>> parsed = parseIdentityFile(text, QStringLiteral("keys.txt"));
        QVERIFY(!parsed.ok());
        const Error &error = parsed.error();
        QVERIFY2(error.message.contains(message), qPrintable(error.toString()));
        QCOMPARE(error.file, QStringLiteral("keys.txt"));
        QCOMPARE(error.line, line);
        QCOMPARE(error.column, column);
        QVERIFY(
            error.toString().startsWith(QStringLiteral("keys.txt:%1:%2: ").arg(line).arg(column)));
    }

    void identityFileWithoutKeys()
    {
        const Result<QList<Identity>> parsed =
            parseIdentityFile("# nothing\n\n", QStringLiteral("keys.txt"));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().file, QStringLiteral("keys.txt"));
    }

    void roundTrip_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("recipients");
        QTest::addColumn<bool>("armor");
        for (bool armor : {false, true}) {
            const char *form = armor ? "armored" : "binary";
            for (int size :
                 {0, 1, 1000, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, 128 * 1024, 200 * 1024})
                QTest::addRow("%s-%d", form, size) << size << 1 << armor;
            QTest::addRow("%s-3-recipients", form) << 70000 << 3 << armor;
        }
    }

    void roundTrip()
    {
        QFETCH(int, size);
        QFETCH(int, recipients);
        QFETCH(bool, armor);
        const QByteArray plaintext = randomData(size);
        const QList<Identity> identities = generated(recipients);
        const Result<QByteArray> file = encrypt(plaintext, recipientsOf(identities), armor);
        QVERIFY2(file.ok(), qPrintable(file.error().message));
        if (armor) {
            QVERIFY(file->startsWith("-----BEGIN AGE ENCRYPTED FILE-----\n"));
            QVERIFY(file->endsWith("\n-----END AGE ENCRYPTED FILE-----\n"));
            for (const QByteArray &line : file->split('\n'))
                QVERIFY(line.size() <= 64);
        } else {
            QVERIFY(file->startsWith("age-encryption.org/v1\n-> X25519 "));
            // Header, 16-byte nonce, then each 64 KiB chunk sealed with a 16-byte tag.
            const int chunks = size == 0 ? 1 : (size + 65535) / 65536;
            QCOMPARE(file->size() - payloadOffset(*file), 16 + size + 16 * chunks);
        }
        for (const Identity &identity : identities) {
            const Result<SecretBytes> opened = decrypt(*file, QList<Identity>{identity});
            QVERIFY2(opened.ok(), qPrintable(opened.error().message));
            QCOMPARE(opened->bytes(), plaintext);
        }
    }

    void wrongIdentity()
    {
        const Result<QByteArray> file = encrypt("secret", recipientsOf(generated(2)), false);
        QVERIFY(file.ok());
        const Result<SecretBytes> opened = decrypt(*file, generated(2));
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().message,
                 QStringLiteral("no identity matched any of the file's recipients"));
        QVERIFY(!decrypt(*file, {}).ok());
    }

    void laterIdentityMatches()
    {
        const QList<Identity> identities = generated(3);
        const Result<QByteArray> file =
            encrypt("secret", QStringList{identities.at(2).recipient()}, true);
        QVERIFY(file.ok());
        const Result<SecretBytes> opened = decrypt(*file, identities);
        QVERIFY2(opened.ok(), qPrintable(opened.error().message));
        QCOMPARE(opened->bytes(), QByteArray("secret"));
    }

    void badRecipientRejected()
    {
        const Result<QByteArray> file = encrypt(
            "x", QStringList{Identity::generate().recipient(), QStringLiteral("age1xyz")}, false);
        QVERIFY(!file.ok());
        QVERIFY2(file.error().message.contains(QLatin1String("age1xyz")),
                 qPrintable(file.error().message));
        QVERIFY(!encrypt("x", {}, false).ok());
    }

    // Files age 1.1.1 wrote (tests/data/age): they pin the format even where the tools are absent.
    void knownAnswerFromAge()
    {
        const QByteArray keys = readData(QStringLiteral("keys.txt"));
        const Result<QList<Identity>> identities = parseIdentityFile(keys);
        QVERIFY2(identities.ok(), qPrintable(identities.error().toString()));
        QCOMPARE(identities->size(), 1);
        QVERIFY(keys.contains(
            QByteArray("# public key: " + identities->at(0).recipient().toLatin1() + '\n')));
        QCOMPARE(identities->at(0).toString().toLatin1(), keys.split('\n').at(2));

        const Result<SecretBytes> hello =
            decrypt(readData(QStringLiteral("hello.age.asc")), *identities);
        QVERIFY2(hello.ok(), qPrintable(hello.error().message));
        QCOMPARE(hello->bytes(), QByteArray("Hello, age!\n"));
        // An ssh-ed25519 stanza first, then the X25519 one; two STREAM chunks.
        const Result<SecretBytes> twoChunks =
            decrypt(readData(QStringLiteral("two-chunks.age")), *identities);
        QVERIFY2(twoChunks.ok(), qPrintable(twoChunks.error().message));
        QCOMPARE(twoChunks->bytes(), pattern());
    }

    void headerRoundTrip_data()
    {
        QTest::addColumn<QList<int>>("bodySizes");
        QTest::addRow("none") << QList<int>{};
        QTest::addRow("empty body") << QList<int>{0};
        QTest::addRow("short bodies") << QList<int>{1, 32, 47};
        QTest::addRow("full line") << QList<int>{48};
        QTest::addRow("longer") << QList<int>{49, 96, 100, 0};
    }

    void headerRoundTrip()
    {
        QFETCH(QList<int>, bodySizes);
        QList<Format::Stanza> stanzas;
        for (int size : bodySizes) {
            Format::Stanza stanza;
            stanza.type = "test-" + QByteArray::number(size);
            stanza.args = QList<QByteArray>{"a", "b+/="};
            stanza.body = randomData(size);
            stanzas.append(stanza);
        }
        const QByteArray mac = randomData(32);
        const QByteArray header = Format::headerWithoutMac(stanzas);
        const QByteArray file = header + Format::macLine(mac) + "payload";
        for (const QByteArray &line : file.split('\n'))
            QVERIFY(line.size() <= 64);
        const Result<Format::Header> parsed = Format::parse(file);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().message));
        QCOMPARE(parsed->stanzas.size(), stanzas.size());
        for (int i = 0; i < stanzas.size(); ++i) {
            QCOMPARE(parsed->stanzas.at(i).type, stanzas.at(i).type);
            QCOMPARE(parsed->stanzas.at(i).args, stanzas.at(i).args);
            QCOMPARE(parsed->stanzas.at(i).body, stanzas.at(i).body);
        }
        QCOMPARE(parsed->mac, mac);
        QCOMPARE(parsed->macInputSize, header.size());
        QCOMPARE(file.mid(parsed->payloadOffset), QByteArray("payload"));
    }

    void damagedFiles_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<int>("size");
        QTest::addColumn<QString>("message");
        QTest::addRow("header mac")
            << QStringLiteral("mac") << 100 << QStringLiteral("MAC is wrong");
        QTest::addRow("added stanza")
            << QStringLiteral("stanza") << 100 << QStringLiteral("MAC is wrong");
        QTest::addRow("added stanza with a full line")
            << QStringLiteral("stanza48") << 100 << QStringLiteral("MAC is wrong");
        QTest::addRow("non-canonical base64")
            << QStringLiteral("noncanonical") << 100 << QStringLiteral("malformed age header");
        QTest::addRow("payload byte")
            << QStringLiteral("payload") << 100 << QStringLiteral("damaged");
        QTest::addRow("payload nonce")
            << QStringLiteral("nonce") << 100 << QStringLiteral("damaged");
        QTest::addRow("last byte cut")
            << QStringLiteral("cut1") << 100 << QStringLiteral("truncated");
        QTest::addRow("last chunk cut")
            << QStringLiteral("chunk") << 64 * 1024 + 1 << QStringLiteral("truncated");
        QTest::addRow("empty last chunk added")
            << QStringLiteral("emptychunk") << 64 * 1024 << QStringLiteral("truncated");
        QTest::addRow("bytes appended")
            << QStringLiteral("append") << 100 << QStringLiteral("damaged");
        QTest::addRow("payload gone")
            << QStringLiteral("nopayload") << 100 << QStringLiteral("truncated");
        QTest::addRow("header cut")
            << QStringLiteral("headercut") << 100 << QStringLiteral("malformed age header");
        QTest::addRow("not age") << QStringLiteral("notage") << 100
                                 << QStringLiteral("not an age file");
        QTest::addRow("low-order share")
            << QStringLiteral("loworder") << 100 << QStringLiteral("low-order");
        QTest::addRow("bad share")
            << QStringLiteral("badshare") << 100 << QStringLiteral("X25519 stanza");
        QTest::addRow("long body line")
            << QStringLiteral("longbody") << 100 << QStringLiteral("malformed age header");
    }

    void damagedFiles()
    {
        QFETCH(QString, damage);
        QFETCH(int, size);
        QFETCH(QString, message);
        const Identity identity = Identity::generate();
        const Result<QByteArray> encrypted =
            encrypt(randomData(size), QStringList{identity.recipient()}, false);
        QVERIFY(encrypted.ok());
        QByteArray file = *encrypted;
        QVERIFY(decrypt(file, QList<Identity>{identity}).ok());
        const int payload = payloadOffset(file);
        const int mac = int(file.indexOf("\n--- ")) + 5;
        const int share = int(file.indexOf("-> X25519 ")) + 10;
        if (damage == QLatin1String("mac"))
            file[mac + 3] = file.at(mac + 3) == 'A' ? 'B' : 'A';
        else if (damage == QLatin1String("stanza"))
            file.insert(share - 10, "-> other arg\nAAAA\n");
        else if (damage == QLatin1String("stanza48"))
            file.insert(share - 10, "-> other\n" + QByteArray(64, 'A') + "\n\n");
        else if (damage == QLatin1String("noncanonical"))
            file.insert(share - 10, "-> other\nAB\n");
        else if (damage == QLatin1String("payload"))
            file[payload + 20] = char(file.at(payload + 20) ^ 1);
        else if (damage == QLatin1String("nonce"))
            file[payload + 2] = char(file.at(payload + 2) ^ 1);
        else if (damage == QLatin1String("cut1"))
            file.chop(1);
        else if (damage == QLatin1String("chunk"))
            file.chop(1 + 16);
        else if (damage == QLatin1String("emptychunk"))
            file.append(QByteArray(16, '\0'));
        else if (damage == QLatin1String("append"))
            file.append('x');
        else if (damage == QLatin1String("nopayload"))
            file.truncate(payload + 16);
        else if (damage == QLatin1String("headercut"))
            file.truncate(mac - 8);
        else if (damage == QLatin1String("notage"))
            file[4] = 'X';
        else if (damage == QLatin1String("loworder"))
            file.replace(share, 43, QByteArray(43, 'A'));
        else if (damage == QLatin1String("badshare"))
            file.replace(share, 43, QByteArray(42, 'A'));
        else if (damage == QLatin1String("longbody"))
            file.insert(file.indexOf('\n', share) + 1, QByteArray(65, 'A') + '\n');
        const Result<SecretBytes> opened = decrypt(file, QList<Identity>{identity});
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().message.contains(message), qPrintable(opened.error().message));
    }

    void armorTolerance_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<bool>("ok");
        QTest::addRow("as written") << QString() << true;
        QTest::addRow("surrounding whitespace") << QStringLiteral("space") << true;
        QTest::addRow("crlf") << QStringLiteral("crlf") << true;
        QTest::addRow("no final newline") << QStringLiteral("nofinal") << true;
        QTest::addRow("data after") << QStringLiteral("after") << false;
        QTest::addRow("text before") << QStringLiteral("before") << false;
        QTest::addRow("long line") << QStringLiteral("long") << false;
        QTest::addRow("empty line") << QStringLiteral("empty") << false;
        QTest::addRow("no end") << QStringLiteral("noend") << false;
        QTest::addRow("bad base64") << QStringLiteral("base64") << false;
    }

    void armorTolerance()
    {
        QFETCH(QString, change);
        QFETCH(bool, ok);
        const Identity identity = Identity::generate();
        const QByteArray plaintext = randomData(500);
        const Result<QByteArray> encrypted =
            encrypt(plaintext, QStringList{identity.recipient()}, true);
        QVERIFY(encrypted.ok());
        QByteArray file = *encrypted;
        const int secondLine = int(file.indexOf('\n')) + 1;
        if (change == QLatin1String("space"))
            file = "\n  \r\n\t\n" + file + " \n\n";
        else if (change == QLatin1String("crlf"))
            file.replace("\n", "\r\n");
        else if (change == QLatin1String("nofinal"))
            file.chop(1);
        else if (change == QLatin1String("after"))
            file.append("x\n");
        else if (change == QLatin1String("before"))
            file.prepend("x\n");
        else if (change == QLatin1String("long"))
            file.remove(secondLine + 64, 1);
        else if (change == QLatin1String("empty"))
            file.insert(secondLine, '\n');
        else if (change == QLatin1String("noend"))
            file.truncate(file.indexOf("-----END"));
        else if (change == QLatin1String("base64"))
            file[secondLine + 5] = '*';
        const Result<SecretBytes> opened = decrypt(file, QList<Identity>{identity});
        QCOMPARE(opened.ok(), ok);
        if (ok)
            QCOMPARE(opened->bytes(), plaintext);
        else
            QVERIFY2(opened.error().message.contains(QLatin1String("armor")) ||
                         opened.error().message.contains(QLatin1String("not an age file")),
                     qPrintable(opened.error().message));
    }

    void secretBytesWipe()
    {
        SecretBytes secret(QByteArray("key material"));
        SecretBytes copy = secret;
        QCOMPARE(copy.bytes(), QByteArray("key material"));
        secret.clear();
        QVERIFY(secret.isEmpty());
        QCOMPARE(copy.bytes(), QByteArray("key material"));
        SecretBytes moved = std::move(copy);
        QVERIFY(copy.isEmpty());
        QCOMPARE(moved.bytes(), QByteArray("key material"));
    }

    // Interoperation with the age command-line tools.

    void ageKeygenKeysRead()
    {
        const AgeTools tools;
        if (!tools.found())
            QFAIL(missingTools);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QByteArray keys;
        QStringList recipients;
        for (int i = 0; i < 2; ++i) {
            const QString path = dir.filePath(QStringLiteral("key%1.txt").arg(i));
            const Run keygen = AgeTools::run(tools.keygen, QStringList{QStringLiteral("-o"), path});
            QVERIFY2(keygen.exitCode == 0, keygen.err.constData());
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray text = file.readAll();
            keys += text + '\n';
            const Run publicKey =
                AgeTools::run(tools.keygen, QStringList{QStringLiteral("-y"), path});
            QVERIFY2(publicKey.exitCode == 0, publicKey.err.constData());
            recipients.append(QString::fromLatin1(publicKey.out.trimmed()));

            const Result<QList<Identity>> parsed = parseIdentityFile(text, path);
            QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
            QCOMPARE(parsed->size(), 1);
            QCOMPARE(parsed->at(0).recipient(), recipients.last());
            QVERIFY(
                text.contains(QByteArray("# public key: " + recipients.last().toLatin1() + '\n')));
        }
        const Result<QList<Identity>> both = parseIdentityFile(keys);
        QVERIFY2(both.ok(), qPrintable(both.error().toString()));
        QCOMPARE(recipientsOf(*both), recipients);
    }

    void ageDecryptsOurs_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<bool>("armor");
        for (bool armor : {false, true}) {
            for (int size : {0, 1, 64 * 1024, 64 * 1024 + 1, 200 * 1024})
                QTest::addRow("%s-%d", armor ? "armored" : "binary", size) << size << armor;
        }
    }

    void ageDecryptsOurs()
    {
        QFETCH(int, size);
        QFETCH(bool, armor);
        const AgeTools tools;
        if (!tools.found())
            QFAIL(missingTools);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QList<Identity> identities = generated(2);
        const QByteArray plaintext = randomData(size);
        const Result<QByteArray> file = encrypt(plaintext, recipientsOf(identities), armor);
        QVERIFY(file.ok());
        for (int i = 0; i < identities.size(); ++i) {
            const QString keyPath = dir.filePath(QStringLiteral("keys%1.txt").arg(i));
            QFile keyFile(keyPath);
            QVERIFY(keyFile.open(QIODevice::WriteOnly));
            keyFile.write(identityFileText(identities.at(i), QDateTime::currentDateTime()));
            keyFile.close();
            const Run decrypted = AgeTools::run(
                tools.age, QStringList{QStringLiteral("-d"), QStringLiteral("-i"), keyPath}, *file);
            QVERIFY2(decrypted.exitCode == 0, decrypted.err.constData());
            QCOMPARE(decrypted.out, plaintext);
        }
    }

    void weDecryptAges_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<bool>("armor");
        QTest::addColumn<bool>("ssh");
        for (bool armor : {false, true}) {
            const char *form = armor ? "armored" : "binary";
            for (int size : {0, 1, 64 * 1024, 64 * 1024 + 1, 300 * 1024})
                QTest::addRow("%s-%d", form, size) << size << armor << false;
            QTest::addRow("%s-with-ssh-stanza", form) << 5000 << armor << true;
        }
    }

    void weDecryptAges()
    {
        QFETCH(int, size);
        QFETCH(bool, armor);
        QFETCH(bool, ssh);
        const AgeTools tools;
        if (!tools.found())
            QFAIL(missingTools);
        const QList<Identity> identities = generated(3);
        QStringList args;
        if (armor)
            args.append(QStringLiteral("-a"));
        if (ssh)
            args << QStringLiteral("-r") << sshEd25519PublicKey();
        for (const QString &recipient : recipientsOf(identities))
            args << QStringLiteral("-r") << recipient;
        const QByteArray plaintext = randomData(size);
        const Run encrypted = AgeTools::run(tools.age, args, plaintext);
        QVERIFY2(encrypted.exitCode == 0, encrypted.err.constData());
        if (ssh)
            QVERIFY(encrypted.out.contains("-> ssh-ed25519 ") || armor);
        for (const Identity &identity : identities) {
            const Result<SecretBytes> opened = decrypt(encrypted.out, QList<Identity>{identity});
            QVERIFY2(opened.ok(), qPrintable(opened.error().message));
            QCOMPARE(opened->bytes(), plaintext);
        }
        QVERIFY(!decrypt(encrypted.out, generated(1)).ok());
    }
};

QTEST_GUILESS_MAIN(TestAge)
#include "tst_age.moc"
