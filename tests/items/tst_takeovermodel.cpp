// The takeover report as the window shows it: releases with their objects as children, danger
// first (a release by its worst object), the verdict, state, detail and file columns, the
// severity roles a delegate colours by; under QAbstractItemModelTester.
#include "items/takeovermodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Fluxdesk;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

TakeoverItem object(const char *group, const char *kind, const char *ns, const char *name,
                    TakeoverState state, TakeoverSeverity severity, const char *detail,
                    const char *release = "")
{
    TakeoverItem item;
    item.key = ObjectKey{s(group), s(kind), s(ns), s(name)};
    item.state = state;
    item.severity = severity;
    item.detail = s(detail);
    item.release = s(release);
    item.file = s("workloads/") + s(ns) + s("/") + s(name) + s(".yaml");
    return item;
}

TakeoverItem release(const char *ns, const char *name, TakeoverState state,
                     TakeoverSeverity severity, const char *detail)
{
    TakeoverItem item;
    item.subject = TakeoverItem::Subject::Release;
    item.key = ObjectKey{s("helm.toolkit.fluxcd.io"), s("HelmRelease"), s(ns), s(name)};
    item.release = s(ns) + s("/") + s(name);
    item.state = state;
    item.severity = severity;
    item.detail = s(detail);
    item.file = s("infrastructure/") + s(name) + s("-helmrelease.yaml");
    return item;
}

// In the report's own order: each release followed by its objects, then the other objects.
TakeoverReport sampleReport()
{
    TakeoverReport report;
    report.items = {
        release("logging", "loki", TakeoverState::Adopted, TakeoverSeverity::Ok,
                "adopted, revision 2 → 3"),
        object("apps", "StatefulSet", "logging", "loki", TakeoverState::Adopted,
               TakeoverSeverity::Ok, "kept in place by the release's upgrade", "logging/loki"),
        release("monitoring", "grafana", TakeoverState::Adopted, TakeoverSeverity::Ok,
                "adopted, revision 4 → 5"),
        object("", "PersistentVolumeClaim", "monitoring", "grafana", TakeoverState::Recreated,
               TakeoverSeverity::Danger, "uid a → b: deleted and made again", "monitoring/grafana"),
        object("apps", "Deployment", "monitoring", "grafana", TakeoverState::Adopted,
               TakeoverSeverity::Ok, "kept in place by the release's upgrade",
               "monitoring/grafana"),
        object("apps", "Deployment", "llm", "llama", TakeoverState::Adopted, TakeoverSeverity::Ok,
               "adopted in place"),
        object("", "ConfigMap", "llm", "settings", TakeoverState::Waiting,
               TakeoverSeverity::Waiting, "not applied by Flux yet"),
        object("", "Service", "llm", "llama", TakeoverState::Missing, TakeoverSeverity::Warning,
               "gone from the cluster"),
    };
    return report;
}

