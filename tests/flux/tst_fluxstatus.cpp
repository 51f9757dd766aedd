// Flux's live state read from objects as the controllers write them (shapes from Flux's
// documentation and CRDs): readiness, message, revision, references; the kinds and the version
// to read them in; Events of both APIs merged; the live state's change signals.
#include "flux/fluxevents.h"
#include "flux/fluxkinds.h"
#include "flux/fluxlivestate.h"
#include "flux/fluxobjectstatus.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

using namespace Fluxdesk;

namespace {

QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON at %d: %s", error.offset, qPrintable(error.errorString()));
    return doc.object();
}

// Fixtures (defined at the end of the file, after the test class: moc does not read raw
// strings and would lose the class behind them).
extern const char ReadyKustomization[];
extern const char BuildFailedKustomization[];
extern const char SuspendedKustomization[];
extern const char UpgradeFailedHelmRelease[];
extern const char UpgradeFailedRetrying[];
extern const char ReconcilingGitRepository[];
extern const char StalledOCIRepository[];
extern const char LaggingHelmRepository[];
extern const char NewKustomization[];
extern const char ReadyHelmRelease[];

QString refs(const QList<FluxRef> &list)
{
    QStringList out;
    for (const FluxRef &r : list)
        out.append(r.key());
    return out.join(QLatin1Char(','));
}

ResourceType type(const char *group, const char *version, const char *kind)
{
    ResourceType t;
    t.group = QString::fromLatin1(group);
    t.version = QString::fromLatin1(version);
    t.kind = QString::fromLatin1(kind);
    return t;
}

QJsonObject kustomization(const char *name, const char *rv, const char *dependsOn = nullptr)
{
    QJsonObject o = json(ReadyKustomization);
    QJsonObject meta = o.value(QLatin1String("metadata")).toObject();
    meta.insert(QStringLiteral("name"), QString::fromLatin1(name));
    meta.insert(QStringLiteral("resourceVersion"), QString::fromLatin1(rv));
    o.insert(QStringLiteral("metadata"), meta);
    QJsonObject spec = o.value(QLatin1String("spec")).toObject();
    spec.remove(QStringLiteral("dependsOn"));
    if (dependsOn)
        spec.insert(
            QStringLiteral("dependsOn"),
            QJsonArray{QJsonObject{{QStringLiteral("name"), QString::fromLatin1(dependsOn)}}});
    o.insert(QStringLiteral("spec"), spec);
    return o;
}

} // namespace

class TestFluxStatus : public QObject
{
    Q_OBJECT

private slots:
    void readiness_data()
    {
        QTest::addColumn<QByteArray>("object");
        QTest::addColumn<int>("readiness");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("messageStart");
        QTest::addColumn<QString>("revision");
        QTest::addColumn<bool>("suspended");

        QTest::addRow("ready kustomization")
            << QByteArray(ReadyKustomization) << int(FluxReadiness::Ready)
            << "ReconciliationSucceeded"
            << "Applied revision: main@sha1:5b8e"
            << "main@sha1:5b8e8a1f1dd1ad1a0a61c4c0b7eb8b6ac5e8b1fb" << false;
        QTest::addRow("kustomization BuildFailed, retrying")
            << QByteArray(BuildFailedKustomization) << int(FluxReadiness::Failed) << "BuildFailed"
            << "kustomize build failed: accumulating resources"
            << "main@sha1:1111111111111111111111111111111111111111" << false;
        QTest::addRow("suspended kustomization")
            << QByteArray(SuspendedKustomization) << int(FluxReadiness::Suspended) << "Suspended"
            << "Suspended; last status: Applied revision: main@sha1:aaaa"
            << "main@sha1:aaaa" << true;
        QTest::addRow("helmrelease upgrade failed, retries exhausted")
            << QByteArray(UpgradeFailedHelmRelease) << int(FluxReadiness::Stalled)
            << "RetriesExceeded"
            << "Failed to upgrade after 1 attempt(s)"
            << "6.5.4" << false;
        QTest::addRow("helmrelease upgrade failed, retrying")
            << QByteArray(UpgradeFailedRetrying) << int(FluxReadiness::Failed) << "UpgradeFailed"
            << "Helm upgrade failed for release apps/podinfo"
            << "6.5.4" << false;
        QTest::addRow("reconciling gitrepository")
            << QByteArray(ReconcilingGitRepository) << int(FluxReadiness::Reconciling)
            << "Progressing"
            << "building artifact: new upstream revision"
            << "main@sha1:1111111111111111111111111111111111111111" << false;
        QTest::addRow("stalled ocirepository")
            << QByteArray(StalledOCIRepository) << int(FluxReadiness::Stalled) << "URLInvalid"
            << "URL must be in format" << QString() << false;
        QTest::addRow("observedGeneration behind generation")
            << QByteArray(LaggingHelmRepository) << int(FluxReadiness::Reconciling) << "Progressing"
            << "The controller has not yet seen the latest change (generation 3, observed 2)"
            << "sha256:abcd" << false;
        QTest::addRow("no status yet")
            << QByteArray(NewKustomization) << int(FluxReadiness::Unknown) << QString()
            << "No status yet" << QString() << false;
        QTest::addRow("ready helmrelease from a chartRef")
            << QByteArray(ReadyHelmRelease) << int(FluxReadiness::Ready) << "UpgradeSucceeded"
            << "Helm upgrade succeeded"
            << "27.0.2" << false;
    }

