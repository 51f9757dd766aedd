// The components manifest of a Flux version: checked as one (what a failure names), and fetched
// from a flux CLI on PATH (a fake script), from a release's install.yaml on a local HTTP server
// (checksums, 404, size cap, cancel), or from a file.

#include "flux/componentsmanifest.h"
#include "flux/componentssource.h"
#include "fluxcomponentsfixture.h"
#include "testfiles.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QPointer>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Fluxdesk;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// A tiny HTTP/1.1 server: path -> (status, body); a path marked `hang` is never answered.
class HttpServer : public QObject
{
public:
    struct Route
    {
        int status = 200;
        QByteArray body;
        bool hang = false;
    };
    HttpServer()
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    QUrl base() const
    {
        return QUrl(
            QStringLiteral("http://127.0.0.1:%1/releases/download").arg(m_server.serverPort()));
    }
    QHash<QString, Route> routes;
    QStringList requested;

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        if (!buffer.contains("\r\n\r\n"))
            return;
        const QList<QByteArray> line = buffer.left(buffer.indexOf("\r\n")).split(' ');
        const QString path = QString::fromUtf8(line.value(1));
        requested.append(path);
        m_buffers.remove(socket);
        const Route route = routes.value(path, Route{404, "Not Found"});
        if (route.hang)
            return;
        const QByteArray reason = route.status == 200 ? "OK" : "Not Found";
        socket->write("HTTP/1.1 " + QByteArray::number(route.status) + ' ' + reason +
                      "\r\nContent-Type: application/octet-stream\r\nContent-Length: " +
                      QByteArray::number(route.body.size()) + "\r\nConnection: close\r\n\r\n" +
                      route.body);
        socket->disconnectFromHost();
    }
    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

// The release v2.4.0 on server: install.yaml and a checksums file that lists it with checksum.
void publish(HttpServer &server, const QByteArray &install, const QByteArray &checksum)
{
    server.routes.insert(s("/releases/download/v2.4.0/install.yaml"), {200, install, false});
    server.routes.insert(s("/releases/download/v2.4.0/flux_2.4.0_checksums.txt"),
                         {200,
                          "0123abcd  flux_2.4.0_linux_amd64.tar.gz\n" + checksum +
                              "  install.yaml\nfeed  manifests.tar.gz\n",
                          false});
}

bool waitFinished(QSignalSpy &spy, int ms = 20000)
{
    return !spy.isEmpty() || spy.wait(ms);
}

// A fake `flux` in dir: script is its body (sh).
QString fakeFlux(const QTemporaryDir &dir, const QByteArray &script)
{
    const QString path = dir.filePath(s("flux"));
    if (!TestFiles::writeFile(path, "#!/bin/sh\n" + script))
        return {};
    QFile::setPermissions(path,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return path;
}

} // namespace

class TestComponentsManifest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void check_data();
    void check();
    void checkKeepsTheDocuments();
    void downloadVerified();
    void downloadBadChecksum();
    void downloadUnlistedIsCheckedByContent();
    void download404();
    void downloadOversize();
    void downloadNotAFluxManifest();
    void downloadCancel();
    void newRequestSupersedes();
    void cliExports();
    void cliFails();
    void cliHangsAndTimesOut();
    void cliCancelStopsTheProcess();
    void cliMissing();
    void fileWithYamlError();
    void fileGood();
};

