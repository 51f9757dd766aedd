// Helm releases read from a live API server convert exactly as the same releases read offline:
// the demo cluster's objects, Helm's release Secrets among them, are served over TLS by the fake
// API server and `fluxdesk-cli convert-helm` runs against it through a kubeconfig.
#include "clirunner.h"
#include "fakeapiserver.h"
#include "schemacheck.h"

#include "core/resources.h"
#include "kube/snapshot.h"
#include "manifest/yamljson.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

class TestConvertHelmLive : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestPki m_pki;
    std::unique_ptr<FakeApiServerThread> m_server;
    QString m_kubeconfig;
    SchemaSet m_schemas;

private slots:
    void initTestCase()
    {
        initResources();
        QVERIFY(m_dir.isValid());
        m_pki = TestPki::generate(m_dir.filePath(QStringLiteral("pki")));
        QVERIFY2(m_pki.ok(), qPrintable(m_pki.error));
        FakeApiServer::Options options;
        options.certFile = m_pki.serverCert;
        options.keyFile = m_pki.serverKey;
        options.clientCaFile = m_pki.caCert;
        m_server = std::make_unique<FakeApiServerThread>(options);
        QVERIFY(m_server->start(demoClusterObjects()));
        m_kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig"));
        QVERIFY(m_server->server()->writeKubeconfig(m_kubeconfig, m_pki,
                                                    FakeApiServer::Credentials::ClientCertificate));
        Result<SchemaSet> schemas =
            SchemaSet::load(QStringLiteral(FLUXDESK_TEST_DATA "/flux-schema"));
        QVERIFY2(schemas.ok(), qPrintable(schemas.error().toString()));
        m_schemas = schemas.value();
    }

    void sameAsOffline_data()
    {
        QTest::addColumn<QString>("release");
        QTest::addColumn<QString>("ns");
        QTest::addColumn<QString>("expectedSourceKind");
        QTest::addRow("eg") << QStringLiteral("eg") << QStringLiteral("envoy-gateway-system")
                            << QStringLiteral("OCIRepository");
        QTest::addRow("alloy") << QStringLiteral("alloy") << QStringLiteral("logging")
                               << QStringLiteral("HelmRepository");
        QTest::addRow("grafana") << QStringLiteral("grafana") << QStringLiteral("logging")
                                 << QStringLiteral("HelmRepository");
        QTest::addRow("loki") << QStringLiteral("loki") << QStringLiteral("logging")
                              << QStringLiteral("HelmRepository");
        QTest::addRow("tempo") << QStringLiteral("tempo") << QStringLiteral("logging")
                               << QStringLiteral("HelmRepository");
    }

    void sameAsOffline()
    {
        QFETCH(QString, release);
        QFETCH(QString, ns);
        QFETCH(QString, expectedSourceKind);
        const QProcessEnvironment env = isolatedEnvironment(m_dir.path());
        const CliRun live =
            runCli({QStringLiteral("--kubeconfig"), m_kubeconfig, QStringLiteral("convert-helm"),
                    release, QStringLiteral("-n"), ns},
                   env);
        QVERIFY2(live.finished && live.exitCode == 0, live.err.constData());
        const CliRun offline = runCli({QStringLiteral("--demo"), QStringLiteral("convert-helm"),
                                       release, QStringLiteral("-n"), ns},
                                      env);
        QVERIFY2(offline.finished && offline.exitCode == 0, offline.err.constData());
        QCOMPARE(live.outText(), offline.outText());

        Result<QList<YamlDocument>> docs = parseYamlDocuments(live.out, QStringLiteral("stdout"));
        QVERIFY2(docs.ok(), qPrintable(docs.error().toString()));
        QCOMPARE(docs->size(), 2);
        const QJsonObject source = docs->at(0).value.toObject();
        const QJsonObject helmRelease = docs->at(1).value.toObject();
        QCOMPARE(source.value(QLatin1String("kind")).toString(), expectedSourceKind);
        QCOMPARE(helmRelease.value(QLatin1String("kind")).toString(),
                 QStringLiteral("HelmRelease"));
        QCOMPARE(helmRelease.value(QLatin1String("spec"))
                     .toObject()
                     .value(QLatin1String("releaseName"))
                     .toString(),
                 release);
        for (const YamlDocument &doc : docs.value()) {
            const QStringList violations = m_schemas.validate(doc.value.toObject());
            QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
        }
    }
};

QTEST_GUILESS_MAIN(TestConvertHelmLive)
#include "tst_converthelm_live.moc"
