#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

class KnownHosts;

// The known_hosts Flux is given for the Git host: the host's keys taken from the user's
// known_hosts, the same file a push checks the host against, never a key nobody confirmed.
struct FluxKnownHosts
{
    QString host;
    int port = 22;
    QByteArray text;          // "host type base64" lines ([host]:port off port 22)
    QStringList fingerprints; // "ssh-ed25519 SHA256:...", for display
};

// The keys known_hosts (read from knownHostsPath, named in messages) trusts for host:port: plain,
// hashed (|1|) and [host]:port entries, every key type, none marked @revoked. presentedKey, when
// given, is the key the host offered on the connection just made: it must be one of them
// (refused as changed, revoked, or of a type known_hosts does not hold for the host). When the
// host is not known the error says how to make it known (connect once and confirm the key, or
// ssh-keyscan and compare the fingerprints with those the Git host publishes).
Result<FluxKnownHosts> fluxKnownHosts(const KnownHosts &knownHosts, const QString &knownHostsPath,
                                      const QString &host, int port,
                                      const QByteArray &presentedKey = {});
// The same from the file.
Result<FluxKnownHosts> fluxKnownHosts(const QString &knownHostsPath, const QString &host, int port,
                                      const QByteArray &presentedKey = {});

} // namespace Fluxdesk
