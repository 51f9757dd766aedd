#include "fluxsecret.h"

#include "deploykey.h"
#include "fluxknownhosts.h"

#include "git/knownhosts.h"

#include <QCoreApplication>
#include <QStringList>

namespace Fluxdesk {

namespace {

class FluxSecretText
{
    Q_DECLARE_TR_FUNCTIONS(Fluxdesk::FluxSecret)
};

QJsonObject secretObject(const QString &name, const QString &ns, const QJsonObject &data)
{
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Secret")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), ns}}},
        {QStringLiteral("type"), QStringLiteral("Opaque")},
        {QStringLiteral("data"), data},
    };
}

QString base64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

// "type SHA256:... comment" of an authorized_keys line; nothing when it is not one.
QString describePublicKey(const QByteArray &line)
{
    const QList<QByteArray> fields = line.trimmed().split(' ');
    if (fields.size() < 2)
        return {};
    const QByteArray blob = QByteArray::fromBase64(fields.at(1));
    const QString type = KnownHosts::keyTypeOfBlob(blob);
    if (type.isEmpty())
        return {};
    QString text = type + QLatin1Char(' ') + KnownHosts::fingerprint(blob);
    if (fields.size() > 2)
        text += QLatin1Char(' ') + QString::fromUtf8(fields.mid(2).join(' '));
    return text;
}

QStringList describeKnownHosts(const QByteArray &text)
{
    QStringList lines;
    for (const QByteArray &raw : text.split('\n')) {
        const QList<QByteArray> fields = raw.simplified().split(' ');
        if (fields.size() < 3 || fields.at(0).startsWith('#'))
            continue;
        const QByteArray blob = QByteArray::fromBase64(fields.at(2));
        lines.append(QStringLiteral("%1 %2 %3")
                         .arg(QString::fromUtf8(fields.at(0)), QString::fromLatin1(fields.at(1)),
                              KnownHosts::fingerprint(blob)));
    }
    return lines;
}

} // namespace

QJsonObject fluxSshSecret(const DeployKey &key, const FluxKnownHosts &knownHosts,
                          const QString &name, const QString &ns)
{
    QByteArray privateBase64 = key.privateKey.toBase64();
    const QJsonObject data{
        {QStringLiteral("identity"), QString::fromLatin1(privateBase64)},
        {QStringLiteral("identity.pub"), base64(key.publicKey.toUtf8() + '\n')},
        {QStringLiteral("known_hosts"), base64(knownHosts.text)},
    };
    wipeSecret(privateBase64);
    return secretObject(name, ns, data);
}

QJsonObject fluxTokenSecret(const QString &username, const QString &token, const QString &name,
                            const QString &ns)
{
    QByteArray tokenBytes = token.toUtf8();
    QByteArray tokenBase64 = tokenBytes.toBase64();
    const QJsonObject data{
        {QStringLiteral("username"), base64(username.toUtf8())},
        {QStringLiteral("password"), QString::fromLatin1(tokenBase64)},
    };
    wipeSecret(tokenBytes);
    wipeSecret(tokenBase64);
    return secretObject(name, ns, data);
}

QString describeFluxSecret(const QJsonObject &secret)
{
    const QJsonObject metadata = secret.value(QLatin1String("metadata")).toObject();
    QStringList lines;
    lines.append(FluxSecretText::tr("Secret %1 in namespace %2:")
                     .arg(metadata.value(QLatin1String("name")).toString(),
                          metadata.value(QLatin1String("namespace")).toString()));
    const QJsonObject data = secret.value(QLatin1String("data")).toObject();
    for (auto it = data.constBegin(); it != data.constEnd(); ++it) {
        const QString key = it.key();
        const QByteArray value = QByteArray::fromBase64(it.value().toString().toLatin1());
        QString what;
        if (key == QLatin1String("identity.pub")) {
            what = describePublicKey(value);
        } else if (key == QLatin1String("known_hosts")) {
            const QStringList hosts = describeKnownHosts(value);
            what = hosts.isEmpty() ? FluxSecretText::tr("no host keys")
                                   : hosts.join(QLatin1String("; "));
        } else if (key == QLatin1String("username")) {
            what = QString::fromUtf8(value);
        } else if (key == QLatin1String("identity")) {
            what = FluxSecretText::tr("the private SSH key (hidden)");
        } else if (key == QLatin1String("password")) {
            what = FluxSecretText::tr("the token (hidden)");
        }
        if (what.isEmpty())
            what = FluxSecretText::tr("(hidden)");
        lines.append(QStringLiteral("  %1: %2").arg(key, what));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace Fluxdesk
