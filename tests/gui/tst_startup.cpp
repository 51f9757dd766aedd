#include "connectionbar.h"
#include "startup.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Fluxdesk;

Q_DECLARE_METATYPE(Fluxdesk::ClusterSource::Kind)

namespace {

const char *const twoContexts = R"(apiVersion: v1
kind: Config
clusters:
- name: lab
  cluster:
    server: https://127.0.0.1:6443
users:
- name: admin
  user:
    token: not-a-real-token
contexts:
- name: homelab
  context: {cluster: lab, user: admin}
- name: work
  context: {cluster: lab, user: admin}
current-context: homelab
)";

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

} // namespace

class TestStartup : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_kubeconfig = m_dir.filePath(QStringLiteral("config"));
        m_broken = m_dir.filePath(QStringLiteral("broken"));
        QVERIFY(writeFile(m_kubeconfig, twoContexts));
        QVERIFY(writeFile(m_broken, "clusters: [unclosed\n"));
        // kubectl's defaults would find the machine's own kubeconfig; point them at nothing.
        qputenv("KUBECONFIG", m_dir.filePath(QStringLiteral("missing")).toUtf8());
    }

    void plan_data()
    {
        QTest::addColumn<bool>("demo");
        QTest::addColumn<QString>("kubeconfig");
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("snapshot");
        QTest::addColumn<QString>("rememberedKubeconfig");
        QTest::addColumn<QString>("rememberedContext");
        QTest::addColumn<bool>("connect");
        QTest::addColumn<ClusterSource::Kind>("kind");
        QTest::addColumn<QString>("selected");
        QTest::addColumn<QString>("statusOrError"); // a part of plan.status, or of plan.error

        const QString config = QStringLiteral("config");
        using Kind = ClusterSource::Kind;
        QTest::addRow("no kubeconfig: demo")
            << false << QString() << QString() << QString() << QString() << QString() << true
            << Kind::Demo << QString() << QStringLiteral("No kubeconfig found");
        QTest::addRow("current context")
            << false << config << QString() << QString() << QString() << QString() << true
            << Kind::Kubeconfig << QStringLiteral("homelab") << QStringLiteral("homelab");
        QTest::addRow("--context")
            << false << config << QStringLiteral("work") << QString() << QString() << QString()
            << true << Kind::Kubeconfig << QStringLiteral("work") << QStringLiteral("work");
        QTest::addRow("remembered context")
            << false << config << QString() << QString() << QString() << QStringLiteral("work")
            << true << Kind::Kubeconfig << QStringLiteral("work") << QStringLiteral("work");
        QTest::addRow("remembered context gone")
            << false << config << QString() << QString() << QString() << QStringLiteral("old")
            << true << Kind::Kubeconfig << QStringLiteral("homelab") << QStringLiteral("homelab");
        QTest::addRow("remembered kubeconfig")
            << false << QString() << QString() << QString() << config << QString() << true
            << Kind::Kubeconfig << QStringLiteral("homelab") << QStringLiteral("homelab");
        QTest::addRow("unknown --context")
            << false << config << QStringLiteral("nope") << QString() << QString() << QString()
            << false << Kind::Demo << QString() << QStringLiteral("\"nope\"");
        QTest::addRow("--demo keeps the contexts")
            << true << config << QString() << QString() << QString() << QString() << true
            << Kind::Demo << QStringLiteral("homelab") << QStringLiteral("demo");
        QTest::addRow("--snapshot")
            << false << config << QString() << QStringLiteral("/tmp/lab.yaml") << QString()
            << QString() << true << Kind::Snapshot << QStringLiteral("homelab")
            << QStringLiteral("lab.yaml");
        QTest::addRow("malformed kubeconfig")
            << false << QStringLiteral("broken") << QString() << QString() << QString() << QString()
            << false << Kind::Demo << QString() << QStringLiteral("broken");
    }

    void plan()
    {
        QFETCH(bool, demo);
        QFETCH(QString, kubeconfig);
        QFETCH(QString, context);
        QFETCH(QString, snapshot);
        QFETCH(QString, rememberedKubeconfig);
        QFETCH(QString, rememberedContext);
        QFETCH(bool, connect);
        QFETCH(ClusterSource::Kind, kind);
        QFETCH(QString, selected);
        QFETCH(QString, statusOrError);

        StartupOptions options;
        options.demo = demo;
        options.kubeconfig = kubeconfig.isEmpty() ? QString() : m_dir.filePath(kubeconfig);
        options.context = context;
        options.snapshot = snapshot;
        const StartupPlan plan = planStartup(
            options,
            rememberedKubeconfig.isEmpty() ? QString() : m_dir.filePath(rememberedKubeconfig),
            rememberedContext);
        QCOMPARE(plan.connect, connect);
        if (connect)
            QCOMPARE(plan.source.kind, kind);
        QCOMPARE(plan.context, selected);
        QVERIFY2(plan.status.contains(statusOrError) || plan.error.contains(statusOrError),
                 qPrintable(plan.status + QLatin1String(" | ") + plan.error));
        if (connect && kind == ClusterSource::Kind::Kubeconfig) {
            QCOMPARE(plan.source.context, selected);
            QCOMPARE(plan.source.kubeconfigFiles, QStringList{m_kubeconfig});
            QCOMPARE(plan.contexts,
                     QStringList({QStringLiteral("homelab"), QStringLiteral("work")}));
        }
    }

    void connectionBarEntries()
    {
        ConnectionBar bar;
        auto *combo = bar.findChild<QComboBox *>(QStringLiteral("contextCombo"));
        QVERIFY(combo);
        QCOMPARE(bar.currentSource().kind, ClusterSource::Kind::Demo);

        bar.setKubeconfig({m_kubeconfig}, {QStringLiteral("homelab"), QStringLiteral("work")},
                          QStringLiteral("work"));
        QCOMPARE(combo->currentText(), QStringLiteral("work"));
        ClusterSource source = bar.currentSource();
        QCOMPARE(source.kind, ClusterSource::Kind::Kubeconfig);
        QCOMPARE(source.context, QStringLiteral("work"));
        QCOMPARE(source.kubeconfigFiles, QStringList{m_kubeconfig});

        QSignalSpy chosen(&bar, &ConnectionBar::sourceChosen);
        QSignalSpy openSnapshot(&bar, &ConnectionBar::openSnapshotRequested);
        const int open = combo->findText(QStringLiteral("Open snapshot…"));
        QVERIFY(open > 0);
        combo->setCurrentIndex(open);
        emit combo->activated(open);
        QCOMPARE(openSnapshot.count(), 1);
        QCOMPARE(chosen.count(), 0);
        QCOMPARE(combo->currentText(), QStringLiteral("work")); // back to the real choice

        bar.setSnapshot(QStringLiteral("/tmp/lab.yaml"));
        QCOMPARE(combo->currentText(), QStringLiteral("Snapshot: lab.yaml"));
        QCOMPARE(bar.currentSource().kind, ClusterSource::Kind::Snapshot);
        QCOMPARE(bar.currentSource().snapshotPath, QStringLiteral("/tmp/lab.yaml"));

        const int demo = combo->findText(QStringLiteral("Demo cluster"));
        combo->setCurrentIndex(demo);
        emit combo->activated(demo);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(bar.currentSource().kind, ClusterSource::Kind::Demo);
        // Reloading the kubeconfig keeps the snapshot entry.
        bar.setKubeconfig({m_kubeconfig}, {QStringLiteral("homelab")}, QStringLiteral("homelab"));
        QVERIFY(combo->findText(QStringLiteral("Snapshot: lab.yaml")) >= 0);
        QCOMPARE(combo->findText(QStringLiteral("work")), -1);
    }

    void connectionBarBusyAndWarnings()
    {
        ConnectionBar bar;
        bar.show();
        auto *connectButton = bar.findChild<QPushButton *>(QStringLiteral("connectButton"));
        auto *cancel = bar.findChild<QPushButton *>(QStringLiteral("cancelButton"));
        auto *progress = bar.findChild<QProgressBar *>(QStringLiteral("progressBar"));
        auto *warning = bar.findChild<QLabel *>(QStringLiteral("tlsWarning"));
        QCOMPARE(connectButton->text(), QStringLiteral("Connect"));
        QVERIFY(!progress->isVisible());
        QVERIFY(!cancel->isEnabled());

        bar.setBusy(true);
        QVERIFY(progress->isVisible());
        QVERIFY(cancel->isEnabled());
        QVERIFY(!connectButton->isEnabled());
        bar.setProgress(3, 12);
        QCOMPARE(progress->value(), 3);
        QCOMPARE(progress->maximum(), 12);
        QCOMPARE(progress->text(), QStringLiteral("3 of 12 types"));
        bar.setBusy(false);
        QVERIFY(!progress->isVisible());
        QVERIFY(connectButton->isEnabled());
        QCOMPARE(connectButton->text(), QStringLiteral("Refresh"));

        QVERIFY(!warning->isVisible());
        bar.setWarnings({QStringLiteral("TLS verification is off for cluster lab")});
        QVERIFY(warning->isVisible());
        QVERIFY(warning->text().contains(QLatin1String("TLS verification is off")));
        // A long warning wraps on its own line instead of widening the bar (and the window) past
        // the screen.
        const int narrow = bar.minimumSizeHint().width();
        bar.setWarnings({QStringLiteral("The token of user \"admin@homelab.example\" is sent "
                                        "unencrypted to http://k3s-control-plane.homelab.example:"
                                        "6443: anyone on the network path can read and reuse it; "
                                        "use an https:// server")});
        QVERIFY2(
            bar.minimumSizeHint().width() <= narrow + 1,
            qPrintable(QStringLiteral("%1 > %2").arg(bar.minimumSizeHint().width()).arg(narrow)));
        bar.setWarnings({});
        QVERIFY(!warning->isVisible());
    }

private:
    QTemporaryDir m_dir;
    QString m_kubeconfig;
    QString m_broken;
};

QTEST_MAIN(TestStartup)
#include "tst_startup.moc"
