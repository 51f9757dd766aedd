// The migration checklist (models/flux/migrationchecklist.*): the roadmap's steps 7 to 9, each
// item with its live state, from Flux's own status shapes.
#include "flux/migrationchecklist.h"

#include <QJsonArray>
#include <QtTest>

using namespace Fluxdesk;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QJsonObject condition(const char *type, const char *status, const char *reason,
                      const char *message = "")
{
    return QJsonObject{{s("type"), s(type)},
                       {s("status"), s(status)},
                       {s("reason"), s(reason)},
                       {s("message"), s(message)}};
}

QJsonObject object(const char *apiVersion, const char *kind, const char *ns, const char *name,
                   const QJsonArray &conditions, const QJsonObject &spec = {})
{
    QJsonObject metadata{{s("name"), s(name)}, {s("generation"), 1}};
    if (*ns)
        metadata.insert(s("namespace"), s(ns));
    QJsonObject o{
        {s("apiVersion"), s(apiVersion)},
        {s("kind"), s(kind)},
        {s("metadata"), metadata},
        {s("status"), QJsonObject{{s("conditions"), conditions}, {s("observedGeneration"), 1}}}};
    if (!spec.isEmpty())
        o.insert(s("spec"), spec);
    return o;
}

QJsonObject fluxNamespace()
{
    return object("v1", "Namespace", "", "flux-system", {});
}

