// Encrypted Secrets in the window, on a stock K3s homelab (tests/data/k3s): the user makes an age
// key, sets the repository up, turns encryption on, includes an app's Secret and the Secret the
// grafana release's credentials move to, writes the plan, and the repository
// holds only encrypted Secret values, a .sops.yaml, decrypting Kustomizations and no key.
// Debian's age and the independent SOPS implementation (tests/secrets/interop) read every file.
#include "encryptiondialog.h"
#include "fakeapiserver.h"
#include "items/plantreemodel.h"
#include "items/problemmodel.h"
#include "kube/clustersession.h"
#include "mainwindow.h"
#include "manifest/yamljson.h"
#include "plan/plansession.h"
#include "plancontroller.h"
#include "planpane.h"
#include "problemspanel.h"
#include "secrets/agekeys.h"
#include "secrets/sopsconfig.h"
#include "secrets/sopsfile.h"
#include "secretscontroller.h"
#include "takeovertesting.h"
#include "windowtesting.h"
#include "writeplandialogtesting.h"

#include <QAction>
#include <QCheckBox>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;
using Fluxdesk::Testing::acceptWriteDialogSoon;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

const char fixturePath[] = FLUXDESK_TEST_DATA "/k3s/k3s-homelab.yaml";
const char interopTool[] = FLUXDESK_SOURCE_DIR "/tests/secrets/interop/sops-interop.mjs";

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Every value under data and stringData of a Secret's text, as written and decoded.
QStringList secretValues(const QString &yaml)
{
    QStringList out;
    Result<QJsonValue> value = parseYamlValue(yaml.toUtf8(), QString());
    if (!value)
        return out;
    const QJsonObject object = value->toObject();
    const QJsonObject data = object.value(QLatin1String("data")).toObject();
    for (auto it = data.begin(); it != data.end(); ++it) {
        out << it.value().toString();
        const QByteArray decoded = QByteArray::fromBase64(it.value().toString().toLatin1());
        if (decoded.size() >= 6)
            out << QString::fromUtf8(decoded);
    }
    const QJsonObject stringData = object.value(QLatin1String("stringData")).toObject();
    for (auto it = stringData.begin(); it != stringData.end(); ++it)
        out << it.value().toString();
    out.removeAll(QString());
    return out;
}

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString &program, const QStringList &arguments, const QString &dir = {})
{
    QProcess process;
    if (!dir.isEmpty())
        process.setWorkingDirectory(dir);
    process.start(program, arguments);
    Run r;
    if (!process.waitForFinished(120000))
        return r;
    r.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = process.readAllStandardOutput();
    r.err = process.readAllStandardError();
    return r;
}

} // namespace

