// No credential lands in Git in plain text unless the user chose it: the plan moves a Helm
// release's credential-like values to a Secret by default (excluded until included), keeps them
// inline only on the user's decision, and .fluxdesk/plan.yaml never holds a credential value of a
// release whose credentials go to the Secret, yet plans the same after a reload.
#include "schemacheck.h"

#include "core/resources.h"
#include "kube/inventory.h"
#include "kube/snapshot.h"
#include "manifest/yamljson.h"
#include "plan/plandecisions.h"
#include "plan/planner.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace Fluxdesk;
using Fluxdesk::Testing::SchemaSet;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// The demo cluster's grafana release runs with this adminPassword.
const char demoPassword[] = "demo-password-change-me";
const QString grafanaPath = QStringLiteral("infrastructure/logging/grafana-helmrelease.yaml");
const ObjectKey valuesSecret{
    {}, QStringLiteral("Secret"), QStringLiteral("logging"), QStringLiteral("grafana-values")};

Inventory demoInventory()
{
    Inventory inventory;
    inventory.addObjects(demoClusterObjects());
    return inventory;
}

HelmRelease demoGrafana(const Inventory &inventory)
{
    const QList<HelmRelease> releases = inventory.helmReleases();
    for (const HelmRelease &r : releases) {
        if (r.ns == QLatin1String("logging") && r.name == QLatin1String("grafana"))
            return r;
    }
    return {};
}

QJsonObject parsed(const QString &text)
{
    const Result<QJsonValue> value = parseYamlValue(text.toUtf8(), s("plan"));
    return value ? value->toObject() : QJsonObject();
}

Plan planWith(const Inventory &inventory, const PlanDecisions &decisions)
{
    PlanOptions options;
    decisions.applyTo(options);
    return planRepository(inventory, options);
}

// Where a password shows up in a plan: the files' text, the excluded objects' reasons and the
// problems.
QStringList placesHolding(const Plan &plan, const QString &secret)
{
    QStringList places;
    for (const PlannedFile &f : plan.files) {
        if (f.text.contains(secret))
            places.append(f.path);
    }
    for (const ExcludedObject &e : plan.excluded) {
        if (e.reason.contains(secret))
            places.append(e.key.toString());
    }
    for (const Problem &p : plan.problems) {
        if (p.message.contains(secret))
            places.append(p.rule);
    }
    return places;
}

bool hasProblem(const Plan &plan, const QString &rule, const QString &file)
{
    return std::any_of(plan.problems.cbegin(), plan.problems.cend(),
                       [&](const Problem &p) { return p.rule == rule && p.file == file; });
}

const ExcludedObject *excludedEntry(const Plan &plan, const ObjectKey &key)
{
    for (const ExcludedObject &e : plan.excluded) {
        if (e.key == key)
            return &e;
    }
    return nullptr;
}

// The plans agree file for file, and on what they leave out and report.
void comparePlans(const Plan &a, const Plan &b)
{
    QCOMPARE(a.paths(), b.paths());
    for (const PlannedFile &f : a.files)
        QCOMPARE(f.text, b.file(f.path)->text);
    QCOMPARE(a.excluded.size(), b.excluded.size());
    for (int i = 0; i < a.excluded.size(); ++i) {
        QCOMPARE(a.excluded.at(i).key, b.excluded.at(i).key);
        QCOMPARE(a.excluded.at(i).reason, b.excluded.at(i).reason);
    }
    QCOMPARE(a.problems.size(), b.problems.size());
    for (int i = 0; i < a.problems.size(); ++i)
        QCOMPARE(a.problems.at(i).message, b.problems.at(i).message);
}

} // namespace

class TestPlanCredentials : public QObject
{
    Q_OBJECT

    SchemaSet m_schemas;

    void checkSchema(const QString &text)
    {
        const QStringList errors = m_schemas.validate(parsed(text));
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    }

private slots:
    void initTestCase()
    {
        initResources();
        const Result<SchemaSet> loaded =
            SchemaSet::load(QStringLiteral(FLUXDESK_TEST_DATA "/flux-schema"));
        QVERIFY2(loaded.ok(), qPrintable(loaded.error().toString()));
        m_schemas = *loaded;
    }

