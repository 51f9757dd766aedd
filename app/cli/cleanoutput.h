#pragma once

#include "core/error.h"
#include "manifest/cleaner.h"

#include <QList>
#include <QString>

namespace Fluxdesk::Cli {

// The rules clean and split --clean apply: the defaults, with repo's override file when repo is
// given (--repo DIR).
Result<CleanRules> cleanRulesFor(const QString &repo);

// What a clean found, as warnings on stderr: each problem at its line, and a note when the input's
// comments are not kept (shownName: the input as the user named it).
void printCleanWarnings(const QList<Problem> &problems, bool hadComments, const QString &shownName);

// The Secrets clean and split left out (namespace/name each), as a warning on stderr naming them
// and the option that keeps them; nothing when none were.
void printSkippedSecrets(const QStringList &names);

} // namespace Fluxdesk::Cli
