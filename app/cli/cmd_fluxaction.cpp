// fluxdesk-cli flux reconcile|suspend|resume KIND NAME [-n NS] [--with-source]: what
// `flux reconcile`, `flux suspend` and `flux resume` do, as PATCHes with field manager fluxdesk.
// KIND as the flux CLI and kubectl name it: kustomization (ks), helmrelease (hr),
// gitrepository, helmrepository, ocirepository, helmchart, fluxinstance.
#include "clitext.h"
#include "commands.h"
#include "output.h"
#include "source.h"

#include "flux/fluxactionrunner.h"
#include "flux/fluxactions.h"
#include "flux/fluxkinds.h"
#include "kube/clustersession.h"
#include "kube/kubeclient.h"

#include <QEventLoop>

namespace Fluxdesk::Cli {

namespace {

const FluxKind *kindNamed(const QString &name)
{
    static const QHash<QString, QString> shortNames{
        {QStringLiteral("ks"), QStringLiteral("kustomization")},
        {QStringLiteral("hr"), QStringLiteral("helmrelease")},
        {QStringLiteral("gitrepo"), QStringLiteral("gitrepository")},
        {QStringLiteral("helmrepo"), QStringLiteral("helmrepository")},
        {QStringLiteral("ocirepo"), QStringLiteral("ocirepository")},
        {QStringLiteral("hc"), QStringLiteral("helmchart")}};
    const QString lower = name.toLower();
    const QString wanted = shortNames.value(lower, lower);
    for (const FluxKind &kind : FluxKinds::all())
        if (kind.kind.toLower() == wanted || kind.plural == wanted)
            return &kind;
    return nullptr;
}

QStringList kindNames()
{
    QStringList names;
    for (const FluxKind &kind : FluxKinds::all())
        names.append(kind.kind.toLower());
    return names;
}

} // namespace

int runFluxAction(const CliOptions &options)
{
    const QString sub = options.arguments.value(0);
    const FluxAction action =
        sub == QLatin1String("suspend") ? FluxAction::Suspend
        : sub == QLatin1String("resume")
            ? FluxAction::Resume
            : (options.withSource ? FluxAction::ReconcileWithSource : FluxAction::Reconcile);
    if (options.arguments.size() != 3) {
        printError(Text::tr("flux %1 needs KIND NAME (KIND: %2)")
                       .arg(sub, kindNames().join(QLatin1String(", "))));
        return ExitUsage;
    }
    const FluxKind *kind = kindNamed(options.arguments.at(1));
    if (!kind) {
        printError(Text::tr("flux %1: unknown kind \"%2\"; Flux's kinds: %3")
                       .arg(sub, options.arguments.at(1), kindNames().join(QLatin1String(", "))));
        return ExitUsage;
    }
    const QString name = options.arguments.at(2);
    const QString ns = options.ns.isEmpty() ? QStringLiteral("flux-system") : options.ns;

    Result<ConnectionSettings> settings = liveConnection(options, QStringLiteral("flux ") + sub);
    if (!settings) {
        printError(settings.error().toString());
        return ExitUsage;
    }
    // The objects a "with source" chain walks and the versions the cluster serves, read as every
    // command reads a cluster.
    ClusterSession session;
    const int loaded = loadSource(options, session);
    if (loaded != ExitOk)
        return loaded;
    const InventoryEntry *entry =
        session.inventory().find(ObjectKey{kind->group, kind->kind, ns, name});
    if (!entry) {
        printError(Text::tr("%1 %2/%3 not found in the cluster").arg(kind->kind, ns, name));
        return ExitUsage;
    }
    QList<ResourceType> served;
    for (const TypeStatus &type : session.inventory().typeStatuses())
        served.append(type.type);

    KubeClient client(*settings);
    FluxActionRunner runner(&client);
    runner.setServedTypes(served);
    const Inventory &inventory = session.inventory();
    runner.setLookup([&inventory](const FluxRef &ref) -> std::optional<QJsonObject> {
        const InventoryEntry *found = inventory.find(
            ObjectKey{ref.group.isEmpty() ? FluxKinds::sourceGroup(ref.kind) : ref.group, ref.kind,
                      ref.ns, ref.name});
        if (!found)
            return std::nullopt;
        return found->object.toObject();
    });
    QEventLoop loop;
    bool ok = false;
    QString message;
    QObject::connect(&runner, &FluxActionRunner::progress, &loop,
                     [](const QString &text) { printNote(text); });
    QObject::connect(&runner, &FluxActionRunner::finished, &loop,
                     [&](bool success, const QString &text) {
                         ok = success;
                         message = text;
                         loop.quit();
                     });
    // Refused before any request (a suspended object's Reconcile): finished() came already.
    const bool started = runner.start(action, entry->object.toObject());
    if (started)
        loop.exec();
    if (!ok) {
        printError(message);
        // A refusal is a problem found (exit 1); the server's refusal or a lost connection is an
        // error (exit 2).
        return started ? ExitUsage : ExitProblems;
    }
    printOut(message + QLatin1Char('\n'));
    return ExitOk;
}

} // namespace Fluxdesk::Cli
