#include "kube/helmreleaserecord.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QtTest>

#include <zlib.h>

#include <optional>

using namespace Fluxdesk;

namespace {

QJsonObject releaseJson(const QString &name, int revision, const QString &status)
{
    QJsonObject metadata{{QStringLiteral("name"), QStringLiteral("loki")},
                         {QStringLiteral("version"), QStringLiteral("6.21.0")},
                         {QStringLiteral("appVersion"), QStringLiteral("3.3.0")}};
    QJsonObject chart{{QStringLiteral("metadata"), metadata},
                      {QStringLiteral("values"), QJsonObject{{QStringLiteral("replicas"), 3}}}};
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("namespace"), QStringLiteral("logging")},
        {QStringLiteral("version"), revision},
        {QStringLiteral("info"),
         QJsonObject{{QStringLiteral("status"), status},
                     {QStringLiteral("last_deployed"),
                      QStringLiteral("2025-07-02T18:05:44.667788990+02:00")}}},
        {QStringLiteral("chart"), chart},
        {QStringLiteral("config"),
         QJsonObject{{QStringLiteral("persistence"),
                      QJsonObject{{QStringLiteral("size"), QStringLiteral("200Gi")}}}}},
        {QStringLiteral("manifest"), QStringLiteral("---\nkind: Service\n")}};
}

// gzip with the same wrapper Helm's Go code writes.
QByteArray gzip(const QByteArray &data)
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

QJsonObject secretOf(const QString &name, const QByteArray &helmPayload,
                     const QString &type = QStringLiteral("helm.sh/release.v1"))
{
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Secret")},
        {QStringLiteral("type"), type},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name},
                     {QStringLiteral("namespace"), QStringLiteral("logging")}}},
        {QStringLiteral("data"),
         QJsonObject{{QStringLiteral("release"), QString::fromLatin1(helmPayload.toBase64())}}}};
}

QJsonObject configMapOf(const QString &name, const QByteArray &helmPayload)
{
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name},
                     {QStringLiteral("namespace"), QStringLiteral("logging")},
                     {QStringLiteral("labels"),
                      QJsonObject{{QStringLiteral("owner"), QStringLiteral("helm")}}}}},
        {QStringLiteral("data"),
         QJsonObject{{QStringLiteral("release"), QString::fromLatin1(helmPayload)}}}};
}

HelmRelease rel(const QString &ns, const QString &name, int revision, const QString &status)
{
    HelmRelease r;
    r.ns = ns;
    r.name = name;
    r.revision = revision;
    r.status = status;
    return r;
}

} // namespace

