#include "clienttestsupport.h"
#include "kube/kubeclient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtTest>

#include <memory>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

// KubeClient against the fake API server over real TLS sockets: auth, TLS verification and the
// message of every kind of failure.
class TstKubeClient : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestPki m_pki;
    const QString m_token = QStringLiteral("s3cr3t-token");
    std::unique_ptr<FakeApiServer> m_server;

    struct Fetched
    {
        int httpStatus = 0;
        QByteArray body;
        Error error;
    };

    Fetched fetch(KubeClient &client, const QString &path)
    {
        Fetched result;
        QNetworkReply *reply = client.get(path);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(30000)) {
            result.error = Error(QStringLiteral("test: no reply within 30 s"));
            reply->abort();
        }
        result.body = reply->readAll();
        result.error = KubeClient::replyError(reply, result.body, &result.httpStatus);
        reply->deleteLater();
        return result;
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
        m_server->setObjects(smallCluster());
        QVERIFY(m_server->listen());
    }

    void cleanup()
    {
        m_server.reset();
        // Clients are deleteLater()'d by the loader: destroy them (and their network threads)
        // now rather than leave them running at exit.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

    void cleanupTestCase() { QThreadPool::globalInstance()->waitForDone(); }

    void requestIsBuiltFromSettings()
    {
        ConnectionSettings settings = clientSettings(
            QUrl(QStringLiteral("https://127.0.0.1:%1/k8s/clusters/c1/").arg(closedPort())), m_pki,
            ClientAuth::RsaCertificate);
        settings.bearerToken = m_token;
        settings.tlsServerName = QStringLiteral("kubernetes.default");
        KubeClient client(settings);
        client.setTimeout(1234);
        std::unique_ptr<QNetworkReply> reply(client.get(QStringLiteral("/api/v1/pods?limit=5")));
        const QNetworkRequest request = reply->request();
        QCOMPARE(request.url().path(), QStringLiteral("/k8s/clusters/c1/api/v1/pods"));
        QCOMPARE(request.url().query(), QStringLiteral("limit=5"));
        QCOMPARE(request.rawHeader("Accept"), QByteArray("application/json"));
        QVERIFY(
            request.header(QNetworkRequest::UserAgentHeader).toByteArray().startsWith("fluxdesk/"));
        QCOMPARE(request.rawHeader("Authorization"), QByteArray("Bearer ") + m_token.toUtf8());
        QCOMPARE(request.attribute(QNetworkRequest::Http2AllowedAttribute).toBool(), false);
        QCOMPARE(request.transferTimeout(), 1234);
        QCOMPARE(request.peerVerifyName(), QStringLiteral("kubernetes.default"));
        const QSslConfiguration ssl = request.sslConfiguration();
        QCOMPARE(ssl.peerVerifyMode(), QSslSocket::VerifyPeer);
        QCOMPARE(ssl.caCertificates().size(), 1);
        QCOMPARE(ssl.localCertificate(), settings.clientCertificate);
        QVERIFY(!ssl.privateKey().isNull());
        reply->abort();

        ConnectionSettings basic;
        basic.server = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(closedPort()));
        basic.username = QStringLiteral("admin");
        basic.password = QStringLiteral("pw");
        basic.insecureSkipTlsVerify = true;
        KubeClient basicClient(basic);
        std::unique_ptr<QNetworkReply> basicReply(basicClient.get(QStringLiteral("/version")));
        QCOMPARE(basicReply->request().url().path(), QStringLiteral("/version"));
        QCOMPARE(basicReply->request().rawHeader("Authorization"),
                 QByteArray("Basic ") + QByteArray("admin:pw").toBase64());
        QCOMPARE(basicReply->request().sslConfiguration().peerVerifyMode(), QSslSocket::VerifyNone);
        basicReply->abort();
    }

    void authenticates_data()
    {
        QTest::addColumn<int>("auth");
        QTest::addRow("token") << int(ClientAuth::Token);
        QTest::addRow("rsa client certificate") << int(ClientAuth::RsaCertificate);
        QTest::addRow("ec client certificate") << int(ClientAuth::EcCertificate);
    }

    void authenticates()
    {
        QFETCH(int, auth);
        KubeClient client(clientSettings(m_server->url(), m_pki, ClientAuth(auth), m_token));
        const Fetched f = fetch(client, QStringLiteral("/api/v1/namespaces"));
        QVERIFY2(f.error.message.isEmpty(), qPrintable(f.error.message));
        const QJsonArray items =
            QJsonDocument::fromJson(f.body).object().value(QLatin1String("items")).toArray();
        QCOMPARE(items.size(), 2);
        QVERIFY(m_server->requestLog().contains(QStringLiteral("GET /api/v1/namespaces")));
    }

    // A cluster with Flux serves a dozen kinds, each watched on a stream that stays open. Over
    // HTTP/1.1 one connection carries one request at a time, and Qt opens at most 6 per host and
    // manager: streams sharing the requests' manager would hold them all, and a PATCH (Suspend)
    // or a GET queued behind them would wait until it timed out. Each stream has its own.
    void openStreamsLeaveRoomForRequests()
    {
        KubeClient client(clientSettings(m_server->url(), m_pki, ClientAuth::Token, m_token));
        std::vector<std::unique_ptr<QNetworkReply>> streams;
        for (int i = 0; i < 8; ++i) {
            streams.emplace_back(client.stream(
                QStringLiteral("/api/v1/namespaces?watch=true&timeoutSeconds=60"), 60000));
        }
        // Every stream is open at the server: its headers came.
        for (const std::unique_ptr<QNetworkReply> &stream : streams) {
            QNetworkReply *reply = stream.get();
            QTRY_VERIFY_WITH_TIMEOUT(
                reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200, 10000);
            QVERIFY(reply->isRunning());
        }
        QNetworkReply *reply = client.get(QStringLiteral("/api/v1/namespaces"));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY2(finished.wait(5000), "the GET waited behind the open streams");
        const QByteArray body = reply->readAll();
        QVERIFY(KubeClient::replyError(reply, body).message.isEmpty());
        reply->deleteLater();
        for (const std::unique_ptr<QNetworkReply> &stream : streams)
            QVERIFY(stream->isRunning());
    }

    void unauthorized_data()
    {
        QTest::addColumn<int>("auth");
        QTest::addColumn<QString>("token");
        QTest::addRow("wrong token") << int(ClientAuth::Token) << QStringLiteral("wrong");
        QTest::addRow("no credentials") << int(ClientAuth::None) << QString();
    }

    void unauthorized()
    {
        QFETCH(int, auth);
        QFETCH(QString, token);
        KubeClient client(clientSettings(m_server->url(), m_pki, ClientAuth(auth), token));
        const Fetched f = fetch(client, QStringLiteral("/api/v1/namespaces"));
        QCOMPARE(f.httpStatus, 401);
        QVERIFY2(f.error.message.startsWith(QLatin1String("Unauthorized:")),
                 qPrintable(f.error.message));
        QVERIFY(!f.error.message.contains(QLatin1String("wrong"))); // the token is never echoed
    }

    void statusErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        QTest::addRow("403") << 403
                             << QStringLiteral("secrets is forbidden: User \"x\" cannot list "
                                               "resource \"secrets\" in API group \"\" at the "
                                               "cluster scope");
        QTest::addRow("404") << 404 << QStringLiteral("the server could not find the resource");
        QTest::addRow("500") << 500 << QStringLiteral("etcdserver: request timed out");
    }

    void statusErrors()
    {
        QFETCH(int, status);
        QFETCH(QString, message);
        FakeApiServer::FaultRule rule;
        rule.pathPrefix = QStringLiteral("/api/v1/secrets");
        rule.fault = FakeApiServer::Fault::Status;
        rule.status = status;
        rule.message = message;
        m_server->addFault(rule);
        KubeClient client(clientSettings(m_server->url(), m_pki, ClientAuth::Token, m_token));
        const Fetched f = fetch(client, QStringLiteral("/api/v1/secrets?limit=500"));
        QCOMPARE(f.httpStatus, status);
        QCOMPARE(f.error.message, message + QStringLiteral(" (HTTP %1)").arg(status));
    }

    void wrongCa()
    {
        KubeClient client(
            clientSettings(m_server->url(), m_pki, ClientAuth::Token, m_token, m_pki.otherCaCert));
        const Fetched f = fetch(client, QStringLiteral("/api"));
        QCOMPARE(f.httpStatus, 0);
        QVERIFY2(f.error.message.startsWith(
                     QLatin1String("TLS failure: certificate verification of 127.0.0.1:")),
                 qPrintable(f.error.message));
        // The reason comes from QSslError ("The issuer certificate of a locally looked up
        // certificate could not be found" or similar): more than the bare prefix.
        QVERIFY(f.error.message.section(QLatin1String("failed: "), 1).size() > 10);
    }

    void insecureSkipTlsVerifyIgnoresWrongCa()
    {
        ConnectionSettings settings =
            clientSettings(m_server->url(), m_pki, ClientAuth::Token, m_token, m_pki.otherCaCert);
        settings.insecureSkipTlsVerify = true;
        KubeClient client(settings);
        const Fetched f = fetch(client, QStringLiteral("/api"));
        QVERIFY2(f.error.message.isEmpty(), qPrintable(f.error.message));
        QVERIFY(f.body.contains("\"v1\""));
    }

    void connectionRefused()
    {
        const quint16 port = closedPort();
        KubeClient client(clientSettings(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port)),
                                         m_pki, ClientAuth::Token, m_token));
        const Fetched f = fetch(client, QStringLiteral("/api"));
        QCOMPARE(f.httpStatus, 0);
        QVERIFY2(f.error.message.startsWith(
                     QStringLiteral("Connection refused by 127.0.0.1:%1").arg(port)),
                 qPrintable(f.error.message));
    }

    void transportFaults_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<QString>("expected");
        QTest::addRow("timeout") << int(FakeApiServer::Fault::Delay)
                                 << QStringLiteral("timed out after 0.5 seconds");
        QTest::addRow("reset mid-body") << int(FakeApiServer::Fault::ResetMidBody)
                                        << QStringLiteral("was reset before the response");
        QTest::addRow("malformed json") << int(FakeApiServer::Fault::MalformedJson)
                                        << QStringLiteral("malformed JSON for /api/v1/pods");
    }

    void transportFaults()
    {
        QFETCH(int, fault);
        QFETCH(QString, expected);
        FakeApiServer::FaultRule rule;
        rule.pathPrefix = QStringLiteral("/api/v1/pods");
        rule.fault = FakeApiServer::Fault(fault);
        rule.delayMs = 5000;
        m_server->addFault(rule);
        KubeClient client(clientSettings(m_server->url(), m_pki, ClientAuth::Token, m_token));
        client.setTimeout(500);
        const Fetched f = fetch(client, QStringLiteral("/api/v1/pods?limit=500"));
        QVERIFY2(f.error.message.contains(expected), qPrintable(f.error.message));
    }

    void hostileBodiesAreCutOff_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<bool>("withoutContentLength");
        QTest::addColumn<QString>("expected"); // "": the reply is fine
        QTest::addRow("oversized, announced")
            << int(FakeApiServer::Fault::Oversized) << false
            << QStringLiteral("to /api/v1/pods is larger than 64 KiB, the most Fluxdesk reads "
                              "for one request: refused");
        QTest::addRow("oversized, unannounced")
            << int(FakeApiServer::Fault::Oversized) << true
            << QStringLiteral("to /api/v1/pods is larger than 64 KiB");
        QTest::addRow("trickling")
            << int(FakeApiServer::Fault::Trickle) << false
            << QStringLiteral("to /api/v1/pods did not complete within 1 seconds");
        QTest::addRow("trickling, unannounced")
            << int(FakeApiServer::Fault::Trickle) << true
            << QStringLiteral("did not complete within 1 seconds");
        QTest::addRow("under both limits") << int(FakeApiServer::Fault::None) << false << QString();
    }

    void hostileBodiesAreCutOff()
    {
        QFETCH(int, fault);
        QFETCH(bool, withoutContentLength);
        QFETCH(QString, expected);
        FakeApiServer::FaultRule rule;
        rule.pathPrefix = QStringLiteral("/api/v1/pods");
        rule.fault = FakeApiServer::Fault(fault);
        rule.padBytes = 1024 * 1024;
        rule.intervalMs = 50;
        rule.withoutContentLength = withoutContentLength;
        m_server->addFault(rule);
        KubeClient client(clientSettings(m_server->url(), m_pki, ClientAuth::Token, m_token));
        client.setMaxBodyBytes(64 * 1024);
        client.setDeadline(1000);
        QElapsedTimer timer;
        timer.start();
        const Fetched f = fetch(client, QStringLiteral("/api/v1/pods?limit=500"));
        QVERIFY2(timer.elapsed() < 10000, QByteArray::number(timer.elapsed()).constData());
        if (expected.isEmpty()) {
            QVERIFY2(f.error.message.isEmpty(), qPrintable(f.error.message));
            return;
        }
        QVERIFY2(f.error.message.contains(expected), qPrintable(f.error.message));
        QVERIFY(f.body.size() <= 64 * 1024 + 16 * 1024); // nothing much past the cap is kept
    }
};

QTEST_GUILESS_MAIN(TstKubeClient)
#include "tst_kubeclient.moc"
