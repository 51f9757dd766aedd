#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

class QSettings;

namespace Fluxdesk {

// What the window remembers between runs (QSettings, organisation and application "Fluxdesk").
// Under QStandardPaths::setTestModeEnabled(true) the file lives in the test location, so tests
// never read or write the user's settings.
class AppSettings
{
public:
    AppSettings();
    ~AppSettings();

    // The kubeconfig files of the last connection to a context, however they were chosen (File >
    // Open Kubeconfig, --kubeconfig, $KUBECONFIG, the Cluster list): a restart reconnects to them.
    QStringList kubeconfigFiles() const;
    void setKubeconfigFiles(const QStringList &files);
    QString kubeconfigPath() const; // the first of kubeconfigFiles()
    void setKubeconfigPath(const QString &path);
    // Kubeconfig files connected to before, most recent first (at most 8); files that no longer
    // exist are left out.
    QStringList recentKubeconfigs() const;
    void addRecentKubeconfigs(const QStringList &files);
    QString lastContext() const;
    void setLastContext(const QString &context);
    QString lastSnapshot() const;
    void setLastSnapshot(const QString &path);
    QString repoPath() const;
    void setRepoPath(const QString &path);
    // The repositories last opened in the Changes panel, most recent first (at most 8).
    QStringList recentRepos() const;
    void addRecentRepo(const QString &path);
    bool showOwned() const;
    void setShowOwned(bool show);
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray &state);

    // The object selected when the window closed: group, kind, namespace, name.
    QStringList selectedObject() const;
    void setSelectedObject(const QStringList &key);

    QString fileName() const;
    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace Fluxdesk
