// Helm release records -> Flux source + HelmRelease: revisions, states, values, OCI vs HTTP,
// credentials, the demo cluster, and a structural check of everything generated.
#include "helmfixtures.h"
#include "schemacheck.h"

#include "helm/helmreleasegenerator.h"
#include "helm/migrationguide.h"
#include "kube/inventory.h"
#include "kube/snapshot.h"
#include "manifest/yamljson.h"
#include "manifest/yamlwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// A context that ignores the developer's own Helm client: only the built-in catalog.
ChartSourceContext catalogOnly()
{
    return ChartSourceContext();
}

QJsonValue at(const QJsonObject &object, const QString &dottedPath)
{
    QJsonValue v = object;
    for (const QString &key : dottedPath.split(QLatin1Char('.')))
        v = v.toObject().value(key);
    return v;
}

std::optional<HelmRelease> releaseIn(const Inventory &inventory, const QString &ns,
                                     const QString &name)
{
    for (const HelmRelease &r : inventory.helmReleases()) {
        if (r.ns == ns && r.name == name)
            return r;
    }
    return std::nullopt;
}

HelmConversion convertOrFail(const HelmRelease &release,
                             const ChartSourceContext &context = catalogOnly(),
                             const HelmConversionOptions &options = {})
{
    const Result<HelmConversion> c =
        convertHelmRelease(release, resolveChartSource(release, context), options);
    if (!c)
        qWarning("%s", qPrintable(c.error().toString()));
    return c ? c.value() : HelmConversion();
}

QJsonObject lokiValues(const char *size)
{
    return QJsonObject{
        {s("deploymentMode"), s("SingleBinary")},
        {s("singleBinary"),
         QJsonObject{{s("replicas"), 1}, {s("persistence"), QJsonObject{{s("size"), s(size)}}}}}};
}

} // namespace

class TestHelmConversion : public QObject
{
    Q_OBJECT

    SchemaSet m_schemas;

    // Fails the test on any structural violation of a generated object.
    void checkSchema(const QList<QJsonObject> &objects)
    {
        for (const QJsonObject &object : objects) {
            const QStringList errors = m_schemas.validate(object);
            QVERIFY2(errors.isEmpty(), qPrintable(toYaml(object) + errors.join(QLatin1Char('\n'))));
        }
    }

private slots:
    void initTestCase()
    {
        const Result<SchemaSet> loaded =
            SchemaSet::load(QStringLiteral(FLUXDESK_TEST_DATA "/flux-schema"));
        QVERIFY2(loaded.ok(), qPrintable(loaded.error().toString()));
        m_schemas = *loaded;
    }

    void demoReleases_data()
    {
        QTest::addColumn<QString>("ns");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("sourceKind");
        QTest::addColumn<QString>("sourceName");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("crds");
        QTest::addRow("eg") << s("envoy-gateway-system") << s("eg") << s("OCIRepository")
                            << s("gateway-helm") << s("oci://docker.io/envoyproxy/gateway-helm")
                            << s("v1.4.6") << true;
        QTest::addRow("grafana") << s("logging") << s("grafana") << s("HelmRepository")
                                 << s("grafana-community")
                                 << s("https://grafana-community.github.io/helm-charts")
                                 << s("10.2.0") << false;
        QTest::addRow("loki") << s("logging") << s("loki") << s("HelmRepository")
                              << s("grafana-community")
                              << s("https://grafana-community.github.io/helm-charts") << s("6.21.0")
                              << false;
        QTest::addRow("tempo") << s("logging") << s("tempo") << s("HelmRepository")
                               << s("grafana-community")
                               << s("https://grafana-community.github.io/helm-charts")
                               << s("1.24.1") << false;
        QTest::addRow("alloy") << s("logging") << s("alloy") << s("HelmRepository") << s("grafana")
                               << s("https://grafana.github.io/helm-charts") << s("1.4.0") << false;
    }

