// The bootstrap's SSH deploy-key path end to end, with real parts: OpenSSH's sshd serves a bare
// repository (the user's own key authorized for the push, its host key in the isolated HOME's
// known_hosts), the fake API server runs the cluster with its controllers and a simulated Flux
// whose source-controller clones over SSH with the flux-system Secret's identity and known_hosts
// (as Flux does), and a fake Git host's deploy-key endpoint authorizes the posted key in sshd.
// BootstrapSession reads the remote, writes, commits and pushes over ssh://, makes the key, adds
// it through the host's API (GitHub, Gitea) or shows it to add by hand, and applies Flux; the
// key then really reads the repository (git ls-remote through OpenSSH with the Secret's identity
// and known_hosts), and the private key is nowhere in the repository, its history or anything
// the session said. A host key the user's known_hosts does not hold stops it before any key.

#include "../git/gittestsupport.h"
#include "fakeapiserver.h"
#include "fakeflux.h"
#include "fakefluxcomponents.h"
#include "fakefluxgit.h"
#include "fakegithost.h"
#include "fakekubecontrollers.h"
#include "flux/bootstrapsession.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <memory>

#include <unistd.h>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

Q_DECLARE_METATYPE(Fluxdesk::DeployKeyType)
Q_DECLARE_METATYPE(Fluxdesk::GitHostKind)

namespace {

const QString HostToken = QStringLiteral("host-admin-token-5d2e");

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonObject meta(const QJsonObject &o)
{
    return o.value(QLatin1String("metadata")).toObject();
}

QJsonObject find(const QList<QJsonObject> &objects, const QString &kind, const QString &ns,
                 const QString &name)
{
    for (const QJsonObject &o : objects)
        if (str(o, "kind") == kind && str(meta(o), "namespace") == ns &&
            str(meta(o), "name") == name)
            return o;
    return {};
}

QJsonObject readyCondition(const QJsonObject &o)
{
    const QJsonArray conditions =
        o.value(QLatin1String("status")).toObject().value(QLatin1String("conditions")).toArray();
    for (const QJsonValue &c : conditions)
        if (str(c.toObject(), "type") == QLatin1String("Ready"))
            return c.toObject();
    return {};
}

QByteArray secretData(const QJsonObject &secret, const char *key)
{
    return QByteArray::fromBase64(
        str(secret.value(QLatin1String("data")).toObject(), key).toLatin1());
}

QJsonObject namespaceObject(const QString &name)
{
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("Namespace")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}}};
}

struct GitRun
{
    bool ok = false;
    QString out;
    QString err;
};

// The git CLI; over SSH with sshCommand (GIT_SSH_COMMAND) when given.
GitRun git(const QString &dir, const QStringList &arguments, const QString &sshCommand = {})
{
    QProcess process;
    if (!dir.isEmpty())
        process.setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GIT_TERMINAL_PROMPT"), QStringLiteral("0"));
    env.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
    if (!sshCommand.isEmpty())
        env.insert(QStringLiteral("GIT_SSH_COMMAND"), sshCommand);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral("git"), arguments);
    GitRun run;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(5000);
        run.err = QStringLiteral("git did not finish");
        return run;
    }
    run.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    run.out = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    run.err = QString::fromUtf8(process.readAllStandardError()).trimmed();
    return run;
}

// OpenSSH with this identity and known_hosts alone, as Flux's Git client uses the Secret.
QString sshCommand(const QString &identity, const QString &knownHosts)
{
    return QStringLiteral("ssh -F /dev/null -o IdentitiesOnly=yes -o BatchMode=yes "
                          "-o StrictHostKeyChecking=yes -o GlobalKnownHostsFile=/dev/null "
                          "-o UserKnownHostsFile=%1 -i %2")
        .arg(knownHosts, identity);
}

