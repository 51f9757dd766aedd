// The planned repository as a tree (issue 4, "the two trees"): the demo cluster planned against a
// scratch checkout with one hand-edited and one foreign file, dumped as text; roles, counts,
// lookups, and the drag-and-drop contract with the session (the model only asks for moves). And
// (issue 19) the live state of the Flux objects the files hold, each change touching its row only.
#include "core/resources.h"
#include "flux/fluxobjectstatus.h"
#include "items/plantreemodel.h"
#include "kube/inventory.h"
#include "kube/snapshot.h"
#include "plan/planner.h"
#include "testfiles.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QMimeData>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Fluxdesk;
using Fluxdesk::TestFiles::writeFile;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

ObjectKey key(const char *group, const char *kind, const char *ns, const char *name)
{
    return ObjectKey{s(group), s(kind), s(ns), s(name)};
}

QJsonObject secret(const char *ns, const char *name)
{
    return QJsonObject{{s("apiVersion"), s("v1")},
                       {s("kind"), s("Secret")},
                       {s("metadata"), QJsonObject{{s("name"), s(name)}, {s("namespace"), s(ns)}}},
                       {s("type"), s("Opaque")},
                       {s("data"), QJsonObject{{s("token"), s("c2VjcmV0")}}}};
}

const QString Commit = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
const QString Infrastructure = QStringLiteral("clusters/homelab/infrastructure.yaml");
const QString Workloads = QStringLiteral("clusters/homelab/workloads.yaml");
const QString Loki = QStringLiteral("infrastructure/logging/loki-helmrelease.yaml");

QJsonObject condition(const char *type, const char *status, const char *reason,
                      const QString &message)
{
    return QJsonObject{{s("type"), s(type)},
                       {s("status"), s(status)},
                       {s("reason"), s(reason)},
                       {s("message"), message},
                       {s("lastTransitionTime"), s("2026-12-01T10:00:00Z")}};
}

// A Flux object as the watch reports it: status.conditions, the applied revision, suspend.
QJsonObject fluxObject(const char *apiVersion, const char *kind, const char *ns, const char *name,
                       const QJsonArray &conditions, bool suspended = false)
{
    QJsonObject spec{{s("interval"), s("10m")}};
    if (suspended)
        spec.insert(s("suspend"), true);
    QJsonObject status{{s("conditions"), conditions}, {s("observedGeneration"), 1}};
    if (s(kind) == s("HelmRelease"))
        status.insert(s("history"), QJsonArray{QJsonObject{{s("chartName"), s("loki")},
                                                           {s("chartVersion"), s("6.29.0")},
                                                           {s("version"), 3},
                                                           {s("status"), s("deployed")}}});
    else
        status.insert(s("lastAppliedRevision"), QString(s("main@sha1:") + Commit));
    return QJsonObject{
        {s("apiVersion"), s(apiVersion)},
        {s("kind"), s(kind)},
        {s("metadata"),
         QJsonObject{{s("name"), s(name)}, {s("namespace"), s(ns)}, {s("generation"), 1}}},
        {s("spec"), spec},
        {s("status"), status}};
}

QJsonObject kustomization(const char *name, const QJsonArray &conditions, bool suspended = false)
{
    return fluxObject("kustomize.toolkit.fluxcd.io/v1", "Kustomization", "flux-system", name,
                      conditions, suspended);
}

QJsonArray ready()
{
    return {condition("Ready", "True", "ReconciliationSucceeded",
                      s("Applied revision: main@sha1:") + Commit)};
}

FluxObjectStatus statusOf(const QJsonObject &object)
{
    return FluxObjectStatus::of(object);
}

QString fluxText(const PlanTreeModel &model, const QString &path)
{
    const QModelIndex index = model.indexForPath(path);
    return index.sibling(index.row(), PlanTreeModel::FluxColumn).data().toString();
}

// Every row as "name [status]", two spaces per level. Excluded groups show their size only:
// the demo cluster's internals are many and not what this test is about.
void dumpRows(const QAbstractItemModel &model, const QModelIndex &parent, int depth, QString *out)
{
    for (int r = 0; r < model.rowCount(parent); ++r) {
        const QModelIndex name = model.index(r, PlanTreeModel::NameColumn, parent);
        const QString status =
            model.index(r, PlanTreeModel::StatusColumn, parent).data().toString();
        *out += QString(depth * 2, QLatin1Char(' ')) + name.data().toString();
        if (!status.isEmpty())
            *out += QStringLiteral(" [") + status + QLatin1Char(']');
        *out += QLatin1Char('\n');
        const bool excludedGroup =
            name.data(PlanTreeModel::NodeTypeRole).toInt() == PlanTreeModel::ExcludedGroup &&
            name.parent().isValid();
        if (!excludedGroup ||
            name.data(PlanTreeModel::OwnershipRole).toInt() == int(Ownership::UserManaged))
            dumpRows(model, name, depth + 1, out);
    }
}

QString dump(const QAbstractItemModel &model)
{
    QString out;
    dumpRows(model, {}, 0, &out);
    return out;
}