void TestComponentsManifest::check_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expectedVersion");
    QTest::addColumn<QString>("error"); // "" when it passes; else a part of "FILE:LINE:COL: ..."
    const QByteArray good = Testing::fluxComponentsYaml();
    QTest::addRow("exported") << good << s("2.4.0") << QString();
    QTest::addRow("release install.yaml")
        << Testing::fluxComponentsYaml(s("v2.4.0"), false) << s("v2.4.0") << QString();
    QTest::addRow("other version") << good << s("2.3.0")
                                   << s("m.yaml:3:1: this is the components manifest of Flux "
                                        "v2.4.0, not of v2.3.0");
    QByteArray broken = good;
    broken.replace("  name: flux-system\n", "  name: [flux-system\n");
    QTest::addRow("yaml error") << broken << QString() << s("m.yaml:");
    QByteArray noNamespace = good;
    noNamespace.replace("kind: Namespace", "kind: ConfigMap");
    QTest::addRow("no namespace") << noNamespace << QString() << s("no Namespace flux-system");
    QTest::addRow("no kustomize-controller")
        << Testing::fluxComponentsYaml(s("v2.4.0"), true, {s("source-controller")}) << QString()
        << s("no Deployment kustomize-controller");
    QByteArray noCrd = good;
    noCrd.replace("name: helmreleases.helm.toolkit.fluxcd.io", "name: other.example.com");
    QTest::addRow("missing CRD") << noCrd << QString()
                                 << s("installs helm-controller but not its "
                                      "CustomResourceDefinition helmreleases");
    QTest::addRow("config map") << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n"
                                              "  name: a\n")
                                << QString() << s("not a Flux components manifest");
    QTest::addRow("not objects") << QByteArray("---\nfoo: bar\n---\n- 1\n") << QString()
                                 << s("m.yaml:2:1: not a Flux components manifest");
    QTest::addRow("html") << QByteArray("<html><body>Sign in</body></html>\n") << QString()
                          << s("not a Flux components manifest");
    QTest::addRow("empty") << QByteArray("\n") << QString() << s("it is empty");
}

void TestComponentsManifest::check()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expectedVersion);
    QFETCH(QString, error);
    const Result<ComponentsManifest> manifest =
        checkComponentsManifest(text, s("m.yaml"), expectedVersion);
    if (error.isEmpty()) {
        QVERIFY2(manifest.ok(), qPrintable(manifest.error().toString()));
        QCOMPARE(manifest->version, s("v2.4.0"));
    } else {
        QVERIFY(!manifest);
        QVERIFY2(manifest.error().toString().contains(error),
                 qPrintable(manifest.error().toString()));
        QCOMPARE(manifest.error().file, s("m.yaml"));
    }
}

void TestComponentsManifest::checkKeepsTheDocuments()
{
    const QByteArray text = Testing::fluxComponentsYaml();
    const Result<ComponentsManifest> manifest = checkComponentsManifest(text, s("m.yaml"));
    QVERIFY(manifest.ok());
    QCOMPARE(manifest->components,
             QStringList({s("source-controller"), s("kustomize-controller"), s("helm-controller"),
                          s("notification-controller")}));
    // Namespace, 10 CRDs, 4 ServiceAccounts, 4 Deployments.
    QCOMPARE(manifest->documents.size(), 19);
    QCOMPARE(manifest->documents.constFirst().value[QLatin1String("kind")].toString(),
             s("Namespace"));
    QCOMPARE(manifest->text, text);
}

void TestComponentsManifest::downloadVerified()
{
    HttpServer server;
    const QByteArray install = Testing::fluxComponentsYaml(s("v2.4.0"), false);
    publish(server, install, sha256(install));
    ComponentsSource source;
    source.setReleaseBaseUrl(server.base());
    QSignalSpy finished(&source, &ComponentsSource::finished);
    QSignalSpy progress(&source, &ComponentsSource::progress);
    source.download(s("2.4.0"));
    QVERIFY(source.isBusy());
    QVERIFY(waitFinished(finished));
    QCOMPARE(finished.size(), 1);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(source.error().toString()));
    QVERIFY(!source.isBusy());
    QVERIFY(source.manifest()->checksumVerified);
    QCOMPARE(source.manifest()->text, install);
    QCOMPARE(source.manifest()->version, s("v2.4.0"));
    QVERIFY(source.manifest()->origin.endsWith(s("/v2.4.0/install.yaml")));
    QVERIFY(!progress.isEmpty());
    QCOMPARE(server.requested, QStringList({s("/releases/download/v2.4.0/flux_2.4.0_checksums.txt"),
                                            s("/releases/download/v2.4.0/install.yaml")}));
}

