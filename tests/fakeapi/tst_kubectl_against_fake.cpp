// The real kubectl against the fake API server: if kubectl is happy with discovery, lists,
// paging, auth and error bodies, the fake is faithful enough for our own client's tests.
#include "fakeapiserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <memory>

using namespace Fluxdesk::Testing;

namespace {

struct KubectlRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QString keyOf(const QJsonObject &object)
{
    const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    return metadata.value(QLatin1String("namespace")).toString() + QLatin1Char('/') +
           metadata.value(QLatin1String("name")).toString();
}

QList<QJsonObject> ofKind(const QList<QJsonObject> &objects, const QString &kind)
{
    QList<QJsonObject> out;
    for (const QJsonObject &o : objects) {
        if (o.value(QLatin1String("kind")).toString() == kind)
            out.append(o);
    }
    std::sort(out.begin(), out.end(),
              [](const QJsonObject &a, const QJsonObject &b) { return keyOf(a) < keyOf(b); });
    return out;
}

QJsonObject object(const QString &apiVersion, const QString &kind, const QString &ns,
                   const QString &name)
{
    QJsonObject metadata{{QStringLiteral("name"), name}};
    if (!ns.isEmpty())
        metadata.insert(QStringLiteral("namespace"), ns);
    return QJsonObject{{QStringLiteral("apiVersion"), apiVersion},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("metadata"), metadata}};
}

// What a K3s cluster with Traefik and metrics-server adds: IngressRoutes in Traefik's current and
// legacy groups (one name in both), and metrics-server's read-only readings.
QList<QJsonObject> groupObjects()
{
    const QString route = QStringLiteral("IngressRoute");
    const QString current = QStringLiteral("traefik.io/v1alpha1");
    const QString legacy = QStringLiteral("traefik.containo.us/v1alpha1");
    const QString metrics = QStringLiteral("metrics.k8s.io/v1beta1");
    return {object(current, route, QStringLiteral("web"), QStringLiteral("site")),
            object(current, route, QStringLiteral("web"), QStringLiteral("api")),
            object(legacy, route, QStringLiteral("web"), QStringLiteral("site")),
            object(legacy, route, QStringLiteral("legacy"), QStringLiteral("dashboard")),
            object(metrics, QStringLiteral("PodMetrics"), QStringLiteral("web"),
                   QStringLiteral("site-0")),
            object(metrics, QStringLiteral("NodeMetrics"), {}, QStringLiteral("node-1"))};
}

// "ns/name" of a kubectl -o json list's items, sorted.
QStringList itemKeys(const QByteArray &json)
{
    QStringList out;
    const QJsonArray items =
        QJsonDocument::fromJson(json).object().value(QLatin1String("items")).toArray();
    for (const QJsonValue &item : items)
        out.append(keyOf(item.toObject()));
    out.sort();
    return out;
}

} // namespace

class TestKubectlAgainstFake : public QObject
{
    Q_OBJECT

private:
    QString m_kubectl;
    QTemporaryDir m_dir;
    TestPki m_pki;
    QList<QJsonObject> m_objects;
    std::unique_ptr<FakeApiServerThread> m_server;
    const QString m_token = QStringLiteral("kubectl-test-token");

    template <typename F> void onServer(F function)
    {
        FakeApiServer *server = m_server->server();
        QMetaObject::invokeMethod(
            server, [server, function] { function(server); }, Qt::BlockingQueuedConnection);
    }