    void demoReleases()
    {
        QFETCH(QString, ns);
        QFETCH(QString, name);
        QFETCH(QString, sourceKind);
        QFETCH(QString, sourceName);
        QFETCH(QString, url);
        QFETCH(QString, version);
        QFETCH(bool, crds);
        Inventory inventory;
        inventory.addObjects(demoClusterObjects());
        QCOMPARE(inventory.helmReleases().size(), 6); // the five and K3s's traefik
        const std::optional<HelmRelease> release = releaseIn(inventory, ns, name);
        QVERIFY(release.has_value());
        const HelmConversion c = convertOrFail(*release);
        QVERIFY(!c.helmRelease.isEmpty());

        QCOMPARE(at(c.source, s("kind")).toString(), sourceKind);
        QCOMPARE(at(c.source, s("apiVersion")).toString(), s("source.toolkit.fluxcd.io/v1"));
        QCOMPARE(at(c.source, s("metadata.name")).toString(), sourceName);
        QCOMPARE(at(c.source, s("metadata.namespace")).toString(), s("flux-system"));
        QCOMPARE(at(c.source, s("spec.url")).toString(), url);
        QCOMPARE(c.sourcePath, s("infrastructure/sources/") + sourceName + QLatin1Char('-') +
                                   sourceKind.toLower() + s(".yaml"));

        const QJsonObject &hr = c.helmRelease;
        QCOMPARE(at(hr, s("apiVersion")).toString(), s("helm.toolkit.fluxcd.io/v2"));
        QCOMPARE(at(hr, s("metadata.name")).toString(), name);
        QCOMPARE(at(hr, s("metadata.namespace")).toString(), ns);
        QCOMPARE(at(hr, s("spec.releaseName")).toString(), name);
        QVERIFY(!at(hr, s("spec")).toObject().contains(s("targetNamespace")));
        QVERIFY(!at(hr, s("spec")).toObject().contains(s("storageNamespace")));
        QCOMPARE(at(hr, s("spec.install.remediation.retries")).toInt(), 3);
        QCOMPARE(at(hr, s("spec.upgrade.remediation.retries")).toInt(), 3);
        QCOMPARE(at(hr, s("spec.install.crds")).toString(), crds ? s("CreateReplace") : QString());
        QCOMPARE(at(hr, s("spec.upgrade.crds")).toString(), crds ? s("CreateReplace") : QString());
        // Exactly the user-supplied values, nothing from the chart's defaults.
        QCOMPARE(at(hr, s("spec.values")).toObject(), release->values);
        QVERIFY(!release->chartValues.isEmpty());
        QVERIFY(at(hr, s("spec.values")).toObject() != release->chartValues);

        if (sourceKind == s("OCIRepository")) {
            QCOMPARE(at(c.source, s("spec.ref.tag")).toString(), version);
            QCOMPARE(at(c.source, s("spec.layerSelector.mediaType")).toString(),
                     s("application/vnd.cncf.helm.chart.content.v1.tar+gzip"));
            QCOMPARE(at(c.source, s("spec.layerSelector.operation")).toString(), s("copy"));
            QCOMPARE(at(hr, s("spec.chartRef")).toObject(),
                     (QJsonObject{{s("kind"), s("OCIRepository")},
                                  {s("name"), sourceName},
                                  {s("namespace"), s("flux-system")}}));
            QVERIFY(!at(hr, s("spec")).toObject().contains(s("chart")));
        } else {
            QVERIFY(!at(c.source, s("spec")).toObject().contains(s("type"))); // never type: oci
            QCOMPARE(at(hr, s("spec.chart.spec")).toObject(),
                     (QJsonObject{{s("chart"), release->chartName},
                                  {s("version"), version},
                                  {s("sourceRef"), QJsonObject{{s("kind"), s("HelmRepository")},
                                                               {s("name"), sourceName},
                                                               {s("namespace"), s("flux-system")}}},
                                  {s("reconcileStrategy"), s("ChartVersion")},
                                  {s("interval"), s("1h")}}));
            QVERIFY(!at(hr, s("spec")).toObject().contains(s("chartRef")));
        }
        checkSchema(c.documents());
    }

