#include "helmclientconfig.h"

#include "manifest/yamljson.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace Fluxdesk {

namespace {

QString env(const char *name)
{
    return qEnvironmentVariable(name);
}

// Helm's lazypath: $HELM_*_HOME, else the XDG variable, else the platform default.
QString helmHome(const char *helmVariable, const char *xdgVariable, const QString &fallback)
{
    const QString helm = env(helmVariable);
    if (!helm.isEmpty())
        return helm;
    const QString xdg = env(xdgVariable);
    if (!xdg.isEmpty())
        return xdg + QStringLiteral("/helm");
    return fallback;
}

QString versionText(const QJsonValue &value)
{
    // Index versions are SemVer strings; a YAML reader may type "1.0" as a number.
    if (value.isDouble())
        return QString::number(value.toDouble());
    return value.toString();
}

} // namespace

HelmClientPaths HelmClientPaths::fromEnvironment()
{
    const QString home = QDir::homePath();
#if defined(Q_OS_MACOS)
    const QString configDefault = home + QStringLiteral("/Library/Preferences/helm");
    const QString cacheDefault = home + QStringLiteral("/Library/Caches/helm");
#elif defined(Q_OS_WIN)
    const QString configDefault = env("APPDATA") + QStringLiteral("/helm");
    const QString cacheDefault = QDir::tempPath() + QStringLiteral("/helm");
#else
    const QString configDefault = home + QStringLiteral("/.config/helm");
    const QString cacheDefault = home + QStringLiteral("/.cache/helm");
#endif
    HelmClientPaths paths;
    paths.repositoryConfig = env("HELM_REPOSITORY_CONFIG");
    if (paths.repositoryConfig.isEmpty())
        paths.repositoryConfig = helmHome("HELM_CONFIG_HOME", "XDG_CONFIG_HOME", configDefault) +
                                 QStringLiteral("/repositories.yaml");
    paths.repositoryCache = env("HELM_REPOSITORY_CACHE");
    if (paths.repositoryCache.isEmpty())
        paths.repositoryCache = helmHome("HELM_CACHE_HOME", "XDG_CACHE_HOME", cacheDefault) +
                                QStringLiteral("/repository");
    return paths;
}

HelmClientConfig HelmClientConfig::load(const HelmClientPaths &paths)
{
    HelmClientConfig config;
    QFile file(paths.repositoryConfig);
    if (!file.exists())
        return config;
    if (!file.open(QIODevice::ReadOnly)) {
        config.m_warnings.append(
            Error(QCoreApplication::translate("HelmClientConfig", "cannot read: %1")
                      .arg(file.errorString()),
                  paths.repositoryConfig));
        return config;
    }
    const Result<QJsonValue> parsed = parseYamlValue(file.readAll(), paths.repositoryConfig);
    if (!parsed) {
        config.m_warnings.append(parsed.error());
        return config;
    }
    const QJsonArray repositories =
        parsed->toObject().value(QLatin1String("repositories")).toArray();
    for (const QJsonValue &value : repositories) {
        const QJsonObject entry = value.toObject();
        HelmClientRepository repo;
        repo.name = entry.value(QLatin1String("name")).toString();
        repo.url = entry.value(QLatin1String("url")).toString();
        if (repo.name.isEmpty() || repo.url.isEmpty())
            continue;
        const QString indexPath =
            QDir(paths.repositoryCache).filePath(repo.name + QStringLiteral("-index.yaml"));
        QFile index(indexPath);
        if (index.open(QIODevice::ReadOnly)) {
            const Result<QJsonValue> indexValue = parseYamlValue(index.readAll(), indexPath);
            if (indexValue) {
                repo.indexLoaded = true;
                const QJsonObject entries =
                    indexValue->toObject().value(QLatin1String("entries")).toObject();
                for (auto it = entries.begin(); it != entries.end(); ++it) {
                    QStringList versions;
                    const QJsonArray list = it.value().toArray();
                    for (const QJsonValue &version : list)
                        versions.append(
                            versionText(version.toObject().value(QLatin1String("version"))));
                    repo.chartVersions.insert(it.key(), versions);
                }
            } else {
                config.m_warnings.append(indexValue.error());
            }
        }
        config.m_repositories.append(repo);
    }
    return config;
}

QList<HelmClientConfig::Match> HelmClientConfig::findChart(const QString &chart,
                                                           const QString &version) const
{
    QList<Match> exact;
    QList<Match> nameOnly;
    for (const HelmClientRepository &repo : m_repositories) {
        const auto it = repo.chartVersions.constFind(chart);
        if (it == repo.chartVersions.constEnd())
            continue;
        Match match{repo.name, repo.url, it.value().contains(version)};
        (match.versionFound ? exact : nameOnly).append(match);
    }
    return exact + nameOnly;
}

} // namespace Fluxdesk
