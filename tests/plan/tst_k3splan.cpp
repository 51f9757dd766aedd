// The plan of a stock K3s homelab (tests/data/k3s, modelled on what K3s, Kubernetes and the
// controllers really create): exactly the owner's objects become manifests, every other object is
// left out with its reason, the cluster tree's "Manual" means the same, K3s's charts are never
// converted, and a second plan after writing finds nothing to change.
#include "clirunner.h"
#include "kustomizeprobe.h"

#include "kube/inventory.h"
#include "kube/snapshot.h"
#include "plan/planner.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QString fixture(const char *name)
{
    return s(FLUXDESK_TEST_DATA "/k3s/") + QString::fromUtf8(name);
}

// "group/Kind namespace/name" as the fixture's README lists the owner's objects.
QString line(const ObjectKey &key)
{
    return (key.group.isEmpty() ? s("core") : key.group) + QLatin1Char('/') + key.kind +
           QLatin1Char(' ') + (key.ns.isEmpty() ? s("-") : key.ns) + QLatin1Char('/') + key.name;
}

QSet<QString> expectedOwnerObjects(bool traefik)
{
    QFile file(fixture("expected-owner-objects.txt"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QSet<QString> out;
    for (const QByteArray &raw : file.readAll().split('\n')) {
        const QString l = QString::fromUtf8(raw.trimmed());
        if (l.isEmpty())
            continue;
        // The no-traefik variant lacks what customises or uses K3s's Traefik.
        if (!traefik && (l.startsWith(s("helm.cattle.io/")) || l.startsWith(s("traefik.io/"))))
            continue;
        out.insert(l);
    }
    return out;
}

struct Loaded
{
    Inventory inventory;
    bool ok = false;
};

void load(Loaded &out, const QString &path)
{
    const Result<QList<QJsonObject>> objects = loadSnapshot(path);
    if (!objects) {
        qWarning("%s", qPrintable(objects.error().message));
        return;
    }
    out.inventory.setTypes(typesOfObjects(*objects));
    out.inventory.addObjects(*objects);
    out.ok = true;
}

QStringList sorted(const QSet<QString> &set)
{
    QStringList list(set.cbegin(), set.cend());
    list.sort();
    return list;
}

} // namespace

class TestK3sPlan : public QObject
{
    Q_OBJECT

private slots:
    void plansExactlyTheOwnersObjects_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("traefik");
        QTest::addRow("with traefik") << fixture("k3s-homelab.yaml") << true;
        QTest::addRow("--disable traefik") << fixture("k3s-homelab-no-traefik.yaml") << false;
    }

    void plansExactlyTheOwnersObjects()
    {
        QFETCH(QString, file);
        QFETCH(bool, traefik);
        Loaded loaded;
        load(loaded, file);
        QVERIFY(loaded.ok);
        const QSet<QString> expected = expectedOwnerObjects(traefik);
        QVERIFY(expected.size() >= 15);

        // The cluster tree's "Manual" badge: exactly the owner's objects.
        QSet<QString> manual;
        for (const InventoryEntry *e : loaded.inventory.entries()) {
            if (e->classification.ownership == Ownership::UserManaged)
                manual.insert(line(e->key));
        }
        QCOMPARE(sorted(manual), sorted(expected));

        PlanOptions options;
        // The owner's Secret is theirs, and written only when included.
        options.includedSecrets.insert(
            ObjectKey{{}, s("Secret"), s("log-analyzer"), s("log-analyzer-credentials")});
        const Plan plan = planRepository(loaded.inventory, options);

        QSet<QString> manifests;
        QStringList helmReleases;
        for (const PlannedFile &f : plan.files) {
            if (f.kind == PlannedFileKind::Manifest || f.kind == PlannedFileKind::Namespace) {
                for (const ObjectKey &key : f.objects)
                    manifests.insert(line(key));
            }
            if (f.kind == PlannedFileKind::HelmRelease)
                helmReleases.append(f.path);
        }
        QCOMPARE(sorted(manifests), sorted(expected));
        // The owner's releases only: K3s's traefik and traefik-crd are K3s's to keep.
        QCOMPARE(helmReleases, (QStringList{s("infrastructure/controllers/eg/helmrelease.yaml"),
                                            s("infrastructure/logging/grafana-helmrelease.yaml"),
                                            s("infrastructure/logging/loki-helmrelease.yaml")}));
        for (const PlannedFile &f : plan.files)
            QVERIFY2(!f.text.contains(s("traefik-crd")), qPrintable(f.path));

        // Every left-out object says why, in a sentence.
        // Every object of the cluster is either a manifest or left out, once (those a HelmRelease
        // carries are left out as manifests too; the plan's own values Secrets are no live
        // objects).
        QSet<QString> accounted = manifests;
        for (const ExcludedObject &e : plan.excluded) {
            if (!loaded.inventory.find(e.key))
                continue;
            QVERIFY2(!accounted.contains(line(e.key)), qPrintable(line(e.key)));
            accounted.insert(line(e.key));
        }
        QCOMPARE(accounted.size(), qsizetype(loaded.inventory.size()));
        for (const ExcludedObject &e : plan.excluded) {
            QVERIFY2(!e.reason.isEmpty() && e.reason.endsWith(QLatin1Char('.')),
                     qPrintable(e.key.toString() + s(": ") + e.reason));
        }
        const auto reasonOf = [&plan](const ObjectKey &key) {
            for (const ExcludedObject &e : plan.excluded) {
                if (e.key == key)
                    return e.reason;
            }
            return QString();
        };
        QVERIFY(reasonOf(ObjectKey{s("metrics.k8s.io"), s("NodeMetrics"), {}, s("node1")})
                    .contains(s("read-only")));
        QVERIFY(reasonOf(ObjectKey{s("storage.k8s.io"), s("CSINode"), {}, s("node1")})
                    .contains(s("kubelet")));
        QVERIFY(
            reasonOf(ObjectKey{s("rbac.authorization.k8s.io"), s("ClusterRole"), {}, s("admin")})
                .contains(s("Default RBAC")));
        QVERIFY(reasonOf(ObjectKey{s("apiextensions.k8s.io"),
                                   s("CustomResourceDefinition"),
                                   {},
                                   s("gitrepositories.source.toolkit.fluxcd.io")})
                    .contains(s("bootstrapping Flux")));
        QVERIFY(reasonOf(ObjectKey{s("apiextensions.k8s.io"),
                                   s("CustomResourceDefinition"),
                                   {},
                                   s("envoyproxies.gateway.envoyproxy.io")})
                    .contains(s("envoy-gateway-system/eg")));
        QVERIFY(reasonOf(ObjectKey{s("discovery.k8s.io"), s("EndpointSlice"), s("default"),
                                   s("kubernetes")})
                    .contains(s("API server")));
        const QString proxy =
            reasonOf(ObjectKey{s("apps"), s("Deployment"), s("envoy-gateway-system"),
                               s("envoy-default-homelab-66fbaab8")});
        QVERIFY2(proxy.contains(s("envoy-gateway")), qPrintable(proxy));
        const QString certgen =
            reasonOf(ObjectKey{{}, s("Secret"), s("envoy-gateway-system"), s("envoy")});
        QVERIFY2(certgen.contains(s("never a person's tool")), qPrintable(certgen));

        // Envoy Gateway's chart CRDs ride with its HelmRelease.
        const PlannedFile *eg = plan.file(s("infrastructure/controllers/eg/helmrelease.yaml"));
        QVERIFY(eg);
        QVERIFY2(eg->text.contains(s("crds: CreateReplace")), qPrintable(eg->text));
        QVERIFY(eg->objects.contains(ObjectKey{s("apiextensions.k8s.io"),
                                               s("CustomResourceDefinition"),
                                               {},
                                               s("envoyproxies.gateway.envoyproxy.io")}));
        // The owner's CRD is applied with the infrastructure, before the objects that use it.
        QVERIFY(plan.file(s("infrastructure/crds/backups-homelab-example-com-"
                            "customresourcedefinition.yaml")) ||
                plan.pathOf(ObjectKey{s("apiextensions.k8s.io"),
                                      s("CustomResourceDefinition"),
                                      {},
                                      s("backups.homelab.example.com")})
                    .startsWith(s("infrastructure/crds/")));
        if (traefik)
            QVERIFY(plan.pathOf(ObjectKey{s("helm.cattle.io"), s("HelmChartConfig"),
                                          s("kube-system"), s("traefik")})
                        .startsWith(s("infrastructure/k3s/")));
        // No namespace.yaml for a namespace Kubernetes owns.
        for (const PlannedFile &f : plan.files)
            QVERIFY2(!f.path.contains(s("kube-system/namespace")), qPrintable(f.path));

        // The releases list marks K3s's charts as K3s's.
        for (const HelmRelease &r : loaded.inventory.helmReleases()) {
            const bool k3s = r.ns == s("kube-system");
            QCOMPARE(!r.installedByK3s.isEmpty(), k3s);
        }
    }

    // Written, planned again: nothing to change; kustomize builds what was written.
    void writeThenPlanAgainIsClean()
    {
        QTemporaryDir home, repo;
        QVERIFY(home.isValid() && repo.isValid());
        const QProcessEnvironment env = isolatedEnvironment(home.path());
        const QStringList plan{s("--snapshot"), fixture("k3s-homelab.yaml"), s("plan"), s("--repo"),
                               repo.path()};
        const CliRun write = runCli(plan + QStringList{s("--write")}, env);
        QVERIFY(write.finished);
        QVERIFY2(write.exitCode == 0, qPrintable(write.errText() + write.outText()));
        const CliRun again = runCli(plan, env);
        QVERIFY2(again.exitCode == 0, qPrintable(again.outText()));
        const QRegularExpression summary(s("0 planned, ([0-9]+) up to date, 0 differ, 0 on disk"));
        const QRegularExpressionMatch m = summary.match(again.outText());
        QVERIFY2(m.hasMatch(), qPrintable(again.outText()));
        QVERIFY(m.captured(1).toInt() > 20);

        if (!kubectlKustomizeReadsFolders())
            QSKIP("kubectl's kustomize cannot build folders here");
        for (const char *root : {"infrastructure", "workloads"}) {
            QProcess kubectl;
            kubectl.start(s("kubectl"), {s("kustomize"), repo.filePath(s(root))});
            QVERIFY(kubectl.waitForFinished(120000));
            QVERIFY2(kubectl.exitCode() == 0, kubectl.readAllStandardError().constData());
            // Nothing K3s, Kubernetes or a controller owns slipped in.
            const QByteArray built = kubectl.readAllStandardOutput();
            for (const char *foreign :
                 {"kind: PodMetrics", "kind: NodeMetrics", "kind: CSINode", "name: cluster-admin",
                  "objectset.rio.cattle.io", "app.kubernetes.io/part-of: flux",
                  "managed-by: envoy-gateway", "kube-root-ca.crt"})
                QVERIFY2(!built.contains(foreign), foreign);
        }
    }
};

QTEST_GUILESS_MAIN(TestK3sPlan)
#include "tst_k3splan.moc"
