// fluxdesk-cli commit --repo DIR -m MSG [--push]
#include "clitext.h"
#include "commands.h"
#include "output.h"

#include "git/gitcommit.h"
#include "git/gitremote.h"
#include "git/gitrepository.h"
#include "git/gitsecretstore.h"
#include "git/gitstatus.h"

#include <QDir>

#include <csignal>
#include <memory>

namespace Fluxdesk::Cli {

namespace {

// SIGINT cancels a running push at its next progress callback instead of killing the process
// mid-write; the commit is already made by then.
GitTransfer *g_transfer = nullptr;

extern "C" void onInterrupt(int)
{
    if (g_transfer)
        g_transfer->cancel(); // an atomic store: safe in a signal handler
}

} // namespace

// Exit codes: 0 committed (and pushed); 1 nothing to commit; 2 usage, refused states (detached
// HEAD, merge/rebase in progress, bare, not a repository), missing identity, or a failed push
// (the commit stays, its id is printed first); 130 push interrupted.
int runCommit(const CliOptions &options)
{
    if (options.repo.isEmpty()) {
        printError(Text::tr("commit needs --repo DIR"));
        return ExitUsage;
    }
    if (options.message.trimmed().isEmpty()) {
        printError(Text::tr("commit needs a message: -m MSG"));
        return ExitUsage;
    }
    GitResult<GitRepository> repo = GitRepository::open(options.repo);
    if (!repo) {
        printError(repo.error().message);
        return ExitUsage;
    }
    // Checked before staging so a refused state leaves the index as it was.
    const GitResult<GitDone> ready = repo->checkReady();
    if (!ready) {
        printError(ready.error().message);
        return ExitUsage;
    }
    const GitResult<GitDone> staged = stageAll(*repo);
    if (!staged) {
        printError(staged.error().message);
        return ExitUsage;
    }
    const GitResult<QString> id = commitIndex(*repo, options.message);
    if (!id) {
        printError(id.error().message);
        return id.error().kind == GitErrorKind::NothingToCommit ? ExitProblems : ExitUsage;
    }
    printOut(*id + QLatin1Char('\n'));
    if (!options.push)
        return ExitOk;

    // No prompter: the agent, ~/.ssh keys, git credential helpers and what the window kept in the
    // system keychain, which the CLI only reads.
    const std::unique_ptr<GitSecretStore> keychain = createSystemSecretStore();
    ReadOnlySecretStore readOnly(keychain.get());
    GitTransfer transfer;
    if (keychain)
        transfer.setSecretStore(&readOnly);
    g_transfer = &transfer;
    const auto previous = std::signal(SIGINT, onInterrupt);
    const GitResult<GitPushResult> pushed = gitPush(*repo, transfer);
    std::signal(SIGINT, previous);
    g_transfer = nullptr;
    if (!pushed) {
        printError(Text::tr("commit %1 was made but not pushed: %2")
                       .arg(id->left(7), pushed.error().message));
        return pushed.error().kind == GitErrorKind::Cancelled ? ExitCancelled : ExitUsage;
    }
    printOut(Text::tr("pushed %1 to %2 (%3)%4\n")
                 .arg(pushed->branch, pushed->remote, pushed->remoteUrl,
                      pushed->upstreamSet ? Text::tr(", upstream set") : QString()));
    return ExitOk;
}

} // namespace Fluxdesk::Cli
