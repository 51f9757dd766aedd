#pragma once

#include "gitresult.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

// OpenSSH's ~/.ssh/known_hosts: plain and hashed (|1|salt|hash) host patterns, comma lists,
// wildcards, negations, [host]:port, and the @revoked marker (@cert-authority lines are skipped:
// we never see host certificates through libgit2).
class KnownHosts
{
public:
    enum class Match
    {
        Known,       // an entry for the host holds this very key
        Unknown,     // no entry for the host
        Changed,     // the host is known with a different key of this type: refuse (attack?)
        Revoked,     // the key is marked @revoked
        OtherKeyType // the host is known only with keys of other types: a key rotation, or an
                     // attacker offering a type we hold no key for; ask, warning of both
    };

    static KnownHosts parse(const QByteArray &text);
    static KnownHosts load(const QString &path); // a missing file is an empty list

    // keyType may be empty when libgit2 could not tell it; sha256 is the key blob's digest.
    Match check(const QString &host, int port, const QString &keyType,
                const QByteArray &sha256) const;
    Match checkKey(const QString &host, int port, const QByteArray &blob) const;
    // The key types known_hosts holds for the host (not revoked), in file order, each once.
    QStringList keyTypesFor(const QString &host, int port) const;
    // The key blobs known_hosts trusts for the host, in file order, each once: none revoked.
    QList<QByteArray> keysFor(const QString &host, int port) const;

    qsizetype size() const { return m_entries.size(); }

    // "host" for port 22, else "[host]:port": how ssh names the host in known_hosts.
    static QString hostName(const QString &host, int port);
    // "SHA256:<base64 without padding>" of a key blob, as ssh-keygen -l prints it.
    static QString fingerprint(const QByteArray &blob);
    static QString fingerprintFromDigest(const QByteArray &sha256);
    // The key type a blob names in its first field ("ssh-ed25519"), empty when malformed.
    static QString keyTypeOfBlob(const QByteArray &blob);
    // Appends "host type base64" (hostName form), creating the file (mode 0600) when missing.
    static GitResult<GitDone> append(const QString &path, const QString &host, int port,
                                     const QByteArray &blob);

private:
    struct Entry
    {
        QStringList patterns;  // plain patterns, may start with '!'
        QByteArray salt, hash; // hashed form (|1|salt|hash)
        bool revoked = false;
        QString keyType;
        QByteArray sha256;
        QByteArray blob;
    };
    bool matches(const Entry &entry, const QString &name) const;
    QList<Entry> m_entries;
};

} // namespace Fluxdesk