    // kubectl with its own kubeconfig and HOME (discovery cache) per credential kind.
    KubectlRun kubectl(const QStringList &arguments, FakeApiServer::Credentials credentials)
    {
        const QString tag = credentials == FakeApiServer::Credentials::Token
                                ? QStringLiteral("token")
                                : QStringLiteral("cert");
        const QString kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig-") + tag);
        bool written = false;
        const TestPki pki = m_pki;
        onServer(
            [&](FakeApiServer *s) { written = s->writeKubeconfig(kubeconfig, pki, credentials); });
        KubectlRun run;
        if (!written) {
            run.err = "cannot write kubeconfig";
            return run;
        }
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KUBECONFIG"), kubeconfig);
        env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home-") + tag));
        env.remove(QStringLiteral("KUBECTL_KUBERC"));
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(m_kubectl, QStringList{QStringLiteral("--request-timeout=30s")} + arguments);
        if (!process.waitForStarted(10000) || !process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished(5000);
            run.err = "kubectl did not finish: " + process.errorString().toUtf8();
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

    QStringList requestLog()
    {
        QStringList log;
        onServer([&log](FakeApiServer *s) { log = s->requestLog(); });
        return log;
    }

private slots:
    void initTestCase()
    {
        m_kubectl = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
        if (m_kubectl.isEmpty() && QFile::exists(QStringLiteral("/usr/bin/kubectl")))
            m_kubectl = QStringLiteral("/usr/bin/kubectl");
        if (m_kubectl.isEmpty())
            QSKIP("kubectl is not installed");
        QVERIFY(m_dir.isValid());
        m_pki = TestPki::generate(m_dir.filePath(QStringLiteral("pki")));
        QVERIFY2(m_pki.ok(), qPrintable(m_pki.error));
        m_objects = generateCluster(400) + groupObjects();
        FakeApiServer::Options options;
        options.certFile = m_pki.serverCert;
        options.keyFile = m_pki.serverKey;
        options.clientCaFile = m_pki.caCert;
        options.token = m_token;
        m_server = std::make_unique<FakeApiServerThread>(options);
        QVERIFY(m_server->start(m_objects));
    }
    void cleanupTestCase() { m_server.reset(); }
    void cleanup()
    {
        if (m_server)
            onServer([](FakeApiServer *s) { s->clearFaults(); });
    }

    void getNamespaces_data()
    {
        QTest::addColumn<bool>("token");
        QTest::addRow("client certificate") << false;
        QTest::addRow("token") << true;
    }
    void getNamespaces()
    {
        QFETCH(bool, token);
        const auto credentials = token ? FakeApiServer::Credentials::Token
                                       : FakeApiServer::Credentials::ClientCertificate;
        const KubectlRun run = kubectl({QStringLiteral("get"), QStringLiteral("ns")}, credentials);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QVERIFY(lines.first().startsWith("NAME"));
        QStringList names;
        for (qsizetype i = 1; i < lines.size(); ++i)
            names.append(QString::fromUtf8(lines.at(i).split(' ').first()));
        QStringList expected;
        for (const QJsonObject &ns : ofKind(m_objects, QStringLiteral("Namespace")))
            expected.append(ns.value(QLatin1String("metadata"))
                                .toObject()
                                .value(QLatin1String("name"))
                                .toString());
        QCOMPARE(names, expected);
        // kubectl 1.32 asks for aggregated discovery first, then falls back to /api/v1 & co.
        const QStringList log = requestLog();
        auto requested = [&log](const QString &path) {
            return std::any_of(log.cbegin(), log.cend(), [&path](const QString &line) {
                return line == QLatin1String("GET ") + path ||
                       line.startsWith(QLatin1String("GET ") + path + QLatin1Char('?'));
            });
        };
        QVERIFY(requested(QStringLiteral("/api")));
        QVERIFY(requested(QStringLiteral("/apis")));
        QVERIFY(requested(QStringLiteral("/api/v1")));
        QVERIFY(requested(QStringLiteral("/apis/apps/v1")));
    }

    void getDeploymentsJson_data() { getNamespaces_data(); }
    void getDeploymentsJson()
    {
        QFETCH(bool, token);
        const auto credentials = token ? FakeApiServer::Credentials::Token
                                       : FakeApiServer::Credentials::ClientCertificate;
        const KubectlRun run =
            kubectl({QStringLiteral("get"), QStringLiteral("deploy"), QStringLiteral("-A"),
                     QStringLiteral("-o"), QStringLiteral("json")},
                    credentials);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QJsonParseError error;
        const QJsonObject list = QJsonDocument::fromJson(run.out, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonArray items = list.value(QLatin1String("items")).toArray();
        const QList<QJsonObject> expected = ofKind(m_objects, QStringLiteral("Deployment"));
        QVERIFY(expected.size() > 5);
        QCOMPARE(items.size(), expected.size());
        // kubectl 1.21 and later drop managedFields unless --show-managed-fields is given; older
        // ones (Debian's 1.20) keep them. Compare without them either way.
        const auto withoutManagedFields = [](QJsonObject object) {
            QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
            metadata.remove(QLatin1String("managedFields"));
            object.insert(QLatin1String("metadata"), metadata);
            return object;
        };
        for (qsizetype i = 0; i < items.size(); ++i)
            QCOMPARE(withoutManagedFields(items.at(i).toObject()),
                     withoutManagedFields(expected.at(i)));
    }

    void apiResources_data() { getNamespaces_data(); }
    void apiResources()
    {
        QFETCH(bool, token);
        const auto credentials = token ? FakeApiServer::Credentials::Token
                                       : FakeApiServer::Credentials::ClientCertificate;
        const KubectlRun run =
            kubectl({QStringLiteral("api-resources"), QStringLiteral("--no-headers"),
                     QStringLiteral("-o"), QStringLiteral("name")},
                    credentials);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QStringList names =
            QString::fromUtf8(run.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const char *name :
             {"pods", "namespaces", "services", "configmaps", "secrets", "nodes", "events",
              "endpoints", "persistentvolumeclaims", "deployments.apps", "statefulsets.apps",
              "daemonsets.apps", "replicasets.apps", "ingresses.networking.k8s.io",
              "helmreleases.helm.toolkit.fluxcd.io", "bindings",
              "tokenreviews.authentication.k8s.io"})
            QVERIFY2(names.contains(QString::fromLatin1(name)), name);
        // Subresources are not resources of their own.
        QVERIFY(!names.contains(QStringLiteral("pods/log")));
    }

    void readOnlyMetricsApi()
    {
        // metrics-server's types are get and list only: kubectl sees them listable, not
        // creatable, in api-resources and in the raw discovery document alike.
        const auto credentials = FakeApiServer::Credentials::Token;
        const auto names = [this, credentials](const QString &verbs) {
            const KubectlRun run =
                kubectl({QStringLiteral("api-resources"), QStringLiteral("--verbs=") + verbs,
                         QStringLiteral("-o"), QStringLiteral("name")},
                        credentials);
            if (run.exitCode != 0)
                qWarning("%s", run.err.constData());
            return QString::fromUtf8(run.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        };
        const QStringList listable = names(QStringLiteral("list"));
        const QStringList creatable = names(QStringLiteral("create"));
        for (const char *name :
             {"pods.metrics.k8s.io", "nodes.metrics.k8s.io", "componentstatuses"}) {
            QVERIFY2(listable.contains(QString::fromLatin1(name)), name);
            QVERIFY2(!creatable.contains(QString::fromLatin1(name)), name);
        }
        QVERIFY(creatable.contains(QStringLiteral("configmaps")));
        QVERIFY(creatable.contains(QStringLiteral("ingressroutes.traefik.io")));

        const KubectlRun wide =
            kubectl({QStringLiteral("api-resources"), QStringLiteral("--api-group=metrics.k8s.io"),
                     QStringLiteral("--no-headers"), QStringLiteral("-o"), QStringLiteral("wide")},
                    credentials);
        QVERIFY2(wide.exitCode == 0, wide.err.constData());
        const QStringList lines =
            QString::fromUtf8(wide.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        // The VERBS column: "get,list" (kubectl 1.32), "[get list]" (older ones).
        for (const QString &line : lines)
            QVERIFY2(line.split(QLatin1Char(' '), Qt::SkipEmptyParts)
                             .contains(QLatin1String("get,list")) ||
                         line.contains(QLatin1String("[get list]")),
                     qPrintable(line));

        const KubectlRun raw = kubectl({QStringLiteral("get"), QStringLiteral("--raw"),
                                        QStringLiteral("/apis/metrics.k8s.io/v1beta1")},
                                       credentials);
        QVERIFY2(raw.exitCode == 0, raw.err.constData());
        const QJsonArray resources =
            QJsonDocument::fromJson(raw.out).object().value(QLatin1String("resources")).toArray();
        QCOMPARE(resources.size(), 2);
        for (const QJsonValue &r : resources)
            QCOMPARE(r.toObject().value(QLatin1String("verbs")).toArray(),
                     (QJsonArray{QStringLiteral("get"), QStringLiteral("list")}));

        const KubectlRun pods =
            kubectl({QStringLiteral("get"), QStringLiteral("pods.metrics.k8s.io"),
                     QStringLiteral("-A"), QStringLiteral("-o"), QStringLiteral("json")},
                    credentials);
        QVERIFY2(pods.exitCode == 0, pods.err.constData());
        QCOMPARE(itemKeys(pods.out), QStringList{QStringLiteral("web/site-0")});
    }

    void sameKindInTwoGroups()
    {
        // Each group lists its own IngressRoutes, the name both hold included.
        const auto listed = [this](const QString &resource) {
            const KubectlRun run = kubectl({QStringLiteral("get"), resource, QStringLiteral("-A"),
                                            QStringLiteral("-o"), QStringLiteral("json")},
                                           FakeApiServer::Credentials::Token);
            if (run.exitCode != 0)
                qWarning("%s", run.err.constData());
            return itemKeys(run.out);
        };
        QCOMPARE(listed(QStringLiteral("ingressroutes.traefik.io")),
                 (QStringList{QStringLiteral("web/api"), QStringLiteral("web/site")}));
        QCOMPARE(listed(QStringLiteral("ingressroutes.traefik.containo.us")),
                 (QStringList{QStringLiteral("legacy/dashboard"), QStringLiteral("web/site")}));
    }

    void shortNamesAndSingleObjects()
    {
        const QJsonObject hr = ofKind(m_objects, QStringLiteral("HelmRelease")).first();
        const QJsonObject metadata = hr.value(QLatin1String("metadata")).toObject();
        const KubectlRun run =
            kubectl({QStringLiteral("get"), QStringLiteral("hr"), QStringLiteral("-n"),
                     metadata.value(QLatin1String("namespace")).toString(),
                     metadata.value(QLatin1String("name")).toString(), QStringLiteral("-o"),
                     QStringLiteral("json")},
                    FakeApiServer::Credentials::Token);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(QJsonDocument::fromJson(run.out).object(), hr);

        const KubectlRun missing =
            kubectl({QStringLiteral("get"), QStringLiteral("deploy"), QStringLiteral("-n"),
                     QStringLiteral("llm"), QStringLiteral("does-not-exist")},
                    FakeApiServer::Credentials::Token);
        QVERIFY(missing.exitCode != 0);
        QVERIFY2(missing.err.contains(
                     "Error from server (NotFound): deployments.apps \"does-not-exist\" not found"),
                 missing.err.constData());
    }

    void paging_data() { getNamespaces_data(); }
    void paging()
    {
        QFETCH(bool, token);
        const auto credentials = token ? FakeApiServer::Credentials::Token
                                       : FakeApiServer::Credentials::ClientCertificate;
        const KubectlRun run = kubectl({QStringLiteral("get"), QStringLiteral("pods"),
                                        QStringLiteral("-A"), QStringLiteral("--chunk-size=2"),
                                        QStringLiteral("-o"), QStringLiteral("name")},
                                       credentials);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QStringList lines =
            QString::fromUtf8(run.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const QList<QJsonObject> pods = ofKind(m_objects, QStringLiteral("Pod"));
        QVERIFY(pods.size() > 2);
        QStringList expected;
        for (const QJsonObject &pod : pods)
            expected.append(QStringLiteral("pod/") + pod.value(QLatin1String("metadata"))
                                                         .toObject()
                                                         .value(QLatin1String("name"))
                                                         .toString());
        QCOMPARE(lines, expected);
        int continued = 0;
        const QStringList log = requestLog();
        for (const QString &line : log) {
            if (line.startsWith(QLatin1String("GET /api/v1/pods?")) &&
                line.contains(QLatin1String("limit=2")) &&
                line.contains(QLatin1String("continue=")))
                ++continued;
        }
        QVERIFY(continued >= pods.size() / 2 - 1);
    }

    void forbidden()
    {
        const QString message = QStringLiteral(
            "secrets is forbidden: User \"system:serviceaccount:default:fluxdesk\" cannot list "
            "resource \"secrets\" in API group \"\" at the cluster scope");
        onServer([message](FakeApiServer *s) {
            s->addFault(
                {QStringLiteral("/api/v1/secrets"), FakeApiServer::Fault::Status, 403, message, 0});
        });
        const KubectlRun run =
            kubectl({QStringLiteral("get"), QStringLiteral("secrets"), QStringLiteral("-A")},
                    FakeApiServer::Credentials::ClientCertificate);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QByteArray("Error from server (Forbidden): " + message.toUtf8())),
                 run.err.constData());
    }

    void wrongCredentials()
    {
        // A kubeconfig whose token the server does not know.
        const QString kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig-wrong"));
        QFile::remove(kubeconfig);
        {
            QFile source(m_dir.filePath(QStringLiteral("kubeconfig-token")));
            kubectl({QStringLiteral("version"), QStringLiteral("--client")},
                    FakeApiServer::Credentials::Token); // makes sure that file exists
            QVERIFY(source.open(QIODevice::ReadOnly));
            QByteArray text = source.readAll();
            text.replace(m_token.toUtf8(), "not-the-token");
            QFile target(kubeconfig);
            QVERIFY(target.open(QIODevice::WriteOnly));
            target.write(text);
        }
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KUBECONFIG"), kubeconfig);
        env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home-wrong")));
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(m_kubectl, {QStringLiteral("get"), QStringLiteral("ns")});
        QVERIFY(process.waitForFinished(60000));
        QVERIFY(process.exitCode() != 0);
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(err.contains("error: You must be logged in to the server"), err.constData());
    }

    // Server-side apply, as `kubectl apply --server-side` sends it; these run last, since a real
    // apply changes what the server lists.
    QString manifest(const QString &name, const QByteArray &yaml)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(yaml);
        return path;
    }
    KubectlRun apply(const QString &file, bool dryRun)
    {
        // The fake serves no OpenAPI documents for kubectl's client-side schema check (Flux
        // makes none either): the server's own checks are what is tested.
        QStringList arguments{QStringLiteral("apply"), QStringLiteral("--server-side"),
                              QStringLiteral("--validate=false"), QStringLiteral("-f"), file};
        if (dryRun)
            arguments.append(QStringLiteral("--dry-run=server"));
        return kubectl(arguments, FakeApiServer::Credentials::Token);
    }
    QList<QJsonObject> storedObjects()
    {
        QList<QJsonObject> objects;
        onServer([&objects](FakeApiServer *s) { objects = s->objects(); });
        return objects;
    }

    void serverSideDryRun()
    {
        const QList<QJsonObject> before = storedObjects();
        const QString file = manifest(QStringLiteral("cm.yaml"), "apiVersion: v1\n"
                                                                 "kind: ConfigMap\n"
                                                                 "metadata:\n"
                                                                 "  name: dry\n"
                                                                 "  namespace: default\n"
                                                                 "data:\n"
                                                                 "  k: v\n");
        const KubectlRun run = apply(file, true);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("configmap/dry serverside-applied (server dry run)"),
                 run.out.constData());
        QCOMPARE(storedObjects(), before);
        const QStringList log = requestLog();
        const auto patch = std::find_if(log.cbegin(), log.cend(), [](const QString &line) {
            return line.startsWith(
                QLatin1String("PATCH /api/v1/namespaces/default/configmaps/dry?"));
        });
        QVERIFY2(patch != log.cend(), qPrintable(log.join(QLatin1Char('\n'))));
        QVERIFY2(patch->contains(QLatin1String("dryRun=All")) &&
                     patch->contains(QLatin1String("fieldManager=kubectl")),
                 qPrintable(*patch));
        const KubectlRun get =
            kubectl({QStringLiteral("get"), QStringLiteral("configmap"), QStringLiteral("dry"),
                     QStringLiteral("-n"), QStringLiteral("default")},
                    FakeApiServer::Credentials::Token);
        QCOMPARE(get.exitCode, 1);
        QVERIFY2(get.err.contains("configmaps \"dry\" not found"), get.err.constData());
    }

    void serverSideApplyAndItsRefusals()
    {
        const QByteArray deployment = "apiVersion: apps/v1\n"
                                      "kind: Deployment\n"
                                      "metadata:\n"
                                      "  name: applied\n"
                                      "  namespace: default\n"
                                      "spec:\n"
                                      "  selector:\n"
                                      "    matchLabels:\n"
                                      "      app: APP\n"
                                      "  template:\n"
                                      "    metadata:\n"
                                      "      labels:\n"
                                      "        app: APP\n";
        QByteArray first = deployment;
        first.replace("APP", "one");
        KubectlRun run = apply(manifest(QStringLiteral("deploy-1.yaml"), first), false);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("deployment.apps/applied serverside-applied"),
                 run.out.constData());
        run =
            kubectl({QStringLiteral("get"), QStringLiteral("deployment"), QStringLiteral("applied"),
                     QStringLiteral("-n"), QStringLiteral("default"), QStringLiteral("-o"),
                     QStringLiteral("json"), QStringLiteral("--show-managed-fields")},
                    FakeApiServer::Credentials::Token);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject meta =
            QJsonDocument::fromJson(run.out).object().value(QLatin1String("metadata")).toObject();
        QCOMPARE(meta.value(QLatin1String("managedFields"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("manager"))
                     .toString(),
                 QStringLiteral("kubectl"));

        // The selector of a Deployment cannot change: kubectl shows the server's words.
        QByteArray second = deployment;
        second.replace("APP", "two");
        run = apply(manifest(QStringLiteral("deploy-2.yaml"), second), true);
        QVERIFY(run.exitCode != 0);
        QVERIFY2(
            run.err.contains("spec.selector: Invalid value: "
                             "v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"two\"}"),
            run.err.constData());
        QVERIFY2(run.err.contains("field is immutable"), run.err.constData());

        // A namespace that is not there.
        run = apply(manifest(QStringLiteral("nowhere.yaml"), "apiVersion: v1\n"
                                                             "kind: ConfigMap\n"
                                                             "metadata:\n"
                                                             "  name: c\n"
                                                             "  namespace: nowhere\n"),
                    true);
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains("namespaces \"nowhere\" not found"), run.err.constData());

        // An admission webhook's denial.
        onServer([](FakeApiServer *s) {
            s->addAdmissionRule({QStringLiteral("policy.example.com"), QStringLiteral("expose"),
                                 QString(), 400, QStringLiteral("public exposure needs a review")});
        });
        run = apply(manifest(QStringLiteral("denied.yaml"), "apiVersion: v1\n"
                                                            "kind: ConfigMap\n"
                                                            "metadata:\n"
                                                            "  name: c\n"
                                                            "  namespace: default\n"
                                                            "  labels:\n"
                                                            "    expose: public\n"),
                    true);
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains("admission webhook \"policy.example.com\" denied the request: "
                                  "public exposure needs a review"),
                 run.err.constData());
    }

