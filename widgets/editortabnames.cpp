#include "editortabnames.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>

namespace Fluxdesk {

namespace {

// The folders of a file's path, outermost first ("/a/b/c.yaml": "", "a", "b").
QStringList foldersOf(const QString &path)
{
    QStringList parts = QDir::cleanPath(QDir::fromNativeSeparators(path)).split(QLatin1Char('/'));
    parts.removeLast();
    return parts;
}

// The last n folders, joined; all of them (the whole folder) when there are fewer.
QString lastFolders(const QStringList &folders, int n)
{
    const int count = qMin(n, int(folders.size()));
    const QString joined = folders.mid(folders.size() - count).join(QLatin1Char('/'));
    return joined.isEmpty() && !folders.isEmpty() ? QStringLiteral("/") : joined;
}

} // namespace

QStringList distinguishingFolders(const QStringList &paths)
{
    QStringList out;
    QHash<QString, QList<int>> byName;
    QList<QStringList> folders;
    for (int i = 0; i < paths.size(); ++i) {
        out.append(QString());
        folders.append(paths.at(i).isEmpty() ? QStringList() : foldersOf(paths.at(i)));
        if (!paths.at(i).isEmpty())
            byName[QFileInfo(paths.at(i)).fileName()].append(i);
    }
    for (auto group = byName.cbegin(); group != byName.cend(); ++group) {
        const QList<int> &members = group.value();
        if (members.size() < 2)
            continue;
        for (int i : members) {
            // The fewest trailing folders no other path of the same name ends with.
            const QStringList &mine = folders.at(i);
            int n = 1;
            for (; n < mine.size(); ++n) {
                const QString candidate = lastFolders(mine, n);
                bool unique = true;
                for (int j : members) {
                    if (j != i && folders.at(j).size() >= n &&
                        lastFolders(folders.at(j), n) == candidate) {
                        unique = false;
                        break;
                    }
                }
                if (unique)
                    break;
            }
            out[i] = lastFolders(mine, n);
        }
    }
    return out;
}

QString manifestActionsRefusal(const QString &fileName)
{
    const QString name = QFileInfo(fileName).fileName();
    const QString suffix = QFileInfo(name).suffix().toLower();
    if (suffix != QLatin1String("yaml") && suffix != QLatin1String("yml"))
        return QCoreApplication::translate(
                   "EditorTabs",
                   "%1 is not a YAML file (.yaml or .yml): Clean and Split work on Kubernetes "
                   "manifests.")
            .arg(name);
    const QString base = QFileInfo(name).completeBaseName().toLower();
    if (base == QLatin1String("kustomization"))
        return QCoreApplication::translate(
                   "EditorTabs",
                   "%1 lists the files Flux applies; it holds no cluster objects to clean or "
                   "split.")
            .arg(name);
    return QString();
}

} // namespace Fluxdesk