// The Secret's identity (0600) and known_hosts in a folder of their own, as Flux mounts them.
struct SecretFiles
{
    QString identity;
    QString knownHosts;
};
SecretFiles writeSecretFiles(const QString &dir, const QJsonObject &secret)
{
    QDir().mkpath(dir);
    SecretFiles files{dir + QStringLiteral("/identity"), dir + QStringLiteral("/known_hosts")};
    QFile identity(files.identity);
    if (identity.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        identity.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        identity.write(secretData(secret, "identity"));
    }
    writeFile(files.knownHosts, secretData(secret, "known_hosts"));
    return files;
}

// source-controller as far as this suite needs it: the GitRepository's url cloned at its branch
// with the flux-system Secret's identity and known_hosts, or git's and ssh's own words.
FakeFlux::Source sshSource(FakeApiServer *server, const QString &root)
{
    auto fetches = std::make_shared<std::atomic_int>(0);
    return [server, root, fetches](const QString &url, const QJsonObject &ref) {
        FakeFluxFetch answer;
        const QJsonObject secret =
            find(server->objects(), QStringLiteral("Secret"), QStringLiteral("flux-system"),
                 QStringLiteral("flux-system"));
        if (secret.isEmpty()) {
            answer.error = QStringLiteral("secrets \"flux-system\" not found");
            return answer;
        }
        const QString dir = root + QStringLiteral("/fetch-%1").arg(++*fetches);
        const SecretFiles files = writeSecretFiles(dir + QStringLiteral("/secret"), secret);
        const QString folder = dir + QStringLiteral("/checkout");
        QString branch = str(ref, "branch");
        if (branch.isEmpty())
            branch = QStringLiteral("master");
        const GitRun clone = git({},
                                 {QStringLiteral("clone"), QStringLiteral("--quiet"),
                                  QStringLiteral("--branch"), branch, url, folder},
                                 sshCommand(files.identity, files.knownHosts));
        if (!clone.ok) {
            answer.error = QStringLiteral("failed to checkout and determine revision: unable to "
                                          "clone '%1': %2")
                               .arg(url, clone.err);
            return answer;
        }
        const GitRun head = git(folder, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
        answer.commit = head.out;
        answer.folder = folder;
        if (!head.ok)
            answer.error = head.err;
        return answer;
    };
}

} // namespace

class TestBootstrapSessionSsh : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void addsTheKeyThroughTheHostApi_data();
    void addsTheKeyThroughTheHostApi();
    void showsTheKeyToAddByHand();
    void refusesAHostKeyKnownHostsDoesNotHold();

private:
    struct Case
    {
        QString base;
        QString checkout;
        QString bare;
        QString url; // ssh://USER@127.0.0.1:PORT/…/repos/fleet.git
        QString owner;
        std::unique_ptr<FakeApiServerThread> cluster;
        ConnectionSettings settings;
    };
    // A bare repository served by sshd and a checkout with a small plan pushed to it over
    // ssh://, a cluster with its controllers and a Flux that reads over SSH; authorized_keys
    // back to the user's key alone.
    bool prepare(Case &c);
    BootstrapOptions options(const Case &c) const;
    void authorize(const QString &publicKey);
    // What the Secret holds and whether it reads the repository through OpenSSH; the private
    // key nowhere it must not be.
    void checkKeyReadsTheRepository(const Case &c, const BootstrapResult &result,
                                    const QStringList &emitted);

    QTemporaryDir m_dir;
    QString m_sshDir;
    QString m_sshdDir;
    QString m_components;
    TestPki m_pki;
    TestSshServer m_sshd;
    int m_cases = 0;
};

