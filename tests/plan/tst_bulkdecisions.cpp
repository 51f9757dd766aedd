// Bulk decisions (issue 18): exclusion rules by kind and by namespace in .fluxdesk/plan.yaml, an
// object's own include beating a rule, a selection excluded and included at once, the rules'
// round trip through the file, old files still loading, and ill-formed rules pointing at their
// line and column.
#include "kube/inventory.h"
#include "kube/snapshot.h"
#include "plan/bulkdecisions.h"
#include "plan/plandecisions.h"
#include "plan/planner.h"
#include "plan/plansession.h"
#include "testfiles.h"

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

const ObjectKey llamaDeployment{s("apps"), s("Deployment"), s("llm"), s("llama-cpp")};
const ObjectKey llamaService{{}, s("Service"), s("llm"), s("llama-cpp")};
const ObjectKey llmNamespace{{}, s("Namespace"), {}, s("llm")};
const ObjectKey analyzerConfig{{}, s("ConfigMap"), s("log-analyzer"), s("log-analyzer-config")};
const ObjectKey analyzerDeployment{s("apps"), s("Deployment"), s("log-analyzer"),
                                   s("log-analyzer")};
const ObjectKey lokiRelease{s("helm.toolkit.fluxcd.io"), s("HelmRelease"), s("logging"), s("loki")};

Inventory demoInventory()
{
    Inventory inventory;
    inventory.addObjects(demoClusterObjects());
    return inventory;
}

Plan planWith(const PlanDecisions &decisions)
{
    PlanOptions options;
    decisions.applyTo(options);
    return planRepository(demoInventory(), options);
}

QString reasonOf(const Plan &plan, const ObjectKey &key)
{
    for (const ExcludedObject &e : plan.excluded) {
        if (e.key == key)
            return e.reason;
    }
    return {};
}

QStringList pathsUnder(const Plan &plan, const QString &folder)
{
    QStringList out;
    for (const QString &path : plan.paths()) {
        if (path.startsWith(folder))
            out.append(path);
    }
    return out;
}

bool waitForPlan(PlanSession &session)
{
    QSignalSpy ready(&session, &PlanSession::planReady);
    return ready.wait(20000);
}

} // namespace

