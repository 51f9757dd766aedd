#include "fluxreach.h"

#include "manifest/manifestnaming.h"
#include "manifest/yamljson.h"
#include "repo/repopath.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <initializer_list>
#include <QRegularExpression>

#include <algorithm>

namespace Fluxdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("FluxReach", text);
}

// A file larger than this is read only as far as telling whether it is a manifest.
constexpr qint64 maxReadBytes = 16 * 1024 * 1024;
constexpr qint64 headBytes = 64 * 1024;

// folder + "/" + entry, cleaned; "" is the top. "" also for what leaves the repository (callers
// check isOutside first).
QString joined(const QString &folder, const QString &entry)
{
    const QString path =
        QDir::cleanPath(folder.isEmpty() ? entry : folder + QLatin1Char('/') + entry);
    return path == QLatin1String(".") ? QString() : path;
}

bool isOutside(const QString &cleaned)
{
    return cleaned == QLatin1String("..") || cleaned.startsWith(QLatin1String("../")) ||
           cleaned.startsWith(QLatin1Char('/'));
}

bool isRemote(const QString &entry)
{
    return entry.contains(QLatin1String("://")) || entry.contains(QLatin1String("?ref=")) ||
           entry.startsWith(QLatin1String("github.com/")) ||
           entry.startsWith(QLatin1String("git@"));
}

QStringList parts(const QString &folder)
{
    return folder.isEmpty() ? QStringList() : folder.split(QLatin1Char('/'));
}

// folder as reached from `from` ("../apps/foo").
QString relativeTo(const QString &from, const QString &folder)
{
    const QStringList a = parts(from);
    const QStringList b = parts(folder);
    qsizetype common = 0;
    while (common < a.size() && common < b.size() && a.at(common) == b.at(common))
        ++common;
    QStringList out;
    for (qsizetype i = common; i < a.size(); ++i)
        out.append(QStringLiteral(".."));
    out += b.mid(common);
    return out.join(QLatin1Char('/'));
}

qsizetype distance(const QString &from, const QString &folder)
{
    const QStringList a = parts(from);
    const QStringList b = parts(folder);
    qsizetype common = 0;
    while (common < a.size() && common < b.size() && a.at(common) == b.at(common))
        ++common;
    return a.size() + b.size() - 2 * common;
}

bool isManifestText(const QByteArray &text)
{
    static const QRegularExpression apiVersion(QStringLiteral("^apiVersion:\\s*\\S"),
                                               QRegularExpression::MultilineOption);
    static const QRegularExpression kind(QStringLiteral("^kind:\\s*\\S"),
                                         QRegularExpression::MultilineOption);
    const QString s = QString::fromUtf8(text);
    return apiVersion.match(s).hasMatch() && kind.match(s).hasMatch();
}

// The folders objects of one Flux kind in text have Flux apply, cleaned ("" the top): a
// Kustomization's spec.path, a Flux Operator FluxInstance's spec.sync.path (the operator makes
// the flux-system Kustomization from it). keys lead to the path; an object without the objects
// on the way names none.
QStringList appliedPaths(const QByteArray &text, const QString &path, const char *group,
                         const char *kind, std::initializer_list<const char *> keys)
{
    QStringList out;
    if (!text.contains(group))
        return out;
    const Result<QList<YamlDocument>> docs = parseYamlDocuments(text, path);
    if (!docs)
        return out;
    const QString prefix = QLatin1String(group) + QLatin1Char('/');
    for (const YamlDocument &doc : *docs) {
        const QJsonObject object = doc.value.toObject();
        if (!object.value(QLatin1String("apiVersion")).toString().startsWith(prefix) ||
            object.value(QLatin1String("kind")).toString() != QLatin1String(kind))
            continue;
        // The object that holds the path (spec, spec.sync); none: the object names no folder.
        QJsonObject holder = object;
        const auto last = keys.end() - 1;
        for (auto key = keys.begin(); key != last; ++key)
            holder = holder.value(QLatin1String(*key)).toObject();
        if (holder.isEmpty())
            continue;
        QString spec = holder.value(QLatin1String(*last)).toString();
        while (spec.startsWith(QLatin1Char('/')))
            spec.remove(0, 1);
        const QString cleaned = joined(QString(), spec);
        if (!isOutside(cleaned))
            out.append(cleaned);
    }
    return out;
}