class TestHelmRelease : public QObject
{
    Q_OBJECT

private slots:
    void decodesSecret()
    {
        const QByteArray payload = encodeHelmReleasePayload(
            releaseJson(QStringLiteral("loki"), 2, QStringLiteral("deployed")));
        // Helm's payload is base64 of a gzip stream.
        const QByteArray raw = QByteArray::fromBase64(payload);
        QCOMPARE(uchar(raw.at(0)), uchar(0x1f));
        QCOMPARE(uchar(raw.at(1)), uchar(0x8b));

        const Result<HelmRelease> r = decodeHelmReleaseObject(
            secretOf(QStringLiteral("sh.helm.release.v1.loki.v2"), payload));
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->name, QStringLiteral("loki"));
        QCOMPARE(r->ns, QStringLiteral("logging"));
        QCOMPARE(r->revision, 2);
        QCOMPARE(r->status, QStringLiteral("deployed"));
        QCOMPARE(r->chartName, QStringLiteral("loki"));
        QCOMPARE(r->chartVersion, QStringLiteral("6.21.0"));
        QCOMPARE(r->appVersion, QStringLiteral("3.3.0"));
        QCOMPARE(r->values.value(QLatin1String("persistence"))
                     .toObject()
                     .value(QLatin1String("size"))
                     .toString(),
                 QStringLiteral("200Gi"));
        QCOMPARE(r->chartValues.value(QLatin1String("replicas")).toInt(), 3);
        QCOMPARE(r->manifest, QStringLiteral("---\nkind: Service\n"));
        QCOMPARE(r->storageObject, QStringLiteral("sh.helm.release.v1.loki.v2"));
        QVERIFY(r->lastDeployed.isValid());
        QCOMPARE(r->lastDeployed.toUTC(),
                 QDateTime(QDate(2025, 7, 2), QTime(16, 5, 44, 667), Qt::UTC));
    }

    void decodesConfigMapDriver()
    {
        const QByteArray payload =
            gzip(QJsonDocument(releaseJson(QStringLiteral("eg"), 1, QStringLiteral("deployed")))
                     .toJson())
                .toBase64();
        const Result<HelmRelease> r = decodeHelmReleaseObject(
            configMapOf(QStringLiteral("sh.helm.release.v1.eg.v1"), payload));
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->name, QStringLiteral("eg"));
        QCOMPARE(r->storageObject, QStringLiteral("sh.helm.release.v1.eg.v1"));
    }

    void decodesPlainJson()
    {
        const QByteArray payload =
            QJsonDocument(releaseJson(QStringLiteral("tempo"), 4, QStringLiteral("failed")))
                .toJson()
                .toBase64();
        const Result<HelmRelease> r = decodeHelmReleasePayload(payload);
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->name, QStringLiteral("tempo"));
        QCOMPARE(r->revision, 4);
        QCOMPARE(r->status, QStringLiteral("failed"));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("helmPayload");
        QTest::addColumn<QString>("expected");
        QTest::addRow("bad base64") << QByteArray("!!not base64!!") << QStringLiteral("base64");
        QTest::addRow("empty") << QByteArray() << QStringLiteral("missing");
        QByteArray corrupt = gzip(QByteArray(4000, 'x'));
        corrupt[corrupt.size() / 2] = char(corrupt.at(corrupt.size() / 2) ^ 0x5a);
        corrupt[12] = char(0xff);
        QTest::addRow("bad gzip") << corrupt.toBase64() << QStringLiteral("gzip");
        QTest::addRow("truncated gzip")
            << gzip(QJsonDocument(releaseJson(QStringLiteral("a"), 1, {})).toJson())
                   .left(20)
                   .toBase64()
            << QStringLiteral("gzip");
        QTest::addRow("bad json") << gzip("{\"name\": ").toBase64() << QStringLiteral("JSON");
        QTest::addRow("no name")
            << gzip(R"({"version": 1, "info": {"status": "deployed"}})").toBase64()
            << QStringLiteral("no name");
    }

    void malformed()
    {
        QFETCH(QByteArray, helmPayload);
        QFETCH(QString, expected);
        const QJsonObject secret =
            secretOf(QStringLiteral("sh.helm.release.v1.broken.v3"), helmPayload);
        const Result<HelmRelease> r = decodeHelmReleaseObject(secret);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(expected), qPrintable(r.error().message));
        // The error names the storage object so the user can find it.
        QVERIFY2(r.error().message.contains(QLatin1String("logging/sh.helm.release.v1.broken.v3")),
                 qPrintable(r.error().message));
    }

    void secretLayerMustBeBase64()
    {
        QJsonObject secret = secretOf(QStringLiteral("sh.helm.release.v1.x.v1"), QByteArray("x"));
        QJsonObject data{{QStringLiteral("release"), QStringLiteral("%%%")}};
        secret.insert(QStringLiteral("data"), data);
        const Result<HelmRelease> r = decodeHelmReleaseObject(secret);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QLatin1String("Secret")),
                 qPrintable(r.error().message));
    }

    void gzipBombFailsFast()
    {
        // 80 MiB of zeros compresses to ~80 KiB; the cap must stop it long before.
        const QByteArray zeros(80 * 1024 * 1024, '\0');
        const QByteArray bomb = gzip(zeros).toBase64();
        HelmDecodeLimits limits;
        limits.maxDecompressedBytes = 1024 * 1024;
        QElapsedTimer timer;
        timer.start();
        const Result<HelmRelease> r = decodeHelmReleasePayload(bomb, limits);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QLatin1String("1048576")),
                 qPrintable(r.error().message));
        QVERIFY(timer.elapsed() < 5000);
        // The default limit (64 MiB) refuses it too.
        QVERIFY(!decodeHelmReleasePayload(bomb).ok());
    }

    void totalBudgetStopsDecoding_data()
    {
        QTest::addColumn<qint64>("budget");
        QTest::addColumn<int>("decoded");
        QTest::addColumn<QString>("problem"); // "": none
        // Five records of about 200 KiB of JSON each (a few KiB gzipped).
        QTest::addRow("under the default budget") << qint64(0) << 5 << QString();
        QTest::addRow("budget of 500 KiB")
            << qint64(500 * 1024) << 2
            << QStringLiteral("more than 500 KiB in all, the most Fluxdesk decodes for one "
                              "cluster: Secret logging/sh.helm.release.v1.big.v3 and the 2 "
                              "records after it were not decoded");
        QTest::addRow("spent on the last record")
            << qint64(900 * 1024) << 4
            << QStringLiteral("Secret logging/sh.helm.release.v1.big.v5 was not decoded");
    }

    void totalBudgetStopsDecoding()
    {
        QFETCH(qint64, budget);
        QFETCH(int, decoded);
        QFETCH(QString, problem);
        QList<QJsonObject> records;
        for (int i = 1; i <= 5; ++i) {
            QJsonObject release = releaseJson(QStringLiteral("big"), i, QStringLiteral("deployed"));
            release.insert(QStringLiteral("manifest"), QString(200 * 1024, QLatin1Char('x')));
            records << secretOf(QStringLiteral("sh.helm.release.v1.big.v%1").arg(i),
                                encodeHelmReleasePayload(release));
        }
        HelmDecodeLimits limits; // the seam: the default budget is 512 MiB
        if (budget > 0)
            limits.maxTotalDecompressedBytes = budget;
        HelmRecordDecoder decoder(limits);
        int ok = 0;
        for (const QJsonObject &record : std::as_const(records)) {
            const std::optional<Result<HelmRelease>> release = decoder.decode(record);
            if (!release)
                continue;
            QVERIFY2(release->ok(), qPrintable(release->error().toString()));
            ++ok;
        }
        QCOMPARE(ok, decoded);
        QCOMPARE(decoder.skipped(), 5 - decoded);
        // Never much past the budget: the record that would pass it stops within one chunk.
        QVERIFY(decoder.decompressedBytes() <= limits.maxTotalDecompressedBytes + 64 * 1024);
        const Error error = decoder.skippedError();
        if (problem.isEmpty())
            QVERIFY2(error.message.isEmpty(), qPrintable(error.message));
        else
            QVERIFY2(error.message.contains(problem), qPrintable(error.message));
    }

    void recognisesRecords_data()
    {
        QTest::addColumn<QJsonObject>("object");
        QTest::addColumn<bool>("record");
        QTest::addRow("secret by type") << secretOf(QStringLiteral("anything"), "x") << true;
        QTest::addRow("secret by name and owner label") << [] {
            QJsonObject s =
                secretOf(QStringLiteral("sh.helm.release.v1.a.v1"), "x", QStringLiteral("Opaque"));
            QJsonObject meta = s.value(QLatin1String("metadata")).toObject();
            meta.insert(QStringLiteral("labels"),
                        QJsonObject{{QStringLiteral("owner"), QStringLiteral("helm")}});
            s.insert(QStringLiteral("metadata"), meta);
            return s;
        }() << true;
        QTest::addRow("opaque secret")
            << secretOf(QStringLiteral("sh.helm.release.v1.a.v1"), "x", QStringLiteral("Opaque"))
            << false;
        QTest::addRow("configmap")
            << configMapOf(QStringLiteral("sh.helm.release.v1.a.v1"), "x") << true;
        QTest::addRow("configmap other name")
            << configMapOf(QStringLiteral("settings"), "x") << false;
    }

    void recognisesRecords()
    {
        QFETCH(QJsonObject, object);
        QFETCH(bool, record);
        QCOMPARE(isHelmReleaseRecord(object), record);
    }

    void currentRevision()
    {
        const QString d = QStringLiteral("deployed");
        const QString s = QStringLiteral("superseded");
        const QString f = QStringLiteral("failed");
        const QList<HelmRelease> revisions = {
            rel(QStringLiteral("logging"), QStringLiteral("loki"), 1, s),
            rel(QStringLiteral("logging"), QStringLiteral("loki"), 3, f), // failed upgrade
            rel(QStringLiteral("logging"), QStringLiteral("loki"), 2, d),
            rel(QStringLiteral("logging"), QStringLiteral("alloy"), 1, s),
            rel(QStringLiteral("logging"), QStringLiteral("alloy"), 2, f),
            rel(QStringLiteral("apps"), QStringLiteral("loki"), 7, d),
        };
        const QList<HelmRelease> current = currentReleases(revisions);
        QCOMPARE(current.size(), 3);
        QCOMPARE(current.at(0).ns, QStringLiteral("apps"));
        QCOMPARE(current.at(0).revision, 7);
        QCOMPARE(current.at(1).name, QStringLiteral("alloy"));
        QCOMPARE(current.at(1).revision, 2); // none deployed: the latest whatever its status
        QCOMPARE(current.at(1).status, f);
        QCOMPARE(current.at(2).name, QStringLiteral("loki"));
        QCOMPARE(current.at(2).revision, 2); // deployed beats a later failed revision
        QVERIFY(currentReleases({}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHelmRelease)
#include "tst_helmrelease.moc"
