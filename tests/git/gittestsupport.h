#pragma once

#include "git/gitcredentials.h"
#include "testfiles.h"

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <atomic>
#include <memory>

namespace Fluxdesk::Testing {

// Runs the real git CLI (setting up states libgit2 should refuse, checking what a remote holds).
// Returns stdout trimmed; *ok false when git failed.
QString runGit(const QString &dir, const QStringList &arguments, bool *ok = nullptr);
// Whether the repository at dir (a bare remote) holds a branch main.
bool hasBranchMain(const QString &dir);
bool runProgram(const QString &program, const QStringList &arguments, QString *output = nullptr);

// Points HOME at home (no git config, no ~/.ssh), removes SSH_AUTH_SOCK and the system config:
// call before the first libgit2 call (libgit2 reads HOME once).
void isolateHome(const QString &home);

void writeFile(const QString &path, const QByteArray &content);
using TestFiles::readFile;

// A bare repository REPOS/NAME.git on branch main, and the work repository WORKPARENT/NAME-work
// (identity "Test <t@example.org>", origin originUrl) with one commit adding a.yaml.
struct TestRemoteAndWork
{
    QString work;
    QString remote;
};
TestRemoteAndWork makeRemoteAndWork(const QString &repos, const QString &workParent,
                                    const QString &name, const QString &originUrl);

quint16 freePort();
// Polls until 127.0.0.1:port accepts (or process exits / timeout).
bool waitForPort(quint16 port, QProcess &process, int timeoutMs = 15000);

// A server process killed (and reaped) on destruction.
class ServerProcess
{
public:
    ~ServerProcess();
    bool start(const QString &program, const QStringList &arguments, quint16 port, QString *error);
    void stop();
    QString log();

private:
    QProcess m_process;
};

// git-http-backend behind lighttpd on a free 127.0.0.1 port, serving the bare repositories in
// repos at /git/ with basic auth for users ("name:password" lines); its config and logs in dir.
class TestHttpGitServer
{
public:
    static bool isAvailable(); // lighttpd and git's http-backend are installed
    // HTTPS with tlsCertBase.pem and tlsCertBase.key when tlsCertBase is given.
    bool start(const QString &dir, const QString &repos, const QByteArray &users, QString *error,
               const QString &tlsCertBase = QString());
    void stop() { m_process.stop(); }
    quint16 port() const { return m_port; }
    QString urlFor(const QString &name) const; // http[s]://127.0.0.1:PORT/git/NAME

private:
    ServerProcess m_process;
    quint16 m_port = 0;
    bool m_tls = false;
};

// OpenSSH's sshd on a free 127.0.0.1 port with its own config, host key and authorized keys, all
// in dir. As root it needs /run/sshd (created); as another user it can only log in that user.
class TestSshServer
{
public:
    bool start(const QString &dir, const QStringList &authorizedPublicKeys, QString *error);
    void stop() { m_process.stop(); }
    quint16 port() const { return m_port; }
    QString hostKey() const { return m_hostKey; } // private key path; ".pub" next to it
    QString user() const { return m_user; }
    QString urlFor(const QString &repositoryPath) const;
    // "[127.0.0.1]:PORT ssh-ed25519 BASE64" for a known_hosts file.
    QString knownHostsLine() const;
    QString log() { return m_process.log(); }

private:
    ServerProcess m_process;
    quint16 m_port = 0;
    QString m_hostKey;
    QString m_user;
};

// ssh-keygen -t ed25519 into path (folders created), with an optional passphrase.
bool generateSshKey(const QString &path, const QString &passphrase = {});
// "type base64" of a .pub file, and its decoded key blob.
QString publicKeyLine(const QString &pubPath);
QByteArray publicKeyBlob(const QString &pubPath);

// Answers libgit2's questions like a user would, counting them. Thread-safe counters: the
// GitSession calls it on a pool thread.
class TestPrompter : public GitCredentialPrompter
{
public:
    std::optional<GitUserPass> askUserPass(const QString &url, const QString &hint) override;
    std::optional<QString> askPassphrase(const QString &keyPath) override;
    bool confirmUnknownHost(const QString &host, int port, const QString &keyType,
                            const QString &fingerprint) override;
    bool confirmHostWithOtherKeys(const QString &host, int port, const QString &keyType,
                                  const QString &fingerprint,
                                  const QStringList &knownTypes) override;

    std::optional<GitUserPass> userPass;
    std::optional<QString> passphrase;
    bool acceptHost = false;
    std::atomic_int userPassCalls{0};
    std::atomic_int passphraseCalls{0};
    std::atomic_int hostCalls{0};
    std::atomic_int otherKeysCalls{0};
    QString lastFingerprint;
    QString lastKeyType;
    QStringList lastKnownTypes;
    QString lastUserPassUrl;
};

} // namespace Fluxdesk::Testing
