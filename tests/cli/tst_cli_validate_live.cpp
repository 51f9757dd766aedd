#include "clirunner.h"
#include "core/resources.h"
#include "fakeapiserver.h"
#include "flux/kustomizebuild.h"
#include "kube/snapshot.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

bool write(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

} // namespace

// fluxdesk-cli validate --kubeconfig: what Flux would apply goes to the API server as a
// server-side dry-run apply; an admission webhook's refusal is a problem naming the object's file.
class TestCliValidateLive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        initResources();
        if (!findKustomizeTool().isValid())
            QSKIP("neither kustomize nor kubectl is installed");
        QVERIFY(m_dir.isValid());
        m_pki = TestPki::generate(m_dir.filePath(s("pki")));
        QVERIFY2(m_pki.ok(), qPrintable(m_pki.error));
        QVERIFY(QDir().mkpath(m_dir.filePath(s("home"))));
    }

    void admissionRefusalIsAProblem()
    {
        FakeApiServer::Options options;
        options.tls = true;
        options.certFile = m_pki.serverCert;
        options.keyFile = m_pki.serverKey;
        options.clientCaFile = m_pki.caCert;
        options.token = s("validate-token");
        FakeApiServerThread server(options);
        QVERIFY(server.start(demoClusterObjects()));
        FakeApiServer *fake = server.server();
        const QString kubeconfig = m_dir.filePath(s("kubeconfig.yaml"));
        bool ok = false;
        QMetaObject::invokeMethod(
            fake,
            [&] {
                ok = fake->writeKubeconfig(kubeconfig, m_pki,
                                           FakeApiServer::Credentials::ClientCertificate);
                fake->addAdmissionRule({s("policy.example.com"), s("deny"), QString(), 400,
                                        s("label deny is not allowed")});
            },
            Qt::BlockingQueuedConnection);
        QVERIFY(ok);

        QTemporaryDir repo;
        // The cluster folder as flux-system applies it (the fake serves no Flux CRDs, so no
        // Flux Kustomization here: the API server would refuse its unknown kind, rightly).
        QVERIFY(
            write(repo.filePath(s("clusters/home/kustomization.yaml")), "resources:\n- cm.yaml\n"));
        QVERIFY(write(repo.filePath(s("clusters/home/cm.yaml")),
                      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n"
                      "  namespace: llm\n  labels:\n    deny: \"yes\"\ndata:\n  a: b\n"));
        const auto env = isolatedEnvironment(m_dir.filePath(s("home")));
        const CliRun run =
            runCli({s("--kubeconfig"), kubeconfig, s("validate"), s("--repo"), repo.path()}, env);
        QVERIFY2(run.finished, run.err.constData());
        QVERIFY2(run.exitCode == 1, qPrintable(run.outText() + run.errText()));
        QVERIFY2(
            run.outText().contains(
                s("clusters/home/cm.yaml: error: ConfigMap llm/settings: the API server refuses it "
                  "(dry-run): admission webhook \"policy.example.com\" denied the request: "
                  "label deny is not allowed")),
            qPrintable(run.outText()));
        QVERIFY2(!run.errText().contains(s("no server dry-run")), qPrintable(run.errText()));

        // Without the label the server accepts it: clean.
        QVERIFY(write(repo.filePath(s("clusters/home/cm.yaml")),
                      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n"
                      "  namespace: llm\ndata:\n  a: b\n"));
        const CliRun clean =
            runCli({s("--kubeconfig"), kubeconfig, s("validate"), s("--repo"), repo.path()}, env);
        QVERIFY2(clean.exitCode == 0, qPrintable(clean.outText() + clean.errText()));
    }

private:
    QTemporaryDir m_dir;
    TestPki m_pki;
};

QTEST_GUILESS_MAIN(TestCliValidateLive)
#include "tst_cli_validate_live.moc"
