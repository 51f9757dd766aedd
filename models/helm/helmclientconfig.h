#pragma once

#include "core/error.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

// Where the user's Helm client keeps its repository list and the downloaded indexes.
struct HelmClientPaths
{
    QString repositoryConfig; // repositories.yaml
    QString repositoryCache;  // folder holding <repository>-index.yaml

    // As Helm resolves them: $HELM_REPOSITORY_CONFIG / $HELM_REPOSITORY_CACHE, else under
    // $HELM_CONFIG_HOME / $HELM_CACHE_HOME, else the platform folders ($XDG_CONFIG_HOME/helm,
    // ~/.config/helm; $XDG_CACHE_HOME/helm/repository, ~/.cache/helm/repository on Linux).
    static HelmClientPaths fromEnvironment();
};

struct HelmClientRepository
{
    QString name;
    QString url;
    bool indexLoaded = false;
    QHash<QString, QStringList> chartVersions; // chart -> versions in the cached index
};

// The user's `helm repo add` list and cached indexes, reduced to chart names and versions.
class HelmClientConfig
{
public:
    // Missing files give an empty config (no Helm client is normal); unreadable or malformed
    // ones are reported in warnings() and skipped.
    static HelmClientConfig load(const HelmClientPaths &paths);

    struct Match
    {
        QString repository;
        QString url;
        bool versionFound = false; // the index lists the running version, not only the chart
    };
    // Repositories whose index lists the chart: those with the exact version first, each group
    // in repositories.yaml order.
    QList<Match> findChart(const QString &chart, const QString &version) const;

    const QList<HelmClientRepository> &repositories() const { return m_repositories; }
    const QList<Error> &warnings() const { return m_warnings; }

private:
    QList<HelmClientRepository> m_repositories;
    QList<Error> m_warnings;
};

} // namespace Fluxdesk