void TestBootstrapSessionSsh::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString home = m_dir.filePath(QStringLiteral("home"));
    m_sshDir = home + QStringLiteral("/.ssh");
    QVERIFY(QDir().mkpath(m_sshDir));
    isolateHome(home);
    QVERIFY(generateSshKey(m_sshDir + QStringLiteral("/id_ed25519")));
    m_sshdDir = m_dir.filePath(QStringLiteral("sshd"));
    QString error;
    if (!m_sshd.start(m_sshdDir, {m_sshDir + QStringLiteral("/id_ed25519.pub")}, &error)) {
        if (!QFile::exists(QStringLiteral("/usr/sbin/sshd")) || ::geteuid() != 0)
            QSKIP(qPrintable(QStringLiteral("sshd cannot run here: ") + error));
        QFAIL(qPrintable(error));
    }
    m_components = m_dir.filePath(QStringLiteral("install.yaml"));
    writeFile(m_components, fluxComponentsManifest(QStringLiteral("v2.6.0")));
    m_pki = TestPki::generate(m_dir.filePath(QStringLiteral("pki")));
    QVERIFY2(m_pki.ok(), qPrintable(m_pki.error));
}

void TestBootstrapSessionSsh::authorize(const QString &publicKey)
{
    QFile file(m_sshdDir + QStringLiteral("/authorized_keys"));
    QVERIFY(file.open(QIODevice::Append));
    file.write(publicKey.trimmed().toUtf8() + '\n');
}

bool TestBootstrapSessionSsh::prepare(Case &c)
{
    writeFile(m_sshdDir + QStringLiteral("/authorized_keys"),
              readFile(m_sshDir + QStringLiteral("/id_ed25519.pub")));
    // The host as a push checks it: known to the user (confirmed once, or ssh-keyscan).
    writeFile(m_sshDir + QStringLiteral("/known_hosts"), m_sshd.knownHostsLine().toUtf8() + '\n');
    c.base = m_dir.filePath(QStringLiteral("case%1").arg(++m_cases));
    c.bare = c.base + QStringLiteral("/repos/fleet.git");
    c.checkout = c.base + QStringLiteral("/checkout");
    c.url = m_sshd.urlFor(c.bare);
    c.owner = QString(c.base + QStringLiteral("/repos")).mid(1);
    QDir().mkpath(c.bare);
    QDir().mkpath(c.checkout);
    const QString push = sshCommand(m_sshDir + QStringLiteral("/id_ed25519"),
                                    m_sshDir + QStringLiteral("/known_hosts"));
    // The plan, by hand: one object beside the flux-system folder the bootstrap writes.
    writeFile(c.checkout + QStringLiteral("/clusters/homelab/settings.yaml"),
              "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: homelab-settings\n"
              "  namespace: default\ndata:\n  owner: me\n");
    const QList<QStringList> steps{
        {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"),
         QStringLiteral("main")},
        {QStringLiteral("config"), QStringLiteral("user.name"), QStringLiteral("Homelab Owner")},
        {QStringLiteral("config"), QStringLiteral("user.email"),
         QStringLiteral("owner@example.org")},
        {QStringLiteral("remote"), QStringLiteral("add"), QStringLiteral("origin"), c.url},
        {QStringLiteral("add"), QStringLiteral("-A")},
        {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"),
         QStringLiteral("The cluster as it runs")},
        {QStringLiteral("push"), QStringLiteral("-q"), QStringLiteral("-u"),
         QStringLiteral("origin"), QStringLiteral("main")}};
    const GitRun bare =
        git(c.bare, {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("--bare"),
                     QStringLiteral("-b"), QStringLiteral("main")});
    if (!bare.ok) {
        qWarning("git init --bare: %s", qPrintable(bare.err));
        return false;
    }
    for (const QStringList &step : steps) {
        const GitRun run = git(c.checkout, step, push);
        if (!run.ok) {
            qWarning("git %s: %s\n%s", qPrintable(step.join(QLatin1Char(' '))), qPrintable(run.err),
                     qPrintable(m_sshd.log()));
            return false;
        }
    }

    FakeApiServer::Options serverOptions;
    serverOptions.certFile = m_pki.serverCert;
    serverOptions.keyFile = m_pki.serverKey;
    serverOptions.clientCaFile = m_pki.caCert;
    serverOptions.token = QStringLiteral("bootstrap-ssh-test");
    c.cluster = std::make_unique<FakeApiServerThread>(serverOptions);
    if (!c.cluster->start({namespaceObject(QStringLiteral("default")),
                           namespaceObject(QStringLiteral("kube-system"))}))
        return false;
    FakeApiServer *server = c.cluster->server();
    server->addController(std::make_shared<FakeKubeControllers>());
    server->addController(std::make_shared<FakeFlux>(
        sshSource(server, c.base + QStringLiteral("/flux")), &FakeFluxGit::render));
    c.settings.server = c.cluster->url();
    c.settings.caCertificates = QSslCertificate::fromPath(m_pki.caCert);
    c.settings.bearerToken = serverOptions.token;
    return true;
}

