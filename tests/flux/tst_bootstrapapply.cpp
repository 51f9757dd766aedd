// Applying Flux to a cluster (BootstrapApply) against the fake API server, with simulated
// controllers that establish CRDs (late, on purpose), make Deployments Available (never for a
// failing image) and GitRepositories Ready: the order of the applies as the server saw them, no
// custom resource before its type is served, a refusal's own words and the account of what was
// applied, cancel, a wait that times out, and the Secret's values never shown anywhere.

#include "../kube/clienttestsupport.h"
#include "fakecontroller.h"
#include "fakeflux.h"
#include "fakefluxcomponents.h"
#include "fakefluxgit.h"
#include "fakekubecontrollers.h"
#include "flux/bootstrapapply.h"
#include "flux/readinesswaiter.h"
#include "secrets/sopssetup.h"
#include "takeovertesting.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QMutex>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <memory>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;
using State = BootstrapObject::State;

namespace {

const QString SecretValue =
    QStringLiteral("-----BEGIN OPENSSH PRIVATE KEY-----s3cr3t-key-material");

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonObject meta(const QJsonObject &o)
{
    return o.value(QLatin1String("metadata")).toObject();
}

QJsonObject withLabel(QJsonObject o, const QString &key, const QString &value)
{
    QJsonObject m = meta(o);
    m.insert(QStringLiteral("labels"), QJsonObject{{key, value}});
    o.insert(QStringLiteral("metadata"), m);
    return o;
}

QJsonObject crd(const QString &group, const QString &plural, const QString &kind)
{
    QJsonObject o =
        object(QStringLiteral("apiextensions.k8s.io/v1"),
               QStringLiteral("CustomResourceDefinition"), {}, plural + QLatin1Char('.') + group);
    QJsonObject names;
    names.insert(QStringLiteral("plural"), plural);
    names.insert(QStringLiteral("singular"), kind.toLower());
    names.insert(QStringLiteral("kind"), kind);
    names.insert(QStringLiteral("listKind"), QString(kind + QStringLiteral("List")));
    QJsonObject schema;
    schema.insert(QStringLiteral("type"), QStringLiteral("object"));
    schema.insert(QStringLiteral("x-kubernetes-preserve-unknown-fields"), true);
    QJsonObject validation;
    validation.insert(QStringLiteral("openAPIV3Schema"), schema);
    QJsonObject subresources;
    subresources.insert(QStringLiteral("status"), QJsonObject());
    QJsonObject version;
    version.insert(QStringLiteral("name"), QStringLiteral("v1"));
    version.insert(QStringLiteral("served"), true);
    version.insert(QStringLiteral("storage"), true);
    version.insert(QStringLiteral("subresources"), subresources);
    version.insert(QStringLiteral("schema"), validation);
    QJsonObject spec;
    spec.insert(QStringLiteral("group"), group);
    spec.insert(QStringLiteral("scope"), QStringLiteral("Namespaced"));
    spec.insert(QStringLiteral("names"), names);
    spec.insert(QStringLiteral("versions"), QJsonArray{version});
    o.insert(QStringLiteral("spec"), spec);
    return o;
}

QJsonObject deployment(const QString &name, const QString &image)
{
    QJsonObject d = object(QStringLiteral("apps/v1"), QStringLiteral("Deployment"),
                           QStringLiteral("flux-system"), name);
    const QJsonObject labels{{QStringLiteral("app"), name}};
    d.insert(QStringLiteral("spec"),
             QJsonObject{
                 {QStringLiteral("replicas"), 1},
                 {QStringLiteral("selector"), QJsonObject{{QStringLiteral("matchLabels"), labels}}},
                 {QStringLiteral("template"),
                  QJsonObject{
                      {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("labels"), labels}}},
                      {QStringLiteral("spec"),
                       QJsonObject{{QStringLiteral("containers"),
                                    QJsonArray{QJsonObject{
                                        {QStringLiteral("name"), QStringLiteral("manager")},
                                        {QStringLiteral("image"), image}}}}}}}}});
    return d;
}

