#pragma once

#include <QString>
#include <QStringList>

namespace Fluxdesk::Cli {

// Exit codes of fluxdesk-cli (DESIGN.md): stable, scripts rely on them.
enum ExitCode
{
    ExitOk = 0,
    ExitProblems = 1,   // the command found differences or problems
    ExitUsage = 2,      // bad input, usage or connection errors
    ExitCancelled = 130 // SIGINT (128 + 2), as shells report an interrupted command
};

struct CliOptions
{
    QString kubeconfig;
    QString context;
    QString snapshot;
    bool demo = false;
    bool json = false;
    QString command;
    QStringList arguments;       // positional arguments after the command (e.g. clean's FILE)
    QString out;                 // --out DIR|FILE
    QString repo;                // --repo DIR
    QString nameTemplate;        // --template T (split)
    QString ns;                  // -n/--namespace NS
    QString message;             // -m/--message MSG (commit)
    QString cluster;             // --cluster NAME (plan)
    bool push = false;           // --push (commit)
    bool write = false;          // --write (plan)
    bool clean = false;          // --clean (split)
    bool includeSecrets = false; // --include-secrets (clean, split): Secrets are written too

    // convert-helm: credential-like values stay in spec.values instead of moving to a Secret
    bool inlineCredentials = false; // --inline-credentials

    // plan --write: the differing files to overwrite and the not-in-plan files to delete
    QStringList accept;          // --accept PATH, repeatable
    bool acceptAll = false;      // --accept-all
    QStringList remove;          // --remove PATH, repeatable
    bool removeAllStale = false; // --remove-all-stale
    // plan: included Secrets written SOPS-encrypted (saved in .fluxdesk/plan.yaml by --write)
    bool encryptSecrets = false; // --encrypt-secrets
    // plan --write --demo into a repository that already holds manifests: refused unless given
    bool forceDemo = false; // --force-demo

    // flux takeover: write the baseline instead of checking against it
    bool record = false; // --record
    // flux check: the pre-flight of a bootstrap
    bool pre = false; // --pre
    // flux reconcile: the source first, as flux reconcile --with-source
    bool withSource = false; // --with-source
    // flux check --pre: the Flux version to check for (`--version V` after `flux` means this)
    QString fluxVersion; // --flux-version V
    // flux bootstrap
    QString componentsFile;   // --components-file F
    bool useOperator = false; // --operator: a FluxInstance for the Flux Operator
    QString syncUrl;          // --sync-url URL: where the cluster reads the repository
    QString sshKeyAlgorithm;  // --ssh-key-algorithm ecdsa|ed25519
    QString tokenEnv;         // --token-env VAR: HTTPS token for Flux, from the environment
    QString hostApi;          // --host-api github|gitea: add the deploy key through the API
    QString hostTokenEnv;     // --host-token-env VAR: the API token, from the environment
    bool sopsAge = false;     // --sops-age: Flux gets the age keys of .sops.yaml (sops-age)
    // secrets
    QStringList ageRecipients; // --age RECIPIENT, repeatable (encrypt, setup)
    bool inPlace = false;      // --in-place (encrypt, decrypt)
    QString encryptedRegex;    // --encrypted-regex R (encrypt)
};

struct ParseResult
{
    CliOptions options;
    int exitCode = -1; // >= 0: stop now with this code (help, version, usage error)
};

// The commands this build knows, in the order help lists them.
QStringList availableCommands();

// How many positional arguments a command takes after its name.
int maxArguments(const QString &command);

// Parses arguments (argv including the program name). Prints help to stdout and usage errors
// (with the list of commands) to stderr.
ParseResult parseArguments(const QStringList &arguments);

} // namespace Fluxdesk::Cli