void TestComponentsManifest::downloadBadChecksum()
{
    HttpServer server;
    const QByteArray install = Testing::fluxComponentsYaml(s("v2.4.0"), false);
    publish(server, install, sha256("something else"));
    ComponentsSource source;
    source.setReleaseBaseUrl(server.base());
    QSignalSpy finished(&source, &ComponentsSource::finished);
    source.download(s("v2.4.0"));
    QVERIFY(waitFinished(finished));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY(!source.manifest());
    const QString message = source.error().toString();
    QVERIFY2(message.contains(s("sha256")) &&
                 message.contains(QString::fromLatin1(sha256(install))),
             qPrintable(message));
    QVERIFY2(message.contains(s("install.yaml")), qPrintable(message));
}

void TestComponentsManifest::downloadUnlistedIsCheckedByContent()
{
    HttpServer server;
    const QByteArray install = Testing::fluxComponentsYaml(s("v2.4.0"), false);
    publish(server, install, {});
    server.routes[s("/releases/download/v2.4.0/flux_2.4.0_checksums.txt")].body =
        "0123abcd  flux_2.4.0_linux_amd64.tar.gz\n";
    ComponentsSource source;
    source.setReleaseBaseUrl(server.base());
    QSignalSpy finished(&source, &ComponentsSource::finished);
    source.download(s("2.4.0"));
    QVERIFY(waitFinished(finished));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(source.error().toString()));
    QVERIFY(!source.manifest()->checksumVerified);
}

void TestComponentsManifest::download404()
{
    HttpServer server;
    publish(server, {}, sha256({}));
    server.routes[s("/releases/download/v2.4.0/install.yaml")] = {404, "Not Found", false};
    ComponentsSource source;
    source.setReleaseBaseUrl(server.base());
    QSignalSpy finished(&source, &ComponentsSource::finished);
    source.download(s("2.4.0"));
    QVERIFY(waitFinished(finished));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    const Error error = source.error();
    QVERIFY2(error.message.contains(s("HTTP 404 Not Found: Not Found")), qPrintable(error.message));
    QVERIFY(error.file.endsWith(s("/v2.4.0/install.yaml")));

    // A version that was never released: its checksums are not found either.
    source.download(s("9.9.9"));
    QVERIFY(finished.wait(20000));
    QVERIFY2(source.error().message.contains(s("checksums of Flux v9.9.9")) &&
                 source.error().message.contains(s("404")),
             qPrintable(source.error().toString()));
}

void TestComponentsManifest::downloadOversize()
{
    HttpServer server;
    const QByteArray install = Testing::fluxComponentsYaml(s("v2.4.0"), false);
    publish(server, install, sha256(install));
    ComponentsSource source;
    source.setReleaseBaseUrl(server.base());
    source.setMaxBytes(2 * 1024 * 1024);
    server.routes[s("/releases/download/v2.4.0/install.yaml")].body =
        install + QByteArray(3 * 1024 * 1024, '#');
    QSignalSpy finished(&source, &ComponentsSource::finished);
    source.download(s("2.4.0"));
    QVERIFY(waitFinished(finished));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY2(source.error().message.contains(s("larger than 2 MB")),
             qPrintable(source.error().message));
}

void TestComponentsManifest::downloadNotAFluxManifest()
{
    HttpServer server;
    const QByteArray page = "<!DOCTYPE html>\n<html>\n<title>Sign in</title>\n</html>\n";
    publish(server, page, sha256(page));
    ComponentsSource source;
    source.setReleaseBaseUrl(server.base());
    QSignalSpy finished(&source, &ComponentsSource::finished);
    source.download(s("2.4.0"));
    QVERIFY(waitFinished(finished));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY2(source.error().message.contains(s("not a Flux components manifest")),
             qPrintable(source.error().toString()));
    QVERIFY(source.error().file.endsWith(s("install.yaml")));
}