// A Flux-shaped set in a mixed order (a ServiceAccount before its Namespace, CRDs in between,
// the Deployments last), and gotk-sync's two objects.
BootstrapApply::Input
fluxInput(const QString &sourceImage = QStringLiteral("ghcr.io/fluxcd/source-controller:v1.6.0"))
{
    BootstrapApply::Input in;
    const QString ns = QStringLiteral("flux-system");
    in.components = {
        object(QStringLiteral("v1"), QStringLiteral("ServiceAccount"), ns,
               QStringLiteral("source-controller")),
        crd(QStringLiteral("source.toolkit.fluxcd.io"), QStringLiteral("gitrepositories"),
            QStringLiteral("GitRepository")),
        object(QStringLiteral("v1"), QStringLiteral("Namespace"), {}, ns),
        crd(QStringLiteral("kustomize.toolkit.fluxcd.io"), QStringLiteral("kustomizations"),
            QStringLiteral("Kustomization")),
        object(QStringLiteral("v1"), QStringLiteral("ServiceAccount"), ns,
               QStringLiteral("kustomize-controller")),
        deployment(QStringLiteral("source-controller"), sourceImage),
        deployment(QStringLiteral("kustomize-controller"),
                   QStringLiteral("ghcr.io/fluxcd/kustomize-controller:v1.6.0")),
    };
    QJsonObject secret = object(QStringLiteral("v1"), QStringLiteral("Secret"), ns, ns);
    secret.insert(QStringLiteral("data"),
                  QJsonObject{{QStringLiteral("identity"),
                               QString::fromLatin1(SecretValue.toUtf8().toBase64())}});
    in.secret = secret;
    QJsonObject repo = object(QStringLiteral("source.toolkit.fluxcd.io/v1"),
                              QStringLiteral("GitRepository"), ns, ns);
    repo.insert(
        QStringLiteral("spec"),
        QJsonObject{{QStringLiteral("interval"), QStringLiteral("1m")},
                    {QStringLiteral("url"), QStringLiteral("ssh://git@git.example/r.git")},
                    {QStringLiteral("secretRef"), QJsonObject{{QStringLiteral("name"), ns}}}});
    QJsonObject ks = object(QStringLiteral("kustomize.toolkit.fluxcd.io/v1"),
                            QStringLiteral("Kustomization"), ns, ns);
    ks.insert(QStringLiteral("spec"),
              QJsonObject{{QStringLiteral("interval"), QStringLiteral("10m")},
                          {QStringLiteral("path"), QStringLiteral("./clusters/home")},
                          {QStringLiteral("prune"), true},
                          {QStringLiteral("sourceRef"),
                           QJsonObject{{QStringLiteral("kind"), QStringLiteral("GitRepository")},
                                       {QStringLiteral("name"), ns}}}});
    in.sync = {repo, ks};
    return in;
}

QJsonObject withCondition(QJsonObject o, const QString &type, bool status, const QString &reason)
{
    const QJsonObject condition{
        {QStringLiteral("type"), type},
        {QStringLiteral("status"), status ? QStringLiteral("True") : QStringLiteral("False")},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("message"), reason}};
    QJsonObject status_ = o.value(QLatin1String("status")).toObject();
    QJsonArray conditions = status_.value(QLatin1String("conditions")).toArray();
    conditions.append(condition);
    status_.insert(QStringLiteral("conditions"), conditions);
    status_.insert(QStringLiteral("observedGeneration"),
                   meta(o).value(QLatin1String("generation")).toInt(1));
    o.insert(QStringLiteral("status"), status_);
    return o;
}

bool hasCondition(const QJsonObject &o, const QString &type)
{
    const QJsonArray conditions =
        o.value(QLatin1String("status")).toObject().value(QLatin1String("conditions")).toArray();
    for (const QJsonValue &c : conditions) {
        if (c.toObject().value(QLatin1String("type")).toString() == type)
            return true;
    }
    return false;
}

// The cluster's controllers as far as this suite needs them. CRDs become Established crdDelayMs
// after they are stored; Deployments Available unless their image holds "failing" (then
// Available False, MinimumReplicasUnavailable); GitRepositories Ready. It also notes any custom
// resource stored while its CRD was not yet Established.
class TestControllers : public FakeController
{
public:
    explicit TestControllers(int crdDelayMs) : m_crdDelayMs(crdDelayMs) {}