// A kustomization's resources, components and (old) bases, cleaned relative to its folder.
QStringList kustomizationEntries(const QByteArray &text, const QString &path)
{
    QStringList out;
    const Result<QJsonValue> value = parseYamlValue(text, path);
    if (!value)
        return out;
    const QJsonObject object = value->toObject();
    for (const char *key : {"resources", "components", "bases"}) {
        const QJsonArray list = object.value(QLatin1String(key)).toArray();
        for (const QJsonValue &entry : list) {
            if (entry.isString())
                out.append(entry.toString());
        }
    }
    return out;
}

void collect(const QString &root, const QString &relative, RepositoryFiles &out, int depth)
{
    if (depth > 64)
        return;
    const QString dir = relative.isEmpty() ? root : root + QLatin1Char('/') + relative;
    const QFileInfoList entries =
        QDir(dir).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &entry : entries) {
        if (entry.fileName().startsWith(QLatin1Char('.')))
            continue; // .git, .fluxdesk and other hidden things
        const QString rel = joined(relative, entry.fileName());
        if (entry.isDir()) {
            if (!entry.isSymLink()) // never loop through a link
                collect(root, rel, out, depth + 1);
            continue;
        }
        const QString suffix = entry.suffix().toLower();
        if (suffix != QLatin1String("yaml") && suffix != QLatin1String("yml"))
            continue;
        QFile file(entry.filePath());
        if (!file.open(QIODevice::ReadOnly))
            continue; // lint reports what it cannot read
        out.insert(rel, file.read(file.size() > maxReadBytes ? headBytes : maxReadBytes));
    }
}

} // namespace

FluxReach::FluxReach(const RepositoryFiles &files)
{
    QSet<QString> roots;
    for (auto it = files.constBegin(); it != files.constEnd(); ++it) {
        const QString &path = it.key();
        const QString folder = RepoPath::folderOf(path);
        const QString name = RepoPath::baseName(path);
        m_files.insert(path);
        QString child = folder;
        while (!child.isEmpty()) {
            const QString parent = RepoPath::folderOf(child);
            m_children[parent].insert(RepoPath::baseName(child));
            child = parent;
        }
        m_children[folder];
        if (name == QLatin1String("Chart.yaml"))
            m_charts.insert(folder);
        if (isKustomizationFileName(name)) {
            // The first of kustomize's names wins, as kustomize reads it.
            const QString known = m_kustomizations.value(folder);
            if (known.isEmpty() ||
                kustomizationFileNames().indexOf(name) <
                    kustomizationFileNames().indexOf(RepoPath::baseName(known))) {
                m_kustomizations.insert(folder, path);
                m_resources.insert(folder, kustomizationEntries(it.value(), path));
            }
            continue;
        }
        if (isManifestText(it.value()))
            m_manifests[folder].append(path);
        const QStringList paths = appliedPaths(it.value(), path, "kustomize.toolkit.fluxcd.io",
                                               "Kustomization", {"spec", "path"});
        if (!paths.isEmpty()) {
            roots.insert(folder);
            for (const QString &p : paths)
                roots.insert(p);
        }
        for (const QString &p : appliedPaths(it.value(), path, "fluxcd.controlplane.io",
                                             "FluxInstance", {"spec", "sync", "path"}))
            roots.insert(p);
    }
    m_roots = roots.values();
    std::sort(m_roots.begin(), m_roots.end());
    for (const QString &root : std::as_const(m_roots))
        visit(root, true, 0);
}

FluxReach FluxReach::read(const QString &repoDir)
{
    RepositoryFiles files;
    collect(QDir(repoDir).absolutePath(), QString(), files, 0);
    return FluxReach(files);
}

bool FluxReach::isFolder(const QString &folder) const
{
    return folder.isEmpty() || m_children.contains(folder);
}

void FluxReach::visit(const QString &folder, bool wholeFolder, int depth)
{
    if (depth > 64 || !isFolder(folder) || m_reached.contains(folder))
        return;
    m_reached.insert(folder);
    if (m_kustomizations.contains(folder)) {
        for (const QString &entry : m_resources.value(folder)) {
            if (isRemote(entry))
                continue;
            const QString target = joined(folder, entry);
            if (isOutside(target))
                continue;
            if (m_files.contains(target))
                m_reachedFiles.insert(target);
            else
                visit(target, false, depth + 1);
        }
        return;
    }
    // Flux generates a kustomization for a folder it starts at that has none: every manifest
    // below it, a subfolder with a kustomization through that kustomization.
    if (!wholeFolder)
        return; // kustomize refuses such a folder and says so itself
    for (const QString &child : m_children.value(folder))
        visit(joined(folder, child), true, depth + 1);
}

