// Bootstrap's pre-flight: the version table's decisions, each check decided from what the server
// answered, and the whole run against the fake API server (SelfSubjectAccessReview denied, Flux
// and the Flux Operator found, a 403 and an unreachable server each their own verdict) and
// against real git repositories (uncommitted, unpushed, unreachable remote over file://).

#include "../git/gittestsupport.h"
#include "fakeapiserver.h"
#include "flux/fluxversions.h"
#include "flux/preflight.h"
#include "git/gitcommit.h"
#include "git/gitremote.h"
#include "git/gitrepository.h"
#include "git/gitstatus.h"
#include "git/gittransfer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

using Verdict = PreflightCheck::Verdict;
using Id = PreflightCheck::Id;

Q_DECLARE_METATYPE(Fluxdesk::PreflightCheck::Verdict)

namespace {

QJsonObject object(const QString &apiVersion, const QString &kind, const QString &ns,
                   const QString &name)
{
    QJsonObject meta{{QStringLiteral("name"), name}};
    if (!ns.isEmpty())
        meta.insert(QStringLiteral("namespace"), ns);
    return QJsonObject{{QStringLiteral("apiVersion"), apiVersion},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("metadata"), meta}};
}

QList<QJsonObject> smallCluster()
{
    return {object(QStringLiteral("v1"), QStringLiteral("Namespace"), {}, QStringLiteral("apps")),
            object(QStringLiteral("v1"), QStringLiteral("ConfigMap"), QStringLiteral("apps"),
                   QStringLiteral("settings"))};
}

quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

QByteArray versionBody(const QString &gitVersion, const QString &major = {},
                       const QString &minor = {})
{
    return QJsonDocument(QJsonObject{{QStringLiteral("gitVersion"), gitVersion},
                                     {QStringLiteral("major"), major},
                                     {QStringLiteral("minor"), minor}})
        .toJson();
}

QJsonObject withLabel(QJsonObject o, const QString &key, const QString &value)
{
    QJsonObject meta = o.value(QLatin1String("metadata")).toObject();
    meta.insert(QStringLiteral("labels"), QJsonObject{{key, value}});
    o.insert(QStringLiteral("metadata"), meta);
    return o;
}

QJsonObject crd(const QString &group, const QString &plural, const QString &kind,
                const QString &version = QStringLiteral("v2.5.1"))
{
    QJsonObject o =
        object(QStringLiteral("apiextensions.k8s.io/v1"),
               QStringLiteral("CustomResourceDefinition"), {}, plural + QLatin1Char('.') + group);
    o.insert(QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("group"), group},
                         {QStringLiteral("scope"), QStringLiteral("Namespaced")},
                         {QStringLiteral("names"), QJsonObject{{QStringLiteral("plural"), plural},
                                                               {QStringLiteral("kind"), kind}}},
                         {QStringLiteral("versions"),
                          QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("v1")},
                                                 {QStringLiteral("served"), true},
                                                 {QStringLiteral("storage"), true}}}}});
    return withLabel(o, QStringLiteral("app.kubernetes.io/version"), version);
}