// The demo cluster plus two user Secrets (one included as plain text), planned against a
// checkout where the llama-cpp Service is up to date, its Deployment was edited by hand and a
// ConfigMap file the plan does not produce lies beside them.
struct Fixture
{
    QTemporaryDir dir;
    Inventory inventory;
    PlanOptions options;
    RepositoryFiles onDisk;
    Plan plan;
    QList<FileState> states;

    Fixture()
    {
        QList<QJsonObject> objects = demoClusterObjects();
        objects.append(secret("llm", "llm-token"));
        objects.append(secret("log-analyzer", "db-password"));
        inventory.addObjects(objects);
        options.includedSecrets.insert(key("", "Secret", "log-analyzer", "db-password"));
        const Plan first = planRepository(inventory, options);
        const QString service = s("workloads/llm/llama-cpp-service.yaml");
        const QString deployment = s("workloads/llm/llama-cpp-deployment.yaml");
        writeFile(dir.filePath(service), first.file(service)->text.toUtf8());
        writeFile(dir.filePath(deployment),
                  first.file(deployment)->text.toUtf8() + QByteArray("# scaled by hand\n"));
        writeFile(dir.filePath(s("workloads/llm/legacy-settings.yaml")),
                  QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: legacy-settings\n"
                             "  namespace: llm\ndata:\n  mode: old\n"));
        onDisk = readRepositoryFiles(dir.path());
        plan = planRepository(inventory, options, onDisk);
        states = compareWithRepository(plan, onDisk);
    }
};

// Read like the screen: the one on-disk-only file sits among the planned ones of its folder.
const char *const expectedTree = R"(clusters [2 new]
  homelab [2 new]
    flux-system [left to flux bootstrap]
    infrastructure.yaml [planned]
    workloads.yaml [planned]
infrastructure [22 new]
  controllers [4 new]
    eg [3 new]
      helmrelease.yaml [planned]
      kustomization.yaml [planned]
      namespace.yaml [planned]
    kustomization.yaml [planned]
  k3s [2 new]
    kustomization.yaml [planned]
    traefik-helm-chart-config.yaml [planned]
  logging [7 new]
    alloy-helmrelease.yaml [planned]
    grafana-helmrelease.yaml [planned]
    kustomization.yaml [planned]
    loki-helmrelease.yaml [planned]
    namespace.yaml [planned]
    tempo-helmrelease.yaml [planned]
    tempo-pvc-persistent-volume-claim.yaml [planned]
  sources [4 new]
    gateway-helm-ocirepository.yaml [planned]
    grafana-community-helmrepository.yaml [planned]
    grafana-helmrepository.yaml [planned]
    kustomization.yaml [planned]
  storage [4 new]
    kustomization.yaml [planned]
    llama-models-pv-persistent-volume.yaml [planned]
    loki-pv-persistent-volume.yaml [planned]
    tempo-pv-persistent-volume.yaml [planned]
  kustomization.yaml [planned]
workloads [1 differing, 10 new, 1 on disk only]
  llm [1 differing, 3 new, 1 on disk only]
    kustomization.yaml [planned]
    legacy-settings.yaml [on disk only]
    llama-cpp-deployment.yaml [differs]
    llama-cpp-service.yaml [up to date]
    llama-models-pvc-persistent-volume-claim.yaml [planned]
    namespace.yaml [planned]
  log-analyzer [6 new]
    db-password-secret.yaml [planned · plain text]
    kustomization.yaml [planned]
    log-analyzer-config-config-map.yaml [planned]
    log-analyzer-deployment.yaml [planned]
    log-analyzer-service.yaml [planned]
    namespace.yaml [planned]
  kustomization.yaml [planned]
Excluded (124)
  User objects left out (2)
    Secret llm/llm-token [excluded]
    Secret logging/grafana-values [excluded]
  Created by Helm releases (18)
  Helm release records (6)
  Already managed by Flux (4)
  Owned by a controller (17)
  Generated automatically (17)
  Kubernetes and K3s internals (54)
  Read-only API readings (6)
)";

} // namespace

class TestPlanTreeModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Fixture> m_fixture;

    void load(PlanTreeModel &model) { model.setPlan(m_fixture->plan, m_fixture->states); }

