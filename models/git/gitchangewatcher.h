#pragma once

#include <QFileSystemWatcher>
#include <QObject>
#include <QString>
#include <QTimer>

namespace Fluxdesk {

// Tells when a checkout changed on disk (work tree files, the index, HEAD, branches), debounced
// so a plan writing hundreds of files causes one refresh, not hundreds.
class GitChangeWatcher : public QObject
{
    Q_OBJECT
public:
    explicit GitChangeWatcher(QObject *parent = nullptr);

    // workdir: the work tree root (holding .git). An empty path stops watching.
    void setWorkdir(const QString &workdir);
    QString workdir() const { return m_workdir; }
    void setDebounceInterval(int milliseconds) { m_debounce.setInterval(milliseconds); }
    // Paths beyond this many are not watched (inotify watches are a limited resource).
    static constexpr int maxWatchedPaths = 8000;

Q_SIGNALS:
    void changed();

private:
    void rewatch();
    void onChange();

    QString m_workdir;
    QFileSystemWatcher m_watcher;
    QTimer m_debounce;
};

} // namespace Fluxdesk
