#include "sopssetup.h"

#include "manifest/yamljson.h"
#include "repo/repopath.h"
#include "repo/stagedwrite.h"
#include "secrets/sopsconfig.h"
#include "secrets/sopsfile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonObject>

#include <algorithm>

namespace Fluxdesk::Sops {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Fluxdesk::Sops::Setup", text);
}

bool isFluxKustomization(const QJsonObject &o)
{
    return o.value(QLatin1String("kind")).toString() == QLatin1String("Kustomization") &&
           o.value(QLatin1String("apiVersion"))
               .toString()
               .startsWith(QLatin1String("kustomize.toolkit.fluxcd.io/"));
}

bool isSecret(const QJsonObject &o)
{
    return o.value(QLatin1String("kind")).toString() == QLatin1String("Secret") &&
           o.value(QLatin1String("apiVersion")).toString() == QLatin1String("v1");
}

QString cleanSpecPath(const QString &specPath)
{
    QString p = QDir::cleanPath(specPath.isEmpty() ? QStringLiteral(".") : specPath);
    if (p.startsWith(QLatin1String("./")))
        p = p.mid(2);
    if (p == QLatin1String(".") || p == QLatin1String("/"))
        return QString();
    if (p.startsWith(QLatin1Char('/')))
        p = p.mid(1);
    return p;
}

QByteArray readOrEmpty(const QString &path, Error *error)
{
    QFile file(path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Error(file.errorString(), path);
        return {};
    }
    return file.readAll();
}

} // namespace

QString decryptionSecretName()
{
    return QStringLiteral("sops-age");
}

QString decryptionSecretKey()
{
    return QStringLiteral("identity.agekey");
}

QJsonObject decryptionSecret(const QByteArray &identityFileText)
{
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("Secret")},
                       {QStringLiteral("metadata"),
                        QJsonObject{{QStringLiteral("name"), decryptionSecretName()},
                                    {QStringLiteral("namespace"), QStringLiteral("flux-system")}}},
                       {QStringLiteral("type"), QStringLiteral("Opaque")},
                       {QStringLiteral("stringData"),
                        QJsonObject{{decryptionSecretKey(), QString::fromUtf8(identityFileText)}}}};
}

Result<ClusterKeys> clusterKeys(const QString &repoDir, const QList<Age::Identity> &identities)
{
    const QString path = QDir(repoDir).filePath(QStringLiteral(".sops.yaml"));
    Error readError;
    const QByteArray text = readOrEmpty(path, &readError);
    if (!readError.message.isEmpty())
        return readError;
    if (text.isEmpty())
        return Error(tr("the repository is not set up for encrypted Secrets (no .sops.yaml)"),
                     path);
    Result<Config> config = parseConfig(text, path);
    if (!config)
        return config.error();
    QStringList wanted;
    for (const CreationRule &rule : std::as_const(config->creationRules))
        wanted.append(rule.ageRecipients);
    ClusterKeys keys;
    QByteArray all;
    for (const Age::Identity &identity : identities) {
        const QString recipient = identity.recipient();
        if (!wanted.contains(recipient) || keys.recipients.contains(recipient))
            continue;
        keys.recipients.append(recipient);
        Age::SecretBytes entry(Age::identityFileText(identity, QDateTime::currentDateTimeUtc()));
        all += entry.bytes();
    }
    keys.text = Age::SecretBytes(all);
    all.fill('\0');
    if (keys.recipients.isEmpty())
        return Error(tr("none of your age keys is among the recipients .sops.yaml names (%1)")
                         .arg(wanted.join(QLatin1String(", "))),
                     path);
    return keys;
}

bool pathHolds(const QString &specPath, const QString &relativeFile)
{
    const QString root = cleanSpecPath(specPath);
    return root.isEmpty() || relativeFile.startsWith(root + QLatin1Char('/'));
}

Result<QByteArray> withDecryption(const QByteArray &yaml, const QString &fileName,
                                  const std::function<bool(const QString &specPath)> &wanted,
                                  bool *changed)
{
    if (changed)
        *changed = false;
    YamlParseOptions options;
    options.recordPositions = true;
    Result<QList<YamlDocument>> docs = parseYamlDocuments(yaml, fileName, options);
    if (!docs)
        return docs.error();

    struct Insert
    {
        int afterLine; // 1-based line of "spec:"
        int indent;    // spaces before spec's keys
        int step;      // one more level
    };
    QList<Insert> inserts;
    for (const YamlDocument &doc : std::as_const(*docs)) {
        const QJsonObject o = doc.value.toObject();
        if (!isFluxKustomization(o))
            continue;
        const QJsonObject spec = o.value(QLatin1String("spec")).toObject();
        if (spec.contains(QLatin1String("decryption")) ||
            !wanted(spec.value(QLatin1String("path")).toString()))
            continue;
        const QPair<int, int> key = doc.keyPositions.value(QStringLiteral("spec"));
        const QPair<int, int> value = doc.positions.value(QStringLiteral("spec"));
        if (key.first <= 0 || value.first <= key.first || value.second <= key.second)
            return Error(tr("spec is not written as a block mapping: add spec.decryption by "
                            "hand (provider: sops, secretRef.name: sops-age)"),
                         fileName, qMax(key.first, 1), qMax(key.second, 1));
        inserts.append({key.first, value.second - 1, value.second - key.second});
    }
    if (inserts.isEmpty())
        return yaml;

    QList<QByteArray> lines = yaml.split('\n');
    std::sort(inserts.begin(), inserts.end(),
              [](const Insert &a, const Insert &b) { return a.afterLine > b.afterLine; });
    for (const Insert &insert : std::as_const(inserts)) {
        const QByteArray in(insert.indent, ' ');
        const QByteArray step(insert.step, ' ');
        const QList<QByteArray> block = {
            in + "decryption:", in + step + "provider: sops", in + step + "secretRef:",
            in + step + step + "name: " + decryptionSecretName().toUtf8()};
        for (int n = int(block.size()) - 1; n >= 0; --n)
            lines.insert(insert.afterLine, block.at(n));
    }
    if (changed)
        *changed = true;
    return lines.join('\n');
}