    void readiness()
    {
        QFETCH(QByteArray, object);
        QFETCH(int, readiness);
        QFETCH(QString, reason);
        QFETCH(QString, messageStart);
        QFETCH(QString, revision);
        QFETCH(bool, suspended);

        const FluxObjectStatus s = FluxObjectStatus::of(json(object.constData()));
        QCOMPARE(int(s.readiness()), readiness);
        QCOMPARE(s.verdict.reason, reason);
        QVERIFY2(s.verdict.message.startsWith(messageStart), qPrintable(s.verdict.message));
        QCOMPARE(s.revision, revision);
        QCOMPARE(s.suspended, suspended);
    }

    void referencesDefaultTheirNamespace()
    {
        const FluxObjectStatus k = FluxObjectStatus::of(json(ReadyKustomization));
        QCOMPARE(refs(k.dependsOn), QStringLiteral("Kustomization/flux-system/infrastructure,"
                                                   "Kustomization/kube-system/crds"));
        QCOMPARE(k.sourceRef.key(), QStringLiteral("GitRepository/flux-system/flux-system"));
        QCOMPARE(k.sourceRef.group, QStringLiteral("source.toolkit.fluxcd.io"));
        QCOMPARE(k.lastHandledReconcileAt, QStringLiteral("2026-12-07T10:00:00.123Z"));
        QCOMPARE(k.lastApplied, QDateTime(QDate(2026, 12, 7), QTime(10, 0, 5), Qt::UTC));

        // A chart template: the HelmRepository, and the HelmChart helm-controller made.
        const FluxObjectStatus hr = FluxObjectStatus::of(json(UpgradeFailedHelmRelease));
        QCOMPARE(hr.sourceRef.key(), QStringLiteral("HelmRepository/flux-system/podinfo"));
        QCOMPARE(hr.helmChart.key(), QStringLiteral("HelmChart/flux-system/apps-podinfo"));
        QCOMPARE(hr.releaseRevision, 3);
        QCOMPARE(hr.releaseName, QStringLiteral("podinfo"));
        QCOMPARE(hr.storageNamespace, QStringLiteral("apps"));
        QCOMPARE(hr.lastApplied, QDateTime(QDate(2026, 12, 7), QTime(11, 0), Qt::UTC));

        // Without status.helmChart yet: "<namespace>-<name>" in the source's namespace.
        const FluxObjectStatus fresh = FluxObjectStatus::of(json(UpgradeFailedRetrying));
        QCOMPARE(fresh.helmChart.key(), QStringLiteral("HelmChart/flux-system/apps-podinfo"));

        // A chartRef names its source directly, namespace defaulted.
        const FluxObjectStatus ref = FluxObjectStatus::of(json(ReadyHelmRelease));
        QCOMPARE(ref.sourceRef.key(), QStringLiteral("OCIRepository/kube-system/traefik"));
        QVERIFY(!ref.helmChart.isValid());
        QCOMPARE(ref.releaseRevision, 4);
    }