    void demoLokiComesFromTheDeployedRevision()
    {
        Inventory inventory;
        inventory.addObjects(demoClusterObjects());
        const std::optional<HelmRelease> loki = releaseIn(inventory, s("logging"), s("loki"));
        QVERIFY(loki.has_value());
        QCOMPARE(loki->revision, 2);
        const HelmConversion c = convertOrFail(*loki);
        QCOMPARE(at(c.helmRelease, s("spec.values.singleBinary.persistence.size")).toString(),
                 s("200Gi")); // revision 1 had 50Gi
    }

    void revisions_data()
    {
        QTest::addColumn<QStringList>("statuses"); // revision 1, 2, ...
        QTest::addColumn<int>("revision");         // converted revision, 0 = refused
        QTest::addColumn<QString>("error");
        QTest::addRow("superseded then deployed")
            << QStringList{s("superseded"), s("deployed")} << 2 << QString();
        QTest::addRow("failed upgrade after deployed")
            << QStringList{s("superseded"), s("deployed"), s("failed")} << 2 << QString();
        QTest::addRow("pending upgrade after deployed")
            << QStringList{s("deployed"), s("pending-upgrade")} << 1 << QString();
        QTest::addRow("only failed") << QStringList{s("failed")} << 0 << s("failed");
        QTest::addRow("superseded then failed")
            << QStringList{s("superseded"), s("failed")} << 0 << s("failed (revision 2)");
        QTest::addRow("pending install")
            << QStringList{s("pending-install")} << 0 << s("pending-install");
        QTest::addRow("pending rollback")
            << QStringList{s("superseded"), s("pending-rollback")} << 0 << s("interrupted");
        QTest::addRow("uninstalling")
            << QStringList{s("uninstalling")} << 0 << s("being uninstalled");
    }

    void revisions()
    {
        QFETCH(QStringList, statuses);
        QFETCH(int, revision);
        QFETCH(QString, error);
        QList<QJsonObject> records;
        for (int i = 0; i < statuses.size(); ++i) {
            const QByteArray size = QByteArray::number(10 * (i + 1)) + "Gi";
            records.append(helmReleaseSecret(helmReleaseJson(s("loki"), s("logging"), i + 1,
                                                             statuses.at(i), s("loki"), s("6.21.0"),
                                                             lokiValues(size.constData()))));
        }
        Inventory inventory;
        inventory.addObjects(records);
        const QList<HelmRelease> releases = inventory.helmReleases();
        QCOMPARE(releases.size(), 1);
        const Result<HelmConversion> c = convertHelmRelease(
            releases.first(), resolveChartSource(releases.first(), catalogOnly()));
        if (revision == 0) {
            QVERIFY(!c.ok());
            QVERIFY2(c.error().message.contains(error), qPrintable(c.error().message));
            QVERIFY(c.error().message.contains(s("logging/loki")));
            QVERIFY(c.error().message.contains(s("Not converted")));
            return;
        }
        QVERIFY2(c.ok(), qPrintable(c.error().toString()));
        QCOMPARE(c->release.revision, revision);
        QCOMPARE(at(c->helmRelease, s("spec.values.singleBinary.persistence.size")).toString(),
                 QString::number(10 * revision) + s("Gi"));
    }

