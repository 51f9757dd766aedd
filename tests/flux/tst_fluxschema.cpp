#include "flux/fluxschema.h"
#include "flux/validation.h"

#include <QTest>

using namespace Fluxdesk;

// The schemas compiled into Fluxdesk and the per-file check: every Flux kind a repository holds
// is covered, and a violation names the field's path, line and column.
class TestFluxSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtInCoversFluxKinds()
    {
        const QStringList kinds = SchemaSet::builtIn().kinds();
        for (const char *kind :
             {"kustomize.toolkit.fluxcd.io/v1 Kustomization",
              "source.toolkit.fluxcd.io/v1 GitRepository",
              "source.toolkit.fluxcd.io/v1 HelmRepository",
              "source.toolkit.fluxcd.io/v1 OCIRepository", "source.toolkit.fluxcd.io/v1 HelmChart",
              "helm.toolkit.fluxcd.io/v2 HelmRelease", "v1 ConfigMap", "v1 Secret"})
            QVERIFY2(kinds.contains(QLatin1String(kind)), kind);
        QCOMPARE(SchemaSet::builtIn().apiVersionsOf(QStringLiteral("HelmRelease")),
                 QStringList{QStringLiteral("helm.toolkit.fluxcd.io/v2")});
    }

    void violationsInAFile_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QStringList>("expected"); // "LINE:COL: message" per problem

        const QByteArray head = "apiVersion: kustomize.toolkit.fluxcd.io/v1\n"
                                "kind: Kustomization\n"
                                "metadata:\n"
                                "  name: apps\n"
                                "  namespace: flux-system\n"
                                "spec:\n"
                                "  interval: 10m\n"
                                "  sourceRef:\n"
                                "    kind: GitRepository\n"
                                "    name: flux-system\n";
        QTest::addRow("conforms") << head + "  prune: true\n" << QStringList();
        QTest::addRow("misspelt field")
            << head + "  prune: true\n  intervall: 5m\n"
            << QStringList{QStringLiteral(
                   "12:3: Kustomization flux-system/apps: spec.intervall: unknown field")};
        QTest::addRow("wrong type")
            << head + "  prune: \"yes\"\n"
            << QStringList{QStringLiteral("11:10: Kustomization flux-system/apps: spec.prune: "
                                          "expected boolean, got string")};
        QTest::addRow("missing required")
            << QByteArray("apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\n"
                          "metadata:\n  name: apps\nspec:\n  interval: 10m\n  prune: true\n")
            << QStringList{QStringLiteral(
                   "5:1: Kustomization apps: spec.sourceRef: missing required field")};
        QTest::addRow("enum")
            << QByteArray("apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\n"
                          "metadata:\n  name: charts\nspec:\n  url: https://charts.example\n"
                          "  type: ftp\n")
            << QStringList{QStringLiteral("7:9: HelmRepository charts: spec.type: ftp is not one "
                                          "of the allowed values")};
        QTest::addRow("configmap value not a string")
            << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n"
                          "data:\n  replicas: 5\n")
            << QStringList{QStringLiteral(
                   "6:13: ConfigMap app: data.replicas: expected string, got number")};
        QTest::addRow("configmap date read as a timestamp")
            << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n"
                          "data:\n  since: 2024-04-01\n  quoted: \"2024-04-01\"\n")
            << QStringList{QStringLiteral(
                   "6:10: ConfigMap app: data.since: 2024-04-01 is read as a date by kustomize, "
                   "which Flux applies as \"2024-04-01T00:00:00Z\" (or refuses); quote it: "
                   "\"2024-04-01\"")};
        QTest::addRow("sops block is Flux's to remove")
            << QByteArray("apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n"
                          "stringData:\n  a: ENC[AES256_GCM,data:xx]\nsops:\n  version: 3.8.1\n")
            << QStringList();
        QTest::addRow("other kinds are not checked")
            << QByteArray("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n"
                          "spec:\n  whatever: 1\n")
            << QStringList();
    }

    void violationsInAFile()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QStringList, expected);
        QStringList got;
        for (const Problem &problem : checkFluxFile(yaml, QStringLiteral("x.yaml"))) {
            QCOMPARE(problem.file, QStringLiteral("x.yaml"));
            QCOMPARE(problem.severity, Problem::Severity::Error);
            got.append(QStringLiteral("%1:%2: %3")
                           .arg(problem.line)
                           .arg(problem.column)
                           .arg(problem.message));
        }
        QCOMPARE(got, expected);
    }
};

QTEST_GUILESS_MAIN(TestFluxSchema)
#include "tst_fluxschema.moc"
