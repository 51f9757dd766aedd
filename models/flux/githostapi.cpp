#include "githostapi.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QStringList>

namespace Fluxdesk {

namespace {

class GitHostApiText
{
    Q_DECLARE_TR_FUNCTIONS(Fluxdesk::GitHostApi)
};

constexpr int TransferTimeoutMs = 30000;

QString joinPath(const QString &base, const QString &tail)
{
    QString path = base;
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return path + QLatin1Char('/') + tail;
}

// https://HOST[:PORT]/BASE for a web address of the repository's host: an HTTPS remote's port
// is the web server's, an SSH remote's is not.
QUrl webRoot(const GitRemoteAddress &repository)
{
    QUrl url;
    url.setScheme(repository.scheme == GitRemoteAddress::Scheme::Http ? QStringLiteral("http")
                                                                      : QStringLiteral("https"));
    url.setHost(repository.host);
    if (!repository.isSsh() && repository.port > 0)
        url.setPort(repository.port);
    url.setPath(repository.basePath.isEmpty() ? QString() : QLatin1Char('/') + repository.basePath);
    return url;
}

bool isGitHubDotCom(const GitRemoteAddress &repository)
{
    const QString host = repository.host.toLower();
    return host == QLatin1String("github.com") || host == QLatin1String("www.github.com") ||
           host == QLatin1String("ssh.github.com");
}

bool isLoopback(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// The server's own words: GitHub's {"message", "errors": [{"message"} | "text"]}, Gitea's
// {"message"}; the body itself (shortened) when it is not JSON.
QString serverWords(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    QStringList words;
    const QString message = object.value(QLatin1String("message")).toString().trimmed();
    if (!message.isEmpty())
        words.append(message);
    const QJsonArray errors = object.value(QLatin1String("errors")).toArray();
    for (const QJsonValue &error : errors) {
        const QString text = error.isString()
                                 ? error.toString()
                                 : error.toObject().value(QLatin1String("message")).toString();
        if (!text.trimmed().isEmpty() && !words.contains(text.trimmed()))
            words.append(text.trimmed());
    }
    if (words.isEmpty()) {
        const QString text = QString::fromUtf8(body.left(300)).simplified();
        if (!text.isEmpty())
            words.append(text);
    }
    return words.join(QLatin1String(": "));
}

QString withoutToken(QString text, const QString &token)
{
    if (token.size() >= 4)
        text.replace(token, QLatin1String("***"));
    return text;
}

void answerLater(QObject *context, const GitHostApi::Done &done, Result<DeployKeyAdded> result)
{
    QMetaObject::invokeMethod(
        context, [done, result]() { done(result); }, Qt::QueuedConnection);
}

} // namespace

GitHostApi::GitHostApi(QObject *parent) : QObject(parent), m_nam(new QNetworkAccessManager(this)) {}

GitHostApi::~GitHostApi()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

QUrl GitHostApi::defaultApiBase(GitHostKind kind, const GitRemoteAddress &repository)
{
    if (kind == GitHostKind::GitHub && isGitHubDotCom(repository))
        return QUrl(QStringLiteral("https://api.github.com"));
    QUrl url = webRoot(repository);
    url.setScheme(QStringLiteral("https"));
    url.setPath(joinPath(url.path(), kind == GitHostKind::GitHub ? QStringLiteral("api/v3")
                                                                 : QStringLiteral("api/v1")));
    return url;
}

QUrl GitHostApi::deployKeysEndpoint(const QUrl &apiBase, const GitRemoteAddress &repository)
{
    QUrl url = apiBase;
    // Each path segment encoded on its own: an owner or name never adds segments of its own.
    QStringList segments{QStringLiteral("repos")};
    const QStringList parts = repository.fullName().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &part : parts)
        segments.append(QString::fromLatin1(QUrl::toPercentEncoding(part)));
    segments.append(QStringLiteral("keys"));
    url.setPath(joinPath(url.path(QUrl::FullyEncoded), segments.join(QLatin1Char('/'))),
                QUrl::TolerantMode);
    return url;
}

QUrl GitHostApi::deployKeysPage(GitHostKind kind, const GitRemoteAddress &repository)
{
    QUrl url = kind == GitHostKind::GitHub && isGitHubDotCom(repository)
                   ? QUrl(QStringLiteral("https://github.com"))
                   : webRoot(repository);
    url.setPath(joinPath(url.path(), repository.fullName() + QStringLiteral("/settings/keys")));
    return url;
}

QString GitHostApi::hostDisplayName(GitHostKind kind, const GitRemoteAddress &repository)
{
    if (kind == GitHostKind::GitHub)
        return isGitHubDotCom(repository)
                   ? QStringLiteral("GitHub")
                   : GitHostApiText::tr("GitHub Enterprise at %1").arg(repository.host);
    return GitHostApiText::tr("Gitea at %1").arg(repository.host);
}

void GitHostApi::cancel()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    const Done done = std::move(m_done);
    m_done = nullptr;
    if (reply) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    if (done)
        done(Error(GitHostApiText::tr("Cancelled.")));
}

