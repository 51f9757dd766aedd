#include "plan.h"

#include <algorithm>

namespace Fluxdesk {

QString plannedFileKindId(PlannedFileKind kind)
{
    switch (kind) {
    case PlannedFileKind::Manifest:
        return QStringLiteral("manifest");
    case PlannedFileKind::HelmRelease:
        return QStringLiteral("helmrelease");
    case PlannedFileKind::Source:
        return QStringLiteral("source");
    case PlannedFileKind::FluxKustomization:
        return QStringLiteral("flux-kustomization");
    case PlannedFileKind::Kustomization:
        return QStringLiteral("kustomization");
    case PlannedFileKind::Namespace:
        return QStringLiteral("namespace");
    }
    return {};
}

const PlannedFile *Plan::file(const QString &path) const
{
    // files is sorted by path.
    const auto it = std::lower_bound(
        files.cbegin(), files.cend(), path,
        [](const PlannedFile &f, const QString &wanted) { return f.path < wanted; });
    if (it != files.cend() && it->path == path)
        return &*it;
    for (const PlannedFile &f : files) { // a Plan put together by hand may be unsorted
        if (f.path == path)
            return &f;
    }
    return nullptr;
}

QStringList Plan::paths() const
{
    QStringList out;
    for (const PlannedFile &f : files)
        out.append(f.path);
    return out;
}

QString Plan::pathOf(const ObjectKey &key) const
{
    for (const PlannedFile &f : files) {
        if (f.objects.contains(key))
            return f.path;
    }
    return {};
}

bool isUnderPlanRoots(const QString &path)
{
    return path.startsWith(QLatin1String("infrastructure/")) ||
           path.startsWith(QLatin1String("workloads/"));
}

} // namespace Fluxdesk
