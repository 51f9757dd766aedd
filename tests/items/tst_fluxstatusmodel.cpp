// The Flux view's model follows the live state row by row: inserts, removals and dataChanged of
// the changed rows only, never a reset; groups Sources, Kustomizations, HelmReleases and Flux
// instances (while there is one); a stable order; the readiness for a delegate's colour.
#include "flux/fluxlivestate.h"
#include "items/fluxstatusmodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QtTest>

using namespace Fluxdesk;

namespace {

QJsonObject condition(const char *status, const char *reason, const QString &message)
{
    return {{QStringLiteral("type"), QStringLiteral("Ready")},
            {QStringLiteral("status"), QString::fromLatin1(status)},
            {QStringLiteral("reason"), QString::fromLatin1(reason)},
            {QStringLiteral("message"), message},
            {QStringLiteral("lastTransitionTime"), QStringLiteral("2026-12-07T10:00:00Z")}};
}

QJsonObject flux(const char *apiVersion, const char *kind, const char *ns, const QString &name,
                 int rv, bool ready = true, const char *revision = "main@sha1:abc")
{
    QJsonObject status{
        {QStringLiteral("conditions"),
         QJsonArray{
             ready ? condition("True", "ReconciliationSucceeded",
                               QStringLiteral("Applied revision: ") + QString::fromLatin1(revision))
                   : condition("False", "BuildFailed", QStringLiteral("build failed"))}}};
    const QString k = QString::fromLatin1(kind);
    if (k == QLatin1String("Kustomization") || k == QLatin1String("FluxInstance"))
        status.insert(QStringLiteral("lastAppliedRevision"), QString::fromLatin1(revision));
    else if (k != QLatin1String("HelmRelease"))
        status.insert(QStringLiteral("artifact"),
                      QJsonObject{{QStringLiteral("revision"), QString::fromLatin1(revision)}});
    return {{QStringLiteral("apiVersion"), QString::fromLatin1(apiVersion)},
            {QStringLiteral("kind"), k},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), name},
                         {QStringLiteral("namespace"), QString::fromLatin1(ns)},
                         {QStringLiteral("resourceVersion"), QString::number(rv)}}},
            {QStringLiteral("spec"), QJsonObject()},
            {QStringLiteral("status"), status}};
}

QJsonObject ks(const char *name, int rv, bool ready = true)
{
    return flux("kustomize.toolkit.fluxcd.io/v1", "Kustomization", "flux-system",
                QString::fromLatin1(name), rv, ready);
}

