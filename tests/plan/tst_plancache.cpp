// The plan's render cache: a plan with a cache is the plan without one, a changed object (new
// resourceVersion, or new content without one) or changed clean rules render again, and the
// cache follows a shrinking inventory.
#include "core/resources.h"
#include "kube/inventory.h"
#include "kube/snapshot.h"
#include "plan/plancache.h"
#include "plan/planner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <atomic>

using namespace Fluxdesk;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// Everything a plan says, as one comparable text.
QString dump(const Plan &plan)
{
    QString out = plan.cluster + QLatin1Char('\n') + plan.bootstrapPaths.join(QLatin1Char(','));
    for (const PlannedFile &f : plan.files) {
        out += QLatin1String("\n== ") + f.path + QLatin1Char(' ') + plannedFileKindId(f.kind) +
               (f.plainTextSecret ? QLatin1String(" secret") : QLatin1String());
        for (const ObjectKey &k : f.objects)
            out += QLatin1Char(' ') + k.toString();
        out += QLatin1Char('\n') + f.text;
    }
    for (const ExcludedObject &e : plan.excluded)
        out += QLatin1String("\nexcluded ") + e.key.toString() + QLatin1Char(' ') +
               QString::number(int(e.ownership)) + QLatin1Char(' ') + e.reason;
    for (const Problem &p : plan.problems)
        out += QLatin1String("\nproblem ") + p.file + QLatin1Char(' ') + p.rule + QLatin1Char(' ') +
               p.message;
    return out;
}

QJsonObject withMetadata(QJsonObject object, const QString &field, const QJsonValue &value)
{
    QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    if (value.isUndefined())
        metadata.remove(field);
    else
        metadata.insert(field, value);
    object.insert(QStringLiteral("metadata"), metadata);
    return object;
}

QJsonObject withReplicas(QJsonObject object, int replicas)
{
    QJsonObject spec = object.value(QLatin1String("spec")).toObject();
    spec.insert(QStringLiteral("replicas"), replicas);
    object.insert(QStringLiteral("spec"), spec);
    return object;
}

const ObjectKey llama{s("apps"), s("Deployment"), s("llm"), s("llama-cpp")};

QJsonObject demoObject(const ObjectKey &key)
{
    for (const QJsonObject &o : demoClusterObjects()) {
        if (ObjectKey::of(o) == key)
            return o;
    }
    return {};
}

} // namespace

