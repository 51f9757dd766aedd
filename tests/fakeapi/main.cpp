// fake-kube-apiserver: the test fake as a standalone process, for manual runs, kubectl and
// benchmarks outside QtTest.
#include "fakeapiserver.h"
#include "manifest/yamljson.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <cstdio>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

std::atomic<bool> g_stop{false};

void onSignal(int)
{
    g_stop = true; // only async-signal-safe work here; a timer notices it
}

void appendObjects(const QJsonValue &value, QList<QJsonObject> *out)
{
    const QJsonObject object = value.toObject();
    if (object.value(QLatin1String("items")).isArray() &&
        object.value(QLatin1String("kind")).toString().endsWith(QLatin1String("List"))) {
        const QJsonArray items = object.value(QLatin1String("items")).toArray();
        for (const QJsonValue &item : items)
            appendObjects(item, out);
    } else if (!object.isEmpty()) {
        out->append(object);
    }
}

int fail(const QString &message)
{
    std::fprintf(stderr, "fake-kube-apiserver: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fake-kube-apiserver"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A fake Kubernetes API server on 127.0.0.1 for Fluxdesk tests."));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("Port to listen on (0: a free one)."),
                                        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption plainOption(QStringLiteral("plain"),
                                         QStringLiteral("Serve plain HTTP instead of TLS."));
    const QCommandLineOption pkiOption(
        QStringLiteral("pki-dir"),
        QStringLiteral("Generate the test certificates into DIR (default: a temporary folder)."),
        QStringLiteral("DIR"));
    const QCommandLineOption objectsOption(
        QStringLiteral("objects"), QStringLiteral("Serve the objects of a List in JSON or YAML."),
        QStringLiteral("FILE"));
    const QCommandLineOption generateOption(
        QStringLiteral("generate"), QStringLiteral("Serve a synthetic cluster of N objects."),
        QStringLiteral("N"));
    const QCommandLineOption latencyOption(QStringLiteral("latency"),
                                           QStringLiteral("Delay every response by MS."),
                                           QStringLiteral("MS"), QStringLiteral("0"));
    const QCommandLineOption tokenOption(
        QStringLiteral("token"), QStringLiteral("Accept this bearer token."), QStringLiteral("T"));
    const QCommandLineOption kubeconfigOption(
        QStringLiteral("kubeconfig-out"),
        QStringLiteral("Write a kubeconfig for this server (token when --token is given, else "
                       "the client certificate)."),
        QStringLiteral("PATH"));
    const QCommandLineOption faultOption(
        QStringLiteral("fault"),
        QStringLiteral(
            "Inject a fault for paths starting with PREFIX: PREFIX=status:CODE[:MESSAGE], "
            "PREFIX=delay:MS, PREFIX=reset, PREFIX=malformed, PREFIX=repeat-continue, "
            "PREFIX=oversized:BYTES, PREFIX=trickle:MS or PREFIX=expired-continue[:TIMES]. "
            "Repeatable."),
        QStringLiteral("RULE"));
    parser.addOptions({portOption, plainOption, pkiOption, objectsOption, generateOption,
                       latencyOption, tokenOption, kubeconfigOption, faultOption});
    parser.process(app);

    QList<QJsonObject> objects;
    if (parser.isSet(objectsOption)) {
        const QString path = parser.value(objectsOption);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read ") + path);
        const auto documents = parseYamlDocuments(file.readAll(), path);
        if (!documents)
            return fail(documents.error().toString());
        for (const YamlDocument &document : documents.value())
            appendObjects(document.value, &objects);
    }
    if (parser.isSet(generateOption))
        objects += generateCluster(parser.value(generateOption).toInt());

    FakeApiServer::Options options;
    options.tls = !parser.isSet(plainOption);
    options.token = parser.value(tokenOption);
    options.latencyMs = parser.value(latencyOption).toInt();
    QTemporaryDir temporaryPki;
    TestPki pki;
    if (options.tls) {
        const QString dir = parser.isSet(pkiOption) ? parser.value(pkiOption) : temporaryPki.path();
        pki = TestPki::generate(dir);
        if (!pki.ok())
            return fail(pki.error);
        options.certFile = pki.serverCert;
        options.keyFile = pki.serverKey;
        options.clientCaFile = pki.caCert;
    }

    FakeApiServer server(options);
    server.setObjects(objects);
    const QStringList faultRules = parser.values(faultOption);
    for (const QString &text : faultRules) {
        FakeApiServer::FaultRule rule;
        rule.pathPrefix = text.section(QLatin1Char('='), 0, 0);
        const QString spec = text.section(QLatin1Char('='), 1);
        const QString kind = spec.section(QLatin1Char(':'), 0, 0);
        if (kind == QLatin1String("status")) {
            rule.fault = FakeApiServer::Fault::Status;
            rule.status = spec.section(QLatin1Char(':'), 1, 1).toInt();
            rule.message = spec.section(QLatin1Char(':'), 2);
        } else if (kind == QLatin1String("delay")) {
            rule.fault = FakeApiServer::Fault::Delay;
            rule.delayMs = spec.section(QLatin1Char(':'), 1, 1).toInt();
        } else if (kind == QLatin1String("reset")) {
            rule.fault = FakeApiServer::Fault::ResetMidBody;
        } else if (kind == QLatin1String("malformed")) {
            rule.fault = FakeApiServer::Fault::MalformedJson;
        } else if (kind == QLatin1String("repeat-continue")) {
            rule.fault = FakeApiServer::Fault::RepeatContinue;
        } else if (kind == QLatin1String("oversized")) {
            rule.fault = FakeApiServer::Fault::Oversized;
            rule.padBytes = spec.section(QLatin1Char(':'), 1, 1).toLongLong();
        } else if (kind == QLatin1String("trickle")) {
            rule.fault = FakeApiServer::Fault::Trickle;
            rule.intervalMs = qMax(1, spec.section(QLatin1Char(':'), 1, 1).toInt());
        } else if (kind == QLatin1String("expired-continue")) {
            rule.fault = FakeApiServer::Fault::ExpiredContinue;
            rule.times = spec.section(QLatin1Char(':'), 1, 1).toInt();
        }
        if (rule.pathPrefix.isEmpty() || rule.fault == FakeApiServer::Fault::None ||
            (rule.fault == FakeApiServer::Fault::Status && rule.status < 100))
            return fail(QStringLiteral("bad --fault rule: ") + text);
        server.addFault(rule);
    }
    if (!server.listen(quint16(parser.value(portOption).toUInt())))
        return fail(QStringLiteral("cannot listen on 127.0.0.1:") + parser.value(portOption));
    if (parser.isSet(kubeconfigOption)) {
        const auto credentials = options.token.isEmpty()
                                     ? FakeApiServer::Credentials::ClientCertificate
                                     : FakeApiServer::Credentials::Token;
        if (!server.writeKubeconfig(parser.value(kubeconfigOption), pki, credentials))
            return fail(QStringLiteral("cannot write ") + parser.value(kubeconfigOption));
    }

    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);
    QTimer stopTimer;
    QObject::connect(&stopTimer, &QTimer::timeout, &app, [] {
        if (g_stop)
            QCoreApplication::quit();
    });
    stopTimer.start(100);

    std::printf("listening on %s\n", qPrintable(server.url().toString()));
    std::fflush(stdout);
    return app.exec();
}