    void configMapDriverMalformedAndBomb()
    {
        const QJsonObject configMapRelease = helmReleaseConfigMap(helmReleaseJson(
            s("traefik"), s("ingress"), 1, s("deployed"), s("traefik"), s("34.1.0"),
            QJsonObject{{s("ports"), QJsonObject{{s("web"), QJsonObject{{s("port"), 8000}}}}}}));
        const QJsonObject malformed =
            helmReleaseSecretWithPayload(s("broken"), s("apps"), 1, QByteArray("%%not-base64%%"));
        const QByteArray zeros(80 * 1024 * 1024, '\0');
        const QJsonObject bomb =
            helmReleaseSecretWithPayload(s("bomb"), s("apps"), 1, gzipData(zeros).toBase64());
        const QJsonObject good = helmReleaseSecret(helmReleaseJson(
            s("cm"), s("cert-manager"), 3, s("deployed"), s("cert-manager"), s("v1.17.1"),
            QJsonObject{{s("crds"), QJsonObject{{s("enabled"), true}}}}));

        Inventory inventory;
        inventory.addObjects({configMapRelease, malformed, bomb, good});
        QCOMPARE(inventory.releaseErrors().size(), 2);
        const QList<HelmRelease> releases = inventory.helmReleases();
        QCOMPARE(releases.size(), 2);

        const HelmConversion traefik = convertOrFail(releases.at(1));
        QCOMPARE(traefik.release.name, s("traefik"));
        QCOMPARE(at(traefik.helmRelease, s("spec.values.ports.web.port")).toInt(), 8000);
        QCOMPARE(at(traefik.helmRelease, s("spec.install.crds")).toString(), s("CreateReplace"));
        QCOMPARE(at(traefik.source, s("metadata.name")).toString(), s("traefik"));
        checkSchema(traefik.documents());

        const HelmConversion cm = convertOrFail(releases.at(0));
        QCOMPARE(at(cm.source, s("spec.url")).toString(), s("https://charts.jetstack.io"));
        QCOMPARE(at(cm.helmRelease, s("spec.chart.spec.version")).toString(), s("v1.17.1"));
        QCOMPARE(at(cm.helmRelease, s("metadata.name")).toString(), s("cm"));
        QCOMPARE(at(cm.helmRelease, s("spec.releaseName")).toString(), s("cm"));
        bool crdsNote = false;
        for (const Problem &p : cm.problems)
            crdsNote = crdsNote ||
                       (p.rule == s("helm-chart-crds") && p.message.contains(s("crds.enabled")));
        QVERIFY(crdsNote);
        checkSchema(cm.documents());
    }

