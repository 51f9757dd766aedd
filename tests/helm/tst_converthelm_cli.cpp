// fluxdesk-cli convert-helm as a process: the demo cluster's releases, unknown and not-deployed
// releases, and a Helm client configuration that changes the inferred source.
#include "clirunner.h"
#include "schemacheck.h"

#include "kube/helmreleaserecord.h"
#include "manifest/yamljson.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

// A release record Secret (revision 1) as kubectl -o yaml would print it.
QByteArray releaseSecretYaml(const QString &name, const QString &status, const QString &chart)
{
    const QJsonObject release{
        {s("name"), name},
        {s("namespace"), s("apps")},
        {s("version"), 1},
        {s("info"), QJsonObject{{s("status"), status}}},
        {s("chart"), QJsonObject{{s("metadata"),
                                  QJsonObject{{s("name"), chart}, {s("version"), s("34.1.0")}}}}},
        {s("config"), QJsonObject{{s("replicas"), 2}}}};
    const QByteArray secretData = encodeHelmReleasePayload(release).toBase64();
    return "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: sh.helm.release.v1." +
           name.toUtf8() + ".v1\n  namespace: apps\n  labels:\n    owner: helm\n" +
           "type: helm.sh/release.v1\ndata:\n  release: " + secretData + "\n";
}

} // namespace

class TestConvertHelmCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    SchemaSet m_schemas;

    QProcessEnvironment env() const
    {
        QProcessEnvironment e = isolatedEnvironment(m_home.path());
        // Keep the developer's own Helm client out of the results.
        for (const char *name :
             {"HELM_REPOSITORY_CONFIG", "HELM_REPOSITORY_CACHE", "HELM_CONFIG_HOME",
              "HELM_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"})
            e.remove(s(name));
        return e;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        const Result<SchemaSet> loaded =
            SchemaSet::load(QStringLiteral(FLUXDESK_TEST_DATA "/flux-schema"));
        QVERIFY2(loaded.ok(), qPrintable(loaded.error().toString()));
        m_schemas = *loaded;
    }

    void demo_data()
    {
        QTest::addColumn<QString>("release");
        QTest::addColumn<QString>("ns");
        QTest::addColumn<QString>("sourceLine");
        QTest::addColumn<QString>("pin");
        QTest::addColumn<bool>("credentialWarning");
        QTest::addRow("eg") << s("eg") << s("envoy-gateway-system")
                            << s("url: oci://docker.io/envoyproxy/gateway-helm")
                            << s("    tag: v1.4.6\n") << false;
        QTest::addRow("grafana") << s("grafana") << s("logging")
                                 << s("url: https://grafana-community.github.io/helm-charts")
                                 << s("      version: 10.2.0\n") << true;
        QTest::addRow("loki") << s("loki") << s("logging")
                              << s("url: https://grafana-community.github.io/helm-charts")
                              << s("      version: 6.21.0\n") << false;
        QTest::addRow("tempo") << s("tempo") << s("logging")
                               << s("url: https://grafana-community.github.io/helm-charts")
                               << s("      version: 1.24.1\n") << false;
        QTest::addRow("alloy") << s("alloy") << s("logging")
                               << s("url: https://grafana.github.io/helm-charts")
                               << s("      version: 1.4.0\n") << false;
    }

    void demo()
    {
        QFETCH(QString, release);
        QFETCH(QString, ns);
        QFETCH(QString, sourceLine);
        QFETCH(QString, pin);
        QFETCH(bool, credentialWarning);
        const CliRun run = runCli({s("--demo"), s("convert-helm"), release, s("-n"), ns}, env());
        QVERIFY2(run.finished, run.err.constData());
        QCOMPARE(run.exitCode, 0);
        const QString out = run.outText();
        QVERIFY2(out.contains(sourceLine), qPrintable(out));
        QVERIFY2(out.contains(pin), qPrintable(out));
        QVERIFY(out.contains(s("\n---\n")));
        QVERIFY(out.contains(s("  releaseName: ") + release + QLatin1Char('\n')));
        // Credentials move to a Secret read through valuesFrom by default; the Secret is not
        // printed, a warning names it.
        QVERIFY(!run.errText().contains(s("looks like a credential")));
        QCOMPARE(
            run.errText().contains(s("reads its credential-like values (values.adminPassword) "
                                     "from Secret logging/grafana-values, keys adminPassword")),
            credentialWarning);
        QCOMPARE(out.contains(s("valuesFrom:")), credentialWarning);
        QVERIFY(!run.errText().contains(s("demo-password-change-me")));
        QVERIFY(!out.contains(s("demo-password-change-me")));

        const Result<QList<YamlDocument>> docs = parseYamlDocuments(run.out, s("stdout"));
        QVERIFY2(docs.ok(), qPrintable(docs.error().toString()));
        QCOMPARE(docs->size(), 2);
        for (const YamlDocument &doc : *docs) {
            const QStringList errors = m_schemas.validate(doc.value.toObject());
            QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        }
        QCOMPARE(docs->at(1).value.toObject().value(s("kind")).toString(), s("HelmRelease"));
    }

    void inlineCredentials()
    {
        // The old behaviour on request: the value stays in spec.values, with the warning.
        const CliRun run = runCli({s("--demo"), s("convert-helm"), s("grafana"), s("-n"),
                                   s("logging"), s("--inline-credentials")},
                                  env());
        QVERIFY2(run.finished, run.err.constData());
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.outText().contains(s("    adminPassword: demo-password-change-me\n")),
                 qPrintable(run.outText()));
        QVERIFY(!run.outText().contains(s("valuesFrom")));
        QVERIFY2(run.errText().contains(s("values.adminPassword looks like a credential")),
                 qPrintable(run.errText()));
        QVERIFY(!run.errText().contains(s("grafana-values")));
        const Result<QList<YamlDocument>> docs = parseYamlDocuments(run.out, s("stdout"));
        QVERIFY(docs.ok());
        QCOMPARE(docs->size(), 2);
        for (const YamlDocument &doc : *docs) {
            const QStringList errors = m_schemas.validate(doc.value.toObject());
            QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        }

        // The default moves it: the valuesFrom entry Flux's schema accepts, no value anywhere.
        const CliRun moved =
            runCli({s("--demo"), s("convert-helm"), s("grafana"), s("-n"), s("logging")}, env());
        QCOMPARE(moved.exitCode, 0);
        QVERIFY2(moved.outText().contains(s("  valuesFrom:\n"
                                            "  - kind: Secret\n"
                                            "    name: grafana-values\n"
                                            "    targetPath: adminPassword\n"
                                            "    valuesKey: adminPassword\n")),
                 qPrintable(moved.outText()));
        QVERIFY(!moved.out.contains("demo-password-change-me"));
        QVERIFY(!moved.err.contains("demo-password-change-me"));

        // Only convert-helm takes it.
        const CliRun refused =
            runCli({s("--demo"), s("releases"), s("--inline-credentials")}, env());
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.errText().contains(s("releases does not take --inline-credentials")),
                 qPrintable(refused.errText()));
    }

    void unknownRelease()
    {
        const CliRun run =
            runCli({s("--demo"), s("convert-helm"), s("lokii"), s("-n"), s("logging")}, env());
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        // The message lists the releases that namespace does have.
        QVERIFY2(run.errText().contains(s("alloy, grafana, loki, tempo")),
                 qPrintable(run.errText()));

        const CliRun wrongNs =
            runCli({s("--demo"), s("convert-helm"), s("loki"), s("-n"), s("default")}, env());
        QCOMPARE(wrongNs.exitCode, 2);
        QVERIFY2(wrongNs.errText().contains(s("releases there: none")),
                 qPrintable(wrongNs.errText()));

        const CliRun missing = runCli({s("--demo"), s("convert-helm")}, env());
        QCOMPARE(missing.exitCode, 2);
    }

    // K3s installs traefik from its HelmChart and keeps it: never converted.
    void k3sReleaseIsRefused()
    {
        const QString fixture = s(FLUXDESK_TEST_DATA "/k3s/k3s-homelab.yaml");
        const CliRun run = runCli(
            {s("--snapshot"), fixture, s("convert-helm"), s("traefik"), s("-n"), s("kube-system")},
            env());
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.errText().contains(s("HelmChart kube-system/traefik")),
                 qPrintable(run.errText()));
        QVERIFY2(run.errText().contains(s("HelmChartConfig")), qPrintable(run.errText()));
        // The owner's own release in the same cluster converts.
        const CliRun eg = runCli({s("--snapshot"), fixture, s("convert-helm"), s("eg"), s("-n"),
                                  s("envoy-gateway-system")},
                                 env());
        QVERIFY2(eg.exitCode == 0 || eg.exitCode == 1, qPrintable(eg.errText()));
        QVERIFY(eg.outText().contains(s("kind: HelmRelease")));
        // Its chart's crds/ CRDs follow the chart's version.
        QVERIFY2(eg.outText().contains(s("crds: CreateReplace")), qPrintable(eg.outText()));
    }

    void withoutNamespaceWhenUnique()
    {
        const CliRun run = runCli({s("--demo"), s("convert-helm"), s("eg")}, env());
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.outText().contains(s("kind: OCIRepository")));
    }

    void notDeployedIsRefused()
    {
        QTemporaryDir dir;
        const QString snapshot = dir.filePath(s("snapshot.yaml"));
        writeFile(snapshot, releaseSecretYaml(s("broken"), s("failed"), s("traefik")) +
                                releaseSecretYaml(s("mine"), s("deployed"), s("in-house")));
        const CliRun run = runCli(
            {s("--snapshot"), snapshot, s("convert-helm"), s("broken"), s("-n"), s("apps")}, env());
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.errText().contains(s("apps/broken is failed")), qPrintable(run.errText()));

        // A chart nobody knows: the HelmRelease alone, a warning to choose the source, exit 1.
        const CliRun unknown = runCli(
            {s("--snapshot"), snapshot, s("convert-helm"), s("mine"), s("-n"), s("apps")}, env());
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.errText().contains(s("no source is known for chart \"in-house\"")),
                 qPrintable(unknown.errText()));
        QVERIFY(unknown.outText().startsWith(s("apiVersion: helm.toolkit.fluxcd.io/v2\n")));
        QVERIFY(!unknown.outText().contains(s("---")));
    }

    void helmClientConfigIsUsed()
    {
        // The user's Helm client knows alloy 1.4.0 from a mirror: that wins over the catalog.
        QTemporaryDir dir;
        writeFile(dir.filePath(s("repositories.yaml")),
                  "repositories:\n- name: mirror\n  url: https://charts.mirror.example\n");
        writeFile(dir.filePath(s("cache/mirror-index.yaml")),
                  "apiVersion: v1\nentries:\n  alloy:\n  - name: alloy\n    version: 1.4.0\n");
        QProcessEnvironment e = env();
        e.insert(s("HELM_REPOSITORY_CONFIG"), dir.filePath(s("repositories.yaml")));
        e.insert(s("HELM_REPOSITORY_CACHE"), dir.filePath(s("cache")));
        const CliRun run =
            runCli({s("--demo"), s("convert-helm"), s("alloy"), s("-n"), s("logging")}, e);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.outText().contains(s("url: https://charts.mirror.example")),
                 qPrintable(run.outText()));
        QVERIFY(run.outText().contains(s("        name: mirror\n")));
    }

    void releasesListStillWorks()
    {
        const CliRun run = runCli({s("--demo"), s("releases")}, env());
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.outText().startsWith(s("NAME")));
        QCOMPARE(run.outText().count(QLatin1Char('\n')), 7);
    }
};

QTEST_GUILESS_MAIN(TestConvertHelmCli)
#include "tst_converthelm_cli.moc"
