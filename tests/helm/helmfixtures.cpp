#include "helmfixtures.h"

#include "kube/helmreleaserecord.h"

#include <zlib.h>

namespace Fluxdesk::Testing {

QJsonObject helmReleaseJson(const QString &name, const QString &ns, int revision,
                            const QString &status, const QString &chart,
                            const QString &chartVersion, const QJsonObject &config,
                            const QJsonObject &chartDefaults)
{
    const QJsonObject metadata{{QStringLiteral("name"), chart},
                               {QStringLiteral("version"), chartVersion},
                               {QStringLiteral("appVersion"), QStringLiteral("1.0.0")},
                               {QStringLiteral("apiVersion"), QStringLiteral("v2")}};
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("namespace"), ns},
        {QStringLiteral("version"), revision},
        {QStringLiteral("info"), QJsonObject{{QStringLiteral("status"), status},
                                             {QStringLiteral("last_deployed"),
                                              QStringLiteral("2026-01-10T08:00:00.123456789Z")}}},
        {QStringLiteral("chart"), QJsonObject{{QStringLiteral("metadata"), metadata},
                                              {QStringLiteral("values"), chartDefaults}}},
        {QStringLiteral("config"), config},
        {QStringLiteral("manifest"), QStringLiteral("---\nkind: ConfigMap\n")}};
}

namespace {

QJsonObject recordMeta(const QString &name, const QString &ns, int revision, const QString &status)
{
    return QJsonObject{{QStringLiteral("name"),
                        QStringLiteral("sh.helm.release.v1.%1.v%2").arg(name).arg(revision)},
                       {QStringLiteral("namespace"), ns},
                       {QStringLiteral("labels"),
                        QJsonObject{{QStringLiteral("name"), name},
                                    {QStringLiteral("owner"), QStringLiteral("helm")},
                                    {QStringLiteral("status"), status},
                                    {QStringLiteral("version"), QString::number(revision)}}}};
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

QJsonObject helmReleaseSecretWithPayload(const QString &name, const QString &ns, int revision,
                                         const QByteArray &helmPayload)
{
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Secret")},
        {QStringLiteral("type"), QStringLiteral("helm.sh/release.v1")},
        {QStringLiteral("metadata"), recordMeta(name, ns, revision, QStringLiteral("unknown"))},
        {QStringLiteral("data"),
         QJsonObject{{QStringLiteral("release"), QString::fromLatin1(helmPayload.toBase64())}}}};
}

QJsonObject helmReleaseSecret(const QJsonObject &releaseJson)
{
    const QString name = str(releaseJson, "name");
    const QString ns = str(releaseJson, "namespace");
    const int revision = releaseJson.value(QLatin1String("version")).toInt();
    QJsonObject secret =
        helmReleaseSecretWithPayload(name, ns, revision, encodeHelmReleasePayload(releaseJson));
    secret.insert(QStringLiteral("metadata"),
                  recordMeta(name, ns, revision,
                             str(releaseJson.value(QLatin1String("info")).toObject(), "status")));
    return secret;
}

QJsonObject helmReleaseConfigMap(const QJsonObject &releaseJson)
{
    const QString name = str(releaseJson, "name");
    const QString ns = str(releaseJson, "namespace");
    const int revision = releaseJson.value(QLatin1String("version")).toInt();
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
        {QStringLiteral("metadata"),
         recordMeta(name, ns, revision,
                    str(releaseJson.value(QLatin1String("info")).toObject(), "status"))},
        {QStringLiteral("data"),
         QJsonObject{{QStringLiteral("release"),
                      QString::fromLatin1(encodeHelmReleasePayload(releaseJson))}}}};
}

QByteArray gzipData(const QByteArray &data)
{
    z_stream s{};
    deflateInit2(&s, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&s, uLong(data.size()))) + 64, Qt::Uninitialized);
    s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    s.avail_in = uInt(data.size());
    s.next_out = reinterpret_cast<Bytef *>(out.data());
    s.avail_out = uInt(out.size());
    deflate(&s, Z_FINISH);
    out.resize(int(s.total_out));
    deflateEnd(&s);
    return out;
}

} // namespace Fluxdesk::Testing