BootstrapOptions TestBootstrapSessionSsh::options(const Case &c) const
{
    BootstrapOptions o;
    o.repoDir = c.checkout;
    o.cluster = QStringLiteral("homelab");
    o.components = BootstrapOptions::Components::File;
    o.componentsFile = m_components;
    o.credentials = BootstrapOptions::Credentials::SshDeployKey;
    o.git.sshDir = m_sshDir;
    o.git.useSshAgent = false;
    o.git.useGitCredentialHelper = false;
    o.git.sshKeyNames = QStringList{QStringLiteral("id_ed25519")};
    o.git.rememberAcceptedHosts = false;
    o.apply.pollIntervalMs = 100;
    o.apply.crdTimeoutMs = 20000;
    o.apply.readyTimeoutMs = 20000;
    return o;
}

void TestBootstrapSessionSsh::checkKeyReadsTheRepository(const Case &c,
                                                         const BootstrapResult &result,
                                                         const QStringList &emitted)
{
    FakeApiServer *server = c.cluster->server();
    const QJsonObject secret = find(server->objects(), QStringLiteral("Secret"),
                                    QStringLiteral("flux-system"), QStringLiteral("flux-system"));
    QVERIFY2(!secret.isEmpty(), "the flux-system Secret is in the cluster");
    const QByteArray identity = secretData(secret, "identity");
    QVERIFY(identity.startsWith("-----BEGIN "));
    QCOMPARE(QString::fromUtf8(secretData(secret, "identity.pub")).trimmed(),
             result.publicKey.trimmed());
    // known_hosts: sshd's host key for [127.0.0.1]:PORT, as the user's known_hosts holds it.
    const QStringList knownHosts = QString::fromUtf8(secretData(secret, "known_hosts"))
                                       .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(knownHosts.contains(m_sshd.knownHostsLine()),
             qPrintable(knownHosts.join(QLatin1Char('\n'))));

    // As Flux would: git ls-remote through OpenSSH with that identity and known_hosts alone.
    const SecretFiles files = writeSecretFiles(c.base + QStringLiteral("/as-flux"), secret);
    const QString head = git(c.checkout, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}).out;
    QCOMPARE(head, result.commit);
    const GitRun listed =
        git({}, {QStringLiteral("ls-remote"), c.url}, sshCommand(files.identity, files.knownHosts));
    QVERIFY2(listed.ok, qPrintable(listed.err + QLatin1Char('\n') + m_sshd.log()));
    QVERIFY2(listed.out.split(QLatin1Char('\n'))
                 .contains(head + QLatin1Char('\t') + QStringLiteral("refs/heads/main")),
             qPrintable(listed.out));
    // The same with a known_hosts that does not hold this host's key: refused, so the line above
    // is what made it pass.
    const QString otherHostKey = c.base + QStringLiteral("/other/host");
    QVERIFY(generateSshKey(otherHostKey));
    const QString wrongKnownHosts = c.base + QStringLiteral("/other/known_hosts");
    writeFile(wrongKnownHosts, QStringLiteral("[127.0.0.1]:%1 %2\n")
                                   .arg(m_sshd.port())
                                   .arg(publicKeyLine(otherHostKey + QStringLiteral(".pub")))
                                   .toUtf8());
    const GitRun refused =
        git({}, {QStringLiteral("ls-remote"), c.url}, sshCommand(files.identity, wrongKnownHosts));
    QVERIFY2(!refused.ok, qPrintable(refused.out));
    QVERIFY2(refused.err.contains(QLatin1String("Host key verification failed")),
             qPrintable(refused.err));

    // The private key's lines (but the first, a header every key of its format shares) nowhere:
    // not in the checkout's files, not in any commit of the checkout or the bare repository,
    // not in anything the session said.
    QStringList lines;
    const QStringList pem =
        QString::fromLatin1(identity).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (qsizetype i = 2; i + 1 < pem.size(); ++i)
        if (pem.at(i).size() >= 40)
            lines.append(pem.at(i));
    QVERIFY(!lines.isEmpty());
    QDirIterator walk(c.checkout, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int checked = 0;
    while (walk.hasNext()) {
        const QString path = walk.next();
        if (path.contains(QLatin1String("/.git/")))
            continue;
        ++checked;
        const QByteArray text = readFile(path);
        QVERIFY2(!text.contains("PRIVATE KEY"), qPrintable(path));
        for (const QString &line : lines)
            QVERIFY2(!text.contains(line.toLatin1()), qPrintable(path));
    }
    QVERIFY(checked >= 4); // settings.yaml, the three flux-system files, the baseline if any
    QStringList grep{QStringLiteral("grep"), QStringLiteral("-F"), QStringLiteral("-l")};
    for (const QString &line : lines)
        grep << QStringLiteral("-e") << line;
    grep << QStringLiteral("-e") << QStringLiteral("PRIVATE KEY");
    for (const QString &repository : {c.checkout, c.bare}) {
        const QStringList commits =
            git(repository, {QStringLiteral("rev-list"), QStringLiteral("--all")})
                .out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(commits.size() >= 2); // the plan's, the bootstrap's
        const GitRun found = git(repository, grep + commits);
        QVERIFY2(!found.ok && found.err.isEmpty(), qPrintable(found.out + found.err));
    }
    for (const QString &text : emitted) {
        QVERIFY2(!text.contains(QLatin1String("PRIVATE KEY")), qPrintable(text));
        for (const QString &line : lines)
            QVERIFY2(!text.contains(line), qPrintable(text));
    }

    // Flux read the repository with it and applied the plan.
    QTRY_VERIFY_WITH_TIMEOUT(!find(server->objects(), QStringLiteral("ConfigMap"),
                                   QStringLiteral("default"), QStringLiteral("homelab-settings"))
                                  .isEmpty(),
                             20000);
}

