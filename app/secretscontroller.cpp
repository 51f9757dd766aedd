#include "secretscontroller.h"

#include "core/jobrunner.h"
#include "encryptiondialog.h"
#include "flux/bootstrapapply.h"
#include "kube/clustersession.h"
#include "plan/fluxobjects.h"
#include "plan/plansession.h"
#include "secrets/agekeys.h"
#include "secrets/sopssetup.h"

#include <QAction>
#include <QDateTime>
#include <QWidget>

namespace Fluxdesk {

namespace {

// What a key or set-up job hands back.
struct Outcome
{
    bool ok = false;
    QString message;
    QString recipient; // a new key's
    QString keyFile;
};

} // namespace

SecretsController::SecretsController(QWidget *window, ClusterSession *cluster, PlanSession *plan)
    : QObject(window), m_window(window), m_cluster(cluster), m_plan(plan),
      m_action(new QAction(tr("&Encrypt Secrets (SOPS)…"), this)),
      m_encryptFix(new QAction(tr("&Encrypt Secrets"), this)), m_jobs(new JobRunner(this))
{
    m_encryptFix->setObjectName(QStringLiteral("encryptSecretsFixAction"));
    m_encryptFix->setToolTip(tr("Write the Secrets you include encrypted (SOPS, age) instead of "
                                "in plain text"));
    connect(m_encryptFix, &QAction::triggered, this, &SecretsController::encryptPlainSecrets);
    setObjectName(QStringLiteral("secretsController"));
    m_action->setObjectName(QStringLiteral("encryptSecretsAction"));
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_action->setStatusTip(tr("Your age key, the repository's set-up for encrypted Secrets and "
                              "the key Flux decrypts them with"));
    connect(m_action, &QAction::triggered, this, &SecretsController::openDialog);
    connect(m_cluster, &ClusterSession::finished, this, [this] {
        if (m_dialog)
            m_dialog->setClusterUnavailable(clusterUnavailableReason());
    });
}

SecretsController::~SecretsController() = default;

EncryptionDialog *SecretsController::dialog() const
{
    return m_dialog;
}

QString SecretsController::clusterUnavailableReason() const
{
    if (m_cluster->source().kind != ClusterSource::Kind::Kubeconfig)
        return tr("Connect to the live cluster first: the key goes into its flux-system "
                  "namespace.");
    if (m_apply && m_apply->isRunning())
        return tr("The key is being put into the cluster.");
    return {};
}

void SecretsController::openDialog()
{
    if (!m_dialog) {
        m_dialog = new EncryptionDialog(m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &EncryptionDialog::createKeyRequested, this,
                &SecretsController::createKey);
        connect(m_dialog, &EncryptionDialog::setUpRequested, this, &SecretsController::setUp);
        connect(m_dialog, &EncryptionDialog::applyKeyRequested, this, &SecretsController::applyKey);
        connect(m_dialog, &EncryptionDialog::encryptPlanChanged, this,
                &SecretsController::setEncryptPlan);
    }
    m_dialog->setEncryptPlan(m_plan->decisions().encryptSecrets);
    m_dialog->setClusterUnavailable(clusterUnavailableReason());
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
    refresh();
}

void SecretsController::encryptPlainSecrets()
{
    const QString repo = m_plan->repository();
    if (repo.isEmpty()) {
        emit openRepositoryRequested();
        return;
    }
    m_jobs->start([repo](const JobContext &) { return Sops::readEncryptionStatus(repo); },
                  [this](const Sops::EncryptionStatus &status) {
                      m_status = status;
                      setEncryptPlan(true);
                      if (!status.isSetUp()) {
                          openDialog();
                          m_dialog->showResult(
                              false, status.hasKey()
                                         ? tr("Set the repository up: until then the plan "
                                              "cannot write Secrets encrypted.")
                                         : tr("Create a key and set the repository up: until "
                                              "then the plan cannot write Secrets encrypted."));
                      }
                      emit done();
                  });
}

void SecretsController::refresh()
{
    const QString repo = m_plan->repository();
    m_jobs->start([repo](const JobContext &) { return Sops::readEncryptionStatus(repo); },
                  [this](const Sops::EncryptionStatus &status) {
                      m_status = status;
                      if (m_dialog) {
                          m_dialog->setStatus(status);
                          m_dialog->setBusy(false);
                      }
                      emit done();
                  });
}

void SecretsController::finishWork(bool ok, const QString &message)
{
    if (m_dialog) {
        m_dialog->setBusy(false);
        m_dialog->showResult(ok, message);
        m_dialog->setClusterUnavailable(clusterUnavailableReason());
    }
    emit statusMessage(message, 8000);
    refresh();
}

void SecretsController::createKey()
{
    if (m_dialog)
        m_dialog->setBusy(true, tr("Creating an age key…"));
    const QString keyFile = AgeKeys::keyFilePath();
    m_jobs->start(
        [keyFile](const JobContext &) {
            Outcome outcome;
            Result<Age::Identity> key = AgeKeys::createKey(keyFile);
            outcome.ok = key.ok();
            outcome.keyFile = keyFile;
            if (key)
                outcome.recipient = key->recipient();
            else
                outcome.message = key.error().toString();
            return outcome;
        },
        [this](const Outcome &outcome) {
            if (outcome.ok && m_dialog)
                m_dialog->showNewKey(outcome.recipient, outcome.keyFile,
                                     AgeKeys::backupAdvice(outcome.keyFile, outcome.recipient));
            if (outcome.ok) {
                emit statusMessage(tr("Created the age key %1").arg(outcome.recipient), 8000);
                if (m_dialog)
                    m_dialog->setBusy(false);
                refresh();
                return;
            }
            finishWork(false, tr("The key was not created: %1").arg(outcome.message));
        });
}

void SecretsController::setUp()
{
    const QString repo = m_plan->repository();
    if (repo.isEmpty()) {
        emit openRepositoryRequested();
        return;
    }
    const QStringList recipients = m_status.recipients;
    if (m_dialog)
        m_dialog->setBusy(true, tr("Setting up %1…").arg(repo));
    m_jobs->start(
        [repo, recipients](const JobContext &) {
            Outcome outcome;
            Result<QStringList> written = Sops::setUpRepository(repo, recipients);
            outcome.ok = written.ok();
            outcome.message =
                written ? written->join(QLatin1String(", ")) : written.error().toString();
            return outcome;
        },
        [this](const Outcome &outcome) {
            if (!outcome.ok) {
                finishWork(false, tr("The repository was not set up: %1").arg(outcome.message));
                return;
            }
            m_plan->replan(); // the Kustomizations and .sops.yaml changed on disk
            finishWork(true, outcome.message.isEmpty()
                                 ? tr("The repository was already set up.")
                                 : tr("Set up the repository: wrote %1.").arg(outcome.message));
        });
}

void SecretsController::setEncryptPlan(bool on)
{
    PlanDecisions decisions = m_plan->decisions();
    if (decisions.encryptSecrets == on)
        return;
    decisions.encryptSecrets = on;
    if (!m_plan->setDecisions(decisions)) {
        if (m_dialog)
            m_dialog->setEncryptPlan(!on);
        return;
    }
    emit statusMessage(on ? tr("The plan writes included Secrets encrypted (.fluxdesk/plan.yaml)")
                          : tr("The plan writes included Secrets as plain text "
                               "(.fluxdesk/plan.yaml)"),
                       8000);
}

void SecretsController::applyKey()
{
    const QString reason = clusterUnavailableReason();
    if (!reason.isEmpty()) {
        finishWork(false, reason);
        return;
    }
    // The keys that open what the repository encrypts: the Secret holds only those.
    Result<Sops::ClusterKeys> keys =
        Sops::clusterKeys(m_plan->repository(), AgeKeys::findIdentities().identities);
    if (!keys) {
        finishWork(false, tr("The key was not put into the cluster: %1").arg(keys.error().message));
        return;
    }
    const QStringList recipients = keys->recipients;
    delete m_apply;
    m_apply = new BootstrapApply(m_cluster->connection(), this);
    connect(m_apply, &BootstrapApply::finished, this,
            [this, recipients](const BootstrapApplyReport &report) {
                if (report.ok)
                    finishWork(true, tr("The Secret flux-system/%1 holds the key for %2: Flux "
                                        "can decrypt the repository's Secrets.")
                                         .arg(Sops::decryptionSecretName(),
                                              recipients.join(QLatin1String(", "))));
                else
                    finishWork(false,
                               tr("The key was not put into the cluster: %1").arg(report.error));
            });
    BootstrapApply::Input input;
    input.components.append(minimalNamespace(QStringLiteral("flux-system")));
    input.secret = Sops::decryptionSecret(keys->text.bytes());
    BootstrapApply::Options options;
    // A manager of its own: re-applying flux-system's Namespace under Flux's bootstrap manager
    // would drop the labels the bootstrap gave it.
    options.fieldManager = QStringLiteral("fluxdesk-sops");
    options.waitForControllers = false;
    options.waitForSources = false;
    if (m_dialog)
        m_dialog->setBusy(true, tr("Putting the key into the cluster…"));
    m_apply->start(input, options);
}

} // namespace Fluxdesk
