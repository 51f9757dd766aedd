#include "takeovercontroller.h"

#include "clusterpane.h"
#include "core/jobrunner.h"
#include "editortabs.h"
#include "items/takeovermodel.h"
#include "kube/clustersession.h"
#include "plan/plandecisions.h"
#include "plan/planjob.h"
#include "plan/planoptions.h"
#include "plan/plansession.h"
#include "takeoverdialog.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>

#include <memory>

namespace Fluxdesk {

namespace {

const ObjectKey fluxNamespace{QString(), QStringLiteral("Namespace"), QString(),
                              QStringLiteral("flux-system")};

// What a recording found before the user confirms it.
struct Recording
{
    TakeoverBaseline baseline;
    bool replaces = false; // a baseline is there already
};

QString shortTime(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

} // namespace

struct TakeoverController::Computed
{
    QString repo;
    QString error; // the baseline could not be read
    bool hasBaseline = false;
    QDateTime recordedAt;
    TakeoverReport report;
    QList<ChecklistItem> checklist;
    bool fluxRuns = false;
    QDateTime fluxSince;
};

TakeoverController::TakeoverController(QWidget *window, ClusterSession *cluster, PlanSession *plan,
                                       ClusterPane *clusterPane, EditorTabs *editor)
    : QObject(window), m_window(window), m_cluster(cluster), m_plan(plan),
      m_clusterPane(clusterPane), m_editor(editor), m_reports(new JobRunner(this)),
      m_records(new JobRunner(this))
{
    setObjectName(QStringLiteral("takeoverController"));
    m_recordAction = new QAction(tr("Record Takeover &Baseline…"), this);
    m_recordAction->setObjectName(QStringLiteral("recordTakeoverBaselineAction"));
    m_recordAction->setToolTip(tr("Before Flux takes over: record what runs now (the plan's "
                                  "objects with their uids, the Helm releases at their "
                                  "revisions) in the repository's .fluxdesk/takeover.yaml"));
    connect(m_recordAction, &QAction::triggered, this, &TakeoverController::recordBaseline);
    m_reportAction = new QAction(tr("&Takeover Report…"), this);
    m_reportAction->setObjectName(QStringLiteral("takeoverReportAction"));
    m_reportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_reportAction->setToolTip(tr("The migration checklist and, object by object, whether Flux "
                                  "adopted what ran in place"));
    connect(m_reportAction, &QAction::triggered, this, &TakeoverController::showReport);

    connect(m_cluster, &ClusterSession::started, this, [this] {
        if (m_dialog)
            m_dialog->setBusy(tr("Loading the cluster…"));
    });
    connect(m_cluster, &ClusterSession::finished, this, [this](bool ok, const QString &message) {
        const bool reloading = m_reloading;
        m_reloading = false;
        if (!m_dialog)
            return;
        if (!ok && reloading)
            emit statusMessage(tr("The cluster was not loaded again: %1").arg(message), 0);
        if (m_dialog->isVisible() || reloading)
            recompute();
        else
            m_dialog->setBusy({});
    });
    connect(m_plan, &PlanSession::planReady, this, [this] {
        // Another checkout opened: its baseline, not the last one's.
        if (m_dialog && m_dialog->isVisible() && m_plan->repository() != m_dialog->property("repo"))
            recompute();
    });
    connect(m_reports, &JobRunner::busyChanged, this, &TakeoverController::updateBusy);
    connect(m_records, &JobRunner::busyChanged, this, &TakeoverController::updateBusy);
}

TakeoverController::~TakeoverController() = default;

QString TakeoverController::repository() const
{
    return m_plan->repository();
}

bool TakeoverController::isBusy() const
{
    return m_reports->isBusy() || m_records->isBusy();
}

void TakeoverController::updateBusy()
{
    m_recordAction->setEnabled(!m_records->isBusy());
    if (m_dialog && !isBusy() && !m_cluster->isBusy())
        m_dialog->setBusy({});
}

void TakeoverController::recordBaseline()
{
    const QString repo = repository();
    if (repo.isEmpty()) {
        emit statusMessage(tr("Open a repository first: the takeover baseline is kept in its "
                              ".fluxdesk/takeover.yaml."),
                           8000);
        emit openRepositoryRequested();
        return;
    }
    if (m_cluster->isBusy()) {
        emit statusMessage(tr("Wait until the cluster is loaded: the baseline records all of what "
                              "runs."),
                           8000);
        return;
    }
    if (m_cluster->inventory().objects().isEmpty()) {
        emit statusMessage(tr("Load the cluster first: the baseline records what runs in it."),
                           8000);
        return;
    }
    const auto inventory = std::make_shared<const Inventory>(m_cluster->inventory());
    const PlanDecisions decisions = m_plan->decisions();
    const bool fluxRuns = inventory->find(fluxNamespace) != nullptr;
    emit statusMessage(tr("Planning %1 to record the takeover baseline…").arg(repo), 0);
    if (m_dialog)
        m_dialog->setBusy(tr("Recording the baseline…"));
    m_records->start(
        [inventory, repo, decisions](const JobContext &) {
            Recording recording;
            const std::shared_ptr<const PlanSnapshot> snapshot =
                makePlanSnapshot(*inventory, repo, decisions);
            recording.baseline =
                takeoverBaseline(snapshot->plan, *inventory, QDateTime::currentDateTimeUtc());
            recording.replaces = QFileInfo::exists(QDir(repo).filePath(takeoverBaselinePath()));
            return recording;
        },
        [this, fluxRuns](const Recording &recording) {
            if (recording.baseline.isEmpty()) {
                emit statusMessage({}, 0);
                emit error(tr("Nothing to record"),
                           tr("The plan of %1 migrates no object and no Helm release of this "
                              "cluster, so there is nothing Flux could take over. Check the "
                              "plan's exclusions, then record again.")
                               .arg(repository()));
                return;
            }
            confirmRecord(recording.baseline, fluxRuns, recording.replaces);
        });
}

void TakeoverController::confirmRecord(const TakeoverBaseline &baseline, bool fluxRuns,
                                       bool replaces)
{
    int workloads = 0;
    for (const TakeoverRelease &release : baseline.releases)
        workloads += int(release.workloads.size());
    const QString path = QDir(repository()).filePath(takeoverBaselinePath());
    QString details = tr("%1 objects and %2 Helm releases (%3 objects of theirs) of %4, each "
                         "object with its uid and each release at its revision, go to %5. It "
                         "holds names, uids and revisions, nothing secret: commit it with the "
                         "repository.")
                          .arg(baseline.objects.size())
                          .arg(baseline.releases.size())
                          .arg(workloads)
                          .arg(m_cluster->source().displayName(), path);
    if (replaces)
        details += QStringLiteral("\n\n") + tr("It replaces the baseline recorded there before.");
    if (fluxRuns)
        details += QStringLiteral("\n\n") +
                   tr("Flux already runs in this cluster (namespace flux-system): what is "
                      "recorded now may already be Flux's own objects, so a takeover that "
                      "already recreated something cannot be seen.");
    auto *box = new QMessageBox(
        fluxRuns || replaces ? QMessageBox::Warning : QMessageBox::Question,
        tr("Record Takeover Baseline"), tr("Record what runs now as the takeover baseline?"),
        QMessageBox::NoButton,
        m_dialog && m_dialog->isVisible() ? static_cast<QWidget *>(m_dialog) : m_window);
    box->setObjectName(QStringLiteral("recordBaselineConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(details);
    QPushButton *record = box->addButton(tr("Record"), QMessageBox::AcceptRole);
    record->setObjectName(QStringLiteral("recordBaselineConfirmButton"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("recordBaselineCancelButton"));
    box->setDefaultButton(fluxRuns ? cancel : record);
    m_confirmation = box;
    connect(box, &QMessageBox::finished, this, [this, box, record, baseline] {
        m_confirmation = nullptr;
        if (box->clickedButton() == record) {
            saveBaseline(baseline);
            return;
        }
        emit statusMessage(tr("No takeover baseline recorded."), 8000);
        updateBusy();
    });
    box->open();
}

void TakeoverController::saveBaseline(const TakeoverBaseline &baseline)
{
    const QString repo = repository();
    const QString path = QDir(repo).filePath(takeoverBaselinePath());
    m_records->start(
        [repo, baseline](const JobContext &) { return saveTakeoverBaseline(repo, baseline); },
        [this, baseline, path](const Result<bool> &saved) {
            if (!saved) {
                emit statusMessage({}, 0);
                emit error(tr("The takeover baseline was not saved"), saved.error().toString());
                return;
            }
            emit statusMessage(tr("Recorded %1 objects and %2 Helm releases in %3.")
                                   .arg(baseline.objects.size())
                                   .arg(baseline.releases.size())
                                   .arg(path),
                               8000);
            emit baselineRecorded(path);
            if (m_dialog)
                recompute();
        });
}

void TakeoverController::showReport()
{
    if (!m_dialog) {
        m_dialog = new TakeoverDialog(m_window);
        connect(m_dialog, &TakeoverDialog::recordBaselineRequested, this,
                &TakeoverController::recordBaseline);
        connect(m_dialog, &TakeoverDialog::refreshRequested, this, &TakeoverController::refresh);
        connect(m_dialog, &TakeoverDialog::exportRequested, this,
                &TakeoverController::chooseExportFile);
        connect(m_dialog, &TakeoverDialog::objectActivated, this,
                &TakeoverController::selectInCluster);
        connect(m_dialog, &TakeoverDialog::fileActivated, this, &TakeoverController::openFile);
        m_dialog->setBootstrapAvailable(m_bootstrapAvailable);
        connect(m_dialog, &TakeoverDialog::bootstrapRequested, this,
                &TakeoverController::bootstrapRequested);
        connect(m_dialog, &TakeoverDialog::reconcileRequested, this,
                &TakeoverController::reconcileRequested);
        connect(m_dialog, &TakeoverDialog::resumeInGitRequested, this,
                &TakeoverController::fluxSettingsRequested);
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
    recompute();
}

void TakeoverController::refresh()
{
    if (m_cluster->isBusy())
        return;
    m_reloading = true;
    m_cluster->connectTo(m_cluster->source());
}

void TakeoverController::recompute()
{
    if (!m_dialog)
        return;
    const QString repo = repository();
    m_dialog->setProperty("repo", repo);
    if (m_cluster->isBusy()) {
        m_dialog->setBusy(tr("Loading the cluster…"));
        return; // its finish recomputes
    }
    const QList<QJsonObject> live = m_cluster->inventory().objects();
    const PlanDecisions &decisions = m_plan->decisions();
    const QString cluster = decisions.cluster.isEmpty() ? PlanOptions().cluster : decisions.cluster;
    QStringList entryPoints;
    for (const EntryPointSettings &entry :
         decisions.entryPoints.isEmpty() ? defaultEntryPoints() : decisions.entryPoints)
        entryPoints.append(entry.name);
    m_dialog->setBusy(tr("Checking the takeover…"));
    m_reports->start(
        [repo, live, cluster, entryPoints](const JobContext &) {
            Computed computed;
            computed.repo = repo;
            for (const QJsonObject &object : live)
                if (ObjectKey::of(object) == fluxNamespace) {
                    computed.fluxRuns = true;
                    computed.fluxSince =
                        QDateTime::fromString(object.value(QLatin1String("metadata"))
                                                  .toObject()
                                                  .value(QLatin1String("creationTimestamp"))
                                                  .toString(),
                                              Qt::ISODate);
                }
            if (!repo.isEmpty()) {
                const Result<std::optional<TakeoverBaseline>> loaded = loadTakeoverBaseline(repo);
                if (!loaded) {
                    computed.error = loaded.error().toString();
                } else if (loaded.value()) {
                    computed.hasBaseline = true;
                    computed.recordedAt = loaded.value()->recordedAt;
                    computed.report = verifyTakeover(*loaded.value(), live);
                }
            }
            ChecklistInput input;
            input.live = live;
            input.cluster = cluster;
            input.entryPoints = entryPoints;
            input.takeover = computed.hasBaseline ? &computed.report : nullptr;
            computed.checklist = migrationChecklist(input);
            return computed;
        },
        [this](const Computed &computed) { onComputed(computed); });
}

void TakeoverController::onComputed(const Computed &computed)
{
    if (!m_dialog)
        return;
    m_dialog->setChecklist(computed.checklist);
    const QString file = QDir(computed.repo).filePath(takeoverBaselinePath());
    if (computed.repo.isEmpty()) {
        m_dialog->setNoReport(tr("Open a repository: the takeover baseline is kept in its "
                                 ".fluxdesk/takeover.yaml, and the report compares the cluster "
                                 "with it."),
                              false);
    } else if (!computed.error.isEmpty()) {
        m_dialog->setNoReport(tr("The takeover baseline cannot be read: %1\nFix the file, or "
                                 "record the baseline again.")
                                  .arg(computed.error),
                              true);
    } else if (!computed.hasBaseline && computed.fluxRuns) {
        m_dialog->setNoReport(
            tr("No takeover baseline in %1, and Flux already runs in this cluster (since %2). "
               "A baseline recorded now holds the objects as they are now: whatever Flux "
               "already deleted and made again has its new uid in it, so it can only be "
               "caught by its creation time, after Flux arrived. The verdicts would rest on "
               "timestamps alone.")
                .arg(file, computed.fluxSince.isValid() ? shortTime(computed.fluxSince)
                                                        : tr("an unknown time")),
            true);
    } else if (!computed.hasBaseline) {
        m_dialog->setNoReport(tr("No takeover baseline in %1 yet. Record one before Flux takes "
                                 "over: it keeps what runs now (each object's uid, each Helm "
                                 "release's revision), so the report can tell \"adopted in "
                                 "place\" from \"deleted and made again\".")
                                  .arg(file),
                              true);
    } else {
        QString notice =
            tr("Baseline recorded %1, checked against %2 as loaded.")
                .arg(shortTime(computed.recordedAt), m_cluster->source().displayName());
        if (computed.report.withoutUids)
            notice += QLatin1Char(' ') +
                      tr("The baseline holds no uids for some objects: whether they were made "
                         "again is told by their creation time only.");
        m_dialog->setReport(computed.report, notice);
    }
    m_dialog->setBusy({});
    emit reportUpdated();
}

void TakeoverController::chooseExportFile()
{
    if (!m_dialog || !m_dialog->hasReport())
        return;
    const QString path = QFileDialog::getSaveFileName(
        m_dialog, tr("Export Takeover Report"),
        QDir::home().filePath(QStringLiteral("takeover-report.json")), tr("JSON (*.json)"));
    if (!path.isEmpty())
        exportReport(path);
}

bool TakeoverController::exportReport(const QString &path)
{
    if (!m_dialog || !m_dialog->hasReport())
        return false;
    const QByteArray json = QJsonDocument(takeoverReportJson(m_dialog->model()->report())).toJson();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        emit error(tr("The takeover report was not saved"),
                   tr("%1: %2. Choose another folder.").arg(path, file.errorString()));
        return false;
    }
    emit statusMessage(tr("Takeover report saved to %1.").arg(path), 8000);
    return true;
}

void TakeoverController::selectInCluster(const ObjectKey &key, const QString &release)
{
    emit objectRequested(key);
    if (!m_clusterPane)
        return;
    bool selected = false;
    if (!release.isEmpty())
        selected = m_clusterPane->selectRelease(release.section(QLatin1Char('/'), 0, 0),
                                                release.section(QLatin1Char('/'), 1));
    if (!selected)
        selected = m_clusterPane->selectObject(key);
    if (!selected)
        emit statusMessage(tr("%1 is not in the cluster tree: it is gone, or the filter hides "
                              "it.")
                               .arg(release.isEmpty() ? key.toString() : release),
                           8000);
}

void TakeoverController::openFile(const QString &relativePath)
{
    const QString path = QDir(repository()).filePath(relativePath);
    emit fileRequested(path);
    if (m_editor)
        m_editor->openFile(path);
}

void TakeoverController::setBootstrapAvailable(bool available)
{
    m_bootstrapAvailable = available;
    if (m_dialog)
        m_dialog->setBootstrapAvailable(available);
}

} // namespace Fluxdesk