QJsonObject controller(const char *name, bool isAvailable)
{
    return object(
        "apps/v1", "Deployment", "flux-system", name,
        {condition("Available", isAvailable ? "True" : "False",
                   isAvailable ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable")});
}

QList<QJsonObject> controllers(bool helmAvailable = true)
{
    return {fluxNamespace(), controller("source-controller", true),
            controller("kustomize-controller", true), controller("helm-controller", helmAvailable),
            controller("notification-controller", true)};
}

QJsonObject kustomization(const char *name, const QJsonArray &conditions, bool suspend = false,
                          const char *dependsOn = nullptr)
{
    QJsonObject spec{{s("path"), QString(s("./") + s(name))}};
    if (suspend)
        spec.insert(s("suspend"), true);
    if (dependsOn)
        spec.insert(s("dependsOn"), QJsonArray{QJsonObject{{s("name"), s(dependsOn)}}});
    return object("kustomize.toolkit.fluxcd.io/v1", "Kustomization", "flux-system", name,
                  conditions, spec);
}

QJsonObject gitRepository(const QJsonArray &conditions)
{
    return object("source.toolkit.fluxcd.io/v1", "GitRepository", "flux-system", "flux-system",
                  conditions);
}

const ChecklistItem *item(const QList<ChecklistItem> &items, const QString &id)
{
    for (const ChecklistItem &i : items)
        if (i.id == id)
            return &i;
    return nullptr;
}

ChecklistInput input(const QList<QJsonObject> &live)
{
    ChecklistInput in;
    in.live = live;
    in.cluster = s("homelab");
    in.entryPoints = QStringList{s("infrastructure"), s("workloads")};
    return in;
}

const QJsonArray ready{condition("Ready", "True", "ReconciliationSucceeded",
                                 "Applied revision: main@sha1:0123456789")};

} // namespace

class TestMigrationChecklist : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void beforeBootstrap();
    void controllersComingUp();
    void sourceFailing();
    void workloadsWaitForInfrastructure();
    void workloadsReadyToTakeOver();
    void takeoverItems();
    void dangerStopsTheChecklist();
};

void TestMigrationChecklist::beforeBootstrap()
{
    const QList<ChecklistItem> items = migrationChecklist(input({}));
    QCOMPARE(items.size(), 5); // controllers, source, flux-system, two entry points
    QCOMPARE(int(items.first().state), int(ChecklistState::NotStarted));
    QCOMPARE(int(items.first().action), int(ChecklistAction::Bootstrap));
    QCOMPARE(items.at(3).id, s("entry:infrastructure"));
    QCOMPARE(items.at(3).step, 8);
    QVERIFY(items.at(4).detail.contains(s("clusters/homelab/workloads.yaml")));
    for (const ChecklistItem &i : items)
        QVERIFY2(i.state == ChecklistState::NotStarted, qPrintable(i.id));
}

void TestMigrationChecklist::controllersComingUp()
{
    const QList<ChecklistItem> items = migrationChecklist(input(controllers(false)));
    const ChecklistItem *c = item(items, s("controllers"));
    QCOMPARE(int(c->state), int(ChecklistState::Waiting));
    QCOMPARE(c->detail, s("not available yet: helm-controller"));
    QList<QJsonObject> live = controllers();
    live.removeAt(2); // kustomize-controller never installed
    const QList<ChecklistItem> withoutKustomize = migrationChecklist(input(live));
    const ChecklistItem *missing = item(withoutKustomize, s("controllers"));
    QCOMPARE(int(missing->state), int(ChecklistState::Failed));
    QVERIFY(missing->detail.contains(s("kustomize-controller")));
    const QList<ChecklistItem> allUp = migrationChecklist(input(controllers()));
    const ChecklistItem *up = item(allUp, s("controllers"));
    QCOMPARE(int(up->state), int(ChecklistState::Done));
    QCOMPARE(up->detail, s("4 controllers available"));
}

void TestMigrationChecklist::sourceFailing()
{
    QList<QJsonObject> live = controllers();
    live.append(gitRepository({condition("Ready", "False", "GitOperationFailed",
                                         "failed to checkout and determine revision: unable to "
                                         "clone: ssh: handshake failed")}));
    const QList<ChecklistItem> items = migrationChecklist(input(live));
    const ChecklistItem *source = item(items, s("source"));
    QCOMPARE(int(source->state), int(ChecklistState::Failed));
    QVERIFY(source->detail.contains(s("ssh: handshake failed")));
    QCOMPARE(int(source->action), int(ChecklistAction::Reconcile));
    QCOMPARE(source->targetKind, s("GitRepository"));
    QCOMPARE(source->targetName, s("flux-system"));
}

void TestMigrationChecklist::workloadsWaitForInfrastructure()
{
    QList<QJsonObject> live = controllers();
    live << gitRepository(ready) << kustomization("flux-system", ready)
         << kustomization("infrastructure", {condition("Ready", "Unknown", "Progressing",
                                                       "Reconciliation in progress"),
                                             condition("Reconciling", "True", "Progressing")})
         << kustomization("workloads", ready, true, "infrastructure");
    const QList<ChecklistItem> items = migrationChecklist(input(live));
    QCOMPARE(int(item(items, s("entry:infrastructure"))->state), int(ChecklistState::Waiting));
    const ChecklistItem *workloads = item(items, s("entry:workloads"));
    QCOMPARE(int(workloads->state), int(ChecklistState::Waiting));
    QCOMPARE(workloads->detail, s("suspended until infrastructure is Ready"));
    QCOMPARE(int(workloads->action), int(ChecklistAction::None));
}

void TestMigrationChecklist::workloadsReadyToTakeOver()
{
    QList<QJsonObject> live = controllers();
    live << gitRepository(ready) << kustomization("flux-system", ready)
         << kustomization("infrastructure", ready)
         << kustomization("workloads", ready, true, "infrastructure");
    const QList<ChecklistItem> items = migrationChecklist(input(live));
    QCOMPARE(int(item(items, s("entry:infrastructure"))->state), int(ChecklistState::Done));
    const ChecklistItem *workloads = item(items, s("entry:workloads"));
    QCOMPARE(int(workloads->action), int(ChecklistAction::ResumeInGit));
    QCOMPARE(workloads->targetName, s("workloads"));
    QVERIFY(workloads->detail.contains(s("take it over")));
}

void TestMigrationChecklist::takeoverItems()
{
    TakeoverReport report;
    TakeoverItem loki;
    loki.subject = TakeoverItem::Subject::Release;
    loki.release = s("logging/loki");
    loki.key = ObjectKey{s("helm.toolkit.fluxcd.io"), s("HelmRelease"), s("logging"), s("loki")};
    loki.state = TakeoverState::Adopted;
    loki.severity = TakeoverSeverity::Ok;
    loki.detail = s("adopted, revision 2 → 3");
    TakeoverItem grafana = loki;
    grafana.release = s("logging/grafana");
    grafana.state = TakeoverState::Waiting;
    grafana.severity = TakeoverSeverity::Waiting;
    TakeoverItem deployment;
    deployment.state = TakeoverState::Adopted;
    deployment.severity = TakeoverSeverity::Ok;
    TakeoverItem claim = deployment;
    claim.state = TakeoverState::Waiting;
    claim.severity = TakeoverSeverity::Waiting;
    report.items = {loki, grafana, deployment, claim};
    ChecklistInput in = input(controllers());
    in.takeover = &report;
    const QList<ChecklistItem> items = migrationChecklist(in);
    QCOMPARE(int(item(items, s("release:logging/loki"))->state), int(ChecklistState::Done));
    QCOMPARE(item(items, s("release:logging/loki"))->detail, s("adopted, revision 2 → 3"));
    QCOMPARE(int(item(items, s("release:logging/grafana"))->state), int(ChecklistState::Waiting));
    const ChecklistItem *objects = item(items, s("objects"));
    QCOMPARE(objects->detail, s("1 of 2 adopted in place"));
    QCOMPARE(int(objects->state), int(ChecklistState::Waiting));
    // After a release was adopted the checklist says never to uninstall it, and no item anywhere
    // suggests `helm uninstall`.
    const ChecklistItem *advice = item(items, s("no-helm-uninstall"));
    QVERIFY(advice);
    QCOMPARE(int(advice->state), int(ChecklistState::Advice));
    for (const ChecklistItem &i : items)
        if (i.id != QLatin1String("no-helm-uninstall"))
            QVERIFY2(!i.detail.contains(s("helm uninstall")), qPrintable(i.id));
    QVERIFY(advice->detail.startsWith(s("Never run `helm uninstall`")));
}

void TestMigrationChecklist::dangerStopsTheChecklist()
{
    TakeoverReport report;
    TakeoverItem loki;
    loki.subject = TakeoverItem::Subject::Release;
    loki.release = s("logging/loki");
    loki.state = TakeoverState::Reinstalled;
    loki.severity = TakeoverSeverity::Danger;
    TakeoverItem claim;
    claim.state = TakeoverState::Recreated;
    claim.severity = TakeoverSeverity::Danger;
    report.items = {loki, claim};
    ChecklistInput in = input(controllers());
    in.takeover = &report;
    const QList<ChecklistItem> items = migrationChecklist(in);
    QCOMPARE(int(item(items, s("release:logging/loki"))->state), int(ChecklistState::Danger));
    QCOMPARE(int(item(items, s("release:logging/loki"))->action),
             int(ChecklistAction::ShowTakeoverReport));
    QCOMPARE(int(item(items, s("objects"))->state), int(ChecklistState::Danger));
    QVERIFY(item(items, s("objects"))->detail.contains(s("1 recreated or lost")));
    QVERIFY(!item(items, s("no-helm-uninstall"))); // no release adopted
}

QTEST_GUILESS_MAIN(TestMigrationChecklist)
#include "tst_migrationchecklist.moc"
