// The one plan job behind `fluxdesk-cli plan` and the window's PlanSession: a malformed clean-rules
// file is the same warning (file, line, column) in both and both plan with the default rules; a
// write that deletes files writes the snapshot's plan, its kustomizations made again, without
// planning the rest again.
#include "clirunner.h"
#include "kube/inventory.h"
#include "kube/snapshot.h"
#include "plan/kustomizationupkeep.h"
#include "plan/planjob.h"
#include "plan/plansession.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

Inventory demoInventory()
{
    Inventory inventory;
    inventory.addObjects(demoClusterObjects());
    return inventory;
}

} // namespace

class TestPlanJob : public QObject
{
    Q_OBJECT

private slots:
    void badCleanRulesAreTheSameWarningInCliAndWindow()
    {
        QTemporaryDir home, repo;
        QVERIFY(home.isValid() && repo.isValid());
        // An unclosed flow sequence on line 2.
        QVERIFY(
            writeFile(repo.filePath(s(".fluxdesk/clean-rules.yaml")), "rules:\n  - [name: x\n"));

        const CliRun cli = runCli({s("--demo"), s("--json"), s("plan"), s("--repo"), repo.path()},
                                  isolatedEnvironment(home.path()));
        QVERIFY(cli.finished);
        QVERIFY2(cli.exitCode == 1, qPrintable(cli.errText())); // planned files, not bad usage
        const QJsonObject json = QJsonDocument::fromJson(cli.out).object();
        QStringList cliPaths;
        for (const QJsonValue &f : json.value(s("files")).toArray())
            cliPaths.append(f.toObject().value(s("path")).toString());

        // The window's session on the same checkout, with the same (empty) home.
        qputenv("HOME", QFile::encodeName(home.path()));
        PlanSession session;
        QSignalSpy ready(&session, &PlanSession::planReady);
        QVERIFY(session.setRepository(repo.path()));
        session.setInventory(demoInventory());
        QVERIFY(ready.wait(20000));
        const auto snapshot = session.snapshot();
        QCOMPARE(snapshot->warnings.size(), 1);
        const Error warning = snapshot->warnings.first();
        QVERIFY(warning.file.endsWith(s(".fluxdesk/clean-rules.yaml")));
        QCOMPARE(warning.line, 3);
        QVERIFY(warning.column > 0);
        QVERIFY2(cli.errText().contains(s("warning: ") + warning.toString()),
                 qPrintable(cli.errText()));
        QCOMPARE(cliPaths, snapshot->plan.paths());
        QVERIFY(!cliPaths.isEmpty());

        // Both planned with the default rules: what a plan without the file gives.
        QVERIFY(QFile::remove(repo.filePath(s(".fluxdesk/clean-rules.yaml"))));
        const auto defaults = makePlanSnapshot(demoInventory(), repo.path(), PlanDecisions());
        QVERIFY(defaults->warnings.isEmpty());
        QCOMPARE(defaults->plan.paths(), snapshot->plan.paths());
        for (const PlannedFile &f : defaults->plan.files)
            QCOMPARE(snapshot->plan.file(f.path)->text, f.text);
    }

    void writeWithDeletionsWritesTheSnapshotsPlan()
    {
        QTemporaryDir repo;
        QVERIFY(repo.isValid());
        const Inventory inventory = demoInventory();
        const auto first = makePlanSnapshot(inventory, repo.path(), PlanDecisions());
        QVERIFY(writePlanSnapshot(*first, repo.path(), {}));

        // Excluded after it was written: on disk only, still listed by its folder's
        // kustomization.
        const ObjectKey service{{}, s("Service"), s("llm"), s("llama-cpp")};
        const QString stale = s("workloads/llm/llama-cpp-service.yaml");
        PlanDecisions decisions;
        decisions.excluded.insert(service);
        const auto planned = makePlanSnapshot(inventory, repo.path(), decisions);
        QCOMPARE(planned->preview.removable, QStringList{stale});
        QVERIFY(planned->plan.file(s("workloads/llm/kustomization.yaml"))
                    ->text.contains(s("llama-cpp-service.yaml")));

        // A snapshot whose plan no fresh plan would make: a write that plans again writes the
        // planner's text instead of this one.
        auto snapshot = std::make_shared<PlanSnapshot>(*planned);
        const QString deployment = s("workloads/llm/llama-cpp-deployment.yaml");
        bool marked = false;
        for (PlannedFile &f : snapshot->plan.files) {
            if (f.path == deployment) {
                f.text += s("# from the snapshot\n");
                marked = true;
            }
        }
        QVERIFY(marked);
        PlanWriteRequest request;
        request.remove = {stale};
        request.accept = {deployment};
        const Result<PlanWriteResult> result = writePlanSnapshot(*snapshot, repo.path(), request);
        QVERIFY2(result, qPrintable(result.error().toString()));
        QCOMPARE(result->removed, QStringList{stale});
        QVERIFY(result->updated.contains(s("workloads/llm/kustomization.yaml")));
        QVERIFY(!QFile::exists(repo.filePath(stale)));
        QVERIFY(readFile(repo.filePath(deployment)).endsWith("# from the snapshot\n"));
        const QByteArray kustomization =
            readFile(repo.filePath(s("workloads/llm/kustomization.yaml")));
        QVERIFY(kustomization.contains("llama-cpp-deployment.yaml"));
        QVERIFY(!kustomization.contains("llama-cpp-service.yaml"));
        // The kustomization written is the one a plan of the checkout without the file makes.
        const auto after = makePlanSnapshot(inventory, repo.path(), decisions);
        QCOMPARE(QString::fromUtf8(kustomization),
                 after->plan.file(s("workloads/llm/kustomization.yaml"))->text);
    }

    void kustomizationsFollowTheCheckout()
    {
        Plan plan;
        PlannedFile a;
        a.path = s("workloads/a/one.yaml");
        a.text = s("kind: ConfigMap\n");
        plan.files = {a};
        // Listed by hand: kept while it exists, dropped once it is gone.
        const RepositoryFiles withExtra{
            {s("workloads/a/kustomization.yaml"), "resources:\n- one.yaml\n- extra.yaml\n"},
            {s("workloads/a/extra.yaml"), "kind: ConfigMap\n"}};
        const Plan kept = withKustomizationsFor(plan, withExtra);
        QVERIFY(kept.file(s("workloads/a/kustomization.yaml"))->text.contains(s("extra.yaml")));
        QVERIFY(kept.file(s("workloads/kustomization.yaml")));
        QCOMPARE(kept.file(s("workloads/a/one.yaml"))->text, a.text);
        RepositoryFiles without = withExtra;
        without.remove(s("workloads/a/extra.yaml"));
        const Plan dropped = withKustomizationsFor(kept, without);
        QVERIFY(!dropped.file(s("workloads/a/kustomization.yaml"))->text.contains(s("extra")));
        QCOMPARE(dropped.files.size(), kept.files.size());
    }
};

QTEST_GUILESS_MAIN(TestPlanJob)
#include "tst_planjob.moc"
