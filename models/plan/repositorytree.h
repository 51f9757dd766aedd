#pragma once

#include "plan/plan.h"

#include <QString>

namespace Fluxdesk {

// Every *.yaml / *.yml file under clusters/, infrastructure/ and workloads/ of repoDir, except
// clusters/*/flux-system/ (flux bootstrap's). A missing folder reads as empty.
RepositoryFiles readRepositoryFiles(const QString &repoDir);

} // namespace Fluxdesk
