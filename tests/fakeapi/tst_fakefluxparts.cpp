// The parts around the simulated Flux: the components manifest with Flux's shape (read by
// Fluxdesk's own check of a components manifest), and the git CLI Source and kubectl kustomize
// Renderer on a local bare repository, alone, under FakeFlux, and inside the fake API server
// with the cluster's own controllers, driven by the real kubectl.

#include "fakeapiserver.h"
#include "fakeflux.h"
#include "fakefluxcomponents.h"
#include "fakefluxgit.h"
#include "fakekubecontrollers.h"
#include "kube/helmreleaserecord.h"

#include "../helm/helmfixtures.h"
#include "flux/componentsmanifest.h"
#include "manifest/manifeststream.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

QString str(const QJsonObject &o, const QString &path)
{
    QJsonValue v = o;
    for (const QString &part : path.split(QLatin1Char('.')))
        v = v.isArray() ? v.toArray().at(part.toInt()) : v.toObject().value(part);
    return v.toString();
}

QList<QJsonObject> ofKind(const QList<QJsonObject> &objects, const QString &kind)
{
    QList<QJsonObject> out;
    for (const QJsonObject &o : objects) {
        if (o.value(QLatin1String("kind")).toString() == kind)
            out.append(o);
    }
    return out;
}

bool git(const QString &dir, const QStringList &args, QString *out = nullptr)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GIT_AUTHOR_NAME"), QStringLiteral("Test"));
    env.insert(QStringLiteral("GIT_AUTHOR_EMAIL"), QStringLiteral("test@example.com"));
    env.insert(QStringLiteral("GIT_COMMITTER_NAME"), QStringLiteral("Test"));
    env.insert(QStringLiteral("GIT_COMMITTER_EMAIL"), QStringLiteral("test@example.com"));
    env.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
    env.insert(QStringLiteral("HOME"), dir);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("git"), args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        qWarning() << "git" << args << p.readAllStandardError();
        return false;
    }
    if (out)
        *out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    return true;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

// A bare repository with branch main: apps/ (a kustomization.yaml and a ConfigMap) and plain/
// (YAML without a kustomization.yaml). Answers the bare repository's file:// URL.
QString makeRepository(const QString &root, QString *commit)
{
    const QString bare = root + QStringLiteral("/home.git");
    const QString work = root + QStringLiteral("/work");
    QDir().mkpath(bare);
    QDir().mkpath(work);
    if (!git(bare, {QStringLiteral("init"), QStringLiteral("--quiet"), QStringLiteral("--bare"),
                    QStringLiteral("--initial-branch=main")}) ||
        !git(work, {QStringLiteral("init"), QStringLiteral("--quiet"),
                    QStringLiteral("--initial-branch=main")}))
        return {};
    writeFile(work + QStringLiteral("/apps/kustomization.yaml"),
              "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
              "namespace: web\nresources:\n- configmap.yaml\n");
    writeFile(
        work + QStringLiteral("/apps/configmap.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: live\n");
    writeFile(work + QStringLiteral("/plain/a.yaml"),
              "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: media\n");
    writeFile(work + QStringLiteral("/plain/sub/b.yml"),
              "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n  namespace: media\n");
    if (!git(work, {QStringLiteral("add"), QStringLiteral(".")}) ||
        !git(work, {QStringLiteral("commit"), QStringLiteral("--quiet"), QStringLiteral("-m"),
                    QStringLiteral("first")}) ||
        !git(work, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}, commit) ||
        !git(work,
             {QStringLiteral("push"), QStringLiteral("--quiet"), bare, QStringLiteral("main")}))
        return {};
    return QStringLiteral("file://") + bare;
}

} // namespace

class TestFakeFluxParts : public QObject
{
    Q_OBJECT
private slots:
    void componentsHaveFluxShape_data();
    void componentsHaveFluxShape();
    void componentsOnlyThoseAsked();
    void gitSourceClones();
    void gitSourceFails();
    void rendererBuilds();
    void rendererRefuses();
    void fluxOnALocalRepository();
    void fluxInsideTheServer();
    void helmTakeoverInsideTheServer_data();
    void helmTakeoverInsideTheServer();
};

