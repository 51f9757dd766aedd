// fluxdesk-cli secrets keygen|encrypt|decrypt|setup: age keys and SOPS files without the sops
// binary, like age-keygen, sops -e, sops -d and the set-up Flux's SOPS guide does by hand.
#include "clitext.h"
#include "commands.h"
#include "inputfile.h"
#include "output.h"

#include "core/privatefile.h"
#include "secrets/agekeys.h"
#include "secrets/sopsconfig.h"
#include "secrets/sopsfile.h"
#include "secrets/sopssetup.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Fluxdesk::Cli {

namespace {

// The .sops.yaml sops would use for path: the nearest one in path's folder or above it.
QString findSopsConfig(const QString &path)
{
    QDir dir = QFileInfo(path).absoluteDir();
    while (true) {
        const QString candidate = dir.filePath(QStringLiteral(".sops.yaml"));
        if (QFileInfo(candidate).isFile())
            return candidate;
        if (!dir.cdUp())
            return QString();
    }
}

// The recipients and rules to encrypt path with: --age when given, else .sops.yaml's first
// matching rule. An error message when there are none.
bool encryptionFor(const CliOptions &options, const QString &path, Sops::EncryptOptions *out)
{
    if (!options.ageRecipients.isEmpty()) {
        out->recipients = options.ageRecipients;
        out->rules.encryptedRegex = options.encryptedRegex;
        return true;
    }
    const QString configPath = findSopsConfig(path);
    if (configPath.isEmpty()) {
        printError(Text::tr("%1: no --age RECIPIENT given and no .sops.yaml found in its folder "
                            "or above it")
                       .arg(path));
        return false;
    }
    QFile file(configPath);
    if (!file.open(QIODevice::ReadOnly)) {
        printError(Error(file.errorString(), configPath).toString());
        return false;
    }
    Result<Sops::Config> config = Sops::parseConfig(file.readAll(), configPath);
    if (!config) {
        printError(config.error().toString());
        return false;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const QString relative = QFileInfo(configPath).absoluteDir().relativeFilePath(absolute);
    const Sops::CreationRule *rule = config->ruleFor(relative, absolute);
    if (!rule || rule->ageRecipients.isEmpty()) {
        printError(Text::tr("%1: no creation rule with age recipients in %2 matches this file")
                       .arg(path, configPath));
        return false;
    }
    out->recipients = rule->ageRecipients;
    out->rules = rule->rules;
    if (!options.encryptedRegex.isEmpty())
        out->rules.encryptedRegex = options.encryptedRegex;
    return true;
}

// The identities sops would find; prints why there are none.
QList<Age::Identity> identitiesOrError()
{
    const AgeKeys::Found found = AgeKeys::findIdentities();
    for (const Error &error : found.errors)
        printWarning(error.toString());
    if (found.identities.isEmpty())
        printError(Text::tr("no age key found: set SOPS_AGE_KEY_FILE or SOPS_AGE_KEY, or make "
                            "one with \"fluxdesk-cli secrets keygen\" (it goes to %1)")
                       .arg(AgeKeys::keyFilePath()));
    return found.identities;
}

// Writes data over path at once, keeping a private file private (0600 for what holds secrets in
// the clear); stdout when not in place.
int writeResult(const CliOptions &options, const QString &path, const QByteArray &data, bool clear)
{
    if (!options.inPlace) {
        printOut(data);
        return ExitOk;
    }
    if (clear) {
        Result<bool> written = writePrivateFile(path, data);
        if (!written) {
            printError(written.error().toString());
            return ExitUsage;
        }
        return ExitOk;
    }
    QFile file(path);
    const QFileDevice::Permissions mode = file.permissions();
    Result<bool> written = writePrivateFile(path, data);
    if (!written) {
        printError(written.error().toString());
        return ExitUsage;
    }
    file.setPermissions(mode); // ciphertext may stay as readable as the file was
    return ExitOk;
}

int runKeygen(const CliOptions &options)
{
    const QString keyFile = options.out.isEmpty() ? AgeKeys::keyFilePath() : options.out;
    Result<Age::Identity> key = AgeKeys::createKey(keyFile);
    if (!key) {
        printError(key.error().toString());
        return ExitUsage;
    }
    printOut(key->recipient() + QLatin1Char('\n'));
    printNote(Text::tr("the private key was added to %1 (readable by you alone)").arg(keyFile));
    printNote(AgeKeys::backupAdvice(keyFile, key->recipient()));
    return ExitOk;
}

int runEncrypt(const CliOptions &options, const QString &path)
{
    for (const QString &recipient : options.ageRecipients) {
        if (!Age::isRecipient(recipient)) {
            printError(Text::tr("--age: not an age recipient: %1").arg(recipient));
            return ExitUsage;
        }
    }
    InputFile input;
    if (!input.open(path)) {
        printError(input.errorString());
        return ExitUsage;
    }
    if (Sops::isEncrypted(input.bytes())) {
        printError(Text::tr("%1: already encrypted (it has a sops block)").arg(path));
        return ExitUsage;
    }
    Sops::EncryptOptions encrypt;
    if (!encryptionFor(options, path, &encrypt))
        return ExitUsage;
    Result<QByteArray> out = Sops::encrypt(input.bytes(), encrypt, input.shownName());
    if (!out) {
        printError(out.error().toString());
        return ExitUsage;
    }
    return writeResult(options, path, *out, false);
}

int runDecrypt(const CliOptions &options, const QString &path)
{
    InputFile input;
    if (!input.open(path)) {
        printError(input.errorString());
        return ExitUsage;
    }
    if (!Sops::isEncrypted(input.bytes())) {
        printError(Text::tr("%1: not a SOPS file (no sops block with a mac)").arg(path));
        return ExitUsage;
    }
    Sops::DecryptOptions decrypt;
    decrypt.identities = identitiesOrError();
    if (decrypt.identities.isEmpty())
        return ExitUsage;
    Result<Age::SecretBytes> out = Sops::decrypt(input.bytes(), decrypt, input.shownName());
    if (!out) {
        printError(out.error().toString());
        return ExitProblems;
    }
    return writeResult(options, path, out->bytes(), true);
}

int runSetup(const CliOptions &options)
{
    if (options.repo.isEmpty()) {
        printError(Text::tr("secrets setup needs --repo DIR"));
        return ExitUsage;
    }
    QStringList recipients = options.ageRecipients;
    if (recipients.isEmpty()) {
        const AgeKeys::Found found = AgeKeys::findIdentities();
        recipients = found.recipients();
        if (recipients.isEmpty()) {
            printError(Text::tr("no --age RECIPIENT given and no age key found: make one with "
                                "\"fluxdesk-cli secrets keygen\""));
            return ExitUsage;
        }
    }
    for (const QString &recipient : std::as_const(recipients)) {
        if (!Age::isRecipient(recipient)) {
            printError(Text::tr("--age: not an age recipient: %1").arg(recipient));
            return ExitUsage;
        }
    }
    Sops::SetupChanges changes;
    Result<QStringList> written = Sops::setUpRepository(options.repo, recipients, &changes);
    if (!written) {
        printError(written.error().toString());
        return ExitUsage;
    }
    QString out;
    for (const QString &path : std::as_const(*written))
        out += Text::tr("wrote %1").arg(path) + QLatin1Char('\n');
    if (written->isEmpty())
        out += Text::tr("already set up") + QLatin1Char('\n');
    for (const QString &path : std::as_const(changes.secretFiles))
        out += Text::tr("plain text: %1 (encrypt it: fluxdesk-cli secrets encrypt %1 "
                        "--in-place)")
                   .arg(path) +
               QLatin1Char('\n');
    printOut(out);
    return changes.secretFiles.isEmpty() ? ExitOk : ExitProblems;
}

} // namespace

QStringList secretsSubcommands()
{
    return {QStringLiteral("keygen"), QStringLiteral("encrypt"), QStringLiteral("decrypt"),
            QStringLiteral("setup")};
}

int runSecrets(const CliOptions &options)
{
    const QString sub = options.arguments.value(0);
    const QString file = options.arguments.value(1);
    if (sub == QLatin1String("keygen"))
        return runKeygen(options);
    if (sub == QLatin1String("encrypt"))
        return runEncrypt(options, file);
    if (sub == QLatin1String("decrypt"))
        return runDecrypt(options, file);
    if (sub == QLatin1String("setup"))
        return runSetup(options);
    printError(Text::tr("secrets: unknown subcommand \"%1\"; available: %2")
                   .arg(sub, secretsSubcommands().join(QLatin1String(", "))));
    return ExitUsage;
}

} // namespace Fluxdesk::Cli
