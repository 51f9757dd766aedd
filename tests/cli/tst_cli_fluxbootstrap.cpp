// A script takes a cluster over with fluxdesk-cli alone: the stock K3s homelab (the fake API
// server with its controllers and the simulated Flux) is planned into a checkout pushed to a bare
// repository, `flux bootstrap` installs Flux from a components file and points it at the
// repository over HTTPS with a token from the environment, `flux status` sees everything Ready,
// `flux suspend|reconcile|resume` act on a Kustomization, and `flux takeover` finds every object
// and release adopted in place; with helm-controller reinstalling instead, danger.
#include "clirunner.h"
#include "fakeapiserver.h"
#include "fakeflux.h"
#include "fakefluxcomponents.h"
#include "fakefluxgit.h"
#include "fakekubecontrollers.h"
#include "kube/snapshot.h"
#include "takeovertesting.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

const char token[] = "flux-reads-with-this-token-7f3a";

bool ready(const QJsonObject &object)
{
    for (const QJsonValue &c :
         object.value(s("status")).toObject().value(s("conditions")).toArray())
        if (c.toObject().value(s("type")).toString() == QLatin1String("Ready"))
            return c.toObject().value(s("status")).toString() == QLatin1String("True");
    return false;
}

} // namespace

class TestCliFluxBootstrap : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void scriptTakesTheClusterOver();
    void reinstallIsDanger();
    void refusals();

private:
    struct Cluster
    {
        std::unique_ptr<FakeApiServerThread> server;
        std::shared_ptr<FakeFlux> flux;
        QString kubeconfig;
    };
    Cluster startCluster(bool reinstall);
    // A checkout with the plan written, committed and pushed to a bare repository.
    // sops: the owner makes an age key and sets the checkout up for encrypted Secrets first.
    bool prepareRepository(const QString &checkout, const QString &bare, const QString &kubeconfig,
                           bool sops = false);
    CliRun cli(const QStringList &arguments);
    bool waitForFlux(FakeApiServer *server, int timeoutMs);

    QTemporaryDir m_dir;
    TestPki m_pki;
    QProcessEnvironment m_env;
    QList<QJsonObject> m_cluster;
    FakeFluxGit m_git;
    QString m_bare; // the repository the simulated Flux reads, whatever URL it is given
    int m_count = 0;
};

void TestCliFluxBootstrap::initTestCase()
{
    QVERIFY(m_dir.isValid() && m_git.ok());
    m_pki = TestPki::generate(m_dir.filePath(s("pki")));
    QVERIFY2(m_pki.ok(), qPrintable(m_pki.error));
    const QString home = m_dir.filePath(s("home"));
    QVERIFY(QDir().mkpath(home));
    m_env = isolatedEnvironment(home);
    m_env.insert(s("FLUX_GIT_TOKEN"), QString::fromLatin1(token));
    // git and kubectl only on PATH: no flux CLI, so the components come from the file given
    // whatever the machine has installed.
    const QString bin = m_dir.filePath(s("bin"));
    QVERIFY(QDir().mkpath(bin));
    for (const char *tool : {"git", "kubectl"}) {
        const QString found = QStandardPaths::findExecutable(s(tool));
        QVERIFY2(!found.isEmpty(), tool);
        QVERIFY(QFile::link(found, bin + QLatin1Char('/') + s(tool)));
    }
    m_env.insert(s("PATH"), bin);
    const Result<QList<QJsonObject>> objects =
        loadSnapshot(s(FLUXDESK_TEST_DATA "/k3s/k3s-homelab.yaml"));
    QVERIFY(objects);
    m_cluster = *objects;
}

