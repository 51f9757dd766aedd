// The Helm releases in the window: the cluster tree lists them, selecting one opens the release
// view (values, generated Flux objects, credentials, chart source), driven through objectNames.
#include "clusterpane.h"
#include "core/resources.h"
#include "editortabs.h"
#include "helmfixtures.h"
#include "items/inventorymodel.h"
#include "kube/clustersession.h"
#include "kube/snapshot.h"
#include "mainwindow.h"
#include "releaseview.h"
#include "testfiles.h"
#include "yamleditor.h"
#include "yamlview.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Fluxdesk;
using Fluxdesk::TestFiles::child;

namespace {

constexpr int LoadTimeoutMs = 30000;

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QStringList listTexts(const QListWidget *list)
{
    QStringList texts;
    for (int row = 0; row < list->count(); ++row)
        texts.append(list->item(row)->text());
    return texts;
}

// The release rows as the tree shows them (through the filter proxy).
QStringList releaseRows(QTreeView *tree)
{
    const QAbstractItemModel *model = tree->model();
    QStringList rows;
    for (int top = 0; top < model->rowCount(); ++top) {
        const QModelIndex group = model->index(top, 0);
        if (group.data(InventoryModel::NodeTypeRole).toInt() != InventoryModel::ReleaseGroupNode)
            continue;
        for (int row = 0; row < model->rowCount(group); ++row)
            rows.append(model->index(row, 0, group).data().toString());
    }
    return rows;
}

} // namespace

