#include "bootstrapcontroller.h"

#include "bootstrapwizard.h"
#include "core/jobrunner.h"
#include "flux/bootstrapsession.h"
#include "flux/componentsmanifest.h"
#include "flux/componentssource.h"
#include "flux/fluxversions.h"
#include "flux/preflight.h"
#include "flux/takeover.h"
#include "git/gitsecretstore.h"
#include "kube/clustersession.h"
#include "plan/plandecisions.h"
#include "plan/planjob.h"
#include "plan/planoptions.h"
#include "plan/plansession.h"
#include "secrets/agekeys.h"
#include "secrets/sopssetup.h"

#include <QAction>
#include <QDateTime>
#include <QFile>
#include <QSettings>
#include <QWidget>

namespace Fluxdesk {

namespace {

const char versionKey[] = "bootstrap/fluxVersion";

// What the takeover baseline job hands back: the baseline, or why there is none, and the age
// keys Flux gets when the user asked.
struct Baseline
{
    std::optional<TakeoverBaseline> baseline;
    QString cluster;
    QByteArray sopsAgeKeys;
    QString keyError;
};

// The version a components file says it is ("" when it cannot be read: the bootstrap itself then
// says why, with the file's name).
QString componentsFileVersion(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const Result<ComponentsManifest> manifest = checkComponentsManifest(file.readAll(), path);
    return manifest ? manifest->version : QString();
}

} // namespace

BootstrapController::BootstrapController(QWidget *window, ClusterSession *cluster,
                                         PlanSession *plan)
    : QObject(window), m_window(window), m_cluster(cluster), m_plan(plan),
      m_action(new QAction(tr("&Bootstrap Flux…"), this)), m_jobs(new JobRunner(this))
{
    setObjectName(QStringLiteral("bootstrapController"));
    m_action->setObjectName(QStringLiteral("fluxBootstrapAction"));
    m_action->setStatusTip(tr("Install Flux in the cluster and point it at the repository, as "
                              "flux bootstrap does"));
    connect(m_action, &QAction::triggered, this, &BootstrapController::openWizard);
    connect(m_cluster, &ClusterSession::started, this, &BootstrapController::updateAction);
    connect(m_cluster, &ClusterSession::finished, this, &BootstrapController::updateAction);
    connect(m_plan, &PlanSession::planReady, this, &BootstrapController::updateAction);
    updateAction();
}

BootstrapController::~BootstrapController()
{
    // The session waits for its push, which reads the keychain: gone before the keychain is.
    delete m_session;
}

BootstrapWizard *BootstrapController::wizard() const
{
    return m_wizard;
}

bool BootstrapController::isRunning() const
{
    return m_session && m_session->isRunning();
}

QString BootstrapController::unavailableReason() const
{
    if (m_cluster->source().kind != ClusterSource::Kind::Kubeconfig)
        return tr("Connect to the live cluster first: Flux is bootstrapped into a running "
                  "cluster, not into %1.")
            .arg(m_cluster->source().displayName());
    if (m_cluster->isBusy())
        return tr("Wait until the cluster is loaded: the takeover baseline records what runs.");
    if (m_cluster->inventory().objects().isEmpty())
        return tr("Load the cluster first: the takeover baseline records what runs in it.");
    if (m_plan->repository().isEmpty())
        return tr("Open the repository first: Flux's files are committed and pushed there.");
    return {};
}

void BootstrapController::updateAction()
{
    const QString reason = unavailableReason();
    // Kept enabled: triggering it says what is missing (and offers to open a repository).
    m_action->setToolTip(reason.isEmpty() ? m_action->statusTip() : reason);
}

void BootstrapController::openWizard()
{
    if (m_wizard) {
        m_wizard->show();
        m_wizard->raise();
        m_wizard->activateWindow();
        return;
    }
    const QString reason = unavailableReason();
    if (!reason.isEmpty()) {
        emit statusMessage(reason, 8000);
        if (m_plan->repository().isEmpty() &&
            m_cluster->source().kind == ClusterSource::Kind::Kubeconfig)
            emit openRepositoryRequested();
        return;
    }
    BootstrapWizardContext context;
    context.repository = m_plan->repository();
    const PlanDecisions &decisions = m_plan->decisions();
    context.cluster = decisions.cluster.isEmpty() ? PlanOptions().cluster : decisions.cluster;
    context.clusterDisplay = m_cluster->source().displayName();
    context.fluxCliFound = !ComponentsSource::fluxOnPath().isEmpty();
    const QString newest = FluxVersions::newestKnown().mid(1) + QStringLiteral(".0");
    context.defaultFluxVersion = QSettings().value(QLatin1String(versionKey), newest).toString();
    context.insecureConnection = m_cluster->connection().insecureSkipTlsVerify;
    context.encryptSecrets = decisions.encryptSecrets;
    const Result<Sops::ClusterKeys> keys =
        Sops::clusterKeys(context.repository, AgeKeys::findIdentities().identities);
    if (keys)
        context.sopsRecipients = keys->recipients;

    m_wizard = new BootstrapWizard(context, m_window);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    QStringList titles;
    for (const BootstrapSession::Step step :
         {BootstrapSession::Step::ReadRepository, BootstrapSession::Step::Components,
          BootstrapSession::Step::WriteFiles, BootstrapSession::Step::CommitAndPush,
          BootstrapSession::Step::Credentials, BootstrapSession::Step::Apply})
        titles << BootstrapSession::stepTitle(step);
    m_wizard->setStepTitles(titles);
    connect(m_wizard, &BootstrapWizard::preflightRequested, this,
            &BootstrapController::runPreflight);
    connect(m_wizard, &BootstrapWizard::bootstrapRequested, this,
            &BootstrapController::startBootstrap);
    connect(m_wizard, &BootstrapWizard::cancelRequested, this, [this] {
        if (m_session && m_session->isRunning()) {
            m_session->cancel(); // its finished() says what was done
            return;
        }
        // Still recording the baseline: nothing was written or applied yet.
        m_jobs->cancel();
        BootstrapResult cancelled;
        cancelled.cancelled = true;
        cancelled.failedStep = tr("Recording the takeover baseline");
        onFinished(cancelled);
    });
    connect(m_wizard, &BootstrapWizard::takeoverReportRequested, this,
            &BootstrapController::takeoverReportRequested);
    connect(m_wizard, &QObject::destroyed, this, [this] {
        // Closed: a pre-flight still running has nobody to tell.
        delete m_preflight;
        m_preflight = nullptr;
        m_jobs->cancel();
    });
    m_wizard->show();
}

void BootstrapController::runPreflight()
{
    if (!m_wizard)
        return;
    m_wizard->preflightStarted();
    const BootstrapOptions options = m_wizard->options();
    const QString version = m_wizard->preflightVersion();
    if (!version.isEmpty() || options.useOperator ||
        options.components != BootstrapOptions::Components::File) {
        startPreflight(version.isEmpty() ? FluxVersions::newestKnown() : version);
        return;
    }
    // A components file without a typed version: the file says which Flux it is.
    const QString path = options.componentsFile;
    m_jobs->start([path](const JobContext &) { return componentsFileVersion(path); },
                  [this](const QString &found) {
                      startPreflight(found.isEmpty() ? FluxVersions::newestKnown() : found);
                  });
}

void BootstrapController::startPreflight(const QString &version)
{
    if (!m_wizard)
        return;
    delete m_preflight;
    m_preflight = new Preflight(m_cluster->connection(), this);
    connect(m_preflight, &Preflight::checkDone, m_wizard.data(),
            &BootstrapWizard::preflightCheckDone);
    connect(m_preflight, &Preflight::finished, m_wizard.data(),
            &BootstrapWizard::preflightFinished);
    Preflight::Options options;
    options.fluxVersion = version;
    options.repositoryPath = m_plan->repository();
    m_preflight->start(options);
}

void BootstrapController::startBootstrap(const BootstrapOptions &chosen)
{
    if (isRunning())
        return;
    if (!chosen.fluxVersion.isEmpty())
        QSettings().setValue(QLatin1String(versionKey), chosen.fluxVersion);
    emit statusMessage(tr("Bootstrapping Flux: recording the takeover baseline…"), 0);
    // The baseline of what runs before Flux comes, from the inventory as loaded and the plan.
    const auto inventory = std::make_shared<const Inventory>(m_cluster->inventory());
    const QString repo = chosen.repoDir;
    const PlanDecisions decisions = m_plan->decisions();
    const bool giveKey = chosen.giveSopsAgeKey;
    m_jobs->start(
        [inventory, repo, decisions, giveKey](const JobContext &) {
            Baseline out;
            if (giveKey) {
                Result<Sops::ClusterKeys> keys =
                    Sops::clusterKeys(repo, AgeKeys::findIdentities().identities);
                if (keys)
                    out.sopsAgeKeys = keys->text.bytes();
                else
                    out.keyError = keys.error().toString();
            }
            const std::shared_ptr<const PlanSnapshot> snapshot =
                makePlanSnapshot(*inventory, repo, decisions);
            out.cluster = snapshot->plan.cluster;
            TakeoverBaseline baseline =
                takeoverBaseline(snapshot->plan, *inventory, QDateTime::currentDateTimeUtc());
            if (!baseline.isEmpty())
                out.baseline = std::move(baseline);
            return out;
        },
        [this, chosen](const Baseline &recorded) {
            BootstrapOptions options = chosen;
            if (!recorded.keyError.isEmpty()) {
                BootstrapResult failed;
                failed.error = tr("Flux gets no age key: %1").arg(recorded.keyError);
                failed.failedStep = tr("Reading your age key");
                onFinished(failed);
                return;
            }
            options.sopsAgeKeys = recorded.sopsAgeKeys;
            options.cluster = recorded.cluster;
            options.baseline = recorded.baseline;
            options.releaseBaseUrl = m_releaseBaseUrl;
            delete m_session;
            m_session = new BootstrapSession(m_cluster->connection(), this);
            if (!m_keychain) {
                m_keychain = createSystemSecretStore();
                if (m_keychain)
                    m_readOnly = std::make_unique<ReadOnlySecretStore>(m_keychain.get());
            }
            m_session->setSecretStore(m_readOnly.get());
            if (m_wizard) {
                BootstrapWizard *wizard = m_wizard;
                connect(m_session, &BootstrapSession::stepStarted, wizard,
                        [wizard](BootstrapSession::Step step, const QString &title) {
                            wizard->stepStarted(int(step), title);
                        });
                connect(m_session, &BootstrapSession::progress, wizard, &BootstrapWizard::progress);
                connect(m_session, &BootstrapSession::deployKeyReady, wizard,
                        &BootstrapWizard::deployKeyReady);
            }
            connect(m_session, &BootstrapSession::stepStarted, this,
                    [this](BootstrapSession::Step, const QString &title) {
                        emit statusMessage(tr("Bootstrapping Flux: %1…").arg(title), 0);
                    });
            connect(m_session, &BootstrapSession::finished, this, &BootstrapController::onFinished);
            m_session->start(options);
        });
}

void BootstrapController::onFinished(const BootstrapResult &result)
{
    if (m_wizard)
        m_wizard->bootstrapFinished(result);
    if (result.ok) {
        emit statusMessage(tr("Flux runs and reads the repository: loading the cluster again to "
                              "watch it"),
                           8000);
        // Flux's kinds are served now: a new load discovers them and the Flux view watches them.
        if (!m_cluster->isBusy())
            m_cluster->connectTo(m_cluster->source());
    } else if (result.cancelled) {
        emit statusMessage(tr("Bootstrap cancelled: %1").arg(result.failedStep), 8000);
    } else {
        emit statusMessage(tr("Bootstrap failed: %1").arg(result.failedStep), 8000);
    }
    emit bootstrapFinished(result);
}

} // namespace Fluxdesk
