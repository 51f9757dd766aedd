// The release view's state without a window: demo releases, edited values (and parse errors),
// a source chosen by the user, credentials moved to a Secret (or kept inline), and a release that
// is not deployed.
#include "helm/releaseconversion.h"
#include "kube/inventory.h"
#include "kube/snapshot.h"

#include <QJsonArray>
#include <QtTest>

using namespace Fluxdesk;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// A value at a dotted path ("spec.values.replicas").
QJsonValue at(const QJsonObject &object, const QString &path)
{
    QJsonValue value = object;
    const QStringList keys = path.split(QLatin1Char('.'));
    for (const QString &key : keys)
        value = value.toObject().value(key);
    return value;
}

HelmRelease demoRelease(const QString &ns, const QString &name)
{
    Inventory inventory;
    inventory.addObjects(demoClusterObjects());
    const QList<HelmRelease> releases = inventory.helmReleases();
    for (const HelmRelease &release : releases) {
        if (release.ns == ns && release.name == name)
            return release;
    }
    return {};
}

HelmRelease craftedRelease(const QString &chart, const QString &status = s("deployed"))
{
    HelmRelease release;
    release.name = s("shop");
    release.ns = s("apps");
    release.revision = 3;
    release.status = status;
    release.chartName = chart;
    release.chartVersion = s("0.4.2");
    release.appVersion = s("1.0");
    release.values = QJsonObject{{s("replicas"), 2}};
    return release;
}

bool hasRule(const QList<Problem> &problems, const QString &rule)
{
    return std::any_of(problems.cbegin(), problems.cend(),
                       [&](const Problem &p) { return p.rule == rule; });
}

} // namespace

class TestReleaseConversion : public QObject
{
    Q_OBJECT

private slots:
    void demoLokiConverts()
    {
        ReleaseConversion conversion;
        const HelmRelease loki = demoRelease(s("logging"), s("loki"));
        QCOMPARE(loki.revision, 2);
        conversion.setRelease(loki);
        QVERIFY(conversion.isConvertible());
        QCOMPARE(conversion.resolution().origin, ChartSourceOrigin::Catalog);
        const QString yaml = conversion.generatedYaml();
        QVERIFY2(yaml.contains(s("kind: HelmRelease")), qPrintable(yaml));
        QVERIFY(yaml.contains(s("releaseName: loki")));
        QVERIFY(yaml.contains(s("version: 6.21.0")));
        QCOMPARE(at(conversion.helmRelease(), s("spec.values")).toObject(), loki.values);
        QVERIFY(!conversion.originalValuesYaml().isEmpty());
        QVERIFY(conversion.checklist().join(QLatin1Char('\n')).contains(s("helm uninstall")));
    }

    void editedValuesRegenerate()
    {
        ReleaseConversion conversion;
        conversion.setRelease(demoRelease(s("logging"), s("loki")));
        QVERIFY(conversion.setValuesYaml(s("replicas: 3\nnested:\n  key: value\n")));
        QCOMPARE(at(conversion.helmRelease(), s("spec.values.replicas")).toInt(), 3);
        QCOMPARE(at(conversion.helmRelease(), s("spec.values.nested.key")).toString(), s("value"));

        // A parse error is a problem; the last good objects stay.
        QVERIFY(!conversion.setValuesYaml(s("replicas: 4\nbroken: [1, 2\n")));
        QVERIFY(hasRule(conversion.problems(), s("parse-error")));
        const auto error =
            std::find_if(conversion.problems().cbegin(), conversion.problems().cend(),
                         [](const Problem &p) { return p.rule == QLatin1String("parse-error"); });
        QVERIFY(error->line > 0);
        QCOMPARE(at(conversion.helmRelease(), s("spec.values.replicas")).toInt(), 3);

        QVERIFY(!conversion.setValuesYaml(s("- a list\n")));
        QVERIFY(hasRule(conversion.problems(), s("parse-error")));

        QVERIFY(conversion.setValuesYaml(s("replicas: 5\n")));
        QVERIFY(!hasRule(conversion.problems(), s("parse-error")));
        QCOMPARE(at(conversion.helmRelease(), s("spec.values.replicas")).toInt(), 5);
        QVERIFY(!at(conversion.helmRelease(), s("spec.values")).toObject().contains(s("nested")));
    }