    void valuesAreExactlyTheConfig()
    {
        // Types YAML could change on the way: strings that look like other scalars, numbers,
        // nulls, nested lists, empty maps, keys that need quoting.
        const QJsonObject config{
            {s("zeta"), s("last")},
            {s("alpha"), QJsonObject{{s("on"), s("true")},
                                     {s("version"), s("1.10")},
                                     {s("octal"), s("010")},
                                     {s("tilde"), s("~")},
                                     {s("empty"), s("")},
                                     {s("multi"), s("line one\nline two\n")}}},
            {s("replicas"), 3},
            {s("ratio"), 0.5},
            {s("enabled"), false},
            {s("nothing"), QJsonValue::Null},
            {s("emptyMap"), QJsonObject()},
            {s("list"), QJsonArray{s("a"), 1, QJsonObject{{s("k: v"), s("#x")}}}},
            {s("annotations"), QJsonObject{{s("example.com/key"), s("yes")}}}};
        const QJsonObject json =
            helmReleaseJson(s("app"), s("apps"), 1, s("deployed"), s("in-house"), s("0.1.0"),
                            config, QJsonObject{{s("replicas"), 1}});
        // Helm's own JSON (Go sorts map keys): the order the values keep.
        const QByteArray helmJson = QJsonDocument(config).toJson(QJsonDocument::Compact);
        Inventory inventory;
        inventory.addObjects({helmReleaseSecret(json)});
        const HelmRelease release = inventory.helmReleases().first();
        QCOMPARE(release.values, config);

        const Result<HelmConversion> c =
            convertHelmRelease(release, resolveChartSource(release, catalogOnly()));
        QVERIFY(c.ok());
        QCOMPARE(at(c->helmRelease, s("spec.values")).toObject(), config);
        const QString yaml = toYamlDocuments(c->documents());
        // Read back, the values are deeply equal: same types, same strings.
        const Result<QList<YamlDocument>> parsed = parseYamlDocuments(yaml.toUtf8(), s("out.yaml"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
        QCOMPARE(parsed->size(), 1); // unknown source: only the HelmRelease
        QCOMPARE(at(parsed->first().value.toObject(), s("spec.values")).toObject(), config);
        // Key order as Helm stored it.
        qsizetype last = -1;
        for (const QString &key : config.keys()) {
            const qsizetype pos = yaml.indexOf(s("\n    ") + key);
            QVERIFY2(pos > last, qPrintable(key));
            last = pos;
        }
        QVERIFY(helmJson.indexOf("\"alpha\"") < helmJson.indexOf("\"zeta\""));
        checkSchema(c->documents());
    }

    void unknownSourceAsksTheUser()
    {
        HelmRelease r;
        r.name = s("app");
        r.ns = s("apps");
        r.status = s("deployed");
        r.revision = 4;
        r.chartName = s("in-house");
        r.chartVersion = s("0.1.0");
        const ChartSourceResolution resolution = resolveChartSource(r, catalogOnly());
        QVERIFY(resolution.needsUserChoice());
        const Result<HelmConversion> c = convertHelmRelease(r, resolution);
        QVERIFY(c.ok());
        QVERIFY(c->source.isEmpty());
        QVERIFY(c->sourcePath.isEmpty());
        QCOMPARE(c->documents().size(), 1);
        QCOMPARE(at(c->helmRelease, s("spec.chart.spec.sourceRef.name")).toString(), s("in-house"));
        QVERIFY(!at(c->helmRelease, s("spec")).toObject().contains(s("values")));
        QCOMPARE(c->problems.size(), 1);
        QCOMPARE(c->problems.first().rule, s("helm-chart-source-unknown"));
        QCOMPARE(c->problems.first().severity, Problem::Severity::Warning);
        checkSchema(c->documents());
    }

    void ociAndHttpOutput()
    {
        HelmRelease r;
        r.name = s("web");
        r.ns = s("apps");
        r.status = s("deployed");
        r.chartName = s("web");
        r.chartVersion = s("1.2.3+build.7");
        HelmConversionOptions options;
        options.helmReleaseNamespace = s("flux-system");

        ChartSourceResolution oci;
        oci.origin = ChartSourceOrigin::UserChoice;
        oci.source = {ChartSource::Type::Oci, s("ghcr"), s("oci://ghcr.io/me/charts/web")};
        Result<HelmConversion> c = convertHelmRelease(r, oci, options);
        QVERIFY(c.ok());
        const QJsonObject expectedSource{
            {s("apiVersion"), s("source.toolkit.fluxcd.io/v1")},
            {s("kind"), s("OCIRepository")},
            {s("metadata"), QJsonObject{{s("name"), s("web")}, {s("namespace"), s("flux-system")}}},
            {s("spec"),
             QJsonObject{{s("interval"), s("1h")},
                         {s("url"), s("oci://ghcr.io/me/charts/web")},
                         {s("ref"), QJsonObject{{s("tag"), s("1.2.3_build.7")}}},
                         {s("layerSelector"),
                          QJsonObject{{s("mediaType"),
                                       s("application/vnd.cncf.helm.chart.content.v1.tar+gzip")},
                                      {s("operation"), s("copy")}}}}}};
        QCOMPARE(c->source, expectedSource);
        // The HelmRelease lives in flux-system, so it must point at the running release.
        QCOMPARE(at(c->helmRelease, s("metadata.namespace")).toString(), s("flux-system"));
        QCOMPARE(at(c->helmRelease, s("spec.targetNamespace")).toString(), s("apps"));
        QCOMPARE(at(c->helmRelease, s("spec.storageNamespace")).toString(), s("apps"));
        checkSchema(c->documents());

        ChartSourceResolution http = oci;
        http.source = {ChartSource::Type::Http, s("me"), s("https://charts.example.org")};
        c = convertHelmRelease(r, http);
        QVERIFY(c.ok());
        QCOMPARE(
            c->source,
            (QJsonObject{{s("apiVersion"), s("source.toolkit.fluxcd.io/v1")},
                         {s("kind"), s("HelmRepository")},
                         {s("metadata"),
                          QJsonObject{{s("name"), s("me")}, {s("namespace"), s("flux-system")}}},
                         {s("spec"), QJsonObject{{s("interval"), s("1h")},
                                                 {s("url"), s("https://charts.example.org")}}}}));
        QCOMPARE(at(c->helmRelease, s("spec.chart.spec.version")).toString(), s("1.2.3+build.7"));
        QVERIFY(!at(c->helmRelease, s("spec")).toObject().contains(s("targetNamespace")));
        checkSchema(c->documents());
    }

    void credentialKeys_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("credential");
        for (const char *key :
             {"password", "adminPassword", "PASSWORD", "passwd", "secret", "clientSecret", "token",
              "authToken", "apiKey", "api_key", "accessKey", "secretAccessKey", "secretKey",
              "privateKey", "credentials", "s3_credentials"})
            QTest::addRow("%s", key) << s(key) << true;
        for (const char *key : {"existingSecret", "secretName", "passwordKey", "tokenKey",
                                "userKey", "adminPasswordKey", "secretRef", "passwordFile",
                                "tokenEnabled", "createSecret", "username", "replicas", "host"})
            QTest::addRow("%s", key) << s(key) << false;
    }

    void credentialKeys()
    {
        QFETCH(QString, key);
        QFETCH(bool, credential);
        QCOMPARE(looksLikeCredentialKey(key), credential);
    }

    void randomStrings_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("random");
        QTest::addRow("base64 key") << s("q8Zt3LxV0pR7mWc2YkN9bJ4hF6sD1gA5") << true;
        QTest::addRow("hex token") << s("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b") << true;
        QTest::addRow("jwt-ish") << s("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOjEyM30.Xy7Qa9") << true;
        QTest::addRow("short") << s("aB3dE5gH7") << false;
        QTest::addRow("words") << s("local-path-provisioner-config") << false;
        QTest::addRow("url") << s("https://grafana.example.org/login?x=1a2b3c4d5e") << false;
        QTest::addRow("digest") << s("sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b") << false;
        QTest::addRow("sentence") << s("Install complete 2025 with 3 replicas") << false;
        QTest::addRow("hostname") << s("loki-gateway.logging.svc.cluster.local") << false;
    }

