#pragma once

#include "manifest/problem.h"
#include "repo/repositorytree.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

// How a folder is (or would be) reached by Flux, and what wiring it up takes.
struct FolderWiring
{
    enum class Kind
    {
        Reached,     // Flux applies it already (or will: a folder Flux reads whole)
        Chain,       // the kustomizations up to a folder Flux applies gain an entry each
        Unreachable, // no folder above it is applied: `nearest` could list it
    };
    Kind kind = Kind::Reached;
    QString folder; // relative to the repository
    // Chain: the folders whose kustomization lists the next one down, folder's parent first; the
    // last is a folder Flux applies. Each gains its child's name in resources.
    QStringList chain;
    // Unreachable: the nearest folder Flux applies through a kustomization file ("" when the
    // repository has none); listing `entry` there wires folder up.
    QString nearest;
    bool hasNearest = false;
    QString entry; // folder relative to nearest ("../apps/foo")
};

// Which folders of a repository Flux applies. Starts at every Flux Kustomization's spec.path, at
// each folder holding Flux Kustomizations (what flux bootstrap's path points at) and at every Flux
// Operator FluxInstance's spec.sync.path, and follows
// the kustomizations' resources (and components): a folder listed there is applied. A starting
// folder without a kustomization file is read whole, its subfolders too, as kustomize-controller
// generates one for it. Folders of a Helm chart (a Chart.yaml above them) hold templates, not
// manifests, and are left out.
class FluxReach
{
public:
    // files: relative path -> content, as repo/repositorytree.h's RepositoryFiles.
    explicit FluxReach(const RepositoryFiles &files);
    // Every *.yaml / *.yml file of repoDir (hidden entries and linked folders skipped).
    static FluxReach read(const QString &repoDir);

    bool hasFluxKustomizations() const { return !m_roots.isEmpty(); }
    // True when Flux applies folder (relative, "" the top).
    bool reaches(const QString &folder) const { return m_reached.contains(folder); }
    // The kustomization file of folder as it is spelled on disk, or folder/kustomization.yaml.
    QString kustomizationOf(const QString &folder) const;

    // Folders holding manifests (YAML with apiVersion and kind) that Flux never applies, sorted.
    // Empty when the repository has no Flux Kustomization (it is not a Flux repository yet).
    QStringList unreachedFolders() const;
    // One error per unreached folder, naming the kustomization whose resources should list it.
    QList<Problem> problems() const;

    // What a folder (existing or about to be made) needs to be applied.
    FolderWiring wiringFor(const QString &folder) const;

private:
    void visit(const QString &folder, bool wholeFolder, int depth);
    bool isFolder(const QString &folder) const;

    QHash<QString, QString> m_kustomizations; // folder -> its kustomization file
    QHash<QString, QStringList> m_resources;  // folder -> its kustomization's entries, cleaned
    QHash<QString, QSet<QString>> m_children; // folder -> its subfolders' names
    QHash<QString, QStringList> m_manifests;  // folder -> its manifests, sorted
    QSet<QString> m_files;
    QSet<QString> m_charts; // folders holding a Chart.yaml
    QStringList m_roots;    // sorted
    QSet<QString> m_reached;
    QSet<QString> m_reachedFiles; // listed one by one
};

// FluxReach::read(repoDir).problems(): what `fluxdesk-cli lint` adds to the files' own problems.
QList<Problem> lintRepositoryWiring(const QString &repoDir);

} // namespace Fluxdesk
