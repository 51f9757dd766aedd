// The bootstrap wizard on its own, driven through objectNames as a user drives it: the fields
// become BootstrapOptions (each way of getting the components, each way for Flux to read the
// repository), Next only when a page is complete, the pre-flight's blocking checks hold it back,
// Bootstrap starts the run, the steps and the deploy key show as the session reports them (Copy
// puts the key on the clipboard), Cancel stops the run without closing, a failure says what is in
// the cluster and offers Run Again, and success offers the takeover report.
#include "bootstrapwizard.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace Fluxdesk;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

template <typename T> T *child(QWidget *parent, const char *name)
{
    return parent->findChild<T *>(QLatin1String(name));
}

BootstrapWizardContext context(bool fluxCli = false)
{
    BootstrapWizardContext c;
    c.repository = s("/home/me/homelab");
    c.cluster = s("homelab");
    c.clusterDisplay = s("homelab (kubeconfig)");
    c.fluxCliFound = fluxCli;
    c.defaultFluxVersion = s("2.6.4");
    return c;
}

PreflightCheck check(PreflightCheck::Id id, PreflightCheck::Verdict verdict, const char *found,
                     const char *action = "")
{
    PreflightCheck c;
    c.id = id;
    c.verdict = verdict;
    c.title = PreflightChecks::title(id);
    c.found = s(found);
    c.action = s(action);
    return c;
}

void selectSource(QComboBox *combo, BootstrapOptions::Components source)
{
    combo->setCurrentIndex(combo->findData(int(source)));
}

} // namespace

class TestBootstrapWizard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void componentsBecomeOptions_data();
    void componentsBecomeOptions();
    void accessBecomesOptions_data();
    void accessBecomesOptions();
    void fluxCliChoiceNeedsTheCli();
    void preflightHoldsBackOnBlockingChecks();
    void runShowsStepsKeyAndResult();
    void changeSettingsAfterAFailure();
    void cancelStopsWithoutClosing();
    void insecureConnectionIsSaid();

private:
    QTemporaryDir m_dir;
};

void TestBootstrapWizard::initTestCase()
{
    // QSignalSpy on Qt 5 needs them registered.
    qRegisterMetaType<BootstrapOptions>();
    qRegisterMetaType<BootstrapResult>();
    QVERIFY(m_dir.isValid());
}

void TestBootstrapWizard::componentsBecomeOptions_data()
{
    QTest::addColumn<int>("source");
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("withFile");
    QTest::addColumn<bool>("useOperator");
    QTest::addColumn<bool>("complete");
    QTest::addColumn<QString>("expectedVersion");
    QTest::addColumn<QString>("expectedDistribution");

    const int download = int(BootstrapOptions::Components::Download);
    const int file = int(BootstrapOptions::Components::File);
    QTest::addRow("download a version")
        << download << s("2.6.4") << false << false << true << s("2.6.4") << s("2.x");
    QTest::addRow("a leading v is dropped")
        << download << s("v2.7.0-rc.1") << false << false << true << s("2.7.0-rc.1") << s("2.x");
    QTest::addRow("download needs a version")
        << download << QString() << false << false << false << QString() << s("2.x");
    QTest::addRow("not a version")
        << download << s("latest") << false << false << false << QString() << s("2.x");
    QTest::addRow("a file without a version")
        << file << QString() << true << false << true << QString() << s("2.x");
    QTest::addRow("a file that is not there")
        << file << QString() << false << false << false << QString() << s("2.x");
    QTest::addRow("the operator, newest 2.x")
        << download << QString() << false << true << true << QString() << s("2.x");
    QTest::addRow("the operator, a version")
        << download << s("2.6.4") << false << true << true << s("2.6.4") << s("2.6.4");
}