namespace {

// Everything the session said, for the check that the private key is in none of it.
struct Said
{
    QStringList texts;
    QList<BootstrapSession::Step> steps;
    void listen(BootstrapSession &session)
    {
        QObject *context = &session;
        QObject::connect(&session, &BootstrapSession::stepStarted, context,
                         [this](BootstrapSession::Step step, const QString &title) {
                             steps.append(step);
                             texts.append(title);
                         });
        QObject::connect(&session, &BootstrapSession::progress, context,
                         [this](qint64, qint64, const QString &what) { texts.append(what); });
        QObject::connect(
            &session, &BootstrapSession::deployKeyReady, context,
            [this](const QString &publicKey, const QString &fingerprint, const QUrl &page) {
                texts << publicKey << fingerprint << page.toString();
            });
        QObject::connect(&session, &BootstrapSession::finished, context,
                         [this](const BootstrapResult &result) {
                             texts << result.error << result.failedStep << result.publicKey
                                   << result.fingerprint << result.apply.account();
                             texts += result.written;
                         });
    }
};

} // namespace

void TestBootstrapSessionSsh::addsTheKeyThroughTheHostApi_data()
{
    QTest::addColumn<DeployKeyType>("keyType");
    QTest::addColumn<GitHostKind>("host");
    QTest::addColumn<bool>("hashedKnownHosts"); // ssh-keygen -H, as HashKnownHosts yes writes it
    QTest::addRow("ecdsa-p384 github") << DeployKeyType::EcdsaP384 << GitHostKind::GitHub << false;
    QTest::addRow("ed25519 github") << DeployKeyType::Ed25519 << GitHostKind::GitHub << false;
    QTest::addRow("ed25519 gitea") << DeployKeyType::Ed25519 << GitHostKind::Gitea << false;
    QTest::addRow("ecdsa-p384 github, hashed known_hosts")
        << DeployKeyType::EcdsaP384 << GitHostKind::GitHub << true;
}

