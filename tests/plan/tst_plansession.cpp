// The window's plan session: plans off the UI thread, saves each decision to .fluxdesk/plan.yaml
// and re-plans, drops superseded plans, restores decisions on reopen, and writes.
#include "kube/inventory.h"
#include "kube/snapshot.h"
#include "kustomizeprobe.h"
#include "plan/plansession.h"
#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Fluxdesk;
using Fluxdesk::TestFiles::readFile;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

const ObjectKey deployment{s("apps"), s("Deployment"), s("llm"), s("llama-cpp")};
const ObjectKey token{{}, s("Secret"), s("llm"), s("hf-token")};

Inventory demoInventory()
{
    QList<QJsonObject> objects = demoClusterObjects();
    objects.append(QJsonObject{
        {s("apiVersion"), s("v1")},
        {s("kind"), s("Secret")},
        {s("metadata"), QJsonObject{{s("name"), s("hf-token")}, {s("namespace"), s("llm")}}},
        {s("type"), s("Opaque")},
        {s("data"), QJsonObject{{s("token"), s("c2VjcmV0")}}}});
    Inventory inventory;
    inventory.addObjects(objects);
    return inventory;
}

// Waits for the next planReady (a plan runs on a worker thread).
bool waitForPlan(PlanSession &session)
{
    QSignalSpy ready(&session, &PlanSession::planReady);
    return ready.wait(20000);
}

// Opens the checkout with the demo inventory and waits for the first plan.
bool openDemo(PlanSession &session, const QString &repo)
{
    if (!session.setRepository(repo))
        return false;
    session.setInventory(demoInventory());
    return waitForPlan(session);
}

const PlannedFile *fileOf(const PlanSession &session, const ObjectKey &key)
{
    const Plan &plan = session.snapshot()->plan;
    const QString path = plan.pathOf(key);
    return path.isEmpty() ? nullptr : plan.file(path);
}

bool isExcluded(const PlanSession &session, const ObjectKey &key)
{
    for (const ExcludedObject &e : session.snapshot()->plan.excluded) {
        if (e.key == key)
            return true;
    }
    return false;
}

} // namespace

class TestPlanSession : public QObject
{
    Q_OBJECT

private slots:
    void plansOffTheUiThreadAndShowsStatuses();
    void decisionsAreSavedAndRestored();
    void includesASecretAsPlainText();
    void supersededPlansAreDropped();
    void refusesBadNamesAndFolders();
    void writesAndReplans();
    void malformedDecisionsLeaveTheSessionAsItWas();
    void deletesFilesNoLongerPlanned();
    void planChangesReplaceUneditedFilesOnly();
    void writtenRecordRoundTrip();
    void chartSourceChoiceIsKept();
    void releaseEditsReachThePlan();
};

void TestPlanSession::plansOffTheUiThreadAndShowsStatuses()
{
    QTemporaryDir repo;
    QVERIFY(repo.isValid());
    PlanSession session;
    QSignalSpy busy(&session, &PlanSession::busyChanged);
    QVERIFY(session.setRepository(repo.path()));
    QVERIFY(!session.snapshot()); // nothing yet: no inventory
    session.setInventory(demoInventory());
    QVERIFY(session.isBusy());
    QVERIFY(waitForPlan(session));
    QVERIFY(!session.isBusy());
    QCOMPARE(busy.size(), 2);

    const auto snapshot = session.snapshot();
    QVERIFY(snapshot);
    QCOMPARE(snapshot->plan.cluster, s("homelab"));
    QCOMPARE(snapshot->plan.pathOf(deployment), s("workloads/llm/llama-cpp-deployment.yaml"));
    QCOMPARE(snapshot->states.size(), snapshot->plan.files.size());
    for (const FileState &state : snapshot->states)
        QCOMPARE(state.status, FileStatus::Planned);
    QCOMPARE(snapshot->preview.created.size(), snapshot->plan.files.size());
    QVERIFY(isExcluded(session, token)); // Secrets only when included
}