TestCliFluxBootstrap::Cluster TestCliFluxBootstrap::startCluster(bool reinstall)
{
    Cluster cluster;
    FakeApiServer::Options options;
    options.certFile = m_pki.serverCert;
    options.keyFile = m_pki.serverKey;
    options.clientCaFile = m_pki.caCert;
    options.token = s("bootstrap-test");
    cluster.server = std::make_unique<FakeApiServerThread>(options);
    if (!cluster.server->start(m_cluster))
        return {};
    const FakeFlux::Source source = m_git.source();
    const QString bare = m_bare;
    cluster.flux = std::make_shared<FakeFlux>(
        [source, bare](const QString &, const QJsonObject &ref) {
            return source(s("file://") + bare, ref);
        },
        m_git.renderer());
    cluster.flux->setReinstall(reinstall);
    cluster.server->server()->addController(std::make_shared<FakeKubeControllers>());
    cluster.server->server()->addController(cluster.flux);
    cluster.kubeconfig = m_dir.filePath(s("kubeconfig-%1.yaml").arg(++m_count));
    FakeApiServer *s = cluster.server->server();
    bool ok = false;
    const QString path = cluster.kubeconfig;
    QMetaObject::invokeMethod(
        s, [&] { ok = s->writeKubeconfig(path, m_pki, FakeApiServer::Credentials::Token); },
        Qt::BlockingQueuedConnection);
    if (!ok)
        return {};
    return cluster;
}

CliRun TestCliFluxBootstrap::cli(const QStringList &arguments)
{
    return runCli(arguments, m_env, 180000);
}

bool TestCliFluxBootstrap::prepareRepository(const QString &checkout, const QString &bare,
                                             const QString &kubeconfig, bool sops)
{
    if (!gitSucceeds(bare, {s("init"), s("-q"), s("--bare"), s("-b"), s("main")}) ||
        !gitSucceeds(checkout, {s("init"), s("-q"), s("-b"), s("main")}) ||
        !gitSucceeds(checkout, {s("config"), s("user.name"), s("Homelab Owner")}) ||
        !gitSucceeds(checkout, {s("config"), s("user.email"), s("owner@example.com")}) ||
        !gitSucceeds(checkout, {s("remote"), s("add"), s("origin"), s("file://") + bare}))
        return false;
    if (sops && (cli({s("secrets"), s("keygen")}).exitCode != 0 ||
                 cli({s("secrets"), s("setup"), s("--repo"), checkout}).exitCode != 0))
        return false;
    const CliRun plan =
        cli({s("--kubeconfig"), kubeconfig, s("plan"), s("--repo"), checkout, s("--write")});
    if (plan.exitCode != 0) {
        qWarning("plan: %s", plan.err.constData());
        return false;
    }
    return gitSucceeds(checkout, {s("add"), s("-A")}) &&
           gitSucceeds(checkout, {s("commit"), s("-q"), s("-m"), s("The cluster as it runs")}) &&
           gitSucceeds(checkout, {s("push"), s("-q"), s("-u"), s("origin"), s("main")});
}

bool TestCliFluxBootstrap::waitForFlux(FakeApiServer *server, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        const QList<QJsonObject> live = server->objects();
        bool all = ready(findObject(live, "Kustomization", "flux-system")) &&
                   ready(findObject(live, "Kustomization", "infrastructure")) &&
                   ready(findObject(live, "Kustomization", "workloads"));
        for (const QJsonObject &object : live)
            if (object.value(s("kind")).toString() == QLatin1String("HelmRelease"))
                all = all && ready(object);
        if (all)
            return true;
        QTest::qWait(250);
    }
    // Say what Flux reported, so a failure names the object and Flux's own words.
    for (const QJsonObject &object : server->objects()) {
        const QString kind = object.value(s("kind")).toString();
        if (kind != QLatin1String("Kustomization") && kind != QLatin1String("HelmRelease") &&
            kind != QLatin1String("GitRepository") && kind != QLatin1String("HelmRepository"))
            continue;
        if (!ready(object))
            qWarning("%s %s: %s", qPrintable(kind),
                     qPrintable(object.value(s("metadata")).toObject().value(s("name")).toString()),
                     QJsonDocument(object.value(s("status")).toObject()).toJson().constData());
    }
    return false;
}