    // The write verbs and watches as kubectl uses them, on a CRD's objects and a ConfigMap.
    // --validate=false where kubectl would check a file against the server's OpenAPI documents,
    // which the fake does not serve (the server's own checks are what is tested).
    void writesAndWatchesOfACustomResource()
    {
        const FakeApiServer::Credentials token = FakeApiServer::Credentials::Token;
        const QByteArray crd = "apiVersion: apiextensions.k8s.io/v1\n"
                               "kind: CustomResourceDefinition\n"
                               "metadata:\n"
                               "  name: widgets.example.com\n"
                               "spec:\n"
                               "  group: example.com\n"
                               "  scope: Namespaced\n"
                               "  names:\n"
                               "    plural: widgets\n"
                               "    singular: widget\n"
                               "    kind: Widget\n"
                               "    shortNames: [wd]\n"
                               "  versions:\n"
                               "  - name: v1\n"
                               "    served: true\n"
                               "    storage: true\n"
                               "    subresources: {status: {}}\n"
                               "    schema:\n"
                               "      openAPIV3Schema:\n"
                               "        type: object\n"
                               "        x-kubernetes-preserve-unknown-fields: true\n";
        KubectlRun run = apply(manifest(QStringLiteral("crd.yaml"), crd), false);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("customresourcedefinition.apiextensions.k8s.io/"
                                  "widgets.example.com serverside-applied"),
                 run.out.constData());
        run = apply(manifest(QStringLiteral("widget.yaml"), "apiVersion: example.com/v1\n"
                                                            "kind: Widget\n"
                                                            "metadata:\n"
                                                            "  name: w\n"
                                                            "  namespace: default\n"
                                                            "spec:\n"
                                                            "  size: 1\n"),
                    false);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("widget.example.com/w serverside-applied"), run.out.constData());
        run = kubectl({QStringLiteral("get"), QStringLiteral("wd"), QStringLiteral("-n"),
                       QStringLiteral("default"), QStringLiteral("-o"), QStringLiteral("name")},
                      token);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.out.trimmed(), QByteArray("widget.example.com/w"));

        const QStringList widgetW{QStringLiteral("widget"), QStringLiteral("w"),
                                  QStringLiteral("-n"), QStringLiteral("default")};
        run = kubectl(QStringList{QStringLiteral("patch")} + widgetW +
                          QStringList{QStringLiteral("--type=merge"), QStringLiteral("-p"),
                                      QStringLiteral("{\"spec\":{\"size\":2}}")},
                      token);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("widget.example.com/w patched"), run.out.constData());
        run = kubectl(QStringList{QStringLiteral("patch")} + widgetW +
                          QStringList{QStringLiteral("--type=json"), QStringLiteral("-p"),
                                      QStringLiteral("[{\"op\":\"replace\",\"path\":\"/spec/size\","
                                                     "\"value\":3}]")},
                      token);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run = kubectl(QStringList{QStringLiteral("annotate")} + widgetW +
                          QStringList{QStringLiteral("note=hello")},
                      token);
        QVERIFY2(run.exitCode == 0 && run.out.contains("widget.example.com/w annotated"),
                 run.err.constData());
        run = kubectl(QStringList{QStringLiteral("label")} + widgetW +
                          QStringList{QStringLiteral("team=blue")},
                      token);
        QVERIFY2(run.exitCode == 0 && run.out.contains("widget.example.com/w labeled"),
                 run.err.constData());
        run = kubectl(QStringList{QStringLiteral("get")} + widgetW +
                          QStringList{QStringLiteral("-o"), QStringLiteral("json")},
                      token);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject w = QJsonDocument::fromJson(run.out).object();
        const QJsonObject wMeta = w.value(QLatin1String("metadata")).toObject();
        QCOMPARE(w.value(QLatin1String("spec")).toObject().value(QLatin1String("size")).toInt(), 3);
        QCOMPARE(wMeta.value(QLatin1String("annotations")).toObject().value(QLatin1String("note")),
                 QJsonValue(QStringLiteral("hello")));
        QCOMPARE(wMeta.value(QLatin1String("labels")).toObject().value(QLatin1String("team")),
                 QJsonValue(QStringLiteral("blue")));
        QCOMPARE(wMeta.value(QLatin1String("generation")).toInt(), 3);

        // create, strategic patch, replace of a ConfigMap.
        const QStringList cm{QStringLiteral("configmap"), QStringLiteral("c1"),
                             QStringLiteral("-n"), QStringLiteral("default")};
        // kubectl create's generators send protobuf, which the fake does not decode (it answers
        // 415 saying so): create -f sends JSON.
        const QString c1File = manifest(QStringLiteral("c1.yaml"), "apiVersion: v1\n"
                                                                   "kind: ConfigMap\n"
                                                                   "metadata:\n"
                                                                   "  name: c1\n"
                                                                   "  namespace: default\n"
                                                                   "data:\n"
                                                                   "  a: b\n");
        const QStringList create{QStringLiteral("create"), QStringLiteral("--validate=false"),
                                 QStringLiteral("-f"), c1File};
        run = kubectl(create, token);
        QVERIFY2(run.exitCode == 0 && run.out.contains("configmap/c1 created"),
                 run.err.constData());
        run = kubectl(create, token);
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains("configmaps \"c1\" already exists"), run.err.constData());
        run = kubectl(
            QStringList{QStringLiteral("patch")} + cm +
                QStringList{QStringLiteral("-p"), QStringLiteral("{\"data\":{\"x\":\"y\"}}")},
            token);
        QVERIFY2(run.exitCode == 0 && run.out.contains("configmap/c1 patched"),
                 run.err.constData());
        run = kubectl(QStringList{QStringLiteral("get")} + cm +
                          QStringList{QStringLiteral("-o"), QStringLiteral("json")},
                      token);
        QJsonObject c1 = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(c1.value(QLatin1String("data")).toObject(),
                 QJsonObject({{QStringLiteral("a"), QStringLiteral("b")},
                              {QStringLiteral("x"), QStringLiteral("y")}}));
        c1.insert(QStringLiteral("data"), QJsonObject{{QStringLiteral("a"), QStringLiteral("c")}});
        const QString replaced = manifest(QStringLiteral("c1.json"), QJsonDocument(c1).toJson());
        run = kubectl({QStringLiteral("replace"), QStringLiteral("--validate=false"),
                       QStringLiteral("-f"), replaced},
                      token);
        QVERIFY2(run.exitCode == 0 && run.out.contains("configmap/c1 replaced"),
                 run.err.constData());
        // The same file again: its resourceVersion is stale now.
        run = kubectl({QStringLiteral("replace"), QStringLiteral("--validate=false"),
                       QStringLiteral("-f"), replaced},
                      token);
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains("the object has been modified"), run.err.constData());

        // get -w: the current state, then a change as it happens.
        QProcess watch;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KUBECONFIG"),
                   m_dir.filePath(QStringLiteral("kubeconfig-token")));
        env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home-token")));
        watch.setProcessEnvironment(env);
        watch.start(m_kubectl, QStringList{QStringLiteral("get")} + cm +
                                   QStringList{QStringLiteral("-w"), QStringLiteral("-o"),
                                               QStringLiteral("jsonpath={.data.a}{\"\\n\"}")});
        QVERIFY(watch.waitForStarted(10000));
        QByteArray seen;
        QElapsedTimer timer;
        timer.start();
        while (!seen.contains("c\n") && timer.elapsed() < 20000 && watch.waitForReadyRead(500))
            seen += watch.readAllStandardOutput();
        QVERIFY2(seen.startsWith("c\n"),
                 QByteArray(seen + watch.readAllStandardError()).constData());
        // The change after kubectl's watch is open (a change before it would come as the watch's
        // first ADDED, which kubectl does not print again).
        while (requestLog().filter(QStringLiteral("watch=true")).isEmpty() &&
               timer.elapsed() < 20000)
            QTest::qWait(20);
        QTest::qWait(200);
        onServer([](FakeApiServer *s) {
            QJsonObject next;
            for (const QJsonObject &o : s->objects()) {
                const QJsonObject m = o.value(QLatin1String("metadata")).toObject();
                if (o.value(QLatin1String("kind")).toString() == QLatin1String("ConfigMap") &&
                    m.value(QLatin1String("name")).toString() == QLatin1String("c1") &&
                    m.value(QLatin1String("namespace")).toString() == QLatin1String("default"))
                    next = o;
            }
            next.insert(QStringLiteral("data"),
                        QJsonObject{{QStringLiteral("a"), QStringLiteral("watched")}});
            s->applyChange(FakeChange{FakeChange::Type::Put, next, 0});
        });
        while (!seen.contains("watched\n") && timer.elapsed() < 20000 &&
               (watch.waitForReadyRead(500) || watch.state() == QProcess::Running))
            seen += watch.readAllStandardOutput();
        watch.kill();
        watch.waitForFinished(5000);
        QVERIFY2(
            seen == "c\nwatched\n",
            QByteArray(seen + watch.readAllStandardError() +
                       requestLog().filter(QStringLiteral("watch")).join(QLatin1Char(10)).toUtf8())
                .constData());

        // delete waits for the object to go: kubectl watches it by name.
        run = kubectl(QStringList{QStringLiteral("delete")} + widgetW, token);
        QVERIFY2(run.exitCode == 0 && run.out.contains("widget.example.com \"w\" deleted"),
                 run.err.constData());
        run = kubectl(QStringList{QStringLiteral("get")} + widgetW, token);
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains("widgets.example.com \"w\" not found"), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestKubectlAgainstFake)
#include "tst_kubectl_against_fake.moc"
