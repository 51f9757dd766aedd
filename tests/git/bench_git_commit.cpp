// 2,000 changed manifest files: status, stage all, commit and push to a local sshd through
// GitSession, against `git status && git add -A && git commit && git push` on an identical copy.
// Reports both times, the ratio and the longest UI-thread stall (gap between 5 ms ticks) while
// the worker runs. Run on demand:
//   cmake --build BUILD --target benchmark_git
//   BUILD/tests/git/bench_git_commit [FILES]
#include "gittestsupport.h"

#include "git/gitcommit.h"
#include "git/gitremote.h"
#include "git/gitrepository.h"
#include "git/gitsession.h"
#include "git/gitstatus.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

QByteArray manifest(int i)
{
    QByteArray text = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-" +
                      QByteArray::number(i) + "\n  namespace: bench\nspec:\n  replicas: 1\n";
    for (int line = 0; line < 20; ++line)
        text += "  # padding line " + QByteArray::number(line) + " of manifest " +
                QByteArray::number(i) + '\n';
    return text;
}

void prepare(const QString &base, const QString &name, const QString &url)
{
    const QString work = base + QLatin1Char('/') + name;
    runGit(base, {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"),
                  QStringLiteral("main"), work});
    runGit(work, {QStringLiteral("config"), QStringLiteral("user.name"), QStringLiteral("Bench")});
    runGit(work, {QStringLiteral("config"), QStringLiteral("user.email"),
                  QStringLiteral("bench@example.org")});
    runGit(work, {QStringLiteral("remote"), QStringLiteral("add"), QStringLiteral("origin"), url});
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int files = argc > 1 ? QByteArray(argv[1]).toInt() : 2000;
    QTemporaryDir dir;
    const QString home = dir.filePath(QStringLiteral("home"));
    const QString sshDir = home + QStringLiteral("/.ssh");
    isolateHome(home);
    if (!generateSshKey(sshDir + QStringLiteral("/id_ed25519")))
        return 1;
    TestSshServer sshd;
    QString error;
    if (!sshd.start(dir.filePath(QStringLiteral("sshd")),
                    {sshDir + QStringLiteral("/id_ed25519.pub")}, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    writeFile(sshDir + QStringLiteral("/known_hosts"), sshd.knownHostsLine().toUtf8() + '\n');

    const QString base = dir.path();
    for (const QString &name : {QStringLiteral("ours"), QStringLiteral("theirs")}) {
        runGit(base, {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("--bare"),
                      QStringLiteral("-b"), QStringLiteral("main"), name + QStringLiteral(".git")});
        prepare(base, name, sshd.urlFor(base + QLatin1Char('/') + name + QStringLiteral(".git")));
        for (int i = 0; i < files; ++i)
            writeFile(base + QLatin1Char('/') + name + QStringLiteral("/apps/app-%1.yaml").arg(i),
                      manifest(i));
    }

    // Fluxdesk: the session on a pool thread, this (UI) thread ticking every 5 ms.
    GitSession session;
    session.setRepositoryPath(base + QStringLiteral("/ours"));
    GitCredentialSettings settings;
    settings.sshDir = sshDir;
    session.setSettings(settings);
    qint64 maxGap = 0;
    QElapsedTimer tick;
    QTimer ticker;
    ticker.setInterval(5);
    QObject::connect(&ticker, &QTimer::timeout, &ticker,
                     [&] { maxGap = qMax(maxGap, tick.restart()); });
    QEventLoop loop;
    GitOperationResult last;
    const auto done = [&](const GitOperationResult &result) {
        last = result;
        loop.quit();
    };
    QElapsedTimer ours;
    ours.start();
    tick.start();
    ticker.start();
    int changed = 0;
    session.refresh([&](GitResult<GitRepositoryState> state) {
        changed = state ? int(state->files.size()) : 0;
        loop.quit();
    });
    loop.exec();
    const qint64 statusMs = ours.elapsed();
    session.commit(QStringLiteral("Add %1 manifests").arg(files), true, false, done);
    loop.exec();
    const qint64 commitMs = ours.elapsed() - statusMs;
    const bool committed = last.ok;
    session.push(done);
    loop.exec();
    ticker.stop();
    const qint64 oursMs = ours.elapsed();
    if (!committed || !last.ok) {
        std::fprintf(stderr, "fluxdesk failed: %s\n", qPrintable(last.error.message));
        return 1;
    }
    std::printf("fluxdesk phases: status %lld ms, stage+commit %lld ms, push %lld ms\n", statusMs,
                commitMs, oursMs - statusMs - commitMs);

    // git, on the identical copy.
    const QString theirs = base + QStringLiteral("/theirs");
    qputenv("GIT_SSH_COMMAND",
            QStringLiteral("ssh -i %1/id_ed25519 -o UserKnownHostsFile=%1/known_hosts "
                           "-o StrictHostKeyChecking=yes -o BatchMode=yes -o IdentitiesOnly=yes")
                .arg(sshDir)
                .toUtf8());
    QElapsedTimer timer;
    timer.start();
    bool ok = true;
    bool all = true;
    runGit(theirs, {QStringLiteral("status"), QStringLiteral("--porcelain")}, &ok);
    all = all && ok;
    const qint64 gitStatusMs = timer.elapsed();
    runGit(theirs, {QStringLiteral("add"), QStringLiteral("-A")}, &ok);
    all = all && ok;
    runGit(theirs, {QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("bench")}, &ok);
    all = all && ok;
    const qint64 gitCommitMs = timer.elapsed() - gitStatusMs;
    runGit(theirs,
           {QStringLiteral("push"), QStringLiteral("-q"), QStringLiteral("-u"),
            QStringLiteral("origin"), QStringLiteral("main")},
           &ok);
    all = all && ok;
    const qint64 gitMs = timer.elapsed();
    if (!all)
        return 1;
    std::printf("git phases:      status %lld ms, add+commit %lld ms, push %lld ms\n", gitStatusMs,
                gitCommitMs, gitMs - gitStatusMs - gitCommitMs);

    std::printf("files: %d (status saw %d)\nfluxdesk: %lld ms\ngit:      %lld ms\n"
                "ratio:    %.2f (target <= 1.5)\nlongest UI-thread stall: %lld ms (target < 100)\n",
                files, changed, oursMs, gitMs, gitMs ? double(oursMs) / double(gitMs) : 0.0,
                maxGap);
    return 0;
}