void TestBootstrapWizard::componentsBecomeOptions()
{
    QFETCH(int, source);
    QFETCH(QString, version);
    QFETCH(bool, withFile);
    QFETCH(bool, useOperator);
    QFETCH(bool, complete);
    QFETCH(QString, expectedVersion);
    QFETCH(QString, expectedDistribution);

    BootstrapWizard wizard(context());
    wizard.show();
    QCOMPARE(wizard.currentId(), int(BootstrapWizard::ComponentsPageId));
    QCOMPARE(child<QLineEdit>(&wizard, "fluxVersionEdit")->text(), s("2.6.4"));
    auto *versionEdit = child<QLineEdit>(&wizard, "fluxVersionEdit");
    versionEdit->clear();
    QTest::keyClicks(versionEdit, version);
    selectSource(child<QComboBox>(&wizard, "componentsSourceCombo"),
                 BootstrapOptions::Components(source));
    const QString path = m_dir.filePath(withFile ? s("install.yaml") : s("missing.yaml"));
    if (withFile) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    auto *fileEdit = child<QLineEdit>(&wizard, "componentsFileEdit");
    QCOMPARE(fileEdit->isEnabled(), source == int(BootstrapOptions::Components::File));
    if (fileEdit->isEnabled())
        fileEdit->setText(path);
    if (useOperator)
        child<QCheckBox>(&wizard, "operatorCheck")->setChecked(true);
    QCOMPARE(child<QComboBox>(&wizard, "componentsSourceCombo")->isEnabled(), !useOperator);

    QCOMPARE(wizard.button(QWizard::NextButton)->isEnabled(), complete);
    if (!complete)
        return;
    const BootstrapOptions options = wizard.options();
    QCOMPARE(options.repoDir, s("/home/me/homelab"));
    QCOMPARE(options.cluster, s("homelab"));
    QCOMPARE(options.useOperator, useOperator);
    QCOMPARE(int(options.components), source);
    QCOMPARE(options.fluxVersion, expectedVersion);
    QCOMPARE(options.operatorDistribution, expectedDistribution);
    QCOMPARE(options.componentsFile,
             source == int(BootstrapOptions::Components::File) ? path : QString());
    QCOMPARE(wizard.preflightVersion(),
             expectedVersion.isEmpty() ? QString() : s("v") + expectedVersion);
}

void TestBootstrapWizard::accessBecomesOptions_data()
{
    QTest::addColumn<QString>("radio");
    QTest::addColumn<int>("keyType");
    QTest::addColumn<int>("hostApi"); // -1: by hand
    QTest::addColumn<QString>("token");
    QTest::addColumn<bool>("complete");
    QTest::addColumn<int>("credentials");

    const int key = int(BootstrapOptions::Credentials::SshDeployKey);
    QTest::addRow("ECDSA key by hand")
        << s("deployKeyRadio") << int(DeployKeyType::EcdsaP384) << -1 << QString() << true << key;
    QTest::addRow("Ed25519 through GitHub")
        << s("deployKeyRadio") << int(DeployKeyType::Ed25519) << int(GitHostKind::GitHub)
        << s("ghp_secret") << true << key;
    QTest::addRow("Gitea needs its token") << s("deployKeyRadio") << int(DeployKeyType::EcdsaP384)
                                           << int(GitHostKind::Gitea) << QString() << false << key;
    QTest::addRow("HTTPS with a token") << s("httpsRadio") << 0 << -1 << s("read-token") << true
                                        << int(BootstrapOptions::Credentials::HttpsToken);
    QTest::addRow("HTTPS needs its token") << s("httpsRadio") << 0 << -1 << QString() << false
                                           << int(BootstrapOptions::Credentials::HttpsToken);
    QTest::addRow("the Secret is there") << s("existingSecretRadio") << 0 << -1 << QString() << true
                                         << int(BootstrapOptions::Credentials::Existing);
}

