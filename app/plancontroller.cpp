#include "plancontroller.h"

#include "clusterpane.h"
#include "editortabs.h"
#include "fluxsettingsdialog.h"
#include "items/problemmodel.h"
#include "kube/clustersession.h"
#include "plan/bulkdecisions.h"
#include "plan/plansession.h"
#include "plandiffdialog.h"
#include "planpane.h"
#include "startup.h"
#include "writeplandialog.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QWidget>

namespace Fluxdesk {

namespace {

// The Problems list's key for plan problems that belong to no file.
QString planProblemsKey()
{
    return PlanController::tr("Repository plan");
}

QString planProblemsOrigin()
{
    return QStringLiteral("plan");
}

} // namespace

PlanController::PlanController(ClusterSession *cluster, ClusterPane *clusterPane,
                               EditorTabs *editor, ProblemModel *problems, QWidget *window)
    : QObject(window), m_cluster(cluster), m_clusterPane(clusterPane), m_editor(editor),
      m_problems(problems), m_window(window), m_session(new PlanSession(this)),
      m_pane(new PlanPane(window))
{
    m_pane->setObjectName(QStringLiteral("planPane"));

    m_writeAction = new QAction(tr("&Write Plan…"), this);
    m_writeAction->setObjectName(QStringLiteral("writePlanAction"));
    m_writeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    m_writeAction->setToolTip(tr("Write the planned files into the repository, after showing "
                                 "what will be created, replaced and deleted"));
    connect(m_writeAction, &QAction::triggered, this, &PlanController::writePlan);

    m_settingsAction = new QAction(tr("Flux &Settings…"), this);
    m_settingsAction->setObjectName(QStringLiteral("fluxSettingsAction"));
    m_settingsAction->setToolTip(
        tr("Intervals, prune, wait, dependencies and health checks of the Flux Kustomizations"));
    connect(m_settingsAction, &QAction::triggered, this, &PlanController::editSettings);

    m_replanAction = new QAction(tr("&Re-plan"), this);
    m_replanAction->setObjectName(QStringLiteral("replanAction"));
    m_replanAction->setShortcut(QKeySequence(Qt::Key_F6));
    m_replanAction->setToolTip(tr("Read the repository again and compare it with the plan"));
    connect(m_replanAction, &QAction::triggered, m_session, &PlanSession::replan);
    for (QAction *action : {m_writeAction, m_settingsAction, m_replanAction})
        action->setEnabled(false);

    connect(m_pane, &PlanPane::writeRequested, this, &PlanController::writePlan);
    connect(m_pane, &PlanPane::settingsRequested, this, &PlanController::editSettings);
    connect(m_pane, &PlanPane::openRepositoryRequested, this,
            &PlanController::openRepositoryRequested);
    connect(m_pane, &PlanPane::clusterRenameRequested, m_session, &PlanSession::setCluster);
    connect(m_pane, &PlanPane::moveRequested, m_session, &PlanSession::moveObjects);
    connect(m_pane, &PlanPane::renameRequested, m_session, &PlanSession::renameFile);
    connect(m_pane, &PlanPane::excludeRequested, this, &PlanController::excludeObjects);
    connect(m_pane, &PlanPane::includeRequested, this, &PlanController::includeObjects);
    connect(m_pane, &PlanPane::kindRuleRequested, this, &PlanController::applyKindRule);
    connect(m_pane, &PlanPane::namespaceRuleRequested, this, &PlanController::applyNamespaceRule);
    connect(m_clusterPane, &ClusterPane::excludeRequested, this, &PlanController::excludeObjects);
    connect(m_clusterPane, &ClusterPane::includeRequested, this, &PlanController::includeObjects);
    connect(m_clusterPane, &ClusterPane::kindRuleRequested, this, &PlanController::applyKindRule);
    connect(m_clusterPane, &ClusterPane::namespaceRuleRequested, this,
            &PlanController::applyNamespaceRule);
    connect(m_pane, &PlanPane::fileActivated, this, &PlanController::openPlannedFile);
    connect(m_pane, &PlanPane::diffRequested, this, &PlanController::showDiff);
    connect(m_pane, &PlanPane::objectsSelected, this, &PlanController::onObjectsSelectedInPlan);
    connect(m_clusterPane, &ClusterPane::objectSelected, this,
            &PlanController::onObjectSelectedInCluster);
    // A Helm release and the HelmRelease file that adopts it select each other.
    connect(m_clusterPane, &ClusterPane::releaseSelected, this,
            [this](const QString &ns, const QString &name) {
                if (!m_syncingSelection)
                    m_pane->selectRelease(ns, name);
            });
    connect(m_pane, &PlanPane::releaseSelected, this,
            [this](const QString &ns, const QString &name) {
                m_syncingSelection = true;
                m_clusterPane->selectRelease(ns, name);
                m_syncingSelection = false;
            });

    connect(m_session, &PlanSession::busyChanged, this, [this](bool busy) {
        m_pane->setBusy(busy);
        const bool ready = !busy && m_session->snapshot();
        m_writeAction->setEnabled(ready);
        m_settingsAction->setEnabled(ready);
    });
    connect(m_session, &PlanSession::planReady, this, &PlanController::onPlanReady);
    connect(m_session, &PlanSession::failed, this, [this](const QString &message) {
        emit error(tr("The plan could not be changed"), message);
    });
    connect(m_session, &PlanSession::written, this, [this](const PlanWriteResult &result) {
        //: Status bar after Write Plan
        emit statusMessage(tr("Plan written: %1 new, %2 replaced, %3 kept as edited, %4 deleted")
                               .arg(result.created.size())
                               .arg(result.updated.size())
                               .arg(result.kept.size())
                               .arg(result.removed.size()));
        emit repositoryWritten();
    });
    // Plan what loaded; a failed or cancelled load would plan a partial cluster.
    connect(m_cluster, &ClusterSession::finished, this, [this](bool ok) {
        if (ok)
            m_session->setInventory(m_cluster->inventory());
    });
}

PlanController::~PlanController() = default;

bool PlanController::setRepository(const QString &path)
{
    const Result<bool> opened = m_session->setRepository(path);
    if (!opened) {
        emit error(tr("The repository's plan could not be read"), opened.error().toString());
        return false;
    }
    m_pane->setRepository(path);
    m_clusterPane->setPlanDecisions(m_session->decisions(), false); // until its plan is ready
    m_bulkPending = false;
    m_replanAction->setEnabled(!path.isEmpty());
    if (path.isEmpty() || !m_session->snapshot()) {
        m_writeAction->setEnabled(false);
        m_settingsAction->setEnabled(false);
    }
    publishProblems();
    return true;
}

void PlanController::onPlanReady()
{
    const auto snapshot = m_session->snapshot();
    if (!snapshot)
        return;
    m_pane->setPlan(snapshot->plan, snapshot->states);
    m_clusterPane->setPlanDecisions(m_session->decisions(), true);
    reportBulkDecision();
    m_writeAction->setEnabled(!m_session->isBusy());
    m_settingsAction->setEnabled(!m_session->isBusy());
    publishProblems();
    for (const Error &warning : snapshot->warnings)
        emit error(tr("The repository's clean rules could not be read; the defaults were used"),
                   warning.toString());
}

void PlanController::excludeObjects(const QList<ObjectKey> &objects)
{
    decideInBulk(true, [this, objects] { return m_session->excludeObjects(objects); });
}

void PlanController::includeObjects(const QList<ObjectKey> &objects)
{
    decideInBulk(false, [this, objects] { return m_session->includeObjects(objects); });
}

void PlanController::applyKindRule(const QString &kindRule, bool exclude)
{
    decideInBulk(exclude, [this, kindRule, exclude] {
        PlanDecisions next = m_session->decisions();
        if (exclude)
            next.excludeKind(kindRule);
        else
            next.includeKind(kindRule);
        return m_session->setDecisions(next);
    });
}

void PlanController::applyNamespaceRule(const QString &ns, bool exclude)
{
    decideInBulk(exclude, [this, ns, exclude] {
        PlanDecisions next = m_session->decisions();
        if (exclude)
            next.excludeNamespace(ns);
        else
            next.includeNamespace(ns);
        return m_session->setDecisions(next);
    });
}

void PlanController::decideInBulk(bool exclude, const std::function<bool()> &change)
{
    const auto snapshot = m_session->snapshot();
    if (!snapshot)
        return;
    const PlanDecisions before = m_session->decisions();
    if (!change())
        return; // the session said why (failed())
    if (m_session->decisions() == before) {
        //: Status bar after a bulk decision that changed nothing
        emit statusMessage(exclude ? tr("Nothing to exclude: those objects are out of the plan "
                                        "already")
                                   : tr("Nothing to include: those objects are in the plan "
                                        "already"));
        return;
    }
    // Counted when the re-plan is ready: what left (or joined) the plan, a Helm release's
    // objects with it.
    if (!m_bulkPending)
        m_bulkBefore = plannedObjects(snapshot->plan);
    m_bulkPending = true;
    m_bulkExclude = exclude;
}

void PlanController::reportBulkDecision()
{
    if (!m_bulkPending)
        return;
    m_bulkPending = false;
    const QSet<ObjectKey> after = plannedObjects(m_session->snapshot()->plan);
    const QSet<ObjectKey> changed = m_bulkExclude ? QSet<ObjectKey>(m_bulkBefore).subtract(after)
                                                  : QSet<ObjectKey>(after).subtract(m_bulkBefore);
    const qsizetype n = changed.size();
    // Singular and plural spelled out: no English translation supplies %n's forms.
    //: Status bar after a bulk decision
    if (m_bulkExclude)
        emit statusMessage(
            n == 1 ? tr("Excluded 1 object from the plan (%1)").arg(planDecisionsPath())
                   : tr("Excluded %1 objects from the plan (%2)").arg(n).arg(planDecisionsPath()));
    else
        emit statusMessage(
            n == 1 ? tr("Included 1 object in the plan (%1)").arg(planDecisionsPath())
                   : tr("Included %1 objects in the plan (%2)").arg(n).arg(planDecisionsPath()));
}

void PlanController::publishProblems()
{
    for (const QString &file : std::as_const(m_problemFiles))
        m_problems->clearFile(file, planProblemsOrigin());
    m_problemFiles.clear();
    const auto snapshot = m_session->snapshot();
    if (!snapshot || m_session->repository().isEmpty())
        return;
    // One list per file, keyed by the file's absolute path so activating a problem opens it.
    QHash<QString, QList<Problem>> byFile;
    const QDir repo(m_session->repository());
    // (The plan's problems name files relative to the repository, or none.) The editor's linter
    // reports on the same files: each keeps its own problems (their origins differ).
    for (const Problem &problem : snapshot->plan.problems) {
        const QString key =
            problem.file.isEmpty() ? planProblemsKey() : repo.filePath(problem.file);
        byFile[key].append(problem);
    }
    for (auto it = byFile.constBegin(); it != byFile.constEnd(); ++it) {
        m_problems->setProblems(it.key(), it.value(), planProblemsOrigin());
        m_problemFiles.insert(it.key());
    }
}

QString PlanController::decisionFor(const ObjectKey &key) const
{
    const auto snapshot = m_session->snapshot();
    if (!snapshot || key.name.isEmpty())
        return {};
    const QString path = snapshot->plan.pathOf(key);
    if (const PlannedFile *file = path.isEmpty() ? nullptr : snapshot->plan.file(path)) {
        if (file->kind == PlannedFileKind::HelmRelease)
            //: Live object preview: what the plan does with the object
            return tr("Plan: carried by the HelmRelease in %1").arg(path);
        if (file->plainTextSecret)
            return tr("Plan: written as plain text to %1").arg(path);
        return tr("Plan: YAML manifest %1").arg(path);
    }
    for (const ExcludedObject &excluded : snapshot->plan.excluded) {
        if (excluded.key == key)
            return tr("Plan: excluded. %1").arg(excluded.reason);
    }
    return {};
}

void PlanController::onObjectSelectedInCluster(const ObjectKey &key)
{
    if (m_syncingSelection || key.name.isEmpty())
        return;
    m_pane->selectObject(key);
}

void PlanController::onObjectsSelectedInPlan(const QList<ObjectKey> &keys)
{
    if (keys.size() != 1)
        return;
    m_syncingSelection = true;
    m_clusterPane->selectObject(keys.constFirst());
    m_syncingSelection = false;
}

void PlanController::openPlannedFile(const QString &path)
{
    const auto snapshot = m_session->snapshot();
    if (!snapshot)
        return;
    if (snapshot->onDisk.contains(path)) {
        m_editor->openFile(QDir(m_session->repository()).filePath(path));
        return;
    }
    const PlannedFile *file = snapshot->plan.file(path);
    if (!file)
        return;
    m_editor->openText(QFileInfo(path).fileName(), file->text);
    //: Status bar after opening a planned file that is not written yet
    emit statusMessage(
        tr("%1 is not written yet: this is the plan's version (Write Plan writes it)").arg(path));
}

void PlanController::showDiff(const QString &path)
{
    const auto snapshot = m_session->snapshot();
    const PlannedFile *file = snapshot ? snapshot->plan.file(path) : nullptr;
    if (!file || !snapshot->onDisk.contains(path))
        return openPlannedFile(path);
    if (PlanDiffDialog::ask(path, QString::fromUtf8(snapshot->onDisk.value(path)), file->text,
                            m_window) == PlanDiffDialog::Choice::UsePlan)
        m_session->acceptFile(path);
}

void PlanController::writePlan()
{
    const auto snapshot = m_session->snapshot();
    if (!snapshot || m_session->isBusy())
        return;
    if (isDemoAgainstRealRepository(m_cluster->source(), snapshot.get()) && !confirmDemoWrite())
        return;
    WritePlanDialog dialog(snapshot->preview, snapshot->plan, snapshot->onDisk,
                           m_session->repository(), m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QSet<QString> removed = dialog.removedPaths();
    if (!removed.isEmpty()) {
        const auto answer = QMessageBox::warning(
            m_window, tr("Delete Files"),
            tr("Delete %n file(s) from the repository? Files that are not committed cannot be "
               "recovered.",
               nullptr, int(removed.size())),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
    }
    m_session->write(dialog.acceptedPaths(), removed);
}

bool PlanController::confirmDemoWrite()
{
    QMessageBox box(QMessageBox::Warning, tr("Write the Demo Cluster?"),
                    tr("The plan is of the built-in demo cluster, not of your cluster, and %1 "
                       "already holds manifests.")
                        .arg(QDir::toNativeSeparators(m_session->repository())),
                    QMessageBox::NoButton, m_window);
    box.setObjectName(QStringLiteral("demoWriteConfirmation"));
    box.setInformativeText(tr("Writing it puts the demo's example objects into your repository. "
                              "To plan your own cluster, cancel and connect it with File > Open "
                              "Kubeconfig or a context in the Cluster list."));
    QPushButton *write = box.addButton(tr("Write the Demo Objects"), QMessageBox::AcceptRole);
    write->setObjectName(QStringLiteral("writeDemoButton"));
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    return box.clickedButton() == write;
}

void PlanController::editSettings()
{
    if (!m_session->snapshot())
        return;
    const QList<EntryPointSettings> current = m_session->decisions().entryPoints.isEmpty()
                                                  ? defaultEntryPoints()
                                                  : m_session->decisions().entryPoints;
    FluxSettingsDialog dialog(current, m_window);
    if (dialog.exec() == QDialog::Accepted)
        m_session->setEntryPoints(dialog.settings());
}

} // namespace Fluxdesk
