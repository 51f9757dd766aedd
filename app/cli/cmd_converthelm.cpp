// fluxdesk-cli convert-helm RELEASE -n NAMESPACE [--inline-credentials]: the Flux source +
// HelmRelease for one release.
#include "clitext.h"
#include "commands.h"
#include "output.h"
#include "source.h"

#include "helm/chartsourceresolver.h"
#include "helm/helmreleasegenerator.h"
#include "helm/valuescredentials.h"
#include "kube/clustersession.h"
#include "manifest/yamlwriter.h"

#include <QJsonObject>

#include <algorithm>

namespace Fluxdesk::Cli {

namespace {

// The releases in ns (all namespaces when ns is empty) for the "unknown release" message.
QString releaseList(const QList<HelmRelease> &releases, const QString &ns)
{
    QStringList names;
    for (const HelmRelease &r : releases) {
        if (ns.isEmpty())
            names.append(r.ns + QLatin1Char('/') + r.name);
        else if (r.ns == ns)
            names.append(r.name);
    }
    return names.isEmpty() ? Text::tr("none") : names.join(QLatin1String(", "));
}

} // namespace

int runConvertHelm(const CliOptions &options)
{
    if (options.arguments.isEmpty()) {
        printError(Text::tr("convert-helm needs a RELEASE (and -n NAMESPACE)"));
        return ExitUsage;
    }
    const QString name = options.arguments.first();

    ClusterSession session;
    const int loaded = loadSource(options, session);
    if (loaded != ExitOk)
        return loaded;
    const Inventory &inventory = session.inventory();
    for (const Error &error : inventory.releaseErrors())
        printWarning(error.toString());

    const QList<HelmRelease> releases = inventory.helmReleases();
    QList<HelmRelease> found;
    for (const HelmRelease &r : releases) {
        if (r.name == name && (options.ns.isEmpty() || r.ns == options.ns))
            found.append(r);
    }
    if (found.isEmpty()) {
        if (options.ns.isEmpty())
            printError(Text::tr("no Helm release \"%1\"; releases: %2")
                           .arg(name, releaseList(releases, QString())));
        else
            printError(Text::tr("no Helm release \"%1\" in namespace %2; releases there: %3")
                           .arg(name, options.ns, releaseList(releases, options.ns)));
        return ExitUsage;
    }
    if (found.size() > 1) {
        QStringList namespaces;
        for (const HelmRelease &r : found)
            namespaces.append(r.ns);
        printError(Text::tr("Helm release \"%1\" exists in several namespaces (%2): give -n")
                       .arg(name, namespaces.join(QLatin1String(", "))));
        return ExitUsage;
    }
    const HelmRelease &release = found.first();

    ChartSourceContext context;
    context.helmClient = HelmClientConfig::load(HelmClientPaths::fromEnvironment());
    for (const Error &warning : context.helmClient.warnings())
        printWarning(warning.toString());
    const ChartSourceResolution resolution = resolveChartSource(release, context);
    const Result<HelmConversion> conversion = convertHelmRelease(release, resolution);
    if (!conversion) {
        printError(conversion.error().toString());
        return ExitUsage;
    }
    QList<Problem> problems = conversion->problems;
    QList<QJsonObject> documents = conversion->documents();
    if (!options.inlineCredentials) {
        // As the plan does by default: credentials leave spec.values for a Secret. The Secret is
        // not printed, so no credential reaches stdout (and from there a file in Git).
        const ValuesSecretMove move =
            moveCredentialsToSecret(conversion->helmRelease, conversion->credentials);
        documents.last() = move.helmRelease;
        problems.erase(std::remove_if(problems.begin(), problems.end(),
                                      [](const Problem &p) {
                                          return p.rule == QLatin1String("helm-values-credential");
                                      }),
                       problems.end());
        problems += credentialProblems(release, move.kept);
        if (!move.moved.isEmpty()) {
            const QJsonObject metadata = move.secret.value(QLatin1String("metadata")).toObject();
            QStringList paths;
            for (const CredentialFinding &f : move.moved)
                paths.append(QLatin1String("values.") + f.path);
            const QStringList keys =
                move.secret.value(QLatin1String("stringData")).toObject().keys();
            printWarning(Text::tr("the HelmRelease reads its credential-like values (%1) from "
                                  "Secret %2/%3, keys %4, which is not printed: create it in the "
                                  "cluster before Flux applies the HelmRelease, or plan the "
                                  "repository and include it; --inline-credentials keeps them in "
                                  "spec.values as plain text")
                             .arg(paths.join(QLatin1String(", ")),
                                  metadata.value(QLatin1String("namespace")).toString(),
                                  metadata.value(QLatin1String("name")).toString(),
                                  keys.join(QLatin1String(", "))));
        }
    }
    for (const Problem &problem : std::as_const(problems)) {
        if (problem.severity != Problem::Severity::Info)
            printWarning(problem.message);
    }
    printOut(toYamlDocuments(documents));
    // A HelmRelease whose source is still to be chosen is not ready to commit.
    return resolution.needsUserChoice() ? ExitProblems : ExitOk;
}

} // namespace Fluxdesk::Cli