void TestPlanSession::decisionsAreSavedAndRestored()
{
    QTemporaryDir repo;
    PlanSession session;
    QVERIFY(openDemo(session, repo.path()));

    QVERIFY(session.moveObjects({deployment}, s("workloads/ai")));
    QVERIFY(waitForPlan(session));
    QCOMPARE(session.snapshot()->plan.pathOf(deployment),
             s("workloads/ai/llama-cpp-deployment.yaml"));

    const ObjectKey service{{}, s("Service"), s("llm"), s("llama-cpp")};
    QVERIFY(session.renameFile(service, s("workloads/llm/api.yaml")));
    QVERIFY(waitForPlan(session));
    QCOMPARE(session.snapshot()->plan.pathOf(service), s("workloads/llm/api.yaml"));

    // Excluding a part of a Helm release leaves the whole release out.
    const ObjectKey grafanaConfig{{}, s("ConfigMap"), s("logging"), s("grafana")};
    QVERIFY(session.excludeObjects({grafanaConfig}));
    QVERIFY(waitForPlan(session));
    QVERIFY(!session.snapshot()->plan.file(s("infrastructure/logging/grafana-helmrelease.yaml")));

    QVERIFY(session.setCluster(s("lab")));
    QVERIFY(waitForPlan(session));
    QVERIFY(session.snapshot()->plan.file(s("clusters/lab/workloads.yaml")));

    const QByteArray saved = [&] {
        QFile f(repo.filePath(s(".fluxdesk/plan.yaml")));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    QVERIFY(saved.contains("workloads/ai/llama-cpp-deployment.yaml"));
    QVERIFY(saved.contains("cluster: lab"));

    // A new session on the same checkout plans the same.
    PlanSession reopened;
    QVERIFY(reopened.setRepository(repo.path()));
    reopened.setInventory(demoInventory());
    QVERIFY(waitForPlan(reopened));
    QCOMPARE(reopened.snapshot()->plan.paths(), session.snapshot()->plan.paths());
    QCOMPARE(reopened.decisions(), session.decisions());

    // Taking the release back in restores its HelmRelease.
    QVERIFY(reopened.includeObjects({grafanaConfig}));
    QVERIFY(waitForPlan(reopened));
    QVERIFY(reopened.snapshot()->plan.file(s("infrastructure/logging/grafana-helmrelease.yaml")));
}

void TestPlanSession::includesASecretAsPlainText()
{
    QTemporaryDir repo;
    PlanSession session;
    QVERIFY(openDemo(session, repo.path()));
    QVERIFY(session.includeObjects({token}));
    QVERIFY(waitForPlan(session));
    const PlannedFile *file = fileOf(session, token);
    QVERIFY(file);
    QVERIFY(file->plainTextSecret);
    QVERIFY(!isExcluded(session, token));
    bool flagged = false;
    for (const Problem &p : session.snapshot()->plan.problems)
        flagged = flagged || (p.file == file->path && p.rule == s("plan-plain-text-secret"));
    QVERIFY(flagged);

    QVERIFY(session.excludeObjects({token}));
    QVERIFY(waitForPlan(session));
    QVERIFY(isExcluded(session, token));
}

void TestPlanSession::supersededPlansAreDropped()
{
    QTemporaryDir repo;
    PlanSession session;
    QVERIFY(openDemo(session, repo.path()));

    QSignalSpy ready(&session, &PlanSession::planReady);
    QVERIFY(session.moveObjects({deployment}, s("workloads/one")));
    QVERIFY(session.setCluster(s("second"))); // before the first re-plan finishes
    QVERIFY(ready.wait(20000));
    QTest::qWait(200); // a dropped result would arrive about now
    QCOMPARE(ready.size(), 1);
    QCOMPARE(session.snapshot()->plan.cluster, s("second"));
    QCOMPARE(session.snapshot()->plan.pathOf(deployment),
             s("workloads/one/llama-cpp-deployment.yaml"));
}

void TestPlanSession::refusesBadNamesAndFolders()
{
    QTemporaryDir repo;
    PlanSession session;
    QVERIFY(openDemo(session, repo.path()));
    QSignalSpy failed(&session, &PlanSession::failed);
    QVERIFY(!session.setCluster(s("Not A Name")));
    QVERIFY(!session.moveObjects({deployment}, s("clusters/homelab")));
    QVERIFY(!session.moveObjects({deployment}, s("workloads/../../etc")));
    QVERIFY(!session.renameFile(deployment, s("workloads/llm/kustomization.yaml")));
    QCOMPARE(failed.size(), 4);
    QVERIFY(failed.at(1).at(0).toString().contains(s("clusters/homelab")));
    QVERIFY(!QFile::exists(repo.filePath(s(".fluxdesk/plan.yaml"))));
    QVERIFY(!session.isBusy());
}

void TestPlanSession::writesAndReplans()
{
    QTemporaryDir repo;
    PlanSession session;
    QVERIFY(openDemo(session, repo.path()));
    const int files = int(session.snapshot()->plan.files.size());

    QSignalSpy written(&session, &PlanSession::written);
    session.write({}, {});
    QVERIFY(written.wait(20000));
    const auto result = written.at(0).at(0).value<PlanWriteResult>();
    QCOMPARE(result.created.size(), files);
    QVERIFY(waitForPlan(session));
    for (const FileState &state : session.snapshot()->states)
        QCOMPARE(state.status, FileStatus::UpToDate);
    QVERIFY(session.snapshot()->preview.isEmpty());

    for (const char *root : {"infrastructure", "workloads"}) {
        if (!Testing::kubectlKustomizeReadsFolders())
            break;
        QProcess kubectl;
        kubectl.start(s("kubectl"), {s("kustomize"), repo.filePath(s(root))});
        QVERIFY(kubectl.waitForFinished(60000));
        QVERIFY2(kubectl.exitCode() == 0, kubectl.readAllStandardError().constData());
    }

    // A hand edit shows as differing; writing without accepting it keeps it.
    const QString path = repo.filePath(s("workloads/llm/llama-cpp-deployment.yaml"));
    QFile edited(path);
    QVERIFY(edited.open(QIODevice::Append));
    edited.write("# tuned by hand\n");
    edited.close();
    session.replan();
    QVERIFY(waitForPlan(session));
    QCOMPARE(session.snapshot()->preview.differing,
             QStringList{s("workloads/llm/llama-cpp-deployment.yaml")});
    session.write({}, {});
    QVERIFY(written.wait(20000));
    QFile kept(path);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QVERIFY(kept.readAll().endsWith("# tuned by hand\n"));
    kept.close();
    QVERIFY(waitForPlan(session));

    // Accepting the plan's version in the diff replaces that file only.
    const QString other = repo.filePath(s("workloads/llm/llama-cpp-service.yaml"));
    QVERIFY(QFile::remove(other));
    session.acceptFile(s("workloads/llm/llama-cpp-deployment.yaml"));
    QVERIFY(written.wait(20000));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(kept.readAll()),
             session.snapshot()->plan.file(s("workloads/llm/llama-cpp-deployment.yaml"))->text);
    QVERIFY(!QFile::exists(other));
}