QString FluxReach::kustomizationOf(const QString &folder) const
{
    const QString known = m_kustomizations.value(folder);
    return known.isEmpty() ? joined(folder, kustomizationFileNames().constFirst()) : known;
}

QStringList FluxReach::unreachedFolders() const
{
    QStringList out;
    if (m_roots.isEmpty())
        return out;
    for (auto it = m_manifests.constBegin(); it != m_manifests.constEnd(); ++it) {
        const QString &folder = it.key();
        if (m_reached.contains(folder))
            continue;
        const bool inChart = std::any_of(m_charts.cbegin(), m_charts.cend(), [&](const QString &c) {
            return c == folder || c.isEmpty() || folder.startsWith(c + QLatin1Char('/'));
        });
        if (inChart)
            continue;
        const QStringList &manifests = it.value();
        if (std::any_of(manifests.cbegin(), manifests.cend(),
                        [this](const QString &f) { return m_reachedFiles.contains(f); }))
            continue;
        out.append(folder);
    }
    std::sort(out.begin(), out.end());
    return out;
}

QList<Problem> FluxReach::problems() const
{
    QList<Problem> out;
    for (const QString &folder : unreachedFolders()) {
        const FolderWiring wiring = wiringFor(folder);
        QString listing = RepoPath::folderOf(folder);
        QString entry = RepoPath::baseName(folder);
        if (wiring.kind == FolderWiring::Kind::Chain) {
            listing = wiring.chain.constFirst();
        } else if (wiring.kind == FolderWiring::Kind::Unreachable && wiring.hasNearest) {
            listing = wiring.nearest;
            entry = wiring.entry;
        }
        const QString file = kustomizationOf(listing);
        Problem problem;
        problem.severity = Problem::Severity::Error;
        problem.rule = QStringLiteral("folder-not-applied");
        QStringList manifests = m_manifests.value(folder);
        std::sort(manifests.begin(), manifests.end());
        problem.file = m_files.contains(file) ? file : manifests.value(0);
        //: Lint: folder (with a trailing /), the entry to add, the kustomization file to add it to
        problem.message = tr("%1/ is not listed by any kustomization.yaml: Flux never applies it. "
                             "List %2 in the resources of %3")
                              .arg(folder.isEmpty() ? QStringLiteral(".") : folder, entry, file);
        out.append(problem);
    }
    return out;
}

FolderWiring FluxReach::wiringFor(const QString &folder) const
{
    FolderWiring wiring;
    wiring.folder = folder;
    if (m_reached.contains(folder))
        return wiring;
    QString parent = folder;
    while (!parent.isEmpty()) {
        parent = RepoPath::folderOf(parent);
        wiring.chain.append(parent);
        if (!m_reached.contains(parent))
            continue;
        if (!m_kustomizations.contains(parent)) {
            // Read whole by Flux: everything below it is applied already.
            wiring.chain.clear();
            return wiring;
        }
        wiring.kind = FolderWiring::Kind::Chain;
        return wiring;
    }
    wiring.chain.clear();
    wiring.kind = FolderWiring::Kind::Unreachable;
    QStringList candidates;
    for (const QString &reached : m_reached) {
        if (m_kustomizations.contains(reached) && reached != folder &&
            !reached.startsWith(folder + QLatin1Char('/')))
            candidates.append(reached);
    }
    std::sort(candidates.begin(), candidates.end(), [&](const QString &a, const QString &b) {
        const qsizetype da = distance(a, folder);
        const qsizetype db = distance(b, folder);
        if (da != db)
            return da < db;
        return a < b;
    });
    if (!candidates.isEmpty()) {
        wiring.nearest = candidates.constFirst();
        wiring.hasNearest = true;
        wiring.entry = relativeTo(wiring.nearest, folder);
    }
    return wiring;
}

QList<Problem> lintRepositoryWiring(const QString &repoDir)
{
    return FluxReach::read(repoDir).problems();
}

} // namespace Fluxdesk
