#pragma once

#include "manifest/problem.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Fluxdesk {

// Problems in one YAML file's text: parse errors (with line and column), missing apiVersion/kind/
// metadata.name, deprecated or removed APIs (Flux v2beta1/v2beta2/v1beta2, extensions/v1beta1...)
// with their replacement, images with ":latest" or no tag, workloads without resource requests or
// limits, Secrets in plain text. Positions point at the offending node.
QList<Problem> lintYaml(const QByteArray &yaml, const QString &fileName);

// Every *.yaml/*.yml below repoDir (skipping .git and hidden folders), paths relative to repoDir.
QList<Problem> lintRepository(const QString &repoDir);

} // namespace Fluxdesk