    void nanosecondTimes()
    {
        QCOMPARE(FluxReadinessRules::parseTime(QStringLiteral("2026-12-07T10:00:00.123456789Z")),
                 QDateTime(QDate(2026, 12, 7), QTime(10, 0, 0, 123), Qt::UTC));
        QCOMPARE(FluxReadinessRules::parseTime(QStringLiteral("2026-12-07T11:00:00+01:00")),
                 QDateTime(QDate(2026, 12, 7), QTime(10, 0), Qt::UTC));
        QVERIFY(!FluxReadinessRules::parseTime(QString()).isValid());
    }

    void servedVersion_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QList<ResourceType>>("discovered");
        QTest::addColumn<QString>("version");

        const QList<ResourceType> current = {
            type("source.toolkit.fluxcd.io", "v1", "GitRepository"),
            type("source.toolkit.fluxcd.io", "v1", "OCIRepository"),
            type("helm.toolkit.fluxcd.io", "v2", "HelmRelease"),
            type("kustomize.toolkit.fluxcd.io", "v1", "Kustomization")};
        // Flux 2.3 to 2.5: OCIRepository still v1beta2 while the rest of its group is v1.
        const QList<ResourceType> flux23 = {
            type("source.toolkit.fluxcd.io", "v1", "GitRepository"),
            type("source.toolkit.fluxcd.io", "v1beta2", "GitRepository"),
            type("source.toolkit.fluxcd.io", "v1beta2", "OCIRepository"),
            type("helm.toolkit.fluxcd.io", "v2", "HelmRelease"),
            type("helm.toolkit.fluxcd.io", "v2beta2", "HelmRelease"),
            type("helm.toolkit.fluxcd.io", "v2beta1", "HelmRelease")};
        const QList<ResourceType> flux21 = {
            type("helm.toolkit.fluxcd.io", "v2beta1", "HelmRelease")};
        const QList<ResourceType> future = {type("helm.toolkit.fluxcd.io", "v2", "HelmRelease"),
                                            type("helm.toolkit.fluxcd.io", "v3", "HelmRelease")};