class TestPlanCache : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { initResources(); }

    void sameAsWithout_data()
    {
        QTest::addColumn<bool>("withVersions"); // objects carry uid and resourceVersion
        QTest::addRow("uid and resourceVersion") << true;
        QTest::addRow("content hash") << false;
    }

    void sameAsWithout()
    {
        QFETCH(bool, withVersions);
        QList<QJsonObject> objects = demoClusterObjects();
        int versioned = 0;
        for (QJsonObject &o : objects) {
            if (!withVersions)
                o = withMetadata(o, s("resourceVersion"), QJsonValue(QJsonValue::Undefined));
            const QJsonObject metadata = o.value(QLatin1String("metadata")).toObject();
            versioned += metadata.contains(s("uid")) && metadata.contains(s("resourceVersion"));
        }
        QVERIFY(withVersions ? versioned > 0 : versioned == 0);
        Inventory inventory;
        inventory.addObjects(objects);

        const QString expected = dump(planRepository(inventory));
        PlanCache cache;
        PlanOptions options;
        options.cache = &cache;
        QCOMPARE(dump(planRepository(inventory, options)), expected); // cold
        QCOMPARE(cache.hits(), 0);
        const qint64 rendered = cache.misses();
        QVERIFY(rendered > 10);
        QCOMPARE(cache.size(), int(rendered));
        QCOMPARE(dump(planRepository(inventory, options)), expected); // warm
        QCOMPARE(cache.hits(), rendered);
        QCOMPARE(cache.misses(), rendered);
    }

    void changedObjectRendersAgain_data()
    {
        QTest::addColumn<bool>("withVersions");
        QTest::addRow("new resourceVersion") << true;
        QTest::addRow("new content") << false;
    }

    void changedObjectRendersAgain()
    {
        QFETCH(bool, withVersions);
        QList<QJsonObject> objects = demoClusterObjects();
        if (!withVersions) {
            for (QJsonObject &o : objects)
                o = withMetadata(o, s("resourceVersion"), QJsonValue(QJsonValue::Undefined));
        }
        Inventory inventory;
        inventory.addObjects(objects);
        PlanCache cache;
        PlanOptions options;
        options.cache = &cache;
        const Plan before = planRepository(inventory, options);
        const QString path = before.pathOf(llama);
        QVERIFY(!path.isEmpty());
        QVERIFY(!before.file(path)->text.contains(s("replicas: 7")));

        QJsonObject changed = inventory.find(llama)->object;
        QVERIFY(!changed.isEmpty());
        changed = withReplicas(changed, 7);
        if (withVersions)
            changed = withMetadata(changed, s("resourceVersion"), s("999999"));
        inventory.addObjects({changed});
        const qint64 missesBefore = cache.misses();
        const Plan after = planRepository(inventory, options);
        QCOMPARE(cache.misses(), missesBefore + 1); // only the changed object
        QVERIFY(after.file(path)->text.contains(s("replicas: 7")));
        QCOMPARE(dump(after), dump(planRepository(inventory)));
    }

    void cleanRulesAreKeyed()
    {
        Inventory inventory;
        inventory.addObjects(demoClusterObjects());
        PlanCache cache;
        PlanOptions options;
        options.cache = &cache;
        const Plan plain = planRepository(inventory, options);

        // The repository's override switches one default rule off.
        QTemporaryDir repo;
        QVERIFY(repo.isValid());
        QVERIFY(QDir().mkpath(repo.filePath(s(".fluxdesk"))));
        QFile file(repo.filePath(s(".fluxdesk/clean-rules.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("rules:\n- name: server-metadata\n  enabled: false\n");
        file.close();
        const Result<CleanRules> rules = CleanRules::forRepository(repo.path());
        QVERIFY2(rules, qPrintable(rules.error().toString()));
        QVERIFY(PlanCache::cleanFingerprint(*rules, {}) !=
                PlanCache::cleanFingerprint(CleanRules::defaults(), {}));
        CleanContext dynamic;
        dynamic.dynamicVolumes.insert(s("pv-1"));
        QVERIFY(PlanCache::cleanFingerprint(CleanRules::defaults(), dynamic) !=
                PlanCache::cleanFingerprint(CleanRules::defaults(), {}));
        QCOMPARE(PlanCache::cleanFingerprint(CleanRules::defaults(), {}),
                 PlanCache::cleanFingerprint(CleanRules::defaults(), {}));

        options.cleanRules = *rules;
        const qint64 hitsBefore = cache.hits();
        const Plan other = planRepository(inventory, options);
        QCOMPARE(cache.hits(), hitsBefore); // nothing served across rules
        PlanOptions uncached;
        uncached.cleanRules = *rules;
        QCOMPARE(dump(other), dump(planRepository(inventory, uncached)));
        QVERIFY(dump(other) != dump(plain));
    }

    void objectFingerprint()
    {
        const QJsonObject o = demoObject(llama);
        QVERIFY(!o.isEmpty());
        QVERIFY(o.value(s("metadata")).toObject().contains(s("uid")));
        QCOMPARE(PlanCache::objectFingerprint(o), PlanCache::objectFingerprint(o));
        QVERIFY(PlanCache::objectFingerprint(o) !=
                PlanCache::objectFingerprint(withMetadata(o, s("resourceVersion"), s("1"))));
        // Same uid and version under another name (another cluster): not the same entry.
        QVERIFY(PlanCache::objectFingerprint(o) !=
                PlanCache::objectFingerprint(withMetadata(o, s("name"), s("other"))));
        const QJsonObject bare = withMetadata(o, s("uid"), QJsonValue(QJsonValue::Undefined));
        QVERIFY(PlanCache::objectFingerprint(bare) !=
                PlanCache::objectFingerprint(withReplicas(bare, 9)));
        QCOMPARE(PlanCache::objectFingerprint(bare), PlanCache::objectFingerprint(bare));
        // The planner's shortcut (an inventory entry's apiVersion and key) is the same fingerprint.
        for (const QJsonObject &object : {o, bare}) {
            QCOMPARE(PlanCache::objectFingerprint(object, object.value(s("apiVersion")).toString(),
                                                  ObjectKey::of(object)),
                     PlanCache::objectFingerprint(object));
        }
    }

    void followsTheInventory()
    {
        QList<QJsonObject> objects = demoClusterObjects();
        Inventory inventory;
        inventory.addObjects(objects);
        PlanCache cache;
        PlanOptions options;
        options.cache = &cache;
        planRepository(inventory, options);
        const int full = cache.size();
        QVERIFY(full > 10);
        inventory.removeObjects({llama});
        // Entries unused for two plans in a row go; the others stay.
        planRepository(inventory, options);
        QCOMPARE(cache.size(), full);
        planRepository(inventory, options);
        QCOMPARE(cache.size(), full - 1);
        cache.clear();
        QCOMPARE(cache.size(), 0);
    }

    // The checkout's files are read once per content: a file edited between plans (an object
    // moved out of it, a kustomization's list changed) is read again, and the plan is always the
    // one without a cache.
    void checkoutReadingsFollowTheFiles()
    {
        Inventory inventory;
        inventory.addObjects(demoClusterObjects());
        const Plan fresh = planRepository(inventory);
        const QString defaultPath = fresh.pathOf(llama);
        QVERIFY(!defaultPath.isEmpty());
        const QString folder = defaultPath.left(defaultPath.lastIndexOf(QLatin1Char('/')));
        const QString handPath = folder + QLatin1String("/my-llama.yaml");
        const QString kustomization = folder + QLatin1String("/kustomization.yaml");
        RepositoryFiles existing;
        existing.insert(handPath, fresh.file(defaultPath)->text.toUtf8());
        existing.insert(folder + QLatin1String("/extra.yaml"),
                        QByteArrayLiteral("apiVersion: v1\nkind: ConfigMap\nmetadata:\n"
                                          "  name: extra\n  namespace: llm\n"));
        existing.insert(kustomization, QByteArrayLiteral("resources:\n  - extra.yaml\n"));

        PlanCache cache;
        PlanOptions options;
        options.cache = &cache;
        const auto check = [&](const QString &expectedPath, bool listsExtra) {
            const Plan cached = planRepository(inventory, options, existing);
            QCOMPARE(dump(cached), dump(planRepository(inventory, {}, existing)));
            QCOMPARE(cached.pathOf(llama), expectedPath);
            QCOMPARE(cached.file(kustomization)->text.contains(QLatin1String("extra.yaml")),
                     listsExtra);
        };
        check(handPath, true); // cold
        QCOMPARE(cache.existingSize(), int(existing.size()));
        check(handPath, true); // warm

        // The hand-written file now holds another object: llama goes back to its default place.
        existing.insert(handPath, QByteArrayLiteral("apiVersion: v1\nkind: ConfigMap\nmetadata:\n"
                                                    "  name: other\n  namespace: llm\n"));
        check(defaultPath, true);
        // The kustomization no longer lists extra.yaml: neither does the plan's.
        existing.insert(kustomization, QByteArrayLiteral("resources: []\n"));
        check(defaultPath, false);
        QCOMPARE(cache.existingSize(), int(existing.size()));
    }

    void sharedBetweenThreads()
    {
        Inventory inventory;
        inventory.addObjects(demoClusterObjects());
        const QString expected = dump(planRepository(inventory));
        PlanCache cache;
        std::atomic<int> same{0};
        QList<QThread *> threads;
        for (int t = 0; t < 4; ++t) {
            threads.append(QThread::create([&inventory, &cache, &expected, &same] {
                PlanOptions options;
                options.cache = &cache;
                for (int n = 0; n < 3; ++n)
                    same += dump(planRepository(inventory, options)) == expected ? 1 : 0;
            }));
        }
        for (QThread *thread : threads)
            thread->start();
        for (QThread *thread : threads) {
            QVERIFY(thread->wait(60000));
            delete thread;
        }
        QCOMPARE(same.load(), 12);
        QVERIFY(cache.hits() > 0);
    }
};

QTEST_GUILESS_MAIN(TestPlanCache)
#include "tst_plancache.moc"
