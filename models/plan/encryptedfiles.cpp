#include "encryptedfiles.h"

#include "manifest/yamljson.h"
#include "repo/repopath.h"

#include <QCoreApplication>
#include <QFile>

#include <utility>

namespace Fluxdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("EncryptedFiles", text);
}

QString setUpAdvice()
{
    return tr("set the repository up for encrypted Secrets first (fluxdesk-cli secrets setup "
              "--repo FOLDER)");
}

bool sameRules(const Sops::Rules &a, const Sops::Rules &b)
{
    return a.encryptedRegex == b.encryptedRegex && a.unencryptedRegex == b.unencryptedRegex &&
           a.encryptedSuffix == b.encryptedSuffix && a.unencryptedSuffix == b.unencryptedSuffix &&
           a.encryptedCommentRegex == b.encryptedCommentRegex &&
           a.unencryptedCommentRegex == b.unencryptedCommentRegex &&
           a.macOnlyEncrypted == b.macOnlyEncrypted;
}

QStringList sorted(QStringList list)
{
    list.sort();
    list.removeDuplicates();
    return list;
}

} // namespace

QString sopsConfigPath()
{
    return QStringLiteral(".sops.yaml");
}

EncryptedFiles::EncryptedFiles(const QByteArray &sopsYaml, QList<Age::Identity> identities)
    : m_identities(std::move(identities))
{
    if (sopsYaml.isEmpty())
        return;
    Result<Sops::Config> config = Sops::parseConfig(sopsYaml, sopsConfigPath());
    if (!config) {
        m_configError = config.error();
        return;
    }
    m_hasConfig = true;
    m_config = std::move(config).value();
}

EncryptedFiles EncryptedFiles::forRepository(const QString &repoDir,
                                             QList<Age::Identity> identities)
{
    const Result<QString> path = pathInsideRepository(repoDir, sopsConfigPath());
    if (!path) {
        EncryptedFiles out({}, std::move(identities));
        out.m_configError = path.error();
        return out;
    }
    QFile file(*path);
    if (!file.exists())
        return EncryptedFiles({}, std::move(identities));
    if (!file.open(QIODevice::ReadOnly)) {
        EncryptedFiles out({}, std::move(identities));
        out.m_configError = Error(file.errorString(), sopsConfigPath());
        return out;
    }
    const QByteArray text = file.readAll();
    // An empty file is a .sops.yaml without rules, not a missing one.
    return EncryptedFiles(text.isEmpty() ? QByteArray("\n") : text, std::move(identities));
}

Result<Sops::EncryptOptions> EncryptedFiles::encryptOptions(const QString &path) const
{
    if (!m_configError.message.isEmpty())
        return Error(tr("cannot encrypt with %1: %2").arg(m_configError.toString(), setUpAdvice()),
                     path);
    if (!m_hasConfig)
        return Error(tr("the repository has no %1 saying whom to encrypt Secrets for: %2")
                         .arg(sopsConfigPath(), setUpAdvice()),
                     path);
    const Sops::CreationRule *rule = m_config.ruleFor(path);
    if (!rule) {
        // A Secret the user placed under another name: Fluxdesk's own rule still says whom for.
        const QString fluxdesk = Sops::fluxSecretsRule({}).pathRegex;
        for (const Sops::CreationRule &r : m_config.creationRules) {
            if (r.pathRegex == fluxdesk) {
                rule = &r;
                break;
            }
        }
    }
    if (!rule || rule->ageRecipients.isEmpty())
        return Error(tr("no creation rule of %1 with age recipients applies to this file: %2")
                         .arg(sopsConfigPath(), setUpAdvice()),
                     path);
    Sops::EncryptOptions options;
    options.recipients = rule->ageRecipients;
    options.rules = rule->rules;
    return options;
}

EncryptedComparison EncryptedFiles::compare(const PlannedFile &file, const QByteArray &onDisk) const
{
    EncryptedComparison out;
    if (!Sops::isEncrypted(onDisk)) {
        out.reason = tr("in plain text on disk; the plan encrypts it");
        return out;
    }
    Sops::DecryptOptions decryptOptions;
    decryptOptions.identities = m_identities;
    const Result<Age::SecretBytes> plain = Sops::decrypt(onDisk, decryptOptions, file.path);
    if (!plain) {
        out.unopened = true;
        out.reason = tr("encrypted, and cannot be compared: %1").arg(plain.error().message);
        return out;
    }
    const Result<QJsonValue> written = parseYamlValue(plain->bytes(), file.path);
    const Result<QJsonValue> planned = parseYamlValue(file.text.toUtf8(), file.path);
    if (!written || !planned || *written != *planned) {
        out.reason = tr("decrypts to other content than the plan's");
        return out;
    }
    const Result<Sops::EncryptOptions> wanted = encryptOptions(file.path);
    if (!wanted) {
        out.reason = wanted.error().message;
        return out;
    }
    const Result<Sops::Metadata> metadata = Sops::readMetadata(onDisk, file.path);
    if (!metadata) {
        out.reason = metadata.error().message;
        return out;
    }
    if (sorted(metadata->recipients) != sorted(wanted->recipients)) {
        out.reason = tr("encrypted for %1, while %2 names %3")
                         .arg(metadata->recipients.join(QLatin1String(", ")), sopsConfigPath(),
                              wanted->recipients.join(QLatin1String(", ")));
        return out;
    }
    if (!sameRules(metadata->rules, wanted->rules)) {
        out.reason = tr("encrypts other keys than %1 says").arg(sopsConfigPath());
        return out;
    }
    out.upToDate = true;
    return out;
}

Result<QByteArray> EncryptedFiles::encrypt(const PlannedFile &file,
                                           const QByteArray &previous) const
{
    Result<Sops::EncryptOptions> options = encryptOptions(file.path);
    if (!options)
        return options.error();
    if (Sops::isEncrypted(previous)) {
        Sops::DecryptOptions decryptOptions;
        decryptOptions.identities = m_identities;
        if (Sops::decrypt(previous, decryptOptions, file.path)) {
            options->previous = previous;
            options->identities = m_identities;
        }
    }
    return Sops::encrypt(file.text.toUtf8(), *options, file.path);
}

} // namespace Fluxdesk
