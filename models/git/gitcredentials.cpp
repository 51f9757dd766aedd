#include "gitcredentials.h"

#include "gittext.h"
#include "giturl.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QUrl>

#include <utility>

namespace Fluxdesk {

QString GitCredentialSettings::resolvedSshDir() const
{
    return sshDir.isEmpty() ? QDir::homePath() + QStringLiteral("/.ssh") : sshDir;
}

QString GitCredentialSettings::knownHostsPath() const
{
    return resolvedSshDir() + QStringLiteral("/known_hosts");
}

namespace {

QString gitPath(const QString &gitProgram)
{
    return gitProgram.isEmpty() ? QStandardPaths::findExecutable(QStringLiteral("git"))
                                : gitProgram;
}

// The request for url with the given username and password (empty: none).
Result<QByteArray> describe(const QString &url, const QString &username, const QString &password)
{
    QUrl u(url);
    if (!username.isEmpty())
        u.setUserName(username, QUrl::DecodedMode);
    u.setPassword(password.isEmpty() ? QString() : password, QUrl::DecodedMode);
    return credentialRequestText(u);
}

// Runs `git credential ACTION`; returns stdout, or nothing when git failed.
std::optional<QByteArray> runCredential(const QString &gitProgram, const char *action,
                                        const QByteArray &input)
{
    const QString git = gitPath(gitProgram);
    if (git.isEmpty())
        return std::nullopt;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Never let git prompt on a terminal or through an askpass program behind our back.
    env.insert(QStringLiteral("GIT_TERMINAL_PROMPT"), QStringLiteral("0"));
    env.remove(QStringLiteral("GIT_ASKPASS"));
    env.remove(QStringLiteral("SSH_ASKPASS"));
    process.setProcessEnvironment(env);
    process.start(git, {QStringLiteral("credential"), QString::fromLatin1(action)});
    if (!process.waitForStarted(10000))
        return std::nullopt;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished(2000);
        return std::nullopt;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return std::nullopt;
    return process.readAllStandardOutput();
}

} // namespace

Result<QByteArray> credentialRequestText(const QUrl &url)
{
    // Never the password, whatever shape the URL has: the URL made again from its other parts
    // (QUrl shows an invalid URL as "", and a copy with another password as valid: the message
    // would depend on the password).
    QUrl parts;
    parts.setScheme(url.scheme());
    parts.setUserName(url.userName(QUrl::FullyDecoded), QUrl::DecodedMode);
    parts.setHost(url.host(QUrl::FullyDecoded), QUrl::DecodedMode);
    parts.setPort(url.port());
    parts.setPath(url.path(QUrl::FullyDecoded), QUrl::DecodedMode);
    const QString shown = displayUrl(parts.toString(QUrl::FullyEncoded));
    QString host = url.host(QUrl::FullyDecoded);
    if (url.scheme().isEmpty() || host.isEmpty()) {
        return Error(GitText::tr("the remote URL %1 names no protocol or no host: Fluxdesk does "
                                 "not ask a git credential helper for it. Correct the URL with "
                                 "git remote set-url.")
                         .arg(shown));
    }
    if (url.port() > 0)
        host += QLatin1Char(':') + QString::number(url.port());
    QString path = url.path(QUrl::FullyDecoded);
    if (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    const std::pair<const char *, QString> fields[] = {
        {"protocol", url.scheme()},
        {"host", host},
        {"path", path},
        {"username", url.userName(QUrl::FullyDecoded)},
        {"password", url.password(QUrl::FullyDecoded)}};
    QByteArray text;
    for (const auto &[key, value] : fields) {
        if (value.isEmpty())
            continue;
        const QByteArray bytes = value.toUtf8();
        if (bytes.contains('\n') || bytes.contains('\r') || bytes.contains('\0')) {
            // Never quote the value: it may be the password.
            return Error(
                GitText::tr("the %1 of the remote URL %2 holds a line break or NUL character, "
                            "which could make a git credential helper answer for another host: "
                            "refused before asking any helper. Correct the URL with git remote "
                            "set-url (or the password you entered).")
                    .arg(QString::fromLatin1(key), shown));
        }
        text += key + QByteArray("=") + bytes + '\n';
    }
    text += '\n';
    return text;
}

namespace GitCredentialHelper {

std::optional<GitUserPass> fill(const QString &gitProgram, const QString &url,
                                const QString &username)
{
    const Result<QByteArray> request = describe(url, username, {});
    if (!request)
        return std::nullopt;
    const std::optional<QByteArray> out = runCredential(gitProgram, "fill", *request);
    if (!out)
        return std::nullopt;
    GitUserPass result;
    const QList<QByteArray> lines = out->split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("username="))
            result.username = QString::fromUtf8(line.mid(9));
        else if (line.startsWith("password="))
            result.password = QString::fromUtf8(line.mid(9));
    }
    if (result.password.isEmpty())
        return std::nullopt;
    return result;
}

void approve(const QString &gitProgram, const QString &url, const GitUserPass &credentials)
{
    const Result<QByteArray> request = describe(url, credentials.username, credentials.password);
    if (request)
        runCredential(gitProgram, "approve", *request);
}

void reject(const QString &gitProgram, const QString &url, const GitUserPass &credentials)
{
    const Result<QByteArray> request = describe(url, credentials.username, credentials.password);
    if (request)
        runCredential(gitProgram, "reject", *request);
}

} // namespace GitCredentialHelper

bool isEncryptedPrivateKey(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = file.readAll();
    if (text.contains("Proc-Type: 4,ENCRYPTED") || text.contains("BEGIN ENCRYPTED PRIVATE KEY"))
        return true; // PEM formats
    const QByteArray begin = "-----BEGIN OPENSSH PRIVATE KEY-----";
    const qsizetype start = text.indexOf(begin);
    if (start < 0)
        return false;
    const qsizetype end = text.indexOf("-----END", start + begin.size());
    const QByteArray body =
        QByteArray::fromBase64(text.mid(start + begin.size(), end - start - begin.size()));
    // "openssh-key-v1\0", then the cipher name as an SSH string: "none" when unencrypted.
    const QByteArray magic("openssh-key-v1\0", 15);
    if (!body.startsWith(magic) || body.size() < 19)
        return false;
    const auto *p = reinterpret_cast<const unsigned char *>(body.constData()) + 15;
    const quint32 length =
        (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
    return body.mid(19, int(length)) != "none";
}

} // namespace Fluxdesk
