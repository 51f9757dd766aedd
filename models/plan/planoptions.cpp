#include "planoptions.h"

#include "plan/plan.h"

#include <QRegularExpression>

namespace Fluxdesk {

bool EntryPointSettings::operator==(const EntryPointSettings &o) const
{
    return name == o.name && interval == o.interval && retryInterval == o.retryInterval &&
           timeout == o.timeout && prune == o.prune && wait == o.wait && dependsOn == o.dependsOn &&
           healthChecks == o.healthChecks && suspend == o.suspend;
}

QList<EntryPointSettings> defaultEntryPoints()
{
    EntryPointSettings infrastructure;
    infrastructure.name = infrastructureRoot();
    EntryPointSettings workloads;
    workloads.name = workloadsRoot();
    workloads.dependsOn = QStringList{infrastructure.name};
    return {infrastructure, workloads};
}

bool isValidFluxDuration(const QString &text)
{
    // The pattern of Flux's CRDs for interval, retryInterval and timeout.
    static const QRegularExpression duration(QStringLiteral("^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$"));
    return duration.match(text).hasMatch();
}

} // namespace Fluxdesk
