#include "diffhighlighter.h"
#include "plandiffdialog.h"
#include "testfiles.h"
#include "writeplandialog.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTreeView>

using namespace Fluxdesk;
using Fluxdesk::TestFiles::child;

namespace {

const QString DeploymentPath = QStringLiteral("workloads/llm/deployment.yaml");
const QString KustomizationPath = QStringLiteral("workloads/llm/kustomization.yaml");
const QString ServicePath = QStringLiteral("workloads/llm/service.yaml");
const QString RootPath = QStringLiteral("workloads/kustomization.yaml");
const QString OldPath = QStringLiteral("workloads/old/configmap.yaml");

const QString ServicePlanned = QStringLiteral("apiVersion: v1\n"
                                              "kind: Service\n"
                                              "metadata:\n"
                                              "  name: llama-cpp\n"
                                              "  namespace: llm\n"
                                              "spec:\n"
                                              "  ports:\n"
                                              "    - port: 8080\n");
const QByteArray ServiceOnDisk = "apiVersion: v1\n"
                                 "kind: Service\n"
                                 "metadata:\n"
                                 "  name: llama-cpp\n"
                                 "  namespace: llm\n"
                                 "spec:\n"
                                 "  ports:\n"
                                 "    - port: 9090 # changed by hand\n";
const QString KustomizationText = QStringLiteral("apiVersion: kustomize.config.k8s.io/v1beta1\n"
                                                 "kind: Kustomization\n"
                                                 "resources:\n"
                                                 "  - deployment.yaml\n"
                                                 "  - service.yaml\n");

PlannedFile planned(const QString &path, const QString &text, PlannedFileKind kind)
{
    PlannedFile file;
    file.path = path;
    file.text = text;
    file.kind = kind;
    return file;
}

Plan samplePlan()
{
    Plan plan;
    plan.cluster = QStringLiteral("homelab");
    plan.files = {
        planned(RootPath, QStringLiteral("resources:\n  - llm\n"), PlannedFileKind::Kustomization),
        planned(DeploymentPath, QStringLiteral("apiVersion: apps/v1\nkind: Deployment\n"),
                PlannedFileKind::Manifest),
        planned(KustomizationPath, KustomizationText, PlannedFileKind::Kustomization),
        planned(ServicePath, ServicePlanned, PlannedFileKind::Manifest),
    };
    return plan;
}

RepositoryFiles sampleDisk()
{
    RepositoryFiles disk;
    disk.insert(RootPath, QByteArray("resources:\n  - llm\n"));
    disk.insert(ServicePath, ServiceOnDisk);
    disk.insert(OldPath, QByteArray("apiVersion: v1\nkind: ConfigMap\n"));
    return disk;
}

PlanWritePreview samplePreview()
{
    PlanWritePreview preview;
    preview.created = QStringList{DeploymentPath, KustomizationPath};
    preview.differing = QStringList{ServicePath};
    preview.unchanged = QStringList{RootPath};
    preview.removable = QStringList{OldPath};
    return preview;
}

// The tree as it reads: groups, then "path | action [x]" per file.
QString dump(const QTreeView *tree)
{
    const QAbstractItemModel *model = tree->model();
    QStringList lines;
    for (int i = 0; i < model->rowCount(); ++i) {
        const QModelIndex top = model->index(i, 0);
        lines.append(top.data().toString());
        for (int j = 0; j < model->rowCount(top); ++j) {
            const QModelIndex file = model->index(j, 0, top);
            const QModelIndex action = file.siblingAtColumn(1);
            QString line = QLatin1String("  ") + file.data().toString() + QLatin1String(" | ") +
                           action.data().toString();
            if (action.flags() & Qt::ItemIsUserCheckable)
                line += action.data(Qt::CheckStateRole).toInt() == Qt::Checked
                            ? QLatin1String(" [x]")
                            : QLatin1String(" [ ]");
            lines.append(line);
        }
    }
    return lines.join(QLatin1Char('\n'));
}

// A file's row in the tree (column 0: the path; column 1: the action and its box).
QModelIndex fileIndex(const QTreeView *tree, const QString &path, int column = 0)
{
    const QModelIndexList found =
        tree->model()->match(tree->model()->index(0, 0), Qt::DisplayRole, path, -1,
                             Qt::MatchExactly | Qt::MatchRecursive);
    return found.size() == 1 ? found.first().siblingAtColumn(column) : QModelIndex();
}

// Ticks or unticks a file's action as a click on its box does.
bool tick(QTreeView *tree, const QString &path, Qt::CheckState state)
{
    const QModelIndex action = fileIndex(tree, path, 1);
    return action.isValid() && tree->model()->setData(action, int(state), Qt::CheckStateRole);
}

} // namespace

