#include "secrets/age.h"
#include "secrets/agekeys.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Fluxdesk;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

int modeOf(const QString &path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 0777);
}

} // namespace

// Where age keys are found and kept, as sops looks for them.
class TestAgeKeys : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QProcessEnvironment home(const QString &name) const
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("HOME"), m_dir.filePath(name));
        return env;
    }

private Q_SLOTS:
    void keyFileAsSopsLooks()
    {
        QProcessEnvironment env = home(QStringLiteral("h"));
        QCOMPARE(AgeKeys::keyFilePath(env),
                 m_dir.filePath(QStringLiteral("h/.config/sops/age/keys.txt")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), QStringLiteral("relative/ignored"));
        QCOMPARE(AgeKeys::keyFilePath(env),
                 m_dir.filePath(QStringLiteral("h/.config/sops/age/keys.txt")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("xdg")));
        QCOMPARE(AgeKeys::keyFilePath(env),
                 m_dir.filePath(QStringLiteral("xdg/sops/age/keys.txt")));
        env.insert(QStringLiteral("SOPS_AGE_KEY_FILE"), m_dir.filePath(QStringLiteral("k.txt")));
        QCOMPARE(AgeKeys::keyFilePath(env), m_dir.filePath(QStringLiteral("k.txt")));
    }

    void createdKeyIsPrivateAndFound()
    {
        const QProcessEnvironment env = home(QStringLiteral("new"));
        const QString file = AgeKeys::keyFilePath(env);
        QVERIFY(!QFileInfo::exists(file));
        const QDateTime created(QDate(2026, 12, 8), QTime(1, 2, 3), Qt::UTC);
        Result<Age::Identity> key = AgeKeys::createKey(file, created);
        QVERIFY2(key.ok(), qPrintable(key.error().toString()));
        QCOMPARE(modeOf(file), 0600);
        QCOMPARE(modeOf(QFileInfo(file).path()), 0700);
        QCOMPARE(modeOf(m_dir.filePath(QStringLiteral("new/.config"))), 0700);
        const QByteArray text = readAll(file);
        QVERIFY(text.contains("# created: 2026-12-08T01:02:03Z"));
        QVERIFY(text.contains(QByteArray("# public key: " + key->recipient().toUtf8())));

        const AgeKeys::Found found = AgeKeys::findIdentities(env);
        QCOMPARE(found.errors.size(), 0);
        QCOMPARE(found.recipients(), QStringList{key->recipient()});
        QCOMPARE(found.origins, QStringList{file});
    }

    void aSecondKeyKeepsTheFirst()
    {
        const QString file = m_dir.filePath(QStringLiteral("two/keys.txt"));
        Result<Age::Identity> first = AgeKeys::createKey(file);
        QVERIFY(first.ok());
        Result<Age::Identity> second = AgeKeys::createKey(file);
        QVERIFY(second.ok());
        QProcessEnvironment env = home(QStringLiteral("nobody"));
        env.insert(QStringLiteral("SOPS_AGE_KEY_FILE"), file);
        QCOMPARE(AgeKeys::findIdentities(env).recipients(),
                 (QStringList{first->recipient(), second->recipient()}));
    }

    void aFileThatIsNotKeysIsLeftAlone()
    {
        const QString file = m_dir.filePath(QStringLiteral("notkeys.txt"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("important notes\n");
        out.close();
        Result<Age::Identity> key = AgeKeys::createKey(file);
        QVERIFY(!key.ok());
        QVERIFY2(key.error().toString().contains(QStringLiteral("notkeys.txt:1:")),
                 qPrintable(key.error().toString()));
        QCOMPARE(readAll(file), QByteArray("important notes\n"));
    }

    void anEmptyFileTakesTheKey()
    {
        const QString file = m_dir.filePath(QStringLiteral("empty/keys.txt"));
        QDir().mkpath(QFileInfo(file).path());
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.close();
        Result<Age::Identity> key = AgeKeys::createKey(file);
        QVERIFY2(key.ok(), qPrintable(key.error().toString()));
        QVERIFY(readAll(file).contains("AGE-SECRET-KEY-1"));
    }

    void everySourceCounts()
    {
        const Age::Identity inline_ = Age::Identity::generate();
        const QString file = m_dir.filePath(QStringLiteral("every/keys.txt"));
        Result<Age::Identity> named = AgeKeys::createKey(file);
        QVERIFY(named.ok());
        const QProcessEnvironment userEnv = home(QStringLiteral("user"));
        Result<Age::Identity> user = AgeKeys::createKey(AgeKeys::keyFilePath(userEnv));
        QVERIFY(user.ok());

        QProcessEnvironment env = userEnv;
        env.insert(QStringLiteral("SOPS_AGE_KEY"), inline_.toString());
        env.insert(QStringLiteral("SOPS_AGE_KEY_FILE"), file);
        const AgeKeys::Found found = AgeKeys::findIdentities(env);
        QCOMPARE(found.errors.size(), 0);
        QCOMPARE(found.recipients(),
                 (QStringList{inline_.recipient(), named->recipient(), user->recipient()}));
        QCOMPARE(found.origins.first(), QStringLiteral("SOPS_AGE_KEY"));
    }

    void brokenSourcesAreReported()
    {
        QProcessEnvironment env = home(QStringLiteral("broken"));
        env.insert(QStringLiteral("SOPS_AGE_KEY_FILE"),
                   m_dir.filePath(QStringLiteral("missing.txt")));
        env.insert(QStringLiteral("SOPS_AGE_KEY"), QStringLiteral("AGE-SECRET-KEY-1NOTAKEY"));
        const AgeKeys::Found found = AgeKeys::findIdentities(env);
        QCOMPARE(found.identities.size(), 0);
        QCOMPARE(found.errors.size(), 2);
        QVERIFY(found.errors.at(0).toString().startsWith(QStringLiteral("SOPS_AGE_KEY:1:")));
        QVERIFY(found.errors.at(1).toString().contains(QStringLiteral("missing.txt")));
    }

    void backupAdviceSaysWhatIsAtStake()
    {
        const QString advice =
            AgeKeys::backupAdvice(QStringLiteral("/k/keys.txt"), QStringLiteral("age1xyz"));
        QVERIFY(advice.contains(QStringLiteral("/k/keys.txt")));
        QVERIFY(advice.contains(QStringLiteral("age1xyz")));
        QVERIFY(advice.contains(QStringLiteral("lost")));
    }
};

QTEST_GUILESS_MAIN(TestAgeKeys)
#include "tst_agekeys.moc"
