// Fluxdesk's SOPS files against an independent implementation (Node.js, tests/secrets/interop):
// what Fluxdesk encrypts, it decrypts with the MAC checked; what it encrypts, Fluxdesk decrypts.

#include "manifest/yamljson.h"
#include "secrets/age.h"
#include "secrets/sopsfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
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

const QByteArray kValues = "replicas: 3\n"
                           "ratio: 0.75\n"
                           "enabled: true\n"
                           "name: web\n"
                           "empty: \"\"\n"
                           "nothing: null\n"
                           "image:\n"
                           "  repository: ghcr.io/example/web\n"
                           "  tag: \"1.2\"\n"
                           "  pullPolicy: IfNotPresent\n"
                           "env:\n"
                           "  - name: LOG_LEVEL\n"
                           "    value: debug\n"
                           "  - name: PORT\n"
                           "    value: \"8080\"\n"
                           "hosts:\n"
                           "  - a.example.com\n"
                           "  - b.example.com\n"
                           "script: |\n"
                           "  #!/bin/sh\n"
                           "  echo \"hello: world\"\n"
                           "note_unencrypted: stays readable\n"
                           "nested:\n"
                           "  deeper:\n"
                           "    deepest: 42\n"
                           "    flag: false\n";

QJsonValue value(const QByteArray &yaml)
{
    auto v = parseYamlValue(yaml, QStringLiteral("test.yaml"));
    if (!v)
        qWarning("%s", qPrintable(v.error().toString()));
    return v ? *v : QJsonValue();
}

} // namespace

class TestSopsInterop : public QObject
{
    Q_OBJECT

    QString m_node;
    QString m_tool;
    QTemporaryDir m_dir;
    QString m_keyFile;
    Age::Identity m_id;
    Age::Identity m_other;

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    Run tool(const QStringList &arguments)
    {
        QProcess p;
        p.start(m_node, QStringList{m_tool} + arguments);
        Run r;
        if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit)
            return r;
        r.exitCode = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return {};
        return path;
    }

private slots:
    void initTestCase()
    {
        const QString interop =
            QFileInfo(QStringLiteral(FLUXDESK_TEST_DATA "/../secrets/interop")).canonicalFilePath();
        m_tool = interop + QStringLiteral("/sops-interop.mjs");
        QVERIFY2(QFileInfo::exists(m_tool), qPrintable(m_tool));
        m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (m_node.isEmpty())
            QFAIL(
                "node (Node.js 18 or newer) is not installed: scripts/setup-deps.sh test installs "
                "it, then run: npm ci --prefix tests/secrets/interop");
        if (!QFileInfo::exists(interop + QStringLiteral("/node_modules/sops-age")))
            QFAIL("the interop tool's packages are missing; install them with: "
                  "npm ci --prefix tests/secrets/interop");
        QVERIFY(m_dir.isValid());
        m_id = Age::Identity::generate();
        m_other = Age::Identity::generate();
        m_keyFile = write(QStringLiteral("keys.txt"),
                          Age::identityFileText(m_id, QDateTime::currentDateTimeUtc()));
        QVERIFY(!m_keyFile.isEmpty());
    }

    void oursToTheirs_data()
    {
        QTest::addColumn<QByteArray>("plain");
        QTest::addColumn<QString>("encryptedRegex");
        QTest::addColumn<bool>("macOnlyEncrypted");
        QTest::addRow("secret") << kSecret << QStringLiteral("^(data|stringData)$") << false;
        QTest::addRow("values") << kValues << QString() << false;
        QTest::addRow("values, mac_only_encrypted") << kValues << QString() << true;
    }

    void oursToTheirs()
    {
        QFETCH(QByteArray, plain);
        QFETCH(QString, encryptedRegex);
        QFETCH(bool, macOnlyEncrypted);
        Sops::EncryptOptions o;
        o.recipients = QStringList{m_other.recipient(), m_id.recipient()};
        o.rules.encryptedRegex = encryptedRegex;
        o.rules.macOnlyEncrypted = macOnlyEncrypted;
        auto enc = Sops::encrypt(plain, o);
        QVERIFY2(enc, qPrintable(enc.error().toString()));
        const QString file = write(QStringLiteral("ours.yaml"), *enc);
        const Run r =
            tool({QStringLiteral("decrypt"), file, QStringLiteral("--identity"), m_keyFile});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(value(r.out), value(plain));

        // Their MAC check sees a change to a value we left in the clear.
        QByteArray changed = *enc;
        changed.replace(
            plain.contains("kind: Secret") ? QByteArray("name: db") : QByteArray("stays readable"),
            plain.contains("kind: Secret") ? QByteArray("name: dc") : QByteArray("stays changed"));
        if (macOnlyEncrypted)
            return; // values in the clear are outside that MAC
        const QString bad = write(QStringLiteral("changed.yaml"), changed);
        const Run b =
            tool({QStringLiteral("decrypt"), bad, QStringLiteral("--identity"), m_keyFile});
        QCOMPARE(b.exitCode, 1);
        QVERIFY2(b.err.contains("MAC"), b.err.constData());
    }

    void theirsToOurs_data()
    {
        QTest::addColumn<QByteArray>("plain");
        QTest::addColumn<QStringList>("rule");
        QTest::addRow("secret") << kSecret
                                << QStringList{QStringLiteral("--encrypted-regex"),
                                               QStringLiteral("^(data|stringData)$")};
        QTest::addRow("values") << kValues << QStringList();
        QTest::addRow("values, mac_only_encrypted")
            << kValues << QStringList{QStringLiteral("--mac-only-encrypted")};
    }

    void theirsToOurs()
    {
        QFETCH(QByteArray, plain);
        QFETCH(QStringList, rule);
        const QString file = write(QStringLiteral("plain.yaml"), plain);
        const Run r =
            tool(QStringList{QStringLiteral("encrypt"), file, QStringLiteral("--recipient"),
                             m_id.recipient(), QStringLiteral("--recipient"), m_other.recipient()} +
                 rule);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(Sops::isEncrypted(r.out));
        auto meta = Sops::readMetadata(r.out);
        QVERIFY2(meta, qPrintable(meta.error().toString()));
        QCOMPARE(meta->recipients, (QStringList{m_id.recipient(), m_other.recipient()}));
        for (const Age::Identity &id : {m_id, m_other}) {
            Sops::DecryptOptions d;
            d.identities = {id};
            auto clear = Sops::decrypt(r.out, d, QStringLiteral("theirs.yaml"));
            QVERIFY2(clear, qPrintable(clear.error().toString() + QLatin1Char('\n') +
                                       QString::fromUtf8(r.out)));
            QCOMPARE(value(clear->bytes()), value(plain));
        }
        // Their file, edited and re-encrypted by us with it as the previous file, still reads
        // on their side.
        Sops::EncryptOptions o;
        o.recipients = meta->recipients;
        o.rules = meta->rules;
        o.previous = r.out;
        o.identities = {m_id};
        auto again = Sops::encrypt(plain, o);
        QVERIFY2(again, qPrintable(again.error().toString()));
        const QString file2 = write(QStringLiteral("again.yaml"), *again);
        const Run back =
            tool({QStringLiteral("decrypt"), file2, QStringLiteral("--identity"), m_keyFile});
        QVERIFY2(back.exitCode == 0, back.err.constData());
        QCOMPARE(value(back.out), value(plain));
    }
};

QTEST_GUILESS_MAIN(TestSopsInterop)
#include "tst_sopsinterop.moc"
