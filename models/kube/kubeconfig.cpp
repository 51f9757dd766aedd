#include "kubeconfig.h"

#include "manifest/yamljson.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSet>

namespace Fluxdesk {

namespace {

// YAML scalars arrive typed (a numeric token, a bool); kubeconfig fields are strings.
QString scalarString(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return v.toVariant().toString();
    default:
        return {};
    }
}

bool scalarBool(const QJsonValue &v)
{
    if (v.isBool())
        return v.toBool();
    return v.isString() && v.toString().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
}

// client-go's MakeAbs: relative paths are relative to the folder of the file naming them.
QString absolutePath(const QString &path, const QString &baseDir)
{
    if (path.isEmpty() || QDir::isAbsolutePath(path))
        return path;
    return QDir::cleanPath(QDir(baseDir).absoluteFilePath(path));
}

class Parser
{
public:
    explicit Parser(const QString &fileName)
        : m_file(fileName), m_dir(QFileInfo(fileName).absolutePath())
    {}

    Error error(const QString &message) const { return Error(message, m_file); }

    // A named list ("clusters", "users", "contexts"): each entry {name, <key>: {...}}.
    Result<QList<QPair<QString, QJsonObject>>> namedList(const QJsonObject &root, const char *list,
                                                         const char *key) const
    {
        QList<QPair<QString, QJsonObject>> out;
        const QJsonValue value = root.value(QLatin1String(list));
        if (value.isNull() || value.isUndefined())
            return out;
        if (!value.isArray())
            return error(QCoreApplication::translate("Kubeconfig", "\"%1\" must be a list")
                             .arg(QLatin1String(list)));
        QSet<QString> seen;
        for (const QJsonValue &entry : value.toArray()) {
            if (!entry.isObject())
                return error(
                    QCoreApplication::translate("Kubeconfig", "an entry of \"%1\" is not a mapping")
                        .arg(QLatin1String(list)));
            const QJsonObject object = entry.toObject();
            const QString name = scalarString(object.value(QLatin1String("name")));
            if (name.isEmpty())
                return error(
                    QCoreApplication::translate("Kubeconfig", "an entry of \"%1\" has no name")
                        .arg(QLatin1String(list)));
            // Like client-go: a name repeated within one file is an error, not a silent override.
            if (seen.contains(name))
                return error(
                    QCoreApplication::translate("Kubeconfig", "duplicate name \"%1\" in \"%2\"")
                        .arg(name, QLatin1String(list)));
            seen.insert(name);
            const QJsonValue body = object.value(QLatin1String(key));
            if (!body.isNull() && !body.isUndefined() && !body.isObject())
                return error(
                    QCoreApplication::translate("Kubeconfig", "\"%1\" of \"%2\" is not a mapping")
                        .arg(QLatin1String(key), name));
            out.append({name, body.toObject()});
        }
        return out;
    }

