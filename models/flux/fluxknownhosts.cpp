#include "fluxknownhosts.h"

#include "git/knownhosts.h"

#include <QCoreApplication>
#include <QDir>

namespace Fluxdesk {

namespace {

class FluxKnownHostsText
{
    Q_DECLARE_TR_FUNCTIONS(Fluxdesk::FluxKnownHosts)
};

// How to reach the host with OpenSSH's tools, as the user would type it.
QString sshCommand(const QString &tool, const QString &host, int port)
{
    return port == 22 || port <= 0 ? QStringLiteral("%1 %2").arg(tool, host)
                                   : QStringLiteral("%1 -p %2 %3").arg(tool).arg(port).arg(host);
}

Error notKnown(const QString &path, const QString &host, int port)
{
    return Error(FluxKnownHostsText::tr(
                     "%1 is not in your known_hosts (%2), so Fluxdesk cannot tell Flux which host "
                     "key to trust. Connect to it once and confirm its key (Fetch or Push in "
                     "Fluxdesk, or \"%3\"), or run \"%4\" and compare the fingerprints with those "
                     "your Git host publishes before you add the lines. Then try again.")
                     .arg(KnownHosts::hostName(host, port), QDir::toNativeSeparators(path),
                          sshCommand(QStringLiteral("ssh"), host, port),
                          sshCommand(QStringLiteral("ssh-keyscan"), host, port)));
}

} // namespace

Result<FluxKnownHosts> fluxKnownHosts(const KnownHosts &knownHosts, const QString &knownHostsPath,
                                      const QString &host, int port, const QByteArray &presentedKey)
{
    const QString name = KnownHosts::hostName(host, port);
    const QString path = QDir::toNativeSeparators(knownHostsPath);
    if (!presentedKey.isEmpty()) {
        const QString fingerprint = KnownHosts::fingerprint(presentedKey);
        switch (knownHosts.checkKey(host, port, presentedKey)) {
        case KnownHosts::Match::Known:
            break;
        case KnownHosts::Match::Unknown:
            return notKnown(knownHostsPath, host, port);
        case KnownHosts::Match::Changed:
            return Error(FluxKnownHostsText::tr(
                             "%1 offered the key %2, but your known_hosts (%3) holds another key "
                             "of that type for it. Someone may be intercepting the connection, "
                             "or the host's key was replaced: check the fingerprint with the "
                             "host's owner, and fix known_hosts before Flux is given any key.")
                             .arg(name, fingerprint, path));
        case KnownHosts::Match::Revoked:
            return Error(FluxKnownHostsText::tr(
                             "%1 offered the key %2, which your known_hosts (%3) marks as "
                             "revoked. Flux is not given a revoked key; ask the host's owner "
                             "for its current key.")
                             .arg(name, fingerprint, path));
        case KnownHosts::Match::OtherKeyType:
            return Error(FluxKnownHostsText::tr(
                             "%1 offered a %2 key (%3), but your known_hosts (%4) holds only "
                             "%5 keys for it. Connect once with Fluxdesk (Fetch or Push) to "
                             "confirm the new key, then try again.")
                             .arg(name, KnownHosts::keyTypeOfBlob(presentedKey), fingerprint, path,
                                  knownHosts.keyTypesFor(host, port).join(QLatin1String(", "))));
        }
    }

    const QList<QByteArray> keys = knownHosts.keysFor(host, port);
    if (keys.isEmpty())
        return notKnown(knownHostsPath, host, port);
    FluxKnownHosts result;
    result.host = host;
    result.port = port <= 0 ? 22 : port;
    for (const QByteArray &blob : keys) {
        const QString type = KnownHosts::keyTypeOfBlob(blob);
        if (type.isEmpty())
            continue;
        result.text += name.toUtf8() + ' ' + type.toLatin1() + ' ' + blob.toBase64() + '\n';
        result.fingerprints.append(type + QLatin1Char(' ') + KnownHosts::fingerprint(blob));
    }
    if (result.text.isEmpty())
        return notKnown(knownHostsPath, host, port);
    return result;
}

Result<FluxKnownHosts> fluxKnownHosts(const QString &knownHostsPath, const QString &host, int port,
                                      const QByteArray &presentedKey)
{
    return fluxKnownHosts(KnownHosts::load(knownHostsPath), knownHostsPath, host, port,
                          presentedKey);
}

} // namespace Fluxdesk