    void randomStrings()
    {
        QFETCH(QString, text);
        QFETCH(bool, random);
        QCOMPARE(looksRandom(text), random);
    }

    void credentialsFlaggedAndMoved()
    {
        const QString secretValue = s("s3cr3t-Adm1n-pa55");
        const QJsonObject values{
            {s("adminPassword"), secretValue},
            {s("admin"), QJsonObject{{s("existingSecret"), s("grafana-admin")},
                                     {s("passwordKey"), s("admin-password")}}},
            {s("grafana.ini"),
             QJsonObject{{s("security"),
                          QJsonObject{{s("secret_key"), s("abc")}, {s("cookie_secure"), true}}}}},
            {s("sidecar"), QJsonObject{{s("token"), s("")}}}, // empty: nothing to hide
            {s("env"), QJsonArray{QJsonObject{{s("name"), s("API_TOKEN")},
                                              {s("value"), s("Zx81Lk02Qp93Mn74Rt65Vb56")}}}},
            {s("smtp"), QJsonObject{{s("user"), s("me")}, {s("password"), 12345}}},
            {s("replicas"), 2}};
        HelmRelease r;
        r.name = s("grafana");
        r.ns = s("logging");
        r.status = s("deployed");
        r.chartName = s("grafana");
        r.chartVersion = s("10.2.0");
        r.values = values;
        const HelmConversion c = convertOrFail(r);
        QVERIFY(!c.helmRelease.isEmpty());

        QStringList paths;
        for (const CredentialFinding &f : c.credentials)
            paths.append(f.path);
        QCOMPARE(paths,
                 (QStringList{s("adminPassword"), s("env[0].value"),
                              s("[\"grafana.ini\"].security.secret_key"), s("smtp.password")}));
        QCOMPARE(c.credentials.at(1).reason, CredentialFinding::Reason::RandomLooking);
        QVERIFY(!c.credentials.at(1).movable()); // inside a list
        QCOMPARE(c.credentials.at(2).targetPath, s("grafana\\.ini.security.secret_key"));

        int flagged = 0;
        for (const Problem &p : c.problems) {
            QVERIFY2(!p.message.contains(secretValue), "a Problem leaks the credential");
            if (p.rule == s("helm-values-credential")) {
                ++flagged;
                QCOMPARE(p.file, s("helmrelease/logging/grafana"));
            }
        }
        QCOMPARE(flagged, 4);

        const ValuesSecretMove move = moveCredentialsToSecret(c.helmRelease, c.credentials);
        QCOMPARE(move.moved.size(), 3);
        QCOMPARE(move.kept.size(), 1);
        QVERIFY(move.secretIsPlainText);
        const QJsonObject spec = move.helmRelease.value(s("spec")).toObject();
        const QJsonObject movedValues = spec.value(s("values")).toObject();
        QVERIFY(!movedValues.contains(s("adminPassword")));
        QVERIFY(!movedValues.contains(s("grafana.ini")) ||
                !at(movedValues.value(s("grafana.ini")).toObject(), s("security"))
                     .toObject()
                     .contains(s("secret_key")));
        QCOMPARE(at(movedValues, s("smtp")).toObject(), (QJsonObject{{s("user"), s("me")}}));
        QCOMPARE(movedValues.value(s("grafana.ini")).toObject().value(s("security")).toObject(),
                 (QJsonObject{{s("cookie_secure"), true}}));
        QCOMPARE(movedValues.value(s("env")), values.value(s("env"))); // kept as it was
        const QJsonArray valuesFrom = spec.value(s("valuesFrom")).toArray();
        QCOMPARE(valuesFrom.size(), 3);
        QCOMPARE(valuesFrom.at(0).toObject(), (QJsonObject{{s("kind"), s("Secret")},
                                                           {s("name"), s("grafana-values")},
                                                           {s("valuesKey"), s("adminPassword")},
                                                           {s("targetPath"), s("adminPassword")}}));
        QCOMPARE(at(valuesFrom.at(1).toObject(), s("targetPath")).toString(),
                 s("grafana\\.ini.security.secret_key"));
        QCOMPARE(at(move.secret, s("metadata.name")).toString(), s("grafana-values"));
        QCOMPARE(at(move.secret, s("metadata.namespace")).toString(), s("logging"));
        const QJsonObject data = move.secret.value(s("stringData")).toObject();
        QCOMPARE(data.value(s("adminPassword")).toString(), secretValue);
        QCOMPARE(data.value(s("grafana.ini.security.secret_key")).toString(), s("abc"));
        QCOMPARE(data.value(s("smtp.password")).toString(), s("12345"));
        checkSchema({move.helmRelease, move.secret});

        // Nothing movable: the HelmRelease is returned unchanged and there is no Secret.
        const ValuesSecretMove none = moveCredentialsToSecret(c.helmRelease, {c.credentials.at(1)});
        QCOMPARE(none.helmRelease, c.helmRelease);
        QVERIFY(none.secret.isEmpty());
    }

