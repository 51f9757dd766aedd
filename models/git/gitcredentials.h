#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Fluxdesk {

struct GitUserPass
{
    QString username;
    QString password;      // a password or token; never logged
    bool remember = false; // the user asked to keep it (GitSecretStore), once it worked
};

// What a remote operation asks of the user. Called on the worker thread and expected to block
// until answered: the UI adapts it with queued (blocking) signals, tests answer directly.
// std::nullopt / false means the user cancelled.
class GitCredentialPrompter
{
public:
    virtual ~GitCredentialPrompter() = default;
    virtual std::optional<GitUserPass> askUserPass(const QString &url,
                                                   const QString &usernameHint) = 0;
    virtual std::optional<QString> askPassphrase(const QString &keyPath) = 0;
    // An SSH host not in known_hosts; fingerprint is "SHA256:...". true: trust and remember it.
    virtual bool confirmUnknownHost(const QString &host, int port, const QString &keyType,
                                    const QString &fingerprint) = 0;
};

// Where credentials come from, in the order people expect.
struct GitCredentialSettings
{
    QString sshDir;          // default: ~/.ssh
    bool useSshAgent = true; // when SSH_AUTH_SOCK is set
    QStringList sshKeyNames{QStringLiteral("id_ed25519"), QStringLiteral("id_ecdsa"),
                            QStringLiteral("id_rsa")};
    bool useGitCredentialHelper = true; // `git credential fill/approve/reject`
    QString gitProgram;                 // default: git from PATH
    bool rememberAcceptedHosts = true;  // append to known_hosts after the user accepts

    QString knownHostsPath() const;
    QString resolvedSshDir() const;
};

// `git credential fill|approve|reject` with protocol/host/path. fill returns nothing when git is
// missing, no helper answers or prompting would be needed (GIT_TERMINAL_PROMPT=0).
namespace GitCredentialHelper {
std::optional<GitUserPass> fill(const QString &gitProgram, const QString &url,
                                const QString &username);
void approve(const QString &gitProgram, const QString &url, const GitUserPass &credentials);
void reject(const QString &gitProgram, const QString &url, const GitUserPass &credentials);
} // namespace GitCredentialHelper

// true when the private key file is protected by a passphrase (OpenSSH and PEM formats).
bool isEncryptedPrivateKey(const QString &path);

} // namespace Fluxdesk
