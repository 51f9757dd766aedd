// fluxdesk-cli convert-helm RELEASE -n NAMESPACE: the Flux source + HelmRelease for one release.
#include "clitext.h"
#include "commands.h"
#include "output.h"
#include "source.h"

#include "helm/chartsourceresolver.h"
#include "helm/helmreleasegenerator.h"
#include "kube/clustersession.h"
#include "manifest/yamlwriter.h"

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

    const Result<ClusterSource> source = sourceFor(options);
    if (!source) {
        printError(source.error().toString());
        return ExitUsage;
    }
    ClusterSession session;
    const int loaded = loadInventory(session, *source);
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
    for (const Problem &problem : conversion->problems) {
        if (problem.severity != Problem::Severity::Info)
            printWarning(problem.message);
    }
    printOut(toYamlDocuments(conversion->documents()));
    // A HelmRelease whose source is still to be chosen is not ready to commit.
    return resolution.needsUserChoice() ? ExitProblems : ExitOk;
}

} // namespace Fluxdesk::Cli