private slots:
    void initTestCase()
    {
        initResources();
        qRegisterMetaType<QList<ObjectKey>>();
        m_fixture = std::make_unique<Fixture>();
        QVERIFY(m_fixture->dir.isValid());
        QCOMPARE(m_fixture->onDisk.size(), 3);
    }

    void tree()
    {
        PlanTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        load(model);
        const QString actual = dump(model);
        if (actual != QString::fromUtf8(expectedTree))
            qWarning().noquote() << actual;
        QCOMPARE(actual, QString::fromUtf8(expectedTree));
    }

    void roles()
    {
        PlanTreeModel model;
        load(model);
        const QModelIndex dep = model.indexForPath(s("workloads/llm/llama-cpp-deployment.yaml"));
        QVERIFY(dep.isValid());
        QCOMPARE(dep.data().toString(), s("llama-cpp-deployment.yaml"));
        QCOMPARE(dep.data(PlanTreeModel::NodeTypeRole).toInt(), int(PlanTreeModel::File));
        QCOMPARE(dep.data(PlanTreeModel::FileStatusRole).toInt(), int(FileStatus::Differs));
        QCOMPARE(dep.data(PlanTreeModel::FileKindRole).toString(), s("manifest"));
        QCOMPARE(dep.data(PlanTreeModel::ObjectKeysRole).toStringList(),
                 QStringList{s("apps/Deployment llm/llama-cpp")});
        QCOMPARE(dep.data(PlanTreeModel::OwnObjectRole).toString(),
                 s("apps/Deployment llm/llama-cpp"));
        QCOMPARE(dep.data(PlanTreeModel::PlainTextSecretRole).toBool(), false);
        QCOMPARE(dep.sibling(dep.row(), PlanTreeModel::StatusColumn).data().toString(),
                 s("differs"));
        QVERIFY(dep.data(Qt::ToolTipRole).toString().contains(s("differs from the plan")));
        QVERIFY(dep.flags() & Qt::ItemIsDragEnabled);
        QVERIFY(dep.flags() & Qt::ItemIsDropEnabled); // a drop on it lands in its folder

        const QModelIndex folder = dep.parent();
        QCOMPARE(folder, model.indexForPath(s("workloads/llm")));
        QCOMPARE(folder.data(PlanTreeModel::PathRole).toString(), s("workloads/llm"));
        QCOMPARE(folder.data(PlanTreeModel::NodeTypeRole).toInt(), int(PlanTreeModel::Folder));
        QCOMPARE(folder.data(PlanTreeModel::FileStatusRole).toInt(), -1);
        QCOMPARE(folder.data(PlanTreeModel::DifferingRole).toInt(), 1);
        QCOMPARE(folder.data(PlanTreeModel::OnDiskOnlyRole).toInt(), 1);
        QVERIFY(!(folder.flags() & Qt::ItemIsDragEnabled));

        const QModelIndex upToDate = model.indexForPath(s("workloads/llm/llama-cpp-service.yaml"));
        QCOMPARE(upToDate.data(PlanTreeModel::FileStatusRole).toInt(), int(FileStatus::UpToDate));

        const QModelIndex foreign = model.indexForPath(s("workloads/llm/legacy-settings.yaml"));
        QCOMPARE(foreign.data(PlanTreeModel::FileStatusRole).toInt(), int(FileStatus::OnDiskOnly));
        QCOMPARE(foreign.data(PlanTreeModel::FileKindRole).toString(), QString());
        QCOMPARE(foreign.data(PlanTreeModel::ObjectKeysRole).toStringList(), QStringList());
        QVERIFY(!(foreign.flags() & Qt::ItemIsDragEnabled));

        const QModelIndex kust = model.indexForPath(s("workloads/llm/kustomization.yaml"));
        QCOMPARE(kust.data(PlanTreeModel::FileKindRole).toString(), s("kustomization"));
        QVERIFY(!(kust.flags() & Qt::ItemIsDragEnabled));

        const QModelIndex bootstrap = model.indexForPath(s("clusters/homelab/flux-system/"));
        QCOMPARE(bootstrap.data(PlanTreeModel::NodeTypeRole).toInt(),
                 int(PlanTreeModel::Bootstrap));
        QCOMPARE(bootstrap.data(PlanTreeModel::PathRole).toString(),
                 s("clusters/homelab/flux-system"));
        QVERIFY(!(bootstrap.flags() & Qt::ItemIsDropEnabled));
        QVERIFY(!(model.indexForPath(s("clusters")).flags() & Qt::ItemIsDropEnabled));

        const QModelIndex secretFile =
            model.indexForPath(s("workloads/log-analyzer/db-password-secret.yaml"));
        QVERIFY(secretFile.isValid());
        QCOMPARE(secretFile.data(PlanTreeModel::PlainTextSecretRole).toBool(), true);
        QVERIFY(secretFile.data(Qt::ToolTipRole).toString().contains(s("unencrypted")));
        QCOMPARE(secretFile.sibling(secretFile.row(), 1).data().toString(),
                 s("planned · plain text"));

        const QModelIndex excludedTop = model.index(model.rowCount() - 1, 0);
        QCOMPARE(excludedTop.data(PlanTreeModel::NodeTypeRole).toInt(),
                 int(PlanTreeModel::ExcludedGroup));
        QCOMPARE(excludedTop.data().toString(),
                 s("Excluded (%1)").arg(m_fixture->plan.excluded.size()));
        const QModelIndex token = model.indexForObject(key("", "Secret", "llm", "llm-token"));
        QCOMPARE(token.data(PlanTreeModel::NodeTypeRole).toInt(),
                 int(PlanTreeModel::ExcludedObject));
        QCOMPARE(token.parent().parent(), excludedTop);
        QCOMPARE(token.data().toString(), s("Secret llm/llm-token"));
        QCOMPARE(token.sibling(token.row(), 1).data().toString(), s("excluded"));
        QVERIFY(!token.data(PlanTreeModel::ReasonRole).toString().isEmpty());
        QCOMPARE(token.data(Qt::ToolTipRole), token.data(PlanTreeModel::ReasonRole));
        QCOMPARE(token.data(PlanTreeModel::OwnershipRole).toInt(), int(Ownership::UserManaged));
        QVERIFY(token.flags() & Qt::ItemIsDragEnabled);
        const QModelIndex internal =
            model.indexForObject(key("", "ConfigMap", "llm", "kube-root-ca.crt"));
        QCOMPARE(internal.data(PlanTreeModel::NodeTypeRole).toInt(),
                 int(PlanTreeModel::ExcludedObject));
        QVERIFY(!(internal.flags() & Qt::ItemIsDragEnabled));
    }

    void excludedReleaseCanComeBack()
    {
        // A Helm release the user left out: its objects are offered for inclusion (which brings
        // the release back), internals are not.
        PlanOptions options = m_fixture->options;
        options.excludedObjects.insert(
            key("helm.toolkit.fluxcd.io", "HelmRelease", "logging", "tempo"));
        const Plan plan = planRepository(m_fixture->inventory, options, m_fixture->onDisk);
        const QList<FileState> states = compareWithRepository(plan, m_fixture->onDisk);
        PlanTreeModel model;
        model.setPlan(plan, states);
        QVERIFY(!model.indexForPath(s("infrastructure/logging/tempo-helmrelease.yaml")).isValid());
        const QModelIndex tempo =
            model.indexForObject(key("apps", "StatefulSet", "logging", "tempo"));
        QCOMPARE(tempo.data(PlanTreeModel::NodeTypeRole).toInt(),
                 int(PlanTreeModel::ExcludedObject));
        QCOMPARE(tempo.data(PlanTreeModel::IncludableRole).toBool(), true);
        QVERIFY(!(tempo.flags() & Qt::ItemIsDragEnabled)); // included, not moved
        // Loki's release is planned: its objects are carried by its file, not offered.
        const QModelIndex loki =
            model.indexForObject(key("apps", "StatefulSet", "logging", "loki"));
        QCOMPARE(loki.data(PlanTreeModel::NodeTypeRole).toInt(), int(PlanTreeModel::File));
        const QModelIndex internal =
            model.indexForObject(key("", "ConfigMap", "llm", "kube-root-ca.crt"));
        QCOMPARE(internal.data(PlanTreeModel::IncludableRole).toBool(), false);
    }

    void counts()
    {
        PlanTreeModel model;
        QCOMPARE(model.counts().plannedFiles, 0);
        QVERIFY(model.isEmpty());
        load(model);
        const PlanTreeModel::Counts c = model.counts();
        QSet<ObjectKey> carried;
        for (const PlannedFile &f : m_fixture->plan.files) {
            for (const ObjectKey &k : f.objects)
                carried.insert(k);
        }
        QVERIFY(carried.size() > 20);
        QCOMPARE(c.objectsToMigrate, int(carried.size()));
        QCOMPARE(c.plannedFiles, int(m_fixture->plan.files.size()));
        QCOMPARE(c.plannedFiles, 36); // the demo tree's 35 files and the included Secret
        QCOMPARE(c.excludedObjects, int(m_fixture->plan.excluded.size()));
        QCOMPARE(c.differingFiles, 1);
        QCOMPARE(c.onDiskOnly, 1);
        model.clear();
        QVERIFY(model.isEmpty());
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.counts().excludedObjects, 0);
    }

    void lookups()
    {
        PlanTreeModel model;
        load(model);
        QCOMPARE(model.indexForPath(s("workloads/llm/")), model.indexForPath(s("workloads/llm")));
        QVERIFY(!model.indexForPath(s("workloads/nowhere")).isValid());
        QCOMPARE(model.indexForObject(key("apps", "Deployment", "llm", "llama-cpp"))
                     .data(PlanTreeModel::PathRole)
                     .toString(),
                 s("workloads/llm/llama-cpp-deployment.yaml"));
        QCOMPARE(model.indexForObject(key("", "Namespace", "", "llm"))
                     .data(PlanTreeModel::PathRole)
                     .toString(),
                 s("workloads/llm/namespace.yaml"));
        // A Helm release's HelmRelease key and an object the release created both find its file.
        const QString loki = s("infrastructure/logging/loki-helmrelease.yaml");
        const QModelIndex lokiFile = model.indexForPath(loki);
        QCOMPARE(lokiFile.data(PlanTreeModel::FileKindRole).toString(), s("helmrelease"));
        ObjectKey own;
        QVERIFY(PlanTreeModel::objectKeyFromString(
            lokiFile.data(PlanTreeModel::OwnObjectRole).toString(), &own));
        QCOMPARE(own.group, s("helm.toolkit.fluxcd.io"));
        QCOMPARE(own.kind, s("HelmRelease"));
        QCOMPARE(own.name, s("loki"));
        QCOMPARE(model.indexForObject(own), lokiFile);
        const QList<ObjectKey> carried = model.objectsAt(lokiFile);
        QVERIFY(carried.size() > 1);
        QCOMPARE(model.indexForObject(carried.last()), lokiFile);
        QVERIFY(model.objectsAt(model.indexForPath(s("workloads"))).isEmpty());
        QVERIFY(!model.indexForObject(key("", "ConfigMap", "nowhere", "nothing")).isValid());
        QCOMPARE(model.placeableFolders().first(), s("infrastructure"));
        QVERIFY(model.placeableFolders().contains(s("workloads/log-analyzer")));
        QVERIFY(!model.placeableFolders().contains(s("clusters/homelab")));
    }

    void objectKeyText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addRow("grouped namespaced") << s("apps/Deployment llm/llama-cpp") << true;
        QTest::addRow("core namespaced") << s("ConfigMap llm/settings") << true;
        QTest::addRow("core cluster-scoped") << s("Namespace llm") << true;
        QTest::addRow("grouped cluster-scoped")
            << s("rbac.authorization.k8s.io/ClusterRole view") << true;
        QTest::addRow("no name") << s("Namespace") << false;
        QTest::addRow("empty group") << s("/Deployment llm/x") << false;
        QTest::addRow("empty namespace") << s("Deployment /x") << false;
        QTest::addRow("too many parts") << s("a/b/C ns/x") << false;
        QTest::addRow("too many names") << s("C ns/x/y") << false;
        QTest::addRow("spaces") << s("C ns/x y") << false;
        QTest::addRow("empty") << QString() << false;
    }

    void objectKeyText()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        ObjectKey parsed;
        QCOMPARE(PlanTreeModel::objectKeyFromString(text, &parsed), valid);
        if (valid)
            QCOMPARE(parsed.toString(), text);
    }

    void mimeRoundTrip()
    {
        PlanTreeModel model;
        load(model);
        const QModelIndex dep = model.indexForPath(s("workloads/llm/llama-cpp-deployment.yaml"));
        const QModelIndex token = model.indexForObject(key("", "Secret", "llm", "llm-token"));
        const QModelIndex loki =
            model.indexForPath(s("infrastructure/logging/loki-helmrelease.yaml"));
        QCOMPARE(model.mimeTypes(), QStringList{s("application/x-fluxdesk-objects")});
        std::unique_ptr<QMimeData> mime(model.mimeData(
            {dep, dep.sibling(dep.row(), 1), token, loki, model.indexForPath(s("workloads"))}));
        QVERIFY(mime);
        QCOMPARE(QString::fromUtf8(mime->data(PlanTreeModel::mimeType())),
                 s("apps/Deployment llm/llama-cpp\nSecret llm/llm-token\n"
                   "helm.toolkit.fluxcd.io/HelmRelease %1/loki")
                     .arg(ObjectKey(model.movableObjectsAt(loki).value(0)).ns));
        const QList<ObjectKey> keys = PlanTreeModel::objectsFromMime(mime.get());
        QCOMPARE(keys.size(), 3);
        QCOMPARE(keys.at(0), key("apps", "Deployment", "llm", "llama-cpp"));
        QCOMPARE(keys.at(1), key("", "Secret", "llm", "llm-token"));
        QCOMPARE(keys.at(2), model.movableObjectsAt(loki).value(0));
        // Folders and kustomizations carry nothing to drag.
        QVERIFY(!model.mimeData({model.indexForPath(s("workloads/llm/kustomization.yaml"))}));
        QVERIFY(PlanTreeModel::objectsFromMime(nullptr).isEmpty());
        QMimeData other;
        other.setText(s("apps/Deployment llm/llama-cpp"));
        QVERIFY(PlanTreeModel::objectsFromMime(&other).isEmpty());
    }

    void drop_data()
    {
        QTest::addColumn<QString>("target"); // path of the row dropped on
        QTest::addColumn<int>("row");        // -1: on the row; else between its children
        QTest::addColumn<QString>("folder"); // "" when refused
        QTest::addRow("folder") << s("workloads/log-analyzer") << -1 << s("workloads/log-analyzer");
        QTest::addRow("between rows")
            << s("workloads/log-analyzer") << 0 << s("workloads/log-analyzer");
        QTest::addRow("file = its folder") << s("infrastructure/logging/loki-helmrelease.yaml")
                                           << -1 << s("infrastructure/logging");
        QTest::addRow("root") << s("infrastructure") << -1 << s("infrastructure");
        QTest::addRow("new stack")
            << s("infrastructure/storage") << -1 << s("infrastructure/storage");
        QTest::addRow("clusters") << s("clusters") << -1 << QString();
        QTest::addRow("cluster folder") << s("clusters/homelab") << -1 << QString();
        QTest::addRow("entry point") << s("clusters/homelab/workloads.yaml") << -1 << QString();
        QTest::addRow("bootstrap") << s("clusters/homelab/flux-system") << -1 << QString();
        QTest::addRow("top level") << QString() << 0 << QString();
        QTest::addRow("where it is") << s("workloads/llm") << -1 << QString();
    }

    void drop()
    {
        QFETCH(QString, target);
        QFETCH(int, row);
        QFETCH(QString, folder);
        PlanTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        load(model);
        QSignalSpy moves(&model, &PlanTreeModel::moveRequested);
        QSignalSpy excludes(&model, &PlanTreeModel::excludeRequested);
        const QModelIndex parent = target.isEmpty() ? QModelIndex() : model.indexForPath(target);
        QCOMPARE(parent.isValid(), !target.isEmpty());
        const QList<ObjectKey> dragged{key("apps", "Deployment", "llm", "llama-cpp"),
                                       key("", "Secret", "llm", "llm-token")};
        std::unique_ptr<QMimeData> mime(PlanTreeModel::mimeDataFor(dragged));
        QCOMPARE(model.canDropMimeData(mime.get(), Qt::MoveAction, row, 0, parent),
                 !folder.isEmpty() || target == s("workloads/llm"));
        QCOMPARE(model.dropMimeData(mime.get(), Qt::MoveAction, row, 0, parent),
                 !folder.isEmpty() || target == s("workloads/llm"));
        QCOMPARE(excludes.count(), 0);
        if (target == s("workloads/llm")) {
            // The Deployment already lies there: only the excluded Secret moves (is included).
            QCOMPARE(moves.count(), 1);
            QCOMPARE(moves.first().at(0).value<QList<ObjectKey>>(),
                     QList<ObjectKey>{key("", "Secret", "llm", "llm-token")});
            QCOMPARE(moves.first().at(1).toString(), s("workloads/llm"));
            return;
        }
        QCOMPARE(moves.count(), folder.isEmpty() ? 0 : 1);
        if (!folder.isEmpty()) {
            QCOMPARE(moves.first().at(0).value<QList<ObjectKey>>(), dragged);
            QCOMPARE(moves.first().at(1).toString(), folder);
        }
        // The model never changes the plan itself.
        QCOMPARE(model.counts().plannedFiles, int(m_fixture->plan.files.size()));
    }

    void dropOnExcludedAsksToExclude()
    {
        PlanTreeModel model;
        load(model);
        QSignalSpy excludes(&model, &PlanTreeModel::excludeRequested);
        const QModelIndex excludedTop = model.index(model.rowCount() - 1, 0);
        std::unique_ptr<QMimeData> mime(
            PlanTreeModel::mimeDataFor({key("apps", "Deployment", "llm", "llama-cpp"),
                                        key("", "Secret", "llm", "llm-token")}));
        QVERIFY(model.dropMimeData(mime.get(), Qt::MoveAction, -1, 0, excludedTop));
        QCOMPARE(excludes.count(), 1);
        QCOMPARE(excludes.first().at(0).value<QList<ObjectKey>>(),
                 QList<ObjectKey>{key("apps", "Deployment", "llm", "llama-cpp")});
        // Other formats are refused everywhere.
        QMimeData text;
        text.setText(s("apps/Deployment llm/llama-cpp"));
        QVERIFY(!model.canDropMimeData(&text, Qt::MoveAction, -1, 0,
                                       model.indexForPath(s("workloads/llm"))));
    }

    void replanUnderTester()
    {
        PlanTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        load(model);
        load(model);
        model.clear();
        load(model);
        QVERIFY(model.rowCount() == 4);
    }

    void fluxRefs()
    {
        // The Flux objects a file holds: what the Flux Kustomization, source and HelmRelease files
        // render; none for plain manifests and kustomization.yaml files.
        PlanTreeModel model;
        load(model);
        QCOMPARE(
            model.indexForPath(Infrastructure).data(PlanTreeModel::FluxRefsRole).toStringList(),
            QStringList{s("Kustomization/flux-system/infrastructure")});
        const FluxRef workloads{s("kustomize.toolkit.fluxcd.io"), s("Kustomization"),
                                s("flux-system"), s("workloads")};
        QCOMPARE(model.fluxRefsAt(model.indexForPath(Workloads)), QList<FluxRef>{workloads});
        QCOMPARE(model.indexForPath(Loki).data(PlanTreeModel::FluxRefsRole).toStringList(),
                 QStringList{s("HelmRelease/logging/loki")});
        QCOMPARE(model.indexForPath(s("infrastructure/sources/grafana-helmrepository.yaml"))
                     .data(PlanTreeModel::FluxRefsRole)
                     .toStringList(),
                 QStringList{s("HelmRepository/flux-system/grafana")});
        QVERIFY(model.fluxRefsAt(model.indexForPath(s("workloads/llm/llama-cpp-deployment.yaml")))
                    .isEmpty());
        QVERIFY(
            model.fluxRefsAt(model.indexForPath(s("workloads/llm/kustomization.yaml"))).isEmpty());
        QVERIFY(model.fluxRefsAt(model.indexForPath(s("workloads"))).isEmpty());
        // Without a Flux view nothing is said and the column stays empty.
        QVERIFY(!model.showsFluxStatus());
        QCOMPARE(fluxText(model, Infrastructure), QString());
        QVERIFY(!model.indexForPath(Infrastructure).data(PlanTreeModel::FluxStateRole).isValid());
        QCOMPARE(model.headerData(PlanTreeModel::FluxColumn, Qt::Horizontal).toString(),
                 s("In the cluster"));
    }

    void fluxState_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonObject>("object"); // empty: not in the cluster
        QTest::addColumn<bool>("watching");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("state"); // int(FluxReadiness); -1: none
        QTest::addColumn<bool>("missing");
        QTest::addColumn<QString>("tip"); // a part of the row's tooltip

        QTest::addRow("ready") << Infrastructure << kustomization("infrastructure", ready()) << true
                               << s("Ready · main@sha1:0123456") << int(FluxReadiness::Ready)
                               << false
                               << s("Kustomization flux-system/infrastructure in the cluster: "
                                    "Ready\nRevision: main@sha1:%1")
                                      .arg(Commit);
        QTest::addRow("stalled with message")
            << Workloads
            << kustomization("workloads",
                             {condition("Stalled", "True", "ArtifactFailed",
                                        s("kustomization path not found: ./workloads")),
                              condition("Ready", "False", "ArtifactFailed",
                                        s("kustomization path not found: ./workloads"))})
            << true << s("Stalled") << int(FluxReadiness::Stalled) << false
            << s("in the cluster: Stalled\nRevision: main@sha1:%1\nkustomization path not found: "
                 "./workloads")
                   .arg(Commit);
        QTest::addRow("suspended")
            << Infrastructure << kustomization("infrastructure", ready(), true) << true
            << s("Suspended") << int(FluxReadiness::Suspended) << false
            << s("in the cluster: Suspended");
        QTest::addRow("helmrelease with its chart version")
            << Loki
            << fluxObject(
                   "helm.toolkit.fluxcd.io/v2", "HelmRelease", "logging", "loki",
                   {condition("Ready", "True", "UpgradeSucceeded", s("Helm upgrade succeeded"))})
            << true << s("Ready · 6.29.0") << int(FluxReadiness::Ready) << false
            << s("Helm upgrade succeeded");
        QTest::addRow("missing while watching")
            << Infrastructure << QJsonObject() << true << s("not in the cluster") << -1 << true
            << s("Kustomization flux-system/infrastructure is not in the cluster yet");
        QTest::addRow("missing without a watch")
            << Infrastructure << QJsonObject() << false << QString() << -1 << false << QString();
        QTest::addRow("another object only")
            << Workloads << kustomization("infrastructure", ready()) << false << QString() << -1
            << false << QString();
    }

    void fluxState()
    {
        QFETCH(QString, path);
        QFETCH(QJsonObject, object);
        QFETCH(bool, watching);
        QFETCH(QString, text);
        QFETCH(int, state);
        QFETCH(bool, missing);
        QFETCH(QString, tip);
        PlanTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        load(model);
        QSignalSpy shown(&model, &PlanTreeModel::fluxStatusShownChanged);
        model.setFluxWatching(watching);
        if (!object.isEmpty())
            model.updateFluxStatus({statusOf(object)});
        QCOMPARE(model.showsFluxStatus(), watching || !object.isEmpty());
        QCOMPARE(shown.count(), model.showsFluxStatus() ? 1 : 0);
        const QModelIndex index = model.indexForPath(path);
        QVERIFY(index.isValid());
        QCOMPARE(fluxText(model, path), text);
        QCOMPARE(index.data(PlanTreeModel::FluxStatusTextRole).toString(), text);
        const QVariant readiness = index.data(PlanTreeModel::FluxStateRole);
        QCOMPARE(readiness.isValid() ? readiness.toInt() : -1, state);
        QCOMPARE(index.data(PlanTreeModel::FluxMissingRole).toBool(), missing);
        const QString toolTip =
            index.sibling(index.row(), PlanTreeModel::FluxColumn).data(Qt::ToolTipRole).toString();
        if (tip.isEmpty()) {
            QCOMPARE(toolTip, index.data(Qt::ToolTipRole).toString());
            QVERIFY(!toolTip.contains(s("in the cluster")));
        } else {
            QVERIFY2(toolTip.contains(tip), qPrintable(toolTip));
        }
        // The file's own status is what it was.
        QCOMPARE(index.sibling(index.row(), PlanTreeModel::StatusColumn).data().toString(),
                 s("planned"));
    }

    void fluxUpdateTouchesOnlyItsRow()
    {
        PlanTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        load(model);
        model.setFluxWatching(true);
        model.updateFluxStatus({statusOf(kustomization("infrastructure", ready())),
                                statusOf(kustomization("workloads", ready()))});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);

        // One object changes: its file's row, every column (the tooltip is on each), nothing else.
        model.updateFluxStatus({statusOf(kustomization(
            "workloads", {condition("Ready", "False", "HealthCheckFailed", s("timeout"))}))});
        QCOMPARE(changed.count(), 1);
        const QModelIndex workloads = model.indexForPath(Workloads);
        QCOMPARE(changed.first().at(0).toModelIndex(), workloads);
        QCOMPARE(changed.first().at(1).toModelIndex(),
                 workloads.sibling(workloads.row(), PlanTreeModel::FluxColumn));
        QCOMPARE(fluxText(model, Workloads), s("Failed"));
        QCOMPARE(fluxText(model, Infrastructure), s("Ready · main@sha1:0123456"));

        // The same status again, and 200 objects no planned file holds: no row changes.
        changed.clear();
        QList<FluxObjectStatus> others;
        for (int i = 0; i < 200; ++i)
            others.append(statusOf(kustomization(
                qPrintable(QStringLiteral("app-%1").arg(i, 3, 10, QLatin1Char('0'))), ready())));
        model.updateFluxStatus(others);
        model.updateFluxStatus({statusOf(kustomization("infrastructure", ready()))});
        QCOMPARE(changed.count(), 0);

        // Removed from the cluster: the row says so.
        model.updateFluxStatus({}, {FluxRef{s("kustomize.toolkit.fluxcd.io"), s("Kustomization"),
                                            s("flux-system"), s("infrastructure")}});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex(), model.indexForPath(Infrastructure));
        QCOMPARE(fluxText(model, Infrastructure), s("not in the cluster"));

        // The watch stops: only the rows of missing objects read differently (all but
        // workloads.yaml of the demo plan's ten Flux files), none of them reset.
        changed.clear();
        model.setFluxWatching(false);
        QCOMPARE(changed.count(), 9);
        for (const QList<QVariant> &args : std::as_const(changed)) {
            const QModelIndex first = args.at(0).toModelIndex();
            QCOMPARE(first.column(), int(PlanTreeModel::NameColumn));
            QCOMPARE(args.at(1).toModelIndex().row(), first.row());
            QVERIFY(first != workloads);
            QVERIFY(!model.fluxRefsAt(first).isEmpty());
        }
        QCOMPARE(fluxText(model, Infrastructure), QString());
        QCOMPARE(fluxText(model, Workloads), s("Failed"));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(layout.count(), 0);
    }

    void fluxStateSurvivesReplan()
    {
        PlanTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFluxWatching(true);
        // Reported before any plan: shown once the files appear.
        model.updateFluxStatus({statusOf(kustomization("infrastructure", ready(), true))});
        load(model);
        QCOMPARE(fluxText(model, Infrastructure), s("Suspended"));
        QCOMPARE(fluxText(model, Workloads), s("not in the cluster"));
        load(model);
        QCOMPARE(fluxText(model, Infrastructure), s("Suspended"));
        QCOMPARE(fluxText(model, Workloads), s("not in the cluster"));
        model.clear();
        load(model);
        QCOMPARE(fluxText(model, Infrastructure), s("Suspended"));
        QVERIFY(model.isFluxWatching());
    }

    void fluxStateCleared()
    {
        PlanTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        load(model);
        model.setFluxWatching(true);
        model.updateFluxStatus({statusOf(kustomization("infrastructure", ready()))});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy shown(&model, &PlanTreeModel::fluxStatusShownChanged);
        model.clearFluxStatus();
        QVERIFY(!model.showsFluxStatus());
        QVERIFY(!model.isFluxWatching());
        QCOMPARE(shown.count(), 1);
        QCOMPARE(shown.first().at(0).toBool(), false);
        // Every row that showed something, and only those: the Flux Kustomizations, the sources
        // and the HelmReleases of the demo plan.
        int fluxFiles = 0;
        for (const PlannedFile &file : m_fixture->plan.files) {
            if (!model.fluxRefsAt(model.indexForPath(file.path)).isEmpty())
                ++fluxFiles;
        }
        QCOMPARE(fluxFiles, 10);
        QCOMPARE(changed.count(), fluxFiles);
        for (const PlannedFile &file : m_fixture->plan.files) {
            QCOMPARE(fluxText(model, file.path), QString());
            QVERIFY(!model.indexForPath(file.path).data(PlanTreeModel::FluxStateRole).isValid());
        }
        // Cleared again: nothing to say.
        changed.clear();
        model.clearFluxStatus();
        QCOMPARE(changed.count(), 0);
        QCOMPARE(shown.count(), 1);
    }

    void tenThousandFiles()
    {
        // Synthetic: 100 namespaces of 100 files, half of them differing.
        Plan plan;
        plan.cluster = s("big");
        plan.bootstrapPaths = QStringList{s("clusters/big/flux-system/")};
        for (int n = 0; n < 100; ++n) {
            for (int f = 0; f < 100; ++f) {
                PlannedFile file;
                file.path = s("workloads/ns-%1/object-%2-config-map.yaml").arg(n).arg(f);
                file.objects = {
                    ObjectKey{QString(), s("ConfigMap"), s("ns-%1").arg(n), s("object-%1").arg(f)}};
                plan.files.append(file);
            }
        }
        QList<FileState> states;
        for (const PlannedFile &file : plan.files)
            states.append(
                {file.path, states.size() % 2 ? FileStatus::Differs : FileStatus::Planned, &file});
        PlanTreeModel model;
        QElapsedTimer timer;
        timer.start();
        model.setPlan(plan, states);
        const qint64 first = timer.elapsed();
        timer.restart();
        model.setPlan(plan, states);
        qInfo("setPlan with 10,000 files: %lld ms, again %lld ms", first, qint64(timer.elapsed()));
        QCOMPARE(model.counts().plannedFiles, 10000);
        QCOMPARE(model.counts().differingFiles, 5000);
        QCOMPARE(model.counts().objectsToMigrate, 10000);
        const QModelIndex ns = model.indexForPath(s("workloads/ns-42"));
        QCOMPARE(model.rowCount(ns), 100);
        QCOMPARE(ns.sibling(ns.row(), 1).data().toString(), s("50 differing, 50 new"));
        QCOMPARE(model.index(0, 0, ns).data().toString(), s("object-0-config-map.yaml"));
        QCOMPARE(model.index(1, 0, ns).data().toString(), s("object-1-config-map.yaml"));
        QCOMPARE(model.index(2, 0, ns).data().toString(), s("object-10-config-map.yaml"));
    }
};

QTEST_GUILESS_MAIN(TestPlanTreeModel)
#include "tst_plantreemodel.moc"