class TestWritePlanDialog : public QObject
{
    Q_OBJECT

private slots:
    void listsTheThreeGroups();
    void checkboxesMapToPaths();
    void diffPaneShowsChangedFile();
    void newFileShowsPlanText();
    void writeAccepts();
    void nothingToWrite();
    void onlyKeptEditsStartsAsNothingToWrite();
    void planDiffDialogChoices();
};

void TestWritePlanDialog::listsTheThreeGroups()
{
    WritePlanDialog dialog(samplePreview(), samplePlan(), sampleDisk(), QStringLiteral("/repo"));
    QCOMPARE(child<QLabel>(&dialog, "writePlanSummary")->text(),
             QStringLiteral("2 new files, 1 changed on disk, 1 no longer planned "
                            "(1 already up to date)"));
    QCOMPARE(dump(dialog.tree()),
             QStringLiteral("New (2)\n"
                            "  workloads/llm/deployment.yaml | Create\n"
                            "  workloads/llm/kustomization.yaml | Create\n"
                            "Changed on disk (1)\n"
                            "  workloads/llm/service.yaml | Replace with the plan's version [ ]\n"
                            "No longer planned (1)\n"
                            "  workloads/old/configmap.yaml | Delete [ ]"));
    QCOMPARE(dialog.acceptedPaths(), QSet<QString>());
    QCOMPARE(dialog.removedPaths(), QSet<QString>());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(child<QLabel>(&dialog, "deleteWarning")->isVisible());
    QVERIFY(child<QLabel>(&dialog, "deleteWarning")->text().contains(QLatin1String("permanent")));
    QVERIFY(!child<QLabel>(&dialog, "nothingToWrite")->isVisible());
    auto *write = child<QPushButton>(&dialog, "writeButton");
    QVERIFY(write->isVisible());
    QVERIFY(write->isDefault());
    QCOMPARE(write->text(), QStringLiteral("Write 2 Files"));
    QVERIFY(child<QPushButton>(&dialog, "cancelButton")->isVisible());
    QVERIFY(!child<QPushButton>(&dialog, "closeButton")->isVisible());
}