void TestBootstrapSessionSsh::addsTheKeyThroughTheHostApi()
{
    QFETCH(DeployKeyType, keyType);
    QFETCH(GitHostKind, host);
    QFETCH(bool, hashedKnownHosts);
    Case c;
    QVERIFY(prepare(c));
    if (hashedKnownHosts) {
        const QString knownHosts = m_sshDir + QStringLiteral("/known_hosts");
        QVERIFY(
            runProgram(QStringLiteral("ssh-keygen"), {QStringLiteral("-q"), QStringLiteral("-H"),
                                                      QStringLiteral("-f"), knownHosts}));
        QFile::remove(knownHosts + QStringLiteral(".old"));
        QVERIFY(readFile(knownHosts).startsWith("|1|"));
    }
    const bool github = host == GitHostKind::GitHub;

    // The host's deploy-key endpoint: the posted key authorized in sshd, answered as the host
    // answers (201 with the key it stored).
    FakeGitHost api;
    QVERIFY(api.listen());
    connect(&api, &FakeGitHost::requestReceived, &api, [this, &api, github]() {
        const QJsonObject posted = QJsonDocument::fromJson(api.requests.last().body).object();
        const QString key = str(posted, "key");
        authorize(key);
        QJsonObject stored{{QStringLiteral("id"), 4711},
                           {QStringLiteral("key"), key},
                           {QStringLiteral("title"), str(posted, "title")},
                           {QStringLiteral("read_only"), posted.value(QLatin1String("read_only"))},
                           {QStringLiteral("created_at"), QStringLiteral("2026-12-07T22:00:00Z")}};
        stored.insert(QStringLiteral("verified"), true);
        if (!github)
            stored.insert(QStringLiteral("fingerprint"), QStringLiteral("SHA256:x"));
        api.answer(201, QJsonDocument(stored).toJson(QJsonDocument::Compact));
    });

    BootstrapOptions o = options(c);
    o.keyType = keyType;
    o.hostApi = host;
    o.hostToken = HostToken;
    o.hostApiBase =
        QUrl(api.baseUrl() + (github ? QStringLiteral("/api/v3") : QStringLiteral("/api/v1")));
    BootstrapSession session(c.settings);
    Said said;
    said.listen(session);
    QSignalSpy keyReady(&session, &BootstrapSession::deployKeyReady);
    QSignalSpy finished(&session, &BootstrapSession::finished);
    session.start(o);
    QVERIFY(finished.wait(60000));
    const BootstrapResult result = finished.first().first().value<BootstrapResult>();
    QVERIFY2(result.ok, qPrintable(result.failedStep + QStringLiteral(": ") + result.error));
    QVERIFY(result.pushed);
    QVERIFY(result.deployKeyAdded);
    QCOMPARE(keyReady.count(), 0);
    QCOMPARE(said.steps,
             (QList<BootstrapSession::Step>{
                 BootstrapSession::Step::ReadRepository, BootstrapSession::Step::Components,
                 BootstrapSession::Step::WriteFiles, BootstrapSession::Step::CommitAndPush,
                 BootstrapSession::Step::Credentials, BootstrapSession::Step::Apply}));
    QVERIFY(result.publicKey.startsWith(keyType == DeployKeyType::Ed25519
                                            ? QLatin1String("ssh-ed25519 ")
                                            : QLatin1String("ecdsa-sha2-nistp384 ")));
    QCOMPARE(result.deployKeysPage.toString(),
             QStringLiteral("https://127.0.0.1/%1/fleet/settings/keys").arg(c.owner));

    // One request, with the key the result reports.
    QCOMPARE(api.requests.size(), 1);
    const FakeGitHost::Request &sent = api.requests.first();
    QCOMPARE(sent.method, QByteArray("POST"));
    QCOMPARE(QString::fromUtf8(sent.path),
             QStringLiteral("%1/repos/%2/fleet/keys")
                 .arg(github ? QStringLiteral("/api/v3") : QStringLiteral("/api/v1"), c.owner));
    QCOMPARE(sent.headers.value("authorization"),
             (github ? QByteArray("Bearer ") : QByteArray("token ")) + HostToken.toUtf8());
    const QJsonObject body = QJsonDocument::fromJson(sent.body).object();
    QCOMPARE(str(body, "key"), result.publicKey.trimmed());
    QCOMPARE(str(body, "title"), QStringLiteral("flux-homelab"));
    QCOMPARE(body.value(QLatin1String("read_only")), QJsonValue(true));
    for (const QString &text : said.texts)
        QVERIFY2(!text.contains(HostToken), qPrintable(text));

    checkKeyReadsTheRepository(c, result, said.texts);
}