class TestReleaseView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        initResources();
        QVERIFY(m_dir.isValid());
        qputenv("KUBECONFIG", m_dir.filePath(s("missing-kubeconfig")).toUtf8());
        // No Helm client config of the machine's user leaks into the chart sources.
        qputenv("HELM_REPOSITORY_CONFIG", m_dir.filePath(s("helm/repositories.yaml")).toUtf8());
        qputenv("HELM_REPOSITORY_CACHE", m_dir.filePath(s("helm/cache")).toUtf8());
        qputenv("HELM_CONFIG_HOME", m_dir.filePath(s("helm")).toUtf8());
        qputenv("HELM_CACHE_HOME", m_dir.filePath(s("helm-cache")).toUtf8());
    }

    void demoReleases()
    {
        MainWindow window;
        window.resize(1300, 850);
        window.show();
        QSignalSpy finished(window.session(), &ClusterSession::finished);
        StartupOptions options;
        options.demo = true;
        window.start(options);
        QVERIFY(finished.wait(LoadTimeoutMs));

        auto *pane = child<ClusterPane>(&window, "clusterPane");
        auto *tree = child<QTreeView>(&window, "clusterTree");
        QVERIFY(pane && tree);
        const QStringList rows = releaseRows(tree);
        QCOMPARE(rows.size(), 6); // with K3s's traefik
        QVERIFY2(rows.contains(s("envoy-gateway-system/eg · gateway-helm v1.4.6 · rev 1")),
                 qPrintable(rows.join(QLatin1Char('\n'))));
        QVERIFY(rows.contains(s("logging/loki · loki 6.21.0 · rev 2")));
        QVERIFY(rows.contains(s("logging/grafana · grafana 10.2.0 · rev 1")));

        // Selecting loki opens the release view with its values and the generated objects.
        auto *tabs = child<EditorTabs>(&window, "editorTabs");
        auto *view = child<ReleaseView>(&window, "releaseView");
        QVERIFY(tabs && view);
        QVERIFY(tabs->indexOf(view) < 0);
        QVERIFY(pane->selectRelease(s("logging"), s("loki")));
        QCOMPARE(tabs->currentWidget(), view);
        QCOMPARE(tabs->tabText(tabs->currentIndex()), s("Release: loki"));
        auto *generated = child<YamlView>(view, "releaseGeneratedView");
        auto *values = child<YamlEditor>(view, "releaseValuesEditor");
        QVERIFY(generated && values);
        QString yaml = generated->toPlainText();
        QVERIFY2(yaml.contains(s("kind: HelmRelease")), qPrintable(yaml));
        QVERIFY(yaml.contains(s("releaseName: loki")));
        QVERIFY(yaml.contains(s("version: 6.21.0")));
        QVERIFY(yaml.contains(s("kind: HelmRepository")));
        QCOMPARE(values->toPlainText(), view->conversion().originalValuesYaml());
        QVERIFY(!view->conversion().release().values.isEmpty());
        const QString firstKey = view->conversion().release().values.keys().first();
        QVERIFY(values->toPlainText().contains(firstKey + QLatin1Char(':')));
        QVERIFY(child<QLabel>(view, "releaseSourceOrigin")->text().contains(s("catalog")));
        QVERIFY(child<QLabel>(view, "releaseChecklist")->text().contains(s("helm uninstall")));

        // Edited values re-generate on Update; a parse error is a problem, not a crash.
        // (edited() tells the window to keep them in the plan file; values that do not parse
        // are not kept.)
        QSignalSpy edited(view, &ReleaseView::edited);
        values->setPlainText(s("replicas: 7\n"));
        QTest::mouseClick(child<QPushButton>(view, "releaseUpdateButton"), Qt::LeftButton);
        QVERIFY(generated->toPlainText().contains(s("replicas: 7")));
        QCOMPARE(edited.size(), 1);
        values->setPlainText(s("replicas: [7\n"));
        QTest::mouseClick(child<QPushButton>(view, "releaseUpdateButton"), Qt::LeftButton);
        QCOMPARE(edited.size(), 1);
        auto *problems = child<QListWidget>(view, "releaseProblems");
        QVERIFY(listTexts(problems).join(QLatin1Char('\n')).contains(s("error")));
        QVERIFY(generated->toPlainText().contains(s("replicas: 7")));
        // Typing re-generates by itself after a pause.
        QSignalSpy regenerated(view, &ReleaseView::regenerated);
        values->setPlainText(s("replicas: 9\n"));
        QVERIFY(regenerated.wait(5000));
        QVERIFY(generated->toPlainText().contains(s("replicas: 9")));

        // grafana: adminPassword goes to a Secret by default (a valuesFrom, a plain Secret); the
        // user may keep it inline instead, and go back.
        QVERIFY(pane->selectRelease(s("logging"), s("grafana")));
        QVERIFY(generated->toPlainText().contains(s("releaseName: grafana")));
        auto *credentials = child<QListWidget>(view, "releaseCredentials");
        auto *toSecret = child<QRadioButton>(view, "releaseCredentialsToSecret");
        auto *keepInline = child<QRadioButton>(view, "releaseCredentialsInline");
        QVERIFY(credentials && toSecret && keepInline);
        QVERIFY(toSecret->isEnabled() && keepInline->isEnabled());
        QVERIFY(toSecret->isChecked());
        QVERIFY(!keepInline->isChecked());
        yaml = generated->toPlainText();
        QVERIFY2(yaml.contains(s("valuesFrom:")), qPrintable(yaml));
        QVERIFY(yaml.contains(s("targetPath: adminPassword")));
        QVERIFY(!yaml.contains(s("demo-password-change-me")));
        // Nothing flagged; the list says where the value went.
        QCOMPARE(listTexts(credentials),
                 QStringList{s("values.adminPassword → Secret grafana-values (valuesFrom)")});
        auto *details = child<QTabWidget>(view, "releaseDetails");
        QCOMPARE(details->tabText(1), s("Credentials"));
        auto *secret = child<YamlView>(view, "releaseSecretView");
        QVERIFY(!secret->isHidden());
        QVERIFY(secret->toPlainText().contains(s("kind: Secret")));
        QVERIFY(child<QLabel>(view, "releaseSecretNote")->text().contains(s("plain text")));

        details->setCurrentIndex(1);
        edited.clear();
        QTest::mouseClick(keepInline, Qt::LeftButton);
        QCOMPARE(edited.size(), 1);
        QCOMPARE(view->conversion().credentialHandling(), CredentialHandling::Inline);
        QVERIFY(keepInline->isChecked() && !toSecret->isChecked());
        yaml = generated->toPlainText();
        QVERIFY2(yaml.contains(s("adminPassword: demo-password-change-me")), qPrintable(yaml));
        QVERIFY(!yaml.contains(s("valuesFrom")));
        QVERIFY(secret->isHidden());
        QCOMPARE(details->tabText(1), s("Credentials (1)"));
        QVERIFY2(listTexts(credentials).join(QLatin1Char('\n')).contains(s("adminPassword")),
                 qPrintable(listTexts(credentials).join(QLatin1Char('\n'))));
        QVERIFY(listTexts(problems).join(QLatin1Char('\n')).contains(s("looks like a credential")));

        QTest::mouseClick(toSecret, Qt::LeftButton);
        QCOMPARE(edited.size(), 2);
        QCOMPARE(view->conversion().credentialHandling(), CredentialHandling::Secret);
        QVERIFY(!generated->toPlainText().contains(s("demo-password-change-me")));
        QVERIFY(!secret->isHidden());
        // A click on the choice already made is no edit.
        QTest::mouseClick(toSecret, Qt::LeftButton);
        QCOMPARE(edited.size(), 2);

        // A credential typed here is not what the plan's Secret holds (the plan file keeps no
        // credential value): the list says so.
        values->setPlainText(s("adminPassword: typed-here\n"));
        QTest::mouseClick(child<QPushButton>(view, "releaseUpdateButton"), Qt::LeftButton);
        QVERIFY2(listTexts(credentials).join(QLatin1Char('\n')).contains(s("Changed here")),
                 qPrintable(listTexts(credentials).join(QLatin1Char('\n'))));

        // An edit kept earlier shows again without counting as a new one.
        edited.clear();
        view->applyEdit(s("replicas: 3\n"), CredentialHandling::Inline);
        QVERIFY(generated->toPlainText().contains(s("replicas: 3")));
        QCOMPARE(view->conversion().credentialHandling(), CredentialHandling::Inline);
        QVERIFY(keepInline->isChecked());
        // No credential in these values: nothing to choose.
        QVERIFY(!keepInline->isEnabled() && !toSecret->isEnabled());
        QCOMPARE(edited.size(), 0);

        // The release tab closes like a document tab.
        emit tabs->tabCloseRequested(tabs->indexOf(view));
        QVERIFY(tabs->indexOf(view) < 0);
    }

    // K3s's own chart (traefik) is shown as K3s's: the view explains, nothing is generated.
    void k3sReleaseIsNotOffered()
    {
        MainWindow window;
        window.resize(1300, 850);
        window.show();
        QSignalSpy finished(window.session(), &ClusterSession::finished);
        StartupOptions options;
        options.snapshot = s(FLUXDESK_TEST_DATA "/k3s/k3s-homelab.yaml");
        window.start(options);
        QVERIFY(finished.wait(LoadTimeoutMs));

        auto *pane = child<ClusterPane>(&window, "clusterPane");
        auto *view = child<ReleaseView>(&window, "releaseView");
        QVERIFY(pane && view);
        QVERIFY(pane->selectRelease(s("kube-system"), s("traefik")));
        QTRY_COMPARE(view->releaseKey(), s("kube-system/traefik"));
        auto *state = child<QLabel>(view, "releaseState");
        QVERIFY(!state->isHidden());
        QVERIFY2(state->text().contains(s("HelmChart kube-system/traefik")),
                 qPrintable(state->text()));
        QVERIFY(!child<QPushButton>(view, "releaseChooseSourceButton")->isEnabled());
        // How a HelmRelease would adopt it does not apply.
        QVERIFY(child<QLabel>(view, "releaseIdentityWarning")->isHidden());
        QVERIFY(!child<YamlView>(view, "releaseGeneratedView")
                     ->toPlainText()
                     .contains(s("kind: HelmRelease")));

        // The owner's release beside it converts.
        QVERIFY(pane->selectRelease(s("logging"), s("grafana")));
        QTRY_COMPARE(view->releaseKey(), s("logging/grafana"));
        QVERIFY(state->isHidden());
        QVERIFY(!child<QLabel>(view, "releaseIdentityWarning")->isHidden());
    }

    void unknownChartChooseSource()
    {
        // A snapshot with one release of a chart no catalog knows, and one that failed.
        const QJsonObject unknown = Testing::helmReleaseSecret(Testing::helmReleaseJson(
            s("shop"), s("apps"), 1, s("deployed"), s("fluxdesk-unknown-chart"), s("0.3.1"),
            QJsonObject{{s("replicas"), 2}}));
        const QJsonObject failed = Testing::helmReleaseSecret(
            Testing::helmReleaseJson(s("broken"), s("apps"), 1, s("failed"), s("grafana"),
                                     s("10.2.0"), QJsonObject{{s("replicas"), 1}}));
        const QString path = m_dir.filePath(s("unknown-chart.json"));
        QVERIFY(writeSnapshot(path, {unknown, failed}).ok());

        MainWindow window;
        window.show();
        QSignalSpy finished(window.session(), &ClusterSession::finished);
        StartupOptions options;
        options.snapshot = path;
        window.start(options);
        QVERIFY(finished.wait(LoadTimeoutMs));
        auto *pane = child<ClusterPane>(&window, "clusterPane");
        auto *view = child<ReleaseView>(&window, "releaseView");
        QCOMPARE(releaseRows(child<QTreeView>(&window, "clusterTree")).size(), 2);

        // The failed release shows its state and is not converted.
        QVERIFY(pane->selectRelease(s("apps"), s("broken")));
        auto *state = child<QLabel>(view, "releaseState");
        QVERIFY(!state->isHidden());
        QVERIFY2(state->text().contains(s("failed")), qPrintable(state->text()));
        QVERIFY(child<YamlView>(view, "releaseGeneratedView")->toPlainText().isEmpty());

        QVERIFY(pane->selectRelease(s("apps"), s("shop")));
        QVERIFY(state->isHidden());
        auto *choose = child<QPushButton>(view, "releaseChooseSourceButton");
        QVERIFY(choose->isEnabled());
        QCOMPARE(choose->text(), s("Choose source…"));
        QVERIFY(child<QLabel>(view, "releaseSourceOrigin")->text().contains(s("Unknown")));

        QSignalSpy shown(view, &ReleaseView::sourceDialogShown);
        QTest::mouseClick(choose, Qt::LeftButton);
        QCOMPARE(shown.count(), 1);
        // Found by name: Qt 5's QSignalSpy cannot hold an unregistered QDialog * argument.
        auto *dialog = view->findChild<QDialog *>(s("chooseSourceDialog"));
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        auto *url = child<QLineEdit>(dialog, "chooseSourceUrl");
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        // A URL that cannot be a source keeps the dialog open and says why.
        url->setText(s("ftp://example.org/charts"));
        QTest::mouseClick(ok, Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        QVERIFY(!child<QLabel>(dialog, "chooseSourceError")->isHidden());

        QList<ChartSourceChoice> chosen; // the plan keeps what the user said
        connect(view, &ReleaseView::sourceChosen, this,
                [&chosen](const ChartSourceChoice &c) { chosen.append(c); });
        url->setText(s("https://charts.example.org/stable"));
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.at(0).releaseNamespace, s("apps"));
        QCOMPARE(chosen.at(0).releaseName, s("shop"));
        QCOMPARE(chosen.at(0).source.url, s("https://charts.example.org/stable"));
        const QString yaml = child<YamlView>(view, "releaseGeneratedView")->toPlainText();
        QVERIFY2(yaml.contains(s("kind: HelmRepository")), qPrintable(yaml));
        QVERIFY(yaml.contains(s("url: https://charts.example.org/stable")));
        QVERIFY(yaml.contains(s("name: charts-example-org")));
        QCOMPARE(choose->text(), s("Change source…"));
        QVERIFY(child<QLabel>(view, "releaseSourceOrigin")->text().contains(s("Chosen by you")));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestReleaseView)
#include "tst_releaseview.moc"
