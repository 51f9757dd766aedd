#include "gittestsupport.h"

#include "git/gitcommit.h"
#include "git/gitremote.h"
#include "git/gitrepository.h"
#include "git/gitstatus.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <pwd.h>
#include <unistd.h>

namespace Fluxdesk::Testing {

TestRemoteAndWork makeRemoteAndWork(const QString &repos, const QString &workParent,
                                    const QString &name, const QString &originUrl)
{
    TestRemoteAndWork made;
    made.remote = repos + QLatin1Char('/') + name + QStringLiteral(".git");
    runGit(repos, {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("--bare"),
                   QStringLiteral("-b"), QStringLiteral("main"), made.remote});
    made.work = workParent + QLatin1Char('/') + name + QStringLiteral("-work");
    GitResult<GitRepository> repo = GitRepository::init(made.work);
    setGitIdentity(*repo, {QStringLiteral("Test"), QStringLiteral("t@example.org")}, true);
    gitAddRemote(*repo, QStringLiteral("origin"), originUrl);
    writeFile(made.work + QStringLiteral("/a.yaml"), "a: 1\n");
    stageAll(*repo);
    commitIndex(*repo, QStringLiteral("first"));
    return made;
}

bool hasBranchMain(const QString &dir)
{
    bool ok = false;
    runGit(dir,
           {QStringLiteral("rev-parse"), QStringLiteral("-q"), QStringLiteral("--verify"),
            QStringLiteral("main")},
           &ok);
    return ok;
}

QString runGit(const QString &dir, const QStringList &arguments, bool *ok)
{
    QProcess git;
    git.setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GIT_AUTHOR_NAME"), QStringLiteral("Setup"));
    env.insert(QStringLiteral("GIT_AUTHOR_EMAIL"), QStringLiteral("setup@example.org"));
    env.insert(QStringLiteral("GIT_COMMITTER_NAME"), QStringLiteral("Setup"));
    env.insert(QStringLiteral("GIT_COMMITTER_EMAIL"), QStringLiteral("setup@example.org"));
    git.setProcessEnvironment(env);
    git.start(QStringLiteral("git"), arguments);
    const bool finished = git.waitForFinished(60000);
    if (ok)
        *ok = finished && git.exitStatus() == QProcess::NormalExit && git.exitCode() == 0;
    if (!finished || git.exitCode() != 0)
        qWarning("git %s: %s", qPrintable(arguments.join(QLatin1Char(' '))),
                 git.readAllStandardError().constData());
    return QString::fromUtf8(git.readAllStandardOutput()).trimmed();
}

bool runProgram(const QString &program, const QStringList &arguments, QString *output)
{
    QProcess process;
    process.start(program, arguments);
    const bool ok = process.waitForFinished(60000) &&
                    process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (output)
        *output = QString::fromUtf8(process.readAllStandardOutput());
    if (!ok)
        qWarning("%s failed: %s", qPrintable(program), process.readAllStandardError().constData());
    return ok;
}

void isolateHome(const QString &home)
{
    qputenv("HOME", QFile::encodeName(home));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(home + QStringLiteral("/.config")));
    qputenv("GIT_CONFIG_NOSYSTEM", "1");
    qputenv("GIT_TERMINAL_PROMPT", "0");
    qunsetenv("SSH_AUTH_SOCK");
    qunsetenv("GIT_ASKPASS");
    qunsetenv("SSH_ASKPASS");
}

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(content);
}

quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

bool waitForPort(quint16 port, QProcess &process, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (process.state() == QProcess::NotRunning)
            return false;
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (socket.waitForConnected(500))
            return true;
        QTest::qWait(20); // a refused connection returns at once: give the server a moment
    }
    return false;
}

ServerProcess::~ServerProcess()
{
    stop();
}

bool ServerProcess::start(const QString &program, const QStringList &arguments, quint16 port,
                          QString *error)
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(program, arguments);
    if (!m_process.waitForStarted(10000) || !waitForPort(port, m_process)) {
        *error = program + QStringLiteral(" did not start: ") + log();
        stop();
        return false;
    }
    return true;
}

void ServerProcess::stop()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString ServerProcess::log()
{
    return QString::fromUtf8(m_process.readAll());
}

namespace {
const char *const Lighttpd = "/usr/sbin/lighttpd";
const char *const HttpBackend = "/usr/lib/git-core/git-http-backend";
} // namespace

bool TestHttpGitServer::isAvailable()
{
    return QFile::exists(QLatin1String(Lighttpd)) && QFile::exists(QLatin1String(HttpBackend));
}

