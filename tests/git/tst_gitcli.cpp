// fluxdesk-cli commit end to end against a bare repository over file://.
#include "gittestsupport.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Fluxdesk::Testing;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList &arguments, const QString &home)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
    env.remove(QStringLiteral("SSH_AUTH_SOCK"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(FLUXDESK_CLI_PATH), arguments);
    Run run;
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TestGitCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_home;
    QString m_remote;
    QString m_work;
    QString head(const QString &dir)
    {
        return runGit(dir, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_home = m_dir.filePath(QStringLiteral("home"));
        QDir().mkpath(m_home);
        isolateHome(m_home); // the git CLI used for setup sees the same empty HOME
        m_remote = m_dir.filePath(QStringLiteral("remote.git"));
        m_work = m_dir.filePath(QStringLiteral("work"));
        runGit(m_dir.path(),
               {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("--bare"),
                QStringLiteral("-b"), QStringLiteral("main"), m_remote});
        runGit(m_dir.path(), {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"),
                              QStringLiteral("main"), m_work});
        runGit(m_work,
               {QStringLiteral("config"), QStringLiteral("user.name"), QStringLiteral("CLI")});
        runGit(m_work, {QStringLiteral("config"), QStringLiteral("user.email"),
                        QStringLiteral("cli@example.org")});
        runGit(m_work, {QStringLiteral("remote"), QStringLiteral("add"), QStringLiteral("origin"),
                        QUrl::fromLocalFile(m_remote).toString()});
    }

    void usageErrors()
    {
        Run run =
            runCli({QStringLiteral("commit"), QStringLiteral("-m"), QStringLiteral("x")}, m_home);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QLatin1String("--repo")));
        run = runCli({QStringLiteral("commit"), QStringLiteral("--repo"), m_work}, m_home);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QLatin1String("-m")));
        run = runCli({QStringLiteral("commit"), QStringLiteral("--repo"), m_dir.path(),
                      QStringLiteral("-m"), QStringLiteral("x")},
                     m_home);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("not a git repository")), qPrintable(run.err));
    }

    void commitAndPush()
    {
        writeFile(m_work + QStringLiteral("/clusters/homelab/a.yaml"), "a: 1\n");
        writeFile(m_work + QStringLiteral("/clusters/homelab/b.yaml"), "b: 1\n");
        Run run =
            runCli({QStringLiteral("commit"), QStringLiteral("--repo"), m_work,
                    QStringLiteral("-m"), QStringLiteral("Add homelab"), QStringLiteral("--push")},
                   m_home);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0), head(m_work));
        QVERIFY2(lines.at(1).startsWith(QLatin1String("pushed main to origin")),
                 qPrintable(lines.at(1)));
        QVERIFY(lines.at(1).contains(QLatin1String("upstream set")));
        QCOMPARE(runGit(m_remote, {QStringLiteral("rev-parse"), QStringLiteral("main")}),
                 head(m_work));
        QCOMPARE(runGit(m_work, {QStringLiteral("log"), QStringLiteral("-1"),
                                 QStringLiteral("--format=%s|%an")}),
                 QStringLiteral("Add homelab|CLI"));
        QVERIFY(
            runGit(m_work, {QStringLiteral("status"), QStringLiteral("--porcelain")}).isEmpty());

        // Without --push: committed, the remote unchanged.
        writeFile(m_work + QStringLiteral("/clusters/homelab/a.yaml"), "a: 2\n");
        const QString remoteBefore =
            runGit(m_remote, {QStringLiteral("rev-parse"), QStringLiteral("main")});
        run = runCli({QStringLiteral("commit"), QStringLiteral("--repo"), m_work,
                      QStringLiteral("-m"), QStringLiteral("Update a")},
                     m_home);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), head(m_work));
        QCOMPARE(runGit(m_remote, {QStringLiteral("rev-parse"), QStringLiteral("main")}),
                 remoteBefore);
    }

    // A remote URL holding a password or token: the CLI's output names the remote without it,
    // whether the push succeeds (the password is right) or fails (a refused token).
    void tokenInRemoteUrlNotPrinted()
    {
        if (!TestHttpGitServer::isAvailable())
            QSKIP("lighttpd or git's http-backend is not installed");
        const QString repos = m_dir.filePath(QStringLiteral("http-repos"));
        QDir().mkpath(repos);
        TestHttpGitServer server;
        QString error;
        QVERIFY2(
            server.start(m_dir.filePath(QStringLiteral("http")), repos, "alice:s3cretpw\n", &error),
            qPrintable(error));
        const QString token = QStringLiteral("ghp_CliT0kenThatMustNeverBePrinted0123");
        const struct
        {
            QString userInfo;
            bool pushes;
        } cases[] = {{QStringLiteral("alice:s3cretpw"), true},
                     {QStringLiteral("alice:") + token, false}};
        int n = 0;
        for (const auto &c : cases) {
            const QString name = QStringLiteral("tok%1").arg(++n);
            const QString url = QStringLiteral("http://%1@127.0.0.1:%2/git/%3.git")
                                    .arg(c.userInfo)
                                    .arg(server.port())
                                    .arg(name);
            const TestRemoteAndWork made = makeRemoteAndWork(repos, m_dir.path(), name, url);
            writeFile(made.work + QStringLiteral("/b.yaml"), "b: 1\n");
            const Run run =
                runCli({QStringLiteral("commit"), QStringLiteral("--repo"), made.work,
                        QStringLiteral("-m"), QStringLiteral("b"), QStringLiteral("--push")},
                       m_home);
            const QString all = run.out + run.err;
            QCOMPARE(run.exitCode == 0, c.pushes);
            QVERIFY2(!all.contains(QLatin1String("s3cretpw")), qPrintable(all));
            QVERIFY2(!all.contains(token), qPrintable(all));
            if (c.pushes) {
                QVERIFY2(all.contains(QStringLiteral("(http://alice@127.0.0.1:%1/git/%2.git)")
                                          .arg(server.port())
                                          .arg(name)),
                         qPrintable(all));
            }
        }
    }

    void nothingToCommit()
    {
        const Run run = runCli({QStringLiteral("commit"), QStringLiteral("--repo"), m_work,
                                QStringLiteral("-m"), QStringLiteral("empty")},
                               m_home);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(QLatin1String("nothing to commit")));
        QVERIFY(run.out.isEmpty());
    }

    void rejectedPushKeepsCommit()
    {
        // Someone else pushes first.
        const QString other = m_dir.filePath(QStringLiteral("other"));
        runGit(m_dir.path(), {QStringLiteral("clone"), QStringLiteral("-q"), m_remote, other});
        writeFile(other + QStringLiteral("/o.yaml"), "o: 1\n");
        runGit(other, {QStringLiteral("add"), QStringLiteral("-A")});
        runGit(other, {QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("theirs")});
        runGit(other, {QStringLiteral("push"), QStringLiteral("-q"), QStringLiteral("origin"),
                       QStringLiteral("main")});
        const QString theirs = head(other);

        writeFile(m_work + QStringLiteral("/mine.yaml"), "m: 1\n");
        const Run run =
            runCli({QStringLiteral("commit"), QStringLiteral("--repo"), m_work,
                    QStringLiteral("-m"), QStringLiteral("mine"), QStringLiteral("--push")},
                   m_home);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.out.trimmed(), head(m_work)); // the id of the kept commit
        QVERIFY2(run.err.contains(QLatin1String("remote has commits you don't have")),
                 qPrintable(run.err));
        QVERIFY(run.err.contains(QLatin1String("not pushed")));
        QCOMPARE(runGit(m_remote, {QStringLiteral("rev-parse"), QStringLiteral("main")}), theirs);
        QCOMPARE(runGit(m_work, {QStringLiteral("log"), QStringLiteral("-1"),
                                 QStringLiteral("--format=%s")}),
                 QStringLiteral("mine"));
    }

    void refusedStates()
    {
        runGit(m_work,
               {QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("--detach")});
        writeFile(m_work + QStringLiteral("/detached.yaml"), "d: 1\n");
        const QString before = head(m_work);
        Run run = runCli({QStringLiteral("commit"), QStringLiteral("--repo"), m_work,
                          QStringLiteral("-m"), QStringLiteral("x")},
                         m_home);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("detached")), qPrintable(run.err));
        QCOMPARE(head(m_work), before);
        // Not staged either: the refusal changed nothing.
        QCOMPARE(runGit(m_work, {QStringLiteral("status"), QStringLiteral("--porcelain")}),
                 QStringLiteral("?? detached.yaml"));
        runGit(m_work, {QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main")});

        writeFile(m_work + QStringLiteral("/.git/MERGE_HEAD"), head(m_work).toLatin1() + '\n');
        run = runCli({QStringLiteral("commit"), QStringLiteral("--repo"), m_work,
                      QStringLiteral("-m"), QStringLiteral("x")},
                     m_home);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("merge is in progress")), qPrintable(run.err));
        QFile::remove(m_work + QStringLiteral("/.git/MERGE_HEAD"));
    }

    void missingIdentity()
    {
        const QString bare = m_dir.filePath(QStringLiteral("noid"));
        runGit(m_dir.path(), {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"),
                              QStringLiteral("main"), bare});
        writeFile(bare + QStringLiteral("/a.yaml"), "a: 1\n");
        const Run run = runCli({QStringLiteral("commit"), QStringLiteral("--repo"), bare,
                                QStringLiteral("-m"), QStringLiteral("x")},
                               m_home);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("user.name")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestGitCli)
#include "tst_gitcli.moc"