        QTest::addRow("GA git") << "source.toolkit.fluxcd.io/GitRepository" << current << "v1";
        QTest::addRow("GA oci") << "source.toolkit.fluxcd.io/OCIRepository" << current << "v1";
        QTest::addRow("v1 preferred over v1beta2")
            << "source.toolkit.fluxcd.io/GitRepository" << flux23 << "v1";
        QTest::addRow("oci still v1beta2")
            << "source.toolkit.fluxcd.io/OCIRepository" << flux23 << "v1beta2";
        QTest::addRow("helmrelease v2 of three")
            << "helm.toolkit.fluxcd.io/HelmRelease" << flux23 << "v2";
        QTest::addRow("helmrelease v2beta1 alone")
            << "helm.toolkit.fluxcd.io/HelmRelease" << flux21 << "v2beta1";
        QTest::addRow("a later version") << "helm.toolkit.fluxcd.io/HelmRelease" << future << "v3";
        QTest::addRow("not installed")
            << "fluxcd.controlplane.io/FluxInstance" << current << QString();
    }

    void servedVersion()
    {
        QFETCH(QString, kind);
        QFETCH(QList<ResourceType>, discovered);
        QFETCH(QString, version);
        const FluxKind *k = FluxKinds::byKey(kind);
        QVERIFY(k);
        const std::optional<ResourceType> t = FluxKinds::servedType(*k, discovered);
        QCOMPARE(t ? t->version : QString(), version);
    }

    void kindsAndPaths()
    {
        QStringList keys;
        for (const FluxKind &k : FluxKinds::all())
            keys.append(k.kind + QLatin1Char('/') + k.gaVersion());
        QCOMPARE(keys.join(QLatin1Char(' ')),
                 QStringLiteral("GitRepository/v1 OCIRepository/v1 HelmRepository/v1 Bucket/v1 "
                                "HelmChart/v1 Kustomization/v1 HelmRelease/v2 FluxInstance/v1"));
        const FluxKind *hr = FluxKinds::of(json(ReadyHelmRelease));
        QVERIFY(hr);
        QCOMPARE(hr->collectionPath(QStringLiteral("v2")),
                 QStringLiteral("/apis/helm.toolkit.fluxcd.io/v2/helmreleases"));
        QCOMPARE(hr->collectionPath(QStringLiteral("v2"), QStringLiteral("apps")),
                 QStringLiteral("/apis/helm.toolkit.fluxcd.io/v2/namespaces/apps/helmreleases"));
        QCOMPARE(hr->objectPath(QStringLiteral("v2beta2"), QStringLiteral("apps"),
                                QStringLiteral("podinfo")),
                 QStringLiteral("/apis/helm.toolkit.fluxcd.io/v2beta2/namespaces/apps/"
                                "helmreleases/podinfo"));
        QVERIFY(!FluxKinds::helmReleaseSupportsForceAndReset(QStringLiteral("v2beta1")));
        QVERIFY(FluxKinds::helmReleaseSupportsForceAndReset(QStringLiteral("v2beta2")));
        QVERIFY(FluxKinds::helmReleaseSupportsForceAndReset(QStringLiteral("v2")));
        QVERIFY(!FluxKinds::of(json(R"j({"apiVersion":"v1","kind":"ConfigMap"})j")));
    }

    void eventsMerged()
    {
        const QJsonObject object = json(R"j({"apiVersion": "kustomize.toolkit.fluxcd.io/v1",
            "kind": "Kustomization", "metadata": {"name": "apps", "namespace": "flux-system",
            "uid": "k-1"}})j");
        const QList<QJsonObject> events = {
            // core/v1, older
            json(R"j({"apiVersion": "v1", "kind": "Event",
              "metadata": {"name": "apps.1", "namespace": "flux-system", "uid": "e-1"},
              "involvedObject": {"apiVersion": "kustomize.toolkit.fluxcd.io/v1",
                "kind": "Kustomization", "name": "apps", "namespace": "flux-system", "uid": "k-1"},
              "type": "Normal", "reason": "ReconciliationSucceeded",
              "message": "Reconciliation finished in 1.2s", "count": 4,
              "firstTimestamp": "2026-12-07T09:00:00Z", "lastTimestamp": "2026-12-07T10:00:00Z",
              "source": {"component": "kustomize-controller"}})j"),
            // the same event through events.k8s.io/v1 (same uid): once
            json(R"j({"apiVersion": "events.k8s.io/v1", "kind": "Event",
              "metadata": {"name": "apps.1", "namespace": "flux-system", "uid": "e-1"},
              "regarding": {"apiVersion": "kustomize.toolkit.fluxcd.io/v1",
                "kind": "Kustomization", "name": "apps", "namespace": "flux-system", "uid": "k-1"},
              "type": "Normal", "reason": "ReconciliationSucceeded",
              "note": "Reconciliation finished in 1.2s", "deprecatedCount": 4,
              "deprecatedLastTimestamp": "2026-12-07T10:00:00Z",
              "reportingController": "kustomize-controller"})j"),
            // events.k8s.io/v1 with a series, newest
            json(R"j({"apiVersion": "events.k8s.io/v1", "kind": "Event",
              "metadata": {"name": "apps.2", "namespace": "flux-system", "uid": "e-2"},
              "regarding": {"kind": "Kustomization", "name": "apps", "namespace": "flux-system"},
              "type": "Warning", "reason": "BuildFailed", "note": "kustomize build failed",
              "eventTime": "2026-12-07T10:30:00.000000Z",
              "series": {"count": 7, "lastObservedTime": "2026-12-07T11:00:00.500000Z"},
              "reportingController": "kustomize-controller"})j"),
            // another object's
            json(R"j({"apiVersion": "v1", "kind": "Event",
              "metadata": {"name": "infra.1", "namespace": "flux-system", "uid": "e-3"},
              "involvedObject": {"kind": "Kustomization", "name": "infra", "namespace": "flux-system"},
              "reason": "X", "message": "not ours", "lastTimestamp": "2026-12-07T12:00:00Z"})j"),
            // an earlier object of the same name (other uid)
            json(R"j({"apiVersion": "v1", "kind": "Event",
              "metadata": {"name": "apps.0", "namespace": "flux-system", "uid": "e-4"},
              "involvedObject": {"kind": "Kustomization", "name": "apps", "namespace": "flux-system",
                "uid": "k-0"},
              "reason": "X", "message": "previous life", "lastTimestamp": "2026-12-07T12:00:00Z"})j"),
            // same kind name in another group
            json(R"j({"apiVersion": "v1", "kind": "Event",
              "metadata": {"name": "apps.9", "namespace": "flux-system", "uid": "e-9"},
              "involvedObject": {"apiVersion": "kustomize.config.k8s.io/v1beta1",
                "kind": "Kustomization", "name": "apps", "namespace": "flux-system"},
              "reason": "X", "message": "other group", "lastTimestamp": "2026-12-07T12:00:00Z"})j"),
        };
        const QList<FluxEvent> merged = FluxEvents::forObject(events, object);
        QCOMPARE(merged.size(), 2);
        QCOMPARE(merged.at(0).reason, QStringLiteral("BuildFailed"));
        QCOMPARE(merged.at(0).type, QStringLiteral("Warning"));
        QCOMPARE(merged.at(0).count, 7);
        QCOMPARE(merged.at(0).message, QStringLiteral("kustomize build failed"));
        QCOMPARE(merged.at(0).time, QDateTime(QDate(2026, 12, 7), QTime(11, 0, 0, 500), Qt::UTC));
        QCOMPARE(merged.at(0).source, QStringLiteral("kustomize-controller"));
        QCOMPARE(merged.at(1).reason, QStringLiteral("ReconciliationSucceeded"));
        QCOMPARE(merged.at(1).count, 4);
        QCOMPARE(merged.at(1).message, QStringLiteral("Reconciliation finished in 1.2s"));
        QCOMPARE(merged.at(1).time, QDateTime(QDate(2026, 12, 7), QTime(10, 0), Qt::UTC));
        QCOMPARE(merged.at(1).source, QStringLiteral("kustomize-controller"));
    }

    void liveStateNamesWhatChanged()
    {
        FluxLiveState state;
        QSignalSpy spy(&state, &FluxLiveState::changed);
        const QString key = QStringLiteral("kustomize.toolkit.fluxcd.io/Kustomization");
        state.replaceAll(key, {kustomization("infrastructure", "1"),
                               kustomization("apps", "2", "infrastructure"),
                               json(ReconcilingGitRepository)}); // other kind: ignored
        QCOMPARE(spy.size(), 1);
        QCOMPARE(refs(spy.at(0).at(0).value<QList<FluxRef>>()).split(QLatin1Char(',')).size(), 2);
        QCOMPARE(state.count(), 2);

        // The same resourceVersion again: nothing to say.
        state.upsert(kustomization("apps", "2", "infrastructure"));
        QCOMPARE(spy.size(), 1);

        state.upsert(kustomization("apps", "3", "infrastructure"));
        QCOMPARE(spy.size(), 2);
        QCOMPARE(refs(spy.at(1).at(0).value<QList<FluxRef>>()), QString());
        QCOMPARE(refs(spy.at(1).at(1).value<QList<FluxRef>>()),
                 QStringLiteral("Kustomization/flux-system/apps"));

        state.upsert(json(ReconcilingGitRepository));
        QCOMPARE(refs(spy.at(2).at(0).value<QList<FluxRef>>()),
                 QStringLiteral("GitRepository/flux-system/flux-system"));

        // A relist after a reconnect: infrastructure gone, apps unchanged, the source untouched.
        state.replaceAll(key, {kustomization("apps", "3", "infrastructure")});
        QCOMPARE(spy.size(), 4);
        QCOMPARE(refs(spy.at(3).at(1).value<QList<FluxRef>>()), QString());
        QCOMPARE(refs(spy.at(3).at(2).value<QList<FluxRef>>()),
                 QStringLiteral("Kustomization/flux-system/infrastructure"));
        QCOMPARE(state.count(), 2);

        const FluxRef apps{QStringLiteral("kustomize.toolkit.fluxcd.io"),
                           QStringLiteral("Kustomization"), QStringLiteral("flux-system"),
                           QStringLiteral("apps")};
        const QList<FluxLiveState::Dependency> deps = state.dependencies(apps);
        QCOMPARE(deps.size(), 2);
        QCOMPARE(deps.at(0).ref.name, QStringLiteral("infrastructure"));
        QVERIFY(!deps.at(0).present); // a dependency on a missing object
        QCOMPARE(deps.at(1).ref.kind, QStringLiteral("GitRepository"));
        QVERIFY(deps.at(1).present);
        QCOMPARE(refs(state.dependents(deps.at(1).ref)), apps.key());

        state.remove(json(ReconcilingGitRepository));
        QCOMPARE(refs(spy.at(4).at(2).value<QList<FluxRef>>()),
                 QStringLiteral("GitRepository/flux-system/flux-system"));
        QVERIFY(!state.contains(deps.at(1).ref));
    }

    void dependencyCycle()
    {
        FluxLiveState state;
        state.upsert(kustomization("a", "1", "b"));
        state.upsert(kustomization("b", "1", "c"));
        state.upsert(kustomization("c", "1", "a"));
        state.upsert(kustomization("d", "1", "a"));
        const auto ref = [](const char *name) {
            return FluxRef{QStringLiteral("kustomize.toolkit.fluxcd.io"),
                           QStringLiteral("Kustomization"), QStringLiteral("flux-system"),
                           QString::fromLatin1(name)};
        };
        QVERIFY(state.inDependencyCycle(ref("a")));
        QVERIFY(state.inDependencyCycle(ref("c")));
        QVERIFY(!state.inDependencyCycle(ref("d")));
    }
};

