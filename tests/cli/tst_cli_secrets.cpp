#include "clirunner.h"

#include "manifest/yamljson.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

const QByteArray Secret = "apiVersion: v1\n"
                          "kind: Secret\n"
                          "metadata:\n"
                          "  name: db\n"
                          "  namespace: app\n"
                          "type: Opaque\n"
                          "stringData:\n"
                          "  password: correct-horse-battery\n"
                          "data:\n"
                          "  token: c2VjcmV0LXRva2Vu\n";

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject parsed(const QByteArray &yaml)
{
    Result<QJsonValue> value = parseYamlValue(yaml, QString());
    return value ? value->toObject() : QJsonObject();
}

QStringList words(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *word : list)
        out << QString::fromUtf8(word);
    return out;
}

int modeOf(const QString &path)
{
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
}

} // namespace

// fluxdesk-cli secrets: keygen, encrypt, decrypt, setup as a user runs them, with Debian's age
// reading what keygen and encrypt wrote.
class TestCliSecrets : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
    QString m_keyFile;
    QString m_recipient;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        m_env = isolatedEnvironment(path(QStringLiteral("home")));
        m_env.remove(QStringLiteral("SOPS_AGE_KEY"));
        m_env.remove(QStringLiteral("SOPS_AGE_KEY_FILE"));
        m_env.remove(QStringLiteral("XDG_CONFIG_HOME"));
        m_keyFile = path(QStringLiteral("home/.config/sops/age/keys.txt"));
    }

    void keygenKeepsTheKeyWhereSopsLooks()
    {
        const CliRun run = runCli({QStringLiteral("secrets"), QStringLiteral("keygen")}, m_env);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        m_recipient = run.outText().trimmed();
        QVERIFY(m_recipient.startsWith(QStringLiteral("age1")));
        QCOMPARE(modeOf(m_keyFile), 0600);
        QVERIFY(run.errText().contains(m_keyFile));
        QVERIFY(run.errText().contains(QStringLiteral("lost")));
        QVERIFY(!run.outText().contains(QStringLiteral("AGE-SECRET-KEY")));
        QVERIFY(!run.errText().contains(QStringLiteral("AGE-SECRET-KEY")));

        // Debian's age-keygen reads the file and derives the same public key.
        const QString ageKeygen = QStandardPaths::findExecutable(QStringLiteral("age-keygen"));
        if (ageKeygen.isEmpty())
            QFAIL("age-keygen is not installed: run scripts/setup-deps.sh test");
        const CliRun y = runProgram(ageKeygen, {QStringLiteral("-y"), m_keyFile}, m_env);
        QCOMPARE(y.exitCode, 0);
        QCOMPARE(y.outText().trimmed(), m_recipient);
    }

    void encryptThenDecrypt()
    {
        const QString file = path(QStringLiteral("secret.yaml"));
        QVERIFY(writeFile(file, Secret));
        const CliRun enc =
            runCli({QStringLiteral("secrets"), QStringLiteral("encrypt"), file,
                    QStringLiteral("--age"), m_recipient, QStringLiteral("--encrypted-regex"),
                    QStringLiteral("^(data|stringData)$")},
                   m_env);
        QVERIFY2(enc.exitCode == 0, enc.err.constData());
        QVERIFY(!enc.out.contains("correct-horse-battery"));
        QVERIFY(!enc.out.contains("c2VjcmV0LXRva2Vu"));
        QVERIFY(enc.out.contains("ENC[AES256_GCM,data:"));
        const QJsonObject object = parsed(enc.out);
        QCOMPARE(object.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")),
                 QJsonValue(QStringLiteral("db")));
        const QJsonObject sops = object.value(QLatin1String("sops")).toObject();
        QCOMPARE(sops.value(QLatin1String("age"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("recipient"))
                     .toString(),
                 m_recipient);

        // Debian's age opens the data key wrapped for the recipient with the key keygen wrote.
        const QString age = QStandardPaths::findExecutable(QStringLiteral("age"));
        if (age.isEmpty())
            QFAIL("age is not installed: run scripts/setup-deps.sh test");
        const QString wrapped = path(QStringLiteral("datakey.age"));
        QVERIFY(writeFile(wrapped, sops.value(QLatin1String("age"))
                                       .toArray()
                                       .at(0)
                                       .toObject()
                                       .value(QLatin1String("enc"))
                                       .toString()
                                       .toUtf8()));
        const CliRun key = runProgram(
            age, {QStringLiteral("-d"), QStringLiteral("-i"), m_keyFile, wrapped}, m_env);
        QVERIFY2(key.exitCode == 0, key.err.constData());
        QCOMPARE(key.out.size(), 32);

        const QString encrypted = path(QStringLiteral("secret.enc.yaml"));
        QVERIFY(writeFile(encrypted, enc.out));
        const CliRun dec =
            runCli({QStringLiteral("secrets"), QStringLiteral("decrypt"), encrypted}, m_env);
        QVERIFY2(dec.exitCode == 0, dec.err.constData());
        QCOMPARE(parsed(dec.out), parsed(Secret));
    }

    void inPlaceAndByTheRepositorysRule()
    {
        const QString repo = path(QStringLiteral("repo"));
        QVERIFY(writeFile(repo + QStringLiteral("/clusters/homelab/workloads.yaml"),
                          "apiVersion: kustomize.toolkit.fluxcd.io/v1\n"
                          "kind: Kustomization\n"
                          "metadata:\n"
                          "  name: workloads\n"
                          "  namespace: flux-system\n"
                          "spec:\n"
                          "  interval: 10m\n"
                          "  path: ./workloads\n"
                          "  prune: true\n"
                          "  sourceRef:\n"
                          "    kind: GitRepository\n"
                          "    name: flux-system\n"));
        const QString secret = repo + QStringLiteral("/workloads/app/db-secret.yaml");
        QVERIFY(writeFile(secret, Secret));

        // Set up with the user's key: the plain Secret file is named, exit 1.
        CliRun setup = runCli(
            {QStringLiteral("secrets"), QStringLiteral("setup"), QStringLiteral("--repo"), repo},
            m_env);
        QCOMPARE(setup.exitCode, 1);
        QVERIFY(setup.outText().contains(QStringLiteral("wrote .sops.yaml")));
        QVERIFY(
            setup.outText().contains(QStringLiteral("plain text: workloads/app/db-secret.yaml")));
        QVERIFY(readAll(repo + QStringLiteral("/.sops.yaml")).contains(m_recipient.toUtf8()));
        QVERIFY(readAll(repo + QStringLiteral("/.gitignore")).contains("*.agekey"));
        QVERIFY(readAll(repo + QStringLiteral("/clusters/homelab/workloads.yaml"))
                    .contains("decryption:\n    provider: sops\n    secretRef:\n      name: "
                              "sops-age\n"));

        // Encrypted in place by .sops.yaml's rule (no --age): data and stringData only.
        const CliRun enc = runCli({QStringLiteral("secrets"), QStringLiteral("encrypt"), secret,
                                   QStringLiteral("--in-place")},
                                  m_env);
        QVERIFY2(enc.exitCode == 0, enc.err.constData());
        QVERIFY(enc.out.isEmpty());
        const QByteArray onDisk = readAll(secret);
        QVERIFY(!onDisk.contains("correct-horse-battery"));
        QVERIFY(onDisk.contains("encrypted_regex: ^(data|stringData)$"));
        QVERIFY(onDisk.contains("name: db"));

        setup = runCli(
            {QStringLiteral("secrets"), QStringLiteral("setup"), QStringLiteral("--repo"), repo},
            m_env);
        QCOMPARE(setup.exitCode, 0);
        QVERIFY(setup.outText().contains(QStringLiteral("already set up")));

        // Twice is refused; decrypt in place brings the text back, private.
        const CliRun twice =
            runCli({QStringLiteral("secrets"), QStringLiteral("encrypt"), secret}, m_env);
        QCOMPARE(twice.exitCode, 2);
        QVERIFY(twice.errText().contains(QStringLiteral("already encrypted")));
        const CliRun dec = runCli({QStringLiteral("secrets"), QStringLiteral("decrypt"), secret,
                                   QStringLiteral("--in-place")},
                                  m_env);
        QVERIFY2(dec.exitCode == 0, dec.err.constData());
        QCOMPARE(parsed(readAll(secret)), parsed(Secret));
        QCOMPARE(modeOf(secret), 0600);
    }

    void failuresSayWhy()
    {
        const QString file = path(QStringLiteral("tampered.yaml"));
        const CliRun enc =
            runCli({QStringLiteral("secrets"), QStringLiteral("encrypt"),
                    path(QStringLiteral("secret.yaml")), QStringLiteral("--age"), m_recipient},
                   m_env);
        QVERIFY2(enc.exitCode == 0, enc.err.constData());

        // Without any key: exit 2, and what to do.
        QVERIFY(writeFile(file, enc.out));
        QProcessEnvironment keyless = isolatedEnvironment(path(QStringLiteral("keyless")));
        keyless.remove(QStringLiteral("SOPS_AGE_KEY"));
        keyless.remove(QStringLiteral("SOPS_AGE_KEY_FILE"));
        keyless.remove(QStringLiteral("XDG_CONFIG_HOME"));
        CliRun dec = runCli({QStringLiteral("secrets"), QStringLiteral("decrypt"), file}, keyless);
        QCOMPARE(dec.exitCode, 2);
        QVERIFY(dec.errText().contains(QStringLiteral("secrets keygen")));

        // A value changed after encryption: exit 1, nothing in the clear printed.
        QByteArray text = enc.out;
        const int at = int(text.indexOf("data:", text.indexOf("ENC[AES256_GCM,")));
        QVERIFY(at > 0);
        text[at + 6] = text.at(at + 6) == 'A' ? 'B' : 'A';
        QVERIFY(writeFile(file, text));
        dec = runCli({QStringLiteral("secrets"), QStringLiteral("decrypt"), file}, m_env);
        QCOMPARE(dec.exitCode, 1);
        QVERIFY(dec.out.isEmpty());
        QVERIFY(dec.errText().contains(QStringLiteral("tampered.yaml")));

        // Not a SOPS file.
        dec = runCli({QStringLiteral("secrets"), QStringLiteral("decrypt"),
                      path(QStringLiteral("secret.yaml"))},
                     m_env);
        QCOMPARE(dec.exitCode, 2);
        QVERIFY(dec.errText().contains(QStringLiteral("not a SOPS file")));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::addRow("no subcommand")
            << words({"secrets"}) << QString::fromUtf8("secrets needs a subcommand");
        QTest::addRow("unknown") << words({"secrets", "rotate"})
                                 << QString::fromUtf8("unknown subcommand");
        QTest::addRow("no file") << words({"secrets", "encrypt"})
                                 << QString::fromUtf8("needs FILE");
        QTest::addRow("in-place keygen")
            << words({"secrets", "keygen", "--in-place"}) << QString::fromUtf8("--in-place needs");
        QTest::addRow("age on decrypt") << words({"secrets", "decrypt", "f.yaml", "--age", "age1x"})
                                        << QString::fromUtf8("--age needs");
        QTest::addRow("setup without repo")
            << words({"secrets", "setup"}) << QString::fromUtf8("--repo DIR");
        QTest::addRow("bad recipient")
            << words({"secrets", "encrypt", "f.yaml", "--age", "age1nope"})
            << QString::fromUtf8("not an age recipient");
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const CliRun run = runCli(arguments, m_env);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(message), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliSecrets)
#include "tst_cli_secrets.moc"
