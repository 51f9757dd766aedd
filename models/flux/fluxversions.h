#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace Fluxdesk {

// A Kubernetes server version as GET /version gives it ("v1.31.4+k3s1").
struct KubernetesVersion
{
    int major = 0;
    int minor = 0;
    int patch = 0;
    QString text; // gitVersion as the server sent it

    // From /version's body fields: gitVersion first, else major and minor ("1", "31+").
    static std::optional<KubernetesVersion>
    parse(const QString &gitVersion, const QString &major = {}, const QString &minor = {});
};

// Which Kubernetes versions one Flux minor release runs on.
struct FluxVersionSupport
{
    int fluxMinor = 0;         // 2.x
    int minimumKubeMinor = 0;  // 1.y: older ones fail the pre-flight, as `flux check --pre` does
    int newestTestedMinor = 0; // 1.z: newer ones are a warning (untested, not refused)
};

namespace FluxVersions {

// The table, newest Flux first.
const QList<FluxVersionSupport> &table();
// The row of a Flux version ("v2.5.1", "2.5", "2.5.0-rc.1"); nullopt for a version the table
// does not know (not 2.x, or a minor newer than the table).
std::optional<FluxVersionSupport> support(const QString &fluxVersion);
// The newest Flux version the table knows, "v2.9".
QString newestKnown();

enum class Fit
{
    TooOld,          // below the minimum: Flux refuses to run there
    Supported,       // within the range Flux is tested on
    NewerThanTested, // above the newest tested minor: may work, not tested
};
Fit fit(const FluxVersionSupport &support, const KubernetesVersion &kubernetes);

} // namespace FluxVersions
} // namespace Fluxdesk
