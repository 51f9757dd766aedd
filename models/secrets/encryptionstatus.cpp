#include "encryptionstatus.h"

#include "repo/repositorytree.h"
#include "secrets/agekeys.h"
#include "secrets/sopsconfig.h"
#include "secrets/sopssetup.h"

#include <QDir>
#include <QFile>

#include <algorithm>

namespace Fluxdesk::Sops {

bool EncryptionStatus::keyMatchesRule() const
{
    return std::any_of(ruleRecipients.cbegin(), ruleRecipients.cend(),
                       [this](const QString &r) { return recipients.contains(r); });
}

bool EncryptionStatus::isSetUp() const
{
    return !repository.isEmpty() && hasSopsConfig && configError.isEmpty() && keyMatchesRule() &&
           pendingChanges.isEmpty();
}

EncryptionStatus readEncryptionStatus(const QString &repoDir, const QProcessEnvironment &env)
{
    EncryptionStatus status;
    const AgeKeys::Found found = AgeKeys::findIdentities(env);
    for (int n = 0; n < found.identities.size(); ++n) {
        const QString recipient = found.identities.at(n).recipient();
        if (status.recipients.contains(recipient))
            continue;
        status.recipients.append(recipient);
        status.keyOrigins.append(found.origins.value(n));
    }
    for (const Error &error : found.errors)
        status.keyErrors.append(error.toString());
    status.newKeyFile = AgeKeys::keyFilePath(env);

    if (repoDir.isEmpty())
        return status;
    Result<SetupInputs> in = readSetupInputs(repoDir);
    if (!in)
        return status;
    status.repository = repoDir;
    const QByteArray &config = in->sopsYaml;
    const QByteArray &gitignore = in->gitignore;
    const RepositoryFiles &files = in->files;
    if (!config.isEmpty()) {
        status.hasSopsConfig = true;
        Result<Config> parsed = parseConfig(config, QStringLiteral(".sops.yaml"));
        if (!parsed) {
            status.configError = parsed.error().toString();
        } else {
            const QString ours = fluxSecretsRule({}).pathRegex;
            for (const CreationRule &rule : std::as_const(parsed->creationRules)) {
                if (rule.pathRegex == ours)
                    status.ruleRecipients = rule.ageRecipients;
            }
        }
    }

    // What setup would do with the keys the rule has (or the user's, before there is a rule).
    const QStringList recipients =
        status.ruleRecipients.isEmpty() ? status.recipients : status.ruleRecipients;
    if (!status.configError.isEmpty())
        return status;
    if (recipients.isEmpty()) {
        // No key anywhere: only which Secrets are waiting can be told.
        const SecretFiles secrets = findSecretFiles(files);
        status.plainSecretFiles = secrets.plain;
        status.encryptedFiles = secrets.encrypted;
        return status;
    }
    Result<SetupChanges> changes = planSetup(files, config, gitignore, recipients);
    if (!changes) {
        status.configError = changes.error().toString();
        return status;
    }
    status.plainSecretFiles = changes->secretFiles;
    status.encryptedFiles = changes->encryptedFiles;
    if (changes->sopsYaml != config)
        status.pendingChanges.append(QStringLiteral(".sops.yaml"));
    if (changes->gitignore != gitignore)
        status.pendingChanges.append(QStringLiteral(".gitignore"));
    status.pendingChanges.append(changes->kustomizations.keys());
    return status;
}

} // namespace Fluxdesk::Sops
