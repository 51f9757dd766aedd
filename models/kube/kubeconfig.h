#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

// An exec credential plugin as the kubeconfig's users[].user.exec names it.
struct ExecConfig
{
    QString command; // resolved against the kubeconfig's folder when relative with a '/'
    QStringList args;
    QList<QPair<QString, QString>> env;
    QString apiVersion; // client.authentication.k8s.io/v1 (v1beta1 accepted)
    QString installHint;
    bool provideClusterInfo = false;
    QString interactiveMode; // Never | IfAvailable | Always
};

struct KubeCluster
{
    QString name;
    QString server;
    QString certificateAuthorityFile;    // absolute
    QByteArray certificateAuthorityData; // PEM, decoded from base64
    bool insecureSkipTlsVerify = false;
    QString tlsServerName;
    QString proxyUrl;
    QString sourceFile; // the kubeconfig file that defined it
};

struct KubeUser
{
    QString name;
    QString clientCertificateFile;    // absolute
    QByteArray clientCertificateData; // PEM
    QString clientKeyFile;            // absolute
    QByteArray clientKeyData;         // PEM
    QString token;                    // never logged
    QString tokenFile;                // absolute
    QString username;
    QString password;
    bool hasExec = false;
    ExecConfig exec;
    QString sourceFile;
};

struct KubeContext
{
    QString name;
    QString cluster;
    QString user;
    QString ns; // namespace
    QString sourceFile;
};

// A merged kubeconfig with kubectl's semantics: the first file to define a named cluster, user or
// context wins; current-context comes from the first file that sets it; relative paths resolve
// against the file that names them.
class Kubeconfig
{
public:
    // Loads and merges the files in order. A missing file in a $KUBECONFIG list is skipped (as
    // kubectl does); an unreadable or malformed one is an error naming the file, line and column.
    // When none of the files exists the result is an error naming them (kubectl would quietly
    // give an empty config; a desktop app should say where it looked).
    static Result<Kubeconfig> load(const QStringList &files);
    static Result<Kubeconfig> loadFromData(const QByteArray &yaml, const QString &fileName);

    // The files to read, in kubectl's order: explicitPath if set, else $KUBECONFIG split on ':',
    // else ~/.kube/config, else /etc/rancher/k3s/k3s.yaml (the first of these two that exists).
    static QStringList defaultFiles(const QString &explicitPath = {});

    QStringList files() const { return m_files; }
    QString currentContext() const { return m_currentContext; }
    QList<KubeContext> contexts() const { return m_contexts; } // in order of first appearance
    QStringList contextNames() const;
    const KubeContext *context(const QString &name) const;
    const KubeCluster *cluster(const QString &name) const;
    const KubeUser *user(const QString &name) const;

private:
    QStringList m_files;
    QString m_currentContext;
    QList<KubeContext> m_contexts;
    QList<KubeCluster> m_clusters;
    QList<KubeUser> m_users;
};

} // namespace Fluxdesk
