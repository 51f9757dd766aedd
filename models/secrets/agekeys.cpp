#include "agekeys.h"

#include "core/privatefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Fluxdesk::AgeKeys {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Fluxdesk::AgeKeys", text);
}

QString userKeyFile(const QProcessEnvironment &env)
{
    QString config = env.value(QStringLiteral("XDG_CONFIG_HOME"));
    if (config.isEmpty() || !QDir::isAbsolutePath(config)) {
        const QString home = env.value(QStringLiteral("HOME"), QDir::homePath());
        config = home + QStringLiteral("/.config");
    }
    return QDir::cleanPath(config + QStringLiteral("/sops/age/keys.txt"));
}

void addFrom(Found &found, const QByteArray &text, const QString &origin, const QString &file)
{
    Result<QList<Age::Identity>> parsed = Age::parseIdentityFile(text, file);
    if (!parsed) {
        found.errors.append(parsed.error());
        return;
    }
    for (const Age::Identity &identity : *parsed) {
        found.identities.append(identity);
        found.origins.append(origin);
    }
}

// Makes the folders down to dir, each new one readable by the owner alone.
bool makePrivateFolders(const QString &dir)
{
    QStringList missing;
    QString at = QDir::cleanPath(dir);
    while (!at.isEmpty() && !QFileInfo::exists(at)) {
        missing.prepend(at);
        const QString up = QFileInfo(at).path();
        if (up == at)
            break;
        at = up;
    }
    for (const QString &folder : std::as_const(missing)) {
        if (!QDir().mkdir(folder))
            return false;
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    return QFileInfo(dir).isDir();
}

} // namespace

QString keyFilePath(const QProcessEnvironment &env)
{
    const QString file = env.value(QStringLiteral("SOPS_AGE_KEY_FILE"));
    if (!file.isEmpty())
        return QDir::cleanPath(file);
    return userKeyFile(env);
}

QStringList Found::recipients() const
{
    QStringList out;
    for (const Age::Identity &identity : identities) {
        const QString recipient = identity.recipient();
        if (!out.contains(recipient))
            out.append(recipient);
    }
    return out;
}

Found findIdentities(const QProcessEnvironment &env)
{
    Found found;
    const QString inline_ = env.value(QStringLiteral("SOPS_AGE_KEY"));
    if (!inline_.isEmpty())
        addFrom(found, inline_.toUtf8(), QStringLiteral("SOPS_AGE_KEY"),
                QStringLiteral("SOPS_AGE_KEY"));

    QStringList files;
    const QString named = env.value(QStringLiteral("SOPS_AGE_KEY_FILE"));
    if (!named.isEmpty())
        files.append(QDir::cleanPath(named));
    const QString user = userKeyFile(env);
    if (!files.contains(user))
        files.append(user);
    for (const QString &path : std::as_const(files)) {
        QFile file(path);
        if (!file.exists()) {
            if (path == QDir::cleanPath(named))
                found.errors.append(
                    Error(tr("SOPS_AGE_KEY_FILE names a file that is not there"), path));
            continue;
        }
        if (!file.open(QIODevice::ReadOnly)) {
            found.errors.append(Error(file.errorString(), path));
            continue;
        }
        Age::SecretBytes text(file.readAll());
        addFrom(found, text.bytes(), path, path);
    }
    return found;
}

Result<Age::Identity> createKey(const QString &keyFile, const QDateTime &created)
{
    const QString dir = QFileInfo(keyFile).absolutePath();
    if (!makePrivateFolders(dir))
        return Error(tr("cannot make the folder for the key"), dir);

    Age::SecretBytes existing;
    QFile file(keyFile);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return Error(file.errorString(), keyFile);
        existing = Age::SecretBytes(file.readAll());
        file.close();
        // A file that does not read as keys is not ours to rewrite (an empty one is).
        if (!existing.bytes().trimmed().isEmpty()) {
            Result<QList<Age::Identity>> parsed = Age::parseIdentityFile(existing.bytes(), keyFile);
            if (!parsed)
                return parsed.error();
        }
    }

    Age::Identity identity = Age::Identity::generate();
    QByteArray text = existing.bytes();
    if (!text.isEmpty() && !text.endsWith('\n'))
        text += '\n';
    if (!text.isEmpty())
        text += '\n';
    Age::SecretBytes entry(Age::identityFileText(identity, created));
    text += entry.bytes();
    Age::SecretBytes all(std::move(text));
    Result<bool> written = writePrivateFile(keyFile, all.bytes());
    if (!written)
        return written.error();
    return identity;
}

QString backupAdvice(const QString &keyFile, const QString &recipient)
{
    return tr("Back up %1 now, somewhere other than this computer and the repository. The "
              "Secrets encrypted to %2 can be read only with this key: if it is lost, so are "
              "they.")
        .arg(QDir::toNativeSeparators(keyFile), recipient);
}

} // namespace Fluxdesk::AgeKeys