void TestBootstrapWizard::accessBecomesOptions()
{
    QFETCH(QString, radio);
    QFETCH(int, keyType);
    QFETCH(int, hostApi);
    QFETCH(QString, token);
    QFETCH(bool, complete);
    QFETCH(int, credentials);

    BootstrapWizard wizard(context());
    QSignalSpy preflight(&wizard, &BootstrapWizard::preflightRequested);
    wizard.show();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(BootstrapWizard::PreflightPageId));
    QCOMPARE(preflight.size(), 1); // entering the page checks
    wizard.preflightStarted();
    wizard.preflightFinished(
        {check(PreflightCheck::Id::KubernetesVersion, PreflightCheck::Verdict::Pass, "v1.31")});
    wizard.next();
    QCOMPARE(wizard.currentId(), int(BootstrapWizard::AccessPageId));
    // The access page commits: its button starts the run.
    QCOMPARE(wizard.button(QWizard::CommitButton)->text(), s("&Bootstrap"));

    child<QRadioButton>(&wizard, qPrintable(radio))->setChecked(true);
    auto *hostToken = child<QLineEdit>(&wizard, "hostTokenEdit");
    auto *httpsToken = child<QLineEdit>(&wizard, "httpsTokenEdit");
    if (radio == s("deployKeyRadio")) {
        auto *type = child<QComboBox>(&wizard, "keyTypeCombo");
        type->setCurrentIndex(type->findData(keyType));
        auto *api = child<QComboBox>(&wizard, "hostApiCombo");
        api->setCurrentIndex(api->findData(hostApi));
        QCOMPARE(hostToken->isEnabled(), hostApi >= 0);
        QVERIFY(!httpsToken->isEnabled());
        QTest::keyClicks(hostToken, token);
    } else if (radio == s("httpsRadio")) {
        QVERIFY(httpsToken->isEnabled());
        QVERIFY(!hostToken->isEnabled());
        QTest::keyClicks(httpsToken, token);
    }
    // Secrets are never shown as typed.
    QCOMPARE(hostToken->echoMode(), QLineEdit::Password);
    QCOMPARE(httpsToken->echoMode(), QLineEdit::Password);
    QTest::keyClicks(child<QLineEdit>(&wizard, "syncUrlEdit"), s("ssh://git@10.0.0.5/me/lab.git"));
    QCOMPARE(wizard.button(QWizard::CommitButton)->isEnabled(), complete);
    if (!complete)
        return;

    const BootstrapOptions options = wizard.options();
    QCOMPARE(int(options.credentials), credentials);
    QCOMPARE(options.syncUrl, s("ssh://git@10.0.0.5/me/lab.git"));
    if (radio == s("deployKeyRadio")) {
        QCOMPARE(int(options.keyType), keyType);
        QCOMPARE(options.hostApi.has_value(), hostApi >= 0);
        if (hostApi >= 0) {
            QCOMPARE(int(*options.hostApi), hostApi);
            QCOMPARE(options.hostToken, token);
        }
        QVERIFY(options.httpsToken.isEmpty());
    } else if (radio == s("httpsRadio")) {
        QCOMPARE(options.httpsUsername, s("git"));
        QCOMPARE(options.httpsToken, token);
        QVERIFY(!options.hostApi);
    }
}

void TestBootstrapWizard::fluxCliChoiceNeedsTheCli()
{
    // Without a flux CLI its entry is there but cannot be chosen, and the download is the default.
    BootstrapWizard without(context(false));
    auto *combo = child<QComboBox>(&without, "componentsSourceCombo");
    const int cli = combo->findData(int(BootstrapOptions::Components::FluxCli));
    QVERIFY(cli >= 0);
    QCOMPARE(combo->currentData().toInt(), int(BootstrapOptions::Components::Download));
    const auto *items = qobject_cast<QStandardItemModel *>(combo->model());
    QVERIFY(items);
    QVERIFY(!items->item(cli)->isEnabled());
    // With one, it is the default: it knows its own version's components.
    BootstrapWizard with(context(true));
    combo = child<QComboBox>(&with, "componentsSourceCombo");
    QCOMPARE(combo->currentData().toInt(), int(BootstrapOptions::Components::FluxCli));
    QCOMPARE(int(with.options().components), int(BootstrapOptions::Components::FluxCli));
}

