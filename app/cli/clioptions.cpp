#include "clioptions.h"

#include "clitext.h"
#include "commands.h"
#include "output.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace Fluxdesk::Cli {

namespace {

QString usageText()
{
    return Text::tr(
        "Usage: fluxdesk-cli [--kubeconfig PATH] [--context NAME] [--snapshot PATH | --demo] "
        "[--json] COMMAND\n"
        "\n"
        "Commands:\n"
        "  contexts              list the kubeconfig's contexts, the current one marked '*'\n"
        "  inventory --out DIR   a record of what the cluster runs before you migrate it "
        "(namespaces, Helm releases and their values, workloads, services, storage, CRDs) as "
        "files in DIR; each file is private (mode 0600, readable by you alone): Helm values hold "
        "passwords\n"
        "  snapshot --out FILE   every listed object as one kind: List (.yaml or .json); the file "
        "is private (mode 0600, readable by you alone): it holds the cluster's Secrets\n"
        "  releases              Helm releases: NAME NAMESPACE REVISION STATUS CHART VERSION "
        "APP-VERSION\n"
        "  convert-helm RELEASE -n NAMESPACE [--inline-credentials]\n"
        "                        the Flux source + HelmRelease for one release; values that look "
        "like credentials move to a Secret read through valuesFrom (not printed) unless "
        "--inline-credentials keeps them in spec.values as plain text\n"
        "  split FILE|- --out DIR [--template T] [--clean [--repo DIR]] [--include-secrets]\n"
        "                        one file per resource (default template {name}-{kind}.yaml, "
        "fields {namespace} {kind} {name} {group}, preset kubectl-slice); --clean cleans each "
        "one first, as clean does; Secrets are left out unless --include-secrets; prints each "
        "path written\n"
        "  lint --repo DIR       problems as FILE:LINE:COL: severity: message; exit 1 on errors\n"
        "  clean [FILE|-] [--repo DIR] [--include-secrets]\n"
        "                        cleaned manifests on stdout (server fields and defaults removed; "
        "--repo applies DIR/.fluxdesk/clean-rules.yaml); problems as warnings on stderr; Secrets "
        "(Helm's release records too) are left out unless --include-secrets, as their data would "
        "land in Git in plain text\n"
        "  plan --repo DIR [--cluster NAME] [--encrypt-secrets] [--write [--accept PATH | "
        "--accept-all] [--remove PATH | --remove-all-stale]]\n"
        "                        the planned repository, a status per file (\"not in plan\": "
        "YAML the plan no longer produces); exit 1 when files are planned or differ; --write "
        "writes new files and keeps hand-edited ones unless --accept names them (repeatable; "
        "--accept-all: every differing file), deletes only the not-in-plan files --remove names "
        "(repeatable; --remove-all-stale: all of them); with --demo, --write refuses a repository "
        "that already holds manifests unless --force-demo is given; --encrypt-secrets writes "
        "included Secrets SOPS-encrypted for the recipients of the repository's .sops.yaml (see "
        "secrets setup; kept in .fluxdesk/plan.yaml as secrets: {encrypt: true})\n"
        "  validate --repo DIR [--cluster NAME]\n"
        "                        what Flux will read, checked before a push: builds every "
        "kustomization Flux reads (kustomize, else kubectl kustomize), checks every Flux object "
        "against the Flux schemas, lints; problems as FILE:LINE:COL: severity: message; exit 1 "
        "on errors; with --kubeconfig/--context (a live cluster) also a server-side dry-run "
        "apply, not with --snapshot or --demo\n"
        "  commit --repo DIR -m MSG [--push]\n"
        "                        stage everything, commit, print the commit id; --push pushes "
        "to the upstream (or origin); exit 1 when nothing to commit, 2 when refused or the push "
        "fails (the commit stays)\n"
        "  flux check [--pre [--version V] [--repo DIR]]\n"
        "                        like flux check: Flux's controllers up, its source and "
        "flux-system Kustomization Ready; --pre, before a bootstrap: the Kubernetes version "
        "within Flux V's range (default: the newest Fluxdesk knows), permission to create "
        "cluster-scoped objects, Flux or the Flux Operator already installed, and with --repo "
        "the checkout committed, pushed and its remote reachable; exit 1 when a check fails\n"
        "  flux bootstrap --repo DIR [--cluster NAME] [--version V | --components-file F] "
        "[--operator] [--sync-url URL] [--ssh-key-algorithm ecdsa|ed25519] [--token-env VAR] "
        "[--host-api github|gitea --host-token-env VAR] [--sops-age]\n"
        "                        install Flux and point it at the repository as flux bootstrap "
        "git does, without the flux CLI: pre-flight; the takeover baseline; "
        "clusters/NAME/flux-system/ (gotk-components.yaml from a flux CLI on PATH, the release's "
        "install.yaml of version V checked against its checksums, or file F; --operator: a "
        "FluxInstance) committed and pushed; an SSH deploy key (shown to add, or added through "
        "the GitHub/Gitea API with the token in VAR) or an HTTPS token read from VAR; then "
        "server-side apply and a wait until Flux is Ready; --sops-age: the Secret sops-age with "
        "your age keys that open .sops.yaml's recipients, so Flux decrypts the Secrets\n"
        "  flux status           every Flux object with its status, revision, suspended and "
        "message, like flux get all -A; exit 1 when one failed or stalled\n"
        "  flux reconcile KIND NAME [-n NS] [--with-source]\n"
        "                        ask Flux to reconcile now and wait until it did (the "
        "requestedAt annotation, as flux reconcile sets it and waits; --with-source: its source "
        "first); KIND: kustomization (ks), "
        "helmrelease (hr), gitrepository, helmrepository, ocirepository, helmchart, "
        "fluxinstance; NS defaults to flux-system; a suspended object is refused (exit 1)\n"
        "  flux suspend|resume KIND NAME [-n NS]\n"
        "                        set or clear spec.suspend, as flux suspend and resume do\n"
        "  flux takeover --repo DIR [--record]\n"
        "                        whether Flux adopted what ran before, object by object and "
        "Helm release by release, in place (the same uid; the release's next revision) or made "
        "it again; --record first writes what runs now to DIR/.fluxdesk/takeover.yaml, before "
        "Flux takes over; exit 1 while anything is not yet adopted, 2 on danger (an object "
        "holding data recreated, a release reinstalled)\n"
        "  secrets keygen [--out FILE]\n"
        "                        a new age key pair, like age-keygen: the private key is added "
        "to FILE (default: $SOPS_AGE_KEY_FILE, else ~/.config/sops/age/keys.txt, where sops "
        "looks; mode 0600), the public key (age1...) printed; back the key up: without it the "
        "Secrets encrypted to it are lost\n"
        "  secrets encrypt FILE [--age RECIPIENT]... [--encrypted-regex R] [--in-place]\n"
        "                        FILE as a SOPS file, like sops -e: to the --age recipients, else "
        "to those of the first .sops.yaml creation rule (in FILE's folder or above) matching it; "
        "printed, or written over FILE with --in-place\n"
        "  secrets decrypt FILE [--in-place]\n"
        "                        a SOPS file in the clear, like sops -d, with the age keys sops "
        "would use ($SOPS_AGE_KEY, $SOPS_AGE_KEY_FILE, ~/.config/sops/age/keys.txt); its MAC is "
        "checked; exit 1 when it does not decrypt\n"
        "  secrets setup --repo DIR [--age RECIPIENT]...\n"
        "                        make DIR ready for encrypted Secrets: .sops.yaml with a rule for "
        "the Secret files (data and stringData encrypted to the recipients, default: your age "
        "keys'), .gitignore entries for key files, and spec.decryption (sops, Secret sops-age) on "
        "every Flux Kustomization whose path holds them; lists the Secret files still in plain "
        "text and exits 1 while there are any\n"
        "\n"
        "Options:\n"
        "  --kubeconfig PATH     kubeconfig file (default: $KUBECONFIG, ~/.kube/config, "
        "/etc/rancher/k3s/k3s.yaml)\n"
        "  --context NAME        context to use (default: current-context)\n"
        "  --snapshot PATH       read objects from a file or folder of kubectl -o yaml|json "
        "output\n"
        "  --demo                use the built-in demo cluster\n"
        "  --json                JSON output (contexts, releases; snapshot and inventory "
        "ignore it)\n"
        "  -h, --help            show this help\n"
        "  --version             show the version\n"
        "\n"
        "Exit status: 0 success, 1 problems found, 2 bad input, usage or connection error, "
        "130 interrupted.\n");
}

ParseResult usageError(const QString &message)
{
    printError(message);
    const QByteArray usage = usageText().toUtf8();
    std::fwrite(usage.constData(), 1, size_t(usage.size()), stderr);
    ParseResult result;
    result.exitCode = ExitUsage;
    return result;
}

} // namespace