bool TestHttpGitServer::start(const QString &dir, const QString &repos, const QByteArray &users,
                              QString *error, const QString &tlsCertBase)
{
    QDir().mkpath(dir + QStringLiteral("/www"));
    writeFile(dir + QStringLiteral("/users"), users);
    m_port = freePort();
    m_tls = !tlsCertBase.isEmpty();
    const QString tls = m_tls ? QStringLiteral("server.modules += (\"mod_openssl\")\n"
                                               "ssl.engine = \"enable\"\n"
                                               "ssl.pemfile = \"%1.pem\"\n"
                                               "ssl.privkey = \"%1.key\"\n")
                                    .arg(tlsCertBase)
                              : QString();
    const QString config = dir + QStringLiteral("/lighttpd.conf");
    writeFile(config,
              (QStringLiteral("server.document-root = \"%1/www\"\n"
                              "server.port = %2\n"
                              "server.bind = \"127.0.0.1\"\n"
                              "server.errorlog = \"%1/error.log\"\n"
                              // Let hostile URLs (%0A in the path) reach the client's
                              // credential handling instead of a 400.
                              "server.http-parseopts = ( \"url-ctrls-reject\" => \"disable\" )\n"
                              "server.modules = (\"mod_alias\", \"mod_setenv\", \"mod_auth\", "
                              "\"mod_authn_file\", \"mod_cgi\")\n"
                              "alias.url = ( \"/git\" => \"%3\" )\n"
                              "$HTTP[\"url\"] =~ \"^/git\" {\n"
                              "    cgi.assign = ( \"\" => \"\" )\n"
                              "    setenv.add-environment = ( \"GIT_PROJECT_ROOT\" => \"%4\", "
                              "\"GIT_HTTP_EXPORT_ALL\" => \"1\" )\n"
                              "}\n"
                              "auth.backend = \"plain\"\n"
                              "auth.backend.plain.userfile = \"%1/users\"\n"
                              "auth.require = ( \"/git\" => ( \"method\" => \"basic\", "
                              "\"realm\" => \"git\", \"require\" => \"valid-user\" ) )\n")
                   .arg(dir)
                   .arg(m_port)
                   .arg(QLatin1String(HttpBackend), repos) +
               tls)
                  .toUtf8());
    return m_process.start(QLatin1String(Lighttpd),
                           {QStringLiteral("-D"), QStringLiteral("-f"), config}, m_port, error);
}

QString TestHttpGitServer::urlFor(const QString &name) const
{
    return QStringLiteral("%1://127.0.0.1:%2/git/%3")
        .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
        .arg(m_port)
        .arg(name);
}

bool generateSshKey(const QString &path, const QString &passphrase)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile::remove(path);
    QFile::remove(path + QStringLiteral(".pub"));
    return runProgram(QStringLiteral("ssh-keygen"),
                      {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                       QStringLiteral("-N"), passphrase, QStringLiteral("-C"),
                       QStringLiteral("test"), QStringLiteral("-f"), path});
}

QString publicKeyLine(const QString &pubPath)
{
    const QStringList parts =
        QString::fromUtf8(readFile(pubPath)).trimmed().split(QLatin1Char(' '));
    return parts.mid(0, 2).join(QLatin1Char(' '));
}

QByteArray publicKeyBlob(const QString &pubPath)
{
    const QStringList parts =
        QString::fromUtf8(readFile(pubPath)).trimmed().split(QLatin1Char(' '));
    return QByteArray::fromBase64(parts.value(1).toLatin1());
}

bool TestSshServer::start(const QString &dir, const QStringList &authorizedPublicKeys,
                          QString *error)
{
    const QString sshd = QStringLiteral("/usr/sbin/sshd");
    if (!QFile::exists(sshd)) {
        *error = QStringLiteral("sshd is not installed (openssh-server)");
        return false;
    }
    if (const passwd *entry = ::getpwuid(::geteuid()))
        m_user = QString::fromLocal8Bit(entry->pw_name);
    if (::geteuid() == 0)
        QDir().mkpath(QStringLiteral("/run/sshd")); // sshd's privilege separation directory
    QDir().mkpath(dir);
    m_hostKey = dir + QStringLiteral("/host_ed25519");
    if (!generateSshKey(m_hostKey)) {
        *error = QStringLiteral("ssh-keygen failed");
        return false;
    }
    QByteArray authorized;
    for (const QString &pub : authorizedPublicKeys)
        authorized += readFile(pub).trimmed() + '\n';
    writeFile(dir + QStringLiteral("/authorized_keys"), authorized);
    m_port = freePort();
    const QString config = dir + QStringLiteral("/sshd_config");
    writeFile(config, QStringLiteral("Port %1\n"
                                     "ListenAddress 127.0.0.1\n"
                                     "HostKey %2\n"
                                     "AuthorizedKeysFile %3/authorized_keys\n"
                                     "PidFile %3/sshd.pid\n"
                                     "StrictModes no\n"
                                     "UsePAM no\n"
                                     "PasswordAuthentication no\n"
                                     "KbdInteractiveAuthentication no\n"
                                     "PubkeyAuthentication yes\n"
                                     "PermitRootLogin prohibit-password\n"
                                     "LogLevel VERBOSE\n")
                          .arg(m_port)
                          .arg(m_hostKey, dir)
                          .toUtf8());
    return m_process.start(
        sshd, {QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"), config}, m_port,
        error);
}

QString TestSshServer::urlFor(const QString &repositoryPath) const
{
    return QStringLiteral("ssh://%1@127.0.0.1:%2%3").arg(m_user).arg(m_port).arg(repositoryPath);
}

QString TestSshServer::knownHostsLine() const
{
    return QStringLiteral("[127.0.0.1]:%1 %2")
        .arg(m_port)
        .arg(publicKeyLine(m_hostKey + QStringLiteral(".pub")));
}

std::optional<GitUserPass> TestPrompter::askUserPass(const QString &url, const QString &)
{
    ++userPassCalls;
    lastUserPassUrl = url;
    return userPass;
}

std::optional<QString> TestPrompter::askPassphrase(const QString &)
{
    ++passphraseCalls;
    return passphrase;
}

bool TestPrompter::confirmUnknownHost(const QString &, int, const QString &keyType,
                                      const QString &fingerprint)
{
    ++hostCalls;
    lastFingerprint = fingerprint;
    lastKeyType = keyType;
    return acceptHost;
}

bool TestPrompter::confirmHostWithOtherKeys(const QString &, int, const QString &keyType,
                                            const QString &fingerprint,
                                            const QStringList &knownTypes)
{
    ++otherKeysCalls;
    lastFingerprint = fingerprint;
    lastKeyType = keyType;
    lastKnownTypes = knownTypes;
    return acceptHost;
}

} // namespace Fluxdesk::Testing