    void grafanaCredentialsMoveToSecret()
    {
        // By default the credential leaves spec.values for a Secret read through valuesFrom.
        ReleaseConversion conversion;
        conversion.setRelease(demoRelease(s("logging"), s("grafana")));
        QVERIFY(conversion.isConvertible());
        QCOMPARE(conversion.credentialHandling(), CredentialHandling::Secret);
        QVERIFY(conversion.credentials().isEmpty());
        QCOMPARE(conversion.movedCredentials().size(), 1);
        QCOMPARE(conversion.movedCredentials().first().path, s("adminPassword"));
        QVERIFY(!hasRule(conversion.problems(), s("helm-values-credential")));
        QVERIFY(!conversion.generatedYaml().contains(s("demo-password-change-me")));
        const QJsonArray valuesFrom = at(conversion.helmRelease(), s("spec.valuesFrom")).toArray();
        QCOMPARE(valuesFrom.size(), 1);
        QCOMPARE(valuesFrom.first().toObject().value(s("targetPath")).toString(),
                 s("adminPassword"));
        QVERIFY(!at(conversion.helmRelease(), s("spec.values"))
                     .toObject()
                     .contains(s("adminPassword")));
        QCOMPARE(at(conversion.secret(), s("kind")).toString(), s("Secret"));
        QCOMPARE(at(conversion.secret(), s("metadata.name")).toString(), s("grafana-values"));
        QVERIFY(conversion.secretYaml().contains(s("stringData")));

        // The move stays applied while the values are edited.
        QVERIFY(conversion.setValuesYaml(s("adminPassword: another-one\nreplicas: 2\n")));
        QVERIFY(conversion.credentials().isEmpty());
        QCOMPARE(at(conversion.helmRelease(), s("spec.valuesFrom")).toArray().size(), 1);
        QCOMPARE(at(conversion.helmRelease(), s("spec.values.replicas")).toInt(), 2);

        // Kept inline on the user's word: in spec.values, flagged, no Secret.
        QVERIFY(conversion.setCredentialHandling(CredentialHandling::Inline));
        QVERIFY(!conversion.setCredentialHandling(CredentialHandling::Inline));
        QCOMPARE(conversion.credentials().size(), 1);
        QVERIFY(conversion.movedCredentials().isEmpty());
        QVERIFY(hasRule(conversion.problems(), s("helm-values-credential")));
        QCOMPARE(at(conversion.helmRelease(), s("spec.values.adminPassword")).toString(),
                 s("another-one"));
        QVERIFY(!conversion.generatedYaml().contains(s("valuesFrom")));
        QVERIFY(conversion.secret().isEmpty());

        // A release picked again starts over, with the default.
        conversion.setRelease(demoRelease(s("logging"), s("grafana")));
        QCOMPARE(conversion.credentialHandling(), CredentialHandling::Secret);
        QCOMPARE(conversion.movedCredentials().size(), 1);
    }

    void sourceFromUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<bool>("oci");
        QTest::addColumn<QString>("expectedUrl");
        QTest::addColumn<QString>("name");
        QTest::addRow("https") << s("https://charts.example.org/stable") << true << false
                               << s("https://charts.example.org/stable") << s("charts-example-org");
        QTest::addRow("oci registry path")
            << s("oci://ghcr.io/acme/charts/") << true << true
            << s("oci://ghcr.io/acme/charts/mychart") << s("mychart");
        QTest::addRow("oci chart url") << s("oci://ghcr.io/acme/charts/mychart") << true << true
                                       << s("oci://ghcr.io/acme/charts/mychart") << s("mychart");
        QTest::addRow("ftp") << s("ftp://example.org/charts") << false << false << QString()
                             << QString();
        QTest::addRow("no host") << s("charts") << false << false << QString() << QString();
        QTest::addRow("empty") << s("  ") << false << false << QString() << QString();
    }

    void sourceFromUrl()
    {
        QFETCH(QString, url);
        QFETCH(bool, ok);
        QFETCH(bool, oci);
        QFETCH(QString, expectedUrl);
        QFETCH(QString, name);
        const Result<ChartSource> source = ReleaseConversion::sourceFromUrl(url, s("mychart"));
        QCOMPARE(source.ok(), ok);
        if (!ok) {
            QVERIFY(!source.error().message.isEmpty());
            return;
        }
        QCOMPARE(source->type == ChartSource::Type::Oci, oci);
        QCOMPARE(source->url, expectedUrl);
        QCOMPARE(source->sourceName(s("mychart")), name);
    }

    void unknownChartTakesTheChosenSource()
    {
        ReleaseConversion conversion;
        conversion.setRelease(craftedRelease(s("fluxdesk-test-unknown-chart")));
        QVERIFY(conversion.isConvertible());
        QCOMPARE(conversion.resolution().origin, ChartSourceOrigin::Unknown);
        QVERIFY(conversion.resolution().needsUserChoice());
        QVERIFY(conversion.source().isEmpty());
        QVERIFY(hasRule(conversion.problems(), s("helm-chart-source-unknown")));

        QVERIFY(!conversion.chooseSource(s("not a url")).ok());
        QCOMPARE(conversion.resolution().origin, ChartSourceOrigin::Unknown);

        QVERIFY(conversion.chooseSource(s("https://charts.example.org/stable")).ok());
        QCOMPARE(conversion.resolution().origin, ChartSourceOrigin::UserChoice);
        QCOMPARE(at(conversion.source(), s("kind")).toString(), s("HelmRepository"));
        QCOMPARE(at(conversion.source(), s("spec.url")).toString(),
                 s("https://charts.example.org/stable"));
        QCOMPARE(at(conversion.helmRelease(), s("spec.chart.spec.sourceRef.name")).toString(),
                 s("charts-example-org"));
        QVERIFY(!hasRule(conversion.problems(), s("helm-chart-source-unknown")));
        QCOMPARE(conversion.userChoices().size(), 1);
        QCOMPARE(conversion.userChoices().first().releaseName, s("shop"));

        // A second choice replaces the first.
        QVERIFY(conversion.chooseSource(s("oci://ghcr.io/acme/charts")).ok());
        QCOMPARE(conversion.userChoices().size(), 1);
        QCOMPARE(at(conversion.source(), s("kind")).toString(), s("OCIRepository"));
        QCOMPARE(at(conversion.source(), s("spec.url")).toString(),
                 s("oci://ghcr.io/acme/charts/fluxdesk-test-unknown-chart"));
    }

    void failedReleaseIsNotConverted()
    {
        ReleaseConversion conversion;
        conversion.setRelease(craftedRelease(s("grafana"), s("failed")));
        QVERIFY(!conversion.isConvertible());
        QVERIFY2(conversion.stateMessage().contains(s("failed")),
                 qPrintable(conversion.stateMessage()));
        QVERIFY(conversion.generatedYaml().isEmpty());
        QVERIFY(conversion.helmRelease().isEmpty());
        QVERIFY(conversion.secret().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestReleaseConversion)
#include "tst_releaseconversion.moc"