void TestPlanSession::malformedDecisionsLeaveTheSessionAsItWas()
{
    QTemporaryDir good, bad;
    QVERIFY(QDir(bad.path()).mkpath(s(".fluxdesk")));
    QFile file(bad.filePath(s(".fluxdesk/plan.yaml")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("apiVersion: fluxdesk.io/v1alpha1\nkind: Plan\nobjects: [\n");
    file.close();

    PlanSession session;
    QVERIFY(session.setRepository(good.path()));
    session.setInventory(demoInventory());
    QVERIFY(waitForPlan(session));
    const Result<bool> opened = session.setRepository(bad.path());
    QVERIFY(!opened);
    QVERIFY(opened.error().toString().contains(s("plan.yaml")));
    QCOMPARE(session.repository(), good.path());
    QVERIFY(session.snapshot());
}

void TestPlanSession::deletesFilesNoLongerPlanned()
{
    QTemporaryDir repo;
    PlanSession session;
    QVERIFY(openDemo(session, repo.path()));
    QSignalSpy written(&session, &PlanSession::written);
    session.write({}, {});
    QVERIFY(written.wait(20000));
    QVERIFY(waitForPlan(session));

    // Excluded after it was written: the file stays on disk and the folder's kustomization
    // still lists it, until the user deletes it in the write.
    const ObjectKey service{{}, s("Service"), s("llm"), s("llama-cpp")};
    const QString stale = s("workloads/llm/llama-cpp-service.yaml");
    QVERIFY(session.excludeObjects({service}));
    QVERIFY(waitForPlan(session));
    QCOMPARE(session.snapshot()->preview.removable, QStringList{stale});

    session.write({}, {stale});
    QVERIFY(written.wait(20000));
    const auto result = written.last().at(0).value<PlanWriteResult>();
    QCOMPARE(result.removed, QStringList{stale});
    QVERIFY(result.updated.contains(s("workloads/llm/kustomization.yaml")));
    QVERIFY(!QFile::exists(repo.filePath(stale)));
    QVERIFY(waitForPlan(session));
    QVERIFY(session.snapshot()->preview.isEmpty());
    if (Testing::kubectlKustomizeReadsFolders()) {
        QProcess kubectl;
        kubectl.start(s("kubectl"), {s("kustomize"), repo.filePath(s("workloads"))});
        QVERIFY(kubectl.waitForFinished(60000));
        QVERIFY2(kubectl.exitCode() == 0, kubectl.readAllStandardError().constData());
    }
    QFile kustomization(repo.filePath(s("workloads/llm/kustomization.yaml")));
    QVERIFY(kustomization.open(QIODevice::ReadOnly));
    const QByteArray listed = kustomization.readAll();
    QVERIFY(listed.contains("llama-cpp-deployment.yaml"));
    QVERIFY(!listed.contains("llama-cpp-service.yaml"));
}

void TestPlanSession::planChangesReplaceUneditedFilesOnly()
{
    QTemporaryDir repo;
    PlanSession session;
    QVERIFY(openDemo(session, repo.path()));
    QSignalSpy written(&session, &PlanSession::written);
    session.write({}, {});
    QVERIFY(written.wait(20000));
    QVERIFY(waitForPlan(session));
    QVERIFY(QFile::exists(repo.filePath(writtenRecordPath())));

    // The user edits one entry point by hand, then changes both in the settings.
    const QString infrastructure = s("clusters/homelab/infrastructure.yaml");
    const QString workloads = s("clusters/homelab/workloads.yaml");
    QFile edited(repo.filePath(infrastructure));
    QVERIFY(edited.open(QIODevice::Append));
    edited.write("# mine\n");
    edited.close();
    QList<EntryPointSettings> settings = defaultEntryPoints();
    for (EntryPointSettings &e : settings)
        e.interval = s("30m");
    QVERIFY(session.setEntryPoints(settings));
    QVERIFY(waitForPlan(session));
    const PlanWritePreview preview = session.snapshot()->preview;
    QCOMPARE(preview.outdated, QStringList{workloads});
    QCOMPARE(preview.differing, QStringList{infrastructure});

    session.write({}, {});
    QVERIFY(written.wait(20000));
    const auto result = written.last().at(0).value<PlanWriteResult>();
    QCOMPARE(result.updated, QStringList{workloads});
    QCOMPARE(result.kept, QStringList{infrastructure});
    QFile mine(repo.filePath(infrastructure));
    QVERIFY(mine.open(QIODevice::ReadOnly));
    const QByteArray text = mine.readAll();
    QVERIFY(text.endsWith("# mine\n"));
    QVERIFY(text.contains("interval: 10m"));
    QFile theirs(repo.filePath(workloads));
    QVERIFY(theirs.open(QIODevice::ReadOnly));
    QVERIFY(theirs.readAll().contains("interval: 30m"));
}

void TestPlanSession::writtenRecordRoundTrip()
{
    WrittenRecord record;
    record.hashes.insert(s("workloads/a b/x.yaml"), WrittenRecord::hashOf("a"));
    // An all-digit hash must stay a string, not become a number.
    record.hashes.insert(s("workloads/y.yaml"), QByteArray(64, '1'));
    const WrittenRecord back = WrittenRecord::parse(record.toYaml());
    QCOMPARE(back.hashes, record.hashes);
    QVERIFY(back.isUnedited(s("workloads/a b/x.yaml"), "a"));
    QVERIFY(!back.isUnedited(s("workloads/a b/x.yaml"), "b"));
    QVERIFY(WrittenRecord::parse("files: [\n").hashes.isEmpty());
}

void TestPlanSession::chartSourceChoiceIsKept()
{
    QTemporaryDir repo;
    PlanSession session;
    QVERIFY(openDemo(session, repo.path()));

    ChartSourceChoice choice;
    choice.releaseNamespace = s("logging");
    choice.releaseName = s("grafana");
    choice.chart = s("grafana");
    choice.source.repositoryName = s("mirror");
    choice.source.url = s("https://charts.example.org/mirror");
    QVERIFY(session.setChartSource(choice));
    QVERIFY(waitForPlan(session));
    const PlannedFile *source =
        session.snapshot()->plan.file(s("infrastructure/sources/mirror-helmrepository.yaml"));
    QVERIFY2(source, qPrintable(session.snapshot()->plan.paths().join(QLatin1Char(' '))));
    QVERIFY(source->text.contains(s("https://charts.example.org/mirror")));

    // A second choice for the same release replaces the first; a reopen restores it.
    choice.source.repositoryName = s("other");
    choice.source.url = s("https://charts.example.org/other");
    QVERIFY(session.setChartSource(choice));
    QVERIFY(waitForPlan(session));
    QCOMPARE(session.decisions().chartSources.size(), 1);
    PlanSession reopened;
    QVERIFY(reopened.setRepository(repo.path()));
    reopened.setInventory(demoInventory());
    QVERIFY(waitForPlan(reopened));
    QVERIFY(reopened.snapshot()->plan.file(s("infrastructure/sources/other-helmrepository.yaml")));
    QVERIFY(
        !reopened.snapshot()->plan.file(s("infrastructure/sources/mirror-helmrepository.yaml")));
}

void TestPlanSession::releaseEditsReachThePlan()
{
    QTemporaryDir repo;
    PlanSession session;
    QVERIFY(openDemo(session, repo.path()));
    const QString path = s("infrastructure/logging/grafana-helmrelease.yaml");
    // By default the credential is read from a Secret: its value is in no planned file.
    QVERIFY(session.snapshot()->plan.file(path)->text.contains(s("valuesFrom")));
    QVERIFY(!session.snapshot()->plan.file(path)->text.contains(s("demo-password-change-me")));

    // Edited values replace the release's own in the HelmRelease.
    ReleaseEdit edit = session.releaseEdit(s("logging"), s("grafana"));
    QVERIFY(!edit.hasValues && edit.credentials == CredentialHandling::Secret);
    edit.hasValues = true;
    edit.values = QJsonObject{{s("replicas"), 2}, {s("adminPassword"), s("hunter2-hunter2")}};
    edit.credentials = CredentialHandling::Inline;
    QVERIFY(session.setReleaseEdit(edit));
    QVERIFY(waitForPlan(session));
    QString text = session.snapshot()->plan.file(path)->text;
    QVERIFY2(text.contains(s("replicas: 2")), qPrintable(text));
    // Kept inline on the user's word: in the HelmRelease, and so in the plan file too.
    QVERIFY(text.contains(s("adminPassword: hunter2-hunter2")));
    QVERIFY(readFile(repo.filePath(s(".fluxdesk/plan.yaml"))).contains("hunter2-hunter2"));

    // Back to the Secret, which follows the Secret rules: excluded (the HelmRelease's file says
    // it must exist) until the user includes it. The plan file keeps no credential value.
    edit.credentials = CredentialHandling::Secret;
    QVERIFY(session.setReleaseEdit(edit));
    QVERIFY(waitForPlan(session));
    text = session.snapshot()->plan.file(path)->text;
    QVERIFY2(text.contains(s("valuesFrom")), qPrintable(text));
    QVERIFY(!text.contains(s("hunter2")));
    const QByteArray saved = readFile(repo.filePath(s(".fluxdesk/plan.yaml")));
    QVERIFY2(!saved.contains("hunter2") && !saved.contains("demo-password-change-me"),
             saved.constData());
    QVERIFY2(saved.contains("credentialsInSecret:"), saved.constData());
    ObjectKey secret;
    for (const ExcludedObject &e : session.snapshot()->plan.excluded) {
        if (e.key.kind == s("Secret") && e.reason.startsWith(s("Holds the credentials")))
            secret = e.key;
    }
    QCOMPARE(secret.ns, s("logging"));
    bool told = false;
    for (const Problem &p : session.snapshot()->plan.problems)
        told = told || (p.file == path && p.rule == s("plan-values-secret"));
    QVERIFY(told);

    QVERIFY(session.includeObjects({secret}));
    QVERIFY(waitForPlan(session));
    const PlannedFile *secretFile = fileOf(session, secret);
    QVERIFY(secretFile);
    QVERIFY(secretFile->plainTextSecret);
    // The session plans from what the plan file keeps: the running release's credential.
    QVERIFY(secretFile->text.contains(s("demo-password-change-me")));
    QVERIFY(!secretFile->text.contains(s("hunter2")));
    QVERIFY(secretFile->path.startsWith(s("infrastructure/logging/")));
    const QString secretText = secretFile->text;

    // Kept in the plan file: a reopened checkout plans the same.
    PlanSession reopened;
    QVERIFY(openDemo(reopened, repo.path()));
    QCOMPARE(reopened.releaseEdit(s("logging"), s("grafana")), releaseEditForPlanFile(edit));
    QCOMPARE(reopened.releaseEdit(s("logging"), s("grafana")),
             session.releaseEdit(s("logging"), s("grafana")));
    QCOMPARE(reopened.snapshot()->plan.file(path)->text, text);
    QCOMPARE(fileOf(reopened, secret)->text, secretText);

    // Back to the release as it runs: the edit leaves the plan file.
    QVERIFY(reopened.setReleaseEdit(
        ReleaseEdit{s("logging"), s("grafana"), false, {}, {}, CredentialHandling::Secret}));
    QVERIFY(waitForPlan(reopened));
    QVERIFY(reopened.decisions().releases.isEmpty());
    QVERIFY(reopened.snapshot()->plan.file(path)->text.contains(s("valuesFrom")));
}

QTEST_GUILESS_MAIN(TestPlanSession)
#include "tst_plansession.moc"