void TestFakeFluxParts::componentsHaveFluxShape_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("sourceImage");
    QTest::addColumn<QString>("helmImage");
    QTest::addColumn<QString>("ociStorage");
    QTest::addRow("2.4") << QStringLiteral("v2.4.0")
                         << QStringLiteral("ghcr.io/fluxcd/source-controller:v1.4.0")
                         << QStringLiteral("ghcr.io/fluxcd/helm-controller:v1.1.0")
                         << QStringLiteral("v1beta2");
    QTest::addRow("2.7, no v") << QStringLiteral("2.7.2")
                               << QStringLiteral("ghcr.io/fluxcd/source-controller:v1.7.0")
                               << QStringLiteral("ghcr.io/fluxcd/helm-controller:v1.4.0")
                               << QStringLiteral("v1");
}

void TestFakeFluxParts::componentsHaveFluxShape()
{
    QFETCH(QString, version);
    QFETCH(QString, sourceImage);
    QFETCH(QString, helmImage);
    QFETCH(QString, ociStorage);
    const QString v = version.startsWith(QLatin1Char('v')) ? version : QLatin1Char('v') + version;
    const QByteArray text = fluxComponentsManifest(version);
    const QByteArray header =
        QByteArray("---\n# This manifest was generated by flux. DO NOT EDIT.\n"
                   "# Flux Version: ") +
        v.toUtf8() +
        QByteArray("\n# Components: source-controller,kustomize-controller,"
                   "helm-controller,notification-controller\n");
    QVERIFY2(text.startsWith(header), text.left(300).constData());

    // Fluxdesk's own check reads it as a Flux components manifest of that version.
    const Result<ComponentsManifest> checked =
        checkComponentsManifest(text, QStringLiteral("gotk-components.yaml"), v);
    QVERIFY2(checked.ok(), qPrintable(checked.error().toString()));
    QCOMPARE(checked->version, v);
    QCOMPARE(checked->components, fluxDefaultComponents());

    const Result<QList<QJsonObject>> objects = parseManifestStream(text, QStringLiteral("c.yaml"));
    QVERIFY2(objects.ok(), qPrintable(objects.error().toString()));
    const QJsonObject ns = ofKind(*objects, QStringLiteral("Namespace")).value(0);
    QCOMPARE(str(ns, QStringLiteral("metadata.name")), QStringLiteral("flux-system"));
    const QJsonObject nsLabels =
        ns.value(QLatin1String("metadata")).toObject().value(QLatin1String("labels")).toObject();
    QCOMPARE(nsLabels.value(QLatin1String("app.kubernetes.io/part-of")).toString(),
             QStringLiteral("flux"));
    QCOMPARE(nsLabels.value(QLatin1String("app.kubernetes.io/version")).toString(), v);

    const QList<QJsonObject> deployments = ofKind(*objects, QStringLiteral("Deployment"));
    QCOMPARE(deployments.size(), 4);
    QStringList images;
    for (const QJsonObject &d : deployments) {
        QCOMPARE(str(d, QStringLiteral("metadata.namespace")), QStringLiteral("flux-system"));
        const QJsonObject l =
            d.value(QLatin1String("metadata")).toObject().value(QLatin1String("labels")).toObject();
        QCOMPARE(l.value(QLatin1String("app.kubernetes.io/part-of")).toString(),
                 QStringLiteral("flux"));
        QCOMPARE(l.value(QLatin1String("app.kubernetes.io/version")).toString(), v);
        QCOMPARE(str(d, QStringLiteral("spec.template.spec.serviceAccountName")),
                 str(d, QStringLiteral("metadata.name")));
        images.append(str(d, QStringLiteral("spec.template.spec.containers.0.image")));
    }
    QVERIFY2(images.contains(sourceImage), qPrintable(images.join(QLatin1Char(' '))));
    QVERIFY2(images.contains(helmImage), qPrintable(images.join(QLatin1Char(' '))));
    QCOMPARE(ofKind(*objects, QStringLiteral("ServiceAccount")).size(), 4);
    QVERIFY(!ofKind(*objects, QStringLiteral("ClusterRole")).isEmpty());
    QVERIFY(!ofKind(*objects, QStringLiteral("ClusterRoleBinding")).isEmpty());
    QCOMPARE(ofKind(*objects, QStringLiteral("Service")).size(), 3);

    // The CRDs: Flux's names, groups, scope, short names; every version with a schema.
    QStringList crds;
    for (const QJsonObject &crd : ofKind(*objects, QStringLiteral("CustomResourceDefinition"))) {
        crds.append(str(crd, QStringLiteral("metadata.name")));
        QCOMPARE(str(crd, QStringLiteral("spec.scope")), QStringLiteral("Namespaced"));
        const QJsonArray versions =
            crd.value(QLatin1String("spec")).toObject().value(QLatin1String("versions")).toArray();
        int storage = 0;
        for (const QJsonValue &served : versions) {
            storage += served.toObject().value(QLatin1String("storage")).toBool() ? 1 : 0;
            QCOMPARE(str(served.toObject(), QStringLiteral("schema.openAPIV3Schema.type")),
                     QStringLiteral("object"));
        }
        QCOMPARE(storage, 1);
        if (str(crd, QStringLiteral("spec.names.kind")) == QLatin1String("OCIRepository"))
            QCOMPARE(str(crd, QStringLiteral("spec.versions.0.name")), ociStorage);
        if (str(crd, QStringLiteral("spec.names.kind")) == QLatin1String("GitRepository"))
            QCOMPARE(str(crd, QStringLiteral("spec.names.shortNames.0")),
                     QStringLiteral("gitrepo"));
    }
    for (const char *name :
         {"gitrepositories.source.toolkit.fluxcd.io", "helmrepositories.source.toolkit.fluxcd.io",
          "ocirepositories.source.toolkit.fluxcd.io", "helmcharts.source.toolkit.fluxcd.io",
          "buckets.source.toolkit.fluxcd.io", "kustomizations.kustomize.toolkit.fluxcd.io",
          "helmreleases.helm.toolkit.fluxcd.io", "alerts.notification.toolkit.fluxcd.io",
          "providers.notification.toolkit.fluxcd.io", "receivers.notification.toolkit.fluxcd.io"})
        QVERIFY2(crds.contains(QLatin1String(name)), name);
}

