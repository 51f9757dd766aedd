#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

// The flux-system files of a cluster as `flux bootstrap git` lays them out (flux2's
// pkg/manifestgen/sync and install): clusters/<cluster>/flux-system/gotk-components.yaml,
// gotk-sync.yaml (GitRepository and Kustomization "flux-system", keys in the order Flux's YAML
// writer sorts them) and the folder's kustomization.yaml. Pure: settings in, texts out.

struct BootstrapSettings
{
    QString cluster;                                    // clusters/<cluster>/
    QString url;                                        // as Flux must see it: fluxSyncUrl()
    QString branch = QStringLiteral("main");            // spec.ref.branch
    QString path;                                       // "" -> clusters/<cluster>
    QString secretName = QStringLiteral("flux-system"); // spec.secretRef.name; "" for none
    int intervalSeconds = 60; // the GitRepository's (flux bootstrap --interval)

    // path, or clusters/<cluster>, without "./" or a trailing '/'.
    QString syncPath() const;
    // clusters/<cluster>/flux-system: where the files go (relative to the repository).
    QString folder() const;
};

// One file to write: its path relative to the repository, and its text.
struct BootstrapFile
{
    QString path;
    QByteArray text;
};

// The URL of a git remote as Flux's source-controller must be given it: an scp-like remote
// ("git@host:owner/repo.git") becomes ssh://git@host/owner/repo.git, as flux bootstrap asks; an
// https one loses its user and password (the token goes to the flux-system Secret, never to the
// repository); ssh:// and http(s):// stay otherwise. A local path or file:// URL, which the cluster
// cannot reach, is an error saying so.
Result<QString> fluxSyncUrl(const QString &remote);

// Go's time.Duration.String() of whole seconds: 60 -> "1m0s", 600 -> "10m0s", 30 -> "30s".
QString goDuration(int seconds);

// gotk-sync.yaml: the GitRepository and Kustomization named flux-system, byte for byte as
// flux bootstrap git writes them for these settings.
QByteArray gotkSyncYaml(const BootstrapSettings &settings);

// A kustomize Kustomization listing resources, as flux bootstrap generates the folder's one.
QByteArray fluxSystemKustomizationYaml(const QStringList &resources);

// gotk-components.yaml as flux bootstrap writes it: Flux's own header (version, components) over
// the components manifest. A manifest that has that header already (`flux install --export`) is
// written as it is.
QByteArray gotkComponentsYaml(const QByteArray &components, const QString &version,
                              const QStringList &componentNames);

// The three files flux bootstrap git commits for a cluster.
QList<BootstrapFile> bootstrapFiles(const BootstrapSettings &settings,
                                    const QByteArray &componentsYaml);

// Writes files into the checkout at repoDir all or nothing (repo/stagedwrite.h): a path that
// leaves the checkout, or goes through a link, refuses the whole write and names the path.
// Returns the paths written (those already up to date are left alone and not listed).
Result<QStringList> writeBootstrapFiles(const QString &repoDir, const QList<BootstrapFile> &files);

} // namespace Fluxdesk