// The tree as text: "Group | status" then "  name kind ns | status | message | revision".
QString dump(const QAbstractItemModel &model)
{
    QStringList lines;
    for (int g = 0; g < model.rowCount(); ++g) {
        const QModelIndex group = model.index(g, 0);
        lines.append(group.data().toString() + QStringLiteral(" | ") +
                     model.index(g, FluxStatusModel::StatusColumn).data().toString());
        for (int r = 0; r < model.rowCount(group); ++r) {
            QStringList cells;
            for (int c : {FluxStatusModel::NameColumn, FluxStatusModel::KindColumn,
                          FluxStatusModel::NamespaceColumn, FluxStatusModel::StatusColumn,
                          FluxStatusModel::MessageColumn, FluxStatusModel::RevisionColumn})
                cells.append(model.index(r, c, group).data().toString());
            lines.append(QStringLiteral("  ") + cells.join(QStringLiteral(" | ")));
        }
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestFluxStatusModel : public QObject
{
    Q_OBJECT

private slots:
    void groupsAndOrder()
    {
        FluxLiveState state;
        FluxStatusModel model;
        QAbstractItemModelTester tester(&model);
        state.upsert(ks("workloads", 1, false));
        state.upsert(ks("infrastructure", 1));
        state.upsert(flux("source.toolkit.fluxcd.io/v1", "HelmRepository", "flux-system",
                          QStringLiteral("bitnami"), 1, true, "sha256:1"));
        state.upsert(flux("source.toolkit.fluxcd.io/v1", "GitRepository", "flux-system",
                          QStringLiteral("flux-system"), 1));
        model.setLiveState(&state);
        state.upsert(
            flux("helm.toolkit.fluxcd.io/v2", "HelmRelease", "apps", QStringLiteral("podinfo"), 1));
        state.upsert(flux("source.toolkit.fluxcd.io/v1", "OCIRepository", "apps",
                          QStringLiteral("podinfo"), 1, true, "latest@sha256:2"));

        QCOMPARE(
            dump(model),
            QStringLiteral(
                "Sources | 3 of 3 ready\n"
                "  flux-system | GitRepository | flux-system | Ready | Applied revision: "
                "main@sha1:abc | main@sha1:abc\n"
                "  podinfo | OCIRepository | apps | Ready | Applied revision: "
                "latest@sha256:2 | latest@sha256:2\n"
                "  bitnami | HelmRepository | flux-system | Ready | Applied revision: "
                "sha256:1 | sha256:1\n"
                "Kustomizations | 1 of 2 ready\n"
                "  infrastructure | Kustomization | flux-system | Ready | Applied revision: "
                "main@sha1:abc | main@sha1:abc\n"
                "  workloads | Kustomization | flux-system | Failed | build failed | "
                "main@sha1:abc\n"
                "HelmReleases | 1 of 1 ready\n"
                "  podinfo | HelmRelease | apps | Ready | Applied revision: main@sha1:abc | "));

        const QModelIndex failed = model.index(1, FluxStatusModel::StatusColumn, model.index(1, 0));
        QCOMPARE(failed.data(FluxStatusModel::ReadinessRole).toInt(), int(FluxReadiness::Failed));
        QCOMPARE(failed.data(FluxStatusModel::ReasonRole).toString(),
                 QStringLiteral("BuildFailed"));
        QCOMPARE(model.index(1, 0).data(FluxStatusModel::ReadinessRole).toInt(),
                 int(FluxReadiness::Failed)); // the group shows its worst
        QCOMPARE(model.refAt(failed).key(), QStringLiteral("Kustomization/flux-system/workloads"));
        QCOMPARE(model.indexOf(model.refAt(failed), FluxStatusModel::StatusColumn), failed);
        QCOMPARE(model.headerData(FluxStatusModel::LastAppliedColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Last applied"));
    }

    void changesAreRowsNotResets()
    {
        FluxLiveState state;
        for (int i = 0; i < 5; ++i)
            state.upsert(ks(QByteArray("k" + QByteArray::number(i)).constData(), 1));
        FluxStatusModel model;
        QAbstractItemModelTester tester(&model);
        model.setLiveState(&state);

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const QModelIndex group = model.index(1, 0);

        // k2 fails: its row and its group's summary change, nothing else.
        state.upsert(ks("k2", 2, false));
        QCOMPARE(resets.size(), 0);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(changed.size(), 2);
        const QModelIndex topLeft = changed.at(0).at(0).toModelIndex();
        const QModelIndex bottomRight = changed.at(0).at(1).toModelIndex();
        QCOMPARE(topLeft.parent(), group);
        QCOMPARE(topLeft.row(), 2);
        QCOMPARE(bottomRight.row(), 2);
        QCOMPARE(bottomRight.column(), FluxStatusModel::ColumnCount - 1);
        QCOMPARE(changed.at(1).at(0).toModelIndex(), group);
        QCOMPARE(model.index(2, FluxStatusModel::StatusColumn, group).data().toString(),
                 QStringLiteral("Failed"));

        // A new one lands in its sorted place; a deleted one leaves its row.
        state.upsert(ks("k25", 1));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(0).toModelIndex(), group);
        QCOMPARE(inserted.at(0).at(1).toInt(), 3);
        state.remove(ks("k0", 1));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 0);
        QCOMPARE(model.index(0, 0, group).data().toString(), QStringLiteral("k1"));

        // A relist that changes nothing says nothing.
        changed.clear();
        QList<QJsonObject> same;
        for (const char *n : {"k1", "k3", "k4"})
            same.append(ks(n, 1));
        same.append(ks("k2", 2, false));
        same.append(ks("k25", 1));
        state.replaceAll(QStringLiteral("kustomize.toolkit.fluxcd.io/Kustomization"), same);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(resets.size(), 0);
    }

    void instancesGroupComesAndGoes()
    {
        FluxLiveState state;
        FluxStatusModel model;
        QAbstractItemModelTester tester(&model);
        model.setLiveState(&state);
        QCOMPARE(model.rowCount(), 3);
        const QJsonObject instance =
            flux("fluxcd.controlplane.io/v1", "FluxInstance", "flux-system", QStringLiteral("flux"),
                 1, true, "v2.7.0@sha256:0");
        state.upsert(instance);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(3, 0).data().toString(), QStringLiteral("Flux instances"));
        QCOMPARE(
            model.index(0, FluxStatusModel::RevisionColumn, model.index(3, 0)).data().toString(),
            QStringLiteral("v2.7.0@sha256:0"));
        state.remove(instance);
        QCOMPARE(model.rowCount(), 3);
    }

    void twoHundredUpdates()
    {
        FluxLiveState state;
        QList<QJsonObject> objects;
        for (int i = 0; i < 200; ++i)
            objects.append(ks(QByteArray("k" + QByteArray::number(1000 + i)).constData(), 1));
        state.replaceAll(QStringLiteral("kustomize.toolkit.fluxcd.io/Kustomization"), objects);
        FluxStatusModel model;
        model.setLiveState(&state);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        // Each watch event is its own turn of the event loop; none may stall the UI thread.
        QElapsedTimer total;
        total.start();
        qint64 slowest = 0;
        for (int i = 0; i < 200; ++i) {
            QElapsedTimer one;
            one.start();
            state.upsert(ks(QByteArray("k" + QByteArray::number(1000 + i)).constData(), 2, false));
            slowest = qMax(slowest, one.nsecsElapsed());
        }
        qInfo("200 status changes reached the model in %lld ms, the slowest in %lld us",
              total.elapsed(), slowest / 1000);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(changed.size(), 400); // each row and its group's summary
        QVERIFY2(slowest < 100 * 1000 * 1000, qPrintable(QString::number(slowest)));
        QCOMPARE(model.index(1, 0).data(FluxStatusModel::ReadinessRole).toInt(),
                 int(FluxReadiness::Failed));
    }
};

QTEST_GUILESS_MAIN(TestFluxStatusModel)
#include "tst_fluxstatusmodel.moc"
