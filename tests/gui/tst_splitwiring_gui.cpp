// Split into a folder of the open repository, from the window (issue 18, surprise 3): the dialog
// says whether Flux will apply the folder, wires it up through the kustomizations above it, asks
// (wire it up to the nearest applied folder, or leave it unwired) where nothing above it is
// applied, and orders the kustomization as Helm installs when asked.
#include "core/resources.h"
#include "editorpage.h"
#include "editortabs.h"
#include "mainwindow.h"
#include "plan/fluxreach.h"
#include "plan/writtenrecord.h"
#include "repo/kustomizationfile.h"
#include "testfiles.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Fluxdesk;
using Fluxdesk::TestFiles::child;
using Fluxdesk::TestFiles::readFile;
using Fluxdesk::TestFiles::writeFile;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

const QByteArray workloads = "# Every app of the lab.\n"
                             "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                             "kind: Kustomization\n"
                             "resources:\n"
                             "  - llm # the model server\n";

void makeRepository(const QTemporaryDir &repo)
{
    QVERIFY(writeFile(repo.filePath(s("clusters/lab/workloads.yaml")),
                      "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\n"
                      "metadata:\n  name: workloads\n  namespace: flux-system\nspec:\n"
                      "  interval: 10m\n  path: ./workloads\n  prune: true\n  sourceRef:\n"
                      "    kind: GitRepository\n    name: flux-system\n"));
    QVERIFY(writeFile(repo.filePath(s("workloads/kustomization.yaml")), workloads));
    QVERIFY(
        writeFile(repo.filePath(s("workloads/llm/kustomization.yaml")), "resources:\n- cm.yaml\n"));
    QVERIFY(writeFile(repo.filePath(s("workloads/llm/cm.yaml")),
                      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n"));
    // The file to split: a Deployment, a Service and their Namespace, in that order.
    QVERIFY(writeFile(repo.filePath(s("tools.yaml")),
                      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: tool\n"
                      "  namespace: tools\nspec:\n  replicas: 1\n---\n"
                      "apiVersion: v1\nkind: Service\nmetadata:\n  name: tool\n"
                      "  namespace: tools\nspec:\n  ports:\n  - port: 80\n---\n"
                      "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: tools\n"));
}

// The folders lint flags, but the top one (tools.yaml, the file split, lies there unlisted).
QStringList unwiredFolders(const QString &repo)
{
    QStringList out;
    for (const Problem &p : FluxReach::read(repo).problems()) {
        if (!p.message.startsWith(QLatin1String("./ ")))
            out.append(p.message.section(QLatin1Char(' '), 0, 0));
    }
    return out;
}

QStringList resourcesOf(const QString &path)
{
    return kustomizationResources(readFile(path), path);
}

} // namespace

class TestSplitWiringGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        initResources();
        qputenv("KUBECONFIG", m_home.filePath(s("missing-kubeconfig")).toUtf8());
    }

    void init()
    {
        QFile::remove(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
                      QLatin1String("/Fluxdesk/Fluxdesk.conf"));
    }

    void splitIntoWorkloadsIsWiredUpInHelmsOrder()
    {
        QTemporaryDir repo;
        makeRepository(repo);
        QDialog *dialog = openSplit(repo);
        QVERIFY(dialog);
        child<QLineEdit>(dialog, "splitFolderEdit")
            ->setText(QDir::toNativeSeparators(repo.filePath(s("workloads/tools"))));
        auto *label = child<QLabel>(dialog, "splitWiringLabel");
        auto *combo = child<QComboBox>(dialog, "splitWiringCombo");
        QVERIFY(label->isVisible());
        QVERIFY2(label->text().contains(s("Flux would not apply it")), qPrintable(label->text()));
        QVERIFY(combo->isVisible());
        QVERIFY2(combo->currentText().contains(s("workloads/kustomization.yaml")),
                 qPrintable(combo->currentText()));
        child<QCheckBox>(dialog, "helmOrderToggle")->setChecked(true);
        auto *split = child<QPushButton>(dialog, "splitWriteButton");
        QVERIFY(split->isEnabled());
        QTest::mouseClick(split, Qt::LeftButton);
        QTRY_VERIFY(!dialog->isVisible());

        const QByteArray parent = readFile(repo.filePath(s("workloads/kustomization.yaml")));
        QCOMPARE(parent, workloads + "  - tools\n"); // the user's comments stay
        QCOMPARE(resourcesOf(repo.filePath(s("workloads/tools/kustomization.yaml"))),
                 (QStringList{s("tools-namespace.yaml"), s("tool-service.yaml"),
                              s("tool-deployment.yaml")}));
        QCOMPARE(unwiredFolders(repo.path()), QStringList());
        QVERIFY(loadWrittenRecord(repo.path()).isUsers(s("workloads/tools/tool-service.yaml")));
    }

    void outsideEveryAppliedFolderTheDialogAsks()
    {
        QTemporaryDir repo;
        makeRepository(repo);
        QDialog *dialog = openSplit(repo);
        QVERIFY(dialog);
        child<QLineEdit>(dialog, "splitFolderEdit")
            ->setText(QDir::toNativeSeparators(repo.filePath(s("apps/tools"))));
        auto *label = child<QLabel>(dialog, "splitWiringLabel");
        auto *combo = child<QComboBox>(dialog, "splitWiringCombo");
        auto *split = child<QPushButton>(dialog, "splitWriteButton");
        QVERIFY2(label->text().contains(s("Wire it up to the nearest folder Flux applies")),
                 qPrintable(label->text()));
        // Asked, not guessed: nothing chosen, and Split waits for the choice.
        QCOMPARE(combo->currentIndex(), -1);
        QVERIFY(!split->isEnabled());
        QCOMPARE(combo->count(), 2);
        QVERIFY2(
            combo->itemText(0).contains(s("list ../apps/tools in workloads/kustomization.yaml")),
            qPrintable(combo->itemText(0)));
        combo->setCurrentIndex(0);
        QVERIFY(split->isEnabled());
        QTest::mouseClick(split, Qt::LeftButton);
        QTRY_VERIFY(!dialog->isVisible());
        QVERIFY(resourcesOf(repo.filePath(s("workloads/kustomization.yaml")))
                    .contains(s("../apps/tools")));
        QCOMPARE(unwiredFolders(repo.path()), QStringList());
    }

    void leftUnwiredLintSaysSo()
    {
        QTemporaryDir repo;
        makeRepository(repo);
        QDialog *dialog = openSplit(repo);
        QVERIFY(dialog);
        child<QLineEdit>(dialog, "splitFolderEdit")
            ->setText(QDir::toNativeSeparators(repo.filePath(s("workloads/tools"))));
        auto *combo = child<QComboBox>(dialog, "splitWiringCombo");
        // Offered, not forced: the folder may stay unwired.
        QVERIFY(combo->isVisible());
        QVERIFY(combo->findData(s("leave")) >= 0);
        combo->setCurrentIndex(combo->findData(s("leave")));
        QTest::mouseClick(child<QPushButton>(dialog, "splitWriteButton"), Qt::LeftButton);
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(readFile(repo.filePath(s("workloads/kustomization.yaml"))), workloads);
        QCOMPARE(unwiredFolders(repo.path()), QStringList{s("workloads/tools/")});
    }

private:
    // The window on repo with tools.yaml open, and its Split dialog shown.
    QDialog *openSplit(const QTemporaryDir &repo)
    {
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        m_window->openRepository(repo.path());
        auto *tabs = m_window->editorTabs();
        m_window->openFileInEditor(repo.filePath(s("tools.yaml")));
        if (!QTest::qWaitFor(
                [tabs] { return tabs->currentPage() && !tabs->currentPage()->isLoading(); }))
            return nullptr;
        QTest::mouseClick(child<QToolButton>(m_window.get(), "splitButton"), Qt::LeftButton);
        auto *dialog = child<QDialog>(m_window.get(), "splitDialog");
        if (!dialog || !QTest::qWaitFor([dialog] { return dialog->isVisible(); }))
            return nullptr;
        return dialog;
    }

    QTemporaryDir m_home;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestSplitWiringGui)
#include "tst_splitwiring_gui.moc"