class TestBulkDecisions : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void kindRule()
    {
        const Plan before = planWith({});
        QVERIFY(!before.pathOf(analyzerConfig).isEmpty());
        QCOMPARE(pathsUnder(before, s("infrastructure/storage/")).size(), 4);

        PlanDecisions d;
        d.excludeKind(s("ConfigMap"));
        d.excludeKind(s("PersistentVolume"));
        const Plan plan = planWith(d);
        // Every object of the kinds, in every namespace and cluster-scoped, leaves the plan.
        QVERIFY(plan.pathOf(analyzerConfig).isEmpty());
        QVERIFY(pathsUnder(plan, s("infrastructure/storage/")).isEmpty());
        QVERIFY2(reasonOf(plan, analyzerConfig).contains(s("ConfigMap")),
                 qPrintable(reasonOf(plan, analyzerConfig)));
        QVERIFY(reasonOf(plan, analyzerConfig).contains(planDecisionsPath()));
        // Nothing else moves.
        QCOMPARE(plan.pathOf(analyzerDeployment), before.pathOf(analyzerDeployment));
        QCOMPARE(plannedObjects(before).size() - plannedObjects(plan).size(), 1 + 3);
    }

    void kindRuleNamesTheGroup()
    {
        PlanDecisions d;
        d.excludeKind(s("Deployment")); // the core group has no Deployment
        Plan plan = planWith(d);
        QVERIFY(!plan.pathOf(llamaDeployment).isEmpty());
        d.excludeKind(s("Deployment.apps"));
        plan = planWith(d);
        QVERIFY(plan.pathOf(llamaDeployment).isEmpty());
        QVERIFY(plan.pathOf(analyzerDeployment).isEmpty());
        QVERIFY(!plan.pathOf(llamaService).isEmpty());
        QCOMPARE(kindRuleName(s("apps"), s("Deployment")), s("Deployment.apps"));
        QCOMPARE(kindRuleName(QString(), s("ConfigMap")), s("ConfigMap"));
    }

    void namespaceRule()
    {
        PlanDecisions d;
        d.excludeNamespace(s("llm"));
        d.excludeNamespace(s("logging"));
        const Plan plan = planWith(d);
        // The namespace's objects, the Namespace itself and its Helm releases.
        QVERIFY(pathsUnder(plan, s("workloads/llm/")).isEmpty());
        QVERIFY(pathsUnder(plan, s("infrastructure/logging/")).isEmpty());
        QVERIFY(reasonOf(plan, llmNamespace).contains(s("llm")));
        QVERIFY(reasonOf(plan, llamaDeployment).contains(planDecisionsPath()));
        QVERIFY(!plan.pathOf(analyzerDeployment).isEmpty());
        QVERIFY(!plan.paths().contains(s("workloads/kustomization.yaml")) ||
                !plan.file(s("workloads/kustomization.yaml"))->text.contains(s("llm")));
    }

    void ownIncludeBeatsRule()
    {
        PlanDecisions d;
        d.included.insert(llamaDeployment);
        d.excludedNamespaces.insert(s("llm"));
        QVERIFY(d.excludesByRule(llamaService));
        QVERIFY(!d.excludesByRule(llamaDeployment));
        Plan plan = planWith(d);
        QVERIFY(!plan.pathOf(llamaDeployment).isEmpty());
        QVERIFY(plan.pathOf(llamaService).isEmpty());

        // Excluding the namespace as a whole takes the includes it covers with it.
        d.excludeNamespace(s("llm"));
        QVERIFY(!d.included.contains(llamaDeployment));
        plan = planWith(d);
        QVERIFY(plan.pathOf(llamaDeployment).isEmpty());
    }

    void includeDropsRuleAndExclusions()
    {
        PlanDecisions d;
        d.excluded.insert(analyzerConfig);
        d.excluded.insert(llamaService);
        d.excludeKind(s("ConfigMap"));
        d.excludeNamespace(s("llm"));
        d.includeKind(s("ConfigMap"));
        QVERIFY(d.excludedKinds.isEmpty());
        QVERIFY(!d.excluded.contains(analyzerConfig));
        QVERIFY(d.excluded.contains(llamaService));
        d.includeNamespace(s("llm"));
        QVERIFY(d.excludedNamespaces.isEmpty());
        QVERIFY(d.excluded.isEmpty());
        QVERIFY(d == PlanDecisions());
    }

    void rulesRoundTrip()
    {
        PlanDecisions d;
        d.excludeKind(s("PersistentVolume"));
        d.excludeKind(s("ConfigMap"));
        d.excludeKind(s("Middleware.traefik.io"));
        d.excludeNamespace(s("kube-system"));
        d.excludeNamespace(s("llm"));
        d.excluded.insert(llamaService);
        QVERIFY(!d.isEmpty());
        const QByteArray yaml = d.toYaml();
        // Readable and reviewable: one short rule, not a line per object.
        QVERIFY2(yaml.contains("exclude:\n"
                               "  kinds:\n"
                               "  - ConfigMap\n"
                               "  - Middleware.traefik.io\n"
                               "  - PersistentVolume\n"
                               "  namespaces:\n"
                               "  - kube-system\n"
                               "  - llm\n"),
                 yaml.constData());
        const Result<PlanDecisions> back = PlanDecisions::parse(yaml, s("plan.yaml"));
        QVERIFY2(back, qPrintable(back.error().toString()));
        QVERIFY(*back == d);
        QCOMPARE(back->toYaml(), yaml);

        // The flow form a person would type reads the same.
        const Result<PlanDecisions> typed = PlanDecisions::parse(
            "kind: Plan\nexclude: {kinds: [ConfigMap], namespaces: [kube-system]}\n",
            s("plan.yaml"));
        QVERIFY2(typed, qPrintable(typed.error().toString()));
        QCOMPARE(typed->excludedKinds, QSet<QString>{s("ConfigMap")});
        QCOMPARE(typed->excludedNamespaces, QSet<QString>{s("kube-system")});
    }

    void oldFileLoads()
    {
        // A plan.yaml written before rules existed.
        const QByteArray old = "apiVersion: fluxdesk.io/v1alpha1\n"
                               "kind: Plan\n"
                               "cluster: lab\n"
                               "objects:\n"
                               "- {kind: ConfigMap, namespace: log-analyzer, name: "
                               "log-analyzer-config, decision: exclude}\n"
                               "- {kind: Secret, namespace: llm, name: token, decision: include}\n"
                               "- {group: apps, kind: Deployment, namespace: llm, name: "
                               "llama-cpp, path: workloads/ai/llama.yaml}\n"
                               "releases:\n"
                               "- {namespace: logging, name: grafana, values: {replicas: 2}}\n"
                               "entryPoints:\n"
                               "- {name: workloads, interval: 30m}\n";
        const Result<PlanDecisions> d = PlanDecisions::parse(old, s("plan.yaml"));
        QVERIFY2(d, qPrintable(d.error().toString()));
        QCOMPARE(d->cluster, s("lab"));
        QVERIFY(d->excluded.contains(analyzerConfig));
        QCOMPARE(d->placements.value(llamaDeployment), s("workloads/ai/llama.yaml"));
        QVERIFY(d->excludedKinds.isEmpty());
        QVERIFY(d->excludedNamespaces.isEmpty());
        QVERIFY(!d->toYaml().contains("exclude:"));
    }

    void badRules_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("expected"); // "line:col: part of the message"
        QTest::addRow("exclude not a map")
            << QByteArray("kind: Plan\nexclude: [ConfigMap]\n") << s("2:10: exclude must be a map");
        QTest::addRow("unknown key under exclude")
            << QByteArray("kind: Plan\nexclude:\n  kind: [ConfigMap]\n")
            << s("3:3: unknown key \"kind\" under exclude");
        QTest::addRow("kinds not a list")
            << QByteArray("kind: Plan\nexclude:\n  kinds: ConfigMap\n")
            << s("3:10: exclude.kinds must be a list");
        QTest::addRow("ill-formed kind")
            << QByteArray("kind: Plan\nexclude:\n  kinds:\n  - ConfigMap\n  - Config Map\n")
            << s("5:5: exclude.kinds: \"Config Map\" is not a valid entry");
        QTest::addRow("ill-formed namespace")
            << QByteArray("kind: Plan\nexclude:\n  namespaces: [Kube_System]\n")
            << s("3:16: exclude.namespaces: \"Kube_System\" is not a valid entry");
        QTest::addRow("namespace not a string")
            << QByteArray("kind: Plan\nexclude:\n  namespaces:\n  - {a: b}\n")
            << s("4:5: exclude.namespaces:");
        QTest::addRow("typo at the top")
            << QByteArray("kind: Plan\nexlude:\n  kinds: [ConfigMap]\n")
            << s("2:1: unknown key \"exlude\"");
    }

    void badRules()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expected);
        const Result<PlanDecisions> d = PlanDecisions::parse(yaml, s("dir/plan.yaml"));
        QVERIFY(!d);
        const QString text = d.error().toString();
        QVERIFY2(text.startsWith(s("dir/plan.yaml:") + expected), qPrintable(text));
    }

    // What fuzz_plandecisions checks, on its seeds for the rules: the good one reads, saves and
    // reads back to the same text; the bad one is an error with a position.
    void fuzzSeeds()
    {
        const QString corpus = s(FLUXDESK_TEST_DATA) + s("/../fuzz/corpus/fuzz_plandecisions/");
        const Result<PlanDecisions> good =
            PlanDecisions::parse(readFile(corpus + s("exclude-rules.yaml")), s("plan.yaml"));
        QVERIFY2(good, qPrintable(good.error().toString()));
        QCOMPARE(good->excludedKinds.size(), 3);
        const Result<PlanDecisions> again = PlanDecisions::parse(good->toYaml(), s("plan.yaml"));
        QVERIFY(again);
        QCOMPARE(again->toYaml(), good->toYaml());
        const Result<PlanDecisions> bad =
            PlanDecisions::parse(readFile(corpus + s("exclude-bad.yaml")), s("plan.yaml"));
        QVERIFY(!bad);
        QVERIFY(bad.error().line > 0);
    }

    // A selection excluded at once is one save with one line per object; including one object a
    // rule leaves out keeps that object (an include of its own), and the file says so.
    void selectionInSession()
    {
        QTemporaryDir repo;
        QVERIFY(repo.isValid());
        PlanSession session;
        QVERIFY(session.setRepository(repo.path()));
        session.setInventory(demoInventory());
        QVERIFY(waitForPlan(session));

        QVERIFY(session.excludeObjects({llamaDeployment, llamaService, analyzerConfig}));
        QVERIFY(waitForPlan(session));
        const Plan &plan = session.snapshot()->plan;
        QVERIFY(plan.pathOf(llamaDeployment).isEmpty());
        QVERIFY(plan.pathOf(llamaService).isEmpty());
        QVERIFY(plan.pathOf(analyzerConfig).isEmpty());
        QString saved = QString::fromUtf8(readFile(repo.filePath(planDecisionsPath())));
        QCOMPARE(saved.count(s("decision: exclude")), 3);
        QVERIFY(!saved.contains(s("exclude:\n")));

        PlanDecisions rules = session.decisions();
        rules.excludeNamespace(s("llm"));
        QVERIFY(session.setDecisions(rules));
        QVERIFY(waitForPlan(session));
        QVERIFY(session.snapshot()->plan.pathOf(llmNamespace).isEmpty());

        const ObjectKey pvc{{}, s("PersistentVolumeClaim"), s("llm"), s("llama-models-pvc")};
        QVERIFY(session.snapshot()->plan.pathOf(pvc).isEmpty());
        QVERIFY(session.includeObjects({pvc}));
        QVERIFY(waitForPlan(session));
        QVERIFY(!session.snapshot()->plan.pathOf(pvc).isEmpty());
        QVERIFY(session.snapshot()->plan.pathOf(llamaService).isEmpty());
        saved = QString::fromUtf8(readFile(repo.filePath(planDecisionsPath())));
        QVERIFY2(saved.contains(s("name: llama-models-pvc")) &&
                     saved.contains(s("decision: include")),
                 qPrintable(saved));

        // A Helm release a namespace rule leaves out comes back by itself, too.
        rules = session.decisions();
        rules.excludeNamespace(s("logging"));
        QVERIFY(session.setDecisions(rules));
        QVERIFY(waitForPlan(session));
        const QString lokiFile = s("infrastructure/logging/loki-helmrelease.yaml");
        QVERIFY(!session.snapshot()->plan.paths().contains(lokiFile));
        ObjectKey lokiPart;
        for (const ExcludedObject &e : session.snapshot()->plan.excluded) {
            if (e.ownership == Ownership::HelmManaged && e.reason.contains(s("logging/loki")))
                lokiPart = e.key;
        }
        QVERIFY(!lokiPart.name.isEmpty());
        QVERIFY(session.includeObjects({lokiPart}));
        QVERIFY(waitForPlan(session));
        QVERIFY(session.snapshot()->plan.paths().contains(lokiFile));
        QVERIFY(session.decisions().included.contains(lokiRelease));
    }
};

QTEST_GUILESS_MAIN(TestBulkDecisions)
#include "tst_bulkdecisions.moc"
