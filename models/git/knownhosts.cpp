#include "knownhosts.h"

#include "gittext.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>

namespace Fluxdesk {

namespace {

// OpenSSH's match_pattern: '*' any run, '?' one character, case-insensitive for host names.
bool globMatch(const QString &pattern, const QString &text)
{
    qsizetype p = 0;
    qsizetype t = 0;
    qsizetype starP = -1;
    qsizetype starT = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern.at(p) == QLatin1Char('?') ||
                                   pattern.at(p).toLower() == text.at(t).toLower())) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern.at(p) == QLatin1Char('*')) {
            starP = p++;
            starT = t;
        } else if (starP >= 0) {
            p = starP + 1;
            t = ++starT;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern.at(p) == QLatin1Char('*'))
        ++p;
    return p == pattern.size();
}

} // namespace

KnownHosts KnownHosts::parse(const QByteArray &text)
{
    KnownHosts hosts;
    const QList<QByteArray> lines = text.split('\n');
    for (const QByteArray &rawLine : lines) {
        const QByteArray line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        QList<QByteArray> fields = line.simplified().split(' ');
        Entry entry;
        if (fields.first().startsWith('@')) {
            if (fields.first() == "@revoked")
                entry.revoked = true;
            else
                continue; // @cert-authority: host certificates are not offered through libgit2
            fields.removeFirst();
        }
        if (fields.size() < 3)
            continue;
        const QByteArray hostField = fields.at(0);
        if (hostField.startsWith("|1|")) {
            const QList<QByteArray> parts = hostField.mid(3).split('|');
            if (parts.size() != 2)
                continue;
            entry.salt = QByteArray::fromBase64(parts.at(0));
            entry.hash = QByteArray::fromBase64(parts.at(1));
        } else {
            entry.patterns = QString::fromUtf8(hostField).split(QLatin1Char(','));
        }
        entry.keyType = QString::fromLatin1(fields.at(1));
        const QByteArray blob = QByteArray::fromBase64(fields.at(2));
        if (blob.isEmpty())
            continue;
        entry.sha256 = QCryptographicHash::hash(blob, QCryptographicHash::Sha256);
        entry.blob = blob;
        hosts.m_entries.append(entry);
    }
    return hosts;
}

KnownHosts KnownHosts::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return parse(file.readAll());
}

bool KnownHosts::matches(const Entry &entry, const QString &name) const
{
    if (!entry.hash.isEmpty()) {
        return QMessageAuthenticationCode::hash(name.toUtf8(), entry.salt,
                                                QCryptographicHash::Sha1) == entry.hash;
    }
    bool matched = false;
    for (const QString &pattern : entry.patterns) {
        if (pattern.startsWith(QLatin1Char('!'))) {
            if (globMatch(pattern.mid(1), name))
                return false; // a negated match excludes the host whatever else matches
        } else if (globMatch(pattern, name)) {
            matched = true;
        }
    }
    return matched;
}

KnownHosts::Match KnownHosts::check(const QString &host, int port, const QString &keyType,
                                    const QByteArray &sha256) const
{
    const QString name = hostName(host, port);
    bool sameTypeOtherKey = false;
    bool otherType = false;
    bool known = false;
    for (const Entry &entry : m_entries) {
        if (!matches(entry, name))
            continue;
        if (entry.sha256 == sha256) {
            if (entry.revoked)
                return Match::Revoked;
            known = true;
        } else if (!entry.revoked && (keyType.isEmpty() || entry.keyType == keyType)) {
            sameTypeOtherKey = true;
        } else if (!entry.revoked) {
            otherType = true;
        }
    }
    if (known)
        return Match::Known;
    if (sameTypeOtherKey)
        return Match::Changed;
    return otherType ? Match::OtherKeyType : Match::Unknown;
}

QStringList KnownHosts::keyTypesFor(const QString &host, int port) const
{
    const QString name = hostName(host, port);
    QStringList types;
    for (const Entry &entry : m_entries) {
        if (!entry.revoked && matches(entry, name) && !types.contains(entry.keyType))
            types.append(entry.keyType);
    }
    return types;
}

QList<QByteArray> KnownHosts::keysFor(const QString &host, int port) const
{
    const QString name = hostName(host, port);
    QList<QByteArray> revoked;
    for (const Entry &entry : m_entries) {
        if (entry.revoked && matches(entry, name))
            revoked.append(entry.sha256);
    }
    QList<QByteArray> keys;
    for (const Entry &entry : m_entries) {
        if (!entry.revoked && !revoked.contains(entry.sha256) && matches(entry, name) &&
            !keys.contains(entry.blob))
            keys.append(entry.blob);
    }
    return keys;
}

KnownHosts::Match KnownHosts::checkKey(const QString &host, int port, const QByteArray &blob) const
{
    return check(host, port, keyTypeOfBlob(blob),
                 QCryptographicHash::hash(blob, QCryptographicHash::Sha256));
}

QString KnownHosts::hostName(const QString &host, int port)
{
    if (port <= 0 || port == 22)
        return host;
    return QStringLiteral("[%1]:%2").arg(host).arg(port);
}

QString KnownHosts::fingerprintFromDigest(const QByteArray &sha256)
{
    QByteArray b64 = sha256.toBase64();
    while (b64.endsWith('='))
        b64.chop(1);
    return QStringLiteral("SHA256:") + QString::fromLatin1(b64);
}

QString KnownHosts::fingerprint(const QByteArray &blob)
{
    return fingerprintFromDigest(QCryptographicHash::hash(blob, QCryptographicHash::Sha256));
}

QString KnownHosts::keyTypeOfBlob(const QByteArray &blob)
{
    // SSH wire format: uint32 big-endian length, then the type name.
    if (blob.size() < 4)
        return {};
    const auto *p = reinterpret_cast<const unsigned char *>(blob.constData());
    const quint32 length =
        (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
    if (length == 0 || length > 64 || qsizetype(length) + 4 > blob.size())
        return {};
    return QString::fromLatin1(blob.mid(4, int(length)));
}

GitResult<GitDone> KnownHosts::append(const QString &path, const QString &host, int port,
                                      const QByteArray &blob)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    const bool existed = file.exists();
    if (!file.open(QIODevice::Append | QIODevice::Text))
        return GitError(GitErrorKind::Failed,
                        GitText::tr("cannot write %1: %2")
                            .arg(QDir::toNativeSeparators(path), file.errorString()));
    if (!existed)
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QByteArray line = hostName(host, port).toUtf8() + ' ' + keyTypeOfBlob(blob).toLatin1() +
                            ' ' + blob.toBase64() + '\n';
    file.write(line);
    return GitDone{};
}

} // namespace Fluxdesk
