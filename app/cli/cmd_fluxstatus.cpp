// fluxdesk-cli flux status [--json]: every Flux object with its readiness, like
// `flux get all -A`: sources, Kustomizations, HelmReleases (and FluxInstance), each with
// status, revision, suspended and Flux's message. Exit 1 when an object failed or stalled.
#include "clitext.h"
#include "commands.h"
#include "output.h"
#include "source.h"

#include "flux/fluxkinds.h"
#include "flux/fluxobjectstatus.h"
#include "flux/fluxreadiness.h"
#include "kube/clustersession.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace Fluxdesk::Cli {

namespace {

struct Row
{
    int order = 0; // the kind's place in FluxKinds::all()
    FluxObjectStatus status;
};

// Stable words for scripts (the table's are translated).
QString readinessId(FluxReadiness readiness)
{
    switch (readiness) {
    case FluxReadiness::Ready:
        return QStringLiteral("ready");
    case FluxReadiness::Reconciling:
        return QStringLiteral("reconciling");
    case FluxReadiness::Stalled:
        return QStringLiteral("stalled");
    case FluxReadiness::Failed:
        return QStringLiteral("failed");
    case FluxReadiness::Suspended:
        return QStringLiteral("suspended");
    case FluxReadiness::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QJsonObject rowJson(const FluxObjectStatus &status)
{
    QJsonArray dependsOn;
    for (const FluxRef &ref : status.dependsOn)
        dependsOn.append(QString(ref.ns + QLatin1Char('/') + ref.name));
    QJsonObject json{{QStringLiteral("kind"), status.kind},
                     {QStringLiteral("group"), status.group},
                     {QStringLiteral("namespace"), status.ns},
                     {QStringLiteral("name"), status.name},
                     {QStringLiteral("status"), readinessId(status.readiness())},
                     {QStringLiteral("ready"), status.readiness() == FluxReadiness::Ready},
                     {QStringLiteral("suspended"), status.suspended},
                     {QStringLiteral("revision"), status.revision},
                     {QStringLiteral("reason"), status.verdict.reason},
                     {QStringLiteral("message"), status.verdict.message},
                     {QStringLiteral("dependsOn"), dependsOn}};
    if (status.lastApplied.isValid())
        json.insert(QStringLiteral("lastApplied"),
                    status.lastApplied.toUTC().toString(Qt::ISODate));
    return json;
}

} // namespace

int runFluxStatus(const CliOptions &options)
{
    ClusterSession session;
    const int loaded = loadSource(options, session);
    if (loaded != ExitOk)
        return loaded;

    const QList<FluxKind> &kinds = FluxKinds::all();
    QList<Row> rows;
    for (const QJsonObject &object : session.inventory().objects()) {
        const FluxKind *kind = FluxKinds::of(object);
        if (!kind)
            continue;
        Row row;
        for (int i = 0; i < kinds.size(); ++i)
            if (&kinds.at(i) == kind)
                row.order = i;
        row.status = FluxObjectStatus::of(object);
        rows.append(row);
    }
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        return std::tie(a.order, a.status.ns, a.status.name) <
               std::tie(b.order, b.status.ns, b.status.name);
    });
    bool failed = false;
    for (const Row &row : std::as_const(rows))
        failed = failed || row.status.readiness() == FluxReadiness::Failed ||
                 row.status.readiness() == FluxReadiness::Stalled;

    if (options.json) {
        QJsonArray array;
        for (const Row &row : std::as_const(rows))
            array.append(rowJson(row.status));
        printJson(array);
        return failed ? ExitProblems : ExitOk;
    }
    if (rows.isEmpty()) {
        printNote(Text::tr("no Flux objects in %1: Flux is not installed, or holds nothing yet")
                      .arg(session.source().displayName()));
        return ExitOk;
    }
    QList<QStringList> table;
    for (const Row &row : std::as_const(rows)) {
        const FluxObjectStatus &s = row.status;
        const QString message = s.verdict.message.isEmpty() ? s.verdict.reason : s.verdict.message;
        table.append({s.kind, s.ns, s.name, FluxReadinessRules::text(s.readiness()),
                      s.suspended ? Text::tr("yes") : Text::tr("no"), s.revision,
                      message.simplified()});
    }
    printOut(
        formatTable({Text::tr("KIND"), Text::tr("NAMESPACE"), Text::tr("NAME"), Text::tr("STATUS"),
                     Text::tr("SUSPENDED"), Text::tr("REVISION"), Text::tr("MESSAGE")},
                    table));
    return failed ? ExitProblems : ExitOk;
}

} // namespace Fluxdesk::Cli