    void defaultMovesCredentialsToASecret()
    {
        const Inventory inventory = demoInventory();
        QCOMPARE(demoGrafana(inventory).values.value(s("adminPassword")).toString(),
                 s(demoPassword));
        const Plan plan = planRepository(inventory);
        QCOMPARE(placesHolding(plan, s(demoPassword)), QStringList());

        const PlannedFile *file = plan.file(grafanaPath);
        QVERIFY(file);
        checkSchema(file->text);
        const QJsonObject spec = parsed(file->text).value(s("spec")).toObject();
        QVERIFY(!spec.value(s("values")).toObject().contains(s("adminPassword")));
        QCOMPARE(spec.value(s("values")).toObject().value(s("adminUser")).toString(), s("admin"));
        QCOMPARE(spec.value(s("valuesFrom")).toArray(),
                 (QJsonArray{QJsonObject{{s("kind"), s("Secret")},
                                         {s("name"), s("grafana-values")},
                                         {s("valuesKey"), s("adminPassword")},
                                         {s("targetPath"), s("adminPassword")}}}));

        // The Secret follows the plan's Secret rules: excluded, with its reason, and the
        // HelmRelease's file says it must exist.
        QVERIFY(plan.pathOf(valuesSecret).isEmpty());
        const ExcludedObject *excluded = excludedEntry(plan, valuesSecret);
        QVERIFY(excluded);
        QCOMPARE(excluded->reason,
                 s("Holds the credentials moved out of %1; Secrets are written only when "
                   "included.")
                     .arg(grafanaPath));
        QVERIFY(hasProblem(plan, s("plan-values-secret"), grafanaPath));
        QVERIFY(!hasProblem(plan, s("helm-values-credential"), grafanaPath));

        // Included, it is written beside the HelmRelease: plain text, on the user's word.
        PlanOptions options;
        options.includedSecrets.insert(valuesSecret);
        const Plan included = planRepository(inventory, options);
        const QString secretPath = included.pathOf(valuesSecret);
        QCOMPARE(secretPath, s("infrastructure/logging/grafana-values-secret.yaml"));
        QVERIFY(included.file(secretPath)->plainTextSecret);
        checkSchema(included.file(secretPath)->text);
        QCOMPARE(placesHolding(included, s(demoPassword)), QStringList{secretPath});
        QVERIFY(hasProblem(included, s("plan-plain-text-secret"), secretPath));
    }

    void inlineWhenChosen()
    {
        const Inventory inventory = demoInventory();
        PlanDecisions decisions;
        ReleaseEdit edit;
        edit.ns = s("logging");
        edit.name = s("grafana");
        edit.credentials = CredentialHandling::Inline;
        decisions.releases.append(edit);
        const Plan plan = planWith(inventory, decisions);

        const PlannedFile *file = plan.file(grafanaPath);
        QVERIFY(file);
        QVERIFY2(file->text.contains(s("adminPassword: ") + s(demoPassword)),
                 qPrintable(file->text));
        QVERIFY(!file->text.contains(s("valuesFrom")));
        checkSchema(file->text);
        // The existing warning, on the HelmRelease's file; no Secret at all.
        QVERIFY(hasProblem(plan, s("helm-values-credential"), grafanaPath));
        QVERIFY(!hasProblem(plan, s("plan-values-secret"), grafanaPath));
        QVERIFY(!excludedEntry(plan, valuesSecret));

        // The choice is kept as `credentials: inline`; the values are in the HelmRelease anyway.
        const QByteArray yaml = decisions.toYaml();
        QVERIFY2(yaml.contains("credentials: inline"), yaml.constData());
        const Result<PlanDecisions> reread = PlanDecisions::parse(yaml, s("plan.yaml"));
        QVERIFY(reread);
        QCOMPARE(reread->releases, decisions.releases);
    }

    void planFileKeepsNoCredential_data()
    {
        QTest::addColumn<bool>("keepInline");
        QTest::addRow("secret") << false;
        QTest::addRow("inline") << true;
    }

    void planFileKeepsNoCredential()
    {
        QFETCH(bool, keepInline);
        const Inventory inventory = demoInventory();
        // The user edited grafana's values (the credential as it runs, more replicas).
        QJsonObject values = demoGrafana(inventory).values;
        values.insert(s("replicas"), 3);
        ReleaseEdit edit;
        edit.ns = s("logging");
        edit.name = s("grafana");
        edit.hasValues = true;
        edit.values = values;
        edit.credentials = keepInline ? CredentialHandling::Inline : CredentialHandling::Secret;
        PlanDecisions decisions;
        decisions.releases.append(edit);
        const Plan before = planWith(inventory, decisions);
        QVERIFY(parsed(before.file(grafanaPath)->text)
                    .value(s("spec"))
                    .toObject()
                    .value(s("values"))
                    .toObject()
                    .value(s("replicas")) == QJsonValue(3));

        QTemporaryDir repo;
        QVERIFY(repo.isValid());
        QVERIFY(savePlanDecisions(repo.path(), decisions));
        QFile file(repo.filePath(planDecisionsPath()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        if (keepInline) {
            // Inline means the value is in the HelmRelease anyway: kept whole.
            QVERIFY(bytes.contains(demoPassword));
            QVERIFY(bytes.contains("credentials: inline"));
        } else {
            QVERIFY2(!bytes.contains(demoPassword), bytes.constData());
            QVERIFY2(bytes.contains("- credentialsInSecret:\n  - adminPassword\n"),
                     bytes.constData());
        }

        const Result<PlanDecisions> loaded = loadPlanDecisions(repo.path());
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().toString()));
        QCOMPARE(loaded->releases.size(), 1);
        const ReleaseEdit &reloaded = loaded->releases.first();
        QCOMPARE(reloaded.credentials, edit.credentials);
        QCOMPARE(reloaded, releaseEditForPlanFile(edit));
        const Plan after = planWith(inventory, *loaded);
        comparePlans(before, after);
        QCOMPARE(placesHolding(after, s(demoPassword)).isEmpty(), !keepInline);

        // Saving what was loaded writes the same bytes.
        QCOMPARE(loaded->toYaml(), bytes);
    }