int maxArguments(const QString &command)
{
    // clean [FILE|-], split FILE|-, convert-helm RELEASE
    if (command == QLatin1String("clean") || command == QLatin1String("split") ||
        command == QLatin1String("convert-helm"))
        return 1;
    // flux SUBCOMMAND [KIND NAME]
    if (command == QLatin1String("flux"))
        return 3;
    // secrets SUBCOMMAND [FILE]
    if (command == QLatin1String("secrets"))
        return 2;
    return 0;
}

QStringList availableCommands()
{
    return {QStringLiteral("contexts"), QStringLiteral("inventory"),    QStringLiteral("snapshot"),
            QStringLiteral("releases"), QStringLiteral("split"),        QStringLiteral("lint"),
            QStringLiteral("clean"),    QStringLiteral("convert-helm"), QStringLiteral("commit"),
            QStringLiteral("plan"),     QStringLiteral("validate"),     QStringLiteral("flux"),
            QStringLiteral("secrets")};
}

ParseResult parseArguments(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption kubeconfig(QStringLiteral("kubeconfig"), QString(),
                                        QStringLiteral("PATH"));
    const QCommandLineOption context(QStringLiteral("context"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption snapshot(QStringLiteral("snapshot"), QString(),
                                      QStringLiteral("PATH"));
    const QCommandLineOption demo(QStringLiteral("demo"));
    const QCommandLineOption json(QStringLiteral("json"));
    const QCommandLineOption out(QStringLiteral("out"), QString(), QStringLiteral("PATH"));
    const QCommandLineOption repo(QStringLiteral("repo"), QString(), QStringLiteral("DIR"));
    const QCommandLineOption nameTemplate(QStringLiteral("template"), QString(),
                                          QStringLiteral("T"));
    const QCommandLineOption ns(QStringList{QStringLiteral("n"), QStringLiteral("namespace")},
                                QString(), QStringLiteral("NS"));
    const QCommandLineOption message(QStringList{QStringLiteral("m"), QStringLiteral("message")},
                                     QString(), QStringLiteral("MSG"));
    const QCommandLineOption cluster(QStringLiteral("cluster"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption push(QStringLiteral("push"));
    const QCommandLineOption write(QStringLiteral("write"));
    const QCommandLineOption clean(QStringLiteral("clean"));
    const QCommandLineOption inlineCredentials(QStringLiteral("inline-credentials"));
    const QCommandLineOption includeSecrets(QStringLiteral("include-secrets"));
    const QCommandLineOption accept(QStringLiteral("accept"), QString(), QStringLiteral("PATH"));
    const QCommandLineOption acceptAll(QStringLiteral("accept-all"));
    const QCommandLineOption remove(QStringLiteral("remove"), QString(), QStringLiteral("PATH"));
    const QCommandLineOption removeAllStale(QStringLiteral("remove-all-stale"));
    const QCommandLineOption forceDemo(QStringLiteral("force-demo"));
    const QCommandLineOption encryptSecrets(QStringLiteral("encrypt-secrets"));
    const QCommandLineOption record(QStringLiteral("record"));
    const QCommandLineOption pre(QStringLiteral("pre"));
    const QCommandLineOption withSource(QStringLiteral("with-source"));
    const QCommandLineOption fluxVersion(QStringLiteral("flux-version"), QString(),
                                         QStringLiteral("V"));
    const QCommandLineOption componentsFile(QStringLiteral("components-file"), QString(),
                                            QStringLiteral("F"));
    const QCommandLineOption useOperator(QStringLiteral("operator"));
    const QCommandLineOption syncUrl(QStringLiteral("sync-url"), QString(), QStringLiteral("URL"));
    const QCommandLineOption sshKeyAlgorithm(QStringLiteral("ssh-key-algorithm"), QString(),
                                             QStringLiteral("A"));
    const QCommandLineOption tokenEnv(QStringLiteral("token-env"), QString(),
                                      QStringLiteral("VAR"));
    const QCommandLineOption hostApi(QStringLiteral("host-api"), QString(), QStringLiteral("H"));
    const QCommandLineOption hostTokenEnv(QStringLiteral("host-token-env"), QString(),
                                          QStringLiteral("VAR"));
    const QCommandLineOption age(QStringLiteral("age"), QString(), QStringLiteral("RECIPIENT"));
    const QCommandLineOption inPlace(QStringLiteral("in-place"));
    const QCommandLineOption sopsAge(QStringLiteral("sops-age"));
    const QCommandLineOption encryptedRegex(QStringLiteral("encrypted-regex"), QString(),
                                            QStringLiteral("R"));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    const QCommandLineOption version(QStringLiteral("version"));
    parser.addOptions(
        {kubeconfig,     context, snapshot,  demo,    json,           out,   repo,
         nameTemplate,   ns,      message,   cluster, push,           write, clean,
         includeSecrets, accept,  acceptAll, remove,  removeAllStale, help,  version});
    parser.addOption(inlineCredentials);
    parser.addOption(forceDemo);
    parser.addOption(encryptSecrets);
    parser.addOption(record);
    parser.addOptions({pre, withSource, fluxVersion});
    parser.addOptions(
        {componentsFile, useOperator, syncUrl, sshKeyAlgorithm, tokenEnv, hostApi, hostTokenEnv});
    parser.addOptions({age, inPlace, encryptedRegex, sopsAge});

    // After `flux`, --version names the Flux version (as flux bootstrap and flux check take it),
    // not a request for Fluxdesk's own.
    QStringList args = arguments;
    const qsizetype fluxAt = args.indexOf(QStringLiteral("flux"), 1);
    for (qsizetype i = fluxAt < 0 ? args.size() : fluxAt + 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--version"))
            args[i] = QStringLiteral("--flux-version");
        else if (args.at(i).startsWith(QLatin1String("--version=")))
            args[i] = QStringLiteral("--flux-version=") + args.at(i).mid(10);
    }
    if (!parser.parse(args))
        return usageError(parser.errorText());

    ParseResult result;
    if (parser.isSet(help)) {
        printOut(usageText());
        result.exitCode = ExitOk;
        return result;
    }
    if (parser.isSet(version)) {
        printOut(QStringLiteral("fluxdesk-cli %1\n").arg(QCoreApplication::applicationVersion()));
        result.exitCode = ExitOk;
        return result;
    }

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usageError(Text::tr("no command given"));
    CliOptions &o = result.options;
    o.command = positional.first();
    if (!availableCommands().contains(o.command))
        return usageError(Text::tr("unknown command \"%1\"; available commands: %2")
                              .arg(o.command, availableCommands().join(QLatin1String(", "))));
    o.arguments = positional.mid(1);
    if (o.arguments.size() > maxArguments(o.command))
        return usageError(Text::tr("%1: unexpected argument \"%2\"")
                              .arg(o.command, o.arguments.at(maxArguments(o.command))));

    o.kubeconfig = parser.value(kubeconfig);
    o.context = parser.value(context);
    o.snapshot = parser.value(snapshot);
    o.demo = parser.isSet(demo);
    o.json = parser.isSet(json);
    o.out = parser.value(out);
    o.repo = parser.value(repo);
    o.nameTemplate = parser.value(nameTemplate);
    o.ns = parser.value(ns);
    o.message = parser.value(message);
    o.cluster = parser.value(cluster);
    o.push = parser.isSet(push);
    o.write = parser.isSet(write);
    o.clean = parser.isSet(clean);
    o.inlineCredentials = parser.isSet(inlineCredentials);
    o.includeSecrets = parser.isSet(includeSecrets);
    o.accept = parser.values(accept);
    o.acceptAll = parser.isSet(acceptAll);
    o.remove = parser.values(remove);
    o.removeAllStale = parser.isSet(removeAllStale);
    o.forceDemo = parser.isSet(forceDemo);
    o.encryptSecrets = parser.isSet(encryptSecrets);
    o.record = parser.isSet(record);
    o.pre = parser.isSet(pre);
    o.withSource = parser.isSet(withSource);
    o.fluxVersion = parser.value(fluxVersion);
    o.componentsFile = parser.value(componentsFile);
    o.useOperator = parser.isSet(useOperator);
    o.syncUrl = parser.value(syncUrl);
    o.sshKeyAlgorithm = parser.value(sshKeyAlgorithm);
    o.tokenEnv = parser.value(tokenEnv);
    o.hostApi = parser.value(hostApi);
    o.hostTokenEnv = parser.value(hostTokenEnv);
    o.sopsAge = parser.isSet(sopsAge);
    o.ageRecipients = parser.values(age);
    o.inPlace = parser.isSet(inPlace);
    o.encryptedRegex = parser.value(encryptedRegex);
    const QString secretsSub =
        o.command == QLatin1String("secrets") ? o.arguments.value(0) : QString();
    const bool keygen = secretsSub == QLatin1String("keygen");

    if (o.demo && parser.isSet(snapshot))
        return usageError(Text::tr("--snapshot and --demo exclude each other"));
    if (parser.isSet(snapshot) && o.snapshot.isEmpty())
        return usageError(Text::tr("--snapshot needs a path"));
    const bool needsOut = o.command == QLatin1String("inventory") ||
                          o.command == QLatin1String("snapshot") ||
                          o.command == QLatin1String("split");
    if (needsOut && o.out.isEmpty())
        return usageError(Text::tr("%1 needs --out %2")
                              .arg(o.command, o.command == QLatin1String("snapshot")
                                                  ? QStringLiteral("FILE")
                                                  : QStringLiteral("DIR")));
    if (!needsOut && !keygen && parser.isSet(out))
        return usageError(Text::tr("%1 does not take --%2").arg(o.command, QStringLiteral("out")));
    if (o.clean && o.command != QLatin1String("split"))
        return usageError(
            Text::tr("%1 does not take --%2").arg(o.command, QStringLiteral("clean")));
    if (o.includeSecrets && o.command != QLatin1String("clean") &&
        o.command != QLatin1String("split"))
        return usageError(
            Text::tr("%1 does not take --%2").arg(o.command, QStringLiteral("include-secrets")));
    if (o.inlineCredentials && o.command != QLatin1String("convert-helm"))
        return usageError(
            Text::tr("%1 does not take --%2").arg(o.command, QStringLiteral("inline-credentials")));
    // split reads the repository's clean rules only to clean: refuse --repo rather than ignore it.
    if (o.command == QLatin1String("split") && parser.isSet(repo) && !o.clean)
        return usageError(Text::tr("split takes --repo only with --clean"));
    // Accepting and deleting only make sense while writing: refuse them rather than ignore them.
    for (const QCommandLineOption &writeOnly : {accept, acceptAll, remove, removeAllStale}) {
        const QString name = writeOnly.names().constFirst();
        if (parser.isSet(writeOnly) && (o.command != QLatin1String("plan") || !o.write))
            return usageError(Text::tr("--%1 needs plan --write").arg(name));
    }
    if (o.encryptSecrets && o.command != QLatin1String("plan"))
        return usageError(
            Text::tr("%1 does not take --%2").arg(o.command, QStringLiteral("encrypt-secrets")));
    if (o.forceDemo && (o.command != QLatin1String("plan") || !o.demo))
        return usageError(Text::tr("--force-demo needs plan with --demo"));
    if (o.command == QLatin1String("flux")) {
        const QString sub = o.arguments.value(0);
        if (sub.isEmpty())
            return usageError(Text::tr("flux needs a subcommand: %1")
                                  .arg(fluxSubcommands().join(QLatin1String(", "))));
        if (!fluxSubcommands().contains(sub))
            return usageError(Text::tr("flux: unknown subcommand \"%1\"; available: %2")
                                  .arg(sub, fluxSubcommands().join(QLatin1String(", "))));
        const bool takesObject = sub == QLatin1String("reconcile") ||
                                 sub == QLatin1String("suspend") || sub == QLatin1String("resume");
        if (takesObject && o.arguments.size() != 3)
            return usageError(Text::tr("flux %1 needs KIND NAME").arg(sub));
        if (!takesObject && o.arguments.size() > 1)
            return usageError(
                Text::tr("flux %1: unexpected argument \"%2\"").arg(sub, o.arguments.at(1)));
    }
    if (o.command == QLatin1String("secrets")) {
        if (secretsSub.isEmpty())
            return usageError(Text::tr("secrets needs a subcommand: %1")
                                  .arg(secretsSubcommands().join(QLatin1String(", "))));
        if (!secretsSubcommands().contains(secretsSub))
            return usageError(Text::tr("secrets: unknown subcommand \"%1\"; available: %2")
                                  .arg(secretsSub, secretsSubcommands().join(QLatin1String(", "))));
        const bool takesFile =
            secretsSub == QLatin1String("encrypt") || secretsSub == QLatin1String("decrypt");
        if (takesFile && o.arguments.size() != 2)
            return usageError(Text::tr("secrets %1 needs FILE").arg(secretsSub));
        if (!takesFile && o.arguments.size() > 1)
            return usageError(Text::tr("secrets %1: unexpected argument \"%2\"")
                                  .arg(secretsSub, o.arguments.at(1)));
        if (o.inPlace && !takesFile)
            return usageError(Text::tr("--in-place needs secrets encrypt or decrypt"));
        if (o.inPlace && o.arguments.value(1) == QLatin1String("-"))
            return usageError(Text::tr("--in-place needs a FILE, not standard input"));
    }
    if (!o.ageRecipients.isEmpty() && secretsSub != QLatin1String("encrypt") &&
        secretsSub != QLatin1String("setup"))
        return usageError(Text::tr("--age needs secrets encrypt or secrets setup"));
    if (o.inPlace && o.command != QLatin1String("secrets"))
        return usageError(Text::tr("--in-place needs secrets encrypt or decrypt"));
    if (!o.encryptedRegex.isEmpty() && secretsSub != QLatin1String("encrypt"))
        return usageError(Text::tr("--encrypted-regex needs secrets encrypt"));
    const QString fluxSub = o.command == QLatin1String("flux") ? o.arguments.value(0) : QString();
    if (o.record && fluxSub != QLatin1String("takeover"))
        return usageError(Text::tr("--record needs flux takeover"));
    if (o.pre && fluxSub != QLatin1String("check"))
        return usageError(Text::tr("--pre needs flux check"));
    const bool bootstrap = fluxSub == QLatin1String("bootstrap");
    if (!o.fluxVersion.isEmpty() && !o.pre && !bootstrap)
        return usageError(Text::tr("--version V needs flux check --pre or flux bootstrap"));
    for (const QCommandLineOption &only : {componentsFile, useOperator, syncUrl, sshKeyAlgorithm,
                                           tokenEnv, hostApi, hostTokenEnv, sopsAge}) {
        if (parser.isSet(only) && !bootstrap)
            return usageError(Text::tr("--%1 needs flux bootstrap").arg(only.names().constFirst()));
    }
    if (!o.fluxVersion.isEmpty() && !o.componentsFile.isEmpty())
        return usageError(Text::tr("--version and --components-file exclude each other"));
    if (!o.sshKeyAlgorithm.isEmpty() && o.sshKeyAlgorithm != QLatin1String("ecdsa") &&
        o.sshKeyAlgorithm != QLatin1String("ed25519"))
        return usageError(Text::tr("--ssh-key-algorithm is ecdsa or ed25519"));
    if (!o.hostApi.isEmpty() && o.hostApi != QLatin1String("github") &&
        o.hostApi != QLatin1String("gitea"))
        return usageError(Text::tr("--host-api is github or gitea"));
    if (!o.hostApi.isEmpty() && o.hostTokenEnv.isEmpty())
        return usageError(Text::tr("--host-api needs --host-token-env VAR (the variable holding "
                                   "the API token)"));
    if (!o.tokenEnv.isEmpty() && (!o.hostApi.isEmpty() || !o.sshKeyAlgorithm.isEmpty()))
        return usageError(Text::tr("--token-env (HTTPS) excludes a deploy key (--host-api, "
                                   "--ssh-key-algorithm)"));
    if (o.withSource && fluxSub != QLatin1String("reconcile"))
        return usageError(Text::tr("--with-source needs flux reconcile"));
    if (parser.isSet(accept) && o.acceptAll)
        return usageError(Text::tr("--accept and --accept-all exclude each other"));
    if (parser.isSet(remove) && o.removeAllStale)
        return usageError(Text::tr("--remove and --remove-all-stale exclude each other"));
    return result;
}

} // namespace Fluxdesk::Cli
