#pragma once

#include "core/error.h"
#include "manifest/yamljson.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

// A Flux components manifest (what `flux install --export` prints and a Flux release publishes as
// install.yaml), checked: it parses, holds the flux-system Namespace, the toolkit CRDs of the
// controllers it installs, the Deployments of source-controller and kustomize-controller at least,
// and is the version it was asked for where it says which it is.
struct ComponentsManifest
{
    QByteArray text;               // as received
    QString origin;                // the file or URL it came from (for messages)
    QString version;               // "v2.4.0" as it says it is (header or label); "" when silent
    QStringList components;        // the controllers' Deployments in flux-system, in order
    QList<YamlDocument> documents; // every object, parsed (for the apply)
    // The sha256 of text was compared with the release's published checksums.
    bool checksumVerified = false;
};

// Larger manifests are refused (Flux 2's install.yaml is under 1 MB with every component).
constexpr qint64 maxComponentsManifestBytes = qint64(16) * 1024 * 1024;

// "v2.4.0" for "2.4.0" or "v2.4.0"; "" when version is not a release version (x.y.z with an
// optional pre-release such as -rc.1).
QString normalizedFluxVersion(const QString &version);

// Checks text as a Flux components manifest. origin names it in errors (with line and column
// for YAML errors and for a version that differs); expectedVersion ("" for any) is compared
// with what the manifest says of itself.
Result<ComponentsManifest> checkComponentsManifest(const QByteArray &text, const QString &origin,
                                                   const QString &expectedVersion = {});

} // namespace Fluxdesk