void TestFakeFluxParts::componentsOnlyThoseAsked()
{
    const QStringList two{QStringLiteral("source-controller"),
                          QStringLiteral("kustomize-controller")};
    const QByteArray text = fluxComponentsManifest(QStringLiteral("v2.6.1"), two);
    const Result<ComponentsManifest> checked =
        checkComponentsManifest(text, QStringLiteral("gotk-components.yaml"), QString());
    QVERIFY2(checked.ok(), qPrintable(checked.error().toString()));
    QCOMPARE(checked->components, two);
    QVERIFY(!text.contains("helmreleases.helm.toolkit.fluxcd.io"));
    QVERIFY(!text.contains("helm-controller"));
    QVERIFY(text.contains("# Components: source-controller,kustomize-controller\n"));
}

void TestFakeFluxParts::gitSourceClones()
{
    QTemporaryDir root;
    QString commit;
    const QString url = makeRepository(root.path(), &commit);
    QVERIFY(!url.isEmpty());
    FakeFluxGit source;
    QVERIFY(source.ok());
    const FakeFluxFetch fetched =
        source.fetch(url, QJsonObject{{QStringLiteral("branch"), QStringLiteral("main")}});
    QVERIFY2(fetched.error.isEmpty(), qPrintable(fetched.error));
    QCOMPARE(fetched.commit, commit);
    QVERIFY(QFile::exists(fetched.folder + QStringLiteral("/apps/configmap.yaml")));
    const FakeFluxFetch byCommit =
        source.fetch(url, QJsonObject{{QStringLiteral("commit"), commit}});
    QVERIFY2(byCommit.error.isEmpty(), qPrintable(byCommit.error));
    QCOMPARE(byCommit.commit, commit);
    QVERIFY(byCommit.folder != fetched.folder);
}

