// The plan of a live cluster equals the plan of the same objects read offline: the demo
// cluster is served over TLS by the fake API server and `fluxdesk-cli plan` reads it through a
// kubeconfig; both write byte-identical repositories.
#include "clirunner.h"
#include "fakeapiserver.h"

#include "core/resources.h"
#include "kube/snapshot.h"
#include "plan/planner.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

class TestPlanLive : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestPki m_pki;
    std::unique_ptr<FakeApiServerThread> m_server;
    QString m_kubeconfig;

private slots:
    void initTestCase()
    {
        initResources();
        QVERIFY(m_dir.isValid());
        m_pki = TestPki::generate(m_dir.filePath(QStringLiteral("pki")));
        QVERIFY2(m_pki.ok(), qPrintable(m_pki.error));
        FakeApiServer::Options options;
        options.certFile = m_pki.serverCert;
        options.keyFile = m_pki.serverKey;
        options.clientCaFile = m_pki.caCert;
        m_server = std::make_unique<FakeApiServerThread>(options);
        QVERIFY(m_server->start(demoClusterObjects()));
        m_kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig"));
        QVERIFY(m_server->server()->writeKubeconfig(m_kubeconfig, m_pki,
                                                    FakeApiServer::Credentials::ClientCertificate));
    }

    void sameTreeAsOffline()
    {
        QTemporaryDir live, offline;
        QVERIFY(live.isValid() && offline.isValid());
        const QProcessEnvironment env = isolatedEnvironment(m_dir.path());
        const CliRun before =
            runCli({QStringLiteral("--kubeconfig"), m_kubeconfig, QStringLiteral("plan"),
                    QStringLiteral("--repo"), live.path()},
                   env);
        QVERIFY2(before.finished && before.exitCode == 1, before.err.constData());
        QVERIFY(before.outText().contains(
            QStringLiteral("planned       workloads/llm/llama-cpp-deployment.yaml\n")));

        const CliRun liveWrite =
            runCli({QStringLiteral("--kubeconfig"), m_kubeconfig, QStringLiteral("plan"),
                    QStringLiteral("--repo"), live.path(), QStringLiteral("--write")},
                   env);
        QVERIFY2(liveWrite.exitCode == 0, liveWrite.err.constData());
        const CliRun offlineWrite =
            runCli({QStringLiteral("--demo"), QStringLiteral("plan"), QStringLiteral("--repo"),
                    offline.path(), QStringLiteral("--write")},
                   env);
        QVERIFY2(offlineWrite.exitCode == 0, offlineWrite.err.constData());

        const RepositoryFiles a = readRepositoryFiles(live.path());
        const RepositoryFiles b = readRepositoryFiles(offline.path());
        QFile expected(QStringLiteral(FLUXDESK_TEST_DATA "/plan/demo-tree.txt"));
        QVERIFY(expected.open(QIODevice::ReadOnly));
        QCOMPARE(a.keys().join(QLatin1Char('\n')) + QLatin1Char('\n'),
                 QString::fromUtf8(expected.readAll()));
        QCOMPARE(a.keys(), b.keys());
        for (auto it = a.constBegin(); it != a.constEnd(); ++it)
            QVERIFY2(it.value() == b.value(it.key()), qPrintable(it.key()));

        const CliRun after = runCli({QStringLiteral("--kubeconfig"), m_kubeconfig,
                                     QStringLiteral("plan"), QStringLiteral("--repo"), live.path()},
                                    env);
        QVERIFY2(after.exitCode == 0, after.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestPlanLive)
#include "tst_plan_live.moc"