QTEST_GUILESS_MAIN(TestFluxStatus)
#include "tst_fluxstatus.moc"

namespace {

// kustomize-controller after a successful apply.
const char ReadyKustomization[] = R"j({
  "apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization",
  "metadata": {"name": "apps", "namespace": "flux-system", "generation": 2, "uid": "k-1"},
  "spec": {"interval": "10m", "path": "./apps", "prune": true,
           "sourceRef": {"kind": "GitRepository", "name": "flux-system"},
           "dependsOn": [{"name": "infrastructure"}, {"name": "crds", "namespace": "kube-system"}]},
  "status": {"observedGeneration": 2,
    "lastAppliedRevision": "main@sha1:5b8e8a1f1dd1ad1a0a61c4c0b7eb8b6ac5e8b1fb",
    "lastAttemptedRevision": "main@sha1:5b8e8a1f1dd1ad1a0a61c4c0b7eb8b6ac5e8b1fb",
    "lastHandledReconcileAt": "2026-12-07T10:00:00.123Z",
    "conditions": [{"type": "Ready", "status": "True", "reason": "ReconciliationSucceeded",
      "message": "Applied revision: main@sha1:5b8e8a1f1dd1ad1a0a61c4c0b7eb8b6ac5e8b1fb",
      "lastTransitionTime": "2026-12-07T10:00:05Z", "observedGeneration": 2}]}})j";

