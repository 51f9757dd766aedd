// The SSH half of GitTransfer: the server's host key checked against known_hosts (the certificate
// callback), and what a failed key exchange means when known_hosts holds other key types. Split
// from gittransfer.cpp to keep each file about one concern.
#include "gittransfer.h"

#include "gittext.h"
#include "knownhosts.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QUrl>

#include <git2.h>

#include <optional>
#include <utility>

namespace Fluxdesk {

namespace {

struct SshHost
{
    QString host;
    int port = 22;
};

// The host and port of an SSH remote: ssh://[user@]host[:port]/path (also ssh+git://,
// git+ssh://) or scp-like [user@]host:path; nothing for other URLs and local paths.
std::optional<SshHost> sshHostOf(const QString &url)
{
    const qsizetype scheme = url.indexOf(QLatin1String("://"));
    if (scheme >= 0) {
        const QUrl parsed(url);
        const QString name = parsed.scheme().toLower();
        if (name != QLatin1String("ssh") && name != QLatin1String("ssh+git") &&
            name != QLatin1String("git+ssh"))
            return std::nullopt;
        if (parsed.host().isEmpty())
            return std::nullopt;
        return SshHost{parsed.host(), parsed.port(22)};
    }
    const qsizetype colon = url.indexOf(QLatin1Char(':'));
    if (colon <= 0 || url.left(colon).contains(QLatin1Char('/')))
        return std::nullopt;
    const QString userHost = url.left(colon);
    const QString host = userHost.mid(userHost.lastIndexOf(QLatin1Char('@')) + 1);
    if (host.isEmpty())
        return std::nullopt;
    return SshHost{host, 22};
}

QString sshKeyTypeName(int rawType)
{
    switch (rawType) {
    case GIT_CERT_SSH_RAW_TYPE_RSA:
        return QStringLiteral("ssh-rsa");
    case GIT_CERT_SSH_RAW_TYPE_DSS:
        return QStringLiteral("ssh-dss");
    case GIT_CERT_SSH_RAW_TYPE_KEY_ECDSA_256:
        return QStringLiteral("ecdsa-sha2-nistp256");
    case GIT_CERT_SSH_RAW_TYPE_KEY_ECDSA_384:
        return QStringLiteral("ecdsa-sha2-nistp384");
    case GIT_CERT_SSH_RAW_TYPE_KEY_ECDSA_521:
        return QStringLiteral("ecdsa-sha2-nistp521");
    case GIT_CERT_SSH_RAW_TYPE_KEY_ED25519:
        return QStringLiteral("ssh-ed25519");
    default:
        return {};
    }
}

} // namespace

int GitTransfer::checkSshHostKey(const void *cert, const QString &host)
{
    const auto *hostkey = static_cast<const git_cert_hostkey *>(cert);
    const int port = sshHostOf(m_url).value_or(SshHost{}).port;
    QByteArray blob;
    QByteArray digest;
    QString keyType;
    if (hostkey->type & GIT_CERT_SSH_RAW) {
        blob = QByteArray(hostkey->hostkey, int(hostkey->hostkey_len));
        digest = QCryptographicHash::hash(blob, QCryptographicHash::Sha256);
        keyType = KnownHosts::keyTypeOfBlob(blob);
        if (keyType.isEmpty())
            keyType = sshKeyTypeName(hostkey->raw_type);
    } else if (hostkey->type & GIT_CERT_SSH_SHA256) {
        digest = QByteArray(reinterpret_cast<const char *>(hostkey->hash_sha256), 32);
    } else {
        m_failureKind = GitErrorKind::HostKeyUnknown;
        m_failure = GitText::tr("the SSH server's host key cannot be checked");
        return GIT_ECERTIFICATE;
    }
    const QString knownHostsPath = m_settings.knownHostsPath();
    const KnownHosts known = KnownHosts::load(knownHostsPath);
    const QString fingerprint = KnownHosts::fingerprintFromDigest(digest);
    switch (known.check(host, port, keyType, digest)) {
    case KnownHosts::Match::Known:
        return 0;
    case KnownHosts::Match::Changed:
        m_failureKind = GitErrorKind::HostKeyChanged;
        m_failure =
            GitText::tr("the host key of %1 has changed (now %2): this can mean someone is "
                        "intercepting the connection. Refused; if the change is expected, remove "
                        "the old key from %3.")
                .arg(KnownHosts::hostName(host, port), fingerprint,
                     QDir::toNativeSeparators(knownHostsPath));
        return GIT_ECERTIFICATE;
    case KnownHosts::Match::Revoked:
        m_failureKind = GitErrorKind::HostKeyChanged;
        m_failure = GitText::tr("the host key of %1 (%2) is revoked in %3")
                        .arg(KnownHosts::hostName(host, port), fingerprint,
                             QDir::toNativeSeparators(knownHostsPath));
        return GIT_ECERTIFICATE;
    case KnownHosts::Match::OtherKeyType: {
        const QStringList knownTypes = known.keyTypesFor(host, port);
        if (m_prompter &&
            m_prompter->confirmHostWithOtherKeys(host, port, keyType, fingerprint, knownTypes)) {
            if (m_settings.rememberAcceptedHosts && !blob.isEmpty())
                KnownHosts::append(knownHostsPath, host, port, blob);
            return 0;
        }
        m_failureKind = GitErrorKind::HostKeyOtherType;
        m_failure =
            GitText::tr("%1 is known in %2 only with keys of other types (%3), but offered a %4 "
                        "key (%5): the server's keys may have been replaced, or someone may be "
                        "intercepting the connection. Not connecting; if the server's "
                        "administrator confirms this key, add it to %2.")
                .arg(KnownHosts::hostName(host, port), QDir::toNativeSeparators(knownHostsPath),
                     knownTypes.join(QLatin1String(", ")),
                     keyType.isEmpty() ? GitText::tr("new") : keyType, fingerprint);
        return GIT_ECERTIFICATE;
    }
    case KnownHosts::Match::Unknown:
        break;
    }
    if (m_prompter && m_prompter->confirmUnknownHost(host, port, keyType, fingerprint)) {
        if (m_settings.rememberAcceptedHosts && !blob.isEmpty())
            KnownHosts::append(knownHostsPath, host, port, blob);
        return 0;
    }
    m_failureKind = GitErrorKind::HostKeyUnknown;
    m_failure = GitText::tr("%1 is not a known host (key %2); not connecting")
                    .arg(KnownHosts::hostName(host, port), fingerprint);
    return GIT_ECERTIFICATE;
}

std::optional<GitError> GitTransfer::keyExchangeFailure(const QString &libgit2Text, int rc) const
{
    // libssh2's words for any failed key exchange. libgit2 offers the server only the host key
    // types its known_hosts (~/.ssh) holds for the host: a server that no longer has those fails
    // here, before any host key reaches checkSshHostKey().
    if (!libgit2Text.contains(QLatin1String("Unable to exchange encryption keys")))
        return std::nullopt;
    const std::optional<SshHost> ssh = sshHostOf(m_url);
    if (!ssh)
        return std::nullopt;
    QStringList paths{m_settings.knownHostsPath()};
    const QString libgit2Path = QDir::homePath() + QStringLiteral("/.ssh/known_hosts");
    if (QDir::cleanPath(libgit2Path) != QDir::cleanPath(paths.first()))
        paths.append(libgit2Path);
    QStringList types;
    QString where;
    for (const QString &path : std::as_const(paths)) {
        const QStringList found = KnownHosts::load(path).keyTypesFor(ssh->host, ssh->port);
        for (const QString &type : found) {
            if (!types.contains(type))
                types.append(type);
        }
        if (!found.isEmpty() && where.isEmpty())
            where = path;
    }
    if (types.isEmpty())
        return std::nullopt;
    return GitError(
        GitErrorKind::HostKeyOtherType,
        GitText::tr("%1 offered no host key of the types %2 holds for it (%3): the server's keys "
                    "may have been replaced, or someone may be intercepting the connection. Not "
                    "connecting. If the server's administrator confirms its new key, connect "
                    "once with ssh to review and accept it.")
            .arg(KnownHosts::hostName(ssh->host, ssh->port), QDir::toNativeSeparators(where),
                 types.join(QLatin1String(", "))),
        rc);
}

} // namespace Fluxdesk
