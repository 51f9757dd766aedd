#include "execcredential.h"

#include "connectionsettings.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QMutexLocker>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>

namespace Fluxdesk {

namespace {

const QLatin1String kApiV1("client.authentication.k8s.io/v1");
const QLatin1String kApiV1beta1("client.authentication.k8s.io/v1beta1");

struct Cache
{
    QMutex mutex;
    QHash<QString, ExecCredential> entries;
};

Cache &cache()
{
    static Cache instance;
    return instance;
}

QJsonObject clusterInfo(const KubeCluster &cluster)
{
    QJsonObject info{{QStringLiteral("server"), cluster.server}};
    if (!cluster.tlsServerName.isEmpty())
        info.insert(QStringLiteral("tls-server-name"), cluster.tlsServerName);
    if (cluster.insecureSkipTlsVerify)
        info.insert(QStringLiteral("insecure-skip-tls-verify"), true);
    if (!cluster.certificateAuthorityData.isEmpty())
        info.insert(QStringLiteral("certificate-authority-data"),
                    QString::fromLatin1(cluster.certificateAuthorityData.toBase64()));
    if (!cluster.proxyUrl.isEmpty())
        info.insert(QStringLiteral("proxy-url"), cluster.proxyUrl);
    return info;
}

// What the plugin reads from $KUBERNETES_EXEC_INFO. We never have a terminal to offer it.
QByteArray execInfo(const ExecConfig &exec, const KubeCluster &cluster)
{
    QJsonObject spec{{QStringLiteral("interactive"), false}};
    if (exec.provideClusterInfo)
        spec.insert(QStringLiteral("cluster"), clusterInfo(cluster));
    const QJsonObject info{{QStringLiteral("apiVersion"), exec.apiVersion},
                           {QStringLiteral("kind"), QStringLiteral("ExecCredential")},
                           {QStringLiteral("spec"), spec}};
    return QJsonDocument(info).toJson(QJsonDocument::Compact);
}

QString cacheKey(const ExecConfig &exec, const KubeCluster &cluster)
{
    QJsonArray env;
    for (const auto &pair : exec.env)
        env.append(QJsonArray{pair.first, pair.second});
    QJsonObject key{{QStringLiteral("command"), exec.command},
                    {QStringLiteral("args"), QJsonArray::fromStringList(exec.args)},
                    {QStringLiteral("env"), env},
                    {QStringLiteral("apiVersion"), exec.apiVersion}};
    if (exec.provideClusterInfo)
        key.insert(QStringLiteral("cluster"), clusterInfo(cluster));
    return QString::fromUtf8(QJsonDocument(key).toJson(QJsonDocument::Compact));
}

QString firstLines(const QByteArray &text, int count)
{
    QStringList lines = QString::fromLocal8Bit(text).trimmed().split(QLatin1Char('\n'));
    if (lines.size() > count)
        lines = lines.mid(0, count);
    return lines.join(QLatin1Char('\n'));
}

Result<ExecCredential> runPlugin(const KubeUser &user, const KubeCluster &cluster, int timeoutMs)
{
    const ExecConfig &exec = user.exec;
    auto fail = [&user](const QString &message) { return Error(message, user.sourceFile); };

    if (exec.apiVersion != kApiV1 && exec.apiVersion != kApiV1beta1)
        return fail(QCoreApplication::translate(
                        "ExecCredential",
                        "the exec plugin of user \"%1\" has an unsupported apiVersion \"%2\"")
                        .arg(user.name, exec.apiVersion));
    if (exec.interactiveMode == QLatin1String("Always"))
        return fail(QCoreApplication::translate("ExecCredential",
                                                "the exec plugin of user \"%1\" needs an "
                                                "interactive terminal, which Fluxdesk cannot offer")
                        .arg(user.name));

    QString program = exec.command;
    if (!program.contains(QLatin1Char('/')))
        program = QStandardPaths::findExecutable(program);
    if (program.isEmpty() || !QFileInfo(program).isExecutable()) {
        QString message = QCoreApplication::translate(
                              "ExecCredential", "exec plugin \"%1\" of user \"%2\" was not found")
                              .arg(exec.command, user.name);
        if (!exec.installHint.isEmpty())
            message += QLatin1Char('\n') + exec.installHint;
        return fail(message);
    }

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto &pair : exec.env)
        env.insert(pair.first, pair.second);
    env.insert(QStringLiteral("KUBERNETES_EXEC_INFO"), QString::fromUtf8(execInfo(exec, cluster)));