// kustomize build failed; the controller retries (Reconciling ProgressingWithRetry).
const char BuildFailedKustomization[] = R"j({
  "apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization",
  "metadata": {"name": "apps", "namespace": "flux-system", "generation": 3},
  "spec": {"path": "./apps", "sourceRef": {"kind": "GitRepository", "name": "flux-system"}},
  "status": {"observedGeneration": 3,
    "lastAppliedRevision": "main@sha1:1111111111111111111111111111111111111111",
    "lastAttemptedRevision": "main@sha1:2222222222222222222222222222222222222222",
    "conditions": [
      {"type": "Reconciling", "status": "True", "reason": "ProgressingWithRetry",
       "message": "Detecting drift for revision main@sha1:2222 with a timeout of 5m0s",
       "lastTransitionTime": "2026-12-07T10:01:00Z"},
      {"type": "Ready", "status": "False", "reason": "BuildFailed",
       "message": "kustomize build failed: accumulating resources: 'apps/missing.yaml': no such file",
       "lastTransitionTime": "2026-12-07T10:01:00Z"}]}})j";

const char SuspendedKustomization[] = R"j({
  "apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization",
  "metadata": {"name": "workloads", "namespace": "flux-system", "generation": 4},
  "spec": {"suspend": true, "path": "./workloads",
           "sourceRef": {"kind": "GitRepository", "name": "flux-system"}},
  "status": {"observedGeneration": 3, "lastAppliedRevision": "main@sha1:aaaa",
    "conditions": [{"type": "Ready", "status": "True", "reason": "ReconciliationSucceeded",
      "message": "Applied revision: main@sha1:aaaa", "lastTransitionTime": "2026-12-07T09:00:00Z"}]}})j";

