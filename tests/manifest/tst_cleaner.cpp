#include "kube/classification.h"
#include "kube/snapshot.h"
#include "manifest/cleaner.h"
#include "manifest/managedfields.h"
#include "manifest/yamljson.h"
#include "manifest/yamlwriter.h"
#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include <ctime>

using namespace Fluxdesk;
using Fluxdesk::TestFiles::readFile;

namespace {

QString dataDir()
{
    return QStringLiteral(FLUXDESK_TEST_DATA "/clean");
}

QList<QJsonValue> parseAll(const QByteArray &yaml)
{
    QList<QJsonValue> out;
    const Result<QList<YamlDocument>> docs = parseYamlDocuments(yaml, QStringLiteral("t.yaml"));
    if (!docs)
        return out;
    for (const YamlDocument &d : *docs)
        out.append(d.value);
    return out;
}

QStringList ruleNames(const QList<Removal> &removals)
{
    QStringList names;
    for (const Removal &r : removals) {
        if (!names.contains(r.rule))
            names.append(r.rule);
    }
    names.sort();
    return names;
}

QJsonObject object(const QByteArray &yaml)
{
    return parseYamlValue(yaml, QStringLiteral("t.yaml")).value().toObject();
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

class TestCleaner : public QObject
{
    Q_OBJECT

private slots:
    void defaultsParse()
    {
        const CleanRules rules = CleanRules::defaults();
        QVERIFY(rules.rules().size() > 40);
        QVERIFY(rules.personManagers().contains(QStringLiteral("kubectl-client-side-apply")));
        // Tools that change existing objects are evidence; the tools that create them are not
        // (their Update entry lists the API server's defaults too).
        for (const char *editing :
             {"kubectl-edit", "kubectl-patch", "kubectl-scale", "kubectl-label", "kubectl-annotate",
              "kubectl-set", "kubectl-replace"})
            QVERIFY2(rules.editingManagers().contains(QLatin1String(editing)), editing);
        for (const char *creating :
             {"kubectl", "kubectl-create", "kubectl-client-side-apply", "helm"})
            QVERIFY2(!rules.editingManagers().contains(QLatin1String(creating)), creating);
        QSet<QString> names;
        for (const CleanRules::Rule &r : rules.rules()) {
            QVERIFY2(!r.name.isEmpty() && !r.description.isEmpty(), qPrintable(r.name));
            QVERIFY2(!names.contains(r.name), qPrintable(r.name)); // names are unique
            names.insert(r.name);
        }
    }

    // Realistic `kubectl get -o yaml` exports and their cleaned form, compared as text (key order,
    // quoting) and as data.
    void files_data()
    {
        QTest::addColumn<QString>("name");
        const QStringList inputs =
            QDir(dataDir()).entryList({QStringLiteral("*.in.yaml")}, QDir::Files, QDir::Name);
        QVERIFY(inputs.size() >= 14);
        for (const QString &input : inputs) {
            const QString name = input.left(input.size() - 8);
            QTest::addRow("%s", qPrintable(name)) << name;
        }
    }

    void files()
    {
        QFETCH(QString, name);
        const QByteArray in =
            readFile(dataDir() + QLatin1Char('/') + name + QLatin1String(".in.yaml"));
        const QByteArray expected =
            readFile(dataDir() + QLatin1Char('/') + name + QLatin1String(".out.yaml"));
        QVERIFY(!in.isEmpty());
        QVERIFY(!expected.isEmpty());
        const Result<CleanTextResult> cleaned =
            cleanYamlText(in, name + QLatin1String(".in.yaml"), CleanRules::defaults());
        QVERIFY2(cleaned.ok(), qPrintable(cleaned.error().toString()));
        QCOMPARE(parseAll(cleaned->text.toUtf8()), parseAll(expected));
        QCOMPARE(cleaned->text, QString::fromUtf8(expected));
        QVERIFY(!cleaned->removals.isEmpty());
        // Without the removal records (the CLI, the planner) the text is the same.
        CleanContext quiet;
        quiet.recordRemovals = false;
        const Result<CleanTextResult> unrecorded =
            cleanYamlText(in, name + QLatin1String(".in.yaml"), CleanRules::defaults(), quiet);
        QVERIFY(unrecorded.ok());
        QCOMPARE(unrecorded->text, cleaned->text);
        QVERIFY(unrecorded->removals.isEmpty());
        QCOMPARE(unrecorded->problems.size(), cleaned->problems.size());
        // As UTF-8 (the CLI's output), byte for byte the same text.
        CleanContext bytes;
        bytes.utf8Text = true;
        const Result<CleanTextResult> encoded =
            cleanYamlText(in, name + QLatin1String(".in.yaml"), CleanRules::defaults(), bytes);
        QVERIFY(encoded.ok());
        QCOMPARE(encoded->utf8.join(), cleaned->text.toUtf8());
        QVERIFY(encoded->text.isEmpty());
        for (const QString &server :
             {QStringLiteral("creationTimestamp"), QStringLiteral("resourceVersion"),
              QStringLiteral("uid:"), QStringLiteral("managedFields"),
              QStringLiteral("last-applied-configuration"), QStringLiteral("\nstatus:")})
            QVERIFY2(!cleaned->text.contains(server), qPrintable(server));
        // A clean is idempotent where the input carried no evidence of intent (with evidence, the
        // cleaned text no longer says which defaults a person set).
        if (in.contains("managedFields:") || in.contains("last-applied-configuration"))
            return;
        const Result<CleanTextResult> again =
            cleanYamlText(expected, QStringLiteral("again.yaml"), CleanRules::defaults());
        QVERIFY(again.ok());
        QCOMPARE(again->text, cleaned->text);
        QVERIFY(again->removals.isEmpty());
    }

    void fileDetails()
    {
        const CleanRules rules = CleanRules::defaults();
        // The NodePort Service keeps the nodePort its author set and says why it may clash.
        Result<CleanTextResult> r =
            cleanYamlText(readFile(dataDir() + QLatin1String("/service-nodeport.in.yaml")),
                          QStringLiteral("svc.yaml"), rules);
        QVERIFY(r.ok());
        QCOMPARE(r->problems.size(), 1);
        QCOMPARE(r->problems.first().rule, QStringLiteral("service-node-port"));
        QCOMPARE(r->problems.first().severity, Problem::Severity::Warning);
        QCOMPARE(r->problems.first().file, QStringLiteral("svc.yaml"));
        QCOMPARE(r->problems.first().line, 1);
        QVERIFY(r->problems.first().message.startsWith(QLatin1String("spec.ports[0].nodePort: ")));
        bool allocatedGone = false;
        for (const Removal &removal : r->removals) {
            if (removal.path == QLatin1String("spec.ports[1].nodePort")) {
                allocatedGone = removal.rule == QLatin1String("service-node-port");
                QVERIFY(!removal.reason.isEmpty());
            }
        }
        QVERIFY(allocatedGone);
        QVERIFY(!r->hadComments);

        // managedFields: the user's imagePullPolicy, revisionHistoryLimit and periodSeconds stay
        // although they equal defaults; the API server's other defaults go, each path named.
        r = cleanYamlText(readFile(dataDir() + QLatin1String("/deployment-managedfields.in.yaml")),
                          QStringLiteral("d.yaml"), rules);
        QVERIFY(r.ok());
        QVERIFY(r->hadComments);
        QStringList paths;
        for (const Removal &removal : r->removals)
            paths.append(removal.path);
        QVERIFY(paths.contains(QStringLiteral("metadata.uid")));
        QVERIFY(paths.contains(QStringLiteral(
            "metadata.annotations[kubectl.kubernetes.io/last-applied-configuration]")));
        QVERIFY(paths.contains(
            QStringLiteral("spec.template.spec.containers[0].terminationMessagePath")));
        QVERIFY(paths.contains(
            QStringLiteral("spec.template.spec.containers[0].livenessProbe.timeoutSeconds")));
        QVERIFY(
            paths.contains(QStringLiteral("spec.template.spec.volumes[2].configMap.defaultMode")));
        QVERIFY(!paths.contains(QStringLiteral("spec.revisionHistoryLimit")));
        QVERIFY(!paths.contains(
            QStringLiteral("spec.template.spec.containers[0].livenessProbe.periodSeconds")));
        QVERIFY(
            !paths.contains(QStringLiteral("spec.template.spec.containers[0].imagePullPolicy")));
        QVERIFY(r->problems.isEmpty());
    }

    // One rule at a time: the object before, after, and the rules that fired.
    void rules_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<QStringList>("fired");

        const QByteArray deploy = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n";
        const QByteArray svc = "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n";
        auto withSvc = [&](const char *rest) -> QByteArray { return svc + rest; };
        auto withDeploy = [&](const char *rest) -> QByteArray { return deploy + rest; };
        auto podSpec = [&](const QByteArray &specBody) -> QByteArray {
            return deploy + "spec:\n  template:\n    spec:\n" + specBody;
        };
        auto container = [&](const QByteArray &fields) -> QByteArray {
            return podSpec("      containers:\n      - name: c\n" + fields);
        };
        auto list = [](const char *name) { return QStringList{QString::fromLatin1(name)}; };

        QTest::addRow("server metadata")
            << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  uid: x\n  "
                          "resourceVersion: '1'\n  generation: 2\n  selfLink: /api/x\n  "
                          "creationTimestamp: '2025-01-01T00:00:00Z'\n  managedFields: []\n")
            << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n")
            << list("server-metadata");
        QTest::addRow("status on any kind")
            << QByteArray("apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n"
                          "status:\n  ready: true\n")
            << QByteArray("apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n")
            << list("status");
        QTest::addRow("user annotations stay, controller ones go")
            << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n"
                          "    deployment.kubernetes.io/revision: '2'\n"
                          "    control-plane.alpha.kubernetes.io/leader: '{}'\n"
                          "    example.com/team: ai\n")
            << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n"
                          "    example.com/team: ai\n")
            << list("controller-annotations");
        QTest::addRow("annotations map emptied is removed")
            << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n"
                          "    kubectl.kubernetes.io/last-applied-configuration: '{}'\n")
            << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n")
            << QStringList{QStringLiteral("empty-metadata"), QStringLiteral("last-applied")};
        QTest::addRow("volume annotations")
            << QByteArray("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: p\n  "
                          "annotations:\n    pv.kubernetes.io/bind-completed: 'yes'\n"
                          "    volume.kubernetes.io/storage-provisioner: rancher.io/local-path\n"
                          "    volume.beta.kubernetes.io/storage-provisioner: x\n")
            << QByteArray("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: p\n")
            << QStringList{QStringLiteral("empty-metadata"), QStringLiteral("volume-annotations")};
        QTest::addRow("protection finalizers")
            << QByteArray("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: p\n  "
                          "finalizers:\n  - kubernetes.io/pvc-protection\n  - example.com/keep\n")
            << QByteArray("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: p\n  "
                          "finalizers:\n  - example.com/keep\n")
            << list("protection-finalizers");
        QTest::addRow("helm records stay while the object is Helm's")
            << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n"
                          "    app.kubernetes.io/managed-by: Helm\n  annotations:\n"
                          "    meta.helm.sh/release-name: r\n")
            << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n"
                          "    app.kubernetes.io/managed-by: Helm\n  annotations:\n"
                          "    meta.helm.sh/release-name: r\n")
            << QStringList();
        QTest::addRow("namespace defaults")
            << QByteArray("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: llm\n  labels:\n"
                          "    kubernetes.io/metadata.name: llm\n    team: ai\nspec:\n  "
                          "finalizers:\n  - kubernetes\n")
            << QByteArray("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: llm\n  labels:\n"
                          "    team: ai\n")
            << QStringList{QStringLiteral("empty-namespace-spec"),
                           QStringLiteral("namespace-finalizer"),
                           QStringLiteral("namespace-name-label")};
        QTest::addRow("service cluster ip")
            << withSvc("spec:\n  clusterIP: 10.43.0.9\n  clusterIPs:\n  - 10.43.0.9\n  selector:\n"
                       "    app: a\n")
            << withSvc("spec:\n  selector:\n    app: a\n") << list("service-cluster-ip");
        QTest::addRow("headless keeps None")
            << withSvc("spec:\n  clusterIP: None\n") << withSvc("spec:\n  clusterIP: None\n")
            << QStringList();
        QTest::addRow("service ip families")
            << withSvc(
                   "spec:\n  ipFamilies:\n  - IPv4\n  ipFamilyPolicy: SingleStack\n  selector:\n"
                   "    app: a\n")
            << withSvc("spec:\n  selector:\n    app: a\n") << list("service-ip-families");
        QTest::addRow("internal traffic policy Cluster")
            << withSvc("spec:\n  internalTrafficPolicy: Cluster\n  selector: {}\n")
            << withSvc("spec:\n  selector: {}\n") << list("service-internal-traffic-policy");
        QTest::addRow("internal traffic policy Local stays")
            << withSvc("spec:\n  internalTrafficPolicy: Local\n")
            << withSvc("spec:\n  internalTrafficPolicy: Local\n") << QStringList();
        QTest::addRow("external traffic policy and LB node ports")
            << withSvc("spec:\n  allocateLoadBalancerNodePorts: true\n  externalTrafficPolicy: "
                       "Cluster\n  type: LoadBalancer\n")
            << withSvc("spec:\n  type: LoadBalancer\n")
            << QStringList{QStringLiteral("service-external-traffic-policy"),
                           QStringLiteral("service-lb-node-ports")};
        QTest::addRow("session affinity None")
            << withSvc("spec:\n  sessionAffinity: None\n  type: ClusterIP\n  selector: {}\n")
            << withSvc("spec:\n  selector: {}\n")
            << QStringList{QStringLiteral("service-session-affinity"),
                           QStringLiteral("service-type")};
        QTest::addRow("session affinity ClientIP stays")
            << withSvc("spec:\n  sessionAffinity: ClientIP\n")
            << withSvc("spec:\n  sessionAffinity: ClientIP\n") << QStringList();
        QTest::addRow("service port defaults")
            << withSvc("spec:\n  ports:\n  - port: 80\n    protocol: TCP\n    targetPort: 80\n"
                       "  - port: 81\n    protocol: SCTP\n    targetPort: 8081\n")
            << withSvc("spec:\n  ports:\n  - port: 80\n  - port: 81\n    protocol: SCTP\n"
                       "    targetPort: 8081\n")
            << QStringList{QStringLiteral("service-port-protocol"),
                           QStringLiteral("service-target-port")};
        QTest::addRow("targetPort as a string is not the port")
            << withSvc("spec:\n  ports:\n  - port: 80\n    targetPort: '80'\n")
            << withSvc("spec:\n  ports:\n  - port: 80\n    targetPort: '80'\n") << QStringList();
        QTest::addRow("allocated nodePort without evidence")
            << withSvc("spec:\n  ports:\n  - nodePort: 31000\n    port: 80\n  type: NodePort\n")
            << withSvc("spec:\n  ports:\n  - port: 80\n  type: NodePort\n")
            << list("service-node-port");
        QTest::addRow("template creationTimestamp null")
            << withDeploy("spec:\n  template:\n    metadata:\n      creationTimestamp: null\n"
                          "      labels:\n        app: a\n")
            << withDeploy("spec:\n  template:\n    metadata:\n      labels:\n        app: a\n")
            << list("template-creation-timestamp");
        QTest::addRow("template metadata emptied")
            << withDeploy("spec:\n  template:\n    metadata:\n      creationTimestamp: null\n")
            << withDeploy("spec:\n  template: {}\n")
            << QStringList{QStringLiteral("empty-template-metadata"),
                           QStringLiteral("template-creation-timestamp")};
        QTest::addRow("termination message")
            << container("        terminationMessagePath: /dev/termination-log\n"
                         "        terminationMessagePolicy: File\n")
            << container("")
            << QStringList{QStringLiteral("termination-message"),
                           QStringLiteral("termination-message-policy")};
        QTest::addRow("custom termination path stays")
            << container("        terminationMessagePath: /tmp/log\n")
            << container("        terminationMessagePath: /tmp/log\n") << QStringList();
        QTest::addRow("pull policy IfNotPresent for a tag")
            << container("        image: nginx:1.27\n        imagePullPolicy: IfNotPresent\n")
            << container("        image: nginx:1.27\n") << list("image-pull-policy");
        QTest::addRow("pull policy Always for latest")
            << container("        image: nginx:latest\n        imagePullPolicy: Always\n")
            << container("        image: nginx:latest\n") << list("image-pull-policy");
        QTest::addRow("pull policy Always without a tag, registry port")
            << container("        image: registry.lan:5000/tools/nginx\n"
                         "        imagePullPolicy: Always\n")
            << container("        image: registry.lan:5000/tools/nginx\n")
            << list("image-pull-policy");
        QTest::addRow("pull policy IfNotPresent for a digest")
            << container(
                   "        image: nginx@sha256:abcd\n        imagePullPolicy: IfNotPresent\n")
            << container("        image: nginx@sha256:abcd\n") << list("image-pull-policy");
        QTest::addRow("pull policy Always for a tag stays")
            << container("        image: nginx:1.27\n        imagePullPolicy: Always\n")
            << container("        image: nginx:1.27\n        imagePullPolicy: Always\n")
            << QStringList();
        QTest::addRow("init container defaults")
            << podSpec("      initContainers:\n      - name: i\n        ports:\n"
                       "        - containerPort: 53\n          protocol: TCP\n"
                       "        - containerPort: 54\n          protocol: UDP\n"
                       "        resources: {}\n")
            << podSpec("      initContainers:\n      - name: i\n        ports:\n"
                       "        - containerPort: 53\n        - containerPort: 54\n"
                       "          protocol: UDP\n")
            << QStringList{QStringLiteral("container-empty-resources"),
                           QStringLiteral("container-port-protocol")};
        QTest::addRow("probe defaults")
            << container("        readinessProbe:\n          failureThreshold: 3\n"
                         "          httpGet:\n            path: /\n            port: 80\n"
                         "            scheme: HTTP\n          periodSeconds: 10\n"
                         "          successThreshold: 1\n          timeoutSeconds: 1\n")
            << container("        readinessProbe:\n          httpGet:\n            path: /\n"
                         "            port: 80\n")
            << QStringList{QStringLiteral("probe-failure-threshold"),
                           QStringLiteral("probe-http-scheme"), QStringLiteral("probe-period"),
                           QStringLiteral("probe-success-threshold"),
                           QStringLiteral("probe-timeout")};
        QTest::addRow("probe values set by hand stay")
            << container("        startupProbe:\n          failureThreshold: 30\n"
                         "          periodSeconds: 5\n")
            << container("        startupProbe:\n          failureThreshold: 30\n"
                         "          periodSeconds: 5\n")
            << QStringList();
        QTest::addRow("pod spec defaults")
            << podSpec("      dnsPolicy: ClusterFirst\n      restartPolicy: Always\n"
                       "      schedulerName: default-scheduler\n      securityContext: {}\n"
                       "      terminationGracePeriodSeconds: 30\n      hostNetwork: true\n")
            << podSpec("      hostNetwork: true\n")
            << QStringList{QStringLiteral("dns-policy"), QStringLiteral("pod-security-context"),
                           QStringLiteral("restart-policy"), QStringLiteral("scheduler-name"),
                           QStringLiteral("termination-grace-period")};
        QTest::addRow("pod securityContext with fields stays")
            << podSpec("      securityContext:\n        runAsUser: 1000\n")
            << podSpec("      securityContext:\n        runAsUser: 1000\n") << QStringList();
        QTest::addRow("Job keeps its restartPolicy; Job defaults")
            << QByteArray("apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n"
                          "  backoffLimit: 6\n  completionMode: NonIndexed\n  completions: 6\n"
                          "  suspend: false\n  selector:\n    matchLabels:\n"
                          "      batch.kubernetes.io/controller-uid: u\n  template:\n"
                          "    metadata:\n      labels:\n"
                          "        batch.kubernetes.io/controller-uid: u\n"
                          "        batch.kubernetes.io/job-name: j\n        controller-uid: u\n"
                          "        job-name: j\n        app: backup\n    spec:\n"
                          "      restartPolicy: Never\n")
            << QByteArray("apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n"
                          "  completions: 6\n  template:\n    metadata:\n      labels:\n"
                          "        app: backup\n    spec:\n      restartPolicy: Never\n")
            << QStringList{QStringLiteral("job-backoff-limit"),
                           QStringLiteral("job-completion-mode"),
                           QStringLiteral("job-generated-selector"), QStringLiteral("job-suspend")};
        QTest::addRow("CronJob defaults and nested pod spec")
            << QByteArray("apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n"
                          "  concurrencyPolicy: Allow\n  failedJobsHistoryLimit: 1\n"
                          "  schedule: '0 3 * * *'\n  successfulJobsHistoryLimit: 3\n"
                          "  suspend: false\n  jobTemplate:\n    metadata:\n"
                          "      creationTimestamp: null\n    spec:\n      template:\n"
                          "        spec:\n          dnsPolicy: ClusterFirst\n"
                          "          restartPolicy: OnFailure\n")
            << QByteArray("apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n"
                          "  jobTemplate:\n    metadata: {}\n    spec:\n      template:\n"
                          "        spec:\n          restartPolicy: OnFailure\n"
                          "  schedule: 0 3 * * *\n")
            << QStringList{QStringLiteral("cronjob-concurrency"),
                           QStringLiteral("cronjob-failed-history"),
                           QStringLiteral("cronjob-successful-history"),
                           QStringLiteral("cronjob-suspend"),
                           QStringLiteral("dns-policy"),
                           QStringLiteral("template-creation-timestamp")};
        QTest::addRow("creationTimestamp null in a custom resource's template")
            << QByteArray("apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: r\n"
                          "spec:\n  template:\n    metadata:\n      creationTimestamp: null\n"
                          "      labels:\n        app: r\n    spec:\n      containers:\n"
                          "      - image: nginx:1.27\n        name: c\n")
            << QByteArray("apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: r\n"
                          "spec:\n  template:\n    metadata:\n      labels:\n        app: r\n"
                          "    spec:\n      containers:\n      - image: nginx:1.27\n"
                          "        name: c\n")
            << list("template-creation-timestamp");
        QTest::addRow("creationTimestamp null nested deeper, in lists too")
            << QByteArray("apiVersion: keda.sh/v1alpha1\nkind: ScaledJob\nmetadata:\n  name: j\n"
                          "spec:\n  jobTargetRef:\n    template:\n      metadata:\n"
                          "        creationTimestamp: null\n      spec:\n"
                          "        restartPolicy: Never\n  pools:\n  - template:\n"
                          "      metadata:\n        creationTimestamp: null\n"
                          "        name: p\n")
            << QByteArray("apiVersion: keda.sh/v1alpha1\nkind: ScaledJob\nmetadata:\n  name: j\n"
                          "spec:\n  jobTargetRef:\n    template:\n      metadata: {}\n"
                          "      spec:\n        restartPolicy: Never\n  pools:\n"
                          "  - template:\n      metadata:\n        name: p\n")
            << list("template-creation-timestamp");
        QTest::addRow("a real timestamp in a template stays")
            << QByteArray("apiVersion: example.com/v1\nkind: Runner\nmetadata:\n  name: r\n"
                          "spec:\n  template:\n    metadata:\n"
                          "      creationTimestamp: '2025-01-01T00:00:00Z'\n")
            << QByteArray("apiVersion: example.com/v1\nkind: Runner\nmetadata:\n  name: r\n"
                          "spec:\n  template:\n    metadata:\n"
                          "      creationTimestamp: '2025-01-01T00:00:00Z'\n")
            << QStringList();
        QTest::addRow("bare Pod")
            << QByteArray("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n"
                          "  containers:\n  - image: busybox:1.36\n    imagePullPolicy: "
                          "IfNotPresent\n    name: c\n  restartPolicy: Always\n")
            << QByteArray("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n"
                          "  containers:\n  - image: busybox:1.36\n    name: c\n")
            << QStringList{QStringLiteral("image-pull-policy"), QStringLiteral("restart-policy")};
        QTest::addRow("a CRD's spec.containers is not a pod spec")
            << QByteArray("apiVersion: example.com/v1\nkind: Runner\nmetadata:\n  name: r\n"
                          "spec:\n  dnsPolicy: ClusterFirst\n")
            << QByteArray("apiVersion: example.com/v1\nkind: Runner\nmetadata:\n  name: r\n"
                          "spec:\n  dnsPolicy: ClusterFirst\n")
            << QStringList();
        QTest::addRow("volume modes and hostPath type")
            << podSpec(
                   "      volumes:\n      - name: a\n        secret:\n          defaultMode: 420\n"
                   "          secretName: s\n      - configMap:\n          defaultMode: 493\n"
                   "          name: c\n        name: b\n      - hostPath:\n"
                   "          path: /data\n          type: ''\n        name: h\n"
                   "      - emptyDir: {}\n        name: e\n")
            << podSpec(
                   "      volumes:\n      - name: a\n        secret:\n          secretName: s\n"
                   "      - configMap:\n          defaultMode: 493\n          name: c\n"
                   "        name: b\n      - hostPath:\n          path: /data\n        name: h\n"
                   "      - emptyDir: {}\n        name: e\n")
            << QStringList{QStringLiteral("host-path-type"), QStringLiteral("volume-default-mode")};
        QTest::addRow("deployment defaults")
            << withDeploy("spec:\n  progressDeadlineSeconds: 600\n  revisionHistoryLimit: 10\n"
                          "  strategy:\n    rollingUpdate:\n      maxSurge: 25%\n"
                          "      maxUnavailable: 25%\n    type: RollingUpdate\n  replicas: 3\n")
            << withDeploy("spec:\n  replicas: 3\n")
            << QStringList{QStringLiteral("deployment-strategy"),
                           QStringLiteral("progress-deadline"),
                           QStringLiteral("revision-history-limit")};
        QTest::addRow("Recreate strategy stays")
            << withDeploy("spec:\n  strategy:\n    type: Recreate\n")
            << withDeploy("spec:\n  strategy:\n    type: Recreate\n") << QStringList();
        QTest::addRow("statefulset defaults")
            << QByteArray("apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: s\nspec:\n"
                          "  persistentVolumeClaimRetentionPolicy:\n    whenDeleted: Retain\n"
                          "    whenScaled: Retain\n  podManagementPolicy: OrderedReady\n"
                          "  updateStrategy:\n    rollingUpdate:\n      partition: 0\n"
                          "    type: RollingUpdate\n  volumeClaimTemplates:\n  - metadata:\n"
                          "      creationTimestamp: null\n      name: data\n    spec:\n"
                          "      volumeMode: Filesystem\n    status:\n      phase: Pending\n")
            << QByteArray("apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: s\nspec:\n"
                          "  volumeClaimTemplates:\n  - metadata:\n      name: data\n"
                          "    spec: {}\n")
            << QStringList{QStringLiteral("claim-template-status"),
                           QStringLiteral("claim-template-volume-mode"),
                           QStringLiteral("statefulset-pod-management"),
                           QStringLiteral("statefulset-pvc-retention"),
                           QStringLiteral("statefulset-update-strategy"),
                           QStringLiteral("template-creation-timestamp")};
        QTest::addRow("statefulset partition stays")
            << QByteArray("apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: s\nspec:\n"
                          "  podManagementPolicy: Parallel\n  updateStrategy:\n"
                          "    rollingUpdate:\n      partition: 2\n    type: RollingUpdate\n")
            << QByteArray("apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: s\nspec:\n"
                          "  podManagementPolicy: Parallel\n  updateStrategy:\n"
                          "    rollingUpdate:\n      partition: 2\n    type: RollingUpdate\n")
            << QStringList();
        QTest::addRow("daemonset update strategy")
            << QByteArray("apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: d\nspec:\n"
                          "  updateStrategy:\n    rollingUpdate:\n      maxSurge: 0\n"
                          "      maxUnavailable: 1\n    type: RollingUpdate\n")
            << QByteArray("apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: d\nspec: {}\n")
            << list("daemonset-update-strategy");
        QTest::addRow("pv claimRef keeps the claim's name")
            << QByteArray("apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv\nspec:\n"
                          "  claimRef:\n    name: data\n    namespace: db\n"
                          "    resourceVersion: '7'\n    uid: u\n"
                          "  persistentVolumeReclaimPolicy: Delete\n  volumeMode: Filesystem\n")
            << QByteArray("apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv\nspec:\n"
                          "  claimRef:\n    name: data\n    namespace: db\n"
                          "  persistentVolumeReclaimPolicy: Delete\n")
            << QStringList{QStringLiteral("pv-claim-ref-identity"), QStringLiteral("volume-mode")};
        QTest::addRow("pvc bound to a static volume")
            << QByteArray("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\n"
                          "spec:\n  dataSource: null\n  volumeMode: Block\n  volumeName: nas-1\n")
            << QByteArray("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\n"
                          "spec:\n  volumeMode: Block\n  volumeName: nas-1\n")
            << list("pvc-data-source");
        QTest::addRow("pvc bound to a dynamic volume, even when kubectl wrote it")
            << QByteArray("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\n"
                          "  managedFields:\n  - manager: kubectl-client-side-apply\n"
                          "    operation: Update\n    fieldsV1:\n      f:spec:\n"
                          "        f:volumeName: {}\nspec:\n"
                          "  volumeName: pvc-0b0c8a4e-7d1f-4c61-8f0e-6a3f7c2d9e11\n")
            << QByteArray("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\n"
                          "spec: {}\n")
            << QStringList{QStringLiteral("pvc-dynamic-volume"), QStringLiteral("server-metadata")};
        QTest::addRow("service account token references")
            << QByteArray("apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa\n"
                          "secrets:\n- name: sa-token-abcde\n")
            << QByteArray("apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa\n")
            << list("service-account-token-secrets");
        QTest::addRow("meaningful empty values survive")
            << QByteArray("apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata: {}\n"
                          "stringData: {}\ntype: Opaque\n")
            << QByteArray("apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata: {}\n"
                          "stringData: {}\ntype: Opaque\n")
            << QStringList();
        QTest::addRow("network policy allow-all egress")
            << QByteArray("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n"
                          "  name: n\nspec:\n  egress:\n  - {}\n  podSelector: {}\n")
            << QByteArray("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n"
                          "  name: n\nspec:\n  egress:\n  - {}\n  podSelector: {}\n")
            << QStringList();
    }

    void rules()
    {
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, after);
        QFETCH(QStringList, fired);
        const Result<CleanTextResult> cleaned =
            cleanYamlText(before, QStringLiteral("t.yaml"), CleanRules::defaults());
        QVERIFY2(cleaned.ok(), qPrintable(cleaned.error().toString()));
        // As data: the text form (key order, quoting) is held to the files above.
        QCOMPARE(parseAll(cleaned->text.toUtf8()), parseAll(after));
        QCOMPARE(ruleNames(cleaned->removals), sorted(fired));
    }

    void helmExit()
    {
        const QJsonObject o = object("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n"
                                     "  labels:\n    app.kubernetes.io/managed-by: Helm\n"
                                     "    app: x\n  annotations:\n"
                                     "    meta.helm.sh/release-name: r\n"
                                     "    meta.helm.sh/release-namespace: ns\n");
        CleanContext context;
        context.objectLeavesHelm = true;
        const CleanResult r = cleanObject(o, CleanRules::defaults(), context);
        const QJsonObject metadata = r.object.value(QLatin1String("metadata")).toObject();
        QVERIFY(!metadata.contains(QLatin1String("annotations")));
        QCOMPARE(metadata.value(QLatin1String("labels")).toObject(),
                 (QJsonObject{{QStringLiteral("app"), QStringLiteral("x")}}));
        QCOMPARE(ruleNames(r.removals),
                 (QStringList{QStringLiteral("empty-metadata"), QStringLiteral("helm-annotations"),
                              QStringLiteral("helm-managed-by")}));
        // Staying in Helm: nothing of Helm's goes.
        QCOMPARE(cleanObject(o, CleanRules::defaults()).object, o);
    }

    void dynamicVolumesFromContext()
    {
        const QJsonObject pvc =
            object("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\n"
                   "spec:\n  storageClassName: nfs\n  volumeName: nfs-share-7\n");
        QCOMPARE(cleanObject(pvc, CleanRules::defaults()).object, pvc);
        CleanContext context;
        context.dynamicVolumes.insert(QStringLiteral("nfs-share-7"));
        const CleanResult r = cleanObject(pvc, CleanRules::defaults(), context);
        QVERIFY(!r.object.value(QLatin1String("spec"))
                     .toObject()
                     .contains(QLatin1String("volumeName")));
        QCOMPARE(r.removals.size(), 1);
        QCOMPARE(r.removals.first().path, QStringLiteral("spec.volumeName"));

        const QList<QJsonObject> objects = {
            object("apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: a\n  annotations:\n"
                   "    pv.kubernetes.io/provisioned-by: nfs.csi.k8s.io\n"),
            object("apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: b\n")};
        QCOMPARE(cleanContextFor(objects).dynamicVolumes, QSet<QString>{QStringLiteral("a")});
    }

    // managedFields decide: a person's manager (or any Apply) keeps a default; a controller's
    // Update or a status write does not.
    void evidence_data()
    {
        QTest::addColumn<QByteArray>("managedFields");
        QTest::addColumn<bool>("kept");
        const QByteArray ownsDns = "    fieldsV1:\n      f:spec:\n        f:template:\n"
                                   "          f:spec:\n            f:dnsPolicy: {}\n";
        for (const char *editing : {"kubectl-edit", "kubectl-patch", "kubectl-replace",
                                    "kubectl-set", "kubectl-label", "kubectl-annotate"})
            QTest::addRow("%s", editing)
                << "  - manager: " + QByteArray(editing) + "\n    operation: Update\n" + ownsDns
                << true;
        // The Update that created the object lists the API server's defaults too.
        for (const char *creating :
             {"kubectl-client-side-apply", "kubectl-create", "helm", "kubectl"})
            QTest::addRow("%s", creating)
                << "  - manager: " + QByteArray(creating) + "\n    operation: Update\n" + ownsDns
                << false;
        QTest::addRow("any manager's Apply")
            << "  - manager: argocd-controller\n    operation: Apply\n" + ownsDns << true;
        QTest::addRow("kubectl's server-side apply")
            << "  - manager: kubectl\n    operation: Apply\n" + ownsDns << true;
        QTest::addRow("controller Update")
            << "  - manager: kube-controller-manager\n    operation: Update\n" + ownsDns << false;
        QTest::addRow("k3s Update")
            << "  - manager: k3s\n    operation: Update\n" + ownsDns << false;
        QTest::addRow("person's status write")
            << "  - manager: kubectl-edit\n    operation: Update\n    subresource: status\n" +
                   ownsDns
            << false;
        QTest::addRow("person without the field")
            << QByteArray("  - manager: kubectl\n    operation: Update\n    fieldsV1:\n"
                          "      f:spec:\n        f:replicas: {}\n")
            << false;
    }

    void evidence()
    {
        QFETCH(QByteArray, managedFields);
        QFETCH(bool, kept);
        const QJsonObject o = object("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n"
                                     "  name: d\n  managedFields:\n" +
                                     managedFields +
                                     "spec:\n  template:\n    spec:\n"
                                     "      dnsPolicy: ClusterFirst\n");
        const CleanResult r = cleanObject(o, CleanRules::defaults());
        const QJsonObject spec = r.object.value(QLatin1String("spec"))
                                     .toObject()
                                     .value(QLatin1String("template"))
                                     .toObject()
                                     .value(QLatin1String("spec"))
                                     .toObject();
        QCOMPARE(spec.contains(QLatin1String("dnsPolicy")), kept);
        QVERIFY(!r.object.value(QLatin1String("metadata"))
                     .toObject()
                     .contains(QLatin1String("managedFields")));
    }

    void fieldsV1Items()
    {
        // Keyed ("k:") and set ("v:") items; the protocol the API server added is not the user's.
        const QJsonObject o = object(
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  managedFields:\n"
            "  - manager: kubectl-edit\n    operation: Update\n    fieldsV1:\n"
            "      f:spec:\n        f:ports:\n          k:{\"port\":80,\"protocol\":\"TCP\"}:\n"
            "            .: {}\n            f:port: {}\n            f:targetPort: {}\n"
            "  - manager: kubectl-patch\n    operation: Update\n    fieldsV1:\n      f:metadata:\n"
            "        f:finalizers:\n          v:\"kubernetes.io/pvc-protection\": {}\n"
            "spec:\n  ports:\n  - port: 80\n    protocol: TCP\n    targetPort: 80\n"
            "  - port: 443\n    protocol: TCP\n    targetPort: 443\n");
        const FieldEvidence evidence =
            FieldEvidence::of(o, CleanRules::defaults().editingManagers());
        QVERIFY(evidence.hasManagedFields());
        QVERIFY(!evidence.hasLastApplied());
        const FieldEvidence::Cursor ports =
            evidence.root().key(QStringLiteral("spec")).key(QStringLiteral("ports"));
        const QJsonArray items =
            o.value(QLatin1String("spec")).toObject().value(QLatin1String("ports")).toArray();
        QVERIFY(ports.item(0, items.at(0)).isSet());
        QVERIFY(ports.item(0, items.at(0)).key(QStringLiteral("targetPort")).isSet());
        QVERIFY(!ports.item(0, items.at(0)).key(QStringLiteral("protocol")).isSet());
        QVERIFY(!ports.item(1, items.at(1)).isSet());
        const FieldEvidence::Cursor finalizers =
            evidence.root().key(QStringLiteral("metadata")).key(QStringLiteral("finalizers"));
        QVERIFY(finalizers.item(0, QStringLiteral("kubernetes.io/pvc-protection")).isSet());
        QVERIFY(!finalizers.item(0, QStringLiteral("other")).isSet());

        const CleanResult r = cleanObject(o, CleanRules::defaults());
        const QJsonArray cleaned = r.object.value(QLatin1String("spec"))
                                       .toObject()
                                       .value(QLatin1String("ports"))
                                       .toArray();
        QCOMPARE(cleaned.at(0).toObject(),
                 (QJsonObject{{QStringLiteral("port"), 80}, {QStringLiteral("targetPort"), 80}}));
        QCOMPARE(cleaned.at(1).toObject(), (QJsonObject{{QStringLiteral("port"), 443}}));
    }

    void lastAppliedEvidence()
    {
        const QJsonObject o =
            object("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  annotations:\n"
                   "    kubectl.kubernetes.io/last-applied-configuration: '{\"spec\":{\"template\":"
                   "{\"spec\":{\"containers\":[{\"name\":\"b\",\"terminationMessagePolicy\":"
                   "\"File\"}]}}}}'\n"
                   "spec:\n  template:\n    spec:\n      containers:\n      - name: a\n"
                   "        terminationMessagePolicy: File\n      - name: b\n"
                   "        terminationMessagePolicy: File\n");
        const CleanResult r = cleanObject(o, CleanRules::defaults());
        const QJsonArray containers = r.object.value(QLatin1String("spec"))
                                          .toObject()
                                          .value(QLatin1String("template"))
                                          .toObject()
                                          .value(QLatin1String("spec"))
                                          .toObject()
                                          .value(QLatin1String("containers"))
                                          .toArray();
        QCOMPARE(containers.at(0).toObject(),
                 (QJsonObject{{QStringLiteral("name"), QStringLiteral("a")}}));
        QCOMPARE(containers.at(1).toObject().value(QLatin1String("terminationMessagePolicy")),
                 QJsonValue(QStringLiteral("File")));
    }

    // The window and the plan clean objects read from the API (with managedFields); clean reads
    // what kubectl get -o yaml prints (without them). The same object cleans to the same text:
    // the creating Update entry's defaults are not evidence, last-applied-configuration is.
    void createdObjectsCleanLikeTheirExport_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addRow("deployment") << QStringLiteral("deployment-created");
        QTest::addRow("service") << QStringLiteral("service-created");
    }

    void createdObjectsCleanLikeTheirExport()
    {
        QFETCH(QString, name);
        const QJsonObject live =
            object(readFile(dataDir() + QLatin1Char('/') + name + QLatin1String(".in.yaml")));
        const QByteArray exported = readFile(dataDir() + QLatin1String("/without-managedfields/") +
                                             name + QLatin1String(".yaml"));
        const QByteArray expected =
            readFile(dataDir() + QLatin1Char('/') + name + QLatin1String(".out.yaml"));
        QVERIFY(!exported.isEmpty() && !expected.isEmpty());
        // The same object: the export is the live object without its managedFields.
        QJsonObject withoutManaged = live;
        QJsonObject metadata = withoutManaged.value(QLatin1String("metadata")).toObject();
        QVERIFY(metadata.contains(QLatin1String("managedFields")));
        metadata.remove(QLatin1String("managedFields"));
        withoutManaged.insert(QStringLiteral("metadata"), metadata);
        QCOMPARE(object(exported), withoutManaged);

        const CleanResult fromLive = cleanObject(live, CleanRules::defaults());
        const Result<CleanTextResult> fromExport =
            cleanYamlText(exported, QStringLiteral("export.yaml"), CleanRules::defaults());
        QVERIFY(fromExport.ok());
        QCOMPARE(toYaml(fromLive.object).toUtf8(), expected);
        QCOMPARE(fromExport->text.toUtf8(), expected);
        QCOMPARE(fromLive.problems.size(), fromExport->problems.size());
    }

    // A stock K3s homelab as kubectl get -o yaml --show-managed-fields shows it (tests/data/k3s):
    // every object whose managedFields hold no Apply and no editing tool's entry cleans to the
    // same text with them (what the window plans) as without them (what clean of an export
    // writes), whoever created it: kubectl-client-side-apply, kubectl-create, helm, k3s.
    void k3sObjectsCleanLikeTheirExport()
    {
        const QString path = QStringLiteral(FLUXDESK_TEST_DATA "/k3s/k3s-homelab.yaml");
        const Result<QList<QJsonObject>> objects = parseManifestStream(readFile(path), path);
        QVERIFY2(objects.ok(), qPrintable(objects.error().toString()));
        const CleanRules rules = CleanRules::defaults();
        const CleanContext context = cleanContextFor(*objects);
        int compared = 0;
        QSet<QString> creators;
        for (const QJsonObject &live : *objects) {
            QJsonObject metadata = live.value(QLatin1String("metadata")).toObject();
            const QJsonArray entries = metadata.value(QLatin1String("managedFields")).toArray();
            if (entries.isEmpty())
                continue;
            bool intent = false;
            for (const QJsonValue &e : entries) {
                const QJsonObject entry = e.toObject();
                intent =
                    intent ||
                    entry.value(QLatin1String("operation")).toString() == QLatin1String("Apply") ||
                    rules.editingManagers().contains(
                        entry.value(QLatin1String("manager")).toString());
            }
            if (intent)
                continue;
            for (const QJsonValue &e : entries)
                creators.insert(e.toObject().value(QLatin1String("manager")).toString());
            QJsonObject exported = live;
            metadata.remove(QLatin1String("managedFields"));
            exported.insert(QStringLiteral("metadata"), metadata);
            const QString name = live.value(QLatin1String("kind")).toString() + QLatin1Char(' ') +
                                 namespacedName(live);
            QVERIFY2(toYaml(cleanObject(live, rules, context).object) ==
                         toYaml(cleanObject(exported, rules, context).object),
                     qPrintable(name));
            ++compared;
        }
        QVERIFY2(compared > 200, qPrintable(QString::number(compared)));
        for (const char *creator : {"kubectl-client-side-apply", "kubectl-create", "helm", "k3s"})
            QVERIFY2(creators.contains(QLatin1String(creator)), creator);
    }

    // Which managedFields entries are evidence: Apply, the editing tools' Update entries (a scale
    // subresource entry too), never a creating tool's Update, a controller's or a status write.
    void evidenceEntries()
    {
        const QStringList editing = CleanRules::defaults().editingManagers();
        const QJsonObject created =
            object(readFile(dataDir() + QLatin1String("/deployment-created.in.yaml")));
        const FieldEvidence evidence = FieldEvidence::of(created, editing);
        QVERIFY(evidence.hasManagedFields());
        const FieldEvidence::Cursor spec = evidence.root().key(QStringLiteral("spec"));
        // kubectl scale wrote spec.replicas through the scale subresource.
        QVERIFY(spec.key(QStringLiteral("replicas")).inManagedFields());
        // Defaults the creating kubectl-client-side-apply entry lists prove nothing.
        for (const char *field : {"progressDeadlineSeconds", "revisionHistoryLimit", "strategy"})
            QVERIFY2(!spec.key(QLatin1String(field)).isSet(), field);
        // The declared imagePullPolicy is in last-applied-configuration.
        const QJsonValue container = created.value(QLatin1String("spec"))
                                         .toObject()
                                         .value(QLatin1String("template"))
                                         .toObject()
                                         .value(QLatin1String("spec"))
                                         .toObject()
                                         .value(QLatin1String("containers"))
                                         .toArray()
                                         .at(0);
        const FieldEvidence::Cursor first = spec.key(QStringLiteral("template"))
                                                .key(QStringLiteral("spec"))
                                                .key(QStringLiteral("containers"))
                                                .item(0, container);
        QVERIFY(first.key(QStringLiteral("imagePullPolicy")).inLastApplied());
        QVERIFY(!first.key(QStringLiteral("imagePullPolicy")).inManagedFields());
        QVERIFY(!first.key(QStringLiteral("terminationMessagePath")).isSet());

        // kubectl before 1.22 called itself "kubectl" when it scaled: a subresource write never
        // created the object, so a person's tool counts there.
        const QJsonObject oldKubectl =
            object("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  managedFields:\n"
                   "  - manager: kubectl\n    operation: Update\n    subresource: scale\n"
                   "    fieldsV1:\n      f:spec:\n        f:replicas: {}\nspec:\n  replicas: 2\n");
        QVERIFY(FieldEvidence::of(oldKubectl, editing, CleanRules::defaults().personManagers())
                    .root()
                    .key(QStringLiteral("spec"))
                    .key(QStringLiteral("replicas"))
                    .inManagedFields());

        // An autoscaler writes the scale subresource too, as a controller; a status write is a
        // report whoever sends it.
        const QByteArray replicas = "    fieldsV1:\n      f:spec:\n        f:replicas: {}\n";
        const QJsonObject scaled =
            object("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  managedFields:\n"
                   "  - manager: kube-controller-manager\n    operation: Update\n"
                   "    subresource: scale\n" +
                   replicas +
                   "  - manager: kubectl-edit\n    operation: Update\n    subresource: status\n"
                   "    fieldsV1:\n      f:spec:\n        f:paused: {}\nspec:\n  replicas: 4\n");
        const FieldEvidence::Cursor scaledSpec =
            FieldEvidence::of(scaled, editing, CleanRules::defaults().personManagers())
                .root()
                .key(QStringLiteral("spec"));
        QVERIFY(!scaledSpec.key(QStringLiteral("replicas")).isSet());
        QVERIFY(!scaledSpec.key(QStringLiteral("paused")).isSet());
    }

    // Values the cluster allocated are never written, whoever's managedFields list them, unless a
    // person declared them (then they stay, with a warning).
    void serverAllocated_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<int>("warnings");
        const QByteArray svc = "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n";
        const QByteArray created = "  managedFields:\n  - manager: kubectl-client-side-apply\n"
                                   "    operation: Update\n    fieldsV1:\n      f:spec:\n";
        const QByteArray portFields = "        f:ports:\n"
                                      "          k:{\"port\":80,\"protocol\":\"TCP\"}:\n"
                                      "            f:nodePort: {}\n            f:port: {}\n";
        const QByteArray nodePortSpec =
            "spec:\n  ports:\n  - nodePort: 30080\n    port: 80\n  type: NodePort\n";
        const QByteArray nodePortKept = svc + nodePortSpec;
        const QByteArray nodePortGone = svc + "spec:\n  ports:\n  - port: 80\n  type: NodePort\n";

        QTest::addRow("clusterIP and clusterIPs the creation allocated")
            << svc + created +
                   "        f:clusterIP: {}\n        f:clusterIPs: {}\n        f:selector: {}\n"
                   "spec:\n  clusterIP: 10.43.0.9\n  clusterIPs:\n  - 10.43.0.9\n  selector:\n"
                   "    app: a\n"
            << svc + "spec:\n  selector:\n    app: a\n"
            << 0;
        QTest::addRow("clusterIP declared in last-applied stays, with a warning")
            << svc +
                   "  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: "
                   "'{\"spec\":{\"clusterIP\":\"10.43.0.9\"}}'\n" +
                   created + "        f:clusterIP: {}\n        f:clusterIPs: {}\n" +
                   "spec:\n  clusterIP: 10.43.0.9\n  clusterIPs:\n  - 10.43.0.9\n"
            << svc + "spec:\n  clusterIP: 10.43.0.9\n"
            << 1;
        QTest::addRow("headless None stays")
            << svc + created + "        f:clusterIP: {}\n        f:clusterIPs: {}\n" +
                   "spec:\n  clusterIP: None\n  clusterIPs:\n  - None\n"
            << svc + "spec:\n  clusterIP: None\n  clusterIPs:\n  - None\n"
            << 0;
        QTest::addRow("nodePort the creation allocated")
            << svc + created + portFields + nodePortSpec << nodePortGone << 0;
        QTest::addRow("nodePort declared by a server-side apply")
            << svc +
                   "  managedFields:\n  - manager: kubectl\n    operation: Apply\n"
                   "    fieldsV1:\n      f:spec:\n" +
                   portFields + nodePortSpec
            << nodePortKept << 1;
        QTest::addRow("nodePort set with kubectl patch")
            << svc +
                   "  managedFields:\n  - manager: kubectl-patch\n    operation: Update\n"
                   "    fieldsV1:\n      f:spec:\n" +
                   portFields + nodePortSpec
            << nodePortKept << 1;
        QTest::addRow("healthCheckNodePort the creation allocated")
            << svc + created + "        f:healthCheckNodePort: {}\n" +
                   "spec:\n  externalTrafficPolicy: Local\n  healthCheckNodePort: 31234\n"
                   "  type: LoadBalancer\n"
            << svc + "spec:\n  externalTrafficPolicy: Local\n  type: LoadBalancer\n"
            << 0;

        const QByteArray pvc =
            "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\n";
        QTest::addRow("dynamic volumeName, even from kubectl edit")
            << pvc + "  managedFields:\n  - manager: kubectl-edit\n    operation: Update\n"
                     "    fieldsV1:\n      f:spec:\n        f:volumeName: {}\n"
                     "spec:\n  volumeName: pvc-0b0c8a4e-7d1f-4c61-8f0e-6a3f7c2d9e11\n"
            << pvc + "spec: {}\n"
            << 0;
        QTest::addRow("a volume provisioned for the claim under its provisioner's name")
            << pvc + "  annotations:\n    volume.kubernetes.io/storage-provisioner: "
                     "nfs.csi.k8s.io\nspec:\n  storageClassName: nfs\n  volumeName: nfs-3f2a9c\n"
            << pvc + "spec:\n  storageClassName: nfs\n"
            << 0;
        QTest::addRow("a static volumeName stays")
            << pvc + created + "        f:volumeName: {}\nspec:\n  volumeName: nas-1\n"
            << pvc + "spec:\n  volumeName: nas-1\n"
            << 0;
        QTest::addRow("PV claimRef identity, even from an Apply")
            << QByteArray("apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv\n"
                          "  managedFields:\n  - manager: kubectl\n    operation: Apply\n"
                          "    fieldsV1:\n      f:spec:\n        f:claimRef:\n"
                          "          f:name: {}\n          f:namespace: {}\n"
                          "          f:resourceVersion: {}\n          f:uid: {}\n"
                          "spec:\n  claimRef:\n    name: data\n    namespace: db\n"
                          "    resourceVersion: '7'\n    uid: u\n")
            << QByteArray("apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv\n"
                          "spec:\n  claimRef:\n    name: data\n    namespace: db\n")
            << 0;
    }

    void serverAllocated()
    {
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, after);
        QFETCH(int, warnings);
        const Result<CleanTextResult> cleaned =
            cleanYamlText(before, QStringLiteral("t.yaml"), CleanRules::defaults());
        QVERIFY2(cleaned.ok(), qPrintable(cleaned.error().toString()));
        QCOMPARE(parseAll(cleaned->text.toUtf8()), parseAll(after));
        QCOMPARE(cleaned->problems.size(), warnings);
        for (const Problem &p : cleaned->problems)
            QCOMPARE(p.severity, Problem::Severity::Warning);
    }

    // A typed list straight from the API (DeploymentList, ServiceList) has items without
    // apiVersion and kind: they are the list's. A plain List's items stay as they are.
    void typedLists()
    {
        const QByteArray json =
            R"({"apiVersion":"v1","kind":"ServiceList","metadata":{"resourceVersion":"9"},
                "items":[{"metadata":{"name":"a","namespace":"shop","uid":"u"},
                          "spec":{"clusterIP":"10.43.0.1","ports":[{"port":80,"protocol":"TCP"}]}},
                         {"apiVersion":"v1","kind":"Service","metadata":{"name":"b"}}]})";
        const Result<CleanTextResult> cleaned =
            cleanYamlText(json, QStringLiteral("services.json"), CleanRules::defaults());
        QVERIFY2(cleaned.ok(), qPrintable(cleaned.error().toString()));
        QCOMPARE(cleaned->text, QStringLiteral("apiVersion: v1\nkind: Service\nmetadata:\n"
                                               "  name: a\n  namespace: shop\nspec:\n  ports:\n"
                                               "  - port: 80\n---\napiVersion: v1\n"
                                               "kind: Service\nmetadata:\n  name: b\n"));

        const QJsonObject deploymentList{
            {QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
            {QStringLiteral("kind"), QStringLiteral("DeploymentList")}};
        const QJsonObject item{{QStringLiteral("metadata"),
                                QJsonObject{{QStringLiteral("name"), QStringLiteral("d")}}}};
        const QJsonObject typed = typedListItem(deploymentList, item);
        QCOMPARE(typed.value(QLatin1String("apiVersion")), QJsonValue(QStringLiteral("apps/v1")));
        QCOMPARE(typed.value(QLatin1String("kind")), QJsonValue(QStringLiteral("Deployment")));
        const QJsonObject plainList{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                    {QStringLiteral("kind"), QStringLiteral("List")}};
        QCOMPARE(typedListItem(plainList, item), item);
        const Result<CleanTextResult> plain =
            cleanYamlText("apiVersion: v1\nkind: List\nitems:\n- metadata:\n    name: x\n",
                          QStringLiteral("l.yaml"), CleanRules::defaults());
        QVERIFY(plain.ok());
        QCOMPARE(plain->text, QStringLiteral("metadata:\n  name: x\n"));
    }

    // With skipSecrets, Secrets (a typed SecretList's items and Helm's release records too) are
    // left out and named in input order, in the whole text and in the slices of a large one.
    void skipsSecrets_data()
    {
        QTest::addColumn<int>("copies");
        QTest::newRow("small") << 1;
        QTest::newRow("large, in slices") << 6000;
    }

    void skipsSecrets()
    {
        QFETCH(int, copies);
        const QByteArray part =
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c%1\n  namespace: n\n"
            "data:\n  k: v\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s%1\n"
            "  namespace: n\ndata:\n  password: aHVudGVyMg==\n---\n"
            "apiVersion: v1\nkind: SecretList\nitems:\n- metadata:\n"
            "    name: sh.helm.release.v1.r%1.v1\n    namespace: n\n"
            "  type: helm.sh/release.v1\n  data:\n    release: SDRzSUFBQUFBQUFB\n---\n";
        QByteArray yaml;
        QStringList expectedSkipped;
        for (int i = 0; i < copies; ++i) {
            yaml += QString::fromLatin1(part).arg(i).toUtf8();
            expectedSkipped << QStringLiteral("n/s%1").arg(i)
                            << QStringLiteral("n/sh.helm.release.v1.r%1.v1").arg(i);
        }
        CleanContext context;
        context.skipSecrets = true;
        context.utf8Text = true;
        const Result<CleanTextResult> skipped =
            cleanYamlText(yaml, QStringLiteral("s.yaml"), CleanRules::defaults(), context);
        QVERIFY2(skipped.ok(), qPrintable(skipped.error().toString()));
        QCOMPARE(skipped->utf8.size() > 1, copies > 1); // the large text went in slices
        const QByteArray text = skipped->utf8.join();
        QCOMPARE(text.count("kind: ConfigMap"), copies);
        QVERIFY(!text.contains("Secret"));
        QVERIFY(!text.contains("aHVudGVyMg=="));
        QCOMPARE(skipped->skippedSecrets, expectedSkipped);

        context.skipSecrets = false;
        const Result<CleanTextResult> kept =
            cleanYamlText(yaml, QStringLiteral("s.yaml"), CleanRules::defaults(), context);
        QVERIFY(kept.ok());
        QCOMPARE(kept->utf8.join().count("kind: Secret\n"), 2 * copies);
        QVERIFY(kept->skippedSecrets.isEmpty());
    }

    void repositoryOverrides()
    {
        QTemporaryDir repo;
        QVERIFY(repo.isValid());
        // No override file: the defaults.
        Result<CleanRules> rules = CleanRules::forRepository(repo.path());
        QVERIFY(rules.ok());
        QCOMPARE(rules->rules().size(), CleanRules::defaults().rules().size());

        QVERIFY(QDir(repo.path()).mkpath(QStringLiteral(".fluxdesk")));
        QFile file(repo.filePath(QStringLiteral(".fluxdesk/clean-rules.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("personManagers: [my-deployer]\n"
                   "editingManagers: [my-editor]\n"
                   "rules:\n"
                   "  - name: status\n    enabled: false\n"
                   "  - name: termination-grace-period\n    onlyIfEquals: 60\n"
                   "  - name: team-annotation\n    description: our CI stamps builds\n"
                   "    paths: ['metadata.annotations[ci.example.com/*]']\n");
        file.close();
        rules = CleanRules::forRepository(repo.path());
        QVERIFY2(rules.ok(), qPrintable(rules.error().toString()));
        QCOMPARE(rules->rules().size(), CleanRules::defaults().rules().size() + 1);
        QVERIFY(rules->personManagers().contains(QStringLiteral("my-deployer")));
        QVERIFY(rules->editingManagers().contains(QStringLiteral("my-editor")));
        QVERIFY(rules->editingManagers().contains(QStringLiteral("kubectl-edit")));

        const QByteArray in =
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  annotations:\n"
            "    ci.example.com/build: '42'\nspec:\n  template:\n    spec:\n"
            "      terminationGracePeriodSeconds: 60\nstatus:\n  replicas: 1\n";
        const Result<CleanTextResult> cleaned = cleanYamlText(in, QStringLiteral("t.yaml"), *rules);
        QVERIFY(cleaned.ok());
        QCOMPARE(cleaned->text, QStringLiteral("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n"
                                               "  name: d\nspec:\n  template:\n    spec: {}\n"
                                               "status:\n  replicas: 1\n"));
        QCOMPARE(ruleNames(cleaned->removals),
                 (QStringList{QStringLiteral("empty-metadata"), QStringLiteral("team-annotation"),
                              QStringLiteral("termination-grace-period")}));

        // A broken override is an error with the file's name, not a silent fallback.
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("rules:\n  - name: x\n    paths: [a]\n    when: full-moon\n");
        file.close();
        rules = CleanRules::forRepository(repo.path());
        QVERIFY(!rules.ok());
        QVERIFY(rules.error().file.endsWith(QLatin1String(".fluxdesk/clean-rules.yaml")));
        QVERIFY(rules.error().message.contains(QLatin1String("full-moon")));
    }

    void badRules_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("message");
        QTest::addRow("no rules list") << QByteArray("foo: 1\n") << QStringLiteral("rules");
        QTest::addRow("no name") << QByteArray("rules:\n- paths: [a]\n") << QStringLiteral("name");
        QTest::addRow("no paths") << QByteArray("rules:\n- name: a\n") << QStringLiteral("paths");
        QTest::addRow("bad path") << QByteArray("rules:\n- name: a\n  paths: ['a[']\n")
                                  << QStringLiteral("bad path");
        QTest::addRow("bad userSet")
            << QByteArray("rules:\n- name: a\n  paths: [a]\n  userSet: maybe\n")
            << QStringLiteral("userSet");
        QTest::addRow("yaml error") << QByteArray("rules: [\n") << QString();
    }

    void badRules()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, message);
        const Result<CleanRules> rules = CleanRules::parse(yaml, QStringLiteral("r.yaml"));
        QVERIFY(!rules.ok());
        QCOMPARE(rules.error().file, QStringLiteral("r.yaml"));
        QVERIFY2(rules.error().message.contains(message), qPrintable(rules.error().message));
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<int>("line");
        QTest::addRow("scalar document")
            << QByteArray("apiVersion: v1\nkind: A\n---\njust text\n") << 4;
        QTest::addRow("list document") << QByteArray("- a\n- b\n") << 1;
        QTest::addRow("List item not a map")
            << QByteArray("apiVersion: v1\nkind: List\nitems:\n- 3\n") << 1;
        QTest::addRow("duplicate key") << QByteArray("a: 1\na: 2\n") << 2;
        QTest::addRow("tab indent") << QByteArray("a:\n\t- b\n") << 2;
    }

    void badInput()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(int, line);
        const Result<CleanTextResult> r =
            cleanYamlText(yaml, QStringLiteral("bad.yaml"), CleanRules::defaults());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().file, QStringLiteral("bad.yaml"));
        QCOMPARE(r.error().line, line);
    }

    void emptyInput()
    {
        const Result<CleanTextResult> r =
            cleanYamlText(QByteArray("---\n"), QStringLiteral("e.yaml"), CleanRules::defaults());
        QVERIFY(r.ok());
        QCOMPARE(r->text, QString());
    }

    void comments_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<bool>("has");
        QTest::addRow("none") << QByteArray("a: 1\nb: x\n") << false;
        QTest::addRow("full line") << QByteArray("# top\na: 1\n") << true;
        QTest::addRow("indented") << QByteArray("a:\n  # why\n  b: 1\n") << true;
        QTest::addRow("trailing") << QByteArray("a: 1 # why\n") << true;
        QTest::addRow("hash in plain scalar") << QByteArray("a: b#c\n") << false;
        QTest::addRow("hash in double quotes") << QByteArray("a: \"x # y\"\n") << false;
        QTest::addRow("hash in single quotes") << QByteArray("a: 'x # it''s'\n") << false;
        QTest::addRow("multi-line quoted")
            << QByteArray("a: \"first\n  # not a comment\"\nb: 1\n") << false;
        QTest::addRow("block scalar")
            << QByteArray("script: |\n  # shell comment\n  echo hi\nb: 1\n") << false;
        QTest::addRow("folded keep block")
            << QByteArray("- >-\n  # text\n\n  more\n- x\n") << false;
        QTest::addRow("after a block scalar")
            << QByteArray("script: |\n  echo\n# real\nb: 1\n") << true;
        QTest::addRow("url fragment") << QByteArray("url: http://x/#frag\n") << false;
    }

    void comments()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(bool, has);
        QCOMPARE(yamlHasComments(yaml), has);
    }

    // Every user-managed object of the demo cluster cleans to YAML without server fields.
    void demoCluster()
    {
        const QList<QJsonObject> objects = demoClusterObjects();
        QVERIFY(!objects.isEmpty());
        const CleanContext context = cleanContextFor(objects);
        int cleanedCount = 0;
        for (const QJsonObject &o : objects) {
            if (classify(o).ownership != Ownership::UserManaged)
                continue;
            ++cleanedCount;
            const CleanResult r = cleanObject(o, CleanRules::defaults(), context);
            const QString yaml = toYaml(r.object);
            const QString name = o.value(QLatin1String("kind")).toString() + QLatin1Char('/') +
                                 o.value(QLatin1String("metadata"))
                                     .toObject()
                                     .value(QLatin1String("name"))
                                     .toString();
            for (const QString &server :
                 {QStringLiteral("creationTimestamp:"), QStringLiteral("resourceVersion:"),
                  QStringLiteral("\n  uid:"), QStringLiteral("managedFields:"),
                  QStringLiteral("selfLink:"), QStringLiteral("generation:"),
                  QStringLiteral("last-applied-configuration"),
                  QStringLiteral("deployment.kubernetes.io/revision"),
                  QStringLiteral("terminationMessagePath"), QStringLiteral("clusterIPs:")})
                QVERIFY2(!yaml.contains(server), qPrintable(name + QLatin1String(": ") + server));
            QVERIFY2(!r.object.contains(QLatin1String("status")), qPrintable(name));
            QCOMPARE(r.object.value(QLatin1String("kind")), o.value(QLatin1String("kind")));
            // The cleaned YAML reads back to the cleaned object.
            QCOMPARE(parseYamlValue(yaml.toUtf8(), name).value().toObject(), r.object);
        }
        QVERIFY(cleanedCount >= 10);
    }

    // Not a timed test (the benchmark suite compares with yq): cleaning 10,000 parsed objects
    // with managedFields is reported, and every copy cleans to the same result.
    void throughput()
    {
        const Result<QList<YamlDocument>> docs = parseYamlDocuments(
            readFile(dataDir() + QLatin1String("/deployment-managedfields.in.yaml")) + "---\n" +
                readFile(dataDir() + QLatin1String("/service-nodeport.in.yaml")),
            QStringLiteral("t.yaml"));
        QVERIFY(docs.ok());
        QCOMPARE(docs->size(), 2);
        QList<QJsonObject> objects;
        for (int i = 0; i < 5000; ++i) {
            for (const YamlDocument &d : *docs)
                objects.append(d.value.toObject());
        }
        const CleanRules rules = CleanRules::defaults();
        QElapsedTimer timer;
        timer.start();
        const std::clock_t cpuStart = std::clock(); // wall time suffers on a shared machine
        QList<CleanResult> results;
        results.reserve(objects.size());
        for (const QJsonObject &o : qAsConst(objects))
            results.append(cleanObject(o, rules));
        const qint64 ms = timer.elapsed();
        const long cpuMs = long((std::clock() - cpuStart) * 1000 / CLOCKS_PER_SEC);
        qInfo("cleaned %d objects in %lld ms (%ld ms CPU)", int(objects.size()), ms, cpuMs);
        for (qsizetype i = 2; i < results.size(); ++i)
            QCOMPARE(results.at(i).object, results.at(i % 2).object);
    }

    // An export of over 1 MB is read, cleaned and written in slices on several threads: the same
    // text, removals and problems (at their lines in the whole file) as each part cleaned alone.
    // With a PersistentVolume in it, the whole text is read first; a bad document at the end is
    // still reported at its line.
    void largeExportInSlices_data()
    {
        QTest::addColumn<bool>("withVolumes");
        QTest::newRow("no volumes") << false;
        QTest::newRow("with volumes") << true;
    }

    void largeExportInSlices()
    {
        QFETCH(bool, withVolumes);
        const QStringList names =
            QDir(dataDir()).entryList({QStringLiteral("*.in.yaml")}, QDir::Files, QDir::Name);
        const CleanRules rules = CleanRules::defaults();
        QByteArray big;
        QStringList expectedTexts;
        QList<Problem> expectedProblems;
        qsizetype expectedRemovals = 0;
        while (big.size() < 1536 * 1024) {
            for (const QString &name : names) {
                if (!withVolumes && name.startsWith(QLatin1String("volumes-")))
                    continue;
                const QByteArray part = readFile(dataDir() + QLatin1Char('/') + name);
                const int firstLine = int(big.count('\n')) + 1;
                const Result<CleanTextResult> alone =
                    cleanYamlText(part, QStringLiteral("t.yaml"), rules);
                QVERIFY2(alone.ok(), qPrintable(name));
                expectedTexts.append(alone->text);
                for (Problem p : alone->problems) {
                    p.line += firstLine - 1;
                    expectedProblems.append(p);
                }
                expectedRemovals += alone->removals.size();
                big += part;
                if (!big.endsWith('\n'))
                    big += '\n';
                big += "---\n";
            }
        }
        const Result<CleanTextResult> cleaned = cleanYamlText(big, QStringLiteral("t.yaml"), rules);
        QVERIFY2(cleaned.ok(), qPrintable(cleaned.error().toString()));
        QCOMPARE(cleaned->text, expectedTexts.join(QLatin1String("---\n")));
        QCOMPARE(cleaned->removals.size(), expectedRemovals);
        QVERIFY(!expectedProblems.isEmpty());
        QCOMPARE(cleaned->problems.size(), expectedProblems.size());
        for (qsizetype i = 0; i < expectedProblems.size(); ++i) {
            QCOMPARE(cleaned->problems.at(i).line, expectedProblems.at(i).line);
            QCOMPARE(cleaned->problems.at(i).message, expectedProblems.at(i).message);
        }
        QVERIFY(cleaned->hadComments);
        // The slices encoded as UTF-8 on their threads (the CLI's output) join to the same text.
        CleanContext bytes;
        bytes.utf8Text = true;
        const Result<CleanTextResult> encoded =
            cleanYamlText(big, QStringLiteral("t.yaml"), rules, bytes);
        QVERIFY(encoded.ok());
        QVERIFY(encoded->text.isEmpty());
        QCOMPARE(encoded->utf8.join(), cleaned->text.toUtf8());
        // One part per slice; with volumes the whole text is read at once.
        QCOMPARE(encoded->utf8.size() > 1, !withVolumes);
        QCOMPARE(encoded->problems.size(), expectedProblems.size());

        const int badLine = int(big.count('\n')) + 1;
        const Result<CleanTextResult> bad =
            cleanYamlText(big + "- not a map\n", QStringLiteral("t.yaml"), rules);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().line, badLine);
    }

    void problemText()
    {
        Problem p;
        p.severity = Problem::Severity::Error;
        p.file = QStringLiteral("a.yaml");
        p.line = 3;
        p.column = 5;
        p.message = QStringLiteral("bad");
        QCOMPARE(p.toString(), QStringLiteral("a.yaml:3:5: error: bad"));
        p.column = 0;
        p.severity = Problem::Severity::Info;
        QCOMPARE(p.toString(), QStringLiteral("a.yaml:3: info: bad"));
        p.file.clear();
        p.severity = Problem::Severity::Warning;
        QCOMPARE(p.toString(), QStringLiteral("warning: bad"));
        QCOMPARE(severityName(Problem::Severity::Warning), QStringLiteral("warning"));
    }

    void dashArgsRoundTrip()
    {
        // kubectl writes "- --port" unquoted; the writer does too, and it reads back the same.
        for (const QString &s :
             {QStringLiteral("--port"), QStringLiteral("-v"), QStringLiteral("--path.rootfs=/host"),
              QStringLiteral("---"), QStringLiteral("-"), QStringLiteral("- x"),
              QStringLiteral("-1"), QStringLiteral("-.5"), QStringLiteral("--a: b")}) {
            const QJsonObject o{{QStringLiteral("args"), QJsonArray{s}}};
            QCOMPARE(parseYamlValue(toYaml(o).toUtf8(), QStringLiteral("t")).value().toObject(), o);
        }
        QVERIFY(isPlainSafe(QStringLiteral("--port")));
        QVERIFY(!isPlainSafe(QStringLiteral("---")));
        QVERIFY(!isPlainSafe(QStringLiteral("-1")));
    }
};

QTEST_GUILESS_MAIN(TestCleaner)
#include "tst_cleaner.moc"
