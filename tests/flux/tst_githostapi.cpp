// Adding the deploy key through a Git host's API (GitHub, Gitea/Forgejo) against a fake host
// started by the test: the request's path, headers and JSON body; the 201, 401, 404 and 422
// answers in the server's words; the token in no message. And the remote URL parsing and the
// addresses derived from it.
#include "fakegithost.h"

#include "flux/githostapi.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

Q_DECLARE_METATYPE(Fluxdesk::GitHostKind)

namespace {

const QString Token = QStringLiteral("ghp_S3cretTokenValue1234567890abcdef");
const QString PublicKey =
    QStringLiteral("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG5lnhKxYk0pZ0LZ1lWKd0v1K0Yp5m7cRZ9r5c8"
                   "3cQeP flux");

GitRemoteAddress address(const QString &url)
{
    const Result<GitRemoteAddress> parsed = parseGitRemoteAddress(url);
    return parsed ? *parsed : GitRemoteAddress{};
}

} // namespace

class TestGitHostApi : public QObject
{
    Q_OBJECT

private:
    // Sends the request and waits for its one answer.
    static std::optional<Result<DeployKeyAdded>> send(GitHostApi &api,
                                                      const DeployKeyRequest &request)
    {
        std::optional<Result<DeployKeyAdded>> result;
        int calls = 0;
        api.addDeployKey(request, [&](Result<DeployKeyAdded> answer) {
            ++calls;
            result = std::move(answer);
        });
        if (!QTest::qWaitFor([&calls]() { return calls > 0; }, 15000))
            return std::nullopt;
        QTest::qWait(20); // a second answer would come now
        if (calls != 1)
            return std::nullopt;
        return result;
    }

private Q_SLOTS:
    void parsesRemotes_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("ssh");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("owner");
        QTest::addColumn<QString>("repo");
        QTest::addRow("scp-like") << "git@github.com:fleet-org/home-lab.git" << true << "github.com"
                                  << 22 << ""
                                  << "fleet-org"
                                  << "home-lab";
        QTest::addRow("scp-like no user") << "github.com:o/r" << true << "github.com" << 22 << ""
                                          << "o"
                                          << "r";
        QTest::addRow("ssh port") << "ssh://git@gitea.lan:2222/ops/fleet.git" << true << "gitea.lan"
                                  << 2222 << ""
                                  << "ops"
                                  << "fleet";
        QTest::addRow("ssh groups")
            << "ssh://git@gitlab.lan/group/sub/fleet.git" << true << "gitlab.lan" << 22 << ""
            << "group/sub"
            << "fleet";
        QTest::addRow("https") << "https://github.com/o/r.git" << false << "github.com" << 443 << ""
                               << "o"
                               << "r";
        QTest::addRow("https trailing slash")
            << "https://github.com/o/r/" << false << "github.com" << 443 << ""
            << "o"
            << "r";
        QTest::addRow("https port and sub-path")
            << "https://user@git.example.org:3000/gitea/ops/fleet.git" << false << "git.example.org"
            << 3000 << "gitea"
            << "ops"
            << "fleet";
    }
    void parsesRemotes()
    {
        QFETCH(QString, url);
        QFETCH(bool, ssh);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, base);
        QFETCH(QString, owner);
        QFETCH(QString, repo);
        const Result<GitRemoteAddress> parsed = parseGitRemoteAddress(url);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().message));
        QCOMPARE(parsed->isSsh(), ssh);
        QCOMPARE(parsed->host, host);
        QCOMPARE(parsed->effectivePort(), port);
        QCOMPARE(parsed->basePath, base);
        QCOMPARE(parsed->owner, owner);
        QCOMPARE(parsed->repository, repo);
    }

    void refusesOtherRemotes_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addRow("local path") << "/srv/git/fleet.git";
        QTest::addRow("relative path") << "../fleet";
        QTest::addRow("file") << "file:///srv/git/fleet.git";
        QTest::addRow("no owner") << "git@github.com:fleet.git";
        QTest::addRow("ftp") << "ftp://example.org/o/r.git";
        QTest::addRow("password") << "https://me:hunter22@example.org/r";
    }
    void refusesOtherRemotes()
    {
        QFETCH(QString, url);
        const Result<GitRemoteAddress> parsed = parseGitRemoteAddress(url);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().message.contains(QLatin1String("owner/repository")),
                 qPrintable(parsed.error().message));
        QVERIFY(!parsed.error().message.contains(QLatin1String("hunter22")));
    }

    void addresses_data()
    {
        QTest::addColumn<GitHostKind>("kind");
        QTest::addColumn<QString>("remote");
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("page");
        QTest::addRow("github.com") << GitHostKind::GitHub << "git@github.com:o/r.git"
                                    << "https://api.github.com/repos/o/r/keys"
                                    << "https://github.com/o/r/settings/keys";
        QTest::addRow("github enterprise") << GitHostKind::GitHub << "https://ghe.corp/o/r.git"
                                           << "https://ghe.corp/api/v3/repos/o/r/keys"
                                           << "https://ghe.corp/o/r/settings/keys";
        QTest::addRow("gitea ssh") << GitHostKind::Gitea << "ssh://git@gitea.lan:2222/o/r.git"
                                   << "https://gitea.lan/api/v1/repos/o/r/keys"
                                   << "https://gitea.lan/o/r/settings/keys";
        QTest::addRow("gitea https port sub-path")
            << GitHostKind::Gitea << "https://gitea.lan:3000/git/o/r.git"
            << "https://gitea.lan:3000/git/api/v1/repos/o/r/keys"
            << "https://gitea.lan:3000/git/o/r/settings/keys";
    }
    void addresses()
    {
        QFETCH(GitHostKind, kind);
        QFETCH(QString, remote);
        QFETCH(QString, endpoint);
        QFETCH(QString, page);
        const GitRemoteAddress repository = address(remote);
        QCOMPARE(
            GitHostApi::deployKeysEndpoint(GitHostApi::defaultApiBase(kind, repository), repository)
                .toString(),
            endpoint);
        QCOMPARE(GitHostApi::deployKeysPage(kind, repository).toString(), page);
    }

    void addsDeployKey_data()
    {
        QTest::addColumn<GitHostKind>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<QStringList>("expected"); // in the message; empty: success
        QTest::addRow("github 201")
            << GitHostKind::GitHub << 201
            << QByteArray(
                   "{\"id\":7,\"key\":\"ssh-ed25519 AAAA\",\"title\":\"flux\",\"read_only\":true}")
            << QStringList();
        QTest::addRow("github 422 in use")
            << GitHostKind::GitHub << 422
            << QByteArray(
                   "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"PublicKey\","
                   "\"code\":\"custom\",\"field\":\"key\",\"message\":\"key is already in use\"}],"
                   "\"documentation_url\":\"https://docs.github.com/rest\"}")
            << QStringList{QStringLiteral("HTTP 422"), QStringLiteral("key is already in use"),
                           QStringLiteral("/fleet-org/home-lab/settings/keys")};
        QTest::addRow("github 401")
            << GitHostKind::GitHub << 401
            << QByteArray("{\"message\":\"Bad credentials\",\"documentation_url\":\"x\"}")
            << QStringList{QStringLiteral("HTTP 401"), QStringLiteral("Bad credentials"),
                           QStringLiteral("admin rights")};
        QTest::addRow("github 404")
            << GitHostKind::GitHub << 404 << QByteArray("{\"message\":\"Not Found\"}")
            << QStringList{QStringLiteral("HTTP 404"), QStringLiteral("Not Found"),
                           QStringLiteral("fleet-org/home-lab")};
        QTest::addRow("gitea 201")
            << GitHostKind::Gitea << 201 << QByteArray("{\"id\":12,\"fingerprint\":\"SHA256:x\"}")
            << QStringList();
        QTest::addRow("gitea 422 in use")
            << GitHostKind::Gitea << 422
            << QByteArray("{\"message\":\"Key content has been used as non-deploy key\","
                          "\"url\":\"https://gitea.lan/api/swagger\"}")
            << QStringList{QStringLiteral("HTTP 422"),
                           QStringLiteral("Key content has been used as non-deploy key")};
        // A server that echoes what it was sent must not make the token visible.
        QTest::addRow("gitea 401 echoing the token")
            << GitHostKind::Gitea << 401
            << (QByteArray("{\"message\":\"invalid token ") + Token.toUtf8() + "\"}")
            << QStringList{QStringLiteral("HTTP 401"), QStringLiteral("invalid token ***")};
        QTest::addRow("gitea 404")
            << GitHostKind::Gitea << 404 << QByteArray("not json at all")
            << QStringList{QStringLiteral("HTTP 404"), QStringLiteral("not json at all")};
    }
    void addsDeployKey()
    {
        QFETCH(GitHostKind, kind);
        QFETCH(int, status);
        QFETCH(QByteArray, answer);
        QFETCH(QStringList, expected);
        FakeGitHost host;
        QVERIFY(host.listen());
        host.answer(status, answer);
        const bool github = kind == GitHostKind::GitHub;
        DeployKeyRequest request;
        request.kind = kind;
        request.repository = address(QStringLiteral("git@git.lan:fleet-org/home-lab.git"));
        request.apiBase =
            QUrl(host.baseUrl() + (github ? QStringLiteral("/api/v3") : QStringLiteral("/api/v1")));
        request.title = QStringLiteral("flux-system-home");
        request.publicKey = PublicKey + QLatin1Char('\n');
        request.token = Token;
        GitHostApi api;
        const std::optional<Result<DeployKeyAdded>> result = send(api, request);
        QVERIFY(result.has_value());
        QVERIFY(!api.isBusy());

        QCOMPARE(host.requests.size(), 1);
        const FakeGitHost::Request &sent = host.requests.first();
        QCOMPARE(sent.method, QByteArray("POST"));
        QCOMPARE(sent.path, github ? QByteArray("/api/v3/repos/fleet-org/home-lab/keys")
                                   : QByteArray("/api/v1/repos/fleet-org/home-lab/keys"));
        QCOMPARE(sent.headers.value("authorization"),
                 (github ? QByteArray("Bearer ") : QByteArray("token ")) + Token.toUtf8());
        QCOMPARE(sent.headers.value("accept"), github ? QByteArray("application/vnd.github+json")
                                                      : QByteArray("application/json"));
        QCOMPARE(sent.headers.value("x-github-api-version"),
                 github ? QByteArray("2022-11-28") : QByteArray());
        QVERIFY(sent.headers.value("content-type").startsWith("application/json"));
        QVERIFY(!sent.headers.value("user-agent").isEmpty());
        const QJsonObject body = QJsonDocument::fromJson(sent.body).object();
        QCOMPARE(body.size(), 3);
        QCOMPARE(body.value(QLatin1String("title")).toString(), QStringLiteral("flux-system-home"));
        QCOMPARE(body.value(QLatin1String("key")).toString(), PublicKey);
        QCOMPARE(body.value(QLatin1String("read_only")), QJsonValue(true));

        if (expected.isEmpty()) {
            QVERIFY2(result->ok(), qPrintable(result->error().message));
            QCOMPARE((*result)->id, qint64(github ? 7 : 12));
            QCOMPARE((*result)->keysPage.toString(),
                     QStringLiteral("https://git.lan/fleet-org/home-lab/settings/keys"));
            return;
        }
        QVERIFY(!result->ok());
        const QString message = result->error().message;
        for (const QString &part : expected)
            QVERIFY2(message.contains(part), qPrintable(message));
        QVERIFY2(!message.contains(Token), qPrintable(message));
        QVERIFY(message.contains(github ? QLatin1String("GitHub") : QLatin1String("Gitea")));
    }

    void refusesPlainHttpToAnotherHost()
    {
        DeployKeyRequest request;
        request.kind = GitHostKind::Gitea;
        request.repository = address(QStringLiteral("http://gitea.lan/o/r.git"));
        request.apiBase = QUrl(QStringLiteral("http://gitea.lan/api/v1"));
        request.publicKey = PublicKey;
        request.token = Token;
        GitHostApi api;
        const std::optional<Result<DeployKeyAdded>> result = send(api, request);
        QVERIFY(result.has_value());
        QVERIFY(!result->ok());
        QVERIFY2(result->error().message.contains(QLatin1String("HTTPS")),
                 qPrintable(result->error().message));
        QVERIFY(!result->error().message.contains(Token));
        // The default API address of an http:// remote is HTTPS all the same.
        QCOMPARE(GitHostApi::defaultApiBase(GitHostKind::Gitea, request.repository).scheme(),
                 QStringLiteral("https"));
    }

    void refusesMissingToken()
    {
        DeployKeyRequest request;
        request.repository = address(QStringLiteral("git@github.com:o/r.git"));
        request.publicKey = PublicKey;
        GitHostApi api;
        const std::optional<Result<DeployKeyAdded>> result = send(api, request);
        QVERIFY(result.has_value());
        QVERIFY(!result->ok());
        QVERIFY2(
            result->error().message.contains(QLatin1String("https://github.com/o/r/settings/keys")),
            qPrintable(result->error().message));
    }

    // A redirect is not followed: the token would go to wherever it points.
    void doesNotFollowRedirects()
    {
        FakeGitHost host;
        QVERIFY(host.listen());
        FakeGitHost elsewhere;
        QVERIFY(elsewhere.listen());
        host.answer(307, QByteArray(),
                    "Location: " + elsewhere.baseUrl().toUtf8() + "/api/v1/repos/o/r/keys\r\n");
        DeployKeyRequest request;
        request.kind = GitHostKind::Gitea;
        request.repository = address(QStringLiteral("git@gitea.lan:o/r.git"));
        request.apiBase = QUrl(host.baseUrl() + QStringLiteral("/api/v1"));
        request.publicKey = PublicKey;
        request.token = Token;
        GitHostApi api;
        const std::optional<Result<DeployKeyAdded>> result = send(api, request);
        QVERIFY(result.has_value());
        QVERIFY(!result->ok());
        QVERIFY2(result->error().message.contains(QLatin1String("redirect")),
                 qPrintable(result->error().message));
        QCOMPARE(host.requests.size(), 1);
        QCOMPARE(elsewhere.requests.size(), 0);
    }

    void cancel()
    {
        FakeGitHost host;
        QVERIFY(host.listen());
        host.setStalled(true);
        DeployKeyRequest request;
        request.repository = address(QStringLiteral("git@github.com:o/r.git"));
        request.apiBase = QUrl(host.baseUrl());
        request.publicKey = PublicKey;
        request.token = Token;
        GitHostApi api;
        QSignalSpy received(&host, &FakeGitHost::requestReceived);
        int calls = 0;
        QString message;
        api.addDeployKey(request, [&](Result<DeployKeyAdded> answer) {
            ++calls;
            message = answer.ok() ? QString() : answer.error().message;
        });
        QVERIFY(api.isBusy());
        QVERIFY(received.wait(10000));
        api.cancel();
        QCOMPARE(calls, 1);
        QCOMPARE(message, QStringLiteral("Cancelled."));
        QVERIFY(!api.isBusy());
        QTest::qWait(50);
        QCOMPARE(calls, 1);
    }
};

QTEST_GUILESS_MAIN(TestGitHostApi)
#include "tst_githostapi.moc"