void TestWritePlanDialog::checkboxesMapToPaths()
{
    WritePlanDialog dialog(samplePreview(), samplePlan(), sampleDisk(), QStringLiteral("/repo"));
    auto *write = child<QPushButton>(&dialog, "writeButton");
    QVERIFY(fileIndex(dialog.tree(), ServicePath).isValid());
    QVERIFY(fileIndex(dialog.tree(), OldPath).isValid());
    // New files are informational only.
    QVERIFY(!(fileIndex(dialog.tree(), DeploymentPath, 1).flags() & Qt::ItemIsUserCheckable));
    QVERIFY(!tick(dialog.tree(), DeploymentPath, Qt::Checked));

    // Space on a file's action ticks it, as in the view.
    dialog.tree()->setCurrentIndex(fileIndex(dialog.tree(), ServicePath, 1));
    QTest::keyClick(dialog.tree(), Qt::Key_Space);
    QCOMPARE(dialog.acceptedPaths(), QSet<QString>{ServicePath});
    QCOMPARE(dialog.removedPaths(), QSet<QString>());
    QCOMPARE(dialog.writeCount(), 3);
    QCOMPARE(write->text(), QStringLiteral("Write 3 Files"));

    QVERIFY(tick(dialog.tree(), OldPath, Qt::Checked));
    QCOMPARE(dialog.removedPaths(), QSet<QString>{OldPath});
    QCOMPARE(dialog.deleteCount(), 1);
    QCOMPARE(write->text(), QStringLiteral("Write 3, Delete 1"));

    QVERIFY(tick(dialog.tree(), ServicePath, Qt::Unchecked));
    QCOMPARE(dialog.acceptedPaths(), QSet<QString>());
    QCOMPARE(dialog.removedPaths(), QSet<QString>{OldPath});
    QCOMPARE(write->text(), QStringLiteral("Write 2, Delete 1"));
}

void TestWritePlanDialog::diffPaneShowsChangedFile()
{
    WritePlanDialog dialog(samplePreview(), samplePlan(), sampleDisk(), QStringLiteral("/repo"));
    // The first file that needs a decision is selected on open.
    QVERIFY(dialog.tree()->currentIndex().isValid());
    QCOMPARE(dialog.tree()->currentIndex().data(WritePlanDialog::PathRole).toString(), ServicePath);
    auto *diff = child<QPlainTextEdit>(&dialog, "writePlanDiff");
    QVERIFY(diff);
    QVERIFY(diff->isReadOnly());
    const QStringList lines = diff->toPlainText().split(QLatin1Char('\n'));
    QVERIFY2(lines.contains(QStringLiteral("--- a/workloads/llm/service.yaml")),
             qPrintable(diff->toPlainText()));
    QVERIFY(lines.contains(QStringLiteral("-    - port: 9090 # changed by hand")));
    QVERIFY(lines.contains(QStringLiteral("+    - port: 8080")));
    QVERIFY(lines.contains(QStringLiteral("   ports:")));
    // Coloured by the diff highlighter.
    QVERIFY(diff->findChild<DiffHighlighter *>());
    QCOMPARE(diff->findChild<DiffHighlighter *>()->document(), diff->document());
}

void TestWritePlanDialog::newFileShowsPlanText()
{
    WritePlanDialog dialog(samplePreview(), samplePlan(), sampleDisk(), QStringLiteral("/repo"));
    auto *diff = child<QPlainTextEdit>(&dialog, "writePlanDiff");
    dialog.tree()->setCurrentIndex(fileIndex(dialog.tree(), KustomizationPath));
    QCOMPARE(diff->toPlainText(), KustomizationText);
    // "  - deployment.yaml" is YAML, not a removed line: no diff colours here.
    QVERIFY(!diff->findChild<DiffHighlighter *>()->document());

    dialog.tree()->setCurrentIndex(fileIndex(dialog.tree(), OldPath));
    QCOMPARE(diff->toPlainText(), QStringLiteral("apiVersion: v1\nkind: ConfigMap\n"));

    dialog.tree()->setCurrentIndex(dialog.tree()->model()->index(0, 0));
    QCOMPARE(diff->toPlainText(), QString());
}

