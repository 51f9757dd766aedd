#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>

namespace Fluxdesk {

// A repository's YAML files: relative path -> content (the plan's RepositoryFiles).
using RepositoryFiles = QMap<QString, QByteArray>;

// True for a *.yaml or *.yml name (case-insensitively).
bool isYamlFileName(const QString &name);

// Every *.yaml / *.yml file under the given folders of repoDir (relative, e.g. "clusters"), keyed
// by its path relative to repoDir: regular files and symlinks to them; hidden entries (a leading
// '.') skipped; folders behind symlinks not entered; a missing folder reads as empty. leaveOut
// (relative path) drops files, e.g. flux bootstrap's. Read without a QFileInfo and a QFile per
// file on Unix (most of re-reading a checkout of thousands of files).
RepositoryFiles readYamlTree(const QString &repoDir, const QStringList &folders,
                             const std::function<bool(const QString &relative)> &leaveOut = {});

} // namespace Fluxdesk
