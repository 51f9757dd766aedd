#include "fluxversions.h"

#include <QRegularExpression>

namespace Fluxdesk {

std::optional<KubernetesVersion>
KubernetesVersion::parse(const QString &gitVersion, const QString &major, const QString &minor)
{
    static const QRegularExpression semver(QStringLiteral("^v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?"));
    const QRegularExpressionMatch m = semver.match(gitVersion.trimmed());
    KubernetesVersion v;
    if (m.hasMatch()) {
        v.text = gitVersion.trimmed();
        v.major = m.captured(1).toInt();
        v.minor = m.captured(2).toInt();
        v.patch = m.captured(3).toInt();
        return v;
    }
    // Some distributions leave gitVersion odd but give major and minor ("31+" on GKE, EKS).
    static const QRegularExpression digits(QStringLiteral("^(\\d+)"));
    const QRegularExpressionMatch ma = digits.match(major.trimmed());
    const QRegularExpressionMatch mi = digits.match(minor.trimmed());
    if (!ma.hasMatch() || !mi.hasMatch())
        return std::nullopt;
    v.major = ma.captured(1).toInt();
    v.minor = mi.captured(1).toInt();
    v.text = QStringLiteral("v%1.%2").arg(v.major).arg(v.minor);
    return v;
}

namespace FluxVersions {

// minimumKubeMinor: the constraint of `flux check --pre` in fluxcd/flux2's cmd/flux/check.go
// (kubernetesConstraints) at each minor's v2.x.0 tag: ">=1.24.0-0" at v2.0.0, 1.25 at v2.1.0,
// 1.26 at v2.2.0, 1.28 at v2.3.0 and v2.4.0, 1.30 at v2.5.0, 1.31 at v2.6.0, 1.32 at v2.7.0,
// 1.33 at v2.8.0 and v2.9.0.
// newestTestedMinor: the newest Kubernetes minor each release's notes list as supported (three
// minors per release), which is also the newest kindest/node image in that tag's e2e workflows
// (.github/workflows) where those go further: 1.27 (v2.0), 1.28 (v2.1, v2.2), 1.30 (v2.3),
// 1.31 (v2.4), 1.32 (v2.5), 1.33 (v2.6), 1.34 (v2.7), 1.35 (v2.8), 1.36 (v2.9).
const QList<FluxVersionSupport> &table()
{
    static const QList<FluxVersionSupport> rows = {
        {9, 33, 36}, {8, 33, 35}, {7, 32, 34}, {6, 31, 33}, {5, 30, 32},
        {4, 28, 31}, {3, 28, 30}, {2, 26, 28}, {1, 25, 28}, {0, 24, 27},
    };
    return rows;
}

std::optional<FluxVersionSupport> support(const QString &fluxVersion)
{
    static const QRegularExpression re(QStringLiteral("^v?(\\d+)\\.(\\d+)(?:\\.\\d+)?(?:-.*)?$"));
    const QRegularExpressionMatch m = re.match(fluxVersion.trimmed());
    if (!m.hasMatch() || m.captured(1).toInt() != 2)
        return std::nullopt;
    const int minor = m.captured(2).toInt();
    for (const FluxVersionSupport &row : table()) {
        if (row.fluxMinor == minor)
            return row;
    }
    return std::nullopt;
}

QString newestKnown()
{
    return QStringLiteral("v2.%1").arg(table().constFirst().fluxMinor);
}

Fit fit(const FluxVersionSupport &support, const KubernetesVersion &kubernetes)
{
    if (kubernetes.major < 1 ||
        (kubernetes.major == 1 && kubernetes.minor < support.minimumKubeMinor))
        return Fit::TooOld;
    if (kubernetes.major > 1 || kubernetes.minor > support.newestTestedMinor)
        return Fit::NewerThanTested;
    return Fit::Supported;
}

} // namespace FluxVersions
} // namespace Fluxdesk
