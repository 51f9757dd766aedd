// fluxdesk-cli flux bootstrap --repo DIR [--cluster NAME] [--version V | --components-file F]
// [--operator] [--sync-url URL] [--ssh-key-algorithm ecdsa|ed25519] [--token-env VAR]
// [--host-api github|gitea --host-token-env VAR]: Flux installed and pointed at the repository,
// as `flux bootstrap git` does it, without the flux CLI: pre-flight, the takeover baseline, the
// flux-system files committed and pushed, the credentials, the apply, the wait.
#include "clitext.h"
#include "commands.h"
#include "output.h"

#include "secrets/agekeys.h"
#include "secrets/sopssetup.h"
#include "source.h"

#include "flux/bootstrapsession.h"
#include "flux/componentsmanifest.h"
#include "flux/componentssource.h"
#include "flux/fluxversions.h"
#include "flux/preflight.h"
#include "git/gitsecretstore.h"
#include "kube/clustersession.h"
#include "plan/plandecisions.h"
#include "plan/planjob.h"

#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>

#include <csignal>

namespace Fluxdesk::Cli {

namespace {

BootstrapSession *g_session = nullptr;

extern "C" void onBootstrapInterrupt(int)
{
    // Queued: the session stops at its next step and says what was done.
    if (g_session)
        QMetaObject::invokeMethod(g_session, &BootstrapSession::cancel, Qt::QueuedConnection);
}

// A secret from the environment variable the user named (never from the command line, where
// every user of the machine can read it in the process list).
Result<QString> secretFromEnvironment(const QString &variable, const QString &option)
{
    const QString value = QProcessEnvironment::systemEnvironment().value(variable);
    if (value.isEmpty())
        return Error(
            Text::tr("%1 %2: the environment variable is empty or not set").arg(option, variable));
    return value;
}

// The pre-flight; false (after printing why) when something blocks the bootstrap.
bool preflightPasses(const ConnectionSettings &settings, const QString &repo,
                     const QString &fluxVersion)
{
    Preflight run(settings);
    QEventLoop loop;
    QList<PreflightCheck> checks;
    QObject::connect(&run, &Preflight::finished, &loop, [&](const QList<PreflightCheck> &all) {
        checks = all;
        loop.quit();
    });
    Preflight::Options options;
    options.fluxVersion = fluxVersion;
    options.repositoryPath = repo;
    run.start(options);
    if (run.isRunning())
        loop.exec();
    bool blocked = false;
    for (const PreflightCheck &check : std::as_const(checks)) {
        if (check.verdict == PreflightCheck::Verdict::Pass)
            continue;
        const QString line =
            check.title + QStringLiteral(": ") + check.found +
            (check.action.isEmpty() ? QString() : QStringLiteral("; ") + check.action);
        if (check.blocks()) {
            blocked = true;
            printError(line);
        } else {
            printWarning(line);
        }
    }
    return !blocked;
}

} // namespace

int runFluxBootstrap(const CliOptions &options)
{
    if (options.repo.isEmpty()) {
        printError(Text::tr("flux bootstrap needs --repo DIR"));
        return ExitUsage;
    }
    if (!QFileInfo(options.repo).isDir()) {
        printError(
            Error(Text::tr("the repository folder does not exist"), options.repo).toString());
        return ExitUsage;
    }
    const QString repo = QFileInfo(options.repo).absoluteFilePath();
    Result<ConnectionSettings> cluster = liveConnection(options, QStringLiteral("flux bootstrap"));
    if (!cluster) {
        printError(cluster.error().toString());
        return ExitUsage;
    }

    BootstrapOptions bootstrap;
    bootstrap.repoDir = repo;
    bootstrap.syncUrl = options.syncUrl;
    bootstrap.useOperator = options.useOperator;
    bootstrap.fluxVersion = options.fluxVersion;
    if (!options.componentsFile.isEmpty()) {
        bootstrap.components = BootstrapOptions::Components::File;
        bootstrap.componentsFile = options.componentsFile;
    } else if (!ComponentsSource::fluxOnPath().isEmpty()) {
        bootstrap.components = BootstrapOptions::Components::FluxCli;
    } else if (!options.useOperator && options.fluxVersion.isEmpty()) {
        printError(Text::tr("flux bootstrap needs the Flux version to install (--version V, e.g. "
                            "2.6.1) or its components manifest (--components-file F): there is "
                            "no flux CLI on PATH to ask"));
        return ExitUsage;
    }
    if (options.sshKeyAlgorithm == QLatin1String("ed25519"))
        bootstrap.keyType = DeployKeyType::Ed25519;
    if (!options.tokenEnv.isEmpty()) {
        const Result<QString> token =
            secretFromEnvironment(options.tokenEnv, QStringLiteral("--token-env"));
        if (!token) {
            printError(token.error().toString());
            return ExitUsage;
        }
        bootstrap.credentials = BootstrapOptions::Credentials::HttpsToken;
        bootstrap.httpsToken = *token;
    }
    if (!options.hostApi.isEmpty()) {
        bootstrap.hostApi =
            options.hostApi == QLatin1String("gitea") ? GitHostKind::Gitea : GitHostKind::GitHub;
        const Result<QString> token =
            secretFromEnvironment(options.hostTokenEnv, QStringLiteral("--host-token-env"));
        if (!token) {
            printError(token.error().toString());
            return ExitUsage;
        }
        bootstrap.hostToken = *token;
    }

    const Result<PlanDecisions> decisions = loadPlanDecisions(repo);
    if (!decisions) {
        printError(decisions.error().toString());
        return ExitUsage;
    }
    PlanDecisions planned = *decisions;
    // Encrypted Secrets: Flux gets the age keys that open them (flux-system/sops-age).
    if (options.sopsAge) {
        Result<Sops::ClusterKeys> keys =
            Sops::clusterKeys(repo, AgeKeys::findIdentities().identities);
        if (!keys) {
            printError(Text::tr("--sops-age: %1").arg(keys.error().toString()));
            return ExitUsage;
        }
        bootstrap.sopsAgeKeys = keys->text.bytes();
        printNote(Text::tr("Flux gets the age key of %1 (Secret flux-system/sops-age)")
                      .arg(keys->recipients.join(QLatin1String(", "))));
    } else if (planned.encryptSecrets) {
        printWarning(Text::tr("the plan writes Secrets encrypted, but Flux gets no key to decrypt "
                              "them: add --sops-age, or put the key in the cluster later"));
    }
    if (!options.cluster.isEmpty())
        planned.cluster = options.cluster;

    // The version the pre-flight checks the cluster for: the one asked, the one the components
    // file says it is, else the newest Fluxdesk knows (the flux CLI's own).
    QString checkedVersion = options.fluxVersion;
    if (!options.componentsFile.isEmpty()) {
        QFile file(options.componentsFile);
        if (!file.open(QIODevice::ReadOnly)) {
            printError(
                Error(Text::tr("cannot read: %1").arg(file.errorString()), options.componentsFile)
                    .toString());
            return ExitUsage;
        }
        const Result<ComponentsManifest> manifest =
            checkComponentsManifest(file.readAll(), options.componentsFile);
        if (!manifest) {
            printError(manifest.error().toString());
            return ExitUsage;
        }
        checkedVersion = manifest->version;
    }
    if (!preflightPasses(*cluster, repo,
                         checkedVersion.isEmpty() ? FluxVersions::newestKnown() : checkedVersion))
        return ExitProblems;

    // What runs before Flux comes: the baseline the takeover check compares with.
    ClusterSession session;
    const int loaded = loadSource(options, session);
    if (loaded != ExitOk)
        return loaded;
    const std::shared_ptr<const PlanSnapshot> snapshot =
        makePlanSnapshot(session.inventory(), repo, planned);
    bootstrap.cluster = snapshot->plan.cluster;
    bootstrap.baseline =
        takeoverBaseline(snapshot->plan, session.inventory(), QDateTime::currentDateTimeUtc());

    const std::unique_ptr<GitSecretStore> keychain = createSystemSecretStore();
    ReadOnlySecretStore readOnly(keychain.get());
    BootstrapSession run(*cluster);
    if (keychain)
        run.setSecretStore(&readOnly);
    QEventLoop loop;
    BootstrapResult result;
    QObject::connect(&run, &BootstrapSession::stepStarted, &loop,
                     [](BootstrapSession::Step, const QString &title) {
                         printNote(title + QStringLiteral("…"));
                     });
    QObject::connect(&run, &BootstrapSession::deployKeyReady, &loop,
                     [](const QString &publicKey, const QString &fingerprint, const QUrl &page) {
                         printOut(Text::tr("Add this deploy key (read-only) to the repository, at "
                                           "%1:\n%2\nfingerprint %3\n")
                                      .arg(page.toString(), publicKey, fingerprint));
                     });
    QObject::connect(&run, &BootstrapSession::finished, &loop, [&](const BootstrapResult &done) {
        result = done;
        loop.quit();
    });
    g_session = &run;
    const auto previous = std::signal(SIGINT, onBootstrapInterrupt);
    run.start(bootstrap);
    if (run.isRunning())
        loop.exec();
    std::signal(SIGINT, previous);
    g_session = nullptr;

    for (const QString &path : std::as_const(result.written))
        printOut(Text::tr("written   %1\n").arg(path));
    if (!result.commit.isEmpty())
        printOut(
            Text::tr("committed %1%2\n")
                .arg(result.commit.left(7), result.pushed ? Text::tr(" and pushed") : QString()));
    if (result.deployKeyAdded)
        printOut(Text::tr("deploy key %1 added at %2\n")
                     .arg(result.fingerprint, result.deployKeysPage.toString()));
    if (!result.apply.objects.isEmpty() && !result.ok)
        printNote(result.apply.account());
    if (result.cancelled) {
        printError(Text::tr("bootstrap cancelled while %1").arg(result.failedStep.toLower()));
        return ExitCancelled;
    }
    if (!result.ok) {
        printError(result.failedStep + QStringLiteral(": ") + result.error);
        return ExitUsage;
    }
    printOut(Text::tr("Flux runs and reads the repository: watch it with `fluxdesk-cli flux "
                      "status`, then check the takeover with `fluxdesk-cli flux takeover --repo "
                      "%1`\n")
                 .arg(options.repo));
    return ExitOk;
}

} // namespace Fluxdesk::Cli
