#pragma once

#include "fakeapiserver.h"
#include "kube/connectionsettings.h"
#include "kube/inventory.h"
#include "kube/resourcetype.h"

#include <QFile>
#include <QJsonObject>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QTcpServer>

// Test helpers shared by the client, loader and session tests (h-client).
namespace Fluxdesk::Testing {

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

enum class ClientAuth
{
    None,
    Token,
    RsaCertificate,
    EcCertificate
};

// Settings built straight from the TestPki files (no kubeconfig involved).
inline ConnectionSettings clientSettings(const QUrl &server, const TestPki &pki, ClientAuth auth,
                                         const QString &token = {}, const QString &caFile = {})
{
    ConnectionSettings s;
    s.server = server;
    s.caCertificates =
        QSslCertificate::fromData(readFile(caFile.isEmpty() ? pki.caCert : caFile), QSsl::Pem);
    switch (auth) {
    case ClientAuth::None:
        break;
    case ClientAuth::Token:
        s.bearerToken = token;
        break;
    case ClientAuth::RsaCertificate:
        s.clientCertificate = QSslCertificate(readFile(pki.clientCert), QSsl::Pem);
        s.clientKey = QSslKey(readFile(pki.clientKey), QSsl::Rsa, QSsl::Pem);
        break;
    case ClientAuth::EcCertificate:
        s.clientCertificate = QSslCertificate(readFile(pki.ecClientCert), QSsl::Pem);
        s.clientKey = QSslKey(readFile(pki.ecClientKey), QSsl::Ec, QSsl::Pem);
        break;
    }
    return s;
}

inline FakeApiServer::Options serverOptions(const TestPki &pki, const QString &token,
                                            int latencyMs = 0)
{
    FakeApiServer::Options o;
    o.tls = true;
    o.certFile = pki.serverCert;
    o.keyFile = pki.serverKey;
    o.clientCaFile = pki.caCert;
    o.token = token;
    o.latencyMs = latencyMs;
    return o;
}

inline QJsonObject object(const QString &apiVersion, const QString &kind, const QString &ns,
                          const QString &name)
{
    QJsonObject meta{{QStringLiteral("name"), name}};
    if (!ns.isEmpty())
        meta.insert(QStringLiteral("namespace"), ns);
    return QJsonObject{{QStringLiteral("apiVersion"), apiVersion},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("metadata"), meta}};
}

// A small cluster: 2 namespaces, 7 config maps, 2 secrets, 3 pods.
inline QList<QJsonObject> smallCluster()
{
    const QString v1 = QStringLiteral("v1");
    QList<QJsonObject> objects;
    objects << object(v1, QStringLiteral("Namespace"), {}, QStringLiteral("apps"))
            << object(v1, QStringLiteral("Namespace"), {}, QStringLiteral("media"));
    for (int i = 0; i < 7; ++i)
        objects << object(v1, QStringLiteral("ConfigMap"),
                          i % 2 ? QStringLiteral("apps") : QStringLiteral("media"),
                          QStringLiteral("cm-%1").arg(i));
    for (int i = 0; i < 2; ++i)
        objects << object(v1, QStringLiteral("Secret"), QStringLiteral("apps"),
                          QStringLiteral("secret-%1").arg(i));
    for (int i = 0; i < 3; ++i)
        objects << object(v1, QStringLiteral("Pod"), QStringLiteral("apps"),
                          QStringLiteral("pod-%1").arg(i));
    return objects;
}

// A port nothing listens on (bound, then closed).
inline quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

inline void registerClientMetaTypes()
{
    qRegisterMetaType<Fluxdesk::ResourceType>("Fluxdesk::ResourceType");
    qRegisterMetaType<QList<Fluxdesk::ResourceType>>("QList<Fluxdesk::ResourceType>");
    qRegisterMetaType<QList<QJsonObject>>("QList<QJsonObject>");
    qRegisterMetaType<QList<Fluxdesk::ObjectKey>>("QList<Fluxdesk::ObjectKey>");
    qRegisterMetaType<Fluxdesk::TypeState>("Fluxdesk::TypeState");
}

} // namespace Fluxdesk::Testing
