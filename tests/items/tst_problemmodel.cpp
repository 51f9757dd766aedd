// The Problems list is filled by several reporters (the editor's linter, the plan): each one's
// problems for a file are replaced without touching the others'.
#include "items/problemmodel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace Fluxdesk;

namespace {

Problem problem(const char *message, const char *rule)
{
    Problem p;
    p.message = QString::fromUtf8(message);
    p.rule = QString::fromUtf8(rule);
    return p;
}

QStringList messages(const ProblemModel &model)
{
    QStringList out;
    for (const Problem &p : model.problems())
        out.append(p.origin + QLatin1Char(':') + p.file + QLatin1Char(':') + p.message);
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

class TestProblemModel : public QObject
{
    Q_OBJECT

private slots:
    void reportersKeepTheirOwn()
    {
        ProblemModel model;
        QAbstractItemModelTester tester(&model);
        const QString file = QStringLiteral("/repo/a.yaml");
        model.setProblems(file, {problem("lint one", "image-latest")});
        model.setProblems(file, {problem("plan one", "plan-plain-text-secret")},
                          QStringLiteral("plan"));
        QCOMPARE(model.rowCount(), 2);

        // A new lint replaces the lint's problems only.
        model.setProblems(file, {problem("lint two", "image-latest")});
        QCOMPARE(messages(model), (QStringList{QStringLiteral(":/repo/a.yaml:lint two"),
                                               QStringLiteral("plan:/repo/a.yaml:plan one")}));

        // Closing the document clears the lint; the plan's problem stays, and the reverse.
        model.clearFile(file);
        QCOMPARE(messages(model), QStringList{QStringLiteral("plan:/repo/a.yaml:plan one")});
        model.setProblems(file, {problem("lint three", "image-latest")});
        model.clearFile(file, QStringLiteral("plan"));
        QCOMPARE(messages(model), QStringList{QStringLiteral(":/repo/a.yaml:lint three")});
    }

    void renameKeepsOrigins()
    {
        ProblemModel model;
        const QString from = QStringLiteral("untitled-1");
        model.setProblems(from, {problem("lint", "parse-error")});
        model.setProblems(from, {problem("plan", "plan-values-secret")}, QStringLiteral("plan"));
        model.renameFile(from, QStringLiteral("/repo/b.yaml"));
        QCOMPARE(messages(model), (QStringList{QStringLiteral(":/repo/b.yaml:lint"),
                                               QStringLiteral("plan:/repo/b.yaml:plan")}));
    }
};

QTEST_GUILESS_MAIN(TestProblemModel)
#include "tst_problemmodel.moc"