    std::atomic_bool customResourceTooEarly{false};

    QList<FakeChange> react(const QList<QJsonObject> &objects, const QDateTime &) override
    {
        QMutexLocker lock(&m_mutex);
        QList<FakeChange> changes;
        QSet<QString> established; // group/Kind
        for (const QJsonObject &o : objects) {
            if (str(o, "kind") != QLatin1String("CustomResourceDefinition"))
                continue;
            const QJsonObject spec = o.value(QLatin1String("spec")).toObject();
            const QString key = str(spec, "group") + QLatin1Char('/') +
                                str(spec.value(QLatin1String("names")).toObject(), "kind");
            if (hasCondition(o, QStringLiteral("Established"))) {
                established.insert(key);
            } else if (!m_scheduled.contains(key)) {
                m_scheduled.insert(key);
                changes.append({FakeChange::Type::Put,
                                withCondition(o, QStringLiteral("Established"), true,
                                              QStringLiteral("InitialNamesAccepted")),
                                m_crdDelayMs});
            }
        }
        for (const QJsonObject &o : objects) {
            const QString apiVersion = str(o, "apiVersion");
            const QString kind = str(o, "kind");
            if (apiVersion.contains(QLatin1String("toolkit.fluxcd.io")) &&
                !established.contains(apiVersion.section(QLatin1Char('/'), 0, 0) +
                                      QLatin1Char('/') + kind))
                customResourceTooEarly = true;
            if (kind == QLatin1String("Deployment") &&
                !hasCondition(o, QStringLiteral("Available"))) {
                const bool failing = QJsonDocument(o.value(QLatin1String("spec")).toObject())
                                         .toJson()
                                         .contains("failing");
                changes.append({FakeChange::Type::Put,
                                withCondition(o, QStringLiteral("Available"), !failing,
                                              failing ? QStringLiteral("MinimumReplicasUnavailable")
                                                      : QStringLiteral("MinimumReplicasAvailable")),
                                0});
            }
            if (kind == QLatin1String("GitRepository") && !hasCondition(o, QStringLiteral("Ready")))
                changes.append(
                    {FakeChange::Type::Put,
                     withCondition(o, QStringLiteral("Ready"), true, QStringLiteral("Succeeded")),
                     0});
        }
        return changes;
    }

private:
    QMutex m_mutex;
    QSet<QString> m_scheduled;
    int m_crdDelayMs = 0;
};

bool git(const QString &dir, const QStringList &arguments)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
    env.insert(QStringLiteral("GIT_AUTHOR_NAME"), QStringLiteral("Test"));
    env.insert(QStringLiteral("GIT_AUTHOR_EMAIL"), QStringLiteral("t@example.org"));
    env.insert(QStringLiteral("GIT_COMMITTER_NAME"), QStringLiteral("Test"));
    env.insert(QStringLiteral("GIT_COMMITTER_EMAIL"), QStringLiteral("t@example.org"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("git"), arguments);
    return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

QStringList captured;
void captureMessages(QtMsgType, const QMessageLogContext &, const QString &message)
{
    captured.append(message);
}

} // namespace