void TestBootstrapWizard::preflightHoldsBackOnBlockingChecks()
{
    BootstrapWizard wizard(context());
    QSignalSpy preflight(&wizard, &BootstrapWizard::preflightRequested);
    wizard.show();
    wizard.next();
    wizard.preflightStarted();
    auto *status = child<QLabel>(&wizard, "preflightStatus");
    auto *tree = child<QTreeWidget>(&wizard, "preflightTree");
    auto *recheck = child<QPushButton>(&wizard, "recheckButton");
    QCOMPARE(status->text(), s("Checking…"));
    QVERIFY(!recheck->isEnabled());
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    // Lines come in as they are decided.
    wizard.preflightCheckDone(check(PreflightCheck::Id::KubernetesVersion,
                                    PreflightCheck::Verdict::Pass, "Kubernetes v1.31.4+k3s1"));
    QCOMPARE(tree->topLevelItemCount(), 1);
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());

    const QList<PreflightCheck> blocked{
        check(PreflightCheck::Id::KubernetesVersion, PreflightCheck::Verdict::Pass,
              "Kubernetes v1.31.4+k3s1"),
        check(PreflightCheck::Id::Permissions, PreflightCheck::Verdict::Fail,
              "may not create customresourcedefinitions", "Use a cluster-admin context"),
        check(PreflightCheck::Id::Pushed, PreflightCheck::Verdict::Warning, "2 commits not pushed",
              "Push them")};
    wizard.preflightFinished(blocked);
    QCOMPARE(tree->topLevelItemCount(), 3);
    QCOMPARE(tree->topLevelItem(1)->text(1), s("fail"));
    QVERIFY2(tree->topLevelItem(1)->text(2).contains(s("Use a cluster-admin context")),
             qPrintable(tree->topLevelItem(1)->text(2)));
    QVERIFY2(status->text().contains(s("1 of 3 checks stop the bootstrap")),
             qPrintable(status->text()));
    // The blocking line in full below the tree, whatever the column cut off.
    const QString detail = child<QLabel>(&wizard, "preflightDetail")->text();
    QVERIFY2(detail.contains(s("may not create customresourcedefinitions")) &&
                 detail.contains(s("Use a cluster-admin context")),
             qPrintable(detail));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY(recheck->isEnabled());

    // Fixed, checked again: only a warning left, Next goes on.
    QTest::mouseClick(recheck, Qt::LeftButton);
    QCOMPARE(preflight.size(), 2);
    wizard.preflightStarted();
    QCOMPARE(tree->topLevelItemCount(), 0);
    wizard.preflightFinished({blocked.at(0), blocked.at(2)});
    QVERIFY2(status->text().contains(s("read the 1 warnings")), qPrintable(status->text()));
    QVERIFY(child<QLabel>(&wizard, "preflightDetail")->text().contains(s("Push them")));
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
}

