#pragma once

#include "core/error.h"
#include "secrets/sopsfile.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Fluxdesk::Sops {

// A repository's .sops.yaml: its creation rules, read as sops reads them (first rule whose
// path_regex matches wins; `age` is a comma-separated string or a list), and the one Fluxdesk
// writes for a Flux repository.

struct CreationRule
{
    QString pathRegex; // empty: matches every file
    QStringList ageRecipients;
    Rules rules;
    int line = 0;              // where the rule starts in .sops.yaml
    bool hasOtherKeys = false; // pgp, kms, key_groups...: keys Fluxdesk cannot encrypt to
};

struct Config
{
    QList<CreationRule> creationRules;

    // The first rule matching path (relative to the folder of .sops.yaml; an absolute path is
    // tried as well, as sops versions differ), or null.
    const CreationRule *ruleFor(const QString &relativePath,
                                const QString &absolutePath = {}) const;
};

// An error names .sops.yaml's line and column (bad YAML, a rule that is not a mapping, a
// path_regex that is no regular expression, an age recipient that is not age1...).
Result<Config> parseConfig(const QByteArray &text, const QString &fileName = {});

// The rule Fluxdesk writes: Secret files as the plan names them ("<name>-secret.yaml" under
// clusters/, infrastructure/ and workloads/), data and stringData encrypted to recipients.
CreationRule fluxSecretsRule(const QStringList &recipients);
// A Secret file as the plan names it (what fluxSecretsRule()'s path_regex matches).
bool isSecretFileName(const QString &relativePath);

// text (an existing .sops.yaml, or empty) with Fluxdesk's rule in it: a rule with the same
// path_regex is replaced in place (its recipients merged), others stay, and a new one goes first
// (so that it wins over a catch-all). Comments and other rules are kept as written.
Result<QByteArray> withFluxSecretsRule(const QByteArray &text, const QStringList &recipients,
                                       const QString &fileName = {});

// .gitignore text with the patterns that keep age keys out of Git (*.agekey, keys.txt) appended
// where missing; unchanged text when they are all there.
QByteArray withKeyIgnores(const QByteArray &gitignore);

} // namespace Fluxdesk::Sops