// The tree as text: "verdict | object | state | detail", children indented.
QString dump(const QAbstractItemModel &model)
{
    QStringList lines;
    const auto row = [&model](const QModelIndex &parent, int r) {
        QStringList cells;
        for (int c : {TakeoverModel::VerdictColumn, TakeoverModel::ObjectColumn,
                      TakeoverModel::StateColumn})
            cells.append(model.index(r, c, parent).data().toString());
        return cells.join(QStringLiteral(" | "));
    };
    for (int r = 0; r < model.rowCount(); ++r) {
        lines.append(row({}, r));
        const QModelIndex parent = model.index(r, 0);
        for (int c = 0; c < model.rowCount(parent); ++c)
            lines.append(QStringLiteral("  ") + row(parent, c));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestTakeoverModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void releasesHoldTheirObjectsDangerFirst();
    void roles();
    void severityOrder_data();
    void severityOrder();
    void replacedWholeAndFound();
};

void TestTakeoverModel::releasesHoldTheirObjectsDangerFirst()
{
    TakeoverModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setReport(sampleReport());
    QCOMPARE(dump(model), s("OK | release monitoring/grafana | adopted in place\n"
                            "  Danger | PersistentVolumeClaim monitoring/grafana | recreated\n"
                            "  OK | apps/Deployment monitoring/grafana | adopted in place\n"
                            "Warning | Service llm/llama | missing\n"
                            "Not yet | ConfigMap llm/settings | not yet adopted\n"
                            "OK | release logging/loki | adopted in place\n"
                            "  OK | apps/StatefulSet logging/loki | adopted in place\n"
                            "OK | apps/Deployment llm/llama | adopted in place"));
    QCOMPARE(model.columnCount(), int(TakeoverModel::ColumnCount));
    QCOMPARE(model.headerData(TakeoverModel::VerdictColumn, Qt::Horizontal).toString(),
             s("Verdict"));
    QCOMPARE(model.headerData(TakeoverModel::FileColumn, Qt::Horizontal).toString(), s("File"));
}

void TestTakeoverModel::roles()
{
    TakeoverModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setReport(sampleReport());
    const QModelIndex grafana = model.index(0, 0);
    QCOMPARE(grafana.data(TakeoverModel::SeverityRole).toInt(), int(TakeoverSeverity::Ok));
    QCOMPARE(grafana.data(TakeoverModel::WorstSeverityRole).toInt(), int(TakeoverSeverity::Danger));
    QVERIFY(grafana.data(TakeoverModel::IsReleaseRole).toBool());
    QCOMPARE(grafana.data(TakeoverModel::FileRole).toString(),
             s("infrastructure/grafana-helmrelease.yaml"));
    const QModelIndex claim = model.index(0, TakeoverModel::DetailColumn, grafana);
    QCOMPARE(claim.data().toString(), s("uid a → b: deleted and made again"));
    QCOMPARE(claim.data(TakeoverModel::SeverityRole).toInt(), int(TakeoverSeverity::Danger));
    QCOMPARE(claim.data(TakeoverModel::StateRole).toInt(), int(TakeoverState::Recreated));
    QVERIFY(!claim.data(TakeoverModel::IsReleaseRole).toBool());
    QCOMPARE(model.index(0, TakeoverModel::FileColumn, grafana).data().toString(),
             s("workloads/monitoring/grafana.yaml"));
    QVERIFY(claim.data(Qt::ToolTipRole).toString().contains(s("deleted and made again")));
    QCOMPARE(model.itemAt(claim)->key.kind, s("PersistentVolumeClaim"));
    QCOMPARE(model.parent(claim), grafana);
    QVERIFY(!model.itemAt(QModelIndex()));
}

void TestTakeoverModel::severityOrder_data()
{
    QTest::addColumn<QList<int>>("severities");
    QTest::addColumn<QList<int>>("expected");
    const int ok = int(TakeoverSeverity::Ok), waiting = int(TakeoverSeverity::Waiting),
              warning = int(TakeoverSeverity::Warning), danger = int(TakeoverSeverity::Danger);
    QTest::addRow("all ok") << QList<int>{ok, ok} << QList<int>{ok, ok};
    QTest::addRow("danger last in, first out")
        << QList<int>{ok, waiting, danger} << QList<int>{danger, waiting, ok};
    QTest::addRow("warning before not yet")
        << QList<int>{waiting, warning, ok} << QList<int>{warning, waiting, ok};
}

void TestTakeoverModel::severityOrder()
{
    QFETCH(QList<int>, severities);
    QFETCH(QList<int>, expected);
    TakeoverReport report;
    int n = 0;
    for (int severity : severities) {
        const QByteArray name = QByteArray("o") + QByteArray::number(++n);
        report.items.append(object("", "ConfigMap", "a", name.constData(), TakeoverState::Waiting,
                                   TakeoverSeverity(severity), ""));
    }
    TakeoverModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setReport(report);
    QList<int> shown;
    for (int r = 0; r < model.rowCount(); ++r)
        shown.append(model.index(r, 0).data(TakeoverModel::SeverityRole).toInt());
    QCOMPARE(shown, expected);
}

void TestTakeoverModel::replacedWholeAndFound()
{
    TakeoverModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setReport(sampleReport());
    QCOMPARE(reset.count(), 1);
    const QModelIndex claim = model.indexOf(
        ObjectKey{QString(), s("PersistentVolumeClaim"), s("monitoring"), s("grafana")});
    QVERIFY(claim.isValid());
    QCOMPARE(claim.data(TakeoverModel::SeverityRole).toInt(), int(TakeoverSeverity::Danger));
    model.setReport(TakeoverReport());
    QCOMPARE(reset.count(), 2);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model
                 .indexOf(ObjectKey{QString(), s("PersistentVolumeClaim"), s("monitoring"),
                                    s("grafana")})
                 .isValid());
}

QTEST_GUILESS_MAIN(TestTakeoverModel)
#include "tst_takeovermodel.moc"