void TestBootstrapWizard::runShowsStepsKeyAndResult()
{
    BootstrapWizard wizard(context());
    const QStringList titles{
        s("Reading the repository's remote"), s("Getting the components"), s("Writing the files"),
        s("Committing and pushing"),          s("Making the credentials"), s("Applying Flux")};
    wizard.setStepTitles(titles);
    QSignalSpy run(&wizard, &BootstrapWizard::bootstrapRequested);
    QSignalSpy report(&wizard, &BootstrapWizard::takeoverReportRequested);
    wizard.show();
    wizard.next();
    wizard.preflightStarted();
    wizard.preflightFinished({});
    wizard.next();
    QVERIFY(run.isEmpty());
    QTest::mouseClick(wizard.button(QWizard::CommitButton), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(BootstrapWizard::RunPageId));
    QCOMPARE(run.size(), 1);
    QVERIFY(wizard.isRunning());
    QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled());
    QVERIFY(!wizard.button(QWizard::BackButton)->isVisible());

    auto *steps = child<QTreeWidget>(&wizard, "stepTree");
    QCOMPARE(steps->topLevelItemCount(), 6);
    wizard.stepStarted(0, titles.at(0));
    wizard.stepStarted(1, titles.at(1));
    wizard.progress(512, 1024, s("install.yaml: 512 of 1024 bytes"));
    QCOMPARE(steps->topLevelItem(0)->text(1), s("done"));
    QCOMPARE(steps->topLevelItem(1)->text(1), s("running"));
    QCOMPARE(steps->topLevelItem(2)->text(1), s("waiting"));
    QVERIFY(child<QProgressBar>(&wizard, "stepProgress")->isVisible());
    QCOMPARE(child<QProgressBar>(&wizard, "stepProgress")->value(), 500);
    QCOMPARE(child<QLabel>(&wizard, "runStatus")->text(), s("install.yaml: 512 of 1024 bytes"));

    wizard.stepStarted(4, titles.at(4));
    QVERIFY(!child<QGroupBox>(&wizard, "deployKeyBox")->isVisible());
    const QString key = s("ecdsa-sha2-nistp384 AAAAE2VjZHNh flux");
    wizard.deployKeyReady(key, s("SHA256:abc"),
                          QUrl(s("https://github.com/me/homelab/settings/keys")));
    QVERIFY(child<QGroupBox>(&wizard, "deployKeyBox")->isVisible());
    QCOMPARE(child<QPlainTextEdit>(&wizard, "deployKeyText")->toPlainText(), key);
    QVERIFY(child<QLabel>(&wizard, "deployKeyLink")
                ->text()
                .contains(s("https://github.com/me/homelab/settings/keys")));
    QTest::mouseClick(child<QPushButton>(&wizard, "copyKeyButton"), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), key);

    // A failure: the step is marked, the server's words and what is in the cluster are shown.
    wizard.stepStarted(5, titles.at(5));
    BootstrapResult failed;
    failed.failedStep = titles.at(5);
    failed.error = s("customresourcedefinitions is forbidden: User \"me\" cannot create");
    failed.commit = s("0123456789abcdef");
    failed.pushed = true;
    failed.apply.error = failed.error;
    failed.apply.failedStep = s("Applying Namespace flux-system");
    BootstrapObject applied;
    applied.object = s("CustomResourceDefinition gitrepositories.source.toolkit.fluxcd.io");
    applied.state = BootstrapObject::State::Applied;
    BootstrapObject refused;
    refused.object = s("Namespace flux-system");
    refused.state = BootstrapObject::State::Failed;
    failed.apply.objects << applied << refused;
    wizard.bootstrapFinished(failed);
    QVERIFY(!wizard.isRunning());
    QCOMPARE(steps->topLevelItem(5)->text(1), s("failed"));
    const QString result = child<QLabel>(&wizard, "resultLabel")->text();
    QVERIFY2(result.contains(s("is forbidden")), qPrintable(result));
    QVERIFY2(result.contains(s("Committed 0123456 and pushed")), qPrintable(result));
    QVERIFY2(result.contains(s("gitrepositories.source.toolkit.fluxcd.io")), qPrintable(result));
    QVERIFY2(result.contains(s("Refused: Namespace flux-system")), qPrintable(result));
    QCOMPARE(result.count(s("is forbidden")), 1);
    QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
    QVERIFY(!wizard.button(QWizard::CustomButton1)->isVisible());

    QVERIFY(child<QPushButton>(&wizard, "changeSettingsButton")->isVisible());
    // Run Again starts over with the same options.
    auto *again = child<QPushButton>(&wizard, "runAgainButton");
    QVERIFY(again->isVisible());
    QTest::mouseClick(again, Qt::LeftButton);
    QCOMPARE(run.size(), 2);
    QVERIFY(wizard.isRunning());
    QCOMPARE(steps->topLevelItem(5)->text(1), s("waiting"));
    QVERIFY(!again->isVisible());
    BootstrapResult ok;
    ok.ok = true;
    ok.written = QStringList{s("clusters/homelab/flux-system/gotk-sync.yaml")};
    wizard.stepStarted(5, titles.at(5));
    wizard.bootstrapFinished(ok);
    for (int i = 0; i < 6; ++i)
        QCOMPARE(steps->topLevelItem(i)->text(1), s("done"));
    QVERIFY(child<QLabel>(&wizard, "resultLabel")->text().contains(s("gotk-sync.yaml")));
    QVERIFY(wizard.button(QWizard::CustomButton1)->isVisible());
    QTest::mouseClick(wizard.button(QWizard::CustomButton1), Qt::LeftButton);
    QCOMPARE(report.size(), 1);
    QVERIFY(!child<QPushButton>(&wizard, "changeSettingsButton")->isVisible());
}

