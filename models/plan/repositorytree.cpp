#include "repositorytree.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace Fluxdesk {

namespace {

bool isYamlName(const QString &name)
{
    return name.endsWith(QLatin1String(".yaml"), Qt::CaseInsensitive) ||
           name.endsWith(QLatin1String(".yml"), Qt::CaseInsensitive);
}

// clusters/<cluster>/flux-system/ belongs to flux bootstrap.
bool isBootstrapFile(const QLatin1String root, const QString &relative)
{
    return root == QLatin1String("clusters") &&
           relative.section(QLatin1Char('/'), 2, 2) == QLatin1String("flux-system") &&
           relative.count(QLatin1Char('/')) >= 2;
}

#ifdef Q_OS_UNIX
// The whole file, or false when it cannot be opened (what is read before an error is kept, as
// QFile::readAll() keeps it).
bool readWholeFile(const QByteArray &path, QByteArray *out)
{
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat st;
    const qsizetype expected = ::fstat(fd, &st) == 0 && st.st_size > 0 ? qsizetype(st.st_size) : 0;
    QByteArray data(expected + 1, Qt::Uninitialized); // one more: the end shows in one read
    qsizetype size = 0;
    for (;;) {
        if (size == data.size())
            data.resize(data.size() * 2);
        const ssize_t n = ::read(fd, data.data() + size, size_t(data.size() - size));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        size += qsizetype(n);
    }
    ::close(fd);
    data.truncate(size);
    *out = data;
    return true;
}

// What QDirIterator(top, QDir::Files, QDirIterator::Subdirectories) lists, read without a
// QFileInfo and a QFile per file (most of re-reading a checkout of thousands of files): regular
// files and symbolic links to them; hidden entries (a leading '.') skipped; folders behind
// symbolic links not entered.
void readTreeUnix(const QLatin1String root, const QString &top, RepositoryFiles &files)
{
    QStringList pending{QString()}; // folders below top: "" or "/a/b"
    while (!pending.isEmpty()) {
        const QString sub = pending.takeLast();
        const QByteArray dirPath = QFile::encodeName(top + sub);
        DIR *dir = ::opendir(dirPath.constData());
        if (!dir)
            continue;
        while (const dirent *entry = ::readdir(dir)) {
            if (entry->d_name[0] == '.')
                continue; // hidden, "." and ".."
            const QByteArray path = dirPath + '/' + entry->d_name;
            bool isDir = entry->d_type == DT_DIR;
            bool isFile = entry->d_type == DT_REG;
            if (entry->d_type == DT_UNKNOWN || entry->d_type == DT_LNK) {
                struct stat st;
                if (::lstat(path.constData(), &st) != 0)
                    continue;
                isDir = S_ISDIR(st.st_mode);
                isFile = S_ISREG(st.st_mode);
                if (S_ISLNK(st.st_mode)) // a link counts as the file it leads to
                    isFile = ::stat(path.constData(), &st) == 0 && S_ISREG(st.st_mode);
            }
            const QString name = QFile::decodeName(entry->d_name);
            if (isDir) {
                pending.append(sub + QLatin1Char('/') + name);
                continue;
            }
            if (!isFile || !isYamlName(name))
                continue;
            const QString relative = root + sub + QLatin1Char('/') + name;
            QByteArray content;
            if (!isBootstrapFile(root, relative) && readWholeFile(path, &content))
                files.insert(relative, content);
        }
        ::closedir(dir);
    }
}
#endif

} // namespace

RepositoryFiles readRepositoryFiles(const QString &repoDir)
{
    RepositoryFiles files;
    const QDir repo(repoDir);
    for (const QLatin1String root :
         {QLatin1String("clusters"), infrastructureRoot(), workloadsRoot()}) {
        const QString top = repo.filePath(root);
#ifdef Q_OS_UNIX
        readTreeUnix(root, top, files);
#else
        // No name filters: QDirIterator matches those with a regular expression per entry. The
        // suffix test below matches as they did (without QDir::CaseSensitive, case-insensitively).
        QDirIterator it(top, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString absolute = it.next();
            if (!isYamlName(absolute))
                continue;
            // The iterator's paths start with top: cheaper than QDir::relativeFilePath for
            // thousands of files.
            const QString relative = root + absolute.mid(top.size());
            if (isBootstrapFile(root, relative))
                continue;
            QFile file(absolute);
            if (file.open(QIODevice::ReadOnly))
                files.insert(relative, file.readAll());
        }
#endif
    }
    return files;
}

} // namespace Fluxdesk