// helm-controller after an upgrade failed and its remediation retries ran out.
const char UpgradeFailedHelmRelease[] = R"j({
  "apiVersion": "helm.toolkit.fluxcd.io/v2", "kind": "HelmRelease",
  "metadata": {"name": "podinfo", "namespace": "apps", "generation": 2},
  "spec": {"interval": "10m", "chart": {"spec": {"chart": "podinfo", "version": "6.5.x",
           "sourceRef": {"kind": "HelmRepository", "name": "podinfo", "namespace": "flux-system"}}}},
  "status": {"observedGeneration": 2, "lastAttemptedRevision": "6.5.4",
    "helmChart": "flux-system/apps-podinfo", "storageNamespace": "apps", "upgradeFailures": 1,
    "history": [
      {"name": "podinfo", "namespace": "apps", "version": 3, "status": "failed",
       "chartName": "podinfo", "chartVersion": "6.5.4", "lastDeployed": "2026-12-07T11:00:00Z"},
      {"name": "podinfo", "namespace": "apps", "version": 2, "status": "superseded",
       "chartName": "podinfo", "chartVersion": "6.5.3", "lastDeployed": "2026-12-01T11:00:00Z"}],
    "conditions": [
      {"type": "Ready", "status": "False", "reason": "UpgradeFailed",
       "message": "Helm upgrade failed for release apps/podinfo with chart podinfo@6.5.4: timed out waiting for the condition",
       "lastTransitionTime": "2026-12-07T11:05:00Z"},
      {"type": "Released", "status": "False", "reason": "UpgradeFailed",
       "message": "Helm upgrade failed", "lastTransitionTime": "2026-12-07T11:05:00Z"},
      {"type": "Stalled", "status": "True", "reason": "RetriesExceeded",
       "message": "Failed to upgrade after 1 attempt(s)",
           "lastTransitionTime" : "2026-12-07T11:05:00Z"
}]
}
})j";