// Without the host's API the key is shown with its fingerprint and the page to add it on; the
// bootstrap goes on, Flux's source fails to read until the key is added (as the user would,
// late), then Flux's next attempt reads and the bootstrap finishes.
void TestBootstrapSessionSsh::showsTheKeyToAddByHand()
{
    Case c;
    QVERIFY(prepare(c));
    BootstrapSession session(c.settings);
    Said said;
    said.listen(session);
    QSignalSpy keyReady(&session, &BootstrapSession::deployKeyReady);
    QSignalSpy finished(&session, &BootstrapSession::finished);
    session.start(options(c));

    FakeApiServer *server = c.cluster->server();
    const auto gitRepository = [server]() {
        return find(server->objects(), QStringLiteral("GitRepository"),
                    QStringLiteral("flux-system"), QStringLiteral("flux-system"));
    };
    QTRY_VERIFY_WITH_TIMEOUT(str(readyCondition(gitRepository()), "status") ==
                                     QLatin1String("False") ||
                                 !finished.isEmpty(),
                             30000);
    if (!finished.isEmpty())
        QFAIL(qPrintable(QStringLiteral("finished before the key was added: ") +
                         finished.first().first().value<BootstrapResult>().error));
    const QJsonObject failed = readyCondition(gitRepository());
    QCOMPARE(str(failed, "reason"), QStringLiteral("GitOperationFailed"));
    QVERIFY2(str(failed, "message").contains(QLatin1String("Permission denied")),
             qPrintable(str(failed, "message")));

    QCOMPARE(keyReady.count(), 1);
    const QString publicKey = keyReady.first().at(0).toString();
    const QString fingerprint = keyReady.first().at(1).toString();
    const QUrl page = keyReady.first().at(2).toUrl();
    QVERIFY(publicKey.startsWith(QLatin1String("ecdsa-sha2-nistp384 ")));
    QCOMPARE(page.toString(),
             QStringLiteral("https://127.0.0.1/%1/fleet/settings/keys").arg(c.owner));
    // The fingerprint as ssh-keygen gives it for the key shown.
    const QString pub = c.base + QStringLiteral("/shown.pub");
    writeFile(pub, publicKey.toUtf8() + '\n');
    QString listed;
    QVERIFY(runProgram(QStringLiteral("ssh-keygen"),
                       {QStringLiteral("-l"), QStringLiteral("-f"), pub}, &listed));
    QCOMPARE(listed.section(QLatin1Char(' '), 1, 1), fingerprint);

    // The user adds the key; Flux tries again at its interval (a reconcile request here).
    authorize(publicKey);
    QJsonObject repository = gitRepository();
    QJsonObject metadata = meta(repository);
    QJsonObject annotations = metadata.value(QLatin1String("annotations")).toObject();
    annotations.insert(QStringLiteral("reconcile.fluxcd.io/requestedAt"),
                       QStringLiteral("2026-12-07T22:30:00Z"));
    metadata.insert(QStringLiteral("annotations"), annotations);
    repository.insert(QStringLiteral("metadata"), metadata);
    server->applyChange(FakeChange{FakeChange::Type::Put, repository, 0});

    QVERIFY(finished.wait(40000));
    const BootstrapResult result = finished.first().first().value<BootstrapResult>();
    QVERIFY2(result.ok, qPrintable(result.failedStep + QStringLiteral(": ") + result.error));
    QVERIFY(!result.deployKeyAdded);
    QCOMPARE(result.publicKey, publicKey);
    QCOMPARE(result.fingerprint, fingerprint);
    QCOMPARE(result.deployKeysPage, page);
    QCOMPARE(str(readyCondition(gitRepository()), "status"), QStringLiteral("True"));

    checkKeyReadsTheRepository(c, result, said.texts);
}