    Result<QByteArray> base64(const QJsonObject &object, const char *key,
                              const QString &owner) const
    {
        const QString text = scalarString(object.value(QLatin1String(key)));
        if (text.isEmpty())
            return QByteArray();
        QByteArray::FromBase64Result decoded = QByteArray::fromBase64Encoding(
            text.toLatin1(), QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return error(
                QCoreApplication::translate("Kubeconfig", "\"%1\" of \"%2\" is not valid base64")
                    .arg(QLatin1String(key), owner));
        return decoded.decoded;
    }

    QString path(const QJsonObject &object, const char *key) const
    {
        return absolutePath(scalarString(object.value(QLatin1String(key))), m_dir);
    }

    Result<KubeCluster> cluster(const QString &name, const QJsonObject &o) const
    {
        KubeCluster c;
        c.name = name;
        c.sourceFile = m_file;
        c.server = scalarString(o.value(QLatin1String("server")));
        c.certificateAuthorityFile = path(o, "certificate-authority");
        Result<QByteArray> ca = base64(o, "certificate-authority-data", name);
        if (!ca)
            return ca.error();
        c.certificateAuthorityData = ca.value();
        c.insecureSkipTlsVerify = scalarBool(o.value(QLatin1String("insecure-skip-tls-verify")));
        c.tlsServerName = scalarString(o.value(QLatin1String("tls-server-name")));
        c.proxyUrl = scalarString(o.value(QLatin1String("proxy-url")));
        return c;
    }

    Result<KubeUser> user(const QString &name, const QJsonObject &o) const
    {
        KubeUser u;
        u.name = name;
        u.sourceFile = m_file;
        u.clientCertificateFile = path(o, "client-certificate");
        u.clientKeyFile = path(o, "client-key");
        Result<QByteArray> cert = base64(o, "client-certificate-data", name);
        if (!cert)
            return cert.error();
        u.clientCertificateData = cert.value();
        Result<QByteArray> key = base64(o, "client-key-data", name);
        if (!key)
            return key.error();
        u.clientKeyData = key.value();
        u.token = scalarString(o.value(QLatin1String("token")));
        u.tokenFile = path(o, "tokenFile");
        u.username = scalarString(o.value(QLatin1String("username")));
        u.password = scalarString(o.value(QLatin1String("password")));
        const QJsonValue exec = o.value(QLatin1String("exec"));
        if (exec.isObject()) {
            const QJsonObject e = exec.toObject();
            u.hasExec = true;
            u.exec.command = scalarString(e.value(QLatin1String("command")));
            // client-go resolves only commands that name a path; bare names go through $PATH.
            if (u.exec.command.contains(QLatin1Char('/')))
                u.exec.command = absolutePath(u.exec.command, m_dir);
            for (const QJsonValue &arg : e.value(QLatin1String("args")).toArray())
                u.exec.args.append(scalarString(arg));
            for (const QJsonValue &env : e.value(QLatin1String("env")).toArray()) {
                const QJsonObject pair = env.toObject();
                const QString envName = scalarString(pair.value(QLatin1String("name")));
                if (!envName.isEmpty())
                    u.exec.env.append({envName, scalarString(pair.value(QLatin1String("value")))});
            }
            u.exec.apiVersion = scalarString(e.value(QLatin1String("apiVersion")));
            u.exec.installHint = scalarString(e.value(QLatin1String("installHint")));
            u.exec.provideClusterInfo = scalarBool(e.value(QLatin1String("provideClusterInfo")));
            u.exec.interactiveMode = scalarString(e.value(QLatin1String("interactiveMode")));
            if (u.exec.command.isEmpty())
                return error(QCoreApplication::translate(
                                 "Kubeconfig", "the exec plugin of user \"%1\" has no command")
                                 .arg(name));
        } else if (!exec.isNull() && !exec.isUndefined()) {
            return error(QCoreApplication::translate("Kubeconfig",
                                                     "\"exec\" of user \"%1\" is not a mapping")
                             .arg(name));
        }
        return u;
    }

    KubeContext context(const QString &name, const QJsonObject &o) const
    {
        KubeContext c;
        c.name = name;
        c.sourceFile = m_file;
        c.cluster = scalarString(o.value(QLatin1String("cluster")));
        c.user = scalarString(o.value(QLatin1String("user")));
        c.ns = scalarString(o.value(QLatin1String("namespace")));
        return c;
    }

private:
    QString m_file;
    QString m_dir;
};

template <typename T> bool containsName(const QList<T> &list, const QString &name)
{
    for (const T &item : list) {
        if (item.name == name)
            return true;
    }
    return false;
}

template <typename T> const T *findByName(const QList<T> &list, const QString &name)
{
    for (const T &item : list) {
        if (item.name == name)
            return &item;
    }
    return nullptr;
}

} // namespace

// One file on its own; load() merges several of these with kubectl's first-wins rule.
Result<Kubeconfig> Kubeconfig::loadFromData(const QByteArray &yaml, const QString &fileName)
{
    Kubeconfig config;
    Result<QJsonValue> parsed = parseYamlValue(yaml, fileName);
    if (!parsed)
        return parsed.error();
    const Parser parser(fileName);
    if (parsed->isNull())
        return config;
    if (!parsed->isObject())
        return parser.error(
            QCoreApplication::translate("Kubeconfig", "a kubeconfig must be a mapping"));
    const QJsonObject root = parsed->toObject();

    config.m_files = QStringList{fileName};
    config.m_currentContext = scalarString(root.value(QLatin1String("current-context")));

    auto clusters = parser.namedList(root, "clusters", "cluster");
    if (!clusters)
        return clusters.error();
    for (const auto &entry : clusters.value()) {
        Result<KubeCluster> c = parser.cluster(entry.first, entry.second);
        if (!c)
            return c.error();
        config.m_clusters.append(c.value());
    }
    auto users = parser.namedList(root, "users", "user");
    if (!users)
        return users.error();
    for (const auto &entry : users.value()) {
        Result<KubeUser> u = parser.user(entry.first, entry.second);
        if (!u)
            return u.error();
        config.m_users.append(u.value());
    }
    auto contexts = parser.namedList(root, "contexts", "context");
    if (!contexts)
        return contexts.error();
    for (const auto &entry : contexts.value())
        config.m_contexts.append(parser.context(entry.first, entry.second));
    return config;
}

Result<Kubeconfig> Kubeconfig::load(const QStringList &files)
{
    Kubeconfig merged;
    QStringList missing;
    for (const QString &file : files) {
        if (file.isEmpty() || merged.m_files.contains(file))
            continue;
        QFile f(file);
        if (!f.exists()) {
            missing.append(file);
            continue;
        }
        if (!f.open(QIODevice::ReadOnly))
            return Error(QCoreApplication::translate("Kubeconfig", "cannot read the kubeconfig: %1")
                             .arg(f.errorString()),
                         file);
        Result<Kubeconfig> one = loadFromData(f.readAll(), file);
        if (!one)
            return one.error();
        merged.m_files.append(file);
        if (merged.m_currentContext.isEmpty())
            merged.m_currentContext = one->m_currentContext;
        for (const KubeCluster &c : std::as_const(one->m_clusters)) {
            if (!containsName(merged.m_clusters, c.name))
                merged.m_clusters.append(c);
        }
        for (const KubeUser &u : std::as_const(one->m_users)) {
            if (!containsName(merged.m_users, u.name))
                merged.m_users.append(u);
        }
        for (const KubeContext &c : std::as_const(one->m_contexts)) {
            if (!containsName(merged.m_contexts, c.name))
                merged.m_contexts.append(c);
        }
    }
    // kubectl quietly yields an empty config here; a desktop app is better served by saying where
    // it looked.
    if (merged.m_files.isEmpty() && !missing.isEmpty()) {
        return Error(missing.size() == 1
                         ? QCoreApplication::translate("Kubeconfig", "kubeconfig file not found")
                         : QCoreApplication::translate("Kubeconfig",
                                                       "none of the kubeconfig files exist: %1")
                               .arg(missing.join(QLatin1String(", "))),
                     missing.size() == 1 ? missing.first() : QString());
    }
    return merged;
}

QStringList Kubeconfig::defaultFiles(const QString &explicitPath)
{
    if (!explicitPath.isEmpty())
        return {explicitPath};
    const QString env = QString::fromLocal8Bit(qgetenv("KUBECONFIG"));
    QStringList files;
    for (const QString &file : env.split(QLatin1Char(':'), Qt::SkipEmptyParts)) {
        if (!files.contains(file))
            files.append(file);
    }
    if (!files.isEmpty())
        return files;
    const QString home = QDir::homePath() + QLatin1String("/.kube/config");
    const QString k3s = QStringLiteral("/etc/rancher/k3s/k3s.yaml");
    if (!QFileInfo::exists(home) && QFileInfo::exists(k3s))
        return {k3s};
    return {home};
}

QStringList Kubeconfig::contextNames() const
{
    QStringList names;
    names.reserve(m_contexts.size());
    for (const KubeContext &c : m_contexts)
        names.append(c.name);
    return names;
}

const KubeContext *Kubeconfig::context(const QString &name) const
{
    return findByName(m_contexts, name);
}

const KubeCluster *Kubeconfig::cluster(const QString &name) const
{
    return findByName(m_clusters, name);
}

const KubeUser *Kubeconfig::user(const QString &name) const
{
    return findByName(m_users, name);
}

} // namespace Fluxdesk
