#include "kustomizationupkeep.h"

#include "plan/fluxobjects.h"
#include "plan/plancache.h"
#include "repo/kustomizationfile.h"
#include "repo/repopath.h"

#include <QSet>

#include <algorithm>

namespace Fluxdesk {

namespace {

// folder -> its entries (files and subfolders) of every planned file under the roots.
QMap<QString, QSet<QString>> folderEntries(const QMap<QString, PlannedFile> &files)
{
    QMap<QString, QSet<QString>> children;
    const auto note = [&children](const QString &path) {
        QString child = path;
        QString folder = RepoPath::folderOf(child);
        while (!folder.isEmpty()) {
            children[folder].insert(RepoPath::baseName(child));
            child = folder;
            folder = RepoPath::folderOf(child);
        }
    };
    children[infrastructureRoot()];
    children[workloadsRoot()];
    // Files come sorted, so most share the previous one's folder, whose parents are noted.
    QString lastFolder;
    QSet<QString> *lastChildren = nullptr;
    for (auto it = files.constBegin(); it != files.constEnd(); ++it) {
        const QString &path = it.key();
        if (!isUnderPlanRoots(path) || it->kind == PlannedFileKind::Kustomization)
            continue;
        const QString folder = RepoPath::folderOf(path);
        if (lastChildren && folder == lastFolder) {
            lastChildren->insert(RepoPath::baseName(path));
            continue;
        }
        note(path);
        lastFolder = folder;
        lastChildren = &children[folder];
    }
    return children;
}

// namespace.yaml first: the Namespace reads first to a person, too.
void sortEntries(QStringList &entries)
{
    std::sort(entries.begin(), entries.end(), [](const QString &a, const QString &b) {
        const bool na = a == QLatin1String("namespace.yaml");
        const bool nb = b == QLatin1String("namespace.yaml");
        if (na != nb)
            return na;
        return a < b;
    });
}

QString kustomizationText(const QStringList &entries, PlanCache *cache)
{
    // The same entries render the same text: a cached re-plan skips the YAML writer.
    QString source = QStringLiteral("kustomization");
    for (const QString &entry : entries)
        source += QLatin1Char('\n') + QString::number(entry.size()) + QLatin1Char(':') + entry;
    QString text;
    if (!cache || !cache->findText(source, &text)) {
        text = renderedYaml(folderKustomization(entries));
        if (cache)
            cache->insertText(source, text);
    }
    return text;
}

} // namespace

void addFolderKustomizations(QMap<QString, PlannedFile> &files, const ExistingLayout &existing,
                             PlanCache *cache)
{
    for (auto it = files.begin(); it != files.end();) {
        if (it->kind == PlannedFileKind::Kustomization)
            it = files.erase(it);
        else
            ++it;
    }
    const QMap<QString, QSet<QString>> children = folderEntries(files);
    for (auto it = children.constBegin(); it != children.constEnd(); ++it) {
        const QString &folder = it.key();
        if (!(folder == infrastructureRoot() || folder == workloadsRoot() ||
              isUnderPlanRoots(folder)))
            continue;
        QSet<QString> listed = it.value();
        // What the user listed by hand and still exists stays listed: their additions are kept,
        // not fought over.
        for (const QString &entry : existing.resources.value(folder)) {
            // One the plan lists anyway needs no look on disk (usually every one).
            if (!entry.isEmpty() && !listed.contains(entry) &&
                !entry.contains(QLatin1String("..")) &&
                existing.existsOnDisk(folder + QLatin1Char('/') + entry))
                listed.insert(entry);
        }
        QStringList entries = listed.values();
        entries.erase(std::remove_if(entries.begin(), entries.end(),
                                     [](const QString &e) { return isKustomizationFileName(e); }),
                      entries.end());
        sortEntries(entries);
        PlannedFile file;
        file.text = kustomizationText(entries, cache);
        // A folder whose kustomization is spelled .yml keeps that name: kustomize refuses a
        // folder with both.
        file.path = kustomizationPathIn(
            folder, [&existing](const QString &path) { return existing.files.contains(path); });
        file.kind = PlannedFileKind::Kustomization;
        files.insert(file.path, file);
    }
}

Plan withKustomizationsFor(const Plan &plan, const RepositoryFiles &existing)
{
    QMap<QString, PlannedFile> files;
    for (const PlannedFile &f : plan.files)
        files.insert(f.path, f);
    // Only the kustomizations are read: the rest of the layout placed files the plan keeps.
    ExistingLayout layout;
    layout.files = existing;
    for (auto it = existing.constBegin(); it != existing.constEnd(); ++it) {
        if (!isKustomizationPath(it.key()))
            continue;
        const QStringList resources = readExistingFile(it.key(), it.value()).resources;
        if (!resources.isEmpty())
            layout.resources[RepoPath::folderOf(it.key())].append(resources);
    }
    addFolderKustomizations(files, layout);
    Plan out = plan;
    out.files = files.values();
    return out;
}

} // namespace Fluxdesk