void TestComponentsManifest::downloadCancel()
{
    HttpServer server;
    const QByteArray install = Testing::fluxComponentsYaml(s("v2.4.0"), false);
    publish(server, install, sha256(install));
    server.routes[s("/releases/download/v2.4.0/install.yaml")].hang = true;
    ComponentsSource source;
    source.setReleaseBaseUrl(server.base());
    QSignalSpy finished(&source, &ComponentsSource::finished);
    source.download(s("2.4.0"));
    QTRY_COMPARE(server.requested.size(), 2);
    source.cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY(source.wasCanceled());
    QVERIFY(!source.isBusy());
    QCOMPARE(source.error().message, s("cancelled"));
    QTest::qWait(200); // nothing else arrives
    QCOMPARE(finished.size(), 1);
}

void TestComponentsManifest::newRequestSupersedes()
{
    HttpServer server;
    const QByteArray install = Testing::fluxComponentsYaml(s("v2.4.0"), false);
    publish(server, install, sha256(install));
    server.routes[s("/releases/download/v2.4.0/install.yaml")].hang = true;
    QTemporaryDir dir;
    const QString file = dir.filePath(s("mine.yaml"));
    QVERIFY(TestFiles::writeFile(file, Testing::fluxComponentsYaml(s("v2.3.0"))));
    ComponentsSource source;
    source.setReleaseBaseUrl(server.base());
    QSignalSpy finished(&source, &ComponentsSource::finished);
    source.download(s("2.4.0"));
    QTRY_COMPARE(server.requested.size(), 2);
    source.fromFile(file);
    QVERIFY(waitFinished(finished));
    QTest::qWait(200);
    QCOMPARE(finished.size(), 1);
    QVERIFY(finished.at(0).at(0).toBool());
    QCOMPARE(source.manifest()->version, s("v2.3.0"));
    QCOMPARE(source.manifest()->origin, file);
}

void TestComponentsManifest::cliExports()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(TestFiles::writeFile(dir.filePath(s("out.yaml")), Testing::fluxComponentsYaml()));
    const QString flux =
        fakeFlux(dir, "echo \"$@\" > '" + dir.filePath(s("args")).toUtf8() + "'\nexec cat '" +
                          dir.filePath(s("out.yaml")).toUtf8() + "'\n");
    ComponentsSource source;
    source.setFluxProgram(flux);
    QSignalSpy finished(&source, &ComponentsSource::finished);
    source.fromCli(s("2.4.0"), {s("source-controller"), s("kustomize-controller")});
    QVERIFY(waitFinished(finished));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(source.error().toString()));
    QCOMPARE(TestFiles::readFile(dir.filePath(s("args"))),
             QByteArray("install --export --version=v2.4.0 "
                        "--components=source-controller,kustomize-controller\n"));
    QCOMPARE(source.manifest()->version, s("v2.4.0"));
    QVERIFY(!source.manifest()->checksumVerified);

    // A CLI that prints another version than asked is refused.
    source.fromCli(s("2.5.0"), {s("source-controller"), s("kustomize-controller")});
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.at(1).at(0).toBool(), false);
    QVERIFY2(source.error().toString().contains(s("not of v2.5.0")),
             qPrintable(source.error().toString()));
}

void TestComponentsManifest::cliFails()
{
    QTemporaryDir dir;
    const QString flux = fakeFlux(
        dir,
        "echo 'Error: install failed: GET https://github.com/...: 403 rate limit' >&2\nexit 3\n");
    ComponentsSource source;
    source.setFluxProgram(flux);
    QSignalSpy finished(&source, &ComponentsSource::finished);
    source.fromCli(s("2.4.0"), {s("source-controller")});
    QVERIFY(waitFinished(finished));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    const QString message = source.error().message;
    QVERIFY2(message.contains(s("exit code 3")) && message.contains(s("403 rate limit")) &&
                 message.contains(s("flux install --export --version=v2.4.0")),
             qPrintable(message));
    // The ended process is not kept for the life of the window.
    QTRY_VERIFY(source.findChildren<QProcess *>().isEmpty());
}