void TestFakeFluxParts::gitSourceFails()
{
    QTemporaryDir root;
    QString commit;
    const QString url = makeRepository(root.path(), &commit);
    QVERIFY(!url.isEmpty());
    FakeFluxGit source;
    // No ref: Flux's default branch master, which this repository does not have.
    const FakeFluxFetch noMaster = source.fetch(url, QJsonObject());
    QVERIFY(noMaster.commit.isEmpty());
    QVERIFY2(noMaster.error.startsWith(
                 QStringLiteral("failed to checkout and determine revision: unable to clone '") +
                 url + QStringLiteral("': ")),
             qPrintable(noMaster.error));
    QVERIFY2(noMaster.error.contains(QLatin1String("master")), qPrintable(noMaster.error));
    const FakeFluxFetch missing =
        source.fetch(QStringLiteral("file://") + root.path() + QStringLiteral("/nothing.git"),
                     QJsonObject{{QStringLiteral("branch"), QStringLiteral("main")}});
    QVERIFY(!missing.error.isEmpty());
}

void TestFakeFluxParts::rendererBuilds()
{
    QTemporaryDir root;
    QString commit;
    const QString url = makeRepository(root.path(), &commit);
    QVERIFY(!url.isEmpty());
    const QString work = root.path() + QStringLiteral("/work");
    const Result<QList<QJsonObject>> apps = FakeFluxGit::render(work, QStringLiteral("./apps"));
    QVERIFY2(apps.ok(), qPrintable(apps.error().toString()));
    QCOMPARE(apps->size(), 1);
    QCOMPARE(str(apps->first(), QStringLiteral("metadata.namespace")), QStringLiteral("web"));
    QCOMPARE(str(apps->first(), QStringLiteral("data.mode")), QStringLiteral("live"));
    // No kustomization.yaml: every manifest below the folder, as Flux generates one.
    const Result<QList<QJsonObject>> plain = FakeFluxGit::render(work, QStringLiteral("plain"));
    QVERIFY2(plain.ok(), qPrintable(plain.error().toString()));
    QCOMPARE(plain->size(), 2);
}

void TestFakeFluxParts::rendererRefuses()
{
    QTemporaryDir root;
    QString commit;
    QVERIFY(!makeRepository(root.path(), &commit).isEmpty());
    const QString work = root.path() + QStringLiteral("/work");
    const Result<QList<QJsonObject>> missing = FakeFluxGit::render(work, QStringLiteral("./none"));
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().message.startsWith(QLatin1String("kustomization path not found")),
             qPrintable(missing.error().message));
    const Result<QList<QJsonObject>> outside = FakeFluxGit::render(work, QStringLiteral("../"));
    QVERIFY(!outside.ok());
    QVERIFY2(outside.error().message.contains(QLatin1String("leaves")),
             qPrintable(outside.error().message));
    writeFile(work + QStringLiteral("/broken/kustomization.yaml"), "resources:\n- missing.yaml\n");
    const Result<QList<QJsonObject>> broken = FakeFluxGit::render(work, QStringLiteral("broken"));
    QVERIFY(!broken.ok());
    QVERIFY2(broken.error().message.startsWith(QLatin1String("kustomize build failed: ")),
             qPrintable(broken.error().message));
}

