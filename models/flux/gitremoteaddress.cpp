#include "gitremoteaddress.h"

#include "git/giturl.h"

#include <QCoreApplication>
#include <QUrl>

namespace Fluxdesk {

namespace {

class GitRemoteAddressText
{
    Q_DECLARE_TR_FUNCTIONS(Fluxdesk::GitRemoteAddress)
};

Error unsupported(const QString &url)
{
    return Error(GitRemoteAddressText::tr(
                     "The remote %1 is not a Git host address Flux can read: use "
                     "ssh://git@host/owner/repository.git, git@host:owner/repository.git or "
                     "https://host/owner/repository.git.")
                     .arg(displayUrl(url)));
}

} // namespace

int GitRemoteAddress::effectivePort() const
{
    if (port > 0)
        return port;
    switch (scheme) {
    case Scheme::Ssh:
        return 22;
    case Scheme::Https:
        return 443;
    case Scheme::Http:
        return 80;
    }
    return -1;
}

Result<GitRemoteAddress> parseGitRemoteAddress(const QString &url)
{
    const QString text = url.trimmed();
    GitRemoteAddress address;
    QString path;
    const qsizetype schemeEnd = text.indexOf(QLatin1String("://"));
    if (schemeEnd >= 0) {
        const QUrl parsed(text, QUrl::StrictMode);
        const QString scheme = parsed.scheme().toLower();
        if (scheme == QLatin1String("ssh") || scheme == QLatin1String("ssh+git") ||
            scheme == QLatin1String("git+ssh"))
            address.scheme = GitRemoteAddress::Scheme::Ssh;
        else if (scheme == QLatin1String("https"))
            address.scheme = GitRemoteAddress::Scheme::Https;
        else if (scheme == QLatin1String("http"))
            address.scheme = GitRemoteAddress::Scheme::Http;
        else
            return unsupported(text);
        if (!parsed.isValid() || parsed.host().isEmpty())
            return unsupported(text);
        address.user = parsed.userName();
        address.host = parsed.host();
        address.port = parsed.port(-1);
        path = parsed.path();
    } else {
        // scp-like [user@]host:path; a colon after a slash is a local path.
        const qsizetype colon = text.indexOf(QLatin1Char(':'));
        if (colon <= 0 || text.left(colon).contains(QLatin1Char('/')))
            return unsupported(text);
        const QString userHost = text.left(colon);
        const qsizetype at = userHost.lastIndexOf(QLatin1Char('@'));
        address.user = at >= 0 ? userHost.left(at) : QString();
        address.host = userHost.mid(at + 1);
        path = text.mid(colon + 1);
    }
    while (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (path.endsWith(QLatin1String(".git")))
        path.chop(4);
    const qsizetype lastSlash = path.lastIndexOf(QLatin1Char('/'));
    if (address.host.isEmpty() || lastSlash <= 0 || lastSlash == path.size() - 1)
        return unsupported(text);
    address.repository = path.mid(lastSlash + 1);
    const QString rest = path.left(lastSlash);
    // HTTP(S) hosts may serve Git under a sub-path (Gitea's ROOT_URL): owner is the segment
    // before the repository there. Over SSH the whole rest is the owner (GitLab's groups).
    if (address.scheme != GitRemoteAddress::Scheme::Ssh && rest.contains(QLatin1Char('/'))) {
        const qsizetype ownerSlash = rest.lastIndexOf(QLatin1Char('/'));
        address.basePath = rest.left(ownerSlash);
        address.owner = rest.mid(ownerSlash + 1);
    } else {
        address.owner = rest;
    }
    return address;
}

} // namespace Fluxdesk