    QProcess process;
    process.setProcessEnvironment(env);
    process.setProgram(program);
    process.setArguments(exec.args);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start();
    if (!process.waitForStarted(10000))
        return fail(QCoreApplication::translate(
                        "ExecCredential", "cannot start exec plugin \"%1\" of user \"%2\": %3")
                        .arg(exec.command, user.name, process.errorString()));
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(2000);
        return fail(QCoreApplication::translate(
                        "ExecCredential",
                        "exec plugin \"%1\" of user \"%2\" did not finish within %3 seconds")
                        .arg(exec.command, user.name)
                        .arg(timeoutMs / 1000));
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString stderrText = firstLines(process.readAllStandardError(), 5);
        return fail(
            QCoreApplication::translate(
                "ExecCredential", "exec plugin \"%1\" of user \"%2\" failed with exit code %3: %4")
                .arg(exec.command, user.name)
                .arg(process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1)
                .arg(stderrText));
    }

    // The output holds the secret: errors describe it but never quote it.
    auto invalid = [&](const QString &why) {
        return fail(QCoreApplication::translate(
                        "ExecCredential", "exec plugin \"%1\" of user \"%2\" printed an invalid "
                                          "ExecCredential: %3")
                        .arg(exec.command, user.name, why));
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(process.readAllStandardOutput(), &parseError);
    if (!doc.isObject())
        return invalid(parseError.error != QJsonParseError::NoError
                           ? parseError.errorString()
                           : QCoreApplication::translate("ExecCredential", "not a JSON object"));
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("kind")).toString() != QLatin1String("ExecCredential"))
        return invalid(QCoreApplication::translate("ExecCredential", "kind is not ExecCredential"));
    const QString apiVersion = root.value(QLatin1String("apiVersion")).toString();
    if (apiVersion != exec.apiVersion)
        return invalid(
            QCoreApplication::translate("ExecCredential", "apiVersion \"%1\" does not match \"%2\"")
                .arg(apiVersion, exec.apiVersion));
    const QJsonObject status = root.value(QLatin1String("status")).toObject();
    ExecCredential credential;
    credential.token = status.value(QLatin1String("token")).toString();
    credential.clientCertificateData =
        status.value(QLatin1String("clientCertificateData")).toString().toUtf8();
    credential.clientKeyData = status.value(QLatin1String("clientKeyData")).toString().toUtf8();
    const bool hasCert = !credential.clientCertificateData.isEmpty();
    if (hasCert != !credential.clientKeyData.isEmpty())
        return invalid(QCoreApplication::translate(
            "ExecCredential", "clientCertificateData and clientKeyData must come together"));
    if (credential.token.isEmpty() && !hasCert)
        return invalid(QCoreApplication::translate(
            "ExecCredential", "status has neither a token nor a client certificate"));
    const QString expiry = status.value(QLatin1String("expirationTimestamp")).toString();
    if (!expiry.isEmpty()) {
        credential.expiry = QDateTime::fromString(expiry, Qt::ISODate);
        if (!credential.expiry.isValid())
            return invalid(QCoreApplication::translate("ExecCredential",
                                                       "expirationTimestamp \"%1\" is not RFC 3339")
                               .arg(expiry));
    }
    return credential;
}

} // namespace

Result<ExecCredential> execCredential(const KubeUser &user, const KubeCluster &cluster,
                                      int timeoutMs)
{
    const QString key = cacheKey(user.exec, cluster);
    Cache &c = cache();
    // Held while the plugin runs, so concurrent connects share one run instead of racing it.
    QMutexLocker locker(&c.mutex);
    const auto it = c.entries.constFind(key);
    if (it != c.entries.constEnd() &&
        (!it->expiry.isValid() || it->expiry > QDateTime::currentDateTimeUtc()))
        return *it;
    Result<ExecCredential> fresh = runPlugin(user, cluster, timeoutMs);
    if (fresh)
        c.entries.insert(key, fresh.value());
    else
        c.entries.remove(key);
    return fresh;
}

void clearExecCredentialCache()
{
    Cache &c = cache();
    QMutexLocker locker(&c.mutex);
    c.entries.clear();
}

} // namespace Fluxdesk
