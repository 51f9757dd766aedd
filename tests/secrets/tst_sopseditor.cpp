#include "manifest/editordocument.h"
#include "manifest/yamljson.h"
#include "secrets/age.h"
#include "secrets/sopseditorcodec.h"
#include "secrets/sopsfile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Fluxdesk;

namespace {

const QByteArray Plain = "apiVersion: v1\n"
                         "kind: Secret\n"
                         "metadata:\n"
                         "  name: grafana-values\n"
                         "  namespace: logging\n"
                         "stringData:\n"
                         "  adminPassword: first-password\n"
                         "  adminUser: admin\n";

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

QList<QByteArray> encLines(const QByteArray &yaml)
{
    QList<QByteArray> out;
    for (const QByteArray &line : yaml.split('\n')) {
        if (line.contains("ENC[") && !line.trimmed().startsWith("mac:"))
            out.append(line);
    }
    return out;
}

QJsonValue parsed(const QByteArray &yaml)
{
    Result<QJsonValue> value = parseYamlValue(yaml, QString());
    return value ? *value : QJsonValue();
}

} // namespace

// A SOPS file in the editor: read in the clear through the codec, saved encrypted again with the
// same data key and recipients, unchanged values keeping their ciphertext; without the key,
// read-only with the reason.
class TestSopsEditor : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Age::Identity m_key = Age::Identity::generate();
    Age::Identity m_other = Age::Identity::generate();
    QString m_file;

    FileCodecResolver resolver(const QList<Age::Identity> &identities) const
    {
        return Sops::editorCodecResolver([identities] { return identities; });
    }

private Q_SLOTS:
    void init()
    {
        m_file = m_dir.filePath(QStringLiteral("grafana-values-secret.yaml"));
        Sops::EncryptOptions options;
        options.recipients = QStringList{m_key.recipient(), m_other.recipient()};
        options.rules.encryptedRegex = QStringLiteral("^(data|stringData)$");
        Result<QByteArray> encrypted = Sops::encrypt(Plain, options);
        QVERIFY2(encrypted.ok(), qPrintable(encrypted.error().toString()));
        QVERIFY(writeFile(m_file, *encrypted));
    }

    void opensInTheClearAndSavesEncrypted()
    {
        const QByteArray before = readAll(m_file);
        Result<FileSnapshot> snapshot = readTextFile(m_file, 1 << 20, resolver({m_key}));
        QVERIFY2(snapshot.ok(), qPrintable(snapshot.error().toString()));
        QVERIFY(bool(snapshot->codec));
        QVERIFY(snapshot->readOnlyReason.isEmpty());
        QCOMPARE(parsed(snapshot->text.toUtf8()), parsed(Plain));
        QVERIFY(!snapshot->text.contains(QStringLiteral("sops:")));

        EditorDocument document = EditorDocument::fromSnapshot(m_file, *snapshot);
        QString edited = snapshot->text;
        edited.replace(QStringLiteral("first-password"), QStringLiteral("second-password"));
        Result<bool> saved = document.save(edited);
        QVERIFY2(saved.ok(), qPrintable(saved.error().toString()));

        const QByteArray after = readAll(m_file);
        QVERIFY(Sops::isEncrypted(after));
        QVERIFY(!after.contains("second-password"));
        QVERIFY(!after.contains("first-password"));
        // Both recipients still open it, and it holds the edit.
        for (const Age::Identity &identity : {m_key, m_other}) {
            Sops::DecryptOptions options;
            options.identities = {identity};
            Result<Age::SecretBytes> clear = Sops::decrypt(after, options);
            QVERIFY2(clear.ok(), qPrintable(clear.error().toString()));
            QVERIFY(clear->bytes().contains("second-password"));
        }
        // The diff is small: adminUser's ciphertext is the same, adminPassword's changed.
        const QList<QByteArray> old = encLines(before);
        const QList<QByteArray> now = encLines(after);
        QCOMPARE(now.size(), old.size());
        int same = 0;
        for (int n = 0; n < now.size(); ++n)
            same += now.at(n) == old.at(n) ? 1 : 0;
        QCOMPARE(same, now.size() - 1);

        // Reload goes through the codec too.
        Result<QString> reloaded = document.reload();
        QVERIFY2(reloaded.ok(), qPrintable(reloaded.error().toString()));
        QVERIFY(reloaded->contains(QStringLiteral("second-password")));
    }

    void withoutTheKeyItIsReadOnly_data()
    {
        QTest::addColumn<bool>("anyKey");
        QTest::addRow("no key at all") << false;
        QTest::addRow("a key that does not open it") << true;
    }

    void withoutTheKeyItIsReadOnly()
    {
        QFETCH(bool, anyKey);
        const QByteArray before = readAll(m_file);
        QList<Age::Identity> keys;
        if (anyKey)
            keys.append(Age::Identity::generate());
        Result<FileSnapshot> snapshot = readTextFile(m_file, 1 << 20, resolver(keys));
        QVERIFY2(snapshot.ok(), qPrintable(snapshot.error().toString()));
        QVERIFY(!snapshot->codec);
        QVERIFY(snapshot->readOnlyReason.contains(QStringLiteral("encrypted (SOPS)")));
        QCOMPARE(snapshot->text.toUtf8(), before); // shown as stored
        EditorDocument document = EditorDocument::fromSnapshot(m_file, *snapshot);
        Result<bool> saved = document.save(snapshot->text + QStringLiteral("# edit\n"));
        QVERIFY(!saved.ok());
        QCOMPARE(readAll(m_file), before);
    }

    void plainFilesAreUntouched()
    {
        const QString plain = m_dir.filePath(QStringLiteral("plain.yaml"));
        QVERIFY(writeFile(plain, "a: 1\n"));
        Result<FileSnapshot> snapshot = readTextFile(plain, 1 << 20, resolver({m_key}));
        QVERIFY(snapshot.ok());
        QVERIFY(!snapshot->codec);
        QVERIFY(snapshot->readOnlyReason.isEmpty());
        QCOMPARE(snapshot->text, QStringLiteral("a: 1\n"));
    }
};

QTEST_GUILESS_MAIN(TestSopsEditor)
#include "tst_sopseditor.moc"
