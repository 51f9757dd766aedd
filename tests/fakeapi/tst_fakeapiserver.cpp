// The fake API server against a raw HTTP/1.1 client over real TLS sockets on 127.0.0.1.
#include "fakeapiserver.h"
#include "manifest/yamljson.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QSet>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <memory>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

struct HttpReply
{
    int status = 0;
    QByteArray head;
    QByteArray body;
    qsizetype contentLength = -1;
    QString error;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

struct Credentials
{
    QString cert, key, token;
};

QSslKey loadKey(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray pem = file.readAll();
    QSslKey key(pem, QSsl::Rsa);
    return key.isNull() ? QSslKey(pem, QSsl::Ec) : key;
}

// Parses one response from the front of buffer; returns false when it is not complete yet.
bool takeResponse(QByteArray *buffer, HttpReply *reply)
{
    const qsizetype end = buffer->indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    reply->head = buffer->left(end);
    reply->status = reply->head.mid(9, 3).toInt();
    const QList<QByteArray> lines = reply->head.split('\n');
    for (const QByteArray &line : lines) {
        if (line.toLower().startsWith("content-length:"))
            reply->contentLength = line.mid(15).trimmed().toLongLong();
    }
    // Without a Content-Length the body ends when the server closes: get() reads to the end.
    if (reply->contentLength < 0 || buffer->size() < end + 4 + reply->contentLength)
        return false;
    reply->body = buffer->mid(end + 4, reply->contentLength);
    buffer->remove(0, end + 4 + reply->contentLength);
    return true;
}

std::unique_ptr<QTcpSocket> openSocket(const QUrl &url, const TestPki &pki,
                                       const Credentials &credentials, QString *error)
{
    if (url.scheme() == QLatin1String("http")) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QStringLiteral("127.0.0.1"), quint16(url.port()));
        if (!socket->waitForConnected(10000)) {
            *error = socket->errorString();
            return {};
        }
        return socket;
    }
    auto socket = std::make_unique<QSslSocket>();
    QSslConfiguration config = socket->sslConfiguration();
    config.setCaCertificates(QSslCertificate::fromPath(pki.caCert));
    if (!credentials.cert.isEmpty()) {
        config.setLocalCertificate(QSslCertificate::fromPath(credentials.cert).value(0));
        config.setPrivateKey(loadKey(credentials.key));
    }
    socket->setSslConfiguration(config);
    socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), quint16(url.port()),
                                   QStringLiteral("localhost"));
    if (!socket->waitForEncrypted(10000)) {
        *error = socket->errorString();
        return {};
    }
    return socket;
}

QByteArray requestBytes(const QString &target, const Credentials &credentials, bool close,
                        const QByteArray &method = "GET")
{
    QByteArray out = method + ' ' + target.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                     "Accept: application/json\r\nUser-Agent: tst_fakeapiserver\r\n";
    if (!credentials.token.isEmpty())
        out += "Authorization: Bearer " + credentials.token.toUtf8() + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    return out + "\r\n";
}

// One request on its own connection; reads until the server closes or the response is complete.
HttpReply get(const QUrl &url, const QString &target, const TestPki &pki,
              const Credentials &credentials, const QByteArray &method = "GET")
{
    HttpReply reply;
    auto socket = openSocket(url, pki, credentials, &reply.error);
    if (!socket)
        return reply;
    socket->write(requestBytes(target, credentials, true, method));
    QByteArray buffer;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 20000) {
        if (socket->bytesAvailable() == 0 && !socket->waitForReadyRead(1000) &&
            socket->state() != QAbstractSocket::ConnectedState)
            break;
        buffer += socket->readAll();
        HttpReply complete;
        QByteArray copy = buffer;
        if (takeResponse(&copy, &complete))
            return complete;
    }
    buffer += socket->readAll();
    // Incomplete: keep what arrived for the caller to inspect.
    QByteArray copy = buffer;
    takeResponse(&copy, &reply);
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    reply.head = buffer.left(end);
    reply.status = reply.head.mid(9, 3).toInt();
    reply.body = end < 0 ? QByteArray() : buffer.mid(end + 4);
    const bool endedByClose = end >= 0 && !reply.head.toLower().contains("content-length:") &&
                              socket->state() != QAbstractSocket::ConnectedState;
    if (!endedByClose)
        reply.error = QStringLiteral("incomplete response");
    return reply;
}

QStringList namesOf(const QJsonArray &items)
{
    QStringList out;
    for (const QJsonValue &item : items) {
        const QJsonObject metadata = item.toObject().value(QLatin1String("metadata")).toObject();
        out.append(metadata.value(QLatin1String("namespace")).toString() + QLatin1Char('/') +
                   metadata.value(QLatin1String("name")).toString());
    }
    return out;
}

QStringList expectedNames(const QList<QJsonObject> &objects, const QString &kind,
                          const QString &ns = {})
{
    QStringList out;
    for (const QJsonObject &o : objects) {
        const QJsonObject metadata = o.value(QLatin1String("metadata")).toObject();
        if (o.value(QLatin1String("kind")).toString() != kind)
            continue;
        if (!ns.isEmpty() && metadata.value(QLatin1String("namespace")).toString() != ns)
            continue;
        out.append(metadata.value(QLatin1String("namespace")).toString() + QLatin1Char('/') +
                   metadata.value(QLatin1String("name")).toString());
    }
    std::sort(out.begin(), out.end()); // "ns/name" sorts like (namespace, name) here
    return out;
}

QStringList resourceNames(const QJsonObject &list)
{
    QStringList out;
    const QJsonArray resources = list.value(QLatin1String("resources")).toArray();
    for (const QJsonValue &r : resources)
        out.append(r.toObject().value(QLatin1String("name")).toString());
    return out;
}

QJsonObject resourceEntry(const QJsonObject &list, const QString &name)
{
    const QJsonArray resources = list.value(QLatin1String("resources")).toArray();
    for (const QJsonValue &r : resources) {
        if (r.toObject().value(QLatin1String("name")).toString() == name)
            return r.toObject();
    }
    return {};
}

} // namespace

