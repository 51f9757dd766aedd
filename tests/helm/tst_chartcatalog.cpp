#include "helm/chartcatalog.h"

#include <QtTest>

using namespace Fluxdesk;

Q_DECLARE_METATYPE(ChartSource::Type)
Q_DECLARE_METATYPE(ChartCrds)

class TestChartCatalog : public QObject
{
    Q_OBJECT

private slots:
    void builtInLoads()
    {
        const ChartCatalog &catalog = ChartCatalog::builtIn();
        QVERIFY(catalog.charts().size() >= 20);
        for (const CatalogChart &entry : catalog.charts()) {
            const QString url = entry.source.url;
            QVERIFY2(url.startsWith(QLatin1String("https://")) ||
                         url.startsWith(QLatin1String("oci://")),
                     qPrintable(url));
            QVERIFY2(entry.source.type == ChartSource::Type::Http ||
                         url.endsWith(QLatin1Char('/') + entry.chart),
                     qPrintable(url));
            QVERIFY2(!entry.docs.isEmpty(), qPrintable(entry.chart));
        }
    }

    void lookups_data()
    {
        QTest::addColumn<QString>("chart");
        QTest::addColumn<ChartSource::Type>("type");
        QTest::addColumn<QString>("repository");
        QTest::addColumn<QString>("url");
        QTest::addColumn<ChartCrds>("crds");
        const auto http = ChartSource::Type::Http;
        const QString grafanaCommunity =
            QStringLiteral("https://grafana-community.github.io/helm-charts");
        // Grafana moved these three to the community repository in 2026.
        QTest::addRow("grafana") << QStringLiteral("grafana") << http
                                 << QStringLiteral("grafana-community") << grafanaCommunity
                                 << ChartCrds::None;
        QTest::addRow("loki") << QStringLiteral("loki") << http
                              << QStringLiteral("grafana-community") << grafanaCommunity
                              << ChartCrds::None;
        QTest::addRow("tempo") << QStringLiteral("tempo") << http
                               << QStringLiteral("grafana-community") << grafanaCommunity
                               << ChartCrds::None;
        QTest::addRow("alloy") << QStringLiteral("alloy") << http << QStringLiteral("grafana")
                               << QStringLiteral("https://grafana.github.io/helm-charts")
                               << ChartCrds::None;
        QTest::addRow("gateway-helm")
            << QStringLiteral("gateway-helm") << ChartSource::Type::Oci
            << QStringLiteral("envoyproxy")
            << QStringLiteral("oci://docker.io/envoyproxy/gateway-helm") << ChartCrds::Folder;
        QTest::addRow("kube-prometheus-stack")
            << QStringLiteral("kube-prometheus-stack") << http
            << QStringLiteral("prometheus-community")
            << QStringLiteral("https://prometheus-community.github.io/helm-charts")
            << ChartCrds::Folder;
        QTest::addRow("cert-manager")
            << QStringLiteral("cert-manager") << http << QStringLiteral("jetstack")
            << QStringLiteral("https://charts.jetstack.io") << ChartCrds::Templates;
        QTest::addRow("ingress-nginx")
            << QStringLiteral("ingress-nginx") << http << QStringLiteral("ingress-nginx")
            << QStringLiteral("https://kubernetes.github.io/ingress-nginx") << ChartCrds::None;
        QTest::addRow("traefik") << QStringLiteral("traefik") << http << QStringLiteral("traefik")
                                 << QStringLiteral("https://traefik.github.io/charts")
                                 << ChartCrds::Folder;
        QTest::addRow("metallb") << QStringLiteral("metallb") << http << QStringLiteral("metallb")
                                 << QStringLiteral("https://metallb.github.io/metallb")
                                 << ChartCrds::Templates;
        QTest::addRow("longhorn") << QStringLiteral("longhorn") << http
                                  << QStringLiteral("longhorn")
                                  << QStringLiteral("https://charts.longhorn.io")
                                  << ChartCrds::Templates;
        QTest::addRow("external-dns")
            << QStringLiteral("external-dns") << http << QStringLiteral("external-dns")
            << QStringLiteral("https://kubernetes-sigs.github.io/external-dns/") << ChartCrds::None;
    }