void TestFakeFluxParts::fluxOnALocalRepository()
{
    QTemporaryDir root;
    QString commit;
    const QString url = makeRepository(root.path(), &commit);
    QVERIFY(!url.isEmpty());
    FakeFluxGit git;
    FakeFlux flux(git.source(), git.renderer());
    const auto controller = [](const QString &name) {
        return QJsonObject{
            {QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
            {QStringLiteral("kind"), QStringLiteral("Deployment")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), name},
                         {QStringLiteral("namespace"), QStringLiteral("flux-system")}}},
            {QStringLiteral("status"),
             QJsonObject{
                 {QStringLiteral("conditions"),
                  QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("Available")},
                                         {QStringLiteral("status"), QStringLiteral("True")}}}}}}};
    };
    QList<QJsonObject> objects{
        controller(QStringLiteral("source-controller")),
        controller(QStringLiteral("kustomize-controller")),
        QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("source.toolkit.fluxcd.io/v1")},
                    {QStringLiteral("kind"), QStringLiteral("GitRepository")},
                    {QStringLiteral("metadata"),
                     QJsonObject{{QStringLiteral("name"), QStringLiteral("flux-system")},
                                 {QStringLiteral("namespace"), QStringLiteral("flux-system")}}},
                    {QStringLiteral("spec"),
                     QJsonObject{{QStringLiteral("url"), url},
                                 {QStringLiteral("ref"), QJsonObject{{QStringLiteral("branch"),
                                                                      QStringLiteral("main")}}}}}},
        QJsonObject{
            {QStringLiteral("apiVersion"), QStringLiteral("kustomize.toolkit.fluxcd.io/v1")},
            {QStringLiteral("kind"), QStringLiteral("Kustomization")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("apps")},
                         {QStringLiteral("namespace"), QStringLiteral("flux-system")}}},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("path"), QStringLiteral("./apps")},
                         {QStringLiteral("prune"), true},
                         {QStringLiteral("sourceRef"),
                          QJsonObject{{QStringLiteral("kind"), QStringLiteral("GitRepository")},
                                      {QStringLiteral("name"), QStringLiteral("flux-system")}}}}}}};
    // Rounds as the server runs them, until nothing is left to do.
    for (int round = 0; round < 20; ++round) {
        const QList<FakeChange> changes =
            flux.react(objects, QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC));
        if (changes.isEmpty())
            break;
        for (const FakeChange &c : changes) {
            bool replaced = false;
            for (QJsonObject &o : objects) {
                if (str(o, QStringLiteral("kind")) == str(c.object, QStringLiteral("kind")) &&
                    str(o, QStringLiteral("metadata.name")) ==
                        str(c.object, QStringLiteral("metadata.name")) &&
                    str(o, QStringLiteral("metadata.namespace")) ==
                        str(c.object, QStringLiteral("metadata.namespace"))) {
                    o = c.object;
                    replaced = true;
                }
            }
            if (!replaced)
                objects.append(c.object);
        }
    }
    const QList<QJsonObject> maps = ofKind(objects, QStringLiteral("ConfigMap"));
    QCOMPARE(maps.size(), 1);
    QCOMPARE(str(maps.first(), QStringLiteral("metadata.namespace")), QStringLiteral("web"));
    QJsonObject ks;
    for (const QJsonObject &o : ofKind(objects, QStringLiteral("Kustomization")))
        ks = o;
    QCOMPARE(str(ks, QStringLiteral("status.lastAppliedRevision")),
             QStringLiteral("main@sha1:") + commit);
    QCOMPARE(str(ks, QStringLiteral("status.conditions.0.message")),
             QStringLiteral("Applied revision: main@sha1:") + commit);
}

namespace {

struct Kubectl
{
    QString kubeconfig;
    QString home;
    int exitCode = -1;
    QByteArray out, err;

    bool operator()(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KUBECONFIG"), kubeconfig);
        env.insert(QStringLiteral("HOME"), home);
        env.remove(QStringLiteral("KUBECTL_KUBERC"));
        p.setProcessEnvironment(env);
        p.start(QStandardPaths::findExecutable(QStringLiteral("kubectl")),
                QStringList{QStringLiteral("--request-timeout=30s")} + args);
        if (!p.waitForStarted(10000) || !p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished(5000);
            return false;
        }
        exitCode = p.exitCode();
        out = p.readAllStandardOutput();
        err = p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit && exitCode == 0;
    }
};

} // namespace

