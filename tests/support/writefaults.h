#pragma once

// Helpers for tests of writes that must fail cleanly: a file size limit (a full disk without a
// small file system of its own) and a folder's whole state, to compare before and after.

#include "repo/stagedwrite.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QString>

#include <csignal>
#include <sys/resource.h>

namespace Fluxdesk::TestFiles {

// Files may grow no larger than `bytes` while it lives: a write beyond fails with EFBIG (even for
// root, whom permissions do not stop), as it would on a full disk.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        ::getrlimit(RLIMIT_FSIZE, &m_old);
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = m_old;
        limit.rlim_cur = bytes;
        ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit()
    {
        ::setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_oldHandler);
    }
    FileSizeLimit(const FileSizeLimit &) = delete;
    FileSizeLimit &operator=(const FileSizeLimit &) = delete;

private:
    rlimit m_old{};
    void (*m_oldHandler)(int) = nullptr;
};

// Everything under dir, relative: each folder ("d"), link ("l TARGET") and file ("f MODE" and its
// bytes), hidden ones included. Equal before and after: nothing changed, byte for byte.
inline QMap<QString, QByteArray> folderState(const QString &dir)
{
    QMap<QString, QByteArray> state;
    const QDir root(dir);
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info(path);
        const QString rel = root.relativeFilePath(path);
        if (info.isSymLink()) {
            state.insert(rel, "l " + info.symLinkTarget().toUtf8());
        } else if (info.isDir()) {
            state.insert(rel, "d");
        } else {
            QFile file(path);
            const QByteArray bytes = file.open(QIODevice::ReadOnly) ? file.readAll() : "?";
            state.insert(rel, "f " + QByteArray::number(int(info.permissions()), 16) + ' ' + bytes);
        }
    }
    return state;
}

// StagedWrite's test hooks, set while it lives.
class StagedWriteHooksScope
{
public:
    explicit StagedWriteHooksScope(const StagedWriteHooks &hooks)
    {
        setStagedWriteHooksForTesting(hooks);
    }
    ~StagedWriteHooksScope() { setStagedWriteHooksForTesting({}); }
    StagedWriteHooksScope(const StagedWriteHooksScope &) = delete;
    StagedWriteHooksScope &operator=(const StagedWriteHooksScope &) = delete;
};

} // namespace Fluxdesk::TestFiles