class TestFakeApiServer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TestPki m_pki;
    QList<QJsonObject> m_objects;
    std::unique_ptr<FakeApiServerThread> m_server;
    Credentials m_token{{}, {}, QStringLiteral("test-token-123")};

    FakeApiServer::Options tlsOptions() const
    {
        FakeApiServer::Options options;
        options.certFile = m_pki.serverCert;
        options.keyFile = m_pki.serverKey;
        options.clientCaFile = m_pki.caCert;
        options.token = m_token.token;
        return options;
    }
    template <typename F> void onServer(F function)
    {
        FakeApiServer *server = m_server->server();
        QMetaObject::invokeMethod(
            server, [server, function] { function(server); }, Qt::BlockingQueuedConnection);
    }
    HttpReply fetch(const QString &target) { return get(m_server->url(), target, m_pki, m_token); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_pki = TestPki::generate(m_dir.filePath(QStringLiteral("pki")));
        QVERIFY2(m_pki.ok(), qPrintable(m_pki.error));
        m_objects = generateCluster(600);
        m_server = std::make_unique<FakeApiServerThread>(tlsOptions());
        QVERIFY(m_server->start(m_objects));
        QCOMPARE(m_server->url().scheme(), QStringLiteral("https"));
        QVERIFY(m_server->url().port() > 0);
    }
    void cleanupTestCase() { m_server.reset(); }
    void cleanup()
    {
        onServer([](FakeApiServer *s) { s->clearFaults(); });
    }

    void pki()
    {
        const QSslCertificate ca = QSslCertificate::fromPath(m_pki.caCert).value(0);
        const QSslCertificate server = QSslCertificate::fromPath(m_pki.serverCert).value(0);
        const QSslCertificate client = QSslCertificate::fromPath(m_pki.clientCert).value(0);
        const QSslCertificate expired = QSslCertificate::fromPath(m_pki.expiredClientCert).value(0);
        const QSslCertificate other = QSslCertificate::fromPath(m_pki.otherCaCert).value(0);
        QVERIFY(!ca.isNull() && !server.isNull() && !client.isNull() && !expired.isNull());
        QCOMPARE(server.issuerDisplayName(), ca.subjectDisplayName());
        const auto sans = server.subjectAlternativeNames();
        QVERIFY(sans.values(QSsl::DnsEntry).contains(QStringLiteral("localhost")));
        QCOMPARE(client.subjectInfo(QSslCertificate::CommonName),
                 QStringList{QStringLiteral("fluxdesk-test")});
        QCOMPARE(client.subjectInfo(QSslCertificate::Organization),
                 QStringList{QStringLiteral("system:masters")});
        QVERIFY(expired.expiryDate() < QDateTime::currentDateTimeUtc());
        QVERIFY(client.expiryDate() > QDateTime::currentDateTimeUtc());
        QCOMPARE(loadKey(m_pki.ecClientKey).algorithm(), QSsl::Ec);
        QCOMPARE(loadKey(m_pki.clientKey).algorithm(), QSsl::Rsa);
        QVERIFY(other.subjectDisplayName() != ca.subjectDisplayName());
        // The server certificate verifies against the CA for "localhost".
        const auto errors = QSslCertificate::verify({server, ca}, QStringLiteral("localhost"));
        QVERIFY(errors.isEmpty() ||
                errors.first().error() == QSslError::SelfSignedCertificateInChain ||
                errors.first().error() == QSslError::UnableToGetLocalIssuerCertificate);
    }

    void pkiReportsOpensslErrors()
    {
        // A file where the folder should be: the failure comes back as a value, not a crash.
        const QString blocker = m_dir.filePath(QStringLiteral("blocker"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const TestPki broken = TestPki::generate(blocker + QStringLiteral("/pki"));
        QVERIFY(!broken.ok());
        QVERIFY(!broken.error.isEmpty());
    }

    void authentication_data()
    {
        QTest::addColumn<QString>("cert");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("token");
        QTest::addColumn<int>("status");
        QTest::addRow("nothing") << QString() << QString() << QString() << 401;
        QTest::addRow("token") << QString() << QString() << m_token.token << 200;
        QTest::addRow("wrong token") << QString() << QString() << QStringLiteral("nope") << 401;
        QTest::addRow("rsa cert") << m_pki.clientCert << m_pki.clientKey << QString() << 200;
        QTest::addRow("ec cert") << m_pki.ecClientCert << m_pki.ecClientKey << QString() << 200;
        QTest::addRow("expired cert")
            << m_pki.expiredClientCert << m_pki.expiredClientKey << QString() << 401;
        QTest::addRow("cert of another CA")
            << m_pki.foreignClientCert << m_pki.foreignClientKey << QString() << 401;
        QTest::addRow("foreign cert, good token")
            << m_pki.foreignClientCert << m_pki.foreignClientKey << m_token.token << 200;
    }
    void authentication()
    {
        QFETCH(QString, cert);
        QFETCH(QString, key);
        QFETCH(QString, token);
        QFETCH(int, status);
        const HttpReply reply =
            get(m_server->url(), QStringLiteral("/api/v1/namespaces"), m_pki, {cert, key, token});
        QVERIFY2(reply.error.isEmpty(), qPrintable(reply.error));
        QCOMPARE(reply.status, status);
        if (status == 401) {
            QCOMPARE(reply.body, QByteArray(R"({"kind":"Status","apiVersion":"v1","metadata":{},)"
                                            R"("status":"Failure","message":"Unauthorized",)"
                                            R"("reason":"Unauthorized","code":401})"));
        } else {
            QCOMPARE(reply.json().value(QLatin1String("kind")).toString(),
                     QStringLiteral("NamespaceList"));
        }
        QVERIFY(reply.head.contains("Content-Type: application/json"));
    }

    void noHttp2()
    {
        QSslSocket socket;
        QSslConfiguration config = socket.sslConfiguration();
        config.setCaCertificates(QSslCertificate::fromPath(m_pki.caCert));
        config.setAllowedNextProtocols({QByteArrayLiteral("h2"), QByteArrayLiteral("http/1.1")});
        socket.setSslConfiguration(config);
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), quint16(m_server->url().port()),
                                      QStringLiteral("localhost"));
        QVERIFY2(socket.waitForEncrypted(10000), qPrintable(socket.errorString()));
        QVERIFY(socket.sslConfiguration().nextNegotiatedProtocol() != "h2");
    }

    // Qt's own HTTP stack (offers h2 via ALPN, opens up to 6 connections, keeps them alive).
    void qnetworkAccessManager()
    {
        QNetworkAccessManager manager;
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setCaCertificates(QSslCertificate::fromPath(m_pki.caCert));
        config.setLocalCertificate(QSslCertificate::fromPath(m_pki.ecClientCert).value(0));
        config.setPrivateKey(loadKey(m_pki.ecClientKey));
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 20; ++i) {
            QUrl url = m_server->url();
            url.setPath(QStringLiteral("/api/v1/configmaps"));
            url.setQuery(QStringLiteral("limit=") + QString::number(i + 1));
            QNetworkRequest request(url);
            request.setSslConfiguration(config);
            request.setRawHeader("Accept", "application/json");
            replies.append(manager.get(request));
        }
        int done = 0;
        for (QNetworkReply *reply : std::as_const(replies))
            connect(reply, &QNetworkReply::finished, this, [&done] { ++done; });
        QTRY_COMPARE_WITH_TIMEOUT(done, 20, 20000);
        for (int i = 0; i < replies.size(); ++i) {
            QNetworkReply *reply = replies.at(i);
            QCOMPARE(reply->error(), QNetworkReply::NoError);
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            QVERIFY(!reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool());
            const QJsonObject list = QJsonDocument::fromJson(reply->readAll()).object();
            QCOMPARE(list.value(QLatin1String("items")).toArray().size(), i + 1);
            reply->deleteLater();
        }
    }

    void discovery()
    {
        const QJsonObject api = fetch(QStringLiteral("/api")).json();
        QCOMPARE(api.value(QLatin1String("kind")).toString(), QStringLiteral("APIVersions"));
        QCOMPARE(api.value(QLatin1String("versions")).toArray(), QJsonArray{QStringLiteral("v1")});
        QCOMPARE(api.value(QLatin1String("serverAddressByClientCIDRs")).toArray().size(), 1);

        const QJsonObject core = fetch(QStringLiteral("/api/v1")).json();
        QCOMPARE(core.value(QLatin1String("kind")).toString(), QStringLiteral("APIResourceList"));
        QCOMPARE(core.value(QLatin1String("groupVersion")).toString(), QStringLiteral("v1"));
        const QStringList coreNames = resourceNames(core);
        for (const char *name :
             {"namespaces", "pods", "services", "configmaps", "secrets", "serviceaccounts", "nodes",
              "persistentvolumes", "persistentvolumeclaims", "events", "endpoints", "pods/log",
              "bindings"})
            QVERIFY2(coreNames.contains(QString::fromLatin1(name)), name);
        const QJsonObject pods = resourceEntry(core, QStringLiteral("pods"));
        QCOMPARE(pods.value(QLatin1String("kind")).toString(), QStringLiteral("Pod"));
        QCOMPARE(pods.value(QLatin1String("namespaced")).toBool(), true);
        QVERIFY(pods.value(QLatin1String("verbs")).toArray().contains(QStringLiteral("list")));
        QVERIFY(pods.value(QLatin1String("shortNames")).toArray().contains(QStringLiteral("po")));
        QVERIFY(!resourceEntry(core, QStringLiteral("bindings"))
                     .value(QLatin1String("verbs"))
                     .toArray()
                     .contains(QStringLiteral("list")));
        QCOMPARE(resourceEntry(core, QStringLiteral("namespaces"))
                     .value(QLatin1String("namespaced"))
                     .toBool(true),
                 false);

        const QJsonObject groups = fetch(QStringLiteral("/apis")).json();
        QCOMPARE(groups.value(QLatin1String("kind")).toString(), QStringLiteral("APIGroupList"));
        QStringList groupNames;
        const QJsonArray groupArray = groups.value(QLatin1String("groups")).toArray();
        for (const QJsonValue &g : groupArray) {
            groupNames.append(g.toObject().value(QLatin1String("name")).toString());
            QVERIFY(g.toObject().contains(QLatin1String("preferredVersion")));
        }
        for (const char *name :
             {"apps", "authentication.k8s.io", "networking.k8s.io", "helm.toolkit.fluxcd.io"})
            QVERIFY2(groupNames.contains(QString::fromLatin1(name)), name);

        const QJsonObject apps = fetch(QStringLiteral("/apis/apps/v1")).json();
        QCOMPARE(apps.value(QLatin1String("groupVersion")).toString(), QStringLiteral("apps/v1"));
        QVERIFY(resourceNames(apps).contains(QStringLiteral("deployments")));
        QVERIFY(resourceNames(apps).contains(QStringLiteral("deployments/status")));
        const QJsonObject helm = fetch(QStringLiteral("/apis/helm.toolkit.fluxcd.io/v2")).json();
        QCOMPARE(resourceEntry(helm, QStringLiteral("helmreleases"))
                     .value(QLatin1String("kind"))
                     .toString(),
                 QStringLiteral("HelmRelease"));
        const QJsonObject networking = fetch(QStringLiteral("/apis/networking.k8s.io/v1")).json();
        QVERIFY(resourceNames(networking).contains(QStringLiteral("ingresses")));
        const QJsonObject auth = fetch(QStringLiteral("/apis/authentication.k8s.io/v1")).json();
        QCOMPARE(resourceEntry(auth, QStringLiteral("tokenreviews"))
                     .value(QLatin1String("verbs"))
                     .toArray(),
                 QJsonArray{QStringLiteral("create")});

        const QJsonObject group = fetch(QStringLiteral("/apis/apps")).json();
        QCOMPARE(group.value(QLatin1String("kind")).toString(), QStringLiteral("APIGroup"));
        const QJsonObject version = fetch(QStringLiteral("/version")).json();
        QCOMPARE(version.value(QLatin1String("major")).toString(), QStringLiteral("1"));
    }

    void paging_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("ns");
        QTest::addColumn<int>("limit");
        QTest::addRow("pods, 1") << QStringLiteral("/api/v1/pods") << QStringLiteral("Pod")
                                 << QString() << 1;
        QTest::addRow("pods, 7") << QStringLiteral("/api/v1/pods") << QStringLiteral("Pod")
                                 << QString() << 7;
        QTest::addRow("pods, all")
            << QStringLiteral("/api/v1/pods") << QStringLiteral("Pod") << QString() << 0;
        QTest::addRow("pods in llm, 3") << QStringLiteral("/api/v1/namespaces/llm/pods")
                                        << QStringLiteral("Pod") << QStringLiteral("llm") << 3;
        QTest::addRow("deployments, 5") << QStringLiteral("/apis/apps/v1/deployments")
                                        << QStringLiteral("Deployment") << QString() << 5;
        QTest::addRow("helmreleases, 500")
            << QStringLiteral("/apis/helm.toolkit.fluxcd.io/v2/helmreleases")
            << QStringLiteral("HelmRelease") << QString() << 500;
        QTest::addRow("namespaces, 6") << QStringLiteral("/api/v1/namespaces")
                                       << QStringLiteral("Namespace") << QString() << 6;
        QTest::addRow("ingresses in media")
            << QStringLiteral("/apis/networking.k8s.io/v1/namespaces/media/ingresses")
            << QStringLiteral("Ingress") << QStringLiteral("media") << 2;
    }
    void paging()
    {
        QFETCH(QString, path);
        QFETCH(QString, kind);
        QFETCH(QString, ns);
        QFETCH(int, limit);
        const QStringList expected = expectedNames(m_objects, kind, ns);
        QVERIFY(!expected.isEmpty());
        QStringList seen;
        QString token;
        int pages = 0;
        do {
            QUrlQuery query;
            if (limit > 0)
                query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
            if (!token.isEmpty())
                query.addQueryItem(QStringLiteral("continue"), token);
            const QString target =
                query.isEmpty() ? path
                                : path + QLatin1Char('?') + query.toString(QUrl::FullyEncoded);
            const HttpReply reply = fetch(target);
            QCOMPARE(reply.status, 200);
            const QJsonObject list = reply.json();
            QCOMPARE(list.value(QLatin1String("kind")).toString(), kind + QStringLiteral("List"));
            const QJsonArray items = list.value(QLatin1String("items")).toArray();
            if (limit > 0)
                QVERIFY(items.size() <= limit);
            seen += namesOf(items);
            const QJsonObject metadata = list.value(QLatin1String("metadata")).toObject();
            QVERIFY(!metadata.value(QLatin1String("resourceVersion")).toString().isEmpty());
            token = metadata.value(QLatin1String("continue")).toString();
            if (!token.isEmpty())
                QCOMPARE(metadata.value(QLatin1String("remainingItemCount")).toInt(),
                         expected.size() - seen.size());
            else
                QVERIFY(!metadata.contains(QLatin1String("remainingItemCount")));
            QVERIFY(items.isEmpty() ||
                    items.first().toObject().value(QLatin1String("kind")) == kind);
            QVERIFY(++pages <= expected.size() + 1);
        } while (!token.isEmpty());
        QCOMPARE(seen, expected);
        QCOMPARE(pages, limit > 0 ? int((expected.size() + limit - 1) / limit) : 1);
    }

    void continueErrors()
    {
        HttpReply reply = fetch(QStringLiteral("/api/v1/pods?limit=2&continue=garbage"));
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json().value(QLatin1String("reason")).toString(),
                 QStringLiteral("BadRequest"));

        reply = fetch(QStringLiteral("/api/v1/pods?limit=2"));
        const QString token = reply.json()
                                  .value(QLatin1String("metadata"))
                                  .toObject()
                                  .value(QLatin1String("continue"))
                                  .toString();
        QVERIFY(!token.isEmpty());
        // New objects: the old snapshot is gone, as after an etcd compaction.
        const QList<QJsonObject> objects = m_objects;
        onServer([objects](FakeApiServer *s) { s->setObjects(objects); });
        reply = fetch(QStringLiteral("/api/v1/pods?limit=2&continue=") + token);
        QCOMPARE(reply.status, 410);
        const QJsonObject status = reply.json();
        QCOMPARE(status.value(QLatin1String("reason")).toString(), QStringLiteral("Expired"));
        QVERIFY(status.value(QLatin1String("message"))
                    .toString()
                    .startsWith(QStringLiteral("The provided continue parameter is too old")));
    }

    void getObject_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        QTest::addRow("namespace") << QStringLiteral("/api/v1/namespaces/llm") << 200 << QString();
        QTest::addRow("missing pod") << QStringLiteral("/api/v1/namespaces/llm/pods/nope") << 404
                                     << QStringLiteral("pods \"nope\" not found");
        QTest::addRow("missing deployment")
            << QStringLiteral("/apis/apps/v1/namespaces/llm/deployments/nope") << 404
            << QStringLiteral("deployments.apps \"nope\" not found");
        QTest::addRow("unknown type")
            << QStringLiteral("/apis/apps/v1/namespaces/llm/widgets") << 404
            << QStringLiteral("the server could not find the requested resource");
        QTest::addRow("unknown group") << QStringLiteral("/apis/nope.example.com/v1") << 404
                                       << QStringLiteral("the server could not find the "
                                                         "requested resource");
        QTest::addRow("bindings are not listable")
            << QStringLiteral("/api/v1/bindings") << 405
            << QStringLiteral("the server does not allow this method on the requested resource");
    }
    void getObject()
    {
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QString, message);
        const HttpReply reply = fetch(path);
        QCOMPARE(reply.status, status);
        const QJsonObject body = reply.json();
        if (status == 200) {
            QCOMPARE(body.value(QLatin1String("metadata"))
                         .toObject()
                         .value(QLatin1String("name"))
                         .toString(),
                     path.section(QLatin1Char('/'), -1));
        } else {
            QCOMPARE(body.value(QLatin1String("kind")).toString(), QStringLiteral("Status"));
            QCOMPARE(body.value(QLatin1String("code")).toInt(), status);
            QCOMPARE(body.value(QLatin1String("message")).toString(), message);
        }
    }

    void getExistingDeployment()
    {
        QJsonObject deployment;
        for (const QJsonObject &o : std::as_const(m_objects)) {
            if (o.value(QLatin1String("kind")) == QLatin1String("Deployment")) {
                deployment = o;
                break;
            }
        }
        const QJsonObject metadata = deployment.value(QLatin1String("metadata")).toObject();
        const HttpReply reply = fetch(QStringLiteral("/apis/apps/v1/namespaces/") +
                                      metadata.value(QLatin1String("namespace")).toString() +
                                      QStringLiteral("/deployments/") +
                                      metadata.value(QLatin1String("name")).toString());
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json(), deployment);
    }

    void selectors()
    {
        HttpReply reply =
            fetch(QStringLiteral("/api/v1/pods?labelSelector=app.kubernetes.io%2Fname%3Dweb"));
        QCOMPARE(reply.status, 200);
        const QJsonArray items = reply.json().value(QLatin1String("items")).toArray();
        QVERIFY(!items.isEmpty());
        for (const QJsonValue &item : items)
            QCOMPARE(item.toObject()
                         .value(QLatin1String("metadata"))
                         .toObject()
                         .value(QLatin1String("labels"))
                         .toObject()
                         .value(QLatin1String("app.kubernetes.io/name"))
                         .toString(),
                     QStringLiteral("web"));
        reply = fetch(QStringLiteral("/api/v1/namespaces?fieldSelector=metadata.name%3Dllm"));
        QCOMPARE(namesOf(reply.json().value(QLatin1String("items")).toArray()),
                 QStringList{QStringLiteral("/llm")});
    }

    void statusFault()
    {
        FakeApiServer::FaultRule rule;
        rule.pathPrefix = QStringLiteral("/api/v1/secrets");
        rule.fault = FakeApiServer::Fault::Status;
        rule.status = 403;
        rule.message = QStringLiteral(
            "secrets is forbidden: User \"fluxdesk\" cannot list resource \"secrets\" in API "
            "group \"\" at the cluster scope");
        onServer([rule](FakeApiServer *s) { s->addFault(rule); });
        const HttpReply reply = fetch(QStringLiteral("/api/v1/secrets?limit=500"));
        QCOMPARE(reply.status, 403);
        // A plain string: moc cannot parse raw strings that contain \".
        const QByteArray expected =
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
            "\"message\":\"secrets is forbidden: User \\\"fluxdesk\\\" cannot list resource "
            "\\\"secrets\\\" in API group \\\"\\\" at the cluster scope\",\"reason\":\"Forbidden\","
            "\"details\":{\"kind\":\"secrets\"},\"code\":403}";
        QCOMPARE(reply.body, expected);
        QCOMPARE(fetch(QStringLiteral("/api/v1/pods?limit=1")).status, 200);
    }

    void malformedJson()
    {
        onServer([](FakeApiServer *s) {
            s->addFault({QStringLiteral("/api/v1/configmaps"),
                         FakeApiServer::Fault::MalformedJson,
                         500,
                         {},
                         0});
        });
        const HttpReply reply = fetch(QStringLiteral("/api/v1/configmaps"));
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.error.isEmpty());
        QJsonParseError error;
        QJsonDocument::fromJson(reply.body, &error);
        QVERIFY(error.error != QJsonParseError::NoError);
    }

    void expiredContinueFault()
    {
        FakeApiServer::FaultRule rule;
        rule.pathPrefix = QStringLiteral("/api/v1/pods");
        rule.fault = FakeApiServer::Fault::ExpiredContinue;
        rule.times = 1;
        onServer([rule](FakeApiServer *s) { s->addFault(rule); });
        // A first page carries no token: served as usual.
        HttpReply reply = fetch(QStringLiteral("/api/v1/pods?limit=2"));
        QCOMPARE(reply.status, 200);
        const QString token = reply.json()
                                  .value(QLatin1String("metadata"))
                                  .toObject()
                                  .value(QLatin1String("continue"))
                                  .toString();
        QVERIFY(!token.isEmpty());
        // As the API server answers a token past etcd's compaction: 410, reason Expired, and a
        // token for the (inconsistent) rest in the Status's list metadata.
        reply = fetch(QStringLiteral("/api/v1/pods?limit=2&continue=") + token);
        QCOMPARE(reply.status, 410);
        const QJsonObject status = reply.json();
        QCOMPARE(status.value(QLatin1String("kind")).toString(), QStringLiteral("Status"));
        QCOMPARE(status.value(QLatin1String("status")).toString(), QStringLiteral("Failure"));
        QCOMPARE(status.value(QLatin1String("reason")).toString(), QStringLiteral("Expired"));
        QCOMPARE(status.value(QLatin1String("code")).toInt(), 410);
        QVERIFY(!status.value(QLatin1String("metadata"))
                     .toObject()
                     .value(QLatin1String("continue"))
                     .toString()
                     .isEmpty());
        // times = 1: the next continued request goes through.
        QCOMPARE(fetch(QStringLiteral("/api/v1/pods?limit=2&continue=") + token).status, 200);
    }

    void repeatContinueFault()
    {
        onServer([](FakeApiServer *s) {
            FakeApiServer::FaultRule rule;
            rule.pathPrefix = QStringLiteral("/api/v1/pods");
            rule.fault = FakeApiServer::Fault::RepeatContinue;
            s->addFault(rule);
        });
        const auto page = [this](const QString &token) {
            const QString target =
                QStringLiteral("/api/v1/pods?limit=2") +
                (token.isEmpty() ? QString() : QStringLiteral("&continue=") + token);
            return fetch(target).json();
        };
        const QJsonObject first = page({});
        const QString token = first.value(QLatin1String("metadata"))
                                  .toObject()
                                  .value(QLatin1String("continue"))
                                  .toString();
        QVERIFY(!token.isEmpty());
        const QJsonObject second = page(token);
        QCOMPARE(second.value(QLatin1String("items")), first.value(QLatin1String("items")));
        QCOMPARE(second.value(QLatin1String("metadata"))
                     .toObject()
                     .value(QLatin1String("continue"))
                     .toString(),
                 token);
    }

    void oversizedFault_data()
    {
        QTest::addColumn<bool>("withoutContentLength");
        QTest::addRow("with Content-Length") << false;
        QTest::addRow("ended by close") << true;
    }

    void oversizedFault()
    {
        QFETCH(bool, withoutContentLength);
        const qsizetype normal = fetch(QStringLiteral("/api/v1/namespaces")).body.size();
        FakeApiServer::FaultRule rule;
        rule.pathPrefix = QStringLiteral("/api/v1/namespaces");
        rule.fault = FakeApiServer::Fault::Oversized;
        rule.padBytes = 300 * 1024;
        rule.withoutContentLength = withoutContentLength;
        onServer([rule](FakeApiServer *s) { s->addFault(rule); });
        const HttpReply reply = fetch(QStringLiteral("/api/v1/namespaces"));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.head.toLower().contains("content-length:"), !withoutContentLength);
        QCOMPARE(reply.body.size(), normal + rule.padBytes);
        QCOMPARE(reply.json().value(QLatin1String("kind")).toString(),
                 QStringLiteral("NamespaceList"));
    }

    void trickleFault()
    {
        FakeApiServer::FaultRule rule;
        rule.pathPrefix = QStringLiteral("/version");
        rule.fault = FakeApiServer::Fault::Trickle;
        rule.intervalMs = 5;
        onServer([rule](FakeApiServer *s) { s->addFault(rule); });
        QElapsedTimer timer;
        timer.start();
        const HttpReply reply = fetch(QStringLiteral("/version"));
        QCOMPARE(reply.status, 200);
        QVERIFY2(reply.error.isEmpty(), qPrintable(reply.error));
        // One byte per 5 ms: the whole body, slowly.
        QVERIFY(reply.body.size() > 100);
        QVERIFY2(timer.elapsed() >= reply.body.size() * 5 * 9 / 10,
                 QByteArray::number(timer.elapsed()).constData());
        QCOMPARE(reply.json().value(QLatin1String("major")).toString(), QStringLiteral("1"));
    }

    void resetMidBody()
    {
        onServer([](FakeApiServer *s) {
            s->addFault({QStringLiteral("/api/v1/services"),
                         FakeApiServer::Fault::ResetMidBody,
                         500,
                         {},
                         0});
        });
        const HttpReply reply = fetch(QStringLiteral("/api/v1/services"));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.error, QStringLiteral("incomplete response"));
        QVERIFY(reply.contentLength > 0);
        QVERIFY(reply.body.size() < reply.contentLength);
        QVERIFY2(reply.body.startsWith("{\"kind\":\"ServiceList\""),
                 QByteArray(reply.head + "\n" + reply.body.left(200)).constData());
    }

    void delayAndLatency()
    {
        onServer([](FakeApiServer *s) {
            s->addFault(
                {QStringLiteral("/api/v1/events"), FakeApiServer::Fault::Delay, 500, {}, 300});
        });
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(fetch(QStringLiteral("/api/v1/events")).status, 200);
        QVERIFY(timer.elapsed() >= 300);

        FakeApiServer::Options options = tlsOptions();
        options.latencyMs = 200;
        FakeApiServerThread slow(options);
        QVERIFY(slow.start({}));
        timer.restart();
        QCOMPARE(get(slow.url(), QStringLiteral("/api"), m_pki, m_token).status, 200);
        QVERIFY(timer.elapsed() >= 200);
    }

    void methodNotAllowed()
    {
        const HttpReply reply =
            get(m_server->url(), QStringLiteral("/api/v1/namespaces"), m_pki, m_token, "DELETE");
        QCOMPARE(reply.status, 405);
        QCOMPARE(reply.json().value(QLatin1String("reason")).toString(),
                 QStringLiteral("MethodNotAllowed"));
    }

    void keepAliveAndPipelining()
    {
        FakeApiServer::Options options;
        options.tls = false;
        options.token = m_token.token;
        FakeApiServerThread plain(options);
        QVERIFY(plain.start(m_objects));
        QCOMPARE(plain.url().scheme(), QStringLiteral("http"));
        QString error;
        auto socket = openSocket(plain.url(), m_pki, m_token, &error);
        QVERIFY2(socket, qPrintable(error));
        // Three requests in one write, then a fourth that asks to close.
        socket->write(
            requestBytes(QStringLiteral("/api"), m_token, false) +
            requestBytes(QStringLiteral("/api/v1/namespaces/nope/pods/x"), m_token, false) +
            requestBytes(QStringLiteral("/api/v1/namespaces?limit=1"), m_token, false));
        QByteArray buffer;
        QList<HttpReply> replies;
        QElapsedTimer timer;
        timer.start();
        while (replies.size() < 3 && timer.elapsed() < 10000) {
            socket->waitForReadyRead(500);
            buffer += socket->readAll();
            HttpReply reply;
            while (takeResponse(&buffer, &reply))
                replies.append(reply);
        }
        QCOMPARE(replies.size(), 3);
        QCOMPARE(replies.at(0).status, 200);
        QCOMPARE(replies.at(1).status, 404);
        QCOMPARE(replies.at(2).json().value(QLatin1String("items")).toArray().size(), 1);
        QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);

        socket->write(requestBytes(QStringLiteral("/version"), m_token, true));
        timer.restart();
        while (socket->state() == QAbstractSocket::ConnectedState && timer.elapsed() < 10000)
            socket->waitForReadyRead(200);
        buffer += socket->readAll();
        HttpReply last;
        QVERIFY(takeResponse(&buffer, &last));
        QCOMPARE(last.status, 200);
        QVERIFY(last.head.contains("Connection: close"));
        QCOMPARE(socket->state(), QAbstractSocket::UnconnectedState);

        QVERIFY(plain.server()->requestCount() >= 4);
    }

    void concurrentConnections()
    {
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int i = 0; i < 12; ++i) {
            QString error;
            auto socket = openSocket(m_server->url(), m_pki, m_token, &error);
            QVERIFY2(socket, qPrintable(error));
            socket->write(requestBytes(
                QStringLiteral("/api/v1/pods?limit=") + QString::number(i + 1), m_token, false));
            sockets.push_back(std::move(socket));
        }
        for (int i = 0; i < 12; ++i) {
            QByteArray buffer;
            HttpReply reply;
            QElapsedTimer timer;
            timer.start();
            while (!takeResponse(&buffer, &reply) && timer.elapsed() < 10000) {
                sockets[size_t(i)]->waitForReadyRead(200);
                buffer += sockets[size_t(i)]->readAll();
            }
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.json().value(QLatin1String("items")).toArray().size(), i + 1);
        }
    }

    void largeList()
    {
        const QList<QJsonObject> objects = generateCluster(10000);
        QCOMPARE(objects.size(), 10000);
        FakeApiServerThread big(tlsOptions());
        QVERIFY(big.start(objects));
        QElapsedTimer timer;
        timer.start();
        HttpReply reply = get(big.url(), QStringLiteral("/api/v1/pods"), m_pki, m_token);
        QCOMPARE(reply.status, 200);
        const int pods = int(expectedNames(objects, QStringLiteral("Pod")).size());
        QVERIFY(pods > 1000);
        QCOMPARE(reply.json().value(QLatin1String("items")).toArray().size(), pods);
        int paged = 0;
        QString token;
        do {
            reply = get(big.url(),
                        QStringLiteral("/api/v1/pods?limit=500") +
                            (token.isEmpty() ? QString() : QStringLiteral("&continue=") + token),
                        m_pki, m_token);
            QCOMPARE(reply.status, 200);
            paged += int(reply.json().value(QLatin1String("items")).toArray().size());
            token = reply.json()
                        .value(QLatin1String("metadata"))
                        .toObject()
                        .value(QLatin1String("continue"))
                        .toString();
        } while (!token.isEmpty());
        QCOMPARE(paged, pods);
        QVERIFY2(timer.elapsed() < 30000, qPrintable(QString::number(timer.elapsed())));
    }

    void requestLog()
    {
        fetch(QStringLiteral("/api/v1/serviceaccounts?limit=2"));
        QStringList log;
        onServer([&log](FakeApiServer *s) { log = s->requestLog(); });
        QVERIFY(log.contains(QStringLiteral("GET /api/v1/serviceaccounts?limit=2")));
        for (const QString &line : std::as_const(log))
            QVERIFY(!line.contains(m_token.token));
    }

    void generatedCluster()
    {
        const QList<QJsonObject> a = generateCluster(1500);
        QCOMPARE(a.size(), 1500);
        QCOMPARE(generateCluster(1500), a);
        QCOMPARE(generateCluster(0).size(), 0);
        QSet<QString> kinds, namespaces, uids;
        QHash<QString, QString> replicaSetUids; // uid -> name
        for (const QJsonObject &o : a) {
            const QString kind = o.value(QLatin1String("kind")).toString();
            const QJsonObject metadata = o.value(QLatin1String("metadata")).toObject();
            kinds.insert(o.value(QLatin1String("apiVersion")).toString() + QLatin1Char('/') + kind);
            if (kind == QLatin1String("Namespace"))
                namespaces.insert(metadata.value(QLatin1String("name")).toString());
            uids.insert(metadata.value(QLatin1String("uid")).toString());
            QVERIFY(!metadata.value(QLatin1String("resourceVersion")).toString().isEmpty());
            QVERIFY(!metadata.value(QLatin1String("creationTimestamp")).toString().isEmpty());
            if (kind == QLatin1String("ReplicaSet"))
                replicaSetUids.insert(metadata.value(QLatin1String("uid")).toString(),
                                      metadata.value(QLatin1String("name")).toString());
        }
        QCOMPARE(uids.size(), a.size());
        QVERIFY2(kinds.size() >= 15,
                 qPrintable(QStringList(kinds.values()).join(QLatin1Char(' '))));
        QVERIFY(kinds.contains(QStringLiteral("helm.toolkit.fluxcd.io/v2/HelmRelease")));
        QVERIFY(kinds.contains(QStringLiteral("networking.k8s.io/v1/Ingress")));
        QCOMPARE(namespaces.size(), 20);
        int ownedPods = 0;
        for (const QJsonObject &o : a) {
            if (o.value(QLatin1String("kind")) != QLatin1String("Pod"))
                continue;
            const QJsonObject owner = o.value(QLatin1String("metadata"))
                                          .toObject()
                                          .value(QLatin1String("ownerReferences"))
                                          .toArray()
                                          .at(0)
                                          .toObject();
            if (owner.value(QLatin1String("kind")) == QLatin1String("ReplicaSet")) {
                QCOMPARE(replicaSetUids.value(owner.value(QLatin1String("uid")).toString()),
                         owner.value(QLatin1String("name")).toString());
                ++ownedPods;
            }
        }
        QVERIFY(ownedPods > 10);
    }

    void derivedTypes_data()
    {
        QTest::addColumn<QString>("groupVersion");
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("namespaced");
        QTest::addRow("network policy")
            << QStringLiteral("networking.k8s.io/v1") << QStringLiteral("networkpolicies")
            << QStringLiteral("NetworkPolicy") << true;
        QTest::addRow("storage class")
            << QStringLiteral("storage.k8s.io/v1") << QStringLiteral("storageclasses")
            << QStringLiteral("StorageClass") << false;
        QTest::addRow("cluster issuer")
            << QStringLiteral("cert-manager.io/v1") << QStringLiteral("clusterissuers")
            << QStringLiteral("ClusterIssuer") << false;
        QTest::addRow("kustomization")
            << QStringLiteral("kustomize.toolkit.fluxcd.io/v1") << QStringLiteral("kustomizations")
            << QStringLiteral("Kustomization") << true;
    }
    void derivedTypes()
    {
        QFETCH(QString, groupVersion);
        QFETCH(QString, resource);
        QFETCH(QString, kind);
        QFETCH(bool, namespaced);
        const QString path =
            QStringLiteral(FLUXDESK_TEST_DATA) + QStringLiteral("/fakeapi/homelab-list.yaml");
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto documents = parseYamlDocuments(file.readAll(), path);
        QVERIFY2(documents.ok(), qPrintable(documents.error().toString()));
        QList<QJsonObject> objects;
        const QJsonArray items =
            documents->first().value.toObject().value(QLatin1String("items")).toArray();
        for (const QJsonValue &item : items)
            objects.append(item.toObject());
        FakeApiServerThread server(tlsOptions());
        QVERIFY(server.start(objects));
        const HttpReply discovery =
            get(server.url(), QStringLiteral("/apis/") + groupVersion, m_pki, m_token);
        QCOMPARE(discovery.status, 200);
        const QJsonObject entry = resourceEntry(discovery.json(), resource);
        QCOMPARE(entry.value(QLatin1String("kind")).toString(), kind);
        QCOMPARE(entry.value(QLatin1String("namespaced")).toBool(), namespaced);
        const HttpReply list =
            get(server.url(), QStringLiteral("/apis/") + groupVersion + QLatin1Char('/') + resource,
                m_pki, m_token);
        QCOMPARE(list.status, 200);
        const QJsonArray listed = list.json().value(QLatin1String("items")).toArray();
        QCOMPARE(listed.size(), 1);
        // Missing metadata is filled in the way the real server would have it.
        const QJsonObject metadata =
            listed.first().toObject().value(QLatin1String("metadata")).toObject();
        QVERIFY(!metadata.value(QLatin1String("uid")).toString().isEmpty());
        QVERIFY(!metadata.value(QLatin1String("resourceVersion")).toString().isEmpty());
        QVERIFY(!metadata.value(QLatin1String("creationTimestamp")).toString().isEmpty());
    }

    void sameKindInTwoGroupsAndVersions()
    {
        const auto obj = [](const QString &apiVersion, const QString &kind, const QString &name) {
            return QJsonObject{{QStringLiteral("apiVersion"), apiVersion},
                               {QStringLiteral("kind"), kind},
                               {QStringLiteral("metadata"),
                                QJsonObject{{QStringLiteral("name"), name},
                                            {QStringLiteral("namespace"), QStringLiteral("web")}}}};
        };
        const QString route = QStringLiteral("IngressRoute");
        const QString http = QStringLiteral("HTTPRoute");
        const QList<QJsonObject> objects{
            obj(QStringLiteral("traefik.io/v1alpha1"), route, QStringLiteral("site")),
            obj(QStringLiteral("traefik.containo.us/v1alpha1"), route, QStringLiteral("site")),
            obj(QStringLiteral("traefik.containo.us/v1alpha1"), route, QStringLiteral("old")),
            // Given in an older version first: the server still prefers v1 and serves both
            // objects in both versions.
            obj(QStringLiteral("gateway.networking.k8s.io/v1beta1"), http, QStringLiteral("a")),
            obj(QStringLiteral("gateway.networking.k8s.io/v1"), http, QStringLiteral("b")),
        };
        FakeApiServerThread server(tlsOptions());
        QVERIFY(server.start(objects));
        const auto list = [&](const QString &path) {
            const HttpReply reply = get(server.url(), path, m_pki, m_token);
            return reply.status == 200 ? reply.json().value(QLatin1String("items")).toArray()
                                       : QJsonArray{QStringLiteral("HTTP %1").arg(reply.status)};
        };
        QCOMPARE(namesOf(list(QStringLiteral("/apis/traefik.io/v1alpha1/ingressroutes"))),
                 QStringList{QStringLiteral("web/site")});
        QCOMPARE(namesOf(list(QStringLiteral("/apis/traefik.containo.us/v1alpha1/ingressroutes"))),
                 (QStringList{QStringLiteral("web/old"), QStringLiteral("web/site")}));

        const QJsonObject group =
            get(server.url(), QStringLiteral("/apis/gateway.networking.k8s.io"), m_pki, m_token)
                .json();
        QCOMPARE(group.value(QLatin1String("preferredVersion"))
                     .toObject()
                     .value(QLatin1String("version"))
                     .toString(),
                 QStringLiteral("v1"));
        QCOMPARE(group.value(QLatin1String("versions")).toArray().size(), 2);
        for (const QString &version : {QStringLiteral("v1"), QStringLiteral("v1beta1")}) {
            const QJsonArray items =
                list(QStringLiteral("/apis/gateway.networking.k8s.io/%1/httproutes").arg(version));
            QCOMPARE(namesOf(items),
                     (QStringList{QStringLiteral("web/a"), QStringLiteral("web/b")}));
            for (const QJsonValue &item : items)
                QCOMPARE(item.toObject().value(QLatin1String("apiVersion")).toString(),
                         QStringLiteral("gateway.networking.k8s.io/") + version);
        }
    }

    void readOnlyApis()
    {
        const QJsonObject podMetrics{
            {QStringLiteral("apiVersion"), QStringLiteral("metrics.k8s.io/v1beta1")},
            {QStringLiteral("kind"), QStringLiteral("PodMetrics")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("web-0")},
                         {QStringLiteral("namespace"), QStringLiteral("web")}}}};
        const QJsonObject nodeMetrics{
            {QStringLiteral("apiVersion"), QStringLiteral("metrics.k8s.io/v1beta1")},
            {QStringLiteral("kind"), QStringLiteral("NodeMetrics")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("n1")}}}};
        FakeApiServerThread server(tlsOptions());
        QVERIFY(server.start({podMetrics, nodeMetrics}));
        const QJsonArray readOnly{QStringLiteral("get"), QStringLiteral("list")};
        // As metrics-server's aggregated API: resources named after what they measure, get and
        // list only, no subresources.
        const QJsonObject metrics =
            get(server.url(), QStringLiteral("/apis/metrics.k8s.io/v1beta1"), m_pki, m_token)
                .json();
        QCOMPARE(resourceNames(metrics),
                 (QStringList{QStringLiteral("pods"), QStringLiteral("nodes")}));
        const QJsonObject pods = resourceEntry(metrics, QStringLiteral("pods"));
        QCOMPARE(pods.value(QLatin1String("kind")).toString(), QStringLiteral("PodMetrics"));
        QCOMPARE(pods.value(QLatin1String("verbs")).toArray(), readOnly);
        QVERIFY(pods.value(QLatin1String("namespaced")).toBool());
        const QJsonObject nodes = resourceEntry(metrics, QStringLiteral("nodes"));
        QCOMPARE(nodes.value(QLatin1String("kind")).toString(), QStringLiteral("NodeMetrics"));
        QCOMPARE(nodes.value(QLatin1String("verbs")).toArray(), readOnly);
        QVERIFY(!nodes.value(QLatin1String("namespaced")).toBool(true));
        const HttpReply listed =
            get(server.url(), QStringLiteral("/apis/metrics.k8s.io/v1beta1/namespaces/web/pods"),
                m_pki, m_token);
        QCOMPARE(listed.status, 200);
        QCOMPARE(namesOf(listed.json().value(QLatin1String("items")).toArray()),
                 QStringList{QStringLiteral("web/web-0")});

        const QJsonObject core =
            get(server.url(), QStringLiteral("/api/v1"), m_pki, m_token).json();
        const QJsonObject statuses = resourceEntry(core, QStringLiteral("componentstatuses"));
        QCOMPARE(statuses.value(QLatin1String("kind")).toString(),
                 QStringLiteral("ComponentStatus"));
        QCOMPARE(statuses.value(QLatin1String("verbs")).toArray(), readOnly);
        // Stored types keep the full set.
        QVERIFY(resourceEntry(core, QStringLiteral("configmaps"))
                    .value(QLatin1String("verbs"))
                    .toArray()
                    .contains(QStringLiteral("create")));
    }

    void clientGoneDuringDelay()
    {
        onServer([](FakeApiServer *s) {
            s->addFault(
                {QStringLiteral("/api/v1/nodes"), FakeApiServer::Fault::Delay, 500, {}, 300});
        });
        {
            QString error;
            auto socket = openSocket(m_server->url(), m_pki, m_token, &error);
            QVERIFY2(socket, qPrintable(error));
            socket->write(requestBytes(QStringLiteral("/api/v1/nodes"), m_token, false));
            socket->waitForBytesWritten(1000);
            socket->abort();
        }
        QTest::qWait(400); // the delayed answer finds its connection gone
        QCOMPARE(fetch(QStringLiteral("/api/v1/nodes")).status, 200);
    }

    void executable()
    {
        const QString program = QStringLiteral(FLUXDESK_BINARY_DIR) +
                                QStringLiteral("/tests/fakeapi/fake-kube-apiserver");
        QVERIFY2(QFile::exists(program), qPrintable(program));
        const QString kubeconfig = m_dir.filePath(QStringLiteral("exe-kubeconfig"));
        QProcess process;
        process.start(
            program,
            {QStringLiteral("--pki-dir"), m_dir.filePath(QStringLiteral("exe-pki")),
             QStringLiteral("--objects"),
             QStringLiteral(FLUXDESK_TEST_DATA) + QStringLiteral("/fakeapi/homelab-list.yaml"),
             QStringLiteral("--generate"), QStringLiteral("50"), QStringLiteral("--token"),
             QStringLiteral("exe-token"), QStringLiteral("--kubeconfig-out"), kubeconfig});
        QVERIFY(process.waitForStarted(10000));
        QByteArray out;
        QElapsedTimer timer;
        timer.start();
        while (!out.contains('\n') && timer.elapsed() < 60000) {
            process.waitForReadyRead(500);
            out += process.readAllStandardOutput();
        }
        QVERIFY2(out.startsWith("listening on https://127.0.0.1:"),
                 QByteArray(out + process.readAllStandardError()).constData());
        const QUrl url(QString::fromLatin1(out.mid(13).trimmed()));
        QVERIFY(url.port() > 0);
        QVERIFY(QFile::exists(kubeconfig));
        TestPki exePki;
        exePki.caCert = m_dir.filePath(QStringLiteral("exe-pki/ca.crt"));
        const HttpReply reply = get(url, QStringLiteral("/apis/apps/v1/deployments"), exePki,
                                    {{}, {}, QStringLiteral("exe-token")});
        QCOMPARE(reply.status, 200);
        const QStringList names = namesOf(reply.json().value(QLatin1String("items")).toArray());
        QVERIFY(names.contains(QStringLiteral("llm/llama-cpp")));
        QVERIFY(names.size() > 1);
        process.terminate(); // SIGTERM: a clean exit
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }

    void kubeconfig_data()
    {
        QTest::addColumn<bool>("token");
        QTest::addRow("client certificate") << false;
        QTest::addRow("token") << true;
    }
    void kubeconfig()
    {
        QFETCH(bool, token);
        const QString path = m_dir.filePath(QStringLiteral("kubeconfig-%1").arg(int(token)));
        bool ok = false;
        const TestPki pki = m_pki;
        onServer([&](FakeApiServer *s) {
            ok = s->writeKubeconfig(path, pki,
                                    token ? FakeApiServer::Credentials::Token
                                          : FakeApiServer::Credentials::ClientCertificate);
        });
        QVERIFY(ok);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto value = parseYamlValue(file.readAll(), path);
        QVERIFY2(value.ok(), qPrintable(value.error().toString()));
        const QJsonObject config = value->toObject();
        QCOMPARE(config.value(QLatin1String("current-context")).toString(), QStringLiteral("fake"));
        const QJsonObject cluster = config.value(QLatin1String("clusters"))
                                        .toArray()
                                        .at(0)
                                        .toObject()
                                        .value(QLatin1String("cluster"))
                                        .toObject();
        QCOMPARE(cluster.value(QLatin1String("server")).toString(), m_server->url().toString());
        QCOMPARE(cluster.value(QLatin1String("certificate-authority")).toString(), m_pki.caCert);
        const QJsonObject user = config.value(QLatin1String("users"))
                                     .toArray()
                                     .at(0)
                                     .toObject()
                                     .value(QLatin1String("user"))
                                     .toObject();
        if (token) {
            QCOMPARE(user.value(QLatin1String("token")).toString(), m_token.token);
        } else {
            QCOMPARE(user.value(QLatin1String("client-certificate")).toString(), m_pki.clientCert);
            QCOMPARE(user.value(QLatin1String("client-key")).toString(), m_pki.clientKey);
        }
    }
};

QTEST_GUILESS_MAIN(TestFakeApiServer)
#include "tst_fakeapiserver.moc"