// The same release before remediation ran out: failed, not stalled.
const char UpgradeFailedRetrying[] = R"j({
  "apiVersion": "helm.toolkit.fluxcd.io/v2", "kind": "HelmRelease",
  "metadata": {"name": "podinfo", "namespace": "apps", "generation": 2},
  "spec": {"chart": {"spec": {"chart": "podinfo",
           "sourceRef": {"kind": "HelmRepository", "name": "podinfo", "namespace": "flux-system"}}}},
  "status": {"observedGeneration": 2, "lastAttemptedRevision": "6.5.4",
    "history": [{"name": "podinfo", "version": 3, "chartVersion": "6.5.4", "status": "failed"}],
    "conditions": [
      {"type": "Ready", "status": "False", "reason": "UpgradeFailed",
       "message": "Helm upgrade failed for release apps/podinfo with chart podinfo@6.5.4"}]}})j";

// source-controller fetching a new revision.
const char ReconcilingGitRepository[] = R"j({
  "apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "GitRepository",
  "metadata": {"name": "flux-system", "namespace": "flux-system", "generation": 1},
  "spec": {"interval": "1m", "url": "ssh://git@github.com/me/homelab", "ref": {"branch": "main"}},
  "status": {"observedGeneration": 1,
    "artifact": {"revision": "main@sha1:1111111111111111111111111111111111111111",
                 "lastUpdateTime": "2026-12-07T08:00:00Z", "path": "x", "url": "http://x"},
    "conditions": [
      {"type": "Reconciling", "status": "True", "reason": "Progressing",
       "message": "building artifact: new upstream revision 'main@sha1:2222'"},
      {"type": "Ready", "status": "Unknown", "reason": "Progressing",
       "message": "building artifact: new upstream revision 'main@sha1:2222'"}]}})j";

const char StalledOCIRepository[] = R"j({
  "apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "OCIRepository",
  "metadata": {"name": "podinfo", "namespace": "flux-system", "generation": 1},
  "spec": {"url": "not a url"},
  "status": {"observedGeneration": 1, "conditions": [
      {"type": "Stalled", "status": "True", "reason": "URLInvalid",
       "message": "URL must be in format 'oci://<domain>/<org>/<repo>'"},
      {"type": "Ready", "status": "False", "reason": "URLInvalid",
       "message": "URL must be in format 'oci://<domain>/<org>/<repo>'"}]}})j";

// Ready, but the spec changed since (generation 3, observed 2).
const char LaggingHelmRepository[] = R"j({
  "apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "HelmRepository",
  "metadata": {"name": "bitnami", "namespace": "flux-system", "generation": 3},
  "spec": {"url": "https://charts.bitnami.com/bitnami"},
  "status": {"observedGeneration": 2,
    "artifact": {"revision": "sha256:abcd", "lastUpdateTime": "2026-12-07T07:00:00Z"},
    "conditions": [{"type": "Ready", "status": "True", "reason": "Succeeded",
       "message": "stored artifact: revision 'sha256:abcd'"}]}})j";

const char NewKustomization[] = R"j({
  "apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization",
  "metadata": {"name": "fresh", "namespace": "flux-system", "generation": 1},
  "spec": {"path": "./", "sourceRef": {"kind": "GitRepository", "name": "flux-system"}}})j";

const char ReadyHelmRelease[] = R"j({
  "apiVersion": "helm.toolkit.fluxcd.io/v2", "kind": "HelmRelease",
  "metadata": {"name": "traefik", "namespace": "kube-system", "generation": 1},
  "spec": {"releaseName": "traefik", "chartRef": {"kind": "OCIRepository", "name": "traefik"}},
  "status": {"observedGeneration": 1, "storageNamespace": "kube-system",
    "history": [{"name": "traefik", "namespace": "kube-system", "version": 4, "status": "deployed",
      "chartName": "traefik", "chartVersion": "27.0.2", "lastDeployed": "2026-12-07T06:30:00Z"}],
    "conditions": [{"type": "Ready", "status": "True", "reason": "UpgradeSucceeded",
      "message": "Helm upgrade succeeded for release kube-system/traefik.v4 with chart traefik@27.0.2"}]}})j";

} // namespace
