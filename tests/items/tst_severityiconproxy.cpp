// The Problems list's severity icons: given by the view, shown in the severity column only.
#include "items/problemmodel.h"
#include "items/severityiconproxy.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Fluxdesk;

namespace {

Problem problem(Problem::Severity severity, int line, const char *message)
{
    Problem p;
    p.severity = severity;
    p.line = line;
    p.column = 1;
    p.message = QString::fromUtf8(message);
    p.rule = QStringLiteral("test");
    return p;
}

// Stand-ins for QIcons: the model only passes the values through.
const QString ErrorIcon = QStringLiteral("icon:error");
const QString WarningIcon = QStringLiteral("icon:warning");

// "severity-icon | message" per row.
QString dump(const QAbstractItemModel &model)
{
    QStringList lines;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QVariant icon =
            model.index(row, ProblemModel::SeverityColumn).data(Qt::DecorationRole);
        lines.append((icon.isValid() ? icon.toString() : QStringLiteral("-")) +
                     QLatin1String(" | ") +
                     model.index(row, ProblemModel::MessageColumn).data().toString());
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestSeverityIconProxy : public QObject
{
    Q_OBJECT

private slots:
    void iconPerSeverity();
    void onlyTheSeverityColumn();
    void settingAnIconUpdatesShownRows();
};

void TestSeverityIconProxy::iconPerSeverity()
{
    ProblemModel source;
    SeverityIconProxy proxy;
    QAbstractItemModelTester tester(&proxy);
    proxy.setSourceModel(&source);
    proxy.setIcon(Problem::Severity::Error, ErrorIcon);
    proxy.setIcon(Problem::Severity::Warning, WarningIcon);
    source.setProblems(QStringLiteral("/repo/a.yaml"),
                       {problem(Problem::Severity::Info, 1, "a note"),
                        problem(Problem::Severity::Warning, 2, "a warning"),
                        problem(Problem::Severity::Error, 3, "an error")});
    // Errors first (the source's order); a severity without an icon shows none.
    QCOMPARE(dump(proxy), QStringLiteral("icon:error | an error\n"
                                         "icon:warning | a warning\n"
                                         "- | a note"));
    QCOMPARE(proxy.icon(Problem::Severity::Warning).toString(), WarningIcon);
    QVERIFY(!proxy.icon(Problem::Severity::Info).isValid());
}

void TestSeverityIconProxy::onlyTheSeverityColumn()
{
    ProblemModel source;
    source.setProblems(QStringLiteral("/repo/a.yaml"),
                       {problem(Problem::Severity::Error, 7, "an error")});
    SeverityIconProxy proxy;
    QAbstractItemModelTester tester(&proxy);
    proxy.setSourceModel(&source);
    proxy.setIcon(Problem::Severity::Error, ErrorIcon);
    for (int column = 0; column < proxy.columnCount(); ++column) {
        const QModelIndex index = proxy.index(0, column);
        if (column == ProblemModel::SeverityColumn)
            QCOMPARE(index.data(Qt::DecorationRole).toString(), ErrorIcon);
        else
            QVERIFY2(!index.data(Qt::DecorationRole).isValid(),
                     qPrintable(QString::number(column)));
        // Every other role is the source's.
        QCOMPARE(index.data(), source.index(0, column).data());
        QCOMPARE(index.data(ProblemModel::LineRole).toInt(), 7);
    }
}

void TestSeverityIconProxy::settingAnIconUpdatesShownRows()
{
    ProblemModel source;
    source.setProblems(
        QStringLiteral("/repo/a.yaml"),
        {problem(Problem::Severity::Error, 1, "one"), problem(Problem::Severity::Error, 2, "two")});
    SeverityIconProxy proxy;
    QAbstractItemModelTester tester(&proxy);
    proxy.setSourceModel(&source);
    QCOMPARE(dump(proxy), QStringLiteral("- | one\n- | two"));

    QSignalSpy changed(&proxy, &QAbstractItemModel::dataChanged);
    proxy.setIcon(Problem::Severity::Error, ErrorIcon);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), proxy.index(0, ProblemModel::SeverityColumn));
    QCOMPARE(changed.at(0).at(1).toModelIndex(), proxy.index(1, ProblemModel::SeverityColumn));
    QCOMPARE(changed.at(0).at(2).value<QVector<int>>(), QVector<int>{Qt::DecorationRole});
    QCOMPARE(dump(proxy), QStringLiteral("icon:error | one\nicon:error | two"));
}

QTEST_GUILESS_MAIN(TestSeverityIconProxy)
#include "tst_severityiconproxy.moc"