void TestCliFluxBootstrap::scriptTakesTheClusterOver()
{
    QTemporaryDir checkout, bare;
    m_bare = bare.path();
    Cluster cluster = startCluster(false);
    QVERIFY(cluster.server);
    QVERIFY(prepareRepository(checkout.path(), bare.path(), cluster.kubeconfig));
    const QString components = m_dir.filePath(s("install.yaml"));
    {
        QFile file(components);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(fluxComponentsManifest(s("v2.6.0")));
    }

    const CliRun bootstrap =
        cli({s("--kubeconfig"), cluster.kubeconfig, s("flux"), s("bootstrap"), s("--repo"),
             checkout.path(), s("--components-file"), components, s("--sync-url"),
             s("https://git.example.com/me/homelab.git"), s("--token-env"), s("FLUX_GIT_TOKEN")});
    QVERIFY2(bootstrap.exitCode == 0, bootstrap.err.constData());
    // The token went to the cluster's Secret only.
    QVERIFY(!bootstrap.out.contains(token) && !bootstrap.err.contains(token));
    QVERIFY2(bootstrap.outText().contains(s("clusters/homelab/flux-system/gotk-sync.yaml")),
             bootstrap.out.constData());
    QVERIFY2(bootstrap.outText().contains(s(".fluxdesk/takeover.yaml")), bootstrap.out.constData());
    QVERIFY2(bootstrap.outText().contains(s("and pushed")), bootstrap.out.constData());
    const QJsonObject secret =
        findObject(cluster.server->server()->objects(), "Secret", "flux-system");
    QCOMPARE(QByteArray::fromBase64(
                 secret.value(s("data")).toObject().value(s("password")).toString().toLatin1()),
             QByteArray(token));
    // What Flux reads was pushed: the bare repository has the flux-system files.
    QProcess show;
    show.start(s("git"), {s("-C"), bare.path(), s("show"),
                          s("main:clusters/homelab/flux-system/gotk-sync.yaml")});
    QVERIFY(show.waitForFinished(30000));
    QVERIFY2(show.readAllStandardOutput().contains("url: https://git.example.com/me/homelab.git"),
             "gotk-sync.yaml names the sync URL");

    QVERIFY2(waitForFlux(cluster.server->server(), 60000), "Flux applied the repository");

    CliRun status = cli({s("--kubeconfig"), cluster.kubeconfig, s("flux"), s("status")});
    QVERIFY2(status.exitCode == 0, status.out.constData());
    QVERIFY2(status.outText().contains(s("Kustomization")) &&
                 status.outText().contains(s("workloads")),
             status.out.constData());

    CliRun check = cli({s("--kubeconfig"), cluster.kubeconfig, s("flux"), s("check")});
    QVERIFY2(check.exitCode == 0, check.out.constData());

    // Suspend, a refused reconcile, resume, reconcile: as flux does them.
    CliRun suspend = cli(
        {s("--kubeconfig"), cluster.kubeconfig, s("flux"), s("suspend"), s("ks"), s("workloads")});
    QVERIFY2(suspend.exitCode == 0, suspend.err.constData());
    QVERIFY(findObject(cluster.server->server()->objects(), "Kustomization", "workloads")
                .value(s("spec"))
                .toObject()
                .value(s("suspend"))
                .toBool());
    CliRun refused = cli({s("--kubeconfig"), cluster.kubeconfig, s("flux"), s("reconcile"), s("ks"),
                          s("workloads")});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.errText().contains(s("suspended")), refused.err.constData());
    CliRun resume = cli(
        {s("--kubeconfig"), cluster.kubeconfig, s("flux"), s("resume"), s("ks"), s("workloads")});
    QVERIFY2(resume.exitCode == 0, resume.err.constData());
    CliRun reconcile = cli({s("--kubeconfig"), cluster.kubeconfig, s("flux"), s("reconcile"),
                            s("kustomization"), s("workloads"), s("--with-source")});
    QVERIFY2(reconcile.exitCode == 0, reconcile.err.constData());
    QVERIFY(!findObject(cluster.server->server()->objects(), "Kustomization", "workloads")
                 .value(s("metadata"))
                 .toObject()
                 .value(s("annotations"))
                 .toObject()
                 .value(s("reconcile.fluxcd.io/requestedAt"))
                 .toString()
                 .isEmpty());

    const CliRun takeover = cli({s("--kubeconfig"), cluster.kubeconfig, s("flux"), s("takeover"),
                                 s("--repo"), checkout.path()});
    const QStringList notAdopted = takeover.outText()
                                       .split(QLatin1Char('\n'))
                                       .filter(QRegularExpression(s("^(WAITING|WARNING|DANGER) ")));
    QVERIFY2(takeover.exitCode == 0, qPrintable(notAdopted.join(QLatin1Char('\n'))));
    QVERIFY2(takeover.outText().contains(s(" 0 not yet, 0 warnings, 0 in danger")),
             takeover.out.constData());
    QVERIFY2(takeover.outText().contains(s("adopted, revision")), takeover.out.constData());
}