void TestWritePlanDialog::writeAccepts()
{
    WritePlanDialog dialog(samplePreview(), samplePlan(), sampleDisk(), QStringLiteral("/repo"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(tick(dialog.tree(), ServicePath, Qt::Checked));
    QTest::mouseClick(child<QPushButton>(&dialog, "writeButton"), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.acceptedPaths(), QSet<QString>{ServicePath});
}

void TestWritePlanDialog::nothingToWrite()
{
    PlanWritePreview preview;
    preview.unchanged = QStringList{RootPath, ServicePath};
    WritePlanDialog dialog(preview, samplePlan(), sampleDisk(), QStringLiteral("/repo"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.tree()->model()->rowCount(), 0);
    QVERIFY(!dialog.tree()->isVisible());
    auto *nothing = child<QLabel>(&dialog, "nothingToWrite");
    QVERIFY(nothing->isVisible());
    QVERIFY(nothing->text().startsWith(QLatin1String("Nothing to write")));
    // Not a disabled Write button: no Write button at all, and Close instead of Cancel.
    QVERIFY(!child<QPushButton>(&dialog, "writeButton")->isVisible());
    QVERIFY(!child<QPushButton>(&dialog, "cancelButton")->isVisible());
    auto *close = child<QPushButton>(&dialog, "closeButton");
    QVERIFY(close->isVisible());
    QVERIFY(close->isEnabled());
    QVERIFY(!child<QLabel>(&dialog, "deleteWarning")->isVisible());
    QCOMPARE(child<QLabel>(&dialog, "writePlanSummary")->text(),
             QStringLiteral("0 new files, 0 changed on disk, 0 no longer planned "
                            "(2 already up to date)"));
    QTest::mouseClick(close, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(dialog.acceptedPaths().isEmpty());
    QVERIFY(dialog.removedPaths().isEmpty());
}

void TestWritePlanDialog::onlyKeptEditsStartsAsNothingToWrite()
{
    PlanWritePreview preview;
    preview.differing = QStringList{ServicePath};
    WritePlanDialog dialog(preview, samplePlan(), sampleDisk(), QStringLiteral("/repo"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *write = child<QPushButton>(&dialog, "writeButton");
    auto *nothing = child<QLabel>(&dialog, "nothingToWrite");
    QVERIFY(nothing->isVisible());
    QVERIFY(nothing->text().contains(QLatin1String("keep your edits")));
    QVERIFY(!write->isVisible());
    QVERIFY(child<QPushButton>(&dialog, "closeButton")->isVisible());

    QVERIFY(tick(dialog.tree(), ServicePath, Qt::Checked));
    QVERIFY(!nothing->isVisible());
    QVERIFY(write->isVisible());
    QCOMPARE(write->text(), QStringLiteral("Write 1 File"));
    QVERIFY(!child<QPushButton>(&dialog, "closeButton")->isVisible());
    QVERIFY(child<QPushButton>(&dialog, "cancelButton")->isVisible());
}

void TestWritePlanDialog::planDiffDialogChoices()
{
    const QString disk = QString::fromUtf8(ServiceOnDisk);
    {
        PlanDiffDialog dialog(ServicePath, disk, ServicePlanned);
        const QStringList lines = dialog.diffView()->toPlainText().split(QLatin1Char('\n'));
        QVERIFY(lines.contains(QStringLiteral("-    - port: 9090 # changed by hand")));
        QVERIFY(lines.contains(QStringLiteral("+    - port: 8080")));
        QVERIFY(dialog.diffView()->isReadOnly());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.choice(), PlanDiffDialog::Choice::KeepMine);
        QTest::mouseClick(child<QPushButton>(&dialog, "usePlanButton"), Qt::LeftButton);
        QCOMPARE(dialog.choice(), PlanDiffDialog::Choice::UsePlan);
    }
    {
        PlanDiffDialog dialog(ServicePath, disk, ServicePlanned);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *keep = child<QPushButton>(&dialog, "keepMineButton");
        QVERIFY(keep->isDefault());
        QTest::mouseClick(keep, Qt::LeftButton);
        QCOMPARE(dialog.choice(), PlanDiffDialog::Choice::KeepMine);
    }
    // Equal texts say so instead of showing an empty pane.
    QCOMPARE(planDiffText(ServicePath, ServicePlanned, ServicePlanned),
             QStringLiteral("The file on disk already has the plan's text."));
}

QTEST_MAIN(TestWritePlanDialog)
#include "tst_writeplandialog.moc"
