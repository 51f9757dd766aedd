#include "commands.h"

#include "clitext.h"
#include "output.h"
#include "source.h"

#include "kube/clustersession.h"
#include "kube/inventoryexport.h"
#include "kube/snapshot.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace Fluxdesk::Cli {

namespace {

// Helm records that did not decode are reported, the other releases still listed.
void warnReleaseErrors(const Inventory &inventory)
{
    const QList<Error> errors = inventory.releaseErrors();
    for (const Error &error : errors)
        printWarning(error.toString());
}

} // namespace

int runContexts(const CliOptions &options)
{
    const Result<Kubeconfig> config = loadKubeconfig(options);
    if (!config) {
        printError(config.error().toString());
        return ExitUsage;
    }
    // Sorted by name, as kubectl config get-contexts prints them.
    QList<KubeContext> contexts = config->contexts();
    std::sort(contexts.begin(), contexts.end(),
              [](const KubeContext &a, const KubeContext &b) { return a.name < b.name; });
    const QString current = config->currentContext();
    if (options.json) {
        QJsonArray array;
        for (const KubeContext &c : contexts) {
            array.append(QJsonObject{{QStringLiteral("current"), c.name == current},
                                     {QStringLiteral("name"), c.name},
                                     {QStringLiteral("cluster"), c.cluster},
                                     {QStringLiteral("authInfo"), c.user},
                                     {QStringLiteral("namespace"), c.ns}});
        }
        printJson(array);
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const KubeContext &c : contexts) {
        rows.append(
            {c.name == current ? QStringLiteral("*") : QString(), c.name, c.cluster, c.user, c.ns});
    }
    printOut(
        formatTable({QStringLiteral("CURRENT"), QStringLiteral("NAME"), QStringLiteral("CLUSTER"),
                     QStringLiteral("AUTHINFO"), QStringLiteral("NAMESPACE")},
                    rows));
    return ExitOk;
}

int runReleases(const CliOptions &options)
{
    ClusterSession session;
    const int loaded = loadSource(options, session);
    if (loaded != ExitOk)
        return loaded;
    const Inventory &inventory = session.inventory();
    warnReleaseErrors(inventory);
    const QList<HelmRelease> releases = inventory.helmReleases();
    if (options.json) {
        // The shape of `helm list -o json`, so scripts written for helm keep working.
        QJsonArray array;
        for (const HelmRelease &release : releases)
            array.append(helmListEntry(release));
        printJson(array);
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const HelmRelease &r : releases) {
        rows.append({r.name, r.ns, QString::number(r.revision), r.status, r.chartName,
                     r.chartVersion, r.appVersion});
    }
    printOut(
        formatTable({QStringLiteral("NAME"), QStringLiteral("NAMESPACE"),
                     QStringLiteral("REVISION"), QStringLiteral("STATUS"), QStringLiteral("CHART"),
                     QStringLiteral("VERSION"), QStringLiteral("APP-VERSION")},
                    rows));
    return ExitOk;
}

int runInventory(const CliOptions &options)
{
    ClusterSession session;
    const int loaded = loadSource(options, session);
    if (loaded != ExitOk)
        return loaded;
    warnReleaseErrors(session.inventory());
    const Result<QStringList> written =
        writeInventoryFiles(options.out, inventoryFiles(session.inventory()));
    if (!written) {
        printError(written.error().toString());
        return ExitUsage;
    }
    for (const QString &path : *written)
        printOut(QDir::toNativeSeparators(path) + QLatin1Char('\n'));
    return ExitOk;
}

int runSnapshot(const CliOptions &options)
{
    ClusterSession session;
    const int loaded = loadSource(options, session);
    if (loaded != ExitOk)
        return loaded;
    const QString path = QFileInfo(options.out).absoluteFilePath();
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        printError(
            Error(Text::tr("cannot create the folder"), QFileInfo(path).absolutePath()).toString());
        return ExitUsage;
    }
    const Result<bool> written = writeSnapshot(path, session.inventory().objects());
    if (!written) {
        printError(written.error().toString());
        return ExitUsage;
    }
    printOut(QDir::toNativeSeparators(path) + QLatin1Char('\n'));
    return ExitOk;
}

int runCommand(const CliOptions &options)
{
    if (options.command == QLatin1String("contexts"))
        return runContexts(options);
    if (options.command == QLatin1String("releases"))
        return runReleases(options);
    if (options.command == QLatin1String("inventory"))
        return runInventory(options);
    if (options.command == QLatin1String("snapshot"))
        return runSnapshot(options);
    if (options.command == QLatin1String("split"))
        return runSplit(options);
    if (options.command == QLatin1String("lint"))
        return runLint(options);
    if (options.command == QLatin1String("clean"))
        return runClean(options);
    if (options.command == QLatin1String("convert-helm"))
        return runConvertHelm(options);
    if (options.command == QLatin1String("commit"))
        return runCommit(options);
    if (options.command == QLatin1String("plan"))
        return runPlan(options);
    if (options.command == QLatin1String("validate"))
        return runValidate(options);
    if (options.command == QLatin1String("flux"))
        return runFlux(options);
    if (options.command == QLatin1String("secrets"))
        return runSecrets(options);
    printError(Text::tr("unknown command \"%1\"").arg(options.command));
    return ExitUsage;
}

} // namespace Fluxdesk::Cli