class TestMainWindowSecrets : public QObject
{
    Q_OBJECT
public:
    TestMainWindowSecrets() { TestFiles::useScratchHome(m_home); }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void keySetUpEncryptWriteAndEveryReaderAgrees()
    {
        const QString git = QStandardPaths::findExecutable(s("git"));
        const QString node = QStandardPaths::findExecutable(s("node"));
        const QString age = QStandardPaths::findExecutable(s("age"));
        if (git.isEmpty() || node.isEmpty() || age.isEmpty())
            QFAIL("git, node and age are needed: run scripts/setup-deps.sh test");

        QTemporaryDir repo;
        QVERIFY(repo.isValid());
        QCOMPARE(run(git, {s("init"), s("-q"), repo.path()}).code, 0);
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        PlanController *plan = window.planController();
        QVERIFY(TestFiles::startOnSnapshot(window, s(fixturePath), repo.path()));
        QSignalSpy ready(plan->session(), &PlanSession::planReady);

        // Repository > Encrypt Secrets (SOPS)…: no key yet.
        SecretsController *secrets = window.secretsController();
        QVERIFY(secrets);
        QSignalSpy done(secrets, &SecretsController::done);
        secrets->action()->trigger();
        QVERIFY(done.wait(10000));
        EncryptionDialog *dialog = secrets->dialog();
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY2(dialog->statusText().contains(s("No age key yet")),
                 qPrintable(dialog->statusText()));
        auto *setUp = dialog->findChild<QPushButton *>(s("setUpRepositoryButton"));
        QVERIFY(setUp && !setUp->isEnabled());

        // Create Key: the key lands where sops looks, private; the backup advice is shown.
        done.clear();
        dialog->findChild<QPushButton *>(s("createKeyButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(secrets->status().hasKey(), 10000);
        const QString keyFile = m_home.filePath(s(".config/sops/age/keys.txt"));
        QVERIFY(QFile::exists(keyFile));
        const QString recipient = secrets->status().recipients.constFirst();
        auto *backup = dialog->findChild<QLabel *>(s("backupAdvice"));
        QVERIFY(backup && backup->isVisible());
        QVERIFY(backup->text().contains(s("lost")));
        QVERIFY(setUp->isEnabled());

        // Set Up Repository: .sops.yaml encrypting Secret files to the key, key files ignored.
        done.clear();
        setUp->click();
        QTRY_VERIFY_WITH_TIMEOUT(secrets->status().isSetUp(), 20000);
        Result<Sops::Config> config =
            Sops::parseConfig(readAll(repo.filePath(s(".sops.yaml"))), s(".sops.yaml"));
        QVERIFY2(config.ok(), qPrintable(config.error().toString()));
        QCOMPARE(config->creationRules.constFirst().ageRecipients, QStringList{recipient});
        QVERIFY(readAll(repo.filePath(s(".gitignore"))).contains("*.agekey"));

        // Write included Secrets encrypted, and include the app's Secret.
        auto *encrypt = dialog->findChild<QCheckBox *>(s("encryptPlanCheck"));
        QVERIFY(encrypt && encrypt->isEnabled());
        encrypt->click();
        QVERIFY(plan->session()->decisions().encryptSecrets);
        QVERIFY(readAll(repo.filePath(s(".fluxdesk/plan.yaml"))).contains("encrypt: true"));
        dialog->close();
        // The app's Secret, and the Secret the grafana release's credentials move to.
        const ObjectKey app{QString(), s("Secret"), s("log-analyzer"),
                            s("log-analyzer-credentials")};
        const ObjectKey grafana{QString(), s("Secret"), s("logging"), s("grafana-values")};
        plan->includeObjects({app, grafana});
        QVERIFY(TestFiles::waitForSettledPlan(ready));

        // The planned Secrets: the app's and the grafana release's credentials, both encrypted.
        const std::shared_ptr<const PlanSnapshot> planned = plan->session()->snapshot();
        QVERIFY(planned);
        QStringList secretFiles;
        QStringList plainValues;
        for (const PlannedFile &f : planned->plan.files) {
            if (!f.text.contains(s("\nkind: Secret\n")) && !f.text.startsWith(s("kind: Secret")))
                continue;
            QVERIFY2(f.encrypted, qPrintable(f.path));
            secretFiles << f.path;
            plainValues << secretValues(f.text);
        }
        QVERIFY2(
            secretFiles.contains(s("workloads/log-analyzer/log-analyzer-credentials-secret.yaml")),
            qPrintable(secretFiles.join(s(", "))));
        QVERIFY2(std::any_of(secretFiles.cbegin(), secretFiles.cend(),
                             [](const QString &p) { return p.contains(s("grafana-values")); }),
                 qPrintable(secretFiles.join(s(", "))));
        QVERIFY(plainValues.size() >= 3);
        // The plan tree says so beside each of them.
        auto *pane = window.findChild<PlanPane *>(s("planPane"));
        QVERIFY(pane);
        for (const QString &path : std::as_const(secretFiles)) {
            const QModelIndex index = pane->model()->indexForPath(path);
            QVERIFY2(index.isValid(), qPrintable(path));
            const QString status =
                index.siblingAtColumn(PlanTreeModel::StatusColumn).data().toString();
            QVERIFY2(status.endsWith(s("· encrypted")), qPrintable(status));
            QVERIFY(index.data(PlanTreeModel::EncryptedRole).toBool());
        }

        // Write Plan.
        QSignalSpy written(plan->session(), &PlanSession::written);
        acceptWriteDialogSoon();
        plan->writeAction()->trigger();
        QVERIFY(written.wait(60000));

        // Every Secret file is a SOPS file both readers open; its data keys open with age.
        for (const QString &path : std::as_const(secretFiles)) {
            const QString file = repo.filePath(path);
            const QByteArray text = readAll(file);
            QVERIFY2(Sops::isEncrypted(text), qPrintable(path));
            const Run js =
                run(node, {s(interopTool), s("decrypt"), file, s("--identity"), keyFile});
            QVERIFY2(js.code == 0, js.err.constData());
            QVERIFY(js.out.contains("kind: Secret"));
            Result<QJsonValue> parsed = parseYamlValue(text, path);
            QVERIFY(parsed.ok());
            const QJsonArray stanzas =
                parsed->toObject().value(s("sops")).toObject().value(s("age")).toArray();
            QCOMPARE(stanzas.size(), 1);
            QTemporaryDir scratch;
            const QString wrapped = scratch.filePath(s("key.age"));
            QFile out(wrapped);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(stanzas.at(0).toObject().value(s("enc")).toString().toUtf8());
            out.close();
            const Run key = run(age, {s("-d"), s("-i"), keyFile, wrapped});
            QVERIFY2(key.code == 0, key.err.constData());
            QCOMPARE(key.out.size(), 32);
        }

        // The Kustomizations that apply them decrypt with sops-age.
        const QByteArray workloads = readAll(repo.filePath(s("clusters/homelab/workloads.yaml")));
        QVERIFY2(workloads.contains("decryption:"), workloads.constData());
        QVERIFY(workloads.contains("name: sops-age"));

        // Nothing in the checkout holds a credential in plain text, nor the private key.
        QCOMPARE(run(git, {s("add"), s("-A")}, repo.path()).code, 0);
        for (const QString &value : std::as_const(plainValues)) {
            const Run grep = run(git, {s("grep"), s("-F"), s("-q"), s("-e"), value}, repo.path());
            QVERIFY2(grep.code == 1, qPrintable(s("plain credential found: ") + value));
        }
        QCOMPARE(run(git, {s("grep"), s("-q"), s("AGE-SECRET-KEY")}, repo.path()).code, 1);
    }

    // A Secret included in plain text is a problem with a one-click Encrypt: it turns the plan's
    // encryption on and, with the repository not set up, opens the dialog saying what is missing.
    void plainSecretProblemOffersEncrypt()
    {
        QTemporaryDir repo;
        QVERIFY(repo.isValid());
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        PlanController *plan = window.planController();
        QVERIFY(TestFiles::startOnSnapshot(window, s(fixturePath), repo.path()));
        QSignalSpy ready(plan->session(), &PlanSession::planReady);
        QVERIFY(!plan->session()->decisions().encryptSecrets);
        plan->includeObjects(
            {ObjectKey{QString(), s("Secret"), s("log-analyzer"), s("log-analyzer-credentials")}});
        QVERIFY(TestFiles::waitForSettledPlan(ready));

        auto *panel = window.findChild<ProblemsPanel *>();
        QVERIFY(panel);
        QAbstractItemModel *model = panel->view()->model();
        QModelIndex plain;
        for (int row = 0; row < model->rowCount() && !plain.isValid(); ++row) {
            const QModelIndex index = model->index(row, 0);
            if (index.data(ProblemModel::RuleRole).toString() == s("plan-plain-text-secret"))
                plain = index;
        }
        QVERIFY(plain.isValid());
        auto *fix = panel->findChild<QToolButton *>(s("problemFixButton"));
        QVERIFY(fix);
        QVERIFY(fix->isHidden());
        panel->view()->setCurrentIndex(plain);
        QVERIFY(!fix->isHidden());
        QCOMPARE(fix->defaultAction(), window.secretsController()->encryptFixAction());

        QSignalSpy done(window.secretsController(), &SecretsController::done);
        fix->click();
        QVERIFY(done.wait(10000));
        QVERIFY(plan->session()->decisions().encryptSecrets);
        EncryptionDialog *dialog = window.secretsController()->dialog();
        QVERIFY(dialog && dialog->isVisible());
        // The first case made a key in this home already: only the set-up is missing then.
        const QString missing = window.secretsController()->status().hasKey()
                                    ? s("Set the repository up")
                                    : s("Create a key");
        QTRY_VERIFY2_WITH_TIMEOUT(dialog->statusText().contains(missing),
                                  qPrintable(dialog->statusText()), 10000);
    }

    // Put Key in Cluster, on a live cluster: the Secret flux-system/sops-age holds the age key
    // that opens the repository's Secrets, and the dialog says so.
    void putKeyInTheLiveCluster()
    {
        QTemporaryDir dir, repo;
        FakeApiServer::Options serverOptions;
        serverOptions.tls = false;
        serverOptions.token = s("secrets-window");
        FakeApiServerThread server(serverOptions);
        QVERIFY(server.start({}));
        const QString kubeconfig = dir.filePath(s("cluster.kubeconfig"));
        QVERIFY(server.writeKubeconfig(kubeconfig, TestPki(), FakeApiServer::Credentials::Token));
        FakeApiServer *api = server.server();

        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QSignalSpy loaded(window.session(), &ClusterSession::finished);
        StartupOptions options;
        options.kubeconfig = kubeconfig;
        options.repo = repo.path();
        window.start(options);
        QVERIFY(loaded.wait(30000));

        SecretsController *secrets = window.secretsController();
        QSignalSpy done(secrets, &SecretsController::done);
        secrets->action()->trigger();
        QVERIFY(done.wait(10000));
        EncryptionDialog *dialog = secrets->dialog();
        QVERIFY(dialog);
        auto *apply = dialog->findChild<QPushButton *>(s("applyKeyButton"));
        QVERIFY(apply && !apply->isEnabled()); // nothing set up yet: no key that opens anything
        if (!secrets->status().hasKey()) {
            dialog->findChild<QPushButton *>(s("createKeyButton"))->click();
            QTRY_VERIFY_WITH_TIMEOUT(secrets->status().hasKey(), 10000);
        }
        dialog->findChild<QPushButton *>(s("setUpRepositoryButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(secrets->status().isSetUp(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(apply->isEnabled(), 10000);

        done.clear();
        apply->click();
        QTRY_VERIFY2_WITH_TIMEOUT(dialog->statusText().contains(s("flux-system/sops-age")),
                                  qPrintable(dialog->statusText()), 30000);
        const QJsonObject secret = findObject(api->objects(), "Secret", "sops-age");
        QCOMPARE(secret.value(s("metadata")).toObject().value(s("namespace")).toString(),
                 s("flux-system"));
        const QByteArray key = secretValue(secret, s("identity.agekey"));
        Result<QList<Age::Identity>> identities = Age::parseIdentityFile(key);
        QVERIFY2(identities.ok(), key.constData());
        QCOMPARE(identities->constFirst().recipient(),
                 secrets->status().ruleRecipients.constFirst());
        QVERIFY(!dialog->statusText().contains(s("AGE-SECRET-KEY")));
    }

private:
    QTemporaryDir m_home;
};

QTEST_MAIN(TestMainWindowSecrets)
#include "tst_mainwindow_secrets.moc"
