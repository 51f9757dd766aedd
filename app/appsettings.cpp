#include "appsettings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QVariant>

namespace Fluxdesk {

namespace {
const QLatin1String kubeconfigKey("connection/kubeconfig");
const QLatin1String recentKubeconfigsKey("connection/recentKubeconfigs");
const QLatin1String contextKey("connection/context");
const QLatin1String snapshotKey("connection/snapshot");
const QLatin1String repoKey("repository/path");
const QLatin1String showOwnedKey("cluster/showOwned");
const QLatin1String geometryKey("window/geometry");
const QLatin1String stateKey("window/state");
const QLatin1String splitterKey("window/splitter");
const QLatin1String selectedKey("cluster/selected");
} // namespace

AppSettings::AppSettings()
{
    // QSettings ignores QStandardPaths' test mode; point it at the test location ourselves.
    if (QStandardPaths::isTestModeEnabled()) {
        const QString dir =
            QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
            QLatin1String("/Fluxdesk");
        QDir().mkpath(dir);
        m_settings = std::make_unique<QSettings>(dir + QLatin1String("/Fluxdesk.conf"),
                                                 QSettings::IniFormat);
    } else {
        m_settings =
            std::make_unique<QSettings>(QStringLiteral("Fluxdesk"), QStringLiteral("Fluxdesk"));
    }
}

AppSettings::~AppSettings() = default;

QStringList AppSettings::kubeconfigFiles() const
{
    // A single file (as versions before the list stored it) reads as a list of one.
    return m_settings->value(kubeconfigKey).toStringList();
}

void AppSettings::setKubeconfigFiles(const QStringList &files)
{
    m_settings->setValue(kubeconfigKey, files);
}

QString AppSettings::kubeconfigPath() const
{
    const QStringList files = kubeconfigFiles();
    return files.isEmpty() ? QString() : files.constFirst();
}

void AppSettings::setKubeconfigPath(const QString &path)
{
    setKubeconfigFiles(path.isEmpty() ? QStringList() : QStringList{path});
}

QStringList AppSettings::recentKubeconfigs() const
{
    QStringList existing;
    const QStringList files = m_settings->value(recentKubeconfigsKey).toStringList();
    for (const QString &file : files) {
        if (!file.isEmpty() && QFileInfo::exists(file) && !existing.contains(file))
            existing.append(file);
    }
    return existing;
}

void AppSettings::addRecentKubeconfigs(const QStringList &files)
{
    QStringList recent = recentKubeconfigs();
    for (auto it = files.crbegin(); it != files.crend(); ++it) {
        recent.removeAll(*it);
        recent.prepend(*it);
    }
    while (recent.size() > 8)
        recent.removeLast();
    m_settings->setValue(recentKubeconfigsKey, recent);
}

QString AppSettings::lastContext() const
{
    return m_settings->value(contextKey).toString();
}

void AppSettings::setLastContext(const QString &context)
{
    m_settings->setValue(contextKey, context);
}

QString AppSettings::lastSnapshot() const
{
    return m_settings->value(snapshotKey).toString();
}

void AppSettings::setLastSnapshot(const QString &path)
{
    m_settings->setValue(snapshotKey, path);
}

QString AppSettings::repoPath() const
{
    return m_settings->value(repoKey).toString();
}

void AppSettings::setRepoPath(const QString &path)
{
    m_settings->setValue(repoKey, path);
}

QStringList AppSettings::recentRepos() const
{
    return m_settings->value(QStringLiteral("changes/recentRepos")).toStringList();
}

void AppSettings::addRecentRepo(const QString &path)
{
    QStringList repos = recentRepos();
    repos.removeAll(path);
    repos.prepend(path);
    while (repos.size() > 8)
        repos.removeLast();
    m_settings->setValue(QStringLiteral("changes/recentRepos"), repos);
}

bool AppSettings::showOwned() const
{
    return m_settings->value(showOwnedKey, false).toBool();
}

void AppSettings::setShowOwned(bool show)
{
    m_settings->setValue(showOwnedKey, show);
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings->value(geometryKey).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(geometryKey, geometry);
}

QByteArray AppSettings::windowState() const
{
    return m_settings->value(stateKey).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state)
{
    m_settings->setValue(stateKey, state);
}

QByteArray AppSettings::splitterState() const
{
    return m_settings->value(splitterKey).toByteArray();
}

void AppSettings::setSplitterState(const QByteArray &state)
{
    m_settings->setValue(splitterKey, state);
}

QStringList AppSettings::selectedObject() const
{
    return m_settings->value(selectedKey).toStringList();
}

void AppSettings::setSelectedObject(const QStringList &key)
{
    m_settings->setValue(selectedKey, key);
}

QString AppSettings::fileName() const
{
    return m_settings->fileName();
}

void AppSettings::sync()
{
    m_settings->sync();
}

} // namespace Fluxdesk