void GitHostApi::addDeployKey(const DeployKeyRequest &request, Done done)
{
    cancel();
    const QString host = hostDisplayName(request.kind, request.repository);
    if (request.token.trimmed().isEmpty()) {
        answerLater(
            this, done,
            Error(GitHostApiText::tr("No token was given for %1: add the deploy key at "
                                     "%2 by hand, or give a token that may administer "
                                     "the repository.")
                      .arg(host, deployKeysPage(request.kind, request.repository).toString())));
        return;
    }
    const QUrl base = request.apiBase.isEmpty() ? defaultApiBase(request.kind, request.repository)
                                                : request.apiBase;
    const QString scheme = base.scheme().toLower();
    if (scheme != QLatin1String("https") &&
        !(scheme == QLatin1String("http") && isLoopback(base.host()))) {
        answerLater(this, done,
                    Error(GitHostApiText::tr("Fluxdesk sends the token only over HTTPS, and %1 "
                                             "is not an HTTPS address: use the https:// address "
                                             "of the API.")
                              .arg(base.toDisplayString())));
        return;
    }
    const QUrl endpoint = deployKeysEndpoint(base, request.repository);

    QNetworkRequest httpRequest(endpoint);
    httpRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
    httpRequest.setTransferTimeout(TransferTimeoutMs);
    httpRequest.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
    httpRequest.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("fluxdesk"));
    QByteArray token = request.token.trimmed().toUtf8();
    if (request.kind == GitHostKind::GitHub) {
        httpRequest.setRawHeader("Accept", "application/vnd.github+json");
        httpRequest.setRawHeader("X-GitHub-Api-Version", "2022-11-28");
        httpRequest.setRawHeader("Authorization", "Bearer " + token);
    } else {
        httpRequest.setRawHeader("Accept", "application/json");
        httpRequest.setRawHeader("Authorization", "token " + token);
    }
    token.fill('\0');
    const QJsonObject body{{QStringLiteral("title"), request.title},
                           {QStringLiteral("key"), request.publicKey.trimmed()},
                           {QStringLiteral("read_only"), request.readOnly}};
    QNetworkReply *reply =
        m_nam->post(httpRequest, QJsonDocument(body).toJson(QJsonDocument::Compact));
    m_reply = reply;
    m_done = std::move(done);
    connect(reply, &QNetworkReply::finished, this, [this, reply, request]() {
        reply->deleteLater();
        if (reply != m_reply)
            return;
        m_reply = nullptr;
        const Done finished = std::move(m_done);
        m_done = nullptr;
        finish(reply, request, finished);
    });
}

void GitHostApi::finish(QNetworkReply *reply, const DeployKeyRequest &request, const Done &done)
{
    const QString host = hostDisplayName(request.kind, request.repository);
    const QString repository = request.repository.fullName();
    const QString page = deployKeysPage(request.kind, request.repository).toString();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    const QString words = withoutToken(serverWords(body), request.token);

    if (status == 0) {
        // No HTTP answer: DNS, connection, TLS (certificate not trusted), timeout.
        done(Error(GitHostApiText::tr("Could not reach %1 at %2: %3. Check the address and "
                                      "your connection; the host's TLS certificate must be "
                                      "trusted by this system.")
                       .arg(host, reply->url().toDisplayString(QUrl::RemoveQuery),
                            withoutToken(reply->errorString(), request.token))));
        return;
    }
    if (status == 200 || status == 201) {
        DeployKeyAdded added;
        added.id =
            qint64(QJsonDocument::fromJson(body).object().value(QLatin1String("id")).toDouble());
        added.keysPage = deployKeysPage(request.kind, request.repository);
        done(added);
        return;
    }
    QString message;
    switch (status) {
    case 401:
        message = GitHostApiText::tr(
                      "%1 refused the token (HTTP 401: %2). Check that it is current and made for "
                      "this host; it needs admin rights on %3 (classic token: the repo scope; "
                      "fine-grained: Administration read and write).")
                      .arg(host, words, repository);
        break;
    case 403:
        message = GitHostApiText::tr(
                      "%1 does not let this token add deploy keys to %2 (HTTP 403: %3). The token "
                      "needs admin rights on the repository, or add the key by hand at %4.")
                      .arg(host, repository, words, page);
        break;
    case 404:
        message = GitHostApiText::tr(
                      "%1 found no repository %2 (HTTP 404: %3). Check the owner and name in the "
                      "remote URL, and that the token may see the repository (a private "
                      "repository answers 404 to a token without access).")
                      .arg(host, repository, words);
        break;
    case 422:
        message = GitHostApiText::tr(
                      "%1 refused the deploy key for %2 (HTTP 422: %3). A key can be added only "
                      "once on a host: if it is already there, see %4, or generate a new key.")
                      .arg(host, repository, words, page);
        break;
    default:
        if (status >= 300 && status < 400) {
            message = GitHostApiText::tr(
                          "%1 answered with a redirect to %2 (HTTP %3), which Fluxdesk does not "
                          "follow with a token: give the API's address itself.")
                          .arg(host, reply->header(QNetworkRequest::LocationHeader)
                                         .toUrl()
                                         .toDisplayString(QUrl::RemoveQuery | QUrl::RemoveUserInfo))
                          .arg(status);
        } else {
            message = GitHostApiText::tr("%1 could not add the deploy key to %2 (HTTP %3: %4).")
                          .arg(host, repository)
                          .arg(status)
                          .arg(words);
        }
        break;
    }
    done(Error(message));
}

} // namespace Fluxdesk