    void demoGrafanaPasswordIsFlagged()
    {
        Inventory inventory;
        inventory.addObjects(demoClusterObjects());
        int total = 0;
        for (const HelmRelease &r : inventory.helmReleases()) {
            const HelmConversion c = convertOrFail(r);
            total += int(c.credentials.size());
            if (r.name == s("grafana")) {
                QCOMPARE(c.credentials.size(), 1);
                QCOMPARE(c.credentials.first().path, s("adminPassword"));
            }
        }
        QCOMPARE(total, 1); // no false positives in the other four
    }

    void migrationChecklist()
    {
        HelmRelease r;
        r.name = s("loki");
        r.ns = s("logging");
        r.revision = 2;
        const QString text = helmMigrationChecklist(r).join(QLatin1Char('\n'));
        QVERIFY(text.contains(s("helm history loki -n logging")));
        QVERIFY(text.contains(s("Never run `helm uninstall loki -n logging`")));
        QVERIFY(text.contains(s("releaseName")));
        QVERIFY(text.contains(s("even where another migration guide")));
        QVERIFY(text.contains(helmReleaseIdentityWarning()));
        QVERIFY(helmReleaseIdentityWarning().contains(s("uninstall")));
    }
};

QTEST_GUILESS_MAIN(TestHelmConversion)
#include "tst_helmconversion.moc"