void TestComponentsManifest::cliHangsAndTimesOut()
{
    QTemporaryDir dir;
    const QString flux = fakeFlux(dir, "exec sleep 60\n");
    ComponentsSource source;
    source.setFluxProgram(flux);
    source.setTimeoutMs(500);
    QSignalSpy finished(&source, &ComponentsSource::finished);
    QElapsedTimer timer;
    timer.start();
    source.fromCli(s("2.4.0"), {s("source-controller")});
    QVERIFY(waitFinished(finished));
    QVERIFY(timer.elapsed() < 10000);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY2(source.error().message.contains(s("did not finish within 0.5 s")),
             qPrintable(source.error().message));
}

void TestComponentsManifest::cliCancelStopsTheProcess()
{
    QTemporaryDir dir;
    const QString pidFile = dir.filePath(s("pid"));
    const QString flux = fakeFlux(dir, "echo $$ > '" + pidFile.toUtf8() + "'\nexec sleep 60\n");
    ComponentsSource source;
    source.setFluxProgram(flux);
    QSignalSpy finished(&source, &ComponentsSource::finished);
    source.fromCli(s("2.4.0"), {s("source-controller")});
    QTRY_VERIFY(!TestFiles::readFile(pidFile).trimmed().isEmpty());
    const QString proc = s("/proc/") + QString::fromUtf8(TestFiles::readFile(pidFile).trimmed());
    QVERIFY(QFileInfo::exists(proc));
    source.cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY(source.wasCanceled());
    QCOMPARE(source.error().message, s("cancelled"));
    // Killed, and reaped once it ended (no zombie left for the life of the window).
    QTRY_VERIFY(!QFileInfo::exists(proc));
    QTest::qWait(100);
    QCOMPARE(finished.size(), 1);
}

void TestComponentsManifest::cliMissing()
{
    ComponentsSource source;
    source.setFluxProgram(s("/nonexistent/flux"));
    QSignalSpy finished(&source, &ComponentsSource::finished);
    source.fromCli(s("2.4.0"), {s("source-controller")});
    QCOMPARE(finished.size(), 0); // reported from the event loop, never inside the call
    QVERIFY(waitFinished(finished));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY2(source.error().message.contains(s("cannot run /nonexistent/flux")),
             qPrintable(source.error().message));
    source.fromCli(s("2.4; rm -rf /"), {s("source-controller")});
    QVERIFY(finished.wait(5000));
    QVERIFY(source.error().message.contains(s("is not a Flux version")));
}

void TestComponentsManifest::fileWithYamlError()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(s("components.yaml"));
    QByteArray text = Testing::fluxComponentsYaml();
    text.replace("  replicas: 1\n", "  replicas: 1\n   bad: [\n");
    QVERIFY(TestFiles::writeFile(file, text));
    ComponentsSource source;
    QSignalSpy finished(&source, &ComponentsSource::finished);
    source.fromFile(file);
    QVERIFY(waitFinished(finished));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    const Error error = source.error();
    QCOMPARE(error.file, file);
    QVERIFY2(error.line > 0 && error.column > 0, qPrintable(error.toString()));
    const int badLine = int(text.left(text.indexOf("   bad: [")).count('\n')) + 1;
    QVERIFY2(qAbs(error.line - badLine) <= 1, qPrintable(error.toString()));

    source.fromFile(dir.filePath(s("missing.yaml")));
    QVERIFY(finished.wait(5000));
    QVERIFY2(source.error().toString().startsWith(dir.filePath(s("missing.yaml"))),
             qPrintable(source.error().toString()));
}

void TestComponentsManifest::fileGood()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(s("components.yaml"));
    QVERIFY(TestFiles::writeFile(file, Testing::fluxComponentsYaml(s("v2.4.1"))));
    ComponentsSource source;
    QSignalSpy finished(&source, &ComponentsSource::finished);
    source.fromFile(file);
    QVERIFY(waitFinished(finished));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(source.error().toString()));
    QCOMPARE(source.manifest()->version, s("v2.4.1"));
}

QTEST_GUILESS_MAIN(TestComponentsManifest)
#include "tst_componentsmanifest.moc"
