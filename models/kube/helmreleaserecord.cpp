#include "helmreleaserecord.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QMap>

#include <zlib.h>

#include <algorithm>
#include <memory>

namespace Fluxdesk {

namespace {

const char releasePrefix[] = "sh.helm.release.v1.";

// Strict base64: QByteArray::fromBase64 silently skips garbage, which would hide a corrupt record.
std::optional<QByteArray> strictBase64(const QByteArray &text)
{
    QByteArray compact;
    compact.reserve(text.size());
    for (const char c : text) {
        if (c == '\n' || c == '\r' || c == ' ' || c == '\t')
            continue;
        const bool valid = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                           (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=';
        if (!valid)
            return std::nullopt;
        compact.append(c);
    }
    if (compact.size() % 4 != 0)
        return std::nullopt;
    const qsizetype pad = compact.indexOf('=');
    if (pad >= 0 &&
        (compact.size() - pad > 2 || compact.mid(pad).count('=') != compact.size() - pad))
        return std::nullopt;
    return QByteArray::fromBase64(compact);
}

// produced: the bytes inflated, also when it fails (past maxBytes it is more than maxBytes).
Result<QByteArray> gunzip(const QByteArray &data, qsizetype maxBytes, qint64 *produced)
{
    z_stream stream{};
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK)
        return Error(QCoreApplication::translate("HelmRelease", "cannot initialise zlib"));
    const std::unique_ptr<z_stream, int (*)(z_streamp)> guard(&stream, inflateEnd);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    QByteArray out;
    char buffer[64 * 1024];
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        stream.next_out = reinterpret_cast<Bytef *>(buffer);
        stream.avail_out = sizeof buffer;
        rc = inflate(&stream, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END)
            return Error(QCoreApplication::translate("HelmRelease", "the gzip data is corrupt"));
        const qsizetype chunk = qsizetype(sizeof buffer - stream.avail_out);
        *produced = out.size() + chunk;
        if (out.size() + chunk > maxBytes)
            return Error(QCoreApplication::translate(
                             "HelmRelease", "the release decompresses to more than %1 bytes")
                             .arg(maxBytes));
        out.append(buffer, chunk);
        if (rc == Z_OK && chunk == 0 && stream.avail_in == 0)
            return Error(QCoreApplication::translate("HelmRelease", "the gzip data is truncated"));
    }
    return out;
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

// Go writes RFC 3339 with up to nine fraction digits, which Qt's ISO parser does not take.
QDateTime parseGoTime(QString text)
{
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    if (dot > 0) {
        qsizetype end = dot + 1;
        while (end < text.size() && text.at(end).isDigit())
            ++end;
        if (end - dot - 1 > 3)
            text.remove(dot + 4, end - dot - 4);
    }
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

Result<HelmRelease> releaseFromJson(const QByteArray &json)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error(QCoreApplication::translate("HelmRelease", "the release is not valid JSON: %1")
                         .arg(parseError.errorString()));
    const QJsonObject o = doc.object();
    HelmRelease r;
    r.name = str(o, "name");
    if (r.name.isEmpty())
        return Error(QCoreApplication::translate("HelmRelease", "the release has no name"));
    r.ns = str(o, "namespace");
    r.revision = o.value(QLatin1String("version")).toInt();
    const QJsonObject info = o.value(QLatin1String("info")).toObject();
    r.status = str(info, "status");
    r.lastDeployed = parseGoTime(str(info, "last_deployed"));
    const QJsonObject chart = o.value(QLatin1String("chart")).toObject();
    const QJsonObject metadata = chart.value(QLatin1String("metadata")).toObject();
    r.chartName = str(metadata, "name");
    r.chartVersion = str(metadata, "version");
    r.appVersion = str(metadata, "appVersion");
    r.chartValues = chart.value(QLatin1String("values")).toObject();
    for (const QJsonValue &file : chart.value(QLatin1String("files")).toArray()) {
        const QJsonObject f = file.toObject();
        if (str(f, "name").startsWith(QLatin1String("crds/")))
            r.crdFiles.append(QByteArray::fromBase64(str(f, "data").toLatin1()));
    }
    r.values = o.value(QLatin1String("config")).toObject();
    r.manifest = str(o, "manifest");
    return r;
}

// decompressed: the bytes of JSON the payload came to (or inflated before it failed).
Result<HelmRelease> decodePayload(const QByteArray &helmBase64, const HelmDecodeLimits &limits,
                                  qint64 *decompressed)
{
    *decompressed = 0;
    const std::optional<QByteArray> raw = strictBase64(helmBase64);
    if (!raw || raw->isEmpty())
        return Error(QCoreApplication::translate("HelmRelease", "the release is not valid base64"));
    QByteArray json = *raw;
    // Helm gzips what it writes but reads plain JSON too; the gzip magic tells them apart.
    if (json.size() >= 2 && uchar(json.at(0)) == 0x1f && uchar(json.at(1)) == 0x8b) {
        Result<QByteArray> inflated = gunzip(json, limits.maxDecompressedBytes, decompressed);
        if (!inflated)
            return inflated.error();
        json = inflated.value();
    } else {
        *decompressed = json.size();
        if (json.size() > limits.maxDecompressedBytes)
            return Error(
                QCoreApplication::translate("HelmRelease", "the release is larger than %1 bytes")
                    .arg(limits.maxDecompressedBytes));
    }
    return releaseFromJson(json);
}

// "Secret ns/name": how errors name a record.
QString recordName(const QJsonObject &object)
{
    const QJsonObject meta = object.value(QLatin1String("metadata")).toObject();
    return object.value(QLatin1String("kind")).toString() + QLatin1Char(' ') +
           meta.value(QLatin1String("namespace")).toString() + QLatin1Char('/') +
           meta.value(QLatin1String("name")).toString();
}

Result<HelmRelease> decodeObject(const QJsonObject &object, const HelmDecodeLimits &limits,
                                 qint64 *decompressed)
{
    *decompressed = 0;
    const QJsonObject meta = object.value(QLatin1String("metadata")).toObject();
    const QString kind = object.value(QLatin1String("kind")).toString();
    const QString where = recordName(object);
    const auto fail = [&where](const QString &why) {
        return Error(QCoreApplication::translate("HelmRelease", "Helm release record %1: %2")
                         .arg(where, why));
    };
    if (!isHelmReleaseRecord(object))
        return fail(QCoreApplication::translate("HelmRelease", "not a Helm release record"));
    const QJsonValue release =
        object.value(QLatin1String("data")).toObject().value(QLatin1String("release"));
    if (!release.isString() || release.toString().isEmpty())
        return fail(QCoreApplication::translate("HelmRelease", "data.release is missing"));
    QByteArray payload = release.toString().toLatin1();
    if (kind == QLatin1String("Secret")) {
        // The API returns Secret data base64-encoded; Helm's own base64 is inside.
        const std::optional<QByteArray> inner = strictBase64(payload);
        if (!inner)
            return fail(QCoreApplication::translate("HelmRelease",
                                                    "the Secret's data is not valid base64"));
        payload = *inner;
    }
    Result<HelmRelease> decoded = decodePayload(payload, limits, decompressed);
    if (!decoded)
        return fail(decoded.error().message);
    HelmRelease r = std::move(decoded).value();
    r.storageObject = meta.value(QLatin1String("name")).toString();
    if (r.ns.isEmpty())
        r.ns = meta.value(QLatin1String("namespace")).toString();
    return r;
}

} // namespace

Result<HelmRelease> decodeHelmReleasePayload(const QByteArray &helmBase64,
                                             const HelmDecodeLimits &limits)
{
    qint64 decompressed = 0;
    return decodePayload(helmBase64, limits, &decompressed);
}

bool isHelmReleaseRecord(const QJsonObject &object)
{
    const QString apiVersion = object.value(QLatin1String("apiVersion")).toString();
    if (apiVersion != QLatin1String("v1"))
        return false;
    const QString kind = object.value(QLatin1String("kind")).toString();
    const QJsonObject meta = object.value(QLatin1String("metadata")).toObject();
    const QString name = meta.value(QLatin1String("name")).toString();
    const bool helmName = name.startsWith(QLatin1String(releasePrefix));
    if (kind == QLatin1String("Secret"))
        return object.value(QLatin1String("type")).toString() ==
                   QLatin1String("helm.sh/release.v1") ||
               (helmName &&
                meta.value(QLatin1String("labels")).toObject().value(QLatin1String("owner")) ==
                    QLatin1String("helm"));
    if (kind == QLatin1String("ConfigMap"))
        return helmName &&
               meta.value(QLatin1String("labels")).toObject().value(QLatin1String("owner")) ==
                   QLatin1String("helm");
    return false;
}

Result<HelmRelease> decodeHelmReleaseObject(const QJsonObject &object,
                                            const HelmDecodeLimits &limits)
{
    qint64 decompressed = 0;
    return decodeObject(object, limits, &decompressed);
}

std::optional<Result<HelmRelease>> HelmRecordDecoder::decode(const QJsonObject &object)
{
    if (m_skipped > 0) {
        ++m_skipped;
        return std::nullopt;
    }
    // The record's cap is what is left of the budget when that is less than its own.
    const qint64 left = m_limits.maxTotalDecompressedBytes - m_used;
    if (left <= 0) {
        m_skipped = 1;
        m_firstSkipped = recordName(object);
        return std::nullopt;
    }
    HelmDecodeLimits limits = m_limits;
    limits.maxDecompressedBytes = qsizetype(qMin<qint64>(m_limits.maxDecompressedBytes, left));
    qint64 decompressed = 0;
    Result<HelmRelease> release = decodeObject(object, limits, &decompressed);
    m_used += decompressed;
    if (!release && decompressed > limits.maxDecompressedBytes &&
        limits.maxDecompressedBytes < m_limits.maxDecompressedBytes) {
        // Not the record's fault: the budget ran out on it.
        m_skipped = 1;
        m_firstSkipped = recordName(object);
        return std::nullopt;
    }
    return release;
}

Error HelmRecordDecoder::skippedError() const
{
    if (m_skipped == 0)
        return Error();
    const QString budget = QLocale::c().formattedDataSize(m_limits.maxTotalDecompressedBytes, 0);
    if (m_skipped == 1)
        return Error(QCoreApplication::translate(
                         "HelmRelease",
                         "The Helm release records decompress to more than %1 in all, the most "
                         "Fluxdesk decodes for one cluster: %2 was not decoded")
                         .arg(budget, m_firstSkipped));
    return Error(QCoreApplication::translate(
                     "HelmRelease",
                     "The Helm release records decompress to more than %1 in all, the most "
                     "Fluxdesk decodes for one cluster: %2 and the %3 records after it were not "
                     "decoded")
                     .arg(budget, m_firstSkipped, QString::number(m_skipped - 1)));
}

QList<HelmRelease> currentReleases(const QList<HelmRelease> &revisions)
{
    using Key = std::pair<QString, QString>;
    QMap<Key, HelmRelease> best;
    const auto isDeployed = [](const HelmRelease &r) {
        return r.status == QLatin1String("deployed");
    };
    for (const HelmRelease &r : revisions) {
        const Key key{r.ns, r.name};
        auto it = best.find(key);
        if (it == best.end()) {
            best.insert(key, r);
            continue;
        }
        const HelmRelease &cur = it.value();
        const bool better =
            isDeployed(r) != isDeployed(cur) ? isDeployed(r) : r.revision > cur.revision;
        if (better)
            it.value() = r;
    }
    return best.values();
}

QByteArray encodeHelmReleasePayload(const QJsonObject &releaseJson)
{
    const QByteArray json = QJsonDocument(releaseJson).toJson(QJsonDocument::Compact);
    z_stream stream{};
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8,
                     Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    const std::unique_ptr<z_stream, int (*)(z_streamp)> guard(&stream, deflateEnd);
    QByteArray out(int(deflateBound(&stream, uLong(json.size()))) + 32, Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(json.constData()));
    stream.avail_in = uInt(json.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    if (deflate(&stream, Z_FINISH) != Z_STREAM_END)
        return {};
    out.resize(int(stream.total_out));
    return out.toBase64();
}

} // namespace Fluxdesk