SecretFiles findSecretFiles(const RepositoryFiles &files)
{
    SecretFiles out;
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        if (isEncrypted(it.value())) {
            out.encrypted.append(it.key());
            continue;
        }
        if (!it.value().contains("Secret"))
            continue;
        Result<QList<YamlDocument>> docs = parseYamlDocuments(it.value(), it.key());
        if (!docs)
            continue; // a broken file is validation's to report, not setup's
        const bool secret = std::any_of(docs->cbegin(), docs->cend(), [](const YamlDocument &d) {
            return isSecret(d.value.toObject());
        });
        if (secret)
            out.plain.append(it.key());
    }
    return out;
}

Result<SetupChanges> planSetup(const RepositoryFiles &files, const QByteArray &sopsYaml,
                               const QByteArray &gitignore, const QStringList &recipients)
{
    if (recipients.isEmpty())
        return Error(tr("no age recipient to encrypt to: make a key first"));
    SetupChanges changes;
    Result<QByteArray> config =
        withFluxSecretsRule(sopsYaml, recipients, QStringLiteral(".sops.yaml"));
    if (!config)
        return config.error();
    changes.sopsYaml = *config;
    changes.gitignore = withKeyIgnores(gitignore);

    const SecretFiles found = findSecretFiles(files);
    changes.encryptedFiles = found.encrypted;
    changes.secretFiles = found.plain;

    QStringList toDecrypt = changes.encryptedFiles + changes.secretFiles;
    const auto wanted = [&toDecrypt](const QString &specPath) {
        return std::any_of(toDecrypt.cbegin(), toDecrypt.cend(),
                           [&](const QString &file) { return pathHolds(specPath, file); });
    };
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        if (!it.value().contains("kustomize.toolkit.fluxcd.io/"))
            continue;
        bool changed = false;
        Result<QByteArray> edited = withDecryption(it.value(), it.key(), wanted, &changed);
        if (!edited)
            return edited.error();
        if (changed)
            changes.kustomizations.insert(it.key(), *edited);
    }
    return changes;
}

Result<SetupInputs> readSetupInputs(const QString &repoDir)
{
    const RepositoryPaths paths(repoDir);
    if (paths.canonicalRoot().isEmpty())
        return Error(tr("no such folder"), repoDir);
    SetupInputs in;
    in.root = paths.canonicalRoot();
    Error readError;
    in.sopsYaml = readOrEmpty(in.root + QStringLiteral("/.sops.yaml"), &readError);
    in.gitignore = readOrEmpty(in.root + QStringLiteral("/.gitignore"), &readError);
    if (!readError.message.isEmpty())
        return readError;
    in.files = readYamlTree(in.root, {QStringLiteral("clusters"), QStringLiteral("infrastructure"),
                                      QStringLiteral("workloads")});
    return in;
}

Result<QStringList> setUpRepository(const QString &repoDir, const QStringList &recipients,
                                    SetupChanges *out)
{
    Result<SetupInputs> in = readSetupInputs(repoDir);
    if (!in)
        return in.error();
    RepositoryPaths paths(in->root);
    const QByteArray &sopsYaml = in->sopsYaml;
    const QByteArray &gitignore = in->gitignore;
    Result<SetupChanges> changes = planSetup(in->files, sopsYaml, gitignore, recipients);
    if (!changes)
        return changes.error();

    QMap<QString, QByteArray> toWrite = changes->kustomizations;
    if (changes->sopsYaml != sopsYaml)
        toWrite.insert(QStringLiteral(".sops.yaml"), changes->sopsYaml);
    if (changes->gitignore != gitignore)
        toWrite.insert(QStringLiteral(".gitignore"), changes->gitignore);
    StagedWrite write(in->root);
    for (auto it = toWrite.cbegin(); it != toWrite.cend(); ++it) {
        Result<QString> real = paths.realRelative(it.key());
        if (!real)
            return real.error();
        write.write(*real, it.value());
    }
    if (!toWrite.isEmpty()) {
        Result<bool> committed = write.commit();
        if (!committed)
            return committed.error();
    }
    if (out)
        *out = *changes;
    return QStringList(toWrite.keys());
}

} // namespace Fluxdesk::Sops
