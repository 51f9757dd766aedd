#include "clusterpane.h"
#include "core/resources.h"
#include "fakeapiserver.h"
#include "items/inventoryfiltermodel.h"
#include "items/inventorymodel.h"
#include "kube/clustersession.h"
#include "kube/snapshot.h"
#include "mainwindow.h"
#include "messagebanner.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QTreeView>

#include <memory>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

constexpr int LoadTimeoutMs = 30000;

template <typename T> T *child(QWidget *window, const char *name)
{
    return window->findChild<T *>(QLatin1String(name));
}

QList<QModelIndex> objectRows(const QAbstractItemModel *model, const QModelIndex &parent = {})
{
    QList<QModelIndex> out;
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.data(InventoryModel::NodeTypeRole).toInt() == InventoryModel::ObjectNode)
            out.append(index);
        out += objectRows(model, index);
    }
    return out;
}

bool finishedLoading(MainWindow &window)
{
    return !window.session()->isBusy() && !child<QProgressBar>(&window, "progressBar")->isVisible();
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        initResources();
        QVERIFY(m_dir.isValid());
        m_pki = TestPki::generate(m_dir.filePath(QStringLiteral("pki")));
        QVERIFY2(m_pki.ok(), qPrintable(m_pki.error));
        // No user kubeconfig leaks into a test: every test names its files.
        qputenv("KUBECONFIG", m_dir.filePath(QStringLiteral("missing-kubeconfig")).toUtf8());
    }

    void init()
    {
        // Fresh settings for every test.
        const QString config =
            QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
            QLatin1String("/Fluxdesk/Fluxdesk.conf");
        QFile::remove(config);
    }

    void demoClusterFillsTreeFilterAndYaml()
    {
        MainWindow window;
        window.show();
        QSignalSpy finished(window.session(), &ClusterSession::finished);
        StartupOptions options;
        options.demo = true;
        window.start(options);
        QVERIFY(finished.wait(LoadTimeoutMs));
        QCOMPARE(finished.first().at(0).toBool(), true);
        QTRY_VERIFY(finishedLoading(window));

        auto *tree = child<QTreeView>(&window, "clusterTree");
        QVERIFY(tree);
        const int allVisible = int(objectRows(tree->model()).size());
        QVERIFY(allVisible > 10);
        QVERIFY(window.inventoryModel()->objectCount() > allVisible); // owned ones hidden
        QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("Demo cluster")));
        QCOMPARE(child<QComboBox>(&window, "contextCombo")->currentText(),
                 QStringLiteral("Demo cluster"));
        QVERIFY(!child<MessageBanner>(&window, "errorBanner")->isVisible());

        auto *filterEdit = child<QLineEdit>(&window, "filterEdit");
        QTest::keyClicks(filterEdit, QStringLiteral("llama"));
        const QList<QModelIndex> rows = objectRows(tree->model());
        QVERIFY(!rows.isEmpty());
        QVERIFY(rows.size() < allVisible);
        QModelIndex deployment;
        for (const QModelIndex &row : rows) {
            const QString name = row.data(InventoryModel::NameRole).toString();
            const QString kind = row.data(InventoryModel::KindRole).toString();
            QVERIFY2(name.contains(QLatin1String("llama"), Qt::CaseInsensitive) ||
                         kind.contains(QLatin1String("llama"), Qt::CaseInsensitive),
                     qPrintable(name));
            if (kind == QLatin1String("Deployment") && name == QLatin1String("llama-cpp"))
                deployment = row;
        }
        QVERIFY(deployment.isValid());

        // Click it like a user would; the filter expanded the tree to show it.
        tree->scrollTo(deployment);
        const QRect rect = tree->visualRect(deployment);
        QVERIFY(rect.isValid());
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
        auto *yaml = child<QPlainTextEdit>(&window, "yamlView");
        QVERIFY(yaml->isReadOnly());
        QVERIFY(yaml->toPlainText().contains(QLatin1String("kind: Deployment")));
        QVERIFY(yaml->toPlainText().contains(QLatin1String("name: llama-cpp")));
        QCOMPARE(child<QLabel>(&window, "yamlTitle")->text(),
                 QStringLiteral("apps/Deployment llm/llama-cpp"));
        // Highlighted: the "kind: Deployment" line carries character formats.
        const QTextBlock kindLine = yaml->document()->findBlockByNumber(1);
        QCOMPARE(kindLine.text(), QStringLiteral("kind: Deployment"));
        QVERIFY(!kindLine.layout()->formats().isEmpty());

        // Showing owned objects reveals the Deployment's ReplicaSet (and more).
        auto *toggle = child<QCheckBox>(&window, "showOwnedToggle");
        QVERIFY(!toggle->isChecked());
        toggle->click();
        QVERIFY(objectRows(tree->model()).size() > rows.size());
        filterEdit->clear();
        QCOMPARE(int(objectRows(tree->model()).size()), window.inventoryModel()->objectCount());
    }

    void noKubeconfigStartsTheDemo()
    {
        MainWindow window;
        QSignalSpy finished(window.session(), &ClusterSession::finished);
        window.start(StartupOptions());
        QCOMPARE(window.session()->source().kind, ClusterSource::Kind::Demo);
        QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("No kubeconfig")));
        QVERIFY(finished.wait(LoadTimeoutMs));
        QVERIFY(window.inventoryModel()->objectCount() > 0);
    }

    void fakeServerLoadsWithForbiddenSecrets()
    {
        FakeApiServer server(serverOptions());
        server.setObjects(demoClusterObjects());
        FakeApiServer::FaultRule forbidden;
        forbidden.pathPrefix = QStringLiteral("/api/v1/secrets");
        forbidden.fault = FakeApiServer::Fault::Status;
        forbidden.status = 403;
        forbidden.message = QStringLiteral(
            "secrets is forbidden: User \"fluxdesk-test\" cannot list resource \"secrets\"");
        server.addFault(forbidden);
        QVERIFY(server.listen());
        const QString kubeconfig = writeKubeconfig(server, QStringLiteral("forbidden"));

        MainWindow window;
        window.show();
        QSignalSpy finished(window.session(), &ClusterSession::finished);
        StartupOptions options;
        options.kubeconfig = kubeconfig;
        window.start(options);
        QCOMPARE(child<QComboBox>(&window, "contextCombo")->currentText(), QStringLiteral("fake"));
        QVERIFY(finished.wait(LoadTimeoutMs));
        QTRY_VERIFY(finishedLoading(window));

        auto *notice = child<MessageBanner>(&window, "forbiddenNotice");
        QVERIFY(notice->isVisible());
        QVERIFY2(notice->text().contains(QLatin1String("secrets: secrets is forbidden")),
                 qPrintable(notice->text()));
        QVERIFY(!child<MessageBanner>(&window, "errorBanner")->isVisible());
        QVERIFY(!child<QLabel>(&window, "tlsWarning")->isVisible());
        // The rest loaded: the llama-cpp Deployment is in the tree.
        QVERIFY(window.inventoryModel()
                    ->indexOf(ObjectKey{QStringLiteral("apps"), QStringLiteral("Deployment"),
                                        QStringLiteral("llm"), QStringLiteral("llama-cpp")})
                    .isValid());
        QVERIFY(window.clusterPane()->selectObject(
            ObjectKey{QStringLiteral("apps"), QStringLiteral("Deployment"), QStringLiteral("llm"),
                      QStringLiteral("llama-cpp")}));
        QVERIFY(child<QPlainTextEdit>(&window, "yamlView")
                    ->toPlainText()
                    .contains(QLatin1String("kind: Deployment")));
        notice->findChild<QAbstractButton *>(QStringLiteral("dismissButton"))->click();
        QVERIFY(!notice->isVisible());
    }

    void unauthorizedShowsTheServersWords()
    {
        FakeApiServer server(serverOptions());
        server.setObjects(demoClusterObjects());
        FakeApiServer::FaultRule unauthorized;
        unauthorized.pathPrefix = QStringLiteral("/");
        unauthorized.fault = FakeApiServer::Fault::Status;
        unauthorized.status = 401;
        unauthorized.message =
            QStringLiteral("the client certificate was revoked by the lab admin");
        server.addFault(unauthorized);
        QVERIFY(server.listen());
        const QString kubeconfig = writeKubeconfig(server, QStringLiteral("unauthorized"));

        MainWindow window;
        window.show();
        QSignalSpy finished(window.session(), &ClusterSession::finished);
        StartupOptions options;
        options.kubeconfig = kubeconfig;
        window.start(options);
        QVERIFY(finished.wait(LoadTimeoutMs));
        QCOMPARE(finished.first().at(0).toBool(), false);
        auto *banner = child<MessageBanner>(&window, "errorBanner");
        QTRY_VERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(unauthorized.message), qPrintable(banner->text()));
        QVERIFY(!child<QProgressBar>(&window, "progressBar")->isVisible());
        QVERIFY(child<QPushButton>(&window, "connectButton")->isEnabled());
    }

    void cancelStopsASlowLoad()
    {
        FakeApiServer server(serverOptions());
        server.setObjects(demoClusterObjects());
        FakeApiServer::FaultRule slow;
        slow.pathPrefix = QStringLiteral("/api");
        slow.fault = FakeApiServer::Fault::Delay;
        slow.delayMs = 20000;
        server.addFault(slow);
        QVERIFY(server.listen());
        const QString kubeconfig = writeKubeconfig(server, QStringLiteral("slow"));

        MainWindow window;
        window.show();
        StartupOptions options;
        options.kubeconfig = kubeconfig;
        window.start(options);
        auto *progress = child<QProgressBar>(&window, "progressBar");
        auto *cancel = child<QPushButton>(&window, "cancelButton");
        QVERIFY(progress->isVisible());
        QVERIFY(cancel->isEnabled());
        QTest::qWait(200);
        QVERIFY(window.session()->isBusy());

        QSignalSpy finished(window.session(), &ClusterSession::finished);
        QElapsedTimer timer;
        timer.start();
        cancel->click();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 2000);
        QVERIFY(timer.elapsed() < 2000);
        QVERIFY(!window.session()->isBusy());
        QVERIFY(!progress->isVisible());
        QCOMPARE(progress->value(), progress->minimum() - 1); // reset
        QVERIFY(!cancel->isEnabled());
        QVERIFY(!child<MessageBanner>(&window, "errorBanner")->isVisible());
        QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("Cancelled")));
    }

    void insecureKubeconfigWarnsPersistently()
    {
        FakeApiServer server(serverOptions());
        server.setObjects(demoClusterObjects().mid(0, 10));
        QVERIFY(server.listen());
        QString kubeconfig = writeKubeconfig(server, QStringLiteral("insecure"));
        QFile file(kubeconfig);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(file.readAll());
        file.close();
        const int ca = int(text.indexOf(QLatin1String("certificate-authority:")));
        QVERIFY(ca > 0);
        const int end = int(text.indexOf(QLatin1Char('\n'), ca));
        text.replace(ca, end - ca, QStringLiteral("insecure-skip-tls-verify: true"));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text.toUtf8());
        file.close();

        MainWindow window;
        window.show();
        QSignalSpy finished(window.session(), &ClusterSession::finished);
        StartupOptions options;
        options.kubeconfig = kubeconfig;
        window.start(options);
        QVERIFY(finished.wait(LoadTimeoutMs));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        auto *warning = child<QLabel>(&window, "tlsWarning");
        QVERIFY(warning->isVisible());
        QVERIFY(!warning->text().isEmpty());
    }

    void plainHttpTokenWarnsInTheBanner()
    {
        // A token to an http:// server crosses the network readable: the same banner says so.
        FakeApiServer::Options options;
        options.tls = false;
        options.token = QStringLiteral("gui-http-token");
        FakeApiServer server(options);
        server.setObjects(demoClusterObjects().mid(0, 10));
        QVERIFY(server.listen());
        const QString kubeconfig = m_dir.filePath(QStringLiteral("http.kubeconfig"));
        QVERIFY(server.writeKubeconfig(kubeconfig, m_pki, FakeApiServer::Credentials::Token));

        MainWindow window;
        window.show();
        QSignalSpy finished(window.session(), &ClusterSession::finished);
        StartupOptions startup;
        startup.kubeconfig = kubeconfig;
        window.start(startup);
        QVERIFY(finished.wait(LoadTimeoutMs));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        auto *warning = child<QLabel>(&window, "tlsWarning");
        QVERIFY(warning->isVisible());
        QVERIFY2(warning->text().contains(QLatin1String("sent unencrypted to http://127.0.0.1")),
                 qPrintable(warning->text()));
        QVERIFY(!warning->text().contains(options.token));
    }

    void brokenKubeconfigIsNamedInTheBanner()
    {
        const QString path = m_dir.filePath(QStringLiteral("broken.kubeconfig"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("apiVersion: v1\nclusters: [unclosed\n");
        file.close();

        MainWindow window;
        window.show();
        QSignalSpy finished(window.session(), &ClusterSession::finished);
        StartupOptions options;
        options.kubeconfig = path;
        options.demo = true; // the demo still opens; the banner stays
        window.start(options);
        auto *banner = child<MessageBanner>(&window, "errorBanner");
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(QLatin1String("broken.kubeconfig")),
                 qPrintable(banner->text()));
        QVERIFY(finished.wait(LoadTimeoutMs));
        QVERIFY(banner->isVisible());
        QVERIFY(window.inventoryModel()->objectCount() > 0);
    }

    void settingsPersist()
    {
        {
            MainWindow window;
            window.show();
            QVERIFY(!child<QCheckBox>(&window, "showOwnedToggle")->isChecked());
            StartupOptions options;
            options.demo = true;
            options.repo = m_dir.filePath(QStringLiteral("homelab-repo"));
            window.start(options);
            QVERIFY(window.windowTitle().contains(QLatin1String("homelab-repo")));
            child<QCheckBox>(&window, "showOwnedToggle")->click();
            window.close();
        }
        MainWindow again;
        QVERIFY(child<QCheckBox>(&again, "showOwnedToggle")->isChecked());
        QVERIFY(again.findChild<QAction *>(QStringLiteral("showOwnedAction"))->isChecked());
        QVERIFY(again.repoPath().endsWith(QLatin1String("homelab-repo")));
    }

private:
    FakeApiServer::Options serverOptions() const
    {
        FakeApiServer::Options options;
        options.tls = true;
        options.certFile = m_pki.serverCert;
        options.keyFile = m_pki.serverKey;
        options.clientCaFile = m_pki.caCert;
        return options;
    }

    QString writeKubeconfig(const FakeApiServer &server, const QString &name)
    {
        const QString path = m_dir.filePath(name + QLatin1String(".kubeconfig"));
        if (!server.writeKubeconfig(path, m_pki, FakeApiServer::Credentials::ClientCertificate))
            return {};
        return path;
    }

    QTemporaryDir m_dir;
    TestPki m_pki;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
