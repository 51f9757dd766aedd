#pragma once

#include "core/error.h"
#include "flux/gitremoteaddress.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Fluxdesk {

// The Git hosts whose API adds a deploy key, as `flux bootstrap github|gitea` do.
enum class GitHostKind
{
    GitHub, // github.com, or GitHub Enterprise Server (https://host/api/v3)
    Gitea   // Gitea and Forgejo (https://host/api/v1)
};

struct DeployKeyRequest
{
    GitHostKind kind = GitHostKind::GitHub;
    GitRemoteAddress repository;
    QUrl apiBase; // empty: GitHostApi::defaultApiBase
    QString title;
    QString publicKey; // the authorized_keys line
    bool readOnly = true;
    QString token; // the user's; sent in a header over HTTPS, never logged nor in a message
};

struct DeployKeyAdded
{
    qint64 id = 0; // the host's id of the key
    QUrl keysPage; // where the user sees (and removes) the repository's deploy keys
};

// Adds a deploy key through the host's REST API, asynchronously on the caller's thread
// (QNetworkAccessManager). TLS is verified (errors are not ignored) and redirects are not
// followed, so the token goes only to the address asked. Errors are the server's words with what
// to do. One request at a time; a new one or cancel() ends the last one with "Cancelled.".
class GitHostApi : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(Result<DeployKeyAdded>)>;

    explicit GitHostApi(QObject *parent = nullptr);
    ~GitHostApi() override;

    // https://api.github.com for github.com, https://HOST/api/v3 for GitHub Enterprise;
    // https://HOST[:PORT]/[BASE/]api/v1 for Gitea (an HTTPS remote's port and sub-path kept).
    static QUrl defaultApiBase(GitHostKind kind, const GitRemoteAddress &repository);
    // POST target: {api}/repos/{owner}/{repo}/keys (both hosts).
    static QUrl deployKeysEndpoint(const QUrl &apiBase, const GitRemoteAddress &repository);
    // https://HOST/[BASE/]OWNER/REPO/settings/keys: the page to add the key by hand.
    static QUrl deployKeysPage(GitHostKind kind, const GitRemoteAddress &repository);
    // "GitHub" / "Gitea at HOST", for messages.
    static QString hostDisplayName(GitHostKind kind, const GitRemoteAddress &repository);

    // done is called once, on this object's thread (also for refusals made before sending).
    void addDeployKey(const DeployKeyRequest &request, Done done);
    void cancel();
    bool isBusy() const { return !m_reply.isNull(); }

private:
    void finish(QNetworkReply *reply, const DeployKeyRequest &request, const Done &done);

    QNetworkAccessManager *m_nam = nullptr;
    QPointer<QNetworkReply> m_reply;
    Done m_done;
    bool m_cancelled = false;
};

} // namespace Fluxdesk