void TestCliFluxBootstrap::reinstallIsDanger()
{
    QTemporaryDir checkout, bare;
    m_bare = bare.path();
    Cluster cluster = startCluster(true);
    QVERIFY(cluster.server);
    QVERIFY(prepareRepository(checkout.path(), bare.path(), cluster.kubeconfig, true));
    const QString components = m_dir.filePath(s("install.yaml"));
    QVERIFY(QFile::exists(components) || [&] {
        QFile file(components);
        return file.open(QIODevice::WriteOnly) &&
               file.write(fluxComponentsManifest(s("v2.6.0"))) > 0;
    }());
    const CliRun bootstrap = cli({s("--kubeconfig"), cluster.kubeconfig, s("flux"), s("bootstrap"),
                                  s("--repo"), checkout.path(), s("--components-file"), components,
                                  s("--sync-url"), s("https://git.example.com/me/homelab.git"),
                                  s("--token-env"), s("FLUX_GIT_TOKEN"), s("--sops-age")});
    QVERIFY2(bootstrap.exitCode == 0, bootstrap.err.constData());
    // Flux got the owner's age key, and nothing printed it.
    const QJsonObject sopsAge =
        findObject(cluster.server->server()->objects(), "Secret", "sops-age");
    const QByteArray key = secretValue(sopsAge, s("identity.agekey"));
    QVERIFY2(key.contains("AGE-SECRET-KEY-1"), key.constData());
    QVERIFY(bootstrap.errText().contains(s("sops-age")));
    QVERIFY(!bootstrap.out.contains("AGE-SECRET-KEY") && !bootstrap.err.contains("AGE-SECRET-KEY"));
    QVERIFY2(waitForFlux(cluster.server->server(), 60000), "Flux applied the repository");
    const CliRun takeover = cli({s("--kubeconfig"), cluster.kubeconfig, s("--json"), s("flux"),
                                 s("takeover"), s("--repo"), checkout.path()});
    QCOMPARE(takeover.exitCode, 2);
    const QJsonObject report = QJsonDocument::fromJson(takeover.out).object();
    QVERIFY(report.value(s("dangers")).toInt() > 0);
    bool reinstalled = false;
    for (const QJsonValue &item : report.value(s("items")).toArray())
        reinstalled |= item.toObject().value(s("state")).toString() == QLatin1String("reinstalled");
    QVERIFY(reinstalled);
}

void TestCliFluxBootstrap::refusals()
{
    QTemporaryDir repo;
    CliRun run = cli({s("--demo"), s("flux"), s("bootstrap"), s("--repo"), repo.path()});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errText().contains(s("needs a live cluster")), run.err.constData());
    run = cli({s("--demo"), s("flux"), s("bootstrap"), s("--repo"), repo.path(), s("--version"),
               s("2.6.0"), s("--components-file"), s("x.yaml")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errText().contains(s("exclude each other")), run.err.constData());
    run = cli({s("--demo"), s("flux"), s("status"), s("--sync-url"), s("https://x/y/z")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errText().contains(s("--sync-url needs flux bootstrap")), run.err.constData());
    run = cli({s("--demo"), s("flux"), s("bootstrap"), s("--repo"), repo.path(), s("--host-api"),
               s("github")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errText().contains(s("--host-token-env")), run.err.constData());
}

QTEST_GUILESS_MAIN(TestCliFluxBootstrap)
#include "tst_cli_fluxbootstrap.moc"
