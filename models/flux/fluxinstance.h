#pragma once

#include "flux/bootstrapfiles.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

// The Flux Operator's way (fluxcd.controlplane.io/v1 FluxInstance "flux" in flux-system), as its
// documentation shows it: the operator installs the distribution and generates the flux-system
// GitRepository and Kustomization from spec.sync, so the repository holds this one object where
// flux bootstrap writes the gotk files.
struct FluxInstanceSettings
{
    QString cluster;                                     // clusters/<cluster>/
    QString version = QStringLiteral("2.x");             // spec.distribution.version
    QString registry = QStringLiteral("ghcr.io/fluxcd"); // spec.distribution.registry
    QStringList components = defaultComponents();
    QString clusterType = QStringLiteral("kubernetes"); // spec.cluster.type
    QString url;                                        // fluxSyncUrl()
    QString branch = QStringLiteral("main");            // spec.sync.ref "refs/heads/<branch>"
    QString path;                                       // "" -> clusters/<cluster>
    QString pullSecret = QStringLiteral("flux-system"); // "" for a public repository

    // What flux bootstrap installs by default.
    static QStringList defaultComponents();
    QString syncPath() const;
    QString folder() const; // clusters/<cluster>/flux-system
};

// flux-instance.yaml.
QByteArray fluxInstanceYaml(const FluxInstanceSettings &settings);

// clusters/<cluster>/flux-system/flux-instance.yaml and the folder's kustomization.yaml listing
// it; written with writeBootstrapFiles().
QList<BootstrapFile> fluxInstanceFiles(const FluxInstanceSettings &settings);

} // namespace Fluxdesk