QJsonObject controller(const QString &name, const QString &image)
{
    QJsonObject d = object(QStringLiteral("apps/v1"), QStringLiteral("Deployment"),
                           QStringLiteral("flux-system"), name);
    const QJsonObject labels{{QStringLiteral("app"), name}};
    d.insert(QStringLiteral("spec"),
             QJsonObject{
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

const PreflightCheck *find(const QList<PreflightCheck> &checks, Id id)
{
    for (const PreflightCheck &c : checks) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

QString dump(const QList<PreflightCheck> &checks)
{
    QStringList lines;
    for (const PreflightCheck &c : checks)
        lines.append(c.title + QStringLiteral(": ") + PreflightCheck::verdictText(c.verdict) +
                     QStringLiteral(": ") + c.found);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TstPreflight : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestPki m_pki;
    const QString m_token = QStringLiteral("preflight-token");
    std::unique_ptr<FakeApiServer> m_server;

    ConnectionSettings settings() const
    {
        ConnectionSettings s;
        s.server = m_server->url();
        s.caCertificates = QSslCertificate::fromData(readFile(m_pki.caCert), QSsl::Pem);
        s.bearerToken = m_token;
        return s;
    }

    QList<PreflightCheck> run(const ConnectionSettings &s, const Preflight::Options &options,
                              int *checkSignals = nullptr)
    {
        Preflight preflight(s);
        preflight.setTimeout(5000);
        QSignalSpy finished(&preflight, &Preflight::finished);
        QSignalSpy each(&preflight, &Preflight::checkDone);
        preflight.start(options);
        if (!finished.wait(30000))
            return {};
        if (checkSignals)
            *checkSignals = int(each.size());
        return finished.first().at(0).value<QList<PreflightCheck>>();
    }

    static Preflight::Options clusterOnly(const QString &flux = QStringLiteral("v2.6.2"))
    {
        Preflight::Options o;
        o.fluxVersion = flux;
        return o;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        isolateHome(m_dir.filePath(QStringLiteral("home")));
        m_pki = TestPki::generate(m_dir.filePath(QStringLiteral("pki")));
        QVERIFY2(m_pki.ok(), qPrintable(m_pki.error));
    }

    void init()
    {
        FakeApiServer::Options o;
        o.certFile = m_pki.serverCert;
        o.keyFile = m_pki.serverKey;
        o.token = m_token;
        m_server = std::make_unique<FakeApiServer>(o);
        m_server->setObjects(smallCluster());
        m_server->setGitVersion(QStringLiteral("v1.32.3+k3s1"));
        QVERIFY(m_server->listen());
    }

    void cleanup()
    {
        m_server.reset();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

    // The table itself: every Flux minor's range is sane and the newest comes first.
    void versionTable()
    {
        const QList<FluxVersionSupport> &rows = FluxVersions::table();
        QVERIFY(!rows.isEmpty());
        for (int i = 0; i < rows.size(); ++i) {
            QVERIFY(rows.at(i).minimumKubeMinor <= rows.at(i).newestTestedMinor);
            if (i > 0) {
                QCOMPARE(rows.at(i).fluxMinor, rows.at(i - 1).fluxMinor - 1);
                QVERIFY(rows.at(i).minimumKubeMinor <= rows.at(i - 1).minimumKubeMinor);
            }
        }
        QCOMPARE(FluxVersions::support(QStringLiteral("v2.5.1"))->minimumKubeMinor, 30);
        QCOMPARE(FluxVersions::support(QStringLiteral("2.3"))->minimumKubeMinor, 28);
        QCOMPARE(FluxVersions::support(QStringLiteral("v2.7.0-rc.1"))->minimumKubeMinor, 32);
        QVERIFY(!FluxVersions::support(QStringLiteral("v1.25.0")));
        QVERIFY(!FluxVersions::support(QStringLiteral("v2.99.0")));
        QVERIFY(!FluxVersions::support(QStringLiteral("latest")));
    }

    void kubernetesVersion_data()
    {
        QTest::addColumn<QString>("flux");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<Verdict>("verdict");
        QTest::addColumn<QString>("found");
        QTest::addRow("too old") << "v2.6.2" << versionBody(QStringLiteral("v1.30.9+k3s1"))
                                 << Verdict::Fail << "older than 1.31";
        QTest::addRow("oldest supported") << "v2.6.2" << versionBody(QStringLiteral("v1.31.0"))
                                          << Verdict::Pass << "range 1.31 to 1.33";
        QTest::addRow("in range, K3s") << "v2.6.2" << versionBody(QStringLiteral("v1.32.3+k3s1"))
                                       << Verdict::Pass << "v1.32.3+k3s1";
        QTest::addRow("newest tested")
            << "v2.6.2" << versionBody(QStringLiteral("v1.33.1")) << Verdict::Pass << "1.33";
        QTest::addRow("newer than tested") << "v2.6.2" << versionBody(QStringLiteral("v1.34.0"))
                                           << Verdict::Warning << "newer than 1.33";
        QTest::addRow("Kubernetes 2") << "v2.9.0" << versionBody(QStringLiteral("v2.0.0"))
                                      << Verdict::Warning << "newer than 1.36";
        QTest::addRow("major and minor only")
            << "v2.5.0"
            << versionBody(QStringLiteral("odd"), QStringLiteral("1"), QStringLiteral("31+"))
            << Verdict::Pass << "1.31";
        QTest::addRow("Flux unknown to the table")
            << "v2.99.0" << versionBody(QStringLiteral("v1.32.0")) << Verdict::Warning
            << "not in Fluxdesk's table";
        QTest::addRow("no version at all")
            << "v2.6.2" << QByteArray("{}") << Verdict::CouldNotCheck << "names no version";
    }

    void kubernetesVersion()
    {
        QFETCH(QString, flux);
        QFETCH(QByteArray, body);
        QFETCH(Verdict, verdict);
        QFETCH(QString, found);
        const PreflightCheck c = PreflightChecks::kubernetesVersion(body, flux);
        QCOMPARE(c.id, Id::KubernetesVersion);
        QCOMPARE(c.verdict, verdict);
        QVERIFY2(c.found.contains(found), qPrintable(c.found));
        QCOMPARE(c.action.isEmpty(), verdict == Verdict::Pass);
    }

    void permissionsDecided()
    {
        const QList<AccessAnswer> allowed = {
            {QStringLiteral("customresourcedefinitions"), true, {}},
            {QStringLiteral("namespaces"), true, {}}};
        QCOMPARE(PreflightChecks::permissions(allowed).verdict, Verdict::Pass);
        const QList<AccessAnswer> denied = {
            {QStringLiteral("customresourcedefinitions"), true, {}},
            {QStringLiteral("clusterroles"), false, QStringLiteral("RBAC: no rule")}};
        const PreflightCheck c = PreflightChecks::permissions(denied);
        QCOMPARE(c.verdict, Verdict::Fail);
        QVERIFY2(c.found.contains(QLatin1String("clusterroles")), qPrintable(c.found));
        QVERIFY2(!c.found.contains(QLatin1String("customresourcedefinitions")),
                 qPrintable(c.found));
        QVERIFY2(c.found.contains(QLatin1String("RBAC: no rule")), qPrintable(c.found));
        QVERIFY(!c.action.isEmpty());
    }

    // Against the fake: a cluster without Flux, everything allowed.
    void cleanCluster()
    {
        int checkSignals = 0;
        const QList<PreflightCheck> checks = run(settings(), clusterOnly(), &checkSignals);
        QCOMPARE(checks.size(), 4);
        QCOMPARE(checkSignals, 4);
        for (const PreflightCheck &c : checks)
            QVERIFY2(c.verdict == Verdict::Pass, qPrintable(dump(checks)));
        QCOMPARE(checks.at(0).id, Id::KubernetesVersion);
        QCOMPARE(checks.at(1).id, Id::Permissions);
        QCOMPARE(checks.at(2).id, Id::FluxInstalled);
        QCOMPARE(checks.at(3).id, Id::FluxOperator);
        const QStringList log = m_server->requestLog();
        QCOMPARE(log.filter(QStringLiteral("selfsubjectaccessreviews")).size(), 4);
    }

    void tooOldCluster()
    {
        m_server->setGitVersion(QStringLiteral("v1.29.4+k3s1"));
        const QList<PreflightCheck> checks = run(settings(), clusterOnly());
        const PreflightCheck *v = find(checks, Id::KubernetesVersion);
        QVERIFY(v);
        QCOMPARE(v->verdict, Verdict::Fail);
        QVERIFY2(v->found.contains(QLatin1String("v1.29.4+k3s1")), qPrintable(v->found));
    }

    void accessDenied()
    {
        m_server->denyAccess(QStringLiteral("create"), QStringLiteral("rbac.authorization.k8s.io"),
                             QStringLiteral("clusterroles"),
                             QStringLiteral("no RBAC policy matched"));
        const QList<PreflightCheck> checks = run(settings(), clusterOnly());
        const PreflightCheck *p = find(checks, Id::Permissions);
        QVERIFY(p);
        QCOMPARE(p->verdict, Verdict::Fail);
        QVERIFY2(p->found.contains(QLatin1String("clusterroles")), qPrintable(p->found));
        QVERIFY2(p->found.contains(QLatin1String("no RBAC policy matched")), qPrintable(p->found));
        QVERIFY2(!p->found.contains(QLatin1String("namespaces")), qPrintable(p->found));
    }

    // A 403 on the review itself: the server's words, its own verdict; the other lines decided.
    void forbiddenReview()
    {
        FakeApiServer::FaultRule rule;
        rule.pathPrefix = QStringLiteral("/apis/authorization.k8s.io");
        rule.fault = FakeApiServer::Fault::Status;
        rule.status = 403;
        rule.message = QStringLiteral("selfsubjectaccessreviews.authorization.k8s.io is "
                                      "forbidden: User \"viewer\" cannot create resource");
        m_server->addFault(rule);
        const QList<PreflightCheck> checks = run(settings(), clusterOnly());
        QCOMPARE(checks.size(), 4);
        const PreflightCheck *p = find(checks, Id::Permissions);
        QCOMPARE(p->verdict, Verdict::CouldNotCheck);
        QVERIFY2(p->found.contains(QLatin1String("User \"viewer\" cannot create")),
                 qPrintable(p->found));
        QCOMPARE(find(checks, Id::KubernetesVersion)->verdict, Verdict::Pass);
    }

    void fluxAlreadyInstalled()
    {
        m_server->setObjects(
            smallCluster() +
            QList<QJsonObject>{
                object(QStringLiteral("v1"), QStringLiteral("Namespace"), {},
                       QStringLiteral("flux-system")),
                crd(QStringLiteral("source.toolkit.fluxcd.io"), QStringLiteral("gitrepositories"),
                    QStringLiteral("GitRepository")),
                crd(QStringLiteral("kustomize.toolkit.fluxcd.io"), QStringLiteral("kustomizations"),
                    QStringLiteral("Kustomization")),
                controller(QStringLiteral("source-controller"),
                           QStringLiteral("ghcr.io/fluxcd/source-controller:v1.5.0"))});
        const QList<PreflightCheck> checks = run(settings(), clusterOnly());
        const PreflightCheck *f = find(checks, Id::FluxInstalled);
        QVERIFY(f);
        QCOMPARE(f->verdict, Verdict::Warning);
        QVERIFY2(f->found.contains(QLatin1String("v2.5.1")), qPrintable(f->found));
        QVERIFY2(f->found.contains(QLatin1String("ghcr.io/fluxcd/source-controller:v1.5.0")),
                 qPrintable(f->found));
        QVERIFY2(f->found.contains(QLatin1String("Flux CRDs: 2")), qPrintable(f->found));
        QCOMPARE(find(checks, Id::FluxOperator)->verdict, Verdict::Pass);
    }

    void operatorInstalled()
    {
        m_server->setObjects(
            smallCluster() +
            QList<QJsonObject>{crd(QStringLiteral("fluxcd.controlplane.io"),
                                   QStringLiteral("fluxinstances"), QStringLiteral("FluxInstance"),
                                   QStringLiteral("v0.40.0"))});
        const QList<PreflightCheck> checks = run(settings(), clusterOnly());
        const PreflightCheck *o = find(checks, Id::FluxOperator);
        QVERIFY(o);
        QCOMPARE(o->verdict, Verdict::Warning);
        QVERIFY2(o->found.contains(QLatin1String("v0.40.0")), qPrintable(o->found));
        QVERIFY(o->action.contains(QLatin1String("FluxInstance")));
        QCOMPARE(find(checks, Id::FluxInstalled)->verdict, Verdict::Pass);
    }

    // Nobody listens: every cluster line says so, and the run ends (no hang).
    void unreachableServer()
    {
        ConnectionSettings s = settings();
        QUrl url = s.server;
        url.setPort(closedPort());
        s.server = url;
        const QList<PreflightCheck> checks = run(s, clusterOnly());
        QCOMPARE(checks.size(), 4);
        for (const PreflightCheck &c : checks) {
            QCOMPARE(c.verdict, Verdict::CouldNotCheck);
            QVERIFY(!c.found.isEmpty());
        }
    }

    void repository_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<Verdict>("committed");
        QTest::addColumn<Verdict>("pushed");
        QTest::addColumn<Verdict>("reachable");
        QTest::addColumn<QString>("words");
        QTest::addRow("pushed") << "pushed" << Verdict::Pass << Verdict::Pass << Verdict::Pass
                                << "is on";
        QTest::addRow("uncommitted")
            << "uncommitted" << Verdict::Fail << Verdict::Pass << Verdict::Pass << "b.yaml";
        QTest::addRow("unpushed commit")
            << "unpushed" << Verdict::Pass << Verdict::Fail << Verdict::Pass << "is not on";
        QTest::addRow("branch never pushed")
            << "never" << Verdict::Pass << Verdict::Fail << Verdict::Pass << "not on";
        QTest::addRow("unreachable remote")
            << "unreachable" << Verdict::Pass << Verdict::CouldNotCheck << Verdict::Fail
            << "does-not-exist";
    }

    // Real repositories: a bare remote over file://, read off the UI thread by the Preflight.
    void repository()
    {
        QFETCH(QString, state);
        QFETCH(Verdict, committed);
        QFETCH(Verdict, pushed);
        QFETCH(Verdict, reachable);
        QFETCH(QString, words);
        QTemporaryDir dir;
        const QString remoteUrl =
            state == QLatin1String("unreachable")
                ? QStringLiteral("file://") + dir.path() + QStringLiteral("/does-not-exist.git")
                : QStringLiteral("file://") + dir.path() + QStringLiteral("/r.git");
        const TestRemoteAndWork made =
            makeRemoteAndWork(dir.path(), dir.path(), QStringLiteral("r"), remoteUrl);
        bool ok = false;
        if (state != QLatin1String("never") && state != QLatin1String("unreachable")) {
            runGit(made.work,
                   {QStringLiteral("push"), QStringLiteral("-q"), QStringLiteral("-u"),
                    QStringLiteral("origin"), QStringLiteral("main")},
                   &ok);
            QVERIFY(ok);
        }
        if (state == QLatin1String("uncommitted"))
            writeFile(made.work + QStringLiteral("/b.yaml"), "b: 1\n");
        if (state == QLatin1String("unpushed")) {
            writeFile(made.work + QStringLiteral("/c.yaml"), "c: 1\n");
            runGit(made.work, {QStringLiteral("add"), QStringLiteral("c.yaml")}, &ok);
            runGit(made.work,
                   {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"),
                    QStringLiteral("local only")},
                   &ok);
            QVERIFY(ok);
        }
        Preflight::Options options = clusterOnly();
        options.repositoryPath = made.work;
        const QList<PreflightCheck> checks = run(settings(), options);
        QCOMPARE(checks.size(), 7);
        QCOMPARE(find(checks, Id::Committed)->verdict, committed);
        QCOMPARE(find(checks, Id::Pushed)->verdict, pushed);
        QCOMPARE(find(checks, Id::RemoteReachable)->verdict, reachable);
        const QString all = dump(checks);
        QVERIFY2(all.contains(words), qPrintable(all));
    }
};

QTEST_MAIN(TstPreflight)
#include "tst_preflight.moc"
