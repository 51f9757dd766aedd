#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>

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
    // An SSH host known_hosts holds only with keys of other types (knownTypes, e.g.
    // "ssh-rsa"), offering a keyType key: the server's keys were rotated, or someone intercepts
    // the connection. true: trust this key too and remember it. Refused unless a prompter asks.
    virtual bool confirmHostWithOtherKeys(const QString &host, int port, const QString &keyType,
                                          const QString &fingerprint, const QStringList &knownTypes)
    {
        Q_UNUSED(host);
        Q_UNUSED(port);
        Q_UNUSED(keyType);
        Q_UNUSED(fingerprint);
        Q_UNUSED(knownTypes);
        return false;
    }
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

// The text `git credential fill|approve|reject` reads for url: protocol, host (with ":port"),
// path, and username and password where url holds them, from url's decoded parts, ending in an
// empty line. Refused, before any helper could see it, when a field holds a line feed, carriage
// return or NUL (as git does since CVE-2020-5260: "%0a" in a URL would add lines of its own, such
// as "host=" of another host, whose token would then go to this one), or when the protocol or the
// host is missing (CVE-2020-11008: a helper would answer for any host). The error names the URL
// without its secrets (displayUrl) and says what to fix. Pure: no process, no I/O.
Result<QByteArray> credentialRequestText(const QUrl &url);

// `git credential fill|approve|reject` with protocol/host/path. fill returns nothing when git is
// missing, no helper answers, prompting would be needed (GIT_TERMINAL_PROMPT=0) or the URL is
// refused by credentialRequestText (then no helper runs at all).
namespace GitCredentialHelper {
std::optional<GitUserPass> fill(const QString &gitProgram, const QString &url,
                                const QString &username);
void approve(const QString &gitProgram, const QString &url, const GitUserPass &credentials);
void reject(const QString &gitProgram, const QString &url, const GitUserPass &credentials);
} // namespace GitCredentialHelper

// true when the private key file is protected by a passphrase (OpenSSH and PEM formats).
bool isEncryptedPrivateKey(const QString &path);

} // namespace Fluxdesk
