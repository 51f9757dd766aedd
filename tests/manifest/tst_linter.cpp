#include "manifest/linter.h"
#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace Fluxdesk;
using Fluxdesk::TestFiles::writeFile;

namespace {

// "LINE:COL severity rule" for each problem, in order.
QStringList summary(const QList<Problem> &problems)
{
    QStringList out;
    for (const Problem &p : problems)
        out.append(QStringLiteral("%1:%2 %3 %4")
                       .arg(p.line)
                       .arg(p.column)
                       .arg(severityName(p.severity), p.rule));
    return out;
}

} // namespace

class TestLinter : public QObject
{
    Q_OBJECT

private slots:
    void problems_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QString>("message"); // a part of the first problem's message

        QTest::addRow("clean deployment") << QByteArray("apiVersion: apps/v1\n"
                                                        "kind: Deployment\n"
                                                        "metadata:\n"
                                                        "  name: web\n"
                                                        "spec:\n"
                                                        "  template:\n"
                                                        "    spec:\n"
                                                        "      containers:\n"
                                                        "        - name: web\n"
                                                        "          image: nginx:1.27.3\n"
                                                        "          resources:\n"
                                                        "            requests: {cpu: 10m}\n")
                                          << QStringList() << QString();
        QTest::addRow("parse error")
            << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [a\n")
            << QStringList{QStringLiteral("5:1 error parse-error")} << QString();
        QTest::addRow("tab indentation")
            << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: a\n")
            << QStringList{QStringLiteral("4:6 error parse-error")} << QString();
        QTest::addRow("duplicate key")
            << QByteArray("apiVersion: v1\nkind: ConfigMap\nkind: Secret\nmetadata:\n  name: a\n")
            << QStringList{QStringLiteral("3:1 error parse-error")}
            << QStringLiteral("duplicate key");
        QTest::addRow("missing apiVersion")
            << QByteArray("kind: ConfigMap\nmetadata:\n  name: a\n")
            << QStringList{QStringLiteral("1:1 error missing-field")}
            << QStringLiteral("missing apiVersion");
        QTest::addRow("empty kind")
            << QByteArray("apiVersion: v1\nkind: \"\"\nmetadata:\n  name: a\n")
            << QStringList{QStringLiteral("2:1 error missing-field")}
            << QStringLiteral("missing kind");
        // Items of a typed list, as the API sends them, take apiVersion and kind from it.
        QTest::addRow("typed list items")
            << QByteArray("apiVersion: v1\nkind: ConfigMapList\nitems:\n"
                          "- metadata:\n    name: a\n  data:\n    k: v\n")
            << QStringList() << QString();
        QTest::addRow("plain list items still need a kind")
            << QByteArray("apiVersion: v1\nkind: List\nitems:\n"
                          "- apiVersion: v1\n  metadata:\n    name: a\n")
            << QStringList{QStringLiteral("4:3 error missing-field")}
            << QStringLiteral("missing kind");
        QTest::addRow("missing metadata")
            << QByteArray("---\napiVersion: v1\nkind: ConfigMap\ndata: {}\n")
            << QStringList{QStringLiteral("2:1 error missing-field")}
            << QStringLiteral("missing metadata.name");
        QTest::addRow("missing name")
            << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  namespace: x\n")
            << QStringList{QStringLiteral("3:1 error missing-field")}
            << QStringLiteral("missing metadata.name");
        QTest::addRow("generateName is a name")
            << QByteArray("apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: x-\n")
            << QStringList() << QString();
        QTest::addRow("kustomize file needs no name")
            << QByteArray("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
                          "resources: [a.yaml]\n")
            << QStringList() << QString();
        QTest::addRow("helm values are not manifests")
            << QByteArray("replicaCount: 2\nimage:\n  repository: nginx\n  tag: latest\n")
            << QStringList() << QString();
        QTest::addRow("helm v2beta1")
            << QByteArray("apiVersion: helm.toolkit.fluxcd.io/v2beta1\nkind: HelmRelease\n"
                          "metadata:\n  name: loki\n")
            << QStringList{QStringLiteral("1:13 error deprecated-api")}
            << QStringLiteral("use helm.toolkit.fluxcd.io/v2");
        QTest::addRow("helm v2beta2")
            << QByteArray("apiVersion: helm.toolkit.fluxcd.io/v2beta2\nkind: HelmRelease\n"
                          "metadata:\n  name: loki\n")
            << QStringList{QStringLiteral("1:13 error deprecated-api")}
            << QStringLiteral("use helm.toolkit.fluxcd.io/v2");
        QTest::addRow("source v1beta2")
            << QByteArray("apiVersion: source.toolkit.fluxcd.io/v1beta2\nkind: GitRepository\n"
                          "metadata:\n  name: flux-system\n")
            << QStringList{QStringLiteral("1:13 error deprecated-api")}
            << QStringLiteral("use source.toolkit.fluxcd.io/v1");
        QTest::addRow("source v1beta1 bucket")
            << QByteArray("apiVersion: source.toolkit.fluxcd.io/v1beta1\nkind: Bucket\n"
                          "metadata:\n  name: b\n")
            << QStringList{QStringLiteral("1:13 error deprecated-api")}
            << QStringLiteral("use source.toolkit.fluxcd.io/v1");
        QTest::addRow("kustomize v1beta2")
            << QByteArray("apiVersion: kustomize.toolkit.fluxcd.io/v1beta2\nkind: Kustomization\n"
                          "metadata:\n  name: apps\n")
            << QStringList{QStringLiteral("1:13 error deprecated-api")}
            << QStringLiteral("use kustomize.toolkit.fluxcd.io/v1");
        QTest::addRow("extensions deployment")
            << QByteArray("apiVersion: extensions/v1beta1\nkind: DaemonSet\nmetadata:\n  name: d\n")
            << QStringList{QStringLiteral("1:13 error deprecated-api")}
            << QStringLiteral("use apps/v1");
        QTest::addRow("extensions ingress")
            << QByteArray("apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: i\n")
            << QStringList{QStringLiteral("1:13 error deprecated-api")}
            << QStringLiteral("use networking.k8s.io/v1");
        QTest::addRow("apps v1beta2")
            << QByteArray("apiVersion: apps/v1beta2\nkind: StatefulSet\nmetadata:\n  name: s\n")
            << QStringList{QStringLiteral("1:13 error deprecated-api")}
            << QStringLiteral("use apps/v1");
        QTest::addRow("networking v1beta1 ingress")
            << QByteArray("kind: Ingress\napiVersion: networking.k8s.io/v1beta1\n"
                          "metadata:\n  name: i\n")
            << QStringList{QStringLiteral("2:13 error deprecated-api")}
            << QStringLiteral("use networking.k8s.io/v1");
        QTest::addRow("pdb") << QByteArray("apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\n"
                                           "metadata:\n  name: p\n")
                             << QStringList{QStringLiteral("1:13 error deprecated-api")}
                             << QStringLiteral("use policy/v1");
        QTest::addRow("psp has no replacement")
            << QByteArray("apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\n"
                          "metadata:\n  name: p\n")
            << QStringList{QStringLiteral("1:13 error deprecated-api")}
            << QStringLiteral("no replacement");
        QTest::addRow("cronjob")
            << QByteArray("apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: c\n")
            << QStringList{QStringLiteral("1:13 error deprecated-api")}
            << QStringLiteral("use batch/v1");
        QTest::addRow("hpa v2beta2")
            << QByteArray("apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\n"
                          "metadata:\n  name: h\n")
            << QStringList{QStringLiteral("1:13 error deprecated-api")}
            << QStringLiteral("use autoscaling/v2");
        QTest::addRow("rbac v1beta1")
            << QByteArray("apiVersion: rbac.authorization.k8s.io/v1beta1\nkind: Role\n"
                          "metadata:\n  name: r\n")
            << QStringList{QStringLiteral("1:13 error deprecated-api")}
            << QStringLiteral("use rbac.authorization.k8s.io/v1");
        QTest::addRow("current apis are fine")
            << QByteArray("apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\n"
                          "metadata:\n  name: loki\n---\n"
                          "apiVersion: source.toolkit.fluxcd.io/v1\nkind: OCIRepository\n"
                          "metadata:\n  name: podinfo\n")
            << QStringList() << QString();
        QTest::addRow("helm repository oci")
            << QByteArray("apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\n"
                          "metadata:\n  name: r\nspec:\n  type: oci\n  url: oci://ghcr.io/x\n")
            << QStringList{QStringLiteral("6:9 warning helmrepository-oci")}
            << QStringLiteral("OCIRepository");
        QTest::addRow("image latest and untagged")
            << QByteArray("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n"
                          "  initContainers:\n"
                          "  - name: init\n"
                          "    image: busybox\n"
                          "  containers:\n"
                          "  - name: a\n"
                          "    image: \"nginx:latest\"\n"
                          "    resources: {limits: {memory: 1Gi}}\n"
                          "  - name: b\n"
                          "    image: registry:5000/team/app\n"
                          "    resources: {requests: {cpu: 1}}\n"
                          "  - name: c\n"
                          "    image: ghcr.io/x/y@sha256:0123abcd\n"
                          "    resources: {requests: {cpu: 1}}\n"
                          "  - name: d\n"
                          "    image: registry:5000/team/app:1.2\n"
                          "    resources: {requests: {cpu: 1}}\n")
            << QStringList{QStringLiteral("8:12 warning image-untagged"),
                           QStringLiteral("11:12 warning image-latest"),
                           QStringLiteral("14:12 warning image-untagged")}
            << QStringLiteral("busybox");
        QTest::addRow("workload without resources")
            << QByteArray("apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: backup\nspec:\n"
                          "  jobTemplate:\n"
                          "    spec:\n"
                          "      template:\n"
                          "        spec:\n"
                          "          containers:\n"
                          "            - name: restic\n"
                          "              image: restic/restic:0.17.3\n"
                          "            - name: empty\n"
                          "              image: restic/restic:0.17.3\n"
                          "              resources: {}\n")
            << QStringList{QStringLiteral("11:15 warning missing-resources"),
                           QStringLiteral("15:15 warning missing-resources")}
            << QStringLiteral("container \"restic\"");
        QTest::addRow("plain secret")
            << QByteArray("apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n"
                          "stringData:\n  password: hunter2\n")
            << QStringList{QStringLiteral("5:1 warning secret-plain-text")}
            << QStringLiteral("Secret \"db\" in plain text");
        QTest::addRow("sops secret")
            << QByteArray("apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n"
                          "data:\n  password: ENC[AES256_GCM,data:abc]\n"
                          "sops:\n  version: 3.9.0\n")
            << QStringList() << QString();
        QTest::addRow("empty secret")
            << QByteArray("apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata: {}\n")
            << QStringList() << QString();
        QTest::addRow("list items") << QByteArray("apiVersion: v1\n"
                                                  "kind: List\n"
                                                  "items:\n"
                                                  "- apiVersion: extensions/v1beta1\n"
                                                  "  kind: Deployment\n"
                                                  "  metadata: {name: a}\n"
                                                  "- apiVersion: v1\n"
                                                  "  kind: ConfigMap\n"
                                                  "  metadata: {}\n")
                                    << QStringList{QStringLiteral("4:15 error deprecated-api"),
                                                   QStringLiteral("9:3 error missing-field")}
                                    << QStringLiteral("extensions/v1beta1 Deployment was removed");
        QTest::addRow("several documents")
            << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n"
                          "---\n"
                          "# a comment\n"
                          "apiVersion: apps/v1beta1\nkind: Deployment\nmetadata:\n  name: b\n")
            << QStringList{QStringLiteral("7:13 error deprecated-api")}
            << QStringLiteral("apps/v1beta1");
    }

    void problems()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QStringList, expected);
        QFETCH(QString, message);
        const QList<Problem> problems = lintYaml(yaml, QStringLiteral("x.yaml"));
        QCOMPARE(summary(problems), expected);
        for (const Problem &p : problems)
            QCOMPARE(p.file, QStringLiteral("x.yaml"));
        if (!message.isEmpty())
            QVERIFY2(problems.first().message.contains(message),
                     qPrintable(problems.first().message));
    }

    void secretValuesNeverShown()
    {
        const QList<Problem> problems = lintYaml(
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  pw: aHVudGVyMg==\n",
            QStringLiteral("s.yaml"));
        QCOMPARE(problems.size(), 1);
        QVERIFY(!problems.first().toString().contains(QLatin1String("aHVudGVyMg")));
    }

    void format()
    {
        Problem p;
        p.severity = Problem::Severity::Error;
        p.file = QStringLiteral("apps/x.yaml");
        p.line = 3;
        p.column = 7;
        p.message = QStringLiteral("missing kind");
        QCOMPARE(p.toString(), QStringLiteral("apps/x.yaml:3:7: error: missing kind"));
        p.column = 0;
        QCOMPARE(p.toString(), QStringLiteral("apps/x.yaml:3: error: missing kind"));
        p.line = 0;
        p.severity = Problem::Severity::Info;
        QCOMPARE(p.toString(), QStringLiteral("apps/x.yaml: info: missing kind"));
        QCOMPARE(severityName(Problem::Severity::Warning), QStringLiteral("warning"));
    }

    void repository()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString root = tmp.path();
        QVERIFY(writeFile(root + QStringLiteral("/apps/b.yaml"),
                          "apiVersion: helm.toolkit.fluxcd.io/v2beta2\nkind: HelmRelease\n"
                          "metadata:\n  name: x\n"));
        QVERIFY(writeFile(root + QStringLiteral("/apps/a.yml"),
                          "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [\n"));
        QVERIFY(writeFile(root + QStringLiteral("/apps/kustomization.yaml"),
                          "resources:\n  - a.yml\n  - b.yaml\n"));
        QVERIFY(writeFile(root + QStringLiteral("/README.md"), "kind: nothing\n"));
        QVERIFY(writeFile(root + QStringLiteral("/.git/config.yaml"), "kind: X\n"));
        QVERIFY(writeFile(root + QStringLiteral("/.github/workflows/ci.yaml"), "kind: X\n"));
        QVERIFY(writeFile(root + QStringLiteral("/clusters/home/flux.yaml"),
                          "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n"
                          "stringData:\n  token: x\n"));
        const QList<Problem> problems = lintRepository(root);
        QStringList lines;
        for (const Problem &p : problems)
            lines.append(p.toString());
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines.at(0).startsWith(QLatin1String("apps/a.yml:5:1: error: ")),
                 qPrintable(lines.at(0)));
        QCOMPARE(lines.at(1), QStringLiteral("apps/b.yaml:1:13: error: "
                                             "helm.toolkit.fluxcd.io/v2beta2 HelmRelease was "
                                             "removed; use helm.toolkit.fluxcd.io/v2"));
        QCOMPARE(lines.at(2), QStringLiteral("clusters/home/flux.yaml:5:1: warning: Secret \"s\" "
                                             "in plain text; encrypt it (SOPS) before "
                                             "committing"));
    }
};

QTEST_GUILESS_MAIN(TestLinter)
#include "tst_linter.moc"