// The user's known_hosts holds another key for the host (rotated, or someone in between): the
// bootstrap stops where the push would, before any key is made, added or applied.
void TestBootstrapSessionSsh::refusesAHostKeyKnownHostsDoesNotHold()
{
    Case c;
    QVERIFY(prepare(c));
    const QString otherHostKey = c.base + QStringLiteral("/other/host");
    QVERIFY(generateSshKey(otherHostKey));
    writeFile(m_sshDir + QStringLiteral("/known_hosts"),
              QStringLiteral("[127.0.0.1]:%1 %2\n")
                  .arg(m_sshd.port())
                  .arg(publicKeyLine(otherHostKey + QStringLiteral(".pub")))
                  .toUtf8());
    FakeGitHost api;
    QVERIFY(api.listen());
    BootstrapOptions o = options(c);
    o.hostApi = GitHostKind::GitHub;
    o.hostToken = HostToken;
    o.hostApiBase = QUrl(api.baseUrl() + QStringLiteral("/api/v3"));
    BootstrapSession session(c.settings);
    QSignalSpy keyReady(&session, &BootstrapSession::deployKeyReady);
    QSignalSpy finished(&session, &BootstrapSession::finished);
    session.start(o);
    QVERIFY(finished.wait(40000));
    const BootstrapResult result = finished.first().first().value<BootstrapResult>();
    QVERIFY(!result.ok);
    QCOMPARE(result.failedStep,
             BootstrapSession::stepTitle(BootstrapSession::Step::ReadRepository));
    QVERIFY2(result.error.contains(QLatin1String("host key")) &&
                 result.error.contains(QLatin1String("has changed")),
             qPrintable(result.error));
    QVERIFY(result.written.isEmpty());
    QVERIFY(!result.pushed);
    QVERIFY(result.publicKey.isEmpty());
    QCOMPARE(keyReady.count(), 0);
    QCOMPARE(api.requests.size(), 0);
    QVERIFY(find(c.cluster->server()->objects(), QStringLiteral("Secret"),
                 QStringLiteral("flux-system"), QStringLiteral("flux-system"))
                .isEmpty());
}

QTEST_GUILESS_MAIN(TestBootstrapSessionSsh)
#include "tst_bootstrapsession_ssh.moc"