void TestBootstrapWizard::changeSettingsAfterAFailure()
{
    BootstrapWizard wizard(context());
    wizard.setStepTitles({s("one")});
    QSignalSpy preflight(&wizard, &BootstrapWizard::preflightRequested);
    QSignalSpy run(&wizard, &BootstrapWizard::bootstrapRequested);
    wizard.show();
    wizard.next();
    wizard.preflightStarted();
    wizard.preflightFinished({});
    wizard.next();
    child<QRadioButton>(&wizard, "httpsRadio")->setChecked(true);
    QTest::keyClicks(child<QLineEdit>(&wizard, "httpsTokenEdit"), s("t0ken"));
    wizard.next();
    wizard.stepStarted(0, s("one"));
    BootstrapResult failed;
    failed.failedStep = s("One");
    failed.error = s("Flux reads the repository from the cluster, which cannot reach file:///x");
    wizard.bootstrapFinished(failed);
    // The commit page has no Back; Change Settings starts over with what was chosen, and the
    // pre-flight runs again (the cluster may hold part of Flux now).
    QTest::mouseClick(child<QPushButton>(&wizard, "changeSettingsButton"), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(BootstrapWizard::ComponentsPageId));
    QCOMPARE(child<QLineEdit>(&wizard, "fluxVersionEdit")->text(), s("2.6.4"));
    wizard.next();
    QCOMPARE(preflight.size(), 2);
    wizard.preflightStarted();
    wizard.preflightFinished({});
    wizard.next();
    QVERIFY(child<QRadioButton>(&wizard, "httpsRadio")->isChecked());
    QTest::keyClicks(child<QLineEdit>(&wizard, "syncUrlEdit"), s("https://git.example.com/lab"));
    wizard.next();
    QCOMPARE(run.size(), 2);
    QCOMPARE(run.constLast().at(0).value<BootstrapOptions>().syncUrl,
             s("https://git.example.com/lab"));
    QCOMPARE(run.constLast().at(0).value<BootstrapOptions>().httpsToken, s("t0ken"));
}

void TestBootstrapWizard::cancelStopsWithoutClosing()
{
    BootstrapWizard wizard(context());
    wizard.setStepTitles({s("one"), s("two")});
    QSignalSpy cancel(&wizard, &BootstrapWizard::cancelRequested);
    wizard.show();
    wizard.next();
    wizard.preflightStarted();
    wizard.preflightFinished({});
    wizard.next();
    wizard.next(); // the commit page's Bootstrap
    QVERIFY(wizard.isRunning());
    wizard.stepStarted(1, s("two"));
    // Escape asks the run to stop; the wizard stays to say what is left.
    QTest::keyClick(&wizard, Qt::Key_Escape);
    QCOMPARE(cancel.size(), 1);
    QVERIFY(wizard.isVisible());
    QCOMPARE(child<QLabel>(&wizard, "runStatus")->text(), s("Cancelling…"));
    QVERIFY(!wizard.button(QWizard::CancelButton)->isEnabled());
    BootstrapResult stopped;
    stopped.cancelled = true;
    stopped.failedStep = s("Two");
    wizard.bootstrapFinished(stopped);
    QCOMPARE(child<QTreeWidget>(&wizard, "stepTree")->topLevelItem(1)->text(1), s("cancelled"));
    QCOMPARE(child<QLabel>(&wizard, "runStatus")->text(), s("Cancelled: Two."));
    QVERIFY(child<QLabel>(&wizard, "resultLabel")->text().contains(s("Nothing was applied")));
    // Now it closes.
    QTest::keyClick(&wizard, Qt::Key_Escape);
    QCOMPARE(cancel.size(), 1);
    QVERIFY(!wizard.isVisible());
}

void TestBootstrapWizard::insecureConnectionIsSaid()
{
    BootstrapWizardContext c = context();
    BootstrapWizard verified(c);
    QVERIFY(!child<QLabel>(&verified, "insecureWarning"));
    c.insecureConnection = true;
    BootstrapWizard insecure(c);
    insecure.show();
    auto *warning = child<QLabel>(&insecure, "insecureWarning");
    QVERIFY(warning);
    QVERIFY(warning->isVisible());
    QVERIFY(warning->text().contains(s("TLS verification off")));
}

QTEST_MAIN(TestBootstrapWizard)
#include "tst_bootstrapwizard.moc"