void TestFakeFluxParts::fluxInsideTheServer()
{
    if (QStandardPaths::findExecutable(QStringLiteral("kubectl")).isEmpty())
        QSKIP("kubectl is not on PATH");
    QTemporaryDir root;
    QString commit;
    const QString url = makeRepository(root.path(), &commit);
    QVERIFY(!url.isEmpty());
    const TestPki pki = TestPki::generate(root.filePath(QStringLiteral("pki")));
    QVERIFY2(pki.ok(), qPrintable(pki.error));
    FakeApiServer::Options options;
    options.certFile = pki.serverCert;
    options.keyFile = pki.serverKey;
    options.clientCaFile = pki.caCert;
    FakeApiServerThread server(options);
    // What a K3s cluster holds before Flux: the fake serves a type once an object of it exists.
    const auto seed = [](const char *apiVersion, const char *kind, const char *ns,
                         const char *name) {
        QJsonObject metadata{{QStringLiteral("name"), QLatin1String(name)}};
        if (*ns)
            metadata.insert(QStringLiteral("namespace"), QLatin1String(ns));
        return QJsonObject{{QStringLiteral("apiVersion"), QLatin1String(apiVersion)},
                           {QStringLiteral("kind"), QLatin1String(kind)},
                           {QStringLiteral("metadata"), metadata}};
    };
    QVERIFY(server.start(
        {seed("v1", "Namespace", "", "default"), seed("v1", "Namespace", "", "kube-system"),
         seed("rbac.authorization.k8s.io/v1", "ClusterRole", "", "cluster-admin"),
         seed("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "", "cluster-admin"),
         seed("networking.k8s.io/v1", "NetworkPolicy", "kube-system", "default-deny"),
         seed("apiextensions.k8s.io/v1", "CustomResourceDefinition", "",
              "helmcharts.helm.cattle.io")}));
    FakeFluxGit git;
    auto flux = std::make_shared<FakeFlux>(git.source(), git.renderer());
    server.server()->addController(std::make_shared<FakeKubeControllers>());
    server.server()->addController(flux);

    Kubectl kubectl;
    kubectl.kubeconfig = root.filePath(QStringLiteral("kubeconfig"));
    kubectl.home = root.filePath(QStringLiteral("home"));
    QVERIFY(server.server()->writeKubeconfig(kubectl.kubeconfig, pki,
                                             FakeApiServer::Credentials::ClientCertificate));

    // Flux installed as bootstrap applies it: the components, then the sync objects.
    const QString components = root.filePath(QStringLiteral("gotk-components.yaml"));
    QVERIFY(writeFile(components, fluxComponentsManifest(QStringLiteral("v2.6.0"))));
    QVERIFY2(kubectl({QStringLiteral("apply"), QStringLiteral("--server-side"),
                      QStringLiteral("--field-manager=fluxdesk"),
                      QStringLiteral("--validate=false"), QStringLiteral("-f"), components}),
             kubectl.err.constData());
    const QString sync = root.filePath(QStringLiteral("gotk-sync.yaml"));
    QVERIFY(writeFile(sync, QStringLiteral("apiVersion: source.toolkit.fluxcd.io/v1\n"
                                           "kind: GitRepository\nmetadata:\n  name: flux-system\n"
                                           "  namespace: flux-system\nspec:\n  interval: 1m0s\n"
                                           "  ref:\n    branch: main\n  url: %1\n---\n"
                                           "apiVersion: kustomize.toolkit.fluxcd.io/v1\n"
                                           "kind: Kustomization\nmetadata:\n  name: apps\n"
                                           "  namespace: flux-system\nspec:\n  interval: 10m0s\n"
                                           "  path: ./apps\n  prune: true\n  sourceRef:\n"
                                           "    kind: GitRepository\n    name: flux-system\n")
                                .arg(url)
                                .toUtf8()));
    QVERIFY2(kubectl({QStringLiteral("apply"), QStringLiteral("--server-side"),
                      QStringLiteral("--field-manager=fluxdesk"),
                      QStringLiteral("--validate=false"), QStringLiteral("-f"), sync}),
             kubectl.err.constData());

    // The server's controllers run Flux: the Kustomization goes Ready, as kubectl reads it.
    const QString applied = QStringLiteral("Applied revision: main@sha1:") + commit;
    const auto readyMessage = [&] {
        for (const QJsonObject &o :
             ofKind(server.server()->objects(), QStringLiteral("Kustomization"))) {
            for (const QJsonValue &c : o.value(QLatin1String("status"))
                                           .toObject()
                                           .value(QLatin1String("conditions"))
                                           .toArray()) {
                if (str(c.toObject(), QStringLiteral("type")) == QLatin1String("Ready"))
                    return str(c.toObject(), QStringLiteral("message"));
            }
        }
        return QString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(readyMessage(), applied, 30000);
    QVERIFY2(
        kubectl({QStringLiteral("get"), QStringLiteral("kustomization"), QStringLiteral("apps"),
                 QStringLiteral("-n"), QStringLiteral("flux-system"), QStringLiteral("-o"),
                 QStringLiteral("jsonpath={.status.conditions[?(@.type==\"Ready\")].message}")}),
        kubectl.err.constData());
    QCOMPARE(QString::fromUtf8(kubectl.out), applied);
    QVERIFY2(kubectl({QStringLiteral("get"), QStringLiteral("configmaps"), QStringLiteral("-n"),
                      QStringLiteral("web"), QStringLiteral("-l"),
                      QStringLiteral("kustomize.toolkit.fluxcd.io/name=apps"), QStringLiteral("-o"),
                      QStringLiteral("name")}),
             kubectl.err.constData());
    QCOMPARE(kubectl.out.trimmed(), QByteArray("configmap/settings"));

    // The Events Flux's controllers emitted are there for `kubectl get events`.
    QVERIFY2(kubectl({QStringLiteral("get"), QStringLiteral("events"), QStringLiteral("-n"),
                      QStringLiteral("flux-system"), QStringLiteral("-o"), QStringLiteral("json")}),
             kubectl.err.constData());
    QStringList reasons;
    for (const QJsonValue &e :
         QJsonDocument::fromJson(kubectl.out).object().value(QLatin1String("items")).toArray())
        reasons.append(str(e.toObject(), QStringLiteral("involvedObject.kind")) + QLatin1Char('/') +
                       str(e.toObject(), QStringLiteral("reason")));
    QVERIFY2(reasons.contains(QLatin1String("GitRepository/NewArtifact")),
             qPrintable(reasons.join(QLatin1Char(' '))));
    QVERIFY2(reasons.contains(QLatin1String("Kustomization/ReconciliationSucceeded")),
             qPrintable(reasons.join(QLatin1Char(' '))));
}

void TestFakeFluxParts::helmTakeoverInsideTheServer_data()
{
    QTest::addColumn<bool>("reinstall");
    QTest::addRow("adopted") << false;
    QTest::addRow("reinstalled") << true;
}

// helm-controller's outcome as the API server stores it: adopted keeps the workload's uid and
// writes revision 3; a reinstall leaves revision 1 and a workload with a new uid.
void TestFakeFluxParts::helmTakeoverInsideTheServer()
{
    QFETCH(bool, reinstall);
    QTemporaryDir root;
    const TestPki pki = TestPki::generate(root.filePath(QStringLiteral("pki")));
    QVERIFY2(pki.ok(), qPrintable(pki.error));
    FakeApiServer::Options options;
    options.certFile = pki.serverCert;
    options.keyFile = pki.serverKey;
    options.clientCaFile = pki.caCert;
    FakeApiServerThread server(options);
    const auto parse = [](const QByteArray &yaml) {
        const Result<QList<QJsonObject>> objects = parseManifestStream(yaml, QStringLiteral("t"));
        return objects.ok() ? *objects : QList<QJsonObject>();
    };
    QList<QJsonObject> seed = parse(
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: flux-system}\n---\n"
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: web}\n---\n"
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: source-controller, namespace: "
        "flux-system}\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n"
        "      - {name: manager, image: 'ghcr.io/fluxcd/source-controller:v1.6.0'}\n---\n"
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: helm-controller, namespace: "
        "flux-system}\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n"
        "      - {name: manager, image: 'ghcr.io/fluxcd/helm-controller:v1.3.0'}\n---\n"
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: podinfo\n  namespace: web\n"
        "  uid: uid-podinfo\n  labels: {app.kubernetes.io/managed-by: Helm}\n"
        "  annotations: {meta.helm.sh/release-name: podinfo, meta.helm.sh/release-namespace: web}\n"
        "spec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n"
        "      - {name: podinfo, image: 'ghcr.io/stefanprodan/podinfo:6.5.0'}\n---\n"
        "apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\n"
        "metadata: {name: podinfo, namespace: flux-system}\n"
        "spec: {url: 'https://stefanprodan.github.io/podinfo'}\n---\n"
        "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\n"
        "metadata: {name: podinfo, namespace: web}\nspec:\n  chart:\n    spec:\n"
        "      chart: podinfo\n      version: 6.5.0\n      sourceRef: {kind: HelmRepository, "
        "name: podinfo, namespace: flux-system}\n");
    QCOMPARE(seed.size(), 7);
    for (int revision : {1, 2})
        seed.append(helmReleaseSecret(helmReleaseJson(
            QStringLiteral("podinfo"), QStringLiteral("web"), revision,
            revision == 2 ? QStringLiteral("deployed") : QStringLiteral("superseded"),
            QStringLiteral("podinfo"), QStringLiteral("6.5.0"), {})));
    QVERIFY(server.start(seed));
    auto flux = std::make_shared<FakeFlux>();
    flux->setReinstall(reinstall);
    server.server()->addController(std::make_shared<FakeKubeControllers>());
    server.server()->addController(flux);

    const auto find = [&](const QString &kind, const QString &name) {
        for (const QJsonObject &o : server.server()->objects()) {
            if (str(o, QStringLiteral("kind")) == kind &&
                str(o, QStringLiteral("metadata.name")) == name &&
                str(o, QStringLiteral("metadata.namespace")) == QLatin1String("web"))
                return o;
        }
        return QJsonObject();
    };
    const QString expected = reinstall ? QStringLiteral("Helm install succeeded for release "
                                                        "web/podinfo.v1 with chart podinfo@6.5.0")
                                       : QStringLiteral("Helm upgrade succeeded for release "
                                                        "web/podinfo.v3 with chart podinfo@6.5.0");
    QTRY_COMPARE_WITH_TIMEOUT(str(find(QStringLiteral("HelmRelease"), QStringLiteral("podinfo")),
                                  QStringLiteral("status.conditions.0.message")),
                              expected, 20000);
    const QString uid = str(find(QStringLiteral("Deployment"), QStringLiteral("podinfo")),
                            QStringLiteral("metadata.uid"));
    QVERIFY(!uid.isEmpty());
    QCOMPARE(uid == QLatin1String("uid-podinfo"), !reinstall);
    QStringList records;
    for (const QJsonObject &o : server.server()->objects()) {
        if (!isHelmReleaseRecord(o))
            continue;
        const Result<HelmRelease> release = decodeHelmReleaseObject(o);
        QVERIFY2(release.ok(), qPrintable(release.error().message));
        records.append(QStringLiteral("v%1 %2").arg(release->revision).arg(release->status));
    }
    records.sort();
    const QStringList expectedRecords =
        reinstall ? QStringList{QStringLiteral("v1 deployed")}
                  : QStringList{QStringLiteral("v1 superseded"), QStringLiteral("v2 superseded"),
                                QStringLiteral("v3 deployed")};
    QCOMPARE(records, expectedRecords);
}

QTEST_GUILESS_MAIN(TestFakeFluxParts)
#include "tst_fakefluxparts.moc"