class TstBootstrapApply : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestPki m_pki;
    const QString m_token = QStringLiteral("bootstrap-token");
    std::unique_ptr<FakeApiServer> m_server;
    std::shared_ptr<TestControllers> m_controllers;

    ConnectionSettings settings() const
    {
        return clientSettings(m_server->url(), m_pki, ClientAuth::Token, m_token);
    }

    static BootstrapApply::Options fast()
    {
        BootstrapApply::Options o;
        o.pollIntervalMs = 50;
        o.crdTimeoutMs = 10000;
        o.readyTimeoutMs = 10000;
        return o;
    }

    struct Run
    {
        BootstrapApplyReport report;
        QStringList progress;
        int lastStep = 0, total = 0;
        int finishedSignals = 0;
    };

    Run run(const BootstrapApply::Input &input, const BootstrapApply::Options &options,
            int cancelAtStep = 0)
    {
        BootstrapApply apply(settings());
        QSignalSpy finished(&apply, &BootstrapApply::finished);
        Run r;
        connect(&apply, &BootstrapApply::progress, this,
                [&r, &apply, cancelAtStep](int step, int total, const QString &what) {
                    r.progress.append(what);
                    r.lastStep = step;
                    r.total = total;
                    // Cancelled from the event loop, as a Cancel button would: the apply of
                    // this step is in flight by then.
                    if (cancelAtStep > 0 && step == cancelAtStep)
                        QTimer::singleShot(100, &apply, [&apply]() { apply.cancel(); });
                });
        apply.start(input, options);
        if (!finished.wait(30000))
            return r;
        QTest::qWait(300); // nothing more comes, and nothing more is sent
        r.finishedSignals = int(finished.size());
        r.report = finished.first().at(0).value<BootstrapApplyReport>();
        return r;
    }

    // The PATCHes the server received, as "resource name".
    QStringList patches() const
    {
        QStringList out;
        for (const QString &line : m_server->requestLog()) {
            if (!line.startsWith(QLatin1String("PATCH ")))
                continue;
            const QString path = line.mid(6).section(QLatin1Char('?'), 0, 0);
            out.append(path.section(QLatin1Char('/'), -2, -2) + QLatin1Char(' ') +
                       path.section(QLatin1Char('/'), -1));
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_pki = TestPki::generate(m_dir.path());
        QVERIFY2(m_pki.ok(), qPrintable(m_pki.error));
    }

    void init()
    {
        m_server = std::make_unique<FakeApiServer>(serverOptions(m_pki, m_token));
        // As on any K3s cluster, its own CRDs are there (addons.k3s.cattle.io).
        m_server->setObjects(
            smallCluster() +
            QList<QJsonObject>{crd(QStringLiteral("k3s.cattle.io"), QStringLiteral("addons"),
                                   QStringLiteral("Addon"))});
        QVERIFY(m_server->listen());
        // The suite's own controllers (CRDs established late); the end-to-end cases use the
        // fake cluster's and the simulated Flux instead.
        if (!QByteArray(QTest::currentTestFunction()).startsWith("flux")) {
            m_controllers = std::make_shared<TestControllers>(300);
            m_server->addController(m_controllers);
        }
    }

    void cleanup()
    {
        m_server.reset();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

    void applyOrder()
    {
        const QList<QJsonObject> ordered = BootstrapApply::applyOrder(fluxInput());
        QStringList kinds;
        for (const QJsonObject &o : ordered)
            kinds.append(BootstrapApply::describe(o));
        QCOMPARE(
            kinds,
            QStringList({
                QStringLiteral("CustomResourceDefinition gitrepositories.source.toolkit.fluxcd.io"),
                QStringLiteral(
                    "CustomResourceDefinition kustomizations.kustomize.toolkit.fluxcd.io"),
                QStringLiteral("Namespace flux-system"),
                QStringLiteral("ServiceAccount flux-system/source-controller"),
                QStringLiteral("ServiceAccount flux-system/kustomize-controller"),
                QStringLiteral("Deployment flux-system/source-controller"),
                QStringLiteral("Deployment flux-system/kustomize-controller"),
                QStringLiteral("Secret flux-system/flux-system"),
                QStringLiteral("GitRepository flux-system/flux-system"),
                QStringLiteral("Kustomization flux-system/flux-system"),
            }));
    }

    // Everything applied in order, the waits passed, Flux running.
    void endToEnd()
    {
        const Run r = run(fluxInput(), fast());
        QVERIFY2(r.report.ok, qPrintable(r.report.account()));
        QCOMPARE(r.finishedSignals, 1);
        QCOMPARE(r.report.objectsIn(State::Applied).size(), 10);
        QCOMPARE(r.lastStep, r.total);
        QCOMPARE(r.total, 10 + 3); // ten applies, three waits
        QCOMPARE(patches(),
                 QStringList(
                     {QStringLiteral(
                          "customresourcedefinitions gitrepositories.source.toolkit.fluxcd.io"),
                      QStringLiteral(
                          "customresourcedefinitions kustomizations.kustomize.toolkit.fluxcd.io"),
                      QStringLiteral("namespaces flux-system"),
                      QStringLiteral("serviceaccounts source-controller"),
                      QStringLiteral("serviceaccounts kustomize-controller"),
                      QStringLiteral("deployments source-controller"),
                      QStringLiteral("deployments kustomize-controller"),
                      QStringLiteral("secrets flux-system"),
                      QStringLiteral("gitrepositories flux-system"),
                      QStringLiteral("kustomizations flux-system")}));
        for (const QString &line : m_server->requestLog()) {
            if (line.startsWith(QLatin1String("PATCH ")))
                QVERIFY2(line.contains(QLatin1String("fieldManager=fluxdesk")) &&
                             line.contains(QLatin1String("force=true")),
                         qPrintable(line));
        }
        QVERIFY(r.progress.filter(QStringLiteral("established")).size() >= 1);
        QVERIFY(r.progress.filter(QStringLiteral("controllers to be available")).size() >= 1);
        QVERIFY(r.progress.filter(QStringLiteral("GitRepository to be ready")).size() >= 1);
    }

    // The CRDs become Established 300 ms after they are stored: the custom resources wait.
    void customResourceOnlyOnceServed()
    {
        const Run r = run(fluxInput(), fast());
        QVERIFY2(r.report.ok, qPrintable(r.report.account()));
        QVERIFY(!m_controllers->customResourceTooEarly);
        const QStringList log = m_server->requestLog();
        int lastCrdGet = -1, firstCustomPatch = -1, discovery = -1;
        for (int i = 0; i < log.size(); ++i) {
            const QString &line = log.at(i);
            if (line.startsWith(
                    QLatin1String("GET /apis/apiextensions.k8s.io/v1/customresourcedefinitions/")))
                lastCrdGet = i;
            if (line.startsWith(QLatin1String("GET /apis/source.toolkit.fluxcd.io/v1")) &&
                discovery < 0)
                discovery = i;
            if (line.startsWith(QLatin1String("PATCH /apis/source.toolkit.fluxcd.io/")) &&
                firstCustomPatch < 0)
                firstCustomPatch = i;
        }
        QVERIFY(lastCrdGet >= 0);
        QVERIFY(discovery >= 0);
        QVERIFY(lastCrdGet < firstCustomPatch);
        QVERIFY(discovery < firstCustomPatch);
        // Polled: the first GETs found the CRDs not yet established.
        QVERIFY(
            log
                .filter(QStringLiteral(
                    "GET /apis/apiextensions.k8s.io/v1/customresourcedefinitions/gitrepositories"))
                .size() >= 2);
    }

    // A 422 from an admission webhook: the apply stops there with its words and the account.
    void refusalStopsWithAccount()
    {
        AdmissionRule rule;
        rule.webhook = QStringLiteral("policy.example.com");
        rule.labelKey = QStringLiteral("deny");
        rule.code = 422;
        rule.message = QStringLiteral("images from ghcr.io need a signature");
        m_server->addAdmissionRule(rule);
        BootstrapApply::Input in = fluxInput();
        in.components[6] =
            withLabel(in.components.at(6), QStringLiteral("deny"), QStringLiteral("yes"));
        const Run r = run(in, fast());
        QVERIFY(!r.report.ok);
        QVERIFY(!r.report.cancelled);
        QVERIFY2(r.report.error.contains(QLatin1String("images from ghcr.io need a signature")),
                 qPrintable(r.report.error));
        QVERIFY2(r.report.failedStep.contains(
                     QLatin1String("Deployment flux-system/kustomize-controller")),
                 qPrintable(r.report.failedStep));
        QCOMPARE(r.report.objectsIn(State::Applied).size(), 6);
        QCOMPARE(r.report.objectsIn(State::Failed),
                 QStringList{QStringLiteral("Deployment flux-system/kustomize-controller")});
        QCOMPARE(r.report.objects.at(6).httpStatus, 422);
        QCOMPARE(r.report.objectsIn(State::NotApplied).size(), 3);
        QCOMPARE(patches().size(), 7); // nothing sent after the refusal
        const QString account = r.report.account();
        QVERIFY2(account.contains(QLatin1String("Not applied: 3")), qPrintable(account));
        QVERIFY2(account.contains(QLatin1String("GitRepository flux-system/flux-system")),
                 qPrintable(account));
        QVERIFY2(account.contains(QLatin1String("Namespace flux-system")), qPrintable(account));
    }

    void cancelMidway()
    {
        // Step 5 is the apply of the first ServiceAccount, which the server holds for 3 s: it
        // is cancelled while in flight.
        FakeApiServer::FaultRule slow;
        slow.pathPrefix =
            QStringLiteral("/api/v1/namespaces/flux-system/serviceaccounts/source-controller");
        slow.fault = FakeApiServer::Fault::Delay;
        slow.delayMs = 3000;
        m_server->addFault(slow);
        const Run r = run(fluxInput(), fast(), 5);
        QCOMPARE(r.finishedSignals, 1);
        QVERIFY(r.report.cancelled);
        QVERIFY(!r.report.ok);
        QCOMPARE(r.report.objectsIn(State::Applied).size(), 3);
        QCOMPARE(r.report.objectsIn(State::Uncertain),
                 QStringList{QStringLiteral("ServiceAccount flux-system/source-controller")});
        QCOMPARE(r.report.objectsIn(State::NotApplied).size(), 6);
        QVERIFY(patches().size() <= 4); // the one in flight at most
        QVERIFY(r.report.account().contains(QLatin1String("Cancelled")));
    }

    // A controller that never becomes Available: the wait ends, saying which and why.
    void waitTimesOut()
    {
        BootstrapApply::Options o = fast();
        o.readyTimeoutMs = 1500;
        const Run r = run(fluxInput(QStringLiteral("ghcr.io/example/failing:v1")), o);
        QVERIFY(!r.report.ok);
        QVERIFY(r.report.timedOut);
        QVERIFY2(r.report.error.contains(QLatin1String("Deployment flux-system/source-controller")),
                 qPrintable(r.report.error));
        QVERIFY2(r.report.error.contains(QLatin1String("MinimumReplicasUnavailable")),
                 qPrintable(r.report.error));
        QVERIFY2(!r.report.error.contains(QLatin1String("kustomize-controller")),
                 qPrintable(r.report.error));
        QCOMPARE(r.report.objectsIn(State::Applied).size(), 10);
    }

    // An object whose type the cluster does not serve and the set does not define.
    void unknownKind()
    {
        BootstrapApply::Input in = fluxInput();
        in.sync.append(object(QStringLiteral("notification.toolkit.fluxcd.io/v1beta3"),
                              QStringLiteral("Alert"), QStringLiteral("flux-system"),
                              QStringLiteral("slack")));
        BootstrapApply::Options o = fast();
        const Run r = run(in, o);
        QVERIFY(!r.report.ok);
        QVERIFY2(r.report.error.contains(QLatin1String("no matches for kind \"Alert\"")),
                 qPrintable(r.report.error));
        QCOMPARE(r.report.objectsIn(State::Failed),
                 QStringList{QStringLiteral("Alert flux-system/slack")});
    }

    // Flux as `flux install --export` shapes it, the fake cluster's controllers and the simulated
    // Flux reading a local repository over file://: everything applied, the controllers
    // Available, the GitRepository Ready.
    void fluxEndToEnd()
    {
        QTemporaryDir dir;
        const QString bare = dir.filePath(QStringLiteral("home.git"));
        const QString work = dir.filePath(QStringLiteral("work"));
        QVERIFY(
            git(dir.path(), {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("--bare"),
                             QStringLiteral("-b"), QStringLiteral("main"), bare}));
        QVERIFY(git(dir.path(), {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"),
                                 QStringLiteral("main"), work}));
        QVERIFY(QDir(work).mkpath(QStringLiteral("clusters/home")));
        QFile cm(work + QStringLiteral("/clusters/home/settings.yaml"));
        QVERIFY(cm.open(QIODevice::WriteOnly));
        cm.write("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: apps\n"
                 "data:\n  a: \"1\"\n");
        cm.close();
        QVERIFY(git(work, {QStringLiteral("add"), QStringLiteral(".")}));
        QVERIFY(git(work, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"),
                           QStringLiteral("home")}));
        QVERIFY(git(work,
                    {QStringLiteral("push"), QStringLiteral("-q"), bare, QStringLiteral("main")}));

        auto cluster = std::make_shared<FakeKubeControllers>();
        cluster->setAvailableDelayMs(200);
        FakeFluxGit fluxGit;
        QVERIFY(fluxGit.ok());
        auto flux = std::make_shared<FakeFlux>(fluxGit.source(), fluxGit.renderer());
        m_server->addController(cluster);
        m_server->addController(flux);

        BootstrapApply::Input in = fluxInput();
        in.components = fluxComponentsObjects(QStringLiteral("v2.6.0"));
        QJsonObject repo = in.sync.at(0);
        QJsonObject spec = repo.value(QLatin1String("spec")).toObject();
        spec.insert(QStringLiteral("url"), QString(QStringLiteral("file://") + bare));
        spec.insert(QStringLiteral("ref"),
                    QJsonObject{{QStringLiteral("branch"), QStringLiteral("main")}});
        repo.insert(QStringLiteral("spec"), spec);
        in.sync[0] = repo;

        // The fake serves a built-in type once it holds an object of it (a real API server
        // serves them all): one of each kind the components use, as a K3s cluster has anyway.
        QList<QJsonObject> seeds = m_server->objects();
        QSet<QString> seeded;
        for (const QJsonObject &o : std::as_const(in.components)) {
            const QString apiVersion = str(o, "apiVersion");
            const QString kind = str(o, "kind");
            if (apiVersion.contains(QLatin1String("apiextensions")) ||
                seeded.contains(apiVersion + kind))
                continue;
            seeded.insert(apiVersion + kind);
            const bool clusterScoped =
                meta(o).value(QLatin1String("namespace")).toString().isEmpty();
            seeds.append(object(apiVersion, kind,
                                clusterScoped ? QString() : QStringLiteral("kube-system"),
                                QStringLiteral("k3s-seed")));
        }
        m_server->setObjects(seeds);

        const Run r = run(in, fast());
        QVERIFY2(r.report.ok, qPrintable(r.report.account()));
        QCOMPARE(r.report.objectsIn(State::Applied).size(), in.components.size() + 3);
        QCOMPARE(r.lastStep, r.total);
        // CRDs, then Namespaces, then the rest, as the server saw the applies.
        int lastCrd = -1, firstNamespace = -1, lastNamespace = -1, firstOther = -1;
        const QStringList applied = patches();
        for (int i = 0; i < applied.size(); ++i) {
            if (applied.at(i).startsWith(QLatin1String("customresourcedefinitions ")))
                lastCrd = i;
            else if (applied.at(i).startsWith(QLatin1String("namespaces "))) {
                firstNamespace = firstNamespace < 0 ? i : firstNamespace;
                lastNamespace = i;
            } else if (firstOther < 0)
                firstOther = i;
        }
        QVERIFY(lastCrd > 0);
        QVERIFY(lastCrd < firstNamespace);
        QVERIFY(lastNamespace < firstOther);
        const QList<QJsonObject> live = m_server->objects();
        bool ready = false;
        for (const QJsonObject &o : live) {
            if (str(o, "kind") == QLatin1String("GitRepository"))
                ready = QJsonDocument(o).toJson().contains("\"Succeeded\"") ||
                        QJsonDocument(o).toJson().contains("stored artifact");
        }
        QVERIFY(ready);
    }

    // helper 2's failing image: source-controller never becomes Available.
    void fluxControllerNeverAvailable()
    {
        auto cluster = std::make_shared<FakeKubeControllers>();
        cluster->setFailingImages({QStringLiteral("ghcr.io/fluxcd/source-controller:v1.6.0")});
        m_server->addController(cluster);
        BootstrapApply::Options o = fast();
        o.readyTimeoutMs = 1500;
        const Run r = run(fluxInput(), o);
        QVERIFY(!r.report.ok);
        QVERIFY(r.report.timedOut);
        QVERIFY2(r.report.error.contains(QLatin1String("Deployment flux-system/source-controller")),
                 qPrintable(r.report.error));
        QVERIFY2(!r.report.error.contains(QLatin1String("kustomize-controller")),
                 qPrintable(r.report.error));
        QVERIFY2(r.report.failedStep.contains(QLatin1String("controllers to be available")),
                 qPrintable(r.report.failedStep));
    }

    // The sops-age key goes in with Flux, after the flux-system Secret, and is never shown
    // either, even when the server's refusal quotes it.
    void sopsAgeKeyAppliedAndNeverShown()
    {
        const QByteArray key =
            "# created: 2026-12-08T00:00:00Z\n"
            "AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ\n";
        BootstrapApply::Input in = fluxInput();
        in.moreSecrets.append(Sops::decryptionSecret(key));
        const QList<QJsonObject> ordered = BootstrapApply::applyOrder(in);
        QStringList names;
        for (const QJsonObject &o : ordered)
            names.append(BootstrapApply::describe(o));
        QCOMPARE(names.indexOf(QStringLiteral("Secret flux-system/sops-age")),
                 names.indexOf(QStringLiteral("Secret flux-system/flux-system")) + 1);

        Run r = run(in, fast());
        QVERIFY2(r.report.ok, qPrintable(r.report.account()));
        QCOMPARE(secretValue(findObject(m_server->objects(), "Secret", "sops-age"),
                             QStringLiteral("identity.agekey")),
                 key);

        AdmissionRule rule;
        rule.webhook = QStringLiteral("secrets.example.com");
        rule.labelKey = QStringLiteral("deny");
        rule.code = 422;
        rule.message = QStringLiteral("key material %1 is not allowed")
                           .arg(QString::fromLatin1(key.split('\n').at(1)));
        m_server->addAdmissionRule(rule);
        in.moreSecrets = {
            withLabel(Sops::decryptionSecret(key), QStringLiteral("deny"), QStringLiteral("yes"))};
        captured.clear();
        const QtMessageHandler previous = qInstallMessageHandler(captureMessages);
        r = run(in, fast());
        qInstallMessageHandler(previous);
        QVERIFY(!r.report.ok);
        QStringList everything = r.progress + captured + m_server->requestLog();
        everything << r.report.error << r.report.account() << r.report.failedStep;
        for (const BootstrapObject &o : r.report.objects)
            everything << o.object << o.message;
        for (const QString &text : everything)
            QVERIFY2(!text.contains(QLatin1String("AGE-SECRET-KEY-1QQQQ")), qPrintable(text));
    }

    // The Secret's values: in no progress text, report, message or log, even when the server's
    // refusal quotes them.
    void secretNeverShown()
    {
        AdmissionRule rule;
        rule.webhook = QStringLiteral("secrets.example.com");
        rule.labelKey = QStringLiteral("deny");
        rule.code = 422;
        rule.message = QStringLiteral("key material %1 is not allowed").arg(SecretValue);
        m_server->addAdmissionRule(rule);
        BootstrapApply::Input in = fluxInput();
        in.secret = withLabel(*in.secret, QStringLiteral("deny"), QStringLiteral("yes"));
        captured.clear();
        const QtMessageHandler previous = qInstallMessageHandler(captureMessages);
        const Run r = run(in, fast());
        qInstallMessageHandler(previous);
        QVERIFY(!r.report.ok);
        QVERIFY2(r.report.error.contains(QLatin1String("[redacted]")), qPrintable(r.report.error));
        const QString base64 = QString::fromLatin1(SecretValue.toUtf8().toBase64());
        QStringList everything = r.progress + captured + m_server->requestLog();
        everything << r.report.error << r.report.account() << r.report.failedStep;
        for (const BootstrapObject &o : r.report.objects)
            everything << o.object << o.message;
        for (const QString &text : everything) {
            QVERIFY2(!text.contains(QLatin1String("s3cr3t")), qPrintable(text));
            QVERIFY2(!text.contains(base64), qPrintable(text));
        }
    }
};

QTEST_MAIN(TstBootstrapApply)
#include "tst_bootstrapapply.moc"