    void lookups()
    {
        QFETCH(QString, chart);
        QFETCH(ChartSource::Type, type);
        QFETCH(QString, repository);
        QFETCH(QString, url);
        QFETCH(ChartCrds, crds);
        const std::optional<CatalogChart> entry = ChartCatalog::builtIn().find(chart);
        QVERIFY(entry.has_value());
        QCOMPARE(entry->chart, chart);
        QCOMPARE(entry->source.type, type);
        QCOMPARE(entry->source.repositoryName, repository);
        QCOMPARE(entry->source.url, url);
        QCOMPARE(entry->crds, crds);
    }

    void movedChartsRememberTheirOldRepository()
    {
        const std::optional<CatalogChart> loki =
            ChartCatalog::builtIn().find(QStringLiteral("loki"));
        QVERIFY(loki.has_value());
        QCOMPARE(loki->formerUrls,
                 QStringList{QStringLiteral("https://grafana.github.io/helm-charts")});
        const std::optional<CatalogChart> cm =
            ChartCatalog::builtIn().find(QStringLiteral("cert-manager"));
        QCOMPARE(cm->crdsValue, QStringLiteral("crds.enabled"));
        QCOMPARE(ChartCatalog::builtIn().find(QStringLiteral("gateway-helm"))->versionPrefix,
                 QStringLiteral("v"));
    }

    void unknownChart()
    {
        QVERIFY(!ChartCatalog::builtIn().find(QStringLiteral("my-own-chart")).has_value());
        QVERIFY(!ChartCatalog::builtIn().find(QString()).has_value());
    }

    void rejectsBrokenCatalogs_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("expected");
        QTest::addRow("empty") << QByteArray("{}") << QStringLiteral("repositories");
        QTest::addRow("bad type") << QByteArray("repositories:\n- name: a\n  type: git\n  url: "
                                                "https://a\n  charts: [{name: x}]\n")
                                  << QStringLiteral("http or oci");
        QTest::addRow("no url") << QByteArray("repositories:\n- name: a\n  type: http\n")
                                << QStringLiteral("name or url");
        QTest::addRow("bad crds") << QByteArray("repositories:\n- name: a\n  type: http\n  url: "
                                                "https://a\n  charts: [{name: x, crds: yes}]\n")
                                  << QStringLiteral("crds must be");
        QTest::addRow("twice") << QByteArray("repositories:\n- name: a\n  type: http\n  url: "
                                             "https://a\n  charts: [{name: x}, {name: x}]\n")
                               << QStringLiteral("twice");
        QTest::addRow("yaml error") << QByteArray("repositories: [\n") << QString();
    }

    void rejectsBrokenCatalogs()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expected);
        const Result<ChartCatalog> catalog =
            ChartCatalog::fromYaml(yaml, QStringLiteral("catalog.yaml"));
        QVERIFY(!catalog.ok());
        QVERIFY2(catalog.error().message.contains(expected), qPrintable(catalog.error().message));
        QCOMPARE(catalog.error().file, QStringLiteral("catalog.yaml"));
    }

    void ociUrlIsPerChart()
    {
        const Result<ChartCatalog> catalog = ChartCatalog::fromYaml(
            "repositories:\n- name: r\n  type: oci\n  url: oci://ghcr.io/org/charts/\n  "
            "charts: [{name: a}, {name: b, crds: folder}]\n",
            QStringLiteral("c.yaml"));
        QVERIFY2(catalog.ok(), qPrintable(catalog.error().toString()));
        QCOMPARE(catalog->find(QStringLiteral("a"))->source.url,
                 QStringLiteral("oci://ghcr.io/org/charts/a"));
        QCOMPARE(catalog->find(QStringLiteral("b"))->crds, ChartCrds::Folder);
        QCOMPARE(catalog->find(QStringLiteral("b"))->source.sourceName(QStringLiteral("b")),
                 QStringLiteral("b"));
    }
};

QTEST_GUILESS_MAIN(TestChartCatalog)
#include "tst_chartcatalog.moc"
