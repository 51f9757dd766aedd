#include "gitchangewatcher.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

namespace Fluxdesk {

GitChangeWatcher::GitChangeWatcher(QObject *parent) : QObject(parent)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(300);
    connect(&m_debounce, &QTimer::timeout, this, [this] {
        rewatch(); // new folders appear, replaced files lose their watch
        Q_EMIT changed();
    });
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] { onChange(); });
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this] { onChange(); });
}

void GitChangeWatcher::setWorkdir(const QString &workdir)
{
    m_workdir = workdir.isEmpty() ? QString() : QDir(workdir).absolutePath();
    m_debounce.stop();
    rewatch();
}

void GitChangeWatcher::onChange()
{
    m_debounce.start(); // restarted by every event: fires once the burst is over
}

void GitChangeWatcher::rewatch()
{
    const QStringList files = m_watcher.files();
    const QStringList dirs = m_watcher.directories();
    if (!files.isEmpty())
        m_watcher.removePaths(files);
    if (!dirs.isEmpty())
        m_watcher.removePaths(dirs);
    if (m_workdir.isEmpty())
        return;

    // Files too: an in-place write changes no folder entry, so only a file watch sees it.
    QStringList watchDirs{m_workdir};
    QDirIterator it(m_workdir, QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext() && watchDirs.size() < maxWatchedPaths) {
        const QString path = it.next();
        // .git changes that matter are watched below; objects/ and logs/ churn for nothing.
        const QString relative = path.mid(m_workdir.size() + 1);
        if (relative == QLatin1String(".git") || relative.startsWith(QLatin1String(".git/")))
            continue;
        watchDirs.append(path);
    }
    const QString git = m_workdir + QStringLiteral("/.git");
    const QStringList refDirs{git + QStringLiteral("/refs/heads"),
                              git + QStringLiteral("/refs/remotes")};
    for (const QString &dir : refDirs) {
        if (QFileInfo(dir).isDir())
            watchDirs.append(dir);
    }
    // The .git folder itself sees index/HEAD being replaced through their .lock files.
    if (QFileInfo(git).isDir())
        watchDirs.append(git);
    m_watcher.addPaths(watchDirs);
}

} // namespace Fluxdesk