    void credentialsChoiceIsRead_data()
    {
        QTest::addColumn<QByteArray>("entry");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<bool>("keptInline");
        QTest::addColumn<int>("errorLine");
        QTest::addRow("none") << QByteArray("values: {replicas: 2}") << true << false << 0;
        QTest::addRow("old moveCredentials")
            << QByteArray("moveCredentials: true") << true << false << 0;
        QTest::addRow("secret") << QByteArray("credentials: secret") << true << false << 0;
        QTest::addRow("inline") << QByteArray("credentials: inline") << true << true << 0;
        QTest::addRow("unknown") << QByteArray("credentials: maybe") << false << false << 6;
        QTest::addRow("paths") << QByteArray("credentialsInSecret: [a.b, '[\"c.d\"].e', 'f[0]']")
                               << true << false << 0;
        QTest::addRow("bad path") << QByteArray("credentialsInSecret: [a..b]") << false << false
                                  << 6;
        QTest::addRow("not a list")
            << QByteArray("credentialsInSecret: a.b") << false << false << 6;
    }

    void credentialsChoiceIsRead()
    {
        QFETCH(QByteArray, entry);
        QFETCH(bool, ok);
        QFETCH(bool, keptInline);
        QFETCH(int, errorLine);
        const QByteArray yaml = "apiVersion: fluxdesk.io/v1alpha1\n"
                                "kind: Plan\n"
                                "releases:\n"
                                "- namespace: logging\n"
                                "  name: grafana\n"
                                "  " +
                                entry + "\n";
        const Result<PlanDecisions> d = PlanDecisions::parse(yaml, s("plan.yaml"));
        QCOMPARE(d.ok(), ok);
        if (!ok) {
            QCOMPARE(d.error().line, errorLine);
            return;
        }
        QCOMPARE(d->releases.size(), 1);
        QCOMPARE(d->releases.first().credentials == CredentialHandling::Inline, keptInline);
    }

    void credentialUnknownToTheRunningRelease()
    {
        // The plan file names credentials the running release has no value for (the user
        // added them): still read from the Secret, or left out when they cannot move; each said.
        // One it has a value for goes to the Secret even if that value would not be flagged.
        const Inventory inventory = demoInventory();
        ReleaseEdit edit;
        edit.ns = s("logging");
        edit.name = s("grafana");
        edit.hasValues = true;
        edit.values = demoGrafana(inventory).values;
        edit.values.insert(s("env"), QJsonArray{QJsonObject{{s("name"), s("TOKEN")}}});
        edit.values.remove(s("adminUser"));
        edit.credentialsInSecret =
            QStringList{s("smtp.password"), s("env[0].value"), s("adminUser")};
        PlanDecisions decisions;
        decisions.releases.append(edit);
        const Plan plan = planWith(inventory, decisions);
        const PlannedFile *file = plan.file(grafanaPath);
        QVERIFY(file);
        checkSchema(file->text);
        const QJsonObject spec = parsed(file->text).value(s("spec")).toObject();
        QStringList targets;
        const QJsonArray valuesFrom = spec.value(s("valuesFrom")).toArray();
        for (const QJsonValue &v : valuesFrom)
            targets.append(v.toObject().value(s("targetPath")).toString());
        QCOMPARE(targets, (QStringList{s("adminPassword"), s("smtp.password"), s("adminUser")}));
        QVERIFY(!spec.value(s("values")).toObject().contains(s("adminUser")));
        QCOMPARE(spec.value(s("values")).toObject().value(s("env")).toArray(),
                 (QJsonArray{QJsonObject{{s("name"), s("TOKEN")}}}));
        QStringList said;
        for (const Problem &p : plan.problems) {
            if (p.rule == s("plan-values-credential-unknown") && p.file == grafanaPath)
                said.append(p.message);
        }
        QCOMPARE(said.size(), 2);
        QVERIFY2(said.at(0).contains(s("Secret grafana-values")), qPrintable(said.at(0)));
        QVERIFY2(said.at(1).contains(s("left out")), qPrintable(said.at(1)));

        // Its Secret, when included, holds what is known.
        PlanOptions options;
        decisions.applyTo(options);
        options.includedSecrets.insert(valuesSecret);
        const Plan included = planRepository(inventory, options);
        const QJsonObject secret = parsed(included.file(included.pathOf(valuesSecret))->text);
        QCOMPARE(secret.value(s("stringData")).toObject().keys(),
                 (QStringList{s("adminPassword"), s("adminUser")}));
        QCOMPARE(secret.value(s("stringData")).toObject().value(s("adminUser")).toString(),
                 s("admin"));
    }
};

QTEST_GUILESS_MAIN(TestPlanCredentials)
#include "tst_plancredentials.moc"
